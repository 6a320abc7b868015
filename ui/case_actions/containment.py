"""先行处置 (contain first): what was done to stop the harm, by whom and when, recorded
before the handling (办结 is refused until it is). The deadline is shown, in red once past."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import QLabel, QLineEdit

from ui.case_actions.base import HINT_STYLE, CaseActionDialog, datetime_edit, text_box
from ui.palette import OVERDUE_TEXT
from ui.widgets import from_qdatetime


class ContainDialog(CaseActionDialog):
    """先行处置: 处置措施 (required), 处置人 (the person logged in unless changed), 处置时间."""

    title = cast(str, QT_TR_NOOP("先行处置"))
    ok_label = cast(str, QT_TR_NOOP("记录先行处置"))

    def build(self) -> None:
        now = self.cases.clock.now().replace(second=0, microsecond=0)
        due = self.case.contain_due
        self.due_label = QLabel(f"{due:%Y-%m-%d %H:%M}" if due is not None else "")
        if due is not None and due < now:
            self.due_label.setText(self.tr("{0}(已超时)").format(f"{due:%Y-%m-%d %H:%M}"))
            self.due_label.setStyleSheet(f"color: {OVERDUE_TEXT}; font-weight: bold;")
        self.what_edit = text_box(self.tr("做了什么制止损害(例如:已关闭总阀、已派人到场)"), lines=4)
        self.by_edit = QLineEdit(self.actor.name)
        self.at_edit = datetime_edit(now)
        hint = QLabel(self.tr("先行处置记录后才能办结;处置完成后再继续派工、处理。"))
        hint.setStyleSheet(HINT_STYLE)
        hint.setWordWrap(True)
        self.form.addRow(self.tr("处置期限"), self.due_label)
        self.form.addRow(self.tr("处置措施(&W)"), self.what_edit)
        self.form.addRow(self.tr("处置人(&B)"), self.by_edit)
        self.form.addRow(self.tr("处置时间(&T)"), self.at_edit)
        self.form.addRow("", hint)

    def perform(self) -> None:
        self.cases.contain(
            self.case,
            self.what_edit.toPlainText(),
            self.actor,
            by=self.by_edit.text(),
            at=from_qdatetime(self.at_edit.dateTime()),
        )
