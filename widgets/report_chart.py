"""A time chart for the printed report, drawn with QPainter straight into the PDF as vectors.

Print colours on white, a left and an optional right axis, the on-sale line, action and alert markers
numbered like the timeline table, and grey bands where a source gave no data. A line is never drawn
across a gap: each run between NaNs is drawn on its own, decimated to two points per device column.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF

from console.decimate import minmax_decimate
from widgets.chart_plot import compact_number

INK = "#1f2328"
MUTED = "#59636e"
GRID = "#d8dee4"
GAP_FILL = "#eaeef2"
OK = "#1a7f37"
FAILED = "#cf222e"
PENDING = "#9a6700"
ALERT = "#bf3989"
ONSALE = "#0550ae"
LINE_COLOURS = ("#0969da", "#d1242f", "#8250df", "#1a7f37", "#bc4c00")

XMap = Callable[[float], float]
TIME_STEPS_MIN = (1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440)


@dataclass(frozen=True)
class Line:
    label: str
    colour: str
    times: Sequence[datetime]
    values: Sequence[float]  # NaN breaks the line
    right: bool = False
    dashed: bool = False


@dataclass(frozen=True)
class ChartMarker:
    at: datetime
    number: int
    colour: str
    alert: bool = False


@dataclass
class ChartSpec:
    title: str
    lines: list[Line]
    start: datetime
    end: datetime
    left_unit: str = ""
    right_unit: str = ""
    markers: list[ChartMarker] = field(default_factory=list)
    gaps: list[tuple[datetime, datetime]] = field(default_factory=list)
    onsale: datetime | None = None


def report_font(points: float, bold: bool = False) -> QFont:
    """The report's one typeface. No ligatures: "fi" in "figures" must stay two letters for search and copy."""
    font = QFont("DejaVu Sans")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(points)
    font.setBold(bold)
    for feature in ("liga", "clig"):
        font.setFeature(QFont.Tag(feature), 0)
    return font


def nice_scale(value: float) -> tuple[float, int]:
    """The axis top and its number of intervals: 0..top in 3 to 5 steps of 1, 2, 2.5 or 5 x 10^k."""
    if value <= 0 or not math.isfinite(value):
        return 1.0, 4
    exponent = math.floor(math.log10(value)) - 1
    for power in (exponent, exponent + 1, exponent + 2):
        for base in (1.0, 2.0, 2.5, 5.0):
            step = base * 10.0**power
            count = max(math.ceil(value / step - 1e-9), 3)
            if count <= 5:
                return step * count, count
    return 10.0 ** (exponent + 3), 1


def _runs(times: Sequence[datetime], values: Sequence[float]) -> list[tuple[np.ndarray, np.ndarray]]:
    t = np.array([at.timestamp() for at in times], dtype=np.float64)
    v = np.array(values, dtype=np.float64)
    breaks = np.flatnonzero(np.isnan(v))
    runs = []
    start = 0
    for stop in [*breaks.tolist(), len(v)]:
        if stop > start:
            runs.append((t[start:stop], v[start:stop]))
        start = stop + 1
    return runs


