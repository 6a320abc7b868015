"""One case in full (案件详情): every field, the work slips, the extensions, the timeline,
the major-complaint report, and the lifecycle actions the case's state allows."""

from __future__ import annotations

import datetime as dt
import html
import logging
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import domain
from app.case_query import deadline_status
from app.cases import CaseService, clear_answer_late, first_reply_late
from app.errors import UserError
from app.models import Case, Dispatch, Extension, MajorReport, Staff, Visit
from app.owners import mask_phone
from app.permissions import can
from app.staff import StaffService
from ui.case_actions import (
    ActionDialog,
    ClearAnswerDialog,
    CloseDialog,
    DispatchDialog,
    ExtendDialog,
    MergeDialog,
    NoteDialog,
    RegradeDialog,
    ReopenDialog,
    ReplyLetterDialog,
    ResolveDialog,
    SignDialog,
    TypicalDialog,
    VoidDialog,
    WrittenReplyDialog,
    error_text,
    text_box,
)
from ui.case_model import NEARLY_DUE, OVERDUE

log = logging.getLogger(__name__)

SUBMITTED = QT_TR_NOOP("已提交")
FLAG_STYLE = {  # the flags are compared as they are and shown through tr()
    OVERDUE: "background:#fde4e2; color:#a31d12; font-weight:bold;",
    NEARLY_DUE: "background:#fff3d1; color:#7a5200; font-weight:bold;",
    SUBMITTED: "background:#e3f1e3; color:#25632a;",
}
STATE_STYLE = {
    domain.NEW: "background:#e8eefb; color:#1f4b99;",
    domain.DISPATCHED: "background:#e8eefb; color:#1f4b99;",
    domain.IN_PROGRESS: "background:#fff3d1; color:#7a5200;",
    domain.RESOLVED: "background:#e3f1e3; color:#25632a;",
    domain.CLOSED: "background:#ececec; color:#444;",
    domain.MERGED: "background:#ececec; color:#444;",
}
MAJOR_FIELDS = [
    ("content", QT_TR_NOOP("投诉内容")),
    ("cause", QT_TR_NOOP("原因")),
    ("handling", QT_TR_NOOP("处理经过")),
    ("result", QT_TR_NOOP("处理结果")),
    ("lessons", QT_TR_NOOP("经验教训")),
    ("corrective", QT_TR_NOOP("纠正预防措施")),
]
# Action key -> button label (with its keyboard mnemonic)
ACTIONS = {
    "dispatch": QT_TR_NOOP("派工(&D)"),
    "sign": QT_TR_NOOP("签收(&S)"),
    "note": QT_TR_NOOP("进展/回复业主(&N)"),
    "extend": QT_TR_NOOP("延期(&E)"),
    "resolve": QT_TR_NOOP("办结(&R)"),
    "close": QT_TR_NOOP("关闭案件(&C)"),
    "reopen": QT_TR_NOOP("重开(&O)"),
    "merge": QT_TR_NOOP("合并(&M)"),
    "typical": QT_TR_NOOP("典型案例(&T)"),
    "regrade": QT_TR_NOOP("重新定级(&G)"),
    "void": QT_TR_NOOP("作废(&V)"),
    # Shown only on the cases they are for (issue 14): complaints, written replies, majors.
    "written": QT_TR_NOOP("只要求书面答复"),
    "reply_letter": QT_TR_NOOP("附上复函"),
    "answer": QT_TR_NOOP("明确答复(&A)"),
}


def fmt(value: dt.datetime | None) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if value else ""


def chip(text: str, style: str) -> str:
    return f'<span style="{style}">&nbsp;{html.escape(text)}&nbsp;</span>'


def due_html(due: dt.datetime | None, flag: str, note: str = "") -> str:
    """A deadline with its status in words (and a tint): never colour alone."""
    if due is None:
        return ""
    text = html.escape(fmt(due))
    if flag:
        text += "&nbsp;&nbsp;" + chip(
            QCoreApplication.translate("CaseDetail", flag), FLAG_STYLE.get(flag, "")
        )
    if note:
        text += f'&nbsp;&nbsp;<span style="color:#666;">{html.escape(note)}</span>'
    return text


