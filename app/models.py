"""The stored records. Every table is reached through `db`, bound by `app.db.open_database`."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, cast

import peewee as pw

from app import keyring
from app.clock import Clock, SystemClock

db = pw.DatabaseProxy()

# Who is acting, for the audit trail: set at login (windows) or per command (command line).
# The session's name is also kept for the whole process, so work the window runs on a thread
# of its own (an import, a scan) is recorded under the person too, not as 系统.
_actor: ContextVar[str | None] = ContextVar("actor", default=None)
_session_actor = "系统"


def current_actor() -> str:
    name = _actor.get()
    return name if name is not None else _session_actor


@contextlib.contextmanager
def acting_as(name: str) -> Iterator[None]:
    token = _actor.set(name or "系统")
    try:
        yield
    finally:
        _actor.reset(token)


def set_actor(name: str) -> None:
    """For the window session: everything after login is done by this person."""
    global _session_actor
    _session_actor = name or "系统"
    _actor.set(name or "系统")


# When, for the audit trail: the office's clock (the one its services are given), set where
# the office is opened (`Office.open`), like the actor. Kept for the process too, so work on a
# thread of its own is timed by the same clock; the wall clock until an office is opened.
_clock: ContextVar[Clock | None] = ContextVar("audit_clock", default=None)
_session_clock: Clock = SystemClock()


def current_clock() -> Clock:
    """The clock audit entries are timed by (the office's, else the wall clock)."""
    clock = _clock.get()
    return clock if clock is not None else _session_clock


def office_now() -> dt.datetime:
    """Now by the office's clock: the default of a record's own time (a person's 建立时间)."""
    return current_clock().now()


def set_clock(clock: Clock) -> None:
    """For an opened office: every audit entry from now on carries this clock's time."""
    global _session_clock
    _session_clock = clock
    _clock.set(clock)


@contextlib.contextmanager
def clock_as(clock: Clock) -> Iterator[None]:
    """Audit entries written inside carry `clock`'s time; afterwards the clock before."""
    token = _clock.set(clock)
    try:
        yield
    finally:
        _clock.reset(token)


# peewee's hints give `query.dicts()` / `.tuples()` the query's own type, so their rows would
# look like model instances; these name what the rows really are. Same query, same laziness.
def dict_rows(query: pw.BaseQuery) -> Iterable[dict[str, Any]]:
    return cast("Iterable[dict[str, Any]]", query.dicts())


def tuple_rows(query: pw.BaseQuery) -> Iterable[tuple[Any, ...]]:
    return cast("Iterable[tuple[Any, ...]]", query.tuples())


class BaseModel(pw.Model):
    class Meta:
        database = db
        legacy_table_names = False
        # save() writes only the fields changed on this object, so an older copy of a
        # record held by one window cannot undo what another window saved meanwhile.
        only_save_dirty = True


def _audit_value(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (bytes, bytearray, memoryview)):
        data = bytes(value)
        return f"<{len(data)} 字节 sha256:{hashlib.sha256(data).hexdigest()[:16]}>"
    if isinstance(value, pw.Model):
        return str(value.get_id())
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return str(value)


class AuditEntry(BaseModel):
    """审计记录: who changed what, when, from which value to which; chained by hash."""

    at = pw.DateTimeField(index=True)
    actor = pw.CharField(max_length=40, index=True)  # the window's list of names steps through it
    action = pw.CharField(max_length=12)  # 新建 / 修改 / 查看业主档案 / 显示号码 / 导出 …
    table = pw.CharField(max_length=24, index=True)
    record_id = pw.CharField(max_length=40, index=True)
    field = pw.CharField(default="", max_length=40)
    old = pw.TextField(null=True)
    new = pw.TextField(null=True)
    prev_hash = pw.CharField(max_length=64)
    hash = pw.CharField(max_length=64)

    if TYPE_CHECKING:
        id: pw.AutoField[int]

    def payload(self) -> str:
        """What the entry's hash covers: the previous hash, then every column but the id."""
        return entry_payload(
            self.prev_hash,
            self.at,
            self.actor,
            self.action,
            self.table,
            self.record_id,
            self.field,
            self.old,
            self.new,
        )


def entry_payload(
    prev_hash: str,
    at: Any,
    actor: str,
    action: str,
    table: str,
    record_id: str,
    field: str,
    old: str | None,
    new: str | None,
) -> str:
    """An entry's payload from its columns (the check reads the trail as plain rows)."""
    return _PAYLOAD_JSON.encode(
        [prev_hash, _audit_value(at), actor, action, table, record_id, field, old, new]
    )


_PAYLOAD_JSON = json.JSONEncoder(ensure_ascii=False)  # as json.dumps(…, ensure_ascii=False)


GENESIS = "0" * 64
MASKED = "******"  # a masked field's value in a new record (AUDIT_MASK), then "#" and its digest
MASKED_CHANGED = "(已更改)"  # a masked field changed, then "#" and the new value's digest


def audit_key() -> bytes:
    """The trail's key, derived from the office key: without a login nobody can recompute
    an entry's hash (raises keyring.NoOfficeKey when no office is open)."""
    return keyring.office_secret("audit")


def entry_hash(key: bytes, payload: str) -> str:
    """An entry's hash: HMAC-SHA256 of its payload (which holds the previous entry's hash)."""
    return hmac.digest(key, payload.encode("utf-8"), "sha256").hex()


def head_mac(key: bytes, last_hash: str, count: int) -> str:
    """The chain head's own seal: the last hash and the count cannot be set back without the key."""
    return entry_hash(key, f"head:{last_hash}:{count}")


def masked_digest(table: str, record_id: str, field: str, value: str | None) -> str:
    """A keyed digest of a masked value (an ID number): the trail can tell whether the value
    changed, and `check` whether the data still holds it, without the trail holding it."""
    text = f"{table}.{record_id}.{field}:{value if value is not None else ''}"
    return entry_hash(keyring.office_secret("audit-mask"), text)[:16]


def masked_value(table: str, record_id: str, field: str, value: str | None, changed: bool = False) -> str:
    mark = MASKED_CHANGED if changed else MASKED
    return f"{mark}#{masked_digest(table, record_id, field, value)}"


_AUDIT_INSERT = (
    'INSERT INTO "audit_entry" ("at", "actor", "action", "table", "record_id", "field", "old", "new", '
    '"prev_hash", "hash") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
)


def write_audit(rows: list[dict[str, Any]]) -> None:
    """Append entries to the chain; call inside the transaction of the change.

    Each entry's hash is keyed (HMAC with the office's audit key, `audit_key`), so the chain
    cannot be recomputed after an edit without a login. The chain's head (last hash, count and
    their keyed seal) is kept in the settings, so an entry removed from the end is noticed too,
    and appending needs no scan of the trail."""
    if not rows:
        return
    key = audit_key()
    head_row = Setting.get_or_none(Setting.key == "audit_head")
    head: dict[str, Any] = json.loads(head_row.value) if head_row else {"hash": GENESIS, "count": 0}
    prev = head["hash"]
    now = current_clock().now().replace(microsecond=0)
    actor = current_actor()
    records = []
    for row in rows:
        table, record_id, field = row["table"], row["record_id"], row.get("field", "")
        old, new = row.get("old"), row.get("new")
        digest = entry_hash(
            key, entry_payload(prev, now, actor, row["action"], table, record_id, field, old, new)
        )
        records.append((now, actor, row["action"], table, record_id, field, old, new, prev, digest))
        prev = digest
    # One prepared statement for every entry: building each INSERT in peewee cost more than
    # the hashing (10,000 owners imported spent most of their write lock here).
    db.connection().cursor().executemany(_AUDIT_INSERT, records)
    count = int(head["count"]) + len(rows)
    value = json.dumps({"hash": prev, "count": count, "mac": head_mac(key, prev, count)})
    Setting.insert(key="audit_head", value=value).on_conflict_replace().execute()


def audit_head() -> str:
    """The trail's head as stored. Every audited change moves it: work prepared while it read
    one value may be written without reading again while it still reads the same."""
    row = Setting.get_or_none(Setting.key == "audit_head")
    return str(row.value) if row is not None else ""


class AuditedModel(BaseModel):
    """A record whose every change is written to the audit trail in the same transaction."""

    AUDIT_SKIP: tuple[str, ...] = ("updated_at",)
    AUDIT_MASK: tuple[str, ...] = ()  # recorded as changed, without the value

    if TYPE_CHECKING:
        # peewee adds these at class creation; declared here for the type checker only.
        id: pw.AutoField[int]

    def save(self, force_insert: bool = False, only: Any = None) -> int:
        table = self._meta.table_name
        inserting = force_insert or self.get_id() is None
        with self._meta.database.atomic():
            if inserting:
                result = super().save(force_insert=force_insert, only=only)
                write_audit(
                    [
                        {
                            "action": "新建",
                            "table": table,
                            "record_id": str(self.get_id()),
                            "field": "",
                            "old": None,
                            "new": json.dumps(self.audit_values(), ensure_ascii=False),
                        }
                    ]
                )
                return result
            fields = only or [self._meta.fields[name] for name in self.dirty_fields_names()]
            names = [f.name for f in fields if f.name not in self.AUDIT_SKIP and not f.primary_key]
            before = (
                type(self)
                .select(*[self._meta.fields[n] for n in names])
                .where(self._meta.primary_key == self.get_id())
                .dicts()
                .first()
                if names
                else None
            )
            result = super().save(force_insert=False, only=only)
            rows = []
            for name in names:
                old = _audit_value(before.get(name)) if before else None
                new = _audit_value(getattr(self, name))
                if isinstance(self._meta.fields[name], pw.ForeignKeyField):
                    new = _audit_value(getattr(self, self._meta.fields[name].column_name))
                if old != new and name in self.AUDIT_MASK:
                    record_id = str(self.get_id())
                    old = masked_value(table, record_id, name, old)
                    new = masked_value(table, record_id, name, new, changed=True)
                if old != new:
                    rows.append(
                        {
                            "action": "修改",
                            "table": table,
                            "record_id": str(self.get_id()),
                            "field": name,
                            "old": old,
                            "new": new,
                        }
                    )
            write_audit(rows)
            return result

    def audit_values(self) -> dict[str, str | None]:
        """The record's values as a 新建 (or 删除) entry holds them: not the skipped fields, not
        the empty ones, masked fields as their keyed digest, other records by their id."""
        table = self._meta.table_name
        values: dict[str, str | None] = {}
        for f in self._meta.sorted_fields:
            if f.name in self.AUDIT_SKIP:
                continue
            raw = getattr(self, f.object_id_name if isinstance(f, pw.ForeignKeyField) else f.name)
            if raw is None:
                continue
            value = _audit_value(raw)
            if f.name in self.AUDIT_MASK:
                value = masked_value(table, str(self.get_id()), f.name, value)
            values[f.name] = value
        return values

    def delete_instance(self, recursive: bool = False, delete_nullable: bool = False) -> int:
        """A record deleted leaves its last values in the trail (删除), so `check` can tell a
        deletion by the program from a row removed behind its back."""
        with self._meta.database.atomic():
            values = self.audit_values()
            result = int(super().delete_instance(recursive=recursive, delete_nullable=delete_nullable))
            write_audit(
                [
                    {
                        "action": "删除",
                        "table": self._meta.table_name,
                        "record_id": str(self.get_id()),
                        "field": "",
                        "old": json.dumps(values, ensure_ascii=False),
                        "new": None,
                    }
                ]
            )
            return result

    def dirty_fields_names(self) -> list[str]:
        return [f.name for f in self.dirty_fields]


class Setting(BaseModel):
    """Key/value settings as JSON text: the office name, the policy, the schema version."""

    key = pw.CharField(primary_key=True, max_length=64)
    value = pw.TextField()


class Sequence(BaseModel):
    """Counters that hand out numbers once each (case numbers, dispatch slips)."""

    name = pw.CharField(primary_key=True, max_length=64)
    value = pw.IntegerField(default=0)


class Department(AuditedModel):
    name = pw.CharField(unique=True, max_length=40)
    active = pw.BooleanField(default=True)
    sort = pw.IntegerField(default=0)

    if TYPE_CHECKING:
        staff: pw.ModelSelect[Staff]
        cases: pw.ModelSelect[Case]


class Staff(AuditedModel):
    """A person of the office; the role keys are those of `app.domain.ROLES`."""

    name = pw.CharField(max_length=40)
    username = pw.CharField(unique=True, null=True, max_length=40)
    password_hash = pw.CharField(null=True, max_length=255)
    role = pw.CharField(max_length=24, index=True)
    department = pw.ForeignKeyField(Department, null=True, backref="staff", on_delete="SET NULL")
    phone = pw.CharField(default="", max_length=20)
    # Buildings this person looks after (楼栋, comma separated), for stewards.
    buildings = pw.CharField(default="", max_length=200)
    active = pw.BooleanField(default=True)
    failed_logins = pw.IntegerField(default=0)
    locked_until = pw.DateTimeField(null=True)
    created_at = pw.DateTimeField(default=office_now)

    if TYPE_CHECKING:
        department_id: pw.ForeignKeyField[int | None]

    AUDIT_SKIP = ("updated_at", "failed_logins")
    AUDIT_MASK = ("password_hash",)

    def building_list(self) -> list[str]:
        return [b.strip() for b in self.buildings.split(",") if b.strip()]


class Room(AuditedModel):
    """楼栋-单元-房号."""

    building = pw.CharField(max_length=20)
    unit = pw.CharField(max_length=20, default="")
    number = pw.CharField(max_length=20)

    class Meta:
        indexes = ((("building", "unit", "number"), True),)

    if TYPE_CHECKING:
        owners: pw.ModelSelect[Owner]
        cases: pw.ModelSelect[Case]

    @property
    def label(self) -> str:
        return room_label(self.building, self.unit, self.number)


def room_label(building: str, unit: str, number: str) -> str:
    return "-".join(p for p in (building, unit, number) if p)


class Owner(AuditedModel):
    """An occupant of a room: 业主, 租户 or 商户. Phone and ID number are personal data."""

    room = pw.ForeignKeyField(Room, null=True, backref="owners", on_delete="SET NULL")
    name = pw.CharField(max_length=40)
    phone = pw.CharField(default="", max_length=20, index=True)
    id_number = pw.CharField(default="", max_length=18)
    occupant_type = pw.CharField(default="业主", max_length=8)
    move_in = pw.DateField(null=True)
    note = pw.TextField(default="")
    active = pw.BooleanField(default=True)

    # The audit trail records that an ID number changed, not the number: the trail is read
    # by more people than may read owners' files.
    AUDIT_MASK = ("id_number",)

    if TYPE_CHECKING:
        room_id: pw.ForeignKeyField[int | None]
        cases: pw.ModelSelect[Case]


class Case(AuditedModel):
    """One matter an owner raised (投诉、报修、建议…), from intake to closing."""

    number = pw.CharField(unique=True, max_length=20)  # TS-2026-00042
    ref = pw.CharField(null=True, unique=True, max_length=40)  # the office's own 编号
    received_at = pw.DateTimeField(index=True)
    channel = pw.CharField(max_length=16)
    anonymous = pw.BooleanField(default=False)
    room = pw.ForeignKeyField(Room, null=True, backref="cases", on_delete="SET NULL")
    owner = pw.ForeignKeyField(Owner, null=True, backref="cases", on_delete="SET NULL")
    customer_name = pw.CharField(default="", max_length=40)
    customer_phone = pw.CharField(default="", max_length=20)
    kind = pw.CharField(max_length=8)  # 性质
    validity = pw.CharField(null=True, max_length=8)  # 一类/二类/无效, complaints only
    severity = pw.CharField(max_length=4, default="轻微")  # 程度
    category = pw.CharField(max_length=20, default="其他")
    # 细类: the item within the category (漏水/渗漏 → 卫生间渗漏; 求助 → 急救病人). A repeat repair
    # is the same room, category and sub-category; visit sub-rules are chosen by it.
    subcategory = pw.CharField(max_length=20, default="")
    urgency = pw.CharField(max_length=4, default="一般")
    event_time = pw.DateTimeField(null=True)
    event_place = pw.CharField(default="", max_length=100)
    party = pw.CharField(default="", max_length=60)  # the department or person complained about
    account = pw.TextField()  # 内容: what happened
    request = pw.TextField(default="")  # 客户要求
    department = pw.ForeignKeyField(Department, null=True, backref="cases", on_delete="SET NULL")
    state = pw.CharField(max_length=8)
    response_due = pw.DateTimeField()
    resolve_due = pw.DateTimeField()
    answer_due = pw.DateTimeField(null=True)  # major complaints: a clear answer within 2 days
    first_response_at = pw.DateTimeField(null=True)
    resolved_at = pw.DateTimeField(null=True, index=True)
    result = pw.TextField(default="")
    closed_at = pw.DateTimeField(null=True)
    # peewee types a "self" key as Any; the annotation names the model.
    merged_into: pw.ForeignKeyField[Case | None] = pw.ForeignKeyField(
        "self", null=True, backref="merged", on_delete="SET NULL"
    )
    void_reason = pw.TextField(default="")  # 作废: nothing is deleted; a voided case stays in history
    created_by = pw.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    typical = pw.BooleanField(default=False)  # 典型案例, marked by the planner for the report
    typical_note = pw.TextField(default="")
    # 或业主要求的时间: the date the owner asked for (minor complaints); it becomes the 办结
    # deadline when earlier than the policy's, or always when the policy says so.
    requested_date = pw.DateField(null=True)
    # 只要求书面答复: no visit is planned; the reply letter (复函) is attached instead, and the
    # case cannot be closed without it.
    written_reply_only = pw.BooleanField(default=False)
    # 业主损失较大 (H24, seed 002 第4条): such a complaint is visited by two people together.
    large_loss = pw.BooleanField(default=False)
    # The letter's bytes live in ReplyLetter, so reading a case never drags a file along.
    reply_letter_name = pw.CharField(default="", max_length=120)
    reply_letter_at = pw.DateTimeField(null=True)
    # 先行处置 (H21, seed 002): a case that harms the owner right now is contained first, within
    # the policy's `contain_hours` (clock hours) of intake: who, when and what was done.
    contain_needed = pw.BooleanField(default=False)
    contain_due = pw.DateTimeField(null=True)
    contained_at = pw.DateTimeField(null=True)
    contained_by = pw.CharField(default="", max_length=40)
    containment = pw.TextField(default="")
    # H23 (seeds 000, 004): a leak (漏水/渗漏) is visited within so many days of its leak test
    # (闭水试验), recorded here; a special paid service (特约服务) mid-contract and after its end.
    leak_test_on = pw.DateField(null=True)
    contract_start = pw.DateField(null=True)
    contract_end = pw.DateField(null=True)
    # H25 (seed 000 4.5): the case whose rework failed again at its visit; this complaint
    # carries the matter on (see app/rework.py).
    linked_from: pw.ForeignKeyField[Case | None] = pw.ForeignKeyField(
        "self", null=True, backref="linked_cases", on_delete="SET NULL"
    )
    updated_at = pw.DateTimeField()

    if TYPE_CHECKING:
        room_id: pw.ForeignKeyField[int | None]
        owner_id: pw.ForeignKeyField[int | None]
        department_id: pw.ForeignKeyField[int | None]
        merged_into_id: pw.ForeignKeyField[int | None]
        linked_from_id: pw.ForeignKeyField[int | None]
        linked_cases: pw.ModelSelect[Case]
        created_by_id: pw.ForeignKeyField[int | None]
        merged: pw.ModelSelect[Case]
        events: pw.ModelSelect[CaseEvent]
        dispatches: pw.ModelSelect[Dispatch]
        extensions: pw.ModelSelect[Extension]
        major_reports: pw.ModelSelect[MajorReport]
        visits: pw.ModelSelect[Visit]
        visit_decisions: pw.ModelSelect[VisitDecision]
        rework_notices: pw.ModelSelect[ReworkNotice]

    class Meta:
        indexes = (
            (("state", "resolve_due"), False),
            (("kind", "received_at"), False),
            (("category", "received_at"), False),
            (("room", "category"), False),
            (("department", "state"), False),
        )

    @property
    def room_label(self) -> str:
        room = self.room  # None without a query when room_id is None
        return room.label if room is not None else ""


class CaseEvent(BaseModel):
    """One line of a case's timeline."""

    case = pw.ForeignKeyField(Case, backref="events", on_delete="CASCADE")
    at = pw.DateTimeField()
    kind = pw.CharField(max_length=12)
    text = pw.TextField(default="")
    actor = pw.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    actor_name = pw.CharField(default="", max_length=40)

    if TYPE_CHECKING:
        id: pw.AutoField[int]
        case_id: pw.ForeignKeyField[int]
        actor_id: pw.ForeignKeyField[int | None]

    class Meta:
        indexes = ((("case", "at"), False),)


class Dispatch(AuditedModel):
    """工作联系单: work sent to a department, signed for by its receiver."""

    case = pw.ForeignKeyField(Case, backref="dispatches", on_delete="CASCADE")
    number = pw.CharField(unique=True, max_length=20)
    department = pw.ForeignKeyField(Department, on_delete="RESTRICT")
    assignee = pw.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    instructions = pw.TextField(default="")
    dispatched_at = pw.DateTimeField()
    due = pw.DateTimeField()
    signed_at = pw.DateTimeField(null=True)
    signed_by = pw.CharField(default="", max_length=40)
    finished_at = pw.DateTimeField(null=True)
    outcome = pw.TextField(default="")

    if TYPE_CHECKING:
        case_id: pw.ForeignKeyField[int]
        department_id: pw.ForeignKeyField[int]
        assignee_id: pw.ForeignKeyField[int | None]


class Extension(AuditedModel):
    """A deadline moved later, with who approved it (超时需经批准)."""

    case = pw.ForeignKeyField(Case, backref="extensions", on_delete="CASCADE")
    old_due = pw.DateTimeField()
    new_due = pw.DateTimeField()
    reason = pw.TextField()
    approver = pw.CharField(max_length=40)
    approver_role = pw.CharField(max_length=24, default="")
    # How the approver confirmed (H21): 本人登录 (the approver was the one logged in) or
    # 本机输入密码 (typed their own password on this PC); '' on extensions from before.
    confirmed = pw.CharField(max_length=12, default="")
    at = pw.DateTimeField()

    if TYPE_CHECKING:
        case_id: pw.ForeignKeyField[int]


class MajorReport(AuditedModel):
    """重大投诉报告: to the quality department and the general manager within one working day."""

    case = pw.ForeignKeyField(Case, unique=True, backref="major_reports", on_delete="CASCADE")
    due = pw.DateTimeField(index=True)
    content = pw.TextField(default="")
    cause = pw.TextField(default="")
    handling = pw.TextField(default="")
    result = pw.TextField(default="")
    lessons = pw.TextField(default="")
    corrective = pw.TextField(default="")
    submitted_at = pw.DateTimeField(null=True)
    submitted_by = pw.CharField(default="", max_length=40)
    # Re-graded to 重大 after intake: the working day is counted from then (None: from receipt).
    raised_at = pw.DateTimeField(null=True)
    # Re-graded below 重大: the report is no longer due; kept (with why) rather than deleted.
    cancelled_at = pw.DateTimeField(null=True)
    cancel_reason = pw.TextField(default="")
    # 明确答复: the clear answer given to the owner (due by `Case.answer_due`): who, when, how, what.
    answered_at = pw.DateTimeField(null=True)
    answered_by = pw.CharField(default="", max_length=40)
    answer_method = pw.CharField(default="", max_length=16)
    answer_text = pw.TextField(default="")

    if TYPE_CHECKING:
        case_id: pw.ForeignKeyField[int]


class OpenLetter(AuditedModel):
    """公开信: one written answer to many owners on the same matter; archived."""

    title = pw.CharField(max_length=100)
    body = pw.TextField()
    issued_at = pw.DateTimeField()
    issued_by = pw.CharField(default="", max_length=40)

    if TYPE_CHECKING:
        visits: pw.ModelSelect[Visit]


class Visit(AuditedModel):
    """回访: a follow-up visit to the owner, planned from a case (or a periodic round)."""

    case = pw.ForeignKeyField(Case, null=True, backref="visits", on_delete="CASCADE")
    room = pw.ForeignKeyField(Room, null=True, on_delete="SET NULL")
    purpose = pw.CharField(default="", max_length=20)  # periodic: 入伙回访, 季度巡访 …
    attempt = pw.IntegerField(default=1)  # 1st, 2nd, 3rd visit of the same case
    due = pw.DateField(index=True)
    role = pw.CharField(max_length=24, default="steward")
    visitor = pw.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    visitor_name = pw.CharField(default="", max_length=40)
    reason = pw.CharField(default="", max_length=200)  # why planned, in words
    state = pw.CharField(max_length=8, default="计划", index=True)
    method = pw.CharField(default="", max_length=8)  # 上门/电话/短信/微信/其他
    appointment = pw.DateTimeField(null=True)  # 预约时间
    met_person = pw.CharField(default="", max_length=40)  # who was met
    done_at = pw.DateTimeField(null=True, index=True)
    satisfaction = pw.CharField(null=True, max_length=8)
    findings = pw.TextField(default="")  # 回访内容: quality, effect of the service
    shortcomings = pw.TextField(default="")
    opinion = pw.TextField(default="")  # 客户意见/建议
    site_checked = pw.BooleanField(null=True)  # repairs: 现场查看
    worker_conduct = pw.CharField(default="", max_length=100)  # repairs: 维修人员表现
    charges_checked = pw.BooleanField(null=True)  # repairs: 收费核实
    form_no = pw.CharField(null=True, max_length=20)  # the numbered paper form it was done on
    letter = pw.ForeignKeyField(OpenLetter, null=True, backref="visits", on_delete="SET NULL")
    created_at = pw.DateTimeField()
    updated_at = pw.DateTimeField(null=True)
    # 两人同时回访 (H24, seed 002 第4条): the second visitor of a visit made by two people together
    # (中心主任 and 部门经理 for a complaint with a large loss); '' / None for one visitor.
    second_visitor = pw.ForeignKeyField(Staff, null=True, on_delete="SET NULL", backref="second_visits")
    second_visitor_name = pw.CharField(default="", max_length=40)
    second_role = pw.CharField(default="", max_length=24)

    if TYPE_CHECKING:
        case_id: pw.ForeignKeyField[int | None]
        room_id: pw.ForeignKeyField[int | None]
        visitor_id: pw.ForeignKeyField[int | None]
        second_visitor_id: pw.ForeignKeyField[int | None]
        letter_id: pw.ForeignKeyField[int | None]
        attempts: pw.ModelSelect[VisitAttempt]
        tasks: pw.ModelSelect[VisitTask]
        signatures: pw.ModelSelect[Signature]
        reviews: pw.ModelSelect[VisitReview]
        forms: pw.ModelSelect[FormSheet]

    class Meta:
        indexes = ((("state", "due"), False), (("case", "attempt"), False))


class VisitDecision(AuditedModel):
    """Why a handled case was (or was not) chosen for a visit: the sampling's explanation."""

    case = pw.ForeignKeyField(Case, unique=True, backref="visit_decisions", on_delete="CASCADE")
    kind = pw.CharField(max_length=8)
    quarter = pw.CharField(max_length=7, index=True)  # 2026-Q3
    selected = pw.BooleanField()
    reason = pw.CharField(max_length=200)
    by_hand = pw.BooleanField(default=False)
    decided_by = pw.CharField(default="系统", max_length=40)
    decided_at = pw.DateTimeField()
    # 替换 (H24): the number of the case whose visit was dropped by hand and this one replaces.
    replaces = pw.CharField(default="", max_length=20)

    if TYPE_CHECKING:
        case_id: pw.ForeignKeyField[int]


class VisitAttempt(BaseModel):
    """A try to reach the owner: 未接通, 拒绝, 约定回电 …"""

    visit = pw.ForeignKeyField(Visit, backref="attempts", on_delete="CASCADE")
    at = pw.DateTimeField()
    outcome = pw.CharField(max_length=12)
    note = pw.CharField(default="", max_length=200)
    call_back_at = pw.DateTimeField(null=True)
    by = pw.CharField(default="", max_length=40)

    if TYPE_CHECKING:
        id: pw.AutoField[int]
        visit_id: pw.ForeignKeyField[int]


class VisitTask(BaseModel):
    """A question the visitor could not answer on the spot: the reply is promised by a date."""

    visit = pw.ForeignKeyField(Visit, backref="tasks", on_delete="CASCADE")
    question = pw.TextField()
    promised = pw.DateField(index=True)
    answered_at = pw.DateTimeField(null=True)
    answer = pw.TextField(default="")

    if TYPE_CHECKING:
        id: pw.AutoField[int]
        visit_id: pw.ForeignKeyField[int]


class ReworkNotice(AuditedModel):
    """返工通知: the written notice to the worker after an unsatisfied visit, due within 24 h."""

    case = pw.ForeignKeyField(Case, backref="rework_notices", on_delete="CASCADE")
    visit = pw.ForeignKeyField(Visit, on_delete="CASCADE")
    department = pw.ForeignKeyField(Department, null=True, on_delete="SET NULL")
    text = pw.TextField()
    issued_at = pw.DateTimeField()
    due = pw.DateTimeField()
    delivered_at = pw.DateTimeField(null=True)
    delivered_to = pw.CharField(default="", max_length=40)
    # H25 (seed 000 1.1.9): the owner is told when the rework will be done — the promised
    # date, and when, by whom and how (电话/短信/上门/书面) they were told.
    rework_due = pw.DateTimeField(null=True)
    owner_told_at = pw.DateTimeField(null=True)
    owner_told_by = pw.CharField(default="", max_length=40)
    owner_told_method = pw.CharField(default="", max_length=10)

    if TYPE_CHECKING:
        case_id: pw.ForeignKeyField[int]
        visit_id: pw.ForeignKeyField[int]
        department_id: pw.ForeignKeyField[int | None]


class Signature(AuditedModel):
    """A signature drawn on screen: the strokes, the PNG, and the seal binding it to the visit.

    `sha256` holds the seal: HMAC-SHA256 with the office's signature key over the strokes, the
    PNG that prints and what the printed form showed when it was signed (`sealed`, as JSON:
    app.signatures.seal). Without a login the seal cannot be made again."""

    visit = pw.ForeignKeyField(Visit, backref="signatures", on_delete="CASCADE")
    signer = pw.CharField(max_length=12)  # customer | visitor
    signer_name = pw.CharField(max_length=40)
    relation = pw.CharField(default="", max_length=8)  # 业主本人/家属/租户…
    strokes = pw.TextField()  # canonical JSON
    pad_width = pw.IntegerField()
    pad_height = pw.IntegerField()
    png = pw.BlobField()
    signed_at = pw.DateTimeField()
    sha256 = pw.CharField(max_length=64)
    # migration 7: the printed form's fields when signed (JSON); the default also in the table,
    # for rows written in bulk (bench/generate.py) before they are sealed
    sealed = pw.TextField(default="", constraints=[pw.SQL("DEFAULT ''")])

    # The sealed copy is covered by the seal itself (which the trail records); kept out of
    # the trail, it would only repeat the visit's and the case's own entries.
    AUDIT_SKIP = ("updated_at", "sealed")

    if TYPE_CHECKING:
        visit_id: pw.ForeignKeyField[int]


class VisitReview(AuditedModel):
    """主管审核 / 项目经理意见 / 总经理意见 on a visit record, with name and time."""

    visit = pw.ForeignKeyField(Visit, backref="reviews", on_delete="CASCADE")
    level = pw.CharField(max_length=8)
    reviewer = pw.CharField(max_length=40)
    opinion = pw.TextField()
    at = pw.DateTimeField()

    if TYPE_CHECKING:
        visit_id: pw.ForeignKeyField[int]


class FormArchiveBatch(AuditedModel):
    """归档: one quarter's returned and voided forms filed together (seed 000 4.7)."""

    quarter = pw.CharField(max_length=7, index=True)  # 2026-Q3; a late supplement adds a second batch
    archived_at = pw.DateTimeField()
    archived_by = pw.CharField(max_length=40)
    form_count = pw.IntegerField(default=0)
    remarks = pw.CharField(default="", max_length=200)


class FormDestruction(AuditedModel):
    """销毁记录: who destroyed which kept forms and when; the ledger rows themselves stay."""

    destroyed_on = pw.DateField()  # the day the paper was destroyed, as the person says
    destroyed_by = pw.CharField(max_length=40)
    recorded_at = pw.DateTimeField()
    recorded_by = pw.CharField(default="", max_length=40)
    numbers = pw.TextField()  # the form numbers, one per line
    form_count = pw.IntegerField(default=0)
    remarks = pw.CharField(default="", max_length=200)


class FormSheet(AuditedModel):
    """One numbered paper 《回访记录表》: printed, signed out, returned or voided; never reused."""

    number = pw.CharField(unique=True, max_length=20)  # NO: HF-2026-000123
    visit = pw.ForeignKeyField(Visit, null=True, backref="forms", on_delete="SET NULL")
    state = pw.CharField(max_length=8, index=True)
    printed_at = pw.DateTimeField()
    printed_by = pw.CharField(default="", max_length=40)
    taken_by = pw.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    taken_by_name = pw.CharField(default="", max_length=40)
    taken_at = pw.DateTimeField(null=True)
    visit_item = pw.CharField(default="", max_length=100)  # 回访事项
    visit_count = pw.IntegerField(default=1)  # 回访次数
    returned_at = pw.DateTimeField(null=True)
    checked_by = pw.CharField(default="", max_length=40)
    void_reason = pw.CharField(default="", max_length=200)
    remarks = pw.CharField(default="", max_length=200)
    scan = pw.BlobField(null=True)  # a scan or photo of the signed paper
    scan_name = pw.CharField(default="", max_length=100)
    voided_at = pw.DateTimeField(null=True)
    archived_in = pw.ForeignKeyField(FormArchiveBatch, null=True, backref="forms", on_delete="SET NULL")
    destroyed_in = pw.ForeignKeyField(FormDestruction, null=True, backref="forms", on_delete="SET NULL")
    # A running print job's heartbeat (打印中 only): not part of the form's record, so kept
    # out of the trail (it changes every 20 s while a job runs).
    alive_at = pw.DateTimeField(null=True)

    AUDIT_SKIP = ("updated_at", "alive_at")

    if TYPE_CHECKING:
        visit_id: pw.ForeignKeyField[int | None]
        taken_by_id: pw.ForeignKeyField[int | None]
        archived_in_id: pw.ForeignKeyField[int | None]
        destroyed_in_id: pw.ForeignKeyField[int | None]


class ReportArchive(AuditedModel):
    """A quarterly analysis as it was handed in: the manager's text and the printed PDF."""

    period = pw.CharField(max_length=20, index=True)  # 2026-Q3
    measures = pw.TextField(default="")  # 改进措施, written by the manager
    summary = pw.TextField(default="")
    pdf = pw.BlobField(null=True)
    archived_at = pw.DateTimeField(null=True)
    archived_by = pw.CharField(default="", max_length=40)


class NightLogEntry(BaseModel):
    """夜间值班记录: a call taken at night, carried into a case next morning."""

    logged_at = pw.DateTimeField(index=True)
    caller = pw.CharField(default="", max_length=40)
    phone = pw.CharField(default="", max_length=20)
    room = pw.ForeignKeyField(Room, null=True, on_delete="SET NULL")
    content = pw.TextField()
    action_taken = pw.TextField(default="")
    logged_by = pw.CharField(default="", max_length=40)
    case = pw.ForeignKeyField(Case, null=True, on_delete="SET NULL")

    if TYPE_CHECKING:
        id: pw.AutoField[int]
        room_id: pw.ForeignKeyField[int | None]
        case_id: pw.ForeignKeyField[int | None]


class Draft(BaseModel):
    """An unsaved form, kept so nothing typed is lost (even across a restart)."""

    key = pw.CharField(primary_key=True, max_length=80)
    data = pw.TextField()
    updated_at = pw.DateTimeField()


class Holiday(AuditedModel):
    """An entry of the editable holiday table: a day off, or an adjusted working day (调休)."""

    day = pw.DateField(unique=True)
    workday = pw.BooleanField()
    name = pw.CharField(default="", max_length=20)


class ReplyLetter(BaseModel):
    """复函: the file of a written-reply-only case's reply letter (one per case; the name and
    the time are on the case)."""

    case = pw.ForeignKeyField(Case, unique=True, backref="reply_letters", on_delete="CASCADE")
    data = pw.BlobField()


class ScanPage(AuditedModel):
    """One page of a signed form scanned back (扫描件): the picture, and the form it belongs to.

    `form` is empty while the page waits to be matched by hand (its code could not be read);
    `digest` (sha256 of the page's pixels) keeps the same page from being stored twice."""

    form = pw.ForeignKeyField(FormSheet, null=True, backref="scan_pages", on_delete="SET NULL")
    digest = pw.CharField(unique=True, max_length=64)
    source_name = pw.CharField(max_length=200)  # the scanned file's name
    source_page = pw.IntegerField(default=1)  # page within that file, from 1
    image = pw.BlobField()  # a compressed JPEG of the page, upright
    width = pw.IntegerField(default=0)
    height = pw.IntegerField(default=0)
    matched_by = pw.CharField(default="", max_length=8)  # 二维码 / 手工; empty while unmatched
    reason = pw.CharField(default="", max_length=200)  # why it is not matched yet
    imported_at = pw.DateTimeField(index=True)
    imported_by = pw.CharField(default="", max_length=40)

    if TYPE_CHECKING:
        form_id: pw.ForeignKeyField[int | None]


# Helper H22 (issue 14): 二类 cases forwarded in writing to the developer (seed 001).
class Referral(AuditedModel):
    """工作联系函: a developer-caused (二类) case forwarded in writing to the developer's customer
    centre; its number is given when the letter is made, the reply is due `reply_due` (working
    days after it was sent, policy `referral.reply_days`)."""

    case = pw.ForeignKeyField(Case, backref="referrals", on_delete="CASCADE")
    number = pw.CharField(unique=True, max_length=20)  # LXH-2026-0001
    to_whom = pw.CharField(max_length=60)  # the developer's customer centre
    content = pw.TextField()  # what the office asks the developer to do
    made_at = pw.DateTimeField()
    made_by = pw.CharField(default="", max_length=40)
    sent_at = pw.DateTimeField(null=True)
    sent_by = pw.CharField(default="", max_length=40)
    method = pw.CharField(default="", max_length=8)  # 送达/邮寄/电子邮件
    reply_due = pw.DateField(null=True, index=True)
    replied_at = pw.DateTimeField(null=True)
    reply_text = pw.TextField(default="")
    closed_at = pw.DateTimeField(null=True)
    close_note = pw.TextField(default="")

    if TYPE_CHECKING:
        case_id: pw.ForeignKeyField[int]
        follow_ups: pw.ModelSelect[ReferralFollowUp]


class ReferralFollowUp(AuditedModel):
    """跟进: the office asking the developer how the matter stands, and when to ask next."""

    referral = pw.ForeignKeyField(Referral, backref="follow_ups", on_delete="CASCADE")
    at = pw.DateTimeField()
    by = pw.CharField(max_length=40)
    note = pw.TextField()
    next_date = pw.DateField(null=True)

    if TYPE_CHECKING:
        referral_id: pw.ForeignKeyField[int]


class Activity(AuditedModel):
    """社区活动或刊物 (H23, seed 000 4.1.1 e): held or published, then a share of its
    participants' rooms is visited within a month by the community-culture clerk."""

    title = pw.CharField(max_length=60)
    kind = pw.CharField(max_length=4, default="活动")  # 活动 | 刊物
    held_on = pw.DateField(index=True)
    organiser = pw.CharField(default="", max_length=40)
    note = pw.TextField(default="")
    planned_at = pw.DateTimeField(null=True)  # when its visits were drawn (once)
    created_by = pw.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    created_at = pw.DateTimeField()

    if TYPE_CHECKING:
        created_by_id: pw.ForeignKeyField[int | None]
        rooms: pw.ModelSelect[ActivityRoom]


class ActivityRoom(AuditedModel):
    """A room that took part in an activity (or received the publication), and the draw."""

    activity = pw.ForeignKeyField(Activity, backref="rooms", on_delete="CASCADE")
    room = pw.ForeignKeyField(Room, on_delete="CASCADE")
    selected = pw.BooleanField(null=True)  # None until drawn
    reason = pw.CharField(default="", max_length=200)  # why drawn or not, in words
    visit = pw.ForeignKeyField(Visit, null=True, on_delete="SET NULL")

    if TYPE_CHECKING:
        activity_id: pw.ForeignKeyField[int]
        room_id: pw.ForeignKeyField[int]
        visit_id: pw.ForeignKeyField[int | None]

    class Meta:
        indexes = ((("activity", "room"), True),)


ALL_MODELS: list[type[BaseModel]] = [
    Setting,
    AuditEntry,
    Sequence,
    Department,
    Staff,
    Room,
    Owner,
    Case,
    CaseEvent,
    Dispatch,
    Extension,
    MajorReport,
    OpenLetter,
    Visit,
    VisitDecision,
    VisitAttempt,
    VisitTask,
    ReworkNotice,
    Signature,
    VisitReview,
    FormArchiveBatch,
    FormDestruction,
    FormSheet,
    ReportArchive,
    NightLogEntry,
    Draft,
    Holiday,
    ScanPage,  # migration 3
    ReplyLetter,  # migration 5
    Referral,  # migration 13 (helper H22)
    ReferralFollowUp,  # migration 13
    Activity,  # migration 14 (helper H23)
    ActivityRoom,  # migration 14
]
