"""Steering the shop's queue: pause, resume, admission rate (docs/shop-api.md).

Every change carries an Idempotency-Key, generated when the caller gives none, so that the caller can
repeat a change whose answer was lost and the shop applies it exactly once. Nothing here retries by
itself: a lost answer is reported as a SourceError and the caller decides, with the same key.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from console.config import ShopConfig
from console.sources.shop import ShopHttp
from console.sources.shop_body import QueueReading, parse_queue

_KEY = re.compile(r"[\x21-\x7e]{1,255}")


def new_idempotency_key() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True, slots=True)
class QueueChange:
    """What one change did. `before` is read just before the change, so another operator's change in
    between shows up as a surprising `before` rather than being lost; `replayed` means the shop had
    already applied this key and nothing changed now."""

    before: QueueReading
    after: QueueReading
    idempotency_key: str
    replayed: bool


class ShopQueueControl:
    """Queue actions against one shop; used by one action worker at a time."""

    def __init__(self, shop_config: ShopConfig, api_key: str, timeout: float = 8.0) -> None:
        self._http = ShopHttp(shop_config.base_url, api_key, timeout)

    def read(self) -> QueueReading:
        queue, _ = self._http.call("GET", "/queue", parse_queue)
        return queue

    def pause(self, idempotency_key: str | None = None) -> QueueChange:
        """Stop admitting from the queue; people keep their places."""
        return self._change("POST", "/queue/pause", None, idempotency_key)

    def resume(self, idempotency_key: str | None = None) -> QueueChange:
        return self._change("POST", "/queue/resume", None, idempotency_key)

    def set_admission_rate(self, per_minute: int, idempotency_key: str | None = None) -> QueueChange:
        """Admissions per minute. The console's own cap (safety.max_admission_rate) is checked by the guard."""
        if isinstance(per_minute, bool) or not isinstance(per_minute, int) or per_minute < 1:
            raise ValueError(f"admission rate must be a whole number of people per minute >= 1, not {per_minute!r}")
        return self._change("PUT", "/queue/admission-rate", {"per_minute": per_minute}, idempotency_key)

    def close(self) -> None:
        self._http.close()

    def _change(self, method: str, path: str, body: dict[str, int] | None, idempotency_key: str | None) -> QueueChange:
        key = new_idempotency_key() if idempotency_key is None else idempotency_key
        if not _KEY.fullmatch(key):
            raise ValueError("an idempotency key is 1-255 visible ASCII characters")
        before = self.read()
        after, replayed = self._http.call(method, path, parse_queue, json_body=body, idempotency_key=key)
        return QueueChange(before=before, after=after, idempotency_key=key, replayed=replayed)
