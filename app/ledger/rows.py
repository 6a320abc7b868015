"""The case ledger's rows read as cases: each row's cells to a `CaseInput` and what the case
went through (状态, 办结, 回访, 并入, and what only the program's own export carries), every
unreadable value named by row and column. Nothing is written here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import domain
from app.cases import CaseInput
from app.errors import ValidationError
from app.i18n import term, tr
from app.ledger import columns as ledger_columns
from app.ledger.export import EXPORT_HEADERS, EXTRA_SHEETS, LEDGER_REQUIRED, SAMPLE_WORDS, VISIT_SHEET
from app.ledger.restore import is_own_export
from app.ledger.row import Row, yes_no
from app.ledger.sheet import Sheet, read_sheet
from app.models import Case
from app.policy import Policy
from app.validation import MAX_TEXT

# CaseService.check's field labels -> the ledger column they come from.
CHECK_COLUMNS = {"客户": "客户姓名"}


# The case ledger ------------------------------------------------------------------------
@dataclass
class LedgerRow:
    row: Row
    inp: CaseInput
    state: str
    resolved_at: dt.datetime | None
    result: str
    visit: dict[str, Any] | None
    merge_into: str
    new_category: str | None
    new_department: str | None
    # What only the program's own export carries (see `_parse_restore`); empty for other files.
    restore: dict[str, Any] = field(default_factory=dict)
    number: str = ""  # 案件号: the case number to keep
    visits_elsewhere: bool = False  # the file's 回访 sheet holds this case's visits
    case_id: int | None = None  # set once stored


def parse_ledger_row(
    row: Row,
    policy: Policy,
    departments: set[str],
    now: dt.datetime,
    refs: dict[str, int],
    default_kind: str = "",
    visits_elsewhere: bool = False,
) -> LedgerRow:
    received = row.when("受理时间", required=True)
    if received is not None and "受理时刻" in row.columns:
        at = row.time_of_day("受理时刻")
        if at is not None:
            received = dt.datetime.combine(received.date(), at)
            row.date_only.discard("受理时间")
    if received is not None and received > now + dt.timedelta(minutes=10):
        row.problem("受理时间", tr("不能晚于现在"))
    ref = row.text("编号", 40)
    if ref:
        if ref in refs:
            row.problem("编号", tr("与第{row}行的编号“{ref}”重复", row=refs[ref], ref=ref))
        else:
            refs[ref] = row.number
    kind = row.choice("性质", domain.KINDS, default_kind, ledger_columns.KIND_WORDS)
    if not kind and "性质" not in row.problems:
        row.problem("性质", tr("必须填写"))
    validity = row.choice("有效性", domain.VALIDITIES)
    if validity and kind and kind != "投诉":
        row.problem("有效性", tr("只有投诉才分有效性"))
    category = row.text("类别", 20) or "其他"
    new_category = category if category not in policy.categories and "类别" not in row.problems else None
    department = row.text("责任部门", 40)
    new_department = department if department and department not in departments else None
    room = row.room()
    name = row.text("客户姓名", 40)
    phone = row.phone("联系电话")
    anonymous = yes_no(row, "匿名")
    if anonymous is None:  # no 匿名 column or an empty cell: no name and no phone is anonymous
        anonymous = not name and row.raw("联系电话") in (None, "")
    inp = CaseInput(
        account=row.text("内容", MAX_TEXT, required=True),
        kind=kind,
        received_at=received,
        channel=row.choice("渠道", policy.channels, "电话", ledger_columns.CHANNEL_WORDS),
        anonymous=anonymous,
        room="-".join(room) if room else "",
        customer_name=name,
        customer_phone=phone,
        validity=validity or None,
        severity=row.choice("程度", domain.SEVERITIES, "轻微"),
        category=category,
        subcategory=row.text("细类", 20),
        request=row.text("客户要求", MAX_TEXT),
        department=department,
        ref=ref or None,
        urgency=row.choice("紧急程度", domain.URGENCIES, "一般"),
        event_time=row.when("事发时间"),
        event_place=row.text("事发地点", 100),
        party=row.text("被投诉方", 60),
    )
    state = row.choice("状态", domain.STATES, "", ledger_columns.STATE_WORDS)
    resolved_at = row.when("办结时间")
    if resolved_at is not None and received is not None and resolved_at < received:
        if "办结时间" in row.date_only and resolved_at.date() == received.date():
            resolved_at = received  # "完成日期 9月5日" for a call taken on 9月5日 at 14:30
    result = row.text("处理结果", MAX_TEXT)
    merge_into = row.text("并入", 40)
    if merge_into and not state:
        state = domain.MERGED
    if resolved_at is not None:
        if received is not None and resolved_at < received:
            row.problem("办结时间", tr("不能早于受理时间"))
        elif resolved_at > now + dt.timedelta(minutes=10):
            row.problem("办结时间", tr("不能晚于现在"))
        if not result:
            row.problem("处理结果", tr("填写了办结时间,必须填写处理结果(没有处理结果不能办结)"))
        if state in domain.OPEN_STATES:
            row.problem("状态", tr("状态为“{state}”,却填写了办结时间", state=term(state)))
    elif state in domain.DONE_STATES:
        row.problem("办结时间", tr("状态为“{state}”,必须填写办结时间", state=term(state)))
    if state == domain.MERGED and not merge_into:
        row.problem("并入", tr("状态为“已合并”,必须填写并入哪一件的编号"))
    if merge_into and state != domain.MERGED:
        row.problem("并入", tr("填写了并入,状态却是“{state}”", state=term(state)))
    if state in (domain.DISPATCHED, domain.IN_PROGRESS) and not department:
        row.problem("责任部门", tr("状态为“{state}”,必须填写责任部门", state=term(state)))
    visit = None if visits_elsewhere else _parse_visit(row, received, resolved_at, now)
    item = LedgerRow(
        row, inp, state, resolved_at, result, visit, merge_into, new_category, new_department,
        visits_elsewhere=visits_elsewhere,
    )  # fmt: skip
    _parse_restore(item, received, now)
    return item


def _parse_restore(item: LedgerRow, received: dt.datetime | None, now: dt.datetime) -> None:
    """The columns only the program's own export writes: what a case was beyond its intake."""
    row = item.row
    item.number = row.text("案件号", 20)
    if item.number and item.inp.ref == item.number:
        item.inp.ref = None  # 编号 is the case number itself: the case had no number of its own
    restore: dict[str, Any] = {}
    for column, name in (("首次回复时间", "first_response_at"), ("回复期限", "response_due"),
                         ("办结期限", "resolve_due"), ("答复期限", "answer_due"), ("关闭时间", "closed_at")):  # fmt: skip
        if column in row.columns:
            restore[name] = row.when(column)
    if "关闭时间" in row.columns and item.state == domain.CLOSED and restore.get("closed_at") is None:
        row.problem("关闭时间", tr("状态为“已关闭”,必须填写关闭时间"))
    void_reason = row.text("作废原因", MAX_TEXT)
    if item.state == domain.VOID:
        restore["void_reason"] = void_reason or "台账导入:原台账中已作废(未写原因)"
    elif void_reason:
        row.problem(
            "作废原因",
            tr("填写了作废原因,状态却是“{state}”", state=term(item.state) if item.state else tr("未填")),
        )
    sample = row.choice("回访抽样", list(SAMPLE_WORDS))
    if sample:
        quarter = row.text("抽样季度", 7)
        if quarter and not re.fullmatch(r"20\d\d-Q[1-4]", quarter):
            row.problem("抽样季度", tr("“{quarter}”应写成 2026-Q3 这样", quarter=quarter))
        restore["decision"] = (SAMPLE_WORDS[sample], row.text("抽样说明", 200), quarter)
    typical = row.text("典型案例说明", MAX_TEXT)
    if typical:
        restore["typical_note"] = typical
    if linked := row.text("转自", 40):  # 返工后仍不合格: the first case (H25)
        restore["linked_from"] = linked
    if "先行处置期限" in row.columns and (contain_due := row.when("先行处置期限")) is not None:  # H21
        done = row.when("先行处置时间")
        restore["contain"] = (
            contain_due,
            done,
            row.text("先行处置人", 40),
            row.text("先行处置措施", MAX_TEXT),
        )
        if done is not None and received is not None and done < received:
            row.problem("先行处置时间", tr("不能早于受理时间"))
    item.restore = restore


