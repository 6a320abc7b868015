"""The office's house rules (制度) as data: every number here is a default the office edits."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import json
from dataclasses import dataclass, field
from typing import Any

from app.domain import SEVERITIES
from app.errors import ValidationError
from app.models import Setting, db, write_audit
from app.paths import resource_path
from app.permissions import require
from app.workdays import WorkCalendar

UNITS = {"calendar": "自然日", "working": "工作日"}
RESPONSE_UNITS = {"hours": "小时", "working": "工作日"}


@functools.cache
def _default_policy_text() -> str:
    return resource_path("policy_default.json").read_text(encoding="utf-8")


def default_policy_data() -> dict[str, Any]:
    """A fresh copy of the bundled defaults (the file is read once)."""
    data: dict[str, Any] = json.loads(_default_policy_text())
    return data


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
        text = f"首次回复 {self.response_due:%m-%d %H:%M} 前;办结 {self.resolve_due:%m-%d %H:%M} 前"
        if self.answer_due:
            text += f";明确答复 {self.answer_due:%m-%d %H:%M} 前"
        if self.major_report_due:
            text += f";重大投诉报告 {self.major_report_due:%m-%d %H:%M} 前"
        return text


@dataclass
class Policy:
    data: dict[str, Any] = field(default_factory=default_policy_data)

    # Convenience views of the data ------------------------------------------------
    @property
    def categories(self) -> list[str]:
        return list(self.data["categories"])

    @property
    def channels(self) -> list[str]:
        return list(self.data["channels"])

    @property
    def case_prefix(self) -> str:
        return str(self.data["case_prefix"])

    def case_prefix_for(self, kind: str) -> str:
        """The number prefix of a kind of case (投诉 TS-, 报修 BX- …); `case_prefix` for a kind
        the table does not name."""
        return str(self.data.get("case_prefixes", {}).get(kind) or self.data["case_prefix"])

    @property
    def nearly_due(self) -> dt.timedelta:
        return dt.timedelta(hours=float(self.data["nearly_due_hours"]))

    @property
    def duplicate_window(self) -> dt.timedelta:
        return dt.timedelta(days=int(self.data["duplicate_window_days"]))

    @property
    def repeat_window(self) -> dt.timedelta:
        """重复投诉/重复维修: the same matter again within this many days (default 90)."""
        return dt.timedelta(days=int(self.data.get("repeat_window_days", 90)))

    def resolve_days(self, severity: str) -> int:
        return int(self.data["resolve_days"][severity])

    def extension_approver_role(self, severity: str) -> str:
        return str(self.data["extension_approver"].get(severity, "office_manager"))

    # Deadlines ---------------------------------------------------------------------
    def deadlines(
        self, received_at: dt.datetime, kind: str, severity: str, calendar: WorkCalendar
    ) -> Deadlines:
        first = self.data["first_response"]
        if first["unit"] == "hours":
            response_due = received_at + dt.timedelta(hours=float(first["amount"]))
        else:
            response_due = calendar.add_workdays(received_at, int(first["amount"]))
        unit = self.data["day_unit"]
        resolve_due = calendar.add(received_at, self.resolve_days(severity), unit)
        answer_due = None
        report_due = None
        if kind == "投诉" and severity == "重大":
            answer_due = calendar.add(received_at, int(self.data["major_answer_days"]), unit)
            report_due = self.major_report_due(received_at, calendar)
        provisional = calendar.provisional_years(response_due, resolve_due, answer_due, report_due)
        return Deadlines(response_due, resolve_due, answer_due, report_due, provisional)

    def major_report_due(self, raised_at: dt.datetime, calendar: WorkCalendar) -> dt.datetime:
        """重大投诉报告: working days from when the case was known to be 重大."""
        return calendar.add_workdays(raised_at, int(self.data["major_report_workdays"]))

    # Checking and storing ----------------------------------------------------------
    def validate(self) -> None:
        problems: dict[str, str] = {}
        d = self.data
        if not str(d.get("case_prefix", "")).strip() or not str(d["case_prefix"]).isalnum():
            problems["编号前缀"] = "只能是字母或数字,不能为空"
        for kind, prefix in d.get("case_prefixes", {}).items():
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
        if problems:
            raise ValidationError(problems)
        from app.visit_policy import validate_visits  # the visit rules live beside their logic

        validate_visits(d.get("visits", {}))


def _positive(value: Any) -> bool:
    try:
        return float(value) > 0
    except (TypeError, ValueError):
        return False


class PolicyStore:
    """Reads and writes the policy in the settings table, over the bundled defaults."""

    KEY = "policy"

    def load(self) -> Policy:
        data = default_policy_data()
        row = Setting.get_or_none(Setting.key == self.KEY)
        if row:
            stored = json.loads(row.value)
            if (
                "case_prefixes" not in stored
                and stored.get("case_prefix", data["case_prefix"]) != data["case_prefix"]
            ):
                # Saved before prefixes by kind, with the office's own prefix: it stays for every kind.
                data["case_prefixes"] = {}
            data.update(stored)
        return Policy(data)

    def save(self, policy: Policy) -> None:
        require(None, "policy.edit")
        policy.validate()
        old = self.load().data
        with db.atomic():
            Setting.replace(key=self.KEY, value=json.dumps(policy.data, ensure_ascii=False)).execute()
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
                    for key, value in policy.data.items()
                    if old.get(key) != value
                ]
            )

    def copy(self) -> Policy:
        return Policy(copy.deepcopy(self.load().data))
