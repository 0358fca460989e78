"""The post-campaign report as an A4 PDF: QPdfWriter + QPainter, vector charts, text a PDF reader can search.

Page 1 is for the promoter (twelve headline figures, readable in two minutes); page 2 the campaign in
charts with numbered action and alert markers; then the busiest minutes, the timeline of actions and
alerts (numbered like the markers), the data gaps, and how each figure was computed. In the interface's
language: `report --lang` (or the window's language) installs it before the PDF is drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

from console.report.data import RecordingData, read_recording
from console.report.figures import ReportFigures
from console.report.series import Series, report_series
from console.report.timeline import action_rows, alert_rows
from widgets.report_chart import (
    GAP_FILL,
    INK,
    LINE_COLOURS,
    MUTED,
    ChartMarker,
    ChartPainter,
    ChartSpec,
    Line,
    report_font,
)
from widgets.report_text import Headline, Report, ReportText, TimelineRow, say

RESOLUTION = 300  # device units per inch
DATA_GAPS = Report.tr("Data gaps")
MARGIN_MM = 14.0
Progress = Callable[[int], None]

METHOD_NOTES = (
    Report.tr("Per-minute figures (visitors, requests, bytes, threats, origin requests, 5xx, latency) are the "
              "Cloudflare and CloudWatch minutes, each taken from the latest poll that reported it."),
    Report.tr("Peak requests per second: edge requests in the busiest minute divided by 60."),
    Report.tr("Error rate: all 5xx answers divided by all origin requests. A degraded minute has an average "
              "latency or a 5xx share above the campaign's alert thresholds."),
    Report.tr("Instance-hours: in-service instances integrated between AWS polls; the cost multiplies them by the "
              "campaign's price per instance-hour."),
    Report.tr("A data gap is a stretch longer than three poll intervals without a successful poll of a source; "
              "charts leave it blank instead of drawing through it."),
)
BUSIEST_HEADERS = (Report.tr("minute"), Report.tr("visitors"), Report.tr("requests/s"), Report.tr("origin req."),
                   Report.tr("5xx"), Report.tr("latency ms"), Report.tr("cached"), Report.tr("threats"))
TIMELINE_HEADERS = ("#", Report.tr("time"), Report.tr("who"), Report.tr("what"),
                    Report.tr("before → after, or detail"), Report.tr("outcome"))


class _Pages:
    """A cursor down the page, new pages as needed, a footer on each."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, footer: str) -> None:
        self.writer = writer
        self.p = painter
        self.mm = RESOLUTION / 25.4
        self.width = float(writer.width())
        self.height = float(writer.height())
        self.y = 0.0
        self.page = 1
        self._footer = footer
        self._draw_footer()

    def font(self, points: float, bold: bool = False) -> QFont:
        return report_font(points, bold)

    @property
    def bottom(self) -> float:
        return self.height - 8 * self.mm

    def new_page(self) -> None:
        self.writer.newPage()
        self.page += 1
        self.y = 0.0
        self._draw_footer()

    def ensure(self, height: float) -> None:
        if self.y + height > self.bottom and self.y > 0:
            self.new_page()

    def _draw_footer(self) -> None:
        self.p.setFont(self.font(7))
        self.p.setPen(QColor(MUTED))
        rect = QRectF(0, self.height - 5 * self.mm, self.width, 5 * self.mm)
        self.p.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, self._footer)
        self.p.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                        say(Report.tr("page {page}").format(page=self.page)))

    def text(self, text: str, points: float, bold: bool = False, colour: str = INK, gap_mm: float = 1.5) -> None:
        """A wrapped paragraph at the cursor."""
        self.p.setFont(self.font(points, bold))
        self.p.setPen(QColor(colour))
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        bounds = self.p.boundingRect(QRectF(0, 0, self.width, 10_000), flags, text)
        self.ensure(bounds.height())
        self.p.drawText(QRectF(0, self.y, self.width, bounds.height()), flags, text)
        self.y += bounds.height() + gap_mm * self.mm

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
              right_aligned: frozenset[int] = frozenset(), swatches: Sequence[str | None] | None = None) -> None:
        """Rows with wrapped cells; the header repeats on every page the table runs onto."""
        p, mm = self.p, self.mm
        scale = self.width / sum(widths)
        columns = [w * scale for w in widths]
        pad = 1.2 * mm

        def cell_flags(index: int) -> Qt.AlignmentFlag:
            side = Qt.AlignmentFlag.AlignRight if index in right_aligned else Qt.AlignmentFlag.AlignLeft
            return side | Qt.AlignmentFlag.AlignTop

        def draw_row(cells: Sequence[str], bold: bool, swatch: str | None) -> None:
            p.setFont(self.font(7.5, bold))
            wrap = Qt.TextFlag.TextWordWrap
            height = max(
                p.boundingRect(QRectF(0, 0, w - 2 * pad, 10_000), int(cell_flags(i)) | int(wrap), c).height()
                for i, (c, w) in enumerate(zip(cells, columns, strict=True))
            ) + 2 * pad
            if self.y + height > self.bottom:
                self.new_page()
                if not bold:
                    draw_row(headers, True, None)
                    p.setFont(self.font(7.5, bold))
            if bold:
                p.fillRect(QRectF(0, self.y, self.width, height), QColor(GAP_FILL))
            x = 0.0
            for index, (cell, width) in enumerate(zip(cells, columns, strict=True)):
                if index == 0 and swatch:
                    p.fillRect(QRectF(x + pad, self.y + pad, 2 * mm, height - 2 * pad), QColor(swatch))
                    box = QRectF(x + pad + 3 * mm, self.y + pad, width - 2 * pad - 3 * mm, height - 2 * pad)
                else:
                    box = QRectF(x + pad, self.y + pad, width - 2 * pad, height - 2 * pad)
                p.setPen(QColor(INK))
                p.drawText(box, int(cell_flags(index)) | int(wrap), cell)
                x += width
            self.y += height
            p.setPen(QColor(GAP_FILL))
            p.drawLine(QPointF(0, self.y), QPointF(self.width, self.y))

        self.ensure(20 * mm)
        draw_row(headers, True, None)
        for index, row in enumerate(rows):
            draw_row(row, False, swatches[index] if swatches else None)
        self.y += 3 * mm


