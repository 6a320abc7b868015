"""The form ledger (表单台账 / 《回访记录签收表》): where every numbered paper form is.

A form number is issued once: printed → signed out to a person (领用) → returned with the
visit entered against it (交回), or voided with a reason (作废). Numbers come from one
counter inside the transaction that records them, so they never repeat and never skip
silently; a voided number stays in the ledger and is never reused.

The ledger is closed: a visit recorded as signed on paper names a form of this ledger that
belongs to it (`check_for_visit`), and the same save returns the form; a form not used for a
visit is voided, never returned. From the 1st of the next quarter the quarter's returned and
voided forms are filed (归档, by the 10th); filed forms past the policy's keeping period (two
years) are listed for destruction, and a person records what was destroyed. Nothing is
removed automatically: the rows stay, marked 已归档 / 已销毁.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

import peewee as pw

from app import audit, domain
from app.cases import actor_name, next_number
from app.clock import Clock
from app.errors import UserError, ValidationError
from app.i18n import N_, term, tr
from app.models import (
    Case,
    FormArchiveBatch,
    FormDestruction,
    FormSheet,
    Owner,
    Staff,
    Visit,
    acting_as,
    db,
    tuple_rows,
)
from app.periods import quarter_key, quarter_span
from app.permissions import require
from app.policy import PolicyStore
from app.validation import clean_text

PRINTED = N_("已打印")
OUT = N_("已领用")
RETURNED = N_("已交回")
VOID = N_("已作废")
PRINTING = N_("打印中")  # numbers reserved for a print job not finished yet (not a paper form yet)
FORM_STATES = [PRINTED, OUT, RETURNED, VOID]
MAX_SCAN_BYTES = 20 * 1024 * 1024
# A job refreshes its reservation's time while it waits for the printer; a reservation not
# refreshed for this long was left by a program that stopped (crash, power cut): 打印中断.
RESERVATION_STALE = dt.timedelta(minutes=2)
SAVED_AS_PDF = N_("另存为 PDF")  # the "printer" of numbered forms handed out as a PDF file
ARCHIVE_DAY = 10  # 《回访记录表》于下一季度10号前统一存档 (seed 000 4.7)
ARCHIVED = N_("已归档")  # flags beside the state, shown in the ledger
DESTROYED = N_("已销毁")
_DASHES = re.compile(r"[\u2010-\u2015\u2212\u30fc\uff0d_]")
_FORM_NUMBER = re.compile(r"(?:NO[.:]?)?HF-?(\d{4})-?(\d{1,6})")
_QUARTER = re.compile(r"(\d{4})(?:年)?-?(?:Q|第)?([1-4])(?:季度?)?")


def normalise_number(text: str) -> str:
    """A form number as printed (HF-2026-000123) from what was typed or scanned: full-width
    characters, spaces, lower case, other dashes and missing leading zeros are forgiven."""
    value = unicodedata.normalize("NFKC", clean_text(text))
    value = _DASHES.sub("-", re.sub(r"\s+", "", value).upper())
    found = _FORM_NUMBER.fullmatch(value)
    if found:
        return f"HF-{found.group(1)}-{int(found.group(2)):06d}"
    return value


def parse_quarter(text: str) -> str:
    """'2026Q3', '2026-Q3', '2026 q3', '2026年第3季度' -> '2026-Q3'."""
    value = re.sub(r"\s+", "", unicodedata.normalize("NFKC", clean_text(text))).upper()
    found = _QUARTER.fullmatch(value)
    if not found or not 2000 <= int(found.group(1)) <= 2099:
        raise UserError(tr("季度写法不对:“{value}”。请写成年份加季度,如 2026Q3", value=clean_text(text)))
    return f"{found.group(1)}-Q{found.group(2)}"


def quarter_label(quarter: str) -> str:
    return tr("{year} 年第 {quarter} 季度", year=quarter[:4], quarter=quarter[-1])


def closed_on(form: FormSheet) -> dt.datetime | None:
    """When the form left circulation: returned, or voided (older rows: when it was printed)."""
    if form.state == RETURNED:
        return form.returned_at
    if form.state == VOID:
        return form.voided_at or form.printed_at
    return None


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@dataclass
class QuarterArchive:
    """One quarter's forms to file (归档) and where they stand."""

    quarter: str  # 2026-Q3
    opens: dt.date  # the 1st of the next quarter: filing may start
    deadline: dt.date  # the 10th of the next quarter: filed by then
    to_file: list[FormSheet]  # returned or voided in the quarter, not yet filed
    still_out: list[FormSheet]  # printed by the quarter's end and not back: filed when they are
    batches: list[FormArchiveBatch]  # filed already

    def late(self, today: dt.date) -> bool:
        return bool(self.to_file) and today > self.deadline

    def filed(self) -> int:
        return sum(b.form_count for b in self.batches)


@dataclass
class Destroyable:
    """A filed form whose keeping period (policy, default two years) is over."""

    form: FormSheet
    quarter: str
    keep_until: dt.date  # the first day it may be destroyed


def _listed_fields() -> list[pw.Field]:
    """Every column but the scan: lists do not need the pictures (saves write only what changed)."""
    return [f for f in FormSheet._meta.sorted_fields if f.name != "scan"]


def _reload(form: FormSheet) -> None:
    """The form as stored now: a window may hold it since before someone else changed it."""
    fresh = FormSheet.get_or_none(FormSheet.id == form.id)
    if fresh is not None:
        form.__data__.update(fresh.__data__)


def _case_words(visit: Visit) -> str:
    """(TS-2026-00042) after a visit's number, when it belongs to a case."""
    if visit.case_id:
        return tr("(案件 {number})", number=Case.get_by_id(visit.case_id).number)
    return f"({visit.purpose})" if visit.purpose else ""


class FormLedger:
    def __init__(self, clock: Clock, policies: PolicyStore) -> None:
        self.clock = clock
        self.policies = policies
        self._in_flight: set[int] = set()  # reservations of jobs running in this process

    def _new(self, actor: Staff | None, visit: Visit | None = None, state: str = PRINTED) -> FormSheet:
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
            state=state,
            printed_at=self.clock.now(),
            printed_by=actor_name(actor),
            visit_item=item[:100],
            visit_count=count,
        )

    def issue_blank(
        self, count: int, actor: Staff | None = None, printer: str = SAVED_AS_PDF
    ) -> list[FormSheet]:
        """`count` blank forms issued at once (已打印), for paper made outside a print job:
        a PDF handed out as a file (另存为 PDF, `form blank --pdf`), demo data. A print job
        reserves with `reserve_blank` and confirms when the printer has the pages."""
        with db.atomic():
            forms = self.reserve_blank(count, actor)
            self.confirm_printed(forms, printer)
        return forms

    def issue_for_visit(
        self, visit: Visit, actor: Staff | None = None, printer: str = SAVED_AS_PDF
    ) -> FormSheet:
        """The visit's live numbered form, issued now (已打印) when it has none; see `issue_blank`."""
        with db.atomic():
            form, new = self.reserve_for_visit(visit, actor)
            if new:
                self.confirm_printed([form], printer)
        return form

    # Reservations for print jobs (打印中) ------------------------------------------------
    def reserve_blank(self, count: int, actor: Staff | None = None) -> list[FormSheet]:
        """Reserve `count` numbers for blank forms about to be printed, in one transaction.

        The numbers stay 打印中 until the job confirms them (已打印) or voids them."""
        require(actor, "form.print")
        if not 1 <= count <= 500:
            raise ValidationError({"份数": tr("一次可打印 1 到 500 份")})
        with db.atomic():
            forms = [self._new(actor, state=PRINTING) for _ in range(count)]
        self._in_flight.update(f.id for f in forms)
        return forms

    def reserve_for_visit(self, visit: Visit, actor: Staff | None = None) -> tuple[FormSheet, bool]:
        """The number a visit's pre-filled form prints under: its live form (a copy, nothing
        reserved), else a new reservation. Returns the form and whether it is new."""
        require(actor, "form.print")
        live = self.live_form(visit)
        if live is not None:
            self._log_printout([visit], actor)
            return live, False
        self.void_interrupted()
        busy = FormSheet.get_or_none(FormSheet.visit == visit, FormSheet.state == PRINTING)
        if busy is not None:
            raise UserError(
                tr(
                    "回访 #{id} 的回访记录表 {number} 正在打印,请等这次打印完成后再打印",
                    id=visit.id,
                    number=busy.number,
                )
            )
        with db.atomic():
            form = self._new(actor, visit, state=PRINTING)
            self._log_printout([visit], actor)
        self._in_flight.add(form.id)
        return form, True

    def reserve_for_visits(
        self, visits: list[Visit], actor: Staff | None = None
    ) -> dict[int, tuple[FormSheet, bool]]:
        """`reserve_for_visit` for many visits in one transaction: visit id -> (form, new)."""
        require(actor, "form.print")
        self.void_interrupted()
        live = {
            f.visit_id: f
            for f in FormSheet.select()
            .where(FormSheet.visit.in_([v.id for v in visits]), FormSheet.state.in_([PRINTED, OUT]))
            .order_by(FormSheet.id)
        }
        busy = (
            FormSheet.select()
            .where(
                FormSheet.visit.in_([v.id for v in visits if v.id not in live]), FormSheet.state == PRINTING
            )
            .first()
        )
        if busy is not None:
            raise UserError(
                tr(
                    "回访 #{visit_id} 的回访记录表 {number} 正在打印,请等这次打印完成后再打印",
                    visit_id=busy.visit_id,
                    number=busy.number,
                )
            )
        out: dict[int, tuple[FormSheet, bool]] = {}
        with db.atomic():
            for visit in visits:
                if visit.id in live:
                    out[visit.id] = (live[visit.id], False)
                elif visit.id not in out:
                    out[visit.id] = (self._new(actor, visit, state=PRINTING), True)
            self._log_printout(visits, actor)
        self._in_flight.update(form.id for form, new in out.values() if new)
        return out

    @staticmethod
    def _log_printout(visits: list[Visit], actor: Staff | None) -> None:
        """A pre-filled form carries the owner's name and phone: each one printed is a read,
        logged with who printed it and whose form it is (打印回访表)."""
        with acting_as(actor.name) if actor is not None else contextlib.nullcontext(), db.atomic():
            for visit in {v.id: v for v in visits}.values():
                case = Case.get_by_id(visit.case_id) if visit.case_id else None
                owner = None
                if case is not None and case.owner_id:
                    owner = Owner.get_or_none(Owner.id == case.owner_id)
                elif visit.room_id:
                    owner = (
                        Owner.select()
                        .where(Owner.room == visit.room_id, Owner.active == True)  # noqa: E712
                        .order_by(Owner.id)
                        .first()
                    )
                what = case.number if case is not None else (visit.purpose or "回访")
                audit.log_access(audit.PRINT_VISIT_FORM, owner, f"回访 #{visit.id}({what})的回访记录表", case)

    def _reserved(self, forms: list[FormSheet]) -> list[FormSheet]:
        ids = [f.id for f in forms]
        return list(FormSheet.select().where(FormSheet.id.in_(ids), FormSheet.state == PRINTING))

    def confirm_printed(self, forms: list[FormSheet], printer: str) -> None:
        """The job reached the printer (or the PDF was saved): the reserved numbers are
        paper now (已打印), with the time and the printer's name (beside who printed them)."""
        now = self.clock.now()
        with db.atomic():
            for form in self._reserved(forms):
                form.state = PRINTED
                form.printed_at = now
                where = clean_text(printer) or "未知打印机"  # who printed it, and on which printer
                form.printed_by = (f"{form.printed_by}({where})" if form.printed_by else where)[:40]
                form.save()
        self._in_flight.difference_update(f.id for f in forms)
        for form in forms:
            form.state = PRINTED

    def void_unprinted(self, forms: list[FormSheet], reason: str) -> None:
        """The job failed or was cancelled: its reserved numbers are voided at once, with the
        reason (打印失败:… / 已取消), and never reused. Confirmed forms are left alone."""
        now = self.clock.now()
        text = f"{clean_text(reason) or '打印失败'}({now:%Y-%m-%d %H:%M})"[:200]
        with db.atomic():
            for form in self._reserved(forms):
                form.state = VOID
                form.voided_at = now
                form.void_reason = text
                form.save()
        self._in_flight.difference_update(f.id for f in forms)

    def keep_reserved(self, forms: list[FormSheet]) -> None:
        """A running job says it is alive, so its reservations are not taken for abandoned."""
        ids = [f.id for f in forms]
        FormSheet.update(alive_at=self.clock.now()).where(
            FormSheet.id.in_(ids), FormSheet.state == PRINTING
        ).execute()

    def void_interrupted(self) -> int:
        """Reservations left 打印中 by a program that stopped mid-job are voided (打印中断).

        Only those no job in this process holds and not refreshed for RESERVATION_STALE, so a
        job running in another window or on the command line is not touched."""
        limit = self.clock.now() - RESERVATION_STALE
        last_sign = pw.fn.COALESCE(FormSheet.alive_at, FormSheet.printed_at)  # the job's heartbeat
        query = FormSheet.select().where(FormSheet.state == PRINTING, last_sign < limit)
        stale = [f for f in query if f.id not in self._in_flight]
        if stale:
            self.void_unprinted(stale, "打印中断")
        return len(stale)

    def live_form(self, visit: Visit) -> FormSheet | None:
        return (
            FormSheet.select()
            .where(FormSheet.visit == visit, FormSheet.state.in_([PRINTED, OUT]))
            .order_by(FormSheet.id.desc())
            .first()
        )

    def form(self, form_id: int) -> FormSheet | None:
        """A fresh copy of one form as stored (None when there is no such form)."""
        with db.atomic():
            return FormSheet.get_or_none(FormSheet.id == form_id)

    def visit_of(self, form: FormSheet) -> Visit | None:
        """The visit a form was printed or signed out for, if any."""
        if not form.visit_id:
            return None
        with db.atomic():
            return Visit.get_or_none(Visit.id == form.visit_id)

    def find_visit(self, text: str) -> Visit:
        """The visit a clerk names: its number (#12 or 12), or a case's number or 台账编号.
        For a case, its open visit if there is one, else its latest visit."""
        ref = clean_text(text).lstrip("#＃")
        if not ref:
            raise ValidationError({"回访": tr("请填写回访编号或案件编号")})
        with db.atomic():
            if ref.isdigit():
                visit = Visit.get_or_none(Visit.id == int(ref))
                if visit is None:
                    raise ValidationError({"回访": tr("没有编号为 {ref} 的回访", ref=ref)})
                return visit
            case = Case.get_or_none((Case.number == ref.upper()) | (Case.ref == ref))
            if case is None:
                raise ValidationError({"回访": tr("没有案件编号为“{ref}”的案件", ref=ref)})
            visits = list(
                Visit.select().where(Visit.case == case).order_by(Visit.attempt.desc(), Visit.id.desc())
            )
        if not visits:
            raise ValidationError({"回访": tr("案件 {number} 还没有回访", number=case.number)})
        open_ones = [v for v in visits if v.state == domain.VISIT_PLANNED]
        return (open_ones or visits)[0]

    def visit_subject(self, visit: Visit) -> str:
        """What a visit is about, in a few words: its case (number, kind·category) or its purpose."""
        if not visit.case_id:
            return visit.purpose or ""
        with db.atomic():
            case = Case.get_or_none(Case.id == visit.case_id)
        return f"{case.number} {case.kind}·{case.category}" if case is not None else visit.purpose or ""

    def by_number(self, number: str) -> FormSheet:
        form = FormSheet.get_or_none(FormSheet.number == normalise_number(number))
        if form is None:
            raise UserError(tr("台账里没有编号为“{number}”的回访记录表", number=clean_text(number)))
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
        require(None, "form.ledger")
        _reload(form)
        if form.state != PRINTED:
            raise UserError(
                tr("{number} 当前为“{state}”,不能领用", number=form.number, state=term(form.state))
            )
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
        """交回: the signed form is back with the visit it records, whose result is entered.

        A form not used for a visit (a blank one, or one whose visit did not happen on it)
        is not returned: it is voided with the reason."""
        require(None, "form.ledger")
        _reload(form)
        if form.state not in (PRINTED, OUT):
            raise UserError(
                tr("{number} 当前为“{state}”,不能交回", number=form.number, state=term(form.state))
            )
        checked_by = clean_text(checked_by)
        problems = {}
        if not checked_by:
            problems["核对人"] = tr("必须填写")
        if scan is not None and len(scan) > MAX_SCAN_BYTES:
            problems["扫描件"] = tr("文件太大(最多 20 MB)")
        if reason := self._return_refusal(form, visit):
            problems["回访"] = reason
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

    def _return_refusal(self, form: FormSheet, visit: Visit | None) -> str | None:
        """Why the form cannot be returned against this visit, in words; None when it can."""
        linked = Visit.get_or_none(Visit.id == form.visit_id) if form.visit_id else None
        visit = Visit.get_or_none(Visit.id == visit.id) if visit is not None else linked  # as stored now
        if visit is None:
            return tr(
                "{number} 是空白表,没有记录任何回访:用过的表请指明它记录的回访;"
                "没有用过的表不能交回,请作废并写明原因",
                number=form.number,
            )
        if linked is not None and linked.id != visit.id:
            return tr(
                "{number} 是为回访 #{id} 开出的,不能记作回访 #{visit} 的表",
                number=form.number,
                id=linked.id,
                visit=visit.id,
            )
        if visit.state != domain.VISIT_DONE:
            return tr(
                "回访 #{id} 还没有录入结果:请先在回访记录中录入结果并填写表单编号 {number}"
                "(保存时本表自动记为交回);这张表没有用上的话,请作废并写明原因",
                id=visit.id,
                number=form.number,
            )
        if visit.form_no and visit.form_no != form.number:
            return tr(
                "回访 #{id} 已记录在 {form_no} 上,{number} 不能再记作这次回访的表",
                id=visit.id,
                form_no=visit.form_no,
                number=form.number,
            )
        return None

    def void(self, form: FormSheet, reason: str, actor: Staff | None = None) -> None:
        """作废: spoiled or lost; the number stays in the ledger and is never reused."""
        require(actor, "form.ledger")
        reason = clean_text(reason)
        if not reason:
            raise ValidationError({"作废原因": "必须填写"})
        _reload(form)
        if form.state in (RETURNED, VOID):
            raise UserError(
                tr("{number} 当前为“{state}”,不能作废", number=form.number, state=term(form.state))
            )
        form.state = VOID
        form.voided_at = self.clock.now()
        form.void_reason = f"{reason}({actor_name(actor)} {self.clock.now():%Y-%m-%d %H:%M})"[:200]
        form.save()

    # Visits recorded on paper (纸质回访记录表) ----------------------------------------------
    def usable_for_visit(self, visit: Visit) -> list[FormSheet]:
        """The forms a visit may be recorded on: the ones opened for it (printed or signed
        out), and the blank forms signed out to its visitor (to anyone when none is assigned)."""
        forms = list(
            FormSheet.select()
            .where(FormSheet.visit == visit, FormSheet.state.in_([PRINTED, OUT, RETURNED]))
            .order_by(FormSheet.id)
        )
        blank = FormSheet.select().where(FormSheet.visit.is_null(), FormSheet.state == OUT)
        if visit.visitor_id is not None:
            blank = blank.where(FormSheet.taken_by == visit.visitor_id)
        forms += list(blank.order_by(FormSheet.id))
        return [f for f in forms if f.state != RETURNED or f.number == visit.form_no]

    def check_for_visit(self, number: str, visit: Visit) -> FormSheet:
        """The form a visit signed on paper is recorded against; a UserError says why not.

        Usable: a form opened for this visit (printed or signed out; or already returned with
        it), or a blank form signed out (已领用) to the visit's visitor; when the visit has no
        visitor yet, the person who took the form is its visitor. A blank form still in the
        office (已打印) is refused: it must be signed out first, on the 《回访记录签收表》, by the
        person who took it; the program does not invent that signature."""
        typed = clean_text(number)
        text = normalise_number(typed)
        form = FormSheet.get_or_none(FormSheet.number == text)
        if form is None:
            raise UserError(
                tr("台账里没有编号为“{typed}”的回访记录表:请核对表上印的编号(如 HF-2026-000123)", typed=typed)
            )
        if form.state == VOID:
            raise UserError(
                tr(
                    "{number} 已作废,不能用来记录回访;请填写这次回访实际使用的表号。作废原因:{void_reason}",
                    number=form.number,
                    void_reason=form.void_reason,
                )
            )
        if form.state == PRINTING:
            raise UserError(
                tr(
                    "{number} 当前为“{state}”:还没有确认打印成功,不能用来记录回访;打印完成后再保存",
                    number=form.number,
                    state=term(form.state),
                )
            )
        if form.state not in (PRINTED, OUT, RETURNED):
            raise UserError(
                tr("{number} 当前为“{state}”,不能用来记录回访", number=form.number, state=term(form.state))
            )
        other = (
            Visit.select()
            .where(Visit.form_no == form.number, Visit.id != visit.id)
            .order_by(Visit.id)
            .first()
        )
        if (
            other is None
            and form.visit_id is not None
            and form.visit_id != visit.id
            and form.state == RETURNED
        ):
            other = Visit.get_or_none(Visit.id == form.visit_id)
        if other is not None:
            raise UserError(
                tr(
                    "{number} 已用于回访 #{id}{case_words},不能再用于这次回访",
                    number=form.number,
                    id=other.id,
                    case_words=_case_words(other),
                )
            )
        if form.visit_id is not None and form.visit_id != visit.id:
            raise UserError(
                tr(
                    "{number} 是为回访 #{visit_id}{case_words}开出的,不是这次回访的表:请填写这次回访的表号",
                    number=form.number,
                    visit_id=form.visit_id,
                    case_words=_case_words(Visit.get_by_id(form.visit_id)),
                )
            )
        if form.visit_id == visit.id:
            return form
        if form.state == PRINTED:
            raise UserError(
                tr(
                    "{number} 是空白表,台账上还没有人领用:请先在表单台账中登记领用"
                    "(领用人在《回访记录签收表》上签收),再保存回访记录",
                    number=form.number,
                )
            )
        if form.state == RETURNED:
            raise UserError(tr("{number} 已交回,不能再用于这次回访", number=form.number))
        if visit.visitor_id is not None and form.taken_by_id != visit.visitor_id:
            raise UserError(
                tr(
                    "{number} 由{taker}领用,不是这次回访的回访人{visitor}领用的:请填写回访人自己领用的表号,或先改回访人",
                    number=form.number,
                    taker=form.taken_by_name or tr("他人"),
                    visitor=visit.visitor_name,
                )
            )
        return form

    def close_for_visit(self, form: FormSheet, visit: Visit, actor: Staff | None) -> None:
        """The visit's result was saved on this form: it is back (交回), checked by the person
        saving. Called inside the transaction that saves the visit."""
        if form.state == RETURNED:
            return
        form.state = RETURNED
        form.returned_at = self.clock.now()
        form.checked_by = actor_name(actor)[:40]
        form.visit = visit
        form.save()

    def return_days(self) -> int:
        return self.policies.load().visits.form_return_days

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
        self.void_interrupted()
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

    # Quarterly archive (归档) -----------------------------------------------------------
    def _closed_in(self, start: dt.date, end: dt.date) -> pw.ModelSelect[FormSheet]:
        """Forms returned or voided between two days (end excluded)."""
        lo, hi = dt.datetime.combine(start, dt.time()), dt.datetime.combine(end, dt.time())
        voided = pw.fn.COALESCE(FormSheet.voided_at, FormSheet.printed_at)
        return FormSheet.select(*_listed_fields()).where(
            ((FormSheet.state == RETURNED) & (FormSheet.returned_at >= lo) & (FormSheet.returned_at < hi))
            | ((FormSheet.state == VOID) & (voided >= lo) & (voided < hi))
        )

    def quarter_archive(self, quarter: str) -> QuarterArchive:
        """What to file for a quarter ('2026Q3' or '2026-Q3'), and what is still out.

        Forms still out do not block the filing: the quarter's other forms are due by the
        10th all the same. They are listed (and flagged when out too long) and go into the
        batch of the quarter they come back or are voided in."""
        quarter = parse_quarter(quarter)
        start, end = quarter_span(quarter)
        to_file = list(
            self._closed_in(start, end).where(FormSheet.archived_in.is_null()).order_by(FormSheet.number)
        )
        still_out = list(
            FormSheet.select(*_listed_fields())
            .where(
                FormSheet.state.not_in([RETURNED, VOID]),
                (FormSheet.state == OUT) | FormSheet.visit.is_null(False),
                FormSheet.printed_at < dt.datetime.combine(end, dt.time()),
            )
            .order_by(FormSheet.number)
        )
        batches = list(
            FormArchiveBatch.select().where(FormArchiveBatch.quarter == quarter).order_by(FormArchiveBatch.id)
        )
        return QuarterArchive(
            quarter=quarter,
            opens=end,
            deadline=end.replace(day=ARCHIVE_DAY),
            to_file=to_file,
            still_out=still_out,
            batches=batches,
        )

    def archive(
        self, quarter: str, actor: Staff | None, expected: list[int] | None = None, remarks: str = ""
    ) -> FormArchiveBatch:
        """归档: mark the quarter's returned and voided forms filed, by whom and when.

        `expected` is the list of form ids the person saw; when the ledger changed since, the
        filing is refused so that what is marked is what was put in the box."""
        require(actor, "form.ledger")
        listing = self.quarter_archive(quarter)
        label = quarter_label(listing.quarter)
        today = self.clock.now().date()
        if today < listing.opens:
            raise UserError(
                tr("{label}还没有结束:{opens:%Y-%m-%d} 起才能归档", label=label, opens=listing.opens)
            )
        if not listing.to_file:
            if listing.batches:
                last = listing.batches[-1]
                raise UserError(
                    tr(
                        "{label}的表单已于 {archived_at:%Y-%m-%d %H:%M} 由 {archived_by} 归档,"
                        "没有新的待归档表单",
                        label=label,
                        archived_at=last.archived_at,
                        archived_by=last.archived_by,
                    )
                )
            raise UserError(tr("{label}没有交回或作废的表单,无需归档", label=label))
        if expected is not None and sorted(expected) != sorted(f.id for f in listing.to_file):
            raise UserError(tr("{label}的待归档清单已有变化:请重新查看清单后再归档", label=label))
        with db.atomic():
            batch = FormArchiveBatch.create(
                quarter=listing.quarter,
                archived_at=self.clock.now(),
                archived_by=actor_name(actor)[:40],
                form_count=len(listing.to_file),
                remarks=clean_text(remarks)[:200],
            )
            ids = [f.id for f in listing.to_file]
            for form in FormSheet.select().where(FormSheet.id.in_(ids)):
                form.archived_in = batch
                form.save()
        return batch

    def unfiled_counts(self, today: dt.date | None = None) -> dict[str, int]:
        """Finished quarters with returned or voided forms not yet filed: quarter -> count,
        oldest first (one light query, for the dashboard)."""
        this_quarter = quarter_key(today or self.clock.now().date())
        counts: dict[str, int] = {}
        rows = tuple_rows(
            FormSheet.select(
                FormSheet.state, FormSheet.returned_at, FormSheet.voided_at, FormSheet.printed_at
            ).where(FormSheet.state.in_([RETURNED, VOID]), FormSheet.archived_in.is_null())
        )
        for state, returned_at, voided_at, printed_at in rows:
            when = returned_at if state == RETURNED else (voided_at or printed_at)
            if when is not None:
                day = when if isinstance(when, dt.datetime) else dt.datetime.fromisoformat(str(when))
                quarter = quarter_key(day.date())
                if quarter < this_quarter:
                    counts[quarter] = counts.get(quarter, 0) + 1
        return dict(sorted(counts.items()))

    def quarters_to_archive(self, today: dt.date | None = None) -> list[QuarterArchive]:
        """Every finished quarter with returned or voided forms not yet filed, oldest first."""
        return [self.quarter_archive(q) for q in self.unfiled_counts(today)]

    @staticmethod
    def archive_deadline(quarter: str) -> dt.date:
        """The 10th of the next quarter."""
        return quarter_span(quarter)[1].replace(day=ARCHIVE_DAY)

    def archives_late(self) -> list[QuarterArchive]:
        """Quarters not filed by the 10th of the next quarter (flagged on the dashboard)."""
        today = self.clock.now().date()
        return [q for q in self.quarters_to_archive() if q.late(today)]

    # Keeping and destruction (保管两年,销毁记录) ------------------------------------------
    def keep_years(self) -> int:
        return self.policies.load().visits.form_keep_years

    def destroyable(self, before: dt.date | None = None) -> list[Destroyable]:
        """Filed forms kept for the policy's years after their quarter ended; with `before`,
        only those of quarters that ended by that day. Nothing is ever destroyed by itself."""
        today = self.clock.now().date()
        years = self.keep_years()
        out = []
        query = (
            FormSheet.select(*_listed_fields(), FormArchiveBatch)
            .join(FormArchiveBatch)
            .where(FormSheet.destroyed_in.is_null())
            .order_by(FormSheet.number)
        )
        for form in query:
            batch = form.archived_in
            assert batch is not None  # joined on it
            quarter = batch.quarter
            ended = quarter_span(quarter)[1]
            keep_until = _years_later(ended, years)
            if keep_until <= today and (before is None or ended <= before):
                out.append(Destroyable(form, quarter, keep_until))
        return out

    def destroyable_count(self) -> int:
        """How many filed forms are past their keeping period (for the dashboard; one query)."""
        today = self.clock.now().date()
        years = self.keep_years()
        rows = tuple_rows(
            FormSheet.select(FormArchiveBatch.quarter, pw.fn.COUNT(FormSheet.id))
            .join(FormArchiveBatch)
            .where(FormSheet.destroyed_in.is_null())
            .group_by(FormArchiveBatch.quarter)
        )
        return sum(int(n) for quarter, n in rows if _years_later(quarter_span(quarter)[1], years) <= today)

    def record_destruction(
        self,
        numbers: list[str],
        destroyed_on: dt.date,
        destroyed_by: str,
        actor: Staff | None = None,
        remarks: str = "",
    ) -> FormDestruction:
        """销毁记录: a person says they destroyed these forms on that day. Each number must be
        filed and past its keeping period; the ledger rows stay, marked 已销毁."""
        require(actor, "form.ledger")
        problems: dict[str, str] = {}
        destroyed_by = clean_text(destroyed_by)
        wanted = list(dict.fromkeys(normalise_number(n) for n in numbers if clean_text(n)))
        if not destroyed_by:
            problems["销毁人"] = tr("必须填写")
        if destroyed_on > self.clock.now().date():
            problems["销毁日期"] = tr("不能晚于今天")
        if not wanted:
            problems["表单编号"] = tr("请列出销毁的表单编号")
        if problems:
            raise ValidationError(problems)
        ready = {d.form.number: d for d in self.destroyable()}
        refused = []
        for number in wanted:
            if number in ready:
                continue
            form = FormSheet.get_or_none(FormSheet.number == number)
            if form is None:
                refused.append(tr("{number} 台账里没有", number=number))
            elif form.destroyed_in_id is not None:
                record = FormDestruction.get_by_id(form.destroyed_in_id)
                refused.append(
                    tr(
                        "{number} 已于 {day:%Y-%m-%d} 由 {person} 销毁",
                        number=number,
                        day=record.destroyed_on,
                        person=record.destroyed_by,
                    )
                )
            elif form.archived_in_id is None:
                refused.append(tr("{number} 还没有归档({state})", number=number, state=term(form.state)))
            else:
                batch = FormArchiveBatch.get_by_id(form.archived_in_id)
                until = _years_later(quarter_span(batch.quarter)[1], self.keep_years())
                refused.append(tr("{number} 须保管到 {until:%Y-%m-%d}", number=number, until=until))
        if refused:
            raise UserError(
                tr("以下表单不能登记销毁:{forms}。其余编号也未登记,请改正后重试", forms=tr(";").join(refused))
            )
        with db.atomic():
            record = FormDestruction.create(
                destroyed_on=destroyed_on,
                destroyed_by=destroyed_by[:40],
                recorded_at=self.clock.now(),
                recorded_by=actor_name(actor)[:40],
                numbers="\n".join(wanted),
                form_count=len(wanted),
                remarks=clean_text(remarks)[:200],
            )
            for number in wanted:
                form = ready[number].form
                form.destroyed_in = record
                form.save()
        return record

    def destructions(self) -> list[FormDestruction]:
        return list(FormDestruction.select().order_by(FormDestruction.id.desc()))

    def archive_batches(self) -> list[FormArchiveBatch]:
        return list(FormArchiveBatch.select().order_by(FormArchiveBatch.id.desc()))

    @staticmethod
    def flags(form: FormSheet) -> str:
        """已归档 / 已销毁 beside the state, in the ledger's words."""
        if form.destroyed_in_id is not None:
            return DESTROYED
        if form.archived_in_id is not None:
            return ARCHIVED
        return ""
