"""The recording as CSV for a spreadsheet: tidy series, the audit trail, the alerts and the summary.

series.csv is tidy (one row per timestamp and series: time_utc, series, value) so a pivot table or
pandas reads it without reshaping; times are ISO 8601 UTC with a Z. Gaps are simply absent rows.
The CSVs are for machines: their column names, series and figure names stay English and stable whatever
language the PDF is written in (`report --lang`), and messages are the English the recording holds.
"""

from __future__ import annotations

import csv
from dataclasses import fields
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path

from console.actions.audit import export_csv
from console.report.data import RecordingData
from console.report.figures import ReportFigures
from console.report.series import report_series


def utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return utc_text(value)
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, float):
        return repr(value)
    return str(value)


def write_series(data: RecordingData, path: Path) -> int:
    rows = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["time_utc", "series", "value"])
        for name, series in report_series(data).items():
            for at, value in zip(series.times, series.values, strict=True):
                writer.writerow([utc_text(at), name, repr(value)])
                rows += 1
    return rows


def write_alerts(data: RecordingData, path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["seq", "alert_id", "phase", "campaign_time_utc", "rule", "message", "person"])
        for alert in data.alerts:
            writer.writerow([alert.seq, alert.alert_id, alert.phase.value, utc_text(alert.campaign_time),
                             alert.rule, alert.message, alert.person])


def write_summary(figures: ReportFigures, path: Path) -> None:
    """One row per headline figure; the busiest minutes and gaps are one row each, numbered."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["figure", "value"])
        for item in fields(ReportFigures):
            if item.name in ("busiest_minutes", "gaps"):
                continue
            writer.writerow([item.name, _cell(getattr(figures, item.name))])
        for rank, minute in enumerate(figures.busiest_minutes, start=1):
            for part in fields(minute):
                writer.writerow([f"busiest_{rank}.{part.name}", _cell(getattr(minute, part.name))])
        for number, gap in enumerate(figures.gaps, start=1):
            writer.writerow([f"gap_{number}.source", gap.source.value])
            writer.writerow([f"gap_{number}.start", _cell(gap.start)])
            writer.writerow([f"gap_{number}.end", _cell(gap.end)])
            writer.writerow([f"gap_{number}.missing_minutes", _cell(gap.missing_minutes)])


def write_csv(data: RecordingData, figures: ReportFigures, directory: Path) -> list[Path]:
    """Write series.csv, audit.csv, alerts.csv and summary.csv into `directory`; returns their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = [directory / name for name in ("series.csv", "audit.csv", "alerts.csv", "summary.csv")]
    write_series(data, paths[0])
    export_csv(data.audit, paths[1])
    write_alerts(data, paths[2])
    write_summary(figures, paths[3])
    return paths
