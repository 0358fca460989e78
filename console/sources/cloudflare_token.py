"""What Cloudflare knows about the API token: its status and lifetime (TTL), read through the official SDK.

`GET /user/tokens/verify` answers for a token a user owns and refuses an account-owned one with 401;
that one is verified at `GET /accounts/{account_id}/tokens/verify`, the account being the zone's
(`GET /zones/{zone_id}`). The answer is {id, status, expires_on?, not_before?}; a missing time means
no limit on that side.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

import cloudflare

from console.config import CloudflareConfig
from console.snapshots import FailureKind
from console.sources.cloudflare import call_sdk, make_client
from console.sources.cloudflare_parse import envelope_result
from console.sources.errors import SourceError

TOKEN_STATUSES = ("active", "disabled", "expired")


@dataclass(frozen=True, slots=True)
class TokenLifetime:
    status: str  # one of TOKEN_STATUSES
    expires_on: datetime | None  # None: the token does not expire
    not_before: datetime | None  # None: valid from its creation
    owner: str  # "user" or "account": which verify route answered


def _bad(message: str) -> SourceError:
    return SourceError(FailureKind.BAD_RESPONSE, message)


def _moment(result: Mapping[str, object], key: str) -> datetime | None:
    value = result.get(key)
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise _bad(f"token verify: {key} is not a date-time") from None
    if moment.tzinfo is None:
        raise _bad(f"token verify: {key} has no time zone")
    return moment


def parse_token_verify(body: object, owner: str) -> TokenLifetime:
    what = "token verify"
    result = envelope_result(body, what)
    if not isinstance(result, Mapping):
        raise _bad(f"{what}: expected an object")
    status = result.get("status")
    if status not in TOKEN_STATUSES:
        raise _bad(f"{what}: status is missing or unknown")
    return TokenLifetime(str(status), _moment(result, "expires_on"), _moment(result, "not_before"), owner)


def parse_zone_account(body: object) -> str:
    result = envelope_result(body, "zone")
    account = result.get("account") if isinstance(result, Mapping) else None
    account_id = account.get("id") if isinstance(account, Mapping) else None
    if not isinstance(account_id, str) or not account_id:
        raise _bad("zone: account.id is missing")
    return account_id


def _verify(client: cloudflare.Cloudflare, zone_id: str, token: str) -> TokenLifetime:
    try:
        return parse_token_verify(call_sdk(lambda: client.user.tokens.with_raw_response.verify().json(), token), "user")
    except SourceError as exc:
        if exc.kind is not FailureKind.AUTH:
            raise
        refused = exc
    try:  # perhaps an account-owned token: ask its account, which the zone names
        account = parse_zone_account(call_sdk(lambda: client.zones.with_raw_response.get(zone_id=zone_id).json(),
                                              token))
    except SourceError:
        raise refused from None  # the zone cannot be read either: the token itself was refused
    body = call_sdk(lambda: client.accounts.tokens.with_raw_response.verify(account_id=account).json(), token)
    return parse_token_verify(body, "account")


def read_token_lifetime(config: CloudflareConfig, token: str, timeout: float = 8.0) -> TokenLifetime:
    """One or three requests; every failure is a SourceError without the token."""
    client = make_client(config, token, timeout)
    try:
        return _verify(client, config.zone_id, token)
    finally:
        client.close()
