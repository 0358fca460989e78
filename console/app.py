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

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from console.bridge import GuiBridge
from console.config import Campaign
from console.demo.faults import Fault
from console.runtime import Runtime, build_sources, campaign_clock, stale_limits
from console.snapshots import SourceName
from console.state import CampaignState
from console.state_summary import format_values, state_values
from widgets.main_window import MainWindow
from widgets.theme import apply_theme

if TYPE_CHECKING:
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


def run_gui(campaign: Campaign | None, options: GuiOptions) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Saleday Console")
    apply_theme(app)
    demo = None
    if options.demo_speed is not None:
        from console.demo.environment import DemoEnvironment

        demo = DemoEnvironment(speed=options.demo_speed, faults=options.demo_faults)
        campaign = demo.start()
    assert campaign is not None
    clock = campaign_clock(campaign)
    state = CampaignState(campaign.admission.control, stale_limits(campaign))
    bridge = GuiBridge()
    runtime = Runtime(campaign, clock)
    queue_source = SourceName.CLOUDFLARE if campaign.admission.control == "cloudflare" else SourceName.SHOP
    window = MainWindow(state, campaign.campaign.name, queue_source)

    def tick_clock() -> None:
        now = clock.now()
        local = now.astimezone().strftime("%H:%M:%S")
        window.set_clock_text(f"{local}  {countdown_text(now, campaign.campaign.onsale_at)}")

    clock_timer = QTimer(window)
    clock_timer.timeout.connect(tick_clock)
    clock_timer.start(250)
    tick_clock()
    window.show()
    runtime.start(build_sources(campaign, clock), lambda update: bridge.post(state.apply, update))

    if options.run_for is not None:

        def finish() -> None:
            if options.screenshot is not None:
                window.grab().save(str(options.screenshot))
            if options.report_values is not None:
                options.report_values.write_text(format_values(state_values(state, time.monotonic())))
            app.quit()

        QTimer.singleShot(int(options.run_for * 1000), finish)
    try:
        return app.exec()
    finally:
        runtime.stop()
        if demo is not None:
            demo.stop()


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
