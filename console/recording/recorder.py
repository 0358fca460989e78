"""The campaign's recording: every poll outcome and alert, appended as it arrives, in one SQLite file.

The same file holds the audit trail (console.actions.audit), so one file is the whole story of a
campaign and `report RECORDING` needs nothing else: the campaign file's text is kept in `meta`.
Pollers call `submit` from their threads; it only puts the update on a queue, so a slow disk never
delays a poll and nothing is written on the GUI thread. One writer thread commits whatever is queued
as soon as it is there: a kill -9 loses only what was still in flight. Samples are written with
synchronous=NORMAL (in WAL mode a commit survives the process dying; only a power cut may take the
last ones); a batch holding an alert is committed with FULL, like the audit trail.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from types import TracebackType

from console.actions.audit import SCHEMA as AUDIT_SCHEMA
from console.config import Campaign
from console.demo.campaign_file import campaign_to_toml
from console.recording.codec import encode_update
from console.snapshots import SourceUpdate
from console.text import Text

log = logging.getLogger(__name__)

FORMAT_VERSION = "1"
MAX_BATCH = 500
BUSY_TIMEOUT_S = 10.0  # SQLite waits this long for a lock before the writer retries the batch
LOCKED_RETRY_S = 0.5

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS samples (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    source TEXT NOT NULL,           -- aws | cloudflare | shop
    campaign_time TEXT NOT NULL,    -- ISO 8601: when the poll was attempted, in campaign time
    wall_time TEXT NOT NULL,        -- ISO 8601 UTC: when the outcome reached the recorder
    ok INTEGER NOT NULL,            -- 1 = snapshot, 0 = failure
    failure TEXT,                   -- FailureKind value when ok = 0
    error TEXT,
    payload_json TEXT NOT NULL      -- the whole SourceUpdate (console.recording.codec)
);
CREATE TABLE IF NOT EXISTS alerts (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id TEXT NOT NULL,
    phase TEXT NOT NULL,            -- raised | cleared | acknowledged
    campaign_time TEXT NOT NULL,    -- ISO 8601 UTC
    rule TEXT NOT NULL,
    message TEXT NOT NULL,          -- in English
    person TEXT NOT NULL,           -- who acknowledged; empty for raised and cleared
    message_text TEXT               -- the message as console.text stores it (JSON), to show it in another language
);
"""
# Columns added since the first recordings, added to an older file when a console reopens it.
ADDED_COLUMNS = {"alerts": (("message_text", "TEXT"),)}


class RecordingError(Exception):
    """The recording cannot be opened or read; the message says which file and why, in one line."""


class AlertPhase(StrEnum):
    RAISED = "raised"
    CLEARED = "cleared"
    ACKNOWLEDGED = "acknowledged"


@dataclass(frozen=True)
class _Alert:
    alert_id: str
    phase: AlertPhase
    campaign_time: datetime
    rule: str
    message: str
    person: str


_STOP = object()
_Item = tuple[float, SourceUpdate] | _Alert | object


def open_database(path: Path, synchronous: str = "NORMAL", busy_timeout: float = BUSY_TIMEOUT_S) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=busy_timeout)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(f"PRAGMA synchronous={synchronous}")
    return conn


def _add_columns(conn: sqlite3.Connection) -> None:
    for table, columns in ADDED_COLUMNS.items():
        present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        for name, kind in columns:
            if name not in present:
                conn.execute(f"ALTER TABLE {table} ADD COLUMN {name} {kind}")


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


