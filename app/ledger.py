"""The Excel case ledger (案件台账) and owners list (业主名册): import and export.

The header row is found among the first ten rows (an office's title rows above it are
skipped), and each column goes to a field by its name or a synonym (`app.ledger_columns`:
日期→受理时间, 投诉人→客户姓名, 投诉事由→内容 …); a `mapping` {header: field or 不导入}
corrects that. Values are read as offices type them (a room in one cell, "2026.9.5" or
"9月4日", Excel date numbers, phones with spaces, 满意/不满意 and kinds in words).
`preview_file` shows the first rows as they will be read, before anything is written.
Reading and writing cells is `app.ledger_sheet`; the synonym table is `app.ledger_columns`.

An import is one transaction: a file with any bad row imports nothing and lists every
problem as ``第N行 列“日期”(受理时间):…`` (N is the spreadsheet's own row number, the column
as the file names it); with `skip_invalid` the good rows go in and the bad ones are
written, with a 错误原因 column, to ``name.rejected.xlsx`` beside the file. Every case goes
through `CaseService`'s checks, so the same rules hold as at the intake form.

The program's own export (`export_cases`, in `app.ledger_export`) comes back whole: after the 25 ledger columns it
writes `LEDGER_EXTRA_HEADERS` (案件号, deadlines, closing and voiding, the visit sample),
and sheets 回访 (every visit in every state), 重大投诉报告, 回访记录表 (the form ledger) and
公开信. A file with the 案件号 column is read as such an export; any other file (an older
25-column export, an office's own sheet) imports as before.

Identity on export (编号): a case with its own office number exports it; a case without
one exports its case number instead, so every exported row carries a unique 编号. Importing
that file twice is then refused row by row (编号/案件号已被使用) instead of silently doubling
the cases.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import peewee as pw

from app import audit, domain, ledger_columns, search
from app.cases import CaseInput, CaseService, actor_name
from app.errors import UserError, ValidationError
from app.ledger_columns import ColumnChoice
from app.ledger_export import (
    EXPORT_HEADERS,
    EXTRA_SHEETS,
    LEDGER_EXTRA_HEADERS,
    LEDGER_HEADERS,
    LEDGER_REQUIRED,
    SAMPLE_WORDS,
    VISIT_SHEET,
    export_cases,
    is_own_export,
    parse_extras,
    restore,
)
from app.ledger_sheet import (
    IMPORT_SIGNER,
    PROGRESS_EVERY,
    Row,
    Sheet,
    insert_rows,
    read_sheet,
    write_rejected,
    yes_no,
)
from app.models import (
    Case,
    CaseEvent,
    Department,
    MajorReport,
    Owner,
    Room,
    Sequence,
    Staff,
    Visit,
    db,
    tuple_rows,
)
from app.owner_files import apply_imported_details
from app.permissions import require
from app.policy import Policy
from app.staff import StaffService
from app.validation import (
    MAX_TEXT,
    clean_text,
)

if TYPE_CHECKING:  # the office imports the services; only the type is needed here
    from app.office import Office

log = logging.getLogger(__name__)

# What callers use from here (the export lives in app.ledger_export, the cells in app.ledger_sheet).
__all__ = [
    "EXPORT_HEADERS", "LEDGER_EXTRA_HEADERS", "LEDGER_FIELDS", "LEDGER_HEADERS", "OWNER_FIELDS", "OWNER_HEADERS",
    "ImportReport", "Preview", "PreviewRow", "export_cases", "import_ledger", "import_owners", "preview_file",
    "read_ledger_sheet", "read_owner_sheet", "remember_mapping", "remembered_mapping",
]  # fmt: skip

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

OWNER_HEADERS = ["楼栋", "单元", "房号", "姓名", "类型", "联系电话", "身份证号", "入住日期", "备注"]
OWNER_REQUIRED = ["楼栋", "房号", "姓名"]
# CaseService.check's field labels -> the ledger column they come from.
_CHECK_COLUMNS = {"客户": "客户姓名"}


@dataclass
class ImportReport:
    """What an import (or export) did, for the command line and the import dialog."""

    imported: int = 0
    problems: list[str] = field(default_factory=list)
    added_categories: list[str] = field(default_factory=list)
    rejected_file: Path | None = None
    cancelled: bool = False
    added_departments: list[str] = field(default_factory=list)
    updated: int = 0  # owners already on file whose details were replaced
    noun: str = "件"  # 件 for cases, 人 for owners
    exported_to: Path | None = None  # set for an export
    failed: str = ""  # the file could not be read at all
    kept: list[str] = field(default_factory=list)  # blank cells that kept the value on file

    def summary(self) -> str:
        if self.failed:
            return f"未导入:{self.failed}"
        if self.exported_to is not None:
            return f"已导出 {self.imported} {self.noun}到 {self.exported_to}"
        if self.cancelled:
            return "已取消,未导入任何内容"
        if self.problems and self.rejected_file is None:
            return f"发现 {len(self.problems)} 处错误,未导入任何内容。请改正后重新导入,或选择“跳过错误行”。"
        parts = [f"导入 {self.imported} {self.noun}"]
        if self.updated:
            parts[0] += f"(其中 {self.updated} {self.noun}已在名册中,已更新)"
        if self.added_categories:
            parts.append(f"新增类别:{'、'.join(self.added_categories)}")
        if self.added_departments:
            parts.append(f"新增部门:{'、'.join(self.added_departments)}")
        if self.rejected_file is not None:
            rows = len({p.split(" ", 1)[0] for p in self.problems})
            parts.append(f"跳过 {rows} 行,已写入 {self.rejected_file}")
        if self.kept:
            parts.append(f"{len(self.kept)} 处空格保留了原有资料(要清除请在业主档案中修改)")
        return ";".join(parts)


class _Cancelled(Exception):
    """Raised inside the transaction to roll the whole import back."""


class _Rollback(Exception):
    """All-or-nothing import with problems: roll everything back."""


# The case ledger ------------------------------------------------------------------------
@dataclass
class _LedgerRow:
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


def _parse_ledger_row(
    row: Row,
    policy: Policy,
    departments: set[str],
    now: dt.datetime,
    refs: dict[str, int],
    default_kind: str = "",
    visits_elsewhere: bool = False,
) -> _LedgerRow:
    received = row.when("受理时间", required=True)
    if received is not None and "受理时刻" in row.columns:
        at = row.time_of_day("受理时刻")
        if at is not None:
            received = dt.datetime.combine(received.date(), at)
            row.date_only.discard("受理时间")
    if received is not None and received > now + dt.timedelta(minutes=10):
        row.problem("受理时间", "不能晚于现在")
    ref = row.text("编号", 40)
    if ref:
        if ref in refs:
            row.problem("编号", f"与第{refs[ref]}行的编号“{ref}”重复")
        else:
            refs[ref] = row.number
    kind = row.choice("性质", domain.KINDS, default_kind, ledger_columns.KIND_WORDS)
    if not kind and "性质" not in row.problems:
        row.problem("性质", "必须填写")
    validity = row.choice("有效性", domain.VALIDITIES)
    if validity and kind and kind != "投诉":
        row.problem("有效性", "只有投诉才分有效性")
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
            row.problem("办结时间", "不能早于受理时间")
        elif resolved_at > now + dt.timedelta(minutes=10):
            row.problem("办结时间", "不能晚于现在")
        if not result:
            row.problem("处理结果", "填写了办结时间,必须填写处理结果(没有处理结果不能办结)")
        if state in domain.OPEN_STATES:
            row.problem("状态", f"状态为“{state}”,却填写了办结时间")
    elif state in domain.DONE_STATES:
        row.problem("办结时间", f"状态为“{state}”,必须填写办结时间")
    if state == domain.MERGED and not merge_into:
        row.problem("并入", "状态为“已合并”,必须填写并入哪一件的编号")
    if merge_into and state != domain.MERGED:
        row.problem("并入", f"填写了并入,状态却是“{state}”")
    if state in (domain.DISPATCHED, domain.IN_PROGRESS) and not department:
        row.problem("责任部门", f"状态为“{state}”,必须填写责任部门")
    visit = None if visits_elsewhere else _parse_visit(row, received, resolved_at, now)
    item = _LedgerRow(
        row, inp, state, resolved_at, result, visit, merge_into, new_category, new_department,
        visits_elsewhere=visits_elsewhere,
    )  # fmt: skip
    _parse_restore(item, received, now)
    return item


def _parse_restore(item: _LedgerRow, received: dt.datetime | None, now: dt.datetime) -> None:
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
        row.problem("关闭时间", "状态为“已关闭”,必须填写关闭时间")
    void_reason = row.text("作废原因", MAX_TEXT)
    if item.state == domain.VOID:
        restore["void_reason"] = void_reason or "台账导入:原台账中已作废(未写原因)"
    elif void_reason:
        row.problem("作废原因", f"填写了作废原因,状态却是“{item.state or '未填'}”")
    sample = row.choice("回访抽样", list(SAMPLE_WORDS))
    if sample:
        quarter = row.text("抽样季度", 7)
        if quarter and not re.fullmatch(r"20\d\d-Q[1-4]", quarter):
            row.problem("抽样季度", f"“{quarter}”应写成 2026-Q3 这样")
        restore["decision"] = (SAMPLE_WORDS[sample], row.text("抽样说明", 200), quarter)
    typical = row.text("典型案例说明", MAX_TEXT)
    if typical:
        restore["typical_note"] = typical
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
            row.problem("回访意见", "有回访记录,但表中没有回访日期,也没有完成日期,请补上回访日期列")
            return None
        done_at = resolved_at
    if done_at is not None and received is not None and done_at < received and "回访时间" in row.date_only:
        if done_at.date() == received.date():
            done_at = max(received, resolved_at or received)
    if done_at is None:
        if "回访时间" not in row.problems and (method or satisfaction or visitor or opinion):
            row.problem("回访时间", "填写了回访内容,必须填写回访时间")
        return None
    if received is not None and done_at < received:
        row.problem("回访时间", "不能早于受理时间")
    elif done_at > now + dt.timedelta(minutes=10):
        row.problem("回访时间", "不能晚于现在")
    if not satisfaction and "满意度" not in row.problems:
        row.problem("满意度", "有回访时间,必须填写满意度")
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


def _parse_rows(
    sheet: Sheet, policy: Policy, departments: set[str], now: dt.datetime, refs: dict[str, int]
) -> list[_LedgerRow]:
    visits_elsewhere = VISIT_SHEET in sheet.extra and is_own_export(sheet)
    numbers: dict[str, int] = {}
    parsed = []
    for number, values, formulas in sheet.rows:
        row = Row.of(sheet, number, values, formulas)
        item = _parse_ledger_row(row, policy, departments, now, refs, sheet.default_kind, visits_elsewhere)
        if item.number:
            if item.number in numbers:
                row.problem("案件号", f"与第{numbers[item.number]}行的案件号“{item.number}”重复")
            elif Case.select().where(Case.number == item.number).exists():
                row.problem("案件号", f"案件号“{item.number}”已被另一件使用")
            numbers[item.number] = number
        parsed.append(item)
    return parsed


def _parse_owner_row(
    row: Row, sheet: Sheet
) -> tuple[tuple[str, str, str] | None, str, str, str, str, dt.datetime | None, str]:
    room = row.room()
    if room is None and not row.problems:
        row.problem("房屋" if "房屋" in sheet.columns else "房号", "必须填写楼栋和房号")
    name = row.text("姓名", 40, required=True)
    kind = row.choice("类型", domain.OCCUPANT_TYPES, "业主", ledger_columns.OCCUPANT_WORDS)
    phone = row.phone("联系电话")
    id_number = row.id_number("身份证号")
    move_in = row.when("入住日期")
    note = row.text("备注", MAX_TEXT)
    return room, name, kind, phone, id_number, move_in, note


def read_owner_sheet(
    path: Path, mapping: dict[str, str] | None = None, preview_rows: int | None = None
) -> Sheet:
    """The owners list's first sheet as it will be read."""
    sheet = read_sheet(
        Path(path), OWNER_HEADERS + ["房屋"], ["姓名"], ledger_columns.OWNER_SYNONYMS, mapping,
        check_required=preview_rows is None, limit_rows=preview_rows,
    )  # fmt: skip
    if not {"房号", "房屋"} & set(sheet.columns):
        if preview_rows is not None:
            sheet.missing.append("房号")
            return sheet
        raise UserError(
            f"缺少必需的列:房号(第{sheet.header_row}行应有 楼栋 和 房号 两列,或一列写全房号,"
            "例如 3-2-501;也可在对应关系中指定哪一列是它)"
        )
    return sheet


