"""The action buttons against the live demo emulators: real changes, one per press, failures shown, markers drawn.

Only Qt's own dialogs are driven here (clicked with qtbot); the service, runner, audit and backends are
the real ones, talking HTTP to moto and the Cloudflare and shop emulators on 127.0.0.1.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from console.action_markers import marker_listener
from console.actions.audit import AuditLog, os_user
from console.actions.backends import Backends, build_backends
from console.actions.requests import ActionKind, ActionRequest, Resource
from console.actions.runner import ActionRunner
from console.actions.service import ActionRefused, ActionService
from console.bridge import GuiBridge
from console.clock import Clock
from console.credentials import DEMO_TOKENS, SecretSource, secret_for
from console.demo.environment import DemoEnvironment
from console.markers import MarkerList, Outcome
from console.observable import Observable
from console.runtime import DEMO_AWS_CREDENTIALS, campaign_clock
from console.series import SeriesStore
from console.snapshots import SourceName
from console.views import CdnView, QueueView
from tests.actions.conftest import make_service
from tests.widgets.preview import POLISH, WARSAW
from tests.widgets.synthetic import sale_day
from widgets import palette
from widgets.action_bar import PROTECTION_OFF_TEXT, PROTECTION_ON_TEXT, ActionBar
from widgets.action_dialog import AmountDialog, ConfirmActionDialog
from widgets.activity_panel import ActivityPanel
from widgets.main_window import MainWindow
from widgets.time_charts import TimeCharts

D = TypeVar("D", bound=QDialog)
LEFT = Qt.MouseButton.LeftButton
WAIT_MS = 15_000


@pytest.fixture(scope="module")
def demo() -> Iterator[DemoEnvironment]:
    env = DemoEnvironment(speed=1.0)
    env.start()
    yield env
    env.stop()


@dataclass
class Rig:
    service: ActionService
    audit: AuditLog
    backends: Backends
    runner: ActionRunner
    bridge: GuiBridge
    markers: MarkerList
    clock: Clock


@pytest.fixture
def rig(demo: DemoEnvironment, tmp_path: Path, qapp: QApplication) -> Iterator[Rig]:
    campaign = demo.campaign
    assert campaign is not None
    backends = build_backends(campaign, secret_for(campaign, SecretSource.CLOUDFLARE),
                              secret_for(campaign, SecretSource.SHOP), DEMO_AWS_CREDENTIALS)
    audit = AuditLog(tmp_path / "audit.sqlite", campaign.campaign.name, "operator")
    clock = campaign_clock(campaign)
    service = ActionService(campaign, "operator", backends, audit, clock)
    bridge = GuiBridge()
    runner = ActionRunner(bridge.post)
    markers = MarkerList()
    service.subscribe(marker_listener(markers, bridge.post, clock))
    yield Rig(service, audit, backends, runner, bridge, markers, clock)
    runner.shutdown()
    backends.close()


@pytest.fixture
def bar(rig: Rig, qtbot: QtBot) -> ActionBar:
    widget = ActionBar(rig.service, rig.runner, 2, max_instances=20, max_admission_rate=5000)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def dialog(qtbot: QtBot, bar: ActionBar, resource: Resource, kind: type[D], not_this: QDialog | None = None) -> D:
    def ready() -> bool:
        found = bar.dialog_for(resource)
        return isinstance(found, kind) and found is not not_this and found.isVisible()

    qtbot.waitUntil(ready, timeout=WAIT_MS)
    found = bar.dialog_for(resource)
    assert isinstance(found, kind)
    return found


def settle(qtbot: QtBot, bar: ActionBar, resource: Resource) -> None:
    qtbot.waitUntil(lambda: not bar.is_busy(resource), timeout=WAIT_MS)


def drain(qtbot: QtBot, runner: ActionRunner, resource: Resource) -> None:
    """Returns once all work queued for `resource` so far has run and its outcome reached the GUI thread.

    The resource's worker takes jobs in order and the bridge delivers in order, so when a no-op queued now
    is delivered, every earlier outcome has been handled: nothing can arrive later, however slow the machine.
    """
    delivered: list[bool] = []
    runner.run(resource, lambda: None, lambda _: delivered.append(True), lambda _: delivered.append(False))
    qtbot.waitUntil(lambda: delivered == [True], timeout=WAIT_MS)


def visible_dialogs() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def test_add_instances_pressed_twice_fast_adds_exactly_n(qtbot: QtBot, demo: DemoEnvironment, rig: Rig,
                                                         bar: ActionBar) -> None:
    world = demo.aws_world
    assert world is not None
    start = world.desired_capacity()
    announced: list[tuple[str, bool]] = []  # (action id, outcome known), as the service tells its listeners
    rig.service.subscribe(lambda action_id, _, result: announced.append((action_id, result is not None)))
    qtbot.mouseClick(bar.add_button, LEFT)
    assert not bar.add_button.isEnabled() and not bar.capacity_button.isEnabled()  # at once, same resource
    assert bar.protection_button.isEnabled()  # other resources are not held up
    qtbot.mouseClick(bar.add_button, LEFT)
    amount = dialog(qtbot, bar, Resource.CAPACITY, AmountDialog)
    assert len(visible_dialogs()) == 1
    assert amount.value() == 2  # the campaign's scale-out step
    amount.spin.setValue(3)
    qtbot.mouseClick(amount.ok_button, LEFT)

    confirm = dialog(qtbot, bar, Resource.CAPACITY, ConfirmActionDialog)
    assert confirm.before_after.text() == f"{start}  →  {start + 3}"
    assert confirm.ok_button.text() == "Add 3 instances"
    assert any("per hour" in label.text() for label in confirm.detail_labels)
    qtbot.mouseClick(confirm.ok_button, LEFT)
    qtbot.mouseClick(confirm.ok_button, LEFT)  # the second half of a double click
    assert bar.is_busy(Resource.CAPACITY) and not bar.add_button.isEnabled()
    qtbot.mouseClick(bar.add_button, LEFT)
    settle(qtbot, bar, Resource.CAPACITY)
    drain(qtbot, rig.runner, Resource.CAPACITY)  # a second change, or its refusal, would have been handled by now

    assert bar.last_report == f"Done: Desired capacity {start} -> {start + 3}"
    assert bar.message_box is None
    assert bar.add_button.isEnabled() and bar.capacity_button.isEnabled()
    assert [known for _, known in announced] == [False, True] and len({action for action, _ in announced}) == 1
    assert world.desired_capacity() == start + 3
    assert [(e.phase, e.outcome) for e in rig.audit.entries()] == [("intent", "pending"), ("outcome", "ok")]
    assert visible_dialogs() == []

    qtbot.waitUntil(lambda: [m.outcome for m in rig.markers.value] == [Outcome.OK], timeout=WAIT_MS)
    marker = rig.markers.value[0]
    assert marker.label == "+3 instances"
    assert abs((marker.at - rig.clock.now()).total_seconds()) < 30  # campaign time, not some other clock
    charts = TimeCharts(SeriesStore(100), rig.markers)
    qtbot.addWidget(charts)
    charts.redraw()
    lines = charts.marker_lines.lines(marker.marker_id)
    assert len(lines) == len(charts.plots)
    assert lines[0].label.format == "+3 instances ✓"
    world.set_desired_capacity(start)


def test_set_capacity_starts_from_the_live_value_and_can_be_cancelled(qtbot: QtBot, demo: DemoEnvironment,
                                                                      bar: ActionBar) -> None:
    world = demo.aws_world
    assert world is not None
    start = world.desired_capacity()
    qtbot.mouseClick(bar.capacity_button, LEFT)
    amount = dialog(qtbot, bar, Resource.CAPACITY, AmountDialog)
    amount.spin.setValue(start + 30)
    assert amount.value() == 20  # the spin box stops at the campaign's safety cap
    qtbot.mouseClick(amount.ok_button, LEFT)
    confirm = dialog(qtbot, bar, Resource.CAPACITY, ConfirmActionDialog)
    assert confirm.ok_button.text() == "Set capacity to 20"
    qtbot.mouseClick(confirm.cancel_button, LEFT)
    settle(qtbot, bar, Resource.CAPACITY)
    assert bar.last_report == "Cancelled: nothing changed"
    assert world.desired_capacity() == start


def test_the_button_stays_disabled_while_in_flight_and_its_label_follows(qtbot: QtBot, demo: DemoEnvironment,
                                                                         bar: ActionBar) -> None:
    emulator, world = demo._cloudflare, demo.cloudflare_world
    assert emulator is not None and world is not None
    assert bar.protection_button.text() == PROTECTION_ON_TEXT
    qtbot.mouseClick(bar.protection_button, LEFT)
    assert not bar.protection_button.isEnabled()
    confirm = dialog(qtbot, bar, Resource.PROTECTION, ConfirmActionDialog)
    assert confirm.ok_button.text() == "Switch on Under attack"
    assert confirm.before_after.text() == "medium  →  Under attack"  # level names in words
    emulator.delay_next(1.5, path="security_level")  # the re-read before sending hangs for a while
    qtbot.mouseClick(confirm.ok_button, LEFT)
    qtbot.wait(700)
    assert bar.is_busy(Resource.PROTECTION) and not bar.protection_button.isEnabled()
    settle(qtbot, bar, Resource.PROTECTION)
    assert world.security_level() == "under_attack"
    assert bar.protection_button.text() == PROTECTION_OFF_TEXT
    assert bar.protection_button.shortcut().toString() == "Ctrl+Shift+P"  # kept across the relabel

    qtbot.mouseClick(bar.protection_button, LEFT)
    confirm = dialog(qtbot, bar, Resource.PROTECTION, ConfirmActionDialog)
    assert confirm.ok_button.text() == "Switch protection back to medium"
    qtbot.mouseClick(confirm.ok_button, LEFT)
    settle(qtbot, bar, Resource.PROTECTION)
    assert world.security_level() == "medium"
    assert bar.protection_button.text() == PROTECTION_ON_TEXT


def test_a_failure_shows_the_backends_message_and_marks_the_marker_failed(qtbot: QtBot, demo: DemoEnvironment,
                                                                          rig: Rig, bar: ActionBar) -> None:
    emulator, world = demo._cloudflare, demo.cloudflare_world
    assert emulator is not None and world is not None
    qtbot.mouseClick(bar.protection_button, LEFT)
    confirm = dialog(qtbot, bar, Resource.PROTECTION, ConfirmActionDialog)
    emulator.fail_next(500, code=1000, message="zone settings backend unavailable", method="PATCH")
    qtbot.mouseClick(confirm.ok_button, LEFT)
    qtbot.waitUntil(lambda: bar.message_box is not None, timeout=WAIT_MS)
    box = bar.message_box
    assert box is not None and box.isVisible()
    assert box.text() == "Protection: Under attack failed"
    assert "zone settings backend unavailable" in box.informativeText()
    assert "zone settings backend unavailable" in bar.last_report
    assert DEMO_TOKENS["cloudflare"] not in box.informativeText() + bar.last_report
    assert bar.protection_button.isEnabled() and bar.protection_button.text() == PROTECTION_ON_TEXT
    assert world.security_level() == "medium"

    qtbot.waitUntil(lambda: [m.outcome for m in rig.markers.value] == [Outcome.FAILED], timeout=WAIT_MS)
    assert rig.markers.value[0].label == "Under attack"
    charts = TimeCharts(SeriesStore(100), rig.markers)
    qtbot.addWidget(charts)
    charts.redraw()
    line = charts.marker_lines.lines(rig.markers.value[0].marker_id)[0]
    assert line.label.format == "Under attack ✗"
    assert line.pen.color() == QColor(palette.ALARM)
    qtbot.mouseClick(box.buttons()[0], LEFT)
    qtbot.waitUntil(lambda: bar.message_box is None)


def test_a_value_changed_meanwhile_reopens_the_dialog_with_the_fresh_value(qtbot: QtBot, demo: DemoEnvironment,
                                                                           bar: ActionBar) -> None:
    shop = demo.shop_world
    assert shop is not None
    original = shop.admission_rate()
    qtbot.mouseClick(bar.rate_button, LEFT)
    assert not bar.admissions_button.isEnabled()
    amount = dialog(qtbot, bar, Resource.ADMISSIONS, AmountDialog)
    amount.spin.setValue(450)
    qtbot.mouseClick(amount.ok_button, LEFT)
    first = dialog(qtbot, bar, Resource.ADMISSIONS, ConfirmActionDialog)
    assert first.ok_button.text() == "Set rate to 450/min"
    shop.set_admission_rate(350)  # another operator, or the shop's own admin
    qtbot.mouseClick(first.ok_button, LEFT)

    again = dialog(qtbot, bar, Resource.ADMISSIONS, ConfirmActionDialog, not_this=first)
    assert again.changed_label is not None
    assert again.changed_label.text().startswith("The value changed since the dialog opened: ")
    assert again.changed_label.text().endswith("350/min")
    assert again.proposal.before.endswith("350/min") and again.proposal.after.endswith("450/min")
    assert shop.admission_rate() == 350 and not bar.rate_button.isEnabled()
    qtbot.mouseClick(again.ok_button, LEFT)
    settle(qtbot, bar, Resource.ADMISSIONS)
    assert shop.admission_rate() == 450
    shop.set_admission_rate(original)


def test_the_activity_panel_lists_intent_then_outcome(qtbot: QtBot, demo: DemoEnvironment, rig: Rig,
                                                      bar: ActionBar) -> None:
    shop = demo.shop_world
    assert shop is not None
    panel = ActivityPanel(rig.audit, rig.bridge.post)
    qtbot.addWidget(panel)
    seen: list[str] = []
    panel.model.rowsInserted.connect(lambda *_: seen.append(panel.model.rows[0].outcome))
    panel.model.dataChanged.connect(lambda *_: seen.append(panel.model.rows[0].outcome))

    qtbot.mouseClick(bar.admissions_button, LEFT)
    confirm = dialog(qtbot, bar, Resource.ADMISSIONS, ConfirmActionDialog)
    assert confirm.ok_button.text() == "Pause admissions"
    qtbot.mouseClick(confirm.ok_button, LEFT)
    settle(qtbot, bar, Resource.ADMISSIONS)
    qtbot.waitUntil(lambda: seen[-1:] == ["ok"], timeout=WAIT_MS)
    assert seen == ["pending", "ok"]
    assert shop.paused()
    assert bar.admissions_button.text() == "Resume admissions…"

    row = panel.model.rows[0]
    texts = [panel.model.text(row, column) for column in range(6)]
    assert texts[1] == f"{os_user()}@{socket.gethostname()}"
    assert texts[2] == "Pause admissions"
    assert texts[3].startswith("admitting at ") and " → paused at " in texts[3]
    assert texts[4] == "ok"

    qtbot.mouseClick(bar.admissions_button, LEFT)
    qtbot.mouseClick(dialog(qtbot, bar, Resource.ADMISSIONS, ConfirmActionDialog).ok_button, LEFT)
    settle(qtbot, bar, Resource.ADMISSIONS)
    qtbot.waitUntil(lambda: len(panel.model.rows) == 2 and panel.model.rows[0].outcome == "ok", timeout=WAIT_MS)
    assert [panel.model.text(r, 2) for r in panel.model.rows] == ["Resume admissions", "Pause admissions"]
    assert not shop.paused()


def test_labels_follow_the_live_views_and_shortcuts_press_the_buttons(qtbot: QtBot, rig: Rig) -> None:
    cdn: Observable[CdnView | None] = Observable(None)
    queue: Observable[QueueView | None] = Observable(None)
    bar = ActionBar(rig.service, rig.runner, 2, cdn=cdn, queue=queue)
    qtbot.addWidget(bar)
    for button, keys in ((bar.add_button, "Ctrl+Shift+A"), (bar.protection_button, "Ctrl+Shift+P"),
                         (bar.admissions_button, "Ctrl+Shift+Q"), (bar.rate_button, "Ctrl+Shift+R")):
        assert button.shortcut().toString() == keys
        assert button.toolTip().endswith(f"({keys})")
    cdn.set(CdnView("under_attack", 90.0, 1, 0, 0, 0, "queueing"))
    queue.set(QueueView(10, 60.0, 300.0, 300, True, "paused", "shop"))
    assert bar.protection_button.text() == PROTECTION_OFF_TEXT
    assert bar.admissions_button.text() == "Resume admissions…"
    assert bar.admissions_button.shortcut().toString() == "Ctrl+Shift+Q"
    cdn.set(CdnView("high", 90.0, 1, 0, 0, 0, "queueing"))
    assert bar.protection_button.text() == PROTECTION_ON_TEXT

    with qtbot.waitActive(bar):
        bar.show()
        bar.activateWindow()
    qtbot.keyClick(bar, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    amount = dialog(qtbot, bar, Resource.CAPACITY, AmountDialog)
    qtbot.mouseClick(amount.cancel_button, LEFT)
    settle(qtbot, bar, Resource.CAPACITY)


def test_no_bar_for_the_viewer_role(demo: DemoEnvironment, rig: Rig, tmp_path: Path) -> None:
    assert demo.campaign is not None
    viewer, backends = make_service(demo.campaign, tmp_path / "viewer.sqlite", role="viewer")
    try:
        with pytest.raises(ActionRefused, match="viewer"):
            ActionBar(viewer, rig.runner, 2)
    finally:
        backends.close()



def test_the_window_with_the_buttons_and_the_activity_strip(qtbot: QtBot, rig: Rig, tmp_path: Path) -> None:
    state = sale_day(time.monotonic())
    window = MainWindow(state, "Arena Tour 2026 · Warsaw", SourceName.SHOP, tz=WARSAW, locale=POLISH)
    qtbot.addWidget(window)
    rig.service.subscribe(marker_listener(state.markers, rig.bridge.post, rig.clock))
    bar = ActionBar(rig.service, rig.runner, 2, max_instances=20, cdn=state.cdn, queue=state.queue, fleet=state.fleet)
    window.add_action_widget(bar)
    panel = ActivityPanel(rig.audit, rig.bridge.post, tz=WARSAW)
    window.add_under_charts(panel)
    for kind in (ActionKind.ADMISSIONS_PAUSE, ActionKind.ADMISSIONS_RESUME):  # real changes, so the list has lines
        assert rig.service.execute(rig.service.prepare(ActionRequest(kind))).ok
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2 and len(window.charts.marker_lines) == 7, timeout=WAIT_MS)

    assert bar.parentWidget() is window.actions_area and window.actions_area.isVisible()
    assert panel.isVisible() and panel.table.isVisible()
    assert (window.width(), window.height()) == (1600, 1000)  # the strip takes chart height, not more window
    assert bar.protection_button.text() == PROTECTION_OFF_TEXT  # the synthetic day is under attack
    qtbot.mouseClick(bar.capacity_button, LEFT)
    amount = dialog(qtbot, bar, Resource.CAPACITY, AmountDialog)
    assert amount.value() == 10  # the fleet's desired capacity
    qtbot.mouseClick(amount.cancel_button, LEFT)
    settle(qtbot, bar, Resource.CAPACITY)
    assert window.statusBar().currentMessage() == "Cancelled: nothing changed"

    for _ in range(3):
        QApplication.processEvents()
        window.charts.redraw()
    out = tmp_path / "window.png"
    assert window.grab().save(str(out))
    image = QImage(str(out))
    assert QColor(image.pixel(5, image.height() // 2)).lightness() < 40
    strip = {image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(image.height() - 150,
                                                                                 image.height() - 30, 3)}
    assert len(strip) > 5  # the activity lines, not an empty band
