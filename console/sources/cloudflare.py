"""Reads the zone's security level, the waiting room and per-minute traffic through the official SDK.

One fetch is four requests: the security_level setting, the waiting room, its /status, and one GraphQL
query (httpRequests1mGroups) through the SDK's generic `post`, which resolves "/graphql" against the
base URL just as Cloudflare serves it at /client/v4/graphql. The REST bodies are read raw
(`with_raw_response`) and checked by console.sources.cloudflare_parse, so a malformed body is reported
as BAD_RESPONSE instead of surfacing as a half-built SDK model.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime

import cloudflare

from console.clock import Clock
from console.config import CloudflareConfig
from console.snapshots import CloudflareSnapshot, FailureKind, SourceName, TrafficMinute
from console.sources.cloudflare_parse import (
    error_codes,
    failure_from_sdk,
    parse_room,
    parse_room_status,
    parse_security_level,
    parse_traffic,
    traffic_window,
    waiting_room_info,
)
from console.sources.errors import SourceError

DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4"
# The SDK would sleep inside fetch() on a 429 (up to 60 s of Retry-After) and retry 5xx; the poller
# already backs off and marks the source stale, so one attempt per request keeps fetch() bounded.
SDK_MAX_RETRIES = 0
MAX_GRAPHQL_ROWS = 10_000
_TOKEN_SHAPE = re.compile(r"[\x21-\x7e]+")

TRAFFIC_QUERY = """
query ZoneTraffic($zoneTag: string!, $since: Time!, $until: Time!, $limit: uint64!) {
  viewer {
    zones(filter: {zoneTag: $zoneTag}) {
      httpRequests1mGroups(
        limit: $limit
        filter: {datetime_geq: $since, datetime_lt: $until}
        orderBy: [datetime_ASC]
      ) {
        dimensions { datetimeMinute }
        sum { requests cachedRequests bytes cachedBytes threats }
        uniq { uniques }
      }
    }
  }
}
""".strip()


def make_client(config: CloudflareConfig, token: str, timeout: float) -> cloudflare.Cloudflare:
    """An SDK client that authenticates with `token` only."""
    client = cloudflare.Cloudflare(
        api_token=token,
        base_url=config.base_url or DEFAULT_BASE_URL,
        max_retries=SDK_MAX_RETRIES,
        timeout=timeout,
    )
    # The SDK also reads CLOUDFLARE_EMAIL / CLOUDFLARE_API_KEY from the environment and prefers them
    # to the token; a war-room console must use the token it was given, nothing a shell left behind.
    client.api_key = None
    client.api_email = None
    client.user_service_key = None
    return client


def call_sdk(request: Callable[[], object], token: str, missing: str | None = None) -> object:
    """Run one SDK request; every failure becomes a SourceError with the token scrubbed.

    `missing` is what to say when the answer is 404: Cloudflare's own words ("Could not route to
    /client/v4/zones/…") do not tell the operator which line of the campaign file is wrong.

    The SourceError is raised outside the `except` block so that it carries no context chain (the
    SDK's exception holds the request, and the request holds the Authorization header).
    """
    failure: SourceError
    if not _TOKEN_SHAPE.fullmatch(token):
        # httpx would refuse such a header before sending and the SDK would call it a connection error.
        raise SourceError(FailureKind.AUTH, "the Cloudflare API token is empty or not a single printable word")
    try:
        return request()
    except cloudflare.APIError as exc:
        failure = failure_from_sdk(exc, token)
        if missing is not None and failure.kind is FailureKind.NOT_FOUND:
            codes = ", ".join(str(code) for code in sorted(error_codes(getattr(exc, "body", None))))
            failure = SourceError(FailureKind.NOT_FOUND, f"{missing} (Cloudflare error {codes or 404})")
    except (json.JSONDecodeError, UnicodeDecodeError):
        failure = SourceError(FailureKind.BAD_RESPONSE, "Cloudflare answered with a body that is not JSON")
    raise failure


def graphql_variables(zone_id: str, now: datetime, window_minutes: int) -> dict[str, object]:
    since, until = traffic_window(now, window_minutes)
    return {
        "zoneTag": zone_id,
        "since": since.isoformat().replace("+00:00", "Z"),
        "until": until.isoformat().replace("+00:00", "Z"),
        "limit": min(window_minutes, MAX_GRAPHQL_ROWS),
    }


class CloudflareSource:
    """The Cloudflare reader the poller drives; `fetch` runs on a worker thread."""

    name = SourceName.CLOUDFLARE

    def __init__(
        self,
        cloudflare_config: CloudflareConfig,
        token: str,
        clock: Clock,
        timeout: float = 8.0,
        window_minutes: int = 15,
    ) -> None:
        if not 1 <= window_minutes <= MAX_GRAPHQL_ROWS:
            raise ValueError(f"window_minutes must be from 1 to {MAX_GRAPHQL_ROWS}")
        self._config = cloudflare_config
        self._token = token
        self._clock = clock
        self._window = window_minutes
        self._client = make_client(cloudflare_config, token, timeout)

    def fetch(self) -> CloudflareSnapshot:
        now = self._clock.now()
        zone_id, room_id = self._config.zone_id, self._config.waiting_room_id
        client = self._client
        no_zone = f"Cloudflare zone {zone_id!r} not found: check cloudflare.zone_id in the campaign file"
        no_room = (f"waiting room {room_id!r} not found in zone {zone_id!r}: "
                   "check cloudflare.waiting_room_id in the campaign file")
        level = parse_security_level(
            call_sdk(
                lambda: client.zones.settings.with_raw_response.get("security_level", zone_id=zone_id).json(),
                self._token,
                no_zone,
            )
        )
        room = parse_room(
            call_sdk(lambda: client.waiting_rooms.with_raw_response.get(room_id, zone_id=zone_id).json(), self._token,
                     no_room)
        )
        status = parse_room_status(
            call_sdk(
                lambda: client.waiting_rooms.statuses.with_raw_response.get(room_id, zone_id=zone_id).json(),
                self._token,
                no_room,
            )
        )
        return CloudflareSnapshot(
            measured_at=now,
            security_level=level,
            waiting_room=waiting_room_info(room, status),
            traffic=self._traffic(now),
        )

    def _traffic(self, now: datetime) -> tuple[TrafficMinute, ...]:
        body = {"query": TRAFFIC_QUERY, "variables": graphql_variables(self._config.zone_id, now, self._window)}
        return parse_traffic(call_sdk(lambda: self._client.post("/graphql", body=body, cast_to=object), self._token))

    def close(self) -> None:
        self._client.close()
