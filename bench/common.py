"""What every benchmark shares: its result line, percentiles, the machine it ran on, a process's RSS and CPU.

A benchmark prints exactly one JSON object on its own line (name, figure, target, met, the checks
behind `met`, details, machine) and then a one-line summary starting with "#". `bench/run.py`
collects the JSON lines.
"""

from __future__ import annotations

import json
import os
import platform
import sys
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LOAD_AT_START = os.getloadavg()[0] if hasattr(os, "getloadavg") else None


@dataclass(frozen=True)
class Check:
    """One target: what is measured, the figure, and whether it is within `target`."""

    what: str
    figure: float
    unit: str
    target: str
    met: bool


@dataclass
class Result:
    name: str
    checks: list[Check]
    details: dict[str, Any] = field(default_factory=dict)
    notes: str = ""

    @property
    def met(self) -> bool:
        return all(check.met for check in self.checks)

    def as_json(self) -> dict[str, Any]:
        first = self.checks[0]
        return {
            "name": self.name,
            "figure": first.figure,
            "unit": first.unit,
            "target": "; ".join(f"{c.what}: {c.target}" for c in self.checks),
            "met": self.met,
            "checks": [asdict(c) for c in self.checks],
            "details": self.details,
            "notes": self.notes,
            "machine": machine(),
        }

    def summary(self) -> str:
        parts = ", ".join(f"{c.what} {c.figure:g} {c.unit} ({c.target}: {'ok' if c.met else 'MISSED'})"
                          for c in self.checks)
        return f"# {self.name}: {'met' if self.met else 'NOT met'} - {parts}"


def emit(result: Result) -> None:
    print(json.dumps(result.as_json(), default=str), flush=True)
    print(result.summary(), flush=True)


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100), linear between samples, like numpy's default."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = (len(ordered) - 1) * q / 100.0
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def distribution(values: Sequence[float], digits: int = 3) -> dict[str, float]:
    return {
        "n": len(values),
        "median": round(percentile(values, 50), digits),
        "p95": round(percentile(values, 95), digits),
        "p99": round(percentile(values, 99), digits),
        "max": round(max(values), digits) if values else float("nan"),
    }


def machine() -> dict[str, Any]:
    """The machine, as docs/performance.md records it next to each figure."""
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor() or model
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    memory_gb = None
    try:
        total_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                        if line.startswith("MemTotal:"))
        memory_gb = round(total_kb / 1024 / 1024, 1)
    except (OSError, StopIteration):
        pass
    return {
        "cpu": model,
        "cores": cores,
        "memory_gb": memory_gb,
        "os": platform.platform(terse=True),
        "python": platform.python_version(),
        "qt_platform": os.environ.get("QT_QPA_PLATFORM", ""),
        # Other processes' load while the benchmark ran: figures from a busy machine are pessimistic.
        "load_1m_at_start": round(LOAD_AT_START, 2) if LOAD_AT_START is not None else None,
        "load_1m_at_end": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
    }


def qt_offscreen() -> None:
    """Benchmarks run headless unless told otherwise (QT_QPA_PLATFORM=xcb measures a real screen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def child_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a console started by a benchmark: its own data directory, headless by default."""
    env = {**os.environ, "SALEDAY_DATA_DIR": str(data_dir), **extra}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def console_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "console", *args]


# ------------------------------------------------------------ one process's memory and CPU (Linux /proc)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024.0
    raise RuntimeError(f"no VmRSS for process {pid}")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of the process (all its threads) so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return ticks / os.sysconf("SC_CLK_TCK")


def rounded(values: Iterable[float], digits: int = 3) -> list[float]:
    return [round(v, digits) for v in values]
