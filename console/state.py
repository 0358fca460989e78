"""The live picture of a campaign, built on the GUI thread from source updates.

`CampaignState.apply` is the one place snapshots become series points and panel views. It runs on
the GUI thread (the bridge delivers updates there), so nothing here needs a lock.
"""

from __future__ import annotations

import time
from datetime import datetime

from console.forecast import sales_pace
from console.markers import MarkerList
from console.observable import Observable
from console.series import SeriesKey, SeriesStore
from console.snapshots import (
    AwsSnapshot,
    CloudflareSnapshot,
    ShopSnapshot,
    SourceName,
    SourceUpdate,
)
from console.views import (
    CdnView,
    FleetView,
    QueueView,
    SalesView,
    SourceHealth,
    cdn_view,
    fleet_view,
    queue_view,
    sales_view,
)


def _ts(moment: datetime) -> float:
    return moment.timestamp()


class CampaignState:
    def __init__(
        self, admission_control: str, stale_after: dict[SourceName, float], capacity: int = 43_200
    ) -> None:
        self.admission_control = admission_control
        self.series = SeriesStore(capacity)
        self.markers = MarkerList()
        self.health = {
            name: Observable(SourceHealth(name, stale_after=stale_after.get(name, 60.0))) for name in SourceName
        }
        self.fleet: Observable[FleetView | None] = Observable(None)
        self.cdn: Observable[CdnView | None] = Observable(None)
        self.sales: Observable[SalesView | None] = Observable(None)
        self.queue: Observable[QueueView | None] = Observable(None)
        self.last_aws: AwsSnapshot | None = None
        self.last_cloudflare: CloudflareSnapshot | None = None
        self.last_shop: ShopSnapshot | None = None

    def apply(self, update: SourceUpdate, monotonic_now: float | None = None) -> None:
        wall = time.monotonic() if monotonic_now is None else monotonic_now
        health = self.health[update.source]
        if update.snapshot is None:
            health.set(
                SourceHealth(
                    update.source,
                    last_ok_at=health.value.last_ok_at,
                    last_ok_wall=health.value.last_ok_wall,
                    error=update.error,
                    failure=update.failure,
                    stale_after=health.value.stale_after,
                )
            )
            return
        snapshot = update.snapshot
        health.set(SourceHealth(update.source, snapshot.measured_at, wall, stale_after=health.value.stale_after))
        if isinstance(snapshot, AwsSnapshot):
            self._apply_aws(snapshot)
        elif isinstance(snapshot, CloudflareSnapshot):
            self._apply_cloudflare(snapshot)
        else:
            self._apply_shop(snapshot)

    def _apply_aws(self, snap: AwsSnapshot) -> None:
        self.last_aws = snap
        add = self.series.add
        errors = {p.at: p.value for p in snap.http_5xx}
        for point in snap.request_count:
            add(SeriesKey.ORIGIN_REQUESTS, _ts(point.at), point.value)
            if point.value > 0:
                add(SeriesKey.ERROR_RATE, _ts(point.at), 100.0 * errors.get(point.at, 0.0) / point.value)
        for point in snap.response_time:
            add(SeriesKey.LATENCY, _ts(point.at), point.value * 1000.0)
        for point in snap.db_cpu:
            add(SeriesKey.DB_CPU, _ts(point.at), point.value)
        now = _ts(snap.measured_at)
        add(SeriesKey.DESIRED, now, snap.desired_capacity)
        add(SeriesKey.SERVING, now, snap.serving)
        self.fleet.set(fleet_view(snap))

    def _apply_cloudflare(self, snap: CloudflareSnapshot) -> None:
        self.last_cloudflare = snap
        add = self.series.add
        for minute in snap.traffic:
            t = _ts(minute.at)
            add(SeriesKey.VISITORS, t, minute.uniques)
            add(SeriesKey.EDGE_REQUESTS, t, minute.requests)
            add(SeriesKey.THREATS, t, minute.threats)
            if minute.bytes:
                add(SeriesKey.CACHE_SHARE, t, 100.0 * minute.cached_bytes / minute.bytes)
        self.cdn.set(cdn_view(snap))
        self.queue.set(queue_view(self.last_shop, snap, self.admission_control))

    def _apply_shop(self, snap: ShopSnapshot) -> None:
        self.last_shop = snap
        t = _ts(snap.measured_at)
        add = self.series.add
        add(SeriesKey.SOLD, t, snap.tickets_sold)
        pace = sales_pace(self.series[SeriesKey.SOLD], snap.capacity)
        if pace.tickets_per_minute is not None:
            add(SeriesKey.SOLD_RATE, t, pace.tickets_per_minute)
        add(SeriesKey.QUEUE, t, snap.queue_length)
        add(SeriesKey.QUEUE_WAIT, t, snap.estimated_wait_seconds)
        add(SeriesKey.ADMITTED, t, snap.admitted_per_minute)
        self.sales.set(sales_view(snap, pace))
        self.queue.set(queue_view(snap, self.last_cloudflare, self.admission_control))
