"""Chart repaint: one chart with 8 series of 12 hours at 1 s (345,600 points) while samples stream in.

Three measurements in one run, each frame = one new sample per series, the chart brought up to date
and the event loop run until the frame is painted (a paint counter checks it was, and after each timed
frame the chart's curves are checked to end at the new sample):
- the console's chart (widgets.chart_plot.ChartPlot: per-column min/max envelopes, kept up from frame
  to frame, drawn as filled columns a line width taller); the time range moves by one second every
  frame, as it does while the operator pans, so every frame also redraws the time axis;
- the same chart built naively: the same plot, axes and legend, 2 px pyqtgraph lines fed the full arrays;
- the whole main window (1600 x 1000) on a campaign state holding 12 hours of every series, where a
  frame is the display timer's redraw plus a repaint of the entire window.
Targets: chart p99 <= 6 ms, window p99 <= 16 ms, the chart at least 3x faster than the naive one.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from bench.common import Check, Result, distribution, emit, qt_offscreen
from bench.synthetic_day import START, fill_series, updates, value
from console.envelope import column_width
from console.series import SeriesKey, SeriesStore
from console.snapshots import SourceName
from console.state import CampaignState
from widgets import palette
from widgets.chart_plot import LINE_WIDTH, ChartPlot, ChartSpec, CompactAxis, SeriesStyle, TimeAxis
from widgets.main_window import MainWindow

HOURS = 12
SECONDS = HOURS * 3600
FRAMES = 240
NAIVE_FRAMES = 40  # enough for its median, which is all the comparison needs; each takes ~0.25 s
WARMUP = 10
CHART_SIZE = (1600, 300)
WINDOW_SIZE = (1600, 1000)
TRAFFIC_KEYS = (
    SeriesKey.VISITORS, SeriesKey.EDGE_REQUESTS, SeriesKey.ORIGIN_REQUESTS, SeriesKey.THREATS,
    SeriesKey.ERROR_RATE, SeriesKey.LATENCY, SeriesKey.CACHE_SHARE, SeriesKey.DB_CPU,
)
COLOURS = (palette.BLUE, palette.VIOLET, palette.CYAN, palette.RED, palette.ORANGE, palette.YELLOW, palette.GREEN,
           palette.MUTED)
CHART_P99_MS = 6.0
WINDOW_P99_MS = 16.0
SPEEDUP = 3.0


class PaintCounter(QObject):
    """Counts paint events of one widget, to check that every timed frame really painted."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def traffic_spec() -> ChartSpec:
    styles = tuple(SeriesStyle(key, key.value, colour, right=index % 2 == 1)
                   for index, (key, colour) in enumerate(zip(TRAFFIC_KEYS, COLOURS, strict=True)))
    return ChartSpec("Traffic", styles, left_floor=10.0, right_floor=100.0)


def make_chart() -> tuple[pg.GraphicsLayoutWidget, ChartPlot]:
    canvas = pg.GraphicsLayoutWidget()
    axes = {"bottom": TimeAxis(orientation="bottom"), "left": CompactAxis("left"), "right": CompactAxis("right")}
    chart = ChartPlot(canvas.addPlot(row=0, col=0, axisItems=axes), traffic_spec())
    canvas.resize(*CHART_SIZE)
    canvas.show()
    return canvas, chart


def naive_lines(chart: ChartPlot) -> dict[SeriesKey, pg.PlotDataItem]:
    """The naive chart's curves: plain 2 px pyqtgraph lines; the chart's own bands stay empty."""
    lines = {}
    for style in chart.spec.series:
        line = pg.PlotDataItem(pen=pg.mkPen(style.color, width=LINE_WIDTH))
        (chart.right_view if style.right else chart.view).addItem(line)
        lines[style.key] = line
    return lines


def frames(
    app: QApplication, painted: PaintCounter, step: Callable[[int], None], count: int,
    drawn: Callable[[int], bool] = lambda i: True,
) -> list[float]:
    """Times of `count` frames (ms), after WARMUP untimed ones; raises if a frame did not paint, or did
    not draw its new sample (`drawn`, checked after the frame's time is taken)."""
    times: list[float] = []
    for i in range(WARMUP + count):
        app.processEvents()
        before = painted.count
        started = time.perf_counter()
        step(i)
        app.processEvents()
        elapsed = (time.perf_counter() - started) * 1000.0
        if painted.count == before:
            raise RuntimeError(f"frame {i} did not paint")
        if not drawn(i):
            raise RuntimeError(f"frame {i} did not draw its new sample")
        if i >= WARMUP:
            times.append(elapsed)
    return times


