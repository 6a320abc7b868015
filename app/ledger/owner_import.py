"""Importing the owners list (业主名册): rooms and their occupants; one already on file in the
same room under the same name is updated, not added twice.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from app import domain
from app.errors import UserError
from app.ledger import columns as ledger_columns
from app.ledger.import_report import Cancelled, ImportCancelled, ImportReport, ImportRolledBack, Progress
from app.ledger.row import Row
from app.ledger.sheet import PROGRESS_EVERY, Sheet, read_sheet
from app.ledger.writing import write_rejected
from app.models import Owner, Room, db
from app.owner_files import apply_imported_details
from app.permissions import require
from app.validation import MAX_TEXT

if TYPE_CHECKING:  # the office imports the services; only the type is needed here
    from app.office import Office

OWNER_HEADERS = ["楼栋", "单元", "房号", "姓名", "类型", "联系电话", "身份证号", "入住日期", "备注"]


OWNER_REQUIRED = ["楼栋", "房号", "姓名"]


def parse_owner_row(
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
                    raise ImportCancelled
                row = Row.of(sheet, number, values, formulas)
                room, name, kind, phone, id_number, move_in, note = parse_owner_row(row, sheet)
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
                raise ImportCancelled
            report.problems = [m for r in bad for m in r.messages()]
            if bad and not skip_invalid:
                raise ImportRolledBack
            if bad:
                report.rejected_file = write_rejected(Path(path), sheet, bad)
    except ImportCancelled:
        return ImportReport(cancelled=True, noun="人")
    except ImportRolledBack:
        report.imported = 0
        report.updated = 0
    return report
