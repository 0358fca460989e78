"""The promoter's wall board: how the sale goes, in numbers readable from across the room.

No infrastructure here and no controls at all: tickets, pace, money, the queue in front of the shop,
and when the house sells out. It reads the same CampaignState as the war-room view and greys a
figure, like a tile, when the source behind it has gone quiet.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from console.decimate import minmax_decimate
from console.forecast import RATE_WINDOW_S, Sellout, SelloutKind
from console.observable import Observable
from console.series import SeriesKey
from console.snapshots import SourceName
from console.state import CampaignState
from console.views import CdnView, QueueView, SalesView, SourceHealth
from widgets import palette
from widgets.fit_label import FitLabel
from widgets.formatting import DASH, Numbers, wait_text
from widgets.theme import set_style_property
from widgets.tile import Level, freshness_text, is_greyed

PROGRESS_STEPS = 1000
HEADROOM = 1.12


class BoardFigure(QFrame):
    """A caption, one big value and a line under it; `hero` makes the value the biggest on the board."""

    def __init__(self, caption: str, parent: QWidget | None = None, *, hero: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("boardFigure")
        self.setProperty("stale", "false")
        self._caption = FitLabel(caption, self)
        self._caption.setObjectName("boardCaption")
        self._value = FitLabel(DASH, self)
        self._value.setObjectName("boardHero" if hero else "boardValue")
        self._value.setProperty("level", "")
        self._sub = FitLabel("", self)
        self._sub.setObjectName("boardSub")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 14)
        layout.setSpacing(0)
        for label in (self._caption, self._value, self._sub):
            layout.addWidget(label)

    def set_value(self, value: str, sub: str = "", level: Level = "") -> None:
        if self._value.text() != value:
            self._value.setText(value)
        if self._sub.text() != sub:
            self._sub.setText(sub)
        set_style_property(self._value, "level", level)

    def set_stale(self, stale: bool) -> None:
        set_style_property(self, "stale", "true" if stale else "false")

    @property
    def caption_text(self) -> str:
        return self._caption.text()

    @property
    def value_text(self) -> str:
        return self._value.text()

    @property
    def sub_text(self) -> str:
        return self._sub.text()

    @property
    def level(self) -> str:
        return str(self._value.property("level"))

    @property
    def is_stale(self) -> bool:
        return self.property("stale") == "true"

    @property
    def value_label(self) -> QLabel:
        return self._value


class BoardView(QFrame):
    """`queue_source` is the source behind the queue (the shop's or Cloudflare's waiting room)."""

    def __init__(
        self,
        state: CampaignState,
        queue_source: SourceName,
        *,
        tz: tzinfo | None = None,
        locale: QLocale | None = None,
        window_seconds: float = 3 * 3600,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("board")
        self.numbers = Numbers(locale)
        self._tz = tz
        self._series = state.series
        self._window = float(window_seconds)
        self._drawn: tuple[int, int] | None = None
        self._health = {"sales": state.health[SourceName.SHOP], "queue": state.health[queue_source],
                        "visitors": state.health[SourceName.CLOUDFLARE]}

        self.sold = BoardFigure(self.tr("Tickets sold"), self, hero=True)
        self.percent = BoardFigure(self.tr("Sold"), self, hero=True)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("boardProgress")
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.rate = BoardFigure(self.tr("Tickets per minute"), self)
        self.revenue = BoardFigure(self.tr("Revenue"), self)
        self.forecast = BoardFigure(self.tr("Sell-out at this pace"), self)
        self.queued = BoardFigure(self.tr("In the queue"), self)
        self.wait = BoardFigure(self.tr("Wait in the queue"), self)
        self.visitors = BoardFigure(self.tr("Visitors per minute"), self)
        self._spark_caption = FitLabel(self.tr("Tickets per minute"), self)
        self._spark_caption.setObjectName("boardCaption")
        self.sparkline, self.curve = self._make_sparkline()
        self.freshness = FitLabel("", self)
        self.freshness.setObjectName("boardFreshness")
        self._lay_out()

        self._groups: dict[str, tuple[QWidget, ...]] = {
            "sales": (self.sold, self.percent, self.rate, self.revenue, self.forecast, self.progress),
            "queue": (self.queued, self.wait),
            "visitors": (self.visitors,),
        }
        unsubscribers: list[Callable[[], None]] = []
        self.destroyed.connect(lambda *_: [unsubscribe() for unsubscribe in unsubscribers])
        watched: tuple[tuple[Observable[Any], Callable[[Any], None]], ...] = (
            (state.sales, self._show_sales), (state.queue, self._show_queue), (state.cdn, self._show_cdn))
        for model, show in watched:
            unsubscribers.append(model.subscribe(show))
            show(model.value)
        for health in {id(h): h for h in self._health.values()}.values():
            unsubscribers.append(health.subscribe(lambda _h: self.refresh_freshness(time.monotonic())))
        self.refresh_freshness(time.monotonic())

    def _make_sparkline(self) -> tuple[pg.PlotWidget, pg.PlotDataItem]:
        plot = pg.PlotWidget(self, background=palette.BACKGROUND)
        plot.setObjectName("boardSparkline")
        item = plot.getPlotItem()
        item.hideButtons()
        item.setMenuEnabled(False)
        item.setMouseEnabled(x=False, y=False)
        for side in ("left", "bottom"):
            item.hideAxis(side)
        item.getViewBox().setDefaultPadding(0.0)
        curve = pg.PlotDataItem(pen=pg.mkPen(palette.GREEN, width=4), fillLevel=0.0,
                                brush=pg.mkBrush(palette.GREEN + "38"))
        item.addItem(curve)
        plot.setMinimumHeight(60)
        return plot, curve

    def _lay_out(self) -> None:
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(14)
        grid.addWidget(self.sold, 0, 0, 1, 2)
        grid.addWidget(self.percent, 0, 2)
        grid.addWidget(self.progress, 1, 0, 1, 3)
        for column, figure in enumerate((self.rate, self.revenue, self.forecast)):
            grid.addWidget(figure, 2, column)
        for column, figure in enumerate((self.queued, self.wait, self.visitors)):
            grid.addWidget(figure, 3, column)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 12)
        layout.setSpacing(8)
        layout.addLayout(grid)
        layout.addSpacing(6)
        layout.addWidget(self._spark_caption)
        layout.addWidget(self.sparkline, 1)
        layout.addWidget(self.freshness)

    # ------------------------------------------------------------ the figures

    def _show_sales(self, view: SalesView | None) -> None:
        if view is None:
            for figure in (self.sold, self.percent, self.rate, self.revenue, self.forecast):
                figure.set_value(DASH)
            self.progress.setValue(0)
            return
        n = self.numbers
        sold_out = view.capacity > 0 and view.remaining == 0
        self.sold.set_value(n.integer(view.tickets_sold),
                            self.tr("of {capacity} · {remaining} left").format(
                                capacity=n.integer(view.capacity), remaining=n.integer(view.remaining)))
        self.percent.set_value(n.percent(view.percent_sold), self.tr("of the house"), "ok" if sold_out else "")
        self.progress.setValue(round(min(view.percent_sold, 100.0) * PROGRESS_STEPS / 100.0))
        self.rate.set_value(n.integer(view.sold_per_minute),
                            self.tr("last {minutes} min · {orders} orders/min").format(
                                minutes=round(RATE_WINDOW_S / 60), orders=n.integer(view.orders_per_minute)))
        self.revenue.set_value(n.money(view.revenue, view.currency))
        value, sub, level = self.sellout_text(view.sellout, view.sold_per_minute)
        self.forecast.set_value(value, sub, level)

    def sellout_text(self, sellout: Sellout, rate: float | None) -> tuple[str, str, Level]:
        """(value, line under it, level) for the sell-out figure."""
        n = self.numbers
        if sellout.kind == SelloutKind.SOLD_OUT:
            when = "" if sellout.at is None else n.time_of_day(sellout.at, self._tz)
            return self.tr("SOLD OUT"), self.tr("sold out at {time}").format(time=when) if when else "", "ok"
        if sellout.kind == SelloutKind.FORECAST and sellout.at is not None:
            return n.time_of_day(sellout.at, self._tz, sellout.as_of), self.tr("if the current pace holds"), ""
        if rate is None:
            return DASH, self.tr("measuring the pace…"), ""
        return DASH, self.tr("no sell-out at the current pace"), ""

    def _show_queue(self, view: QueueView | None) -> None:
        if view is None:
            self.queued.set_value(DASH)
            self.wait.set_value(DASH)
            return
        paused = view.paused
        self.queued.set_value(self.numbers.integer(view.queued),
                              self.tr("entry paused") if paused else self.tr("people waiting"),
                              "warn" if paused else "")
        self.wait.set_value(wait_text(view.estimated_wait_seconds), self.tr("for someone joining now"))

    def _show_cdn(self, view: CdnView | None) -> None:
        if view is None:
            self.visitors.set_value(DASH)
            return
        self.visitors.set_value(self.numbers.integer(view.visitors_per_minute), self.tr("on the site, last minute"))

    # ------------------------------------------------------------ the window's timers

    def redraw(self) -> bool:
        """Bring the sparkline up to date; False, having done nothing, when nothing changed or it is hidden."""
        if not self.isVisible():
            return False
        columns = max(self.sparkline.width(), 100)
        key = (self._series.version, columns)
        if key == self._drawn:
            return False
        self._drawn = key
        t, v = self._series[SeriesKey.SOLD_RATE].arrays()
        if len(t) == 0:
            self.curve.setData([], [])
            return True
        x_max = float(t[-1])
        x_min = max(float(t[0]), x_max - self._window)
        ts, vs = minmax_decimate(t, v, x_min, x_max, columns)
        self.curve.setData(ts, vs)
        item = self.sparkline.getPlotItem()
        item.setXRange(x_min, max(x_max, x_min + 60.0), padding=0)
        top = float(np.nanmax(vs)) if len(vs) and not np.isnan(vs).all() else 0.0
        item.setYRange(0.0, max(top, 1.0) * HEADROOM, padding=0)
        since = self.numbers.time_of_day(datetime.fromtimestamp(x_min, UTC), self._tz)
        self._spark_caption.setText(self.tr("Tickets per minute since {time}").format(time=since))
        return True

    def refresh_freshness(self, monotonic_now: float) -> None:
        """Grey each figure with its own source, and say on one line how fresh each is."""
        names = {"sales": self.tr("Sales"), "queue": self.tr("Queue"), "visitors": self.tr("Visitors")}
        parts = []
        for group, observable in self._health.items():
            health: SourceHealth = observable.value
            stale = is_greyed(health, monotonic_now)
            for widget in self._groups[group]:
                if isinstance(widget, BoardFigure):
                    widget.set_stale(stale)
                else:
                    set_style_property(widget, "stale", "true" if stale else "false")
            clock = None if health.last_ok_at is None else self.numbers.time_of_day(health.last_ok_at, self._tz)
            parts.append(f"{names[group]}: {freshness_text(health, monotonic_now, clock)}")
        text = "   ·   ".join(parts)
        if self.freshness.text() != text:
            self.freshness.setText(text)