def _parse_visit(
    row: Row, received: dt.datetime | None, resolved_at: dt.datetime | None, now: dt.datetime
) -> dict[str, Any] | None:
    done_at = row.when("回访时间")
    method = row.choice("回访方式", domain.VISIT_METHODS, "", ledger_columns.METHOD_WORDS)
    satisfaction = row.choice("满意度", domain.SATISFACTION, "", ledger_columns.SATISFACTION_WORDS)
    visitor = row.text("回访人", 40)
    opinion = row.text("回访意见", MAX_TEXT)
    if opinion in ledger_columns.NO_VISIT_WORDS and not (done_at or satisfaction or method):
        return None  # 回访情况 "未回访" / "无": no visit
    if not satisfaction and opinion and "满意度" not in row.problems:
        satisfaction = ledger_columns.satisfaction_in(opinion) or ""  # "电话回访,业主表示满意"
    if not method and opinion:
        method = next((m for w, m in ledger_columns.METHOD_WORDS.items() if len(w) > 2 and w in opinion), "")
    if done_at is None and "回访时间" not in row.columns and (satisfaction or visitor or opinion):
        # The office's sheet keeps no visit date: the visit is dated by the case's 完成日期.
        if resolved_at is None:
            row.problem("回访意见", tr("有回访记录,但表中没有回访日期,也没有完成日期,请补上回访日期列"))
            return None
        done_at = resolved_at
    if done_at is not None and received is not None and done_at < received and "回访时间" in row.date_only:
        if done_at.date() == received.date():
            done_at = max(received, resolved_at or received)
    if done_at is None:
        if "回访时间" not in row.problems and (method or satisfaction or visitor or opinion):
            row.problem("回访时间", tr("填写了回访内容,必须填写回访时间"))
        return None
    if received is not None and done_at < received:
        row.problem("回访时间", tr("不能早于受理时间"))
    elif done_at > now + dt.timedelta(minutes=10):
        row.problem("回访时间", tr("不能晚于现在"))
    if not satisfaction and "满意度" not in row.problems:
        row.problem("满意度", tr("有回访时间,必须填写满意度"))
    return {
        "done_at": done_at,
        "method": method or "电话",
        "satisfaction": satisfaction,
        "visitor_name": visitor,
        "opinion": opinion,
    }


