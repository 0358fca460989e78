"""A reverse proxy on 127.0.0.1 that puts a FaultPlan between the console and one demo backend.

The same mechanism serves moto, the Cloudflare emulator and the shop emulator, so a rehearsal can
break any of them the same way without touching the backend. Without an active fault a request is
forwarded as it came (method, target, headers with Host rewritten, body) and the answer comes back as
it was (status, headers, body, re-framed with Content-Length). A fault answers instead:

- error kinds answer with the body the real backend sends for that condition (see
  console.demo.fault_answers), so the real clients classify it as they would in production;
- `malformed` forwards, then answers 200 with the first half of the backend's body;
- `timeout` reads the request and never answers, until the client gives up (at most MAX_HOLD s);
- `refuse` closes the listening socket for the window and keeps the port bound without listening,
  so the kernel refuses connections and no other program can take the port; open connections are
  cut. A request that still arrives on one (a race at the window's edge) gets a reset.

If the backend itself cannot be reached the client's connection is reset, as if it had none.
"""

from __future__ import annotations

import contextlib
import email.utils
import http.client
import logging
import select
import socket
import struct
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, cast
from urllib.parse import urlsplit

from console.demo.fault_answers import error_reply, garble
from console.demo.faults import Fault, FaultKind, FaultPlan, source_named

log = logging.getLogger(__name__)

MAX_HOLD = 120.0  # seconds a `timeout` fault keeps a request unanswered at most
UPSTREAM_TIMEOUT = 120.0
MAX_BODY = 16 * 1024 * 1024
WATCH_INTERVAL = 0.05  # how often the plan is checked to stop and resume listening
HOP_BY_HOP = frozenset(
    {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection", "te", "trailer",
     "transfer-encoding", "upgrade", "expect", "host", "content-length"}
)


@dataclass(frozen=True, slots=True)
class Answer:
    """What the upstream said, with the hop-by-hop headers and the framing taken out."""

    status: int
    reason: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    content_length: str | None  # as the upstream sent it, for HEAD


def end_to_end(headers: Iterable[tuple[str, str]], connection: str | None) -> tuple[tuple[str, str], ...]:
    """The headers a proxy passes on: not hop-by-hop, not named in Connection, not the framing."""
    named = {token.strip().lower() for token in (connection or "").split(",")}
    return tuple((k, v) for k, v in headers if k.lower() not in HOP_BY_HOP and k.lower() not in named)


