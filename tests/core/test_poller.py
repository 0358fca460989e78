"""The poller reports every outcome, backs off on failure and recovers; a source bug never kills it."""

from __future__ import annotations

import random
import threading
from datetime import UTC, datetime

from console.clock import WallClock
from console.poller import Backoff, Poller
from console.snapshots import FailureKind, ShopSnapshot, SourceName, SourceUpdate
from console.sources.errors import SourceError


class ScriptedSource:
    """A source whose outcomes are given in advance: a snapshot, a SourceError or a crash."""

    name = SourceName.SHOP

    def __init__(self, outcomes: list[object]) -> None:
        self.outcomes = outcomes
        self.calls = 0

    def fetch(self) -> ShopSnapshot:
        outcome = self.outcomes[min(self.calls, len(self.outcomes) - 1)]
        self.calls += 1
        if isinstance(outcome, Exception):
            raise outcome
        assert isinstance(outcome, ShopSnapshot)
        return outcome

    def close(self) -> None:
        pass


def snapshot() -> ShopSnapshot:
    return ShopSnapshot(datetime.now(UTC), "PLN", (), 0, 0.0, 0.0, 0, 0.0, 300, False, 0.0)


def collect(source: ScriptedSource, count: int, interval: float = 0.01) -> list[SourceUpdate]:
    updates: list[SourceUpdate] = []
    done = threading.Event()

    def publish(update: SourceUpdate) -> None:
        updates.append(update)
        if len(updates) >= count:
            done.set()

    poller = Poller(source, interval, WallClock(), publish, Backoff(interval, max_delay=0.05))
    poller.start()
    assert done.wait(10)
    poller.stop()
    return updates[:count]


def test_failure_then_recovery_is_reported_with_last_success() -> None:
    good = snapshot()
    source = ScriptedSource([good, SourceError(FailureKind.THROTTLED, "slow down", retry_after=0.02),
                             RuntimeError("parser bug"), good])
    updates = collect(source, 4)
    assert [u.ok for u in updates] == [True, False, False, True]
    assert updates[1].failure == FailureKind.THROTTLED and updates[1].retry_after == 0.02
    assert updates[1].last_ok_at == good.measured_at
    assert updates[2].failure == FailureKind.ERROR and "RuntimeError" in (updates[2].error or "")


def test_backoff_grows_with_jitter_and_honours_retry_after() -> None:
    backoff = Backoff(interval=2.0, max_delay=60.0, jitter=0.2)
    rng = random.Random(1)
    assert backoff.delay(0, None, rng) == 2.0
    delays = [backoff.delay(n, None, rng) for n in range(1, 9)]
    assert 1.6 <= delays[0] <= 2.4
    assert 6.4 <= delays[2] <= 9.6
    assert max(delays) <= 72.0
    assert backoff.delay(1, 30.0, rng) == 30.0


def test_capped_backoff_never_waits_past_one_and_a_half_polls_unless_asked() -> None:
    backoff = Backoff.capped(4.0)
    rng = random.Random(7)
    delays = [backoff.delay(n, None, rng) for n in range(1, 40)]
    assert 3.2 <= delays[0] <= 4.0
    assert max(delays) <= 6.0  # a backend that is back is polled again within two intervals
    assert min(delays[3:]) >= 6.0 * 0.8  # still backing off: jitter only shortens
    assert backoff.delay(5, 30.0, rng) == 30.0  # Retry-After wins over the cap
