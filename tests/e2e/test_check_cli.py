"""`saleday-console check` against `demo serve` in another process: exit codes, pre-scale in moto, audit."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest

from console.actions.audit import read_entries
from console.config import load_campaign
from console.paths import DATA_DIR_ENV, campaign_slug
from console.preflight import CHECK_NAMES
from tests.e2e.served_demo import Served, demo_served


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    # Speed 1: the on-sale stays 4-5 minutes away, so a pre-scale at T-2 is still in the future.
    with demo_served(tmp_path_factory.mktemp("check"), speed=1, run_for=300) as running:
        yield running


def check(config: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "console", "check", "--config", str(config), *args],
                          env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


def lines(result: subprocess.CompletedProcess[str]) -> dict[str, str]:
    """Check name -> status, from lines like "[  ok   ] AWS reachable: ..."."""
    found = re.findall(r"^\[\s*(\w+)\s*\] ([^:]+):", result.stdout, flags=re.MULTILINE)
    return {name: status for status, name in found}


def edited(config: Path, tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "edited.toml"
    text = config.read_text()
    assert old in text
    path.write_text(text.replace(old, new))
    return path


def test_the_demo_passes(served: Served) -> None:
    config, env = served
    result = check(config, env)
    assert result.returncode == 0, result.stdout + result.stderr
    statuses = lines(result)
    assert list(statuses) == list(CHECK_NAMES)
    assert all(status in ("ok", "warning") for status in statuses.values()), statuses
    assert "to the on-sale at" in result.stdout.splitlines()[0]
    assert "pre-flight passed" in result.stdout


def test_a_missing_group_fails(served: Served, tmp_path: Path) -> None:
    config, env = served
    result = check(edited(config, tmp_path, 'autoscaling_group = "shop-web"', 'autoscaling_group = "gone"'), env)
    assert result.returncode == 1
    assert lines(result)["AWS reachable"] == "failed"
    assert "'gone' not found" in result.stdout and "pre-flight FAILED" in result.stdout
    assert "Traceback" not in result.stderr


def test_a_wrong_token_fails_and_is_not_printed(served: Served, tmp_path: Path) -> None:
    config, env = served
    text = config.read_text()
    real = tmp_path / "real.toml"
    real.write_text(text[: text.index("[demo]")])  # a real campaign: secrets from the environment
    wrong = "cf-not-the-token-31415926"
    run_env = {**env, "SALEDAY_CLOUDFLARE_TOKEN": wrong, "SALEDAY_SHOP_API_KEY": "demo-shop-key",
               "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
    run_env.pop("AWS_PROFILE", None)
    result = check(real, run_env)
    assert result.returncode == 1
    statuses = lines(result)
    assert statuses["Cloudflare reachable"] == statuses["Waiting room"] == "failed"
    assert statuses["Shop API"] == statuses["AWS reachable"] == "ok"
    assert "Zone · Zone Settings · Read" in result.stdout
    assert wrong not in result.stdout + result.stderr
    fixed = check(real, {**run_env, "SALEDAY_CLOUDFLARE_TOKEN": "demo-cloudflare-token"})
    assert fixed.returncode == 0, fixed.stdout


def scheduled(config: Path) -> list[dict[str, object]]:
    campaign = load_campaign(config)
    client = boto3.client("autoscaling", endpoint_url=campaign.aws.endpoint_url, region_name=campaign.aws.region,
                          aws_access_key_id="testing", aws_secret_access_key="testing")
    try:
        return list(client.describe_scheduled_actions(AutoScalingGroupName=campaign.aws.autoscaling_group)[
            "ScheduledUpdateGroupActions"])
    finally:
        client.close()


def test_prescale_needs_yes_then_schedules_and_audits(served: Served) -> None:
    config, env = served
    unconfirmed = check(config, env, "--prescale", "12", "--at-minus", "2")
    assert unconfirmed.returncode == 4 and "nothing scheduled" in unconfirmed.stderr
    assert scheduled(config) == []
    viewer = check(config, env, "--role", "viewer", "--prescale", "12", "--at-minus", "2", "--yes")
    assert viewer.returncode == 3 and "viewer" in viewer.stderr
    done = check(config, env, "--prescale", "12", "--at-minus", "2", "--yes")
    assert done.returncode == 0, done.stdout + done.stderr
    [action] = scheduled(config)
    assert action["ScheduledActionName"] == "saleday-prescale" and action["DesiredCapacity"] == 12
    assert "scheduled: 12 instances at" in done.stdout
    assert lines(done)["Pre-scale"] == "ok" and "T-2:00" in done.stdout
    recording = Path(env[DATA_DIR_ENV]) / "recordings" / f"{campaign_slug(load_campaign(config))}.sqlite"
    entries = [e for e in read_entries(recording) if e.action == "prescale"]
    assert [(e.phase, e.outcome) for e in entries] == [("intent", "pending"), ("outcome", "ok")]
