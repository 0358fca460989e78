"""The operator actions as small typed requests, and what the console proposes before sending one."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Resource(StrEnum):
    """What an action changes. At most one action per resource runs at a time."""

    CAPACITY = "capacity"
    PROTECTION = "protection"
    ADMISSIONS = "admissions"


class ActionKind(StrEnum):
    SCALE_OUT = "scale-out"
    SCALE_TO = "scale-to"
    PROTECTION_ON = "protection-on"
    PROTECTION_OFF = "protection-off"
    ADMISSIONS_PAUSE = "admissions-pause"
    ADMISSIONS_RESUME = "admissions-resume"
    ADMISSION_RATE = "admission-rate"
    PRESCALE = "prescale"  # an Auto Scaling scheduled action: desired capacity at a set time


RESOURCE_OF = {
    ActionKind.SCALE_OUT: Resource.CAPACITY,
    ActionKind.SCALE_TO: Resource.CAPACITY,
    ActionKind.PROTECTION_ON: Resource.PROTECTION,
    ActionKind.PROTECTION_OFF: Resource.PROTECTION,
    ActionKind.ADMISSIONS_PAUSE: Resource.ADMISSIONS,
    ActionKind.ADMISSIONS_RESUME: Resource.ADMISSIONS,
    ActionKind.ADMISSION_RATE: Resource.ADMISSIONS,
    ActionKind.PRESCALE: Resource.CAPACITY,
}


@dataclass(frozen=True)
class ActionRequest:
    kind: ActionKind
    amount: int = 0  # instances to add (scale-out), capacity (scale-to, prescale) or admissions per minute (rate)
    at: datetime | None = None  # prescale: when the scheduled action sets the capacity (aware, campaign time)

    @property
    def resource(self) -> Resource:
        return RESOURCE_OF[self.kind]


@dataclass(frozen=True)
class Proposal:
    """What an action will do, read from the live backend: shown for confirmation, then executed as is."""

    request: ActionRequest
    before: str
    after: str
    summary: str  # one line: "Desired capacity 8 -> 10"
    details: tuple[str, ...] = ()  # cost, warm-up, effect on visitors
    warnings: tuple[str, ...] = ()  # caps applied, nothing to change, ...
    proposal_id: str = field(default_factory=lambda: uuid.uuid4().hex)

    @property
    def changes_anything(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True)
class ActionResult:
    proposal: Proposal
    ok: bool
    after: str
    message: str
    action_id: str
