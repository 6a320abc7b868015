"""The main window: the composition root that hands each page the services it needs.

Pages are built lazily the first time they are shown, so the program opens at once.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QWidget,
)

from app import __version__, domain
from app.case_query import CaseFilter
from app.dashboard import dashboard
from app.i18n import term
from app.office import Office
from app.permissions import can, current_person, set_person
from app.print_jobs import PrintDocument
from app.stats import Comparison
from app.stats_export import write_xlsx
from reports.printing import Printouts
from reports.quarterly import QuarterlyReport
from ui.errors import friendly_error
from ui.i18n import QT_TR_NOOP, read_language
from ui.palette import ACCENT, ERROR_RED, OK, PANEL_BG, PAPER
from ui.progress import STEPS, ProgressDialog, run_with_progress
from ui.widgets import fit_to_screen
from ui.worker import Job, Progress, run_in_background

if TYPE_CHECKING:
    from app.backup import BackupResult
    from app.models import Case, Staff

log = logging.getLogger(__name__)

PAGES = [
    ("dashboard", QT_TR_NOOP("工作台")),
    ("intake", QT_TR_NOOP("受理登记")),
    ("cases", QT_TR_NOOP("案件")),
    ("calendar", QT_TR_NOOP("回访日历")),
    ("planner", QT_TR_NOOP("回访计划")),
    ("followups", QT_TR_NOOP("跟进事项")),
    ("forms", QT_TR_NOOP("表单台账")),
    ("night", QT_TR_NOOP("夜间值班")),
    ("stats", QT_TR_NOOP("统计报表")),
    ("survey", QT_TR_NOOP("满意度调查")),
    ("owners", QT_TR_NOOP("业主档案")),
    ("audit", QT_TR_NOOP("审计记录")),
    ("backup", QT_TR_NOOP("备份恢复")),
]


class MainWindow(QMainWindow):
    switch_user_requested = Signal()

    def __init__(self, office: Office, user: Staff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.office = office
        self.user = user
        set_person(user)  # every service asks the role table about this person, and audits the name
        self.setWindowTitle(self.tr("回音 {0} — {1}").format(__version__, office.name))  # Huiyin in English
        # First start: as large as the screen's free area allows (1366×768 with a task bar
        # included); afterwards the size each person left it at (_restore_layout).
        fit_to_screen(self, 1440, 900)
        self.printouts = Printouts(office, user, language=read_language(office.data_dir))
        self.page_widgets: dict[str, QWidget] = {}

        self.pages = QStackedWidget()
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav_keys = [key for key, _ in PAGES if self._page_allowed(key)]
        for key in self.nav_keys:
            label = dict(PAGES)[key]
            QListWidgetItem(self.tr(label), self.nav)
            self.pages.addWidget(QWidget())  # placeholder until first shown
        self.nav.setFixedWidth(112)
        self.nav.setStyleSheet(
            f"QListWidget#nav {{ font-size: 14px; border: none; background: {PANEL_BG}; }}"
            "QListWidget#nav::item { padding: 11px 10px; }"
            f"QListWidget#nav::item:selected {{ background: {ACCENT}; color: {PAPER}; }}"
        )
        self.nav.currentRowChanged.connect(self._show_row)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.status_user = QLabel()
        self.status_counts = QLabel()
        self.status_backup = QLabel()
        self.statusBar().addWidget(self.status_user)
        self.statusBar().addPermanentWidget(self.status_backup)
        self.statusBar().addPermanentWidget(self.status_counts)
        self.backup_busy = QWidget()  # 文件 → 立即备份 while it runs: words and a busy bar
        busy_row = QHBoxLayout(self.backup_busy)
        busy_row.setContentsMargins(0, 0, 0, 0)
        self.backup_words = QLabel(self.tr("正在备份…"))  # then each step's words (_backup_step)
        busy_row.addWidget(self.backup_words)
        busy_bar = QProgressBar()
        busy_bar.setRange(0, 0)  # busy until the first step is told
        busy_bar.setTextVisible(False)
        busy_bar.setMaximumWidth(120)
        busy_row.addWidget(busy_bar)
        self.backup_bar = busy_bar
        self.backup_busy.hide()
        self.statusBar().addPermanentWidget(self.backup_busy)
        self.backup_job: Job[BackupResult] | None = None

        self._build_menus()
        self._restore_layout()
        self.show_page("dashboard")
        self.refresh_status()

    # Pages ---------------------------------------------------------------------------
    def _page_allowed(self, key: str) -> bool:
        rules = {
            "stats": "report.view",
            "forms": "form.ledger",
            "planner": "visit.plan",
            "intake": "case.create",
            "owners": "owner.view_file",
            "audit": "audit.view",
            "backup": "backup.manage",
        }
        if key == "survey":  # whoever plans, approves, reads back or reports a survey
            return any(
                can(self.user, a) for a in ("survey.plan", "survey.approve", "survey.scan", "survey.report")
            )
        return key not in rules or can(self.user, rules[key])

    def _builders(self) -> dict[str, Callable[[], QWidget]]:
        return {
            "dashboard": self._build_dashboard,
            "intake": self._build_intake,
            "cases": self._build_cases,
            "calendar": self._build_calendar,
            "planner": self._build_planner,
            "followups": self._build_followups,
            "forms": self._build_forms,
            "night": self._build_night,
            "stats": self._build_stats,
            "survey": self._build_survey,
            "owners": self._build_owners,
            "audit": self._build_audit,
            "backup": self._build_backup,
        }

    def page(self, key: str) -> QWidget:
        """The page, built the first time it is asked for."""
        if key not in self.page_widgets:
            widget = self._builders()[key]()
            row = self.nav_keys.index(key)
            old = self.pages.widget(row)
            self.pages.insertWidget(row, widget)
            if old is not None:
                self.pages.removeWidget(old)
                old.deleteLater()
            self.page_widgets[key] = widget
        return self.page_widgets[key]

    def show_page(self, key: str) -> QWidget:
        if key not in self.nav_keys:
            QMessageBox.information(self, self.tr("没有权限"), self.tr("您的角色不能使用这一页。"))
            return self.page(self.nav_keys[0])
        widget = self.page(key)
        self.nav.setCurrentRow(self.nav_keys.index(key))
        return widget

    def new_case(self) -> None:
        """Ctrl+N: the intake page with the cursor in 房号, ready for the caller."""
        page = self.show_page("intake")
        start = getattr(page, "start_call", None)
        if callable(start):
            start()

    def _show_row(self, row: int) -> None:
        key = self.nav_keys[row]
        widget = self.page(key)
        self.pages.setCurrentIndex(row)
        refresh = getattr(widget, "refresh", None)
        if callable(refresh) and key in (
            "dashboard",
            "cases",
            "calendar",
            "planner",
            "followups",
            "forms",
            "night",
        ):
            refresh()

    def _build_dashboard(self) -> QWidget:
        from ui.dashboard.page import DashboardPage

        page = DashboardPage(lambda: dashboard(self.office, self.office.clock.now().date()), background=True)
        page.open_cases.connect(self.open_case_list)
        page.open_visits.connect(lambda: self.show_page("calendar"))
        page.open_forms.connect(lambda: self.show_page("forms"))
        page.open_case.connect(self.open_case)
        page.open_followups.connect(lambda: self.show_page("followups"))
        page.open_night_log.connect(lambda: self.show_page("night"))
        return page

    def _build_intake(self) -> QWidget:
        from ui.intake import IntakeForm

        o = self.office
        page = IntakeForm(o.cases, o.owners, o.drafts, o.staff, o.nightlog, self.user)
        page.case_saved.connect(lambda _id: self._after_change())
        return page

    def _build_cases(self) -> QWidget:
        from ui.case_list import CaseListPage

        page = CaseListPage(self.office.query, self.office.policies, self.office.staff, self.office.clock)
        page.case_activated.connect(self.open_case)
        self._restore_case_list(page)
        return page

    def _build_calendar(self) -> QWidget:
        from ui.calendar.page import VisitCalendarPage

        page = VisitCalendarPage(self.office.visits, self.office.staff, self.office.clock, actor=self.user)
        page.visit_activated.connect(self.open_visit)
        return page

    def _build_planner(self) -> QWidget:
        from ui.visit_planner.page import VisitPlannerPage

        page = VisitPlannerPage(self.office.visits, self.office.staff, self.user, self.office.clock)
        page.visit_activated.connect(self.open_visit)
        page.case_activated.connect(self.open_case)
        return page

    def _build_followups(self) -> QWidget:
        from ui.visit_tasks import FollowUpPage

        page = FollowUpPage(self.office.visits, self.user)
        page.case_activated.connect(self.open_case)
        return page

    def _build_forms(self) -> QWidget:
        from ui.form_ledger import FormLedgerPage

        return FormLedgerPage(self.office.forms, self.office.staff, self.user, self.printouts)

    def _build_night(self) -> QWidget:
        from ui.nightlog import NightLogPage

        page = NightLogPage(self.office.nightlog, self.user)
        page.convert_requested.connect(self._convert_night_entry)
        return page

    def _build_survey(self) -> QWidget:
        from app.survey import SurveyService
        from ui.survey_page import SurveyPage

        return SurveyPage(SurveyService(self.office.clock), self.office.name)

    def _build_stats(self) -> QWidget:
        from ui.stats.window import StatsWindow

        page = StatsWindow(
            compute=self.office.quarterly,
            export_pdf=self._quarterly_pdf,
            export_xlsx=write_xlsx,
            save_measures=lambda period, text: self.office.save_measures(period, text, actor=self.user),
            clock=self.office.clock,
        )
        page.open_case_number.connect(self.open_case_number)
        return page  # it opens on the office clock's quarter itself

    def _quarterly_pdf(self, data: Comparison) -> bytes:
        """The analysis as PDF; a quarter's is archived with it (归档), with the measures."""
        pdf = QuarterlyReport(self.office.name, data, generated=self.office.clock.now().date()).generate()
        self.office.analysis_exported(data, pdf, self.user)
        return pdf

    def print_monthly_notice(self) -> ProgressDialog:
        """The notice to all owners of this month's common issues and how they were handled
        (公告, by the 30th): the month so far (截至 today). Printing it marks the duty done.
        Counted and drawn on a worker thread (ui/progress.py); the preview opens after."""
        from app.dashboard import notice_key, record_monthly
        from app.stats import notice_examples
        from reports.notice import MonthlyNotice, notice_period

        office, user_name = self.office, self.user.name

        def work(progress: Progress) -> tuple[bytes, str]:
            today = office.clock.now().date()
            period = notice_period(today)
            progress(1, 3, "")
            examples, names = notice_examples(period)
            progress(2, 3, "")
            stats = office.statistics().compute(period)
            progress(3, 3, "")
            pdf = MonthlyNotice(office.name, stats, examples, generated=today, redact=names).generate()
            record_monthly(notice_key(today.year, today.month), pdf, office.clock.now(), user_name)
            return pdf, stats.period.title

        def show(made: tuple[bytes, str]) -> None:
            self._after_change()  # the dashboard's 公告 flag goes
            self.preview(made[0], self.tr("{0}公告").format(made[1]))

        return run_with_progress(
            self, self.tr("月度公告"), self.tr("正在统计本月情况并生成公告…"), work,
            on_done=show, unit=STEPS, close_when_done=True,
        )  # fmt: skip

    def _build_owners(self) -> QWidget:
        from ui.owner_page import OwnerPage

        page = OwnerPage(self.office.owner_files, self.office.trail, self.user)
        page.case_activated.connect(self.open_case)
        return page

    def _build_audit(self) -> QWidget:
        from ui.audit_window import AuditWindow

        page = AuditWindow(self.office.trail)
        page.case_activated.connect(self.open_case)
        return page

    def _build_backup(self) -> QWidget:
        from ui.backup_page import BackupPage

        page = BackupPage(
            self.office.backups, self.office.policies, self.office.data_dir, username=self.user.username or ""
        )
        page.backup_finished.connect(lambda _ok: self.refresh_status())
        return page

    # Opening records -----------------------------------------------------------------
    def open_case(self, case_id: int) -> None:
        from ui.case_detail import CaseDetailDialog, CaseLinks

        links = CaseLinks(
            open_visit=self.open_visit,
            print_record=lambda case: self.preview(
                self.printouts.complaint_record(case), self.tr("投诉处理记录表-{0}").format(case.number)
            ),
            print_slip=lambda slip: self.preview(
                self.printouts.dispatch_slip(slip), self.tr("工作联系单-{0}").format(slip.number)
            ),
            show_history=self.show_case_history,
            print_referral=lambda referral: self.preview(
                self.printouts.referral_letter(referral), self.tr("工作联系函-{0}").format(referral.number)
            ),
        )
        dialog = CaseDetailDialog(
            case_id,
            self.office.cases,
            self.office.staff,
            self.user,
            self,
            links=links,
            referrals=self.office.referrals,
            rework=self.office.visits.rework,
            visit_dates=self.office.visits.dates,
            two_visitors=self.office.visits,  # 业主损失较大, 两人同时回访 (H24)
        )
        dialog.case_changed.connect(lambda _id: self._after_change())
        dialog.exec()

    def preview(self, pdf: bytes, name: str, make_job: Callable[[], PrintDocument] | None = None) -> None:
        """打印预览 with 打印… and 另存为 PDF…; with `make_job`, the document carries form
        numbers, reserved only when it is printed or saved."""
        from ui.pdf_preview import PdfPreviewDialog

        dialog = PdfPreviewDialog(pdf, title=name, file_name=f"{name}.pdf", parent=self, make_job=make_job)
        if make_job is not None:
            dialog.printed.connect(lambda _ok, _message: self._after_change())
        dialog.exec()

    def show_case_history(self, case: Case) -> None:
        from ui.history import HistoryDialog

        HistoryDialog(
            self.office.trail, "case", case.id, self.tr("修改记录 — {0}").format(case.number), self
        ).exec()

    def open_case_number(self, number: str) -> None:
        case = self.office.cases.by_number(number)
        if case is not None:
            self.open_case(case.id)

    def open_visit(self, visit_id: int) -> None:
        from ui.visit_record.dialog import VisitRecordDialog

        dialog = VisitRecordDialog(
            visit_id,
            self.office.visits,
            self.office.staff,
            self.user,
            self,
            print_form=lambda visit: self.preview(
                self.printouts.visit_form_preview(visit),
                self.tr("回访记录表-{0}").format(visit.id),
                make_job=lambda: self.printouts.visit_forms_job([visit]),
            ),
        )
        dialog.visit_changed.connect(lambda _id: self._after_change())
        dialog.exec()

    def open_case_list(self, f: CaseFilter) -> None:
        page = self.show_page("cases")
        page.set_filter(f)  # type: ignore[attr-defined]

    def _convert_night_entry(self, entry_id: int) -> None:
        entry = self.office.nightlog.pending_entry(entry_id)
        if entry is not None:
            page = self.show_page("intake")
            page.start_from_night_log(entry)  # type: ignore[attr-defined]

    def _after_change(self) -> None:
        for key, widget in self.page_widgets.items():
            if (
                key in ("dashboard", "cases", "calendar", "planner", "followups", "forms", "night")
                and widget.isVisible()
            ):
                widget.refresh()  # type: ignore[attr-defined]
        self.refresh_status()

    def refresh_status(self) -> None:
        role = domain.ROLES.get(self.user.role, self.user.role)
        if self.user.name == role:  # the first administrator is often named after the role
            self.status_user.setText(self.tr("{0} · {1}").format(self.office.name, self.user.name))
        else:
            self.status_user.setText(
                self.tr("{0} · {1}({2})").format(self.office.name, self.user.name, term(role))
            )
        counts = self.office.query.quick_counts(CaseFilter())
        self.status_counts.setText(
            self.tr("未结 {0} · 逾期 {1} · 今日到期 {2}").format(
                counts["未结"],  # data: quick_counts' keys
                counts["逾期"],  # data
                counts["今日到期"],  # data
            )
        )
        warnings = self.office.backups.status().warnings
        self.status_backup.setText(
            self.tr("⚠ 备份:{0}").format(warnings[0]) if warnings else self.tr("备份正常")
        )
        self.status_backup.setStyleSheet(f"color: {ERROR_RED if warnings else OK};")

    # Menus ---------------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        permission: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        if permission is not None:
            action.setEnabled(can(self.user, permission))
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        file_menu.addAction(
            self._action(
                self.tr("导入案件台账(Excel)…"), lambda: self._import("ledger"), permission="ledger.import"
            )
        )
        file_menu.addAction(
            self._action(
                self.tr("导入业主名册(Excel)…"), lambda: self._import("owners"), permission="owner.import"
            )
        )
        file_menu.addAction(
            self._action(self.tr("导出案件台账(Excel)…"), self._export, permission="ledger.export")
        )
        file_menu.addSeparator()
        self.backup_now_action = self._action(
            self.tr("立即备份"), self._backup_now, permission="backup.manage"
        )
        file_menu.addAction(self.backup_now_action)
        file_menu.addAction(
            self._action(self.tr("备份与恢复…"), lambda: self.show_page("backup"), permission="backup.manage")
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(self.tr("切换用户…"), self.switch_user_requested.emit, "Ctrl+Shift+L")
        )
        file_menu.addAction(self._action(self.tr("退出"), self.close, QKeySequence.StandardKey.Quit))

        go = bar.addMenu(self.tr("日常(&D)"))
        go.addAction(self._action(self.tr("工作台"), lambda: self.show_page("dashboard"), "Ctrl+1"))
        go.addAction(self._action(self.tr("新建受理"), self.new_case, "Ctrl+N", permission="case.create"))
        go.addAction(self._action(self.tr("查找案件"), self._focus_search, "Ctrl+F"))
        go.addAction(self._action(self.tr("逾期案件"), lambda: self.open_case_list(CaseFilter(overdue=True))))
        go.addAction(
            self._action(self.tr("今日到期案件"), lambda: self.open_case_list(CaseFilter(due_today=True)))
        )
        go.addAction(self._action(self.tr("今日回访"), lambda: self.show_page("calendar"), "Ctrl+T"))
        go.addAction(self._action(self.tr("夜间值班记录"), lambda: self.show_page("night"), "Ctrl+L"))
        go.addAction(
            self._action(self.tr("打印上月公告…"), self.print_monthly_notice, permission="report.view")
        )

        settings_menu = bar.addMenu(self.tr("设置(&S)"))
        settings_menu.addAction(
            self._action(self.tr("制度与期限…"), self._open_settings, permission="policy.edit")
        )
        settings_menu.addAction(
            self._action(self.tr("回访制度…"), self._open_visit_policy, permission="policy.edit")
        )
        settings_menu.addAction(
            self._action(self.tr("人员与部门…"), self._open_staff, permission="staff.manage")
        )

        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(
            self._action(self.tr("使用帮助"), self._help, QKeySequence.StandardKey.HelpContents)
        )
        help_menu.addAction(self._action(self.tr("关于回音"), self._about))

    def _focus_search(self) -> None:
        page = self.show_page("cases")
        focus = getattr(page, "focus_search", None)
        if callable(focus):
            focus()

    # Dialogs -------------------------------------------------------------------------
    def _open_settings(self) -> None:
        from ui.settings import SettingsDialog

        SettingsDialog(
            self.office.policies, self.office.staff, self.office.holidays, self, data_dir=self.office.data_dir
        ).exec()
        self._after_change()

    def _open_visit_policy(self) -> None:
        from ui.visit_policy_page import VisitPolicyDialog

        VisitPolicyDialog(self.office.policies, self).exec()

    def _open_staff(self) -> None:
        from ui.staff_page import StaffDialog

        StaffDialog(self.office.staff, self).exec()

    def _import(self, kind: str) -> None:
        from ui.import_dialog import ImportDialog

        title = self.tr("选择案件台账") if kind == "ledger" else self.tr("选择业主名册")
        name, _ = QFileDialog.getOpenFileName(self, title, str(Path.home()), "Excel (*.xlsx)")
        if name:
            ImportDialog(self.office, kind, Path(name), self).exec()
            self._after_change()

    def _export(self) -> None:
        from ui.import_dialog import ImportDialog

        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出案件台账"), str(Path.home() / self.tr("案件台账.xlsx")), "Excel (*.xlsx)"
        )
        if name:
            ImportDialog(self.office, "export", Path(name), self).exec()

    def _backup_now(self) -> Job[BackupResult] | None:
        """立即备份 on a thread of its own (11 s at ten years of data): the status bar shows it is
        busy and the menu item waits; the result is told when it ends."""
        if self.backup_job is not None and self.backup_job.running:
            return None
        self.backup_now_action.setEnabled(False)
        self.backup_words.setText(self.tr("正在备份…"))
        self.backup_bar.setRange(0, 0)
        self.backup_busy.show()
        backups = self.office.backups
        self.backup_job = run_in_background(
            self,
            lambda progress: backups.backup_now(progress=lambda done, total: progress(done, total)),
            on_done=self._backup_done,
            on_failed=self._backup_failed,
            on_progress=self._backup_step,
        )
        return self.backup_job

    def _backup_step(self, done: int, total: int, _what: str) -> None:
        """The backup's step in the status bar (app/backup.py BACKUP_STEPS)."""
        words = {1: self.tr("正在复制数据…"), 2: self.tr("正在检查数据(审计记录与签名)…"),
                 3: self.tr("正在检查备份文件是否完好…"), 4: self.tr("正在轮换旧备份…")}  # fmt: skip
        self.backup_words.setText(words.get(done, self.tr("正在备份…")))
        self.backup_bar.setRange(0, max(total, 1))
        self.backup_bar.setValue(done)

    def _backup_failed(self, exc: BaseException) -> None:
        log.error("backup now failed", exc_info=exc)
        self._backup_ended()
        QMessageBox.warning(self, self.tr("备份"), self.tr("备份失败:{0}").format(friendly_error(exc)))
        self.refresh_status()

    def _backup_done(self, result: BackupResult) -> None:
        self._backup_ended()
        box = QMessageBox.information if result.ok else QMessageBox.warning
        box(self, self.tr("备份"), result.message + (f"\n{result.path}" if result.path else ""))
        self.refresh_status()

    def _backup_ended(self) -> None:
        self.backup_job = None
        self.backup_busy.hide()
        self.backup_now_action.setEnabled(can(self.user, "backup.manage"))

    def _help(self) -> None:
        from ui.help import HelpDialog

        HelpDialog(self).exec()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("关于回音"),
            self.tr(
                "<h3>回音 {0}</h3><p>件件有着落,事事有回音。</p><p>物业服务中心投诉、报修与回访管理。</p>"
                "<p>数据文件夹:{1}</p>"
            ).format(__version__, str(self.office.data_dir)),
        )

    # Layout memory -------------------------------------------------------------------
    def _settings(self) -> QSettings:
        return QSettings(str(self.office.data_dir / "window.ini"), QSettings.Format.IniFormat)

    def _restore_layout(self) -> None:
        geometry = self._settings().value(f"{self.user.id}/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
            # Saved on a bigger screen (or before a task bar moved): shrink to this one.
            fit_to_screen(self, self.width(), self.height(), centre=False)

    def _restore_case_list(self, page: QWidget) -> None:
        from ui.case_list import restore_list_state

        raw = self._settings().value(f"{self.user.id}/case_list")
        if isinstance(raw, str):
            try:
                restore_list_state(page, json.loads(raw))  # type: ignore[arg-type]
            except ValueError:
                pass

    def save_layout(self) -> None:
        """Window size, the case list's filters and column widths, per person."""
        settings = self._settings()
        settings.setValue(f"{self.user.id}/geometry", self.saveGeometry())
        if "cases" in self.page_widgets:
            from ui.case_list import save_list_state

            state = save_list_state(self.page_widgets["cases"])  # type: ignore[arg-type]
            settings.setValue(f"{self.user.id}/case_list", json.dumps(state, ensure_ascii=False))
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_layout()
        super().closeEvent(event)
        if event.isAccepted() and current_person() is self.user:
            set_person(None)  # the window is gone: nobody is logged in any more
