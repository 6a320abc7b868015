"""Each role's visit rate against its target (角色回访率, seeds 002 and 000), and each person's
visits: one computation the dashboard, the statistics window's 人员 tab, the quarterly report
and `report quarterly --json` all take.

For one target (a role, the kinds it names, its rate and its base), over the cases handled in
the period (merged and voided not counted, exactly the 《回访统计表》's cases, app.visit_rates):

- numerator: the cases of those kinds that were visited (a visit 已回访) with a person of that
  role among the visitors — the first visitor or the second of a visit made by two together.
  A visitor's role is the person's role; a visit whose visitor was never named counts for the
  role it was planned for.
- denominator, by the target's base: `due` — the cases that should have been visited by the
  report's day (应回访宗数 of the 《回访统计表》: anonymous, written-reply-only,
  unreachable/refused, not-yet-due and cancelled cases are out of it); `visited` — the cases
  visited (回访宗数): the role's share of the visits (seed 000: 经理10%+主管30%+维修负责人60%).
A target is 达标 when the rate reaches it; None (shown "—") while the denominator is 0.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from app import domain
from app.i18n import term, tr
from app.models import Case, Staff, Visit, tuple_rows
from app.periods import Period
from app.policy import Policy
from app.policy_sections import ROLE_RATE_BASES, RoleTarget
from app.rates import reaches, share
from app.visit_rates import KindVisits, visit_rates


@dataclass
class RoleRate:
    """One role's line: its visited cases against the base, and the target."""

    role: str
    label: str  # the seed's word (物业主管, 维修负责人 …)
    kinds: list[str]
    base: str  # due | visited
    target: float
    visited: int = 0  # 分子: cases visited with this role among the visitors
    base_count: int = 0  # 分母
    cases: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float | None:
        return share(self.visited, self.base_count)

    @property
    def met(self) -> bool | None:
        rate = self.rate
        if rate is None or self.target <= 0:
            return None
        return reaches(rate, self.target)

    @property
    def role_name(self) -> str:
        return domain.ROLES.get(self.role, self.role)

    def describe(self) -> str:
        """'物业主管(物管员) 投诉 12/13 92.3% 目标≥95% 未达标'."""
        rate = "—" if self.rate is None else f"{self.rate:.1%}"
        verdict = {True: tr("达标"), False: tr("未达标"), None: "—"}[self.met]
        kinds = tr("、").join(term(k) for k in self.kinds) or tr("全部")
        return tr(
            "{label}({role}) {kinds} {visited}/{base} {rate} 目标≥{target} {verdict}",
            label=self.label,
            role=term(self.role_name),
            kinds=kinds,
            visited=self.visited,
            base=self.base_count,
            rate=rate,
            target=f"{self.target:.0%}",
            verdict=verdict,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "role_name": self.role_name,
            "label": self.label,
            "kinds": list(self.kinds),
            "base": self.base,
            "base_name": ROLE_RATE_BASES.get(self.base, self.base),
            "visited": self.visited,
            "base_count": self.base_count,
            "rate": None if self.rate is None else round(self.rate, 4),
            "target": self.target,
            "met": self.met,
            "cases": list(self.cases),
        }


@dataclass
class PersonVisits:
    """One person's visits done in the period (as first or second visitor)."""

    staff_id: int
    name: str
    role: str
    visits: int = 0  # visits done (a case visited twice counts twice)
    together: int = 0  # of those, made with a second visitor
    cases: list[str] = field(default_factory=list)  # the cases they visited (the rates' numerator)
    role_rate: RoleRate | None = None  # their role's line, when the policy sets a target for it

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "role_name": domain.ROLES.get(self.role, self.role),
            "visits": self.visits,
            "together": self.together,
            "cases": list(self.cases),
            "role_rate": self.role_rate.to_json() if self.role_rate else None,
        }


@dataclass
class RoleVisits:
    roles: list[RoleRate]
    people: list[PersonVisits]

    def to_json(self) -> dict[str, Any]:
        return {"roles": [r.to_json() for r in self.roles], "people": [p.to_json() for p in self.people]}


def _done_visits(period: Period) -> list[tuple[int, str, int | None, str, str, int | None, str, str]]:
    """(case id, case number, visitor id, visitor name, planned role, second id, second name,
    second role) of every visit done on a case handled in the period."""
    query = (
        Visit.select(
            Visit.case,
            Case.number,
            Visit.visitor,
            Visit.visitor_name,
            Visit.role,
            Visit.second_visitor,
            Visit.second_visitor_name,
            Visit.second_role,
        )
        .join(Case)
        .where(
            Visit.state == domain.VISIT_DONE,
            Case.state.not_in([domain.MERGED, domain.VOID]),
            Case.resolved_at >= period.start_at,
            Case.resolved_at < period.end_at,
        )
        .order_by(Visit.done_at, Visit.id)
    )
    return [tuple(row) for row in tuple_rows(query)]  # type: ignore[misc]


def role_visits(
    policy: Policy, period: Period, today: dt.date, kinds: dict[str, KindVisits] | None = None
) -> RoleVisits:
    """Each target's line and each person's visits over the cases handled in `period`, as of
    `today` (see the module's words). `kinds`: the period's `visit_rates` when the caller has it."""
    kinds = kinds if kinds is not None else visit_rates(policy, period, today)
    visited_numbers = {number for k in kinds.values() for number in k.visited_cases}
    staff = {s.id: s for s in Staff.select(Staff.id, Staff.name, Staff.role)}
    kind_of: dict[str, str] = {}
    for k_name, k in kinds.items():
        for number in k.visited_cases:
            kind_of[number] = k_name
    roles_of_case: dict[str, set[str]] = defaultdict(set)
    people: dict[int, PersonVisits] = {}
    for _case, number, v_id, v_name, v_role, s_id, s_name, s_role in _done_visits(period):
        visitors = [(v_id, v_name, v_role)]
        if s_id or s_name:
            visitors.append((s_id, s_name, s_role))
        for person_id, _name, planned in visitors:
            person = staff.get(person_id) if person_id else None
            role = person.role if person is not None else planned
            if role:
                roles_of_case[number].add(role)
            if person is None:
                continue
            row = people.setdefault(person.id, PersonVisits(person.id, person.name, person.role))
            row.visits += 1
            row.together += len(visitors) == 2
            if number not in row.cases:
                row.cases.append(number)
    lines = []
    for target in policy.visit_roles.targets:
        lines.append(_line(target, kinds, kind_of, visited_numbers, roles_of_case))
    by_role = {line.role: line for line in lines}
    out_people = sorted(people.values(), key=lambda p: (p.role, p.name))
    for row in out_people:
        row.role_rate = by_role.get(row.role)
    return RoleVisits(lines, out_people)


def _line(
    target: RoleTarget,
    kinds: dict[str, KindVisits],
    kind_of: dict[str, str],
    visited_numbers: set[str],
    roles_of_case: dict[str, set[str]],
) -> RoleRate:
    names = target.kinds or list(kinds)
    line = RoleRate(target.role, target.label, list(target.kinds), target.base, float(target.rate))
    for name in names:
        k = kinds.get(name)
        if k is not None:
            line.base_count += k.visited if target.base == "visited" else k.due
    for number in sorted(visited_numbers):
        if kind_of.get(number) in names and target.role in roles_of_case.get(number, set()):
            line.visited += 1
            line.cases.append(number)
    return line
