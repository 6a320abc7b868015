"""待回访: every open visit, overdue first by due date; assign, drop, 公开信."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import ROLES
from app.errors import UserError
from app.i18n import term
from app.visits.shown import shown_visit_reason
from ui.dialogs import ReasonDialog
from ui.i18n import QT_TR_NOOP
from ui.visit_planner.dialogs import OpenLetterDialog
from ui.visit_planner.parts import (
    NOT_CHOSEN_TEXT,
    OVERDUE_TEXT,
    OVERDUE_TINT,
    TODAY_TEXT,
    TODAY_TINT,
    cell,
    due_words,
    planner_table,
    row_data,
)

if TYPE_CHECKING:
    from app.models import Staff, Visit
    from ui.visit_planner.page import VisitPlannerPage


class OpenVisitsTab(QWidget):
    """待回访: every open visit, overdue first by due date; assign, drop, 公开信."""

    COLUMNS = (
        QT_TR_NOOP("到期"),
        QT_TR_NOOP("状态"),
        QT_TR_NOOP("案件 / 类型"),
        QT_TR_NOOP("房号"),
        QT_TR_NOOP("性质·程度"),
        QT_TR_NOOP("回访人角色"),
        QT_TR_NOOP("回访人"),
        QT_TR_NOOP("次数"),
        QT_TR_NOOP("安排原因"),
    )

    def __init__(self, page: VisitPlannerPage) -> None:
        super().__init__()
        self.page = page
        self.summary = QLabel()
        self.table = planner_table(self.COLUMNS, self.tr)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(self._activated)

        self.people: dict[int, Staff] = {}
        self.visitor = QComboBox()
        self.visitor.setMinimumContentsLength(12)
        self.assign_button = QPushButton(self.tr("指派"))
        self.assign_button.clicked.connect(self.assign_selected)
        self.open_button = QPushButton(self.tr("打开回访"))
        self.open_button.clicked.connect(self._open_visit)
        self.case_button = QPushButton(self.tr("打开案件"))
        self.case_button.clicked.connect(self._open_case)
        self.drop_button = QPushButton(self.tr("取消回访…"))
        self.drop_button.clicked.connect(self.ask_drop)
        self.letter_button = QPushButton(self.tr("公开信答复…"))
        self.letter_button.clicked.connect(self.ask_open_letter)

        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(QLabel(self.tr("回访人")))
        bar.addWidget(self.visitor)
        bar.addWidget(self.assign_button)
        bar.addSpacing(12)
        bar.addWidget(self.open_button)
        bar.addWidget(self.case_button)
        bar.addWidget(self.drop_button)
        bar.addWidget(self.letter_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self._selection_changed()

    def refresh(self) -> None:
        today = self.page.clock.now().date()
        keep = set(self.selected_ids())
        visits = list(self.page.visits.open_visits())
        self.table.setRowCount(0)
        self.table.setRowCount(len(visits))
        overdue = 0
        for row, visit in enumerate(visits):
            case = visit.case if visit.case_id else None
            days = (visit.due - today).days
            overdue += days < 0
            values = [
                cell(visit.due.isoformat(), visit.id),
                cell(self.tr(due_words(visit.due, today))),
                cell(case.number if case else term(visit.purpose), case.id if case else None),
                cell(visit.room.label if visit.room is not None else "—"),
                cell(f"{term(case.kind)}·{term(case.severity)}" if case else self.tr("定期/事件")),
                cell(term(ROLES.get(visit.role, visit.role))),
                cell(visit.visitor_name or self.tr("未指定")),
                cell(self.tr("第{0}次").format(visit.attempt), align_center=True),
                cell(shown_visit_reason(visit.reason)),
            ]
            values[-1].setToolTip(shown_visit_reason(visit.reason))
            tint, text = (
                (OVERDUE_TINT, OVERDUE_TEXT)
                if days < 0
                else (TODAY_TINT, TODAY_TEXT)
                if days == 0
                else (None, None)
            )
            for col, item in enumerate(values):
                if tint is not None:
                    item.setBackground(QBrush(tint))
                if text is not None and col == 1:
                    item.setForeground(QBrush(text))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if not visit.visitor_name and col == 6:
                    item.setForeground(QBrush(NOT_CHOSEN_TEXT))
                self.table.setItem(row, col, item)
            if visit.id in keep:
                self.table.selectRow(row)
        self.summary.setText(
            self.tr("待回访 {0} 条,其中逾期 {1} 条").format(len(visits), overdue)
            if visits
            else self.tr("没有待回访的回访")
        )
        if overdue:
            self.summary.setStyleSheet(f"color: {OVERDUE_TEXT.name()}; font-weight: bold;")
        else:
            self.summary.setStyleSheet("")
        self._selection_changed()

    def refresh_staff(self, people: list[Staff]) -> None:
        self.people = {p.id: p for p in people}
        current = self.visitor.currentData()
        self.visitor.clear()
        self.visitor.addItem(self.tr("(未指定)"), 0)
        for person in people:
            self.visitor.addItem(f"{person.name}({term(ROLES.get(person.role, person.role))})", person.id)
        index = self.visitor.findData(current)
        self.visitor.setCurrentIndex(max(index, 0))

    # Selection -------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [row_data(self.table, r) for r in rows]

    def selected_visits(self) -> list[Visit]:
        found = (self.page.visits.visit(i) for i in self.selected_ids())
        return [v for v in found if v is not None]

    def select_ids(self, ids: list[int]) -> None:
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row in range(self.table.rowCount()):
            if row_data(self.table, row) in ids:
                self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        one_case = len(ids) == 1 and self._case_id(self.table.currentRow()) is not None
        for button in (self.assign_button, self.drop_button, self.letter_button):
            button.setEnabled(bool(ids))
        self.open_button.setEnabled(len(ids) == 1)
        self.case_button.setEnabled(one_case)

    def _case_id(self, row: int) -> int | None:
        item = self.table.item(row, 2) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _activated(self, item: QTableWidgetItem) -> None:
        row = item.row()
        if item.column() == 2 and self._case_id(row) is not None:
            self.page.case_activated.emit(self._case_id(row))
        else:
            self.page.visit_activated.emit(row_data(self.table, row))

    def _open_visit(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.page.visit_activated.emit(ids[0])

    def _open_case(self) -> None:
        case_id = self._case_id(self.table.currentRow())
        if case_id is not None:
            self.page.case_activated.emit(case_id)

    # Actions ---------------------------------------------------------------------------
    def assign_selected(self) -> None:
        visits = self.selected_visits()
        person_id = self.visitor.currentData()
        person = self.people.get(person_id) if person_id else None
        try:
            for visit in visits:
                self.page.visits.assign(visit, person)
        except UserError as exc:
            self.page.banner.show_message(str(exc), "error")
        else:
            name = person.name if person else self.tr("未指定")
            self.page.banner.show_message(
                self.tr("已将 {0} 条回访指派给 {1}").format(len(visits), name), "success"
            )
        self.refresh()

    def ask_drop(self) -> None:
        visits = self.selected_visits()
        if not visits:
            return

        def drop(reason: str) -> None:
            for visit in visits:
                self.page.visits.drop_by_hand(visit, reason, self.page.actor)
            self.page.banner.show_message(self.tr("已取消 {0} 条回访").format(len(visits)), "success")
            self.page.refresh()

        what = "、".join(self._label(v) for v in visits[:5]) + ("…" if len(visits) > 5 else "")
        self.page.show_dialog(
            ReasonDialog(
                self.tr("取消回访"),
                self.tr("取消 {0} 条回访:{1}\n请写明原因(如业主已搬离、重复安排)。").format(
                    len(visits), what
                ),
                drop,
                self,
            )
        )

    def ask_open_letter(self) -> None:
        visits = self.selected_visits()
        if not visits:
            return

        def send(title: str, text: str) -> None:
            self.page.visits.open_letter(title, text, visits, self.page.actor)
            self.page.banner.show_message(
                self.tr("已以公开信《{0}》答复 {1} 条回访").format(title.strip(), len(visits)), "success"
            )
            self.page.refresh()

        rooms = "、".join(self._label(v) for v in visits[:6]) + ("…" if len(visits) > 6 else "")
        self.page.show_dialog(OpenLetterDialog(len(visits), rooms, send, self))

    @staticmethod
    def _label(visit: Visit) -> str:
        if visit.case is not None:
            return str(visit.case.number)
        return visit.room.label if visit.room is not None else visit.purpose
