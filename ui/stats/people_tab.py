"""人员 tab: each visitor's visits planned, done, overdue and unsatisfied, the completion rate
as a bar, and a chart of visits done beside the previous period (for 绩效考评)."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QTableWidgetItem, QVBoxLayout, QWidget

from app.rates import percent, share
from app.stats import PeriodStats
from ui.figures import RATE_ROLE, RateBarDelegate, cell
from ui.i18n import QT_TR_NOOP
from ui.palette import ERROR_RED, MUTED_TEXT
from ui.stats.charts import PeopleChart
from ui.stats.common import fill, stats_table

RATE_COLUMN = 4


class PeopleTab(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.table = stats_table(
            [
                self.tr(c)
                for c in (
                    QT_TR_NOOP("回访人"),
                    QT_TR_NOOP("岗位"),
                    QT_TR_NOOP("计划"),
                    QT_TR_NOOP("完成"),
                    QT_TR_NOOP("完成率"),
                    QT_TR_NOOP("逾期"),
                    QT_TR_NOOP("不满意"),
                    QT_TR_NOOP("上期完成"),
                    QT_TR_NOOP("上期逾期"),
                )
            ],
            RATE_COLUMN,
        )
        # The completion rate as a bar across the width the tab has.
        self.table.setItemDelegateForColumn(RATE_COLUMN, RateBarDelegate(self.table))
        note = QLabel(
            self.tr("计划:到期日在本期内的回访;完成:本期内完成的;完成率:完成 ÷ 计划;逾期:到期未回访的。")
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {MUTED_TEXT};")
        self.chart = PeopleChart()
        chart_box = QGroupBox(self.tr("每人本期完成与上期对比"))
        QVBoxLayout(chart_box).addWidget(self.chart)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(note)
        layout.addWidget(chart_box)
        layout.addStretch(1)

    def show_stats(self, cur: PeriodStats, prev: PeriodStats) -> None:
        before = {v.name: v for v in prev.visitors}
        rows = []
        for v in cur.visitors:
            p = before.get(v.name)
            rows.append(
                [
                    cell(v.name),
                    cell(v.role),
                    cell(v.planned, True),
                    cell(v.done, True),
                    _rate_cell(v.done, v.planned),
                    cell(v.overdue, True, ERROR_RED if v.overdue else None),
                    cell(v.unsatisfied, True, ERROR_RED if v.unsatisfied else None),
                    cell(p.done if p else 0, True, MUTED_TEXT),
                    cell(p.overdue if p else 0, True, MUTED_TEXT),
                ]
            )
        fill(self.table, rows)
        self.chart.set_rows(
            [
                (v.name, v.done, before[v.name].done if v.name in before else 0, v.overdue, v.unsatisfied)
                for v in cur.visitors
            ]
        )


def _rate_cell(done: int, planned: int) -> QTableWidgetItem:
    """完成率: done ÷ planned as a bar; "—" when nothing was planned."""
    rate = share(done, planned)
    if rate is None:
        return cell(percent(None), True, MUTED_TEXT)
    item = cell(percent(rate))
    item.setData(RATE_ROLE, (rate, 0.0))
    return item
