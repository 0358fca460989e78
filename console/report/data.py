"""A recording read once for the report: per-minute series merged, samples in order, coverage, audit, alerts.

CloudWatch and Cloudflare analytics revise their latest minutes, and every poll repeats the last 15,
so a minute is read from the latest snapshot that contains it. Coverage is kept per source (every
attempt and whether it succeeded) so that the report can tell "no data" from "zero".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from console.actions.audit import AuditEntry, read_entries
from console.config import Campaign
from console.poll_intervals import poll_interval
from console.recording.reader import (
    AlertRecord,
    iter_samples,
    load_campaign_from_recording,
    read_alerts,
    sample_count,
)
from console.snapshots import AwsSnapshot, CloudflareSnapshot, Point, ShopSnapshot, SourceName, TrafficMinute

GAP_POLLS = 3  # a source with no successful poll for longer than this many intervals has a gap

# CloudWatch series of an AwsSnapshot, by the name the report and the CSV use.
AWS_MINUTE_SERIES = {
    "origin_requests_per_min": "request_count",
    "http_5xx_per_min": "http_5xx",
    "response_time_s": "response_time",
    "healthy_hosts": "healthy_hosts",
    "unhealthy_hosts": "unhealthy_hosts",
    "db_cpu_percent": "db_cpu",
    "db_connections": "db_connections",
}


@dataclass
class RecordingData:
    path: Path
    campaign: Campaign
    traffic: dict[datetime, TrafficMinute] = field(default_factory=dict)  # by minute, oldest first
    aws_minutes: dict[str, dict[datetime, float]] = field(default_factory=dict)  # series -> minute -> value
    aws: list[AwsSnapshot] = field(default_factory=list)
    cloudflare: list[CloudflareSnapshot] = field(default_factory=list)
    shop: list[ShopSnapshot] = field(default_factory=list)
    attempts: dict[SourceName, list[tuple[datetime, bool]]] = field(default_factory=dict)
    audit: list[AuditEntry] = field(default_factory=list)
    alerts: list[AlertRecord] = field(default_factory=list)

    @property
    def speed(self) -> float:
        """Campaign seconds per wall second: poll intervals are wall time, the recording is campaign time."""
        return self.campaign.demo.speed if self.campaign.demo is not None else 1.0

    def gap_limit(self, source: SourceName) -> timedelta:
        return timedelta(seconds=GAP_POLLS * poll_interval(self.campaign, source) * self.speed)

    @property
    def first_at(self) -> datetime | None:
        times = [attempts[0][0] for attempts in self.attempts.values() if attempts]
        return min(times) if times else None

    @property
    def last_at(self) -> datetime | None:
        times = [attempts[-1][0] for attempts in self.attempts.values() if attempts]
        return max(times) if times else None


def _merge_minutes(target: dict[datetime, float], points: tuple[Point, ...]) -> None:
    for point in points:
        target[point.at] = point.value


def read_recording(path: Path, progress: Callable[[int], None] | None = None) -> RecordingData:
    """Read everything the report needs in one pass; `progress` gets 0..100 as samples are read."""
    campaign = load_campaign_from_recording(path)
    data = RecordingData(path, campaign, aws_minutes={name: {} for name in AWS_MINUTE_SERIES})
    data.attempts = {name: [] for name in SourceName}
    total = sample_count(path)
    for index, sample in enumerate(iter_samples(path)):
        update = sample.update
        data.attempts[update.source].append((update.attempted_at, update.ok))
        snapshot = update.snapshot
        if isinstance(snapshot, AwsSnapshot):
            data.aws.append(snapshot)
            for name, attribute in AWS_MINUTE_SERIES.items():
                _merge_minutes(data.aws_minutes[name], getattr(snapshot, attribute))
        elif isinstance(snapshot, CloudflareSnapshot):
            data.cloudflare.append(snapshot)
            for minute in snapshot.traffic:
                data.traffic[minute.at] = minute
        elif isinstance(snapshot, ShopSnapshot):
            data.shop.append(snapshot)
        if progress is not None and total and index % 500 == 0:
            progress(100 * index // total)
    data.traffic = dict(sorted(data.traffic.items()))
    data.aws_minutes = {name: dict(sorted(values.items())) for name, values in data.aws_minutes.items()}
    data.audit = read_entries(path)
    data.alerts = read_alerts(path)
    if progress is not None:
        progress(100)
    return data

