"""The operator's buttons: capacity, protection, admissions, each guarded by a confirmation.

A press disables the button at once and keeps it disabled until the outcome is known, so a double
click makes one change. Reading the live value (`prepare`) and sending the change (`execute`) run on
the action runner's worker for that resource; the dialogs open from the GUI thread when the answer
is delivered. Failures are shown with the backend's own words, never with a credential.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QHBoxLayout, QMainWindow, QMessageBox, QPushButton, QWidget
from shiboken6 import isValid

from console.actions.requests import ActionKind, ActionRequest, ActionResult, Proposal, Resource
from console.actions.runner import ActionRunner
from console.actions.service import (
    CLOUDFLARE_MIN_RATE,
    UNDER_ATTACK,
    ActionRefused,
    ActionService,
    ChangedSinceProposal,
)
from console.observable import Observable
from console.sources.errors import SourceError, failure_title
from console.views import CdnView, FleetView, QueueView
from widgets.action_dialog import (
    AmountDialog,
    ConfirmActionDialog,
    capacity_dialog,
    instances_dialog,
    rate_dialog,
    title,
)
from widgets.text import render

# English source text, marked for translation; the buttons show them translated.
PROTECTION_ON_TEXT = str(QT_TRANSLATE_NOOP("ActionBar", "Protection: Under attack…"))
PROTECTION_OFF_TEXT = str(QT_TRANSLATE_NOOP("ActionBar", "Protection off…"))
PAUSE_TEXT = str(QT_TRANSLATE_NOOP("ActionBar", "Pause admissions…"))
RESUME_TEXT = str(QT_TRANSLATE_NOOP("ActionBar", "Resume admissions…"))
STATUS_MS = 30_000


def failure_text(error: BaseException) -> str:
    """What the operator reads when an action could not be made: ours or the backend's words only."""
    if isinstance(error, ActionRefused):
        return QCoreApplication.translate("ActionBar", "Refused: {reason}").format(reason=render(error.reason))
    if isinstance(error, SourceError):
        return QCoreApplication.translate("ActionBar", "{kind}: {error}").format(
            kind=render(failure_title(error.kind)), error=render(error.message))
    return QCoreApplication.translate("ActionBar", "unexpected error: {kind}").format(kind=type(error).__name__)


def _answered(accepted: Callable[[], None], rejected: Callable[[], None]) -> Callable[[int], None]:
    """Acts on a dialog's first answer only: one answered twice (a double click landing on a closing
    dialog) still sends one change."""
    done = False

    def call(result: int) -> None:
        nonlocal done
        if not done:
            done = True
            (accepted if result == QDialog.DialogCode.Accepted.value else rejected)()

    return call


