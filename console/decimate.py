"""Min/max decimation: at most two points per pixel column before the chart sees the data.

A 12-hour series at 1 s has 43,200 samples and a chart column is a few seconds wide, so drawing
every sample only overdraws. Keeping the minimum and the maximum of each column (in their original
order) draws the same picture, spikes included, at a fraction of the cost. The full-resolution data
stays in the ring buffer for zooming and reports.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.intp]


def minmax_decimate(
    t: FloatArray, v: FloatArray, x_min: float, x_max: float, columns: int
) -> tuple[FloatArray, FloatArray]:
    """Samples of sorted `t` in [x_min, x_max] plus one either side, reduced to min and max per column.

    Returns copies, so the result stays valid when the ring buffer moves on. NaN values are ignored
    by the min/max; a column holding only NaN keeps one NaN so the line shows the gap.
    """
    n = len(t)
    lo = max(int(np.searchsorted(t, x_min, "left")) - 1, 0)
    hi = min(int(np.searchsorted(t, x_max, "right")) + 1, n)
    ts, vs = t[lo:hi], v[lo:hi]
    if columns < 1 or x_max <= x_min or len(ts) <= 2 * columns:
        return ts.astype(np.float64, copy=True), vs.astype(np.float64, copy=True)
    first = int(np.searchsorted(ts, x_min, "left"))
    last = int(np.searchsorted(ts, x_max, "right"))
    picks = _column_extremes(ts[first:last], vs[first:last], x_min, x_max, columns) + first
    keep = np.concatenate((np.arange(first, dtype=np.intp), picks, np.arange(last, len(ts), dtype=np.intp)))
    return ts[keep], vs[keep]


def _column_extremes(t: FloatArray, v: FloatArray, x_min: float, x_max: float, columns: int) -> IntArray:
    """Indices of the min and the max of every non-empty column, in ascending order.

    Linear passes only (no sorting): this runs for every series on every frame that has new data.
    """
    n = len(t)
    if n == 0:
        return np.empty(0, dtype=np.intp)
    column = ((t - x_min) * (columns / (x_max - x_min))).astype(np.intp)
    np.clip(column, 0, columns - 1, out=column)
    starts = np.concatenate((np.zeros(1, dtype=np.intp), np.flatnonzero(column[1:] != column[:-1]) + 1))
    lengths = np.diff(np.append(starts, n))
    segment = np.repeat(np.arange(len(starts)), lengths)
    with np.errstate(invalid="ignore"):
        lows = np.fmin.reduceat(v, starts)
        highs = np.fmax.reduceat(v, starts)
    at_low = _first_where(v == np.repeat(lows, lengths), segment, starts)
    at_high = _first_where(v == np.repeat(highs, lengths), segment, starts)
    first, second = np.minimum(at_low, at_high), np.maximum(at_low, at_high)
    picks = np.column_stack((first, second)).ravel()
    keep = np.ones(len(picks), dtype=bool)
    keep[1::2] = second != first  # one index when the min and the max are the same sample
    return picks[keep]


def _first_where(mask: npt.NDArray[np.bool_], segment: IntArray, starts: IntArray) -> IntArray:
    """Per segment, the first index where `mask` holds; the segment's start where it never does (all NaN)."""
    result = starts.copy()
    hits = np.flatnonzero(mask)
    if len(hits):
        hit_segment = segment[hits]
        first = np.empty(len(hits), dtype=bool)
        first[0] = True
        np.not_equal(hit_segment[1:], hit_segment[:-1], out=first[1:])
        result[hit_segment[first]] = hits[first]
    return result
