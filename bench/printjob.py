"""100 pre-filled 《回访记录表》 sent to a printer from a window, as a separate process.

Run by `bench.measures.print_job` as `python -m bench.printjob DATA_DIR PRINTER [COUNT]`
(or by hand, on any data folder with visits: `python -m huiyin demo` makes one). The job is
made and sent the way 打印… does it (`ui.print_job.PrintJob`: numbers reserved on the
window's thread, the PDF drawn and sent to CUPS in a worker); a 5 ms timer on the window's
thread records the longest gap between its ticks (the longest time the window could not
answer a click). Prints one JSON line. The forms' numbers are confirmed in the copy of the
database the benchmark works on.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bench.measures import Measure

TICK_MS = 5


def main(data_dir: Path, printer_name: str, count: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QLabel

    from app.models import Signature, Staff, Visit
    from app.office import Office
    from reports.printing import Printouts
    from ui.app import make_application
    from ui.print_job import PrintJob

    app = make_application([sys.argv[0]])
    from bench.generate import ADMIN, ADMIN_PASSWORD

    office = Office.login(data_dir, ADMIN, ADMIN_PASSWORD)
    user = Staff.get(Staff.username == "admin")
    # Visits with no form number yet, so each takes a new number; signed ones first (their
    # forms carry the signature pictures, the heaviest pages).
    signed = Signature.select(Signature.visit).where(Signature.signer == "customer")
    unnumbered = Visit.form_no.is_null() | (Visit.form_no == "")
    visits = list(
        Visit.select().where(unnumbered, Visit.id.in_(signed)).order_by(Visit.id.desc()).limit(count)
    )
    if len(visits) < count:
        more = Visit.select().where(unnumbered, Visit.id.not_in([v.id for v in visits]))
        visits += list(more.order_by(Visit.id.desc()).limit(count - len(visits)))
    window = QLabel("回音")
    window.resize(400, 200)
    window.show()
    app.processEvents()
    printouts = Printouts(office, user)
    # 打印… is pressed in a preview: the window has drawn a form already (fonts loaded).
    printouts.visit_form_preview(visits[0])

    gaps: list[float] = []
    at: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        at.append(now)
        last[0] = now

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    moments: dict[str, float] = {}
    result: dict[str, object] = {}

    def send() -> None:
        moments["start"] = time.perf_counter()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPrinterName(printer_name)
        # As 打印… does: the numbers are reserved and the forms drawn in the job's worker.
        job = PrintJob(
            lambda: printouts.visit_forms_job(visits), printer, window, page_count=len(visits), numbered=True
        )

        def ended(ok: bool, message: str) -> None:
            moments["end"] = time.perf_counter()
            result.update(ok=ok, message=message, way=job.way, pdf_bytes=len(job.worker.pdf))
            worker = job.worker
            cups_job = getattr(worker, "cups_job", None)
            if cups_job is not None:
                result["job_id"] = cups_job.job_id
                if cups_job.sent_at is not None:
                    result["sent_ms"] = (cups_job.sent_at - moments["start"]) * 1000
            QTimer.singleShot(50, app.quit)

        job.finished.connect(ended)
        job.start()

    timer.start()
    QTimer.singleShot(200, send)
    QTimer.singleShot(120_000, app.quit)  # never hang the benchmark
    last[0] = time.perf_counter()
    app.exec()
    timer.stop()
    # Ticks while the job ran (the first tick after `send` includes making the job).
    stall = max(gaps) * 1000 - TICK_MS if gaps else None
    print(
        json.dumps(
            {
                **result,
                "forms": len(visits),
                "total_ms": (moments["end"] - moments["start"]) * 1000 if "end" in moments else None,
                "longest_stall_ms": stall,
                "longest_stall_at_ms": (at[gaps.index(max(gaps))] - moments["start"]) * 1000
                if gaps
                else None,
                "stalls_over_50ms": sum(1 for g in gaps if g * 1000 - TICK_MS > 50),
            },
            ensure_ascii=False,
        )
    )
    sys.stdout.flush()
    office.close()
    os._exit(0)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 100)


def print_job_measures(
    data_dir: Path, printer: str = "HuiyinPDF", count: int = 100, runs: int = 3
) -> list[Measure]:
    """The measures of issue 11 for printing: 100 pre-filled forms sent to a CUPS printer.

    Run in a separate process (it needs a window and its own event loop), `runs` times (the
    median is kept). Without a CUPS printer of that name, a line says so and nothing is
    measured (tools/cups_setup.sh makes one)."""
    import subprocess

    from app.print_jobs import Cups, PrintFailed
    from bench.measures import ROOT, Measure

    name = f"{count} pre-filled forms sent to the printer"
    try:
        if not Cups.installed():
            raise PrintFailed("no lp", "")
        Cups().check(printer)
    except PrintFailed as exc:
        print(f"  not measured: no CUPS printer {printer} ({exc}); run tools/cups_setup.sh", flush=True)
        return []
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    done: list[dict[str, Any]] = []
    for _ in range(runs):  # each run takes new numbers: the forms are printed again
        proc = subprocess.run(
            [sys.executable, "-m", "bench.printjob", str(data_dir), printer, str(count)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
        if proc.returncode != 0 or not lines:
            raise RuntimeError(f"print job benchmark failed:\n{proc.stderr[-3000:]}")
        run = json.loads(lines[-1])
        if not run.get("ok"):
            raise RuntimeError(f"print job failed: {run.get('message')}")
        done.append(run)
    got = {
        key: statistics.median(r[key] for r in done) for key in ("sent_ms", "total_ms", "longest_stall_ms")
    }
    got.update(way=done[0]["way"], forms=done[0]["forms"], pdf_bytes=max(r["pdf_bytes"] for r in done))
    got["stalls_over_50ms"] = max(r["stalls_over_50ms"] for r in done)
    printed = f"printed by the test printer after {got['total_ms'] / 1000:.1f} s; {got['forms']} forms"
    return [
        Measure(
            f"{name}: until the print server has the job",
            round(got["sent_ms"], 1),
            5000.0,
            runs=runs,
            note=f"median of {runs}; {got['way']}; {printed}",
        ),
        Measure(f"{name}: job size", value_mb=round(got["pdf_bytes"] / 2**20, 2), target_mb=5.0, runs=runs),
        Measure(
            f"{name}: longest stall of the window's thread",
            round(got["longest_stall_ms"], 1),
            100.0,
            runs=runs,
            note=f"median of {runs}; at most {got['stalls_over_50ms']} stalls over 50 ms in a run",
        ),
    ]
