"""The case service: intake, the lifecycle (派工、签收、进展、延期、办结、关闭、重开、合并)
and the duplicate check. The windows, the command line and the ledger import all go
through here, so every rule holds the same everywhere.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import peewee as pw

from app import audit, case_states, domain, search
from app.clock import Clock
from app.errors import UserError, ValidationError
from app.models import (
    Case,
    CaseEvent,
    Department,
    Dispatch,
    Extension,
    MajorReport,
    NightLogEntry,
    Owner,
    ReplyLetter,
    Room,
    Sequence,
    Staff,
    Visit,
    acting_as,
    current_actor,
    db,
    tuple_rows,
)
from app.permissions import require
from app.policy import Deadlines, Policy, PolicyStore
from app.validation import (
    MAX_SHORT,
    MAX_TEXT,
    check_length,
    clean_text,
    normalise_phone,
    parse_datetime,
    parse_room,
)
from app.workdays import WorkCalendar

if TYPE_CHECKING:  # the batch writer (app/case_batch.py) imports this module
    from app.case_batch import NewCase


@dataclass
class CaseInput:
    """What the intake form (or a ledger row) says; checked by `CaseService.check`."""

    account: str = ""
    kind: str = "投诉"
    received_at: dt.datetime | str | None = None
    channel: str = "电话"
    anonymous: bool = False
    room: str = ""  # '3-2-501'
    customer_name: str = ""
    customer_phone: str = ""
    validity: str | None = None
    severity: str = "轻微"
    category: str = "其他"
    urgency: str = "一般"
    event_time: dt.datetime | str | None = None
    event_place: str = ""
    party: str = ""
    request: str = ""
    department: str = ""  # 责任部门 by name
    ref: str | None = None
    requested_date: dt.date | str | None = None  # 或业主要求的时间 (minor complaints)
    written_reply_only: bool = False  # 只要求书面答复: no visit, a reply letter instead


@dataclass
class CheckedInput:
    """A `CaseInput` after checking: clean values ready to store."""

    values: dict[str, object]
    room_parts: tuple[str, str, str] | None
    department: Department | None
    warnings: list[str] = field(default_factory=list)


@dataclass
class CaseDetail:
    """What the case window shows of one case (`CaseService.detail`)."""

    case: Case
    slips: list[Dispatch]
    extensions: list[Extension]
    visits: list[Visit]
    report: MajorReport | None
    merged: list[str]  # the numbers of the cases merged into this one
    timeline: list[CaseEvent]
    actions: list[str]  # the steps the case's status and the case itself allow (app/case_states.py)


def next_number(name: str) -> int:
    """Hand out the next number of a counter; call inside a transaction."""
    Sequence.insert(name=name, value=1).on_conflict(
        conflict_target=[Sequence.name], update={Sequence.value: Sequence.value + 1}
    ).execute()
    return int(Sequence.get_by_id(name).value)


def actor_name(actor: Staff | None) -> str:
    return actor.name if actor else "系统"


class CaseService:
    def __init__(self, clock: Clock, policies: PolicyStore) -> None:
        self.clock = clock
        self.policies = policies
        # Called inside the transaction that resolves a case (the visit planner listens).
        self.resolved_listeners: list[Callable[[Case, Staff | None], object]] = []

    # Reading the rules ----------------------------------------------------------------
    def policy(self) -> Policy:
        return self.policies.load()

    def calendar(self) -> WorkCalendar:
        return WorkCalendar.from_database()

    def deadlines_for(self, kind: str, severity: str, received_at: dt.datetime | None = None) -> Deadlines:
        """What the policy gives for a case like this; the intake form shows it live."""
        return self.policy().deadlines(received_at or self.clock.now(), kind, severity, self.calendar())

    # Checking -------------------------------------------------------------------------
    def check(self, inp: CaseInput, policy: Policy | None = None) -> CheckedInput:
        """Every field checked; raises ValidationError naming each bad field."""
        policy = policy or self.policy()
        problems: dict[str, str] = {}
        values: dict[str, object] = {}

        def text(name: str, label: str, raw: str | None, limit: int, required: bool = False) -> str:
            value = clean_text(raw)
            if required and not value:
                problems[label] = "必须填写"
            elif reason := check_length(value, limit):
                problems[label] = reason
            return value

        values["account"] = text("account", "内容", inp.account, MAX_TEXT, required=True)
        values["request"] = text("request", "客户要求", inp.request, MAX_TEXT)
        values["event_place"] = text("event_place", "事发地点", inp.event_place, MAX_SHORT)
        values["party"] = text("party", "被投诉部门/人员", inp.party, 60)
        values["customer_name"] = text("customer_name", "客户姓名", inp.customer_name, 40)

        now = self.clock.now()
        try:
            received = parse_datetime(inp.received_at) if inp.received_at else now
            if received > now + dt.timedelta(minutes=10):
                problems["受理时间"] = "不能晚于现在"
            values["received_at"] = received
        except ValueError as exc:
            problems["受理时间"] = str(exc)
        if inp.event_time:
            try:
                event = parse_datetime(inp.event_time)
                if event > now + dt.timedelta(minutes=10):
                    problems["事发时间"] = "不能晚于现在"
                values["event_time"] = event
            except ValueError as exc:
                problems["事发时间"] = str(exc)
        else:
            values["event_time"] = None

        def choice(label: str, raw: str | None, allowed: list[str]) -> str:
            value = clean_text(raw)
            if value not in allowed:
                problems[label] = f"“{value}”不在可选项中:{'、'.join(allowed)}"
            return value

        values["kind"] = choice("性质", inp.kind, domain.KINDS)
        values["channel"] = choice("渠道", inp.channel, policy.channels)
        values["severity"] = choice("程度", inp.severity or "轻微", domain.SEVERITIES)
        values["urgency"] = choice("紧急程度", inp.urgency or "一般", domain.URGENCIES)
        values["category"] = choice("类别", inp.category, policy.categories)
        validity = clean_text(inp.validity) or None
        if validity is not None:
            if values["kind"] != "投诉":
                problems["有效性"] = "只有投诉才分有效性"
            elif validity not in domain.VALIDITIES:
                problems["有效性"] = f"只能是 {'、'.join(domain.VALIDITIES)}"
        values["validity"] = validity

        try:
            values["customer_phone"] = normalise_phone(inp.customer_phone)
        except ValueError as exc:
            problems["联系电话"] = str(exc)

        room_parts = None
        room_text = clean_text(inp.room)
        if room_text:
            try:
                room_parts = parse_room(room_text)
            except ValueError as exc:
                problems["房号"] = str(exc)
        values["anonymous"] = bool(inp.anonymous)
        if inp.anonymous:
            values["customer_name"] = ""
            values["customer_phone"] = ""
        elif not (room_text or values.get("customer_name") or values.get("customer_phone")):
            problems["客户"] = "请填写房号、姓名或电话,或勾选“匿名”"

        department = None
        dep_name = clean_text(inp.department)
        if dep_name:
            department = Department.get_or_none(Department.name == dep_name)
            if department is None:
                problems["责任部门"] = f"没有名为“{dep_name}”的部门"
        ref = clean_text(inp.ref) or None
        if ref is not None:
            if reason := check_length(ref, 40):
                problems["编号"] = reason
            elif Case.select().where(Case.ref == ref).exists():
                problems["编号"] = f"编号“{ref}”已被另一件使用"
        values["ref"] = ref
        values["requested_date"] = None
        if inp.requested_date:
            try:
                requested = parse_datetime(inp.requested_date).date()
            except ValueError as exc:
                problems["业主要求的时间"] = str(exc)
            else:
                received_day = (
                    values["received_at"] if isinstance(values.get("received_at"), dt.datetime) else now
                )
                assert isinstance(received_day, dt.datetime)
                if values.get("kind") != "投诉":
                    problems["业主要求的时间"] = "只有投诉才记录业主要求的时间"
                elif requested < received_day.date():
                    problems["业主要求的时间"] = f"不能早于受理日期 {received_day:%Y-%m-%d}"
                values["requested_date"] = requested
        values["written_reply_only"] = bool(inp.written_reply_only)
        if inp.written_reply_only and values.get("kind") != "投诉":
            problems["只要求书面答复"] = "只有投诉才能标记为只要求书面答复"
        if problems:
            raise ValidationError(problems)
        return CheckedInput(values, room_parts, department)

    # Intake ---------------------------------------------------------------------------
    def find_room(self, label: str) -> Room | None:
        try:
            b, u, r = parse_room(label)
        except ValueError:
            return None
        return Room.get_or_none(Room.building == b, Room.unit == u, Room.number == r)

    def _room_for(self, parts: tuple[str, str, str] | None) -> Room | None:
        if parts is None:
            return None
        room, _ = Room.get_or_create(building=parts[0], unit=parts[1], number=parts[2])
        return room

    def create(self, inp: CaseInput, actor: Staff | None = None) -> Case:
        """Take in a case: checks, number, deadlines, timeline, search index, one transaction."""
        require(actor, "case.create")
        policy = self.policy()
        checked = self.check(inp, policy)
        with db.atomic():
            return self._create_checked(checked, policy, actor)

    def register(
        self,
        inp: CaseInput,
        actor: Staff | None = None,
        *,
        merge_into: int | None = None,
        night_entry_id: int | None = None,
    ) -> Case:
        """受理登记's 保存: take the case in; when it came from a night-log entry (夜间值班记录)
        the entry remembers it, and when the clerk chose a likely duplicate (并入此案) the
        new case is merged into it. All of it or nothing, in one transaction."""
        entry = None
        if night_entry_id is not None:
            require(actor, "nightlog.convert")
            entry = NightLogEntry.get_or_none(NightLogEntry.id == night_entry_id)
            if entry is None:
                raise UserError("找不到这条夜间值班记录(可能已被删除),请清空表单后重新登记")
            if entry.case is not None:
                raise UserError(f"这条值班记录已转为案件 {entry.case.number}")
        require(actor, "case.create")
        policy = self.policy()
        checked = self.check(inp, policy)
        target = self.get(merge_into) if merge_into is not None else None
        with db.atomic():
            case = self._create_checked(checked, policy, actor)
            if entry is not None:
                entry.case = case
                entry.save()
            if target is not None:
                self.merge(case, target, actor)
        return case

    def _create_checked(self, checked: CheckedInput, policy: Policy, actor: Staff | None) -> Case:
        v = checked.values
        now = self.clock.now()
        received = v["received_at"]
        assert isinstance(received, dt.datetime)
        room = self._room_for(checked.room_parts)
        owner = self._owner_for(room, str(v["customer_name"]), str(v["customer_phone"]))
        deadlines = policy.deadlines(received, str(v["kind"]), str(v["severity"]), self.calendar())
        requested = v.get("requested_date")
        resolve_due, by_owner = owner_resolve_due(
            policy,
            str(v["kind"]),
            str(v["severity"]),
            requested if isinstance(requested, dt.date) else None,
            deadlines.resolve_due,
        )
        seq = next_number(f"case-{received.year}")
        case = Case.create(
            number=f"{policy.case_prefix_for(str(v['kind']))}-{received.year}-{seq:05d}",  # 投诉 TS-, 报修 BX- …
            room=room,
            owner=owner,
            department=checked.department,
            state=domain.NEW,
            response_due=deadlines.response_due,
            resolve_due=resolve_due,
            answer_due=deadlines.answer_due,
            created_by=actor,
            updated_at=now,
            **v,
        )
        self._event(
            case, domain.EV_RECEIVED, self.received_text(case, by_owner, resolve_due), actor, at=received
        )
        if deadlines.major_report_due is not None:
            MajorReport.create(case=case, due=deadlines.major_report_due, content=case.account)
        self.reindex(case)
        return case

    def _owner_for(self, room: Room | None, name: str, phone: str) -> Owner | None:
        """The occupant this case is from: by phone first, then by name in the room."""
        if phone:
            owner = Owner.select().where(Owner.phone == phone, Owner.active == True).first()  # noqa: E712
            if owner:
                return owner
        if room is not None and name:
            return Owner.get_or_none(Owner.room == room, Owner.name == name)
        return None

    def lookup_phone(self, phone: str) -> Owner | None:
        """Caller lookup at intake: the occupant with this phone number."""
        try:
            number = normalise_phone(phone)
        except ValueError:
            return None
        if not number:
            return None
        return Owner.select().where(Owner.phone == number, Owner.active == True).first()  # noqa: E712

    def duplicates(
        self,
        room_label: str,
        category: str,
        phone: str = "",
        exclude: int | None = None,
    ) -> list[Case]:
        """Likely the same matter (同一问题多次投诉应作一次记录): same room (or phone) and
        category, still open or finished within the policy's window."""
        room = self.find_room(room_label) if room_label else None
        try:
            phone = normalise_phone(phone)
        except ValueError:
            phone = ""
        if room is None and not phone:
            return []
        since = self.clock.now() - self.policy().duplicate_window
        who = (Case.room == room) if room is not None else (Case.customer_phone == phone)
        query = Case.select().where(
            who,
            Case.category == category,
            Case.state != domain.MERGED,
            (Case.state.in_(domain.OPEN_STATES)) | (Case.resolved_at >= since),
        )
        if exclude is not None:
            query = query.where(Case.id != exclude)
        return list(query.order_by(Case.received_at.desc()).limit(10))

    def room_history(self, room_label: str, limit: int = 50) -> list[Case]:
        room = self.find_room(room_label)
        if room is None:
            return []
        return list(Case.select().where(Case.room == room).order_by(Case.received_at.desc()).limit(limit))

    # The lifecycle --------------------------------------------------------------------
    def get(self, case_id: int) -> Case:
        case = Case.get_or_none(Case.id == case_id)
        if case is None:
            raise UserError(f"找不到第 {case_id} 号案件")
        return case

    def by_number(self, number: str) -> Case | None:
        return Case.get_or_none(Case.number == number.strip())

    def _event(
        self,
        case: Case,
        kind: str,
        text: str,
        actor: Staff | None,
        at: dt.datetime | None = None,
        name: str | None = None,
    ) -> CaseEvent:
        return CaseEvent.create(
            case=case,
            at=at or self.clock.now(),
            kind=kind,
            text=text,
            actor=actor,
            actor_name=name or actor_name(actor),
        )

    def _require(self, case: Case, action: str) -> None:
        """Refuse a step the case's status does not allow (app/case_states.py's table)."""
        case_states.require_state(case, action)

    def _step(self, case: Case, action: str) -> None:
        """Move the case to the status the step leads to (app/case_states.py's table)."""
        case.state = case_states.next_state(case.state, action)

    def _touch(self, case: Case) -> None:
        case.updated_at = self.clock.now()
        case.save()
        self.reindex(case)

    def dispatch(
        self,
        case: Case,
        department: Department,
        actor: Staff | None = None,
        assignee: Staff | None = None,
        instructions: str = "",
        due: dt.datetime | None = None,
    ) -> Dispatch:
        """派工: a work slip (工作联系单) to the department, due by the case's deadline."""
        require(actor, "case.dispatch")
        self._require(case, case_states.DISPATCH)
        instructions = clean_text(instructions)
        if reason := check_length(instructions, MAX_TEXT):
            raise ValidationError({"派工说明": reason})
        now = self.clock.now()
        with db.atomic():
            slip = Dispatch.create(
                case=case,
                number=f"PG-{now.year}-{next_number(f'dispatch-{now.year}'):05d}",
                department=department,
                assignee=assignee,
                instructions=instructions,
                dispatched_at=now,
                due=due or case.resolve_due,
            )
            case.department = department
            self._step(case, case_states.DISPATCH)
            who = f"({assignee.name})" if assignee else ""
            self._event(
                case,
                domain.EV_DISPATCH,
                f"派往{department.name}{who},联系单 {slip.number}。{instructions}",
                actor,
            )
            self._touch(case)
        return slip

    def sign_for(self, slip: Dispatch, signer: str, actor: Staff | None = None) -> None:
        """签收: the receiving department takes the work."""
        require(actor, "case.sign_for")
        signer = clean_text(signer)
        if not signer:
            raise ValidationError({"签收人": "必须填写"})
        if slip.signed_at is not None:
            raise UserError(f"联系单 {slip.number} 已于 {slip.signed_at:%m-%d %H:%M} 由{slip.signed_by}签收")
        case = slip.case
        self._require(case, case_states.SIGN)
        with db.atomic():
            slip.signed_at = self.clock.now()
            slip.signed_by = signer
            slip.save()
            self._step(case, case_states.SIGN)
            self._event(
                case, domain.EV_SIGNED, f"{slip.department.name} {signer} 签收联系单 {slip.number}", actor
            )
            self._touch(case)

    def add_note(
        self, case: Case, text: str, actor: Staff | None = None, response: bool = False
    ) -> CaseEvent:
        """A progress note; `response` marks the first answer given to the owner."""
        require(actor, "case.note")
        self._require(case, case_states.NOTE)
        text = clean_text(text)
        if not text:
            raise ValidationError({"内容": "必须填写"})
        if reason := check_length(text, MAX_TEXT):
            raise ValidationError({"内容": reason})
        with db.atomic():
            kind = domain.EV_NOTE
            if response:
                kind = domain.EV_RESPONSE
                if case.first_response_at is None:
                    case.first_response_at = self.clock.now()
            event = self._event(case, kind, text, actor)
            self._touch(case)
        return event

    def extend(
        self,
        case: Case,
        new_due: dt.datetime,
        reason: str,
        approver: Staff,
        actor: Staff | None = None,
    ) -> Extension:
        """延期: a later deadline, approved by the role the policy names for this severity."""
        require(actor, "case.extend")
        self._require(case, case_states.EXTEND)
        problems: dict[str, str] = {}
        reason = clean_text(reason)
        if not reason:
            problems["延期原因"] = "必须填写"
        if new_due <= case.resolve_due:
            problems["新期限"] = f"须晚于原期限 {case.resolve_due:%Y-%m-%d %H:%M}"
        needed = self.policy().extension_approver_role(case.severity)
        allowed = _approver_roles(needed)
        if approver.role not in allowed:
            problems["批准人"] = (
                f"{case.severity}案件延期须由{domain.ROLES.get(needed, needed)}或更高职位批准,"
                f"{approver.name}是{domain.ROLES.get(approver.role, approver.role)}"
            )
        if problems:
            raise ValidationError(problems)
        with db.atomic():
            ext = Extension.create(
                case=case,
                old_due=case.resolve_due,
                new_due=new_due,
                reason=reason,
                approver=approver.name,
                approver_role=approver.role,
                at=self.clock.now(),
            )
            self._event(
                case,
                domain.EV_EXTENSION,
                f"期限由 {case.resolve_due:%Y-%m-%d %H:%M} 延至 {new_due:%Y-%m-%d %H:%M},"
                f"{approver.name}批准。原因:{reason}",
                actor,
            )
            case.resolve_due = new_due
            self._touch(case)
        return ext

    def extension_approver_roles(self, severity: str) -> set[str]:
        """The roles that may approve extending a case of this severity."""
        return _approver_roles(self.policy().extension_approver_role(severity))

    def resolve(
        self,
        case: Case,
        result: str,
        actor: Staff | None = None,
        at: dt.datetime | None = None,
        plan_visit: bool = True,
    ) -> None:
        """办结: handling finished, with its result (没有处理结果不能办结).

        `plan_visit=False` is for history brought in with its visit already done."""
        require(actor, "case.resolve")
        self._require(case, case_states.RESOLVE)
        result = clean_text(result)
        if not result:
            raise ValidationError({"处理结果": "办结必须填写处理结果"})
        if reason := check_length(result, MAX_TEXT):
            raise ValidationError({"处理结果": reason})
        at = at or self.clock.now()
        if at < case.received_at:
            raise ValidationError({"办结时间": "不能早于受理时间"})
        with db.atomic():
            self._step(case, case_states.RESOLVE)
            case.result = result
            case.resolved_at = at
            if case.first_response_at is None:
                case.first_response_at = at
            for slip in case.dispatches.where(Dispatch.finished_at.is_null()):
                slip.finished_at = at
                slip.outcome = result
                slip.save()
            self._event(case, domain.EV_RESOLVED, result, actor, at=at)
            self._touch(case)
            if plan_visit:
                for listener in self.resolved_listeners:
                    listener(case, actor)

    def close(self, case: Case, actor: Staff | None = None, note: str = "") -> None:
        """关闭: the matter is settled; only a resolved case can close."""
        require(actor, "case.close")
        self._require(case, case_states.CLOSE)
        if case.written_reply_only and case.reply_letter_at is None:
            raise UserError(
                f"案件 {case.number} 的业主只要求书面答复:请先在案件详情中附上复函(PDF、图片或 Word 文件),再关闭"
            )
        with db.atomic():
            self._step(case, case_states.CLOSE)
            case.closed_at = self.clock.now()
            self._event(case, domain.EV_CLOSED, clean_text(note) or "已关闭", actor)
            self._touch(case)

    def reopen(self, case: Case, reason: str, actor: Staff | None = None) -> None:
        """重开: back to handling, by a manager's decision."""
        require(actor, "case.reopen")
        self.reopen_for_rework(case, reason, actor)

    def reopen_for_rework(self, case: Case, reason: str, actor: Staff | None = None) -> None:
        """Back to handling because the owner was not satisfied at the visit: the rule
        itself reopens it (返工), whoever recorded the visit (the visit service calls this)."""
        self._require(case, case_states.REOPEN)
        reason = clean_text(reason)
        if not reason:
            raise ValidationError({"重开原因": "必须填写"})
        with db.atomic():
            self._step(case, case_states.REOPEN)
            case.closed_at = None
            case.resolved_at = None
            self._event(case, domain.EV_REOPENED, reason, actor)
            self._touch(case)

    def merge(self, duplicate: Case, into: Case, actor: Staff | None = None) -> None:
        """合并: the same matter reported twice is one case; the duplicate points to it."""
        require(actor, "case.merge")
        if duplicate.id == into.id:
            raise UserError("不能把案件合并到它自己")
        self._require(duplicate, case_states.MERGE)
        if into.state == domain.MERGED:
            target = into.merged_into  # set whenever merged; cases are never deleted
            raise UserError(
                f"{into.number} 已合并到其他案件" + (f",请合并到 {target.number}" if target else "")
            )
        with db.atomic():
            self._step(duplicate, case_states.MERGE)
            duplicate.merged_into = into
            self._event(duplicate, domain.EV_MERGED, f"并入 {into.number}", actor)
            self._event(
                into,
                domain.EV_MERGED,
                f"合并 {duplicate.number}({duplicate.received_at:%m-%d %H:%M} {duplicate.channel}):"
                f"{duplicate.account[:100]}",
                actor,
            )
            self._touch(duplicate)
            self._touch(into)

    def void(self, case: Case, reason: str, actor: Staff | None = None) -> None:
        """作废: entered by mistake; nothing is deleted, the case stays in history."""
        require(actor, "case.void")
        reason = clean_text(reason)
        if not reason:
            raise ValidationError({"作废原因": "必须填写"})
        self._require(case, case_states.VOID)
        with db.atomic():
            self._step(case, case_states.VOID)
            case.void_reason = reason
            self._event(case, domain.EV_VOID, reason, actor)
            self._touch(case)

    def mark_typical(self, case: Case, typical: bool, note: str, actor: Staff | None = None) -> None:
        """典型案例: the planner marks a case for the quarterly report, with a note why."""
        require(actor, "case.mark_typical")
        self._require(case, case_states.TYPICAL)
        note = clean_text(note)
        if typical and not note:
            raise ValidationError({"说明": "标记典型案例请写明理由或启示"})
        if reason := check_length(note, MAX_TEXT):
            raise ValidationError({"说明": reason})
        with db.atomic():
            case.typical = typical
            case.typical_note = note if typical else ""
            self._event(
                case, domain.EV_NOTE, ("标记为典型案例:" + note) if typical else "取消典型案例", actor
            )
            self._touch(case)

    def update(self, case: Case, inp: CaseInput, actor: Staff | None = None) -> list[str]:
        """Correct a case's intake fields; a closed case only by a manager. Returns what changed."""
        if case.state in (domain.CLOSED, domain.VOID, domain.MERGED):
            require(actor, "case.edit_closed")
        else:
            require(actor, "case.create")
        same_ref = (clean_text(inp.ref) or None) == case.ref
        checked = self.check(replace(inp, ref=None) if same_ref else inp)
        values = dict(checked.values)
        if inp.received_at is None:
            values.pop("received_at")
        if same_ref:
            values.pop("ref")
        if values["written_reply_only"] != case.written_reply_only and case.state not in domain.OPEN_STATES:
            raise ValidationError({"只要求书面答复": "办结时已决定是否回访,办结后不能再更改"})
        changed = []
        before = {name: getattr(case, name) for name in CLASSIFICATION}
        with db.atomic():
            room = self._room_for(checked.room_parts)
            if (room.id if room else None) != case.room_id:
                case.room = room
                changed.append("房号")
            if (checked.department.id if checked.department else None) != case.department_id:
                case.department = checked.department
                changed.append("责任部门")
            for name, value in values.items():
                if getattr(case, name) != value:
                    setattr(case, name, value)
                    changed.append(name)
            if changed:
                text = "修改了:" + "、".join(changed)
                if any(before[name] != getattr(case, name) for name in CLASSIFICATION) or (
                    "requested_date" in changed
                ):
                    words = _classification_words(before, case)
                    recomputed = self._recompute(case, self.policy(), self.calendar(), "修改登记信息")
                    text = ";".join([text, *words, *recomputed])
                self._event(case, domain.EV_EDITED, text, actor)
                self._touch(case)
        return changed

    # Re-grading and recomputed deadlines ------------------------------------------------
    def regrade(
        self,
        case: Case,
        reason: str,
        actor: Staff | None = None,
        *,
        kind: str | None = None,
        validity: str | None = None,
        severity: str | None = None,
        category: str | None = None,
        urgency: str | None = None,
        received_at: dt.datetime | str | None = None,
    ) -> list[str]:
        """重新定级: a new kind, validity, severity, category, urgency or received time.

        Every deadline is computed again from the policy (首次回复, 办结, 明确答复, the
        major-complaint report; an approved extension later than the new 办结 deadline
        stands); a case that becomes 重大投诉 gets its report, one that stops being has it
        cancelled with the reason. Returns the lines written on the timeline (empty when
        nothing changed). `None` leaves a field as it is; `validity=""` clears it."""
        if case.state in (domain.CLOSED, domain.VOID, domain.MERGED):
            require(actor, "case.edit_closed")
        else:
            require(actor, "case.create")
        self._require(case, case_states.REGRADE)
        policy = self.policy()
        problems: dict[str, str] = {}
        reason = clean_text(reason)
        if not reason:
            problems["定级原因"] = "必须填写,例如 业主反映损失较大,升级为重大投诉"
        elif message := check_length(reason, MAX_TEXT):
            problems["定级原因"] = message
        new: dict[str, object] = {name: getattr(case, name) for name in CLASSIFICATION}

        def choose(name: str, raw: str | None, allowed: list[str]) -> None:
            if raw is None:
                return
            value = clean_text(raw)
            if value != new[name] and value not in allowed:
                problems[CLASSIFICATION[name]] = f"“{value}”不在可选项中:{'、'.join(allowed)}"
            new[name] = value

        choose("kind", kind, domain.KINDS)
        choose("severity", severity, domain.SEVERITIES)
        choose("category", category, policy.categories)
        choose("urgency", urgency, domain.URGENCIES)
        if validity is not None:
            new["validity"] = clean_text(validity) or None
        if new["kind"] != "投诉":
            new["validity"] = None
        elif new["validity"] is not None and new["validity"] not in domain.VALIDITIES:
            problems["有效性"] = f"只能是 {'、'.join(domain.VALIDITIES)}"
        if received_at is not None:
            try:
                received = parse_datetime(received_at) if isinstance(received_at, str) else received_at
            except ValueError as exc:
                problems["受理时间"] = str(exc)
            else:
                if received > self.clock.now() + dt.timedelta(minutes=10):
                    problems["受理时间"] = "不能晚于现在"
                elif case.resolved_at is not None and received > case.resolved_at:
                    problems["受理时间"] = f"不能晚于办结时间 {case.resolved_at:%Y-%m-%d %H:%M}"
                new["received_at"] = received
        if problems:
            raise ValidationError(problems)
        before = {name: getattr(case, name) for name in CLASSIFICATION}
        if new == before:
            return []
        with db.atomic():
            for name, value in new.items():
                setattr(case, name, value)
            words = _classification_words(before, case)
            recomputed = self._recompute(case, policy, self.calendar(), reason)
            lines = ["重新定级:" + ";".join(words), *recomputed, f"原因:{reason}"]
            self._event(case, domain.EV_EDITED, "\n".join(lines), actor)
            self._touch(case)
        return lines

    def recompute_open_deadlines(self, why: str, actor: Staff | None = None) -> list[Case]:
        """After the holiday table changed: every open case's deadlines from the policy again,
        each change on its case's timeline with `why`. Returns the cases that changed."""
        policy = self.policy()
        calendar = self.calendar()
        name = actor_name(actor) if actor else current_actor()
        changed = []
        open_ids = Case.select(Case.id).where(open_condition())
        # Two queries for all cases instead of two per case (an office may have hundreds open).
        latest = pw.fn.MAX(Extension.new_due)
        extended = {
            case_id: _as_datetime(due)
            for case_id, due in tuple_rows(
                Extension.select(Extension.case, latest)
                .where(Extension.case.in_(open_ids))
                .group_by(Extension.case)
            )
        }
        reports = {r.case_id: r for r in MajorReport.select().where(MajorReport.case.in_(open_ids))}
        with db.atomic():
            for case in Case.select().where(open_condition()).order_by(Case.id):
                known = (extended.get(case.id), reports.get(case.id))
                lines = self._recompute(case, policy, calendar, why, raise_now=False, known=known)
                if lines:
                    self._event(
                        case, domain.EV_EDITED, f"{why},期限重算:" + ";".join(lines), actor, name=name
                    )
                    self._touch(case)
                    changed.append(case)
        return changed

    def _recompute(
        self,
        case: Case,
        policy: Policy,
        calendar: WorkCalendar,
        why: str,
        raise_now: bool = True,
        known: tuple[dt.datetime | None, MajorReport | None] | None = None,
    ) -> list[str]:
        """Sets the case's deadlines (and its major-complaint report) from the policy; returns
        what changed, in words. The caller saves the case. `raise_now`: a report this creates
        is due a working day from now (a re-grade), not from receipt."""
        d = policy.deadlines(case.received_at, case.kind, case.severity, calendar)
        lines = []
        resolve_due, by_owner = owner_resolve_due(
            policy, case.kind, case.severity, case.requested_date, d.resolve_due
        )
        if known is None:
            last = case.extensions.order_by(Extension.new_due.desc()).first()
            known = (last.new_due if last else None, MajorReport.get_or_none(MajorReport.case == case))
        extended, report = known
        kept = extended is not None and extended > resolve_due
        if kept and extended is not None:
            resolve_due = extended
        for field_name, label, value in (
            ("response_due", "首次回复期限", d.response_due),
            ("resolve_due", "办结期限", resolve_due),
            ("answer_due", "明确答复期限", d.answer_due),
        ):
            old = getattr(case, field_name)
            if old != value:
                setattr(case, field_name, value)
                line = f"{label} {_when(old)} → {_when(value)}"
                if field_name == "resolve_due" and kept:
                    line += "(保留已批准的延期)"
                elif field_name == "resolve_due" and by_owner:
                    line += "(按业主要求的时间)"
                lines.append(line)
        if d.provisional_years:
            years = "、".join(str(y) for y in d.provisional_years)
            if lines:
                lines.append(f"{years} 年节假日暂定,国务院安排录入后将再重算")
        if d.major_report_due is not None:
            if report is None or report.cancelled_at is not None:
                # Became 重大 just now: the working day runs from now (from receipt if later).
                raised = max(case.received_at, self.clock.now()) if raise_now else None
                due = policy.major_report_due(raised or case.received_at, calendar)
                if report is None:
                    MajorReport.create(case=case, due=due, content=case.account, raised_at=raised)
                    lines.append(f"须于 {_when(due)} 前向品质部及总经理提交重大投诉报告")
                else:
                    report.cancelled_at = None
                    report.cancel_reason = ""
                    report.raised_at = raised
                    report.due = due
                    report.save()
                    lines.append(f"重大投诉报告恢复,须于 {_when(due)} 前提交")
            elif report.submitted_at is None:
                base = max(case.received_at, report.raised_at) if report.raised_at else case.received_at
                due = policy.major_report_due(base, calendar)
                if report.due != due:
                    lines.append(f"重大投诉报告期限 {_when(report.due)} → {_when(due)}")
                    report.due = due
                    report.save()
        elif report is not None and report.cancelled_at is None:
            report.cancelled_at = self.clock.now()
            report.cancel_reason = f"不再是重大投诉({case.kind}·{case.severity}):{why}"
            report.save()
            kept_text = ",已提交的报告留档" if report.submitted_at else ""
            lines.append(f"重大投诉报告取消{kept_text}。原因:{why}")
        return lines

    def save_major_report(
        self, case: Case, fields: dict[str, str], submit: bool, actor: Staff | None = None
    ) -> MajorReport:
        """The major-complaint report; submitting needs every part filled."""
        require(actor, "major_report.edit")
        report = MajorReport.get_or_none(MajorReport.case == case)
        if report is None:
            raise UserError(f"{case.number} 不是重大投诉,没有报告")
        if report.cancelled_at is not None:
            raise UserError(f"{case.number} 已不是重大投诉,报告已取消({report.cancel_reason}),不必再填写")
        labels = {
            "content": "投诉内容",
            "cause": "原因",
            "handling": "处理经过",
            "result": "处理结果",
            "lessons": "经验教训",
            "corrective": "纠正预防措施",
        }
        values = {k: clean_text(fields.get(k, getattr(report, k))) for k in labels}
        problems = {labels[k]: r for k, v in values.items() if (r := check_length(v, MAX_TEXT))}
        if submit:
            problems.update({labels[k]: "提交前必须填写" for k, v in values.items() if not v})
        if problems:
            raise ValidationError(problems)
        with db.atomic():
            for k, v in values.items():
                setattr(report, k, v)
            if submit and report.submitted_at is None:
                report.submitted_at = self.clock.now()
                report.submitted_by = actor_name(actor)
                self._event(case, domain.EV_MAJOR_REPORT, "重大投诉报告已提交品质部及总经理", actor)
            report.save()
            self._touch(case)
        return report

    # Written replies (只要求书面答复) ---------------------------------------------------------
    def set_written_reply_only(self, case: Case, flag: bool, actor: Staff | None = None) -> None:
        """Mark (or unmark) that the owner asked only for a written reply: no visit is
        planned when it is resolved. Only while the case is open: the visit is decided at 办结."""
        require(actor, "case.create")
        if case.written_reply_only == flag:
            return
        if flag and case.kind != "投诉":
            raise UserError("只有投诉才能标记为只要求书面答复")
        self._require(case, case_states.WRITTEN)
        with db.atomic():
            case.written_reply_only = flag
            text = (
                "业主只要求书面答复:不回访,复函附于案件" if flag else "取消“只要求书面答复”:办结后按制度回访"
            )
            self._event(case, domain.EV_EDITED, text, actor)
            self._touch(case)

    def attach_reply_letter(self, case: Case, name: str, data: bytes, actor: Staff | None = None) -> None:
        """复函: the written reply sent to the owner, stored in the database with the case."""
        require(actor, "case.note")
        self._require(case, case_states.REPLY_LETTER)
        name = clean_text(name)[-120:]
        kind = reply_file_kind(name, data)
        with db.atomic():
            replaced = case.reply_letter_at is not None
            ReplyLetter.insert(case=case, data=data).on_conflict(
                conflict_target=[ReplyLetter.case], preserve=[ReplyLetter.data]
            ).execute()
            case.reply_letter_name = name
            case.reply_letter_at = self.clock.now()
            verb = "替换复函" if replaced else "附上复函"
            self._event(case, domain.EV_NOTE, f"{verb}:{name}({kind},{_size(len(data))})", actor)
            self._touch(case)

    def record_sheet_printed(self, case: Case, actor: Staff | None = None) -> None:
        """The 《顾客投诉处理记录表》 was printed: on the timeline, where the dashboard looks,
        and as a read of the caller's name and phone in the audit trail (who printed it)."""
        require(actor, "case.print_record")
        with acting_as(actor.name) if actor is not None else contextlib.nullcontext(), db.atomic():
            self._event(case, domain.EV_RECORD_PRINTED, "打印《顾客投诉处理记录表》", actor)
            audit.log_access(
                audit.PRINT_RECORD,
                case.owner,
                f"{case.number} 的投诉处理记录表(来电人 {_caller(case)})",
                case,
            )

    def reveal_phone(self, case: Case, actor: Staff | None = None) -> str:
        """The caller's full phone number on a case; the read is logged (显示号码). Lists
        and the case's detail show it masked."""
        require(actor, "owner.reveal_phone")
        with acting_as(actor.name) if actor is not None else contextlib.nullcontext():
            audit.log_access(
                audit.REVEAL_PHONE, case.owner, f"{case.number} 来电人 {_caller(case)} 的联系电话", case
            )
        return str(case.customer_phone)

    def reply_letter(self, case: Case) -> bytes | None:
        """The attached reply letter's bytes, None when there is none."""
        letter = ReplyLetter.get_or_none(ReplyLetter.case == case)
        return bytes(letter.data) if letter is not None else None

    # First reply and the clear answer, measured --------------------------------------------
    def record_clear_answer(
        self,
        case: Case,
        by: str,
        at: dt.datetime | str,
        method: str,
        text: str,
        actor: Staff | None = None,
    ) -> MajorReport:
        """明确答复 of a major complaint: who answered the owner, when, how and what."""
        require(actor, "case.note")
        report = MajorReport.get_or_none(MajorReport.case == case)
        if report is None or case.answer_due is None:
            raise UserError(f"{case.number} 不是重大投诉,没有明确答复期限")
        self._require(case, case_states.ANSWER)
        problems: dict[str, str] = {}
        by = clean_text(by)
        text = clean_text(text)
        method = clean_text(method)
        if not by:
            problems["答复人"] = "必须填写"
        elif reason := check_length(by, 40):
            problems["答复人"] = reason
        if method not in ANSWER_METHODS:
            problems["答复方式"] = f"只能是 {'、'.join(ANSWER_METHODS)}"
        if not text:
            problems["答复内容"] = "必须填写,例如 向业主说明调查结果和处理方案"
        elif reason := check_length(text, MAX_TEXT):
            problems["答复内容"] = reason
        when = case.received_at
        try:
            when = parse_datetime(at)
        except ValueError as exc:
            problems["答复时间"] = str(exc)
        else:
            if when < case.received_at:
                problems["答复时间"] = f"不能早于受理时间 {case.received_at:%Y-%m-%d %H:%M}"
            elif when > self.clock.now() + dt.timedelta(minutes=10):
                problems["答复时间"] = "不能晚于现在"
        if problems:
            raise ValidationError(problems)
        with db.atomic():
            report.answered_at = when
            report.answered_by = by
            report.answer_method = method
            report.answer_text = text
            report.save()
            late = when > case.answer_due
            flag = f",超过明确答复期限 {_when(case.answer_due)}" if late else ""
            self._event(case, domain.EV_NOTE, f"明确答复({method},{by},{_when(when)}{flag}):{text}", actor)
            if case.first_response_at is None or when < case.first_response_at:
                case.first_response_at = when
            self._touch(case)
        return report

    def log(self, case: Case, kind: str, text: str, actor: Staff | None = None) -> CaseEvent:
        """A line on the case's timeline from another part of the program (e.g. a visit)."""
        with db.atomic():
            event = self._event(case, kind, text, actor)
            self._touch(case)
        return event

    def timeline(self, case: Case) -> list[CaseEvent]:
        return list(case.events.order_by(CaseEvent.at, CaseEvent.id))

    # Reading a case for its window ----------------------------------------------------
    def detail(self, case_id: int) -> CaseDetail:
        """One case with everything its window shows: slips, extensions, visits, the
        major-complaint report, the cases merged into it, the timeline, the steps open."""
        case = self.get(case_id)
        return CaseDetail(
            case=case,
            slips=self.slips(case),
            extensions=self.extensions(case),
            visits=list(Visit.select().where(Visit.case == case).order_by(Visit.attempt, Visit.id)),
            report=self.major_report(case),
            merged=[c.number for c in case.merged.order_by(Case.id)],
            timeline=self.timeline(case),
            actions=case_states.allowed_actions(case),
        )

    def slips(self, case: Case, unsigned_only: bool = False) -> list[Dispatch]:
        """The case's work slips (工作联系单) in the order they were made."""
        query = case.dispatches
        if unsigned_only:
            query = query.where(Dispatch.signed_at.is_null())
        return list(query.order_by(Dispatch.id))

    def extensions(self, case: Case) -> list[Extension]:
        """The case's approved extensions (延期), oldest first."""
        return list(case.extensions.order_by(Extension.id))

    def slip(self, slip_id: int) -> Dispatch | None:
        return Dispatch.get_or_none(Dispatch.id == slip_id)

    def major_report(self, case: Case) -> MajorReport | None:
        """The case's major-complaint report (重大投诉报告), None when it never had one."""
        return MajorReport.get_or_none(MajorReport.case == case)

    # Search index ---------------------------------------------------------------------
    def reindex(self, case: Case) -> None:
        search.index_case(db.obj, case.id, self.search_texts(case))

    @staticmethod
    def search_texts(case: Case, notes: list[str] | None = None) -> list[str]:
        """What the search index holds of a case; `notes` (its timeline's texts) are read
        when not given."""
        if notes is None:
            notes = [e.text for e in CaseEvent.select(CaseEvent.text).where(CaseEvent.case == case)]
        return [
            case.number,
            case.ref or "",
            case.room_label,
            case.customer_name,
            # not the phone: it is found by its whole number only (app.owners.phone_match),
            # or a masked number could be rebuilt by searching its fragments
            case.kind,
            case.category,
            case.party,
            case.event_place,
            case.account,
            case.request,
            case.result,
            *notes,
        ]

    # Many cases at once (helper H2's block: the ledger import and the demo) ----------------
    def create_many(
        self, items: list[NewCase], actor: Staff | None = None, policy: Policy | None = None
    ) -> list[int]:
        """Take in many checked cases (`check`) in one transaction, each written as `create`
        writes it (and, as each item says, `resolve` and `close`): the same case rows, timeline,
        audit entries (under the person acting, as every step), search entries and visit
        planning, with one INSERT per table for the batch (app/case_batch.py). `policy`: the
        policy the items were checked against (an import adds its new categories to a copy).
        Returns the new cases' ids, in the items' order."""
        from app.case_batch import write_cases

        require(actor, "case.create")
        with db.atomic():
            return write_cases(self, items, policy or self.policy(), actor)

    @staticmethod
    def received_text(case: Case, by_owner: bool, resolve_due: dt.datetime) -> str:
        """The timeline's 受理 line: channel, kind and severity, what the owner asked for."""
        text = f"{case.channel}受理:{case.kind}·{case.severity}"
        if case.requested_date is not None:
            text += f";业主要求 {case.requested_date:%Y-%m-%d} 前办结"
            if by_owner:
                text += f",办结期限按业主要求定为 {_when(resolve_due)}"
        if case.written_reply_only:
            text += ";业主只要求书面答复(不回访,复函附于案件)"
        return text


