"""Planning visits (回访计划): the first visit when a case is handled, by the policy's rule;
the follow-up after rework; visits added or dropped by hand; periodic and event rounds for
many rooms; moving and assigning a planned visit.

Nobody forgets one: every open visit has a due date, a role and, where known, a person.
"""

from __future__ import annotations

import datetime as dt

from app import domain
from app.cases import CaseService
from app.clock import Clock
from app.errors import UserError, ValidationError
from app.i18n import N_, term, tr
from app.models import Case, CaseEvent, Dispatch, Owner, Room, Staff, Visit, db, tuple_rows
from app.permissions import require
from app.policy import PolicyStore
from app.staff import StaffService
from app.validation import clean_text
from app.visit_exemptions import visit_exemption
from app.visit_policy import VisitRule, rule_for
from app.visits.rules import OPEN_VISIT_STATES, PERIODIC_PURPOSES, require_open
from app.visits.sampling import VisitSampler
from app.visits.special import MOVE_IN, first_visit_dues, move_in_due
from app.visits.visitors import assign_two, plan_drawn
from app.workdays import WorkCalendar

# Roles whose people do the work themselves (a steward mends, a department repairs):
# when one of them resolves a case, they did it. A clerk or a manager who writes 办结
# records the department's result for it and may still call the owner back.
DOER_ROLES = {"steward", "department"}


def room_visit(
    room: Room, purpose: str, due: dt.date, role: str, visitor: Staff | None, reason: str, now: dt.datetime
) -> Visit:
    """A visit to a room rather than about a case (入伙、季度巡访、社区活动 …): the one way such a
    visit is written; call inside the caller's transaction."""
    return Visit.create(
        room=room,
        purpose=purpose,
        due=due,
        role=role,
        visitor=visitor,
        visitor_name=visitor.name if visitor else "",
        reason=f"{purpose}:{reason}"[:200],
        created_at=now,
    )


def repairers(case: Case) -> set[int]:
    """The staff who did the work on a case: the workers its work slips were dispatched
    to, and whoever of a working role (物管员, 部门人员) resolved it (办结)."""
    resolved = (
        CaseEvent.select(CaseEvent.actor)
        .join(Staff, on=(CaseEvent.actor == Staff.id))
        .where(CaseEvent.case == case, CaseEvent.kind == domain.EV_RESOLVED, Staff.role.in_(DOER_ROLES))
    )
    assigned = Dispatch.select(Dispatch.assignee).where(
        Dispatch.case == case, Dispatch.assignee.is_null(False)
    )
    return {row[0] for row in tuple_rows(resolved)} | {row[0] for row in tuple_rows(assigned)}


