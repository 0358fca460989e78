"""The demo's AWS: moto in server mode on 127.0.0.1, seeded with the shop's fleet, and the calls the
on-sale simulator makes to play the parts moto leaves out.

moto serves the real AWS APIs, so the console reads it with the same boto3 code it uses in production.
What moto does not do, and the simulator must: instances of the group are
InService at once (the simulator registers them with the target group only after a warm-up, which is
why the group is not attached to the target group); target health is always "healthy", so the simulator
marks overloaded instances Unhealthy in Auto Scaling instead (SetInstanceHealth); nothing
publishes metrics, so the simulator puts one minute at a time, with AWS's own namespaces and
dimensions. Real CloudWatch refuses PutMetricData into "AWS/" namespaces and timestamps more than two
hours ahead; moto accepts both, and the demo needs both: its campaign clock runs ahead of the wall.

moto keeps its state in process-wide dictionaries keyed by account id, so two servers in one process
would share one AWS. Each MotoServer therefore answers as its own account (it stamps moto's
`x-moto-account-id` header on every request it receives), and two servers in one process stay
apart. This does not hold if MOTO_ACCOUNT_ID is set in the environment, which moto puts first.
moto's ThreadedMotoServer is not used because it cannot do that, prints on start, logs every request
and leaves its socket open after stop; this is the same werkzeug server with those changes.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

import boto3
from botocore.client import BaseClient
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
from werkzeug.serving import BaseWSGIServer, make_server

from console.sources.aws_metrics import ALB, EC2, RDS, load_balancer_dimension, target_group_dimension

log = logging.getLogger(__name__)

FAKE_CREDENTIALS = ("testing", "testing")
MAX_METRICS_PER_PUT = 1000  # PutMetricData's limit per request
DEMO_AMI = "ami-12c6146b"  # one of the images moto knows
WEB_INSTANCE_TYPE = "c6i.large"
DB_INSTANCE_CLASS = "db.r6g.2xlarge"

StartResponse = Callable[..., Any]


@dataclass(frozen=True)
class AwsDemoNames:
    region: str
    endpoint_url: str
    autoscaling_group: str
    load_balancer: str  # name
    target_group: str  # name
    rds_instance: str
    load_balancer_dimension: str  # CloudWatch's LoadBalancer value: app/shop-alb/<id>
    target_group_dimension: str  # CloudWatch's TargetGroup value: targetgroup/shop-web/<id>
    target_group_arn: str


class _AccountScope:
    """WSGI middleware: every request reaches moto as the given account's."""

    def __init__(self, app: Callable[[dict[str, Any], StartResponse], Iterable[bytes]], account_id: str) -> None:
        self._app = app
        self._account_id = account_id

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        environ["HTTP_X_MOTO_ACCOUNT_ID"] = self._account_id
        return self._app(environ, start_response)


class _QuietHandler(MotoRequestHandler):
    """Requests go to the debug log instead of werkzeug's stderr line per request."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        log.debug("moto %s %s", self.requestline, code)


class MotoServer:
    """moto on 127.0.0.1 (a free port unless one is given), as its own AWS account."""

    def __init__(self, port: int = 0, account_id: str | None = None) -> None:
        self._port = port
        self.account_id = account_id or str(random.SystemRandom().randrange(10**11, 10**12))
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def endpoint_url(self) -> str:
        if self._server is None:
            raise RuntimeError("the moto server is not running")
        return f"http://127.0.0.1:{self._server.server_port}"

    def start(self) -> str:
        if self._server is None:
            app = _AccountScope(DomainDispatcherApplication(create_backend_app), self.account_id)
            self._server = make_server("127.0.0.1", self._port, app, threaded=True, request_handler=_QuietHandler)
            self._thread = threading.Thread(target=self._server.serve_forever, name="moto", daemon=True)
            self._thread.start()
        return self.endpoint_url

    def stop(self) -> None:
        """Stop serving and free the port. The account's state stays in moto's memory until exit."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            if self._thread is not None:
                self._thread.join(5)
            self._server = None
            self._thread = None

    def __enter__(self) -> str:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def _client(service: str, endpoint_url: str, region: str) -> BaseClient:
    key_id, secret = FAKE_CREDENTIALS
    return boto3.client(
        service,
        endpoint_url=endpoint_url,
        region_name=region,
        aws_access_key_id=key_id,
        aws_secret_access_key=secret,
    )


