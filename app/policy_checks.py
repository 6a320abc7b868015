"""The checks of a policy in its stored shape (what 设置 and the store refuse): field label ->
a Chinese reason, the labels the settings windows show beside their fields."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain import KINDS, ROLES, SEVERITIES, VISIT_METHODS
from app.errors import ValidationError
from app.i18n import N_, term, tr

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
        problems[N_("编号前缀")] = tr("只能是字母或数字,不能为空")
    for kind, prefix in dict(d.get("case_prefixes", {})).items():
        if not str(prefix).strip() or not str(prefix).isalnum():
            problems[f"{kind}编号前缀"] = tr("只能是字母或数字,不能为空")
    if d.get("day_unit") not in UNITS:
        problems[N_("期限计法")] = tr("只能是自然日或工作日")
    first = d.get("first_response", {})
    if first.get("unit") not in RESPONSE_UNITS or not _positive(first.get("amount")):
        problems[N_("首次回复时限")] = tr("须为正数,单位为小时或工作日")
    for sev in SEVERITIES:
        if not _positive(d.get("resolve_days", {}).get(sev)):
            problems[f"{sev}办结时限"] = tr("须为正整数天数")
    for key, label in (
        ("major_answer_days", N_("重大投诉答复时限")),
        ("major_report_workdays", N_("重大投诉报告时限")),
        ("nearly_due_hours", N_("临期提醒")),
        ("contain_hours", N_("先行处置时限(小时)")),
        ("duplicate_window_days", N_("重复投诉判断天数")),
        ("repeat_window_days", N_("重复投诉统计天数")),
    ):
        if not _positive(d.get(key)):
            problems[label] = tr("须为正数")
    for key, label in (("categories", N_("类别")), ("channels", N_("渠道"))):
        items = [str(x).strip() for x in d.get(key, [])]
        if not items or any(not x for x in items):
            problems[label] = tr("至少一项,且不能有空项")
        elif len(set(items)) != len(items):
            problems[label] = tr("有重复项")
    problems.update(check_subcategories(d.get("subcategories", {})))
    for sev, role in dict(d.get("extension_approver", {})).items():
        if role not in ROLES:
            problems[f"{sev}延期审批人"] = tr("未知角色 {role}", role=role)
    problems.update(check_referral_data(d.get("referral", {})))
    if problems:
        raise ValidationError(problems)
    check_visits_data(d.get("visits", {}))
    check_visit_roles_data(d.get("visit_roles", {}))


SUBCATEGORY_MAX = 20  # Case.subcategory's length


def subcategory_label(category: str) -> str:
    """The field a refusal of a category's sub-categories names (the settings window finds it)."""
    return f"{category}的细类"


def check_subcategories(table: Any) -> dict[str, str]:
    """细类: for each category, names neither empty nor repeated, at most 20 characters. A list
    under a category the office no longer keeps is kept (never offered; the category may
    come back), so an office's older policy always loads."""
    problems: dict[str, str] = {}
    if not isinstance(table, Mapping):
        return {N_("细类"): tr("格式不对,应为每个类别一组名称")}
    for category, names in table.items():
        label = subcategory_label(str(category))
        if isinstance(names, str | bytes) or not isinstance(names, list):
            problems[label] = tr("格式不对,应为一组名称")
            continue
        items = [str(x).strip() for x in names]
        if any(not x for x in items):
            problems[label] = tr("不能有空项")
        elif long := [x for x in items if len(x) > SUBCATEGORY_MAX]:
            problems[label] = tr("“{name}”超过 {limit} 个字", name=long[0], limit=SUBCATEGORY_MAX)
        elif len(set(items)) != len(items):
            repeated = next(x for x in items if items.count(x) > 1)
            problems[label] = tr("“{name}”重复", name=repeated)
    return problems


def check_visits_data(data: Mapping[str, Any]) -> None:
    """回访制度 in its stored shape; ValidationError: field label -> reason."""
    problems: dict[str, str] = {}
    rules = data.get("rules", {})
    for kind in KINDS:
        rule = rules.get(kind)
        if rule is None:
            problems[f"{kind}回访规则"] = tr("缺少")
            continue
        try:
            if int(rule["days"]) < 0 or int(rule["days"]) > 366:
                problems[f"{kind}回访天数"] = tr("须在 0 到 366 之间")
            if not 0 <= float(rule["rate"]) <= 1:
                problems[f"{kind}回访率"] = tr("须在 0% 到 100% 之间")
        except (KeyError, TypeError, ValueError):
            problems[f"{kind}回访规则"] = tr("天数或回访率不是数字")
        if rule.get("unit") not in ("calendar", "working"):
            problems[f"{kind}计日方式"] = tr("只能是自然日或工作日")
        for sev, role in rule.get("roles", {}).items():
            if role not in ROLES:
                problems[f"{kind}·{sev}回访人"] = tr("未知角色 {role}", role=role)
        methods = rule.get("methods", [])
        if not methods or any(m not in VISIT_METHODS for m in methods):
            problems[f"{kind}回访方式"] = tr(
                "至少一种,只能是 {choices}", choices=tr("、").join(term(m) for m in VISIT_METHODS)
            )
        for sub in rule.get("sub_rules", []):
            try:
                sub_rule_days(kind, str(sub.get("name", "")), sub["days"])
            except KeyError:
                problems[_sub_days_label(kind, str(sub.get("name", "")))] = tr(SUB_DAYS_REASON)
            except ValidationError as exc:
                problems.update(exc.problems)
            problems.update(sub_rule_problems(kind, sub))
    try:
        if not 0 <= float(data.get("activity_rate", 0.1)) <= 1:
            problems[N_("社区活动回访率")] = tr("须在 0% 到 100% 之间")
    except (TypeError, ValueError):
        problems[N_("社区活动回访率")] = tr("须在 0% 到 100% 之间")
    activity_days = data.get("activity_days", 30)
    if not isinstance(activity_days, int) or isinstance(activity_days, bool) or not 1 <= activity_days <= 366:
        problems[N_("社区活动回访天数")] = tr("须为 1 到 366 之间的整数")
    keep = data.get("form_keep_years", 2)
    if not isinstance(keep, int) or isinstance(keep, bool) or not 1 <= keep <= 30:
        problems[N_("回访记录表保管年数")] = tr("须为 1 到 30 之间的整数(制度规定保管两年)")
    if problems:
        raise ValidationError(problems)


