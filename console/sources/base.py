"""What every source looks like to the poller."""

from __future__ import annotations

from typing import Protocol

from console.snapshots import Snapshot, SourceName


class Source(Protocol):
    """Reads one backend. `fetch` runs on a worker thread, never on the GUI thread.

    It returns a complete snapshot or raises console.sources.errors.SourceError; any other exception
    is a bug in the source, which the poller still contains and reports as an error.
    """

    name: SourceName

    def fetch(self) -> Snapshot: ...

    def close(self) -> None: ...
