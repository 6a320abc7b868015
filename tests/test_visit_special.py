"""Issue 14 (H23): the visit rules the seeds name — sub-rules by category or sub-category
only, 急救病人 within a week at 100%, leaks after the leak test (闭水试验), special services
mid-contract and after the end, move-in visits from the move-in day, steward rounds a quarter.
Dates are the office's own: 2026's National Day holiday (10-01..10-07) and the quarter's end."""

import datetime as dt
import json

import pytest

from app.errors import ValidationError
from app.models import Case, Owner, Room, Setting, Visit, VisitDecision
from app.policy import Policy, PolicyStore, default_policy_data
from app.policy_sections import SubRule
from app.visit_policy import AFTER_CONTRACT, AFTER_LEAK_TEST, AFTER_RESOLVED, presets, rule_for
from app.visits import VisitResult
from app.visits.special import contract_middle, first_visit_dues, move_in_due, quarter_bounds
from app.workdays import WorkCalendar


@pytest.fixture
def steward(office):
    return office.staff.save_staff("赵物管", "steward", buildings="3")


def resolved(office, admin, make_case, **fields):
    case = make_case(**fields)
    office.cases.resolve(case, "已处理", admin)
    return Case.get_by_id(case.id)


def set_rate(office, kind, rate):
    policy = office.policies.load()
    policy.visits.rules[kind].rate = rate
    office.policies.save(policy)


# 1. Sub-rules by category or sub-category, never by a word in the account ----------------
def test_a_word_in_the_account_chooses_no_sub_rule():
    policy = Policy.defaults()
    plain = rule_for(policy, "报修", "轻微", "设施设备维护", "")
    assert (plain.days, plain.sub_rule, plain.after) == (7, "", AFTER_RESOLVED)
    leak = rule_for(policy, "报修", "轻微", "漏水/渗漏", "卫生间渗漏")
    assert (leak.days, leak.sub_rule, leak.after) == (3, "漏水/渗漏", AFTER_LEAK_TEST)
    assert leak.describe() == "闭水试验后3天内"
    # The account is not even an argument any more: "不漏水" cannot trigger the leak rule.
    assert rule_for(policy, "报修", "轻微", "设施设备维护", "门锁").sub_rule == ""


def test_a_not_leaking_repair_is_planned_from_its_resolution(office, admin, make_case, steward, clock):
    set_rate(office, "报修", 1.0)
    case = resolved(office, admin, make_case, account="检查后确认不漏水,只是门锁松了")
    visit = Visit.get(Visit.case == case)
    assert visit.due == dt.date(2026, 10, 5) and "漏水" not in visit.reason


def test_a_sub_rule_by_sub_category(office):
    policy = office.policies.load()
    policy.visits.rules["报修"].sub_rules.insert(
        0, SubRule("电梯困人", [], ["电梯困人"], 1, None, "resolved")
    )
    office.policies.save(policy)
    loaded = office.policies.load()
    assert rule_for(loaded, "报修", "重要", "设施设备维护", "电梯困人").days == 1
    assert rule_for(loaded, "报修", "重要", "设施设备维护", "电梯异响").days == 7


def test_an_old_policy_with_keywords_loads_and_the_keywords_are_dropped(office, admin):
    """Decision: old keywords are dropped, not converted into sub-categories (a word in an
    account says nothing reliable about what the case is); a sub-rule keeps its categories,
    and an old 漏水/渗漏 sub-rule counts from the leak test from now on."""
    old = default_policy_data()
    old["visits"]["rules"]["报修"]["sub_rules"] = [
        {"name": "漏水/渗漏", "categories": ["漏水/渗漏"], "keywords": ["漏水", "渗漏"], "days": 3},
        {"name": "电梯", "categories": ["电梯"], "keywords": ["电梯困人"], "days": 1},
    ]
    Setting.replace(key=PolicyStore.KEY, value=json.dumps(old, ensure_ascii=False)).execute()
    policy = office.policies.load()
    leak, lift = policy.visits.rules["报修"].sub_rules
    assert leak.after == AFTER_LEAK_TEST and lift.after == AFTER_RESOLVED
    assert "keywords" not in leak.to_dict() and leak.extra == {}
    assert (
        rule_for(policy, "报修", "轻微", "设施设备维护", "").sub_rule == ""
    )  # "电梯困人" in an account: nothing
    assert rule_for(policy, "报修", "轻微", "电梯", "").days == 1
    office.policies.save(policy)
    stored = json.loads(Setting.get(Setting.key == PolicyStore.KEY).value)
    assert all("keywords" not in s for s in stored["visits"]["rules"]["报修"]["sub_rules"])


