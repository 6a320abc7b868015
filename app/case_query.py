"""Finding cases: the filters of the case list, their counts, and pages of results."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields, replace
from typing import Any

import peewee as pw

from app import domain, search
from app.clock import Clock
from app.late_replies import reply_late
from app.models import Case, Department, Room, db, room_label
from app.owners import phone_match
from app.validation import parse_room

# A query that is a phone number or part of one: digits, with - + ( ) or spaces.
_PHONE_LIKE = re.compile(r"[+(（]?\d[\d\s()（）-]{2,}\d")

# What a list row shows, in the order `CaseRow.from_tuple` reads it.
LIST_COLUMNS = (
    Case.id,
    Case.number,
    Case.received_at,
    Case.customer_name,
    Case.anonymous,
    Case.kind,
    Case.severity,
    Case.category,
    Case.account,
    Case.state,
    Case.resolve_due,
    Case.department,
    Case.response_due,
    Case.first_response_at,
    Case.subcategory,
)


def _when(value: object) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list."""

    id: int
    number: str
    received_at: dt.datetime
    customer_name: str
    anonymous: bool
    kind: str
    severity: str
    category: str
    account: str
    state: str
    resolve_due: dt.datetime
    department_id: int | None
    room_label: str
    department_name: str
    response_due: dt.datetime | None = None
    first_response_at: dt.datetime | None = None
    subcategory: str = ""

    @classmethod
    def from_tuple(cls, row: tuple[Any, ...]) -> CaseRow:
        (
            cid,
            number,
            received,
            customer,
            anonymous,
            kind,
            severity,
            category,
            account,
            state,
            due,
            dep_id,
            response_due,
            replied,
            subcategory,
            building,
            unit,
            room_no,
            dep_name,
        ) = row
        label = room_label(building, unit or "", room_no) if building else ""
        return cls(
            cid,
            number,
            _when(received),
            customer,
            bool(anonymous),
            kind,
            severity,
            category,
            account,
            state,
            _when(due),
            dep_id,
            label,
            dep_name or "",
            _when(response_due) if response_due else None,
            _when(replied) if replied else None,
            subcategory or "",
        )

    def first_reply_late(self, now: dt.datetime) -> bool:
        """首次回复超时 (`app.late_replies.reply_late`), for the list's mark."""
        return reply_late(self.anonymous, self.state, self.response_due, self.first_response_at, now)


MANY_HITS = 2000  # above this many search hits, page through the list's order instead

SORTABLE: dict[str, pw.Field | tuple[pw.Field, ...]] = {
    "number": Case.id,
    "received_at": Case.received_at,
    "kind": Case.kind,
    "severity": Case.severity,
    "category": Case.category,
    "state": Case.state,
    "resolve_due": Case.resolve_due,
    "room": (Room.building, Room.unit, Room.number),
    "customer": Case.customer_name,
    "department": Case.department,
}


@dataclass(frozen=True)
class CaseFilter:
    state: str | None = None  # one of domain.STATES, or "未结" for every open state
    kind: str | None = None
    severity: str | None = None
    category: str | None = None
    department_id: int | None = None
    room: str | None = None  # '3-2-501' or a building '3' / '3-2'
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    overdue: bool = False
    due_today: bool = False
    text: str = ""
    first_reply_late: bool = False  # 首次回复超时 (app/late_replies.py), voided/merged/anonymous never

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) == f.default for f in fields(self))


OPEN_ANY = "未结"

# Quick filters with counts shown over the list: label -> changes to the current filter.
_QUICK_OFF = {"overdue": False, "due_today": False, "first_reply_late": False}
QUICK_FILTERS: dict[str, dict[str, object]] = {
    "全部": {**_QUICK_OFF, "state": None},
    "未结": {**_QUICK_OFF, "state": OPEN_ANY},
    "待派工": {**_QUICK_OFF, "state": domain.NEW},
    "处理中": {**_QUICK_OFF, "state": domain.IN_PROGRESS},
    "逾期": {**_QUICK_OFF, "state": None, "overdue": True},
    "今日到期": {**_QUICK_OFF, "state": None, "due_today": True},
    "首次回复超时": {**_QUICK_OFF, "state": None, "first_reply_late": True},
}


