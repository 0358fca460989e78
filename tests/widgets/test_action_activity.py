"""The activity list over a real audit trail on disk: loaded at start, fed live from other threads, exported."""

from __future__ import annotations

import csv
import threading
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from console.actions.audit import AuditLog
from console.bridge import GuiBridge
from widgets import palette
from widgets.activity_panel import COLUMNS, ActivityPanel

T0 = datetime(2026, 12, 4, 9, 0, 5, tzinfo=UTC)  # 10:00:05 in Warsaw
WARSAW = ZoneInfo("Europe/Warsaw")


def write_action(audit: AuditLog, action_id: str, action: str, before: str, after: str, outcome: str | None,
                 minute: int) -> None:
    at = T0.replace(minute=minute)
    audit.write(action_id, "intent", at, action, "capacity", before, after, "pending", "intent")
    if outcome is not None:
        audit.write(action_id, "outcome", at.replace(second=9), action, "capacity", before,
                    after if outcome == "ok" else before, outcome, f"{action} {outcome}")


@pytest.fixture
def audit(tmp_path: Path) -> AuditLog:
    log = AuditLog(tmp_path / "recording.sqlite", "Arena Tour", "operator")
    write_action(log, "a1", "scale-out", "8", "10", "ok", 1)
    write_action(log, "a2", "protection-on", "medium", "under_attack", "failed", 2)
    write_action(log, "a3", "admissions-pause", "admitting at 300/min", "paused at 300/min", None, 3)
    return log


@pytest.fixture
def bridge(qapp: QApplication) -> GuiBridge:
    return GuiBridge()


def outcome_colour(panel: ActivityPanel, row: int) -> QColor:
    colour = panel.model.data(panel.model.index(row, COLUMNS.index("Outcome")), Qt.ItemDataRole.ForegroundRole)
    assert isinstance(colour, QColor)
    return colour


def test_the_trail_on_disk_shows_newest_first_one_line_per_action(qtbot: QtBot, audit: AuditLog,
                                                                  bridge: GuiBridge) -> None:
    panel = ActivityPanel(audit, bridge.post, tz=WARSAW)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=5000)
    rows = panel.model.rows
    assert [r.action_id for r in rows] == ["a3", "a2", "a1"]
    assert [r.outcome for r in rows] == ["pending", "failed", "ok"]  # an intent without outcome stays pending
    first = [panel.model.text(rows[2], column) for column in range(len(COLUMNS))]
    assert first[0] == "10:01:05"  # campaign time, in the campaign's zone
    assert first[2:] == ["Add instances", "8 → 10", "ok", "scale-out ok"]
    assert panel.model.text(rows[1], 3) == "medium → medium"  # failed: nothing changed
    assert [outcome_colour(panel, i) for i in range(3)] == [QColor(palette.WARN), QColor(palette.ALARM),
                                                           QColor(palette.OK)]
    assert str(audit.path) in panel.status.text()


def test_entries_written_on_other_threads_arrive_live(qtbot: QtBot, audit: AuditLog, bridge: GuiBridge) -> None:
    panel = ActivityPanel(audit, bridge.post)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=5000)
    gui = threading.get_ident()
    threads: list[int] = []
    panel.model.rowsInserted.connect(lambda *_: threads.append(threading.get_ident()))
    panel.model.dataChanged.connect(lambda *_: threads.append(threading.get_ident()))

    worker = threading.Thread(target=write_action, args=(audit, "a4", "scale-to", "10", "6", "ok", 4))
    worker.start()
    worker.join(10)
    qtbot.waitUntil(lambda: panel.model.rows[0].action_id == "a4" and panel.model.rows[0].outcome == "ok",
                    timeout=5000)
    assert threads == [gui, gui]  # insert at intent, update at outcome, both on the GUI thread
    assert panel.model.rowCount() == 4
    worker = threading.Thread(target=audit.write, args=("a3", "outcome", T0, "admissions-pause", "admissions",
                                                         "admitting at 300/min", "paused at 300/min", "ok", "done"))
    worker.start()
    worker.join(10)
    qtbot.waitUntil(lambda: panel.model.rows[1].outcome == "ok", timeout=5000)
    assert panel.model.rowCount() == 4


def test_export_writes_the_whole_trail_as_csv_off_the_gui_thread(qtbot: QtBot, audit: AuditLog, bridge: GuiBridge,
                                                                 tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    panel = ActivityPanel(audit, bridge.post)
    qtbot.addWidget(panel)
    target = tmp_path / "out" / "activity.csv"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "CSV files (*.csv)"))
    with qtbot.waitSignal(panel.exported, timeout=5000) as done:
        qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert done.args == [f"exported 5 entries to {target}"]
    assert panel.export_button.isEnabled()
    with target.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["action_id"], r["phase"], r["outcome"]) for r in rows] == [
        ("a1", "intent", "pending"), ("a1", "outcome", "ok"), ("a2", "intent", "pending"),
        ("a2", "outcome", "failed"), ("a3", "intent", "pending"),
    ]

    with qtbot.waitSignal(panel.exported, timeout=5000) as failed:
        panel.export_to(tmp_path / "missing" / "activity.csv")
    assert str(failed.args[0]).startswith("export failed: ")
    assert panel.status.text() == failed.args[0]


def test_a_cancelled_export_dialog_writes_nothing(qtbot: QtBot, audit: AuditLog, bridge: GuiBridge,
                                                  tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    panel = ActivityPanel(audit, bridge.post)
    qtbot.addWidget(panel)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: ("", ""))
    with qtbot.assertNotEmitted(panel.exported, wait=300):
        qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert all(p.name.startswith("recording.sqlite") for p in tmp_path.iterdir())
