"""转交开发商: a developer-caused (二类) case leaves the office in writing (seed 001: 涉及地产的投诉
以书面形式报送地产客户服务中心; 由地产负责处理的投诉物业服务中心应及时跟进并了解进展情况,定期向业主反馈).

A 工作联系函 (`Referral`) is made with its number (LXH-2026-0001) when the letter is drawn up;
登记发出 records when and how it left (送达/邮寄/电子邮件) and sets the reply's due date
(policy `referral.reply_days`, working days by default: the seeds give no number, 5 is ours);
登记回复 records the developer's answer; 跟进 records each follow-up with the next date to ask
again; 结束 closes the referral when the developer's part is done. A letter sent and not
answered by its due date is 逾期 (the dashboard's 开发商未回复).

Which cases may be forwarded: a complaint graded 二类 (`Case.validity`), or any case whose
category is one of the policy's `referral.categories` (default 地产遗留: a repair of a house
defect the developer answers for). The case's own handling goes on meanwhile: the owner is
still answered by the office, and the case may be 办结 with the referral unanswered; the
referral then stays open on the dashboard until the developer replies or it is closed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app import domain
from app.cases import CaseService, actor_name, next_number
from app.clock import Clock
from app.errors import UserError, ValidationError
from app.i18n import N_, term, tr
from app.models import Case, Referral, ReferralFollowUp, Staff, db
from app.owners import mask_phone
from app.periods import Period
from app.permissions import require
from app.policy import PolicyStore
from app.policy_sections import ReferralSettings
from app.validation import MAX_TEXT, check_length, clean_text, parse_datetime
from app.workdays import WorkCalendar

EV_REFERRAL = N_("转交开发商")  # the timeline's word for every referral step
METHODS = [N_("送达"), N_("邮寄"), N_("电子邮件")]
# A referral's state as the case window and the dashboard say it.
DRAFTED = N_("待发出")
WAITING = N_("待回复")
OVERDUE = N_("逾期未回复")
REPLIED = N_("已回复")
CLOSED = N_("已结束")
# Cases that may not be forwarded any more (their matter is carried by another case, or void).
_NOT_REFERABLE = (domain.MERGED, domain.VOID, domain.CLOSED)
_FINISHED = (domain.MERGED, domain.VOID)  # no step at all on their referrals


def referral_state(referral: Referral, today: dt.date) -> str:
    """待发出 / 待回复 / 逾期未回复 / 已回复 / 已结束."""
    if referral.closed_at is not None:
        return CLOSED
    if referral.replied_at is not None:
        return REPLIED
    if referral.sent_at is None:
        return DRAFTED
    if referral.reply_due is not None and referral.reply_due < today:
        return OVERDUE
    return WAITING


def referral_reason(case: Case, categories: list[str]) -> str:
    """Why this case may be forwarded to the developer ('' when it may not)."""
    if case.kind == "投诉" and case.validity == "二类":
        return term("有效投诉·二类")
    if case.category in categories:
        return tr("类别为{category}", category=term(case.category))
    return ""


@dataclass(frozen=True)
class ReferralLine:
    """One open referral as the dashboard lists it (开发商未回复)."""

    referral_id: int
    number: str
    case_id: int
    case_number: str
    state: str  # 待发出 / 待回复 / 逾期未回复
    reply_due: dt.date | None
    next_follow_up: dt.date | None

    @property
    def overdue(self) -> bool:
        return self.state == OVERDUE


@dataclass(frozen=True)
class ReferralCounts:
    """A period's 二类 cases forwarded to the developer: for the quarterly report."""

    referred: int  # cases with a letter made in the period
    letters: int  # letters made in the period
    sent: int
    answered: int  # of those, answered by the developer (by the period's end)
    overdue: int  # sent, not answered, past their due date at the period's end (or today)

    def to_json(self) -> dict[str, int]:
        return {
            "referred": self.referred,
            "letters": self.letters,
            "sent": self.sent,
            "answered": self.answered,
            "overdue": self.overdue,
        }


