"""《回访记录表》: the numbered paper form of seed 000, pre-filled from a visit or blank.

One form a page, laid out like the office's paper form, with the form number printed and
as a QR code so a returned form is found by scanning. The code sits at the top right, with
its quiet zone, away from the staple corner (top left) and the page edge.

A form still to be filled in (blank, or pre-filled before the visit) has ruled lines
8 mm apart wherever the visitor writes, and signature boxes left empty for the pen; the
visitor's name prints small beside the box, never in it. A copy of a completed record
prints what was recorded, and the signatures drawn on screen in their boxes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Image, PageBreak, Paragraph, Spacer, TableStyle

from app.domain import SATISFACTION, VISIT_METHODS
from app.i18n import term
from app.printdata import VisitFormData
from reports.base import (
    SHADE,
    SIGN_HEIGHT,
    WRITE_HEIGHT,
    Report,
    grid_table,
    lines,
    ruled_cells,
    styles,
    text,
)
from reports.fonts import register

WIDTH = 180 * mm
LABEL = 26 * mm
QR_MODULE = 0.9 * mm  # one module of the code: as large as before (22 mm for 21 + 4 modules)
QR_QUIET = 4  # modules of white around the code, as the QR standard asks
TICK, BOX = "■", "□"


def _box(on: bool) -> str:
    return f'<font size="13">{TICK if on else BOX}</font>'


def _same(text: str) -> str:
    return text


def ticks(options: list[str], chosen: str | None, label: Callable[[str], str] = _same) -> Paragraph:
    return Paragraph(
        "&nbsp;&nbsp;&nbsp;".join(f"{_box(o == chosen)} {label(o)}" for o in options), styles()["cell"]
    )


def yes_no(value: bool | None, label: Callable[[str], str] = _same) -> Paragraph:
    return Paragraph(
        f"{_box(value is True)} {label('是')}&nbsp;&nbsp;&nbsp;{_box(value is False)} {label('否')}",
        styles()["cell"],
    )


def when(value: dt.datetime | dt.date | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    return value.strftime(fmt) if value else ""


class QRCode(Flowable):
    """The form number as a QR code, drawn as runs of dark modules (fast for 100 forms).

    The flowable includes the quiet zone: `quiet` modules of white on every side."""

    def __init__(self, value: str, module: float = QR_MODULE, quiet: int = QR_QUIET) -> None:
        super().__init__()
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(value)
        code.make()
        n = code.getModuleCount()
        self.modules = [[code.isDark(r, c) for c in range(n)] for r in range(n)]
        self.quiet = quiet
        self.cell = module
        self.size = (n + 2 * quiet) * module
        self.width = self.height = self.size

    def draw(self) -> None:
        n = len(self.modules)
        quiet, cell = self.quiet, self.cell
        path = self.canv.beginPath()
        for r, row in enumerate(self.modules):
            y = self.size - (r + quiet + 1) * cell
            c = 0
            while c < n:
                if row[c]:
                    start = c
                    while c < n and row[c]:
                        c += 1
                    path.rect((start + quiet) * cell, y, (c - start) * cell, cell)
                else:
                    c += 1
        self.canv.drawPath(path, stroke=0, fill=1)


class FormHeader(Flowable):
    """The office and the form's title in the middle, the number and its QR code at the right.

    The top-left corner stays empty: forms are stapled and folded there."""

    def __init__(self, office: str, title: str, number_label: str, number: str) -> None:
        super().__init__()
        self.office, self.title, self.number_label, self.number = office, title, number_label, number
        # A preview shows a placeholder where the number will be: no code for it, an empty square.
        self.qr: QRCode | None = QRCode(number) if number.isascii() else None
        self.qr_size = self.qr.size if self.qr is not None else QR_MODULE * (21 + 2 * QR_QUIET)
        self.height = self.qr_size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.height

    def _fit(self, value: str, size: float, width: float) -> float:
        """The largest font size up to `size` at which `value` fits in `width`."""
        natural = stringWidth(value, register(), size)
        return size if natural <= width else max(8.0, size * width / natural)

    def draw(self) -> None:
        canvas, font = self.canv, register()
        qr_left = self.width - self.qr_size
        if self.qr is not None:
            self.qr.drawOn(canvas, qr_left, 0)
        else:
            quiet = QR_QUIET * QR_MODULE
            canvas.saveState()
            canvas.setStrokeColor(colors.HexColor("#999999"))
            canvas.setDash(2, 2)
            canvas.rect(qr_left + quiet, quiet, self.qr_size - 2 * quiet, self.qr_size - 2 * quiet)
            canvas.restoreState()
        number_size = self._fit(self.number, 12, 40 * mm)
        right = qr_left - 1 * mm  # the code's quiet zone is already white
        canvas.setFillColor(colors.HexColor("#444444"))
        canvas.setFont(font, 9)
        canvas.drawRightString(right, self.height / 2 + 2.5 * mm, self.number_label)
        canvas.setFillColor(colors.black)
        canvas.setFont(font, number_size)
        canvas.drawRightString(right, self.height / 2 - 3.5 * mm, self.number)
        # The title is centred on the page when it fits left of the number; else in the room left.
        number_width = max(
            stringWidth(self.number, font, number_size), stringWidth(self.number_label, font, 9)
        )
        room_right = right - number_width - 4 * mm
        centre = self.width / 2
        half = room_right - centre
        title_size = self._fit(self.title, 18, room_right)
        office_size = self._fit(self.office, 10, room_right)
        widest = max(stringWidth(self.title, font, title_size), stringWidth(self.office, font, office_size))
        if widest / 2 > half:
            centre = room_right / 2
        canvas.setFont(font, office_size)
        canvas.setFillColor(colors.HexColor("#444444"))
        canvas.drawCentredString(centre, self.height / 2 + 4.5 * mm, self.office)
        canvas.setFillColor(colors.black)
        canvas.setFont(font, title_size)
        canvas.drawCentredString(centre, self.height / 2 - 4.5 * mm, self.title)


def signature_image(png: bytes | None, width: float = 45 * mm, height: float = 12 * mm) -> Flowable | str:
    """The drawn signature, with its transparency (ReportLab keeps the PNG's alpha as a soft mask)."""
    if not png:
        return ""
    image = Image(io.BytesIO(png), width=width, height=height, kind="proportional", mask="auto")
    return image


class VisitFormReport(Report):
    title = "回访记录表"
    # The form carries its own title block: no running header, so the whole form fits a page.
    running_header = False
    top_margin = 10 * mm
    bottom_margin = 13 * mm
    frame_padding = 0.0

    def __init__(self, office_name: str, forms: list[VisitFormData], language: str | None = None) -> None:
        super().__init__(office_name, language)
        self.forms = forms

    def _story(self) -> list[Flowable]:
        story: list[Flowable] = []
        for i, form in enumerate(self.forms):
            if i:
                story.append(PageBreak())
            story.extend(self._form(form))
        return story

    def _header(self, form: VisitFormData) -> Flowable:
        # the number, or a preview's 「打印时编号」 in the chosen language
        return FormHeader(self.office_name, self.label("回访记录表"), "NO:", term(form.form_no))

    def _signer_label(self, source: str, name: str, who: str = "回访人") -> list[Flowable]:
        """A signature row's label with the person's name printed small under it (beside the box)."""
        style = self.styles["label_en" if self.language == "en" else "label"]
        out: list[Flowable] = [Paragraph(self.label(source), style)]
        if name:
            out.append(Paragraph(self.label("{0}:{1}").format(self.label(who), name), self.styles["tiny"]))
        return out

    def _form(self, form: VisitFormData) -> list[Flowable]:
        # Still to be filled in by hand (blank, or pre-filled before the visit), or a copy of a record.
        pending = form.done_at is None
        value_w = (WIDTH - 2 * LABEL) / 2
        rows: list[list[Any]] = []
        heights: list[float | None] = []
        spans: list[Any] = []
        labelled: list[int] = []  # rows with a second label column (not spanned)

        def row(cells: list[Any], height: float | None = None, span_value: bool = False) -> None:
            # the label columns (0 and 2) in the chosen language
            cells = [
                self.cell_label(c) if i in (0, 2) and isinstance(c, str) and c else c
                for i, c in enumerate(cells)
            ]
            if span_value:
                spans.append(("SPAN", (1, len(rows)), (3, len(rows))))
                cells = [cells[0], cells[1], "", ""]
            else:
                labelled.append(len(rows))
            rows.append(cells)
            heights.append(height)

        def writing(value: str, count: int) -> Any:
            """Where the visitor writes: ruled lines on a form to fill in, the text on a copy."""
            if pending or not value:
                return lines(value, count if pending else 1)
            return text(value)

        single = WRITE_HEIGHT if pending else None
        case_linked = bool(form.case_number) or form.blank
        repair_rows = form.is_repair or form.blank
        # Lines for 回访内容: more where the form has fewer rows above (no case, no repair rows).
        findings_lines = 5 + (0 if repair_rows else 2) + (0 if case_linked else 4)

        row(["单位", form.room, "客户姓名", form.customer], single)
        row(["联系电话", form.phone, "预约时间", when(form.appointment)], single)
        attempt = self.label("第 {0} 次").format("\u3000\u3000" if form.blank else form.attempt)
        row(["回访方式", ticks(VISIT_METHODS, form.method or None, self.label)], span_value=True)
        if case_linked:
            case = (
                f"{form.case_number} {self.stored(form.case_kind)} {self.stored(form.case_category)}".strip()
            )
            if form.received_at:
                dates = self.label("受理 {0}  办结 {1}").format(
                    when(form.received_at, "%Y-%m-%d"), when(form.resolved_at, "%Y-%m-%d") or "—"
                )
                case = f"{case}\n{dates}"
            row(["所涉案件", text(case), "回访次数", attempt], single)
            # On a blank form the visitor notes the case briefly; printed from the case: compact.
            for label, value, count in (("投诉报修内容", form.account, 2), ("处理结果", form.result, 2)):
                if not value:
                    row([label, lines("", count)], span_value=True)
                elif pending:
                    row([label, _compact(value)], span_value=True)
                else:
                    row([label, text(value)], span_value=True)
        else:
            row(["回访事项", form.purpose, "回访次数", attempt], single)
        row(["回访内容", writing(form.findings, findings_lines)], span_value=True)
        if repair_rows:
            row(
                [
                    "现场查看",
                    yes_no(form.site_checked, self.label),
                    "收费核实",
                    yes_no(form.charges_checked, self.label),
                ],
            )
            row(["维修人员表现", writing(form.worker_conduct, 1)], span_value=True)
        row(["满意程度", ticks(SATISFACTION, form.satisfaction, self.label)], span_value=True)
        row(["不足之处", writing(form.shortcomings, 2)], span_value=True)
        row(["意见及建议", writing(form.opinion, 2)], span_value=True)
        customer_date = form.customer_signed_at or (form.done_at if form.method == "上门" else None)
        row(
            [
                "客户签名",
                signature_image(form.customer_signature),
                "日期",
                when(customer_date, "%Y-%m-%d") or self.date_guide(),
            ],
            height=SIGN_HEIGHT,
        )
        if form.customer_signer:
            row(["签名人", form.customer_signer], span_value=True)
        visitor_date = form.visitor_signed_at or form.done_at
        row(
            [
                self._signer_label("回访人签名", form.visitor),
                signature_image(form.visitor_signature),
                "日期",
                when(visitor_date, "%Y-%m-%d") or self.date_guide(),
            ],
            height=SIGN_HEIGHT,
        )
        if form.second_visitor:  # a visit made by two together: the second visitor's own box (H24)
            second_date = form.second_visitor_signed_at or form.done_at
            row(
                [
                    self._signer_label("同访人签名", form.second_visitor, "同访人"),
                    signature_image(form.second_visitor_signature),
                    "日期",
                    when(second_date, "%Y-%m-%d") or self.date_guide(),
                ],
                height=SIGN_HEIGHT,
            )
        for review in form.reviews:
            content: Any = lines("", 1)
            if review.opinion:
                content = text(f"{review.opinion}\n{review.reviewer}  {when(review.at, '%Y-%m-%d')}")
            row([review.level, content], span_value=True)
        row(["备注", writing(form.remarks, 1)], span_value=True)

        # Rows at least as tall as handwriting needs; taller when the printed text needs it.
        table = grid_table(
            rows,
            [LABEL, value_w, LABEL, value_w],
            min_heights=[h or 0 for h in heights],
            style=spans
            + ruled_cells(rows)
            + [
                ("BACKGROUND", (0, 0), (0, -1), SHADE),
                ("ALIGN", (0, 0), (0, -1), "CENTER"),
                ("TOPPADDING", (0, 0), (0, -1), 2),
                ("BOTTOMPADDING", (0, 0), (0, -1), 2),
            ],
        )
        # Shade the middle label column where the row has one (rows not spanned).
        extra: list[Any] = [("BACKGROUND", (2, r), (2, r), SHADE) for r in labelled]
        extra += [("ALIGN", (2, r), (2, r), "CENTER") for r in labelled]
        table.setStyle(TableStyle(extra))

        note = Paragraph(
            self.label(
                "说明:上门回访须客户签名;电话回访无需签名,记录为“电话回访”。对不满意事项须在24小时内书面通知返工,"
                "并再次回访。本表按季度于次季度10日前归档,保存两年。"
            ),
            self.styles["small"],
        )
        return [self._header(form), Spacer(1, 2 * mm), table, Spacer(1, 1.5 * mm), note]


def _compact(value: str, max_lines: int = 3) -> Flowable:
    """Text printed from the case on a form to fill in: at most `max_lines` lines, then "…"."""
    return _Clamped(value, max_lines)


class _Clamped(Flowable):
    """Plain wrapped text cut to `max_lines` lines at the normal leading (not on writing lines)."""

    def __init__(self, value: str, max_lines: int, size: float = 9.5) -> None:
        super().__init__()
        self.inner = text(value, size)
        self.max_lines = max_lines

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.inner.wrap(avail_width, avail_height)
        if len(self.inner.lines) > self.max_lines:
            kept = self.inner.lines[: self.max_lines]
            last = kept[-1]
            while last and stringWidth(last + "…", self.inner.font, self.inner.size) > avail_width:
                last = last[:-1]
            kept[-1] = last + "…"
            self.inner.lines = kept
            self.inner.height = len(kept) * self.inner.leading
        self.width, self.height = avail_width, self.inner.height
        return avail_width, self.height

    def draw(self) -> None:
        self.inner.canv = self.canv
        self.inner.draw()
