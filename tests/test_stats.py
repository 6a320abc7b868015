"""The quarterly figures, on hand-built data where each one is worked out below."""

import datetime as dt
import io
import json

import pytest

from app.cases import CaseInput
from app.models import Case, Room, Visit
from app.periods import Period
from app.policy_sections import FirstResponse
from app.stats import Statistics, percentile
from app.visits import VisitResult

T = dt.datetime


@pytest.fixture
def q3(office, admin, clock):
    """Cases of 2026 Q3 (see the expected figures in each test)."""
    policy = office.policies.load()
    # The dates below were written in calendar days (the default before issue 14; working days now).
    policy.day_unit = "calendar"
    policy.first_response = FirstResponse(24, "hours")
    policy.visits.rules["报修"].rate = 0.0  # no random sample in this test
    policy.visits.history_days = 400
    office.policies.save(policy)
    for n in range(1, 8):
        Room.get_or_create(building="9", unit="1", number=f"10{n}")  # households without cases
    cases = {}

    def at(when: T) -> None:
        clock.at = when

    def new(key, received, **fields):
        at(received)
        values = dict(
            account=f"案件{key}", kind="投诉", room="3-2-501", customer_name="张伟", category="环境卫生"
        )
        values.update(fields)
        cases[key] = office.cases.create(CaseInput(**values), admin)
        return cases[key]

    def resolve(key, when):
        at(when)
        office.cases.resolve(Case.get_by_id(cases[key].id), "已处理", admin)

    def visit(key, when, satisfaction, attempt=1):
        at(when)
        v = Visit.get(Visit.case == cases[key], Visit.attempt == attempt)
        office.visits.complete(v, VisitResult(method="电话", satisfaction=satisfaction), admin)

    new("C8", T(2026, 6, 30, 10), kind="建议", category="其他")
    resolve("C8", T(2026, 7, 1, 8))
    new("C1", T(2026, 7, 1, 9))
    new("C10", T(2026, 7, 1, 12), channel="来访")
    office.cases.merge(Case.get_by_id(cases["C10"].id), Case.get_by_id(cases["C1"].id), admin)
    resolve("C1", T(2026, 7, 2, 9))
    new("C9", T(2026, 7, 3, 9), anonymous=True, room="")
    resolve("C9", T(2026, 7, 3, 15))
    visit("C1", T(2026, 7, 4, 10), "满意")
    new("C4", T(2026, 7, 5, 9), kind="报修", room="3-2-502", category="给排水")
    resolve("C4", T(2026, 7, 6, 9))
    new("C5", T(2026, 7, 20, 9), kind="报修", room="3-2-502", category="给排水")
    resolve("C5", T(2026, 7, 21, 9))
    new("C2", T(2026, 8, 10, 10))
    resolve("C2", T(2026, 8, 15, 10))  # due 08-12 10:00: late
    visit("C2", T(2026, 8, 16, 10), "不满意")  # back to rework
    resolve("C2", T(2026, 8, 18, 10))
    visit("C2", T(2026, 8, 20, 10), "满意", attempt=2)
    new("C6", T(2026, 9, 1, 9), kind="报修", room="3-2-502", category="给排水")
    resolve("C6", T(2026, 9, 2, 9))
    new("C7", T(2026, 9, 20, 10), kind="报修", room="5-1-101", category="设施设备维护")  # open, due 09-22
    new("C3", T(2026, 9, 29, 10), room="5-1-101", category="停车", severity="重要")  # open, due 10-02
    at(T(2026, 10, 5, 9))
    return {k: c.number for k, c in cases.items()}


def compute(office, period=None):
    return Statistics(office.policies.load(), office.clock.now().date()).compute(
        period or Period.quarter(2026, 3)
    )


def test_visit_statistics(office, q3):
    s = compute(office)
    # 投诉 handled in Q3: C1, C9, C2 (its last 办结 on 08-18); visited: C1, C2. C9 is anonymous:
    # no visit by rule, so it is in its own column and not in the base → 2 of 2, 100%.
    c = s.visit_stats["投诉"]
    assert (c.handled, c.anonymous, c.due, c.visited) == (3, 1, 2, 2)
    assert c.visit_rate == 1.0 and c.target == 1.0 and c.met is True and c.late_cases == []
    assert c.visited_cases == [q3["C1"], q3["C2"]]
    # 报修 handled: C4, C5, C6; none visited (rate 0% in this test, so none chosen, none late).
    r = s.visit_stats["报修"]
    assert (r.handled, r.due, r.visited, r.visit_rate, r.late_cases, r.met) == (3, 3, 0, 0.0, [], None)
    assert s.visit_stats["建议"].handled == 1
    assert s.visit_stats["咨询"].handled == 0 and s.visit_stats["咨询"].visit_rate == 0.0
    # Visits done in Q3: C1 满意, C2 不满意 then 满意.
    assert s.satisfaction == {"很满意": 0, "满意": 2, "一般": 0, "不满意": 1, "很不满意": 0}
    assert [u["case"] for u in s.unsatisfied] == [q3["C2"]]


