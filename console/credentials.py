"""Where secrets come from: the OS keychain, or an environment variable where there is none.

Never the campaign file, and never a plaintext file: keyring would quietly pick a file backend if
one is installed and nothing better is found, so such a backend is treated as no keychain at all and
the person is told to use the environment variable instead. The demo's emulators accept fixed,
well-known tokens that protect nothing, so the demo needs no keychain entry.

One keychain entry per campaign and source: service "saleday-console", user "<campaign>/<source>".
AWS has no entry here: boto3's own chain (profiles, SSO, environment) signs its requests.
"""

from __future__ import annotations

import os
import re
from enum import StrEnum

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringError, PasswordDeleteError

from console.config import Campaign

KEYRING_SERVICE = "saleday-console"
DEMO_TOKENS = {"cloudflare": "demo-cloudflare-token", "shop": "demo-shop-key"}
_SECRET_SHAPE = re.compile(r"[\x21-\x7e]{1,4096}")  # what an Authorization header can carry as-is


class SecretSource(StrEnum):
    CLOUDFLARE = "cloudflare"
    SHOP = "shop"


ENV_VARS = {SecretSource.CLOUDFLARE: "SALEDAY_CLOUDFLARE_TOKEN", SecretSource.SHOP: "SALEDAY_SHOP_API_KEY"}
SECRET_NAMES = {SecretSource.CLOUDFLARE: "Cloudflare API token", SecretSource.SHOP: "shop API key"}


class MissingSecret(Exception):
    """No secret stored for a source; the message says how to store one (and contains no secret)."""


class KeychainUnavailable(Exception):
    """The keychain cannot hold secrets here; the message names the environment variable to use instead."""


def keyring_user(campaign: Campaign, source: SecretSource) -> str:
    return f"{campaign.campaign.name}/{source.value}"


def _is_plaintext(backend: KeyringBackend) -> bool:
    kind = type(backend)
    return "plaintext" in kind.__name__.lower() or kind.__module__.startswith("keyrings.alt.file")


def keychain_problem(backend: KeyringBackend | None = None) -> str | None:
    """Why the keychain keyring would use cannot hold a secret here, or None when it can."""
    backend = keyring.get_keyring() if backend is None else backend
    if isinstance(backend, fail.Keyring):
        return "no keychain backend"
    if isinstance(backend, null.Keyring):
        return "the keychain is switched off (keyring's null backend)"
    if isinstance(backend, chainer.ChainerBackend):
        chained = list(backend.backends)
        if not chained:
            return "no keychain backend"
        problems = [keychain_problem(b) for b in chained]
        return next((p for p in problems if p is not None), None)
    if _is_plaintext(backend):
        return f"the keychain backend {type(backend).__name__} writes secrets to a plain file"
    return None


def no_keychain_message(problem: str, source: SecretSource) -> str:
    return f"{problem}: set {ENV_VARS[source]} instead"


def check_secret_shape(source: SecretSource, secret: str) -> None:
    """Refuse what no API would accept, without repeating it: an empty value, spaces, control characters."""
    if not _SECRET_SHAPE.fullmatch(secret):
        raise ValueError(
            f"the {SECRET_NAMES[source]} must be one word of printable ASCII (no spaces), up to 4096 characters"
        )


def secret_origin(campaign: Campaign, source: SecretSource) -> str:
    """Where secret_for would take the secret from: "demo", "environment", "keychain" or "none"."""
    if campaign.is_demo:
        return "demo"
    if os.environ.get(ENV_VARS[source]):
        return "environment"
    if keychain_problem() is not None:
        return "none"
    try:
        stored = keyring.get_password(KEYRING_SERVICE, keyring_user(campaign, source))
    except KeyringError:
        return "none"
    return "keychain" if stored else "none"


def secret_for(campaign: Campaign, source: SecretSource) -> str:
    if campaign.is_demo:
        return DEMO_TOKENS[source.value]
    from_env = os.environ.get(ENV_VARS[source])
    if from_env:
        return from_env
    problem = keychain_problem()
    if problem is not None:
        raise MissingSecret(f"{source.value}: {no_keychain_message(problem, source)}")
    try:
        stored = keyring.get_password(KEYRING_SERVICE, keyring_user(campaign, source))
    except KeyringError as exc:
        raise MissingSecret(
            f"{source.value}: the OS keychain is not available ({type(exc).__name__}); "
            f"set {ENV_VARS[source]} instead"
        ) from None
    if not stored:
        raise MissingSecret(
            f"{source.value}: no secret stored; run `saleday-console credentials set {source.value} --config FILE` "
            f"or set {ENV_VARS[source]}"
        )
    return stored


def _usable_keychain(source: SecretSource) -> None:
    problem = keychain_problem()
    if problem is not None:
        raise KeychainUnavailable(no_keychain_message(problem, source))


def store_secret(campaign: Campaign, source: SecretSource, secret: str) -> None:
    """Save the secret in the OS keychain; never anywhere else."""
    check_secret_shape(source, secret)
    _usable_keychain(source)
    try:
        keyring.set_password(KEYRING_SERVICE, keyring_user(campaign, source), secret)
    except KeyringError as exc:
        raise KeychainUnavailable(
            f"the keychain refused to store the {SECRET_NAMES[source]} ({type(exc).__name__}); "
            f"set {ENV_VARS[source]} instead"
        ) from None


def remove_secret(campaign: Campaign, source: SecretSource) -> bool:
    """Delete the keychain entry; False when there was none."""
    _usable_keychain(source)
    user = keyring_user(campaign, source)
    try:
        if keyring.get_password(KEYRING_SERVICE, user) is None:
            return False
        keyring.delete_password(KEYRING_SERVICE, user)
    except PasswordDeleteError:
        return False
    except KeyringError as exc:
        raise KeychainUnavailable(
            f"the keychain refused to remove the {SECRET_NAMES[source]} ({type(exc).__name__})"
        ) from None
    return True
