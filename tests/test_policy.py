"""The typed policy (app/policy.py), without Qt: defaults, stored policies, refusals, round trips."""

import dataclasses
import json
from pathlib import Path

import pytest

from app.errors import ValidationError
from app.models import AuditEntry, Setting
from app.permissions import set_person
from app.policy import Policy, PolicyStore, default_policy_data
from app.policy_sections import (
    BackupSettings,
    FirstResponse,
    KindVisitRule,
    SecuritySettings,
    SubRule,
    VisitSettings,
)
from app.visit_policy import presets, rule_for

SAVED_V1 = Path(__file__).parent / "data" / "policy_saved_v1.json"


def test_the_defaults_come_from_the_json_alone():
    policy = Policy.defaults()
    assert policy.to_dict() == default_policy_data()  # every key typed, nothing added in code
    assert policy.extra == {}
    assert policy.case_prefix_for("报修") == "BX" and policy.case_prefix_for("未知") == "TS"
    assert policy.first_response == FirstResponse(1, "working")
    assert policy.resolve_days_for("重大") == 10
    assert policy.visits.rules["报修"].sub_rules[1] == SubRule(
        "漏水/渗漏", ["漏水/渗漏"], [], 3, None, "leak_test"
    )
    assert policy.visits.form_keep_years == 2 and policy.visits.target_rate("投诉") == 1.0
    assert policy.security.max_failed_logins == 5
    assert policy.backup == BackupSettings("", 7, 4, 12, 2)
    assert policy.requested_date_rule == "earlier"
    assert policy.repeat_window.days == 90


def test_a_new_office_loads_the_defaults(office):
    assert Setting.get_or_none(Setting.key == PolicyStore.KEY) is None
    assert office.policies.load() == Policy.defaults()


def _as_read_now(stored: dict) -> dict:
    """H23: what this version reads of a stored policy saved before issue 14: a sub-rule's
    keywords are dropped (a word in the account chooses no rule), it names sub-categories and
    what its days count from (a 漏水/渗漏 rule: the leak test); the activity visit settings
    come from the defaults."""
    out = json.loads(json.dumps(stored))
    for rule in out["visits"]["rules"].values():
        rule["sub_rules"] = [
            {
                "name": s["name"],
                "categories": s["categories"],
                "subcategories": [],
                "days": s["days"],
                "after": "leak_test" if "漏水/渗漏" in s["categories"] else "resolved",
            }
            for s in rule["sub_rules"]
        ]
    defaults = default_policy_data()["visits"]
    out["visits"].update(activity_rate=defaults["activity_rate"], activity_days=defaults["activity_days"])
    return out


