"""What Cloudflare sends back, turned into typed values or a SourceError.

Pure functions of the body (or of the SDK's exception), so that any input, however broken, ends as
a value or a SourceError with a kind: a half-written body must mark the source as failing, not crash
the poller. Every message may be shown on the wall screen, so none may carry the API token.
"""

from __future__ import annotations

import email.utils
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import cloudflare

from console.snapshots import FailureKind, TrafficMinute, WaitingRoomInfo
from console.sources.errors import SourceError

# Codes the API uses for a missing, malformed or refused credential, whatever the HTTP status.
AUTH_CODES = frozenset({6003, 6111, 9106, 9109, 10000, 10001})
_SNIPPET = 200


@dataclass(frozen=True, slots=True)
class RoomSettings:
    """The waiting room fields the console shows and changes."""

    room_id: str
    name: str
    host: str
    queue_all: bool
    suspended: bool
    new_users_per_minute: int
    total_active_users: int


@dataclass(frozen=True, slots=True)
class RoomStatus:
    status: str
    queued_users: int
    active_users: int
    max_wait_minutes: int


def _bad(message: str) -> SourceError:
    return SourceError(FailureKind.BAD_RESPONSE, message)


def _mapping(value: object, what: str) -> Mapping[str, object]:
    if not isinstance(value, Mapping):
        raise _bad(f"{what}: expected an object, got {type(value).__name__}")
    return value


def _int(data: Mapping[str, object], key: str, what: str) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise _bad(f"{what}: {key} is missing or not a non-negative integer")
    return value


