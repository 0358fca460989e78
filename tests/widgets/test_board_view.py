"""The promoter's board: the model's figures in big type, the sell-out forecast, a sparkline, no controls."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import timedelta

import numpy as np
from PySide6.QtWidgets import QAbstractButton, QAbstractSlider, QAbstractSpinBox, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from console.forecast import Sellout, SelloutKind
from console.series import SeriesKey
from console.snapshots import SourceName
from console.state import CampaignState
from console.views import SourceHealth
from tests.widgets.preview import POLISH, WARSAW
from tests.widgets.synthetic import NOW, ONSALE, sale_day
from widgets.board_view import BoardView
from widgets.fit_label import FitLabel
from widgets.formatting import wait_text


def plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def board_over(qtbot: QtBot, state: CampaignState) -> BoardView:
    board = BoardView(state, SourceName.SHOP, tz=WARSAW, locale=POLISH)
    qtbot.addWidget(board)
    board.resize(1920, 1000)
    board.show()
    qtbot.waitExposed(board)
    return board


def test_board_shows_the_models_figures(qtbot: QtBot) -> None:
    state = sale_day(time.monotonic())
    board = board_over(qtbot, state)
    sales, queue, cdn = state.sales.value, state.queue.value, state.cdn.value
    assert sales is not None and queue is not None and cdn is not None

    assert plain(board.sold.value_text) == "14 279" and sales.tickets_sold == 14_279
    assert plain(board.sold.sub_text) == "of 20 000 · 5721 left"
    assert plain(board.percent.value_text) == "71,4 %"
    assert board.progress.value() == 714
    assert plain(board.revenue.value_text) == "5 268 721 PLN"
    assert sales.sold_per_minute is not None and board.rate.value_text == str(round(sales.sold_per_minute))
    assert board.rate.value_text == "340"  # tickets a minute, measured on the sold series
    assert plain(board.queued.value_text) == "11 800" and queue.queued == 11_800
    assert board.wait.value_text == wait_text(queue.estimated_wait_seconds)
    assert board.visitors.value_text == POLISH.toString(cdn.visitors_per_minute) == "5529"  # grouped from 5 digits

    # 5721 left at 340 a minute from 10:42 Warsaw time: sold out at 10:58 if the pace holds.
    assert sales.sellout.kind == SelloutKind.FORECAST
    assert board.forecast.value_text == "10:58"
    assert board.forecast.sub_text == "if the current pace holds"


def test_board_follows_the_model_and_says_sold_out_when(qtbot: QtBot) -> None:
    state = sale_day(time.monotonic())
    board = board_over(qtbot, state)
    sales = state.sales.value
    assert sales is not None
    sold_at = ONSALE + timedelta(minutes=59, seconds=30)  # 10:59:30 in Warsaw
    state.sales.set(replace(sales, tickets_sold=20_000, remaining=0, sellout=Sellout(SelloutKind.SOLD_OUT, sold_at)))
    assert plain(board.sold.value_text) == "20 000"
    assert (board.forecast.value_text, board.forecast.sub_text, board.forecast.level) == (
        "SOLD OUT", "sold out at 10:59", "ok")
    assert (plain(board.percent.value_text), board.percent.level) == ("100,0 %", "ok")
    assert board.progress.value() == board.progress.maximum()

    state.sales.set(None)
    assert board.sold.value_text == "—" and board.progress.value() == 0


def test_sellout_line_when_there_is_no_pace_or_it_is_another_day(qtbot: QtBot) -> None:
    board = board_over(qtbot, sale_day(time.monotonic()))
    unknown = Sellout(SelloutKind.NO_PACE)
    assert board.sellout_text(unknown, None) == ("—", "measuring the pace…", "")
    assert board.sellout_text(unknown, 0.0) == ("—", "no sell-out at the current pace", "")
    tomorrow = Sellout(SelloutKind.FORECAST, NOW + timedelta(hours=20), NOW)
    value, _, _ = board.sellout_text(tomorrow, 10.0)
    assert value == "sob. 06:42"  # a Saturday, in Polish, in the campaign's time zone


def test_figures_grey_with_their_own_source(qtbot: QtBot) -> None:
    state = sale_day(time.monotonic(), cloudflare_stale=True)
    board = board_over(qtbot, state)
    board.refresh_freshness(time.monotonic())
    assert board.visitors.is_stale
    assert not board.sold.is_stale and not board.queued.is_stale
    assert "Visitors: stale since" in board.freshness.text()
    assert "Sales: updated" in board.freshness.text()

    shop = state.health[SourceName.SHOP]
    shop.set(SourceHealth(SourceName.SHOP, shop.value.last_ok_at, last_ok_wall=time.monotonic() - 600,
                          stale_after=30.0))
    assert board.sold.is_stale and board.forecast.is_stale and board.progress.property("stale") == "true"


def test_sparkline_draws_tickets_per_minute_from_the_series(qtbot: QtBot) -> None:
    state = sale_day(time.monotonic())
    board = board_over(qtbot, state)
    assert board.redraw()
    assert not board.redraw()  # nothing changed, nothing done
    t, v = state.series[SeriesKey.SOLD_RATE].arrays()
    x, y = board.curve.getData()
    assert x is not None and y is not None
    assert x[-1] == t[-1] and np.nanmax(y) == np.nanmax(v)
    assert board.redraw() is False
    board.hide()
    state.series.add(SeriesKey.SOLD_RATE, float(t[-1]) + 60.0, 999.0)
    assert not board.redraw()  # hidden: no work


def test_the_board_has_no_controls(qtbot: QtBot) -> None:
    board = board_over(qtbot, sale_day(time.monotonic()))
    for kind in (QAbstractButton, QAbstractSpinBox, QAbstractSlider, QComboBox, QLineEdit):
        assert [widget for widget in board.findChildren(kind) if widget.isVisible()] == [], kind


def test_a_long_figure_shrinks_to_fit_instead_of_widening(qtbot: QtBot) -> None:
    label = FitLabel("1 234 567 890 PLN")
    qtbot.addWidget(label)
    label.setStyleSheet("font-size: 84px;")
    label.resize(200, 120)
    label.show()
    assert label.fitted_font().pixelSize() < 84
    label.setText("7")
    assert label.fitted_font().pixelSize() == 84
    assert label.minimumSizeHint().width() == 0


def test_a_deleted_board_stops_listening(qtbot: QtBot) -> None:
    state = sale_day(time.monotonic())
    board = BoardView(state, SourceName.SHOP)
    board.deleteLater()
    qtbot.wait(10)  # let the deferred delete run
    state.sales.set(None)  # would raise "Internal C++ object already deleted" if still subscribed
    state.health[SourceName.SHOP].set(SourceHealth(SourceName.SHOP, error="gone"))
