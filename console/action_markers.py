"""Operator actions as chart markers: a pending line at intent, turned ok or failed at the outcome.

The action service calls its listeners on the action's worker thread; the marker list belongs to the
GUI thread (the charts read it there), so every change hops through `deliver` (the bridge's post).
The marker's time is campaign time, which in the demo runs faster than the wall clock.
"""

from __future__ import annotations

from console.actions.requests import ActionKind, ActionResult, Proposal
from console.actions.runner import Deliver
from console.actions.service import ActionListener
from console.clock import Clock
from console.markers import Marker, MarkerKind, MarkerList, Outcome


def _count(before: str, after: str) -> int:
    try:
        return int(after) - int(before)
    except ValueError:
        return 0


def marker_label(proposal: Proposal) -> str:
    """A few words that fit above a chart line: "+2 instances", "Under attack", "Rate 600/min"."""
    kind = proposal.request.kind
    if kind is ActionKind.SCALE_OUT:
        added = _count(proposal.before, proposal.after)
        return f"+{added} instance{'' if added == 1 else 's'}"
    if kind is ActionKind.SCALE_TO:
        return f"Capacity {proposal.before} → {proposal.after}"
    if kind is ActionKind.PROTECTION_ON:
        return "Under attack"
    if kind is ActionKind.PROTECTION_OFF:
        return f"Protection off ({proposal.after})"
    if kind is ActionKind.ADMISSIONS_PAUSE:
        return "Admissions paused"
    if kind is ActionKind.ADMISSIONS_RESUME:
        return "Admissions resumed"
    if kind is ActionKind.PRESCALE:
        return f"Pre-scale to {proposal.after.split(' ', 1)[0]} scheduled"
    return f"Rate {proposal.request.amount}/min"


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
