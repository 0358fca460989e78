"""How long the AWS sign-in lasts: will the console still be signed in when the sale window ends?

Read from botocore's own configuration and caches, without a network call: an SSO profile's token in
~/.aws/sso/cache (its `expiresAt`, and whether a refresh token lets botocore renew it), or the expiry
of temporary credentials from the environment. Roles that renew themselves (instance and container
roles, assumed roles, credential processes) have no end the console could check.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import botocore.session
from botocore.credentials import RefreshableCredentials, SSOProvider
from botocore.exceptions import SSOTokenLoadError
from botocore.utils import JSONFileCache, SSOTokenLoader

from console.config import AwsConfig
from console.text import Text, TextContext

Checks = TextContext("Checks")
SELF_RENEWING = frozenset(
    {"assume-role", "assume-role-with-web-identity", "container-role", "iam-role", "custom-process"}
)


@dataclass(frozen=True, slots=True)
class SignIn:
    """What signs the console's AWS requests. `ends` is None when no end is known or there is none."""

    method: str  # "sso", "env", "shared-credentials-file", "iam-role", ..., "static", "none"
    ends: datetime | None
    renewable: bool  # botocore renews it by itself (an SSO refresh token, an assumed or instance role)
    temporary: bool = False
    problem: Text | None = None  # not signed in at all, and what to do about it


def _parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text.strip().replace("Z", "+00:00"))


def _sso_settings(session: Any, scoped: dict[str, Any]) -> tuple[str, str | None] | None:
    """(start URL, sso-session name) for an SSO profile, else None."""
    name = scoped.get("sso_session")
    if name:
        section = session.full_config.get("sso_sessions", {}).get(name, {})
        return str(section.get("sso_start_url", scoped.get("sso_start_url", ""))), str(name)
    if scoped.get("sso_start_url"):
        return str(scoped["sso_start_url"]), None
    return None


def _sso_sign_in(profile: str | None, start_url: str, session_name: str | None, cache_dir: Path | None) -> SignIn:
    loader = SSOTokenLoader(cache=JSONFileCache(str(cache_dir or SSOProvider._SSO_TOKEN_CACHE_DIR)))
    login = f"aws sso login --profile {profile}" if profile else "aws sso login"
    try:
        token = loader(start_url, session_name)
        ends = _parse_time(str(token["expiresAt"]))
    except (SSOTokenLoadError, KeyError, ValueError):
        return SignIn("sso", None, False, True,
                      Checks.tr("not signed in to AWS SSO: run `{login}`").format(login=login))
    return SignIn("sso", ends, bool(token.get("refreshToken")), True)


def aws_sign_in(config: AwsConfig, static: tuple[str, str] | None = None, sso_cache_dir: Path | None = None
                ) -> SignIn:
    """The sign-in the campaign's AWS settings resolve to. Raises botocore's ProfileNotFound for a missing profile."""
    if static is not None:
        return SignIn("static", None, False)
    session = botocore.session.Session(profile=config.profile)
    scoped = session.get_scoped_config()  # ProfileNotFound for a profile the config files do not have
    sso = _sso_settings(session, scoped)
    if sso is not None:
        return _sso_sign_in(config.profile, sso[0], sso[1], sso_cache_dir)
    credentials = session.get_credentials()
    if credentials is None:
        return SignIn("none", None, False,
                      problem=Checks.tr("no AWS credentials: set the campaign's profile or sign in"))
    method = str(credentials.method)
    if method in SELF_RENEWING:
        return SignIn(method, None, True, True)
    if isinstance(credentials, RefreshableCredentials):
        # The expiry is only kept privately; reading the keys instead would try to refresh them.
        return SignIn(method, getattr(credentials, "_expiry_time", None), False, temporary=True)
    return SignIn(method, None, False, temporary=bool(credentials.token))


def check_sign_in(sign_in: SignIn, window_end: datetime, now: datetime) -> tuple[str, Text]:
    """("ok" | "warning" | "failed", detail) for a sale window that ends at `window_end`."""
    if sign_in.problem is not None:
        return "failed", sign_in.problem
    end, method = f"{window_end.astimezone(UTC):%Y-%m-%d %H:%M} UTC", sign_in.method
    if sign_in.ends is None:
        if sign_in.renewable:
            return "ok", Checks.tr("{method}: renewed by botocore as needed").format(method=method)
        if sign_in.temporary:
            return "warning", Checks.tr("{method}: temporary credentials with no known expiry: check they last "
                                        "until the sale window ends ({end})").format(method=method, end=end)
        return "ok", Checks.tr("{method}: long-term keys, no expiry").format(method=method)
    ends = f"{sign_in.ends:%Y-%m-%d %H:%M} UTC"
    if sign_in.ends >= window_end:
        return "ok", Checks.tr("{method}: signed in until {ends}, after the sale window ends ({end})").format(
            method=method, ends=ends, end=end)
    if sign_in.ends <= now and not sign_in.renewable:
        return "failed", Checks.tr("{method}: the sign-in expired at {ends}: sign in again").format(
            method=method, ends=ends)
    if sign_in.renewable:
        return "warning", Checks.tr(
            "{method}: the access token expires at {ends}, before the sale window ends ({end}); botocore renews it "
            "until the SSO session ends (IAM Identity Center decides): sign in again shortly before the on-sale"
        ).format(method=method, ends=ends, end=end)
    return "failed", Checks.tr("{method}: the sign-in expires at {ends}, before the sale window ends ({end}): sign "
                               "in again nearer the sale").format(method=method, ends=ends, end=end)
