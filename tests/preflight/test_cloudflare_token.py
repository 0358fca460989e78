"""Does the Cloudflare token last the sale? The SDK's verify calls against the emulator, and the pre-flight
check over the live demo with the token's lifetime set in the emulated Cloudflare."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone

import pytest

from console.config import Campaign, CloudflareConfig
from console.credentials import SecretSource, secret_for
from console.demo.cloudflare_emulator import CloudflareEmulator, CloudflareWorld
from console.demo.cloudflare_tokens import TokenGrant
from console.demo.environment import DemoEnvironment
from console.preflight import CheckResult, CheckStatus, Preflight, PreflightPlan
from console.runtime import campaign_clock
from console.snapshots import FailureKind
from console.sources.cloudflare_token import read_token_lifetime
from console.sources.errors import SourceError

TOKEN = "token-under-test-5Rw1"
NAME = "Cloudflare token lasts the sale"


# ---------------------------------------------------------------- the SDK's verify calls


@pytest.fixture
def world() -> CloudflareWorld:
    return CloudflareWorld()


@pytest.fixture
def emulator(world: CloudflareWorld) -> Iterator[CloudflareEmulator]:
    with CloudflareEmulator(world, TOKEN) as running:
        yield running


@pytest.fixture
def config(world: CloudflareWorld, emulator: CloudflareEmulator) -> CloudflareConfig:
    return CloudflareConfig(zone_id=world.zone_id, waiting_room_id=world.room_id, base_url=emulator.base_url)


def test_a_user_token_is_read_at_the_user_route(config: CloudflareConfig, world: CloudflareWorld) -> None:
    ends = datetime.fromisoformat("2026-12-01T18:30:00+00:00")
    world.set_token(TokenGrant(expires_on=ends))
    lifetime = read_token_lifetime(config, TOKEN, timeout=3)
    assert (lifetime.status, lifetime.expires_on, lifetime.not_before, lifetime.owner) == ("active", ends, None, "user")


def test_an_account_token_is_read_at_the_zones_account(config: CloudflareConfig, world: CloudflareWorld) -> None:
    starts = datetime.fromisoformat("2026-11-01T08:00:00+00:00")
    world.set_token(TokenGrant(owner="account", not_before=starts))
    lifetime = read_token_lifetime(config, TOKEN, timeout=3)
    assert (lifetime.status, lifetime.not_before, lifetime.owner) == ("active", starts, "account")
    world.set_token(TokenGrant(owner="account", status="disabled"))  # it cannot read the zone to find its account
    with pytest.raises(SourceError, match="/user/tokens/verify: HTTP 401"):
        read_token_lifetime(config, TOKEN, timeout=3)


def test_a_wrong_token_is_an_auth_failure_without_the_token(config: CloudflareConfig) -> None:
    wrong = "wrong-token-8Zx2"
    with pytest.raises(SourceError) as refused:
        read_token_lifetime(config, wrong, timeout=3)
    assert refused.value.kind is FailureKind.AUTH
    assert "/user/tokens/verify" in refused.value.message and "HTTP 401" in refused.value.message
    assert wrong not in refused.value.message and refused.value.__cause__ is None


@pytest.mark.parametrize("body", ['{"success": true, "errors": [], "messages": [], "result": {"id": "x"}}',
                                  '{"success": true, "errors": [], "messages": [], '
                                  '"result": {"id": "x", "status": "active", "expires_on": "soon"}}',
                                  "<html>maintenance</html>"])
def test_a_malformed_answer_is_a_bad_response(config: CloudflareConfig, emulator: CloudflareEmulator,
                                              body: str) -> None:
    emulator.garble_next(body, path="/tokens/verify")
    with pytest.raises(SourceError) as bad:
        read_token_lifetime(config, TOKEN, timeout=3)
    assert bad.value.kind is FailureKind.BAD_RESPONSE


# ---------------------------------------------------------------- the check over the live demo



def check(campaign: Campaign, demo: DemoEnvironment, grant: TokenGrant) -> tuple[CheckResult, Preflight]:
    assert demo.cloudflare_world is not None
    demo.cloudflare_world.set_token(grant)
    preflight = Preflight(campaign, campaign_clock(campaign), PreflightPlan(window_hours=4))
    return preflight.token_check(secret_for(campaign, SecretSource.CLOUDFLARE)), preflight


def utc(moment: datetime) -> str:
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M} UTC"


def test_times_are_shown_in_utc_whatever_the_campaign_offset(campaign: Campaign, demo: DemoEnvironment) -> None:
    local = campaign.campaign.onsale_at.astimezone(timezone(timedelta(hours=2)))
    result, _ = check(campaign, demo, TokenGrant(expires_on=local + timedelta(hours=5)))
    in_utc = (local + timedelta(hours=5)).astimezone(UTC)
    assert f"active until {in_utc:%Y-%m-%d %H:%M} UTC" in result.detail


def test_a_token_without_expiry_passes(campaign: Campaign, demo: DemoEnvironment) -> None:
    result, _ = check(campaign, demo, TokenGrant())
    assert result.status is CheckStatus.OK and result.detail == "active, does not expire"


def test_a_token_that_outlasts_the_window_passes(campaign: Campaign, demo: DemoEnvironment) -> None:
    ends = campaign.campaign.onsale_at + timedelta(hours=5)
    result, preflight = check(campaign, demo, TokenGrant(expires_on=ends))
    assert result.status is CheckStatus.OK, result
    assert result.detail == f"active until {utc(ends)}, after the sale window ends ({utc(preflight.window_end)})"


@pytest.mark.parametrize("owner", ["user", "account"])
def test_a_token_that_expires_inside_the_window_fails_and_names_the_time(campaign: Campaign, demo: DemoEnvironment,
                                                                         owner: str) -> None:
    ends = campaign.campaign.onsale_at + timedelta(hours=1, minutes=17)
    result, _ = check(campaign, demo, TokenGrant(expires_on=ends, owner=owner))  # type: ignore[arg-type]
    assert result.status is CheckStatus.FAILED
    assert result.detail.startswith(f"the token expires at {utc(ends)}, before the sale window ends")


def test_an_expired_or_disabled_token_fails(campaign: Campaign, demo: DemoEnvironment) -> None:
    past = campaign_clock(campaign).now() - timedelta(days=2)
    expired, _ = check(campaign, demo, TokenGrant(status="expired", expires_on=past))
    assert expired.status is CheckStatus.FAILED and expired.detail.startswith("Cloudflare says the token is expired")
    lapsed, _ = check(campaign, demo, TokenGrant(expires_on=past))  # Cloudflare has not caught up with the clock
    assert lapsed.status is CheckStatus.FAILED and lapsed.detail.startswith(f"the token expired at {utc(past)}")
    disabled, _ = check(campaign, demo, TokenGrant(status="disabled"))
    assert disabled.status is CheckStatus.FAILED and "disabled" in disabled.detail


def test_a_token_not_valid_yet_fails(campaign: Campaign, demo: DemoEnvironment) -> None:
    starts = campaign_clock(campaign).now() + timedelta(hours=2)
    result, _ = check(campaign, demo, TokenGrant(not_before=starts))
    assert result.status is CheckStatus.FAILED
    assert result.detail == f"the token is not valid before {utc(starts)}: it cannot be used yet"


def test_the_check_runs_in_the_checklist_and_fails_it(campaign: Campaign, demo: DemoEnvironment) -> None:
    assert demo.cloudflare_world is not None
    demo.cloudflare_world.set_token(TokenGrant(expires_on=campaign.campaign.onsale_at + timedelta(minutes=30)))
    results = {r.name: r for r in Preflight(campaign, campaign_clock(campaign)).cloudflare_checks()}
    assert results[NAME].status is CheckStatus.FAILED
    assert results["Cloudflare reachable"].status is CheckStatus.OK  # the token still works today
