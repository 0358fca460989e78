"""The window: the campaign clock on top, and one of two views under it.

The war room (charts on the left, the four panels on the right, the operator's buttons) or the
promoter's board (big sales figures, no controls); Ctrl+B switches, F11 makes either a full-screen
kiosk. The window lays out and paces; it knows no backend. Two timers set the pace: the display
timer (20 Hz) lets the visible view's charts catch up with the data, the text timer (1 Hz) ages the
freshness lines. Neither does any work when nothing changed, and neither ever waits on the network.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import tzinfo

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from console.snapshots import SourceName
from console.state import CampaignState
from widgets.board_view import BoardView
from widgets.cdn_panel import CdnPanel
from widgets.fleet_panel import FleetPanel
from widgets.panel import Panel
from widgets.panel_column import PanelColumn
from widgets.queue_panel import QueuePanel
from widgets.sales_panel import SalesPanel
from widgets.time_charts import TimeCharts

DISPLAY_INTERVAL_MS = 50
TEXT_INTERVAL_MS = 1000
FIRST_PAINT_WAIT_MS = 1000  # `after_first_paint` gives up waiting for a window that never paints (minimised)


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
        self.board = BoardView(state, queue_source, tz=tz, locale=locale, window_seconds=window_seconds)
        self._kiosk = False
        self._war_room_seen = False  # its splitters have real sizes only once it has been on screen
        self._kiosk_hid: list[QWidget] = []
        self._was_maximized = False

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._make_header(title))
        self.views = QStackedWidget(central)
        self.views.addWidget(self._make_war_room())
        self.views.addWidget(self.board)
        layout.addWidget(self.views, 1)
        self.setCentralWidget(central)
        self.statusBar()  # created now so that the composition root can post to it
        self._make_menus()

        self.display_timer = QTimer(self)
        self.display_timer.setInterval(DISPLAY_INTERVAL_MS)
        self.display_timer.timeout.connect(self.redraw)
        self.text_timer = QTimer(self)
        self.text_timer.setInterval(TEXT_INTERVAL_MS)
        self.text_timer.timeout.connect(self.refresh_freshness)
        self.display_timer.start()
        self.text_timer.start()
        self._after_paint: list[Callable[[], None]] = []

    def _make_header(self, title: str) -> QFrame:
        header = QFrame(self)
        header.setObjectName("header")
        name = self._title = QLabel(title, header)
        name.setObjectName("campaignTitle")
        self._clock = QLabel("--:--:--", header)
        self._clock.setObjectName("campaignClock")
        self._clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = QHBoxLayout(header)
        row.setContentsMargins(14, 6, 14, 6)
        row.addWidget(name, 1)
        row.addWidget(self._clock)
        return header

    def _make_war_room(self) -> QWidget:
        """The operator's view; the alert banner and the buttons belong to it, not to the board."""
        page = self.war_room = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self._banner_slot = QVBoxLayout()
        column.addLayout(self._banner_slot)
        column.addWidget(self._make_actions())
        column.addWidget(self._make_body(), 1)
        return page

    def _make_menus(self) -> None:
        """Every view switch is a menu entry with its shortcut; the window holds the actions too, so the
        shortcuts keep working in the kiosk, where the menu bar is hidden."""
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.quit_action = self._action(self.file_menu, self.tr("&Quit"), "Ctrl+Q", self.close)
        self.view_menu = bar.addMenu(self.tr("&View"))
        self.war_room_action = self._action(self.view_menu, self.tr("&War room"), "Ctrl+1",
                                            lambda: self.show_board(False), checkable=True)
        self.board_action = self._action(self.view_menu, self.tr("&Board"), "Ctrl+B",
                                         lambda: self.show_board(not self.board_shown), checkable=True)
        views = QActionGroup(self)
        views.addAction(self.war_room_action)
        views.addAction(self.board_action)
        self.war_room_action.setChecked(True)
        self.view_menu.addSeparator()
        self.live_action = self._action(self.view_menu, self.tr("Follow &live data"), "Ctrl+L", self.charts.go_live)
        self.charts.live_button.setToolTip(f"{self.charts.live_button.toolTip()} (Ctrl+L)")
        self.full_screen_action = self._action(self.view_menu, self.tr("&Full screen (kiosk)"), "F11",
                                               lambda: self.set_kiosk(not self.is_kiosk), checkable=True)

    def _action(self, menu: QMenu, text: str, shortcut: str, triggered: Callable[[], object], *,
                checkable: bool = False) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(lambda _checked=False: triggered())
        menu.addAction(action)
        self.addAction(action)
        return action

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
        self._left = QSplitter(Qt.Orientation.Vertical, self)
        self._left.addWidget(self.charts)
        self._left.setChildrenCollapsible(False)
        body = QSplitter(Qt.Orientation.Horizontal, self)
        self.body_splitter = body
        body.addWidget(self._left)
        body.addWidget(PanelColumn(self.panels, self))
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        body.setSizes([1000, 600])
        body.setChildrenCollapsible(False)
        return body

    # ------------------------------------------------------------ for the composition root

    @property
    def panels(self) -> tuple[Panel, ...]:
        return (self.queue_panel, self.sales_panel, self.fleet_panel, self.cdn_panel)

    def set_title(self, title: str) -> None:
        """The campaign's name, when it is known only after the window shows (the demo starts behind it)."""
        self.setWindowTitle(f"{title} · Saleday Console")
        self._title.setText(title)

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

    @property
    def charts_splitter(self) -> QSplitter:
        """Charts above, the activity list below: its sizes are part of the remembered layout."""
        return self._left

    def add_menu(self, menu: QMenu) -> None:
        """A menu of the composition root's (the operator's actions), before the View menu."""
        self.menuBar().insertMenu(self.view_menu.menuAction(), menu)
        for action in menu.actions():
            self.addAction(action)

    def add_file_action(self, action: QAction) -> None:
        """An entry of the File menu above Quit (the activity export); the window holds it too, so that its
        shortcut works in the kiosk, where the menu bar is hidden."""
        self.file_menu.insertAction(self.quit_action, action)
        self.addAction(action)

    # ------------------------------------------------------------ views and kiosk

    @property
    def board_shown(self) -> bool:
        return self.views.currentWidget() is self.board

    @property
    def war_room_seen(self) -> bool:
        return self._war_room_seen

    def show_board(self, on: bool = True) -> None:
        self.views.setCurrentWidget(self.board if on else self.war_room)
        self.board_action.setChecked(on)
        self.war_room_action.setChecked(not on)
        self.redraw()
        self.refresh_freshness()

    @property
    def is_kiosk(self) -> bool:
        return self._kiosk

    def set_kiosk(self, on: bool) -> None:
        """Full screen without menus, status bar or toolbars: for a wall screen nobody sits at."""
        if on == self.is_kiosk:
            return
        self._kiosk = on
        if on:
            self._was_maximized = self.isMaximized()
            bars: list[QWidget] = [self.menuBar(), self.statusBar(), *self.findChildren(QToolBar)]
            self._kiosk_hid = [bar for bar in bars if bar.isVisibleTo(self)]
            for bar in self._kiosk_hid:
                bar.setVisible(False)
            self.showFullScreen()
        else:
            for bar in self._kiosk_hid:
                bar.setVisible(True)
            self._kiosk_hid = []
            if self._was_maximized:
                self.showMaximized()
            else:
                self.showNormal()
        self.full_screen_action.setChecked(on)

    def redraw(self) -> None:
        """The display timer's work, for the visible view only."""
        if self.board_shown:
            self.board.redraw()
        else:
            self._war_room_seen |= self.war_room.isVisible()
            self.charts.redraw()

    def refresh_freshness(self) -> None:
        now = time.monotonic()
        for panel in self.panels:
            panel.refresh_freshness(now)
        self.board.refresh_freshness(now)

    def after_first_paint(self, callback: Callable[[], None]) -> None:
        """Run `callback` on the GUI thread once the window has painted, or after FIRST_PAINT_WAIT_MS.

        Start-up work on other threads (imports, the demo's emulators) competes with the GUI thread for
        the interpreter lock; started after the first paint, it no longer delays it."""
        self._after_paint.append(callback)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self, lambda: self._run_after_paint(callback))

    def _run_after_paint(self, callback: Callable[[], None]) -> None:
        if callback in self._after_paint:
            self._after_paint.remove(callback)
            callback()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        for callback in list(self._after_paint):
            # After this paint pass has reached the children, not in the middle of it.
            QTimer.singleShot(0, self, lambda callback=callback: self._run_after_paint(callback))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.display_timer.stop()
        self.text_timer.stop()
        super().closeEvent(event)