def _headline_page(pages: _Pages, text: ReportText) -> None:
    p, mm = pages.p, pages.mm
    figures = text.figures
    pages.text(figures.campaign_name, 20, bold=True, gap_mm=1)
    span = (say(Report.tr("recorded {start} – {end}").format(start=text.time(figures.first_at),
                                                              end=text.time(figures.last_at)))
            if figures.first_at else "")
    pages.text(say(Report.tr("Post-campaign report · on-sale {day} ({zone}) · {span}").format(
        day=text.day(), zone=figures.timezone, span=span)), 9, colour=MUTED, gap_mm=6)
    tiles = text.headlines()
    columns, tile_h, gutter = 2, 31 * mm, 4 * mm
    tile_w = (pages.width - gutter) / columns
    for index, tile in enumerate(tiles):
        row, column = divmod(index, columns)
        rect = QRectF(column * (tile_w + gutter), pages.y + row * (tile_h + gutter / 2), tile_w, tile_h)
        _tile(pages, rect, tile)
    pages.y += (len(tiles) + columns - 1) // columns * (tile_h + gutter / 2) + 4 * mm
    pages.text(say(DATA_GAPS), 10, bold=True, gap_mm=1)
    pages.text(text.gap_summary(), 8.5, colour=MUTED if not figures.gaps else "#cf222e", gap_mm=1)
    for gap in figures.gaps[:4]:
        pages.text("• " + text.gap_line(gap), 8.5, gap_mm=0.8)
    if len(figures.gaps) > 4:
        pages.text(say(Report.tr("… and %n more, listed at the end.", None, len(figures.gaps) - 4)), 8.5,
                   colour=MUTED)
    p.setPen(QColor(INK))


