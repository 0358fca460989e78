"""Does the Cloudflare API token last the sale? Its status and lifetime (TTL) against the sale window.

A token with a TTL stops working at `expires_on` in the middle of whatever the console is doing, and
one with `not_before` in the future does not work yet; either is a failure of the pre-flight, as is a
token Cloudflare reports disabled or expired.
"""

from __future__ import annotations

from datetime import UTC, datetime

from console.sources.cloudflare_token import TokenLifetime
from console.text import Text, TextContext

Checks = TextContext("Checks")
STATUS_WORDS = {"active": Checks.tr("active"), "disabled": Checks.tr("disabled"),
                "expired": Checks.tr("expired")}


def _utc(moment: datetime) -> str:
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M} UTC"


def check_token_lifetime(token: TokenLifetime, window_end: datetime, now: datetime) -> tuple[str, Text]:
    """("ok" | "failed", detail) for a sale window that ends at `window_end`."""
    end = _utc(window_end)
    if token.status != "active":
        return "failed", Checks.tr("Cloudflare says the token is {status}: create a new one and store it").format(
            status=STATUS_WORDS.get(token.status, token.status))
    if token.not_before is not None and token.not_before > now:
        return "failed", Checks.tr("the token is not valid before {start}: it cannot be used yet").format(
            start=_utc(token.not_before))
    if token.expires_on is None:
        return "ok", Checks.tr("active, does not expire")
    ends = _utc(token.expires_on)
    if token.expires_on <= now:
        return "failed", Checks.tr("the token expired at {ends}: create a new one and store it").format(ends=ends)
    if token.expires_on < window_end:
        return "failed", Checks.tr("the token expires at {ends}, before the sale window ends ({end}): extend its "
                                   "TTL or store a new token").format(ends=ends, end=end)
    return "ok", Checks.tr("active until {ends}, after the sale window ends ({end})").format(ends=ends, end=end)
