"""The one exception every source raises, so the poller can report failures uniformly."""

from __future__ import annotations

from console.snapshots import FailureKind
from console.text import Text, TextContext

Failures = TextContext("Failures")

# What kind of failure, in words the interface translates; the message after it is the backend's own
# (an API action, an error code), which stays as the backend said it.
FAILURE_TITLES: dict[FailureKind, Text] = {
    FailureKind.UNREACHABLE: Failures.tr("cannot reach the backend"),
    FailureKind.TIMEOUT: Failures.tr("timed out"),
    FailureKind.THROTTLED: Failures.tr("throttled"),
    FailureKind.AUTH: Failures.tr("access refused"),
    FailureKind.NOT_FOUND: Failures.tr("not found"),
    FailureKind.BAD_RESPONSE: Failures.tr("unreadable answer"),
    FailureKind.ERROR: Failures.tr("backend error"),
}


def failure_title(kind: FailureKind | None) -> str:
    return FAILURE_TITLES.get(kind, Failures.tr("failed")) if kind is not None else Failures.tr("failed")


class SourceError(Exception):
    """A poll failed. `message` is safe to show: it never contains credentials. It may be a
    console.text.Text, which the window shows in its language; `failure_title(kind)` always can be."""

    def __init__(self, kind: FailureKind, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.retry_after = retry_after
