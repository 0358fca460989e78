"""Render the main window over the synthetic sale day to a PNG, for a look at layout and legibility.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.widgets.preview [/tmp/widgets_preview.png] [WIDTHxHEIGHT]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from console.snapshots import SourceName
from tests.widgets.synthetic import sale_day
from widgets.main_window import MainWindow
from widgets.theme import apply_theme

WARSAW = ZoneInfo("Europe/Warsaw")
POLISH = QLocale(QLocale.Language.Polish, QLocale.Country.Poland)


def render(app: QApplication, out: Path, width: int = 1600, height: int = 1000) -> MainWindow:
    """Build, show, settle and save the window; returns it so the caller can close it."""
    apply_theme(app)
    state = sale_day(time.monotonic(), cloudflare_stale=True)
    window = MainWindow(state, "Arena Tour 2026 · Warsaw", SourceName.SHOP, tz=WARSAW, locale=POLISH)
    window.resize(width, height)
    window.set_clock_text("10:42:00")
    window.show()
    for _ in range(3):
        app.processEvents()
        window.charts.redraw()
    window.refresh_freshness()
    app.processEvents()
    window.grab().save(str(out))
    return window


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/widgets_preview.png")
    size = sys.argv[2] if len(sys.argv) > 2 else "1600x1000"
    width, height = (int(part) for part in size.split("x"))
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    window = render(app, out, width, height)
    window.close()
    print(out)


if __name__ == "__main__":
    main()
