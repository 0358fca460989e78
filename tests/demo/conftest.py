"""The shop emulator over a frozen clock, for the emulator's contract tests."""

from tests.support.frozen_shop import shop, world

__all__ = ["shop", "world"]
