"""The case window's left side: every field of the case in four groups (受理, 客户, 事项,
处理), the caller's phone masked with 显示, and the buttons shown only on the cases they are
for (只要求书面答复, 附上复函, 明确答复, 打开复函). It shows what it is given."""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import domain, late_replies
from app.cases import CaseDetail, clear_answer_late, contain_status
from app.i18n import term
from app.late_replies import Overrun
from app.owners import mask_phone
from ui.case_detail.texts import (
    ACTIONS,
    FLAG_STYLE,
    SIDE_ACTIONS,
    STATE_STYLE,
    chip,
    due_html,
    fmt,
    multiline,
)
from ui.case_model import NEARLY_DUE, OVERDUE
from ui.palette import MUTED_TEXT

if TYPE_CHECKING:
    from app.models import Case


class CaseFields(QScrollArea):
    """Every field of one case; `values` holds each field's label by key."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: dict[str, QLabel] = {}
        self.value_rows: dict[str, QLabel] = {}
        inner = QWidget()
        box = QVBoxLayout(inner)
        box.setContentsMargins(0, 0, 6, 0)
        box.setSpacing(8)
        box.addWidget(
            self._group(
                self.tr("受理"),
                [
                    ("number", self.tr("编号")),
                    ("ref", self.tr("自编号")),
                    ("received_at", self.tr("受理时间")),
                    ("channel", self.tr("渠道")),
                    ("created_by", self.tr("受理人")),
                ],
            )
        )
        box.addWidget(
            self._group(
                self.tr("客户"),
                [
                    ("customer", self.tr("客户")),
                    ("room", self.tr("房号")),
                    ("phone", self.tr("联系电话")),
                ],
            )
        )
        box.addWidget(
            self._group(
                self.tr("事项"),
                [
                    ("kind", self.tr("性质")),
                    ("validity", self.tr("有效性")),
                    ("severity", self.tr("程度")),
                    ("category", self.tr("类别")),
                    ("subcategory", self.tr("细类")),
                    ("urgency", self.tr("紧急程度")),
                    ("event_time", self.tr("事发时间")),
                    ("event_place", self.tr("事发地点")),
                    ("party", self.tr("被投诉部门/人员")),
                    ("account", self.tr("内容")),
                    ("request", self.tr("客户要求")),
                    ("requested_date", self.tr("业主要求的时间")),
                    ("written_reply", self.tr("书面答复")),
                ],
            )
        )
        box.addWidget(
            self._group(
                self.tr("处理"),
                [
                    ("department", self.tr("责任部门")),
                    ("state", self.tr("状态")),
                    ("response_due", self.tr("首次回复期限")),
                    ("resolve_due", self.tr("办结期限")),
                    ("containment", self.tr("先行处置")),
                    ("answer_due", self.tr("明确答复期限")),
                    ("clear_answer", self.tr("明确答复")),
                    ("reply_letter", self.tr("复函")),
                    ("result", self.tr("处理结果")),
                    ("resolved_at", self.tr("办结时间")),
                    ("closed_at", self.tr("关闭时间")),
                    ("merged_into", self.tr("已并入")),
                    ("merged", self.tr("并入本案的")),
                    ("rework", self.tr("返工告知")),  # H25: the owner told when the rework is done
                    ("linked", self.tr("关联投诉")),  # H25: a rework unqualified again
                ],
            )
        )
        side = QHBoxLayout()
        side.setSpacing(6)
        self.side_buttons: dict[str, QPushButton] = {}
        for key in SIDE_ACTIONS:
            button = QPushButton(self.tr(ACTIONS[key]))
            button.setAutoDefault(False)
            self.side_buttons[key] = button
            side.addWidget(button)
        self.open_letter_button = QPushButton(self.tr("打开复函"))
        self.open_letter_button.setAutoDefault(False)
        side.addWidget(self.open_letter_button)
        side.addStretch(1)
        box.addLayout(side)
        box.addStretch(1)
        self.setWidget(inner)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(380)

    def _value_label(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return label

    def _group(self, title: str, rows: list[tuple[str, str]]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(5)
        for key, caption in rows:
            label = self._value_label()
            self.values[key] = label
            name = QLabel(caption)
            name.setStyleSheet(f"color:{MUTED_TEXT};")
            if key == "phone":
                form.addRow(name, self._phone_field(label))
            else:
                form.addRow(name, label)
            self.value_rows[key] = name
        return box

    def _phone_field(self, label: QLabel) -> QWidget:
        """The caller's phone, masked (138****5678); 显示 shows it in full for a role that
        may, and the read is logged (查看人、时间), as on the owner's page."""
        self.phone_field = QWidget()
        row = QHBoxLayout(self.phone_field)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        self.reveal_phone_button = QPushButton(self.tr("显示"))
        row.addWidget(self.reveal_phone_button)
        row.addStretch(1)
        return self.phone_field

    def overrun_words(self, late: Overrun) -> str:
        """超时 3 小时 / 超时 2 工作日 / 超时 4 天, in the unit the policy counts the limit in."""
        words = {
            late_replies.HOURS: self.tr("超时 {0} 小时"),
            late_replies.WORKING: self.tr("超时 {0} 工作日"),
            late_replies.CALENDAR: self.tr("超时 {0} 天"),
        }
        return words[late.unit].format(late.amount)

    def _first_reply(self, detail: CaseDetail, now: dt.datetime) -> tuple[str, str]:
        """The 首次回复期限 line's flag and words: 已于 <time> 首次回复, 超时 <n> 小时/工作日 when late;
        尚未回复业主 while open; 未首次回复 when 办结 came without one (办结 is not a reply)."""
        reply = detail.first_reply
        if reply is None or reply.status == late_replies.NOT_OWED:
            return "", ""
        if reply.status == late_replies.REPLIED:
            assert reply.replied_at is not None
            note = self.tr("已于 {0} 首次回复").format(fmt(reply.replied_at))
        elif reply.status == late_replies.WAITING:
            note = self.tr("尚未回复业主")
        else:
            note = self.tr("未首次回复(办结不算首次回复)")
        if reply.late is None:
            return "", note
        if reply.status == late_replies.REPLIED:
            return OVERDUE, self.tr("{0},晚于期限:{1}").format(note, self.overrun_words(reply.late))
        return OVERDUE, self.tr("{0},{1}").format(note, self.overrun_words(reply.late))

    def show_case(self, detail: CaseDetail, now: dt.datetime, status: str, may_reveal: bool) -> None:
        """Fill every field; `status` is the 办结 deadline's flag, `may_reveal` whether the
        person may see the full phone number."""
        case = detail.case
        e = html.escape
        customer = self.tr("匿名") if case.anonymous else e(case.customer_name)
        owner_note = ""
        if case.owner is not None and case.owner.occupant_type:
            owner_note = f' <span style="color:{MUTED_TEXT};">({e(term(case.owner.occupant_type))})</span>'
        merged_list = detail.merged
        response_flag, response_note = self._first_reply(detail, now)
        validity = term(domain.VALIDITY_LABELS.get(case.validity or "", ""))
        report = detail.report if case.answer_due is not None else None
        answer_flag, answer_note, clear_answer = "", "", ""
        if report is not None and report.answered_at is not None:
            clear_answer = self.tr("{0} {1}({2}):{3}").format(
                fmt(report.answered_at),
                e(report.answered_by),
                e(self.method_label(report.answer_method)),
                e(report.answer_text),
            )
            answer_note = self.tr("已于 {0} 明确答复").format(fmt(report.answered_at))
        if clear_answer_late(case, report, now):
            answer_flag = OVERDUE
            answer_note = answer_note + self.tr(",晚于期限") if answer_note else self.tr("尚未明确答复")
            if detail.answer_late is not None:
                answer_note = self.tr("{0},{1}").format(answer_note, self.overrun_words(detail.answer_late))
        requested = ""
        if case.requested_date is not None:
            requested = f"{case.requested_date:%Y-%m-%d}"
            if case.resolve_due == dt.datetime.combine(case.requested_date, dt.time(23, 59)):
                requested += " " + e(self.tr("(办结期限按业主要求)"))
            elif case.kind == "投诉" and case.severity != "轻微":
                requested += " " + e(self.tr("(只用于轻微投诉,此件按制度期限)"))
        reply_letter = ""
        if case.written_reply_only:
            if case.reply_letter_at is not None:
                reply_letter = self.tr("{0}(附于 {1})").format(
                    e(case.reply_letter_name), fmt(case.reply_letter_at)
                )
            else:
                reply_letter = (
                    chip(self.tr("未附复函"), FLAG_STYLE[NEARLY_DUE])
                    + "&nbsp;"
                    + e(self.tr("附上复函后才能关闭"))
                )
        values = {
            "number": e(case.number),
            "ref": e(case.ref or ""),
            "received_at": fmt(case.received_at),
            "channel": e(term(case.channel)),
            "created_by": e(case.created_by.name) if case.created_by is not None else "",
            "customer": customer + owner_note,
            "room": e(case.room_label),
            "phone": e(mask_phone(case.customer_phone)),
            "kind": e(term(case.kind)),
            "validity": e(validity),
            "severity": e(term(case.severity)),
            "category": e(term(case.category)),
            "subcategory": e(term(case.subcategory)),
            "urgency": e(term(case.urgency, "urgency")),
            "event_time": fmt(case.event_time),
            "event_place": e(case.event_place),
            "party": e(term(case.party)),  # typed; a department of our own words reads in the language
            "account": multiline(case.account),
            "request": multiline(case.request),
            "department": e(term(case.department.name)) if case.department is not None else "",
            "state": chip(term(case.state), STATE_STYLE.get(case.state, "")),
            "response_due": due_html(case.response_due, response_flag, response_note),
            "resolve_due": due_html(case.resolve_due, status),
            "answer_due": due_html(case.answer_due, answer_flag, answer_note),
            "clear_answer": clear_answer,
            "containment": self.containment_html(case, now),
            "requested_date": requested,
            "written_reply": e(self.tr("只要求书面答复:不回访,复函附于案件"))
            if case.written_reply_only
            else "",
            "reply_letter": reply_letter,
            "result": multiline(case.result),
            "resolved_at": fmt(case.resolved_at),
            "closed_at": fmt(case.closed_at),
            "merged_into": e(case.merged_into.number) if case.merged_into is not None else "",
            "merged": e("、".join(merged_list)),
        }
        always = {
            "number",
            "received_at",
            "channel",
            "customer",
            "kind",
            "severity",
            "category",
            "urgency",
            "account",
            "department",
            "state",
            "response_due",
            "resolve_due",
            "result",
        }
        for key, label in self.values.items():
            text = values.get(key, "")
            shown = bool(text) or key in always
            if key == "validity":
                shown = case.kind == "投诉"
            label.setText(text or f'<span style="color:{MUTED_TEXT};">—</span>')
            label.setVisible(shown)
            self.value_rows[key].setVisible(shown)
        self.phone_field.setVisible(bool(case.customer_phone))
        self.reveal_phone_button.setVisible(bool(case.customer_phone))
        self.reveal_phone_button.setEnabled(may_reveal)
        self.reveal_phone_button.setToolTip(
            self.tr("显示完整号码(每次显示都会记录查看人和时间)")
            if may_reveal
            else self.tr("您的角色不能查看完整电话")
        )

        self.open_letter_button.setVisible(case.reply_letter_at is not None)

    def show_rework(self, told: list[tuple[str, bool]], linked: list[tuple[str, int, str]]) -> None:
        """返工告知: each rework notice's words (red when the owner was not told in time);
        关联投诉: the case this one came from or became, each a link (case:<id>) that opens it."""
        e = html.escape
        rework = "<br>".join(
            chip(self.tr("未及时告知"), FLAG_STYLE[OVERDUE]) + "&nbsp;" + e(words) if late else e(words)
            for words, late in told
        )
        links = "<br>".join(
            f'{e(words)} <a href="case:{case_id}">{e(number)}</a>' for words, case_id, number in linked
        )
        for key, text in (("rework", rework), ("linked", links)):
            self.values[key].setText(text)
            self.values[key].setVisible(bool(text))
            self.value_rows[key].setVisible(bool(text))

    def containment_html(self, case: Case, now: dt.datetime) -> str:
        """先行处置 (H21): its deadline, flagged when past, or who did what and when."""
        status = contain_status(case, now)
        if not status:
            return ""
        e = html.escape
        if case.contained_at is not None:
            text = self.tr("{0} {1}:{2}").format(
                fmt(case.contained_at), e(case.contained_by), e(case.containment)
            )
            if status == "done_late":
                text += "&nbsp;&nbsp;" + chip(
                    self.tr("晚于期限 {0}").format(fmt(case.contain_due)), FLAG_STYLE[OVERDUE]
                )
            return text
        if case.state not in domain.OPEN_STATES:
            return due_html(case.contain_due, "", self.tr("未记录先行处置"))
        flag = OVERDUE if status == "overdue" else ""
        return due_html(case.contain_due, flag, self.tr("尚未先行处置,须先记录再办结"))

    def method_label(self, method: str) -> str:
        """答复方式 in the window's language (the words are ui.case_actions.replies.ANSWER_METHOD_WORDS)."""
        return str(QCoreApplication.translate("ClearAnswerDialog", method))
