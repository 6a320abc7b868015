"""The audit trail: reading it, checking its hash chain, logging reads of owners' data.

Changes are written by `AuditedModel.save` in the same transaction as the change
(app/models.py); reads of personal data are written here (顾客资料查看有记录).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

import peewee as pw

from app import domain
from app.models import GENESIS, AuditedModel, AuditEntry, Owner, Setting, db, write_audit

ACCESS_ACTIONS = ["查看业主档案", "显示号码", "显示身份证号", "导出业主资料"]


def log_access(action: str, owner: Owner | None, detail: str = "") -> None:
    """A read of personal data: who (the acting person), when, which owner, what."""
    with db.atomic():
        write_audit(
            [
                {
                    "action": action,
                    "table": "owner",
                    "record_id": str(owner.id) if owner else "-",
                    "field": "",
                    "old": None,
                    "new": detail or (owner.name if owner else ""),
                }
            ]
        )


def chain_problems() -> list[str]:
    """Every break in the hash chain: an edited, removed or inserted entry."""
    problems = []
    prev = GENESIS
    count = 0
    for entry in AuditEntry.select().order_by(AuditEntry.id).iterator():
        count += 1
        if entry.prev_hash != prev:
            problems.append(f"审计记录 {entry.id} 之前的记录被删除或改动(链接不符)")
        expected = hashlib.sha256(entry.payload().encode("utf-8")).hexdigest()
        if entry.hash != expected:
            problems.append(
                f"审计记录 {entry.id} 的内容被改动({entry.table} {entry.record_id} {entry.field})"
            )
        prev = entry.hash
    head = Setting.get_or_none(Setting.key == "audit_head")
    if head is not None:
        info = json.loads(head.value)
        if info.get("count") != count or info.get("hash") != prev:
            problems.append(f"审计记录末尾被删除或改动(应有 {info.get('count')} 条,实有 {count} 条)")
    elif count:
        problems.append("审计记录的链头缺失")
    return problems


@dataclass(frozen=True)
class AuditFilter:
    table: str | None = None
    record_id: str | None = None
    actor: str | None = None
    action: str | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    text: str = ""


def entries(f: AuditFilter, limit: int = 500, offset: int = 0) -> list[AuditEntry]:
    query: pw.ModelSelect[AuditEntry] = AuditEntry.select()
    if f.table:
        query = query.where(AuditEntry.table == f.table)
    if f.record_id:
        query = query.where(AuditEntry.record_id == f.record_id)
    if f.actor:
        query = query.where(AuditEntry.actor == f.actor)
    if f.action:
        query = query.where(AuditEntry.action == f.action)
    if f.since:
        query = query.where(AuditEntry.at >= f.since)
    if f.until:
        query = query.where(AuditEntry.at < f.until)
    if f.text:
        like = f"%{f.text}%"
        query = query.where(AuditEntry.old**like | AuditEntry.new**like | AuditEntry.field**like)
    return list(query.order_by(AuditEntry.id.desc()).offset(offset).limit(limit))


def history(table: str, record_id: int) -> list[AuditEntry]:
    """Everything that happened to one record, oldest first (the history window)."""
    return list(
        AuditEntry.select()
        .where(AuditEntry.table == table, AuditEntry.record_id == str(record_id))
        .order_by(AuditEntry.id)
    )


# Reading an entry in words -------------------------------------------------------------
# The trail stores values as the database holds them: ids of other records, ISO times,
# True/False, a signature's strokes as JSON, files as "<n 字节 sha256:…>". `Reader` turns
# them into what a manager reads (a name for an id, 是/否, a date, 签名(4 笔)); the window
# puts the words of the chosen language on the result (ui/history.py).

SHORT_TEXT = 60  # a text value longer than this is shortened in the list (the whole in the tooltip)
_PHONE_FIELDS = {"phone", "customer_phone"}
_ID_FIELDS = {"id_number"}
_FILE = re.compile(r"<(\d+) 字节 sha256:[0-9a-f]+>")  # data: how models._audit_value writes bytes
_MASKED = "******"  # data: models.AuditedModel.AUDIT_MASK
_MASKED_CHANGED = "(已更改)"  # data
# Fields kept for the program's own use: shown when changed, left out of a new record's summary.
TECHNICAL_FIELDS = {
    "signature": {"pad_width", "pad_height", "sha256", "png"},
    "scan_page": {"digest", "width", "height", "image"},
    "form_sheet": {"scan"},
    "report_archive": {"pdf"},
    "staff": {"password_hash", "failed_logins"},
}


# The columns a record is named by (its number, name, title …, or its case, room or visit).
_NAMING_COLUMNS = ("number", "name", "title", "period", "quarter", "case", "room", "visit", "building", "unit")  # fmt: skip


@dataclass(frozen=True)
class ShownValue:
    """A value of the trail as the office reads it, before the words of a language.

    `kind` says what the window writes: "text" (`text` as it is), "empty", "yes"/"no",
    "strokes" (a signature of `count` strokes), "file" (`count` bytes), "hidden" (a
    password or ID number kept out of the trail), "changed_hidden" (changed, value withheld).
    `full` is the whole text when `text` was shortened."""

    kind: str
    text: str = ""
    count: int = 0
    full: str = ""


def audited_models() -> dict[str, type[AuditedModel]]:
    """Every model whose changes go to the trail, by table name."""
    found: dict[str, type[AuditedModel]] = {}
    todo: list[type[AuditedModel]] = list(AuditedModel.__subclasses__())
    while todo:
        model = todo.pop()
        found[model._meta.table_name] = model
        todo += model.__subclasses__()
    return found


def audited_fields() -> dict[str, list[str]]:
    """The fields of each audited model that the trail can name (all but the id and the skipped)."""
    return {
        table: [
            f.name for f in model._meta.sorted_fields if f.name != "id" and f.name not in model.AUDIT_SKIP
        ]
        for table, model in audited_models().items()
    }


def mask_value(field: str, value: str) -> str:
    """Phones and ID numbers as lists show them: the trail is no way round the logged 显示."""
    from app.owner_files import mask_id_number  # owner_files imports this module
    from app.owners import mask_phone

    if field in _PHONE_FIELDS:
        return mask_phone(value)
    if field in _ID_FIELDS:
        return mask_id_number(value)
    return value


def shorten(text: str, limit: int = SHORT_TEXT) -> str:
    """One line, at most `limit` characters, cut at a word or punctuation where one is near."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    for mark in ("。", ";", ",", ",", ";", " ", "、"):
        at = cut.rfind(mark)
        if at >= limit * 2 // 3:
            return cut[: at + (0 if mark == " " else 1)] + "…"
    return cut + "…"


