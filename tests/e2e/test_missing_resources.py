"""A campaign that names an Auto Scaling group, zone or waiting room that does not exist (or a shop URL
that is not the API root): the live window says which, on that source's tiles only, and keeps going."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from console.config import Campaign
from console.demo.environment import DemoEnvironment
from console.snapshots import FailureKind, SourceName
from tests.e2e.live_console import open_live_console, wait_until

# A first poll of a fresh demo can take seconds (moto builds its EC2 backend on the first request) and more on
# a busy 2-core machine; the test is about what the tiles say, not how fast, so it waits generously.
WAIT_S = 30


def edited(campaign: Campaign, section: str, **changes: Any) -> Campaign:
    return campaign.model_copy(update={section: getattr(campaign, section).model_copy(update=changes)})


CASES = [
    (SourceName.AWS, "aws", {"autoscaling_group": "ghost-web"}, "Auto Scaling group 'ghost-web' not found"),
    (SourceName.CLOUDFLARE, "cloudflare", {"zone_id": "0" * 32},
     f"Cloudflare zone '{'0' * 32}' not found: check cloudflare.zone_id in the campaign file"),
    (SourceName.CLOUDFLARE, "cloudflare", {"waiting_room_id": "ghost-room"},
     "waiting room 'ghost-room' not found in zone"),
    (SourceName.SHOP, "shop", {"base_url": "{base}/v2"}, "is base_url the API root"),
]


@pytest.mark.parametrize(("source", "section", "changes", "expected"), CASES,
                         ids=["group", "zone", "waiting room", "shop url"])
def test_a_name_that_does_not_exist_is_said_on_its_tiles(
    demo: DemoEnvironment, qapp: QApplication, tmp_path: Path,
    source: SourceName, section: str, changes: dict[str, str], expected: str,
) -> None:
    assert demo.campaign is not None
    changes = {key: value.format(base=demo.campaign.shop.base_url) for key, value in changes.items()}
    live = open_live_console(demo, edited(demo.campaign, section, **changes), tmp_path / "recording.sqlite")
    try:
        tiles = live.tiles_of(source)
        assert wait_until(lambda: all(tile.error_text for tile in tiles), WAIT_S), (
            f"the tiles never said what is wrong: {[tile.error_text or tile.freshness for tile in tiles]}, "
            f"health {live.session.state.health[source].value}")
        assert all(expected in tile.error_text for tile in tiles), tiles[0].error_text
        assert all(tile.is_stale for tile in tiles)  # no data ever came: greyed, not a frozen number
        assert live.session.state.health[source].value.failure is FailureKind.NOT_FOUND
        others = [s for s in SourceName if s != source]
        assert wait_until(lambda: all(live.successes(s) for s in others), WAIT_S), (
            {s.value: str(live.session.state.health[s].value) for s in others})
        for other in others:
            assert not any(tile.error_text or tile.is_stale for tile in live.tiles_of(other)), other
        assert all(poller.alive for poller in live.session.runtime.pollers)
    finally:
        live.close()
