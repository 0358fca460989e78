"""What every panel shares: a title, a grid of tiles, one source's health, tidy unsubscription."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import tzinfo
from typing import TypeVar

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from console.observable import Observable
from console.views import SourceHealth
from widgets.formatting import Numbers
from widgets.tile import Tile, is_greyed

T = TypeVar("T")


class Panel(QFrame):
    """Base of the four panels. Values change on model change; freshness on `refresh_freshness` (1 Hz).

    `tz` is the campaign's time zone for "stale since HH:MM:SS" (None: this machine's); `locale`
    formats the numbers (None: this machine's).
    """

    def __init__(
        self,
        title: str,
        health: Observable[SourceHealth],
        *,
        tz: tzinfo | None = None,
        locale: QLocale | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self._health = health
        self._tz = tz
        self.numbers = Numbers(locale)
        self._tiles: list[Tile] = []
        self._unsubscribers: list[Callable[[], None]] = []
        # The observables outlive the panel; drop our listeners when Qt deletes it.
        unsubscribers = self._unsubscribers
        self.destroyed.connect(lambda *_: [unsubscribe() for unsubscribe in unsubscribers])

        title_label = QLabel(title.upper(), self)
        title_label.setObjectName("panelTitle")
        self._grid = QGridLayout()
        self._grid.setSpacing(6)
        self._grid.setColumnStretch(0, 1)
        self._grid.setColumnStretch(1, 1)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._layout.addWidget(title_label)
        self._layout.addLayout(self._grid)
        # Subclasses call refresh_freshness once their tiles exist.
        self._unsubscribers.append(health.subscribe(lambda _health: self.refresh_freshness(time.monotonic())))

    def add_tile(self, caption: str, row: int, column: int, column_span: int = 1) -> Tile:
        tile = Tile(caption, self)
        self._grid.addWidget(tile, row, column, 1, column_span)
        self._tiles.append(tile)
        return tile

    def add_below(self, widget: QWidget) -> None:
        """A widget under the tile grid (the fleet's instance list)."""
        self._layout.addWidget(widget)

    def watch(self, model: Observable[T], show: Callable[[T], None]) -> None:
        """Show `model` now and on every change, until the panel is deleted."""
        self._unsubscribers.append(model.subscribe(show))
        show(model.value)

    @property
    def tiles(self) -> tuple[Tile, ...]:
        return tuple(self._tiles)

    def refresh_freshness(self, monotonic_now: float) -> None:
        health = self._health.value
        clock = None if health.last_ok_at is None else health.last_ok_at.astimezone(self._tz).strftime("%H:%M:%S")
        for tile in self._tiles:
            tile.set_freshness(health, monotonic_now, clock)
        self.on_staleness(is_greyed(health, monotonic_now))

    def on_staleness(self, stale: bool) -> None:
        """For panels with more than tiles to grey out."""
