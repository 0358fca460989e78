"""Reading a recording back: its campaign, its poll outcomes in order, its alerts.

Opened read-only, so a report can run while the console is still recording the same campaign.
Every problem is a RecordingError with one line naming the file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from console.config import Campaign, ConfigError, parse_campaign
from console.recording.codec import CodecError, decode_update
from console.recording.recorder import AlertPhase, RecordingError
from console.snapshots import SourceUpdate
from console.text import Text

FETCH_ROWS = 2000


@dataclass(frozen=True)
class RecordedSample:
    seq: int
    wall_time: datetime  # when the outcome reached the recorder (UTC)
    update: SourceUpdate


@dataclass(frozen=True)
class AlertRecord:
    seq: int
    alert_id: str
    phase: AlertPhase
    campaign_time: datetime
    rule: str
    message: str  # a console.text.Text where the recording kept one, else its English
    person: str


def _open(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise RecordingError(f"{path}: no such recording")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10.0)
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error as exc:
        raise RecordingError(f"{path}: not a recording ({exc})") from None
    if not {"meta", "samples"} <= tables:
        conn.close()
        raise RecordingError(f"{path}: not a recording (no meta or samples table)")
    return conn


def load_campaign_from_recording(path: Path) -> Campaign:
    """The campaign the recording belongs to, as its file was when recording began."""
    with closing(_open(path)) as conn:
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'campaign_toml'").fetchone()
        except sqlite3.Error as exc:
            raise RecordingError(f"{path}: cannot read the campaign: {exc}") from None
    if row is None:
        raise RecordingError(f"{path}: the recording holds no campaign")
    try:
        return parse_campaign(row[0], f"{path} (campaign)")
    except ConfigError as exc:
        raise RecordingError(str(exc)) from None


def iter_samples(path: Path) -> Iterator[RecordedSample]:
    """Every recorded poll outcome in the order it arrived, streamed (a 12-hour day does not load at once)."""
    with closing(_open(path)) as conn:
        try:
            cursor = conn.execute("SELECT seq, wall_time, payload_json FROM samples ORDER BY seq")
            while rows := cursor.fetchmany(FETCH_ROWS):
                for seq, wall, payload in rows:
                    try:
                        update = decode_update(payload)
                        wall_time = datetime.fromisoformat(wall)
                    except (CodecError, ValueError) as exc:
                        raise RecordingError(f"{path}: sample {seq} is damaged: {exc}") from None
                    yield RecordedSample(seq, wall_time, update)
        except sqlite3.Error as exc:
            raise RecordingError(f"{path}: cannot read the samples: {exc}") from None


def load_updates(path: Path) -> Iterator[SourceUpdate]:
    """The recorded SourceUpdates, oldest first, exactly as the pollers published them."""
    for sample in iter_samples(path):
        yield sample.update


def read_alerts(path: Path) -> list[AlertRecord]:
    with closing(_open(path)) as conn:
        try:
            columns = {row[1] for row in conn.execute("PRAGMA table_info(alerts)")}
            structured = "message_text" if "message_text" in columns else "NULL"  # older recordings: English only
            rows = conn.execute(
                f"SELECT seq, alert_id, phase, campaign_time, rule, message, person, {structured} FROM alerts "
                "ORDER BY seq"
            ).fetchall()
        except sqlite3.OperationalError:
            return []  # a recording from before alerts were recorded
    try:
        return [
            AlertRecord(seq, alert_id, AlertPhase(phase), datetime.fromisoformat(at), rule, _message(message, text),
                        person)
            for seq, alert_id, phase, at, rule, message, person, text in rows
        ]
    except ValueError as exc:
        raise RecordingError(f"{path}: an alert is damaged: {exc}") from None


def _message(english: str, stored: str | None) -> str:
    """The stored Text; the English if there is none, or if it cannot be read (a newer console's)."""
    if stored is None:
        return english
    try:
        return Text.from_json(stored)
    except ValueError:
        return english


def sample_count(path: Path) -> int:
    with closing(_open(path)) as conn:
        row = conn.execute("SELECT COUNT(*) FROM samples").fetchone()
    return int(row[0]) if row else 0


def read_meta(path: Path) -> dict[str, str]:
    with closing(_open(path)) as conn:
        return {str(key): str(value) for key, value in conn.execute("SELECT key, value FROM meta")}
