"""The shop emulator over a world whose clock stands still, so bodies and timestamps can be checked exactly.

Both the emulator's contract tests and the shop source's tests use it: `world` and `shop` are fixtures that
their packages' conftest.py offer.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from console.demo.shop_emulator import ShopEmulator, ShopWorld

KEY = "shop-secret-key-5e1d9c"
MOMENT = datetime(2026, 12, 1, 9, 0, 0, tzinfo=UTC)


@dataclass
class FixedClock:
    """Always says `moment`, for the world and for the sources that read it."""

    moment: datetime
    speed: float = 1.0

    def now(self) -> datetime:
        return self.moment


@pytest.fixture
def world() -> ShopWorld:
    return ShopWorld(clock=FixedClock(MOMENT))


@pytest.fixture
def shop(world: ShopWorld) -> Iterator[ShopEmulator]:
    with ShopEmulator(world, KEY) as emulator:
        yield emulator
