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
import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QObject, QSize, Qt, QThread, Signal, Slot
from PySide6.QtGui import QCloseEvent, QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import form_scans as fs
from app.errors import UserError
from app.form_scans import FormScans, ScanBatch, ScanFile, ScanFileError, ScannedPage, ScanOutcome
from app.models import ScanPage, Staff
from ui.widgets import Banner, ErrorLabel, fit_to_screen

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
BAD_FG = QColor("#8c1d18")
WAIT_FG = QColor("#8a5300")
FILE_FILTER = QT_TR_NOOP("扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;所有文件 (*)")


class ScanReader(QObject):
    """Reads the files on its own thread: checks them, then decodes page after page.

    Only pictures and numbers cross to the window's thread; the database stays there."""

    file_refused = Signal(str, str)  # file name, why
    counted = Signal(int)  # pages to read in all
    page_read = Signal(object)  # ScannedPage, in the files' page order
    finished = Signal(bool)  # cancelled

    def __init__(self, paths: Sequence[Path]) -> None:
        super().__init__()
        self.paths = list(paths)
        self.cancel_requested = threading.Event()

    @Slot()
    def run(self) -> None:
        try:
            files: list[ScanFile] = []
            for path in self.paths:
                try:
                    files.append(fs.open_scan_file(path))
                except ScanFileError as exc:
                    self.file_refused.emit(path.name, str(exc))
            total = sum(f.pages for f in files)
            self.counted.emit(total)
            for page in fs.read_scans(files, self.cancel_requested.is_set):
                self.page_read.emit(page)
        except Exception:  # noqa: BLE001 - logged in full; the dialog says it in words
            log.exception("reading scans failed")
            self.file_refused.emit("", self.tr("读取扫描件时出错,已读的页面都已保存。详情见日志。"))
        self.finished.emit(self.cancel_requested.is_set())


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
        self._thread: QThread | None = None
        self._reader: ScanReader | None = None
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

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        running = QHBoxLayout()
        running.addWidget(self.bar, 1)
        running.addWidget(self.cancel_button)
        self.banner = Banner()

        # The result, page by page
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

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
        layout.addWidget(self.status)
        layout.addLayout(running)
        layout.addWidget(self.banner)
        layout.addWidget(sections, 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 1100, 720)
        self.refresh_waiting()

    # Reading --------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._thread is not None

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
        self.status.setText(self.tr("正在检查文件…"))
        self.bar.setRange(0, 0)  # busy until the pages are counted
        self.choose_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self._thread = QThread(self)
        self._reader = ScanReader(paths)
        self._reader.moveToThread(self._thread)
        self._thread.started.connect(self._reader.run)
        self._reader.file_refused.connect(self._on_file_refused)
        self._reader.counted.connect(self._on_counted)
        self._reader.page_read.connect(self._on_page_read)
        self._reader.finished.connect(self._on_finished)
        # quit() is thread-safe; called directly so the thread ends even while the UI waits.
        self._reader.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._thread.start()

    @Slot()
    def cancel(self) -> None:
        if self._reader is not None and self.running:
            self._reader.cancel_requested.set()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("正在取消:读完当前这一页就停,已读的页面都已保存…"))

    @Slot(str, str)
    def _on_file_refused(self, name: str, reason: str) -> None:
        outcome = ScanOutcome(name, 0, fs.FAILED, reason)
        if self.batch is not None:
            self.batch.outcomes.append(outcome)
        self._add_row(outcome)

    @Slot(int)
    def _on_counted(self, total: int) -> None:
        self._total = total
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(0)
        self.status.setText(self.tr("共 {0} 页,正在读取…").format(total))

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
        self.bar.setValue(min(done, self.bar.maximum()))
        self.status.setText(self.tr("已读 {0} / {1} 页").format(done, self._total))
        if outcome.status == fs.UNMATCHED:
            self.refresh_waiting()
        self.page_stored.emit(outcome)

    @Slot(bool)
    def _on_finished(self, cancelled: bool) -> None:
        if self._thread is not None:
            self._thread.wait()  # the reader has quit its thread already (direct call)
        self._thread = None
        self._reader = None
        batch = self.batch or ScanBatch()
        batch.cancelled = cancelled
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
        return [self.table.item(row, c).text() for c in range(self.table.columnCount())]

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
        return ScanPage.get_or_none(ScanPage.id == item.data(Qt.ItemDataRole.UserRole))

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
        if self._reader is not None and self._thread is not None:
            self._reader.cancel_requested.set()
            self._thread.quit()
            self._thread.wait()

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
