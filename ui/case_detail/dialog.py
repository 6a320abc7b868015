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

from PySide6.QtCore import QT_TR_NOOP, Qt, QUrl, Signal
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
from app.cases.shown import shown_event_text
from app.errors import UserError
from app.i18n import term
from app.permissions import can
from app.staff import StaffService
from app.visits.shown import shown_visit_reason
from app.visits.visitors import visitor_names
from ui.case_actions.base import CaseActionDialog, CaseReasonDialog, error_text
from ui.case_actions.containment import ContainDialog
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
from ui.case_actions.rework import TellOwnerDialog
from ui.case_detail.fields import CaseFields
from ui.case_detail.major_report import MajorReportTab
from ui.case_detail.referral import ReferralTab
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
from ui.case_detail.two_visitors import TwoVisitorsBox
from ui.case_detail.visit_dates import VisitDatesBox
from ui.palette import ERROR_BOX_STYLE, HEADING_TEXT, MUTED_TEXT
from ui.widgets import make_table

if TYPE_CHECKING:
    from app.models import Case, Dispatch, MajorReport, Referral, Staff
    from app.referrals import ReferralService
    from app.rework import ReworkFollowUp
    from app.visits import VisitService
    from app.visits.special import VisitDates

log = logging.getLogger(__name__)


@dataclass
class CaseLinks:
    """What the detail can open elsewhere; given by the main window (each optional)."""

    open_visit: Callable[[int], None] | None = None
    print_record: Callable[[Case], None] | None = None  # 《顾客投诉处理记录表》
    print_slip: Callable[[Dispatch], None] | None = None  # 工作联系单
    show_history: Callable[[Case], None] | None = None  # the audit trail of the case
    print_referral: Callable[[Referral], None] | None = None  # 工作联系函 to the developer (H22)


