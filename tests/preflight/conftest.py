"""The demo sale day at 1x, half an hour before its on-sale, started once per module that asks for it; each
test gets its campaign with the Cloudflare token back to a plain one (no expiry) afterwards."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from console.config import Campaign
from console.demo.cloudflare_tokens import TokenGrant
from console.demo.environment import DemoEnvironment


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
