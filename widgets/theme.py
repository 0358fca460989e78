"""The dark wall-screen theme: one stylesheet for widgets, matching colours for pyqtgraph."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

import resources
from widgets import palette


def apply_theme(app: QApplication) -> None:
    """Style `app`; call before building charts, since pyqtgraph reads its colours when items are made."""
    pg.setConfigOptions(background=palette.BACKGROUND, foreground=palette.MUTED, antialias=False)
    app.setStyle("Fusion")
    app.setPalette(_dark_palette())
    app.setStyleSheet(resources.read_text("dark.qss"))


def _dark_palette() -> QPalette:
    """The base palette beneath the stylesheet, so that anything the QSS does not name is dark too."""
    colours = QPalette()
    roles = {
        QPalette.ColorRole.Window: palette.BACKGROUND,
        QPalette.ColorRole.WindowText: palette.TEXT,
        QPalette.ColorRole.Base: palette.SURFACE,
        QPalette.ColorRole.AlternateBase: palette.BACKGROUND,
        QPalette.ColorRole.Text: palette.TEXT,
        QPalette.ColorRole.Button: palette.SURFACE,
        QPalette.ColorRole.ButtonText: palette.TEXT,
        QPalette.ColorRole.ToolTipBase: palette.SURFACE,
        QPalette.ColorRole.ToolTipText: palette.TEXT,
        QPalette.ColorRole.Highlight: palette.ACCENT,
        QPalette.ColorRole.HighlightedText: palette.BACKGROUND,
        QPalette.ColorRole.PlaceholderText: palette.MUTED,
    }
    for role, colour in roles.items():
        colours.setColor(role, QColor(colour))
    colours.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(palette.DIM))
    colours.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(palette.DIM))
    return colours


def set_style_property(widget: QWidget, name: str, value: str) -> bool:
    """Set a dynamic property the stylesheet selects on, and re-polish so the new look shows.

    Qt evaluates property selectors only when a widget is polished, and descendant rules
    (`QFrame#tile[stale="true"] QLabel`) only when the descendant is, so every child is re-polished.
    Returns False, doing nothing, when the property already had that value.
    """
    if widget.property(name) == value:
        return False
    widget.setProperty(name, value)
    for target in (widget, *widget.findChildren(QWidget)):
        style = target.style()
        style.unpolish(target)
        style.polish(target)
    widget.update()
    return True