def read_ledger_sheet(
    path: Path, mapping: dict[str, str] | None = None, preview_rows: int | None = None
) -> Sheet:
    """The case ledger's first sheet as it will be read (header row, columns, rows), and
    the export's own extra sheets when present. `preview_rows`: only that many rows, and
    no refusal for a missing column (the preview names it)."""
    return read_sheet(
        Path(path),
        EXPORT_HEADERS,
        LEDGER_REQUIRED,
        ledger_columns.LEDGER_SYNONYMS,
        mapping,
        EXTRA_SHEETS if preview_rows is None else None,
        kind_column="性质",
        check_required=preview_rows is None,
        limit_rows=preview_rows,
    )


def parse_rows(
    sheet: Sheet, policy: Policy, departments: set[str], now: dt.datetime, refs: dict[str, int]
) -> list[LedgerRow]:
    visits_elsewhere = VISIT_SHEET in sheet.extra and is_own_export(sheet)
    numbers: dict[str, int] = {}
    parsed = []
    for number, values, formulas in sheet.rows:
        row = Row.of(sheet, number, values, formulas)
        item = parse_ledger_row(row, policy, departments, now, refs, sheet.default_kind, visits_elsewhere)
        if item.number:
            if item.number in numbers:
                row.problem(
                    "案件号",
                    tr("与第{row}行的案件号“{number}”重复", row=numbers[item.number], number=item.number),
                )
            elif Case.select().where(Case.number == item.number).exists():
                row.problem("案件号", tr("案件号“{number}”已被另一件使用", number=item.number))
            numbers[item.number] = number
        parsed.append(item)
    return parsed


def check_problems(row: Row, exc: ValidationError) -> None:
    for label, reason in exc.problems.items():
        row.problem(CHECK_COLUMNS.get(label, label), reason)


def find_case(identity: str) -> Case | None:
    """The case a ledger's 编号 names: the office's own number first, then the case number."""
    return Case.get_or_none(Case.ref == identity) or Case.get_or_none(Case.number == identity)
