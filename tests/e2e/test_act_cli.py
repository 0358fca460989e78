"""`saleday-console act` against `demo serve` in another process: real changes, exit codes, audit."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.actions.audit import read_entries
from console.config import Campaign, load_campaign
from console.credentials import DEMO_TOKENS
from console.paths import DATA_DIR_ENV, recording_path
from console.runtime import DEMO_AWS_CREDENTIALS
from console.sources.aws_control import AutoScalingControl
from console.sources.cloudflare_control import CloudflareControl
from tests.e2e.served_demo import demo_served


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, str]]]:
    with demo_served(tmp_path_factory.mktemp("served"), speed=5, run_for=120) as running:
        yield running


def act(served: tuple[Path, dict[str, str]], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    config, env = served
    return subprocess.run([sys.executable, "-m", "console", "act", "--config", str(config), *args],
                          env=env, input=stdin, capture_output=True, text=True, timeout=60)


def campaign_of(served: tuple[Path, dict[str, str]]) -> Campaign:
    return load_campaign(served[0])


def desired(campaign: Campaign) -> int:
    control = AutoScalingControl(campaign.aws, credentials=DEMO_AWS_CREDENTIALS)
    try:
        return control.describe().desired
    finally:
        control.close()


def test_scale_out_needs_yes_and_then_changes_once(served: tuple[Path, dict[str, str]]) -> None:
    campaign = campaign_of(served)
    start = desired(campaign)
    refused = act(served, "scale-out", "--by", "2")
    assert refused.returncode == 4
    assert "nothing changed" in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    assert desired(campaign) == start
    done = act(served, "--yes", "scale-out", "--by", "2")
    assert done.returncode == 0, done.stderr
    assert desired(campaign) == start + 2
    old_env = os.environ.get(DATA_DIR_ENV)
    os.environ[DATA_DIR_ENV] = served[1][DATA_DIR_ENV]
    try:
        entries = read_entries(recording_path(campaign))
    finally:
        if old_env is None:
            del os.environ[DATA_DIR_ENV]
        else:
            os.environ[DATA_DIR_ENV] = old_env
    assert [(e.phase, e.action, e.outcome) for e in entries] == [
        ("intent", "scale-out", "pending"), ("outcome", "scale-out", "ok")]


def test_protection_on_and_off(served: tuple[Path, dict[str, str]]) -> None:
    campaign = campaign_of(served)
    control = CloudflareControl(campaign.cloudflare, DEMO_TOKENS["cloudflare"])
    try:
        before = control.security_level()
        assert act(served, "--yes", "protection", "on").returncode == 0
        assert control.security_level() == "under_attack"
        assert act(served, "--yes", "protection", "off").returncode == 0
        assert control.security_level() == before
    finally:
        control.close()


def test_viewer_is_refused_and_bad_input_is_exit_2(served: tuple[Path, dict[str, str]]) -> None:
    campaign = campaign_of(served)
    start = desired(campaign)
    viewer = act(served, "--role", "viewer", "--yes", "scale-out", "--by", "1")
    assert viewer.returncode == 3 and "viewer" in viewer.stderr
    assert desired(campaign) == start
    assert act(served, "--yes", "admissions", "rate").returncode == 2
    too_fast = act(served, "--yes", "admissions", "rate", "999999")
    assert too_fast.returncode == 3 and "between" in too_fast.stderr
    assert act(served, "--yes", "admissions", "pause").returncode == 0
    assert act(served, "--yes", "admissions", "resume").returncode == 0
    assert "Traceback" not in too_fast.stderr
