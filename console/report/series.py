"""Every time series of a recording, by name, for the CSV export and the report's charts.

Per-minute series come from the merged minutes (one value per minute, the latest reading); the
others from each successful poll. Each series knows the longest step that is still "continuous":
a chart breaks its line (NaN) wherever two samples are further apart, instead of drawing through a gap.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from console.report.data import AWS_MINUTE_SERIES, RecordingData
from console.snapshots import CloudflareSnapshot, ShopSnapshot, SourceName, TrafficMinute

MINUTE = timedelta(minutes=1)


@dataclass(frozen=True)
class Series:
    name: str
    times: tuple[datetime, ...]
    values: tuple[float, ...]
    max_step: timedelta  # samples further apart than this are not joined by a line

    def with_breaks(self) -> tuple[list[datetime], list[float]]:
        """The samples with a NaN inserted inside every gap, for drawing."""
        times: list[datetime] = []
        values: list[float] = []
        for index, (at, value) in enumerate(zip(self.times, self.values, strict=True)):
            if index and at - self.times[index - 1] > self.max_step:
                times.append(self.times[index - 1] + (at - self.times[index - 1]) / 2)
                values.append(math.nan)
            times.append(at)
            values.append(value)
        return times, values

    def holes(self) -> list[tuple[datetime, datetime]]:
        """The stretches the line does not cover: between samples further apart than `max_step`."""
        pairs = zip(self.times, self.times[1:], strict=False)
        return [(before, after) for before, after in pairs if after - before > self.max_step]

    def peak(self) -> tuple[datetime, float] | None:
        if not self.values:
            return None
        index = max(range(len(self.values)), key=lambda i: (self.values[i], -i))
        return self.times[index], self.values[index]


def _series(name: str, pairs: Iterable[tuple[datetime, float]], max_step: timedelta) -> Series:
    items = list(pairs)
    return Series(name, tuple(at for at, _ in items), tuple(float(v) for _, v in items), max_step)


TRAFFIC_FIELDS: dict[str, Callable[[TrafficMinute], float]] = {
    "visitors_per_min": lambda m: m.uniques,
    "edge_requests_per_min": lambda m: m.requests,
    "cached_requests_per_min": lambda m: m.cached_requests,
    "bytes_per_min": lambda m: m.bytes,
    "cached_bytes_per_min": lambda m: m.cached_bytes,
    "threats_per_min": lambda m: m.threats,
}

SHOP_FIELDS: dict[str, Callable[[ShopSnapshot], float]] = {
    "tickets_sold": lambda s: s.tickets_sold,
    "revenue": lambda s: s.revenue,
    "orders_per_min": lambda s: s.orders_per_minute,
    "shop_queue_length": lambda s: s.queue_length,
    "shop_queue_wait_s": lambda s: s.estimated_wait_seconds,
    "shop_admitted_per_min": lambda s: s.admitted_per_minute,
    "shop_admission_rate": lambda s: s.admission_rate,
    "shop_queue_paused": lambda s: float(s.queue_paused),
}

ROOM_FIELDS: dict[str, Callable[[CloudflareSnapshot], float]] = {
    "room_queued_users": lambda c: c.waiting_room.queued_users,
    "room_active_users": lambda c: c.waiting_room.active_users,
    "room_max_wait_min": lambda c: c.waiting_room.max_wait_minutes,
    "room_new_users_per_min": lambda c: c.waiting_room.new_users_per_minute,
    "room_paused": lambda c: float(c.waiting_room.queue_all),
    "under_attack": lambda c: float(c.security_level == "under_attack"),
}


def error_rate_minutes(data: RecordingData) -> dict[datetime, float]:
    """5xx share of origin requests per minute with requests (a minute without a 5xx datapoint had none)."""
    errors = data.aws_minutes["http_5xx_per_min"]
    return {
        at: 100.0 * errors.get(at, 0.0) / requests
        for at, requests in data.aws_minutes["origin_requests_per_min"].items()
        if requests > 0
    }


def report_series(data: RecordingData) -> dict[str, Series]:
    aws_step = data.gap_limit(SourceName.AWS)
    cf_step = data.gap_limit(SourceName.CLOUDFLARE)
    shop_step = data.gap_limit(SourceName.SHOP)
    out: dict[str, Series] = {}
    traffic = list(data.traffic.values())
    for name, read in TRAFFIC_FIELDS.items():
        out[name] = _series(name, ((m.at, read(m)) for m in traffic), MINUTE)
    out["cache_share_percent"] = _series(
        "cache_share_percent", ((m.at, 100.0 * m.cached_bytes / m.bytes) for m in traffic if m.bytes), MINUTE
    )
    for name in AWS_MINUTE_SERIES:
        if name != "response_time_s":
            out[name] = _series(name, data.aws_minutes[name].items(), MINUTE)
    latency = data.aws_minutes["response_time_s"]
    out["latency_ms"] = _series("latency_ms", ((at, v * 1000.0) for at, v in latency.items()), MINUTE)
    out["error_rate_percent"] = _series("error_rate_percent", error_rate_minutes(data).items(), MINUTE)
    fleet = {
        "desired_instances": lambda s: s.desired_capacity,
        "in_service_instances": lambda s: s.in_service,
        "serving_instances": lambda s: s.serving,
    }
    for name, read_fleet in fleet.items():
        out[name] = _series(name, ((s.measured_at, read_fleet(s)) for s in data.aws), aws_step)
    for name, read_shop in SHOP_FIELDS.items():
        out[name] = _series(name, ((s.measured_at, read_shop(s)) for s in data.shop), shop_step)
    categories = sorted({c.name for s in data.shop for c in s.categories})
    for category in categories:
        name = f"sold:{category}"
        out[name] = _series(
            name, ((s.measured_at, c.sold) for s in data.shop for c in s.categories if c.name == category), shop_step
        )
    for name, read_room in ROOM_FIELDS.items():
        out[name] = _series(name, ((c.measured_at, read_room(c)) for c in data.cloudflare), cf_step)
    return out
