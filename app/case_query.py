"""Finding cases: the filters of the case list, their counts, and pages of results."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields, replace
from typing import Any

import peewee as pw

from app import domain, search
from app.clock import Clock
from app.i18n import N_
from app.late_replies import reply_late
from app.models import Case, Department, Room, db, room_label
from app.owners import phone_match
from app.permissions import can
from app.validation import parse_room

# A query that is a phone number or part of one: digits, with - + ( ) or spaces.
_PHONE_LIKE = re.compile(r"[+(（]?\d[\d\s()（）-]{2,}\d")
# The start of a case number: TS, TS-2026, ts-2026-18 (the letters of a kind, its year, a serial).
_NUMBER_START = re.compile(r"[A-Za-z]{1,4}(-(\d{1,4}(-\d{0,8})?)?)?")
_DIGITS = re.compile(r"\d+")
_SERIAL_WIDTH = 5  # TS-2026-00042: the serial is padded to this many digits

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
    room_key: tuple[str, str, str] | None = None  # (building, unit, number), what 房号 sorts by

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
            (building, unit or "", room_no) if building else None,
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


OPEN_ANY = N_("未结")

# Quick filters with counts shown over the list: label -> changes to the current filter.
_QUICK_OFF = {"overdue": False, "due_today": False, "first_reply_late": False}
QUICK_FILTERS: dict[str, dict[str, object]] = {
    N_("全部"): {**_QUICK_OFF, "state": None},
    N_("未结"): {**_QUICK_OFF, "state": OPEN_ANY},
    N_("待派工"): {**_QUICK_OFF, "state": domain.NEW},
    N_("处理中"): {**_QUICK_OFF, "state": domain.IN_PROGRESS},
    N_("逾期"): {**_QUICK_OFF, "state": None, "overdue": True},
    N_("今日到期"): {**_QUICK_OFF, "state": None, "due_today": True},
    N_("首次回复超时"): {**_QUICK_OFF, "state": None, "first_reply_late": True},
}


class CaseQuery:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def where(self, f: CaseFilter, counting: bool = False) -> pw.ModelSelect[Case]:
        """The cases `f` finds. `counting`: to count them, not to page through them — a search
        is then one set of ids read from the indexes, and each case is only looked up in it
        while an index that holds every column counted is walked (`case_quick`): no case's
        row (with its long texts) is read."""
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
            ids = self._text_ids(f.text) if counting and search.is_sqlite(db.obj) else None
            conditions.append(self._text_condition(f.text) if ids is None else (Case.id + 0).in_(ids))
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
        """What the clerk typed, by what it can mean, each through an index:
        - digits alone (1, 138, 18312, 501): the start of a phone number (whole numbers only,
          unless the role may reveal phones), a case number's serial (its start, or the whole
          serial without its zeros: 42 -> TS-2026-00042) or a room's number;
        - the start of a case number (TS-2026-18): the numbers that start so;
        - one character: a customer's name that starts with it (a surname), or a number's letters;
        - a room of the estate named in full (3-2-501): its cases;
        - anything else: the words in the case's texts (the text index), and a phone number
          only as the role may search it.
        One character is never looked up in the text index: every word would match it."""
        query = text.strip()
        if _DIGITS.fullmatch(query):
            if len(query) > 2 and search.is_sqlite(db.obj):
                ids = self._text_ids(query)
                hits = db.execute_sql(
                    f"SELECT count(*) FROM (SELECT 1 FROM {ids.sql} LIMIT ?)", (*ids.params, MANY_HITS + 1)
                )
                if hits.fetchone()[0] <= MANY_HITS:  # a few cases: their ids, then sorted
                    return Case.id.in_(ids)
                return (Case.id + 0).in_(ids)  # many: walk the list's order, each looked up
            return self._digits_condition(query)
        if _NUMBER_START.fullmatch(query) and (len(query) <= 2 or "-" in query):
            found = _prefix(Case.number, query.upper())
            if query.isalpha() and len(query) == 2:
                found = found | self._words_condition(query)
            return found
        if len(query) == 1:
            return _prefix(Case.customer_name, query)
        room = _room_id(query)
        if room is not None:  # a room of the estate, named in full: its cases
            return Case.room == room
        words = self._words_condition(text)
        if _PHONE_LIKE.fullmatch(query):
            words = words | phone_match(Case.customer_phone, query)
        return words

    def _text_ids(self, text: str) -> pw.SQL:
        """`_text_condition` as one set of case ids, each meaning read from its own index
        (for counting: see `where`)."""
        query = text.strip()
        c = Case.alias("hit")

        def ids(condition: pw.Expression) -> tuple[str, list[Any]]:
            sql, params = c.select(c.id).where(condition).sql()
            return sql, list(params)

        parts: list[tuple[str, list[Any]]] = []
        if _DIGITS.fullmatch(query):
            if can(None, "owner.reveal_phone") and len(query) < 4:
                parts.append(ids(_prefix(c.customer_phone, query)))
            else:
                parts.append(ids(phone_match(c.customer_phone, query)))
            serial = pw.fn.substr(c.number, pw.SQL(str(-_SERIAL_WIDTH)))
            parts.append(ids(_prefix(serial, query)))
            if len(query) < _SERIAL_WIDTH:
                parts.append(ids(serial == query.zfill(_SERIAL_WIDTH)))
            rooms = [room.id for room in Room.select(Room.id).where(Room.number == query)]
            if rooms:
                parts.append(ids(c.room.in_(rooms)))
            if len(query) >= 3:
                parts.append(self._words_ids(query))
        elif _NUMBER_START.fullmatch(query) and (len(query) <= 2 or "-" in query):
            parts.append(ids(_prefix(c.number, query.upper())))
            if query.isalpha() and len(query) == 2:
                parts.append(self._words_ids(query))
        elif len(query) == 1:
            parts.append(ids(_prefix(c.customer_name, query)))
        elif (room := _room_id(query)) is not None:
            parts.append(ids(c.room == room))
        else:
            parts.append(self._words_ids(text))
            if _PHONE_LIKE.fullmatch(query):
                parts.append(ids(phone_match(c.customer_phone, query)))
        sql = " UNION ALL ".join(part for part, _ in parts)
        return pw.SQL(f"({sql})", [p for _, part_params in parts for p in part_params])

    @staticmethod
    def _words_ids(text: str) -> tuple[str, list[Any]]:
        """The ids of the cases whose texts hold the words (nothing for single characters)."""
        expression = search.match_expression(search.long_runs(text))
        if expression is None:
            return "SELECT NULL WHERE 0", []
        return f"SELECT rowid FROM {search.TABLE} WHERE {search.TABLE} MATCH ?", [expression]

    def _digits_condition(self, digits: str) -> pw.Expression:
        """The cases digits can mean, each through its index: the start of the caller's phone
        (a role that may reveal phones: any run of four digits or more, as `phone_match`;
        any other only the whole number), the start of a case number's serial or the whole
        serial (42 -> TS-2026-00042: `case_serial`, migration 19), a room's number, and from
        three digits on, digits in the texts. A run of one or two digits means thousands of cases: then each
        case is tested as the list walks its own order (the columns wrapped so that SQLite
        leaves their indexes alone) and the first page is found at once."""
        walk = len(digits) <= 2
        phone: pw.Node = Case.customer_phone.concat("") if walk else Case.customer_phone
        number: pw.Node = Case.number.concat("") if walk else Case.number
        serial = pw.fn.substr(number, pw.SQL(str(-_SERIAL_WIDTH)))
        if can(None, "owner.reveal_phone") and len(digits) < 4:
            condition = _prefix(phone, digits)
        else:  # any run of digits for whoever may reveal phones, else only the whole number
            condition = phone_match(Case.customer_phone, digits)
        condition = condition | _prefix(serial, digits)
        if len(digits) >= 3:  # digits written in the texts (a pair of digits: thousands)
            condition = condition | self._words_condition(digits)
        if len(digits) < _SERIAL_WIDTH:
            condition = condition | (serial == digits.zfill(_SERIAL_WIDTH))
        rooms = [room.id for room in Room.select(Room.id).where(Room.number == digits)]
        if rooms:
            condition = condition | ((Case.room + 0) if walk else Case.room).in_(rooms)
        return condition

    def _words_condition(self, text: str) -> pw.Expression:
        if search.is_sqlite(db.obj):
            text = search.long_runs(text)
            if not text:
                return Case.id.is_null()  # only single characters: nothing the index can find
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
        return int(self.where(f, counting=True).count())

    def _rows(self, f: CaseFilter, room_join: Any = pw.JOIN.LEFT_OUTER) -> pw.ModelSelect[Case]:
        return (
            self.where(f)
            .select(*LIST_COLUMNS, Room.building, Room.unit, Room.number, Department.name)
            .join(Room, room_join, on=(Case.room == Room.id))
            .switch(Case)
            .join(Department, pw.JOIN.LEFT_OUTER, on=(Case.department == Department.id))
        )

    @staticmethod
    def _fetch(query: pw.ModelSelect[Case], limit: int, offset: int = 0) -> list[CaseRow]:
        # Written into the SQL as numbers: with LIMIT as a parameter SQLite cannot see
        # that only one page is wanted and may choose a plan that walks every case.
        if offset:
            query = query.offset(pw.SQL(str(int(offset))))
        query = query.limit(pw.SQL(str(int(limit))))
        return [CaseRow.from_tuple(row) for row in db.execute(query).fetchall()]

    def page(
        self,
        f: CaseFilter,
        offset: int = 0,
        limit: int = 100,
        sort: str = "received_at",
        descending: bool = True,
        after: CaseRow | None = None,
    ) -> list[CaseRow]:
        """One page of the list: the columns a list row shows (open the case by its id for
        the rest). Rows are read as plain tuples: building full records for every row
        would cost more than the query itself. With `after` (the last row shown) the page
        starts after it through the sort key's index, however far the list was scrolled;
        `offset` counts rows from the start instead (and walks them)."""
        spec = SORTABLE.get(sort, Case.received_at)
        if sort == "room" and not offset:
            return self._page_by_room(f, limit, descending, after)
        columns = spec if isinstance(spec, tuple) else (spec,)
        order = [c.desc() if descending else c.asc() for c in columns]
        tie = Case.id.desc() if descending else Case.id.asc()
        query = self._rows(f).order_by(*order, tie)
        if after is not None and not offset:
            query = query.where(_after(sort if sort in SORTABLE else "received_at", after, descending))
        return self._fetch(query, limit, offset)

    def _page_by_room(
        self, f: CaseFilter, limit: int, descending: bool, after: CaseRow | None
    ) -> list[CaseRow]:
        """Sorted by 房号: the cases with no room first (last when descending), then the rooms
        in the order of their own index, each room's cases by number: nothing is sorted."""
        key = (Room.building, Room.unit, Room.number, Case.id)
        order = [c.desc() if descending else c.asc() for c in key]
        tie = Case.id.desc() if descending else Case.id.asc()
        no_room = self._rows(f).where(Case.room.is_null()).order_by(tie)
        in_rooms = self._rows(f, pw.JOIN.INNER).order_by(*order)
        if after is not None and after.room_key is None:  # within the cases with no room
            no_room = no_room.where(Case.id < after.id if descending else Case.id > after.id)
            if descending:
                return self._fetch(no_room, limit)
            rows = self._fetch(no_room, limit)
            return rows + self._fetch(in_rooms, limit - len(rows)) if len(rows) < limit else rows
        if after is not None and after.room_key is not None:
            mark = pw.Tuple(*after.room_key, after.id)
            in_rooms = in_rooms.where(pw.Tuple(*key) < mark if descending else pw.Tuple(*key) > mark)
            if not descending:
                return self._fetch(in_rooms, limit)
        first, then = (in_rooms, no_room) if descending else (no_room, in_rooms)
        rows = self._fetch(first, limit)
        return rows + self._fetch(then, limit - len(rows)) if len(rows) < limit else rows

    def rows_by_id(self, f: CaseFilter, ids: list[int]) -> list[CaseRow]:
        """The list rows of these cases that match `f` (a refresh re-reads only these)."""
        if not ids:
            return []
        return [CaseRow.from_tuple(r) for r in db.execute(self._rows(f).where(Case.id.in_(ids))).fetchall()]

    @staticmethod
    def last_change() -> dt.datetime | None:
        """When a case was last changed (its `updated_at`, indexed)."""
        value = Case.select(pw.fn.MAX(Case.updated_at)).scalar()
        return _when(value) if value else None

    @staticmethod
    def changed_since(when: dt.datetime) -> list[int]:
        """The cases changed at or after `when`, found through the `updated_at` index."""
        return [case.id for case in Case.select(Case.id).where(Case.updated_at >= when)]

    def quick_counts(self, f: CaseFilter) -> dict[str, int]:
        """The count each quick filter would give on top of the other filters. With no other
        filter each is one count through its own index; with one (a search) the cases it
        finds are counted once, every quick filter summed in the same pass."""
        base = replace(f, **_QUICK_OFF, state=None)  # type: ignore[arg-type]
        if base.is_empty():
            return {label: self.count(replace(f, **change)) for label, change in QUICK_FILTERS.items()}  # type: ignore[arg-type]
        now = self.clock.now()
        start = dt.datetime.combine(now.date(), dt.time())
        is_open = Case.state.in_(domain.OPEN_STATES)
        sums: dict[str, pw.Expression | None] = {
            label: _quick_expression(change, is_open, now, start) for label, change in QUICK_FILTERS.items()
        }
        columns = [
            pw.fn.COUNT(1) if e is None else pw.fn.SUM(pw.Case(None, [(e, 1)], 0)) for e in sums.values()
        ]
        row: tuple[Any, ...] = self.where(base, counting=True).select(*columns).tuples().get()  # type: ignore[assignment]
        return {label: int(value or 0) for label, value in zip(sums, row, strict=True)}


