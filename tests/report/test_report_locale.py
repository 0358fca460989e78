"""`report --lang pl`: the PDF's numbers and money as a Polish reader writes them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from console.report.figures import ReportFigures
from tests.report.recorded_demo import RecordedDay
from widgets.formatting import Numbers
from widgets.report_text import ReportText

ROOT = Path(__file__).resolve().parents[2]
POLISH = QLocale(QLocale.Language.Polish, QLocale.Country.Poland)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def pdf_text(pdf: Path) -> str:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_polish_report_formats_numbers_and_money_the_polish_way(
        demo_day: RecordedDay, demo_figures: ReportFigures, tmp_path: Path) -> None:
    pdf = tmp_path / "raport.pdf"
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    done = subprocess.run([sys.executable, "-m", "console", "report", str(demo_day.path), "--out", str(pdf),
                           "--lang", "pl"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    text = pdf_text(pdf)
    polish = ReportText(demo_figures, Numbers(POLISH))
    english = ReportText(demo_figures, Numbers(ENGLISH))
    revenue = polish.money(demo_figures.revenue).replace("\u00a0", " ")
    assert demo_figures.revenue is not None and demo_figures.revenue >= 10_000  # grouped in both locales
    assert revenue in text
    assert english.money(demo_figures.revenue) not in text  # "1,234,567 PLN" would be the English way
    share = polish.numbers.percent(demo_figures.cache_share_percent)
    assert "," in share and share in text  # decimal comma
