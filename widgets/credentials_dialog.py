"""Campaign ▸ Credentials…: store, test and remove the Cloudflare token and the shop key in the OS keychain.

A secret goes from the password field straight to the keychain and the field is cleared; nothing in
the dialog ever shows it again, only where the secret comes from (keychain, environment, demo). Test
reads the source once on a worker thread; its answer names the failure and the missing permission,
never the secret. Where there is no usable keychain, Save is off and the dialog names the
environment variable to set instead.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from console.config import Campaign
from console.credentials import (
    ENV_VARS,
    SECRET_NAMES,
    KeychainUnavailable,
    SecretSource,
    keychain_problem,
    remove_secret,
    secret_origin,
    store_secret,
)
from console.preflight import CheckResult, CheckStatus
from console.snapshots import SourceName

Deliver = Callable[[Callable[[Any], None], Any], None]
TestSource = Callable[[SourceName], CheckResult]
ORIGIN_TEXT = {
    "demo": "demo: fixed token, nothing to store",
    "environment": "from the environment variable {env} (used before the keychain)",
    "keychain": "stored in the keychain",
    "none": "not set",
}
STATUS_MARK = {CheckStatus.OK: "✔", CheckStatus.WARNING: "⚠", CheckStatus.FAILED: "✖"}


def _label(text: str, name: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class SecretRow:
    """The widgets of one source: password field, where the secret comes from, Save / Test / Remove."""

    def __init__(self, parent: QWidget, title: str) -> None:
        self.title = _label(title, "credentialTitle", parent)
        self.field = QLineEdit(parent)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText("paste a new secret to store it")
        self.origin = _label("", "credentialOrigin", parent)
        self.result = _label("", "credentialResult", parent)
        self.save = QPushButton("Save", parent)
        self.test = QPushButton("Test", parent)
        self.remove = QPushButton("Remove", parent)


class CredentialsDialog(QDialog):
    """`test(source)` reads one source with its credentials (network): it runs on a worker thread and
    its result comes back through `deliver` (the GUI bridge's post)."""

    def __init__(self, campaign: Campaign, test: TestSource, deliver: Deliver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("credentialsDialog")
        self.setWindowTitle(f"Credentials · {campaign.campaign.name}")
        self.setMinimumWidth(720)
        self._campaign = campaign
        self._test = test
        self._deliver = deliver
        self._testing: set[SourceName] = set()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        self.problem_label = _label("", "credentialProblem", self)
        layout.addWidget(self.problem_label)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        layout.addLayout(grid)
        self.rows: dict[SourceName, SecretRow] = {}
        for index, source in enumerate(SecretSource):
            self.rows[SourceName(source.value)] = self._secret_row(grid, index * 3, source)
        self.rows[SourceName.AWS] = self._aws_row(grid, len(SecretSource) * 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def _secret_row(self, grid: QGridLayout, line: int, source: SecretSource) -> SecretRow:
        name = SECRET_NAMES[source]
        row = SecretRow(self, name[0].upper() + name[1:])
        row.title.setWordWrap(False)
        grid.addWidget(row.title, line, 0)
        grid.addWidget(row.field, line, 1)
        for column, button in enumerate((row.save, row.test, row.remove), start=2):
            grid.addWidget(button, line, column)
        grid.addWidget(row.origin, line + 1, 1, 1, 4)
        grid.addWidget(row.result, line + 2, 1, 1, 4)
        row.save.clicked.connect(lambda: self.save(source))
        row.remove.clicked.connect(lambda: self.remove(source))
        row.test.clicked.connect(lambda: self.start_test(SourceName(source.value)))
        row.field.returnPressed.connect(lambda: self.save(source))
        return row

    def _aws_row(self, grid: QGridLayout, line: int) -> SecretRow:
        row = SecretRow(self, "AWS")
        row.field.setVisible(False)
        row.save.setVisible(False)
        row.remove.setVisible(False)
        profile = self._campaign.aws.profile
        chain = "demo: fixed emulator keys" if self._campaign.is_demo else (
            f"boto3's chain with profile {profile!r}" if profile else "boto3's default chain (environment, SSO, …)")
        row.origin.setText(f"{chain}; nothing is stored here")
        grid.addWidget(row.title, line, 0)
        grid.addWidget(row.origin, line, 1, 1, 2)
        grid.addWidget(row.test, line, 3)
        grid.addWidget(row.result, line + 1, 1, 1, 4)
        row.test.clicked.connect(lambda: self.start_test(SourceName.AWS))
        return row

    # ------------------------------------------------------------ state

    def refresh(self) -> None:
        """Where each secret comes from now, and whether the keychain can take one."""
        problem = None if self._campaign.is_demo else keychain_problem()
        if self._campaign.is_demo:
            self.problem_label.setText("The demo needs no secrets: its emulators accept fixed demo tokens.")
        elif problem is not None:
            names = " and ".join(ENV_VARS.values())
            self.problem_label.setText(f"{problem.capitalize()}: set {names} instead. Nothing is written to a file.")
        self.problem_label.setVisible(self._campaign.is_demo or problem is not None)
        for source in SecretSource:
            row = self.rows[SourceName(source.value)]
            origin = secret_origin(self._campaign, source)
            row.origin.setText(ORIGIN_TEXT[origin].format(env=ENV_VARS[source]))
            can_store = problem is None and not self._campaign.is_demo
            row.field.setEnabled(can_store)
            row.save.setEnabled(can_store)
            row.remove.setEnabled(can_store and origin == "keychain")
        for name, row in self.rows.items():
            row.test.setEnabled(name not in self._testing)

    def save(self, source: SecretSource) -> None:
        row = self.rows[SourceName(source.value)]
        secret = row.field.text().strip()
        row.field.clear()
        if not secret:
            row.result.setText("Nothing to save: paste the secret into the field first.")
            return
        try:
            store_secret(self._campaign, source, secret)
        except (ValueError, KeychainUnavailable) as exc:
            row.result.setText(f"Not saved: {exc}")
        else:
            row.result.setText(f"Saved in the keychain. Press Test to try it against {source.value}.")
        self.refresh()

    def remove(self, source: SecretSource) -> None:
        row = self.rows[SourceName(source.value)]
        try:
            removed = remove_secret(self._campaign, source)
        except KeychainUnavailable as exc:
            row.result.setText(f"Not removed: {exc}")
        else:
            row.result.setText("Removed from the keychain." if removed else "Nothing stored: nothing removed.")
        self.refresh()

    # ------------------------------------------------------------ test on a worker

    def start_test(self, source: SourceName) -> None:
        if source in self._testing:
            return
        self._testing.add(source)
        self.rows[source].result.setText("Testing…")
        self.refresh()
        threading.Thread(target=self._run_test, args=(source,), name=f"credentials-test-{source}", daemon=True).start()

    def _run_test(self, source: SourceName) -> None:
        try:
            result = self._test(source)
        except Exception as exc:  # shown in the row, never a crash of the worker
            result = CheckResult(source.value, CheckStatus.FAILED, f"unexpected error: {type(exc).__name__}")
        self._deliver(self._tested, (source, result))

    def _tested(self, answer: tuple[SourceName, CheckResult]) -> None:
        if not isValid(self):
            return
        source, result = answer
        self._testing.discard(source)
        self.rows[source].result.setText(f"{STATUS_MARK[result.status]} {result.status.value}: {result.detail}")
        self.refresh()

    @property
    def busy(self) -> bool:
        return bool(self._testing)
