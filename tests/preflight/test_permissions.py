"""A denied call names the permission to grant, in the words of the page where it is granted."""

from __future__ import annotations

import pytest

from console.permissions import cloudflare_scope, describe_failure, permission_hint
from console.snapshots import FailureKind, SourceName
from console.sources.errors import SourceError

ZONE = "/client/v4/zones/5f1c"


@pytest.mark.parametrize(
    ("message", "scope"),
    [
        (f"GET {ZONE}/settings/security_level: HTTP 403: 10000 Authentication error", "Zone · Zone Settings · Read"),
        (f"PATCH {ZONE}/settings/security_level: HTTP 403: 9109 Unauthorized", "Zone · Zone Settings · Edit"),
        (f"GET {ZONE}/waiting_rooms/9c8b/status: HTTP 403: …", "Zone · Waiting Rooms · Read"),
        (f"PATCH {ZONE}/waiting_rooms/9c8b: HTTP 403: …", "Zone · Waiting Rooms · Edit"),
        ("POST /client/v4/graphql: HTTP 403: …", "Zone · Analytics · Read"),
        ("Cloudflare: HTTP 403", None),
    ],
)
def test_cloudflare_paths_map_to_token_permissions(message: str, scope: str | None) -> None:
    assert cloudflare_scope(message) == scope


def test_only_auth_failures_get_a_hint() -> None:
    timeout = SourceError(FailureKind.TIMEOUT, "GET /sales: no answer")
    assert permission_hint(SourceName.SHOP, timeout) is None
    assert describe_failure(SourceName.SHOP, timeout) == "timeout: GET /sales: no answer"


def test_each_source_names_what_to_grant() -> None:
    denied = SourceError(FailureKind.AUTH, "autoscaling:SetDesiredCapacity denied (AccessDenied): grant it")
    assert "docs/permissions.md" in (permission_hint(SourceName.AWS, denied) or "")
    assert describe_failure(SourceName.AWS, denied).startswith("auth: autoscaling:SetDesiredCapacity denied")
    forbidden = SourceError(FailureKind.AUTH, "POST /queue/pause: HTTP 403 forbidden: not allowed")
    assert "may not do this" in (permission_hint(SourceName.SHOP, forbidden) or "")
    unknown = SourceError(FailureKind.AUTH, "GET /sales: HTTP 401 unauthenticated: missing or invalid API key")
    assert "does not accept this API key" in (permission_hint(SourceName.SHOP, unknown) or "")
    room = SourceError(FailureKind.AUTH, f"PATCH {ZONE}/waiting_rooms/9c8b: HTTP 403: 10000 Authentication error")
    assert "Zone · Waiting Rooms · Edit" in describe_failure(SourceName.CLOUDFLARE, room)
