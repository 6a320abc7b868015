"""Importing the owners list (业主名册): rooms and their occupants; one already on file in the
same room under the same name is updated, not added twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import domain
from app.bulk import insert_audited, modified_entries, update_rows
from app.errors import UserError
from app.i18n import tr
from app.ledger import columns as ledger_columns
from app.ledger.import_report import Cancelled, ImportCancelled, ImportReport, ImportRolledBack, Progress
from app.ledger.row import Row
from app.ledger.sheet import PROGRESS_EVERY, Sheet, read_sheet
from app.ledger.writing import write_rejected
from app.models import Owner, Room, audit_head, db, write_audit
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
        row.problem("房屋" if "房屋" in sheet.columns else "房号", tr("必须填写楼栋和房号"))
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
            tr(
                "缺少必需的列:房号(第{row}行应有 楼栋 和 房号 两列,或一列写全房号,"
                "例如 3-2-501;也可在对应关系中指定哪一列是它)",
                row=sheet.header_row,
            )
        )
    return sheet


# The owners list ------------------------------------------------------------------------
@dataclass
class _Parsed:
    """One good row of the list: where, who, and what it says of them."""

    row: Row
    room: tuple[str, str, str]
    name: str
    details: dict[str, object]


@dataclass
class _Plan:
    """What the import will write, prepared from one state of the file (its audit head)."""

    head: str
    rooms: dict[tuple[str, str, str], Room]  # every room of the list, new ones without an id
    new_rooms: list[Room] = field(default_factory=list)
    new_owners: list[Owner] = field(default_factory=list)
    changed: list[tuple[Owner, dict[str, object]]] = field(default_factory=list)  # with the values before
    kept: list[str] = field(default_factory=list)
    updated: int = 0


def _prepare(parsed: list[_Parsed]) -> _Plan:
    """Rooms and occupants as the list will leave them, read from the file as it is now."""
    plan = _Plan(head=audit_head(), rooms={})
    for room in Room.select():
        plan.rooms[(room.building, room.unit, room.number)] = room
    wanted = {p.room for p in parsed}
    for key in sorted(wanted - set(plan.rooms)):
        room = Room(building=key[0], unit=key[1], number=key[2])
        plan.rooms[key] = room
        plan.new_rooms.append(room)
    room_ids = {plan.rooms[key].id for key in wanted if plan.rooms[key].id is not None}
    on_file: dict[tuple[int, str], Owner] = {}
    for existing in Owner.select().where(Owner.room.is_null(False)):
        if existing.room_id in room_ids:
            on_file.setdefault((existing.room_id, existing.name), existing)
    for item in parsed:
        room = plan.rooms[item.room]
        found = on_file.get((room.id, item.name)) if room.id is not None else None
        if found is None:
            new = Owner(room=room, name=item.name)
            plan.kept += apply_imported_details(new, item.row, item.details)
            new.active = True
            plan.new_owners.append(new)
            continue
        owner = found
        plan.updated += 1
        before = dict(owner.__data__)
        plan.kept += apply_imported_details(owner, item.row, item.details)
        owner.active = True
        if owner.__data__ != before:
            plan.changed.append((owner, before))
    return plan


def _whole(model: type[Room] | type[Owner], records: list[Any]) -> list[Any]:
    """Every field in every record's values (a date left out of one row is None there), as
    the batch insert takes its columns from the first record."""
    names = [f.name for f in model._meta.sorted_fields if not f.primary_key]
    for record in records:
        for name in names:
            record.__data__.setdefault(name, None)
    return records


def _write(plan: _Plan) -> None:
    """Everything at once (inside the caller's write transaction): new rooms, then their
    occupants (the room's id known by then), then the changed occupants, each with the
    entries the one-by-one path would have written."""
    insert_audited(Room, _whole(Room, plan.new_rooms))
    for owner in plan.new_owners:
        owner.room = owner.room  # the room's id, handed out just above
    insert_audited(Owner, _whole(Owner, plan.new_owners))
    if plan.changed:
        owners = [owner for owner, _ in plan.changed]
        names = [f.name for f in Owner._meta.sorted_fields if not f.primary_key]
        update_rows(Owner, owners, names)
        write_audit([entry for owner, before in plan.changed for entry in modified_entries(owner, before)])


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
    the office's own 花名册 (楼号/房间号/业主姓名/手机 …); `mapping` corrects the columns.

    The list is read, checked and matched against the file without holding the office's
    write lock; everything is then written in one short transaction, all or nothing. A
    clerk saving a case meanwhile waits a moment at most. Should anything be saved between
    the reading and the writing (the trail's head moved), the matching is done again inside
    the transaction, so nothing saved meanwhile is overwritten or doubled."""
    require(None, "owner.import")
    sheet = read_owner_sheet(Path(path), mapping)
    total = len(sheet.rows)
    report = ImportReport(noun="人")
    if progress:
        progress(0, total)
    bad: list[Row] = []
    parsed: list[_Parsed] = []
    seen: dict[tuple[str, str, str, str], int] = {}
    try:
        for done, (number, values, formulas) in enumerate(sheet.rows, start=1):
            if cancelled and done % 20 == 0 and cancelled():
                raise ImportCancelled
            row = Row.of(sheet, number, values, formulas)
            room, name, kind, phone, id_number, move_in, note = parse_owner_row(row, sheet)
            if room is not None and name:
                key = (*room, name)
                if key in seen:
                    row.problem("姓名", tr("与第{row}行重复(同一房号、同一姓名)", row=seen[key]))
                else:
                    seen[key] = number
            if row.problems or room is None:
                bad.append(row)
            else:
                # only the columns the file has; a blank cell keeps what is on file (reported)
                details: dict[str, object] = {"类型": kind, "联系电话": phone, "身份证号": id_number}
                details.update({"备注": note, "入住日期": move_in.date() if move_in else None})
                parsed.append(_Parsed(row, room, name, details))
            if progress and (done % PROGRESS_EVERY == 0 or done == total):
                progress(done, total)
        if cancelled and cancelled():
            raise ImportCancelled
        report.problems = [m for r in bad for m in r.messages()]
        if bad and not skip_invalid:
            raise ImportRolledBack
        if bad:  # written first: a list whose rejected rows cannot be kept imports nothing
            report.rejected_file = write_rejected(Path(path), sheet, bad)
        with db.atomic():  # a read of one state of the file, no lock taken
            plan = _prepare(parsed)
        with db.atomic("IMMEDIATE"):  # the write lock from here to the end, briefly
            if audit_head() != plan.head:
                plan = _prepare(parsed)
            _write(plan)
        report.imported = len(parsed)
        report.updated = plan.updated
        report.kept += plan.kept
    except ImportCancelled:
        return ImportReport(cancelled=True, noun="人")
    except ImportRolledBack:
        report.imported = 0
        report.updated = 0
    return report
