"""Fixed-size ring buffers of (time, value) samples for the charts.

Preallocated numpy arrays: appending never allocates, memory stays flat over a 12-hour day, and the
chart reads contiguous views. Per-minute sources (CloudWatch, Cloudflare analytics) revise their
latest minutes, so a sample at an existing timestamp replaces the old value instead of adding one.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]


class TimeSeries:
    def __init__(self, capacity: int = 43_200) -> None:
        self._capacity = capacity
        self._t = np.empty(capacity * 2, dtype=np.float64)
        self._v = np.empty(capacity * 2, dtype=np.float64)
        self._start = 0
        self._end = 0

    def __len__(self) -> int:
        return self._end - self._start

    @property
    def first_time(self) -> float | None:
        return float(self._t[self._start]) if len(self) else None

    @property
    def last_time(self) -> float | None:
        return float(self._t[self._end - 1]) if len(self) else None

    def add(self, t: float, value: float) -> bool:
        """Insert or replace the sample at time `t` (epoch seconds). Returns True if anything changed."""
        if len(self) and t <= self._t[self._end - 1]:
            return self._replace(t, value)
        if self._end == len(self._t):
            self._compact()
        self._t[self._end] = t
        self._v[self._end] = value
        self._end += 1
        if len(self) > self._capacity:
            self._start += 1
        return True

    def _replace(self, t: float, value: float) -> bool:
        times = self._t[self._start : self._end]
        index = int(np.searchsorted(times, t))
        if index < len(times) and times[index] == t:
            old = self._v[self._start + index]
            if old == value or (np.isnan(old) and np.isnan(value)):
                return False
            self._v[self._start + index] = value
            return True
        return False  # older than anything kept, or between samples: late data is dropped

    def _compact(self) -> None:
        """Move the live window to the front; amortised O(1) per append thanks to the 2x buffer."""
        n = len(self)
        self._t[:n] = self._t[self._start : self._end]
        self._v[:n] = self._v[self._start : self._end]
        self._start, self._end = 0, n

    def arrays(self) -> tuple[FloatArray, FloatArray]:
        """Views (not copies) of the live samples, oldest first. Valid until the next add."""
        return self._t[self._start : self._end], self._v[self._start : self._end]

    def latest(self) -> float | None:
        return float(self._v[self._end - 1]) if len(self) else None
