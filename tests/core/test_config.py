"""The campaign file: the example loads, and every kind of mistake gets one line naming the key."""

from __future__ import annotations

import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

from console.config import ConfigError, load_campaign, parse_campaign

EXAMPLE = files("resources").joinpath("example-campaign.toml").read_text(encoding="utf-8")


def test_example_campaign_loads() -> None:
    campaign = parse_campaign(EXAMPLE)
    assert campaign.aws.autoscaling_group == "shop-web"
    assert campaign.safety.max_instances == 20
    assert campaign.campaign.onsale_at.utcoffset() is not None
    assert not campaign.is_demo


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda t: t.replace('region = "eu-central-1"', ""), "aws.region: is required but missing"),
        (lambda t: t.replace("max_instances = 20", 'max_instances = "many"'), "safety.max_instances:"),
        (lambda t: t.replace("[shop]", "[shop]\ncolour = 'red'"), "shop.colour: is not a known key"),
        (lambda t: t.replace("max_instances = 20", "max_instances = 0"), "safety.max_instances: Input should be"),
        (lambda t: t.replace('control = "shop"', 'control = "both"'), "admission.control:"),
        (lambda t: t.replace("+01:00", ""), "campaign.onsale_at: must include a UTC offset"),
        (lambda t: t.replace('currency = "PLN"', 'currency = "zloty"'), "campaign.currency:"),
        (lambda t: t.replace("https://tickets", "tickets"), "shop.base_url: must start with http"),
        (lambda t: t + "\n[[oops", "not valid TOML"),
        (lambda t: t.replace('"Europe/Warsaw"', '"Mars/Olympus"'), "campaign.timezone: is not a known time zone"),
        (lambda t: t.replace("[shop]", '[shop]\n"a\\nb" = 1'), "shop.'a\\nb': is not a known key"),
    ],
)
def test_each_mistake_names_the_key(edit, expected: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigError) as caught:
        parse_campaign(edit(EXAMPLE))
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_campaign(tmp_path / "missing.toml")


def test_cli_exits_2_with_one_line_and_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(EXAMPLE.replace("scale_out_step = 2", "scale_out_step = -1"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "console", "--config", str(bad), "--run-for", "1"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "safety.scale_out_step" in lines[0]
