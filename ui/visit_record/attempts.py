"""联系记录: the tries that did not reach the owner (未接通, 约定回电, 拒绝回访 …), and the line
to record one; 不再联系 closes the visit as unreachable or refused."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError, ValidationError
from app.i18n import term
from app.visits import ATTEMPT_OUTCOMES, VisitService
from ui.visit_record.parts import MUTED, datetime_edit, fmt
from ui.widgets import ErrorLabel, from_qdatetime

if TYPE_CHECKING:
    from app.models import Staff, Visit


class AttemptsSection(QGroupBox):
    recorded = Signal(bool, object)  # closed the visit (不再联系), the agreed call-back time or None

    def __init__(
        self,
        visit: Visit,
        visits: VisitService,
        actor: Staff,
        is_open: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("联系记录"), parent)
        self.visit = visit
        self.visits = visits
        self.actor = actor
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("时间"), self.tr("结果"), self.tr("约定回电"), self.tr("记录人"), self.tr("备注")]
        )
        header = self.table.horizontalHeader()
        for col in range(4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.empty = QLabel(
            self.tr("还没有联系记录。联系不上、约定回电或客户拒绝时在这里登记。")
            if is_open
            else self.tr("没有联系记录。")
        )
        self.empty.setStyleSheet(MUTED)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        self.fill()
        if not is_open:
            return

        self.outcome_combo = QComboBox()
        for outcome in ATTEMPT_OUTCOMES:  # shown in the chosen language, the stored word as data
            self.outcome_combo.addItem(term(outcome), outcome)
        self.note = QLineEdit()
        self.note.setMaxLength(200)
        self.note.setPlaceholderText(self.tr("备注,如 拨打两次无人接"))
        self.call_back_box = QCheckBox(self.tr("回电时间"))
        self.call_back_edit = datetime_edit(visits.clock.now() + dt.timedelta(hours=2))
        self.call_back_edit.setEnabled(False)
        self.call_back_box.toggled.connect(self.call_back_edit.setEnabled)
        self.outcome_combo.currentIndexChanged.connect(
            lambda _: (
                self.call_back_box.setChecked(True)
                if self.outcome_combo.currentData() == "约定回电"
                else None
            )
        )
        self.give_up_box = QCheckBox(self.tr("不再联系,结束本次回访"))
        self.add_button = QPushButton(self.tr("登记联系"))
        self.add_button.clicked.connect(self.add_attempt)
        self.error = ErrorLabel()

        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(QLabel(self.tr("结果")))
        row.addWidget(self.outcome_combo)
        row.addWidget(self.note, 1)
        row.addWidget(self.call_back_box)
        row.addWidget(self.call_back_edit)
        row2 = QHBoxLayout()
        row2.addWidget(self.give_up_box)
        hint = QLabel(self.tr("(勾选后本次回访记为“未联系上”,客户拒绝的记为“拒访”)"))
        hint.setStyleSheet(MUTED)
        row2.addWidget(hint, 1)
        row2.addWidget(self.add_button)
        layout.addLayout(row)
        layout.addLayout(row2)
        layout.addWidget(self.error)

    def fill(self) -> None:
        attempts = self.visits.attempts_of(self.visit)
        self.table.setRowCount(len(attempts))
        for row, a in enumerate(attempts):
            values = [fmt(a.at), term(a.outcome), fmt(a.call_back_at) if a.call_back_at else "", a.by, a.note]
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        lines = max(len(attempts), 1)
        self.table.setFixedHeight(
            self.table.horizontalHeader().sizeHint().height()
            + self.table.verticalHeader().defaultSectionSize() * min(lines, 5)
            + 4
        )
        self.table.setVisible(bool(attempts))
        self.empty.setVisible(not attempts)

    def add_attempt(self) -> None:
        call_back = from_qdatetime(self.call_back_edit.dateTime()) if self.call_back_box.isChecked() else None
        give_up = self.give_up_box.isChecked()
        try:
            self.visits.record_attempt(
                self.visit,
                self.outcome_combo.currentData(),
                self.note.text(),
                call_back,
                self.actor,
                give_up=give_up,
            )
        except ValidationError as exc:
            self.error.set_error(";".join(f"{k}:{v}" for k, v in exc.problems.items()))
            return
        except UserError as exc:
            self.error.set_error(str(exc))
            return
        self.error.set_error(None)
        if not give_up:
            self.fill()
            self.note.clear()
            self.call_back_box.setChecked(False)
        self.recorded.emit(give_up, call_back)
