"""The frame every printed sheet shares: A4, the office name in the header, "第 x 页 / 共 y 页".

A report is a class with `_story()` (its flowables) that `generate()` turns into PDF bytes.
"""

from __future__ import annotations

import io
from functools import partial
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle

from app import i18n
from app.i18n import term
from reports.fonts import register
from reports.labels import current_language, labels
from reports.text import CJKText, RuledLines

MARGIN = 15 * mm
INK = colors.HexColor("#111111")
GRID = colors.HexColor("#333333")
SHADE = colors.HexColor("#eef2f5")


class NumberedCanvas(Canvas):
    """Holds each page until the end, so every footer can say how many pages there are."""

    def __init__(self, *args: Any, page_format: str = "第 {0} 页 / 共 {1} 页", **kwargs: Any) -> None:
        kwargs.setdefault("initialFontName", register())
        self.page_format = page_format
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_page_number(total)
            super().showPage()
        super().save()

    def _draw_page_number(self, total: int) -> None:
        width, _ = self._pagesize
        self.setFont(register(), 9)
        self.setFillColor(colors.HexColor("#555555"))
        self.drawCentredString(width / 2, 9 * mm, self.page_format.format(self._pageNumber, total))


def styles() -> dict[str, ParagraphStyle]:
    font = register()
    return {
        "title": ParagraphStyle("title", fontName=font, fontSize=18, leading=24, alignment=1, spaceAfter=4),
        "subtitle": ParagraphStyle(
            "subtitle",
            fontName=font,
            fontSize=10,
            leading=14,
            alignment=1,
            textColor=colors.HexColor("#444444"),
        ),
        "h2": ParagraphStyle("h2", fontName=font, fontSize=12, leading=17, spaceBefore=8, spaceAfter=4),
        "body": ParagraphStyle("body", fontName=font, fontSize=10, leading=14.5, wordWrap="CJK"),
        "small": ParagraphStyle(
            "small",
            fontName=font,
            fontSize=8,
            leading=11,
            wordWrap="CJK",
            textColor=colors.HexColor("#444444"),
        ),
        "cell": ParagraphStyle("cell", fontName=font, fontSize=9.5, leading=13, wordWrap="CJK"),
        "label": ParagraphStyle("label", fontName=font, fontSize=9.5, leading=13, alignment=1),
        "label_en": ParagraphStyle("label_en", fontName=font, fontSize=8.5, leading=10.5, alignment=1),
        # a report table's header in English: small, words kept whole (head_cell)
        "head_en": ParagraphStyle(
            "head_en", fontName=font, fontSize=7.5, leading=9, alignment=1, splitLongWords=False
        ),
        "tiny": ParagraphStyle(
            "tiny",
            fontName=font,
            fontSize=7.5,
            leading=9.5,
            alignment=1,
            textColor=colors.HexColor("#333333"),
        ),
    }


def for_language(chinese: list[float], english: list[float]) -> list[float]:
    """A table's column widths: the English ones give room to its longer words."""
    return chinese if is_cjk() else english


def is_cjk() -> bool:
    """Whether the chosen language (app.i18n) reads Chinese, with words as short as the layouts'."""
    return i18n.language() in ("zh_CN", "zh_TW")


def head_cell(value: str, style: ParagraphStyle) -> Any:
    """A table header's cell: as is in Chinese; a wrapped paragraph (its line breaks kept) in
    English, whose longer words would run past a column drawn for Chinese."""
    if is_cjk():
        return value
    return Paragraph(escape(value).replace("\n", "<br/>"), style)


def text(value: str, size: float = 9.5) -> CJKText:
    """Plain text for a table cell or a block, wrapped by the Chinese rules."""
    return CJKText(value or "", register(), size)


def lines(value: str, count: int, size: float = 9.5) -> RuledLines:
    """`count` ruled lines to write on by hand, with `value` (if any) printed on the first."""
    return RuledLines(value or "", register(), size, lines=count)


RULED_PAD = 2  # points above and below ruled lines in a cell
SIGN_HEIGHT = 12 * mm  # a box to sign in by hand
WRITE_HEIGHT = 8 * mm  # a one-line cell filled in by hand


