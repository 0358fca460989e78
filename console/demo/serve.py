"""`saleday-console demo serve`: the demo backends headless, for one or more consoles to join."""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from pathlib import Path

from console.demo.campaign_file import campaign_to_toml
from console.demo.environment import DemoEnvironment
from console.demo.faults import Fault


def serve(
    speed: float,
    write_config: Path | None,
    run_for: float | None,
    admission: str = "shop",
    faults: tuple[Fault, ...] = (),
) -> int:
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with DemoEnvironment(speed=speed, admission_control=admission, faults=faults) as campaign:
        text = campaign_to_toml(campaign)
        if write_config is not None:
            write_config.write_text(text, encoding="utf-8")
            print(f"campaign file written to {write_config}", flush=True)
        else:
            sys.stdout.write(text)
        for fault in faults:
            print(f"fault planned: {fault}", flush=True)
        print(f"demo sale day running at {speed:g}x; Ctrl+C stops it", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            stop.wait(run_for)
    return 0
