"""The report from the window: written on a worker with progress, the GUI thread stays free."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from console.app import run_report
from console.recording.recorder import Recorder
from tests.recording.campaigns import sample_campaign
from tests.recording.synthetic import campaign_updates
from widgets.report_dialog import ReportRunner


def test_report_is_written_off_the_gui_thread_with_progress(qtbot: QtBot, tmp_path: Path) -> None:
    recording = tmp_path / "day.sqlite"
    with Recorder(recording, sample_campaign()) as recorder:
        for update in campaign_updates(60):
            recorder.submit(update)
    seen: list[int] = []

    def make(pdf: Path, csv_dir: Path | None, progress: Callable[[int], None]) -> object:
        def tracked(percent: int) -> None:
            seen.append(percent)
            progress(percent)

        return run_report(recording, pdf, csv_dir, tracked)

    parent = QWidget()
    qtbot.addWidget(parent)
    runner = ReportRunner(parent, make)
    started = time.monotonic()
    with qtbot.waitSignal(runner.finished, timeout=60_000) as finished:
        runner.run(tmp_path / "report.pdf", tmp_path / "csv")
        assert time.monotonic() - started < 0.5  # run() returned at once: the work is on a worker
        assert runner.busy
    message, ok = finished.args
    assert ok, message
    assert (tmp_path / "report.pdf").stat().st_size > 5_000
    assert (tmp_path / "csv" / "series.csv").exists()
    assert seen and max(seen) >= 90


def test_a_broken_recording_is_reported_not_raised(qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    parent = QWidget()
    qtbot.addWidget(parent)
    missing = tmp_path / "missing.sqlite"
    runner = ReportRunner(parent, lambda pdf, csv, progress: run_report(missing, pdf, csv, progress))
    with qtbot.waitSignal(runner.finished, timeout=30_000) as finished:
        runner.run(tmp_path / "r.pdf", None)
    assert finished.args[1] is False
    assert shown and "no such recording" in shown[0]
