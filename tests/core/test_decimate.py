"""Min/max decimation keeps what the eye sees: the range in view, every column's extremes, their order."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from console.decimate import minmax_decimate


def test_few_samples_pass_through_with_one_neighbour_each_side() -> None:
    t = np.arange(100, dtype=np.float64)
    v = t * 2.0
    t2, v2 = minmax_decimate(t, v, 10.0, 20.0, columns=50)
    assert t2.tolist() == list(range(9, 22))
    assert v2.tolist() == [x * 2.0 for x in range(9, 22)]


def test_result_is_a_copy_not_a_view() -> None:
    t = np.arange(10, dtype=np.float64)
    v = np.ones(10)
    _, v2 = minmax_decimate(t, v, 0.0, 9.0, columns=100)
    v[:] = 5.0
    assert v2.tolist() == [1.0] * 10


def test_many_samples_reduce_to_min_and_max_per_column_in_order() -> None:
    t = np.arange(1000, dtype=np.float64)
    v = np.zeros(1000)
    v[105] = 7.0  # a spike in column 1 (samples 100..199)
    v[150] = -3.0  # a dip after it in the same column
    t2, v2 = minmax_decimate(t, v, 0.0, 1000.0, columns=10)
    assert len(t2) <= 2 * 10
    assert np.all(np.diff(t2) > 0)
    column_one = [(ti, vi) for ti, vi in zip(t2, v2, strict=True) if 100 <= ti < 200]
    assert column_one == [(105.0, 7.0), (150.0, -3.0)]


def test_samples_outside_the_view_are_dropped_but_one_neighbour_kept() -> None:
    t = np.arange(10_000, dtype=np.float64)
    v = np.sin(t)
    t2, _ = minmax_decimate(t, v, 5000.0, 6000.0, columns=100)
    assert t2[0] == 4999.0
    assert t2[-1] == 6001.0
    assert np.all((t2[1:-1] >= 5000.0) & (t2[1:-1] <= 6000.0))
    assert len(t2) <= 2 * 100 + 2


def test_nan_is_ignored_and_an_all_nan_column_keeps_the_gap() -> None:
    t = np.arange(400, dtype=np.float64)
    v = np.full(400, 1.0)
    v[0:100] = np.nan  # column 0 is all NaN
    v[150] = np.nan  # column 1 has one NaN among values
    v[160] = 9.0
    t2, v2 = minmax_decimate(t, v, 0.0, 400.0, columns=4)
    column_zero = v2[t2 < 100]
    assert len(column_zero) == 1 and np.isnan(column_zero[0])
    column_one = v2[(t2 >= 100) & (t2 < 200)]
    assert not np.isnan(column_one).any()
    assert 9.0 in column_one and 1.0 in column_one


def test_empty_and_degenerate_inputs() -> None:
    empty = np.empty(0)
    t2, v2 = minmax_decimate(empty, empty, 0.0, 1.0, columns=10)
    assert len(t2) == 0 and len(v2) == 0
    t = np.arange(50, dtype=np.float64)
    t2, _ = minmax_decimate(t, t, 100.0, 200.0, columns=1)
    assert t2.tolist() == [49.0]  # all samples before the view: only the neighbour remains


@settings(max_examples=200, deadline=None)
@given(
    values=st.lists(st.floats(-1e6, 1e6) | st.just(float("nan")), min_size=1, max_size=600),
    columns=st.integers(1, 50),
    window=st.tuples(st.floats(-50, 650), st.floats(1, 700)),
)
def test_extremes_of_every_column_survive(values: list[float], columns: int, window: tuple[float, float]) -> None:
    v = np.array(values, dtype=np.float64)
    t = np.arange(len(v), dtype=np.float64)
    x_min, width = window
    x_max = x_min + width
    t2, v2 = minmax_decimate(t, v, x_min, x_max, columns)
    assert np.all(np.diff(t2) > 0)
    assert set(t2.tolist()) <= set(t.tolist())
    inside = (t >= x_min) & (t <= x_max)
    finite = inside & ~np.isnan(v)
    if finite.any():
        kept = v2[(t2 >= x_min) & (t2 <= x_max)]
        assert np.nanmax(kept) == v[finite].max()
        assert np.nanmin(kept) == v[finite].min()
    if inside.sum() > 2 * columns:
        assert ((t2 >= x_min) & (t2 <= x_max)).sum() <= 2 * columns
