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
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import case_states, domain
from app.case_query import deadline_status
from app.cases import CaseDetail, CaseService
from app.errors import UserError
from app.permissions import can
from app.staff import StaffService
from ui.case_actions.base import CaseActionDialog, CaseReasonDialog, error_text
from ui.case_actions.corrections import MergeDialog, RegradeDialog, ReopenDialog, TypicalDialog, VoidDialog
from ui.case_actions.handling import (
    CloseDialog,
    DispatchDialog,
    ExtendDialog,
    NoteDialog,
    ResolveDialog,
    SignDialog,
)
from ui.case_actions.replies import ClearAnswerDialog, ReplyLetterDialog, WrittenReplyDialog
from ui.case_detail.fields import CaseFields
from ui.case_detail.major_report import MajorReportTab
from ui.case_detail.texts import (
    ACTIONS,
    FLAG_STYLE,
    SIDE_ACTIONS,
    STATE_STYLE,
    TIMELINE_HEADERS,
    chip,
    fmt,
    multiline,
)
from ui.palette import ERROR_BOX_STYLE, HEADING_TEXT, MUTED_TEXT
from ui.widgets import make_table

if TYPE_CHECKING:
    from app.models import Case, Dispatch, MajorReport, Staff

log = logging.getLogger(__name__)


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
        self.action_dialog: CaseActionDialog | CaseReasonDialog | None = None
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
        self.error_label.setStyleSheet(f"QLabel#detailError {{ {ERROR_BOX_STYLE} }}")
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
        self.summary_label.setStyleSheet(f"color:{HEADING_TEXT};")
        row.addWidget(self.number_label)
        row.addWidget(self.state_label)
        row.addSpacing(8)
        row.addWidget(self.summary_label, 1)
        return row

    def reveal_phone(self) -> None:
        try:
            value = self.cases.reveal_phone(self.case, self.actor)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("显示号码"), str(exc))
            return
        self.fields.values["phone"].setText(html.escape(value))
        self.fields.reveal_phone_button.setEnabled(False)

    def _build_fields(self) -> CaseFields:
        self.fields = CaseFields()
        self.fields.reveal_phone_button.clicked.connect(self.reveal_phone)
        for key, button in self.fields.side_buttons.items():
            button.clicked.connect(lambda _=False, k=key: self.open_action(k))
        self.fields.open_letter_button.clicked.connect(self.open_reply_letter)
        return self.fields

    def _table(self, headers: list[str], stretch: int) -> QTableWidget:
        return make_table(headers, stretch=stretch, wrap=True)

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

        self.major = MajorReportTab()
        self.major.save_button.clicked.connect(lambda: self.save_major_report(submit=False))
        self.major.submit_button.clicked.connect(lambda: self.save_major_report(submit=True))
        self.major_tab_index = -1
        return self.tabs

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        self.action_buttons: dict[str, QPushButton] = {}
        for key, label in ACTIONS.items():
            if key in SIDE_ACTIONS:
                self.action_buttons[key] = self.fields.side_buttons[key]
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
        detail = self.cases.detail(self.case_id)
        case = self.case = detail.case
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

        self.fields.show_case(detail, now, status, can(self.actor, "owner.reveal_phone"))

        self._fill_timeline(detail)
        self._fill_slips(detail)
        self._fill_visits(detail)
        self._fill_extensions(detail)
        self._show_major_report(detail.report, now, nearly)

        for key, button in self.action_buttons.items():
            permitted = can(self.actor, case_states.permission(case, key))
            button.setVisible(case_states.applies_to(case, key))
            button.setEnabled(key in detail.actions and permitted)
            button.setToolTip("" if permitted else self.tr("您的角色不能做这一步"))

    def _fill_timeline(self, detail: CaseDetail) -> None:
        rows = []
        for ev in detail.timeline:
            rows.append(
                "<tr>"
                f'<td style="color:{MUTED_TEXT}; white-space:nowrap; padding:4px 10px 4px 0;">{fmt(ev.at)}</td>'
                f'<td style="white-space:nowrap; padding:4px 10px 4px 0;"><b>{html.escape(ev.kind)}</b></td>'
                f'<td width="70%" style="padding:4px 10px 4px 0;">{multiline(ev.text)}</td>'
                f'<td style="color:{MUTED_TEXT}; white-space:nowrap; padding:4px 0;">{html.escape(ev.actor_name)}</td>'
                "</tr>"
            )
        head = "".join(
            f'<th align="left" style="padding:2px 10px 6px 0; color:{HEADING_TEXT};">{self.tr(h)}</th>'
            for h in TIMELINE_HEADERS
        )
        self.timeline_view.setHtml(
            f'<table width="100%" cellspacing="0"><tr>{head}</tr>{"".join(rows)}</table>'
        )

    def _fill_visits(self, detail: CaseDetail) -> None:
        visits = detail.visits
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
        slips = self.cases.slips(self.case)
        if not slips:
            self.show_error(self.tr("这件案件还没有派工,没有工作联系单可打印。"))
            return
        row = self.slip_table.currentRow()
        self.links.print_slip(slips[row] if 0 <= row < len(slips) else slips[-1])

    def _fill_slips(self, detail: CaseDetail) -> None:
        slips = detail.slips
        self.slip_table.setRowCount(len(slips))
        for r, s in enumerate(slips):
            cells = [
                s.number,
                s.department.name,
                s.assignee.name if s.assignee is not None else "",
                fmt(s.dispatched_at),
                fmt(s.due),
                s.signed_by or self.tr("未签收"),
                fmt(s.signed_at),
                s.instructions,
            ]
            for c, text in enumerate(cells):
                self.slip_table.setItem(r, c, QTableWidgetItem(text))
        self.slip_table.resizeRowsToContents()

    def _fill_extensions(self, detail: CaseDetail) -> None:
        extensions = detail.extensions
        self.extension_table.setRowCount(len(extensions))
        for r, x in enumerate(extensions):
            role = domain.ROLES.get(x.approver_role, x.approver_role)
            cells = [fmt(x.at), fmt(x.old_due), fmt(x.new_due), f"{x.approver}({role})", x.reason]
            for c, text in enumerate(cells):
                self.extension_table.setItem(r, c, QTableWidgetItem(text))
        self.extension_table.resizeRowsToContents()

    def _show_major_report(self, report: MajorReport | None, now: dt.datetime, nearly: dt.timedelta) -> None:
        if report is None:
            if self.major_tab_index >= 0:
                self.tabs.removeTab(self.major_tab_index)
                self.major_tab_index = -1
            return
        if self.major_tab_index < 0:
            self.major_tab_index = self.tabs.addTab(self.major, self.tr("重大投诉报告"))
        self.tabs.setTabText(self.major_tab_index, self.major.show_report(report, now, nearly))

    # Acting --------------------------------------------------------------------------
    def make_action_dialog(self, key: str) -> CaseActionDialog | CaseReasonDialog:
        case, cases, actor = self.case, self.cases, self.actor
        if key == "dispatch":
            return DispatchDialog(case, cases, self.staff, actor, self)
        if key == "extend":
            return ExtendDialog(case, cases, self.staff, actor, self)
        kinds: dict[str, type[CaseActionDialog] | type[CaseReasonDialog]] = {
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

    def open_action(self, key: str) -> CaseActionDialog | CaseReasonDialog:
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
        try:
            self.cases.save_major_report(
                self.cases.get(self.case_id), self.major.values(), submit, self.actor
            )
        except UserError as exc:
            self.major.show_error(error_text(exc))
            self.tabs.setCurrentIndex(self.major_tab_index)
            return False
        self.major.show_error("")
        self.refresh()
        self.case_changed.emit(self.case_id)
        return True

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
