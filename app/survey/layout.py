"""The printed sheet, in millimetres from the top-left corner of A4: where every row, box
and writing area goes page by page (`sheet_pages`), and the code on each page
(HYS1-<office>-<plan>-<sheet>-<page>).

The printer (reports/survey_form.py) and the reader (app/omr.py, through
`app.survey.reading`) both take the layout from here, so the two cannot drift.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

from app import omr
from app.domain import SATISFACTION
from app.models import Setting
from app.survey.questionnaire import Questionnaire
from app.survey.vocabulary import IMPORTANCE

CODE_PREFIX = "HYS1"  # the survey sheet's QR code: HYS1-<office>-<plan>-<sheet>-<page>
CODE = re.compile(r"HYS1-([0-9A-F]{0,8})-(\d+)-(\d+)-(\d+)")

PAGE_W, PAGE_H = 210.0, 297.0
MARK_SIZE = 6.0
MARKS = ((12.0, 12.0), (198.0, 12.0), (12.0, 285.0), (198.0, 285.0))
QR = (166.0, 17.0, 22.0)  # the code's symbol: left, top, side
BOX = 6.0
ROW_H = 9.5
LEFT, RIGHT = 16.0, 194.0
LABEL_W = 48.0
TOP_FIRST = 96.0  # page 1: header, notice and how to tick come first
TOP_NEXT = 46.0
BOTTOM = 270.0
OPEN_H = 30.0
CHOICES_PER_LINE = 4


@dataclass(frozen=True)
class Column:
    """A column header above the boxes (a level's name) and where it is."""

    text: str
    x: float
    width: float


@dataclass(frozen=True)
class LaidRow:
    """What the printer needs to draw one row; `box_row` is what the reader measures."""

    kind: str  # "subject", "choice", "open", "header"
    title: str
    y: float
    height: float
    box_row: omr.BoxRow | None = None
    imp_row: omr.BoxRow | None = None
    labels: tuple[str, ...] = ()  # a choice's option names, one per box
    text_area: omr.TextArea | None = None
    columns: tuple[Column, ...] = ()
    hint: str = ""


@dataclass(frozen=True)
class SheetPage:
    number: int  # from 1
    rows: tuple[LaidRow, ...]
    geometry: omr.PageGeometry


def _columns(importance: bool) -> tuple[tuple[float, float], tuple[float, float] | None]:
    """(left, column width) of the satisfaction boxes, and of the importance boxes if asked."""
    start = LEFT + LABEL_W
    if not importance:
        return (start, (RIGHT - start) / 5), None
    sat_w = 14.0
    imp_left = start + 5 * sat_w + 3
    return (start, sat_w), (imp_left, (RIGHT - imp_left) / 5)


def _boxes(left: float, width: float, y: float, count: int) -> tuple[omr.Box, ...]:
    top = y + (ROW_H - BOX) / 2
    return tuple(omr.Box(left + i * width + (width - BOX) / 2, top, BOX) for i in range(count))


def sheet_pages(q: Questionnaire) -> list[SheetPage]:
    """Where everything goes on the printed sheet, page by page."""
    sat, imp = _columns(q.importance)
    header_cols = tuple(Column(t, sat[0] + i * sat[1], sat[1]) for i, t in enumerate(SATISFACTION))
    if imp is not None:
        header_cols += tuple(Column(t, imp[0] + i * imp[1], imp[1]) for i, t in enumerate(IMPORTANCE))
    blocks: list[tuple[str, Any, float]] = [("header", None, 8.0)]
    blocks += [("subject", s, ROW_H) for s in q.subjects]
    for c in q.choices:
        lines = math.ceil(len(c.options) / CHOICES_PER_LINE)
        blocks.append(("choice", c, 6.0 + lines * ROW_H))
    blocks += [("open", o, OPEN_H) for o in q.open]

    pages: list[list[LaidRow]] = [[]]
    y = TOP_FIRST
    for kind, item, height in blocks:
        if y + height > BOTTOM:
            pages.append([])
            y = TOP_NEXT
            if kind == "subject":
                pages[-1].append(LaidRow("header", "", y, 8.0, columns=header_cols))
                y += 8.0
        area = (LEFT - 1, y, RIGHT + 1, y + height)
        if kind == "header":
            pages[-1].append(LaidRow("header", "", y, height, columns=header_cols))
        elif kind == "subject":
            row = omr.BoxRow(item.key, _boxes(sat[0], sat[1], y, 5), area)
            imp_row = None
            if imp is not None:
                imp_row = omr.BoxRow(f"{item.key}.imp", _boxes(imp[0], imp[1], y, 5), area)
            pages[-1].append(LaidRow("subject", item.title, y, height, row, imp_row, hint=item.hint))
        elif kind == "choice":
            width = (RIGHT - LEFT) / CHOICES_PER_LINE
            boxes = []
            for i, _ in enumerate(item.options):
                line, col = divmod(i, CHOICES_PER_LINE)
                boxes.append(omr.Box(LEFT + col * width, y + 6.0 + line * ROW_H + (ROW_H - BOX) / 2, BOX))
            row = omr.BoxRow(item.key, tuple(boxes), area, item.multiple)
            pages[-1].append(LaidRow("choice", item.title, y, height, row, labels=tuple(item.options)))
        else:
            text = omr.TextArea(item.key, (LEFT, y + 6.0, RIGHT, y + height - 1.0))
            pages[-1].append(LaidRow("open", item.title, y, height, text_area=text))
        y += height
    out = []
    for number, rows in enumerate(pages, start=1):
        box_rows = [r.box_row for r in rows if r.box_row] + [r.imp_row for r in rows if r.imp_row]
        geometry = omr.PageGeometry(
            PAGE_W,
            PAGE_H,
            MARKS,
            MARK_SIZE,
            QR,
            tuple(b for b in box_rows if b is not None),
            tuple(r.text_area for r in rows if r.text_area),
        )
        out.append(SheetPage(number, tuple(rows), geometry))
    return out


def office_tag() -> str:
    """The first 8 characters of the office's identity, upper case (in every sheet's code)."""
    row = Setting.get_or_none(Setting.key == "office_id")
    if row is None:
        return ""
    try:
        return str(json.loads(row.value))[:8].upper()
    except (ValueError, TypeError):
        return ""


def sheet_code(office: str, plan_id: int, sheet_number: int, page: int) -> str:
    return f"{CODE_PREFIX}-{office}-{plan_id}-{sheet_number}-{page}"


@dataclass(frozen=True)
class CodeParts:
    office: str
    plan: int
    sheet: int
    page: int


def parse_code(text: str) -> CodeParts | None:
    found = CODE.fullmatch((text or "").strip().upper())
    if not found:
        return None
    return CodeParts(found.group(1), int(found.group(2)), int(found.group(3)), int(found.group(4)))
