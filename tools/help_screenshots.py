"""Make the pictures of the 帮助 page from a demo data folder.

    python tools/help_screenshots.py [DEMO_DIR]

Fills DEMO_DIR with demo data if it is empty, opens each page offscreen at 1366×768 and
saves resources/help/*.png (shrunk to 960 px wide to keep the bundle small).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402

from app.demo import fill_demo  # noqa: E402
from app.models import Case, Visit  # noqa: E402
from app.office import Office  # noqa: E402
from ui.app import make_application  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

OUT = ROOT / "resources" / "help"
PAGES = ["dashboard", "intake", "cases", "calendar", "planner", "forms", "stats"]


def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    image = widget.grab().toImage().scaledToWidth(960, Qt.TransformationMode.SmoothTransformation)
    image.save(str(OUT / f"{name}.png"))
    print("saved", name)


def main() -> int:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/huiyin-help-demo")
    app = make_application(["help"])
    office = Office.open(data)
    if not Case.select().exists():
        fill_demo(office)
    user = office.staff.authenticate("admin", "admin123")
    window = MainWindow(office, user)
    window.resize(1366, 768)
    window.show()
    for key in PAGES:
        window.show_page(key)
        app.processEvents()
        if key == "stats":
            page = window.page("stats")
            with_signal = getattr(page, "computed", None)
            if with_signal is not None:
                done = []
                page.computed.connect(done.append)
                page.start()
                while not done:
                    app.processEvents()
        save(window, key)
    from ui.case_detail import CaseDetailDialog
    from ui.visit_record.dialog import VisitRecordDialog

    case = Case.select().where(Case.state == "处理中").order_by(Case.id.desc()).first()
    detail = CaseDetailDialog(case.id, office.cases, office.staff, user)
    detail.show()
    app.processEvents()
    save(detail, "case_detail")
    visit = Visit.select().where(Visit.state == "计划").first()
    record = VisitRecordDialog(visit.id, office.visits, office.staff, user)
    record.show()
    app.processEvents()
    save(record, "visit_record")
    office.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
