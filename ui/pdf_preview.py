"""打印预览: a PDF the program made, shown page by page, printed or saved.

Pages are rendered with pypdfium2 only when they scroll into view (and a few are kept),
so a hundred-page ledger opens at once. 打印… opens the system's print dialog; the job runs
off the window's thread (`ui.print_job.PrintJob`: the PDF itself to a CUPS printer, or
pages drawn at the printer's resolution elsewhere), with progress and 取消.

Numbered forms (`make_job` given) are previewed with 「打印时编号」 in place of the number:
their numbers are reserved only when the job is sent (or the PDF saved), confirmed when it
is printed, voided when it fails or is cancelled. They print every page, one copy each.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import SLOT, QMarginsF, QRectF, QSize, QSizeF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.print_jobs import PrintDocument
from ui.palette import PREVIEW_BACKDROP
from ui.print_job import PDFIUM_LOCK, PrintJob
from ui.widgets import Banner

log = logging.getLogger(__name__)
POINT = 96 / 72  # logical pixels per PDF point at 100 %
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.25, 4.0
PAGE_GAP = 12
KEEP_PAGES = 12  # rendered page images kept while scrolling


def render_page(document: pdfium.PdfDocument, index: int, scale: float) -> QImage:
    """One page as a QImage, `scale` pixels per PDF point (no PIL, no numpy)."""
    with PDFIUM_LOCK:
        return _render_page(document, index, scale)


def _render_page(document: pdfium.PdfDocument, index: int, scale: float) -> QImage:
    page = document[index]
    try:
        bitmap = page.render(scale=scale, prefer_bgrx=True, rev_byteorder=True)
        formats = {
            "RGBX": QImage.Format.Format_RGBX8888,
            "RGBA": QImage.Format.Format_RGBA8888,
            "RGB": QImage.Format.Format_RGB888,
            "L": QImage.Format.Format_Grayscale8,
        }
        image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, formats[bitmap.mode])
        return image.copy()  # detach from the Python bytes
    finally:
        page.close()


class PageView(QWidget):
    """One page at the dialog's zoom; renders when first painted."""

    def __init__(self, preview: PdfPreviewDialog, index: int, size_pt: tuple[float, float]) -> None:
        super().__init__()
        self.preview = preview
        self.index = index
        self.size_pt = size_pt
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def set_zoom(self, zoom: float) -> None:
        w, h = self.size_pt
        self.setFixedSize(QSize(max(1, round(w * POINT * zoom)), max(1, round(h * POINT * zoom))))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        dpr = painter.device().devicePixelRatioF()
        image = self.preview.page_image(self.index, self.width() * dpr / self.size_pt[0])
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawImage(QRectF(self.rect()), image)
        painter.end()


