"""`saleday-console act ...`: the three buttons for runbooks and scripts, with the window's guard rails.

Exit codes scripts can trust: 0 done (or nothing to change), 1 the backend failed, 2 bad campaign file
or arguments, 3 refused (role, caps, value changed meanwhile), 4 not confirmed (no --yes, no terminal).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from console.actions.audit import AuditLog
from console.actions.backends import build_backends
from console.actions.requests import ActionKind, ActionRequest, Proposal
from console.actions.service import ActionRefused, ActionService, ChangedSinceProposal
from console.config import load_campaign
from console.credentials import SecretSource, secret_for
from console.paths import recording_path
from console.runtime import DEMO_AWS_CREDENTIALS, campaign_clock
from console.sources.errors import SourceError

EXIT_DONE, EXIT_FAILED, EXIT_USAGE, EXIT_REFUSED, EXIT_UNCONFIRMED = 0, 1, 2, 3, 4


def act_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="saleday-console act",
        description="Change capacity, protection or admissions, with the same caps and audit as the window.",
        epilog="exit codes: 0 done, 1 backend failed, 2 bad input, 3 refused, 4 not confirmed",
    )
    parser.add_argument("--config", type=Path, required=True, metavar="FILE", help="campaign file (TOML)")
    parser.add_argument("--role", choices=("operator", "viewer"), default="operator")
    parser.add_argument("--yes", action="store_true", help="confirm: without it nothing changes")
    sub = parser.add_subparsers(dest="what", required=True)
    out = sub.add_parser("scale-out", help="add instances to the Auto Scaling group")
    out.add_argument("--by", type=int, required=True, metavar="N")
    to = sub.add_parser("scale-to", help="set the group's desired capacity (also to scale back in)")
    to.add_argument("capacity", type=int)
    protection = sub.add_parser("protection", help="Cloudflare 'under attack' mode on, or back to the level before")
    protection.add_argument("state", choices=("on", "off"))
    admissions = sub.add_parser("admissions", help="pause or resume admissions, or set the admission rate")
    admissions.add_argument("change", choices=("pause", "resume", "rate"))
    admissions.add_argument("per_minute", type=int, nargs="?", help="with rate: admissions per minute")
    return parser


def request_from(args: argparse.Namespace, parser: argparse.ArgumentParser) -> ActionRequest:
    if args.what == "scale-out":
        return ActionRequest(ActionKind.SCALE_OUT, args.by)
    if args.what == "scale-to":
        return ActionRequest(ActionKind.SCALE_TO, args.capacity)
    if args.what == "protection":
        return ActionRequest(ActionKind.PROTECTION_ON if args.state == "on" else ActionKind.PROTECTION_OFF)
    if args.change == "rate":
        if args.per_minute is None:
            parser.error("admissions rate needs a number, e.g. `admissions rate 600`")
        return ActionRequest(ActionKind.ADMISSION_RATE, args.per_minute)
    return ActionRequest(ActionKind.ADMISSIONS_PAUSE if args.change == "pause" else ActionKind.ADMISSIONS_RESUME)


def confirmed(proposal: Proposal, yes: bool) -> bool:
    print(proposal.summary)
    for line in (*proposal.details, *(f"warning: {w}" for w in proposal.warnings)):
        print(f"  {line}")
    if yes:
        return True
    if not sys.stdin.isatty():
        return False
    return input("Proceed? [y/N] ").strip().lower() in ("y", "yes")


def fail(code: int, reason: str) -> int:
    print(f"saleday-console act: {reason}", file=sys.stderr)
    return code


def run_act(argv: Sequence[str]) -> int:
    parser = act_parser()
    args = parser.parse_args(argv)
    request = request_from(args, parser)
    campaign = load_campaign(args.config)
    backends = build_backends(
        campaign,
        secret_for(campaign, SecretSource.CLOUDFLARE),
        secret_for(campaign, SecretSource.SHOP),
        DEMO_AWS_CREDENTIALS if campaign.is_demo else None,
    )
    audit = AuditLog(recording_path(campaign), campaign.campaign.name, args.role)
    service = ActionService(campaign, args.role, backends, audit, campaign_clock(campaign))
    try:
        proposal = service.prepare(request)
        if not proposal.changes_anything:
            print(f"{proposal.summary}: nothing to change")
            return EXIT_DONE
        if not confirmed(proposal, args.yes):
            return fail(EXIT_UNCONFIRMED, "not confirmed; nothing changed (pass --yes to confirm)")
        result = service.execute(proposal)
    except ActionRefused as exc:
        return fail(EXIT_REFUSED, f"refused: {exc}")
    except ChangedSinceProposal as exc:
        return fail(EXIT_REFUSED, f"refused: {exc}; nothing changed, run again")
    except SourceError as exc:
        return fail(EXIT_FAILED, f"{exc.kind.value}: {exc.message}")
    finally:
        backends.close()
    if not result.ok:
        return fail(EXIT_FAILED, f"failed: {result.message}")
    print(f"done: {result.proposal.summary}")
    return EXIT_DONE
