"""工作台: what needs doing today, in numbers, each with the list behind it.

`dashboard(office, today)` gathers every figure the opening page shows; no Qt here. The case
counts come from the same `CaseFilter` the case list uses, so the number on a tile is the
number of rows the list shows when the tile is clicked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import peewee as pw

from app import domain
from app.case_query import CaseFilter
from app.models import Case, MajorReport, NightLogEntry, ReworkNotice, Visit, tuple_rows
from app.office import Office
from app.stats import EXEMPT_COLUMNS, Period
from app.workdays import WorkCalendar

SATISFIED = ("很满意", "满意")
TREND_MONTHS = 6


@dataclass(frozen=True)
class VisitorLoad:
    """One visitor's open visits: due today and already overdue (逾期)."""

    visitor: str
    today: int
    overdue: int

    @property
    def total(self) -> int:
        return self.today + self.overdue


@dataclass(frozen=True)
class KindRate:
    """This month's 回访率 of one kind against the policy's target (from `app.stats.visit_rates`)."""

    kind: str
    handled: int  # 处理宗数
    visited: int  # 回访宗数
    rate: float  # visited / due
    target: float
    due: int = 0  # 应回访宗数
    late_cases: tuple[str, ...] = ()  # 应访未访, named
    # Not in the base, by reason (a key of app.stats.EXEMPT_COLUMNS) with its count, zeros left out.
    exempt: tuple[tuple[str, int], ...] = ()

    @property
    def met(self) -> bool:
        return self.due > 0 and self.rate + 1e-9 >= self.target


@dataclass(frozen=True)
class MonthSatisfaction:
    """Visits done in one month: how many gave a level, and how many of those 满意 or 很满意."""

    year: int
    month: int
    rated: int
    satisfied: int

    @property
    def label(self) -> str:
        return f"{self.month}月"

    @property
    def share(self) -> float | None:
        """None for a month without rated visits (the chart leaves a gap, not a zero)."""
        return self.satisfied / self.rated if self.rated else None


@dataclass(frozen=True)
class FormsToFile:
    """A finished quarter whose returned and voided forms are not filed yet (归档, by the 10th)."""

    quarter: str  # 2026-Q3
    count: int
    deadline: dt.date
    late: bool


@dataclass(frozen=True)
class PendingReport:
    """A 重大投诉报告 not yet submitted."""

    case_id: int
    case_number: str
    due: dt.datetime
    overdue: bool


@dataclass
class DashboardData:
    today: dt.date
    overdue_cases: int
    overdue_filter: CaseFilter
    due_today_cases: int
    due_today_filter: CaseFilter
    visits_today: int
    visits_overdue: int
    visitors: list[VisitorLoad]
    forms_out_too_long: int
    forms_out_numbers: list[str]
    major_reports: list[PendingReport]
    month: Period
    visit_rates: list[KindRate]
    satisfaction_trend: list[MonthSatisfaction]
    night_log_pending: int
    rework_overdue: int
    rework_pending: int = 0
    forms_to_file: list[FormsToFile] = field(default_factory=list)  # oldest quarter first
    forms_to_destroy: int = 0  # filed forms past the keeping period, waiting for a person
    # Years whose holidays are only estimated (暂定) and that matter now: this month, the next
    # 31 days, or an open case's deadline. The office loads the State Council's notice.
    provisional_years: tuple[int, ...] = ()

    @property
    def forms_archive_late(self) -> list[FormsToFile]:
        return [q for q in self.forms_to_file if q.late]

    @property
    def major_reports_pending(self) -> int:
        return len(self.major_reports)

    @property
    def major_reports_overdue(self) -> int:
        return sum(1 for r in self.major_reports if r.overdue)


def _month_back(year: int, month: int, back: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) - back
    return index // 12, index % 12 + 1


def visitor_loads(today: dt.date) -> list[VisitorLoad]:
    """Open (计划) visits due today or earlier, per visitor; unassigned ones under 未指定."""
    rows = tuple_rows(
        Visit.select(Visit.visitor_name, Visit.due, pw.fn.COUNT(Visit.id).alias("n"))
        .where(Visit.state == domain.VISIT_PLANNED, Visit.due <= today)
        .group_by(Visit.visitor_name, Visit.due)
    )
    loads: dict[str, list[int]] = {}
    for name, due, n in rows:
        day = due if isinstance(due, dt.date) else dt.date.fromisoformat(str(due)[:10])
        counts = loads.setdefault(name or "未指定", [0, 0])
        counts[0 if day == today else 1] += int(n)
    out = [VisitorLoad(name, t, o) for name, (t, o) in loads.items()]
    # The most behind first; 未指定 last, as it is nobody's list yet.
    return sorted(out, key=lambda v: (v.visitor == "未指定", -v.overdue, -v.total, v.visitor))


