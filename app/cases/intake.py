"""Taking a case in (受理登记): `CaseInput` as the intake form or a ledger row says it, `check`
field by field, `create`, `register` (from a night-log entry, or merged into a likely
duplicate), many at once for the ledger import and the demo (`create_many`), the occupant
by phone, the likely duplicates and a room's history; and the 办结 deadline when the owner
asked for a date (`owner_resolve_due`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from app import domain
from app.cases.core import next_number, when_text
from app.cases.lifecycle import Lifecycle
from app.errors import UserError, ValidationError
from app.i18n import N_, term, tr
from app.models import Case, Department, MajorReport, NightLogEntry, Owner, Room, Staff, db
from app.permissions import require
from app.policy import Policy
from app.policy_checks import SUBCATEGORY_MAX
from app.validation import (
    MAX_SHORT,
    MAX_TEXT,
    check_length,
    clean_text,
    normalise_phone,
    parse_datetime,
    parse_room,
)

if TYPE_CHECKING:  # the batch writer (app/case_batch.py) imports app.cases
    from app.case_batch import NewCase
    from app.cases import CaseService


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
    subcategory: str = ""  # 细类: one of the category's list in the policy, or a new one typed
    urgency: str = "一般"
    event_time: dt.datetime | str | None = None
    event_place: str = ""
    party: str = ""
    request: str = ""
    department: str = ""  # 责任部门 by name
    ref: str | None = None
    requested_date: dt.date | str | None = None  # 或业主要求的时间 (minor complaints)
    written_reply_only: bool = False  # 只要求书面答复: no visit, a reply letter instead
    contain_needed: bool = False  # 需先行处置: due `contain_hours` clock hours after receipt (H21)
    large_loss: bool = False  # 业主损失较大: visited by two together (H24, seed 002 第4条)
    # 特约服务: the service contract's dates; visited mid-contract and after the end (H23).
    contract_start: dt.date | None = None
    contract_end: dt.date | None = None


def check_subcategory(raw: str | None, problems: dict[str, str]) -> str:
    """细类 as typed: the category's list in the policy offers names, and an office may type a
    new one (a leak in a place the list does not name yet); it is kept as typed, at most 20
    characters, and counted as its own item (repeat repairs). Empty: not filled in."""
    value = clean_text(raw)
    if len(value) > SUBCATEGORY_MAX:
        problems[N_("细类")] = tr(
            "最多 {limit} 个字(现在 {length} 个),请写短一些", limit=SUBCATEGORY_MAX, length=len(value)
        )
    return value


def check_contract_dates(
    inp: CaseInput, kind: object, problems: dict[str, str]
) -> tuple[dt.date | None, dt.date | None]:
    """特约服务's contract dates (H23): both or neither, the end not before the start; other
    kinds have none."""
    start, end = inp.contract_start, inp.contract_end
    if start is None and end is None:
        return None, None
    if kind != "特约服务":
        problems[N_("合同日期")] = tr("只有特约服务才记录合同日期")
    elif start is None or end is None:
        problems[N_("合同日期")] = tr("合同开始和结束日期须一起填写")
    elif end < start:
        problems[N_("合同结束日期")] = tr("不能早于合同开始日期 {date}", date=start.isoformat())
    return start, end


@dataclass
class CheckedInput:
    """A `CaseInput` after checking: clean values ready to store."""

    values: dict[str, object]
    room_parts: tuple[str, str, str] | None
    department: Department | None
    warnings: list[str] = field(default_factory=list)


class Intake(Lifecycle):
    """Intake builds on the lifecycle: a case registered as a likely duplicate is merged
    (`merge`) in the same transaction."""

    # Checking -------------------------------------------------------------------------
    def check(self, inp: CaseInput, policy: Policy | None = None) -> CheckedInput:
        """Every field checked; raises ValidationError naming each bad field."""
        policy = policy or self.policy()
        problems: dict[str, str] = {}
        values: dict[str, object] = {}

        def text(name: str, label: str, raw: str | None, limit: int, required: bool = False) -> str:
            value = clean_text(raw)
            if required and not value:
                problems[label] = tr("必须填写")
            elif reason := check_length(value, limit):
                problems[label] = reason
            return value

        values["account"] = text("account", N_("内容"), inp.account, MAX_TEXT, required=True)
        values["request"] = text("request", N_("客户要求"), inp.request, MAX_TEXT)
        values["event_place"] = text("event_place", N_("事发地点"), inp.event_place, MAX_SHORT)
        values["party"] = text("party", N_("被投诉部门/人员"), inp.party, 60)
        values["customer_name"] = text("customer_name", N_("客户姓名"), inp.customer_name, 40)

        now = self.clock.now()
        try:
            received = parse_datetime(inp.received_at) if inp.received_at else now
            if received > now + dt.timedelta(minutes=10):
                problems[N_("受理时间")] = tr("不能晚于现在")
            values["received_at"] = received
        except ValueError as exc:
            problems[N_("受理时间")] = str(exc)
        if inp.event_time:
            try:
                event = parse_datetime(inp.event_time)
                if event > now + dt.timedelta(minutes=10):
                    problems[N_("事发时间")] = tr("不能晚于现在")
                values["event_time"] = event
            except ValueError as exc:
                problems[N_("事发时间")] = str(exc)
        else:
            values["event_time"] = None

        def choice(label: str, raw: str | None, allowed: list[str]) -> str:
            value = clean_text(raw)
            if value not in allowed:
                problems[label] = tr(
                    "“{value}”不在可选项中:{choices}",
                    value=value,
                    choices=tr("、").join(term(a) for a in allowed),
                )
            return value

        values["kind"] = choice(N_("性质"), inp.kind, domain.KINDS)
        values["channel"] = choice(N_("渠道"), inp.channel, policy.channels)
        values["severity"] = choice(N_("程度"), inp.severity or "轻微", domain.SEVERITIES)
        values["urgency"] = choice(N_("紧急程度"), inp.urgency or "一般", domain.URGENCIES)
        values["category"] = choice(N_("类别"), inp.category, policy.categories)
        values["subcategory"] = check_subcategory(inp.subcategory, problems)
        validity = clean_text(inp.validity) or None
        if validity is not None:
            if values["kind"] != "投诉":
                problems[N_("有效性")] = tr("只有投诉才分有效性")
            elif validity not in domain.VALIDITIES:
                problems[N_("有效性")] = tr(
                    "只能是 {choices}", choices=tr("、").join(term(v) for v in domain.VALIDITIES)
                )
        values["validity"] = validity

        try:
            values["customer_phone"] = normalise_phone(inp.customer_phone)
        except ValueError as exc:
            problems[N_("联系电话")] = str(exc)

        room_parts = None
        room_text = clean_text(inp.room)
        if room_text:
            try:
                room_parts = parse_room(room_text)
            except ValueError as exc:
                problems[N_("房号")] = str(exc)
        values["anonymous"] = bool(inp.anonymous)
        if inp.anonymous:
            values["customer_name"] = ""
            values["customer_phone"] = ""
        elif not (room_text or values.get("customer_name") or values.get("customer_phone")):
            problems[N_("客户")] = tr("请填写房号、姓名或电话,或勾选“匿名”")

        department = None
        dep_name = clean_text(inp.department)
        if dep_name:
            department = Department.get_or_none(Department.name == dep_name)
            if department is None:
                problems[N_("责任部门")] = tr("没有名为“{name}”的部门", name=dep_name)
        ref = clean_text(inp.ref) or None
        if ref is not None:
            if reason := check_length(ref, 40):
                problems[N_("编号")] = reason
            elif Case.select().where(Case.ref == ref).exists():
                problems[N_("编号")] = tr("编号“{ref}”已被另一件使用", ref=ref)
        values["ref"] = ref
        values["requested_date"] = None
        if inp.requested_date:
            try:
                requested = parse_datetime(inp.requested_date).date()
            except ValueError as exc:
                problems[N_("业主要求的时间")] = str(exc)
            else:
                received_day = (
                    values["received_at"] if isinstance(values.get("received_at"), dt.datetime) else now
                )
                assert isinstance(received_day, dt.datetime)
                if values.get("kind") != "投诉":
                    problems[N_("业主要求的时间")] = tr("只有投诉才记录业主要求的时间")
                elif requested < received_day.date():
                    problems[N_("业主要求的时间")] = tr(
                        "不能早于受理日期 {date}", date=f"{received_day:%Y-%m-%d}"
                    )
                values["requested_date"] = requested
        values["written_reply_only"] = bool(inp.written_reply_only)
        if inp.written_reply_only and values.get("kind") != "投诉":
            problems[N_("只要求书面答复")] = tr("只有投诉才能标记为只要求书面答复")
        values["large_loss"] = bool(inp.large_loss)
        values["contract_start"], values["contract_end"] = check_contract_dates(
            inp, values.get("kind"), problems
        )
        values["contain_needed"] = bool(inp.contain_needed)
        values["contain_due"] = contain_due(policy, values.get("received_at"), bool(inp.contain_needed))
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
                raise UserError(tr("找不到这条夜间值班记录(可能已被删除),请清空表单后重新登记"))
            if entry.case is not None:
                raise UserError(tr("这条值班记录已转为案件 {number}", number=entry.case.number))
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
            # this part only ever runs as the whole service
            return write_cases(cast("CaseService", self), items, policy or self.policy(), actor)

    @staticmethod
    def received_text(case: Case, by_owner: bool, resolve_due: dt.datetime) -> str:
        """The timeline's 受理 line: channel, kind and severity, what the owner asked for."""
        text = f"{case.channel}受理:{case.kind}·{case.severity}"
        if case.requested_date is not None:
            text += f";业主要求 {case.requested_date:%Y-%m-%d} 前办结"
            if by_owner:
                text += f",办结期限按业主要求定为 {when_text(resolve_due)}"
        if case.written_reply_only:
            text += ";业主只要求书面答复(不回访,复函附于案件)"
        if case.contain_needed and case.contain_due is not None:
            text += f";需先行处置,期限 {when_text(case.contain_due)}"
        return text


def contain_due(policy: Policy, received: object, needed: bool) -> dt.datetime | None:
    """先行处置's deadline: the policy's hours after receipt, on the clock (harm does not wait
    for a working day); None when the case needs no containment."""
    if not needed or not isinstance(received, dt.datetime):
        return None
    return received + policy.contain_within


def requested_date_rule(policy: Policy) -> str:
    """The policy's switch for the owner's requested date: 'earlier' (the default: it is the
    办结 deadline when earlier than the policy's) or 'always'."""
    rule = policy.requested_date_rule
    return rule if rule in REQUESTED_DATE_RULES else "earlier"


REQUESTED_DATE_RULES = {"earlier": N_("早于制度期限时采用"), "always": N_("总是采用")}


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