def test_received_resolution_and_overdue(office, q3):
    s = compute(office)
    # Received in Q3 (C10 merged into C1 is not counted, C8 came in Q2).
    assert s.cases_received["投诉"] == 4 and s.cases_received["报修"] == 4 and s.cases_received["建议"] == 0
    # 8 received, 6 resolved by 30 September (C3 and C7 open).
    assert s.resolution_rate == pytest.approx(6 / 8)
    # C2 finished after its deadline; C7 is still open and its deadline passed on 22 September.
    assert s.overdue == 2 and set(s.overdue_cases) == {q3["C2"], q3["C7"]}


def test_repeats_and_analysis(office, q3):
    s = compute(office)
    assert [(g.room, g.category, g.count) for g in s.repeat_complaints] == [("3-2-501", "环境卫生", 2)]
    assert s.repeat_complaints[0].cases == [q3["C1"], q3["C2"]]
    assert [(g.room, g.category, g.count, g.cases) for g in s.repeat_repairs] == [
        ("3-2-502", "给排水", 3, [q3["C4"], q3["C5"], q3["C6"]])
    ]
    assert dict(s.complaints_by_category) == {"环境卫生": 3, "停车": 1}
    assert s.complaints_by_severity == {"轻微": 3, "重要": 1, "重大": 0}
    assert dict(s.complaints_by_building) == {"3": 2, "5": 1}  # the anonymous one has no room
    # Rooms: 3-2-501, 3-2-502, 5-1-101 and seven more without cases.
    assert s.households == 10 and s.complaint_rate == pytest.approx(4 / 10)
    # Hours from receipt to 办结 for the six handled: 24, 6, 24, 24, 192, 24.
    assert s.resolution_time.count == 6 and s.resolution_time.median_hours == 24.0


def test_previous_quarter(office, q3):
    s = compute(office, Period.quarter(2026, 2))
    assert s.cases_received["建议"] == 1 and sum(s.cases_received.values()) == 1
    assert s.resolution_rate == 0.0  # C8 was handled on 1 July


def test_percentile():
    assert percentile([], 0.9) is None
    assert percentile([5.0], 0.9) == 5.0
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0], 0.9) == pytest.approx(9.1)


def test_periods():
    assert Period.quarter(2026, 4).end == dt.date(2026, 12, 31)
    assert Period.quarter(2026, 1).previous() == Period.quarter(2025, 4)
    assert Period.month(2026, 3).previous() == Period.month(2026, 2)
    with pytest.raises(ValueError):
        Period.quarter(2026, 5)
    with pytest.raises(ValueError):
        Period.between(dt.date(2026, 2, 1), dt.date(2026, 1, 1))


