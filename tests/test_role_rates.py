"""Each role's visit rate against its target (seed 002: 物业主管 ≥95%, 物业部经理 ≥25%, 中心主任
≥10% of the complaints to visit; seed 000: 经理 10%, 主管 30%, 维修负责人 60% of the repair
visits): one computation that the dashboard, the statistics and `report quarterly --json` share."""

import io
import json

import pytest

from app.cases import CaseInput
from app.dashboard import dashboard
from app.models import Visit
from app.periods import Period
from app.role_rates import role_visits
from app.visits import VisitResult
from app.visits.visitors import SEED_000, SEED_002, role_presets

Q3 = Period.quarter(2026, 3)


@pytest.fixture
def people(office):
    return {
        "steward": office.staff.save_staff("赵物管", "steward", buildings="1,2,3,4,5,6,7,8,9"),
        "cs_director": office.staff.save_staff("钱主任", "cs_director"),
        "office_manager": office.staff.save_staff("孙经理", "office_manager"),
        "department": office.staff.save_staff("周班长", "department"),
    }


def handled(office, admin, i, kind="投诉", **fields):
    values = dict(
        account=f"事项{i}",
        kind=kind,
        room=f"{1 + i % 9}-1-{100 + i}",
        customer_name="张伟",
        category="服务质量" if kind == "投诉" else "设施设备维护",
    )
    values.update(fields)
    case = office.cases.create(CaseInput(**values), admin)
    office.cases.resolve(case, "已处理", admin)
    return case


def visit(office, admin, case, visitor=None, second=None):
    v = Visit.get(Visit.case == case)
    if visitor is not None:
        office.visits.assign(v, visitor, admin)
    office.visits.complete(
        Visit.get_by_id(v.id),
        VisitResult(
            method="电话",
            satisfaction="满意",
            findings="已处理好",
            second_visitor_id=second.id if second else None,
        ),
        admin,
    )


@pytest.fixture
def q3(office, admin, people, clock):
    """Ten complaints handled 09-28: seven visited by the steward, one 重大 by the manager and
    the director together, one by the director alone, one anonymous (no visit, out of the base);
    four repairs visited: department lead ×2, director, manager."""
    cases = [handled(office, admin, i) for i in range(8)]
    major = handled(office, admin, 8, severity="重大")
    handled(office, admin, 9, anonymous=True, room="", customer_name="")
    clock.advance(days=1)
    for case in cases[:7]:
        visit(office, admin, case, people["steward"])
    visit(office, admin, cases[7], people["cs_director"])
    visit(office, admin, major)  # planned for 孙经理 with 钱主任 (seed 002 第4条)
    policy = office.policies.load()
    policy.visits.rules["报修"].rate = 1.0
    office.policies.save(policy)
    clock.advance(days=-1)
    repairs = [handled(office, admin, 20 + i, kind="报修") for i in range(4)]
    clock.advance(days=1)
    for case, who in zip(repairs, ["department", "department", "cs_director", "office_manager"], strict=True):
        visit(office, admin, case, people[who])
    clock.advance(days=1)  # 09-30: report day
    return cases


def test_seed_002_lines(office, q3, clock):
    policy = office.policies.load()
    assert policy.visit_roles.preset == SEED_002
    result = role_visits(policy, Q3, clock.now().date())
    lines = {line.label: line for line in result.roles}
    steward, manager, director = lines["物业主管"], lines["物业部经理"], lines["中心主任"]
    # base: the nine visitable complaints due (the anonymous one is out of it)
    assert [line.base_count for line in (steward, manager, director)] == [9, 9, 9]
    assert (steward.visited, steward.met) == (7, False)  # 77.8% < 95%
    assert (manager.visited, manager.met) == (2, False)  # 钱主任 alone + together: 22.2% < 25%
    assert (director.visited, director.met) == (1, True)  # together with 钱主任: 11.1% ≥ 10%
    assert director.describe() == "中心主任(管理处经理) 投诉 1/9 11.1% 目标≥10% 达标"
    people = {p.name: p for p in result.people}
    assert (people["钱主任"].visits, people["钱主任"].together) == (3, 1)  # 2 complaints + 1 repair
    assert people["孙经理"].role_rate is director


def test_seed_000_lines_are_shares_of_the_repair_visits(office, q3, clock):
    policy = office.policies.load()
    policy.visit_roles = role_presets()[SEED_000]
    office.policies.save(policy)
    lines = {line.label: line for line in role_visits(policy, Q3, clock.now().date()).roles}
    assert {k: (v.visited, v.base_count, v.met) for k, v in lines.items()} == {
        "经理": (1, 4, True),  # 25% ≥ 10%
        "主管": (1, 4, False),  # 25% < 30%
        "维修负责人": (2, 4, False),  # 50% < 60%
    }


def test_dashboard_stats_and_command_line_agree(office, q3, clock, tmp_path, monkeypatch):
    from huiyin.cli import main

    month = dashboard(office, clock.now().date()).role_rates  # September: the same cases
    stats = office.statistics().compute(Q3)
    assert stats.role_visits is not None
    assert [r.to_json() for r in month] == [r.to_json() for r in stats.role_visits.roles]
    office.close()
    out = tmp_path / "q3.json"
    monkeypatch.setattr("sys.stdin", io.StringIO("secret1\n"))
    args = ["--data-dir", str(office.data_dir), "--user", "admin", "--password-stdin", "report", "quarterly"]
    assert main([*args, "--year", "2026", "--quarter", "3", "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    roles = {r["label"]: r for r in data["role_visits"]["roles"]}
    assert (roles["物业主管"]["visited"], roles["物业主管"]["base_count"], roles["物业主管"]["met"]) == (
        7,
        9,
        False,
    )
    assert roles["中心主任"]["rate"] == round(1 / 9, 4) and roles["中心主任"]["met"] is True


def test_nothing_due_shows_no_verdict(office, people, clock):
    lines = role_visits(office.policies.load(), Q3, clock.now().date()).roles
    assert all(line.rate is None and line.met is None for line in lines)
    assert lines[0].describe().endswith("0/0 — 目标≥95% —")


def test_bad_target_is_refused_in_words(office):
    policy = office.policies.load()
    policy.visit_roles.targets[0].rate = 1.5
    from app.errors import ValidationError

    with pytest.raises(ValidationError) as err:
        office.policies.save(policy)
    assert err.value.problems == {"第1项角色回访率": "回访率须在 0% 到 100% 之间"}
