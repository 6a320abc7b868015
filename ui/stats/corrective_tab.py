"""纠正预防 tab: what calls for corrective and preventive action — unsatisfied visits, repeat
complaints, repeat repairs — as a tree; double-clicking a line opens its case."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from app.i18n import term
from app.stats import Group, PeriodStats
from ui.i18n import QT_TR_NOOP
from ui.palette import ERROR_RED, MUTED_TEXT
from ui.stats.common import NUMBER_ROLE, CaseRows


class CorrectiveTab(CaseRows):
    def __init__(self) -> None:
        super().__init__()
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [
                self.tr(c)
                for c in (
                    QT_TR_NOOP("不合格项"),
                    QT_TR_NOOP("房号"),
                    QT_TR_NOOP("类别 / 评价"),
                    QT_TR_NOOP("案件编号"),
                )
            ]
        )
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setStyleSheet("QTreeWidget::item { padding: 3px 0; }")
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        note = QLabel(
            self.tr(
                "不满意的回访、同一事项连续投诉两次及以上、同一维修三次及以上,须采取纠正和预防措施。双击一行打开其案件"
                "(一组打开最近的一件,展开后可逐件打开)。"
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {MUTED_TEXT};")
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.tree, 1)

    def show_stats(self, cur: PeriodStats) -> None:
        self.tree.clear()
        top = self._section(self.tr("不满意的回访"), len(cur.unsatisfied))
        for u in cur.unsatisfied:
            item = QTreeWidgetItem(
                top,
                [
                    self.tr("{0} 第{1}次回访").format(u["date"], u["attempt"]),
                    u["room"],
                    str(u["satisfaction"]),
                    u["case"] or self.tr("(无案件)"),
                ],
            )
            item.setForeground(2, QBrush(QColor(ERROR_RED)))
            if u["case"]:
                item.setData(0, NUMBER_ROLE, u["case"])
        self._groups(
            self._section(self.tr("重复投诉(同一事项两次及以上)"), len(cur.repeat_complaints)),
            cur.repeat_complaints,
            self.tr("投诉"),
        )
        self._groups(
            self._section(self.tr("重复维修(同一维修三次及以上)"), len(cur.repeat_repairs)),
            cur.repeat_repairs,
            self.tr("报修"),
        )

    def _section(self, title: str, count: int) -> QTreeWidgetItem:
        top = QTreeWidgetItem([self.tr("{0}({1} 项)").format(title, count)])
        font = top.font(0)
        font.setBold(True)
        top.setFont(0, font)
        self.tree.addTopLevelItem(top)
        if not count:
            QTreeWidgetItem(top, [self.tr("本期没有")]).setForeground(0, QBrush(QColor(MUTED_TEXT)))
        top.setExpanded(True)
        return top

    def _groups(self, parent: QTreeWidgetItem, items: list[Group], unit: str) -> None:
        for g in items:
            row = QTreeWidgetItem(
                parent, [self.tr("{0} 次{1}").format(g.count, unit), g.room, self._item(g), ",".join(g.cases)]
            )
            row.setData(0, NUMBER_ROLE, g.cases[-1])  # the latest of the group
            row.setForeground(0, QBrush(QColor(ERROR_RED)))
            for number in g.cases:
                child = QTreeWidgetItem(row, ["", "", "", number])
                child.setData(0, NUMBER_ROLE, number)
            row.setExpanded(False)

    def _item(self, g: Group) -> str:
        """The matter: a complaint's category; a repair's category · sub-category (细类未填)."""
        if g.subcategory is None:
            return g.category
        return self.tr("{0}·{1}").format(term(g.category), term(g.subcategory) or self.tr("(细类未填)"))

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        number = item.data(0, NUMBER_ROLE)
        if number:
            self.open_case_number.emit(str(number))
