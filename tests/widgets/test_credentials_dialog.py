"""The credentials dialog: a secret goes to the keychain and is never shown again; keychain calls and Test
run off the GUI thread, so a keychain that takes seconds never stalls the window."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from console.bridge import GuiBridge
from console.credentials import ENV_VARS, KEYRING_SERVICE
from console.preflight import Preflight
from console.runtime import campaign_clock
from console.snapshots import SourceName
from tests.credentials.keyed_demo import KeyedDemo, start_keyed_demo
from tests.credentials.keyrings import MemoryKeyring, SlowKeyring
from widgets.credentials_dialog import CredentialsDialog
from widgets.translations import install_language, remove_language


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KeyedDemo]:
    keyed = start_keyed_demo(tmp_path_factory.mktemp("keyed"))
    yield keyed
    keyed.env.stop()


@pytest.fixture(autouse=True)
def no_env_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV_VARS.values():
        monkeypatch.delenv(name, raising=False)


def use(backend: KeyringBackend) -> Iterator[KeyringBackend]:
    before = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def memory() -> Iterator[KeyringBackend]:
    yield from use(MemoryKeyring())


@pytest.fixture
def bridge() -> GuiBridge:
    return GuiBridge()


def make_dialog(qtbot: QtBot, demo: KeyedDemo, bridge: GuiBridge) -> CredentialsDialog:
    preflight = Preflight(demo.campaign, campaign_clock(demo.campaign))
    dialog = CredentialsDialog(demo.campaign, preflight.source_check, bridge.post)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def ready_dialog(qtbot: QtBot, demo: KeyedDemo, bridge: GuiBridge) -> CredentialsDialog:
    """A dialog that has read the keychain once."""
    dialog = make_dialog(qtbot, demo, bridge)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    return dialog


def click_and_wait(qtbot: QtBot, dialog: CredentialsDialog, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)


def shown_text(dialog: CredentialsDialog) -> str:
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    fields = [field.text() for field in dialog.findChildren(QLineEdit)]
    return "\n".join(labels + fields + [dialog.windowTitle()])


def test_save_test_remove(qtbot: QtBot, demo: KeyedDemo, bridge: GuiBridge, memory: MemoryKeyring) -> None:
    dialog = ready_dialog(qtbot, demo, bridge)
    row = dialog.rows[SourceName.CLOUDFLARE]
    assert row.field.echoMode() is QLineEdit.EchoMode.Password
    assert row.origin.text() == "not set" and not row.remove.isEnabled()
    qtbot.keyClicks(row.field, demo.cloudflare_token)
    click_and_wait(qtbot, dialog, row.save)
    user = f"{demo.campaign.campaign.name}/cloudflare"
    assert memory.entries == {(KEYRING_SERVICE, user): demo.cloudflare_token}
    assert row.field.text() == ""
    assert row.origin.text() == "stored in the keychain" and row.remove.isEnabled()
    qtbot.mouseClick(row.test, Qt.MouseButton.LeftButton)
    assert not row.test.isEnabled()  # one test at a time; the GUI thread is not blocked meanwhile
    assert not row.save.isEnabled() and not row.remove.isEnabled()  # the test reads the keychain meanwhile
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert row.result.text().startswith("✔ ok: zone"), row.result.text()
    assert demo.cloudflare_token not in shown_text(dialog)
    click_and_wait(qtbot, dialog, row.remove)
    assert memory.entries == {}
    assert row.origin.text() == "not set" and row.result.text() == "Removed from the keychain."


def test_a_wrong_key_is_reported_without_the_key(qtbot: QtBot, demo: KeyedDemo, bridge: GuiBridge,
                                                 memory: MemoryKeyring) -> None:
    dialog = ready_dialog(qtbot, demo, bridge)
    row = dialog.rows[SourceName.SHOP]
    wrong = "shop-wrong-key-2718281828"
    qtbot.keyClicks(row.field, wrong)
    row.field.returnPressed.emit()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    qtbot.mouseClick(row.test, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert row.result.text().startswith("✖ failed: auth:"), row.result.text()
    assert "does not accept this API key" in row.result.text()
    assert wrong not in shown_text(dialog)


def test_a_bad_secret_is_not_saved_and_not_repeated(qtbot: QtBot, demo: KeyedDemo, bridge: GuiBridge,
                                                    memory: MemoryKeyring) -> None:
    dialog = ready_dialog(qtbot, demo, bridge)
    row = dialog.rows[SourceName.CLOUDFLARE]
    qtbot.keyClicks(row.field, "two words")
    click_and_wait(qtbot, dialog, row.save)
    assert memory.entries == {}
    assert row.result.text().startswith("Not saved:") and "two words" not in shown_text(dialog)


def test_aws_is_tested_through_its_own_chain(qtbot: QtBot, demo: KeyedDemo, bridge: GuiBridge, memory: MemoryKeyring,
                                             monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    dialog = ready_dialog(qtbot, demo, bridge)
    row = dialog.rows[SourceName.AWS]
    assert not row.save.isVisibleTo(dialog) and "nothing is stored here" in row.origin.text()
    qtbot.mouseClick(row.test, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert row.result.text().startswith("✔ ok: group shop-web"), row.result.text()


def test_without_a_keychain_save_is_off_and_the_variables_are_named(qtbot: QtBot, demo: KeyedDemo,
                                                                    bridge: GuiBridge) -> None:
    for _ in use(fail.Keyring()):
        dialog = ready_dialog(qtbot, demo, bridge)
        assert dialog.problem_label.isVisible()
        assert "No keychain backend: set SALEDAY_CLOUDFLARE_TOKEN and SALEDAY_SHOP_API_KEY instead" in (
            dialog.problem_label.text())
        for source in (SourceName.CLOUDFLARE, SourceName.SHOP):
            assert not dialog.rows[source].save.isEnabled()
            assert not dialog.rows[source].field.isEnabled()
            assert dialog.rows[source].test.isEnabled()


class Heartbeat:
    """A 10 ms timer on the GUI thread: the longest gap between its ticks is how long the window stalled."""

    def __init__(self) -> None:
        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.timeout.connect(lambda: self.ticks.append(time.monotonic()))
        self.timer.start(10)

    def restart(self) -> None:
        self.ticks = [time.monotonic()]

    def longest_gap(self) -> float:
        return max(b - a for a, b in zip(self.ticks, self.ticks[1:], strict=False))


@pytest.fixture
def slow() -> Iterator[KeyringBackend]:
    yield from use(SlowKeyring(delay=2.0, slow=frozenset({"get"})))


def test_a_slow_keychain_never_stalls_the_window(qtbot: QtBot, demo: KeyedDemo, bridge: GuiBridge,
                                                 slow: SlowKeyring) -> None:
    """Keychain calls take 2 s here; the dialog opens at once, shows what it waits for, and the GUI
    thread keeps serving a 10 ms timer throughout."""
    beat = Heartbeat()
    started = time.monotonic()
    dialog = make_dialog(qtbot, demo, bridge)
    opened = time.monotonic() - started
    row = dialog.rows[SourceName.CLOUDFLARE]
    assert opened < 0.5, opened
    assert dialog.busy and dialog.progress.isVisible() and dialog.activity.text() == "Reading the keychain…"
    assert not row.save.isEnabled() and not row.test.isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15_000)
    reading = time.monotonic() - started
    assert reading >= 4.0 and beat.longest_gap() < 0.3, (reading, beat.longest_gap())  # two 2 s reads
    assert not dialog.progress.isVisible() and row.save.isEnabled() and row.origin.text() == "not set"

    slow.slow = frozenset({"set"})
    beat.restart()
    qtbot.keyClicks(row.field, demo.cloudflare_token)
    clicked = time.monotonic()
    qtbot.mouseClick(row.save, Qt.MouseButton.LeftButton)
    assert row.field.text() == "" and dialog.activity.text() == "Saving in the keychain…"
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15_000)
    saving = time.monotonic() - clicked
    assert saving >= 2.0 and beat.longest_gap() < 0.3, (saving, beat.longest_gap())
    assert row.origin.text() == "stored in the keychain"
    assert {thread for _, thread in slow.calls} == {"keychain"}  # never the GUI thread
    print(f"\nslow keychain: dialog open {opened * 1000:.0f} ms, read {reading:.1f} s, save {saving:.1f} s, "
          f"{len(beat.ticks)} ticks since the save, longest GUI gap {beat.longest_gap() * 1000:.0f} ms")
    beat.timer.stop()


def test_closing_while_the_keychain_hangs(qtbot: QtBot, demo: KeyedDemo, bridge: GuiBridge,
                                          slow: SlowKeyring) -> None:
    """The dialog goes away at once; the keychain's late answer finds it gone and is dropped."""
    preflight = Preflight(demo.campaign, campaign_clock(demo.campaign))
    dialog = CredentialsDialog(demo.campaign, preflight.source_check, bridge.post)
    dialog.show()
    assert dialog.busy
    started = time.monotonic()
    dialog.close()
    dialog.deleteLater()
    assert time.monotonic() - started < 0.2
    qtbot.wait(4500)  # the two 2 s reads finish and are delivered to a deleted dialog
    assert slow.entries == {}


