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
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from botocore.stub import Stubber

from console.config import AwsConfig
from console.demo.aws_world import AwsDemoNames, AwsWorld, MotoServer, seed
from console.snapshots import FailureKind, SourceName
from console.sources.aws import AwsSource
from console.sources.aws_control import AutoScalingControl, CapacityRefused
from console.sources.aws_metrics import (
    MetricTargets,
    batches,
    metric_queries,
    metric_window,
    target_group_dimension,
)
from console.sources.errors import SourceError

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


def test_501_metric_queries_take_two_get_metric_data_calls() -> None:
    with MotoServer() as endpoint:
        names = seed(endpoint)
        big = AwsWorld(names)
        try:
            big.set_desired_capacity(494)  # 7 fleet metrics + 494 instances = 501 queries
            ids = [iid for iid, _ in big.group_instances()]
            at = campaign_minute(hours_ahead=3)
            big.put_minute_metrics(at, 1, 0.1, 0, 1, 0, 1, 1, {iid: 50.0 for iid in ids})
        finally:
            big.close()
        src = AwsSource(config(names), FixedClock(at + timedelta(minutes=1)), credentials=CREDENTIALS)
        try:
            snap = src.fetch()
        finally:
            src.close()
    targets = MetricTargets(names.load_balancer_dimension, names.target_group_dimension, names.rds_instance,
                            tuple(i.instance_id for i in snap.instances))
    assert len(metric_queries(targets)) == 501
    assert src.wire.by_operation()["GetMetricData"] == 2
    assert len(snap.instances) == 494
    assert {i.cpu_percent for i in snap.instances} == {50.0}


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
    assert [len(b) for b in batches([{}] * 1001)] == [500, 500, 1]
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
