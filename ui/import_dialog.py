"""The import/export dialog: the ledger work runs on a worker thread with a progress bar,
a 取消 button (cancelling imports nothing) and the summary with every problem at the end."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import ledger
from app.errors import UserError
from app.models import db
from app.office import Office

log = logging.getLogger(__name__)

KINDS = {
    "ledger": QT_TR_NOOP("导入案件台账"),
    "owners": QT_TR_NOOP("导入业主名册"),
    "export": QT_TR_NOOP("导出案件台账"),
}


class LedgerWorker(QObject):
    """Does the work in its own thread, on that thread's own database connection."""

    progress = Signal(int, int)
    finished = Signal(object)  # ImportReport

    def __init__(
        self, office: Office | None, data_dir: Path, kind: str, path: Path, skip_invalid: bool
    ) -> None:
        super().__init__()
        self.office = office
        self.data_dir = data_dir
        self.kind = kind
        self.path = path
        self.skip_invalid = skip_invalid
        self.cancel_requested = threading.Event()

    @Slot()
    def run(self) -> None:
        opened_here = self.office is None
        report: ledger.ImportReport
        try:
            office = self.office if self.office is not None else Office.open(self.data_dir)
            # peewee keeps one connection per thread: this thread opens and closes its own.
            db.connect(reuse_if_open=True)
            try:
                report = self._work(office)
            finally:
                if opened_here:
                    office.close()
                elif not db.is_closed():
                    db.close()
        except UserError as exc:
            report = ledger.ImportReport(failed=str(exc))
        except PermissionError as exc:
            report = ledger.ImportReport(
                failed=self.tr("没有权限写入 {0},请关闭在 Excel 中打开的该文件或换一个文件夹").format(
                    exc.filename
                )
            )
        except Exception as exc:  # noqa: BLE001 - shown to the user, logged in full
            log.exception("ledger %s of %s failed", self.kind, self.path)
            report = ledger.ImportReport(failed=self.tr("出错了:{0}").format(exc))
        self.finished.emit(report)

    def _work(self, office: Office) -> ledger.ImportReport:
        def progress(done: int, total: int) -> None:
            self.progress.emit(done, total)

        if self.kind == "export":
            count = ledger.export_cases(office, self.path, progress=progress)
            return ledger.ImportReport(imported=count, exported_to=self.path)
        importer = ledger.import_ledger if self.kind == "ledger" else ledger.import_owners
        return importer(
            office,
            self.path,
            skip_invalid=self.skip_invalid,
            progress=progress,
            cancelled=self.cancel_requested.is_set,
        )


class ImportDialog(QDialog):
    """`kind` is "ledger", "owners" or "export"; the work starts when the dialog is shown
    (or on `start()`). Pass the open `office` when there is one; otherwise the worker opens
    the data folder itself."""

    finished_import = Signal(object)  # ImportReport

    def __init__(
        self,
        office_data_dir: Path,
        kind: str,
        path: Path,
        parent: QWidget | None = None,
        *,
        office: Office | None = None,
        skip_invalid: bool = False,
    ) -> None:
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}")
        self.office_data_dir = office_data_dir
        self.kind = kind
        self.path = Path(path)
        self.office = office
        self.report: ledger.ImportReport | None = None
        self._thread: QThread | None = None
        self._worker: LedgerWorker | None = None
        self.setWindowTitle(self.tr(KINDS[kind]))
        self.setMinimumWidth(640)

        self.file_label = QLabel(self.tr("文件:{0}").format(self.path))
        self.file_label.setWordWrap(True)
        self.skip_box = QCheckBox(self.tr("跳过错误行(正确的行照常导入,错误行另存到旁边的文件)"))
        self.skip_box.setChecked(skip_invalid)
        self.skip_box.setVisible(kind != "export")
        self.status = QLabel(self.tr("正在读取文件…") if kind != "export" else self.tr("正在导出…"))
        self.status.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the first count arrives
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setPlaceholderText(self.tr("发现的问题会列在这里"))
        self.problems.setMinimumHeight(160)
        self.problems.hide()
        self.buttons = QDialogButtonBox()
        self.cancel_button = QPushButton(self.tr("取消"))
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.hide()
        # After a refused import: import the good rows, the bad ones go to the rejected file.
        self.retry_button = QPushButton(self.tr("跳过错误行导入"))
        self.retry_button.hide()
        self.retry_button.clicked.connect(self.retry_skipping)
        self.buttons.addButton(self.retry_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(self.skip_box)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)

    # Running ------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._thread is None and self.report is None:
            self.start()

    def start(self) -> None:
        if self._thread is not None:
            return
        self.skip_box.setEnabled(False)
        self._thread = QThread(self)
        self._worker = LedgerWorker(
            self.office, self.office_data_dir, self.kind, self.path, self.skip_box.isChecked()
        )
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        # quit() is thread-safe; called directly so the thread ends even while the UI waits.
        self._worker.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread is not None and self.report is None

    @Slot()
    def cancel(self) -> None:
        if self._worker is not None and self.running:
            self._worker.cancel_requested.set()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("正在取消,已读入的内容都不会保存…"))
        elif self.report is None:
            self.reject()

    @Slot()
    def retry_skipping(self) -> None:
        self.skip_box.setChecked(True)
        self.report = None
        self._thread = None
        self.problems.clear()
        self.problems.hide()
        self.status.setStyleSheet("")
        self.retry_button.hide()
        self.close_button.hide()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.start()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        done_text = (
            self.tr("已导出 {0} / {1} 行") if self.kind == "export" else self.tr("已处理 {0} / {1} 行")
        )
        self.status.setText(done_text.format(done, total))

    @Slot(object)
    def _on_finished(self, report: ledger.ImportReport) -> None:
        self.report = report
        if self._thread is not None:
            self._thread.wait()  # the worker has quit its thread already (direct call)
        self.bar.setRange(0, 1)
        self.bar.setValue(1 if not (report.failed or report.cancelled) else 0)
        self.status.setText(report.summary())
        bad = bool(report.failed or (report.problems and not report.imported))
        self.status.setStyleSheet("color: #b00020;" if bad else "")
        if report.problems:
            self.problems.setPlainText("\n".join(report.problems))
            self.problems.show()
        self.cancel_button.hide()
        self.close_button.show()
        refused = bool(report.problems and not report.imported and report.rejected_file is None)
        self.retry_button.setVisible(refused and not self.skip_box.isChecked())
        self.close_button.setDefault(True)
        self.finished_import.emit(report)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.running:
            # Closing while working cancels: nothing is imported; wait for the rollback.
            self.cancel()
            if self._thread is not None:
                self._thread.quit()
                self._thread.wait()
        super().closeEvent(event)

    def reject(self) -> None:
        if self.running:
            self.cancel()
            return
        super().reject()
