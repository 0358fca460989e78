"""Builds the Qt-free runtime of a campaign: clock, sources, pollers, state. Used by the GUI and the CLI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from console.budget import BudgetedSource, CloudflareBudgets
from console.clock import Clock, ScaledClock, WallClock
from console.config import Campaign
from console.credentials import Secrets, read_secrets
from console.poll_intervals import poll_interval
from console.poller import Poller
from console.snapshots import SourceName, SourceUpdate
from console.sources.aws import AwsSource
from console.sources.base import Source
from console.sources.cloudflare import CloudflareSource
from console.sources.shop import ShopSource

DEMO_AWS_CREDENTIALS = ("testing", "testing")


def campaign_clock(campaign: Campaign) -> Clock:
    if campaign.demo is None:
        return WallClock()
    return ScaledClock(campaign.demo.origin_sim, campaign.demo.origin_wall, campaign.demo.speed)


def build_sources(campaign: Campaign, clock: Clock, secrets: Secrets | None = None) -> list[Source]:
    """`secrets`: already read (the window reads them on its start-up worker); None reads them here."""
    secrets = secrets or read_secrets(campaign)
    timeout = campaign.poll.timeout
    aws_credentials = DEMO_AWS_CREDENTIALS if campaign.is_demo else None
    cloudflare = CloudflareSource(campaign.cloudflare, secrets.cloudflare, clock, timeout=timeout)
    budgets = CloudflareBudgets.for_console(campaign.cloudflare.consoles_sharing_token)
    return [
        AwsSource(campaign.aws, clock, timeout=timeout, credentials=aws_credentials),
        BudgetedSource(cloudflare, budgets),
        ShopSource(campaign.shop, secrets.shop, clock, timeout=timeout),
    ]


def stale_limits(campaign: Campaign) -> dict[SourceName, float]:
    """A source is stale after missing `stale_after_polls` polls (never sooner than 5 s)."""
    return {name: max(poll_interval(campaign, name) * campaign.poll.stale_after_polls, 5.0) for name in SourceName}


@dataclass
class Runtime:
    campaign: Campaign
    clock: Clock
    pollers: list[Poller] = field(default_factory=list)

    def start(self, sources: list[Source], publish: Callable[[SourceUpdate], None]) -> None:
        for source in sources:
            poller = Poller(source, poll_interval(self.campaign, source.name), self.clock, publish)
            self.pollers.append(poller)
            poller.start()

    def poll_now(self, source: SourceName) -> None:
        for poller in self.pollers:
            if poller.source.name == source:
                poller.poll_now()

    def poll_all_now(self) -> None:
        """Every source polls at once, whatever its backoff (the window's Reconnect)."""
        for poller in self.pollers:
            poller.poll_now()

    def stop(self) -> None:
        for poller in self.pollers:
            poller.stop(timeout=2.0)
