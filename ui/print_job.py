"""The print job behind 打印…: sent off the window's thread, with progress and 取消.

The print dialog's choice decides the way:
- a CUPS printer (Linux, macOS): the PDF itself goes to CUPS (`app.print_jobs.CupsJob`), so
  the printer gets vector pages; the job is followed until printed, failed or cancelled;
- another printer (Windows): each page is drawn with pdfium at the printer's own resolution,
  in bands, onto the QPrinter, in a worker thread (QPainter on a QPrinter is allowed there);
- 打印到文件 (PDF): the PDF is written as it is (only the pages chosen).

Numbered forms reserve their numbers when the job is made (on the window's thread, with
the database); the job confirms them when the printer has them, or voids them with the
reason (打印失败:… / 已取消). The window's thread only waits for signals.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QObject, QRectF, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from app.forms import SAVED_AS_PDF
from app.print_jobs import (
    Cups,
    CupsJob,
    JobEnd,
    PrintCancelled,
    PrintDocument,
    PrintFailed,
    PrintOptions,
    run_print_job,
    write_pdf,
)
from ui.errors import friendly_error
from ui.progress import PAGES, ProgressDialog
from ui.worker import Job, Progress, run_in_background

log = logging.getLogger(__name__)

# pdfium is not thread-safe, even across documents: every call goes through this lock
# (the preview's page rendering takes it too).
PDFIUM_LOCK = threading.RLock()
BAND_BYTES = 16 * 1024 * 1024  # one band of a page rendered at the printer's resolution


def page_ranges(printer: QPrinter, page_count: int) -> tuple[tuple[int, int], ...]:
    """The pages the dialog chose, 1-based and inclusive; () for every page."""
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            chosen = tuple(
                (max(1, r.from_), min(page_count, r.to))
                for r in ranges.toRangeList()
                if r.from_ <= page_count
            )
            return chosen or ((1, page_count),)
        if printer.fromPage() > 0:
            first = min(page_count, printer.fromPage())
            return ((first, min(page_count, max(first, printer.toPage()))),)
    if printer.printRange() == QPrinter.PrintRange.CurrentPage:
        return ((1, 1),)
    return ()


def pages_of(ranges: tuple[tuple[int, int], ...], page_count: int) -> list[int]:
    """0-based page indexes in printing order."""
    if not ranges:
        return list(range(page_count))
    return [i - 1 for a, b in ranges for i in range(a, b + 1) if 1 <= i <= page_count]


SIDES = {
    QPrinter.DuplexMode.DuplexNone: "one-sided",
    QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
    QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge",
}


class JobWorker(QObject):
    """One way of sending a job to the printer; its `run(progress)` is the work that
    `PrintJob` hands to `ui.worker.run_in_background` (`app.print_jobs.run_print_job` off the
    window's thread: the document is made there, numbered forms reserve their numbers, it is
    drawn, sent, and its numbers confirmed or voided, as the person who printed). Progress
    goes out as `progress(done, total, text)`; the result is the `JobEnd`."""

    def __init__(
        self,
        make: Callable[[], PrintDocument],
        printer: QPrinter,
        ranges: tuple[tuple[int, int], ...] = (),
        title: str = "",
    ) -> None:
        super().__init__()
        self.make = make
        self.printer = printer
        self.ranges = ranges  # chosen in the dialog; () for every page (always, for numbered forms)
        self.title = title
        self.progress: Progress | None = None
        self.pages_sent = 0
        self.pdf = b""  # what was sent (tests compare it with what the printer made)

    def cancelled(self) -> bool:
        return self.progress is not None and self.progress.cancelled

    def report(self, text: str, done: int = 0, total: int = 0) -> None:
        if self.progress is not None:
            self.progress(done, total, text)

    def run(self, progress: Progress) -> JobEnd:
        """The work, on the job's thread."""
        self.progress = progress
        self.report(self.tr("正在准备要打印的页面…"))
        end = run_print_job(self._make, self._send, self.cancelled)
        self.pdf = end.pdf
        return end

    def _make(self) -> PrintDocument:
        document = self.make()
        self.title = self.title or document.title
        return document

    def _send(self, pdf: bytes, alive: Callable[[], None]) -> str:
        self.alive = alive  # type: ignore[method-assign]
        return self.send(pdf)

    def alive(self) -> None:
        """Replaced by the job's keep-alive while it runs (numbered forms' reservations)."""

    def send(self, pdf: bytes) -> str:
        raise NotImplementedError


