"""处理情况 tab: received, resolution rate, overdue, extensions, response and resolution times,
首次回复超时 (count and rate) and 明确答复超时 beside the previous period; the period's overdue
cases and its late replies (double-click opens one)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QVBoxLayout

from app.i18n import term
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
        self.late_reply_table = stats_table([self.tr("回复超时(双击打开)"), self.tr("超时项")], 0)
        self.late_reply_table.doubleClicked.connect(
            lambda i: self.emit_row_number(self.late_reply_table, i.row())
        )
        late_box = boxed(self.tr("本期首次回复超时、明确答复超时"), self.late_reply_table)
        side = QVBoxLayout()
        side.addWidget(right)
        side.addWidget(late_box)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(left, 3, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(side, 2)

    def _rate(self, value: float | None) -> str:
        """A rate, or — when no first reply was owed in the period."""
        return "—" if value is None else percent(value)

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
                self.tr("首次回复超时"),
                str(late_c := sum(cur.late_first_replies.values())),
                str(late_p := sum(prev.late_first_replies.values())),
                change(late_c, late_p),
            ),
            (
                self.tr("首次回复超时率"),
                self._rate(cur.late_first_reply_rate),
                self._rate(prev.late_first_reply_rate),
                change(cur.late_first_reply_rate or 0.0, prev.late_first_reply_rate or 0.0, True)
                if cur.late_first_reply_rate is not None and prev.late_first_reply_rate is not None
                else "",
            ),
            (
                self.tr("明确答复超时(重大投诉)"),
                str(len(cur.late_clear_answers)),
                str(len(prev.late_clear_answers)),
                change(len(cur.late_clear_answers), len(prev.late_clear_answers)),
            ),
            (  # H22: 二类 cases forwarded to the developer in writing, and letters left unanswered
                self.tr("转交开发商(件)"),
                str(dev_c := cur.referrals.referred if cur.referrals else 0),
                str(dev_p := prev.referrals.referred if prev.referrals else 0),
                change(dev_c, dev_p),
            ),
            (
                self.tr("开发商逾期未回复(份)"),
                str(dev_late_c := cur.referrals.overdue if cur.referrals else 0),
                str(dev_late_p := prev.referrals.overdue if prev.referrals else 0),
                change(dev_late_c, dev_late_p),
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
        late_rows = []
        for numbers, what in (
            (cur.late_first_reply_cases, self.tr("首次回复")),
            (cur.late_clear_answers, self.tr("明确答复")),
        ):
            for number in numbers:
                item = cell(number, colour=ERROR_RED)
                item.setData(NUMBER_ROLE, number)
                late_rows.append([item, cell(what)])
        if not late_rows:
            late_rows.append([cell(self.tr("本期没有回复超时的案件。"), colour=MUTED_TEXT), cell("")])
        fill(self.late_reply_table, late_rows)
        fill(
            self.received_table,
            [
                [cell(term(k)), cell(n, True), cell(prev.cases_received.get(k, 0), True, MUTED_TEXT)]
                for k, n in cur.cases_received.items()
            ],
        )
        fit_height(self.measure_table)
