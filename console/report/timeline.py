"""What people did and what the console raised, in time order, from the audit trail and the alerts table.

An action is written twice (intent before it is sent, outcome after it returns); the report shows it
once, at the time it was asked for, with its outcome. An intent without an outcome (the console died
while the action was in flight) is shown as such, never as a success.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from console.actions.audit import AuditEntry
from console.recording.reader import AlertRecord
from console.recording.recorder import AlertPhase

NO_OUTCOME = "no outcome recorded"


@dataclass(frozen=True)
class ActionRow:
    at: datetime  # campaign time of the intent
    who: str  # OS user at workstation (role)
    action: str
    resource: str
    before: str
    after: str
    outcome: str  # ok | failed | "no outcome recorded"
    message: str


@dataclass(frozen=True)
class AlertRow:
    at: datetime
    alert_id: str
    phase: AlertPhase
    rule: str
    message: str
    person: str


def action_rows(entries: list[AuditEntry]) -> list[ActionRow]:
    intents: dict[str, AuditEntry] = {}
    outcomes: dict[str, AuditEntry] = {}
    for entry in entries:
        (intents if entry.phase == "intent" else outcomes)[entry.action_id] = entry
    rows = []

    def who(entry: AuditEntry) -> str:
        return f"{entry.os_user}@{entry.workstation} ({entry.role})"

    for action_id, first in intents.items():
        last = outcomes.get(action_id)
        rows.append(
            ActionRow(
                at=datetime.fromisoformat(first.campaign_time),
                who=who(first),
                action=first.action,
                resource=first.resource,
                before=first.before,
                after=first.after,
                outcome=last.outcome if last is not None else NO_OUTCOME,
                message=(last.message if last is not None else first.message),
            )
        )
    for action_id, last in outcomes.items():  # an outcome whose intent is missing: still shown
        if action_id not in intents:
            rows.append(
                ActionRow(datetime.fromisoformat(last.campaign_time), who(last), last.action, last.resource,
                          last.before, last.after, last.outcome, last.message)
            )
    return sorted(rows, key=lambda row: row.at)


def alert_rows(alerts: list[AlertRecord]) -> list[AlertRow]:
    return sorted(
        (AlertRow(a.campaign_time, a.alert_id, a.phase, a.rule, a.message, a.person) for a in alerts),
        key=lambda row: row.at,
    )
