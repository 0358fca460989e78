"""A curve drawn as filled columns: each column's min..max, a line width taller, as one rectangle.

What a 2 px line through a column's samples covers is, to the pixel, that column's range plus a
line width; drawing it so looks the same from across a room, steps and spikes included. It is much
cheaper: Qt's raster engine strokes a polyline wider than 1 px through its general stroker (about
5.7 ms for the 8 curves of a 1600 px chart), while it fills the same curves' rectangles in about
0.5 ms. Neighbouring columns are stretched to meet halfway, so a steep climb stays joined; columns
further apart (sparse samples) are joined by 2 px segments, few and cheap as separate lines. The
geometry is made in device pixels at paint time, where the line width is known and where
epoch-second coordinates no longer meet the painter's single-precision paths.

While the view stands still, new data repaints only the columns it changed (the newest, as a rule),
not the whole chart.
"""

from __future__ import annotations

from typing import Any, TypeVar, cast

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen

from console.envelope import EMPTY, Envelope, FloatArray

Extent = tuple[tuple[float, float], tuple[float, float]]  # (x min, x max), (y min, y max)
Area = tuple[float, float, float, float]  # x0, y0, x1, y1
T = TypeVar("T", QRectF, QLineF)
ROOM = 0.1  # share of the data's width and height the bounds leave free around it


class BandCurve(pg.GraphicsObject):
    def __init__(self, color: str, width: float) -> None:
        super().__init__()
        # What pyqtgraph's LegendItem reads to draw this curve's sample line.
        self.opts: dict[str, Any] = {"pen": pg.mkPen(color, width=width), "antialias": False}
        self._brush = QBrush(QColor(color))
        self._pen = QPen(QColor(color), width)
        self._half = width / 2.0
        self._data: Envelope = EMPTY
        self._columns = np.empty((0, 4))  # left, low, right, high in data coordinates
        self._middles = np.empty(0)
        self._lines = np.empty((0, 4))  # x1, y1, x2, y2 in data coordinates
        self._extent: Extent | None = None
        # The bounds hold the data with room to grow, so that a new sample does not move them (which
        # would repaint the whole curve): x0, y0, x1, y1 in data coordinates.
        self._room: Area | None = None
        self._margin: tuple[float, float] | None = None  # half a line width and a pixel, in data units
        self._bounds: QRectF | None = None

    def setData(self, data: Envelope, repaint_all: bool = False) -> None:
        """Show `data`; unless `repaint_all`, repaint only where it changed the curve (the view has not moved)."""
        before = self._columns, self._lines
        self._data = data
        self._columns, self._middles = column_corners(data)
        self._lines = gap_lines(data)
        self._extent = _extent(data)
        if self._room is not None and self._extent is not None and _inside(self._extent, self._room):
            if repaint_all:
                self.update()
                return
            # The bounds stand: repaint only where columns changed, and the newest column, where a new
            # sample lands (redrawn even when its value leaves the column's range as it was).
            for area in changed_areas(before, (self._columns, self._lines), self._columns[-1:]):
                self.update(self._with_margin(*area))
        else:
            self._room = _room_around(self._extent)
            self._bounds = None
            self.prepareGeometryChange()
            self.update()

    def getData(self) -> tuple[FloatArray, FloatArray]:
        """Every column's two extremes as points, in time order: what a line through them would visit."""
        d = self._data
        values = np.empty(2 * len(d))
        values[0::2], values[1::2] = d.low, d.high
        return np.repeat(d.x, 2), values

    def dataBounds(  # ViewBox's auto-range asks for this
        self, ax: int, frac: float = 1.0, orthoRange: Any = None
    ) -> tuple[float | None, float | None]:
        if self._extent is None:
            return None, None
        return self._extent[ax]

    def viewTransformChanged(self) -> None:
        """A new scale changes the pixel margin of the bounds; a scroll alone changes nothing here.

        Telling Qt of a new geometry on every scroll would have it repaint the curves a second time after
        each frame: pyqtgraph applies a new range at paint time, so this runs during the paint.
        """
        margin = self._margin
        self._margin = None
        if self._room is not None and self._pixel_margin() != margin:
            self._bounds = None
            self.prepareGeometryChange()

    def boundingRect(self) -> QRectF:
        if self._bounds is None:
            self._bounds = QRectF() if self._room is None else self._with_margin(*self._room)
        return self._bounds

    def _with_margin(self, x0: float, y0: float, x1: float, y1: float) -> QRectF:
        """The data area plus what the columns reach past it: half a line width, a pixel more for rounding."""
        mx, my = self._pixel_margin() or (0.0, 0.0)  # not in a view yet: nothing on screen to cover
        return QRectF(x0 - mx, y0 - my, x1 - x0 + 2 * mx, y1 - y0 + 2 * my)

    def _pixel_margin(self) -> tuple[float, float] | None:
        if self._margin is None:
            px, py = self.pixelVectors()
            if px is None or py is None:
                return None
            self._margin = (self._half + 1.0) * abs(px.x()), (self._half + 1.0) * abs(py.y())
        return self._margin

    def paint(self, p: QPainter, *_: Any) -> None:
        if len(self._columns) == 0:
            return
        m = p.transform()  # data to device: a scale and an offset in a ViewBox
        scale, offset = np.array([m.m11(), m.m22()] * 2), np.array([m.dx(), m.dy()] * 2)
        rects = column_rects(self._columns * scale + offset, self._middles * m.m11() + m.dx(), self._half)
        p.resetTransform()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self._brush)
        p.drawRects(first_of(rects, QRectF), len(rects))
        if len(self._lines):
            lines = np.ascontiguousarray(self._lines * scale + offset)
            p.setPen(self._pen)
            p.drawLines(first_of(lines, QLineF), len(lines))


