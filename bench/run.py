"""Run every benchmark, each in a fresh process, and print one JSON object per benchmark on its own line.

    python bench/run.py                 all of them (about four minutes on a 2-core machine)
    python bench/run.py startup report  only these
    python bench/run.py --strict        exit 1 if a target is missed, not only if a benchmark fails

Each object has at least name, figure, target and met; the one-line summaries go to stderr. The
figures, the machine they came from and what they mean are in docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = {  # name: time limit in seconds; in the order they run
    "api_economy": 120,
    "report": 120,
    "chart_repaint": 180,
    "startup": 180,
    "freshness": 180,
    "gui_stall": 180,
    "soak": 240,
}


def run_one(name: str, limit: float) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    started = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-m", f"bench.{name}"], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return failure(name, f"did not finish within {limit:g} s")
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        return failure(name, f"exit {done.returncode}: {done.stderr.strip()[-1500:]}")
    result: dict[str, object] = json.loads(lines[-1])
    result["seconds"] = round(time.monotonic() - started, 1)
    for line in done.stdout.splitlines():
        if line.startswith("#"):
            print(line, file=sys.stderr, flush=True)
    return result


def failure(name: str, error: str) -> dict[str, object]:
    print(f"# {name}: FAILED to run - {error.splitlines()[-1] if error else ''}", file=sys.stderr, flush=True)
    return {"name": name, "figure": None, "target": None, "met": False, "error": error}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"benchmarks to run (default: all): {', '.join(BENCHMARKS)}")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"no benchmark named {', '.join(unknown)}; there are {', '.join(BENCHMARKS)}")
    names = args.names or list(BENCHMARKS)
    started = time.monotonic()
    results = []
    for name in names:
        result = run_one(name, BENCHMARKS[name])
        print(json.dumps(result), flush=True)
        results.append(result)
    missed = [str(r["name"]) for r in results if not r["met"]]
    print(f"# {len(results)} benchmarks in {time.monotonic() - started:.0f} s; "
          f"{'all targets met' if not missed else 'not met: ' + ', '.join(missed)}", file=sys.stderr)
    if any("error" in r for r in results):
        return 2
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