def test_report_command_json(office, q3, tmp_path, capsys, monkeypatch):
    from huiyin.cli import main

    office.close()
    out = tmp_path / "q3.json"
    args = [
        "--data-dir",
        str(office.data_dir),
        "--user",
        "admin",
        "--password-stdin",
        "report",
        "quarterly",
        "--year",
        "2026",
        "--quarter",
        "3",
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("secret1\n"))
    assert main([*args, "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["period"] == {
        "label": "2026年第3季度",
        "year": 2026,
        "quarter": 3,
        "from": "2026-07-01",
        "to": "2026-09-30",
    }
    assert data["visit_stats"]["投诉"] == {
        "handled": 3,
        "due": 2,
        "visited": 2,
        "visit_rate": 1.0,
        "target": 1.0,
        "met": True,
        "anonymous": 1,
        "written_reply": 0,
        "unreachable": 0,
        "not_due": 0,
        "cancelled": 0,
        "late_cases": [],
        "visited_cases": [q3["C1"], q3["C2"]],
    }
    assert set(data["visit_stats"]) >= {"投诉", "报修", "建议", "咨询", "求助", "特约服务", "表扬"}
    assert data["cases_received"]["投诉"] == 4 and data["overdue"] == 2 and data["resolution_rate"] == 0.75
    assert data["repeat_repairs"][0] == {
        "room": "3-2-502",
        "category": "给排水",
        "count": 3,
        "cases": [q3["C4"], q3["C5"], q3["C6"]],
        "subcategory": "",  # 细类未填 in all three: the same item (H25)
    }
    monkeypatch.setattr("sys.stdin", io.StringIO("secret1\n"))
    assert main([*args[:-1], "5"]) == 2
    assert "季度" in capsys.readouterr().err


def test_excel_export_has_numbers(office, q3, tmp_path):
    from openpyxl import load_workbook

    from app.stats_export import write_xlsx

    office.save_measures(Period.quarter(2026, 3), "加强保洁巡查;给排水管道普查")
    path = tmp_path / "q3.xlsx"
    write_xlsx(office.quarterly(Period.quarter(2026, 3)), path)
    wb = load_workbook(path)
    rows = {r[0]: r for r in wb["回访统计表"].iter_rows(min_row=2, values_only=True)}
    # 处理 3, 匿名 1, 书面 0, 联系不上/拒访 0, 未到期 0, 取消 0, 应回访 2, 回访 2, 100%, 目标 100%, 达标.
    assert rows["投诉"][1:13] == (3, 1, 0, 0, 0, 0, 2, 2, 1.0, 1.0, "是", None)
    assert isinstance(rows["投诉"][1], int)
    # 回访率 is app.rates.visit_rate: 0 of 3 due is 0 %, nothing due is an empty cell (not 0 %).
    assert rows["报修"][7:10] == (3, 0, 0)
    assert rows["咨询"][7:10] == (0, 0, None)
    assert [r for r in wb["重复维修"].iter_rows(min_row=2, values_only=True)][0][:4] == (
        "3-2-502",
        "给排水",
        "细类未填",  # the item's sub-category (H25)
        3,
    )
    assert wb["改进措施与说明"]["A2"].value == "加强保洁巡查;给排水管道普查"


def test_notice_examples_and_typical_cases(office, q3, admin):
    from app.stats import notice_examples

    examples, names = notice_examples(Period.quarter(2026, 3))
    assert ("给排水", "案件C6", "已处理") in examples
    assert names == ["张伟"]
    case = Case.get(Case.number == q3["C2"])
    with pytest.raises(Exception, match="理由"):
        office.cases.mark_typical(case, True, " ", admin)
    office.cases.mark_typical(case, True, "同一问题两次投诉,保洁排班已调整", admin)
    typical = compute(office).typical_cases
    assert [t["case"] for t in typical] == [q3["C2"]] and "保洁排班" in typical[0]["note"]


# Visit rates the office can meet (issue 14) ------------------------------------------------
# A fixed clock in a running quarter: 2026-11-30 10:00, Q4 not over yet.
NOV30 = T(2026, 11, 30, 10)


@pytest.fixture
def q4(office, admin, clock):
    """Complaints of November 2026, each standing for one column of the 《回访统计表》."""
    cases = {}

    def new(key, received, resolved, **fields):
        clock.at = received
        values = dict(account=f"案件{key}", kind="投诉", room=f"3-2-50{len(cases) + 1}", category="环境卫生")
        values.update(fields)
        case = office.cases.create(CaseInput(**values), admin)
        if resolved is not None:
            clock.at = resolved
            office.cases.resolve(Case.get_by_id(case.id), "已处理", admin)
        cases[key] = case.number
        return Case.get_by_id(case.id)

    def first_visit(key):
        return Visit.get(Visit.case == Case.get(Case.number == cases[key]), Visit.attempt == 1)

    new("visited", T(2026, 11, 2, 9), T(2026, 11, 2, 15))
    clock.at = T(2026, 11, 3, 10)
    office.visits.complete(first_visit("visited"), VisitResult(method="电话", satisfaction="满意"), admin)
    new("anonymous", T(2026, 11, 4, 9), T(2026, 11, 4, 15), anonymous=True, room="")
    new("refused", T(2026, 11, 5, 9), T(2026, 11, 5, 15))
    clock.at = T(2026, 11, 6, 10)
    office.visits.record_attempt(first_visit("refused"), "未接通", actor=admin)
    office.visits.record_attempt(first_visit("refused"), "拒绝回访", actor=admin, give_up=True)
    new("unreachable", T(2026, 11, 9, 9), T(2026, 11, 9, 15))
    clock.at = T(2026, 11, 10, 10)
    office.visits.record_attempt(first_visit("unreachable"), "号码错误", actor=admin, give_up=True)
    new("dropped", T(2026, 11, 11, 9), T(2026, 11, 11, 15), channel="巡查发现")
    clock.at = T(2026, 11, 11, 16)
    office.visits.drop_by_hand(first_visit("dropped"), "巡查发现的问题,无报事业主,不需回访", admin)
    voided = new("voided", T(2026, 11, 12, 9), None)
    clock.at = T(2026, 11, 12, 10)
    office.cases.void(voided, "重复录入", admin)
    # Handled on 11-27: its visit (3 days) is due 11-30, today: it can still be made today.
    new("not_due", T(2026, 11, 27, 9), T(2026, 11, 27, 15))
    clock.at = NOV30
    return cases


def late_visit(office, admin, clock, cases):
    """A complaint handled 11-16 whose visit (due 11-19) nobody made: really late."""
    clock.at = T(2026, 11, 16, 9)
    case = office.cases.create(
        CaseInput(account="楼道灯不亮", kind="投诉", room="5-1-101", category="设施设备维护"), admin
    )
    clock.at = T(2026, 11, 16, 15)
    office.cases.resolve(Case.get_by_id(case.id), "已更换灯具", admin)
    clock.at = NOV30
    cases["late"] = case.number
    return case.number


def test_every_visitable_complaint_visited_meets_the_target(office, q4):
    s = compute(office, Period.quarter(2026, 4))
    c = s.visit_stats["投诉"]
    # Handled in Q4: visited, anonymous, refused, unreachable, dropped, not_due (the voided one is not).
    assert c.handled == 6
    assert (c.anonymous, c.unreachable, c.not_due, c.cancelled, c.written_reply) == (1, 2, 1, 1, 0)
    assert (c.due, c.visited, c.visited_cases) == (1, 1, [q4["visited"]])
    assert c.visit_rate == 1.0 and c.met is True and c.late_cases == []
    # The month on the dashboard says the same.
    assert compute(office, Period.month(2026, 11)).visit_stats["投诉"].to_json() == c.to_json()


def test_one_really_late_visit_is_below_target_and_named(office, admin, clock, q4):
    late = late_visit(office, admin, clock, q4)
    c = compute(office, Period.quarter(2026, 4)).visit_stats["投诉"]
    assert (c.due, c.visited, c.late_cases) == (2, 1, [late])
    assert c.visit_rate == pytest.approx(0.5) and c.met is False
    # Visited the next morning: that one counts as visited; but the visit due 11-30 was not made,
    # so on 12-01 it is late in its turn and named instead.
    clock.at = T(2026, 12, 1, 9)
    visit = Visit.get(Visit.case == Case.get(Case.number == late))
    office.visits.complete(visit, VisitResult(method="电话", satisfaction="满意"), admin)
    c = compute(office, Period.quarter(2026, 4)).visit_stats["投诉"]
    assert (c.due, c.visited, c.not_due, c.met, c.late_cases) == (3, 2, 0, False, [q4["not_due"]])


def test_a_running_quarter_is_counted_to_today_and_compared_with_the_same_days(office, q4):
    comparison = office.quarterly(Period.quarter(2026, 4))
    cur, prev = comparison.current.period, comparison.previous.period
    assert cur.through == dt.date(2026, 11, 30) and cur.days == 61
    assert cur.range_text == "2026-10-01 至 2026-11-30(截至 11-30)"
    assert cur.title == "2026年第4季度(截至 11-30)"
    # Q3's first 61 days, not the whole of Q3.
    assert (prev.start, prev.last_day, prev.days) == (dt.date(2026, 7, 1), dt.date(2026, 8, 30), 61)
    assert prev.label == "2026年第3季度"
    data = comparison.current.to_json()["period"]
    assert data["through"] == "2026-11-30" and data["quarter"] == 4 and data["days"] == 61
    # A quarter that is over is whole, and so is the one before it.
    whole = office.quarterly(Period.quarter(2026, 3))
    assert whole.current.period == Period.quarter(2026, 3) and whole.previous.period == Period.quarter(
        2026, 2
    )


def test_running_periods_of_every_length():
    today = dt.date(2026, 11, 30)
    # On its last day a month is not over yet; the day after, it is whole.
    assert Period.month(2026, 11).running(today).through == today
    assert Period.month(2026, 11).running(dt.date(2026, 12, 1)) == Period.month(2026, 11)
    assert Period.month(2026, 12).running(today) == Period.month(2026, 12)  # not begun: whole
    dec = Period.month(2026, 12).running(dt.date(2026, 12, 10))
    assert dec.previous() == Period(
        dt.date(2026, 11, 1), dt.date(2026, 11, 30), "2026年11月", dt.date(2026, 11, 10)
    )
    year = Period.year(2026).running(today)
    assert year.previous().last_day == dt.date(2025, 11, 30)
    # Longer than the period before (31 days of a month after a 30-day one): the whole one before.
    march = Period.month(2026, 3).running(dt.date(2026, 3, 30))
    assert march.previous().last_day == dt.date(2026, 2, 28)


# Repeats across period ends, within the policy's window (issue 14) ------------------------


def _received(office, admin, clock, when, **fields):
    clock.at = when
    values = dict(account="同一事项", kind="投诉", room="3-2-501", customer_name="张伟", category="环境卫生")
    values.update(fields)
    return office.cases.create(CaseInput(**values), admin).number


def test_repeat_complaint_pair_across_quarter_end_is_shown_in_the_later_quarter(office, admin, clock):
    a = _received(office, admin, clock, T(2026, 9, 28, 10))
    b = _received(office, admin, clock, T(2026, 10, 3, 10))
    # Another room's single complaint, and this room's other category: no repeat.
    _received(office, admin, clock, T(2026, 10, 4, 10), room="3-2-502")
    _received(office, admin, clock, T(2026, 10, 5, 10), category="停车")
    clock.at = T(2026, 10, 20, 9)
    q3 = compute(office, Period.quarter(2026, 3))
    q4 = compute(office, Period.quarter(2026, 4))
    assert q3.repeat_complaints == []  # 09-28 alone in Q3: the second one came in October
    assert [(g.room, g.category, g.count, g.cases) for g in q4.repeat_complaints] == [
        ("3-2-501", "环境卫生", 2, [a, b])
    ]
    october = compute(office, Period.month(2026, 10))
    assert [g.cases for g in october.repeat_complaints] == [[a, b]]


def test_repeat_complaint_window_from_the_policy(office, admin, clock):
    assert office.policies.load().repeat_window == dt.timedelta(days=90)  # the shipped default
    a = _received(office, admin, clock, T(2026, 7, 1, 10))
    b = _received(office, admin, clock, T(2026, 9, 25, 10))  # 86 days later: a repeat
    c = _received(office, admin, clock, T(2027, 1, 5, 10))  # 102 days after b: a new matter
    clock.at = T(2027, 2, 1, 9)
    assert [g.cases for g in compute(office, Period.quarter(2026, 3)).repeat_complaints] == [[a, b]]
    assert compute(office, Period.quarter(2027, 1)).repeat_complaints == []
    assert c
    policy = office.policies.load()
    policy.repeat_window_days = 60  # the office's own window: 86 days apart is no repeat
    office.policies.save(policy)
    assert compute(office, Period.quarter(2026, 3)).repeat_complaints == []


def test_merged_voided_and_anonymous_complaints_are_not_repeats(office, admin, clock):
    _received(office, admin, clock, T(2026, 8, 1, 10))
    void = _received(office, admin, clock, T(2026, 8, 2, 10))
    office.cases.void(Case.get(Case.number == void), "录错了", admin)
    _received(office, admin, clock, T(2026, 8, 3, 10), anonymous=True, room="")
    clock.at = T(2026, 10, 1, 9)
    assert compute(office, Period.quarter(2026, 3)).repeat_complaints == []


def test_repeat_repair_is_the_same_item_three_times_within_the_window(office, admin, clock):
    kw = dict(kind="报修", room="3-2-502")
    a = _received(office, admin, clock, T(2026, 7, 2, 9), category="给排水", **kw)
    b = _received(office, admin, clock, T(2026, 8, 20, 9), category="给排水", **kw)
    # Three different repairs of the room: never a repeat, however close together.
    for day, category in ((3, "设施设备维护"), (4, "安全设施"), (5, "漏水/渗漏")):
        _received(office, admin, clock, T(2026, 8, day, 9), category=category, **kw)
    clock.at = T(2026, 9, 30, 9)
    assert compute(office, Period.quarter(2026, 3)).repeat_repairs == []  # 给排水 twice only
    # A third 给排水 on 10-10: 07-02 is 100 days before it, out of the 90-day window, so
    # only 08-20 counts before it: still no repeat.
    c = _received(office, admin, clock, T(2026, 10, 10, 9), category="给排水", **kw)
    clock.at = T(2026, 10, 31, 9)
    assert compute(office, Period.quarter(2026, 4)).repeat_repairs == []
    # 10-30: 08-20 and 10-10 within the 90 days before it: the same item three times.
    d = _received(office, admin, clock, T(2026, 10, 30, 9), category="给排水", **kw)
    groups = compute(office, Period.quarter(2026, 4)).repeat_repairs
    assert [(g.room, g.category, g.count, g.cases) for g in groups] == [("3-2-502", "给排水", 3, [b, c, d])]
    assert a not in groups[0].cases
