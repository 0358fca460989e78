"""CampaignState turns source updates into series, panel views and freshness; views notify only on change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from console.series import SeriesKey
from console.snapshots import (
    AwsSnapshot,
    CategorySales,
    FailureKind,
    InstanceInfo,
    Point,
    ShopSnapshot,
    SourceName,
    SourceUpdate,
)
from console.state import CampaignState

T0 = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


def shop(at: datetime, sold: int = 100, queue: int = 5000) -> ShopSnapshot:
    return ShopSnapshot(
        measured_at=at, currency="PLN",
        categories=(CategorySales("Płyta", 399.0, 8000, sold),),
        tickets_sold=sold, revenue=sold * 399.0, orders_per_minute=40.0, queue_length=queue,
        admitted_per_minute=300.0, admission_rate=300, queue_paused=False, estimated_wait_seconds=queue / 5,
    )


def aws(at: datetime) -> AwsSnapshot:
    minutes = [at - timedelta(minutes=2), at - timedelta(minutes=1)]
    return AwsSnapshot(
        measured_at=at, group_name="shop-web", desired_capacity=8, min_size=2, max_size=24,
        instances=(InstanceInfo("i-1", "InService", "Healthy", "healthy", 55.0),
                   InstanceInfo("i-2", "InService", "Healthy", None, 30.0)),
        request_count=(Point(minutes[0], 1000.0), Point(minutes[1], 2000.0)),
        response_time=(Point(minutes[1], 0.25),), http_5xx=(Point(minutes[1], 50.0),),
        healthy_hosts=(), unhealthy_hosts=(), db_cpu=(Point(minutes[1], 40.0),), db_connections=(),
    )


def test_shop_update_fills_sales_queue_and_series() -> None:
    state = CampaignState("shop", {})
    seen = []
    state.sales.subscribe(seen.append)
    state.apply(SourceUpdate(SourceName.SHOP, T0, shop(T0)), monotonic_now=100.0)
    assert state.sales.value is not None and state.sales.value.tickets_sold == 100
    assert state.queue.value is not None and state.queue.value.queued == 5000
    assert state.series[SeriesKey.QUEUE].latest() == 5000
    state.apply(SourceUpdate(SourceName.SHOP, T0, shop(T0)), monotonic_now=101.0)
    assert len(seen) == 1  # the same values again notify nobody


def test_aws_update_derives_error_rate_and_serving() -> None:
    state = CampaignState("shop", {})
    state.apply(SourceUpdate(SourceName.AWS, T0, aws(T0)))
    fleet = state.fleet.value
    assert fleet is not None
    assert (fleet.desired, fleet.in_service, fleet.serving) == (8, 2, 1)
    assert fleet.error_rate_percent == 2.5
    assert fleet.latency_ms == 250.0
    assert state.series[SeriesKey.ERROR_RATE].latest() == 2.5


def test_failure_keeps_last_success_and_goes_stale() -> None:
    state = CampaignState("shop", {SourceName.SHOP: 10.0})
    state.apply(SourceUpdate(SourceName.SHOP, T0, shop(T0)), monotonic_now=100.0)
    state.apply(SourceUpdate(SourceName.SHOP, T0, None, error="HTTP 500", failure=FailureKind.ERROR),
                monotonic_now=105.0)
    health = state.health[SourceName.SHOP].value
    assert health.error == "HTTP 500"
    assert health.last_ok_at == T0
    assert not health.is_stale(105.0)
    assert health.is_stale(111.0)
    assert state.sales.value is not None  # the last values stay, greyed by the panel
