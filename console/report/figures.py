"""The numbers of the post-campaign report, computed from the recording alone.

Every figure is None when the recording holds nothing to compute it from: a report says "no data"
rather than 0. Times are campaign time (UTC); the PDF shows them in the campaign's time zone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from console.recording.recorder import AlertPhase
from console.report.data import RecordingData, read_recording
from console.report.series import error_rate_minutes
from console.report.timeline import NO_OUTCOME, action_rows
from console.snapshots import SourceName

BUSIEST = 10


@dataclass(frozen=True)
class BusyMinute:
    at: datetime
    visitors: int
    requests_per_second: float  # edge requests / 60
    origin_requests: float | None  # ALB requests in that minute
    error_rate_percent: float | None
    latency_ms: float | None
    cache_share_percent: float | None
    threats: int


@dataclass(frozen=True)
class Gap:
    """A stretch with no successful poll of `source`, longer than three poll intervals."""

    source: SourceName
    start: datetime  # the last success before it (or the first attempt)
    end: datetime  # the next success (or the last attempt, if the source never came back)
    missing_minutes: int | None  # per-minute sources: minutes still missing after later polls backfilled

    @property
    def duration(self) -> timedelta:
        return self.end - self.start


@dataclass(frozen=True)
class ReportFigures:
    campaign_name: str
    currency: str
    timezone: str
    onsale_at: datetime
    first_at: datetime | None  # first poll recorded
    last_at: datetime | None  # last poll recorded
    peak_visitors_per_minute: int | None
    peak_visitors_at: datetime | None
    peak_requests_per_second: float | None
    peak_requests_at: datetime | None
    tickets_sold: int | None
    revenue: float | None
    capacity: int | None
    capacity_sold_percent: float | None
    sold_out_at: datetime | None
    longest_queue: int | None
    longest_queue_at: datetime | None
    longest_wait_seconds: float | None
    longest_wait_at: datetime | None
    queue_control: str  # shop | cloudflare: which queue the queue figures are of
    error_rate_percent: float | None  # sum of 5xx / sum of origin requests over the campaign
    error_rate_at_peak_percent: float | None  # in the minute of peak visitors
    cache_share_percent: float | None  # of bytes served by the edge
    bytes_served: int | None
    bytes_saved: int | None  # served from the CDN cache instead of the origin
    threats_blocked: int | None
    instance_hours: float | None
    estimated_cost: float | None
    instance_price_per_hour: float
    degraded_minutes: int | None
    degraded_latency_ms: float
    degraded_error_rate_percent: float
    actions: int
    failed_actions: int
    alerts_raised: int
    busiest_minutes: tuple[BusyMinute, ...]
    gaps: tuple[Gap, ...]


def _traffic_figures(data: RecordingData) -> dict[str, object]:
    minutes = list(data.traffic.values())
    if not minutes:
        return dict.fromkeys(
            ("peak_visitors_per_minute", "peak_visitors_at", "peak_requests_per_second", "peak_requests_at",
             "cache_share_percent", "bytes_served", "bytes_saved", "threats_blocked"),
        )
    peak = max(minutes, key=lambda m: (m.uniques, -m.at.timestamp()))
    busiest = max(minutes, key=lambda m: (m.requests, -m.at.timestamp()))
    total_bytes = sum(m.bytes for m in minutes)
    cached = sum(m.cached_bytes for m in minutes)
    return {
        "peak_visitors_per_minute": peak.uniques,
        "peak_visitors_at": peak.at,
        "peak_requests_per_second": busiest.requests / 60.0,
        "peak_requests_at": busiest.at,
        "cache_share_percent": 100.0 * cached / total_bytes if total_bytes else None,
        "bytes_served": total_bytes,
        "bytes_saved": cached,
        "threats_blocked": sum(m.threats for m in minutes),
    }


def _sales_figures(data: RecordingData) -> dict[str, object]:
    if not data.shop:
        return dict.fromkeys(("tickets_sold", "revenue", "capacity", "capacity_sold_percent", "sold_out_at"))
    last = data.shop[-1]
    sold_out = next((s.measured_at for s in data.shop if s.capacity and s.remaining == 0), None)
    return {
        "tickets_sold": last.tickets_sold,
        "revenue": last.revenue,
        "capacity": last.capacity,
        "capacity_sold_percent": 100.0 * last.tickets_sold / last.capacity if last.capacity else None,
        "sold_out_at": sold_out,
    }


def _queue_figures(data: RecordingData) -> dict[str, object]:
    """The queue that controls admissions: the shop's, or the Cloudflare waiting room's."""
    samples: list[tuple[datetime, int, float]]
    if data.campaign.admission.control == "cloudflare":
        samples = [(c.measured_at, c.waiting_room.queued_users, c.waiting_room.max_wait_minutes * 60.0)
                   for c in data.cloudflare]
    else:
        samples = [(s.measured_at, s.queue_length, s.estimated_wait_seconds) for s in data.shop]
    if not samples:
        return dict.fromkeys(("longest_queue", "longest_queue_at", "longest_wait_seconds", "longest_wait_at"))
    queue = max(samples, key=lambda s: (s[1], -s[0].timestamp()))
    wait = max(samples, key=lambda s: (s[2], -s[0].timestamp()))
    return {
        "longest_queue": queue[1],
        "longest_queue_at": queue[0],
        "longest_wait_seconds": wait[2],
        "longest_wait_at": wait[0],
    }


def degraded_minutes(data: RecordingData) -> list[datetime]:
    """Minutes whose latency or 5xx share was over the campaign's alert thresholds."""
    latency = data.aws_minutes["response_time_s"]
    errors = error_rate_minutes(data)
    limit_ms = data.campaign.alerts.latency_ms
    limit_rate = data.campaign.alerts.error_rate_percent
    minutes = sorted(set(latency) | set(errors))
    return [at for at in minutes if latency.get(at, 0.0) * 1000.0 > limit_ms or errors.get(at, 0.0) > limit_rate]


