"""打印预览: a PDF the program made, shown page by page, printed or saved.

Pages are rendered with pypdfium2 only when they scroll into view (and a few are kept),
so a hundred-page ledger opens at once. Printing renders each page again at the printer's
resolution; `print_to(printer)` does the work, so tests hand it a PDF-file printer.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, Qt, QTimer
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

from ui.widgets import Banner

POINT = 96 / 72  # logical pixels per PDF point at 100 %
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.25, 4.0
PAGE_GAP = 12
KEEP_PAGES = 12  # rendered page images kept while scrolling
PRINT_DPI_LIMIT = 300  # enough for text and forms; 600 dpi would need 140 MB per A4 page


def render_page(document: pdfium.PdfDocument, index: int, scale: float) -> QImage:
    """One page as a QImage, `scale` pixels per PDF point (no PIL, no numpy)."""
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
    def __init__(
        self,
        pdf: bytes,
        title: str | None = None,
        file_name: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("打印预览"))
        self.pdf = bytes(pdf)
        self.file_name = file_name or self.tr("回音.pdf")
        self.zoom = 1.0
        self.fit_width = True
        self.print_dialog: QPrintDialog | None = None
        self._images: OrderedDict[tuple[int, int], QImage] = OrderedDict()
        self.rendered: list[int] = []  # page indexes in the order they were rendered (for tests)
        self.banner = Banner("error")
        try:
            self.document: pdfium.PdfDocument | None = pdfium.PdfDocument(self.pdf)
            sizes = [self.document.get_page_size(i) for i in range(len(self.document))]
        except pdfium.PdfiumError as exc:
            self.document, sizes = None, []
            self.banner.show_message(self.tr("无法显示这份 PDF:{0}").format(exc))

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
        column.setStyleSheet("QWidget#pages { background: #7d8591; }")
        pages_layout = QVBoxLayout(column)
        pages_layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        pages_layout.setSpacing(PAGE_GAP)
        for page in self.pages:
            pages_layout.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
        pages_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidget(column)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.scroll.setStyleSheet("QScrollArea { background: #7d8591; }")

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
        layout.addWidget(self.scroll, 1)
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
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        available = (
            self.scroll.viewport().width()
            - 2 * PAGE_GAP
            - (0 if self.scroll.verticalScrollBar().isVisible() else bar)
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

    def ask_print(self) -> None:
        """打印…: the system's print dialog (printer, copies, pages), then print."""
        printer = self.new_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.page_count()))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.accepted.connect(lambda: self.print_to(printer))
        self.print_dialog = dialog
        dialog.open()

    def print_to(self, printer: QPrinter) -> int:
        """Paint the pages (all, or the range chosen) on `printer`; returns how many were printed."""
        if self.document is None or not self.pages:
            return 0
        first, last = 0, self.page_count() - 1
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = max(0, printer.fromPage() - 1)
            last = min(last, max(first, printer.toPage() - 1))
        printer.setFullPage(True)  # our PDFs carry their own margins: print them at true size
        painter = QPainter()
        if not painter.begin(printer):
            self.banner.show_message(self.tr("打印机无法开始打印,请检查打印机是否连接、是否缺纸。"), "error")
            return 0
        dpi = min(printer.resolution(), PRINT_DPI_LIMIT)
        try:
            for index in range(first, last + 1):
                if index > first:
                    printer.newPage()
                w, h = self.pages[index].size_pt
                paper = QRectF(painter.viewport())
                fit = min(paper.width() / w, paper.height() / h)
                target = QRectF(0, 0, w * fit, h * fit)
                target.moveCenter(paper.center())
                image = render_page(self.document, index, dpi / 72)
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
                painter.drawImage(target, image)
        finally:
            painter.end()
        return last - first + 1

    # Saving ----------------------------------------------------------------------------
    def ask_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("另存为 PDF"), str(Path.home() / self.file_name), self.tr("PDF 文件 (*.pdf)")
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Write the PDF; a failure is told in Chinese and the preview stays open."""
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
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
        if self.document is not None:
            self._images.clear()
            self.document.close()
            self.document = None
        super().done(result)
