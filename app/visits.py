"""Follow-up visits (回访): planning by the policy, the sample, the record, rework, open letters.

When a case is handled (办结) its visit is planned at once, or the sample says why not.
Nobody forgets one: every open visit has a due date, a role and, where known, a person.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass, field

import peewee as pw

from app import domain
from app.cases import CaseService, actor_name
from app.clock import Clock
from app.errors import UserError, ValidationError
from app.forms import FormLedger
from app.models import (
    Case,
    CaseEvent,
    Department,
    Dispatch,
    OpenLetter,
    Owner,
    ReworkNotice,
    Room,
    Signature,
    Staff,
    Visit,
    VisitAttempt,
    VisitDecision,
    VisitReview,
    VisitTask,
    db,
    dict_rows,
    tuple_rows,
)
from app.permissions import current_person, require
from app.policy import PolicyStore
from app.signatures import (
    SIGNER_RELATIONS,
    SignatureCapture,
    broken_seals,
    canonical_strokes,
    check_strokes,
    render_png,
    seal_problems,
    seal_signature,
)
from app.staff import StaffService
from app.validation import MAX_TEXT, check_length, clean_text
from app.visit_policy import VisitRule, rule_for
from app.workdays import WorkCalendar

OPEN_VISIT_STATES = [domain.VISIT_PLANNED]
ATTEMPT_OUTCOMES = ["未接通", "无人在家", "拒绝回访", "约定回电", "号码错误"]
UNSATISFIED = {"不满意", "很不满意"}
PERIODIC_PURPOSES = ["入伙回访", "季度巡访", "年度走访", "节日回访", "突发事件回访"]


def quarter_of(day: dt.date | dt.datetime) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarter_bounds(label: str) -> tuple[dt.datetime, dt.datetime]:
    year, q = int(label[:4]), int(label[-1])
    start = dt.datetime(year, 3 * (q - 1) + 1, 1)
    end = dt.datetime(year + (q == 4), (3 * q) % 12 + 1, 1)
    return start, end


OVERDUE = "逾期"
CALENDAR_STATES = [
    domain.VISIT_PLANNED,
    OVERDUE,
    domain.VISIT_DONE,
    domain.VISIT_UNREACHABLE,
    domain.VISIT_REFUSED,
]


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


@dataclass(frozen=True)
class VisitFilter:
    visitor_id: int | None = None
    role: str | None = None
    kind: str | None = None
    building: str | None = None


@dataclass
class VisitResult:
    """What the visitor brings back; checked by `VisitService.complete`."""

    method: str
    satisfaction: str | None
    done_at: dt.datetime | None = None
    met_person: str = ""
    appointment: dt.datetime | None = None
    findings: str = ""
    shortcomings: str = ""
    opinion: str = ""
    site_checked: bool | None = None
    worker_conduct: str = ""
    charges_checked: bool | None = None
    form_no: str | None = None
    signed: bool = False  # the customer signed the numbered paper form (form_no)
    questions: list[tuple[str, dt.date]] = field(default_factory=list)
    customer_signature: SignatureCapture | None = None  # drawn on the pad
    visitor_signature: SignatureCapture | None = None


class VisitService:
    def __init__(
        self,
        clock: Clock,
        policies: PolicyStore,
        cases: CaseService,
        staff: StaffService,
        seed: int | None = None,
    ) -> None:
        self.clock = clock
        self.policies = policies
        self.cases = cases
        self.staff = staff
        self.random = random.Random(seed)
        self.forms = FormLedger(clock, policies)  # the paper form a visit is recorded on
        cases.resolved_listeners.append(self.on_resolved)

    # Planning -------------------------------------------------------------------------
    def rule(self, case: Case) -> VisitRule:
        return rule_for(self.policies.load(), case.kind, case.severity, case.category, case.account)

    def on_resolved(self, case: Case, actor: Staff | None) -> Visit | None:
        """Called by the case service inside the transaction that resolves a case."""
        assert case.resolved_at is not None
        if case.resolved_at < self.clock.now() - dt.timedelta(days=30):  # cheap first look
            history_days = int(self.policies.load().data["visits"].get("history_days", 30))
            if case.resolved_at < self.clock.now() - dt.timedelta(days=history_days):
                return None  # old history imported from a ledger: kept, not planned
        if Visit.select().where(Visit.case == case, Visit.state.in_(OPEN_VISIT_STATES)).exists():
            return None  # a follow-up after rework is planned already
        done = Visit.select().where(Visit.case == case, Visit.state == domain.VISIT_DONE).count()
        if done:
            return None
        decision = self._decide(case, actor)
        if not decision.selected:
            return None
        return self._plan(case, attempt=1, reason_prefix="", actor=actor)

    def _decide(self, case: Case, actor: Staff | None) -> VisitDecision:
        """The sample: per kind and quarter, the target rate is met at every moment.

        Each handled case is chosen at random with the target rate's chance; when the
        chosen so far fall below the target (rounded up), the case is chosen to keep it.
        So the rate is never below target, nobody can tell in advance which case will be
        visited, and a case is decided once (the decision row is unique per case).
        """
        existing = VisitDecision.get_or_none(VisitDecision.case == case)
        if existing is not None:
            return existing
        rule = self.rule(case)
        assert case.resolved_at is not None
        quarter = quarter_of(case.resolved_at)
        now = self.clock.now()

        def decide(selected: bool, reason: str) -> VisitDecision:
            return VisitDecision.create(
                case=case,
                kind=case.kind,
                quarter=quarter,
                selected=selected,
                reason=reason,
                decided_at=now,
                decided_by="系统",
            )

        if case.anonymous:
            return decide(False, "匿名案件不回访,处理情况附于案件")
        if case.written_reply_only:
            return decide(False, "业主只要求书面答复,不回访,复函附于案件")
        if rule.rate >= 1:
            return decide(True, f"{case.kind}回访率100%,全部回访")
        if rule.rate <= 0:
            return decide(False, f"{case.kind}回访率0%,由计划人员按需手工加入")
        same = VisitDecision.select().where(VisitDecision.kind == case.kind, VisitDecision.quarter == quarter)
        handled = same.count() + 1
        chosen = same.where(VisitDecision.selected == True).count()  # noqa: E712
        needed = math.ceil(rule.rate * handled - 1e-9)
        pct = f"{rule.rate:.0%}"
        if chosen < needed:
            return decide(
                True,
                f"{quarter} {case.kind}第{handled}件,已抽{chosen}件,目标{pct}须至少{needed}件:抽中",
            )
        if self.random.random() < rule.rate:
            return decide(True, f"{quarter} {case.kind}第{handled}件,按{pct}随机抽中(已抽{chosen}件,已达标)")
        return decide(False, f"{quarter} {case.kind}第{handled}件,已抽{chosen}件,达到目标{pct},本件未抽中")

    def _plan(
        self,
        case: Case,
        attempt: int,
        reason_prefix: str,
        actor: Staff | None,
        base: dt.datetime | None = None,
    ) -> Visit:
        rule = self.rule(case)
        start = base or case.resolved_at or self.clock.now()
        due = WorkCalendar.from_database().add(start, rule.days, rule.unit).date()
        visitor = self._visitor_for(rule.role, case.room)
        role_label = domain.ROLES.get(rule.role, rule.role)
        sub = f"({rule.sub_rule})" if rule.sub_rule else ""
        reason = f"{reason_prefix}{case.kind}·{case.severity}{sub} → {role_label},{rule.describe()}"
        if visitor is not None and visitor.id in self.repairers(case):
            # Who did the repair does not ask the owner about it: the visit waits for another.
            reason += f"({visitor.name}是维修/办结人,请另派回访人)"
            visitor = None
        if attempt > 1:
            reason = f"第{attempt}次回访:{reason},可电话回访"
        return Visit.create(
            case=case,
            room=case.room,
            attempt=attempt,
            due=due,
            role=rule.role,
            visitor=visitor,
            visitor_name=visitor.name if visitor else "",
            reason=reason[:200],
            state=domain.VISIT_PLANNED,
            created_at=self.clock.now(),
        )

    def _visitor_for(self, role: str, room: Room | None) -> Staff | None:
        if role == "steward" and room is not None:
            steward = self.staff.steward_for(room.building)
            if steward is not None:
                return steward
        people = self.staff.staff(role=role)
        return people[0] if len(people) == 1 else None

    def add_by_hand(self, case: Case, reason: str, actor: Staff) -> Visit:
        """The planner adds a case the sample left out (recorded, with who and why)."""
        require(actor, "visit.plan")
        reason = clean_text(reason)
        if not reason:
            raise ValidationError({"原因": "手工加入回访须写明原因"})
        if case.state not in domain.DONE_STATES:
            raise UserError(f"{case.number} 尚未办结,办结后才能安排回访")
        if Visit.select().where(Visit.case == case, Visit.state.in_(OPEN_VISIT_STATES)).exists():
            raise UserError(f"{case.number} 已有待回访计划")
        with db.atomic():
            decision = VisitDecision.get_or_none(VisitDecision.case == case)
            text = f"{actor.name}手工加入:{reason}"
            if decision is None:
                assert case.resolved_at is not None
                VisitDecision.create(
                    case=case,
                    kind=case.kind,
                    quarter=quarter_of(case.resolved_at),
                    selected=True,
                    reason=text[:200],
                    by_hand=True,
                    decided_by=actor.name,
                    decided_at=self.clock.now(),
                )
            else:
                decision.selected, decision.reason, decision.by_hand = True, text[:200], True
                decision.decided_by, decision.decided_at = actor.name, self.clock.now()
                decision.save()
            return self._plan(case, 1, "手工加入:", actor, base=self.clock.now())

    def drop_by_hand(self, visit: Visit, reason: str, actor: Staff) -> None:
        """The planner drops a planned visit (recorded, with who and why)."""
        require(actor, "visit.plan")
        reason = clean_text(reason)
        if not reason:
            raise ValidationError({"原因": "取消回访须写明原因"})
        self._require_open(visit)
        with db.atomic():
            visit.state = domain.VISIT_CANCELLED
            visit.opinion = f"{actor.name}取消:{reason}"
            visit.updated_at = self.clock.now()
            visit.save()
            if visit.case_id:
                decision = VisitDecision.get_or_none(VisitDecision.case == visit.case)
                if decision is not None and visit.attempt == 1:
                    decision.selected, decision.by_hand = False, True
                    decision.reason = f"{actor.name}手工取消:{reason}"[:200]
                    decision.decided_by, decision.decided_at = actor.name, self.clock.now()
                    decision.save()

    def plan_batch(
        self,
        purpose: str,
        rooms: list[Room],
        due: dt.date,
        role: str,
        reason: str,
        actor: Staff | None = None,
    ) -> list[Visit]:
        """Periodic and event visits (入伙、季度巡访、年度走访、节日、突发事件) for many rooms."""
        require(actor, "visit.plan")
        if purpose not in PERIODIC_PURPOSES:
            raise ValidationError({"回访类型": f"只能是 {'、'.join(PERIODIC_PURPOSES)}"})
        if role not in domain.ROLES:
            raise ValidationError({"回访人角色": "请选择角色"})
        reason = clean_text(reason) or purpose
        visits = []
        with db.atomic():
            for room in rooms:
                exists = (
                    Visit.select()
                    .where(
                        Visit.room == room,
                        Visit.purpose == purpose,
                        Visit.case.is_null(),
                        Visit.state.in_(OPEN_VISIT_STATES),
                    )
                    .exists()
                )
                if exists:
                    continue
                visitor = self._visitor_for(role, room)
                visits.append(
                    Visit.create(
                        room=room,
                        purpose=purpose,
                        due=due,
                        role=role,
                        visitor=visitor,
                        visitor_name=visitor.name if visitor else "",
                        reason=f"{purpose}:{reason}"[:200],
                        created_at=self.clock.now(),
                    )
                )
        return visits

    def move_in_rooms(self, within_days: int = 7) -> list[Room]:
        """Rooms whose occupants moved in lately and have no move-in visit yet (入伙一周内)."""
        since = self.clock.now().date() - dt.timedelta(days=within_days)
        visited = Visit.select(Visit.room).where(Visit.purpose == "入伙回访")
        query = (
            Room.select()
            .join(Owner)
            .where(Owner.move_in >= since, Owner.active == True, Room.id.not_in(visited))  # noqa: E712
            .distinct()
        )
        return list(query)

    def rooms_of_buildings(self, buildings: list[str]) -> list[Room]:
        return list(
            Room.select().where(Room.building.in_(buildings)).order_by(Room.building, Room.unit, Room.number)
        )

    # Recording ------------------------------------------------------------------------
    def _require_open(self, visit: Visit) -> None:
        if visit.state not in OPEN_VISIT_STATES:
            raise UserError(f"这次回访已是“{visit.state}”,不能再改")

    def record_attempt(
        self,
        visit: Visit,
        outcome: str,
        note: str = "",
        call_back_at: dt.datetime | None = None,
        actor: Staff | None = None,
        give_up: bool = False,
    ) -> VisitAttempt:
        """A try that did not reach the owner; `give_up` closes the visit as unreachable/refused."""
        require(actor, "visit.record")
        self._require_open(visit)
        if outcome not in ATTEMPT_OUTCOMES:
            raise ValidationError({"结果": f"只能是 {'、'.join(ATTEMPT_OUTCOMES)}"})
        if outcome == "约定回电" and call_back_at is None:
            raise ValidationError({"回电时间": "约定回电须填写时间"})
        with db.atomic():
            attempt = VisitAttempt.create(
                visit=visit,
                at=self.clock.now(),
                outcome=outcome,
                note=clean_text(note)[:200],
                call_back_at=call_back_at,
                by=actor_name(actor),
            )
            if give_up:
                visit.state = domain.VISIT_REFUSED if outcome == "拒绝回访" else domain.VISIT_UNREACHABLE
                visit.done_at = self.clock.now()
            elif call_back_at is not None:
                visit.appointment = call_back_at
            visit.updated_at = self.clock.now()
            visit.save()
        return attempt

    def check_result(self, visit: Visit, result: VisitResult) -> None:
        problems: dict[str, str] = {}
        now = self.clock.now()
        done_at = result.done_at or now
        if result.method not in domain.VISIT_METHODS:
            problems["回访方式"] = f"只能是 {'、'.join(domain.VISIT_METHODS)}"
        elif visit.case is not None:
            rule = self.rule(visit.case)
            allowed = set(rule.methods) | ({"电话"} if visit.attempt > 1 else set())
            if result.method not in allowed:
                problems["回访方式"] = f"本类回访只能用 {'、'.join(sorted(allowed))}"
        if not result.satisfaction:
            problems["满意度"] = "完成回访必须选择满意度"
        elif result.satisfaction not in domain.SATISFACTION:
            problems["满意度"] = f"只能是 {'、'.join(domain.SATISFACTION)}"
        if done_at > now + dt.timedelta(minutes=10):
            problems["回访时间"] = "不能晚于现在"
        case = Case.get_by_id(visit.case_id) if visit.case_id else None  # fresh: it may have moved on
        if case is not None and case.resolved_at is not None and done_at < case.resolved_at:
            problems["回访时间"] = f"不能早于办结时间 {case.resolved_at:%Y-%m-%d %H:%M}"
        if case is not None and case.resolved_at is None and case.state != domain.MERGED:
            problems["案件"] = f"{case.number} 尚未办结,不能回访"
        needs_signature = case is None or self.rule(case).signature
        on_paper = result.signed and bool(clean_text(result.form_no))
        if result.signed and not on_paper:
            problems["表单编号"] = "纸质回访记录表签字须填写表单编号"
        elif clean_text(result.form_no):
            # The number must be a real form of the ledger that belongs to this visit.
            try:
                self.forms.check_for_visit(result.form_no or "", visit)
            except UserError as exc:
                problems["表单编号"] = str(exc)
        if result.method == "上门" and needs_signature and not (on_paper or result.customer_signature):
            problems["客户签名"] = "上门回访必须有客户签名(签字板或纸质回访记录表)"
        for label, capture in (
            ("客户签名", result.customer_signature),
            ("回访人签名", result.visitor_signature),
        ):
            if capture is None:
                continue
            if reason := check_strokes(capture.strokes):
                problems[label] = reason
            elif not clean_text(capture.signer_name):
                problems[label] = "请填写签名人姓名"
            elif capture is result.customer_signature and capture.relation not in SIGNER_RELATIONS:
                problems[label] = f"签名人身份只能是 {'、'.join(SIGNER_RELATIONS)}"
        for label, value in (
            ("回访内容", result.findings),
            ("不足之处", result.shortcomings),
            ("客户意见", result.opinion),
        ):
            if reason := check_length(clean_text(value), MAX_TEXT):
                problems[label] = reason
        for question, promised in result.questions:
            if not clean_text(question):
                problems["待答复问题"] = "问题内容不能为空"
            elif promised < done_at.date():
                problems["答复日期"] = "约定答复日期不能早于回访日期"
        if problems:
            raise ValidationError(problems)

    def complete(self, visit: Visit, result: VisitResult, actor: Staff | None = None) -> Visit | None:
        """Record a visit done. Not satisfied: rework notice and the next visit planned.

        Returns the next visit when one was planned."""
        require(actor, "visit.record")
        if refusal := self.own_work_refusal(visit, actor):
            raise UserError(refusal)
        self._require_open(visit)
        self.check_result(visit, result)
        now = self.clock.now()
        with db.atomic():
            visit.state = domain.VISIT_DONE
            visit.method = result.method
            visit.satisfaction = result.satisfaction
            visit.done_at = result.done_at or now
            visit.met_person = clean_text(result.met_person)[:40]
            visit.appointment = result.appointment or visit.appointment
            visit.findings = clean_text(result.findings)
            if result.method == "电话" and "电话回访" not in visit.findings:
                visit.findings = ("电话回访。" + visit.findings).strip()
            visit.shortcomings = clean_text(result.shortcomings)
            visit.opinion = clean_text(result.opinion)
            visit.site_checked = result.site_checked
            visit.worker_conduct = clean_text(result.worker_conduct)[:100]
            visit.charges_checked = result.charges_checked
            typed = clean_text(result.form_no)
            form = self.forms.check_for_visit(typed, visit) if typed else None
            if form is not None:
                visit.form_no = form.number
                if not visit.visitor_id and form.taken_by_id:
                    # Nobody was assigned: the visitor is who took the form along.
                    visit.visitor, visit.visitor_name = Staff.get_by_id(form.taken_by_id), form.taken_by_name
            if actor is not None and not visit.visitor_id:
                visit.visitor, visit.visitor_name = actor, actor.name
            visit.updated_at = now
            visit.save()
            if form is not None:
                # The same save closes the form: back (交回), checked by the person saving.
                self.forms.close_for_visit(form, visit, actor)
            for question, promised in result.questions:
                VisitTask.create(visit=visit, question=clean_text(question), promised=promised)
            for signer, capture in (
                ("customer", result.customer_signature),
                ("visitor", result.visitor_signature),
            ):
                if capture is not None:
                    self._store_signature(visit, signer, capture)
            if visit.case is not None:
                self.cases.log(visit.case, domain.EV_VISIT, self._visit_line(visit), actor)
            if visit.case_id and result.satisfaction in UNSATISFIED:
                return self._rework(visit, actor)
        return None

    # Roles whose people do the work themselves (a steward mends, a department repairs):
    # when one of them resolves a case, they did it. A clerk or a manager who writes 办结
    # records the department's result for it and may still call the owner back.
    DOER_ROLES = {"steward", "department"}

    @classmethod
    def repairers(cls, case: Case) -> set[int]:
        """The staff who did the work on a case: the workers its work slips were dispatched
        to, and whoever of a working role (物管员, 部门人员) resolved it (办结)."""
        resolved = (
            CaseEvent.select(CaseEvent.actor)
            .join(Staff, on=(CaseEvent.actor == Staff.id))
            .where(
                CaseEvent.case == case, CaseEvent.kind == domain.EV_RESOLVED, Staff.role.in_(cls.DOER_ROLES)
            )
        )
        assigned = Dispatch.select(Dispatch.assignee).where(
            Dispatch.case == case, Dispatch.assignee.is_null(False)
        )
        return {row[0] for row in tuple_rows(resolved)} | {row[0] for row in tuple_rows(assigned)}

    def own_work_refusal(self, visit: Visit, actor: Staff | None = None) -> str | None:
        """Why `actor` (else the person acting) may not record this visit's result: the
        person who did the repair does not record the owner's satisfaction with it. None
        when they may."""
        person = actor if actor is not None else current_person()
        if person is None or not visit.case_id:
            return None
        case = Case.get_by_id(visit.case_id)
        if person.id not in self.repairers(case):
            return None
        return (
            f"{person.name}是案件 {case.number} 的办结人或维修人,不能登记业主对自己处理结果的满意度。"
            "请由其他人员回访并登记。"
        )

    # Signatures and reviews -----------------------------------------------------------
    def _store_signature(self, visit: Visit, signer: str, capture: SignatureCapture) -> Signature:
        """Store a signature, sealed over the strokes, the PNG and the printed form's fields
        (app.signatures.seal); called after the visit's own fields are saved."""
        strokes = canonical_strokes(capture.strokes)
        signature = Signature(
            visit=visit,
            signer=signer,
            signer_name=clean_text(capture.signer_name)[:40],
            relation=capture.relation if signer == "customer" else "",
            strokes=strokes,
            pad_width=capture.width,
            pad_height=capture.height,
            png=render_png(capture.strokes, capture.width, capture.height),
            signed_at=self.clock.now(),
        )
        seal_signature(signature)
        signature.save(force_insert=True)
        return signature

    def verify_signature(self, signature: Signature) -> bool:
        """Does the signature still match its strokes, its picture and the form it was given for?"""
        return not seal_problems(signature)

    def broken_signatures(self) -> list[str]:
        """Every signature that no longer matches its record, in words (for `check`)."""
        from app.audit import field_words  # audit reads the trail; it does not need the visits

        return broken_seals(field_words())

    def signatures_of(self, visit: Visit) -> dict[str, Signature]:
        return {
            s.signer: s for s in Signature.select().where(Signature.visit == visit).order_by(Signature.id)
        }

    REVIEW_LEVELS = {
        "主管审核": "cs_director",
        "项目经理意见": "office_manager",
        "总经理意见": "general_manager",
    }

    def review(self, visit: Visit, level: str, reviewer: Staff, opinion: str) -> VisitReview:
        """主管审核、项目经理意见、总经理意见, each by its role, with name and time."""
        require(reviewer, "visit.review")
        problems = {}
        opinion = clean_text(opinion)
        role = self.REVIEW_LEVELS.get(level)
        if role is None:
            problems["审核级别"] = f"只能是 {'、'.join(self.REVIEW_LEVELS)}"
        elif reviewer.role != role:
            problems[level] = (
                f"须由{domain.ROLES[role]}填写,{reviewer.name}是{domain.ROLES.get(reviewer.role, reviewer.role)}"
            )
        if not opinion:
            problems["意见"] = "必须填写"
        elif reason := check_length(opinion, MAX_TEXT):
            problems["意见"] = reason
        if visit.state != domain.VISIT_DONE:
            problems["回访"] = "回访完成后才能审核"
        if problems:
            raise ValidationError(problems)
        return VisitReview.create(
            visit=visit, level=level, reviewer=reviewer.name, opinion=opinion, at=self.clock.now()
        )

    def reviews_of(self, visit: Visit) -> dict[str, VisitReview]:
        return {
            r.level: r
            for r in VisitReview.select().where(VisitReview.visit == visit).order_by(VisitReview.id)
        }

    @staticmethod
    def _visit_line(visit: Visit) -> str:
        return f"第{visit.attempt}次回访({visit.method}):{visit.satisfaction}。{visit.opinion}"[:300]

    def _rework(self, visit: Visit, actor: Staff | None) -> Visit:
        """Not satisfied: back to handling, a written notice due within 24 h, the next visit."""
        case = Case.get_by_id(visit.case_id)
        hours = float(self.policies.load().data["visits"].get("rework_notice_hours", 24))
        now = self.clock.now()
        department = case.department
        ReworkNotice.create(
            case=case,
            visit=visit,
            department=department,
            text=f"业主对{case.number}的处理{visit.satisfaction}:{visit.opinion or visit.shortcomings or '见回访记录'}。请返工处理。",
            issued_at=now,
            due=now + dt.timedelta(hours=hours),
        )
        if case.state in domain.DONE_STATES:
            self.cases.reopen_for_rework(case, f"第{visit.attempt}次回访{visit.satisfaction},返工处理", actor)
        return self._plan(case, visit.attempt + 1, "返工后复访:", actor, base=now)

    def deliver_notice(self, notice: ReworkNotice, to: str) -> None:
        require(None, "case.dispatch")  # the rework notice goes to the department like a work slip
        to = clean_text(to)
        if not to:
            raise ValidationError({"接收人": "必须填写"})
        notice.delivered_at = self.clock.now()
        notice.delivered_to = to[:40]
        notice.save()

    def answer_task(self, task: VisitTask, answer: str) -> None:
        require(None, "case.note")
        answer = clean_text(answer)
        if not answer:
            raise ValidationError({"答复": "必须填写"})
        task.answer, task.answered_at = answer, self.clock.now()
        task.save()

    def open_letter(
        self, title: str, body: str, visits: list[Visit], actor: Staff | None = None
    ) -> OpenLetter:
        """公开信: one answer to many owners on one matter; closes their visits, kept with each."""
        require(actor, "visit.plan")
        problems = {}
        title, body = clean_text(title), clean_text(body)
        if not title:
            problems["标题"] = "必须填写"
        if not body:
            problems["正文"] = "必须填写"
        if not visits:
            problems["回访"] = "请选择要以公开信答复的回访"
        if problems:
            raise ValidationError(problems)
        for visit in visits:
            self._require_open(visit)
        with db.atomic():
            letter = OpenLetter.create(
                title=title[:100], body=body, issued_at=self.clock.now(), issued_by=actor_name(actor)
            )
            for visit in visits:
                visit.state = domain.VISIT_DONE
                visit.method = "其他"
                visit.letter = letter
                visit.done_at = self.clock.now()
                visit.findings = f"以公开信《{letter.title}》答复"
                visit.updated_at = self.clock.now()
                visit.save()
                if visit.case is not None:
                    self.cases.log(visit.case, domain.EV_VISIT, f"以公开信《{letter.title}》答复", actor)
        return letter

    def reschedule(self, visit: Visit, due: dt.date, reason: str, actor: Staff | None = None) -> None:
        """Move a planned visit to another day; asks why."""
        require(actor, "visit.record")  # the visitor agrees a new day with the owner
        self._require_open(visit)
        reason = clean_text(reason)
        if not reason:
            raise ValidationError({"原因": "改期须写明原因"})
        old = visit.due
        with db.atomic():
            visit.due = due
            visit.updated_at = self.clock.now()
            visit.save()
            if visit.case is not None:
                self.cases.log(visit.case, domain.EV_VISIT, f"回访由 {old} 改期到 {due}:{reason}", actor)

    def assign(self, visit: Visit, visitor: Staff | None, actor: Staff | None = None) -> None:
        require(actor, "visit.record")
        self._require_open(visit)
        visit.visitor = visitor
        visit.visitor_name = visitor.name if visitor else ""
        visit.updated_at = self.clock.now()
        visit.save()

    # Reading --------------------------------------------------------------------------
    def open_visits(self) -> pw.ModelSelect[Visit]:
        return (
            Visit.select(Visit, Case, Room)
            .join(Case, pw.JOIN.LEFT_OUTER, on=(Visit.case == Case.id))
            .switch(Visit)
            .join(Room, pw.JOIN.LEFT_OUTER, on=(Visit.room == Room.id))
            .where(Visit.state.in_(OPEN_VISIT_STATES))
            .order_by(Visit.due, Visit.id)
        )

    def schedule(self) -> list[dict[str, object]]:
        """The open visits as the `schedule --json` command writes them."""
        require(None, "visit.view_all")
        out: list[dict[str, object]] = []
        for v in self.open_visits():
            case = v.case if v.case_id else None
            out.append(
                {
                    "visit": v.id,
                    "case": case.number if case else None,
                    "ref": case.ref if case else None,
                    "due": v.due.isoformat(),
                    "role": v.role,
                    "visitor": v.visitor_name or None,
                    "attempt": v.attempt,
                    "reason": v.reason,
                    "room": v.room.label if v.room is not None else None,
                    "overdue": v.due < self.clock.now().date(),
                }
            )
        return out

    # The calendar ----------------------------------------------------------------------
    def _filtered(self, query: pw.ModelSelect[Visit], f: VisitFilter) -> pw.ModelSelect[Visit]:
        if f.visitor_id:
            query = query.where(Visit.visitor == f.visitor_id)
        if f.role:
            query = query.where(Visit.role == f.role)
        if f.kind:
            query = query.where(Case.kind == f.kind)
        if f.building:
            query = query.where(Room.building == f.building)
        return query

    def _base(
        self, columns: list[pw.Node | type[pw.Model]], f: VisitFilter | None = None
    ) -> pw.ModelSelect[Visit]:
        """Visits with their case and room joined, unless a count needs neither."""
        query = Visit.select(*columns)
        if f is None or f.kind:
            query = query.join(Case, pw.JOIN.LEFT_OUTER, on=(Visit.case == Case.id)).switch(Visit)
        if f is None or f.building:
            query = query.join(Room, pw.JOIN.LEFT_OUTER, on=(Visit.room == Room.id))
        return query

    def day_counts(
        self, start: dt.date, end: dt.date, f: VisitFilter | None = None
    ) -> dict[dt.date, dict[str, int]]:
        """Visits per day from `start` to `end` inclusive, by shown state (计划/逾期/已完成/未联系上…).

        A planned visit past its day counts as 逾期 on its due day; done visits count on the
        day they were done."""
        f = f or VisitFilter()
        today = self.clock.now().date()
        out: dict[dt.date, dict[str, int]] = {}
        planned = (
            self._filtered(self._base([Visit.due, Visit.state, pw.fn.COUNT(Visit.id).alias("n")], f), f)
            .where(Visit.state.in_(OPEN_VISIT_STATES), Visit.due >= start, Visit.due <= end)
            .group_by(Visit.due, Visit.state)
        )
        for row in dict_rows(planned):
            day = _as_date(row["due"])
            label = OVERDUE if day < today else domain.VISIT_PLANNED
            bucket = out.setdefault(day, {})
            bucket[label] = bucket.get(label, 0) + row["n"]
        day_expr = pw.fn.DATE(Visit.done_at)
        finished = (
            self._filtered(
                self._base([day_expr.alias("day"), Visit.state, pw.fn.COUNT(Visit.id).alias("n")], f), f
            )
            .where(
                Visit.state.not_in(OPEN_VISIT_STATES + [domain.VISIT_CANCELLED]),
                Visit.done_at >= dt.datetime.combine(start, dt.time()),
                Visit.done_at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time()),
            )
            .group_by(day_expr, Visit.state)
        )
        for row in dict_rows(finished):
            day = _as_date(row["day"])
            bucket = out.setdefault(day, {})
            bucket[row["state"]] = bucket.get(row["state"], 0) + row["n"]
        return out

    def day_list(self, day: dt.date, f: VisitFilter | None = None) -> list[Visit]:
        """A day's visits: the planned ones due that day, the ones done that day;
        for today also every overdue one, on top."""
        f = f or VisitFilter()
        today = self.clock.now().date()
        start = dt.datetime.combine(day, dt.time())
        cond = (Visit.state.in_(OPEN_VISIT_STATES) & (Visit.due == day)) | (
            (Visit.done_at >= start)
            & (Visit.done_at < start + dt.timedelta(days=1))
            & Visit.state.not_in([domain.VISIT_CANCELLED])
        )
        if day == today:
            cond = cond | (Visit.state.in_(OPEN_VISIT_STATES) & (Visit.due < today))
        # A list row shows the case's number and kind and the room: read only those of them.
        columns: list[pw.Node | type[pw.Model]] = [
            Visit,
            Case.id,
            Case.number,
            Case.kind,
            Case.severity,
            Case.category,
            Case.customer_name,
            Case.anonymous,
            Case.resolved_at,
            Room.id,
            Room.building,
            Room.unit,
            Room.number,
        ]
        query = self._filtered(self._base(columns), f).where(cond)
        rows = list(query.order_by(Visit.due, Visit.visitor_name, Visit.id))
        rows.sort(key=lambda v: (v.state != domain.VISIT_PLANNED or v.due >= today, v.due))
        return rows

    def today_by_visitor(self, f: VisitFilter | None = None) -> dict[str, list[Visit]]:
        """Today's list for each visitor (overdue first); unassigned under 未指定."""
        out: dict[str, list[Visit]] = {}
        today = self.clock.now().date()
        for v in self.day_list(today, f):
            if v.state in OPEN_VISIT_STATES:
                out.setdefault(v.visitor_name or "未指定", []).append(v)
        return out

    def display_state(self, visit: Visit) -> str:
        if visit.state in OPEN_VISIT_STATES and visit.due < self.clock.now().date():
            return OVERDUE
        return str(visit.state)

    def decisions(self, quarter: str, kind: str) -> list[VisitDecision]:
        """The sample of one quarter and kind, in the order the cases were handled."""
        return list(
            VisitDecision.select(VisitDecision, Case)
            .join(Case)
            .where(VisitDecision.quarter == quarter, VisitDecision.kind == kind)
            .order_by(Case.resolved_at, Case.id)
        )

    def buildings(self) -> list[str]:
        """The buildings (楼栋) of the known rooms, in natural order (2 before 10)."""
        names = [r.building for r in Room.select(Room.building).distinct()]
        return sorted(names, key=lambda b: (0, int(b), "") if b.isdigit() else (1, 0, b))

    def decision(self, case: Case) -> VisitDecision | None:
        return VisitDecision.get_or_none(VisitDecision.case == case)

    def visits_of(self, case: Case) -> list[Visit]:
        return list(Visit.select().where(Visit.case == case).order_by(Visit.attempt, Visit.id))

    def pending_notices(self) -> list[ReworkNotice]:
        return list(
            ReworkNotice.select().where(ReworkNotice.delivered_at.is_null()).order_by(ReworkNotice.due)
        )

    def open_tasks(self) -> list[VisitTask]:
        return list(VisitTask.select().where(VisitTask.answered_at.is_null()).order_by(VisitTask.promised))

    def departments(self) -> list[Department]:
        return self.staff.departments()
