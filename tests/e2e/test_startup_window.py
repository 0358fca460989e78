"""The window paints before the demo has started, says so, and becomes the campaign's once it is open."""

from __future__ import annotations

from pathlib import Path

import pytest
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


def test_the_window_shows_starting_then_the_demo(qapp: QApplication, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    probe = FirstPaint()
    qapp.installEventFilter(probe)
    try:
        code = run_gui(None, GuiOptions(run_for=2.0, demo_speed=100.0))
    finally:
        qapp.removeEventFilter(probe)
    assert code == 0
    assert probe.window is not None
    assert probe.status == "starting the demo sale day…"
    assert probe.title == "Demo sale day · Saleday Console"
    # Once open: the demo campaign's name, and the panels fed by it.
    assert probe.window.windowTitle() != probe.title
    assert probe.window.windowTitle().endswith(" · Saleday Console")
    assert probe.window.sales_panel.tiles[0].value_text != "—"
    probe.window.close()
    probe.window.deleteLater()
