"""One worker thread per source: poll on its own schedule, back off on failure, never block the GUI.

The clients' own retries (botocore, the Cloudflare SDK, urllib3) handle a single call; the poller
adds what they don't: a schedule per source, exponential backoff with jitter across polls,
Retry-After honoured across polls, and a report of every outcome, success or failure.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from console.clock import Clock
from console.snapshots import FailureKind, SourceUpdate
from console.sources.base import Source
from console.sources.errors import SourceError

log = logging.getLogger(__name__)


# A backend that comes back must show on the wall within two poll intervals, so the backoff may not
# wait longer than this many intervals (plus the poll itself). One console's polls are a light load
# on a failing backend; a backend that wants quiet says so with Retry-After, which is still honoured.
RECOVERY_CAP_POLLS = 1.5


@dataclass(frozen=True)
class Backoff:
    """Delay before the next poll after `failures` consecutive failures.

    Doubles from `interval` up to `max_delay`. Jitter only shortens a delay, so `max_delay` is a true
    ceiling (the recovery promise rests on it); a longer Retry-After wins over both.
    """

    interval: float
    max_delay: float = 300.0
    jitter: float = 0.2

    @classmethod
    def capped(cls, interval: float) -> Backoff:
        """The console's backoff: recovery is seen within two polls of the backend coming back."""
        return cls(interval, max_delay=RECOVERY_CAP_POLLS * interval)

    def delay(self, failures: int, retry_after: float | None, rng: random.Random) -> float:
        if failures == 0:
            return self.interval
        base = min(self.interval * (2 ** min(failures - 1, 10)), self.max_delay)
        base = max(base, self.interval)
        jittered = base * (1 - rng.uniform(0.0, self.jitter))
        return max(jittered, retry_after or 0.0)


class Poller:
    """Runs `source.fetch()` every `interval` seconds on a daemon thread and publishes each outcome."""

    def __init__(
        self,
        source: Source,
        interval: float,
        clock: Clock,
        publish: Callable[[SourceUpdate], None],
        backoff: Backoff | None = None,
    ) -> None:
        self.source = source
        self._clock = clock
        self._publish = publish
        self._backoff = backoff or Backoff.capped(interval)
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"poll-{source.name}", daemon=True)
        self._rng = random.Random()
        self._last_ok_at: datetime | None = None
        self.failures = 0

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)
        self.source.close()

    @property
    def alive(self) -> bool:
        """The worker still runs: no source failure may end it, only stop()."""
        return self._thread.is_alive()

    def poll_now(self) -> None:
        """Ask for a poll as soon as possible (after an action, to show its effect)."""
        self._wake.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            retry_after = self._poll_once()
            delay = self._backoff.delay(self.failures, retry_after, self._rng)
            self._wake.wait(delay)
            self._wake.clear()

    def _poll_once(self) -> float | None:
        attempted = self._clock.now()
        try:
            snapshot = self.source.fetch()
        except SourceError as exc:
            return self._report_failure(attempted, exc.message, exc.kind, exc.retry_after)
        except Exception as exc:  # a bug in a parser must not kill the worker
            log.exception("source %s failed unexpectedly", self.source.name)
            return self._report_failure(attempted, f"unexpected error: {type(exc).__name__}", FailureKind.ERROR, None)
        self.failures = 0
        self._last_ok_at = snapshot.measured_at
        self._publish(SourceUpdate(self.source.name, attempted, snapshot, last_ok_at=snapshot.measured_at))
        return None

    def _report_failure(
        self, attempted: datetime, message: str, kind: FailureKind, retry_after: float | None
    ) -> float | None:
        self.failures += 1
        self._publish(
            SourceUpdate(
                self.source.name,
                attempted,
                None,
                error=message,
                failure=kind,
                last_ok_at=self._last_ok_at,
                retry_after=retry_after,
            )
        )
        return retry_after
