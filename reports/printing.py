"""The printed sheets of one office: numbers reserved in the ledger, then the PDF drawn.

Windows and the command line print through here. A numbered 《回访记录表》 goes to a printer
as a `PrintDocument`: its numbers are reserved (打印中) when the job is made, and the job
confirms them (已打印, with the printer) or voids them (打印失败/已取消) when it ends, so a
number is used only by paper that exists. A preview shows 「打印时编号」 where the number will
be: the numbers are taken only when the job is sent.

Saving numbered forms as a PDF file (另存为 PDF, `form blank --pdf`) issues the numbers at
once (已打印, printer 「另存为 PDF」): the file can be printed anywhere, later, so the numbers
count as paper from then on. `visit_form` and `blank_forms` do that.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from app import printdata
from app.errors import UserError, ValidationError
from app.forms import SAVED_AS_PDF
from app.i18n import N_, tr
from app.models import Case, Dispatch, FormSheet, Referral, Staff, Visit
from app.office import Office
from app.periods import Period
from app.print_jobs import FormReservation, PrintDocument
from reports.labels import current_language
from reports.sheets import ComplaintRecordReport, DispatchSlipReport, FormLedgerReport
from reports.visit_form import VisitFormReport

# In a preview, where the number taken at printing will be (the form shows it through term()).
PREVIEW_NUMBER = N_("(打印时编号)")


class Printouts:
    def __init__(self, office: Office, actor: Staff | None = None, language: str | None = None) -> None:
        self.office = office
        self.actor = actor
        # the forms' fixed words (语言), by default the process's (--lang, window.ini); data prints as entered
        self.language = language or current_language()

    def _visit_report(self, data: list[printdata.VisitFormData]) -> Callable[[], bytes]:
        office, language = self.office.name, self.language
        return lambda: VisitFormReport(office, data, language).generate()

    # Saved as a file: numbers issued at once -------------------------------------------
    def visit_form(self, visit: Visit) -> bytes:
        """The visit's 《回访记录表》, pre-filled, under its own form number (issued now)."""
        document = self.visit_forms_job([visit])
        return self._issue(document)

    def visit_form_by_id(self, visit_id: int) -> bytes:
        return self.visit_form(self.visit_by_id(visit_id))

    def blank_forms(self, count: int) -> bytes:
        """`count` numbered blank forms, issued in the ledger (for a PDF file)."""
        return self._issue(self.blank_forms_job(count))

    def _issue(self, document: PrintDocument) -> bytes:
        """Draw the PDF; its numbers are issued when it is made, voided when drawing fails."""
        try:
            pdf = document.render()
        except Exception:
            if document.reservation is not None:
                document.reservation.void("打印失败:生成 PDF 出错")
            raise
        if document.reservation is not None:
            document.reservation.confirm(SAVED_AS_PDF)
        return pdf

    @staticmethod
    def visit_by_id(visit_id: int) -> Visit:
        visit = Visit.get_or_none(Visit.id == visit_id)
        if visit is None:
            raise UserError(tr("没有第 {visit_id} 号回访(用 schedule 命令查看回访编号)", visit_id=visit_id))
        return visit

    # Print jobs: numbers reserved when the job is made ---------------------------------
    def visit_forms_job(self, visits: list[Visit]) -> PrintDocument:
        """Pre-filled forms for visits, each under its live number or a new reservation.

        The numbers are reserved here, in one transaction; the forms' data are read and
        drawn by `render`."""
        visits = list(visits)
        numbers: dict[int, str] = {v.id: v.form_no for v in visits if v.form_no}
        reserved: list[FormSheet] = []
        pending = [v for v in visits if not v.form_no]  # done on a numbered form: a copy under it
        if pending:
            for visit_id, (form, new) in self.office.forms.reserve_for_visits(pending, self.actor).items():
                numbers[visit_id] = form.number
                if new:
                    reserved.append(form)
        ids = [v.id for v in visits]
        office, language = self.office.name, self.language

        def render() -> bytes:
            by_id = {v.id: v for v in Visit.select().where(Visit.id.in_(ids))}
            data = [printdata.visit_form(by_id[i], numbers[i]) for i in ids]
            return VisitFormReport(office, data, language).generate()

        first = numbers[ids[0]] if ids else ""
        title = "回访记录表 " + (first if len(ids) == 1 else f"{len(ids)} 份")
        reservation = FormReservation(self.office.forms, reserved, [f.number for f in reserved])
        return PrintDocument(render, title, reservation)

    def blank_forms_job(self, count: int) -> PrintDocument:
        """`count` blank forms under numbers reserved now (打印中) for a print job."""
        forms = self.office.forms.reserve_blank(count, self.actor)
        data = [printdata.blank_form(f.number) for f in forms]
        title = f"空白回访记录表 {forms[0].number}" + (f" 至 {forms[-1].number}" if len(forms) > 1 else "")
        reservation = FormReservation(self.office.forms, forms, [f.number for f in forms])
        return PrintDocument(self._visit_report(data), title, reservation)

    # Previews: no number taken -----------------------------------------------------------
    def visit_form_preview(self, visit: Visit) -> bytes:
        live = self.office.forms.live_form(visit)
        number = visit.form_no or (live.number if live is not None else PREVIEW_NUMBER)
        return self._visit_report([printdata.visit_form(visit, number)])()

    def blank_forms_preview(self, count: int) -> bytes:
        if not 1 <= count <= 500:
            raise ValidationError({N_("份数"): tr("一次可打印 1 到 500 份")})
        return self._visit_report([printdata.blank_form(PREVIEW_NUMBER) for _ in range(count)])()

    # Unnumbered sheets -------------------------------------------------------------------
    def ledger_pdf(self, start: dt.date | None = None, end: dt.date | None = None) -> bytes:
        """The 《回访记录签收表》 from `start` to `end` (both days included; default: this quarter)."""
        if start is None and end is None:
            quarter = Period.quarter_of(self.office.clock.now().date())
            start, end = quarter.start, quarter.end
        rows = printdata.ledger_rows(printdata.forms_in_period(self.office.forms.ledger(), start, end))
        return FormLedgerReport(self.office.name, rows, start, end, language=self.language).generate()

    def complaint_record(self, case: Case) -> bytes:
        """The case's 《顾客投诉处理记录表》; its timeline records that it was printed (the
        dashboard lists complaints open over a working day until it is)."""
        pdf = ComplaintRecordReport(
            self.office.name, printdata.complaint_record(case), self.language
        ).generate()
        self.office.cases.record_sheet_printed(case, self.actor)
        return pdf

    def dispatch_slip(self, slip: Dispatch) -> bytes:
        return DispatchSlipReport(self.office.name, [printdata.dispatch_slip(slip)], self.language).generate()

    def referral_letter(self, referral: Referral) -> bytes:
        """工作联系函 to the developer (helper H22): the case's facts as the office may disclose them."""
        from reports.referral_letter import ReferralLetterReport

        data = self.office.referrals.letter_data(referral, self.actor)
        return ReferralLetterReport(self.office.name, data, self.language).generate()
