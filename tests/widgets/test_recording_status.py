"""The status bar's recording indicator: quiet while the recording keeps everything, red when it cannot."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from zoneinfo import ZoneInfo

from pytestqt.qtbot import QtBot

from console.recording.recorder import Recorder
from tests.recording.campaigns import sample_campaign
from tests.recording.synthetic import campaign_updates
from widgets.recording_status import RecordingStatus


def test_a_recording_the_disk_refuses_turns_the_indicator_red(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "rec.sqlite"
    updates = iter(campaign_updates(10))
    recorder = Recorder(path, sample_campaign())
    try:
        status = RecordingStatus(recorder, tz=ZoneInfo("Europe/Warsaw"))
        qtbot.addWidget(status)
        recorder.submit(next(updates))
        recorder.flush()
        status.refresh()
        assert not status.failing and status.text() == "● recording" and status.property("level") == "ok"
        assert str(path) in status.toolTip()

        with sqlite3.connect(path) as other:  # the file damaged under the console: the next batch fails
            other.execute("DROP TABLE samples")
        recorder.submit(next(updates))
        recorder.flush()
        qtbot.waitUntil(lambda: status.failing and status.property("level") == "alarm", timeout=3000)
        assert status.text().startswith("⚠ recording: 1 write(s) failed, last at ")
        assert "no such table" in status.toolTip()
    finally:
        recorder.stop()
