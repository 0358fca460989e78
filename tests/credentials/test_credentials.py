"""Secrets in the keychain: stored, found, removed; no keychain or a plaintext one is said plainly."""

from __future__ import annotations

from collections.abc import Iterator
from importlib.resources import files

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null

from console.config import Campaign, parse_campaign
from console.credentials import (
    DEMO_TOKENS,
    KEYRING_SERVICE,
    KeychainUnavailable,
    MissingSecret,
    SecretSource,
    check_secret_shape,
    keychain_problem,
    remove_secret,
    secret_for,
    secret_origin,
    store_secret,
)
from tests.credentials.keyrings import MemoryKeyring, PlaintextKeyring

EXAMPLE = files("resources").joinpath("example-campaign.toml").read_text(encoding="utf-8")
TOKEN = "cf-token-7d2a91c4e5b3"


@pytest.fixture
def campaign(monkeypatch: pytest.MonkeyPatch) -> Campaign:
    for name in ("SALEDAY_CLOUDFLARE_TOKEN", "SALEDAY_SHOP_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    return parse_campaign(EXAMPLE)


def use(backend: KeyringBackend) -> Iterator[KeyringBackend]:
    before = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(before)


@pytest.fixture
def memory() -> Iterator[KeyringBackend]:
    yield from use(MemoryKeyring())


@pytest.fixture
def no_keychain() -> Iterator[KeyringBackend]:
    yield from use(fail.Keyring())


def test_store_find_and_remove_one_entry_per_campaign_and_source(campaign: Campaign, memory: MemoryKeyring) -> None:
    assert secret_origin(campaign, SecretSource.CLOUDFLARE) == "none"
    store_secret(campaign, SecretSource.CLOUDFLARE, TOKEN)
    assert memory.entries == {(KEYRING_SERVICE, f"{campaign.campaign.name}/cloudflare"): TOKEN}
    assert secret_for(campaign, SecretSource.CLOUDFLARE) == TOKEN
    assert secret_origin(campaign, SecretSource.CLOUDFLARE) == "keychain"
    with pytest.raises(MissingSecret, match="credentials set shop"):
        secret_for(campaign, SecretSource.SHOP)
    assert remove_secret(campaign, SecretSource.CLOUDFLARE) is True
    assert remove_secret(campaign, SecretSource.CLOUDFLARE) is False
    assert memory.entries == {}


def test_the_environment_variable_comes_first(campaign: Campaign, memory: MemoryKeyring,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    store_secret(campaign, SecretSource.SHOP, "from-the-keychain")
    monkeypatch.setenv("SALEDAY_SHOP_API_KEY", "from-the-environment")
    assert secret_for(campaign, SecretSource.SHOP) == "from-the-environment"
    assert secret_origin(campaign, SecretSource.SHOP) == "environment"


def test_the_demo_uses_its_fixed_tokens(memory: MemoryKeyring) -> None:
    demo = parse_campaign(EXAMPLE + "\n[demo]\nspeed = 10.0\norigin_wall = 0.0\norigin_sim = 2026-01-01T00:00:00Z\n")
    assert secret_for(demo, SecretSource.CLOUDFLARE) == DEMO_TOKENS["cloudflare"]
    assert secret_origin(demo, SecretSource.SHOP) == "demo"


def test_without_a_keychain_it_says_so_and_names_the_variable(campaign: Campaign, no_keychain: KeyringBackend) -> None:
    assert keychain_problem() == "no keychain backend"
    with pytest.raises(MissingSecret) as missing:
        secret_for(campaign, SecretSource.CLOUDFLARE)
    assert str(missing.value) == "cloudflare: no keychain backend: set SALEDAY_CLOUDFLARE_TOKEN instead"
    with pytest.raises(KeychainUnavailable, match="no keychain backend: set SALEDAY_SHOP_API_KEY instead"):
        store_secret(campaign, SecretSource.SHOP, TOKEN)
    with pytest.raises(KeychainUnavailable):
        remove_secret(campaign, SecretSource.SHOP)


@pytest.mark.parametrize("backend", [null.Keyring(), PlaintextKeyring()], ids=["null", "plaintext-file"])
def test_a_keychain_that_would_drop_or_expose_the_secret_is_refused(campaign: Campaign,
                                                                    backend: KeyringBackend) -> None:
    for _ in use(backend):
        assert keychain_problem() is not None
        with pytest.raises(KeychainUnavailable, match="set SALEDAY_CLOUDFLARE_TOKEN instead"):
            store_secret(campaign, SecretSource.CLOUDFLARE, TOKEN)
        if isinstance(backend, MemoryKeyring):
            assert backend.entries == {}


@pytest.mark.parametrize("secret", ["", "two words", "tab\there", "new\nline", "é-accent"])
def test_a_secret_no_api_would_take_is_refused_without_repeating_it(campaign: Campaign, memory: MemoryKeyring,
                                                                   secret: str) -> None:
    with pytest.raises(ValueError) as refused:
        store_secret(campaign, SecretSource.CLOUDFLARE, secret)
    assert secret.strip() == "" or secret not in str(refused.value)
    assert memory.entries == {}
    check_secret_shape(SecretSource.SHOP, "a-valid_key.123")
