"""The numbers of a period: 《回访统计表》 (from `app.visit_rates`), satisfaction, complaint
analysis, handling, corrective-action flags.

One module computes every figure (SQL plus plain Python, no Qt); the windows, the PDF,
the Excel export and the JSON only present them. The rates are defined in `app.rates`, the
periods in `app.periods`. Definitions are in `DEFINITIONS`, printed as the report's footnotes.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any, cast

import peewee as pw

from app import domain
from app.i18n import N_, term, tr
from app.models import Case, Extension, Room, Staff, Visit, dict_rows, tuple_rows
from app.periods import Period
from app.policy import Policy
from app.rates import UNSATISFIED
from app.referrals import ReferralCounts, referral_counts
from app.role_rates import RoleVisits, role_visits
from app.visit_rates import KindVisits, visit_rates

NOT_JUDGED = N_("未判定")  # complaints whose validity is not judged yet: a key of complaints_by_validity
UNASSIGNED = N_("未指定")  # the visitor line of visits nobody holds: a key of the visitors' lines

DEFINITIONS = [
    N_("处理宗数:该性质的案件在本期内办结(办结时间在期内)的件数;已合并、已作废的案件不计。"),
    N_("回访宗数:处理宗数中,至少有一次已完成回访的件数(回访日期不限)。"),
    N_(
        "应回访宗数:处理宗数中到报表日应已回访的件数,即减去以下不需或尚不能回访的:匿名投诉、只要求书面答复"
        "(复函附于案件)、多次联系不上或业主拒访(回访以“未联系上/拒访”结束)、回访期限在报表日当天或之后(未到期),"
        "以及由计划人员写明原因取消回访的(取消回访);已回访的一律计入。各栏相加等于处理宗数。"
    ),
    N_(
        "回访率:回访宗数 ÷ 应回访宗数,与该性质的回访率目标比较;应回访宗数为 0 时不评达标与否。"
        "应访未访:已定回访而期限已过仍未回访的案件,逐件列出案件号。"
    ),
    N_("未结束的期间:报表在期末之前生成时,只统计到报表日(截至某日),并与上一期同样天数的前段比较。"),
    N_("满意度:本期内完成的回访,每次回访计一次。"),
    N_("受理件数:本期内受理的案件,按性质统计;已合并的重复案件不计。"),
    N_("办结率:本期受理的案件中,在本期最后一天结束前办结的比例。"),
    N_("逾期:本期受理的案件中,办结期限(按程度)早于办结时间的,或仍未办结而期限已在本期内届满的。"),
    N_(
        "重复投诉:同一房号同一类别的投诉,在重复判断天数(制度设定,默认 90 天)内两次及以上;跨期也算,"
        "列在第二次(及以后)所在的一期,连同窗口内的前几次。重复维修:同一维修项目(同一房号、同一类别、同一细类)"
        "的报修在窗口内三次及以上;细类未填的报修只与同房号同类别、同样未填细类的报修算作同一项目(标“细类未填”);"
        "匿名、已合并、已作废的案件不计。"
    ),
    N_("首次响应时间:受理到首次回复业主的小时数;办结时间:受理到办结的小时数;取中位数与第 90 百分位。"),
]


@dataclass
class Group:
    room: str
    category: str
    count: int
    cases: list[str]
    # 细类 of a repeat repair's item ("" = 细类未填); None for complaints (grouped by category).
    subcategory: str | None = None

    @property
    def item(self) -> str:
        """The matter in the office's words: 漏水/渗漏·卫生间渗漏, 给排水·(细类未填), 收费."""
        if self.subcategory is None:
            return self.category
        return f"{self.category}·{self.subcategory or '(细类未填)'}"

    @property
    def shown_item(self) -> str:
        """`item` in the chosen language: a stored category through term(), 细类未填 translated."""
        if self.subcategory is None:
            return term(self.category)
        return tr(
            "{category}·{subcategory}",
            category=term(self.category),
            subcategory=self.subcategory or tr("(细类未填)"),
        )


@dataclass
class Timing:
    median_hours: float | None
    p90_hours: float | None
    count: int


@dataclass
class VisitorLine:
    name: str
    role: str
    planned: int
    done: int
    overdue: int
    unsatisfied: int


