"""The demo sale day at 60x in this process, started once per module that asks for `demo`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from console.demo.environment import DemoEnvironment


@pytest.fixture(scope="module")
def demo() -> Iterator[DemoEnvironment]:
    env = DemoEnvironment(speed=60.0)
    with env:
        yield env
