"""Where secrets come from: the OS keychain, or an environment variable where there is none.

Never the campaign file. The demo's emulators accept fixed, well-known tokens that protect nothing,
so the demo needs no keychain entry.
"""

from __future__ import annotations

import os
from enum import StrEnum

from console.config import Campaign

KEYRING_SERVICE = "saleday-console"
DEMO_TOKENS = {"cloudflare": "demo-cloudflare-token", "shop": "demo-shop-key"}


class SecretSource(StrEnum):
    CLOUDFLARE = "cloudflare"
    SHOP = "shop"


ENV_VARS = {SecretSource.CLOUDFLARE: "SALEDAY_CLOUDFLARE_TOKEN", SecretSource.SHOP: "SALEDAY_SHOP_API_KEY"}


class MissingSecret(Exception):
    """No secret stored for a source; the message says how to store one (and contains no secret)."""


def keyring_user(campaign: Campaign, source: SecretSource) -> str:
    return f"{campaign.campaign.name}/{source.value}"


def secret_for(campaign: Campaign, source: SecretSource) -> str:
    if campaign.is_demo:
        return DEMO_TOKENS[source.value]
    from_env = os.environ.get(ENV_VARS[source])
    if from_env:
        return from_env
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            stored = keyring.get_password(KEYRING_SERVICE, keyring_user(campaign, source))
        except KeyringError as exc:
            raise MissingSecret(
                f"{source.value}: the OS keychain is not available ({type(exc).__name__}); "
                f"set {ENV_VARS[source]} instead"
            ) from None
    except ImportError:  # pragma: no cover - keyring is a dependency
        stored = None
    if not stored:
        raise MissingSecret(
            f"{source.value}: no secret stored; run `saleday-console credentials set {source.value} --config FILE` "
            f"or set {ENV_VARS[source]}"
        )
    return stored
