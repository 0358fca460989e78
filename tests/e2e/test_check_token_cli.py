"""`saleday-console check` and the Cloudflare token's lifetime: a token that expires inside the sale window
fails the pre-flight (exit 1) and the line names the time; one that outlasts it passes."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from console.config import Campaign
from console.demo.campaign_file import campaign_to_toml
from console.demo.cloudflare_tokens import TokenGrant
from console.demo.environment import DemoEnvironment
from console.paths import DATA_DIR_ENV

LINE = "Cloudflare token lasts the sale"


@pytest.fixture(scope="module")
def demo() -> Iterator[DemoEnvironment]:
    env = DemoEnvironment(speed=1.0, lead_minutes=30.0)
    env.start()
    yield env
    env.stop()


@pytest.fixture
def campaign(demo: DemoEnvironment) -> Iterator[Campaign]:
    assert demo.campaign is not None and demo.cloudflare_world is not None
    yield demo.campaign
    demo.cloudflare_world.set_token(TokenGrant())


def check(campaign: Campaign, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    config = tmp_path / "campaign.toml"
    config.write_text(campaign_to_toml(campaign), encoding="utf-8")
    env = {**os.environ, DATA_DIR_ENV: str(tmp_path / "data")}
    return subprocess.run([sys.executable, "-m", "console", "check", "--config", str(config), *args], env=env,
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


def token_line(output: str) -> str:
    return next(line for line in output.splitlines() if LINE in line)


def test_a_token_expiring_in_the_window_fails_the_check(campaign: Campaign, demo: DemoEnvironment,
                                                        tmp_path: Path) -> None:
    assert demo.cloudflare_world is not None
    ends = campaign.campaign.onsale_at + timedelta(hours=2)
    demo.cloudflare_world.set_token(TokenGrant(expires_on=ends))
    failed = check(campaign, tmp_path)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert token_line(failed.stdout).startswith(f"[failed ] {LINE}: the token expires at {ends:%Y-%m-%d %H:%M} UTC")
    assert "pre-flight FAILED: 1 of 10 checks failed" in failed.stdout
    shorter = check(campaign, tmp_path, "--window-hours", "1.5")  # the window ends before the token does
    assert shorter.returncode == 0, shorter.stdout
    assert token_line(shorter.stdout).startswith(f"[  ok   ] {LINE}: active until")


def test_a_token_without_expiry_passes(campaign: Campaign, tmp_path: Path) -> None:
    passed = check(campaign, tmp_path)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert token_line(passed.stdout) == f"[  ok   ] {LINE}: active, does not expire"
