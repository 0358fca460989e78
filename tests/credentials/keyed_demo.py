"""The demo's backends with secrets of our choosing, seen by the console as a real (non-demo) campaign.

The emulators take the token they are given at start, so for the length of `start()` the demo tokens
are swapped for fresh random ones; the campaign file written then has no [demo] section, so the
console takes its secrets the way it does on a real day: environment variable or keychain.
"""

from __future__ import annotations

import os
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from console.config import Campaign
from console.credentials import DEMO_TOKENS, ENV_VARS
from console.demo.campaign_file import campaign_to_toml
from console.demo.environment import DemoEnvironment
from console.paths import DATA_DIR_ENV
from tests.credentials.keyrings import FILE_BACKEND, FILE_ENV

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class KeyedDemo:
    env: DemoEnvironment
    campaign: Campaign  # as the console sees it: no [demo] section
    config: Path
    cloudflare_token: str
    shop_key: str


def start_keyed_demo(root: Path, speed: float = 1.0, lead_minutes: float = 2.0) -> KeyedDemo:
    token, key = f"cf-{secrets.token_hex(20)}", f"shop-{secrets.token_hex(20)}"
    env = DemoEnvironment(speed=speed, lead_minutes=lead_minutes)
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(DEMO_TOKENS, "cloudflare", token)
        patch.setitem(DEMO_TOKENS, "shop", key)
        demo_campaign = env.start()
    # Polls a few seconds apart, so a short run sees every source answer and fail more than once.
    polls = demo_campaign.poll.model_copy(update={"aws": 3.0, "cloudflare": 5.0, "shop": 1.0})
    campaign = demo_campaign.model_copy(update={"demo": None, "poll": polls})
    config = root / "campaign.toml"
    config.write_text(campaign_to_toml(campaign), encoding="utf-8")
    return KeyedDemo(env, campaign, config, token, key)


def console_env(demo: KeyedDemo, root: Path, *, secrets_in_env: bool) -> dict[str, str]:
    """A subprocess environment: data dir and test keychain under `root`, moto's keys for AWS."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_") and k not in ENV_VARS.values()}
    env.update({
        DATA_DIR_ENV: str(root / "data"),
        "PYTHON_KEYRING_BACKEND": FILE_BACKEND,
        FILE_ENV: str(root / "keychain.json"),
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_CONFIG_FILE": str(root / "no-aws-config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(root / "no-aws-credentials"),
        "PYTHONPATH": str(ROOT),
    })
    if secrets_in_env:
        env["SALEDAY_CLOUDFLARE_TOKEN"] = demo.cloudflare_token
        env["SALEDAY_SHOP_API_KEY"] = demo.shop_key
    return env


def console_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "console", *args]
