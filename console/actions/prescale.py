"""Pre-scale: the group's desired capacity set at T-X minutes by an Auto Scaling scheduled action.

A scheduled action rather than a timer in the console: AWS runs it at its time even if every console
is closed or the workstation's network is down. It goes through the action service like any action
(role, caps, one capacity change at a time, re-check before sending, audit intent and outcome).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from console.actions.requests import ActionKind, ActionRequest, Proposal
from console.actions.wording import NONE_SCHEDULED, NOTHING_TO_CHANGE, Actions, capped_text
from console.config import Campaign
from console.sources.aws_control import AutoScalingControl, ScheduledCapacity
from console.text import Number

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
        raise ValueError(Actions.tr("a pre-scale needs a time with a time zone"))
    if at <= now:
        raise ValueError(Actions.tr("the pre-scale time {time} UTC has already passed").format(
            time=f"{at.astimezone(UTC):%H:%M:%S}"))
    if request.amount < 1:
        raise ValueError(Actions.tr("pre-scale to at least one instance"))
    group = control.describe()
    existing = control.scheduled_capacity(PRESCALE_ACTION_NAME)
    cap = min(campaign.safety.max_instances, group.max_size)
    target = max(min(request.amount, cap), group.min_size)
    warnings: list[str] = []
    if request.amount > cap:
        warnings.append(capped_text(request.amount, cap, cap == campaign.safety.max_instances))
    if target < group.desired:
        warnings.append(Actions.tr("the group has {desired} now: at that time it would be scaled IN to {target}")
                        .format(desired=group.desired, target=target))
    warmup = campaign.aws.warmup_minutes
    if at > campaign.campaign.onsale_at:
        warnings.append(Actions.tr("that is after the on-sale"))
    elif at > campaign.campaign.onsale_at - timedelta(minutes=warmup):
        warnings.append(Actions.tr("new instances need about {minutes} minutes of warm-up: they will not serve at "
                                   "the on-sale").format(minutes=Number(warmup)))
    after = ScheduledCapacity(PRESCALE_ACTION_NAME, target, at)
    before = existing.describe() if existing is not None else NONE_SCHEDULED
    if after.describe() == before:
        warnings.append(NOTHING_TO_CHANGE)
    tz = ZoneInfo(campaign.campaign.timezone)
    price = campaign.aws.instance_price_per_hour
    added = max(target - group.desired, 0)
    details = (
        Actions.tr("Auto Scaling scheduled action {name} on {group}: AWS runs it at its time even if no console is "
                   "open").format(name=repr(PRESCALE_ACTION_NAME), group=campaign.aws.autoscaling_group),
        Actions.tr("%n instance(s) now; estimated extra cost {cost} per hour once it runs", None, group.desired)
        .format(cost=Number(added * price, 2)),
    )
    summary = Actions.tr("Pre-scale to %n instance(s) at {time} ({minus})", None, target).format(
        time=f"{at.astimezone(tz):%H:%M %Z}", minus=_minus(campaign, at))
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
