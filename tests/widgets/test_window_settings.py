"""Window layout and the last campaign survive a restart, in a settings file of the test's own: never the
user's (SALEDAY_DATA_DIR moves them, as it moves recordings)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from console.cli import main
from console.paths import DATA_DIR_ENV
from console.snapshots import SourceName
from tests.widgets.synthetic import sale_day
from widgets.main_window import MainWindow
from widgets.window_settings import (
    GEOMETRY,
    SETTINGS_FILE,
    SPLITTERS,
    last_campaign,
    open_settings,
    remember_campaign,
    restore_window,
    save_window,
)

SPLITTERS_KEY = next(iter(SPLITTERS))


@pytest.fixture
def settings_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    return tmp_path


def window(qtbot: QtBot) -> MainWindow:
    made = MainWindow(sale_day(time.monotonic()), "Arena Tour 2026", SourceName.SHOP)
    qtbot.addWidget(made)
    return made


def test_settings_follow_the_data_dir(settings_dir: Path) -> None:
    settings = open_settings()
    assert settings.format() == QSettings.Format.IniFormat
    assert Path(settings.fileName()) == settings_dir / SETTINGS_FILE


def test_window_layout_round_trip(qtbot: QtBot, settings_dir: Path) -> None:
    """Sizes here are the splitters'; the offscreen screen (800 x 800) would clip a restored window, so the
    geometry is checked as stored, and restored in the end-to-end run on a 1920 x 1080 screen."""
    first = window(qtbot)
    first.show()
    qtbot.waitUntil(lambda: first.war_room_seen, timeout=2000)
    first.body_splitter.setSizes([1100, 500])
    first.charts_splitter.setSizes([700, 200])
    sizes = (first.body_splitter.sizes(), first.charts_splitter.sizes())
    save_window(open_settings(), first)
    assert open_settings().value(GEOMETRY) == first.saveGeometry()
    first.close()
    assert (settings_dir / SETTINGS_FILE).is_file()

    second = window(qtbot)
    assert (second.body_splitter.sizes(), second.charts_splitter.sizes()) != sizes
    settings = open_settings()
    settings.remove(GEOMETRY)  # the same window size as the first, whatever this screen can hold
    restore_window(settings, second)
    second.show()
    qtbot.waitExposed(second)
    assert (second.body_splitter.sizes(), second.charts_splitter.sizes()) == sizes
    assert not second.is_kiosk


def test_a_run_spent_on_the_board_keeps_the_splitters_it_had(qtbot: QtBot, settings_dir: Path) -> None:
    """The war room never laid out has no real sizes: saving them would squash it next time."""
    board_only = window(qtbot)
    board_only.show_board()
    board_only.show()
    qtbot.wait(200)
    assert not board_only.war_room_seen
    save_window(open_settings(), board_only)
    assert not open_settings().contains(SPLITTERS_KEY)


def test_the_kiosk_is_remembered_and_the_geometry_kept_is_the_one_outside_it(
        qtbot: QtBot, settings_dir: Path) -> None:
    first = window(qtbot)
    first.show()
    save_window(open_settings(), first)
    outside = first.saveGeometry()
    first.set_kiosk(True)
    save_window(open_settings(), first)
    assert open_settings().value(GEOMETRY) == outside
    first.close()
    second = window(qtbot)
    restore_window(open_settings(), second)
    second.show()
    assert second.is_kiosk and not second.menuBar().isVisible()
    qtbot.waitUntil(second.isFullScreen, timeout=2000)
    second.set_kiosk(False)
    assert second.menuBar().isVisible() and not second.isFullScreen()


def test_the_last_campaign_is_remembered_while_it_exists(tmp_path: Path, settings_dir: Path) -> None:
    settings = open_settings()
    assert last_campaign(settings) is None
    campaign = tmp_path / "arena.toml"
    campaign.write_text("", encoding="utf-8")
    remember_campaign(settings, campaign)
    assert last_campaign(open_settings()) == campaign.resolve()
    campaign.unlink()
    assert last_campaign(open_settings()) is None


def test_no_campaign_given_and_none_remembered_is_a_usage_error(
        settings_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main([])
    assert stopped.value.code == 2
    assert "give --demo, --config FILE or --replay RECORDING" in capsys.readouterr().err
