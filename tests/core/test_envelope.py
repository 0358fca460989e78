"""Column envelopes: every column's extremes on a fixed grid, the same whether computed afresh or kept up."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.envelope import AppendWatch, EnvelopeCache, column_width, envelope, summarise
from console.series import SeriesKey, SeriesStore
from console.timeseries import TimeSeries

T0 = 1_800_000_000.0


def brute_force(t: np.ndarray, v: np.ndarray, width: float) -> dict[int, tuple[float, float, float, float]]:
    """Column -> (first time, last time, min, max), one sample at a time."""
    columns: dict[int, list[tuple[float, float]]] = {}
    for ti, vi in zip(t.tolist(), v.tolist(), strict=True):
        columns.setdefault(math.floor(ti / width), []).append((ti, vi))
    result = {}
    for k, samples in columns.items():
        values = [vi for _, vi in samples if not math.isnan(vi)]
        low, high = (min(values), max(values)) if values else (math.nan, math.nan)
        result[k] = (samples[0][0], samples[-1][0], low, high)
    return result


@settings(max_examples=200, deadline=None)
@given(
    gaps=st.lists(st.floats(0.01, 30.0), min_size=1, max_size=300),
    values=st.lists(st.floats(-1e6, 1e6) | st.just(math.nan), min_size=300, max_size=300),
    width=st.floats(0.5, 50.0),
)
def test_summary_holds_each_columns_extremes(gaps: list[float], values: list[float], width: float) -> None:
    t = T0 + np.cumsum(gaps)
    v = np.array(values[: len(t)])
    table = summarise(t, v, width)
    expected = brute_force(t, v, width)
    assert [int(k) for k in table[0]] == sorted(expected)
    for k, first, last, low, high in table.T:
        assert (first, last, low, high) == pytest.approx(expected[int(k)], nan_ok=True)


def test_a_column_of_nan_is_a_gap_and_the_curve_ends_at_the_newest_sample() -> None:
    t = T0 + np.arange(100, dtype=np.float64)
    v = np.ones(100)
    v[40:60] = np.nan  # columns 4 and 5 of ten-second columns
    v[75] = 9.0
    band = envelope(t, v, T0, T0 + 100, 10.0)
    assert np.isnan(band.low[(band.x >= T0 + 40) & (band.x < T0 + 60)]).all()
    assert band.peak == 9.0
    assert band.x[-1] == T0 + 99 and band.x[0] == T0
    assert np.all(np.diff(band.x) > 0)


def test_columns_sit_on_a_grid_anchored_at_zero_not_at_the_view() -> None:
    t = T0 + np.arange(1000, dtype=np.float64)
    v = np.sin(t)
    one, other = envelope(t, v, T0 + 100, T0 + 900, 16.0), envelope(t, v, T0 + 107, T0 + 907, 16.0)
    shared = np.intersect1d(one.x[1:-1], other.x[1:-1])
    assert len(shared) > 40  # moving the view by 7 s moves no column
    assert np.all(shared % 16.0 == 8.0)  # column middles


def test_the_ladder_of_widths() -> None:
    widths = [column_width(span, 800) for span in np.linspace(600.0, 50_000.0, 500)]
    assert all(w >= span / 800 for w, span in zip(widths, np.linspace(600.0, 50_000.0, 500), strict=True))
    assert np.all(np.diff(widths) >= 0)
    assert len(set(widths)) < 60  # steps, not one width per span
    assert column_width(43_260.0, 790) == pytest.approx(2 ** (47 / 8))
    assert column_width(0.0, 800) == 1.0


def stream(series: TimeSeries, t: float, n: int, rng: np.random.Generator) -> float:
    for _ in range(n):
        t += float(rng.choice((0.5, 1.0, 1.0, 7.0)))
        series.add(t, float(rng.normal(100.0, 30.0)) if rng.random() > 0.05 else math.nan)
    return t


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("view", [2000.0, 20_000.0])  # a part of the ring; all of it, oldest samples included
def test_kept_up_envelopes_match_fresh_ones(seed: int, view: float) -> None:
    """Appending, the ring dropping its oldest samples, the view following and jumping: never a stale column."""
    rng = np.random.default_rng(seed)
    series = TimeSeries(capacity=3000)
    t = stream(series, T0, 2990, rng)
    cache = EnvelopeCache()
    span = view
    for frame in range(300):
        t = stream(series, t, int(rng.integers(0, 4)), rng)
        if frame % 97 == 50:
            span *= 0.8  # a zoom: another width
        x_max = t + 20.0 if frame % 50 != 25 else t - 900.0  # sometimes a look back
        width = column_width(span, 300)
        times, values = series.arrays()
        kept = cache.envelope(times, values, x_max - span, x_max, width, appended_only=True)
        fresh = envelope(times, values, x_max - span, x_max, width)
        for field in ("x", "left", "right", "low", "high", "adjacent"):
            np.testing.assert_array_equal(getattr(kept, field), getattr(fresh, field))
        assert kept.peak == pytest.approx(fresh.peak, nan_ok=True)


def test_a_replaced_sample_is_seen_when_the_watch_says_so() -> None:
    store = SeriesStore(capacity=5000)
    for i in range(4000):
        store.add(SeriesKey.QUEUE, T0 + i, 10.0)
        store.add(SeriesKey.SOLD, T0 + i, float(i))
    watch, cache = AppendWatch(store), EnvelopeCache()
    t, v = store[SeriesKey.QUEUE].arrays()
    cache.envelope(t, v, T0, T0 + 4000, 20.0, appended_only=watch.look())

    store.add(SeriesKey.QUEUE, T0 + 4000, 11.0)
    store.add(SeriesKey.SOLD, T0 + 4000, 4000.0)
    assert watch.look()  # appends only
    assert watch.look()  # and then nothing at all

    store.add(SeriesKey.QUEUE, T0 + 100, 500.0)  # a source revising an old sample
    store.add(SeriesKey.SOLD, T0 + 4001, 4001.0)
    appended_only = watch.look()
    assert not appended_only
    t, v = store[SeriesKey.QUEUE].arrays()
    assert cache.envelope(t, v, T0, T0 + 4001, 20.0, appended_only).peak == 500.0


def test_more_samples_than_a_ring_holds_start_the_summary_over() -> None:
    store = SeriesStore(capacity=100)
    for i in range(50):
        store.add(SeriesKey.QUEUE, T0 + i, 1.0)
    watch = AppendWatch(store)
    for i in range(50, 250):
        store.add(SeriesKey.QUEUE, T0 + i, 1.0)
    assert not watch.look()
