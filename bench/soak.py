"""Soak: a 12-hour simulated sale day at high speed (memory), and an hour-like stretch at 1x (CPU).

The demo backends run headless in one process (`demo serve`), the console in another joining it with
`--config`, as a war-room workstation would; only the console process is measured, from /proc.
1. Memory: `demo serve --speed 1000` (12 simulated hours in 43 s, every poll and chart as usual):
   the console's resident memory is sampled four times a second against simulated time. Growth is
   the highest RSS after the first simulated hour minus the RSS at that hour. Target: <= 50 MB.
2. CPU: `demo serve --speed 1`, the console's CPU time over a 25 s stretch once it has been up for
   12 s, as a share of one core. Target: <= 10 %.
At 1000x the console sees every simulated minute but only ~100 polls, so a third figure (a detail, not
a target) feeds a whole day of polls at the default 1x cadence (25,920 outcomes, bench/synthetic_day.py)
through the campaign state and the recorder in this process and reports the RSS growth after hour one.
"""

from __future__ import annotations

import gc
import os
import subprocess
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from bench.common import Check, Result, child_env, console_command, cpu_seconds, emit, qt_offscreen, rss_mb
from bench.synthetic_day import START, example_campaign, updates
from console.config import load_campaign
from console.recording.recorder import Recorder
from console.snapshots import SourceName
from console.state import CampaignState

SIM_HOURS = 12.0
FAST = 1000.0
MEMORY_TARGET_MB = 50.0
CPU_TARGET_PERCENT = 10.0
SETTLE_S = 12.0
CPU_WINDOW_S = 25.0


def serve(speed: float, work: Path, run_for: float) -> tuple[subprocess.Popen[str], Path]:
    config = work / f"demo-{speed:g}.toml"
    process = subprocess.Popen(console_command("demo", "serve", "--speed", f"{speed:g}", "--write-config", str(config),
                                               "--run-for", f"{run_for:g}"),
                               env=child_env(work / f"serve-{speed:g}"), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not config.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"demo serve did not start: {process.stderr.read() if process.stderr else ''}")
        time.sleep(0.05)
    time.sleep(0.2)  # the file is written in one go, but let the writer close it
    return process, config


def console(config: Path, work: Path, run_for: float) -> subprocess.Popen[str]:
    return subprocess.Popen(console_command("--config", str(config), "--run-for", f"{run_for:g}"),
                            env=child_env(work / f"console-{config.stem}"), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)


def stop(*processes: subprocess.Popen[str]) -> None:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()


def memory_run(work: Path) -> dict[str, object]:
    wall_needed = SIM_HOURS * 3600 / FAST
    server, config = serve(FAST, work, wall_needed + 40)
    demo = load_campaign(config).demo
    assert demo is not None
    gui = console(config, work, wall_needed + 5)
    samples: list[tuple[float, float]] = []  # (simulated hours, RSS MB)
    try:
        while gui.poll() is None:
            hours = (time.time() - demo.origin_wall) * demo.speed / 3600
            if hours > SIM_HOURS:
                break
            samples.append((hours, rss_mb(gui.pid)))
            time.sleep(0.25)
    finally:
        stop(gui, server)
    after_first = [rss for hours, rss in samples if hours >= 1.0]
    if len(after_first) < 20:
        raise RuntimeError(f"the console ran for too little simulated time: {samples[-1:] or 'no samples'}")
    at_hour_one = after_first[0]
    return {
        "rss_at_1h_mb": round(at_hour_one, 1),
        "rss_peak_after_1h_mb": round(max(after_first), 1),
        "rss_at_end_mb": round(after_first[-1], 1),
        "growth_mb": round(max(after_first) - at_hour_one, 1),
        "growth_to_end_mb": round(after_first[-1] - at_hour_one, 1),
        "simulated_hours_seen": round(samples[-1][0], 2),
        "rss_by_hour_mb": {f"{h}h": round(next(r for hh, r in samples if hh >= h), 1)
                           for h in range(1, int(samples[-1][0]) + 1)},
    }


def cpu_run(work: Path) -> dict[str, object]:
    server, config = serve(1.0, work, SETTLE_S + CPU_WINDOW_S + 30)
    gui = console(config, work, SETTLE_S + CPU_WINDOW_S + 5)
    try:
        time.sleep(SETTLE_S)
        if gui.poll() is not None:
            raise RuntimeError(f"the console exited early: {gui.stderr.read() if gui.stderr else ''}")
        cpu0, wall0 = cpu_seconds(gui.pid), time.monotonic()
        time.sleep(CPU_WINDOW_S)
        cpu1, wall1 = cpu_seconds(gui.pid), time.monotonic()
        rss = rss_mb(gui.pid)
    finally:
        stop(gui, server)
    return {"cpu_percent_of_one_core": round((cpu1 - cpu0) / (wall1 - wall0) * 100, 1),
            "window_s": round(wall1 - wall0, 1), "rss_mb": round(rss, 1)}


def day_of_polls(work: Path) -> dict[str, object]:
    """A whole day's poll outcomes at 1x cadence through the state and the recorder, in this process."""
    state = CampaignState("shop", dict.fromkeys(SourceName, 60.0))
    hour_one = updates(1.0)
    rest = updates(SIM_HOURS - 1.0, START + timedelta(hours=1))
    count = 0
    with Recorder(work / "day.sqlite", example_campaign()) as recorder:
        for batch in (hour_one, rest):
            for update in batch:  # made one at a time, as the pollers make them
                recorder.submit(update)
                state.apply(update)
                count += 1
            recorder.flush()
            gc.collect()
            if batch is hour_one:
                at_hour_one = rss_mb(os.getpid())
        at_end = rss_mb(os.getpid())
    return {"outcomes": count, "rss_growth_after_1h_mb": round(at_end - at_hour_one, 1)}


def main() -> None:
    qt_offscreen()
    with tempfile.TemporaryDirectory(prefix="saleday-bench-soak-") as tmp:
        memory = memory_run(Path(tmp))
        cpu = cpu_run(Path(tmp))
        volume = day_of_polls(Path(tmp))
    growth = float(memory["growth_mb"])  # type: ignore[arg-type]
    share = float(cpu["cpu_percent_of_one_core"])  # type: ignore[arg-type]
    emit(Result(
        "soak",
        [
            Check("RSS growth after the first simulated hour (12 h at 1000x)", growth, "MB",
                  f"<= {MEMORY_TARGET_MB:g} MB", growth <= MEMORY_TARGET_MB),
            Check("console CPU at 1x once steady", share, "% of one core", f"<= {CPU_TARGET_PERCENT:g} %",
                  share <= CPU_TARGET_PERCENT),
        ],
        details={"memory": memory, "cpu": cpu, "day_of_polls_in_process": volume},
        notes="console --config joining demo serve (separate processes); /proc of the console process only",
    ))


if __name__ == "__main__":
    main()
