"""What the printed sheets show, gathered from the records (no layout here; see reports/)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app import domain
from app.forms import OUT, PRINTED, PRINTING
from app.i18n import term, tr
from app.models import Case, CaseEvent, Dispatch, Extension, FormSheet, Signature, Visit, VisitReview


@dataclass
class ReviewLine:
    level: str
    reviewer: str = ""
    opinion: str = ""
    at: dt.datetime | None = None


@dataclass
class VisitFormData:
    """One 《回访记录表》: pre-filled from a visit, or blank with only its number."""

    form_no: str
    room: str = ""
    customer: str = ""
    phone: str = ""
    method: str = ""
    appointment: dt.datetime | None = None
    attempt: int = 1
    case_number: str = ""
    case_kind: str = ""
    case_category: str = ""
    received_at: dt.datetime | None = None
    resolved_at: dt.datetime | None = None
    account: str = ""
    result: str = ""
    purpose: str = ""
    findings: str = ""
    shortcomings: str = ""
    opinion: str = ""
    satisfaction: str | None = None
    is_repair: bool = False
    site_checked: bool | None = None
    worker_conduct: str = ""
    charges_checked: bool | None = None
    customer_signature: bytes | None = None
    customer_signer: str = ""
    customer_signed_at: dt.datetime | None = None
    visitor: str = ""
    visitor_signature: bytes | None = None
    visitor_signed_at: dt.datetime | None = None
    # A visit made by two together (H24): the second visitor's name and signature, its own box.
    second_visitor: str = ""
    second_visitor_signature: bytes | None = None
    second_visitor_signed_at: dt.datetime | None = None
    done_at: dt.datetime | None = None
    reviews: list[ReviewLine] = field(default_factory=list)
    remarks: str = ""
    blank: bool = False


REVIEW_ORDER = ["主管审核", "项目经理意见", "总经理意见"]


def visit_form(visit: Visit, form_no: str) -> VisitFormData:
    case = Case.get_by_id(visit.case_id) if visit.case_id else None
    sigs = {s.signer: s for s in Signature.select().where(Signature.visit == visit)}
    reviews = {r.level: r for r in VisitReview.select().where(VisitReview.visit == visit)}
    customer = sigs.get("customer")
    visitor_sig = sigs.get("visitor")
    data = VisitFormData(
        form_no=form_no,
        room=visit.room.label if visit.room is not None else (case.room_label if case else ""),
        method=visit.method,
        appointment=visit.appointment,
        attempt=visit.attempt,
        purpose=visit.purpose,
        findings=visit.findings,
        shortcomings=visit.shortcomings,
        opinion=visit.opinion,
        satisfaction=visit.satisfaction,
        site_checked=visit.site_checked,
        worker_conduct=visit.worker_conduct,
        charges_checked=visit.charges_checked,
        customer_signature=bytes(customer.png) if customer else None,
        customer_signer=f"{customer.signer_name}({customer.relation})" if customer else "",
        customer_signed_at=customer.signed_at if customer else None,
        visitor=visit.visitor_name,
        visitor_signature=bytes(visitor_sig.png) if visitor_sig else None,
        visitor_signed_at=visitor_sig.signed_at if visitor_sig else None,
        second_visitor=visit.second_visitor_name or domain.ROLES.get(visit.second_role, visit.second_role),
        second_visitor_signature=bytes(sigs["visitor2"].png) if "visitor2" in sigs else None,
        second_visitor_signed_at=sigs["visitor2"].signed_at if "visitor2" in sigs else None,
        done_at=visit.done_at,
        reviews=[
            ReviewLine(level, reviews[level].reviewer, reviews[level].opinion, reviews[level].at)
            if level in reviews
            else ReviewLine(level)
            for level in REVIEW_ORDER
        ],
        remarks=visit.reason if visit.state == domain.VISIT_PLANNED else "",
    )
    if case is not None:
        data.customer = tr("匿名") if case.anonymous else case.customer_name
        data.phone = case.customer_phone
        data.case_number = case.number
        data.case_kind = tr("{kind}·{severity}", kind=term(case.kind), severity=term(case.severity))
        data.case_category = case.category
        data.received_at = case.received_at
        data.resolved_at = case.resolved_at
        data.account = case.account
        data.result = case.result
        data.is_repair = case.kind == "报修"
    elif visit.room is not None:
        occupant = visit.room.owners.first()
        if occupant is not None:
            data.customer, data.phone = occupant.name, occupant.phone
    return data


def blank_form(form_no: str) -> VisitFormData:
    return VisitFormData(form_no=form_no, blank=True, reviews=[ReviewLine(level) for level in REVIEW_ORDER])


@dataclass
class LedgerRow:
    serial: int
    number: str
    taken_by: str
    visit_item: str
    visit_count: int | None  # 回访次数; None for a blank form not yet used for a visit
    state: str
    taken_at: dt.datetime | None
    returned_at: dt.datetime | None
    checked_by: str
    remarks: str


def ledger_rows(forms: list[FormSheet]) -> list[LedgerRow]:
    return [
        LedgerRow(
            serial=i,
            number=f.number,
            taken_by=f.taken_by_name,
            visit_item=f.visit_item,
            visit_count=f.visit_count if f.visit_id is not None else None,
            state=f.state,
            taken_at=f.taken_at,
            returned_at=f.returned_at,
            checked_by=f.checked_by,
            remarks=f.void_reason or f.remarks,
        )
        for i, f in enumerate(forms, start=1)
    ]


def forms_in_period(forms: list[FormSheet], start: dt.date | None, end: dt.date | None) -> list[FormSheet]:
    """The forms the 《回访记录签收表》 of a period lists: printed, taken or returned in it, and
    those printed by its end that are still out (not returned, not voided). Numbers only
    reserved for a job still printing are not paper yet and are left out."""
    lo = dt.datetime.combine(start, dt.time()) if start else dt.datetime.min
    hi = dt.datetime.combine(end + dt.timedelta(days=1), dt.time()) if end else dt.datetime.max

    def within(at: dt.datetime | None) -> bool:
        return at is not None and lo <= at < hi

    return [
        f
        for f in forms
        if f.state != PRINTING
        and (
            within(f.printed_at)
            or within(f.taken_at)
            or within(f.returned_at)
            or (f.state in (PRINTED, OUT) and f.printed_at < hi)
        )
    ]


@dataclass
class ComplaintRecordData:
    """《顾客投诉处理记录表》, for a case open more than one working day."""

    number: str
    received_at: dt.datetime
    channel: str
    customer: str
    room: str
    phone: str
    kind: str
    validity: str
    severity: str
    category: str
    party: str
    event: str
    account: str
    request: str
    department: str
    response_due: dt.datetime
    resolve_due: dt.datetime
    state: str
    result: str
    resolved_at: dt.datetime | None
    timeline: list[tuple[dt.datetime, str, str, str]]
    extensions: list[str]
    visits: list[str]


def complaint_record(case: Case) -> ComplaintRecordData:
    events = CaseEvent.select().where(CaseEvent.case == case).order_by(CaseEvent.at, CaseEvent.id)
    exts = Extension.select().where(Extension.case == case).order_by(Extension.at)
    visits = Visit.select().where(Visit.case == case).order_by(Visit.attempt)
    return ComplaintRecordData(
        number=case.number,
        received_at=case.received_at,
        channel=case.channel,
        customer=tr("匿名") if case.anonymous else case.customer_name,
        room=case.room_label,
        phone=case.customer_phone,
        kind=case.kind,
        validity=domain.VALIDITY_LABELS.get(case.validity or "", ""),
        severity=case.severity,
        category=case.category,
        party=case.party,
        event=" ".join(
            x for x in (f"{case.event_time:%Y-%m-%d %H:%M}" if case.event_time else "", case.event_place) if x
        ),
        account=case.account,
        request=case.request,
        department=case.department.name if case.department is not None else "",
        response_due=case.response_due,
        resolve_due=case.resolve_due,
        state=case.state,
        result=case.result,
        resolved_at=case.resolved_at,
        timeline=[(e.at, e.kind, e.text, e.actor_name) for e in events],
        extensions=[
            tr(
                "{old:%m-%d %H:%M} → {new:%m-%d %H:%M},{approver}批准:{reason}",
                old=e.old_due,
                new=e.new_due,
                approver=e.approver,
                reason=e.reason,
            )
            for e in exts
        ],
        visits=[
            tr(
                "第{attempt}次 {state} {method} {satisfaction} {day:%Y-%m-%d}",
                attempt=v.attempt,
                state=term(v.state),
                method=term(v.method),
                satisfaction=term(v.satisfaction or "", "satisfaction"),
                day=v.done_at,
            )
            if v.done_at
            else tr("第{attempt}次 {state},应于 {due} 前", attempt=v.attempt, state=term(v.state), due=v.due)
            for v in visits
        ],
    )


@dataclass
class DispatchSlipData:
    """工作联系单 / 派工单."""

    number: str
    case_number: str
    department: str
    assignee: str
    dispatched_at: dt.datetime
    due: dt.datetime
    room: str
    customer: str
    phone: str
    kind: str
    category: str
    urgency: str
    account: str
    request: str
    instructions: str
    signed_by: str
    signed_at: dt.datetime | None
    outcome: str
    finished_at: dt.datetime | None


def dispatch_slip(slip: Dispatch) -> DispatchSlipData:
    case = Case.get_by_id(slip.case_id)
    return DispatchSlipData(
        number=slip.number,
        case_number=case.number,
        department=slip.department.name,
        assignee=slip.assignee.name if slip.assignee is not None else "",
        dispatched_at=slip.dispatched_at,
        due=slip.due,
        room=case.room_label,
        customer=tr("匿名") if case.anonymous else case.customer_name,
        phone=case.customer_phone,
        kind=case.kind,
        category=case.category,
        urgency=case.urgency,
        account=case.account,
        request=case.request,
        instructions=slip.instructions,
        signed_by=slip.signed_by,
        signed_at=slip.signed_at,
        outcome=slip.outcome,
        finished_at=slip.finished_at,
    )
