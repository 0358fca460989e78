"""File ▸ Campaign report… in a live window: the recording so far becomes a PDF and CSVs, for any role."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from console.actions.runner import ActionRunner
from console.app import open_console
from console.bridge import GuiBridge
from console.demo.environment import DemoEnvironment
from console.paths import DATA_DIR_ENV
from console.session import Session
from widgets.report_dialog import ReportRunner


@pytest.fixture(scope="module")
def demo() -> Iterator[DemoEnvironment]:
    env = DemoEnvironment(speed=60.0, lead_minutes=1.0)
    env.start()
    yield env
    env.stop()


def test_the_promoter_saves_the_report_of_the_sale_so_far(qtbot: QtBot, demo: DemoEnvironment, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    assert demo.campaign is not None
    bridge = GuiBridge()
    runner = ActionRunner(bridge.post)
    session = Session.build(demo.campaign, "viewer")
    try:
        window = open_console(session, bridge, runner)
        qtbot.addWidget(window)
        session.start(bridge.post)
        qtbot.waitUntil(lambda: session.state.sales.value is not None and session.state.fleet.value is not None,
                        timeout=30_000)
        qtbot.wait(3000)  # a few polls recorded

        action = window.findChild(QAction, "reportAction")
        assert action is not None and action.shortcut().toString() == "Ctrl+R"
        assert action in window.file_menu.actions() and action in window.actions()  # the kiosk keeps the shortcut
        action.trigger()
        dialog = window.findChild(QFileDialog, "reportFileDialog")
        assert dialog is not None and dialog.isVisible()
        reports = window.findChild(ReportRunner)
        assert reports is not None
        pdf = tmp_path / "out" / "arena-report.pdf"
        pdf.parent.mkdir()
        with qtbot.waitSignal(reports.finished, timeout=60_000) as done:
            dialog.selectFile(str(pdf))
            dialog.accept()
        assert done.args is not None and done.args[1] is True, done.args
        assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
        with (tmp_path / "out" / "arena-report-csv" / "series.csv").open() as rows:
            assert len(list(csv.reader(rows))) > 2  # a header and recorded samples
    finally:
        session.stop()
        runner.shutdown()
