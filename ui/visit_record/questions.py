"""待答复问题: questions the visitor could not answer on the spot, each with a promised date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.visit_record.parts import MUTED
from ui.widgets import from_qdate, to_qdate


class QuestionTable(QWidget):
    """待答复问题: questions the visitor could not answer on the spot, each with a promised date."""

    def __init__(self, default_date: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.default_date = default_date
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("问题"), self.tr("约定答复日期")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setFixedHeight(self.fontMetrics().lineSpacing() * 6 + 16)
        self.add_button = QPushButton(self.tr("添加问题"))
        self.remove_button = QPushButton(self.tr("删除所选"))
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self._remove_selected)
        hint = QLabel(self.tr("现场答复不了的问题,约定答复日期;每条成为一项待答复任务。"))
        hint.setStyleSheet(MUTED)
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def add_row(self, question: str = "", promised: dt.date | None = None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(question))
        date_edit = QDateEdit(to_qdate(promised or self.default_date))
        date_edit.setCalendarPopup(True)
        date_edit.setDisplayFormat("yyyy-MM-dd")
        self.table.setCellWidget(row, 1, date_edit)
        self.table.setCurrentCell(row, 0)
        item = self.table.item(row, 0)
        if not question and item is not None:
            self.table.editItem(item)
        return row

    def _remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)

    def questions(self) -> list[tuple[str, dt.date]]:
        out = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            edit = self.table.cellWidget(row, 1)
            assert isinstance(edit, QDateEdit)
            out.append(((item.text() if item else "").strip(), from_qdate(edit.date())))
        return out
