"""An audit trail at the scale of ten years: about 20 entries a case, keyed and chained as the
program writes them (`app.models.write_audit`), so the window, the chain check and `check`
are measured against what an office's file really holds.

`bench/generate.py` bypasses the audited `save()` for speed; this adds the trail afterwards:
for each case its creation (one entry per field, as `AuditedModel` writes them), a few changes
of state and deadline, and now and then a read of an owner's file, in the order of the cases'
times. The chain's head is sealed with the office key at the end, as after a real day's work.

    python -m bench.audit_trail FOLDER [--per-case 20]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from pathlib import Path

from app.models import GENESIS, AuditEntry, Setting, db, entry_hash, entry_payload, head_mac

# What a case's creation writes (a subset of its fields, as the model writes them).
_CREATED_FIELDS = (
    "number",
    "received_at",
    "channel",
    "kind",
    "severity",
    "category",
    "urgency",
    "account",
    "state",
)
_STATES = ("已派工", "处理中", "已办结", "已关闭")
_ACTORS = ("张丽", "王芳", "李强", "刘洋", "陈静", "赵敏", "bench-admin")


def add_trail(per_case: int = 20, seed: int = 2026, progress: bool = True) -> int:
    """Append about `per_case` entries for every case to the open office's trail; returns how many."""
    from app.audit import audit_key

    key = audit_key()
    rng = random.Random(seed)
    head_row = Setting.get_or_none(Setting.key == "audit_head")
    head = json.loads(head_row.value) if head_row else {"hash": GENESIS, "count": 0}
    prev, count = str(head["hash"]), int(head["count"])
    sql = (
        f'INSERT INTO "{AuditEntry._meta.table_name}" ("at", actor, action, "table", record_id, field, old, new, '
        "prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)"
    )
    cursor = db.execute_sql(
        'SELECT id, number, received_at, kind, category, account FROM "case" ORDER BY received_at, id'
    )
    started = time.perf_counter()
    written = 0
    batch: list[tuple[object, ...]] = []

    def add(
        at: dt.datetime,
        actor: str,
        action: str,
        table: str,
        record: str,
        field: str,
        old: str | None,
        new: str | None,
    ) -> None:
        nonlocal prev, written
        payload = entry_payload(prev, at, actor, action, table, record, field, old, new)
        digest = entry_hash(key, payload)
        batch.append(
            (at.strftime("%Y-%m-%d %H:%M:%S"), actor, action, table, record, field, old, new, prev, digest)
        )
        prev = digest
        written += 1

    with db.atomic():
        while rows := cursor.fetchmany(5000):
            for case_id, number, received, kind, category, account in rows:
                at = (
                    received
                    if isinstance(received, dt.datetime)
                    else dt.datetime.fromisoformat(str(received)[:19])
                )
                actor = rng.choice(_ACTORS)
                record = str(case_id)
                values = {
                    "number": number,
                    "received_at": at.isoformat(),
                    "channel": "电话",
                    "kind": kind,
                    "severity": "轻微",
                    "category": category,
                    "urgency": "一般",
                    "account": account,
                    "state": "待派工",
                }
                for field in _CREATED_FIELDS:
                    add(at, actor, "新建", "case", record, field, None, str(values[field]))
                old = "待派工"
                for step in range(max(0, per_case - len(_CREATED_FIELDS) - 1)):
                    at += dt.timedelta(hours=rng.randint(1, 30))
                    if step % 3 == 2:
                        add(
                            at,
                            rng.choice(_ACTORS),
                            "修改",
                            "case",
                            record,
                            "updated_at",
                            None,
                            at.isoformat(),
                        )
                        continue
                    new = _STATES[min(step // 3, len(_STATES) - 1)]
                    add(at, rng.choice(_ACTORS), "修改", "case", record, "state", old, new)
                    old = new
                if rng.random() < 0.5:
                    add(
                        at,
                        rng.choice(_ACTORS),
                        "查看业主档案",
                        "owner",
                        str(rng.randint(1, 10_000)),
                        "",
                        None,
                        "案件详情",
                    )
            db.connection().executemany(sql, batch)
            batch.clear()
            if progress:
                print(
                    f"\r  审计记录 {written:,} 条 ({time.perf_counter() - started:.0f} s)",
                    end="",
                    file=sys.stderr,
                )
        count += written
        value = json.dumps({"hash": prev, "count": count, "mac": head_mac(key, prev, count)})
        Setting.insert(key="audit_head", value=value).on_conflict_replace().execute()
    if progress:
        print(file=sys.stderr)
    return written


def main(argv: list[str] | None = None) -> int:
    from app.office import Office
    from bench import generate

    p = argparse.ArgumentParser(prog="python -m bench.audit_trail")
    p.add_argument("folder", type=Path)
    p.add_argument("--per-case", type=int, default=20)
    args = p.parse_args(argv)
    office = Office.login(args.folder, generate.ADMIN, generate.ADMIN_PASSWORD)
    try:
        started = time.perf_counter()
        n = add_trail(args.per_case)
        print(f"{n:,} audit entries in {time.perf_counter() - started:.1f} s")
    finally:
        office.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
