"""A ticket shop's Saleday API on 127.0.0.1, for the demo and the tests (docs/shop-api.md).

`ShopWorld` is the shop's state: the on-sale simulator writes sales and queue into it and reads the
controls that the console sets through the API. `ShopEmulator` serves the world over HTTP exactly as
the contract says, including auth, error bodies and idempotency keys, so the console runs the same
client code against it as against a real shop.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import math
import re
import socket
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import cast
from urllib.parse import urlsplit

from console.clock import Clock

API_PREFIX = "/saleday/v1"
MAX_BODY = 64 * 1024
MAX_ADMISSION_RATE = 100_000
REMEMBERED_KEYS = 10_000  # a real shop keeps keys >= 24 h; the emulator keeps the latest ones
_KEY = re.compile(r"[\x21-\x7e]{1,255}")

DEFAULT_CATEGORIES: tuple[tuple[str, float, int], ...] = (
    ("Płyta (standing)", 399.0, 8000),
    ("Sektor A", 299.0, 6000),
    ("Sektor B", 199.0, 6000),
)


def _non_negative(value: float, what: str) -> float:
    if isinstance(value, bool) or not math.isfinite(value) or value < 0:
        raise ValueError(f"{what} must be a finite number >= 0, not {value!r}")
    return float(value)


class ShopWorld:
    """The shop's state, shared by the simulator and the API threads; every method is thread-safe."""

    def __init__(
        self,
        currency: str = "PLN",
        categories: tuple[tuple[str, float, int], ...] = DEFAULT_CATEGORIES,
        admission_rate: int = 300,
        clock: Clock | None = None,
    ) -> None:
        if not re.fullmatch(r"[A-Z]{3}", currency):
            raise ValueError(f"currency must be an ISO 4217 code like PLN, not {currency!r}")
        names = [name for name, _, _ in categories]
        if len(set(names)) != len(names) or not all(n.strip() for n in names):
            raise ValueError("category names must be non-empty and unique")
        for name, price, capacity in categories:
            _non_negative(price, f"price of {name!r}")
            if capacity < 0:
                raise ValueError(f"capacity of {name!r} must be >= 0")
        self._lock = threading.Lock()
        self._currency = currency
        self._categories = tuple((name, float(price), int(capacity)) for name, price, capacity in categories)
        self._sold = dict.fromkeys(names, 0)
        self._orders_per_minute = 0.0
        self._queue_length = 0
        self._admitted_per_minute = 0.0
        self._estimated_wait_seconds = 0.0
        self._admission_rate = self._checked_rate(admission_rate)
        self._paused = False
        self._clock = clock
        self._requests = 0

    def set_clock(self, clock: Clock | None) -> None:
        """measured_at follows this clock (campaign time); without one, the wall clock."""
        with self._lock:
            self._clock = clock

    # ------------------------------------------------------------ controls: set by the API, read by the simulator

    def admission_rate(self) -> int:
        with self._lock:
            return self._admission_rate

    def paused(self) -> bool:
        with self._lock:
            return self._paused

    def set_admission_rate(self, per_minute: int) -> None:
        rate = self._checked_rate(per_minute)
        with self._lock:
            self._admission_rate = rate

    def set_paused(self, paused: bool) -> None:
        with self._lock:
            self._paused = paused

    @staticmethod
    def _checked_rate(per_minute: int) -> int:
        if isinstance(per_minute, bool) or not isinstance(per_minute, int):
            raise ValueError(f"admission rate must be an integer, not {per_minute!r}")
        if not 1 <= per_minute <= MAX_ADMISSION_RATE:
            raise ValueError(f"admission rate must be between 1 and {MAX_ADMISSION_RATE} per minute")
        return per_minute

    # ------------------------------------------------------------ readings: written by the simulator

    def record_sales(self, sold_by_category: dict[str, int], orders_per_minute: float) -> None:
        """Absolute sold counts; categories left out keep their count. A shop cannot oversell."""
        capacity = {name: cap for name, _, cap in self._categories}
        for name, sold in sold_by_category.items():
            if name not in capacity:
                raise ValueError(f"unknown category {name!r}")
            if not 0 <= sold <= capacity[name]:
                raise ValueError(f"sold for {name!r} must be between 0 and {capacity[name]}, not {sold}")
        rate = _non_negative(orders_per_minute, "orders_per_minute")
        with self._lock:
            self._sold.update({name: int(sold) for name, sold in sold_by_category.items()})
            self._orders_per_minute = rate

    def record_queue(self, length: int, admitted_per_minute: float, estimated_wait_seconds: float) -> None:
        if length < 0:
            raise ValueError(f"queue length must be >= 0, not {length}")
        admitted = _non_negative(admitted_per_minute, "admitted_per_minute")
        wait = _non_negative(estimated_wait_seconds, "estimated_wait_seconds")
        with self._lock:
            self._queue_length = int(length)
            self._admitted_per_minute = admitted
            self._estimated_wait_seconds = wait

    # ------------------------------------------------------------ the API's bodies

    def sales_dict(self) -> dict[str, object]:
        with self._lock:
            categories = [
                {"name": name, "price": price, "capacity": capacity, "sold": self._sold[name]}
                for name, price, capacity in self._categories
            ]
            return {
                "measured_at": self._now_text(),
                "currency": self._currency,
                "categories": categories,
                "tickets_sold": sum(self._sold.values()),
                "revenue": round(sum(price * self._sold[name] for name, price, _ in self._categories), 2),
                "orders_per_minute": round(self._orders_per_minute, 3),
            }

    def queue_dict(self) -> dict[str, object]:
        with self._lock:
            return {
                "measured_at": self._now_text(),
                "length": self._queue_length,
                "admitted_per_minute": round(self._admitted_per_minute, 3),
                "admission_rate": self._admission_rate,
                "paused": self._paused,
                "estimated_wait_seconds": round(self._estimated_wait_seconds, 1),
            }

    @property
    def request_count(self) -> int:
        """API requests received, answered or refused: what the consoles cost the shop."""
        with self._lock:
            return self._requests

    def count_request(self) -> None:
        with self._lock:
            self._requests += 1

    def _now_text(self) -> str:
        now = self._clock.now() if self._clock else datetime.now(UTC)
        return now.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# ---------------------------------------------------------------- HTTP


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    body: Mapping[str, object]
    headers: tuple[tuple[str, str], ...] = ()


