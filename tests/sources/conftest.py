"""The shop emulator over a frozen clock, for the shop source's tests against it."""

from tests.support.frozen_shop import shop, world

__all__ = ["shop", "world"]
