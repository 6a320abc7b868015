"""A realistic data folder at a given scale: ten years of an estate's cases, visits and forms.

Deterministic from a seed (and the day it is built for, since deadlines run against today).
Rows are computed in Python and written in large batches inside one transaction with
`executemany` (as `app.bulk` does for the ledger import) but, unlike it, with no audit
entries: the audited `save()` is bypassed on purpose; the search index is filled with
`app.search.index_many` and the counters (`Sequence`) are set at the end so the services
hand out the next numbers.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
import random
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import peewee as pw

from app import domain, models, search
from app.clock import FixedClock
from app.demo.calls import subcategory_of
from app.demo.complaints import COMPLAINTS
from app.demo.people import (
    FEMALE_GIVEN,
    MALE_GIVEN,
    MOBILE_PREFIXES,
    PLATE_LETTERS,
    REGIONS,
    SURNAMES,
    id_check_digit,
)
from app.demo.scenarios import MAJOR_SCENARIOS, OTHERS, REPAIRS, Scenario
from app.demo.wording import (
    CHANNEL_WEIGHTS,
    CLOSE_NOTES,
    EXTENSION_REASONS,
    HOURS,
    KIND_WEIGHTS,
    RESPONSES,
    SEASON,
    VISIT_FINDINGS,
    VISIT_OPINIONS,
    VOID_REASONS,
)
from app.models import (
    Case,
    CaseEvent,
    Dispatch,
    Extension,
    FormSheet,
    MajorReport,
    Owner,
    ReworkNotice,
    Room,
    Signature,
    Staff,
    Visit,
    VisitDecision,
    db,
)
from app.office import Office
from app.signatures import canonical_strokes, demo_strokes, render_png, seal_unsealed
from app.workdays import WorkCalendar

OFFICE_NAME = "阳光花园物业服务中心"
ADMIN = "admin"
ADMIN_PASSWORD = "bench-admin-1"
YEARS = 10
FLOORS = 18
PER_FLOOR = 4
UNITS = 2
SATISFACTION_WEIGHTS = {"很满意": 40, "满意": 45, "一般": 10, "不满意": 4, "很不满意": 1}
PERIODIC = ["季度巡访", "年度走访", "入伙回访", "节日回访"]
BATCH = 20_000


@dataclass(frozen=True)
class Scale:
    """How big the estate is for `cases` cases (the issue's defaults at 200,000)."""

    cases: int
    rooms: int
    visits: int
    forms: int

    @classmethod
    def for_cases(cls, cases: int) -> Scale:
        return cls(
            cases=cases,
            rooms=max(300, round(cases / 20)),
            visits=round(cases * 0.6),
            forms=max(20, round(cases / 100)),
        )


@dataclass
class Built:
    path: Path
    now: dt.datetime
    seconds: float
    counts: dict[str, int]


def _ts(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat(" ")


def _day(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _insert(model: type[pw.Model], columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Bulk INSERT of ready database values, in batches, on the open transaction. A NOT NULL
    field the generator does not fill (one added to the program since) gets its default."""
    fields = model._meta.fields
    extra = [
        f for f in model._meta.sorted_fields
        if f.name not in columns and not f.null and not f.primary_key and f.default is not None
        and not callable(f.default)
    ]  # fmt: skip
    defaults = tuple(f.db_value(f.default) for f in extra)
    cols = ", ".join(f'"{fields[c].column_name}"' for c in columns) + "".join(
        f', "{f.column_name}"' for f in extra
    )
    marks = ", ".join("?" for _ in range(len(columns) + len(extra)))
    sql = f'INSERT INTO "{model._meta.table_name}" ({cols}) VALUES ({marks})'
    cursor = db.connection().cursor()
    total = 0
    iterator = iter(rows)
    while chunk := [tuple(row) + defaults for row in itertools.islice(iterator, BATCH)]:
        cursor.executemany(sql, chunk)
        total += len(chunk)
    return total


class _Weighted:
    """rng.choices with the cumulative weights computed once."""

    def __init__(self, items: Sequence[Any], weights: Sequence[float]) -> None:
        self.items = list(items)
        self.cum = list(itertools.accumulate(weights))
        self.total = self.cum[-1]

    def pick(self, rng: random.Random) -> Any:
        return self.items[bisect.bisect(self.cum, rng.random() * self.total)]


def build(path: Path, cases: int = 200_000, seed: int = 2026, now: dt.datetime | None = None) -> Built:
    """Write a new data folder at `path` (which must not hold a database yet)."""
    started = time.perf_counter()
    now = (now or dt.datetime.now()).replace(second=0, microsecond=0)
    scale = Scale.for_cases(cases)
    rng = random.Random(seed)
    office = Office.open(path, FixedClock(now))
    try:
        office.initialise(OFFICE_NAME, ADMIN, ADMIN_PASSWORD, "系统管理员")
        with db.atomic():
            gen = _Generator(office, rng, scale, now)
            gen.run()
        counts = {
            m.__name__: m.select().count()
            for m in (
                Room,
                Owner,
                Case,
                CaseEvent,
                Dispatch,
                Visit,
                Signature,
                FormSheet,
                VisitDecision,
                Extension,
            )
        }
        db.execute_sql("ANALYZE")
    finally:
        office.close()
    return Built(path, now, time.perf_counter() - started, counts)


class _Generator:
    def __init__(self, office: Office, rng: random.Random, scale: Scale, now: dt.datetime) -> None:
        self.office = office
        self.rng = rng
        self.scale = scale
        self.now = now
        self.start = now - dt.timedelta(days=round(365.25 * YEARS))
        self.policy = office.policies.load()
        self.calendar = WorkCalendar.from_database()
        self.visit_rules = self.policy.visits.rules
        self.sequences: Counter[str] = Counter()

    # People and rooms ----------------------------------------------------------------------
    def _name(self) -> str:
        rng = self.rng
        return rng.choice(SURNAMES) + rng.choice(FEMALE_GIVEN if rng.random() < 0.5 else MALE_GIVEN)

    def _phone(self, i: int) -> str:
        # Unique for every i below 10**8: 7919 is prime to 10**8.
        return MOBILE_PREFIXES[i % len(MOBILE_PREFIXES)] + f"{(i * 7919 + 12345) % 10**8:08d}"

    def _id_number(self) -> str:
        rng = self.rng
        birth = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(19000))
        first17 = f"{rng.choice(REGIONS)}{birth:%Y%m%d}{rng.randrange(1000):03d}"
        return first17 + id_check_digit(first17)

    def staff(self) -> None:
        service = self.office.staff
        departments = {d.name: d for d in service.departments(include_inactive=True)}
        self.departments = {name: d.id for name, d in departments.items()}
        n_buildings = len(self.buildings)
        n_stewards = max(2, math.ceil(n_buildings / 6))
        self.stewards: dict[str, Staff] = {}
        phone = itertools.count(90_000_000)
        for i in range(n_stewards):
            share = self.buildings[i::n_stewards]
            person = service.save_staff(
                name=self._name(),
                role="steward",
                department=departments["客服部"],
                phone=self._phone(next(phone)),
                buildings=",".join(share),
            )
            for b in share:
                self.stewards[b] = person
        self.clerks = [
            service.save_staff(
                name=self._name(),
                role="clerk",
                department=departments["客服部"],
                phone=self._phone(next(phone)),
            )
            for _ in range(4)
        ]
        self.by_role: dict[str, Staff] = {}
        for role in ("cs_director", "office_manager", "general_manager"):
            self.by_role[role] = service.save_staff(
                name=self._name(), role=role, phone=self._phone(next(phone))
            )
        self.workers: dict[str, list[Staff]] = {}
        for dep, count in (("工程维修部", 6), ("保洁部", 3), ("秩序维护部", 4), ("绿化部", 2)):
            self.workers[dep] = [
                service.save_staff(
                    name=self._name(),
                    role="department",
                    department=departments[dep],
                    phone=self._phone(next(phone)),
                )
                for _ in range(count)
            ]
        self.workers["客服部"] = self.clerks

    def rooms_and_owners(self) -> None:
        n = self.scale.rooms
        per_building = UNITS * FLOORS * PER_FLOOR
        self.buildings = [str(b) for b in range(1, math.ceil(n / per_building) + 1)]
        rooms: list[tuple[str, str, str]] = []
        for b in self.buildings:
            for u in range(1, UNITS + 1):
                for floor in range(1, FLOORS + 1):
                    for pos in range(1, PER_FLOOR + 1):
                        rooms.append((b, str(u), f"{floor}{pos:02d}"))
        rooms = rooms[:n]
        base = int(Room.select(pw.fn.MAX(Room.id)).scalar() or 0)
        _insert(Room, ["id", "building", "unit", "number"], ((base + i + 1, *r) for i, r in enumerate(rooms)))
        self.rooms = [(base + i + 1, r) for i, r in enumerate(rooms)]
        self.room_label = {rid: "-".join(r) for rid, r in self.rooms}
        owners = []
        self.owner_of: dict[int, tuple[int, str, str]] = {}
        for i, (rid, _r) in enumerate(self.rooms):
            name = self._name()
            phone = self._phone(i)
            kind = "租户" if self.rng.random() < 0.1 else "业主"
            move_in = self.start.date() + dt.timedelta(days=self.rng.randrange(3650))
            owners.append((i + 1, rid, name, phone, self._id_number(), kind, _day(move_in), "", 1))
            self.owner_of[rid] = (i + 1, name, phone)
        _insert(
            Owner,
            ["id", "room", "name", "phone", "id_number", "occupant_type", "move_in", "note", "active"],
            owners,
        )

    # Cases ---------------------------------------------------------------------------------
    def _scenarios(self) -> dict[str, _Weighted]:
        by_kind: dict[str, list[Scenario]] = {}
        for s in REPAIRS + COMPLAINTS + OTHERS:
            by_kind.setdefault(s.kind, []).append(s)
        return {k: _Weighted(v, [s.weight for s in v]) for k, v in by_kind.items()}

    def _arrivals(self) -> list[dt.datetime]:
        days = (self.now.date() - self.start.date()).days
        dates = [self.start.date() + dt.timedelta(days=d) for d in range(days + 1)]
        day_pick = _Weighted(dates, [SEASON[d.month] * (0.75 if d.weekday() >= 5 else 1) for d in dates])
        hour_pick = _Weighted(range(24), HOURS)
        out = []
        rng = self.rng
        for _ in range(self.scale.cases):
            day = day_pick.pick(rng)
            at = dt.datetime.combine(day, dt.time(hour_pick.pick(rng), rng.randrange(60)))
            if at > self.now:
                at = self.now - dt.timedelta(minutes=rng.randrange(1, 600))
            out.append(at)
        out.sort()
        return out

    def _texts(self, s: Scenario, room: tuple[str, str, str]) -> dict[str, str]:
        rng = self.rng
        b, u, number = room
        floor, pos = int(number[:-2]), number[-2:]
        staff = rng.choice(self.workers.get(s.department) or self.clerks).name
        values = {
            "b": b,
            "u": u,
            "f": str(floor),
            "f2": str(min(floor + 1, FLOORS)),
            "up": f"{floor + 1}{pos}" if floor < FLOORS else "住户",
            "plate": f"粤A{rng.choice(PLATE_LETTERS)}{rng.randrange(1000, 9999)}{rng.choice(PLATE_LETTERS)}",
            "staff": staff,
        }
        i = rng.randrange(len(s.accounts))
        result = s.results[i] if i < len(s.results) else rng.choice(s.results)
        return {
            "account": s.accounts[i].format(**values),
            "request": rng.choice(s.requests).format(**values),
            "result": result.format(**values),
            "party": (rng.choice(s.parties) if s.parties else "").format(**values),
            "place": s.place.format(**values),
        }

    def _number(self, name: str, year: int) -> int:
        key = f"{name}-{year}"
        self.sequences[key] += 1
        return self.sequences[key]

    def cases(self) -> None:
        rng = self.rng
        now = self.now
        scenarios = self._scenarios()
        kinds = _Weighted(list(KIND_WEIGHTS), list(KIND_WEIGHTS.values()))
        channels = _Weighted(list(CHANNEL_WEIGHTS), list(CHANNEL_WEIGHTS.values()))
        validity_names = domain.VALIDITIES
        admin_id = Staff.get(Staff.username == ADMIN).id
        case_cols = [
            "id",
            "number",
            "ref",
            "received_at",
            "channel",
            "anonymous",
            "room",
            "owner",
            "customer_name",
            "customer_phone",
            "kind",
            "validity",
            "severity",
            "category",
            "subcategory",  # H25: 细类 by a word of the account, as the demo does
            "urgency",
            "event_time",
            "event_place",
            "party",
            "account",
            "request",
            "department",
            "state",
            "response_due",
            "resolve_due",
            "answer_due",
            "first_response_at",
            "resolved_at",
            "result",
            "closed_at",
            "merged_into",
            "void_reason",
            "created_by",
            "typical",
            "typical_note",
            "updated_at",
            "written_reply_only",
            "reply_letter_name",
            "contain_needed",  # H21: 先行处置 (none in the bench's cases)
            "contained_by",
            "containment",
            "large_loss",  # H24: 业主损失较大 (none in the bench's cases)
        ]
        case_rows: list[tuple[Any, ...]] = []
        events: list[tuple[Any, ...]] = []
        dispatches: list[tuple[Any, ...]] = []
        extensions: list[tuple[Any, ...]] = []
        reports: list[tuple[Any, ...]] = []
        index: list[tuple[int, list[str]]] = []
        self.resolved: list[tuple[int, str, str, str, int | None, dt.datetime, str, bool]] = []
        last_by_room: dict[int, int] = {}
        base = int(Case.select(pw.fn.MAX(Case.id)).scalar() or 0)
        stuck_rate = 0.003  # old cases forgotten open: the overdue list of a real office

        def event(case_id: int, at: dt.datetime, kind: str, text: str, who: Staff | None) -> None:
            events.append(
                (case_id, _ts(at), kind, text, who.id if who else admin_id, who.name if who else "系统管理员")
            )

        for n, received in enumerate(self._arrivals(), start=1):
            case_id = base + n
            kind = kinds.pick(rng)
            if kind == "投诉" and rng.random() < 0.015:
                s = rng.choice(MAJOR_SCENARIOS)
                severity = "重大"
            else:
                s = scenarios[kind].pick(rng)
                severity = "轻微" if rng.random() < s.severity[0] else "重要"
            anonymous = rng.random() < 0.02
            rid, room = self.rooms[rng.randrange(len(self.rooms))]
            owner_id, name, phone = self.owner_of[rid]
            texts = self._texts(s, room)
            clerk = self.clerks[n % len(self.clerks)]
            channel = channels.pick(rng)
            urgency = rng.choices(domain.URGENCIES, weights=s.urgency)[0]
            validity = rng.choices(validity_names, weights=s.validity)[0] if kind == "投诉" else None
            deadlines = self.policy.deadlines(received, kind, severity, self.calendar)
            resolve_due = deadlines.resolve_due
            prefix = self.policy.case_prefix_for(kind)
            number = f"{prefix}-{received.year}-{self._number('case', received.year):05d}"
            # How long handling takes: most within the limit, about one in eight late.
            hours = rng.lognormvariate(math.log(18 if severity != "重大" else 90), 0.9)
            resolved_at: dt.datetime | None = (received + dt.timedelta(hours=hours)).replace(second=0)
            age = now - received
            if age > dt.timedelta(days=45) and rng.random() < stuck_rate:
                resolved_at = None
            if resolved_at is not None and resolved_at > now:
                resolved_at = None
            first_response = received + dt.timedelta(hours=min(hours, rng.uniform(0.2, 6)))
            first_response = first_response.replace(second=0, microsecond=0)
            if first_response > now:
                first_response = None
            state = domain.NEW
            closed_at = None
            merged_into = None
            void_reason = ""
            result = ""
            department = self.departments.get(s.department)
            roll = rng.random()
            if resolved_at is not None and roll < 0.012 and rid in last_by_room:
                state, merged_into, resolved_at = domain.MERGED, last_by_room[rid], None
            elif resolved_at is not None and roll < 0.017:
                state, void_reason, resolved_at = domain.VOID, rng.choice(VOID_REASONS), None
            elif resolved_at is not None:
                result = texts["result"]
                close_at = resolved_at + dt.timedelta(hours=rng.uniform(2, 72))
                state = domain.CLOSED if close_at <= now and rng.random() < 0.95 else domain.RESOLVED
                closed_at = close_at.replace(second=0, microsecond=0) if state == domain.CLOSED else None
            event(case_id, received, domain.EV_RECEIVED, f"{channel}受理:{kind}·{severity}", clerk)
            if first_response is not None:
                event(
                    case_id,
                    first_response,
                    domain.EV_RESPONSE,
                    rng.choice(RESPONSES).format(dept=s.department, day="明天"),
                    clerk,
                )
            # Dispatch: sent to the department, signed for.
            if s.dispatch and department is not None and state != domain.VOID:
                dispatched = received + dt.timedelta(minutes=rng.randrange(5, 90))
                if dispatched <= now and not (
                    resolved_at is None and state == domain.NEW and age < dt.timedelta(hours=2)
                ):
                    slip_no = f"PG-{dispatched.year}-{self._number('dispatch', dispatched.year):05d}"
                    assignee = rng.choice(self.workers.get(s.department) or self.clerks)
                    signed = dispatched + dt.timedelta(minutes=rng.randrange(5, 120))
                    signed_ok = signed <= now and rng.random() < 0.9 or resolved_at is not None
                    dispatches.append(
                        (
                            case_id,
                            slip_no,
                            department,
                            assignee.id,
                            "",
                            _ts(dispatched),
                            _ts(resolve_due),
                            _ts(signed) if signed_ok else None,
                            assignee.name if signed_ok else "",
                            _ts(resolved_at),
                            result,
                        )
                    )
                    event(
                        case_id,
                        dispatched,
                        domain.EV_DISPATCH,
                        f"派往{s.department}({assignee.name}),联系单 {slip_no}。",
                        clerk,
                    )
                    if signed_ok:
                        event(
                            case_id,
                            signed,
                            domain.EV_SIGNED,
                            f"{s.department} {assignee.name} 签收联系单 {slip_no}",
                            assignee,
                        )
                    if state == domain.NEW:
                        state = domain.IN_PROGRESS if signed_ok else domain.DISPATCHED
            # Late cases: some had their deadline extended, with approval.
            late_at = resolved_at or now
            if late_at > resolve_due and rng.random() < 0.3 and state not in (domain.MERGED, domain.VOID):
                new_due = late_at + dt.timedelta(days=rng.randrange(1, 5))
                approver = self.by_role["office_manager" if severity == "轻微" else "general_manager"]
                extensions.append(
                    (
                        case_id,
                        _ts(resolve_due),
                        _ts(new_due),
                        rng.choice(EXTENSION_REASONS),
                        approver.name,
                        approver.role,
                        domain.CONFIRMED_BY_LOGIN,  # the approver logged in (H21)
                        _ts(received + (late_at - received) / 2),
                    )
                )
                resolve_due = new_due
            if resolved_at is not None:
                event(case_id, resolved_at, domain.EV_RESOLVED, result, clerk)
            if closed_at is not None:
                event(case_id, closed_at, domain.EV_CLOSED, rng.choice(CLOSE_NOTES), clerk)
            if state == domain.VOID:
                event(case_id, received + dt.timedelta(hours=1), domain.EV_VOID, void_reason, clerk)
            if deadlines.major_report_due is not None:
                done = deadlines.major_report_due < now
                reports.append(
                    (
                        case_id,
                        _ts(deadlines.major_report_due),
                        texts["account"],
                        "业主长期反映未果" if done else "",
                        "已组织专题处理" if done else "",
                        result if done else "",
                        "加强巡查" if done else "",
                        "建立定期检查制度" if done else "",
                        _ts(deadlines.major_report_due - dt.timedelta(hours=3)) if done else None,
                        self.by_role["office_manager"].name if done else "",
                        _ts(received),
                        "",
                        "",  # answered_by
                        "",  # answer_method
                        "",  # answer_text
                    )
                )
            customer, cphone = ("", "") if anonymous else (name, phone)
            updated = closed_at or resolved_at or received
            case_rows.append(
                (
                    case_id,
                    number,
                    None,
                    _ts(received),
                    channel,
                    int(anonymous),
                    None if anonymous else rid,
                    None if anonymous else owner_id,
                    customer,
                    cphone,
                    kind,
                    validity,
                    severity,
                    s.category,
                    subcategory_of(s.category, texts["account"]),
                    urgency,
                    None,
                    texts["place"],
                    texts["party"],
                    texts["account"],
                    texts["request"],
                    department,
                    state,
                    _ts(deadlines.response_due),
                    _ts(resolve_due),
                    _ts(deadlines.answer_due),
                    _ts(first_response),
                    _ts(resolved_at),
                    result,
                    _ts(closed_at),
                    merged_into,
                    void_reason,
                    clerk.id,
                    int(rng.random() < 0.0005),
                    "",
                    _ts(updated),
                    0,  # written_reply_only
                    "",  # reply_letter_name
                    0,  # contain_needed
                    "",  # contained_by
                    "",  # containment
                    0,  # large_loss
                )
            )
            if not anonymous:
                last_by_room[rid] = case_id
            index.append(
                (
                    case_id,
                    [
                        number,
                        "",
                        "" if anonymous else self.room_label[rid],
                        customer,
                        cphone,
                        kind,
                        s.category,
                        subcategory_of(s.category, texts["account"]),
                        texts["party"],
                        texts["place"],
                        texts["account"],
                        texts["request"],
                        result,
                    ],
                )
            )
            if resolved_at is not None and state in domain.DONE_STATES:
                self.resolved.append(
                    (
                        case_id,
                        number,
                        kind,
                        severity,
                        None if anonymous else rid,
                        resolved_at,
                        s.category,
                        anonymous,
                    )
                )
            if len(case_rows) >= BATCH:
                self._flush_cases(case_cols, case_rows, events, index)
        self._flush_cases(case_cols, case_rows, events, index)
        _insert(
            Dispatch,
            [
                "case",
                "number",
                "department",
                "assignee",
                "instructions",
                "dispatched_at",
                "due",
                "signed_at",
                "signed_by",
                "finished_at",
                "outcome",
            ],
            dispatches,
        )
        _insert(
            Extension,
            ["case", "old_due", "new_due", "reason", "approver", "approver_role", "confirmed", "at"],
            extensions,
        )
        _insert(
            MajorReport,
            [
                "case",
                "due",
                "content",
                "cause",
                "handling",
                "result",
                "lessons",
                "corrective",
                "submitted_at",
                "submitted_by",
                "raised_at",
                "cancel_reason",
                "answered_by",
                "answer_method",
                "answer_text",
            ],
            reports,
        )

    def _flush_cases(
        self,
        cols: list[str],
        rows: list[tuple[Any, ...]],
        events: list[tuple[Any, ...]],
        index: list[tuple[int, list[str]]],
    ) -> None:
        _insert(Case, cols, rows)
        _insert(CaseEvent, ["case", "at", "kind", "text", "actor", "actor_name"], events)
        search.index_many(db.obj, index)
        rows.clear()
        events.clear()
        index.clear()

    # Visits, signatures, forms ---------------------------------------------------------------
    def visits(self) -> None:
        rng = self.rng
        now = self.now
        today = now.date()
        sat_pick = _Weighted(list(SATISFACTION_WEIGHTS), list(SATISFACTION_WEIGHTS.values()))
        strokes_pool = [canonical_strokes(demo_strokes(seed=i)) for i in range(24)]
        self.png = render_png(demo_strokes(seed=0), 600, 200)
        visit_cols = [
            "id",
            "case",
            "room",
            "purpose",
            "attempt",
            "due",
            "role",
            "visitor",
            "visitor_name",
            "reason",
            "state",
            "method",
            "appointment",
            "met_person",
            "done_at",
            "satisfaction",
            "findings",
            "shortcomings",
            "opinion",
            "site_checked",
            "worker_conduct",
            "charges_checked",
            "form_no",
            "created_at",
            "updated_at",
        ]
        visits: list[tuple[Any, ...]] = []
        signatures: list[tuple[Any, ...]] = []
        decisions: list[tuple[Any, ...]] = []
        notices: list[tuple[Any, ...]] = []
        self.onsite: list[tuple[int, str, str, dt.datetime]] = []  # (visit, item, visitor, done)
        visit_id = itertools.count(int(Visit.select(pw.fn.MAX(Visit.id)).scalar() or 0) + 1)
        director = self.by_role["cs_director"]
        manager = self.by_role["office_manager"]

        def add_visit(
            case_id: int | None,
            number: str | None,
            rid: int | None,
            purpose: str,
            due: dt.date,
            role: str,
            visitor: Staff | None,
            reason: str,
            kind: str,
            created: dt.datetime,
            earliest: dt.datetime,
        ) -> None:
            vid = next(visit_id)
            state = domain.VISIT_PLANNED
            method, done_at, satisfaction, findings, opinion, met = "", None, None, "", "", ""
            site = charges = None
            conduct = ""
            done_at_candidate = (
                dt.datetime.combine(due, dt.time(9))
                - dt.timedelta(hours=rng.randrange(0, 24 * 3))
                + dt.timedelta(minutes=rng.randrange(0, 480))
            )
            done_at_candidate = max(done_at_candidate, earliest + dt.timedelta(hours=1))
            if done_at_candidate <= now and (due < today - dt.timedelta(days=2) or rng.random() < 0.7):
                roll = rng.random()
                done_at = done_at_candidate
                if roll < 0.04:
                    state = domain.VISIT_UNREACHABLE
                elif roll < 0.05:
                    state = domain.VISIT_REFUSED
                else:
                    state = domain.VISIT_DONE
                    method = "上门" if rng.random() < 0.35 else "电话"
                    satisfaction = sat_pick.pick(rng)
                    findings = rng.choice(VISIT_FINDINGS[satisfaction])
                    opinion = rng.choice(VISIT_OPINIONS)
                    met = "业主本人"
                    if kind == "报修":
                        site, charges, conduct = method == "上门", True, "准时到场,态度好"
            name = visitor.name if visitor else ""
            visits.append(
                (
                    vid,
                    case_id,
                    rid,
                    purpose,
                    1,
                    _day(due),
                    role,
                    visitor.id if visitor else None,
                    name,
                    reason[:200],
                    state,
                    method,
                    None,
                    met,
                    _ts(done_at),
                    satisfaction,
                    findings,
                    "",
                    opinion,
                    site,
                    conduct,
                    charges,
                    None,
                    _ts(created),
                    _ts(done_at or created),
                )
            )
            if state == domain.VISIT_DONE and method == "上门" and done_at is not None:
                customer = self.owner_of[rid][1] if rid else "业主"
                for signer, signer_name, relation in (
                    ("customer", customer, "业主本人"),
                    ("visitor", name, ""),
                ):
                    strokes = strokes_pool[(vid * 7 + len(signer)) % len(strokes_pool)]
                    signatures.append(
                        (
                            vid,
                            signer,
                            signer_name,
                            relation,
                            strokes,
                            600,
                            200,
                            self.png,
                            _ts(done_at),
                            "",  # sealed at the end, once the visit's case and forms are written
                        )
                    )
                self.onsite.append((vid, f"{number} {kind}" if number else purpose, name, done_at))
            if satisfaction in ("不满意", "很不满意") and case_id is not None and done_at is not None:
                notices.append(
                    (
                        case_id,
                        vid,
                        None,
                        f"业主对{number}的处理{satisfaction}:{opinion or '见回访记录'}。请返工处理。",
                        _ts(done_at),
                        _ts(done_at + dt.timedelta(hours=24)),
                        _ts(done_at + dt.timedelta(hours=rng.randrange(1, 20))),
                        "维修班长",
                    )
                )
            if len(visits) >= BATCH:
                self._flush_visits(visit_cols, visits, signatures)

        case_visits = 0
        for case_id, number, kind, severity, rid, resolved_at, _category, anonymous in self.resolved:
            rule = self.visit_rules.get(kind)
            rate = rule.rate if rule is not None else 0.0
            quarter = f"{resolved_at.year}-Q{(resolved_at.month - 1) // 3 + 1}"
            selected = not anonymous and rng.random() < rate
            decisions.append(
                (
                    case_id,
                    kind,
                    quarter,
                    int(selected),
                    f"{quarter} {kind},按{rate:.0%}抽样{'抽中' if selected else '未抽中'}"
                    if not anonymous
                    else "匿名案件不回访,处理情况附于案件",
                    0,
                    "系统",
                    _ts(resolved_at),
                )
            )
            if not selected or rule is None:
                continue
            role = rule.role_for(severity)
            building = self.room_label[rid].split("-")[0] if rid else ""
            visitor = (
                self.stewards.get(building)
                if role == "steward"
                else (director if role == "cs_director" else manager)
            )
            due = (resolved_at + dt.timedelta(days=rule.days)).date()
            add_visit(
                case_id,
                number,
                rid,
                "",
                due,
                role,
                visitor,
                f"{kind}·{severity} → {domain.ROLES.get(role, role)},{rule.days}天内",
                kind,
                resolved_at,
                resolved_at,
            )
            case_visits += 1
        # Periodic rounds (季度巡访, 年度走访 …) make up the rest of the visits.
        periodic = max(0, self.scale.visits - case_visits)
        span = (now - self.start).days
        for i in range(periodic):
            rid, room = self.rooms[rng.randrange(len(self.rooms))]
            created = self.start + dt.timedelta(days=span * i / max(1, periodic), hours=rng.randrange(8))
            due = (created + dt.timedelta(days=rng.randrange(3, 20))).date()
            purpose = PERIODIC[i % len(PERIODIC)]
            add_visit(
                None,
                None,
                rid,
                purpose,
                due,
                "steward",
                self.stewards.get(room[0]),
                f"{purpose}:{purpose}",
                "",
                created,
                created,
            )
        self._flush_visits(visit_cols, visits, signatures)
        _insert(
            VisitDecision,
            ["case", "kind", "quarter", "selected", "reason", "by_hand", "decided_by", "decided_at"],
            decisions,
        )
        _insert(
            ReworkNotice,
            ["case", "visit", "department", "text", "issued_at", "due", "delivered_at", "delivered_to"],
            notices,
        )

    def _flush_visits(
        self, cols: list[str], visits: list[tuple[Any, ...]], signatures: list[tuple[Any, ...]]
    ) -> None:
        _insert(Visit, cols, visits)
        _insert(
            Signature,
            [
                "visit",
                "signer",
                "signer_name",
                "relation",
                "strokes",
                "pad_width",
                "pad_height",
                "png",
                "signed_at",
                "sha256",
            ],
            signatures,
        )
        visits.clear()
        signatures.clear()

    def forms(self) -> None:
        """Numbered 回访记录表: most returned against an on-site visit, some out, a few voided."""
        rng = self.rng
        n = self.scale.forms
        chosen = self.onsite[-n:] if len(self.onsite) >= n else self.onsite
        rows = []
        linked: list[tuple[str, int]] = []
        for i in range(n):
            if i < len(chosen) and rng.random() < 0.9:
                vid, item, visitor, done = chosen[i]
                printed = done - dt.timedelta(days=rng.randrange(1, 5))
                state = "已交回" if done + dt.timedelta(days=2) < self.now else "已领用"
            else:
                vid, item, visitor = None, "", ""
                printed = self.now - dt.timedelta(days=rng.randrange(1, 400))
                done = printed
                state = "已作废" if rng.random() < 0.3 else "已打印"
            number = f"HF-{printed.year}-{self._number('form', printed.year):06d}"
            rows.append(
                (
                    number,
                    vid,
                    state,
                    _ts(printed),
                    "系统管理员",
                    None,
                    visitor if state != "已打印" else "",
                    _ts(printed + dt.timedelta(hours=2)) if state in ("已领用", "已交回") else None,
                    item[:100],
                    1,
                    _ts(done + dt.timedelta(days=1)) if state == "已交回" else None,
                    "客服主任" if state == "已交回" else "",
                    "打印错误" if state == "已作废" else "",
                    "",
                    "",
                )
            )
            if vid is not None and state == "已交回":
                linked.append((number, vid))
        # Numbers in printing order, as the ledger hands them out.
        _insert(
            FormSheet,
            [
                "number",
                "visit",
                "state",
                "printed_at",
                "printed_by",
                "taken_by",
                "taken_by_name",
                "taken_at",
                "visit_item",
                "visit_count",
                "returned_at",
                "checked_by",
                "void_reason",
                "remarks",
                "scan_name",
            ],
            rows,
        )
        db.connection().cursor().executemany('UPDATE "visit" SET "form_no" = ? WHERE "id" = ?', linked)

    def counters(self) -> None:
        for name, value in sorted(self.sequences.items()):
            models.Sequence.insert(name=name, value=value).on_conflict(
                conflict_target=[models.Sequence.name], update={models.Sequence.value: value}
            ).execute()

    def run(self) -> None:
        self.rooms_and_owners()
        self.staff()
        self.cases()
        self.visits()
        self.forms()
        self.counters()
        seal_unsealed()  # keyed seals over what the printed forms show (issue 13)