@dataclass
class PeriodStats:
    period: Period
    visit_stats: dict[str, KindVisits]
    satisfaction: dict[str, int]
    cases_received: dict[str, int]
    resolution_rate: float
    overdue: int
    overdue_cases: list[str]
    repeat_complaints: list[Group]
    repeat_repairs: list[Group]
    unsatisfied: list[dict[str, Any]]
    complaints_by_category: list[tuple[str, int]]
    complaints_by_validity: dict[str, int]
    complaints_by_severity: dict[str, int]
    complaints_by_building: list[tuple[str, int]]
    complaints_by_party: list[tuple[str, int]]
    response_time: Timing
    resolution_time: Timing
    extensions: int
    visitors: list[VisitorLine]
    households: int
    complaint_rate: float  # complaints received / households
    typical_cases: list[dict[str, str]] = field(default_factory=list)
    # First replies later than the policy's limit (or none by it), per kind, of the cases
    # received in the period; and the major complaints whose 明确答复 was late.
    late_first_replies: dict[str, int] = field(default_factory=dict)
    late_first_reply_cases: list[str] = field(default_factory=list)
    late_clear_answers: list[str] = field(default_factory=list)
    # The first replies owed by the period's end (not anonymous, replied or past the deadline):
    # the base of 首次回复超时率 (H26).
    first_replies_owed: int = 0
    # Each role's visit rate against its target and each person's visits (H24, app/role_rates.py).
    role_visits: RoleVisits | None = None
    # 二类 cases forwarded to the developer in writing (H22, app/referrals.py).
    referrals: ReferralCounts | None = None

    @property
    def late_first_reply_rate(self) -> float | None:
        """首次回复超时率: late / owed; None when none was owed."""
        late = sum(self.late_first_replies.values())
        return late / self.first_replies_owed if self.first_replies_owed else None

    def to_json(self) -> dict[str, Any]:
        p = self.period
        return {
            "period": _period_json(p),
            "visit_stats": {k: v.to_json() for k, v in self.visit_stats.items()},
            "satisfaction": self.satisfaction,
            "cases_received": self.cases_received,
            "resolution_rate": round(self.resolution_rate, 4),
            "overdue": self.overdue,
            "repeat_complaints": [asdict(g) for g in self.repeat_complaints],
            "repeat_repairs": [asdict(g) for g in self.repeat_repairs],
            "unsatisfied": self.unsatisfied,
            "complaints_by_category": dict(self.complaints_by_category),
            "complaints_by_validity": self.complaints_by_validity,
            "complaints_by_severity": self.complaints_by_severity,
            "complaints_by_building": dict(self.complaints_by_building),
            "complaints_by_party": dict(self.complaints_by_party),
            "response_time_hours": asdict(self.response_time),
            "resolution_time_hours": asdict(self.resolution_time),
            "extensions": self.extensions,
            "visitors": [asdict(v) for v in self.visitors],
            "households": self.households,
            "complaint_rate": round(self.complaint_rate, 6),
            "typical_cases": self.typical_cases,
            "late_first_replies": self.late_first_replies,
            "late_first_reply_cases": self.late_first_reply_cases,
            "late_clear_answers": self.late_clear_answers,
            "first_replies_owed": self.first_replies_owed,
            "role_visits": self.role_visits.to_json() if self.role_visits is not None else None,
            "referrals": self.referrals.to_json() if self.referrals is not None else None,
        }


def _period_json(p: Period) -> dict[str, Any]:
    out: dict[str, Any] = {"label": p.label, "from": p.start.isoformat(), "to": p.end.isoformat()}
    if p.quarter_no is not None:
        out["year"] = p.start.year
        out["quarter"] = p.quarter_no
    if p.through is not None:
        out["through"] = p.through.isoformat()  # 截至: the days counted end here
        out["days"] = p.days
    return out


