"""Poll outcomes of a plausible campaign at the real default intervals, shaped like the sources' own.

Each AWS snapshot carries 15 minutes of seven CloudWatch series and ten instances, each Cloudflare
snapshot 15 traffic minutes, like the live sources; values are simple functions of time so tests can
compute what to expect. `gap` leaves a window without any successful poll of the named sources.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from console.snapshots import (
    AwsSnapshot,
    CategorySales,
    CloudflareSnapshot,
    FailureKind,
    InstanceInfo,
    Point,
    ShopSnapshot,
    SourceName,
    SourceUpdate,
    TrafficMinute,
    WaitingRoomInfo,
)

START = datetime(2026, 12, 4, 8, 0, tzinfo=UTC)
WINDOW = 15


def minute_index(at: datetime) -> int:
    return int((at - START).total_seconds() // 60)


def uniques(at: datetime) -> int:
    return 100 + (minute_index(at) * 37) % 5000


def per_minute(at: datetime, value: float, slope: float = 1.0) -> tuple[Point, ...]:
    """The 15 minutes before `at`: `value` plus `slope` per minute since START, cycling every 300 minutes."""
    end = at.replace(second=0, microsecond=0)
    minutes = (end - timedelta(minutes=k) for k in range(WINDOW, 0, -1))
    return tuple(Point(t, value + slope * (minute_index(t) % 300)) for t in minutes)


def aws(at: datetime) -> AwsSnapshot:
    instances = tuple(InstanceInfo(f"i-{k:08x}", "InService", "Healthy", "healthy", 40.0 + k) for k in range(10))
    return AwsSnapshot(
        measured_at=at, group_name="web", desired_capacity=10, min_size=2, max_size=20, instances=instances,
        request_count=per_minute(at, 50_000.0), response_time=per_minute(at, 0.2, 0.004), http_5xx=per_minute(at, 5.0),
        healthy_hosts=per_minute(at, 10.0), unhealthy_hosts=per_minute(at, 0.0), db_cpu=per_minute(at, 30.0),
        db_connections=per_minute(at, 80.0),
    )


def cloudflare(at: datetime) -> CloudflareSnapshot:
    end = at.replace(second=0, microsecond=0)
    traffic = tuple(
        TrafficMinute(t, requests=uniques(t) * 25, cached_requests=uniques(t) * 22, bytes=uniques(t) * 1_000_000,
                      cached_bytes=uniques(t) * 900_000, threats=minute_index(t) % 7, uniques=uniques(t))
        for t in (end - timedelta(minutes=k) for k in range(WINDOW, 0, -1))
    )
    room = WaitingRoomInfo("room", "onsale", "tickets.example.com", False, False, 2000, 10_000, "queueing",
                           500, 9000, 3)
    return CloudflareSnapshot(measured_at=at, security_level="medium", waiting_room=room, traffic=traffic)


def shop(at: datetime) -> ShopSnapshot:
    sold = min(minute_index(at) * 20, 20_000)
    categories = (CategorySales("A", 100.0, 10_000, sold // 2), CategorySales("B", 50.0, 10_000, sold - sold // 2))
    return ShopSnapshot(
        measured_at=at, currency="PLN", categories=categories, tickets_sold=sold,
        revenue=sum(c.sold * c.price for c in categories), orders_per_minute=8.0, queue_length=1000,
        admitted_per_minute=100.0, admission_rate=100, queue_paused=False, estimated_wait_seconds=600.0,
    )


BUILDERS = {SourceName.AWS: aws, SourceName.CLOUDFLARE: cloudflare, SourceName.SHOP: shop}


def campaign_updates(
    minutes: float,
    every: dict[SourceName, float] | None = None,
    gap: tuple[datetime, datetime, frozenset[SourceName]] | None = None,
) -> Iterator[SourceUpdate]:
    """Outcomes in time order over `minutes` from START; inside `gap` the named sources fail."""
    every = every or {SourceName.AWS: 20.0, SourceName.CLOUDFLARE: 20.0, SourceName.SHOP: 2.0}
    step = min(every.values())
    ticks = int(minutes * 60 / step)
    last_ok: dict[SourceName, datetime] = {}
    for tick in range(ticks):
        at = START + timedelta(seconds=tick * step)
        for source, interval in every.items():
            if (tick * step) % interval:
                continue
            if gap is not None and gap[0] <= at < gap[1] and source in gap[2]:
                yield SourceUpdate(source, at, None, error="connection refused", failure=FailureKind.UNREACHABLE,
                                   last_ok_at=last_ok.get(source))
                continue
            last_ok[source] = at
            yield SourceUpdate(source, at, BUILDERS[source](at), last_ok_at=at)