def rebuild_search_index(chunk: int = 1000) -> int:
    """Every case's search entry written again from `CaseService.search_texts` (e.g. once
    after an upgrade, to drop the phone numbers older versions indexed). Returns the count.

    Reads a chunk of cases with their rooms, and their timelines, in one query each."""
    ids = [row[0] for row in tuple_rows(Case.select(Case.id).order_by(Case.id).tuples())]
    with db.atomic():
        for start in range(0, len(ids), chunk):
            part = ids[start : start + chunk]
            notes: dict[int, list[str]] = {}
            events = CaseEvent.select(CaseEvent.case, CaseEvent.text).where(CaseEvent.case.in_(part))
            for case_id, text in tuple_rows(events.order_by(CaseEvent.id).tuples()):
                notes.setdefault(case_id, []).append(text)
            batch = Case.select(Case, Room).join(Room, pw.JOIN.LEFT_OUTER).where(Case.id.in_(part))
            search.index_many(
                db.obj, [(case.id, CaseService.search_texts(case, notes.get(case.id, []))) for case in batch]
            )
    return len(ids)


def requested_date_rule(policy: Policy) -> str:
    """The policy's switch for the owner's requested date: 'earlier' (the default: it is the
    办结 deadline when earlier than the policy's) or 'always'."""
    rule = policy.requested_date_rule
    return rule if rule in REQUESTED_DATE_RULES else "earlier"


