"""Reading and writing the ledger's spreadsheets: finding the header row and the columns,
reading each cell as offices type it (one `Row` at a time, every problem named by row
and column), and writing sheets whose text stays text. Shared by `app.ledger` (the case
ledger and the owners list) and `app.ledger.export` (the program's own export)."""

from __future__ import annotations

import datetime as dt
import itertools
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl

from app.errors import UserError
from app.i18n import term, tr
from app.ledger import columns as ledger_columns
from app.ledger.columns import ColumnChoice
from app.validation import clean_text
from app.xlsx_check import check_xlsx

log = logging.getLogger(__name__)


IMPORT_SIGNER = "台账导入"


PROGRESS_EVERY = 100  # rows between two progress reports


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
        raise UserError(tr("找不到文件 {path}", path=path))
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise UserError(
            tr(
                "只能导入 .xlsx 文件(Excel 2007 及以后),{name} 不是。请在 Excel 中另存为 .xlsx",
                name=path.name,
            )
        )
    check_xlsx(path)
    try:
        # Formulas are kept as formulas (not cached values) so that they can be refused:
        # a formula whose value Excel never cached would otherwise read as an empty cell.
        return openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001 - whatever openpyxl meets in a damaged file, said in words
        log.warning("cannot open %s", path, exc_info=True)
        raise UserError(unreadable_words(path)) from exc


def unreadable_words(path: Path) -> str:
    return tr(
        "{name} 已损坏或不是 Excel 能正常保存的格式,无法读取。"
        "请在 Excel 中打开它并另存为 .xlsx 后再导入;若 Excel 也打不开,请找回原来的文件",
        name=path.name,
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
            raise UserError(tr("{name} 里没有工作表", name=path.name))
        # The rows the header may be in are read first; the rest stream past (a big sheet
        # is never held as cell objects).
        it = ws.iter_rows()
        first_rows = list(itertools.islice(it, ledger_columns.HEADER_SEARCH_ROWS))
        if not first_rows:
            raise UserError(tr("{name} 的第一个工作表是空的", name=path.name))
        top = [[c.value for c in cells] for cells in first_rows]
        found = ledger_columns.find_header_row(top, table)
        if found is None:
            raise UserError(
                tr(
                    "前{rows}行没有找到表头。表头行应是列名,例如:{required}(可用的列:{known})",
                    rows=min(len(top), ledger_columns.HEADER_SEARCH_ROWS),
                    required=tr("、").join(required),
                    known=tr("、").join(known),
                )
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
                    raise UserError(tr("第{row}行:列“{name}”出现了两次", row=header_number, name=name))
            if field_name is not None:
                if field_name in columns:
                    raise UserError(
                        tr(
                            "第{row}行:列“{first}”和列“{name}”都对应“{field}”,请在对应关系中只保留一列",
                            row=header_number,
                            first=headers[columns[field_name]],
                            name=name,
                            field=term(field_name),
                        )
                    )
                columns[field_name] = i
            choices.append(ledger_columns.ColumnChoice(i, name, field_name or ledger_columns.SKIP, automatic))
        if not columns:
            raise UserError(
                tr(
                    "第{row}行没有找到表头。表头行应是列名,例如:{required}(可用的列:{known})",
                    row=header_number,
                    required=tr("、").join(required),
                    known=tr("、").join(known),
                )
            )
        default_kind = ""
        if kind_column is not None and kind_column not in columns:
            default_kind = ledger_columns.kind_from([title, str(ws.title or ""), path.stem]) or ""
        missing = [h for h in required if h not in columns and not (h == kind_column and default_kind)]
        if missing and check_required:
            raise UserError(
                tr(
                    "缺少必需的列:{missing}(第{row}行应有这些列名,或在对应关系中指定哪一列是它)",
                    missing=tr("、").join(missing),
                    row=header_number,
                )
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
