"""The main window: the composition root that hands each page the services it needs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from app import APP_NAME, __version__, domain
from app.case_query import CaseFilter
from app.holidays import HolidayService
from app.models import NightLogEntry, Staff
from app.office import Office
from ui.case_detail import CaseDetailDialog
from ui.case_list import CaseListPage
from ui.import_dialog import ImportDialog
from ui.intake import IntakeForm
from ui.nightlog import NightLogPage
from ui.settings import SettingsDialog
from ui.staff_page import StaffDialog

PAGE_INTAKE, PAGE_CASES, PAGE_NIGHT = range(3)


class MainWindow(QMainWindow):
    def __init__(self, office: Office, user: Staff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.office = office
        self.user = user
        self.setWindowTitle(f"{APP_NAME} {__version__} — {office.name}")
        self.resize(1280, 760)

        self.intake = IntakeForm(
            office.cases, office.owners, office.drafts, office.staff, office.nightlog, user
        )
        self.case_list = CaseListPage(office.query, office.policies, office.staff, office.clock)
        self.night = NightLogPage(office.nightlog, user)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.intake)
        self.pages.addWidget(self.case_list)
        self.pages.addWidget(self.night)

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        for label in (self.tr("受理登记"), self.tr("案件"), self.tr("夜间值班")):
            QListWidgetItem(label, self.nav)
        self.nav.setFixedWidth(120)
        self.nav.setStyleSheet(
            "QListWidget#nav { font-size: 15px; border: none; background: #f2f5f7; }"
            "QListWidget#nav::item { padding: 12px 10px; }"
            "QListWidget#nav::item:selected { background: #1f6f8b; color: white; }"
        )
        self.nav.currentRowChanged.connect(self._show_page)

        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)

        self.status_user = QLabel()
        self.status_counts = QLabel()
        self.statusBar().addWidget(self.status_user)
        self.statusBar().addPermanentWidget(self.status_counts)

        self.intake.case_saved.connect(self._case_saved)
        self.case_list.case_activated.connect(self.open_case)
        self.night.convert_requested.connect(self._convert_night_entry)

        self._build_menus()
        self._restore_layout()
        self.nav.setCurrentRow(PAGE_CASES)
        self.refresh_status()

    # Menus ---------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        file_menu.addAction(self._action(self.tr("导入案件台账(Excel)…"), lambda: self._import("ledger")))
        file_menu.addAction(self._action(self.tr("导入业主名册(Excel)…"), lambda: self._import("owners")))
        file_menu.addAction(self._action(self.tr("导出案件台账(Excel)…"), self._export))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("退出"), self.close, QKeySequence.StandardKey.Quit))

        case_menu = bar.addMenu(self.tr("案件(&C)"))
        case_menu.addAction(
            self._action(self.tr("新建受理"), lambda: self.nav.setCurrentRow(PAGE_INTAKE), "Ctrl+N")
        )
        case_menu.addAction(self._action(self.tr("查找案件"), self._focus_search, "Ctrl+F"))
        case_menu.addAction(self._action(self.tr("逾期案件"), lambda: self._quick_filter(overdue=True)))
        case_menu.addAction(self._action(self.tr("今日到期"), lambda: self._quick_filter(due_today=True)))
        case_menu.addAction(
            self._action(self.tr("夜间值班记录"), lambda: self.nav.setCurrentRow(PAGE_NIGHT), "Ctrl+L")
        )

        settings_menu = bar.addMenu(self.tr("设置(&S)"))
        settings_menu.addAction(self._action(self.tr("制度与期限…"), self._open_settings))
        settings_menu.addAction(self._action(self.tr("人员与部门…"), self._open_staff))

        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self._action(self.tr("关于回音"), self._about))

    # Navigation ----------------------------------------------------------------------
    def _show_page(self, row: int) -> None:
        self.pages.setCurrentIndex(row)
        if row == PAGE_CASES:
            self.case_list.refresh()
        elif row == PAGE_NIGHT:
            self.night.refresh()

    def _focus_search(self) -> None:
        self.nav.setCurrentRow(PAGE_CASES)
        self.case_list.focus_search()

    def _quick_filter(self, **change: bool) -> None:
        self.nav.setCurrentRow(PAGE_CASES)
        self.case_list.set_filter(CaseFilter(**change))

    def open_case(self, case_id: int) -> None:
        dialog = CaseDetailDialog(case_id, self.office.cases, self.office.staff, self.user, self)
        dialog.case_changed.connect(lambda _id: self._after_change())
        dialog.exec()

    def _case_saved(self, case_id: int) -> None:
        self._after_change()
        self.night.refresh()

    def _after_change(self) -> None:
        self.case_list.refresh()
        self.refresh_status()

    def _convert_night_entry(self, entry_id: int) -> None:
        entry = NightLogEntry.get_or_none(NightLogEntry.id == entry_id)
        if entry is None:
            return
        self.nav.setCurrentRow(PAGE_INTAKE)
        self.intake.start_from_night_log(entry)

    def refresh_status(self) -> None:
        role = domain.ROLES.get(self.user.role, self.user.role)
        self.status_user.setText(self.tr("{0} · {1}({2})").format(self.office.name, self.user.name, role))
        counts = self.office.query.quick_counts(CaseFilter())
        pending_night = len(self.office.nightlog.pending())
        self.status_counts.setText(
            self.tr("未结 {0} 件 · 逾期 {1} 件 · 今日到期 {2} 件 · 待转值班记录 {3} 条").format(
                counts["未结"], counts["逾期"], counts["今日到期"], pending_night
            )
        )

    # Dialogs -------------------------------------------------------------------------
    def _open_settings(self) -> None:
        SettingsDialog(self.office.policies, self.office.staff, HolidayService(), self).exec()
        self._after_change()

    def _open_staff(self) -> None:
        StaffDialog(self.office.staff, self).exec()

    def _import(self, kind: str) -> None:
        title = self.tr("选择案件台账") if kind == "ledger" else self.tr("选择业主名册")
        name, _ = QFileDialog.getOpenFileName(self, title, str(Path.home()), "Excel (*.xlsx)")
        if name:
            ImportDialog(self.office, kind, Path(name), self).exec()
            self._after_change()

    def _export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出案件台账"), str(Path.home() / "案件台账.xlsx"), "Excel (*.xlsx)"
        )
        if name:
            ImportDialog(self.office, "export", Path(name), self).exec()

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

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._settings().setValue(f"{self.user.id}/geometry", self.saveGeometry())
        super().closeEvent(event)
