"""Imports while the office works (issue 17 item 6): an owners list of 10,000 rows and the case
ledger, each timed, with a clerk saving every 50 ms meanwhile through a connection of its own
(as another window would): the longest the clerk waited, and how many saves were refused
(`database is locked`: must be none). The floor beside the owners import is the list read
with openpyxl's read-only mode alone (no checking, no writing)."""

from __future__ import annotations

import datetime as dt
import random
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl

from app.db import connect_file
from app.office import Office
from app.paths import DB_FILENAME
from bench.measures import Measure

WAIT_TARGET_MS = 1000.0  # a clerk saving during an import waits a moment at most
LEDGER_TARGET_MS = 8000.0  # 20,000 ledger rows (issue 17 item 6)


class Clerk:
    """Saves every 50 ms through its own connection until stopped; notes each wait."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.waits: list[float] = []
        self.refused: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        conn = connect_file(self.data_dir / DB_FILENAME)
        conn.isolation_level = None
        conn.execute("PRAGMA busy_timeout = 5000")  # as the program's own connections wait
        try:
            while not self._stop.is_set():
                started = time.perf_counter()
                try:
                    conn.execute("BEGIN IMMEDIATE")
                    conn.execute("UPDATE setting SET value = value WHERE key = 'office_id'")
                    conn.execute("COMMIT")
                except Exception as exc:  # noqa: BLE001 - counted, that is the measure
                    self.refused.append(str(exc))
                    try:
                        conn.execute("ROLLBACK")
                    except Exception:  # noqa: BLE001
                        pass
                self.waits.append((time.perf_counter() - started) * 1000)
                time.sleep(0.05)
        finally:
            conn.close()

    def during(self, work: Callable[[], object]) -> float:
        """Run `work` with the clerk saving beside it; returns its time in ms."""
        self._thread.start()
        try:
            started = time.perf_counter()
            work()
            return (time.perf_counter() - started) * 1000
        finally:
            self._stop.set()
            self._thread.join()


def write_owner_list(path: Path, rows: int, seed: int) -> Path:
    rng = random.Random(seed)
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(["楼栋", "单元", "房号", "姓名", "类型", "联系电话", "身份证号", "入住日期", "备注"])
    for i in range(rows):
        ws.append([str(1 + i // 400), str(1 + (i // 100) % 4), f"{1 + (i % 100) // 4:02d}{1 + i % 4:02d}",
                   f"业主{i}", "业主", f"138{rng.randrange(10**8):08d}", "", "2020-05-01", ""])  # fmt: skip
    wb.save(path)
    return path


def _read_only_floor(path: Path) -> float:
    started = time.perf_counter()
    wb = openpyxl.load_workbook(path, read_only=True)
    for _ in wb.active.iter_rows(values_only=True):
        pass
    wb.close()
    return (time.perf_counter() - started) * 1000


def import_measures(owner_rows: int, ledger_rows: int, seed: int, now: dt.datetime) -> list[Measure]:
    from app.ledger.case_import import import_ledger
    from app.ledger.owner_import import import_owners
    from app.permissions import acting
    from bench.measures import write_ledger

    out: list[Measure] = []
    with tempfile.TemporaryDirectory(prefix="huiyin-imports-") as tmp:
        owners = write_owner_list(Path(tmp) / "名册.xlsx", owner_rows, seed)
        ledger = Path(tmp) / "台账.xlsx"
        write_ledger(ledger, ledger_rows, seed, now)
        office = Office.open(Path(tmp) / "data")
        try:
            admin = office.initialise("阳光花园物业服务中心", "admin", "bench-admin-1", "系统管理员")
            clerk = Clerk(office.data_dir)
            with acting(admin):
                ms = clerk.during(lambda: import_owners(office, owners))
            floor = _read_only_floor(owners)
            out.append(Measure(f"owners import, {owner_rows:,} rows", round(ms, 1), 3000.0, round(floor, 1),
                               round(ms / floor, 2) if floor else None, 3.0, runs=1,
                               note="floor: the list read by openpyxl read-only alone"))  # fmt: skip
            out.append(Measure("owners import: longest wait of a clerk saving meanwhile", round(max(clerk.waits), 1),
                               WAIT_TARGET_MS, runs=1, note=f"{len(clerk.waits)} saves, {len(clerk.refused)} refused"))  # fmt: skip
            clerk = Clerk(office.data_dir)
            ms = clerk.during(lambda: import_ledger(office, ledger, skip_invalid=True, actor=admin))
            out.append(Measure(f"ledger import with a clerk saving meanwhile, {ledger_rows:,} rows", round(ms, 1),
                               LEDGER_TARGET_MS, runs=1, note="read, checked and written, all or nothing"))  # fmt: skip
            out.append(Measure("ledger import: longest wait of a clerk saving meanwhile", round(max(clerk.waits), 1),
                               WAIT_TARGET_MS, runs=1,
                               note=f"{ledger_rows:,} rows in {ms / 1000:.1f} s; {len(clerk.waits)} saves, "
                                    f"{len(clerk.refused)} refused"))  # fmt: skip
        finally:
            office.close()
    return out
