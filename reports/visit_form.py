"""《回访记录表》: the numbered paper form of seed 000, pre-filled from a visit or blank.

One form a page, laid out like the office's paper form, with the form number printed and
as a QR code so a returned form is found by scanning.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, PageBreak, Paragraph, Spacer, Table, TableStyle

from app.domain import SATISFACTION, VISIT_METHODS
from app.printdata import VisitFormData
from reports.base import SHADE, Report, grid_table, styles, text
from reports.labels import SOURCE_LANGUAGE

WIDTH = 180 * mm
LABEL = 24 * mm
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
    """The form number as a QR code, drawn as runs of dark modules (fast for 100 forms)."""

    def __init__(self, value: str, size: float = 22 * mm) -> None:
        super().__init__()
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(value)
        code.make()
        n = code.getModuleCount()
        self.modules = [[code.isDark(r, c) for c in range(n)] for r in range(n)]
        self.size = size
        self.width = self.height = size

    def draw(self) -> None:
        n = len(self.modules)
        quiet = 2
        cell = self.size / (n + 2 * quiet)
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


def signature_image(png: bytes | None, width: float = 45 * mm, height: float = 15 * mm) -> Flowable | str:
    """The drawn signature, with its transparency (ReportLab keeps the PNG's alpha as a soft mask)."""
    if not png:
        return ""
    image = Image(io.BytesIO(png), width=width, height=height, kind="proportional", mask="auto")
    return image


class VisitFormReport(Report):
    title = "回访记录表"

    def __init__(self, office_name: str, forms: list[VisitFormData], language: str = SOURCE_LANGUAGE) -> None:
        super().__init__(office_name, language)
        self.forms = forms

    def _story(self) -> list[Flowable]:
        story: list[Flowable] = []
        for i, form in enumerate(self.forms):
            if i:
                story.append(PageBreak())
            story.extend(self._form(form))
        return story

    def _header(self, form: VisitFormData) -> Table:
        title = [
            Paragraph(self.office_name, self.styles["subtitle"]),
            Paragraph(self.label("回访记录表"), self.styles["title"]),
        ]
        number = Paragraph(f'NO:<font size="12">{form.form_no}</font>', self.styles["cell"])
        table = Table([[QRCode(form.form_no), title, number]], colWidths=[28 * mm, WIDTH - 73 * mm, 45 * mm])
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.styles["cell"].fontName),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("ALIGN", (2, 0), (2, 0), "RIGHT"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return table

    def _form(self, form: VisitFormData) -> list[Flowable]:
        blank_tall = 26 * mm if form.blank else None
        value_w = (WIDTH - 2 * LABEL) / 2
        rows: list[list[Any]] = []
        heights: list[float | None] = []
        spans: list[Any] = []

        def row(cells: list[Any], height: float | None = None, span_value: bool = False) -> None:
            # the label columns (0 and 2) in the chosen language
            cells = [
                self.cell_label(c) if i in (0, 2) and isinstance(c, str) and c else c
                for i, c in enumerate(cells)
            ]
            if span_value:
                spans.append(("SPAN", (1, len(rows)), (3, len(rows))))
                cells = [cells[0], cells[1], "", ""]
            rows.append(cells)
            heights.append(height)

        row(["单位", form.room, "客户姓名", form.customer])
        row(["联系电话", form.phone, "预约时间", when(form.appointment)])
        row(["回访方式", ticks(VISIT_METHODS, form.method or None, self.label)], span_value=True)
        if form.case_number or form.blank:
            row(
                [
                    "所涉案件",
                    f"{form.case_number} {form.case_kind} {form.case_category}".strip(),
                    "回访次数",
                    self.label("第 {0} 次").format(form.attempt if not form.blank else "  "),
                ]
            )
            row(
                ["受理/办结", f"{when(form.received_at)}  /  {when(form.resolved_at)}".strip(" /")],
                span_value=True,
            )
            row(
                ["投诉报修内容", text(form.account)],
                height=None if form.account else 12 * mm,
                span_value=True,
            )
            row(["处理结果", text(form.result)], height=None if form.result else 12 * mm, span_value=True)
        else:
            row(["回访事项", form.purpose], span_value=True)
        row(
            ["回访内容", text(form.findings)],
            height=blank_tall if not form.findings else None,
            span_value=True,
        )
        if form.is_repair or form.blank:
            row(
                [
                    "现场查看",
                    yes_no(form.site_checked, self.label),
                    "收费核实",
                    yes_no(form.charges_checked, self.label),
                ]
            )
            row(["维修人员表现", form.worker_conduct], span_value=True)
        row(["满意程度", ticks(SATISFACTION, form.satisfaction, self.label)], span_value=True)
        row(
            ["不足之处", text(form.shortcomings)],
            height=None if form.shortcomings else 11 * mm,
            span_value=True,
        )
        row(["意见及建议", text(form.opinion)], height=None if form.opinion else 14 * mm, span_value=True)
        row(
            [
                "客户签名",
                signature_image(form.customer_signature),
                "日期",
                when(
                    form.customer_signed_at or (form.done_at if form.method == "上门" else None), "%Y-%m-%d"
                ),
            ],
            height=15 * mm,
        )
        if form.customer_signer:
            row(["签名人", form.customer_signer], span_value=True)
        row(
            [
                "回访人签名",
                signature_image(form.visitor_signature) or form.visitor,
                "日期",
                when(form.visitor_signed_at or form.done_at, "%Y-%m-%d"),
            ],
            height=15 * mm,
        )
        for review in form.reviews:
            content: Any = ""
            if review.opinion:
                content = text(f"{review.opinion}\n{review.reviewer}  {when(review.at, '%Y-%m-%d')}")
            row([review.level, content], height=None if review.opinion else 12 * mm, span_value=True)
        row(["备注", text(form.remarks)], height=None if form.remarks else 9 * mm, span_value=True)

        # Fixed heights only where a blank needs room to write; otherwise as tall as the text.
        table = grid_table(
            rows,
            [LABEL, value_w, LABEL, value_w],
            row_heights=heights,
            style=spans
            + [
                ("BACKGROUND", (0, 0), (0, -1), SHADE),
                ("ALIGN", (0, 0), (0, -1), "CENTER"),
            ],
        )
        # Shade the middle label column where the row has one (rows not spanned).
        spanned = {s[1][1] for s in spans}
        extra = [("BACKGROUND", (2, r), (2, r), SHADE) for r in range(len(rows)) if r not in spanned]
        extra += [("ALIGN", (2, r), (2, r), "CENTER") for r in range(len(rows)) if r not in spanned]
        table.setStyle(TableStyle(extra))

        note = Paragraph(
            self.label(
                "说明:上门回访须客户签名;电话回访无需签名,记录为“电话回访”。对不满意事项须在24小时内书面通知返工,"
                "并再次回访。本表按季度于次季度10日前归档,保存两年。"
            ),
            self.styles["small"],
        )
        return [self._header(form), Spacer(1, 3 * mm), table, Spacer(1, 2 * mm), note]
