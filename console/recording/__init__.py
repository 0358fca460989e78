"""The campaign recording: every poll outcome and alert in the campaign's SQLite file, and reading it back."""

from console.recording.reader import (
    AlertRecord,
    RecordedSample,
    iter_samples,
    load_campaign_from_recording,
    load_updates,
    read_alerts,
)
from console.recording.recorder import AlertPhase, Recorder, RecordingError
from console.recording.restore import restore

__all__ = [
    "AlertPhase",
    "AlertRecord",
    "RecordedSample",
    "Recorder",
    "RecordingError",
    "iter_samples",
    "load_campaign_from_recording",
    "load_updates",
    "read_alerts",
    "restore",
]
