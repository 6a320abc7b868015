"""The visit rules the seeds name beside "so many days after 办结" (DOMAIN §5, seeds 000, 004):

- a leak (漏水/渗漏, or a sub-rule saying so) is visited within its days AFTER the leak test
  (闭水试验, 试漏后3天内回访): until the test date is recorded on the case the visit waits,
  the case shows 待闭水试验 and the dashboard lists the leaks handled without a test date;
- a special paid service (特约服务) is visited mid-contract and after the contract ends
  (4.1.1 c): two visits, decided by one draw of the sample (both or neither);
- a new occupant is visited within a week of moving in (入伙回访: from Owner.move_in, not from
  the day the visit is planned), late ones flagged;
- each steward's area (Staff.buildings) is visited once a quarter (季度巡访), tracked.

Pure date rules first (tested without a database), then `VisitDates`, the service that records
the dates on a case and plans the waiting visits, and the overviews the dashboard reads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app import domain
from app.clock import Clock
from app.errors import UserError, ValidationError
from app.i18n import N_, term, tr
from app.models import Case, Owner, Room, Staff, Visit, VisitDecision, db, tuple_rows
from app.periods import quarter_key, quarter_span
from app.permissions import require
from app.visit_policy import AFTER_CONTRACT, AFTER_LEAK_TEST, VisitRule
from app.workdays import WorkCalendar

if TYPE_CHECKING:
    from app.cases import CaseService
    from app.visits.planner import VisitPlanner

MOVE_IN = N_("入伙回访")
ROUND = N_("季度巡访")
CONTRACT_MID = N_("合同中期回访")
CONTRACT_END = N_("合同期满回访")
MOVE_IN_DAYS = 7  # 新业主入住后一周内进行首次回访 (seed 000)
MOVE_IN_LOOKBACK_DAYS = 90  # move-ins older than this are history, not late visits
WAIT_LEAK = N_("待闭水试验")
WAIT_CONTRACT = N_("待录入合同日期")
# A visit counts as made once it was done, or the owner could not be reached or refused.
MADE_STATES = (domain.VISIT_DONE, domain.VISIT_UNREACHABLE, domain.VISIT_REFUSED)


def _at_nine(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(9, 0))


def contract_middle(start: dt.date, end: dt.date) -> dt.date:
    """The middle of a service contract: start + (end − start) / 2, whole days."""
    return start + dt.timedelta(days=(end - start).days // 2)


def first_visit_dues(case: Case, rule: VisitRule, calendar: WorkCalendar) -> list[tuple[str, dt.date]] | None:
    """The first visit(s) of a chosen case as (purpose, due); None while a date the rule
    counts from is not recorded yet (the visit waits for it).

    - leak: the leak test day (or 办结, if the test was before it) + the rule's days;
    - special service: mid-contract (not before 办结) and the contract's end + the rule's days;
    - otherwise: 办结 + the rule's days (purpose '')."""
    assert case.resolved_at is not None
    resolved = case.resolved_at
    if rule.after == AFTER_LEAK_TEST:
        if case.leak_test_on is None:
            return None
        start = max(_at_nine(case.leak_test_on), resolved)
        return [("", calendar.add(start, rule.days, rule.unit).date())]
    if rule.after == AFTER_CONTRACT:
        if case.contract_start is None or case.contract_end is None:
            return None
        middle = max(contract_middle(case.contract_start, case.contract_end), resolved.date())
        end = calendar.add(_at_nine(case.contract_end), rule.days, rule.unit).date()
        return [(CONTRACT_MID, middle), (CONTRACT_END, max(end, middle))]
    return [("", calendar.add(resolved, rule.days, rule.unit).date())]


def waiting_for(case: Case, rule: VisitRule) -> str:
    """What a handled case's visit waits for, in words ('' when nothing): 待闭水试验 or
    待录入合同日期."""
    if case.resolved_at is None:
        return ""
    if rule.after == AFTER_LEAK_TEST and case.leak_test_on is None:
        return WAIT_LEAK
    if rule.after == AFTER_CONTRACT and (case.contract_start is None or case.contract_end is None):
        return WAIT_CONTRACT
    return ""


def move_in_due(move_in: dt.date) -> dt.date:
    """入伙回访 is due a week after the move-in day (新业主入住后一周内)."""
    return move_in + dt.timedelta(days=MOVE_IN_DAYS)


