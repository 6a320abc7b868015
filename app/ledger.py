"""The Excel case ledger (案件台账) and owners list (业主名册): import and export.

Columns are found by their header in row 1, in any order; unknown columns are ignored.
An import is one transaction: a file with any bad row imports nothing and lists every
problem as ``第N行 列“受理时间”:…`` (N is the spreadsheet's own row number); with
`skip_invalid` the good rows go in and the bad ones are written, with a 错误原因 column,
to ``name.rejected.xlsx`` beside the file. Every case goes through `CaseService`, so the
same rules hold as at the intake form.

Identity on export (编号): a case with its own office number exports it; a case without
one exports its case number instead, so every exported row carries a unique 编号. Importing
that file twice is then refused row by row (编号已被使用) instead of silently doubling the
cases, and because rows are exported in creation order, a fresh data folder hands out the
same case numbers again.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import openpyxl
import peewee as pw
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from app import domain, search
from app.cases import CaseInput, CaseService, actor_name
from app.errors import UserError, ValidationError
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
    write_audit,
)
from app.policy import Policy
from app.staff import StaffService
from app.validation import (
    MAX_TEXT,
    check_length,
    clean_text,
    normalise_id_number,
    normalise_phone,
    parse_datetime,
)

if TYPE_CHECKING:  # the office imports the services; only the type is needed here
    from app.office import Office

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

# The case ledger's columns, in the order export writes them.
LEDGER_HEADERS = [
    "编号", "受理时间", "渠道", "性质", "有效性", "程度", "类别", "楼栋", "单元", "房号", "匿名",
    "客户姓名", "联系电话", "内容", "客户要求", "责任部门", "状态", "办结时间", "处理结果",
    "回访时间", "回访方式", "满意度", "回访人", "回访意见", "并入",
]  # fmt: skip
LEDGER_REQUIRED = ["受理时间", "性质", "内容"]
OWNER_HEADERS = ["楼栋", "单元", "房号", "姓名", "类型", "联系电话", "身份证号", "入住日期", "备注"]
OWNER_REQUIRED = ["楼栋", "房号", "姓名"]
REASON_HEADER = "错误原因"
# Columns written as text cells, so Excel keeps leading zeros and long digit strings.
TEXT_COLUMNS = {"编号", "楼栋", "单元", "房号", "联系电话", "身份证号"}
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DATE_FORMAT = "yyyy-mm-dd"
IMPORT_SIGNER = "台账导入"
_PROGRESS_EVERY = 100
_ROOM_PART = re.compile(r"[0-9A-Za-z]{1,10}")
_ROOM_SUFFIX = re.compile(r"(栋|幢|号楼|座|单元|室|号)$")
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
        return ";".join(parts)


class _Cancelled(Exception):
    """Raised inside the transaction to roll the whole import back."""


class _Rollback(Exception):
    """All-or-nothing import with problems: roll everything back."""


# Reading the sheet ----------------------------------------------------------------------
@dataclass
class _Sheet:
    headers: list[str]  # as found in row 1, in order
    columns: dict[str, int]  # known header -> 0-based index
    rows: list[tuple[int, list[Any], set[int]]]  # (row number, values, indexes holding formulas)


def _read_sheet(path: Path, known: list[str], required: list[str]) -> _Sheet:
    """Row 1 as headers, then every non-empty row; raises UserError for an unusable file."""
    if not path.exists():
        raise UserError(f"找不到文件 {path}")
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise UserError(f"只能导入 .xlsx 文件(Excel 2007 及以后),{path.name} 不是。请在 Excel 中另存为 .xlsx")
    try:
        # Formulas are kept as formulas (not cached values) so that they can be refused:
        # a formula whose value Excel never cached would otherwise read as an empty cell.
        wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UserError(f"无法读取 {path.name}:不是有效的 Excel 文件({exc})") from exc
    try:
        ws = wb.worksheets[0] if wb.worksheets else None
        if ws is None:
            raise UserError(f"{path.name} 里没有工作表")
        it = ws.iter_rows()
        header_cells = next(it, None)
        if header_cells is None:
            raise UserError(f"{path.name} 的第一个工作表是空的")
        headers = [clean_text(c.value) for c in header_cells]
        columns: dict[str, int] = {}
        for i, name in enumerate(headers):
            if name in known:
                if name in columns:
                    raise UserError(f"第1行:列“{name}”出现了两次")
                columns[name] = i
        if not columns:
            raise UserError(
                f"第1行没有找到表头。第1行应是列名,例如:{'、'.join(required)}(可用的列:{'、'.join(known)})"
            )
        missing = [h for h in required if h not in columns]
        if missing:
            raise UserError(f"缺少必需的列:{'、'.join(missing)}(第1行应有这些列名)")
        wanted = set(columns.values())
        rows: list[tuple[int, list[Any], set[int]]] = []
        for number, cells in enumerate(it, start=2):
            values: list[Any] = [None] * len(headers)
            formulas: set[int] = set()
            empty = True
            for i, cell in enumerate(cells[: len(headers)]):
                value = cell.value
                if value is None or (isinstance(value, str) and not value.strip()):
                    continue
                values[i] = value
                if getattr(cell, "data_type", None) == "f":
                    formulas.add(i)
                if i in wanted:
                    empty = False
            if not empty:
                rows.append((number, values, formulas))
        return _Sheet(headers, columns, rows)
    finally:
        wb.close()


class _Row:
    """One spreadsheet row being read; each getter records a problem instead of raising."""

    def __init__(self, number: int, values: list[Any], formulas: set[int], columns: dict[str, int]) -> None:
        self.number = number
        self.values = values
        self.formulas = formulas
        self.columns = columns
        self.problems: dict[str, str] = {}

    def problem(self, column: str, reason: str) -> None:
        self.problems.setdefault(column, reason)

    def raw(self, column: str) -> Any:
        i = self.columns.get(column)
        if i is None:
            return None
        if i in self.formulas:
            self.problem(column, "是公式,请复制该列后用“选择性粘贴→数值”变成普通值再导入")
            return None
        return self.values[i]

    def text(self, column: str, limit: int | None = None, required: bool = False) -> str:
        value = self.raw(column)
        if isinstance(value, dt.datetime | dt.date | dt.time):
            self.problem(column, "被 Excel 当作日期/时间了,请把该列设为“文本”后重新输入")
            return ""
        if isinstance(value, bool):
            text = "是" if value else "否"
        elif isinstance(value, float) and value.is_integer():
            text = str(int(value))
        else:
            text = clean_text(value)
        if required and not text and column not in self.problems:
            self.problem(column, "必须填写")
        elif limit is not None and (reason := check_length(text, limit)):
            self.problem(column, reason)
        return text

    def when(self, column: str, required: bool = False) -> dt.datetime | None:
        value = self.raw(column)
        if value is None or value == "":
            if required and column not in self.problems:
                self.problem(column, "必须填写")
            return None
        if isinstance(value, bool) or isinstance(value, int | float):
            self.problem(column, f"“{value}”是数字,不是日期。请写成 YYYY-MM-DD HH:MM,或把单元格设为日期格式")
            return None
        if isinstance(value, dt.time):
            self.problem(column, "只有时间没有日期,应为 YYYY-MM-DD HH:MM")
            return None
        try:
            return parse_datetime(value)
        except ValueError as exc:
            self.problem(column, str(exc))
            return None

    def choice(self, column: str, allowed: list[str], default: str = "") -> str:
        value = self.text(column) or default
        if value and value not in allowed:
            self.problem(column, f"“{value[:20]}”不在可选项中:{'、'.join(allowed)}")
        return value

    def phone(self, column: str) -> str:
        value = self.raw(column)
        if isinstance(value, float):
            # A phone typed as a number: Excel kept it as a floating-point value, which
            # may already have lost digits. Refuse it with the reason.
            self.problem(
                column, f"号码被 Excel 当作数字存过({value:g}),可能已丢失数字,请把该列设为文本后重新输入"
            )
            return ""
        elif isinstance(value, int) and not isinstance(value, bool):
            text = str(value)  # an exact whole number, e.g. 13812345678: fine
        else:
            text = self.text(column)
        try:
            return normalise_phone(text)
        except ValueError as exc:
            self.problem(column, str(exc))
            return ""

    def id_number(self, column: str) -> str:
        value = self.raw(column)
        if isinstance(value, float):
            self.problem(column, "身份证号被 Excel 当作数字,末几位已丢失,请把该列设为文本后重新输入")
            return ""
        text = str(value) if isinstance(value, int) and not isinstance(value, bool) else self.text(column)
        try:
            return normalise_id_number(text)
        except ValueError as exc:
            if isinstance(value, int):
                self.problem(column, "身份证号被 Excel 当作数字,末几位可能已丢失,请把该列设为文本后重新输入")
            else:
                self.problem(column, str(exc))
            return ""

    def room(self) -> tuple[str, str, str] | None:
        """楼栋/单元/房号 as stored, or None when the row names no room."""
        parts = {}
        for column in ("楼栋", "单元", "房号"):
            text = _ROOM_SUFFIX.sub("", self.text(column).replace(" ", ""))
            if text and not _ROOM_PART.fullmatch(text):
                self.problem(column, f"“{text[:20]}”只能是字母或数字(最多 10 位)")
            parts[column] = text
        if not any(parts.values()):
            return None
        if not parts["楼栋"]:
            self.problem("楼栋", "填写了单元或房号,必须同时填写楼栋")
        if not parts["房号"]:
            self.problem("房号", "填写了楼栋,必须同时填写房号")
        return parts["楼栋"], parts["单元"], parts["房号"]

    def messages(self) -> list[str]:
        out = []
        for column, reason in self.problems.items():
            where = f"列“{column}”" if column else ""
            out.append(f"第{self.number}行 {where}:{reason}" if where else f"第{self.number}行:{reason}")
        return out

    def reason_text(self) -> str:
        return ";".join(f"{c}:{r}" if c else r for c, r in self.problems.items())


def _yes_no(row: _Row, column: str) -> bool | None:
    value = row.text(column)
    if not value:
        return None
    if value in ("是", "Y", "y", "YES", "Yes", "yes", "TRUE", "True", "true", "1", "√"):
        return True
    if value in ("否", "N", "n", "NO", "No", "no", "FALSE", "False", "false", "0"):
        return False
    row.problem(column, f"“{value[:10]}”应为 是 或 否")
    return None


# The case ledger ------------------------------------------------------------------------
@dataclass
class _LedgerRow:
    row: _Row
    inp: CaseInput
    state: str
    resolved_at: dt.datetime | None
    result: str
    visit: dict[str, Any] | None
    merge_into: str
    new_category: str | None
    new_department: str | None


def _parse_ledger_row(
    row: _Row, policy: Policy, departments: set[str], now: dt.datetime, refs: dict[str, int]
) -> _LedgerRow:
    received = row.when("受理时间", required=True)
    if received is not None and received > now + dt.timedelta(minutes=10):
        row.problem("受理时间", "不能晚于现在")
    ref = row.text("编号", 40)
    if ref:
        if ref in refs:
            row.problem("编号", f"与第{refs[ref]}行的编号“{ref}”重复")
        else:
            refs[ref] = row.number
    kind = row.choice("性质", domain.KINDS)
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
    anonymous = _yes_no(row, "匿名")
    if anonymous is None:  # no 匿名 column or an empty cell: no name and no phone is anonymous
        anonymous = not name and row.raw("联系电话") in (None, "")
    inp = CaseInput(
        account=row.text("内容", MAX_TEXT, required=True),
        kind=kind,
        received_at=received,
        channel=row.choice("渠道", policy.channels, "电话"),
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
    )
    state = row.choice("状态", domain.STATES)
    resolved_at = row.when("办结时间")
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
    return _LedgerRow(
        row, inp, state, resolved_at, result, _parse_visit(row, received, now), merge_into,
        new_category, new_department,
    )  # fmt: skip


def _parse_visit(row: _Row, received: dt.datetime | None, now: dt.datetime) -> dict[str, Any] | None:
    done_at = row.when("回访时间")
    method = row.choice("回访方式", domain.VISIT_METHODS)
    satisfaction = row.choice("满意度", domain.SATISFACTION)
    visitor = row.text("回访人", 40)
    opinion = row.text("回访意见", MAX_TEXT)
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


def _check_problems(row: _Row, exc: ValidationError) -> None:
    for label, reason in exc.problems.items():
        row.problem(_CHECK_COLUMNS.get(label, label), reason)


def import_ledger(
    office: Office,
    path: Path,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    actor: Staff | None = None,
) -> ImportReport:
    """Read the case ledger at `path` into the office's cases; see the module docstring."""
    sheet = _read_sheet(Path(path), LEDGER_HEADERS, LEDGER_REQUIRED)
    service = office.cases
    total = len(sheet.rows)
    report = ImportReport()
    if progress:
        progress(0, total)
    bad: list[_Row] = []
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
            parsed = []
            for number, values, formulas in sheet.rows:
                row = _Row(number, values, formulas, sheet.columns)
                parsed.append(_parse_ledger_row(row, policy, departments, now, refs))

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
                if progress and done % _PROGRESS_EVERY == 0:
                    progress(done, total)
            bulk.flush()
            for item in deferred:
                store(item)
                done += 1
            bulk.flush()
            if progress:
                progress(total, total)
            if cancelled and cancelled():
                raise _Cancelled
            bad.sort(key=lambda r: r.number)
            report.problems = [m for r in bad for m in r.messages()]
            if bad and not skip_invalid:
                raise _Rollback
            if used_categories:
                saved = service.policy()
                saved.data["categories"] = saved.categories + used_categories
                office.policies.save(saved)
            report.added_categories = used_categories
            report.added_departments = added_departments
            if bad:
                report.rejected_file = _write_rejected(Path(path), sheet, bad)
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
        self.new_rooms: list[str] = []

    def fits(self, item: _LedgerRow) -> bool:
        if item.state not in ("", domain.NEW, domain.RESOLVED, domain.CLOSED):
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
                self.new_rooms.append("-".join(p for p in parts if p))
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

    def flush(self) -> None:
        if self.new_rooms:
            write_audit(
                [
                    {
                        "action": "新建",
                        "table": "room",
                        "record_id": "台账导入",
                        "field": "",
                        "old": None,
                        "new": f"{len(self.new_rooms)} 个房号:" + "、".join(self.new_rooms),
                    }
                ]
            )
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
            number = f"{self.policy.case_prefix}-{received.year}-{self._number(received.year):05d}"
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
                if item.visit is None:
                    to_plan.append(case_id)
            cases.append(row)
            index.append((case_id, [
                number, ref_text(v["ref"]), room_labels.get(v["room"], "") if v["room"] else "",
                str(v["customer_name"]), str(v["customer_phone"]), kind, str(v["category"]), str(v["party"]),
                str(v["event_place"]), str(v["account"]), str(v["request"]), row["result"], *texts,
            ]))  # fmt: skip
        for model, rows in ((Case, cases), (CaseEvent, events), (MajorReport, reports), (Visit, visits)):
            _insert_rows(model, rows)
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


