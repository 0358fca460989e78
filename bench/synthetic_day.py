"""A 12-hour sale day as the sources would deliver it, without emulators: for benchmarks that need volume.

Poll outcomes at the real default intervals (shop every 2 s, AWS and Cloudflare every 20 s), shaped
like the live sources' snapshots (15 minutes of seven CloudWatch series and the fleet's instances, 15
Cloudflare traffic minutes), with a day's shape: quiet, the on-sale an hour in, a peak decaying over
hours, a bot burst, a sell-out. `fill_series` gives the charts 1-second samples of every series.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path

from console.config import Campaign, parse_campaign
from console.recording.recorder import Recorder
from console.series import SeriesKey, SeriesStore
from console.snapshots import (
    AwsSnapshot,
    CategorySales,
    CloudflareSnapshot,
    InstanceInfo,
    Point,
    ShopSnapshot,
    Snapshot,
    SourceName,
    SourceUpdate,
    TrafficMinute,
    WaitingRoomInfo,
)

Shape = Callable[[datetime], float]

START = datetime(2026, 12, 4, 8, 0, tzinfo=UTC)
ONSALE = START + timedelta(hours=1)
WINDOW_MINUTES = 15
EVERY = {SourceName.SHOP: 2.0, SourceName.AWS: 20.0, SourceName.CLOUDFLARE: 20.0}
CATEGORIES = (("Płyta (standing)", 399.0, 8000), ("Sektor A", 299.0, 6000), ("Sektor B", 199.0, 6000))


def example_campaign() -> Campaign:
    """The documented example campaign: what a real recording carries in its meta table."""
    text = resources.files("resources").joinpath("example-campaign.toml").read_text(encoding="utf-8")
    return parse_campaign(text, "example-campaign.toml")


def minutes_in(at: datetime) -> float:
    """Minutes since the on-sale (negative before it)."""
    return (at - ONSALE).total_seconds() / 60.0


def visitors(at: datetime) -> float:
    m = minutes_in(at)
    if m < 0:
        return 40.0 + 400.0 * math.exp(m / 15.0)
    return 13_000.0 * math.exp(-m / 45.0) + 300.0 + 80.0 * math.sin(m / 7.0)


def instances_at(at: datetime) -> int:
    m = minutes_in(at)
    return 8 if m < 2 else 20 if m < 180 else 12


def sold(at: datetime) -> int:
    m = minutes_in(at)
    return 0 if m < 0 else min(int(20_000 * (1 - math.exp(-m / 40.0))), 20_000)


def queue(at: datetime) -> int:
    m = minutes_in(at)
    return 0 if m < 0 else max(int(60_000 * math.exp(-m / 25.0) - 200), 0)


def bots(at: datetime) -> float:
    return 400_000.0 if 14 <= minutes_in(at) < 26 else 0.0


def _minutes_before(at: datetime) -> list[datetime]:
    end = at.replace(second=0, microsecond=0)
    return [end - timedelta(minutes=k) for k in range(WINDOW_MINUTES, 0, -1)]


def aws(at: datetime) -> AwsSnapshot:
    n = instances_at(at)
    load = min(visitors(at) / (n * 1000.0), 0.97)
    instances = tuple(
        InstanceInfo(f"i-0{k:04d}be71c9a3f{k:02d}", "InService", "Healthy", "healthy", 15.0 + 80.0 * load)
        for k in range(n)
    )

    def series(value: Shape) -> tuple[Point, ...]:
        return tuple(Point(t, float(value(t))) for t in _minutes_before(at))

    return AwsSnapshot(
        measured_at=at, group_name="shop-web", desired_capacity=n, min_size=2, max_size=24, instances=instances,
        request_count=series(lambda t: visitors(t) * 30.0),
        response_time=series(lambda t: 0.12 + 0.05 / (1.0 - min(visitors(t) / (instances_at(t) * 1000.0), 0.97))),
        http_5xx=series(lambda t: visitors(t) * 30.0 * (0.03 if 0 <= minutes_in(t) < 10 else 0.001)),
        healthy_hosts=series(instances_at), unhealthy_hosts=series(lambda t: 0.0),
        db_cpu=series(lambda t: 20.0 + 50.0 * min(visitors(t) / 13_000.0, 1.0)),
        db_connections=series(lambda t: 40.0 + visitors(t) / 50.0),
    )


def cloudflare(at: datetime) -> CloudflareSnapshot:
    traffic = tuple(
        TrafficMinute(
            at=t, requests=int(visitors(t) * 25 + bots(t)), cached_requests=int(visitors(t) * 22),
            bytes=int(visitors(t) * 4_000_000), cached_bytes=int(visitors(t) * 3_600_000),
            threats=int(bots(t) * 0.9 + visitors(t) / 200), uniques=int(visitors(t) + (2500 if bots(t) else 0)),
        )
        for t in _minutes_before(at)
    )
    m = minutes_in(at)
    room = WaitingRoomInfo(
        room_id="699d98642c564d2e855e9661899b7252", name="onsale", host="tickets.example.com", queue_all=False,
        suspended=False, new_users_per_minute=20_000, total_active_users=30_000,
        status="queueing" if 0 <= m < 60 else "not_queueing", queued_users=0, active_users=int(visitors(at) * 8),
        max_wait_minutes=0,
    )
    level = "under_attack" if 15 <= m < 27 else "medium"
    return CloudflareSnapshot(measured_at=at, security_level=level, waiting_room=room, traffic=traffic)


def shop(at: datetime) -> ShopSnapshot:
    total = sold(at)
    split = (0.42, 0.33, 0.25)
    categories = tuple(
        CategorySales(name, price, capacity, min(int(total * share), capacity))
        for (name, price, capacity), share in zip(CATEGORIES, split, strict=True)
    )
    waiting = queue(at)
    m = minutes_in(at)
    return ShopSnapshot(
        measured_at=at, currency="PLN", categories=categories, tickets_sold=sum(c.sold for c in categories),
        revenue=sum(c.sold * c.price for c in categories), orders_per_minute=0.0 if m < 0 else 200.0,
        queue_length=waiting, admitted_per_minute=0.0 if m < 0 else 1500.0, admission_rate=1500,
        queue_paused=False, estimated_wait_seconds=waiting / 1500.0 * 60.0,
    )


BUILDERS: dict[SourceName, Callable[[datetime], Snapshot]] = {
    SourceName.SHOP: shop, SourceName.AWS: aws, SourceName.CLOUDFLARE: cloudflare,
}


def updates(hours: float, start: datetime = START) -> Iterator[SourceUpdate]:
    """Every poll outcome of `hours` from `start`, in time order, at the default intervals."""
    step = min(EVERY.values())
    for tick in range(int(hours * 3600 / step)):
        at = start + timedelta(seconds=tick * step)
        for source, interval in EVERY.items():
            if (tick * step) % interval == 0:
                yield SourceUpdate(source, at, BUILDERS[source](at), last_ok_at=at)


def write_recording(path: Path, hours: float = 12.0) -> int:
    """A recording of `hours` (poll outcomes and a few alerts) at `path`; returns the number of samples."""
    campaign = example_campaign()
    count = 0
    with Recorder(path, campaign) as recorder:
        for update in updates(hours):
            recorder.submit(update)
            count += 1
        for k, minute in enumerate((3, 16, 40)):
            at = ONSALE + timedelta(minutes=minute)
            recorder.record_alert(f"a{k}", "raised", at, "error_rate", "5xx above 2 %", "")
            recorder.record_alert(f"a{k}", "cleared", at + timedelta(minutes=6), "error_rate", "5xx back", "")
    return count


SERIES_SHAPES: dict[SeriesKey, Shape] = {
    SeriesKey.VISITORS: visitors,
    SeriesKey.EDGE_REQUESTS: lambda t: visitors(t) * 25 + bots(t),
    SeriesKey.ORIGIN_REQUESTS: lambda t: visitors(t) * 30,
    SeriesKey.ERROR_RATE: lambda t: 3.0 if 0 <= minutes_in(t) < 10 else 0.1,
    SeriesKey.LATENCY: lambda t: 120 + 50 * min(visitors(t) / 13_000.0, 1.0) * 10,
    SeriesKey.CACHE_SHARE: lambda t: 90.0,
    SeriesKey.THREATS: lambda t: bots(t) * 0.9,
    SeriesKey.QUEUE: queue,
    SeriesKey.QUEUE_WAIT: lambda t: queue(t) / 25.0,
    SeriesKey.ADMITTED: lambda t: 1500.0 if minutes_in(t) >= 0 else 0.0,
    SeriesKey.SOLD: sold,
    SeriesKey.SOLD_RATE: lambda t: 500.0 * math.exp(-max(minutes_in(t), 0) / 40.0),
    SeriesKey.DESIRED: instances_at,
    SeriesKey.SERVING: instances_at,
    SeriesKey.DB_CPU: lambda t: 20.0 + 50.0 * min(visitors(t) / 13_000.0, 1.0),
}


def value(key: SeriesKey, t: float) -> float:
    """The series `key` at epoch second `t`, with a little sample-to-sample noise so no column is flat."""
    base = float(SERIES_SHAPES[key](datetime.fromtimestamp(t, UTC)))
    return base * (1.0 + 0.03 * math.sin(t * 1.7))


def fill_series(store: SeriesStore, keys: tuple[SeriesKey, ...], seconds: int, start: datetime = START) -> float:
    """`seconds` 1-second samples of each of `keys`; returns the epoch time of the last one."""
    t0 = start.timestamp()
    for key in keys:
        shape = SERIES_SHAPES[key]
        minute_values: dict[int, float] = {}
        for i in range(seconds):
            t = t0 + i
            minute = int(i // 60)
            if minute not in minute_values:  # the shapes change slowly: evaluate once a minute
                minute_values[minute] = float(shape(datetime.fromtimestamp(t, UTC)))
            store.add(key, t, minute_values[minute] * (1.0 + 0.03 * math.sin(t * 1.7)))
    return t0 + seconds - 1
