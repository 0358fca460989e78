"""Per-column envelopes of a series on a fixed time grid, kept from frame to frame.

The live charts draw each column of a line width as the band from its lowest to its highest value
(widgets/band_curve.py). Columns sit on a grid anchored at time zero, not at the view's edge, so a
new sample changes only the newest column: `EnvelopeCache` summarises the samples once and then, per
frame, only the tail that can have changed, instead of passing over 43,200 samples per series every
frame (on a 12-hour chart that pass, with caches cold from painting, was the largest part of a frame).

Whether old samples can have changed is `AppendWatch`'s call: a sample replaced in place (a source
revising its latest minutes) makes the caches start over on the next frame.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from console.series import SeriesKey, SeriesStore

FloatArray = npt.NDArray[np.float64]
STEPS_PER_OCTAVE = 8  # column widths come from a ladder 9 % apart
# Rows of the summary table, whose columns are the non-empty columns of the grid.
K, FIRST, LAST, LOW, HIGH = range(5)


@dataclass(frozen=True)
class Envelope:
    """The non-empty columns to draw, in time order, and the highest value in view.

    `low` and `high` are NaN for a column holding only NaN, so the curve shows the gap. `left` and
    `right` bound the time a column stands for: its cell of the grid, narrowed to half a column
    around its samples where they do not fill it (the newest column ends just after the newest
    sample). `x` is where a line through the columns would pass: the column's middle, or its samples.
    """

    x: FloatArray
    left: FloatArray
    right: FloatArray
    low: FloatArray
    high: FloatArray
    adjacent: npt.NDArray[np.bool_]  # column i + 1 is the next cell of the grid (one fewer than columns)
    peak: float  # highest value of the columns overlapping the view, NaN if none

    def __len__(self) -> int:
        return len(self.x)


EMPTY = Envelope(np.empty(0), np.empty(0), np.empty(0), np.empty(0), np.empty(0), np.empty(0, dtype=bool), math.nan)


def column_width(span: float, columns: int) -> float:
    """Seconds per column: at least span / columns, rounded up to the next step of a fixed ladder.

    A ladder rather than the exact quotient: while a young day's history grows, the width, and with it
    every column already summarised, stays the same for a while.
    """
    raw = span / max(columns, 1)
    if not raw > 0.0:
        return 1.0
    return float(2.0 ** (math.ceil(math.log2(raw) * STEPS_PER_OCTAVE - 1e-9) / STEPS_PER_OCTAVE))


def column_of(t: float, width: float) -> int:
    return math.floor(t / width)


def summarise(t: FloatArray, v: FloatArray, width: float) -> FloatArray:
    """Per non-empty column of sorted samples: column, first and last time, min, max (NaN ignored).

    One row per field (K, FIRST, LAST, LOW, HIGH), one column of the table per column of the grid.
    """
    if len(t) == 0:
        return np.empty((5, 0))
    k = np.floor(t / width)
    starts = np.flatnonzero(k[1:] != k[:-1]) + 1
    starts = np.concatenate((np.zeros(1, dtype=starts.dtype), starts))
    table = np.empty((5, len(starts)))
    table[K] = k[starts]
    table[FIRST] = t[starts]
    table[LAST, :-1] = t[starts[1:] - 1]
    table[LAST, -1] = t[-1]
    with np.errstate(invalid="ignore"):
        table[LOW] = np.fmin.reduceat(v, starts)
        table[HIGH] = np.fmax.reduceat(v, starts)
    return table


def first_index(t: FloatArray, column: int, width: float) -> int:
    """Index of the first sample in `column` or later, by the same floor(t / width) as `summarise`."""
    i = int(np.searchsorted(t, column * width, "left"))
    while i > 0 and math.floor(t[i - 1] / width) >= column:
        i -= 1
    while i < len(t) and math.floor(t[i] / width) < column:
        i += 1
    return i


def envelope(t: FloatArray, v: FloatArray, x_min: float, x_max: float, width: float) -> Envelope:
    """The envelope of [x_min, x_max] plus one column either side, computed afresh."""
    first, last = column_of(x_min, width) - 1, column_of(x_max, width) + 1
    return _envelope(_summary(t, v, first, last, width), t, x_min, x_max, width)


class EnvelopeCache:
    """The summary of one series for a view, refreshed where new samples can have landed."""

    def __init__(self) -> None:
        self._table = np.empty((5, 0))
        self._width = 0.0
        self._from = 0  # first column of the grid the summary covers

    def envelope(
        self, t: FloatArray, v: FloatArray, x_min: float, x_max: float, width: float, appended_only: bool
    ) -> Envelope:
        """As `envelope(...)`; `appended_only` says that no sample seen before has changed since the last call."""
        first, last = column_of(x_min, width) - 1, column_of(x_max, width) + 1
        if not appended_only or width != self._width or first < self._from or len(t) == 0:
            self._table = _summary(t, v, first, last, width)
            self._width, self._from = width, first
        else:
            self._refresh(t, v, first, last, width)
        table = self._table
        return _envelope(table[:, : _count_before(table, last + 1)], t, x_min, x_max, width)

    def _refresh(self, t: FloatArray, v: FloatArray, first: int, last: int, width: float) -> None:
        table = self._table
        if table.shape[1] and table[FIRST, 0] < t[0]:  # the ring buffer let its oldest samples go
            table = table[:, int(np.searchsorted(table[LAST], t[0], "left")) :]
            if table.shape[1] and table[FIRST, 0] < t[0]:
                column = int(table[K, 0])
                table = np.concatenate((_summary(t, v, column, column, width), table[:, 1:]), axis=1)
        table = table[:, _count_before(table, first) :]
        # New samples land at or after the newest column summarised, so only that one and later change.
        tail_from = int(table[K, -1]) if table.shape[1] else first
        if last >= tail_from:
            kept = table[:, : _count_before(table, tail_from)]
            table = np.concatenate((kept, _summary(t, v, tail_from, last, width)), axis=1)
        self._table, self._from = table, first


def _count_before(table: FloatArray, column: int) -> int:
    return int(np.searchsorted(table[K], column, "left"))


def _summary(t: FloatArray, v: FloatArray, first: int, last: int, width: float) -> FloatArray:
    """The summary of columns first..last of the grid."""
    lo, hi = first_index(t, first, width), first_index(t, last + 1, width)
    return summarise(t[lo:hi], v[lo:hi], width)


def _envelope(table: FloatArray, t: FloatArray, x_min: float, x_max: float, width: float) -> Envelope:
    if table.shape[1] == 0:
        return EMPTY
    k, first, last, low, high = table
    x = np.clip((k + 0.5) * width, first, last)
    # The series' newest and oldest columns end the curve at its newest and oldest sample.
    if first[0] == t[0]:
        x[0] = t[0]
    if last[-1] == t[-1]:
        x[-1] = t[-1]
    left = np.maximum(k * width, first - width / 2)
    right = np.minimum((k + 1) * width, last + width / 2)
    # The columns overlapping the view: all but at most one either side.
    start, stop = int((k[0] + 1) * width <= x_min), len(k) - int(k[-1] * width > x_max)
    in_view = high[start:stop]
    peak = float(np.nanmax(in_view)) if len(in_view) and not np.isnan(in_view).all() else math.nan
    return Envelope(x, left, right, low.copy(), high.copy(), np.diff(k) == 1, peak)


class AppendWatch:
    """Whether a store has changed only by samples added after each series' newest since the last look.

    `SeriesStore.version` moves once per sample added or replaced. When it moved exactly as often as
    samples were appended, nothing already summarised was replaced; any other count (a replaced sample,
    more samples than a ring holds) answers False, and the caches start over: safe, and rare.
    """

    def __init__(self, store: SeriesStore) -> None:
        self.store = store
        self._version = store.version
        self._newest = {key: store[key].last_time for key in SeriesKey}

    def look(self) -> bool:
        version = self.store.version
        if version == self._version:
            return True
        appended = 0
        for key in SeriesKey:
            t, _ = self.store[key].arrays()
            newest = self._newest[key]
            appended += len(t) - (int(np.searchsorted(t, newest, "right")) if newest is not None else 0)
            self._newest[key] = float(t[-1]) if len(t) else None
        only_appended = version - self._version == appended
        self._version = version
        return only_appended
