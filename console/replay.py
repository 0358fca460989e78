"""Replay: a recorded campaign played back through the same window, read-only, at any speed.

A worker thread reads the recording (disk stays off the GUI thread) and hands each recorded poll
outcome, action outcome and alert to `deliver` when the replay clock reaches its campaign time.
"""

from __future__ import annotations

import heapq
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from console.action_markers import recorded_label
from console.actions.audit import read_entries
from console.alerts import rule_title
from console.clock import ScaledClock
from console.markers import Marker, MarkerKind, MarkerList, Outcome
from console.recording.reader import iter_samples, read_alerts
from console.state import CampaignState

Deliver = Callable[[Callable[[Any], None], Any], None]


@dataclass(frozen=True, order=True)
class ReplayEvent:
    at: datetime
    order: int
    apply: Callable[[], None] = field(compare=False)


def first_time(path: Path) -> datetime | None:
    for sample in iter_samples(path):
        return sample.update.attempted_at
    return None


def _markers(path: Path, markers: MarkerList) -> Iterator[ReplayEvent]:
    for entry in read_entries(path):
        if entry.phase != "outcome":
            continue
        at = datetime.fromisoformat(entry.campaign_time)
        outcome = Outcome.OK if entry.outcome == "ok" else Outcome.FAILED
        marker = Marker(f"action-{entry.action_id}", at, recorded_label(entry.action, entry.before, entry.after),
                        MarkerKind.ACTION, outcome)
        yield ReplayEvent(at, entry.seq, partial(markers.add, marker))
    for alert in read_alerts(path):
        if alert.phase == "raised":
            marker = Marker(f"alert-{alert.alert_id}", alert.campaign_time, rule_title(alert.rule), MarkerKind.ALERT,
                            Outcome.FAILED)
            yield ReplayEvent(alert.campaign_time, alert.seq, partial(markers.add, marker))


def _call(fn: Callable[[], None]) -> None:
    fn()


class ReplayFeeder:
    def __init__(self, path: Path, state: CampaignState, clock: ScaledClock, deliver: Deliver) -> None:
        self._path = path
        self._state = state
        self._clock = clock
        self._deliver = deliver
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="replay", daemon=True)
        self.finished = threading.Event()
        self.delivered = 0

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)

    def _events(self) -> Iterator[ReplayEvent]:
        samples = (
            ReplayEvent(s.update.attempted_at, s.seq, partial(self._state.apply, s.update))
            for s in iter_samples(self._path)
        )
        side = sorted(_markers(self._path, self._state.markers))
        return heapq.merge(samples, iter(side))

    def _run(self) -> None:
        for event in self._events():
            while not self._stop.is_set():
                wait = (event.at - self._clock.now()).total_seconds() / self._clock.speed
                if wait <= 0:
                    break
                self._stop.wait(min(wait, 0.5))
            if self._stop.is_set():
                return
            self._deliver(_call, event.apply)
            self.delivered += 1
        self.finished.set()
