"""The quarterly figures, on hand-built data where each one is worked out below."""

import datetime as dt
import json

import pytest

from app.cases import CaseInput
from app.models import Case, Room, Visit
from app.stats import Period, Statistics, percentile
from app.visits import VisitResult

T = dt.datetime


@pytest.fixture
def q3(office, admin, clock):
    """Cases of 2026 Q3 (see the expected figures in each test)."""
    policy = office.policies.load()
    # The dates below were written in calendar days (the default before issue 14; working days now).
    policy.data["day_unit"] = "calendar"
    policy.data["first_response"] = {"amount": 24, "unit": "hours"}
    policy.data["visits"]["rules"]["报修"]["rate"] = 0.0  # no random sample in this test
    policy.data["visits"]["history_days"] = 400
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
    # 投诉 handled in Q3: C1, C9, C2 (its last 办结 on 08-18); visited: C1, C2 (C9 is anonymous).
    assert (s.visit_stats["投诉"].handled, s.visit_stats["投诉"].visited) == (3, 2)
    assert s.visit_stats["投诉"].visit_rate == pytest.approx(2 / 3)
    assert s.visit_stats["投诉"].target == 1.0
    # 报修 handled: C4, C5, C6; none visited (rate 0% in this test). 建议: C8, received in Q2.
    assert (
        s.visit_stats["报修"].handled,
        s.visit_stats["报修"].visited,
        s.visit_stats["报修"].visit_rate,
    ) == (3, 0, 0.0)
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


def test_report_command_json(office, q3, tmp_path, capsys):
    from app.cli import main

    office.close()
    out = tmp_path / "q3.json"
    args = ["--data-dir", str(office.data_dir), "report", "quarterly", "--year", "2026", "--quarter", "3"]
    assert main([*args, "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["period"] == {
        "label": "2026年第3季度",
        "year": 2026,
        "quarter": 3,
        "from": "2026-07-01",
        "to": "2026-09-30",
    }
    assert data["visit_stats"]["投诉"] == {"handled": 3, "visited": 2, "visit_rate": 0.6667, "target": 1.0}
    assert set(data["visit_stats"]) >= {"投诉", "报修", "建议", "咨询", "求助", "特约服务", "表扬"}
    assert data["cases_received"]["投诉"] == 4 and data["overdue"] == 2 and data["resolution_rate"] == 0.75
    assert data["repeat_repairs"][0] == {
        "room": "3-2-502",
        "category": "给排水",
        "count": 3,
        "cases": [q3["C4"], q3["C5"], q3["C6"]],
    }
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
    assert rows["投诉"][1:4] == (3, 2, pytest.approx(2 / 3))
    assert isinstance(rows["投诉"][1], int)
    assert [r for r in wb["重复维修"].iter_rows(min_row=2, values_only=True)][0][:3] == (
        "3-2-502",
        "给排水",
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
