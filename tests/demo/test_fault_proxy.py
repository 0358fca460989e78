"""The fault proxy over real HTTP, in front of a tiny upstream that tells what it got: forwarding, each
fault kind on the wire, and AWS's error answers as botocore reads them. What the console's own sources
make of the faults is in test_fault_proxy_sources.py.

Fault windows are short and start "now" (plan.elapsed()).
"""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

import boto3
import botocore.parsers
import botocore.session
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from console.demo.fault_answers import error_reply
from console.demo.fault_proxy import FaultProxy
from console.demo.faults import Fault, FaultPlan
from console.snapshots import FailureKind
from console.sources.aws_clients import to_source_error

WINDOW = 0.4  # seconds
CLIENT_TIMEOUT = 0.3


# ---------------------------------------------------------------- a tiny upstream that tells what it got


class _Echo(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _serve(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        seen = {"method": self.command, "path": self.path, "headers": dict(self.headers.items()), "body": body.decode()}
        data = json.dumps(seen).encode()
        self.send_response(201 if self.command == "POST" else 200)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Upstream", "echo")
        if self.path.startswith("/chunked"):
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for piece in (data[:10], data[10:], b""):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
        else:
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    do_GET = do_POST = do_PUT = _serve

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def upstream() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.fixture
def plan() -> FaultPlan:
    return FaultPlan()


@pytest.fixture
def proxy(upstream: str, plan: FaultPlan) -> Iterator[FaultProxy]:
    with FaultProxy("shop", upstream, plan) as running:
        yield running


def fault_now(plan: FaultPlan, source: str, kind: str, arg: float | None = None, window: float = WINDOW) -> Fault:
    fault = Fault(source, kind, arg, plan.elapsed(), window)  # type: ignore[arg-type]
    plan.add(fault)
    return fault


def wait_for(condition: Callable[[], bool], seconds: float = 3.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the proxy did not get there in time"
        time.sleep(0.01)


def after(plan: FaultPlan, fault: Fault, proxy: FaultProxy) -> None:
    """Wait for the window to end and the proxy to listen again."""
    time.sleep(max(fault.end - plan.elapsed(), 0) + 0.02)
    wait_for(lambda: proxy.listening)


@dataclass
class Got:
    status: int
    headers: http.client.HTTPMessage
    body: bytes


def call(proxy: FaultProxy, method: str = "GET", path: str = "/x", timeout: float = 5.0) -> Got:
    connection = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=timeout)
    try:
        connection.request(method, path)
        response = connection.getresponse()
        return Got(response.status, response.headers, response.read())
    finally:
        connection.close()


def echo_of(response: http.client.HTTPResponse, data: bytes) -> dict[str, Any]:
    assert response.status in (200, 201), data
    return dict(json.loads(data))


# ---------------------------------------------------------------- forwarding


def test_forwards_method_target_headers_and_body_and_rewrites_host(proxy: FaultProxy, upstream: str) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=5)
    connection.request("POST", "/saleday/v1/queue/pause?a=1&b=two", body=b'{"x": 1}', headers={"X-Thing": "kept"})
    response = connection.getresponse()
    seen = echo_of(response, response.read())
    assert response.status == 201 and response.getheader("X-Upstream") == "echo"
    assert seen["method"] == "POST" and seen["path"] == "/saleday/v1/queue/pause?a=1&b=two"
    assert seen["body"] == '{"x": 1}' and seen["headers"]["X-Thing"] == "kept"
    assert seen["headers"]["Host"] == urlsplit(upstream).netloc
    # keep-alive: the next request goes over the same connection
    first_socket = connection.sock
    connection.request("GET", "/again")
    response = connection.getresponse()
    assert echo_of(response, response.read())["path"] == "/again"
    assert connection.sock is first_socket
    connection.close()


def test_chunked_bodies_both_ways_arrive_whole(proxy: FaultProxy) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=5)
    connection.request("PUT", "/chunked", body=iter([b"first,", b"second"]), encode_chunked=True)
    response = connection.getresponse()
    data = response.read()
    assert response.getheader("Transfer-Encoding") is None and response.getheader("Content-Length") == str(len(data))
    seen = echo_of(response, data)
    assert seen["body"] == "first,second" and "Transfer-Encoding" not in seen["headers"]
    connection.close()


