"""The typed sections of the policy (制度): the first response, the visit rules with their
sub-rules, login security and backups. Each reads and writes its stored shape (`from_dict` /
`to_dict`) and keeps keys it does not know (`extra`); none carries a default of its own: the
defaults are resources/policy_default.json (see app/policy.py)."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


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


@dataclass
class SubRule:
    """回访细则: a shorter (or longer) visit deadline for some categories or words in the account."""

    name: str
    categories: list[str]
    keywords: list[str]
    days: int
    extra: dict[str, Any] = field(default_factory=dict)

    FIELDS = ("name", "categories", "keywords", "days")

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> SubRule:
        return cls(
            name=str(d.get("name", "")),
            categories=[str(c) for c in d.get("categories", [])],
            keywords=[str(w) for w in d.get("keywords", [])],
            days=int(d["days"]),
            extra=extra_keys(d, cls.FIELDS),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "categories": list(self.categories),
            "keywords": list(self.keywords),
            "days": self.days,
            **copy.deepcopy(self.extra),
        }

    def applies(self, category: str, account: str) -> bool:
        return category in self.categories or any(w and w in account for w in self.keywords)


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
    extra: dict[str, Any] = field(default_factory=dict)

    FIELDS = ("preset", "rules", "rework_notice_hours", "history_days", "form_return_days", "form_keep_years")

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> VisitSettings:
        return cls(
            preset=str(d.get("preset", "")),
            rules={str(kind): KindVisitRule.from_dict(rule) for kind, rule in d["rules"].items()},
            rework_notice_hours=number(d["rework_notice_hours"]),
            history_days=int(d["history_days"]),
            form_return_days=int(d["form_return_days"]),
            form_keep_years=int(d["form_keep_years"]),
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