def first_of(array: FloatArray, kind: type[T]) -> T:
    """The first of the rectangles or lines whose coordinates fill a C-contiguous float64 array.

    QPainter's drawRects/drawLines(first, count) read `count` of them from there, so no Python object
    is made per rectangle (as pyqtgraph itself does for its bar graphs). The array must outlive the call.
    """
    return cast(T, shiboken6.wrapInstance(array.ctypes.data, kind))


def column_corners(d: Envelope) -> tuple[FloatArray, FloatArray]:
    """(left, low, right, high) of every finite column, and its x: low and high stretched to meet the
    neighbouring column halfway across a jump, so that a climb steeper than a line width per column
    does not fall apart into loose blocks."""
    low, high = d.low.copy(), d.high.copy()
    if len(low) > 1:
        with np.errstate(invalid="ignore"):  # NaN columns compare False: no stretching across a gap
            rise = d.adjacent & (d.high[:-1] < d.low[1:])
            fall = d.adjacent & (d.low[:-1] > d.high[1:])
        up = (d.high[:-1] + d.low[1:]) / 2
        down = (d.low[:-1] + d.high[1:]) / 2
        high[:-1] = np.where(rise, np.fmax(high[:-1], up), high[:-1])
        low[1:] = np.where(rise, np.fmin(low[1:], up), low[1:])
        low[:-1] = np.where(fall, np.fmin(low[:-1], down), low[:-1])
        high[1:] = np.where(fall, np.fmax(high[1:], down), high[1:])
    finite = np.isfinite(low)
    corners = np.column_stack((d.left, low, d.right, high))
    return (corners, d.x) if finite.all() else (corners[finite], d.x[finite])


def column_rects(corners: FloatArray, middles: FloatArray, half: float) -> FloatArray:
    """(x, y, width, height) in device pixels from device corners, a line width taller and at least a
    line width wide (a lone sample: a square around it)."""
    left, y1, right, y2 = corners.T
    rects = np.empty_like(corners)
    narrow = right - left < 2 * half
    rects[:, 0] = np.where(narrow, middles - half, left)
    rects[:, 1] = np.fmin(y1, y2) - half  # device y grows downwards, unless the view is flipped
    rects[:, 2] = np.where(narrow, 2 * half, right - left)
    rects[:, 3] = np.abs(y2 - y1) + 2 * half
    return rects


def gap_lines(d: Envelope) -> FloatArray:
    """(x1, y1, x2, y2) from each column to the next where they are not neighbours on the grid."""
    with np.errstate(invalid="ignore"):
        middle = (d.low + d.high) / 2
        apart = ~d.adjacent & np.isfinite(middle[:-1]) & np.isfinite(middle[1:])
    start = np.flatnonzero(apart)
    return np.column_stack((d.x[start], middle[start], d.x[start + 1], middle[start + 1]))


def changed_areas(
    before: tuple[FloatArray, FloatArray], after: tuple[FloatArray, FloatArray], also: FloatArray
) -> list[Area]:
    """Where the old and the new drawing differ (the boxes of the columns and lines not in both) and the
    boxes `also`, gathered into one area at the front (the ring's oldest samples leaving) and one at the
    back (new samples)."""
    (old_columns, old_lines), (columns, lines) = before, after
    changed = np.concatenate((_differing(old_columns, columns), _differing(_box(old_lines), _box(lines)), also))
    if len(changed) == 0:
        return []
    middle = (changed[:, 0].min() + changed[:, 2].max()) / 2
    groups = (changed[changed[:, 2] < middle], changed[changed[:, 2] >= middle])
    return [(g[:, 0].min(), g[:, 1].min(), g[:, 2].max(), g[:, 3].max()) for g in groups if len(g)]


def _box(lines: FloatArray) -> FloatArray:
    """(x0, y0, x1, y1) of lines (x1, y1, x2, y2), as columns' corners are."""
    if len(lines) == 0:
        return lines
    return np.column_stack((np.fmin(lines[:, 0], lines[:, 2]), np.fmin(lines[:, 1], lines[:, 3]),
                            np.fmax(lines[:, 0], lines[:, 2]), np.fmax(lines[:, 1], lines[:, 3])))


def _differing(old: FloatArray, new: FloatArray) -> FloatArray:
    """Rows of either array that the other does not have at the same place, both sorted by x0.

    Any alignment gives a correct answer (rows that do not line up count as changed); this one lines
    the arrays up on the new second row, since the first may be the ring's oldest column, cut short.
    """
    if len(old) == 0 or len(new) < 2:
        return np.concatenate((old, new))
    start = max(int(np.searchsorted(old[:, 0], new[1, 0])) - 1, 0)
    n = min(len(old) - start, len(new))
    same = (old[start : start + n] == new[:n]).all(axis=1)
    return np.concatenate((old[:start], old[start : start + n][~same], new[:n][~same], old[start + n :], new[n:]))


def _room_around(extent: Extent | None) -> Area | None:
    if extent is None:
        return None
    (x0, x1), (y0, y1) = extent
    dx, dy = (x1 - x0) * ROOM, (y1 - y0) * ROOM
    return x0 - dx, y0 - dy, x1 + dx, y1 + dy


def _inside(extent: Extent, room: Area) -> bool:
    (x0, x1), (y0, y1) = extent
    return room[0] <= x0 and x1 <= room[2] and room[1] <= y0 and y1 <= room[3]


def _extent(data: Envelope) -> Extent | None:
    finite = np.isfinite(data.low)
    if not finite.any():
        return None
    return (float(data.left[0]), float(data.right[-1])), (float(data.low[finite].min()),
                                                         float(data.high[finite].max()))
