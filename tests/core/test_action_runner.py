"""Action work runs off the calling thread, one at a time per resource, and reports back."""

from __future__ import annotations

import threading
import time
from typing import Any

from console.actions.requests import Resource
from console.actions.runner import ActionRunner


def test_work_runs_on_a_worker_and_reports_success_and_failure() -> None:
    delivered: list[tuple[str, Any]] = []
    done = threading.Event()

    def deliver(fn: Any, arg: Any) -> None:
        fn(arg)
        if len(delivered) == 2:
            done.set()

    runner = ActionRunner(deliver)
    caller = threading.get_ident()
    runner.run(Resource.CAPACITY, threading.get_ident, lambda ident: delivered.append(("ok", ident)),
               lambda exc: delivered.append(("failed", exc)))

    def broken() -> int:
        raise RuntimeError("backend said no")

    runner.run(Resource.PROTECTION, broken, lambda _: None, lambda exc: delivered.append(("failed", str(exc))))
    assert done.wait(5)
    runner.shutdown()
    assert ("failed", "backend said no") in delivered
    assert next(v for k, v in delivered if k == "ok") != caller


def test_one_resource_runs_one_action_at_a_time() -> None:
    runner = ActionRunner(lambda fn, arg: fn(arg))
    running = 0
    most = 0
    lock = threading.Lock()

    def work() -> None:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.05)
        with lock:
            running -= 1

    futures = [runner.run(Resource.ADMISSIONS, work, lambda _: None, lambda _: None) for _ in range(4)]
    for future in futures:
        future.result(5)
    runner.shutdown()
    assert most == 1
