"""The audit trail: reading it, checking its hash chain, logging reads of owners' data.

Changes are written by `AuditedModel.save` in the same transaction as the change
(app/models.py); reads of personal data are written here (顾客资料查看有记录).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

import peewee as pw

from app.models import GENESIS, AuditEntry, Owner, Setting, db, write_audit

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
