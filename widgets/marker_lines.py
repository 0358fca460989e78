"""Operator actions and alerts as labelled vertical lines across every chart.

A line on every chart lets the eye connect cause and effect: "scale out" here, latency falls there.
Lines are made once per marker and restyled in place when the outcome arrives.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QPen

from console.markers import Marker, MarkerKind, Outcome
from widgets import palette
from widgets.text import render

OUTCOME_COLOURS = {Outcome.PENDING: palette.WARN, Outcome.OK: palette.OK, Outcome.FAILED: palette.ALARM}
OUTCOME_SIGNS = {Outcome.PENDING: str(QT_TRANSLATE_NOOP("MarkerLines", " (pending)")), Outcome.OK: " ✓",
                 Outcome.FAILED: " ✗"}
# English source text of the tooltip's words, translated when shown.
KIND_NAMES = {MarkerKind.ACTION: str(QT_TRANSLATE_NOOP("MarkerLines", "action")),
              MarkerKind.ALERT: str(QT_TRANSLATE_NOOP("MarkerLines", "alert"))}
OUTCOME_NAMES = {Outcome.PENDING: str(QT_TRANSLATE_NOOP("MarkerLines", "pending")),
                 Outcome.OK: str(QT_TRANSLATE_NOOP("MarkerLines", "done")),
                 Outcome.FAILED: str(QT_TRANSLATE_NOOP("MarkerLines", "failed"))}
# Heights of the labels as fractions of the chart, taken in turn so that neighbours do not overprint;
# the top one stays clear of the title and legend row.
LABEL_LEVELS = (0.52, 0.35, 0.18)


def marker_colour(marker: Marker) -> str:
    return palette.ALERT if marker.kind == MarkerKind.ALERT else OUTCOME_COLOURS[marker.outcome]


def marker_pen(marker: Marker) -> QPen:
    """Actions: solid once settled, dashed while pending. Alerts: dotted, in their own colour."""
    pen = QPen(QColor(marker_colour(marker)))
    pen.setWidth(2)
    pen.setCosmetic(True)
    if marker.kind == MarkerKind.ALERT:
        pen.setStyle(Qt.PenStyle.DotLine)
    elif marker.outcome == Outcome.PENDING:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def _tr(text: str) -> str:
    return QCoreApplication.translate("MarkerLines", text)


def marker_text(marker: Marker) -> str:
    """The label above the line, in the interface's language."""
    if marker.kind == MarkerKind.ALERT:
        return f"⚠ {render(marker.label)}"
    return render(marker.label) + _tr(OUTCOME_SIGNS[marker.outcome])


def _label_format(text: str) -> str:
    """InfLineLabel runs its text through str.format; braces in a label must not be read as fields."""
    return text.replace("{", "{{").replace("}", "}}")


class MarkerLines:
    """Keeps, for each marker, one line on each plot, labelled on the first (top) plot only: the same
    words on every chart of the stack would cover the curves five times over. The others carry the
    words in their tooltip."""

    def __init__(self, plots: Sequence[pg.PlotItem], tz: tzinfo | None = None) -> None:
        self._plots = tuple(plots)
        self._tz = tz
        self._shown: dict[str, Marker] = {}
        self._lines: dict[str, list[pg.InfiniteLine]] = {}
        self._made = 0

    def sync(self, markers: Sequence[Marker]) -> None:
        wanted = {m.marker_id: m for m in markers}
        for marker_id in list(self._lines):
            if marker_id not in wanted:
                for plot, line in zip(self._plots, self._lines.pop(marker_id), strict=True):
                    plot.removeItem(line)
                del self._shown[marker_id]
        for marker_id, marker in wanted.items():
            if marker_id not in self._lines:
                level = LABEL_LEVELS[self._made % len(LABEL_LEVELS)]
                self._lines[marker_id] = [self._make_line(plot, marker, level if index == 0 else None)
                                          for index, plot in enumerate(self._plots)]
                self._made += 1
            elif self._shown[marker_id] != marker:
                for line in self._lines[marker_id]:
                    self._restyle(line, marker)
            self._shown[marker_id] = marker

    def _make_line(self, plot: pg.PlotItem, marker: Marker, level: float | None) -> pg.InfiniteLine:
        """A line with its label at `level` (a fraction of the chart's height), or bare for None."""
        colour = marker_colour(marker)
        labelled = level is not None
        line = pg.InfiniteLine(
            pos=marker.at.timestamp(),
            angle=90,
            movable=False,
            pen=marker_pen(marker),
            label=_label_format(marker_text(marker)) if labelled else None,
            labelOpts={"position": level, "color": colour, "fill": pg.mkBrush(palette.BACKGROUND + "d0")}
            if labelled else {},
        )
        line.setZValue(50)
        line.setToolTip(self._tooltip(marker))
        plot.addItem(line, ignoreBounds=True)
        return line

    def _restyle(self, line: pg.InfiniteLine, marker: Marker) -> None:
        line.setPen(marker_pen(marker))
        line.setValue(marker.at.timestamp())
        line.setToolTip(self._tooltip(marker))
        label = getattr(line, "label", None)  # pyqtgraph sets the attribute only on labelled lines
        if label is None:
            return
        label.format = _label_format(marker_text(marker))
        label.setColor(marker_colour(marker))
        label.valueChanged()

    def _tooltip(self, marker: Marker) -> str:
        if marker.kind == MarkerKind.ALERT:
            return f"{marker.at.astimezone(self._tz):%H:%M:%S} {render(marker.label)} ({_tr(KIND_NAMES[marker.kind])})"
        return (f"{marker.at.astimezone(self._tz):%H:%M:%S} {render(marker.label)} "
                f"({_tr(KIND_NAMES[marker.kind])}, {_tr(OUTCOME_NAMES[marker.outcome])})")

    def lines(self, marker_id: str) -> list[pg.InfiniteLine]:
        return list(self._lines.get(marker_id, ()))

    def __len__(self) -> int:
        return len(self._lines)
