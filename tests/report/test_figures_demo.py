"""A recorded demo day's report figures equal the simulator's own counts, exactly where the path is exact.

The recording went through the real clients (boto3 to moto, the Cloudflare SDK to the emulator,
requests to the shop emulator), the pollers and the recorder; the simulator kept what it published.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from console.demo.driver import PublishedMinute
from console.report.data import RecordingData
from console.report.figures import ReportFigures
from tests.report.recorded_demo import SCRIPT, SPEED, RecordedDay


@pytest.fixture(scope="module")
def published(demo_day: RecordedDay) -> list[PublishedMinute]:
    assert demo_day.env.driver is not None
    return demo_day.env.driver.published


def test_every_published_minute_was_recorded_as_published(
    demo_data: RecordingData, published: list[PublishedMinute]
) -> None:
    assert [m.at for m in published] == list(demo_data.traffic)
    for sim in published:
        got = demo_data.traffic[sim.at]
        assert (got.uniques, got.requests, got.cached_requests, got.bytes, got.cached_bytes, got.threats) == (
            sim.uniques, sim.edge_requests, sim.cached_requests, sim.bytes, sim.cached_bytes, sim.threats)
        assert demo_data.aws_minutes["origin_requests_per_min"][sim.at] == pytest.approx(sim.origin_requests)
        assert demo_data.aws_minutes["http_5xx_per_min"][sim.at] == pytest.approx(sim.errors_5xx)


def test_traffic_figures_equal_the_simulation(demo_figures: ReportFigures, published: list[PublishedMinute]) -> None:
    peak = max(published, key=lambda m: m.uniques)
    busiest = max(published, key=lambda m: m.edge_requests)
    assert demo_figures.peak_visitors_per_minute == peak.uniques
    assert demo_figures.peak_visitors_at == peak.at
    assert demo_figures.peak_requests_per_second == busiest.edge_requests / 60
    assert demo_figures.threats_blocked == sum(m.threats for m in published)
    assert demo_figures.bytes_saved == sum(m.cached_bytes for m in published)
    assert demo_figures.bytes_served == sum(m.bytes for m in published)
    assert demo_figures.cache_share_percent == pytest.approx(
        100 * sum(m.cached_bytes for m in published) / sum(m.bytes for m in published), rel=1e-12)
    assert demo_figures.threats_blocked > 1_000_000  # the attack happened and was blocked
    expected = sorted(published, key=lambda m: (-m.uniques, m.at))[:10]
    assert [(b.at, b.visitors) for b in demo_figures.busiest_minutes] == [(m.at, m.uniques) for m in expected]


def test_origin_figures_equal_the_simulation(
    demo_day: RecordedDay, demo_figures: ReportFigures, published: list[PublishedMinute]
) -> None:
    alerts = demo_day.campaign.alerts
    served = [m for m in published if m.origin_requests > 0]
    assert demo_figures.error_rate_percent == pytest.approx(
        100 * sum(m.errors_5xx for m in served) / sum(m.origin_requests for m in served), rel=1e-9)
    peak = max(published, key=lambda m: m.uniques)
    assert demo_figures.error_rate_at_peak_percent == pytest.approx(100 * peak.errors_5xx / peak.origin_requests)
    degraded = [m for m in served if m.response_time_s * 1000 > alerts.latency_ms
                or 100 * m.errors_5xx / m.origin_requests > alerts.error_rate_percent]
    assert demo_figures.degraded_minutes == len(degraded) > 0


def test_sales_figures_equal_the_shop(demo_day: RecordedDay, demo_figures: ReportFigures) -> None:
    assert demo_day.env.shop_world is not None and demo_day.env.driver is not None
    shop = demo_day.env.shop_world.sales_dict()
    assert demo_figures.tickets_sold == shop["tickets_sold"]
    assert demo_figures.revenue == shop["revenue"]
    assert demo_figures.capacity == 20_000
    assert demo_figures.capacity_sold_percent == pytest.approx(100 * demo_figures.tickets_sold / 20_000)
    model = demo_day.env.driver.model
    if model.sold_out_at_s is None:
        assert demo_figures.sold_out_at is None
    else:  # seen by the first shop poll after it happened
        sold_out = demo_day.env.driver.model_time - timedelta(seconds=model.elapsed_s - model.sold_out_at_s)
        assert demo_figures.sold_out_at is not None
        lag = demo_figures.sold_out_at - sold_out
        assert timedelta(0) <= lag <= timedelta(seconds=3 * demo_day.campaign.poll.shop * SPEED)


def test_queue_figures_are_the_longest_recorded(demo_data: RecordingData, demo_figures: ReportFigures) -> None:
    longest = max(demo_data.shop, key=lambda s: s.queue_length)
    assert (demo_figures.longest_queue, demo_figures.longest_queue_at) == (longest.queue_length, longest.measured_at)
    assert demo_figures.longest_queue > 10_000
    assert demo_figures.longest_wait_seconds == max(s.estimated_wait_seconds for s in demo_data.shop)


def test_instance_hours_follow_the_scale_out(demo_day: RecordedDay, demo_data: RecordingData,
                                             demo_figures: ReportFigures) -> None:
    """8 instances until the scale-out at the on-sale, 20 after it (moto starts them at once)."""
    first, last = demo_data.aws[0].measured_at, demo_data.aws[-1].measured_at
    scaled = demo_day.campaign.campaign.onsale_at
    expected = (8 * (scaled - first) + 20 * (last - scaled)) / timedelta(hours=1)
    poll = timedelta(seconds=demo_day.campaign.poll.aws * SPEED) / timedelta(hours=1)
    # The step the report integrates moves at the first poll after the change: 12 instances x one poll.
    assert demo_figures.instance_hours == pytest.approx(expected, abs=12 * 1.5 * poll)
    assert demo_figures.estimated_cost == pytest.approx(demo_figures.instance_hours * 0.21)


def test_actions_alerts_and_coverage(demo_day: RecordedDay, demo_figures: ReportFigures) -> None:
    assert demo_figures.actions == len(SCRIPT) == len(demo_day.action_ids)
    assert demo_figures.failed_actions == 0
    assert demo_figures.alerts_raised == 1
    assert demo_figures.gaps == ()  # every source answered throughout
    assert demo_figures.first_at is not None and demo_figures.last_at is not None
    assert demo_figures.last_at - demo_figures.first_at > timedelta(minutes=40)
