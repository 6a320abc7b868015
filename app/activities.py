"""Community activities and publications (社区文化: 文体活动、报刊杂志), and their visits.

Seed 000 4.1.1 e / 4.1.2 c / 1.1.5: after an activity is held (or a publication issued) a
share of its participants is visited within a month, 10% by default, by the
community-culture clerk (社区文化文员). The clerk enters the activity with the rooms that
took part; when it is entered as held, the rooms to visit are drawn at random (at least the
policy's share, rounded up) and each room's draw keeps its reason, like a case's VisitDecision.
The draw is made once: nobody chooses the rooms, and nobody knows them before.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass

import peewee as pw

from app import domain
from app.clock import Clock
from app.errors import UserError, ValidationError
from app.i18n import N_, term, tr
from app.models import Activity, ActivityRoom, Room, Staff, Visit, db
from app.permissions import require
from app.policy import PolicyStore
from app.validation import clean_text, parse_room
from app.visits.planner import room_visit

ACTIVITY_KINDS = [N_("活动"), N_("刊物")]
ACTIVITY_VISIT = N_("活动回访")
CULTURE_ROLE = "culture_clerk"
NO_ROOMS = N_("请选择参与活动(或收到刊物)的房号")


@dataclass
class ActivityInput:
    title: str
    kind: str
    held_on: dt.date
    organiser: str = ""
    note: str = ""


@dataclass
class ActivityRow:
    """One activity as the list shows it."""

    id: int
    title: str
    kind: str
    held_on: dt.date
    organiser: str
    rooms: int
    drawn: int
    visited: int
    planned: bool
    due: dt.date | None


class ActivityService:
    def __init__(self, clock: Clock, policies: PolicyStore, seed: int | None = None) -> None:
        self.clock = clock
        self.policies = policies
        self.random = random.Random(seed)

    def _checked(self, data: ActivityInput) -> ActivityInput:
        problems: dict[str, str] = {}
        title = clean_text(data.title)
        if not title:
            problems[N_("活动名称")] = tr("请填写活动或刊物的名称")
        elif len(title) > 60:
            problems[N_("活动名称")] = tr("不能超过 60 个字")
        if data.kind not in ACTIVITY_KINDS:
            problems[N_("类型")] = tr(
                "只能是 {choices}", choices=tr("、").join(term(k) for k in ACTIVITY_KINDS)
            )
        today = self.clock.now().date()
        if data.held_on > today + dt.timedelta(days=366):
            problems[N_("举办日期")] = tr("不能晚于一年以后")
        organiser = clean_text(data.organiser)
        if len(organiser) > 40:
            problems[N_("组织者")] = tr("不能超过 40 个字")
        if problems:
            raise ValidationError(problems)
        return ActivityInput(title, data.kind, data.held_on, organiser, clean_text(data.note))

    def create(self, data: ActivityInput, rooms: list[Room], actor: Staff | None = None) -> Activity:
        """A new activity or publication with its participant rooms (not drawn yet)."""
        require(actor, "activity.manage")
        try:
            data = self._checked(data)
        except ValidationError as exc:
            if not rooms:
                raise ValidationError({**exc.problems, N_("参与房号"): tr(NO_ROOMS)}) from None
            raise
        if not rooms:
            raise ValidationError({N_("参与房号"): tr(NO_ROOMS)})
        with db.atomic():
            activity = Activity.create(
                title=data.title,
                kind=data.kind,
                held_on=data.held_on,
                organiser=data.organiser,
                note=data.note,
                created_by=actor,
                created_at=self.clock.now(),
            )
            self._add_rooms(activity, rooms)
        return activity

    def _add_rooms(self, activity: Activity, rooms: list[Room]) -> int:
        have = {
            r.room_id for r in ActivityRoom.select(ActivityRoom.room).where(ActivityRoom.activity == activity)
        }
        added = 0
        for room in rooms:
            if room.id in have:
                continue
            ActivityRoom.create(activity=activity, room=room)
            have.add(room.id)
            added += 1
        return added

    def add_rooms(self, activity: Activity, rooms: list[Room], actor: Staff | None = None) -> int:
        """More participant rooms, before the visits are drawn."""
        require(actor, "activity.manage")
        if activity.planned_at is not None:
            raise UserError(tr("“{title}”的回访已抽取,不能再加参与房号", title=activity.title))
        with db.atomic():
            return self._add_rooms(activity, rooms)

    def find_rooms(self, labels: list[str]) -> list[Room]:
        """The rooms of typed labels ('3-2-501'); ValidationError names those not known."""
        rooms, unknown = [], []
        for label in labels:
            try:
                b, u, r = parse_room(label)
            except ValueError:
                unknown.append(label)
                continue
            room = Room.get_or_none(Room.building == b, Room.unit == u, Room.number == r)
            if room is None:
                unknown.append(label)
            else:
                rooms.append(room)
        if unknown:
            raise ValidationError(
                {N_("参与房号"): tr("没有这些房号:{rooms},请从提示中选择", rooms=tr("、").join(unknown[:5]))}
            )
        return rooms

    def activities(self) -> list[ActivityRow]:
        """Every activity, newest first, with its rooms, draw and visits counted."""
        require(None, "visit.view_all")
        rows = []
        for a in Activity.select().order_by(Activity.held_on.desc(), Activity.id.desc()):
            members = list(
                ActivityRoom.select(ActivityRoom, Visit)
                .join(Visit, pw.JOIN.LEFT_OUTER)
                .where(ActivityRoom.activity == a)
            )
            drawn = [m for m in members if m.selected]
            visited = [m for m in drawn if m.visit is not None and m.visit.state in VISITED_STATES]
            rows.append(
                ActivityRow(
                    id=a.id,
                    title=a.title,
                    kind=a.kind,
                    held_on=a.held_on,
                    organiser=a.organiser,
                    rooms=len(members),
                    drawn=len(drawn),
                    visited=len(visited),
                    planned=a.planned_at is not None,
                    due=self.due_of(a) if a.planned_at is not None else None,
                )
            )
        return rows

    def activity(self, activity_id: int) -> Activity | None:
        return Activity.get_or_none(Activity.id == activity_id)

    def rooms_of(self, activity: Activity) -> list[ActivityRoom]:
        """The participant rooms, in building order, each with its draw and reason."""
        return list(
            ActivityRoom.select(ActivityRoom, Room)
            .join(Room)
            .where(ActivityRoom.activity == activity)
            .order_by(Room.building, Room.unit, Room.number)
        )

    def due_of(self, activity: Activity) -> dt.date:
        """Its visits are due within the policy's days (a month) of the day it was held."""
        return activity.held_on + dt.timedelta(days=self.policies.load().visits.activity_days)

    def plan_visits(self, activity: Activity, actor: Staff | None = None) -> list[Visit]:
        """The activity was held: draw the rooms to visit (at least the policy's share of the
        participants, rounded up, at random) and plan their visits, due within the policy's
        days of the day it was held, by the community-culture clerk. Once only."""
        require(actor, "activity.manage")
        if activity.planned_at is not None:
            raise UserError(
                tr(
                    "“{title}”的回访已于 {date} 抽取,不能重抽",
                    title=activity.title,
                    date=f"{activity.planned_at:%Y-%m-%d}",
                )
            )
        today = self.clock.now().date()
        if activity.held_on > today:
            raise UserError(
                tr(
                    "“{title}”{date} 才举办,举办后才能抽取回访",
                    title=activity.title,
                    date=activity.held_on.isoformat(),
                )
            )
        members = self.rooms_of(activity)
        if not members:
            raise ValidationError({N_("参与房号"): tr(NO_ROOMS)})
        policy = self.policies.load().visits
        rate = float(policy.activity_rate)
        needed = math.ceil(rate * len(members) - 1e-9)
        chosen = set(m.id for m in self.random.sample(members, needed)) if needed else set()
        due = self.due_of(activity)
        visitor = _only_person(CULTURE_ROLE)
        pct = f"{rate:.0%}"
        visits = []
        with db.atomic():
            for m in members:
                if m.id in chosen:
                    reason = f"{activity.kind}“{activity.title}”"
                    visit = room_visit(
                        m.room, ACTIVITY_VISIT, due, CULTURE_ROLE, visitor, reason, self.clock.now()
                    )
                    visits.append(visit)
                    m.selected, m.visit = True, visit
                    m.reason = f"{len(members)}户参与,回访率{pct}须至少{needed}户:随机抽中"[:200]
                else:
                    m.selected = False
                    m.reason = f"{len(members)}户参与,已随机抽足{needed}户({pct}),本户未抽中"[:200]
                m.save()
            activity.planned_at = self.clock.now()
            activity.save()
        return visits


VISITED_STATES = (domain.VISIT_DONE, domain.VISIT_UNREACHABLE, domain.VISIT_REFUSED)


def _only_person(role: str) -> Staff | None:
    people = list(Staff.select().where(Staff.role == role, Staff.active == True))  # noqa: E712
    return people[0] if len(people) == 1 else None
