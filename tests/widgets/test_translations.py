"""Polish through Qt's own translation system: the catalogue is complete and in step with the code (the
widgets' strings and the Qt-free core's `console.text` ones), it compiles with the lrelease PySide6 ships,
and the window, the board, the core's words, Qt's own buttons and the numbers speak Polish."""

from __future__ import annotations

import gc
import re
import shutil
import subprocess
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.snapshots import SourceName
from tests.widgets.synthetic import sale_day
from widgets.formatting import Numbers
from widgets.main_window import MainWindow
from widgets.tile import WAITING, freshness_text
from widgets.translations import (
    Language,
    TranslationError,
    compile_catalogue,
    install_language,
    locale_for,
    remove_language,
    system_language,
)

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "i18n" / "saleday_pl.ts"
PLACEHOLDER = re.compile(r"\{\w*\}")


def plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.fixture
def polish(qapp: QApplication) -> Iterator[Language]:
    language = install_language(qapp, "pl")
    yield language
    remove_language(qapp, language)


POLISH_PLURAL_FORMS = 3  # 1 instancja, 2-4 instancje, 5+ instancji


def messages(ts: Path) -> list[tuple[str, str, ET.Element | None]]:
    return [(context.findtext("name") or "", message.findtext("source") or "", message.find("translation"))
            for context in ET.parse(ts).getroot().iter("context") for message in context.iter("message")]


def forms(translation: ET.Element) -> list[str]:
    """The translated text, or each numerus form of it."""
    numerus = [form.text or "" for form in translation.iter("numerusform")]
    return numerus or [translation.text or ""]


def test_the_catalogue_covers_every_string_in_the_code(tmp_path: Path) -> None:
    """lupdate, run over the sources into a copy, finds nothing new and nothing untranslated."""
    lupdate = Path(PySide6.__file__).resolve().parent / "lupdate"
    if not lupdate.is_file():
        pytest.skip("this PySide6 has no lupdate")
    copy = tmp_path / CATALOGUE.name
    shutil.copy(CATALOGUE, copy)
    # console/ marks its words too (console/text.py), so every Python file of both packages is read.
    sources = [str(path) for package in ("widgets", "console") for path in sorted((ROOT / package).rglob("*.py"))]
    subprocess.run([str(lupdate), *sources, "-no-obsolete", "-locations", "none", "-ts", str(copy)],
                   check=True, capture_output=True)
    found = messages(copy)
    assert len(found) > 400
    assert {"Alerts", "Markers", "Actions", "Failures", "Report"} <= {context for context, _, _ in found}
    for context, source, translation in found:
        assert translation is not None, f"{context}: {source!r} has no Polish"
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), (context, source)
        said = forms(translation)
        if "%n" in source:  # numerus: every Polish form, each with the count in it
            assert len(said) == POLISH_PLURAL_FORMS and all("%n" in form for form in said), (context, source)
        for form in said:
            assert form, f"{context}: {source!r} has no Polish"
            assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(form)), (context, source, form)
    assert {(c, s) for c, s, _ in found} == {(c, s) for c, s, _ in messages(CATALOGUE)}  # nothing stale kept


def test_no_string_hides_from_lupdate() -> None:
    """lupdate reads `tr(`, `translate(`, `QT_TRANSLATE_NOOP(` and `Name.tr(`; a literal handed to a helper
    of ours (`_tr("…")`) never reaches the catalogue and stays English in a Polish window."""
    hidden = re.compile(r"\b_\w*tr\(\s*[rf]?[\"']")
    files = [path for package in ("widgets", "console") for path in sorted((ROOT / package).rglob("*.py"))]
    offenders = [f"{path.relative_to(ROOT)}:{number}" for path in files
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                 if hidden.search(line)]
    assert offenders == []


def test_the_catalogue_compiles_and_qt_reads_it(tmp_path: Path) -> None:
    qm = tmp_path / "saleday_pl.qm"
    compile_catalogue(CATALOGUE, qm)
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.language() == "pl_PL"
    assert translator.translate("BoardView", "Tickets sold") == "Sprzedane bilety"


