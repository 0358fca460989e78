"""The emulator's token routes over raw HTTP: verify for user- and account-owned tokens, zone details,
and a token that is no longer active being refused everywhere else."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import requests

from console.demo.cloudflare_emulator import CloudflareEmulator, CloudflareWorld
from console.demo.cloudflare_tokens import DEMO_TOKEN_ID, TokenGrant

TOKEN = "emulator-token-4Kq8"
EXPIRES = datetime(2026, 12, 1, 18, 30, tzinfo=UTC)
STARTS = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def world() -> CloudflareWorld:
    return CloudflareWorld()


@pytest.fixture
def emulator(world: CloudflareWorld) -> Iterator[CloudflareEmulator]:
    with CloudflareEmulator(world, TOKEN) as running:
        yield running


def get(emulator: CloudflareEmulator, path: str, token: str = TOKEN) -> requests.Response:
    return requests.get(f"{emulator.base_url}{path}", headers={"Authorization": f"Bearer {token}"}, timeout=5)


def test_a_user_token_without_ttl_verifies_without_times(emulator: CloudflareEmulator) -> None:
    answer = get(emulator, "/user/tokens/verify")
    assert answer.status_code == 200
    body = answer.json()
    assert body["success"] is True
    assert body["result"] == {"id": DEMO_TOKEN_ID, "status": "active"}


def test_a_ttl_is_reported_in_utc(emulator: CloudflareEmulator, world: CloudflareWorld) -> None:
    world.set_token(TokenGrant(expires_on=EXPIRES, not_before=STARTS))
    result = get(emulator, "/user/tokens/verify").json()["result"]
    assert result["expires_on"] == "2026-12-01T18:30:00Z" and result["not_before"] == "2026-11-01T08:00:00Z"


def test_an_account_token_verifies_only_at_its_account(emulator: CloudflareEmulator, world: CloudflareWorld) -> None:
    world.set_token(TokenGrant(owner="account"))
    refused = get(emulator, "/user/tokens/verify")
    assert refused.status_code == 401 and refused.json()["errors"][0]["code"] == 1000
    zone = get(emulator, f"/zones/{world.zone_id}").json()["result"]
    assert zone["account"]["id"] == world.account_id and zone["name"] == "example.com"
    assert get(emulator, f"/accounts/{world.account_id}/tokens/verify").json()["result"]["status"] == "active"
    assert get(emulator, "/accounts/00000000000000000000000000000000/tokens/verify").status_code == 401


def test_a_wrong_token_gets_401_at_verify_and_403_elsewhere(emulator: CloudflareEmulator,
                                                            world: CloudflareWorld) -> None:
    assert get(emulator, "/user/tokens/verify", "not-the-token").status_code == 401
    assert get(emulator, f"/zones/{world.zone_id}", "not-the-token").status_code == 403


def test_a_disabled_token_verifies_as_disabled_and_reads_nothing(emulator: CloudflareEmulator,
                                                                 world: CloudflareWorld) -> None:
    world.set_token(TokenGrant(status="disabled"))
    assert get(emulator, "/user/tokens/verify").json()["result"]["status"] == "disabled"
    denied = get(emulator, f"/zones/{world.zone_id}/settings/security_level")
    assert denied.status_code == 403 and denied.json()["errors"][0]["code"] == 10000


def test_verify_is_read_only(emulator: CloudflareEmulator) -> None:
    answer = requests.post(f"{emulator.base_url}/user/tokens/verify", headers={"Authorization": f"Bearer {TOKEN}"},
                           timeout=5)
    assert answer.status_code == 405


def test_token_times_must_carry_a_zone() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        TokenGrant(expires_on=datetime(2026, 12, 1, 18, 30))
