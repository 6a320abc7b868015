"""The calendar's questions (回访日历): the open visits, counts per day by shown state, a
day's list, today's list per visitor, and the rows the lists show.

Each is one or two grouped queries, so a month of thousands of visits is counted at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import peewee as pw

from app import domain
from app.clock import Clock
from app.i18n import N_
from app.models import Case, Owner, Room, Visit, dict_rows
from app.permissions import require
from app.visits.planner import VisitPlanner
from app.visits.rules import OPEN_VISIT_STATES, allowed_methods, shown_state

UNASSIGNED = N_("未指定")  # the group of the visits nobody holds


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


@dataclass(frozen=True)
class VisitFilter:
    visitor_id: int | None = None
    role: str | None = None
    kind: str | None = None
    building: str | None = None


@dataclass(frozen=True)
class VisitRow:
    """A visit as a list shows it (no database behind it)."""

    id: int
    state: str  # as shown: 计划, 逾期, 已完成 …
    planned: bool  # still open, so it can be moved
    due: dt.date
    done_on: dt.date | None
    room: str
    case: str  # the case number, or the purpose of a periodic visit
    kind: str
    visitor: str
    role: str
    attempt: int
    reason: str
    owner: str = ""  # who is visited: the case's customer, or the room's occupant
    category: str = ""
    appointment: dt.datetime | None = None  # 预约时间, when one was made


class VisitCalendar:
    def __init__(self, clock: Clock, planner: VisitPlanner) -> None:
        self.clock = clock
        self.planner = planner

    def today(self) -> dt.date:
        return self.clock.now().date()

    def display_state(self, visit: Visit) -> str:
        return shown_state(str(visit.state), visit.due, self.today())

    # The open visits --------------------------------------------------------------------
    def open_visits(self) -> pw.ModelSelect[Visit]:
        return (
            Visit.select(Visit, Case, Room)
            .join(Case, pw.JOIN.LEFT_OUTER, on=(Visit.case == Case.id))
            .switch(Visit)
            .join(Room, pw.JOIN.LEFT_OUTER, on=(Visit.room == Room.id))
            .where(Visit.state.in_(OPEN_VISIT_STATES))
            .order_by(Visit.due, Visit.id)
        )

    def schedule(self) -> list[dict[str, object]]:
        """The open visits as the `schedule --json` command writes them, with the methods
        each may be recorded with (the same rule the visit record offers)."""
        require(None, "visit.view_all")
        out: list[dict[str, object]] = []
        today = self.today()
        for v in self.open_visits():
            case = v.case if v.case_id else None
            rule = self.planner.rule(case) if case is not None else None
            out.append(
                {
                    "visit": v.id,
                    "case": case.number if case else None,
                    "ref": case.ref if case else None,
                    "due": v.due.isoformat(),
                    "role": v.role,
                    "visitor": v.visitor_name or None,
                    "attempt": v.attempt,
                    "purpose": v.purpose or None,  # 合同中期回访, 入伙回访, 活动回访 … (H23)
                    "reason": v.reason,
                    "room": v.room.label if v.room is not None else None,
                    "overdue": v.due < today,
                    "methods": allowed_methods(rule, v.attempt),
                }
            )
        return out

    # Counting and listing ---------------------------------------------------------------
    def _filtered(self, query: pw.ModelSelect[Visit], f: VisitFilter) -> pw.ModelSelect[Visit]:
        if f.visitor_id:
            query = query.where(Visit.visitor == f.visitor_id)
        if f.role:
            query = query.where(Visit.role == f.role)
        if f.kind:
            query = query.where(Case.kind == f.kind)
        if f.building:
            query = query.where(Room.building == f.building)
        return query

    def _base(
        self, columns: list[pw.Node | type[pw.Model]], f: VisitFilter | None = None
    ) -> pw.ModelSelect[Visit]:
        """Visits with their case and room joined, unless a count needs neither."""
        query = Visit.select(*columns)
        if f is None or f.kind:
            query = query.join(Case, pw.JOIN.LEFT_OUTER, on=(Visit.case == Case.id)).switch(Visit)
        if f is None or f.building:
            query = query.join(Room, pw.JOIN.LEFT_OUTER, on=(Visit.room == Room.id))
        return query

    def day_counts(
        self, start: dt.date, end: dt.date, f: VisitFilter | None = None
    ) -> dict[dt.date, dict[str, int]]:
        """Visits per day from `start` to `end` inclusive, by shown state (计划/逾期/已完成/未联系上…).

        A planned visit past its day counts as 逾期 on its due day; done visits count on the
        day they were done."""
        f = f or VisitFilter()
        today = self.today()
        out: dict[dt.date, dict[str, int]] = {}
        planned = (
            self._filtered(self._base([Visit.due, Visit.state, pw.fn.COUNT(Visit.id).alias("n")], f), f)
            .where(Visit.state.in_(OPEN_VISIT_STATES), Visit.due >= start, Visit.due <= end)
            .group_by(Visit.due, Visit.state)
        )
        for row in dict_rows(planned):
            day = _as_date(row["due"])
            label = shown_state(str(row["state"]), day, today)
            bucket = out.setdefault(day, {})
            bucket[label] = bucket.get(label, 0) + row["n"]
        day_expr = pw.fn.DATE(Visit.done_at)
        finished = (
            self._filtered(
                self._base([day_expr.alias("day"), Visit.state, pw.fn.COUNT(Visit.id).alias("n")], f), f
            )
            .where(
                Visit.state.not_in(OPEN_VISIT_STATES + [domain.VISIT_CANCELLED]),
                Visit.done_at >= dt.datetime.combine(start, dt.time()),
                Visit.done_at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time()),
            )
            .group_by(day_expr, Visit.state)
        )
        for row in dict_rows(finished):
            day = _as_date(row["day"])
            bucket = out.setdefault(day, {})
            bucket[row["state"]] = bucket.get(row["state"], 0) + row["n"]
        return out

    def day_list(self, day: dt.date, f: VisitFilter | None = None) -> list[Visit]:
        """A day's visits: the planned ones due that day, the ones done that day;
        for today also every overdue one, on top."""
        f = f or VisitFilter()
        today = self.today()
        start = dt.datetime.combine(day, dt.time())
        cond = (Visit.state.in_(OPEN_VISIT_STATES) & (Visit.due == day)) | (
            (Visit.done_at >= start)
            & (Visit.done_at < start + dt.timedelta(days=1))
            & Visit.state.not_in([domain.VISIT_CANCELLED])
        )
        if day == today:
            cond = cond | (Visit.state.in_(OPEN_VISIT_STATES) & (Visit.due < today))
        # A list row shows the case's number and kind and the room: read only those of them.
        columns: list[pw.Node | type[pw.Model]] = [
            Visit,
            Case.id,
            Case.number,
            Case.kind,
            Case.severity,
            Case.category,
            Case.customer_name,
            Case.anonymous,
            Case.resolved_at,
            Room.id,
            Room.building,
            Room.unit,
            Room.number,
        ]
        query = self._filtered(self._base(columns), f).where(cond)
        rows = list(query.order_by(Visit.due, Visit.visitor_name, Visit.id))
        rows.sort(key=lambda v: (v.state != domain.VISIT_PLANNED or v.due >= today, v.due))
        return rows

    def today_by_visitor(self, f: VisitFilter | None = None) -> dict[str, list[Visit]]:
        """Today's list for each visitor (overdue first); unassigned under 未指定."""
        out: dict[str, list[Visit]] = {}
        for v in self.day_list(self.today(), f):
            if v.state in OPEN_VISIT_STATES:
                out.setdefault(v.visitor_name or UNASSIGNED, []).append(v)
        return out

    # The rows the windows show ----------------------------------------------------------
    def visit_rows(self, items: Iterable[Visit]) -> list[VisitRow]:
        """Visits as rows: room, whom, what about, state as shown (one query for the occupants
        of periodic visits, which have no case)."""
        rows = []
        items = list(items)
        rooms = {v.room_id for v in items if not v.case_id and v.room_id}
        occupants: dict[int, str] = {}
        if rooms:
            found = Owner.select(Owner.room, Owner.name).where(Owner.room.in_(rooms), Owner.active == True)  # noqa: E712
            for person in found.order_by(Owner.id):
                if person.room_id is not None:
                    occupants.setdefault(person.room_id, person.name)
        for v in items:
            case = v.case if v.case_id else None
            if case is not None:
                whom = "" if case.anonymous else case.customer_name
            else:
                whom = occupants.get(v.room_id, "") if v.room_id else ""
            rows.append(
                VisitRow(
                    id=v.id,
                    state=self.display_state(v),
                    planned=v.state == domain.VISIT_PLANNED,
                    due=v.due,
                    done_on=v.done_at.date() if v.done_at else None,
                    room=v.room.label if v.room_id and v.room is not None else "",
                    case=case.number if case is not None else (v.purpose or ""),
                    kind=case.kind if case is not None else "",
                    visitor=v.visitor_name or "",
                    role=domain.ROLES.get(v.role, v.role),
                    attempt=v.attempt,
                    reason=v.reason,
                    owner=whom,
                    category=(case.category or "") if case is not None else "",
                    appointment=v.appointment,
                )
            )
        return rows

    def day_rows(self, day: dt.date, f: VisitFilter | None = None) -> list[VisitRow]:
        """`day_list` as rows (today's overdue on top)."""
        return self.visit_rows(self.day_list(day, f))

    def own_day_rows(self, day: dt.date, f: VisitFilter | None = None) -> list[VisitRow]:
        """A week column's rows: the day's own visits; the overdue show on their own day."""
        return self.visit_rows(
            v for v in self.day_list(day, f) if (v.done_at.date() if v.done_at else v.due) == day
        )

    def today_rows_by_visitor(self, f: VisitFilter | None = None) -> dict[str, list[VisitRow]]:
        """`today_by_visitor` as rows; nobody's visits under `UNASSIGNED`."""
        return {name: self.visit_rows(visits) for name, visits in self.today_by_visitor(f).items()}

    def row(self, visit_id: int) -> VisitRow | None:
        """One visit as a row, or None when it is gone."""
        query = (
            Visit.select(Visit, Case, Room)
            .join(Case, pw.JOIN.LEFT_OUTER, on=(Visit.case == Case.id))
            .switch(Visit)
            .join(Room, pw.JOIN.LEFT_OUTER, on=(Visit.room == Room.id))
            .where(Visit.id == visit_id)
        )
        rows = self.visit_rows(query)
        return rows[0] if rows else None
