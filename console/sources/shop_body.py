"""Reading the shop's JSON bodies (docs/shop-api.md) into typed values.

Pure functions only, so they can be tested on any input without a server: each one either returns a
value that honours the contract or raises ShopBodyError naming the field, never anything else.
Unknown fields are ignored, so a shop may add its own without breaking the console.
"""

from __future__ import annotations

import json
import math
import re
import reprlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from console.snapshots import CategorySales, ShopSnapshot

MAX_SAFE_INTEGER = 2**53 - 1  # I-JSON (RFC 7493): the largest integer every JSON reader keeps exact
MAX_MESSAGE = 300  # characters of a shop's own error message worth showing on a wall screen
_CURRENCY = re.compile(r"[A-Z]{3}")
_SECONDS = re.compile(r"[0-9]{1,9}(\.[0-9]{1,6})?")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


class ShopBodyError(ValueError):
    """The body does not honour the contract; the message names the field (`sales.categories[1].sold`)."""


@dataclass(frozen=True, slots=True)
class SalesReading:
    measured_at: datetime | None
    currency: str
    categories: tuple[CategorySales, ...]
    tickets_sold: int
    revenue: float
    orders_per_minute: float


@dataclass(frozen=True, slots=True)
class QueueReading:
    measured_at: datetime | None
    length: int
    admitted_per_minute: float
    admission_rate: int
    paused: bool
    estimated_wait_seconds: float


@dataclass(frozen=True, slots=True)
class ShopErrorBody:
    code: str
    message: str


# ---------------------------------------------------------------- JSON


def _no_constant(name: str) -> object:
    raise ShopBodyError(f"{name} is not JSON")


def decode_json(raw: bytes) -> object:
    """Strict JSON: UTF-8, no NaN/Infinity (Python's json accepts them, the contract does not)."""
    try:
        return json.loads(raw.decode("utf-8-sig"), parse_constant=_no_constant)
    except ShopBodyError:
        raise
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, UnicodeDecodeError, huge ints, deep nesting
        raise ShopBodyError(f"body is not JSON ({type(exc).__name__})") from None


# ---------------------------------------------------------------- fields


def _brief(value: object) -> str:
    text = reprlib.repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _object(value: object, where: str) -> Mapping[str, object]:
    if not isinstance(value, dict):
        raise ShopBodyError(f"{where}: must be an object (got {type(value).__name__})")
    return value


def _field(obj: Mapping[str, object], key: str, where: str) -> object:
    if key not in obj:
        raise ShopBodyError(f"{where}.{key}: missing")
    return obj[key]


def _count(obj: Mapping[str, object], key: str, where: str) -> int:
    value = _field(obj, key, where)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_SAFE_INTEGER:
        raise ShopBodyError(f"{where}.{key}: must be a non-negative integer (got {_brief(value)})")
    return value


def _amount(obj: Mapping[str, object], key: str, where: str) -> float:
    value = _field(obj, key, where)
    problem = f"{where}.{key}: must be a non-negative finite number (got {_brief(value)})"
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ShopBodyError(problem)
    try:
        number = float(value)
    except OverflowError:
        raise ShopBodyError(problem) from None
    if not math.isfinite(number) or number < 0:
        raise ShopBodyError(problem)
    return number


def _text(obj: Mapping[str, object], key: str, where: str) -> str:
    value = _field(obj, key, where)
    if not isinstance(value, str) or not value.strip():
        raise ShopBodyError(f"{where}.{key}: must be a non-empty string (got {_brief(value)})")
    return value


def _flag(obj: Mapping[str, object], key: str, where: str) -> bool:
    value = _field(obj, key, where)
    if not isinstance(value, bool):
        raise ShopBodyError(f"{where}.{key}: must be true or false (got {_brief(value)})")
    return value


def parse_timestamp(value: object, where: str) -> datetime:
    """RFC 3339 with an offset (`2026-12-01T09:00:00Z`), returned as aware UTC."""
    if not isinstance(value, str):
        raise ShopBodyError(f"{where}: must be an RFC 3339 timestamp string (got {_brief(value)})")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ShopBodyError(f"{where}: not an RFC 3339 timestamp (got {_brief(value)})") from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ShopBodyError(f"{where}: must include a UTC offset (got {_brief(value)})")
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        raise ShopBodyError(f"{where}: out of range (got {_brief(value)})") from None


