"""Will the AWS sign-in last the sale? Read from real botocore config files and an SSO token cache."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from botocore.exceptions import ProfileNotFound

from console.aws_signin import SignIn, aws_sign_in, check_sign_in
from console.config import AwsConfig
from console.text import Text

NOW = datetime.now(UTC).replace(second=0, microsecond=0)
WINDOW_END = NOW + timedelta(hours=6)
CONFIG = """
[profile war-room]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = SaledayOperator
region = eu-central-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-central-1

[profile legacy]
sso_start_url = https://legacy.awsapps.com/start
sso_region = eu-central-1
sso_account_id = 123456789012
sso_role_name = SaledayViewer
"""


@pytest.fixture
def aws_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    config = tmp_path / "config"
    config.write_text(CONFIG, encoding="utf-8")
    (tmp_path / "credentials").write_text("", encoding="utf-8")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(config))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "credentials"))
    for name in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                 "AWS_SESSION_TOKEN", "AWS_CREDENTIAL_EXPIRATION"):
        monkeypatch.delenv(name, raising=False)
    cache = tmp_path / "sso-cache"
    cache.mkdir()
    return cache


def cache_token(cache: Path, key: str, expires: datetime, refresh: bool) -> None:
    token = {"accessToken": "access", "expiresAt": expires.strftime("%Y-%m-%dT%H:%M:%SZ")}
    if refresh:
        token["refreshToken"] = "refresh"
    (cache / f"{hashlib.sha1(key.encode()).hexdigest()}.json").write_text(json.dumps(token), encoding="utf-8")


def aws(profile: str | None) -> AwsConfig:
    return AwsConfig(region="eu-central-1", profile=profile, autoscaling_group="g", load_balancer="lb",
                     target_group="tg", rds_instance="db")


def status(profile: str | None, cache: Path) -> tuple[str, str]:
    verdict, detail = check_sign_in(aws_sign_in(aws(profile), sso_cache_dir=cache), WINDOW_END, NOW)
    return verdict, str(detail)


def test_an_sso_session_that_ends_during_the_sale_fails(aws_files: Path) -> None:
    cache_token(aws_files, "https://legacy.awsapps.com/start", NOW + timedelta(hours=2), refresh=False)
    verdict, detail = status("legacy", aws_files)
    assert verdict == "failed"
    assert "before the sale window ends" in detail
    assert f"{NOW + timedelta(hours=2):%Y-%m-%d %H:%M} UTC" in detail


def test_an_sso_session_that_outlasts_the_sale_passes(aws_files: Path) -> None:
    cache_token(aws_files, "https://legacy.awsapps.com/start", NOW + timedelta(hours=8), refresh=False)
    assert status("legacy", aws_files)[0] == "ok"


def test_a_renewable_sso_token_is_a_warning_and_an_absent_one_a_failure(aws_files: Path) -> None:
    login = "not signed in to AWS SSO: run `aws sso login --profile war-room`"
    assert status("war-room", aws_files) == ("failed", login)
    cache_token(aws_files, "corp", NOW + timedelta(hours=1), refresh=True)
    verdict, detail = status("war-room", aws_files)
    assert verdict == "warning" and "sign in again shortly before the on-sale" in detail


def test_temporary_keys_from_the_environment_are_held_to_their_expiry(aws_files: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "ASIATEST")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "session")
    assert status(None, aws_files)[0] == "warning"  # temporary, expiry unknown
    monkeypatch.setenv("AWS_CREDENTIAL_EXPIRATION", (NOW + timedelta(hours=1)).isoformat())
    sign_in = aws_sign_in(aws(None))
    assert sign_in.method == "env" and sign_in.ends == NOW + timedelta(hours=1)
    assert check_sign_in(sign_in, WINDOW_END, NOW)[0] == "failed"
    assert check_sign_in(sign_in, NOW + timedelta(minutes=30), NOW)[0] == "ok"


def test_no_credentials_and_a_missing_profile(aws_files: Path) -> None:
    with pytest.raises(ProfileNotFound):
        aws_sign_in(aws("nobody"))
    assert check_sign_in(SignIn("static", None, False), WINDOW_END, NOW)[0] == "ok"
    nobody = SignIn("none", None, False, problem=Text("Checks", "no AWS credentials"))
    assert check_sign_in(nobody, WINDOW_END, NOW) == ("failed", Text("Checks", "no AWS credentials"))
