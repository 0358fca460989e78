"""The confirmation says before -> after, names the change on its OK button, and defaults to Cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from console.actions.requests import ActionKind, ActionRequest, Proposal
from widgets import palette
from widgets.action_dialog import (
    ConfirmActionDialog,
    capacity_dialog,
    confirm_text,
    instances_dialog,
    rate_dialog,
)


def proposal(kind: ActionKind, before: str, after: str, amount: int = 0, warnings: tuple[str, ...] = (),
             details: tuple[str, ...] = ()) -> Proposal:
    return Proposal(ActionRequest(kind, amount), before, after, f"{kind} {before} -> {after}", details, warnings)


def test_ok_names_the_change_with_the_numbers_after_caps() -> None:
    assert confirm_text(proposal(ActionKind.SCALE_OUT, "8", "10", 2)) == "Add 2 instances"
    assert confirm_text(proposal(ActionKind.SCALE_OUT, "19", "20", 5)) == "Add 1 instance"
    assert confirm_text(proposal(ActionKind.SCALE_TO, "8", "4", 4)) == "Set capacity to 4"
    assert confirm_text(proposal(ActionKind.PROTECTION_ON, "medium", "under_attack")) == "Switch on Under attack"
    assert confirm_text(proposal(ActionKind.PROTECTION_OFF, "under_attack", "high")) == \
        "Switch protection back to high"
    assert confirm_text(proposal(ActionKind.ADMISSIONS_PAUSE, "a", "b")) == "Pause admissions"
    assert confirm_text(proposal(ActionKind.ADMISSIONS_RESUME, "a", "b")) == "Resume admissions"
    assert confirm_text(proposal(ActionKind.ADMISSION_RATE, "a", "b", 600)) == "Set rate to 600/min"


def test_confirmation_shows_before_after_details_and_amber_warnings(qtbot: QtBot) -> None:
    shown = proposal(ActionKind.SCALE_OUT, "18", "20", 5, warnings=("asked for 23; capped at 20",),
                     details=("estimated extra cost 0.42 per hour", "new instances serve after about 4 minutes"))
    dialog = ConfirmActionDialog(shown)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.before_after.text() == "18  →  20"
    assert [label.text() for label in dialog.detail_labels] == list(shown.details)
    assert dialog.warnings == ["⚠ asked for 23; capped at 20"]
    amber = dialog.warning_labels[0].palette().color(QPalette.ColorRole.WindowText)
    assert amber == QColor(palette.WARN)
    assert dialog.detail_labels[0].palette().color(QPalette.ColorRole.WindowText) != amber
    assert dialog.ok_button.text() == "Add 2 instances" and dialog.ok_button.isEnabled()
    assert dialog.changed_label is None


def test_cancel_is_the_default_so_a_stray_enter_changes_nothing(qtbot: QtBot) -> None:
    dialog = ConfirmActionDialog(proposal(ActionKind.PROTECTION_ON, "medium", "under_attack"))
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert dialog.cancel_button.isDefault() and not dialog.ok_button.isDefault()
    with qtbot.waitSignal(dialog.finished) as finished:
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert finished.args == [QDialog.DialogCode.Rejected.value]


def test_nothing_to_change_cannot_be_confirmed_and_a_moved_value_is_said(qtbot: QtBot) -> None:
    same = proposal(ActionKind.ADMISSIONS_PAUSE, "paused at 300/min", "paused at 300/min",
                    warnings=("nothing to change",))
    dialog = ConfirmActionDialog(same, changed_to="paused at 300/min")
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    assert dialog.changed_label is not None
    assert dialog.changed_label.text() == "The value changed since the dialog opened: paused at 300/min"


def test_amount_dialogs_start_sensibly_and_stay_in_range(qtbot: QtBot) -> None:
    instances = instances_dialog(2, 20)
    capacity = capacity_dialog(8, 20)
    rate = rate_dialog(None, 200, 5000)
    for dialog in (instances, capacity, rate):
        qtbot.addWidget(dialog)
    assert instances.value() == 2
    assert (instances.spin.minimum(), instances.spin.maximum()) == (1, 20)
    assert capacity.value() == 8 and capacity.spin.minimum() == 0
    assert rate.value() == 200 and rate.spin.maximum() == 5000
    rate.spin.setValue(10**6)
    assert rate.value() == 5000