def _insert_rows(model: type[pw.Model], rows: list[dict[str, Any]]) -> None:
    """INSERT many rows at once, each value converted by its field as peewee would; peewee's
    own insert_many spends most of a large import building SQL."""
    if not rows:
        return
    given = list(rows[0])
    fields = [model._meta.fields[name] for name in given]
    defaults = [f for f in model._meta.sorted_fields if f.name not in rows[0] and f.default is not None]
    columns = ", ".join(f'"{f.column_name}"' for f in fields + defaults)
    marks = ", ".join("?" for _ in fields + defaults)
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'
    data = []
    for row in rows:
        values = [f.db_value(row[f.name]) for f in fields]
        values += [f.db_value(f.default() if callable(f.default) else f.default) for f in defaults]
        data.append(values)
    db.connection().cursor().executemany(sql, data)


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
        service.resolve(case, item.result, actor, at=item.resolved_at, plan_visit=item.visit is None)
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


# The owners list ------------------------------------------------------------------------
def import_owners(
    office: Office,
    path: Path,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportReport:
    """Read the owners list (业主名册): rooms and their occupants. An occupant already on
    file in the same room under the same name is updated, not added twice."""
    sheet = _read_sheet(Path(path), OWNER_HEADERS, OWNER_REQUIRED)
    total = len(sheet.rows)
    report = ImportReport(noun="人")
    if progress:
        progress(0, total)
    bad: list[_Row] = []
    seen: dict[tuple[str, str, str, str], int] = {}
    try:
        with db.atomic():
            for done, (number, values, formulas) in enumerate(sheet.rows, start=1):
                if cancelled and done % 20 == 0 and cancelled():
                    raise _Cancelled
                row = _Row(number, values, formulas, sheet.columns)
                room = row.room()
                if room is None:
                    row.problem("房号", "必须填写楼栋和房号")
                name = row.text("姓名", 40, required=True)
                kind = row.choice("类型", domain.OCCUPANT_TYPES, "业主")
                phone = row.phone("联系电话")
                id_number = row.id_number("身份证号")
                move_in = row.when("入住日期")
                note = row.text("备注", MAX_TEXT)
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
                    owner.occupant_type = kind
                    owner.phone = phone
                    owner.id_number = id_number
                    owner.move_in = move_in.date() if move_in else None
                    owner.note = note
                    owner.active = True
                    owner.save()
                    report.imported += 1
                if progress and (done % _PROGRESS_EVERY == 0 or done == total):
                    progress(done, total)
            if cancelled and cancelled():
                raise _Cancelled
            report.problems = [m for r in bad for m in r.messages()]
            if bad and not skip_invalid:
                raise _Rollback
            if bad:
                report.rejected_file = _write_rejected(Path(path), sheet, bad)
    except _Cancelled:
        return ImportReport(cancelled=True, noun="人")
    except _Rollback:
        report.imported = 0
        report.updated = 0
    return report


# Writing --------------------------------------------------------------------------------
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_WIDTHS = {"内容": 40, "客户要求": 24, "处理结果": 30, "回访意见": 24, "受理时间": 17, "办结时间": 17,
           "回访时间": 17, "编号": 16, "并入": 16, "联系电话": 14, "身份证号": 20, REASON_HEADER: 40}  # fmt: skip


def _new_sheet(headers: list[str]) -> tuple[Any, Any]:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet()
    for i, name in enumerate(headers, start=1):
        ws.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(name, max(8, 2 * len(name) + 2))
    ws.freeze_panes = "A2"
    header = []
    for name in headers:
        cell = WriteOnlyCell(ws, value=name)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center")
        header.append(cell)
    ws.append(header)
    return wb, ws


def _cell(ws: Any, column: str, value: Any) -> Any:
    """One cell written as what it is: text stays text (even '=…' or '0801'), dates are dates."""
    if column in TEXT_COLUMNS:
        cell = WriteOnlyCell(ws, value=value)
        if isinstance(value, str):
            cell.data_type = "s"
        cell.number_format = "@"
        return cell
    if isinstance(value, dt.datetime | dt.date):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = DATETIME_FORMAT if isinstance(value, dt.datetime) else DATE_FORMAT
        return cell
    if isinstance(value, str) and value.startswith("="):
        cell = WriteOnlyCell(ws, value=value)
        cell.data_type = "s"  # never a formula, whatever the text starts with
        return cell
    return value  # a plain value: no cell object needed (much faster for big exports)


def _save(wb: Any, target: Path) -> None:
    """Save through a temporary file, so a failure never leaves half a workbook behind."""
    tmp = target.with_name(target.name + ".part")
    try:
        wb.save(tmp)
        tmp.replace(target)
    finally:
        if tmp.exists():
            tmp.unlink()


def _write_rejected(path: Path, sheet: _Sheet, rows: Iterable[_Row]) -> Path:
    """The rejected rows with their original headers and a 错误原因 column, beside `path`."""
    target = path.with_name(f"{path.stem}.rejected.xlsx")
    headers = [h for h in sheet.headers if h != REASON_HEADER]
    keep = [i for i, h in enumerate(sheet.headers) if h != REASON_HEADER]
    wb, ws = _new_sheet([*headers, REASON_HEADER])
    for row in rows:
        values = []
        for i in keep:
            value = row.values[i]  # a formula's text is written as text, so the clerk sees it
            if not isinstance(value, str | int | float | bool | dt.datetime | dt.date | dt.time | type(None)):
                value = str(value)  # e.g. an array formula object
            values.append(_cell(ws, sheet.headers[i], value))
        values.append(_cell(ws, REASON_HEADER, f"原第{row.number}行:{row.reason_text()}"))
        ws.append(values)
    _save(wb, target)
    return target


def export_cases(office: Office, path: Path, progress: Progress | None = None) -> int:
    """Every case (merged ones too, with their state) as a ledger that `import_ledger`
    reads back; returns the number of cases written."""
    path = Path(path)
    cases = list(
        Case.select(Case, Room, Department)
        .join(Room, pw.JOIN.LEFT_OUTER, on=(Case.room == Room.id))
        .switch(Case)
        .join(Department, pw.JOIN.LEFT_OUTER, on=(Case.department == Department.id))
        .order_by(Case.id)
    )
    identity = {c.id: c.ref or c.number for c in cases}
    visits: dict[int, Visit] = {}
    done = Visit.select().where(Visit.state == domain.VISIT_DONE, Visit.case.is_null(False))
    for latest in done.order_by(Visit.done_at, Visit.id):
        if latest.case_id is not None:  # always: the query wants a case
            visits[latest.case_id] = latest  # the latest completed visit wins
    total = len(cases)
    if progress:
        progress(0, total)
    wb, ws = _new_sheet(LEDGER_HEADERS)
    for n, case in enumerate(cases, start=1):
        room = case.room if case.room_id else None
        visit = visits.get(case.id)
        values: dict[str, Any] = {
            "编号": identity[case.id],
            "受理时间": case.received_at,
            "渠道": case.channel,
            "性质": case.kind,
            "有效性": case.validity or None,
            "程度": case.severity,
            "类别": case.category,
            "楼栋": room.building if room else None,
            "单元": (room.unit or None) if room else None,
            "房号": room.number if room else None,
            "匿名": "是" if case.anonymous else "否",
            "客户姓名": case.customer_name or None,
            "联系电话": case.customer_phone or None,
            "内容": case.account,
            "客户要求": case.request or None,
            "责任部门": case.department.name if case.department is not None else None,
            "状态": case.state,
            "办结时间": case.resolved_at,
            "处理结果": (case.result or None) if case.resolved_at else None,
            "回访时间": visit.done_at if visit else None,
            "回访方式": (visit.method or None) if visit else None,
            "满意度": visit.satisfaction if visit else None,
            "回访人": (visit.visitor_name or None) if visit else None,
            "回访意见": (visit.opinion or None) if visit else None,
            "并入": identity.get(case.merged_into_id) if case.merged_into_id else None,
        }
        ws.append([_cell(ws, h, values[h]) for h in LEDGER_HEADERS])
        if progress and (n % _PROGRESS_EVERY == 0 or n == total):
            progress(n, total)
    _save(wb, path)
    return total
