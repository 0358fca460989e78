"""The Qt-free objects of one console session, built in one place and handed to the window.

No globals: the composition root (console/app.py) builds a Session, wires it to Qt through the bridge,
and stops it on exit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from console.actions.audit import AuditLog
from console.actions.backends import Backends, build_backends
from console.actions.service import ActionService
from console.alerts import AlertEngine, AlertEvent, default_rules
from console.clock import Clock
from console.config import Campaign
from console.credentials import Secrets, read_secrets
from console.markers import Marker, MarkerKind, Outcome
from console.paths import recording_path
from console.recording.recorder import Recorder
from console.recording.restore import restore
from console.runtime import DEMO_AWS_CREDENTIALS, Runtime, build_sources, campaign_clock, stale_limits
from console.snapshots import SourceUpdate
from console.state import CampaignState

Deliver = Callable[[Callable[[Any], None], Any], None]


def adopt(state: CampaignState, campaign: Campaign) -> None:
    """Give a state made before its campaign was known that campaign's staleness limits."""
    if state.admission_control != campaign.admission.control:
        raise ValueError(f"the window watches the {state.admission_control} queue, the campaign uses "
                         f"{campaign.admission.control}")
    for name, limit in stale_limits(campaign).items():
        health = state.health[name]
        health.set(replace(health.value, stale_after=limit))


@dataclass
class Session:
    campaign: Campaign
    role: str
    clock: Clock
    state: CampaignState
    runtime: Runtime
    audit: AuditLog
    recorder: Recorder
    alerts: AlertEngine
    service: ActionService | None = None
    backends: Backends | None = None
    restored: int = 0
    secrets: Secrets | None = field(default=None, repr=False)  # read once, before the GUI thread needs them
    _stopped: bool = field(default=False, repr=False)

    @classmethod
    def build(
        cls, campaign: Campaign, role: str, recording: Path | None = None, state: CampaignState | None = None,
        secrets: Secrets | None = None,
    ) -> Session:
        """`state`: one a window already shows (it opens before the campaign is ready); it takes the
        campaign's staleness limits here. `secrets`: already read off the GUI thread (console.startup);
        None reads them from the keychain here, which may block."""
        clock = campaign_clock(campaign)
        path = recording or recording_path(campaign)
        if state is None:
            state = CampaignState(campaign.admission.control, stale_limits(campaign))
        else:
            adopt(state, campaign)
        recorder = Recorder(path, campaign)
        restored = restore(state, path)  # a restarted console shows the campaign since it began
        audit = AuditLog(path, campaign.campaign.name, role)
        session = cls(campaign, role, clock, state, Runtime(campaign, clock), audit, recorder,
                      AlertEngine(default_rules(campaign.alerts), clock.now), restored=restored, secrets=secrets)
        if role == "operator":
            session.secrets = secrets or read_secrets(campaign)
            session.backends = build_backends(
                campaign,
                session.secrets.cloudflare,
                session.secrets.shop,
                DEMO_AWS_CREDENTIALS if campaign.is_demo else None,
            )
            session.service = ActionService(campaign, role, session.backends, audit, clock)
        session.alerts.subscribe(session._on_alert)
        return session

    def start(self, deliver: Deliver) -> None:
        """Start polling: each update is recorded from the poller thread, then applied on the GUI thread."""

        def publish(update: SourceUpdate) -> None:
            self.recorder.submit(update)
            deliver(self.state.apply, update)

        self.runtime.start(build_sources(self.campaign, self.clock, self.secrets), publish)

    def _on_alert(self, event: AlertEvent) -> None:
        alert = event.alert
        self.recorder.record_alert(alert.alert_id, event.phase, event.at, alert.rule, alert.message,
                                   alert.acknowledged_by or "")
        if event.phase == "raised":
            title = next((r.title for r in self.alerts.rules if r.name == alert.rule), alert.rule)
            self.state.markers.add(Marker(f"alert-{alert.alert_id}", event.at, title, MarkerKind.ALERT,
                                          Outcome.FAILED))

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        self.runtime.stop()
        self.recorder.stop()
        if self.backends is not None:
            self.backends.close()
