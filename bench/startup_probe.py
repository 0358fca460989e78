"""Runs `saleday-console --demo` in this process and reports when the main window first painted and when
every panel first showed live data, as epoch seconds on one JSON line (bench/startup.py reads it and
may end the process then: how long the console takes to shut down is not part of its start-up).

Imports only what the console imports anyway (PySide6 QtCore/QtWidgets) before handing over to the
console's own entry point, so the console's start-up is measured, not the probe's.
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

GIVE_UP_S = 30.0
ALL_TILES_GRACE_S = 1.0  # after every panel is live, how long to wait for the last empty tiles
WAITING = "waiting for data…"  # widgets.tile.WAITING, the freshness line before a source's first success
DASH = "—"  # widgets.formatting.DASH, a tile without a value


class Probe(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.window: QMainWindow | None = None
        self.times: dict[str, float] = {}
        self._watch = QTimer(self)
        self._watch.setInterval(10)
        self._watch.timeout.connect(self._check_panels)
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.window is None and isinstance(watched, QMainWindow):
            self.window = watched
            QTimer.singleShot(0, self._painted)  # after the whole window's paint pass
        return False

    def _painted(self) -> None:
        self.times["first_paint"] = time.time()
        self._watch.start()

    def _check_panels(self) -> None:
        panels = getattr(self.window, "panels", ())
        if not panels:
            return
        live = [any(t.value_text != DASH for t in p.tiles) and all(t.freshness != WAITING for t in p.tiles)
                for p in panels]
        for panel, ok in zip(panels, live, strict=True):
            self.times.setdefault(f"panel_{type(panel).__name__}", time.time()) if ok else None
        if all(live) and "live_data" not in self.times:
            self.times["live_data"] = time.time()
        full = all(t.value_text != DASH for p in panels for t in p.tiles)
        if full and "all_tiles" not in self.times:
            self.times["all_tiles"] = time.time()
        done = "all_tiles" in self.times or time.time() - self.times.get("live_data", time.time()) > ALL_TILES_GRACE_S
        if "live_data" in self.times and done:
            self._watch.stop()
            print(json.dumps(self.times), flush=True)  # now: the console's shutdown is not part of start-up
            self.app.quit()


def main() -> int:
    app = QApplication(sys.argv[:1])
    probe = Probe(app)
    QTimer.singleShot(int(GIVE_UP_S * 1000), app.quit)
    from console.cli import main as console_main

    code = console_main(["--demo", *sys.argv[1:]])
    if "live_data" not in probe.times:
        print(json.dumps({"exit": code, **probe.times}), flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
