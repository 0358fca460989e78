"""Random input for the property tests: JSON-shaped values, valid bodies bent at one random spot, and
TOML text written from random tables (valid TOML, so the fuzzing reaches the validation behind it)."""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# CI has two cores: modest counts. SALEDAY_FUZZ_SCALE=20 makes a bug hunt of the same tests.
SCALE = float(os.environ.get("SALEDAY_FUZZ_SCALE", "1"))


def fuzz(examples: int) -> settings:
    return settings(max_examples=max(1, int(examples * SCALE)), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(["", "0", "-1", "1e999", "NaN", "2026-12-01T09:00:00Z", "0001-01-01T00:00:00+23:59",
                      "9999-12-31T23:59:59-23:59", "2026-12-01T09:00:00", "Complete", "healthy", "medium"])
)
json_values = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
offsets = st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1).map(lambda m: timezone(timedelta(minutes=m)))
aware_datetimes = st.datetimes(timezones=offsets | st.just(UTC))
# What boto3 hands back: JSON's shapes plus datetimes (naive ones too, from a careless stub).
boto_values = st.recursive(
    JSON_SCALARS | aware_datetimes | st.datetimes(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


def _replace(value: Any, path: tuple[Any, ...], new: Any, delete: bool) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    copy: dict[Any, Any] | list[Any] = dict(value) if isinstance(value, dict) else list(value)
    if delete and not rest:
        del copy[head]
    else:
        copy[head] = _replace(value[head], rest, new, delete)
    return copy


def bent(valid: Any, values: st.SearchStrategy[Any] = json_values, times: int = 2) -> st.SearchStrategy[Any]:
    """`valid` with up to `times` spots replaced by a random value or deleted: bodies that are almost right
    reach deeper into a parser than noise does."""

    @st.composite
    def build(draw: Callable[[st.SearchStrategy[Any]], Any]) -> Any:
        body = valid
        for _ in range(draw(st.integers(min_value=1, max_value=times))):
            path = draw(st.sampled_from(_paths(body)))
            delete = bool(path) and draw(st.booleans())
            body = _replace(body, path, None if delete else draw(values), delete)
        return body

    return build()


# ---------------------------------------------------------------- TOML


def toml_key(key: str) -> str:
    return json.dumps(key, ensure_ascii=False)


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "-inf" if value < 0 else "inf"
        return repr(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # JSON's escapes are TOML's, bar a raw DEL
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no TOML for {type(value).__name__}")


def to_toml(document: dict[str, Any]) -> str:
    """Top-level scalars first, then one [table] per dict value (nested dicts inline)."""
    lines = [f"{toml_key(k)} = {toml_value(v)}" for k, v in document.items() if not isinstance(v, dict)]
    for name, table in document.items():
        if isinstance(table, dict):
            lines.append(f"[{toml_key(name)}]")
            lines += [f"{toml_key(k)} = {toml_value(v)}" for k, v in table.items()]
    return "\n".join(lines) + "\n"


toml_scalars = (
    st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30).filter(lambda s: "\x7f" not in s)
    | aware_datetimes
    | st.datetimes()
    | st.dates()
    | st.sampled_from(["Europe/Warsaw", "Mars/Base", "", "http://127.0.0.1", "shop", "cloudflare", "medium"])
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3),
    max_leaves=8,
)
