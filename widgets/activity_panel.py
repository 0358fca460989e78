"""Who did what, when, and did it work: the audit trail as a live list, newest first.

One line per action: it appears at intent as "pending" and turns "ok" or "failed" when the outcome
is written, so an action that never came back stays visibly pending. Entries arrive on the writing
thread and hop to the GUI thread through `deliver`; the trail already on disk is read on a worker,
and so is the CSV export (`export_action`, Ctrl+Shift+E, for the window's File menu). The CSV keeps
the trail's English, its columns named as in the database: it is for machines and auditors.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from console.actions.audit import AuditEntry, AuditLog, export_csv
from console.actions.requests import RESOURCE_OF, ActionKind
from console.actions.runner import Deliver
from console.actions.wording import summary_text, value_text
from console.text import Text
from widgets import palette
from widgets.action_dialog import title
from widgets.text import render

COLUMNS = tuple(str(name) for name in (
    QT_TRANSLATE_NOOP("ActivityModel", "Time"), QT_TRANSLATE_NOOP("ActivityModel", "Who"),
    QT_TRANSLATE_NOOP("ActivityModel", "Action"), QT_TRANSLATE_NOOP("ActivityModel", "Change"),
    QT_TRANSLATE_NOOP("ActivityModel", "Outcome"), QT_TRANSLATE_NOOP("ActivityModel", "Message")))
OUTCOMES = {"pending": QT_TRANSLATE_NOOP("ActivityModel", "pending"), "ok": QT_TRANSLATE_NOOP("ActivityModel", "ok"),
            "failed": QT_TRANSLATE_NOOP("ActivityModel", "failed")}
OUTCOME_COLOURS = {"pending": palette.WARN, "ok": palette.OK, "failed": palette.ALARM}
Index = QModelIndex | QPersistentModelIndex
SIZE_HINT_HEIGHT = 190
EXPORT_SHORTCUT = "Ctrl+Shift+E"


@dataclass(frozen=True)
class ActivityRow:
    """One action: its intent, and its outcome once written."""

    action_id: str
    seq: int  # of the first entry seen, for newest-first order
    campaign_time: str
    who: str
    action: str
    before: str
    after: str
    outcome: str
    message: str
    outcome_time: str = ""


def action_title(action: str) -> str:
    try:
        return title(ActionKind(action))
    except ValueError:
        return action


def change_text(row: ActivityRow) -> str:
    return f"{render(value_text(row.before))} → {render(value_text(row.after))}"


def message_text(row: ActivityRow) -> str:
    """The message in the interface's language: as the action made it (live), or, read from disk, its
    summary made again from what the trail keeps, when that gives back the very English it holds."""
    if isinstance(row.message, Text) or row.outcome == "failed":
        return render(row.message)
    try:
        kind = ActionKind(row.action)
    except ValueError:
        return row.message
    if kind is ActionKind.PRESCALE:  # its summary names the on-sale time, which the trail does not keep
        return row.message
    again = summary_text(RESOURCE_OF[kind], row.before, row.after)
    return render(again) if again == row.message else row.message


def fold(row: ActivityRow | None, entry: AuditEntry) -> ActivityRow:
    """The row for `entry`'s action after `entry`: made at intent, completed by the outcome."""
    if row is None:
        row = ActivityRow(entry.action_id, entry.seq, entry.campaign_time, f"{entry.os_user}@{entry.workstation}",
                          entry.action, entry.before, entry.after, entry.outcome, entry.message)
    if entry.phase == "outcome":
        row = replace(row, after=entry.after, outcome=entry.outcome, message=entry.message,
                      outcome_time=entry.campaign_time)
    return row


class ActivityModel(QAbstractTableModel):
    def __init__(self, tz: tzinfo | None = None) -> None:
        super().__init__()
        self._tz = tz
        self._rows: list[ActivityRow] = []  # newest first
        self._seen: set[int] = set()

    # ------------------------------------------------------------ feeding

    def add(self, entry: AuditEntry) -> None:
        """A live entry: a new line on top, or the outcome of a line already shown."""
        if entry.seq in self._seen:
            return
        self._seen.add(entry.seq)
        for position, row in enumerate(self._rows):
            if row.action_id == entry.action_id:
                self._rows[position] = fold(row, entry)
                self.dataChanged.emit(self.index(position, 0), self.index(position, len(COLUMNS) - 1))
                return
        new = fold(None, entry)
        position = next((i for i, row in enumerate(self._rows) if row.seq < new.seq), len(self._rows))
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, new)
        self.endInsertRows()

    def merge(self, entries: list[AuditEntry]) -> None:
        """Entries read from disk, which may overlap the live ones already shown."""
        rows = {row.action_id: row for row in self._rows}
        for entry in sorted(entries, key=lambda e: e.seq):
            if entry.seq not in self._seen:
                self._seen.add(entry.seq)
                rows[entry.action_id] = fold(rows.get(entry.action_id), entry)
        self.beginResetModel()
        self._rows = sorted(rows.values(), key=lambda row: row.seq, reverse=True)
        self.endResetModel()

    @property
    def rows(self) -> tuple[ActivityRow, ...]:
        return tuple(self._rows)

    # ------------------------------------------------------------ showing

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ActivityModel", COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == COLUMNS.index("Outcome"):
            return QColor(OUTCOME_COLOURS.get(row.outcome, palette.TEXT))
        if role == Qt.ItemDataRole.ToolTipRole:
            done = ""
            if row.outcome_time:
                done = QCoreApplication.translate("ActivityModel", ", outcome at {time}").format(
                    time=self._clock(row.outcome_time))
            return QCoreApplication.translate("ActivityModel", "{action} {id}: intent at {time}{done}").format(
                action=action_title(row.action), id=row.action_id[:8], time=self._clock(row.campaign_time),
                done=done)
        return None

    def text(self, row: ActivityRow, column: int) -> str:
        """One cell, worked out alone: the view asks cell by cell on every repaint."""
        cells: tuple[Callable[[], str], ...] = (
            lambda: self._clock(row.campaign_time),
            lambda: row.who,
            lambda: action_title(row.action),
            lambda: change_text(row),
            lambda: (QCoreApplication.translate("ActivityModel", str(OUTCOMES[row.outcome]))
                     if row.outcome in OUTCOMES else row.outcome),
            lambda: message_text(row),
        )
        return cells[column]()

    def _clock(self, iso: str) -> str:
        try:
            return datetime.fromisoformat(iso).astimezone(self._tz).strftime("%H:%M:%S")
        except ValueError:
            return iso


