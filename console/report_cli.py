"""`saleday-console report RECORDING --out report.pdf [--csv DIR]`: the post-campaign report from a recording.

The recording is all it needs (the campaign file travels inside it), so nothing on this path imports
keyring, boto3 or the Cloudflare SDK. Exit codes: 0 written, 1 the PDF or CSV could not be written,
2 bad arguments or a missing or unreadable recording, 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from console.recording.reader import load_campaign_from_recording
from console.recording.recorder import RecordingError

EXIT_DONE, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def report_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="saleday-console report",
        description="Write the post-campaign report (PDF) and, with --csv, every series and the audit trail as CSV.",
        epilog="example: saleday-console report campaign.sqlite --out report.pdf --csv report-csv/",
    )
    parser.add_argument("recording", type=Path, help="the campaign's recording (SQLite)")
    parser.add_argument("--out", type=Path, metavar="PDF", help="where to write the PDF")
    parser.add_argument("--csv", type=Path, metavar="DIR", help="also write series, audit, alerts, summary CSV here")
    parser.add_argument("--lang", choices=("en", "pl"),
                        help="format numbers, times and money for this language (default: the system's)")
    return parser


def run_report_command(argv: Sequence[str]) -> int:
    parser = report_parser()
    args = parser.parse_args(argv)
    if args.out is None and args.csv is None:
        parser.error("give --out PDF, --csv DIR, or both")
    try:
        load_campaign_from_recording(args.recording)  # a bad file fails here, before Qt starts
        from console.app import run_report

        figures = run_report(args.recording, args.out, args.csv, language=args.lang)
    except RecordingError as exc:
        print(f"saleday-console: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"saleday-console: cannot write the report: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    written = [str(path) for path in (args.out, args.csv) if path is not None]
    gaps = f", {len(figures.gaps)} data gap(s)" if figures.gaps else ""
    print(f"report of {figures.campaign_name!r} written to {' and '.join(written)}{gaps}")
    return EXIT_DONE