def satisfaction_trend(today: dt.date, months: int = TREND_MONTHS) -> list[MonthSatisfaction]:
    """The last `months` months up to and including today's: 满意+很满意 among rated visits done."""
    first_year, first_month = _month_back(today.year, today.month, months - 1)
    start = dt.datetime(first_year, first_month, 1)
    end = Period.month(today.year, today.month).end_at
    month_expr = pw.fn.strftime("%Y-%m", Visit.done_at)
    rows = tuple_rows(
        Visit.select(month_expr.alias("m"), Visit.satisfaction, pw.fn.COUNT(Visit.id).alias("n"))
        .where(
            Visit.state == domain.VISIT_DONE,
            Visit.satisfaction.in_(domain.SATISFACTION),
            Visit.done_at >= start,
            Visit.done_at < end,
        )
        .group_by(month_expr, Visit.satisfaction)
    )
    rated: dict[str, int] = {}
    satisfied: dict[str, int] = {}
    for key, level, n in rows:
        rated[key] = rated.get(key, 0) + int(n)
        if level in SATISFIED:
            satisfied[key] = satisfied.get(key, 0) + int(n)
    out = []
    for back in range(months - 1, -1, -1):
        y, m = _month_back(today.year, today.month, back)
        key = f"{y:04d}-{m:02d}"
        out.append(MonthSatisfaction(y, m, rated.get(key, 0), satisfied.get(key, 0)))
    return out


PROVISIONAL_LOOKAHEAD = dt.timedelta(days=31)


def provisional_years(today: dt.date) -> tuple[int, ...]:
    """The provisional years (see `app.workdays`) of today, the next month and the open
    cases' deadlines: the office is warned before a deadline falls in an estimated year."""
    calendar = WorkCalendar.from_database()
    years = {today.year, (today + PROVISIONAL_LOOKAHEAD).year}
    dues = Case.select(pw.fn.MAX(Case.resolve_due), pw.fn.MAX(Case.answer_due), pw.fn.MAX(Case.response_due))
    for value in next(iter(tuple_rows(dues.where(Case.state.in_(domain.OPEN_STATES))))):
        if value:
            last = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
            years.update(range(today.year, last.year + 1))
    return tuple(sorted(y for y in years if calendar.is_provisional(y)))


def dashboard(office: Office, today: dt.date) -> DashboardData:
    """Every figure of the 工作台 as of `today` (deadlines with a time use the office's clock)."""
    now = office.clock.now()
    overdue_filter = CaseFilter(overdue=True)
    due_today_filter = CaseFilter(due_today=True)

    loads = visitor_loads(today)

    forms = office.forms.out_too_long()

    reports = [
        PendingReport(r.case.id, r.case.number, r.due, r.due < now)
        for r in MajorReport.select(MajorReport, Case)
        .join(Case)
        .where(
            MajorReport.submitted_at.is_null(),
            MajorReport.cancelled_at.is_null(),
            Case.state != domain.MERGED,
        )
        .order_by(MajorReport.due)
    ]

    month = Period.month(today.year, today.month)
    stats = office.statistics().compute(month)
    rates = [
        KindRate(
            kind,
            k.handled,
            k.visited,
            k.visit_rate,
            k.target,
            due=k.due,
            late_cases=tuple(k.late_cases),
            exempt=tuple((attr, n) for attr in EXEMPT_COLUMNS if (n := getattr(k, attr))),
        )
        for kind, k in stats.visit_stats.items()
        if k.handled or k.target
    ]

    pending_notices = ReworkNotice.select().where(ReworkNotice.delivered_at.is_null())
    to_file = [
        FormsToFile(quarter, count, deadline, today > deadline)
        for quarter, count in office.forms.unfiled_counts(today).items()
        for deadline in [office.forms.archive_deadline(quarter)]
    ]
    return DashboardData(
        today=today,
        overdue_cases=office.query.count(overdue_filter),
        overdue_filter=overdue_filter,
        due_today_cases=office.query.count(due_today_filter),
        due_today_filter=due_today_filter,
        visits_today=sum(v.today for v in loads),
        visits_overdue=sum(v.overdue for v in loads),
        visitors=loads,
        forms_out_too_long=len(forms),
        forms_out_numbers=[f.number for f in forms],
        major_reports=reports,
        month=stats.period,  # up to today (截至) while the month runs
        visit_rates=rates,
        satisfaction_trend=satisfaction_trend(today),
        night_log_pending=NightLogEntry.select().where(NightLogEntry.case.is_null()).count(),
        rework_overdue=pending_notices.where(ReworkNotice.due < now).count(),
        rework_pending=pending_notices.count(),
        forms_to_file=to_file,
        forms_to_destroy=office.forms.destroyable_count(),
        provisional_years=provisional_years(today),
    )