class CupsWorker(JobWorker):
    """The PDF itself to a CUPS printer, followed until it is printed."""

    def __init__(
        self,
        make: Callable[[], PrintDocument],
        printer: QPrinter,
        ranges: tuple[tuple[int, int], ...],
        cups: Cups,
        title: str = "",
    ) -> None:
        super().__init__(make, printer, ranges, title)
        self.cups = cups
        self.cups_job: CupsJob | None = None
        self.options = PrintOptions(  # read on the window's thread, before the job starts
            printer=printer.printerName(),
            copies=max(1, printer.copyCount()),
            page_ranges=ranges,
            sides=SIDES.get(printer.duplex(), ""),
            collate=printer.collateCopies(),
        )

    def send(self, pdf: bytes) -> str:
        self.pages_sent = len(pages_of(self.ranges, _page_count(pdf)))
        options = replace(self.options, title=self.title or "回音")  # data: the job's name at the printer
        self.cups_job = CupsJob(self.cups, pdf, options)

        def progress(text: str) -> None:
            self.alive()
            self.report(text)

        self.cups_job.run(self.cancelled, progress)
        return options.printer


class FileWorker(JobWorker):
    """打印到文件: the PDF as it is (the pages chosen), vector."""

    def send(self, pdf: bytes) -> str:
        path = Path(self.printer.outputFileName())
        count = _page_count(pdf)
        ranges = self.ranges
        if ranges:
            with PDFIUM_LOCK:
                source = pdfium.PdfDocument(pdf)
                chosen = pdfium.PdfDocument.new()
                chosen.import_pages(source, pages_of(ranges, count))
                from io import BytesIO

                out = BytesIO()
                chosen.save(out)
                chosen.close()
                source.close()
            pdf = out.getvalue()
        self.pages_sent = len(pages_of(ranges, count))
        write_pdf(path, pdf)
        return SAVED_AS_PDF


class PainterWorker(JobWorker):
    """Each page drawn at the printer's resolution with pdfium, band by band, onto the QPrinter."""

    def send(self, pdf: bytes) -> str:
        printer = self.printer
        printer.setFullPage(True)  # our PDFs carry their own margins: print them at true size
        with PDFIUM_LOCK:
            document = pdfium.PdfDocument(pdf)
            sizes = [document.get_page_size(i) for i in range(len(document))]
        try:
            pages = pages_of(self.ranges, len(sizes))
            painter = QPainter()
            if not painter.begin(printer):
                raise PrintFailed(
                    self.tr("打印机“{0}”无法开始打印。请检查打印机是否连接、是否缺纸后再打印。").format(
                        printer.printerName()
                    ),
                    "打印机无法开始打印",  # data: the ledger's void reason
                )
            try:
                dpi = printer.resolution()
                for n, index in enumerate(pages):
                    if self.cancelled():
                        printer.abort()
                        raise PrintCancelled
                    self.alive()
                    self.report(
                        self.tr("正在打印第 {0} 页,共 {1} 页…").format(n + 1, len(pages)), n, len(pages)
                    )
                    if n:
                        printer.newPage()
                    self._draw_page(painter, document, index, sizes[index], dpi)
                    self.pages_sent = n + 1
            finally:
                painter.end()
            if printer.printerState() == QPrinter.PrinterState.Error:
                raise PrintFailed(
                    self.tr("打印机“{0}”报告错误,任务没有打印完。请检查打印机后再打印。").format(
                        printer.printerName()
                    ),
                    "打印机报告错误",  # data: the ledger's void reason
                )
            if printer.printerState() == QPrinter.PrinterState.Aborted:
                raise PrintCancelled
        finally:
            with PDFIUM_LOCK:
                document.close()
        return printer.printerName() or printer.outputFileName() or "未命名打印机"  # data: the ledger's

    def _draw_page(
        self, painter: QPainter, document: pdfium.PdfDocument, index: int, size: tuple[float, float], dpi: int
    ) -> None:
        w, h = size
        paper = QRectF(painter.viewport())
        fit = min(paper.width() / w, paper.height() / h)  # device pixels per point
        target = QRectF(0, 0, w * fit, h * fit)
        target.moveCenter(paper.center())
        scale = max(fit, 1.0) if dpi <= 0 else fit
        width_px = max(1, round(w * scale))
        band_pt = max(1.0, BAND_BYTES / (width_px * 4) / scale)
        top = 0.0
        while top < h:
            if self.cancelled():
                return
            bottom = min(h, top + band_pt)
            with PDFIUM_LOCK:
                page = document[index]
                try:
                    bitmap = page.render(
                        scale=scale,
                        crop=(0, h - bottom, 0, top),
                        prefer_bgrx=True,
                        rev_byteorder=True,
                    )
                    image = QImage(
                        bytes(bitmap.buffer),
                        bitmap.width,
                        bitmap.height,
                        bitmap.stride,
                        QImage.Format.Format_RGBX8888
                        if bitmap.mode == "RGBX"
                        else QImage.Format.Format_RGB888,
                    ).copy()
                finally:
                    page.close()
            band = QRectF(target.left(), target.top() + top * fit, target.width(), (bottom - top) * fit)
            painter.drawImage(band, image)
            top = bottom


