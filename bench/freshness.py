"""Freshness: from a change in the shop emulator's queue length to the window's queue panel showing it.

The demo runs with its simulator stopped, so that only this benchmark moves the shop's queue. At a
random moment it sets a new length in the emulator and notes the time; a 2 ms timer on the GUI thread
watches the queue panel's "Queued" tile until it shows that number. The shop is polled every
`poll.shop` seconds, so a change waits up to one interval for the next poll, plus the poll and the
hop to the GUI thread. Target: p95 <= the poll interval + 250 ms.
"""

from __future__ import annotations

import random
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from bench.common import Check, Result, distribution, emit, rounded
from bench.live_window import run_live_window
from console.runtime import poll_interval
from console.snapshots import SourceName
from widgets.main_window import MainWindow

if TYPE_CHECKING:
    from console.demo.environment import DemoEnvironment
    from console.demo.shop_emulator import ShopWorld

SPEED = 10.0  # the demo's default
CHANGES = 30
MARGIN_S = 0.25


class QueueChanger:
    """Sets the shop's queue, waits until the panel shows it, waits a random while, and again."""

    def __init__(self, app: QApplication, window: MainWindow, shop_world: ShopWorld, changes: int) -> None:
        self.app, self.window, self.shop = app, window, shop_world
        self.changes = changes
        self.delays: list[float] = []
        self._rng = random.Random(7)
        self._expected = ""
        self._changed_at = 0.0
        self._watch = QTimer()
        self._watch.setTimerType(Qt.TimerType.PreciseTimer)
        self._watch.setInterval(2)
        self._watch.timeout.connect(self._look)

    def schedule(self) -> None:
        if len(self.delays) >= self.changes:
            self.app.quit()
            return
        QTimer.singleShot(int(self._rng.uniform(100, 1300)), self._change)

    def _change(self) -> None:
        length = 30_000 + 17 * len(self.delays) + self._rng.randrange(1000) * 100
        self._expected = self.window.queue_panel.numbers.integer(length)
        self.shop.record_queue(length, 1500.0, length / 25.0)
        self._changed_at = time.monotonic()
        self._watch.start()

    def _look(self) -> None:
        if self.window.queue_panel.queued.value_text == self._expected:
            self.delays.append(time.monotonic() - self._changed_at)
            self._watch.stop()
            self.schedule()


def main() -> None:
    interval: dict[str, float] = {}
    changers: list[QueueChanger] = []

    def stop_simulator(env: DemoEnvironment) -> None:
        assert env.driver is not None and env.campaign is not None
        env.driver.stop()
        interval["shop"] = poll_interval(env.campaign, SourceName.SHOP)

    def on_live(app: QApplication, window: MainWindow, env: DemoEnvironment) -> None:
        assert env.shop_world is not None
        changer = QueueChanger(app, window, env.shop_world, CHANGES)
        changers.append(changer)
        changer.schedule()

    run_live_window(SPEED, on_live, limit_s=CHANGES * 4 + 30, before_window=stop_simulator)
    delays = changers[0].delays if changers else []
    if len(delays) < CHANGES:
        raise RuntimeError(f"only {len(delays)} of {CHANGES} changes reached the panel")
    target = interval["shop"] + MARGIN_S
    stats = distribution(delays)
    emit(Result(
        "freshness",
        [Check("queue change to panel, p95", stats["p95"], "s", f"<= poll interval + {MARGIN_S:g} s = {target:g} s",
               stats["p95"] <= target)],
        details={"delay_s": stats, "shop_poll_interval_s": interval["shop"], "delays_s": rounded(delays)},
        notes="demo at speed 10 in-process, simulator stopped; the shop emulator's queue set directly",
    ))


if __name__ == "__main__":
    main()
