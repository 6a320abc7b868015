"""业主档案: finding owners, opening their file, revealing a phone or ID number, exporting.

Owners' personal data is confidential (顾客资料未经部门负责人同意不得查阅,查看有记录 —
seed 001): every opening of a file, every full phone or ID number shown and every export
is written to the audit trail under the acting person's name, and each needs the role's
permission (app/permissions.py). Lists show phones and ID numbers masked; the full value
is only ever handed out by `reveal_phone` / `reveal_id`, which log the read first.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import peewee as pw
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from app import audit, domain
from app.errors import UserError, ValidationError
from app.i18n import term, tr
from app.ledger.row import Row
from app.ledger.writing import as_text, save_workbook
from app.models import Case, Owner, Room, Staff, acting_as, db
from app.owners import mask_phone, phone_match
from app.permissions import can, require
from app.validation import MAX_TEXT, clean_text, normalise_id_number, normalise_phone, parse_room

VIEW_FILE = "查看业主档案"
REVEAL_PHONE = "显示号码"
REVEAL_ID = "显示身份证号"
EXPORT = "导出业主资料"

# The owners list as exported: the columns `app.ledger.import_owners` reads back.
EXPORT_HEADERS = ["楼栋", "单元", "房号", "姓名", "类型", "联系电话", "身份证号", "入住日期", "备注"]
_TEXT_COLUMNS = {"楼栋", "单元", "房号", "联系电话", "身份证号"}
_WIDTHS = {"姓名": 12, "联系电话": 16, "身份证号": 22, "入住日期": 12, "备注": 30}
_HAN = re.compile(r"[\u4e00-\u9fff]")


# The owners list's columns an import sets on an owner -> the owner's field.
IMPORTED_DETAILS = {"类型": "occupant_type", "联系电话": "phone", "身份证号": "id_number", "入住日期": "move_in",
                    "备注": "note"}  # fmt: skip


def apply_imported_details(owner: Owner, row: Row, values: dict[str, Any]) -> list[str]:
    """Set on `owner` the details one row of an owners list gives (`values`: column -> the
    value as read, e.g. {"联系电话": "138…", "入住日期": date or None}); returns what was kept.

    A column the file does not have changes nothing: a roster without ID numbers keeps every
    ID number, move-in date and note on file. A column the file has, left blank in this row,
    keeps the stored value as well, and the kept value is reported (without showing it): a
    blank cell is far more often a gap in a copied list than a decision to erase; erasing is
    done in the owner's file, where it is audited one by one. A new owner takes every value."""
    new = owner.id is None
    kept: list[str] = []
    for column, field_name in IMPORTED_DETAILS.items():
        if column not in values:
            continue
        value = values[column]
        if new:
            if row.has(column) or value not in (None, ""):
                setattr(owner, field_name, value)
            continue
        if not row.has(column):
            continue
        if row.blank(column):
            if getattr(owner, field_name) not in (None, ""):
                kept.append(
                    tr(
                        "第{row}行 {column}是空的,保留了原来的{field}(要清除请在业主档案中修改)",
                        row=row.number,
                        column=row.label(column),
                        field=term(column),
                    )
                )
            continue
        setattr(owner, field_name, value)
    return kept


def mask_id_number(id_number: str) -> str:
    """110105********002X: the region and the last four, never the birth date."""
    if not id_number:
        return ""
    if len(id_number) == 18:
        return id_number[:6] + "*" * 8 + id_number[-4:]
    if len(id_number) > 4:
        return id_number[:2] + "*" * (len(id_number) - 4) + id_number[-2:]
    return "*" * len(id_number)


class ExportCancelled(Exception):
    """The owners export was cancelled: no file was written."""


EXPORT_STEP = 250  # rows between two progress reports (and looks at `cancelled`)


@dataclass(frozen=True)
class MaskedOwner:
    """What a screen may show of an owner without a logged reveal."""

    id: int
    name: str
    occupant_type: str
    room: str
    phone: str  # masked: 138****5678
    id_number: str  # masked: 110105********002X
    active: bool
    can_reveal_phone: bool
    can_reveal_id: bool


