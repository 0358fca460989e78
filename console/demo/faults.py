"""Faults for rehearsals and tests: which backend misbehaves, how, and when.

A rehearsal needs the same trouble at the same moment every time, in front of any of the three
backends, so faults are given as a small spec (`demo serve --faults SPEC`) of comma-separated items

    SOURCE:KIND[=ARG]@START+DURATION        e.g.  shop:http500@10+60,cloudflare:http429=30@0+120

SOURCE is aws, cloudflare or shop; START and DURATION are wall seconds from the moment the proxies
start (`45`, `1.5`, `30s`, `2m`, `500ms`). KIND is one of FaultKind; `latency` needs the delay in
seconds, `http429` may give the Retry-After seconds. console.demo.fault_proxy applies the plan.
"""

from __future__ import annotations

import math
import re
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from console.snapshots import SourceName

DEFAULT_RETRY_AFTER = 5  # seconds, when `http429` gives none
SPEC_SYNTAX = "SOURCE:KIND[=ARG]@START+DURATION"
_ITEM = re.compile(r"(?P<source>[^:@=+]*):(?P<kind>[^:@=+]*)(?:=(?P<arg>[^@]*))?@(?P<start>[^+]*)\+(?P<duration>.*)")
_SECONDS = re.compile(r"(?P<number>\d+(?:\.\d*)?|\.\d+)(?P<unit>ms|s|m)?")
_UNIT = {"ms": 0.001, "s": 1.0, "m": 60.0, None: 1.0}


class FaultKind(StrEnum):
    LATENCY = "latency"  # wait ARG seconds, then forward
    TIMEOUT = "timeout"  # never answer; close once the client gives up (at most fault_proxy.MAX_HOLD)
    HTTP500 = "http500"
    HTTP429 = "http429"  # with Retry-After: ARG seconds
    HTTP401 = "http401"
    HTTP403 = "http403"
    MALFORMED = "malformed"  # 200 with the backend's body cut short
    REFUSE = "refuse"  # stop listening: connections are refused

    @property
    def status(self) -> int | None:
        """The HTTP status of an error fault; None for the kinds that are not an error answer."""
        return {"http500": 500, "http429": 429, "http401": 401, "http403": 403}.get(self.value)


def _text(seconds: float) -> str:
    """Plain decimal digits that parse back to exactly `seconds` (no exponent: the spec has none)."""
    text = format(Decimal(repr(float(seconds))), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


@dataclass(frozen=True, slots=True)
class Fault:
    """One fault window: `kind` on `source` from `start` for `duration` seconds after the plan starts.

    Strings are accepted for `source` and `kind` (as the spec gives them) and checked, so a fault
    built in code is as valid as a parsed one.
    """

    source: SourceName
    kind: FaultKind
    arg: float | None
    start: float
    duration: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "source", source_named(self.source))
        object.__setattr__(self, "kind", kind_named(self.kind))
        if not math.isfinite(self.start) or self.start < 0:
            raise ValueError(f"start must be a number of seconds >= 0, not {self.start!r}")
        if not math.isfinite(self.duration) or self.duration <= 0:
            raise ValueError(f"duration must be a number of seconds > 0, not {self.duration!r}")
        self._check_arg()

    def _check_arg(self) -> None:
        arg = self.arg
        if self.kind is FaultKind.LATENCY:
            if arg is None or not math.isfinite(arg) or arg <= 0:
                raise ValueError("latency needs the delay in seconds, e.g. latency=3")
        elif self.kind is FaultKind.HTTP429:
            if arg is not None and (not math.isfinite(arg) or arg < 0):
                raise ValueError("http429 takes the Retry-After seconds (>= 0), e.g. http429=30")
        elif arg is not None:
            raise ValueError(f"{self.kind} takes no argument")

    @property
    def end(self) -> float:
        return self.start + self.duration

    @property
    def retry_after(self) -> int:
        """Whole seconds for the Retry-After header of an `http429` (HTTP allows no fractions)."""
        return math.ceil(self.arg) if self.arg is not None else DEFAULT_RETRY_AFTER

    def covers(self, elapsed: float) -> bool:
        """True from `start` (inclusive) to `end` (exclusive)."""
        return self.start <= elapsed < self.end

    def __str__(self) -> str:
        """The spec item that parses back to this fault."""
        arg = "" if self.arg is None else f"={_text(self.arg)}"
        return f"{self.source}:{self.kind}{arg}@{_text(self.start)}+{_text(self.duration)}"


def source_named(name: str) -> SourceName:
    if name not in SourceName.__members__.values():
        raise ValueError(f"unknown source {name!r}: use aws, cloudflare or shop")
    return SourceName(name)


def kind_named(name: str) -> FaultKind:
    if name not in FaultKind.__members__.values():
        raise ValueError(f"unknown fault kind {name!r}: use {', '.join(FaultKind)}")
    return FaultKind(name)


def parse_seconds(text: str) -> float:
    """`45`, `1.5`, `30s`, `2m`, `500ms` as seconds."""
    match = _SECONDS.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"{text.strip()!r} is not a time: use seconds like 45, 1.5, 30s, 2m or 500ms")
    return float(match["number"]) * _UNIT[match["unit"]]


def parse_fault(item: str) -> Fault:
    """One spec item; the ValueError names the item and says what is wrong with it."""
    text = item.strip()
    try:
        match = _ITEM.fullmatch(text)
        if match is None:
            raise ValueError(f"expected {SPEC_SYNTAX}, e.g. shop:http500@10+60")
        arg = match["arg"]
        return Fault(
            source=source_named(match["source"].strip().lower()),
            kind=kind_named(match["kind"].strip().lower()),
            arg=None if arg is None else parse_seconds(arg),
            start=parse_seconds(match["start"]),
            duration=parse_seconds(match["duration"]),
        )
    except ValueError as exc:
        raise ValueError(f"bad fault {text!r}: {exc}") from None


def parse_fault_spec(text: str) -> tuple[Fault, ...]:
    """All items of a spec, in order; an empty spec is no faults."""
    if not text.strip():
        return ()
    faults = []
    for number, item in enumerate(text.split(","), start=1):
        if not item.strip():
            raise ValueError(f"bad fault spec: item {number} is empty (items are separated by single commas)")
        faults.append(parse_fault(item))
    return tuple(faults)


class FaultPlan:
    """The faults of one run, timed from `started_at_monotonic` (time.monotonic(); default: now).

    Shared by the proxies of all three sources and read from their threads; `add` may be called at
    any time. Where windows overlap on one source, the fault listed (or added) last wins, so a later
    item can override an earlier one.
    """

    def __init__(self, faults: Iterable[Fault] = (), started_at_monotonic: float | None = None) -> None:
        self.started_at = time.monotonic() if started_at_monotonic is None else started_at_monotonic
        self._lock = threading.Lock()
        self._faults = list(faults)

    @property
    def faults(self) -> tuple[Fault, ...]:
        with self._lock:
            return tuple(self._faults)

    def add(self, fault: Fault) -> None:
        with self._lock:
            self._faults.append(fault)

    def elapsed(self, monotonic_now: float | None = None) -> float:
        """Seconds since the plan started: what a Fault's `start` is measured in."""
        return (time.monotonic() if monotonic_now is None else monotonic_now) - self.started_at

    def active(self, source: str, monotonic_now: float | None = None) -> Fault | None:
        elapsed = self.elapsed(monotonic_now)
        for fault in reversed(self.faults):
            if fault.source == source and fault.covers(elapsed):
                return fault
        return None
