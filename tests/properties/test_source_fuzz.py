"""The real clients (requests, the Cloudflare SDK, boto3) against a server on 127.0.0.1 that answers every
request with whatever hypothesis picks: status, content type, body. Each fetch gives a snapshot or a
SourceError that says what went wrong, never another exception and never the token."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.clock import WallClock
from console.config import AwsConfig, CloudflareConfig, ShopConfig
from console.sources.aws import AwsSource
from console.sources.cloudflare import CloudflareSource
from console.sources.errors import SourceError
from console.sources.shop import ShopSource
from tests.properties.strategies import bent, fuzz, json_values
from tests.properties.test_parser_fuzz import CF_ROOM, SHOP_QUEUE, SHOP_SALES
from tests.support.loopback_http import LoopbackServer, QuietHandler

TOKEN = "fuzz-token-5c1d"
CONTENT_TYPES = ["application/json", "application/json; charset=utf-8", "text/xml", "text/html", "text/plain",
                 "application/x-amz-json-1.0", "application/cbor", ""]


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str
    body: bytes


class AnyAnswerServer:
    """Answers every request with `answer`, whatever the path or method."""

    def __init__(self) -> None:
        self.answer = Answer(200, "application/json", b"{}")
        server = self

        class Handler(QuietHandler):
            protocol_version = "HTTP/1.1"

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                answer = server.answer
                self.send_response(answer.status)
                if answer.content_type:
                    self.send_header("Content-Type", answer.content_type)
                self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                self.wfile.write(answer.body)

            do_GET = do_POST = do_PATCH = do_PUT = _any

        self._http = LoopbackServer(Handler)
        self.url = self._http.url

    def stop(self) -> None:
        self._http.stop()


@pytest.fixture(scope="module")
def server() -> Iterator[AnyAnswerServer]:
    running = AnyAnswerServer()
    yield running
    running.stop()


def bodies(*valid: object) -> st.SearchStrategy[bytes]:
    shaped = st.one_of(json_values, *(bent(v, times=3) for v in valid)).map(lambda v: json.dumps(v).encode())
    return shaped | st.binary(max_size=80) | st.text(max_size=40).map(str.encode)


def answers(statuses: list[int], *valid: object) -> st.SearchStrategy[Answer]:
    return st.builds(Answer, st.sampled_from(statuses), st.sampled_from(CONTENT_TYPES), bodies(*valid))


def fetch_clearly(source: AwsSource | CloudflareSource | ShopSource) -> None:
    try:
        source.fetch()
    except SourceError as exc:
        assert exc.message and "\n" not in exc.message
        assert TOKEN not in exc.message
    finally:
        source.close()


@fuzz(40)
@given(answers([200, 200, 200, 204, 301, 400, 401, 403, 404, 409, 429, 500, 503], SHOP_SALES, SHOP_QUEUE))
def test_shop_source_on_any_answer(server: AnyAnswerServer, answer: Answer) -> None:
    server.answer = answer
    fetch_clearly(ShopSource(ShopConfig(base_url=f"{server.url}/saleday/v1"), TOKEN, WallClock(), timeout=2.0))


@fuzz(40)
@given(answers([200, 200, 200, 400, 401, 403, 404, 409, 429, 500, 503], CF_ROOM))
def test_cloudflare_source_on_any_answer(server: AnyAnswerServer, answer: Answer) -> None:
    server.answer = answer
    config = CloudflareConfig(zone_id="z1", waiting_room_id="r1", base_url=f"{server.url}/client/v4")
    fetch_clearly(CloudflareSource(config, TOKEN, WallClock(), timeout=2.0))


@fuzz(25)
@given(answers([200, 200, 400, 403, 404]))  # 5xx and throttling make botocore sleep before its retry
def test_aws_source_on_any_answer(server: AnyAnswerServer, answer: Answer) -> None:
    server.answer = answer
    config = AwsConfig(region="eu-central-1", endpoint_url=server.url, autoscaling_group="shop-web",
                       load_balancer="shop-alb", target_group="shop-web", rds_instance="shop-db")
    source = AwsSource(config, WallClock(), timeout=2.0, credentials=("fuzz-key", TOKEN))
    try:
        source.fetch()
    except SourceError as exc:
        assert exc.message and TOKEN not in exc.message
        assert not exc.message.startswith("AWS read failed"), exc.message  # every failure classified where it happened
    finally:
        source.close()
