"""Keychain calls off the GUI thread: one worker, in order, on a daemon thread.

A keychain call can take seconds or never return (a locked login keychain waiting for its owner, a
Secret Service that is starting or stuck on D-Bus), so the window never makes one itself. Calls run
one at a time, in the order asked (a keychain asked twice at once may prompt twice), and the thread is
a daemon: a call that hangs holds neither the window nor the exit of the process. Outcomes go back
through `deliver` (the GUI bridge's post).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
Deliver = Callable[[Callable[[Any], None], Any], None]
_Job = tuple[Callable[[], Any], Callable[[Any], None], Callable[[Exception], None]]


class KeychainWorker:
    def __init__(self, deliver: Deliver, name: str = "keychain") -> None:
        self._deliver = deliver
        self._name = name
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._closed = False

    def submit(self, work: Callable[[], T], on_done: Callable[[T], None],
               on_failed: Callable[[Exception], None]) -> None:
        """Run `work()` after the calls before it; `on_done(value)` or `on_failed(error)` via `deliver`."""
        with self._lock:
            if self._closed:
                raise RuntimeError("the keychain worker is closed")
            if self._thread is None:
                self._thread = threading.Thread(target=self._serve, name=self._name, daemon=True)
                self._thread.start()
            self._jobs.put((work, on_done, on_failed))

    def _serve(self) -> None:
        while (job := self._jobs.get()) is not None:
            work, on_done, on_failed = job
            try:
                value = work()
            except Exception as exc:  # handed to the caller, never the end of the worker
                self._deliver(on_failed, exc)
            else:
                self._deliver(on_done, value)

    def close(self) -> None:
        """No more calls; the thread ends after those already asked (or with the process, if one hangs)."""
        with self._lock:
            if not self._closed:
                self._closed = True
                self._jobs.put(None)