def test_a_sub_rule_rate_and_start_are_checked():
    data = default_policy_data()
    data["visits"]["rules"]["求助"]["sub_rules"][0]["rate"] = 1.5
    data["visits"]["rules"]["报修"]["sub_rules"][0]["after"] = "the moon"
    with pytest.raises(ValidationError) as err:
        Policy.from_dict(data)
    assert err.value.problems["求助·急救病人回访率"].startswith("须在 0% 到 100% 之间")
    assert err.value.problems["报修·安全设施起算"] == "只能从办结或闭水试验起算"


# 2. 急救病人 -------------------------------------------------------------------------------
def test_first_aid_is_visited_within_a_week_every_time(office, admin, make_case, steward):
    rule = rule_for(office.policies.load(), "求助", "轻微", "其他", "急救病人")
    assert (rule.days, rule.rate, rule.sub_rule) == (7, 1.0, "急救病人")
    cases = [
        resolved(
            office,
            admin,
            make_case,
            kind="求助",
            category="其他",
            subcategory="急救病人",
            account=f"老人晕倒{i}",
        )
        for i in range(5)
    ]
    visits = [Visit.get(Visit.case == c) for c in cases]
    assert all(v.due == dt.date(2026, 10, 5) for v in visits)  # 09-28 + 7 days
    assert all("急救病人" in v.reason for v in visits)
    assert all(VisitDecision.get(VisitDecision.case == c).selected for c in cases)
    # An ordinary help request keeps the kind's 30% and its sample.
    assert rule_for(office.policies.load(), "求助", "轻微", "其他", "").rate == 0.3


# 3. Leaks after the leak test -------------------------------------------------------------
def test_a_leak_waits_for_its_leak_test_then_is_visited_within_three_days(
    office, admin, make_case, steward, clock
):
    set_rate(office, "报修", 1.0)
    case = resolved(
        office, admin, make_case, category="漏水/渗漏", subcategory="卫生间渗漏", account="卫生间渗漏到楼下"
    )
    assert not Visit.select().where(Visit.case == case).exists()
    assert office.visits.dates.waiting(case) == "待闭水试验"
    watch = office.visits.dates.watch()
    assert watch.leaks_without_test == [case.number]
    clock.advance(days=2)  # 09-30, the day before National Day
    with pytest.raises(ValidationError) as err:
        office.visits.dates.record_leak_test(case, dt.date(2026, 10, 2), admin)
    assert "闭水试验日期" in err.value.problems
    office.visits.dates.record_leak_test(case, dt.date(2026, 9, 30), admin)
    case = Case.get_by_id(case.id)
    visit = Visit.get(Visit.case == case)
    assert visit.due == dt.date(2026, 10, 3)  # 试漏后3天内: calendar days, inside the holiday
    assert "闭水试验后3天内" in visit.reason
    assert office.visits.dates.waiting(case) == ""
    assert office.visits.dates.watch().leaks_without_test == []
    events = [e.text for e in case.events]
    assert any("闭水试验日期:2026-09-30" in t for t in events)
    # A corrected test date moves the planned visit, it does not add one.
    office.visits.dates.record_leak_test(case, dt.date(2026, 9, 29), admin)
    assert [v.due for v in Visit.select().where(Visit.case == case)] == [dt.date(2026, 10, 2)]


