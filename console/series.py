"""The named time series the charts draw and the report reads."""

from __future__ import annotations

from enum import StrEnum

from console.timeseries import TimeSeries


class SeriesKey(StrEnum):
    VISITORS = "visitors_per_min"  # Cloudflare unique visitors per minute
    EDGE_REQUESTS = "edge_requests_per_min"  # Cloudflare requests per minute
    ORIGIN_REQUESTS = "origin_requests_per_min"  # ALB RequestCount per minute
    ERROR_RATE = "error_rate_percent"  # ALB 5xx / RequestCount
    LATENCY = "latency_ms"  # ALB TargetResponseTime average
    CACHE_SHARE = "cache_share_percent"  # Cloudflare cached bytes / bytes
    THREATS = "threats_per_min"
    QUEUE = "queue_length"
    QUEUE_WAIT = "queue_wait_s"
    ADMITTED = "admitted_per_min"
    SOLD = "tickets_sold"
    SOLD_RATE = "sold_per_min"  # tickets per minute over the last few minutes (console.forecast)
    DESIRED = "desired_instances"
    SERVING = "serving_instances"
    DB_CPU = "db_cpu_percent"


class SeriesStore:
    """All series of a campaign; `version` moves on every change so the display timer can skip idle frames."""

    def __init__(self, capacity: int = 43_200) -> None:
        self._series = {key: TimeSeries(capacity) for key in SeriesKey}
        self.version = 0

    def __getitem__(self, key: SeriesKey) -> TimeSeries:
        return self._series[key]

    def add(self, key: SeriesKey, t: float, value: float) -> None:
        if self._series[key].add(t, value):
            self.version += 1
