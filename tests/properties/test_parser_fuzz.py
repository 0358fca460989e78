"""Every response parser, fed anything JSON can hold (and bodies that are almost right): a value or the
parser's declared error, never another exception. The poller would survive one (it catches everything),
but the tile would then say "unexpected error: KeyError" instead of what is wrong with the answer."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime
from typing import Any

import cloudflare
import httpx
from hypothesis import example, given
from hypothesis import strategies as st

from console.snapshots import FailureKind
from console.sources import cloudflare_parse as cf
from console.sources import shop_body as shop
from console.sources.aws import parse_group, parse_target_health
from console.sources.aws_clients import parsing
from console.sources.aws_metrics import (
    MetricTargets,
    collect_points,
    load_balancer_dimension,
    metric_window,
    readings,
    target_group_dimension,
)
from console.sources.errors import SourceError
from tests.properties.strategies import bent, boto_values, fuzz, json_values

NOW = datetime(2026, 12, 4, 9, 30, tzinfo=UTC)
FUZZ = fuzz(150)


def envelope(result: object) -> dict[str, object]:
    return {"success": True, "errors": [], "messages": [], "result": result}


CF_LEVEL = envelope({"id": "security_level", "value": "medium", "editable": True})
CF_ROOM = envelope({"id": "r1", "name": "sale", "host": "tickets.example.com", "queue_all": False,
                    "suspended": False, "new_users_per_minute": 200, "total_active_users": 300})
CF_STATUS = envelope({"status": "queueing", "estimated_queued_users": 10, "estimated_total_active_users": 300,
                      "max_estimated_time_minutes": 5, "event_id": ""})
CF_TRAFFIC = {"data": {"viewer": {"zones": [{"httpRequests1mGroups": [
    {"dimensions": {"datetimeMinute": "2026-12-04T09:00:00Z"},
     "sum": {"requests": 10, "cachedRequests": 9, "bytes": 100, "cachedBytes": 90, "threats": 0},
     "uniq": {"uniques": 4}}]}]}}, "errors": None}
SHOP_SALES = {"measured_at": "2026-12-04T09:00:00Z", "currency": "PLN", "tickets_sold": 40, "revenue": 15960.0,
              "orders_per_minute": 2.0, "categories": [{"name": "Płyta", "price": 399.0, "capacity": 100, "sold": 40}]}
SHOP_QUEUE = {"measured_at": "2026-12-04T09:00:00Z", "length": 10, "admitted_per_minute": 5.0,
              "admission_rate": 300, "paused": False, "estimated_wait_seconds": 2.0}
AWS_GROUP = {"AutoScalingGroups": [{"AutoScalingGroupName": "shop-web", "DesiredCapacity": 2, "MinSize": 1,
                                    "MaxSize": 4, "Instances": [{"InstanceId": "i-1", "LifecycleState": "InService",
                                                                 "HealthStatus": "Healthy"}]}]}
AWS_HEALTH = {"TargetHealthDescriptions": [{"Target": {"Id": "i-1"}, "TargetHealth": {"State": "healthy"}}]}
TARGETS = MetricTargets("app/shop-alb/1", "targetgroup/shop-web/2", "shop-db", ("i-1",))
START, END = metric_window(NOW, 15)
AWS_RESULTS = [{"Id": query_id, "Timestamps": [END.replace(minute=END.minute - 1)], "Values": [1.0],
                "StatusCode": "Complete"}
               for query_id in ["request_count", "response_time", "http_5xx", "healthy_hosts", "unhealthy_hosts",
                                "db_cpu", "db_connections", "cpu_0"]]


def cf_body(valid: object) -> st.SearchStrategy[Any]:
    return json_values | bent(valid)


# ---------------------------------------------------------------- Cloudflare


@FUZZ
@given(cf_body(CF_LEVEL), cf_body(CF_ROOM), cf_body(CF_STATUS))
def test_cloudflare_rest_bodies(level: object, room: object, status: object) -> None:
    for parse, body in ((cf.parse_security_level, level), (cf.parse_room, room), (cf.parse_room_status, status)):
        try:
            parse(body)
        except SourceError as exc:
            assert exc.kind in (FailureKind.BAD_RESPONSE, FailureKind.ERROR)
    assert isinstance(cf.errors_text(level), str)
    assert isinstance(cf.error_codes(room), frozenset)


@FUZZ
@given(cf_body(CF_TRAFFIC))
@example({"data": {"viewer": {"zones": [{"httpRequests1mGroups": [{"dimensions": {
    "datetimeMinute": "0001-01-01T00:00:00+23:59"}, "sum": {}, "uniq": {}}]}]}}})  # before year 1 in UTC
def test_cloudflare_graphql_bodies(body: object) -> None:
    try:
        rows = cf.parse_traffic(body)
    except SourceError as exc:
        assert exc.kind in (FailureKind.BAD_RESPONSE, FailureKind.ERROR, FailureKind.NOT_FOUND)
    else:
        assert [row.at for row in rows] == sorted(row.at for row in rows)


@FUZZ
@given(st.text(max_size=40) | st.none())
@example("Wed, 21 Oct 2015 07:28:00 GMT")
@example("Mon, 01 Jan 0001 00:00:00 +2359")
def test_retry_after_is_seconds_or_none(value: str | None) -> None:
    seconds = cf.retry_after_seconds(value, NOW)
    assert seconds is None or seconds >= 0.0


@FUZZ
@given(st.integers(min_value=100, max_value=599), json_values | bent(CF_LEVEL), st.text(max_size=30))
def test_any_sdk_status_error_becomes_a_source_error(status: int, body: object, retry_after: str) -> None:
    secret = "fuzz-secret-token"
    request = httpx.Request("GET", "https://api.cloudflare.com/client/v4/zones/z/settings/security_level")
    headers = {"retry-after": retry_after} if retry_after.isprintable() and retry_after.isascii() else {}
    response = httpx.Response(status, request=request, headers=headers)
    error = cloudflare.APIStatusError(f"failed {secret}", response=response, body=body)
    failure = cf.failure_from_sdk(error, secret)
    assert isinstance(failure, SourceError)
    assert secret not in failure.message
    assert failure.retry_after is None or failure.retry_after >= 0


# ---------------------------------------------------------------- shop


@FUZZ
@given(json_values | bent(SHOP_SALES, times=3), json_values | bent(SHOP_QUEUE, times=3))
def test_shop_bodies(sales: object, queue: object) -> None:
    for parse, body in ((shop.parse_sales, sales), (shop.parse_queue, queue)):
        try:
            parse(body)
        except shop.ShopBodyError as exc:
            assert str(exc)


@FUZZ
@given(st.binary(max_size=120) | st.text(max_size=60).map(str.encode) | json_values.map(lambda v: repr(v).encode()))
@example(b"[" * 100_000)
@example(b'{"error": {"code": "x", "message": "' + b"\xff" + b'"}}')
def test_shop_raw_bytes(raw: bytes) -> None:
    with contextlib.suppress(shop.ShopBodyError):
        shop.decode_json(raw)
    said = shop.parse_error(raw)
    assert said is None or ("\n" not in said.message and len(said.message) <= shop.MAX_MESSAGE)


@FUZZ
@given(st.text(max_size=40) | st.none(), json_values)
def test_shop_retry_after_and_timestamps(value: str | None, stamp: object) -> None:
    seconds = shop.parse_retry_after(value, NOW)
    assert seconds is None or seconds >= 0.0
    with contextlib.suppress(shop.ShopBodyError):
        shop.parse_timestamp(stamp, "sales.measured_at")


# ---------------------------------------------------------------- AWS (what boto3 hands back)


def aws_parse(action: str, parse: Any, *args: object) -> None:
    """aws.py reads every response inside `parsing(...)`: only a SourceError may come out."""
    try:
        with parsing(action):
            parse(*args)
    except SourceError as exc:
        assert exc.kind in (FailureKind.BAD_RESPONSE, FailureKind.NOT_FOUND, FailureKind.AUTH, FailureKind.ERROR)


@FUZZ
@given(boto_values | bent(AWS_GROUP, boto_values), boto_values | bent(AWS_HEALTH, boto_values))
@example({"AutoScalingGroups": [{"AutoScalingGroupName": "shop-web", "DesiredCapacity": float("inf"),
                                 "MinSize": 1, "MaxSize": 4, "Instances": []}]}, AWS_HEALTH)
def test_aws_group_and_target_health(group: object, health: object) -> None:
    aws_parse("DescribeAutoScalingGroups", parse_group, group, "shop-web")
    aws_parse("DescribeTargetHealth", parse_target_health, health)


@FUZZ
@given(boto_values | bent(AWS_RESULTS, boto_values, times=3))
@example([{"Id": "db_cpu", "Timestamps": [datetime(1, 1, 1, tzinfo=UTC)], "Values": [10**400]}])
def test_aws_metric_data(results: object) -> None:
    aws_parse("GetMetricData", lambda r: readings(collect_points(r), TARGETS, START, END), results)


@FUZZ
@given(st.text(max_size=60) | st.sampled_from(["arn:aws:elasticloadbalancing:eu:1:loadbalancer/app/a/1",
                                               "arn:aws:elasticloadbalancing:eu:1:targetgroup/t/2"]))
def test_aws_arns(arn: str) -> None:
    aws_parse("DescribeLoadBalancers", load_balancer_dimension, arn)
    aws_parse("DescribeTargetGroups", target_group_dimension, arn)