SUB_DAYS_REASON = N_("须为非负整数")


def sub_rule_problems(kind: str, sub: Mapping[str, Any]) -> dict[str, str]:
    """A stored sub-rule's own rate (optional) and what its days count from."""
    name = str(sub.get("name", ""))
    problems: dict[str, str] = {}
    rate = sub.get("rate")
    if rate is not None:
        try:
            if isinstance(rate, bool) or not 0 <= float(rate) <= 1:
                raise ValueError
        except (TypeError, ValueError):
            problems[f"{kind}·{name}回访率"] = tr("须在 0% 到 100% 之间,或留空(按本类回访率)")
    if sub.get("after", "resolved") not in ("resolved", "leak_test"):
        problems[f"{kind}·{name}起算"] = tr("只能从办结或闭水试验起算")
    return problems


def sub_rule_typed_problems(
    kind: str, name: str, categories: list[str], subcategories: list[str], rate_text: str
) -> tuple[float | None, dict[str, str]]:
    """A sub-rule as typed in 设置 (H23): its rate in percent ('' = the kind's rate) and that it
    names a category or a sub-category (a sub-rule chooses by what the case is, no words)."""
    problems: dict[str, str] = {}
    rate: float | None = None
    text = rate_text.strip().rstrip("%")
    if text:
        try:
            rate = float(text) / 100
            if not 0 <= rate <= 1:
                raise ValueError
        except ValueError:
            problems[f"{kind}·{name}回访率"] = tr("须在 0 到 100 之间,或留空(按本类回访率)")
    if not categories and not subcategories:
        problems[f"{kind}·{name}类别"] = tr("须写明适用的类别或细类")
    return rate, problems


def _sub_days_label(kind: str, name: str) -> str:
    return f"{kind}·{name}天数"


def sub_rule_days(kind: str, name: str, value: object) -> int:
    """A sub-rule's days (typed in, or stored); ValidationError names the kind and the sub-rule."""
    try:
        days = int(str(value).strip()) if isinstance(value, str) else int(value)  # type: ignore[call-overload]
        if days < 0 or isinstance(value, bool):
            raise ValueError
    except (TypeError, ValueError):
        raise ValidationError({_sub_days_label(kind, name): tr(SUB_DAYS_REASON)}) from None
    return days


def check_referral_data(data: Mapping[str, Any]) -> dict[str, str]:
    """转交开发商 (helper H22) in its stored shape: field label -> reason."""
    problems: dict[str, str] = {}
    to = str(data.get("to", "")).strip()
    if not to or len(to) > 60:
        problems[N_("联系函收函单位")] = tr("必须填写,最多 60 字(例如 开发商客户服务中心)")
    days = data.get("reply_days")
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 60:
        problems[N_("开发商回复天数")] = tr("须为 1 到 60 之间的整数")
    if data.get("unit") not in UNITS:
        problems[N_("开发商回复计日方式")] = tr("只能是自然日或工作日")
    categories = data.get("categories", [])
    if isinstance(categories, str) or any(not str(c).strip() for c in categories):
        problems[N_("可转交开发商的类别")] = tr("不能有空项")
    return problems


def check_visit_roles_data(data: Mapping[str, Any]) -> None:
    """回访人员 (H24): the two-visitor rule and each role's target; ValidationError: label -> reason."""
    problems: dict[str, str] = {}
    two = data.get("two_visitors", {})
    roles = list(two.get("roles", []))
    if roles and (len(roles) != 2 or roles[0] == roles[1]):
        problems[N_("两人同时回访的角色")] = tr("须为两个不同的角色")
    for role in roles:
        if role not in ROLES:
            problems[N_("两人同时回访的角色")] = tr("未知角色 {role}", role=role)
    if any(k not in KINDS for k in two.get("kinds", [])):
        problems[N_("两人同时回访的性质")] = tr(
            "只能是 {choices}", choices=tr("、").join(term(k) for k in KINDS)
        )
    if any(s not in SEVERITIES for s in two.get("severities", [])):
        problems[N_("两人同时回访的程度")] = tr(
            "只能是 {choices}", choices=tr("、").join(term(s) for s in SEVERITIES)
        )
    for i, target in enumerate(data.get("targets", []), start=1):
        label = f"第{i}项角色回访率"
        if target.get("role") not in ROLES:
            problems[label] = tr("未知角色 {role}", role=target.get("role"))
        elif target.get("base", "due") not in ("due", "visited"):
            problems[label] = tr("计算基数只能是应回访宗数或已回访宗数")
        elif any(k not in KINDS for k in target.get("kinds", [])):
            problems[label] = tr("性质只能是 {choices}", choices=tr("、").join(term(k) for k in KINDS))
        else:
            try:
                if not 0 <= float(target["rate"]) <= 1:
                    problems[label] = tr("回访率须在 0% 到 100% 之间")
            except (KeyError, TypeError, ValueError):
                problems[label] = tr("回访率不是数字")
    if problems:
        raise ValidationError(problems)