def report_status(report: MajorReport, now: dt.datetime, nearly_due: dt.timedelta) -> str:
    if report.submitted_at is not None:
        return SUBMITTED
    if report.due < now:
        return OVERDUE
    if report.due - now <= nearly_due:
        return NEARLY_DUE
    return ""


def allowed_actions(case: Case) -> set[str]:
    """The steps the case's state allows; mirrors app/cases.py, which has the last word."""
    allowed: set[str] = set()
    if case.state in domain.OPEN_STATES:
        allowed |= {"dispatch", "extend", "resolve"}
        if case.dispatches.where(Dispatch.signed_at.is_null()).exists():
            allowed.add("sign")
    if case.state != domain.MERGED:
        allowed.add("note")
    if case.state == domain.RESOLVED:
        allowed.add("close")
    if case.state in domain.DONE_STATES:
        allowed.add("reopen")
    if case.state in domain.OPEN_STATES + domain.DONE_STATES:
        allowed |= {"merge", "typical", "regrade", "void"}
    if case.kind == "投诉" and case.state in domain.OPEN_STATES:
        allowed.add("written")
    if case.written_reply_only and case.state in domain.OPEN_STATES + domain.DONE_STATES:
        allowed.add("reply_letter")
    if case.answer_due is not None and case.state in domain.OPEN_STATES + domain.DONE_STATES:
        report = case.major_reports.first()
        if report is not None and report.cancelled_at is None:
            allowed.add("answer")
    return allowed


# Shown under the 处理 fields, not in the bottom row (which has to fit 1366 pixels).
SIDE_ACTIONS = ("written", "reply_letter", "answer")


def action_shown(case: Case, key: str) -> bool:
    """The issue-14 buttons are shown only on the cases they are for."""
    if key == "written":
        return case.kind == "投诉"
    if key == "reply_letter":
        return bool(case.written_reply_only)
    if key == "answer":
        return case.answer_due is not None
    return True


# The permission each action needs (app/permissions.py); the service checks it again.
ACTION_PERMISSIONS = {
    "dispatch": "case.dispatch",
    "sign": "case.sign_for",
    "note": "case.note",
    "extend": "case.extend",
    "resolve": "case.resolve",
    "close": "case.close",
    "reopen": "case.reopen",
    "merge": "case.merge",
    "typical": "case.mark_typical",
    "regrade": "case.create",  # a closed case also needs case.edit_closed (the service asks)
    "void": "case.void",
    "written": "case.create",
    "reply_letter": "case.note",
    "answer": "case.note",
}


@dataclass
class CaseLinks:
    """What the detail can open elsewhere; given by the main window (each optional)."""

    open_visit: Callable[[int], None] | None = None
    print_record: Callable[[Case], None] | None = None  # 《顾客投诉处理记录表》
    print_slip: Callable[[Dispatch], None] | None = None  # 工作联系单
    show_history: Callable[[Case], None] | None = None  # the audit trail of the case