class CaseDetailDialog(QDialog):
    case_changed = Signal(int)
    # How an extension's approver confirmed (app.domain.CONFIRMED_BY_*), shown through tr().
    CONFIRMED_WORDS = (QT_TR_NOOP("本人登录"), QT_TR_NOOP("本机输入密码"))

    def __init__(
        self,
        case_id: int,
        cases: CaseService,
        staff: StaffService,
        actor: Staff,
        parent: QWidget | None = None,
        links: CaseLinks | None = None,
        referrals: ReferralService | None = None,
        rework: ReworkFollowUp | None = None,
        visit_dates: VisitDates | None = None,
        two_visitors: VisitService | None = None,
    ) -> None:
        super().__init__(parent)
        self.two_visitors = two_visitors  # 业主损失较大 and who visits together, in the 回访 tab (H24)
        self.visit_dates = visit_dates  # 闭水试验、特约服务合同日期 in the 回访 tab (H23)
        self.rework = rework  # 告知业主返工时间 and the linked complaint are shown with it (H25)
        self.linked_dialog: CaseDetailDialog | None = None
        self.links = links or CaseLinks()
        self.referrals = referrals  # the 转交开发商 tab is shown only with the service (H22)
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
        linked = self.fields.values["linked"]
        linked.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        linked.linkActivated.connect(self.open_linked)
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
            [
                self.tr("延期时间"),
                self.tr("原期限"),
                self.tr("新期限"),
                self.tr("批准人"),
                self.tr("批准方式"),
                self.tr("原因"),
            ],
            5,
        )
        slips_box.addWidget(QLabel(self.tr("工作联系单")))
        slips_box.addWidget(self.slip_table, 3)
        slips_box.addWidget(QLabel(self.tr("延期记录")))
        slips_box.addWidget(self.extension_table, 2)
        self.tabs.addTab(slips, self.tr("联系单与延期"))

        visits = QWidget()
        visits_box = QVBoxLayout(visits)
        visits_box.setContentsMargins(6, 6, 6, 6)
        self.visit_dates_box: VisitDatesBox | None = None
        if self.visit_dates is not None:
            self.visit_dates_box = VisitDatesBox(self.visit_dates, self.actor)
            self.visit_dates_box.changed.connect(self._action_done)
            visits_box.addWidget(self.visit_dates_box)
        self.two_visitors_box: TwoVisitorsBox | None = None
        if self.two_visitors is not None:
            self.two_visitors_box = TwoVisitorsBox(self.two_visitors, self.actor)
            self.two_visitors_box.changed.connect(self._action_done)
            visits_box.addWidget(self.two_visitors_box)
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
        self.referral_tab: ReferralTab | None = None
        if self.referrals is not None:
            self.referral_tab = ReferralTab(self.referrals, self.actor, self.links.print_referral)
            self.referral_tab.changed.connect(self._action_done)
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
        self.tell_owner_button = QPushButton(self.tr("告知业主返工时间"))
        self.tell_owner_button.setAutoDefault(False)
        self.tell_owner_button.clicked.connect(self.open_tell_owner)
        row.insertWidget(row.count() - 1, self.tell_owner_button)  # with the steps, before the stretch
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
        state_html = chip(term(case.state), STATE_STYLE.get(case.state, ""))
        if status:
            state_html += "&nbsp;" + chip(self.tr(status), FLAG_STYLE[status])
        self.state_label.setText(state_html)
        self.summary_label.setText(
            f"{term(case.kind)} · {term(case.severity)} · {term(case.category)} · {term(case.urgency, 'urgency')}"
        )

        self.fields.show_case(detail, now, status, can(self.actor, "owner.reveal_phone"))

        self._fill_timeline(detail)
        self._fill_slips(detail)
        self._fill_visits(detail)
        if self.visit_dates_box is not None:
            self.visit_dates_box.show_case(case)
        if self.two_visitors_box is not None:
            self.two_visitors_box.show_case(case)
        self._fill_extensions(detail)
        self._show_major_report(detail.report, now, nearly)
        self._show_referrals(case)
        self._show_rework(case, now)

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
                f'<td style="white-space:nowrap; padding:4px 10px 4px 0;"><b>{html.escape(term(ev.kind))}</b></td>'
                f'<td width="70%" style="padding:4px 10px 4px 0;">{multiline(shown_event_text(ev.text))}</td>'
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
                term(v.state),
                str(v.due),
                visitor_names(v) or term(domain.ROLES.get(v.role, v.role)),
                term(v.method),
                term(v.satisfaction or "", "satisfaction"),
                fmt(v.done_at),
                shown_visit_reason(v.reason),
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
                term(s.department.name),
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
            role = term(domain.ROLES.get(x.approver_role, x.approver_role))
            confirmed = term(x.confirmed) if x.confirmed else self.tr("(旧记录,未核验)")
            cells = [fmt(x.at), fmt(x.old_due), fmt(x.new_due), f"{x.approver}({role})", confirmed, x.reason]
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

    def _show_referrals(self, case: Case) -> None:
        """The 转交开发商 tab, for a case that may be forwarded to the developer or has been."""
        tab = self.referral_tab
        if tab is None:
            return
        index = self.tabs.indexOf(tab)
        if not tab.wanted(case):
            if index >= 0:
                self.tabs.removeTab(index)
                if self.major_tab_index > index:  # the report's tab moved one to the left
                    self.major_tab_index -= 1
            return
        if index < 0:
            index = self.tabs.addTab(tab, self.tr("转交开发商"))
        self.tabs.setTabText(index, tab.show_case(case))

    def _show_rework(self, case: Case, now: dt.datetime) -> None:
        """返工告知 and 关联投诉 (H25, app/rework.py), and the step that records the telling."""
        rework = self.rework
        if rework is None:
            self.fields.show_rework([], [])
            self.tell_owner_button.hide()
            return
        notices = rework.notices_of_case(case)
        told = [
            (rework.told_words(n), (n.owner_told_at or now) > n.due and case.state in domain.OPEN_STATES)
            for n in notices
        ]
        linked = []
        first = rework.linked_from(case)
        if first is not None:
            linked.append((self.tr("返工后回访仍不合格,由此案转来:"), first.id, first.number))
        for later in rework.linked_cases(case):
            linked.append((self.tr("返工后回访仍不合格,已转为投诉:"), later.id, later.number))
        self.fields.show_rework(told, linked)
        self.tell_owner_button.setVisible(bool(notices))
        permitted = can(self.actor, "rework.tell_owner")
        self.tell_owner_button.setEnabled(permitted and case.state not in (domain.VOID, domain.MERGED))
        self.tell_owner_button.setToolTip("" if permitted else self.tr("您的角色不能做这一步"))

    def open_tell_owner(self) -> TellOwnerDialog | None:
        """告知业主返工时间: the dialog of the latest notice not told yet (else the latest)."""
        if self.rework is None:
            return None
        self.show_error("")
        self.case = self.cases.get(self.case_id)
        dialog = TellOwnerDialog(self.case, self.cases, self.actor, self.rework, self)
        dialog.accepted.connect(self._action_done)
        dialog.finished.connect(dialog.deleteLater)
        self.action_dialog = dialog
        dialog.open()
        return dialog

    def open_linked(self, href: str) -> CaseDetailDialog | None:
        """A link of 关联投诉 (case:<id>): the other case in its own window."""
        if not href.startswith("case:"):
            return None
        dialog = CaseDetailDialog(
            int(href.split(":", 1)[1]),
            self.cases,
            self.staff,
            self.actor,
            self,
            links=self.links,
            referrals=self.referrals,
            rework=self.rework,
            visit_dates=self.visit_dates,
            two_visitors=self.two_visitors,
        )
        dialog.case_changed.connect(self.case_changed.emit)
        dialog.finished.connect(dialog.deleteLater)
        self.linked_dialog = dialog
        dialog.open()
        return dialog

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
            "contain": ContainDialog,
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
