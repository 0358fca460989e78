"""Each panel shows its view, updates on model change only, and greys with its source's health."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from console.observable import Observable
from console.snapshots import FailureKind, InstanceInfo, SourceName
from console.views import CdnView, FleetView, QueueView, SalesView, SourceHealth
from widgets.cdn_panel import CdnPanel
from widgets.fleet_panel import FleetPanel
from widgets.queue_panel import QueuePanel
from widgets.sales_panel import SalesPanel

POLISH = QLocale(QLocale.Language.Polish, QLocale.Country.Poland)
WARSAW = ZoneInfo("Europe/Warsaw")
OK_AT = datetime(2026, 12, 4, 9, 41, 5, tzinfo=UTC)  # 10:41:05 in Warsaw


def plain(text: str) -> str:
    """Locales group digits with no-break spaces; compare them as plain spaces."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def fresh(source: SourceName) -> Observable[SourceHealth]:
    return Observable(SourceHealth(source, OK_AT, last_ok_wall=time.monotonic(), stale_after=30.0))


def queue_view(**changes: object) -> QueueView:
    values: dict[str, object] = dict(
        queued=12_345, estimated_wait_seconds=245.0, admitted_per_minute=1480.0, admission_rate=1500,
        paused=False, status="admitting", control="shop",
    )
    values.update(changes)
    return QueueView(**values)  # type: ignore[arg-type]


def test_queue_panel_shows_the_queue_and_a_red_pause(qtbot: QtBot) -> None:
    queue: Observable[QueueView | None] = Observable(None)
    panel = QueuePanel(queue, fresh(SourceName.SHOP), locale=POLISH)
    qtbot.addWidget(panel)
    assert panel.queued.value_text == "—"

    queue.set(queue_view())
    assert plain(panel.queued.value_text) == "12 345"
    assert panel.wait.value_text == "4:05 min"
    assert plain(panel.admitted.value_text) == "1480"  # Polish groups from five digits up
    assert plain(panel.admitted.sub_text) == "rate set to 1500/min"
    assert (panel.status.value_text, panel.status.level) == ("admitting", "ok")

    queue.set(queue_view(paused=True, status="paused", estimated_wait_seconds=5400.0))
    assert (panel.status.value_text, panel.status.level) == ("PAUSED", "alarm")
    assert panel.wait.value_text == "1:30 h"

    queue.set(queue_view(queued=0, status="queue empty"))
    assert (panel.status.value_text, panel.status.level) == ("queue empty", "")


def test_queue_panel_names_the_waiting_room_when_cloudflare_admits(qtbot: QtBot) -> None:
    queue: Observable[QueueView | None] = Observable(
        queue_view(control="cloudflare", status="queueing", room_queued=12_345, room_status="queueing")
    )
    panel = QueuePanel(queue, fresh(SourceName.CLOUDFLARE))
    qtbot.addWidget(panel)
    assert panel.status.sub_text == "Cloudflare waiting room"
    assert panel.status.value_text == "queueing"


def test_stale_health_greys_every_tile_and_says_since_when(qtbot: QtBot) -> None:
    health = Observable(SourceHealth(SourceName.SHOP, OK_AT, last_ok_wall=1000.0, stale_after=10.0))
    panel = QueuePanel(Observable(queue_view()), health, tz=WARSAW)
    qtbot.addWidget(panel)
    panel.refresh_freshness(1003.0)
    assert all(not tile.is_stale for tile in panel.tiles)
    assert panel.queued.freshness == "updated 3 s ago"

    panel.refresh_freshness(1030.0)
    assert all(tile.is_stale for tile in panel.tiles)
    assert all(tile.freshness == "stale since 10:41:05" for tile in panel.tiles)


def test_a_health_change_shows_at_once_without_waiting_for_the_text_timer(qtbot: QtBot) -> None:
    health = fresh(SourceName.SHOP)
    panel = QueuePanel(Observable(queue_view()), health)
    qtbot.addWidget(panel)
    health.set(SourceHealth(SourceName.SHOP, OK_AT, last_ok_wall=time.monotonic(), error="HTTP 429",
                            failure=FailureKind.THROTTLED))
    assert all(tile.is_throttled for tile in panel.tiles)
    assert panel.queued.error_text == "last poll failed (throttled): HTTP 429"


def fleet_view(instances: tuple[InstanceInfo, ...]) -> FleetView:
    return FleetView(
        group_name="shop-web", desired=6, min_size=2, max_size=20, in_service=5,
        serving=sum(1 for i in instances if i.target_health == "healthy"), instances=instances,
        db_cpu_percent=61.4, db_connections=212.0, latency_ms=412.6, error_rate_percent=1.234,
    )


