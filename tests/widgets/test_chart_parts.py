"""Small pieces of the charts and tiles: axis numbers, the opaque grid, wall-readable durations and sizes."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QPointF
from PySide6.QtGui import QColor, QPen

from widgets import palette
from widgets.chart_plot import compact_number, opaque_ticks
from widgets.formatting import Numbers, age_text, wait_text


def test_axis_numbers_stay_short() -> None:
    assert [compact_number(v) for v in (0.0, 0.25, 950.0, 1234.0, 13_000.0, 4_500_000.0)] == [
        "0", "0.25", "950", "1.23k", "13k", "4.5M"
    ]


def test_grid_lines_are_blended_onto_the_background() -> None:
    translucent = QPen(QColor(255, 255, 255, 51))  # 20 % white
    solid = QPen(QColor(palette.ACCENT))
    line = (QPointF(0, 0), QPointF(0, 100))
    _, ticks, _ = opaque_ticks(("axis", [(translucent, *line), (solid, *line)], ["text"]))
    blended = ticks[0][0].color()
    back = QColor(palette.BACKGROUND)
    assert blended.alpha() == 255
    assert abs(blended.red() - (back.red() + (255 - back.red()) * 0.2)) <= 1
    assert ticks[1][0].color() == QColor(palette.ACCENT)
    assert opaque_ticks(None) is None


def test_waits_ages_and_sizes_read_at_a_glance() -> None:
    assert [wait_text(s) for s in (0, 59.6, 245, 3599, 3600, 5400, 36_000)] == [
        "0:00 min", "1:00 min", "4:05 min", "59:59 min", "1:00 h", "1:30 h", "10:00 h"
    ]
    assert [age_text(s) for s in (0.4, 59.9, 60, 3599, 7200)] == ["0 s", "59 s", "1 min", "59 min", "2 h"]
    english = Numbers(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert [english.bytes(n) for n in (512, 1500, 12_400_000_000, 3.2e15)] == ["512 B", "1.5 kB", "12.4 GB", "3.2 PB"]
    assert english.money(1_234_567.6, "EUR") == "1,234,568 EUR"
    assert english.integer(None) == "—" and english.percent(float("nan")) == "—"
    assert Numbers(QLocale.c()).integer(1_234_567) == "1,234,567"  # grouping even in the C locale
