"""Rework goes on (返工跟进, seed 000 1.1.9 and 4.5).

After an unsatisfied visit the rework notice (返工通知) goes to the worker within 24 hours
(app/visits/recorder.py) and **the owner is told when the rework will be done**: the date the
rework is promised (`rework_due`) and when, by whom and how the owner was told are recorded on
the notice (`tell_owner`); a notice whose owner was not told within the notice's own 24 hours
is flagged on the dashboard (`followups`).

**An unqualified result after rework goes to the manager and is handled as a new complaint
linked to the first** (seed 000 4.5: 对于回访内容反馈不合格的事件应上报项目处经理,按《客户投诉处理
标准作业规范》办理). A visit after rework (attempt 2 or later) that is unsatisfied again
(`escalate`):
- the first case's timeline says it went to the office manager (by name) and which complaint
  carries the matter on; no further rework loop is run on the first case: it stays 已办结 as it
  is (its own handling is over; the manager closes it in the usual way), no further visit is
  planned on it;
- a NEW complaint (投诉) is taken in for the same room, owner, category and sub-category,
  its account citing the first case and the visit, linked to the first (`Case.linked_from`),
  with its own deadlines from the policy. Its severity is at least 重要: a second failure on
  the same matter after the office's own rework is not a minor matter (重要 brings the CS
  director's visit and the 重要 deadline); a first case that was 重大 stays 重大. Its
  validity is the first complaint's when it had one, else 一类 (our own rework failed).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app import domain
from app.cases import CaseInput, CaseService, actor_name
from app.cases.core import when_text
from app.clock import Clock
from app.errors import UserError, ValidationError
from app.i18n import N_, term, tr
from app.models import Case, ReworkNotice, Staff, Visit, db
from app.permissions import require
from app.validation import clean_text, parse_datetime

TELL_METHODS = [N_("电话"), N_("短信"), N_("上门"), N_("书面通知")]
ESCALATED_SEVERITY = "重要"  # at least: see the module's words


@dataclass(frozen=True)
class UntoldRework:
    """A rework notice whose owner was not told when the rework will be done, past its 24 h."""

    case_id: int
    number: str
    notice_id: int
    due: dt.datetime  # the notice's own deadline (issued + the policy's hours)


@dataclass(frozen=True)
class StillUnqualified:
    """返工后仍不合格: the first case, the complaint it became (still open), the manager."""

    case_id: int
    number: str
    new_case_id: int
    new_number: str
    manager: str


@dataclass
class ReworkFollowups:
    """The dashboard's line: owners not told in time; matters that failed again after rework."""

    untold: list[UntoldRework] = field(default_factory=list)
    still_unqualified: list[StillUnqualified] = field(default_factory=list)


def manager_name() -> str:
    """The office manager (管理处经理) a failed rework goes to: the first active one by name."""
    person = (
        Staff.select()
        .where(Staff.role == "office_manager", Staff.active == True)  # noqa: E712
        .order_by(Staff.name)
        .first()
    )
    return person.name if person is not None else N_("(未设管理处经理账号)")