def instance_hours(data: RecordingData) -> float | None:
    """In-service instances integrated over time: each reading holds until the next one."""
    if len(data.aws) < 2:
        return None
    seconds = 0.0
    for here, after in zip(data.aws, data.aws[1:], strict=False):
        seconds += here.in_service * max((after.measured_at - here.measured_at).total_seconds(), 0.0)
    return seconds / 3600.0


def busiest_minutes(data: RecordingData, count: int = BUSIEST) -> tuple[BusyMinute, ...]:
    ranked = sorted(data.traffic.values(), key=lambda m: (-m.uniques, m.at))[:count]
    origin = data.aws_minutes["origin_requests_per_min"]
    latency = data.aws_minutes["response_time_s"]
    errors = error_rate_minutes(data)
    return tuple(
        BusyMinute(
            at=m.at,
            visitors=m.uniques,
            requests_per_second=m.requests / 60.0,
            origin_requests=origin.get(m.at),
            error_rate_percent=errors.get(m.at),
            latency_ms=latency[m.at] * 1000.0 if m.at in latency else None,
            cache_share_percent=100.0 * m.cached_bytes / m.bytes if m.bytes else None,
            threats=m.threats,
        )
        for m in ranked
    )


def _missing_minutes(data: RecordingData, source: SourceName, start: datetime, end: datetime) -> int | None:
    if source is SourceName.SHOP:
        return None
    have = data.traffic if source is SourceName.CLOUDFLARE else data.aws_minutes["origin_requests_per_min"]
    first = start.replace(second=0, microsecond=0) + timedelta(minutes=1)
    count = int((end - first).total_seconds() // 60)
    return sum(1 for k in range(max(count, 0)) if first + timedelta(minutes=k) not in have)


def find_gaps(data: RecordingData) -> tuple[Gap, ...]:
    gaps: list[Gap] = []
    for source, attempts in data.attempts.items():
        if not attempts:
            continue
        limit = data.gap_limit(source)
        reference = attempts[0][0]
        for at, ok in attempts:
            if ok:
                if at - reference > limit:
                    gaps.append(Gap(source, reference, at, _missing_minutes(data, source, reference, at)))
                reference = at
        last = attempts[-1][0]
        if last - reference > limit:
            gaps.append(Gap(source, reference, last, _missing_minutes(data, source, reference, last)))
    return tuple(sorted(gaps, key=lambda g: (g.start, g.source)))


def figures_from(data: RecordingData) -> ReportFigures:
    campaign = data.campaign
    errors = data.aws_minutes["http_5xx_per_min"]
    requests = data.aws_minutes["origin_requests_per_min"]
    total_requests = sum(requests.values())
    traffic = _traffic_figures(data)
    peak_at = traffic["peak_visitors_at"]
    at_peak = error_rate_minutes(data).get(peak_at) if isinstance(peak_at, datetime) else None
    hours = instance_hours(data)
    actions = action_rows(data.audit)
    price = campaign.aws.instance_price_per_hour
    return ReportFigures(
        campaign_name=campaign.campaign.name,
        currency=data.shop[-1].currency if data.shop else campaign.campaign.currency,
        timezone=campaign.campaign.timezone,
        onsale_at=campaign.campaign.onsale_at,
        first_at=data.first_at,
        last_at=data.last_at,
        **traffic,  # type: ignore[arg-type]
        **_sales_figures(data),  # type: ignore[arg-type]
        **_queue_figures(data),  # type: ignore[arg-type]
        queue_control=campaign.admission.control,
        error_rate_percent=100.0 * sum(errors.get(at, 0.0) for at in requests) / total_requests
        if total_requests
        else None,
        error_rate_at_peak_percent=at_peak,
        instance_hours=hours,
        estimated_cost=None if hours is None else hours * price,
        instance_price_per_hour=price,
        degraded_minutes=len(degraded_minutes(data)) if requests else None,
        degraded_latency_ms=campaign.alerts.latency_ms,
        degraded_error_rate_percent=campaign.alerts.error_rate_percent,
        actions=len(actions),
        failed_actions=sum(1 for row in actions if row.outcome in ("failed", NO_OUTCOME)),
        alerts_raised=sum(1 for alert in data.alerts if alert.phase is AlertPhase.RAISED),
        busiest_minutes=busiest_minutes(data),
        gaps=find_gaps(data),
    )


def compute_figures(recording_path: Path, progress: Callable[[int], None] | None = None) -> ReportFigures:
    return figures_from(read_recording(recording_path, progress))
