"""The alert banner shows active alerts, acknowledges them by a person, and stays compact."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from console.alerts import Alert
from console.observable import Observable
from widgets.alert_banner import AlertBanner, AlertSound

T0 = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


class CountingSound(AlertSound):
    def __init__(self) -> None:
        self.backend = "counted"
        self.plays = 0

    def play(self) -> None:
        self.plays += 1


def alert(n: int, by: str | None = None) -> Alert:
    return Alert(f"a{n}", f"rule{n}", f"Latency {900 + n} ms (threshold 800 ms)", T0 + timedelta(minutes=n), by)


def test_banner_shows_acknowledges_and_sounds_once_per_new_alert(qtbot: QtBot) -> None:
    active: Observable[tuple[Alert, ...]] = Observable(())
    acknowledged: list[tuple[str, str]] = []
    sound = CountingSound()
    banner = AlertBanner(active, lambda alert_id, who: acknowledged.append((alert_id, who)), sound,
                         tz=ZoneInfo("Europe/Warsaw"))
    qtbot.addWidget(banner)
    assert banner.isHidden()
    active.set((alert(1),))
    assert not banner.isHidden()
    assert any("10:01:00" in line and "Latency 901 ms" in line for line in banner.lines)  # campaign time zone
    assert sound.plays == 1
    button = banner.findChild(QPushButton, "acknowledgeButton")
    assert button is not None
    button.click()
    assert acknowledged and acknowledged[0][0] == "a1" and "@" in acknowledged[0][1]
    active.set((alert(1, by="anna@wr2"),))
    assert sound.plays == 1  # acknowledging is not a new alert
    assert any("acknowledged by anna@wr2" in line for line in banner.lines)
    assert banner.property("acknowledged") == "true"
    active.set(())
    assert banner.isHidden()


def test_many_alerts_stay_compact(qtbot: QtBot) -> None:
    active = Observable(tuple(alert(n) for n in range(6)))
    banner = AlertBanner(active, lambda *_: None, CountingSound())
    qtbot.addWidget(banner)
    assert any("and 3 more" in line for line in banner.lines)
    assert sum("Latency" in line for line in banner.lines) == 3
