"""The office's house rules (制度) as typed data: every number here is a setting the office edits.

The defaults live in ONE place, `resources/policy_default.json`: it is the very shape the
policy is stored in (the settings table's "policy" row), the visit presets are variants of it,
and an office's stored policy is laid over it key by key (`_overlay`), so a setting added in a
later version reaches an office that saved its policy before. `Policy` and its sections
(app/policy_sections.py) carry the types and no defaults of their own: a value missing from both
the stored policy and the JSON is a bug, not a silent fallback.

`Policy.from_dict` checks a stored or typed-in policy (app/policy_checks.py: the Chinese reasons,
field label -> reason) before building it; `Policy.to_dict` gives back the stored shape, with any
key this version does not know kept as it was (`extra`), so load -> save changes nothing.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.errors import ValidationError
from app.i18n import N_, tr
from app.models import Setting, db, write_audit
from app.paths import resource_path
from app.permissions import require
from app.policy_checks import check_policy_data
from app.policy_sections import (
    BackupSettings,
    FirstResponse,
    ReferralSettings,
    SecuritySettings,
    VisitRoleSettings,
    VisitSettings,
    extra_keys,
    number,
)
from app.workdays import WorkCalendar

log = logging.getLogger(__name__)

# Keys whose stored value replaces the default whole, never merged key by key: an empty
# prefix table means "the office's own case_prefix for every kind" (saved before prefixes by kind).
_WHOLE = frozenset({"case_prefixes", "subcategories"})  # subcategories: a category emptied stays empty


@functools.cache
def _default_policy_text() -> str:
    return resource_path("policy_default.json").read_text(encoding="utf-8")


def default_policy_data() -> dict[str, Any]:
    """A fresh copy of the bundled defaults as stored (the file is read once)."""
    data: dict[str, Any] = json.loads(_default_policy_text())
    return data


def _overlay(base: dict[str, Any], stored: Mapping[str, Any]) -> dict[str, Any]:
    """`stored` over `base`: nested tables merged key by key, lists and numbers replaced.
    Values are shared, not copied: `Policy.from_dict` builds its own lists and tables."""
    out = dict(base)
    for key, value in stored.items():
        old = out.get(key)
        if key not in _WHOLE and isinstance(old, dict) and isinstance(value, dict):
            out[key] = _overlay(old, value)
        else:
            out[key] = value
    return out


def _over_defaults(stored: Mapping[str, Any]) -> dict[str, Any]:
    defaults = default_policy_data()
    own_prefix = stored.get("case_prefix", defaults["case_prefix"]) != defaults["case_prefix"]
    if "case_prefixes" not in stored and own_prefix:
        # Saved before prefixes by kind, with the office's own prefix: it stays for every kind.
        defaults["case_prefixes"] = {}
    return _overlay(defaults, stored)


@functools.lru_cache(maxsize=8)
def _stored_over_defaults(text: str) -> dict[str, Any]:
    """The settings row's text over the defaults, worked out once per text (a policy is loaded
    for nearly every action; `Policy.from_dict` only reads this and builds its own values)."""
    return _over_defaults(json.loads(text))


@dataclass
class Deadlines:
    response_due: dt.datetime
    resolve_due: dt.datetime
    answer_due: dt.datetime | None  # major complaints only
    major_report_due: dt.datetime | None
    # Years these deadlines fall in whose holidays are an estimate (暂定) so far.
    provisional_years: tuple[int, ...] = ()

    def all_dues(self) -> list[dt.datetime]:
        return [d for d in (self.response_due, self.resolve_due, self.answer_due, self.major_report_due) if d]

    def describe(self) -> str:
        parts = [
            tr("首次回复 {at} 前", at=f"{self.response_due:%m-%d %H:%M}"),
            tr("办结 {at} 前", at=f"{self.resolve_due:%m-%d %H:%M}"),
        ]
        if self.answer_due:
            parts.append(tr("明确答复 {at} 前", at=f"{self.answer_due:%m-%d %H:%M}"))
        if self.major_report_due:
            parts.append(tr("重大投诉报告 {at} 前", at=f"{self.major_report_due:%m-%d %H:%M}"))
        return tr(";").join(parts)


# The policy --------------------------------------------------------------------------------


def _str_table(value: Mapping[str, Any]) -> dict[str, str]:
    return {str(k): str(v) for k, v in value.items()}


def _int_table(value: Mapping[str, Any]) -> dict[str, int]:
    return {str(k): int(v) for k, v in value.items()}


def _names(value: list[Any]) -> list[str]:
    if isinstance(value, str | bytes):
        raise TypeError("a list of names is expected")
    return [str(v) for v in value]


def _name_lists(value: Mapping[str, Any]) -> dict[str, list[str]]:
    """细类: category -> its sub-category names."""
    return {str(k): _names(v) for k, v in value.items()}


# Each stored key: how it is read, and what the audit window and a refusal call it.
_CONVERT: dict[str, Callable[[Any], Any]] = {
    "case_prefix": str,
    "case_prefixes": _str_table,
    "first_response": FirstResponse.from_dict,
    "day_unit": str,
    "resolve_days": _int_table,
    "major_answer_days": int,
    "major_report_workdays": int,
    "nearly_due_hours": number,
    "contain_hours": number,  # 先行处置时限 (H21)
    "duplicate_window_days": int,
    "repeat_window_days": int,
    "extension_approver": _str_table,
    "categories": _names,
    "subcategories": _name_lists,
    "channels": _names,
    "departments": _names,
    "visits": VisitSettings.from_dict,
    "visit_roles": VisitRoleSettings.from_dict,
    "security": SecuritySettings.from_dict,
    "backup": BackupSettings.from_dict,
    "referral": ReferralSettings.from_dict,
    "requested_date_rule": str,
}
_LABELS = {
    "case_prefix": N_("编号前缀"),
    "case_prefixes": N_("各性质编号前缀"),
    "first_response": N_("首次回复时限"),
    "day_unit": N_("期限计法"),
    "resolve_days": N_("办结时限"),
    "major_answer_days": N_("重大投诉答复时限"),
    "major_report_workdays": N_("重大投诉报告时限"),
    "nearly_due_hours": N_("临期提醒"),
    "contain_hours": N_("先行处置时限(小时)"),
    "duplicate_window_days": N_("重复投诉判断天数"),
    "repeat_window_days": N_("重复投诉统计天数"),
    "extension_approver": N_("延期审批人"),
    "categories": N_("类别"),
    "subcategories": N_("细类"),
    "channels": N_("渠道"),
    "departments": N_("部门"),
    "visits": N_("回访制度"),
    "visit_roles": N_("回访人员与各角色回访率"),
    "security": N_("登录安全"),
    "backup": N_("备份"),
    "referral": N_("转交开发商"),
    "requested_date_rule": N_("业主要求时间的用法"),
}
_TOP = tuple(_CONVERT)


@dataclass
class Policy:
    """The house rules, typed: one attribute per stored key (`to_dict` gives the stored shape).
    Load it from the store (`PolicyStore.load`), edit a copy's attributes, save it back."""

    case_prefix: str  # the prefix of a kind the table below does not name
    case_prefixes: dict[str, str]  # kind -> number prefix (投诉 TS, 报修 BX …)
    first_response: FirstResponse
    day_unit: str  # calendar | working: how resolve and answer days are counted
    resolve_days: dict[str, int]  # severity -> days to resolve
    major_answer_days: int
    major_report_workdays: int
    nearly_due_hours: float
    contain_hours: float  # 先行处置: clock hours from intake (harm does not wait for a working day)
    duplicate_window_days: int
    repeat_window_days: int
    extension_approver: dict[str, str]  # severity -> role who approves an extension
    categories: list[str]
    subcategories: dict[str, list[str]]  # category -> its 细类 (the items a repeat repair is counted by)
    channels: list[str]
    departments: list[str]  # the departments a new office starts with
    visits: VisitSettings
    visit_roles: VisitRoleSettings  # two visitors; each role's visit-rate target (H24)
    security: SecuritySettings
    backup: BackupSettings
    referral: ReferralSettings  # 二类 cases written to the developer (helper H22)
    requested_date_rule: str  # earlier | always (app.cases.REQUESTED_DATE_RULES)
    extra: dict[str, Any] = field(default_factory=dict)  # keys this version does not know

    # Building, copying, storing ----------------------------------------------------------
    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Policy:
        """The policy from its stored shape, checked first: ValidationError names each bad value."""
        check_policy_data(data)
        problems: dict[str, str] = {}

        def take(key: str, convert: Callable[[Any], Any]) -> Any:
            try:
                return convert(data[key])
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                log.warning("policy setting %s unreadable: %r", key, exc)
                problems[_LABELS[key]] = tr("缺少或格式不对,请在「设置」中改正后保存")
                return None

        values = {key: take(key, convert) for key, convert in _CONVERT.items()}
        if problems:
            raise ValidationError(problems)
        return cls(**values, extra=extra_keys(data, _TOP))

    @classmethod
    def defaults(cls) -> Policy:
        """The bundled policy (resources/policy_default.json)."""
        return cls.from_dict(default_policy_data())

    @classmethod
    def over_defaults(cls, stored: Mapping[str, Any]) -> Policy:
        """A stored policy laid over the defaults (settings added since it was saved come in)."""
        return cls.from_dict(_over_defaults(stored))

    def to_dict(self) -> dict[str, Any]:
        """The stored shape (JSON-ready)."""
        return {
            "case_prefix": self.case_prefix,
            "case_prefixes": dict(self.case_prefixes),
            "first_response": self.first_response.to_dict(),
            "day_unit": self.day_unit,
            "resolve_days": dict(self.resolve_days),
            "major_answer_days": self.major_answer_days,
            "major_report_workdays": self.major_report_workdays,
            "nearly_due_hours": self.nearly_due_hours,
            "contain_hours": self.contain_hours,
            "duplicate_window_days": self.duplicate_window_days,
            "repeat_window_days": self.repeat_window_days,
            "extension_approver": dict(self.extension_approver),
            "categories": list(self.categories),
            "subcategories": {k: list(v) for k, v in self.subcategories.items()},
            "channels": list(self.channels),
            "departments": list(self.departments),
            "visits": self.visits.to_dict(),
            "visit_roles": self.visit_roles.to_dict(),
            "security": self.security.to_dict(),
            "backup": self.backup.to_dict(),
            "referral": self.referral.to_dict(),
            "requested_date_rule": self.requested_date_rule,
            **copy.deepcopy(self.extra),
        }

    def copy(self) -> Policy:
        """A deep copy to edit: nothing here changes until it is saved."""
        return copy.deepcopy(self)

    # Convenience views -------------------------------------------------------------------
    def case_prefix_for(self, kind: str) -> str:
        """The number prefix of a kind of case (投诉 TS-, 报修 BX- …); `case_prefix` for a kind
        the table does not name."""
        return self.case_prefixes.get(kind) or self.case_prefix

    @property
    def nearly_due(self) -> dt.timedelta:
        return dt.timedelta(hours=float(self.nearly_due_hours))

    @property
    def contain_within(self) -> dt.timedelta:
        """先行处置时限: clock hours after intake."""
        return dt.timedelta(hours=float(self.contain_hours))

    @property
    def duplicate_window(self) -> dt.timedelta:
        return dt.timedelta(days=self.duplicate_window_days)

    @property
    def repeat_window(self) -> dt.timedelta:
        """重复投诉/重复维修: the same matter again within this many days (default 90)."""
        return dt.timedelta(days=self.repeat_window_days)

    def resolve_days_for(self, severity: str) -> int:
        return self.resolve_days[severity]

    def extension_approver_role(self, severity: str) -> str:
        return self.extension_approver.get(severity, "office_manager")

    def add_category(self, name: str) -> None:
        """A category met in an imported ledger, added at the end (this copy only)."""
        if name and name not in self.categories:
            self.categories.append(name)

    def subcategories_for(self, category: str) -> list[str]:
        """细类 offered for a category (empty when the office keeps none for it)."""
        return list(self.subcategories.get(category, []))

    # Deadlines ---------------------------------------------------------------------------
    def deadlines(
        self, received_at: dt.datetime, kind: str, severity: str, calendar: WorkCalendar
    ) -> Deadlines:
        first = self.first_response
        if first.unit == "hours":
            response_due = received_at + dt.timedelta(hours=float(first.amount))
        else:
            response_due = calendar.add_workdays(received_at, int(first.amount))
        unit = self.day_unit
        resolve_due = calendar.add(received_at, self.resolve_days_for(severity), unit)
        answer_due = None
        report_due = None
        if kind == "投诉" and severity == "重大":
            answer_due = calendar.add(received_at, self.major_answer_days, unit)
            report_due = self.major_report_due(received_at, calendar)
        provisional = calendar.provisional_years(response_due, resolve_due, answer_due, report_due)
        return Deadlines(response_due, resolve_due, answer_due, report_due, provisional)

    def major_report_due(self, raised_at: dt.datetime, calendar: WorkCalendar) -> dt.datetime:
        """重大投诉报告: working days from when the case was known to be 重大."""
        return calendar.add_workdays(raised_at, self.major_report_workdays)

    # Checking ----------------------------------------------------------------------------
    def validate(self) -> None:
        """The same checks as on load, on the values as they are now (a window's edits)."""
        check_policy_data(self.to_dict())


class PolicyStore:
    """Reads and writes the policy in the settings table, over the bundled defaults."""

    KEY = "policy"

    def load(self) -> Policy:
        row = Setting.get_or_none(Setting.key == self.KEY)
        if row is None:
            return Policy.defaults()
        return Policy.from_dict(_stored_over_defaults(row.value))

    def save(self, policy: Policy) -> None:
        require(None, "policy.edit")
        policy.validate()
        old = self.load().to_dict()
        new = policy.to_dict()
        with db.atomic():
            Setting.replace(key=self.KEY, value=json.dumps(new, ensure_ascii=False)).execute()
            write_audit(
                [
                    {
                        "action": "修改",
                        "table": "policy",
                        "record_id": "policy",
                        "field": key,
                        "old": json.dumps(old.get(key), ensure_ascii=False),
                        "new": json.dumps(value, ensure_ascii=False),
                    }
                    for key, value in new.items()
                    if old.get(key) != value
                ]
            )

    def copy(self) -> Policy:
        """A copy to edit (a subclass may hand out one shared policy from `load`)."""
        return self.load().copy()
