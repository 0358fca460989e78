"""The report's words and numbers: headline tiles, table rows and notes, as the reader will see them.

Times are shown in the campaign's time zone (the promoter's clock) with the distance from the on-sale;
money in the campaign's currency; the same locale-aware number formatting as the wall screen. Words are
in the interface's language (`report --lang`), through `console.text` so that counts get plural forms;
what the recording holds in English (an older recording's alert, a backend's error) stays English.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from console.actions.requests import ActionKind
from console.actions.wording import value_text
from console.alerts import message_text, rule_title
from console.report.figures import Gap, ReportFigures
from console.report.timeline import NO_OUTCOME, ActionRow, AlertRow
from console.text import Text, TextContext
from widgets.action_dialog import title
from widgets.formatting import DASH, Numbers, wait_text
from widgets.report_chart import ALERT, FAILED, OK, PENDING
from widgets.text import render

Report = TextContext("Report")
SOURCE_NAMES: dict[str, str] = {"aws": "AWS", "cloudflare": "Cloudflare", "shop": Report.tr("Shop")}
OUTCOMES: dict[str, Text] = {"ok": Report.tr("done"), "failed": Report.tr("failed"),
                             NO_OUTCOME: Report.tr("no outcome recorded")}
ALERT_PHASES: dict[str, Text] = {"raised": Report.tr("alert raised: {rule}"),
                                 "cleared": Report.tr("alert cleared: {rule}"),
                                 "acknowledged": Report.tr("alert acknowledged: {rule}")}


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


def say(text: str) -> str:
    """Report words in the interface's language."""
    return render(text)


def action_name(action: str) -> str:
    try:
        return title(ActionKind(action))
    except ValueError:
        return action


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
        share = Report.tr("{percent} of {capacity}").format(percent=n.percent(f.capacity_sold_percent),
                                                             capacity=n.integer(f.capacity))
        sold_detail = (Report.tr("{share} · sold out {when}").format(share=share, when=self.when(f.sold_out_at))
                       if f.sold_out_at else Report.tr("{share} · not sold out").format(share=share))
        cost = DASH if f.estimated_cost is None else f"{n.decimal(f.estimated_cost, 2)} {f.currency}"
        price = f"{n.decimal(f.instance_price_per_hour, 2)} {f.currency}"
        queue_of = Report.tr("Cloudflare waiting room") if f.queue_control == "cloudflare" else Report.tr("shop queue")
        tiles = [
            (Report.tr("Tickets sold"), n.integer(f.tickets_sold), sold_detail),
            (Report.tr("Revenue"), self.money(f.revenue),
             Report.tr("in {currency}, as the shop reported it").format(currency=f.currency)),
            (Report.tr("Peak visitors per minute"), n.integer(f.peak_visitors_per_minute),
             Report.tr("at {when}").format(when=self.when(f.peak_visitors_at))),
            (Report.tr("Peak requests per second"), n.integer(f.peak_requests_per_second),
             Report.tr("at the CDN edge, {when}").format(when=self.when(f.peak_requests_at))),
            (Report.tr("Longest queue"), n.integer(f.longest_queue),
             Report.tr("{queue}, {when}").format(queue=queue_of, when=self.when(f.longest_queue_at))),
            (Report.tr("Longest wait"), DASH if f.longest_wait_seconds is None else wait_text(f.longest_wait_seconds),
             Report.tr("estimated, {when}").format(when=self.when(f.longest_wait_at))),
            (Report.tr("Error rate (5xx)"), n.percent(f.error_rate_percent, 2),
             Report.tr("over the campaign · {peak} in the peak minute").format(
                 peak=n.percent(f.error_rate_at_peak_percent, 2))),
            (Report.tr("Served from the CDN cache"), n.percent(f.cache_share_percent),
             Report.tr("of bytes · {saved} saved of {served}").format(saved=self._bytes(f.bytes_saved),
                                                                      served=self._bytes(f.bytes_served))),
            (Report.tr("Threats blocked"), n.integer(f.threats_blocked), Report.tr("requests Cloudflare stopped")),
            (Report.tr("Instance-hours"), n.decimal(f.instance_hours, 1),
             Report.tr("≈ {cost} at {price} per instance-hour").format(cost=cost, price=price)),
            (Report.tr("Minutes with a degraded shop"), n.integer(f.degraded_minutes),
             Report.tr("latency > {latency} ms or 5xx > {share}").format(
                 latency=n.integer(f.degraded_latency_ms), share=n.percent(f.degraded_error_rate_percent))),
            (Report.tr("Actions · alerts"), f"{f.actions} · {f.alerts_raised}",
             Report.tr("%n action(s) failed or unfinished", None, f.failed_actions)),
        ]
        no_data = Report.tr("no data recorded")
        return [Headline(say(label), value, say(no_data if value == DASH else detail))
                for label, value, detail in tiles]

    def _bytes(self, count: int | None) -> str:
        return DASH if count is None else self.numbers.bytes(count)

    # ---------------------------------------------------------------- gaps

    def gap_line(self, gap: Gap) -> str:
        minutes = gap.duration.total_seconds() / 60.0
        text = say(Report.tr("{source}: no successful poll from {start} to {end} ({minutes} min)").format(
            source=SOURCE_NAMES.get(gap.source.value, gap.source.value), start=self.time(gap.start),
            end=self.time(gap.end), minutes=self.numbers.decimal(minutes, 0)))
        if gap.missing_minutes == 0:
            text += say(Report.tr("; its per-minute figures were filled in by later polls"))
        elif gap.missing_minutes:
            text += say(Report.tr("; %n minute(s) of per-minute figures are missing", None, gap.missing_minutes))
        return text

    def gap_summary(self) -> str:
        gaps = self.figures.gaps
        if not gaps:
            return say(Report.tr("No data gaps: every source answered throughout."))
        return say(Report.tr("%n data gap(s): the charts leave them blank and the figures cover only what was "
                             "recorded.", None, len(gaps)))

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
                outcome = say(OUTCOMES.get(item.outcome, item.outcome))
                if item.message and item.outcome not in ("ok", NO_OUTCOME):
                    outcome = f"{outcome}: {say(item.message)}"
                cells = (self.time(at), item.who, action_name(item.action),
                         f"{say(value_text(item.before))} → {say(value_text(item.after))}", outcome)
                rows.append(TimelineRow(number, at, cells, colour, alert=False, marked=True))
            else:
                who = item.person or say(Report.tr("console"))
                phase = ALERT_PHASES.get(item.phase.value)
                what = say(phase.format(rule=rule_title(item.rule))) if phase else f"{item.phase.value}: {item.rule}"
                cells = (self.time(at), who, what, say(message_text(item.message)), "")
                rows.append(TimelineRow(number, at, cells, ALERT, alert=True, marked=item.phase.value == "raised"))
        return rows
