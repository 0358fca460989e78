"""A small Cloudflare API v4 for the demo and the tests: the routes the console uses, nothing more.

The console talks to it with the official SDK exactly as it talks to Cloudflare, so it speaks the
real envelope {"success", "errors": [{"code", "message"}], "messages", "result"} and uses the error
codes the real API is seen to return: 10000 (403, wrong token), 6003 with 6111 in its error_chain (400,
malformed Authorization header), 9106 (400, none), 7003 (unknown zone or room), 7000 (unknown route),
6007 (body not JSON), 1006/1007 (unknown setting / bad value), 971 (429). An unknown zone or room is
answered with 404, so the console can tell "not found" from other failures; waiting-room validation
errors (400/1002) and 405/7001 use codes of the emulator's own. Routes under /client/v4:

    GET, PATCH       /zones/{zone}/settings/security_level
    GET              /zones/{zone}/waiting_rooms                (page, per_page; past the end: [])
    GET, PATCH, PUT  /zones/{zone}/waiting_rooms/{room}
    GET              /zones/{zone}/waiting_rooms/{room}/status
    GET              /zones/{zone}                              (the zone's details: its account)
    GET              /user/tokens/verify, /accounts/{account}/tokens/verify  (see cloudflare_tokens)
    POST             /graphql                                   (see console.demo.cloudflare_graphql)

Faults can be injected (fail_next, garble_next, delay_next) so that throttling, broken bodies and
timeouts can be shown and tested over real HTTP. It binds 127.0.0.1 only.
"""

from __future__ import annotations

import hmac
import json
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from console.demo.cloudflare_graphql import answer_graphql
from console.demo.cloudflare_tokens import INVALID_TOKEN, is_verify_route
from console.demo.cloudflare_world import DEMO_ROOM_ID, DEMO_ZONE_ID, CloudflareWorld, InvalidRequest

__all__ = ["DEMO_ROOM_ID", "DEMO_ZONE_ID", "CloudflareEmulator", "CloudflareWorld"]

API_PREFIX = "/client/v4"
_Reply = tuple[int, bytes, dict[str, str]]
_DEFAULT_FAILURES = {
    429: (971, "Please wait and consider throttling your request speed"),
    500: (10002, "An unknown error has occurred"),
    503: (10013, "Service unavailable"),
}


@dataclass
class _Fault:
    path: str  # a fragment of the request path; "" matches every request
    times: int
    delay: float = 0.0
    status: int | None = None  # None: serve the request normally after the delay
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    method: str = ""  # "" matches every method


def _json_reply(status: int, document: object, headers: Mapping[str, str] | None = None) -> _Reply:
    body = json.dumps(document).encode()
    return status, body, {"Content-Type": "application/json", **(headers or {})}


def _ok(result: object, result_info: dict[str, int] | None = None) -> _Reply:
    document: dict[str, Any] = {"success": True, "errors": [], "messages": [], "result": result}
    if result_info is not None:
        document["result_info"] = result_info
    return _json_reply(200, document)


def _failure(status: int, code: int, message: str, chain: list[dict[str, Any]] | None = None) -> _Reply:
    error: dict[str, Any] = {"code": code, "message": message}
    if chain:
        error["error_chain"] = chain
    return _json_reply(status, {"success": False, "errors": [error], "messages": [], "result": None})


