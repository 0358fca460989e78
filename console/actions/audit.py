"""The audit trail: every action written before it is sent (intent) and after it returns (outcome).

SQLite in WAL mode with synchronous=FULL, so an entry that was written survives a kill -9 or a power
cut. One short-lived connection per write: actions are rare, and any thread may write.
"""

from __future__ import annotations

import csv
import getpass
import socket
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import astuple, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    action_id TEXT NOT NULL,
    phase TEXT NOT NULL,            -- intent | outcome
    wall_time TEXT NOT NULL,        -- ISO 8601 UTC
    campaign_time TEXT NOT NULL,    -- ISO 8601 UTC (simulated time in the demo)
    os_user TEXT NOT NULL,
    workstation TEXT NOT NULL,
    campaign TEXT NOT NULL,
    role TEXT NOT NULL,
    action TEXT NOT NULL,
    resource TEXT NOT NULL,
    before TEXT NOT NULL,
    after TEXT NOT NULL,
    outcome TEXT NOT NULL,          -- pending | ok | failed
    message TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    action_id: str
    phase: str
    wall_time: str
    campaign_time: str
    os_user: str
    workstation: str
    campaign: str
    role: str
    action: str
    resource: str
    before: str
    after: str
    outcome: str
    message: str


def connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=10.0)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    return conn


def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


class AuditLog:
    def __init__(self, path: Path, campaign: str, role: str) -> None:
        self.path = path
        self._campaign = campaign
        self._role = role
        self._user = os_user()
        self._host = socket.gethostname()
        self._listeners: list[Callable[[AuditEntry], None]] = []
        self._lock = threading.Lock()
        with self._lock, connect(path) as conn:
            conn.executescript(SCHEMA)
        conn.close()

    def subscribe(self, listener: Callable[[AuditEntry], None]) -> None:
        """`listener` is called on the writing thread after each entry is durable."""
        self._listeners.append(listener)

    def write(
        self,
        action_id: str,
        phase: str,
        campaign_time: datetime,
        action: str,
        resource: str,
        before: str,
        after: str,
        outcome: str,
        message: str = "",
    ) -> AuditEntry:
        row = (
            action_id, phase, datetime.now(UTC).isoformat(timespec="milliseconds"),
            campaign_time.astimezone(UTC).isoformat(timespec="seconds"), self._user, self._host,
            self._campaign, self._role, action, resource, before, after, outcome, message,
        )
        with self._lock:
            conn = connect(self.path)
            try:
                with conn:
                    cursor = conn.execute(
                        "INSERT INTO audit (action_id, phase, wall_time, campaign_time, os_user, workstation, "
                        "campaign, role, action, resource, before, after, outcome, message) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        row,
                    )
                    seq = cursor.lastrowid or 0
            finally:
                conn.close()
        entry = AuditEntry(seq, *row)
        for listener in list(self._listeners):
            listener(entry)
        return entry

    def entries(self) -> list[AuditEntry]:
        return read_entries(self.path)

    def last_ok(self, action: str) -> AuditEntry | None:
        """The newest successful outcome of `action` (e.g. what protection was before it was switched on)."""
        for entry in reversed(self.entries()):
            if entry.action == action and entry.phase == "outcome" and entry.outcome == "ok":
                return entry
        return None


def read_entries(path: Path) -> list[AuditEntry]:
    if not path.exists():
        return []
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10.0)
    try:
        has_table = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'audit'").fetchone()
        if not has_table:
            return []
        rows = conn.execute("SELECT * FROM audit ORDER BY seq").fetchall()
    finally:
        conn.close()
    return [AuditEntry(*row) for row in rows]


def export_csv(entries: list[AuditEntry], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([f.name for f in fields(AuditEntry)])
        writer.writerows(astuple(entry) for entry in entries)