def _check_problems(row: Row, exc: ValidationError) -> None:
    for label, reason in exc.problems.items():
        row.problem(_CHECK_COLUMNS.get(label, label), reason)


def import_ledger(
    office: Office,
    path: Path,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    actor: Staff | None = None,
    mapping: dict[str, str] | None = None,
) -> ImportReport:
    """Read the case ledger at `path` into the office's cases; see the module docstring.

    `mapping` ({header as in the file: field or 不导入}) corrects the automatic one."""
    require(actor, "ledger.import")
    sheet = read_ledger_sheet(Path(path), mapping)
    service = office.cases
    total = len(sheet.rows)
    report = ImportReport()
    if progress:
        progress(0, total)
    bad: list[Row] = []
    try:
        # IMMEDIATE: take the write lock at once, so the ids handed out below stay ours.
        with db.atomic("IMMEDIATE"):
            base_policy = service.policy()
            policy = Policy(dict(base_policy.data, categories=base_policy.categories))
            departments = {d.name for d in Department.select(Department.name)}
            staff_by_name = {s.name: s for s in Staff.select()}
            now = office.clock.now()
            refs: dict[str, int] = {}
            used_categories: list[str] = []
            added_departments: list[str] = []
            parsed = _parse_rows(sheet, policy, departments, now, refs)
            extras = parse_extras(sheet, parsed, now)

            bulk = _BulkCases(office, policy, actor, now)

            def store(item: _LedgerRow) -> None:
                if item.row.problems:
                    _try_check(service, item, policy)  # every problem of the row at once
                    bad.append(item.row)
                    return
                department = None
                try:
                    if bulk.fits(item):
                        department = bulk.add(item)
                    else:
                        bulk.flush()
                        with db.atomic():  # a savepoint: a row that fails leaves nothing behind
                            department = _store_case(office, item, policy, staff_by_name, actor)
                        bulk.stored_elsewhere(item)
                except ValidationError as exc:
                    _check_problems(item.row, exc)
                    bad.append(item.row)
                    return
                except UserError as exc:
                    item.row.problem("", str(exc))
                    bad.append(item.row)
                    return
                report.imported += 1
                if item.new_category and item.new_category not in used_categories:
                    used_categories.append(item.new_category)
                if department:
                    added_departments.append(department)

            # Rows go in sheet order, so a fresh data folder hands out the same case numbers;
            # a merged case whose target comes later in the sheet waits until the end.
            deferred: list[_LedgerRow] = []
            done = 0
            for item in parsed:
                if cancelled and done % 20 == 0 and cancelled():
                    raise _Cancelled
                if item.state == domain.MERGED and not item.row.problems:
                    bulk.flush()  # the case it merges into may be waiting in the batch
                    if _find_case(item.merge_into) is None:
                        deferred.append(item)
                        continue
                store(item)
                done += 1
                if progress and done % PROGRESS_EVERY == 0:
                    progress(done, total)
            bulk.flush()
            for item in deferred:
                store(item)
                done += 1
            bulk.flush()
            restore([i for i in parsed if i.case_id is not None], extras, staff_by_name, now, actor)
            if progress:
                progress(total, total)
            if cancelled and cancelled():
                raise _Cancelled
            bad.sort(key=lambda r: r.number)
            report.problems = [m for r in bad for m in r.messages()] + extras.problems
            if (bad or extras.problems) and not skip_invalid:
                raise _Rollback
            if used_categories:
                saved = service.policy()
                saved.data["categories"] = saved.categories + used_categories
                office.policies.save(saved)
            report.added_categories = used_categories
            report.added_departments = added_departments
            if bad:
                report.rejected_file = write_rejected(Path(path), sheet, bad)
    except _Cancelled:
        return ImportReport(cancelled=True)
    except _Rollback:
        report.imported = 0
        report.added_categories = []
    return report