def test_a_policy_saved_by_the_untyped_code_loads_unchanged(office):
    """tests/data/policy_saved_v1.json is the settings row the code before the typed policy
    wrote (the old PolicyStore.save's json.dumps of the untyped dict) after an office's edits."""
    text = SAVED_V1.read_text(encoding="utf-8")
    Setting.replace(key=PolicyStore.KEY, value=text).execute()
    stored = json.loads(text)
    policy = office.policies.load()
    stored = _as_read_now(stored)
    # The same values, the same shape; the one setting added since comes from the defaults.
    subcategories = Policy.defaults().subcategories  # added since (H25): from the defaults
    referral = Policy.defaults().referral.to_dict()  # added since (H22): from the defaults
    expected = {
        **stored,
        "requested_date_rule": "earlier",
        "subcategories": subcategories,
        "referral": referral,
        "contain_hours": 2,  # added since (H21): 先行处置时限 from the defaults
        "visit_roles": Policy.defaults().visit_roles.to_dict(),  # added since (H24): from the defaults
    }
    assert policy.to_dict() == expected
    assert policy.case_prefix == "KS1" and policy.case_prefix_for("报修") == "WX"
    assert policy.day_unit == "calendar" and policy.resolve_days["重要"] == 5
    assert policy.first_response == FirstResponse(24, "hours")
    assert policy.nearly_due_hours == 12.0 and isinstance(policy.nearly_due_hours, float)
    assert policy.categories[-1] == "电梯" and "传真" not in policy.channels
    assert policy.visits.rules["投诉"].rate == 0.5
    assert rule_for(policy, "报修", "轻微", "电梯", "").sub_rule == "电梯"  # by category, not words
    assert policy.visits.rules["建议"].methods == ["电话", "微信"]
    assert policy.backup.folder == "E:\\回音备份" and policy.backup.keep_daily == 3
    assert policy.security.idle_lock_minutes == 5
    # Saving it again writes the same JSON (numbers as they were typed: 24.0 stays 24.0).
    set_person(office.staff.authenticate("admin", "secret1"))
    office.policies.save(policy)
    again = json.loads(Setting.get(Setting.key == PolicyStore.KEY).value)
    assert again == expected  # the settings added since are written with their defaults
    assert again["visits"]["rework_notice_hours"] == 24.0 and isinstance(
        again["visits"]["rework_notice_hours"], float
    )
    changed = {e.field for e in AuditEntry.select().where(AuditEntry.table == "policy")}
    assert changed == set()  # nothing changed, nothing audited


def test_an_older_policy_gets_the_settings_added_since(office):
    """Saved before prefixes by kind, security, backup and the form keeping years existed."""
    old = default_policy_data()
    for key in ("case_prefixes", "security", "backup", "repeat_window_days", "requested_date_rule"):
        del old[key]
    del old["visits"]["form_keep_years"]
    old["case_prefix"] = "WY"
    Setting.replace(key=PolicyStore.KEY, value=json.dumps(old, ensure_ascii=False)).execute()
    policy = office.policies.load()
    assert policy.case_prefixes == {}  # the office's own prefix stays for every kind
    assert policy.case_prefix_for("报修") == "WY"
    assert policy.visits.form_keep_years == 2
    assert policy.security == Policy.defaults().security
    assert policy.backup.folder == "" and policy.repeat_window_days == 90


def test_an_unknown_key_is_kept_through_load_and_save(office):
    data = default_policy_data()
    data["later_switch"] = {"on": True}
    data["visits"]["rules"]["报修"]["note"] = "kept"
    policy = Policy.from_dict(data)
    assert policy.extra == {"later_switch": {"on": True}}
    assert policy.visits.rules["报修"].extra == {"note": "kept"}
    assert policy.to_dict() == data


@pytest.mark.parametrize(
    ("change", "label", "reason"),
    [
        (lambda d: d.update(case_prefix=""), "编号前缀", "只能是字母或数字,不能为空"),
        (lambda d: d["case_prefixes"].update({"报修": "B-X"}), "报修编号前缀", "只能是字母或数字,不能为空"),
        (lambda d: d.update(day_unit="weeks"), "期限计法", "只能是自然日或工作日"),
        (lambda d: d.update(first_response={"amount": 0, "unit": "hours"}), "首次回复时限", "须为正数,单位为小时或工作日"),
        (lambda d: d["resolve_days"].update({"重要": "abc"}), "重要办结时限", "须为正整数天数"),
        (lambda d: d.update(nearly_due_hours=-1), "临期提醒", "须为正数"),
        (lambda d: d.update(categories=["收费", "收费"]), "类别", "有重复项"),
        (lambda d: d.update(channels=[]), "渠道", "至少一项,且不能有空项"),
        (lambda d: d["visits"]["rules"]["投诉"].update(rate=1.5), "投诉回访率", "须在 0% 到 100% 之间"),
        (lambda d: d["visits"]["rules"]["报修"].update(methods=["飞鸽"]), "报修回访方式", "至少一种,只能是 上门、电话、短信、微信、其他"),
        (lambda d: d["visits"].update(form_keep_years=0), "回访记录表保管年数", "须为 1 到 30 之间的整数(制度规定保管两年)"),
        (lambda d: d["visits"]["rules"].pop("表扬"), "表扬回访规则", "缺少"),
        (lambda d: d["security"].update(lock_minutes="十五"), "登录安全", "缺少或格式不对,请在「设置」中改正后保存"),
        (lambda d: d.pop("backup") and d.update(departments="客服部"), "部门", "缺少或格式不对,请在「设置」中改正后保存"),
    ],
)  # fmt: skip
def test_bad_values_are_refused_with_the_reason(change, label, reason):
    data = default_policy_data()
    change(data)
    with pytest.raises(ValidationError) as refused:
        Policy.from_dict(data)
    assert refused.value.problems[label] == reason


