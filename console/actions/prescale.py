"""Pre-scale: the group's desired capacity set at T-X minutes by an Auto Scaling scheduled action.

A scheduled action rather than a timer in the console: AWS runs it at its time even if every console
is closed or the workstation's network is down. It goes through the action service like any action
(role, caps, one capacity change at a time, re-check before sending, audit intent and outcome).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from console.actions.requests import ActionKind, ActionRequest, Proposal
from console.config import Campaign
from console.sources.aws_control import AutoScalingControl, ScheduledCapacity

PRESCALE_ACTION_NAME = "saleday-prescale"
_TARGET = re.compile(r"^(\d+) instances at ")


def prescale_request(campaign: Campaign, instances: int, minutes_before: float) -> ActionRequest:
    """A pre-scale to `instances` at `minutes_before` the on-sale."""
    at = campaign.campaign.onsale_at - timedelta(minutes=minutes_before)
    return ActionRequest(ActionKind.PRESCALE, instances, at)


def _minus(campaign: Campaign, at: datetime) -> str:
    minutes = (campaign.campaign.onsale_at - at).total_seconds() / 60
    return f"T-{minutes:g} min" if minutes >= 0 else f"T+{-minutes:g} min"


def propose_prescale(campaign: Campaign, control: AutoScalingControl, request: ActionRequest,
                     now: datetime) -> Proposal:
    """Read the group and any pre-scale already scheduled; propose the new one with caps applied.

    Raises ValueError for a request that cannot be scheduled (no time, a time already past).
    """
    at = request.at
    if at is None or at.tzinfo is None:
        raise ValueError("a pre-scale needs a time with a time zone")
    if at <= now:
        raise ValueError(f"the pre-scale time {at:%H:%M:%S} UTC has already passed")
    if request.amount < 1:
        raise ValueError("pre-scale to at least one instance")
    group = control.describe()
    existing = control.scheduled_capacity(PRESCALE_ACTION_NAME)
    cap = min(campaign.safety.max_instances, group.max_size)
    target = max(min(request.amount, cap), group.min_size)
    warnings = []
    if request.amount > cap:
        which = "the campaign's safety cap" if cap == campaign.safety.max_instances else "the group's MaxSize"
        warnings.append(f"asked for {request.amount}; capped at {cap} by {which}")
    if target < group.desired:
        warnings.append(f"the group has {group.desired} now: at that time it would be scaled IN to {target}")
    warmup = campaign.aws.warmup_minutes
    if at > campaign.campaign.onsale_at:
        warnings.append("that is after the on-sale")
    elif at > campaign.campaign.onsale_at - timedelta(minutes=warmup):
        warnings.append(f"new instances need about {warmup:g} minutes of warm-up: they will not serve at the on-sale")
    after = ScheduledCapacity(PRESCALE_ACTION_NAME, target, at)
    before = existing.describe() if existing is not None else "none scheduled"
    if after.describe() == before:
        warnings.append("nothing to change")
    tz = ZoneInfo(campaign.campaign.timezone)
    price = campaign.aws.instance_price_per_hour
    added = max(target - group.desired, 0)
    details = (
        f"Auto Scaling scheduled action {PRESCALE_ACTION_NAME!r} on {campaign.aws.autoscaling_group}: AWS runs it "
        "at its time even if no console is open",
        f"{group.desired} instances now; estimated extra cost {added * price:.2f} per hour once it runs",
    )
    summary = f"Pre-scale to {target} instances at {at.astimezone(tz):%H:%M %Z} ({_minus(campaign, at)})"
    return Proposal(request, before, after.describe(), summary, details, tuple(warnings))


def prescale_target(proposal: Proposal) -> int:
    """The capped instance count a pre-scale proposal schedules (its `after` reads "N instances at …")."""
    match = _TARGET.match(proposal.after)
    if match is None:
        raise ValueError(f"not a pre-scale proposal: {proposal.after!r}")
    return int(match.group(1))


def apply_prescale(control: AutoScalingControl, proposal: Proposal) -> str:
    """Schedule the proposal's capacity at its time; returns the action as AWS now lists it."""
    at = proposal.request.at
    if at is None:
        raise ValueError("a pre-scale needs a time")
    return control.schedule_capacity(PRESCALE_ACTION_NAME, prescale_target(proposal), at).describe()
