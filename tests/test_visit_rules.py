"""The visit rules in app/visits/rules.py and app/calendar_days.py, without Qt: the methods a
visit may use, when the customer signs, the state shown, quarters and the calendar's days."""

from __future__ import annotations

import datetime as dt

import pytest

from app import domain
from app.calendar_days import (
    HOLIDAY_MARK,
    WORKDAY_MARK,
    add_months,
    day_marks,
    month_grid_days,
    month_start,
    week_days,
    week_start,
)
from app.errors import UserError, ValidationError
from app.models import Visit
from app.visit_policy import VisitRule
from app.visits import VisitResult
from app.visits.rules import (
    OVERDUE,
    VISITING_ROLES,
    allowed_methods,
    batch_defaults,
    customer_must_sign,
    method_problem,
    require_open,
    shown_state,
    signature_needed,
)
from app.workdays import WorkCalendar


def rule(methods: list[str], signature: bool = True) -> VisitRule:
    return VisitRule(
        kind="投诉",
        days=3,
        unit="calendar",
        rate=1.0,
        role="steward",
        methods=methods,
        signature=signature,
        sub_rule="",
    )


def test_the_rule_lists_the_methods_in_the_offices_order():
    assert allowed_methods(rule(["电话", "上门"]), attempt=1) == ["上门", "电话"]
    assert allowed_methods(rule(["上门"]), attempt=1) == ["上门"]


def test_a_follow_up_after_rework_may_always_be_by_phone():
    assert allowed_methods(rule(["上门"]), attempt=2) == ["上门", "电话"]
    assert method_problem("电话", rule(["上门"]), attempt=2) is None


def test_a_periodic_round_may_use_any_method():
    assert allowed_methods(None, attempt=1) == domain.VISIT_METHODS


def test_a_method_outside_the_rule_is_refused_in_words():
    assert method_problem("电话", rule(["上门"]), attempt=1) == "本类回访只能用 上门"
    assert method_problem("飞鸽", None, attempt=1) == f"只能是 {'、'.join(domain.VISIT_METHODS)}"
    assert method_problem("上门", rule(["上门", "电话"]), attempt=1) is None


def test_the_customer_signs_a_door_visit_of_a_kind_that_asks_for_it():
    assert customer_must_sign("上门", rule(["上门"]))
    assert customer_must_sign("上门", None)  # a periodic round at the door
    assert not customer_must_sign("上门", rule(["上门"], signature=False))
    assert not customer_must_sign("电话", rule(["电话"]))
    assert signature_needed(None) and not signature_needed(rule(["上门"], signature=False))


def test_a_planned_visit_past_its_day_shows_as_overdue():
    today = dt.date(2026, 9, 28)
    assert shown_state(domain.VISIT_PLANNED, today - dt.timedelta(days=1), today) == OVERDUE
    assert shown_state(domain.VISIT_PLANNED, today, today) == domain.VISIT_PLANNED
    assert shown_state(domain.VISIT_DONE, today - dt.timedelta(days=9), today) == domain.VISIT_DONE


def test_a_closed_visit_is_not_changed():
    require_open(domain.VISIT_PLANNED)
    with pytest.raises(UserError, match="已是“已完成”"):
        require_open(domain.VISIT_DONE)


def test_batch_visits_default_to_who_usually_makes_them():
    today = dt.date(2026, 9, 28)
    assert batch_defaults("年度走访", today) == ("cs_director", today + dt.timedelta(days=60))
    assert batch_defaults("入伙回访", today) == ("steward", today + dt.timedelta(days=7))
    assert batch_defaults("突发事件回访", today) == ("office_manager", today + dt.timedelta(days=3))


def test_everyone_but_the_administrator_and_night_duty_visits():
    assert "admin" not in VISITING_ROLES and "night_duty" not in VISITING_ROLES
    assert {"steward", "cs_director", "office_manager"} <= set(VISITING_ROLES)
    assert all(role in domain.ROLES for role in VISITING_ROLES)


def test_months_and_weeks():
    assert month_start(dt.date(2026, 9, 28)) == dt.date(2026, 9, 1)
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 1, 15), -1) == dt.date(2025, 12, 15)
    assert add_months(dt.date(2026, 11, 30), 14) == dt.date(2028, 1, 30)
    assert week_start(dt.date(2026, 10, 4)) == dt.date(2026, 9, 28)
    assert week_days(dt.date(2026, 10, 1)) == [dt.date(2026, 9, 28) + dt.timedelta(days=i) for i in range(7)]


def test_the_month_grid_is_whole_weeks_from_monday():
    days = month_grid_days(dt.date(2026, 9, 1))
    assert days[0] == dt.date(2026, 8, 31) and days[-1] == dt.date(2026, 10, 4)
    assert len(days) == 35
    february = month_grid_days(dt.date(2027, 2, 1))  # starts on a Monday: four weeks
    assert len(february) == 28 and february[0] == dt.date(2027, 2, 1)


def test_holidays_on_weekdays_and_working_weekends_are_marked():
    work = WorkCalendar({dt.date(2026, 10, 1): False, dt.date(2026, 10, 10): True})
    days = [dt.date(2026, 9, 30), dt.date(2026, 10, 1), dt.date(2026, 10, 4), dt.date(2026, 10, 10)]
    marks = day_marks(days, work)
    assert marks[dt.date(2026, 10, 1)] == HOLIDAY_MARK
    assert marks[dt.date(2026, 10, 10)] == WORKDAY_MARK
    assert dt.date(2026, 9, 30) not in marks


# The same rule through the service: what the record window offers is what the recorder takes.
def test_the_window_offers_what_the_recorder_accepts(office, admin, make_case, clock):
    case = make_case(kind="投诉", category="服务态度")
    office.cases.resolve(case, "已处理", admin)
    visit = Visit.get(Visit.case == case)
    clock.advance(days=1)
    offered = office.visits.allowed_methods(visit)
    assert offered == ["上门", "电话"]
    for method in domain.VISIT_METHODS:
        result = VisitResult(method=method, satisfaction="满意", findings="好")
        if method in offered:
            try:
                office.visits.check_result(visit, result)
            except ValidationError as exc:
                assert "回访方式" not in exc.problems  # (上门 still asks for the signature)
        else:
            with pytest.raises(ValidationError) as refused:
                office.visits.check_result(visit, result)
            assert refused.value.problems["回访方式"] == "本类回访只能用 上门、电话"


def test_the_schedule_lists_the_methods_each_visit_may_use(office, admin, make_case):
    case = make_case(kind="投诉", category="服务态度")
    office.cases.resolve(case, "已处理", admin)
    (row,) = office.visits.schedule()
    assert row["methods"] == ["上门", "电话"]
