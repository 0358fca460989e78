"""The fault spec of `demo serve --faults` and the plan's time windows."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.demo.faults import (
    DEFAULT_RETRY_AFTER,
    Fault,
    FaultKind,
    FaultPlan,
    parse_fault,
    parse_fault_spec,
    parse_seconds,
)
from console.snapshots import SourceName


def test_the_documented_example_parses() -> None:
    faults = parse_fault_spec("shop:http500@10+60,cloudflare:http429=30@0+120,aws:latency=3@20+40")
    assert faults == (
        Fault(SourceName.SHOP, FaultKind.HTTP500, None, 10.0, 60.0),
        Fault(SourceName.CLOUDFLARE, FaultKind.HTTP429, 30.0, 0.0, 120.0),
        Fault(SourceName.AWS, FaultKind.LATENCY, 3.0, 20.0, 40.0),
    )


def test_every_kind_parses_and_spaces_and_case_are_forgiven() -> None:
    spec = " SHOP:Timeout@1+2, aws:http401@0+1,aws:http403@0+1,shop:malformed@0+1,cloudflare:refuse@0+1,aws:http429@0+1"
    kinds = [fault.kind for fault in parse_fault_spec(spec)]
    assert kinds == ["timeout", "http401", "http403", "malformed", "refuse", "http429"]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("45", 45.0), ("1.5", 1.5), (".5", 0.5), ("30s", 30.0), ("2m", 120.0), ("500ms", 0.5), (" 7 ", 7.0)],
)
def test_times_take_seconds_minutes_and_milliseconds(text: str, seconds: float) -> None:
    assert parse_seconds(text) == seconds


def test_units_work_in_every_position() -> None:
    assert parse_fault("aws:latency=250ms@2m+30s") == Fault(SourceName.AWS, FaultKind.LATENCY, 0.25, 120.0, 30.0)


def test_retry_after_defaults_and_rounds_up_to_whole_seconds() -> None:
    assert parse_fault("shop:http429@0+1").retry_after == DEFAULT_RETRY_AFTER
    assert parse_fault("shop:http429=2.2@0+1").retry_after == 3
    assert parse_fault("shop:http429=1m@0+1").retry_after == 60


def test_an_empty_spec_is_no_faults() -> None:
    assert parse_fault_spec("") == ()
    assert parse_fault_spec("   ") == ()


@pytest.mark.parametrize(
    ("spec", "bad_item", "why"),
    [
        ("shop:http500@10", "shop:http500@10", "SOURCE:KIND[=ARG]@START+DURATION"),
        ("shop:http500@10+60,db:http500@0+1", "db:http500@0+1", "unknown source 'db'"),
        ("shop:explode@0+1", "shop:explode@0+1", "unknown fault kind 'explode'"),
        ("aws:latency@0+1", "aws:latency@0+1", "latency needs the delay"),
        ("aws:latency=0@0+1", "aws:latency=0@0+1", "latency needs the delay"),
        ("shop:http500=3@0+1", "shop:http500=3@0+1", "http500 takes no argument"),
        ("shop:refuse@0+0", "shop:refuse@0+0", "duration must be"),
        ("shop:refuse@-5+10", "shop:refuse@-5+10", "'-5' is not a time"),
        ("shop:refuse@soon+10", "shop:refuse@soon+10", "'soon' is not a time"),
        ("shop:refuse@1e3+10", "shop:refuse@1e3+10", "is not a time"),
        ("shop:http429=x@0+1", "shop:http429=x@0+1", "'x' is not a time"),
    ],
)
def test_a_bad_item_is_named_in_a_one_line_error(spec: str, bad_item: str, why: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_fault_spec(spec)
    message = str(caught.value)
    assert repr(bad_item) in message
    assert why in message
    assert "\n" not in message


def test_an_empty_item_is_an_error() -> None:
    with pytest.raises(ValueError, match="item 2 is empty"):
        parse_fault_spec("shop:http500@0+1,,aws:refuse@0+1")


def test_a_fault_built_in_code_is_checked_and_takes_plain_strings() -> None:
    fault = Fault("shop", "http500", None, 0, 1)  # type: ignore[arg-type]
    assert fault.source is SourceName.SHOP
    assert fault.kind is FaultKind.HTTP500
    with pytest.raises(ValueError, match="unknown source"):
        Fault("redis", "http500", None, 0, 1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="takes no argument"):
        Fault(SourceName.SHOP, FaultKind.REFUSE, 1.0, 0, 1)


def test_the_window_includes_its_start_and_excludes_its_end() -> None:
    plan = FaultPlan([parse_fault("shop:http500@10+5")], started_at_monotonic=100.0)
    assert plan.active("shop", 109.999) is None
    assert plan.active("shop", 110.0) == parse_fault("shop:http500@10+5")
    assert plan.active("shop", 114.999) is not None
    assert plan.active("shop", 115.0) is None


def test_faults_apply_to_their_own_source_only() -> None:
    plan = FaultPlan(parse_fault_spec("shop:http500@0+10,aws:refuse@5+10"), started_at_monotonic=0.0)
    assert plan.active(SourceName.SHOP, 1.0) == parse_fault("shop:http500@0+10")
    assert plan.active("aws", 1.0) is None
    assert plan.active("cloudflare", 6.0) is None
    assert plan.active("aws", 6.0) == parse_fault("aws:refuse@5+10")


def test_where_windows_overlap_the_later_item_wins() -> None:
    plan = FaultPlan(parse_fault_spec("shop:http500@0+60,shop:refuse@10+5"), started_at_monotonic=0.0)
    assert plan.active("shop", 5.0) == parse_fault("shop:http500@0+60")
    assert plan.active("shop", 12.0) == parse_fault("shop:refuse@10+5")
    assert plan.active("shop", 20.0) == parse_fault("shop:http500@0+60")


def test_faults_can_be_added_while_the_plan_runs() -> None:
    plan = FaultPlan(started_at_monotonic=50.0)
    assert plan.active("cloudflare", 60.0) is None
    plan.add(Fault(SourceName.CLOUDFLARE, FaultKind.TIMEOUT, None, start=plan.elapsed(60.0), duration=2.0))
    assert plan.active("cloudflare", 60.0) is not None
    assert plan.active("cloudflare", 62.0) is None
    assert len(plan.faults) == 1


def test_the_plan_starts_now_by_default() -> None:
    plan = FaultPlan([parse_fault("aws:http500@0+30")])
    assert plan.active("aws") is not None
    assert 0 <= plan.elapsed() < 5


_times = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)


@st.composite
def faults(draw: st.DrawFn) -> Fault:
    kind = draw(st.sampled_from(list(FaultKind)))
    if kind is FaultKind.LATENCY:
        arg: float | None = draw(_times.filter(lambda x: x > 0))
    elif kind is FaultKind.HTTP429:
        arg = draw(st.none() | _times)
    else:
        arg = None
    source = draw(st.sampled_from(list(SourceName)))
    return Fault(source, kind, arg, draw(_times), draw(_times.filter(lambda x: x > 0)))


@given(st.lists(faults(), min_size=1, max_size=5))
def test_a_spec_written_from_faults_parses_back_to_them(items: list[Fault]) -> None:
    spec = ",".join(str(fault) for fault in items)
    assert parse_fault_spec(spec) == tuple(items)