def test_a_leak_counted_in_working_days_skips_national_day(office, admin, make_case, steward, clock):
    policy = office.policies.load()
    policy.visits.rules["报修"].rate = 1.0
    policy.visits.rules["报修"].unit = "working"
    office.policies.save(policy)
    case = resolved(office, admin, make_case, category="漏水/渗漏", account="阳台渗水")
    clock.advance(days=2)
    office.visits.dates.record_leak_test(case, dt.date(2026, 9, 30), admin)
    due = Visit.get(Visit.case == case).due
    calendar = WorkCalendar.from_database()
    assert due == calendar.add(dt.datetime(2026, 9, 30, 9), 3, "working").date()
    assert due > dt.date(2026, 10, 7)  # not one day of the holiday counted
    assert not any(dt.date(2026, 10, d) == due for d in range(1, 8))


def test_a_leak_tested_before_it_was_handled_counts_from_the_handling(
    office, admin, make_case, steward, clock
):
    set_rate(office, "报修", 1.0)
    case = make_case(category="漏水/渗漏", account="厨房漏水", received_at="2026-09-20 09:00")
    office.visits.dates.record_leak_test(case, dt.date(2026, 9, 25), admin)
    office.cases.resolve(case, "已修复", admin)
    assert Visit.get(Visit.case == case).due == dt.date(2026, 10, 1)  # 09-28 + 3


def test_a_leak_the_sample_left_out_gets_no_visit_when_tested(office, admin, make_case, steward):
    set_rate(office, "报修", 0.0)
    case = resolved(office, admin, make_case, category="漏水/渗漏", account="外墙渗水")
    assert office.visits.dates.waiting(case) == "待闭水试验"
    assert office.visits.dates.watch().leaks_without_test == []  # not chosen: nothing waits
    assert office.visits.dates.record_leak_test(case, dt.date(2026, 9, 28), admin) == []
    assert not Visit.select().where(Visit.case == case).exists()


def test_the_leak_test_date_needs_the_permission(office, admin, make_case):
    from app.errors import UserError

    clerk_culture = office.staff.save_staff("孙文员", "culture_clerk")
    case = resolved(office, admin, make_case, category="漏水/渗漏")
    with pytest.raises(UserError):
        office.visits.dates.record_leak_test(case, dt.date(2026, 9, 28), clerk_culture)


# 4. Special services ------------------------------------------------------------------------
def test_contract_visits_mid_contract_and_after_the_end(office, admin, make_case, steward):
    set_rate(office, "特约服务", 1.0)
    case = resolved(office, admin, make_case, kind="特约服务", category="其他", account="每周保洁一次,三个月")
    assert office.visits.dates.waiting(case) == "待录入合同日期"
    assert office.visits.dates.watch().contracts_missing == [case.number]
    with pytest.raises(ValidationError) as err:
        office.visits.dates.record_contract(case, dt.date(2026, 12, 31), dt.date(2026, 10, 1), admin)
    assert err.value.problems == {"合同结束日期": "不能早于合同开始日期 2026-12-31"}
    with pytest.raises(ValidationError):
        office.visits.dates.record_contract(case, dt.date(2026, 10, 1), None, admin)
    office.visits.dates.record_contract(case, dt.date(2026, 10, 1), dt.date(2026, 12, 31), admin)
    visits = list(Visit.select().where(Visit.case == case).order_by(Visit.due))
    assert [(v.purpose, v.due) for v in visits] == [
        ("合同中期回访", dt.date(2026, 11, 15)),  # 10-01 + 91 // 2 days
        ("合同期满回访", dt.date(2027, 1, 7)),  # the end + the rule's 7 days
    ]
    assert "合同中期及期满后7天内" in visits[0].reason
    schedule = {row["visit"]: row for row in office.visits.schedule()}
    assert schedule[visits[0].id]["purpose"] == "合同中期回访"


