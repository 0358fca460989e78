"""The whole screen over a synthetic sale day: panels filled, clock settable, actions slot, timers pacing."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QScrollArea
from pytestqt.qtbot import QtBot

from console.snapshots import SourceName
from tests.widgets.preview import POLISH, WARSAW, render
from tests.widgets.synthetic import sale_day
from widgets.main_window import DISPLAY_INTERVAL_MS, TEXT_INTERVAL_MS, MainWindow


def plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def test_window_shows_the_campaign_and_paces_itself(qtbot: QtBot) -> None:
    state = sale_day(time.monotonic())
    window = MainWindow(state, "Arena Tour 2026", SourceName.SHOP, tz=WARSAW, locale=POLISH)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.size().width() == 1600 and window.size().height() == 1000

    window.set_clock_text("10:42:00  T+0:42:00")
    assert window.clock_text == "10:42:00  T+0:42:00"
    assert (window.display_timer.interval(), window.text_timer.interval()) == (DISPLAY_INTERVAL_MS, TEXT_INTERVAL_MS)
    assert window.display_timer.isActive() and window.text_timer.isActive()

    assert plain(window.sales_panel.revenue.value_text) == "5 268 721 PLN"
    assert plain(window.queue_panel.queued.value_text) == "11 800"
    assert window.fleet_panel.capacity.value_text == "10 / 10"
    assert window.cdn_panel.security.value_text == "UNDER ATTACK"
    assert all(not tile.is_stale for panel in window.panels for tile in panel.tiles)

    qtbot.waitUntil(lambda: len(window.charts.marker_lines) == 5, timeout=2000)  # drawn by the display timer
    assert window.charts.following


def test_action_widgets_go_into_their_row(qtbot: QtBot) -> None:
    window = MainWindow(sale_day(time.monotonic()), "Arena Tour 2026", SourceName.SHOP)
    qtbot.addWidget(window)
    window.show()
    assert not window.actions_area.isVisible()
    button = QPushButton("Scale out +2")
    window.add_action_widget(button)
    assert window.actions_area.isVisible()
    assert button.parent() is window.actions_area


def test_queue_panel_uses_the_source_behind_the_queue(qtbot: QtBot) -> None:
    state = sale_day(time.monotonic(), cloudflare_stale=True)
    shop_gate = MainWindow(state, "A", SourceName.SHOP)
    room_gate = MainWindow(state, "B", SourceName.CLOUDFLARE)
    qtbot.addWidget(shop_gate)
    qtbot.addWidget(room_gate)
    shop_gate.refresh_freshness()
    room_gate.refresh_freshness()
    assert not shop_gate.queue_panel.queued.is_stale
    assert room_gate.queue_panel.queued.is_stale
    assert all(tile.is_stale for tile in shop_gate.cdn_panel.tiles)
    assert all(tile.freshness.startswith("stale since ") for tile in shop_gate.cdn_panel.tiles)
    assert all(tile.is_throttled for tile in shop_gate.cdn_panel.tiles)


def test_screenshot_is_a_full_dark_screen_with_charts(qtbot: QtBot, tmp_path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    out = tmp_path / "preview.png"
    window = render(app, out)
    qtbot.addWidget(window)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)
    background = QColor(image.pixel(5, image.height() // 2))
    assert background.lightness() < 40  # dark theme applied
    colours = {image.pixel(x, y) for x in range(0, 1000, 7) for y in range(80, 950, 7)}
    assert len(colours) > 30  # curves, markers and text, not an empty canvas


def test_window_fits_a_1080p_screen_with_a_full_banner_and_scrolls_its_panels(qtbot: QtBot) -> None:
    """Alert rows and the action row take height from the charts and the panel column, which scrolls;
    they never push the window past a 1080p screen (less its menu bar, status bar and title)."""
    window = MainWindow(sale_day(time.monotonic()), "Arena Tour 2026", SourceName.SHOP)
    qtbot.addWidget(window)
    for index in range(4):
        window.add_banner(QLabel(f"⚠ 10:4{index}:00  Latency 1,854 ms (threshold 800 ms)"))
    window.add_action_widget(QPushButton("Add instances…"))
    window.show()
    qtbot.waitExposed(window)
    minimum = window.minimumSizeHint()
    assert minimum.height() <= 1080 - 120 and minimum.width() <= 1280

    window.resize(1600, minimum.height())
    QApplication.processEvents()
    column = window.findChild(QScrollArea, "panelColumn")
    assert column is not None and column.verticalScrollBar().maximum() > 0  # the CDN panel is scrolled to
    assert column.widget().width() >= column.widget().minimumSizeHint().width()  # never clipped on the right


def test_work_waits_for_the_first_paint_and_runs_once(qtbot: QtBot) -> None:
    window = MainWindow(sale_day(time.monotonic()), "Arena Tour 2026", SourceName.SHOP)
    qtbot.addWidget(window)
    calls: list[bool] = []
    window.after_first_paint(lambda: calls.append(window.isVisible()))
    QApplication.processEvents()
    assert calls == []  # not shown, not painted
    window.show()
    qtbot.waitUntil(lambda: calls == [True], timeout=2000)
    window.repaint()
    qtbot.wait(50)
    assert calls == [True]


def test_work_for_a_window_that_never_paints_runs_after_a_while(qtbot: QtBot) -> None:
    window = MainWindow(sale_day(time.monotonic()), "Arena Tour 2026", SourceName.SHOP)
    qtbot.addWidget(window)
    calls: list[str] = []
    window.after_first_paint(lambda: calls.append("ran"))
    qtbot.waitUntil(lambda: calls == ["ran"], timeout=3000)
