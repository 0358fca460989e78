"""Restart continuity: a console restarted on a running campaign shows the history since it began.

`restore` replays the recording through `CampaignState.apply`, the same path live updates take, so
the charts after a restart are exactly what they were before it. Each source's freshness is aged by
the wall time since its sample was recorded: a source last seen ten minutes before the restart shows
as stale until its poller reports again, not as fresh.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

from console.recording.reader import iter_samples
from console.state import CampaignState


def restore(state: CampaignState, path: Path) -> int:
    """Apply every recorded update to a fresh `state`, oldest first; returns how many were applied."""
    mono_now = time.monotonic()
    wall_now = datetime.now(UTC)
    count = 0
    for sample in iter_samples(path):
        age = max((wall_now - sample.wall_time).total_seconds(), 0.0)
        state.apply(sample.update, monotonic_now=mono_now - age)
        count += 1
    return count