@dataclass(frozen=True)
class OwnerCount:
    """What a search of the owners finds in all: people (by type) and the rooms they live in."""

    people: int
    by_type: dict[str, int]  # 业主 / 租户 / 商户 -> people
    rooms: int  # distinct rooms those people live in


@dataclass(frozen=True)
class OwnerFile:
    """An owner's file as opened (the open is logged): the room, who else lives there, the cases."""

    owner: Owner
    masked: MaskedOwner
    room: Room | None
    occupants: list[MaskedOwner]  # the other active occupants of the same room (family, tenants)
    cases: list[Case]  # newest first


@dataclass(frozen=True)
class OwnerInput:
    """An owner as typed in the form; phone and ID are raw text, checked on save."""

    room: str
    name: str
    occupant_type: str = "业主"
    phone: str = ""
    id_number: str = ""
    move_in: dt.date | None = None
    note: str = ""
    active: bool = True


@contextlib.contextmanager
def _as(actor: Staff | None) -> Iterator[None]:
    """The audit entry carries the actor's name; without one, whoever is acting already."""
    if actor is None:
        yield
    else:
        with acting_as(actor.name):
            yield


class OwnerFiles:
    """The owners' files for the person acting; every read of personal data is logged."""

    def search(
        self, text: str = "", include_inactive: bool = False, limit: int = 300, actor: Staff | None = None
    ) -> list[Owner]:
        """Owners by name ('张'), by digits of the phone ('5678', '138') or by room ('3-2', '3-2-501')."""
        require(actor, "owner.view_file")
        query = self._matching(Owner.select(Owner, Room), text, include_inactive)
        query = query.order_by(
            Room.building.cast("INTEGER") == 0, Room.building.cast("INTEGER"), Room.building, Room.unit.cast("INTEGER"), Room.unit,
            Room.number.cast("INTEGER"), Room.number, Owner.id,
        )  # fmt: skip
        with db.atomic():
            return list(query.limit(limit))

    def count(self, text: str = "", include_inactive: bool = False, actor: Staff | None = None) -> OwnerCount:
        """How many people the same search finds in all (not only the page shown), by
        type (业主/租户/商户), and in how many rooms they live."""
        require(actor, "owner.view_file")
        query = self._matching(
            Owner.select(Owner.occupant_type, pw.fn.COUNT(Owner.id).alias("n")), text, include_inactive
        )
        with db.atomic():  # the counts by type and of rooms from one state of the file
            rows: list[Any] = list(query.group_by(Owner.occupant_type).tuples())
            rooms = self._matching(
                Owner.select(pw.fn.COUNT(Owner.room.distinct())), text, include_inactive
            ).scalar()
        by_type = {kind: int(n) for kind, n in rows}
        return OwnerCount(sum(by_type.values()), by_type, int(rooms or 0))

    @staticmethod
    def _matching(query: pw.ModelSelect[Owner], text: str, include_inactive: bool) -> pw.ModelSelect[Owner]:
        """`query` over owners (with their rooms) narrowed to what `text` names."""
        text = clean_text(text)
        query = query.join(Room, pw.JOIN.LEFT_OUTER)
        if not include_inactive:
            query = query.where(Owner.active == True)  # noqa: E712
        if text:
            compact = text.replace(" ", "")
            if _HAN.search(compact) and not re.search(r"\d", compact):
                query = query.where(Owner.name.contains(compact))
            elif compact.isdigit() and len(compact) >= 4:
                query = query.where(phone_match(Owner.phone, compact) | (Room.number == compact))
            else:
                parts = [p for p in re.split(r"[-－—/\s]+", compact) if p]
                parts = [re.sub(r"(栋|幢|号楼|座|单元|室)$", "", p) for p in parts] or [compact]
                if len(parts) == 1:
                    query = query.where(
                        (Room.building == parts[0])
                        | (Room.number == parts[0])
                        | Owner.name.contains(parts[0])
                    )
                else:
                    query = query.where(Room.building == parts[0])
                    if len(parts) == 2:
                        query = query.where(
                            (Room.unit == parts[1]) | ((Room.unit == "") & (Room.number == parts[1]))
                        )
                    else:
                        query = query.where(Room.unit == parts[1], Room.number.startswith(parts[2]))
        return query

    def masked(self, owner: Owner, actor: Staff | None) -> MaskedOwner:
        """The owner as lists and the file show it: phone and ID masked for every role.

        A role that may reveal is told so (the 显示 buttons), but the full value is only given
        by `reveal_phone`/`reveal_id`, so that every read of it is in the audit trail."""
        return MaskedOwner(
            id=owner.id,
            name=owner.name,
            occupant_type=owner.occupant_type,
            room=owner.room.label if owner.room is not None else "",
            phone=mask_phone(owner.phone),
            id_number=mask_id_number(owner.id_number),
            active=owner.active,
            can_reveal_phone=bool(owner.phone) and can(actor, "owner.reveal_phone"),
            can_reveal_id=bool(owner.id_number) and can(actor, "owner.reveal_id"),
        )

    def open_file(self, owner: Owner | int, actor: Staff | None) -> OwnerFile:
        """The owner's file; the opening is logged (查看业主档案)."""
        require(actor, "owner.view_file")
        with db.atomic():  # the opening is logged with the file read, or neither
            owner = self._owner(owner)
            with _as(actor):
                audit.log_access(VIEW_FILE, owner)
            room = owner.room if owner.room_id else None
            occupants: list[MaskedOwner] = []
            if room is not None:
                others = (
                    Owner.select()
                    .where(Owner.room == room, Owner.id != owner.id, Owner.active == True)  # noqa: E712
                    .order_by(Owner.id)
                )
                occupants = [self.masked(o, actor) for o in others]
            cases = list(
                Case.select().where(Case.owner == owner).order_by(Case.received_at.desc(), Case.id.desc())
            )
            return OwnerFile(owner, self.masked(owner, actor), room, occupants, cases)

    def reveal_phone(self, owner: Owner | int, actor: Staff | None) -> str:
        """The full phone number; the read is logged (显示号码)."""
        require(actor, "owner.reveal_phone")
        owner = self._owner(owner)
        with _as(actor):
            audit.log_access(REVEAL_PHONE, owner, f"{owner.name} 的联系电话")
        return str(owner.phone)

    def reveal_id(self, owner: Owner | int, actor: Staff | None) -> str:
        """The full ID number; the read is logged (显示身份证号)."""
        require(actor, "owner.reveal_id")
        owner = self._owner(owner)
        with _as(actor):
            audit.log_access(REVEAL_ID, owner, f"{owner.name} 的身份证号")
        return str(owner.id_number)

    def export_owners(
        self,
        path: Path,
        actor: Staff | None,
        include_inactive: bool = False,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> int:
        """Every owner to an Excel sheet that `import-owners` reads back; logged with the count.
        `progress(done, total)` every few hundred rows; once `cancelled()`, it stops with
        `ExportCancelled` before anything is written.

        Phones, ID numbers and room parts are text cells, so Excel keeps leading zeros and
        does not turn an ID number into 1.10105E+17."""
        require(actor, "owner.export")
        owners = self.search("", include_inactive=include_inactive, limit=1_000_000, actor=actor)
        wb = Workbook()
        ws = wb.active
        ws.title = "业主名册"
        ws.append(EXPORT_HEADERS)
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
            cell.alignment = Alignment(horizontal="center")
        for done, owner in enumerate(owners):
            if done % EXPORT_STEP == 0:
                if cancelled is not None and cancelled():
                    raise ExportCancelled
                if progress is not None:
                    progress(done, len(owners))
            room = owner.room if owner.room_id else None
            values = {
                "楼栋": room.building if room else "",
                "单元": room.unit if room else "",
                "房号": room.number if room else "",
                "姓名": owner.name,
                "类型": owner.occupant_type,
                "联系电话": owner.phone,
                "身份证号": owner.id_number,
                "入住日期": owner.move_in,
                "备注": owner.note,
            }
            ws.append([values[h] for h in EXPORT_HEADERS])
            row = ws.max_row
            for col, header in enumerate(EXPORT_HEADERS, start=1):
                cell = ws.cell(row, col)
                if header in _TEXT_COLUMNS or isinstance(cell.value, str):
                    as_text(cell)  # text, never a number or a formula
                    cell.number_format = "@"
                elif header == "入住日期" and cell.value is not None:
                    cell.number_format = "yyyy-mm-dd"
        for col, header in enumerate(EXPORT_HEADERS, start=1):
            ws.column_dimensions[get_column_letter(col)].width = _WIDTHS.get(header, 8)
        ws.freeze_panes = "A2"
        path = Path(path)
        if cancelled is not None and cancelled():
            raise ExportCancelled
        save_workbook(wb, path)  # whole or not at all; a full disk or a read-only folder in words
        if progress is not None:
            progress(len(owners), len(owners))
        with _as(actor):
            audit.log_access(EXPORT, None, f"导出 {len(owners)} 人到 {path.name}")
        return len(owners)

    def save_owner(self, data: OwnerInput, actor: Staff | None, existing: Owner | None = None) -> Owner:
        """Add an owner, or change one. For an existing owner an empty phone or ID number
        keeps the stored one (the form never shows it in full)."""
        require(actor, "owner.edit")
        problems: dict[str, str] = {}
        name = clean_text(data.name)
        if not name:
            problems["姓名"] = tr("必须填写")
        elif len(name) > 40:
            problems["姓名"] = tr("最多 40 字")
        room_parts: tuple[str, str, str] | None = None
        try:
            room_parts = parse_room(data.room)
        except ValueError as exc:
            problems["房号"] = tr("必须填写") if not clean_text(data.room) else str(exc)
        if data.occupant_type not in domain.OCCUPANT_TYPES:
            problems["类型"] = tr(
                "只能是{choices}", choices=tr("、").join(term(t) for t in domain.OCCUPANT_TYPES)
            )
        phone = id_number = ""
        try:
            phone = normalise_phone(data.phone)
        except ValueError as exc:
            problems["联系电话"] = str(exc)
        try:
            id_number = normalise_id_number(data.id_number)
        except ValueError as exc:
            problems["身份证号"] = str(exc)
        note = clean_text(data.note)
        if len(note) > MAX_TEXT:
            problems["备注"] = tr("太长({count} 字),最多 {limit} 字", count=len(note), limit=MAX_TEXT)
        if room_parts is not None and name:
            clash = (
                Owner.select()
                .join(Room)
                .where(Room.building == room_parts[0], Room.unit == room_parts[1], Room.number == room_parts[2],
                       Owner.name == name)
            )  # fmt: skip
            if existing is not None:
                clash = clash.where(Owner.id != existing.id)
            if clash.exists():
                problems["姓名"] = tr(
                    "房号 {room} 已有名为“{name}”的住户", room="-".join(p for p in room_parts if p), name=name
                )
        if problems:
            raise ValidationError(problems)
        assert room_parts is not None
        with _as(actor), db.atomic():
            room, _ = Room.get_or_create(building=room_parts[0], unit=room_parts[1], number=room_parts[2])
            owner = existing or Owner()
            owner.room = room
            owner.name = name
            owner.occupant_type = data.occupant_type
            if phone or existing is None:
                owner.phone = phone
            if id_number or existing is None:
                owner.id_number = id_number
            owner.move_in = data.move_in
            owner.note = note
            owner.active = data.active
            owner.save()
        return owner

    def owner(self, owner_id: int, actor: Staff | None = None) -> Owner | None:
        """One owner (with the room) to correct, for a person who may edit owners; None when gone."""
        require(actor, "owner.edit")
        with db.atomic():
            return (
                Owner.select(Owner, Room).join(Room, pw.JOIN.LEFT_OUTER).where(Owner.id == owner_id).first()
            )

    def _owner(self, owner: Owner | int) -> Owner:
        owner_id = owner if isinstance(owner, int) else owner.id
        found = Owner.select(Owner, Room).join(Room, pw.JOIN.LEFT_OUTER).where(Owner.id == owner_id).first()
        if found is None:
            raise UserError(tr("找不到业主(编号 {id})", id=owner_id))
        return found
