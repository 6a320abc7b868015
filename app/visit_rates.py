"""The 《回访统计表》: of the cases handled in a period, which should have been visited by the
report's day, which were, and why the others are left out of the base (匿名, 只要求书面答复,
联系不上/拒访, 未到期, 取消回访). The 回访率 itself (visited ÷ due, against the target) is
`app.rates.visit_rate`; every screen, report, export and the bench take these counts from here.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import peewee as pw

from app import domain
from app.i18n import N_
from app.models import Case, Visit, VisitDecision, tuple_rows
from app.periods import Period
from app.policy import Policy
from app.rates import target_met, visit_rate
from app.visit_policy import rule_for
from app.visits.special import first_visit_dues
from app.workdays import WorkCalendar


@dataclass
class KindVisits:
    """One column of the 《回访统计表》: a kind's handled cases and how their visits stand.

    handled = due + cancelled + anonymous + written_reply + unreachable + not_due;
    visit_rate = visited / due, compared with target."""

    handled: int = 0  # 处理宗数
    visited: int = 0  # 回访宗数
    visit_rate: float = 0.0
    target: float = 0.0
    due: int = 0  # 应回访宗数: should be visited by the report's day
    anonymous: int = 0  # 匿名
    written_reply: int = 0  # 只要求书面答复
    unreachable: int = 0  # 联系不上/拒访
    not_due: int = 0  # 未到期
    cancelled: int = 0  # 计划人员写明原因取消回访
    late_cases: list[str] = field(default_factory=list)  # 应访未访: visit planned, past due
    visited_cases: list[str] = field(default_factory=list)

    @property
    def met(self) -> bool | None:
        """达标; None when nothing had to be visited yet or the kind has no target."""
        return target_met(self.visited, self.due, self.target)

    def to_json(self) -> dict[str, Any]:
        return {
            "handled": self.handled,
            "due": self.due,
            "visited": self.visited,
            "visit_rate": round(self.visit_rate, 4),
            "target": self.target,
            "met": self.met,
            "anonymous": self.anonymous,
            "written_reply": self.written_reply,
            "unreachable": self.unreachable,
            "not_due": self.not_due,
            "cancelled": self.cancelled,
            "late_cases": self.late_cases,
            "visited_cases": self.visited_cases,
        }


# Why a handled case is out of the visit-rate base (its column in the 《回访统计表》).
EXEMPT_COLUMNS = {
    "anonymous": N_("匿名"),
    "written_reply": N_("只要求书面答复"),
    "unreachable": N_("联系不上/拒访"),
    "not_due": N_("未到期"),
}


def visit_rates(policy: Policy, period: Period, today: dt.date) -> dict[str, KindVisits]:
    """The 《回访统计表》 of `period` as the office means it: of the cases handled in the period
    (merged and voided ones not counted), those that should be visited by `today` against
    those visited. Every screen, report and export takes its visit rates from here.

    A case visited at least once counts as visited whatever else is true. Otherwise it is
    left out of the base, in its own column, when: the planner cancelled its visit with a
    reason; it is anonymous; the owner asked only for a written reply; its visits ended as
    未联系上/拒访 after the attempts; or its visit is due today or later (未到期). What
    remains is due and not visited: a case whose planned visit is past due is named in
    `late_cases`; a case the sample left out (a kind visited below 100%) just counts.
    """
    out = {k: KindVisits(target=policy.visits.target_rate(k)) for k in domain.KINDS}
    cases = list(_handled(period))
    if not cases:
        return out
    visits: dict[int, list[tuple[str, dt.date]]] = defaultdict(list)
    decisions: dict[int, tuple[bool, bool]] = {}
    for chunk in _chunks([c.id for c in cases]):
        for case_id, state, due in tuple_rows(_visits_of(chunk)):
            visits[case_id].append(
                (state, due if isinstance(due, dt.date) else dt.date.fromisoformat(str(due)))
            )
        for case_id, selected, by_hand in tuple_rows(_decisions_of(chunk)):
            decisions[case_id] = (bool(selected), bool(by_hand))
    calendar: WorkCalendar | None = None

    def rule_due(case: Case) -> dt.date:
        nonlocal calendar
        calendar = calendar or WorkCalendar.from_database()
        rule = rule_for(policy, case.kind, case.severity, case.category, case.subcategory)
        dues = first_visit_dues(case, rule, calendar)  # a leak from its test, a contract (H23)
        if dues is None:
            return dt.date.max  # waits for the leak test or the contract dates: not due yet
        return min(day for _, day in dues)

    for case in cases:
        k = out.setdefault(case.kind, KindVisits())
        k.handled += 1
        states = [state for state, _ in visits[case.id]]
        open_dues = [due for state, due in visits[case.id] if state == domain.VISIT_PLANNED]
        selected, by_hand = decisions.get(case.id, (True, False))
        if domain.VISIT_DONE in states:
            k.due += 1
            k.visited += 1
            k.visited_cases.append(case.number)
        elif not open_dues and (
            (by_hand and not selected) or (states and set(states) == {domain.VISIT_CANCELLED})
        ):
            k.cancelled += 1
        elif case.anonymous:
            k.anonymous += 1
        elif case.written_reply_only:
            k.written_reply += 1
        elif not open_dues and set(states) & {domain.VISIT_UNREACHABLE, domain.VISIT_REFUSED}:
            k.unreachable += 1
        else:
            due = min(open_dues) if open_dues else rule_due(case)
            if due >= today:
                k.not_due += 1
            else:
                k.due += 1
                if selected:
                    k.late_cases.append(case.number)
    for k in out.values():
        k.visit_rate = visit_rate(k.visited, k.due) or 0.0  # shown as "—" while nothing is due
    return out


def _handled(period: Period) -> pw.ModelSelect[Case]:
    """The cases handled (办结) in the period, merged and voided ones not counted."""
    columns = [Case.id, Case.number, Case.kind, Case.severity, Case.category, Case.subcategory]
    columns += [Case.leak_test_on, Case.contract_start, Case.contract_end]
    columns += [Case.anonymous, Case.written_reply_only, Case.resolved_at]
    return (
        Case.select(*columns)
        .where(
            Case.state.not_in([domain.MERGED, domain.VOID]),
            Case.resolved_at >= period.start_at,
            Case.resolved_at < period.end_at,
        )
        .order_by(Case.resolved_at, Case.id)
    )


def _chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    """`ids` in runs of `size`: SQLite's limit on bound parameters."""
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def _visits_of(case_ids: list[int]) -> pw.ModelSelect[Visit]:
    return Visit.select(Visit.case, Visit.state, Visit.due).where(Visit.case.in_(case_ids))


def _decisions_of(case_ids: list[int]) -> pw.ModelSelect[VisitDecision]:
    return VisitDecision.select(VisitDecision.case, VisitDecision.selected, VisitDecision.by_hand).where(
        VisitDecision.case.in_(case_ids)
    )


def visit_rate_sql(period: Period) -> list[tuple[str, list[Any]]]:
    """The SQL `visit_rates` runs for `period` (the handled cases, then their visits and sample
    decisions), as (sql, params): the bench times it as plain SQL for its floor figure."""
    handled = _handled(period)
    out = [handled.sql()]
    for chunk in _chunks([c.id for c in handled]):
        out += [_visits_of(chunk).sql(), _decisions_of(chunk).sql()]
    return [(sql, list(params)) for sql, params in out]


def _as_dt(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))
