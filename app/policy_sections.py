"""The typed sections of the policy (制度): the first response, the visit rules with their
sub-rules, login security and backups. Each reads and writes its stored shape (`from_dict` /
`to_dict`) and keeps keys it does not know (`extra`); none carries a default of its own: the
defaults are resources/policy_default.json (see app/policy.py)."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.i18n import N_


def number(value: Any) -> float:
    """A stored number as it was typed (24 stays 24, 24.0 stays 24.0: load -> save changes nothing)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        value = float(value)
    return value


def extra_keys(data: Mapping[str, Any], known: tuple[str, ...]) -> dict[str, Any]:
    return {k: copy.deepcopy(v) for k, v in data.items() if k not in known}


@dataclass
class FirstResponse:
    """首次回复: so many hours, or working days, after the case is received."""

    amount: float
    unit: str  # hours | working

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> FirstResponse:
        return cls(amount=number(d["amount"]), unit=str(d["unit"]))

    def to_dict(self) -> dict[str, Any]:
        return {"amount": self.amount, "unit": self.unit}


# What a sub-rule's visit days count from: the day the case was handled (办结), or the leak
# test (闭水试验) recorded on the case: a leak is visited only after the test shows it holds.
SUB_RULE_AFTER = {"resolved": "办结", "leak_test": "闭水试验"}
# The category whose stored sub-rules (saved before `after` existed) count from the leak test.
LEAK_CATEGORY = "漏水/渗漏"


@dataclass
class SubRule:
    """回访细则: another visit deadline (and, when set, its own visit rate) for the cases of some
    categories or sub-categories (细类). Chosen by what the case IS, never by a word in its
    account ("不漏水" is not a leak): a stored sub-rule's old "keywords" are dropped on load."""

    name: str
    categories: list[str]
    subcategories: list[str]
    days: int
    rate: float | None  # None: the kind's rate
    after: str  # a key of SUB_RULE_AFTER
    extra: dict[str, Any] = field(default_factory=dict)

    FIELDS = ("name", "categories", "subcategories", "days", "rate", "after", "keywords")

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> SubRule:
        categories = [str(c) for c in d.get("categories", [])]
        rate = d.get("rate")
        after = d.get("after")
        if after is None:  # saved before visits counted from the leak test
            after = "leak_test" if LEAK_CATEGORY in categories else "resolved"
        return cls(
            name=str(d.get("name", "")),
            categories=categories,
            subcategories=[str(c) for c in d.get("subcategories", [])],
            days=int(d["days"]),
            rate=None if rate is None else number(rate),
            after=str(after),
            extra=extra_keys(d, cls.FIELDS),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "categories": list(self.categories),
            "subcategories": list(self.subcategories),
            "days": self.days,
        }
        if self.rate is not None:
            out["rate"] = self.rate
        out["after"] = self.after
        out.update(copy.deepcopy(self.extra))
        return out

    def applies(self, category: str, subcategory: str) -> bool:
        """Does this sub-rule choose a case of `category` and `subcategory` (细类)?"""
        return category in self.categories or bool(subcategory and subcategory in self.subcategories)


@dataclass
class KindVisitRule:
    """The visit rule for one kind of work (投诉, 报修 …)."""

    days: int
    unit: str  # calendar | working
    rate: float  # 0..1
    roles: dict[str, str]  # severity -> role who visits
    methods: list[str]
    signature: bool
    sub_rules: list[SubRule]
    extra: dict[str, Any] = field(default_factory=dict)

    FIELDS = ("days", "unit", "rate", "roles", "methods", "signature", "sub_rules")

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> KindVisitRule:
        return cls(
            days=int(d["days"]),
            unit=str(d["unit"]),
            rate=number(d["rate"]),
            roles={str(k): str(v) for k, v in d["roles"].items()},
            methods=[str(m) for m in d["methods"]],
            signature=bool(d["signature"]),
            sub_rules=[SubRule.from_dict(s) for s in d["sub_rules"]],
            extra=extra_keys(d, cls.FIELDS),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "days": self.days,
            "unit": self.unit,
            "rate": self.rate,
            "roles": dict(self.roles),
            "methods": list(self.methods),
            "signature": self.signature,
            "sub_rules": [s.to_dict() for s in self.sub_rules],
            **copy.deepcopy(self.extra),
        }

    def role_for(self, severity: str) -> str:
        return self.roles.get(severity, "steward")


