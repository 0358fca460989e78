"""The recording's health in the status bar: quiet while every poll is kept, red once the disk refuses one.

The recording is the day's evidence (the report, the audit trail, a replay). A full disk or a damaged file
must not end the console, but nobody should find out only after the sale: the indicator says how many
batches were lost, when the last one was, and why, until the console is restarted.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from widgets.theme import set_style_property

REFRESH_MS = 1000


class RecorderHealth(Protocol):
    path: Path
    write_errors: int
    last_error: str | None
    last_failure_at: float | None


class RecordingStatus(QLabel):
    def __init__(self, recorder: RecorderHealth, parent: QWidget | None = None, *, tz: tzinfo | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordingStatus")
        self._recorder = recorder
        self._tz = tz
        self._shown_errors = -1
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    @property
    def failing(self) -> bool:
        return self._recorder.write_errors > 0

    def refresh(self) -> None:
        """Cheap attribute reads from the recorder's counters; the text changes only with them."""
        errors = self._recorder.write_errors
        if errors == self._shown_errors:
            return
        self._shown_errors = errors
        path = str(self._recorder.path)
        if errors == 0:
            self.setText(self.tr("● recording"))
            self.setToolTip(self.tr("Every poll, alert and action is kept in {path}").format(path=path))
            set_style_property(self, "level", "ok")
            return
        at = self._recorder.last_failure_at
        when = datetime.fromtimestamp(at, self._tz).strftime("%H:%M:%S") if at is not None else "?"
        self.setText(self.tr("⚠ recording: %n write(s) failed, last at {time}", "", errors).format(time=when))
        self.setToolTip(self.tr("Not kept in {path}: {error}").format(path=path, error=self._recorder.last_error or ""))
        set_style_property(self, "level", "alarm")
