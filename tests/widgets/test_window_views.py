"""The window's two views and its kiosk: Ctrl+B, Ctrl+1 and F11, shown in the View menu, working with the
menu bar hidden; the display timer draws only the view on screen."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QPushButton
from pytestqt.qtbot import QtBot

from console.snapshots import SourceName
from tests.widgets.synthetic import sale_day
from widgets.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def shown(qtbot: QtBot) -> MainWindow:
    window = MainWindow(sale_day(time.monotonic()), "Arena Tour 2026", SourceName.SHOP)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    return window


def test_the_view_menu_lists_every_switch_with_its_shortcut(qtbot: QtBot) -> None:
    window = shown(qtbot)
    entries = {action.text(): action.shortcut().toString() for action in window.view_menu.actions()
               if not action.isSeparator()}
    assert entries == {"&War room": "Ctrl+1", "&Board": "Ctrl+B", "Follow &live data": "Ctrl+L",
                       "&Full screen (kiosk)": "F11"}
    assert window.quit_action.shortcut() == QKeySequence("Ctrl+Q")
    assert window.charts.live_button.toolTip().endswith("(Ctrl+L)")
    assert all(action in window.actions() for action in window.view_menu.actions() if not action.isSeparator())


def test_ctrl_b_switches_to_the_board_and_back(qtbot: QtBot) -> None:
    window = shown(qtbot)
    assert not window.board_shown and window.war_room_action.isChecked()
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL)
    assert window.board_shown and window.board.isVisible() and not window.charts.isVisible()
    assert window.board_action.isChecked() and not window.war_room_action.isChecked()
    qtbot.waitUntil(lambda: window.board.curve.getData()[0] is not None, timeout=2000)  # the timer draws it
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL)
    assert not window.board_shown and window.charts.isVisible()
    window.show_board()
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    assert not window.board_shown and window.war_room_action.isChecked()


def test_the_board_shows_no_buttons_even_with_the_operators_row(qtbot: QtBot) -> None:
    window = shown(qtbot)
    window.add_action_widget(QPushButton("Scale out +2"))
    assert window.actions_area.isVisible()
    window.show_board()
    assert not window.actions_area.isVisible()
    assert [button for button in window.findChildren(QAbstractButton) if button.isVisible()] == []


def test_f11_makes_a_kiosk_and_the_shortcuts_still_work_there(qtbot: QtBot) -> None:
    window = shown(qtbot)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.is_kiosk and window.isFullScreen()
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    assert window.full_screen_action.isChecked()
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL)  # the menu bar is hidden; its shortcuts are not
    assert window.board_shown
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert not window.is_kiosk and not window.isFullScreen()
    assert window.menuBar().isVisible() and window.statusBar().isVisible()
    assert not window.full_screen_action.isChecked()
