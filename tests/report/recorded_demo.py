"""A short demo sale day recorded end to end: real sources and pollers into a Recorder, real actions audited.

The day runs past the on-sale, the bot attack and (with the admissions raised and the fleet scaled out)
the sell-out, at a speed that keeps it to about half a minute of wall time. The operators' script is
fixed: scale out and raise admissions at the on-sale, "under attack" while the bots come, back after.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from console.actions.audit import AuditLog
from console.actions.backends import build_backends
from console.actions.requests import ActionKind, ActionRequest
from console.actions.service import ActionService
from console.clock import Clock
from console.config import Campaign
from console.credentials import SecretSource, secret_for
from console.demo.environment import DemoEnvironment
from console.recording.recorder import Recorder
from console.runtime import DEMO_AWS_CREDENTIALS, Runtime, build_sources, campaign_clock
from console.snapshots import SourceName, SourceUpdate

SPEED = 120.0
LEAD_MINUTES = 3.0
END_MINUTES = 44.0  # after the on-sale: past the attack (14..26) and the sell-out


@dataclass(frozen=True)
class Step:
    minutes: float  # after the on-sale
    request: ActionRequest


SCRIPT = (
    Step(0.0, ActionRequest(ActionKind.SCALE_OUT, 12)),
    Step(1.0, ActionRequest(ActionKind.ADMISSION_RATE, 700)),
    Step(15.0, ActionRequest(ActionKind.PROTECTION_ON)),
    Step(27.0, ActionRequest(ActionKind.PROTECTION_OFF)),
)


@dataclass
class RecordedDay:
    env: DemoEnvironment
    campaign: Campaign
    path: Path
    recorder: Recorder
    action_ids: list[str]


def wait_until(clock: Clock, moment: datetime) -> None:
    while clock.now() < moment:
        time.sleep(min(max((moment - clock.now()).total_seconds() / clock.speed, 0.01), 0.2))


def record_demo_day(path: Path) -> RecordedDay:
    """Run the day; the environment is stopped, the driver's counts and the worlds remain readable."""
    env = DemoEnvironment(speed=SPEED, lead_minutes=LEAD_MINUTES)
    campaign = env.start()
    clock = campaign_clock(campaign)
    recorder = Recorder(path, campaign)
    runtime = Runtime(campaign, clock)
    backends = build_backends(campaign, secret_for(campaign, SecretSource.CLOUDFLARE),
                              secret_for(campaign, SecretSource.SHOP), DEMO_AWS_CREDENTIALS)
    service = ActionService(campaign, "operator", backends, AuditLog(path, campaign.campaign.name, "operator"), clock)
    action_ids: list[str] = []
    onsale = campaign.campaign.onsale_at
    last_ok: dict[SourceName, datetime] = {}

    def publish(update: SourceUpdate) -> None:
        recorder.submit(update)
        if update.ok:
            last_ok[update.source] = update.attempted_at

    try:
        runtime.start(build_sources(campaign, clock), publish)
        for step in SCRIPT:
            wait_until(clock, onsale + timedelta(minutes=step.minutes))
            action_ids.append(service.execute(service.prepare(step.request)).action_id)
        recorder.record_alert("bots", "raised", clock.now(), "threats", "threats over 100,000 per minute")
        wait_until(clock, onsale + timedelta(minutes=END_MINUTES))
        assert env.driver is not None
        env.driver.stop()  # nothing new is published from here: one more poll of each source sees it all
        stopped = clock.now()
        deadline = time.monotonic() + 15.0
        while not all(last_ok.get(source, stopped) > stopped for source in SourceName):
            assert time.monotonic() < deadline, f"no poll after the driver stopped: {last_ok}"
            time.sleep(0.05)
    finally:
        runtime.stop()
        backends.close()
        recorder.stop()
        env.stop()
    return RecordedDay(env, campaign, path, recorder, action_ids)
