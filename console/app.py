"""The composition root: builds the core objects, the QApplication and the window, and wires them.

The only module of `console` that imports QtWidgets and `widgets`.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from console.bridge import GuiBridge
from console.config import Campaign
from console.runtime import Runtime, build_sources, campaign_clock, stale_limits
from console.snapshots import SourceName
from console.state import CampaignState
from widgets.main_window import MainWindow
from widgets.theme import apply_theme

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class GuiOptions:
    role: str = "operator"
    run_for: float | None = None  # seconds, then exit (smoke runs)
    screenshot: Path | None = None
    demo_speed: float | None = None  # set: run the built-in demo at this speed


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

        demo = DemoEnvironment(speed=options.demo_speed)
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
            app.quit()

        QTimer.singleShot(int(options.run_for * 1000), finish)
    try:
        return app.exec()
    finally:
        runtime.stop()
        if demo is not None:
            demo.stop()
