"""《顾客意见调查表》 printed for the program to read back: one numbered questionnaire per household.

Everything is drawn where `app.survey.sheet_pages` says, in millimetres, because the reader
(app/omr.py) measures the boxes at those same places. Each page carries the four solid corner
marks and its own QR code (survey, sheet, page: SDAPS #261, a simplex scan mixes fronts and
backs), placed at the top right away from the staple corner and the folds, with error
correction level Q (a quarter of the code may be lost). The notice to owners (§4.4.2) and how
to tick and how to cancel a choice (SDAPS #93, #151) are printed above the questions.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from app import survey
from app.domain import SATISFACTION
from app.i18n import term, tr
from reports.fonts import register

BLACK = colors.black
GREY = colors.HexColor("#555555")
RULE = colors.HexColor("#c8c8c8")  # light: ruled lines and row separators are not read as ink


@dataclass
class SheetLabel:
    """What is printed on one numbered sheet."""

    number: int
    room: str = ""  # 楼栋-单元-房号, or empty for a blank (census) sheet
    building: str = ""


@dataclass
class FormContent:
    office_name: str
    office_tag: str
    plan_id: int
    plan_title: str
    notice: str
    questionnaire: survey.Questionnaire
    sheets: list[SheetLabel]


def _y(value: float) -> float:
    """Layout millimetres from the top → ReportLab points from the bottom."""
    return (survey.PAGE_H - value) * mm


def _qr(canvas: Canvas, text: str, left: float, top: float, side: float) -> None:
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.Q)
    code.addData(text)
    code.make()
    n = code.getModuleCount()
    cell = side * mm / n
    path = canvas.beginPath()
    for r in range(n):
        y = _y(top) - (r + 1) * cell
        c = 0
        while c < n:
            if code.isDark(r, c):
                start = c
                while c < n and code.isDark(r, c):
                    c += 1
                path.rect(left * mm + start * cell, y, (c - start) * cell, cell)
            else:
                c += 1
    canvas.setFillColor(BLACK)
    canvas.drawPath(path, stroke=0, fill=1)


def _box(canvas: Canvas, box: object, weight: float = 0.9) -> None:
    x, y, size = box.x, box.y, box.size  # type: ignore[attr-defined]
    canvas.setStrokeColor(BLACK)
    canvas.setLineWidth(weight)
    canvas.rect(x * mm, _y(y + size), size * mm, size * mm, stroke=1, fill=0)


def _text(
    canvas: Canvas,
    x: float,
    y: float,
    value: str,
    size: float,
    colour: colors.Color = BLACK,
    anchor: str = "left",
) -> None:
    canvas.setFillColor(colour)
    canvas.setFont(register(), size)
    if anchor == "centre":
        canvas.drawCentredString(x * mm, _y(y), value)
    elif anchor == "right":
        canvas.drawRightString(x * mm, _y(y), value)
    else:
        canvas.drawString(x * mm, _y(y), value)


def _fitted(canvas: Canvas, x: float, y: float, value: str, width: float, size: float) -> None:
    """`value` centred on `x` within `width` mm: smaller when it is wider (English words are
    longer than the boxes' Chinese headings), on two lines at the smallest size."""
    font = register()
    while size > 5.5 and stringWidth(value, font, size) > width * mm:
        size -= 0.5
    words = value.split(" ")
    if stringWidth(value, font, size) <= width * mm or len(words) < 2:
        _text(canvas, x, y, value, size, BLACK, "centre")
        return
    cut = max(range(1, len(words)), key=lambda i: -abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))))
    _text(canvas, x, y - size * 0.2, " ".join(words[:cut]), size, BLACK, "centre")
    _text(canvas, x, y - size * 0.2 + size * 0.42, " ".join(words[cut:]), size, BLACK, "centre")


