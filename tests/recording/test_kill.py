"""kill -9 in the middle of a recording: no audit entry lost, at most one poll interval of samples."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from console.actions.audit import read_entries
from console.recording.reader import load_updates
from console.snapshots import SourceName

ROOT = Path(__file__).resolve().parents[2]
SOURCES = len(SourceName)


INTERVALS = 20  # recorded before the kill


def test_kill_9_loses_no_audit_entry_and_at_most_one_interval(tmp_path: Path) -> None:
    path = tmp_path / "rec.sqlite"
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.recording.kill_child", str(path)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    announced: list[str] = []
    submitted = 0
    deadline = time.monotonic() + 30
    try:
        assert child.stdout is not None
        for line in child.stdout:
            kind, value = line.split()
            if kind == "audit":
                announced.append(value)
            else:
                submitted = int(value)
                if submitted >= INTERVALS * SOURCES:
                    break
            assert time.monotonic() < deadline, "the recording child is too slow"
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait(10)
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    audited = [entry.action_id for entry in read_entries(path)]
    assert set(announced) <= set(audited), "an audit entry written before the kill is missing"
    recorded = list(load_updates(path))  # the file is readable: nothing half-written
    assert submitted - SOURCES <= len(recorded) <= submitted + SOURCES
    assert [u.attempted_at for u in recorded] == sorted(u.attempted_at for u in recorded)
