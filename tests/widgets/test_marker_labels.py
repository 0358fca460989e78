"""Marker labels: the words once, on the top chart; a line with its tooltip on every chart."""

from __future__ import annotations

from datetime import UTC, datetime

import pyqtgraph as pg
from pytestqt.qtbot import QtBot

from console.markers import Marker, MarkerKind, Outcome
from widgets.marker_lines import MarkerLines

AT = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


def test_labels_only_on_the_top_chart_and_restyles_reach_every_line(qtbot: QtBot) -> None:
    view = pg.GraphicsLayoutWidget()
    qtbot.addWidget(view)
    plots = [view.addPlot(row=row, col=0) for row in range(3)]
    lines = MarkerLines(plots)
    marker = Marker("m1", AT, "+3 instances", MarkerKind.ACTION, Outcome.PENDING)
    lines.sync([marker])

    top, *others = lines.lines("m1")
    assert top.label.toPlainText() == "+3 instances (pending)"
    assert all(getattr(line, "label", None) is None for line in others)
    assert all("+3 instances" in line.toolTip() for line in (top, *others))

    lines.sync([Marker("m1", AT, "+3 instances", MarkerKind.ACTION, Outcome.OK)])
    assert top.label.toPlainText() == "+3 instances ✓"
    assert all("done" in line.toolTip() for line in lines.lines("m1"))
