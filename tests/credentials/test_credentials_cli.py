"""`saleday-console credentials set|test|remove` in its own process, with a file standing in for the keychain."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.credentials import KEYRING_SERVICE
from tests.credentials.keyed_demo import KeyedDemo, console_command, console_env, start_keyed_demo
from tests.credentials.keyrings import FILE_ENV


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KeyedDemo]:
    keyed = start_keyed_demo(tmp_path_factory.mktemp("keyed"))
    yield keyed
    keyed.env.stop()


@pytest.fixture
def env(demo: KeyedDemo, tmp_path: Path) -> dict[str, str]:
    return console_env(demo, tmp_path, secrets_in_env=False)


def credentials(env: dict[str, str], demo: KeyedDemo, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(console_command("credentials", *args, "--config", str(demo.config)), env=env,
                          input=stdin, capture_output=True, text=True, timeout=60)


def keychain(env: dict[str, str]) -> dict[str, dict[str, str]]:
    path = Path(env[FILE_ENV])
    return json.loads(path.read_text()) if path.exists() else {}


def user(demo: KeyedDemo, source: str) -> str:
    return f"{demo.campaign.campaign.name}/{source}"


def test_set_test_remove_round_trip(demo: KeyedDemo, env: dict[str, str]) -> None:
    done = credentials(env, demo, "set", "cloudflare", stdin=demo.cloudflare_token + "\n")
    assert done.returncode == 0, done.stderr
    assert keychain(env) == {KEYRING_SERVICE: {user(demo, "cloudflare"): demo.cloudflare_token}}
    assert credentials(env, demo, "set", "shop", stdin=demo.shop_key).returncode == 0
    for source in ("cloudflare", "shop", "aws"):
        tested = credentials(env, demo, "test", source)
        assert tested.returncode == 0, tested.stdout + tested.stderr
        assert tested.stdout.startswith(f"{source}: ok (")
    assert "from the keychain" in credentials(env, demo, "test", "cloudflare").stdout
    removed = credentials(env, demo, "remove", "cloudflare")
    assert removed.returncode == 0 and "removed" in removed.stdout
    assert user(demo, "cloudflare") not in keychain(env)[KEYRING_SERVICE]
    again = credentials(env, demo, "test", "cloudflare")
    assert again.returncode == 1 and "no secret stored" in again.stdout
    for result in (done, removed, again):
        assert demo.cloudflare_token not in result.stdout + result.stderr


def test_a_wrong_token_fails_the_test_and_names_the_permission(demo: KeyedDemo, env: dict[str, str]) -> None:
    wrong = "cf-wrong-0123456789abcdef"
    assert credentials(env, demo, "set", "cloudflare", stdin=wrong).returncode == 0
    tested = credentials(env, demo, "test", "cloudflare")
    assert tested.returncode == 1
    assert "failed" in tested.stdout and "auth:" in tested.stdout
    assert "Zone · Zone Settings · Read" in tested.stdout
    assert wrong not in tested.stdout + tested.stderr


def test_the_secret_is_never_an_argument_and_never_repeated(demo: KeyedDemo, env: dict[str, str]) -> None:
    for args in (("set", "cloudflare", demo.cloudflare_token), ("set", demo.cloudflare_token)):
        refused = credentials(env, demo, *args)
        assert refused.returncode == 2
        assert demo.cloudflare_token not in refused.stdout + refused.stderr
        assert "Traceback" not in refused.stderr
    assert keychain(env) == {}
    assert "never given on the command line" in credentials(env, demo, "set", "shop", "k3y").stderr
    empty = credentials(env, demo, "set", "shop", stdin="\n")
    assert empty.returncode == 2 and keychain(env) == {}


def test_without_a_keychain_nothing_is_written_and_the_variable_is_named(demo: KeyedDemo, env: dict[str, str],
                                                                         tmp_path: Path) -> None:
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    refused = credentials(env, demo, "set", "cloudflare", stdin=demo.cloudflare_token)
    assert refused.returncode == 3
    assert "no keychain backend: set SALEDAY_CLOUDFLARE_TOKEN instead" in refused.stderr
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written == [], written
    env["SALEDAY_CLOUDFLARE_TOKEN"] = demo.cloudflare_token
    tested = credentials(env, demo, "test", "cloudflare")
    assert tested.returncode == 0 and "(from the environment)" in tested.stdout


def test_aws_and_demo_campaigns_store_nothing(demo: KeyedDemo, env: dict[str, str], tmp_path: Path) -> None:
    aws = credentials(env, demo, "set", "aws", stdin="x")
    assert aws.returncode == 2 and "boto3's chain" in aws.stderr
    demo_config = tmp_path / "demo.toml"
    demo_config.write_text(demo.config.read_text() + "\n[demo]\nspeed = 1.0\norigin_wall = 0.0\n"
                           "origin_sim = 2026-01-01T00:00:00Z\n")
    refused = subprocess.run(console_command("credentials", "set", "shop", "--config", str(demo_config)), env=env,
                             input="x", capture_output=True, text=True, timeout=60)
    assert refused.returncode == 2 and "demo" in refused.stderr
    assert keychain(env) == {}


def read_until(fd: int, needle: bytes, timeout: float = 30.0) -> bytes:
    seen = b""
    deadline = time.monotonic() + timeout
    while needle not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    return seen


def test_set_from_a_terminal_prompts_without_echo(demo: KeyedDemo, env: dict[str, str]) -> None:
    master, slave = pty.openpty()
    # A new session has no controlling terminal, so getpass reads the pty on stdin, echo off.
    process = subprocess.Popen(console_command("credentials", "set", "shop", "--config", str(demo.config)),
                               env=env, stdin=slave, stdout=slave, stderr=slave, start_new_session=True)
    os.close(slave)
    try:
        prompt = read_until(master, b"(not shown): ")
        assert b"shop API key" in prompt, prompt
        os.write(master, demo.shop_key.encode() + b"\n")
        rest = read_until(master, b"stored in the keychain")
        assert process.wait(timeout=30) == 0, rest
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(master)
    assert demo.shop_key.encode() not in prompt + rest
    assert keychain(env)[KEYRING_SERVICE][user(demo, "shop")] == demo.shop_key