def _json_body(raw: bytes) -> object:
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise InvalidRequest(6007, "Malformed JSON in request body") from None


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that gave up (timeout test) is not worth a traceback on stderr."""


class CloudflareEmulator:
    """Serves a CloudflareWorld over HTTP on 127.0.0.1; `port=0` takes a free port."""

    def __init__(self, world: CloudflareWorld, token: str, port: int = 0) -> None:
        self.world = world
        self._token = token.encode("utf-8", "replace")
        self._port = port
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._faults: list[_Fault] = []
        self._faults_lock = threading.Lock()

    # ------------------------------------------------------------ lifecycle

    def start(self) -> CloudflareEmulator:
        if self._server is not None:
            return self
        emulator = self

        class Handler(_Handler):
            pass

        Handler.emulator = emulator
        self._server = _Server(("127.0.0.1", self._port), Handler)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="cloudflare-emulator"
        )
        self._thread.daemon = True
        self._thread.start()
        return self

    def stop(self) -> None:
        server, thread = self._server, self._thread
        self._server, self._thread = None, None
        if server is not None:
            server.shutdown()
            server.server_close()
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> CloudflareEmulator:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the emulator is not running")
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    # ------------------------------------------------------------ fault injection

    def fail_next(
        self,
        status: int,
        *,
        code: int | None = None,
        message: str | None = None,
        retry_after: float | None = None,
        times: int = 1,
        path: str = "",
        method: str = "",
    ) -> None:
        """The next `times` requests whose path contains `path` (and of `method`, if given) get this error."""
        default_code, default_message = _DEFAULT_FAILURES.get(status, (status, f"HTTP {status}"))
        _, body, headers = _failure(status, code or default_code, message or default_message)
        if retry_after is not None:
            headers["Retry-After"] = f"{retry_after:g}"
        self._add(_Fault(path, times, status=status, body=body, headers=headers, method=method.upper()))

    def garble_next(
        self,
        body: bytes | str,
        *,
        status: int = 200,
        content_type: str = "application/json",
        times: int = 1,
        path: str = "",
    ) -> None:
        """The next `times` matching requests get `body` as it is: truncated JSON, wrong shapes, HTML."""
        raw = body.encode() if isinstance(body, str) else body
        self._add(_Fault(path, times, status=status, body=raw, headers={"Content-Type": content_type}))

    def delay_next(self, seconds: float, *, times: int = 1, path: str = "") -> None:
        """The next `times` matching requests are answered normally, but only after `seconds`."""
        self._add(_Fault(path, times, delay=seconds))

    def _add(self, fault: _Fault) -> None:
        with self._faults_lock:
            self._faults.append(fault)

    def _take_fault(self, method: str, path: str) -> _Fault | None:
        with self._faults_lock:
            for fault in self._faults:
                if fault.path in path and fault.method in ("", method):
                    fault.times -= 1
                    if fault.times <= 0:
                        self._faults.remove(fault)
                    return fault
        return None

    # ------------------------------------------------------------ requests

    def respond(self, method: str, target: str, authorization: str | None, raw: bytes) -> _Reply:
        """One HTTP exchange, independent of the socket so that it reads as the API's rules."""
        self.world.count_request()
        parts = urlsplit(target)
        path = parts.path.rstrip("/")
        fault = self._take_fault(method, path)
        if fault is not None:
            time.sleep(fault.delay)
            if fault.status is not None:
                return fault.status, fault.body, fault.headers
        if not path.startswith(API_PREFIX + "/"):
            return _failure(404, 7000, "No route for that URI")
        route = path[len(API_PREFIX) :]
        if is_verify_route(route.strip("/").split("/")):
            return self._verify(method, authorization, route.strip("/").split("/"))
        denied = self._check_auth(authorization)
        if denied is not None:
            return denied
        if not self.world.token.usable:
            return _failure(403, 10000, "Authentication error")
        try:
            if route == "/graphql":
                if method != "POST":
                    return _failure(405, 7001, f"Method {method} not allowed for this route")
                return _json_reply(200, answer_graphql(self.world, raw))
            return self._zone_route(method, path, route.strip("/").split("/"), parse_qs(parts.query), raw)
        except InvalidRequest as exc:
            return _failure(400, exc.code, exc.message)

    def _check_auth(self, authorization: str | None) -> _Reply | None:
        if authorization is None:
            return _failure(400, 9106, "Missing X-Auth-Key, X-Auth-Email or Authorization headers")
        if not authorization.startswith("Bearer ") or not authorization[7:].strip():
            chain = [{"code": 6111, "message": "Invalid format for Authorization header"}]
            return _failure(400, 6003, "Invalid request headers", chain)
        offered = authorization[7:].encode("utf-8", "replace")
        if not hmac.compare_digest(offered, self._token):
            return _failure(403, 10000, "Authentication error")
        return None

    def _verify(self, method: str, authorization: str | None, route: list[str]) -> _Reply:
        """Token verification: a token the route does not know (wrong, or another owner's) gets 401."""
        denied = self._check_auth(authorization)
        if denied is not None and denied[0] != 403:
            return denied
        grant = self.world.token
        if denied is not None or not grant.verifies_at(route, self.world.account_id):
            return _failure(401, *INVALID_TOKEN)
        if method != "GET":
            return _failure(405, 7001, f"Method {method} not allowed for this route")
        return _ok(grant.verify_result())

    def _zone_route(self, method: str, path: str, parts: list[str], query: dict[str, list[str]], raw: bytes) -> _Reply:
        if len(parts) < 2 or parts[0] != "zones":
            return _failure(404, 7000, "No route for that URI")
        unknown = _failure(404, 7003, f"Could not route to {path}, perhaps your object identifier is invalid?")
        if parts[1] != self.world.zone_id:
            return unknown
        if len(parts) == 2:
            return _ok(self.world.zone_details()) if method == "GET" else _failure(
                405, 7001, f"Method {method} not allowed for this route")
        rest, not_allowed = parts[2:], _failure(405, 7001, f"Method {method} not allowed for this route")
        if rest[0] == "settings" and len(rest) == 2:
            if rest[1] != "security_level":
                return _failure(400, 1006, "Unrecognized zone setting name")
            if method == "GET":
                return _ok(self.world.security_setting())
            if method == "PATCH":
                body = _json_body(raw)
                value = body.get("value") if isinstance(body, dict) else None
                return _ok(self.world.apply_security_level(value))
            return not_allowed
        if rest[0] != "waiting_rooms":
            return _failure(404, 7000, "No route for that URI")
        if len(rest) == 1:
            return self._room_list(query) if method == "GET" else not_allowed
        if rest[1] != self.world.room_id or len(rest) > 3 or (len(rest) == 3 and rest[2] != "status"):
            return unknown
        if len(rest) == 3:
            return _ok(self.world.room_status()) if method == "GET" else not_allowed
        if method == "GET":
            return _ok(self.world.room_settings())
        if method in ("PATCH", "PUT"):
            return _ok(self.world.edit_room(_json_body(raw), replace=method == "PUT"))
        return not_allowed

    def _room_list(self, query: dict[str, list[str]]) -> _Reply:
        try:
            page = int(query.get("page", ["1"])[0])
            per_page = int(query.get("per_page", ["25"])[0])
        except ValueError:
            raise InvalidRequest(1002, "page and per_page must be integers") from None
        if page < 1 or not 5 <= per_page <= 1000:
            raise InvalidRequest(1002, "page must be >= 1 and per_page from 5 to 1000")
        rooms = [self.world.room_settings()]
        shown = rooms[(page - 1) * per_page : page * per_page]
        info = {"page": page, "per_page": per_page, "count": len(shown), "total_count": len(rooms)}
        return _ok(shown, info)


class _Handler(BaseHTTPRequestHandler):
    """Hands each request to CloudflareEmulator.respond; HTTP/1.0, one request per connection."""

    emulator: CloudflareEmulator
    server_version = "cloudflare"
    sys_version = ""

    def _serve(self) -> None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0:
            status, body, headers = _failure(400, 6007, "Malformed request: bad Content-Length")
        else:
            raw = self.rfile.read(length) if length else b""
            authorization = self.headers.get("Authorization")
            status, body, headers = self.emulator.respond(self.command, self.path, authorization, raw)
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _serve

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the console's own log says what it asked."""
