"""How long the window's thread stalls while a long job runs (issue 17, item 1: ≤ 100 ms),
beside how long each job takes.

`window_stalls`: 校验审计链 and 文件 → 立即备份; the bench's generated offices hold no audit
trail, so this builds one of `entries` keyed entries in a fresh office first.
`job_stalls`: every other job a clerk starts from a window (statistics and their exports, the
monthly notice, the owners and cases to Excel, the backup page's backup and checks), on an
office already built (`python -m bench` runs it on its work copy; the backup page's jobs,
minutes long at 200,000 cases with their checks, only up to 50,000 cases there).

    python -m bench.window_stall ENTRIES [CASES]     (e.g. 1000000 20000)
    python -m bench.window_stall jobs DATA_DIR [LOGIN PASSWORD]
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from app.clock import FixedClock
from app.models import db, write_audit
from app.office import Office
from bench.measures import Measure

STALL_TARGET_MS = 100.0


def build_trail(office: Office, entries: int, batch: int = 20_000) -> None:
    """`entries` state changes of 9,000 cases, written through the real keyed chain."""
    for start in range(0, entries, batch):
        rows = [
            {"action": "修改", "table": "case", "record_id": str(i % 9000 + 1), "field": "state",
             "old": "待派工", "new": "处理中"}
            for i in range(start, min(entries, start + batch))
        ]  # fmt: skip
        with db.atomic():
            write_audit(rows)


def _stall(app: object, start: Callable[[], object], ended: Callable[[], bool]) -> tuple[float, float]:
    """Start a job, spin the event loop until it has ended: (seconds taken, longest gap
    between two ticks of a 5 ms timer on the window's thread, in ms)."""
    from PySide6.QtCore import QTimer

    gap = [0.0]
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gap[0] = max(gap[0], now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    t0 = last[0] = time.perf_counter()
    start()
    while not ended():
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.001)
    timer.stop()
    return time.perf_counter() - t0, gap[0] * 1000


def window_stalls(entries: int, cases: int = 0) -> list[Measure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    import ui.main_window
    from ui.audit_window import AuditWindow
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    path = Path(tempfile.mkdtemp()) / "data"
    now = dt.datetime(2026, 9, 28, 9, 30)
    if cases:  # an estate's years of cases (the backup copies them), then the trail
        from bench import generate

        generate.build(path, cases, now=now)
        office = Office.login(path, generate.ADMIN, generate.ADMIN_PASSWORD, FixedClock(now))
        admin = office.staff.authenticate(generate.ADMIN, generate.ADMIN_PASSWORD)
    else:
        office = Office.open(path, FixedClock(now))
        office.initialise("阳光花园物业服务中心", "admin", "secret1", "王管理")
        admin = office.staff.authenticate("admin", "secret1")
    build_trail(office, entries)
    out = []
    window = AuditWindow(office.trail)
    window.show()
    done: list[object] = []
    window.chain_checked.connect(done.append)
    took, gap = _stall(app, window.check_chain, lambda: bool(done))
    out.append(Measure(f"校验审计链 {entries:,} entries: window stall", gap, STALL_TARGET_MS, runs=1,
                       note=f"check took {took:.1f} s"))  # fmt: skip
    told: list[str] = []

    def tell(_parent: object, _title: str, text: str) -> None:
        told.append(text)  # instead of the message box, which would wait for a click

    box = ui.main_window.QMessageBox
    shown = box.information, box.warning
    setattr(box, "information", tell)  # noqa: B010
    setattr(box, "warning", tell)  # noqa: B010
    try:
        main = MainWindow(office, admin)
        main.show()
        took, gap = _stall(app, main._backup_now, lambda: bool(told))
        main.close()
    finally:
        setattr(box, "information", shown[0])  # noqa: B010
        setattr(box, "warning", shown[1])  # noqa: B010
    out.append(Measure("文件 → 立即备份: window stall", gap, STALL_TARGET_MS, runs=1,
                       note=f"backup took {took:.1f} s: {told[0].splitlines()[0]}"))  # fmt: skip
    window.close()
    office.close()
    return out


def job_stalls(office: Office, admin: object, out_dir: Path, backups: bool = True) -> list[Measure]:
    """The longest stall of the window's thread during each long job a clerk starts from
    the windows (issue 16 item 6, issue 17 item 1), at the size of `office`: each is started
    from its real window and the event loop is spun until it has ended."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QWidget

    from app.permissions import set_person
    from reports.printing import Printouts
    from ui.backup_page import BackupPage
    from ui.form_ledger import FormLedgerPage
    from ui.import_dialog import ImportDialog
    from ui.main_window import MainWindow
    from ui.owner_page import OwnerPage
    from ui.progress import ProgressDialog
    from ui.stats.window import StatsWindow

    app = QApplication.instance() or QApplication([])
    set_person(admin)  # type: ignore[arg-type]
    out: list[Measure] = []

    def measure(name: str, start: Callable[[], object], ended: Callable[[], bool] | None = None) -> None:
        started: list[object] = []

        def go() -> None:
            started.append(start())

        def over() -> bool:
            if ended is not None:
                return ended()
            dialog = started[0] if started else None
            return isinstance(dialog, ProgressDialog) and dialog.outcome is not None

        took, gap = _stall(app, go, over)
        dialog = started[0] if started else None
        said = dialog.outcome[1] if isinstance(dialog, ProgressDialog) and dialog.outcome else ""
        out.append(Measure(f"{name}: window stall", gap, STALL_TARGET_MS, runs=1,
                           note=f"took {took:.1f} s" + (f"; {said.splitlines()[0][:60]}" if said else "")))  # fmt: skip
        print(f"  {name}: stall {gap:.0f} ms, took {took:.1f} s", flush=True)

    # The main window for the notice (its menu's job), closed after: its own timers' refreshes
    # are not these jobs' stalls. The other windows are shown as the main window builds them.
    main = MainWindow(office, admin)  # type: ignore[arg-type]
    main.show()
    shown: list[str] = []
    setattr(main, "preview", lambda pdf, name, make_job=None: shown.append(name))  # noqa: B010 - no modal preview
    measure("打印上月公告 (counted and drawn)", main.print_monthly_notice)
    stats = main._build_stats()
    assert isinstance(stats, StatsWindow)
    main.close()
    stats.show()
    computed: list[object] = []
    stats.computed.connect(computed.append)
    measure("统计报表 计算 and the tabs filled (this quarter)", stats.start, lambda: bool(computed))
    measure("统计报表 导出 PDF", lambda: stats.export_pdf_to(out_dir / "统计.pdf"))
    measure("统计报表 导出 Excel", lambda: stats.export_xlsx_to(out_dir / "统计.xlsx"))
    page = OwnerPage(office.owner_files, office.trail, admin)  # type: ignore[arg-type]
    page.show()
    measure("业主档案 导出 Excel", lambda: page.export_to(out_dir / "业主.xlsx"))
    exports: list[object] = []
    export = ImportDialog(office, "export", out_dir / "案件台账.xlsx")
    export.finished_import.connect(exports.append)
    measure("导出案件台账 (every case to Excel)", export.show, lambda: bool(exports))
    ledger = FormLedgerPage(office.forms, office.staff, admin, Printouts(office, admin))  # type: ignore[arg-type]
    ledger.show()

    def blank_forms() -> object:
        dialog = ledger.ask_blank_forms()
        dialog.count.setValue(100)  # type: ignore[attr-defined]
        dialog.ok_button.click()
        return dialog

    measure("表单台账 打印空白表 100 份 (made, then the preview opened)", blank_forms,
            lambda: ledger.preview is not None and ledger.preview.isVisible())  # fmt: skip
    if ledger.preview is not None:
        ledger.preview.close()
    widgets: list[QWidget] = [ledger, export, page, stats]
    if backups:
        page_b = BackupPage(office.backups, office.policies, office.data_dir, username="admin")
        page_b.show()
        finished: list[bool] = []
        page_b.backup_finished.connect(finished.append)
        measure("备份与恢复 立即备份", page_b.start_backup, lambda: bool(finished))
        measure("备份与恢复 全部校验", page_b.check_all)
        widgets.append(page_b)
    for widget in widgets:
        widget.close()
    return out


if __name__ == "__main__":
    if sys.argv[1:2] == ["jobs"]:  # python -m bench.window_stall jobs DATA_DIR [LOGIN PASSWORD]
        from bench import generate

        folder = Path(sys.argv[2])
        login = sys.argv[3:5] or [generate.ADMIN, generate.ADMIN_PASSWORD]
        office = Office.login(folder, login[0], login[1])
        admin = office.staff.authenticate(login[0], login[1])
        for m in job_stalls(office, admin, Path(tempfile.mkdtemp())):
            print(f"{m.name}: {m.value_ms:.0f} ms (target {m.target_ms:.0f}) — {m.note}")
        office.close()
        raise SystemExit(0)
    args = [int(a) for a in sys.argv[1:]]
    for m in window_stalls(*(args or [200_000])):
        print(f"{m.name}: {m.value_ms:.0f} ms (target {m.target_ms:.0f}) — {m.note}")
