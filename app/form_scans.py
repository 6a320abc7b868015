"""Signed forms scanned back (扫描件导入): each page's QR code read, the page attached to its form.

The office scans the returned 《回访记录表》 in a batch: one multi-page PDF from the office
scanner, or JPEG/PNG photos from a phone. Reading and matching are two steps:

- Reading (`read_scans`, no database): each file is opened and checked first (a file that
  is not a PDF or a picture, a damaged PDF, one of more than `MAX_PAGES` pages is refused
  in words, before anything is read). Then its pages are read one at a time — rendered at
  `RENDER_DPI`, the QR code decoded with zxing-cpp (retried on a cleaned-up picture, on the
  strips where the code sits, turned over), the picture compressed for keeping — so memory
  holds one page whatever the length of the file. This is the slow part: it runs on a
  worker thread in the window, and can be cancelled between pages.
- Matching (`FormScans.attach`, one short transaction per page): a page whose number is a
  form in the ledger, not voided, is attached to that form (and so to its visit); when the
  visit's result is already entered, the form is marked returned through `FormLedger`.
  A voided or unknown number is refused with the reason; a page whose code cannot be read
  is kept, with its picture, for matching by hand; the same page read twice is kept once.
  Nothing is attached to a form unless its own code (or a person) named it.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import re
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import peewee as pw
import pypdfium2
import zxingcpp
from PIL import Image, ImageFilter, ImageOps, ImageSequence, UnidentifiedImageError

from app import domain
from app.cases import actor_name
from app.errors import UserError, ValidationError
from app.forms import OUT, PRINTED, VOID, FormLedger, normalise_number
from app.forms import RETURNED as FORM_RETURNED
from app.i18n import N_, term, tr
from app.models import FormSheet, ScanPage, Staff, Visit, db
from app.permissions import require

log = logging.getLogger(__name__)

RENDER_DPI = 200  # PDF pages are read at this resolution (an A4 page: 1654 × 2339 pixels)
MAX_PAGES = 1000  # one file; a longer one is refused (read one page at a time, so memory is not the limit)
DECODE_LONG_SIDE = 2400  # photos larger than this are read at this size (≈ 200 dpi for A4)
DRAFT_LONG_SIDE = 2000  # a large JPEG is decoded at a half, quarter… size no smaller than this
STORE_LONG_SIDE = 1754  # the kept picture: A4 at 150 dpi, readable on screen and in print
STORE_MAX_BYTES = 300 * 1024  # the kept picture of one page, at most
READ_THREADS = max(1, min(2, os.cpu_count() or 1))  # pages decoded at once (the office PC: two cores)
READ_AHEAD = READ_THREADS + 1
REOPEN_EVERY = 50  # a long PDF is reopened every so many pages (see _pdf_page_images)  # pages drawn and waiting, at most
BLANK_INK = 0.001  # a page with less dark area than this (and no code) is an empty page

FORM_NUMBER = re.compile(r"HF-\d{4}-\d{6}")
IMAGE_FORMATS = {"JPEG", "MPO", "PNG", "TIFF", "BMP"}

# How a page ended up (shown in the result table and printed by `form scan`).
ATTACHED = N_("已附加")  # attached; the form is returned when the visit's result is entered
RETURNED = N_("已附加并交回")
DUPLICATE = N_("重复页")
REFUSED = N_("已拒绝")
UNMATCHED = N_("待手工匹配")
BLANK = N_("空白页")
FAILED = N_("无法读取")

BY_CODE = N_("二维码")
BY_HAND = N_("手工")


class ScanFileError(UserError):
    """A whole file cannot be read; `str()` says why and what to do, in Chinese."""


def form_number(text: str) -> str | None:
    """The form number a code or a person gives (HF-2026-000123), or None if it is not one.

    Typing is forgiven as in the ledger's search (`normalise_number`): full-width characters,
    lower case, spaces, other dashes, missing leading zeros."""
    number = normalise_number(text or "")
    return number if FORM_NUMBER.fullmatch(number) else None


# Reading ------------------------------------------------------------------------------------
@dataclass
class ScanFile:
    """A file checked and opened for reading: what it is and how many pages it holds."""

    path: Path
    kind: str  # "pdf" or "image"
    pages: int

    @property
    def name(self) -> str:
        return self.path.name


@dataclass
class ScannedPage:
    """One page as read: the number its code gives (or why none), and the picture to keep."""

    file: str
    page: int
    pages: int
    number: str | None = None
    problem: str = ""  # why no number was found (or why the page could not be read)
    image: bytes | None = None  # compressed JPEG, upright
    width: int = 0
    height: int = 0
    digest: str = ""
    blank: bool = False


@dataclass
class ScanOutcome:
    """What became of one page (or of a whole file that could not be read: page 0)."""

    file: str
    page: int
    status: str
    message: str
    number: str = ""
    scan_page_id: int | None = None

    @property
    def matched(self) -> bool:
        """The page is where it belongs: attached to its form, or an empty page left out."""
        return self.status in (ATTACHED, RETURNED, BLANK) or (self.status == DUPLICATE and bool(self.number))

    @property
    def where(self) -> str:
        return tr("{file} 第 {page} 页", file=self.file, page=self.page) if self.page else self.file

    def line(self) -> str:
        return f"{self.where}:{self.message}" if self.page else self.message


def _pdf_start(head: bytes) -> bool:
    return b"%PDF-" in head[:1024]


def open_scan_file(path: Path) -> ScanFile:
    """Check that `path` is a scan the program can read, and count its pages.

    Raises ScanFileError with the reason and what to do."""
    name = path.name
    if not path.exists():
        raise ScanFileError(tr("找不到文件“{name}”。请确认文件还在原来的位置。", name=name))
    if path.is_dir():
        raise ScanFileError(tr("“{name}”是一个文件夹。请选择文件夹里的扫描件文件。", name=name))
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as exc:
        log.info("cannot read %s: %s", path, exc)
        raise ScanFileError(
            tr("文件“{name}”无法读取(没有权限或正被占用)。请关闭占用它的程序后再试。", name=name)
        ) from exc
    if not head:
        raise ScanFileError(tr("文件“{name}”是空的(0 字节)。请重新扫描或重新拷贝这个文件。", name=name))
    if _pdf_start(head):
        pages = _pdf_page_count(path)
        kind = "pdf"
    else:
        pages = _image_frame_count(path, head)
        kind = "image"
    if pages == 0:
        raise ScanFileError(tr("文件“{name}”里没有页面。请重新扫描。", name=name))
    if pages > MAX_PAGES:
        raise ScanFileError(
            tr(
                "文件“{name}”有 {pages} 页,一次最多读 {limit} 页。"
                "请在扫描仪上分成几份(每份不超过 {limit} 页)扫描后再导入。",
                name=name,
                pages=pages,
                limit=MAX_PAGES,
            )
        )
    return ScanFile(path, kind, pages)


def _pdf_page_count(path: Path) -> int:
    try:
        document = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError as exc:
        log.info("cannot open PDF %s: %s", path, exc)
        if getattr(exc, "err_code", None) == 4:
            raise ScanFileError(
                tr(
                    "PDF“{name}”有密码保护,程序打不开。请在扫描仪或 PDF 软件里去掉密码后再导入。",
                    name=path.name,
                )
            ) from exc
        raise ScanFileError(
            tr(
                "PDF“{name}”已损坏或不完整(可能没有传完),无法读取。请从扫描仪重新导出或重新扫描这份文件。",
                name=path.name,
            )
        ) from exc
    try:
        return len(document)
    finally:
        document.close()


def _image_frame_count(path: Path, head: bytes) -> int:
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc"):
        raise ScanFileError(
            tr(
                "照片“{name}”是 HEIC 格式,程序读不了。请在手机相机设置里选“兼容性最佳”(JPEG)后重拍,"
                "或把照片导出为 JPEG 再导入。",
                name=path.name,
            )
        )
    try:
        with Image.open(path) as image:
            if image.format not in IMAGE_FORMATS:
                raise ScanFileError(
                    tr(
                        "“{name}”是 {format} 图片,程序只读 PDF、JPEG、PNG 和 TIFF。请另存为其中一种后再导入。",
                        name=path.name,
                        format=image.format,
                    )
                )
            return int(getattr(image, "n_frames", 1))
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError) as exc:
        log.info("not an image: %s: %s", path, exc)
        if isinstance(exc, Image.DecompressionBombError):
            raise ScanFileError(
                tr("图片“{name}”太大,无法读取。请用正常分辨率重新扫描或拍照。", name=path.name)
            ) from exc
        raise ScanFileError(
            tr(
                "“{name}”不是 PDF,也不是图片(JPEG/PNG/TIFF),无法读取。"
                "请选择扫描仪生成的 PDF 或手机拍的照片。",
                name=path.name,
            )
        ) from exc


def _page_images(scan: ScanFile) -> Iterator[tuple[int, Image.Image | None, str]]:
    """(page number, picture, problem) one page at a time; a page that cannot be drawn has a problem."""
    if scan.kind == "pdf":
        yield from pdf_page_images(scan)
        return
    try:
        source = Image.open(scan.path)
    except (OSError, UnidentifiedImageError) as exc:
        log.info("cannot open %s: %s", scan.path, exc)
        yield 0, None, tr("图片“{name}”已无法打开(文件在读取时被改动或删除),请重新导入", name=scan.name)
        return
    with source:
        for index, frame in enumerate(ImageSequence.Iterator(source)):
            try:
                image = _photo_for_reading(frame)
            except (OSError, ValueError, SyntaxError) as exc:
                log.info("page %d of %s cannot be read: %s", index + 1, scan.path, exc)
                yield index + 1, None, tr("这张图片不完整或已损坏,无法读取,请重新拍照或扫描")
                continue
            yield index + 1, image, ""


def draw_page(page: pypdfium2.PdfPage) -> Image.Image:
    """A PDF page drawn in grey at RENDER_DPI."""
    bitmap = page.render(scale=RENDER_DPI / 72, grayscale=True)
    image = bitmap.to_pil().convert("L")  # a copy: the bitmap can go
    bitmap.close()
    return image


def pdf_page_images(
    scan: ScanFile, draw: Callable[[pypdfium2.PdfPage], Image.Image] = draw_page
) -> Iterator[tuple[int, Image.Image | None, str]]:
    """(page number, picture, why not) of each page of the PDF, made by `draw` (by default the
    page drawn at RENDER_DPI). pdfium keeps what it parsed of every page until the document
    is closed (≈ 0.25 MB a page), so a long scan is reopened every `REOPEN_EVERY` pages:
    memory stays flat however long the file."""
    document: pypdfium2.PdfDocument | None = None
    try:
        for index in range(scan.pages):
            if document is None or index % REOPEN_EVERY == 0:
                if document is not None:
                    document.close()
                try:
                    document = pypdfium2.PdfDocument(str(scan.path))
                except pypdfium2.PdfiumError as exc:  # changed or removed since it was checked
                    log.info("cannot open PDF %s: %s", scan.path, exc)
                    document = None
                    yield (
                        0,
                        None,
                        tr("PDF“{name}”已无法打开(文件在读取时被改动或删除),请重新导入", name=scan.name),
                    )
                    return
            try:
                page = document[index]
                try:
                    image = draw(page)
                finally:
                    page.close()
            except (pypdfium2.PdfiumError, IndexError) as exc:
                log.info("page %d of %s cannot be drawn: %s", index + 1, scan.path, exc)
                yield index + 1, None, tr("这一页无法读取(文件可能已损坏),请重新扫描这一页")
                continue
            yield index + 1, image, ""
    finally:
        if document is not None:
            document.close()


def _photo_for_reading(frame: Image.Image) -> Image.Image:
    """A grayscale picture, turned as the camera says (EXIF), at most `DECODE_LONG_SIDE`."""
    if frame.format in ("JPEG", "MPO") and max(frame.size) > DECODE_LONG_SIDE:
        # JPEG decodes straight to a half or quarter size, much faster for phone photos: a
        # 12-megapixel photo at half size (2016 px) still shows the code at ≈ 5 px a module
        scale = DRAFT_LONG_SIDE / max(frame.size)
        frame.draft("L", (int(frame.width * scale), int(frame.height * scale)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        image = ImageOps.exif_transpose(frame)
    image = image.convert("L")
    if max(image.size) > DECODE_LONG_SIDE:
        image.thumbnail((DECODE_LONG_SIDE, DECODE_LONG_SIDE), Image.Resampling.BOX)
    return image


QR_ONLY = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
Found = list[tuple[str, int]]  # (text, orientation in degrees) of each code read


def _qr_texts(
    image: Image.Image, binarizer: zxingcpp.Binarizer = zxingcpp.Binarizer.LocalAverage, turned: int = 0
) -> Found:
    """The QR codes zxing-cpp reads on `image`; `turned`: how far `image` was turned first."""
    found = zxingcpp.read_barcodes(image, formats=QR_ONLY, binarizer=binarizer)
    return [(code.text, (int(code.orientation) + turned) % 360) for code in found if code.valid]


def _strip(image: Image.Image, top: bool) -> Image.Image:
    """The top or bottom third (where the header's code is, upright or turned over), enlarged."""
    width, height = image.size
    third = height // 3
    strip = image.crop((0, 0, width, third) if top else (0, height - third, width, height))
    if max(strip.size) < 3000:
        strip = strip.resize((strip.width * 2, strip.height * 2), Image.Resampling.LANCZOS)
    return strip


def _cleaned(image: Image.Image) -> Image.Image:
    """Noise and speckle smoothed, contrast stretched, then cut to black and white."""
    smooth = image.filter(ImageFilter.MedianFilter(3))
    stretched = ImageOps.autocontrast(smooth, cutoff=1)
    histogram = stretched.histogram()
    threshold = _otsu(histogram)
    return stretched.point(lambda v: 255 if v > threshold else 0)


def _otsu(histogram: list[int]) -> int:
    total = sum(histogram)
    weighted = sum(i * h for i, h in enumerate(histogram))
    background = weight_b = 0.0
    best, threshold = -1.0, 128
    for level, count in enumerate(histogram):
        weight_b += count
        weight_f = total - weight_b
        if weight_b == 0:
            continue
        if weight_f == 0:
            break
        background += level * count
        mean_b = background / weight_b
        mean_f = (weighted - background) / weight_f
        between = weight_b * weight_f * (mean_b - mean_f) ** 2
        if between > best:
            best, threshold = between, level
    return threshold


def decode_page(image: Image.Image, first: bool = True, retries: bool = True) -> tuple[list[str], int]:
    """The QR texts on a grayscale page and how far the page is turned (0/90/180/270).

    The first try reads the whole page; when it finds nothing, smarter retries follow: the
    page cleaned (noise, contrast, threshold), the strips where the code sits enlarged,
    another binariser, a smaller copy, the page turned over."""
    tries: list[Callable[[], Found]] = []
    if first:
        tries.append(lambda: _qr_texts(image))
    if retries:
        tries.append(lambda: _qr_texts(_cleaned(image)))
        for top in (True, False):
            tries.append(lambda top=top: _qr_texts(_strip(image, top)))  # type: ignore[misc]
            tries.append(
                lambda top=top: _qr_texts(_strip(image, top), zxingcpp.Binarizer.GlobalHistogram)  # type: ignore[misc]
            )
            tries.append(lambda top=top: _qr_texts(_cleaned(_strip(image, top))))  # type: ignore[misc]
        tries.append(lambda: _qr_texts(image.reduce(2)))
        tries.append(lambda: _qr_texts(image.rotate(180), turned=180))
    return _first_found(tries)


def _first_found(tries: list[Callable[[], Found]]) -> tuple[list[str], int]:
    for attempt in tries:
        found = attempt()
        if found:
            texts = list(dict.fromkeys(text for text, _ in found))
            return texts, _quarter_turn(found[0][1])
    return [], 0


def _quarter_turn(orientation: int) -> int:
    return (round(orientation / 90) * 90) % 360


def _ink(image: Image.Image) -> float:
    """The share of clearly dark pixels (noise averaged away first)."""
    small = image.reduce(2)
    histogram = small.histogram()
    return sum(histogram[:110]) / max(1, small.width * small.height)


def compress_page(image: Image.Image, turn: int = 0) -> tuple[bytes, int, int]:
    """The page to keep: upright, grayscale, A4 at 150 dpi or less, JPEG of at most 300 KB."""
    picture = image.convert("L")
    if turn:
        picture = picture.rotate(turn, expand=True)
    if max(picture.size) > STORE_LONG_SIDE:
        picture.thumbnail((STORE_LONG_SIDE, STORE_LONG_SIDE), Image.Resampling.BOX)
    data = b""
    for _ in range(6):
        for quality in (70, 55, 40):
            buffer = io.BytesIO()
            picture.save(buffer, "JPEG", quality=quality, optimize=True)
            data = buffer.getvalue()
            if len(data) <= STORE_MAX_BYTES:
                return data, picture.width, picture.height
        picture = picture.resize((picture.width * 4 // 5, picture.height * 4 // 5), Image.Resampling.BOX)
    return data, picture.width, picture.height


def read_page(image: Image.Image, file: str, page: int, pages: int) -> ScannedPage:
    """Decode one page's code and make the picture to keep."""
    digest = hashlib.sha256(f"{image.mode}{image.size}".encode() + image.tobytes()).hexdigest()
    texts, turn = decode_page(image, retries=False)
    empty = False
    if not texts:
        # an empty page (the back of a sheet) is not worth the slow retries
        empty = _ink(image) < BLANK_INK
        if not empty:
            texts, turn = decode_page(image, first=False)
    result = ScannedPage(file=file, page=page, pages=pages, digest=digest)
    numbers = list(dict.fromkeys(n for n in (form_number(t) for t in texts) if n))
    if len(numbers) == 1:
        result.number = numbers[0]
    elif len(numbers) > 1:
        result.problem = f"一页上读到 {len(numbers)} 个编号({'、'.join(numbers)}),请一页只扫一张表,或手工匹配"
    elif texts:
        shown = texts[0] if len(texts[0]) <= 40 else texts[0][:40] + "…"
        result.problem = f"这一页的二维码不是回访记录表编号(读到“{shown}”)"
    elif empty:
        result.blank = True
        result.problem = "空白页"
    else:
        result.problem = N_("读不出二维码(可能被遮挡、污损或拍得太模糊)")  # stored: shown with term()
    if not result.blank:  # an empty page is left out: nothing to keep
        result.image, result.width, result.height = compress_page(image, turn)
    return result


def _read_and_close(image: Image.Image, file: str, page: int, pages: int) -> ScannedPage:
    try:
        return read_page(image, file, page, pages)
    except Exception:  # noqa: BLE001 - one odd page must not stop the batch; logged in full
        log.exception("page %d of %s could not be read", page, file)
        return ScannedPage(
            file=file, page=page, pages=pages, problem=N_("这一页读取时出错(详情见日志),请重新扫描这一页")
        )
    finally:
        image.close()


def read_scans(
    files: Iterable[ScanFile],
    cancelled: Callable[[], bool] = lambda: False,
    progress: Callable[[int], None] | None = None,
) -> Iterator[ScannedPage]:
    """Every page of the files in order; stops between pages once `cancelled()`.

    Pages are drawn on this thread (pdfium is used from one thread only) and decoded on
    `READ_THREADS` threads (zxing-cpp, Pillow and pdfium work outside Python's lock), at
    most `READ_AHEAD` pages at once, so memory holds a few pages whatever the file's length.
    `progress(pages_done)` is called after each page."""
    done = 0
    pending: deque[Future[ScannedPage]] = deque()
    with ThreadPoolExecutor(max_workers=READ_THREADS, thread_name_prefix="scan-read") as pool:
        try:
            for scan in files:
                for number, image, problem in _page_images(scan):
                    if cancelled():
                        return
                    if image is None:
                        failed: Future[ScannedPage] = Future()
                        failed.set_result(
                            ScannedPage(file=scan.name, page=number, pages=scan.pages, problem=problem)
                        )
                        pending.append(failed)
                    else:
                        pending.append(pool.submit(_read_and_close, image, scan.name, number, scan.pages))
                    while len(pending) >= READ_AHEAD or (pending and pending[0].done()):
                        yield pending.popleft().result()
                        done += 1
                        if progress is not None:
                            progress(done)
                        if cancelled():
                            return
            while pending:
                yield pending.popleft().result()
                done += 1
                if progress is not None:
                    progress(done)
                if cancelled():
                    return
        finally:
            for future in pending:
                future.cancel()


# Matching -----------------------------------------------------------------------------------
@dataclass
class ScanBatch:
    """The outcomes of one import, page by page."""

    outcomes: list[ScanOutcome] = field(default_factory=list)
    cancelled: bool = False

    @property
    def bad_files(self) -> list[ScanOutcome]:
        return [o for o in self.outcomes if o.page == 0]

    @property
    def unmatched(self) -> list[ScanOutcome]:
        return [o for o in self.outcomes if o.page and not o.matched]

    def summary(self) -> str:
        pages = [o for o in self.outcomes if o.page]
        attached = sum(1 for o in pages if o.status in (ATTACHED, RETURNED))
        returned = sum(1 for o in pages if o.status == RETURNED)
        if returned:
            parts = [
                tr(
                    "共读 {pages} 页:{attached} 页已附加到表单(其中 {returned} 张表已标记交回)",
                    pages=len(pages),
                    attached=attached,
                    returned=returned,
                )
            ]
        else:
            parts = [tr("共读 {pages} 页:{attached} 页已附加到表单", pages=len(pages), attached=attached)]
        for status in (DUPLICATE, BLANK, REFUSED, UNMATCHED, FAILED):
            count = sum(1 for o in pages if o.status == status)
            if count:
                parts.append(tr("{status} {count} 页", status=term(status), count=count))
        if self.bad_files:
            parts.append(tr("{count} 个文件无法读取", count=len(self.bad_files)))
        text = tr("{parts}。", parts=tr(",").join(parts))
        if self.cancelled:
            text = tr("已取消:已读的页面已保存,其余没有导入。") + text
        if any(o.status == UNMATCHED for o in pages):
            text += tr("读不出编号的页已留在“待手工匹配”中,请对照图片输入编号。")
        return text


class FormScans:
    """Scanned pages in the ledger: attached to forms, or waiting to be matched by hand."""

    def __init__(self, forms: FormLedger) -> None:
        self.forms = forms

    def attach(self, page: ScannedPage, actor: Staff | None = None) -> ScanOutcome:
        """Store one read page where it belongs (one short transaction)."""
        require(actor, "form.ledger")

        def outcome(status: str, message: str, number: str = "", page_id: int | None = None) -> ScanOutcome:
            return ScanOutcome(page.file, page.page, status, message, number, page_id)

        if page.blank:
            return outcome(BLANK, tr("空白页,已跳过(没有保存)"))
        if page.image is None:
            return outcome(FAILED, page.problem or tr("这一页无法读取"))
        existing = ScanPage.get_or_none(ScanPage.digest == page.digest)
        if existing is not None:
            if existing.form_id is not None:
                number = FormSheet.get_by_id(existing.form_id).number
                return outcome(
                    DUPLICATE,
                    tr("这一页已导入过,已附在 {number} 上(没有重复保存)", number=number),
                    number,
                    existing.id,
                )
            return outcome(DUPLICATE, tr("这一页已导入过,仍在“待手工匹配”中(没有重复保存)"), "", existing.id)
        if page.number is None:
            with db.atomic():
                kept = self._store(page, None, "", actor)
            return outcome(UNMATCHED, tr("{problem},已留待手工匹配", problem=term(page.problem)), "", kept.id)
        form = FormSheet.get_or_none(FormSheet.number == page.number)
        refusal = self.refusal(form, page.number)
        if refusal:
            return outcome(REFUSED, refusal, page.number)
        assert form is not None
        with db.atomic():
            kept = self._store(page, form, BY_CODE, actor)
            returned, note = self._return_if_done(form, actor)
        if returned:
            return outcome(
                RETURNED,
                tr("{number}:已附加,回访结果已录入,表单已标记交回", number=form.number),
                form.number,
                kept.id,
            )
        return outcome(
            ATTACHED, tr("{number}:已附加。{note}", number=form.number, note=note), form.number, kept.id
        )

    def refusal(self, form: FormSheet | None, number: str) -> str:
        """Why a page naming `number` may not be attached to it ("" when it may)."""
        if form is None:
            return tr("台账里没有编号 {number}(可能不是本服务中心打印的表),这一页没有附加", number=number)
        if form.state == VOID:
            if form.void_reason:
                return tr(
                    "{number} 已作废(作废原因:{reason}),这一页没有附加。作废的表不能再用;如确实用它做了回访,请找主管处理",
                    number=number,
                    reason=term(form.void_reason),
                )
            return tr(
                "{number} 已作废,这一页没有附加。作废的表不能再用;如确实用它做了回访,请找主管处理",
                number=number,
            )
        if getattr(form, "destroyed_in_id", None):
            return tr("{number} 已登记销毁,这一页没有附加。请核对纸质表的编号", number=number)
        if form.state not in (PRINTED, OUT, FORM_RETURNED):
            return tr(
                "{number} 当前为“{state}”(还没有确认打印完成),这一页没有附加。打印完成后再导入",
                number=number,
                state=term(form.state),
            )
        return ""

    def attach_by_hand(self, scan_page: ScanPage, typed: str, actor: Staff | None = None) -> ScanOutcome:
        """A person read the number on the picture and typed it: the page goes to that form."""
        require(actor, "form.ledger")
        number = form_number(typed)
        if number is None:
            raise ValidationError({"表单编号": tr("格式应为 HF-年份-序号,例如 HF-2026-000123")})
        if scan_page.form_id is not None:
            raise UserError(tr("这一页已经附在表单上了"))
        form = FormSheet.get_or_none(FormSheet.number == number)
        refusal = self.refusal(form, number)
        if refusal:
            raise UserError(refusal)
        assert form is not None
        with db.atomic():
            scan_page.form = form
            scan_page.matched_by = BY_HAND
            scan_page.reason = ""
            scan_page.save()
            self._note_on_form(form, scan_page)
            returned, note = self._return_if_done(form, actor)
        status, message = (
            (RETURNED, tr("{number}:已附加,回访结果已录入,表单已标记交回", number=number))
            if returned
            else (ATTACHED, tr("{number}:已附加。{note}", number=number, note=note))
        )
        return ScanOutcome(
            scan_page.source_name, scan_page.source_page, status, message, number, scan_page.id
        )

    def discard(self, scan_page: ScanPage) -> None:
        """Delete a page waiting to be matched that is not a form at all (a cover sheet, a blank back)."""
        require(None, "form.ledger")
        if scan_page.form_id is not None:
            raise UserError(tr("已附在表单上的扫描页不能在这里删除"))
        scan_page.delete_instance()

    def unmatched(self) -> list[ScanPage]:
        return list(ScanPage.select().where(ScanPage.form.is_null()).order_by(ScanPage.id))

    def waiting_page(self, page_id: int) -> ScanPage | None:
        """The page waiting to be matched by hand with this id; None once it is matched or gone."""
        return ScanPage.get_or_none((ScanPage.id == page_id) & ScanPage.form.is_null())

    def pages_of(self, form: FormSheet) -> list[ScanPage]:
        return list(ScanPage.select().where(ScanPage.form == form).order_by(ScanPage.id))

    def pages_for_visit(self, visit: Visit) -> list[ScanPage]:
        """The scanned pages of the forms this visit was done on."""
        condition = FormSheet.visit == visit
        if visit.form_no:
            condition = condition | (FormSheet.number == visit.form_no)
        return list(ScanPage.select().join(FormSheet).where(condition).order_by(ScanPage.form, ScanPage.id))

    # The steps --------------------------------------------------------------------------
    def _store(
        self, page: ScannedPage, form: FormSheet | None, matched_by: str, actor: Staff | None
    ) -> ScanPage:
        assert page.image is not None
        kept = ScanPage.create(
            form=form,
            digest=page.digest,
            source_name=page.file[:200],
            source_page=page.page,
            image=page.image,
            width=page.width,
            height=page.height,
            matched_by=matched_by,
            reason="" if form is not None else page.problem[:200],
            imported_at=self.forms.clock.now(),
            imported_by=actor_name(actor),
        )
        if form is not None:
            self._note_on_form(form, kept)
        return kept

    def _note_on_form(self, form: FormSheet, kept: ScanPage) -> None:
        """The ledger row names the scan (its picture stays in the scan pages, not copied)."""
        if not form.scan_name and form.scan is None:
            form.scan_name = f"{kept.source_name} 第{kept.source_page}页"[:100]
            form.save()

    def _return_if_done(self, form: FormSheet, actor: Staff | None) -> tuple[bool, str]:
        """Mark the form returned when its visit's result is entered; else say what it waits for."""
        form = FormSheet.get_by_id(form.id)
        if form.state not in (PRINTED, OUT):
            return False, tr("表单已是“{state}”", state=term(form.state))
        visit = Visit.get_or_none(Visit.id == form.visit_id) if form.visit_id else None
        if visit is None:
            visit = Visit.get_or_none(Visit.form_no == form.number)
        if visit is None or visit.state != domain.VISIT_DONE:
            return False, tr("回访结果录入后,表单会标记交回")
        try:
            with db.atomic():  # a savepoint: a refusal undoes only the return, the page stays
                self.forms.return_form(form, actor_name(actor), visit)
        except (UserError, pw.IntegrityError) as exc:
            log.info("scan of %s attached, not returned: %s", form.number, exc)
            return False, tr("未能标记交回:{reason}", reason=exc)
        return True, ""


def import_scans(
    paths: Iterable[Path],
    scans: FormScans,
    actor: Staff | None = None,
    on_outcome: Callable[[ScanOutcome], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ScanBatch:
    """Read and match every page of the files on this thread (the command line's way)."""
    batch = ScanBatch()

    def note(outcome: ScanOutcome) -> None:
        batch.outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    files: list[ScanFile] = []
    for path in paths:
        try:
            files.append(open_scan_file(Path(path)))
        except ScanFileError as exc:
            note(ScanOutcome(Path(path).name, 0, FAILED, str(exc)))
    for page in read_scans(files, cancelled):
        note(scans.attach(page, actor))
    batch.cancelled = cancelled()
    return batch
