"""The CDN in front of the shop: how much it absorbs, what it blocks, and how strict it is set."""

from __future__ import annotations

import time
from datetime import tzinfo

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget

from console.observable import Observable
from console.views import CdnView, SourceHealth
from widgets.formatting import DASH
from widgets.panel import Panel

SECURITY_LEVELS = {
    "off": "off",
    "essentially_off": "essentially off",
    "low": "low",
    "medium": "medium",
    "high": "high",
    "under_attack": "UNDER ATTACK",
}


class CdnPanel(Panel):
    def __init__(
        self,
        cdn: Observable[CdnView | None],
        health: Observable[SourceHealth],
        *,
        tz: tzinfo | None = None,
        locale: QLocale | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("CDN", health, tz=tz, locale=locale, parent=parent)
        self.cache = self.add_tile("Cache share of bytes", 0, 0)
        self.saved = self.add_tile("Served from cache", 0, 1)
        self.threats = self.add_tile("Threats / min", 1, 0)
        self.security = self.add_tile("Security level", 1, 1)
        self.watch(cdn, self._show)
        self.refresh_freshness(time.monotonic())

    def _show(self, view: CdnView | None) -> None:
        if view is None:
            for tile in self.tiles:
                tile.set_value(DASH)
            return
        n = self.numbers
        self.cache.set_value(n.percent(view.cache_share_percent), "recent minutes")
        self.saved.set_value(n.bytes(view.bytes_saved), "origin did not send these")
        self.threats.set_value(
            n.integer(view.threats_per_minute),
            f"of {n.integer(view.requests_per_minute)} requests · {n.integer(view.visitors_per_minute)} visitors",
        )
        level = SECURITY_LEVELS.get(view.security_level, view.security_level.replace("_", " "))
        attack = view.security_level == "under_attack"
        self.security.set_value(level, "challenge on every visit" if attack else "", "alarm" if attack else "")