def seed(endpoint_url: str, region: str = "eu-central-1") -> AwsDemoNames:
    """Create the shop's fleet in a fresh moto account: network, ALB + target group, the group, the DB.

    The group starts at 4 of 2..24 instances. Seeding the same account twice fails on the names.
    """
    ec2 = _client("ec2", endpoint_url, region)
    elbv2 = _client("elbv2", endpoint_url, region)
    autoscaling = _client("autoscaling", endpoint_url, region)
    rds = _client("rds", endpoint_url, region)
    try:
        vpc = ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
        subnets = [
            ec2.create_subnet(VpcId=vpc, CidrBlock=cidr, AvailabilityZone=f"{region}{zone}")["Subnet"]["SubnetId"]
            for cidr, zone in (("10.20.0.0/20", "a"), ("10.20.16.0/20", "b"))
        ]
        ec2.create_launch_template(
            LaunchTemplateName="shop-web",
            LaunchTemplateData={"ImageId": DEMO_AMI, "InstanceType": WEB_INSTANCE_TYPE},
        )
        lb = elbv2.create_load_balancer(
            Name="shop-alb", Subnets=subnets, Scheme="internet-facing", Type="application"
        )["LoadBalancers"][0]
        tg = elbv2.create_target_group(
            Name="shop-web", Protocol="HTTP", Port=80, VpcId=vpc, TargetType="instance",
            HealthCheckPath="/health", HealthCheckIntervalSeconds=30,
        )["TargetGroups"][0]
        elbv2.create_listener(
            LoadBalancerArn=lb["LoadBalancerArn"], Protocol="HTTP", Port=80,
            DefaultActions=[{"Type": "forward", "TargetGroupArn": tg["TargetGroupArn"]}],
        )
        autoscaling.create_auto_scaling_group(
            AutoScalingGroupName="shop-web",
            LaunchTemplate={"LaunchTemplateName": "shop-web", "Version": "$Latest"},
            MinSize=2, MaxSize=24, DesiredCapacity=4,
            VPCZoneIdentifier=",".join(subnets),
        )
        rds.create_db_instance(
            DBInstanceIdentifier="shop-db", DBInstanceClass=DB_INSTANCE_CLASS, Engine="postgres",
            MasterUsername="shop", MasterUserPassword="demo-only-password", AllocatedStorage=200,
        )
    finally:
        for client in (ec2, elbv2, autoscaling, rds):
            client.close()
    return AwsDemoNames(
        region=region,
        endpoint_url=endpoint_url,
        autoscaling_group="shop-web",
        load_balancer="shop-alb",
        target_group="shop-web",
        rds_instance="shop-db",
        load_balancer_dimension=load_balancer_dimension(lb["LoadBalancerArn"]),
        target_group_dimension=target_group_dimension(tg["TargetGroupArn"]),
        target_group_arn=tg["TargetGroupArn"],
    )


def _chunks(items: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class AwsWorld:
    """What the simulator does to the demo's AWS, through the same APIs a real fleet would see."""

    def __init__(self, names: AwsDemoNames) -> None:
        self.names = names
        self._autoscaling = _client("autoscaling", names.endpoint_url, names.region)
        self._elbv2 = _client("elbv2", names.endpoint_url, names.region)
        self._cloudwatch = _client("cloudwatch", names.endpoint_url, names.region)

    def _group(self) -> dict[str, Any]:
        groups = self._autoscaling.describe_auto_scaling_groups(AutoScalingGroupNames=[self.names.autoscaling_group])
        return dict(groups["AutoScalingGroups"][0])

    def group_instances(self) -> list[tuple[str, str]]:
        return [(i["InstanceId"], i["LifecycleState"]) for i in self._group()["Instances"]]

    def desired_capacity(self) -> int:
        return int(self._group()["DesiredCapacity"])

    def set_desired_capacity(self, n: int) -> None:
        """Scale as the fleet's owner would in the AWS console: no caps but AWS's (which moto skips)."""
        self._autoscaling.set_desired_capacity(AutoScalingGroupName=self.names.autoscaling_group, DesiredCapacity=n)

    def registered_targets(self) -> set[str]:
        health = self._elbv2.describe_target_health(TargetGroupArn=self.names.target_group_arn)
        return {d["Target"]["Id"] for d in health["TargetHealthDescriptions"]}

    def register_targets(self, ids: Iterable[str]) -> None:
        targets = [{"Id": iid} for iid in ids]
        if targets:
            self._elbv2.register_targets(TargetGroupArn=self.names.target_group_arn, Targets=targets)

    def deregister_targets(self, ids: Iterable[str]) -> None:
        targets = [{"Id": iid} for iid in ids]
        if targets:
            self._elbv2.deregister_targets(TargetGroupArn=self.names.target_group_arn, Targets=targets)

    def set_instance_health(self, instance_id: str, healthy: bool) -> None:
        self._autoscaling.set_instance_health(InstanceId=instance_id,
                                              HealthStatus="Healthy" if healthy else "Unhealthy")

    def put_minute_metrics(
        self,
        at: datetime,
        request_count: float,
        response_time_s: float,
        http_5xx: float,
        healthy_hosts: float,
        unhealthy_hosts: float,
        db_cpu: float,
        db_connections: float,
        instance_cpu: Mapping[str, float],
    ) -> None:
        """Publish one minute (`at`, campaign time) as ALB, RDS and EC2 would: one call per namespace."""
        at = at.astimezone(UTC)
        lb = [{"Name": "LoadBalancer", "Value": self.names.load_balancer_dimension}]
        tg = [{"Name": "TargetGroup", "Value": self.names.target_group_dimension}, *lb]
        db = [{"Name": "DBInstanceIdentifier", "Value": self.names.rds_instance}]

        def datum(name: str, dims: list[dict[str, str]], value: float, unit: str) -> dict[str, Any]:
            return {"MetricName": name, "Dimensions": dims, "Timestamp": at, "Value": float(value), "Unit": unit}

        per_namespace = {
            ALB: [
                datum("RequestCount", lb, request_count, "Count"),
                datum("TargetResponseTime", lb, response_time_s, "Seconds"),
                datum("HTTPCode_Target_5XX_Count", lb, http_5xx, "Count"),
                datum("HealthyHostCount", tg, healthy_hosts, "Count"),
                datum("UnHealthyHostCount", tg, unhealthy_hosts, "Count"),
            ],
            RDS: [
                datum("CPUUtilization", db, db_cpu, "Percent"),
                datum("DatabaseConnections", db, db_connections, "Count"),
            ],
            EC2: [
                datum("CPUUtilization", [{"Name": "InstanceId", "Value": iid}], cpu, "Percent")
                for iid, cpu in instance_cpu.items()
            ],
        }
        for namespace, data in per_namespace.items():
            for chunk in _chunks(data, MAX_METRICS_PER_PUT):
                self._cloudwatch.put_metric_data(Namespace=namespace, MetricData=chunk)

    def close(self) -> None:
        for client in (self._autoscaling, self._elbv2, self._cloudwatch):
            client.close()