def test_base_url_for_keeps_the_path_and_only_takes_the_upstream(proxy: FaultProxy, upstream: str) -> None:
    assert proxy.base_url_for(upstream + "/client/v4") == f"http://127.0.0.1:{proxy.port}/client/v4"
    assert proxy.base_url_for(upstream) == f"http://127.0.0.1:{proxy.port}"
    with pytest.raises(ValueError, match="not on this proxy's upstream"):
        proxy.base_url_for("http://127.0.0.1:1/saleday/v1")


def test_an_unreachable_upstream_looks_unreachable(plan: FaultPlan) -> None:
    with socket.socket() as spare:
        spare.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{spare.getsockname()[1]}"
    with FaultProxy("shop", dead, plan) as proxy, pytest.raises((ConnectionError, http.client.HTTPException)):
        call(proxy)


# ---------------------------------------------------------------- the fault kinds, seen on the wire


def envelope(code: int, message: str) -> dict[str, object]:
    return {"success": False, "errors": [{"code": code, "message": message}], "messages": [], "result": None}


EXPECTED_BODIES = {
    ("shop", 500): {"error": {"code": "internal", "message": "the shop could not answer, try again shortly"}},
    ("shop", 429): {"error": {"code": "rate_limited", "message": "too many requests, retry in 12 s"}},
    ("shop", 401): {"error": {"code": "unauthenticated", "message": "missing or invalid API key"}},
    ("shop", 403): {"error": {"code": "forbidden", "message": "this API key may not do this"}},
    ("cloudflare", 500): envelope(10002, "An unknown error has occurred"),
    ("cloudflare", 429): envelope(971, "Please wait and consider throttling your request speed"),
    ("cloudflare", 401): envelope(10000, "Authentication error"),
    ("cloudflare", 403): envelope(10000, "Authentication error"),
}


@pytest.mark.parametrize(("source", "status"), sorted(EXPECTED_BODIES))
def test_error_faults_answer_in_the_backends_own_shape(
    upstream: str, plan: FaultPlan, source: str, status: int
) -> None:
    with FaultProxy(source, upstream, plan) as proxy:
        fault = fault_now(plan, source, f"http{status}", 12 if status == 429 else None)
        got = call(proxy)
    assert got.status == status and json.loads(got.body) == EXPECTED_BODIES[source, status]
    assert got.headers["Content-Type"].startswith("application/json")
    assert got.headers["X-Saleday-Fault"] == str(fault)
    assert got.headers["Retry-After"] == ("12" if status == 429 else None)
    assert (got.headers["WWW-Authenticate"] is not None) is ((source, status) == ("shop", 401))


def test_latency_delays_then_forwards(proxy: FaultProxy, plan: FaultPlan) -> None:
    fault_now(plan, "shop", "latency", 0.3)
    started = time.monotonic()
    assert call(proxy).status == 200
    assert time.monotonic() - started >= 0.3


def test_malformed_is_a_200_with_the_body_cut_short(proxy: FaultProxy, plan: FaultPlan) -> None:
    whole = call(proxy, "POST", "/m")
    fault_now(plan, "shop", "malformed")
    cut = call(proxy, "POST", "/m")
    assert whole.status == 201 and cut.status == 200
    assert cut.headers["Content-Type"] == "application/json" and cut.headers["X-Upstream"] == "echo"
    assert whole.body.startswith(cut.body) and 0 < len(cut.body) < len(whole.body)
    with pytest.raises(ValueError):
        json.loads(cut.body)


def test_timeout_holds_until_the_client_gives_up(proxy: FaultProxy, plan: FaultPlan) -> None:
    fault_now(plan, "shop", "timeout", window=5.0)
    threads = threading.active_count()
    with pytest.raises(TimeoutError):
        call(proxy, timeout=CLIENT_TIMEOUT)
    wait_for(lambda: threading.active_count() <= threads)  # the proxy let go of the request
    with pytest.raises(TimeoutError):
        call(proxy, timeout=CLIENT_TIMEOUT)


def test_a_held_request_is_closed_unanswered_after_max_hold(upstream: str, plan: FaultPlan) -> None:
    with FaultProxy("shop", upstream, plan, max_hold=0.3) as proxy:
        fault_now(plan, "shop", "timeout", window=5.0)
        started = time.monotonic()
        with pytest.raises(http.client.RemoteDisconnected):
            call(proxy, timeout=5)
        assert 0.3 <= time.monotonic() - started < 2