class CaseQuery:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def where(self, f: CaseFilter) -> pw.ModelSelect[Case]:
        query = Case.select(Case)
        conditions = []
        now = self.clock.now()
        if f.state == OPEN_ANY:
            conditions.append(Case.state.in_(domain.OPEN_STATES))
        elif f.state:
            conditions.append(Case.state == f.state)
        if f.kind:
            conditions.append(Case.kind == f.kind)
        if f.severity:
            conditions.append(Case.severity == f.severity)
        if f.category:
            conditions.append(Case.category == f.category)
        if f.department_id:
            conditions.append(Case.department == f.department_id)
        if f.room:
            rooms = self._rooms(f.room)
            conditions.append(Case.room.in_(rooms))
        if f.date_from:
            conditions.append(Case.received_at >= dt.datetime.combine(f.date_from, dt.time()))
        if f.date_to:
            end = dt.datetime.combine(f.date_to + dt.timedelta(days=1), dt.time())
            conditions.append(Case.received_at < end)
        if f.overdue:
            conditions.append(Case.state.in_(domain.OPEN_STATES) & (Case.resolve_due < now))
        if f.due_today:
            start = dt.datetime.combine(now.date(), dt.time())
            conditions.append(
                Case.state.in_(domain.OPEN_STATES)
                & (Case.resolve_due >= start)
                & (Case.resolve_due < start + dt.timedelta(days=1))
            )
        if f.first_reply_late:
            conditions.append(first_reply_late_condition(now))
        if f.text.strip():
            conditions.append(self._text_condition(f.text))
        for condition in conditions:
            query = query.where(condition)
        return query

    def _rooms(self, text: str) -> pw.ModelSelect[Room]:
        text = text.strip()
        try:
            b, u, r = parse_room(text)
            return Room.select(Room.id).where(Room.building == b, Room.unit == u, Room.number == r)
        except ValueError:
            parts = [p for p in text.replace("栋", "-").split("-") if p]
            query = Room.select(Room.id).where(Room.building == (parts[0] if parts else text))
            if len(parts) > 1:
                query = query.where(Room.unit == parts[1])
            return query

    def _text_condition(self, text: str) -> pw.Expression:
        """The words in the case's texts; a phone number only as the role may search it
        (whole numbers, or any digits for those who may reveal phones)."""
        words = self._words_condition(text)
        if _PHONE_LIKE.fullmatch(text.strip()):
            return words | phone_match(Case.customer_phone, text.strip())
        return words

    def _words_condition(self, text: str) -> pw.Expression:
        if search.is_sqlite(db.obj):
            sub = search.matching_ids(db.obj, text)
            if sub is None:
                return Case.id.is_null(False)
            if search.hit_count(db.obj, text) > MANY_HITS:
                # A common word (漏水): walk the list's own order and stop after a page, rather
                # than fetch every hit and sort them; "+ 0" keeps SQLite off the id lookup.
                return (Case.id + 0).in_(sub)
            return Case.id.in_(sub)
        like = search.like_condition(
            [
                Case.number,
                Case.account,
                Case.request,
                Case.result,
                Case.customer_name,
                Case.category,
                Case.party,
                Case.event_place,
            ],
            text,
        )
        return like if like is not None else Case.id.is_null(False)

    def count(self, f: CaseFilter) -> int:
        return int(self.where(f).count())

    def page(
        self,
        f: CaseFilter,
        offset: int = 0,
        limit: int = 100,
        sort: str = "received_at",
        descending: bool = True,
    ) -> list[CaseRow]:
        """One page of the list: the columns a list row shows (open the case by its id for
        the rest). Rows are read as plain tuples: building full records for every row
        would cost more than the query itself."""
        spec = SORTABLE.get(sort, Case.received_at)
        columns = spec if isinstance(spec, tuple) else (spec,)
        order = [c.desc() if descending else c.asc() for c in columns]
        tie = Case.id.desc() if descending else Case.id.asc()
        query = (
            self.where(f)
            .select(*LIST_COLUMNS, Room.building, Room.unit, Room.number, Department.name)
            .join(Room, pw.JOIN.LEFT_OUTER, on=(Case.room == Room.id))
            .switch(Case)
            .join(Department, pw.JOIN.LEFT_OUTER, on=(Case.department == Department.id))
            .order_by(*order, tie)
            # Written into the SQL as numbers: with LIMIT as a parameter SQLite cannot see
            # that only one page is wanted and may choose a plan that walks every case.
            .offset(pw.SQL(str(int(offset))))
            .limit(pw.SQL(str(int(limit))))
        )
        return [CaseRow.from_tuple(row) for row in db.execute(query).fetchall()]

    def quick_counts(self, f: CaseFilter) -> dict[str, int]:
        """The count each quick filter would give on top of the other filters."""
        return {label: self.count(replace(f, **change)) for label, change in QUICK_FILTERS.items()}  # type: ignore[arg-type]


def first_reply_late_condition(now: dt.datetime) -> pw.Expression:
    """`app.late_replies.reply_late` in SQL: replied after the deadline, or not by it."""
    return (
        (Case.anonymous == False)  # noqa: E712
        & Case.state.not_in([domain.VOID, domain.MERGED])
        & (
            (Case.first_response_at.is_null(False) & (Case.first_response_at > Case.response_due))
            | (Case.first_response_at.is_null() & (Case.response_due < now))
        )
    )


def deadline_status(case: Case | CaseRow, now: dt.datetime, nearly_due: dt.timedelta) -> str:
    """'逾期', '临期' or '' for an open case; finished cases are never flagged."""
    if case.state not in domain.OPEN_STATES:
        return ""
    if case.resolve_due < now:
        return "逾期"
    if case.resolve_due - now <= nearly_due:
        return "临期"
    return ""
