"""The alert banner: one line per active alert, red until a person acknowledges it, with a sound.

Sound comes from QtMultimedia where the Qt build has it and the machine has an audio output; otherwise
the system beep. `sound_backend` says which is in use, for the status bar and the pre-flight check.
`acknowledge_action` (Ctrl+Shift+K, for the window's menu) acknowledges the top row: the newest alert
nobody has acknowledged yet.
"""

from __future__ import annotations

import getpass
import socket
from collections.abc import Callable
from datetime import tzinfo
from importlib.resources import as_file, files

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from console.alerts import Alert
from console.observable import Observable
from console.text import TextContext
from widgets.text import render
from widgets.theme import set_style_property


def who_am_i() -> str:
    try:
        return f"{getpass.getuser()}@{socket.gethostname()}"
    except (KeyError, OSError):
        return socket.gethostname()


MAX_ROWS = 3
ACKNOWLEDGE_SHORTCUT = "Ctrl+Shift+K"
# What plays the sound, as a Text: the pre-flight check compares its English, the window says it in its language.
Sound = TextContext("Sound")


class AlertSound:
    """Plays the alert sound; falls back to QApplication.beep() where QtMultimedia or audio is missing."""

    def __init__(self) -> None:
        self._effect: object | None = None
        self.backend: str = Sound.tr("system beep")
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError:
            self.backend = Sound.tr("system beep (QtMultimedia is not installed)")
            return
        if not QMediaDevices.audioOutputs():
            self.backend = Sound.tr("system beep (no audio output device)")
            return
        effect = QSoundEffect()
        with as_file(files("resources").joinpath("alert.wav")) as path:
            effect.setSource(QUrl.fromLocalFile(str(path)))
        self._effect = effect
        self.backend = "QtMultimedia"

    def play(self) -> None:
        if self._effect is not None:
            self._effect.play()  # type: ignore[attr-defined]
        else:
            QApplication.beep()


class AlertBanner(QFrame):
    def __init__(
        self,
        active: Observable[tuple[Alert, ...]],
        acknowledge: Callable[[str, str], None],
        sound: AlertSound | None = None,
        parent: QWidget | None = None,
        *,
        tz: tzinfo | None = None,
    ) -> None:
        super().__init__(parent)
        self._tz = tz
        self.setObjectName("alertBanner")
        self._acknowledge = acknowledge
        self._sound = sound
        self._known: set[str] = set()
        self._newest: Alert | None = None  # what the shortcut acknowledges
        self.acknowledge_action = QAction(self.tr("&Acknowledge newest alert"), self)
        self.acknowledge_action.setObjectName("acknowledgeAction")
        self.acknowledge_action.setShortcut(QKeySequence(ACKNOWLEDGE_SHORTCUT))
        self.acknowledge_action.setToolTip(self.tr("Acknowledge the newest alert nobody has acknowledged yet"))
        self.acknowledge_action.triggered.connect(lambda _checked=False: self.acknowledge_newest())
        self.addAction(self.acknowledge_action)  # the key works wherever the banner shows, kiosk included
        self._rows = QVBoxLayout(self)
        self._rows.setContentsMargins(14, 4, 14, 4)
        self._rows.setSpacing(2)
        self.setVisible(False)
        self._unsubscribe = active.subscribe(self._show)
        self.destroyed.connect(lambda *_: self._unsubscribe())
        self._show(active.value)

    @property
    def lines(self) -> list[str]:
        return [label.text() for label in self.findChildren(QLabel)]

    def acknowledge_newest(self) -> bool:
        """Acknowledge the top row's alert, if the banner is on screen (not behind the board) and has one."""
        if self._newest is None or not self.isVisible():
            return False
        self._acknowledge(self._newest.alert_id, who_am_i())
        return True

    def _show(self, alerts: tuple[Alert, ...]) -> None:
        while (item := self._rows.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        newest_first = sorted(alerts, key=lambda a: (a.acknowledged_by is not None, -a.raised_at.timestamp()))
        self._newest = next((a for a in newest_first if a.acknowledged_by is None), None)
        self.acknowledge_action.setEnabled(self._newest is not None)
        for alert in newest_first[:MAX_ROWS]:
            self._rows.addWidget(self._row(alert, alert is self._newest))
        if len(alerts) > MAX_ROWS:  # the banner must not push the charts off a 1080p screen
            more = QLabel(self.tr("… and %n more active alert(s)", None, len(alerts) - MAX_ROWS), self)
            more.setObjectName("alertText")
            self._rows.addWidget(more)
        unacknowledged = [a for a in alerts if a.acknowledged_by is None]
        set_style_property(self, "acknowledged", "false" if unacknowledged else "true")
        self.setVisible(bool(alerts))
        new = {a.alert_id for a in alerts} - self._known
        self._known = {a.alert_id for a in alerts}
        if new:
            if self._sound is not None:
                self._sound.play()
            window = self.window()
            if window is not None:
                QApplication.alert(window)  # flashes the taskbar entry until the window is looked at

    def _row(self, alert: Alert, newest: bool) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        when = alert.raised_at.astimezone(self._tz).strftime("%H:%M:%S")
        who = (self.tr(" · acknowledged by {person}").format(person=alert.acknowledged_by)
               if alert.acknowledged_by else "")
        text = QLabel(f"⚠ {when}  {render(alert.message)}{who}", row)
        text.setObjectName("alertText")
        layout.addWidget(text, 1)
        if alert.acknowledged_by is None:
            button = QPushButton(self.tr("Acknowledge"), row)
            button.setObjectName("acknowledgeButton")
            tip = self.tr("Acknowledge the alert: it stays listed, no longer red, until it clears")
            button.setToolTip(f"{tip} ({ACKNOWLEDGE_SHORTCUT})" if newest else tip)
            button.clicked.connect(lambda: self._acknowledge(alert.alert_id, who_am_i()))
            layout.addWidget(button)
        return row