def _tile(pages: _Pages, rect: QRectF, tile: Headline) -> None:
    p, mm = pages.p, pages.mm
    p.fillRect(rect, QColor("#f6f8fa"))
    p.fillRect(QRectF(rect.left(), rect.top(), 1.2 * mm, rect.height()), QColor(LINE_COLOURS[0]))
    inner = rect.adjusted(4 * mm, 2.5 * mm, -3 * mm, -2 * mm)
    p.setPen(QColor(MUTED))
    p.setFont(pages.font(8.5))
    p.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, tile.label)
    p.setPen(QColor(INK))
    p.setFont(pages.font(21, bold=True))
    value_box = inner.adjusted(0, 5 * mm, 0, 0)
    p.drawText(value_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, tile.value)
    p.setPen(QColor(MUTED))
    p.setFont(pages.font(7.5))
    detail_box = QRectF(inner.left(), inner.bottom() - 8 * mm, inner.width(), 8 * mm)
    p.drawText(detail_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap,
               tile.detail)


def _per_second(series: Series) -> Series:
    return Series(series.name, series.times, tuple(v / 60.0 for v in series.values), series.max_step)


def _chart_specs(data: RecordingData, figures: ReportFigures, markers: list[ChartMarker]) -> list[ChartSpec]:
    series = report_series(data)
    # The first polls bring the minutes before the console started (a 15-minute window): show them too.
    earliest = [s.times[0] for s in series.values() if s.times]
    start = min([*earliest, *([figures.first_at] if figures.first_at else [])], default=figures.onsale_at)
    end = figures.last_at or start + timedelta(minutes=1)

    def line(name: str, label: str, colour: int, right: bool = False, dashed: bool = False,
             source: Series | None = None) -> Line:
        times, values = (source or series[name]).with_breaks()
        return Line(say(label), LINE_COLOURS[colour], times, values, right, dashed)

    def chart(title: str, lines: list[Line], left: str, right: str, source: str, minutes: str = "") -> ChartSpec:
        """Shade the source's gaps; on a per-minute chart (`minutes` names its series) only the minutes that
        stayed missing inside a gap, since later polls fill the rest of it in."""
        gaps = [(g.start, g.end) for g in figures.gaps if g.source.value == source]
        if minutes and series[minutes].times:
            gaps = [hole for hole in series[minutes].holes() if any(hole[0] < b and hole[1] > a for a, b in gaps)]
        return ChartSpec(say(title), lines, start, end, say(left), say(right), markers, gaps, figures.onsale_at)

    room = figures.queue_control == "cloudflare"
    queue, wait = ("room_queued_users", "room_max_wait_min") if room else ("shop_queue_length", "shop_queue_wait_s")
    wait_minutes = Series(wait, series[wait].times, tuple(v if room else v / 60.0 for v in series[wait].values),
                          series[wait].max_step)
    visitors, requests, orders = Report.tr("visitors / min"), Report.tr("requests / s"), Report.tr("orders / min")
    return [
        chart(Report.tr("Traffic at the CDN edge"), [
            line("visitors_per_min", visitors, 0),
            line("", requests, 1, right=True, source=_per_second(series["edge_requests_per_min"])),
        ], visitors, requests, "cloudflare", minutes="visitors_per_min"),
        chart(Report.tr("Queue (Cloudflare waiting room)") if room else Report.tr("Queue (shop)"), [
            line(queue, Report.tr("people queuing"), 0),
            line("", Report.tr("estimated wait (min)"), 1, right=True, dashed=True, source=wait_minutes),
        ], Report.tr("people"), Report.tr("minutes"), "cloudflare" if room else "shop"),
        chart(Report.tr("Sales"), [
            line("tickets_sold", Report.tr("tickets sold"), 3),
            line("orders_per_min", orders, 2, right=True),
        ], Report.tr("tickets"), orders, "shop"),
        chart(Report.tr("Fleet"), [
            line("desired_instances", Report.tr("desired"), 2, dashed=True),
            line("in_service_instances", Report.tr("in service"), 4),
            line("serving_instances", Report.tr("serving"), 3),
        ], Report.tr("instances"), "", "aws"),
        chart(Report.tr("Shop health"), [
            line("latency_ms", Report.tr("latency (ms)"), 0),
            line("error_rate_percent", "5xx (%)", 1, right=True),
        ], "ms", "% 5xx", "aws", minutes="latency_ms"),
    ]


