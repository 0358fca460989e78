"""The composition root: builds the core objects, the QApplication and the window, and wires them.

The only module of `console` that imports QtWidgets and `widgets`.
"""

from __future__ import annotations

import gc
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

from PySide6.QtCore import QCoreApplication, QLocale, QTimer
from PySide6.QtGui import QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QPushButton

import resources
from console.actions.runner import ActionRunner
from console.bridge import GuiBridge
from console.config import AdmissionConfig, Campaign, CampaignInfo
from console.demo.faults import Fault
from console.snapshots import SourceName
from console.startup import Prepared, Startup
from console.state import CampaignState
from console.state_summary import format_values, state_values
from widgets.activity_panel import ActivityPanel
from widgets.alert_banner import AlertBanner, AlertSound
from widgets.main_window import MainWindow
from widgets.recording_status import RecordingStatus
from widgets.text import render
from widgets.theme import apply_theme
from widgets.translations import install_language
from widgets.window_settings import (
    last_campaign,
    open_settings,
    remember_campaign,
    restore_splitters,
    restore_window,
    save_window,
)

if TYPE_CHECKING:
    from console.report.figures import ReportFigures
    from console.session import Session

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class GuiOptions:
    role: str = "operator"
    run_for: float | None = None  # seconds, then exit (smoke runs)
    screenshot: Path | None = None
    report_values: Path | None = None  # with run_for: write what the panels show, key=value
    demo_speed: float | None = None  # set: run the built-in demo at this speed
    demo_faults: tuple[Fault, ...] = ()
    board: bool = False  # start on the promoter's board instead of the war room
    language: str | None = None  # "en" or "pl"; None: the system's
    campaign_file: Path | None = None  # remembered, to open next time the console starts without one


def remembered_campaign() -> Path | None:
    """The campaign file the console opened last, if it is still there (for a start with no --config)."""
    return last_campaign(open_settings())


def identify_app(app: QApplication) -> None:
    """Name and icon for the desktop: the window icon, and the .desktop file the shell matches (Wayland)."""
    app.setApplicationName("Saleday Console")
    app.setDesktopFileName("saleday-console")
    icon = QPixmap()
    if icon.loadFromData(resources.read_bytes("icons/saleday.svg"), "SVG"):
        app.setWindowIcon(QIcon(icon))


