"""Peak memory of the window at ten years (issue 17 item 7: ≤ 250 MB at 500,000 cases for the
window with the case list, the calendar, the dashboard and the statistics opened once each).

Run by `memory_measures` as `python -m bench.memory DATA_DIR`, a process of its own so that the
peak is the window's and nothing else's: the main window is built for the administrator, each
page shown in turn and left to finish what it loads in the background (the statistics computed
for the current year), and the process's peak resident memory (ru_maxrss) printed as JSON after
each page. The process ends with os._exit: teardown is not part of any figure.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from bench.measures import Measure

TARGET_MB = 250.0
PAGES = ("dashboard", "cases", "calendar", "stats")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _settle(app, until, limit_s: float = 120.0) -> None:  # type: ignore[no-untyped-def]
    """Process events until `until()` holds (work on threads done) or the limit passes."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        app.processEvents()
        if until():
            break
        time.sleep(0.01)
    for _ in range(20):
        app.processEvents()


def main(data_dir: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QThreadPool

    from app.models import Staff
    from app.office import Office
    from bench.generate import ADMIN, ADMIN_PASSWORD
    from ui.app import make_application
    from ui.main_window import MainWindow

    app = make_application([sys.argv[0]])
    # another office (the demo's admin/admin123) through HUIYIN_BENCH_LOGIN=name:password
    name, _, password = os.environ.get("HUIYIN_BENCH_LOGIN", f"{ADMIN}:{ADMIN_PASSWORD}").partition(":")
    office = Office.login(data_dir, name, password)
    user = Staff.get(Staff.username == name)
    window = MainWindow(office, user)
    window.resize(1350, 728)
    window.show()
    pool = QThreadPool.globalInstance()
    steps: dict[str, float] = {"window": _rss_mb()}
    for key in PAGES:
        page = window.show_page(key)
        _settle(app, lambda: pool.activeThreadCount() == 0, 5.0)
        start = getattr(page, "start", None)
        if key == "stats" and callable(start):  # 计算 for the default period (this year's quarter)
            start()
            busy = getattr(page, "is_busy", lambda: False)
            _settle(app, lambda busy=busy: not busy() and pool.activeThreadCount() == 0)
        steps[key] = _rss_mb()
    print(json.dumps(steps))
    sys.stdout.flush()
    os._exit(0)


def memory_measures(folder: Path) -> list[Measure]:
    """The window's peak memory after each page, measured in a fresh process."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "bench.memory", str(folder)],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
        check=True,
        timeout=1800,
    )
    steps = json.loads(done.stdout.strip().splitlines()[-1])
    results = [
        Measure(
            f"内存峰值 · 主窗口 + {' + '.join(PAGES)}",
            value_mb=round(steps["stats"], 1),
            target_mb=TARGET_MB,
            runs=1,
        )
    ]
    results += [
        Measure(f"内存峰值 · 打开 {key} 之后", value_mb=round(steps[key], 1), runs=1)
        for key in ("window", *PAGES[:-1])
    ]
    return results


if __name__ == "__main__":
    main(Path(sys.argv[1]))
