"""告知业主返工时间 (seed 000 1.1.9): after an unsatisfied visit the owner is told when the
rework will be done. The promised date, how and when the owner was told; the notice's own
24 hours shown, in red once past."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from app.rework import TELL_METHODS, ReworkFollowUp
from ui.case_actions.base import HINT_STYLE, CaseActionDialog, datetime_edit
from ui.palette import OVERDUE_TEXT
from ui.widgets import from_qdatetime

if TYPE_CHECKING:
    from app.cases import CaseService
    from app.models import Case, ReworkNotice, Staff

# 告知方式 as the office says them (app.rework.TELL_METHODS), for the translations.
METHOD_WORDS = [QT_TR_NOOP("电话"), QT_TR_NOOP("短信"), QT_TR_NOOP("上门"), QT_TR_NOOP("书面通知")]


class TellOwnerDialog(CaseActionDialog):
    """返工完成时间 (required), 告知方式, 告知时间 (now unless changed); the person logged in
    is who told the owner."""

    title = cast(str, QT_TR_NOOP("告知业主返工时间"))
    ok_label = cast(str, QT_TR_NOOP("记录已告知"))

    def __init__(
        self,
        case: Case,
        cases: CaseService,
        actor: Staff,
        rework: ReworkFollowUp,
        parent: QWidget | None = None,
    ) -> None:
        self.rework = rework
        self.notice: ReworkNotice | None = rework.open_notice(case) or next(
            iter(reversed(rework.notices_of_case(case))), None
        )
        super().__init__(case, cases, actor, parent)

    def build(self) -> None:
        now = self.cases.clock.now().replace(second=0, microsecond=0)
        notice = self.notice
        self.notice_label = QLabel(notice.text if notice is not None else self.tr("本案没有返工通知。"))
        self.notice_label.setWordWrap(True)
        self.due_label = QLabel()
        if notice is not None:
            self.due_label.setText(self.tr("应于 {0} 前告知业主").format(f"{notice.due:%Y-%m-%d %H:%M}"))
            if notice.owner_told_at is None and notice.due < now:
                self.due_label.setText(
                    self.tr("应于 {0} 前告知业主(已超时)").format(f"{notice.due:%Y-%m-%d %H:%M}")
                )
                self.due_label.setStyleSheet(f"color: {OVERDUE_TEXT}; font-weight: bold;")
            elif notice.owner_told_at is not None:
                self.due_label.setText(self.rework.told_words(notice))
        promised = notice.rework_due if notice is not None and notice.rework_due else None
        self.due_edit = datetime_edit(promised or (now + dt.timedelta(days=1)).replace(hour=17, minute=0))
        self.method = QComboBox()
        for method in TELL_METHODS:
            self.method.addItem(self.tr(method), method)
        self.at_edit = datetime_edit(now)
        hint = QLabel(
            self.tr("回访不满意后,须告知业主返工何时完成;告知人为当前登录人员。改了完成时间可再次告知。")
        )
        hint.setStyleSheet(HINT_STYLE)
        hint.setWordWrap(True)
        self.form.addRow(self.tr("返工通知"), self.notice_label)
        self.form.addRow(self.tr("告知期限"), self.due_label)
        self.add_row(self.tr("返工完成时间(&D)"), self.due_edit, name="返工完成时间")
        self.add_row(self.tr("告知方式(&M)"), self.method, name="告知方式")
        self.add_row(self.tr("告知时间(&T)"), self.at_edit, name="告知时间")
        self.form.addRow("", hint)
        self.ok_button.setEnabled(notice is not None)

    def perform(self) -> None:
        assert self.notice is not None
        self.rework.tell_owner(
            self.notice,
            from_qdatetime(self.due_edit.dateTime()),
            str(self.method.currentData()),
            told_at=from_qdatetime(self.at_edit.dateTime()),
            actor=self.actor,
        )
