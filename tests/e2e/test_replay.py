"""Replay: a recording plays back through the window, read-only, with its action and alert markers."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from console.actions.audit import AuditLog
from console.paths import DATA_DIR_ENV
from console.recording.recorder import Recorder
from tests.recording.campaigns import sample_campaign
from tests.recording.synthetic import START, campaign_updates


def make_recording(path: Path) -> None:
    campaign = sample_campaign()
    with Recorder(path, campaign) as recorder:
        for update in campaign_updates(30):
            recorder.submit(update)
        recorder.record_alert("a1", "raised", START + timedelta(minutes=12), "latency", "Latency 900 ms")
    audit = AuditLog(path, campaign.campaign.name, "operator")
    at = START + timedelta(minutes=10)
    audit.write("x1", "intent", at, "scale-out", "capacity", "8", "10", "pending")
    audit.write("x1", "outcome", at, "scale-out", "capacity", "8", "10", "ok")


def test_replay_shows_the_recorded_campaign_with_markers_and_no_buttons(tmp_path: Path) -> None:
    recording = tmp_path / "day.sqlite"
    make_recording(recording)
    before = recording.stat().st_size
    values_file = tmp_path / "values.txt"
    env = {**os.environ, DATA_DIR_ENV: str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "console", "--replay", str(recording), "--speed", "600", "--run-for", "6",
         "--screenshot", str(tmp_path / "replay.png"), "--report-values", str(values_file)],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    values = dict(line.split("=", 1) for line in values_file.read_text().splitlines())
    assert int(values["sales.tickets_sold"]) > 0
    assert int(values["markers"]) == 2  # the scale-out and the alert, both past by then
    assert recording.stat().st_size == before  # read-only: nothing written to the recording
    assert (tmp_path / "replay.png").stat().st_size > 10_000
