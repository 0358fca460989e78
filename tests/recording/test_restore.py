"""Restart continuity: a restored state is the state the console had, and a 12-hour day restores quickly."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from console.recording.recorder import Recorder
from console.recording.restore import restore
from console.series import SeriesKey
from console.snapshots import SourceName, SourceUpdate
from console.state import CampaignState
from tests.recording.campaigns import sample_campaign
from tests.recording.synthetic import campaign_updates

TWELVE_HOURS = 12 * 60
RESTORE_BUDGET_S = 10.0  # measured ~1.5 s on 2 cores; the budget leaves room for a loaded CI machine


def fresh_state() -> CampaignState:
    return CampaignState("shop", {source: 60.0 for source in SourceName})


@pytest.fixture(scope="module")
def day(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[SourceUpdate]]]:
    """Twelve hours at the default intervals (AWS and Cloudflare 20 s, shop 2 s): 25,920 poll outcomes."""
    path = tmp_path_factory.mktemp("restore") / "day.sqlite"
    updates = list(campaign_updates(TWELVE_HOURS))
    with Recorder(path, sample_campaign()) as recorder:
        for update in updates:
            recorder.submit(update)
    yield path, updates


def test_twelve_hours_restore_within_budget(day: tuple[Path, list[SourceUpdate]]) -> None:
    path, updates = day
    state = fresh_state()
    started = time.perf_counter()
    count = restore(state, path)
    elapsed = time.perf_counter() - started
    print(f"restored {count} updates (12 h) in {elapsed:.2f} s")
    assert count == len(updates) == 25_920
    assert elapsed < RESTORE_BUDGET_S


def test_restored_state_is_the_state_the_console_had(day: tuple[Path, list[SourceUpdate]]) -> None:
    path, updates = day
    live = fresh_state()
    for update in updates:
        live.apply(update)
    restored = fresh_state()
    restore(restored, path)
    for key in SeriesKey:
        live_t, live_v = live.series[key].arrays()
        got_t, got_v = restored.series[key].arrays()
        assert len(live_t) > 0, key
        np.testing.assert_array_equal(got_t, live_t, err_msg=key)
        np.testing.assert_array_equal(got_v, live_v, err_msg=key)
    assert (restored.last_aws, restored.last_cloudflare, restored.last_shop) == (
        live.last_aws, live.last_cloudflare, live.last_shop)
    assert (restored.fleet.value, restored.cdn.value, restored.sales.value, restored.queue.value) == (
        live.fleet.value, live.cdn.value, live.sales.value, live.queue.value)
    for source in SourceName:
        assert restored.health[source].value.last_ok_at == live.health[source].value.last_ok_at


def test_a_source_last_seen_long_ago_restores_as_stale(tmp_path: Path) -> None:
    path = tmp_path / "rec.sqlite"
    with Recorder(path, sample_campaign()) as recorder:
        for update in campaign_updates(3):
            recorder.submit(update)
    ten_minutes_ago = (datetime.now(UTC) - timedelta(minutes=10)).isoformat()
    with sqlite3.connect(path) as conn:  # as if the console had died ten minutes before this restart
        conn.execute("UPDATE samples SET wall_time = ? WHERE source = 'aws'", (ten_minutes_ago,))
    state = fresh_state()
    restore(state, path)
    now = time.monotonic()
    assert state.health[SourceName.AWS].value.is_stale(now)
    age = state.health[SourceName.AWS].value.age(now)
    assert age is not None and 590 < age < 660
    assert not state.health[SourceName.SHOP].value.is_stale(now)
