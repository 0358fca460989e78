"""The Cloudflare budget: one console's share is never overdrawn, and the wait is exact."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from console.budget import CLOUDFLARE_COST, BudgetedSource, CloudflareBudgets, SlidingBudget
from console.snapshots import FailureKind, ShopSnapshot, SourceName
from console.sources.errors import SourceError


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def test_sliding_budget_refuses_past_the_limit_and_says_how_long() -> None:
    clock = Clock()
    budget = SlidingBudget(10, 300, clock)
    for _ in range(5):
        assert budget.wait_for(2) == 0
        budget.spend(2)
        clock.t += 10
    assert budget.wait_for(2) == pytest.approx(1000 + 300 - clock.t)
    clock.t = 1300.0
    assert budget.wait_for(2) == 0


class CountingSource:
    name = SourceName.CLOUDFLARE

    def __init__(self) -> None:
        self.fetches = 0

    def fetch(self) -> ShopSnapshot:
        self.fetches += 1
        return ShopSnapshot(datetime.now(UTC), "PLN", (), 0, 0.0, 0.0, 0, 0.0, 1, False, 0.0)

    def close(self) -> None:
        pass


@pytest.mark.parametrize("consoles", [1, 3])
def test_polling_every_second_for_five_minutes_stays_within_the_share(consoles: int) -> None:
    clock = Clock()
    source = CountingSource()
    budgeted = BudgetedSource(source, CloudflareBudgets.for_console(consoles, clock))
    throttled = 0
    for _ in range(300):
        try:
            budgeted.fetch()
        except SourceError as exc:
            assert exc.kind is FailureKind.THROTTLED and exc.retry_after and exc.retry_after > 0
            throttled += 1
        clock.t += 1.0
    share = 0.2 / consoles
    assert source.fetches * CLOUDFLARE_COST["graphql"] <= 300 * share
    assert source.fetches * CLOUDFLARE_COST["rest"] <= 1200 * share
    assert throttled > 0
