"""今日回访: today's open visits grouped by visitor (the overdue on top, in bold), with a line
that sums them up. Nobody's visits come last, under 未指定."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import term
from app.visits import OVERDUE, VisitRow
from app.visits.shown import shown_visit_reason
from ui.calendar.colours import state_colours
from ui.calendar.model import UNASSIGNED, EnterActivates, VisitListModel


class TodayList(QWidget):
    visit_selected = Signal(object)  # visit id or None
    visit_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards = VisitListModel(("card",), self)  # writes each visit's lines
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("状态"), self.tr("房号 · 业主 · 事由 · 时间")])
        self.tree.setRootIsDecorated(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(False)  # a visit is three lines, its visitor's heading one
        fm = self.tree.fontMetrics()
        self.tree.header().resizeSection(0, fm.horizontalAdvance("未联系上") + 44)  # data: a state
        self.tree.header().setStretchLastSection(True)
        self.tree.currentItemChanged.connect(
            lambda item, _prev: self.visit_selected.emit(
                item.data(0, Qt.ItemDataRole.UserRole) if item else None
            )
        )
        EnterActivates(self.tree, self._activate)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)

    def set_groups(self, groups: dict[str, list[VisitRow]]) -> None:
        """Show today's rows by visitor (`UNASSIGNED` for nobody's)."""
        self.tree.clear()
        total = overdue_total = 0
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for name in sorted(groups, key=lambda n: (n == UNASSIGNED, n)):
            rows = groups[name]
            overdue = sum(1 for r in rows if r.state == OVERDUE)
            total, overdue_total = total + len(rows), overdue_total + overdue
            label = self.tr("{0}:{1} 件").format(
                self.tr(UNASSIGNED) if name == UNASSIGNED else name, len(rows)
            )
            if overdue:
                label += self.tr("(逾期 {0})").format(overdue)
            top = QTreeWidgetItem([label])
            top.setFont(0, bold)
            for r in rows:
                child = QTreeWidgetItem([term(r.state), self.cards.card(r, with_visitor=False)])
                child.setData(0, Qt.ItemDataRole.UserRole, r.id)
                bg, fg = state_colours(r.state)
                child.setBackground(0, QColor(bg))
                child.setForeground(0, QColor(fg))
                if r.state == OVERDUE:
                    child.setFont(0, bold)
                child.setToolTip(0, shown_visit_reason(r.reason))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)  # only once it is in the tree
            top.setExpanded(True)
        if total:
            text = self.tr("今天共 {0} 件待回访,{1} 位回访人").format(total, len(groups))
            if overdue_total:
                text += self.tr(";其中逾期 {0} 件").format(overdue_total)
        else:
            text = self.tr("今天没有待回访的。")
        self.summary.setText(text)

    def _activate(self, index: QModelIndex) -> None:
        item = self.tree.itemFromIndex(index)
        visit_id = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if visit_id is not None:
            self.visit_activated.emit(int(visit_id))
