"""Tickets per minute from the sold series, and the sell-out forecast at that pace."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.forecast import (
    RATE_WINDOW_S,
    SalesPace,
    Sellout,
    SelloutKind,
    sales_pace,
    sellout,
    sold_out_at,
    tickets_per_minute,
)
from console.series import SeriesKey
from console.snapshots import CategorySales, ShopSnapshot, SourceName, SourceUpdate
from console.state import CampaignState
from console.timeseries import TimeSeries

T0 = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


def series(*samples: tuple[float, float]) -> TimeSeries:
    """Samples as (seconds after T0, tickets sold)."""
    store = TimeSeries(1000)
    for seconds, value in samples:
        store.add(T0.timestamp() + seconds, value)
    return store


def test_no_rate_until_two_samples_span_some_time() -> None:
    assert tickets_per_minute(series()) is None
    assert tickets_per_minute(series((0, 100))) is None


def test_rate_over_a_young_series_uses_its_first_sample() -> None:
    assert tickets_per_minute(series((0, 0), (30, 100), (60, 300))) == 300.0


def test_rate_looks_back_over_the_window_only() -> None:
    # 100/min for ten minutes, then 400/min for the last five: the window sees only the recent pace.
    samples = [(m * 60.0, 100.0 * m) for m in range(11)]
    samples += [(600.0 + m * 60.0, 1000.0 + 400.0 * m) for m in range(1, 6)]
    assert tickets_per_minute(series(*samples)) == 400.0
    assert tickets_per_minute(series(*samples), window_s=15 * 60) == pytest.approx(3000.0 / 15)


def test_rate_uses_the_last_sample_at_or_before_the_window_start() -> None:
    # Polls every 120 s (a fast demo): the window of 180 s reaches back to the sample 240 s ago.
    assert RATE_WINDOW_S == 180.0
    assert tickets_per_minute(series((0, 0), (120, 100), (240, 500), (360, 900))) == 200.0


def test_a_count_corrected_downwards_is_no_pace_not_a_negative_one() -> None:
    assert tickets_per_minute(series((0, 500), (60, 480))) == 0.0


@given(st.lists(st.integers(0, 50), min_size=2, max_size=60), st.integers(1, 600))
def test_rate_of_a_rising_count_is_its_average_slope_over_the_span(steps: list[int], gap: int) -> None:
    total = 0
    samples = []
    for index, step in enumerate(steps):
        total += step
        samples.append((float(index * gap), float(total)))
    rate = tickets_per_minute(series(*samples))
    assert rate is not None and rate >= 0.0
    first = max((s for s in samples if s[0] <= samples[-1][0] - RATE_WINDOW_S), default=samples[0])
    assert rate == pytest.approx((samples[-1][1] - first[1]) * 60.0 / (samples[-1][0] - first[0]))


def test_forecast_is_now_plus_remaining_over_rate() -> None:
    assert sellout(18_000, 20_000, 400.0, T0) == Sellout(SelloutKind.FORECAST, T0 + timedelta(minutes=5), T0)


def test_no_forecast_without_a_pace_or_beyond_a_week() -> None:
    assert sellout(100, 20_000, 0.0, T0) == Sellout(SelloutKind.NO_PACE)
    assert sellout(100, 20_000, None, T0) == Sellout(SelloutKind.NO_PACE)
    assert sellout(100, 20_000, 0.001, T0) == Sellout(SelloutKind.NO_PACE)
    assert sellout(0, 0, 50.0, T0) == Sellout(SelloutKind.NO_PACE)


def test_sold_out_names_when_it_happened() -> None:
    sold = series((0, 19_000), (60, 19_800), (120, 20_000), (180, 20_000))
    assert sold_out_at(sold, 20_000) == T0 + timedelta(seconds=120)
    pace = sales_pace(sold, 20_000)
    assert pace.sellout == Sellout(SelloutKind.SOLD_OUT, T0 + timedelta(seconds=120))


def test_a_record_that_begins_sold_out_does_not_invent_a_time() -> None:
    sold = series((0, 20_000), (60, 20_000))
    assert sold_out_at(sold, 20_000) is None
    assert sales_pace(sold, 20_000).sellout == Sellout(SelloutKind.SOLD_OUT, None)


def test_pace_of_an_empty_series() -> None:
    assert sales_pace(series(), 20_000) == SalesPace(None, Sellout(SelloutKind.NO_PACE))


def shop(at: datetime, sold: int, orders_per_minute: float) -> ShopSnapshot:
    return ShopSnapshot(
        measured_at=at, currency="PLN", categories=(CategorySales("Płyta", 399.0, 20_000, sold),),
        tickets_sold=sold, revenue=sold * 399.0, orders_per_minute=orders_per_minute, queue_length=0,
        admitted_per_minute=0.0, admission_rate=300, queue_paused=False, estimated_wait_seconds=0.0,
    )


def test_campaign_state_gives_tickets_not_orders_per_minute() -> None:
    state = CampaignState("shop", {})
    for minute, sold in enumerate((0, 900, 1800, 2700)):  # 900 tickets a minute in ~300 orders
        at = T0 + timedelta(minutes=minute)
        state.apply(SourceUpdate(SourceName.SHOP, at, shop(at, sold, 300.0)))
    view = state.sales.value
    assert view is not None
    assert view.sold_per_minute == 900.0
    assert view.orders_per_minute == 300.0
    now = T0 + timedelta(minutes=3)
    assert view.sellout == Sellout(SelloutKind.FORECAST, now + timedelta(minutes=17_300 / 900), now)
    assert state.series[SeriesKey.SOLD_RATE].latest() == 900.0
