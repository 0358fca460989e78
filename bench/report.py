"""Report: a 12-hour recording to PDF plus CSV, timed as the operator runs it (`saleday-console report`).

The recording holds a whole day polled at the default intervals (bench/synthetic_day.py: 25,920
outcomes, ~45 MB). The figure is the wall time of the command from process start to exit, median
of three runs. Target: <= 5 s. The command's CPU time (user + system) is noted too: on a shared
machine it moves less with the load than the wall time does.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from bench.common import Check, Result, child_env, console_command, emit, qt_offscreen
from bench.synthetic_day import write_recording

TARGET_S = 5.0
RUNS = 3


def children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(recording: Path, out: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    cpu = children_cpu_s()
    started = time.perf_counter()
    done = subprocess.run(console_command("report", str(recording), "--out", str(out / "report.pdf"),
                                          "--csv", str(out / "csv")),
                          env=env, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"report failed ({done.returncode}): {done.stderr.strip()}")
    return elapsed, children_cpu_s() - cpu


def main() -> None:
    qt_offscreen()
    with tempfile.TemporaryDirectory(prefix="saleday-bench-report-") as tmp:
        work = Path(tmp)
        recording = work / "day.sqlite"
        written_in = time.perf_counter()
        samples = write_recording(recording, hours=12.0)
        written_in = time.perf_counter() - written_in
        env = child_env(work / "data")
        runs = sorted(run_once(recording, work / "out", env) for _ in range(RUNS))
        times, cpu = [wall for wall, _ in runs], sorted(used for _, used in runs)
        pdf_kb = (work / "out" / "report.pdf").stat().st_size / 1024
        csv_mb = sum(p.stat().st_size for p in (work / "out" / "csv").iterdir()) / 1e6
        size_mb = recording.stat().st_size / 1e6
    median = times[len(times) // 2]
    emit(Result(
        "report",
        [Check("12-hour recording to PDF + CSV", round(median, 2), "s", f"<= {TARGET_S:g} s", median <= TARGET_S)],
        details={"runs_s": [round(t, 2) for t in times], "cpu_s": [round(c, 2) for c in cpu],
                 "recording_samples": samples,
                 "recording_mb": round(size_mb, 1), "pdf_kb": round(pdf_kb), "csv_mb": round(csv_mb, 1),
                 "recording_written_in_s": round(written_in, 1)},
        notes="python -m console report RECORDING --out report.pdf --csv DIR, process start to exit",
    ))


if __name__ == "__main__":
    main()
