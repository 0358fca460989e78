"""Every snapshot type and every poll failure goes to JSON and back unchanged."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.recording.codec import CodecError, decode_update, encode_update
from console.recording.reader import load_updates
from console.recording.recorder import Recorder
from console.snapshots import (
    AwsSnapshot,
    CategorySales,
    CloudflareSnapshot,
    FailureKind,
    InstanceInfo,
    Point,
    ShopSnapshot,
    SourceName,
    SourceUpdate,
    TrafficMinute,
    WaitingRoomInfo,
)
from tests.recording.campaigns import sample_campaign
from tests.recording.synthetic import START, aws, cloudflare, shop

ZONES = st.sampled_from([UTC, timezone(timedelta(hours=1)), timezone(timedelta(hours=-5, minutes=-30))])
moments = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=ZONES)
numbers = st.floats(allow_nan=False)
counts = st.integers(min_value=-(2**63), max_value=2**63)
words = st.text(max_size=30)
points = st.lists(st.builds(Point, moments, numbers), max_size=4).map(tuple)

instances = st.builds(InstanceInfo, words, words, words, st.none() | words, st.none() | numbers)
aws_snapshots = st.builds(
    AwsSnapshot, moments, words, counts, counts, counts, st.lists(instances, max_size=3).map(tuple),
    points, points, points, points, points, points, points,
)
rooms = st.builds(WaitingRoomInfo, words, words, words, st.booleans(), st.booleans(), counts, counts, words, counts,
                  counts, counts)
minutes = st.builds(TrafficMinute, moments, counts, counts, counts, counts, counts, counts)
cloudflare_snapshots = st.builds(CloudflareSnapshot, moments, words, rooms, st.lists(minutes, max_size=4).map(tuple))
categories = st.builds(CategorySales, words, numbers, counts, counts)
shop_snapshots = st.builds(
    ShopSnapshot, moments, words, st.lists(categories, max_size=3).map(tuple), counts, numbers, numbers, counts,
    numbers, counts, st.booleans(), numbers,
)
successes = st.one_of(
    st.builds(SourceUpdate, st.just(SourceName.AWS), moments, aws_snapshots, last_ok_at=st.none() | moments),
    st.builds(SourceUpdate, st.just(SourceName.CLOUDFLARE), moments, cloudflare_snapshots),
    st.builds(SourceUpdate, st.just(SourceName.SHOP), moments, shop_snapshots, last_ok_at=moments),
)
failures = st.builds(
    SourceUpdate, st.sampled_from(SourceName), moments, st.none(), error=st.none() | words,
    failure=st.none() | st.sampled_from(FailureKind), last_ok_at=st.none() | moments,
    retry_after=st.none() | numbers,
)


@settings(max_examples=150, deadline=None)
@given(st.one_of(successes, failures))
def test_every_update_survives_the_round_trip(update: SourceUpdate) -> None:
    decoded = decode_update(encode_update(update))
    assert decoded == update
    assert type(decoded.snapshot) is type(update.snapshot)
    assert decoded.attempted_at.utcoffset() == update.attempted_at.utcoffset()


def test_types_come_back_as_declared() -> None:
    update = SourceUpdate(SourceName.SHOP, START, shop(START), retry_after=None)
    decoded = decode_update(encode_update(update))
    assert isinstance(decoded.snapshot, ShopSnapshot)
    assert isinstance(decoded.snapshot.categories, tuple)
    assert isinstance(decoded.snapshot.revenue, float)
    assert isinstance(decoded.snapshot.tickets_sold, int)
    assert decoded.source is SourceName.SHOP


def test_not_a_number_stays_not_a_number() -> None:
    odd_cpu = (Point(START, math.nan), Point(START, math.inf))
    odd = SourceUpdate(SourceName.AWS, START, replace(aws(START), db_cpu=odd_cpu))
    decoded = decode_update(encode_update(odd))
    assert isinstance(decoded.snapshot, AwsSnapshot)
    assert math.isnan(decoded.snapshot.db_cpu[0].value)
    assert decoded.snapshot.db_cpu[1].value == math.inf


def test_a_field_missing_from_an_older_recording_takes_its_default() -> None:
    plain = json.loads(encode_update(SourceUpdate(SourceName.AWS, START, None, error="down")))
    del plain["retry_after"]
    assert decode_update(json.dumps(plain)) == SourceUpdate(SourceName.AWS, START, None, error="down")


@pytest.mark.parametrize(
    "payload",
    [
        "{not json",
        "[]",
        '{"source": "shop"}',
        '{"source": "nowhere", "attempted_at": "2026-01-01T00:00:00+00:00", "snapshot": null}',
        '{"source": "shop", "attempted_at": "yesterday", "snapshot": null}',
        '{"source": "shop", "attempted_at": "2026-01-01T00:00:00+00:00", "snapshot": {"type": "ftp"}}',
        '{"source": "shop", "attempted_at": "2026-01-01T00:00:00+00:00", "snapshot": {"type": "shop"}}',
        '{"source": "shop", "attempted_at": "2026-01-01T00:00:00+00:00", "snapshot": null, "retry_after": "soon"}',
    ],
)
def test_a_damaged_payload_is_a_codec_error(payload: str) -> None:
    with pytest.raises(CodecError):
        decode_update(payload)


def test_awkward_text_survives_sqlite(tmp_path: Path) -> None:
    text = "zero\x00byte \"quoted\" 'single' \\ back ✓ 🎟️ Płyta\n"
    odd = CloudflareSnapshot(START, text, replace(cloudflare(START).waiting_room, name=text), ())
    updates = [
        SourceUpdate(SourceName.CLOUDFLARE, START, odd),
        SourceUpdate(SourceName.SHOP, START, None, error=text, failure=FailureKind.BAD_RESPONSE),
    ]
    with Recorder(tmp_path / "odd.sqlite", sample_campaign()) as recorder:
        for update in updates:
            recorder.submit(update)
    assert list(load_updates(tmp_path / "odd.sqlite")) == updates