class ActionBar(QWidget):
    """Built only for the operator role; `reported(text, ok)` carries every outcome and failure."""

    reported = Signal(str, bool)

    def __init__(
        self,
        service: ActionService,
        runner: ActionRunner,
        scale_step: int,
        *,
        max_instances: int = 100,
        max_admission_rate: int = 100_000,
        cdn: Observable[CdnView | None] | None = None,
        queue: Observable[QueueView | None] | None = None,
        fleet: Observable[FleetView | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        if service.role != "operator":
            raise ActionRefused(f"the {service.role} role has no action buttons")
        super().__init__(parent)
        self.setObjectName("actionBar")
        self._service = service
        self._runner = runner
        self._scale_step = scale_step
        self._max_instances = max_instances
        self._max_rate = max_admission_rate
        self._queue = queue
        self._fleet = fleet
        self._under_attack = False
        self._paused = False
        self._busy: set[Resource] = set()
        self._dialogs: dict[Resource, QDialog] = {}
        self.message_box: QMessageBox | None = None
        self.last_report = ""

        self.add_button = self._button(self.tr("Add instances…"), "Ctrl+Shift+A", self._ask_instances)
        self.capacity_button = self._button(self.tr("Set capacity…"), "Ctrl+Shift+C", self._ask_capacity)
        self.protection_button = self._button(self.tr(PROTECTION_ON_TEXT), "Ctrl+Shift+P", self._press_protection)
        self.admissions_button = self._button(self.tr(PAUSE_TEXT), "Ctrl+Shift+Q", self._press_admissions)
        self.rate_button = self._button(self.tr("Admission rate…"), "Ctrl+Shift+R", self._ask_rate)
        self._buttons = {
            Resource.CAPACITY: (self.add_button, self.capacity_button),
            Resource.PROTECTION: (self.protection_button,),
            Resource.ADMISSIONS: (self.admissions_button, self.rate_button),
        }
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        for buttons in self._buttons.values():
            for button in buttons:
                row.addWidget(button)
        self._tooltips()

        unsubscribers: list[Callable[[], None]] = []
        if cdn is not None:
            unsubscribers.append(cdn.subscribe(self._show_cdn))
            self._show_cdn(cdn.value)
        if queue is not None:
            unsubscribers.append(queue.subscribe(self._show_queue))
            self._show_queue(queue.value)
        self.destroyed.connect(lambda *_: [unsubscribe() for unsubscribe in unsubscribers])

    def _button(self, text: str, shortcut: str | None, pressed: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName("actionButton")
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.setProperty("shortcutText", shortcut or "")
        if shortcut:
            button.setShortcut(QKeySequence(shortcut))
        button.clicked.connect(pressed)
        return button

    def _tooltips(self) -> None:
        tips = {
            self.add_button: self.tr("Add instances to the Auto Scaling group; they serve after warm-up"),
            self.capacity_button: self.tr("Set the group's desired capacity exactly, also to scale back in"),
            self.protection_button: (
                self.tr("Put the security level back to where it was before Under attack") if self._under_attack
                else self.tr("Switch Cloudflare's Under attack mode on: every visitor gets a challenge")),
            self.admissions_button: (self.tr("Let people from the queue into the shop again") if self._paused
                                     else self.tr("Stop letting people from the queue into the shop")),
            self.rate_button: self.tr("Set how many people per minute enter the shop from the queue"),
        }
        for button, tip in tips.items():
            shortcut = str(button.property("shortcutText"))
            button.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)

    def _set_text(self, button: QPushButton, text: str) -> None:
        """setText replaces the shortcut with the text's mnemonic; put ours back."""
        if button.text() != text:
            button.setText(text)
            shortcut = str(button.property("shortcutText"))
            if shortcut:
                button.setShortcut(QKeySequence(shortcut))
            self._tooltips()

    # ------------------------------------------------------------ live labels

    def _show_cdn(self, view: CdnView | None) -> None:
        if view is not None:
            self.set_security_level(view.security_level)

    def _show_queue(self, view: QueueView | None) -> None:
        if view is not None:
            self.set_admissions_paused(view.paused)

    def set_security_level(self, level: str | None) -> None:
        self._under_attack = level == UNDER_ATTACK
        self._set_text(self.protection_button,
                       self.tr(PROTECTION_OFF_TEXT if self._under_attack else PROTECTION_ON_TEXT))

    def set_admissions_paused(self, paused: bool | None) -> None:
        self._paused = bool(paused)
        self._set_text(self.admissions_button, self.tr(RESUME_TEXT if self._paused else PAUSE_TEXT))

    # ------------------------------------------------------------ presses

    def _ask_instances(self) -> None:
        self._ask(Resource.CAPACITY, instances_dialog(self._scale_step, self._max_instances, self.window()),
                  ActionKind.SCALE_OUT)

    def _ask_capacity(self) -> None:
        current = self._fleet.value.desired if self._fleet is not None and self._fleet.value else None
        self._ask(Resource.CAPACITY, capacity_dialog(current, self._max_instances, self.window()),
                  ActionKind.SCALE_TO)

    def _ask_rate(self) -> None:
        view = self._queue.value if self._queue is not None else None
        lowest = CLOUDFLARE_MIN_RATE if view is not None and view.control == "cloudflare" else 1
        dialog = rate_dialog(view.admission_rate if view else None, lowest, self._max_rate, self.window())
        self._ask(Resource.ADMISSIONS, dialog, ActionKind.ADMISSION_RATE)

    def _press_protection(self) -> None:
        kind = ActionKind.PROTECTION_OFF if self._under_attack else ActionKind.PROTECTION_ON
        self._set_busy(Resource.PROTECTION, True)
        self._prepare(ActionRequest(kind))

    def _press_admissions(self) -> None:
        kind = ActionKind.ADMISSIONS_RESUME if self._paused else ActionKind.ADMISSIONS_PAUSE
        self._set_busy(Resource.ADMISSIONS, True)
        self._prepare(ActionRequest(kind))

    def _ask(self, resource: Resource, dialog: AmountDialog, kind: ActionKind) -> None:
        self._set_busy(resource, True)
        dialog.finished.connect(_answered(lambda: self._prepare(ActionRequest(kind, dialog.value())),
                                          lambda: self._cancelled(resource)))
        self._open(resource, dialog)

    # ------------------------------------------------------------ the flow: prepare, confirm, execute

    def _prepare(self, request: ActionRequest) -> None:
        service = self._service
        self._report(self.tr("{action}: reading the live value…").format(action=title(request.kind)), True,
                     quiet=True)
        self._runner.run(request.resource, lambda: service.prepare(request), self._guarded(self._confirm),
                         self._guarded(lambda error: self._failed(request.resource, error)))

    def _confirm(self, proposal: Proposal, changed_to: str | None = None) -> None:
        resource = proposal.request.resource
        dialog = ConfirmActionDialog(proposal, self.window(), changed_to=changed_to)
        dialog.finished.connect(_answered(lambda: self._execute(proposal), lambda: self._cancelled(resource)))
        self._open(resource, dialog)

    def _execute(self, proposal: Proposal) -> None:
        service = self._service
        resource = proposal.request.resource
        self._report(self.tr("{change}: sending…").format(change=render(proposal.summary)), True, quiet=True)
        self._runner.run(resource, lambda: service.execute(proposal), self._guarded(self._finished),
                         self._guarded(lambda error: self._failed(resource, error)))

    def _finished(self, result: ActionResult) -> None:
        proposal = result.proposal
        self._set_busy(proposal.request.resource, False)
        if not result.ok:
            self._show_failure(self.tr("{action} failed").format(action=title(proposal.request.kind)),
                               render(result.message))
            return
        kind = proposal.request.kind
        if kind in (ActionKind.PROTECTION_ON, ActionKind.PROTECTION_OFF):
            self.set_security_level(result.after)
        elif kind in (ActionKind.ADMISSIONS_PAUSE, ActionKind.ADMISSIONS_RESUME):
            self.set_admissions_paused(kind is ActionKind.ADMISSIONS_PAUSE)
        self._report(self.tr("Done: {change}").format(change=render(proposal.summary)), True)

    def _failed(self, resource: Resource, error: BaseException) -> None:
        if isinstance(error, ChangedSinceProposal):
            self._confirm(error.fresh, changed_to=error.fresh.before)
            return
        self._set_busy(resource, False)
        self._show_failure(self.tr("Action not made"), failure_text(error))

    def _cancelled(self, resource: Resource) -> None:
        self._set_busy(resource, False)
        self._report(self.tr("Cancelled: nothing changed"), True)

    # ------------------------------------------------------------ state and feedback

    def _guarded(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        """Outcomes may arrive after the window closed; a deleted bar ignores them."""

        def call(value: Any) -> None:
            if isValid(self):
                callback(value)

        return call

    def _set_busy(self, resource: Resource, busy: bool) -> None:
        if busy:
            self._busy.add(resource)
        else:
            self._busy.discard(resource)
        for button in self._buttons[resource]:
            button.setEnabled(not busy)

    def is_busy(self, resource: Resource) -> bool:
        return resource in self._busy

    def _open(self, resource: Resource, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialogs[resource] = dialog

        def forget(*_: object) -> None:
            if self._dialogs.get(resource) is dialog:
                del self._dialogs[resource]

        dialog.finished.connect(forget)
        dialog.open()

    def dialog_for(self, resource: Resource) -> QDialog | None:
        """The dialog open for `resource`, if any (the amount, or the confirmation)."""
        return self._dialogs.get(resource)

    def _show_failure(self, title: str, text: str) -> None:
        self._report(f"{title}: {text}", False)
        box = QMessageBox(QMessageBox.Icon.Warning, title, title, QMessageBox.StandardButton.Ok, self.window())
        box.setInformativeText(text)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("actionFailure")
        self.message_box = box

        def forget(*_: object) -> None:
            if self.message_box is box:
                self.message_box = None

        box.finished.connect(forget)
        box.open()

    def _report(self, text: str, ok: bool, *, quiet: bool = False) -> None:
        """To the window's status bar; `quiet` progress lines are not re-announced through `reported`."""
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, STATUS_MS)
        if not quiet:
            self.last_report = text
            self.reported.emit(text, ok)