def ruled_cells(rows: list[list[Any]]) -> list[Any]:
    """Table commands that take the padding off cells holding ruled lines, so they line up."""
    out: list[Any] = []
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if isinstance(cell, RuledLines):
                out += [
                    ("TOPPADDING", (c, r), (c, r), RULED_PAD),
                    ("BOTTOMPADDING", (c, r), (c, r), RULED_PAD),
                    ("VALIGN", (c, r), (c, r), "BOTTOM"),
                ]
    return out


def grid_table(
    rows: list[list[Any]],
    widths: list[float],
    header_rows: int = 0,
    style: list[Any] | None = None,
    row_heights: list[float | None] | None = None,
    min_heights: list[float] | None = None,
) -> Table:
    """A ruled table; `min_heights` lets a row grow past its minimum when its text needs it."""
    table = Table(
        rows, colWidths=widths, rowHeights=row_heights, repeatRows=header_rows, minRowHeights=min_heights
    )
    commands: list[Any] = [
        ("FONTNAME", (0, 0), (-1, -1), register()),
        ("FONTSIZE", (0, 0), (-1, -1), 9.5),
        ("GRID", (0, 0), (-1, -1), 0.6, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), SHADE),
            ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
        ]
    table.setStyle(TableStyle(commands + (style or [])))
    return table


class Report:
    """A printed sheet. Subclasses give `title` and `_story()`; `generate()` returns PDF bytes."""

    title = ""
    landscape = False
    top_margin = 16 * mm
    bottom_margin = 16 * mm
    running_header = True  # office name and title above the line at the top of every page
    frame_padding = 6.0  # points inside the frame, above and below the story

    def __init__(self, office_name: str, language: str | None = None) -> None:
        self.office_name = office_name
        self.styles = styles()
        self.language = language or current_language()  # none given: the process's (app.i18n)
        self.label = labels(self.language)  # the form's fixed words in the chosen language

    def cell_label(self, source: str) -> Any:
        """A label cell: as is in Chinese; in English a paragraph, so longer words wrap."""
        if self.language == "en":
            return Paragraph(self.label(source), self.styles["label_en"])
        return self.label(source)

    def stored(self, value: str, context: str = "") -> str:
        """A stored word the form prints (a kind, state, channel, level): the form's own label
        when it has one, else the program's word in the chosen language (app.i18n.term);
        what people typed stays as typed."""
        shown = self.label(value) if value else value
        return shown if shown != value else term(value, context)

    def date_guide(self) -> str:
        """Where a date is written by hand: 年 月 日 with room between."""
        gap = "\u3000\u3000" if self.language != "en" else "\u2002" * 4
        return self.label("{0}年{1}月{2}日").format(gap, gap, gap)

    @property
    def pagesize(self) -> tuple[float, float]:
        return landscape(A4) if self.landscape else A4

    def _story(self) -> list[Flowable]:
        raise NotImplementedError

    def _on_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        if not self.running_header:
            return
        width, height = self.pagesize
        canvas.saveState()
        canvas.setFont(register(), 9)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(MARGIN, height - 10 * mm, self.office_name)
        canvas.drawRightString(width - MARGIN, height - 10 * mm, self.label(self.title))
        canvas.setStrokeColor(colors.HexColor("#999999"))
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, height - 11.5 * mm, width - MARGIN, height - 11.5 * mm)
        canvas.restoreState()

    def generate(self) -> bytes:
        buffer = io.BytesIO()
        width, height = self.pagesize
        doc = BaseDocTemplate(
            buffer,
            pagesize=self.pagesize,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=self.top_margin,
            bottomMargin=self.bottom_margin,
            title=self.label(self.title),
            author=self.office_name,
            creator="回音 Huiyin",
            initialFontName=register(),
        )
        frame = Frame(
            MARGIN,
            self.bottom_margin,
            width - 2 * MARGIN,
            height - self.top_margin - self.bottom_margin,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=self.frame_padding,
            bottomPadding=self.frame_padding,
        )
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._on_page)])
        page_format = self.label("第 {0} 页 / 共 {1} 页")
        doc.build(self._story(), canvasmaker=partial(NumberedCanvas, page_format=page_format))
        return buffer.getvalue()

    def heading(self, title: str, subtitle: str = "") -> list[Flowable]:
        out: list[Flowable] = [Paragraph(title, self.styles["title"])]
        if subtitle:
            out.append(Paragraph(subtitle, self.styles["subtitle"]))
        return out