class Recorder:
    """Appends a campaign's poll outcomes and alerts to its recording; see the module docstring."""

    def __init__(self, path: Path, campaign: Campaign, busy_timeout: float = BUSY_TIMEOUT_S) -> None:
        self.path = path
        self.campaign = campaign
        self._busy_timeout = busy_timeout
        self.write_errors = 0  # batches the disk refused (the GUI may show it); the writer keeps going
        self.last_error: str | None = None
        self.last_failure_at: float | None = None  # wall time of the last batch the disk refused
        self.dropped = 0  # updates submitted after stop()
        self._queue: queue.Queue[_Item] = queue.Queue()
        self._stopped = False
        self._init_file()
        self._thread = threading.Thread(target=self._run, name="recorder", daemon=True)
        self._thread.start()

    def _init_file(self) -> None:
        """Create the tables and, on first open, keep the campaign; a reopened recording continues."""
        try:
            conn = open_database(self.path, "FULL")
            try:
                with conn:
                    conn.executescript(SCHEMA + AUDIT_SCHEMA)
                    _add_columns(conn)
                    conn.executemany(
                        "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
                        [
                            ("format_version", FORMAT_VERSION),
                            ("campaign_toml", campaign_to_toml(self.campaign)),
                            ("campaign_name", self.campaign.campaign.name),
                            ("created_wall", datetime.now(UTC).isoformat(timespec="seconds")),
                        ],
                    )
            finally:
                conn.close()
        except (sqlite3.Error, OSError) as exc:
            raise RecordingError(f"{self.path}: cannot open the recording: {exc}") from None

    # ---------------------------------------------------------------- any thread

    def submit(self, update: SourceUpdate) -> None:
        """Queue one poll outcome for writing; never blocks (pollers call this from their threads)."""
        if self._stopped:
            self.dropped += 1
            return
        self._queue.put((time.time(), update))

    def record_alert(
        self,
        alert_id: str,
        phase: AlertPhase | str,
        campaign_time: datetime,
        rule: str,
        message: str,
        person: str = "",
    ) -> None:
        """Queue one alert event: raised, cleared, or acknowledged by `person`. A `message` that is a
        console.text.Text is kept with its template and arguments too."""
        alert = _Alert(alert_id, AlertPhase(phase), campaign_time, rule, message, person)
        if self._stopped:
            self.dropped += 1
            return
        self._queue.put(alert)

    def flush(self) -> None:
        """Wait until everything submitted so far is committed."""
        self._queue.join()

    def stop(self, timeout: float | None = 10.0) -> None:
        """Write what is queued, then end the writer. Stop the pollers first: later submissions (and any
        that raced with this call) are not written, only counted in `dropped`."""
        if self._stopped:
            return
        self._stopped = True
        self._queue.put(_STOP)
        self._thread.join(timeout)
        if not self._thread.is_alive():
            while True:
                try:
                    self._queue.get_nowait()
                except queue.Empty:
                    break
                self.dropped += 1
                self._queue.task_done()

    def __enter__(self) -> Recorder:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # ---------------------------------------------------------------- the writer thread

    def _run(self) -> None:
        conn = open_database(self.path, busy_timeout=self._busy_timeout)
        try:
            while True:
                batch = self._take_batch()
                try:
                    self._write_until_unlocked(conn, batch)
                except Exception as exc:  # a full disk or a damaged update must not end the recording
                    self.last_error = str(exc)
                    self.last_failure_at = time.time()
                    self.write_errors += 1  # last: readers on other threads see the cause with the count
                    log.exception("recording %s: %d item(s) not written", self.path, len(batch))
                finally:
                    for _ in batch:
                        self._queue.task_done()
                if any(item is _STOP for item in batch):
                    return
        finally:
            conn.close()

    def _write_until_unlocked(self, conn: sqlite3.Connection, batch: list[_Item]) -> None:
        """Another process holding the file (a backup, a report) delays the batch; it never drops it."""
        while True:
            try:
                self._write(conn, batch)
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                self.last_error = str(exc)
                log.warning("recording %s is locked; retrying", self.path)
                time.sleep(LOCKED_RETRY_S)

    def _take_batch(self) -> list[_Item]:
        batch = [self._queue.get()]
        while len(batch) < MAX_BATCH:
            try:
                batch.append(self._queue.get_nowait())
            except queue.Empty:
                break
        return batch

    def _write(self, conn: sqlite3.Connection, batch: list[_Item]) -> None:
        samples = []
        alerts = []
        for item in batch:
            if isinstance(item, _Alert):
                structured = item.message.to_json() if isinstance(item.message, Text) else None
                alerts.append((item.alert_id, item.phase.value, _iso(item.campaign_time), item.rule, item.message,
                               item.person, structured))
            elif isinstance(item, tuple):
                wall, update = item
                samples.append(
                    (
                        update.source.value,
                        _iso(update.attempted_at),
                        datetime.fromtimestamp(wall, UTC).isoformat(timespec="milliseconds"),
                        int(update.ok),
                        None if update.failure is None else update.failure.value,
                        update.error,
                        encode_update(update),
                    )
                )
        if not samples and not alerts:
            return
        if alerts:
            conn.execute("PRAGMA synchronous=FULL")
        try:
            with conn:
                conn.executemany(
                    "INSERT INTO samples (source, campaign_time, wall_time, ok, failure, error, payload_json) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    samples,
                )
                conn.executemany(
                    "INSERT INTO alerts (alert_id, phase, campaign_time, rule, message, person, message_text) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    alerts,
                )
        finally:
            if alerts:
                conn.execute("PRAGMA synchronous=NORMAL")
