"""ShopSource and ShopQueueControl over real HTTP: against the shop emulator for the contract, and against
a scripted stdlib server for what a misbehaving shop can send."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from console.config import ShopConfig
from console.demo.shop_emulator import ShopEmulator, ShopWorld
from console.snapshots import CategorySales, FailureKind, SourceName
from console.sources.base import Source
from console.sources.errors import SourceError
from console.sources.shop import ShopSource
from console.sources.shop_control import ShopQueueControl
from tests.sources.scripted_shop import MALFORMED_SALES, ScriptedShop, valid_queue, valid_sales
from tests.support.frozen_shop import KEY, MOMENT, FixedClock

# `world` and `shop` come from tests/sources/conftest.py.


@pytest.fixture
def source(shop: ShopEmulator) -> Iterator[ShopSource]:
    reader = ShopSource(ShopConfig(base_url=shop.base_url), KEY, FixedClock(MOMENT), timeout=5.0)
    yield reader
    reader.close()


@pytest.fixture
def control(shop: ShopEmulator) -> Iterator[ShopQueueControl]:
    steering = ShopQueueControl(ShopConfig(base_url=shop.base_url), KEY, timeout=5.0)
    yield steering
    steering.close()


def failure(call: Callable[[], object]) -> SourceError:
    """The SourceError `call` raises, checked to be free of the key."""
    with pytest.raises(SourceError) as caught:
        call()
    assert KEY not in str(caught.value) and KEY not in repr(caught.value.args)
    return caught.value


# ---------------------------------------------------------------- against the emulator


def test_fetch_reads_the_world(source: ShopSource, world: ShopWorld) -> None:
    as_source: Source = source
    assert as_source.name is SourceName.SHOP
    world.record_sales({"Płyta (standing)": 7000, "Sektor A": 6000, "Sektor B": 12}, 88.5)
    world.record_queue(4200, 298.5, 840.0)
    world.set_admission_rate(300)
    snapshot = source.fetch()
    assert snapshot.measured_at == MOMENT
    assert snapshot.currency == "PLN"
    assert snapshot.categories == (
        CategorySales("Płyta (standing)", 399.0, 8000, 7000),
        CategorySales("Sektor A", 299.0, 6000, 6000),
        CategorySales("Sektor B", 199.0, 6000, 12),
    )
    assert (snapshot.tickets_sold, snapshot.remaining, snapshot.capacity) == (13012, 6988, 20000)
    assert snapshot.revenue == pytest.approx(7000 * 399 + 6000 * 299 + 12 * 199)
    assert snapshot.orders_per_minute == 88.5
    assert (snapshot.queue_length, snapshot.admitted_per_minute, snapshot.estimated_wait_seconds) == (
        4200,
        298.5,
        840.0,
    )
    assert (snapshot.admission_rate, snapshot.queue_paused) == (300, False)


def test_pause_is_seen_by_the_world_and_the_next_fetch(
    source: ShopSource, control: ShopQueueControl, world: ShopWorld
) -> None:
    change = control.pause()
    assert (change.before.paused, change.after.paused, change.replayed) == (False, True, False)
    assert world.paused() is True
    assert source.fetch().queue_paused is True
    change = control.resume()
    assert (change.before.paused, change.after.paused) == (True, False)
    assert source.fetch().queue_paused is False


def test_admission_rate_is_seen_by_the_world_and_the_next_fetch(
    source: ShopSource, control: ShopQueueControl, world: ShopWorld
) -> None:
    change = control.set_admission_rate(900)
    assert (change.before.admission_rate, change.after.admission_rate) == (300, 900)
    assert world.admission_rate() == 900
    assert source.fetch().admission_rate == 900


def test_a_retried_change_applies_once(control: ShopQueueControl, world: ShopWorld) -> None:
    first = control.set_admission_rate(900, idempotency_key="action-42")
    world.set_admission_rate(300)  # another operator changes it before the retry arrives
    retry = control.set_admission_rate(900, idempotency_key="action-42")
    assert retry.replayed is True and first.replayed is False
    assert retry.after == first.after
    assert world.admission_rate() == 300  # not applied a second time
    control.set_admission_rate(900)  # a new action, a new key: applied
    assert world.admission_rate() == 900


def test_every_change_gets_its_own_key(control: ShopQueueControl, world: ShopWorld) -> None:
    first, second = control.pause(), control.pause()
    assert first.idempotency_key != second.idempotency_key
    assert not first.replayed and not second.replayed


def test_a_key_reused_for_another_change_is_an_error(control: ShopQueueControl, world: ShopWorld) -> None:
    control.pause(idempotency_key="k1")
    error = failure(lambda: control.resume(idempotency_key="k1"))
    assert error.kind is FailureKind.ERROR
    assert "idempotency_key_reused" in error.message
    assert world.paused() is True


def test_impossible_changes_are_refused_before_sending(control: ShopQueueControl, world: ShopWorld) -> None:
    for rate in (0, -1, True):
        with pytest.raises(ValueError):
            control.set_admission_rate(rate)
    with pytest.raises(ValueError):
        control.pause(idempotency_key="two words")
    assert world.request_count == 0


def test_a_bad_key_is_auth_and_never_shown(shop: ShopEmulator) -> None:
    config = ShopConfig(base_url=shop.base_url)
    wrong = KEY[:-1] + "X"
    reader = ShopSource(config, wrong, FixedClock(MOMENT), timeout=5.0)
    steering = ShopQueueControl(config, wrong, timeout=5.0)
    try:
        for call in (reader.fetch, steering.pause):
            error = failure(call)
            assert error.kind is FailureKind.AUTH
            assert wrong not in str(error) and wrong not in error.message
    finally:
        reader.close()
        steering.close()


def test_a_key_that_http_cannot_carry_is_refused_without_showing_it(shop: ShopEmulator) -> None:
    for bad in ("", "has space", "line\nbreak", "zażółć"):
        with pytest.raises(ValueError) as caught:
            ShopSource(ShopConfig(base_url=shop.base_url), bad, FixedClock(MOMENT))
        assert bad not in str(caught.value) or bad == ""


def test_a_stopped_shop_is_unreachable(world: ShopWorld) -> None:
    emulator = ShopEmulator(world, KEY)
    emulator.start()
    reader = ShopSource(ShopConfig(base_url=emulator.base_url), KEY, FixedClock(MOMENT), timeout=5.0)
    try:
        reader.fetch()
        emulator.stop()
        error = failure(reader.fetch)
        assert error.kind is FailureKind.UNREACHABLE
        assert "refused" in error.message.lower()
    finally:
        emulator.stop()
        reader.close()


def test_a_port_nobody_listens_on_is_unreachable() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    reader = ShopSource(ShopConfig(base_url=f"http://127.0.0.1:{port}/saleday/v1"), KEY, FixedClock(MOMENT), 2.0)
    try:
        assert failure(reader.fetch).kind is FailureKind.UNREACHABLE
    finally:
        reader.close()


def test_a_throttled_emulator_is_throttled(source: ShopSource, shop: ShopEmulator) -> None:
    shop.fail_next(429, retry_after=12)
    error = failure(source.fetch)
    assert (error.kind, error.retry_after) == (FailureKind.THROTTLED, 12.0)
    source.fetch()


# ---------------------------------------------------------------- against a scripted shop


@pytest.fixture
def scripted() -> Iterator[ScriptedShop]:
    server = ScriptedShop()
    yield server
    server.stop()


@pytest.fixture
def scripted_source(scripted: ScriptedShop) -> Iterator[ShopSource]:
    reader = ShopSource(ShopConfig(base_url=scripted.base_url), KEY, FixedClock(MOMENT), timeout=2.0)
    yield reader
    reader.close()


def test_the_scripted_shop_is_a_valid_shop(scripted_source: ShopSource, scripted: ScriptedShop) -> None:
    snapshot = scripted_source.fetch()
    assert snapshot.tickets_sold == 40
    assert all(seen["Authorization"] == f"Bearer {KEY}" for seen in scripted.seen)


@pytest.mark.parametrize("body", MALFORMED_SALES.values(), ids=MALFORMED_SALES.keys())
def test_a_malformed_sales_body_is_a_bad_response(
    scripted_source: ShopSource, scripted: ScriptedShop, body: bytes
) -> None:
    scripted.answer("/sales", raw=body)
    error = failure(scripted_source.fetch)
    assert error.kind is FailureKind.BAD_RESPONSE
    assert error.message.startswith("GET /sales: ")


@pytest.mark.parametrize(
    ("body", "field_name"),
    [
        (valid_queue(paused="false"), "queue.paused"),
        (valid_queue(length=-3), "queue.length"),
        ({k: v for k, v in valid_queue().items() if k != "admission_rate"}, "queue.admission_rate"),
        (valid_queue(estimated_wait_seconds=None), "queue.estimated_wait_seconds"),
    ],
)
def test_a_malformed_queue_body_names_the_field(
    scripted_source: ShopSource, scripted: ScriptedShop, body: object, field_name: str
) -> None:
    scripted.answer("/queue", body=body)
    error = failure(scripted_source.fetch)
    assert error.kind is FailureKind.BAD_RESPONSE
    assert field_name in error.message


def test_extra_fields_are_ignored(scripted_source: ShopSource, scripted: ScriptedShop) -> None:
    scripted.answer("/queue", body=valid_queue(vendor_extension={"x": 1}, shard="eu-1"))
    assert scripted_source.fetch().queue_length == 10


def test_measured_at_is_the_older_reading_capped_at_now(scripted_source: ShopSource, scripted: ScriptedShop) -> None:
    scripted.answer("/sales", body=valid_sales(measured_at="2026-12-01T08:59:50Z"))
    scripted.answer("/queue", body=valid_queue(measured_at="2026-12-01T09:59:55+01:00"))
    assert scripted_source.fetch().measured_at == MOMENT - timedelta(seconds=10)
    scripted.answer("/sales", body=valid_sales(measured_at="2026-12-01T09:05:00Z"))  # shop clock ahead
    scripted.answer("/queue", body=valid_queue(measured_at="2026-12-01T09:05:00Z"))
    assert scripted_source.fetch().measured_at == MOMENT


def test_without_measured_at_the_poll_time_is_used(scripted_source: ShopSource, scripted: ScriptedShop) -> None:
    scripted.answer("/sales", body={k: v for k, v in valid_sales().items() if k != "measured_at"})
    scripted.answer("/queue", body=valid_queue(measured_at=None))
    assert scripted_source.fetch().measured_at == MOMENT


def test_429_is_throttled_with_retry_after_in_seconds(scripted_source: ShopSource, scripted: ScriptedShop) -> None:
    scripted.answer("/sales", 429, {"error": {"code": "rate_limited", "message": "slow down"}}, Retry_After="7")
    error = failure(scripted_source.fetch)
    assert (error.kind, error.retry_after) == (FailureKind.THROTTLED, 7.0)
    assert "slow down" in error.message


def test_429_retry_after_as_an_http_date(scripted_source: ShopSource, scripted: ScriptedShop) -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    scripted.answer("/sales", 429, {"error": {"code": "rate_limited", "message": "later"}}, Retry_After=when)
    error = failure(scripted_source.fetch)
    assert error.kind is FailureKind.THROTTLED
    assert error.retry_after is not None and 25.0 <= error.retry_after <= 30.0


def test_429_without_retry_after_leaves_the_wait_to_the_poller(
    scripted_source: ShopSource, scripted: ScriptedShop
) -> None:
    scripted.answer("/queue", 429, raw=b"")
    error = failure(scripted_source.fetch)
    assert (error.kind, error.retry_after) == (FailureKind.THROTTLED, None)


@pytest.mark.parametrize(
    ("status", "kind"),
    [(401, FailureKind.AUTH), (403, FailureKind.AUTH), (404, FailureKind.NOT_FOUND), (500, FailureKind.ERROR)],
)
def test_status_codes_map_to_failure_kinds(
    scripted_source: ShopSource, scripted: ScriptedShop, status: int, kind: FailureKind
) -> None:
    scripted.answer("/sales", status, {"error": {"code": "some_code", "message": "the shop's own words"}})
    error = failure(scripted_source.fetch)
    assert error.kind is kind
    assert f"HTTP {status} some_code: the shop's own words" in error.message


def test_a_5xx_without_the_error_shape_is_still_an_error(scripted_source: ShopSource, scripted: ScriptedShop) -> None:
    scripted.answer("/sales", 503, raw=b"<h1>Bad gateway</h1>", Retry_After="20")
    error = failure(scripted_source.fetch)
    assert (error.kind, error.retry_after) == (FailureKind.ERROR, 20.0)
    assert "HTTP 503" in error.message


def test_a_redirect_is_reported_not_followed(scripted_source: ShopSource, scripted: ScriptedShop) -> None:
    scripted.answer("/sales", 301, raw=b"", Location="https://elsewhere.example/saleday/v1/sales")
    error = failure(scripted_source.fetch)
    assert error.kind is FailureKind.ERROR
    assert "elsewhere.example" in error.message
    assert len(scripted.seen) == 1


def test_a_shop_echoing_the_key_does_not_leak_it(scripted_source: ShopSource, scripted: ScriptedShop) -> None:
    scripted.answer("/sales", 401, {"error": {"code": "unauthenticated", "message": f"unknown key {KEY}\n\x1b[31m"}})
    error = failure(scripted_source.fetch)
    assert error.kind is FailureKind.AUTH
    assert "unknown key <api key>" in error.message
    assert "\n" not in error.message and "\x1b" not in error.message


def test_a_slow_shop_times_out_without_a_second_try(scripted: ScriptedShop) -> None:
    scripted.routes["/saleday/v1/sales"].delay = 1.5
    reader = ShopSource(ShopConfig(base_url=scripted.base_url), KEY, FixedClock(MOMENT), timeout=0.3)
    try:
        started = time.monotonic()
        error = failure(reader.fetch)
        assert error.kind is FailureKind.TIMEOUT
        assert time.monotonic() - started < 1.0
        assert len(scripted.seen) == 1
    finally:
        reader.close()


def test_netrc_credentials_never_replace_the_bearer_key(
    scripted_source: ShopSource, scripted: ScriptedShop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login someone password other-secret\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    scripted_source.fetch()
    assert [seen["Authorization"] for seen in scripted.seen] == [f"Bearer {KEY}"] * 2


def test_control_sends_the_idempotency_key_and_reads_the_replay_header(scripted: ScriptedShop) -> None:
    scripted.answer("/queue/pause", body=valid_queue(paused=True), Idempotent_Replayed="true")
    steering = ShopQueueControl(ShopConfig(base_url=scripted.base_url), KEY, timeout=2.0)
    try:
        change = steering.pause(idempotency_key="abc-123")
    finally:
        steering.close()
    assert change.replayed is True and change.after.paused is True
    assert scripted.seen[-1]["Idempotency-Key"] == "abc-123"
    assert "Idempotency-Key" not in scripted.seen[0]  # the read before the change


def test_control_reports_a_malformed_answer(scripted: ScriptedShop) -> None:
    scripted.answer("/queue/admission-rate", body={"ok": True})
    steering = ShopQueueControl(ShopConfig(base_url=scripted.base_url), KEY, timeout=2.0)
    try:
        error = failure(lambda: steering.set_admission_rate(600))
    finally:
        steering.close()
    assert error.kind is FailureKind.BAD_RESPONSE
    assert error.message.startswith("PUT /queue/admission-rate: ")