def stroke_count(value: str) -> int | None:
    """How many strokes a signature's stored JSON holds (None when it is not strokes)."""
    try:
        strokes = json.loads(value)
    except ValueError:
        return None
    if not isinstance(strokes, list) or not all(isinstance(s, list) for s in strokes):
        return None
    return len(strokes)


class Reader:
    """Reads entries of the trail in words; remembers the names it looked up (one per page)."""

    def __init__(self) -> None:
        self.models = audited_models()
        self._names: dict[tuple[str, int], str | None] = {}

    # Names of records ---------------------------------------------------------------
    def record_name(self, table: str, record_id: str) -> str:
        """The record an entry is about as the office names it: the case's number, the room
        (3-2-501), the person's name; the bare id when the record is gone or has no name."""
        if not record_id.isdigit():
            return record_id
        return self._name(table, int(record_id)) or record_id

    def _name(self, table: str, key: int) -> str | None:
        if (table, key) not in self._names:
            self._names[(table, key)] = self._look_up(table, key)
        return self._names[(table, key)]

    def _look_up(self, table: str, key: int) -> str | None:
        model = self.models.get(table)
        if model is None:
            return None
        # Only the columns that name a record: the trail outlives columns added since.
        columns = [model._meta.fields[n] for n in _NAMING_COLUMNS if n in model._meta.fields]
        record: Any = model.select(model.id, *columns).where(model.id == key).first()
        if record is None:
            return None
        if table == "room":
            return str(record.label)
        if table == "visit":
            if record.case_id:
                return self._name("case", record.case_id)
            return self._name("room", record.room_id) if record.room_id else None
        if table in ("signature", "visit_review"):
            return self._name("visit", record.visit_id)
        if table in ("dispatch", "extension", "major_report", "rework_notice", "visit_decision"):
            own = getattr(record, "number", None)
            return str(own) if own else self._name("case", record.case_id)
        for attribute in ("number", "name", "title", "period", "quarter"):
            value = getattr(record, attribute, None)
            if value:
                return str(value)
        return None

    # Values --------------------------------------------------------------------------
    def value(self, table: str, field: str, raw: str | None, limit: int = SHORT_TEXT) -> ShownValue:
        """A stored value as the office reads it (see ShownValue)."""
        if raw is None or raw == "":
            return ShownValue("empty")
        if raw == _MASKED:
            return ShownValue("hidden")
        if raw == _MASKED_CHANGED:
            return ShownValue("changed_hidden")
        model = self.models.get(table)
        column = model._meta.fields.get(field) if model is not None else None
        if isinstance(column, pw.ForeignKeyField) and raw.isdigit():
            name = self._name(column.rel_model._meta.table_name, int(raw))
            return ShownValue("text", name or f"#{raw}")
        if isinstance(column, pw.BooleanField) or (column is None and raw in ("True", "False")):
            if raw in ("True", "1"):
                return ShownValue("yes")
            if raw in ("False", "0"):
                return ShownValue("no")
        if isinstance(column, pw.DateTimeField) or (column is None and _looks_like_datetime(raw)):
            return ShownValue("text", _datetime_text(raw))
        if isinstance(column, pw.DateField):
            return ShownValue("text", raw[:10])
        if found := _FILE.fullmatch(raw):
            return ShownValue("file", count=int(found.group(1)))
        if field == "strokes" and (count := stroke_count(raw)) is not None:
            return ShownValue("strokes", count=count)
        if field in ("role", "approver_role"):
            return ShownValue("text", domain.ROLES.get(raw, raw))
        text = mask_value(field, raw)
        short = shorten(text, limit)
        return ShownValue("text", short, full=text if short != text else "")

    def new_values(self, entry: AuditEntry) -> list[tuple[str, ShownValue]]:
        """A 新建 entry's fields worth reading, in the model's order: not empty, not the id,
        not the program's own bookkeeping (TECHNICAL_FIELDS)."""
        try:
            values = json.loads(entry.new or "{}")
        except ValueError:
            return [("", ShownValue("text", shorten(entry.new or "")))]
        if not isinstance(values, dict):
            return [("", ShownValue("text", shorten(str(values))))]
        skip = TECHNICAL_FIELDS.get(entry.table, set()) | {"id"}
        record = self.record_name(entry.table, entry.record_id)
        out = []
        for name, raw in values.items():
            if name in skip or raw in ("", None):
                continue
            if name in ("number", "title") and str(raw) == record:
                continue  # the record's own name: the window shows it beside the entry
            shown = self.value(entry.table, name, str(raw), limit=30)
            if shown.kind != "empty":
                out.append((name, shown))
        return out


def _looks_like_datetime(raw: str) -> bool:
    return len(raw) >= 16 and raw[10:11] == "T" and raw[:4].isdigit() and raw[4:5] == "-"


def _datetime_text(raw: str) -> str:
    """2026-09-28T09:30:00.123 -> 2026-09-28 09:30 (a date alone stays a date)."""
    try:
        value = dt.datetime.fromisoformat(raw)
    except ValueError:
        return raw
    return f"{value:%Y-%m-%d %H:%M}" if len(raw) > 10 else f"{value:%Y-%m-%d}"
