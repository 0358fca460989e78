"""What the console remembers between runs: the window's place, size and layout, and the last campaign.

Qt's QSettings as organisation "Saleday", application "Saleday Console": the registry on Windows,
~/Library/Preferences on macOS, ~/.config/Saleday/Saleday Console.conf on Linux. When
SALEDAY_DATA_DIR relocates the console's files (a second install side by side, a test run), its
settings move there too, as settings.ini, so such a run never touches the user's own.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from console.paths import DATA_DIR_ENV
from widgets.main_window import MainWindow

ORGANIZATION = "Saleday"
APPLICATION = "Saleday Console"
SETTINGS_FILE = "settings.ini"

LAST_CAMPAIGN = "campaign/last"
GEOMETRY = "window/geometry"
STATE = "window/state"
KIOSK = "window/kiosk"
SPLITTERS = {"window/splitter/body": "body_splitter", "window/splitter/charts": "charts_splitter"}


def open_settings() -> QSettings:
    relocated = os.environ.get(DATA_DIR_ENV)
    if relocated:
        return QSettings(str(Path(relocated) / SETTINGS_FILE), QSettings.Format.IniFormat)
    return QSettings(ORGANIZATION, APPLICATION)


def last_campaign(settings: QSettings) -> Path | None:
    """The campaign file opened last, if it is still there."""
    value = settings.value(LAST_CAMPAIGN)
    if not value:
        return None
    path = Path(str(value))
    return path if path.is_file() else None


def remember_campaign(settings: QSettings, path: Path) -> None:
    settings.setValue(LAST_CAMPAIGN, str(path.resolve()))
    settings.sync()


def restore_window(settings: QSettings, window: MainWindow) -> None:
    """Put back what `save_window` kept; call once the window has all its parts, before it is shown."""
    geometry = settings.value(GEOMETRY)
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    state = settings.value(STATE)
    if isinstance(state, QByteArray):
        window.restoreState(state)
    restore_splitters(settings, window)
    if settings.value(KIOSK, False, type=bool):
        window.set_kiosk(True)


def restore_splitters(settings: QSettings, window: MainWindow) -> None:
    """Again once parts arrive late (the activity list comes with the session): a splitter takes sizes
    only for the widgets it holds."""
    for key, name in SPLITTERS.items():
        sizes = settings.value(key)
        if isinstance(sizes, QByteArray):
            getattr(window, name).restoreState(sizes)


def save_window(settings: QSettings, window: MainWindow) -> None:
    """The kiosk is remembered as a flag: the geometry kept is the last one outside it."""
    if not window.is_kiosk:
        settings.setValue(GEOMETRY, window.saveGeometry())
    settings.setValue(STATE, window.saveState())
    settings.setValue(KIOSK, window.is_kiosk)
    if window.war_room_seen:  # a run spent on the board has no splitter sizes worth keeping
        for key, name in SPLITTERS.items():
            settings.setValue(key, getattr(window, name).saveState())
    settings.sync()