REQUESTED_DATE_RULES = {"earlier": "早于制度期限时采用", "always": "总是采用"}


def owner_resolve_due(
    policy: Policy, kind: str, severity: str, requested: dt.date | None, policy_due: dt.datetime
) -> tuple[dt.datetime, bool]:
    """The 办结 deadline of a case given the owner's requested date (或业主要求的时间, minor
    complaints only): the end of that day when earlier than the policy's deadline, or always
    when the policy says so. Returns the deadline and whether it is the owner's."""
    if requested is None or kind != "投诉" or severity != "轻微":
        return policy_due, False
    owners = dt.datetime.combine(requested, dt.time(23, 59))
    if requested_date_rule(policy) == "always" or owners < policy_due:
        return owners, owners != policy_due
    return policy_due, False


ANSWER_METHODS = ["面谈", "电话", "书面", "短信/微信"]

# 复函 files: PDF, images and Word, known by their first bytes (not only by their name).
_REPLY_KINDS = {
    ".pdf": ("PDF", (b"%PDF",)),
    ".png": ("图片", (b"\x89PNG",)),
    ".jpg": ("图片", (b"\xff\xd8\xff",)),
    ".jpeg": ("图片", (b"\xff\xd8\xff",)),
    ".docx": ("Word", (b"PK\x03\x04",)),
    ".doc": ("Word", (b"\xd0\xcf\x11\xe0",)),
}
MAX_REPLY_BYTES = 20 * 1024 * 1024