class _BulkCases:
    """The fast path for plain rows (new, resolved or closed cases): the service checks
    each row (`CaseService.check`), then the rows are written a few hundred at a time with
    what `CaseService._create_checked`, `resolve` and `close` would write, so 20,000 rows
    take seconds instead of minutes. Rows with more to them (派工, 处理中, 合并) go through
    the service one by one. tests/test_ledger.py compares both paths field by field."""

    BATCH = 500

    def __init__(self, office: Office, policy: Policy, actor: Staff | None, now: dt.datetime) -> None:
        self.service = office.cases
        self.policy = policy
        self.actor = actor
        self.now = now
        self.calendar = self.service.calendar()
        self.rooms = {(r.building, r.unit, r.number): r.id for r in Room.select()}
        self.owner_by_phone: dict[str, int] = {}
        self.owner_by_name: dict[tuple[int, str], int] = {}
        for owner in Owner.select().order_by(Owner.id):
            if owner.active and owner.phone:
                self.owner_by_phone.setdefault(owner.phone, owner.id)
            if owner.room_id is not None:
                self.owner_by_name.setdefault((owner.room_id, owner.name), owner.id)
        refs = tuple_rows(Case.select(Case.ref).where(Case.ref.is_null(False)))
        self.refs: set[str] = {str(row[0]) for row in refs}
        self.departments = {d.name: d for d in Department.select()}
        self.staff_by_name = {s.name: s.id for s in Staff.select()}
        self.sequences: dict[int, int] = {}
        self.next_id = 0
        self.buffer: list[tuple[_LedgerRow, dict[str, Any]]] = []
        self.new_rooms: list[int] = []

    def fits(self, item: _LedgerRow) -> bool:
        if item.state not in ("", domain.NEW, domain.RESOLVED, domain.CLOSED, domain.VOID):
            return False
        return not (item.result and item.resolved_at is None)  # a note goes through the service

    def stored_elsewhere(self, item: _LedgerRow) -> None:
        """A row stored by the service: its number and its ref are taken now."""
        self.sequences.clear()
        self.next_id = 0
        if item.inp.ref:
            self.refs.add(item.inp.ref)
        self.departments = {d.name: d for d in Department.select()}

    def add(self, item: _LedgerRow) -> str | None:
        """Check one row and queue it; returns the name of a department it added."""
        inp = item.inp
        ref, dep_name = inp.ref, clean_text(inp.department)
        # The service's own checks, without its two look-ups per row (done here from memory).
        inp.ref, inp.department = None, ""
        try:
            if item.new_category and item.new_category not in self.policy.data["categories"]:
                self.policy.data["categories"].append(item.new_category)
            checked = self.service.check(inp, self.policy)
        finally:
            inp.ref, inp.department = ref, dep_name
        if ref is not None and ref in self.refs:
            raise ValidationError({"编号": f"编号“{ref}”已被另一件使用"})
        added = None
        if dep_name and dep_name not in self.departments:
            self.departments[dep_name] = self.service_staff_add(dep_name)
            added = dep_name
        if ref is not None:
            self.refs.add(ref)
        v: dict[str, Any] = dict(checked.values)
        v["ref"] = ref
        v["department"] = self.departments[dep_name].id if dep_name else None
        if checked.room_parts is not None:
            v["room"] = self._room(checked.room_parts)
        else:
            v["room"] = None
        v["owner"] = self._owner(v["room"], str(v["customer_name"]), str(v["customer_phone"]))
        self.buffer.append((item, v))
        if len(self.buffer) >= self.BATCH:
            self.flush()
        return added

    def service_staff_add(self, name: str) -> Department:
        try:
            return StaffService().add_department(name)
        except ValidationError as exc:
            raise ValidationError({"责任部门": next(iter(exc.problems.values()))}) from exc

    def _room(self, parts: tuple[str, str, str]) -> int:
        room_id = self.rooms.get(parts)
        if room_id is None:
            # A plain insert: the rooms a ledger brings are written to the audit trail
            # together, once per batch (see flush), not one audited save each.
            try:
                with db.atomic():
                    cursor = db.execute_sql(
                        "INSERT INTO room (building, unit, number) VALUES (?, ?, ?)", parts
                    )
                room_id = self.rooms[parts] = int(cursor.lastrowid)
                self.new_rooms.append(room_id)
            except pw.IntegrityError:  # made meanwhile by a row that went through the service
                found = Room.get(Room.building == parts[0], Room.unit == parts[1], Room.number == parts[2])
                room_id = self.rooms[parts] = found.id
        return room_id

    def _owner(self, room_id: int | None, name: str, phone: str) -> int | None:
        """As `CaseService._owner_for`: by phone first, then by name in the room."""
        if phone and phone in self.owner_by_phone:
            return self.owner_by_phone[phone]
        if room_id is not None and name:
            return self.owner_by_name.get((room_id, name))
        return None

    def _number(self, year: int) -> int:
        if year not in self.sequences:
            row = Sequence.get_or_none(Sequence.name == f"case-{year}")
            self.sequences[year] = int(row.value) if row else 0
        self.sequences[year] += 1
        return self.sequences[year]

    def _keep_number(self, year: int, number: str) -> None:
        """A case number brought in as it was: the year's sequence goes past it."""
        found = re.fullmatch(rf".*-{year}-(\d+)", number)
        if found:
            self._number(year)  # loads the stored value
            self.sequences[year] = max(self.sequences[year] - 1, int(found.group(1)))

    def flush(self) -> None:
        if self.new_rooms:
            # Each room brought in gets its own 新建 entry, as a room made by the service does.
            audit.record_created(Room, self.new_rooms)
            self.new_rooms = []
        if not self.buffer:
            return
        if not self.next_id:
            self.next_id = int(Case.select(pw.fn.MAX(Case.id)).scalar() or 0) + 1
        actor_id = self.actor.id if self.actor else None
        who = actor_name(self.actor)
        cases: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        reports: list[dict[str, Any]] = []
        visits: list[dict[str, Any]] = []
        index: list[tuple[int, list[str]]] = []
        to_plan: list[int] = []
        room_labels = {rid: "-".join(p for p in parts if p) for parts, rid in self.rooms.items()}
        for item, v in self.buffer:
            received: dt.datetime = v["received_at"]
            kind, severity = str(v["kind"]), str(v["severity"])
            deadlines = self.policy.deadlines(received, kind, severity, self.calendar)
            case_id = self.next_id
            self.next_id += 1
            item.case_id = case_id
            prefix = self.policy.case_prefix_for(kind)  # 投诉 TS-, 报修 BX- …, as CaseService
            number = item.number or f"{prefix}-{received.year}-{self._number(received.year):05d}"
            if item.number:
                self._keep_number(received.year, item.number)
            row = dict(
                v, id=case_id, number=number, state=domain.NEW, response_due=deadlines.response_due,
                resolve_due=deadlines.resolve_due, answer_due=deadlines.answer_due, created_by=actor_id,
                updated_at=self.now, first_response_at=None, resolved_at=None, result="", closed_at=None,
                merged_into=None,
            )  # fmt: skip
            texts = [f"{v['channel']}受理:{kind}·{severity}"]
            events.append(dict(case=case_id, at=received, kind=domain.EV_RECEIVED, text=texts[0],
                               actor=actor_id, actor_name=who))  # fmt: skip
            if deadlines.major_report_due is not None:
                reports.append(dict(case=case_id, due=deadlines.major_report_due, content=v["account"]))
            if item.visit is not None:
                visit = item.visit
                visits.append(dict(
                    case=case_id, room=v["room"], attempt=1, due=visit["done_at"].date(),
                    visitor=self.staff_by_name.get(visit["visitor_name"]), visitor_name=visit["visitor_name"],
                    reason=IMPORT_SIGNER, state=domain.VISIT_DONE, method=visit["method"],
                    done_at=visit["done_at"], satisfaction=visit["satisfaction"], opinion=visit["opinion"],
                    created_at=self.now,
                ))  # fmt: skip
            if item.resolved_at is not None:
                result = clean_text(item.result)
                row.update(state=domain.RESOLVED, result=result, resolved_at=item.resolved_at,
                           first_response_at=item.resolved_at)  # fmt: skip
                events.append(dict(case=case_id, at=item.resolved_at, kind=domain.EV_RESOLVED, text=result,
                                   actor=actor_id, actor_name=who))  # fmt: skip
                texts.append(result)
                if item.state == domain.CLOSED:
                    row.update(state=domain.CLOSED, closed_at=self.now)
                    events.append(dict(case=case_id, at=self.now, kind=domain.EV_CLOSED, text="已关闭",
                                       actor=actor_id, actor_name=who))  # fmt: skip
                    texts.append("已关闭")
                if item.visit is None and not item.visits_elsewhere and item.state != domain.VOID:
                    to_plan.append(case_id)
            cases.append(row)
            index.append((case_id, [
                number, ref_text(v["ref"]), room_labels.get(v["room"], "") if v["room"] else "",
                str(v["customer_name"]), kind, str(v["category"]), str(v["party"]),  # no phone: CaseService.search_texts
                str(v["event_place"]), str(v["account"]), str(v["request"]), row["result"], *texts,
            ]))  # fmt: skip
        before = {model: audit.last_id(model) for model in (MajorReport, Visit)}
        for model, rows in ((Case, cases), (CaseEvent, events), (MajorReport, reports), (Visit, visits)):
            insert_rows(model, rows)
        # Written past AuditedModel.save: their 新建 entries, so `check` finds the data as the trail says.
        audit.record_created(Case, [row["id"] for row in cases])
        for model, last in before.items():
            audit.record_created_after(model, last)
        for year, value in self.sequences.items():
            Sequence.insert(name=f"case-{year}", value=value).on_conflict(
                conflict_target=[Sequence.name], update={Sequence.value: value}
            ).execute()
        search.index_many(db.obj, index)
        # What `resolve` does last: the visit planner decides on each handled case.
        if to_plan and self.service.resolved_listeners:
            for chunk in pw.chunked(to_plan, 200):
                for case in Case.select().where(Case.id.in_(chunk)).order_by(Case.id):
                    for listener in self.service.resolved_listeners:
                        listener(case, self.actor)
        self.buffer.clear()


