"""CloudWatch in one GetMetricData call: the queries the console asks, and reading the answer back.

One call holds at most 500 queries: the seven fleet metrics and up to CPU_QUERY_BUDGET instance CPUs
(console.sources.aws_cpu chooses which when the fleet is larger).

Pure functions only (no client), so query shapes and parsing are tested without a network. The
namespaces and dimensions are the ones AWS publishes: ALB metrics per `LoadBalancer` (host counts per
`TargetGroup` + `LoadBalancer`), RDS per `DBInstanceIdentifier`, EC2 per `InstanceId`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from console.snapshots import FailureKind, Point
from console.sources.errors import SourceError

ALB = "AWS/ApplicationELB"
RDS = "AWS/RDS"
EC2 = "AWS/EC2"
PERIOD_S = 60
MAX_QUERIES_PER_CALL = 500  # GetMetricData's limit per request

# Snapshot field -> (namespace, metric name, statistic, dimension set).
SERIES: dict[str, tuple[str, str, str, str]] = {
    "request_count": (ALB, "RequestCount", "Sum", "lb"),
    "response_time": (ALB, "TargetResponseTime", "Average", "lb"),
    "http_5xx": (ALB, "HTTPCode_Target_5XX_Count", "Sum", "lb"),
    "healthy_hosts": (ALB, "HealthyHostCount", "Average", "tg"),
    "unhealthy_hosts": (ALB, "UnHealthyHostCount", "Average", "tg"),
    "db_cpu": (RDS, "CPUUtilization", "Average", "db"),
    "db_connections": (RDS, "DatabaseConnections", "Average", "db"),
}
CPU_QUERY_BUDGET = MAX_QUERIES_PER_CALL - len(SERIES)  # instance CPUs that fit beside the fleet metrics


def load_balancer_dimension(arn: str) -> str:
    """CloudWatch's LoadBalancer value: "app/<name>/<id>", the ARN after ":loadbalancer/"."""
    marker = ":loadbalancer/"
    if marker not in arn:
        raise ValueError(f"not a load balancer ARN: {arn!r}")
    return arn.split(marker, 1)[1]


def target_group_dimension(arn: str) -> str:
    """CloudWatch's TargetGroup value: "targetgroup/<name>/<id>", the ARN's resource part."""
    resource = arn.split(":", 5)[-1]
    if not resource.startswith("targetgroup/"):
        raise ValueError(f"not a target group ARN: {arn!r}")
    return resource


@dataclass(frozen=True, slots=True)
class MetricTargets:
    """What the queries are about: CloudWatch dimension values, not names or ARNs."""

    load_balancer: str  # app/<name>/<id>
    target_group: str  # targetgroup/<name>/<id>
    rds_instance: str
    instance_ids: tuple[str, ...]  # the instances whose CPU is read, at most CPU_QUERY_BUDGET


@dataclass(frozen=True, slots=True)
class MetricReadings:
    series: dict[str, tuple[Point, ...]]  # keys of SERIES, oldest first
    instance_cpu: dict[str, Point | None]  # latest minute per instance read, None when there is none


def metric_window(now: datetime, minutes: int) -> tuple[datetime, datetime]:
    """Complete minutes only: [now floored to the minute - minutes, now floored).

    Aligned to the period because CloudWatch (and moto, which buckets from StartTime) would otherwise
    return buckets that straddle minutes.
    """
    end = now.astimezone(UTC).replace(second=0, microsecond=0)
    return end - timedelta(minutes=minutes), end


def instance_query_id(index: int) -> str:
    return f"cpu_{index}"


def _dims(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [{"Name": name, "Value": value} for name, value in pairs]


def _query(query_id: str, namespace: str, metric: str, stat: str, dimensions: list[dict[str, str]]) -> dict[str, Any]:
    return {
        "Id": query_id,
        "MetricStat": {
            "Metric": {"Namespace": namespace, "MetricName": metric, "Dimensions": dimensions},
            "Period": PERIOD_S,
            "Stat": stat,
        },
        "ReturnData": True,
    }


def metric_queries(targets: MetricTargets) -> list[dict[str, Any]]:
    if len(targets.instance_ids) > CPU_QUERY_BUDGET:
        raise ValueError(f"{len(targets.instance_ids)} instance CPUs do not fit in one GetMetricData call")
    dimension_sets = {
        "lb": _dims(("LoadBalancer", targets.load_balancer)),
        "tg": _dims(("TargetGroup", targets.target_group), ("LoadBalancer", targets.load_balancer)),
        "db": _dims(("DBInstanceIdentifier", targets.rds_instance)),
    }
    queries = [
        _query(key, namespace, metric, stat, dimension_sets[dims])
        for key, (namespace, metric, stat, dims) in SERIES.items()
    ]
    queries += [
        _query(instance_query_id(i), EC2, "CPUUtilization", "Average", _dims(("InstanceId", iid)))
        for i, iid in enumerate(targets.instance_ids)
    ]
    return queries


def collect_points(results: Iterable[Mapping[str, Any]]) -> dict[str, dict[datetime, float]]:
    """Merge MetricDataResults (possibly spread over NextToken pages) into id -> {minute: value}."""
    merged: dict[str, dict[datetime, float]] = {}
    for result in results:
        status = result.get("StatusCode", "Complete")
        query_id = str(result["Id"])
        if status == "Forbidden":
            raise SourceError(FailureKind.AUTH, f"cloudwatch:GetMetricData forbidden for query {query_id}")
        if status == "InternalError":
            raise SourceError(FailureKind.ERROR, f"CloudWatch failed to compute query {query_id}")
        timestamps, values = result["Timestamps"], result["Values"]
        if len(timestamps) != len(values):
            raise SourceError(FailureKind.BAD_RESPONSE, f"GetMetricData: {query_id} has unpaired timestamps")
        points = merged.setdefault(query_id, {})
        for at, value in zip(timestamps, values, strict=True):
            points[at.astimezone(UTC)] = float(value)
    return merged


def readings(
    points: Mapping[str, Mapping[datetime, float]], targets: MetricTargets, start: datetime, end: datetime
) -> MetricReadings:
    """Series oldest first within [start, end); a query missing from the answer means a partial response."""
    expected = [*SERIES, *(instance_query_id(i) for i in range(len(targets.instance_ids)))]
    absent = [query_id for query_id in expected if query_id not in points]
    if absent:
        raise SourceError(FailureKind.BAD_RESPONSE, f"GetMetricData left out {len(absent)} queries ({absent[0]}, ...)")

    def series(query_id: str) -> tuple[Point, ...]:
        return tuple(Point(at, value) for at, value in sorted(points[query_id].items()) if start <= at < end)

    cpu: dict[str, Point | None] = {}
    for i, iid in enumerate(targets.instance_ids):
        latest = series(instance_query_id(i))
        cpu[iid] = latest[-1] if latest else None
    return MetricReadings({key: series(key) for key in SERIES}, cpu)