def _quick_expression(
    change: dict[str, object], is_open: pw.Expression, now: dt.datetime, start: dt.datetime
) -> pw.Expression | None:
    """A quick filter as a test of one row (None: every row), for counting in one pass."""
    if change.get("overdue"):
        return is_open & (Case.resolve_due < now)
    if change.get("due_today"):
        return is_open & (Case.resolve_due >= start) & (Case.resolve_due < start + dt.timedelta(days=1))
    if change.get("first_reply_late"):
        return (
            (Case.anonymous == False)  # noqa: E712
            & Case.state.not_in([domain.VOID, domain.MERGED])
            & (
                (Case.first_response_at.is_null(False) & (Case.first_response_at > Case.response_due))
                | (Case.first_response_at.is_null() & (Case.response_due < now))
            )
        )
    state = change.get("state")
    if state == OPEN_ANY:
        return is_open
    if state:
        return Case.state == state
    return None


def sort_key(row: CaseRow, sort: str) -> tuple[Any, ...]:
    """Where `row` stands in the list sorted by `sort` (ascending), as SQLite orders it: text by
    its bytes (Python's order of code points is the same), no room / no department first."""
    if sort == "room":
        return ((0,) if row.room_key is None else (1, *row.room_key), row.id)
    if sort == "department":
        return ((0,) if row.department_id is None else (1, row.department_id), row.id)
    if sort == "number":
        return (row.id,)
    if sort not in SORTABLE:
        sort = "received_at"
    return (getattr(row, _ATTRIBUTE.get(sort, sort)), row.id)