def test_one_draw_decides_both_contract_visits(office, admin, make_case, steward):
    set_rate(office, "特约服务", 0.0)
    case = make_case(kind="特约服务", category="其他", account="家政服务")
    office.visits.dates.record_contract(case, dt.date(2026, 9, 1), dt.date(2026, 11, 30), admin)
    office.cases.resolve(case, "已安排", admin)
    assert not Visit.select().where(Visit.case == case).exists()  # neither
    set_rate(office, "特约服务", 1.0)
    other = make_case(kind="特约服务", category="其他", account="家政服务", room="3-1-101")
    office.visits.dates.record_contract(other, dt.date(2026, 9, 1), dt.date(2026, 11, 30), admin)
    office.cases.resolve(other, "已安排", admin)
    dues = sorted(v.due for v in Visit.select().where(Visit.case == other))
    # both: the middle (09-01 + 90 // 2 days = 10-16, after 办结 on 09-28) and the end + 7
    assert dues == [dt.date(2026, 10, 16), dt.date(2026, 12, 7)]


def test_contract_middle_and_pure_dues():
    assert contract_middle(dt.date(2026, 10, 1), dt.date(2026, 10, 31)) == dt.date(2026, 10, 16)
    assert contract_middle(dt.date(2026, 10, 1), dt.date(2026, 10, 1)) == dt.date(2026, 10, 1)
    assert move_in_due(dt.date(2026, 9, 28)) == dt.date(2026, 10, 5)
    assert quarter_bounds(dt.date(2026, 11, 30)) == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert quarter_bounds(dt.date(2026, 9, 28)) == (dt.date(2026, 7, 1), dt.date(2026, 9, 30))


def test_a_case_without_a_special_rule_is_due_from_its_resolution(office, admin, make_case, steward):
    rule = rule_for(office.policies.load(), "特约服务", "轻微", "其他", "")
    assert rule.after == AFTER_CONTRACT
    case = resolved(office, admin, make_case, kind="投诉", category="服务态度")
    dues = first_visit_dues(case, office.visits.rule(case), WorkCalendar.from_database())
    assert dues == [("", dt.date(2026, 10, 1))]


# 6. Move-in --------------------------------------------------------------------------------
def _occupied(office, label, move_in, name="新业主"):
    building, unit, number = label.split("-")
    room, _ = Room.get_or_create(building=building, unit=unit, number=number)
    Owner.create(room=room, name=name, move_in=move_in)
    return room


def test_move_in_visits_are_due_a_week_after_each_move_in(office, admin, steward, clock):
    early = _occupied(office, "3-1-101", dt.date(2026, 9, 22))
    late = _occupied(office, "3-1-102", dt.date(2026, 9, 27))
    rooms = office.visits.move_in_rooms(within_days=7)
    assert {r.id for r in rooms} == {early.id, late.id}
    visits = office.visits.plan_batch("入伙回访", rooms, dt.date(2026, 10, 5), "steward", "", admin)
    dues = {v.room_id: v.due for v in visits}
    assert dues == {early.id: dt.date(2026, 9, 29), late.id: dt.date(2026, 10, 4)}  # not today + 7


def test_late_move_in_visits_are_flagged(office, admin, steward, clock):
    done_room = _occupied(office, "3-1-101", dt.date(2026, 9, 10), "周")
    late_room = _occupied(office, "3-1-102", dt.date(2026, 9, 15), "吴")
    _occupied(office, "3-1-103", dt.date(2026, 9, 25), "郑")  # its week is not over yet
    _occupied(office, "3-1-104", dt.date(2026, 3, 1), "陈")  # long ago: history, not a flag
    v = office.visits.plan_batch("入伙回访", [done_room], dt.date(2026, 9, 17), "steward", "", admin)[0]
    clock.at = dt.datetime(2026, 9, 16, 10, 0)
    office.visits.complete(v, VisitResult(method="电话", satisfaction="满意", findings="入住顺利"), admin)
    clock.at = dt.datetime(2026, 9, 28, 9, 30)
    late = office.visits.dates.late_move_ins()
    assert [(x.room, x.due, x.planned) for x in late] == [(late_room.label, dt.date(2026, 9, 22), False)]
    office.visits.plan_batch("入伙回访", [late_room], dt.date(2026, 9, 30), "steward", "", admin)
    assert [x.planned for x in office.visits.dates.late_move_ins()] == [True]  # planned, still late


