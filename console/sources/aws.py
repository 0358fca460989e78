"""The AWS source: the Auto Scaling group, its targets' health and CloudWatch, read with boto3.

Per fetch: DescribeAutoScalingGroups, DescribeTargetHealth and one GetMetricData, whatever the fleet's
size: above 493 instances it reads part of the CPUs per refresh (console.sources.aws_cpu). The load
balancer and target group are looked up by name once and cached. Any failure leaves as a SourceError.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from console.clock import Clock
from console.config import AwsConfig
from console.snapshots import AwsSnapshot, FailureKind, InstanceInfo, Point, SourceName
from console.sources.aws_clients import (
    WireCounter,
    aws_call,
    make_client,
    open_session,
    parsing,
    to_source_error,
)
from console.sources.aws_cpu import CpuRotation
from console.sources.aws_metrics import (
    MetricReadings,
    MetricTargets,
    collect_points,
    load_balancer_dimension,
    metric_queries,
    metric_window,
    readings,
    target_group_dimension,
)
from console.sources.errors import SourceError

MAX_PAGES = 10  # NextToken pages; 15 one-minute points per query never need more than one


@dataclass(frozen=True, slots=True)
class GroupReading:
    name: str
    desired: int
    min_size: int
    max_size: int
    instances: tuple[tuple[str, str, str], ...]  # (instance id, lifecycle state, health status)


@dataclass(frozen=True, slots=True)
class Balancer:
    """The load balancer and target group, resolved from their names."""

    load_balancer_dimension: str
    target_group_arn: str
    target_group_dimension: str


def parse_group(response: Mapping[str, Any], name: str) -> GroupReading:
    groups = response["AutoScalingGroups"]
    match = [g for g in groups if g["AutoScalingGroupName"] == name]
    if not match:
        raise SourceError(FailureKind.NOT_FOUND, f"Auto Scaling group {name!r} not found")
    group = match[0]
    instances = tuple(
        (str(i["InstanceId"]), str(i["LifecycleState"]), str(i["HealthStatus"])) for i in group["Instances"]
    )
    return GroupReading(name, int(group["DesiredCapacity"]), int(group["MinSize"]), int(group["MaxSize"]), instances)


def parse_target_health(response: Mapping[str, Any]) -> dict[str, str]:
    return {str(d["Target"]["Id"]): str(d["TargetHealth"]["State"]) for d in response["TargetHealthDescriptions"]}


def fleet_instances(group: GroupReading, health: Mapping[str, str]) -> tuple[InstanceInfo, ...]:
    """The group's instances with their target health; CPU comes later."""
    return tuple(
        InstanceInfo(iid, lifecycle, status, health.get(iid), None) for iid, lifecycle, status in group.instances
    )


def build_snapshot(
    measured_at: datetime,
    group: GroupReading,
    fleet: tuple[InstanceInfo, ...],
    cpu: Mapping[str, Point | None],
    metrics: MetricReadings,
) -> AwsSnapshot:
    instances = tuple(
        replace(info, cpu_percent=point.value, cpu_at=point.at) if (point := cpu.get(info.instance_id)) is not None
        else info
        for info in fleet
    )
    s = metrics.series
    return AwsSnapshot(
        measured_at=measured_at,
        group_name=group.name,
        desired_capacity=group.desired,
        min_size=group.min_size,
        max_size=group.max_size,
        instances=instances,
        request_count=s["request_count"],
        response_time=s["response_time"],
        http_5xx=s["http_5xx"],
        healthy_hosts=s["healthy_hosts"],
        unhealthy_hosts=s["unhealthy_hosts"],
        db_cpu=s["db_cpu"],
        db_connections=s["db_connections"],
    )


