"""The printed sheets of one office: numbers issued in the ledger, then the PDF drawn.

Windows and the command line print through here, so a printed form always has its
number reserved in the form ledger first.
"""

from __future__ import annotations

from app import printdata
from app.errors import UserError
from app.models import Case, Dispatch, Staff, Visit
from app.office import Office
from reports.labels import SOURCE_LANGUAGE
from reports.sheets import ComplaintRecordReport, DispatchSlipReport, FormLedgerReport
from reports.visit_form import VisitFormReport


class Printouts:
    def __init__(self, office: Office, actor: Staff | None = None, language: str = SOURCE_LANGUAGE) -> None:
        self.office = office
        self.actor = actor
        self.language = language  # the forms' fixed words (语言); data prints as entered

    def visit_form(self, visit: Visit) -> bytes:
        """The visit's 《回访记录表》, pre-filled, under its own form number."""
        if visit.form_no:  # done on a numbered form already: a copy under that number
            number = visit.form_no
        else:
            number = self.office.forms.issue_for_visit(visit, self.actor).number
        data = printdata.visit_form(visit, number)
        return VisitFormReport(self.office.name, [data], self.language).generate()

    def visit_form_by_id(self, visit_id: int) -> bytes:
        visit = Visit.get_or_none(Visit.id == visit_id)
        if visit is None:
            raise UserError(f"没有第 {visit_id} 号回访(用 schedule 命令查看回访编号)")
        return self.visit_form(visit)

    def blank_forms(self, count: int) -> bytes:
        """`count` numbered blank forms, reserved in the ledger."""
        forms = self.office.forms.issue_blank(count, self.actor)
        return VisitFormReport(
            self.office.name, [printdata.blank_form(f.number) for f in forms], self.language
        ).generate()

    def ledger_pdf(self) -> bytes:
        rows = printdata.ledger_rows(self.office.forms.ledger())
        return FormLedgerReport(self.office.name, rows, language=self.language).generate()

    def complaint_record(self, case: Case) -> bytes:
        return ComplaintRecordReport(
            self.office.name, printdata.complaint_record(case), self.language
        ).generate()

    def dispatch_slip(self, slip: Dispatch) -> bytes:
        return DispatchSlipReport(self.office.name, [printdata.dispatch_slip(slip)], self.language).generate()
