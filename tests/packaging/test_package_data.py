"""Package data (stylesheet, icons, sound, example campaign) loads through importlib.resources the same way
from the source checkout and from an installed wheel, whatever the current directory.

The wheel is built from a copy of the checkout with pip (an isolated build: it fetches setuptools from the
package index or pip's cache) and installed, without its dependencies, into a venv made for the test: the
probe needs only the standard library. The full install, with dependencies and a demo run, is in
test_wheel_venv.py behind SALEDAY_TEST_WHEEL=1.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

import resources
from tests.packaging.package_files import ROOT, build_wheel, checkout_data_files

PROBE = Path(__file__).with_name("resource_probe.py")


def project_version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def probe(python: Path | str, cwd: Path) -> dict[str, Any]:
    """Run the probe isolated (-I: no PYTHON* variables, no user site, no script or current directory on
    sys.path), from a directory that is not the checkout."""
    result = subprocess.run([str(python), "-I", str(PROBE)], cwd=cwd, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    answer: dict[str, Any] = json.loads(result.stdout)
    return answer


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_wheel(tmp_path_factory.mktemp("wheel"))


def test_the_checkout_loads_every_data_file_whatever_the_current_directory(tmp_path: Path) -> None:
    answer = probe(sys.executable, tmp_path)
    assert Path(answer["origin"]) == ROOT / "resources"
    assert answer["files"] == checkout_data_files()
    assert {"dark.qss", "alert.wav", "example-campaign.toml", "icons/saleday.svg"} <= set(answer["files"])


def test_the_wheel_carries_every_data_file_and_no_test_or_build_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"resources/{name}" for name in checkout_data_files()} <= names
    assert "console/cli.py" in names and "widgets/main_window.py" in names
    assert not any(name.startswith(("tests/", "packaging/", "docs/")) for name in names)


def test_an_installed_wheel_loads_the_same_data_and_reports_its_version(wheel: Path, tmp_path: Path) -> None:
    env = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env)
    python = env / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                              "--no-index", str(wheel)], capture_output=True, text=True, timeout=120)
    assert install.returncode == 0, install.stderr
    answer = probe(python, tmp_path)
    assert Path(answer["origin"]).is_relative_to(env)  # the installed copy, not the checkout
    assert answer["files"] == checkout_data_files()
    assert answer["stylesheet_starts"] == "/*"
    assert answer["version"] == answer["metadata_version"] == project_version()


def test_the_app_icon_renders_and_becomes_the_window_icon(qapp: QApplication) -> None:
    from console.app import identify_app

    assert QSvgRenderer(resources.read_bytes("icons/saleday.svg")).isValid()
    before = qapp.applicationName(), qapp.desktopFileName(), qapp.windowIcon()
    try:
        identify_app(qapp)
        assert not qapp.windowIcon().isNull()
        assert qapp.desktopFileName() == "saleday-console"  # the name of packaging/linux/saleday-console.desktop
        assert (ROOT / "packaging" / "linux" / f"{qapp.desktopFileName()}.desktop").is_file()
    finally:
        qapp.setApplicationName(before[0])
        qapp.setDesktopFileName(before[1])
        qapp.setWindowIcon(before[2])
