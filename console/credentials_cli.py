"""`saleday-console credentials set|test|remove SOURCE --config FILE`: the keychain from a terminal or a script.

The secret is read from a hidden prompt, or from stdin when stdin is not a terminal
(`printf %s "$TOKEN" | saleday-console credentials set cloudflare --config c.toml`); never from an
argument, where it would land in the shell history and the process list. Error messages never repeat
what was typed. Exit codes: 0 done (or the test passed), 1 the test failed, 2 bad input or campaign
file, 3 no usable keychain (the message names the environment variable to use instead).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import keyring

from console.config import Campaign, load_campaign
from console.credentials import (
    ENV_VARS,
    SECRET_NAMES,
    KeychainUnavailable,
    SecretSource,
    keychain_problem,
    no_keychain_message,
    remove_secret,
    secret_origin,
    store_secret,
)
from console.preflight import CheckStatus, Preflight
from console.runtime import campaign_clock
from console.snapshots import SourceName

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_NO_KEYCHAIN = 0, 1, 2, 3
ORIGINS = {"demo": "the demo's fixed token", "environment": "from the environment", "keychain": "from the keychain",
           "none": "none stored"}
AWS_CHAIN = ("AWS credentials are not stored here: boto3's chain signs the requests (the campaign's profile, "
             "`aws sso login`, or AWS_* environment variables)")


class _QuietParser(argparse.ArgumentParser):
    """argparse repeats a rejected value in its error; here that value may be a secret typed by mistake."""

    def error(self, message: str) -> NoReturn:
        if "unrecognized arguments" in message:
            message = ("unexpected arguments; the secret is never given on the command line: "
                       "it is read from a prompt, or from stdin")
        elif "invalid choice" in message:
            message = "SOURCE must be cloudflare, shop or aws"
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def credentials_parser() -> argparse.ArgumentParser:
    parser = _QuietParser(
        prog="saleday-console credentials",
        description="Store, test and remove the Cloudflare API token and the shop API key in the OS keychain.",
        epilog=("the secret is read from a hidden prompt, or from stdin when it is not a terminal; "
                "exit codes: 0 done, 1 test failed, 2 bad input, 3 no usable keychain"),
    )
    parser.add_argument("action", choices=("set", "test", "remove"))
    parser.add_argument("source", choices=("cloudflare", "shop", "aws"), metavar="SOURCE",
                        help="cloudflare or shop; aws only for test (AWS uses boto3's own credential chain)")
    parser.add_argument("--config", type=Path, required=True, metavar="FILE", help="campaign file (TOML)")
    return parser


def _say(message: str) -> None:
    print(message, flush=True)


def _fail(code: int, message: str) -> int:
    print(f"saleday-console credentials: {message}", file=sys.stderr)
    return code


def read_secret(source: SecretSource, campaign: Campaign) -> str:
    """From a hidden prompt on a terminal, else the first line of stdin; surrounding white space dropped."""
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(f"{SECRET_NAMES[source]} for {campaign.campaign.name!r} (not shown): ").strip()
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.strip()


def _set(campaign: Campaign, source: SecretSource) -> int:
    problem = keychain_problem()
    if problem is not None:
        return _fail(EXIT_NO_KEYCHAIN, str(no_keychain_message(problem, source)))
    secret = read_secret(source, campaign)
    if not secret:
        return _fail(EXIT_USAGE, f"no {SECRET_NAMES[source]} given; nothing stored")
    try:
        store_secret(campaign, source, secret)
    except ValueError as exc:
        return _fail(EXIT_USAGE, f"{exc}; nothing stored")
    except KeychainUnavailable as exc:
        return _fail(EXIT_NO_KEYCHAIN, str(exc))
    backend = type(keyring.get_keyring()).__name__
    _say(f"{source.value}: {SECRET_NAMES[source]} stored in the keychain ({backend}) for {campaign.campaign.name!r}")
    if os.environ.get(ENV_VARS[source]):
        _say(f"note: {ENV_VARS[source]} is set in this environment and is used before the keychain")
    return EXIT_OK


def _remove(campaign: Campaign, source: SecretSource) -> int:
    try:
        removed = remove_secret(campaign, source)
    except KeychainUnavailable as exc:
        return _fail(EXIT_NO_KEYCHAIN, str(exc))
    what = f"{SECRET_NAMES[source]} for {campaign.campaign.name!r}"
    _say(f"{source.value}: {what} removed from the keychain" if removed
         else f"{source.value}: no {what} in the keychain; nothing to remove")
    return EXIT_OK


def _test(campaign: Campaign, name: str) -> int:
    source = SourceName(name)
    origin = "boto3's credential chain" if source is SourceName.AWS else ORIGINS[
        secret_origin(campaign, SecretSource(name))]
    result = Preflight(campaign, campaign_clock(campaign)).source_check(source)
    _say(f"{name}: {result.status.value} ({origin}): {result.detail}")
    return EXIT_OK if result.status is CheckStatus.OK else EXIT_FAILED


def run_credentials(argv: Sequence[str]) -> int:
    args = credentials_parser().parse_args(argv)
    campaign = load_campaign(args.config)
    if args.action == "test":
        return _test(campaign, args.source)
    if args.source == "aws":
        return _fail(EXIT_USAGE, AWS_CHAIN)
    if campaign.is_demo:
        return _fail(EXIT_USAGE, "a demo campaign needs no secrets: its emulators accept fixed demo tokens")
    source = SecretSource(args.source)
    return _set(campaign, source) if args.action == "set" else _remove(campaign, source)
