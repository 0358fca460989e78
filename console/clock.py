"""Campaign time.

A real campaign runs on the wall clock. The demo runs simulated time N times faster, and every
process that joins the same demo (emulators, simulator, several consoles) must agree on it, so the
scaled clock is defined by three numbers that travel in the campaign file.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """Current campaign time, timezone-aware UTC."""
        ...

    @property
    def speed(self) -> float: ...


class WallClock:
    speed = 1.0

    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass(frozen=True)
class ScaledClock:
    """Simulated time: `origin_sim` at wall time `origin_wall` (epoch seconds), running `speed` x."""

    origin_sim: datetime
    origin_wall: float
    speed: float

    def now(self) -> datetime:
        elapsed = (time.time() - self.origin_wall) * self.speed
        return self.origin_sim + timedelta(seconds=elapsed)

    def wall_seconds(self, campaign_seconds: float) -> float:
        """How long `campaign_seconds` of campaign time take on the wall."""
        return campaign_seconds / self.speed
