"""The stack of time charts: one shared, scrolling time axis over traffic, shop health, queue, sales, fleet.

Data arrival is not repaint: sources append to the series store whenever they like, and the
window's display timer calls `redraw`, which does nothing unless the data, the markers or the
visible range changed. The view follows the newest sample until the operator pans or zooms; then
it stays put until they double-click a chart or press Live. While following, the range moves in
steps of one curve column (a line width), so between steps a new sample repaints only the newest
columns and leaves the time axis as it was.
"""

from __future__ import annotations

import math
import time
from dataclasses import replace
from datetime import datetime, tzinfo
from typing import NamedTuple

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from console.envelope import column_width
from console.markers import Marker, MarkerList
from console.series import SeriesKey, SeriesStore
from widgets import palette
from widgets.chart_plot import ChartPlot, ChartSpec, CompactAxis, SeriesStyle, TimeAxis
from widgets.marker_lines import MarkerLines

MIN_SPAN_SECONDS = 15 * 60.0  # a new day still shows a quarter of an hour
LEAD = 0.02  # empty share of the window right of the newest sample, so it is not drawn on the edge

CHARTS = (
    ChartSpec(
        str(QT_TRANSLATE_NOOP("TimeCharts", "Traffic")),
        (
            SeriesStyle(SeriesKey.VISITORS, str(QT_TRANSLATE_NOOP("TimeCharts", "visitors/min")), palette.BLUE),
            SeriesStyle(SeriesKey.EDGE_REQUESTS, str(QT_TRANSLATE_NOOP("TimeCharts", "edge requests/min (right)")),
                        palette.VIOLET, right=True),
        ),
        left_floor=10.0,
        right_floor=100.0,
    ),
    ChartSpec(
        str(QT_TRANSLATE_NOOP("TimeCharts", "Shop health")),
        (
            SeriesStyle(SeriesKey.ERROR_RATE, str(QT_TRANSLATE_NOOP("TimeCharts", "5xx %")), palette.RED),
            SeriesStyle(SeriesKey.LATENCY, str(QT_TRANSLATE_NOOP("TimeCharts", "latency ms (right)")),
                        palette.YELLOW, right=True),
        ),
        left_floor=2.0,
        right_floor=500.0,
    ),
    ChartSpec(
        str(QT_TRANSLATE_NOOP("TimeCharts", "Queue")),
        (
            SeriesStyle(SeriesKey.QUEUE, str(QT_TRANSLATE_NOOP("TimeCharts", "queued")), palette.CYAN),
            SeriesStyle(SeriesKey.ADMITTED, str(QT_TRANSLATE_NOOP("TimeCharts", "admitted/min (right)")),
                        palette.GREEN, right=True),
        ),
        left_floor=10.0,
        right_floor=10.0,
    ),
    ChartSpec(
        str(QT_TRANSLATE_NOOP("TimeCharts", "Sales")),
        (
            SeriesStyle(SeriesKey.SOLD_RATE, str(QT_TRANSLATE_NOOP("TimeCharts", "tickets sold/min")), palette.GREEN),
            SeriesStyle(SeriesKey.SOLD, str(QT_TRANSLATE_NOOP("TimeCharts", "tickets sold (right)")),
                        palette.ORANGE, right=True),
        ),
        left_floor=10.0,
        right_floor=100.0,
    ),
    ChartSpec(
        str(QT_TRANSLATE_NOOP("TimeCharts", "Fleet")),
        (
            SeriesStyle(SeriesKey.DESIRED, str(QT_TRANSLATE_NOOP("TimeCharts", "desired")), palette.ORANGE),
            SeriesStyle(SeriesKey.SERVING, str(QT_TRANSLATE_NOOP("TimeCharts", "serving")), palette.BLUE),
        ),
        left_floor=4.0,
    ),
)


class Shown(NamedTuple):
    """The stretch of time the charts show; `history` is how much of the newest data, None when paused."""

    history: float | None
    x_min: float
    x_max: float
    width: float  # seconds per curve column


def utc_offset_for_axis(tz: tzinfo | None) -> int:
    """pyqtgraph's DateAxisItem counts offsets west-positive (like time.timezone): UTC+1 is -3600."""
    offset = datetime.now(tz).astimezone(tz).utcoffset()
    return -int(offset.total_seconds()) if offset is not None else 0


def translated(spec: ChartSpec) -> ChartSpec:
    """The chart's title and legend in the interface language (marked for translation in CHARTS)."""
    series = tuple(replace(style, label=QCoreApplication.translate("TimeCharts", style.label)) for style in spec.series)
    return replace(spec, title=QCoreApplication.translate("TimeCharts", spec.title), series=series)