def _paragraph(
    canvas: Canvas, value: str, x: float, top: float, width: float, height: float, size: float
) -> None:
    """Text wrapped into a block, made smaller until it fits."""
    while True:
        style = ParagraphStyle("p", fontName=register(), fontSize=size, leading=size * 1.45, wordWrap="CJK")
        para = Paragraph(value.replace("\n", "<br/>"), style)
        _, h = para.wrap(width * mm, height * mm)
        if h <= height * mm or size <= 6:
            para.drawOn(canvas, x * mm, _y(top) - h)
            return
        size -= 0.5


def _how_to(canvas: Canvas, top: float) -> None:
    """The examples: a tick, a cross (chosen), a box blacked out (cancelled)."""
    _paragraph(canvas, term(survey.HOW_TO_MARK), survey.LEFT, top, 120, 12, 8.5)
    x = 140.0
    for label, kind in ((tr("选中"), "tick"), (tr("选中"), "cross"), (tr("改选作废"), "fill")):
        y = top + 1
        canvas.setLineWidth(0.9)
        canvas.rect(x * mm, _y(y + 5), 5 * mm, 5 * mm, stroke=1, fill=1 if kind == "fill" else 0)
        canvas.setLineWidth(1.4)
        if kind == "tick":
            canvas.line((x + 1) * mm, _y(y + 2.8), (x + 2.2) * mm, _y(y + 4.2))
            canvas.line((x + 2.2) * mm, _y(y + 4.2), (x + 4.3) * mm, _y(y + 0.8))
        elif kind == "cross":
            canvas.line((x + 1) * mm, _y(y + 1), (x + 4) * mm, _y(y + 4))
            canvas.line((x + 1) * mm, _y(y + 4), (x + 4) * mm, _y(y + 1))
        canvas.setFillColor(BLACK)
        _text(canvas, x + 2.5, y + 9, label, 7, GREY, "centre")
        x += 18


def _page(
    canvas: Canvas, content: FormContent, sheet: SheetLabel, page: survey.SheetPage, pages: int
) -> None:
    q = content.questionnaire
    canvas.setFillColor(BLACK)
    half = survey.MARK_SIZE / 2
    for cx, cy in survey.MARKS:
        canvas.rect(
            (cx - half) * mm, _y(cy + half), survey.MARK_SIZE * mm, survey.MARK_SIZE * mm, stroke=0, fill=1
        )
    left, top, side = survey.QR
    _qr(
        canvas,
        survey.sheet_code(content.office_tag, content.plan_id, sheet.number, page.number),
        left,
        top,
        side,
    )
    _text(canvas, left + side / 2, top + side + 4, f"No. {sheet.number:06d}-{page.number}", 8, GREY, "centre")
    number_line = tr(
        "编号 {number}    第 {page} 页 / 共 {pages} 页",
        number=f"{sheet.number:06d}",
        page=page.number,
        pages=pages,
    )
    if page.number == 1:
        _text(canvas, 88, 22, content.office_name, 10, GREY, "centre")
        _text(canvas, 88, 32, tr("《{title}》", title=term(q.title)), 18, BLACK, "centre")
        _text(canvas, 88, 39, content.plan_title, 10, GREY, "centre")
        _text(canvas, survey.LEFT, 47, number_line, 9.5)
        household = (
            tr("住户:{room}", room=sheet.room)
            if sheet.room
            else tr("住户:______栋______单元______室(可不填)")
        )
        if not sheet.room and sheet.building:
            household = tr("楼栋:{building}    单元、房号:____________(可不填)", building=sheet.building)
        _text(canvas, 95, 47, household, 9.5)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.rect(survey.LEFT * mm, _y(76), (survey.RIGHT - survey.LEFT) * mm, 25 * mm, stroke=1, fill=0)
        _paragraph(
            canvas,
            tr("尊敬的业主/住户:") + term(content.notice),
            survey.LEFT + 2,
            53,
            survey.RIGHT - survey.LEFT - 4,
            21,
            9.5,
        )
        _how_to(canvas, 79)
    else:
        _text(
            canvas,
            survey.LEFT,
            24,
            tr("《{title}》(续)  {plan}", title=term(q.title), plan=content.plan_title),
            11,
        )
        _text(canvas, survey.LEFT, 32, number_line, 9.5)
    for row in page.rows:
        _row(canvas, row, q)
    canvas.setFillColor(GREY)
    _text(
        canvas,
        105,
        292,
        f"{content.office_name}    {number_line}",
        8,
        GREY,
        "centre",
    )