def ref_text(ref: object) -> str:
    return str(ref) if ref else ""


def _try_check(service: CaseService, item: _LedgerRow, policy: Policy) -> None:
    """Run the service's checks on a row already known bad, to list its other problems too."""
    row = item.row
    inp = item.inp
    if "受理时间" in row.problems:
        inp.received_at = None
    if "责任部门" in row.problems or item.new_department:
        inp.department = ""
    try:
        service.check(inp, policy)
    except ValidationError as exc:
        _check_problems(row, exc)


def _store_case(
    office: Office,
    item: _LedgerRow,
    policy: Policy,
    staff_by_name: dict[str, Staff],
    actor: Staff | None,
) -> str | None:
    """Create one row's case (inside the caller's savepoint): intake, handling, visit, merge.
    Returns the name of a department it had to add, if any."""
    service = office.cases
    added = None
    if item.new_department and not Department.select().where(Department.name == item.new_department).exists():
        try:
            office.staff.add_department(item.new_department)
        except ValidationError as exc:
            raise ValidationError({"责任部门": next(iter(exc.problems.values()))}) from exc
        added = item.new_department
    if item.new_category and item.new_category not in policy.data["categories"]:
        policy.data["categories"].append(item.new_category)
    checked = service.check(item.inp, policy)
    case = service._create_checked(checked, policy, actor)
    item.case_id = case.id
    if item.number and item.number != case.number:
        case.number = item.number
        case.save()
        year = case.received_at.year
        found = re.fullmatch(rf".*-{year}-(\d+)", item.number)
        if found:
            Sequence.update(value=pw.fn.MAX(Sequence.value, int(found.group(1)))).where(
                Sequence.name == f"case-{year}"
            ).execute()
    if item.state in (domain.DISPATCHED, domain.IN_PROGRESS) and checked.department is not None:
        slip = service.dispatch(case, checked.department, actor)
        if item.state == domain.IN_PROGRESS:
            service.sign_for(slip, IMPORT_SIGNER, actor)
    # The visit first: a case brought in with its visit done needs no new one planned.
    if item.visit is not None:
        v = item.visit
        Visit.create(
            case=case,
            room=case.room,
            attempt=1,
            due=v["done_at"].date(),
            visitor=staff_by_name.get(v["visitor_name"]),
            visitor_name=v["visitor_name"],
            reason=IMPORT_SIGNER,
            state=domain.VISIT_DONE,
            method=v["method"],
            done_at=v["done_at"],
            satisfaction=v["satisfaction"],
            opinion=v["opinion"],
            created_at=office.clock.now(),
        )
    if item.resolved_at is not None:
        plan = item.visit is None and not item.visits_elsewhere and item.state != domain.VOID
        service.resolve(case, item.result, actor, at=item.resolved_at, plan_visit=plan)
        if item.state == domain.CLOSED:
            service.close(case, actor)
    elif item.result:
        # A result while still open: kept as a progress note, not as the closing result.
        service.add_note(case, item.result, actor)
    if item.state == domain.MERGED:
        target = _find_case(item.merge_into)
        if target is None:
            raise ValidationError({"并入": f"找不到编号为“{item.merge_into}”的案件"})
        try:
            service.merge(case, target, actor)
        except UserError as exc:
            raise ValidationError({"并入": str(exc)}) from exc
    return added


