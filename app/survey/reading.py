"""Reading a scanned page (no database once the layout is known): the sheet found by its
code, the page straightened from its corner marks, every box and writing area read by
`app.omr`; a scan file's pages drawn on one thread and read on a few."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from PIL import Image

from app import omr
from app.i18n import N_
from app.survey.layout import CodeParts, parse_code, sheet_pages
from app.survey.storage import SurveyPlan

log = logging.getLogger(__name__)


@dataclass
class PageReading:
    """One scanned page as read: its code, the rows, the writing areas, the picture to keep."""

    digest: str
    code: CodeParts | None = None
    rows: list[omr.RowReading] = field(default_factory=list)
    texts: list[omr.TextReading] = field(default_factory=list)
    problem: str = ""
    blank: bool = False
    image: bytes | None = None


def layout_reader(plan: SurveyPlan) -> Callable[[CodeParts], omr.PageGeometry | None]:
    """The page layouts of `plan`'s sheets by code, worked out once (no database afterwards);
    a code of another plan has none."""
    layout = [p.geometry for p in sheet_pages(plan.form())]
    plan_id = plan.id

    def geometry(parts: CodeParts) -> omr.PageGeometry | None:
        ok = parts.plan == plan_id and 1 <= parts.page <= len(layout)
        return layout[parts.page - 1] if ok else None

    return geometry


def scan_pages(scan: Any) -> Iterator[tuple[int, Image.Image | None, str]]:
    """(page number, grey picture, why not) of each page of a checked scan file.

    A scanner's PDF holds one picture a page: that picture is taken out as it is (decoding a
    JPEG is several times faster than drawing the page, and the reader does not care how the
    page is turned); any other page is drawn at the resolution `app.form_scans` uses. Photos
    go through `app.form_scans` as they are."""
    from app.form_scans import _page_images, pdf_page_images

    if scan.kind != "pdf":
        yield from _page_images(scan)
        return
    yield from pdf_page_images(scan, draw=_scanned_picture)


def _scanned_picture(page: Any) -> Image.Image:
    """The page's one picture, taken out as it is; else the page drawn."""
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    from app.form_scans import draw_page

    image = None
    pictures = list(page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=1))
    if len(pictures) == 1 and len(list(page.get_objects(max_depth=1))) == 1:
        try:
            image = pictures[0].get_bitmap(render=False).to_pil().convert("L")
        except (pypdfium2.PdfiumError, ValueError, OSError):
            image = None  # an image format pdfium hands out only drawn
    if image is None or min(image.size) < 600:
        image = draw_page(page)
    return image


def read_scan(
    scan: Any,
    geometry: Callable[[CodeParts], omr.PageGeometry | None],
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[tuple[int, PageReading | None, str]]:
    """(page number, reading or None, why not) for each page of a checked scan file, in order.

    No database: pages are drawn on this thread (pdfium is used from one thread only) and read
    on `READ_THREADS` threads (zxing-cpp and Pillow work outside Python's lock), a few pages
    ahead at most; stops between pages once `cancelled()`."""
    from concurrent.futures import Future, ThreadPoolExecutor

    from app.form_scans import READ_THREADS

    def read(image: Image.Image) -> PageReading:
        try:
            return read_page_image(image, geometry)
        finally:
            image.close()

    pending: list[tuple[int, Future[PageReading] | None, str]] = []

    def settle(limit: int) -> Iterator[tuple[int, PageReading | None, str]]:
        while len(pending) > limit:
            number, future, problem = pending.pop(0)
            if future is None:
                yield number, None, problem
                continue
            try:
                yield number, future.result(), ""
            except Exception:  # noqa: BLE001 - one odd page must not stop the batch; logged in full
                log.exception("page %d of %s could not be read", number, scan.name)
                yield number, None, N_("这一页读取时出错(详情见日志),请重新扫描这一页")

    with ThreadPoolExecutor(max_workers=READ_THREADS, thread_name_prefix="survey-read") as pool:
        for number, image, problem in scan_pages(scan):
            if cancelled():
                break
            pending.append((number, pool.submit(read, image) if image is not None else None, problem))
            yield from settle(READ_THREADS)
        if cancelled():
            for _, future, _ in pending:
                if future is not None:
                    future.cancel()
            pending.clear()
        yield from settle(0)


def _geometry_for(parts: CodeParts) -> omr.PageGeometry | None:
    plan = SurveyPlan.get_or_none(SurveyPlan.id == parts.plan)
    if plan is None:
        return None
    pages = sheet_pages(plan.form())
    if not 1 <= parts.page <= len(pages):
        return None
    return pages[parts.page - 1].geometry


def read_page_image(
    image: Image.Image, geometry_for: Callable[[CodeParts], omr.PageGeometry | None] = _geometry_for
) -> PageReading:
    """Find the sheet by its code, straighten the page from its marks, read every box.

    `geometry_for` gives the page's layout from its code (the plan's questionnaire)."""
    import hashlib

    from app.form_scans import compress_page

    gray = image.convert("L")
    digest = hashlib.sha256(f"{gray.size}".encode() + gray.tobytes()).hexdigest()
    reading = PageReading(digest=digest)
    codes = omr.find_codes(gray)
    ours = [(c, parse_code(c.text)) for c in codes]
    ours = [(c, p) for c, p in ours if p is not None]
    if not ours:
        if not codes and omr.is_blank(gray):
            reading.blank = True
            return reading
        if codes:
            shown = codes[0].text[:40]
            reading.problem = (
                N_("这是回访记录表,请在“扫描件导入”里导入")
                if shown.upper().startswith("HF-")
                else f"这一页的二维码不是调查表的(读到“{shown}”)"
            )
        else:
            reading.problem = N_("读不出二维码(可能被遮挡、污损或太模糊)")
        reading.image, _, _ = compress_page(gray)
        return reading
    code, parts = ours[0]
    assert parts is not None
    reading.code = parts
    geometry = geometry_for(parts)
    if geometry is None:
        reading.problem = N_("调查表的页码或调查编号不对")
        reading.image, _, _ = compress_page(gray)
        return reading
    placement, why = omr.place(gray, geometry, code)
    if placement is None:
        reading.problem = why
        reading.image, _, _ = compress_page(gray)
        return reading
    page = omr.straighten(gray, geometry, placement)
    rows = omr.read_rows(page, geometry)
    if omr.misregistered(rows):
        reading.problem = N_("这一页的方框位置对不准(可能拍斜、纸张不平或角标缺失),没有读取,请照图录入")
    else:
        reading.rows = rows
        reading.texts = omr.read_texts(page, geometry)
    # the page as scanned, turned upright when it came upside down (for the clerk to look at)
    reading.image, _, _ = compress_page(gray, 180 if abs(placement.turn) > 90 else 0)
    return reading
