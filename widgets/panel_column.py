"""The column of panels beside the charts: it scrolls vertically instead of setting the window's height.

With alert rows above it, four panels stacked would make the window taller than a 1080p screen; in a
scroll area they cost nothing in height. Its width is the panels' minimum (never clipped on the right),
and a value growing wider inside a tile does not re-lay out the charts beside it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from widgets.panel import Panel


class PanelColumn(QScrollArea):
    def __init__(self, panels: tuple[Panel, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panelColumn")
        column = QWidget(self)
        column.setObjectName("panelColumnContents")
        layout = QVBoxLayout(column)
        layout.setContentsMargins(6, 6, 10, 6)
        layout.setSpacing(10)
        for panel in panels:
            layout.addWidget(panel)
        layout.addStretch(1)
        self.setWidget(column)
        self._column = column
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def minimumSizeHint(self) -> QSize:
        """As narrow as the panels allow, with room for the scroll bar; as short as a few rows."""
        inner = self._column.minimumSizeHint()
        return QSize(inner.width() + self.verticalScrollBar().sizeHint().width(), min(inner.height(), 240))

    def sizeHint(self) -> QSize:
        inner = self._column.sizeHint()
        return QSize(inner.width() + self.verticalScrollBar().sizeHint().width(), inner.height())
