"""A hand-made sale day fed through CampaignState.apply, for widget tests and the screenshot.

Shapes only, not a simulation: quiet before the on-sale, a jump at 10:00, a queue that drains,
sales that climb, a scale-out whose instances serve after a warm-up, a bot burst met by
"under attack". Values are chosen so that every tile and chart has something non-zero to show.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from console.markers import Marker, MarkerKind, Outcome
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
from console.state import CampaignState

ONSALE = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)  # 10:00 in Warsaw
START = ONSALE - timedelta(minutes=90)
NOW = ONSALE + timedelta(minutes=42)
CATEGORIES = (("Płyta", 399.0, 8000), ("Trybuny", 259.0, 10000), ("VIP", 899.0, 2000))


def minutes_after_onsale(at: datetime) -> float:
    return (at - ONSALE).total_seconds() / 60.0


def visitors(at: datetime) -> float:
    m = minutes_after_onsale(at)
    if m < 0:
        return 40.0 + 30.0 * math.exp(m / 20.0)
    return 13_000.0 * math.exp(-m / 35.0) + 1500.0


def desired(at: datetime) -> int:
    return 4 if minutes_after_onsale(at) < 5 else 10


def serving(at: datetime) -> int:
    m = minutes_after_onsale(at)
    return 4 if m < 10 else min(10, 4 + int((m - 10) * 2))


def latency_s(at: datetime) -> float:
    load = min(visitors(at) / (serving(at) * 1000.0), 0.97)
    return 0.12 + 0.05 / (1.0 - load)


def error_share(at: datetime) -> float:
    m = minutes_after_onsale(at)
    return 0.045 if 0 <= m < 12 else 0.002


def sold(at: datetime) -> int:
    m = minutes_after_onsale(at)
    return 0 if m < 0 else min(int(340 * m), 20_000)


def shop(at: datetime) -> ShopSnapshot:
    m = minutes_after_onsale(at)
    total = sold(at)
    split = (0.42, 0.50, 0.08)
    categories = tuple(
        CategorySales(name, price, capacity, min(int(total * share), capacity))
        for (name, price, capacity), share in zip(CATEGORIES, split, strict=True)
    )
    queue = 0 if m < 0 else max(int(58_000 - 1100 * m), 0)
    return ShopSnapshot(
        measured_at=at, currency="PLN", categories=categories, tickets_sold=sum(c.sold for c in categories),
        revenue=sum(c.sold * c.price for c in categories), orders_per_minute=0.0 if m < 0 else 340.0,
        queue_length=queue, admitted_per_minute=0.0 if m < 0 else 1480.0 + 40 * math.sin(m),
        admission_rate=1500, queue_paused=False, estimated_wait_seconds=queue / 1500.0 * 60.0,
    )


def per_minute(at: datetime, count: int, value: object) -> tuple[Point, ...]:
    minutes = [at.replace(second=0, microsecond=0) - timedelta(minutes=k) for k in range(count, 0, -1)]
    return tuple(Point(t, float(value(t))) for t in minutes)  # type: ignore[operator]


def aws(at: datetime) -> AwsSnapshot:
    ids = [f"i-0{n:02d}4be71c9a3f{n:02d}d" for n in range(desired(at))]
    live = serving(at)
    instances = tuple(
        InstanceInfo(iid, "InService", "Healthy", "healthy" if k < live else (None if k % 2 else "initial"),
                     min(35.0 + 5 * k, 95.0))
        for k, iid in enumerate(ids)
    )
    return AwsSnapshot(
        measured_at=at, group_name="shop-web", desired_capacity=desired(at), min_size=2, max_size=20,
        instances=instances,
        request_count=per_minute(at, 3, lambda t: visitors(t) * 4.0),
        response_time=per_minute(at, 3, latency_s),
        http_5xx=per_minute(at, 3, lambda t: visitors(t) * 4.0 * error_share(t)),
        healthy_hosts=(), unhealthy_hosts=(),
        db_cpu=per_minute(at, 3, lambda t: 20.0 + 45.0 * min(visitors(t) / 13_000.0, 1.0)),
        db_connections=per_minute(at, 3, lambda t: 40.0 + visitors(t) / 100.0),
    )


def cloudflare(at: datetime) -> CloudflareSnapshot:
    m = minutes_after_onsale(at)
    minutes = [at.replace(second=0, microsecond=0) - timedelta(minutes=k) for k in range(5, 0, -1)]
    traffic = tuple(
        TrafficMinute(
            at=t, requests=int(visitors(t) * 30), cached_requests=int(visitors(t) * 27),
            bytes=int(visitors(t) * 4_000_000), cached_bytes=int(visitors(t) * 3_600_000),
            threats=int(9000 if 24 <= minutes_after_onsale(t) < 30 else 40 + visitors(t) / 200),
            uniques=int(visitors(t)),
        )
        for t in minutes
    )
    room = WaitingRoomInfo(
        room_id="room-1", name="onsale", host="tickets.example.com", queue_all=False, suspended=False,
        new_users_per_minute=1500, total_active_users=12_000, status="queueing" if m >= 0 else "not_queueing",
        queued_users=max(int(58_000 - 1100 * m), 0) if m >= 0 else 0, active_users=9000, max_wait_minutes=38,
    )
    return CloudflareSnapshot(
        measured_at=at, security_level="under_attack" if m >= 28 else "medium", waiting_room=room, traffic=traffic
    )


MARKERS = (
    Marker("a1", ONSALE + timedelta(minutes=3), "5xx > 2 %", MarkerKind.ALERT),
    Marker("a2", ONSALE + timedelta(minutes=5), "scale out 4 → 10", MarkerKind.ACTION, Outcome.OK),
    Marker("a3", ONSALE + timedelta(minutes=20), "pause queue", MarkerKind.ACTION, Outcome.FAILED),
    Marker("a4", ONSALE + timedelta(minutes=28), "under attack on", MarkerKind.ACTION, Outcome.OK),
    Marker("a5", ONSALE + timedelta(minutes=40), "admission rate 1500", MarkerKind.ACTION, Outcome.PENDING),
)


def sale_day(monotonic_now: float, cloudflare_stale: bool = False) -> CampaignState:
    """The state at NOW, as if the last poll of each source had just succeeded at `monotonic_now`.

    With `cloudflare_stale`, Cloudflare stopped answering five minutes before NOW and is being throttled.
    """
    state = CampaignState("shop", {SourceName.AWS: 90.0, SourceName.CLOUDFLARE: 90.0, SourceName.SHOP: 10.0})
    at = START

    def wall(moment: datetime) -> float:
        return monotonic_now - (NOW - moment).total_seconds()

    cf_cutoff = NOW - timedelta(minutes=5) if cloudflare_stale else NOW
    while at <= NOW:
        state.apply(SourceUpdate(SourceName.SHOP, at, shop(at)), monotonic_now=wall(at))
        if at.second == 0:
            state.apply(SourceUpdate(SourceName.AWS, at, aws(at)), monotonic_now=wall(at))
            if at <= cf_cutoff:
                state.apply(SourceUpdate(SourceName.CLOUDFLARE, at, cloudflare(at)), monotonic_now=wall(at))
        at += timedelta(seconds=10)
    if cloudflare_stale:
        state.apply(
            SourceUpdate(SourceName.CLOUDFLARE, NOW, None, error="HTTP 429: rate limited (retry after 60 s)",
                         failure=FailureKind.THROTTLED, last_ok_at=cf_cutoff, retry_after=60.0),
            monotonic_now=monotonic_now,
        )
    for marker in MARKERS:
        state.markers.add(marker)
    return state
