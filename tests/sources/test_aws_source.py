"""The AWS source and the Auto Scaling control, with real boto3 over HTTP against moto on 127.0.0.1.

The demo world (console.demo.aws_world) plays the fleet: it scales the group, registers targets and
puts metrics; the source must read back exactly that. What moto cannot produce (throttling, denied
calls, expired tokens, partial or forbidden GetMetricData results) is served by botocore's Stubber on
the source's own clients, after a real fetch has resolved the load balancer over the wire.
"""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from botocore.client import BaseClient
from botocore.stub import Stubber
from PySide6.QtWidgets import QApplication

from console.config import AwsConfig
from console.demo.aws_world import AwsDemoNames, AwsWorld, MotoServer, seed
from console.snapshots import AwsSnapshot, FailureKind, InstanceInfo, SourceName
from console.sources.aws import AwsSource
from console.sources.aws_clients import open_session
from console.sources.aws_control import AutoScalingControl, CapacityRefused
from console.sources.aws_cpu import GONE, PENDING, SERVING, UNHEALTHY, WARMING, strip_rank
from console.sources.aws_metrics import (
    CPU_QUERY_BUDGET,
    MetricTargets,
    metric_queries,
    metric_window,
    target_group_dimension,
)
from console.sources.errors import SourceError
from widgets.instance_strip import MAX_CHIPS, InstanceStrip, instance_state

CREDENTIALS = ("testing", "testing")
GROUP_SIZE = 10


@dataclass
class FixedClock:
    at: datetime
    speed: float = 1.0

    def now(self) -> datetime:
        return self.at


@pytest.fixture(scope="module")
def names() -> Iterator[AwsDemoNames]:
    with MotoServer() as endpoint:
        yield seed(endpoint)


@pytest.fixture(scope="module")
def world(names: AwsDemoNames) -> Iterator[AwsWorld]:
    aws = AwsWorld(names)
    aws.set_desired_capacity(GROUP_SIZE)
    yield aws
    aws.close()


def config(names: AwsDemoNames, **changes: str) -> AwsConfig:
    values = {
        "region": names.region,
        "endpoint_url": names.endpoint_url,
        "autoscaling_group": names.autoscaling_group,
        "load_balancer": names.load_balancer,
        "target_group": names.target_group,
        "rds_instance": names.rds_instance,
        **changes,
    }
    return AwsConfig.model_validate(values)


def campaign_minute(hours_ahead: float) -> datetime:
    """Campaign time runs ahead of the wall clock in the demo; each test reads its own stretch."""
    return (datetime.now(UTC) + timedelta(hours=hours_ahead)).replace(second=0, microsecond=0)


@pytest.fixture
def source(names: AwsDemoNames, world: AwsWorld) -> Iterator[AwsSource]:
    src = AwsSource(config(names), FixedClock(campaign_minute(200)), timeout=5.0, credentials=CREDENTIALS)
    yield src
    src.close()


def failure(src: AwsSource) -> SourceError:
    with pytest.raises(SourceError) as caught:
        src.fetch()
    return caught.value


# ---- reading back what the world put


