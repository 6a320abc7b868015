"""The visit policy (回访制度): when a handled case is visited, how often, by whom, how.

One rule per kind of work, stored in the policy under "visits" (`app.policy.VisitSettings`;
its defaults are resources/policy_default.json, from DOMAIN §5 and the seeds), and the seeds'
variants are offered as named presets.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from app.policy import Policy
from app.policy_sections import VisitSettings


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


def rule_for(policy: Policy, kind: str, severity: str, category: str, account: str) -> VisitRule:
    """The rule for one case, sub-rules (category or words in the account) applied."""
    base = policy.visits.rule(kind)
    days = base.days
    applied = ""
    for sub in base.sub_rules:
        if sub.applies(category, account):
            days = sub.days
            applied = sub.name
            break
    return VisitRule(
        kind=kind,
        days=days,
        unit=base.unit,
        rate=float(base.rate),
        role=base.role_for(severity),
        methods=list(base.methods),
        signature=base.signature,
        sub_rule=applied,
    )


def _with(base: VisitSettings, changes: dict[str, dict[str, float]], name: str) -> VisitSettings:
    data = copy.deepcopy(base)
    data.preset = name
    for kind, change in changes.items():
        rule = data.rules[kind]
        for key, value in change.items():
            setattr(rule, key, value)
    return data


def presets(defaults: VisitSettings | None = None) -> dict[str, VisitSettings]:
    """Named variants from the seeds, so an office picks its own 制度 in one click."""
    base = defaults if defaults is not None else Policy.defaults().visits
    return {
        "标准": _with(base, {}, "标准"),
        "投诉回访率50%,维修一个月内(规程1.1)": _with(
            base,
            {"投诉": {"rate": 0.5}, "报修": {"days": 30, "rate": 0.3}},
            "投诉回访率50%,维修一个月内(规程1.1)",
        ),
        "维修全部回访(客服手册)": _with(base, {"报修": {"rate": 1.0}}, "维修全部回访(客服手册)"),
        "维修一至两个月后回访(规程4.1.1)": _with(
            base, {"报修": {"days": 45, "rate": 0.3}}, "维修一至两个月后回访(规程4.1.1)"
        ),
    }
