"""The demo's replay: its services on its own clock, the story of one case, and the
scheduler every step goes through (`ReplayBase`). The steps themselves are in
`app.demo.calls` (making up the calls), `app.demo.handling` (a case's handling),
`app.demo.visiting` (the visits), `app.demo.paperwork` and `app.demo.finale`; `app.demo`
puts them together.

Every step goes through the services' public methods on the replay's `FixedClock`, moved to
each step's moment: the same rules, timeline, audit entries (timed by that clock, see
`replaying`) and search entries as work typed in by hand.
"""

from __future__ import annotations

import abc
import contextlib
import datetime as dt
import heapq
import itertools
import math
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from app import domain
from app.case_batch import NewCase
from app.cases import CaseInput, CaseService
from app.clock import FixedClock
from app.demo.crew import Crew
from app.demo.estate import Estate, Occupant
from app.demo.scenarios import Scenario
from app.demo.wording import CHANNEL_WEIGHTS, PAD_DAYS
from app.forms import FormLedger
from app.models import Case, Dispatch, FormSheet, Staff, Visit, current_clock, set_clock
from app.nightlog import NightLogService
from app.office import Office
from app.policy import Policy, PolicyStore
from app.visits import VisitService


class _CachedPolicies(PolicyStore):
    """The policy read once: nothing changes it while the demo runs, and reading it for
    every step would cost more than the steps themselves."""

    def __init__(self, policy: Policy) -> None:
        self._policy = policy

    def load(self) -> Policy:
        return self._policy


def replay_services(
    office: Office, clock: FixedClock, seed: int, policy: Policy | None = None
) -> tuple[CaseService, NightLogService, VisitService, FormLedger]:
    """The services the replay works through, on its clock: the office's own kinds, the
    policy read once. The visit planner listens to this case service, so each handled case
    is sampled and its visit planned at the moment it was handled."""
    policies = _CachedPolicies(policy or office.policies.load())
    cases = CaseService(clock, policies)
    nightlog = NightLogService(clock, cases)
    visits = VisitService(clock, policies, cases, office.staff, seed=seed)
    return cases, nightlog, visits, FormLedger(clock, policies)


@contextlib.contextmanager
def replaying(clock: FixedClock) -> Iterator[None]:
    """Audit entries written meanwhile carry the replay's time, not the office's."""
    before = current_clock()
    set_clock(clock)
    try:
        yield
    finally:
        set_clock(before)


@dataclass
class Story:
    """One case's life as planned; the replay carries it out step by step."""

    scenario: Scenario
    received: dt.datetime
    channel: str
    occupant: Occupant | None
    anonymous: bool
    severity: str
    urgency: str
    validity: str | None
    texts: dict[str, str]
    night: bool = False
    repeat_of: Story | None = None
    # What the plan leaves out, for the cases still open at the end.
    stop_after: str = ""  # "", "create", "dispatch", "sign": the case stays there
    late: bool = False
    extend: bool = False
    case: Case | None = None
    slip: Dispatch | None = None
    assignee: Staff | None = None
    rework_done: bool = False
    major_draft_only: bool = False
    force_visit: bool = False
    resolve_at: dt.datetime | None = None
    void: bool = False
    plain: bool = False  # handled on time, never late nor extended (the placed cases)
    visit_mode: str = ""  # "", "leave", "form_out", "calls": how far its visit gets (the last days)
    letter: LetterGroup | None = None  # answered with the others by one open letter


@dataclass
class LetterGroup:
    """Owners who called about the same matter; one open letter answers them all."""

    stories: list[Story]
    visits: dict[int, int] = field(default_factory=dict)  # case id -> its planned visit


def month_day(when: dt.datetime) -> str:
    """09月28日 — not strftime, which fails on Windows for Chinese in the format string."""
    return f"{when.month:02d}月{when.day:02d}日"


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


