"""What every part of the case service shares (`CaseCore`): the policy and the working
calendar it reads, finding a case, a line on its timeline, the status check and step of
app/case_states.py's table, and saving a case with its search entry; the counters that hand
out numbers, and `rebuild_search_index`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import peewee as pw

from app import case_states, search
from app.clock import Clock
from app.errors import UserError
from app.i18n import tr
from app.models import Case, CaseEvent, Room, Sequence, Staff, db, tuple_rows
from app.policy import Deadlines, Policy, PolicyStore
from app.workdays import WorkCalendar


def next_number(name: str) -> int:
    """Hand out the next number of a counter; call inside a transaction."""
    Sequence.insert(name=name, value=1).on_conflict(
        conflict_target=[Sequence.name], update={Sequence.value: Sequence.value + 1}
    ).execute()
    return int(Sequence.get_by_id(name).value)


def actor_name(actor: Staff | None) -> str:
    return actor.name if actor else "系统"


def when_text(value: dt.datetime | None) -> str:
    """A time as the timeline writes it, '无' when there is none."""
    return f"{value:%Y-%m-%d %H:%M}" if value is not None else "无"


class CaseCore:
    """The state and the helpers every part of `CaseService` builds on."""

    def __init__(self, clock: Clock, policies: PolicyStore) -> None:
        self.clock = clock
        self.policies = policies
        # Called inside the transaction that resolves a case (the visit planner listens).
        self.resolved_listeners: list[Callable[[Case, Staff | None], object]] = []

    # Reading the rules ----------------------------------------------------------------
    def policy(self) -> Policy:
        return self.policies.load()

    def calendar(self) -> WorkCalendar:
        return WorkCalendar.from_database()

    def deadlines_for(self, kind: str, severity: str, received_at: dt.datetime | None = None) -> Deadlines:
        """What the policy gives for a case like this; the intake form shows it live."""
        return self.policy().deadlines(received_at or self.clock.now(), kind, severity, self.calendar())

    # Finding a case, and what every step writes -----------------------------------------
    def get(self, case_id: int) -> Case:
        case = Case.get_or_none(Case.id == case_id)
        if case is None:
            raise UserError(tr("找不到第 {id} 号案件", id=case_id))
        return case

    def by_number(self, number: str) -> Case | None:
        return Case.get_or_none(Case.number == number.strip())

    def _event(
        self,
        case: Case,
        kind: str,
        text: str,
        actor: Staff | None,
        at: dt.datetime | None = None,
        name: str | None = None,
    ) -> CaseEvent:
        return CaseEvent.create(
            case=case,
            at=at or self.clock.now(),
            kind=kind,
            text=text,
            actor=actor,
            actor_name=name or actor_name(actor),
        )

    def _require(self, case: Case, action: str) -> None:
        """Refuse a step the case's status does not allow (app/case_states.py's table)."""
        case_states.require_state(case, action)

    def _step(self, case: Case, action: str) -> None:
        """Move the case to the status the step leads to (app/case_states.py's table)."""
        case.state = case_states.next_state(case.state, action)

    def _touch(self, case: Case) -> None:
        case.updated_at = self.clock.now()
        case.save()
        self.reindex(case)

    def log(self, case: Case, kind: str, text: str, actor: Staff | None = None) -> CaseEvent:
        """A line on the case's timeline from another part of the program (e.g. a visit)."""
        with db.atomic():
            event = self._event(case, kind, text, actor)
            self._touch(case)
        return event

    # Search index ---------------------------------------------------------------------
    def reindex(self, case: Case) -> None:
        search.index_case(db.obj, case.id, self.search_texts(case))

    @staticmethod
    def search_texts(case: Case, notes: list[str] | None = None) -> list[str]:
        """What the search index holds of a case; `notes` (its timeline's texts) are read
        when not given."""
        if notes is None:
            notes = [e.text for e in CaseEvent.select(CaseEvent.text).where(CaseEvent.case == case)]
        return [
            case.number,
            case.ref or "",
            case.room_label,
            case.customer_name,
            # not the phone: it is found by its whole number only (app.owners.phone_match),
            # or a masked number could be rebuilt by searching its fragments
            case.kind,
            case.category,
            case.subcategory,
            case.party,
            case.event_place,
            case.account,
            case.request,
            case.result,
            *notes,
        ]


def rebuild_search_index(chunk: int = 1000) -> int:
    """Every case's search entry written again from `CaseService.search_texts` (e.g. once
    after an upgrade, to drop the phone numbers older versions indexed). Returns the count.

    Reads a chunk of cases with their rooms, and their timelines, in one query each."""
    ids = [row[0] for row in tuple_rows(Case.select(Case.id).order_by(Case.id).tuples())]
    with db.atomic():
        for start in range(0, len(ids), chunk):
            part = ids[start : start + chunk]
            notes: dict[int, list[str]] = {}
            events = CaseEvent.select(CaseEvent.case, CaseEvent.text).where(CaseEvent.case.in_(part))
            for case_id, text in tuple_rows(events.order_by(CaseEvent.id).tuples()):
                notes.setdefault(case_id, []).append(text)
            batch = Case.select(Case, Room).join(Room, pw.JOIN.LEFT_OUTER).where(Case.id.in_(part))
            search.index_many(
                db.obj, [(case.id, CaseCore.search_texts(case, notes.get(case.id, []))) for case in batch]
            )
    return len(ids)