def test_refuse_stops_listening_and_comes_back_on_the_same_port(proxy: FaultProxy, plan: FaultPlan) -> None:
    kept_alive = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=2)
    kept_alive.request("GET", "/before")
    kept_alive.getresponse().read()
    port = proxy.port
    fault = fault_now(plan, "shop", "refuse")
    wait_for(lambda: not proxy.listening)
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    with pytest.raises((ConnectionError, http.client.HTTPException)):  # the open connection was cut
        kept_alive.request("GET", "/during")
        kept_alive.getresponse()
    after(plan, fault, proxy)
    assert proxy.port == port and call(proxy).status == 200


def test_stop_ends_held_requests_and_frees_the_port(upstream: str, plan: FaultPlan) -> None:
    proxy = FaultProxy("shop", upstream, plan).start()
    port = proxy.port
    fault_now(plan, "shop", "timeout", window=30.0)
    held = ThreadPoolExecutor(1)
    outcome = held.submit(call, proxy, "GET", "/x", 10.0)
    time.sleep(0.2)
    started = time.monotonic()
    proxy.stop()
    assert time.monotonic() - started < 2
    with pytest.raises((ConnectionError, http.client.HTTPException)):
        outcome.result(5)
    held.shutdown()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=1)


def test_faults_of_other_sources_do_not_apply(proxy: FaultProxy, plan: FaultPlan) -> None:
    fault_now(plan, "aws", "http500")
    fault_now(plan, "cloudflare", "refuse")
    assert call(proxy).status == 200


# ---------------------------------------------------------------- AWS errors as botocore reads them

AWS_CODES = {429: ("Throttling", FailureKind.THROTTLED), 401: ("ExpiredToken", FailureKind.AUTH),
             403: ("AccessDenied", FailureKind.AUTH), 500: ("InternalFailure", FailureKind.ERROR)}
AWS_CALLS: dict[str, Callable[[Any], object]] = {
    "autoscaling": lambda c: c.describe_auto_scaling_groups(AutoScalingGroupNames=["shop-web"]),  # query
    "elbv2": lambda c: c.describe_target_health(TargetGroupArn="arn:aws:elasticloadbalancing:x"),  # query
    "cloudwatch": lambda c: c.list_metrics(Namespace="AWS/EC2"),  # JSON (or CBOR) in query-compatible mode
}


@pytest.mark.parametrize("service", sorted(AWS_CALLS))
def test_aws_errors_reach_boto3_with_the_codes_the_console_maps(upstream: str, plan: FaultPlan, service: str) -> None:
    with FaultProxy("aws", upstream, plan) as proxy:
        client = boto3.client(
            service, endpoint_url=proxy.base_url, region_name="eu-central-1",
            aws_access_key_id="testing", aws_secret_access_key="testing",
            config=Config(retries={"mode": "standard", "total_max_attempts": 1}),
        )
        for status, (code, kind) in AWS_CODES.items():
            fault_now(plan, "aws", f"http{status}", window=30)  # the latest fault overrides the earlier ones
            with pytest.raises(ClientError) as caught:
                AWS_CALLS[service](client)
            assert caught.value.response["Error"]["Code"] == code
            assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == status
            assert to_source_error(caught.value, service).kind is kind
        client.close()


@pytest.mark.parametrize("status", sorted(AWS_CODES))
def test_aws_errors_in_cbor_parse_as_botocore_reads_rpc_v2(plan: FaultPlan, status: int) -> None:
    request = http.client.HTTPMessage()
    request["Content-Type"] = "application/cbor"
    request["smithy-protocol"] = "rpc-v2-cbor"
    request["x-amzn-query-mode"] = "true"
    got_status, headers, body = error_reply("aws", fault_now(plan, "aws", f"http{status}"), request)  # type: ignore[arg-type]
    parser = botocore.parsers.create_parser("smithy-rpc-v2-cbor")
    model = botocore.session.get_session().get_service_model("cloudwatch")
    parsed = parser.parse(
        {"status_code": got_status, "headers": {k.lower(): v for k, v in headers}, "body": body},
        model.operation_model("GetMetricData").output_shape,
    )
    assert parsed["Error"]["Code"] == AWS_CODES[status][0]
    assert parsed["Error"]["Message"]
    assert dict(headers)["Content-Type"] == "application/cbor"
