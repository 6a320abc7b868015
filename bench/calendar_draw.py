"""The visit calendar's month drawn: the page reloads a month (one grouped count query) and
paints it, as a clerk paging through months sees it. This is the figure the old calendar test
held to 100 ms (a month of 2,000 visits); timings live here, not in the tests."""

from __future__ import annotations

import datetime as dt
import os

from app.office import Office
from bench.measures import Measure, timed

TARGET_MS = 100.0  # a month of ~2,000 visits redrawn within a tenth of a second


def month_draw(office: Office, today: dt.date, runs: int) -> list[Measure]:
    """refresh() + grab() of the calendar page on `today`'s month, the median of `runs`."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.calendar.page import VisitCalendarPage

    app = QApplication.instance() or QApplication([])
    page = VisitCalendarPage(office.visits, office.staff, office.clock)
    try:
        page.resize(1366, 768)
        page.show()
        page.selected = today
        page.refresh()
        page.grab()  # the first paint loads the fonts' glyphs

        def draw() -> None:
            page.refresh()
            page.grab()
            app.processEvents()

        value = timed(draw, runs)
        grid = page.month_view
        shown = sum(n for day in grid.days for n in grid.counts.get(day, {}).values())
    finally:
        page.close()
        page.deleteLater()
        app.processEvents()
    return [
        Measure(
            f"visit calendar month drawn (refresh + paint, {shown:,} visits)",
            round(value, 3),
            TARGET_MS,
            runs=runs,
            note="the page's own refresh() and a full paint of the month grid, offscreen",
        )
    ]
