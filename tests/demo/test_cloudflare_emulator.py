"""The Cloudflare emulator over raw HTTP: envelopes, error shapes, state, GraphQL, faults."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests

from console.demo.cloudflare_emulator import CloudflareEmulator, CloudflareWorld
from console.demo.cloudflare_graphql import DATASET

TOKEN = "emulator-token-9Hc3"
QUERY = (
    "query ($zoneTag: string!, $since: Time!, $until: Time!, $limit: uint64!) { viewer {"
    " zones(filter: {zoneTag: $zoneTag}) { httpRequests1mGroups(limit: $limit,"
    " filter: {datetime_geq: $since, datetime_lt: $until}, orderBy: [datetime_ASC]) {"
    " dimensions { datetimeMinute } sum { requests cachedRequests bytes cachedBytes threats }"
    " uniq { uniques } } } } }"
)
T0 = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


@pytest.fixture
def world() -> CloudflareWorld:
    return CloudflareWorld()


@pytest.fixture
def emulator(world: CloudflareWorld) -> Iterator[CloudflareEmulator]:
    with CloudflareEmulator(world, TOKEN) as running:
        yield running


@pytest.fixture
def http() -> Iterator[requests.Session]:
    with requests.Session() as session:
        session.headers["Authorization"] = f"Bearer {TOKEN}"
        yield session


@pytest.fixture
def zone_url(emulator: CloudflareEmulator, world: CloudflareWorld) -> str:
    return f"{emulator.base_url}/zones/{world.zone_id}"


@pytest.fixture
def room_url(zone_url: str, world: CloudflareWorld) -> str:
    return f"{zone_url}/waiting_rooms/{world.room_id}"


def _failed(response: requests.Response, status: int, code: int) -> dict[str, Any]:
    assert response.status_code == status
    assert response.headers["Content-Type"] == "application/json"
    body: dict[str, Any] = response.json()
    assert body["success"] is False and body["result"] is None and body["messages"] == []
    assert body["errors"][0]["code"] == code and isinstance(body["errors"][0]["message"], str)
    return body


def _graphql(http: requests.Session, emulator: CloudflareEmulator, **variables: Any) -> dict[str, Any]:
    response = http.post(f"{emulator.base_url}/graphql", json={"query": QUERY, "variables": variables})
    assert response.status_code == 200
    document: dict[str, Any] = response.json()
    return document


# ------------------------------------------------------------------ envelope and auth


def test_security_level_envelope(http: requests.Session, zone_url: str) -> None:
    response = http.get(f"{zone_url}/settings/security_level")
    assert response.status_code == 200 and response.headers["Content-Type"] == "application/json"
    body = response.json()
    assert body["success"] is True and body["errors"] == [] and body["messages"] == []
    assert body["result"]["id"] == "security_level" and body["result"]["value"] == "medium"
    assert body["result"]["editable"] is True


def test_auth_failures_have_cloudflares_shapes(http: requests.Session, zone_url: str) -> None:
    url = f"{zone_url}/settings/security_level"
    _failed(requests.get(url, timeout=5), 400, 9106)
    body = _failed(requests.get(url, headers={"Authorization": "Token abc"}, timeout=5), 400, 6003)
    assert body["errors"][0]["error_chain"][0]["code"] == 6111
    body = _failed(requests.get(url, headers={"Authorization": "Bearer not-it"}, timeout=5), 403, 10000)
    assert body["errors"][0]["message"] == "Authentication error"
    assert "not-it" not in requests.get(url, headers={"Authorization": "Bearer not-it"}, timeout=5).text


def test_unknown_things_are_404_with_codes(http: requests.Session, emulator: CloudflareEmulator, zone_url: str) -> None:
    _failed(http.get(f"{emulator.base_url}/zones/{'0' * 32}/settings/security_level"), 404, 7003)
    _failed(http.get(f"{zone_url}/waiting_rooms/{'1' * 32}"), 404, 7003)
    _failed(http.get(f"{zone_url}/waiting_rooms/{'1' * 32}/status"), 404, 7003)
    _failed(http.get(f"{zone_url}/dns_records"), 404, 7000)
    _failed(http.get(f"{emulator.base_url.removesuffix('/client/v4')}/elsewhere"), 404, 7000)
    _failed(http.get(f"{zone_url}/settings/always_use_https"), 400, 1006)
    _failed(http.delete(f"{zone_url}/settings/security_level"), 405, 7001)


# ------------------------------------------------------------------ security level


def test_security_level_patch_is_stateful(http: requests.Session, zone_url: str, world: CloudflareWorld) -> None:
    url = f"{zone_url}/settings/security_level"
    response = http.patch(url, json={"value": "under_attack"})
    assert response.status_code == 200 and response.json()["result"]["value"] == "under_attack"
    assert response.json()["result"]["modified_on"].endswith("Z")
    assert http.get(url).json()["result"]["value"] == "under_attack"
    assert world.security_level() == "under_attack"


def test_security_level_bad_bodies(http: requests.Session, zone_url: str, world: CloudflareWorld) -> None:
    url = f"{zone_url}/settings/security_level"
    _failed(http.patch(url, json={"value": "panic"}), 400, 1007)
    _failed(http.patch(url, json={"enabled": True}), 400, 1007)
    _failed(http.patch(url, data=b"{not json", headers={"Content-Type": "application/json"}), 400, 6007)
    assert world.security_level() == "medium"


# ------------------------------------------------------------------ waiting room


def test_room_object_and_status(http: requests.Session, room_url: str, world: CloudflareWorld) -> None:
    room = http.get(room_url).json()["result"]
    for key in (
        "id",
        "name",
        "host",
        "path",
        "queue_all",
        "suspended",
        "new_users_per_minute",
        "total_active_users",
        "session_duration",
        "queueing_method",
        "created_on",
        "modified_on",
    ):
        assert key in room
    assert (room["id"], room["host"], room["name"]) == (world.room_id, "tickets.example.com", "onsale")
    assert (room["new_users_per_minute"], room["total_active_users"]) == (2000, 20000)

    world.set_room_status("queueing", queued_users=4000, active_users=19500, max_wait_minutes=17)
    status = http.get(f"{room_url}/status").json()["result"]
    assert status == {
        "status": "queueing",
        "event_id": "",
        "estimated_queued_users": 4000,
        "estimated_total_active_users": 19500,
        "max_estimated_time_minutes": 17,
    }


def test_room_patch_requires_the_sdk_fields(http: requests.Session, room_url: str, world: CloudflareWorld) -> None:
    body = _failed(http.patch(room_url, json={"queue_all": True}), 400, 1002)
    assert "host" in body["errors"][0]["message"]
    basics: dict[str, Any] = {"host": "tickets.example.com", "name": "onsale", "new_users_per_minute": 2000}
    body = _failed(http.patch(room_url, json={**basics, "queue_all": True}), 400, 1002)
    assert "total_active_users" in body["errors"][0]["message"]
    assert world.room_settings()["queue_all"] is False


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"new_users_per_minute": 10}, "new_users_per_minute"),
        ({"total_active_users": "lots"}, "total_active_users"),
        ({"queue_all": "yes"}, "queue_all"),
        ({"queueing_method": "lottery"}, "queueing_method"),
        ({"name": "on sale!"}, "name"),
        ({"host": "https://tickets.example.com/"}, "host"),
        ({"flux_capacitor": True}, "flux_capacitor"),
    ],
)
def test_room_patch_validates_fields(http: requests.Session, room_url: str, change: dict[str, Any], field: str) -> None:
    room = http.get(room_url).json()["result"]
    basics = {k: room[k] for k in ("host", "name", "new_users_per_minute", "total_active_users")}
    body = _failed(http.patch(room_url, json={**basics, **change}), 400, 1002)
    assert field in body["errors"][0]["message"]
    assert http.get(room_url).json()["result"] == room


def test_room_patch_merges_and_put_replaces(http: requests.Session, room_url: str, world: CloudflareWorld) -> None:
    basics: dict[str, Any] = {
        "host": "tickets.example.com",
        "name": "onsale",
        "new_users_per_minute": 2000,
        "total_active_users": 20000,
    }
    assert http.patch(room_url, json={**basics, "description": "main sale"}).status_code == 200
    response = http.patch(room_url, json={**basics, "queue_all": True, "new_users_per_minute": 800, "id": "x"})
    assert response.status_code == 200
    room = response.json()["result"]
    assert (room["queue_all"], room["new_users_per_minute"], room["description"]) == (True, 800, "main sale")
    assert room["id"] == world.room_id  # read-only fields are ignored
    assert world.room_settings()["queue_all"] is True

    created = room["created_on"]
    room = http.put(room_url, json=basics).json()["result"]
    assert (room["queue_all"], room["description"], room["new_users_per_minute"]) == (False, "", 2000)
    assert room["created_on"] == created
    assert http.get(room_url).json()["result"] == room


def test_room_list_pages(http: requests.Session, zone_url: str, world: CloudflareWorld) -> None:
    first = http.get(f"{zone_url}/waiting_rooms", params={"page": 1, "per_page": 25}).json()
    assert [room["id"] for room in first["result"]] == [world.room_id]
    assert first["result_info"] == {"page": 1, "per_page": 25, "count": 1, "total_count": 1}
    second = http.get(f"{zone_url}/waiting_rooms", params={"page": 2, "per_page": 25}).json()
    assert second["success"] is True and second["result"] == []
    _failed(http.get(f"{zone_url}/waiting_rooms", params={"page": "x"}), 400, 1002)


def test_room_settings_hands_out_copies(world: CloudflareWorld) -> None:
    world.room_settings()["additional_routes"].append({"host": "x", "path": "/"})
    assert world.room_settings()["additional_routes"] == []


# ------------------------------------------------------------------ GraphQL


def _traffic(world: CloudflareWorld, minutes: range) -> None:
    for m in minutes:
        world.add_traffic_minute(T0 + timedelta(minutes=m, seconds=20), 10 * m, 9 * m, 100 * m, 90 * m, m % 3, m)


def test_graphql_filters_the_window(
    http: requests.Session, emulator: CloudflareEmulator, world: CloudflareWorld
) -> None:
    _traffic(world, range(0, 30))
    document = _graphql(
        http,
        emulator,
        zoneTag=world.zone_id,
        since="2026-12-01T10:05:00Z",
        until="2026-12-01T11:10:00+01:00",
        limit=100,
    )
    assert document["errors"] is None
    groups = document["data"]["viewer"]["zones"][0][DATASET]
    assert [g["dimensions"]["datetimeMinute"] for g in groups] == [f"2026-12-01T10:{m:02d}:00Z" for m in range(5, 10)]
    assert groups[0]["sum"] == {"requests": 50, "cachedRequests": 45, "bytes": 500, "cachedBytes": 450, "threats": 2}
    assert groups[0]["uniq"] == {"uniques": 5}


def test_graphql_limit_and_order(http: requests.Session, emulator: CloudflareEmulator, world: CloudflareWorld) -> None:
    _traffic(world, range(0, 10))
    window = {"zoneTag": world.zone_id, "since": "2026-12-01T10:00:00Z", "until": "2026-12-01T11:00:00Z"}
    groups = _graphql(http, emulator, **window, limit=3)["data"]["viewer"]["zones"][0][DATASET]
    assert [g["uniq"]["uniques"] for g in groups] == [0, 1, 2]
    body: dict[str, Any] = {
        "query": QUERY.replace("datetime_ASC", "datetime_DESC"),
        "variables": {**window, "limit": 2},
    }
    groups = http.post(f"{emulator.base_url}/graphql", json=body).json()["data"]["viewer"]["zones"][0][DATASET]
    assert [g["uniq"]["uniques"] for g in groups] == [9, 8]


@pytest.mark.parametrize(
    ("payload", "words"),
    [
        (
            {
                "query": QUERY,
                "variables": {"zoneTag": "f" * 32, "since": "2026-12-01T10:00:00Z", "until": "2026-12-01T11:00:00Z"},
            },
            "does not exist",
        ),
        ({"query": QUERY.replace(DATASET, "firewallEventsAdaptive"), "variables": {}}, "firewallEventsAdaptive"),
        ({"query": "query { viewer { zones(filter: {}) {", "variables": {}}, "parse"),
        (
            {"query": QUERY, "variables": {"zoneTag": "z", "since": "yesterday", "until": "2026-12-01T11:00:00Z"}},
            "since",
        ),
        ({"query": QUERY, "variables": {"zoneTag": "z", "since": "2026-12-01T10:00:00", "until": "x"}}, "since"),
        ({"query": QUERY, "variables": {"zoneTag": "z", "limit": 20000}}, "limit"),
        ({"variables": {}}, "query"),
        ("not an object", "query"),
    ],
)
def test_graphql_errors_come_with_http_200(
    http: requests.Session, emulator: CloudflareEmulator, payload: Any, words: str
) -> None:
    response = http.post(f"{emulator.base_url}/graphql", json=payload)
    assert response.status_code == 200
    document = response.json()
    assert document["data"] is None
    assert words in document["errors"][0]["message"]


def test_graphql_needs_the_token_and_post(http: requests.Session, emulator: CloudflareEmulator) -> None:
    url = f"{emulator.base_url}/graphql"
    _failed(requests.post(url, json={"query": QUERY}, headers={"Authorization": "Bearer bad"}, timeout=5), 403, 10000)
    _failed(http.get(url), 405, 7001)
    response = http.post(url, data=b"\x00garbage", headers={"Content-Type": "application/json"})
    assert response.status_code == 200 and "JSON" in response.json()["errors"][0]["message"]


# ------------------------------------------------------------------ the world


def test_traffic_history_is_bounded_and_minutes_replace(world: CloudflareWorld) -> None:
    start = T0 - timedelta(hours=30)
    for m in range(0, 30 * 60, 10):
        world.add_traffic_minute(start + timedelta(minutes=m), m, 0, 0, 0, 0, 0)
    newest = start + timedelta(minutes=30 * 60 - 10)
    rows = world.traffic_between(start, newest + timedelta(minutes=1))
    assert rows[-1].at == newest and rows[0].at > newest - timedelta(hours=24)
    world.add_traffic_minute(newest + timedelta(seconds=59), 1, 1, 1, 1, 1, 1)
    assert world.traffic_between(newest, newest + timedelta(minutes=1))[0].requests == 1
    with pytest.raises(ValueError):
        world.add_traffic_minute(datetime(2026, 12, 1, 10, 0), 1, 1, 1, 1, 1, 1)  # naive


def test_request_count_counts_every_request(
    http: requests.Session, emulator: CloudflareEmulator, world: CloudflareWorld, zone_url: str
) -> None:
    before = world.request_count
    http.get(f"{zone_url}/settings/security_level")
    requests.get(f"{zone_url}/settings/security_level", timeout=5)  # refused, still served
    http.post(f"{emulator.base_url}/graphql", json={})
    assert world.request_count - before == 3


def test_concurrent_patches_and_reads_stay_consistent(
    http: requests.Session, room_url: str, world: CloudflareWorld
) -> None:
    basics: dict[str, Any] = {"host": "tickets.example.com", "name": "onsale", "total_active_users": 20000}
    failures: list[int] = []

    def writer(rate: int) -> None:
        with requests.Session() as session:
            session.headers["Authorization"] = f"Bearer {TOKEN}"
            for _ in range(10):
                response = session.patch(room_url, json={**basics, "new_users_per_minute": rate})
                if response.status_code != 200:
                    failures.append(response.status_code)
                assert world.room_settings()["new_users_per_minute"] in (2000, 300, 400, 500)

    threads = [threading.Thread(target=writer, args=(rate,)) for rate in (300, 400, 500)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert failures == []
    assert http.get(room_url).json()["result"]["new_users_per_minute"] in (300, 400, 500)


# ------------------------------------------------------------------ faults and lifecycle


def test_injected_faults_hit_only_matching_requests(
    http: requests.Session, emulator: CloudflareEmulator, zone_url: str, room_url: str
) -> None:
    emulator.fail_next(429, retry_after=3, times=2, path="/status")
    assert http.get(f"{zone_url}/settings/security_level").status_code == 200
    for _ in range(2):
        response = http.get(f"{room_url}/status")
        _failed(response, 429, 971)
        assert response.headers["Retry-After"] == "3"
    assert http.get(f"{room_url}/status").status_code == 200

    emulator.garble_next("<html>", content_type="text/html")
    response = http.get(room_url)
    assert (response.status_code, response.text, response.headers["Content-Type"]) == (200, "<html>", "text/html")
    assert http.get(room_url).json()["success"] is True


def test_binds_loopback_and_stop_frees_the_port(world: CloudflareWorld) -> None:
    emulator = CloudflareEmulator(world, TOKEN).start()
    port = emulator.port
    assert emulator.base_url == f"http://127.0.0.1:{port}/client/v4"
    assert emulator._server is not None and emulator._server.server_address[0] == "127.0.0.1"
    emulator.stop()
    emulator.stop()  # idempotent
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass
    with pytest.raises(RuntimeError):
        _ = emulator.base_url
