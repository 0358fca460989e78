"""How often each source is polled: the campaign's intervals, with Cloudflare held inside its API budget.

Kept apart from console.runtime (which builds the sources, and so loads boto3 and the Cloudflare SDK)
because the report needs the intervals to tell a data gap from a poll that was not due.
"""

from __future__ import annotations

from console.budget import (
    CLOUDFLARE_COST,
    CLOUDFLARE_GRAPHQL_LIMIT,
    CLOUDFLARE_REST_LIMIT,
    CLOUDFLARE_WINDOW_S,
    CONSOLE_SHARE,
)
from console.config import Campaign
from console.snapshots import SourceName


def cloudflare_floor(campaign: Campaign) -> float:
    """The shortest Cloudflare poll interval that keeps this console inside its share of the API budget."""
    share = CONSOLE_SHARE / campaign.cloudflare.consoles_sharing_token
    per_poll = max(CLOUDFLARE_COST["graphql"] / (CLOUDFLARE_GRAPHQL_LIMIT * share),
                   CLOUDFLARE_COST["rest"] / (CLOUDFLARE_REST_LIMIT * share))
    return CLOUDFLARE_WINDOW_S * per_poll


def poll_interval(campaign: Campaign, source: SourceName) -> float:
    return {
        SourceName.AWS: campaign.poll.aws,
        SourceName.CLOUDFLARE: max(campaign.poll.cloudflare, cloudflare_floor(campaign)),
        SourceName.SHOP: campaign.poll.shop,
    }[source]