class PdfPreviewDialog(QDialog):
    printed = Signal(bool, str)  # a print job ended: whether it printed, what the person was told

    def __init__(
        self,
        pdf: bytes,
        title: str | None = None,
        file_name: str | None = None,
        parent: QWidget | None = None,
        make_job: Callable[[], PrintDocument] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("打印预览"))
        self.pdf = bytes(pdf)
        self.file_name = file_name or self.tr("回音.pdf")
        self.make_job = make_job  # numbered forms: reserves the numbers when called
        self.zoom = 1.0
        self.fit_width = True
        self.print_dialog: QPrintDialog | None = None
        self.printer: QPrinter | None = None
        self.job: PrintJob | None = None
        self._images: OrderedDict[tuple[int, int], QImage] = OrderedDict()
        self.rendered: list[int] = []  # page indexes in the order they were rendered (for tests)
        self.banner = Banner("error")
        try:
            with PDFIUM_LOCK:
                self.document: pdfium.PdfDocument | None = pdfium.PdfDocument(self.pdf)
                sizes = [self.document.get_page_size(i) for i in range(len(self.document))]
        except pdfium.PdfiumError as exc:
            self.document, sizes = None, []
            log.warning("PDF not readable: %s", exc)
            self.banner.show_message(self.tr("无法显示这份 PDF:文件已损坏或不是 PDF。"))

        self.count_label = QLabel(self.tr("共 {0} 页").format(len(sizes)))
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("400%") + 8)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fit_button = QPushButton(self.tr("适合宽度"))
        self.fit_button.setCheckable(True)
        self.actual_button = QPushButton(self.tr("100%"))
        self.zoom_out_button = QPushButton(self.tr("−"))
        self.zoom_in_button = QPushButton(self.tr("+"))
        for button in (self.zoom_out_button, self.zoom_in_button):
            button.setFixedWidth(self.fontMetrics().horizontalAdvance("汉") * 2 + 16)
        self.print_button = QPushButton(self.tr("打印…"))
        self.save_button = QPushButton(self.tr("另存为 PDF…"))
        self.close_button = QPushButton(self.tr("关闭"))
        self.fit_button.clicked.connect(self.zoom_fit_width)
        self.actual_button.clicked.connect(lambda: self.set_zoom(1.0))
        self.zoom_in_button.clicked.connect(lambda: self.set_zoom(self.zoom * ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.set_zoom(self.zoom / ZOOM_STEP))
        self.print_button.clicked.connect(self.ask_print)
        self.save_button.clicked.connect(self.ask_save)
        self.close_button.clicked.connect(self.reject)
        self.print_button.setDefault(True)
        for button in (self.print_button, self.save_button):
            button.setEnabled(self.document is not None)

        self.pages = [PageView(self, i, size) for i, size in enumerate(sizes)]
        column = QWidget()
        column.setObjectName("pages")
        column.setStyleSheet(f"QWidget#pages {{ background: {PREVIEW_BACKDROP}; }}")
        pages_layout = QVBoxLayout(column)
        pages_layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        pages_layout.setSpacing(PAGE_GAP)
        for page in self.pages:
            pages_layout.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
        pages_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(column)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.scroll_area.setStyleSheet(f"QScrollArea {{ background: {PREVIEW_BACKDROP}; }}")

        tools = QHBoxLayout()
        tools.setSpacing(6)
        tools.addWidget(self.count_label)
        tools.addSpacing(16)
        tools.addWidget(self.fit_button)
        tools.addWidget(self.actual_button)
        tools.addWidget(self.zoom_out_button)
        tools.addWidget(self.zoom_label)
        tools.addWidget(self.zoom_in_button)
        tools.addStretch(1)
        tools.addWidget(self.print_button)
        tools.addWidget(self.save_button)
        tools.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        layout.addLayout(tools)
        layout.addWidget(self.banner)
        layout.addWidget(self.scroll_area, 1)
        self.resize(980, 700)  # fits a 1366×768 screen
        self._apply_zoom()

    def page_count(self) -> int:
        return len(self.pages)

    # Zoom ------------------------------------------------------------------------------
    def set_zoom(self, zoom: float) -> None:
        self.fit_width = False
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self._apply_zoom()

    def zoom_fit_width(self) -> None:
        self.fit_width = True
        self._apply_zoom()

    def _fit_zoom(self) -> float:
        widest = max((p.size_pt[0] for p in self.pages), default=595.0)
        bar = self.scroll_area.verticalScrollBar().sizeHint().width()
        available = (
            self.scroll_area.viewport().width()
            - 2 * PAGE_GAP
            - (0 if self.scroll_area.verticalScrollBar().isVisible() else bar)
        )
        return max(MIN_ZOOM, min(MAX_ZOOM, available / (widest * POINT)))

    def _apply_zoom(self) -> None:
        if self.fit_width:
            self.zoom = self._fit_zoom()
        for page in self.pages:
            page.set_zoom(self.zoom)
        self.zoom_label.setText(f"{self.zoom:.0%}")
        self.fit_button.setChecked(self.fit_width)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.fit_width:
            QTimer.singleShot(0, self._refit)  # after the layout has sized the scroll area

    def _refit(self) -> None:
        if self.fit_width and abs(self._fit_zoom() - self.zoom) > 0.005:
            self._apply_zoom()

    def page_image(self, index: int, scale: float) -> QImage:
        """The page rendered at `scale` pixels per point, from the small cache when it is there."""
        key = (index, round(scale * 100))
        image = self._images.get(key)
        if image is None:
            assert self.document is not None
            image = render_page(self.document, index, scale)
            self.rendered.append(index)
            self._images[key] = image
            while len(self._images) > KEEP_PAGES:
                self._images.popitem(last=False)
        else:
            self._images.move_to_end(key)
        return image

    # Printing --------------------------------------------------------------------------
    def new_printer(self) -> QPrinter:
        """A printer set to the paper of the document's first page."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.file_name)
        if self.pages:
            w, h = self.pages[0].size_pt
            size = QPageSize(
                QSizeF(min(w, h), max(w, h)), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch
            )
            orientation = QPageLayout.Orientation.Landscape if w > h else QPageLayout.Orientation.Portrait
            printer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0)))
        return printer

    def ask_print(self) -> QPrintDialog:
        """打印…: the system's print dialog (printer, copies, pages); the job starts on OK."""
        self.printer = self.new_printer()
        dialog = QPrintDialog(self.printer, self)
        dialog.setWindowTitle(self.tr("打印"))
        dialog.setMinMax(1, max(1, self.page_count()))
        # Numbered forms print every page once: a page range or a second copy would leave
        # numbers without paper, or two papers with one number.
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, self.make_job is None)
        self.print_dialog = dialog
        # PySide6 has no open() without a receiver; its stubs type the slot as bytes.
        dialog.open(self, SLOT("_print_dialog_accepted()"))  # type: ignore[arg-type]
        return dialog

    @Slot()
    def _print_dialog_accepted(self) -> None:
        if self.printer is not None:
            self.print_to(self.printer)

    def print_to(self, printer: QPrinter) -> PrintJob | None:
        """Send the document to `printer` as the dialog set it up; the job runs in the background.

        Numbered forms reserve their numbers when the job starts (in its worker)."""
        if self.document is None or not self.pages:
            return None
        if self.job is not None and self.job.running():
            self.banner.show_message(self.tr("上一份打印任务还没有结束,请等它完成或取消后再打印。"), "warn")
            return None
        extra_copies = self.make_job is not None and printer.copyCount() > 1
        pdf, name = self.pdf, self.file_name
        make = self.make_job if self.make_job is not None else (lambda: PrintDocument.of(pdf, name))
        job = PrintJob(make, printer, self, self.page_count(), numbered=self.make_job is not None)
        note = self.tr("编号表单每个编号只印一份,已按 1 份打印。") if extra_copies else ""
        job.finished.connect(lambda ok, message: self._job_ended(ok, message + note))
        self.job = job
        self.print_button.setEnabled(False)
        self.banner.show_message(self.tr("正在打印…"), "info")
        job.start()
        return job

    def _job_ended(self, ok: bool, message: str) -> None:
        self.print_button.setEnabled(self.document is not None)
        self.banner.show_message(message, "success" if ok else "error")
        self.printed.emit(ok, message)

    # Saving ----------------------------------------------------------------------------
    def ask_save(self) -> None:
        """另存为 PDF…. For numbered forms the numbers are issued when the file is written
        (已打印, printer 「另存为 PDF」): the file can be printed anywhere, later."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("另存为 PDF"), str(Path.home() / self.file_name), self.tr("PDF 文件 (*.pdf)")
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Write the PDF; a failure is told in Chinese and the preview stays open."""
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        if self.make_job is not None:  # numbered: through a job, which issues the numbers
            printer = QPrinter()
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(path))
            return self.print_to(printer) is not None
        try:
            path.write_bytes(self.pdf)
        except PermissionError:
            self.banner.show_message(
                self.tr("没有权限写入“{0}”:该文件夹只读,或文件正被其他程序打开。请换一个位置保存。").format(
                    path
                ),
                "error",
            )
            return False
        except FileNotFoundError:
            self.banner.show_message(
                self.tr("文件夹“{0}”不存在,请换一个位置保存。").format(path.parent), "error"
            )
            return False
        except OSError as exc:
            self.banner.show_message(
                self.tr("无法保存到“{0}”:{1}").format(path, exc.strerror or exc), "error"
            )
            return False
        self.banner.show_message(self.tr("已保存到 {0}").format(path), "success")
        return True

    def done(self, result: int) -> None:
        if self.job is not None and self.job.running():
            self.banner.show_message(self.tr("正在打印,请等打印完成或先取消打印,再关闭预览。"), "warn")
            return
        if self.document is not None:
            self._images.clear()
            with PDFIUM_LOCK:
                self.document.close()
            self.document = None
        super().done(result)
