"""One recorded demo sale day shared by the report tests (it takes about half a minute to record)."""

from __future__ import annotations

import pytest

from console.report.data import RecordingData, read_recording
from console.report.figures import ReportFigures, figures_from
from tests.report.recorded_demo import RecordedDay, record_demo_day


@pytest.fixture(scope="session")
def demo_day(tmp_path_factory: pytest.TempPathFactory) -> RecordedDay:
    return record_demo_day(tmp_path_factory.mktemp("demo-day") / "recording.sqlite")


@pytest.fixture(scope="session")
def demo_data(demo_day: RecordedDay) -> RecordingData:
    return read_recording(demo_day.path)


@pytest.fixture(scope="session")
def demo_figures(demo_data: RecordingData) -> ReportFigures:
    return figures_from(demo_data)
