"""Alert rules with hysteresis: raised when a value crosses its threshold, cleared only after it has
stayed clearly below (80% of the threshold) for a while, so a value hovering at the line does not flap.

Evaluated on the GUI thread from the current CampaignState (cheap arithmetic, no I/O). Each change is an
AlertEvent that the composition root records, marks on the charts and shows in the banner.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from console.config import AlertConfig
from console.observable import Observable
from console.state import CampaignState
from console.views import latest

CLEAR_FRACTION = 0.8
CLEAR_AFTER_S = 60.0  # campaign seconds below the clear level before an alert clears


@dataclass(frozen=True)
class Rule:
    name: str
    title: str
    threshold: float
    unit: str
    read: Callable[[CampaignState, float], float | None]  # (state, monotonic_now) -> value or None (unknown)
    at_least: bool = False  # raise at the threshold itself (counts), not only above it

    def crossed(self, value: float) -> bool:
        return value >= self.threshold if self.at_least else value > self.threshold


@dataclass(frozen=True)
class Alert:
    alert_id: str
    rule: str
    message: str
    raised_at: datetime
    acknowledged_by: str | None = None


@dataclass(frozen=True)
class AlertEvent:
    phase: str  # raised | cleared | acknowledged
    alert: Alert
    at: datetime


def _paused_minutes(state: CampaignState, now: float, since: dict[str, float]) -> float | None:
    queue = state.queue.value
    if queue is None:
        return None
    if not queue.paused:
        since.pop("paused", None)
        return 0.0
    start = since.setdefault("paused", now)
    return (now - start) / 60.0


def _stale_seconds(state: CampaignState, now: float) -> float:
    ages = []
    for health in state.health.values():
        age = health.value.age(now)
        ages.append(age if age is not None else 0.0)
    return max(ages, default=0.0)


def default_rules(config: AlertConfig) -> tuple[Rule, ...]:
    since: dict[str, float] = {}
    fleet = lambda s: s.fleet.value  # noqa: E731
    return (
        Rule("error_rate", "5xx rate", config.error_rate_percent, "%",
             lambda s, _: (f.error_rate_percent if (f := fleet(s)) else None)),
        Rule("latency", "Latency", config.latency_ms, " ms", lambda s, _: (f.latency_ms if (f := fleet(s)) else None)),
        Rule("unhealthy_targets", "Unhealthy targets", config.unhealthy_targets, "",
             lambda s, _: (latest(s.last_aws.unhealthy_hosts) if s.last_aws else None), at_least=True),
        Rule("db_cpu", "Database CPU", config.db_cpu_percent, "%",
             lambda s, _: (f.db_cpu_percent if (f := fleet(s)) else None)),
        Rule("queue_wait", "Queue wait", config.queue_wait_minutes, " min",
             lambda s, _: (q.estimated_wait_seconds / 60.0 if (q := s.queue.value) else None)),
        Rule("admissions_paused", "Admissions paused", config.admissions_paused_minutes, " min",
             lambda s, now: _paused_minutes(s, now, since)),
        Rule("source_stale", "Source stale", config.source_stale_seconds, " s", _stale_seconds),
    )


class AlertEngine:
    def __init__(self, rules: tuple[Rule, ...], now: Callable[[], datetime]) -> None:
        self.rules = rules
        self._now = now
        self.active: Observable[tuple[Alert, ...]] = Observable(())
        self._below_since: dict[str, float] = {}
        self._listeners: list[Callable[[AlertEvent], None]] = []

    def subscribe(self, listener: Callable[[AlertEvent], None]) -> None:
        self._listeners.append(listener)

    def evaluate(self, state: CampaignState, monotonic_now: float) -> list[AlertEvent]:
        events: list[AlertEvent] = []
        active = {alert.rule: alert for alert in self.active.value}
        for rule in self.rules:
            value = rule.read(state, monotonic_now)
            if value is None:
                continue
            if rule.name not in active and rule.crossed(value):
                alert = Alert(uuid.uuid4().hex, rule.name, _message(rule, value), self._now())
                active[rule.name] = alert
                events.append(AlertEvent("raised", alert, alert.raised_at))
            elif rule.name in active:
                events.extend(self._maybe_clear(rule, value, active))
        self._publish(events, tuple(active.values()))
        return events

    def _maybe_clear(self, rule: Rule, value: float, active: dict[str, Alert]) -> list[AlertEvent]:
        """Clear only after staying below for a while of campaign time (the demo runs faster than the wall)."""
        if value >= rule.threshold * CLEAR_FRACTION:
            self._below_since.pop(rule.name, None)
            return []
        now = self._now().timestamp()
        since = self._below_since.setdefault(rule.name, now)
        if now - since < CLEAR_AFTER_S:
            return []
        del self._below_since[rule.name]
        alert = active.pop(rule.name)
        return [AlertEvent("cleared", alert, self._now())]

    def acknowledge(self, alert_id: str, person: str) -> AlertEvent | None:
        for alert in self.active.value:
            if alert.alert_id == alert_id and alert.acknowledged_by is None:
                acknowledged = replace(alert, acknowledged_by=person)
                event = AlertEvent("acknowledged", acknowledged, self._now())
                updated = tuple(acknowledged if a.alert_id == alert_id else a for a in self.active.value)
                self._publish([event], updated)
                return event
        return None

    def _publish(self, events: list[AlertEvent], active: tuple[Alert, ...]) -> None:
        self.active.set(active)
        for event in events:
            for listener in list(self._listeners):
                listener(event)


def _message(rule: Rule, value: float) -> str:
    shown = f"{value:,.0f}" if rule.at_least or value >= 100 else f"{value:,.1f}"
    return f"{rule.title} {shown}{rule.unit} (threshold {rule.threshold:g}{rule.unit})"
