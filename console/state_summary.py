"""The values the panels show, as flat key=value pairs: for smoke runs and scripted checks."""

from __future__ import annotations

from console.series import SeriesKey
from console.state import CampaignState


def state_values(state: CampaignState, monotonic_now: float) -> dict[str, str]:
    values: dict[str, str] = {}
    if (queue := state.queue.value) is not None:
        values.update({"queue.queued": str(queue.queued), "queue.admitted_per_minute": f"{queue.admitted_per_minute:g}",
                       "queue.status": queue.status})
    if (sales := state.sales.value) is not None:
        values.update({"sales.tickets_sold": str(sales.tickets_sold), "sales.revenue": f"{sales.revenue:.2f}",
                       "sales.percent_sold": f"{sales.percent_sold:.2f}"})
    if (fleet := state.fleet.value) is not None:
        values.update({"fleet.desired": str(fleet.desired), "fleet.serving": str(fleet.serving),
                       "fleet.latency_ms": f"{fleet.latency_ms or 0:.1f}"})
    if (cdn := state.cdn.value) is not None:
        values.update({"cdn.cache_share_percent": f"{cdn.cache_share_percent or 0:.2f}",
                       "cdn.visitors_per_minute": str(cdn.visitors_per_minute),
                       "cdn.security_level": cdn.security_level})
    values["traffic.visitors_points"] = str(len(state.series[SeriesKey.VISITORS]))
    for source, health in state.health.items():
        values[f"health.{source.value}"] = "stale" if health.value.is_stale(monotonic_now) else "fresh"
    values["markers"] = str(len(state.markers.value))
    return values


def format_values(values: dict[str, str]) -> str:
    return "".join(f"{key}={value}\n" for key, value in sorted(values.items()))
