"""The pace of the sale: tickets per minute, and when the house sells out at that pace.

The shop reports orders per minute, but an order holds several tickets and the promoter's question
is how fast seats go. So the rate is measured on the tickets-sold series itself, over the last few
minutes of campaign time: long enough to smooth out single polls, short enough to follow the steep
first hour of an on-sale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

import numpy as np

from console.timeseries import TimeSeries

RATE_WINDOW_S = 180.0  # campaign seconds the rate looks back over
HORIZON = timedelta(days=7)  # a sell-out further away than this is not a forecast anyone can use


class SelloutKind(StrEnum):
    SOLD_OUT = "sold_out"  # `at` is when the console first saw it sold out (None: before its record began)
    FORECAST = "forecast"  # `at` is when it sells out if the current pace holds
    NO_PACE = "no_pace"  # nothing sells, or too little to name a time


@dataclass(frozen=True)
class Sellout:
    kind: SelloutKind
    at: datetime | None = None
    as_of: datetime | None = None  # FORECAST: the moment of the pace it extrapolates


UNKNOWN_SELLOUT = Sellout(SelloutKind.NO_PACE)


@dataclass(frozen=True)
class SalesPace:
    tickets_per_minute: float | None  # None until two samples span some time
    sellout: Sellout


def tickets_per_minute(sold: TimeSeries, window_s: float = RATE_WINDOW_S) -> float | None:
    """Tickets per minute between the newest sample and the last one at least `window_s` older.

    A series younger than the window uses its first sample. Sales never go backwards on the wall: a
    shop correcting its count downwards reads as no sales, not as a negative pace.
    """
    times, values = sold.arrays()
    if len(times) < 2:
        return None
    end = len(times) - 1
    start = max(int(np.searchsorted(times, times[end] - window_s, "right")) - 1, 0)
    span = float(times[end] - times[start])
    if span <= 0:
        return None
    return max(float(values[end] - values[start]), 0.0) * 60.0 / span


def sold_out_at(sold: TimeSeries, capacity: int) -> datetime | None:
    """When the series first reached `capacity`; None if it has not, or if it began already sold out."""
    if capacity <= 0:
        return None
    times, values = sold.arrays()
    reached = np.flatnonzero(values >= capacity)
    if len(reached) == 0 or reached[0] == 0:
        return None
    return datetime.fromtimestamp(float(times[reached[0]]), UTC)


def sellout(sold: int, capacity: int, rate_per_minute: float | None, now: datetime,
            sold_out: datetime | None = None) -> Sellout:
    """Sold out (and when), or the moment the remaining tickets are gone at `rate_per_minute`."""
    if capacity > 0 and sold >= capacity:
        return Sellout(SelloutKind.SOLD_OUT, sold_out)
    if not rate_per_minute or rate_per_minute <= 0 or capacity <= 0:
        return UNKNOWN_SELLOUT
    minutes = (capacity - sold) / rate_per_minute
    if minutes * 60.0 > HORIZON.total_seconds():
        return UNKNOWN_SELLOUT
    return Sellout(SelloutKind.FORECAST, now + timedelta(minutes=minutes), now)


def sales_pace(sold: TimeSeries, capacity: int, window_s: float = RATE_WINDOW_S) -> SalesPace:
    """The pace as of the newest sample of `sold`, the campaign-time moment the shop last answered."""
    last_time, last_value = sold.last_time, sold.latest()
    if last_time is None or last_value is None:
        return SalesPace(None, UNKNOWN_SELLOUT)
    rate = tickets_per_minute(sold, window_s)
    now = datetime.fromtimestamp(last_time, UTC)
    return SalesPace(rate, sellout(round(last_value), capacity, rate, now, sold_out_at(sold, capacity)))
