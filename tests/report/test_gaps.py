"""A source down for ten minutes: the figures list the gap, the charts break there, the PDF says so."""

from __future__ import annotations

import math
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from console.cli import main
from console.recording.recorder import Recorder
from console.report.data import read_recording
from console.report.figures import figures_from
from console.report.series import report_series
from console.snapshots import SourceName, SourceUpdate
from tests.recording.campaigns import sample_campaign
from tests.recording.synthetic import START, campaign_updates
from widgets.report_pdf import write_report_pdf
from widgets.report_text import ReportText

DOWN = (START + timedelta(minutes=20), START + timedelta(minutes=30))  # shop and AWS
CF_DOWN = (START + timedelta(minutes=25), START + timedelta(minutes=45))  # longer than Cloudflare's 15-minute window


def merged(*streams: list[SourceUpdate]) -> list[SourceUpdate]:
    return sorted((u for stream in streams for u in stream), key=lambda u: (u.attempted_at, u.source.value))


@pytest.fixture(scope="module")
def recording(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gaps") / "gaps.sqlite"
    both = frozenset({SourceName.SHOP, SourceName.AWS})
    first = [u for u in campaign_updates(60, gap=(*DOWN, both)) if u.source is not SourceName.CLOUDFLARE]
    second = [u for u in campaign_updates(60, gap=(*CF_DOWN, frozenset({SourceName.CLOUDFLARE})))
              if u.source is SourceName.CLOUDFLARE]
    with Recorder(path, sample_campaign()) as recorder:
        for update in merged(first, second):
            recorder.submit(update)
    return path


def test_the_figures_list_each_gap(recording: Path) -> None:
    figures = figures_from(read_recording(recording))
    gaps = {gap.source: gap for gap in figures.gaps}
    assert set(gaps) == set(SourceName) and len(figures.gaps) == 3
    shop, aws, cloudflare = gaps[SourceName.SHOP], gaps[SourceName.AWS], gaps[SourceName.CLOUDFLARE]
    assert (shop.start, shop.end) == (DOWN[0] - timedelta(seconds=2), DOWN[1])
    assert (aws.start, aws.end) == (DOWN[0] - timedelta(seconds=20), DOWN[1])
    assert shop.missing_minutes is None
    assert aws.missing_minutes == 0  # the next poll's 15-minute window filled the per-minute series in
    assert cloudflare.duration > timedelta(minutes=20)
    assert cloudflare.missing_minutes == 5  # 20 minutes down, a 15-minute window: five minutes are lost


def test_the_series_break_in_the_gaps_and_only_there(recording: Path) -> None:
    series = report_series(read_recording(recording))
    times, values = series["tickets_sold"].with_breaks()
    holes = [t for t, v in zip(times, values, strict=True) if math.isnan(v)]
    assert len(holes) == 1 and DOWN[0] < holes[0] < DOWN[1]
    times, values = series["visitors_per_min"].with_breaks()
    holes = [t for t, v in zip(times, values, strict=True) if math.isnan(v)]
    assert len(holes) == 1 and CF_DOWN[0] < holes[0] < CF_DOWN[1]
    assert not any(math.isnan(v) for v in series["latency_ms"].with_breaks()[1])  # backfilled: no hole


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_the_pdf_says_so(recording: Path, tmp_path: Path, qapp: QApplication) -> None:
    data = read_recording(recording)
    figures = figures_from(data)
    pdf = tmp_path / "gaps.pdf"
    seen: list[int] = []
    pages = write_report_pdf(figures, recording, pdf, seen.append)
    assert pages >= 3 and seen[-1] == 100 and seen == sorted(seen)
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    words = ReportText(figures)
    assert "3 data gaps" in text
    for gap in figures.gaps:
        assert words.gap_line(gap) in text
    assert "5 minutes of per-minute figures are missing" in text
    assert text.count("no data") >= 3  # shaded in the shop, fleet and traffic charts


@pytest.mark.parametrize("content", [None, b"plain text, not SQLite", b""])
def test_a_missing_or_invalid_recording_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None
) -> None:
    path = tmp_path / "campaign.sqlite"
    if content is not None:
        path.write_bytes(content)
    assert main(["report", str(path), "--out", str(tmp_path / "r.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err
    assert not (tmp_path / "r.pdf").exists()


def test_nothing_to_write_is_a_usage_error(recording: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["report", str(recording)])
    assert exit_info.value.code == 2
    assert "--out" in capsys.readouterr().err
