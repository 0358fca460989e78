"""The ticket shop, read over its Saleday API (docs/shop-api.md) with requests.

`ShopHttp` is the one place that speaks HTTP to the shop and turns every failure into a SourceError
whose message is safe to show; `ShopSource` polls sales and queue with it, and the queue control
(console.sources.shop_control) changes the queue with it. Bodies are read by console.sources.shop_body.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import NewConnectionError
from urllib3.exceptions import TimeoutError as Urllib3Timeout
from urllib3.util.retry import Retry

from console.clock import Clock
from console.config import ShopConfig
from console.snapshots import FailureKind, ShopSnapshot, SourceName
from console.sources.errors import SourceError
from console.sources.shop_body import (
    ShopBodyError,
    clean_message,
    combine,
    decode_json,
    parse_error,
    parse_queue,
    parse_retry_after,
    parse_sales,
)

USER_AGENT = "saleday-console/0.1"
_HEADER_TOKEN = re.compile(r"[\x21-\x7e]+")  # visible ASCII: what an HTTP header value can carry as-is
T = TypeVar("T")


def check_api_key(api_key: str) -> None:
    """Refuse a key requests would reject later with the key itself in the exception text."""
    if not _HEADER_TOKEN.fullmatch(api_key):
        raise ValueError("the shop API key is empty or holds spaces or characters an HTTP header cannot carry")


def retry_policy() -> Retry:
    """Retry only what cannot have reached the shop: one more attempt to connect.

    No read or status retries. A read error on a POST may already have changed the queue (the
    Idempotency-Key lets the caller retry that safely), and for reads the poller already backs off and
    tracks staleness. `read=False` also keeps a read timeout a timeout instead of a MaxRetryError.
    """
    return Retry(
        total=1,
        connect=1,
        read=False,
        status=0,
        other=0,
        redirect=0,
        backoff_factor=0.2,
        raise_on_status=False,
        respect_retry_after_header=False,
    )


class BearerAuth(requests.auth.AuthBase):
    """`Authorization: Bearer <key>`. Given as `auth`, it also stops requests from swapping in ~/.netrc."""

    def __init__(self, api_key: str) -> None:
        self._header = f"Bearer {api_key}"

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers["Authorization"] = self._header
        return request

    def __repr__(self) -> str:
        return "BearerAuth(<hidden>)"


def failure_of(exc: requests.RequestException) -> FailureKind:
    """What kind of failure a requests exception is, looking through urllib3's MaxRetryError."""
    if isinstance(exc, requests.Timeout):
        return FailureKind.TIMEOUT
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    if isinstance(reason, Urllib3Timeout) and not isinstance(reason, NewConnectionError):
        return FailureKind.TIMEOUT
    if isinstance(exc, requests.exceptions.ChunkedEncodingError | requests.exceptions.ContentDecodingError):
        return FailureKind.BAD_RESPONSE  # the body broke off or cannot be decompressed
    if isinstance(exc, requests.ConnectionError):
        return FailureKind.UNREACHABLE  # refused, DNS, TLS, reset
    return FailureKind.ERROR


def root_cause(exc: BaseException) -> str:
    """The innermost cause in a few words ("Connection refused"), without URLs or headers."""
    cause = exc
    for _ in range(12):
        nested = cause.args[0] if cause.args and isinstance(cause.args[0], BaseException) else None
        following = getattr(cause, "reason", None) or cause.__cause__ or cause.__context__ or nested
        if not isinstance(following, BaseException):
            break
        cause = following
    if isinstance(cause, OSError) and cause.strerror:
        return str(cause.strerror)
    return type(cause).__name__


