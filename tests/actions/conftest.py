"""A live demo environment (moto, Cloudflare and shop emulators) and an action service over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from console.actions.audit import AuditLog
from console.actions.backends import Backends, build_backends
from console.actions.service import ActionService
from console.config import Campaign
from console.credentials import SecretSource, secret_for
from console.demo.environment import DemoEnvironment
from console.runtime import DEMO_AWS_CREDENTIALS, campaign_clock


@pytest.fixture(scope="module", params=["shop"])
def demo(request: pytest.FixtureRequest) -> Iterator[DemoEnvironment]:
    env = DemoEnvironment(speed=1.0, admission_control=request.param)
    env.start()
    yield env
    env.stop()


def make_service(campaign: Campaign, audit_path: Path, role: str = "operator") -> tuple[ActionService, Backends]:
    backends = build_backends(
        campaign,
        secret_for(campaign, SecretSource.CLOUDFLARE),
        secret_for(campaign, SecretSource.SHOP),
        DEMO_AWS_CREDENTIALS,
    )
    audit = AuditLog(audit_path, campaign.campaign.name, role)
    return ActionService(campaign, role, backends, audit, campaign_clock(campaign)), backends


@pytest.fixture
def service(demo: DemoEnvironment, tmp_path: Path) -> Iterator[ActionService]:
    assert demo.campaign is not None
    svc, backends = make_service(demo.campaign, tmp_path / "audit.sqlite")
    yield svc
    backends.close()