class CaseDetailDialog(QDialog):
    case_changed = Signal(int)

    def __init__(
        self,
        case_id: int,
        cases: CaseService,
        staff: StaffService,
        actor: Staff,
        parent: QWidget | None = None,
        links: CaseLinks | None = None,
    ) -> None:
        super().__init__(parent)
        self.links = links or CaseLinks()
        self.case_id = case_id
        self.cases = cases
        self.staff = staff
        self.actor = actor
        self.case: Case = cases.get(case_id)
        self.action_dialog: ActionDialog | None = None
        self.setWindowTitle(self.tr("案件详情 — {0}").format(self.case.number))
        self.resize(1160, 660)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        layout.addLayout(self._build_header())

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_fields())
        splitter.addWidget(self._build_tabs())
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 6)
        splitter.setSizes([500, 660])
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

        self.error_label = QLabel()
        self.error_label.setObjectName("detailError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(
            "QLabel#detailError { color:#a31d12; background:#fde4e2; border:1px solid #f2b8b2;"
            " border-radius:3px; padding:6px; }"
        )
        self.error_label.hide()
        layout.addWidget(self.error_label)
        layout.addLayout(self._build_actions())
        self.refresh()

    # Building ------------------------------------------------------------------------
    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(10)
        self.number_label = QLabel()
        font = self.number_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.number_label.setFont(font)
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state_label = QLabel()
        self.state_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label = QLabel()
        self.summary_label.setStyleSheet("color:#444;")
        row.addWidget(self.number_label)
        row.addWidget(self.state_label)
        row.addSpacing(8)
        row.addWidget(self.summary_label, 1)
        return row

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
            name.setStyleSheet("color:#555;")
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
        self.reveal_phone_button.clicked.connect(self.reveal_phone)
        row.addWidget(self.reveal_phone_button)
        row.addStretch(1)
        return self.phone_field

    def reveal_phone(self) -> None:
        try:
            value = self.cases.reveal_phone(self.case, self.actor)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("显示号码"), str(exc))
            return
        self.values["phone"].setText(html.escape(value))
        self.reveal_phone_button.setEnabled(False)

    def _build_fields(self) -> QScrollArea:
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
                    ("answer_due", self.tr("明确答复期限")),
                    ("clear_answer", self.tr("明确答复")),
                    ("reply_letter", self.tr("复函")),
                    ("result", self.tr("处理结果")),
                    ("resolved_at", self.tr("办结时间")),
                    ("closed_at", self.tr("关闭时间")),
                    ("merged_into", self.tr("已并入")),
                    ("merged", self.tr("并入本案的")),
                ],
            )
        )
        side = QHBoxLayout()
        side.setSpacing(6)
        self.side_buttons: dict[str, QPushButton] = {}
        for key in SIDE_ACTIONS:
            button = QPushButton(self.tr(ACTIONS[key]))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, k=key: self.open_action(k))
            self.side_buttons[key] = button
            side.addWidget(button)
        self.open_letter_button = QPushButton(self.tr("打开复函"))
        self.open_letter_button.setAutoDefault(False)
        self.open_letter_button.clicked.connect(self.open_reply_letter)
        side.addWidget(self.open_letter_button)
        side.addStretch(1)
        box.addLayout(side)
        box.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumWidth(380)
        return scroll

    def _table(self, headers: list[str], stretch: int) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setWordWrap(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return table

    def _build_tabs(self) -> QTabWidget:
        self.tabs = QTabWidget()
        self.timeline_view = QTextBrowser()
        self.timeline_view.setOpenLinks(False)
        self.timeline_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tabs.addTab(self.timeline_view, self.tr("处理记录"))

        slips = QWidget()
        slips_box = QVBoxLayout(slips)
        slips_box.setContentsMargins(6, 6, 6, 6)
        self.slip_table = self._table(
            [
                self.tr("联系单号"),
                self.tr("责任部门"),
                self.tr("指派给"),
                self.tr("派工时间"),
                self.tr("要求完成"),
                self.tr("签收人"),
                self.tr("签收时间"),
                self.tr("说明"),
            ],
            7,
        )
        self.extension_table = self._table(
            [self.tr("延期时间"), self.tr("原期限"), self.tr("新期限"), self.tr("批准人"), self.tr("原因")], 4
        )
        slips_box.addWidget(QLabel(self.tr("工作联系单")))
        slips_box.addWidget(self.slip_table, 3)
        slips_box.addWidget(QLabel(self.tr("延期记录")))
        slips_box.addWidget(self.extension_table, 2)
        self.tabs.addTab(slips, self.tr("联系单与延期"))

        visits = QWidget()
        visits_box = QVBoxLayout(visits)
        visits_box.setContentsMargins(6, 6, 6, 6)
        self.visit_table = self._table(
            [
                self.tr("第几次"),
                self.tr("状态"),
                self.tr("应回访"),
                self.tr("回访人"),
                self.tr("方式"),
                self.tr("满意度"),
                self.tr("回访时间"),
                self.tr("计划原因"),
            ],
            7,
        )
        self.visit_table.doubleClicked.connect(self._open_selected_visit)
        visits_box.addWidget(self.visit_table)
        visits_box.addWidget(QLabel(self.tr("双击一行打开回访记录。")))
        self.tabs.addTab(visits, self.tr("回访"))

        self.major_tab = self._build_major_tab()
        self.major_tab_index = -1
        return self.tabs

    def _build_major_tab(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(8, 8, 8, 8)
        self.major_due_label = QLabel()
        self.major_due_label.setTextFormat(Qt.TextFormat.RichText)
        self.major_due_label.setWordWrap(True)
        box.addWidget(self.major_due_label)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.major_edits: dict[str, QPlainTextEdit] = {}
        for key, caption in MAJOR_FIELDS:
            edit = text_box(lines=2)
            self.major_edits[key] = edit
            form.addRow(self.tr(caption), edit)
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        box.addWidget(scroll, 1)
        self.major_error = QLabel()
        self.major_error.setObjectName("majorError")
        self.major_error.setWordWrap(True)
        self.major_error.setStyleSheet(
            "QLabel#majorError { color:#a31d12; background:#fde4e2; border:1px solid #f2b8b2;"
            " border-radius:3px; padding:6px; }"
        )
        self.major_error.hide()
        box.addWidget(self.major_error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.major_save = QPushButton(self.tr("保存报告"))
        self.major_submit = QPushButton(self.tr("提交品质部及总经理"))
        self.major_save.setAutoDefault(False)
        self.major_submit.setAutoDefault(False)
        self.major_save.clicked.connect(lambda: self.save_major_report(submit=False))
        self.major_submit.clicked.connect(lambda: self.save_major_report(submit=True))
        buttons.addWidget(self.major_save)
        buttons.addWidget(self.major_submit)
        box.addLayout(buttons)
        return page

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        self.action_buttons: dict[str, QPushButton] = {}
        for key, label in ACTIONS.items():
            if key in SIDE_ACTIONS:
                self.action_buttons[key] = self.side_buttons[key]
                continue
            button = QPushButton(self.tr(label))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, k=key: self.open_action(k))
            self.action_buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        self.print_record_button = QPushButton(self.tr("打印处理记录表"))
        self.print_record_button.setAutoDefault(False)
        self.print_record_button.clicked.connect(
            lambda: self.links.print_record and self.links.print_record(self.case)
        )
        self.print_record_button.setVisible(self.links.print_record is not None)
        self.print_slip_button = QPushButton(self.tr("打印联系单"))
        self.print_slip_button.setAutoDefault(False)
        self.print_slip_button.clicked.connect(self._print_slip)
        self.print_slip_button.setVisible(self.links.print_slip is not None)
        self.history_button = QPushButton(self.tr("修改记录"))
        self.history_button.setAutoDefault(False)
        self.history_button.clicked.connect(
            lambda: self.links.show_history and self.links.show_history(self.case)
        )
        self.history_button.setVisible(self.links.show_history is not None)
        for button in (
            self.print_record_button,
            self.print_slip_button,
            self.history_button,
        ):
            row.addWidget(button)
        self.close_button = QPushButton(self.tr("关闭窗口"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        row.addWidget(self.close_button)
        return row

    # Showing -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the case again and show it."""
        case = self.case = self.cases.get(self.case_id)
        now = self.cases.clock.now()
        nearly = self.cases.policy().nearly_due
        status = deadline_status(case, now, nearly)

        self.setWindowTitle(self.tr("案件详情 — {0}").format(case.number))
        self.number_label.setText(case.number)
        state_html = chip(case.state, STATE_STYLE.get(case.state, ""))
        if status:
            state_html += "&nbsp;" + chip(self.tr(status), FLAG_STYLE[status])
        self.state_label.setText(state_html)
        self.summary_label.setText(f"{case.kind} · {case.severity} · {case.category} · {case.urgency}")

        e = html.escape
        customer = self.tr("匿名") if case.anonymous else e(case.customer_name)
        owner_note = ""
        if case.owner_id and case.owner.occupant_type:
            owner_note = f' <span style="color:#666;">({e(case.owner.occupant_type)})</span>'
        merged_list = [c.number for c in case.merged.order_by(Case.id)]
        if case.first_response_at and first_reply_late(case, now):
            response_flag = OVERDUE
            response_note = self.tr("已于 {0} 回复,晚于期限").format(fmt(case.first_response_at))
        elif case.first_response_at:
            response_flag, response_note = "", self.tr("已于 {0} 回复").format(fmt(case.first_response_at))
        elif case.state in domain.OPEN_STATES and case.response_due < now:
            response_flag, response_note = OVERDUE, self.tr("尚未回复业主")
        else:
            response_flag, response_note = (
                "",
                (self.tr("尚未回复业主") if case.state in domain.OPEN_STATES else ""),
            )
        validity = domain.VALIDITY_LABELS.get(case.validity or "", "")
        report = case.major_reports.first() if case.answer_due is not None else None
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
            "channel": e(case.channel),
            "created_by": e(case.created_by.name) if case.created_by_id else "",
            "customer": customer + owner_note,
            "room": e(case.room_label),
            "phone": e(mask_phone(case.customer_phone)),
            "kind": e(case.kind),
            "validity": e(validity),
            "severity": e(case.severity),
            "category": e(case.category),
            "urgency": e(case.urgency),
            "event_time": fmt(case.event_time),
            "event_place": e(case.event_place),
            "party": e(case.party),
            "account": multiline(case.account),
            "request": multiline(case.request),
            "department": e(case.department.name) if case.department_id else "",
            "state": chip(case.state, STATE_STYLE.get(case.state, "")),
            "response_due": due_html(case.response_due, response_flag, response_note),
            "resolve_due": due_html(case.resolve_due, status),
            "answer_due": due_html(case.answer_due, answer_flag, answer_note),
            "clear_answer": clear_answer,
            "requested_date": requested,
            "written_reply": e(self.tr("只要求书面答复:不回访,复函附于案件"))
            if case.written_reply_only
            else "",
            "reply_letter": reply_letter,
            "result": multiline(case.result),
            "resolved_at": fmt(case.resolved_at),
            "closed_at": fmt(case.closed_at),
            "merged_into": e(case.merged_into.number) if case.merged_into_id else "",
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
            label.setText(text or '<span style="color:#999;">—</span>')
            label.setVisible(shown)
            self.value_rows[key].setVisible(shown)
        self.phone_field.setVisible(bool(case.customer_phone))
        may_reveal = can(self.actor, "owner.reveal_phone")
        self.reveal_phone_button.setVisible(bool(case.customer_phone))
        self.reveal_phone_button.setEnabled(may_reveal)
        self.reveal_phone_button.setToolTip(
            self.tr("显示完整号码(每次显示都会记录查看人和时间)")
            if may_reveal
            else self.tr("您的角色不能查看完整电话")
        )

        self._fill_timeline(case)
        self._fill_slips(case)
        self._fill_visits(case)
        self._fill_extensions(case)
        self._show_major_report(case, now, nearly)
        self.open_letter_button.setVisible(case.reply_letter_at is not None)

        allowed = allowed_actions(case)
        for key, button in self.action_buttons.items():
            permitted = can(self.actor, ACTION_PERMISSIONS[key])
            button.setVisible(action_shown(case, key))
            button.setEnabled(key in allowed and permitted)
            button.setToolTip("" if permitted else self.tr("您的角色不能做这一步"))

    def _fill_timeline(self, case: Case) -> None:
        rows = []
        for ev in self.cases.timeline(case):
            rows.append(
                "<tr>"
                f'<td style="color:#555; white-space:nowrap; padding:4px 10px 4px 0;">{fmt(ev.at)}</td>'
                f'<td style="white-space:nowrap; padding:4px 10px 4px 0;"><b>{html.escape(ev.kind)}</b></td>'
                f'<td width="70%" style="padding:4px 10px 4px 0;">{multiline(ev.text)}</td>'
                f'<td style="color:#555; white-space:nowrap; padding:4px 0;">{html.escape(ev.actor_name)}</td>'
                "</tr>"
            )
        head = "".join(
            f'<th align="left" style="padding:2px 10px 6px 0; color:#333;">{self.tr(h)}</th>'
            for h in (QT_TR_NOOP("时间"), QT_TR_NOOP("类型"), QT_TR_NOOP("内容"), QT_TR_NOOP("经办人"))
        )
        self.timeline_view.setHtml(
            f'<table width="100%" cellspacing="0"><tr>{head}</tr>{"".join(rows)}</table>'
        )

    def _fill_visits(self, case: Case) -> None:
        visits = list(Visit.select().where(Visit.case == case).order_by(Visit.attempt, Visit.id))
        self.visit_ids = [v.id for v in visits]
        self.visit_table.setRowCount(len(visits))
        for r, v in enumerate(visits):
            values = [
                self.tr("第{0}次").format(v.attempt),
                v.state,
                str(v.due),
                v.visitor_name or v.role,
                v.method,
                v.satisfaction or "",
                fmt(v.done_at),
                v.reason,
            ]
            for c, value in enumerate(values):
                self.visit_table.setItem(r, c, QTableWidgetItem(value))

    def _open_selected_visit(self) -> None:
        row = self.visit_table.currentRow()
        if self.links.open_visit is not None and 0 <= row < len(self.visit_ids):
            self.links.open_visit(self.visit_ids[row])
            self.refresh()

    def _print_slip(self) -> None:
        if self.links.print_slip is None:
            return
        slips = list(self.case.dispatches.order_by(Dispatch.id))
        if not slips:
            self.show_error(self.tr("这件案件还没有派工,没有工作联系单可打印。"))
            return
        row = self.slip_table.currentRow()
        self.links.print_slip(slips[row] if 0 <= row < len(slips) else slips[-1])

    def _fill_slips(self, case: Case) -> None:
        slips = list(case.dispatches.order_by(Dispatch.id))
        self.slip_table.setRowCount(len(slips))
        for r, s in enumerate(slips):
            cells = [
                s.number,
                s.department.name,
                s.assignee.name if s.assignee_id else "",
                fmt(s.dispatched_at),
                fmt(s.due),
                s.signed_by or self.tr("未签收"),
                fmt(s.signed_at),
                s.instructions,
            ]
            for c, text in enumerate(cells):
                self.slip_table.setItem(r, c, QTableWidgetItem(text))
        self.slip_table.resizeRowsToContents()

    def _fill_extensions(self, case: Case) -> None:
        extensions = list(case.extensions.order_by(Extension.id))
        self.extension_table.setRowCount(len(extensions))
        for r, x in enumerate(extensions):
            role = domain.ROLES.get(x.approver_role, x.approver_role)
            cells = [fmt(x.at), fmt(x.old_due), fmt(x.new_due), f"{x.approver}({role})", x.reason]
            for c, text in enumerate(cells):
                self.extension_table.setItem(r, c, QTableWidgetItem(text))
        self.extension_table.resizeRowsToContents()

    def _show_major_report(self, case: Case, now: dt.datetime, nearly: dt.timedelta) -> None:
        report = case.major_reports.first()
        if report is None:
            if self.major_tab_index >= 0:
                self.tabs.removeTab(self.major_tab_index)
                self.major_tab_index = -1
            return
        if self.major_tab_index < 0:
            self.major_tab_index = self.tabs.addTab(self.major_tab, self.tr("重大投诉报告"))
        cancelled = report.cancelled_at is not None
        flag = "" if cancelled else report_status(report, now, nearly)
        note = ""
        if report.submitted_at:
            note = self.tr("{0} 由{1}提交").format(fmt(report.submitted_at), report.submitted_by)
        if cancelled:
            note = self.tr("已于 {0} 取消:{1}").format(fmt(report.cancelled_at), report.cancel_reason)
        self.major_due_label.setText(self.tr("报品质部及总经理期限:") + due_html(report.due, flag, note))
        tab_title = self.tr("重大投诉报告")
        if cancelled:
            tab_title += self.tr("(已取消)")
        elif flag in (OVERDUE, NEARLY_DUE):
            tab_title += self.tr("({0})").format(self.tr(flag))
        self.tabs.setTabText(self.major_tab_index, tab_title)
        submitted = report.submitted_at is not None or cancelled
        for key, edit in self.major_edits.items():
            value = getattr(report, key)
            if edit.toPlainText() != value:
                edit.setPlainText(value)
            edit.setReadOnly(submitted)
        self.major_save.setEnabled(not submitted)
        self.major_submit.setEnabled(not submitted)

    # Acting --------------------------------------------------------------------------
    def make_action_dialog(self, key: str) -> ActionDialog:
        case, cases, actor = self.case, self.cases, self.actor
        if key == "dispatch":
            return DispatchDialog(case, cases, self.staff, actor, self)
        if key == "extend":
            return ExtendDialog(case, cases, self.staff, actor, self)
        kinds: dict[str, type[ActionDialog]] = {
            "sign": SignDialog,
            "note": NoteDialog,
            "resolve": ResolveDialog,
            "close": CloseDialog,
            "reopen": ReopenDialog,
            "merge": MergeDialog,
            "typical": TypicalDialog,
            "regrade": RegradeDialog,
            "void": VoidDialog,
            "written": WrittenReplyDialog,
            "reply_letter": ReplyLetterDialog,
            "answer": ClearAnswerDialog,
        }
        return kinds[key](case, cases, actor, self)

    def open_action(self, key: str) -> ActionDialog:
        """Open the small dialog of one step (window-modal); on success the case is shown anew."""
        self.show_error("")
        self.case = self.cases.get(self.case_id)
        dialog = self.make_action_dialog(key)
        dialog.accepted.connect(self._action_done)
        dialog.finished.connect(dialog.deleteLater)
        self.action_dialog = dialog
        dialog.open()
        return dialog

    def _action_done(self) -> None:
        self.action_dialog = None
        self.refresh()
        self.case_changed.emit(self.case_id)

    def save_major_report(self, submit: bool) -> bool:
        fields = {key: edit.toPlainText() for key, edit in self.major_edits.items()}
        try:
            self.cases.save_major_report(self.cases.get(self.case_id), fields, submit, self.actor)
        except UserError as exc:
            self.major_error.setText(error_text(exc))
            self.major_error.show()
            self.tabs.setCurrentIndex(self.major_tab_index)
            return False
        self.major_error.hide()
        self.refresh()
        self.case_changed.emit(self.case_id)
        return True

    def method_label(self, method: str) -> str:
        """答复方式 in the window's language (the words are ui.case_actions.ANSWER_METHOD_WORDS)."""
        return str(QCoreApplication.translate("ClearAnswerDialog", method))

    def reply_letter_path(self) -> Path | None:
        """The attached reply letter written to a temporary file (to open it); None if none."""
        case = self.cases.get(self.case_id)
        data = self.cases.reply_letter(case)
        if data is None:
            return None
        folder = Path(tempfile.mkdtemp(prefix="huiyin-reply-"))
        name = Path(case.reply_letter_name).name or "reply.pdf"
        path = folder / f"{case.number}-{name}"
        path.write_bytes(data)
        return path

    def open_reply_letter(self) -> bool:
        """Open the reply letter with the program the computer has for it."""
        try:
            path = self.reply_letter_path()
        except OSError:
            log.exception("reply letter could not be written out")
            path = None
        if path is None or not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.show_error(self.tr("无法打开复函:请确认电脑上装有能打开 PDF、图片或 Word 文件的程序"))
            return False
        self.show_error("")
        return True

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))


def multiline(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")