def quarter_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of the quarter `day` is in."""
    start, next_start = quarter_span(quarter_key(day))
    return start, next_start - dt.timedelta(days=1)


def check_contract(start: dt.date | None, end: dt.date | None) -> None:
    """Both dates or neither; the end not before the start."""
    if (start is None) != (end is None):
        raise ValidationError({N_("合同日期"): tr("合同开始和结束日期须一起填写")})
    if start is not None and end is not None and end < start:
        raise ValidationError({N_("合同结束日期"): tr("不能早于合同开始日期 {date}", date=start.isoformat())})


@dataclass
class LateMoveIn:
    """A room whose move-in visit was not made within the week."""

    room: str
    owner: str
    move_in: dt.date
    due: dt.date
    planned: bool  # a visit is planned (but late), or none was planned at all


@dataclass
class StewardRound:
    """One steward's 季度巡访 this quarter: their area, the rooms visited, planned and not yet."""

    steward: str
    buildings: list[str]
    rooms: int
    visited: int
    planned: int
    quarter: str
    quarter_end: dt.date
    not_yet: list[str] = field(default_factory=list)  # room labels

    @property
    def done(self) -> bool:
        return self.rooms > 0 and self.visited >= self.rooms

    def to_json(self) -> dict[str, object]:
        return {
            "steward": self.steward,
            "buildings": self.buildings,
            "rooms": self.rooms,
            "visited": self.visited,
            "planned": self.planned,
            "not_yet": len(self.not_yet),
            "done": self.done,
            "quarter": self.quarter,
            "quarter_end": self.quarter_end.isoformat(),
        }


@dataclass
class VisitRuleWatch:
    """What the dashboard shows of these rules (one field): leaks handled without a leak test
    date, special services without contract dates, late move-in visits, and the stewards whose
    quarterly round is not done, with the quarter's end date."""

    leaks_without_test: list[str]  # case numbers
    contracts_missing: list[str]
    late_move_ins: list[LateMoveIn]
    rounds_not_done: list[StewardRound]
    quarter_end: dt.date

    @property
    def count(self) -> int:
        return (
            len(self.leaks_without_test)
            + len(self.contracts_missing)
            + len(self.late_move_ins)
            + len(self.rounds_not_done)
        )


WAITING_LOOKBACK_DAYS = 365  # how far back a resolved case can still wait for its dates


