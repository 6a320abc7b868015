"""The measures: each operation timed through the program's own services, and where the
issue asks for it, the plain SQL that computes the same result timed on the same file."""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from app import domain, search
from app.case_query import QUICK_FILTERS, CaseFilter
from app.cases import CaseInput
from app.db import connect_file
from app.models import Room, Signature, Staff, Visit
from app.office import Office
from app.paths import DB_FILENAME
from app.periods import Period, period_key
from app.visit_rates import visit_rate_sql

ROOT = Path(__file__).resolve().parent.parent
OPEN = tuple(domain.OPEN_STATES)
LIVE = domain.MERGED


@dataclass
class Measure:
    name: str
    value_ms: float | None = None
    target_ms: float | None = None
    floor_ms: float | None = None
    ratio: float | None = None
    target_ratio: float | None = None
    value_mb: float | None = None
    target_mb: float | None = None
    runs: int = 0
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        out = {k: v for k, v in asdict(self).items() if k not in ("value_mb", "target_mb", "note")}
        if self.value_mb is not None:
            out = {
                "name": self.name,
                "value_mb": self.value_mb,
                "target_mb": self.target_mb,
                "runs": self.runs,
            }
        if self.note:
            out["note"] = self.note
        return out

    def ok(self) -> bool | None:
        """Met every target given (None: there is no target for this figure)."""
        checks = []
        if self.value_mb is not None and self.target_mb is not None:
            checks.append(self.value_mb <= self.target_mb)
        if self.value_ms is not None and self.target_ms is not None:
            checks.append(self.value_ms <= self.target_ms)
        if self.ratio is not None and self.target_ratio is not None:
            checks.append(self.ratio <= self.target_ratio)
        return all(checks) if checks else None