class ChartPainter:
    """Draws one ChartSpec into a rectangle of a QPainter; sizes are in device units per millimetre."""

    def __init__(self, painter: QPainter, per_mm: float, tz: tzinfo) -> None:
        self._p = painter
        self._mm = per_mm
        self._tz = tz

    def _font(self, points: float, bold: bool = False) -> QFont:
        return report_font(points, bold)

    def _pen(self, colour: str, width_mm: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
        pen = QPen(QColor(colour))
        pen.setWidthF(width_mm * self._mm)
        pen.setStyle(style)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        return pen

    def draw(self, spec: ChartSpec, rect: QRectF) -> None:
        p, mm = self._p, self._mm
        p.save()
        p.setFont(self._font(9, bold=True))
        p.setPen(QColor(INK))
        title_h = QFontMetricsF(p.font()).height()
        p.drawText(QRectF(rect.left(), rect.top(), rect.width(), title_h), Qt.AlignmentFlag.AlignLeft, spec.title)
        self._legend(spec, QRectF(rect.left(), rect.top(), rect.width(), title_h))
        # Same plot width with or without a right axis, so that a moment lines up on every chart.
        plot = QRectF(rect.left() + 14 * mm, rect.top() + title_h + 2 * mm, rect.width() - 28 * mm,
                      rect.height() - title_h - 8 * mm)
        t0, t1 = spec.start.timestamp(), max(spec.end.timestamp(), spec.start.timestamp() + 60.0)

        def x_of(t: float) -> float:
            return plot.left() + (t - t0) / (t1 - t0) * plot.width()

        self._gaps(spec, plot, x_of)
        left_max = self._axis(spec, plot, right=False)
        right_max = self._axis(spec, plot, right=True) if any(line.right for line in spec.lines) else 1.0
        self._time_axis(plot, t0, t1, x_of)
        p.setClipRect(plot.adjusted(0, -mm, 0, 0))
        for line in spec.lines:
            self._line(line, plot, t0, t1, x_of, right_max if line.right else left_max)
        p.setClipping(False)
        self._markers(spec, plot, x_of)
        p.setPen(self._pen(MUTED, 0.25))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        p.restore()

    def _legend(self, spec: ChartSpec, row: QRectF) -> None:
        p, mm = self._p, self._mm
        p.setFont(self._font(7))
        metrics = QFontMetricsF(p.font())
        x = row.right()
        right = QCoreApplication.translate("Report", " (right)")
        for line in reversed(spec.lines):
            text = f"{line.label}{right if line.right else ''}"
            width = metrics.horizontalAdvance(text)
            x -= width
            p.setPen(QColor(INK))
            p.drawText(QPointF(x, row.top() + metrics.ascent()), text)
            x -= 6 * mm
            p.setPen(self._pen(line.colour, 0.8, Qt.PenStyle.DashLine if line.dashed else Qt.PenStyle.SolidLine))
            y = row.top() + metrics.ascent() - metrics.xHeight() / 2
            p.drawLine(QPointF(x, y), QPointF(x + 4.5 * mm, y))
            x -= 4 * mm

    def _axis(self, spec: ChartSpec, plot: QRectF, right: bool) -> float:
        p, mm = self._p, self._mm
        values = [v for line in spec.lines if line.right == right for v in line.values if math.isfinite(v)]
        top, steps = nice_scale(max(values, default=0.0) * 1.03)
        p.setFont(self._font(6.5))
        metrics = QFontMetricsF(p.font())
        for k in range(steps + 1):
            value = top * k / steps
            y = plot.bottom() - plot.height() * k / steps
            if not right:
                p.setPen(self._pen(GRID, 0.15))
                p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(QColor(MUTED))
            text = compact_number(value)
            x = plot.right() + 1.5 * mm if right else plot.left() - 1.5 * mm - metrics.horizontalAdvance(text)
            p.drawText(QPointF(x, y + metrics.ascent() / 2.5), text)
        unit = spec.right_unit if right else spec.left_unit
        if unit:
            p.save()
            x = plot.right() + 11 * mm if right else plot.left() - 11 * mm
            p.translate(x, plot.center().y())
            p.rotate(90 if right else -90)
            width = metrics.horizontalAdvance(unit)
            p.drawText(QPointF(-width / 2, 0), unit)
            p.restore()
        return top

    def _time_axis(self, plot: QRectF, t0: float, t1: float, x_of: XMap) -> None:
        p, mm = self._p, self._mm
        span_min = (t1 - t0) / 60.0
        step = next((s for s in TIME_STEPS_MIN if span_min / s <= 8), TIME_STEPS_MIN[-1])
        first = datetime.fromtimestamp(t0, self._tz)
        midnight = first.replace(hour=0, minute=0, second=0, microsecond=0)
        minutes_in = (first - midnight).total_seconds() / 60.0
        tick = midnight + timedelta(minutes=math.ceil(minutes_in / step) * step)
        p.setFont(self._font(6.5))
        metrics = QFontMetricsF(p.font())
        while tick.timestamp() <= t1:
            x = x_of(tick.timestamp())
            p.setPen(self._pen(GRID, 0.15))
            p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            text = tick.strftime("%H:%M") if tick.hour or tick.minute else tick.strftime("%d.%m")
            p.setPen(QColor(MUTED))
            p.drawText(QPointF(x - metrics.horizontalAdvance(text) / 2, plot.bottom() + 1 * mm + metrics.ascent()),
                       text)
            tick += timedelta(minutes=step)

    def _gaps(self, spec: ChartSpec, plot: QRectF, x_of: XMap) -> None:
        p = self._p
        no_data = QCoreApplication.translate("Report", "no data")
        for start, end in spec.gaps:
            left = max(x_of(start.timestamp()), plot.left())
            right = min(x_of(end.timestamp()), plot.right())
            if right <= left:
                continue
            band = QRectF(left, plot.top(), right - left, plot.height())
            p.fillRect(band, QBrush(QColor(GAP_FILL)))
            p.fillRect(band, QBrush(QColor(GRID), Qt.BrushStyle.BDiagPattern))
            p.setFont(self._font(6))
            p.setPen(QColor(MUTED))
            p.drawText(band.adjusted(0, self._mm, 0, 0), Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                       no_data)

    def _line(self, line: Line, plot: QRectF, t0: float, t1: float, x_of: XMap, top: float) -> None:
        p = self._p
        style = Qt.PenStyle.DashLine if line.dashed else Qt.PenStyle.SolidLine
        pen = self._pen(line.colour, 0.45, style)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        columns = max(int(plot.width() / self._mm * 2), 10)  # two columns per millimetre of paper
        for t, v in _runs(line.times, line.values):
            t, v = minmax_decimate(t, v, t0, t1, columns)
            points = [
                QPointF(x_of(float(ti)), plot.bottom() - float(vi) / top * plot.height())
                for ti, vi in zip(t, v, strict=True)
            ]
            if len(points) == 1:
                p.drawPoint(points[0])
            elif points:
                p.drawPolyline(QPolygonF(points))

    def _markers(self, spec: ChartSpec, plot: QRectF, x_of: XMap) -> None:
        p, mm = self._p, self._mm
        p.setFont(self._font(6, bold=True))
        metrics = QFontMetricsF(p.font())
        if spec.onsale is not None and spec.start <= spec.onsale <= spec.end:
            x = x_of(spec.onsale.timestamp())
            p.setPen(self._pen(ONSALE, 0.3, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            p.setPen(QColor(ONSALE))
            # Left of the line: the first actions usually follow the on-sale closely, on its right. Unless
            # that would run off the plot (a recording that starts just before the on-sale).
            onsale = QCoreApplication.translate("Report", "on-sale")
            left = x - 0.8 * mm - metrics.horizontalAdvance(onsale)
            p.drawText(QPointF(left if left >= plot.left() else x + 0.8 * mm, plot.bottom() - 1 * mm), onsale)
        for index, marker in enumerate(spec.markers):
            if not spec.start <= marker.at <= spec.end:
                continue
            x = x_of(marker.at.timestamp())
            style = Qt.PenStyle.DotLine if marker.alert else Qt.PenStyle.SolidLine
            p.setPen(self._pen(marker.colour, 0.35, style))
            p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            text = str(marker.number)
            level = index % 3
            y = plot.top() + metrics.ascent() + level * metrics.height()
            box = QRectF(x - metrics.horizontalAdvance(text) / 2 - 0.6 * mm, y - metrics.ascent(),
                         metrics.horizontalAdvance(text) + 1.2 * mm, metrics.height())
            p.fillRect(box, QColor(marker.colour))
            p.setPen(QColor("white"))
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