def test_a_bad_edit_is_refused_on_save_and_nothing_stored(office, admin):
    set_person(admin)
    policy = office.policies.copy()
    policy.case_prefix = "T-S"
    policy.visits.rules["投诉"].days = 400
    with pytest.raises(ValidationError) as refused:
        office.policies.save(policy)
    assert refused.value.problems == {"编号前缀": "只能是字母或数字,不能为空"}  # the first group
    policy.case_prefix = "TS"
    with pytest.raises(ValidationError) as refused:
        office.policies.save(policy)
    assert refused.value.problems == {"投诉回访天数": "须在 0 到 366 之间"}
    assert office.policies.load() == Policy.defaults()


def test_round_trip_save_load_equal(office, admin):
    set_person(admin)
    policy = office.policies.copy()
    policy.day_unit = "calendar"
    policy.resolve_days["轻微"] = 4
    policy.add_category("电梯")
    policy.add_category("电梯")  # once only
    policy.visits.rules["报修"] = dataclasses.replace(policy.visits.rules["报修"], rate=0.5, days=5)
    policy.visits.rules["报修"].sub_rules.append(SubRule("门禁", ["门禁"], [], 2, None, "resolved"))
    policy.backup.folder = "/mnt/usb"
    office.policies.save(policy)
    loaded = office.policies.load()
    assert loaded == policy
    assert loaded.categories.count("电梯") == 1
    changed = {e.field: (json.loads(e.old), json.loads(e.new)) for e in AuditEntry.select().where(
        AuditEntry.table == "policy")}  # fmt: skip
    assert set(changed) == {"day_unit", "resolve_days", "categories", "visits", "backup"}
    assert changed["day_unit"] == ("working", "calendar")


def test_load_hands_out_a_fresh_copy(office):
    first = office.policies.load()
    first.categories.append("只在这份")
    first.visits.rules["投诉"].rate = 0.1
    again = office.policies.load()
    assert "只在这份" not in again.categories and again.visits.rules["投诉"].rate == 1.0


def test_presets_are_variants_of_the_defaults():
    base = Policy.defaults().visits
    named = presets()
    assert named["标准"].rules == base.rules and named["标准"].preset == "标准"
    assert named["维修全部回访(客服手册)"].rules["报修"].rate == 1.0
    assert named["维修一至两个月后回访(规程4.1.1)"].rules["报修"].days == 45
    assert base.rules["报修"].rate == 0.3  # the defaults themselves untouched
    assert isinstance(named["标准"], VisitSettings) and isinstance(base.rules["投诉"], KindVisitRule)


def test_the_dataclasses_carry_no_defaults_of_their_own():
    """The defaults live in resources/policy_default.json alone: no typed field has one in code."""
    for cls in (
        Policy,
        FirstResponse,
        SubRule,
        KindVisitRule,
        VisitSettings,
        SecuritySettings,
        BackupSettings,
    ):
        for f in dataclasses.fields(cls):
            if f.name != "extra":  # the keys a later version wrote, kept as they were
                assert f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING, f
    assert set(Policy.defaults().to_dict()) == set(default_policy_data())
