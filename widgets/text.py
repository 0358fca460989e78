"""The core's words in the interface's language: a `console.text.Text` translated through Qt's
catalogue, its numbers in the locale. Any other string is shown as it is (a backend's own words,
an older recording's English)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from console.text import Number, Text
from widgets.formatting import Numbers

SHORTEST = QLocale.FloatingPointPrecisionOption.FloatingPointShortest.value


def render(text: str, locale: QLocale | None = None) -> str:
    if not isinstance(text, Text):
        return text
    numbers = Numbers(locale)
    template = _template(text)
    if not text.args:
        return template
    try:
        return template.format(**{name: _argument(value, numbers, locale) for name, value in text.args.items()})
    except (KeyError, IndexError, ValueError):  # a translation with a broken field must not hide the message
        return str(text)


def _template(text: Text) -> str:
    if text.n is None:
        return QCoreApplication.translate(text.context, text.source, text.disambiguation)
    translated = QCoreApplication.translate(text.context, text.source, text.disambiguation, text.n)
    if translated == text.source.replace("%n", str(text.n)):  # no catalogue has it: English
        return text.english_template
    return translated


def _argument(value: object, numbers: Numbers, locale: QLocale | None) -> str:
    if isinstance(value, Text):
        return render(value, locale)
    if isinstance(value, Number):
        return numbers.decimal(value.value, SHORTEST if value.decimals is None else value.decimals)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, int):
        return numbers.integer(value)
    return numbers.decimal(value, SHORTEST)