_ATTRIBUTE = {"customer": "customer_name", "number": "id", "department": "department_id"}


def _after(sort: str, row: CaseRow, descending: bool) -> pw.Expression:
    """The rows after `row` in the list's order (keyset paging): (key, id) beyond (its key, its id)."""
    if sort == "number":
        return Case.id < row.id if descending else Case.id > row.id
    if sort == "department":
        value = row.department_id
        col = Case.department
        if value is None:  # no department comes first
            return (
                (col.is_null() & (Case.id < row.id))
                if descending
                else (col.is_null(False) | (Case.id > row.id))
            )
        beyond = (col < value) | col.is_null() if descending else col > value
        same = (col == value) & (Case.id < row.id if descending else Case.id > row.id)
        return beyond | same
    spec = SORTABLE[sort]
    assert not isinstance(spec, tuple)
    key: Any = getattr(row, _ATTRIBUTE.get(sort, sort))
    if isinstance(key, dt.datetime):
        key = str(key)  # as SQLite holds it: 2026-09-28 09:30:00
    mark = pw.Tuple(key, row.id)
    return pw.Tuple(spec, Case.id) < mark if descending else pw.Tuple(spec, Case.id) > mark


def first_reply_late_condition(now: dt.datetime) -> pw.Expression:
    """`app.late_replies.reply_late` in SQL: replied after the deadline, or not by it. The two
    cases are read from their partial indexes (migration 19), never by scanning every case."""
    late = Case.alias("late")
    replied_late = late.select(late.id).where(late.first_response_at > late.response_due)
    pending = late.select(late.id).where(late.first_response_at.is_null() & (late.response_due < now))
    return (
        (Case.anonymous == False)  # noqa: E712
        & Case.state.not_in([domain.VOID, domain.MERGED])
        & Case.id.in_(replied_late | pending)
    )


def _prefix(field: Any, start: str) -> pw.Expression:
    """`field` starts with `start`, as a range its index can answer (LIKE cannot)."""
    return (field >= start) & (field < start + "\U0010ffff")


def _room_id(text: str) -> int | None:
    """The room a query names in full (3-2-501), if it is one."""
    try:
        b, u, r = parse_room(text)
    except ValueError:
        return None
    room = Room.get_or_none(Room.building == b, Room.unit == u, Room.number == r)
    return room.id if room is not None else None


def deadline_status(case: Case | CaseRow, now: dt.datetime, nearly_due: dt.timedelta) -> str:
    """'逾期', '临期' or '' for an open case; finished cases are never flagged."""
    if case.state not in domain.OPEN_STATES:
        return ""
    if case.resolve_due < now:
        return "逾期"
    if case.resolve_due - now <= nearly_due:
        return "临期"
    return ""
