"""API budgets the clients' own retry logic does not know about.

Cloudflare allows 1,200 REST requests and 300 GraphQL queries per 5 minutes per token, shared by
every console using that token. A poll that would overdraw this console's share is not sent: the
source reports itself throttled by us (with the wait) and the tiles say so, instead of the whole
token being locked out by Cloudflare on sale day.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from console.snapshots import FailureKind, Snapshot, SourceName
from console.sources.base import Source
from console.sources.errors import SourceError

CLOUDFLARE_WINDOW_S = 300.0
CLOUDFLARE_REST_LIMIT = 1200
CLOUDFLARE_GRAPHQL_LIMIT = 300
CONSOLE_SHARE = 0.2  # of a token's budget one console may spend: leaves room for actions and other tools
CLOUDFLARE_COST = {"rest": 3, "graphql": 1}  # per poll: security level, room, room status; one query


class SlidingBudget:
    """At most `limit` units in any `window` seconds."""

    def __init__(self, limit: float, window: float, now: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self._now = now
        self._spent: deque[tuple[float, float]] = deque()
        self._lock = threading.Lock()

    def _expire(self, now: float) -> None:
        while self._spent and self._spent[0][0] <= now - self.window:
            self._spent.popleft()

    def spent(self) -> float:
        with self._lock:
            self._expire(self._now())
            return sum(units for _, units in self._spent)

    def wait_for(self, units: float) -> float:
        """Seconds until `units` fit (0 if they fit now)."""
        with self._lock:
            now = self._now()
            self._expire(now)
            total = sum(u for _, u in self._spent)
            if total + units <= self.limit:
                return 0.0
            for at, used in self._spent:
                total -= used
                if total + units <= self.limit:
                    return at + self.window - now
            return self.window

    def spend(self, units: float) -> None:
        with self._lock:
            self._spent.append((self._now(), units))


@dataclass(frozen=True)
class CloudflareBudgets:
    rest: SlidingBudget
    graphql: SlidingBudget

    @classmethod
    def for_console(cls, consoles_sharing_token: int, now: Callable[[], float] = time.monotonic
                    ) -> CloudflareBudgets:
        share = CONSOLE_SHARE / max(consoles_sharing_token, 1)
        return cls(SlidingBudget(CLOUDFLARE_REST_LIMIT * share, CLOUDFLARE_WINDOW_S, now),
                   SlidingBudget(CLOUDFLARE_GRAPHQL_LIMIT * share, CLOUDFLARE_WINDOW_S, now))


class BudgetedSource:
    """A source that is only polled while its budgets allow; otherwise it says how long to wait."""

    def __init__(self, source: Source, budgets: CloudflareBudgets) -> None:
        self._source = source
        self._budgets = budgets
        self.name: SourceName = source.name

    def fetch(self) -> Snapshot:
        wait = max(self._budgets.rest.wait_for(CLOUDFLARE_COST["rest"]),
                   self._budgets.graphql.wait_for(CLOUDFLARE_COST["graphql"]))
        if wait > 0:
            raise SourceError(FailureKind.THROTTLED,
                              f"holding back {wait:.0f} s to stay within this console's share of the API budget",
                              retry_after=wait)
        self._budgets.rest.spend(CLOUDFLARE_COST["rest"])
        self._budgets.graphql.spend(CLOUDFLARE_COST["graphql"])
        return self._source.fetch()

    def close(self) -> None:
        self._source.close()