def test_snapshot_holds_exactly_what_the_world_published(names: AwsDemoNames, world: AwsWorld) -> None:
    start = campaign_minute(hours_ahead=6)
    ids = sorted(iid for iid, _ in world.group_instances())
    world.register_targets(ids[:6])
    for m in range(20):
        world.put_minute_metrics(
            start + timedelta(minutes=m), request_count=100.0 * m, response_time_s=0.1 + m / 100,
            http_5xx=float(m % 3), healthy_hosts=6.0, unhealthy_hosts=float(m % 2), db_cpu=30.0 + m,
            db_connections=200.0 + m, instance_cpu={iid: 10.0 * n + m for n, iid in enumerate(ids)},
        )
    clock = FixedClock(start + timedelta(minutes=20, seconds=30))
    src = AwsSource(config(names), clock, credentials=CREDENTIALS)
    try:
        snap = src.fetch()
    finally:
        src.close()
        world.deregister_targets(ids[:6])

    minutes = range(5, 20)  # the 15 complete minutes before the clock's minute
    at = [start + timedelta(minutes=m) for m in minutes]
    assert snap.measured_at == clock.at
    assert (snap.group_name, snap.desired_capacity, snap.min_size, snap.max_size) == ("shop-web", 10, 2, 24)
    assert [(p.at, p.value) for p in snap.request_count] == [(t, 100.0 * m) for t, m in zip(at, minutes, strict=True)]
    assert [p.value for p in snap.response_time] == pytest.approx([0.1 + m / 100 for m in minutes])
    assert [p.value for p in snap.http_5xx] == [float(m % 3) for m in minutes]
    assert [p.value for p in snap.healthy_hosts] == [6.0] * 15
    assert [p.value for p in snap.unhealthy_hosts] == [float(m % 2) for m in minutes]
    assert [p.value for p in snap.db_cpu] == [30.0 + m for m in minutes]
    assert [p.value for p in snap.db_connections] == [200.0 + m for m in minutes]
    by_id = {i.instance_id: i for i in snap.instances}
    assert sorted(by_id) == ids
    assert {iid: i.cpu_percent for iid, i in by_id.items()} == {iid: 10.0 * n + 19 for n, iid in enumerate(ids)}
    assert {i.cpu_at for i in snap.instances} == {start + timedelta(minutes=19)}
    assert {iid: i.target_health for iid, i in by_id.items()} == {
        iid: ("healthy" if n < 6 else None) for n, iid in enumerate(ids)
    }
    assert {(i.lifecycle_state, i.health_status) for i in snap.instances} == {("InService", "Healthy")}
    assert (snap.in_service, snap.serving) == (10, 6)


def test_no_metrics_yet_gives_empty_series_and_unknown_cpu(source: AwsSource) -> None:
    snap = source.fetch()
    assert snap.request_count == () and snap.db_cpu == ()
    assert len(snap.instances) == GROUP_SIZE
    assert {i.cpu_percent for i in snap.instances} == {None}


def test_registering_targets_changes_target_health(source: AwsSource, world: AwsWorld) -> None:
    assert {i.target_health for i in source.fetch().instances} == {None}
    newcomer = sorted(iid for iid, _ in world.group_instances())[0]
    world.register_targets([newcomer])
    try:
        after = {i.instance_id: i.target_health for i in source.fetch().instances}
    finally:
        world.deregister_targets([newcomer])
    assert after.pop(newcomer) == "healthy"
    assert set(after.values()) == {None}
    assert source.fetch().serving == 0


# ---- requests on the wire


def test_one_fetch_sends_one_get_metric_data_and_resolves_names_once(source: AwsSource) -> None:
    source.fetch()
    assert source.wire.by_operation() == {
        "DescribeLoadBalancers": 1,
        "DescribeTargetGroups": 1,
        "DescribeAutoScalingGroups": 1,
        "DescribeTargetHealth": 1,
        "GetMetricData": 1,
    }
    assert source.request_count == 5
    source.fetch()
    assert source.request_count == 3  # the load balancer and target group are cached
    assert source.wire.by_operation()["GetMetricData"] == 2


# ---- fleets larger than one GetMetricData: part of the CPUs per refresh, in rotation
# (one moto account scaled to 501, then 1000 instances; each refresh publishes a new minute, and the
# source reads a one-minute window, so an instance's cpu_at says in which refresh it was read)


@dataclass
class BigFleet:
    names: AwsDemoNames
    world: AwsWorld
    cloudwatch: BaseClient
    autoscaling: BaseClient


@pytest.fixture(scope="module")
def big() -> Iterator[BigFleet]:
    with MotoServer() as endpoint:
        names = seed(endpoint)
        world = AwsWorld(names)
        session = open_session(config(names), CREDENTIALS)
        fleet = BigFleet(names, world, session.client("cloudwatch", endpoint_url=endpoint),
                         session.client("autoscaling", endpoint_url=endpoint))
        yield fleet
        for client in (world, fleet.cloudwatch, fleet.autoscaling):
            client.close()