class VisitDates:
    """Records a case's leak test and contract dates, plans the visits waiting for them, and
    reads the move-in and steward-round rules. Writes go through here only."""

    def __init__(self, clock: Clock, cases: CaseService, planner: VisitPlanner) -> None:
        self.clock = clock
        self.cases = cases
        self.planner = planner

    # The case's dates -------------------------------------------------------------------
    def waiting(self, case: Case) -> str:
        """待闭水试验 / 待录入合同日期 / ''."""
        return waiting_for(case, self.planner.rule(case))

    def after(self, case: Case) -> str:
        """What the case's visit days count from (办结, the leak test, the contract)."""
        return self.planner.rule(case).after

    def rule_text(self, case: Case) -> str:
        """The visit rule of the case, in words (for the case detail)."""
        rule = self.planner.rule(case)
        if rule.sub_rule:
            return tr(
                "{kind}({sub}):{rule},回访率{rate}",
                kind=term(case.kind),
                sub=rule.sub_rule,
                rule=rule.describe(shown=True),
                rate=f"{rule.rate:.0%}",
            )
        return tr(
            "{kind}:{rule},回访率{rate}",
            kind=term(case.kind),
            rule=rule.describe(shown=True),
            rate=f"{rule.rate:.0%}",
        )

    def record_leak_test(self, case: Case, day: dt.date | None, actor: Staff | None = None) -> list[Visit]:
        """The leak test (闭水试验) day of a leak; plans (or moves) the waiting visit."""
        require(actor, "visit.dates")
        today = self.clock.now().date()
        if day is not None and day > today:
            raise ValidationError({N_("闭水试验日期"): tr("不能晚于今天 {date}", date=today.isoformat())})
        if day is not None and day < case.received_at.date():
            raise ValidationError(
                {N_("闭水试验日期"): tr("不能早于受理日期 {date}", date=case.received_at.date().isoformat())}
            )
        with db.atomic():
            old = case.leak_test_on
            case.leak_test_on = day
            case.updated_at = self.clock.now()
            case.save()
            words = f"闭水试验日期:{day.isoformat() if day else '清除'}" + (
                f"(原 {old.isoformat()})" if old else ""
            )
            self.cases.log(case, domain.EV_NOTE, words, actor)
            return self._plan_waiting(case, actor)

    def record_contract(
        self, case: Case, start: dt.date | None, end: dt.date | None, actor: Staff | None = None
    ) -> list[Visit]:
        """A special service's contract dates; plans (or moves) its two visits."""
        require(actor, "visit.dates")
        check_contract(start, end)
        with db.atomic():
            case.contract_start, case.contract_end = start, end
            case.updated_at = self.clock.now()
            case.save()
            span = f"{start.isoformat()} 至 {end.isoformat()}" if start and end else "清除"
            self.cases.log(case, domain.EV_NOTE, f"特约服务合同期:{span}", actor)
            return self._plan_waiting(case, actor)

    def _plan_waiting(self, case: Case, actor: Staff | None) -> list[Visit]:
        """Inside the caller's transaction: plan a chosen, handled case's waiting first visits,
        or move the planned ones to the new dates."""
        if case.resolved_at is None or case.state == domain.VOID:
            return []
        decision = VisitDecision.get_or_none(VisitDecision.case == case)
        if decision is None or not decision.selected:
            return []
        rule = self.planner.rule(case)
        dues = first_visit_dues(case, rule, WorkCalendar.from_database())
        firsts = list(Visit.select().where(Visit.case == case, Visit.attempt == 1).order_by(Visit.id))
        live = [v for v in firsts if v.state != domain.VISIT_CANCELLED]
        if dues is None:
            return []
        if not live:
            visit = self.planner.plan_first(case, rule, actor)
            return list(Visit.select().where(Visit.case == case, Visit.attempt == 1)) if visit else []
        moved = []
        by_purpose = {purpose: due for purpose, due in dues}
        for visit in live:
            due = by_purpose.get(visit.purpose)
            if due is None or visit.state != domain.VISIT_PLANNED or visit.due == due:
                continue
            visit.due = due
            visit.updated_at = self.clock.now()
            visit.save()
            moved.append(visit)
        return moved

    # Watching -------------------------------------------------------------------------
    def leaks_without_test(self) -> list[Case]:
        """Handled leaks whose visit waits for the leak test date."""
        return self._waiting_cases(AFTER_LEAK_TEST)

    def contracts_missing(self) -> list[Case]:
        return self._waiting_cases(AFTER_CONTRACT)

    def _waiting_cases(self, after: str) -> list[Case]:
        # A case resolved more than a year ago and still without its test date or contract dates
        # is not a visit anyone will make: the look covers a year, not every year of the office.
        since = self.clock.now() - dt.timedelta(days=WAITING_LOOKBACK_DAYS)
        query = (
            Case.select()
            .join(VisitDecision)
            .where(
                VisitDecision.selected == True,  # noqa: E712
                Case.resolved_at >= since,
                Case.state != domain.VOID,
                Case.id.not_in(Visit.select(Visit.case).where(Visit.case.is_null(False))),
            )
            .order_by(Case.resolved_at)
        )
        if after == AFTER_LEAK_TEST:
            query = query.where(Case.leak_test_on.is_null())
        else:
            query = query.where(Case.contract_start.is_null() | Case.contract_end.is_null())
        return [c for c in query if self.planner.rule(c).after == after]

    def late_move_ins(self, today: dt.date | None = None) -> list[LateMoveIn]:
        """Rooms moved into within the last 90 days whose move-in visit was not made within
        the week: none planned, or planned and still open after its due day."""
        today = today or self.clock.now().date()
        since = today - dt.timedelta(days=MOVE_IN_LOOKBACK_DAYS)
        owners = (
            Owner.select(Owner, Room)
            .join(Room)
            .where(Owner.active == True, Owner.move_in >= since)  # noqa: E712
            .order_by(Owner.move_in, Room.building, Room.unit, Room.number)
        )
        visits: dict[int, list[Visit]] = {}
        rooms = Owner.select(Owner.room).where(Owner.active == True, Owner.move_in >= since)  # noqa: E712
        for v in Visit.select().where(Visit.purpose == MOVE_IN, Visit.room.in_(rooms)):
            if v.room_id is not None:
                visits.setdefault(v.room_id, []).append(v)
        out: list[LateMoveIn] = []
        seen: set[int] = set()
        for owner in owners:
            room = owner.room
            if room is None or room.id in seen or owner.move_in is None:
                continue
            seen.add(room.id)
            due = move_in_due(owner.move_in)
            if due >= today:
                continue
            mine = [v for v in visits.get(room.id, []) if v.state != domain.VISIT_CANCELLED]
            made_in_time = any(
                v.state in MADE_STATES and v.done_at is not None and v.done_at.date() <= due for v in mine
            )
            made_late = any(v.state in MADE_STATES for v in mine)
            if made_in_time or made_late:
                continue  # a late visit that was made is history, not a flag to act on
            out.append(LateMoveIn(room.label, owner.name, owner.move_in, due, planned=bool(mine)))
        return out

    def steward_rounds(self, today: dt.date | None = None) -> list[StewardRound]:
        """季度巡访 this quarter: for each active steward with an area, their buildings, the
        rooms visited (done, unreachable or refused), planned, not yet; done when every room
        of the area was visited this quarter."""
        today = today or self.clock.now().date()
        quarter = quarter_key(today)
        start, end = quarter_bounds(today)
        stewards = Staff.select().where(Staff.role == "steward", Staff.active == True)  # noqa: E712
        visits = tuple_rows(
            Visit.select(Visit.room, Visit.state, Visit.done_at).where(
                Visit.purpose == ROUND,
                Visit.room.is_null(False),
                # this quarter's rounds made, and the planned ones: not every round of ten years
                (Visit.state == domain.VISIT_PLANNED)
                | ((Visit.done_at >= dt.datetime.combine(start, dt.time()))
                   & (Visit.done_at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time()))),
            )
        )
        made: set[int] = set()
        planned: set[int] = set()
        for room_id, state, done_at in visits:
            if state in MADE_STATES and done_at is not None:
                done_day = (
                    done_at.date()
                    if isinstance(done_at, dt.datetime)
                    else dt.date.fromisoformat(str(done_at)[:10])
                )
                if start <= done_day <= end:
                    made.add(room_id)
            elif state == domain.VISIT_PLANNED:
                planned.add(room_id)
        out = []
        for person in stewards.order_by(Staff.name):
            buildings = person.building_list()
            if not buildings:
                continue
            rooms = self.planner.rooms_of_buildings(buildings)
            visited = [r for r in rooms if r.id in made]
            waiting = [r for r in rooms if r.id not in made and r.id in planned]
            not_yet = [r.label for r in rooms if r.id not in made and r.id not in planned]
            out.append(
                StewardRound(
                    steward=person.name,
                    buildings=buildings,
                    rooms=len(rooms),
                    visited=len(visited),
                    planned=len(waiting),
                    quarter=quarter,
                    quarter_end=end,
                    not_yet=not_yet,
                )
            )
        return out

    def plan_round(self, steward_name: str, actor: Staff | None = None) -> list[Visit]:
        """Plan this quarter's round of one steward's area: every room not yet visited nor
        planned, due on the quarter's last day, the steward as visitor."""
        today = self.clock.now().date()
        _, end = quarter_bounds(today)
        for r in self.steward_rounds(today):
            if r.steward == steward_name:
                rooms = [
                    room
                    for room in self.planner.rooms_of_buildings(r.buildings)
                    if room.label in set(r.not_yet)
                ]
                return self.planner.plan_batch(ROUND, rooms, end, "steward", f"{r.quarter}季度巡访", actor)
        raise UserError(tr("{name} 不是负责楼栋的物管员,无法安排季度巡访", name=steward_name))

    def watch(self) -> VisitRuleWatch:
        """The dashboard's one field."""
        today = self.clock.now().date()
        rounds = self.steward_rounds(today)
        return VisitRuleWatch(
            leaks_without_test=[c.number for c in self.leaks_without_test()],
            contracts_missing=[c.number for c in self.contracts_missing()],
            late_move_ins=self.late_move_ins(today),
            rounds_not_done=[r for r in rounds if not r.done],
            quarter_end=quarter_bounds(today)[1],
        )
