"""Community activities and publications (seed 000 4.1.1 e, 4.1.2 c, 1.1.5): 10% of the
participant rooms visited within a month by the community-culture clerk, drawn at random
once, when the activity is entered as held; each room's draw keeps its reason."""

import datetime as dt
import random

import pytest

from app.activities import ACTIVITY_VISIT, ActivityInput
from app.errors import UserError, ValidationError
from app.models import Activity, ActivityRoom, Room, Visit
from app.visits import VisitResult


@pytest.fixture
def culture(office):
    return office.staff.save_staff("孙文员", "culture_clerk")


@pytest.fixture
def rooms(office):
    return [Room.create(building="5", unit=str(1 + i // 10), number=str(101 + i % 10)) for i in range(23)]


def test_a_held_activity_gets_a_tenth_of_its_rooms_visited_within_a_month(office, culture, rooms):
    service = office.visits.activities
    service.random = random.Random(4)
    party = service.create(
        ActivityInput("中秋游园会", "活动", dt.date(2026, 9, 26), "孙文员", "中心广场"), rooms, culture
    )
    visits = service.plan_visits(party, culture)
    assert len(visits) == 3  # 10% of 23, rounded up
    assert {v.due for v in visits} == {dt.date(2026, 10, 26)}  # held 09-26 + 30 days
    assert all(v.role == "culture_clerk" and v.visitor_name == "孙文员" for v in visits)
    assert all(v.purpose == ACTIVITY_VISIT and v.case_id is None for v in visits)
    members = service.rooms_of(party)
    chosen = [m for m in members if m.selected]
    assert {m.visit_id for m in chosen} == {v.id for v in visits}
    assert all("回访率10%须至少3户:随机抽中" in m.reason for m in chosen)
    assert all("本户未抽中" in m.reason for m in members if not m.selected)
    with pytest.raises(UserError, match="不能重抽"):
        service.plan_visits(party, culture)
    with pytest.raises(UserError, match="不能再加参与房号"):
        service.add_rooms(party, rooms[:1], culture)
    (row,) = service.activities()
    assert (row.rooms, row.drawn, row.visited, row.planned, row.due) == (
        23,
        3,
        0,
        True,
        dt.date(2026, 10, 26),
    )
    office.visits.complete(
        visits[0], VisitResult(method="电话", satisfaction="满意", findings="活动很好"), culture
    )
    assert service.activities()[0].visited == 1


def test_the_draw_is_random_not_the_first_rooms(office, culture, rooms):
    service = office.visits.activities
    drawn = set()
    for seed in range(6):
        service.random = random.Random(seed)
        activity = service.create(
            ActivityInput(f"刊物第{seed}期", "刊物", dt.date(2026, 9, 1)), rooms, culture
        )
        drawn.add(tuple(sorted(v.room_id for v in service.plan_visits(activity, culture))))
    assert len(drawn) > 1


def test_a_publication_and_a_policy_rate(office, admin, culture, rooms):
    policy = office.policies.load()
    policy.visits.activity_rate = 0.25
    policy.visits.activity_days = 14
    office.policies.save(policy)
    service = office.visits.activities
    issue = service.create(
        ActivityInput("《阳光家园》第9期", "刊物", dt.date(2026, 9, 20)), rooms[:8], culture
    )
    visits = service.plan_visits(issue, culture)
    assert len(visits) == 2 and {v.due for v in visits} == {dt.date(2026, 10, 4)}


def test_bad_input_is_refused_in_words_and_nothing_is_written(office, culture, rooms):
    service = office.visits.activities
    with pytest.raises(ValidationError) as err:
        service.create(ActivityInput("  ", "讲座", dt.date(2026, 9, 1)), rooms, culture)
    assert err.value.problems == {"活动名称": "请填写活动或刊物的名称", "类型": "只能是 活动、刊物"}
    with pytest.raises(ValidationError) as err:
        service.create(ActivityInput("", "活动", dt.date(2026, 9, 1)), [], culture)
    assert set(err.value.problems) == {"活动名称", "参与房号"}  # every reason at once
    assert Activity.select().count() == 0 and ActivityRoom.select().count() == 0
    with pytest.raises(ValidationError) as err:
        service.create(ActivityInput("重阳敬老", "活动", dt.date(2026, 9, 27)), [], culture)
    assert err.value.problems == {"参与房号": "请选择参与活动(或收到刊物)的房号"}
    future = service.create(ActivityInput("国庆联欢", "活动", dt.date(2026, 10, 1)), rooms, culture)
    with pytest.raises(UserError, match="举办后才能抽取回访"):
        service.plan_visits(future, culture)
    assert not Visit.select().exists()


def test_only_the_culture_clerk_and_managers_manage_activities(office, rooms):
    steward = office.staff.save_staff("赵物管", "steward", buildings="5")
    with pytest.raises(UserError):
        office.visits.activities.create(ActivityInput("游园", "活动", dt.date(2026, 9, 1)), rooms, steward)
    assert Activity.select().count() == 0


def test_a_room_is_counted_once(office, culture, rooms):
    service = office.visits.activities
    activity = service.create(
        ActivityInput("亲子运动会", "活动", dt.date(2026, 9, 19)), rooms[:3] + rooms[:3], culture
    )
    assert len(service.rooms_of(activity)) == 3
    assert service.add_rooms(activity, rooms[2:5], culture) == 2