class ShopHttp:
    """One requests.Session to one shop, used by one thread at a time."""

    def __init__(self, base_url: str, api_key: str, timeout: float) -> None:
        check_api_key(api_key)
        self._where = urlsplit(base_url).netloc.rpartition("@")[2]  # host[:port], never user:password
        self._base = base_url.rstrip("/")
        self._key = api_key
        self._timeout = timeout
        self._session = requests.Session()
        self._session.auth = BearerAuth(api_key)
        self._session.headers.update({"Accept": "application/json", "User-Agent": USER_AGENT})
        adapter = HTTPAdapter(max_retries=retry_policy(), pool_connections=1, pool_maxsize=2)
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)

    def call(
        self,
        method: str,
        path: str,
        parse: Callable[[object], T],
        *,
        json_body: dict[str, int] | None = None,
        idempotency_key: str | None = None,
    ) -> tuple[T, bool]:
        """The parsed body of a 2xx answer and whether the shop replayed it for a repeated Idempotency-Key."""
        what = f"{method} {path}"
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key is not None else {}
        try:
            response = self._session.request(
                method,
                self._base + path,
                json=json_body,
                headers=headers,
                timeout=self._timeout,
                allow_redirects=False,
            )
        except requests.RequestException as exc:
            raise self._failure(exc, what) from None
        with response:
            raw = response.content
        if not 200 <= response.status_code < 300:
            raise self._status_error(response, raw, what)
        try:
            value = parse(decode_json(raw))
        except ShopBodyError as exc:
            raise self._error(FailureKind.BAD_RESPONSE, f"{what}: {exc}") from None
        return value, response.headers.get("Idempotent-Replayed", "").strip().lower() == "true"

    def close(self) -> None:
        self._session.close()

    def _error(self, kind: FailureKind, message: str, retry_after: float | None = None) -> SourceError:
        """Every SourceError leaves here, so the key is scrubbed once, whatever a shop echoes back."""
        return SourceError(kind, message.replace(self._key, "<api key>"), retry_after)

    def _failure(self, exc: requests.RequestException, what: str) -> SourceError:
        kind = failure_of(exc)
        if kind is FailureKind.TIMEOUT:
            return self._error(kind, f"{what}: no answer from {self._where} within {self._timeout:g} s")
        if kind is FailureKind.UNREACHABLE:
            return self._error(kind, f"{what}: cannot reach {self._where} ({root_cause(exc)})")
        if kind is FailureKind.BAD_RESPONSE:
            return self._error(kind, f"{what}: the answer broke off or cannot be decoded ({root_cause(exc)})")
        return self._error(kind, f"{what}: request failed ({clean_message(str(exc))})")

    def _status_error(self, response: requests.Response, raw: bytes, what: str) -> SourceError:
        status = response.status_code
        said = parse_error(raw)
        detail = f"{said.code}: {said.message}" if said else clean_message(response.reason or "no reason given")
        message = f"{what}: HTTP {status} {detail}"
        retry_after = parse_retry_after(response.headers.get("Retry-After"), datetime.now(UTC))
        if status == 429:
            return self._error(FailureKind.THROTTLED, message, retry_after)
        if status in (401, 403):
            return self._error(FailureKind.AUTH, f"{message} (check the shop API key in the keychain)")
        if status == 404:
            return self._error(FailureKind.NOT_FOUND, f"{message} (is base_url the API root, …/saleday/v1?)")
        if 300 <= status < 400:
            location = clean_message(response.headers.get("Location", "nowhere"), 120)
            return self._error(FailureKind.ERROR, f"{what}: HTTP {status} redirect to {location}; set base_url to it")
        return self._error(FailureKind.ERROR, message, retry_after)


class ShopSource:
    """Polls the shop's sales and queue into one ShopSnapshot.

    measured_at is the shop's own timestamp when it sends one (the older of the two, capped at the time
    of the answer), so a shop serving stale data shows as stale; otherwise the campaign time of the poll.
    """

    def __init__(self, shop_config: ShopConfig, api_key: str, clock: Clock, timeout: float = 8.0) -> None:
        self.name = SourceName.SHOP
        self._clock = clock
        self._http = ShopHttp(shop_config.base_url, api_key, timeout)

    def fetch(self) -> ShopSnapshot:
        polled_at = self._clock.now()
        sales, _ = self._http.call("GET", "/sales", parse_sales)
        queue, _ = self._http.call("GET", "/queue", parse_queue)
        return combine(sales, queue, polled_at, self._clock.now())

    def close(self) -> None:
        self._http.close()
