"""The point of the day: tickets sold, how fast, for how much, and how many are left."""

from __future__ import annotations

import time
from datetime import tzinfo

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QProgressBar, QWidget

from console.forecast import RATE_WINDOW_S
from console.observable import Observable
from console.views import SalesView, SourceHealth
from widgets.formatting import DASH
from widgets.panel import Panel
from widgets.theme import set_style_property

PROGRESS_STEPS = 1000  # a tenth of a percent per step


class SalesPanel(Panel):
    def __init__(
        self,
        sales: Observable[SalesView | None],
        health: Observable[SourceHealth],
        *,
        tz: tzinfo | None = None,
        locale: QLocale | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(QCoreApplication.translate("SalesPanel", "Sales"), health, tz=tz, locale=locale,
                         parent=parent)
        self.sold = self.add_tile(self.tr("Tickets sold"), 0, 0)
        self.rate = self.add_tile(self.tr("Tickets / min"), 0, 1)
        self.revenue = self.add_tile(self.tr("Revenue"), 1, 0)
        self.remaining = self.add_tile(self.tr("Remaining"), 1, 1)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setValue(0)
        self.progress.setFormat("")
        self.add_below(self.progress)
        self.watch(sales, self._show)
        self.refresh_freshness(time.monotonic())

    def _show(self, view: SalesView | None) -> None:
        if view is None:
            for tile in self.tiles:
                tile.set_value(DASH)
            self.progress.setValue(0)
            self.progress.setFormat("")
            return
        n = self.numbers
        percent = n.percent(view.percent_sold)
        self.sold.set_value(n.integer(view.tickets_sold),
                            self.tr("of {capacity} · {percent}").format(capacity=n.integer(view.capacity),
                                                                        percent=percent))
        self.rate.set_value(n.integer(view.sold_per_minute),
                            self.tr("last {minutes} min · {orders} orders/min").format(
                                minutes=round(RATE_WINDOW_S / 60), orders=n.integer(view.orders_per_minute)))
        self.revenue.set_value(n.money(view.revenue, view.currency))
        sold_out = view.capacity > 0 and view.remaining == 0
        self.remaining.set_value(
            self.tr("SOLD OUT") if sold_out else n.integer(view.remaining),
            " · ".join(f"{name} {n.integer(max(capacity - sold, 0))}" for name, sold, capacity in view.categories),
            "ok" if sold_out else "",
        )
        self.progress.setValue(round(min(view.percent_sold, 100.0) * PROGRESS_STEPS / 100.0))
        self.progress.setFormat(self.tr("{percent} sold").format(percent=percent))

    def on_staleness(self, stale: bool) -> None:
        set_style_property(self.progress, "stale", "true" if stale else "false")
