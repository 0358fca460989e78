"""A stdlib HTTP server on 127.0.0.1 that answers what a test scripts: for shops that break the contract."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field

from tests.support.loopback_http import LoopbackServer, QuietHandler


@dataclass
class Canned:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


def valid_sales(**changes: object) -> dict[str, object]:
    body: dict[str, object] = {
        "measured_at": "2026-12-01T09:00:00Z",
        "currency": "PLN",
        "categories": [{"name": "Płyta", "price": 399.0, "capacity": 100, "sold": 40}],
        "tickets_sold": 40,
        "revenue": 15960.0,
        "orders_per_minute": 2.0,
    }
    return body | changes


def valid_queue(**changes: object) -> dict[str, object]:
    body: dict[str, object] = {
        "measured_at": "2026-12-01T09:00:00Z",
        "length": 10,
        "admitted_per_minute": 5.0,
        "admission_rate": 300,
        "paused": False,
        "estimated_wait_seconds": 2.0,
    }
    return body | changes


class ScriptedShop:
    """Answers each path with what the test put in `routes` and remembers the headers it was sent."""

    def __init__(self) -> None:
        self.routes: dict[str, Canned] = {
            "/saleday/v1/sales": Canned(body=json.dumps(valid_sales()).encode()),
            "/saleday/v1/queue": Canned(body=json.dumps(valid_queue()).encode()),
        }
        self.seen: list[dict[str, str]] = []
        script = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:
                script.seen.append(dict(self.headers.items()))
                canned = script.routes.get(self.path, Canned(404, b'{"error": {"code": "not_found", "message": "no"}}'))
                time.sleep(canned.delay)
                try:
                    self.send_response(canned.status)
                    for name, value in {"Content-Length": str(len(canned.body)), **canned.headers}.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(canned.body)
                except OSError:
                    pass  # the client gave up waiting

            do_POST = do_PUT = do_GET

        self._http = LoopbackServer(Handler)
        self.base_url = f"{self._http.url}/saleday/v1"

    def answer(
        self, path: str, status: int = 200, body: object = None, raw: bytes | None = None, **headers: str
    ) -> None:
        data = raw if raw is not None else json.dumps(body).encode()
        self.routes[f"/saleday/v1{path}"] = Canned(status, data, {k.replace("_", "-"): v for k, v in headers.items()})

    def stop(self) -> None:
        self._http.stop()


# Sales bodies that break docs/shop-api.md, each in one way.
MALFORMED_SALES: dict[str, bytes] = {
    "html": b"<html><body>Service temporarily unavailable</body></html>",
    "empty": b"",
    "truncated": json.dumps(valid_sales()).encode()[:-10],
    "not utf-8": b'{"currency": "\xff"}',
    "a list": b"[]",
    "null": b"null",
    "missing tickets_sold": json.dumps({k: v for k, v in valid_sales().items() if k != "tickets_sold"}).encode(),
    "categories not a list": json.dumps(valid_sales(categories={"Płyta": 40})).encode(),
    "category not an object": json.dumps(valid_sales(categories=["Płyta"])).encode(),
    "negative sold": json.dumps(
        valid_sales(categories=[{"name": "P", "price": 1, "capacity": 5, "sold": -1}])
    ).encode(),
    "sold as text": json.dumps(
        valid_sales(categories=[{"name": "P", "price": 1, "capacity": 5, "sold": "4"}])
    ).encode(),
    "capacity as bool": json.dumps(
        valid_sales(categories=[{"name": "P", "price": 1, "capacity": True, "sold": 4}])
    ).encode(),
    "fractional count": json.dumps(valid_sales(tickets_sold=40.5)).encode(),
    "count beyond 2^53": json.dumps(valid_sales(tickets_sold=2**60)).encode(),
    "NaN revenue": json.dumps(valid_sales(revenue=float("nan"))).encode(),
    "Infinity rate": json.dumps(valid_sales(orders_per_minute=float("inf"))).encode(),
    "negative revenue": json.dumps(valid_sales(revenue=-1.0)).encode(),
    "empty name": json.dumps(valid_sales(categories=[{"name": " ", "price": 1, "capacity": 5, "sold": 4}])).encode(),
    "duplicate names": json.dumps(
        valid_sales(categories=[{"name": "P", "price": 1, "capacity": 5, "sold": 4}] * 2)
    ).encode(),
    "currency symbol": json.dumps(valid_sales(currency="zł")).encode(),
    "naive timestamp": json.dumps(valid_sales(measured_at="2026-12-01T09:00:00")).encode(),
    "not a timestamp": json.dumps(valid_sales(measured_at="yesterday")).encode(),
    "timestamp as number": json.dumps(valid_sales(measured_at=1764579600)).encode(),
    "deep nesting": b"[" * 100_000 + b"]" * 100_000,
}
