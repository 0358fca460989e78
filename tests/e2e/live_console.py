"""The console as `console.app.run_gui` builds it, live in the test process, for tests that need to
look inside while the demo runs: every update as it reaches the GUI thread, the tiles of each source,
and a heartbeat that measures how late the GUI thread gets round to a 10 ms timer.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

from console.actions.runner import ActionRunner
from console.app import open_console
from console.bridge import GuiBridge
from console.clock import ScaledClock
from console.config import Campaign
from console.demo.environment import DemoEnvironment
from console.demo.faults import FaultPlan
from console.session import Session
from console.snapshots import SourceName, SourceUpdate
from widgets.main_window import MainWindow
from widgets.panel import Panel
from widgets.tile import Tile


def pump(milliseconds: int) -> None:
    """Let the GUI thread run its event loop, as `app.exec()` would, for a while."""
    QTest.qWait(milliseconds)


def wait_until(condition: Callable[[], bool], seconds: float, step_ms: int = 20) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        pump(step_ms)
    return True


class Heartbeat:
    """A precise 10 ms timer on the GUI thread. Each tick's lateness is how much longer than the
    period it came after the previous one: the longest the GUI thread was busy (or starved) at once."""

    def __init__(self, period_ms: int = 10) -> None:
        self.period = period_ms / 1000.0
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(period_ms)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.ticks = 0
        self.max_late = 0.0
        self.late: list[tuple[float, float]] = []  # (monotonic time, lateness) of ticks over 50 ms late

    def start(self) -> None:
        self._last = time.monotonic()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.monotonic()
        late = now - self._last - self.period
        self._last = now
        self.ticks += 1
        self.max_late = max(self.max_late, late)
        if late > 0.05:
            self.late.append((now, late))

    def worst_between(self, start: float, end: float) -> float:
        """The longest lateness seen in [start, end]; below 50 ms is reported as 0."""
        return max((late for at, late in self.late if start <= at <= end), default=0.0)


@dataclass(frozen=True)
class Arrival:
    """One update as the GUI thread applied it, with when (time.monotonic() and time.time())."""

    at: float
    wall: float
    update: SourceUpdate


@dataclass
class LiveConsole:
    env: DemoEnvironment
    campaign: Campaign
    session: Session
    window: MainWindow
    bridge: GuiBridge
    runner: ActionRunner
    heartbeat: Heartbeat = field(default_factory=Heartbeat)
    arrivals: list[Arrival] = field(default_factory=list)

    @property
    def plan(self) -> FaultPlan:
        assert self.env.fault_plan is not None
        return self.env.fault_plan

    def panels_of(self, source: SourceName) -> list[Panel]:
        window = self.window
        panels: list[Panel] = [{SourceName.AWS: window.fleet_panel, SourceName.CLOUDFLARE: window.cdn_panel,
                                SourceName.SHOP: window.sales_panel}[source]]
        queue_source = SourceName.CLOUDFLARE if self.campaign.admission.control == "cloudflare" else SourceName.SHOP
        if source == queue_source:
            panels.append(window.queue_panel)
        return panels

    def tiles_of(self, source: SourceName) -> list[Tile]:
        return [tile for panel in self.panels_of(source) for tile in panel.tiles]

    def successes(self, source: SourceName, after: float = 0.0) -> list[Arrival]:
        return [a for a in self.arrivals if a.update.source == source and a.update.ok and a.at > after]

    def poll_seconds(self, arrival: Arrival) -> float:
        """How long the poll took: from its start (campaign time, scaled) to its arrival on the GUI thread."""
        clock = self.session.clock
        assert isinstance(clock, ScaledClock)
        started = clock.origin_wall + (arrival.update.attempted_at - clock.origin_sim).total_seconds() / clock.speed
        return arrival.wall - started

    def close(self) -> None:
        self.heartbeat.stop()
        self.runner.shutdown()
        self.session.stop()
        self.window.close()
        self.window.deleteLater()
        pump(50)


def open_live_console(
    env: DemoEnvironment, campaign: Campaign, recording: Path, role: str = "operator"
) -> LiveConsole:
    """Session, bridge, runner and window exactly as run_gui makes them; updates are also noted on arrival."""
    session = Session.build(campaign, role, recording)
    bridge = GuiBridge()
    runner = ActionRunner(bridge.post)
    window = open_console(session, bridge, runner)
    live = LiveConsole(env, campaign, session, window, bridge, runner)

    def deliver(apply: Callable[[Any], None], update: SourceUpdate) -> None:
        def apply_and_note(item: SourceUpdate) -> None:
            apply(item)
            live.arrivals.append(Arrival(time.monotonic(), time.time(), item))

        bridge.post(apply_and_note, update)

    session.start(deliver)
    return live
