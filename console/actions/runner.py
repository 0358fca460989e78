"""Runs action work off the GUI thread: one single-worker executor per resource.

Typed operations with success/failure callbacks, delivered wherever `deliver` sends them (the GUI
bridge in the window). A second change of the same resource waits behind the first; the service's
own lock refuses it outright if the first is still in flight.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from console.actions.requests import Resource

T = TypeVar("T")
Deliver = Callable[[Callable[[Any], None], Any], None]


class ActionRunner:
    def __init__(self, deliver: Deliver) -> None:
        self._deliver = deliver
        self._executors = {
            resource: ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"action-{resource}")
            for resource in Resource
        }

    def run(
        self,
        resource: Resource,
        work: Callable[[], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None],
    ) -> Future[T]:
        future = self._executors[resource].submit(work)

        def done(finished: Future[T]) -> None:
            error = finished.exception()
            if error is None:
                self._deliver(on_success, finished.result())
            else:
                self._deliver(on_failure, error)

        future.add_done_callback(done)
        return future

    def shutdown(self) -> None:
        for executor in self._executors.values():
            executor.shutdown(wait=True, cancel_futures=True)