def countdown_text(now: datetime, onsale: datetime) -> str:
    seconds = int((now - onsale).total_seconds())
    sign = "T+" if seconds >= 0 else "T-"
    seconds = abs(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{sign}{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{sign}{rest // 60}:{rest % 60:02d}"


def _queue_source(admission_control: str) -> SourceName:
    return SourceName.CLOUDFLARE if admission_control == "cloudflare" else SourceName.SHOP


def _build_window(session: Session, bridge: GuiBridge, runner: ActionRunner) -> MainWindow:
    campaign = session.campaign
    window = MainWindow(session.state, campaign.campaign.name, _queue_source(campaign.admission.control),
                        tz=ZoneInfo(campaign.campaign.timezone), locale=QLocale())
    _complete_window(window, session, bridge, runner)
    return window


def _first_window(campaign: Campaign | None) -> tuple[CampaignState, MainWindow]:
    """The window before its campaign is open: charts and panels on an empty state, "starting…" below.

    The demo's campaign exists only once its emulators run; until then the window uses the campaign
    defaults the built-in demo also uses (time zone, the shop's queue)."""
    if campaign is None:
        title, timezone, admission = (QCoreApplication.translate("App", "Demo sale day"),
                                      CampaignInfo.model_fields["timezone"].default, AdmissionConfig().control)
        starting = QCoreApplication.translate("App", "starting the demo sale day…")
    else:
        title, timezone, admission = campaign.campaign.name, campaign.campaign.timezone, campaign.admission.control
        starting = QCoreApplication.translate("App", "connecting…")
    state = CampaignState(admission, {})  # staleness limits come with the campaign (Session.build)
    window = MainWindow(state, title, _queue_source(admission), tz=ZoneInfo(timezone), locale=QLocale())
    window.statusBar().showMessage(starting)
    return state, window


def _complete_window(window: MainWindow, session: Session, bridge: GuiBridge, runner: ActionRunner) -> None:
    """What needs the session: the alert banner, the operator's controls, the activity list, the menus."""
    from console.action_markers import marker_listener
    from widgets.action_bar import ActionBar
    from widgets.action_menu import ActionMenu

    campaign, state = session.campaign, session.state
    tz = ZoneInfo(campaign.campaign.timezone)
    sound = AlertSound()

    def acknowledge(alert_id: str, person: str) -> None:
        session.alerts.acknowledge(alert_id, person)

    banner = AlertBanner(session.alerts.active, acknowledge, sound, tz=tz)
    window.add_banner(banner)
    alerts_menu = QMenu(QCoreApplication.translate("App", "A&lerts"), window)
    alerts_menu.addAction(banner.acknowledge_action)  # Ctrl+Shift+K, shown in the menu
    window.add_menu(alerts_menu)
    if session.service is not None:
        safety = campaign.safety
        session.service.subscribe(marker_listener(state.markers, bridge.post, session.clock))
        bar = ActionBar(session.service, runner, safety.scale_out_step, max_instances=safety.max_instances,
                        max_admission_rate=safety.max_admission_rate, cdn=state.cdn, queue=state.queue,
                        fleet=state.fleet)
        window.add_action_widget(bar)
        window.add_menu(ActionMenu(bar, window))
    activity = ActivityPanel(session.audit, bridge.post, tz=tz)
    window.add_under_charts(activity)
    window.add_file_action(activity.export_action)  # Ctrl+Shift+E, shown in the menu
    role = (QCoreApplication.translate("App", "operator") if session.service is not None
            else QCoreApplication.translate("App", "viewer (read-only)"))
    status = QCoreApplication.translate("App", "{role} · alert sound: {sound} · recording to {path}")
    window.statusBar().showMessage(status.format(
        role=role, sound=render(sound.backend), path=session.recorder.path))
    window.statusBar().addPermanentWidget(RecordingStatus(session.recorder, window, tz=tz))
    window.statusBar().addPermanentWidget(_reconnect_button(window, session))
    _add_report_action(window, session.recorder.path)
    _add_campaign_menu(window, session, bridge, runner, sound.backend)


def _add_report_action(window: MainWindow, recording: Path) -> None:
    """File ▸ Campaign report…: the PDF and CSVs of the recording so far (or of the replayed one), written
    on a worker while the window keeps updating. Every role has it: the promoter wants the numbers."""
    from widgets.report_dialog import ReportRunner

    reports = ReportRunner(window, lambda pdf, csv_dir, progress: run_report(recording, pdf, csv_dir, progress))
    window.add_file_action(reports.menu_action(Path.home() / f"{recording.stem}-report.pdf"))


def _add_campaign_menu(window: MainWindow, session: Session, bridge: GuiBridge, runner: ActionRunner,
                       sound_backend: str) -> None:
    """Campaign ▸ Credentials… and Pre-flight…: one dialog of each per window, made when first opened."""
    from console.preflight import Preflight, PreflightPlan
    from widgets.credentials_dialog import CredentialsDialog
    from widgets.preflight_panel import PreflightPanel

    menu = window.menuBar().findChild(QMenu, "campaignMenu")
    if menu is None:
        menu = window.menuBar().addMenu(QCoreApplication.translate("App", "&Campaign"))
        menu.setObjectName("campaignMenu")
    preflight = Preflight(session.campaign, session.clock, PreflightPlan(sound_backend=sound_backend))
    dialogs: dict[str, QDialog] = {}

    def show(name: str, make: Callable[[], QDialog]) -> None:
        dialog = dialogs.get(name) or dialogs.setdefault(name, make())
        dialog.open()

    credentials = menu.addAction(QCoreApplication.translate("App", "Credentials…"))
    credentials.setShortcut(QKeySequence("Ctrl+K"))
    window.addAction(credentials)  # the shortcut works in the kiosk too, where the menu bar is hidden
    credentials.triggered.connect(lambda: show("credentials", lambda: CredentialsDialog(
        session.campaign, preflight.source_check, bridge.post, window)))
    checks = menu.addAction(QCoreApplication.translate("App", "Pre-flight…"))
    checks.setShortcut(QKeySequence("Ctrl+Shift+F"))
    window.addAction(checks)
    checks.triggered.connect(lambda: show("preflight", lambda: PreflightPanel(
        preflight, bridge.post, session.service, runner if session.service else None, window)))


def alert_sound_backend() -> str:
    """What the alert sound would use on this machine, for `saleday-console check` (no window)."""
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance() or QApplication(
        ["saleday-console", *([] if os.environ.get("QT_QPA_PLATFORM") else ["-platform", "offscreen"])])
    backend = AlertSound().backend
    del app
    return backend


def _reconnect_button(window: MainWindow, session: Session) -> QPushButton:
    """Poll every source now instead of waiting out its backoff: after renewing expired credentials
    (an SSO login, a refreshed role) or when a backend is known to be back."""
    button = QPushButton(QCoreApplication.translate("App", "Reconnect"), window)
    button.setObjectName("reconnect")
    button.setToolTip(QCoreApplication.translate("App",
                                                 "Poll every source now, e.g. after renewing expired credentials"))
    button.clicked.connect(session.runtime.poll_all_now)
    return button


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


def open_console(session: Session, bridge: GuiBridge, runner: ActionRunner) -> MainWindow:
    """The window of a built session with its timers, shown; `session.start` then feeds it."""
    window = _build_window(session, bridge, runner)
    _start_timers(window, session)
    window.show()
    return window


def run_gui(campaign: Campaign | None, options: GuiOptions) -> int:
    """The window shows first; the campaign opens behind it (console.startup: the cloud clients' imports
    and the demo's emulators take seconds the first paint does not need). A failure to open it ends
    the run with that error, as if it had happened before the window."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    identify_app(app)
    apply_theme(app)
    install_language(app, options.language)
    bridge = GuiBridge()
    runner = ActionRunner(bridge.post)
    settings = open_settings()
    if options.campaign_file is not None:
        remember_campaign(settings, options.campaign_file)
    state, window = _first_window(None if options.demo_speed is not None else campaign)
    window.show()
    restore_window(settings, window)
    window.show_board(options.board)
    sessions: list[Session] = []
    failures: list[BaseException] = []

    def failed(exc: BaseException) -> None:
        failures.append(exc)
        app.quit()

    def ready(prepared: Prepared) -> None:
        from console.session import Session

        try:
            if prepared.missing is not None:
                raise prepared.missing
            session = Session.build(prepared.campaign, options.role, state=state, secrets=prepared.secrets)
            sessions.append(session)
            window.set_title(prepared.campaign.campaign.name)
            _complete_window(window, session, bridge, runner)
            restore_splitters(settings, window)
            _start_timers(window, session)
            session.start(bridge.post)
        except Exception as exc:
            failed(exc)
            return
        # What start-up built (the cloud clients' models, the demo's moto: some 400,000 objects) lives as long as
        # the console; a full cyclic collection walking it held the interpreter lock, so the GUI thread, for
        # 120-235 ms at a time. Frozen, it is no longer walked.
        gc.freeze()
        if options.run_for is not None:
            QTimer.singleShot(int(options.run_for * 1000), lambda: _finish_smoke(app, window, session.state, options))

    startup = Startup(bridge.post)
    window.after_first_paint(lambda: startup.start(
        campaign, options.demo_speed, options.demo_faults, ready, failed,
        on_progress=lambda text: window.statusBar().showMessage(render(text))))
    try:
        code = app.exec()
    finally:
        save_window(settings, window)
        runner.shutdown()
        for session in sessions:
            session.stop()
        startup.stop()
    if failures:
        raise failures[0]
    return code


def run_replay(recording: Path, speed: float, options: GuiOptions) -> int:
    """Play a recording through the same window, read-only: for post-mortems and training."""
    from console.clock import ScaledClock
    from console.recording.reader import load_campaign_from_recording
    from console.replay import ReplayFeeder, first_time
    from console.runtime import stale_limits

    campaign = load_campaign_from_recording(recording)  # a bad file is a one-line error before any window
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    identify_app(app)
    apply_theme(app)
    install_language(app, options.language)
    start = first_time(recording) or campaign.campaign.onsale_at
    clock = ScaledClock(start, time.time(), speed)
    recorded_speed = campaign.demo.speed if campaign.demo else 1.0  # poll gaps shrink or stretch with the replay
    limits = {name: limit * recorded_speed / speed for name, limit in stale_limits(campaign).items()}
    state = CampaignState(campaign.admission.control, limits)
    tz = ZoneInfo(campaign.campaign.timezone)
    queue_source = SourceName.CLOUDFLARE if campaign.admission.control == "cloudflare" else SourceName.SHOP
    window = MainWindow(state, QCoreApplication.translate("App", "{campaign} · replay {speed}x").format(
        campaign=campaign.campaign.name, speed=f"{speed:g}"), queue_source, tz=tz, locale=QLocale())
    bridge = GuiBridge()
    replaying = QCoreApplication.translate("App", "replay of {recording} (read-only)")
    window.statusBar().showMessage(replaying.format(recording=recording))
    replay_text = QCoreApplication.translate("App", "REPLAY")
    onsale = campaign.campaign.onsale_at
    clock_timer = QTimer(window)
    clock_timer.timeout.connect(
        lambda: window.set_clock_text(
            f"{replay_text} {clock.now().astimezone(tz):%H:%M:%S}  {countdown_text(clock.now(), onsale)}"
        )
    )
    clock_timer.start(250)
    feeder = ReplayFeeder(recording, state, clock, bridge.post)
    _add_report_action(window, recording)
    window.show()
    window.show_board(options.board)
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
    language: str | None = None,
) -> ReportFigures:
    """Figures, CSV and PDF of a recording. The PDF needs a QGuiApplication: one is made if there is none,
    on the offscreen platform unless QT_QPA_PLATFORM says otherwise (the command runs on servers too).
    `language` ("en", "pl") sets the PDF's number and money format; None keeps the one in place (the
    window's, or this machine's). Raises RecordingError for a missing or unreadable recording."""
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
        if language is not None and (running := QGuiApplication.instance()) is not None:
            install_language(running, language)
        write_report_pdf(figures, recording, out_pdf, step(50, 100), data=data)
    return figures