def reply_file_kind(name: str, data: bytes) -> str:
    """'PDF' / '图片' / 'Word' for a reply letter; raises UserError saying what to do."""
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in _REPLY_KINDS:
        raise UserError("复函只能是 PDF、图片(PNG/JPG)或 Word(DOC/DOCX)文件,请另存为这些格式后再附上")
    if not data:
        raise UserError(f"文件“{name}”是空的,请选择复函的原文件")
    if len(data) > MAX_REPLY_BYTES:
        raise UserError(f"文件“{name}”大于 20 MB,请压缩或扫描为较小的 PDF 后再附上")
    label, magics = _REPLY_KINDS[suffix]
    if not any(data.startswith(m) for m in magics):
        raise UserError(f"文件“{name}”的内容不是{label}文件(可能已损坏或扩展名不对),请检查后重新选择")
    return label


def _caller(case: Case) -> str:
    return "匿名" if case.anonymous else (case.customer_name or "未留姓名")


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, round(n / 1024))} KB"


def first_reply_late(case: Case, as_of: dt.datetime) -> bool:
    """A first reply later than its deadline (首次回复期限), or none by the deadline.

    办结 is not a first reply: a case finished without a reply counts its reply at the time it
    was finished (`resolve` records that time), so one finished after the deadline is late.
    An anonymous case has nobody to reply to and is never late."""
    if case.anonymous:
        return False
    if case.first_response_at is not None:
        return bool(case.first_response_at > case.response_due)
    return bool(case.response_due < as_of) and case.state not in (domain.VOID, domain.MERGED)