class TimeCharts(QWidget):
    def __init__(
        self,
        series: SeriesStore,
        markers: MarkerList,
        window_seconds: float = 3 * 3600,
        *,
        tz: tzinfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._series = series
        self._markers = markers
        self._window = float(window_seconds)
        self._tz = tz
        self._following = True
        self._x_range: tuple[float, float] | None = None
        self._drawn: tuple[int, float, float, float] | None = None
        self._drawn_markers: tuple[Marker, ...] | None = None

        self.canvas = pg.GraphicsLayoutWidget(self)
        self.canvas.ci.setSpacing(2)
        self.canvas.ci.setContentsMargins(2, 2, 2, 2)
        offset = utc_offset_for_axis(tz)
        self.charts = tuple(self._add_chart(row, spec, offset) for row, spec in enumerate(CHARTS))
        first = self.charts[0].plot
        for chart in self.charts[1:]:
            chart.plot.setXLink(first)
        for chart in self.charts:
            chart.set_x_values_visible(chart is self.charts[-1])
            chart.view.sigRangeChangedManually.connect(self._on_manual_range)
        self.canvas.scene().sigMouseClicked.connect(self._on_click)
        self.marker_lines = MarkerLines([chart.plot for chart in self.charts], tz)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._make_bar())
        layout.addWidget(self.canvas, 1)
        self._show_following()
        self._span.setText(self._span_text(self._live_view()))

    def _add_chart(self, row: int, spec: ChartSpec, utc_offset: int) -> ChartPlot:
        axes = {
            "bottom": TimeAxis(orientation="bottom", utcOffset=utc_offset),
            "left": CompactAxis("left"),
            "right": CompactAxis("right"),
        }
        return ChartPlot(self.canvas.addPlot(row=row, col=0, axisItems=axes), translated(spec))

    def _make_bar(self) -> QFrame:
        bar = QFrame(self)
        bar.setObjectName("chartBar")
        self._span = QLabel(bar)
        self._span.setObjectName("chartSpan")
        self._state = QLabel(bar)
        self.live_button = QPushButton(self.tr("Live"), bar)
        self.live_button.setObjectName("liveButton")
        self.live_button.setToolTip(self.tr("Follow the newest data again (or double-click a chart)"))
        self.live_button.clicked.connect(self.go_live)
        row = QHBoxLayout(bar)
        row.setContentsMargins(8, 2, 8, 2)
        row.addWidget(self._span)
        row.addStretch(1)
        row.addWidget(self._state)
        row.addWidget(self.live_button)
        return bar

    # ------------------------------------------------------------ following the newest data

    @property
    def following(self) -> bool:
        return self._following

    def go_live(self) -> None:
        self._following = True
        self._x_range = None
        self._show_following()
        self.redraw()

    def _on_manual_range(self, *_: object) -> None:
        if self._following:
            self._following = False
            self._show_following()

    def _on_click(self, event: object) -> None:
        if getattr(event, "double", lambda: False)():
            self.go_live()

    def _show_following(self) -> None:
        self.live_button.setEnabled(not self._following)
        self._state.setText(self.tr("● following live") if self._following else
                            self.tr("paused: double-click or press Live"))

    def _live_view(self) -> Shown:
        """From the first sample (at most the window back) to the latest: no empty hours at the start of a day.

        The range ends a little right of the newest sample, so it is not drawn on the edge, and both
        ends sit on the curves' column grid.
        """
        times = [self._series[key].last_time for key in SeriesKey]
        latest = max((t for t in times if t is not None), default=time.time())
        firsts = [t for t in (self._series[key].first_time for key in SeriesKey) if t is not None]
        start = max(min(firsts, default=latest), latest - self._window)
        history = max(latest - start, MIN_SPAN_SECONDS)
        width = self._width(history * (1 + LEAD))
        x_max = math.ceil((latest + history * LEAD) / width) * width
        # One column more than the history needs: whatever the phase of the grid, all of it is in view.
        x_min = x_max - (math.ceil(history * (1 + LEAD) / width) + 1) * width
        return Shown(history, x_min, x_max, width)

    def _paused_view(self) -> Shown:
        x_min, x_max = self.x_range()
        return Shown(None, x_min, x_max, self._width(x_max - x_min))

    def _width(self, span: float) -> float:
        """Seconds per curve column for a range this long."""
        return column_width(span, self.charts[0].columns())

    def x_range(self) -> tuple[float, float]:
        x_min, x_max = self.charts[0].view.viewRange()[0]
        return float(x_min), float(x_max)

    def span_text(self) -> str:
        return self._span.text()

    def _span_text(self, shown: Shown) -> str:
        """What the charts show: the last so much while following, else the stretch of the day in view."""
        history = shown.history
        if history is None:
            try:
                start, end = (datetime.fromtimestamp(x, self._tz).strftime("%H:%M") for x in (shown.x_min, shown.x_max))
            except (OverflowError, OSError, ValueError):  # zoomed out past the calendar
                return ""
            return f"{start} – {end}"
        if history >= 3600:
            return self.tr("last {hours} h").format(hours=QLocale().toString(round(history / 3600, 1)))
        return self.tr("last {minutes} min").format(minutes=QLocale().toString(round(history / 60)))

    # ------------------------------------------------------------ the display timer's work

    def redraw(self) -> bool:
        """Bring the charts up to date; returns False, having done nothing, when nothing changed."""
        if self._following:
            shown = self._live_view()
            if (shown.x_min, shown.x_max) != self._x_range:
                self.charts[0].plot.setXRange(shown.x_min, shown.x_max, padding=0)
                self._x_range = shown.x_min, shown.x_max
        else:
            shown = self._paused_view()
        span = self._span_text(shown)
        if span != self._span.text():
            self._span.setText(span)
        markers = self._markers.value
        key = (self._series.version, shown.x_min, shown.x_max, shown.width)
        if key == self._drawn and markers is self._drawn_markers:
            return False
        if markers is not self._drawn_markers:
            self.marker_lines.sync(markers)
            self._drawn_markers = markers
        if key != self._drawn:
            for chart in self.charts:
                chart.update(self._series, shown.x_min, shown.x_max, shown.width)
            self._drawn = key
        return True

    @property
    def plots(self) -> tuple[pg.PlotItem, ...]:
        return tuple(chart.plot for chart in self.charts)