def test_fleet_panel_shows_capacity_and_each_instance(qtbot: QtBot) -> None:
    instances = (
        InstanceInfo("i-0a1b2c3d4e5f60001", "InService", "Healthy", "healthy", 55.0),
        InstanceInfo("i-0a1b2c3d4e5f60002", "InService", "Healthy", None, 12.0),
        InstanceInfo("i-0a1b2c3d4e5f60003", "InService", "Healthy", "initial", None),
        InstanceInfo("i-0a1b2c3d4e5f60004", "Pending", "Healthy", None, None),
        InstanceInfo("i-0a1b2c3d4e5f60005", "InService", "Unhealthy", "unhealthy", 99.0),
    )
    fleet: Observable[FleetView | None] = Observable(fleet_view(instances))
    panel = FleetPanel(fleet, fresh(SourceName.AWS))
    qtbot.addWidget(panel)
    assert panel.capacity.value_text == "1 / 6"
    assert panel.capacity.level == "warn"
    assert panel.capacity.sub_text == "5 in service · min 2 · max 20"
    assert panel.latency.value_text == "413 ms"
    assert panel.errors.value_text == "1.23 %"
    assert panel.db_cpu.value_text == "61 %"
    chips = panel.instances.chip_texts
    assert chips[0] == "…f60005 unhealthy 99%"  # problems first
    assert "…f60002 warming up 12%" in chips
    assert "…f60003 warming up" in chips
    assert "…f60004 launching" in chips
    assert panel.instances.chip_health() == ["unhealthy", "warming", "warming", "pending", "healthy"]


def test_fleet_panel_follows_the_model(qtbot: QtBot) -> None:
    fleet: Observable[FleetView | None] = Observable(None)
    panel = FleetPanel(fleet, fresh(SourceName.AWS))
    qtbot.addWidget(panel)
    assert panel.instances.chip_texts == []
    one = (InstanceInfo("i-1", "InService", "Healthy", "healthy", None),)
    fleet.set(fleet_view(one))
    assert panel.instances.chip_texts == ["i-1 healthy"]
    fleet.set(None)
    assert panel.capacity.value_text == "—"
    assert panel.instances.chip_texts == []


def cdn_view(level: str) -> CdnView:
    return CdnView(
        security_level=level, cache_share_percent=91.26, bytes_saved=12_400_000_000, threats_per_minute=1520,
        requests_per_minute=400_000, visitors_per_minute=13_000, room_status="queueing",
    )


def test_cdn_panel_highlights_under_attack(qtbot: QtBot) -> None:
    cdn: Observable[CdnView | None] = Observable(cdn_view("medium"))
    panel = CdnPanel(cdn, fresh(SourceName.CLOUDFLARE), locale=POLISH)
    qtbot.addWidget(panel)
    assert panel.cache.value_text == "91,3 %"
    assert panel.saved.value_text == "12,4 GB"
    assert plain(panel.threats.value_text) == "1520"
    assert (panel.security.value_text, panel.security.level) == ("medium", "")
    cdn.set(cdn_view("under_attack"))
    assert (panel.security.value_text, panel.security.level) == ("UNDER ATTACK", "alarm")


def sales_view(sold: int) -> SalesView:
    return SalesView(
        currency="PLN", tickets_sold=sold, capacity=20_000, remaining=20_000 - sold, revenue=1_234_567.4,
        sold_per_minute=340.0, categories=(("Płyta", sold, 20_000),),
    )


def test_sales_panel_formats_money_in_the_locale_and_fills_the_bar(qtbot: QtBot) -> None:
    sales: Observable[SalesView | None] = Observable(None)
    panel = SalesPanel(sales, fresh(SourceName.SHOP), locale=POLISH)
    qtbot.addWidget(panel)
    sales.set(sales_view(12_345))
    assert plain(panel.revenue.value_text) == "1 234 567 PLN"
    assert plain(panel.sold.value_text) == "12 345"
    assert plain(panel.sold.sub_text) == "of 20 000 · 61,7 %"
    assert panel.rate.value_text == "340"
    assert plain(panel.remaining.value_text) == "7655"
    assert plain(panel.remaining.sub_text) == "Płyta 7655"
    assert panel.progress.value() == 617
    assert panel.progress.format() == "61,7 % sold"
    sales.set(sales_view(20_000))
    assert (panel.remaining.value_text, panel.remaining.level) == ("SOLD OUT", "ok")


def test_a_deleted_panel_stops_listening(qtbot: QtBot) -> None:
    sales: Observable[SalesView | None] = Observable(None)
    health = fresh(SourceName.SHOP)
    panel = SalesPanel(sales, health)
    panel.deleteLater()
    qtbot.wait(10)  # let the deferred delete run
    sales.set(sales_view(100))  # would raise "Internal C++ object already deleted" if still subscribed
    health.set(SourceHealth(SourceName.SHOP, error="gone"))
    assert sales.subscribe(lambda _: None) is not None
