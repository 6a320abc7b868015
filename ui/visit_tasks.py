"""回访跟进: what a visit left to do — rework notices to deliver, questions to answer.

Two lists: 返工通知 (the written notice to the responsible department, due within 24 hours
of an unsatisfied visit) and 待答复问题 (questions promised a reply by a date). Overdue
rows say 逾期 in words and in red. Double-clicking a row opens its case.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError, ValidationError
from app.i18n import term
from app.visits import VisitService
from ui.i18n import QT_TR_NOOP
from ui.palette import ERROR_RED, MUTED_TEXT, NEARLY_DUE_TEXT, OVERDUE_BG
from ui.widgets import INVALID_STYLE, Banner, ErrorLabel, make_table, mark_invalid, one_line

if TYPE_CHECKING:
    from app.models import ReworkNotice, Staff, VisitTask

OVERDUE_COLOUR = QColor(ERROR_RED)
OVERDUE_TINT = QColor(OVERDUE_BG)
DUE_SOON_COLOUR = QColor(NEARLY_DUE_TEXT)
CASE_ROLE = Qt.ItemDataRole.UserRole + 1
LINE = 60  # characters of a notice or a question shown in its row


def _table(columns: list[str], stretch: int) -> QTableWidget:
    return make_table(columns, stretch=stretch, alternate=False)


class FollowUpPage(QWidget):
    case_activated = Signal(int)  # a case's id

    NOTICE_COLUMNS = (
        QT_TR_NOOP("状态"),
        QT_TR_NOOP("送达期限"),
        QT_TR_NOOP("案件"),
        QT_TR_NOOP("房号"),
        QT_TR_NOOP("责任部门"),
        QT_TR_NOOP("通知内容"),
    )
    TASK_COLUMNS = (
        QT_TR_NOOP("状态"),
        QT_TR_NOOP("约定答复日期"),
        QT_TR_NOOP("待答复问题"),
        QT_TR_NOOP("案件"),
        QT_TR_NOOP("房号"),
        QT_TR_NOOP("回访人"),
    )

    def __init__(self, visits: VisitService, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visits = visits
        self.actor = actor
        self.setStyleSheet(INVALID_STYLE)
        self.notices: list[ReworkNotice] = []
        self.tasks: list[VisitTask] = []

        self.banner = Banner("success")

        # 返工通知
        self.notice_table = _table([self.tr(c) for c in self.NOTICE_COLUMNS], 5)
        self.notice_empty = QLabel(self.tr("没有待送达的返工通知。"))
        self.receiver = QLineEdit()
        self.receiver.setMaxLength(40)
        self.receiver.setPlaceholderText(self.tr("签收人姓名"))
        self.deliver_button = QPushButton(self.tr("已送达"))
        self.deliver_error = ErrorLabel()
        deliver_row = QHBoxLayout()
        deliver_row.addWidget(QLabel(self.tr("所选通知由")))
        deliver_row.addWidget(self.receiver)
        deliver_row.addWidget(QLabel(self.tr("签收")))
        deliver_row.addWidget(self.deliver_button)
        deliver_row.addStretch(1)
        notice_box = QGroupBox(self.tr("返工通知(不满意回访后 24 小时内书面送达责任人)"))
        notice_layout = QVBoxLayout(notice_box)
        notice_layout.addWidget(self.notice_table, 1)
        notice_layout.addWidget(self.notice_empty)
        notice_layout.addLayout(deliver_row)
        notice_layout.addWidget(self.deliver_error)

        # 待答复问题
        self.task_table = _table([self.tr(c) for c in self.TASK_COLUMNS], 2)
        self.task_empty = QLabel(self.tr("没有待答复的问题。"))
        self.answer = QLineEdit()
        self.answer.setPlaceholderText(self.tr("答复内容:已如何答复客户"))
        self.answer_button = QPushButton(self.tr("答复"))
        self.answer_error = ErrorLabel()
        answer_row = QHBoxLayout()
        answer_row.addWidget(QLabel(self.tr("所选问题的答复")))
        answer_row.addWidget(self.answer, 1)
        answer_row.addWidget(self.answer_button)
        task_box = QGroupBox(self.tr("待答复问题(回访时未能当场答复,约定日期答复)"))
        task_layout = QVBoxLayout(task_box)
        task_layout.addWidget(self.task_table, 1)
        task_layout.addWidget(self.task_empty)
        task_layout.addLayout(answer_row)
        task_layout.addWidget(self.answer_error)

        for label in (self.notice_empty, self.task_empty):
            label.setStyleSheet(f"color: {MUTED_TEXT};")

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(notice_box)
        splitter.addWidget(task_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)

        self.deliver_button.clicked.connect(self.deliver)
        self.receiver.returnPressed.connect(self.deliver)
        self.answer_button.clicked.connect(self.answer_selected)
        self.answer.returnPressed.connect(self.answer_selected)
        self.notice_table.itemSelectionChanged.connect(self._update_buttons)
        self.task_table.itemSelectionChanged.connect(self._update_buttons)
        self.notice_table.cellDoubleClicked.connect(lambda row, _col: self._activate(self.notice_table, row))
        self.task_table.cellDoubleClicked.connect(lambda row, _col: self._activate(self.task_table, row))
        self.refresh()

    # Lists ----------------------------------------------------------------------------
    def refresh(self) -> None:
        now = self.visits.clock.now()
        self.notices = self.visits.pending_notices()
        self.tasks = self.visits.open_tasks()
        self.notice_table.setRowCount(len(self.notices))
        for row, n in enumerate(self.notices):
            case = n.case
            overdue = n.due < now
            if overdue:
                state = self.tr("逾期 {0}").format(self._span(now - n.due))
            else:
                state = self.tr("还剩 {0}").format(self._span(n.due - now))
            values = [
                state,
                n.due.strftime("%Y-%m-%d %H:%M"),
                case.number,
                case.room_label,
                term(n.department.name) if n.department is not None else self.tr("(未定)"),
                one_line(n.text, LINE),
            ]
            self._fill_row(self.notice_table, row, values, case.id, overdue, n.text)
        today = now.date()
        self.task_table.setRowCount(len(self.tasks))
        for row, t in enumerate(self.tasks):
            visit = t.visit
            task_case = visit.case if visit.case_id else None  # read with the task
            overdue = t.promised < today
            if overdue:
                state = self.tr("逾期 {0} 天").format((today - t.promised).days)
            elif t.promised == today:
                state = self.tr("今天到期")
            else:
                state = self.tr("还剩 {0} 天").format((t.promised - today).days)
            values = [
                state,
                t.promised.isoformat(),
                one_line(t.question, LINE),
                task_case.number if task_case else term(visit.purpose),
                visit.room.label if visit.room is not None else "",
                visit.visitor_name,
            ]
            self._fill_row(
                self.task_table, row, values, task_case.id if task_case else None, overdue, t.question
            )
            first = self.task_table.item(row, 0)
            if t.promised == today and first is not None:
                first.setForeground(QBrush(DUE_SOON_COLOUR))
        self.notice_table.setVisible(bool(self.notices))
        self.notice_empty.setVisible(not self.notices)
        self.task_table.setVisible(bool(self.tasks))
        self.task_empty.setVisible(not self.tasks)
        self._update_buttons()

    @staticmethod
    def _span(delta: dt.timedelta) -> str:
        hours = int(delta.total_seconds() // 3600)
        if hours >= 48:
            return QCoreApplication.translate("VisitTasks", "{0} 天").format(hours // 24)
        if hours >= 1:
            return QCoreApplication.translate("VisitTasks", "{0} 小时").format(hours)
        return QCoreApplication.translate("VisitTasks", "{0} 分钟").format(
            max(int(delta.total_seconds() // 60), 1)
        )

    @staticmethod
    def _fill_row(
        table: QTableWidget, row: int, values: list[str], case_id: int | None, overdue: bool, tooltip: str
    ) -> None:
        for col, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setData(CASE_ROLE, case_id)
            item.setToolTip(tooltip)
            if overdue:
                item.setBackground(QBrush(OVERDUE_TINT))
                if col == 0:
                    item.setForeground(QBrush(OVERDUE_COLOUR))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
            table.setItem(row, col, item)

    def _update_buttons(self) -> None:
        self.deliver_button.setEnabled(self._selected(self.notice_table) is not None)
        self.answer_button.setEnabled(self._selected(self.task_table) is not None)

    @staticmethod
    def _selected(table: QTableWidget) -> int | None:
        rows = {index.row() for index in table.selectedIndexes()}
        return min(rows) if rows else None

    def _activate(self, table: QTableWidget, row: int) -> None:
        item = table.item(row, 0)
        case_id = item.data(CASE_ROLE) if item is not None else None
        if case_id:
            self.case_activated.emit(int(case_id))

    # Actions --------------------------------------------------------------------------
    def deliver(self) -> None:
        row = self._selected(self.notice_table)
        if row is None:
            self.deliver_error.set_error(self.tr("请先在上面选中一条返工通知"))
            return
        notice = self.notices[row]
        try:
            self.visits.deliver_notice(notice, self.receiver.text())
        except ValidationError as exc:
            self.deliver_error.set_error(";".join(exc.problems.values()))
            mark_invalid(self.receiver, True)
            self.receiver.setFocus()
            return
        except UserError as exc:
            self.deliver_error.set_error(str(exc))
            return
        self.deliver_error.set_error(None)
        mark_invalid(self.receiver, False)
        self.banner.show_message(
            self.tr("{0} 的返工通知已送达,签收人 {1}。").format(notice.case.number, notice.delivered_to),
            "success",
        )
        self.receiver.clear()
        self.refresh()

    def answer_selected(self) -> None:
        row = self._selected(self.task_table)
        if row is None:
            self.answer_error.set_error(self.tr("请先在上面选中一个问题"))
            return
        task = self.tasks[row]
        try:
            self.visits.answer_task(task, self.answer.text())
        except ValidationError as exc:
            self.answer_error.set_error(";".join(exc.problems.values()))
            mark_invalid(self.answer, True)
            self.answer.setFocus()
            return
        except UserError as exc:
            self.answer_error.set_error(str(exc))
            return
        self.answer_error.set_error(None)
        mark_invalid(self.answer, False)
        self.banner.show_message(self.tr("已答复:{0}").format(one_line(task.question, 30)), "success")
        self.answer.clear()
        self.refresh()
