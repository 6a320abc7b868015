"""审计记录 at ten years (issue 17 item 4): the window opened, paged forward, back and deep, filtered
by a person, and the chain check from the last verified point, beside the whole check (its
floor: every entry hashed once). Measured on the bench's folder, whose trail
`bench/audit_trail.py` wrote at about 20 entries a case (4 million at 200,000 cases)."""

from __future__ import annotations

import os
import statistics
import time

from app.models import AuditEntry
from app.office import Office
from bench.measures import Measure, timed

TARGET_MS = 200.0  # the target for opening and paging at 4 million entries


def audit_window_measures(office: Office, runs: int) -> list[Measure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.audit_window import AuditWindow

    app = QApplication.instance() or QApplication([])
    trail, admin = office.trail, office.user
    entries = AuditEntry.select().count()
    note = f"{entries:,} entries"

    def open_window() -> AuditWindow:
        w = AuditWindow(trail)
        w.resize(1366, 768)
        w.show()
        app.processEvents()
        return w

    shown: list[AuditWindow] = []
    out = [
        Measure(
            "审计记录: open",
            timed(lambda: shown.append(open_window()), runs),
            TARGET_MS,
            runs=runs,
            note=note,
        )
    ]
    window = shown[-1]

    def forward_and_back() -> None:
        window._go(window.page + 1)
        app.processEvents()

    out.append(Measure("审计记录: next page", timed(forward_and_back, runs), TARGET_MS, runs=runs, note=note))
    middle = (
        AuditEntry.select(AuditEntry.id).order_by(AuditEntry.id).offset(entries // 2).limit(1).scalar() or 0
    )

    def deep_page() -> None:
        window._page_starts = [None, middle]
        window.page = 1
        window.refresh()
        app.processEvents()

    out.append(
        Measure("审计记录: a page half-way back", timed(deep_page, runs), TARGET_MS, runs=runs, note=note)
    )
    name = admin.name if admin is not None else ""

    def by_person() -> None:
        window.actor_filter.setCurrentText(name)
        window.apply_filter()
        app.processEvents()

    out.append(
        Measure("审计记录: filter by a person", timed(by_person, runs), TARGET_MS, runs=runs, note=note)
    )
    started = time.perf_counter()
    whole = trail.chain_check(actor=admin, full=True)
    full_ms = (time.perf_counter() - started) * 1000
    out.append(
        Measure("校验审计链: whole trail (worker thread)", full_ms, runs=1, note=f"{whole.checked:,} entries")
    )
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        check = trail.chain_check(actor=admin)
        times.append((time.perf_counter() - started) * 1000)
    out.append(
        Measure(
            "校验审计链: from the last verified point",
            statistics.median(times),
            TARGET_MS,
            runs=runs,
            note=f"{check.checked:,} new entries after {check.since.count if check.since else 0:,}",
        )
    )
    for w in shown:
        w.close()
    return out
