"""Words the Qt-free core shows to people, kept translatable without Qt.

The core speaks English: an alert's message, a marker's label, an action's summary or refusal. A
`Text` is that English string, a real `str`, so logs, the CLI, the audit trail and the CSV files use
it as they always did, that also remembers how it was made: the context it is catalogued under, its
English source template and its arguments. The window says it again in the interface's language
(`widgets/text.py: render`), with numbers in the locale. Anything done to a Text (an f-string,
slicing, `str()`) gives plain English back; `format` gives a Text.

Strings are marked the way Qt marks them with `ClassName.tr()`, so that `pyside6-lupdate`, which
reads Python lexically, extracts them into resources/i18n/saleday_pl.ts: a module-level
`TextContext` and literal source strings. lupdate takes the context from the variable's name, so the
variable must be named exactly like its context (tests/core/test_text.py checks):

    Alerts = TextContext("Alerts")
    Alerts.tr("{title} {value}{unit} (threshold {threshold}{unit})").format(title=..., value=...)
    Markers.tr("+%n instance(s)", None, added)   # numerus: %n is the count, the catalogue has each form

Fields are plain `{name}` (no format specs): a number is formatted by whoever renders it. English
plurals are written "(s)" in the source and resolved here, so English needs no catalogue.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

_ENGLISH_PLURAL = re.compile(r"\((e?s)\)")


@dataclass(frozen=True)
class Number:
    """A number argument shown with `decimals` places (None: as few as the value needs), grouped."""

    value: float
    decimals: int | None = None

    def english(self) -> str:
        if self.decimals is not None:
            return f"{self.value:,.{self.decimals}f}"
        if math.isfinite(self.value) and float(self.value).is_integer():
            return f"{self.value:,.0f}"
        return f"{self.value:,}"


Arg = str | int | float | Number  # a str argument may itself be a Text


def english_source(source: str, count: int | None) -> str:
    """The template with the English plural chosen and %n replaced by the count."""
    if count is None:
        return source
    return _ENGLISH_PLURAL.sub("" if abs(count) == 1 else r"\1", source).replace("%n", str(count))


def _english_arg(value: object) -> str:
    if isinstance(value, Number):
        return value.english()
    if isinstance(value, float):
        return Number(value).english()
    return str(value)


class Text(str):
    """English text that can be said again in another language; see the module docstring."""

    context: str
    source: str
    args: Mapping[str, Arg]
    n: int | None  # the count of a numerus text (Qt's name for it), or None
    disambiguation: str | None

    def __new__(cls, context: str, source: str, args: Mapping[str, Arg] | None = None, n: int | None = None,
                disambiguation: str | None = None) -> Text:
        arguments = dict(args or {})
        template = english_source(source, n)
        english = template.format(**{k: _english_arg(v) for k, v in arguments.items()}) if arguments else template
        self = super().__new__(cls, english)
        for name, value in (("context", context), ("source", source), ("args", arguments), ("n", n),
                            ("disambiguation", disambiguation)):
            object.__setattr__(self, name, value)
        return self

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a Text cannot be changed; format() makes a new one")

    def __reduce__(self) -> tuple[Any, ...]:
        return (Text, (self.context, self.source, dict(self.args), self.n, self.disambiguation))

    def format(self, *args: object, **kwargs: object) -> Text:
        """This text with its fields filled in (keywords only: a translation may reorder them)."""
        if args:
            raise TypeError("Text.format takes keyword arguments only")
        for name, value in kwargs.items():
            if not isinstance(value, str | int | float | Number):
                raise TypeError(f"{name}: a Text argument is a str, a number or a Number, not {type(value).__name__}")
        merged: dict[str, Arg] = {**self.args, **kwargs}  # type: ignore[dict-item]
        return Text(self.context, self.source, merged, self.n, self.disambiguation)

    @property
    def english_template(self) -> str:
        return english_source(self.source, self.n)

    # ---------------------------------------------------------------- storage (recordings)

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"context": self.context, "source": self.source,
                                "args": {name: _arg_data(value) for name, value in self.args.items()}}
        if self.n is not None:
            data["n"] = self.n
        if self.disambiguation is not None:
            data["disambiguation"] = self.disambiguation
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_data(), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Text:
        """Raises ValueError for anything that is not what `to_data` wrote."""
        try:
            args = {str(name): _arg_from(value) for name, value in dict(data.get("args") or {}).items()}
            count = data.get("n")
            disambiguation = data.get("disambiguation")
            if not isinstance(data["context"], str) or not isinstance(data["source"], str):
                raise ValueError("context and source must be strings")
            if count is not None and not isinstance(count, int):
                raise ValueError("count must be an integer")
            return cls(data["context"], data["source"], args, count,
                       disambiguation if isinstance(disambiguation, str) else None)
        except (KeyError, TypeError, AttributeError, IndexError) as exc:
            raise ValueError(f"not a stored text: {exc}") from None

    @classmethod
    def from_json(cls, text: str) -> Text:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"not a stored text: {exc}") from None
        if not isinstance(data, dict):
            raise ValueError("not a stored text")
        return cls.from_data(data)


def _arg_data(value: Arg) -> Any:
    if isinstance(value, Text):
        return {"text": value.to_data()}
    if isinstance(value, Number):
        return {"number": value.value, "decimals": value.decimals}
    if isinstance(value, str):
        return str(value)
    return value


def _arg_from(value: Any) -> Arg:
    if isinstance(value, dict):
        if "text" in value:
            return Text.from_data(value["text"])
        decimals = value.get("decimals")
        return Number(float(value["number"]), int(decimals) if decimals is not None else None)
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return value
    raise ValueError(f"unexpected argument {value!r}")


@dataclass(frozen=True)
class TextContext:
    """A catalogue context; `tr` marks a string of it for lupdate and returns it as a Text."""

    name: str

    def tr(self, source: str, disambiguation: str | None = None, n: int | None = None) -> Text:
        return Text(self.name, source, n=n, disambiguation=disambiguation)
