"""The chart stack: markers on every chart, idle frames skipped, scrolling that yields to the operator."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from console.envelope import column_width
from console.markers import Marker, MarkerKind, MarkerList, Outcome
from console.series import SeriesKey, SeriesStore
from widgets import palette
from widgets.time_charts import CHARTS, TimeCharts

T0 = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
WINDOW = 3600.0


@pytest.fixture
def store() -> SeriesStore:
    series = SeriesStore(capacity=20_000)
    start = T0.timestamp()
    for i in range(7200):  # two hours at 1 s
        t = start + i
        series.add(SeriesKey.VISITORS, t, 100.0 + (i % 60))
        series.add(SeriesKey.LATENCY, t, 200.0)
    return series


def make_charts(qtbot: QtBot, store: SeriesStore, markers: MarkerList) -> TimeCharts:
    charts = TimeCharts(store, markers, window_seconds=WINDOW, tz=UTC)
    qtbot.addWidget(charts)
    charts.resize(900, 700)
    charts.show()
    qtbot.waitExposed(charts)
    return charts


def marker_lines(plot: pg.PlotItem) -> list[pg.InfiniteLine]:
    return [item for item in plot.items if isinstance(item, pg.InfiniteLine)]


def test_every_marker_is_a_line_on_every_chart_coloured_by_outcome(qtbot: QtBot, store: SeriesStore) -> None:
    markers = MarkerList()
    charts = make_charts(qtbot, store, markers)
    charts.redraw()
    assert all(marker_lines(plot) == [] for plot in charts.plots)

    markers.add(Marker("m1", T0 + timedelta(minutes=100), "scale out 4 → 8", MarkerKind.ACTION))
    markers.add(Marker("m2", T0 + timedelta(minutes=110), "5xx {high}", MarkerKind.ALERT))
    assert charts.redraw()
    assert len(charts.plots) == len(CHARTS) == 5
    for plot in charts.plots:
        lines = marker_lines(plot)
        assert len(lines) == 2
        assert sorted(line.value() for line in lines) == [
            (T0 + timedelta(minutes=100)).timestamp(), (T0 + timedelta(minutes=110)).timestamp()
        ]
    first = charts.marker_lines.lines("m1")
    assert [line.pen.color().name() for line in first] == [palette.WARN] * 5
    assert first[0].label.toPlainText() == "scale out 4 → 8 (pending)"
    assert charts.marker_lines.lines("m2")[0].label.toPlainText() == "⚠ 5xx {high}"

    markers.resolve("m1", Outcome.FAILED)
    assert charts.redraw()
    again = charts.marker_lines.lines("m1")
    assert again == first  # restyled in place, not recreated
    assert [line.pen.color().name() for line in again] == [palette.ALARM] * 5
    assert again[0].label.toPlainText() == "scale out 4 → 8 ✗"
    assert all(len(marker_lines(plot)) == 2 for plot in charts.plots)


def test_redraw_does_nothing_until_data_markers_or_range_change(qtbot: QtBot, store: SeriesStore) -> None:
    markers = MarkerList()
    charts = make_charts(qtbot, store, markers)
    assert charts.redraw()
    assert not charts.redraw()
    store.add(SeriesKey.VISITORS, store[SeriesKey.VISITORS].last_time or 0.0, 5.0)  # revise the latest sample
    assert charts.redraw()
    assert not charts.redraw()
    markers.add(Marker("m1", T0, "note", MarkerKind.ACTION))
    assert charts.redraw()
    assert not charts.redraw()


def test_curves_get_at_most_two_points_per_pixel_column(qtbot: QtBot, store: SeriesStore) -> None:
    charts = make_charts(qtbot, store, MarkerList())
    charts.redraw()
    traffic = charts.charts[0]
    t, v = traffic.curves[SeriesKey.VISITORS].getData()
    columns = traffic.columns()
    assert 100 < len(t) <= 2 * (columns + 3)  # the grid's partial columns at both edges, one beyond each
    assert v.max() == 159.0 and v.min() == 100.0  # the extremes survive decimation
    y_min, y_max = traffic.view.viewRange()[1]
    assert y_min == 0.0 and y_max >= 159.0


def column(charts: TimeCharts) -> float:
    x_min, x_max = charts.x_range()
    return column_width(x_max - x_min, charts.charts[0].columns())


def test_the_view_follows_the_newest_sample(qtbot: QtBot, store: SeriesStore) -> None:
    charts = make_charts(qtbot, store, MarkerList())
    charts.redraw()
    latest = store[SeriesKey.VISITORS].last_time or 0.0
    x_min, x_max = charts.x_range()
    width = column(charts)
    assert latest + WINDOW * 0.02 <= x_max < latest + WINDOW * 0.02 + width
    assert x_min <= latest - WINDOW < x_min + 2 * width  # the whole window, and a column or two more
    store.add(SeriesKey.VISITORS, latest + 600.0, 120.0)
    charts.redraw()
    assert charts.x_range()[1] == pytest.approx(latest + 600.0 + WINDOW * 0.02, abs=width)
    for chart in charts.charts[1:]:  # one shared, linked time axis
        assert chart.view.viewRange()[0] == pytest.approx(list(charts.x_range()), abs=1.0)


def test_the_range_moves_in_whole_columns(qtbot: QtBot, store: SeriesStore) -> None:
    """Samples inside the newest column leave the time axis alone; the next column moves it one step."""
    charts = make_charts(qtbot, store, MarkerList())
    charts.redraw()
    x_min, x_max = charts.x_range()
    width = column(charts)
    assert x_max / width == pytest.approx(round(x_max / width))
    latest = store[SeriesKey.VISITORS].last_time or 0.0
    step = 0.0
    while charts.x_range() == (x_min, x_max):
        step += 1.0
        store.add(SeriesKey.VISITORS, latest + step, 130.0)
        assert charts.redraw()  # new data is drawn every time
        t, _ = charts.charts[0].curves[SeriesKey.VISITORS].getData()
        assert t[-1] == latest + step
    assert 1.0 <= step <= width + 1.0
    assert charts.x_range() == pytest.approx((x_min + width, x_max + width))


def test_the_bar_says_what_the_charts_show(qtbot: QtBot, store: SeriesStore) -> None:
    charts = make_charts(qtbot, store, MarkerList())
    charts.redraw()
    assert charts.span_text() == "last 1 h"  # two hours of data, a one-hour window

    short = SeriesStore(1000)
    for minute in range(43):
        short.add(SeriesKey.VISITORS, T0.timestamp() + 60 * minute, 100.0)
    young = make_charts(qtbot, short, MarkerList())
    young.redraw()
    assert young.span_text() == "last 42 min"
    for minute in range(43, 100):
        short.add(SeriesKey.VISITORS, T0.timestamp() + 60 * minute, 100.0)
    young.redraw()
    assert young.span_text() == "last 1 h"  # the window, no more
    young.charts[0].plot.setXRange(T0.timestamp() + 600, T0.timestamp() + 1800, padding=0)
    young.charts[0].view.sigRangeChangedManually.emit(None)  # as a pan by the operator
    young.redraw()
    assert young.span_text() == "09:10 – 09:30"


def drag(qtbot: QtBot, viewport: QWidget, start: QPoint) -> None:
    """A mouse drag to the right, in steps, as a hand would make it."""
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.wait(12)  # pyqtgraph drops mouse moves closer than 10 ms apart
        qtbot.mouseMove(viewport, start + QPoint(40 * step, 0))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(200, 0))


def double_click(widget: QWidget, pos: QPoint) -> None:
    """What a mouse sends for a double-click: press, release, double-click, release.

    QTest.mouseDClick sends a press where Qt sends nothing, which pyqtgraph reads as a single click.
    """
    left = Qt.MouseButton.LeftButton
    none = Qt.MouseButton.NoButton
    local = QPointF(pos)
    sequence = (
        (QEvent.Type.MouseButtonPress, left),
        (QEvent.Type.MouseButtonRelease, none),
        (QEvent.Type.MouseButtonDblClick, left),
        (QEvent.Type.MouseButtonRelease, none),
    )
    for kind, buttons in sequence:
        global_pos = QPointF(widget.mapToGlobal(pos))
        event = QMouseEvent(kind, local, global_pos, left, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, event)


def test_panning_stops_following_until_live_or_double_click(qtbot: QtBot, store: SeriesStore) -> None:
    charts = make_charts(qtbot, store, MarkerList())
    charts.redraw()
    assert charts.following and not charts.live_button.isEnabled()

    view = charts.charts[1].view
    centre = charts.canvas.mapFromScene(view.mapToScene(view.boundingRect().center()))
    viewport = charts.canvas.viewport()
    drag(qtbot, viewport, centre)
    assert not charts.following
    assert charts.live_button.isEnabled()
    panned = charts.x_range()

    latest = store[SeriesKey.VISITORS].last_time or 0.0
    store.add(SeriesKey.VISITORS, latest + 300.0, 120.0)
    charts.redraw()
    assert charts.x_range() == pytest.approx(panned)  # new data does not yank the view back

    qtbot.mouseClick(charts.live_button, Qt.MouseButton.LeftButton)
    assert charts.following
    assert charts.x_range()[1] == pytest.approx(latest + 300.0 + WINDOW * 0.02, abs=column(charts))

    qtbot.wait(QApplication.styleHints().mouseDoubleClickInterval() + 100)  # else Qt reads this press as a double-click
    drag(qtbot, viewport, centre)
    assert not charts.following
    double_click(viewport, centre)
    assert charts.following


def test_an_empty_store_draws_without_data(qtbot: QtBot) -> None:
    charts = make_charts(qtbot, SeriesStore(capacity=10), MarkerList())
    assert charts.redraw()
    t, _ = charts.charts[0].curves[SeriesKey.VISITORS].getData()
    assert t is None or len(t) == 0


def test_a_short_history_fills_the_view_instead_of_hugging_the_right_edge(qtbot: QtBot) -> None:
    short = SeriesStore(1000)
    start = 1_800_000_000.0
    for minute in range(30):
        short.add(SeriesKey.VISITORS, start + 60 * minute, 100.0 + minute)
    charts = make_charts(qtbot, short, MarkerList())
    charts.redraw()
    x_min, x_max = charts.x_range()
    assert x_max - x_min == pytest.approx(29 * 60, rel=0.05)  # not the whole hour-long window
    assert x_min <= start + 60