def percentile(values: list[float], q: float) -> float | None:
    """The q-th percentile (0..1) with linear interpolation; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    pos = (len(ordered) - 1) * q
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def _timing(hours: list[float]) -> Timing:
    if not hours:
        return Timing(None, None, 0)
    return Timing(round(statistics.median(hours), 1), round(percentile(hours, 0.9) or 0.0, 1), len(hours))


def _hours(a: dt.datetime, b: dt.datetime) -> float:
    return (b - a).total_seconds() / 3600


def _as_dt(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


class Statistics:
    """Computes `PeriodStats`; the policy gives the visit-rate targets."""

    def __init__(self, policy: Policy, today: dt.date) -> None:
        self.policy = policy
        self.today = today

    def compute(self, period: Period) -> PeriodStats:
        """The figures of `period`; one not over on `today` is counted up to today (截至)."""
        period = period.running(self.today)
        live = Case.state != domain.MERGED
        received = Case.select().where(
            live, Case.received_at >= period.start_at, Case.received_at < period.end_at
        )

        # 《回访统计表》 -------------------------------------------------------------
        visit_stats = visit_rates(self.policy, period, self.today)

        # Satisfaction of visits done in the period ---------------------------------
        satisfaction = dict.fromkeys(domain.SATISFACTION, 0)
        done_in_period = Visit.select().where(
            Visit.state == domain.VISIT_DONE, Visit.done_at >= period.start_at, Visit.done_at < period.end_at
        )
        for row in dict_rows(
            done_in_period.select(Visit.satisfaction, pw.fn.COUNT(Visit.id).alias("n")).group_by(
                Visit.satisfaction
            )
        ):
            if row["satisfaction"] in satisfaction:
                satisfaction[row["satisfaction"]] = int(row["n"])
        unsatisfied = [
            {
                "case": v.case.number if v.case is not None else None,
                "room": v.room.label if v.room is not None else "",
                "satisfaction": v.satisfaction,
                "opinion": v.opinion,
                "visitor": v.visitor_name,
                # done_at >= start in the query, so never NULL here
                "date": cast(dt.datetime, v.done_at).date().isoformat(),
                "attempt": v.attempt,
            }
            for v in done_in_period.where(Visit.satisfaction.in_(UNSATISFIED)).order_by(Visit.done_at)
        ]

        # Cases received, handling ---------------------------------------------------
        cases_received = dict.fromkeys(domain.KINDS, 0)
        for row in dict_rows(received.select(Case.kind, pw.fn.COUNT(Case.id).alias("n")).group_by(Case.kind)):
            cases_received[row["kind"]] = int(row["n"])
        total_received = sum(cases_received.values())
        resolved_by_end = received.where(
            Case.resolved_at.is_null(False), Case.resolved_at < period.end_at
        ).count()
        resolution_rate = resolved_by_end / total_received if total_received else 0.0

        overdue_q = received.where(
            (Case.resolved_at.is_null(False) & (Case.resolve_due < Case.resolved_at))
            | (Case.resolved_at.is_null() & (Case.resolve_due < period.end_at))
        )
        overdue_cases = [c.number for c in overdue_q.select(Case.number).order_by(Case.received_at)]

        response_hours: list[float] = []
        resolution_hours: list[float] = []
        for times in tuple_rows(received.select(Case.received_at, Case.first_response_at, Case.resolved_at)):
            rec = _as_dt(times[0])
            if times[1] is not None:
                response_hours.append(_hours(rec, _as_dt(times[1])))
            if times[2] is not None:
                resolution_hours.append(_hours(rec, _as_dt(times[2])))
        extensions = (
            Extension.select()
            .join(Case)
            .where(live, Case.received_at >= period.start_at, Case.received_at < period.end_at)
            .count()
        )

        # Complaints analysis ---------------------------------------------------------
        complaints = received.where(Case.kind == "投诉")
        by_category: Counter[str] = Counter(
            dict(tuple_rows(complaints.select(Case.category, pw.fn.COUNT(Case.id)).group_by(Case.category)))
        )
        by_validity = {
            domain.VALIDITY_LABELS.get(v or "", NOT_JUDGED): int(n)
            for v, n in tuple_rows(
                complaints.select(Case.validity, pw.fn.COUNT(Case.id)).group_by(Case.validity)
            )
        }
        by_severity = dict.fromkeys(domain.SEVERITIES, 0)
        for sev, n in tuple_rows(
            complaints.select(Case.severity, pw.fn.COUNT(Case.id)).group_by(Case.severity)
        ):
            by_severity[sev] = int(n)
        by_building: Counter[str] = Counter(
            dict(
                tuple_rows(
                    complaints.select(Room.building, pw.fn.COUNT(Case.id)).join(Room).group_by(Room.building)
                )
            )
        )
        by_party: Counter[str] = Counter(
            dict(
                tuple_rows(
                    complaints.select(Case.party, pw.fn.COUNT(Case.id))
                    .where(Case.party != "")
                    .group_by(Case.party)
                )
            )
        )

        # Corrective-action flags -------------------------------------------------------
        repeat_complaints = self._repeats(period, "投诉", 2)
        repeat_repairs = self._repeats(period, "报修", 3, by_item=True)

        households = Room.select().count()
        complaint_rate = cases_received["投诉"] / households if households else 0.0
        late_replies, late_reply_cases, late_answers, replies_owed = late_replies_of(
            received, min(period.end_at, dt.datetime.combine(self.today, dt.time()))
        )
        return PeriodStats(
            late_first_replies=late_replies,
            late_first_reply_cases=late_reply_cases,
            late_clear_answers=late_answers,
            first_replies_owed=replies_owed,
            role_visits=role_visits(self.policy, period, self.today, visit_stats),
            referrals=referral_counts(period, self.today),
            period=period,
            visit_stats=visit_stats,
            satisfaction=satisfaction,
            cases_received=cases_received,
            resolution_rate=resolution_rate,
            overdue=len(overdue_cases),
            overdue_cases=overdue_cases,
            repeat_complaints=repeat_complaints,
            repeat_repairs=repeat_repairs,
            unsatisfied=unsatisfied,
            complaints_by_category=by_category.most_common(),
            complaints_by_validity=by_validity,
            complaints_by_severity=by_severity,
            complaints_by_building=sorted(by_building.most_common(), key=lambda x: (-x[1], x[0])),
            complaints_by_party=by_party.most_common(),
            response_time=_timing(response_hours),
            resolution_time=_timing(resolution_hours),
            extensions=extensions,
            visitors=self._visitors(period, self.today),
            households=households,
            complaint_rate=complaint_rate,
            typical_cases=[
                {
                    "case": c.number,
                    "kind": c.kind,
                    "category": c.category,
                    "account": c.account[:200],
                    "result": c.result[:200],
                    "note": c.typical_note,
                }
                for c in received.where(Case.typical == True).order_by(Case.received_at)  # noqa: E712
            ],
        )

    def _repeats(self, period: Period, kind: str, minimum: int, by_item: bool = False) -> list[Group]:
        """Repeats of `kind` that fall in `period`, see `repeat_groups`."""
        return repeat_groups(period, kind, minimum, self.policy.repeat_window, by_item)

    @staticmethod
    def _visitors(period: Period, today: dt.date) -> list[VisitorLine]:
        """Visits per person in the period: planned (due inside), done, overdue, unsatisfied."""
        lines: dict[str, VisitorLine] = {}
        roles = {s.name: s.role for s in Staff.select(Staff.name, Staff.role)}
        end_day = period.last_day
        query = Visit.select(
            Visit.visitor_name, Visit.state, Visit.due, Visit.done_at, Visit.satisfaction
        ).where(
            (Visit.due >= period.start) & (Visit.due <= end_day)
            | ((Visit.done_at >= period.start_at) & (Visit.done_at < period.end_at))
        )
        for name, state, due, done_at, sat in tuple_rows(query):
            name = name or UNASSIGNED
            line = lines.setdefault(
                name, VisitorLine(name, domain.ROLES.get(roles.get(name, ""), ""), 0, 0, 0, 0)
            )
            due_d = due if isinstance(due, dt.date) else dt.date.fromisoformat(str(due))
            if period.start <= due_d <= end_day:
                line.planned += 1
            done = _as_dt(done_at) if done_at else None
            if state == domain.VISIT_DONE and done and period.start_at <= done < period.end_at:
                line.done += 1
                if sat in UNSATISFIED:
                    line.unsatisfied += 1
            if state == domain.VISIT_PLANNED and due_d <= end_day and due_d < today:
                line.overdue += 1
        return sorted(lines.values(), key=lambda v: (-v.done, v.name))


def late_replies_of(
    received: pw.ModelSelect[Case], as_of: dt.datetime
) -> tuple[dict[str, int], list[str], list[str], int]:
    """Of the cases `received`: late first replies per kind (with their numbers), and major
    complaints whose clear answer (明确答复) was late. A reply not given counts late once its
    deadline is before `as_of` (the period's end; for a running period the start of today,
    so a deadline later today is not counted before it has passed); and how many first
    replies were owed by then (the base of the rate)."""
    from app.cases import clear_answer_late, first_reply_late
    from app.models import MajorReport

    counts = dict.fromkeys(domain.KINDS, 0)
    late_cases: list[str] = []
    owed = 0
    columns = [Case.id, Case.number, Case.kind, Case.state, Case.anonymous]
    columns += [Case.response_due, Case.first_response_at]
    for case in received.select(*columns).where(Case.state != domain.VOID).order_by(Case.received_at):
        if not case.anonymous and (case.first_response_at is not None or case.response_due < as_of):
            owed += 1
        if first_reply_late(case, as_of):
            counts[case.kind] = counts.get(case.kind, 0) + 1
            late_cases.append(case.number)
    answers: list[str] = []
    majors = (
        received.select(Case, MajorReport)
        .join(MajorReport, attr="report")
        .where(Case.answer_due.is_null(False))
    )
    for case in majors.order_by(Case.received_at):
        if clear_answer_late(case, getattr(case, "report", None), as_of):
            answers.append(case.number)
    return counts, late_cases, answers, owed


@dataclass
class Comparison:
    """A period beside the one before it, with the manager's written measures (改进措施)."""

    current: PeriodStats
    previous: PeriodStats
    measures: str = ""
    archived_at: dt.datetime | None = None


