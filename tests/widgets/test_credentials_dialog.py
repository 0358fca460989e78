"""The credentials dialog: a secret goes to the keychain and is never shown again; Test runs on a worker."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from console.bridge import GuiBridge
from console.credentials import ENV_VARS, KEYRING_SERVICE
from console.preflight import Preflight
from console.runtime import campaign_clock
from console.snapshots import SourceName
from tests.credentials.keyed_demo import KeyedDemo, start_keyed_demo
from tests.credentials.keyrings import MemoryKeyring
from widgets.credentials_dialog import CredentialsDialog


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


def shown_text(dialog: CredentialsDialog) -> str:
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    fields = [field.text() for field in dialog.findChildren(QLineEdit)]
    return "\n".join(labels + fields + [dialog.windowTitle()])


def test_save_test_remove(qtbot: QtBot, demo: KeyedDemo, bridge: GuiBridge, memory: MemoryKeyring) -> None:
    dialog = make_dialog(qtbot, demo, bridge)
    row = dialog.rows[SourceName.CLOUDFLARE]
    assert row.field.echoMode() is QLineEdit.EchoMode.Password
    assert row.origin.text() == "not set" and not row.remove.isEnabled()
    qtbot.keyClicks(row.field, demo.cloudflare_token)
    qtbot.mouseClick(row.save, Qt.MouseButton.LeftButton)
    user = f"{demo.campaign.campaign.name}/cloudflare"
    assert memory.entries == {(KEYRING_SERVICE, user): demo.cloudflare_token}
    assert row.field.text() == ""
    assert row.origin.text() == "stored in the keychain" and row.remove.isEnabled()
    qtbot.mouseClick(row.test, Qt.MouseButton.LeftButton)
    assert not row.test.isEnabled()  # one test at a time; the GUI thread is not blocked meanwhile
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert row.result.text().startswith("✔ ok: zone"), row.result.text()
    assert demo.cloudflare_token not in shown_text(dialog)
    qtbot.mouseClick(row.remove, Qt.MouseButton.LeftButton)
    assert memory.entries == {}
    assert row.origin.text() == "not set"


def test_a_wrong_key_is_reported_without_the_key(qtbot: QtBot, demo: KeyedDemo, bridge: GuiBridge,
                                                 memory: MemoryKeyring) -> None:
    dialog = make_dialog(qtbot, demo, bridge)
    row = dialog.rows[SourceName.SHOP]
    wrong = "shop-wrong-key-2718281828"
    qtbot.keyClicks(row.field, wrong)
    row.field.returnPressed.emit()
    qtbot.mouseClick(row.test, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert row.result.text().startswith("✖ failed: auth:"), row.result.text()
    assert "does not accept this API key" in row.result.text()
    assert wrong not in shown_text(dialog)


def test_a_bad_secret_is_not_saved_and_not_repeated(qtbot: QtBot, demo: KeyedDemo, bridge: GuiBridge,
                                                    memory: MemoryKeyring) -> None:
    dialog = make_dialog(qtbot, demo, bridge)
    row = dialog.rows[SourceName.CLOUDFLARE]
    qtbot.keyClicks(row.field, "two words")
    qtbot.mouseClick(row.save, Qt.MouseButton.LeftButton)
    assert memory.entries == {}
    assert row.result.text().startswith("Not saved:") and "two words" not in shown_text(dialog)


def test_aws_is_tested_through_its_own_chain(qtbot: QtBot, demo: KeyedDemo, bridge: GuiBridge, memory: MemoryKeyring,
                                             monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    dialog = make_dialog(qtbot, demo, bridge)
    row = dialog.rows[SourceName.AWS]
    assert not row.save.isVisibleTo(dialog) and "nothing is stored here" in row.origin.text()
    qtbot.mouseClick(row.test, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert row.result.text().startswith("✔ ok: group shop-web"), row.result.text()


def test_without_a_keychain_save_is_off_and_the_variables_are_named(qtbot: QtBot, demo: KeyedDemo,
                                                                    bridge: GuiBridge) -> None:
    for _ in use(fail.Keyring()):
        dialog = make_dialog(qtbot, demo, bridge)
        assert dialog.problem_label.isVisible()
        assert "No keychain backend: set SALEDAY_CLOUDFLARE_TOKEN and SALEDAY_SHOP_API_KEY instead" in (
            dialog.problem_label.text())
        for source in (SourceName.CLOUDFLARE, SourceName.SHOP):
            assert not dialog.rows[source].save.isEnabled()
            assert not dialog.rows[source].field.isEnabled()
            assert dialog.rows[source].test.isEnabled()
