"""The visit policy (回访制度): when a handled case is visited, how often, by whom, how.

One rule per kind of work, stored in the policy under "visits"; the defaults come from
DOMAIN §5 and the seeds, and the seeds' variants are offered as named presets.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from app import domain
from app.errors import ValidationError
from app.policy import Policy


@dataclass(frozen=True)
class VisitRule:
    kind: str
    days: int
    unit: str  # calendar | working
    rate: float  # 0..1
    role: str
    methods: list[str]
    signature: bool
    sub_rule: str  # the name of the sub-rule that applied, or ''

    def describe(self) -> str:
        unit = "个工作日" if self.unit == "working" else "天"
        return f"办结后{self.days}{unit}内"


def _rules(policy: Policy) -> dict[str, Any]:
    rules: dict[str, Any] = policy.data["visits"]["rules"]
    return rules


def rule_for(policy: Policy, kind: str, severity: str, category: str, account: str) -> VisitRule:
    """The rule for one case, sub-rules (category or words in the account) applied."""
    base = _rules(policy).get(kind) or _rules(policy)["建议"]
    days = int(base["days"])
    applied = ""
    for sub in base.get("sub_rules", []):
        if category in sub.get("categories", []) or any(w and w in account for w in sub.get("keywords", [])):
            days = int(sub["days"])
            applied = str(sub.get("name", ""))
            break
    return VisitRule(
        kind=kind,
        days=days,
        unit=str(base.get("unit", "calendar")),
        rate=float(base["rate"]),
        role=str(base["roles"].get(severity, "steward")),
        methods=list(base.get("methods", domain.VISIT_METHODS)),
        signature=bool(base.get("signature", True)),
        sub_rule=applied,
    )


def validate_visits(data: dict[str, Any]) -> None:
    problems: dict[str, str] = {}
    rules = data.get("rules", {})
    for kind in domain.KINDS:
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
            if role not in domain.ROLES:
                problems[f"{kind}·{sev}回访人"] = f"未知角色 {role}"
        methods = rule.get("methods", [])
        if not methods or any(m not in domain.VISIT_METHODS for m in methods):
            problems[f"{kind}回访方式"] = f"至少一种,只能是 {'、'.join(domain.VISIT_METHODS)}"
        for sub in rule.get("sub_rules", []):
            try:
                if int(sub["days"]) < 0:
                    raise ValueError
            except (KeyError, TypeError, ValueError):
                problems[f"{kind}·{sub.get('name', '')}天数"] = "须为非负整数"
    keep = data.get("form_keep_years", 2)
    if not isinstance(keep, int) or isinstance(keep, bool) or not 1 <= keep <= 30:
        problems["回访记录表保管年数"] = "须为 1 到 30 之间的整数(制度规定保管两年)"
    if problems:
        raise ValidationError(problems)


def _with(base: dict[str, Any], changes: dict[str, dict[str, Any]], name: str) -> dict[str, Any]:
    data = copy.deepcopy(base)
    data["preset"] = name
    for kind, change in changes.items():
        data["rules"][kind].update(change)
    return data


def presets(defaults: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Named variants from the seeds, so an office picks its own 制度 in one click."""
    return {
        "标准": _with(defaults, {}, "标准"),
        "投诉回访率50%,维修一个月内(规程1.1)": _with(
            defaults,
            {"投诉": {"rate": 0.5}, "报修": {"days": 30, "rate": 0.3}},
            "投诉回访率50%,维修一个月内(规程1.1)",
        ),
        "维修全部回访(客服手册)": _with(defaults, {"报修": {"rate": 1.0}}, "维修全部回访(客服手册)"),
        "维修一至两个月后回访(规程4.1.1)": _with(
            defaults, {"报修": {"days": 45, "rate": 0.3}}, "维修一至两个月后回访(规程4.1.1)"
        ),
    }
