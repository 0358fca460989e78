"""The console gets ready behind its window: the slow parts on a worker, the outcome handed back once.

Also the session built on a state the window made before the campaign was known: it takes the
campaign's staleness limits, and refuses a campaign watching the other queue.
"""

from __future__ import annotations

import queue
import sys
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from console.config import Campaign
from console.runtime import stale_limits
from console.session import Session
from console.snapshots import SourceName
from console.startup import HEAVY_MODULES, Prepared, Startup
from console.state import CampaignState
from tests.recording.campaigns import sample_campaign

Outcome = tuple[str, Any]


def started(campaign: Campaign | None, demo_speed: float | None = None) -> tuple[Startup, Outcome]:
    """Start one Startup and wait for its single outcome; `deliver` runs the callback where it is called."""
    outcomes: queue.Queue[Outcome] = queue.Queue()

    def deliver(fn: Callable[[Any], None], arg: Any) -> None:
        fn(arg)

    startup = Startup(deliver)
    startup.start(campaign, demo_speed, (), lambda p: outcomes.put(("ready", p)),
                  lambda e: outcomes.put(("failed", e)))
    outcome = outcomes.get(timeout=60)
    assert outcomes.empty()
    return startup, outcome


def test_a_campaign_is_handed_back_with_the_clients_modules_loaded() -> None:
    campaign = sample_campaign()
    startup, (kind, prepared) = started(campaign)
    startup.stop()
    assert kind == "ready"
    assert prepared == Prepared(campaign, None)
    assert all(name in sys.modules for name in HEAVY_MODULES)


def test_nothing_to_open_is_a_failure_not_a_hang() -> None:
    startup, (kind, error) = started(None)
    startup.stop()
    assert kind == "failed"
    assert isinstance(error, ValueError)


def test_the_demo_starts_on_the_worker_and_stops_with_the_startup() -> None:
    startup, (kind, prepared) = started(None, demo_speed=100.0)
    try:
        assert kind == "ready"
        assert prepared.demo is not None
        assert prepared.campaign.is_demo and prepared.campaign.demo.speed == 100.0
        shop_url = prepared.campaign.shop.base_url
        assert shop_url.startswith("http://127.0.0.1:")
        with pytest.raises(urllib.error.HTTPError) as answer:  # up, and asking for the shop's key
            urllib.request.urlopen(f"{shop_url}/sales", timeout=5)
        answer.value.close()
        assert answer.value.code == 401
    finally:
        startup.stop()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"{shop_url}/sales", timeout=5)


def test_a_session_takes_the_campaigns_limits_on_the_windows_state(tmp_path: Path) -> None:
    campaign = sample_campaign()
    state = CampaignState(campaign.admission.control, {})
    assert {h.value.stale_after for h in state.health.values()} == {60.0}
    session = Session.build(campaign, "viewer", tmp_path / "recording.sqlite", state=state)
    try:
        assert session.state is state
        assert {name: h.value.stale_after for name, h in state.health.items()} == stale_limits(campaign)
    finally:
        session.stop()


def test_a_session_refuses_a_state_watching_the_other_queue(tmp_path: Path) -> None:
    campaign = sample_campaign()
    other = "cloudflare" if campaign.admission.control == "shop" else "shop"
    with pytest.raises(ValueError, match="queue"):
        Session.build(campaign, "viewer", tmp_path / "recording.sqlite", state=CampaignState(other, {}))
    assert SourceName.SHOP in stale_limits(campaign)
