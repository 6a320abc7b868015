"""导入扫描件: signed forms scanned back, matched to the ledger by the QR code on each page.

The person chooses the scanner's PDF or phone photos; the pages are read on a worker thread
(decoding only: the worker never touches the database), each page is stored on this thread
as it arrives (one short transaction), and the result table grows page by page: the file,
the page, the form it went to, or why not. A progress bar and 取消 stop between pages (the
pages read so far stay stored). Below, the pages waiting to be matched by hand — those whose
code could not be read, from this import or an earlier one — are shown as pictures with a
field to type the number printed on the form.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import form_scans as fs
from app.errors import UserError
from app.form_scans import FormScans, ScanBatch, ScanFile, ScanFileError, ScannedPage, ScanOutcome
from ui.i18n import QT_TR_NOOP
from ui.palette import ERROR_RED, NEARLY_DUE_TEXT
from ui.progress import PAGES, ProgressPanel
from ui.widgets import Banner, ErrorLabel, fit_to_screen, make_table
from ui.worker import Job, Progress, run_in_background

if TYPE_CHECKING:
    from app.models import ScanPage, Staff

log = logging.getLogger(__name__)

# The outcome of a page, in the dialog's language (the app layer's words are the data).
STATUS_TEXT = {
    fs.ATTACHED: QT_TR_NOOP("已附加"),
    fs.RETURNED: QT_TR_NOOP("已附加并交回"),
    fs.DUPLICATE: QT_TR_NOOP("重复页"),
    fs.REFUSED: QT_TR_NOOP("已拒绝"),
    fs.UNMATCHED: QT_TR_NOOP("待手工匹配"),
    fs.BLANK: QT_TR_NOOP("空白页"),
    fs.FAILED: QT_TR_NOOP("无法读取"),
}
BAD_FG = QColor(ERROR_RED)
WAIT_FG = QColor(NEARLY_DUE_TEXT)
FILE_FILTER = QT_TR_NOOP("扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;所有文件 (*)")


@dataclass(frozen=True)
class FileRefused:
    """A file the reader could not take (handed over to the window's thread)."""

    name: str
    reason: str


def scan_reading(paths: Sequence[Path], reading_failed: str) -> Callable[[Progress], bool]:
    """The reading for `ui.worker.run_in_background`: checks the files, then decodes page after
    page, handing over each `FileRefused` and `ScannedPage` as it comes (`progress.deliver`);
    the page count first as `progress(0, total)`. Only pictures and numbers cross to the
    window's thread; the database stays there. Returns whether it was cancelled."""

    def work(progress: Progress) -> bool:
        try:
            files: list[ScanFile] = []
            for path in paths:
                try:
                    files.append(fs.open_scan_file(path))
                except ScanFileError as exc:
                    progress.deliver(FileRefused(path.name, str(exc)))
            progress(0, sum(f.pages for f in files), "")
            for page in fs.read_scans(files, progress.is_cancelled):
                progress.deliver(page)
        except Exception:  # noqa: BLE001 - logged in full; the dialog says it in words
            log.exception("reading scans failed")
            progress.deliver(FileRefused("", reading_failed))
        return progress.cancelled

    return work


class ScanImportDialog(QDialog):
    """Choose scans, watch them matched page by page, match the rest by hand."""

    batch_finished = Signal(object)  # ScanBatch, when a reading run ends (done or cancelled)
    page_stored = Signal(object)  # ScanOutcome, each page as it is stored
    matched_by_hand = Signal(object)  # ScanOutcome

    COLUMNS = (
        QT_TR_NOOP("文件"),
        QT_TR_NOOP("页"),
        QT_TR_NOOP("结果"),
        QT_TR_NOOP("表单编号"),
        QT_TR_NOOP("说明"),
    )

    def __init__(self, scans: FormScans, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scans = scans
        self.actor = actor
        self.batch: ScanBatch | None = None
        self._job: Job[bool] | None = None
        self._total = 0
        self._closing = False
        self.setWindowTitle(self.tr("导入扫描件"))

        intro = QLabel(
            self.tr(
                "选择扫描仪生成的 PDF,或手机拍的照片(JPEG/PNG)。程序读取每页上的二维码(表单编号),"
                "把该页附到对应编号的回访记录表上;回访结果已录入的表同时记为交回。"
            )
        )
        intro.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("选择文件…"))
        self.choose_button.clicked.connect(self.choose_files)
        self.files_label = QLabel(self.tr("尚未选择文件"))
        self.files_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.files_label, 1)

        # The words, the bar and the page count as every long job shows them (ui/progress.py).
        self.progress = ProgressPanel(unit=PAGES)
        self.status = self.progress.what
        self.bar = self.progress.bar
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.banner = Banner()

        # The result, page by page
        self.table = make_table(
            [self.tr(c) for c in self.COLUMNS], selection=QAbstractItemView.SelectionMode.ExtendedSelection
        )

        # Pages waiting to be matched by hand
        self.waiting = QListWidget()
        self.waiting.setViewMode(QListWidget.ViewMode.IconMode)
        self.waiting.setIconSize(QSize(96, 136))
        self.waiting.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.waiting.setMovement(QListWidget.Movement.Static)
        self.waiting.setSpacing(6)
        self.waiting.setMinimumWidth(130)
        self.waiting.currentItemChanged.connect(self._show_waiting)
        self.picture = QLabel(self.tr("选中左边的一页查看图片"))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture_area = QScrollArea()
        self.picture_area.setWidget(self.picture)
        self.picture_area.setWidgetResizable(True)
        self.picture_area.setMinimumHeight(160)
        self.page_info = QLabel()
        self.page_info.setWordWrap(True)
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText(self.tr("看图输入表上印的编号,如 HF-2026-000123"))
        self.number_edit.returnPressed.connect(self.attach_current)
        self.number_edit.setMinimumWidth(
            self.fontMetrics().horizontalAdvance(self.number_edit.placeholderText()) + 24
        )
        self.attach_button = QPushButton(self.tr("附到此编号"))
        self.attach_button.clicked.connect(self.attach_current)
        self.discard_button = QPushButton(self.tr("不是回访记录表,删除此页"))
        self.discard_button.clicked.connect(self.discard_current)
        self.hand_error = ErrorLabel()
        match_row = QHBoxLayout()
        match_row.addWidget(QLabel(self.tr("表单编号")))
        match_row.addWidget(self.number_edit, 1)
        match_row.addWidget(self.attach_button)
        match_row.addWidget(self.discard_button)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.picture_area, 1)
        detail_layout.addWidget(self.page_info)
        detail_layout.addLayout(match_row)
        detail_layout.addWidget(self.hand_error)
        by_hand = QSplitter(Qt.Orientation.Horizontal)
        by_hand.addWidget(self.waiting)
        by_hand.addWidget(detail)
        by_hand.setStretchFactor(0, 0)
        by_hand.setStretchFactor(1, 1)
        by_hand.setSizes([260, 700])
        by_hand.setChildrenCollapsible(False)
        self.waiting_box = QGroupBox()
        box_layout = QVBoxLayout(self.waiting_box)
        box_layout.addWidget(by_hand)

        sections = QSplitter(Qt.Orientation.Vertical)
        sections.addWidget(self.table)
        sections.addWidget(self.waiting_box)
        sections.setChildrenCollapsible(False)
        sections.setSizes([260, 360])

        self.buttons = QDialogButtonBox()
        self.close_button = self.buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addLayout(running)
        layout.addWidget(self.banner)
        layout.addWidget(sections, 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 1100, 720)
        self.refresh_waiting()

    # Reading --------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._job is not None

    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("选择扫描件"), str(Path.home()), self.tr(FILE_FILTER)
        )
        if paths:
            self.start([Path(p) for p in paths])

    def start(self, paths: Sequence[Path]) -> None:
        """Read these files on the worker thread; each page is stored here as it arrives."""
        if self.running or not paths:
            return
        self.batch = ScanBatch()
        self._total = 0
        names = "、".join(p.name for p in paths[:3])
        more = self.tr(" 等 {0} 个文件").format(len(paths)) if len(paths) > 3 else ""
        self.files_label.setText(names + more)
        self.table.setRowCount(0)
        self.banner.hide()
        self.progress.begin(self.tr("正在检查文件…"))  # busy until the pages are counted
        self.choose_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        work = scan_reading(list(paths), self.tr("读取扫描件时出错,已读的页面都已保存。详情见日志。"))
        self._job = run_in_background(
            self,
            work,
            on_done=self._on_finished,
            on_failed=self._on_reading_failed,
            on_progress=self._on_counted,
            on_item=self._on_item,
        )

    @Slot()
    def cancel(self) -> None:
        if self._job is not None and self.running:
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("正在取消:读完当前这一页就停,已读的页面都已保存…"))

    def _on_item(self, item: FileRefused | ScannedPage) -> None:
        if isinstance(item, FileRefused):
            self._on_file_refused(item.name, item.reason)
        else:
            self._on_page_read(item)

    def _on_reading_failed(self, exc: BaseException) -> None:
        log.error("reading scans failed", exc_info=exc)
        self._on_file_refused("", self.tr("读取扫描件时出错,已读的页面都已保存。详情见日志。"))
        self._on_finished(False)

    @Slot(str, str)
    def _on_file_refused(self, name: str, reason: str) -> None:
        outcome = ScanOutcome(name, 0, fs.FAILED, reason)
        if self.batch is not None:
            self.batch.outcomes.append(outcome)
        self._add_row(outcome)

    def _on_counted(self, done: int, total: int, what: str = "") -> None:
        self._total = total
        self.progress.update_progress(0, max(total, 1), self.tr("共 {0} 页,正在读取…").format(total))

    @Slot(object)
    def _on_page_read(self, page: ScannedPage) -> None:
        try:
            outcome = self.scans.attach(page, self.actor)
        except Exception:  # noqa: BLE001 - the page is named; the rest goes on
            log.exception("storing page %s of %s failed", page.page, page.file)
            outcome = ScanOutcome(
                page.file, page.page, fs.FAILED, self.tr("这一页没有保存成功(详情见日志),请稍后再导入这一页")
            )
        if self.batch is not None:
            self.batch.outcomes.append(outcome)
        self._add_row(outcome)
        done = sum(1 for o in (self.batch.outcomes if self.batch else []) if o.page)
        self.progress.update_progress(min(done, self.bar.maximum()), self.bar.maximum())
        if outcome.status == fs.UNMATCHED:
            self.refresh_waiting()
        self.page_stored.emit(outcome)

    def _on_finished(self, cancelled: bool) -> None:
        self._job = None
        batch = self.batch or ScanBatch()
        batch.cancelled = cancelled
        self.progress.count.clear()
        self.bar.setRange(0, 1)
        self.bar.setValue(0 if cancelled else 1)
        self.cancel_button.setEnabled(False)
        self.choose_button.setEnabled(True)
        self.status.setText(self.tr("完成。") if not cancelled else self.tr("已取消。"))
        bad = bool(batch.unmatched or batch.bad_files)
        self.banner.show_message(batch.summary(), "warn" if bad else "success")
        self.refresh_waiting()
        self.batch_finished.emit(batch)

    def _add_row(self, outcome: ScanOutcome) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = [
            outcome.file,
            str(outcome.page) if outcome.page else "—",
            self.tr(STATUS_TEXT.get(outcome.status, outcome.status)),
            outcome.number,
            outcome.message,
        ]
        colour = None
        if outcome.status in (fs.REFUSED, fs.FAILED):
            colour = BAD_FG
        elif not outcome.matched:
            colour = WAIT_FG
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(outcome.message)
            if colour is not None:
                item.setForeground(colour)
            self.table.setItem(row, column, item)
        self.table.scrollToBottom()

    def row_texts(self, row: int) -> list[str]:
        items = (self.table.item(row, c) for c in range(self.table.columnCount()))
        return [item.text() if item is not None else "" for item in items]

    # Matching by hand -----------------------------------------------------------------------
    def refresh_waiting(self) -> None:
        current = self.current_waiting()
        keep = current.id if current is not None else None
        self.waiting.clear()
        pages = self.scans.unmatched()
        for page in pages:
            item = QListWidgetItem(
                self.tr("{0}\n第 {1} 页").format(_short(page.source_name), page.source_page)
            )
            item.setData(Qt.ItemDataRole.UserRole, page.id)
            item.setToolTip(f"{page.source_name}:{page.reason}")
            image = QImage.fromData(bytes(page.image))
            item.setIcon(
                QIcon(
                    QPixmap.fromImage(image).scaled(
                        self.waiting.iconSize(),
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
            )
            self.waiting.addItem(item)
            if page.id == keep:
                self.waiting.setCurrentItem(item)
        self.waiting_box.setTitle(self.tr("待手工匹配的页({0})").format(len(pages)))
        if self.waiting.currentItem() is None and self.waiting.count():
            self.waiting.setCurrentRow(0)
        has_page = self.waiting.count() > 0
        for widget in (self.number_edit, self.attach_button, self.discard_button):
            widget.setEnabled(has_page)
        if not has_page:
            self._show_waiting(None, None)

    def current_waiting(self) -> ScanPage | None:
        item = self.waiting.currentItem()
        if item is None:
            return None
        return self.scans.waiting_page(int(item.data(Qt.ItemDataRole.UserRole)))

    @Slot(object, object)
    def _show_waiting(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        self.hand_error.set_error(None)
        page = self.current_waiting() if current is not None else None
        if page is None:
            self.picture.setPixmap(QPixmap())
            self.picture.setText(self.tr("没有待手工匹配的页"))
            self.page_info.clear()
            return
        image = QImage.fromData(bytes(page.image))
        width = max(200, self.picture_area.viewport().width() - 12)
        self.picture.setPixmap(
            QPixmap.fromImage(image).scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        )
        self.page_info.setText(
            self.tr("{0} 第 {1} 页,{2} 由 {3} 导入。{4}").format(
                page.source_name,
                page.source_page,
                f"{page.imported_at:%Y-%m-%d %H:%M}",
                page.imported_by,
                page.reason,
            )
        )
        self.number_edit.clear()
        self.number_edit.setFocus()

    @Slot()
    def attach_current(self) -> ScanOutcome | None:
        page = self.current_waiting()
        if page is None:
            return None
        try:
            outcome = self.scans.attach_by_hand(page, self.number_edit.text(), self.actor)
        except UserError as exc:
            self.hand_error.set_error(str(exc))
            self.number_edit.selectAll()
            return None
        self.banner.show_message(
            self.tr("{0} 第 {1} 页已附到 {2}。").format(outcome.file, outcome.page, outcome.number)
            + outcome.message,
            "success",
        )
        self.refresh_waiting()
        self.matched_by_hand.emit(outcome)
        return outcome

    @Slot()
    def discard_current(self) -> None:
        page = self.current_waiting()
        if page is None:
            return
        try:
            self.scans.discard(page)
        except UserError as exc:
            self.hand_error.set_error(str(exc))
            return
        self.banner.show_message(
            self.tr("已删除 {0} 第 {1} 页").format(page.source_name, page.source_page), "info"
        )
        self.refresh_waiting()

    # Closing --------------------------------------------------------------------------------
    def _stop(self) -> None:
        """Stop reading and wait for the worker (the pages read so far stay stored)."""
        if self._job is not None:
            self._job.cancel()
            self._job.wait()

    def reject(self) -> None:
        """关闭 (or Esc) while reading cancels first; a second press closes."""
        if self.running and not self._closing:
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.running:
            self._stop()
            self._closing = True
        super().closeEvent(event)


def _short(name: str, limit: int = 14) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
