"""The band curve draws what a 2 px line through the same samples would: its thickness, its spikes, its gaps."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from console.envelope import envelope
from console.markers import MarkerList
from console.series import SeriesKey, SeriesStore
from widgets import palette
from widgets.band_curve import BandCurve
from widgets.chart_plot import LINE_WIDTH
from widgets.time_charts import TimeCharts

T0 = 1_800_000_000.0
SPAN = 1000.0


CANVASES: list[pg.GraphicsLayoutWidget] = []  # alive until the test ends, for the view it returns


@pytest.fixture(autouse=True)
def canvases() -> Iterator[None]:
    yield
    CANVASES.clear()


def draw(qtbot: QtBot, values: np.ndarray, width: float = 5.0) -> tuple[QImage, pg.ViewBox]:
    """One band of 1 s samples over SPAN seconds in a bare 500 x 200 view, grabbed as an image."""
    canvas = pg.GraphicsLayoutWidget()
    CANVASES.append(canvas)
    qtbot.addWidget(canvas)
    view = canvas.addViewBox()
    curve = BandCurve(palette.CYAN, LINE_WIDTH)
    view.addItem(curve)
    t = T0 + np.arange(len(values), dtype=np.float64)
    curve.setData(envelope(t, values, T0, T0 + SPAN, width))
    view.setRange(xRange=(T0, T0 + SPAN), yRange=(0.0, 100.0), padding=0)
    canvas.resize(500, 200)
    canvas.show()
    qtbot.waitExposed(canvas)
    return canvas.grab().toImage(), view


def painted_rows(image: QImage, x: int) -> list[int]:
    cyan = QColor(palette.CYAN)
    return [y for y in range(image.height()) if image.pixelColor(x, y) == cyan]


def device(view: pg.ViewBox, t: float, value: float) -> tuple[int, float]:
    point = view.mapViewToDevice(pg.Point(t, value))
    return int(point.x()), point.y()


def test_a_flat_series_is_a_line_of_the_line_width(qtbot: QtBot) -> None:
    image, view = draw(qtbot, np.full(int(SPAN), 50.0))
    for t in (T0 + 100, T0 + 500, T0 + 900):
        x, y = device(view, t, 50.0)
        rows = painted_rows(image, x)
        assert len(rows) == LINE_WIDTH
        assert abs(np.mean(rows) + 0.5 - y) <= 1.0


def test_a_spike_reaches_its_peak_and_the_curve_comes_back(qtbot: QtBot) -> None:
    values = np.full(int(SPAN), 20.0)
    values[401] = 90.0  # one sample: narrower than a column, still drawn, its tip at the column's middle
    image, view = draw(qtbot, values, width=5.0)
    x, _ = device(view, T0 + 402.5, 90.0)
    _, top = device(view, T0, 90.0)
    _, base = device(view, T0, 20.0)
    rows = painted_rows(image, x)
    assert min(rows) <= top <= min(rows) + LINE_WIDTH
    assert max(rows) >= base
    assert len(painted_rows(image, device(view, T0 + 600, 20.0)[0])) == LINE_WIDTH


def test_a_gap_in_the_data_is_a_gap_in_the_curve(qtbot: QtBot) -> None:
    values = np.full(int(SPAN), 50.0)
    values[300:600] = np.nan
    image, view = draw(qtbot, values)
    assert painted_rows(image, device(view, T0 + 450, 50.0)[0]) == []
    assert len(painted_rows(image, device(view, T0 + 200, 50.0)[0])) == LINE_WIDTH
    assert len(painted_rows(image, device(view, T0 + 700, 50.0)[0])) == LINE_WIDTH


def test_points_in_time_order_for_whoever_reads_the_curve(qtbot: QtBot) -> None:
    values = np.arange(SPAN, dtype=np.float64) % 10
    _, view = draw(qtbot, values)
    curve = next(item for item in view.addedItems if isinstance(item, BandCurve))
    t, v = curve.getData()
    assert np.all(np.diff(t) >= 0)
    assert (v.min(), v.max()) == (0.0, 9.0)
    assert curve.dataBounds(1) == (0.0, 9.0)
    assert curve.dataBounds(0) == pytest.approx((T0, T0 + SPAN - 1))


def on_screen(widget: QWidget) -> QImage:
    """What the window shows now (its backing store), not a fresh rendering as QWidget.grab() would make."""
    top = widget.window()
    at = widget.mapTo(top, QPoint(0, 0))
    screen = QApplication.primaryScreen()
    return screen.grabWindow(top.winId(), at.x(), at.y(), widget.width(), widget.height()).toImage()


@pytest.mark.parametrize("capacity", [20_000, 3000])  # in the second, the oldest samples leave the view too
def test_repainting_only_what_changed_leaves_the_picture_a_full_repaint_makes(qtbot: QtBot, capacity: int) -> None:
    """New samples repaint only the columns they change; after many, the window matches a repaint of everything."""
    store = SeriesStore(capacity=capacity)
    rng = np.random.default_rng(3)
    for i in range(7200):
        store.add(SeriesKey.VISITORS, T0 + i, 100.0 + 20 * np.sin(i / 300) + rng.normal())
        store.add(SeriesKey.EDGE_REQUESTS, T0 + i, 5000.0 + rng.normal() * 50)
    charts = TimeCharts(store, MarkerList(), window_seconds=3600.0, tz=UTC)
    qtbot.addWidget(charts)
    charts.resize(700, 500)
    charts.show()
    qtbot.waitExposed(charts)
    charts.redraw()
    QApplication.processEvents()
    for i in range(7200, 7400):
        value = 100.0 + rng.normal() * (30 if i % 17 == 0 else 1)  # now and then a spike
        store.add(SeriesKey.VISITORS, T0 + i, value if i % 53 else float("nan"))
        store.add(SeriesKey.EDGE_REQUESTS, T0 + i, 5000.0 + rng.normal() * 50)
        charts.redraw()
        QApplication.processEvents()
    kept_up = on_screen(charts.canvas)
    charts.canvas.viewport().update()
    QApplication.processEvents()
    assert on_screen(charts.canvas) == kept_up
