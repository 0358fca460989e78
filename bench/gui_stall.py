"""GUI stall: the whole window against the emulators while every source first answers after 2 s, then
times out; the figure is the largest lateness of a 10 ms heartbeat timer on the GUI thread over 60 s.

Once every panel shows data, faults go on all three sources through the demo's fault proxies (the
same ones `--faults` drives): `latency=2` for 30 s, then `timeout` for 30 s (the proxies hold each
request until the client's own timeout gives up). A precise 10 ms timer on the GUI thread notes how
much later than 10 ms each tick comes. Target: max <= 50 ms.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from bench.common import Check, Result, distribution, emit
from bench.live_window import run_live_window
from console.demo.faults import Fault, FaultKind
from console.snapshots import SourceName
from widgets.main_window import MainWindow

if TYPE_CHECKING:
    from console.demo.environment import DemoEnvironment

SPEED = 10.0  # the demo's default
PHASE_S = 30.0
PERIOD_MS = 10
TARGET_MS = 50.0


class Heartbeat:
    """A 10 ms precise timer; each tick's lateness is how much longer than the period it came."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(PERIOD_MS)
        self.timer.timeout.connect(self._tick)
        self.late_ms: list[float] = []
        self.worst: tuple[float, float] = (0.0, 0.0)  # (lateness ms, seconds into the run)
        self._started = 0.0
        self._last = 0.0

    def start(self) -> None:
        self._started = self._last = time.perf_counter()
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        late = (now - self._last) * 1000.0 - PERIOD_MS
        self._last = now
        self.late_ms.append(late)
        if late > self.worst[0]:
            self.worst = (late, now - self._started)


def main() -> None:
    heartbeat = Heartbeat()
    seen: dict[str, int] = {}

    def on_live(app: QApplication, window: MainWindow, env: DemoEnvironment) -> None:
        plan = env.fault_plan
        assert plan is not None
        start = plan.elapsed()
        for source in SourceName:
            plan.add(Fault(source, FaultKind.LATENCY, 2.0, start, PHASE_S))
            plan.add(Fault(source, FaultKind.TIMEOUT, None, start + PHASE_S, PHASE_S))
        heartbeat.start()

        def finish() -> None:
            heartbeat.timer.stop()
            seen["failing_tiles"] = sum(1 for panel in window.panels for tile in panel.tiles if tile.error_text)
            app.quit()

        QTimer.singleShot(int(2 * PHASE_S * 1000), finish)

    run_live_window(SPEED, on_live, limit_s=2 * PHASE_S + 60)
    late = heartbeat.late_ms
    if len(late) < 1000:
        raise RuntimeError(f"the heartbeat ticked only {len(late)} times")
    worst, at = heartbeat.worst
    emit(Result(
        "gui_stall",
        [Check("max heartbeat lateness", round(worst, 1), "ms", f"<= {TARGET_MS:g} ms", worst <= TARGET_MS)],
        details={"lateness_ms": distribution(late, 1), "worst_at_s": round(at, 1), "ticks": len(late),
                 "tiles_showing_errors_at_end": seen.get("failing_tiles"), "phases": "latency=2 s 30 s, timeout 30 s"},
        notes="python -m console --demo window in-process (emulators in the same process, as --demo runs them)",
    ))


if __name__ == "__main__":
    main()
