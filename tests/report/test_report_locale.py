"""`report --lang pl`: the PDF in Polish, its numbers and money as a Polish reader writes them, from a
recording made before alerts were kept with their parts as well as from a new one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from console.actions.audit import AuditLog
from console.alerts import message_text
from console.recording.recorder import Recorder
from console.report.data import read_recording
from console.report.figures import ReportFigures, figures_from
from tests.recording.campaigns import sample_campaign
from tests.recording.synthetic import START, campaign_updates
from tests.report.recorded_demo import RecordedDay
from widgets.formatting import Numbers
from widgets.report_pdf import write_report_pdf
from widgets.report_text import ReportText
from widgets.translations import install_language, remove_language

ROOT = Path(__file__).resolve().parents[2]
needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
POLISH = QLocale(QLocale.Language.Polish, QLocale.Country.Poland)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def squeeze(text: str) -> str:
    """Without any white space: table cells wrap where pdftotext breaks lines."""
    return "".join(text.split())


def pdf_text(pdf: Path) -> str:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.fixture(scope="module")
def polish_pdf(demo_day: RecordedDay, tmp_path_factory: pytest.TempPathFactory) -> Path:
    pdf = tmp_path_factory.mktemp("raport") / "raport.pdf"
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    done = subprocess.run([sys.executable, "-m", "console", "report", str(demo_day.path), "--out", str(pdf),
                           "--lang", "pl"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return pdf


@needs_poppler
def test_polish_report_formats_numbers_and_money_the_polish_way(polish_pdf: Path, demo_figures: ReportFigures) -> None:
    text = pdf_text(polish_pdf)
    polish = ReportText(demo_figures, Numbers(POLISH))
    english = ReportText(demo_figures, Numbers(ENGLISH))
    revenue = polish.money(demo_figures.revenue).replace("\u00a0", " ")
    assert demo_figures.revenue is not None and demo_figures.revenue >= 10_000  # grouped in both locales
    assert revenue in text
    assert english.money(demo_figures.revenue) not in text  # "1,234,567 PLN" would be the English way
    share = polish.numbers.percent(demo_figures.cache_share_percent)
    assert "," in share and share in text  # decimal comma


@needs_poppler
def test_polish_report_speaks_polish(polish_pdf: Path) -> None:
    """Headings, figures' names, the charts, the timeline: Polish; what the recording holds in its
    backend's or an older console's English (the demo's alert message) stays as recorded."""
    text = squeeze(pdf_text(polish_pdf))
    for words in ("Raport po kampanii", "Sprzedane bilety", "Najdłuższa kolejka", "Luki w danych",
                  "Kampania na wykresach", "Ruch na brzegu CDN", "Dziesięć najbardziej obciążonych minut",
                  "Oś czasu akcji i alertów", "Dodaj instancje", "średni → Under attack", "alert zgłoszony: threats",
                  "Jak liczone są wartości", "strona 2"):
        assert squeeze(words) in text, words
    for english in ("Tickets sold", "Timeline of actions", "Data gaps", "page 2", "alert raised"):
        assert squeeze(english) not in text, english
    assert squeeze("threats over 100,000 per minute") in text  # the recording's own English


@needs_poppler
def test_a_polish_report_of_a_recording_with_old_and_new_alerts(tmp_path: Path, qapp: QApplication) -> None:
    """An alert this console recorded (kept with its parts) and one from an older recording (English only)
    both read in Polish; one the console cannot recognise stays in its English."""
    path = tmp_path / "recording.sqlite"
    with Recorder(path, sample_campaign()) as recorder:
        for update in campaign_updates(20):
            recorder.submit(update)
        at = START + timedelta(minutes=5)
        recorder.record_alert("a1", "raised", at, "latency", message_text("Latency 12,345 ms (threshold 800 ms)"))
        recorder.record_alert("a2", "raised", at, "error_rate", "5xx rate 4.2% (threshold 2%)")
        recorder.record_alert("a3", "raised", at, "threats", "threats over 100,000 per minute")
        recorder.record_alert("a1", "acknowledged", at + timedelta(minutes=1), "latency",
                              message_text("Latency 12,345 ms (threshold 800 ms)"), "anna@wr2")
    AuditLog(path, "Arena Tour", "operator").write("x1", "intent", at, "scale-out", "capacity", "8", "10", "pending",
                                                   "Desired capacity 8 -> 10")
    data = read_recording(path)
    language = install_language(qapp, "pl")
    try:
        pdf = tmp_path / "raport.pdf"
        write_report_pdf(figures_from(data), path, pdf, data=data)
    finally:
        remove_language(qapp, language)
    text = squeeze(pdf_text(pdf))
    for words in ("alert zgłoszony: Opóźnienie", "Opóźnienie 12 345 ms (próg 800 ms)",
                  "alert zgłoszony: Odsetek 5xx", "Odsetek 5xx 4,2% (próg 2%)", "alert potwierdzony: Opóźnienie",
                  "threats over 100,000 per minute", "Dodaj instancje", "8 → 10", "brak zapisanego wyniku"):
        assert squeeze(words) in text, words