def _row(canvas: Canvas, row: survey.LaidRow, q: survey.Questionnaire) -> None:
    if row.kind == "header":
        level_y = row.y + (7.0 if q.importance else 5.5)
        for column in row.columns:
            heading = term(column.text, "satisfaction")  # the levels: stored words, shown translated
            _fitted(canvas, column.x + column.width / 2, level_y, heading, column.width, 8.5)
        if q.importance and row.columns:
            sat = row.columns[: len(SATISFACTION)]
            imp = row.columns[len(SATISFACTION) :]
            for group, title in ((sat, tr("满意程度")), (imp, tr("重要程度"))):
                centre = (group[0].x + group[-1].x + group[-1].width) / 2
                _text(canvas, centre, row.y + 2.6, f"—— {title} ——", 7, GREY, "centre")
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.4)
            canvas.line((imp[0].x - 1.5) * mm, _y(row.y), (imp[0].x - 1.5) * mm, _y(row.y + 8))
        _text(canvas, survey.LEFT, level_y, tr("调查项目"), 9, BLACK)
        return
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.4)
    canvas.line(survey.LEFT * mm, _y(row.y + row.height), survey.RIGHT * mm, _y(row.y + row.height))
    if row.kind == "subject":
        _text(canvas, survey.LEFT, row.y + (4.6 if row.hint else 6.0), term(row.title), 10)
        if row.hint:
            _text(canvas, survey.LEFT, row.y + 8.3, term(row.hint), 6.5, GREY)
        for box_row in (row.box_row, row.imp_row):
            if box_row is not None:
                for box in box_row.boxes:
                    _box(canvas, box)
    elif row.kind == "choice" and row.box_row is not None:
        _text(canvas, survey.LEFT, row.y + 4.5, term(row.title), 9.5)
        for box, label in zip(row.box_row.boxes, row.labels, strict=True):
            _box(canvas, box)
            _text(canvas, box.x + box.size + 2, box.y + box.size - 1.3, term(label), 9)
    elif row.kind == "open" and row.text_area is not None:
        _text(canvas, survey.LEFT, row.y + 4.5, term(row.title), 9.5)
        x0, y0, x1, y1 = row.text_area.area
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        y = y0 + 7
        while y < y1:
            canvas.line(x0 * mm, _y(y), x1 * mm, _y(y))
            y += 7


def generate(content: FormContent) -> bytes:
    """Every sheet's pages in order (sheet 1 page 1, page 2, sheet 2 …), A4 portrait."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(survey.PAGE_W * mm, survey.PAGE_H * mm), initialFontName=register())
    canvas.setTitle(f"{term(content.questionnaire.title)} {content.plan_title}")
    canvas.setAuthor(content.office_name)
    canvas.setCreator("回音 Huiyin")
    pages = survey.sheet_pages(content.questionnaire)
    for sheet in content.sheets:
        for page in pages:
            _page(canvas, content, sheet, page, len(pages))
            canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def content_for(office_name: str, plan: survey.SurveyPlan, sheets: list[survey.SurveySheet]) -> FormContent:
    """What to print for these sheets of `plan` (read from the database here, drawn without it)."""
    return FormContent(
        office_name=office_name,
        office_tag=survey.office_tag(),
        plan_id=plan.id,
        plan_title=plan.title,
        notice=plan.notice,
        questionnaire=plan.form(),
        sheets=[SheetLabel(s.number, s.room_label, s.building) for s in sheets],
    )
