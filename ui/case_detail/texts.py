"""How the case window words and tints what it shows: the deadline flags and state chips,
the dates, the buttons' labels, the major report's parts. No widgets here."""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication

from app import case_states, domain
from ui.case_model import NEARLY_DUE, OVERDUE
from ui.palette import (
    CLOSED_BG,
    HEADING_TEXT,
    INFO_BG,
    INFO_TEXT,
    MUTED_TEXT,
    NEARLY_DUE_BG,
    NEARLY_DUE_TEXT,
    OK_BG,
    OK_TEXT,
    OVERDUE_BG,
    OVERDUE_TEXT,
    style,
)

if TYPE_CHECKING:
    from app.models import MajorReport

SUBMITTED = cast(str, QT_TR_NOOP("已提交"))
FLAG_STYLE = {  # the flags are compared as they are and shown through tr()
    OVERDUE: style(OVERDUE_TEXT, OVERDUE_BG, bold=True),
    NEARLY_DUE: style(NEARLY_DUE_TEXT, NEARLY_DUE_BG, bold=True),
    SUBMITTED: style(OK_TEXT, OK_BG),
}
STATE_STYLE = {
    domain.NEW: style(INFO_TEXT, INFO_BG),
    domain.DISPATCHED: style(INFO_TEXT, INFO_BG),
    domain.IN_PROGRESS: style(NEARLY_DUE_TEXT, NEARLY_DUE_BG),
    domain.RESOLVED: style(OK_TEXT, OK_BG),
    domain.CLOSED: style(HEADING_TEXT, CLOSED_BG),
    domain.MERGED: style(HEADING_TEXT, CLOSED_BG),
}
MAJOR_FIELDS: list[tuple[str, str]] = [
    ("content", cast(str, QT_TR_NOOP("投诉内容"))),
    ("cause", cast(str, QT_TR_NOOP("原因"))),
    ("handling", cast(str, QT_TR_NOOP("处理经过"))),
    ("result", cast(str, QT_TR_NOOP("处理结果"))),
    ("lessons", cast(str, QT_TR_NOOP("经验教训"))),
    ("corrective", cast(str, QT_TR_NOOP("纠正预防措施"))),
]
# Step (app/case_states.py) -> button label (with its keyboard mnemonic)
ACTIONS: dict[str, str] = {
    "dispatch": cast(str, QT_TR_NOOP("派工(&D)")),
    "sign": cast(str, QT_TR_NOOP("签收(&S)")),
    "note": cast(str, QT_TR_NOOP("进展/回复业主(&N)")),
    "extend": cast(str, QT_TR_NOOP("延期(&E)")),
    "resolve": cast(str, QT_TR_NOOP("办结(&R)")),
    "close": cast(str, QT_TR_NOOP("关闭案件(&C)")),
    "reopen": cast(str, QT_TR_NOOP("重开(&O)")),
    "merge": cast(str, QT_TR_NOOP("合并(&M)")),
    "typical": cast(str, QT_TR_NOOP("典型案例(&T)")),
    "regrade": cast(str, QT_TR_NOOP("重新定级(&G)")),
    "void": cast(str, QT_TR_NOOP("作废(&V)")),
    # Shown only on the cases they are for (issue 14): complaints, written replies, majors.
    "written": cast(str, QT_TR_NOOP("只要求书面答复")),
    "reply_letter": cast(str, QT_TR_NOOP("附上复函")),
    "answer": cast(str, QT_TR_NOOP("明确答复(&A)")),
    "contain": cast(str, QT_TR_NOOP("先行处置")),  # H21: an urgent case that harms the owner now
}


def fmt(value: dt.datetime | None) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if value else ""


def chip(text: str, style: str) -> str:
    return f'<span style="{style}">&nbsp;{html.escape(text)}&nbsp;</span>'


def due_html(due: dt.datetime | None, flag: str, note: str = "") -> str:
    """A deadline with its status in words (and a tint): never colour alone."""
    if due is None:
        return ""
    text = html.escape(fmt(due))
    if flag:
        text += "&nbsp;&nbsp;" + chip(
            QCoreApplication.translate("CaseDetail", flag), FLAG_STYLE.get(flag, "")
        )
    if note:
        text += f'&nbsp;&nbsp;<span style="color:{MUTED_TEXT};">{html.escape(note)}</span>'
    return text


def report_status(report: MajorReport, now: dt.datetime, nearly_due: dt.timedelta) -> str:
    if report.submitted_at is not None:
        return SUBMITTED
    if report.due < now:
        return OVERDUE
    if report.due - now <= nearly_due:
        return NEARLY_DUE
    return ""


TIMELINE_HEADERS = [
    cast(str, QT_TR_NOOP("时间")),
    cast(str, QT_TR_NOOP("类型")),
    cast(str, QT_TR_NOOP("内容")),
    cast(str, QT_TR_NOOP("经办人")),
]

# Shown under the 处理 fields, not in the bottom row (which has to fit 1366 pixels).
SIDE_ACTIONS = case_states.CASE_SPECIFIC  # 只要求书面答复, 附上复函, 明确答复


def multiline(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")
