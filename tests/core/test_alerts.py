"""Alert rules: raised on crossing, cleared only after staying clearly below (no flapping), acknowledged."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from console.alerts import CLEAR_AFTER_S, AlertEngine, default_rules
from console.config import AlertConfig
from console.snapshots import CategorySales, ShopSnapshot, SourceName, SourceUpdate
from console.state import CampaignState

T0 = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


def shop(wait_s: float, paused: bool = False) -> ShopSnapshot:
    return ShopSnapshot(T0, "PLN", (CategorySales("A", 100.0, 10, 1),), 1, 100.0, 1.0, 100, 300.0, 300, paused,
                        wait_s)


class Clock:
    """Campaign time that the test moves by hand."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def __call__(self) -> datetime:
        return T0 + timedelta(seconds=self.seconds)


def engine_and_state(clock: Clock | None = None) -> tuple[AlertEngine, CampaignState]:
    rules = default_rules(AlertConfig(queue_wait_minutes=10))
    return AlertEngine(rules, clock or Clock()), CampaignState("shop", {})


def feed(state: CampaignState, snapshot: ShopSnapshot, now: float) -> None:
    state.apply(SourceUpdate(SourceName.SHOP, T0, snapshot), monotonic_now=now)


def test_raise_then_no_flapping_then_clear_after_staying_below() -> None:
    clock = Clock()
    engine, state = engine_and_state(clock)
    feed(state, shop(700), 0)
    events = engine.evaluate(state, 0)
    assert [(e.phase, e.alert.rule) for e in events] == [("raised", "queue_wait")]
    for t, wait in [(5, 590), (10, 610), (15, 500), (20, 601)]:  # hovering around the line: stays raised
        feed(state, shop(wait), t)
        assert engine.evaluate(state, t) == []
    assert [a.rule for a in engine.active.value] == ["queue_wait"]
    clock.seconds = 30
    feed(state, shop(100), 30)
    assert engine.evaluate(state, 30) == []
    clock.seconds = 30 + CLEAR_AFTER_S / 2
    assert engine.evaluate(state, 31) == []  # not below for long enough yet
    clock.seconds = 30 + CLEAR_AFTER_S
    feed(state, shop(100), 32)
    cleared = engine.evaluate(state, 32)
    assert [(e.phase, e.alert.rule) for e in cleared] == [("cleared", "queue_wait")]
    assert engine.active.value == ()


def test_acknowledged_alert_stays_active_with_who() -> None:
    engine, state = engine_and_state()
    feed(state, shop(700), 0)
    raised = engine.evaluate(state, 0)[0]
    event = engine.acknowledge(raised.alert.alert_id, "anna@war-room-2")
    assert event is not None and event.phase == "acknowledged"
    assert engine.active.value[0].acknowledged_by == "anna@war-room-2"
    assert engine.acknowledge(raised.alert.alert_id, "again") is None


def test_admissions_paused_for_too_long_and_stale_source() -> None:
    engine, state = engine_and_state()
    feed(state, shop(10, paused=True), 0)
    assert engine.evaluate(state, 0) == []
    feed(state, shop(10, paused=True), 60)
    assert {e.alert.rule for e in engine.evaluate(state, 60)} == set()
    rules = {e.alert.rule for e in engine.evaluate(state, 6 * 60)}  # no poll succeeded for five minutes
    assert rules == {"admissions_paused", "source_stale"}
