"""The CDN in front of the shop: how much it absorbs, what it blocks, and how strict it is set."""

from __future__ import annotations

import time
from datetime import tzinfo

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QWidget

from console.observable import Observable
from console.views import CdnView, SourceHealth
from widgets.formatting import DASH
from widgets.panel import Panel


def security_level_name(level: str) -> str:
    """Cloudflare's security level in the interface language; "under attack" in capitals, as an alarm."""
    names = {
        "off": QCoreApplication.translate("CdnPanel", "off"),
        "essentially_off": QCoreApplication.translate("CdnPanel", "essentially off"),
        "low": QCoreApplication.translate("CdnPanel", "low"),
        "medium": QCoreApplication.translate("CdnPanel", "medium"),
        "high": QCoreApplication.translate("CdnPanel", "high"),
        "under_attack": QCoreApplication.translate("CdnPanel", "UNDER ATTACK"),
    }
    return names.get(level, level.replace("_", " "))


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
        super().__init__(QCoreApplication.translate("CdnPanel", "CDN"), health, tz=tz, locale=locale, parent=parent)
        self.cache = self.add_tile(self.tr("Cache share of bytes"), 0, 0)
        self.saved = self.add_tile(self.tr("Served from cache"), 0, 1)
        self.threats = self.add_tile(self.tr("Threats / min"), 1, 0)
        self.security = self.add_tile(self.tr("Security level"), 1, 1)
        self.watch(cdn, self._show)
        self.refresh_freshness(time.monotonic())

    def _show(self, view: CdnView | None) -> None:
        if view is None:
            for tile in self.tiles:
                tile.set_value(DASH)
            return
        n = self.numbers
        self.cache.set_value(n.percent(view.cache_share_percent), self.tr("recent minutes"))
        self.saved.set_value(n.bytes(view.bytes_saved), self.tr("origin did not send these"))
        self.threats.set_value(
            n.integer(view.threats_per_minute),
            self.tr("of {requests} requests · {visitors} visitors").format(
                requests=n.integer(view.requests_per_minute), visitors=n.integer(view.visitors_per_minute)),
        )
        level = security_level_name(view.security_level)
        attack = view.security_level == "under_attack"
        self.security.set_value(level, self.tr("challenge on every visit") if attack else "",
                                "alarm" if attack else "")
