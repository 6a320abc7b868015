"""Many cases written at once (`CaseService.create_many`): the ledger import and the demo.

Each case gets exactly the rows `CaseService.create` writes (its room if new, the case, its
受理 line, its 重大投诉报告, its 新建 audit entries, its search entry), then, when the item says
so, what `resolve` writes (the 办结 fields and their 修改 audit entries, the 办结 line, the visit
planner asked through `resolved_listeners`) and what `close` writes. Only the way of writing
differs: rooms, owners and case numbers are looked up once for the whole batch, and the rows
go in with one INSERT or UPDATE per table instead of one per case, so a 20,000-row ledger
takes seconds. tests/test_case_batch.py makes the same case three ways and compares them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import peewee as pw

from app import case_states, domain, search
from app.bulk import insert_audited, insert_rows, modified_entries, update_rows
from app.models import (
    Case,
    CaseEvent,
    MajorReport,
    Owner,
    Room,
    Staff,
    Visit,
    db,
    tuple_rows,
    write_audit,
)
from app.models import (
    Sequence as Counter,
)
from app.validation import clean_text

if TYPE_CHECKING:
    from app.cases import CaseService, CheckedInput
    from app.policy import Policy

# SQLite takes at most 999 values in one statement.
_CHUNK = 400


@dataclass
class DoneVisit:
    """A visit already done before the case came into the program (a ledger's 回访 columns)."""

    done_at: dt.datetime
    method: str
    satisfaction: str
    visitor_name: str
    opinion: str
    reason: str
    visitor: Staff | None = None


@dataclass
class NewCase:
    """One case for `CaseService.create_many`: what was taken in (checked by
    `CaseService.check`) and how far it went before it came in."""

    checked: CheckedInput
    number: str = ""  # a case number kept as it was (the program's own export); "" hands out the next
    resolved_at: dt.datetime | None = None  # 办结, as `resolve(case, result, at=resolved_at)`
    result: str = ""
    closed: bool = False  # then 关闭, as `close(case)`
    plan_visit: bool = True  # `resolve`'s plan_visit: False for history whose visit is done
    done_visit: DoneVisit | None = None
    case_id: int | None = None  # set once written


def write_cases(
    service: CaseService, items: Sequence[NewCase], policy: Policy, actor: Staff | None
) -> list[int]:
    """The body of `CaseService.create_many` (the caller holds the transaction)."""
    if not items:
        return []
    return _Batch(service, policy, actor).write(items)


class _Batch:
    def __init__(self, service: CaseService, policy: Policy, actor: Staff | None) -> None:
        self.service = service
        self.policy = policy
        self.actor = actor
        self.now = service.clock.now()
        self.calendar = service.calendar()

    def write(self, items: Sequence[NewCase]) -> list[int]:
        from app.cases import actor_name, owner_resolve_due

        rooms = self._rooms(items)
        owners = _Owners(items, rooms)
        numbers = _Numbers()
        who = actor_name(self.actor)
        actor_id = self.actor.id if self.actor is not None else None
        cases: list[Case] = []
        events: dict[int, list[dict[str, Any]]] = {}
        majors: list[tuple[Case, dt.datetime]] = []
        for item in items:
            v = dict(item.checked.values)
            received = v["received_at"]
            assert isinstance(received, dt.datetime)
            kind, severity = str(v["kind"]), str(v["severity"])
            deadlines = self.policy.deadlines(received, kind, severity, self.calendar)
            requested = v.get("requested_date")
            resolve_due, by_owner = owner_resolve_due(
                self.policy, kind, severity, requested if isinstance(requested, dt.date) else None,
                deadlines.resolve_due,
            )  # fmt: skip
            if item.number:
                numbers.keep(received.year, item.number)
                number = item.number
            else:
                number = (
                    f"{self.policy.case_prefix_for(kind)}-{received.year}-{numbers.next(received.year):05d}"
                )
            room = rooms.get(item.checked.room_parts) if item.checked.room_parts else None
            case = Case(
                number=number,
                owner=owners.find(room, str(v["customer_name"]), str(v["customer_phone"])),
                department=item.checked.department,
                state=domain.NEW,
                response_due=deadlines.response_due,
                resolve_due=resolve_due,
                answer_due=deadlines.answer_due,
                created_by=actor_id,
                updated_at=self.now,
                **v,
            )
            case.room = room  # the instance, so room_label needs no query
            cases.append(case)
            text = self.service.received_text(case, by_owner, resolve_due)
            events[id(case)] = [_event(received, domain.EV_RECEIVED, text, actor_id, who)]
            if deadlines.major_report_due is not None:
                majors.append((case, deadlines.major_report_due))
        insert_audited(Case, cases)
        numbers.save()
        for case, item in zip(cases, items, strict=True):
            item.case_id = case.id
        insert_audited(MajorReport, [MajorReport(case=c.id, due=due, content=c.account) for c, due in majors])
        insert_audited(
            Visit,
            [self._done_visit(c, i.done_visit) for c, i in zip(cases, items, strict=True) if i.done_visit],
        )
        # 办结, as `resolve` writes it.
        resolved = [(c, i) for c, i in zip(cases, items, strict=True) if i.resolved_at is not None]
        changes: list[dict[str, Any]] = []
        for case, item in resolved:
            assert item.resolved_at is not None
            before = dict(case.__data__)
            case.state = case_states.next_state(case.state, case_states.RESOLVE)
            case.result = clean_text(item.result)
            case.resolved_at = item.resolved_at
            changes += modified_entries(case, before)
            events[id(case)].append(_event(item.resolved_at, domain.EV_RESOLVED, case.result, actor_id, who))
        update_rows(
            Case,
            [c for c, _ in resolved],
            ["state", "result", "resolved_at", "updated_at"],
        )
        write_audit(changes)
        # The timeline so far, before the visit planner reads it (who resolved the case).
        insert_rows(CaseEvent, [dict(line, case=c.id) for c in cases for line in events[id(c)]])
        for case, item in resolved:
            if item.plan_visit:
                for listener in self.service.resolved_listeners:
                    listener(case, self.actor)
        # 关闭, as `close` writes it.
        closing = [c for c, i in resolved if i.closed]
        changes = []
        closed_lines = []
        for case in closing:
            before = dict(case.__data__)
            case.state = case_states.next_state(case.state, case_states.CLOSE)
            case.closed_at = self.now
            changes += modified_entries(case, before)
            line = _event(self.now, domain.EV_CLOSED, "已关闭", actor_id, who)
            events[id(case)].append(line)
            closed_lines.append(dict(line, case=case.id))
        update_rows(Case, closing, ["state", "closed_at", "updated_at"])
        write_audit(changes)
        insert_rows(CaseEvent, closed_lines)
        search.index_many(
            db.obj,
            [(c.id, self.service.search_texts(c, [e["text"] for e in events[id(c)]])) for c in cases],
        )
        return [c.id for c in cases]

    def _rooms(self, items: Sequence[NewCase]) -> dict[tuple[str, str, str], Room]:
        """Every room the items name, made (and audited) when new, as `create` makes it."""
        wanted = {i.checked.room_parts for i in items if i.checked.room_parts is not None}
        found: dict[tuple[str, str, str], Room] = {}
        for chunk in pw.chunked(sorted(wanted), _CHUNK // 3):
            values = pw.SQL(
                f"(VALUES {', '.join(['(?, ?, ?)'] * len(chunk))})", [p for parts in chunk for p in parts]
            )
            for room in Room.select().where(pw.Tuple(Room.building, Room.unit, Room.number).in_(values)):
                found[(room.building, room.unit, room.number)] = room
        new = [Room(building=p[0], unit=p[1], number=p[2]) for p in sorted(wanted - set(found))]
        insert_audited(Room, new)
        found.update({(r.building, r.unit, r.number): r for r in new})
        return found

    def _done_visit(self, case: Case, done: DoneVisit | None) -> Visit:
        assert done is not None
        return Visit(
            case=case.id, room=case.room_id, attempt=1, due=done.done_at.date(), visitor=done.visitor,
            visitor_name=done.visitor_name, reason=done.reason, state=domain.VISIT_DONE, method=done.method,
            done_at=done.done_at, satisfaction=done.satisfaction, opinion=done.opinion, created_at=self.now,
        )  # fmt: skip


def _event(at: dt.datetime, kind: str, text: str, actor_id: int | None, who: str) -> dict[str, Any]:
    return {"at": at, "kind": kind, "text": text, "actor": actor_id, "actor_name": who}


class _Owners:
    """`CaseService._owner_for` for a whole batch: by phone first, then by name in the room."""

    def __init__(self, items: Sequence[NewCase], rooms: dict[tuple[str, str, str], Room]) -> None:
        phones = sorted({str(i.checked.values.get("customer_phone") or "") for i in items} - {""})
        self.by_phone: dict[str, int] = {}
        for chunk in pw.chunked(phones, _CHUNK):
            query = Owner.select(Owner.phone, Owner.id).where(Owner.phone.in_(chunk), Owner.active == True)  # noqa: E712
            for phone, owner_id in tuple_rows(query.order_by(Owner.id)):
                self.by_phone.setdefault(phone, owner_id)
        room_ids = sorted({r.id for r in rooms.values()})
        self.by_name: dict[tuple[int, str], int] = {}
        for ids in pw.chunked(room_ids, _CHUNK):
            query = Owner.select(Owner.room, Owner.name, Owner.id).where(Owner.room.in_(ids))
            for room_id, name, owner_id in tuple_rows(query.order_by(Owner.id)):
                self.by_name.setdefault((room_id, name), owner_id)

    def find(self, room: Room | None, name: str, phone: str) -> int | None:
        if phone and phone in self.by_phone:
            return self.by_phone[phone]
        if room is not None and name:
            return self.by_name.get((room.id, name))
        return None


class _Numbers:
    """`next_number("case-<year>")` for a whole batch: read once, written once."""

    def __init__(self) -> None:
        self.values: dict[int, int] = {}

    def _load(self, year: int) -> None:
        if year not in self.values:
            row = Counter.get_or_none(Counter.name == f"case-{year}")
            self.values[year] = int(row.value) if row else 0

    def next(self, year: int) -> int:
        self._load(year)
        self.values[year] += 1
        return self.values[year]

    def keep(self, year: int, number: str) -> None:
        """A case number brought in as it was: the year's counter goes past it."""
        found = re.fullmatch(rf".*-{year}-(\d+)", number)
        if found:
            self._load(year)
            self.values[year] = max(self.values[year], int(found.group(1)))

    def save(self) -> None:
        for year, value in self.values.items():
            Counter.insert(name=f"case-{year}", value=value).on_conflict(
                conflict_target=[Counter.name], update={Counter.value: value}
            ).execute()
