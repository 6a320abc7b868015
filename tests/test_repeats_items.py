"""A repeat repair is the same item — room, category and sub-category (细类) — three or more
times (seed 000 4.6 同一种维修三次以上), not three different repairs in one category.
An empty sub-category matches only an empty one (the group says 细类未填). Repeat complaints
stay (room, category). Shown in the statistics (JSON), the Excel export and the quarterly PDF."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from app.cases import CaseInput
from app.periods import Period
from app.stats import Group, Statistics
from app.stats_export import write_xlsx
from reports.quarterly import QuarterlyReport
from tests.test_reports import pdf_text

T = dt.datetime


def _repair(office, admin, clock, when, subcategory, category="漏水/渗漏", room="3-2-502"):
    clock.at = when
    inp = CaseInput(account="漏水", kind="报修", room=room, customer_name="张伟", category=category,
                    subcategory=subcategory)  # fmt: skip
    return office.cases.create(inp, admin).number


def compute(office, period):
    return Statistics(office.policies.load(), office.clock.now().date()).compute(period)


def test_three_leaks_in_three_places_are_no_repeat_repair(office, admin, clock):
    # 2026-10-09 (Friday after the National Day holiday), 10-12, 10-13: one room, one category.
    for day, sub in ((9, "卫生间渗漏"), (12, "外墙渗漏"), (13, "屋面渗漏")):
        _repair(office, admin, clock, T(2026, 10, day, 9), sub)
    clock.at = T(2026, 12, 31, 17)
    assert compute(office, Period.quarter(2026, 4)).repeat_repairs == []


def test_the_same_item_three_times_is_a_repeat_and_says_its_sub_category(office, admin, clock):
    a = _repair(office, admin, clock, T(2026, 10, 9, 9), "卫生间渗漏")
    _repair(office, admin, clock, T(2026, 10, 10, 9), "外墙渗漏")  # 10-10 Saturday, a make-up working day
    b = _repair(office, admin, clock, T(2026, 11, 2, 9), "卫生间渗漏")
    c = _repair(office, admin, clock, T(2026, 11, 30, 9), "卫生间渗漏")
    clock.at = T(2026, 12, 1, 9)
    groups = compute(office, Period.quarter(2026, 4)).repeat_repairs
    assert [(g.room, g.category, g.subcategory, g.count, g.cases) for g in groups] == [
        ("3-2-502", "漏水/渗漏", "卫生间渗漏", 3, [a, b, c])
    ]
    assert groups[0].item == "漏水/渗漏·卫生间渗漏"
    data = compute(office, Period.quarter(2026, 4)).to_json()
    assert data["repeat_repairs"][0]["subcategory"] == "卫生间渗漏"


def test_an_empty_sub_category_matches_only_empty_ones(office, admin, clock):
    a = _repair(office, admin, clock, T(2026, 7, 6, 9), "")
    _repair(office, admin, clock, T(2026, 7, 7, 9), "管道漏水")
    b = _repair(office, admin, clock, T(2026, 7, 8, 9), "")
    clock.at = T(2026, 9, 30, 17)
    assert compute(office, Period.quarter(2026, 3)).repeat_repairs == []  # two empty, one 管道漏水
    c = _repair(office, admin, clock, T(2026, 9, 30, 10), "")
    groups = compute(office, Period.quarter(2026, 3)).repeat_repairs
    assert [(g.subcategory, g.cases) for g in groups] == [("", [a, b, c])]
    assert groups[0].item == "漏水/渗漏·(细类未填)"


def test_repeat_complaints_stay_by_room_and_category(office, admin, clock):
    numbers = []
    for day, sub in ((28, "保洁"), (30, "垃圾清运")):  # 09-28 Monday, 09-30 Wednesday
        clock.at = T(2026, 9, day, 10)
        inp = CaseInput(account="楼道脏", kind="投诉", room="3-2-501", customer_name="张伟", category="环境卫生",
                        subcategory=sub)  # fmt: skip
        numbers.append(office.cases.create(inp, admin).number)
    clock.at = T(2026, 10, 9, 9)
    groups = compute(office, Period.quarter(2026, 3)).repeat_complaints
    assert [(g.category, g.subcategory, g.cases) for g in groups] == [("环境卫生", None, numbers)]
    assert groups[0].item == "环境卫生"


def test_excel_and_quarterly_pdf_name_the_item(office, admin, clock, tmp_path):
    for day in (9, 12, 13):
        _repair(office, admin, clock, T(2026, 10, day, 9), "卫生间渗漏")
    clock.at = T(2026, 12, 31, 17)
    report = office.quarterly(Period.quarter(2026, 4))
    path = tmp_path / "q4.xlsx"
    write_xlsx(report, path)
    rows = list(load_workbook(path)["重复维修"].iter_rows(values_only=True))
    assert rows[0][:3] == ("房号", "类别", "细类") and rows[1][:4] == (
        "3-2-502",
        "漏水/渗漏",
        "卫生间渗漏",
        3,
    )
    pdf = QuarterlyReport(office.name, report).generate()
    (tmp_path / "q4.pdf").write_bytes(pdf)  # to look at: pytest --basetemp=DIR
    flat = "".join(pdf_text(pdf).split())
    assert "重复维修(同一房号、类别、细类3次及以上):1组" in flat
    assert "卫生间渗漏" in flat


def test_group_item_words():
    assert Group("1-1-101", "给排水", 3, ["a", "b", "c"], "堵塞").item == "给排水·堵塞"