def _find_case(identity: str) -> Case | None:
    """The case a ledger's 编号 names: the office's own number first, then the case number."""
    return Case.get_or_none(Case.ref == identity) or Case.get_or_none(Case.number == identity)


# Seeing the file before it goes in ----------------------------------------------------------
@dataclass
class PreviewRow:
    """One row of the file as it will be read: field -> text shown, field -> problem."""

    number: int
    values: dict[str, str]
    problems: dict[str, str]
    other_problems: list[str]  # problems of columns not shown (or of the row as a whole)


@dataclass
class Preview:
    """What the import will do with a file, before anything is written."""

    kind: str  # "ledger" or "owners"
    header_row: int
    title: str
    year: int | None
    default_kind: str
    choices: list[ColumnChoice]  # every column of the file and the field it goes to
    fields: list[str]  # the fields a column may be given, in the program's order
    shown: list[str]  # the fields shown in the preview, in that order
    rows: list[PreviewRow]
    total: int | None  # data rows in the file (about: as the sheet's size says); None: not known yet
    headers: list[str]
    missing: list[str] = field(default_factory=list)  # required fields no column gives yet

    def mapping_text(self) -> str:
        """列“日期”→受理时间、列“序号”→不导入 …: the mapping in one line for the command line."""
        return "、".join(f"{c.header}→{c.field}" for c in self.choices)

    def as_mapping(self) -> dict[str, str]:
        return {c.header: c.field for c in self.choices}