class Refreshes:
    """Publishes one minute of CPU per refresh and notes what each refresh read."""

    def __init__(self, fleet: BigFleet, size: int, hours_ahead: float) -> None:
        fleet.world.set_desired_capacity(size)
        self.fleet = fleet
        self.ids = sorted(iid for iid, _ in fleet.world.group_instances())
        assert len(self.ids) == size
        self.start = campaign_minute(hours_ahead)
        self.clock = FixedClock(self.start)
        self.source = AwsSource(config(fleet.names), self.clock, window_minutes=1, credentials=CREDENTIALS)
        self.read: list[set[str]] = []  # per refresh, the instances whose CPU it read
        self.snapshots: list[AwsSnapshot] = []

    def minute(self, k: int) -> datetime:
        return self.start + timedelta(minutes=k)

    def run(self, cpu: Callable[[int, str], float]) -> AwsSnapshot:
        """Refresh k publishes minute k (CPU cpu(k, id)) and reads at minute k + 1."""
        k = len(self.read)
        self.fleet.world.put_minute_metrics(self.minute(k), 1, 0.1, 0, 1, 0, 1, 1, {i: cpu(k, i) for i in self.ids})
        self.clock.at = self.minute(k + 1) + timedelta(seconds=5)
        calls_before = self.source.wire.by_operation().get("GetMetricData", 0)
        snap = self.source.fetch()
        assert self.source.wire.by_operation()["GetMetricData"] - calls_before == 1
        self.read.append({i.instance_id for i in snap.instances if i.cpu_at == self.minute(k)})
        self.snapshots.append(snap)
        return snap

    def close(self) -> None:
        self.source.close()


def every_ten(k: int, _: str) -> float:
    return 10.0 * (k + 1)


def test_501_instances_take_one_get_metric_data_per_refresh(big: BigFleet) -> None:
    fleet = Refreshes(big, 501, hours_ahead=20)  # 7 fleet metrics + 501 instances = 508 queries
    try:
        first, second = fleet.run(every_ten), fleet.run(every_ten)
        assert fleet.source.request_count == 3  # DescribeAutoScalingGroups, DescribeTargetHealth, GetMetricData
    finally:
        fleet.close()
    assert [len(read) for read in fleet.read] == [CPU_QUERY_BUDGET, CPU_QUERY_BUDGET]
    assert fleet.read[0] | fleet.read[1] == set(fleet.ids)
    assert sum(1 for i in first.instances if i.cpu_percent is None) == 501 - CPU_QUERY_BUDGET  # nothing known yet
    # Not read in the second refresh: the first refresh's value, and the minute it was measured.
    kept = [i for i in second.instances if i.instance_id not in fleet.read[1]]
    assert kept and {(i.cpu_percent, i.cpu_at) for i in kept} == {(10.0, fleet.minute(0))}
    assert {(i.cpu_percent, i.cpu_at) for i in second.instances if i.instance_id in fleet.read[1]} == {
        (20.0, fleet.minute(1))
    }


def test_1000_instances_read_every_cpu_within_three_refreshes(big: BigFleet) -> None:
    fleet = Refreshes(big, 1000, hours_ahead=21)
    try:
        for _ in range(7):
            snap = fleet.run(every_ten)
    finally:
        fleet.close()
    assert {len(read) for read in fleet.read} == {CPU_QUERY_BUDGET}
    assert all(set(fleet.ids[:MAX_CHIPS]) <= read for read in fleet.read)  # the chips: no target yet, id order
    for k in range(len(fleet.read) - 2):
        assert fleet.read[k] | fleet.read[k + 1] | fleet.read[k + 2] == set(fleet.ids), f"refreshes {k}-{k + 2}"
    # Every instance shows the value of the refresh that last read it, never older than three refreshes.
    last_read = {iid: max(k for k, read in enumerate(fleet.read) if iid in read) for iid in fleet.ids}
    assert {i.instance_id: (i.cpu_percent, i.cpu_at) for i in snap.instances} == {
        iid: (10.0 * (k + 1), fleet.minute(k)) for iid, k in last_read.items()
    }
    assert min(last_read.values()) >= len(fleet.read) - 3


