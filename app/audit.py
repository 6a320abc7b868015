"""The audit trail: reading it, checking its hash chain, logging reads of owners' data.

Changes are written by `AuditedModel.save` in the same transaction as the change
(app/models.py); reads of personal data are written here (顾客资料查看有记录).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import peewee as pw

from app import domain, keyring
from app.i18n import N_, term, tr
from app.models import (
    GENESIS,
    MASKED,
    MASKED_CHANGED,
    AuditedModel,
    AuditEntry,
    Case,
    Owner,
    Setting,
    _audit_value,
    audit_key,
    db,
    entry_hash,
    entry_payload,
    head_mac,
    masked_digest,
    tuple_rows,
    write_audit,
)
from app.permissions import require

REVEAL_PHONE = N_("显示号码", "audit")
EXPORT_CASES = N_("导出案件台账", "audit")
PRINT_VISIT_FORM = N_("打印回访表", "audit")
PRINT_RECORD = N_("打印记录表", "audit")
ACCESS_ACTIONS = [
    N_("查看业主档案", "audit"),
    N_("显示号码", "audit"),
    N_("显示身份证号", "audit"),
    N_("导出业主资料", "audit"),
    N_("导出案件台账", "audit"),  # every case, with callers' names and phones
    N_("打印回访表", "audit"),  # a visit's 回访记录表 printed with the owner's name and phone
    N_("打印记录表", "audit"),  # a case's 顾客投诉处理记录表 printed with the caller's name and phone
]


def log_access(action: str, owner: Owner | None, detail: str = "", case: Case | None = None) -> None:
    """A read of personal data: who (the acting person), when, whose (the owner; else the
    case the caller is on), what."""
    if owner is not None:
        table, record_id = "owner", str(owner.id)
    elif case is not None:
        table, record_id = "case", str(case.id)
    else:
        table, record_id = "owner", "-"
    with db.atomic():
        write_audit(
            [
                {
                    "action": action,
                    "table": table,
                    "record_id": record_id,
                    "field": "",
                    "old": None,
                    "new": detail or (owner.name if owner else ""),
                }
            ]
        )


# Checking the chain ---------------------------------------------------------------------
MAX_LISTED = 20  # findings of one kind listed one by one; the rest are counted
CHAIN_PROGRESS_EVERY = 5000  # entries checked between two calls of chain_problems' progress
# data: migration 7's entry of a record's values as found at the upgrade
UPGRADE_ACTION = N_("升级核对", "audit")
RESEAL_ACTION = N_("重新密封", "audit")  # data: migration 7's note that the old chain was sealed with the key
SYSTEM_ACTOR = N_("系统")  # data: the actor of what no person did (app.models' default actor)
# The other actions written elsewhere (app/staff.py's passwords and locks, an import), marked here
# so that the audit window shows them in the chosen language: term(action, "audit").
OTHER_ACTIONS = [
    N_("设置密码", "audit"),
    N_("重设密码", "audit"),
    N_("解除锁定", "audit"),
    N_("导入", "audit"),
]


class _Findings:
    """Findings of one kind: the first MAX_LISTED in full, then how many more."""

    def __init__(self, more: str) -> None:
        self.lines: list[str] = []
        self.extra = 0
        self.more = more

    def add(self, line: str) -> None:
        if len(self.lines) < MAX_LISTED:
            self.lines.append(line)
        else:
            self.extra += 1

    def full(self) -> bool:
        """Counted only from now on: the caller need not put the finding in words."""
        if len(self.lines) < MAX_LISTED:
            return False
        self.extra += 1
        return True

    def out(self) -> list[str]:
        return self.lines + ([tr(self.more, self.extra)] if self.extra else [])


VERIFIED_KEY = "audit_verified"  # the settings row of the last verified point (see `Verified`)


@dataclass(frozen=True)
class Verified:
    """The last point of the trail a check found whole: the entry's id and hash, how many
    entries there were up to it, and when (the office's time). Sealed with the office key, so
    it cannot be moved forward over an edited entry without a login."""

    entry_id: int
    hash: str
    count: int
    at: str

    def mac(self, key: bytes) -> str:
        return entry_hash(key, f"verified:{self.entry_id}:{self.hash}:{self.count}:{self.at}")


@dataclass(frozen=True)
class ChainResult:
    """What one pass over the chain found, and where it ended (the point a later check can
    start from when nothing was found)."""

    problems: list[str]
    last_id: int
    last_hash: str
    count: int


def verified_point() -> Verified | None:
    """The last verified point, if one was recorded and its seal holds (else a full check)."""
    row = Setting.get_or_none(Setting.key == VERIFIED_KEY)
    if row is None:
        return None
    try:
        info = json.loads(row.value)
        point = Verified(int(info["id"]), str(info["hash"]), int(info["count"]), str(info["at"]))
        return point if hmac.compare_digest(point.mac(audit_key()), str(info.get("mac", ""))) else None
    except (ValueError, KeyError, TypeError, keyring.NoOfficeKey):
        return None


def record_verified(result: ChainResult, at: dt.datetime) -> Verified | None:
    """After a check that found nothing, remember where it ended; call in a write transaction."""
    if result.problems or not result.count:
        return None
    point = Verified(result.last_id, result.last_hash, result.count, at.replace(microsecond=0).isoformat())
    value = {"id": point.entry_id, "hash": point.hash, "count": point.count, "at": point.at}
    value["mac"] = point.mac(audit_key())
    Setting.insert(key=VERIFIED_KEY, value=json.dumps(value)).on_conflict_replace().execute()
    return point


def chain_problems(progress: Callable[[int, int, str], None] | None = None) -> list[str]:
    """Every break in the keyed hash chain: an edited, removed or inserted entry, an entry whose
    hash was recomputed without the office's key, a head set back. `progress(checked, total,
    "")` is called once the entries are counted, every CHAIN_PROGRESS_EVERY entries and at the
    end of them; an exception it raises stops the check and goes to the caller (取消)."""
    return check_chain(progress).problems


def check_chain(
    progress: Callable[[int, int, str], None] | None = None, since: Verified | None = None
) -> ChainResult:
    """The chain check, whole or from `since` (a verified point): from there only the entries
    after it are hashed, after making sure the point's entry still holds its hash. What lies
    before the point is vouched for by the check that recorded it, not read again (counting it
    alone takes seconds at millions of entries): an entry edited or removed before the point
    is found by a full check (no `since`), which `check` and every backup make.
    `progress(checked, total, "")` counts the entries this pass reads."""
    try:
        key = audit_key()
    except keyring.NoOfficeKey:
        return ChainResult(
            [tr("没有登录,无法用本服务中心的密钥核对审计记录。请登录后再检查。")], 0, GENESIS, 0
        )
    start: list[str] = []
    prev, count, after = GENESIS, 0, 0
    if since is not None:
        stored = AuditEntry.select(AuditEntry.hash).where(AuditEntry.id == since.entry_id).first()
        if stored is None or stored.hash != since.hash:
            start.append(
                tr(
                    "上次核对到第 {entry_id} 条为止完好,此后该条被删除或改动:请做完整校验",
                    entry_id=since.entry_id,
                )
            )
        prev, count, after = since.hash, since.count, since.entry_id
    total = 0
    if progress is not None:
        total = int(AuditEntry.select().where(AuditEntry.id > after).count())
        progress(0, total, "")
    links = _Findings(N_("另有 {0} 处审计记录的链接不符"))
    edited = _Findings(N_("另有 {0} 条审计记录的校验值不符"))
    checked = 0
    last_id = after
    for entry_id, at, actor, action, table, record_id, field, old, new, prev_hash, digest in _raw_trail(
        after
    ):
        checked += 1
        if prev_hash != prev:
            links.add(tr("审计记录第 {entry_id} 条之前的记录被删除、插入或改动(链接不符)", entry_id=entry_id))
        payload = entry_payload(prev_hash, at, actor, action, table, record_id, field, old, new)
        if not hmac.compare_digest(entry_hash(key, payload), digest or ""):
            what = f"{at[:16].replace('T', ' ')} {actor} {term(action)} {term(TABLE_WORDS.get(table, table))} {record_id}"
            if digest == hashlib.sha256(payload.encode("utf-8")).hexdigest():
                edited.add(
                    tr(
                        "审计记录第 {entry_id} 条({what})的校验值不是用本服务中心的密钥算出的:"
                        "记录被改动或添加后,有人用不带密钥的算法重新计算过",
                        entry_id=entry_id,
                        what=what,
                    )
                )
            else:
                edited.add(
                    tr(
                        "审计记录第 {entry_id} 条({what})的内容被改动(校验值不符)",
                        entry_id=entry_id,
                        what=what,
                    )
                )
        prev = digest
        last_id = entry_id
        if progress is not None and checked % CHAIN_PROGRESS_EVERY == 0:
            progress(checked, total, "")
    count += checked
    if progress is not None:
        progress(checked, total, "")
    problems = start + links.out() + edited.out()
    head = Setting.get_or_none(Setting.key == "audit_head")
    if head is None:
        if count:
            problems.append(tr("审计记录的链头缺失(链头被删除)"))
        return ChainResult(problems, last_id, prev, count)
    try:
        info = json.loads(head.value)
        head_hash, head_count, mac = str(info["hash"]), int(info["count"]), str(info.get("mac", ""))
    except (ValueError, KeyError, TypeError):
        return ChainResult([*problems, tr("审计记录的链头已损坏,无法读取")], last_id, prev, count)
    if not hmac.compare_digest(head_mac(key, head_hash, head_count), mac):
        problems.append(tr("审计记录的链头校验值不符:链头被改动(可能有记录从末尾被删除后又改了链头)"))
    if head_count != count or head_hash != prev:
        problems.append(
            tr(
                "审计记录末尾被删除或改动(应有 {head_count} 条,实有 {count} 条)",
                head_count=head_count,
                count=count,
            )
        )
    return ChainResult(problems, last_id, prev, count)


def _raw_trail(after: int = 0) -> Iterator[tuple[Any, ...]]:
    """Every entry after id `after` as stored, oldest first, its time as the payload writes it
    (ISO, with a T): read past peewee's conversions, which cost more than the hashing."""
    at_field = AuditEntry.at
    cursor = db.execute_sql(
        'SELECT id, "at", actor, action, "table", record_id, field, old, new, prev_hash, hash '
        f'FROM "{AuditEntry._meta.table_name}" WHERE id > ? ORDER BY id',
        (after,),
    )
    while rows := cursor.fetchmany(2000):
        for row in rows:
            at = row[1]
            if isinstance(at, str) and len(at) == 19 and at[10] == " ":
                at = f"{at[:10]}T{at[11:]}"
            else:  # written otherwise (fractions of a second): as the model reads it
                at = str(_audit_value(at_field.python_value(at)))
            yield (row[0], at, *row[2:])


def reseal_chain(note: str) -> str:
    """Seal an unkeyed trail of an older version with the office's key, once, at the upgrade
    (migration 7): every entry's hash is computed again with the key, in order, and an entry
    says so, with the old head and what the old chain's own check found. Returns the old head."""
    key = audit_key()
    old_head = Setting.get_or_none(Setting.key == "audit_head")
    old_value = old_head.value if old_head else json.dumps({"hash": GENESIS, "count": 0})
    legacy = _legacy_chain_problems()
    prev = GENESIS
    count = 0
    batch: list[tuple[str, str, int]] = []
    for entry_id, at, actor, action, table, record_id, field, old, new, _, _ in list(_raw_trail()):
        digest = entry_hash(key, entry_payload(prev, at, actor, action, table, record_id, field, old, new))
        batch.append((prev, digest, entry_id))
        prev = digest
        count += 1
    cursor = db.connection().cursor()
    for chunk in pw.chunked(batch, 1000):
        cursor.executemany(
            f'UPDATE "{AuditEntry._meta.table_name}" SET prev_hash = ?, hash = ? WHERE id = ?', chunk
        )
    value = json.dumps({"hash": prev, "count": count, "mac": head_mac(key, prev, count)})
    Setting.insert(key="audit_head", value=value).on_conflict_replace().execute()
    found = ";".join(legacy[:MAX_LISTED]) + (f" 等 {len(legacy)} 处" if len(legacy) > MAX_LISTED else "")
    write_audit(
        [
            {
                "action": RESEAL_ACTION,
                "table": "audit_entry",
                "record_id": "全部",
                "field": "",
                "old": old_value,
                "new": f"{note}:用本服务中心的密钥重新密封了 {count} 条审计记录。"
                + (f"密封前,旧的审计链有问题:{found}" if legacy else "密封前,旧的审计链完整。"),
            }
        ]
    )
    return old_value


def _legacy_chain_problems() -> list[str]:
    """The unkeyed chain of versions before 0.3, checked as those versions did (at the upgrade)."""
    problems = []
    prev = GENESIS
    count = 0
    for entry_id, at, actor, action, table, record_id, field, old, new, prev_hash, digest in _raw_trail():
        count += 1
        if prev_hash != prev:
            problems.append(f"第 {entry_id} 条之前链接不符")
        payload = entry_payload(prev_hash, at, actor, action, table, record_id, field, old, new)
        if digest != hashlib.sha256(payload.encode("utf-8")).hexdigest():
            problems.append(f"第 {entry_id} 条内容被改动")
        prev = digest
    head = Setting.get_or_none(Setting.key == "audit_head")
    if head is not None:
        info = json.loads(head.value)
        if info.get("count") != count or info.get("hash") != prev:
            problems.append(f"末尾被删除或改动(应有 {info.get('count')} 条,实有 {count} 条)")
    return problems


# The trail compared with the data ----------------------------------------------------------
# Every audited record's current values are what the trail's last entries say: its 新建
# (or the values found at the upgrade, 升级核对), then each 修改; a record the trail deleted
# (删除) is gone. A row the trail does not know, a value it does not say, and a record the
# trail has but the data lacks are each a finding in words.
_RECORD_ACTIONS = [N_("新建", "audit"), N_("修改", "audit"), N_("删除", "audit"), UPGRADE_ACTION]
_ABSENT = object()  # a field the trail never mentioned for a record (a column added later)


@dataclass(frozen=True)
class Difference:
    """One way the data and the trail disagree. kind: "untracked" (a row the trail has no
    新建 for), "value" (a field differs), "missing" (the trail has the record, the data not)."""

    kind: str
    table: str
    record_id: str
    field: str = ""
    recorded: str | None = None
    actual: str | None = None
    names: dict[str, Any] | None = None  # the record's values from the trail (for naming it)


def _converter(field: pw.Field) -> Any:
    """How a value of this field is written in the trail, made comparable (a time typed as
    '2026-09-28 09:30' and read back as 2026-09-28T09:30:00 are the same value)."""
    if isinstance(field, pw.BooleanField):
        return lambda text: {"1": "True", "0": "False", "true": "True", "false": "False"}.get(text, text)
    if isinstance(field, (pw.IntegerField, pw.ForeignKeyField, pw.AutoField)):

        def integer(text: str) -> str:
            try:
                return str(int(float(text)))
            except ValueError:
                return text

        return integer
    if isinstance(field, pw.FloatField):

        def number(text: str) -> str:
            try:
                return repr(float(text))
            except ValueError:
                return text

        return number
    if isinstance(field, pw.DateTimeField):

        def when(text: str) -> str:
            try:
                return dt.datetime.fromisoformat(text).isoformat()
            except ValueError:
                return text

        return when
    if isinstance(field, pw.DateField):

        def day(text: str) -> str:
            try:
                return dt.date.fromisoformat(text[:10]).isoformat()
            except ValueError:
                return text

        return day
    return lambda text: text


def _fetched(cursor: Any) -> Iterator[tuple[Any, ...]]:
    while rows := cursor.fetchmany(2000):
        yield from rows


def _stored_as_written(field: pw.Field) -> Any:
    """A stored value as the trail would write it, for the quick comparison of most values
    (anything not equal then goes the long way, through the field's own conversion)."""
    if isinstance(field, pw.BooleanField):
        return lambda stored: None if stored is None else str(bool(stored))
    if isinstance(field, (pw.DateTimeField, pw.DateField)):
        return lambda stored: (
            f"{stored[:10]}T{stored[11:]}" if isinstance(stored, str) and len(stored) > 10 else stored
        )
    if isinstance(field, (pw.BlobField, pw.FloatField)):
        return lambda stored: _audit_value(stored)
    return lambda stored: None if stored is None else str(stored)


def _trail_states(table: str, known: set[str]) -> Iterator[tuple[int, str | None, dict[str, str | None]]]:
    """What the trail says of each record of `table`, in the order of the records' ids: its last
    新建 (or 升级核对) as the JSON text the trail holds (None when deleted, or never created),
    and the fields changed since. SQLite sorts the table's entries by record, so one record at
    a time is held here, however long the trail (ten years of cases held at once would take a
    gigabyte)."""
    marks = ", ".join("?" for _ in _RECORD_ACTIONS)
    cursor = db.execute_sql(
        f'SELECT CAST(record_id AS INTEGER) AS rid, record_id, action, field, new FROM "{AuditEntry._meta.table_name}" '
        f"WHERE \"table\" = ? AND action IN ({marks}) AND record_id GLOB '[0-9]*' ORDER BY rid, id",
        (table, *_RECORD_ACTIONS),
    )
    current: int | None = None
    created: str | None = None
    changed: dict[str, str | None] = {}
    for rid, record_id, action, field, new in _fetched(cursor):
        if not record_id.isdigit():
            continue  # a summary of many (an older import's rooms: "批量", "台账导入")
        if rid != current:
            if current is not None:
                yield current, created, changed
            current, created, changed = rid, None, {}
        if action in ("新建", UPGRADE_ACTION):
            created, changed = new or "{}", {}
        elif action == "修改":
            if field in known:
                changed[field] = new
        elif action == "删除":
            created, changed = None, {}
    if current is not None:
        yield current, created, changed


def _compare_table(model: type[AuditedModel]) -> Iterator[Difference]:
    """One table against its part of the trail: the table's entries sorted by record and its
    rows by id, walked side by side (one pass over each)."""
    table = model._meta.table_name
    fields = [f for f in model._meta.sorted_fields if not f.primary_key and f.name not in model.AUDIT_SKIP]
    known = {f.name for f in fields}

    def recorded(created: str, changed: dict[str, str | None]) -> dict[str, Any]:
        try:
            values = json.loads(created)
        except ValueError:
            values = {}
        out = {k: v for k, v in values.items() if k in known} if isinstance(values, dict) else {}
        out.update(changed)
        return out

    converters = {f.name: _converter(f) for f in fields}
    defaults = {
        f.name: None if f.default is None or callable(f.default) else _audit_value(f.default) for f in fields
    }
    masked = set(model.AUDIT_MASK)
    quick = [_stored_as_written(f) for f in fields]
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    rows = db.execute_sql(f'SELECT "id", {columns} FROM "{table}" ORDER BY "id"')
    states = _trail_states(table, known)
    state = next(states, None)
    for row in _fetched(rows):
        record_id = str(row[0])
        while state is not None and state[0] < row[0]:
            if state[1] is not None:  # the trail has it, the data not
                yield Difference("missing", table, str(state[0]), names=recorded(state[1], state[2]))
            state = next(states, None)
        said_of = state if state is not None and state[0] == row[0] else None
        if said_of is not None:
            state = next(states, None)
        if said_of is None or said_of[1] is None:
            yield Difference("untracked", table, record_id)
            continue
        values = recorded(said_of[1], said_of[2])
        for field, stored, as_written in zip(fields, row[1:], quick, strict=True):
            name = field.name
            said = values.get(name, _ABSENT)
            if said is not _ABSENT and name not in masked and said == as_written(stored):
                continue  # the common case, without converting the value through peewee
            actual = _audit_value(field.python_value(stored))
            if said is _ABSENT:
                if actual is None or actual == defaults[name]:
                    continue
                yield Difference("value", table, record_id, name, None, actual)
                continue
            if name in masked:
                digest = str(said).rpartition("#")[2] if said is not None and "#" in str(said) else None
                if digest is None:
                    continue  # an older entry without the digest: it cannot be compared
                if digest != masked_digest(table, record_id, name, actual):
                    yield Difference("value", table, record_id, name, MASKED, MASKED)
                continue
            if said == actual:
                continue
            convert = converters[name]
            if said is not None and actual is not None and convert(str(said)) == convert(actual):
                continue
            yield Difference("value", table, record_id, name, said, actual)
    while state is not None:
        if state[1] is not None:
            yield Difference("missing", table, str(state[0]), names=recorded(state[1], state[2]))
        state = next(states, None)


def differences() -> Iterator[Difference]:
    """Every way the data and the trail disagree, table by table."""
    for table, model in sorted(audited_models().items()):
        if db.table_exists(table):  # a part of the program whose table this file does not have yet
            yield from _compare_table(model)


def field_word(table: str, field: str) -> str:
    return TABLE_FIELD_WORDS.get((table, field)) or FIELD_WORDS.get(field, field)


def field_words() -> dict[str, str]:
    return dict(FIELD_WORDS)


def _recorded_name(table: str, record_id: str, values: dict[str, Any] | None) -> str:
    for name in ("number", "name", "title", "period", "quarter", "day"):
        if values and values.get(name):
            return str(values[name])
    return f"#{record_id}"


def _value_words(reader: Reader, table: str, field: str, value: str | None) -> str:
    if value is None or value == "":
        return tr("(空)")
    if value == MASKED:
        return tr("(不显示)")
    shown = reader.value(table, field, value, limit=40)
    if shown.kind in ("yes", "no"):
        return tr("是") if shown.kind == "yes" else tr("否")
    if shown.kind == "file":
        return tr("文件({count} 字节)", count=shown.count)
    if shown.kind == "strokes":
        return tr("签名({count} 笔)", count=shown.count)
    return tr("“{text}”", text=term(shown.text))


def trail_problems() -> list[str]:
    """The data compared with the trail, each difference in words (for `check`)."""
    reader = Reader()
    untracked = _Findings(N_("另有 {0} 条记录在审计记录中没有新建记录"))
    values = _Findings(N_("另有 {0} 处数据与审计记录不符"))
    missing = _Findings(N_("另有 {0} 条审计记录中有的记录在数据中没有"))
    for found in differences():
        kind = {"untracked": untracked, "value": values}.get(found.kind, missing)
        if kind.full():
            continue
        what = term(TABLE_WORDS.get(found.table, found.table))
        if found.kind == "untracked":
            name = reader.record_name(found.table, found.record_id)
            untracked.add(
                tr(
                    "{what} {name} 在审计记录中没有新建记录:它是绕过程序直接写进数据库的,或者它的审计记录被删除了",
                    what=what,
                    name=name,
                )
            )
        elif found.kind == "value":
            name = reader.record_name(found.table, found.record_id)
            values.add(
                tr(
                    "{what} {name} 的{field}与审计记录不符:记录为{recorded},数据为{actual}",
                    what=what,
                    name=name,
                    field=term(field_word(found.table, found.field)),
                    recorded=_value_words(reader, found.table, found.field, found.recorded),
                    actual=_value_words(reader, found.table, found.field, found.actual),
                )
            )
        else:
            name = _recorded_name(found.table, found.record_id, found.names)
            missing.add(
                tr(
                    "审计记录中有{what} {name},数据中却没有:它被删除了,而审计记录中没有删除记录",
                    what=what,
                    name=name,
                )
            )
    return values.out() + missing.out() + untracked.out()


def record_upgrade_baseline(note: str) -> int:
    """At the upgrade to the keyed trail (migration 7): what the older, unkeyed trail could not
    vouch for is written once as found, so that from now on every difference is a finding.
    Each record whose values differ, which the trail did not know, or whose masked fields the
    trail holds without a digest, gets one 升级核对 entry with its values; a record the trail
    has and the data lacks, a 删除 entry. Returns how many entries were written."""
    rows: list[dict[str, Any]] = []
    models = audited_models()
    for table, model in sorted(models.items()):
        if not db.table_exists(table):
            continue  # a part of the program whose table a later step makes
        stale = {str(found.record_id): found for found in _compare_table(model)}
        if model.AUDIT_MASK:
            stale.update({rid: Difference("value", table, rid) for rid in _legacy_masked(model)})
        keyed = [int(rid) for rid, found in stale.items() if found.kind != "missing"]
        for chunk in pw.chunked(keyed, 500):
            for record in model.select().where(model.id.in_(chunk)).order_by(model.id):
                rows.append({"action": UPGRADE_ACTION, "table": table, "record_id": str(record.get_id()),
                             "field": note, "old": None, "new": json.dumps(record.audit_values(), ensure_ascii=False)})  # fmt: skip
        for rid, found in stale.items():
            if found.kind == "missing":
                rows.append({"action": "删除", "table": table, "record_id": rid, "field": note,
                             "old": json.dumps(found.names or {}, ensure_ascii=False), "new": None})  # fmt: skip
    for batch in pw.chunked(rows, 1000):
        write_audit(list(batch))
    return len(rows)


def _legacy_masked(model: type[AuditedModel]) -> set[str]:
    """Records of `model` whose latest entry for a masked field holds no digest (older entries)."""
    table = model._meta.table_name
    last: dict[tuple[str, str], bool] = {}
    query = (
        AuditEntry.select(AuditEntry.record_id, AuditEntry.action, AuditEntry.field, AuditEntry.new)
        .where(AuditEntry.table == table, AuditEntry.action.in_(_RECORD_ACTIONS))
        .order_by(AuditEntry.id)
    )
    for record_id, action, field, new in tuple_rows(query):
        if action in ("新建", UPGRADE_ACTION):
            try:
                values = json.loads(new or "{}")
            except ValueError:
                continue
            if isinstance(values, dict):
                for name in model.AUDIT_MASK:
                    if name in values:
                        last[(record_id, name)] = "#" in str(values[name])
        elif action == "修改" and field in model.AUDIT_MASK:
            last[(record_id, field)] = "#" in str(new or "")
    return {record_id for (record_id, _), ok in last.items() if not ok}


def record_created(model: type[AuditedModel], ids: Iterable[int]) -> int:
    """新建 entries for rows of `model` written in bulk (insert_many, insert_rows, raw SQL),
    read back from the database as `AuditedModel.save` would write them; call in the
    transaction of the insert. Returns how many."""
    count = 0
    for chunk in pw.chunked(sorted(set(ids)), 500):
        query = model.select().where(model.id.in_(chunk)).order_by(model.id)
        rows = [
            {"action": "新建", "table": model._meta.table_name, "record_id": str(record.get_id()),
             "field": "", "old": None, "new": json.dumps(record.audit_values(), ensure_ascii=False)}
            for record in query
        ]  # fmt: skip
        write_audit(rows)
        count += len(rows)
    return count


def record_created_after(model: type[AuditedModel], last_id: int) -> int:
    """`record_created` for every row of `model` past `last_id` (see `last_id`)."""
    key = model.id
    ids = [row[0] for row in tuple_rows(model.select(key).where(key > last_id).order_by(key))]
    return record_created(model, ids)


def last_id(model: type[AuditedModel]) -> int:
    """The highest id of `model` now: pass it to `record_created_after` after a bulk insert."""
    return int(model.select(pw.fn.MAX(model.id)).scalar() or 0)


TABLE_WORDS = {
    "case": N_("案件"), "visit": N_("回访"), "owner": N_("业主"), "room": N_("房号"), "staff": N_("员工"), "department": N_("部门"),
    "dispatch": N_("工作联系单"), "extension": N_("延期"), "major_report": N_("重大投诉报告"), "open_letter": N_("公开信"),
    "visit_decision": N_("回访抽样"), "rework_notice": N_("返工通知"), "signature": N_("签名"), "visit_review": N_("回访审核"),
    "form_archive_batch": N_("表单归档批次"), "form_destruction": N_("表单销毁记录"), "form_sheet": N_("回访记录表"),
    "report_archive": N_("季度分析归档"), "holiday": N_("节假日"), "scan_page": N_("扫描页"), "audit_entry": N_("审计记录"),
    "policy": N_("制度设置"),
}  # fmt: skip
# The office's names of the fields, for findings in words (the history window has its own
# translatable copy, ui/history.py; tests/test_trail_keyed.py keeps the two the same).
FIELD_WORDS = {
    "account": N_("内容"), "active": N_("在用"), "anonymous": N_("匿名"), "answer_due": N_("答复期限"), "answer_method": N_("答复方式"),
    "answer_text": N_("答复内容"), "answered_at": N_("明确答复时间"), "answered_by": N_("答复人"), "appointment": N_("预约时间"),
    "approver": N_("批准人"), "approver_role": N_("批准人职务"), "archived_at": N_("归档时间"), "archived_by": N_("归档人"),
    "archived_in": N_("归档批次"), "assignee": N_("指派给"), "at": N_("时间"), "attempt": N_("第几次回访"), "body": N_("正文"),
    "building": N_("楼栋"), "buildings": N_("负责楼栋"), "by_hand": N_("手工调整"), "cancel_reason": N_("取消原因"),
    "cancelled_at": N_("取消时间"), "case": N_("案件"), "category": N_("类别"), "subcategory": N_("细类"), "cause": N_("原因分析"), "channel": N_("渠道"),
    "charges_checked": N_("已核实收费"), "checked_by": N_("核对人"), "closed_at": N_("关闭时间"), "content": N_("投诉内容"),
    "corrective": N_("纠正和预防措施"), "created_at": N_("建立时间"), "created_by": N_("登记人"), "customer_name": N_("客户姓名"),
    "customer_phone": N_("联系电话"), "day": N_("日期"), "decided_at": N_("决定时间"), "decided_by": N_("决定人"),
    "delivered_at": N_("送达时间"), "delivered_to": N_("接收人"), "rework_due": N_("告知业主的返工完成时间"),
    "owner_told_at": N_("告知业主时间"), "owner_told_by": N_("告知人"), "owner_told_method": N_("告知方式"), "linked_from": N_("由此案转来"), "department": N_("责任部门"), "destroyed_by": N_("销毁人"),
    "destroyed_in": N_("销毁记录"), "destroyed_on": N_("销毁日期"), "digest": N_("校验码"), "dispatched_at": N_("派工时间"),
    "done_at": N_("完成时间"), "due": N_("期限"), "event_place": N_("发生地点"), "event_time": N_("发生时间"), "findings": N_("回访内容"),
    "finished_at": N_("完成时间"), "first_response_at": N_("首次回复时间"), "form": N_("回访记录表"), "form_count": N_("份数"),
    "form_no": N_("回访记录表编号"), "handling": N_("处理经过"), "height": N_("高度(像素)"), "id_number": N_("身份证号"), "image": N_("扫描图像"),
    "imported_at": N_("导入时间"), "imported_by": N_("导入人"), "instructions": N_("派工说明"), "issued_at": N_("发出时间"),
    "issued_by": N_("发出人"), "kind": N_("性质"), "lessons": N_("经验教训"), "letter": N_("公开信"), "level": N_("审核级别"),
    "locked_until": N_("锁定至"), "matched_by": N_("对应方式"), "measures": N_("改进措施"), "merged_into": N_("并入"),
    "met_person": N_("受访人"), "method": N_("回访方式"), "move_in": N_("入住日期"), "name": N_("姓名"), "new_due": N_("新期限"),
    "note": N_("备注"), "number": N_("编号"), "numbers": N_("表单编号"), "occupant_type": N_("类型"), "old_due": N_("原期限"),
    "opinion": N_("客户意见"), "outcome": N_("处理情况"), "owner": N_("业主"), "pad_height": N_("签名板高度"), "pad_width": N_("签名板宽度"),
    "party": N_("被投诉对象"), "password_hash": N_("密码"), "pdf": N_("报告文件"), "period": N_("期间"), "phone": N_("联系电话"),
    "png": N_("签名图片"), "printed_at": N_("打印时间"), "alive_at": N_("打印作业心跳"), "printed_by": N_("打印人"), "purpose": N_("回访事由"), "quarter": N_("季度"),
    "raised_at": N_("定为重大的时间"), "reason": N_("原因"), "received_at": N_("受理时间"), "recorded_at": N_("登记时间"),
    "recorded_by": N_("登记人"), "ref": N_("台账编号"), "relation": N_("与业主关系"), "remarks": N_("备注"),
    "reply_letter_at": N_("复函附上时间"), "reply_letter_name": N_("复函"), "request": N_("客户要求"),
    "requested_date": N_("业主要求的时间"), "resolve_due": N_("办结期限"), "resolved_at": N_("办结时间"),
    "response_due": N_("首次回复期限"), "result": N_("处理结果"), "returned_at": N_("交回时间"), "reviewer": N_("审核人"), "role": N_("角色"),
    "room": N_("房号"), "satisfaction": N_("满意度"), "scan": N_("扫描件"), "scan_name": N_("扫描件文件名"), "selected": N_("抽中回访"),
    "severity": N_("程度"), "sha256": N_("校验码"), "shortcomings": N_("不足之处"), "signed_at": N_("签收时间"), "signed_by": N_("签收人"),
    "signer": N_("签名人身份"), "signer_name": N_("签名人"), "site_checked": N_("已现场查看"), "sort": N_("排序"),
    "source_name": N_("来源文件"), "source_page": N_("来源页码"), "state": N_("状态"), "strokes": N_("签名"),
    "submitted_at": N_("提交时间"), "submitted_by": N_("提交人"), "summary": N_("分析摘要"), "taken_at": N_("领用时间"),
    "taken_by": N_("领用人"), "taken_by_name": N_("领用人姓名"), "text": N_("通知内容"), "title": N_("标题"), "typical": N_("典型案例"),
    "typical_note": N_("典型案例说明"), "unit": N_("单元"), "urgency": N_("紧急程度"), "username": N_("登录名"), "validity": N_("有效性"),
    "visit": N_("回访"), "visit_count": N_("回访次数"), "visit_item": N_("回访项目"), "visitor": N_("回访人"),
    "visitor_name": N_("回访人姓名"), "void_reason": N_("作废原因"), "voided_at": N_("作废时间"), "width": N_("宽度(像素)"),
    "workday": N_("调休上班"), "worker_conduct": N_("维修人员表现"), "written_reply_only": N_("只要求书面答复"),
    # 先行处置 and how an extension was approved (H21)
    "contain_needed": N_("需先行处置"), "contain_due": N_("先行处置期限"), "contained_at": N_("先行处置时间"),
    "contained_by": N_("先行处置人"), "containment": N_("先行处置措施"), "confirmed": N_("批准方式"),
    "contain_hours": N_("先行处置时限(小时)"),
    # Two visitors, each role's visit rate, the sample's replacement (H24)
    "large_loss": N_("业主损失较大"), "second_visitor": N_("第二回访人"), "second_visitor_name": N_("第二回访人姓名"),
    "second_role": N_("第二回访人角色"), "replaces": N_("替换的案件"), "visit_roles": N_("回访人员与各角色回访率"),
    # Leak test and contract dates, community activities (H23)
    "leak_test_on": N_("闭水试验日期"), "contract_start": N_("合同开始日期"), "contract_end": N_("合同结束日期"),
    "held_on": N_("举办日期"), "organiser": N_("组织者"), "planned_at": N_("抽取回访时间"), "activity": N_("社区活动"),
    "activity_rate": N_("社区活动回访率"), "activity_days": N_("社区活动回访天数"),
}  # fmt: skip
TABLE_FIELD_WORDS = {
    ("department", "name"): N_("部门名称"), ("staff", "department"): N_("所属部门"), ("staff", "active"): N_("在职"),
    ("owner", "active"): N_("在住"), ("room", "number"): N_("房号"), ("dispatch", "number"): N_("联系单号"),
    ("dispatch", "department"): N_("派往部门"), ("dispatch", "due"): N_("要求完成"), ("visit", "due"): N_("回访期限"),
    ("visit", "role"): N_("应由谁回访"), ("visit", "reason"): N_("安排原因"), ("visit", "state"): N_("回访状态"),
    ("visit", "done_at"): N_("回访时间"), ("visit", "created_at"): N_("安排时间"),
    ("visit_decision", "reason"): N_("抽样说明"), ("extension", "reason"): N_("延期原因"), ("extension", "at"): N_("批准时间"),
    ("major_report", "due"): N_("报告期限"), ("major_report", "result"): N_("处理结果"),
    ("rework_notice", "department"): N_("返工部门"), ("rework_notice", "due"): N_("返工期限"),
    ("rework_notice", "visit"): N_("不满意的回访"), ("visit_review", "opinion"): N_("审核意见"),
    ("visit_review", "at"): N_("审核时间"), ("form_sheet", "number"): N_("表单编号"), ("form_sheet", "state"): N_("表单状态"),
    ("holiday", "name"): N_("节日"), ("scan_page", "reason"): N_("说明"), ("open_letter", "issued_at"): N_("发布时间"),
    ("open_letter", "issued_by"): N_("发布人"), ("form_archive_batch", "quarter"): N_("归档季度"),
    ("survey_action", "plan"): N_("所属调查"), ("survey_action", "subject"): N_("调查项目"), ("survey_action", "measure"): N_("纠正措施"), ("survey_action", "responsible"): N_("责任人"), ("survey_scan", "plan"): N_("所属调查"), ("survey_scan", "sheet"): N_("调查表"), ("survey_scan", "page"): N_("页码"), ("survey_scan", "status"): N_("读取状态"), ("survey_sheet", "plan"): N_("所属调查"), ("survey_sheet", "room_label"): N_("房号"), ("survey_sheet", "why"): N_("抽中原因"), ("survey_sheet", "entered_by"): N_("录入人"), ("survey_plan", "starts"): N_("开始日期"), ("survey_plan", "ends"): N_("结束日期"), ("survey_plan", "sample_rate"): N_("抽样比例"), ("survey_plan", "sample_size"): N_("抽样户数"), ("survey_plan", "complainers"): N_("优先抽取的意见户数"), ("survey_plan", "leader"): N_("调查组长"), ("survey_plan", "members"): N_("调查人员"), ("survey_plan", "recovery_target"): N_("回收率目标"), ("survey_plan", "notes"): N_("注意事项"), ("survey_plan", "notice"): N_("告知业主"), ("survey_plan", "questionnaire"): N_("调查表内容"), ("survey_plan", "previous"): N_("上次调查"), ("survey_plan", "approved_at"): N_("批准时间"), ("survey_plan", "approved_by"): N_("批准人"),
    # H22: 工作联系函 to the developer and its follow-ups
    ("referral", "case"): N_("所属案件"), ("referral", "number"): N_("联系函编号"), ("referral", "to_whom"): N_("收函单位"), ("referral", "content"): N_("联系事项"), ("referral", "made_at"): N_("制函时间"), ("referral", "made_by"): N_("制函人"), ("referral", "sent_at"): N_("发出时间"), ("referral", "sent_by"): N_("发出经办人"), ("referral", "method"): N_("发出方式"), ("referral", "reply_due"): N_("回复期限"), ("referral", "replied_at"): N_("开发商回复时间"), ("referral", "reply_text"): N_("开发商回复"), ("referral", "closed_at"): N_("结束时间"), ("referral", "close_note"): N_("结束说明"), ("referral_follow_up", "referral"): N_("工作联系函"), ("referral_follow_up", "at"): N_("跟进时间"), ("referral_follow_up", "by"): N_("跟进人"), ("referral_follow_up", "note"): N_("跟进情况"), ("referral_follow_up", "next_date"): N_("下次跟进"),
    # H23: community activities and their participant rooms
    ("activity", "title"): N_("活动名称"), ("activity", "kind"): N_("活动类型"), ("activity_room", "reason"): N_("抽样说明"),
}  # fmt: skip


@dataclass(frozen=True)
class AuditFilter:
    table: str | None = None
    record_id: str | None = None
    actor: str | None = None
    action: str | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    text: str = ""


def entries(
    f: AuditFilter, limit: int = 500, offset: int = 0, before_id: int | None = None
) -> list[AuditEntry]:
    """A page of the whole trail (审计记录), newest first; for those who may read the trail.
    `before_id` pages by the last id shown (as fast on page 8,000 as on page 1); `offset`
    reads past the rows it skips."""
    require(None, "audit.view")
    query: pw.ModelSelect[AuditEntry] = AuditEntry.select()
    if before_id is not None:
        query = query.where(AuditEntry.id < before_id)
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
_MASKED = MASKED  # then "#" and a keyed digest of the value (models.masked_value)
_MASKED_CHANGED = MASKED_CHANGED
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
        if raw.startswith(_MASKED):
            return ShownValue("hidden")
        if raw.startswith(_MASKED_CHANGED):
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
