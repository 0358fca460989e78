"""`saleday-console report` reads a recording: it must not load the keychain or the cloud SDKs.

boto3, botocore, the Cloudflare SDK and keyring cost a third of a second to import and are of no use to
a report. The command runs in its own process, as a user runs it, and then lists what it had loaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.report.recorded_demo import RecordedDay

ROOT = Path(__file__).resolve().parents[2]
UNWANTED = ("boto3", "botocore", "cloudflare", "keyring")

RUN_AND_LIST = """
import json, runpy, sys
sys.argv = ["saleday-console", *sys.argv[1:]]
try:
    runpy.run_module("console", run_name="__main__", alter_sys=True)
except SystemExit as done:
    code = done.code
print(json.dumps({"exit": code, "loaded": sorted(m for m in sys.modules if m.split(".")[0] in UNWANTED)}))
"""


def run_report(*args: str) -> dict[str, object]:
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    script = f"UNWANTED = {UNWANTED!r}\n{RUN_AND_LIST}"
    done = subprocess.run([sys.executable, "-c", script, "report", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_the_report_command_loads_no_cloud_sdk_and_no_keychain(demo_day: RecordedDay, tmp_path: Path) -> None:
    result = run_report(str(demo_day.path), "--out", str(tmp_path / "report.pdf"), "--csv", str(tmp_path / "csv"))
    assert result == {"exit": 0, "loaded": []}
    assert (tmp_path / "report.pdf").stat().st_size > 0


def test_a_bad_recording_loads_none_of_them_either(tmp_path: Path) -> None:
    missing = tmp_path / "no-such.sqlite"
    assert run_report(str(missing), "--out", str(tmp_path / "report.pdf")) == {"exit": 2, "loaded": []}