@dataclass
class VisitSettings:
    """回访制度: one rule per kind, and the numbers around visits."""

    preset: str
    rules: dict[str, KindVisitRule]
    rework_notice_hours: float
    history_days: int
    form_return_days: int
    form_keep_years: int
    # 社区活动、刊物: the share of participant rooms visited, within so many days (seed 000 4.1.2).
    activity_rate: float
    activity_days: int
    extra: dict[str, Any] = field(default_factory=dict)

    FIELDS = (
        "preset",
        "rules",
        "rework_notice_hours",
        "history_days",
        "form_return_days",
        "form_keep_years",
        "activity_rate",
        "activity_days",
    )

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> VisitSettings:
        return cls(
            preset=str(d.get("preset", "")),
            rules={str(kind): KindVisitRule.from_dict(rule) for kind, rule in d["rules"].items()},
            rework_notice_hours=number(d["rework_notice_hours"]),
            history_days=int(d["history_days"]),
            form_return_days=int(d["form_return_days"]),
            form_keep_years=int(d["form_keep_years"]),
            activity_rate=number(d["activity_rate"]),
            activity_days=int(d["activity_days"]),
            extra=extra_keys(d, cls.FIELDS),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "preset": self.preset,
            "rules": {kind: rule.to_dict() for kind, rule in self.rules.items()},
            "rework_notice_hours": self.rework_notice_hours,
            "history_days": self.history_days,
            "form_return_days": self.form_return_days,
            "form_keep_years": self.form_keep_years,
            "activity_rate": self.activity_rate,
            "activity_days": self.activity_days,
            **copy.deepcopy(self.extra),
        }

    def rule(self, kind: str) -> KindVisitRule:
        """The rule of `kind`; a kind without one is visited as a 建议."""
        return self.rules.get(kind) or self.rules["建议"]

    def target_rate(self, kind: str) -> float:
        """The share of handled cases of `kind` to visit (0 for a kind without a rule)."""
        rule = self.rules.get(kind)
        return float(rule.rate) if rule is not None else 0.0


@dataclass
class SecuritySettings:
    """登录安全: lockout after failed logins, and the idle lock."""

    max_failed_logins: int
    lock_minutes: int
    idle_lock_minutes: int
    extra: dict[str, Any] = field(default_factory=dict)

    FIELDS = ("max_failed_logins", "lock_minutes", "idle_lock_minutes")

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> SecuritySettings:
        return cls(
            max_failed_logins=int(d["max_failed_logins"]),
            lock_minutes=int(d["lock_minutes"]),
            idle_lock_minutes=int(d["idle_lock_minutes"]),
            extra=extra_keys(d, cls.FIELDS),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "max_failed_logins": self.max_failed_logins,
            "lock_minutes": self.lock_minutes,
            "idle_lock_minutes": self.idle_lock_minutes,
            **copy.deepcopy(self.extra),
        }


@dataclass
class BackupSettings:
    """备份: the folder ('' = the data folder's backups) and how many copies are kept."""

    folder: str
    keep_daily: int
    keep_weekly: int
    keep_monthly: int
    warn_after_days: int
    extra: dict[str, Any] = field(default_factory=dict)

    FIELDS = ("folder", "keep_daily", "keep_weekly", "keep_monthly", "warn_after_days")

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> BackupSettings:
        return cls(
            folder=str(d.get("folder") or ""),
            keep_daily=int(d["keep_daily"]),
            keep_weekly=int(d["keep_weekly"]),
            keep_monthly=int(d["keep_monthly"]),
            warn_after_days=int(d["warn_after_days"]),
            extra=extra_keys(d, cls.FIELDS),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "folder": self.folder,
            "keep_daily": self.keep_daily,
            "keep_weekly": self.keep_weekly,
            "keep_monthly": self.keep_monthly,
            "warn_after_days": self.warn_after_days,
            **copy.deepcopy(self.extra),
        }


