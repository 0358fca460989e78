"""Whatever a campaign file holds, the loader gives the campaign or one line naming the problem: never a
traceback. Wrong values, unknown keys and wrong types are thrown at it in valid TOML, and noise too."""

from __future__ import annotations

import copy
import tempfile
import tomllib
from importlib.resources import files
from pathlib import Path
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from console.config import Campaign, ConfigError, load_campaign, parse_campaign
from tests.properties.strategies import fuzz, to_toml, toml_value, toml_values

EXAMPLE = files("resources").joinpath("example-campaign.toml").read_text(encoding="utf-8")
BASE: dict[str, Any] = tomllib.loads(EXAMPLE)
SECTIONS = sorted(BASE)
KEYS = sorted({key for table in BASE.values() for key in table})
FUZZ = fuzz(150)


def answers_clearly(text: str) -> Campaign | None:
    """The loader's whole contract: a Campaign, or a ConfigError of one non-empty line."""
    try:
        return parse_campaign(text, "campaign.toml")
    except ConfigError as exc:
        message = str(exc)
        assert message.startswith("campaign.toml: ")
        assert "\n" not in message and "\r" not in message
        assert len(message) < 400, message
        return None


@st.composite
def edited_campaigns(draw: st.DrawFn) -> dict[str, Any]:
    """The example campaign with a few keys deleted, added, or given values of any type."""
    document = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        section = draw(st.sampled_from([*SECTIONS, "demo", draw(st.text(max_size=8))]))
        table = document.setdefault(section, {})
        if not isinstance(table, dict) or draw(st.integers(0, 9)) == 0:
            document[section] = draw(toml_values)
            continue
        key = draw(st.sampled_from([*KEYS, "speed", "origin_wall", "origin_sim", draw(st.text(max_size=8))]))
        action = draw(st.sampled_from(["delete", "set", "set"]))
        if action == "delete":
            table.pop(key, None)
        else:
            table[key] = draw(toml_values)
    return document


@FUZZ
@given(edited_campaigns())
@example({**BASE, "shop": {**BASE["shop"], "a\nb\rc": 1}})  # a key with line breaks, named on one line
@example({**BASE, "campaign": {**BASE["campaign"], "timezone": "Mars/Olympus"}})
def test_wrong_values_unknown_keys_and_wrong_types_get_one_line(document: dict[str, Any]) -> None:
    answers_clearly(to_toml(document))


@FUZZ
@given(st.dictionaries(st.text(max_size=10), toml_values, max_size=6))
def test_any_table_at_all_gets_one_line(document: dict[str, Any]) -> None:
    answers_clearly(to_toml(document))


TOML_PIECES = st.one_of(
    st.sampled_from([f"[{s}]" for s in [*SECTIONS, "demo", "[aws]]", "campaign.x", ""]]),
    st.builds(lambda k, v: f"{k} = {v}", st.sampled_from(KEYS) | st.text(max_size=6), toml_values.map(toml_value)),
    st.builds(lambda k, v: f"{k} = {v}", st.sampled_from(KEYS), st.text(max_size=12)),
    st.text(max_size=20),
    st.sampled_from(['"', "'''", "=", "[[", "#", "\\u", "\x00", "\t", "key = \"\\ud800\"", "a.b.c = 1", "a = [1,"]),
)


@FUZZ
@given(st.lists(TOML_PIECES, max_size=12))
@example(["a=" + "[" * 5000 + "]" * 5000])  # tomllib recurses per level
@example(["[campaign]", 'timezone = "Mars/Olympus"'])
def test_toml_ish_text_gets_one_line(lines: list[str]) -> None:
    answers_clearly("\n".join(lines))


@FUZZ
@given(st.text())
def test_any_text_gets_one_line(text: str) -> None:
    answers_clearly(text)


@fuzz(60)
@given(st.binary(max_size=200) | st.builds(lambda t, b: t.encode() + b, st.sampled_from([EXAMPLE]), st.binary()))
def test_any_file_gets_one_line(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "campaign.toml"
        path.write_bytes(data)
        try:
            load_campaign(path)
        except ConfigError as exc:
            assert "\n" not in str(exc)
