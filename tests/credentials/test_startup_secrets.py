"""The window's start-up reads the keychain on its worker, never on the GUI thread, and the session
it builds there uses those secrets instead of asking the keychain again."""

from __future__ import annotations

import queue
import time
from collections.abc import Callable, Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import keyring
import pytest

from console.config import Campaign, parse_campaign
from console.credentials import ENV_VARS, KEYRING_SERVICE, Secrets
from console.session import Session
from console.startup import Prepared, Startup
from tests.credentials.keyrings import SlowKeyring

EXAMPLE = files("resources").joinpath("example-campaign.toml").read_text(encoding="utf-8")


@pytest.fixture
def campaign(monkeypatch: pytest.MonkeyPatch) -> Campaign:
    for name in ENV_VARS.values():
        monkeypatch.delenv(name, raising=False)
    return parse_campaign(EXAMPLE)


@pytest.fixture
def slow(campaign: Campaign) -> Iterator[SlowKeyring]:
    backend = SlowKeyring(delay=0.5, slow=frozenset({"get"}))
    name = campaign.campaign.name
    backend.entries = {(KEYRING_SERVICE, f"{name}/cloudflare"): "cf-secret-1", (KEYRING_SERVICE, f"{name}/shop"): "k-2"}
    before = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


def test_startup_reads_the_secrets_on_its_worker(campaign: Campaign, slow: SlowKeyring, tmp_path: Path) -> None:
    outcomes: queue.Queue[tuple[str, Any]] = queue.Queue()

    def deliver(fn: Callable[[Any], None], arg: Any) -> None:
        fn(arg)

    Startup(deliver).start(campaign, None, (), lambda p: outcomes.put(("ready", p)),
                           lambda e: outcomes.put(("failed", e)))
    kind, prepared = outcomes.get(timeout=30)
    assert kind == "ready" and isinstance(prepared, Prepared)
    assert prepared.secrets == Secrets("cf-secret-1", "k-2")
    assert "cf-secret-1" not in repr(prepared) and "k-2" not in repr(prepared.secrets)
    assert [call for call, _ in slow.calls] == ["get", "get"]
    assert {thread for _, thread in slow.calls} == {"startup"}

    session = Session.build(campaign, "operator", recording=tmp_path / "campaign.sqlite", secrets=prepared.secrets)
    try:
        assert session.secrets == prepared.secrets and len(slow.calls) == 2  # the keychain is not asked again
    finally:
        session.stop()


def test_a_missing_secret_is_handed_back_for_the_window_to_report(campaign: Campaign) -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(SlowKeyring(delay=0.0))
    outcomes: queue.Queue[tuple[str, Any]] = queue.Queue()
    try:
        Startup(lambda fn, arg: fn(arg)).start(campaign, None, (), lambda p: outcomes.put(("ready", p)),
                                               lambda e: outcomes.put(("failed", e)))
        kind, prepared = outcomes.get(timeout=30)
    finally:
        keyring.set_keyring(before)
    assert kind == "ready" and prepared.secrets is None
    assert "credentials set cloudflare" in str(prepared.missing)


def test_a_hanging_keychain_is_named_and_does_not_hold_the_exit(campaign: Campaign) -> None:
    """The window says it waits for the keychain; closing it does not wait for a keychain that never answers."""
    before = keyring.get_keyring()
    keyring.set_keyring(SlowKeyring(delay=30.0, slow=frozenset({"get"})))
    progress: queue.Queue[str] = queue.Queue()
    startup = Startup(lambda fn, arg: fn(arg))
    try:
        startup.start(campaign, None, (), lambda p: None, lambda e: None, on_progress=lambda text: progress.put(text))
        assert progress.get(timeout=30) == "reading the credentials from the keychain…"
        time.sleep(0.2)  # the worker is now inside the keychain call
        started = time.monotonic()
        startup.stop()
        assert time.monotonic() - started < 1.0
    finally:
        keyring.set_keyring(before)
