"""Thousands of chart repaints must not kill the process.

PySide6 6.12 on Python 3.11 drops a reference to None on every void QPainter call; None is mortal
on 3.11, so after a few thousand repaints the interpreter aborts with "none_dealloc" (see
docs/architecture.md). This test paints the charts the way the display timer does, often enough to
reach that point, and also checks that None's reference count has not fallen while doing so.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from console.markers import Marker, MarkerKind, MarkerList
from console.series import SeriesKey, SeriesStore
from widgets.time_charts import TimeCharts

REPAINTS = 3000
NEW_DATA_EVERY = 4  # like the display timer: most frames have no new data (here: more often than live)
START = datetime(2026, 12, 4, 9, 0, tzinfo=UTC).timestamp()


def fill(store: SeriesStore, t: float, i: int) -> None:
    store.add(SeriesKey.VISITORS, t, 1000.0 + (i * 37) % 500)
    store.add(SeriesKey.EDGE_REQUESTS, t, 30_000.0 + (i * 53) % 9000)
    store.add(SeriesKey.LATENCY, t, 200.0 + (i % 40) * 10)
    store.add(SeriesKey.ERROR_RATE, t, (i % 100) / 50.0)
    store.add(SeriesKey.QUEUE, t, max(50_000.0 - 10 * i, 0.0))
    store.add(SeriesKey.ADMITTED, t, 1500.0)
    store.add(SeriesKey.SOLD_RATE, t, 300.0 + i % 30)
    store.add(SeriesKey.SOLD, t, 5.0 * i)
    store.add(SeriesKey.DESIRED, t, 8.0)
    store.add(SeriesKey.SERVING, t, 4.0 + (i // 500) % 5)


def test_charts_survive_thousands_of_repaints(qtbot: QtBot) -> None:
    store = SeriesStore(capacity=43_200)
    for i in range(20_000):
        fill(store, START + i, i)
    markers = MarkerList()
    for k in range(6):
        markers.add(Marker(f"m{k}", datetime.fromtimestamp(START + 15_000 + 600 * k, UTC), f"action {k}",
                           MarkerKind.ALERT if k % 3 == 0 else MarkerKind.ACTION))
    charts = TimeCharts(store, markers, window_seconds=3 * 3600)
    qtbot.addWidget(charts)
    charts.resize(400, 300)
    charts.show()
    qtbot.waitExposed(charts)
    charts.redraw()

    none_refs = sys.getrefcount(None)
    started = time.perf_counter()
    redrawn = 0
    for i in range(20_000, 20_000 + REPAINTS):
        if i % NEW_DATA_EVERY == 0:
            fill(store, START + i, i)
        redrawn += charts.redraw()
        image = charts.canvas.grab()
        assert not image.isNull()
    elapsed = time.perf_counter() - started

    assert redrawn == REPAINTS // NEW_DATA_EVERY  # idle frames skip the work, data frames do it
    # A leak of one reference per painter call would lose tens of thousands over this loop.
    assert sys.getrefcount(None) > none_refs - 1000
    assert elapsed < 90.0, f"{REPAINTS} repaints took {elapsed:.1f} s: painting has become much slower"
    last = max(i for i in range(20_000, 20_000 + REPAINTS) if i % NEW_DATA_EVERY == 0)
    assert charts.charts[0].curves[SeriesKey.VISITORS].getData()[0][-1] == START + last
