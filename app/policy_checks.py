"""The checks of a policy in its stored shape (what 设置 and the store refuse): field label ->
a Chinese reason, the labels the settings windows show beside their fields."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain import KINDS, ROLES, SEVERITIES, VISIT_METHODS
from app.errors import ValidationError

UNITS = {"calendar": "自然日", "working": "工作日"}
RESPONSE_UNITS = {"hours": "小时", "working": "工作日"}


def _positive(value: Any) -> bool:
    try:
        return float(value) > 0
    except (TypeError, ValueError):
        return False


def check_policy_data(d: Mapping[str, Any]) -> None:
    """Every value of a policy in its stored shape; ValidationError: field label -> reason."""
    problems: dict[str, str] = {}
    if not str(d.get("case_prefix", "")).strip() or not str(d["case_prefix"]).isalnum():
        problems["编号前缀"] = "只能是字母或数字,不能为空"
    for kind, prefix in dict(d.get("case_prefixes", {})).items():
        if not str(prefix).strip() or not str(prefix).isalnum():
            problems[f"{kind}编号前缀"] = "只能是字母或数字,不能为空"
    if d.get("day_unit") not in UNITS:
        problems["期限计法"] = "只能是自然日或工作日"
    first = d.get("first_response", {})
    if first.get("unit") not in RESPONSE_UNITS or not _positive(first.get("amount")):
        problems["首次回复时限"] = "须为正数,单位为小时或工作日"
    for sev in SEVERITIES:
        if not _positive(d.get("resolve_days", {}).get(sev)):
            problems[f"{sev}办结时限"] = "须为正整数天数"
    for key, label in (
        ("major_answer_days", "重大投诉答复时限"),
        ("major_report_workdays", "重大投诉报告时限"),
        ("nearly_due_hours", "临期提醒"),
        ("duplicate_window_days", "重复投诉判断天数"),
        ("repeat_window_days", "重复投诉统计天数"),
    ):
        if not _positive(d.get(key)):
            problems[label] = "须为正数"
    for key, label in (("categories", "类别"), ("channels", "渠道")):
        items = [str(x).strip() for x in d.get(key, [])]
        if not items or any(not x for x in items):
            problems[label] = "至少一项,且不能有空项"
        elif len(set(items)) != len(items):
            problems[label] = "有重复项"
    for sev, role in dict(d.get("extension_approver", {})).items():
        if role not in ROLES:
            problems[f"{sev}延期审批人"] = f"未知角色 {role}"
    if problems:
        raise ValidationError(problems)
    check_visits_data(d.get("visits", {}))


def check_visits_data(data: Mapping[str, Any]) -> None:
    """回访制度 in its stored shape; ValidationError: field label -> reason."""
    problems: dict[str, str] = {}
    rules = data.get("rules", {})
    for kind in KINDS:
        rule = rules.get(kind)
        if rule is None:
            problems[f"{kind}回访规则"] = "缺少"
            continue
        try:
            if int(rule["days"]) < 0 or int(rule["days"]) > 366:
                problems[f"{kind}回访天数"] = "须在 0 到 366 之间"
            if not 0 <= float(rule["rate"]) <= 1:
                problems[f"{kind}回访率"] = "须在 0% 到 100% 之间"
        except (KeyError, TypeError, ValueError):
            problems[f"{kind}回访规则"] = "天数或回访率不是数字"
        if rule.get("unit") not in ("calendar", "working"):
            problems[f"{kind}计日方式"] = "只能是自然日或工作日"
        for sev, role in rule.get("roles", {}).items():
            if role not in ROLES:
                problems[f"{kind}·{sev}回访人"] = f"未知角色 {role}"
        methods = rule.get("methods", [])
        if not methods or any(m not in VISIT_METHODS for m in methods):
            problems[f"{kind}回访方式"] = f"至少一种,只能是 {'、'.join(VISIT_METHODS)}"
        for sub in rule.get("sub_rules", []):
            try:
                sub_rule_days(kind, str(sub.get("name", "")), sub["days"])
            except KeyError:
                problems[_sub_days_label(kind, str(sub.get("name", "")))] = SUB_DAYS_REASON
            except ValidationError as exc:
                problems.update(exc.problems)
    keep = data.get("form_keep_years", 2)
    if not isinstance(keep, int) or isinstance(keep, bool) or not 1 <= keep <= 30:
        problems["回访记录表保管年数"] = "须为 1 到 30 之间的整数(制度规定保管两年)"
    if problems:
        raise ValidationError(problems)


SUB_DAYS_REASON = "须为非负整数"


def _sub_days_label(kind: str, name: str) -> str:
    return f"{kind}·{name}天数"


def sub_rule_days(kind: str, name: str, value: object) -> int:
    """A sub-rule's days (typed in, or stored); ValidationError names the kind and the sub-rule."""
    try:
        days = int(str(value).strip()) if isinstance(value, str) else int(value)  # type: ignore[call-overload]
        if days < 0 or isinstance(value, bool):
            raise ValueError
    except (TypeError, ValueError):
        raise ValidationError({_sub_days_label(kind, name): SUB_DAYS_REASON}) from None
    return days
