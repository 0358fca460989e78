"""`saleday-console demo serve` in another process, for the command-line tests that join it as a console would."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from console.paths import DATA_DIR_ENV

Served = tuple[Path, dict[str, str]]


@contextmanager
def demo_served(root: Path, speed: float, run_for: float) -> Iterator[Served]:
    """The campaign file it wrote and an environment with its own data folder under `root`, while it runs."""
    config = root / "campaign.toml"
    env = {**os.environ, DATA_DIR_ENV: str(root / "data")}
    server = subprocess.Popen(
        [sys.executable, "-m", "console", "demo", "serve", "--speed", f"{speed:g}", "--write-config", str(config),
         "--run-for", f"{run_for:g}"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not config.exists() and time.monotonic() < deadline and server.poll() is None:
            time.sleep(0.1)
        assert config.exists(), server.stderr.read() if server.stderr else ""
        time.sleep(0.3)
        yield config, env
    finally:
        server.terminate()
        server.communicate(timeout=30)
