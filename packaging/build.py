"""Build the one-folder app: `python packaging/build.py` -> dist/saleday-console/.

Renders the app icon from resources/icons/saleday.svg and compiles the interface translations
(resources/i18n/*.ts: the frozen app has no lrelease to compile them at start, as a checkout does) into
build/packaging/ (generated files are built, not kept in the repo); runs PyInstaller on
packaging/saleday-console.spec; on Linux puts the .desktop file and the icon beside the executable.
Run it with the Python the app is to be built from, with the project installed in it:
`pip install -e '.[packaging]'`. See packaging/README.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "saleday-console.spec"
WORK = ROOT / "build" / "packaging"
ICON_PNG = WORK / "saleday-console.png"
CATALOGUES = WORK / "i18n"
DESKTOP = ROOT / "packaging" / "linux" / "saleday-console.desktop"
ICON_SIZE = 256
NAME = "saleday-console"


def render_icon(svg: Path, png: Path, size: int = ICON_SIZE) -> None:
    """Draw the SVG into a square PNG with QtSvg, offscreen (no display needed on a build machine)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([NAME])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"build: cannot read the icon {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    png.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(png)):
        raise SystemExit(f"build: cannot write {png}")
    del app


def compile_catalogues(source: Path, out: Path) -> list[Path]:
    """Each .ts as a .qm, with the same lrelease the app uses from a checkout."""
    from widgets.translations import compile_catalogue

    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("*.qm"):
        stale.unlink()
    compiled = []
    for ts in sorted(source.glob("*.ts")):
        compile_catalogue(ts, out / f"{ts.stem}.qm")
        compiled.append(out / f"{ts.stem}.qm")
    return compiled


def check_environment() -> str:
    """The version to build, or a one-line reason why this Python cannot build the app."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit("build: PyInstaller is missing; run: pip install -e '.[packaging]'") from None
    try:
        import moto  # noqa: F401
    except ImportError:
        raise SystemExit("build: moto is missing (the app carries the demo); run: pip install -e '.[demo]'") from None
    try:
        return version(NAME)
    except PackageNotFoundError:
        raise SystemExit("build: saleday-console is not installed in this Python; run: pip install -e .") from None


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def build(dist: Path, console: bool) -> Path:
    app_version = check_environment()
    print(f"build: saleday-console {app_version} with Python {sys.version.split()[0]} on {sys.platform}")
    render_icon(ROOT / "resources" / "icons" / "saleday.svg", ICON_PNG)
    compile_catalogues(ROOT / "resources" / "i18n", CATALOGUES)
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(WORK / "pyinstaller"), str(SPEC)]
    if console:
        command += ["--", "--console"]
    started = time.monotonic()
    subprocess.run(command, check=True, cwd=ROOT)
    folder = dist / NAME
    if sys.platform.startswith("linux"):
        shutil.copy2(DESKTOP, folder / f"{NAME}.desktop")
        shutil.copy2(ICON_PNG, folder / f"{NAME}.png")
    print(f"build: {folder} ({folder_size(folder) / 1e6:.0f} MB) in {time.monotonic() - started:.0f} s")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build Saleday Console as a one-folder app with PyInstaller.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the app folder goes (default dist/)")
    parser.add_argument("--console", action="store_true", help="Windows: keep a console window (for the CLI)")
    args = parser.parse_args(argv)
    build(args.dist.resolve(), args.console)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
