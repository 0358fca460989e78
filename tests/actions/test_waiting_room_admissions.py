"""Admissions on the Cloudflare waiting room: queue_all pauses (never `suspended`), the rate is set."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from console.actions.requests import ActionKind, ActionRequest
from console.actions.service import ActionRefused
from console.demo.environment import DemoEnvironment
from tests.actions.conftest import make_service


@pytest.fixture(scope="module")
def room_demo() -> Iterator[DemoEnvironment]:
    env = DemoEnvironment(speed=1.0, admission_control="cloudflare")
    env.start()
    yield env
    env.stop()


def test_pause_resume_and_rate_on_the_waiting_room(room_demo: DemoEnvironment, tmp_path: Path) -> None:
    assert room_demo.campaign is not None and room_demo.cloudflare_world is not None
    world = room_demo.cloudflare_world
    service, backends = make_service(room_demo.campaign, tmp_path / "audit.sqlite")
    try:
        assert service.execute(service.prepare(ActionRequest(ActionKind.ADMISSIONS_PAUSE))).ok
        room = world.room_settings()
        assert room["queue_all"] is True and room["suspended"] is False
        assert service.execute(service.prepare(ActionRequest(ActionKind.ADMISSION_RATE, 900))).ok
        room = world.room_settings()
        assert room["new_users_per_minute"] == 900 and room["queue_all"] is True
        assert service.execute(service.prepare(ActionRequest(ActionKind.ADMISSIONS_RESUME))).ok
        assert world.room_settings()["queue_all"] is False
        with pytest.raises(ActionRefused, match="between 200"):
            service.prepare(ActionRequest(ActionKind.ADMISSION_RATE, 100))
    finally:
        backends.close()
