"""先行处置 (contain first, seed 002): a case that harms the owner right now — water pouring
through a ceiling, a lift with someone in it — is contained first and handled after. Intake
marks it (需先行处置) and gives it its own short deadline, the policy's `contain_hours` on
the clock after receipt (harm does not wait for a working day). The containment is recorded
here: who did it, when, and what was done; 办结 is refused until it is (app/cases/lifecycle.py).

Re-grading (app/cases/regrade.py) leaves the mark and its deadline as they are: the urgency
may change, the harm already done does not. The office marks a case later with `mark_contain`
(deadline: the policy's hours from the moment it is marked)."""

from __future__ import annotations

import datetime as dt

from app import case_states, domain
from app.cases.core import CaseCore, actor_name, when_text
from app.errors import UserError, ValidationError
from app.i18n import N_, tr
from app.models import Case, Staff, db
from app.permissions import current_person, require
from app.validation import MAX_TEXT, check_length, clean_text


def contain_late(case: Case, now: dt.datetime) -> bool:
    """Whether the containment is (or was) later than its deadline."""
    if not case.contain_needed or case.contain_due is None:
        return False
    done = case.contained_at
    return (done if done is not None else now) > case.contain_due


def contain_status(case: Case, now: dt.datetime) -> str:
    """'' (none needed), 'done', 'done_late', 'overdue' or 'pending'."""
    if not case.contain_needed:
        return ""
    if case.contained_at is not None:
        return "done_late" if contain_late(case, now) else "done"
    return "overdue" if contain_late(case, now) else "pending"


class Containment(CaseCore):
    """先行处置: recording it, and marking a case that needs it after intake."""

    def contain(
        self,
        case: Case,
        what: str,
        actor: Staff | None = None,
        by: str = "",
        at: dt.datetime | None = None,
    ) -> None:
        """Record the containment: what was done (`what`), by whom (`by`, else the person
        acting) and when (`at`, else now; never before receipt nor in the future)."""
        require(actor, "case.contain")
        self._require(case, case_states.CONTAIN)
        if not case.contain_needed:
            raise UserError(tr("案件 {number} 没有标记“需先行处置”,不必记录先行处置", number=case.number))
        if case.contained_at is not None:
            raise UserError(
                tr(
                    "案件 {number} 已于 {at} 由{person}先行处置,不能重复记录",
                    number=case.number,
                    at=f"{case.contained_at:%m-%d %H:%M}",
                    person=case.contained_by,
                )
            )
        now = self.clock.now()
        what = clean_text(what)
        who = actor if actor is not None else current_person()
        by = clean_text(by) or actor_name(who)
        at = at or now
        problems: dict[str, str] = {}
        if not what:
            problems[N_("处置措施")] = tr("必须写明做了什么(例如:已关闭总阀、已派人到场)")
        elif reason := check_length(what, MAX_TEXT):
            problems[N_("处置措施")] = reason
        if reason := check_length(by, 40):
            problems[N_("处置人")] = reason
        if at > now + dt.timedelta(minutes=10):
            problems[N_("处置时间")] = tr("不能晚于现在")
        elif at < case.received_at:
            problems[N_("处置时间")] = tr("不能早于受理时间 {at}", at=f"{case.received_at:%Y-%m-%d %H:%M}")
        if problems:
            raise ValidationError(problems)
        with db.atomic():
            case.contained_at = at
            case.contained_by = by
            case.containment = what
            late = ""
            if case.contain_due is not None and at > case.contain_due:
                late = f"(超过先行处置期限 {when_text(case.contain_due)})"
            self._event(case, domain.EV_CONTAINED, f"{by}先行处置{late}:{what}", actor, at=at)
            self._touch(case)

    def mark_contain(self, case: Case, actor: Staff | None = None) -> None:
        """需先行处置 marked after intake (the harm came to light later): the deadline is the
        policy's hours from now."""
        require(actor, "case.contain")
        self._require(case, case_states.CONTAIN)
        if case.contain_needed:
            raise UserError(
                tr(
                    "案件 {number} 已标记需先行处置(期限 {due})",
                    number=case.number,
                    due=when_text(case.contain_due),
                )
            )
        now = self.clock.now()
        with db.atomic():
            case.contain_needed = True
            case.contain_due = now + self.policy().contain_within
            self._event(
                case, domain.EV_CONTAINED, f"标记为需先行处置,期限 {when_text(case.contain_due)}", actor
            )
            self._touch(case)
