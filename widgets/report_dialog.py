"""Writing the post-campaign report from the window: pick a file, watch the progress, never freeze.

The report reads the whole recording and draws a PDF: seconds of work, so it runs on a worker thread
and reports progress through a Qt signal (safe to emit from any thread).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

MakeReport = Callable[[Path, Path | None, Callable[[int], None]], object]


def csv_folder_for(pdf: Path) -> Path:
    """report.pdf -> report-csv/ beside it."""
    return pdf.with_name(pdf.stem + "-csv")


class _Progress(QObject):
    moved = Signal(int)
    done = Signal(str, bool)  # message, ok


class ReportRunner(QObject):
    """Runs `make_report(pdf, csv_dir, progress)` on a worker, with a progress dialog over `parent`."""

    finished = Signal(str, bool)

    def __init__(self, parent: QWidget, make_report: MakeReport) -> None:
        super().__init__(parent)
        self._parent = parent
        self._make_report = make_report
        self._signals = _Progress(self)
        self._dialog: QProgressDialog | None = None
        self._thread: threading.Thread | None = None
        self._signals.moved.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._signals.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def menu_action(self, suggested: Path) -> QAction:
        """Campaign report… (Ctrl+R): asks where to save, proposing `suggested`, then writes."""
        action = QAction(self.tr("Campaign &report…"), self._parent)
        action.setObjectName("reportAction")
        action.setShortcut(QKeySequence("Ctrl+R"))
        action.triggered.connect(lambda _checked=False: self.ask_and_run(suggested))
        return action

    def ask_and_run(self, suggested: Path | None = None) -> None:
        """Ask where to save (window-modal, without blocking the event loop: the charts keep moving),
        then write the PDF there and the CSVs into a folder beside it."""
        if self.busy:
            return
        dialog = QFileDialog(self._parent, self.tr("Save the campaign report"), str(suggested or "report.pdf"),
                             self.tr("PDF (*.pdf)"))
        dialog.setObjectName("reportFileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.run(Path(path), csv_folder_for(Path(path))))
        dialog.open()

    def run(self, pdf: Path, csv_dir: Path | None) -> None:
        if self.busy:
            return
        self._dialog = QProgressDialog(self.tr("Writing the report…"), "", 0, 100, self._parent)
        self._dialog.setWindowTitle(self.tr("Campaign report"))
        self._dialog.setCancelButton(None)
        self._dialog.setMinimumDuration(0)
        self._dialog.setValue(0)
        self._thread = threading.Thread(target=self._work, args=(pdf, csv_dir), name="report", daemon=True)
        self._thread.start()

    def _work(self, pdf: Path, csv_dir: Path | None) -> None:
        try:
            self._make_report(pdf, csv_dir, self._signals.moved.emit)
        except Exception as exc:  # shown to the person, not a crash
            self._signals.done.emit(QCoreApplication.translate("ReportRunner", "The report could not be written: "
                                                                               "{error}").format(error=exc), False)
            return
        if csv_dir:
            done = QCoreApplication.translate("ReportRunner", "Report written to {pdf} and CSVs in {folder}").format(
                pdf=pdf, folder=csv_dir)
        else:
            done = QCoreApplication.translate("ReportRunner", "Report written to {pdf}").format(pdf=pdf)
        self._signals.done.emit(done, True)

    def _on_progress(self, percent: int) -> None:
        if self._dialog is not None:
            self._dialog.setValue(percent)

    def _on_done(self, message: str, ok: bool) -> None:
        if self._dialog is not None:
            self._dialog.close()
            self._dialog = None
        if not ok:
            QMessageBox.warning(self._parent, self.tr("Campaign report"), message)
        self.finished.emit(message, ok)