def stream(store: SeriesStore, keys: tuple[SeriesKey, ...], last: float, i: int) -> float:
    """One new sample per series; returns its time."""
    t = last + 1 + i
    for key in keys:
        store.add(key, t, value(key, t))
    return t


def chart_frames(app: QApplication, naive: bool) -> list[float]:
    store = SeriesStore(capacity=SECONDS)
    last = fill_series(store, TRAFFIC_KEYS, SECONDS)
    canvas, chart = make_chart()
    painted = PaintCounter(canvas.viewport())
    lines = naive_lines(chart) if naive else {}

    def step(i: int) -> None:
        t = stream(store, TRAFFIC_KEYS, last, i)
        x_min, x_max = t - SECONDS, t + 60.0
        chart.plot.setXRange(x_min, x_max, padding=0)
        if naive:
            top = 0.0
            for key, curve in lines.items():
                times, values = store[key].arrays()
                curve.setData(times, values)
                top = max(top, float(np.nanmax(values)))
            chart.view.setYRange(0.0, top * 1.12, padding=0)
        else:
            chart.update(store, x_min, x_max, column_width(x_max - x_min, chart.columns()))

    def drawn(i: int) -> bool:
        curves = lines if naive else chart.curves
        return all(curve.getData()[0][-1] == last + 1 + i for curve in curves.values())

    try:
        return frames(app, painted, step, NAIVE_FRAMES if naive else FRAMES, drawn)
    finally:
        canvas.close()
        canvas.deleteLater()


def window_frames(app: QApplication) -> list[float]:
    state = CampaignState("shop", {name: 60.0 for name in SourceName}, capacity=SECONDS)
    for update in updates(0.05, START):  # the panels show values, as on a live day
        state.apply(update)
    keys = tuple(SeriesKey)
    last = fill_series(state.series, keys, SECONDS)
    window = MainWindow(state, "Benchmark day", SourceName.SHOP)
    window.display_timer.stop()  # the benchmark plays the display timer, frame by frame
    window.resize(*WINDOW_SIZE)
    window.show()
    painted = PaintCounter(window.charts.canvas.viewport())

    def step(i: int) -> None:
        stream(state.series, keys, last, i)
        window.charts.redraw()
        window.update()
        window.repaint()

    def drawn(i: int) -> bool:
        curves = [curve for chart in window.charts.charts for curve in chart.curves.values()]
        return all(curve.getData()[0][-1] == last + 1 + i for curve in curves)

    try:
        return frames(app, painted, step, FRAMES, drawn)
    finally:
        window.close()
        window.deleteLater()


def main() -> None:
    qt_offscreen()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    from widgets.theme import apply_theme

    apply_theme(app)
    decimated = chart_frames(app, naive=False)
    naive = chart_frames(app, naive=True)
    window = window_frames(app)
    chart_d, naive_d, window_d = distribution(decimated), distribution(naive), distribution(window)
    speedup = naive_d["median"] / chart_d["median"]
    emit(Result(
        "chart_repaint",
        [
            Check("chart p99", chart_d["p99"], "ms", f"<= {CHART_P99_MS:g} ms", chart_d["p99"] <= CHART_P99_MS),
            Check("whole window p99", window_d["p99"], "ms", f"<= {WINDOW_P99_MS:g} ms",
                  window_d["p99"] <= WINDOW_P99_MS),
            Check("naive / chart (median)", round(speedup, 1), "x", f">= {SPEEDUP:g}x", speedup >= SPEEDUP),
        ],
        details={"chart_ms": chart_d, "naive_ms": naive_d, "window_ms": window_d,
                 "points": len(TRAFFIC_KEYS) * SECONDS, "chart_px": CHART_SIZE, "window_px": WINDOW_SIZE},
        notes="frame = one new sample per series + bring the chart up to date + paint (offscreen raster)",
    ))


if __name__ == "__main__":
    main()
