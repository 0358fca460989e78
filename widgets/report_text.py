"""The report's words and numbers: headline tiles, table rows and notes, as the reader will see them.

Times are shown in the campaign's time zone (the promoter's clock) with the distance from the on-sale;
money in the campaign's currency; the same locale-aware number formatting as the wall screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from console.report.figures import Gap, ReportFigures
from console.report.timeline import NO_OUTCOME, ActionRow, AlertRow
from widgets.formatting import DASH, Numbers, wait_text
from widgets.report_chart import ALERT, FAILED, OK, PENDING

SOURCE_NAMES = {"aws": "AWS", "cloudflare": "Cloudflare", "shop": "Shop"}


@dataclass(frozen=True)
class Headline:
    label: str
    value: str
    detail: str


@dataclass(frozen=True)
class TimelineRow:
    number: int
    at: datetime
    cells: tuple[str, ...]  # time, who, what, before -> after, outcome
    colour: str  # of its marker on the charts
    alert: bool
    marked: bool  # drawn on the charts (actions, raised alerts)


def campaign_zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


class ReportText:
    def __init__(self, figures: ReportFigures, numbers: Numbers | None = None) -> None:
        self.figures = figures
        self.numbers = numbers or Numbers()
        self.tz = campaign_zone(figures.timezone)
        first, last = figures.first_at, figures.last_at
        self._multi_day = bool(first and last and first.astimezone(self.tz).date() != last.astimezone(self.tz).date())

    # ---------------------------------------------------------------- times

    def time(self, at: datetime | None) -> str:
        if at is None:
            return DASH
        local = at.astimezone(self.tz)
        return local.strftime("%d.%m %H:%M") if self._multi_day else local.strftime("%H:%M")

    def relative(self, at: datetime) -> str:
        """Distance from the on-sale: "T+3 min", "T-15 min", "T+1:05 h"."""
        minutes = round((at - self.figures.onsale_at).total_seconds() / 60.0)
        sign = "+" if minutes >= 0 else "-"
        minutes = abs(minutes)
        return f"T{sign}{minutes} min" if minutes < 60 else f"T{sign}{minutes // 60}:{minutes % 60:02d} h"

    def when(self, at: datetime | None) -> str:
        return DASH if at is None else f"{self.time(at)} ({self.relative(at)})"

    def day(self) -> str:
        onsale = self.figures.onsale_at.astimezone(self.tz)
        return onsale.strftime("%d.%m.%Y %H:%M")

    # ---------------------------------------------------------------- headline tiles

    def money(self, value: float | None) -> str:
        return DASH if value is None else self.numbers.money(value, self.figures.currency)

    def headlines(self) -> list[Headline]:
        f, n = self.figures, self.numbers
        sold_detail = f"{n.percent(f.capacity_sold_percent)} of {n.integer(f.capacity)}"
        sold_detail += f" · sold out {self.when(f.sold_out_at)}" if f.sold_out_at else " · not sold out"
        cost = DASH if f.estimated_cost is None else f"{n.decimal(f.estimated_cost, 2)} {f.currency}"
        price = f"{n.decimal(f.instance_price_per_hour, 2)} {f.currency}"
        queue_of = "Cloudflare waiting room" if f.queue_control == "cloudflare" else "shop queue"
        tiles = [
            Headline("Tickets sold", n.integer(f.tickets_sold), sold_detail),
            Headline("Revenue", self.money(f.revenue), f"in {f.currency}, as the shop reported it"),
            Headline("Peak visitors per minute", n.integer(f.peak_visitors_per_minute),
                     f"at {self.when(f.peak_visitors_at)}"),
            Headline("Peak requests per second", n.integer(f.peak_requests_per_second),
                     f"at the CDN edge, {self.when(f.peak_requests_at)}"),
            Headline("Longest queue", n.integer(f.longest_queue), f"{queue_of}, {self.when(f.longest_queue_at)}"),
            Headline("Longest wait", DASH if f.longest_wait_seconds is None else wait_text(f.longest_wait_seconds),
                     f"estimated, {self.when(f.longest_wait_at)}"),
            Headline("Error rate (5xx)", n.percent(f.error_rate_percent, 2),
                     f"over the campaign · {n.percent(f.error_rate_at_peak_percent, 2)} in the peak minute"),
            Headline("Served from the CDN cache", n.percent(f.cache_share_percent),
                     f"of bytes · {self._bytes(f.bytes_saved)} saved of {self._bytes(f.bytes_served)}"),
            Headline("Threats blocked", n.integer(f.threats_blocked), "requests Cloudflare stopped"),
            Headline("Instance-hours", n.decimal(f.instance_hours, 1), f"≈ {cost} at {price} per instance-hour"),
            Headline("Minutes with a degraded shop", n.integer(f.degraded_minutes),
                     f"latency > {n.integer(f.degraded_latency_ms)} ms or 5xx > "
                     f"{n.percent(f.degraded_error_rate_percent)}"),
            Headline("Actions · alerts", f"{f.actions} · {f.alerts_raised}",
                     f"{f.failed_actions} action(s) failed or unfinished"),
        ]
        return [Headline(t.label, t.value, "no data recorded") if t.value == DASH else t for t in tiles]

    def _bytes(self, count: int | None) -> str:
        return DASH if count is None else self.numbers.bytes(count)

    # ---------------------------------------------------------------- gaps

    def gap_line(self, gap: Gap) -> str:
        minutes = gap.duration.total_seconds() / 60.0
        text = (f"{SOURCE_NAMES.get(gap.source.value, gap.source.value)}: no successful poll from "
                f"{self.time(gap.start)} to {self.time(gap.end)} ({self.numbers.decimal(minutes, 0)} min)")
        if gap.missing_minutes == 0:
            text += "; its per-minute figures were filled in by later polls"
        elif gap.missing_minutes:
            text += f"; {gap.missing_minutes} minute(s) of per-minute figures are missing"
        return text

    def gap_summary(self) -> str:
        gaps = self.figures.gaps
        if not gaps:
            return "No data gaps: every source answered throughout."
        return (f"{len(gaps)} data gap(s): the charts leave them blank and the figures cover only what was "
                "recorded.")

    # ---------------------------------------------------------------- tables

    def busiest_rows(self) -> list[tuple[str, ...]]:
        n = self.numbers
        return [
            (
                self.when(m.at),
                n.integer(m.visitors),
                n.integer(m.requests_per_second),
                n.integer(m.origin_requests),
                n.percent(m.error_rate_percent, 2),
                n.integer(m.latency_ms),
                n.percent(m.cache_share_percent),
                n.integer(m.threats),
            )
            for m in self.figures.busiest_minutes
        ]

    def timeline_rows(self, actions: list[ActionRow], alerts: list[AlertRow]) -> list[TimelineRow]:
        items: list[tuple[datetime, int, ActionRow | AlertRow]] = [(a.at, 0, a) for a in actions]
        items += [(a.at, 1, a) for a in alerts]
        rows = []
        for number, (at, _, item) in enumerate(sorted(items, key=lambda x: (x[0], x[1])), start=1):
            if isinstance(item, ActionRow):
                colour = {"ok": OK, "failed": FAILED}.get(item.outcome, PENDING)
                outcome = item.outcome
                if item.message and item.outcome not in ("ok", NO_OUTCOME):
                    outcome = f"{item.outcome}: {item.message}"
                cells = (self.time(at), item.who, f"{item.action} ({item.resource})",
                         f"{item.before} → {item.after}", outcome)
                rows.append(TimelineRow(number, at, cells, colour, alert=False, marked=True))
            else:
                who = item.person or "console"
                cells = (self.time(at), who, f"alert {item.phase.value}: {item.rule}", item.message, "")
                rows.append(TimelineRow(number, at, cells, ALERT, alert=True, marked=item.phase.value == "raised"))
        return rows