def _text(data: Mapping[str, object], key: str, what: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise _bad(f"{what}: {key} is missing or not a string")
    return value


def _flag(data: Mapping[str, object], key: str, what: str) -> bool:
    value = data.get(key)
    if not isinstance(value, bool):
        raise _bad(f"{what}: {key} is missing or not a boolean")
    return value


def errors_text(errors: object) -> str:
    """Cloudflare's own words from an envelope's `errors` list, e.g. "10000 Authentication error"."""
    if not isinstance(errors, list):
        return "no error details"
    parts = []
    for error in errors:
        if isinstance(error, Mapping):
            code, message = error.get("code"), error.get("message")
            text = " ".join(str(part) for part in (code, message) if part is not None)
            if text:
                parts.append(text)
    return "; ".join(parts)[:_SNIPPET] or "no error details"


def error_codes(body: object) -> frozenset[int]:
    errors = body.get("errors") if isinstance(body, Mapping) else None
    if not isinstance(errors, list):
        return frozenset()
    codes: set[int] = set()
    for error in errors:
        if isinstance(error, Mapping):
            chain = error.get("error_chain")
            links = [error, *(chain if isinstance(chain, list) else [])]
            codes.update(e["code"] for e in links if isinstance(e, Mapping) and isinstance(e.get("code"), int))
    return frozenset(codes)


def envelope_result(body: object, what: str) -> object:
    """The `result` of a v4 envelope; success=false is the API speaking, anything else malformed."""
    data = _mapping(body, what)
    success = data.get("success")
    if success is False:
        raise SourceError(FailureKind.ERROR, f"{what}: {errors_text(data.get('errors'))}")
    if success is not True:
        raise _bad(f"{what}: the envelope has no success flag")
    if "result" not in data:
        raise _bad(f"{what}: the envelope has no result")
    return data["result"]


def parse_security_level(body: object) -> str:
    """Any non-empty value is taken: a level Cloudflare adds later is still worth showing."""
    what = "security_level"
    result = _mapping(envelope_result(body, what), what)
    return _text(result, "value", what)


def parse_room(body: object) -> RoomSettings:
    what = "waiting room"
    room = _mapping(envelope_result(body, what), what)
    return RoomSettings(
        room_id=_text(room, "id", what),
        name=_text(room, "name", what),
        host=_text(room, "host", what),
        queue_all=_flag(room, "queue_all", what),
        suspended=_flag(room, "suspended", what),
        new_users_per_minute=_int(room, "new_users_per_minute", what),
        total_active_users=_int(room, "total_active_users", what),
    )


def parse_room_status(body: object) -> RoomStatus:
    what = "waiting room status"
    status = _mapping(envelope_result(body, what), what)
    return RoomStatus(
        status=_text(status, "status", what),
        queued_users=_int(status, "estimated_queued_users", what),
        active_users=_int(status, "estimated_total_active_users", what),
        max_wait_minutes=_int(status, "max_estimated_time_minutes", what),
    )


def waiting_room_info(room: RoomSettings, status: RoomStatus) -> WaitingRoomInfo:
    return WaitingRoomInfo(
        room_id=room.room_id,
        name=room.name,
        host=room.host,
        queue_all=room.queue_all,
        suspended=room.suspended,
        new_users_per_minute=room.new_users_per_minute,
        total_active_users=room.total_active_users,
        status=status.status,
        queued_users=status.queued_users,
        active_users=status.active_users,
        max_wait_minutes=status.max_wait_minutes,
    )


def _minute(value: object, what: str) -> datetime:
    if not isinstance(value, str):
        raise _bad(f"{what}: datetimeMinute is missing or not a string")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise _bad(f"{what}: datetimeMinute {value[:40]!r} is not a time") from None
    if moment.tzinfo is None:
        raise _bad(f"{what}: datetimeMinute {value[:40]!r} has no time zone")
    try:
        return moment.astimezone(UTC)
    except OverflowError:  # e.g. 0001-01-01T00:00:00+01:00 is before year 1 in UTC
        raise _bad(f"{what}: datetimeMinute {value[:40]!r} is out of range") from None


def _traffic_row(group: object) -> TrafficMinute:
    what = "traffic"
    row = _mapping(group, what)
    dimensions = _mapping(row.get("dimensions"), f"{what} dimensions")
    sums = _mapping(row.get("sum"), f"{what} sum")
    uniq = _mapping(row.get("uniq"), f"{what} uniq")
    return TrafficMinute(
        at=_minute(dimensions.get("datetimeMinute"), what),
        requests=_int(sums, "requests", what),
        cached_requests=_int(sums, "cachedRequests", what),
        bytes=_int(sums, "bytes", what),
        cached_bytes=_int(sums, "cachedBytes", what),
        threats=_int(sums, "threats", what),
        uniques=_int(uniq, "uniques", what),
    )


def parse_traffic(body: object) -> tuple[TrafficMinute, ...]:
    """Rows of a GraphQL httpRequests1mGroups answer, oldest first; GraphQL errors arrive with HTTP 200."""
    what = "GraphQL"
    document = _mapping(body, what)
    errors = document.get("errors")
    if errors not in (None, []):
        if not isinstance(errors, list):
            raise _bad(f"{what}: errors is not a list")
        messages = [e["message"] for e in errors if isinstance(e, Mapping) and isinstance(e.get("message"), str)]
        if not messages:
            raise _bad(f"{what}: errors without messages")
        raise SourceError(FailureKind.ERROR, f"{what}: {'; '.join(messages)[:_SNIPPET]}")
    viewer = _mapping(_mapping(document.get("data"), f"{what} data").get("viewer"), f"{what} viewer")
    zones = viewer.get("zones")
    if not isinstance(zones, list):
        raise _bad(f"{what}: viewer.zones is not a list")
    if not zones:
        raise SourceError(FailureKind.NOT_FOUND, f"{what}: the zone is unknown or not readable with this token")
    groups = _mapping(zones[0], f"{what} zone").get("httpRequests1mGroups")
    if not isinstance(groups, list):
        raise _bad(f"{what}: httpRequests1mGroups is not a list")
    return tuple(sorted((_traffic_row(group) for group in groups), key=lambda row: row.at))


def traffic_window(now: datetime, minutes: int) -> tuple[datetime, datetime]:
    """[since, until) covering the last `minutes` complete minutes before `now`."""
    until = now.astimezone(UTC).replace(second=0, microsecond=0)
    return until - timedelta(minutes=minutes), until


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After as seconds: a number, or an HTTP date (RFC 9110); None when absent or unreadable."""
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            return None
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    if seconds != seconds or seconds in (float("inf"), float("-inf")):
        return None
    return max(seconds, 0.0)


def _detail(body: object) -> str:
    if isinstance(body, Mapping):
        return errors_text(body.get("errors"))
    if isinstance(body, str) and body.strip():
        return " ".join(body.split())[:_SNIPPET]
    return "no error details"


def failure_from_sdk(error: cloudflare.APIError, secret: str) -> SourceError:
    """The SourceError for anything the SDK raised; `secret` is scrubbed from the message."""
    request = getattr(error, "request", None)
    where = f"{request.method} {request.url.path}" if request is not None else "Cloudflare"
    retry_after = None
    if isinstance(error, cloudflare.APITimeoutError):
        kind, message = FailureKind.TIMEOUT, f"{where}: no answer in time"
    elif isinstance(error, cloudflare.APIConnectionError):
        url = request.url if request is not None else None
        host = (f"{url.host}:{url.port}" if url.port else url.host) if url is not None else "Cloudflare"
        kind, message = FailureKind.UNREACHABLE, f"{where}: cannot connect to {host}"
    elif isinstance(error, cloudflare.APIStatusError):
        status = error.status_code
        message = f"{where}: HTTP {status}: {_detail(error.body)}"
        if status == 429:
            kind = FailureKind.THROTTLED
            retry_after = retry_after_seconds(error.response.headers.get("retry-after"))
        elif status in (401, 403) or error_codes(error.body) & AUTH_CODES:
            kind = FailureKind.AUTH
        elif status == 404:
            kind = FailureKind.NOT_FOUND
        else:
            kind = FailureKind.ERROR
    elif isinstance(error, cloudflare.APIResponseValidationError):
        kind, message = FailureKind.BAD_RESPONSE, f"{where}: the response does not match the API"
    else:
        kind, message = FailureKind.ERROR, f"{where}: {type(error).__name__}"
    if secret:
        message = message.replace(secret, "[token]")
    return SourceError(kind, message, retry_after)
