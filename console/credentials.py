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
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringError, PasswordDeleteError

from console.config import Campaign
from console.text import Text, TextContext

Credentials = TextContext("Credentials")
KEYRING_SERVICE = "saleday-console"
DEMO_TOKENS = {"cloudflare": "demo-cloudflare-token", "shop": "demo-shop-key"}
_SECRET_SHAPE = re.compile(r"[\x21-\x7e]{1,4096}")  # what an Authorization header can carry as-is


class SecretSource(StrEnum):
    CLOUDFLARE = "cloudflare"
    SHOP = "shop"


ENV_VARS = {SecretSource.CLOUDFLARE: "SALEDAY_CLOUDFLARE_TOKEN", SecretSource.SHOP: "SALEDAY_SHOP_API_KEY"}
SECRET_NAMES = {SecretSource.CLOUDFLARE: Credentials.tr("Cloudflare API token"),
                SecretSource.SHOP: Credentials.tr("shop API key")}


class _Explained(Exception):
    """An error whose message is a Text, for the window to say in its language; str() is the English."""

    def __init__(self, text: Text) -> None:
        super().__init__(text)
        self.text = text


class MissingSecret(_Explained):
    """No secret stored for a source; the message says how to store one (and contains no secret)."""


class KeychainUnavailable(_Explained):
    """The keychain cannot hold secrets here; the message names the environment variable to use instead."""


class BadSecret(_Explained, ValueError):
    """What no API would accept; the message does not repeat it."""


def keyring_user(campaign: Campaign, source: SecretSource) -> str:
    return f"{campaign.campaign.name}/{source.value}"


def _is_plaintext(backend: KeyringBackend) -> bool:
    kind = type(backend)
    return "plaintext" in kind.__name__.lower() or kind.__module__.startswith("keyrings.alt.file")


def keychain_problem(backend: KeyringBackend | None = None) -> Text | None:
    """Why the keychain keyring would use cannot hold a secret here, or None when it can."""
    backend = keyring.get_keyring() if backend is None else backend
    if isinstance(backend, fail.Keyring):
        return Credentials.tr("no keychain backend")
    if isinstance(backend, null.Keyring):
        return Credentials.tr("the keychain is switched off (keyring's null backend)")
    if isinstance(backend, chainer.ChainerBackend):
        chained = list(backend.backends)
        if not chained:
            return Credentials.tr("no keychain backend")
        problems = [keychain_problem(b) for b in chained]
        return next((p for p in problems if p is not None), None)
    if _is_plaintext(backend):
        return Credentials.tr("the keychain backend {backend} writes secrets to a plain file").format(
            backend=type(backend).__name__)
    return None


def no_keychain_message(problem: Text, source: SecretSource) -> Text:
    return Credentials.tr("{problem}: set {variable} instead").format(problem=problem, variable=ENV_VARS[source])


def check_secret_shape(source: SecretSource, secret: str) -> None:
    """Refuse what no API would accept, without repeating it: an empty value, spaces, control characters."""
    if not _SECRET_SHAPE.fullmatch(secret):
        raise BadSecret(Credentials.tr("the {secret} must be one word of printable ASCII (no spaces), up to 4096 "
                                       "characters").format(secret=SECRET_NAMES[source]))


def secret_origin(campaign: Campaign, source: SecretSource) -> str:
    """Where secret_for would take the secret from: "demo", "environment", "keychain" or "none".

    Reads the keychain, which may block (a locked keychain asks its owner): never on the GUI thread."""
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


@dataclass(frozen=True)
class KeychainView:
    """What the credentials dialog shows: whether the keychain can hold secrets, and where each comes from."""

    problem: Text | None  # None: secrets can be stored (always None for the demo, which stores none)
    origins: Mapping[SecretSource, str]  # as secret_origin says


def keychain_view(campaign: Campaign) -> KeychainView:
    """Reads the keychain (may block): on a worker thread, never the GUI's."""
    problem = None if campaign.is_demo else keychain_problem()
    return KeychainView(problem, {source: secret_origin(campaign, source) for source in SecretSource})


def secret_for(campaign: Campaign, source: SecretSource) -> str:
    """The secret from the environment or the keychain (may block: never on the GUI thread)."""
    if campaign.is_demo:
        return DEMO_TOKENS[source.value]
    from_env = os.environ.get(ENV_VARS[source])
    if from_env:
        return from_env
    problem = keychain_problem()
    if problem is not None:
        raise MissingSecret(Text("Credentials", "{source}: {problem}",
                                 {"source": source.value, "problem": no_keychain_message(problem, source)}))
    try:
        stored = keyring.get_password(KEYRING_SERVICE, keyring_user(campaign, source))
    except KeyringError as exc:
        raise MissingSecret(Credentials.tr("{source}: the OS keychain is not available ({error}); set {variable} "
                                           "instead").format(source=source.value, error=type(exc).__name__,
                                                             variable=ENV_VARS[source])) from None
    if not stored:
        raise MissingSecret(Credentials.tr("{source}: no secret stored; run `saleday-console credentials set {source} "
                                           "--config FILE` or set {variable}").format(source=source.value,
                                                                                      variable=ENV_VARS[source]))
    return stored


@dataclass(frozen=True)
class Secrets:
    """Both secrets of a campaign, read once off the GUI thread and handed to what the window builds."""

    cloudflare: str = field(repr=False)
    shop: str = field(repr=False)


def read_secrets(campaign: Campaign) -> Secrets:
    """Reads the keychain (may block): at start-up on the worker thread. Raises MissingSecret."""
    return Secrets(secret_for(campaign, SecretSource.CLOUDFLARE), secret_for(campaign, SecretSource.SHOP))


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
        raise KeychainUnavailable(Credentials.tr("the keychain refused to store the {secret} ({error}); set "
                                                 "{variable} instead").format(
            secret=SECRET_NAMES[source], error=type(exc).__name__, variable=ENV_VARS[source])) from None


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
        raise KeychainUnavailable(Credentials.tr("the keychain refused to remove the {secret} ({error})").format(
            secret=SECRET_NAMES[source], error=type(exc).__name__)) from None
    return True
