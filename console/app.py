"""The composition root: builds the core objects, the QApplication and the window, and wires them.

The only module of `console` that imports QtWidgets and `widgets`.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from console.action_markers import marker_listener
from console.actions.runner import ActionRunner
from console.bridge import GuiBridge
from console.config import Campaign
from console.demo.faults import Fault
from console.session import Session
from console.snapshots import SourceName
from console.state import CampaignState
from console.state_summary import format_values, state_values
from widgets.action_bar import ActionBar
from widgets.activity_panel import ActivityPanel
from widgets.alert_banner import AlertBanner, AlertSound
from widgets.main_window import MainWindow
from widgets.theme import apply_theme

if TYPE_CHECKING:
    from console.demo.environment import DemoEnvironment
    from console.report.figures import ReportFigures

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class GuiOptions:
    role: str = "operator"
    run_for: float | None = None  # seconds, then exit (smoke runs)
    screenshot: Path | None = None
    report_values: Path | None = None  # with run_for: write what the panels show, key=value
    demo_speed: float | None = None  # set: run the built-in demo at this speed
    demo_faults: tuple[Fault, ...] = ()


def countdown_text(now: datetime, onsale: datetime) -> str:
    seconds = int((now - onsale).total_seconds())
    sign = "T+" if seconds >= 0 else "T-"
    seconds = abs(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{sign}{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{sign}{rest // 60}:{rest % 60:02d}"


def _start_demo(options: GuiOptions) -> tuple[DemoEnvironment, Campaign]:
    from console.demo.environment import DemoEnvironment

    assert options.demo_speed is not None
    demo = DemoEnvironment(speed=options.demo_speed, faults=options.demo_faults)
    return demo, demo.start()


def _build_window(session: Session, bridge: GuiBridge, runner: ActionRunner) -> MainWindow:
    campaign, state = session.campaign, session.state
    tz = ZoneInfo(campaign.campaign.timezone)
    queue_source = SourceName.CLOUDFLARE if campaign.admission.control == "cloudflare" else SourceName.SHOP
    window = MainWindow(state, campaign.campaign.name, queue_source, tz=tz)
    sound = AlertSound()

    def acknowledge(alert_id: str, person: str) -> None:
        session.alerts.acknowledge(alert_id, person)

    window.add_banner(AlertBanner(session.alerts.active, acknowledge, sound, tz=tz))
    if session.service is not None:
        safety = campaign.safety
        session.service.subscribe(marker_listener(state.markers, bridge.post, session.clock))
        window.add_action_widget(ActionBar(session.service, runner, safety.scale_out_step,
                                           max_instances=safety.max_instances,
                                           max_admission_rate=safety.max_admission_rate,
                                           cdn=state.cdn, queue=state.queue, fleet=state.fleet))
    window.add_under_charts(ActivityPanel(session.audit, bridge.post, tz=tz))
    role = "operator" if session.service is not None else "viewer (read-only)"
    window.statusBar().showMessage(f"{role} · alert sound: {sound.backend} · recording to {session.recorder.path}")
    return window


def _start_timers(window: MainWindow, session: Session) -> None:
    clock, onsale = session.clock, session.campaign.campaign.onsale_at
    tz = ZoneInfo(session.campaign.campaign.timezone)

    def tick_clock() -> None:
        now = clock.now()
        window.set_clock_text(f"{now.astimezone(tz):%H:%M:%S}  {countdown_text(now, onsale)}")

    clock_timer = QTimer(window)
    clock_timer.timeout.connect(tick_clock)
    clock_timer.start(250)
    tick_clock()
    alert_timer = QTimer(window)
    alert_timer.timeout.connect(lambda: session.alerts.evaluate(session.state, time.monotonic()))
    alert_timer.start(1000)


def run_gui(campaign: Campaign | None, options: GuiOptions) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Saleday Console")
    apply_theme(app)
    demo = None
    if options.demo_speed is not None:
        demo, campaign = _start_demo(options)
    assert campaign is not None
    session = Session.build(campaign, options.role)
    bridge = GuiBridge()
    runner = ActionRunner(bridge.post)
    window = _build_window(session, bridge, runner)
    _start_timers(window, session)
    window.show()
    session.start(bridge.post)
    if options.run_for is not None:

        QTimer.singleShot(int(options.run_for * 1000), lambda: _finish_smoke(app, window, session.state, options))
    try:
        return app.exec()
    finally:
        runner.shutdown()
        session.stop()
        if demo is not None:
            demo.stop()


def run_replay(recording: Path, speed: float, options: GuiOptions) -> int:
    """Play a recording through the same window, read-only: for post-mortems and training."""
    from console.clock import ScaledClock
    from console.recording.reader import load_campaign_from_recording
    from console.replay import ReplayFeeder, first_time
    from console.runtime import stale_limits

    campaign = load_campaign_from_recording(recording)  # a bad file is a one-line error before any window
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_theme(app)
    start = first_time(recording) or campaign.campaign.onsale_at
    clock = ScaledClock(start, time.time(), speed)
    recorded_speed = campaign.demo.speed if campaign.demo else 1.0  # poll gaps shrink or stretch with the replay
    limits = {name: limit * recorded_speed / speed for name, limit in stale_limits(campaign).items()}
    state = CampaignState(campaign.admission.control, limits)
    tz = ZoneInfo(campaign.campaign.timezone)
    queue_source = SourceName.CLOUDFLARE if campaign.admission.control == "cloudflare" else SourceName.SHOP
    window = MainWindow(state, f"{campaign.campaign.name} · replay {speed:g}x", queue_source, tz=tz)
    bridge = GuiBridge()
    window.statusBar().showMessage(f"replay of {recording} (read-only)")
    onsale = campaign.campaign.onsale_at
    clock_timer = QTimer(window)
    clock_timer.timeout.connect(
        lambda: window.set_clock_text(
            f"REPLAY {clock.now().astimezone(tz):%H:%M:%S}  {countdown_text(clock.now(), onsale)}"
        )
    )
    clock_timer.start(250)
    feeder = ReplayFeeder(recording, state, clock, bridge.post)
    window.show()
    feeder.start()
    if options.run_for is not None:
        QTimer.singleShot(int(options.run_for * 1000), lambda: _finish_smoke(app, window, state, options))
    try:
        return app.exec()
    finally:
        feeder.stop()


def _finish_smoke(app: QApplication, window: MainWindow, state: CampaignState, options: GuiOptions) -> None:
    if options.screenshot is not None:
        window.grab().save(str(options.screenshot))
    if options.report_values is not None:
        options.report_values.write_text(format_values(state_values(state, time.monotonic())))
    app.quit()


def run_report(
    recording: Path,
    out_pdf: Path | None,
    csv_dir: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> ReportFigures:
    """Figures, CSV and PDF of a recording. The PDF needs a QGuiApplication: one is made if there is none,
    on the offscreen platform unless QT_QPA_PLATFORM says otherwise (the command runs on servers too).
    Raises RecordingError for a missing or unreadable recording."""
    from PySide6.QtGui import QGuiApplication

    from console.report.csv_export import write_csv
    from console.report.data import read_recording
    from console.report.figures import figures_from
    from widgets.report_pdf import write_report_pdf

    def step(low: int, high: int) -> Callable[[int], None]:
        return lambda percent: progress(low + (high - low) * percent // 100) if progress else None

    data = read_recording(recording, step(0, 50))
    figures = figures_from(data)
    if csv_dir is not None:
        write_csv(data, figures, csv_dir)
    if out_pdf is not None:
        if QGuiApplication.instance() is None:
            platform = [] if os.environ.get("QT_QPA_PLATFORM") else ["-platform", "offscreen"]
            report_app = QGuiApplication(["saleday-console", *platform])
            report_app.setApplicationName("Saleday Console")
        write_report_pdf(figures, recording, out_pdf, step(50, 100), data=data)
    return figures
