"""One number on the wall, with how fresh it is.

A value without its age is dangerous in a war room: a frozen "0 % errors" looks like good news.
So every tile says when its data last arrived, greys out when the source has gone quiet, and shows
why (the last failure, a throttling badge).
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QStackedLayout, QVBoxLayout, QWidget

from console.snapshots import FailureKind
from console.sources.errors import failure_title
from console.views import SourceHealth
from widgets.formatting import DASH, age_text
from widgets.text import render
from widgets.theme import set_style_property

Level = Literal["", "ok", "warn", "alarm"]

WAITING = "waiting for data…"  # the source text; `waiting_text()` gives it in the interface language


def waiting_text() -> str:
    return QCoreApplication.translate("Tile", "waiting for data…")


def freshness_text(health: SourceHealth, monotonic_now: float, clock_text: str | None) -> str:
    """The tile's freshness line: waiting, updated N ago, or stale since the last success."""
    age = health.age(monotonic_now)
    if age is None:
        return QCoreApplication.translate("Tile", "no data yet") if health.error else waiting_text()
    if not health.is_stale(monotonic_now):
        return QCoreApplication.translate("Tile", "updated {age} ago").format(age=age_text(age))
    if clock_text:
        return QCoreApplication.translate("Tile", "stale since {time}").format(time=clock_text)
    return QCoreApplication.translate("Tile", "stale for {age}").format(age=age_text(age))


def error_line(health: SourceHealth) -> str:
    """Why the last poll failed. Rejected credentials say so, and how to get back: they are the one
    failure the console cannot wait out on its own."""
    if health.error is None:
        return ""
    error = render(health.error)  # the backend's words, or ours in the interface's language
    if health.failure is FailureKind.AUTH:
        return QCoreApplication.translate("Tile", "credentials rejected (renew them, then Reconnect): {error}").format(
            error=error)
    if health.failure is None:
        return QCoreApplication.translate("Tile", "last poll failed: {error}").format(error=error)
    return QCoreApplication.translate("Tile", "last poll failed ({kind}): {error}").format(
        kind=render(failure_title(health.failure)), error=error)


def is_greyed(health: SourceHealth, monotonic_now: float) -> bool:
    """Grey once data is too old, or when the source fails before it ever answered; not while first waiting."""
    if health.last_ok_wall is None:
        return health.error is not None
    return health.is_stale(monotonic_now)


class ElidedLabel(QLabel):
    """One line that shortens itself with "…" rather than widening the tile; the full text is the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setTextFormat(Qt.TextFormat.PlainText)

    @property
    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        if text != self._full:
            self._full = text
            self.setToolTip(text)
            self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = self.width()
        if width <= 20:  # not laid out yet
            _set_text(self, self._full)
        else:
            _set_text(self, self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width))


class Tile(QFrame):
    """Caption and age on top, big value (and a throttling badge), then the sub-line, or the last error in
    its place. In its place, not under it: a tile that grew a line would re-lay out the whole window, charts
    and all, at the very moment a source fails (measured: ~90 ms of GUI thread per resize of the charts)."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setProperty("stale", "false")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._caption = self._label("tileCaption", caption)
        self._freshness = self._label("tileFreshness", waiting_text())
        self._freshness.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._value = self._label("tileValue", DASH)
        self._value.setProperty("level", "")
        self._badge = self._label("tileBadge", self.tr("THROTTLED"))
        self._badge.setVisible(False)
        self._sub = ElidedLabel(self)
        self._sub.setObjectName("tileSub")
        self._error = ElidedLabel(self)
        self._error.setObjectName("tileError")
        self._notes = QStackedLayout()
        self._notes.addWidget(self._sub)
        self._notes.addWidget(self._error)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 5, 10, 6)
        layout.setSpacing(0)
        layout.addLayout(_row(self._caption, self._freshness))
        layout.addLayout(_row(self._value, self._badge))
        layout.addLayout(self._notes)

    def _label(self, name: str, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    # ------------------------------------------------------------ what the panel sets

    def set_value(self, value: str, sub: str = "", level: Level = "") -> None:
        _set_text(self._value, value)
        self._sub.set_full_text(sub)
        set_style_property(self._value, "level", level)

    def set_freshness(self, health: SourceHealth, monotonic_now: float, clock_text: str | None) -> None:
        _set_text(self._freshness, freshness_text(health, monotonic_now, clock_text))
        self._error.set_full_text(error_line(health))
        self._notes.setCurrentWidget(self._sub if health.error is None else self._error)
        self._badge.setVisible(health.throttled)
        set_style_property(self, "stale", "true" if is_greyed(health, monotonic_now) else "false")

    # ------------------------------------------------------------ what tests and tooltips read

    @property
    def caption_text(self) -> str:
        return self._caption.text()

    @property
    def value_text(self) -> str:
        return self._value.text()

    @property
    def sub_text(self) -> str:
        return self._sub.full_text

    @property
    def freshness(self) -> str:
        return self._freshness.text()

    @property
    def error_text(self) -> str:
        return self._error.full_text if self._error.isVisibleTo(self) else ""

    @property
    def level(self) -> str:
        return str(self._value.property("level"))

    @property
    def is_stale(self) -> bool:
        return self.property("stale") == "true"

    @property
    def is_throttled(self) -> bool:
        return self._badge.isVisibleTo(self)

    @property
    def value_label(self) -> QLabel:
        return self._value


def _row(main: QLabel, side: QLabel) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(6)
    row.addWidget(main, 1)
    row.addWidget(side, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return row


def _set_text(label: QLabel, text: str) -> None:
    """Skip equal text: the 1 Hz freshness refresh would otherwise re-lay out every tile every second."""
    if label.text() != text:
        label.setText(text)
