"""The pre-flight panel over the live demo: checks on a worker, the countdown, a confirmed pre-scale;
and the window's Campaign menu that opens it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import boto3
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from console.actions.audit import AuditLog, read_entries
from console.actions.backends import build_backends
from console.actions.runner import ActionRunner
from console.actions.service import ActionService
from console.app import open_console
from console.bridge import GuiBridge
from console.config import Campaign
from console.credentials import SecretSource, secret_for
from console.demo.cloudflare_tokens import TokenGrant
from console.demo.environment import DemoEnvironment
from console.paths import DATA_DIR_ENV
from console.preflight import CHECK_NAMES, Preflight, PreflightPlan
from console.runtime import DEMO_AWS_CREDENTIALS, campaign_clock
from console.session import Session
from widgets.credentials_dialog import CredentialsDialog
from widgets.preflight_panel import PreflightPanel
from widgets.translations import install_language, remove_language


@pytest.fixture(scope="module")
def demo() -> Iterator[DemoEnvironment]:
    env = DemoEnvironment(speed=1.0, lead_minutes=30.0)
    env.start()
    yield env
    env.stop()


@pytest.fixture
def campaign(demo: DemoEnvironment) -> Campaign:
    assert demo.campaign is not None
    return demo.campaign


@pytest.fixture
def bridge() -> GuiBridge:
    return GuiBridge()


@pytest.fixture
def runner(bridge: GuiBridge) -> Iterator[ActionRunner]:
    actions = ActionRunner(bridge.post)
    yield actions
    actions.shutdown()


def make_panel(qtbot: QtBot, campaign: Campaign, bridge: GuiBridge, service: ActionService | None = None,
               runner: ActionRunner | None = None) -> PreflightPanel:
    plan = PreflightPlan(sound_backend="system beep", planned_peak=10)
    preflight = Preflight(campaign, campaign_clock(campaign), plan)
    panel = PreflightPanel(preflight, bridge.post, service, runner)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_checks_fill_the_rows_and_the_countdown_runs(qtbot: QtBot, campaign: Campaign, bridge: GuiBridge) -> None:
    panel = make_panel(qtbot, campaign, bridge)
    assert panel.countdown.text().startswith("T-") and "to the on-sale" in panel.countdown.text()
    assert [panel.status_of(name) for name in CHECK_NAMES] == [""] * len(CHECK_NAMES)
    assert not panel.prescale_button.isEnabled()  # no action service: the viewer role
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert panel.running and not panel.run_button.isEnabled()
    qtbot.waitUntil(lambda: not panel.running, timeout=60_000)
    statuses = {name: panel.status_of(name) for name in CHECK_NAMES}
    assert statuses["Alert sound"] == "warning"
    assert {s for n, s in statuses.items() if n != "Alert sound"} == {"ok"}, statuses
    assert panel.summary.text() == "Passed: 10 checks, 1 warning(s)."
    before = panel.countdown.text()
    qtbot.waitUntil(lambda: panel.countdown.text() != before, timeout=3000)


def test_prescale_is_confirmed_scheduled_and_audited(qtbot: QtBot, campaign: Campaign, bridge: GuiBridge,
                                                     runner: ActionRunner, tmp_path: Path) -> None:
    backends = build_backends(campaign, secret_for(campaign, SecretSource.CLOUDFLARE),
                              secret_for(campaign, SecretSource.SHOP), DEMO_AWS_CREDENTIALS)
    audit_path = tmp_path / "audit.sqlite"
    service = ActionService(campaign, "operator", backends, AuditLog(audit_path, campaign.campaign.name, "operator"),
                            campaign_clock(campaign))
    try:
        panel = make_panel(qtbot, campaign, bridge, service, runner)
        panel.instances.setValue(14)
        panel.minutes.setValue(12)
        qtbot.mouseClick(panel.prescale_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.confirm_dialog is not None, timeout=30_000)
        dialog = panel.confirm_dialog
        assert dialog is not None
        assert dialog.ok_button.text().startswith("Schedule 14 instances at ")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.prescale_status.text().startswith("Scheduled:"), timeout=30_000)
        qtbot.waitUntil(lambda: not panel.running, timeout=60_000)
        assert "14 instances" in panel.items["Pre-scale"].text() and "T-12:00" in panel.items["Pre-scale"].text()
    finally:
        backends.close()
    client = boto3.client("autoscaling", endpoint_url=campaign.aws.endpoint_url, region_name=campaign.aws.region,
                          aws_access_key_id="testing", aws_secret_access_key="testing")
    actions = client.describe_scheduled_actions(AutoScalingGroupName=campaign.aws.autoscaling_group)
    client.close()
    assert [a["DesiredCapacity"] for a in actions["ScheduledUpdateGroupActions"]] == [14]
    assert [(e.phase, e.action) for e in read_entries(audit_path)] == [("intent", "prescale"), ("outcome", "prescale")]


def test_the_window_menu_opens_both_dialogs(qtbot: QtBot, campaign: Campaign, bridge: GuiBridge, runner: ActionRunner,
                                           tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    session = Session.build(campaign, "operator")
    try:
        window = open_console(session, bridge, runner)
        qtbot.addWidget(window)
        menu = window.menuBar().findChild(QMenu, "campaignMenu")
        assert menu is not None
        entries = {action.text(): action for action in menu.actions()}
        entries["Credentials…"].trigger()
        entries["Pre-flight…"].trigger()
        credentials = window.findChild(CredentialsDialog)
        preflight = window.findChild(PreflightPanel)
        assert credentials is not None and credentials.isVisible()
        assert preflight is not None and preflight.isVisible() and preflight.prescale_button.isEnabled()
        entries["Pre-flight…"].trigger()
        assert len(window.findChildren(PreflightPanel)) == 1
    finally:
        session.stop()


def test_the_checklist_speaks_polish_and_names_an_expiring_token(qtbot: QtBot, qapp: QApplication,
                                                                 demo: DemoEnvironment, campaign: Campaign,
                                                                 bridge: GuiBridge) -> None:
    world = demo.cloudflare_world
    assert world is not None
    ends = campaign.campaign.onsale_at + timedelta(hours=1)
    world.set_token(TokenGrant(expires_on=ends))
    language = install_language(qapp, "pl")
    try:
        panel = make_panel(qtbot, campaign, bridge)
        assert panel.table.item(CHECK_NAMES.index("Cloudflare token lasts the sale"), 1).text() == (
            "Token Cloudflare wystarczy na sprzedaż")
        assert "do startu sprzedaży" in panel.countdown.text() and panel.run_button.text() == "Uruchom kontrole"
        qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not panel.running, timeout=60_000)
        assert panel.status_of("Cloudflare token lasts the sale") == "failed"
        assert panel.items["Cloudflare token lasts the sale"].text().startswith(
            f"token wygasa {ends:%Y-%m-%d %H:%M} UTC, przed końcem okna sprzedaży")
        assert panel.summary.text() == "NIEZALICZONE: nie przeszło 1 z 10 kontroli, ostrzeżeń: 1."
    finally:
        remove_language(qapp, language)
        world.set_token(TokenGrant())
