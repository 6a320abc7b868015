"""Writing many rows at once, as the one-by-one path would write them.

peewee's own `insert_many` and `save` spend most of a large import building SQL, so the
batch writers (`app.case_batch` for cases, `app.ledger.restore` for what the program's own
export brings back) insert with one `executemany` per table. An audited record written so
still gets exactly the entries `AuditedModel.save` would write (`insert_audited`,
`modified_entries`), in the same transaction.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import peewee as pw

from app.models import AuditedModel, _audit_value, db, masked_value, write_audit


def insert_rows(model: type[pw.Model], rows: list[dict[str, Any]]) -> None:
    """INSERT many rows at once (the keys of the first row; the fields it leaves out get
    their defaults), each value converted by its field as peewee would."""
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


def insert_audited(model: type[AuditedModel], records: Sequence[AuditedModel]) -> None:
    """Insert `records` (ids handed out here, as SQLite would: call inside the transaction)
    with the 新建 entry `AuditedModel.save` writes for each, from the same values."""
    if not records:
        return
    next_id = int(model.select(pw.fn.MAX(model.id)).scalar() or 0) + 1
    for offset, record in enumerate(records):
        record.id = next_id + offset
    insert_rows(model, [dict(r.__data__) for r in records])
    table = model._meta.table_name
    write_audit(
        [
            {"action": "新建", "table": table, "record_id": str(r.id), "field": "", "old": None,
             "new": json.dumps(r.audit_values(), ensure_ascii=False)}
            for r in records
        ]
    )  # fmt: skip
    for record in records:
        record._dirty.clear()  # type: ignore[attr-defined]  # as peewee's save leaves it


def modified_entries(record: AuditedModel, before: dict[str, Any]) -> list[dict[str, Any]]:
    """The 修改 entries `AuditedModel.save` writes for the fields changed since `before`
    (the record's values then, `dict(record.__data__)`), in the order it writes them."""
    table = record._meta.table_name
    rows = []
    for f in record._meta.sorted_fields:
        name = f.name
        if name in record.AUDIT_SKIP or f.primary_key or before.get(name) == record.__data__.get(name):
            continue
        old, new = _audit_value(before.get(name)), _audit_value(record.__data__.get(name))
        if old != new and name in record.AUDIT_MASK:
            old = masked_value(table, str(record.id), name, old)
            new = masked_value(table, str(record.id), name, new, changed=True)
        if old != new:
            rows.append({"action": "修改", "table": table, "record_id": str(record.id), "field": name,
                         "old": old, "new": new})  # fmt: skip
    return rows


def update_rows(model: type[pw.Model], records: Sequence[pw.Model], names: list[str]) -> None:
    """UPDATE the fields `names` of many records at once, from their values in memory."""
    if not records:
        return
    fields = [model._meta.fields[n] for n in names]
    sets = ", ".join(f'"{f.column_name}" = ?' for f in fields)
    sql = f'UPDATE "{model._meta.table_name}" SET {sets} WHERE id = ?'
    data = [[f.db_value(r.__data__.get(f.name)) for f in fields] + [r.get_id()] for r in records]
    db.connection().cursor().executemany(sql, data)
