"""The queue in front of the shop: how many wait, how long, how fast they get in, and whether it is paused."""

from __future__ import annotations

import time
from datetime import tzinfo

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget

from console.observable import Observable
from console.views import QueueView, SourceHealth
from widgets.formatting import DASH, wait_text
from widgets.panel import Panel

GATES = {"shop": "shop queue", "cloudflare": "Cloudflare waiting room"}


class QueuePanel(Panel):
    """Fed by the admission control the campaign uses; `health` is that source's (shop or Cloudflare)."""

    def __init__(
        self,
        queue: Observable[QueueView | None],
        health: Observable[SourceHealth],
        *,
        tz: tzinfo | None = None,
        locale: QLocale | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Queue", health, tz=tz, locale=locale, parent=parent)
        self.queued = self.add_tile("Queued", 0, 0)
        self.wait = self.add_tile("Estimated wait", 0, 1)
        self.admitted = self.add_tile("Admitted / min", 1, 0)
        self.status = self.add_tile("Admissions", 1, 1)
        self.watch(queue, self._show)
        self.refresh_freshness(time.monotonic())

    def _show(self, view: QueueView | None) -> None:
        if view is None:
            for tile in self.tiles:
                tile.set_value(DASH)
            return
        n = self.numbers
        gate = GATES.get(view.control, view.control)
        other = ""
        if view.control == "shop" and view.room_queued:
            other = f"+ {n.integer(view.room_queued)} in waiting room"
        self.queued.set_value(n.integer(view.queued), other or f"in the {gate}")
        self.wait.set_value(wait_text(view.estimated_wait_seconds), "for someone joining now")
        rate = f"rate set to {n.integer(view.admission_rate)}/min"
        self.admitted.set_value(n.integer(view.admitted_per_minute), rate)
        if view.paused:
            self.status.set_value("PAUSED", gate, "alarm")
        elif view.status == "admitting":
            self.status.set_value("admitting", gate, "ok")
        else:
            self.status.set_value(view.status.replace("_", " "), gate)
