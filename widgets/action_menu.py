"""The operator's buttons again as a menu, each with its shortcut, for finding them by keyboard.

An entry presses its button, so the same guard, dialogs and one-change-at-a-time rule apply. The
shortcut belongs to the button: the menu shows it after a tab (Qt's shortcut column) without
registering it a second time, which would make the key ambiguous and do nothing. An entry is
disabled while its button is, and while the button is not on screen (the board is showing).
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from widgets.action_bar import ActionBar


def menu_text(button: QPushButton) -> str:
    shortcut = str(button.property("shortcutText") or "")
    return f"{button.text()}\t{shortcut}" if shortcut else button.text()


class ActionMenu(QMenu):
    def __init__(self, bar: ActionBar, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("&Actions"), parent)
        self.setObjectName("actionsMenu")
        self._entries: list[tuple[QAction, QPushButton]] = []
        for button in (bar.add_button, bar.capacity_button, bar.protection_button, bar.admissions_button,
                       bar.rate_button):
            action = self.addAction(menu_text(button))
            action.setToolTip(button.toolTip())
            action.triggered.connect(lambda _checked=False, pressed=button: self._press(pressed))
            self._entries.append((action, button))
        self.aboutToShow.connect(self.sync)
        self.sync()

    def sync(self) -> None:
        """Labels follow the buttons (protection on/off, pause/resume); availability too."""
        for action, button in self._entries:
            action.setText(menu_text(button))
            action.setEnabled(button.isEnabled() and button.isVisible())

    def _press(self, button: QPushButton) -> None:
        if button.isEnabled() and button.isVisible():
            button.click()