class ActivityPanel(QFrame):
    """`exported(text)` says where the CSV went, or why it did not."""

    exported = Signal(str)

    def __init__(self, audit: AuditLog, deliver: Deliver, *, tz: tzinfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityPanel")
        self._audit = audit
        self._deliver = deliver
        self._disk = ThreadPoolExecutor(max_workers=1, thread_name_prefix="activity-disk")
        self.model = ActivityModel(tz)
        self.model.setParent(self)

        self.table = QTableView(self)
        self.table.setObjectName("activityTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.status = QLabel(self.tr("reading the audit trail…"), self)
        self.status.setObjectName("activityStatus")
        # A long path must not widen the window (a translation makes the line longer still).
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        tip = self.tr("Save the whole audit trail (both phases of every action) as CSV")
        self.export_button.setToolTip(f"{tip} ({EXPORT_SHORTCUT})")
        self.export_button.clicked.connect(self._ask_export)
        self.export_action = QAction(self.tr("&Export activity as CSV…"), self)
        self.export_action.setObjectName("exportActivityAction")
        self.export_action.setShortcut(QKeySequence(EXPORT_SHORTCUT))
        self.export_action.setToolTip(tip)
        self.export_action.triggered.connect(lambda _checked=False: self._ask_export())
        self.addAction(self.export_action)  # the key works wherever the list shows, kiosk included

        title = QLabel(self.tr("ACTIVITY"), self)
        title.setObjectName("panelTitle")
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(12)
        bar.addWidget(title)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        disk = self._disk
        self.destroyed.connect(lambda *_: disk.shutdown(wait=False, cancel_futures=True))
        audit.subscribe(lambda entry: deliver(self._guarded(self._on_entry), entry))
        self._disk.submit(self._load)

    def sizeHint(self) -> QSize:
        """About five lines: enough to see the last actions without taking the charts' room."""
        return QSize(super().sizeHint().width(), SIZE_HINT_HEIGHT)

    def _guarded(self, fn: Any) -> Any:
        def call(value: Any) -> None:
            if isValid(self):
                fn(value)

        return call

    # ------------------------------------------------------------ live and stored entries

    def _on_entry(self, entry: AuditEntry) -> None:
        self.model.add(entry)
        self.table.scrollToTop()

    def _load(self) -> None:
        """On the disk worker."""
        try:
            entries = self._audit.entries()
        except Exception as exc:  # a damaged trail must not take the window down
            self._deliver(self._guarded(self.status.setText),
                          QCoreApplication.translate("ActivityPanel", "cannot read the audit trail: {error}").format(
                              error=exc))
            return
        self._deliver(self._guarded(self._loaded), entries)

    def _loaded(self, entries: list[AuditEntry]) -> None:
        self.model.merge(entries)
        self.status.setText(self.tr("audit trail: {path}").format(path=self._audit.path))

    # ------------------------------------------------------------ export

    def _ask_export(self) -> None:
        if not self.export_button.isEnabled():  # an export is still being written
            return
        suggested = str(self._audit.path.with_name(self._audit.path.stem + "-activity.csv"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export activity as CSV"), suggested,
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the whole trail to `path` on the disk worker; `exported` says how it went."""
        self.export_button.setEnabled(False)
        self.export_action.setEnabled(False)
        self._disk.submit(self._export, path)

    def _export(self, path: Path) -> None:
        try:
            entries = self._audit.entries()
            export_csv(entries, path)
            text = QCoreApplication.translate("ActivityPanel", "exported {count} entries to {path}").format(
                count=len(entries), path=path)
        except OSError as exc:
            text = QCoreApplication.translate("ActivityPanel", "export failed: {error}").format(
                error=exc.strerror or exc)
        self._deliver(self._guarded(self._exported), text)

    def _exported(self, text: str) -> None:
        self.export_button.setEnabled(True)
        self.export_action.setEnabled(True)
        self.status.setText(text)
        self.exported.emit(text)
