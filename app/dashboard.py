"""工作台: what needs doing today, in numbers, each with the list behind it.

`dashboard(office, today)` gathers every figure the opening page shows; no Qt here. The case
counts come from the same `CaseFilter` the case list uses, so the number on a tile is the
number of rows the list shows when the tile is clicked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import peewee as pw

from app import domain, rates
from app.case_query import CaseFilter
from app.containment_due import ContainDue, containments_overdue
from app.i18n import N_, tr
from app.late_replies import LateReplies, late_replies_of_month
from app.models import (
    Case,
    CaseEvent,
    MajorReport,
    NightLogEntry,
    ReportArchive,
    ReworkNotice,
    Visit,
    VisitTask,
    tuple_rows,
)
from app.office import Office
from app.periods import Period, month_back, period_key
from app.permissions import require
from app.referrals import ReferralLine
from app.rework import ReworkFollowups
from app.role_rates import RoleRate
from app.visit_rates import EXEMPT_COLUMNS
from app.visits.special import VisitRuleWatch
from app.workdays import WorkCalendar

TREND_MONTHS = 6


# A month's short label on the dashboard's trend (Jan … Dec in English).
MONTH_LABELS = (
    N_("1月"),
    N_("2月"),
    N_("3月"),
    N_("4月"),
    N_("5月"),
    N_("6月"),
    N_("7月"),
    N_("8月"),
    N_("9月"),
    N_("10月"),
    N_("11月"),
    N_("12月"),
)


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
    """This month's 回访率 of one kind against the policy's target (from `app.visit_rates`)."""

    kind: str
    handled: int  # 处理宗数
    visited: int  # 回访宗数
    rate: float  # visited / due
    target: float
    due: int = 0  # 应回访宗数
    late_cases: tuple[str, ...] = ()  # 应访未访, named
    # Not in the base, by reason (a key of app.visit_rates.EXEMPT_COLUMNS) with its count, zeros left out.
    exempt: tuple[tuple[str, int], ...] = ()

    @property
    def met(self) -> bool | None:
        """达标 (`app.rates.target_met`); None when nothing was due yet or there is no target."""
        return rates.target_met(self.visited, self.due, self.target)


@dataclass(frozen=True)
class MonthSatisfaction:
    """Visits done in one month, counted by satisfaction level."""

    year: int
    month: int
    levels: tuple[tuple[str, int], ...] = ()  # (level, visits), levels of domain.SATISFACTION

    @property
    def label(self) -> str:
        return tr(MONTH_LABELS[self.month - 1])

    @property
    def rated(self) -> int:
        return rates.rated(dict(self.levels))

    @property
    def satisfied(self) -> int:
        """满意 or 很满意."""
        return rates.satisfied(dict(self.levels))

    @property
    def share(self) -> float | None:
        """满意率; None for a month without rated visits (the chart leaves a gap, not a zero)."""
        return rates.satisfaction_rate(dict(self.levels))


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


# The office's calendar of duties (seed 001, seed 002 值班制度) -----------------------------

SUMMARY_DAY = 28  # 每月28日前: the month's complaints and suggestions summed up, to the leaders
NOTICE_DAY = 30  # 每月30日前: the common issues and their handling published to all owners
DUTY_WARN_DAY = 20  # the month's two duties are flagged from this day until done
RECORD_PRINTED = domain.EV_RECORD_PRINTED  # the 《顾客投诉处理记录表》 was printed
NIGHT_LOG_BY = dt.time(10, 0)  # night-log entries are in cases by 10:00 of the next working day


def month_due(year: int, month: int, day: int) -> dt.date:
    """The month's `day`, or its last day when shorter (February's "30th" is the 28th/29th)."""
    last = Period.month(year, month).end
    return last.replace(day=min(day, last.day))


def notice_key(year: int, month: int) -> str:
    """ReportArchive.period of the month's notice to owners (公告)."""
    return f"公告-{year:04d}-{month:02d}"


def summary_key(year: int, month: int) -> str:
    """ReportArchive.period of the month's summary: the month's analysis as archived."""
    return period_key(Period.month(year, month))