class FaultProxy:
    """Forwards to `upstream_base` (its scheme, host and port; the path stays the client's) unless
    `plan` has a fault for `source` at that moment. `port=0` takes a free port, kept across `refuse`.
    `max_hold` bounds how long a `timeout` fault keeps a request (MAX_HOLD seconds by default)."""

    def __init__(
        self, source: str, upstream_base: str, plan: FaultPlan, port: int = 0, *, max_hold: float = MAX_HOLD
    ) -> None:
        upstream = urlsplit(upstream_base)
        if upstream.scheme != "http" or not upstream.hostname:
            raise ValueError(f"the upstream must be an http:// URL, not {upstream_base!r}")
        self.source = source_named(source)
        self.plan = plan
        self._upstream_host = upstream.hostname
        self._upstream_port = upstream.port or 80
        self._upstream_netloc = upstream.netloc
        self._port = port
        self._max_hold = max_hold
        self._server: _Server | None = None
        self._serving: threading.Thread | None = None
        self._watcher: threading.Thread | None = None
        self._listening = False
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._connections: set[socket.socket] = set()

    # ------------------------------------------------------------ lifecycle

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the fault proxy is not running")
        return self._port

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def listening(self) -> bool:
        """False while a `refuse` fault holds the port without listening."""
        return self._listening

    def base_url_for(self, upstream_url: str) -> str:
        """`upstream_url` (a URL of the upstream, e.g. .../client/v4) as reached through the proxy."""
        parts = urlsplit(upstream_url)
        if parts.netloc != self._upstream_netloc:
            raise ValueError(f"{upstream_url!r} is not on this proxy's upstream {self._upstream_netloc}")
        return parts._replace(netloc=f"127.0.0.1:{self.port}").geturl()

    def start(self) -> FaultProxy:
        if self._server is not None:
            return self
        self._stopping.clear()
        self._server = _Server(("127.0.0.1", self._port), _Handler)
        self._server.proxy = self
        self._port = int(self._server.server_address[1])
        self._serve()
        self._watcher = threading.Thread(target=self._watch, name=f"fault-proxy-{self.source}", daemon=True)
        self._watcher.start()
        return self

    def stop(self) -> None:
        """Stop serving, free the port and cut every open connection (held requests end at once)."""
        server = self._server
        if server is None:
            return
        self._stopping.set()
        if self._watcher is not None:
            self._watcher.join(5)
        if self._listening:
            server.shutdown()
        if self._serving is not None:
            self._serving.join(5)
        server.server_close()
        self._cut_connections()
        self._server = self._serving = self._watcher = None
        self._listening = False

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()

    # ------------------------------------------------------------ refuse: stop and resume listening

    def _serve(self) -> None:
        server = cast(_Server, self._server)
        self._serving = threading.Thread(target=server.serve_forever, args=(WATCH_INTERVAL,), daemon=True)
        self._serving.start()
        self._listening = True

    def _watch(self) -> None:
        shown: Fault | None = None
        while True:
            fault = self.plan.active(self.source)
            if fault != shown:
                log.info("%s: %s", self.source, f"fault {fault} begins" if fault else f"fault {shown} is over")
                shown = fault
            refusing = fault is not None and fault.kind is FaultKind.REFUSE
            if refusing and self._listening:
                self._go_dark()
            elif not refusing and not self._listening:
                self._come_back()
            if self._stopping.wait(WATCH_INTERVAL):
                return

    def _go_dark(self) -> None:
        server = cast(_Server, self._server)
        server.shutdown()
        if self._serving is not None:
            self._serving.join(5)
        self._listening = False
        server.socket.close()
        try:
            server.socket = _bound_socket(self._port)
        except OSError as exc:  # very unlikely: _come_back binds again
            log.warning("%s: port %d could not be held while refusing: %s", self.source, self._port, exc)
        self._cut_connections()

    def _come_back(self) -> None:
        server = cast(_Server, self._server)
        try:
            if server.socket.fileno() < 0:
                server.socket = _bound_socket(self._port)
            server.socket.listen(server.request_queue_size)
        except OSError as exc:
            log.warning("%s: cannot listen on port %d again yet: %s", self.source, self._port, exc)
            return
        self._serve()

    def _opened(self, connection: socket.socket) -> None:
        with self._lock:
            self._connections.add(connection)

    def _closed(self, connection: socket.socket) -> None:
        with self._lock:
            self._connections.discard(connection)

    def _cut_connections(self) -> None:
        with self._lock:
            for connection in self._connections:
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)

    # ------------------------------------------------------------ what the handler asks

    def wait(self, seconds: float) -> bool:
        """Sleep `seconds`; True if the proxy is stopping meanwhile."""
        return self._stopping.wait(seconds)

    def hold(self, connection: socket.socket) -> None:
        """Keep a request unanswered until the client hangs up, `max_hold` passes or the proxy stops."""
        deadline = time.monotonic() + self._max_hold
        while not self._stopping.is_set() and (left := deadline - time.monotonic()) > 0:
            try:
                ready, _, _ = select.select([connection], [], [], min(left, WATCH_INTERVAL * 2))
                if ready and not connection.recv(1, socket.MSG_PEEK):
                    return  # the client closed its end
            except (OSError, ValueError):
                return
            if ready:  # bytes of a pipelined request: keep holding without spinning
                self._stopping.wait(WATCH_INTERVAL)

    def forward(self, method: str, target: str, headers: Message, body: bytes | None) -> Answer:
        """Send the request upstream on a connection of its own and read the whole answer."""
        upstream = http.client.HTTPConnection(self._upstream_host, self._upstream_port, timeout=UPSTREAM_TIMEOUT)
        try:
            upstream.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
            upstream.putheader("Host", self._upstream_netloc)
            for name, value in end_to_end(headers.items(), headers.get("Connection")):
                upstream.putheader(name, value)
            if body is not None:
                upstream.putheader("Content-Length", str(len(body)))
            upstream.endheaders(body)
            response = upstream.getresponse()
            data = response.read()  # http.client undoes chunking and honours Content-Length
            kept = end_to_end(response.getheaders(), response.getheader("Connection"))
            return Answer(response.status, response.reason, kept, data, response.getheader("Content-Length"))
        finally:
            upstream.close()


