"""One chart of the stack: its curves on a left and an optional right axis, fed per-column envelopes.

Curves are created once; every redraw hands them only what fits the view, one min/max envelope per
column of a line width (console.envelope), which they draw as a filled band (widgets.band_curve).
The y axes start at zero and are scaled here rather than by pyqtgraph's auto-range, so that a quiet
series does not blow a flat line up into noise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pyqtgraph as pg
from PySide6.QtGui import QColor, QPainter, QPen

from console.envelope import AppendWatch, EnvelopeCache
from console.series import SeriesKey, SeriesStore
from widgets import palette
from widgets.band_curve import BandCurve

AXIS_WIDTH = 52
LINE_WIDTH = 2  # px: curves are read from across the war room
# Stacking inside a plot: the grid (drawn by the axes) at the back, then the right-axis curves, then
# the main view (pyqtgraph puts it at -100) with the left-axis curves, markers, title and legend.
Z_AXES = -200
Z_RIGHT_VIEW = -150
HEADROOM = 1.12


@dataclass(frozen=True)
class SeriesStyle:
    key: SeriesKey
    label: str
    color: str
    right: bool = False  # drawn against the right-hand axis


@dataclass(frozen=True)
class ChartSpec:
    title: str
    series: tuple[SeriesStyle, ...]
    left_floor: float = 1.0  # the y axis shows at least 0..floor, so small values stay small
    right_floor: float = 1.0


def compact_number(value: float) -> str:
    """Axis ticks in at most four characters or so: 950, 1.2k, 13k, 4.5M."""
    size = abs(value)
    for divisor, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if size >= divisor:
            return f"{value / divisor:.3g}{suffix}"
    return f"{value:.3g}"


def opaque_ticks(specs: Any) -> Any:
    """Grid lines pre-blended onto the background instead of drawn translucent.

    Qt's raster engine draws translucent lines some thirty times slower than opaque ones, and
    pyqtgraph's grid is translucent: on a 1000 x 900 stack it cost more than all curves together.
    Same look, since the chart background is opaque.
    """
    if specs is None:
        return None
    axis, ticks, texts = specs
    return axis, [(_blend(pen), start, end) for pen, start, end in ticks], texts


def _blend(pen: QPen) -> QPen:
    colour = pen.color()
    alpha = colour.alphaF()
    if alpha >= 1.0:
        return pen
    back = QColor(palette.BACKGROUND)
    mixed = QColor.fromRgbF(
        back.redF() + (colour.redF() - back.redF()) * alpha,
        back.greenF() + (colour.greenF() - back.greenF()) * alpha,
        back.blueF() + (colour.blueF() - back.blueF()) * alpha,
    )
    opaque = QPen(pen)
    opaque.setColor(mixed)
    return opaque


class CompactAxis(pg.AxisItem):
    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [compact_number(v * scale) for v in values]

    def generateDrawSpecs(self, p: QPainter) -> Any:
        return opaque_ticks(super().generateDrawSpecs(p))


class TimeAxis(pg.DateAxisItem):
    """The time axis, with its ticks worked out once for a stretch of time rather than on every move.

    While the view scrolls, the time axis re-lays out its ticks whenever the range moves: on the
    chart stack that is five axes, and pyqtgraph's date ticks (zoom level, calendar steps, strftime)
    were the largest part of such a frame. For the same span on the same width the ticks of a moved
    range are those of a wider range that holds it, so the wider one is worked out once and sliced.
    """

    zoomLevel: Any  # pyqtgraph's, set by tickValues
    minSpacing: float

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._ticks: TickCache | None = None
        self._strings: dict[tuple[float, float, int], str] = {}

    def generateDrawSpecs(self, p: QPainter) -> Any:
        return opaque_ticks(super().generateDrawSpecs(p))

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        cache = self._ticks
        key = (maxVal - minVal, size, self.utcOffset)
        if cache is None or cache.key != key or not cache.low <= minVal <= maxVal <= cache.high:
            margin = (maxVal - minVal) * TICK_MARGIN
            # Zoom level and spacing follow from seconds per pixel, which the wider range keeps.
            levels = super().tickValues(minVal - margin, maxVal + margin, size * (1 + 2 * TICK_MARGIN))
            cache = self._ticks = TickCache(key, minVal - margin, maxVal + margin, levels, self.zoomLevel,
                                            self.minSpacing)
        self.zoomLevel, self.minSpacing = cache.zoom_level, cache.min_spacing
        return [(spacing, [v for v in values if minVal <= v <= maxVal]) for spacing, values in cache.levels]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        level = id(self.zoomLevel)  # the format is the zoom level's for that spacing
        missing = [v for v in values if (v, spacing, level) not in self._strings]
        if missing:
            if len(self._strings) > 2000:  # a long pan or zoom: start over
                self._strings.clear()
            strings = super().tickStrings(missing, scale, spacing)
            self._strings.update(zip(((v, spacing, level) for v in missing), strings, strict=True))
        return [self._strings[(v, spacing, level)] for v in values]


TICK_MARGIN = 0.25  # share of the span worked out either side of the view, for it to move into


@dataclass(frozen=True)
class TickCache:
    key: tuple[float, float, int | None]  # span, pixels, UTC offset
    low: float
    high: float
    levels: list[tuple[float, list[float]]]
    zoom_level: Any
    min_spacing: float


class ChartPlot:
    """Wraps a PlotItem already placed in a GraphicsLayout (the right axis needs its scene)."""

    def __init__(self, plot: pg.PlotItem, spec: ChartSpec) -> None:
        self.plot = plot
        self.spec = spec
        self.view: pg.ViewBox = plot.getViewBox()
        self._right_view: pg.ViewBox | None = None
        plot.hideButtons()
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=True, y=False)
        plot.showGrid(x=True, y=True, alpha=0.12)
        plot.showAxis("right")
        for side in ("left", "right"):
            plot.getAxis(side).setWidth(AXIS_WIDTH)
        for side in ("left", "right", "bottom"):
            plot.getAxis(side).setZValue(Z_AXES)
        for side in ("left", "right", "bottom", "top"):
            # Else every change of range re-lays out the axis label (hidden here) as HTML, hidden axes too.
            plot.getAxis(side).enableAutoSIPrefix(False)
        self._title = pg.LabelItem(spec.title, color=palette.TEXT, size="10pt", bold=True)
        self._title.setParentItem(self.view)
        self._title.anchor(itemPos=(0, 0), parentPos=(0, 0), offset=(6, 0))
        # The legend sits right after the title: the newest data, at the right edge, stays uncovered.
        self.legend = pg.LegendItem(labelTextColor=palette.MUTED, labelTextSize="9pt", colCount=len(spec.series),
                                    brush=pg.mkBrush(palette.BACKGROUND + "c0"))
        self.legend.setParentItem(self.view)
        title_width = self._title.item.boundingRect().width()
        self.legend.anchor(itemPos=(0, 0), parentPos=(0, 0), offset=(title_width + 14, 0))
        self.curves: dict[SeriesKey, BandCurve] = {}
        self._caches = {style.key: EnvelopeCache() for style in spec.series}
        self._watch: AppendWatch | None = None
        self._ranges: tuple[float, float, float, float] | None = None  # x range, left and right y tops
        for style in spec.series:
            self.curves[style.key] = self._add_curve(style)
        left = next((s for s in spec.series if not s.right), None)
        right = next((s for s in spec.series if s.right), None)
        if left is not None:
            plot.getAxis("left").setTextPen(left.color)
        if right is not None:
            plot.getAxis("right").setTextPen(right.color)
        else:
            plot.getAxis("right").setStyle(showValues=False)

    def _add_curve(self, style: SeriesStyle) -> BandCurve:
        curve = BandCurve(style.color, LINE_WIDTH)
        if style.right:
            self.right_view.addItem(curve)
        else:
            self.view.addItem(curve)
        self.legend.addItem(curve, style.label)
        return curve

    @property
    def right_view(self) -> pg.ViewBox:
        """A second ViewBox under the first, sharing x, for a series with its own scale."""
        if self._right_view is None:
            view = pg.ViewBox(enableMenu=False)
            view.setMouseEnabled(x=False, y=False)
            view.setZValue(Z_RIGHT_VIEW)
            # Parented after construction: ViewBox hooks the scene's paint signal in itemChange,
            # which a parent given to the constructor reaches before the Python object is ready.
            view.setParentItem(self.plot)
            self.plot.getAxis("right").linkToView(view)
            view.setXLink(self.view)
            self.view.sigResized.connect(self._follow_geometry)
            self._right_view = view
            self._follow_geometry()
        return self._right_view

    def _follow_geometry(self) -> None:
        if self._right_view is not None:
            self._right_view.setGeometry(self.view.geometry())
            self._right_view.linkedViewChanged(self.view, self._right_view.XAxis)

    def columns(self) -> int:
        """Columns of the data area one line width wide: the resolution worth sending to the curves.

        A 2 px line cannot show detail finer than 2 px: a column of a line width, drawn as its min..max
        plus the line width, is what the line would cover (docs/performance.md).
        """
        return max(int(self.view.width()) // LINE_WIDTH, 100)

    def update(self, store: SeriesStore, x_min: float, x_max: float, width: float) -> None:
        """Envelopes of the series over [x_min, x_max] in columns `width` seconds wide (`column_width`)."""
        if self._watch is None or self._watch.store is not store:
            self._watch = AppendWatch(store)
            appended_only = False
        else:
            appended_only = self._watch.look()
        bands = {style.key: self._caches[style.key].envelope(*store[style.key].arrays(), x_min, x_max, width,
                                                             appended_only) for style in self.spec.series}
        tops = {False: 0.0, True: 0.0}
        for style in self.spec.series:
            peak = bands[style.key].peak
            if peak == peak:  # not NaN
                tops[style.right] = max(tops[style.right], peak)
        ranges = (x_min, x_max, max(tops[False], self.spec.left_floor) * HEADROOM,
                  max(tops[True], self.spec.right_floor) * HEADROOM)
        # When the view moves, all of it is repainted anyway: the curves need not work out what changed.
        moved = ranges != self._ranges
        for key, band in bands.items():
            self.curves[key].setData(band, repaint_all=moved)
        if moved:
            self._ranges = ranges
            # Only a real change of scale touches a view: an unchanged one would still relay out its axis.
            self.view.setYRange(0.0, ranges[2], padding=0)
            if self._right_view is not None:
                self._right_view.setYRange(0.0, ranges[3], padding=0)
            # pyqtgraph applies a new range when the paint begins, which marks the whole view dirty again
            # and paints it a second time after the frame; applied now, it is part of the one paint.
            for view in (self.view, self._right_view):
                if view is not None:
                    view.updateMatrix()

    def set_x_values_visible(self, visible: bool) -> None:
        """Only the bottom chart labels the time axis; the others keep its grid."""
        axis = self.plot.getAxis("bottom")
        axis.setStyle(showValues=visible)
        if not visible:
            axis.setHeight(4)
