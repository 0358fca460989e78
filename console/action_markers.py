"""Operator actions as chart markers: a pending line at intent, turned ok or failed at the outcome.

The action service calls its listeners on the action's worker thread; the marker list belongs to the
GUI thread (the charts read it there), so every change hops through `deliver` (the bridge's post).
The marker's time is campaign time, which in the demo runs faster than the wall clock.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from console.actions.requests import ActionKind, ActionResult, Proposal
from console.actions.runner import Deliver
from console.actions.wording import level_text
from console.clock import Clock
from console.markers import Marker, MarkerKind, MarkerList, Outcome
from console.text import Text, TextContext

if TYPE_CHECKING:  # the service pulls in the cloud clients; a replay needs only the labels
    from console.actions.service import ActionListener

Markers = TextContext("Markers")
_RATE = re.compile(r" at (\d+)/min$")


def _count(before: str, after: str) -> int:
    try:
        return int(after) - int(before)
    except ValueError:
        return 0


def marker_label(proposal: Proposal) -> Text:
    """A few words that fit above a chart line: "+2 instances", "Under attack", "Rate 600/min"."""
    return action_label(proposal.request.kind, proposal.before, proposal.after, proposal.request.amount)


def action_label(kind: ActionKind, before: str, after: str, amount: int) -> Text:
    """The label of an action from what the audit trail keeps of it (`amount`: the admission rate asked)."""
    if kind is ActionKind.SCALE_OUT:
        return Markers.tr("+%n instance(s)", None, _count(before, after))
    if kind is ActionKind.SCALE_TO:
        return Markers.tr("Capacity {before} → {after}").format(before=before, after=after)
    if kind is ActionKind.PROTECTION_ON:
        return Markers.tr("Under attack")
    if kind is ActionKind.PROTECTION_OFF:
        return Markers.tr("Protection off ({level})").format(level=level_text(after))
    if kind is ActionKind.ADMISSIONS_PAUSE:
        return Markers.tr("Admissions paused")
    if kind is ActionKind.ADMISSIONS_RESUME:
        return Markers.tr("Admissions resumed")
    if kind is ActionKind.PRESCALE:
        return Markers.tr("Pre-scale to {count} scheduled").format(count=after.split(" ", 1)[0])
    return Markers.tr("Rate {rate}/min").format(rate=amount)


def recorded_label(action: str, before: str, after: str) -> str:
    """The label of an action read back from an audit trail (a replay)."""
    try:
        kind = ActionKind(action)
    except ValueError:
        return f"{action} {before} → {after}"
    rate = _RATE.search(after)
    return action_label(kind, before, after, int(rate[1]) if rate else 0)


def marker_listener(markers: MarkerList, deliver: Deliver, clock: Clock) -> ActionListener:
    """An ActionService listener that keeps one marker per action in `markers`, on the GUI thread."""

    def listener(action_id: str, proposal: Proposal, result: ActionResult | None) -> None:
        if result is None:
            marker = Marker(action_id, clock.now(), marker_label(proposal), MarkerKind.ACTION)
            deliver(markers.add, marker)
        else:
            outcome = Outcome.OK if result.ok else Outcome.FAILED
            deliver(lambda _: markers.resolve(action_id, outcome), None)

    return listener
