"""细类 (sub-categories): the policy's lists by category, checked; intake keeps one (a name of
the list, or a new one the office types); re-grading changes it and says so; search finds it;
the ledger carries it out and back in (an office's own column 小类 too)."""

from __future__ import annotations

import datetime as dt

import pytest

from app import search
from app.errors import ValidationError
from app.ledger.case_import import import_ledger
from app.ledger.export import EXPORT_HEADERS, export_cases
from app.models import Case, Setting, db
from app.policy import Policy, PolicyStore
from tests.test_ledger import HEADERS, good_row, write_xlsx

T = dt.datetime


def test_the_default_lists_and_emergency_aid():
    policy = Policy.defaults()
    assert policy.subcategories_for("漏水/渗漏")[:4] == ["卫生间渗漏", "外墙渗漏", "屋面渗漏", "管道漏水"]
    assert {"堵塞", "水压"} <= set(policy.subcategories_for("给排水"))
    assert {"电梯", "门禁", "照明"} <= set(policy.subcategories_for("设施设备维护"))
    # 急救病人 (the emergency-aid visit rule, H23) sits under 其他.
    assert "急救病人" in policy.subcategories_for("其他")
    assert policy.subcategories_for("收费") == []
    assert set(policy.subcategories) <= set(policy.categories)


@pytest.mark.parametrize(
    ("names", "reason"),
    [
        (["堵塞", "堵塞"], "“堵塞”重复"),
        (["堵塞", " "], "不能有空项"),
        (["卫生间与厨房之间的隔墙底部长期渗水发霉起皮脱落"], "超过 20 个字"),
    ],
)
def test_bad_lists_are_refused_by_name(office, names, reason):
    policy = office.policies.load()
    policy.subcategories["给排水"] = names
    with pytest.raises(ValidationError) as err:
        office.policies.save(policy)
    assert reason in err.value.problems["给排水的细类"]
    assert office.policies.load().subcategories_for("给排水") == Policy.defaults().subcategories_for("给排水")


def test_an_emptied_list_stays_empty_and_an_old_policy_gets_the_defaults(office):
    policy = office.policies.load()
    policy.subcategories["给排水"] = []
    del policy.subcategories["停车"]
    office.policies.save(policy)
    again = office.policies.load()
    assert again.subcategories_for("给排水") == [] and again.subcategories_for("停车") == []
    # A policy saved before sub-categories existed: the defaults come in.
    stored = {k: v for k, v in Policy.defaults().to_dict().items() if k != "subcategories"}
    import json

    Setting.replace(key=PolicyStore.KEY, value=json.dumps(stored, ensure_ascii=False)).execute()
    assert office.policies.load().subcategories == Policy.defaults().subcategories


def test_intake_keeps_the_sub_category_a_listed_or_a_new_one(office, admin, make_case):
    listed = make_case(category="漏水/渗漏", subcategory="卫生间渗漏")
    assert Case.get_by_id(listed.id).subcategory == "卫生间渗漏"
    typed = make_case(category="漏水/渗漏", subcategory=" 阳台渗漏 ")  # not in the list: kept as typed
    assert Case.get_by_id(typed.id).subcategory == "阳台渗漏"
    assert make_case().subcategory == ""
    with pytest.raises(ValidationError) as err:
        make_case(category="漏水/渗漏", subcategory="卫" * 21)
    assert err.value.problems["细类"] == "最多 20 个字(现在 21 个),请写短一些"
    # Search finds a case by its sub-category.
    hits = db.execute_sql(
        f"SELECT rowid FROM {search.TABLE} WHERE {search.TABLE} MATCH ?",
        (search.match_expression("阳台渗漏"),),
    ).fetchall()
    assert [r[0] for r in hits] == [typed.id]


def test_regrading_changes_the_sub_category_and_says_so(office, admin, make_case, clock):
    case = make_case(kind="报修", category="给排水", subcategory="堵塞")
    due = case.resolve_due
    lines = office.cases.regrade(case, "上门查看为水压问题", admin, subcategory="水压")
    assert lines[0] == "重新定级:细类 堵塞 → 水压"
    case = Case.get_by_id(case.id)
    assert case.subcategory == "水压" and case.resolve_due == due  # deadlines untouched
    # Another category: a sub-category of the old one does not follow it.
    lines = office.cases.regrade(case, "实为渗漏", admin, category="漏水/渗漏")
    assert lines[0] == "重新定级:类别 给排水 → 漏水/渗漏;细类 水压 → 无"
    lines = office.cases.regrade(Case.get_by_id(case.id), "查明漏点", admin, subcategory="管道漏水")
    assert Case.get_by_id(case.id).subcategory == "管道漏水"
    assert "细类" in office.cases.timeline(case)[-1].text
    with pytest.raises(ValidationError) as err:
        office.cases.regrade(case, "太长", admin, subcategory="渗" * 21)
    assert "细类" in err.value.problems


def test_the_ledger_carries_it_out_and_in(office, admin, make_case, tmp_path, clock):
    case = make_case(category="漏水/渗漏", subcategory="外墙渗漏")
    path = tmp_path / "out.xlsx"
    export_cases(office, path)
    import openpyxl

    ws = openpyxl.load_workbook(path)["案件台账"]
    header = [c.value for c in ws[1]]
    assert "细类" in header and header == EXPORT_HEADERS
    row = [c.value for c in ws[2]]
    assert row[header.index("编号")] == case.number and row[header.index("细类")] == "外墙渗漏"
    # An office's own sheet names it 小类.
    sheet = write_xlsx(tmp_path / "own.xlsx", [good_row(类别="给排水", 小类="堵塞")], [*HEADERS, "小类"])
    report = import_ledger(office, sheet)
    assert report.imported == 1
    assert Case.select().order_by(Case.id.desc()).first().subcategory == "堵塞"