def error_reply(status: int, code: str, message: str, *headers: tuple[str, str]) -> Reply:
    return Reply(status, {"error": {"code": code, "message": message}}, headers)


_READS = {"/sales", "/queue"}
_CHANGES = {"/queue/pause": "POST", "/queue/resume": "POST", "/queue/admission-rate": "PUT"}


class ShopEmulator:
    """The contract over HTTP on 127.0.0.1; `port=0` takes a free port. Start/stop or use `with`."""

    def __init__(self, world: ShopWorld, api_key: str, port: int = 0) -> None:
        self.world = world
        self._api_key = api_key.encode()
        self._port = port
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()  # one change at a time: the idempotency check and the change are atomic
        self._replies: OrderedDict[str, tuple[tuple[object, ...], Reply]] = OrderedDict()
        self._faults: list[Reply] = []
        self._connections: set[socket.socket] = set()

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("the shop emulator is not running")
        return f"http://127.0.0.1:{self._server.server_address[1]}{API_PREFIX}"

    def start(self) -> None:
        self._server = _Server(("127.0.0.1", self._port), _Handler)
        self._server.emulator = self
        # A short poll interval makes stop() quick.
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop listening and cut open keep-alive connections, so clients see the shop gone at once."""
        if self._server is None:
            return
        self._server.shutdown()
        with self._lock:
            for connection in self._connections:
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)
        self._server.server_close()
        if self._thread:
            self._thread.join(5)
        self._server = None

    def __enter__(self) -> ShopEmulator:
        self.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()

    # ------------------------------------------------------------ faults for demos and tests

    def fail_next(self, status: int, times: int = 1, retry_after: float | None = None) -> None:
        """Answer the next `times` requests with `status` (429, 500, 503, ...) and the contract's error body."""
        headers = (("Retry-After", f"{retry_after:g}"),) if retry_after is not None else ()
        code = {429: "rate_limited", 503: "unavailable"}.get(status, "internal")
        with self._lock:
            self._faults.extend([error_reply(status, code, f"injected failure {status}", *headers)] * times)

    # ------------------------------------------------------------ routing

    def respond(self, method: str, target: str, headers: Message, body: bytes) -> Reply:
        with self._lock:
            if self._faults:
                return self._faults.pop(0)
        path = urlsplit(target).path
        if not path.startswith(API_PREFIX + "/"):
            return error_reply(404, "not_found", f"no such resource: {path}")
        if not self._authorised(headers.get("Authorization", "")):
            return error_reply(
                401, "unauthenticated", "missing or invalid API key", ("WWW-Authenticate", 'Bearer realm="saleday"')
            )
        route = path.removeprefix(API_PREFIX)
        allowed = "GET" if route in _READS else _CHANGES.get(route)
        if allowed is None:
            return error_reply(404, "not_found", f"no such resource: {path}")
        if method != allowed:
            return error_reply(405, "method_not_allowed", f"use {allowed} for {path}", ("Allow", allowed))
        if route == "/sales":
            return Reply(200, self.world.sales_dict())
        if route == "/queue":
            return Reply(200, self.world.queue_dict())
        return self._change(route, headers.get("Idempotency-Key"), body)

    def _authorised(self, header: str) -> bool:
        scheme, _, token = header.partition(" ")
        supplied = token.strip().encode("utf-8", "surrogateescape")
        return scheme.lower() == "bearer" and hmac.compare_digest(supplied, self._api_key)

    def _change(self, route: str, key: str | None, body: bytes) -> Reply:
        if key is not None and not _KEY.fullmatch(key):
            return error_reply(400, "invalid_idempotency_key", "Idempotency-Key must be 1-255 visible ASCII characters")
        rate: int | None = None
        if route == "/queue/admission-rate":
            parsed = parse_rate_body(body)
            if isinstance(parsed, Reply):
                return parsed
            rate = parsed
        fingerprint = (route, rate)
        with self._lock:
            if key is not None and key in self._replies:
                first_fingerprint, first = self._replies[key]
                if first_fingerprint != fingerprint:
                    return error_reply(
                        422, "idempotency_key_reused", "this Idempotency-Key was used for a different change"
                    )
                return Reply(first.status, first.body, (*first.headers, ("Idempotent-Replayed", "true")))
            if route == "/queue/pause":
                self.world.set_paused(True)
            elif route == "/queue/resume":
                self.world.set_paused(False)
            elif rate is not None:
                self.world.set_admission_rate(rate)
            reply = Reply(200, self.world.queue_dict())
            if key is not None:
                self._replies[key] = (fingerprint, reply)
                while len(self._replies) > REMEMBERED_KEYS:
                    self._replies.popitem(last=False)
            return reply

    def _opened(self, connection: socket.socket) -> None:
        with self._lock:
            self._connections.add(connection)

    def _closed(self, connection: socket.socket) -> None:
        with self._lock:
            self._connections.discard(connection)