class ReworkFollowUp:
    def __init__(self, clock: Clock, cases: CaseService) -> None:
        self.clock = clock
        self.cases = cases

    # Reading ----------------------------------------------------------------------------
    def notices_of_case(self, case: Case) -> list[ReworkNotice]:
        return list(ReworkNotice.select().where(ReworkNotice.case == case).order_by(ReworkNotice.id))

    def open_notice(self, case: Case) -> ReworkNotice | None:
        """The latest rework notice whose owner has not been told yet (None: nothing to tell)."""
        return (
            ReworkNotice.select()
            .where(ReworkNotice.case == case, ReworkNotice.owner_told_at.is_null())
            .order_by(ReworkNotice.id.desc())
            .first()
        )

    def linked_from(self, case: Case) -> Case | None:
        """The case whose failed rework this complaint carries on."""
        return Case.get_by_id(case.linked_from_id) if case.linked_from_id else None

    def linked_cases(self, case: Case) -> list[Case]:
        """The complaints this case became (a rework that failed again)."""
        return list(Case.select().where(Case.linked_from == case).order_by(Case.id))

    @staticmethod
    def told_words(notice: ReworkNotice) -> str:
        """'已于 10-09 10:00 电话告知业主(王敏),返工 10-12 17:00 前完成' or the flag."""
        if notice.owner_told_at is None:
            return tr("尚未告知业主返工完成时间(应于 {due} 前告知)", due=when_text(notice.due))
        template = (
            N_("已于 {at} {method}告知业主(超过24小时)({person}),返工 {due} 前完成")
            if notice.owner_told_at > notice.due
            else N_("已于 {at} {method}告知业主({person}),返工 {due} 前完成")
        )
        return tr(
            template,
            at=when_text(notice.owner_told_at),
            method=term(notice.owner_told_method),
            person=notice.owner_told_by,
            due=when_text(notice.rework_due),
        )

    def followups(self, now: dt.datetime) -> ReworkFollowups:
        """What the dashboard flags as of `now`."""
        live = Case.state.not_in([domain.CLOSED, domain.VOID, domain.MERGED])
        untold = [
            UntoldRework(n.case.id, n.case.number, n.id, n.due)
            for n in ReworkNotice.select(ReworkNotice, Case)
            .join(Case, on=(ReworkNotice.case == Case.id))
            .where(ReworkNotice.owner_told_at.is_null(), ReworkNotice.due < now, live)
            .order_by(ReworkNotice.due, ReworkNotice.id)
        ]
        first = Case.alias()
        manager = manager_name()
        still = []
        for c in (
            Case.select(Case, first)
            .join(first, on=(Case.linked_from == first.id))
            .where(Case.state.in_(domain.OPEN_STATES))
            .order_by(Case.received_at, Case.id)
        ):
            origin = c.linked_from
            assert origin is not None  # the join finds it
            still.append(StillUnqualified(origin.id, origin.number, c.id, c.number, manager))
        return ReworkFollowups(untold, still)

    # Telling the owner ------------------------------------------------------------------
    def tell_owner(
        self,
        notice: ReworkNotice,
        rework_due: dt.datetime | str | None,
        method: str,
        told_at: dt.datetime | str | None = None,
        actor: Staff | None = None,
    ) -> ReworkNotice:
        """告知业主返工完成时间: the promised date, and when and how the owner was told (by the
        person acting). Once told it stands; a changed promise is told again the same way."""
        require(actor, "rework.tell_owner")
        now = self.clock.now()
        problems: dict[str, str] = {}
        due = _when(rework_due, N_("返工完成时间"), problems, required=True)
        told = _when(told_at, N_("告知时间"), problems) or now
        if method not in TELL_METHODS:
            problems[N_("告知方式")] = tr(
                "请选择 {choices} 之一", choices=tr("、").join(term(m) for m in TELL_METHODS)
            )
        if "告知时间" not in problems:
            if told > now + dt.timedelta(minutes=10):
                problems[N_("告知时间")] = tr("不能晚于现在")
            elif told < notice.issued_at:
                problems[N_("告知时间")] = tr("不能早于返工通知发出时间 {at}", at=when_text(notice.issued_at))
        if due is not None and "返工完成时间" not in problems and due < told:
            problems[N_("返工完成时间")] = tr("不能早于告知业主的时间 {at}", at=when_text(told))
        if problems:
            raise ValidationError(problems)
        assert due is not None
        case = Case.get_by_id(notice.case_id)
        by = actor_name(actor)
        with db.atomic():
            again = notice.owner_told_at is not None
            notice.rework_due = due
            notice.owner_told_at = told
            notice.owner_told_by = by[:40]
            notice.owner_told_method = method
            notice.save()
            late = ",已超过返工通知的24小时" if told > notice.due else ""
            verb = "再次告知业主" if again else "告知业主"
            self.cases.log(
                case,
                domain.EV_NOTE,
                f"{verb}返工完成时间:{when_text(due)} 前({method},{by},{when_text(told)}{late})",
                actor,
            )
        return notice

    # A rework that failed again ---------------------------------------------------------
    def escalate(self, visit: Visit, actor: Staff | None = None) -> Case:
        """返工后仍不合格: to the office manager, and a new complaint linked to the first.
        Runs inside the visit's own transaction (`VisitRecorder.complete`)."""
        first = Case.get_by_id(visit.case_id)
        if visit.attempt < 2:
            raise UserError(tr("第{attempt}次回访不是返工后的回访,按返工处理", attempt=visit.attempt))
        policy = self.cases.policy()
        channels = policy.channels
        channel = "电话" if visit.method == "电话" else "来访"
        if channel not in channels:
            channel = channels[0]
        severity = "重大" if first.severity == "重大" else ESCALATED_SEVERITY
        done = visit.done_at or self.clock.now()
        said = visit.opinion or visit.shortcomings or "见回访记录"
        account = (
            f"原案 {first.number}({first.kind}·{first.category}"
            f"{'·' + first.subcategory if first.subcategory else ''})返工后,"
            f"{done:%Y-%m-%d} 第{visit.attempt}次回访业主仍{visit.satisfaction}:{said}"
        )
        inp = CaseInput(
            account=account,
            kind="投诉",
            received_at=done,
            channel=channel,
            anonymous=False,
            room=first.room_label,
            customer_name=first.customer_name,
            customer_phone=first.customer_phone,
            validity=first.validity if first.kind == "投诉" and first.validity else "一类",
            severity=severity,
            category=first.category if first.category in policy.categories else "其他",
            subcategory=first.subcategory,
            urgency=first.urgency,
            request=clean_text(first.request) or "彻底解决,不再返工",
            department=first.department.name if first.department is not None else "",
        )
        manager = manager_name()
        with db.atomic():
            checked = self.cases.check(inp, policy)
            new = self.cases._create_checked(checked, policy, actor)
            new.linked_from = first
            if first.owner_id:
                new.owner = first.owner
            new.save()
            self.cases.log(
                new,
                domain.EV_NOTE,
                f"由 {first.number} 返工后回访仍不合格转来,已上报管理处经理 {manager}",
                actor,
            )
            self.cases.log(
                first,
                domain.EV_VISIT,
                f"返工后第{visit.attempt}次回访仍{visit.satisfaction}:上报管理处经理 {manager},"
                f"另立投诉 {new.number}({severity})按投诉处理,本案不再返工",
                actor,
            )
        return new


def _when(
    raw: dt.datetime | str | None, label: str, problems: dict[str, str], required: bool = False
) -> dt.datetime | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if required:
            problems[label] = tr("必须填写")
        return None
    if isinstance(raw, dt.datetime):
        return raw
    try:
        return parse_datetime(raw)
    except ValueError as exc:
        problems[label] = str(exc)
        return None
