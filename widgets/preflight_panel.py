"""Campaign ▸ Pre-flight…: the checklist, the T-minus countdown and the pre-scale button.

The checks read every backend, so they run on a worker thread and fill their rows as answers come
in. The pre-scale goes through the action service like the action bar's buttons (read, confirm with
before → after, send, audit), on the capacity worker; the checklist is read again once it is done.
Check names and details come from the Qt-free core as console.text.Text and are said here in the
interface's language (widgets/text.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from console.actions.prescale import prescale_request
from console.actions.requests import ActionResult, Proposal, Resource
from console.actions.runner import ActionRunner
from console.actions.service import ActionService, ChangedSinceProposal
from console.preflight import CHECK_NAMES, CheckResult, CheckStatus, Preflight, countdown_text, passed
from widgets.action_bar import _answered, failure_text
from widgets.action_dialog import ConfirmActionDialog
from widgets.text import render
from widgets.theme import set_style_property

Deliver = Callable[[Callable[[Any], None], Any], None]
STATUS_TEXT = {CheckStatus.OK: str(QT_TRANSLATE_NOOP("PreflightPanel", "✔ ok")),
               CheckStatus.WARNING: str(QT_TRANSLATE_NOOP("PreflightPanel", "⚠ warning")),
               CheckStatus.FAILED: str(QT_TRANSLATE_NOOP("PreflightPanel", "✖ failed"))}


def check_name(name: str) -> str:
    """A check's name in the interface's language (the core marks them in the "Checks" context)."""
    return QCoreApplication.translate("Checks", name)


class PreflightPanel(QDialog):
    """`service` and `runner` are None for the viewer role: the checklist only, no pre-scale."""

    def __init__(
        self,
        preflight: Preflight,
        deliver: Deliver,
        service: ActionService | None = None,
        runner: ActionRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preflightPanel")
        self.setWindowTitle(self.tr("Pre-flight · {campaign}").format(campaign=preflight.campaign.campaign.name))
        self.setMinimumSize(900, 520)
        self._preflight = preflight
        self._deliver = deliver
        self._service = service
        self._runner = runner
        self._running = False
        self.confirm_dialog: ConfirmActionDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        self.countdown = QLabel(self)
        self.countdown.setObjectName("preflightCountdown")
        layout.addWidget(self.countdown)
        self.table = self._make_table()
        layout.addWidget(self.table, 1)
        self.summary = QLabel(self.tr("Not run yet."), self)
        self.summary.setObjectName("preflightSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addLayout(self._make_prescale_row())
        self.prescale_status = QLabel("", self)
        self.prescale_status.setObjectName("preflightPrescaleStatus")
        self.prescale_status.setWordWrap(True)
        self.prescale_status.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.prescale_status)
        buttons = QDialogButtonBox(self)
        self.run_button = buttons.addButton(self.tr("Run checks"), QDialogButtonBox.ButtonRole.ActionRole)
        self.run_button.clicked.connect(self.run_checks)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.timer.start(500)
        self.tick()

    def _make_table(self) -> QTableWidget:
        """One row per check; the detail wraps, since a failure's detail names what to fix."""
        table = QTableWidget(len(CHECK_NAMES), 3, self)
        table.setObjectName("preflightTable")
        table.setHorizontalHeaderLabels([self.tr("Status"), self.tr("Check"), self.tr("Detail")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setWordWrap(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(0, 130)
        self.items: dict[str, QTableWidgetItem] = {}  # check name -> its detail cell
        self.status_items: dict[str, QTableWidgetItem] = {}
        for row, name in enumerate(CHECK_NAMES):
            self._add_row(table, row, name)
        table.resizeRowsToContents()
        return table

    def _add_row(self, table: QTableWidget, row: int, name: str) -> None:
        status, detail = QTableWidgetItem("–"), QTableWidgetItem(self.tr("not run"))
        table.setItem(row, 0, status)
        table.setItem(row, 1, QTableWidgetItem(check_name(name)))
        table.setItem(row, 2, detail)
        self.status_items[name] = status
        self.items[name] = detail

    def _make_prescale_row(self) -> QHBoxLayout:
        campaign = self._preflight.campaign
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Pre-scale to"), self))
        self.instances = QSpinBox(self)
        self.instances.setRange(1, campaign.safety.max_instances)
        self.instances.setValue(min(campaign.safety.max_instances, 2 * campaign.safety.scale_out_step + 8))
        self.instances.setSuffix(self.tr(" instances"))
        row.addWidget(self.instances)
        row.addWidget(QLabel(self.tr("at T-"), self))
        self.minutes = QDoubleSpinBox(self)
        self.minutes.setRange(0.5, 24 * 60)
        self.minutes.setDecimals(1)
        self.minutes.setValue(max(campaign.aws.warmup_minutes * 2, 10.0))
        self.minutes.setSuffix(self.tr(" min"))
        row.addWidget(self.minutes)
        self.prescale_button = QPushButton(self.tr("Schedule pre-scale…"), self)
        self.prescale_button.setObjectName("prescaleButton")
        self.prescale_button.clicked.connect(self.ask_prescale)
        operator = self._service is not None and self._runner is not None
        self.prescale_button.setEnabled(operator)
        if not operator:
            self.prescale_button.setToolTip(self.tr("The viewer role cannot schedule anything"))
        row.addWidget(self.prescale_button)
        row.addStretch(1)
        return row

    # ------------------------------------------------------------ countdown and checks

    def tick(self) -> None:
        self.countdown.setText(render(countdown_text(self._preflight.campaign, self._preflight.clock.now())))

    @property
    def running(self) -> bool:
        return self._running

    def run_checks(self) -> None:
        if self._running:
            return
        self._running = True
        self.run_button.setEnabled(False)
        self.summary.setText(self.tr("Running the checks…"))
        for status in self.status_items.values():
            status.setText("…")
        threading.Thread(target=self._work, name="preflight", daemon=True).start()

    def _work(self) -> None:
        try:
            results = self._preflight.run(lambda result: self._deliver(self._show_result, result))
        except Exception as exc:  # shown in the summary, never a crash of the worker
            self._deliver(self._done, QCoreApplication.translate(
                "PreflightPanel", "The checks stopped: unexpected error {kind}").format(kind=type(exc).__name__))
            return
        self._deliver(self._done, results)

    def _show_result(self, result: CheckResult) -> None:
        if not isValid(self):
            return
        detail = self.items.get(result.name)
        if detail is None:
            self.table.insertRow(self.table.rowCount())
            self._add_row(self.table, self.table.rowCount() - 1, result.name)
            detail = self.items[result.name]
        status = self.status_items[result.name]
        status.setText(self.tr(STATUS_TEXT[result.status]))
        status.setData(Qt.ItemDataRole.UserRole, result.status.value)
        shown = render(result.detail)
        detail.setText(shown)
        detail.setToolTip(shown)
        self.table.resizeRowToContents(detail.row())

    def _done(self, outcome: list[CheckResult] | str) -> None:
        if not isValid(self):
            return
        self._running = False
        self.run_button.setEnabled(True)
        if isinstance(outcome, str):
            self.summary.setText(outcome)
            set_style_property(self.summary, "state", "failed")
            return
        failed = sum(1 for r in outcome if r.status is CheckStatus.FAILED)
        warnings = sum(1 for r in outcome if r.status is CheckStatus.WARNING)
        ok = passed(outcome)
        self.summary.setText(
            self.tr("Passed: {checks} checks, {warnings} warning(s).").format(checks=len(outcome), warnings=warnings)
            if ok else self.tr("FAILED: {failed} of {checks} checks failed, {warnings} warning(s).").format(
                failed=failed, checks=len(outcome), warnings=warnings))
        set_style_property(self.summary, "state", "ok" if ok else "failed")

    def status_of(self, name: str) -> str:
        """The status a row shows ("ok", "warning", "failed"), "" before its check has run."""
        value = self.status_items[name].data(Qt.ItemDataRole.UserRole)
        return str(value) if value else ""

    # ------------------------------------------------------------ pre-scale: prepare, confirm, execute

    def ask_prescale(self) -> None:
        service, runner = self._service, self._runner
        if service is None or runner is None:
            return
        request = prescale_request(self._preflight.campaign, self.instances.value(), self.minutes.value())
        self.prescale_button.setEnabled(False)
        self.prescale_status.setText(self.tr("Reading the group and any scheduled pre-scale…"))
        runner.run(Resource.CAPACITY, lambda: service.prepare(request), self._guarded(self._confirm),
                   self._guarded(self._failed))

    def _confirm(self, proposal: Proposal, changed_to: str | None = None) -> None:
        dialog = ConfirmActionDialog(proposal, self, changed_to=changed_to)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.confirm_dialog = dialog
        dialog.finished.connect(_answered(lambda: self._execute(proposal), self._cancelled))
        dialog.open()

    def _execute(self, proposal: Proposal) -> None:
        service, runner = self._service, self._runner
        assert service is not None and runner is not None
        self.confirm_dialog = None
        self.prescale_status.setText(self.tr("{summary}: sending…").format(summary=render(proposal.summary)))
        runner.run(Resource.CAPACITY, lambda: service.execute(proposal), self._guarded(self._finished),
                   self._guarded(self._failed))

    def _finished(self, result: ActionResult) -> None:
        self.prescale_button.setEnabled(True)
        if result.ok:
            self.prescale_status.setText(self.tr("Scheduled: {after}").format(after=render(result.after)))
            self.run_checks()
        else:
            self.prescale_status.setText(self.tr("Pre-scale failed: {message}").format(message=render(result.message)))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ChangedSinceProposal):
            self._confirm(error.fresh, changed_to=error.fresh.before)
            return
        self.prescale_button.setEnabled(True)
        self.prescale_status.setText(self.tr("Pre-scale not scheduled: {reason}").format(reason=failure_text(error)))

    def _cancelled(self) -> None:
        self.confirm_dialog = None
        self.prescale_button.setEnabled(True)
        self.prescale_status.setText(self.tr("Cancelled: nothing scheduled"))

    def _guarded(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        def call(value: Any) -> None:
            if isValid(self):
                callback(value)

        return call
