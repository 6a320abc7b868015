"""设置 itself: the tabs, 保存 (the policy's tabs, checked and stored together) and the language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.holidays import HolidayService
from app.policy import Policy, PolicyStore
from app.staff import StaffService
from ui.i18n import LANGUAGES, read_language, write_language
from ui.settings.common import hint_label
from ui.settings.deadlines import DeadlinesPage
from ui.settings.departments import DepartmentsPage
from ui.settings.holidays import HolidaysPage
from ui.settings.names import NameListPage
from ui.settings.subcategories import CategoriesPage
from ui.widgets import ErrorLabel


class SettingsDialog(QDialog):
    """The 期限/类别/渠道 tabs edit a copy of the policy and are stored together by 保存, which
    checks them first (`Policy.validate`); on a refusal the dialog stays open with every value
    as typed. Departments and holidays are tables of their own and change at once."""

    def __init__(
        self,
        policies: PolicyStore,
        staff: StaffService,
        holidays: HolidayService,
        parent: QWidget | None = None,
        year: int | None = None,
        data_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置"))
        self.data_dir = data_dir
        self.policies = policies
        self.policy = policies.copy()

        self.deadlines = DeadlinesPage(self.policy, holidays)
        self.categories = CategoriesPage(
            self.tr("类别"),
            self.policy.categories,
            self.policy.subcategories,
            20,
            self.tr("顺序即登记表中的顺序。改名或删除只影响今后的登记,已登记的案件保留原类别。"),
        )
        self.channels = NameListPage(
            self.tr("渠道"),
            self.policy.channels,
            16,
            self.tr("顺序即登记表中的顺序。“夜间值班”用于夜班记录转来的案件,建议保留。"),
        )
        self.departments = DepartmentsPage(staff)
        self.holidays = HolidaysPage(holidays, year or QDate.currentDate().year())

        self.tabs = QTabWidget()
        self.tabs.addTab(self.deadlines, self.tr("期限"))
        self.tabs.addTab(self.categories, self.tr("类别"))
        self.tabs.addTab(self.channels, self.tr("渠道"))
        self.tabs.addTab(self.departments, self.tr("部门"))
        self.tabs.addTab(self.holidays, self.tr("节假日"))

        self.error_area = ErrorLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("关闭"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_area)
        layout.addWidget(hint_label(self.tr("“保存”存下期限、类别和渠道;部门和节假日的修改已即时生效。")))
        # 语言: saved per PC (window.ini in the data folder), used from the next start
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        if data_dir is not None:
            self.language.setCurrentIndex(self.language.findData(read_language(data_dir)))
            language_row = QHBoxLayout()
            language_row.addWidget(QLabel(self.tr("语言 / Language:")))
            language_row.addWidget(self.language)
            language_row.addWidget(hint_label(self.tr("本机适用,重新启动回音后生效。")), 1)
            layout.addLayout(language_row)
        layout.addWidget(self.buttons)
        self.resize(980, 660)

    def collect(self) -> Policy:
        """The policy as the tabs show it now (not yet checked)."""
        policy = self.policy.copy()
        self.deadlines.store_into(policy)
        policy.categories = self.categories.values()
        policy.subcategories = self.categories.subcategories()
        policy.channels = self.channels.values()
        return policy

    def save(self) -> None:
        policy = self.collect()
        try:
            self.policies.save(policy)
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return
        self.policy = policy
        self.show_problems({})
        if self.data_dir is not None:
            write_language(self.data_dir, self.language.currentData())
        self.accept()

    def show_problems(self, problems: dict[str, str]) -> None:
        on_deadlines = self.deadlines.show_problems(problems)
        self.categories.show_problem(problems.get("类别"))
        on_subs = self.categories.show_sub_problem(problems)
        self.channels.show_problem(problems.get("渠道"))
        text = "\n".join(f"{key}:{reason}" for key, reason in problems.items())
        self.error_area.set_error(self.tr("未保存,请改正:\n%1").replace("%1", text) if problems else None)
        for shown, page in ((on_deadlines, self.deadlines), ("类别" in problems or on_subs, self.categories)):
            if shown:
                self.tabs.setCurrentWidget(page)
                return
        if "渠道" in problems:
            self.tabs.setCurrentWidget(self.channels)
