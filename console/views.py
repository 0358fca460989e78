"""What each panel shows, derived from the latest snapshots by pure functions.

Views are frozen dataclasses, so `Observable.set` can tell a real change from a repeat.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from console.forecast import UNKNOWN_SELLOUT, SalesPace, Sellout
from console.snapshots import (
    AwsSnapshot,
    CloudflareSnapshot,
    FailureKind,
    InstanceInfo,
    Point,
    ShopSnapshot,
    SourceName,
)


@dataclass(frozen=True)
class SourceHealth:
    """Freshness of one source. `last_ok_at` is campaign time; the age is measured on the wall clock."""

    source: SourceName
    last_ok_at: datetime | None = None
    last_ok_wall: float | None = None  # time.monotonic() of the last success
    error: str | None = None
    failure: FailureKind | None = None
    stale_after: float = 60.0  # wall seconds without a success before tiles grey out

    def age(self, monotonic_now: float) -> float | None:
        return None if self.last_ok_wall is None else max(monotonic_now - self.last_ok_wall, 0.0)

    def is_stale(self, monotonic_now: float) -> bool:
        age = self.age(monotonic_now)
        return age is None or age > self.stale_after

    @property
    def throttled(self) -> bool:
        return self.failure == FailureKind.THROTTLED


@dataclass(frozen=True)
class QueueView:
    queued: int
    estimated_wait_seconds: float
    admitted_per_minute: float
    admission_rate: int
    paused: bool
    status: str  # "admitting", "paused", "queue empty", or the waiting room's status
    control: str  # "shop" or "cloudflare": which admission control the campaign uses
    room_queued: int | None = None
    room_status: str | None = None


@dataclass(frozen=True)
class FleetView:
    group_name: str
    desired: int
    min_size: int
    max_size: int
    in_service: int
    serving: int
    instances: tuple[InstanceInfo, ...]
    db_cpu_percent: float | None
    db_connections: float | None
    latency_ms: float | None
    error_rate_percent: float | None


@dataclass(frozen=True)
class CdnView:
    security_level: str
    cache_share_percent: float | None  # of bytes, over the recent window
    bytes_saved: int  # served from cache over the recent window
    threats_per_minute: int
    requests_per_minute: int
    visitors_per_minute: int
    room_status: str


@dataclass(frozen=True)
class SalesView:
    currency: str
    tickets_sold: int
    capacity: int
    remaining: int
    revenue: float
    sold_per_minute: float | None  # tickets, measured on the sold series (console.forecast), not orders
    categories: tuple[tuple[str, int, int], ...]  # (name, sold, capacity)
    orders_per_minute: float = 0.0  # as the shop reports it; an order holds one or more tickets
    sellout: Sellout = UNKNOWN_SELLOUT

    @property
    def percent_sold(self) -> float:
        return 100.0 * self.tickets_sold / self.capacity if self.capacity else 0.0


def latest(points: tuple[Point, ...]) -> float | None:
    return points[-1].value if points else None


def error_rate_percent(snapshot: AwsSnapshot) -> float | None:
    """5xx share of requests in the latest minute that has requests."""
    errors = {p.at: p.value for p in snapshot.http_5xx}
    for point in reversed(snapshot.request_count):
        if point.value > 0:
            return 100.0 * errors.get(point.at, 0.0) / point.value
    return None


def fleet_view(snapshot: AwsSnapshot) -> FleetView:
    latency = latest(snapshot.response_time)
    return FleetView(
        group_name=snapshot.group_name,
        desired=snapshot.desired_capacity,
        min_size=snapshot.min_size,
        max_size=snapshot.max_size,
        in_service=snapshot.in_service,
        serving=snapshot.serving,
        instances=snapshot.instances,
        db_cpu_percent=latest(snapshot.db_cpu),
        db_connections=latest(snapshot.db_connections),
        latency_ms=None if latency is None else latency * 1000.0,
        error_rate_percent=error_rate_percent(snapshot),
    )


def cdn_view(snapshot: CloudflareSnapshot) -> CdnView:
    traffic = snapshot.traffic
    total_bytes = sum(m.bytes for m in traffic)
    cached_bytes = sum(m.cached_bytes for m in traffic)
    last = traffic[-1] if traffic else None
    return CdnView(
        security_level=snapshot.security_level,
        cache_share_percent=100.0 * cached_bytes / total_bytes if total_bytes else None,
        bytes_saved=cached_bytes,
        threats_per_minute=last.threats if last else 0,
        requests_per_minute=last.requests if last else 0,
        visitors_per_minute=last.uniques if last else 0,
        room_status=snapshot.waiting_room.status,
    )


def sales_view(snapshot: ShopSnapshot, pace: SalesPace | None = None) -> SalesView:
    """`pace` comes from the tickets-sold series, which the snapshot alone cannot give."""
    return SalesView(
        currency=snapshot.currency,
        tickets_sold=snapshot.tickets_sold,
        capacity=snapshot.capacity,
        remaining=snapshot.remaining,
        revenue=snapshot.revenue,
        sold_per_minute=pace.tickets_per_minute if pace else None,
        categories=tuple((c.name, c.sold, c.capacity) for c in snapshot.categories),
        orders_per_minute=snapshot.orders_per_minute,
        sellout=pace.sellout if pace else UNKNOWN_SELLOUT,
    )


def queue_view(shop: ShopSnapshot | None, room: CloudflareSnapshot | None, control: str) -> QueueView | None:
    """The queue as the campaign's admission control sees it, with the other gate alongside."""
    room_info = room.waiting_room if room else None
    if control == "cloudflare" and room_info is not None:
        return QueueView(
            queued=room_info.queued_users,
            estimated_wait_seconds=room_info.max_wait_minutes * 60.0,
            admitted_per_minute=shop.admitted_per_minute if shop else 0.0,
            admission_rate=room_info.new_users_per_minute,
            paused=room_info.queue_all,
            status="paused" if room_info.queue_all else room_info.status,
            control=control,
            room_queued=room_info.queued_users,
            room_status=room_info.status,
        )
    if shop is None:
        return None
    if shop.categories and shop.remaining == 0:
        status = "sold out"
    elif shop.queue_paused:
        status = "paused"
    else:
        status = "admitting" if shop.queue_length else "queue empty"
    return QueueView(
        queued=shop.queue_length,
        estimated_wait_seconds=shop.estimated_wait_seconds,
        admitted_per_minute=shop.admitted_per_minute,
        admission_rate=shop.admission_rate,
        paused=shop.queue_paused,
        status=status,
        control="shop",
        room_queued=room_info.queued_users if room_info else None,
        room_status=room_info.status if room_info else None,
    )
