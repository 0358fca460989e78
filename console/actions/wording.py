"""The actions' words for people: summaries, warnings, and the values an action reads and sets.

Values travel as machine strings: a proposal's `before` and `after` are compared, parsed and written
to the audit trail as they are ("8", "under_attack", "paused at 600/min", "20 instances at
2026-12-04 08:50 UTC"). `value_text` turns one into translatable words, whether it comes from a
live proposal or from an audit trail on disk.
"""

from __future__ import annotations

import re

from console.actions.requests import Resource
from console.text import Text, TextContext

Actions = TextContext("Actions")
SecurityLevel = TextContext("SecurityLevel")

NOTHING_TO_CHANGE = Actions.tr("nothing to change")
NONE_SCHEDULED = "none scheduled"  # the machine value of "no pre-scale yet"

LEVELS = {
    "under_attack": SecurityLevel.tr("Under attack"),
    "essentially_off": SecurityLevel.tr("essentially off"),
    "off": SecurityLevel.tr("off"),
    "low": SecurityLevel.tr("low"),
    "medium": SecurityLevel.tr("medium"),
    "high": SecurityLevel.tr("high"),
}
SUMMARIES = {
    Resource.CAPACITY: Actions.tr("Desired capacity {before} -> {after}"),
    Resource.PROTECTION: Actions.tr("Security level {before} -> {after}"),
    Resource.ADMISSIONS: Actions.tr("Admissions {before} -> {after}"),
}
_ADMISSIONS = re.compile(r"^(paused|admitting) at (\d+)/min$")
_SCHEDULED = re.compile(r"^(\d+) instances at (.+) UTC$")


def level_text(level: str) -> str:
    """A Cloudflare security level in words; one Cloudflare adds later, readable."""
    return LEVELS.get(level, level.replace("_", " "))


def admissions_text(paused: bool, rate: int) -> Text:
    if paused:
        return Actions.tr("paused at {rate}/min").format(rate=rate)
    return Actions.tr("admitting at {rate}/min").format(rate=rate)


def value_text(value: str) -> str:
    """A before/after value in words; one this console does not know (a newer one's) as it is."""
    if value in LEVELS:
        return LEVELS[value]
    if value == NONE_SCHEDULED:
        return Actions.tr("none scheduled")
    if match := _ADMISSIONS.match(value):
        return admissions_text(match[1] == "paused", int(match[2]))
    if match := _SCHEDULED.match(value):
        return Actions.tr("%n instance(s) at {time} UTC", None, int(match[1])).format(time=match[2])
    return value


def summary_text(resource: Resource, before: str, after: str) -> Text:
    """One line: "Desired capacity 8 -> 10" (a pre-scale words its own, with its time)."""
    return SUMMARIES[resource].format(before=value_text(before), after=value_text(after))


def capped_text(asked: int, cap: int, by_campaign: bool) -> Text:
    if by_campaign:
        return Actions.tr("asked for {asked}; capped at {cap} by the campaign's safety cap").format(asked=asked,
                                                                                                    cap=cap)
    return Actions.tr("asked for {asked}; capped at {cap} by the group's MaxSize").format(asked=asked, cap=cap)

