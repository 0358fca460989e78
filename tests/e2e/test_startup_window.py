"""The window paints before the demo has started, says so, and becomes the campaign's once it is open."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from console.app import GuiOptions, run_gui
from console.paths import DATA_DIR_ENV
from widgets.main_window import MainWindow


class FirstPaint(QObject):
    """Notes what the main window showed when it first painted, and keeps the window."""

    def __init__(self) -> None:
        super().__init__()
        self.window: MainWindow | None = None
        self.status = ""
        self.title = ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.window is None and isinstance(watched, MainWindow):
            self.window = watched
            self.status = watched.statusBar().currentMessage()
            self.title = watched.windowTitle()
        return False


def probe_first_paint() -> dict[str, str]:
    """Run the demo window briefly in this process and report what it showed first and last."""
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    probe = FirstPaint()
    app.installEventFilter(probe)
    try:
        code = run_gui(None, GuiOptions(run_for=2.0, demo_speed=100.0))
    finally:
        app.removeEventFilter(probe)
    assert probe.window is not None
    return {"code": str(code), "status": probe.status, "title": probe.title,
            "final_title": probe.window.windowTitle(), "sold": probe.window.sales_panel.tiles[0].value_text}


def test_the_window_shows_starting_then_the_demo(tmp_path: Path) -> None:
    # In its own process: run_gui owns the application's event loop and its settings for its whole life.
    env = {**os.environ, DATA_DIR_ENV: str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "tests.e2e.test_startup_window"], env=env, capture_output=True,
                            text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown["code"] == "0"
    assert shown["status"] == "starting the demo sale day…"
    assert shown["title"] == "Demo sale day · Saleday Console"
    # Once open: the demo campaign's name, and the panels fed by it.
    assert shown["final_title"] != shown["title"]
    assert shown["final_title"].endswith(" · Saleday Console")
    assert shown["sold"] != "—"


if __name__ == "__main__":
    print(json.dumps(probe_first_paint()))
