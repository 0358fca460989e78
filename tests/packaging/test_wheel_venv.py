"""The wheel, installed with its dependencies into a fresh venv, gives a working `saleday-console`.

Skipped unless SALEDAY_TEST_WHEEL=1: it installs PySide6, moto and the rest from the package index (or pip's
cache), about 300 MB, and runs the demo.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.e2e.test_demo_smoke import assert_not_blank
from tests.packaging.package_files import build_wheel

pytestmark = pytest.mark.skipif(
    os.environ.get("SALEDAY_TEST_WHEEL") != "1", reason="installs the wheel's dependencies: set SALEDAY_TEST_WHEEL=1"
)


def test_the_installed_wheel_runs_the_demo(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path)
    env = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env)
    bin_dir = env / ("Scripts" if sys.platform == "win32" else "bin")
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(bin_dir / "python"), "install", "--quiet",
                              f"{wheel}[demo]"], capture_output=True, text=True, timeout=1200)
    assert install.returncode == 0, install.stderr
    command = bin_dir / "saleday-console"
    run_env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "VIRTUAL_ENV"))}
    run_env.update(QT_QPA_PLATFORM="offscreen", SALEDAY_DATA_DIR=str(tmp_path / "data"))
    version = subprocess.run([str(command), "--version"], capture_output=True, text=True, timeout=60, cwd=tmp_path,
                             env=run_env)
    assert version.returncode == 0 and version.stdout.startswith("saleday-console "), version
    demo = subprocess.run([str(command), "--demo", "--speed", "60", "--run-for", "15", "--screenshot", "shot.png"],
                          capture_output=True, text=True, timeout=180, cwd=tmp_path, env=run_env)
    assert demo.returncode == 0, demo.stderr
    assert "Traceback" not in demo.stderr
    assert_not_blank(tmp_path / "shot.png")