def clear_answer_late(case: Case, report: MajorReport | None, as_of: dt.datetime) -> bool:
    """The major complaint's 明确答复 given after its deadline, or not yet given past it."""
    if case.answer_due is None or report is None or report.cancelled_at is not None:
        return False
    if report.answered_at is not None:
        return bool(report.answered_at > case.answer_due)
    return bool(case.answer_due < as_of) and case.state not in (domain.VOID, domain.MERGED)


# The fields a re-grade changes, with the words the office uses for them.
CLASSIFICATION = {
    "kind": "性质",
    "validity": "有效性",
    "severity": "程度",
    "category": "类别",
    "urgency": "紧急程度",
    "received_at": "受理时间",
}


def _as_datetime(value: object) -> dt.datetime:
    """A MAX() over a date-time column comes back as SQLite's text."""
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def _when(value: dt.datetime | None) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if value is not None else "无"


def _shown(value: object) -> str:
    if isinstance(value, dt.datetime):
        return _when(value)
    return str(value) if value else "无"


def _classification_words(before: dict[str, object], case: Case) -> list[str]:
    """'程度 轻微 → 重大' for each classification field that changed."""
    return [
        f"{label} {_shown(before[name])} → {_shown(getattr(case, name))}"
        for name, label in CLASSIFICATION.items()
        if before[name] != getattr(case, name)
    ]


# Who may approve an extension asked of a role: that role or one above it.
_APPROVAL_LADDER = ["cs_director", "office_manager", "general_manager"]


def _approver_roles(needed: str) -> set[str]:
    if needed in _APPROVAL_LADDER:
        return set(_APPROVAL_LADDER[_APPROVAL_LADDER.index(needed) :])
    return {needed}


def open_condition() -> pw.Expression:
    return Case.state.in_(domain.OPEN_STATES)
