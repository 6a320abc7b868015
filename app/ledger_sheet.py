"""Reading and writing the ledger's spreadsheets: finding the header row and the columns,
reading each cell as offices type it (one `Row` at a time, every problem named by row
and column), and writing sheets whose text stays text. Shared by `app.ledger` (the case
ledger and the owners list) and `app.ledger_export` (the program's own export)."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
import peewee as pw
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from app import ledger_columns
from app.errors import UserError, write_bytes
from app.ledger_columns import ColumnChoice
from app.models import db
from app.validation import check_length, clean_text, normalise_id_number, normalise_phone, parse_datetime
from app.xlsx_check import check_xlsx

log = logging.getLogger(__name__)

REASON_HEADER = "错误原因"
# Columns written as text cells, so Excel keeps leading zeros and long digit strings.
TEXT_COLUMNS = {"编号", "楼栋", "单元", "房号", "联系电话", "身份证号", "案件号", "表单编号"}
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DATE_FORMAT = "yyyy-mm-dd"
IMPORT_SIGNER = "台账导入"
PROGRESS_EVERY = 100  # rows between two progress reports
ROOM_PART = re.compile(r"[0-9A-Za-z]{1,10}")
ROOM_SUFFIX = re.compile(r"(栋|幢|号楼|座|单元|室|号)$")


# Reading the sheet ----------------------------------------------------------------------
@dataclass
class Sheet:
    headers: list[str]  # as found in the header row, in order
    columns: dict[str, int]  # field -> 0-based index
    rows: list[tuple[int, list[Any], set[int]]]  # (row number, values, indexes holding formulas)
    header_row: int = 1  # the spreadsheet's own row number of the headers
    year: int | None = None  # the year named by the title, the sheet or the file
    title: str = ""  # the text above the headers (an office's title row), if any
    choices: list[ColumnChoice] = field(default_factory=list)  # every column and where it goes
    extra: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # the export's other sheets
    default_kind: str = ""  # 性质 for every row, from the title, when the sheet has no such column
    missing: list[str] = field(default_factory=list)  # required fields no column gives (a preview)
    total: int | None = 0  # data rows (for a preview read only in part: as the sheet's size says, if it does)


def open_workbook(path: Path) -> Any:
    """The workbook, read-only, once `app.xlsx_check` has found nothing to refuse in it
    (oversized cells or sheets, a zip bomb, malformed XML, an .xls renamed, a password)."""
    if not path.exists():
        raise UserError(f"找不到文件 {path}")
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise UserError(f"只能导入 .xlsx 文件(Excel 2007 及以后),{path.name} 不是。请在 Excel 中另存为 .xlsx")
    check_xlsx(path)
    try:
        # Formulas are kept as formulas (not cached values) so that they can be refused:
        # a formula whose value Excel never cached would otherwise read as an empty cell.
        return openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001 - whatever openpyxl meets in a damaged file, said in words
        log.warning("cannot open %s", path, exc_info=True)
        raise UserError(unreadable_words(path)) from exc


def unreadable_words(path: Path) -> str:
    return (
        f"{path.name} 已损坏或不是 Excel 能正常保存的格式,无法读取。"
        "请在 Excel 中打开它并另存为 .xlsx 后再导入;若 Excel 也打不开,请找回原来的文件"
    )


def read_sheet(
    path: Path,
    known: list[str],
    required: list[str],
    synonyms: dict[str, list[str]] | None = None,
    mapping: dict[str, str] | None = None,
    extra_sheets: dict[str, list[str]] | None = None,
    kind_column: str | None = None,
    check_required: bool = True,
    limit_rows: int | None = None,
) -> Sheet:
    """The header row (the first ten rows are searched, below any title rows), the columns
    each field comes from (the synonym table, then `mapping` {header: field or 不导入} on top),
    then every non-empty row; raises UserError for an unusable file.

    `kind_column`: a required column the title may stand in for (性质 from a "投诉登记台账"
    title, the sheet's name or the file's name); the kind found is `sheet.default_kind`."""
    path = Path(path)
    table = synonyms if synonyms is not None else {name: [] for name in known}
    wb = open_workbook(path)
    try:
        ws = wb.worksheets[0] if wb.worksheets else None
        if ws is None:
            raise UserError(f"{path.name} 里没有工作表")
        # The rows the header may be in are read first; the rest stream past (a big sheet
        # is never held as cell objects).
        it = ws.iter_rows()
        first_rows = list(itertools.islice(it, ledger_columns.HEADER_SEARCH_ROWS))
        if not first_rows:
            raise UserError(f"{path.name} 的第一个工作表是空的")
        top = [[c.value for c in cells] for cells in first_rows]
        found = ledger_columns.find_header_row(top, table)
        if found is None:
            raise UserError(
                f"前{min(len(top), ledger_columns.HEADER_SEARCH_ROWS)}行没有找到表头。表头行应是列名,"
                f"例如:{'、'.join(required)}(可用的列:{'、'.join(known)})"
            )
        header_number = found + 1
        headers = [clean_text(v) if not isinstance(v, dt.datetime | dt.date) else str(v) for v in top[found]]
        title = " ".join(clean_text(v) for r in top[:found] for v in r if clean_text(v))
        year = ledger_columns.year_from([title, str(ws.title or ""), path.stem])
        auto = ledger_columns.auto_mapping(headers, table)
        columns: dict[str, int] = {}
        choices: list[ledger_columns.ColumnChoice] = []
        for i, name in enumerate(headers):
            if not name:
                continue
            field_name = auto.get(i)
            automatic = True
            if mapping and name in mapping:
                chosen = mapping[name]
                automatic = chosen == field_name
                field_name = None if chosen == ledger_columns.SKIP else chosen
            exact = ledger_columns.field_for_header(name, table)
            if field_name is None and exact is not None and exact in columns:
                if exact == name and not (mapping and name in mapping):
                    raise UserError(f"第{header_number}行:列“{name}”出现了两次")
            if field_name is not None:
                if field_name in columns:
                    raise UserError(
                        f"第{header_number}行:列“{headers[columns[field_name]]}”和列“{name}”"
                        f"都对应“{field_name}”,请在对应关系中只保留一列"
                    )
                columns[field_name] = i
            choices.append(ledger_columns.ColumnChoice(i, name, field_name or ledger_columns.SKIP, automatic))
        if not columns:
            raise UserError(
                f"第{header_number}行没有找到表头。表头行应是列名,例如:{'、'.join(required)}"
                f"(可用的列:{'、'.join(known)})"
            )
        default_kind = ""
        if kind_column is not None and kind_column not in columns:
            default_kind = ledger_columns.kind_from([title, str(ws.title or ""), path.stem]) or ""
        missing = [h for h in required if h not in columns and not (h == kind_column and default_kind)]
        if missing and check_required:
            raise UserError(
                f"缺少必需的列:{'、'.join(missing)}(第{header_number}行应有这些列名,"
                "或在对应关系中指定哪一列是它)"
            )
        wanted = set(columns.values())
        rows: list[tuple[int, list[Any], set[int]]] = []
        data_rows: Iterable[Any] = itertools.chain(first_rows[found + 1 :], it)
        if limit_rows is not None:  # a preview: the first few rows only
            data_rows = itertools.islice(data_rows, limit_rows)
        for number, cells in enumerate(data_rows, start=header_number + 1):
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
        extra: dict[str, list[dict[str, Any]]] = {}
        for sheet_name, sheet_headers in (extra_sheets or {}).items():
            if sheet_name in wb.sheetnames:
                extra[sheet_name] = read_plain_sheet(wb[sheet_name], sheet_headers)
        if limit_rows is not None:
            rows = rows[:limit_rows]
        total: int | None = len(rows)
        if limit_rows is not None and len(rows) >= limit_rows:
            # Only part was read: the sheet's own size says how many (a file that does not
            # record its size, as some programs write them, leaves it unknown).
            size = (ws.max_row or 0) - header_number
            total = size if size >= len(rows) and size > 0 else None
        return Sheet(
            headers, columns, rows, header_number, year, title, choices, extra, default_kind, missing, total
        )
    except UserError:
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl reads lazily: a damaged part fails here
        log.warning("cannot read %s", path, exc_info=True)
        raise UserError(unreadable_words(path)) from exc
    finally:
        wb.close()


def read_plain_sheet(ws: Any, known: list[str]) -> list[dict[str, Any]]:
    """One of the export's own extra sheets: headers in row 1, exact names; every row as a
    dict with its spreadsheet row number under "__row__"."""
    it = ws.iter_rows(values_only=True)
    header = next(it, None)
    if header is None:
        return []
    names = [clean_text(v) for v in header]
    out = []
    for number, values in enumerate(it, start=2):
        row = {n: v for n, v in zip(names, values, strict=False) if n in known}
        if any(v not in (None, "") for v in row.values()):
            row["__row__"] = number
            out.append(row)
    return out


class Row:
    """One spreadsheet row being read; each getter records a problem instead of raising."""

    def __init__(
        self,
        number: int,
        values: list[Any],
        formulas: set[int],
        columns: dict[str, int],
        headers: list[str] | None = None,
        year: int | None = None,
    ) -> None:
        self.number = number
        self.values = values
        self.formulas = formulas
        self.columns = columns
        self.headers = headers or []
        self.year = year  # for a date typed without one ("9月4日")
        self.problems: dict[str, str] = {}
        self.date_only: set[str] = set()  # columns whose value had no time of day

    @classmethod
    def of(cls, sheet: Sheet, number: int, values: list[Any], formulas: set[int]) -> Row:
        return cls(number, values, formulas, sheet.columns, sheet.headers, sheet.year)

    def label(self, column: str) -> str:
        """The column as the file names it: 列“日期”(受理时间) for an office's own header."""
        return f"列“{self.short_label(column).split('(')[0]}”" + (
            f"({column})" if self.short_label(column) != column else ""
        )

    def short_label(self, column: str) -> str:
        i = self.columns.get(column)
        header = self.headers[i] if i is not None and i < len(self.headers) else column
        return header if header == column else f"{header}({column})"

    def problem(self, column: str, reason: str) -> None:
        self.problems.setdefault(column, reason)

    def has(self, column: str) -> bool:
        """The file has this column (its cell in this row may still be blank)."""
        return column in self.columns

    def blank(self, column: str) -> bool:
        """The file has no such column, or this row's cell in it is empty."""
        i = self.columns.get(column)
        return i is None or i >= len(self.values) or self.values[i] is None

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
        if isinstance(value, bool):
            self.problem(column, f"“{value}”不是日期。请写成 YYYY-MM-DD HH:MM,或把单元格设为日期格式")
            return None
        if isinstance(value, int | float):
            moment = ledger_columns.from_excel_serial(float(value))
            if moment is None:
                self.problem(
                    column, f"“{value}”是数字,不是日期。请写成 YYYY-MM-DD HH:MM,或把单元格设为日期格式"
                )
                return None
            if float(value).is_integer():
                self.date_only.add(column)
            return moment
        if isinstance(value, dt.time):
            self.problem(column, "只有时间没有日期,应为 YYYY-MM-DD HH:MM")
            return None
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            self.date_only.add(column)
        elif isinstance(value, dt.datetime) and value.time() == dt.time():
            self.date_only.add(column)
        try:
            if isinstance(value, dt.datetime | dt.date):
                return parse_datetime(value)
            try:
                return parse_datetime(value)
            except ValueError:
                moment = ledger_columns.parse_office_datetime(str(value), self.year)
                if not re.search(r"\d\s*[:：时点]", str(value)):
                    self.date_only.add(column)
                return moment
        except ValueError as exc:
            self.problem(column, str(exc))
            return None

    def time_of_day(self, column: str) -> dt.time | None:
        """A separate time-of-day column ("14:30", a time cell, a fraction of a day)."""
        value = self.raw(column)
        if value is None or value == "":
            return None
        if isinstance(value, dt.datetime):
            return value.time().replace(second=0, microsecond=0)
        if isinstance(value, dt.time):
            return value.replace(second=0, microsecond=0)
        if isinstance(value, float) and 0 <= value < 1:
            minutes = round(value * 24 * 60)
            return dt.time(minutes // 60 % 24, minutes % 60)
        found = re.fullmatch(r"\s*(\d{1,2})\s*[:：时点]\s*(\d{1,2})?\s*分?\s*", clean_text(value))
        if found and int(found.group(1)) < 24 and int(found.group(2) or 0) < 60:
            return dt.time(int(found.group(1)), int(found.group(2) or 0))
        self.problem(column, f"“{clean_text(value)[:20]}”不是时间,应为 HH:MM,例如 14:30")
        return None

    def choice(
        self, column: str, allowed: list[str], default: str = "", words: dict[str, str] | None = None
    ) -> str:
        value = self.text(column)
        if not value:
            return default
        known = ledger_columns.read_word(value, allowed, words or {})
        if known is None:
            self.problem(column, f"“{value[:20]}”不在可选项中:{'、'.join(allowed)}")
            return value
        return known

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
        """楼栋/单元/房号 as stored, or None when the row names no room. The room may come in
        one cell: a 房屋 column ("5栋1单元1203室"), or a 房号 column without a 楼栋 column."""
        whole_column = "房屋" if "房屋" in self.columns else None
        if whole_column is None and "房号" in self.columns and "楼栋" not in self.columns:
            whole_column = "房号"
        if whole_column is not None and not (whole_column == "房屋" and "房号" in self.columns):
            text = self.text(whole_column)
            if not text:
                return None
            try:
                return ledger_columns.parse_room_text(text)
            except ValueError as exc:
                self.problem(whole_column, str(exc))
                return None
        parts: dict[str, str] = {}
        for column in ("楼栋", "单元", "房号"):
            text = ROOM_SUFFIX.sub("", self.text(column).replace(" ", ""))
            if column == "房号" and "-" in text and not parts.get("单元"):
                # "2-501" under 房号 beside a 楼栋 column: the unit and the room together.
                pieces = [p for p in text.split("-") if p]
                if len(pieces) == 2 and all(ROOM_PART.fullmatch(p) for p in pieces):
                    parts["单元"], text = pieces
            if text and not ROOM_PART.fullmatch(text):
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
            where = self.label(column) if column and not column.startswith("#") else ""
            out.append(f"第{self.number}行 {where}:{reason}" if where else f"第{self.number}行:{reason}")
        return out

    def reason_text(self) -> str:
        return ";".join(
            f"{self.short_label(c)}:{r}" if c and not c.startswith("#") else r
            for c, r in self.problems.items()
        )


def yes_no(row: Row, column: str) -> bool | None:
    value = row.text(column)
    if not value:
        return None
    if value in ("是", "Y", "y", "YES", "Yes", "yes", "TRUE", "True", "true", "1", "√"):
        return True
    if value in ("否", "N", "n", "NO", "No", "no", "FALSE", "False", "false", "0"):
        return False
    row.problem(column, f"“{value[:10]}”应为 是 或 否")
    return None


def insert_rows(model: type[pw.Model], rows: list[dict[str, Any]]) -> None:
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


# Writing --------------------------------------------------------------------------------
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WIDTHS = {"回访内容": 30, "计划说明": 30, "正文": 60, "原因": 30, "处理经过": 30, "经验教训": 30,
           "纠正预防措施": 30, "投诉内容": 30, "作废原因": 24, "抽样说明": 30, "典型案例说明": 24, "内容": 40, "客户要求": 24, "处理结果": 30, "回访意见": 24, "受理时间": 17, "办结时间": 17,
           "回访时间": 17, "编号": 16, "并入": 16, "联系电话": 14, "身份证号": 20, REASON_HEADER: 40}  # fmt: skip


def new_sheet(headers: list[str], wb: Any = None, title: str | None = None) -> tuple[Any, Any]:
    """A sheet with bold headers (in a new write-only workbook unless `wb` is given)."""
    if wb is None:
        wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet(title)
    for i, name in enumerate(headers, start=1):
        ws.column_dimensions[get_column_letter(i)].width = WIDTHS.get(name, max(8, 2 * len(name) + 2))
    ws.freeze_panes = "A2"
    header = []
    for name in headers:
        cell = WriteOnlyCell(ws, value=name)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center")
        header.append(cell)
    ws.append(header)
    return wb, ws


# Text a spreadsheet would take as the start of a formula if it were typed into the cell:
# = + - @ (and their full-width forms, which Excel's Chinese input also takes), even behind
# spaces, tabs or line breaks.
FORMULA_START = re.compile(r"^[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]")


def as_text(cell: Any) -> Any:
    """The cell holds text and Excel shows it as text: the value is a string cell (never a
    formula, whatever it starts with), and text that would read as a formula if the cell were
    edited and entered again carries Excel's quote prefix (the hidden apostrophe), so it stays
    text then too. The value itself is unchanged: it reads back exactly as written."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
        if FORMULA_START.match(cell.value):
            cell.quotePrefix = True
    return cell


def write_cell(ws: Any, column: str, value: Any) -> Any:
    """One cell written as what it is: text stays text (even '=…', '+86…' or '0801'), dates are dates."""
    if column in TEXT_COLUMNS:
        cell = as_text(WriteOnlyCell(ws, value=value))
        cell.number_format = "@"
        return cell
    if isinstance(value, dt.datetime | dt.date):
        if isinstance(value, dt.datetime):
            value = value.replace(microsecond=0)  # to the second, as it reads back
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = DATETIME_FORMAT if isinstance(value, dt.datetime) else DATE_FORMAT
        return cell
    if isinstance(value, str) and FORMULA_START.match(value):
        return as_text(WriteOnlyCell(ws, value=value))
    return value  # a plain value: no cell object needed (much faster for big exports)


def save_workbook(wb: Any, target: Path) -> None:
    """Save through `target.partial`, so a failure (a full disk, a read-only folder, the file
    open in Excel) never leaves half a workbook behind; the failure is a UserError in words.

    The workbook is built in memory first: openpyxl leaves its zip open when the disk fails
    under it, and that zip then fails again when Python collects it."""
    buffer = io.BytesIO()
    wb.save(buffer)
    write_bytes(target, buffer.getvalue())


def write_rejected(path: Path, sheet: Sheet, rows: Iterable[Row]) -> Path:
    """The rejected rows with their original headers and a 错误原因 column, beside `path`."""
    target = path.with_name(f"{path.stem}.rejected.xlsx")
    headers = [h for h in sheet.headers if h != REASON_HEADER]
    keep = [i for i, h in enumerate(sheet.headers) if h != REASON_HEADER]
    wb, ws = new_sheet([*headers, REASON_HEADER])
    for row in rows:
        values = []
        for i in keep:
            value = row.values[i]  # a formula's text is written as text, so the clerk sees it
            if not isinstance(value, str | int | float | bool | dt.datetime | dt.date | dt.time | type(None)):
                value = str(value)  # e.g. an array formula object
            values.append(write_cell(ws, sheet.headers[i], value))
        values.append(write_cell(ws, REASON_HEADER, f"原第{row.number}行:{row.reason_text()}"))
        ws.append(values)
    save_workbook(wb, target)
    return target