class AwsSource:
    """Reads the fleet and its metrics. `request_count` is how many HTTP requests the last fetch sent."""

    name = SourceName.AWS

    def __init__(
        self,
        aws_config: AwsConfig,
        clock: Clock,
        timeout: float = 8.0,
        window_minutes: int = 15,
        credentials: tuple[str, str] | None = None,
    ) -> None:
        self._config = aws_config
        self._clock = clock
        self._timeout = timeout
        self._window = window_minutes
        self._credentials = credentials
        self._clients: dict[str, Any] | None = None
        self._balancer: Balancer | None = None
        self._cpu = CpuRotation()
        self.wire = WireCounter()
        self.request_count = 0

    def client(self, service: str) -> Any:
        """The boto3 client for "cloudwatch", "autoscaling" or "elbv2", built once on first use.

        Built lazily so that a missing profile is reported by fetch() as an AUTH failure.
        """
        if self._clients is None:
            try:
                session = open_session(self._config, self._credentials)
                self._clients = {
                    name: make_client(session, name, self._config, self._timeout, self.wire)
                    for name in ("cloudwatch", "autoscaling", "elbv2")
                }
            except Exception as exc:
                raise to_source_error(exc, "opening the AWS session") from exc
        return self._clients[service]

    def fetch(self) -> AwsSnapshot:
        sent_before = self.wire.total
        try:
            return self._fetch()
        except SourceError:
            raise
        except Exception as exc:  # the contract: nothing but SourceError leaves fetch()
            raise SourceError(FailureKind.ERROR, f"AWS read failed: {type(exc).__name__}: {exc}") from exc
        finally:
            self.request_count = self.wire.total - sent_before

    def close(self) -> None:
        if self._clients is not None:
            for client in self._clients.values():
                client.close()
            self._clients = None

    def _fetch(self) -> AwsSnapshot:
        measured_at = self._clock.now()
        balancer = self._resolve()
        group = self._group()
        fleet = fleet_instances(group, self._target_health(balancer.target_group_arn))
        plan = self._cpu.plan(fleet)
        targets = MetricTargets(
            load_balancer=balancer.load_balancer_dimension,
            target_group=balancer.target_group_dimension,
            rds_instance=self._config.rds_instance,
            instance_ids=plan.instance_ids,
        )
        metrics = self._metrics(targets, measured_at)
        cpu = self._cpu.settle(plan, metrics.instance_cpu, (info.instance_id for info in fleet))
        return build_snapshot(measured_at, group, fleet, cpu, metrics)

    def _resolve(self) -> Balancer:
        if self._balancer is None:
            lb_name, tg_name = self._config.load_balancer, self._config.target_group
            with aws_call("elasticloadbalancing:DescribeLoadBalancers", f"load balancer {lb_name!r} not found"):
                lbs = self.client("elbv2").describe_load_balancers(Names=[lb_name])
            with aws_call("elasticloadbalancing:DescribeTargetGroups", f"target group {tg_name!r} not found"):
                tgs = self.client("elbv2").describe_target_groups(Names=[tg_name])
            with parsing("DescribeLoadBalancers/DescribeTargetGroups"):
                tg_arn = str(tgs["TargetGroups"][0]["TargetGroupArn"])
                self._balancer = Balancer(
                    load_balancer_dimension=load_balancer_dimension(lbs["LoadBalancers"][0]["LoadBalancerArn"]),
                    target_group_arn=tg_arn,
                    target_group_dimension=target_group_dimension(tg_arn),
                )
        return self._balancer

    def _group(self) -> GroupReading:
        name = self._config.autoscaling_group
        with aws_call("autoscaling:DescribeAutoScalingGroups", f"Auto Scaling group {name!r} not found"):
            response = self.client("autoscaling").describe_auto_scaling_groups(AutoScalingGroupNames=[name])
        with parsing("DescribeAutoScalingGroups"):
            return parse_group(response, name)

    def _target_health(self, target_group_arn: str) -> dict[str, str]:
        missing = f"target group {self._config.target_group!r} not found"
        with aws_call("elasticloadbalancing:DescribeTargetHealth", missing):
            response = self.client("elbv2").describe_target_health(TargetGroupArn=target_group_arn)
        with parsing("DescribeTargetHealth"):
            return parse_target_health(response)

    def _metrics(self, targets: MetricTargets, now: datetime) -> MetricReadings:
        start, end = metric_window(now, self._window)
        results = self._metric_pages(metric_queries(targets), start, end)
        with parsing("GetMetricData"):
            return readings(collect_points(results), targets, start, end)

    def _metric_pages(self, queries: list[dict[str, Any]], start: datetime, end: datetime) -> list[Any]:
        results: list[Any] = []
        params: dict[str, Any] = {"MetricDataQueries": queries, "StartTime": start, "EndTime": end}
        for _ in range(MAX_PAGES):
            with aws_call("cloudwatch:GetMetricData"):
                response = self.client("cloudwatch").get_metric_data(**params)
            with parsing("GetMetricData"):
                results += response["MetricDataResults"]
                token = response.get("NextToken")
            if not token:
                return results
            params["NextToken"] = token
        raise SourceError(FailureKind.BAD_RESPONSE, "GetMetricData kept paginating; the window is too large")
