"""Campaign ▸ Credentials…: store, test and remove the Cloudflare token and the shop key in the OS keychain.

A secret goes from the password field straight to the keychain and the field is cleared; nothing in
the dialog ever shows it again, only where the secret comes from (keychain, environment, demo). The
keychain may take seconds or hang (a locked keychain waits for its owner), so every keychain call runs
on one worker thread (console.credentials_worker) while the dialog shows what it is waiting for and
stays usable; Test reads its source over the network on a thread of its own. Answers name the failure
and the missing permission, never the secret. Where there is no usable keychain, Save is off and the
dialog names the environment variable to set instead.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from console.config import Campaign
from console.credentials import (
    ENV_VARS,
    SECRET_NAMES,
    BadSecret,
    KeychainUnavailable,
    KeychainView,
    SecretSource,
    keychain_view,
    remove_secret,
    store_secret,
)
from console.credentials_worker import Deliver, KeychainWorker
from console.preflight import CheckResult, CheckStatus
from console.snapshots import SourceName
from console.text import Text
from widgets.text import render

T = TypeVar("T")
TestSource = Callable[[SourceName], CheckResult]
CONTEXT = "CredentialsDialog"
ORIGIN_TEXT = {
    "demo": str(QT_TRANSLATE_NOOP("CredentialsDialog", "demo: fixed token, nothing to store")),
    "environment": str(QT_TRANSLATE_NOOP("CredentialsDialog",
                                         "from the environment variable {env} (used before the keychain)")),
    "keychain": str(QT_TRANSLATE_NOOP("CredentialsDialog", "stored in the keychain")),
    "none": str(QT_TRANSLATE_NOOP("CredentialsDialog", "not set")),
}
STATUS_WORDS = {CheckStatus.OK: str(QT_TRANSLATE_NOOP("CredentialsDialog", "ok")),
                CheckStatus.WARNING: str(QT_TRANSLATE_NOOP("CredentialsDialog", "warning")),
                CheckStatus.FAILED: str(QT_TRANSLATE_NOOP("CredentialsDialog", "failed"))}
UNEXPECTED = str(QT_TRANSLATE_NOOP("CredentialsDialog", "unexpected error: {kind}"))
STATUS_MARK = {CheckStatus.OK: "✔", CheckStatus.WARNING: "⚠", CheckStatus.FAILED: "✖"}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _label(text: str, name: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def result_text(result: CheckResult) -> str:
    return f"{STATUS_MARK[result.status]} {_tr(STATUS_WORDS[result.status])}: {render(result.detail)}"


class SecretRow:
    """The widgets of one source: password field, where the secret comes from, Save / Test / Remove."""

    def __init__(self, parent: QWidget, title: str) -> None:
        self.title = _label(title, "credentialTitle", parent)
        self.field = QLineEdit(parent)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMinimumWidth(260)  # the placeholder says what the field is for: keep it whole
        self.field.setPlaceholderText(QCoreApplication.translate("CredentialsDialog", "paste a new secret to store it"))
        self.origin = _label("", "credentialOrigin", parent)
        self.result = _label("", "credentialResult", parent)
        self.save = QPushButton(QCoreApplication.translate("CredentialsDialog", "Save"), parent)
        self.test = QPushButton(QCoreApplication.translate("CredentialsDialog", "Test"), parent)
        self.remove = QPushButton(QCoreApplication.translate("CredentialsDialog", "Remove"), parent)


class CredentialsDialog(QDialog):
    """`test(source)` reads one source with its credentials (network) on a thread of its own; keychain
    calls go to the dialog's keychain worker. Outcomes come back through `deliver` (the GUI bridge's post)."""

    def __init__(self, campaign: Campaign, test: TestSource, deliver: Deliver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("credentialsDialog")
        self.setWindowTitle(self.tr("Credentials · {campaign}").format(campaign=campaign.campaign.name))
        self.setMinimumWidth(720)
        self._campaign = campaign
        self._test = test
        self._deliver = deliver
        self._testing: set[SourceName] = set()
        self._shown_before = False
        self._keychain = KeychainWorker(deliver)
        self._keychain_jobs = 0
        self._view: KeychainView | None = None
        worker = self._keychain
        self.destroyed.connect(lambda *_: worker.close())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        self.problem_label = _label("", "credentialProblem", self)
        self.problem_label.setVisible(False)
        layout.addWidget(self.problem_label)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        layout.addLayout(grid)
        self.rows: dict[SourceName, SecretRow] = {}
        for index, source in enumerate(SecretSource):
            self.rows[SourceName(source.value)] = self._secret_row(grid, index * 3, source)
        self.rows[SourceName.AWS] = self._aws_row(grid, len(SecretSource) * 3)
        layout.addLayout(self._activity_row())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def _secret_row(self, grid: QGridLayout, line: int, source: SecretSource) -> SecretRow:
        name = render(SECRET_NAMES[source])
        row = SecretRow(self, first_upper(name))
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
        chain = self.tr("demo: fixed emulator keys") if self._campaign.is_demo else (
            self.tr("boto3's chain with profile '{profile}'").format(profile=profile) if profile
            else self.tr("boto3's default chain (environment, SSO, …)"))
        row.origin.setText(self.tr("{chain}; nothing is stored here").format(chain=chain))
        grid.addWidget(row.title, line, 0)
        grid.addWidget(row.origin, line, 1, 1, 2)
        grid.addWidget(row.test, line, 3)
        grid.addWidget(row.result, line + 1, 1, 1, 4)
        row.test.clicked.connect(lambda: self.start_test(SourceName.AWS))
        return row

    def _activity_row(self) -> QHBoxLayout:
        """What the keychain is being asked, with a busy bar, while it has not answered."""
        row = QHBoxLayout()
        self.activity = _label("", "credentialActivity", self)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("credentialProgress")
        self.progress.setRange(0, 0)  # busy: a keychain call has no measurable progress
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        row.addWidget(self.activity, 1)
        row.addWidget(self.progress)
        self.activity.setVisible(False)
        self.progress.setVisible(False)
        return row

    # ------------------------------------------------------------ the keychain, on its worker

    @property
    def busy(self) -> bool:
        """A keychain call or a test is under way."""
        return bool(self._testing) or self._keychain_jobs > 0

    def showEvent(self, event: QShowEvent) -> None:
        """Opened again later: a secret may have been stored or removed from the command line meanwhile."""
        super().showEvent(event)
        if self._shown_before and not self.busy:
            self.refresh()
        self._shown_before = True

    def refresh(self) -> None:
        """Ask the keychain again where each secret comes from, and whether it can take one."""
        campaign = self._campaign
        self._ask_keychain(self.tr("Reading the keychain…"), lambda: keychain_view(campaign), self._show_view)

    def save(self, source: SecretSource) -> None:
        row = self.rows[SourceName(source.value)]
        secret = row.field.text().strip()
        row.field.clear()
        if not secret:
            row.result.setText(self.tr("Nothing to save: paste the secret into the field first."))
            return
        campaign = self._campaign

        def work() -> tuple[Exception | None, KeychainView]:
            try:
                store_secret(campaign, source, secret)
            except (BadSecret, KeychainUnavailable) as exc:
                return exc, keychain_view(campaign)
            return None, keychain_view(campaign)

        def done(answer: tuple[Exception | None, KeychainView]) -> None:
            error, view = answer
            row.result.setText(self._refusal(self.tr("Not saved: {reason}"), error) if error else self.tr(
                "Saved in the keychain. Press Test to try it against {source}.").format(source=source.value))
            self._show_view(view)

        row.result.setText("")
        self._ask_keychain(self.tr("Saving in the keychain…"), work, done)

    def remove(self, source: SecretSource) -> None:
        row = self.rows[SourceName(source.value)]
        campaign = self._campaign

        def work() -> tuple[Exception | bool, KeychainView]:
            try:
                removed: Exception | bool = remove_secret(campaign, source)
            except KeychainUnavailable as exc:
                removed = exc
            return removed, keychain_view(campaign)

        def done(answer: tuple[Exception | bool, KeychainView]) -> None:
            removed, view = answer
            if isinstance(removed, Exception):
                row.result.setText(self._refusal(self.tr("Not removed: {reason}"), removed))
            else:
                row.result.setText(self.tr("Removed from the keychain.") if removed
                                   else self.tr("Nothing stored: nothing removed."))
            self._show_view(view)

        self._ask_keychain(self.tr("Removing from the keychain…"), work, done)

    def _refusal(self, template: str, error: Exception) -> str:
        text = getattr(error, "text", None)
        return template.format(reason=render(text) if text is not None else type(error).__name__)

    def _ask_keychain(self, activity: str, work: Callable[[], T], done: Callable[[T], None]) -> None:
        self._keychain_jobs += 1
        self.activity.setText(activity)
        self.activity.setVisible(True)
        self.progress.setVisible(True)
        self._enable()

        def finished(value: T) -> None:
            if self._keychain_done():
                done(value)

        def failed(error: Exception) -> None:
            if self._keychain_done():
                self.problem_label.setText(self.tr("The keychain failed: {kind}").format(kind=type(error).__name__))
                self.problem_label.setVisible(True)

        self._keychain.submit(work, finished, failed)

    def _keychain_done(self) -> bool:
        """Bookkeeping for one finished keychain call; False when the dialog is gone meanwhile."""
        if not isValid(self):
            return False
        self._keychain_jobs -= 1
        if self._keychain_jobs == 0:
            self.activity.setVisible(False)
            self.progress.setVisible(False)
        self._enable()
        return True

    def _show_view(self, view: KeychainView) -> None:
        self._view = view
        if self._campaign.is_demo:
            self.problem_label.setText(self.tr("The demo needs no secrets: its emulators accept fixed demo tokens."))
        elif view.problem is not None:
            self.problem_label.setText(self.tr("{problem}: set {names} instead. Nothing is written to a file.").format(
                problem=first_upper(render(view.problem)), names=self.tr(" and ").join(ENV_VARS.values())))
        self.problem_label.setVisible(self._campaign.is_demo or view.problem is not None)
        for source in SecretSource:
            origin = view.origins[source]
            self.rows[SourceName(source.value)].origin.setText(_tr(ORIGIN_TEXT[origin]).format(env=ENV_VARS[source]))
        self._enable()

    def _enable(self) -> None:
        """Buttons by what is known and what is under way: one keychain call at a time, one test per source."""
        # A test reads the keychain on its own thread: no save or remove meanwhile (one keychain call at a time).
        view, idle = self._view, self._keychain_jobs == 0 and not self._testing
        can_store = view is not None and view.problem is None and not self._campaign.is_demo
        for source in SecretSource:
            row = self.rows[SourceName(source.value)]
            row.field.setEnabled(can_store and idle)
            row.save.setEnabled(can_store and idle)
            row.remove.setEnabled(can_store and idle and view is not None and view.origins[source] == "keychain")
        for name, row in self.rows.items():
            row.test.setEnabled(name not in self._testing and self._keychain_jobs == 0)  # it reads the keychain

    # ------------------------------------------------------------ test on a thread of its own

    def start_test(self, source: SourceName) -> None:
        if source in self._testing:
            return
        self._testing.add(source)
        self.rows[source].result.setText(self.tr("Testing…"))
        self._enable()
        threading.Thread(target=self._run_test, args=(source,), name=f"credentials-test-{source}", daemon=True).start()

    def _run_test(self, source: SourceName) -> None:
        try:
            result = self._test(source)
        except Exception as exc:  # shown in the row, never a crash of the worker
            unexpected = Text(CONTEXT, UNEXPECTED, {"kind": type(exc).__name__})
            result = CheckResult(source.value, CheckStatus.FAILED, unexpected)
        self._deliver(self._tested, (source, result))

    def _tested(self, answer: tuple[SourceName, CheckResult]) -> None:
        if not isValid(self):
            return
        source, result = answer
        self._testing.discard(source)
        self.rows[source].result.setText(result_text(result))
        self._enable()