def timed(fn: Callable[[], object], runs: int, warmup: int = 1) -> float:
    """The median wall time of `fn` in milliseconds, after `warmup` untimed calls."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def _ts(value: dt.datetime) -> str:
    return value.isoformat(" ")


def _param(value: Any) -> Any:
    """A parameter of a peewee query as the program stores it (dates and times as text)."""
    if isinstance(value, dt.datetime):
        return _ts(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class Floor:
    """Plain SQL on the same file (a second connection, keyed as the program's), for the floor
    figures."""

    def __init__(self, path: Path) -> None:
        self.conn = connect_file(path)
        self.conn.execute("PRAGMA cache_size = -32000")

    def run(self, queries: Sequence[tuple[str, Sequence[Any]]]) -> None:
        for sql, params in queries:
            self.conn.execute(sql, tuple(params)).fetchall()

    def time(self, queries: Sequence[tuple[str, Sequence[Any]]], runs: int) -> float:
        return timed(lambda: self.run(queries), runs)

    def close(self) -> None:
        self.conn.close()


def with_floor(
    name: str, value: float, floor: float, target_ms: float | None, target_ratio: float | None, runs: int
) -> Measure:
    ratio = round(value / floor, 2) if floor > 0 else None
    return Measure(name, round(value, 3), target_ms, round(floor, 3), ratio, target_ratio, runs=runs)


# 1 and 8: the program started as the user starts it -------------------------------------------
def cold_start(data_dir: Path, runs: int) -> tuple[Measure, Measure, Measure]:
    """Whole-process start to the main window painted, then the case list shown; peak memory."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    env.pop("HUIYIN_DATA", None)
    results = []
    for _ in range(runs + 1):  # the first run warms the OS file cache; not counted
        t0 = time.time()
        proc = subprocess.run(
            [sys.executable, "-m", "bench.coldstart", str(data_dir)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if proc.returncode != 0:
            raise RuntimeError(f"cold start failed:\n{proc.stderr[-3000:]}")
        line = [x for x in proc.stdout.splitlines() if x.startswith("{")][-1]
        info = json.loads(line)
        info["window_ms"] = (info["painted"] - t0) * 1000
        info["list_ms"] = (info["list_shown"] - info["painted"]) * 1000
        results.append(info)
    counted = results[1:] or results
    start = round(statistics.median(r["window_ms"] for r in counted), 1)
    listing = round(statistics.median(r["list_ms"] for r in counted), 1)
    peak = round(max(r["rss_mb"] for r in counted), 1)
    return (
        Measure("cold start to main window (process)", start, 1500.0, runs=len(counted)),
        Measure(
            "cold start: then case list shown (same process)",
            listing,
            None,
            runs=len(counted),
            note="no target in the issue; shown for the memory figure's context",
        ),
        Measure("peak memory (window + case list)", value_mb=peak, target_mb=350.0, runs=len(counted)),
    )


# The in-process measures --------------------------------------------------------------------
class Bench:
    def __init__(self, office: Office, db_path: Path, runs: int) -> None:
        self.office = office
        self.runs = runs
        self.floor = Floor(db_path)
        self.admin = Staff.get(Staff.username == "admin")
        self.now = office.clock.now()
        self.today = self.now.date()

    def close(self) -> None:
        self.floor.close()

    # 2 ---------------------------------------------------------------------------------------
    def intake(self) -> Measure:
        room = Room.select().order_by(Room.id).first()
        owner = room.owners.first()
        label = room.label
        service = self.office.cases

        def save() -> None:
            service.duplicates(label, "漏水/渗漏", owner.phone)
            service.create(
                CaseInput(
                    account="卫生间天花板渗水,水滴到地面,怀疑楼上卫生间防水有问题。",
                    kind="报修",
                    room=label,
                    customer_name=owner.name,
                    customer_phone=owner.phone,
                    category="漏水/渗漏",
                    request="尽快上门查明漏点并维修",
                    department="工程维修部",
                ),
                self.admin,
            )

        return Measure(
            "intake save (duplicates + CaseService.create)",
            round(timed(save, self.runs), 3),
            30.0,
            runs=self.runs,
        )

    # 3 ---------------------------------------------------------------------------------------
    def _busiest_room(self) -> str:
        row = self.floor.conn.execute(
            'SELECT room_id FROM "case" WHERE room_id IS NOT NULL GROUP BY room_id ORDER BY COUNT(*) DESC LIMIT 1'
        ).fetchone()
        return str(Room.get_by_id(row[0]).label)

    def case_list(self) -> list[Measure]:
        query = self.office.query
        start = dt.datetime.combine(self.today, dt.time())
        room = self._busiest_room()
        b, u, n = room.split("-")
        marks = ",".join("?" * len(OPEN))
        page_sql = (
            'SELECT c.*, r.*, d.* FROM "case" c LEFT JOIN room r ON c.room_id = r.id '
            "LEFT JOIN department d ON c.department_id = d.id {where} "
            "ORDER BY c.received_at DESC, c.id DESC LIMIT 100"
        )
        cases: list[tuple[str, CaseFilter, str, list[Any]]] = [
            ("全部", CaseFilter(), "", []),
            ("未结", CaseFilter(state="未结"), f"WHERE c.state IN ({marks})", list(OPEN)),
            (
                "逾期",
                CaseFilter(overdue=True),
                f"WHERE c.state IN ({marks}) AND c.resolve_due < ?",
                [*OPEN, _ts(self.now)],
            ),
            (
                "今日到期",
                CaseFilter(due_today=True),
                f"WHERE c.state IN ({marks}) AND c.resolve_due >= ? AND c.resolve_due < ?",
                [*OPEN, _ts(start), _ts(start + dt.timedelta(days=1))],
            ),
            ("性质=投诉", CaseFilter(kind="投诉"), "WHERE c.kind = ?", ["投诉"]),
            ("类别=漏水/渗漏", CaseFilter(category="漏水/渗漏"), "WHERE c.category = ?", ["漏水/渗漏"]),
            (
                f"房号={room}",
                CaseFilter(room=room),
                "WHERE c.room_id IN (SELECT id FROM room WHERE building = ? AND unit = ? AND number = ?)",
                [b, u, n],
            ),
        ]
        for text in ("漏水", "卫生间天花板渗水"):
            cases.append(
                (
                    f"全文“{text}”",
                    CaseFilter(text=text),
                    f"WHERE c.id IN (SELECT rowid FROM {search.TABLE} WHERE {search.TABLE} MATCH ?)",
                    [search.match_expression(text)],
                )
            )
        out = []
        for label, f, where, params in cases:
            value = timed(lambda f=f: query.page(f), self.runs)
            floor = self.floor.time([(page_sql.format(where=where), params)], self.runs)
            name = (
                f"case list page: {label}" if not label.startswith("全文") else f"full-text search: {label}"
            )
            out.append(with_floor(name, value, floor, 50.0, 3.0, self.runs))
        # What the list also shows: its total and the quick-filter counts (no separate target).
        count_queries = []
        for change in QUICK_FILTERS.values():
            f = CaseFilter(**change)  # type: ignore[arg-type]
            if f.state == "未结":
                count_queries.append((f'SELECT COUNT(*) FROM "case" WHERE state IN ({marks})', list(OPEN)))
            elif f.state:
                count_queries.append(('SELECT COUNT(*) FROM "case" WHERE state = ?', [f.state]))
            elif f.overdue:
                count_queries.append(
                    (
                        f'SELECT COUNT(*) FROM "case" WHERE state IN ({marks}) AND resolve_due < ?',
                        [*OPEN, _ts(self.now)],
                    )
                )
            elif f.due_today:
                count_queries.append(
                    (
                        f'SELECT COUNT(*) FROM "case" WHERE state IN ({marks}) AND resolve_due >= ? AND resolve_due < ?',
                        [*OPEN, _ts(start), _ts(start + dt.timedelta(days=1))],
                    )
                )
            else:
                count_queries.append(('SELECT COUNT(*) FROM "case"', []))
        value = timed(lambda: query.quick_counts(CaseFilter()), self.runs)
        floor = self.floor.time(count_queries, self.runs)
        m = with_floor("case list quick-filter counts (6 counts)", value, floor, None, None, self.runs)
        m.note = "no target in the issue; the list and the status bar show them on every refresh"
        out.append(m)
        return out

    # 4 ---------------------------------------------------------------------------------------
    def calendar(self) -> list[Measure]:
        visits = self.office.visits
        first = self.today.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        value = timed(lambda: visits.day_counts(first, last), self.runs)
        floor = self.floor.time(
            [
                (
                    "SELECT due, state, COUNT(id) FROM visit WHERE state = ? AND due >= ? AND due <= ? GROUP BY due, state",
                    [domain.VISIT_PLANNED, first.isoformat(), last.isoformat()],
                ),
                (
                    "SELECT DATE(done_at), state, COUNT(id) FROM visit WHERE state NOT IN (?, ?) AND done_at >= ? "
                    "AND done_at < ? GROUP BY DATE(done_at), state",
                    [
                        domain.VISIT_PLANNED,
                        domain.VISIT_CANCELLED,
                        _ts(dt.datetime.combine(first, dt.time())),
                        _ts(dt.datetime.combine(last + dt.timedelta(days=1), dt.time())),
                    ],
                ),
            ],
            self.runs,
        )
        out = [with_floor("calendar month counts (day_counts)", value, floor, 50.0, 3.0, self.runs)]
        start = dt.datetime.combine(self.today, dt.time())
        value = timed(lambda: visits.day_list(self.today), self.runs)
        floor = self.floor.time(
            [
                (
                    'SELECT v.*, c.*, r.* FROM visit v LEFT JOIN "case" c ON v.case_id = c.id '
                    "LEFT JOIN room r ON v.room_id = r.id WHERE (v.state = ? AND v.due = ?) "
                    "OR (v.done_at >= ? AND v.done_at < ? AND v.state != ?) OR (v.state = ? AND v.due < ?) "
                    "ORDER BY v.due, v.visitor_name, v.id",
                    [
                        domain.VISIT_PLANNED,
                        self.today.isoformat(),
                        _ts(start),
                        _ts(start + dt.timedelta(days=1)),
                        domain.VISIT_CANCELLED,
                        domain.VISIT_PLANNED,
                        self.today.isoformat(),
                    ],
                )
            ],
            self.runs,
        )
        out.append(with_floor("calendar day list, today (day_list)", value, floor, 50.0, 3.0, self.runs))
        return out

    # 5 ---------------------------------------------------------------------------------------
    def forms(self, blank_runs: int) -> list[Measure]:
        from reports.printing import Printouts

        printouts = Printouts(self.office, self.admin)
        signed = (
            Signature.select(Signature.visit)
            .where(Signature.signer == "customer")
            .order_by(Signature.id.desc())
        )
        visit = Visit.get_by_id(signed.first().visit_id)
        t = time.perf_counter()
        printouts.visit_form(visit)
        first = round((time.perf_counter() - t) * 1000, 1)
        value = timed(lambda: printouts.visit_form(Visit.get_by_id(visit.id)), self.runs, warmup=0)
        m = Measure(
            "pre-filled 回访记录表 PDF (after the first)",
            round(value, 1),
            200.0,
            runs=self.runs,
            note=f"first one in the process: {first} ms",
        )
        blank = timed(lambda: printouts.blank_forms(100), blank_runs, warmup=0)
        return [
            m,
            Measure(
                "100 blank numbered forms PDF",
                round(blank, 1),
                None,
                runs=blank_runs,
                note="no target in the issue",
            ),
        ]

    # 6 ---------------------------------------------------------------------------------------
    def _stats_sql(self, period: Period) -> list[tuple[str, list[Any]]]:
        a, b = _ts(period.start_at), _ts(period.end_at)
        live = "c.state != ?"
        recv = f'FROM "case" c WHERE {live} AND c.received_at >= ? AND c.received_at < ?'
        rp = [LIVE, a, b]
        sat = ["不满意", "很不满意"]
        return [
            # 《回访统计表》: the very queries app.visit_rates.visit_rates runs (its rule is not copied here).
            *[(sql, [_param(p) for p in params]) for sql, params in visit_rate_sql(period)],
            (
                "SELECT satisfaction, COUNT(id) FROM visit WHERE state = ? AND done_at >= ? AND done_at < ? "
                "GROUP BY satisfaction",
                [domain.VISIT_DONE, a, b],
            ),
            (
                'SELECT v.*, c.number, r.building, r.unit, r.number FROM visit v LEFT JOIN "case" c ON v.case_id = c.id '
                "LEFT JOIN room r ON v.room_id = r.id WHERE v.state = ? AND v.done_at >= ? AND v.done_at < ? "
                "AND v.satisfaction IN (?, ?) ORDER BY v.done_at",
                [domain.VISIT_DONE, a, b, *sat],
            ),
            (f"SELECT c.kind, COUNT(c.id) {recv} GROUP BY c.kind", rp),
            (f"SELECT COUNT(*) {recv} AND c.resolved_at IS NOT NULL AND c.resolved_at < ?", [*rp, b]),
            (
                f"SELECT c.number {recv} AND ((c.resolved_at IS NOT NULL AND c.resolve_due < c.resolved_at) "
                "OR (c.resolved_at IS NULL AND c.resolve_due < ?)) ORDER BY c.received_at",
                [*rp, b],
            ),
            (f"SELECT c.received_at, c.first_response_at, c.resolved_at {recv}", rp),
            (
                f'SELECT COUNT(*) FROM extension e JOIN "case" c ON e.case_id = c.id WHERE {live} '
                "AND c.received_at >= ? AND c.received_at < ?",
                rp,
            ),
            (f"SELECT c.category, COUNT(c.id) {recv} AND c.kind = ? GROUP BY c.category", [*rp, "投诉"]),
            (f"SELECT c.validity, COUNT(c.id) {recv} AND c.kind = ? GROUP BY c.validity", [*rp, "投诉"]),
            (f"SELECT c.severity, COUNT(c.id) {recv} AND c.kind = ? GROUP BY c.severity", [*rp, "投诉"]),
            (
                f'SELECT r.building, COUNT(c.id) FROM "case" c JOIN room r ON c.room_id = r.id WHERE {live} '
                "AND c.received_at >= ? AND c.received_at < ? AND c.kind = ? GROUP BY r.building",
                [*rp, "投诉"],
            ),
            (
                f"SELECT c.party, COUNT(c.id) {recv} AND c.kind = ? AND c.party != '' GROUP BY c.party",
                [*rp, "投诉"],
            ),
            (
                f"SELECT c.room_id, c.category, c.number {recv} AND c.kind = ? AND c.anonymous = 0 "
                "AND c.room_id IS NOT NULL ORDER BY c.received_at",
                [*rp, "投诉"],
            ),
            (
                f"SELECT c.room_id, c.category, c.number {recv} AND c.kind = ? AND c.anonymous = 0 "
                "AND c.room_id IS NOT NULL ORDER BY c.received_at",
                [*rp, "报修"],
            ),
            ("SELECT COUNT(*) FROM room", []),
            ("SELECT name, role FROM staff", []),
            (
                "SELECT visitor_name, state, due, done_at, satisfaction FROM visit WHERE (due >= ? AND due <= ?) "
                "OR (done_at >= ? AND done_at < ?)",
                [period.start.isoformat(), period.end.isoformat(), a, b],
            ),
            (f"SELECT c.* {recv} AND c.typical = 1 ORDER BY c.received_at", rp),
        ]

    def quarterly(self, pdf_runs: int) -> list[Measure]:
        from reports.quarterly import QuarterlyReport

        period = Period.quarter_of(self.today)
        value = timed(lambda: self.office.quarterly(period), self.runs)
        queries = self._stats_sql(period) + self._stats_sql(period.previous())
        queries.append(("SELECT * FROM report_archive WHERE period = ?", [period_key(period)]))
        floor = self.floor.time(queries, self.runs)
        out = [
            with_floor("quarterly report numbers (office.quarterly)", value, floor, 1000.0, 3.0, self.runs)
        ]
        data = self.office.quarterly(period)
        t = time.perf_counter()
        QuarterlyReport(self.office.name, data).generate()
        first = round((time.perf_counter() - t) * 1000, 1)
        pdf = timed(lambda: QuarterlyReport(self.office.name, data).generate(), pdf_runs, warmup=0)
        out.append(
            Measure(
                "quarterly report PDF",
                round(pdf, 1),
                3000.0,
                runs=pdf_runs,
                note=f"first one in the process: {first} ms",
            )
        )
        return out


# 7: the ledger import --------------------------------------------------------------------------
def write_ledger(path: Path, rows: int, seed: int, now: dt.datetime) -> None:
    """A realistic 案件台账 of `rows` rows over the last two years, as offices keep them in Excel."""
    import random

    import openpyxl

    from app.demo.complaints import COMPLAINTS
    from app.demo.people import FEMALE_GIVEN, MALE_GIVEN, SURNAMES
    from app.demo.scenarios import REPAIRS
    from app.ledger.export import LEDGER_HEADERS

    rng = random.Random(seed)
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("案件台账")
    ws.append(LEDGER_HEADERS)
    scenarios = [s for s in REPAIRS + COMPLAINTS if "{" not in "".join(s.accounts + s.results)]
    span = 730 * 24 * 60
    times = sorted(now - dt.timedelta(minutes=rng.randrange(3 * 24 * 60, span)) for _ in range(rows))
    col = {h: i for i, h in enumerate(LEDGER_HEADERS)}
    for i, received in enumerate(times, start=1):
        s = rng.choice(scenarios)
        values: list[Any] = [None] * len(LEDGER_HEADERS)
        building, unit, floor = rng.randrange(1, 70), rng.randrange(1, 3), rng.randrange(1, 19)
        values[col["编号"]] = f"TZ{i:06d}"
        values[col["受理时间"]] = received
        values[col["渠道"]] = rng.choice(["电话", "来访", "网络"])
        values[col["性质"]] = s.kind
        values[col["有效性"]] = "一类" if s.kind == "投诉" else None
        values[col["程度"]] = "轻微"
        values[col["类别"]] = s.category
        values[col["楼栋"]], values[col["单元"]], values[col["房号"]] = (
            str(building),
            str(unit),
            f"{floor}0{rng.randrange(1, 5)}",
        )
        values[col["匿名"]] = "否"
        values[col["客户姓名"]] = rng.choice(SURNAMES) + rng.choice(FEMALE_GIVEN + MALE_GIVEN)
        values[col["联系电话"]] = f"139{(i * 7919) % 10**8:08d}"
        k = rng.randrange(len(s.accounts))
        values[col["内容"]] = s.accounts[k]
        values[col["客户要求"]] = rng.choice(s.requests)
        values[col["责任部门"]] = s.department
        roll = rng.random()
        if roll < 0.03:
            values[col["状态"]] = "待派工"
            values[col["责任部门"]] = None
        elif roll < 0.045:
            values[col["状态"]] = "处理中"
        elif roll < 0.05 and i > 1:
            values[col["状态"]] = "已合并"
            values[col["并入"]] = f"TZ{i - 1:06d}"
        else:
            values[col["状态"]] = "已关闭" if roll < 0.95 else "已办结"
            resolved = min(received + dt.timedelta(hours=rng.uniform(1, 60)), now - dt.timedelta(hours=2))
            values[col["办结时间"]] = resolved
            values[col["处理结果"]] = s.results[k % len(s.results)]
            if rng.random() < 0.4:
                values[col["回访时间"]] = min(
                    resolved + dt.timedelta(days=rng.randrange(1, 3)), now - dt.timedelta(hours=1)
                )
                values[col["回访方式"]] = "电话"
                values[col["满意度"]] = rng.choice(["很满意", "满意", "满意", "一般"])
                values[col["回访人"]] = "客服员"
        ws.append(values)
    wb.save(path)


def ledger_import(rows: int, runs: int, seed: int, now: dt.datetime) -> Measure:
    """Import into a fresh, empty data folder each run (the office's first day with the program)."""
    from app.ledger.case_import import import_ledger

    with tempfile.TemporaryDirectory(prefix="huiyin-ledger-") as tmp:
        xlsx = Path(tmp) / "台账.xlsx"
        write_ledger(xlsx, rows, seed, now)
        times = []
        imported = 0
        for i in range(runs):
            office = Office.open(Path(tmp) / f"data{i}")
            try:
                admin = office.initialise("阳光花园物业服务中心", "admin", "bench-admin-1", "系统管理员")
                t = time.perf_counter()
                report = import_ledger(office, xlsx, skip_invalid=True, actor=admin)
                times.append((time.perf_counter() - t) * 1000)
                imported = report.imported
                if report.problems:
                    raise RuntimeError(f"ledger rows refused: {report.problems[:5]}")
            finally:
                office.close()
    return Measure(
        f"ledger import, {rows:,} rows",
        round(statistics.median(times), 1),
        20_000.0,
        runs=runs,
        note=f"{imported} rows imported into an empty folder",
    )


def db_file(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME
