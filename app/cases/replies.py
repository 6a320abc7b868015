"""Replies and letters: the major-complaint report (重大投诉报告), the owner who asked only for
a written reply and the reply letter (复函) attached, the printed record sheet and a revealed
phone number (both in the audit trail), the clear answer (明确答复) of a major complaint, and
whether the first reply or the clear answer came late."""

from __future__ import annotations

import contextlib
import datetime as dt

from app import audit, case_states, domain
from app.cases.core import CaseCore, actor_name, when_text
from app.errors import UserError, ValidationError
from app.i18n import N_, term, tr
from app.models import Case, MajorReport, ReplyLetter, Staff, acting_as, db
from app.permissions import require
from app.validation import MAX_TEXT, check_length, clean_text, parse_datetime


class Replies(CaseCore):
    """The major-complaint report, written replies and reply letters, the clear answer."""

    def save_major_report(
        self, case: Case, fields: dict[str, str], submit: bool, actor: Staff | None = None
    ) -> MajorReport:
        """The major-complaint report; submitting needs every part filled."""
        require(actor, "major_report.edit")
        report = MajorReport.get_or_none(MajorReport.case == case)
        if report is None:
            raise UserError(tr("{number} 不是重大投诉,没有报告", number=case.number))
        if report.cancelled_at is not None:
            raise UserError(
                tr(
                    "{number} 已不是重大投诉,报告已取消({reason}),不必再填写",
                    number=case.number,
                    reason=report.cancel_reason,
                )
            )
        labels = {
            "content": N_("投诉内容"),
            "cause": N_("原因"),
            "handling": N_("处理经过"),
            "result": N_("处理结果"),
            "lessons": N_("经验教训"),
            "corrective": N_("纠正预防措施"),
        }
        values = {k: clean_text(fields.get(k, getattr(report, k))) for k in labels}
        problems = {labels[k]: r for k, v in values.items() if (r := check_length(v, MAX_TEXT))}
        if submit:
            problems.update({labels[k]: tr("提交前必须填写") for k, v in values.items() if not v})
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
            raise UserError(tr("只有投诉才能标记为只要求书面答复"))
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
        if not case_states.applies_to(case, case_states.REPLY_LETTER):
            raise UserError(
                tr(
                    "案件 {number} 的业主没有要求书面答复:复函只附在“只要求书面答复”的案件上",
                    number=case.number,
                )
            )
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
            raise UserError(tr("{number} 不是重大投诉,没有明确答复期限", number=case.number))
        self._require(case, case_states.ANSWER)
        problems: dict[str, str] = {}
        by = clean_text(by)
        text = clean_text(text)
        method = clean_text(method)
        if not by:
            problems[N_("答复人")] = tr("必须填写")
        elif reason := check_length(by, 40):
            problems[N_("答复人")] = reason
        if method not in ANSWER_METHODS:
            problems[N_("答复方式")] = tr(
                "只能是 {choices}", choices=tr("、").join(term(m) for m in ANSWER_METHODS)
            )
        if not text:
            problems[N_("答复内容")] = tr("必须填写,例如 向业主说明调查结果和处理方案")
        elif reason := check_length(text, MAX_TEXT):
            problems[N_("答复内容")] = reason
        when = case.received_at
        try:
            when = parse_datetime(at)
        except ValueError as exc:
            problems[N_("答复时间")] = str(exc)
        else:
            if when < case.received_at:
                problems[N_("答复时间")] = tr(
                    "不能早于受理时间 {at}", at=f"{case.received_at:%Y-%m-%d %H:%M}"
                )
            elif when > self.clock.now() + dt.timedelta(minutes=10):
                problems[N_("答复时间")] = tr("不能晚于现在")
        if problems:
            raise ValidationError(problems)
        with db.atomic():
            report.answered_at = when
            report.answered_by = by
            report.answer_method = method
            report.answer_text = text
            report.save()
            late = when > case.answer_due
            flag = f",超过明确答复期限 {when_text(case.answer_due)}" if late else ""
            self._event(
                case, domain.EV_NOTE, f"明确答复({method},{by},{when_text(when)}{flag}):{text}", actor
            )
            if case.first_response_at is None or when < case.first_response_at:
                case.first_response_at = when
            self._touch(case)
        return report


ANSWER_METHODS = [N_("面谈"), N_("电话"), N_("书面"), N_("短信/微信")]

# 复函 files: PDF, images and Word, known by their first bytes (not only by their name).
_REPLY_KINDS = {
    ".pdf": ("PDF", (b"%PDF",)),
    ".png": (N_("图片"), (b"\x89PNG",)),
    ".jpg": (N_("图片"), (b"\xff\xd8\xff",)),
    ".jpeg": (N_("图片"), (b"\xff\xd8\xff",)),
    ".docx": ("Word", (b"PK\x03\x04",)),
    ".doc": ("Word", (b"\xd0\xcf\x11\xe0",)),
}
MAX_REPLY_BYTES = 20 * 1024 * 1024


def reply_file_kind(name: str, data: bytes) -> str:
    """'PDF' / '图片' / 'Word' for a reply letter; raises UserError saying what to do."""
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in _REPLY_KINDS:
        raise UserError(tr("复函只能是 PDF、图片(PNG/JPG)或 Word(DOC/DOCX)文件,请另存为这些格式后再附上"))
    if not data:
        raise UserError(tr("文件“{name}”是空的,请选择复函的原文件", name=name))
    if len(data) > MAX_REPLY_BYTES:
        raise UserError(tr("文件“{name}”大于 20 MB,请压缩或扫描为较小的 PDF 后再附上", name=name))
    label, magics = _REPLY_KINDS[suffix]
    if not any(data.startswith(m) for m in magics):
        raise UserError(
            tr(
                "文件“{name}”的内容不是{kind}文件(可能已损坏或扩展名不对),请检查后重新选择",
                name=name,
                kind=term(label),
            )
        )
    return label


def _caller(case: Case) -> str:
    return "匿名" if case.anonymous else (case.customer_name or "未留姓名")


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, round(n / 1024))} KB"


def first_reply_late(case: Case, as_of: dt.datetime) -> bool:
    """A first reply later than its deadline (首次回复期限), or none by the deadline.

    办结 is not a first reply: a case finished without a reply has none (`resolve` leaves
    `first_response_at` empty), so it is late once its deadline has passed, finished or not.
    An anonymous case has nobody to reply to and is never late (`app.late_replies.reply_late`)."""
    from app.late_replies import reply_late

    return reply_late(case.anonymous, case.state, case.response_due, case.first_response_at, as_of)


def clear_answer_late(case: Case, report: MajorReport | None, as_of: dt.datetime) -> bool:
    """The major complaint's 明确答复 given after its deadline, or not yet given past it."""
    if case.answer_due is None or report is None or report.cancelled_at is not None:
        return False
    if report.answered_at is not None:
        return bool(report.answered_at > case.answer_due)
    return bool(case.answer_due < as_of) and case.state not in (domain.VOID, domain.MERGED)
