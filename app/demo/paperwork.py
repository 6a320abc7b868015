"""The replay of the desk's other paperwork: the open letter, blank forms, quarterly filing,
typical cases and closing; and the office's calendar of duties (seed 001): the 《顾客投诉处理
记录表》 printed for each complaint open more than one working day, the month's summary to the
leaders by the 28th and the notice to owners by the 30th. The last month leaves a few of them
undone on purpose (a record sheet or two, last month's notice), so the dashboard shows true late
duties. The duties draw on their own random stream: the rest of the replay is the same office
with or without them."""

from __future__ import annotations

import datetime as dt
import functools
import random
from typing import Protocol

from app import domain
from app.dashboard import month_due, notice_key, record_monthly, summary_key
from app.demo.crew import DEMO_OFFICE_NAME
from app.demo.estate import SHOP_BUILDING
from app.demo.replay import LetterGroup, ReplayBase, Story
from app.demo.scenarios import GARAGE_FLOOD
from app.demo.wording import CLOSE_NOTES, LETTER_BODY, LETTER_TITLE, TYPICAL_NOTES
from app.errors import UserError
from app.models import Case, Staff, Visit
from app.periods import Period, month_back, quarter_key, quarter_span
from app.stats import Comparison, PeriodStats, Statistics, notice_examples
from app.workdays import WorkCalendar

# The last days the office leaves some duties undone (what the dashboard shows as late).
UNDONE_DAYS = 30
UNDONE_SHARE = 0.2  # record sheets not printed in those days


class Papers(Protocol):
    """The PDFs the month's duties print, made where PDFs are made (reports/monthly_papers.py,
    given by the command that fills the demo: app/ makes no PDF itself)."""

    def summary(self, office_name: str, data: Comparison, today: dt.date) -> bytes:
        """The month's analysis, as the statistics window prints it (月度汇总)."""
        ...

    def notice(
        self,
        office_name: str,
        stats: PeriodStats,
        examples: list[tuple[str, str, str]],
        names: list[str],
        today: dt.date,
    ) -> bytes:
        """《客户意见处理情况公告》, as 打印本月公告 makes it."""
        ...

    def notice_period(self, today: dt.date) -> Period:
        """The month a notice printed on `today` covers."""
        ...


