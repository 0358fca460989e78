"""The war-room screen: charts on the left, the four panels on the right, the campaign clock on top.

The window lays out and paces; it knows no backend. Two timers set the pace: the display timer
(20 Hz) lets the charts catch up with the data, the text timer (1 Hz) ages the freshness lines.
Neither does any work when nothing changed, and neither ever waits on the network.
"""

from __future__ import annotations

import time
from datetime import tzinfo

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.snapshots import SourceName
from console.state import CampaignState
from widgets.cdn_panel import CdnPanel
from widgets.fleet_panel import FleetPanel
from widgets.panel import Panel
from widgets.queue_panel import QueuePanel
from widgets.sales_panel import SalesPanel
from widgets.time_charts import TimeCharts

DISPLAY_INTERVAL_MS = 50
TEXT_INTERVAL_MS = 1000


class MainWindow(QMainWindow):
    def __init__(
        self,
        state: CampaignState,
        title: str,
        queue_source: SourceName,
        *,
        tz: tzinfo | None = None,
        locale: QLocale | None = None,
        window_seconds: float = 3 * 3600,
    ) -> None:
        super().__init__()
        self.setWindowTitle(f"{title} · Saleday Console")
        self.resize(1600, 1000)
        health = state.health
        self.charts = TimeCharts(state.series, state.markers, window_seconds, tz=tz)
        self.queue_panel = QueuePanel(state.queue, health[queue_source], tz=tz, locale=locale)
        self.fleet_panel = FleetPanel(state.fleet, health[SourceName.AWS], tz=tz, locale=locale)
        self.cdn_panel = CdnPanel(state.cdn, health[SourceName.CLOUDFLARE], tz=tz, locale=locale)
        self.sales_panel = SalesPanel(state.sales, health[SourceName.SHOP], tz=tz, locale=locale)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._make_header(title))
        self._banner_slot = QVBoxLayout()
        layout.addLayout(self._banner_slot)
        layout.addWidget(self._make_actions())
        layout.addWidget(self._make_body(), 1)
        self.setCentralWidget(central)
        self.statusBar()  # created now so that the composition root can post to it

        self.display_timer = QTimer(self)
        self.display_timer.setInterval(DISPLAY_INTERVAL_MS)
        self.display_timer.timeout.connect(self.charts.redraw)
        self.text_timer = QTimer(self)
        self.text_timer.setInterval(TEXT_INTERVAL_MS)
        self.text_timer.timeout.connect(self.refresh_freshness)
        self.display_timer.start()
        self.text_timer.start()

    def _make_header(self, title: str) -> QFrame:
        header = QFrame(self)
        header.setObjectName("header")
        name = QLabel(title, header)
        name.setObjectName("campaignTitle")
        self._clock = QLabel("--:--:--", header)
        self._clock.setObjectName("campaignClock")
        self._clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = QHBoxLayout(header)
        row.setContentsMargins(14, 6, 14, 6)
        row.addWidget(name, 1)
        row.addWidget(self._clock)
        return header

    def _make_actions(self) -> QFrame:
        """The row for operator action buttons; hidden until the first one arrives."""
        self._actions = QFrame(self)
        self._actions.setObjectName("actions")
        row = QHBoxLayout(self._actions)
        row.setContentsMargins(14, 4, 14, 4)
        row.setSpacing(8)
        row.addStretch(1)
        self._actions.setVisible(False)
        return self._actions

    def _make_body(self) -> QSplitter:
        column = QWidget(self)
        panels = QVBoxLayout(column)
        panels.setContentsMargins(6, 6, 10, 6)
        panels.setSpacing(10)
        for panel in self.panels:
            panels.addWidget(panel)
        panels.addStretch(1)
        self._left = QSplitter(Qt.Orientation.Vertical, self)
        self._left.addWidget(self.charts)
        self._left.setChildrenCollapsible(False)
        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.addWidget(self._left)
        body.addWidget(column)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        body.setSizes([1000, 600])
        body.setChildrenCollapsible(False)
        return body

    # ------------------------------------------------------------ for the composition root

    @property
    def panels(self) -> tuple[Panel, ...]:
        return (self.queue_panel, self.sales_panel, self.fleet_panel, self.cdn_panel)

    def set_clock_text(self, text: str) -> None:
        self._clock.setText(text)

    @property
    def clock_text(self) -> str:
        return self._clock.text()

    def add_action_widget(self, widget: QWidget) -> None:
        """Operator action buttons go here, left to right in the order added."""
        row = self._actions.layout()
        assert isinstance(row, QHBoxLayout)
        row.insertWidget(row.count() - 1, widget)
        self._actions.setVisible(True)

    def add_banner(self, widget: QWidget) -> None:
        """A full-width strip under the header (the alert banner)."""
        self._banner_slot.addWidget(widget)

    def add_under_charts(self, widget: QWidget) -> None:
        """A strip under the charts (the activity list), in a splitter the operator can drag.

        Under the charts rather than across the window: the panel column is already as tall as a
        1080p screen allows, while the charts give up height gracefully.
        """
        self._left.addWidget(widget)
        index = self._left.count() - 1
        self._left.setCollapsible(index, True)
        self._left.setStretchFactor(index, 0)  # it keeps its size hint; the charts take what the window adds
        self._left.setStretchFactor(0, 1)

    @property
    def actions_area(self) -> QFrame:
        return self._actions

    def refresh_freshness(self) -> None:
        now = time.monotonic()
        for panel in self.panels:
            panel.refresh_freshness(now)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.display_timer.stop()
        self.text_timer.stop()
        super().closeEvent(event)
