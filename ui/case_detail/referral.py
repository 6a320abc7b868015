"""The case window's 转交开发商 tab (helper H22): the case's 工作联系函 to the developer, their
state (待发出/待回复/逾期未回复/已回复/已结束), the follow-ups of the selected one, and the
buttons 转交开发商…, 登记发出…, 登记回复…, 跟进…, 结束…, 打印联系函. Everything is read and
written through `ReferralService`."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableWidgetItem, QVBoxLayout, QWidget

from app import referrals as rules
from app.errors import UserError
from app.i18n import term
from app.permissions import can
from app.referrals import ReferralService
from ui.case_actions.base import error_text
from ui.case_detail.referral_dialogs import (
    CloseReferralDialog,
    FollowUpDialog,
    ReferDialog,
    ReplyDialog,
    SentDialog,
    reason_text,
    reply_rule_text,
)
from ui.case_detail.texts import fmt, multiline
from ui.dialogs import ActionDialog
from ui.i18n import QT_TR_NOOP
from ui.palette import ERROR_BOX_STYLE, MUTED_TEXT, OVERDUE_TEXT
from ui.widgets import make_table

if TYPE_CHECKING:
    from app.models import Case, Referral, Staff

STATE_WORDS = {  # the states as the service names them, marked for lupdate
    rules.DRAFTED: QT_TR_NOOP("待发出"),
    rules.WAITING: QT_TR_NOOP("待回复"),
    rules.OVERDUE: QT_TR_NOOP("逾期未回复"),
    rules.REPLIED: QT_TR_NOOP("已回复"),
    rules.CLOSED: QT_TR_NOOP("已结束"),
}


class ReferralTab(QWidget):
    """The referrals of one case; `changed` after a step was recorded (the window shows anew)."""

    changed = Signal()

    def __init__(
        self,
        referrals: ReferralService,
        actor: Staff,
        print_letter: Callable[[Referral], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.referrals = referrals
        self.actor = actor
        self.print_letter = print_letter
        self.case: Case | None = None
        self.rows: list[Referral] = []
        self.dialog: ActionDialog | None = None

        box = QVBoxLayout(self)
        box.setContentsMargins(6, 6, 6, 6)
        self.rule_label = QLabel()
        self.rule_label.setWordWrap(True)
        self.rule_label.setStyleSheet(f"color:{MUTED_TEXT};")
        box.addWidget(self.rule_label)
        self.table = make_table(
            [
                self.tr("联系函编号"),
                self.tr("发出"),
                self.tr("回复期限"),
                self.tr("状态"),
                self.tr("联系事项"),
            ],
            stretch=4,
            row_height=0,
        )
        self.table.itemSelectionChanged.connect(self._selected)
        box.addWidget(self.table, 2)
        # The selected letter in full: to whom, what is asked, the developer's reply.
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.detail)
        self.follow_label = QLabel(self.tr("跟进记录"))
        box.addWidget(self.follow_label)
        self.follow_table = make_table(
            [self.tr("跟进时间"), self.tr("跟进人"), self.tr("跟进情况"), self.tr("下次跟进")],
            stretch=2,
            wrap=True,
        )
        box.addWidget(self.follow_table, 2)
        self.error = QLabel()
        self.error.setObjectName("referralError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"QLabel#referralError {{ {ERROR_BOX_STYLE} }}")
        self.error.hide()
        box.addWidget(self.error)

        buttons = QHBoxLayout()
        self.refer_button = QPushButton(self.tr("转交开发商…"))
        self.sent_button = QPushButton(self.tr("登记发出…"))
        self.reply_button = QPushButton(self.tr("登记回复…"))
        self.follow_button = QPushButton(self.tr("跟进…"))
        self.close_button = QPushButton(self.tr("结束…"))
        self.print_button = QPushButton(self.tr("打印联系函"))
        for button, slot in (
            (self.refer_button, self.open_refer),
            (self.sent_button, lambda: self.open_step(SentDialog)),
            (self.reply_button, lambda: self.open_step(ReplyDialog)),
            (self.follow_button, lambda: self.open_step(FollowUpDialog)),
            (self.close_button, lambda: self.open_step(CloseReferralDialog)),
            (self.print_button, self.print_selected),
        ):
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            if button is self.close_button:
                buttons.addStretch(1)
        self.print_button.setVisible(print_letter is not None)
        box.addLayout(buttons)

    # Showing -------------------------------------------------------------------------
    def wanted(self, case: Case) -> bool:
        """Whether the case window shows this tab: a case that may be forwarded, or has been."""
        return self.referrals.can_refer(case) or bool(self.referrals.for_case(case))

    def show_case(self, case: Case) -> str:
        """Show the case's referrals; returns the tab's title (with 逾期 when one is overdue)."""
        self.case = case
        selected = self.current()
        self.rows = self.referrals.for_case(case)
        reason = self.referrals.reason(case)
        rule = reply_rule_text(self.referrals)
        if reason:
            self.rule_label.setText(
                self.tr("本案{0},可书面转交{1};{2}。案件照常办理,业主仍由本中心答复。").format(
                    reason_text(case), term(self.referrals.rule().to), rule
                )
            )
        else:
            self.rule_label.setText(self.tr("本案已不属开发商原因,不能再转交;已发出的联系函照常跟进。"))
        states = [self.referrals.state(r) for r in self.rows]
        self.table.setRowCount(len(self.rows))
        for r, (ref, state) in enumerate(zip(self.rows, states, strict=True)):
            sent = f"{fmt(ref.sent_at)} {self.tr(ref.method)}" if ref.sent_at else ""
            cells = [
                ref.number,
                sent,
                f"{ref.reply_due:%Y-%m-%d}" if ref.reply_due else "",
                self.tr(STATE_WORDS.get(state, state)),
                ref.content,
            ]
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if state == rules.OVERDUE and c in (2, 3):
                    item.setForeground(QBrush(QColor(OVERDUE_TEXT)))
                if c == 4:
                    item.setToolTip(value)
                self.table.setItem(r, c, item)
        ids = [r.id for r in self.rows]
        if ids:
            self.table.selectRow(ids.index(selected.id) if selected and selected.id in ids else len(ids) - 1)
        self._selected()
        title = self.tr("转交开发商")
        if rules.OVERDUE in states:
            title += self.tr("(逾期)")
        return title

    def current(self) -> Referral | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _selected(self) -> None:
        ref = self.current()
        follows = self.referrals.follow_ups(ref) if ref is not None else []
        self.follow_label.setText(
            self.tr("跟进记录 — {0}").format(ref.number) if ref is not None else self.tr("跟进记录")
        )
        self.follow_table.setRowCount(len(follows))
        for r, f in enumerate(follows):
            cells = [fmt(f.at), f.by, f.note, f"{f.next_date:%Y-%m-%d}" if f.next_date else ""]
            for c, value in enumerate(cells):
                self.follow_table.setItem(r, c, QTableWidgetItem(value))
        self.follow_table.resizeRowsToContents()
        self.detail.setText(self._detail_html(ref) if ref is not None else "")
        self.detail.setVisible(ref is not None)
        self._enable(ref)

    def _detail_html(self, ref: Referral) -> str:
        """The selected letter: to whom, made by whom, what is asked, the reply, the close."""

        def line(label: str, value: str) -> str:
            return f'<span style="color:{MUTED_TEXT};">{html.escape(label)}</span>{multiline(value)}'

        lines = [
            line(self.tr("致:"), ref.to_whom)
            + " · "
            + line(self.tr("制函:"), f"{fmt(ref.made_at)} {ref.made_by}"),
            line(self.tr("联系事项:"), ref.content),
        ]
        if ref.replied_at is not None:
            lines.append(line(self.tr("开发商回复({0}):").format(fmt(ref.replied_at)), ref.reply_text))
        if ref.closed_at is not None:
            lines.append(line(self.tr("结束({0}):").format(fmt(ref.closed_at)), ref.close_note))
        return "<br>".join(lines)

    def _enable(self, ref: Referral | None) -> None:
        allowed = can(self.actor, "referral.edit")
        tip = "" if allowed else self.tr("您的角色不能做这一步")
        open_ref = ref is not None and ref.closed_at is None
        states = {
            self.refer_button: self.case is not None and self.referrals.can_refer(self.case),
            self.sent_button: open_ref and ref is not None and ref.sent_at is None,
            self.reply_button: open_ref
            and ref is not None
            and ref.sent_at is not None
            and ref.replied_at is None,
            self.follow_button: open_ref,
            self.close_button: open_ref,
        }
        for button, enabled in states.items():
            button.setEnabled(allowed and enabled)
            button.setToolTip(tip)
        self.print_button.setEnabled(allowed and ref is not None)
        self.print_button.setToolTip(tip)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    # Acting --------------------------------------------------------------------------
    def _open(self, dialog: ActionDialog) -> ActionDialog:
        dialog.accepted.connect(self._done)
        dialog.finished.connect(dialog.deleteLater)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_refer(self) -> ActionDialog | None:
        """转交开发商…: the letter's content, then 制作联系函."""
        self.show_error("")
        if self.case is None:
            return None
        return self._open(ReferDialog(self.case, self.referrals, self.actor, self))

    def open_step(
        self,
        kind: type[SentDialog] | type[ReplyDialog] | type[FollowUpDialog] | type[CloseReferralDialog],
    ) -> ActionDialog | None:
        """One step on the selected letter."""
        self.show_error("")
        ref = self.current()
        if ref is None:
            self.show_error(self.tr("请先在上面的列表中选一份联系函。"))
            return None
        return self._open(kind(ref, self.referrals, self.actor, self))

    def print_selected(self) -> None:
        ref = self.current()
        if ref is None or self.print_letter is None:
            self.show_error(self.tr("请先在上面的列表中选一份联系函。"))
            return
        try:
            self.print_letter(ref)
        except UserError as exc:
            self.show_error(error_text(exc))

    def _done(self) -> None:
        self.dialog = None
        self.changed.emit()
