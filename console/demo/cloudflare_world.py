"""The state behind the Cloudflare emulator: one zone, one waiting room, per-minute traffic, the token.

The on-sale simulator writes into it (room status, traffic) and reads what the operator changed
(security level, room settings); the HTTP side (console.demo.cloudflare_emulator) serves it. Both run on
different threads, so every read and write goes through one lock and hands out copies.
"""

from __future__ import annotations

import copy
import re
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from console.demo.cloudflare_tokens import DEMO_ACCOUNT_ID, TokenGrant

DEMO_ZONE_ID = "5f1c2b9e8d7a4c3b9a1e0f2d4c6b8a01"
DEMO_ROOM_ID = "9c8b7a6f5e4d4c3b8a291807f6e5d4c3"

SECURITY_LEVELS = ("off", "essentially_off", "low", "medium", "high", "under_attack")
ROOM_REQUIRED = ("host", "name", "new_users_per_minute", "total_active_users")
HISTORY = timedelta(hours=24)
_INT32_MAX = 2_147_483_647

_INT_RANGES = {
    "new_users_per_minute": (200, _INT32_MAX),
    "total_active_users": (200, _INT32_MAX),
    "session_duration": (1, 30),
}
_BOOLS = frozenset({"queue_all", "suspended", "disable_session_renewal", "json_response_enabled"})
_TEXTS = frozenset({"description", "custom_page_html", "cookie_suffix"})
_CHOICES: dict[str, tuple[object, ...]] = {
    "queueing_method": ("fifo", "random", "passthrough", "reject"),
    "queueing_status_code": (200, 202, 429),
    "default_template_language": ("en-US", "de-DE", "fr-FR", "es-ES", "it-IT", "pl-PL", "nl-NL", "cs-CZ"),
    "turnstile_action": ("log", "infinite_queue"),
    "turnstile_mode": ("off", "invisible", "visible_non_interactive", "visible_managed"),
}
_READ_ONLY = frozenset({"id", "created_on", "modified_on", "next_event_prequeue_start_time", "next_event_start_time"})
_NAME = re.compile(r"^[A-Za-z0-9_]+$")


class InvalidRequest(Exception):
    """A request body the real API would refuse with HTTP 400; `code` goes into the envelope."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True, slots=True)
class TrafficRow:
    """One minute of zone traffic, as httpRequests1mGroups reports it."""

    at: datetime
    requests: int
    cached_requests: int
    bytes: int
    cached_bytes: int
    threats: int
    uniques: int


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _check_field(key: str, value: object) -> None:
    """Raise InvalidRequest when `value` is not acceptable for room field `key`."""
    ok: bool
    if key in _INT_RANGES:
        low, high = _INT_RANGES[key]
        ok = isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
        hint = f"an integer from {low} to {high}"
    elif key in _BOOLS:
        ok, hint = isinstance(value, bool), "a boolean"
    elif key in _TEXTS:
        ok, hint = isinstance(value, str), "a string"
    elif key in _CHOICES:
        ok = any(value == c and type(value) is type(c) for c in _CHOICES[key])
        hint = "one of " + ", ".join(str(c) for c in _CHOICES[key])
    elif key == "name":
        ok, hint = isinstance(value, str) and bool(_NAME.match(value)), "letters, digits and underscores"
    elif key == "host":
        ok = isinstance(value, str) and bool(value) and "/" not in value and " " not in value
        hint = "a host name without scheme or path"
    elif key == "path":
        ok, hint = isinstance(value, str) and value.startswith("/"), "a path starting with /"
    elif key in ("additional_routes", "enabled_origin_commands"):
        ok, hint = isinstance(value, list), "a list"
    elif key == "cookie_attributes":
        ok, hint = isinstance(value, dict), "an object"
    else:
        raise InvalidRequest(1002, f"{key}: unknown waiting room field")
    if not ok:
        raise InvalidRequest(1002, f"{key}: must be {hint}")


def validate_room_body(body: object) -> dict[str, Any]:
    """The editable fields of a PATCH/PUT body; like the SDK's edit params, the four basics are required."""
    if not isinstance(body, dict):
        raise InvalidRequest(6007, "Malformed JSON in request body")
    missing = [key for key in ROOM_REQUIRED if key not in body]
    if missing:
        raise InvalidRequest(1002, f"{missing[0]}: is required")
    changes: dict[str, Any] = {}
    for key, value in body.items():
        if key in _READ_ONLY:
            continue
        _check_field(str(key), value)
        changes[str(key)] = copy.deepcopy(value)
    return changes


def _room_defaults(room_id: str) -> dict[str, Any]:
    return {
        "id": room_id,
        "name": "",
        "description": "",
        "host": "",
        "path": "/",
        "additional_routes": [],
        "queue_all": False,
        "suspended": False,
        "new_users_per_minute": 200,
        "total_active_users": 200,
        "session_duration": 5,
        "disable_session_renewal": False,
        "queueing_method": "fifo",
        "queueing_status_code": 200,
        "json_response_enabled": False,
        "custom_page_html": "",
        "default_template_language": "en-US",
        "cookie_suffix": "",
        "cookie_attributes": {"samesite": "auto", "secure": "auto"},
        "enabled_origin_commands": [],
        "next_event_prequeue_start_time": None,
        "next_event_start_time": None,
        "turnstile_action": "log",
        "turnstile_mode": "invisible",
        "created_on": None,
        "modified_on": None,
    }