def _measured_at(obj: Mapping[str, object], where: str) -> datetime | None:
    """Optional in the contract; when present it must be valid, a wrong clock is a broken shop."""
    if obj.get("measured_at") is None:
        return None
    return parse_timestamp(obj["measured_at"], f"{where}.measured_at")


# ---------------------------------------------------------------- bodies


def parse_category(value: object, where: str) -> CategorySales:
    obj = _object(value, where)
    return CategorySales(
        name=_text(obj, "name", where),
        price=_amount(obj, "price", where),
        capacity=_count(obj, "capacity", where),
        sold=_count(obj, "sold", where),
    )


def parse_sales(body: object) -> SalesReading:
    """GET {base}/sales."""
    obj = _object(body, "sales")
    currency = _text(obj, "currency", "sales")
    if not _CURRENCY.fullmatch(currency):
        raise ShopBodyError(f"sales.currency: must be an ISO 4217 code like PLN (got {_brief(currency)})")
    items = _field(obj, "categories", "sales")
    if not isinstance(items, list):
        raise ShopBodyError(f"sales.categories: must be a list (got {type(items).__name__})")
    categories = tuple(parse_category(item, f"sales.categories[{i}]") for i, item in enumerate(items))
    names = [c.name for c in categories]
    if len(set(names)) != len(names):
        raise ShopBodyError("sales.categories: names must be unique")
    return SalesReading(
        measured_at=_measured_at(obj, "sales"),
        currency=currency,
        categories=categories,
        tickets_sold=_count(obj, "tickets_sold", "sales"),
        revenue=_amount(obj, "revenue", "sales"),
        orders_per_minute=_amount(obj, "orders_per_minute", "sales"),
    )


def parse_queue(body: object) -> QueueReading:
    """GET {base}/queue, and the body of every queue change."""
    obj = _object(body, "queue")
    return QueueReading(
        measured_at=_measured_at(obj, "queue"),
        length=_count(obj, "length", "queue"),
        admitted_per_minute=_amount(obj, "admitted_per_minute", "queue"),
        admission_rate=_count(obj, "admission_rate", "queue"),
        paused=_flag(obj, "paused", "queue"),
        estimated_wait_seconds=_amount(obj, "estimated_wait_seconds", "queue"),
    )


def combine(sales: SalesReading, queue: QueueReading, polled_at: datetime, received_at: datetime) -> ShopSnapshot:
    """One snapshot from the two readings.

    measured_at is the older of the shop's own timestamps, so a shop serving a stale cache looks stale;
    it is capped at `received_at` because a reading cannot come from the future (the shop's clock may be
    ahead of ours). Without timestamps it is `polled_at`, when the console asked.
    """
    stamps = [t for t in (sales.measured_at, queue.measured_at) if t is not None]
    measured_at = min(min(stamps), received_at) if stamps else polled_at
    return ShopSnapshot(
        measured_at=measured_at,
        currency=sales.currency,
        categories=sales.categories,
        tickets_sold=sales.tickets_sold,
        revenue=sales.revenue,
        orders_per_minute=sales.orders_per_minute,
        queue_length=queue.length,
        admitted_per_minute=queue.admitted_per_minute,
        admission_rate=queue.admission_rate,
        queue_paused=queue.paused,
        estimated_wait_seconds=queue.estimated_wait_seconds,
    )


# ---------------------------------------------------------------- errors and throttling


def clean_message(text: str, limit: int = MAX_MESSAGE) -> str:
    """One printable line of at most `limit` characters: a shop's message goes on a wall screen."""
    line = " ".join(_CONTROL.sub(" ", text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def parse_error(raw: bytes) -> ShopErrorBody | None:
    """The contract's `{"error": {"code", "message"}}`, or None when the body is something else."""
    try:
        outer = _object(decode_json(raw), "body")
        inner = _object(_field(outer, "error", "body"), "error")
        code = clean_message(_text(inner, "code", "error"), 60)
        message = clean_message(_text(inner, "message", "error"))
    except ShopBodyError:
        return None
    return ShopErrorBody(code=code, message=message)


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Retry-After as seconds: delta-seconds or an HTTP-date (RFC 9110); None when absent or unreadable.

    `now` is wall-clock UTC, because an HTTP-date is wall-clock time, even in a sped-up demo.
    """
    if value is None:
        return None
    text = value.strip()
    if _SECONDS.fullmatch(text):
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        return None
    return max((when - now).total_seconds(), 0.0)
