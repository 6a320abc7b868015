"""Recording a visit (回访记录): contact attempts, the result checked and saved, the
customer's and the visitor's signatures, the reviews, and rework when the owner is not
satisfied (a written notice within 24 hours and the next visit planned)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app import domain
from app.cases import CaseService, actor_name
from app.clock import Clock
from app.errors import UserError, ValidationError
from app.forms import FormLedger
from app.i18n import N_, term, tr
from app.models import Case, ReworkNotice, Signature, Staff, Visit, VisitAttempt, VisitReview, VisitTask, db
from app.permissions import current_person, require
from app.policy import PolicyStore
from app.rework import ReworkFollowUp
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
from app.validation import MAX_TEXT, check_length, clean_text
from app.visits.planner import VisitPlanner, repairers
from app.visits.rules import (
    ATTEMPT_OUTCOMES,
    PHONE,
    UNSATISFIED,
    customer_must_sign,
    method_problem,
    require_open,
)
from app.visits.visitors import second_visitor_problems, take_second_visitor


@dataclass
class VisitResult:
    """What the visitor brings back; checked by `VisitRecorder.check_result`."""

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
    # A visit made by two together (H24, app/visits/visitors.py): who the second visitor was
    # (Staff id; None keeps the planned one) and their signature beside the first visitor's.
    second_visitor_id: int | None = None
    second_visitor_signature: SignatureCapture | None = None


# 主管审核、项目经理意见、总经理意见: the level and the role that writes it
REVIEW_LEVELS = {
    N_("主管审核"): "cs_director",
    N_("项目经理意见"): "office_manager",
    N_("总经理意见"): "general_manager",
}


class VisitRecorder:
    def __init__(
        self,
        clock: Clock,
        policies: PolicyStore,
        cases: CaseService,
        forms: FormLedger,
        planner: VisitPlanner,
    ) -> None:
        self.clock = clock
        self.policies = policies
        self.cases = cases
        self.forms = forms
        self.planner = planner
        self.rework = ReworkFollowUp(clock, cases)  # the owner told; a rework that failed again

    # Reading one visit ------------------------------------------------------------------
    def visit(self, visit_id: int) -> Visit | None:
        return Visit.get_or_none(Visit.id == visit_id)

    def case_of(self, visit: Visit) -> Case | None:
        """The visit's case read fresh (it may have moved on), or None for a periodic round."""
        return Case.get_by_id(visit.case_id) if visit.case_id else None

    def visits_of(self, case: Case) -> list[Visit]:
        """A case's visits, first to last (a follow-up after rework is the next attempt)."""
        return list(Visit.select().where(Visit.case == case).order_by(Visit.attempt, Visit.id))

    def attempts_of(self, visit: Visit) -> list[VisitAttempt]:
        return list(
            VisitAttempt.select()
            .where(VisitAttempt.visit == visit)
            .order_by(VisitAttempt.at, VisitAttempt.id)
        )

    def tasks_of(self, visit: Visit) -> list[VisitTask]:
        return list(VisitTask.select().where(VisitTask.visit == visit).order_by(VisitTask.id))

    def notices_of(self, visit: Visit) -> list[ReworkNotice]:
        return list(ReworkNotice.select().where(ReworkNotice.visit == visit).order_by(ReworkNotice.id))

    # Attempts ---------------------------------------------------------------------------
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
        require_open(visit.state)
        if outcome not in ATTEMPT_OUTCOMES:
            raise ValidationError(
                {N_("结果"): tr("只能是 {choices}", choices=tr("、").join(term(o) for o in ATTEMPT_OUTCOMES))}
            )
        if outcome == "约定回电" and call_back_at is None:
            raise ValidationError({N_("回电时间"): tr("约定回电须填写时间")})
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

    # The result -------------------------------------------------------------------------
    def check_result(self, visit: Visit, result: VisitResult) -> None:
        problems: dict[str, str] = {}
        now = self.clock.now()
        done_at = result.done_at or now
        rule = self.planner.rule(visit.case) if visit.case is not None else None
        if reason := method_problem(result.method, rule, visit.attempt):
            problems[N_("回访方式")] = reason
        if not result.satisfaction:
            problems[N_("满意度")] = tr("完成回访必须选择满意度")
        elif result.satisfaction not in domain.SATISFACTION:
            problems[N_("满意度")] = tr(
                "只能是 {choices}",
                choices=tr("、").join(term(s, "satisfaction") for s in domain.SATISFACTION),
            )
        if done_at > now + dt.timedelta(minutes=10):
            problems[N_("回访时间")] = tr("不能晚于现在")
        case = self.case_of(visit)  # fresh: it may have moved on
        if case is not None and case.resolved_at is not None and done_at < case.resolved_at:
            problems[N_("回访时间")] = tr("不能早于办结时间 {at}", at=f"{case.resolved_at:%Y-%m-%d %H:%M}")
        if case is not None and case.resolved_at is None and case.state != domain.MERGED:
            problems[N_("案件")] = tr("{number} 尚未办结,不能回访", number=case.number)
        on_paper = result.signed and bool(clean_text(result.form_no))
        if result.signed and not on_paper:
            problems[N_("表单编号")] = tr("纸质回访记录表签字须填写表单编号")
        elif clean_text(result.form_no):
            # The number must be a real form of the ledger that belongs to this visit.
            try:
                self.forms.check_for_visit(result.form_no or "", visit)
            except UserError as exc:
                problems[N_("表单编号")] = str(exc)
        case_rule = self.planner.rule(case) if case is not None else None
        if customer_must_sign(result.method, case_rule) and not (on_paper or result.customer_signature):
            problems[N_("客户签名")] = tr("上门回访必须有客户签名(签字板或纸质回访记录表)")
        problems.update(second_visitor_problems(visit, result))
        for label, capture in (
            (N_("客户签名"), result.customer_signature),
            (N_("回访人签名"), result.visitor_signature),
            (N_("第二回访人签名"), result.second_visitor_signature),
        ):
            if capture is None:
                continue
            if reason := check_strokes(capture.strokes):
                problems[label] = reason
            elif not clean_text(capture.signer_name):
                problems[label] = tr("请填写签名人姓名")
            elif capture is result.customer_signature and capture.relation not in SIGNER_RELATIONS:
                problems[label] = tr(
                    "签名人身份只能是 {choices}", choices=tr("、").join(term(r) for r in SIGNER_RELATIONS)
                )
        for label, value in (
            (N_("回访内容"), result.findings),
            (N_("不足之处"), result.shortcomings),
            (N_("客户意见"), result.opinion),
        ):
            if reason := check_length(clean_text(value), MAX_TEXT):
                problems[label] = reason
        for question, promised in result.questions:
            if not clean_text(question):
                problems[N_("待答复问题")] = tr("问题内容不能为空")
            elif promised < done_at.date():
                problems[N_("答复日期")] = tr("约定答复日期不能早于回访日期")
        if problems:
            raise ValidationError(problems)

    def complete(self, visit: Visit, result: VisitResult, actor: Staff | None = None) -> Visit | None:
        """Record a visit done. Not satisfied: rework notice and the next visit planned.

        Returns the next visit when one was planned."""
        require(actor, "visit.record")
        if refusal := self.own_work_refusal(visit, actor):
            raise UserError(refusal)
        require_open(visit.state)
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
            if result.method == PHONE and "电话回访" not in visit.findings:
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
            take_second_visitor(visit, result)
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
                ("visitor2", result.second_visitor_signature),
            ):
                if capture is not None:
                    self._store_signature(visit, signer, capture)
            if visit.case is not None:
                self.cases.log(visit.case, domain.EV_VISIT, self._visit_line(visit), actor)
            if visit.case_id and result.satisfaction in UNSATISFIED:
                return self._rework(visit, actor)
        return None

    def own_work_refusal(self, visit: Visit, actor: Staff | None = None) -> str | None:
        """Why `actor` (else the person acting) may not record this visit's result: the
        person who did the repair does not record the owner's satisfaction with it. None
        when they may."""
        person = actor if actor is not None else current_person()
        if person is None or not visit.case_id:
            return None
        case = Case.get_by_id(visit.case_id)
        if person.id not in repairers(case):
            return None
        return tr(
            "{person}是案件 {number} 的办结人或维修人,不能登记业主对自己处理结果的满意度。"
            "请由其他人员回访并登记。",
            person=person.name,
            number=case.number,
        )

    @staticmethod
    def _visit_line(visit: Visit) -> str:
        return f"第{visit.attempt}次回访({visit.method}):{visit.satisfaction}。{visit.opinion}"[:300]

    def _rework(self, visit: Visit, actor: Staff | None) -> Visit | None:
        """Not satisfied: back to handling, a written notice due within 24 h, the next visit.
        Not satisfied again after rework (a visit from the second on): to the office manager
        and a new complaint linked to the first (app/rework.py, seed 000 4.5); no next visit
        on this case then (None)."""
        if visit.attempt >= 2:
            self.rework.escalate(visit, actor)
            return None
        case = Case.get_by_id(visit.case_id)
        hours = float(self.policies.load().visits.rework_notice_hours)
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
        return self.planner.plan(case, visit.attempt + 1, "返工后复访:", actor, base=now)

    # Signatures and reviews -------------------------------------------------------------
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

    def review(self, visit: Visit, level: str, reviewer: Staff, opinion: str) -> VisitReview:
        """主管审核、项目经理意见、总经理意见, each by its role, with name and time."""
        require(reviewer, "visit.review")
        problems = {}
        opinion = clean_text(opinion)
        role = REVIEW_LEVELS.get(level)
        if role is None:
            problems[N_("审核级别")] = tr(
                "只能是 {choices}", choices=tr("、").join(term(x) for x in REVIEW_LEVELS)
            )
        elif reviewer.role != role:
            problems[level] = tr(
                "须由{role}填写,{person}是{person_role}",
                role=term(domain.ROLES[role]),
                person=reviewer.name,
                person_role=term(domain.ROLES.get(reviewer.role, reviewer.role)),
            )
        if not opinion:
            problems[N_("意见")] = tr("必须填写")
        elif reason := check_length(opinion, MAX_TEXT):
            problems[N_("意见")] = reason
        if visit.state != domain.VISIT_DONE:
            problems[N_("回访")] = tr("回访完成后才能审核")
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