def parse_rate_body(body: bytes) -> int | Reply:
    """`{"per_minute": <int>}` and nothing else; otherwise the 400/422 reply that says why."""
    try:
        data = json.loads(body.decode("utf-8"), parse_constant=float)
    except (ValueError, RecursionError):
        return error_reply(400, "invalid_json", 'body must be JSON: {"per_minute": 600}')
    if not isinstance(data, dict):
        return error_reply(422, "invalid_request", 'body must be an object: {"per_minute": 600}')
    unknown = sorted(set(data) - {"per_minute"})
    if unknown:
        return error_reply(422, "invalid_request", f"unknown field: {unknown[0]}")
    rate = data.get("per_minute")
    if isinstance(rate, bool) or not isinstance(rate, int):
        return error_reply(422, "invalid_request", "per_minute: required, a whole number of people per minute")
    if not 1 <= rate <= MAX_ADMISSION_RATE:
        return error_reply(422, "invalid_request", f"per_minute: must be between 1 and {MAX_ADMISSION_RATE}")
    return rate


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    emulator: ShopEmulator


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a requests.Session expects of a real shop
    server_version = "ShopEmulator/1"
    timeout = 60  # seconds an idle keep-alive connection is kept

    @property
    def _emulator(self) -> ShopEmulator:
        return cast(_Server, self.server).emulator

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(
            socket.IPPROTO_TCP, socket.TCP_NODELAY, 1
        )  # the body must not wait for a delayed ACK
        self._emulator._opened(self.connection)

    def finish(self) -> None:
        self._emulator._closed(self.connection)
        super().finish()

    def do_GET(self) -> None:
        self._serve()

    do_POST = do_PUT = do_PATCH = do_DELETE = do_GET

    def _serve(self) -> None:
        self._emulator.world.count_request()
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if self.headers.get("Transfer-Encoding") or not 0 <= length <= MAX_BODY:
            self.close_connection = True  # the unread body would corrupt the next request on this connection
            reply = error_reply(413, "body_too_large", f"send a Content-Length of at most {MAX_BODY} bytes")
        else:
            reply = self._emulator.respond(self.command, self.path, self.headers, self.rfile.read(length))
        data = json.dumps(reply.body, ensure_ascii=False).encode("utf-8")
        self.send_response(reply.status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for name, value in reply.headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # the console has its own log
        pass
