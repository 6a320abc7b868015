"""One start of the program, as a separate process: window drawn, then the case list.

Run by `bench.measures.cold_start` as `python -m bench.coldstart DATA_DIR`; prints one JSON
line with the moments (epoch seconds) and the peak resident memory. The login dialog is
skipped: the Office and the MainWindow are built with the administrator directly.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path


def main(data_dir: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from app.models import Staff
    from app.office import Office
    from ui.app import make_application
    from ui.main_window import MainWindow

    app = make_application([sys.argv[0]])
    from bench.generate import ADMIN, ADMIN_PASSWORD

    office = Office.login(data_dir, ADMIN, ADMIN_PASSWORD)
    user = Staff.get(Staff.username == "admin")
    window = MainWindow(office, user)
    moments: dict[str, float] = {}

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if (
                "painted" not in moments
                and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget)
                and watched.window() is window
            ):
                moments["painted"] = time.time()
                QTimer.singleShot(0, app.quit)
            return False

    spy = FirstPaint()
    app.installEventFilter(spy)
    window.show()
    QTimer.singleShot(20_000, app.quit)  # never hang the benchmark
    app.exec()
    app.removeEventFilter(spy)
    rss_window = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window.show_page("cases")
    QApplication.processEvents()
    window.repaint()
    moments["list_shown"] = time.time()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({**moments, "rss_window_mb": rss_window, "rss_mb": rss}))
    sys.stdout.flush()
    window.close()
    office.close()
    os._exit(0)  # the measured process ends here; teardown is not part of any figure


if __name__ == "__main__":
    main(Path(sys.argv[1]))