def _page_count(pdf: bytes | None) -> int:
    if pdf is None:
        return 0
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(pdf)
        try:
            return len(document)
        finally:
            document.close()


class PrintJob(QObject):
    """One job from the print dialog to the end, with a progress dialog that can cancel it.

    `finished(ok, message)` when it ends; the message is what the person is told. The numbers
    the document reserved are confirmed or voided (in the worker) before it is emitted."""

    finished = Signal(bool, str)

    def __init__(
        self,
        make: Callable[[], PrintDocument],
        printer: QPrinter,
        parent: QWidget,
        page_count: int,
        numbered: bool = False,
        cups: Cups | None = None,
        title: str = "",
    ) -> None:
        super().__init__(parent)
        self.printer = printer
        self.numbered = numbered
        if numbered:  # one paper per number: every page, one copy
            printer.setCopyCount(1)
            printer.setPrintRange(QPrinter.PrintRange.AllPages)
        self.ranges = () if numbered else page_ranges(printer, page_count)
        self.worker = self._choose_worker(make, cups, title)
        self.end: JobEnd | None = None
        self._job: Job[JobEnd] | None = None
        # The same progress window as every long job (ui/progress.py); it goes when the job
        # has ended, whose words go to the preview's banner.
        self.progress = ProgressDialog(
            parent, self.tr("打印"), unit=PAGES, cancellable=True, close_when_done=True
        )
        self.progress.cancel_requested.connect(self.cancel)

    def _choose_worker(self, make: Callable[[], PrintDocument], cups: Cups | None, title: str) -> JobWorker:
        if self.printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and self.printer.outputFileName():
            return FileWorker(make, self.printer, self.ranges, title)
        if cups is None and sys.platform != "win32" and Cups.installed():
            cups = Cups()
        if cups is not None:
            return CupsWorker(make, self.printer, self.ranges, cups, title)
        return PainterWorker(make, self.printer, self.ranges, title)

    @property
    def way(self) -> str:
        return type(self.worker).__name__

    def start(self) -> None:
        self.progress.watch(self.tr("正在准备打印…"))
        self._job = run_in_background(
            self,
            self.worker.run,
            on_done=self._ended,
            on_failed=self._failed,
            on_progress=self._progressed,
        )

    def cancel(self) -> None:
        self.progress.panel.cancelling()
        if self._job is not None:
            self._job.cancel()

    def running(self) -> bool:
        return self.end is None

    def _progressed(self, done: int, total: int, text: str) -> None:
        self.progress.panel.update_progress(done, total, text)

    def _failed(self, exc: BaseException) -> None:
        """Something no printer explains (the document could not be made): said in words."""
        log.error("print job failed", exc_info=exc)
        words = self.tr("打印没有完成:{0}。请稍后再打印;仍不行请联系管理员。").format(friendly_error(exc))
        self._ended(JobEnd(failed=PrintFailed(words, "打印出错"), pdf=self.worker.pdf))  # data: void reason

    def _ended(self, end: JobEnd) -> None:
        self.end = end
        message = self.describe(end)
        self.progress.end(True, message)  # closes: the words go to the preview's banner
        self.finished.emit(end.ok, message)

    def describe(self, end: JobEnd) -> str:
        """What the person is told: what happened, and what became of the numbers."""
        span = self._span(end.numbers)
        if end.ok:
            if end.printer == SAVED_AS_PDF:
                message = self.tr("已保存到 {0}。").format(self.printer.outputFileName())
            else:
                message = self.tr("已送往打印机“{0}”,打印完成。").format(end.printer)
            if span:
                message += self.tr("编号 {0} 已记入台账(已打印)。").format(span)
            return message
        if end.cancelled:
            message = self.tr("已取消打印。")
            if span:
                message += self.tr("编号 {0} 已作废(已取消),不会再使用。").format(span)
            return message
        assert end.failed is not None
        message = str(end.failed)
        if span:
            message += self.tr("编号 {0} 已作废(打印失败:{1}),不会再使用。").format(span, end.failed.reason)
        return message

    def _span(self, numbers: list[str]) -> str:
        if not numbers:
            return ""
        if len(numbers) == 1:
            return numbers[0]
        return self.tr("{0} 至 {1}(共 {2} 个)").format(numbers[0], numbers[-1], len(numbers))

    def wait(self, timeout_ms: int = 60_000) -> bool:
        """For tests: block until the worker thread has ended."""
        return self._job is None or self._job.wait(timeout_ms)
