"""Alert rules with hysteresis: raised when a value crosses its threshold, cleared only after it has
stayed clearly below (80% of the threshold) for a while, so a value hovering at the line does not flap.

Evaluated on the GUI thread from the current CampaignState (cheap arithmetic, no I/O). Each change is an
AlertEvent that the composition root records, marks on the charts and shows in the banner. Titles and
messages are `Text` (console/text.py): English for the recording and the CSV, translatable on screen.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from console.config import AlertConfig
from console.observable import Observable
from console.state import CampaignState
from console.text import Number, Text, TextContext
from console.views import latest

Alerts = TextContext("Alerts")

CLEAR_FRACTION = 0.8
CLEAR_AFTER_S = 60.0  # campaign seconds below the clear level before an alert clears


@dataclass(frozen=True)
class Rule:
    name: str
    title: Text
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
    message: str  # a Text when raised by this console; plain English when read from an older recording
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


# The rules' titles by name, also for alerts read back from a recording.
TITLES: dict[str, Text] = {
    "error_rate": Alerts.tr("5xx rate"),
    "latency": Alerts.tr("Latency"),
    "unhealthy_targets": Alerts.tr("Unhealthy targets"),
    "db_cpu": Alerts.tr("Database CPU"),
    "queue_wait": Alerts.tr("Queue wait"),
    "admissions_paused": Alerts.tr("Admissions paused"),
    "source_stale": Alerts.tr("Source stale"),
}


def rule_title(name: str) -> str:
    """The title of rule `name`; an unknown (newer) rule's name, readable."""
    return TITLES.get(name, name.replace("_", " "))


def default_rules(config: AlertConfig) -> tuple[Rule, ...]:
    since: dict[str, float] = {}
    fleet = lambda s: s.fleet.value  # noqa: E731
    return (
        Rule("error_rate", TITLES["error_rate"], config.error_rate_percent, "%",
             lambda s, _: (f.error_rate_percent if (f := fleet(s)) else None)),
        Rule("latency", TITLES["latency"], config.latency_ms, " ms",
             lambda s, _: (f.latency_ms if (f := fleet(s)) else None)),
        Rule("unhealthy_targets", TITLES["unhealthy_targets"], config.unhealthy_targets, "",
             lambda s, _: (latest(s.last_aws.unhealthy_hosts) if s.last_aws else None), at_least=True),
        Rule("db_cpu", TITLES["db_cpu"], config.db_cpu_percent, "%",
             lambda s, _: (f.db_cpu_percent if (f := fleet(s)) else None)),
        Rule("queue_wait", TITLES["queue_wait"], config.queue_wait_minutes, " min",
             lambda s, _: (q.estimated_wait_seconds / 60.0 if (q := s.queue.value) else None)),
        Rule("admissions_paused", TITLES["admissions_paused"], config.admissions_paused_minutes, " min",
             lambda s, now: _paused_minutes(s, now, since)),
        Rule("source_stale", TITLES["source_stale"], config.source_stale_seconds, " s", _stale_seconds),
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


MESSAGE = Alerts.tr("{title} {value}{unit} (threshold {threshold}{unit})")
# What MESSAGE made in English, for recordings from before alerts were stored as Text.
_ENGLISH_MESSAGE = re.compile(r"^(?P<title>.+) (?P<value>-?[\d,]+(?:\.\d)?)(?P<unit>%| ms| min| s|) "
                              r"\(threshold (?P<threshold>[\d.e+-]+)(?P=unit)\)$")


def _message(rule: Rule, value: float) -> Text:
    shown = Number(value, 0 if rule.at_least or value >= 100 else 1)
    return MESSAGE.format(title=rule.title, value=shown, unit=rule.unit, threshold=Number(rule.threshold))


def message_text(message: str) -> str:
    """An alert's message as a Text where it can be: as recorded, or recognised in the English an older
    recording holds; anything else as it is."""
    if isinstance(message, Text):
        return message
    match = _ENGLISH_MESSAGE.match(message)
    title = next((t for t in TITLES.values() if match and t == match["title"]), None)
    if match is None or title is None:
        return message
    value = match["value"].replace(",", "")
    try:
        shown = Number(float(value), 1 if "." in value else 0)
        threshold = Number(float(match["threshold"]))
    except ValueError:
        return message
    text = MESSAGE.format(title=title, value=shown, unit=match["unit"], threshold=threshold)
    return text if text == message else message
