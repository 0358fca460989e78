"""The emulator's answer to POST /graphql: the one analytics query the console sends.

This is not a GraphQL engine. It recognises the dataset the query asks for (only `httpRequests1mGroups`
under `viewer { zones(filter: {zoneTag: $zoneTag}) { ... } }` is served) and reads the rest from the
variables, which the console always uses:

    zoneTag  the zone id                        since  datetime_geq, ISO 8601 with offset or Z
    limit    rows at most (default and max 10000) until  datetime_lt,  ISO 8601 with offset or Z

Every row carries the full selection (dimensions.datetimeMinute, sum.requests/cachedRequests/bytes/
cachedBytes/threats, uniq.uniques) whatever the query selects; `datetime_DESC` in the query reverses the
order. As the real endpoint does, every answer, errors included, goes out with HTTP 200 as
{"data": ..., "errors": ...}.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from console.demo.cloudflare_world import CloudflareWorld, TrafficRow

DATASET = "httpRequests1mGroups"
MAX_LIMIT = 10_000
_DATASET_NAME = re.compile(r"zones\s*\([^)]*\)\s*\{\s*(\w+)")


class _QueryError(Exception):
    def __init__(self, message: str, code: str = "bad_request") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def _error(message: str, code: str, path: list[str] | None = None) -> dict[str, Any]:
    now = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    entry: dict[str, Any] = {"message": message, "extensions": {"code": code, "timestamp": now}}
    if path is not None:
        entry["path"] = path
    return {"data": None, "errors": [entry]}


def _time_variable(variables: dict[str, Any], key: str) -> datetime:
    value = variables.get(key)
    if not isinstance(value, str):
        raise _QueryError(f'variable "{key}" is required and must be a Time string')
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise _QueryError(f'variable "{key}": cannot parse "{value}" as Time') from None
    if moment.tzinfo is None:
        raise _QueryError(f'variable "{key}": Time must carry an offset or Z')
    return moment.astimezone(UTC)


def _check_query(query: str) -> None:
    depth = 0
    for char in query:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            break
    if depth != 0 or "{" not in query:
        raise _QueryError("failed to parse query: unbalanced braces", "parse_error")
    if "viewer" not in query:
        raise _QueryError('unknown field at top level: expected "viewer"', "parse_error")
    match = _DATASET_NAME.search(query)
    if match is None:
        raise _QueryError("failed to parse query: no dataset under viewer.zones", "parse_error")
    if match.group(1) != DATASET:
        raise _QueryError(f'unknown field "{match.group(1)}" on type "zone"', "parse_error")


def _read_request(raw: bytes) -> tuple[str, datetime, datetime, int, bool]:
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise _QueryError("failed to parse request body as JSON") from None
    if not isinstance(body, dict) or not isinstance(body.get("query"), str):
        raise _QueryError('request body must be an object with a "query" string')
    query: str = body["query"]
    _check_query(query)
    variables = body.get("variables") or {}
    if not isinstance(variables, dict):
        raise _QueryError('"variables" must be an object')
    zone_tag = variables.get("zoneTag")
    if not isinstance(zone_tag, str) or not zone_tag:
        raise _QueryError('variable "zoneTag" is required and must be a string')
    limit = variables.get("limit", MAX_LIMIT)
    if not isinstance(limit, int) or isinstance(limit, bool) or not 0 < limit <= MAX_LIMIT:
        raise _QueryError(f'variable "limit" must be an integer from 1 to {MAX_LIMIT}')
    since = _time_variable(variables, "since")
    until = _time_variable(variables, "until")
    return zone_tag, since, until, limit, "datetime_DESC" in query


def _row(row: TrafficRow) -> dict[str, Any]:
    return {
        "dimensions": {"datetimeMinute": row.at.strftime("%Y-%m-%dT%H:%M:%SZ")},
        "sum": {
            "requests": row.requests,
            "cachedRequests": row.cached_requests,
            "bytes": row.bytes,
            "cachedBytes": row.cached_bytes,
            "threats": row.threats,
        },
        "uniq": {"uniques": row.uniques},
    }


def answer_graphql(world: CloudflareWorld, raw: bytes) -> dict[str, Any]:
    """The GraphQL response document for one request body."""
    try:
        zone_tag, since, until, limit, descending = _read_request(raw)
    except _QueryError as exc:
        return _error(exc.message, exc.code)
    if zone_tag != world.zone_id:
        message = f"zone '{zone_tag}' does not exist or you do not have access to it"
        return _error(message, "authz", ["viewer", "zones", "0"])
    rows = world.traffic_between(since, until)
    if descending:
        rows.reverse()
    groups = [_row(row) for row in rows[:limit]]
    return {"data": {"viewer": {"zones": [{DATASET: groups}]}}, "errors": None}