def _charts_page(pages: _Pages, data: RecordingData, text: ReportText, rows: list[TimelineRow]) -> None:
    pages.new_page()
    pages.text(say(Report.tr("The campaign in charts")), 14, bold=True, gap_mm=1)
    pages.text(say(Report.tr("Numbered markers are the actions (green: done, red: failed, amber: no outcome) and "
                             "alerts (pink, dotted) of the timeline. Grey bands: no data from the source.")), 8,
               colour=MUTED, gap_mm=3)
    markers = [ChartMarker(r.at, r.number, r.colour, r.alert) for r in rows if r.marked]
    specs = _chart_specs(data, text.figures, markers)
    chart_h = (pages.bottom - pages.y) / len(specs)
    painter = ChartPainter(pages.p, pages.mm, text.tz)
    for spec in specs:
        painter.draw(spec, QRectF(0, pages.y, pages.width, chart_h - 3 * pages.mm))
        pages.y += chart_h


def _tables(pages: _Pages, text: ReportText, rows: list[TimelineRow]) -> None:
    pages.new_page()
    pages.text(say(Report.tr("The ten busiest minutes")), 14, bold=True, gap_mm=2)
    headers = tuple(say(header) for header in BUSIEST_HEADERS)
    pages.table(headers, text.busiest_rows(), (28, 16, 14, 15, 11, 13, 11, 13), frozenset(range(1, 8)))
    pages.text(say(Report.tr("Timeline of actions and alerts")), 14, bold=True, gap_mm=2)
    if rows:
        cells = [(str(r.number), *r.cells) for r in rows]
        columns = tuple(say(header) for header in TIMELINE_HEADERS)
        pages.table(columns, cells, (8, 11, 30, 30, 30, 30), swatches=[r.colour for r in rows])
    else:
        pages.text(say(Report.tr("No action was taken and no alert was raised.")), 8.5, colour=MUTED)
    pages.text(say(DATA_GAPS), 14, bold=True, gap_mm=2)
    pages.text(text.gap_summary(), 8.5, gap_mm=1)
    for gap in text.figures.gaps:
        pages.text("• " + text.gap_line(gap), 8.5, gap_mm=0.8)
    pages.y += 3 * pages.mm
    pages.text(say(Report.tr("How the figures are computed")), 11, bold=True, gap_mm=1.5)
    for note in METHOD_NOTES:
        pages.text(say(note), 7.5, colour=MUTED, gap_mm=1)


def write_report_pdf(
    figures: ReportFigures,
    recording_path: Path,
    out_path: Path,
    progress: Progress | None = None,
    data: RecordingData | None = None,
) -> int:
    """Write the report; returns the number of pages. Needs a QGuiApplication (fonts)."""

    def report(percent: int) -> None:
        if progress is not None:
            progress(percent)

    if data is None:
        data = read_recording(recording_path, lambda percent: report(percent * 6 // 10))
    report(60)
    text = ReportText(figures)
    rows = text.timeline_rows(action_rows(data.audit), alert_rows(data.alerts))
    out_path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(out_path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    writer.setResolution(RESOLUTION)
    writer.setTitle(say(Report.tr("{campaign} — post-campaign report").format(campaign=figures.campaign_name)))
    writer.setCreator("Saleday Console")
    painter = QPainter(writer)
    if not painter.isActive():
        raise OSError(f"{out_path}: cannot write the PDF")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pages = _Pages(writer, painter, f"Saleday Console · {figures.campaign_name}")
        _headline_page(pages, text)
        report(70)
        _charts_page(pages, data, text, rows)
        report(90)
        _tables(pages, text, rows)
    finally:
        painter.end()
    report(100)
    return pages.page
