"""Snapshots and poll outcomes to JSON and back, exactly.

A recording outlives the code that wrote it, so the format is plain JSON with field names: datetimes
as ISO 8601 with their offset (exact to the microsecond), enums by value, tuples as lists, floats by
repr (exact). Decoders are built once per type from the dataclasses' own type hints, so a field added
to a snapshot is recorded without touching this module; a field missing from an older recording
takes its default.
"""

from __future__ import annotations

import dataclasses
import json
import types
from collections.abc import Callable
from datetime import datetime
from enum import Enum
from functools import cache
from typing import Any, Union, get_args, get_origin, get_type_hints

from console.snapshots import AwsSnapshot, CloudflareSnapshot, ShopSnapshot, Snapshot, SourceUpdate


class CodecError(ValueError):
    """A payload that does not decode into the type it claims."""


SNAPSHOT_TYPES: dict[str, type] = {
    "aws": AwsSnapshot,
    "cloudflare": CloudflareSnapshot,
    "shop": ShopSnapshot,
}
_SNAPSHOT_TAGS = {cls: tag for tag, cls in SNAPSHOT_TYPES.items()}

Decoder = Callable[[Any], Any]


# ---------------------------------------------------------------- encoding


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def to_plain(value: Any) -> Any:
    """A dataclass tree as JSON-ready dicts, lists, strings and numbers."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [to_plain(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: to_plain(getattr(value, name)) for name in _field_names(type(value))}
    return value


def snapshot_to_plain(snapshot: Snapshot) -> dict[str, Any]:
    plain: dict[str, Any] = to_plain(snapshot)
    plain["type"] = _SNAPSHOT_TAGS[type(snapshot)]
    return plain


def update_to_plain(update: SourceUpdate) -> dict[str, Any]:
    plain = {name: to_plain(getattr(update, name)) for name in _field_names(SourceUpdate) if name != "snapshot"}
    plain["snapshot"] = None if update.snapshot is None else snapshot_to_plain(update.snapshot)
    return plain


def encode_update(update: SourceUpdate) -> str:
    return json.dumps(update_to_plain(update), ensure_ascii=False, separators=(",", ":"))


# ---------------------------------------------------------------- decoding


def _optional(inner: Decoder) -> Decoder:
    return lambda value: None if value is None else inner(value)


def _sequence(inner: Decoder) -> Decoder:
    return lambda value: tuple(inner(item) for item in value)


def _as_float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CodecError(f"expected a number, got {value!r}")
    return float(value)


def _exactly(kind: type) -> Decoder:
    def check(value: Any) -> Any:
        if type(value) is not kind:
            raise CodecError(f"expected {kind.__name__}, got {value!r}")
        return value

    return check


def _datetime(value: Any) -> datetime:
    if not isinstance(value, str):
        raise CodecError(f"expected an ISO 8601 time, got {value!r}")
    return datetime.fromisoformat(value)


def _record(cls: type, tagged: str = "") -> Decoder:
    """Decoder of a dataclass; the field named `tagged` is left to the caller (it needs a type tag)."""
    hints = get_type_hints(cls)
    fields = [
        (f.name, decoder_for(hints[f.name]), f.default is not dataclasses.MISSING)
        for f in dataclasses.fields(cls)
        if f.name != tagged
    ]

    def decode(value: Any) -> Any:
        if not isinstance(value, dict):
            raise CodecError(f"expected an object for {cls.__name__}, got {type(value).__name__}")
        kwargs = {}
        for name, decode_field, has_default in fields:
            if name in value:
                kwargs[name] = decode_field(value[name])
            elif not has_default:
                raise CodecError(f"{cls.__name__}.{name} is missing")
        if tagged:
            kwargs[tagged] = None
        return cls(**kwargs)

    return decode


@cache
def decoder_for(hint: Any) -> Decoder:
    """The decoder of one annotated type; built once and reused for every sample."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        members = [arg for arg in get_args(hint) if arg is not type(None)]
        if len(members) != 1:
            raise TypeError(f"cannot decode the union {hint!r} without a tag")
        return _optional(decoder_for(members[0]))
    if origin is tuple:
        args = get_args(hint)
        if len(args) != 2 or args[1] is not Ellipsis:
            raise TypeError(f"only tuple[X, ...] is supported, not {hint!r}")
        return _sequence(decoder_for(args[0]))
    if hint is datetime:
        return _datetime
    if hint is float:
        return _as_float
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint
    if hint in (int, str, bool):
        return _exactly(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _record(hint)
    raise TypeError(f"no decoder for {hint!r}")


def snapshot_from_plain(plain: dict[str, Any]) -> Snapshot:
    tag = plain.get("type")
    if tag not in SNAPSHOT_TYPES:
        raise CodecError(f"unknown snapshot type {tag!r}")
    snapshot: Snapshot = decoder_for(SNAPSHOT_TYPES[tag])(plain)  # the tag is not a field: ignored
    return snapshot


@cache
def _update_decoder() -> Decoder:
    return _record(SourceUpdate, tagged="snapshot")


def update_from_plain(plain: dict[str, Any]) -> SourceUpdate:
    update: SourceUpdate = _update_decoder()(plain)
    snapshot = plain.get("snapshot")
    if snapshot is None:
        return update
    if not isinstance(snapshot, dict):
        raise CodecError("a snapshot must be a JSON object")
    return dataclasses.replace(update, snapshot=snapshot_from_plain(snapshot))


def decode_update(text: str | bytes) -> SourceUpdate:
    """One recorded poll outcome; raises CodecError when the payload is damaged."""
    try:
        return update_from_plain(json.loads(text))
    except CodecError:
        raise
    except (ValueError, TypeError, KeyError) as exc:
        raise CodecError(f"damaged sample: {exc}") from None