def record_monthly(key: str, pdf: bytes, at: dt.datetime, by: str) -> None:
    """The month's summary or notice as it was printed or exported (what marks the duty done)."""
    require(None, "report.view")
    row, _ = ReportArchive.get_or_create(period=key)
    row.pdf = pdf
    row.archived_at = at
    row.archived_by = by
    row.save()


@dataclass(frozen=True)
class MonthlyDuty:
    """A monthly duty not done yet: the summary (by the 28th) or the notice (by the 30th)."""

    duty: str  # "summary" or "notice"
    year: int
    month: int
    due: dt.date
    late: bool

    @property
    def label(self) -> str:
        return tr("{year}年{month}月", year=self.year, month=self.month)


def monthly_duties(today: dt.date) -> list[MonthlyDuty]:
    """The month's summary and notice not done: from the 20th of the month, and last month's
    when never done (then late); a month without any case is skipped. Done = archived
    (ReportArchive with `archived_at`): the summary when the month's analysis is printed or
    exported from the statistics window, the notice when it is printed (`record_monthly`)."""
    months = [month_back(today.year, today.month, 1)]
    if today.day >= DUTY_WARN_DAY:
        months.append((today.year, today.month))
    out = []
    for year, month in months:
        whole = Period.month(year, month)
        if (
            not Case.select()
            .where(Case.received_at >= whole.start_at, Case.received_at < whole.end_at)
            .exists()
        ):
            continue  # nothing came in that month (a new office): nothing to sum up
        for duty, key, day in (
            ("summary", summary_key(year, month), SUMMARY_DAY),
            ("notice", notice_key(year, month), NOTICE_DAY),
        ):
            done = ReportArchive.get_or_none(
                (ReportArchive.period == key) & ReportArchive.archived_at.is_null(False)
            )
            due = month_due(year, month, day)
            if done is None:
                out.append(MonthlyDuty(duty, year, month, due, today > due))
    return out


@dataclass(frozen=True)
class RecordDue:
    """A complaint open more than one working day whose 《顾客投诉处理记录表》 is not printed."""

    case_id: int
    case_number: str
    since: dt.datetime  # one working day after receipt


def complaint_records_due(now: dt.datetime, calendar: WorkCalendar | None = None) -> list[RecordDue]:
    """Complaints open (or handled) more than one working day without the record printed
    (seed 001: 处理时间超过一个工作日的投诉 are recorded on the form). The ones still open,
    and those handled this month; merged and voided cases are not counted."""
    calendar = calendar or WorkCalendar.from_database()
    month_start = dt.datetime(now.year, now.month, 1)
    # Read from the index of resolved_at (the open ones and this month's: a few hundred
    # whatever the years), each case's timeline looked up by its own index; "|| ''" keeps
    # SQLite off the index of kind, which would walk every complaint ever made.
    printed = CaseEvent.select(CaseEvent.id).where(
        CaseEvent.case == Case.id, CaseEvent.kind == RECORD_PRINTED
    )
    rows = tuple_rows(
        Case.select(Case.id, Case.number, Case.received_at, Case.resolved_at)
        .where(
            Case.resolved_at.is_null() | (Case.resolved_at >= month_start),
            Case.kind.concat("") == "投诉",
            Case.state.not_in([domain.MERGED, domain.VOID]),
            ~pw.fn.EXISTS(printed),
        )
        .order_by(Case.received_at, Case.id)
    )
    out = []
    for case_id, number, received, resolved in rows:
        since = calendar.add_workdays(_as_datetime(received), 1)
        end = _as_datetime(resolved) if resolved else now
        if end > since:
            out.append(RecordDue(case_id, number, since))
    return out


@dataclass(frozen=True)
class LateNightLog:
    """A night-log entry not in a case by 10:00 of the next working day."""

    entry_id: int
    logged_at: dt.datetime
    due: dt.datetime


def night_log_due(logged_at: dt.datetime, calendar: WorkCalendar) -> dt.datetime:
    """10:00 of the working morning after the night: a call before 08:00 belongs to the night
    before, so its morning is that same day when it is a working day."""
    day = logged_at.date()
    if not (logged_at.time() < dt.time(8, 0) and calendar.is_workday(day)):
        day += dt.timedelta(days=1)
        while not calendar.is_workday(day):
            day += dt.timedelta(days=1)
    return dt.datetime.combine(day, NIGHT_LOG_BY)


