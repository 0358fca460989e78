"""`saleday-console check --config FILE`: the pre-flight checklist for scripts, and the optional pre-scale.

Exit codes: 0 every check passed (warnings allowed), 1 a check failed or the pre-scale failed,
2 bad campaign file or arguments, 3 the pre-scale was refused (role, time passed), 4 the pre-scale
was not confirmed (no --yes and no terminal). The pre-scale goes through the action service, so it is
capped and audited exactly like the window's button.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from console.act_cli import confirmed
from console.actions.audit import AuditLog
from console.actions.backends import build_backends
from console.actions.prescale import prescale_request
from console.actions.service import ActionRefused, ActionService, ChangedSinceProposal
from console.config import Campaign, load_campaign
from console.credentials import SecretSource, secret_for
from console.paths import recording_path
from console.preflight import DEFAULT_WINDOW_HOURS, CheckResult, CheckStatus, Preflight, PreflightPlan, countdown_line
from console.runtime import DEMO_AWS_CREDENTIALS, campaign_clock
from console.sources.errors import SourceError

EXIT_PASSED, EXIT_FAILED, EXIT_USAGE, EXIT_REFUSED, EXIT_UNCONFIRMED = 0, 1, 2, 3, 4


def check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="saleday-console check",
        description="Pre-flight: sources, credentials, capacity headroom, waiting room, shop, alert sound.",
        epilog=("exit codes: 0 all passed (warnings allowed), 1 a check failed, 2 bad input, 3 pre-scale refused, "
                "4 pre-scale not confirmed; example: saleday-console check --config c.toml --prescale 16 "
                "--at-minus 20 --yes"),
    )
    parser.add_argument("--config", type=Path, required=True, metavar="FILE", help="campaign file (TOML)")
    parser.add_argument("--peak", type=int, metavar="N", help="planned peak instances (default: desired capacity, "
                                                              "or the pre-scale if one is scheduled)")
    parser.add_argument("--window-hours", type=float, default=DEFAULT_WINDOW_HOURS, metavar="H",
                        help=f"the sale window lasts H hours after the on-sale (default {DEFAULT_WINDOW_HOURS:g})")
    parser.add_argument("--prescale", type=int, metavar="N", help="schedule a pre-scale to N instances")
    parser.add_argument("--at-minus", type=float, metavar="M", help="with --prescale: M minutes before the on-sale")
    parser.add_argument("--role", choices=("operator", "viewer"), default="operator")
    parser.add_argument("--yes", action="store_true", help="confirm the pre-scale: without it nothing is scheduled")
    return parser


def _fail(code: int, reason: str) -> int:
    print(f"saleday-console check: {reason}", file=sys.stderr)
    return code


def schedule_prescale(campaign: Campaign, role: str, instances: int, minutes: float, yes: bool) -> int:
    backends = build_backends(campaign, secret_for(campaign, SecretSource.CLOUDFLARE),
                              secret_for(campaign, SecretSource.SHOP),
                              DEMO_AWS_CREDENTIALS if campaign.is_demo else None)
    audit = AuditLog(recording_path(campaign), campaign.campaign.name, role)
    service = ActionService(campaign, role, backends, audit, campaign_clock(campaign))
    try:
        proposal = service.prepare(prescale_request(campaign, instances, minutes))
        if not proposal.changes_anything:
            print(f"{proposal.summary}: already scheduled, nothing to change")
            return EXIT_PASSED
        if not confirmed(proposal, yes):
            return _fail(EXIT_UNCONFIRMED, "pre-scale not confirmed; nothing scheduled (pass --yes to confirm)")
        result = service.execute(proposal)
    except (ActionRefused, ChangedSinceProposal) as exc:
        return _fail(EXIT_REFUSED, f"pre-scale refused: {exc}")
    except SourceError as exc:
        return _fail(EXIT_FAILED, f"pre-scale: {exc.kind.value}: {exc.message}")
    finally:
        backends.close()
    if not result.ok:
        return _fail(EXIT_FAILED, f"pre-scale failed: {result.message}")
    print(f"scheduled: {result.after}")
    return EXIT_PASSED


def sound_backend() -> str | None:
    """What the window's alert sound would use on this machine; None where Qt cannot be loaded."""
    try:
        from console.app import alert_sound_backend
    except ImportError:
        return None
    return alert_sound_backend()


def format_result(result: CheckResult) -> str:
    return f"[{result.status.value:^7}] {result.name}: {result.detail}"


def run_check(argv: Sequence[str]) -> int:
    parser = check_parser()
    args = parser.parse_args(argv)
    if (args.prescale is None) != (args.at_minus is None):
        parser.error("--prescale and --at-minus go together")
    if args.window_hours <= 0:
        parser.error("--window-hours must be above 0")
    campaign = load_campaign(args.config)
    clock = campaign_clock(campaign)
    print(f"{campaign.campaign.name}: {countdown_line(campaign, clock.now())}", flush=True)
    if args.prescale is not None:
        code = schedule_prescale(campaign, args.role, args.prescale, args.at_minus, args.yes)
        if code != EXIT_PASSED:
            return code
    plan = PreflightPlan(planned_peak=args.peak, window_hours=args.window_hours, sound_backend=sound_backend())
    results = Preflight(campaign, clock, plan).run(lambda result: print(format_result(result), flush=True))
    failed = sum(1 for r in results if r.status is CheckStatus.FAILED)
    warnings = sum(1 for r in results if r.status is CheckStatus.WARNING)
    if failed:
        print(f"pre-flight FAILED: {failed} of {len(results)} checks failed, {warnings} warning(s)")
        return EXIT_FAILED
    print(f"pre-flight passed: {len(results)} checks, {warnings} warning(s)")
    return EXIT_PASSED