# 7. Steward rounds ---------------------------------------------------------------------------
def test_a_stewards_quarterly_round(office, admin, steward, clock):
    rooms = [Room.create(building="3", unit="1", number=f"10{i}") for i in range(1, 4)]
    Room.create(building="9", unit="1", number="101")  # nobody's area
    office.staff.save_staff("无区域", "steward")
    (r,) = office.visits.dates.steward_rounds()
    assert (r.steward, r.buildings, r.rooms, r.visited, r.planned, r.done) == (
        "赵物管",
        ["3"],
        3,
        0,
        0,
        False,
    )
    assert r.quarter == "2026-Q3" and r.quarter_end == dt.date(2026, 9, 30)
    watch = office.visits.dates.watch()
    assert [x.steward for x in watch.rounds_not_done] == ["赵物管"] and watch.quarter_end == dt.date(
        2026, 9, 30
    )
    planned = office.visits.dates.plan_round("赵物管", admin)
    assert len(planned) == 3 and {v.due for v in planned} == {dt.date(2026, 9, 30)}
    assert all(v.visitor_name == "赵物管" and v.purpose == "季度巡访" for v in planned)
    (r,) = office.visits.dates.steward_rounds()
    assert (r.visited, r.planned, r.not_yet) == (0, 3, [])
    for v in planned:
        office.visits.complete(v, VisitResult(method="电话", satisfaction="满意", findings="巡访"), admin)
    (r,) = office.visits.dates.steward_rounds()
    assert r.done and r.visited == 3 and rooms
    assert office.visits.dates.watch().rounds_not_done == []
    # The next quarter starts again from nothing.
    clock.at = dt.datetime(2026, 10, 8, 9, 0)
    (r,) = office.visits.dates.steward_rounds()
    assert (r.quarter, r.visited, r.done, r.quarter_end) == ("2026-Q4", 0, False, dt.date(2026, 12, 31))


# 8. Presets ---------------------------------------------------------------------------------
def test_presets_keep_the_seed_variants():
    p = presets()
    assert p["标准"].rules["报修"].days == 7 and p["标准"].rules["报修"].rate == 0.3
    handbook = p["维修全部回访(客服手册)"].rules["报修"]  # seed 004: 100%, other repairs in 2 days
    assert (handbook.rate, handbook.days) == (1.0, 2)
    assert [(s.name, s.days, s.after) for s in handbook.sub_rules] == [
        ("安全设施", 2, "resolved"),
        ("漏水/渗漏", 3, "leak_test"),
    ]
    assert p["维修一至两个月后回访(规程4.1.1)"].rules["报修"].days == 45
    for visits in p.values():  # seed 000: 急救病人 a week, activities 10% within a month
        assert visits.rules["求助"].sub_rules[0].name == "急救病人"
        assert (visits.activity_rate, visits.activity_days) == (0.1, 30)


# Migration ------------------------------------------------------------------------------------
def test_migration_14_adds_the_dates_and_the_activity_tables(tmp_path):
    from app import db as dbmod
    from app.models import Activity, ActivityRoom, db

    key = bytes(range(32))
    path = tmp_path / "x.sqlite3"
    dbmod.open_database(path, key)
    for model in (ActivityRoom, Activity):
        db.execute_sql(f'DROP TABLE "{model._meta.table_name}"')
    for column in ("leak_test_on", "contract_start", "contract_end"):
        db.execute_sql(f'ALTER TABLE "case" DROP COLUMN "{column}"')
    Setting.replace(key="schema_version", value="1").execute()  # every step after the first runs again
    db.close()
    dbmod.open_database(path, key)
    try:
        assert dbmod.schema_version() == dbmod.SCHEMA_VERSION
        assert {"activity", "activity_room"} <= set(db.get_tables())
        columns = {c.name for c in db.get_columns("case")}
        assert {"leak_test_on", "contract_start", "contract_end"} <= columns
    finally:
        db.close()
