"""The API token as Cloudflare knows it: its status, its lifetime (TTL) and who owns it.

`GET /user/tokens/verify` answers for tokens a user owns; an account-owned token gets 401 there (code
1000, "Invalid API Token") and is verified at `GET /accounts/{account_id}/tokens/verify` instead, with
the same result: {id, status, expires_on?, not_before?}. A token that is not active is refused by every
other route (403, 10000), as Cloudflare refuses it; its lifetime is only reported, so tests and the
demo can set any expiry without waiting for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

DEMO_ACCOUNT_ID = "0a1b2c3d4e5f40718293a4b5c6d7e8f9"
DEMO_TOKEN_ID = "ed17574386854bf78a67040be0a770b0"
INVALID_TOKEN = (1000, "Invalid API Token")

TokenStatus = Literal["active", "disabled", "expired"]
TokenOwner = Literal["user", "account"]


@dataclass(frozen=True, slots=True)
class TokenGrant:
    status: TokenStatus = "active"
    expires_on: datetime | None = None  # None: the token does not expire (no TTL set)
    not_before: datetime | None = None
    owner: TokenOwner = "user"
    token_id: str = DEMO_TOKEN_ID

    def __post_init__(self) -> None:
        for moment in (self.expires_on, self.not_before):
            if moment is not None and moment.tzinfo is None:
                raise ValueError("token times must be timezone-aware")

    @property
    def usable(self) -> bool:
        return self.status == "active"

    def verify_result(self) -> dict[str, Any]:
        """The `result` of a verify call; the optional times are left out when not set, as Cloudflare does."""
        result: dict[str, Any] = {"id": self.token_id, "status": self.status}
        if self.expires_on is not None:
            result["expires_on"] = _iso(self.expires_on)
        if self.not_before is not None:
            result["not_before"] = _iso(self.not_before)
        return result

    def verifies_at(self, route: list[str], account_id: str) -> bool:
        """Whether this verify route answers for the token: its owner's route only."""
        if route == ["user", "tokens", "verify"]:
            return self.owner == "user"
        return self.owner == "account" and route == ["accounts", account_id, "tokens", "verify"]


def is_verify_route(route: list[str]) -> bool:
    return route == ["user", "tokens", "verify"] or (
        len(route) == 4 and route[0] == "accounts" and route[2:] == ["tokens", "verify"])


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
