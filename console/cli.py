"""Command line: the window (default), `demo serve`, and the scripted commands.

Every user error is one line on stderr and a non-zero exit code; a bad campaign file exits 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from console import __version__
from console.config import Campaign, ConfigError, load_campaign
from console.demo.faults import Fault, parse_fault_spec
from console.recording.recorder import RecordingError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_CONFIG = 2

FAULTS_HELP = (
    "rehearse a bad day: SOURCE:KIND[=ARG]@START+DURATION, comma-separated; SOURCE aws|cloudflare|shop; KIND "
    "latency=S, timeout, http500, http429[=RETRY_AFTER], http401, http403, malformed, refuse; START and DURATION "
    "in wall seconds from start (30s, 2m); e.g. shop:http500@10+60,cloudflare:http429=30@0+120"
)


def _faults(parser: argparse.ArgumentParser, spec: str) -> tuple[Fault, ...]:
    try:
        return parse_fault_spec(spec)
    except ValueError as exc:
        parser.error(str(exc))


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="saleday-console",
        usage="%(prog)s [--demo | --config FILE | --replay RECORDING] [options]\n"
              "       %(prog)s COMMAND ...   (commands below)",
        description="One screen for the war room of a ticket on-sale: traffic, queue, fleet, CDN and sales;\n"
                    "and a wall board for the promoter: tickets, pace, money and the sell-out forecast.",
        epilog=(
            "keys in the window (also in its menus):\n"
            "  Ctrl+B  board on/off        Ctrl+1  war room     F11  full screen (kiosk)\n"
            "  Ctrl+L  follow live data    Ctrl+K  credentials  Ctrl+Shift+F  pre-flight    Ctrl+Q  quit\n"
            "  Ctrl+Shift+A, C, P, Q, R    add instances, set capacity, protection, admissions, rate\n"
            "  Ctrl+Shift+K  acknowledge the newest alert   Ctrl+Shift+E  export the activity as CSV\n\n"
            "commands:\n"
            "  demo serve      run the demo emulators and simulator headless (see `demo serve --help`)\n"
            "  act ...         scale out, protection on/off, pause/resume admissions (see `act --help`)\n"
            "  report RECORDING --out report.pdf [--csv DIR]   the post-campaign report\n"
            "  credentials set|test|remove SOURCE --config FILE  the keychain (see `credentials --help`)\n"
            "  check --config FILE [--prescale N --at-minus M]   pre-flight checklist (see `check --help`)\n\n"
            "examples:\n"
            "  saleday-console --demo                      the built-in demo sale day\n"
            "  saleday-console --config campaign.toml      a real campaign\n"
            "  saleday-console --config campaign.toml --role viewer --board --lang pl   the promoter's screen\n"
            "  saleday-console --demo --speed 60 --run-for 20 --screenshot shot.png\n\n"
            "The window remembers its size, layout and the campaign file it opened last; SALEDAY_DATA_DIR\n"
            "moves recordings, audit trail and these settings to another directory."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    opened = parser.add_argument_group("what to open (none of these: the campaign file opened last)")
    source = opened.add_mutually_exclusive_group()
    source.add_argument("--demo", action="store_true", help="the built-in demo sale day, served on 127.0.0.1")
    source.add_argument("--config", type=Path, metavar="FILE", help="a campaign file (TOML)")
    source.add_argument("--replay", type=Path, metavar="RECORDING",
                        help="play a recorded campaign back, read-only (--speed sets how fast)")
    shown = parser.add_argument_group("who is watching")
    shown.add_argument("--role", choices=("operator", "viewer"), default="operator",
                       help="operator: with the action buttons; viewer: read-only (default: operator)")
    shown.add_argument("--board", action="store_true",
                       help="start on the promoter's board: big sales figures, no controls")
    shown.add_argument("--lang", choices=("en", "pl"),
                       help="language, and the format of numbers, times and money (default: the system's)")
    demo = parser.add_argument_group("demo and replay")
    demo.add_argument("--speed", type=float, default=10.0, metavar="X",
                      help="simulated minutes per wall minute (default: 10)")
    demo.add_argument("--faults", metavar="SPEC", default="", help="demo: " + FAULTS_HELP)
    scripted = parser.add_argument_group("scripted runs")
    scripted.add_argument("--run-for", type=float, metavar="SECONDS", help="exit after this many seconds")
    scripted.add_argument("--screenshot", type=Path, metavar="PNG", help="with --run-for: save the window first")
    scripted.add_argument("--report-values", type=Path, metavar="FILE",
                          help="with --run-for: write the values the panels show (key=value) before exiting")
    parser.add_argument("--version", action="version", version=f"saleday-console {__version__}")
    return parser


def _demo_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="saleday-console demo",
        description="Run the demo sale day (emulators + simulator) headless, for consoles to join.",
    )
    sub = parser.add_subparsers(dest="action", required=True)
    serve = sub.add_parser("serve", help="serve the emulators and run the simulated sale")
    serve.add_argument("--speed", type=float, default=10.0, help="simulated minutes per wall minute")
    serve.add_argument("--write-config", type=Path, metavar="FILE", help="write a campaign file for the consoles")
    serve.add_argument("--run-for", type=float, metavar="SECONDS", help="stop after this many seconds")
    serve.add_argument(
        "--admission", choices=("shop", "cloudflare"), default="shop", help="which queue controls admissions"
    )
    serve.add_argument("--faults", metavar="SPEC", default="", help=FAULTS_HELP)
    return parser


def _check_speed(parser: argparse.ArgumentParser, speed: float) -> None:
    if not 0 < speed <= 1000:
        parser.error("--speed must be above 0 and at most 1000")


def _load(path: Path) -> Campaign:
    return load_campaign(path)


def _run_gui(argv: Sequence[str]) -> int:
    parser = _gui_parser()
    args = parser.parse_args(argv)
    _check_speed(parser, args.speed)
    if args.screenshot and args.run_for is None:
        parser.error("--screenshot needs --run-for")
    from console.app import GuiOptions, remembered_campaign, run_gui, run_replay

    if not args.demo and args.config is None and args.replay is None:
        args.config = remembered_campaign()
        if args.config is None:
            parser.error("give --demo, --config FILE or --replay RECORDING (no campaign was opened before)")
        print(f"saleday-console: opening the last campaign, {args.config}", file=sys.stderr)
    campaign = _load(args.config) if args.config else None

    options = GuiOptions(
        role=args.role,
        run_for=args.run_for,
        screenshot=args.screenshot,
        report_values=args.report_values,
        demo_speed=args.speed if args.demo else None,
        demo_faults=_faults(parser, args.faults),
        board=args.board,
        language=args.lang,
        campaign_file=args.config,
    )
    if args.replay is not None:
        return run_replay(args.replay, args.speed, options)
    return run_gui(campaign, options)


def _run_demo(argv: Sequence[str]) -> int:
    parser = _demo_parser()
    args = parser.parse_args(argv)
    _check_speed(parser, args.speed)
    from console.demo.serve import serve

    return serve(args.speed, args.write_config, args.run_for, args.admission, _faults(parser, args.faults))


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "report":  # reads a recording: loads neither keyring nor boto3 nor the Cloudflare SDK
        from console.report_cli import run_report_command

        return run_report_command(args[1:])
    from console.credentials import MissingSecret  # loads keyring

    try:
        if args and args[0] == "demo":
            return _run_demo(args[1:])
        if args and args[0] == "act":
            from console.act_cli import run_act

            return run_act(args[1:])
        if args and args[0] == "credentials":
            from console.credentials_cli import run_credentials

            return run_credentials(args[1:])
        if args and args[0] == "check":
            from console.preflight_cli import run_check

            return run_check(args[1:])
        return _run_gui(args)
    except ConfigError as exc:
        print(f"saleday-console: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    except (MissingSecret, RecordingError) as exc:
        print(f"saleday-console: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    except KeyboardInterrupt:
        return 130
