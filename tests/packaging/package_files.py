"""The package data files of the checkout, to compare with what a wheel or the frozen app carries."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE_ONLY = (".py", ".pyc")
WHEEL_SOURCES = ("pyproject.toml", "README.md", "MANIFEST.in", "console", "widgets", "resources")


def checkout_data_files() -> dict[str, str]:
    """Path inside `resources` -> SHA-256, for every file that is not code."""
    folder = ROOT / "resources"
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix not in SOURCE_ONLY and "__pycache__" not in path.parts
    }


def build_wheel(out: Path) -> Path:
    """Build the wheel from a copy of the checkout (the build leaves build/ and egg-info beside its source)."""
    source = out / "source"
    source.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in WHEEL_SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=ignore)
        else:
            shutil.copy2(path, source / name)
    pip_wheel = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(source)]
    result = subprocess.run(pip_wheel, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    (wheel,) = out.glob("saleday_console-*.whl")
    return wheel
