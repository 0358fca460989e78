"""The one-folder app built by packaging/build.py runs the demo with no Python beside it.

Skipped unless SALEDAY_TEST_FROZEN=1: the PyInstaller build takes minutes. SALEDAY_FROZEN_APP=PATH tests an
app already built (the executable inside dist/saleday-console/) instead of building one.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from tests.e2e.test_demo_smoke import assert_not_blank
from tests.packaging.package_files import ROOT, checkout_data_files

pytestmark = pytest.mark.skipif(
    os.environ.get("SALEDAY_TEST_FROZEN") != "1", reason="builds the frozen app (minutes): set SALEDAY_TEST_FROZEN=1"
)

EXECUTABLE = "saleday-console.exe" if sys.platform == "win32" else "saleday-console"
SIZE_LIMIT = 300e6


@pytest.fixture(scope="module")
def frozen_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("SALEDAY_FROZEN_APP")
    if given:
        return Path(given).resolve()
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(dist)], check=True,
                   timeout=1800)
    return dist / "saleday-console" / EXECUTABLE


def bare_env(tmp_path: Path) -> dict[str, str]:
    """The environment of a workstation without our Python: no venv on PATH, no PYTHON* variables."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTHON", "VIRTUAL_ENV", "CONDA")) and key != "PATH"}
    return {**env, "PATH": os.defpath, "QT_QPA_PLATFORM": "offscreen", "SALEDAY_DATA_DIR": str(tmp_path / "data")}


def run(app: Path, args: list[str], tmp_path: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(app), *args], cwd=tmp_path, env=bare_env(tmp_path), capture_output=True, text=True,
                          timeout=timeout)


def test_version_comes_from_the_package_metadata(frozen_app: Path, tmp_path: Path) -> None:
    result = run(frozen_app, ["--version"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"saleday-console {version('saleday-console')}"


def test_the_demo_runs_offscreen_and_the_screenshot_is_live(frozen_app: Path, tmp_path: Path) -> None:
    values = tmp_path / "values.txt"
    result = run(frozen_app, ["--demo", "--speed", "60", "--run-for", "15", "--screenshot", "shot.png",
                              "--report-values", str(values)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert_not_blank(tmp_path / "shot.png")
    shown = dict(line.split("=", 1) for line in values.read_text().splitlines())
    for key in ("sales.tickets_sold", "fleet.serving", "cdn.visitors_per_minute", "queue.queued"):
        assert float(shown[key]) > 0, (key, shown)
    for source in ("aws", "cloudflare", "shop"):  # moto, the Cloudflare emulator and the shop all answered
        assert shown[f"health.{source}"] == "fresh", shown


def test_the_scripted_commands_act_on_the_demo_served_by_the_app(frozen_app: Path, tmp_path: Path) -> None:
    """Writes reach moto's lazily loaded backends (autoscaling, ec2) inside the bundle."""
    config = tmp_path / "demo.toml"
    server = subprocess.Popen([str(frozen_app), "demo", "serve", "--speed", "60", "--write-config", str(config),
                               "--run-for", "60"], cwd=tmp_path, env=bare_env(tmp_path),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not config.exists() and time.monotonic() < deadline and server.poll() is None:
            time.sleep(0.2)
        assert config.exists(), "demo serve wrote no campaign file"
        for action in (["scale-out", "--by", "2"], ["protection", "on"], ["admissions", "pause"]):
            result = run(frozen_app, ["act", "--config", str(config), "--yes", *action], tmp_path)
            assert result.returncode == 0, (action, result.stdout, result.stderr)
            assert "done:" in result.stdout, (action, result.stdout)
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert "Traceback" not in errors, errors


def test_the_folder_is_under_the_size_limit_and_carries_the_package_data(frozen_app: Path) -> None:
    folder = frozen_app.parent
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())
    assert size < SIZE_LIMIT, f"{size / 1e6:.0f} MB"
    bundled = next(path for path in (folder / "_internal" / "resources", folder / "resources") if path.is_dir())
    for name in checkout_data_files():
        if name.endswith(".ts"):  # the app has no lrelease: it carries the catalogue compiled instead
            assert not (bundled / name).exists(), name
            assert QTranslator().load(str((bundled / name).with_suffix(".qm"))), name
        else:
            assert (bundled / name).read_bytes() == (ROOT / "resources" / name).read_bytes(), name
