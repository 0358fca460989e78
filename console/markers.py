"""Vertical markers on every time chart: operator actions and alerts, with their outcome."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from console.observable import Observable


class MarkerKind(StrEnum):
    ACTION = "action"
    ALERT = "alert"


class Outcome(StrEnum):
    PENDING = "pending"
    OK = "ok"
    FAILED = "failed"


@dataclass(frozen=True)
class Marker:
    marker_id: str
    at: datetime
    label: str  # a few words above the line; a console.text.Text, so that the charts can translate it
    kind: MarkerKind
    outcome: Outcome = Outcome.PENDING


class MarkerList(Observable[tuple[Marker, ...]]):
    def __init__(self) -> None:
        super().__init__(())

    def add(self, marker: Marker) -> None:
        self.set((*self.value, marker))

    def resolve(self, marker_id: str, outcome: Outcome) -> None:
        self.set(tuple(replace(m, outcome=outcome) if m.marker_id == marker_id else m for m in self.value))
