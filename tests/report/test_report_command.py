"""`saleday-console report`: the PDF holds the figures and its pages are drawn; the CSVs hold the data.

The command runs as a user runs it, in its own process, without QT_QPA_PLATFORM set. The PDF is read
back with poppler (pdftotext, pdftoppm); the tests skip when poppler-utils is not installed.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from console.report.figures import ReportFigures
from tests.report.recorded_demo import RecordedDay
from widgets.report_text import ReportText

ROOT = Path(__file__).resolve().parents[2]
needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdftoppm")), reason="poppler-utils is not installed"
)


@pytest.fixture(scope="module")
def report(demo_day: RecordedDay, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    out = tmp_path_factory.mktemp("report")
    pdf, csv_dir = out / "report.pdf", out / "csv"
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    done = subprocess.run(
        [sys.executable, "-m", "console", "report", str(demo_day.path), "--out", str(pdf), "--csv", str(csv_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return pdf, csv_dir, done.stdout


def squeeze(text: str) -> str:
    """Without any white space: pdftotext spaces big type and wrapped table cells its own way."""
    return "".join(text.split())


def pdf_text(pdf: Path) -> str:
    return squeeze(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)


@needs_poppler
def test_the_pdf_holds_the_headline_figures(report: tuple[Path, Path, str], demo_figures: ReportFigures) -> None:
    pdf, _, stdout = report
    assert str(pdf) in stdout
    text = pdf_text(pdf)
    words = ReportText(demo_figures)
    for headline in words.headlines():
        assert squeeze(headline.label) in text
        assert squeeze(headline.value) in text, headline
    assert squeeze(demo_figures.campaign_name) in text
    for row in words.busiest_rows():
        assert squeeze("".join(row[:3])) in text  # minute, visitors, requests per second
    assert squeeze("No data gaps") in text


@needs_poppler
def test_the_timeline_lists_every_action_and_the_alert(report: tuple[Path, Path, str]) -> None:
    text = pdf_text(report[0])
    for action in ("Add instances", "Admission rate", "Protection: Under attack", "Protection off"):
        assert squeeze(action) in text  # the action's name as the buttons say it
    assert squeeze("medium → Under attack") in text and squeeze("8 → 20") in text
    assert squeeze("alert raised: threats") in text


@needs_poppler
def test_every_page_is_drawn(report: tuple[Path, Path, str], tmp_path: Path) -> None:
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(report[0]), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 3
    for page in pages:
        image = QImage(str(page))
        assert not image.isNull()
        assert image.width() < image.height()  # portrait A4
        inked = sum(
            1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
            if image.pixelColor(x, y).lightness() < 200
        )
        assert inked / (image.width() * image.height() / 4) > 0.01, f"{page.name} is blank"


def test_the_csv_files_hold_the_data(report: tuple[Path, Path, str], demo_day: RecordedDay,
                                     demo_figures: ReportFigures) -> None:
    _, csv_dir, _ = report
    assert demo_day.env.driver is not None
    with (csv_dir / "series.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["time_utc", "series", "value"]
    visitors = {r["time_utc"]: float(r["value"]) for r in rows if r["series"] == "visitors_per_min"}
    published = {m.at.strftime("%Y-%m-%dT%H:%M:%SZ"): m.uniques for m in demo_day.env.driver.published}
    assert visitors == published
    assert len({(r["time_utc"], r["series"]) for r in rows}) == len(rows)  # one row per timestamp and series
    assert {"tickets_sold", "shop_queue_length", "serving_instances", "latency_ms", "threats_per_min"} <= {
        r["series"] for r in rows}
    with (csv_dir / "audit.csv").open(encoding="utf-8") as handle:
        audit = list(csv.DictReader(handle))
    assert sorted({r["action_id"] for r in audit}) == sorted(demo_day.action_ids)
    assert [r["phase"] for r in audit] == ["intent", "outcome"] * len(demo_day.action_ids)
    with (csv_dir / "alerts.csv").open(encoding="utf-8") as handle:
        assert [r["phase"] for r in csv.DictReader(handle)] == ["raised"]
    with (csv_dir / "summary.csv").open(encoding="utf-8") as handle:
        summary = {r["figure"]: r["value"] for r in csv.DictReader(handle)}
    assert int(summary["tickets_sold"]) == demo_figures.tickets_sold
    assert int(summary["peak_visitors_per_minute"]) == demo_figures.peak_visitors_per_minute
    assert summary["busiest_1.at"].endswith("Z")
