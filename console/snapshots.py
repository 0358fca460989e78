"""Immutable, typed readings of the three sources.

Sources build these on worker threads; everything downstream (state, recorder, widgets) only reads
them. Times are timezone-aware UTC campaign time (see console.clock).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class SourceName(StrEnum):
    AWS = "aws"
    CLOUDFLARE = "cloudflare"
    SHOP = "shop"


@dataclass(frozen=True, slots=True)
class Point:
    """One per-minute value (CloudWatch and Cloudflare analytics are per minute)."""

    at: datetime
    value: float


# ---------------------------------------------------------------- AWS


@dataclass(frozen=True, slots=True)
class InstanceInfo:
    instance_id: str
    lifecycle_state: str  # Auto Scaling: Pending, InService, Terminating, ...
    health_status: str  # Auto Scaling: Healthy / Unhealthy
    target_health: str | None  # ELBv2: healthy, unhealthy, initial, draining, unused; None = not registered
    cpu_percent: float | None  # latest EC2 CPUUtilization, None when CloudWatch has none yet
    # The CloudWatch minute of cpu_percent. Large fleets read part of the CPUs per refresh (see
    # console.sources.aws_cpu): an instance not read this time keeps its last value, and this says how old.
    cpu_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class AwsSnapshot:
    measured_at: datetime
    group_name: str
    desired_capacity: int
    min_size: int
    max_size: int
    instances: tuple[InstanceInfo, ...]
    # Per-minute CloudWatch series over the recent window, oldest first.
    request_count: tuple[Point, ...]  # ALB RequestCount (Sum)
    response_time: tuple[Point, ...]  # ALB TargetResponseTime (Average, seconds)
    http_5xx: tuple[Point, ...]  # ALB HTTPCode_Target_5XX_Count (Sum)
    healthy_hosts: tuple[Point, ...]  # target group HealthyHostCount (Average)
    unhealthy_hosts: tuple[Point, ...]  # target group UnHealthyHostCount (Average)
    db_cpu: tuple[Point, ...]  # RDS CPUUtilization (Average, percent)
    db_connections: tuple[Point, ...]  # RDS DatabaseConnections (Average)

    @property
    def in_service(self) -> int:
        return sum(1 for i in self.instances if i.lifecycle_state == "InService")

    @property
    def serving(self) -> int:
        """Instances registered and healthy behind the load balancer: the capacity that serves."""
        return sum(1 for i in self.instances if i.target_health == "healthy")


# ---------------------------------------------------------------- Cloudflare


@dataclass(frozen=True, slots=True)
class WaitingRoomInfo:
    room_id: str
    name: str
    host: str
    queue_all: bool  # True = admissions paused: everyone queues
    suspended: bool  # True = room switched off (everyone goes straight in)
    new_users_per_minute: int
    total_active_users: int
    status: str  # queueing / not_queueing / event_prequeueing / suspended
    queued_users: int
    active_users: int
    max_wait_minutes: int


@dataclass(frozen=True, slots=True)
class TrafficMinute:
    """One row of GraphQL httpRequests1mGroups."""

    at: datetime
    requests: int
    cached_requests: int
    bytes: int
    cached_bytes: int
    threats: int
    uniques: int


@dataclass(frozen=True, slots=True)
class CloudflareSnapshot:
    measured_at: datetime
    security_level: str  # off, essentially_off, low, medium, high, under_attack
    waiting_room: WaitingRoomInfo
    traffic: tuple[TrafficMinute, ...]  # complete minutes of the recent window, oldest first


# ---------------------------------------------------------------- Shop


@dataclass(frozen=True, slots=True)
class CategorySales:
    name: str
    price: float
    capacity: int
    sold: int

    @property
    def remaining(self) -> int:
        return max(self.capacity - self.sold, 0)


@dataclass(frozen=True, slots=True)
class ShopSnapshot:
    measured_at: datetime
    currency: str
    categories: tuple[CategorySales, ...]
    tickets_sold: int
    revenue: float
    orders_per_minute: float
    queue_length: int
    admitted_per_minute: float
    admission_rate: int  # configured admissions per minute
    queue_paused: bool
    estimated_wait_seconds: float

    @property
    def capacity(self) -> int:
        return sum(c.capacity for c in self.categories)

    @property
    def remaining(self) -> int:
        return sum(c.remaining for c in self.categories)


Snapshot = AwsSnapshot | CloudflareSnapshot | ShopSnapshot


# ---------------------------------------------------------------- Poll outcome


class FailureKind(StrEnum):
    UNREACHABLE = "unreachable"  # connection refused, DNS, TLS
    TIMEOUT = "timeout"
    THROTTLED = "throttled"  # 429 / ThrottlingException
    AUTH = "auth"  # 401 / 403 / expired credentials
    NOT_FOUND = "not_found"  # the group, zone or room named in the campaign does not exist
    BAD_RESPONSE = "bad_response"  # malformed, partial or unexpected body
    ERROR = "error"  # anything else the backend said (5xx, ...)


@dataclass(frozen=True, slots=True)
class SourceUpdate:
    """What one poll of one source produced: a snapshot, or the failure and the last success."""

    source: SourceName
    attempted_at: datetime
    snapshot: Snapshot | None
    error: str | None = None
    failure: FailureKind | None = None
    last_ok_at: datetime | None = None
    retry_after: float | None = None  # seconds the backend asked us to wait

    @property
    def ok(self) -> bool:
        return self.snapshot is not None
