"""How long the window's thread stalls while 校验审计链 and 文件 → 立即备份 run (issue 17, item 1:
≤ 100 ms), beside how long each job takes; the bench's generated offices hold no audit trail,
so this builds one of `entries` keyed entries in a fresh office first.

    python -m bench.window_stall ENTRIES [CASES]     (e.g. 1000000 20000)
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


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    for m in window_stalls(*(args or [200_000])):
        print(f"{m.name}: {m.value_ms:.0f} ms (target {m.target_ms:.0f}) — {m.note}")
