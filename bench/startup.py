"""Start-up: from process start to the first painted main window, and to live demo data on every panel.

Each run starts `python -m bench.startup_probe` (the console's own entry point with `--demo`, the
default speed, in a fresh process and data directory) and reads back when the window first painted
and when all four panels first showed a value from a successful poll. The figures are medians over
RUNS runs. Targets: first paint <= 1.0 s, live data <= 4 s.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import ROOT, Check, Result, child_env, emit, percentile, qt_offscreen, rounded

RUNS = 3
PAINT_TARGET_S = 1.0
LIVE_TARGET_S = 4.0


def run_once(data_dir: Path) -> dict[str, float]:
    env = child_env(data_dir)
    started = time.time()
    probe = subprocess.Popen([sys.executable, "-m", "bench.startup_probe"], cwd=ROOT, env=env, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        assert probe.stdout is not None
        line = next((line for line in probe.stdout if line.startswith("{")), "{}")
    finally:
        probe.terminate()
        probe.wait(30)
    times = json.loads(line)
    if "first_paint" not in times or "live_data" not in times:
        raise RuntimeError(f"the console did not get going: {times}")
    return {key: times[key] - started for key in ("first_paint", "live_data", "all_tiles") if key in times}


def main() -> None:
    qt_offscreen()
    runs: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="saleday-bench-startup-") as tmp:
        for n in range(RUNS):
            runs.append(run_once(Path(tmp) / f"data-{n}"))
    paint = [r["first_paint"] for r in runs]
    live = [r["live_data"] for r in runs]
    full = [r["all_tiles"] for r in runs if "all_tiles" in r]
    paint_median, live_median = percentile(paint, 50), percentile(live, 50)
    emit(Result(
        "startup",
        [
            Check("process start to first painted window", round(paint_median, 2), "s",
                  f"<= {PAINT_TARGET_S:g} s", paint_median <= PAINT_TARGET_S),
            Check("process start to live demo data on every panel", round(live_median, 2), "s",
                  f"<= {LIVE_TARGET_S:g} s", live_median <= LIVE_TARGET_S),
        ],
        details={"first_paint_s": rounded(paint, 2), "live_data_s": rounded(live, 2),
                 "every_tile_s": rounded(full, 2), "runs": RUNS},
        notes="medians of fresh processes: python -m console --demo (speed 10), offscreen",
    ))


if __name__ == "__main__":
    main()
