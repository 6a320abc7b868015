"""The small dialogs of the 转交开发商 tab: 转交 (make the 工作联系函), 登记发出, 登记回复, 跟进 and
结束. Each records one step through `ReferralService`; a refusal keeps the dialog open."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLineEdit, QWidget

from app.i18n import term
from app.referrals import METHODS, ReferralService
from ui.case_actions.base import datetime_edit, text_box
from ui.dialogs import ActionDialog, ReasonDialog
from ui.widgets import from_qdate, from_qdatetime, to_qdate

if TYPE_CHECKING:
    from app.models import Case, Referral, Staff


def reason_text(case: Case) -> str:
    """Why the case may be forwarded, in the window's language (see `app.referrals.referral_reason`)."""
    if case.kind == "投诉" and case.validity == "二类":
        return QCoreApplication.translate("ReferralTab", "为有效投诉·二类")
    return QCoreApplication.translate("ReferralTab", "类别为{0}").format(term(case.category))


def reply_rule_text(referrals: ReferralService) -> str:
    """“开发商须在发出后 5 个工作日内回复” in the window's language."""
    rule = referrals.rule()
    if rule.unit == "working":
        return QCoreApplication.translate("ReferralTab", "开发商须在发出后 {0} 个工作日内回复").format(
            rule.reply_days
        )
    return QCoreApplication.translate("ReferralTab", "开发商须在发出后 {0} 天内回复").format(rule.reply_days)


class ReferDialog(ActionDialog):
    """转交开发商: the 工作联系函 is made and numbered; it is printed and sent afterwards."""

    def __init__(
        self, case: Case, referrals: ReferralService, actor: Staff, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("转交开发商 — {0}").format(case.number),
            self.tr("制作联系函"),
            parent,
            heading=self.tr("案件 {0} {1}。{2}。").format(
                case.number, reason_text(case), reply_rule_text(referrals)
            ),
            min_width=520,
        )
        self.case, self.referrals, self.actor = case, referrals, actor
        self.to_edit = QLineEdit(referrals.rule().to)
        self.content_edit = text_box(self.tr("请开发商做什么、何时书面回复,例如 请派人检修外墙渗水"), lines=5)
        self.add_row(self.tr("收函单位(&T)"), self.to_edit, name="收函单位")
        self.add_row(self.tr("联系事项(&C)"), self.content_edit, name="转交事项")

    def perform(self) -> None:
        self.referrals.refer(self.case, self.content_edit.toPlainText(), self.to_edit.text(), self.actor)


class SentDialog(ActionDialog):
    """登记发出: when and how the letter left; the reply's due date follows from it."""

    def __init__(
        self, referral: Referral, referrals: ReferralService, actor: Staff, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("登记发出 — {0}").format(referral.number),
            self.tr("登记"),
            parent,
            heading=reply_rule_text(referrals) + self.tr("(按发出时间计算)。"),
        )
        self.referral, self.referrals, self.actor = referral, referrals, actor
        self.method_combo = QComboBox()
        for method in METHODS:
            self.method_combo.addItem(self.tr(method), method)
        self.at_edit = datetime_edit(referrals.clock.now())
        self.by_edit = QLineEdit(actor.name)
        self.add_row(self.tr("发出方式(&M)"), self.method_combo, name="发出方式")
        self.add_row(self.tr("发出时间(&A)"), self.at_edit, name="发出时间")
        self.add_row(self.tr("经办人(&B)"), self.by_edit, name="经办人")

    def perform(self) -> None:
        self.referrals.record_sent(
            self.referral,
            str(self.method_combo.currentData()),
            from_qdatetime(self.at_edit.dateTime()),
            self.by_edit.text(),
            self.actor,
        )


class ReplyDialog(ActionDialog):
    """登记回复: what the developer answered, and when."""

    def __init__(
        self, referral: Referral, referrals: ReferralService, actor: Staff, parent: QWidget | None = None
    ) -> None:
        due = referral.reply_due
        super().__init__(
            self.tr("登记开发商回复 — {0}").format(referral.number),
            self.tr("登记"),
            parent,
            heading=self.tr("回复期限 {0}").format(f"{due:%Y-%m-%d}") if due else "",
            min_width=520,
        )
        self.referral, self.referrals, self.actor = referral, referrals, actor
        self.at_edit = datetime_edit(referrals.clock.now())
        self.text_edit = text_box(self.tr("开发商答复的处理安排和时间,例如 10 月 20 日前维修外墙"), lines=5)
        self.add_row(self.tr("回复时间(&A)"), self.at_edit, name="回复时间")
        self.add_row(self.tr("回复内容(&C)"), self.text_edit, name="回复内容")

    def perform(self) -> None:
        self.referrals.record_reply(
            self.referral, self.text_edit.toPlainText(), from_qdatetime(self.at_edit.dateTime()), self.actor
        )


class FollowUpDialog(ActionDialog):
    """跟进: the office asked the developer how it stands (and told the owner); the next date."""

    def __init__(
        self, referral: Referral, referrals: ReferralService, actor: Staff, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("跟进 — {0}").format(referral.number),
            self.tr("登记"),
            parent,
            heading=self.tr("记录向开发商了解的进展,以及向业主反馈的情况。"),
            min_width=520,
        )
        self.referral, self.referrals, self.actor = referral, referrals, actor
        now = referrals.clock.now()
        self.at_edit = datetime_edit(now)
        self.by_edit = QLineEdit(actor.name)
        self.note_edit = text_box(self.tr("例如 电话询问开发商客服,答复下周安排维修;已告知业主"), lines=4)
        self.next_check = QCheckBox(self.tr("安排下次跟进"))
        self.next_check.setChecked(True)
        self.next_edit = QDateEdit(to_qdate(now.date() + dt.timedelta(days=7)))
        self.next_edit.setCalendarPopup(True)
        self.next_edit.setDisplayFormat("yyyy-MM-dd")
        self.next_check.toggled.connect(self.next_edit.setEnabled)
        next_row = QWidget()
        row = QHBoxLayout(next_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.next_check)
        row.addWidget(self.next_edit, 1)
        self.add_row(self.tr("跟进时间(&A)"), self.at_edit, name="跟进时间")
        self.add_row(self.tr("跟进人(&B)"), self.by_edit, name="跟进人")
        self.add_row(self.tr("跟进情况(&C)"), self.note_edit, name="跟进情况")
        self.add_row(self.tr("下次跟进(&N)"), next_row, name="下次跟进日期", focus=self.next_edit)

    def perform(self) -> None:
        next_date = from_qdate(self.next_edit.date()) if self.next_check.isChecked() else None
        self.referrals.add_follow_up(
            self.referral,
            self.note_edit.toPlainText(),
            next_date,
            from_qdatetime(self.at_edit.dateTime()),
            self.by_edit.text(),
            self.actor,
        )


class CloseReferralDialog(ReasonDialog):
    """结束: the developer's part is done (or no longer needed); why, in a few lines."""

    def __init__(
        self, referral: Referral, referrals: ReferralService, actor: Staff, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("结束联系函 — {0}").format(referral.number),
            self.tr("开发商的部分已办完(或不再需要开发商处理)时结束这份联系函。"),
            lambda note: referrals.close(referral, note, actor),
            parent,
            ok_text=self.tr("结束"),
            placeholder=self.tr("例如 开发商已维修完毕,业主确认不再渗水"),
            field="结束说明",
        )