def night_logs_late(now: dt.datetime, calendar: WorkCalendar | None = None) -> list[LateNightLog]:
    calendar = calendar or WorkCalendar.from_database()
    out = []
    for entry_id, logged in tuple_rows(
        NightLogEntry.select(NightLogEntry.id, NightLogEntry.logged_at)
        .where(NightLogEntry.case.is_null())
        .order_by(NightLogEntry.logged_at)
    ):
        at = _as_datetime(logged)
        due = night_log_due(at, calendar)
        if due < now:
            out.append(LateNightLog(entry_id, at, due))
    return out


@dataclass(frozen=True)
class LateAnswer:
    """A question asked at a visit, the answer promised by a day that has passed."""

    task_id: int
    case_number: str
    question: str
    promised: dt.date


def visit_answers_late(today: dt.date) -> list[LateAnswer]:
    """Open visit questions (VisitTask) whose promised day is before today."""
    out = []
    for task in (
        VisitTask.select(VisitTask, Visit, Case)
        .join(Visit)
        .join(Case, pw.JOIN.LEFT_OUTER)
        .where(VisitTask.answered_at.is_null(), VisitTask.promised < today)
        .order_by(VisitTask.promised, VisitTask.id)
    ):
        case = task.visit.case
        out.append(LateAnswer(task.id, case.number if case is not None else "", task.question, task.promised))
    return out


def _as_datetime(value: object) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


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
    # The office's calendar of duties (issue 14).
    monthly_duties: list[MonthlyDuty] = field(default_factory=list)
    records_due: list[RecordDue] = field(default_factory=list)
    night_logs_late: list[LateNightLog] = field(default_factory=list)
    answers_late: list[LateAnswer] = field(default_factory=list)
    # This month's late first replies and late 明确答复, with their numbers (app/late_replies.py).
    late_replies: LateReplies = field(default_factory=LateReplies)
    # 开发商未回复: 工作联系函 not answered by the developer, 逾期 first (app/referrals.py, H22).
    referrals_open: list[ReferralLine] = field(default_factory=list)
    containments_overdue: list[ContainDue] = field(default_factory=list)  # 先行处置超时 (H21)
    # H25: owners not told when the rework will be done; 返工后仍不合格 (app/rework.py).
    rework_followups: ReworkFollowups = field(default_factory=ReworkFollowups)
    # Each role's visit rate this month against its target (H24, app/role_rates.py).
    role_rates: list[RoleRate] = field(default_factory=list)
    # H23: leaks waiting for their leak test, services without contract dates, late move-in
    # visits, stewards whose quarterly round is not done (app/visits/special.py).
    visit_rules: VisitRuleWatch | None = None

    @property
    def forms_archive_late(self) -> list[FormsToFile]:
        return [q for q in self.forms_to_file if q.late]

    @property
    def major_reports_pending(self) -> int:
        return len(self.major_reports)

    @property
    def major_reports_overdue(self) -> int:
        return sum(1 for r in self.major_reports if r.overdue)


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
    first_year, first_month = month_back(today.year, today.month, months - 1)
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
    levels: dict[str, dict[str, int]] = {}
    for key, level, n in rows:
        levels.setdefault(key, {})[level] = int(n)
    out = []
    for back in range(months - 1, -1, -1):
        y, m = month_back(today.year, today.month, back)
        month = levels.get(f"{y:04d}-{m:02d}", {})
        out.append(MonthSatisfaction(y, m, tuple(month.items())))
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
    calendar = WorkCalendar.from_database()
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
        monthly_duties=monthly_duties(today),
        records_due=complaint_records_due(now, calendar),
        night_logs_late=night_logs_late(now, calendar),
        answers_late=visit_answers_late(today),
        late_replies=late_replies_of_month(stats.late_first_reply_cases, stats.late_clear_answers),
        referrals_open=office.referrals.open_lines(today),
        containments_overdue=containments_overdue(now),
        rework_followups=office.visits.rework.followups(now),
        role_rates=stats.role_visits.roles if stats.role_visits is not None else [],
        visit_rules=office.visits.dates.watch(),
    )
