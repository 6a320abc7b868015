"""Writing ledger spreadsheets whose text stays text: header styles and widths, text cells for
numbers that must keep their digits, formulas never written as such, the workbook saved
whole, and the rejected rows written beside the file with a 错误原因 column."""

from __future__ import annotations

import datetime as dt
import logging
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._writer import ALL_TEMP_FILES
from openpyxl.writer.excel import ExcelWriter

from app.errors import save_file
from app.i18n import tr
from app.ledger.row import Row
from app.ledger.sheet import Sheet

log = logging.getLogger(__name__)

REASON_HEADER = "错误原因"


# Columns written as text cells, so Excel keeps leading zeros and long digit strings.
TEXT_COLUMNS = {"编号", "楼栋", "单元", "房号", "联系电话", "身份证号", "案件号", "表单编号"}


DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


DATE_FORMAT = "yyyy-mm-dd"


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

    The workbook streams to the partial file (a write-only workbook's rows never all in
    memory); openpyxl's zip is ours, so when the disk fails under it, it is dropped without
    writing again when Python collects it; a workbook that could not be saved is discarded."""
    try:
        save_file(target, lambda partial: _write_zip(wb, partial))
    except BaseException:
        discard_workbook(wb)
        raise


def _write_zip(wb: Any, partial: Path) -> None:
    with open(partial, "wb") as out:
        archive = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        try:
            ExcelWriter(wb, archive).save()  # closes the archive
        except BaseException:
            archive.fp = None  # nothing more is written: the partial file is removed
            raise


def discard_workbook(wb: Any) -> None:
    """A write-only workbook given up before saving (an export cancelled or failed): the
    temporary files its sheets' rows went to are removed now."""
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        try:
            if not ws.closed:
                ws.close()
            if writer.out in ALL_TEMP_FILES:  # not yet removed by a save that got this far
                writer.cleanup()
        except (OSError, ValueError):
            log.warning("could not remove a sheet's temporary file", exc_info=True)


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
        values.append(
            write_cell(
                ws, REASON_HEADER, tr("原第{row}行:{reason}", row=row.number, reason=row.reason_text())
            )
        )
        ws.append(values)
    save_workbook(wb, target)
    return target
