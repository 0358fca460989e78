"""The whole console window against the demo emulators, in this process, for benchmarks that watch the
GUI thread: the same `run_gui` the command line runs, with the demo started here so that a benchmark
can reach its worlds and fault plan (as `--demo` would run them: emulators in the console's process).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from bench.common import qt_offscreen
from widgets.main_window import MainWindow

WAITING = "waiting for data…"  # widgets.tile.WAITING: a panel whose source has not answered yet

if TYPE_CHECKING:
    from console.demo.environment import DemoEnvironment


def is_live(window: MainWindow) -> bool:
    return all(tile.freshness != WAITING for panel in window.panels for tile in panel.tiles)


def main_window(app: QApplication) -> MainWindow | None:
    return next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow)), None)


def run_live_window(
    speed: float,
    on_live: Callable[[QApplication, MainWindow, DemoEnvironment], None],
    limit_s: float,
    before_window: Callable[[DemoEnvironment], None] | None = None,
) -> None:
    """Start the demo and the window; call `on_live` on the GUI thread once every panel shows data.

    `on_live` owns the rest of the run and ends it with `app.quit()`; `limit_s` is a safety net.
    """
    qt_offscreen()
    from console.app import GuiOptions, run_gui
    from console.demo.environment import DemoEnvironment

    with tempfile.TemporaryDirectory(prefix="saleday-bench-") as tmp:
        os.environ["SALEDAY_DATA_DIR"] = str(Path(tmp) / "data")
        app = QApplication.instance() or QApplication([])
        assert isinstance(app, QApplication)
        env = DemoEnvironment(speed=speed)
        campaign = env.start()
        try:
            if before_window is not None:
                before_window(env)
            watcher = QTimer()
            watcher.setInterval(20)

            def check() -> None:
                window = main_window(app)
                if window is not None and is_live(window):
                    watcher.stop()
                    on_live(app, window, env)

            watcher.timeout.connect(check)
            watcher.start()
            QTimer.singleShot(int(limit_s * 1000), app.quit)
            run_gui(campaign, GuiOptions())
        finally:
            env.stop()
