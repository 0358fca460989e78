"""The shop emulator over real HTTP with plain requests: the contract in docs/shop-api.md, byte for byte."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import cast
from urllib.parse import urlsplit

import pytest
import requests

from console.demo.shop_emulator import ShopEmulator, ShopWorld
from console.sources.shop_body import parse_queue, parse_sales
from tests.support.frozen_shop import KEY, MOMENT, FixedClock

# `world` and `shop` come from tests/demo/conftest.py.


@pytest.fixture
def http() -> Iterator[requests.Session]:
    with requests.Session() as session:
        session.trust_env = False  # no proxies or ~/.netrc in between
        session.headers["Authorization"] = f"Bearer {KEY}"
        yield session


def assert_error(response: requests.Response, status: int, code: str) -> None:
    assert response.status_code == status
    assert response.headers["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


# ---------------------------------------------------------------- reads


def test_base_url_is_loopback_and_versioned(shop: ShopEmulator) -> None:
    parts = urlsplit(shop.base_url)
    assert (parts.scheme, parts.hostname, parts.path) == ("http", "127.0.0.1", "/saleday/v1")
    assert parts.port and parts.port > 0


def test_sales_body_follows_the_world(shop: ShopEmulator, world: ShopWorld, http: requests.Session) -> None:
    world.record_sales({"Płyta (standing)": 10, "Sektor A": 100}, 12.5)
    response = http.get(f"{shop.base_url}/sales", timeout=5)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert response.json() == {
        "measured_at": "2026-12-01T09:00:00.000Z",
        "currency": "PLN",
        "categories": [
            {"name": "Płyta (standing)", "price": 399.0, "capacity": 8000, "sold": 10},
            {"name": "Sektor A", "price": 299.0, "capacity": 6000, "sold": 100},
            {"name": "Sektor B", "price": 199.0, "capacity": 6000, "sold": 0},
        ],
        "tickets_sold": 110,
        "revenue": 10 * 399.0 + 100 * 299.0,
        "orders_per_minute": 12.5,
    }


def test_queue_body_follows_the_world(shop: ShopEmulator, world: ShopWorld, http: requests.Session) -> None:
    world.record_queue(1234, 298.0, 246.8)
    world.set_admission_rate(450)
    response = http.get(f"{shop.base_url}/queue", timeout=5)
    assert response.status_code == 200
    assert response.json() == {
        "measured_at": "2026-12-01T09:00:00.000Z",
        "length": 1234,
        "admitted_per_minute": 298.0,
        "admission_rate": 450,
        "paused": False,
        "estimated_wait_seconds": 246.8,
    }


def test_measured_at_follows_the_clock_it_is_given(
    shop: ShopEmulator, world: ShopWorld, http: requests.Session
) -> None:
    world.set_clock(FixedClock(datetime(2026, 12, 1, 10, 30, 15, 250000, tzinfo=UTC)))
    assert http.get(f"{shop.base_url}/queue", timeout=5).json()["measured_at"] == "2026-12-01T10:30:15.250Z"


def test_the_consoles_reader_accepts_both_bodies(shop: ShopEmulator, world: ShopWorld, http: requests.Session) -> None:
    world.record_sales({"Sektor B": 6000}, 3.0)
    world.record_queue(5, 1.5, 0.0)
    sales = parse_sales(http.get(f"{shop.base_url}/sales", timeout=5).json())
    queue = parse_queue(http.get(f"{shop.base_url}/queue", timeout=5).json())
    assert sales.measured_at == queue.measured_at == MOMENT
    assert sales.categories[2].remaining == 0
    assert queue.length == 5


# ---------------------------------------------------------------- auth and routing


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "Bearer wrong-key",
        f"Basic {KEY}",
        f"Bearer {KEY}x",
        f"Bearer {KEY[:-1]}",
        "Bearer",
        "Bearer żółw".encode().decode("latin-1"),
    ],
)
def test_a_bad_key_is_401_without_echoing_it(shop: ShopEmulator, authorization: str | None) -> None:
    headers = {"Authorization": authorization} if authorization is not None else {}
    response = requests.get(f"{shop.base_url}/sales", headers=headers, timeout=5)
    assert_error(response, 401, "unauthenticated")
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert KEY not in response.text


def test_the_key_is_checked_before_the_route(shop: ShopEmulator) -> None:
    response = requests.get(f"{shop.base_url}/orders", headers={"Authorization": "Bearer nope"}, timeout=5)
    assert_error(response, 401, "unauthenticated")


@pytest.mark.parametrize("path", ["/orders", "/queue/stop", "/sales/", ""])
def test_unknown_routes_are_404(shop: ShopEmulator, http: requests.Session, path: str) -> None:
    assert_error(http.get(f"{shop.base_url}{path}", timeout=5), 404, "not_found")


def test_paths_outside_the_api_are_404(shop: ShopEmulator, http: requests.Session) -> None:
    origin = shop.base_url.removesuffix("/saleday/v1")
    assert_error(http.get(f"{origin}/sales", timeout=5), 404, "not_found")


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [("POST", "/sales", "GET"), ("GET", "/queue/pause", "POST"), ("POST", "/queue/admission-rate", "PUT")],
)
def test_a_wrong_method_is_405_with_allow(
    shop: ShopEmulator, http: requests.Session, method: str, path: str, allowed: str
) -> None:
    response = http.request(method, f"{shop.base_url}{path}", timeout=5)
    assert_error(response, 405, "method_not_allowed")
    assert response.headers["Allow"] == allowed


# ---------------------------------------------------------------- changes


def test_pause_and_resume_change_the_world(shop: ShopEmulator, world: ShopWorld, http: requests.Session) -> None:
    paused = http.post(f"{shop.base_url}/queue/pause", timeout=5)
    assert paused.status_code == 200
    assert paused.json()["paused"] is True
    assert world.paused() is True
    assert set(paused.json()) == set(world.queue_dict())
    resumed = http.post(f"{shop.base_url}/queue/resume", json={}, timeout=5)
    assert resumed.json()["paused"] is False
    assert world.paused() is False


def test_admission_rate_changes_the_world(shop: ShopEmulator, world: ShopWorld, http: requests.Session) -> None:
    response = http.put(f"{shop.base_url}/queue/admission-rate", json={"per_minute": 900}, timeout=5)
    assert response.status_code == 200
    assert response.json()["admission_rate"] == 900
    assert world.admission_rate() == 900


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        (b"", 400, "invalid_json"),
        (b"per_minute=600", 400, "invalid_json"),
        (b'{"per_minute": 600', 400, "invalid_json"),
        (b"\xff\xfe", 400, "invalid_json"),
        (b"[600]", 422, "invalid_request"),
        (b"600", 422, "invalid_request"),
        (b"{}", 422, "invalid_request"),
        (b'{"per_minute": "600"}', 422, "invalid_request"),
        (b'{"per_minute": true}', 422, "invalid_request"),
        (b'{"per_minute": null}', 422, "invalid_request"),
        (b'{"per_minute": 600.5}', 422, "invalid_request"),
        (b'{"per_minute": NaN}', 422, "invalid_request"),
        (b'{"per_minute": 0}', 422, "invalid_request"),
        (b'{"per_minute": -5}', 422, "invalid_request"),
        (b'{"per_minute": 100001}', 422, "invalid_request"),
        (b'{"per_minute": 600, "burst": 10}', 422, "invalid_request"),
    ],
)
def test_a_bad_rate_body_is_refused_and_changes_nothing(
    shop: ShopEmulator, world: ShopWorld, http: requests.Session, body: bytes, status: int, code: str
) -> None:
    response = http.put(f"{shop.base_url}/queue/admission-rate", data=body, timeout=5)
    assert_error(response, status, code)
    assert world.admission_rate() == 300


def test_an_oversized_body_is_413(shop: ShopEmulator, http: requests.Session) -> None:
    response = http.put(f"{shop.base_url}/queue/admission-rate", data=b" " * (65 * 1024), timeout=5)
    assert_error(response, 413, "body_too_large")


# ---------------------------------------------------------------- idempotency


def test_a_repeated_key_replays_the_first_answer_without_applying_again(
    shop: ShopEmulator, world: ShopWorld, http: requests.Session
) -> None:
    url = f"{shop.base_url}/queue/pause"
    first = http.post(url, headers={"Idempotency-Key": "action-1"}, timeout=5)
    assert "Idempotent-Replayed" not in first.headers
    world.set_paused(False)  # someone else resumes before the retry arrives
    again = http.post(url, headers={"Idempotency-Key": "action-1"}, timeout=5)
    assert again.status_code == 200
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert world.paused() is False  # the retry did not pause a second time
    fresh = http.post(url, headers={"Idempotency-Key": "action-2"}, timeout=5)
    assert "Idempotent-Replayed" not in fresh.headers
    assert world.paused() is True


def test_without_a_key_every_change_applies(shop: ShopEmulator, world: ShopWorld, http: requests.Session) -> None:
    http.post(f"{shop.base_url}/queue/pause", timeout=5)
    world.set_paused(False)
    http.post(f"{shop.base_url}/queue/pause", timeout=5)
    assert world.paused() is True


def test_a_key_reused_for_another_change_is_422(shop: ShopEmulator, world: ShopWorld, http: requests.Session) -> None:
    url = f"{shop.base_url}/queue/admission-rate"
    assert http.put(url, json={"per_minute": 700}, headers={"Idempotency-Key": "k"}, timeout=5).status_code == 200
    assert_error(
        http.put(url, json={"per_minute": 800}, headers={"Idempotency-Key": "k"}, timeout=5),
        422,
        "idempotency_key_reused",
    )
    assert_error(
        http.post(f"{shop.base_url}/queue/pause", headers={"Idempotency-Key": "k"}, timeout=5),
        422,
        "idempotency_key_reused",
    )
    assert world.admission_rate() == 700
    assert world.paused() is False


def test_a_failed_change_does_not_use_up_its_key(shop: ShopEmulator, world: ShopWorld, http: requests.Session) -> None:
    url = f"{shop.base_url}/queue/admission-rate"
    assert http.put(url, json={"per_minute": 0}, headers={"Idempotency-Key": "k"}, timeout=5).status_code == 422
    response = http.put(url, json={"per_minute": 650}, headers={"Idempotency-Key": "k"}, timeout=5)
    assert response.status_code == 200
    assert "Idempotent-Replayed" not in response.headers
    assert world.admission_rate() == 650


@pytest.mark.parametrize("key", ["", "x" * 256, "two words", "zażółć"])
def test_a_malformed_key_is_400(shop: ShopEmulator, world: ShopWorld, http: requests.Session, key: str) -> None:
    headers = {"Idempotency-Key": key.encode().decode("latin-1")}
    response = http.post(f"{shop.base_url}/queue/pause", headers=headers, timeout=5)
    assert_error(response, 400, "invalid_idempotency_key")
    assert world.paused() is False


def test_concurrent_repeats_of_one_key_apply_once(shop: ShopEmulator, http: requests.Session) -> None:
    url = f"{shop.base_url}/queue/admission-rate"
    replayed: list[bool] = []
    start = threading.Barrier(8)

    def send() -> None:
        with requests.Session() as session:
            start.wait()
            response = session.put(
                url,
                json={"per_minute": 1000},
                headers={"Authorization": f"Bearer {KEY}", "Idempotency-Key": "same"},
                timeout=5,
            )
            assert response.status_code == 200
            replayed.append(response.headers.get("Idempotent-Replayed") == "true")

    threads = [threading.Thread(target=send) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert sorted(replayed) == [False] + [True] * 7


# ---------------------------------------------------------------- the emulator itself


def test_request_count_counts_every_request(shop: ShopEmulator, world: ShopWorld, http: requests.Session) -> None:
    http.get(f"{shop.base_url}/sales", timeout=5)
    http.get(f"{shop.base_url}/nowhere", timeout=5)
    requests.get(f"{shop.base_url}/queue", timeout=5)  # refused: no key
    assert world.request_count == 3


def test_injected_failures_come_first_then_service_resumes(shop: ShopEmulator, http: requests.Session) -> None:
    shop.fail_next(429, times=2, retry_after=7)
    for _ in range(2):
        response = http.get(f"{shop.base_url}/sales", timeout=5)
        assert_error(response, 429, "rate_limited")
        assert response.headers["Retry-After"] == "7"
    assert http.get(f"{shop.base_url}/sales", timeout=5).status_code == 200


def test_stop_closes_kept_alive_connections(world: ShopWorld, http: requests.Session) -> None:
    emulator = ShopEmulator(world, KEY)
    emulator.start()
    url = f"{emulator.base_url}/sales"
    assert http.get(url, timeout=5).status_code == 200
    emulator.stop()
    with pytest.raises(requests.ConnectionError):
        http.get(url, timeout=5)
    with pytest.raises(RuntimeError):
        _ = emulator.base_url


# ---------------------------------------------------------------- the world


@pytest.mark.parametrize(
    ("sold", "orders"),
    [({"Balkon": 1}, 0.0), ({"Sektor A": -1}, 0.0), ({"Sektor A": 6001}, 0.0), ({}, -1.0), ({}, float("nan"))],
)
def test_the_world_refuses_impossible_sales(sold: dict[str, int], orders: float) -> None:
    world = ShopWorld()
    with pytest.raises(ValueError):
        world.record_sales(sold, orders)
    assert world.sales_dict()["tickets_sold"] == 0


def test_the_world_refuses_impossible_queues_and_settings() -> None:
    world = ShopWorld()
    with pytest.raises(ValueError):
        world.record_queue(-1, 0.0, 0.0)
    with pytest.raises(ValueError):
        world.record_queue(1, float("inf"), 0.0)
    with pytest.raises(ValueError):
        world.set_admission_rate(0)
    with pytest.raises(ValueError):
        ShopWorld(currency="zł")
    with pytest.raises(ValueError):
        ShopWorld(categories=(("A", 1.0, 1), ("A", 2.0, 2)))
    with pytest.raises(ValueError):
        ShopWorld(admission_rate=0)


def test_sales_stay_consistent_while_the_simulator_writes() -> None:
    world = ShopWorld(categories=(("A", 10.0, 1_000_000), ("B", 1.0, 1_000_000)))
    stop = threading.Event()

    def simulate() -> None:
        n = 0
        while not stop.is_set():
            n += 1
            world.record_sales({"A": n, "B": n}, 1.0)

    writer = threading.Thread(target=simulate)
    writer.start()
    try:
        for _ in range(2000):
            body = world.sales_dict()
            sold = [c["sold"] for c in cast(list[dict[str, int]], body["categories"])]
            assert sold[0] == sold[1]
            assert body["tickets_sold"] == sum(sold)
            assert body["revenue"] == 11.0 * sold[0]
    finally:
        stop.set()
        writer.join(5)