class CloudflareWorld:
    """One zone with one waiting room, shared by the simulator and the HTTP emulator (thread-safe)."""

    def __init__(
        self,
        zone_id: str = DEMO_ZONE_ID,
        room_id: str = DEMO_ROOM_ID,
        host: str = "tickets.example.com",
        name: str = "onsale",
        new_users_per_minute: int = 2000,
        total_active_users: int = 20000,
        security_level: str = "medium",
    ) -> None:
        if security_level not in SECURITY_LEVELS:
            raise ValueError(f"security_level must be one of {', '.join(SECURITY_LEVELS)}")
        self.zone_id = zone_id
        self.room_id = room_id
        self.account_id = DEMO_ACCOUNT_ID
        self.zone_name = host.split(".", 1)[-1]
        self._lock = threading.Lock()
        self._token = TokenGrant()
        now = _iso(datetime.now(UTC))
        room = _room_defaults(room_id)
        basics = {
            "host": host,
            "name": name,
            "new_users_per_minute": new_users_per_minute,
            "total_active_users": total_active_users,
        }
        for key, value in basics.items():
            _check_field(key, value)
        room.update(basics, created_on=now, modified_on=now)
        self._room = room
        self._security_level = security_level
        self._security_modified: str | None = None
        self._status: dict[str, Any] = {
            "status": "not_queueing",
            "event_id": "",
            "estimated_queued_users": 0,
            "estimated_total_active_users": 0,
            "max_estimated_time_minutes": 0,
        }
        self._traffic: dict[datetime, TrafficRow] = {}
        self._requests = 0

    # ------------------------------------------------------------ the simulator's side

    def security_level(self) -> str:
        with self._lock:
            return self._security_level

    def room_settings(self) -> dict[str, Any]:
        with self._lock:
            return copy.deepcopy(self._room)

    def set_room_status(self, status: str, queued_users: int, active_users: int, max_wait_minutes: int) -> None:
        with self._lock:
            self._status = {
                "status": status,
                "event_id": "",
                "estimated_queued_users": int(queued_users),
                "estimated_total_active_users": int(active_users),
                "max_estimated_time_minutes": int(max_wait_minutes),
            }

    def add_traffic_minute(
        self,
        at: datetime,
        requests: int,
        cached_requests: int,
        bytes: int,
        cached_bytes: int,
        threats: int,
        uniques: int,
    ) -> None:
        """Record the totals of the minute containing `at`; a second call for that minute replaces it.

        Only the last 24 hours before the newest minute are kept, as a long demo must not grow forever.
        """
        if at.tzinfo is None:
            raise ValueError("at must be timezone-aware")
        minute = at.astimezone(UTC).replace(second=0, microsecond=0)
        row = TrafficRow(minute, requests, cached_requests, bytes, cached_bytes, threats, uniques)
        with self._lock:
            self._traffic[minute] = row
            oldest = max(self._traffic) - HISTORY
            for stale in [m for m in self._traffic if m <= oldest]:
                del self._traffic[stale]

    def set_token(self, grant: TokenGrant) -> None:
        """What Cloudflare knows about the token: status, lifetime, owner (user or account)."""
        with self._lock:
            self._token = grant

    @property
    def token(self) -> TokenGrant:
        with self._lock:
            return self._token

    @property
    def request_count(self) -> int:
        with self._lock:
            return self._requests

    # ------------------------------------------------------------ the HTTP side

    def count_request(self) -> None:
        with self._lock:
            self._requests += 1

    def zone_details(self) -> dict[str, Any]:
        return {"id": self.zone_id, "name": self.zone_name, "status": "active",
                "account": {"id": self.account_id, "name": "Demo promoter"}}

    def security_setting(self) -> dict[str, Any]:
        with self._lock:
            return self._setting_locked()

    def apply_security_level(self, value: object) -> dict[str, Any]:
        if not isinstance(value, str) or value not in SECURITY_LEVELS:
            raise InvalidRequest(1007, "Invalid value for zone setting security_level")
        with self._lock:
            self._security_level = value
            self._security_modified = _iso(datetime.now(UTC))
            return self._setting_locked()

    def _setting_locked(self) -> dict[str, Any]:
        return {
            "id": "security_level",
            "value": self._security_level,
            "editable": True,
            "modified_on": self._security_modified,
        }

    def edit_room(self, body: object, *, replace: bool) -> dict[str, Any]:
        """PATCH merges into the room; PUT resets every field not given to its default."""
        changes = validate_room_body(body)
        with self._lock:
            base = _room_defaults(self.room_id) if replace else self._room
            room = {**copy.deepcopy(base), **changes}
            room.update(id=self.room_id, created_on=self._room["created_on"])
            room["modified_on"] = _iso(datetime.now(UTC))
            self._room = room
            return copy.deepcopy(room)

    def room_status(self) -> dict[str, Any]:
        with self._lock:
            return dict(self._status)

    def traffic_between(self, since: datetime, until: datetime) -> list[TrafficRow]:
        """Minutes with since <= minute < until, oldest first."""
        with self._lock:
            rows = [row for minute, row in self._traffic.items() if since <= minute < until]
        return sorted(rows, key=lambda row: row.at)
