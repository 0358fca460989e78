"""What the console's real sources make of each fault: requests against the shop emulator, the
Cloudflare SDK against its emulator, boto3 against moto, each through a FaultProxy. Every test also
sees the window end and the source read again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing

import pytest

from console.clock import WallClock
from console.config import AwsConfig, CloudflareConfig, ShopConfig
from console.demo.aws_world import FAKE_CREDENTIALS, MotoServer, seed
from console.demo.cloudflare_emulator import CloudflareEmulator, CloudflareWorld
from console.demo.fault_proxy import FaultProxy
from console.demo.faults import FaultPlan
from console.demo.shop_emulator import ShopEmulator, ShopWorld
from console.snapshots import FailureKind
from console.sources.aws import AwsSource
from console.sources.cloudflare import CloudflareSource
from console.sources.errors import SourceError
from console.sources.shop import ShopSource
from tests.demo.test_fault_proxy import after, fault_now, wait_for

WINDOW = 0.4  # seconds of each fault against the shop and Cloudflare
AWS_WINDOW = 3.5  # boto3 retries once (after up to 1 s, more when throttled): the window covers both tries
CLIENT_TIMEOUT = 0.3


@pytest.fixture
def plan() -> FaultPlan:
    return FaultPlan()


SHOP_KEY = "shop-fault-key"
CF_TOKEN = "cf-fault-token"
# kind, argument, what the console must call it
KINDS = [
    ("latency", 1.0, FailureKind.TIMEOUT),  # longer than the client's timeout
    ("timeout", None, FailureKind.TIMEOUT),
    ("http500", None, FailureKind.ERROR),
    ("http429", 7.0, FailureKind.THROTTLED),
    ("http401", None, FailureKind.AUTH),
    ("http403", None, FailureKind.AUTH),
    ("malformed", None, FailureKind.BAD_RESPONSE),
    ("refuse", None, FailureKind.UNREACHABLE),
]


def fails_then_recovers(
    fetch: Callable[[], object], plan: FaultPlan, proxy: FaultProxy, kind: str, arg: float | None, window: float
) -> tuple[SourceError, object]:
    """Fetch inside a fresh fault window, then again after it; the failure and the recovered snapshot."""
    fault = fault_now(plan, proxy.source, kind, arg, window)
    if kind == "refuse":
        wait_for(lambda: not proxy.listening)
    with pytest.raises(SourceError) as caught:
        fetch()
    after(plan, fault, proxy)
    return caught.value, fetch()


def assert_named_then_recovered(error: SourceError, recovered: object, kind: str, expected: FailureKind) -> None:
    """The console's name for the fault, a 429's wait passed on, and a good read once the window is over."""
    assert error.kind is expected, error.message
    assert error.retry_after == (7.0 if kind == "http429" else None)
    assert recovered is not None


@pytest.fixture(scope="module")
def shop_emulator() -> Iterator[ShopEmulator]:
    with ShopEmulator(ShopWorld(), SHOP_KEY) as running:
        yield running


@pytest.mark.parametrize(("kind", "arg", "expected"), KINDS)
def test_shop_source_through_the_proxy(
    shop_emulator: ShopEmulator, plan: FaultPlan, kind: str, arg: float | None, expected: FailureKind
) -> None:
    with FaultProxy("shop", shop_emulator.base_url, plan) as proxy:
        config = ShopConfig(base_url=proxy.base_url_for(shop_emulator.base_url))
        with closing(ShopSource(config, SHOP_KEY, WallClock(), timeout=CLIENT_TIMEOUT)) as source:
            assert source.fetch().admission_rate == shop_emulator.world.admission_rate()
            error, recovered = fails_then_recovers(source.fetch, plan, proxy, kind, arg, WINDOW)
    assert_named_then_recovered(error, recovered, kind, expected)


@pytest.fixture(scope="module")
def cloudflare_emulator() -> Iterator[CloudflareEmulator]:
    with CloudflareEmulator(CloudflareWorld(), CF_TOKEN) as running:
        yield running


@pytest.mark.parametrize(("kind", "arg", "expected"), KINDS)
def test_cloudflare_source_through_the_proxy(
    cloudflare_emulator: CloudflareEmulator, plan: FaultPlan, kind: str, arg: float | None, expected: FailureKind
) -> None:
    world = cloudflare_emulator.world
    with FaultProxy("cloudflare", cloudflare_emulator.base_url, plan) as proxy:
        through = proxy.base_url_for(cloudflare_emulator.base_url)
        config = CloudflareConfig(zone_id=world.zone_id, waiting_room_id=world.room_id, base_url=through)
        with closing(CloudflareSource(config, CF_TOKEN, WallClock(), timeout=CLIENT_TIMEOUT)) as source:
            assert source.fetch().waiting_room.room_id == world.room_id
            error, recovered = fails_then_recovers(source.fetch, plan, proxy, kind, arg, WINDOW)
    assert_named_then_recovered(error, recovered, kind, expected)


def _aws_run(source: AwsSource, plan: FaultPlan, proxy: FaultProxy, kind: str, arg: float | None) -> object:
    """(failure kind, recovered?), or what went wrong instead, reported by the test of this kind alone."""
    try:
        error, snapshot = fails_then_recovers(source.fetch, plan, proxy, kind, arg, AWS_WINDOW)
        return error.kind, snapshot is not None
    except BaseException as exc:  # pytest.raises fails with a BaseException
        return f"{type(exc).__name__}: {exc}"
    finally:
        source.close()


@pytest.fixture(scope="module")
def aws_outcomes() -> Iterator[dict[str, object]]:
    """Every kind against moto at once, each through its own proxy: boto3's retries make windows long."""
    with MotoServer() as endpoint:
        names = seed(endpoint)
        runs = []
        for kind, arg, _ in KINDS:
            plan = FaultPlan()
            proxy = FaultProxy("aws", endpoint, plan).start()
            config = AwsConfig(
                region=names.region, endpoint_url=proxy.base_url_for(endpoint), rds_instance=names.rds_instance,
                autoscaling_group=names.autoscaling_group, load_balancer=names.load_balancer,
                target_group=names.target_group,
            )
            source = AwsSource(config, WallClock(), timeout=CLIENT_TIMEOUT, credentials=FAKE_CREDENTIALS)
            source.client("cloudwatch")  # builds the clients now, not inside the window
            runs.append((kind, arg, source, plan, proxy))
        try:
            with ThreadPoolExecutor(len(runs)) as pool:
                futures = {kind: pool.submit(_aws_run, source, plan, proxy, kind, arg)
                           for kind, arg, source, plan, proxy in runs}
            outcomes = {kind: future.result() for kind, future in futures.items()}
        finally:
            for *_, proxy in runs:
                proxy.stop()
        yield outcomes


@pytest.mark.parametrize(("kind", "arg", "expected"), KINDS)
def test_aws_source_through_the_proxy(
    aws_outcomes: dict[str, object], kind: str, arg: float | None, expected: FailureKind
) -> None:
    assert aws_outcomes[kind] == (expected, True)
