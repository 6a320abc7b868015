"""The stored records. Every table is reached through `db`, bound by `app.db.open_database`."""

from __future__ import annotations

import datetime as dt

import peewee as pw

db = pw.DatabaseProxy()


class BaseModel(pw.Model):
    class Meta:
        database = db
        legacy_table_names = False
        # save() writes only the fields changed on this object, so an older copy of a
        # record held by one window cannot undo what another window saved meanwhile.
        only_save_dirty = True


class Setting(BaseModel):
    """Key/value settings as JSON text: the office name, the policy, the schema version."""

    key = pw.CharField(primary_key=True, max_length=64)
    value = pw.TextField()


class Sequence(BaseModel):
    """Counters that hand out numbers once each (case numbers, dispatch slips)."""

    name = pw.CharField(primary_key=True, max_length=64)
    value = pw.IntegerField(default=0)


class Department(BaseModel):
    name = pw.CharField(unique=True, max_length=40)
    active = pw.BooleanField(default=True)
    sort = pw.IntegerField(default=0)


class Staff(BaseModel):
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
    created_at = pw.DateTimeField(default=dt.datetime.now)

    def building_list(self) -> list[str]:
        return [b.strip() for b in self.buildings.split(",") if b.strip()]


class Room(BaseModel):
    """楼栋-单元-房号."""

    building = pw.CharField(max_length=20)
    unit = pw.CharField(max_length=20, default="")
    number = pw.CharField(max_length=20)

    class Meta:
        indexes = ((("building", "unit", "number"), True),)

    @property
    def label(self) -> str:
        return room_label(self.building, self.unit, self.number)


def room_label(building: str, unit: str, number: str) -> str:
    return "-".join(p for p in (building, unit, number) if p)


class Owner(BaseModel):
    """An occupant of a room: 业主, 租户 or 商户. Phone and ID number are personal data."""

    room = pw.ForeignKeyField(Room, null=True, backref="owners", on_delete="SET NULL")
    name = pw.CharField(max_length=40)
    phone = pw.CharField(default="", max_length=20, index=True)
    id_number = pw.CharField(default="", max_length=18)
    occupant_type = pw.CharField(default="业主", max_length=8)
    move_in = pw.DateField(null=True)
    note = pw.TextField(default="")
    active = pw.BooleanField(default=True)


class Case(BaseModel):
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
    merged_into = pw.ForeignKeyField("self", null=True, backref="merged", on_delete="SET NULL")
    created_by = pw.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    typical = pw.BooleanField(default=False)  # 典型案例, marked by the planner for the report
    typical_note = pw.TextField(default="")
    updated_at = pw.DateTimeField()

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
        return self.room.label if self.room_id else ""


class CaseEvent(BaseModel):
    """One line of a case's timeline."""

    case = pw.ForeignKeyField(Case, backref="events", on_delete="CASCADE")
    at = pw.DateTimeField()
    kind = pw.CharField(max_length=12)
    text = pw.TextField(default="")
    actor = pw.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    actor_name = pw.CharField(default="", max_length=40)

    class Meta:
        indexes = ((("case", "at"), False),)


class Dispatch(BaseModel):
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


class Extension(BaseModel):
    """A deadline moved later, with who approved it (超时需经批准)."""

    case = pw.ForeignKeyField(Case, backref="extensions", on_delete="CASCADE")
    old_due = pw.DateTimeField()
    new_due = pw.DateTimeField()
    reason = pw.TextField()
    approver = pw.CharField(max_length=40)
    approver_role = pw.CharField(max_length=24, default="")
    at = pw.DateTimeField()


class MajorReport(BaseModel):
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


class OpenLetter(BaseModel):
    """公开信: one written answer to many owners on the same matter; archived."""

    title = pw.CharField(max_length=100)
    body = pw.TextField()
    issued_at = pw.DateTimeField()
    issued_by = pw.CharField(default="", max_length=40)


class Visit(BaseModel):
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

    class Meta:
        indexes = ((("state", "due"), False), (("case", "attempt"), False))


class VisitDecision(BaseModel):
    """Why a handled case was (or was not) chosen for a visit: the sampling's explanation."""

    case = pw.ForeignKeyField(Case, unique=True, backref="visit_decisions", on_delete="CASCADE")
    kind = pw.CharField(max_length=8)
    quarter = pw.CharField(max_length=7, index=True)  # 2026-Q3
    selected = pw.BooleanField()
    reason = pw.CharField(max_length=200)
    by_hand = pw.BooleanField(default=False)
    decided_by = pw.CharField(default="系统", max_length=40)
    decided_at = pw.DateTimeField()


class VisitAttempt(BaseModel):
    """A try to reach the owner: 未接通, 拒绝, 约定回电 …"""

    visit = pw.ForeignKeyField(Visit, backref="attempts", on_delete="CASCADE")
    at = pw.DateTimeField()
    outcome = pw.CharField(max_length=12)
    note = pw.CharField(default="", max_length=200)
    call_back_at = pw.DateTimeField(null=True)
    by = pw.CharField(default="", max_length=40)


class VisitTask(BaseModel):
    """A question the visitor could not answer on the spot: the reply is promised by a date."""

    visit = pw.ForeignKeyField(Visit, backref="tasks", on_delete="CASCADE")
    question = pw.TextField()
    promised = pw.DateField(index=True)
    answered_at = pw.DateTimeField(null=True)
    answer = pw.TextField(default="")


class ReworkNotice(BaseModel):
    """返工通知: the written notice to the worker after an unsatisfied visit, due within 24 h."""

    case = pw.ForeignKeyField(Case, backref="rework_notices", on_delete="CASCADE")
    visit = pw.ForeignKeyField(Visit, on_delete="CASCADE")
    department = pw.ForeignKeyField(Department, null=True, on_delete="SET NULL")
    text = pw.TextField()
    issued_at = pw.DateTimeField()
    due = pw.DateTimeField()
    delivered_at = pw.DateTimeField(null=True)
    delivered_to = pw.CharField(default="", max_length=40)


class Signature(BaseModel):
    """A signature drawn on screen: the strokes, the PNG, and the hash binding it to the visit."""

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


class VisitReview(BaseModel):
    """主管审核 / 项目经理意见 / 总经理意见 on a visit record, with name and time."""

    visit = pw.ForeignKeyField(Visit, backref="reviews", on_delete="CASCADE")
    level = pw.CharField(max_length=8)
    reviewer = pw.CharField(max_length=40)
    opinion = pw.TextField()
    at = pw.DateTimeField()


class FormSheet(BaseModel):
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


class ReportArchive(BaseModel):
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


class Draft(BaseModel):
    """An unsaved form, kept so nothing typed is lost (even across a restart)."""

    key = pw.CharField(primary_key=True, max_length=80)
    data = pw.TextField()
    updated_at = pw.DateTimeField()


class Holiday(BaseModel):
    """An entry of the editable holiday table: a day off, or an adjusted working day (调休)."""

    day = pw.DateField(unique=True)
    workday = pw.BooleanField()
    name = pw.CharField(default="", max_length=20)


ALL_MODELS: list[type[BaseModel]] = [
    Setting,
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
    FormSheet,
    ReportArchive,
    NightLogEntry,
    Draft,
    Holiday,
]
