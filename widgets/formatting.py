"""How numbers read on the wall: grouped digits in the operators' locale, short durations, byte units."""

from __future__ import annotations

import math
from datetime import datetime, tzinfo

from PySide6.QtCore import QLocale, QTime

DASH = "—"


class Numbers:
    """Locale-aware number text. Group separators always on: "1 234 567" reads from across a room."""

    def __init__(self, locale: QLocale | None = None) -> None:
        self._locale = QLocale(locale) if locale is not None else QLocale()
        self._locale.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)

    def integer(self, value: float | None) -> str:
        if value is None or math.isnan(value):
            return DASH
        return self._locale.toString(round(value))

    def decimal(self, value: float | None, places: int = 1) -> str:
        if value is None or math.isnan(value):
            return DASH
        return self._locale.toString(float(value), "f", places)

    def percent(self, value: float | None, places: int = 1) -> str:
        text = self.decimal(value, places)
        return text if text == DASH else f"{text} %"

    def money(self, value: float, currency: str) -> str:
        """Whole units and the ISO code: "1 234 567 PLN"; cents are noise on a sale-day wall."""
        return f"{self.integer(value)} {currency}"

    def time_of_day(self, moment: datetime, tz: tzinfo | None = None, reference: datetime | None = None) -> str:
        """A clock time in the locale's short form ("15:45", "3:45 PM"), in `tz` (None: this machine's);
        with the weekday in front when it falls on another day than `reference`."""
        local = moment.astimezone(tz)
        text = self._locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
        if reference is not None and reference.astimezone(tz).date() != local.date():
            return f"{self._locale.dayName(local.isoweekday(), QLocale.FormatType.ShortFormat)} {text}"
        return text

    def bytes(self, count: float) -> str:
        """Decimal units (kB, MB, GB, TB), the way CDN dashboards and bills count."""
        units = ("B", "kB", "MB", "GB", "TB", "PB")
        size = float(count)
        unit = 0
        while abs(size) >= 1000.0 and unit < len(units) - 1:
            size /= 1000.0
            unit += 1
        places = 0 if unit == 0 or size >= 100 else 1
        return f"{self.decimal(size, places)} {units[unit]}"


def wait_text(seconds: float) -> str:
    """A queue wait: "4:05 min" below an hour, "1:25 h" above; rounded to what the unit shows."""
    if math.isnan(seconds) or seconds < 0:
        return DASH
    total = round(seconds)
    if total < 3600:
        return f"{total // 60}:{total % 60:02d} min"
    minutes = round(seconds / 60.0)
    return f"{minutes // 60}:{minutes % 60:02d} h"


def age_text(seconds: float) -> str:
    """How long ago, coarse enough not to flicker: "3 s", "4 min", "2 h"."""
    if seconds < 60:
        return f"{int(seconds)} s"
    if seconds < 3600:
        return f"{int(seconds // 60)} min"
    return f"{int(seconds // 3600)} h"
