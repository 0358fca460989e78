"""The one exception every source raises, so the poller can report failures uniformly."""

from __future__ import annotations

from console.snapshots import FailureKind


class SourceError(Exception):
    """A poll failed. `message` is safe to show: it never contains credentials."""

    def __init__(self, kind: FailureKind, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.retry_after = retry_after