@dataclass
class ReferralSettings:
    """转交开发商 (helper H22): whom a developer-caused (二类) case is written to, how many days
    the developer has to reply, which categories may be forwarded besides 二类 complaints, and
    whether the letter carries the caller's whole phone number (else masked)."""

    to: str  # the developer's customer centre, as the letter names it
    reply_days: int
    unit: str  # calendar | working
    categories: list[str]
    show_phone: bool
    extra: dict[str, Any] = field(default_factory=dict)

    FIELDS = ("to", "reply_days", "unit", "categories", "show_phone")

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> ReferralSettings:
        return cls(
            to=str(d["to"]),
            reply_days=int(d["reply_days"]),
            unit=str(d["unit"]),
            categories=[str(c) for c in d["categories"]],
            show_phone=bool(d["show_phone"]),
            extra=extra_keys(d, cls.FIELDS),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "to": self.to,
            "reply_days": self.reply_days,
            "unit": self.unit,
            "categories": list(self.categories),
            "show_phone": self.show_phone,
            **copy.deepcopy(self.extra),
        }


# Who visits and how many (H24, seeds 002 and 000) -----------------------------------------
# What a role's visit rate is counted against: the cases that should be visited by now
# (应回访宗数, "对客户的回访率", seed 002) or the cases visited (回访宗数: the role's share of
# the visits, "维修回访由经理、主管、维修负责人担任", seed 000, whose shares add up to 100%).
ROLE_RATE_BASES = {"due": N_("应回访宗数"), "visited": N_("已回访宗数")}


@dataclass
class TwoVisitors:
    """两人同时回访: which cases (kinds, and severities or 业主损失较大) are visited by two roles together."""

    kinds: list[str]
    severities: list[str]
    large_loss: bool
    roles: list[str]  # [first, second]: the planner's rule role stays first when it is one of them

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> TwoVisitors:
        return cls(
            kinds=[str(k) for k in d["kinds"]],
            severities=[str(s) for s in d["severities"]],
            large_loss=bool(d["large_loss"]),
            roles=[str(r) for r in d["roles"]],
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "kinds": list(self.kinds),
            "severities": list(self.severities),
            "large_loss": self.large_loss,
            "roles": list(self.roles),
        }


@dataclass
class RoleTarget:
    """One role's visit-rate target: `role` (app.domain.ROLES) is the seed's `label` (主管…)."""

    role: str
    label: str
    kinds: list[str]  # the kinds counted; [] = every kind
    rate: float  # 0..1
    base: str  # due | visited (ROLE_RATE_BASES)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> RoleTarget:
        return cls(
            role=str(d["role"]),
            label=str(d.get("label", "")),
            kinds=[str(k) for k in d.get("kinds", [])],
            rate=number(d["rate"]),
            base=str(d.get("base", "due")),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "label": self.label,
            "kinds": list(self.kinds),
            "rate": self.rate,
            "base": self.base,
        }


@dataclass
class VisitRoleSettings:
    """回访人员: the two-visitor rule and each role's visit-rate target (角色回访率)."""

    preset: str
    two_visitors: TwoVisitors
    targets: list[RoleTarget]
    extra: dict[str, Any] = field(default_factory=dict)

    FIELDS = ("preset", "two_visitors", "targets")

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> VisitRoleSettings:
        return cls(
            preset=str(d.get("preset", "")),
            two_visitors=TwoVisitors.from_dict(d["two_visitors"]),
            targets=[RoleTarget.from_dict(t) for t in d["targets"]],
            extra=extra_keys(d, cls.FIELDS),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "preset": self.preset,
            "two_visitors": self.two_visitors.to_dict(),
            "targets": [t.to_dict() for t in self.targets],
            **copy.deepcopy(self.extra),
        }
