"""No secret is ever written anywhere: a day run with known, random secrets, then every file scanned.

The demo's backends are started with a fresh Cloudflare token and shop key, and the console sees a
real (non-demo) campaign, so it takes them as on a real day: one from the keychain (`credentials set`),
both from the environment for the window. Then everything that writes runs in its own process:
credentials test, check with a pre-scale, every `act`, the window (with auth failures injected while
it polls), and the report (PDF and CSV). Every file under the data directory and the report, and every
byte of stdout and stderr, is searched for either secret: as UTF-8, UTF-16, and inside the PDF's
compressed streams. The keychain stand-in is the one file that must hold the secret: the scan is
shown to find it there, so it could find it anywhere else.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import zlib
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from console.actions.audit import read_entries
from console.demo.faults import parse_fault_spec
from console.paths import campaign_slug
from tests.credentials.keyed_demo import KeyedDemo, console_command, console_env, start_keyed_demo
from tests.credentials.keyrings import FILE_ENV


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KeyedDemo]:
    keyed = start_keyed_demo(tmp_path_factory.mktemp("leak-backends"), speed=1.0, lead_minutes=2.0)
    yield keyed
    keyed.env.stop()


def encodings(secret: str) -> list[bytes]:
    return [secret.encode("utf-8"), secret.encode("utf-16-le"), secret.encode("utf-16-be")]


def pdf_streams(data: bytes) -> list[bytes]:
    inflated = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, flags=re.DOTALL):
        try:
            inflated.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return inflated


def found_in(path: Path, secrets: list[str]) -> list[str]:
    """The secrets present in the file, in any of the ways a file could hold text."""
    data = path.read_bytes()
    blobs = [data]
    if path.suffix == ".pdf":
        blobs += pdf_streams(data)
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout
            blobs.append(text)
    return [s for s in secrets if any(needle in blob for blob in blobs for needle in encodings(s))]


def test_no_secret_is_written_anywhere(demo: KeyedDemo, tmp_path: Path) -> None:
    secrets = [demo.cloudflare_token, demo.shop_key]
    outputs: list[str] = []

    def run(*args: str, stdin: str = "", secrets_in_env: bool = True, timeout: float = 120
            ) -> subprocess.CompletedProcess[str]:
        env = console_env(demo, tmp_path, secrets_in_env=secrets_in_env)
        done = subprocess.run(console_command(*args), env=env, input=stdin, capture_output=True, text=True,
                              timeout=timeout)
        outputs.extend([done.stdout, done.stderr])
        return done

    config = str(demo.config)
    assert run("credentials", "set", "cloudflare", "--config", config, stdin=demo.cloudflare_token,
               secrets_in_env=False).returncode == 0
    for source in ("cloudflare", "shop", "aws"):
        tested = run("credentials", "test", source, "--config", config)
        assert tested.returncode == 0, tested.stdout
    keyed = run("credentials", "test", "cloudflare", "--config", config, secrets_in_env=False)
    assert keyed.returncode == 0 and "from the keychain" in keyed.stdout

    checked = run("check", "--config", config, "--prescale", "12", "--at-minus", "0.25", "--yes")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    for action in (["scale-out", "--by", "2"], ["protection", "on"], ["protection", "off"],
                   ["admissions", "pause"], ["admissions", "resume"], ["admissions", "rate", "500"]):
        acted = run("act", "--config", config, "--yes", *action)
        assert acted.returncode == 0, acted.stderr

    plan = demo.env.fault_plan
    assert plan is not None
    start = plan.elapsed() + 3  # the window polls from about then: every source is refused for 10 s
    for fault in parse_fault_spec(f"cloudflare:http401@{start:.0f}+10,shop:http403@{start:.0f}+10,"
                                  f"aws:http403@{start:.0f}+10"):
        plan.add(fault)
    shot, values = tmp_path / "out" / "window.png", tmp_path / "out" / "values.txt"
    shot.parent.mkdir()
    window = run("--config", config, "--run-for", "25", "--screenshot", str(shot), "--report-values", str(values),
                 timeout=180)
    assert window.returncode == 0, window.stderr
    assert "Traceback" not in window.stderr

    recording = tmp_path / "data" / "recordings" / f"{campaign_slug(demo.campaign)}.sqlite"
    assert recording.exists()
    actions = {entry.action for entry in read_entries(recording)}
    assert {"prescale", "scale-out", "protection-on", "admission-rate"} <= actions
    with closing(sqlite3.connect(recording)) as db:
        failed = {row[0] for row in db.execute("SELECT source FROM samples WHERE failure = 'auth'")}
        ok = {row[0] for row in db.execute("SELECT source FROM samples WHERE ok = 1")}
    assert failed == ok == {"aws", "cloudflare", "shop"}  # readings and refusals of every source recorded
    report_dir = tmp_path / "out" / "report"
    reported = run("report", str(recording), "--out", str(report_dir / "report.pdf"), "--csv", str(report_dir))
    assert reported.returncode == 0, reported.stderr
    assert (report_dir / "report.pdf").stat().st_size > 10_000
    assert len(list(report_dir.glob("*.csv"))) >= 3

    keychain = Path(console_env(demo, tmp_path, secrets_in_env=False)[FILE_ENV])
    assert found_in(keychain, secrets) == [demo.cloudflare_token]  # the scan finds a secret where one is
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p != keychain]
    assert len(written) >= 8, written
    leaks = {str(p.relative_to(tmp_path)): found_in(p, secrets) for p in written}
    assert {name: hit for name, hit in leaks.items() if hit} == {}
    assert found_in(demo.config, secrets) == []
    for text in outputs:
        assert not any(secret in text for secret in secrets)
