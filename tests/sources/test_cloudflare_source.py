"""CloudflareSource and CloudflareControl: the official SDK over HTTP against the emulator."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.config import CloudflareConfig
from console.demo.cloudflare_emulator import CloudflareEmulator, CloudflareWorld
from console.snapshots import FailureKind, SourceName
from console.sources.cloudflare import CloudflareSource, graphql_variables
from console.sources.cloudflare_control import CloudflareControl
from console.sources.cloudflare_parse import (
    parse_room,
    parse_room_status,
    parse_security_level,
    parse_traffic,
    retry_after_seconds,
    traffic_window,
)
from console.sources.errors import SourceError

TOKEN = "cf-demo-token-Zq81xW"
NOW = datetime(2026, 12, 1, 10, 7, 30, tzinfo=UTC)


@dataclass
class FixedClock:
    at: datetime = NOW
    speed: float = 1.0

    def now(self) -> datetime:
        return self.at


@pytest.fixture
def world() -> CloudflareWorld:
    return CloudflareWorld(security_level="medium", new_users_per_minute=1500, total_active_users=18000)


@pytest.fixture
def emulator(world: CloudflareWorld) -> Iterator[CloudflareEmulator]:
    with CloudflareEmulator(world, TOKEN) as running:
        yield running


@pytest.fixture
def config(world: CloudflareWorld, emulator: CloudflareEmulator) -> CloudflareConfig:
    return CloudflareConfig(zone_id=world.zone_id, waiting_room_id=world.room_id, base_url=emulator.base_url)


def _source(config: CloudflareConfig, token: str = TOKEN, timeout: float = 3.0) -> CloudflareSource:
    return CloudflareSource(config, token, FixedClock(), timeout=timeout)


@pytest.fixture
def source(config: CloudflareConfig) -> Iterator[CloudflareSource]:
    reader = _source(config)
    yield reader
    reader.close()


@pytest.fixture
def control(config: CloudflareConfig) -> Iterator[CloudflareControl]:
    actor = CloudflareControl(config, TOKEN, timeout=3.0)
    yield actor
    actor.close()


def _fetch_error(source: CloudflareSource) -> SourceError:
    with pytest.raises(SourceError) as caught:
        source.fetch()
    return caught.value


def _new_source_error(config: CloudflareConfig, token: str = TOKEN, timeout: float = 3.0) -> SourceError:
    """What the first fetch of a source of its own raises; the source is closed either way."""
    with closing(_source(config, token, timeout)) as reader:
        return _fetch_error(reader)


def _minute(minutes_after_ten: int) -> datetime:
    return datetime(2026, 12, 1, 10, 0, tzinfo=UTC) + timedelta(minutes=minutes_after_ten)


# ------------------------------------------------------------------ reading


def test_fetch_gives_the_worlds_values(world: CloudflareWorld, source: CloudflareSource) -> None:
    world.set_room_status("queueing", queued_users=12345, active_users=17900, max_wait_minutes=42)
    world.add_traffic_minute(_minute(5), 1000, 900, 50_000, 45_000, 7, 300)

    snapshot = source.fetch()

    assert source.name is SourceName.CLOUDFLARE
    assert snapshot.measured_at == NOW
    assert snapshot.security_level == "medium"
    room = snapshot.waiting_room
    assert (room.room_id, room.name, room.host) == (world.room_id, "onsale", "tickets.example.com")
    assert (room.new_users_per_minute, room.total_active_users) == (1500, 18000)
    assert (room.queue_all, room.suspended) == (False, False)
    assert (room.status, room.queued_users, room.active_users, room.max_wait_minutes) == ("queueing", 12345, 17900, 42)
    [minute] = snapshot.traffic
    assert minute.at == _minute(5)
    assert (minute.requests, minute.cached_requests, minute.bytes, minute.cached_bytes) == (1000, 900, 50_000, 45_000)
    assert (minute.threats, minute.uniques) == (7, 300)


def test_traffic_is_the_last_complete_minutes_oldest_first(world: CloudflareWorld, config: CloudflareConfig) -> None:
    for offset in reversed(range(-20, 9)):  # 09:40 .. 10:08, added newest first
        world.add_traffic_minute(_minute(offset), 100 + offset, 0, 0, 0, 0, 0)
    reader = CloudflareSource(config, TOKEN, FixedClock(), window_minutes=15)
    try:
        traffic = reader.fetch().traffic
    finally:
        reader.close()
    # now is 10:07:30: 10:07 is not complete yet; 15 minutes back is 09:52.
    assert [row.at for row in traffic] == [_minute(m) for m in range(-8, 7)]
    assert [row.requests for row in traffic] == [100 + m for m in range(-8, 7)]


def test_one_fetch_costs_four_requests(world: CloudflareWorld, source: CloudflareSource) -> None:
    before = world.request_count
    source.fetch()
    assert world.request_count - before == 4


# ------------------------------------------------------------------ acting


def test_security_level_change_is_seen_by_world_and_next_fetch(
    world: CloudflareWorld, source: CloudflareSource, control: CloudflareControl
) -> None:
    assert control.set_security_level("under_attack") == "medium"
    assert world.security_level() == "under_attack"
    assert source.fetch().security_level == "under_attack"
    assert control.set_security_level("high") == "under_attack"


def test_unknown_security_level_is_refused_before_sending(world: CloudflareWorld, control: CloudflareControl) -> None:
    before = world.request_count
    with pytest.raises(ValueError):
        control.set_security_level("panic")
    assert world.request_count == before


def test_pause_and_rate_change_keep_the_rest_of_the_room(
    world: CloudflareWorld, source: CloudflareSource, control: CloudflareControl
) -> None:
    before, after = control.set_room_admissions(queue_all=True)
    assert before["queue_all"] is False and after["queue_all"] is True
    assert {k: v for k, v in before.items() if k != "queue_all"} == {k: v for k, v in after.items() if k != "queue_all"}
    room = world.room_settings()
    assert room["queue_all"] is True and room["suspended"] is False
    assert source.fetch().waiting_room.queue_all is True

    before, after = control.set_room_admissions(new_users_per_minute=600)
    assert (before["new_users_per_minute"], after["new_users_per_minute"]) == (1500, 600)
    assert after["queue_all"] is True  # the pause survives a rate change
    assert world.room_settings()["new_users_per_minute"] == 600
    assert world.room_settings()["total_active_users"] == 18000

    control.set_room_admissions(queue_all=False)
    assert source.fetch().waiting_room.queue_all is False


def test_room_change_refused_by_the_api_is_reported_with_its_words(
    world: CloudflareWorld, control: CloudflareControl
) -> None:
    with pytest.raises(SourceError) as caught:
        control.set_room_admissions(new_users_per_minute=50)
    assert caught.value.kind is FailureKind.ERROR
    assert "new_users_per_minute" in caught.value.message
    assert world.room_settings()["new_users_per_minute"] == 1500


def test_room_change_needs_something_to_change(control: CloudflareControl) -> None:
    with pytest.raises(ValueError):
        control.set_room_admissions()
    with pytest.raises(ValueError):
        control.set_room_admissions(new_users_per_minute=0)


# ------------------------------------------------------------------ failing


def test_wrong_token_is_auth_and_no_token_leaks(config: CloudflareConfig) -> None:
    wrong = "wrong-token-Kp20vQ"
    error = _new_source_error(config, token=wrong)
    assert error.kind is FailureKind.AUTH
    assert "10000" in error.message and "Authentication error" in error.message
    for secret in (wrong, TOKEN):
        assert secret not in error.message and secret not in str(error)
    # No chained SDK exception either: it would carry the request and its Authorization header.
    assert error.__cause__ is None and error.__context__ is None


@pytest.mark.parametrize("token", ["", "   ", "pasted-token\n", "tökén", "two words"])
def test_empty_or_malformed_token_is_auth_without_a_request(
    config: CloudflareConfig, world: CloudflareWorld, token: str
) -> None:
    before = world.request_count
    error = _new_source_error(config, token=token)
    assert error.kind is FailureKind.AUTH
    assert world.request_count == before
    if token.strip():
        assert token.strip() not in error.message


def test_control_with_wrong_token_is_auth(config: CloudflareConfig, world: CloudflareWorld) -> None:
    actor = CloudflareControl(config, "nope-token-77", timeout=3.0)
    try:
        with pytest.raises(SourceError) as caught:
            actor.set_security_level("under_attack")
    finally:
        actor.close()
    assert caught.value.kind is FailureKind.AUTH
    assert "nope-token-77" not in caught.value.message
    assert world.security_level() == "medium"


@pytest.mark.parametrize("which", ["zone", "room"])
def test_unknown_zone_or_room_is_not_found(config: CloudflareConfig, which: str) -> None:
    field = "zone_id" if which == "zone" else "waiting_room_id"
    error = _new_source_error(config.model_copy(update={field: "0" * 32}))
    assert error.kind is FailureKind.NOT_FOUND
    assert "7003" in error.message


def test_stopped_emulator_is_unreachable(emulator: CloudflareEmulator, source: CloudflareSource) -> None:
    emulator.stop()
    error = _fetch_error(source)
    assert error.kind is FailureKind.UNREACHABLE
    assert "127.0.0.1" in error.message


def test_slow_answer_is_timeout(emulator: CloudflareEmulator, config: CloudflareConfig) -> None:
    emulator.delay_next(1.5, path="/status")
    assert _new_source_error(config, timeout=0.3).kind is FailureKind.TIMEOUT


def test_throttled_with_retry_after(emulator: CloudflareEmulator, source: CloudflareSource) -> None:
    emulator.fail_next(429, retry_after=7)
    error = _fetch_error(source)
    assert error.kind is FailureKind.THROTTLED
    assert error.retry_after == 7.0
    assert "971" in error.message


def test_server_error_carries_cloudflares_message(emulator: CloudflareEmulator, source: CloudflareSource) -> None:
    emulator.fail_next(500, path="/waiting_rooms")
    error = _fetch_error(source)
    assert error.kind is FailureKind.ERROR
    assert "HTTP 500" in error.message and "An unknown error has occurred" in error.message


@pytest.mark.parametrize(
    ("path", "body", "content_type"),
    [
        ("/settings", '{"success": true, "errors": [], "messages": []}', "application/json"),
        ("/settings", '{"success": true, "result": {"id": "security_level", "value": 5}}', "application/json"),
        ("/settings", '{"success": true, "resu', "application/json"),
        ("/settings", "<html>502 Bad Gateway</html>", "text/html"),
        ("/status", '{"success": true, "result": {"status": "queueing"}}', "application/json"),
        ("/status", "[1, 2, 3]", "application/json"),
        ("/graphql", '{"data": {"viewer": {"zones": [{"httpRequests1mGroups": [{"sum": {}}]}]}}}', "application/json"),
        ("/graphql", '{"data": {"viewer": {"zones": "nope"}}, "errors": null}', "application/json"),
        ("/graphql", "<html>oops</html>", "text/html"),
        ("/graphql", "\xff\xfe not json", "application/json"),
    ],
)
def test_malformed_bodies_are_bad_response(
    emulator: CloudflareEmulator, source: CloudflareSource, path: str, body: str, content_type: str
) -> None:
    emulator.garble_next(body.encode("latin-1"), content_type=content_type, path=path)
    assert _fetch_error(source).kind is FailureKind.BAD_RESPONSE


def test_graphql_errors_are_reported(emulator: CloudflareEmulator, source: CloudflareSource) -> None:
    document = {"data": None, "errors": [{"message": "quota exceeded for zone", "extensions": {"code": "quota"}}]}
    emulator.garble_next(json.dumps(document), path="/graphql")
    error = _fetch_error(source)
    assert error.kind is FailureKind.ERROR
    assert "quota exceeded for zone" in error.message


def test_recovers_after_a_failure(emulator: CloudflareEmulator, source: CloudflareSource) -> None:
    emulator.fail_next(503)
    _fetch_error(source)
    assert source.fetch().security_level == "medium"


# ------------------------------------------------------------------ pure parts


def test_graphql_variables_cover_complete_minutes() -> None:
    variables = graphql_variables("z", NOW, 15)
    assert variables == {"zoneTag": "z", "since": "2026-12-01T09:52:00Z", "until": "2026-12-01T10:07:00Z", "limit": 15}
    assert traffic_window(NOW.replace(second=0), 1) == (_minute(6), _minute(7))


def test_retry_after_forms() -> None:
    now = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    assert retry_after_seconds("12") == 12.0
    assert retry_after_seconds("0.5") == 0.5
    assert retry_after_seconds("Tue, 01 Dec 2026 10:00:30 GMT", now) == 30.0
    assert retry_after_seconds("-3") == 0.0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds("nan") is None
    assert retry_after_seconds(None) is None


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
_keys = st.sampled_from(["success", "result", "errors", "value", "id", "status", "data", "viewer", "zones"])
_shaped = st.dictionaries(_keys, _json | st.dictionaries(_keys, _json, max_size=4), max_size=5)


@settings(max_examples=300, deadline=None)
@given(body=_json | _shaped)
def test_parsers_return_or_raise_source_error(body: object) -> None:
    for parse in (parse_security_level, parse_room, parse_room_status, parse_traffic):
        try:
            parse(body)
        except SourceError as exc:
            assert exc.kind in (FailureKind.BAD_RESPONSE, FailureKind.ERROR, FailureKind.NOT_FOUND)
