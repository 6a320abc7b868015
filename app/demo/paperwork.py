"""The replay of the desk's other paperwork: the open letter, blank forms, quarterly filing,
typical cases and closing."""

from __future__ import annotations

import datetime as dt
import functools

from app import domain
from app.demo.crew import DEMO_OFFICE_NAME
from app.demo.estate import SHOP_BUILDING
from app.demo.replay import LetterGroup, ReplayBase, Story
from app.demo.scenarios import GARAGE_FLOOD
from app.demo.wording import CLOSE_NOTES, LETTER_BODY, LETTER_TITLE, TYPICAL_NOTES
from app.errors import UserError
from app.models import Case, Visit
from app.periods import quarter_key, quarter_span


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

    def close(self, story: Story, note: str = "") -> None:
        case = story.case
        if case is None or case.state != domain.RESOLVED:
            return
        self.cases.close(case, self.clerk(), note or self.rng.choice(CLOSE_NOTES))
