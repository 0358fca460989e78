"""The queue in front of the shop: how many wait, how long, how fast they get in, and whether it is paused."""

from __future__ import annotations

import time
from datetime import tzinfo

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QWidget

from console.observable import Observable
from console.views import QueueView, SourceHealth
from widgets.formatting import DASH, wait_text
from widgets.panel import Panel


def gate_name(control: str) -> str:
    """The admission control in the interface language."""
    names = {"shop": QCoreApplication.translate("QueuePanel", "shop queue"),
             "cloudflare": QCoreApplication.translate("QueuePanel", "Cloudflare waiting room")}
    return names.get(control, control)


def status_name(status: str) -> str:
    """The queue's status (ours, or the waiting room's) in the interface language."""
    status = status.replace("_", " ")
    names = {"admitting": QCoreApplication.translate("QueuePanel", "admitting"),
             "queue empty": QCoreApplication.translate("QueuePanel", "queue empty"),
             "queueing": QCoreApplication.translate("QueuePanel", "queueing"),
             "not queueing": QCoreApplication.translate("QueuePanel", "not queueing"),
             "event prequeueing": QCoreApplication.translate("QueuePanel", "pre-queue before the event"),
             "suspended": QCoreApplication.translate("QueuePanel", "suspended")}
    return names.get(status, status)


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
        super().__init__(QCoreApplication.translate("QueuePanel", "Queue"), health, tz=tz, locale=locale,
                         parent=parent)
        self.queued = self.add_tile(self.tr("Queued"), 0, 0)
        self.wait = self.add_tile(self.tr("Estimated wait"), 0, 1)
        self.admitted = self.add_tile(self.tr("Admitted / min"), 1, 0)
        self.status = self.add_tile(self.tr("Admissions"), 1, 1)
        self.watch(queue, self._show)
        self.refresh_freshness(time.monotonic())

    def _show(self, view: QueueView | None) -> None:
        if view is None:
            for tile in self.tiles:
                tile.set_value(DASH)
            return
        n = self.numbers
        gate = gate_name(view.control)
        other = ""
        if view.control == "shop" and view.room_queued:
            other = self.tr("+ {count} in waiting room").format(count=n.integer(view.room_queued))
        self.queued.set_value(n.integer(view.queued), other or self.tr("in the {gate}").format(gate=gate))
        self.wait.set_value(wait_text(view.estimated_wait_seconds), self.tr("for someone joining now"))
        rate = self.tr("rate set to {rate}/min").format(rate=n.integer(view.admission_rate))
        self.admitted.set_value(n.integer(view.admitted_per_minute), rate)
        status = status_name(view.status)
        if view.paused:
            self.status.set_value(self.tr("PAUSED"), gate, "alarm")
        elif view.status == "admitting":
            self.status.set_value(status, gate, "ok")
        else:
            self.status.set_value(status, gate)
