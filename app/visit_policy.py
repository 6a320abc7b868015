"""The visit policy (回访制度): when a handled case is visited, how often, by whom, how.

One rule per kind of work, stored in the policy under "visits" (`app.policy.VisitSettings`;
its defaults are resources/policy_default.json, from DOMAIN §5 and the seeds), and the seeds'
variants are offered as named presets.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from app.i18n import N_, tr
from app.policy import Policy
from app.policy_sections import VisitSettings

# Where a rule's days count from (VisitRule.after): the day the case was handled, the leak
# test recorded on the case (漏水/渗漏, seeds 000 and 004), or the service contract (特约服务:
# mid-contract and after it ends, seed 000 4.1.1 c).
AFTER_RESOLVED = "resolved"
AFTER_LEAK_TEST = "leak_test"
AFTER_CONTRACT = "contract"
CONTRACT_KIND = "特约服务"


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
    after: str = AFTER_RESOLVED

    def describe(self, shown: bool = False) -> str:
        """The rule in words: in the source language for a visit's stored plan line, in the
        chosen language when `shown` (a window or a report reads it now)."""
        working = self.unit == "working"
        if self.after == AFTER_LEAK_TEST:
            template = N_("闭水试验后{days}个工作日内") if working else N_("闭水试验后{days}天内")
        elif self.after == AFTER_CONTRACT:
            template = N_("合同中期及期满后{days}个工作日内") if working else N_("合同中期及期满后{days}天内")
        else:
            template = N_("办结后{days}个工作日内") if working else N_("办结后{days}天内")
        return tr(template, days=self.days) if shown else template.format(days=self.days)


def rule_for(policy: Policy, kind: str, severity: str, category: str, subcategory: str = "") -> VisitRule:
    """The rule for one case: the first sub-rule naming its category or sub-category (细类)
    applies, with its days, its own rate when it has one, and what its days count from. Words
    in the account choose nothing ("不漏水" is no leak)."""
    base = policy.visits.rule(kind)
    days = base.days
    rate = float(base.rate)
    applied = ""
    after = AFTER_CONTRACT if kind == CONTRACT_KIND else AFTER_RESOLVED
    for sub in base.sub_rules:
        if sub.applies(category, subcategory):
            days = sub.days
            applied = sub.name
            if sub.rate is not None:
                rate = float(sub.rate)
            if sub.after == AFTER_LEAK_TEST:
                after = AFTER_LEAK_TEST
            break
    return VisitRule(
        kind=kind,
        days=days,
        unit=base.unit,
        rate=rate,
        role=base.role_for(severity),
        methods=list(base.methods),
        signature=base.signature,
        sub_rule=applied,
        after=after,
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
        # seed 004: every repair visited; other repairs within 2 days (安全设施 2, 渗漏 试漏后3天)
        "维修全部回访(客服手册)": _with(base, {"报修": {"rate": 1.0, "days": 2}}, "维修全部回访(客服手册)"),
        "维修一至两个月后回访(规程4.1.1)": _with(
            base, {"报修": {"days": 45, "rate": 0.3}}, "维修一至两个月后回访(规程4.1.1)"
        ),
    }
