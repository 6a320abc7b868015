"""The form ledger (表单台账 / 《回访记录签收表》): where every numbered paper form is.

A form number is issued once: printed → signed out to a person (领用) → returned with the
visit entered against it (交回), or voided with a reason (作废). Numbers come from one
counter inside the transaction that records them, so they never repeat and never skip
silently; a voided number stays in the ledger and is never reused.
"""

from __future__ import annotations

import datetime as dt

import peewee as pw

from app.cases import actor_name, next_number
from app.clock import Clock
from app.errors import UserError, ValidationError
from app.models import Case, FormSheet, Staff, Visit, db
from app.policy import PolicyStore
from app.validation import clean_text

PRINTED = "已打印"
OUT = "已领用"
RETURNED = "已交回"
VOID = "已作废"
FORM_STATES = [PRINTED, OUT, RETURNED, VOID]
MAX_SCAN_BYTES = 20 * 1024 * 1024


class FormLedger:
    def __init__(self, clock: Clock, policies: PolicyStore) -> None:
        self.clock = clock
        self.policies = policies

    def _new(self, actor: Staff | None, visit: Visit | None = None) -> FormSheet:
        year = self.clock.now().year
        number = f"HF-{year}-{next_number(f'form-{year}'):06d}"
        item = ""
        count = 1
        if visit is not None:
            count = visit.attempt
            if visit.case_id:
                case = Case.get_by_id(visit.case_id)
                item = f"{case.number} {case.kind}·{case.category}"
            else:
                item = visit.purpose
        return FormSheet.create(
            number=number,
            visit=visit,
            state=PRINTED,
            printed_at=self.clock.now(),
            printed_by=actor_name(actor),
            visit_item=item[:100],
            visit_count=count,
        )

    def issue_blank(self, count: int, actor: Staff | None = None) -> list[FormSheet]:
        """Reserve `count` numbers for blank forms, all in one transaction."""
        if not 1 <= count <= 500:
            raise ValidationError({"份数": "一次可打印 1 到 500 份"})
        with db.atomic():
            return [self._new(actor) for _ in range(count)]

    def issue_for_visit(self, visit: Visit, actor: Staff | None = None) -> FormSheet:
        """The numbered form pre-filled from a visit; a visit keeps one live form at a time."""
        live = self.live_form(visit)
        if live is not None:
            return live
        with db.atomic():
            return self._new(actor, visit)

    def live_form(self, visit: Visit) -> FormSheet | None:
        return (
            FormSheet.select()
            .where(FormSheet.visit == visit, FormSheet.state.in_([PRINTED, OUT]))
            .order_by(FormSheet.id.desc())
            .first()
        )

    def by_number(self, number: str) -> FormSheet:
        form = FormSheet.get_or_none(FormSheet.number == clean_text(number).upper())
        if form is None:
            raise UserError(f"台账里没有编号为“{clean_text(number)}”的回访记录表")
        return form

    def sign_out(
        self,
        form: FormSheet,
        person: Staff,
        visit_item: str = "",
        remarks: str = "",
        visit: Visit | None = None,
    ) -> None:
        """领用: a person takes the form along (签收)."""
        if form.state != PRINTED:
            raise UserError(f"{form.number} 当前为“{form.state}”,不能领用")
        with db.atomic():
            form.state = OUT
            form.taken_by = person
            form.taken_by_name = person.name
            form.taken_at = self.clock.now()
            if visit is not None:
                form.visit = visit
            if clean_text(visit_item):
                form.visit_item = clean_text(visit_item)[:100]
            form.remarks = clean_text(remarks)[:200]
            form.save()

    def return_form(
        self,
        form: FormSheet,
        checked_by: str,
        visit: Visit | None = None,
        scan: bytes | None = None,
        scan_name: str = "",
        remarks: str = "",
    ) -> None:
        """交回: the signed form is back; the visit it records is named, a scan may be attached."""
        if form.state not in (PRINTED, OUT):
            raise UserError(f"{form.number} 当前为“{form.state}”,不能交回")
        checked_by = clean_text(checked_by)
        problems = {}
        if not checked_by:
            problems["核对人"] = "必须填写"
        if scan is not None and len(scan) > MAX_SCAN_BYTES:
            problems["扫描件"] = "文件太大(最多 20 MB)"
        if visit is None and form.visit_id is None:
            problems["回访"] = "请指明这张表记录的是哪一次回访"
        if problems:
            raise ValidationError(problems)
        with db.atomic():
            form.state = RETURNED
            form.returned_at = self.clock.now()
            form.checked_by = checked_by[:40]
            if visit is not None:
                form.visit = visit
            if scan is not None:
                form.scan, form.scan_name = scan, clean_text(scan_name)[:100]
            if clean_text(remarks):
                form.remarks = clean_text(remarks)[:200]
            form.save()
            linked = Visit.get_by_id(form.visit_id)
            if not linked.form_no:
                linked.form_no = form.number
                linked.save()

    def void(self, form: FormSheet, reason: str, actor: Staff | None = None) -> None:
        """作废: spoiled or lost; the number stays in the ledger and is never reused."""
        reason = clean_text(reason)
        if not reason:
            raise ValidationError({"作废原因": "必须填写"})
        if form.state in (RETURNED, VOID):
            raise UserError(f"{form.number} 当前为“{form.state}”,不能作废")
        form.state = VOID
        form.void_reason = f"{reason}({actor_name(actor)} {self.clock.now():%Y-%m-%d %H:%M})"[:200]
        form.save()

    def return_days(self) -> int:
        return int(self.policies.load().data["visits"].get("form_return_days", 7))

    def out_too_long(self) -> list[FormSheet]:
        """Forms signed out longer than the policy allows (flagged on the dashboard)."""
        limit = self.clock.now() - dt.timedelta(days=self.return_days())
        return list(
            FormSheet.select()
            .where(FormSheet.state == OUT, FormSheet.taken_at < limit)
            .order_by(FormSheet.taken_at)
        )

    def out_by_person(self) -> dict[str, list[FormSheet]]:
        out: dict[str, list[FormSheet]] = {}
        for form in FormSheet.select().where(FormSheet.state == OUT).order_by(FormSheet.taken_at):
            out.setdefault(form.taken_by_name, []).append(form)
        return out

    def ledger(self, state: str | None = None, since: dt.datetime | None = None) -> list[FormSheet]:
        query: pw.ModelSelect[FormSheet] = FormSheet.select().order_by(FormSheet.id)
        if state:
            query = query.where(FormSheet.state == state)
        if since:
            query = query.where(FormSheet.printed_at >= since)
        return list(query)

    def days_out(self, form: FormSheet) -> int | None:
        if form.state != OUT or form.taken_at is None:
            return None
        return (self.clock.now() - form.taken_at).days
