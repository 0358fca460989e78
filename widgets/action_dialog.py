"""The dialogs between a button and a change: how much, then "before -> after, are you sure?".

The confirmation shows what the console read from the live backend a moment ago, the cost and the
effect on visitors, and any cap that was applied, in amber. Cancel is the default button, so a
stray Enter changes nothing; the OK button names the change ("Add 2 instances"), so the operator
reads what they are about to do on the very thing they press.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.actions.requests import ActionKind, Proposal, Resource
from console.actions.wording import level_text, value_text
from console.text import TextContext
from widgets.text import render

# English source text, marked for translation; `title()` and `subject()` translate.
SUBJECTS = {
    Resource.CAPACITY: str(QT_TRANSLATE_NOOP("ActionDialog", "Desired capacity")),
    Resource.PROTECTION: str(QT_TRANSLATE_NOOP("ActionDialog", "Cloudflare security level")),
    Resource.ADMISSIONS: str(QT_TRANSLATE_NOOP("ActionDialog", "Admissions")),
}
TITLES = {
    ActionKind.SCALE_OUT: str(QT_TRANSLATE_NOOP("ActionDialog", "Add instances")),
    ActionKind.SCALE_TO: str(QT_TRANSLATE_NOOP("ActionDialog", "Set capacity")),
    ActionKind.PROTECTION_ON: str(QT_TRANSLATE_NOOP("ActionDialog", "Protection: Under attack")),
    ActionKind.PROTECTION_OFF: str(QT_TRANSLATE_NOOP("ActionDialog", "Protection off")),
    ActionKind.ADMISSIONS_PAUSE: str(QT_TRANSLATE_NOOP("ActionDialog", "Pause admissions")),
    ActionKind.ADMISSIONS_RESUME: str(QT_TRANSLATE_NOOP("ActionDialog", "Resume admissions")),
    ActionKind.ADMISSION_RATE: str(QT_TRANSLATE_NOOP("ActionDialog", "Admission rate")),
    ActionKind.PRESCALE: str(QT_TRANSLATE_NOOP("ActionDialog", "Pre-scale")),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ActionDialog", text)


def title(kind: ActionKind) -> str:
    return _tr(TITLES[kind])


def subject(resource: Resource) -> str:
    return _tr(SUBJECTS[resource])


def level_name(level: str) -> str:
    return render(level_text(level))


# The dialogs' own sentences, through console.text so that their numbers get Polish plural forms
# (lupdate takes the context from the variable's name; it cannot see a literal passed to a helper).
ActionDialog = TextContext("ActionDialog")


def confirm_text(proposal: Proposal) -> str:
    """The OK button's text: the change itself, with the numbers after caps."""
    kind = proposal.request.kind
    if kind is ActionKind.SCALE_OUT:
        try:
            added = int(proposal.after) - int(proposal.before)
        except ValueError:
            added = proposal.request.amount
        return render(ActionDialog.tr("Add %n instance(s)", None, added))
    if kind is ActionKind.SCALE_TO:
        return render(ActionDialog.tr("Set capacity to {count}").format(count=proposal.after))
    if kind is ActionKind.PROTECTION_ON:
        return render(ActionDialog.tr("Switch on Under attack"))
    if kind is ActionKind.PROTECTION_OFF:
        return render(ActionDialog.tr("Switch protection back to {level}").format(level=level_text(proposal.after)))
    if kind is ActionKind.ADMISSIONS_PAUSE:
        return render(ActionDialog.tr("Pause admissions"))
    if kind is ActionKind.ADMISSIONS_RESUME:
        return render(ActionDialog.tr("Resume admissions"))
    if kind is ActionKind.PRESCALE:
        return render(ActionDialog.tr("Schedule {plan}").format(plan=value_text(proposal.after)))
    return render(ActionDialog.tr("Set rate to {rate}/min").format(rate=proposal.request.amount))


