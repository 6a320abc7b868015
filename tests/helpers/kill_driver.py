"""Kill a real process at random moments of a restore, a backup, a ledger import or a print
of forms, and say what the data folder looks like after each kill.

    python -m tests.helpers.kill_driver OP KILLS SEED WORK_DIR

OP is restore | backup | import | print. The driver builds one data folder (the template),
runs the operation to the end on a copy (the "new" state and its duration), then, until
KILLS children were killed mid-operation (at most 3 × KILLS trials), copies the template,
forks a child that logs in and runs the operation, kills it with SIGKILL after a random
delay (seeded) and checks the folder (a child that finished first is checked too): it opens (login), passes
the same check as `python -m huiyin check`, holds the old or the new state (case and form
counts), keeps no form number 打印中 without a record once the reservations are stale (打印中断),
and offers no half-written backup. One JSON line per trial on stdout, then a summary line.
Forking keeps a trial short (the imports are paid once); Linux only.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import signal
import sys
import time
from pathlib import Path
from typing import Any

import openpyxl

from app import keyring, permissions
from app.backup import FAILED_MARK, check_backup, integrity_problems, list_backups, restore
from app.cases import CaseInput
from app.clock import FixedClock, SystemClock
from app.forms import PRINTING
from app.health import check
from app.keyring import KeyRing
from app.models import Case, FormSheet
from app.office import Office

USER, PASSWORD = "admin", "secret1"
CASES_BEFORE = 40
CASES_AFTER_BACKUP = 12
IMPORT_ROWS = 400
PRINT_FORMS = 25


def act_as(office: Office) -> None:
    set_person = getattr(permissions, "set_person", None)
    if set_person is not None:
        set_person(office.user)


def login(data_dir: Path, clock: Any = None) -> Office:
    office = Office.login(data_dir, USER, PASSWORD, clock or SystemClock())
    act_as(office)
    return office


def add_cases(office: Office, count: int, tag: str) -> None:
    for i in range(count):
        office.cases.create(
            CaseInput(
                account=f"{tag} 楼道灯不亮 {i}",
                kind="报修",
                room=f"3-2-{501 + i % 4}",
                customer_name="张伟",
                customer_phone="13812345678",
                category="设施设备维护",
            ),
            office.user,
        )


def print_blank_forms(office: Office, count: int, pdf: Path) -> None:
    from app.print_jobs import run_print_job, write_pdf
    from reports.printing import Printouts

    def to_file(data: bytes, _alive: Any) -> str:
        write_pdf(pdf, data)
        from app.forms import SAVED_AS_PDF

        return SAVED_AS_PDF

    end = run_print_job(lambda: Printouts(office, office.user).blank_forms_job(count), to_file)
    if not end.ok:
        raise RuntimeError(f"print failed: {end.failed}")


def write_ledger(path: Path, rows: int) -> None:
    headers = ["编号", "受理时间", "渠道", "性质", "类别", "楼栋", "单元", "房号", "客户姓名", "联系电话",
               "内容", "责任部门", "办结时间", "处理结果"]  # fmt: skip
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(headers)
    start = dt.datetime(2026, 1, 5, 8, 0)
    for i in range(rows):
        at = start + dt.timedelta(minutes=41 * i)
        ws.append([f"K{i:05d}", at, "电话", "报修", "设施设备维护", "3", "2", f"{i % 30 + 1}01", "张伟",
                   "13812345678", f"导入的案件 {i}", "工程维修部", at + dt.timedelta(hours=4), "已修好"])  # fmt: skip
    wb.save(path)


def build_template(op: str, work: Path) -> Path:
    template = work / "template"
    office = Office.open(template / "data")
    office.initialise("阳光花园物业服务中心", USER, PASSWORD, "王管理")
    act_as(office)
    add_cases(office, CASES_BEFORE, "原有")
    print_blank_forms(office, 3, work / "first.pdf")
    (template / "usb").mkdir()
    if op == "restore":
        result = office.backups.backup_now(template / "usb")
        assert result.ok, result.message
        add_cases(office, CASES_AFTER_BACKUP, "备份之后")
    office.close()
    if op == "import":
        write_ledger(template / "ledger.xlsx", IMPORT_ROWS)
    return template


def run_op(op: str, folder: Path) -> None:
    """The operation through the services the command line calls, logged in as the
    administrator (restore: the key from the administrator's key slot, the database closed)."""
    data_dir = folder / "data"
    if op == "restore":
        key = KeyRing.load(data_dir).unlock(USER, PASSWORD, dt.datetime.now()).key
        backup = list_backups(folder / "usb")[0].path
        restore(data_dir, backup, dt.datetime.now(), key=key)
        return
    office = login(data_dir)
    try:
        if op == "backup":
            result = office.backups.backup_now(folder / "usb")
            if not result.ok:
                raise RuntimeError(result.message)
        elif op == "import":
            from app.ledger.case_import import import_ledger

            report = import_ledger(office, folder / "ledger.xlsx")
            if report.imported != IMPORT_ROWS:
                raise RuntimeError(f"imported {report.imported}: {report.problems[:3]}")
        elif op == "print":
            print_blank_forms(office, PRINT_FORMS, folder / "forms.pdf")
    finally:
        office.close()


def counts(folder: Path) -> dict[str, Any]:
    """Open the folder (a login, three minutes on: reservations of a killed job are stale),
    check it, void what a killed print left 打印中 (打印中断), count."""
    later = FixedClock(dt.datetime.now() + dt.timedelta(minutes=3))
    office = login(folder / "data", later)
    try:
        findings = check(office)
        voided = office.forms.void_interrupted()
        numbers = [f.number for f in FormSheet.select().order_by(FormSheet.id)]
        return {
            "findings": findings,
            "cases": Case.select().count(),
            "forms": len(numbers),
            "printing_left": FormSheet.select().where(FormSheet.state == PRINTING).count(),
            "voided_interrupted": voided,
            "numbers_unique": len(set(numbers)) == len(numbers),
            "numbers": numbers,
        }
    finally:
        office.close()


def backups_state(folder: Path) -> dict[str, Any]:
    """The backup folder after a kill: every backup under its final name passes the check;
    the next backup sweeps what the kill left and succeeds."""
    usb = folder / "usb"
    bad = []
    key = None
    office = login(folder / "data")
    try:
        key = keyring.office_key()
        for found in list_backups(usb):
            if FAILED_MARK in found.path.name:
                bad.append(f"{found.path.name}: written as failed")
                continue
            try:
                check_backup(found.path, folder / "data", key)
            except Exception as exc:  # noqa: BLE001 — reported, the test fails on it
                bad.append(f"{found.path.name}: {exc}")
        left_by_kill = sorted(p.name for p in usb.iterdir() if ".partial" in p.name)
        after = office.backups.backup_now(usb)
        left_after = sorted(
            p.name for p in usb.iterdir() if ".partial" in p.name or p.name.endswith(("-wal", "-shm"))
        )
        return {
            "bad_backups": bad,
            "partials_left_by_kill": len(left_by_kill),
            "next_backup_ok": after.ok and not integrity_problems(after.path),
            "left_after_next_backup": left_after,
        }
    finally:
        office.close()


def fork_op(op: str, folder: Path) -> int:
    """A child process that runs the operation and exits (0 when it finished)."""
    pid = os.fork()
    if pid == 0:  # the child: run the operation, never return into the driver
        code = 0
        try:
            run_op(op, folder)
        except BaseException:  # noqa: BLE001
            import traceback

            traceback.print_exc()
            code = 3
        os._exit(code)
    return pid


def timed_child(op: str, folder: Path) -> float:
    started = time.monotonic()
    _, status = os.waitpid(fork_op(op, folder), 0)
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        raise RuntimeError(f"the {op} run to the end failed (status {status})")
    return time.monotonic() - started


def trial(op: str, template: Path, folder: Path, delay: float) -> dict[str, Any]:
    shutil.copytree(template, folder)
    pid = fork_op(op, folder)
    time.sleep(delay)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        ended = "killed"
    else:
        ended = "finished" if os.WEXITSTATUS(status) == 0 else f"failed {os.WEXITSTATUS(status)}"
    out: dict[str, Any] = {"op": op, "delay": round(delay, 3), "ended": ended}
    try:
        out.update(counts(folder))
    except Exception as exc:  # noqa: BLE001 — the folder does not open: reported
        out.update(opened=False, error=f"{type(exc).__name__}: {exc}")
        return out
    out["opened"] = True
    if op == "backup":
        out.update(backups_state(folder))
    return out


def main(argv: list[str]) -> int:
    op, kills, seed, work = argv[0], int(argv[1]), int(argv[2]), Path(argv[3])
    work.mkdir(parents=True, exist_ok=True)
    template = build_template(op, work)
    old = counts(template)
    reference = work / "reference"
    # As a trial's child runs it (the kills' time range): the shortest of three runs, so
    # that most kills land before the end.
    runs = []
    for _ in range(3):
        shutil.rmtree(reference, ignore_errors=True)
        shutil.copytree(template, reference)
        runs.append(timed_child(op, reference))
    duration = min(runs)
    new = counts(reference)
    shutil.rmtree(reference)
    states = {
        "old": {"cases": old["cases"], "forms": old["forms"]},
        "new": {"cases": new["cases"], "forms": new["forms"]},
    }
    print(json.dumps({"op": op, "kind": "states", **states, "duration": round(duration, 3)}), flush=True)
    rng = random.Random(seed)
    killed = n = 0
    while killed < kills and n < 3 * kills:
        # Every other kill in the last quarter: where the work is committed or swapped in.
        delay = rng.uniform(0.0, duration) if n % 2 == 0 else rng.uniform(0.75 * duration, duration)
        folder = work / f"trial-{n}"
        result = trial(op, template, folder, delay)
        if result["ended"] == "killed":
            killed += 1
        else:  # the machine runs faster now than when timed: aim earlier
            duration *= 0.9
        shown = {"cases": result.get("cases"), "forms": result.get("forms")}
        result["state"] = next((name for name, s in states.items() if s == shown), "other")
        result["old_numbers_kept"] = old["numbers"] == result.get("numbers", [])[: len(old["numbers"])]
        result.pop("numbers", None)
        print(json.dumps({"kind": "trial", "n": n, **result}, ensure_ascii=False), flush=True)
        shutil.rmtree(folder, ignore_errors=True)
        n += 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
