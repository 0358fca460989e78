"""The recorder: never blocks a poller, keeps every update in order, shares its file with the audit trail."""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest

from console.actions.audit import AuditLog, read_entries
from console.recording.reader import (
    iter_samples,
    load_campaign_from_recording,
    load_updates,
    read_alerts,
    read_meta,
)
from console.recording.recorder import AlertPhase, Recorder, RecordingError
from console.snapshots import SourceName, SourceUpdate
from tests.recording.campaigns import sample_campaign
from tests.recording.synthetic import START, campaign_updates


def test_updates_come_back_in_order_with_their_columns(tmp_path: Path) -> None:
    path = tmp_path / "rec.sqlite"
    updates = list(campaign_updates(30, gap=(START + timedelta(minutes=5), START + timedelta(minutes=6),
                                               frozenset({SourceName.SHOP}))))
    with Recorder(path, sample_campaign()) as recorder:
        for update in updates:
            recorder.submit(update)
    assert list(load_updates(path)) == updates
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT source, campaign_time, ok, failure, error FROM samples ORDER BY seq").fetchall()
    assert [(r[0], r[2]) for r in rows] == [(u.source.value, int(u.ok)) for u in updates]
    failed = [r for r in rows if not r[2]]
    assert failed and all(r[0] == "shop" and r[3] == "unreachable" and r[4] == "connection refused" for r in failed)
    assert rows[0][1] == START.isoformat()


def test_pollers_on_many_threads_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "rec.sqlite"
    by_source = {source: [u for u in campaign_updates(20) if u.source is source] for source in SourceName}
    with Recorder(path, sample_campaign()) as recorder:
        threads = [threading.Thread(target=lambda us=us: [recorder.submit(u) for u in us]) for us in by_source.values()]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    recorded = list(load_updates(path))
    for source, expected in by_source.items():
        assert [u for u in recorded if u.source is source] == expected  # each poller's order is kept


def test_submit_does_not_wait_for_a_locked_file(tmp_path: Path) -> None:
    """Another process holding the write lock (a backup, a report, a slow disk) must not stall the pollers,
    and a lock held longer than SQLite's busy timeout delays the samples without losing them."""
    path = tmp_path / "rec.sqlite"
    updates = list(campaign_updates(60))
    recorder = Recorder(path, sample_campaign(), busy_timeout=0.1)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        started = time.perf_counter()
        for update in updates:
            recorder.submit(update)
        assert time.perf_counter() - started < 1.0
        time.sleep(1.0)  # ten busy timeouts
        assert recorder.last_error is not None and "locked" in recorder.last_error
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    recorder.stop()
    assert recorder.write_errors == 0
    assert list(load_updates(path)) == updates


def test_the_campaign_travels_in_the_recording(tmp_path: Path) -> None:
    path = tmp_path / "rec.sqlite"
    campaign = sample_campaign()
    Recorder(path, campaign).stop()
    assert load_campaign_from_recording(path) == campaign
    assert read_meta(path)["format_version"] == "1"


def test_a_restart_continues_the_same_recording(tmp_path: Path) -> None:
    path = tmp_path / "rec.sqlite"
    updates = list(campaign_updates(10))
    half = len(updates) // 2
    campaign = sample_campaign()
    with Recorder(path, campaign) as first:
        for update in updates[:half]:
            first.submit(update)
    created = read_meta(path)["created_wall"]
    changed = campaign.model_copy(update={"alerts": campaign.alerts.model_copy(update={"latency_ms": 123.0})})
    with Recorder(path, changed) as second:
        for update in updates[half:]:
            second.submit(update)
    samples = list(iter_samples(path))
    assert [s.update for s in samples] == updates
    assert [s.seq for s in samples] == sorted({s.seq for s in samples})
    assert read_meta(path)["created_wall"] == created
    assert load_campaign_from_recording(path) == campaign  # the campaign as it was when the recording began


def test_alerts_and_audit_share_the_file(tmp_path: Path) -> None:
    path = tmp_path / "rec.sqlite"
    campaign = sample_campaign()
    audit = AuditLog(path, campaign.campaign.name, "operator")
    with Recorder(path, campaign) as recorder:
        recorder.record_alert("a1", AlertPhase.RAISED, START, "error_rate", "5xx 4.2 % over 2 %")
        for update in campaign_updates(2):
            recorder.submit(update)
        audit.write("x1", "intent", START, "scale-out", "capacity", "8", "10", "pending")
        recorder.record_alert("a1", "acknowledged", START + timedelta(seconds=30), "error_rate", "5xx 4.2 %", "anna")
        recorder.record_alert("a1", "cleared", START + timedelta(minutes=4), "error_rate", "5xx back to 0.3 %")
        audit.write("x1", "outcome", START, "scale-out", "capacity", "8", "10", "ok")
        with pytest.raises(ValueError):
            recorder.record_alert("a1", "snoozed", START, "error_rate", "")
    alerts = read_alerts(path)
    assert [(a.phase, a.person) for a in alerts] == [
        (AlertPhase.RAISED, ""), (AlertPhase.ACKNOWLEDGED, "anna"), (AlertPhase.CLEARED, "")
    ]
    assert alerts[1].campaign_time == START + timedelta(seconds=30)
    assert [(e.phase, e.outcome) for e in read_entries(path)] == [("intent", "pending"), ("outcome", "ok")]
    assert sum(1 for _ in load_updates(path)) > 0


def test_after_stop_updates_are_counted_not_written(tmp_path: Path) -> None:
    path = tmp_path / "rec.sqlite"
    recorder = Recorder(path, sample_campaign())
    recorder.stop()
    recorder.submit(SourceUpdate(SourceName.SHOP, START, None, error="late"))
    assert recorder.dropped == 1
    assert list(load_updates(path)) == []


@pytest.mark.parametrize("content", [None, b"not a database at all", b""])
def test_what_is_not_a_recording_says_so(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "nothing.sqlite"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(RecordingError, match=str(path)):
        load_campaign_from_recording(path)


def test_a_damaged_sample_names_its_row(tmp_path: Path) -> None:
    path = tmp_path / "rec.sqlite"
    with Recorder(path, sample_campaign()) as recorder:
        for update in campaign_updates(1):
            recorder.submit(update)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE samples SET payload_json = '{\"source\": \"shop\"' WHERE seq = 3")
    with pytest.raises(RecordingError, match="sample 3"):
        list(load_updates(path))


def test_an_unwritable_place_fails_at_once(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(RecordingError, match="cannot open"):
        Recorder(blocker / "rec.sqlite", sample_campaign())
