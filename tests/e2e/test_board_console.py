"""The promoter's screen as the composition root builds it, over the live demo: the board fills with the
sale, and a viewer's window holds no action control anywhere; an operator's Actions menu presses the
real buttons. Then the whole program in Polish, as a kiosk remembered from the last run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu, QPushButton

from console.actions.requests import Resource
from console.demo.environment import DemoEnvironment
from console.paths import DATA_DIR_ENV
from tests.e2e.live_console import LiveConsole, open_live_console, pump, wait_until
from widgets.action_bar import ActionBar
from widgets.action_dialog import AmountDialog
from widgets.action_menu import ActionMenu
from widgets.board_view import BoardView
from widgets.window_settings import KIOSK, SETTINGS_FILE


@pytest.fixture
def console(request: pytest.FixtureRequest, demo: DemoEnvironment, tmp_path: Path,
            qapp: QApplication) -> Iterator[LiveConsole]:
    assert demo.campaign is not None
    live = open_live_console(demo, demo.campaign, tmp_path / "recording.sqlite", role=request.param)
    yield live
    live.close()


def number(text: str) -> int:
    return int("".join(ch for ch in text if ch.isdigit()))


def action_controls(console: LiveConsole) -> list[object]:
    window = console.window
    return [*window.findChildren(ActionBar), *window.findChildren(ActionMenu),
            *[b for b in window.findChildren(QPushButton) if b.objectName() == "actionButton"],
            *[m for m in window.menuBar().findChildren(QMenu) if m.objectName() == "actionsMenu"]]


@pytest.mark.parametrize("console", ["viewer"], indirect=True)
def test_viewer_board_shows_the_live_sale_and_no_controls(console: LiveConsole) -> None:
    window, state = console.window, console.session.state
    window.show_board()
    board = window.board
    assert isinstance(board, BoardView) and window.board_shown
    assert wait_until(lambda: state.sales.value is not None and state.sales.value.tickets_sold > 0, 60)
    pump(100)
    sales = state.sales.value
    assert sales is not None
    assert number(board.sold.value_text) == sales.tickets_sold
    assert number(board.revenue.value_text) == round(sales.revenue)
    assert board.progress.value() == round(min(sales.percent_sold, 100.0) * 10)

    assert action_controls(console) == []
    on_board = [b for b in window.findChildren(QAbstractButton) if b.isVisible()]
    assert all(b.objectName() == "reconnect" for b in on_board), [b.text() for b in on_board]
    window.set_kiosk(True)
    pump(50)
    assert [b for b in window.findChildren(QAbstractButton) if b.isVisible()] == []
    window.set_kiosk(False)
    window.show_board(False)
    pump(50)
    assert action_controls(console) == []  # the war room of a viewer has none either


@pytest.mark.parametrize("console", ["operator"], indirect=True)
def test_operators_actions_menu_shows_shortcuts_and_presses_the_buttons(console: LiveConsole) -> None:
    window = console.window
    menu = window.findChild(ActionMenu)
    assert menu is not None and menu.title() == "&Actions"
    menu.sync()
    texts = [action.text() for action in menu.actions()]
    assert texts == ["Add instances…\tCtrl+Shift+A", "Set capacity…\tCtrl+Shift+C",
                     "Protection: Under attack…\tCtrl+Shift+P", "Pause admissions…\tCtrl+Shift+Q",
                     "Admission rate…\tCtrl+Shift+R"]
    assert all(action.isEnabled() for action in menu.actions())
    bar = window.findChild(ActionBar)
    assert bar is not None and all(b.toolTip().endswith(f"({b.property('shortcutText')})")
                                   for b in (bar.add_button, bar.capacity_button, bar.rate_button))

    window.show_board()
    menu.sync()
    assert not any(action.isEnabled() for action in menu.actions())  # no controls behind the board
    window.show_board(False)
    menu.sync()
    menu.actions()[0].trigger()
    assert wait_until(lambda: isinstance(bar.dialog_for(Resource.CAPACITY), AmountDialog), 10)
    dialog = bar.dialog_for(Resource.CAPACITY)
    assert isinstance(dialog, AmountDialog)
    dialog.reject()
    assert wait_until(lambda: not bar.is_busy(Resource.CAPACITY), 10)


def test_the_promoters_screen_in_polish_as_a_remembered_kiosk(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    seeded = QSettings(str(data / SETTINGS_FILE), QSettings.Format.IniFormat)
    seeded.setValue(KIOSK, True)
    seeded.sync()
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "wall", "x": 0, "y": 0, "width": 1920, "height": 1080,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    shot, values = tmp_path / "board.png", tmp_path / "values.txt"
    env = {**os.environ, DATA_DIR_ENV: str(data), "QT_QPA_PLATFORM": f"offscreen:configfile={screen}"}
    done = subprocess.run(
        [sys.executable, "-m", "console", "--demo", "--speed", "60", "--role", "viewer", "--board", "--lang", "pl",
         "--run-for", "15", "--screenshot", str(shot), "--report-values", str(values)],
        env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1920, 1080)  # full screen: the kiosk came back
    sold = dict(line.split("=", 1) for line in values.read_text().splitlines())["sales.tickets_sold"]
    assert int(sold) > 0
    after = QSettings(str(data / SETTINGS_FILE), QSettings.Format.IniFormat)
    assert after.value(KIOSK, False, type=bool) is True
