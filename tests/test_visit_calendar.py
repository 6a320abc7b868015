"""What the visit windows read, through the service and without Qt: the rows the calendar
lists show, today's rows by visitor, one visit's row, the day marks, a visit's attempts,
questions and notices, the sample's target and a random part of the households."""

from __future__ import annotations

import datetime as dt
import random

from app import domain
from app.calendar_days import HOLIDAY_MARK, WORKDAY_MARK
from app.models import Holiday, Owner, Room, Visit
from app.visits import OVERDUE, UNASSIGNED, VisitFilter, VisitResult


def resolved_visit(office, admin, make_case, **fields) -> Visit:
    fields.setdefault("kind", "投诉")
    fields.setdefault("category", "服务态度")
    case = make_case(**fields)
    office.cases.resolve(case, "已处理", admin)
    return Visit.get(Visit.case == case)


def test_rows_say_where_whom_and_what(office, admin, make_case, clock):
    visit = resolved_visit(office, admin, make_case, room="3-2-501", customer_name="张伟")
    (row,) = office.visits.day_rows(visit.due)
    assert (row.id, row.state, row.planned) == (visit.id, domain.VISIT_PLANNED, True)
    assert (row.room, row.owner, row.kind, row.category) == ("3-2-501", "张伟", "投诉", "服务态度")
    assert row.case == Visit.get_by_id(visit.id).case.number
    assert office.visits.row(visit.id) == row
    assert office.visits.row(visit.id + 1000) is None


def test_a_periodic_visit_shows_the_rooms_occupant(office, admin, clock):
    room = Room.create(building="5", unit="1", number="101")
    Owner.create(room=room, name="李娜", phone="13900000000", active=True)
    (visit,) = office.visits.plan_batch("季度巡访", [room], clock.now().date(), "steward", "四季度", admin)
    row = office.visits.row(visit.id)
    assert row is not None and row.owner == "李娜" and row.case == "季度巡访" and row.kind == ""


def test_a_week_column_lists_a_day_s_own_visits_and_today_lists_the_overdue(office, admin, make_case, clock):
    late = resolved_visit(office, admin, make_case, room="3-1-101")
    today = clock.now().date()
    Visit.update(due=today - dt.timedelta(days=2)).where(Visit.id == late.id).execute()
    assert [r.id for r in office.visits.day_rows(today)] == [late.id]  # today's list: on top
    assert office.visits.own_day_rows(today) == []  # the week's column for today: not its own day
    assert [r.state for r in office.visits.own_day_rows(today - dt.timedelta(days=2))] == [OVERDUE]
    groups = office.visits.today_rows_by_visitor()
    assert list(groups) == [UNASSIGNED] and groups[UNASSIGNED][0].id == late.id
    assert office.visits.today_rows_by_visitor(VisitFilter(building="9")) == {}


def test_day_marks_follow_the_holidays(office, admin):
    Holiday.create(day=dt.date(2026, 10, 1), workday=False, name="国庆节")
    Holiday.create(day=dt.date(2026, 10, 10), workday=True, name="国庆节调休")
    days = [dt.date(2026, 9, 30), dt.date(2026, 10, 1), dt.date(2026, 10, 10)]
    assert office.visits.day_marks(days) == {
        dt.date(2026, 10, 1): HOLIDAY_MARK,
        dt.date(2026, 10, 10): WORKDAY_MARK,
    }


def test_a_visit_s_attempts_questions_and_notices(office, admin, make_case, clock):
    visit = resolved_visit(office, admin, make_case)
    office.visits.record_attempt(visit, "未接通", "拨了两次", actor=admin)
    clock.advance(days=1)
    result = VisitResult(
        method="电话",
        satisfaction="不满意",
        findings="还在漏",
        questions=[("物业费能否分期", clock.now().date() + dt.timedelta(days=3))],
    )
    nxt = office.visits.complete(visit, result, admin)
    assert nxt is not None and nxt.attempt == 2
    assert [a.note for a in office.visits.attempts_of(visit)] == ["拨了两次"]
    assert [t.question for t in office.visits.tasks_of(visit)] == ["物业费能否分期"]
    (notice,) = office.visits.notices_of(visit)
    assert notice in office.visits.pending_notices()
    (task,) = office.visits.open_tasks()
    assert task.visit.case_id == visit.case_id  # read with its visit and case
    assert office.visits.case_of(visit).id == visit.case_id
    assert office.visits.allowed_methods(nxt) == ["上门", "电话"]  # a follow-up may be by phone


def test_the_sample_target_and_a_random_part_of_the_rooms(office, admin):
    assert office.visits.sample_target("投诉") == 1.0
    assert office.visits.sample_target("不存在的性质") == 0.0
    rooms = [Room.create(building="8", unit="1", number=f"{n}01") for n in range(1, 11)]
    office.visits.random = random.Random(7)
    chosen = office.visits.sample_rooms(rooms, 4)
    assert len(chosen) == 4 and chosen == sorted(chosen, key=rooms.index)  # in the rooms' order
    assert office.visits.sample_rooms(rooms, 40) == rooms
