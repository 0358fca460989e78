"""The interface language: Qt's translators for our strings and Qt's own, and the locale for numbers.

Our strings are marked with `tr()` / `QCoreApplication.translate()`; their Polish lives in
resources/i18n/saleday_pl.ts, the file a translator opens in Qt Linguist (`pyside6-lupdate` adds new
strings to it). Qt reads compiled .qm catalogues. A packaged app ships them compiled (see
`compile_catalogue`); a source checkout or a plain `pip install` has only the .ts, and compiles it at
start with the `lrelease` that PySide6 itself ships: a few milliseconds, in a temporary directory, so
no generated file is ever committed or left behind. English is the source language and needs none.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from importlib.resources import as_file, files
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

log = logging.getLogger(__name__)

LANGUAGES = {"en": QLocale.Language.English, "pl": QLocale.Language.Polish}
# The locale for a language the machine is not set to: Polish as in Poland; English with a 24-hour clock.
FALLBACK_COUNTRY = {"en": QLocale.Country.UnitedKingdom, "pl": QLocale.Country.Poland}
SOURCE_LANGUAGE = "en"
CATALOGUE = "saleday_{code}"


class TranslationError(RuntimeError):
    """A catalogue that cannot be compiled or loaded; the interface then stays in English."""


@dataclass
class Language:
    """What `install_language` put in place; keep it for as long as the interface runs."""

    code: str
    locale: QLocale
    translators: list[QTranslator] = field(default_factory=list)
    problem: str | None = None  # why the interface is in English although another language was asked for
    previous_locale: QLocale = field(default_factory=QLocale)  # the default before, for `remove_language`


def system_language(system: QLocale | None = None) -> str:
    """The language to use when none is given: the machine's, if we have it, else the source language."""
    language = (system or QLocale.system()).language()
    return next((code for code, value in LANGUAGES.items() if value == language), SOURCE_LANGUAGE)


def locale_for(code: str, system: QLocale | None = None) -> QLocale:
    """The machine's locale when it speaks `code` (keeping its country's habits), else a sensible default."""
    system = system or QLocale.system()
    if system.language() == LANGUAGES[code]:
        return QLocale(system)
    return QLocale(LANGUAGES[code], FALLBACK_COUNTRY[code])


def lrelease() -> Path | None:
    """Qt's catalogue compiler: the one inside the PySide6 package, else one on PATH."""
    import PySide6

    for name in ("lrelease.exe", "lrelease") if sys.platform == "win32" else ("lrelease",):
        candidate = Path(PySide6.__file__).resolve().parent / name
        if candidate.is_file():
            return candidate
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return Path(found) if found else None


def compile_catalogue(ts: Path, qm: Path) -> None:
    """Compile one .ts into a .qm (for packaging, and at start when no .qm ships)."""
    tool = lrelease()
    if tool is None:
        raise TranslationError("lrelease is not available (it comes with PySide6)")
    try:
        done = subprocess.run([str(tool), str(ts), "-qm", str(qm)], capture_output=True, text=True, timeout=60,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise TranslationError(f"lrelease failed: {exc}") from exc
    if done.returncode != 0 or not qm.is_file():
        lines = (done.stderr or done.stdout).strip().splitlines()
        raise TranslationError(f"lrelease failed on {ts.name}: {lines[-1] if lines else done.returncode}")


def catalogue_bytes(code: str) -> bytes:
    """The compiled catalogue of `code`: the .ts compiled now, unless a shipped .qm is at least as new
    or there is no lrelease to compile with (a frozen app, whose copied files' times prove nothing)."""
    folder = files("resources").joinpath("i18n")
    name = CATALOGUE.format(code=code)
    with as_file(folder.joinpath(f"{name}.ts")) as ts, as_file(folder.joinpath(f"{name}.qm")) as qm:
        if qm.is_file() and (not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime or lrelease() is None):
            return qm.read_bytes()
        if not ts.is_file():
            raise TranslationError(f"no translation for {code!r}")
        with tempfile.TemporaryDirectory(prefix="saleday-i18n-") as tmp:
            out = Path(tmp) / f"{name}.qm"
            compile_catalogue(ts, out)
            return out.read_bytes()


class CatalogueTranslator(QTranslator):
    """Holds the catalogue's bytes: Qt reads them in place (PySide6 passes the buffer, not a copy), so
    they must live exactly as long as the translator."""

    def __init__(self, data: bytes, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data = data
        if not self.load(self.data):
            self.deleteLater()
            raise TranslationError("Qt could not read the catalogue")


def _ours(code: str, app: QCoreApplication) -> QTranslator:
    return CatalogueTranslator(catalogue_bytes(code), app)


QT_CATALOGUES = ("qtbase", "qt")  # Qt 6 keeps its widgets' strings in qtbase; "qt" is the older meta-catalogue


def _qts_own(locale: QLocale, app: QCoreApplication) -> QTranslator | None:
    """Qt's strings (standard buttons like Cancel, context menus), where the Qt build carries them."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in QT_CATALOGUES:
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            return translator
        translator.deleteLater()
    return None


def install_language(app: QCoreApplication, code: str | None = None, system: QLocale | None = None) -> Language:
    """Translate the interface into `code` (None: the machine's language) and format numbers, times and
    money in its locale. Call before building widgets: they translate their text as they are made.
    The translators are the application's children: they stay installed whether or not the caller
    keeps the returned `Language`."""
    code = code or system_language(system)
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; choose one of {', '.join(LANGUAGES)}")
    language = Language(code, locale_for(code, system), previous_locale=QLocale())
    QLocale.setDefault(language.locale)
    if code == SOURCE_LANGUAGE:
        return language
    try:
        language.translators.append(_ours(code, app))
    except TranslationError as exc:
        language.problem = str(exc)
        log.warning("interface stays in English: %s", exc)
    qt = _qts_own(language.locale, app)
    if qt is not None:
        language.translators.append(qt)
    for translator in language.translators:
        app.installTranslator(translator)
    return language


def remove_language(app: QCoreApplication, language: Language) -> None:
    """Undo `install_language` (tests; a language switch would rebuild the window anyway)."""
    for translator in language.translators:
        app.removeTranslator(translator)
        translator.deleteLater()
    language.translators.clear()
    QLocale.setDefault(language.previous_locale)
