"""The demo's AWS: moto on 127.0.0.1, seeded like the shop's fleet, driven by the simulator's calls.

Everything goes through boto3 over HTTP to a real moto server. A few tests pin the moto behaviours the
demo and the console rely on or work around, so that a moto upgrade that changes them shows up here.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest
from botocore.client import BaseClient

from console.demo.aws_world import AwsDemoNames, AwsWorld, MotoServer, seed
from console.demo.driver import Fleet

REGION = "eu-central-1"


@pytest.fixture(scope="module")
def server() -> Iterator[MotoServer]:
    moto = MotoServer()
    moto.start()
    yield moto
    moto.stop()


@pytest.fixture(scope="module")
def names(server: MotoServer) -> AwsDemoNames:
    return seed(server.endpoint_url, REGION)


@pytest.fixture(scope="module")
def world(names: AwsDemoNames) -> Iterator[AwsWorld]:
    aws = AwsWorld(names)
    yield aws
    aws.close()


def client(service: str, endpoint_url: str) -> BaseClient:
    return boto3.client(
        service,
        endpoint_url=endpoint_url,
        region_name=REGION,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


@pytest.fixture(scope="module")
def cloudwatch(names: AwsDemoNames) -> Iterator[BaseClient]:
    cw = client("cloudwatch", names.endpoint_url)
    yield cw
    cw.close()


def minute(hours_ahead: float) -> datetime:
    """A minute of campaign time ahead of the wall clock, as in a sped-up demo."""
    return (datetime.now(UTC) + timedelta(hours=hours_ahead)).replace(second=0, microsecond=0)


def read_metric(
    cw: BaseClient, namespace: str, name: str, dims: dict[str, str], stat: str, start: datetime, minutes: int
) -> list[tuple[datetime, float]]:
    query: dict[str, Any] = {
        "Id": "q",
        "MetricStat": {
            "Metric": {
                "Namespace": namespace,
                "MetricName": name,
                "Dimensions": [{"Name": k, "Value": v} for k, v in dims.items()],
            },
            "Period": 60,
            "Stat": stat,
        },
    }
    result = cw.get_metric_data(
        MetricDataQueries=[query], StartTime=start, EndTime=start + timedelta(minutes=minutes)
    )["MetricDataResults"][0]
    return sorted((t.astimezone(UTC), v) for t, v in zip(result["Timestamps"], result["Values"], strict=True))


def test_server_listens_on_loopback_only_and_frees_its_port() -> None:
    moto = MotoServer()
    endpoint = moto.start()
    assert endpoint.startswith("http://127.0.0.1:")
    port = int(endpoint.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=2):
        pass
    moto.stop()
    with pytest.raises(ConnectionRefusedError), socket.create_connection(("127.0.0.1", port), timeout=2):
        pass


def test_seed_builds_the_shop_fleet(names: AwsDemoNames) -> None:
    elbv2 = client("elbv2", names.endpoint_url)
    autoscaling = client("autoscaling", names.endpoint_url)
    rds = client("rds", names.endpoint_url)
    try:
        lb = elbv2.describe_load_balancers(Names=[names.load_balancer])["LoadBalancers"][0]
        tg = elbv2.describe_target_groups(Names=[names.target_group])["TargetGroups"][0]
        listeners = elbv2.describe_listeners(LoadBalancerArn=lb["LoadBalancerArn"])["Listeners"]
        group = autoscaling.describe_auto_scaling_groups(AutoScalingGroupNames=[names.autoscaling_group])[
            "AutoScalingGroups"
        ][0]
        db = rds.describe_db_instances(DBInstanceIdentifier=names.rds_instance)["DBInstances"][0]
    finally:
        for c in (elbv2, autoscaling, rds):
            c.close()
    assert (lb["LoadBalancerName"], lb["Scheme"], lb["Type"]) == ("shop-alb", "internet-facing", "application")
    assert lb["LoadBalancerArn"].endswith(":loadbalancer/" + names.load_balancer_dimension)
    assert names.load_balancer_dimension.startswith("app/shop-alb/")
    assert (tg["Protocol"], tg["Port"], tg["TargetType"]) == ("HTTP", 80, "instance")
    assert tg["TargetGroupArn"] == names.target_group_arn
    assert names.target_group_arn.endswith(":" + names.target_group_dimension)
    assert names.target_group_dimension.startswith("targetgroup/shop-web/")
    assert listeners[0]["DefaultActions"][0]["TargetGroupArn"] == names.target_group_arn
    assert (group["MinSize"], group["MaxSize"], group["DesiredCapacity"]) == (2, 24, 4)
    assert group["LaunchTemplate"]["LaunchTemplateName"] == "shop-web"
    assert len(group["VPCZoneIdentifier"].split(",")) == 2
    assert group.get("TargetGroupARNs", []) == []  # the simulator registers instances after warm-up
    assert db["DBInstanceClass"] == "db.r6g.2xlarge"


def test_world_reads_group_and_moves_targets(world: AwsWorld) -> None:
    instances = world.group_instances()
    assert len(instances) == world.desired_capacity() == 4
    assert {state for _, state in instances} == {"InService"}  # moto: no Pending, no warm-up
    ids = sorted(iid for iid, _ in instances)
    assert world.registered_targets() == set()
    world.register_targets(ids[:3])
    assert world.registered_targets() == set(ids[:3])
    world.deregister_targets(ids[:2])
    assert world.registered_targets() == {ids[2]}
    world.register_targets([])
    world.deregister_targets([ids[2]])
    assert world.registered_targets() == set()



def test_overloaded_instances_turn_unhealthy_in_auto_scaling_and_recover(world: AwsWorld, names: AwsDemoNames) -> None:
    """moto's target health is always "healthy": the simulator marks instances in Auto Scaling instead,
    so the instance chips agree with the UnHealthyHostCount it publishes."""
    fleet = Fleet(world, warmup_s=60.0)
    fleet.sync(0.0, initial=True)
    autoscaling = client("autoscaling", names.endpoint_url)

    def unhealthy() -> set[str]:
        group = autoscaling.describe_auto_scaling_groups(AutoScalingGroupNames=[names.autoscaling_group])
        return {i["InstanceId"] for i in group["AutoScalingGroups"][0]["Instances"] if i["HealthStatus"] == "Unhealthy"}

    try:
        fleet.set_unhealthy(2)
        assert len(unhealthy()) == 2 and unhealthy() <= fleet.registered
        fleet.set_unhealthy(1)
        assert len(unhealthy()) == 1
        fleet.set_unhealthy(0)
        assert unhealthy() == set()
    finally:
        fleet.set_unhealthy(0)
        world.deregister_targets(sorted(fleet.registered))
        autoscaling.close()

def test_minute_metrics_round_trip_with_aws_namespaces_and_future_timestamps(
    world: AwsWorld, names: AwsDemoNames, cloudwatch: BaseClient
) -> None:
    start = minute(hours_ahead=30)  # far beyond the two hours real CloudWatch would accept
    cpu = {f"i-{n:017x}": float(n % 97) for n in range(1001)}  # more than one PutMetricData call holds
    for m in range(3):
        world.put_minute_metrics(
            start + timedelta(minutes=m), request_count=1000.0 * (m + 1), response_time_s=0.25 + m,
            http_5xx=3.0 * m, healthy_hosts=4.0, unhealthy_hosts=float(m), db_cpu=40.0 + m, db_connections=120.0,
            instance_cpu={iid: value + m for iid, value in cpu.items()},
        )
    lb = {"LoadBalancer": names.load_balancer_dimension}
    tg = {"TargetGroup": names.target_group_dimension, **lb}
    db = {"DBInstanceIdentifier": names.rds_instance}
    last = "i-" + f"{1000:017x}"
    expected: dict[tuple[str, str, str], tuple[dict[str, str], list[float]]] = {
        ("AWS/ApplicationELB", "RequestCount", "Sum"): (lb, [1000, 2000, 3000]),
        ("AWS/ApplicationELB", "TargetResponseTime", "Average"): (lb, [0.25, 1.25, 2.25]),
        ("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "Sum"): (lb, [0, 3, 6]),
        ("AWS/ApplicationELB", "HealthyHostCount", "Average"): (tg, [4, 4, 4]),
        ("AWS/ApplicationELB", "UnHealthyHostCount", "Average"): (tg, [0, 1, 2]),
        ("AWS/RDS", "CPUUtilization", "Average"): (db, [40, 41, 42]),
        ("AWS/RDS", "DatabaseConnections", "Average"): (db, [120, 120, 120]),
        ("AWS/EC2", "CPUUtilization", "Average"): ({"InstanceId": last}, [cpu[last] + m for m in range(3)]),
    }
    at = [start + timedelta(minutes=m) for m in range(3)]
    for (namespace, name, stat), (dims, values) in expected.items():
        got = read_metric(cloudwatch, namespace, name, dims, stat, start, 5)
        assert got == list(zip(at, values, strict=True)), name


def test_two_servers_in_one_process_are_separate_accounts(world: AwsWorld, names: AwsDemoNames) -> None:
    with MotoServer() as other_endpoint:
        other = AwsWorld(seed(other_endpoint, REGION))  # same names: it would clash in a shared account
        try:
            other.set_desired_capacity(2)
            assert len(other.group_instances()) == 2
            assert world.desired_capacity() == 4
            assert not set(dict(other.group_instances())) & set(dict(world.group_instances()))
        finally:
            other.close()


# ---- moto behaviours the demo and the console work around


def test_moto_accepts_desired_capacity_above_max_size(names: AwsDemoNames) -> None:
    """Real AWS refuses this with a ValidationError; the console's AutoScalingControl must check it."""
    with MotoServer() as endpoint:
        aws = AwsWorld(seed(endpoint, REGION))
        try:
            aws.set_desired_capacity(30)
            assert aws.desired_capacity() == 30
        finally:
            aws.close()


def test_moto_ignores_the_namespace_when_dimensions_are_given(world: AwsWorld, cloudwatch: BaseClient) -> None:
    """Why the console never relies on the namespace alone to tell metrics apart: dimensions differ."""
    start = minute(hours_ahead=40)
    world.put_minute_metrics(start, 1, 0.1, 0, 1, 0, 55.0, 1, {"i-0namespace": 12.5})
    got = read_metric(cloudwatch, "AWS/RDS", "CPUUtilization", {"InstanceId": "i-0namespace"}, "Average", start, 2)
    assert got == [(start, 12.5)]


def test_moto_buckets_from_start_time_not_from_the_minute(world: AwsWorld, cloudwatch: BaseClient) -> None:
    """Why the console aligns StartTime to the minute (console.sources.aws_metrics.metric_window)."""
    start = minute(hours_ahead=50)
    world.put_minute_metrics(start + timedelta(minutes=1), 7, 0.1, 0, 1, 0, 1, 1, {})
    got = read_metric(
        cloudwatch, "AWS/ApplicationELB", "RequestCount", {"LoadBalancer": world.names.load_balancer_dimension},
        "Sum", start + timedelta(seconds=30), 3,
    )
    assert got == [(start + timedelta(seconds=30), 7.0)]
