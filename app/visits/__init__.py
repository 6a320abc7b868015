"""Follow-up visits (回访): one `VisitService` the windows, the reports and the command line
call, made of the parts that do the work:

- `rules`    which methods a visit may use, when the customer signs, the shown state, quarters;
- `sampling` which handled cases are visited (the sample, per kind and quarter);
- `planner`  planning, adding and dropping by hand, batch rounds, moving and assigning;
- `recorder` attempts, the result, signatures, reviews and rework;
- `letters`  open letters, rework notices delivered, questions answered;
- `calendar` the calendar's counts and lists and the rows the windows show.

When a case is handled (办结) its visit is planned at once, or the sample says why not.
"""

from __future__ import annotations

import datetime as dt
import random

import peewee as pw

from app.calendar_days import day_marks
from app.cases import CaseService
from app.clock import Clock
from app.errors import UserError
from app.forms import FormLedger
from app.i18n import tr
from app.models import (
    Case,
    Department,
    OpenLetter,
    ReworkNotice,
    Room,
    Signature,
    Staff,
    Visit,
    VisitAttempt,
    VisitDecision,
    VisitReview,
    VisitTask,
    db,
)
from app.permissions import require
from app.policy import PolicyStore
from app.staff import StaffService
from app.visit_policy import VisitRule
from app.visits.calendar import UNASSIGNED, VisitCalendar, VisitFilter, VisitRow
from app.visits.letters import VisitLetters
from app.visits.planner import DOER_ROLES, VisitPlanner, repairers
from app.visits.recorder import REVIEW_LEVELS, VisitRecorder, VisitResult
from app.visits.rules import (
    ATTEMPT_OUTCOMES,
    CALENDAR_STATES,
    OPEN_VISIT_STATES,
    OVERDUE,
    PERIODIC_PURPOSES,
    UNSATISFIED,
    allowed_methods,
    require_open,
    signature_needed,
)
from app.visits.sampling import QuarterSample, VisitSampler
from app.visits.visitors import assign_second, needs_two, set_large_loss

__all__ = [
    "ATTEMPT_OUTCOMES",
    "CALENDAR_STATES",
    "OPEN_VISIT_STATES",
    "OVERDUE",
    "PERIODIC_PURPOSES",
    "REVIEW_LEVELS",
    "UNASSIGNED",
    "UNSATISFIED",
    "VisitFilter",
    "VisitResult",
    "VisitRow",
    "VisitService",
]