class PaperworkSteps(ReplayBase):
    """The desk's paperwork: the open letter, forms, typical cases, closing."""

    # The open letter: one answer to many owners about the same matter ---------------------------
    def plan_letter(self) -> None:
        """After a summer storm several owners complain that the garage flooded; the office
        answers them all with one open letter, which closes their visits."""
        day = dt.date(self.now.year, 8, 18)
        if dt.datetime.combine(day, dt.time()) > self.now - dt.timedelta(days=20):
            day = dt.date(self.now.year - 1, 8, 18)
        residents = [o for o in self.estate.occupants if o.building != SHOP_BUILDING]
        owners = self.rng.sample(residents, k=4)
        group = LetterGroup([])
        for i, occ in enumerate(owners):
            when = dt.datetime.combine(day, dt.time(7, 40)) + self.minutes(0, 170)
            s = Story(
                GARAGE_FLOOD,
                when.replace(second=0),
                self.rng.choice(["电话", "来访", "网络"]),
                occ,
                False,
                "轻微",
                "紧急",
                "一类",
                self.texts(GARAGE_FLOOD, occ),
                plain=True,
                letter=group,
            )
            s.resolve_at = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(16, 30 + 5 * i))
            group.stories.append(s)
            self.at(s.received, functools.partial(self.intake, s))

    def letter_ready(self, story: Story, visit: Visit | None) -> None:
        group = story.letter
        assert group is not None and story.case is not None
        if visit is None:
            self.at(self.working(self.clock.now() + self.minutes(120, 600)), lambda: self.close(story))
            return
        group.visits[story.case.id] = visit.id
        if len(group.visits) == len(group.stories):
            when = (self.clock.now() + dt.timedelta(days=1)).replace(hour=10, minute=0)
            self.at(when, lambda: self.send_letter(group))

    def send_letter(self, group: LetterGroup) -> None:
        visits = [Visit.get_by_id(v) for v in group.visits.values()]
        visits = [v for v in visits if v.state == domain.VISIT_PLANNED]
        if not visits:
            return
        first = group.stories[0]
        day = first.received
        body = LETTER_BODY.format(
            day=f"{day.month}月{day.day}日", office=self.office_name or DEMO_OFFICE_NAME
        )
        self.visits.open_letter(LETTER_TITLE, body, visits, actor=self.crew.one("cs_director"))
        for s in group.stories:
            self.at(
                self.working(self.clock.now() + self.minutes(60, 300)),
                functools.partial(self.close, s, "已以公开信答复,关闭。"),
            )
        self.notable.append((self.clock.now(), "letter", first))

    # Forms, typical cases: the desk's other paperwork --------------------------------------------
    def plan_paperwork(self, start: dt.datetime) -> None:
        """Blank forms printed every few months; typical cases marked at each quarter's end."""
        when = start + dt.timedelta(days=20)
        while when < self.now - dt.timedelta(days=30):
            self.at(when.replace(hour=9, minute=20), self.print_blanks)
            when += dt.timedelta(days=self.rng.randint(90, 150))
        # The last four quarters' ends, and the current quarter a few days ago.
        marks: list[tuple[dt.datetime, dt.datetime]] = []
        q_start = dt.datetime(self.now.year, 3 * ((self.now.month - 1) // 3) + 1, 1)
        marks.append((q_start, self.working((self.now - dt.timedelta(days=3)).replace(hour=16, minute=10))))
        for _ in range(4):
            prev = (q_start - dt.timedelta(days=1)).replace(day=1)
            prev = prev.replace(month=3 * ((prev.month - 1) // 3) + 1)
            if prev < start:
                break
            marks.append((prev, q_start - dt.timedelta(days=1) + dt.timedelta(hours=15, minutes=40)))
            q_start = prev
        for since, when in marks:
            if since < when <= self.now:
                self.at(when, functools.partial(self.mark_typical, since))
        # 归档: the director files each finished quarter's forms early in the next quarter,
        # by the 10th as the rules ask (seed 000 4.7); one quarter a little late, as happens.
        quarter = dt.date(start.year, 3 * ((start.month - 1) // 3) + 1, 1)
        while True:
            _, opens = quarter_span(quarter_key(quarter))
            day = self.rng.randint(3, 9) if self.rng.random() > 0.15 else self.rng.randint(11, 14)
            when = dt.datetime(opens.year, opens.month, day, 10, self.rng.randrange(0, 50))
            if when > self.now:
                break
            self.at(when, functools.partial(self.file_quarter, quarter_key(quarter)))
            quarter = opens

    def file_quarter(self, quarter: str) -> None:
        try:
            self.forms.archive(quarter, self.crew.one("cs_director"), remarks=f"档案盒 {quarter}")
        except UserError:  # nothing came back that quarter
            pass

    def print_blanks(self) -> None:
        self.blank_stock.extend(self.forms.issue_blank(self.rng.choice([5, 10]), self.clerk()))

    def mark_typical(self, since: dt.datetime) -> None:
        """The director picks the quarter's typical cases for the report, with a note why."""
        # Up to two, of different kinds: a rework, a major complaint, the letter, a praised one.
        by_tag: dict[str, list[Story]] = {}
        for when, tag, s in self.notable:
            if when >= since and s.case is not None:
                by_tag.setdefault(tag, []).append(s)
        picks: list[tuple[str, Story, int]] = []
        for tag in ("rework", "major", "letter", "praise"):
            taken = {p[2] for p in picks}
            options = [s for s in by_tag.get(tag, []) if s.case is not None and s.case.id not in taken]
            if options and len(picks) < 2:
                s = self.rng.choice(options)
                assert s.case is not None
                picks.append((tag, s, s.case.id))
        for tag, s, case_id in picks:
            case = Case.get_by_id(case_id)
            if case.typical or case.state in (domain.MERGED, domain.VOID):
                continue
            note = self.rng.choice(TYPICAL_NOTES[tag])
            self.cases.mark_typical(case, True, note, self.crew.one("cs_director"))
            s.case = case

    # The calendar of duties -----------------------------------------------------------------
    @functools.cached_property
    def paper_rng(self) -> random.Random:
        """The duties' own random stream, so adding them leaves the rest of the replay as it was."""
        return random.Random(f"paperwork-{self.now:%Y%m%d%H%M}")

    @functools.cached_property
    def work_calendar(self) -> WorkCalendar:
        return WorkCalendar.from_database()

    def office_hours(self, when: dt.datetime) -> dt.datetime:
        """`when` on a working day in office hours (08:30–17:30), else the next such morning."""
        day, hour = when.date(), when.time()
        if hour >= dt.time(17, 30):
            day, hour = day + dt.timedelta(days=1), dt.time(8, 30)
        while not self.work_calendar.is_workday(day):
            day, hour = day + dt.timedelta(days=1), dt.time(8, 30)
        return dt.datetime.combine(day, max(hour, dt.time(8, 30)))

    def paper_clerk(self) -> Staff:
        return self.paper_rng.choice(self.crew.by_role["clerk"])

    def plan_record_sheet(self, story: Story) -> None:
        """A complaint still open one working day after it came in gets its 《顾客投诉处理记录表》
        printed that day (the dashboard lists it until then); in the last days a few are not."""
        case = story.case
        if case is None or case.kind != "投诉":
            return
        since = self.work_calendar.add_workdays(case.received_at, 1)
        when = self.office_hours(since + dt.timedelta(minutes=self.paper_rng.uniform(5, 150)))
        if when > self.now - dt.timedelta(days=UNDONE_DAYS) and self.paper_rng.random() < UNDONE_SHARE:
            return  # forgotten: the dashboard shows it
        self.at(when, functools.partial(self.print_record_sheet, case.id, since))

    def print_record_sheet(self, case_id: int, since: dt.datetime) -> None:
        case = Case.get_by_id(case_id)
        if case.state in (domain.MERGED, domain.VOID):
            return
        if case.resolved_at is not None and case.resolved_at <= since:
            return  # handled within a working day: no record sheet needed
        self.cases.record_sheet_printed(case, self.paper_clerk())

    def plan_monthly(self, start: dt.datetime, papers: Papers) -> None:
        """Each month's summary (by the 28th, the office manager prints the month's analysis)
        and notice to owners (by the 30th, the customer-service director prints and posts it),
        done a day or few before they are due; last month's notice is left undone on purpose."""
        self.papers = papers
        year, month = start.year, start.month
        last = month_back(self.now.year, self.now.month, 1)
        while (year, month) <= (self.now.year, self.now.month):
            for duty, day in (("summary", 28), ("notice", 30)):
                if duty == "notice" and (year, month) == last:
                    continue  # 公告 forgotten: the dashboard shows it late
                due = month_due(year, month, day)
                when = dt.datetime.combine(due - dt.timedelta(days=self.paper_rng.randint(1, 3)), dt.time(15))
                when += dt.timedelta(minutes=self.paper_rng.randrange(0, 120))
                while not self.work_calendar.is_workday(when.date()):
                    when -= dt.timedelta(days=1)
                if start < when <= self.now:
                    step = self.monthly_summary if duty == "summary" else self.monthly_notice
                    self.at(when, functools.partial(step, year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)

    def monthly_summary(self, year: int, month: int) -> None:
        """The month so far (截至 today) beside the same days of the month before, as the
        statistics window prints it; archived as the month's summary."""
        today = self.clock.now().date()
        stats = Statistics(self.policy, today)
        current = stats.compute(Period.month(year, month))
        data = Comparison(current=current, previous=stats.compute(current.period.previous()))
        pdf = self.papers.summary(self.office_name or DEMO_OFFICE_NAME, data, today)
        record_monthly(summary_key(year, month), pdf, self.clock.now(), self.crew.one("office_manager").name)

    def monthly_notice(self, year: int, month: int) -> None:
        """《客户意见处理情况公告》 of the month so far, as 打印本月公告 makes it."""
        today = self.clock.now().date()
        period = self.papers.notice_period(today)
        examples, names = notice_examples(period)
        stats = Statistics(self.policy, today).compute(period)
        pdf = self.papers.notice(self.office_name or DEMO_OFFICE_NAME, stats, examples, list(names), today)
        record_monthly(notice_key(year, month), pdf, self.clock.now(), self.crew.one("cs_director").name)

    def close(self, story: Story, note: str = "") -> None:
        case = story.case
        if case is None or case.state != domain.RESOLVED:
            return
        self.cases.close(case, self.clerk(), note or self.rng.choice(CLOSE_NOTES))
