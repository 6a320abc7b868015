"""Seeing a file before it goes in (`preview_file`): the first rows as the import will read
them, every unreadable value named; and the column mapping the clerk chose, remembered for
the next file with the same headers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.i18n import tr
from app.ledger import columns as ledger_columns
from app.ledger.columns import ColumnChoice
from app.ledger.export import EXPORT_HEADERS, LEDGER_EXTRA_HEADERS
from app.ledger.owner_import import OWNER_HEADERS, parse_owner_row, read_owner_sheet
from app.ledger.row import Row
from app.ledger.rows import parse_rows, read_ledger_sheet
from app.ledger.sheet import Sheet
from app.models import Department
from app.validation import clean_text

if TYPE_CHECKING:  # the office imports the services; only the type is needed here
    from app.office import Office


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


def when_text(value: Any) -> str:
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
        for item in parse_rows(sheet, policy, departments, office.clock.now(), {}):
            inp, visit = item.inp, item.visit or {}
            values = {
                "受理时间": when_text(inp.received_at), "性质": inp.kind, "渠道": inp.channel,
                "有效性": inp.validity or "", "程度": inp.severity, "类别": inp.category,
                "房号": "-".join(p for p in inp.room.split("-") if p),
                "客户姓名": inp.customer_name, "联系电话": inp.customer_phone, "内容": inp.account,
                "客户要求": inp.request, "责任部门": inp.department, "状态": item.state,
                "办结时间": when_text(item.resolved_at), "处理结果": item.result,
                "回访时间": when_text(visit.get("done_at")), "回访方式": visit.get("method", ""),
                "满意度": visit.get("satisfaction", ""), "回访人": visit.get("visitor_name", ""),
                "回访意见": visit.get("opinion", ""), "编号": inp.ref or item.number, "匿名": "是" if inp.anonymous else "否",
                "并入": item.merge_into,
            }  # fmt: skip
            rows.append(_preview_row(item.row, values, shown, sheet))
    else:
        for number, raw, formulas in sheet.rows[:limit]:
            row = Row.of(sheet, number, raw, formulas)
            room, name, occupant, phone, id_number, move_in, note = parse_owner_row(row, sheet)
            values = {"房号": "-".join(p for p in room if p) if room else "", "姓名": name, "类型": occupant,
                      "联系电话": phone, "身份证号": id_number, "入住日期": when_text(move_in), "备注": note}  # fmt: skip
            rows.append(_preview_row(row, values, shown, sheet))
    return Preview(kind, sheet.header_row, sheet.title, sheet.year, sheet.default_kind, sheet.choices,
                   fields, shown, rows, sheet.total, sheet.headers, sheet.missing)  # fmt: skip


def _preview_row(row: Row, values: dict[str, str], shown: list[str], sheet: Sheet) -> PreviewRow:
    problems: dict[str, str] = {}
    other: list[str] = []
    for column, reason in row.problems.items():
        target = "房号" if column in _ROOM_FIELDS else ("受理时间" if column == "受理时刻" else column)
        if target in shown:
            problems.setdefault(
                target, tr("{column}:{reason}", column=row.short_label(column), reason=reason)
            )
        else:
            other.append(
                tr("{column}:{reason}", column=row.short_label(column), reason=reason)
                if column and not column.startswith("#")
                else reason
            )
    shown_values = {f: ("" if values.get(f) is None else str(values.get(f, ""))) for f in shown}
    for f in shown:
        if f not in values:  # a column only the export writes: shown as it is in the file
            i = sheet.columns.get(f)
            raw = row.values[i] if i is not None else None
            shown_values[f] = when_text(raw) if isinstance(raw, dt.datetime) else clean_text(raw)
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
