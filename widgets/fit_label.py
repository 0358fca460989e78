"""A one-line label that shrinks its text to fit instead of growing the window.

The board's numbers are set as large as the stylesheet says, for a full 1080p wall screen. In a
smaller window, or with a long revenue figure or a long Polish word, they are drawn smaller rather
than cut off or pushing the layout wider or taller.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

MIN_PIXELS = 10
MIN_SHARE = 0.45  # of its natural height, the least a label asks of the layout


class FitLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, max(int(self.sizeHint().height() * MIN_SHARE), MIN_PIXELS))

    def fitted_font(self) -> QFont:
        """The stylesheet's font, scaled down just enough for the text to fit the label's width and height."""
        font = QFont(self.font())
        metrics = QFontMetricsF(font)
        room = self.contentsRect()
        scale = 1.0
        width = metrics.horizontalAdvance(self.text())
        if width > 0 and room.width() > 0:
            scale = min(scale, room.width() / width)
        if metrics.height() > 0 and room.height() > 0:
            scale = min(scale, room.height() / metrics.height())
        if scale >= 1.0:
            return font
        if font.pixelSize() > 0:
            font.setPixelSize(max(int(font.pixelSize() * scale), MIN_PIXELS))
        else:
            font.setPointSizeF(max(font.pointSizeF() * scale, 6.0))
        return font

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setFont(self.fitted_font())
        self.style().drawItemText(painter, self.contentsRect(), int(self.alignment()), self.palette(),
                                  self.isEnabled(), self.text(), QPalette.ColorRole.WindowText)
        painter.end()
