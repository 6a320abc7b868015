"""The dates a case's visit counts from (H23), in the case detail's 回访 tab: a leak's leak
test (闭水试验: the visit waits for it, 待闭水试验) and a special service's contract
(特约服务: visits mid-contract and after the end). Each is recorded in a small dialog through
app.visits.special.VisitDates; the window never touches the records."""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.permissions import can
from app.visit_policy import AFTER_CONTRACT, AFTER_LEAK_TEST
from app.visits.special import WAIT_CONTRACT, WAIT_LEAK
from ui.dialogs import ActionDialog
from ui.i18n import QT_TR_NOOP
from ui.palette import ERROR_RED, MUTED_TEXT
from ui.widgets import from_qdate

if TYPE_CHECKING:
    from app.models import Case, Staff
    from app.visits.special import VisitDates


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class LeakTestDialog(ActionDialog):
    """闭水试验日期: the visit is planned within the rule's days after it."""

    def __init__(self, case: Case, dates: VisitDates, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("登记闭水试验"),
            self.tr("登记"),
            parent,
            heading=self.tr("{0}:试漏合格后按制度安排回访。").format(case.number),
        )
        today = dates.clock.now().date()
        self.day = _date_edit(case.leak_test_on or today)
        self.day.setMaximumDate(_qdate(today))
        self.add_row(self.tr("闭水试验日期"), self.day, name="闭水试验日期")
        self.submit = lambda day: dates.record_leak_test(case, day, actor)

    def values(self) -> tuple[object, ...]:
        return (from_qdate(self.day.date()),)


class ContractDialog(ActionDialog):
    """特约服务合同期: visits mid-contract and after the contract ends."""

    def __init__(self, case: Case, dates: VisitDates, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("登记特约服务合同期"),
            self.tr("登记"),
            parent,
            heading=self.tr("{0}:合同执行中期和期满后各回访一次。").format(case.number),
        )
        today = dates.clock.now().date()
        self.start = _date_edit(case.contract_start or today)
        self.end = _date_edit(case.contract_end or today + dt.timedelta(days=90))
        self.add_row(self.tr("合同开始日期"), self.start, name="合同开始日期")
        self.add_row(self.tr("合同结束日期"), self.end, name="合同结束日期")
        self.errors.bind("合同日期", self.error, self.start)
        self.submit = lambda start, end: dates.record_contract(case, start, end, actor)

    def values(self) -> tuple[object, ...]:
        return (from_qdate(self.start.date()), from_qdate(self.end.date()))


class VisitDatesBox(QGroupBox):
    """The case's visit rule in words, what its visit waits for, and the dates to record."""

    changed = Signal()
    WAITING = {WAIT_LEAK: QT_TR_NOOP("待闭水试验"), WAIT_CONTRACT: QT_TR_NOOP("待录入合同日期")}

    def __init__(self, dates: VisitDates, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("回访起算日期"), parent)
        self.dates = dates
        self.actor = actor
        self.case: Case | None = None
        self.dialog: ActionDialog | None = None
        self.rule_label = QLabel()
        self.rule_label.setWordWrap(True)
        self.rule_label.setStyleSheet(f"color: {MUTED_TEXT};")
        self.dates_label = QLabel()
        self.dates_label.setWordWrap(True)
        self.leak_button = QPushButton(self.tr("登记闭水试验日期…"))
        self.leak_button.clicked.connect(self.ask_leak_test)
        self.contract_button = QPushButton(self.tr("登记合同日期…"))
        self.contract_button.clicked.connect(self.ask_contract)
        buttons = QHBoxLayout()
        buttons.addWidget(self.leak_button)
        buttons.addWidget(self.contract_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.rule_label)
        layout.addWidget(self.dates_label)
        layout.addLayout(buttons)

    def show_case(self, case: Case) -> None:
        """Shown for a case whose visit counts from a leak test or a contract."""
        self.case = case
        after = self.dates.after(case)
        if after not in (AFTER_LEAK_TEST, AFTER_CONTRACT):
            self.hide()
            return
        self.show()
        self.rule_label.setText(self.tr("回访规则:{0}").format(self.dates.rule_text(case)))
        parts = []
        if after == AFTER_LEAK_TEST:
            day = case.leak_test_on.isoformat() if case.leak_test_on else self.tr("未登记")
            parts.append(html.escape(self.tr("闭水试验日期:{0}").format(day)))
        else:
            if case.contract_start and case.contract_end:
                span = self.tr("{0} 至 {1}").format(
                    case.contract_start.isoformat(), case.contract_end.isoformat()
                )
            else:
                span = self.tr("未登记")
            parts.append(html.escape(self.tr("合同期:{0}").format(span)))
        waiting = self.dates.waiting(case)
        if waiting:
            words = self.tr(self.WAITING.get(waiting, waiting)) + self.tr("(登记日期后才安排回访)")
            parts.append(f'<span style="color: {ERROR_RED}; font-weight: bold;">{html.escape(words)}</span>')
        self.dates_label.setText(" · ".join(parts))
        permitted = can(self.actor, "visit.dates")
        self.leak_button.setVisible(after == AFTER_LEAK_TEST)
        self.contract_button.setVisible(after == AFTER_CONTRACT)
        for button in (self.leak_button, self.contract_button):
            button.setEnabled(permitted)
            button.setToolTip("" if permitted else self.tr("您的角色不能做这一步"))

    def ask_leak_test(self) -> None:
        if self.case is not None:
            self._open(LeakTestDialog(self.case, self.dates, self.actor, self))

    def ask_contract(self) -> None:
        if self.case is not None:
            self._open(ContractDialog(self.case, self.dates, self.actor, self))

    def _open(self, dialog: ActionDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(self.changed.emit)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