@dataclass
class ReferralLetterData:
    """What the printed 工作联系函 shows (reports/referral_letter.py)."""

    number: str
    to_whom: str
    made_at: dt.datetime
    sent_at: dt.datetime | None
    method: str
    reply_due: dt.date | None
    reply_days: int  # the policy's days, printed while the letter is not sent yet
    reply_unit: str  # calendar | working
    case_number: str
    received_at: dt.datetime
    kind: str
    validity: str
    category: str
    room: str
    customer: str
    phone: str
    event: str
    account: str
    request: str
    content: str
    made_by: str
    reply_text: str
    replied_at: dt.datetime | None


class ReferralService:
    """The office's referrals to the developer: made, sent, answered, followed up, closed."""

    def __init__(self, clock: Clock, policies: PolicyStore, cases: CaseService) -> None:
        self.clock = clock
        self.policies = policies
        self.cases = cases

    # Reading -------------------------------------------------------------------------
    def get(self, referral_id: int) -> Referral:
        referral = Referral.get_or_none(Referral.id == referral_id)
        if referral is None:
            raise UserError(tr("找不到第 {id} 号工作联系函", id=referral_id))
        return referral

    def for_case(self, case: Case) -> list[Referral]:
        """The case's letters to the developer, oldest first."""
        return list(Referral.select().where(Referral.case == case).order_by(Referral.id))

    def follow_ups(self, referral: Referral) -> list[ReferralFollowUp]:
        return list(
            ReferralFollowUp.select()
            .where(ReferralFollowUp.referral == referral)
            .order_by(ReferralFollowUp.at, ReferralFollowUp.id)
        )

    def rule(self) -> ReferralSettings:
        """The policy's referral settings (to whom, the reply's days and how they are counted)."""
        return self.policies.load().referral

    def reason(self, case: Case) -> str:
        """Why the case may be forwarded ('' when it may not): 二类, or a category the policy names."""
        return referral_reason(case, self.policies.load().referral.categories)

    def can_refer(self, case: Case) -> bool:
        return bool(self.reason(case)) and case.state not in _NOT_REFERABLE

    def state(self, referral: Referral) -> str:
        return referral_state(referral, self.clock.now().date())

    def reply_due(self, sent_at: dt.datetime) -> dt.date:
        """The day the developer's reply is due: the policy's days after the letter was sent."""
        rule = self.policies.load().referral
        return WorkCalendar.from_database().add(sent_at, rule.reply_days, rule.unit).date()

    def overdue(self, as_of: dt.date | None = None) -> list[Referral]:
        """Letters sent and not answered (nor closed) whose reply was due before `as_of`."""
        day = as_of or self.clock.now().date()
        return list(
            Referral.select(Referral, Case)
            .join(Case)
            .where(
                Referral.sent_at.is_null(False),
                Referral.replied_at.is_null(),
                Referral.closed_at.is_null(),
                Referral.reply_due < day,
                Case.state.not_in(_FINISHED),
            )
            .order_by(Referral.reply_due, Referral.id)
        )

    def open_lines(self, today: dt.date | None = None) -> list[ReferralLine]:
        """Letters not answered by the developer (nor closed): 逾期 first, then by due date."""
        day = today or self.clock.now().date()
        query = (
            Referral.select(Referral, Case)
            .join(Case)
            .where(
                Referral.replied_at.is_null(),
                Referral.closed_at.is_null(),
                Case.state.not_in(_FINISHED),
            )
            .order_by(Referral.id)
        )
        rows = list(query)
        nexts: dict[int, dt.date] = {}
        if rows:
            for f in (
                ReferralFollowUp.select()
                .where(ReferralFollowUp.referral.in_([r.id for r in rows]))
                .order_by(ReferralFollowUp.at, ReferralFollowUp.id)
            ):
                if f.next_date is not None:
                    nexts[f.referral_id] = f.next_date
                else:
                    nexts.pop(f.referral_id, None)
        lines = [
            ReferralLine(
                r.id, r.number, r.case.id, r.case.number, referral_state(r, day), r.reply_due, nexts.get(r.id)
            )
            for r in rows
        ]
        return sorted(lines, key=lambda x: (not x.overdue, x.reply_due or dt.date.max, x.referral_id))

    def counts(self, period: Period, as_of: dt.date | None = None) -> ReferralCounts:
        """Letters made in the period: how many, sent, answered and overdue at its end (or
        `as_of` when the period is still running)."""
        return referral_counts(period, as_of)

    def letter_data(self, referral: Referral, actor: Staff | None = None) -> ReferralLetterData:
        """The letter as printed: the case's facts as the office may disclose them (the
        caller's phone masked unless the policy says the letter carries it; no ID number).
        Printed by those who send it (the front desk)."""
        require(actor, "referral.edit")
        case = Case.get_by_id(referral.case_id)
        rule = self.policies.load().referral
        phone = "" if case.anonymous else str(case.customer_phone or "")
        event = " ".join(
            p for p in (f"{case.event_time:%Y-%m-%d %H:%M}" if case.event_time else "", case.event_place) if p
        )
        return ReferralLetterData(
            number=referral.number,
            to_whom=referral.to_whom,
            made_at=referral.made_at,
            sent_at=referral.sent_at,
            method=referral.method,
            reply_due=referral.reply_due,
            reply_days=rule.reply_days,
            reply_unit=rule.unit,
            case_number=case.number,
            received_at=case.received_at,
            kind=case.kind,
            validity=domain.VALIDITY_LABELS.get(case.validity or "", ""),
            category=case.category,
            room=case.room_label,
            customer="匿名" if case.anonymous else case.customer_name,
            phone=phone if rule.show_phone else mask_phone(phone),
            event=event,
            account=case.account,
            request=case.request,
            content=referral.content,
            made_by=referral.made_by,
            reply_text=referral.reply_text,
            replied_at=referral.replied_at,
        )

    # Writing -------------------------------------------------------------------------
    def refer(self, case: Case, content: str, to_whom: str = "", actor: Staff | None = None) -> Referral:
        """转交: the 工作联系函 is made and numbered (LXH-<year>-0001); a line on the timeline."""
        require(actor, "referral.edit")
        case = self.cases.get(case.id)
        rule = self.policies.load().referral
        if not referral_reason(case, rule.categories):
            categories = tr("、").join(term(c) for c in rule.categories) or tr("(制度未设)")
            raise UserError(
                tr(
                    "案件 {number} 不是开发商原因的投诉:只有有效投诉·二类,或类别为{categories}的案件"
                    "才能转交开发商。如确属开发商原因,请先把有效性改为“二类”(重新定级)",
                    number=case.number,
                    categories=categories,
                )
            )
        if case.state in _NOT_REFERABLE:
            raise UserError(
                tr("案件 {number} 当前为“{state}”,不能转交开发商", number=case.number, state=term(case.state))
            )
        problems: dict[str, str] = {}
        content = clean_text(content)
        to_whom = clean_text(to_whom) or rule.to
        if not content:
            problems[N_("转交事项")] = tr("必须填写,例如 请派人检修外墙渗水并于回复期限前书面答复")
        elif reason := check_length(content, MAX_TEXT):
            problems[N_("转交事项")] = reason
        if reason := check_length(to_whom, 60):
            problems[N_("收函单位")] = reason
        if problems:
            raise ValidationError(problems)
        now = self.clock.now()
        with db.atomic():
            referral = Referral.create(
                case=case,
                number=f"LXH-{now.year}-{next_number(f'referral-{now.year}'):04d}",
                to_whom=to_whom,
                content=content,
                made_at=now,
                made_by=actor_name(actor),
            )
            self.cases.log(case, EV_REFERRAL, f"工作联系函 {referral.number} 致{to_whom}:{content}", actor)
        return referral

    def record_sent(
        self,
        referral: Referral,
        method: str,
        at: dt.datetime | str | None = None,
        by: str = "",
        actor: Staff | None = None,
    ) -> Referral:
        """登记发出: when and how the letter left; the reply is due the policy's days later."""
        require(actor, "referral.edit")
        referral = self.get(referral.id)
        case = self._open_case(referral)
        if referral.sent_at is not None:
            raise UserError(
                tr(
                    "工作联系函 {number} 已于 {at} 登记发出",
                    number=referral.number,
                    at=f"{referral.sent_at:%Y-%m-%d %H:%M}",
                )
            )
        problems: dict[str, str] = {}
        method = clean_text(method)
        by = clean_text(by) or actor_name(actor)
        if method not in METHODS:
            problems[N_("发出方式")] = tr("只能是 {choices}", choices=tr("、").join(term(m) for m in METHODS))
        if reason := check_length(by, 40):
            problems[N_("经办人")] = reason
        when = self._when(at, referral.made_at, N_("发出时间"), N_("制函时间"), problems)
        if problems:
            raise ValidationError(problems)
        with db.atomic():
            referral.sent_at = when
            referral.sent_by = by
            referral.method = method
            referral.reply_due = self.reply_due(when)
            referral.save()
            self.cases.log(
                case,
                EV_REFERRAL,
                f"工作联系函 {referral.number} 已{method}至{referral.to_whom}({when:%Y-%m-%d %H:%M},{by}),"
                f"请于 {referral.reply_due:%Y-%m-%d} 前回复",
                actor,
            )
        return referral

    def record_reply(
        self, referral: Referral, text: str, at: dt.datetime | str | None = None, actor: Staff | None = None
    ) -> Referral:
        """登记回复: the developer's answer (what they will do, by when)."""
        require(actor, "referral.edit")
        referral = self.get(referral.id)
        case = self._open_case(referral)
        if referral.sent_at is None:
            raise UserError(
                tr(
                    "工作联系函 {number} 还没有登记发出:请先登记发出,再登记开发商的回复",
                    number=referral.number,
                )
            )
        if referral.replied_at is not None:
            raise UserError(
                tr(
                    "工作联系函 {number} 已于 {at} 登记回复",
                    number=referral.number,
                    at=f"{referral.replied_at:%Y-%m-%d %H:%M}",
                )
            )
        problems: dict[str, str] = {}
        text = clean_text(text)
        if not text:
            problems[N_("回复内容")] = tr("必须填写,例如 开发商已安排施工单位 10 月 15 日前维修")
        elif reason := check_length(text, MAX_TEXT):
            problems[N_("回复内容")] = reason
        when = self._when(at, referral.sent_at, N_("回复时间"), N_("发出时间"), problems)
        if problems:
            raise ValidationError(problems)
        with db.atomic():
            referral.replied_at = when
            referral.reply_text = text
            referral.save()
            late = referral.reply_due is not None and when.date() > referral.reply_due
            flag = f"(超过回复期限 {referral.reply_due:%Y-%m-%d})" if late and referral.reply_due else ""
            self.cases.log(case, EV_REFERRAL, f"开发商回复工作联系函 {referral.number}{flag}:{text}", actor)
        return referral

    def add_follow_up(
        self,
        referral: Referral,
        note: str,
        next_date: dt.date | str | None = None,
        at: dt.datetime | str | None = None,
        by: str = "",
        actor: Staff | None = None,
    ) -> ReferralFollowUp:
        """跟进: the office asked the developer how it stands (and told the owner); the next
        follow-up date, when there will be one."""
        require(actor, "referral.edit")
        referral = self.get(referral.id)
        case = self._open_case(referral)
        if referral.closed_at is not None:
            raise UserError(tr("工作联系函 {number} 已结束,不能再登记跟进", number=referral.number))
        problems: dict[str, str] = {}
        note = clean_text(note)
        by = clean_text(by) or actor_name(actor)
        if not note:
            problems[N_("跟进情况")] = tr("必须填写,例如 电话询问开发商客服,答复下周安排维修;已告知业主")
        elif reason := check_length(note, MAX_TEXT):
            problems[N_("跟进情况")] = reason
        if reason := check_length(by, 40):
            problems[N_("跟进人")] = reason
        when = self._when(at, referral.made_at, N_("跟进时间"), N_("制函时间"), problems)
        day: dt.date | None = None
        if next_date not in (None, ""):
            try:
                day = parse_datetime(next_date).date()
            except ValueError as exc:
                problems[N_("下次跟进日期")] = str(exc)
            else:
                if day <= when.date():
                    problems[N_("下次跟进日期")] = tr("须晚于本次跟进日期 {date}", date=f"{when:%Y-%m-%d}")
        if problems:
            raise ValidationError(problems)
        with db.atomic():
            follow = ReferralFollowUp.create(referral=referral, at=when, by=by, note=note, next_date=day)
            after = f",下次跟进 {day:%Y-%m-%d}" if day else ""
            self.cases.log(case, EV_REFERRAL, f"跟进工作联系函 {referral.number}({by}{after}):{note}", actor)
        return follow

    def close(self, referral: Referral, note: str, actor: Staff | None = None) -> Referral:
        """结束: the developer's part is done (or the matter no longer needs them), with why."""
        require(actor, "referral.edit")
        referral = self.get(referral.id)
        case = self._open_case(referral)
        if referral.closed_at is not None:
            raise UserError(
                tr(
                    "工作联系函 {number} 已于 {at} 结束",
                    number=referral.number,
                    at=f"{referral.closed_at:%Y-%m-%d %H:%M}",
                )
            )
        note = clean_text(note)
        if not note:
            raise ValidationError({N_("结束说明"): tr("必须填写,例如 开发商已维修完毕,业主确认")})
        if reason := check_length(note, MAX_TEXT):
            raise ValidationError({N_("结束说明"): reason})
        with db.atomic():
            referral.closed_at = self.clock.now()
            referral.close_note = note
            referral.save()
            self.cases.log(case, EV_REFERRAL, f"工作联系函 {referral.number} 结束:{note}", actor)
        return referral

    # Helpers -------------------------------------------------------------------------
    def _open_case(self, referral: Referral) -> Case:
        case = self.cases.get(referral.case_id)
        if case.state in _FINISHED:
            raise UserError(
                tr(
                    "案件 {number} 当前为“{state}”,其工作联系函不能再登记",
                    number=case.number,
                    state=term(case.state),
                )
            )
        return case

    def _when(
        self,
        at: dt.datetime | str | None,
        earliest: dt.datetime,
        label: str,
        earliest_label: str,
        problems: dict[str, str],
    ) -> dt.datetime:
        """A time typed in (None: now), not before `earliest` nor after now."""
        now = self.clock.now()
        if at is None or at == "":
            return now
        try:
            when = parse_datetime(at)
        except ValueError as exc:
            problems[label] = str(exc)
            return now
        if when < earliest.replace(second=0, microsecond=0):
            problems[label] = tr(
                "不能早于{label} {at}", label=term(earliest_label), at=f"{earliest:%Y-%m-%d %H:%M}"
            )
        elif when > now + dt.timedelta(minutes=10):
            problems[label] = tr("不能晚于现在")
        return when


def referral_counts(period: Period, as_of: dt.date | None = None) -> ReferralCounts:
    """The period's letters to the developer (by the day each was made): how many cases,
    sent, answered and overdue at the period's end, or at `as_of` while it runs (截至)."""
    end = period.end if as_of is None else min(period.end, as_of)
    end_at = dt.datetime.combine(end + dt.timedelta(days=1), dt.time())
    rows = list(
        Referral.select(Referral, Case)
        .join(Case)
        .where(
            Referral.made_at >= period.start_at,
            Referral.made_at < period.end_at,
            Case.state.not_in(_FINISHED),
        )
    )
    sent = [r for r in rows if r.sent_at is not None and r.sent_at < end_at]
    answered = [r for r in sent if r.replied_at is not None and r.replied_at < end_at]
    overdue = [
        r
        for r in sent
        if (r.replied_at is None or r.replied_at >= end_at)
        and (r.closed_at is None or r.closed_at >= end_at)
        and r.reply_due is not None
        and r.reply_due < end
    ]
    return ReferralCounts(len({r.case.id for r in rows}), len(rows), len(sent), len(answered), len(overdue))