def test_a_broken_catalogue_is_an_error_not_a_crash(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ts"
    broken.write_text("<TS><context><name>x</name><message>", encoding="utf-8")
    with pytest.raises(TranslationError, match="lrelease failed"):
        compile_catalogue(broken, tmp_path / "broken.qm")


def test_the_window_speaks_polish(qtbot: QtBot, polish: Language) -> None:
    assert polish.problem is None and polish.code == "pl"
    assert QLocale().language() == QLocale.Language.Polish
    window = MainWindow(sale_day(time.monotonic()), "Arena Tour 2026", SourceName.SHOP, locale=QLocale())
    qtbot.addWidget(window)
    assert window.view_menu.title() == "&Widok"
    assert window.board_action.text() == "&Tablica"
    assert window.sales_panel.sold.caption_text == "Sprzedane bilety"
    assert window.queue_panel.status.value_text == "otwarte"
    assert window.charts.charts[0].spec.title == "Ruch"
    assert window.board.forecast.caption_text == "Wyprzedanie w tym tempie"
    assert window.board.forecast.sub_text == "jeśli obecne tempo się utrzyma"
    assert plain(window.board.sold.sub_text) == "z 20 000 · zostało 5721"
    assert plain(window.board.revenue.value_text) == "5 268 721 PLN"
    assert plain(window.board.percent.value_text) == "71,4 %"


def test_numbers_follow_the_default_locale(polish: Language) -> None:
    numbers = Numbers()  # what the widgets use when the composition root passes no locale
    assert plain(numbers.integer(1_070_546)) == "1 070 546"
    assert plain(numbers.money(1_070_546.4, "PLN")) == "1 070 546 PLN"
    assert numbers.decimal(12.5) == "12,5"


def test_english_is_the_source_and_needs_no_catalogue(qapp: QApplication) -> None:
    english = install_language(qapp, "en", system=QLocale("pl_PL"))
    try:
        assert english.translators == [] and english.problem is None
        assert english.locale.name() == "en_GB"  # 24-hour clock, like the header
        assert QCoreApplication.translate("BoardView", "Tickets sold") == "Tickets sold"
    finally:
        remove_language(qapp, english)


def test_removing_the_language_restores_english(qapp: QApplication) -> None:
    before = QLocale().name()
    language = install_language(qapp, "pl")
    assert QCoreApplication.translate("Tile", WAITING) == "czekam na dane…"
    remove_language(qapp, language)
    assert QCoreApplication.translate("Tile", WAITING) == WAITING
    assert QLocale().name() == before


def test_the_language_stays_when_the_caller_drops_what_install_returned(qapp: QApplication) -> None:
    """The composition root does not keep the Language: the translators must not go with it."""
    install_language(qapp, "pl")
    gc.collect()
    QCoreApplication.processEvents()
    try:
        assert QCoreApplication.translate("BoardView", "Tickets sold") == "Sprzedane bilety"
    finally:
        for translator in qapp.findChildren(QTranslator):
            qapp.removeTranslator(translator)
            translator.deleteLater()
        QLocale.setDefault(QLocale.system())
    assert QCoreApplication.translate("BoardView", "Tickets sold") == "Tickets sold"


def test_freshness_in_polish(polish: Language) -> None:
    from console.views import SourceHealth

    health = SourceHealth(SourceName.SHOP, last_ok_wall=100.0, stale_after=10.0)
    assert freshness_text(health, 103.0, None) == "3 s temu"
    assert freshness_text(health, 200.0, "10:41") == "nieaktualne od 10:41"


def test_the_language_comes_from_the_system_unless_given() -> None:
    assert system_language(QLocale("pl_PL")) == "pl"
    assert system_language(QLocale("de_DE")) == "en"
    assert system_language(QLocale("en_US")) == "en"
    assert locale_for("pl", QLocale("en_US")).name() == "pl_PL"
    assert locale_for("en", QLocale("en_US")).name() == "en_US"  # the machine's English keeps its habits
    assert locale_for("en", QLocale("pl_PL")).name() == "en_GB"
    with pytest.raises(ValueError, match="unknown language"):
        install_language(QCoreApplication.instance(), "de")  # type: ignore[arg-type]
