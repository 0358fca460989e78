"""Getting a console ready behind its window, so that the window paints first.

The window needs Qt, pyqtgraph and the campaign state, nothing more. What takes the time is elsewhere:
importing boto3, the Cloudflare SDK and keyring (~0.4 s on a 2-core machine) and, for the demo,
starting moto and the emulators (~1.5 s). `Startup` does both on a worker thread while the window
shows "starting…", then hands the campaign back on the GUI thread through `deliver` (the bridge's
post), where the session is built. docs/performance.md has the figures.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from console.config import Campaign
from console.demo.faults import Fault
from console.text import Text, TextContext

if TYPE_CHECKING:
    from console.credentials import MissingSecret, Secrets
    from console.demo.environment import DemoEnvironment

Deliver = Callable[[Callable[[Any], None], Any], None]
App = TextContext("App")

# What the session and the operator's controls import: loaded here, off the GUI thread.
HEAVY_MODULES = ("console.session", "console.action_markers", "console.actions.service")
JOIN_TIMEOUT_S = 15.0


@dataclass(frozen=True)
class Prepared:
    campaign: Campaign
    demo: DemoEnvironment | None = None
    # From the keychain, which may take seconds; or why they could not be read (the window reports it).
    secrets: Secrets | None = field(default=None, repr=False, compare=False)
    missing: MissingSecret | None = field(default=None, compare=False)


class Startup:
    """Runs `prepare` once on a daemon thread; the outcome reaches `on_ready` or `on_failed` via `deliver`."""

    def __init__(self, deliver: Deliver) -> None:
        self._deliver = deliver
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._demo: DemoEnvironment | None = None
        self._stopped = False
        self._in_keychain = False  # a keychain that never answers must not hold the exit

    def start(
        self,
        campaign: Campaign | None,
        demo_speed: float | None,
        demo_faults: tuple[Fault, ...],
        on_ready: Callable[[Prepared], None],
        on_failed: Callable[[BaseException], None],
        on_progress: Callable[[Text], None] | None = None,
    ) -> None:
        def run() -> None:
            try:
                prepared = self._prepare(campaign, demo_speed, demo_faults, on_progress)
            except BaseException as exc:  # handed to the GUI thread, which reports it and exits
                self._deliver(on_failed, exc)
            else:
                self._deliver(on_ready, prepared)

        self._thread = threading.Thread(target=run, name="startup", daemon=True)
        self._thread.start()

    def _prepare(self, campaign: Campaign | None, demo_speed: float | None, demo_faults: tuple[Fault, ...],
                 on_progress: Callable[[Text], None] | None = None) -> Prepared:
        demo = None
        if demo_speed is not None:
            from console.demo.environment import DemoEnvironment

            demo = DemoEnvironment(speed=demo_speed, faults=demo_faults)
            with self._lock:
                if self._stopped:
                    raise RuntimeError("the console closed before the demo started")
                self._demo = demo
            campaign = demo.start()
        for name in HEAVY_MODULES:
            importlib.import_module(name)
        if campaign is None:
            raise ValueError("no campaign to open")
        from console.credentials import MissingSecret, read_secrets

        if on_progress is not None and not campaign.is_demo:
            # A keychain may wait for its owner to unlock it: say what the window is waiting for.
            self._deliver(on_progress, App.tr("reading the credentials from the keychain…"))
        self._in_keychain = True
        try:
            return Prepared(campaign, demo, read_secrets(campaign))
        except MissingSecret as exc:
            return Prepared(campaign, demo, missing=exc)
        finally:
            self._in_keychain = False

    def stop(self) -> None:
        """On exit: wait for a start still under way, then stop the demo if one was started."""
        with self._lock:
            self._stopped = True
        if self._thread is not None and not self._in_keychain:
            self._thread.join(JOIN_TIMEOUT_S)
        with self._lock:
            demo, self._demo = self._demo, None
        if demo is not None:
            demo.stop()
