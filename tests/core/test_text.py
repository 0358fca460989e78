"""The core's words as `console.text.Text`: plain English for the CLI, the audit trail and the CSV, with
what the window needs to say them in another language; kept in a recording, and readable from one made
before they were kept."""

from __future__ import annotations

import ast
import copy
import pickle
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from console.action_markers import action_label, recorded_label
from console.actions.requests import ActionKind, Resource
from console.actions.wording import summary_text, value_text
from console.alerts import TITLES, AlertEngine, default_rules, message_text
from console.config import AlertConfig
from console.recording.reader import read_alerts
from console.recording.recorder import Recorder
from console.snapshots import CategorySales, ShopSnapshot, SourceName, SourceUpdate
from console.state import CampaignState
from console.text import Number, Text, TextContext
from tests.recording.campaigns import sample_campaign

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
Sample = TextContext("Sample")


def raised_message(wait_s: float) -> str:
    engine = AlertEngine(default_rules(AlertConfig(queue_wait_minutes=10)), lambda: T0)
    state = CampaignState("shop", {})
    shop = ShopSnapshot(T0, "PLN", (CategorySales("A", 100.0, 10, 1),), 1, 100.0, 1.0, 100, 300.0, 300, False,
                        wait_s)
    state.apply(SourceUpdate(SourceName.SHOP, T0, shop), monotonic_now=0.0)
    return engine.evaluate(state, 0.0)[0].alert.message


def test_an_alert_says_the_same_english_as_before_and_keeps_its_parts() -> None:
    message = raised_message(734.0)
    assert message == "Queue wait 12.2 min (threshold 10 min)"
    assert isinstance(message, Text) and message.context == "Alerts"
    assert message.args["title"] == TITLES["queue_wait"] and message.args["value"] == Number(734.0 / 60, 1)


def test_english_plurals_and_values_in_words() -> None:
    assert action_label(ActionKind.SCALE_OUT, "8", "9", 1) == "+1 instance"
    assert action_label(ActionKind.SCALE_OUT, "8", "20", 12) == "+12 instances"
    assert action_label(ActionKind.ADMISSION_RATE, "", "", 600) == "Rate 600/min"
    assert recorded_label("admission-rate", "admitting at 300/min", "admitting at 600/min") == "Rate 600/min"
    assert recorded_label("a-newer-action", "x", "y") == "a-newer-action x → y"
    assert summary_text(Resource.CAPACITY, "8", "10") == "Desired capacity 8 -> 10"
    assert summary_text(Resource.ADMISSIONS, "admitting at 600/min", "paused at 600/min") == (
        "Admissions admitting at 600/min -> paused at 600/min")
    assert value_text("under_attack") == "Under attack" and value_text("medium") == "medium"
    assert value_text("20 instances at 2026-12-04 08:50 UTC") == "20 instances at 2026-12-04 08:50 UTC"
    assert value_text("1 instances at 2026-12-04 08:50 UTC") == "1 instance at 2026-12-04 08:50 UTC"
    assert value_text("something newer") == "something newer"


def test_a_text_is_a_string_that_cannot_be_changed() -> None:
    text = Sample.tr("{count} of {total}").format(count=3, total=Number(1234.5, 1))
    assert text == "3 of 1,234.5" and isinstance(f"{text}", str) and type(str(text)) is str
    assert Sample.tr("{count} of {total}") == "{count} of {total}"  # not filled in yet: the template
    with pytest.raises(AttributeError):
        text.source = "other"  # type: ignore[misc]
    with pytest.raises(TypeError, match="keyword"):
        Sample.tr("{0}").format(1)
    with pytest.raises(TypeError, match="argument"):
        Sample.tr("{when}").format(when=T0)
    for again in (copy.deepcopy(text), pickle.loads(pickle.dumps(text))):
        assert again == text and isinstance(again, Text) and again.args == text.args


def test_a_text_survives_json_with_nested_parts_and_a_count() -> None:
    inner = Sample.tr("%n minute(s)", None, 5)
    text = Sample.tr("waited {wait} at {rate}/min").format(wait=inner, rate=600)
    again = Text.from_json(text.to_json())
    assert again == "waited 5 minutes at 600/min"
    assert isinstance(again.args["wait"], Text) and again.args["wait"].n == 5
    for damaged in ("[]", "{}", '{"context": "C"}', '{"context": "C", "source": "{x} {y}", "args": {"x": 1}}',
                    '{"context": "C", "source": "{x}", "args": {"x": [1]}}', "not json"):
        with pytest.raises(ValueError):
            Text.from_json(damaged)


def test_a_recording_keeps_the_alert_as_text_and_an_older_one_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "recording.sqlite"
    message = raised_message(734.0)
    with Recorder(path, sample_campaign()) as recorder:
        recorder.record_alert("a1", "raised", T0, "queue_wait", message)
        recorder.record_alert("a2", "raised", T0, "threats", "threats over 100,000 per minute")
    first, second = read_alerts(path)
    assert isinstance(first.message, Text) and first.message.to_data() == message.to_data()
    assert second.message == "threats over 100,000 per minute" and not isinstance(second.message, Text)

    older = tmp_path / "older.sqlite"  # as recorded before the structured column existed
    with Recorder(older, sample_campaign()):
        pass
    conn = sqlite3.connect(older)
    with conn:
        conn.execute("ALTER TABLE alerts DROP COLUMN message_text")
        conn.execute("INSERT INTO alerts (alert_id, phase, campaign_time, rule, message, person) VALUES "
                     "('a1', 'raised', ?, 'queue_wait', 'Queue wait 12.2 min (threshold 10 min)', '')",
                     (T0.isoformat(),))
    conn.close()
    (alert,) = read_alerts(older)
    assert alert.message == message and not isinstance(alert.message, Text)
    assert message_text(alert.message) == message and isinstance(message_text(alert.message), Text)
    with Recorder(older, sample_campaign()) as recorder:  # a console reopening it adds the column
        recorder.record_alert("a3", "raised", T0, "queue_wait", message)
    assert isinstance(read_alerts(older)[-1].message, Text)


def test_older_english_is_recognised_only_when_it_says_the_same() -> None:
    assert isinstance(message_text("Latency 1,234 ms (threshold 800 ms)"), Text)
    assert isinstance(message_text("5xx rate 4.2% (threshold 2%)"), Text)
    assert not isinstance(message_text("Latency 1234 ms (threshold 800 ms)"), Text)  # not how it was written
    assert not isinstance(message_text("Error budget 3 (threshold 2)"), Text)  # not one of our rules
    assert message_text("threats over 100,000 per minute") == "threats over 100,000 per minute"


def test_each_text_context_is_named_like_its_variable() -> None:
    """lupdate takes the context from the variable's name; a different name would file the strings
    under a context the window never asks for."""
    seen = 0
    for path in [*sorted((ROOT / "console").rglob("*.py")), *sorted((ROOT / "widgets").glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
                    and isinstance(node.value.func, ast.Name) and node.value.func.id == "TextContext"):
                (target,) = node.targets
                assert isinstance(target, ast.Name) and isinstance(node.value.args[0], ast.Constant)
                assert target.id == node.value.args[0].value, f"{path.relative_to(ROOT)}:{node.lineno}"
                seen += 1
    assert seen >= 5


def test_the_words_of_the_core_need_no_qt() -> None:
    modules = "console.text, console.alerts, console.action_markers, console.actions.wording, console.sources.errors"
    probe = f"import sys, {modules}; print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          check=True)
    assert done.stdout.strip() == "[]"