def test_the_dialog_speaks_polish(qtbot: QtBot, qapp: QApplication, demo: KeyedDemo, bridge: GuiBridge) -> None:
    language = install_language(qapp, "pl")
    try:
        for _ in use(fail.Keyring()):
            dialog = ready_dialog(qtbot, demo, bridge)
            row = dialog.rows[SourceName.CLOUDFLARE]
            assert dialog.windowTitle().startswith("Dane logowania · ")
            assert (row.title.text(), row.save.text(), row.test.text()) == ("Token API Cloudflare", "Zapisz", "Sprawdź")
            assert row.origin.text() == "nie ustawiono"
            assert dialog.problem_label.text() == (
                "Brak dostępnego pęku kluczy: ustaw zamiast tego SALEDAY_CLOUDFLARE_TOKEN i SALEDAY_SHOP_API_KEY. "
                "Nic nie jest zapisywane do pliku.")
    finally:
        remove_language(qapp, language)


def test_reopening_reads_what_the_command_line_stored_meanwhile(qtbot: QtBot, demo: KeyedDemo, bridge: GuiBridge,
                                                                memory: MemoryKeyring) -> None:
    dialog = ready_dialog(qtbot, demo, bridge)
    row = dialog.rows[SourceName.CLOUDFLARE]
    assert row.origin.text() == "not set"
    dialog.hide()
    memory.set_password(KEYRING_SERVICE, f"{demo.campaign.campaign.name}/cloudflare", demo.cloudflare_token)
    dialog.show()
    qtbot.waitUntil(lambda: row.origin.text() == "stored in the keychain", timeout=10_000)
    assert row.remove.isEnabled()
