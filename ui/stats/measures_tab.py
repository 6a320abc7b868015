"""改进措施 tab: the period's typical cases (典型案例) and the manager's improvement measures,
saved with the period (the window does the saving: `save_requested`)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout

from app.i18n import term
from app.stats import Comparison
from ui.figures import cell
from ui.i18n import QT_TR_NOOP
from ui.palette import MUTED_TEXT
from ui.stats.common import NUMBER_ROLE, CaseRows, fill, stats_table


class MeasuresTab(CaseRows):
    save_requested = Signal(str)  # the measures as typed, trimmed

    def __init__(self) -> None:
        super().__init__()
        self.typical_table = stats_table(
            [
                self.tr(c)
                for c in (
                    QT_TR_NOOP("案件"),
                    QT_TR_NOOP("性质"),
                    QT_TR_NOOP("类别"),
                    QT_TR_NOOP("经过"),
                    QT_TR_NOOP("说明"),
                )
            ],
            3,
        )
        self.typical_table.doubleClicked.connect(lambda i: self.emit_row_number(self.typical_table, i.row()))
        self.edit = QPlainTextEdit()
        self.edit.setPlaceholderText(self.tr("管理处经理填写:针对本期问题的改进措施、责任部门与完成时间。"))
        self.state = QLabel()
        self.state.setStyleSheet(f"color: {MUTED_TEXT};")
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.clicked.connect(lambda: self.save_requested.emit(self.edit.toPlainText().strip()))
        typical_box = QGroupBox(self.tr("典型案例(本期)"))
        QVBoxLayout(typical_box).addWidget(self.typical_table)
        measures_box = QGroupBox(self.tr("改进措施"))
        ml = QVBoxLayout(measures_box)
        ml.addWidget(self.edit, 1)
        row = QHBoxLayout()
        row.addWidget(self.state, 1)
        row.addWidget(self.save_button)
        ml.addLayout(row)
        layout = QVBoxLayout(self)
        layout.addWidget(typical_box, 2)
        layout.addWidget(measures_box, 3)

    def show_comparison(self, comparison: Comparison) -> None:
        rows = []
        for t in comparison.current.typical_cases:
            first = cell(t["case"])
            first.setData(NUMBER_ROLE, t["case"])
            rows.append(
                [
                    first,
                    cell(term(t["kind"])),
                    cell(term(t["category"])),
                    cell(" ".join(t["account"].split())),
                    cell(t.get("note", "")),
                ]
            )
        if not rows:
            rows.append([cell(self.tr("本期没有标记为典型的案例(在案件详情中可标记)。"), colour=MUTED_TEXT)])
        fill(self.typical_table, rows)
        self.edit.setPlainText(comparison.measures)
        if comparison.archived_at:
            self.state.setText(self.tr("已存档于 {0:%Y-%m-%d %H:%M}").format(comparison.archived_at))
        else:
            self.state.setText(self.tr("尚未保存"))

    def saved(self, at: dt.datetime) -> None:
        self.state.setText(self.tr("已保存 {0:%Y-%m-%d %H:%M}").format(at))