def repeat_groups(
    period: Period, kind: str, minimum: int, window: dt.timedelta, by_item: bool = False
) -> list[Group]:
    """The same matter raised again: cases of `kind` for one room and category (and, `by_item`,
    sub-category: a repeat repair is the same item, 同一种维修), `minimum` or more of them
    within `window` (counted back from each case's receipt), across period ends.

    A group is listed in the period where its `minimum`-th case (or a later one) was received,
    with every case of the window before it: 09-28 and 10-03 are a pair shown in Q4, not in Q3.
    A case is the `n`-th when n - 1 cases of its room and category were received in the
    `window` before it. By item, an empty sub-category matches only an empty one (the group
    says 细类未填): three leaks in three places are not one repair done three times.
    Anonymous, merged and voided cases, and cases without a room, are not counted."""
    query = (
        Case.select(Case.room, Case.category, Case.subcategory, Case.number, Case.received_at)
        .where(
            Case.kind == kind,
            Case.anonymous == False,  # noqa: E712
            Case.room.is_null(False),
            Case.state.not_in([domain.MERGED, domain.VOID]),
            Case.received_at >= period.start_at - window,
            Case.received_at < period.end_at,
        )
        .order_by(Case.received_at, Case.id)
    )
    Key = tuple[int, str, str | None]
    history: dict[Key, list[tuple[dt.datetime, str]]] = defaultdict(list)
    wanted: dict[Key, list[str]] = {}
    for room_id, category, subcategory, number, received in tuple_rows(query):
        at = _as_dt(received)
        key: Key = (room_id, category, subcategory if by_item else None)
        before = [(t, n) for t, n in history[key] if at - t <= window]
        history[key].append((at, number))
        if at >= period.start_at and len(before) + 1 >= minimum:
            numbers = wanted.setdefault(key, [])
            numbers += [n for _, n in before if n not in numbers]
            numbers.append(number)
    labels = (
        {r.id: r.label for r in Room.select().where(Room.id.in_([k[0] for k in wanted]))} if wanted else {}
    )
    out = [
        Group(labels[room], category, len(numbers), numbers, sub)
        for (room, category, sub), numbers in wanted.items()
    ]
    return sorted(out, key=lambda g: (-g.count, g.room, g.category, g.subcategory or ""))


def notice_examples(
    period: Period, per_category: int = 1, top: int = 8
) -> tuple[list[tuple[str, str, str]], list[str]]:
    """For the monthly notice to owners (公告): for the most common categories of the period,
    a handled case's account and result; and the customers' names, to keep them out of it."""
    live = Case.state != domain.MERGED
    received = Case.select().where(
        live, Case.received_at >= period.start_at, Case.received_at < period.end_at
    )
    counts: Counter[str] = Counter(
        dict(tuple_rows(received.select(Case.category, pw.fn.COUNT(Case.id)).group_by(Case.category)))
    )
    examples: list[tuple[str, str, str]] = []
    for category, _ in counts.most_common(top):
        rows = (
            received.where(Case.category == category, Case.result != "", Case.resolved_at.is_null(False))
            .order_by(Case.resolved_at.desc())
            .limit(per_category)
        )
        examples += [(category, c.account, c.result) for c in rows]
    names = sorted(
        {n for (n,) in tuple_rows(received.select(Case.customer_name).where(Case.customer_name != ""))}
    )
    return examples, names