def _bound_socket(port: int) -> socket.socket:
    """A socket on 127.0.0.1:`port`, bound but not listening: the kernel refuses connections to it."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
    except OSError:
        sock.close()
        raise
    return sock


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64
    proxy: FaultProxy

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that gave up mid-answer is part of the faults' job, not worth a traceback."""
        log.debug("fault proxy: connection from %s ended with an error", client_address, exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive with the client; each request gets its own upstream connection
    timeout = 60  # seconds an idle keep-alive connection is kept

    @property
    def _proxy(self) -> FaultProxy:
        return cast(_Server, self.server).proxy

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._proxy._opened(self.connection)

    def finish(self) -> None:
        self._proxy._closed(self.connection)
        with contextlib.suppress(OSError):
            super().finish()

    def _serve(self) -> None:
        proxy = self._proxy
        fault = proxy.plan.active(proxy.source)
        if fault is not None and fault.kind is FaultKind.REFUSE:
            self._reset()
            return
        try:
            body = self._read_body()
        except ValueError as exc:  # the rest of the connection cannot be framed either
            self.close_connection = True
            self._send(400, [("Content-Type", "text/plain")], f"{exc}\n".encode())
            return
        if fault is None or fault.kind is FaultKind.MALFORMED:
            self._forward(body, fault)
        elif fault.kind is FaultKind.TIMEOUT:
            proxy.hold(self.connection)
            self.close_connection = True
        elif fault.kind is FaultKind.LATENCY:
            if proxy.wait(fault.arg or 0.0):
                self._reset()
            else:
                self._forward(body, None)
        else:
            status, headers, data = error_reply(proxy.source, fault, self.headers)
            self._send(status, [*headers, ("X-Saleday-Fault", str(fault))], data)

    do_GET = do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = _serve

    def _read_body(self) -> bytes | None:
        """The request body, de-chunked; None when the request has none. ValueError if unreadable."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._read_chunks()
        length_header = self.headers.get("Content-Length")
        if length_header is None:
            return None
        length = int(length_header)
        if not 0 <= length <= MAX_BODY:
            raise ValueError("bad or too large Content-Length")
        return self.rfile.read(length)

    def _read_chunks(self) -> bytes:
        chunks: list[bytes] = []
        size = 0
        while True:
            try:
                length = int(self.rfile.readline(1024).split(b";")[0], 16)
            except ValueError:
                raise ValueError("malformed chunked request body") from None
            if length == 0:
                break
            size += length
            if not 0 < size <= MAX_BODY:
                raise ValueError("request body too large")
            chunks.append(self.rfile.read(length))
            self.rfile.readline(1024)  # the CRLF after the chunk
        while self.rfile.readline(8192) not in (b"\r\n", b"\n", b""):  # trailer fields, dropped
            pass
        return b"".join(chunks)

    def _forward(self, body: bytes | None, fault: Fault | None) -> None:
        proxy = self._proxy
        try:
            answer = proxy.forward(self.command, self.path, self.headers, body)
        except (OSError, http.client.HTTPException) as exc:
            log.info("%s: upstream failed for %s %s: %s", proxy.source, self.command, self.path, exc)
            self._reset()
            return
        status, reason, headers, data = answer.status, answer.reason, list(answer.headers), answer.body
        if fault is not None:  # malformed: a complete answer whose body breaks off
            status, reason = 200, "OK"
            content_type = next((v for k, v in headers if k.lower() == "content-type"), "")
            data = garble(data, content_type)
            headers.append(("X-Saleday-Fault", str(fault)))
        if self.command == "HEAD" and answer.content_length is not None:
            headers.append(("Content-Length", answer.content_length))
        self._send(status, headers, data, reason)

    def _send(self, status: int, headers: list[tuple[str, str]], data: bytes, reason: str | None = None) -> None:
        self.send_response_only(status, reason)
        names = {name.lower() for name, _ in headers}
        if "date" not in names:
            self.send_header("Date", email.utils.formatdate(usegmt=True))
        for name, value in headers:
            self.send_header(name, value)
        if self.command != "HEAD":
            self.send_header("Content-Length", str(len(data)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _reset(self) -> None:
        """Abort the connection with a reset, as a host with nothing listening (or a crashed one) does."""
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:
        log.debug("fault proxy %s: " + format, self._proxy.source, *args)
