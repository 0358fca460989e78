"""The core's words in the window: Polish with `--lang pl` (alerts, markers, action summaries and values,
failures, activity rows, Qt's own buttons), the same English as the core wrote without it; and the keys
for acknowledging an alert and exporting the activity, shown in the menus and tooltips."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMenu
from pytestqt.qtbot import QtBot

from console.action_markers import action_label
from console.actions.audit import AuditLog
from console.actions.requests import RESOURCE_OF, ActionKind, ActionRequest, Proposal, Resource
from console.actions.service import ActionRefused
from console.actions.wording import NOTHING_TO_CHANGE, summary_text, value_text
from console.alerts import Alert, message_text
from console.bridge import GuiBridge
from console.markers import Marker, MarkerKind
from console.observable import Observable
from console.snapshots import FailureKind, SourceName
from console.sources.errors import SourceError
from console.views import SourceHealth
from tests.widgets.synthetic import sale_day
from widgets.action_bar import failure_text
from widgets.action_dialog import confirm_text
from widgets.activity_panel import ActivityPanel
from widgets.alert_banner import AlertBanner
from widgets.main_window import MainWindow
from widgets.marker_lines import marker_text
from widgets.text import render
from widgets.tile import error_line
from widgets.translations import Language, install_language, remove_language

T0 = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
LATENCY = message_text("Latency 12,345 ms (threshold 800 ms)")


def plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.fixture
def polish(qapp: QApplication) -> Iterator[Language]:
    language = install_language(qapp, "pl")
    yield language
    remove_language(qapp, language)


def scale_out(before: int, after: int) -> Proposal:
    return Proposal(ActionRequest(ActionKind.SCALE_OUT, after - before), str(before), str(after),
                    summary_text(Resource.CAPACITY, str(before), str(after)))


def test_the_cores_words_in_polish(polish: Language) -> None:
    assert plain(render(LATENCY)) == "Opóźnienie 12 345 ms (próg 800 ms)"  # grouped the Polish way
    labels = {n: render(action_label(ActionKind.SCALE_OUT, "8", str(8 + n), n)) for n in (1, 3, 5, 12, 22)}
    assert labels == {1: "+1 instancja", 3: "+3 instancje", 5: "+5 instancji", 12: "+12 instancji",
                      22: "+22 instancje"}
    assert render(summary_text(Resource.CAPACITY, "8", "10")) == "Docelowa liczba instancji 8 → 10"
    assert render(value_text("paused at 600/min")) == "wstrzymane przy 600/min"
    assert [render(value_text(level)) for level in ("under_attack", "medium")] == ["Under attack", "średni"]
    assert render(value_text("2 instances at 2026-12-04 08:50 UTC")) == "2 instancje o 2026-12-04 08:50 UTC"
    assert confirm_text(scale_out(8, 13)) == "Dodaj 5 instancji"
    assert failure_text(ActionRefused(NOTHING_TO_CHANGE)) == "Odmowa: nic do zmiany"
    assert failure_text(SourceError(FailureKind.TIMEOUT, "PATCH /settings timed out")) == (
        "przekroczony czas: PATCH /settings timed out")  # the backend's own words stay as it said them
    health = SourceHealth(SourceName.AWS, error="GetMetricData timed out", failure=FailureKind.TIMEOUT)
    assert error_line(health) == "ostatni odczyt nieudany (przekroczony czas): GetMetricData timed out"
    pending = Marker("m1", T0, action_label(ActionKind.SCALE_OUT, "8", "11", 3), MarkerKind.ACTION)
    assert marker_text(pending) == "+3 instancje (w toku)"


def test_without_a_catalogue_the_window_says_what_the_core_wrote(qapp: QApplication) -> None:
    for text in (LATENCY, action_label(ActionKind.SCALE_OUT, "8", "9", 1), summary_text(Resource.CAPACITY, "8", "10"),
                 value_text("admitting at 300/min"), NOTHING_TO_CHANGE):
        assert render(text) == str(text)
    assert render(action_label(ActionKind.SCALE_OUT, "8", "9", 1)) == "+1 instance"
    assert confirm_text(scale_out(8, 9)) == "Add 1 instance" and confirm_text(scale_out(8, 10)) == "Add 2 instances"
    assert render("a backend's own words") == "a backend's own words"


def test_qts_own_buttons_speak_polish(polish: Language) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Anuluj"
    box.deleteLater()


def test_banner_and_activity_speak_polish(qtbot: QtBot, polish: Language, tmp_path: Path) -> None:
    banner = AlertBanner(Observable((Alert("a1", "latency", LATENCY, T0),)), lambda *_: None)
    qtbot.addWidget(banner)
    assert any("Opóźnienie" in plain(line) and "próg 800 ms" in line for line in banner.lines)

    audit = AuditLog(tmp_path / "recording.sqlite", "Arena Tour", "operator")
    for action_id, kind, before, after in (("a1", ActionKind.SCALE_OUT, "8", "10"),
                                           ("a2", ActionKind.ADMISSIONS_PAUSE, "admitting at 300/min",
                                            "paused at 300/min")):
        summary = str(summary_text(RESOURCE_OF[kind], before, after))  # what the service writes
        audit.write(action_id, "intent", T0, kind.value, "", before, after, "pending", summary)
    audit.write("a1", "outcome", T0, "scale-out", "capacity", "8", "10", "ok", "Desired capacity 8 -> 10")
    panel = ActivityPanel(audit, GuiBridge().post)  # read from disk: the trail holds English only
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=5000)
    pause, add = panel.model.rows
    assert [panel.model.text(add, column) for column in (2, 3, 4, 5)] == [
        "Dodaj instancje", "8 → 10", "ok", "Docelowa liczba instancji 8 → 10"]
    assert panel.model.text(pause, 3) == "wpuszcza 300/min → wstrzymane przy 300/min"
    assert panel.model.text(pause, 5) == "Wpuszczanie: wpuszcza 300/min → wstrzymane przy 300/min"


def window_with_banner_and_activity(qtbot: QtBot, alerts: Observable[tuple[Alert, ...]],
                                    acknowledged: list[str], audit: AuditLog) -> tuple[MainWindow, AlertBanner,
                                                                                       ActivityPanel]:
    """Wired as the composition root wires them (console/app.py)."""
    window = MainWindow(sale_day(time.monotonic()), "Arena Tour 2026", SourceName.SHOP)
    qtbot.addWidget(window)
    banner = AlertBanner(alerts, lambda alert_id, _who: acknowledged.append(alert_id))
    window.add_banner(banner)
    menu = QMenu("A&lerts", window)
    menu.addAction(banner.acknowledge_action)
    window.add_menu(menu)
    activity = ActivityPanel(audit, GuiBridge().post)
    window.add_under_charts(activity)
    window.add_file_action(activity.export_action)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    return window, banner, activity


def test_keys_acknowledge_the_newest_alert_and_export_the_activity(qtbot: QtBot, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    older, newer = (Alert(f"a{n}", "latency", LATENCY, T0 + timedelta(minutes=n)) for n in (1, 2))
    alerts = Observable((older, newer))
    acknowledged: list[str] = []
    audit = AuditLog(tmp_path / "recording.sqlite", "Arena Tour", "operator")
    window, banner, activity = window_with_banner_and_activity(qtbot, alerts, acknowledged, audit)

    assert banner.acknowledge_action.shortcut().toString() == "Ctrl+Shift+K"
    assert banner.acknowledge_action in window.actions()  # also with the menu bar hidden (kiosk)
    buttons = [button.toolTip() for button in banner.findChildren(type(activity.export_button))]
    assert sum(tip.endswith("(Ctrl+Shift+K)") for tip in buttons) == 1  # on the top row: the one the key takes
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL_SHIFT)
    assert acknowledged == ["a2"]
    alerts.set((older, Alert("a2", "latency", LATENCY, newer.raised_at, "anna@wr2")))
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL_SHIFT)
    assert acknowledged == ["a2", "a1"]
    window.show_board()  # the banner is not on screen: the key acknowledges nothing unseen
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL_SHIFT)
    assert acknowledged == ["a2", "a1"]
    window.show_board(False)

    assert activity.export_action in window.file_menu.actions()
    assert activity.export_action.shortcut().toString() == "Ctrl+Shift+E"
    assert activity.export_button.toolTip().endswith("(Ctrl+Shift+E)")
    target = tmp_path / "activity.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    with qtbot.waitSignal(activity.exported, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_E, CTRL_SHIFT)
    assert target.read_text(encoding="utf-8").startswith("seq,action_id,phase")
