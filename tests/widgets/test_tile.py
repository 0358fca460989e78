"""A tile tells its value's age: waiting, updated N ago, or greyed and stale since the last success."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from console.snapshots import FailureKind, SourceName
from console.views import SourceHealth
from widgets import palette
from widgets.tile import Tile

OK_AT = datetime(2026, 12, 4, 9, 41, 5, tzinfo=UTC)


def text_colour(tile: Tile) -> QColor:
    return tile.value_label.palette().color(QPalette.ColorRole.WindowText)


def make_tile(qtbot: QtBot) -> Tile:
    tile = Tile("Queued")
    qtbot.addWidget(tile)
    tile.show()
    return tile


def test_before_any_data_the_tile_waits_without_greying(qtbot: QtBot) -> None:
    tile = make_tile(qtbot)
    tile.set_freshness(SourceHealth(SourceName.SHOP), 100.0, None)
    assert tile.value_text == "—"
    assert tile.freshness == "waiting for data…"
    assert not tile.is_stale
    assert tile.error_text == ""


def test_fresh_data_shows_its_age(qtbot: QtBot) -> None:
    tile = make_tile(qtbot)
    tile.set_value("12 000", "in the shop queue")
    health = SourceHealth(SourceName.SHOP, OK_AT, last_ok_wall=100.0, stale_after=10.0)
    tile.set_freshness(health, 103.4, "10:41:05")
    assert (tile.value_text, tile.sub_text) == ("12 000", "in the shop queue")
    assert tile.freshness == "updated 3 s ago"
    assert not tile.is_stale
    assert text_colour(tile) == QColor(palette.TEXT)


def test_stale_data_greys_out_and_says_since_when_and_why(qtbot: QtBot) -> None:
    tile = make_tile(qtbot)
    tile.set_value("12 000")
    health = SourceHealth(
        SourceName.SHOP, OK_AT, last_ok_wall=100.0, error="connection refused",
        failure=FailureKind.UNREACHABLE, stale_after=10.0,
    )
    tile.set_freshness(health, 125.0, "10:41:05")
    assert tile.is_stale
    assert tile.freshness == "stale since 10:41:05"
    assert tile.error_text == "last poll failed (cannot reach the backend): connection refused"
    assert not tile.is_throttled
    assert text_colour(tile) == QColor(palette.DIM)
    assert tile.value_text == "12 000"  # the last value stays readable, just greyed

    tile.set_freshness(SourceHealth(SourceName.SHOP, OK_AT, last_ok_wall=130.0, stale_after=10.0), 131.0, "10:41:35")
    assert not tile.is_stale
    assert tile.error_text == ""
    assert text_colour(tile) == QColor(palette.TEXT)


def test_a_failure_before_it_went_stale_shows_the_error_but_keeps_colour(qtbot: QtBot) -> None:
    tile = make_tile(qtbot)
    health = SourceHealth(SourceName.SHOP, OK_AT, last_ok_wall=100.0, error="HTTP 502", stale_after=60.0)
    tile.set_freshness(health, 105.0, "10:41:05")
    assert tile.freshness == "updated 5 s ago"
    assert tile.error_text == "last poll failed: HTTP 502"
    assert not tile.is_stale


def test_throttling_shows_a_badge(qtbot: QtBot) -> None:
    tile = make_tile(qtbot)
    health = SourceHealth(
        SourceName.CLOUDFLARE, OK_AT, last_ok_wall=100.0, error="HTTP 429", failure=FailureKind.THROTTLED,
        stale_after=60.0,
    )
    tile.set_freshness(health, 101.0, "10:41:05")
    assert tile.is_throttled
    tile.set_freshness(SourceHealth(SourceName.CLOUDFLARE, OK_AT, last_ok_wall=102.0), 103.0, "10:41:07")
    assert not tile.is_throttled


def test_failing_from_the_start_is_greyed_with_no_data_yet(qtbot: QtBot) -> None:
    tile = make_tile(qtbot)
    health = SourceHealth(SourceName.AWS, error="ExpiredToken", failure=FailureKind.AUTH)
    tile.set_freshness(health, 100.0, None)
    assert tile.freshness == "no data yet"
    assert tile.is_stale
    assert tile.error_text == "credentials rejected (renew them, then Reconnect): ExpiredToken"


def test_alarm_level_colours_the_value(qtbot: QtBot) -> None:
    tile = make_tile(qtbot)
    tile.set_value("PAUSED", level="alarm")
    assert tile.level == "alarm"
    assert text_colour(tile) == QColor(palette.ALARM)
    tile.set_value("admitting", level="")
    assert text_colour(tile) == QColor(palette.TEXT)


def test_long_ages_read_in_minutes(qtbot: QtBot) -> None:
    tile = make_tile(qtbot)
    tile.set_freshness(SourceHealth(SourceName.AWS, OK_AT, last_ok_wall=0.0, stale_after=900.0), 250.0, "10:41:05")
    assert tile.freshness == "updated 4 min ago"


def test_an_error_takes_the_sub_lines_place_so_the_tile_keeps_its_height(qtbot: QtBot) -> None:
    tile = make_tile(qtbot)
    tile.set_value("12 000", "in the shop queue")
    fresh = SourceHealth(SourceName.SHOP, OK_AT, last_ok_wall=100.0, stale_after=10.0)
    tile.set_freshness(fresh, 101.0, "10:41:05")
    height = tile.sizeHint().height()
    failing = SourceHealth(SourceName.SHOP, OK_AT, last_ok_wall=100.0, error="HTTP 502", stale_after=10.0)
    tile.set_freshness(failing, 102.0, "10:41:05")
    assert tile.error_text == "last poll failed: HTTP 502"
    assert tile.sizeHint().height() == height  # no re-layout of the window when a source fails
    tile.set_freshness(fresh, 103.0, "10:41:05")
    assert tile.error_text == "" and tile.sub_text == "in the shop queue"
    assert tile.sizeHint().height() == height
