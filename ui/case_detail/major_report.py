"""The case window's 重大投诉报告 tab: the report's deadline, its six parts, 保存报告 and
提交品质部及总经理. The window saves through the case service; this tab only shows."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.case_actions.base import text_box
from ui.case_detail.texts import MAJOR_FIELDS, due_html, fmt, report_status
from ui.case_model import NEARLY_DUE, OVERDUE
from ui.palette import ERROR_BOX_STYLE

if TYPE_CHECKING:
    from app.models import MajorReport


class MajorReportTab(QWidget):
    """The major-complaint report of one case: its parts editable until it is submitted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 8, 8, 8)
        self.due_label = QLabel()
        self.due_label.setTextFormat(Qt.TextFormat.RichText)
        self.due_label.setWordWrap(True)
        box.addWidget(self.due_label)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.edits: dict[str, QPlainTextEdit] = {}
        for key, caption in MAJOR_FIELDS:
            edit = text_box(lines=2)
            self.edits[key] = edit
            form.addRow(self.tr(caption), edit)
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        box.addWidget(scroll, 1)
        self.error = QLabel()
        self.error.setObjectName("majorError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"QLabel#majorError {{ {ERROR_BOX_STYLE} }}")
        self.error.hide()
        box.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(self.tr("保存报告"))
        self.submit_button = QPushButton(self.tr("提交品质部及总经理"))
        self.save_button.setAutoDefault(False)
        self.submit_button.setAutoDefault(False)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.submit_button)
        box.addLayout(buttons)

    def values(self) -> dict[str, str]:
        """The parts as typed."""
        return {key: edit.toPlainText() for key, edit in self.edits.items()}

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def show_report(self, report: MajorReport, now: dt.datetime, nearly: dt.timedelta) -> str:
        """Show the report; returns the tab's title (with 已取消, 逾期 or 临期 when so)."""
        cancelled = report.cancelled_at is not None
        flag = "" if cancelled else report_status(report, now, nearly)
        note = ""
        if report.submitted_at:
            note = self.tr("{0} 由{1}提交").format(fmt(report.submitted_at), report.submitted_by)
        if cancelled:
            note = self.tr("已于 {0} 取消:{1}").format(fmt(report.cancelled_at), report.cancel_reason)
        self.due_label.setText(self.tr("报品质部及总经理期限:") + due_html(report.due, flag, note))
        title = self.tr("重大投诉报告")
        if cancelled:
            title += self.tr("(已取消)")
        elif flag in (OVERDUE, NEARLY_DUE):
            title += self.tr("({0})").format(self.tr(flag))
        submitted = report.submitted_at is not None or cancelled
        for key, edit in self.edits.items():
            value = getattr(report, key)
            if edit.toPlainText() != value:
                edit.setPlainText(value)
            edit.setReadOnly(submitted)
        self.save_button.setEnabled(not submitted)
        self.submit_button.setEnabled(not submitted)
        return title
