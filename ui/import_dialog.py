"""The import/export dialog: for an import, first the columns of the file and where each
goes (the clerk can correct it) with a preview of the first rows as they will be read; then
the ledger work on a worker thread with a progress bar, a 取消 button (cancelling imports
nothing) and the summary with every problem at the end."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QColor, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.ledger import columns as ledger_columns
from app.ledger.case_import import import_ledger
from app.ledger.export import ExportCancelled, export_cases
from app.ledger.import_report import ImportReport
from app.ledger.owner_import import import_owners
from app.ledger.preview import Preview, preview_file, remember_mapping, remembered_mapping
from app.office import Office
from app.permissions import current_person
from ui.errors import friendly_error
from ui.i18n import QT_TR_NOOP
from ui.palette import ERROR_RED, OVERDUE_BG, style
from ui.progress import ROWS, ProgressPanel
from ui.worker import Job, Progress, run_in_background

log = logging.getLogger(__name__)

KINDS = {
    "ledger": QT_TR_NOOP("导入案件台账"),
    "owners": QT_TR_NOOP("导入业主名册"),
    "export": QT_TR_NOOP("导出案件台账"),
}


def ledger_work(
    office: Office,
    kind: str,
    path: Path,
    skip_invalid: bool,
    mapping: dict[str, str] | None = None,
) -> Callable[[Progress], ImportReport]:
    """The ledger work for `ui.worker.run_in_background`: on its thread, with the open office
    (its clock and the acting person go with it)."""

    def work(progress: Progress) -> ImportReport:
        return _ledger_task(office, kind, path, skip_invalid, mapping, progress)

    return work


def _ledger_task(
    office: Office,
    kind: str,
    path: Path,
    skip_invalid: bool,
    mapping: dict[str, str] | None,
    progress: Progress,
) -> ImportReport:
    def counted(done: int, total: int) -> None:
        progress(done, total, "")

    if kind == "export":
        count = export_cases(office, path, progress=counted, cancelled=progress.is_cancelled)
        return ImportReport(imported=count, exported_to=path)
    if kind == "ledger":  # the cases are made by the person acting (carried to this thread)
        return import_ledger(
            office,
            path,
            skip_invalid=skip_invalid,
            progress=counted,
            cancelled=progress.is_cancelled,
            actor=current_person(),
            mapping=mapping,
        )
    return import_owners(
        office,
        path,
        skip_invalid=skip_invalid,
        progress=counted,
        cancelled=progress.is_cancelled,
        mapping=mapping,
    )


# The program's fields as the mapping's combo boxes name them, each by its own source
# string (the Excel column names themselves stay Chinese: they are what the export writes).
_FIELD_NAMES = (
    QT_TR_NOOP("不导入"), QT_TR_NOOP("编号"), QT_TR_NOOP("受理时间"), QT_TR_NOOP("受理时刻"), QT_TR_NOOP("渠道"),
    QT_TR_NOOP("性质"), QT_TR_NOOP("有效性"), QT_TR_NOOP("程度"), QT_TR_NOOP("类别"), QT_TR_NOOP("楼栋"),
    QT_TR_NOOP("单元"), QT_TR_NOOP("房号"), QT_TR_NOOP("房屋"), QT_TR_NOOP("匿名"), QT_TR_NOOP("客户姓名"),
    QT_TR_NOOP("联系电话"), QT_TR_NOOP("内容"), QT_TR_NOOP("客户要求"), QT_TR_NOOP("责任部门"), QT_TR_NOOP("状态"),
    QT_TR_NOOP("办结时间"), QT_TR_NOOP("处理结果"), QT_TR_NOOP("回访时间"), QT_TR_NOOP("回访方式"), QT_TR_NOOP("满意度"),
    QT_TR_NOOP("回访人"), QT_TR_NOOP("回访意见"), QT_TR_NOOP("并入"), QT_TR_NOOP("案件号"), QT_TR_NOOP("紧急程度"),
    QT_TR_NOOP("事发时间"), QT_TR_NOOP("事发地点"), QT_TR_NOOP("被投诉方"), QT_TR_NOOP("首次回复时间"), QT_TR_NOOP("回复期限"),
    QT_TR_NOOP("办结期限"), QT_TR_NOOP("答复期限"), QT_TR_NOOP("关闭时间"), QT_TR_NOOP("作废原因"), QT_TR_NOOP("回访抽样"),
    QT_TR_NOOP("抽样季度"), QT_TR_NOOP("抽样说明"), QT_TR_NOOP("典型案例说明"), QT_TR_NOOP("姓名"), QT_TR_NOOP("类型"),
    QT_TR_NOOP("身份证号"), QT_TR_NOOP("入住日期"), QT_TR_NOOP("备注"), QT_TR_NOOP("业主要求的时间"),
    QT_TR_NOOP("细类"), QT_TR_NOOP("转自"), QT_TR_NOOP("先行处置期限"), QT_TR_NOOP("先行处置时间"),
    QT_TR_NOOP("先行处置人"), QT_TR_NOOP("先行处置措施"),
)  # fmt: skip
FIELD_LABELS = {str(name): name for name in _FIELD_NAMES}
PREVIEW_ROWS = 8
_BAD_CELL = QColor(OVERDUE_BG)


class ImportDialog(QDialog):
    """`kind` is "ledger", "owners" or "export". For an import, the dialog first shows the columns of the file with the field each goes to (a combo box
    per column, 不导入 among the choices) and the first rows as they will be read, unreadable
    cells marked; 开始导入 remembers the mapping for the next file with the same headers and
    starts the work. For an export (or after `start()`) the work starts when the dialog is
    shown."""

    finished_import = Signal(object)  # ImportReport

    def __init__(
        self,
        office: Office,
        kind: str,
        path: Path,
        parent: QWidget | None = None,
        *,
        skip_invalid: bool = False,
    ) -> None:
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}")
        self.kind = kind
        self.path = Path(path)
        self.office = office
        self.report: ImportReport | None = None
        self.preview: Preview | None = None
        self.mapping: dict[str, str] | None = None
        self.remembered = False  # the mapping shown was the one kept from a file like this
        self._job: Job[ImportReport] | None = None
        self._combos: list[QComboBox] = []
        self.choosing = kind != "export"
        self.setWindowTitle(self.tr(str(KINDS[kind])))
        self.setMinimumWidth(640)

        self.file_label = QLabel(self.tr("文件:{0}").format(self.path))
        self.file_label.setWordWrap(True)
        self.skip_box = QCheckBox(self.tr("跳过错误行(正确的行照常导入,错误行另存到旁边的文件)"))
        self.skip_box.setChecked(skip_invalid)
        self.skip_box.setVisible(kind != "export")
        # The words, the bar and the counts as every long job shows them (ui/progress.py).
        self.progress = ProgressPanel(unit=ROWS)
        self.status = self.progress.what
        self.bar = self.progress.bar
        self.progress.begin(self.tr("正在读取文件…") if kind != "export" else self.tr("正在导出…"))
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setPlaceholderText(self.tr("发现的问题会列在这里"))
        self.problems.setMinimumHeight(160)
        self.problems.hide()

        # Choosing the columns (before the work) ----------------------------------------
        self.header_info = QLabel()
        self.header_info.setWordWrap(True)
        self.columns_table = QTableWidget(0, 3)
        self.columns_table.setHorizontalHeaderLabels(
            [self.tr("表中的列"), self.tr("导入为"), self.tr("第一行的内容")]
        )
        self.columns_table.verticalHeader().hide()
        self.columns_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.preview_label = QLabel()
        self.preview_label.setWordWrap(True)
        self.preview_table = QTableWidget(0, 0)
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.verticalHeader().hide()
        self.mapping_problem = QLabel()
        self.mapping_problem.setWordWrap(True)
        self.mapping_problem.setStyleSheet(style(ERROR_RED))
        self.mapping_problem.hide()
        self.choose_box = QWidget()
        choose = QVBoxLayout(self.choose_box)
        choose.setContentsMargins(0, 0, 0, 0)
        choose.addWidget(self.header_info)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("每一列导入到哪里(可以改):")))
        left_layout.addWidget(self.columns_table, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.preview_label)
        right_layout.addWidget(self.preview_table, 1)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        choose.addWidget(split, 1)
        choose.addWidget(self.mapping_problem)
        self.choose_box.setVisible(self.choosing)

        self.buttons = QDialogButtonBox()
        self.start_button = QPushButton(self.tr("开始导入"))
        self.start_button.setVisible(self.choosing)
        self.start_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.hide()
        # After a refused import: import the good rows, the bad ones go to the rejected file.
        self.retry_button = QPushButton(self.tr("跳过错误行导入"))
        self.retry_button.hide()
        self.retry_button.clicked.connect(self.retry_skipping)
        self.buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.retry_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.accept)
        # Hidden once in the box (adding a button to the box shows it again).
        self.close_button.hide()
        self.retry_button.hide()
        self.start_button.setVisible(self.choosing)

        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(self.choose_box, 1)
        layout.addWidget(self.skip_box)
        layout.addWidget(self.progress)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)
        if self.choosing:
            self.status.hide()
            self.bar.hide()
            self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        room = screen.availableGeometry()
        self.resize(min(1200, room.width() - 40), min(660, room.height() - 60))

    # Choosing the columns -----------------------------------------------------------------
    def load_preview(self) -> bool:
        """Reads the file's header and first rows; False (with the reason shown) when the
        file cannot be used at all."""
        try:
            preview = preview_file(self.office, self.kind, self.path, None, PREVIEW_ROWS)
            kept = remembered_mapping(self.office, self.kind, preview.headers)
            if kept:
                try:
                    preview = preview_file(self.office, self.kind, self.path, kept, PREVIEW_ROWS)
                    self.remembered = True
                except UserError:
                    log.info("the mapping kept for %s no longer fits; the automatic one is shown", self.path)
        except UserError as exc:
            self._refuse(str(exc))
            return False
        except Exception:  # noqa: BLE001 - shown as a sentence, logged in full
            log.exception("preview of %s failed", self.path)
            self._refuse(self.tr("无法读取这个文件,请确认它是 Excel 文件(.xlsx)并且没有在别处打开。"))
            return False
        self.preview = preview
        self._fill_columns(preview)
        self._fill_preview(preview)
        return True

    def _refuse(self, message: str) -> None:
        self.choose_box.hide()
        self.start_button.hide()
        self.skip_box.hide()
        self.status.show()
        self.status.setText(message)
        self.status.setStyleSheet(style(ERROR_RED))
        self.cancel_button.hide()
        self.close_button.show()

    def _fill_columns(self, preview: Preview) -> None:
        self.columns_table.setRowCount(0)
        self._combos = []
        samples = self._samples(preview)
        for row, choice in enumerate(preview.choices):
            self.columns_table.insertRow(row)
            self.columns_table.setItem(row, 0, QTableWidgetItem(choice.header))
            combo = QComboBox()
            for name in [ledger_columns.SKIP, *preview.fields]:
                combo.addItem(self.tr(str(FIELD_LABELS.get(name, name))), name)
            combo.setCurrentIndex(max(0, combo.findData(choice.field)))
            combo.setToolTip(self.tr("自动识别") if choice.automatic else self.tr("已改过或沿用上次的对应"))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.columns_table.setCellWidget(row, 1, combo)
            self._combos.append(combo)
            self.columns_table.setItem(row, 2, QTableWidgetItem(samples.get(choice.index, "")))
        self.columns_table.resizeColumnToContents(0)
        widest = max((combo.sizeHint().width() for combo in self._combos), default=150)
        self.columns_table.setColumnWidth(1, max(150, widest + 8))

    def _samples(self, preview: Preview) -> dict[int, str]:
        """The first data row's cells as they are in the file, by column index."""
        try:
            import openpyxl

            wb = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
            try:
                ws = wb.worksheets[0]
                for values in ws.iter_rows(min_row=preview.header_row + 1, values_only=True):
                    if any(v not in (None, "") for v in values):
                        return {i: str(v) for i, v in enumerate(values) if v not in (None, "")}
            finally:
                wb.close()
        except Exception:  # noqa: BLE001 - only samples: the mapping works without them
            log.exception("samples of %s", self.path)
        return {}

    def current_mapping(self) -> dict[str, str]:
        assert self.preview is not None
        return {
            choice.header: str(combo.currentData())
            for choice, combo in zip(self.preview.choices, self._combos, strict=True)
        }

    def set_field(self, header: str, field_name: str) -> None:
        """Chooses the field for the file's column `header` (as the clerk would in its combo box)."""
        assert self.preview is not None
        for choice, combo in zip(self.preview.choices, self._combos, strict=True):
            if choice.header == header:
                combo.setCurrentIndex(combo.findData(field_name))
                return
        raise KeyError(header)

    @Slot()
    def _mapping_changed(self) -> None:
        try:
            preview = preview_file(self.office, self.kind, self.path, self.current_mapping(), PREVIEW_ROWS)
        except UserError as exc:
            self.mapping_problem.setText(str(exc))
            self.mapping_problem.show()
            self.start_button.setEnabled(False)
            return
        self.preview = preview  # the same columns, in the same order as the combo boxes
        self._fill_preview(preview)

    def _fill_preview(self, preview: Preview) -> None:
        if preview.total is None:
            where = self.tr("表头在第 {0} 行。").format(preview.header_row)
        else:
            where = self.tr("表头在第 {0} 行,约 {1} 行数据。").format(preview.header_row, preview.total)
        if preview.title:
            where = self.tr("标题“{0}”。").format(preview.title[:40]) + where
        if preview.default_kind:
            where += self.tr("表中没有“性质”列,按标题全部记为“{0}”。").format(preview.default_kind)
        if self.remembered:
            where += self.tr("列的对应沿用了上次导入同样表头的文件时的选择。")
        self.header_info.setText(where)
        shown = min(len(preview.rows), PREVIEW_ROWS)
        self.preview_label.setText(
            self.tr("前 {0} 行读入后的样子(红色的格子读不懂,指向它可看原因):").format(shown)
        )
        headers = [
            self.tr("行"),
            *(self.tr(str(FIELD_LABELS.get(f, f))) for f in preview.shown),
            self.tr("其他问题"),
        ]
        table = self.preview_table
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(preview.rows))
        bad_rows = 0
        for r, row in enumerate(preview.rows):
            table.setItem(r, 0, QTableWidgetItem(str(row.number)))
            for c, field_name in enumerate(preview.shown, start=1):
                item = QTableWidgetItem(row.values.get(field_name, ""))
                problem = row.problems.get(field_name)
                if problem:
                    item.setBackground(_BAD_CELL)
                    item.setToolTip(problem)
                    if not item.text():
                        item.setText("?")
                table.setItem(r, c, item)
            other = QTableWidgetItem(";".join(row.other_problems))
            if row.other_problems:
                other.setBackground(_BAD_CELL)
                other.setToolTip("\n".join(row.other_problems))
            table.setItem(r, len(headers) - 1, other)
            bad_rows += bool(row.problems or row.other_problems)
        table.resizeColumnsToContents()
        for c in range(table.columnCount()):
            table.setColumnWidth(c, min(table.columnWidth(c), 220))
        if preview.missing:
            names = self.tr("、").join(self.tr(str(FIELD_LABELS.get(m, m))) for m in preview.missing)
            self.mapping_problem.setText(self.tr("还缺少必需的列:{0}。请在左边为它选一列。").format(names))
        elif bad_rows:
            self.mapping_problem.setText(
                self.tr("前 {0} 行中有 {1} 行有读不懂的内容;导入时每一处都会按行和列列出。").format(
                    shown, bad_rows
                )
            )
        self.mapping_problem.setVisible(bool(preview.missing or bad_rows))
        self.start_button.setEnabled(not preview.missing)

    @Slot()
    def start_import(self) -> None:
        """开始导入: keep the mapping for the next file with the same headers, then work."""
        if self.preview is not None:
            self.mapping = self.current_mapping()
            try:
                remember_mapping(self.office, self.kind, self.preview.headers, self.mapping)
            except Exception:  # noqa: BLE001 - not remembering is no reason to stop
                log.exception("could not keep the mapping")
        self.choosing = False
        self.choose_box.hide()
        self.start_button.hide()
        self.status.show()
        self.bar.show()
        self.status.setText(self.tr("正在读取文件…"))
        self.start()

    # Running ------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.choosing:
            if self.preview is None and self.status.isHidden():
                self.load_preview()
            return
        if self._job is None and self.report is None:
            self.start()

    def start(self) -> None:
        if self._job is not None:
            return
        if self.choosing:  # started without the clerk's choice: the automatic mapping
            self.choosing = False
            self.choose_box.hide()
            self.start_button.hide()
            self.status.show()
            self.bar.show()
        self.skip_box.setEnabled(False)
        self.bar.setRange(0, 0)  # busy until the first count arrives
        self.progress.count.clear()
        self.progress.count.show()
        work = ledger_work(self.office, self.kind, self.path, self.skip_box.isChecked(), self.mapping)
        self._job = run_in_background(
            self, work, on_done=self._on_finished, on_failed=self._on_failed, on_progress=self._on_progress
        )

    @property
    def running(self) -> bool:
        return self._job is not None and self.report is None

    @Slot()
    def cancel(self) -> None:
        if self._job is not None and self.running:
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("正在取消,已读入的内容都不会保存…"))
        elif self.report is None:
            self.reject()

    @Slot()
    def retry_skipping(self) -> None:
        self.skip_box.setChecked(True)
        self.report = None
        self._job = None
        self.problems.clear()
        self.problems.hide()
        self.status.setStyleSheet("")
        self.retry_button.hide()
        self.close_button.hide()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.start()

    def _on_progress(self, done: int, total: int, what: str = "") -> None:
        doing = self.tr("正在导出…") if self.kind == "export" else self.tr("正在导入…")
        self.progress.update_progress(done, total, what or doing)

    def _on_failed(self, exc: BaseException) -> None:
        """The work stopped on an error: said in words, the details in the log."""
        if isinstance(exc, ExportCancelled):  # 取消 during an export: no file was written
            self._on_finished(ImportReport(cancelled=True))
            self.status.setText(str(exc))
            return
        if isinstance(exc, UserError):
            failed = str(exc)
        elif isinstance(exc, PermissionError):
            failed = self.tr("没有权限写入 {0},请关闭在 Excel 中打开的该文件或换一个文件夹").format(
                exc.filename
            )
        else:
            log.error("ledger %s of %s failed", self.kind, self.path, exc_info=exc)
            failed = self.tr("出错了:{0}").format(friendly_error(exc))
        self._on_finished(ImportReport(failed=failed))

    def _on_finished(self, report: ImportReport) -> None:
        self.report = report
        self.progress.count.hide()
        self.bar.setRange(0, 1)
        self.bar.setValue(1 if not (report.failed or report.cancelled) else 0)
        self.status.setText(report.summary())
        bad = bool(report.failed or (report.problems and not report.imported))
        self.status.setStyleSheet(style(ERROR_RED) if bad else "")
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
            if self._job is not None:
                self._job.wait()
        super().closeEvent(event)

    def reject(self) -> None:
        if self.running:
            self.cancel()
            return
        super().reject()