def test_what_the_window_shows_is_read_every_refresh(big: BigFleet, qapp: QApplication) -> None:
    """The strip's chips (unhealthy first), the other unhealthy instances and the hottest: every refresh."""
    fleet = Refreshes(big, 1000, hours_ahead=22)
    unhealthy = fleet.ids[-20:]  # last in id order: the rotation alone would leave them for later
    hot = fleet.ids[700]

    def cpu(k: int, iid: str) -> float:
        return 99.0 if iid == hot else 10.0 * (k + 1)

    strip = InstanceStrip()
    for iid in unhealthy:
        big.autoscaling.set_instance_health(InstanceId=iid, HealthStatus="Unhealthy")
    try:
        for _ in range(4):
            strip.set_instances(fleet.run(cpu).instances)
            assert len(strip.chip_texts) == MAX_CHIPS
            this_refresh = f"{10 * len(fleet.read)}%"
            assert {tuple(text.split()[-2:]) for text in strip.chip_texts} == {("unhealthy", this_refresh)}
    finally:
        for iid in unhealthy:
            big.autoscaling.set_instance_health(InstanceId=iid, HealthStatus="Healthy")
        fleet.close()
        strip.deleteLater()
    assert all(set(unhealthy) <= read for read in fleet.read)
    first_seen = next(k for k, read in enumerate(fleet.read) if hot in read)
    assert all(hot in read for read in fleet.read[first_seen:])
    assert first_seen <= 2


def test_a_failed_refresh_does_not_move_the_rotation_on(big: BigFleet) -> None:
    fleet = Refreshes(big, 1000, hours_ahead=23)
    try:
        fleet.run(every_ten)
        with Stubber(fleet.source.client("cloudwatch")) as stub:
            stub.add_client_error("get_metric_data", "ThrottlingException", "Rate exceeded", 400)
            assert failure(fleet.source).kind is FailureKind.THROTTLED
        fleet.read.append(set())  # the failed refresh read nothing
        fleet.run(every_ten)
    finally:
        fleet.close()
    # Read twice: only the pinned chips (equal CPUs make the hottest the same first 16 ids). The rest of
    # the second good refresh is the rotation's next stretch, which the failed refresh did not take away.
    assert fleet.read[0] & fleet.read[2] == set(fleet.ids[:MAX_CHIPS])
    assert len(fleet.read[2]) == CPU_QUERY_BUDGET


def test_the_pinned_order_is_the_strips() -> None:
    colour = {"unhealthy": UNHEALTHY, "warming": WARMING, "pending": PENDING, "healthy": SERVING, "gone": GONE}
    lifecycles = ("Pending", "Pending:Wait", "InService", "Terminating", "Terminated", "Detaching", "Standby",
                  "EnteringStandby", "Warmed:Running")
    targets = (None, "initial", "healthy", "unhealthy", "draining", "unused", "unavailable")
    for lifecycle in lifecycles:
        for health in ("Healthy", "Unhealthy"):
            for target in targets:
                info = InstanceInfo("i-1", lifecycle, health, target, None)
                assert strip_rank(info) == colour[instance_state(info)[1]], info


# ---- failures over the wire


@pytest.mark.parametrize(
    ("field", "value", "named"),
    [
        ("autoscaling_group", "no-such-group", "Auto Scaling group 'no-such-group' not found"),
        ("load_balancer", "no-such-alb", "load balancer 'no-such-alb' not found"),
        ("target_group", "no-such-tg", "target group 'no-such-tg' not found"),
    ],
)
def test_unknown_names_are_not_found(names: AwsDemoNames, field: str, value: str, named: str) -> None:
    src = AwsSource(config(names, **{field: value}), FixedClock(campaign_minute(1)), credentials=CREDENTIALS)
    try:
        error = failure(src)
    finally:
        src.close()
    assert (error.kind, error.message) == (FailureKind.NOT_FOUND, named)


def test_a_stopped_server_is_unreachable() -> None:
    moto = MotoServer()
    names = seed(moto.start())
    moto.stop()
    src = AwsSource(config(names), FixedClock(campaign_minute(1)), timeout=2.0, credentials=CREDENTIALS)
    try:
        error = failure(src)
    finally:
        src.close()
    assert error.kind is FailureKind.UNREACHABLE
    assert "elasticloadbalancing:DescribeLoadBalancers" in error.message


