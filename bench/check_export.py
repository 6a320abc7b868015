"""`check`'s signatures and `export-cases`, each in a process of its own (issue 17 item 5): the
time and the peak memory of the process, with the floor beside each, measured the same way:

- every signature verified (`VisitService.broken_signatures`, one streaming join); floor: the
  same join read from a plain cursor with each signature's picture hashed and its seal's HMAC
  made over the stored texts (the least any verification reads and computes);
- every case exported (`export_cases`, rows streamed to a write-only workbook); floor: the
  same number of rows and columns (cases, then visits) read from a plain cursor and written by
  openpyxl's write-only mode alone, without the program's text cells, dates and styles.

Run by `python -m bench` (`check_export_measures`) or by hand:
`python -m bench.check_export DATA_DIR check|check-floor|export|export-floor`; each prints one
JSON line (wall ms, CPU s, peak RSS MB). The peak is the whole process's (Python, the program's
modules and the SQLite cache included): what the office's PC sees."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.measures import ROOT, Measure

if TYPE_CHECKING:
    from app.office import Office

CHECK_TARGET_MS, CHECK_TARGET_MB = 5000.0, 200.0
EXPORT_TARGET_MS, EXPORT_TARGET_MB = 20_000.0, 200.0


def _check(office: Office) -> int:
    return len(office.visits.broken_signatures())


def _check_floor() -> int:
    import hashlib
    import hmac

    from app import keyring, signatures
    from app.models import db

    sql, _ = signatures._sealed_query()
    mac = hmac.new(keyring.office_secret("signature"), digestmod=hashlib.sha256)
    count = 0
    for row in db.execute_sql(sql):
        strokes, png, sealed = row[8], row[9], row[10]
        digest = mac.copy()
        digest.update(hashlib.sha256(png).hexdigest().encode())
        digest.update(sealed.encode())
        digest.update(strokes.encode())
        digest.hexdigest()
        count += 1
    return count


def _export(office: Office, target: Path) -> int:
    from app.ledger.export import export_cases

    return export_cases(office, target)


def _export_floor(target: Path) -> int:
    import openpyxl

    from app.ledger.export import EXPORT_HEADERS, VISIT_HEADERS
    from app.models import db

    wb = openpyxl.Workbook(write_only=True)
    count = 0
    for sql, width in (('SELECT * FROM "case" ORDER BY id', len(EXPORT_HEADERS)),
                       ("SELECT * FROM visit WHERE case_id IS NOT NULL ORDER BY case_id", len(VISIT_HEADERS))):  # fmt: skip
        ws = wb.create_sheet()
        for row in db.execute_sql(sql):
            ws.append(row[:width])
            count += 1
    wb.save(target)
    return count


def run(data_dir: Path, what: str) -> dict[str, Any]:
    """One measure in this process: logs in, runs `what`, returns its figures."""
    from app.office import Office
    from app.permissions import acting
    from bench.generate import ADMIN, ADMIN_PASSWORD

    office = Office.login(data_dir, ADMIN, ADMIN_PASSWORD)
    try:
        from app.models import Staff

        admin = Staff.get(Staff.username == ADMIN)
        with tempfile.TemporaryDirectory(prefix="huiyin-export-") as tmp:
            target = Path(tmp) / "台账.xlsx"
            work: dict[str, Callable[[], int]] = {
                "check": lambda: _check(office),
                "check-floor": _check_floor,
                "export": lambda: _export(office, target),
                "export-floor": lambda: _export_floor(target),
            }
            before = resource.getrusage(resource.RUSAGE_SELF)
            started = time.perf_counter()
            with acting(admin):
                count = work[what]()
            ms = (time.perf_counter() - started) * 1000
            after = resource.getrusage(resource.RUSAGE_SELF)
            size = target.stat().st_size if target.exists() else 0
    finally:
        office.close()
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return {"what": what, "ms": round(ms, 1), "cpu_s": round(cpu, 2), "count": count,
            "rss_mb": round(after.ru_maxrss / 1024, 1), "file_mb": round(size / 2**20, 1)}  # fmt: skip


def _in_process(data_dir: Path, what: str) -> dict[str, Any]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    proc = subprocess.run(
        [sys.executable, "-m", "bench.check_export", str(data_dir), what],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=3600, check=False,
    )  # fmt: skip
    if proc.returncode != 0:
        raise RuntimeError(f"bench.check_export {what} failed:\n{proc.stderr[-3000:]}")
    result: dict[str, Any] = json.loads([x for x in proc.stdout.splitlines() if x.startswith("{")][-1])
    return result


def check_export_measures(data_dir: Path) -> list[Measure]:
    """The four processes, then the measures with their floors beside them."""
    got = {what: _in_process(data_dir, what) for what in ("check", "check-floor", "export", "export-floor")}
    check, check_floor = got["check"], got["check-floor"]
    export, export_floor = got["export"], got["export-floor"]

    def note(r: dict[str, Any], floor: dict[str, Any], what: str) -> str:
        return (f"{r['count']:,} {what}, CPU {r['cpu_s']} s; floor {floor['ms'] / 1000:.1f} s, "
                f"CPU {floor['cpu_s']} s, peak {floor['rss_mb']} MB")  # fmt: skip

    return [
        Measure(
            f"check: every signature verified ({check_floor['count']:,})",
            check["ms"],
            CHECK_TARGET_MS,
            check_floor["ms"],
            round(check["ms"] / check_floor["ms"], 2),
            3.0,
            runs=1,
            note=note(check, check_floor, "findings")
            + " (floor: the same join, pictures hashed, seals made)",
        ),  # fmt: skip
        Measure(
            "check: every signature verified, peak memory",
            value_mb=check["rss_mb"],
            target_mb=CHECK_TARGET_MB,
            runs=1,
            note=f"floor {check_floor['rss_mb']} MB",
        ),  # fmt: skip
        Measure(
            f"export-cases: every case to Excel ({export['count']:,})",
            export["ms"],
            EXPORT_TARGET_MS,
            export_floor["ms"],
            round(export["ms"] / export_floor["ms"], 2),
            3.0,
            runs=1,
            note=note(export, export_floor, "cases")
            + f"; {export['file_mb']} MB file (floor: openpyxl write-only alone)",
        ),  # fmt: skip
        Measure(
            "export-cases: peak memory",
            value_mb=export["rss_mb"],
            target_mb=EXPORT_TARGET_MB,
            runs=1,
            note=f"floor {export_floor['rss_mb']} MB",
        ),  # fmt: skip
    ]


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(json.dumps(run(Path(sys.argv[1]), sys.argv[2]), ensure_ascii=False))
