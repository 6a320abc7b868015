"""投诉分析 tab: the categories' 柏拉图, and the complaints by category, party, building,
validity and severity, each beside the previous period."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QTableWidget, QVBoxLayout, QWidget

from app.i18n import term
from app.rates import percent
from app.stats import PeriodStats
from ui.figures import cell
from ui.i18n import QT_TR_NOOP
from ui.palette import MUTED_TEXT
from ui.stats.charts import ParetoChart
from ui.stats.common import boxed, fill, stats_table


class ComplaintsTab(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.pareto = ParetoChart()
        self.received_label = QLabel()
        self.received_label.setWordWrap(True)

        def side_table(first: str) -> QTableWidget:
            return stats_table([self.tr(c) for c in (first, QT_TR_NOOP("本期"), QT_TR_NOOP("上期"))], 0)

        self.category_table = side_table(QT_TR_NOOP("类别"))
        self.validity_table = side_table(QT_TR_NOOP("有效性"))
        self.severity_table = side_table(QT_TR_NOOP("程度"))
        self.building_table = side_table(QT_TR_NOOP("楼栋"))
        self.party_table = side_table(QT_TR_NOOP("被投诉方"))
        chart_box = QGroupBox(self.tr("投诉类别柏拉图(本期)"))
        cl = QVBoxLayout(chart_box)
        cl.addWidget(self.received_label)
        cl.addWidget(self.pareto, 1)
        # The chart across the page (room for every category's name), the tables below it in
        # a row, each as tall as its rows; the page scrolls when they are long.
        self.pareto.setMinimumHeight(self.fontMetrics().height() * 22)
        tables = QGridLayout()
        for i, (title, table) in enumerate(
            (
                (self.tr("按类别"), self.category_table),
                (self.tr("按被投诉方"), self.party_table),
                (self.tr("按楼栋"), self.building_table),
                (self.tr("按有效性"), self.validity_table),
                (self.tr("按程度"), self.severity_table),
            )
        ):
            tables.addWidget(boxed(title, table), i // 3, i % 3)
        for column in range(3):
            tables.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(chart_box)
        layout.addLayout(tables)
        layout.addStretch(1)

    def show_stats(self, cur: PeriodStats, prev: PeriodStats) -> None:
        self.pareto.set_items([(term(name), n) for name, n in cur.complaints_by_category])
        complaints, prev_complaints = cur.cases_received.get("投诉", 0), prev.cases_received.get("投诉", 0)
        self.received_label.setText(
            self.tr("本期受理投诉 {0} 件(上期 {1} 件);住户 {2} 户,投诉率 {3}(每百户 {4:.2f} 件)。").format(
                complaints,
                prev_complaints,
                cur.households,
                percent(cur.complaint_rate, 2),
                cur.complaint_rate * 100,
            )
        )
        _side_by_side(
            self.category_table, dict(cur.complaints_by_category), dict(prev.complaints_by_category)
        )
        _side_by_side(self.validity_table, cur.complaints_by_validity, prev.complaints_by_validity)
        _side_by_side(
            self.severity_table,
            cur.complaints_by_severity,
            prev.complaints_by_severity,
            list(cur.complaints_by_severity),
        )
        _side_by_side(
            self.building_table, dict(cur.complaints_by_building), dict(prev.complaints_by_building)
        )
        _side_by_side(  # typed by people: shown as typed
            self.party_table, dict(cur.complaints_by_party), dict(prev.complaints_by_party), words=False
        )


def _side_by_side(
    table: QTableWidget,
    current: dict[str, int],
    previous: dict[str, int],
    order: list[str] | None = None,
    words: bool = True,
) -> None:
    """One row a key, this period beside the previous one; most first unless `order` is given.
    `words`: the keys are the program's or the policy's words, shown in the chosen language."""
    keys = order or sorted(
        set(current) | set(previous), key=lambda k: (-current.get(k, 0), -previous.get(k, 0), k)
    )
    fill(
        table,
        [
            [
                cell(term(k) if words else k),
                cell(current.get(k, 0), True),
                cell(previous.get(k, 0), True, MUTED_TEXT),
            ]
            for k in keys
        ],
    )