LEDGER_FIELDS = EXPORT_HEADERS[:25] + ["房屋", "受理时刻"] + LEDGER_EXTRA_HEADERS
OWNER_FIELDS = OWNER_HEADERS[:3] + ["房屋"] + OWNER_HEADERS[3:]
_ROOM_FIELDS = ("楼栋", "单元", "房号", "房屋")


def _when_text(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return f"{value:%Y-%m-%d}" if value.time() == dt.time() else f"{value:%Y-%m-%d %H:%M}"
    return "" if value is None else str(value)


def preview_file(
    office: Office, kind: str, path: Path, mapping: dict[str, str] | None = None, limit: int = 8
) -> Preview:
    """The first `limit` rows of `path` read as `import_ledger` / `import_owners` would read
    them (nothing is written), every unreadable value named; raises UserError for a file
    that cannot be used at all."""
    if kind == "ledger":
        sheet = read_ledger_sheet(Path(path), mapping, preview_rows=limit)
        fields = LEDGER_FIELDS
    else:
        sheet = read_owner_sheet(Path(path), mapping, preview_rows=limit)
        fields = OWNER_FIELDS
    mapped = set(sheet.columns)
    shown = [f for f in fields if f in mapped and f not in _ROOM_FIELDS[1:] and f != "受理时刻"]
    if mapped & set(_ROOM_FIELDS):  # the room in one column, whichever columns it comes from
        shown = [f for f in shown if f != "楼栋"]
        after = [i for i, f in enumerate(shown) if f in ("受理时间", "性质", "渠道")]
        shown.insert(after[-1] + 1 if after else 0, "房号")
    rows: list[PreviewRow] = []
    if kind == "ledger":
        policy = office.cases.policy()
        departments = {d.name for d in Department.select(Department.name)}
        for item in _parse_rows(sheet, policy, departments, office.clock.now(), {}):
            inp, visit = item.inp, item.visit or {}
            values = {
                "受理时间": _when_text(inp.received_at), "性质": inp.kind, "渠道": inp.channel,
                "有效性": inp.validity or "", "程度": inp.severity, "类别": inp.category,
                "房号": "-".join(p for p in inp.room.split("-") if p),
                "客户姓名": inp.customer_name, "联系电话": inp.customer_phone, "内容": inp.account,
                "客户要求": inp.request, "责任部门": inp.department, "状态": item.state,
                "办结时间": _when_text(item.resolved_at), "处理结果": item.result,
                "回访时间": _when_text(visit.get("done_at")), "回访方式": visit.get("method", ""),
                "满意度": visit.get("satisfaction", ""), "回访人": visit.get("visitor_name", ""),
                "回访意见": visit.get("opinion", ""), "编号": inp.ref or item.number, "匿名": "是" if inp.anonymous else "否",
                "并入": item.merge_into,
            }  # fmt: skip
            rows.append(_preview_row(item.row, values, shown, sheet))
    else:
        for number, raw, formulas in sheet.rows[:limit]:
            row = Row.of(sheet, number, raw, formulas)
            room, name, occupant, phone, id_number, move_in, note = _parse_owner_row(row, sheet)
            values = {"房号": "-".join(p for p in room if p) if room else "", "姓名": name, "类型": occupant,
                      "联系电话": phone, "身份证号": id_number, "入住日期": _when_text(move_in), "备注": note}  # fmt: skip
            rows.append(_preview_row(row, values, shown, sheet))
    return Preview(kind, sheet.header_row, sheet.title, sheet.year, sheet.default_kind, sheet.choices,
                   fields, shown, rows, sheet.total, sheet.headers, sheet.missing)  # fmt: skip


def _preview_row(row: Row, values: dict[str, str], shown: list[str], sheet: Sheet) -> PreviewRow:
    problems: dict[str, str] = {}
    other: list[str] = []
    for column, reason in row.problems.items():
        target = "房号" if column in _ROOM_FIELDS else ("受理时间" if column == "受理时刻" else column)
        if target in shown:
            problems.setdefault(target, f"{row.short_label(column)}:{reason}")
        else:
            other.append(
                f"{row.short_label(column)}:{reason}" if column and not column.startswith("#") else reason
            )
    shown_values = {f: ("" if values.get(f) is None else str(values.get(f, ""))) for f in shown}
    for f in shown:
        if f not in values:  # a column only the export writes: shown as it is in the file
            i = sheet.columns.get(f)
            raw = row.values[i] if i is not None else None
            shown_values[f] = _when_text(raw) if isinstance(raw, dt.datetime) else clean_text(raw)
    return PreviewRow(row.number, shown_values, problems, other)


_MAPPING_KEY = "import_mapping_{}"


def remembered_mapping(office: Office, kind: str, headers: list[str]) -> dict[str, str] | None:
    """The mapping the clerk last used for a file with these same headers, if any."""
    saved = office.setting(_MAPPING_KEY.format(kind), {})  # type: ignore[arg-type]
    found = saved.get(ledger_columns.header_signature(headers)) if isinstance(saved, dict) else None
    return dict(found) if isinstance(found, dict) else None


def remember_mapping(office: Office, kind: str, headers: list[str], mapping: dict[str, str]) -> None:
    """Keeps `mapping` for the next file with the same headers (in the data folder's settings)."""
    stored: object = office.setting(_MAPPING_KEY.format(kind), {})  # type: ignore[arg-type]
    saved: dict[str, Any] = dict(stored) if isinstance(stored, dict) else {}
    saved[ledger_columns.header_signature(headers)] = mapping
    office.set_setting(_MAPPING_KEY.format(kind), saved)


# The owners list ------------------------------------------------------------------------
def import_owners(
    office: Office,
    path: Path,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    mapping: dict[str, str] | None = None,
) -> ImportReport:
    """Read the owners list (业主名册): rooms and their occupants. An occupant already on
    file in the same room under the same name is updated, not added twice. The list may be
    the office's own 花名册 (楼号/房间号/业主姓名/手机 …); `mapping` corrects the columns."""
    require(None, "owner.import")
    sheet = read_owner_sheet(Path(path), mapping)
    total = len(sheet.rows)
    report = ImportReport(noun="人")
    if progress:
        progress(0, total)
    bad: list[Row] = []
    seen: dict[tuple[str, str, str, str], int] = {}
    try:
        with db.atomic():
            for done, (number, values, formulas) in enumerate(sheet.rows, start=1):
                if cancelled and done % 20 == 0 and cancelled():
                    raise _Cancelled
                row = Row.of(sheet, number, values, formulas)
                room, name, kind, phone, id_number, move_in, note = _parse_owner_row(row, sheet)
                if room is not None and name:
                    key = (*room, name)
                    if key in seen:
                        row.problem("姓名", f"与第{seen[key]}行重复(同一房号、同一姓名)")
                    else:
                        seen[key] = number
                if row.problems or room is None:
                    bad.append(row)
                else:
                    room_obj, _ = Room.get_or_create(building=room[0], unit=room[1], number=room[2])
                    owner = Owner.get_or_none(Owner.room == room_obj, Owner.name == name)
                    if owner is None:
                        owner = Owner(room=room_obj, name=name)
                    else:
                        report.updated += 1
                    # only the columns the file has; a blank cell keeps what is on file (reported)
                    details: dict[str, object] = {"类型": kind, "联系电话": phone, "身份证号": id_number}
                    details.update({"备注": note, "入住日期": move_in.date() if move_in else None})
                    report.kept += apply_imported_details(owner, row, details)
                    owner.active = True
                    owner.save()
                    report.imported += 1
                if progress and (done % PROGRESS_EVERY == 0 or done == total):
                    progress(done, total)
            if cancelled and cancelled():
                raise _Cancelled
            report.problems = [m for r in bad for m in r.messages()]
            if bad and not skip_invalid:
                raise _Rollback
            if bad:
                report.rejected_file = write_rejected(Path(path), sheet, bad)
    except _Cancelled:
        return ImportReport(cancelled=True, noun="人")
    except _Rollback:
        report.imported = 0
        report.updated = 0
    return report
