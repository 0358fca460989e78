"""The time axis works its ticks out once for a stretch of time and shows exactly what pyqtgraph's would."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from widgets.chart_plot import TimeAxis

T0 = 1_796_371_200.0  # 2026-12-04 08:00 UTC


@pytest.mark.parametrize("utc_offset", [0, -3600, 19_800])
def test_ticks_of_a_scrolling_range_are_pyqtgraphs_own(qapp: QApplication, utc_offset: int) -> None:
    ours, theirs = TimeAxis(orientation="bottom", utcOffset=utc_offset), pg.DateAxisItem(utcOffset=utc_offset)
    ours.fontMetrics = theirs.fontMetrics = QFontMetrics(QFont())  # as painting sets it, for the label widths
    rng = np.random.default_rng(7)
    for span in np.geomspace(60.0, 20 * 86_400.0, 40):  # every zoom level and its edges
        start = T0 + float(rng.uniform(0, 86_400))
        for step in range(30):  # a second a frame, now and then a jump
            x_min = start + step + (span if step % 10 == 9 else 0.0)
            for size in (700.0, 1548.0):
                expected = [(spacing, [v for v in values if x_min <= v <= x_min + span])
                            for spacing, values in theirs.tickValues(x_min, x_min + span, size)]
                got = ours.tickValues(x_min, x_min + span, size)
                assert got == expected
                assert ours.zoomLevel is theirs.zoomLevel
                for spacing, values in got:
                    assert ours.tickStrings(values, 1.0, spacing) == theirs.tickStrings(values, 1.0, spacing)