def _label(text: str, name: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ConfirmActionDialog(QDialog):
    """Open with `open()` (not `exec()`): the window keeps repainting while the operator reads.

    `changed_to` is set when the value moved after an earlier dialog: the operator confirms again.
    """

    def __init__(self, proposal: Proposal, parent: QWidget | None = None, *, changed_to: str | None = None) -> None:
        super().__init__(parent)
        self.proposal = proposal
        self.setObjectName("confirmAction")
        self.setWindowTitle(self.tr("Confirm: {action}").format(action=title(proposal.request.kind)))
        self.setModal(True)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(8)

        self.changed_label: QLabel | None = None
        if changed_to is not None:
            self.changed_label = _label(
                self.tr("The value changed since the dialog opened: {value}").format(
                    value=render(value_text(changed_to))),
                "actionChanged", self)
            layout.addWidget(self.changed_label)
        layout.addWidget(_label(subject(proposal.request.resource), "actionSubject", self))
        before, after = render(value_text(proposal.before)), render(value_text(proposal.after))
        self.before_after = _label(f"{before}  →  {after}", "actionBeforeAfter", self)
        layout.addWidget(self.before_after)
        self.detail_labels = [_label(render(line), "actionDetail", self) for line in proposal.details]
        self.warning_labels = [_label(f"⚠ {render(line)}", "actionWarning", self) for line in proposal.warnings]
        for label in (*self.detail_labels, *self.warning_labels):
            layout.addWidget(label)
        layout.addSpacing(8)
        layout.addWidget(self._make_buttons(proposal))

    def _make_buttons(self, proposal: Proposal) -> QDialogButtonBox:
        box = QDialogButtonBox(self)
        self.cancel_button = box.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = QPushButton(confirm_text(proposal), self)
        self.ok_button.setObjectName("confirmButton")
        box.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        if not proposal.changes_anything:
            self.ok_button.setEnabled(False)
            self.ok_button.setToolTip(self.tr("Nothing to change"))
        self.ok_button.setAutoDefault(False)
        self.cancel_button.setAutoDefault(True)
        self.cancel_button.setDefault(True)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        return box

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.cancel_button.setFocus()

    @property
    def warnings(self) -> list[str]:
        return [label.text() for label in self.warning_labels]


class AmountDialog(QDialog):
    """One number before the proposal: instances to add, a capacity, an admission rate."""

    def __init__(
        self,
        title: str,
        prompt: str,
        *,
        minimum: int,
        maximum: int,
        value: int,
        suffix: str = "",
        step: int = 1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("actionAmount")
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(380)
        self.spin = QSpinBox(self)
        self.spin.setObjectName("actionAmountSpin")
        self.spin.setRange(minimum, maximum)
        self.spin.setSingleStep(step)
        self.spin.setValue(min(max(value, minimum), maximum))
        self.spin.setSuffix(suffix)
        self.spin.setAccelerated(True)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = box.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Next…"))
        self.ok_button = ok
        self.cancel_button = box.button(QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(_label(prompt, "actionPrompt", self))
        layout.addWidget(_label(self.tr("from {minimum} to {maximum}{suffix}").format(
            minimum=minimum, maximum=maximum, suffix=suffix), "actionDetail", self))
        layout.addWidget(self.spin)
        layout.addWidget(box)
        self.spin.selectAll()

    def value(self) -> int:
        return self.spin.value()


def instances_dialog(step: int, maximum: int, parent: QWidget | None = None) -> AmountDialog:
    return AmountDialog(title(ActionKind.SCALE_OUT), render(ActionDialog.tr("How many instances to add to the group?")),
                        minimum=1,
                        maximum=max(maximum, 1), value=step, parent=parent)


def capacity_dialog(current: int | None, maximum: int, parent: QWidget | None = None) -> AmountDialog:
    return AmountDialog(title(ActionKind.SCALE_TO),
                        render(ActionDialog.tr("Desired capacity of the group (also to scale back in):")),
                        minimum=0, maximum=max(maximum, 1), value=current if current is not None else 0,
                        suffix=render(ActionDialog.tr(" instances")), parent=parent)


def rate_dialog(current: int | None, minimum: int, maximum: int, parent: QWidget | None = None) -> AmountDialog:
    step = 50 if maximum >= 1000 else 10
    return AmountDialog(title(ActionKind.ADMISSION_RATE), render(ActionDialog.tr("New admissions per minute:")),
                        minimum=minimum,
                        maximum=max(maximum, minimum), value=current if current is not None else minimum,
                        suffix=" /min", step=step, parent=parent)
