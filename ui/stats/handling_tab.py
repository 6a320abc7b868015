"""处理情况 tab: received, resolution rate, overdue, extensions, response and resolution times
beside the previous period; the period's overdue cases (double-click opens one)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QVBoxLayout

from app.rates import percent
from app.stats import PeriodStats
from ui.figures import cell
from ui.i18n import QT_TR_NOOP
from ui.palette import ERROR_RED, MUTED_TEXT
from ui.stats.common import NUMBER_ROLE, CaseRows, boxed, change, fill, fit_height, hours, stats_table


class HandlingTab(CaseRows):
    def __init__(self) -> None:
        super().__init__()
        self.measure_table = stats_table(
            [
                self.tr(c)
                for c in (QT_TR_NOOP("指标"), QT_TR_NOOP("本期"), QT_TR_NOOP("上期"), QT_TR_NOOP("较上期"))
            ],
            0,
        )
        self.overdue_table = stats_table([self.tr("逾期案件(双击打开)")], 0)
        self.overdue_table.doubleClicked.connect(lambda i: self.emit_row_number(self.overdue_table, i.row()))
        self.received_table = stats_table(
            [self.tr(c) for c in (QT_TR_NOOP("性质"), QT_TR_NOOP("本期受理"), QT_TR_NOOP("上期受理"))], 0
        )
        left = QGroupBox(self.tr("处理指标"))
        ll = QVBoxLayout(left)
        ll.addWidget(self.measure_table)
        ll.addWidget(QLabel(self.tr("受理件数(按性质)")))
        ll.addWidget(self.received_table)
        ll.addStretch(1)
        right = boxed(self.tr("本期逾期案件"), self.overdue_table)
        layout = QHBoxLayout(self)
        layout.addWidget(left, 3, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(right, 2, Qt.AlignmentFlag.AlignTop)

    def show_stats(self, cur: PeriodStats, prev: PeriodStats) -> None:
        received_c, received_p = sum(cur.cases_received.values()), sum(prev.cases_received.values())
        rows = [
            (self.tr("受理件数"), str(received_c), str(received_p), change(received_c, received_p)),
            (
                self.tr("办结率"),
                percent(cur.resolution_rate),
                percent(prev.resolution_rate),
                change(cur.resolution_rate, prev.resolution_rate, True),
            ),
            (self.tr("逾期件数"), str(cur.overdue), str(prev.overdue), change(cur.overdue, prev.overdue)),
            (
                self.tr("延期次数"),
                str(cur.extensions),
                str(prev.extensions),
                change(cur.extensions, prev.extensions),
            ),
            (
                self.tr("首次响应 中位数"),
                hours(cur.response_time.median_hours),
                hours(prev.response_time.median_hours),
                "",
            ),
            (
                self.tr("首次响应 P90"),
                hours(cur.response_time.p90_hours),
                hours(prev.response_time.p90_hours),
                "",
            ),
            (
                self.tr("办结用时 中位数"),
                hours(cur.resolution_time.median_hours),
                hours(prev.resolution_time.median_hours),
                "",
            ),
            (
                self.tr("办结用时 P90"),
                hours(cur.resolution_time.p90_hours),
                hours(prev.resolution_time.p90_hours),
                "",
            ),
            (
                self.tr("投诉率(每百户)"),
                f"{cur.complaint_rate * 100:.2f}",
                f"{prev.complaint_rate * 100:.2f}",
                change(cur.complaint_rate * 100, prev.complaint_rate * 100, digits=2),
            ),
        ]
        fill(
            self.measure_table,
            [[cell(a), cell(b, True), cell(c, True, MUTED_TEXT), cell(d, True)] for a, b, c, d in rows],
        )
        overdue_rows = []
        for number in cur.overdue_cases:
            item = cell(number, colour=ERROR_RED)
            item.setData(NUMBER_ROLE, number)
            overdue_rows.append([item])
        if not overdue_rows:
            overdue_rows.append([cell(self.tr("本期没有逾期案件。"), colour=MUTED_TEXT)])
        fill(self.overdue_table, overdue_rows)
        fill(
            self.received_table,
            [
                [cell(k), cell(n, True), cell(prev.cases_received.get(k, 0), True, MUTED_TEXT)]
                for k, n in cur.cases_received.items()
            ],
        )
        fit_height(self.measure_table)
