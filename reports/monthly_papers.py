"""The month's two papers as the windows print them, for whoever prints them without a window
(the demo's replay: `app.demo.fill_demo(papers=PAPERS)`): the month's summary (月度汇总, the
month's analysis as the statistics window prints it) and the notice to owners (公告)."""

from __future__ import annotations

import datetime as dt

from app.periods import Period
from app.stats import Comparison, PeriodStats
from reports.notice import MonthlyNotice, notice_period
from reports.quarterly import QuarterlyReport


class MonthlyPapers:
    """`app.demo.paperwork.Papers`, made with the same reports the windows use."""

    def summary(self, office_name: str, data: Comparison, today: dt.date) -> bytes:
        return QuarterlyReport(office_name, data, generated=today).generate()

    def notice(
        self,
        office_name: str,
        stats: PeriodStats,
        examples: list[tuple[str, str, str]],
        names: list[str],
        today: dt.date,
    ) -> bytes:
        return MonthlyNotice(office_name, stats, examples, generated=today, redact=names).generate()

    def notice_period(self, today: dt.date) -> Period:
        return notice_period(today)


PAPERS = MonthlyPapers()