class VisitPlanner:
    def __init__(
        self,
        clock: Clock,
        policies: PolicyStore,
        cases: CaseService,
        staff: StaffService,
        sampler: VisitSampler,
    ) -> None:
        self.clock = clock
        self.policies = policies
        self.cases = cases
        self.staff = staff
        self.sampler = sampler

    def rule(self, case: Case) -> VisitRule:
        return rule_for(self.policies.load(), case.kind, case.severity, case.category, case.subcategory)

    def sample_target(self, kind: str) -> float:
        """The visit rate (回访率) the policy sets for a kind of case, 0..1."""
        return self.policies.load().visits.target_rate(kind)

    def on_resolved(self, case: Case, actor: Staff | None) -> Visit | None:
        """Called by the case service inside the transaction that resolves a case."""
        assert case.resolved_at is not None
        if case.resolved_at < self.clock.now() - dt.timedelta(days=30):  # cheap first look
            history_days = self.policies.load().visits.history_days
            if case.resolved_at < self.clock.now() - dt.timedelta(days=history_days):
                return None  # old history imported from a ledger: kept, not planned
        if Visit.select().where(Visit.case == case, Visit.state.in_(OPEN_VISIT_STATES)).exists():
            return None  # a follow-up after rework is planned already
        done = Visit.select().where(Visit.case == case, Visit.state == domain.VISIT_DONE).count()
        if done:
            return None
        rule = self.rule(case)
        decision = self.sampler.decide(case, rule)
        plan_drawn(self, actor)  # cases a catch-up draw chose besides this one (H24)
        if not decision.selected:
            return None
        return self.plan_first(case, rule, actor)

    def plan_first(self, case: Case, rule: VisitRule, actor: Staff | None) -> Visit | None:
        """A chosen case's first visit(s) by its rule. A leak waits for its leak test date, a
        special service for its contract dates (app.visits.special): None until then. A
        service contract gets two visits, mid-contract and after the end (one sample decides both)."""
        dues = first_visit_dues(case, rule, WorkCalendar.from_database())
        if dues is None:
            return None
        first: Visit | None = None
        for purpose, due in dues:
            visit = self.plan(case, attempt=1, reason_prefix="", actor=actor, due=due, purpose=purpose)
            first = first or visit
        return first

    def plan(
        self,
        case: Case,
        attempt: int,
        reason_prefix: str,
        actor: Staff | None,
        base: dt.datetime | None = None,
        due: dt.date | None = None,
        purpose: str = "",
    ) -> Visit:
        """Plan a case's visit number `attempt` by its rule (inside the caller's transaction);
        `due` when the rule counts from another date than 办结 (leak test, contract)."""
        rule = self.rule(case)
        if due is None:
            start = base or case.resolved_at or self.clock.now()
            due = WorkCalendar.from_database().add(start, rule.days, rule.unit).date()
        visitor = self.visitor_for(rule.role, case.room)
        role_label = domain.ROLES.get(rule.role, rule.role)
        sub = f"({rule.sub_rule})" if rule.sub_rule else ""
        what = f"{purpose}," if purpose else ""
        reason = f"{reason_prefix}{case.kind}·{case.severity}{sub} → {role_label},{what}{rule.describe()}"
        if visitor is not None and visitor.id in repairers(case):
            # Who did the repair does not ask the owner about it: the visit waits for another.
            reason += f"({visitor.name}是维修/办结人,请另派回访人)"
            visitor = None
        if attempt > 1:
            reason = f"第{attempt}次回访:{reason},可电话回访"
        return assign_two(
            self,
            case,
            Visit.create(  # two visitors together (H24, visitors.py)
                case=case,
                room=case.room,
                purpose=purpose,
                attempt=attempt,
                due=due,
                role=rule.role,
                visitor=visitor,
                visitor_name=visitor.name if visitor else "",
                reason=reason[:200],
                state=domain.VISIT_PLANNED,
                created_at=self.clock.now(),
            ),
        )

    def visitor_for(self, role: str, room: Room | None) -> Staff | None:
        if role == "steward" and room is not None:
            steward = self.staff.steward_for(room.building)
            if steward is not None:
                return steward
        people = self.staff.staff(role=role)
        return people[0] if len(people) == 1 else None

    def add_by_hand(self, case: Case, reason: str, actor: Staff) -> Visit:
        """The planner adds a case the sample left out (recorded, with who and why); never an
        anonymous or written-reply-only case (`app.visit_exemptions`)."""
        require(actor, "visit.plan")
        if exempt := visit_exemption(case):
            raise UserError(exempt)
        reason = clean_text(reason)
        if not reason:
            raise ValidationError({N_("原因"): tr("手工加入回访须写明原因")})
        if case.state not in domain.DONE_STATES:
            raise UserError(tr("{number} 尚未办结,办结后才能安排回访", number=case.number))
        if Visit.select().where(Visit.case == case, Visit.state.in_(OPEN_VISIT_STATES)).exists():
            raise UserError(tr("{number} 已有待回访计划", number=case.number))
        with db.atomic():
            self.sampler.choose_by_hand(case, actor, reason)
            return self.plan(case, 1, "手工加入:", actor, base=self.clock.now())

    def drop_by_hand(self, visit: Visit, reason: str, actor: Staff) -> None:
        """The planner drops a planned visit (recorded, with who and why)."""
        require(actor, "visit.plan")
        reason = clean_text(reason)
        if not reason:
            raise ValidationError({N_("原因"): tr("取消回访须写明原因")})
        require_open(visit.state)
        with db.atomic():
            visit.state = domain.VISIT_CANCELLED
            visit.opinion = f"{actor.name}取消:{reason}"
            visit.updated_at = self.clock.now()
            visit.save()
            if visit.case is not None and visit.attempt == 1:
                self.sampler.unchoose_by_hand(visit.case, actor, reason, self.sample_target(visit.case.kind))
                plan_drawn(self, actor)  # the replacement drawn when the sample fell short (H24)

    def plan_batch(
        self,
        purpose: str,
        rooms: list[Room],
        due: dt.date,
        role: str,
        reason: str,
        actor: Staff | None = None,
    ) -> list[Visit]:
        """Periodic and event visits (入伙、季度巡访、年度走访、节日、突发事件) for many rooms."""
        require(actor, "visit.plan")
        if purpose not in PERIODIC_PURPOSES:
            raise ValidationError(
                {
                    N_("回访类型"): tr(
                        "只能是 {choices}", choices=tr("、").join(term(p) for p in PERIODIC_PURPOSES)
                    )
                }
            )
        if role not in domain.ROLES:
            raise ValidationError({N_("回访人角色"): tr("请选择角色")})
        reason = clean_text(reason) or purpose
        visits = []
        with db.atomic():
            for room in rooms:
                exists = (
                    Visit.select()
                    .where(
                        Visit.room == room,
                        Visit.purpose == purpose,
                        Visit.case.is_null(),
                        Visit.state.in_(OPEN_VISIT_STATES),
                    )
                    .exists()
                )
                if exists:
                    continue
                visitor = self.visitor_for(role, room)
                room_due = due
                if purpose == MOVE_IN and (moved := self.moved_in_on(room)) is not None:
                    room_due = move_in_due(moved)  # a week from the move-in, not from today
                visits.append(room_visit(room, purpose, room_due, role, visitor, reason, self.clock.now()))
        return visits

    def move_in_rooms(self, within_days: int = 7) -> list[Room]:
        """Rooms whose occupants moved in lately and have no move-in visit yet (入伙一周内)."""
        since = self.clock.now().date() - dt.timedelta(days=within_days)
        visited = Visit.select(Visit.room).where(Visit.purpose == MOVE_IN)
        query = (
            Room.select()
            .join(Owner)
            .where(Owner.move_in >= since, Owner.active == True, Room.id.not_in(visited))  # noqa: E712
            .distinct()
        )
        return list(query)

    @staticmethod
    def moved_in_on(room: Room) -> dt.date | None:
        """The latest move-in day of the room's active occupants (Owner.move_in)."""
        days = [
            row[0]
            for row in tuple_rows(
                Owner.select(Owner.move_in).where(
                    Owner.room == room,
                    Owner.active == True,  # noqa: E712
                    Owner.move_in.is_null(False),
                )
            )
        ]
        return max(days) if days else None

    def rooms_of_buildings(self, buildings: list[str]) -> list[Room]:
        return list(
            Room.select().where(Room.building.in_(buildings)).order_by(Room.building, Room.unit, Room.number)
        )

    def sample_rooms(self, rooms: list[Room], count: int) -> list[Room]:
        """`count` of `rooms` at random (年度走访 visits a part of the households), in their order."""
        if count >= len(rooms):
            return rooms
        order = {room.id: i for i, room in enumerate(rooms)}
        return sorted(self.sampler.random.sample(rooms, count), key=lambda r: order[r.id])

    def buildings(self) -> list[str]:
        """The buildings (楼栋) of the known rooms, in natural order (2 before 10)."""
        names = [r.building for r in Room.select(Room.building).distinct()]
        return sorted(names, key=lambda b: (0, int(b), "") if b.isdigit() else (1, 0, b))

    def reschedule(self, visit: Visit, due: dt.date, reason: str, actor: Staff | None = None) -> None:
        """Move a planned visit to another day; asks why."""
        require(actor, "visit.record")  # the visitor agrees a new day with the owner
        require_open(visit.state)
        reason = clean_text(reason)
        if not reason:
            raise ValidationError({N_("原因"): tr("改期须写明原因")})
        old = visit.due
        with db.atomic():
            visit.due = due
            visit.updated_at = self.clock.now()
            visit.save()
            if visit.case is not None:
                self.cases.log(visit.case, domain.EV_VISIT, f"回访由 {old} 改期到 {due}:{reason}", actor)

    def assign(self, visit: Visit, visitor: Staff | None, actor: Staff | None = None) -> None:
        require(actor, "visit.record")
        require_open(visit.state)
        visit.visitor = visitor
        visit.visitor_name = visitor.name if visitor else ""
        visit.updated_at = self.clock.now()
        visit.save()