@pytest.fixture
def silent_endpoint() -> Iterator[str]:
    """Accepts connections (the kernel completes them) and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    listener.close()


def test_a_silent_server_times_out(names: AwsDemoNames, silent_endpoint: str) -> None:
    src = AwsSource(config(names, endpoint_url=silent_endpoint), FixedClock(campaign_minute(1)), timeout=0.3,
                    credentials=CREDENTIALS)
    try:
        error = failure(src)
    finally:
        src.close()
    assert error.kind is FailureKind.TIMEOUT
    assert src.request_count == 2  # total_max_attempts=2: one try and one retry, no more


class _Garbage(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = b"<html>maintenance page</html"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def garbage_endpoint() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Garbage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(5)


def test_an_unreadable_body_is_a_bad_response(names: AwsDemoNames, garbage_endpoint: str) -> None:
    src = AwsSource(config(names, endpoint_url=garbage_endpoint), FixedClock(campaign_minute(1)),
                    credentials=CREDENTIALS)
    try:
        assert failure(src).kind is FailureKind.BAD_RESPONSE
    finally:
        src.close()


def test_no_credentials_and_unknown_profile_are_auth_failures(
    names: AwsDemoNames, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for variable in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
                     "AWS_DEFAULT_PROFILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
                     "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_WEB_IDENTITY_TOKEN_FILE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", f"{tmp_path}/config")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", f"{tmp_path}/credentials")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    nobody = AwsSource(config(names), FixedClock(campaign_minute(1)))
    stranger = AwsSource(config(names, profile="war-room"), FixedClock(campaign_minute(1)))
    try:
        no_credentials, no_profile = failure(nobody), failure(stranger)
    finally:
        nobody.close()
        stranger.close()
    assert no_credentials.kind is FailureKind.AUTH and "credentials" in no_credentials.message
    assert (no_profile.kind, no_profile.message) == (FailureKind.AUTH, "AWS profile not found: war-room")


# ---- what moto cannot serve: botocore's Stubber on the source's clients


@pytest.fixture
def primed(source: AwsSource) -> AwsSource:
    """A source whose load balancer and target group were resolved over the wire."""
    source.fetch()
    return source


@pytest.mark.parametrize(
    ("code", "status", "kind", "text"),
    [
        ("Throttling", 400, FailureKind.THROTTLED, "autoscaling:DescribeAutoScalingGroups throttled"),
        ("AccessDenied", 403, FailureKind.AUTH, "autoscaling:DescribeAutoScalingGroups denied"),
        ("ExpiredToken", 403, FailureKind.AUTH, "expired"),
        ("InvalidClientTokenId", 403, FailureKind.AUTH, "rejected the credentials"),
        ("InternalFailure", 500, FailureKind.ERROR, "HTTP 500"),
    ],
)
def test_autoscaling_errors_are_classified(
    primed: AwsSource, code: str, status: int, kind: FailureKind, text: str
) -> None:
    with Stubber(primed.client("autoscaling")) as stub:
        stub.add_client_error("describe_auto_scaling_groups", code, "said AWS", status)
        error = failure(primed)
    assert error.kind is kind
    assert text in error.message


def test_denied_target_health_names_the_permission(primed: AwsSource) -> None:
    with Stubber(primed.client("elbv2")) as stub:
        stub.add_client_error("describe_target_health", "AccessDenied", "not authorized", 403)
        error = failure(primed)
    assert (error.kind, error.message.split(" (")[0]) == (
        FailureKind.AUTH, "elasticloadbalancing:DescribeTargetHealth denied"
    )


def test_throttled_cloudwatch_is_throttled(primed: AwsSource) -> None:
    with Stubber(primed.client("cloudwatch")) as stub:
        stub.add_client_error("get_metric_data", "ThrottlingException", "Rate exceeded", 400)
        assert failure(primed).kind is FailureKind.THROTTLED


def test_partial_and_forbidden_metric_results(primed: AwsSource) -> None:
    complete = {"Timestamps": [], "Values": [], "StatusCode": "Complete"}
    with Stubber(primed.client("cloudwatch")) as stub:
        stub.add_response("get_metric_data", {"MetricDataResults": [{"Id": "request_count", **complete}]})
        partial = failure(primed)
    with Stubber(primed.client("cloudwatch")) as stub:
        forbidden = {"Id": "db_cpu", "Timestamps": [], "Values": [], "StatusCode": "Forbidden"}
        stub.add_response("get_metric_data", {"MetricDataResults": [forbidden]})
        denied = failure(primed)
    assert partial.kind is FailureKind.BAD_RESPONSE and "left out" in partial.message
    assert denied.kind is FailureKind.AUTH


def test_a_malformed_target_health_is_a_bad_response(primed: AwsSource) -> None:
    with Stubber(primed.client("elbv2")) as stub:
        stub.add_response("describe_target_health", {"TargetHealthDescriptions": [{"Target": {"Id": "i-1"}}]})
        assert failure(primed).kind is FailureKind.BAD_RESPONSE


def test_source_name_and_pure_helpers() -> None:
    assert AwsSource.name is SourceName.AWS
    start, end = metric_window(datetime(2026, 12, 1, 9, 59, 42, 5, tzinfo=UTC), 15)
    assert (start, end) == (datetime(2026, 12, 1, 9, 44, tzinfo=UTC), datetime(2026, 12, 1, 9, 59, tzinfo=UTC))
    one_too_many = MetricTargets("app/a/1", "targetgroup/t/2", "db", tuple(f"i-{n}" for n in range(494)))
    with pytest.raises(ValueError, match="do not fit in one GetMetricData call"):
        metric_queries(one_too_many)
    assert len(metric_queries(replace(one_too_many, instance_ids=one_too_many.instance_ids[:493]))) == 500
    with pytest.raises(ValueError, match="not a target group ARN"):
        target_group_dimension("arn:aws:elasticloadbalancing:eu-central-1:1:loadbalancer/app/x/1")


# ---- the Auto Scaling control


@pytest.fixture
def control(names: AwsDemoNames, world: AwsWorld) -> Iterator[AutoScalingControl]:
    ctl = AutoScalingControl(config(names), timeout=5.0, credentials=CREDENTIALS)
    yield ctl
    ctl.close()


def test_control_refuses_beyond_the_group_limits_and_changes_nothing(
    control: AutoScalingControl, world: AwsWorld
) -> None:
    capacity = control.describe()
    assert (capacity.desired, capacity.min_size, capacity.max_size) == (GROUP_SIZE, 2, 24)
    with pytest.raises(CapacityRefused, match="MaxSize 24"):
        control.set_desired_capacity(25)
    with pytest.raises(CapacityRefused, match="MinSize 2"):
        control.set_desired_capacity(1)
    assert world.desired_capacity() == GROUP_SIZE
    assert len(world.group_instances()) == GROUP_SIZE
    assert "SetDesiredCapacity" not in control.wire.by_operation()


def test_control_sets_capacity_within_limits(control: AutoScalingControl, world: AwsWorld) -> None:
    try:
        assert control.set_desired_capacity(12) == (GROUP_SIZE, 12)
        assert world.desired_capacity() == 12
        assert len(world.group_instances()) == 12
    finally:
        assert control.set_desired_capacity(GROUP_SIZE, honor_cooldown=False) == (12, GROUP_SIZE)
    assert control.wire.by_operation()["SetDesiredCapacity"] == 2


def test_control_on_an_unknown_group_is_not_found(names: AwsDemoNames) -> None:
    ctl = AutoScalingControl(config(names, autoscaling_group="ghost"), credentials=CREDENTIALS)
    try:
        with pytest.raises(SourceError) as caught:
            ctl.set_desired_capacity(3)
    finally:
        ctl.close()
    assert (caught.value.kind, caught.value.message) == (FailureKind.NOT_FOUND, "Auto Scaling group 'ghost' not found")
    assert "SetDesiredCapacity" not in ctl.wire.by_operation()  # moto would answer it with an HTML 500