class ReplayBase(abc.ABC):
    """The replay's state and its scheduler; the steps are the mixins' methods. The steps
    one part calls in another are declared here."""

    def __init__(
        self, office: Office, rng: random.Random, estate: Estate, crew: Crew, now: dt.datetime
    ) -> None:
        self.rng = rng
        self.estate = estate
        self.crew = crew
        self.now = now
        self.office_name = office.name
        self.clock = FixedClock(now)
        policy = office.policies.load()
        self.policy = policy
        self.cases, self.nightlog, self.visits, self.forms = replay_services(
            office, self.clock, seed=rng.randrange(2**31), policy=policy
        )
        self.blank_stock: list[FormSheet] = []  # blank forms printed and still in the drawer
        self.pad_count = itertools.count()  # owners' signatures; now and then a family member signs
        self.mood_count = itertools.count()
        self.phone_count = itertools.count()  # first phone visits, a few of them given up
        self.notable: list[tuple[dt.datetime, str, Story]] = []  # candidates for 典型案例
        self.story_of: dict[int, Story] = {}  # resolved cases' stories: a later draw may visit them
        self.desk = now  # the last moment the desk was staffed (set by plan_finale)
        self.pad_since = now - dt.timedelta(days=PAD_DAYS)
        self.queue: list[tuple[dt.datetime, int, Callable[[], None]]] = []
        self.counter = itertools.count()
        self.channels = [c for c in CHANNEL_WEIGHTS if c in policy.channels]
        # 作废 arrived with the audit work; the demo uses it where this version has it.
        self.can_void = hasattr(self.cases, "void") and hasattr(domain, "VOID")
        self.chronic = rng.sample(estate.occupants, k=max(3, len(estate.occupants) // 150))

    # Scheduling ------------------------------------------------------------------------------
    def at(self, when: dt.datetime, step: Callable[[], None]) -> None:
        if when <= self.now:
            heapq.heappush(self.queue, (when.replace(microsecond=0), next(self.counter), step))

    def run(self, start: dt.datetime | None = None, progress: Callable[[str], None] | None = None) -> None:
        """Every step in time order, the clock set to each (the caller holds the transaction);
        `progress` hears every tenth of the way from `start` to now, in words."""
        span = (self.now - start).total_seconds() if start is not None else 0.0
        told = 0
        with replaying(self.clock):
            while self.queue:
                when, _, step = heapq.heappop(self.queue)
                self.clock.at = when
                step()
                if progress is not None and start is not None and span > 0:
                    tenth = int(10 * (when - start).total_seconds() / span)
                    if tenth > told:
                        told = tenth
                        progress(f"  已演到 {when:%Y-%m-%d}({min(tenth, 10) * 10}%)")

    def working(self, when: dt.datetime) -> dt.datetime:
        """The same moment if the office is staffed then (08:00–20:00), else next morning."""
        if when.hour < 8:
            return when.replace(hour=8, minute=self.rng.randrange(0, 50))
        if when.hour >= 20:
            nxt = when + dt.timedelta(days=1)
            return nxt.replace(hour=8, minute=self.rng.randrange(0, 50))
        return when

    def minutes(self, lo: float, hi: float) -> dt.timedelta:
        return dt.timedelta(minutes=self.rng.uniform(lo, hi))

    def clerk(self) -> Staff:
        return self.rng.choice(self.crew.by_role["clerk"])

    def take_in(self, story: Story) -> Case:
        """The clerk records the call: the case service's checks, then its batch writer
        (`create_many`, as the ledger import), on the replay's clock."""
        checked = self.cases.check(self.case_input(story))
        [case_id] = self.cases.create_many([NewCase(checked)], self.clerk())
        return Case.get_by_id(case_id)

    # The steps one part of the replay calls in another -------------------------------------------
    @abc.abstractmethod
    def intake(self, story: Story) -> None:
        """The call taken in as a case (app.demo.handling)."""

    @abc.abstractmethod
    def night_call(self, story: Story) -> None:
        """The call logged by the night shift (app.demo.handling)."""

    @abc.abstractmethod
    def resolve(self, story: Story) -> None:
        """The case resolved (app.demo.handling)."""

    @abc.abstractmethod
    def after_resolve(self, story: Story) -> None:
        """What follows a resolved case: its visit, or closing (app.demo.visiting)."""

    @abc.abstractmethod
    def close(self, story: Story, note: str = "") -> None:
        """The case closed (app.demo.paperwork)."""

    @abc.abstractmethod
    def open_visit(self, case: Case) -> Visit | None:
        """The case's planned visit, if any (app.demo.visiting)."""

    @abc.abstractmethod
    def make_story(
        self, when: dt.datetime, index: int, kind: str | None = None, major: bool = False
    ) -> Story:
        """A call made up: who, about what, how it goes (app.demo.calls)."""

    @abc.abstractmethod
    def texts(self, scenario: Scenario, occupant: Occupant | None) -> dict[str, str]:
        """The words of a call about `scenario` (app.demo.calls)."""

    @abc.abstractmethod
    def case_input(self, story: Story) -> CaseInput:
        """What the clerk types in for the story (app.demo.calls)."""

    @abc.abstractmethod
    def extend(self, story: Story, new_due: dt.datetime) -> None:
        """The deadline extended (app.demo.handling)."""

    @abc.abstractmethod
    def plan_record_sheet(self, story: Story) -> None:
        """The complaint's record sheet printed when it is open a working day (app.demo.paperwork)."""

    @abc.abstractmethod
    def letter_ready(self, story: Story, visit: Visit | None) -> None:
        """A case the open letter answers is resolved (app.demo.paperwork)."""