class VisitService:
    """The visits as the rest of the program sees them; each method hands on to its part."""

    REVIEW_LEVELS = REVIEW_LEVELS
    DOER_ROLES = DOER_ROLES

    def __init__(
        self,
        clock: Clock,
        policies: PolicyStore,
        cases: CaseService,
        staff: StaffService,
        seed: int | None = None,
    ) -> None:
        self.clock = clock
        self.policies = policies
        self.cases = cases
        self.staff = staff
        self.forms = FormLedger(clock, policies)  # the paper form a visit is recorded on
        self.sampler = VisitSampler(clock, seed)
        self.planner = VisitPlanner(clock, policies, cases, staff, self.sampler)
        self.recorder = VisitRecorder(clock, policies, cases, self.forms, self.planner)
        self.letters = VisitLetters(clock, cases)
        self.calendar = VisitCalendar(clock, self.planner)
        # H23: leak test and contract dates, move-in and steward rounds; community activities.
        from app.activities import ActivityService
        from app.visits.special import VisitDates

        self.dates = VisitDates(clock, cases, self.planner)
        self.rework = self.recorder.rework  # H25: the owner told when; a rework that failed again
        self.activities = ActivityService(clock, policies, seed)
        cases.resolved_listeners.append(self.on_resolved)

    @property
    def random(self) -> random.Random:
        """The sample's chance (a test or the demo seeds it)."""
        return self.sampler.random

    @random.setter
    def random(self, value: random.Random) -> None:
        self.sampler.random = value

    # Rules ------------------------------------------------------------------------------
    def rule(self, case: Case) -> VisitRule:
        return self.planner.rule(case)

    def rule_of(self, visit: Visit) -> VisitRule | None:
        """The policy's rule for the visit's case; None for a periodic round."""
        case = self.recorder.case_of(visit)
        return self.planner.rule(case) if case is not None else None

    def allowed_methods(self, visit: Visit) -> list[str]:
        """The methods this visit may be recorded with (the rule `check_result` applies)."""
        return allowed_methods(self.rule_of(visit), visit.attempt)

    def signature_needed(self, visit: Visit) -> bool:
        return signature_needed(self.rule_of(visit))

    def sample_target(self, kind: str) -> float:
        return self.planner.sample_target(kind)

    # Planning ---------------------------------------------------------------------------
    def on_resolved(self, case: Case, actor: Staff | None) -> Visit | None:
        return self.planner.on_resolved(case, actor)

    def add_by_hand(self, case: Case, reason: str, actor: Staff) -> Visit:
        return self.planner.add_by_hand(case, reason, actor)

    def drop_by_hand(self, visit: Visit, reason: str, actor: Staff) -> None:
        self.planner.drop_by_hand(visit, reason, actor)

    def plan_batch(
        self,
        purpose: str,
        rooms: list[Room],
        due: dt.date,
        role: str,
        reason: str,
        actor: Staff | None = None,
    ) -> list[Visit]:
        return self.planner.plan_batch(purpose, rooms, due, role, reason, actor)

    def move_in_rooms(self, within_days: int = 7) -> list[Room]:
        return self.planner.move_in_rooms(within_days)

    def rooms_of_buildings(self, buildings: list[str]) -> list[Room]:
        return self.planner.rooms_of_buildings(buildings)

    def sample_rooms(self, rooms: list[Room], count: int) -> list[Room]:
        return self.planner.sample_rooms(rooms, count)

    def buildings(self) -> list[str]:
        return self.planner.buildings()

    def reschedule(self, visit: Visit, due: dt.date, reason: str, actor: Staff | None = None) -> None:
        self.planner.reschedule(visit, due, reason, actor)

    def assign(self, visit: Visit, visitor: Staff | None, actor: Staff | None = None) -> None:
        self.planner.assign(visit, visitor, actor)

    # Two visitors together (H24, app/visits/visitors.py) ------------------------------------
    def assign_second(self, visit: Visit, person: Staff | None, actor: Staff | None = None) -> None:
        """Name (or clear) the second visitor of a visit made by two together."""
        require(actor, "visit.record")
        require_open(visit.state)
        if person is not None and person.id == visit.visitor_id:
            raise UserError(tr("第二回访人不能与回访人是同一人"))
        with db.atomic():
            assign_second(visit, person)
            visit.updated_at = self.clock.now()
            visit.save()

    def set_large_loss(self, case: Case, flag: bool, actor: Staff | None = None) -> None:
        """业主损失较大 on a complaint: its visit is made by two together (seed 002 第4条)."""
        set_large_loss(self.planner, case, flag, actor)

    def needs_two(self, case: Case | None) -> bool:
        return needs_two(self.policies.load().visit_roles.two_visitors, case)

    def two_visitor_roles(self) -> list[str]:
        """The two roles the policy sends together."""
        return list(self.policies.load().visit_roles.two_visitors.roles)

    @staticmethod
    def two_visitors(visit: Visit) -> bool:
        """Is this visit made by two together (planned so, or a second visitor named)?"""
        return bool(visit.second_role or visit.second_visitor_id)

    def sample_standing(self, quarter: str, kind: str) -> QuarterSample:
        """A quarter's sample of one kind: visitable cases handled, chosen, needed, short."""
        return self.sampler.standing(quarter, kind, self.sample_target(kind))

    @staticmethod
    def repairers(case: Case) -> set[int]:
        return repairers(case)

    # The sample -------------------------------------------------------------------------
    def decision(self, case: Case) -> VisitDecision | None:
        return self.sampler.decision(case)

    def decisions(self, quarter: str, kind: str) -> list[VisitDecision]:
        return self.sampler.decisions(quarter, kind)

    # Recording --------------------------------------------------------------------------
    def visit(self, visit_id: int) -> Visit | None:
        return self.recorder.visit(visit_id)

    def case_of(self, visit: Visit) -> Case | None:
        return self.recorder.case_of(visit)

    def visits_of(self, case: Case) -> list[Visit]:
        return self.recorder.visits_of(case)

    def attempts_of(self, visit: Visit) -> list[VisitAttempt]:
        return self.recorder.attempts_of(visit)

    def tasks_of(self, visit: Visit) -> list[VisitTask]:
        return self.recorder.tasks_of(visit)

    def notices_of(self, visit: Visit) -> list[ReworkNotice]:
        return self.recorder.notices_of(visit)

    def record_attempt(
        self,
        visit: Visit,
        outcome: str,
        note: str = "",
        call_back_at: dt.datetime | None = None,
        actor: Staff | None = None,
        give_up: bool = False,
    ) -> VisitAttempt:
        return self.recorder.record_attempt(visit, outcome, note, call_back_at, actor, give_up)

    def check_result(self, visit: Visit, result: VisitResult) -> None:
        self.recorder.check_result(visit, result)

    def complete(self, visit: Visit, result: VisitResult, actor: Staff | None = None) -> Visit | None:
        return self.recorder.complete(visit, result, actor)

    def own_work_refusal(self, visit: Visit, actor: Staff | None = None) -> str | None:
        return self.recorder.own_work_refusal(visit, actor)

    def verify_signature(self, signature: Signature) -> bool:
        return self.recorder.verify_signature(signature)

    def broken_signatures(self) -> list[str]:
        return self.recorder.broken_signatures()

    def signatures_of(self, visit: Visit) -> dict[str, Signature]:
        return self.recorder.signatures_of(visit)

    def review(self, visit: Visit, level: str, reviewer: Staff, opinion: str) -> VisitReview:
        return self.recorder.review(visit, level, reviewer, opinion)

    def reviews_of(self, visit: Visit) -> dict[str, VisitReview]:
        return self.recorder.reviews_of(visit)

    # Letters, notices, questions --------------------------------------------------------
    def open_letter(
        self, title: str, body: str, visits: list[Visit], actor: Staff | None = None
    ) -> OpenLetter:
        return self.letters.open_letter(title, body, visits, actor)

    def deliver_notice(self, notice: ReworkNotice, to: str) -> None:
        self.letters.deliver_notice(notice, to)

    def answer_task(self, task: VisitTask, answer: str) -> None:
        self.letters.answer_task(task, answer)

    def pending_notices(self) -> list[ReworkNotice]:
        return self.letters.pending_notices()

    def open_tasks(self) -> list[VisitTask]:
        return self.letters.open_tasks()

    # The calendar -----------------------------------------------------------------------
    def open_visits(self) -> pw.ModelSelect[Visit]:
        return self.calendar.open_visits()

    def schedule(self) -> list[dict[str, object]]:
        return self.calendar.schedule()

    def day_counts(
        self, start: dt.date, end: dt.date, f: VisitFilter | None = None
    ) -> dict[dt.date, dict[str, int]]:
        return self.calendar.day_counts(start, end, f)

    def day_list(self, day: dt.date, f: VisitFilter | None = None) -> list[Visit]:
        return self.calendar.day_list(day, f)

    def today_by_visitor(self, f: VisitFilter | None = None) -> dict[str, list[Visit]]:
        return self.calendar.today_by_visitor(f)

    def display_state(self, visit: Visit) -> str:
        return self.calendar.display_state(visit)

    def visit_rows(self, visits: list[Visit]) -> list[VisitRow]:
        return self.calendar.visit_rows(visits)

    def day_rows(self, day: dt.date, f: VisitFilter | None = None) -> list[VisitRow]:
        return self.calendar.day_rows(day, f)

    def own_day_rows(self, day: dt.date, f: VisitFilter | None = None) -> list[VisitRow]:
        return self.calendar.own_day_rows(day, f)

    def today_rows_by_visitor(self, f: VisitFilter | None = None) -> dict[str, list[VisitRow]]:
        return self.calendar.today_rows_by_visitor(f)

    def row(self, visit_id: int) -> VisitRow | None:
        return self.calendar.row(visit_id)

    def day_marks(self, days: list[dt.date]) -> dict[dt.date, str]:
        """休/班 for the days shown (holidays on weekdays, working weekends)."""
        return day_marks(days)

    def departments(self) -> list[Department]:
        return self.staff.departments()
