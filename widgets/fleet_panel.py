"""The web fleet: how many instances are asked for, running and actually serving, and how they cope."""

from __future__ import annotations

import time
from datetime import tzinfo

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QWidget

from console.observable import Observable
from console.views import FleetView, SourceHealth
from widgets.formatting import DASH
from widgets.instance_strip import InstanceStrip
from widgets.panel import Panel


class FleetPanel(Panel):
    def __init__(
        self,
        fleet: Observable[FleetView | None],
        health: Observable[SourceHealth],
        *,
        tz: tzinfo | None = None,
        locale: QLocale | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(QCoreApplication.translate("FleetPanel", "Fleet"), health, tz=tz, locale=locale,
                         parent=parent)
        self.capacity = self.add_tile(self.tr("Serving / desired"), 0, 0)
        self.latency = self.add_tile(self.tr("Latency"), 0, 1)
        self.errors = self.add_tile(self.tr("5xx"), 1, 0)
        self.db_cpu = self.add_tile(self.tr("Database CPU"), 1, 1)
        self.instances = InstanceStrip(self)
        self.add_below(self.instances)
        self.watch(fleet, self._show)
        self.refresh_freshness(time.monotonic())

    def _show(self, view: FleetView | None) -> None:
        if view is None:
            for tile in self.tiles:
                tile.set_value(DASH)
            self.instances.set_instances(())
            return
        n = self.numbers
        self.capacity.set_value(
            f"{view.serving} / {view.desired}",
            self.tr("{in_service} in service · min {min} · max {max}").format(
                in_service=view.in_service, min=view.min_size, max=view.max_size),
            "warn" if view.serving < view.desired else "",
        )
        latency = n.integer(view.latency_ms)
        self.latency.set_value(latency if latency == DASH else f"{latency} ms",
                               self.tr("average, load balancer to targets"))
        self.errors.set_value(n.percent(view.error_rate_percent, 2), self.tr("of requests, last minute"))
        connections = ("" if view.db_connections is None else
                       self.tr("{count} connections").format(count=n.integer(view.db_connections)))
        self.db_cpu.set_value(n.percent(view.db_cpu_percent, 0), connections)
        self.instances.set_instances(view.instances)

    def on_staleness(self, stale: bool) -> None:
        self.instances.set_stale(stale)
