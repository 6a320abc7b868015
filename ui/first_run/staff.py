"""4. 人员: colleagues and their roles (a steward's buildings decide whose visits are whose),
saved through `SetupService.save_staff` in one transaction: a refused row undoes the page."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app import domain
from app.setup import StaffEntry, StaffRowsRefused
from app.validation import clean_text
from ui.first_run.common import OptionalPage
from ui.i18n import QT_TR_NOOP
from ui.widgets import ErrorLabel, mark_invalid

if TYPE_CHECKING:
    from app.models import Staff
    from app.office import Office
    from app.setup import SetupService

STAFF_COLUMNS = [
    QT_TR_NOOP("姓名"),
    QT_TR_NOOP("角色"),
    QT_TR_NOOP("部门"),
    QT_TR_NOOP("负责楼栋"),
    QT_TR_NOOP("登录名"),
    QT_TR_NOOP("密码"),
]


@dataclass
class StaffRow:
    """The widgets of one row of the staff table, and the person it saved."""

    name: QLineEdit
    role: QComboBox
    department: QComboBox
    buildings: QLineEdit
    username: QLineEdit
    password: QLineEdit
    saved: Staff | None = None
    widgets: dict[str, QWidget] = field(default_factory=dict)

    def empty(self) -> bool:
        return not any(
            clean_text(w.text()) for w in (self.name, self.buildings, self.username, self.password)
        )


class FirstRunStaffPage(OptionalPage):
    """Colleagues and their roles, departments, buildings and logins, one row each."""

    def __init__(self, office: Office, setup: SetupService) -> None:
        super().__init__(office, setup)
        self.setTitle(self.tr("人员"))
        self.setSubTitle(
            self.tr(
                "登记同事及其角色。物管员填写负责的楼栋(如 1,2,5),回访任务会按楼栋分给他。登录名和密码可以以后再设。"
            )
        )
        self.rows: list[StaffRow] = []
        self._removed: list[Staff] = []
        self.table = QTableWidget(0, len(STAFF_COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in STAFF_COLUMNS])
        self.table.verticalHeader().setDefaultSectionSize(34)
        header = self.table.horizontalHeader()
        for col, width in enumerate((90, 110, 120, 110, 100, 100)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(col, width)
        header.setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_button = QPushButton(self.tr("添加一行"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(self.tr("删除选中行"))
        self.remove_button.clicked.connect(self.remove_current_row)
        self.error = ErrorLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        for _ in range(3):
            self.add_row()

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        for row in self.rows:
            self._fill_departments(row.department)

    def _fill_departments(self, combo: QComboBox) -> None:
        chosen = combo.currentData()
        combo.clear()
        combo.addItem(self.tr("(无)"), None)
        for dep in self.office.staff.departments():
            combo.addItem(dep.name, dep.id)
        index = combo.findData(chosen)
        combo.setCurrentIndex(max(index, 0))

    def add_row(self) -> StaffRow:
        role = QComboBox()
        for key, label in domain.ROLES.items():
            role.addItem(self.tr(label), key)
        role.setCurrentIndex(role.findData("steward"))
        department = QComboBox()
        self._fill_departments(department)
        password = QLineEdit()
        password.setEchoMode(QLineEdit.EchoMode.Password)
        buildings = QLineEdit()
        buildings.setPlaceholderText(self.tr("如 1,2,5"))
        row = StaffRow(QLineEdit(), role, department, buildings, QLineEdit(), password)
        row.widgets = {"姓名": row.name, "角色": role, "部门": department, "负责楼栋": buildings,
                       "登录名": row.username, "密码": password}  # fmt: skip
        index = self.table.rowCount()
        self.table.insertRow(index)
        for col, name in enumerate(STAFF_COLUMNS):
            self.table.setCellWidget(index, col, row.widgets[name])
            row.widgets[name].installEventFilter(self)
        self.rows.append(row)
        return row

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # Typing in a cell's own widget does not move the table's current row: follow the focus,
        # so 删除选中行 removes the row being edited.
        if event.type() == QEvent.Type.FocusIn:
            for index, row in enumerate(self.rows):
                if watched in row.widgets.values():
                    self.table.selectRow(index)
                    break
        return super().eventFilter(watched, event)

    def remove_current_row(self) -> None:
        index = self.table.currentRow()
        if index < 0:
            return
        row = self.rows.pop(index)
        self.table.removeRow(index)
        if row.saved is not None:  # saved when the page was left before: made inactive on 下一步
            self._removed.append(row.saved)

    def save(self) -> bool:
        problems: list[str] = []
        for row in self.rows:
            for widget in row.widgets.values():
                mark_invalid(widget, False)
        numbers: list[int] = []  # the table's row number of each entry (empty rows are left out)
        entries: list[StaffEntry] = []
        for number, row in enumerate(self.rows, start=1):
            if row.empty():
                continue
            numbers.append(number)
            entries.append(
                StaffEntry(
                    name=row.name.text(),
                    role=row.role.currentData(),
                    department_id=row.department.currentData(),
                    buildings=row.buildings.text(),
                    username=row.username.text(),
                    password=row.password.text() or None,
                    existing=row.saved,
                    problems=self._check(row),
                )
            )
        try:
            saved = self.setup.save_staff(entries, self._removed)
        except StaffRowsRefused as refused:
            for index, row_problems in refused.rows.items():
                number = numbers[index]
                row = self.rows[number - 1]
                for name, reason in row_problems.items():
                    problems.append(self.tr("第 {0} 行 {1}:{2}").format(number, name, reason))
                    if name in row.widgets:
                        mark_invalid(row.widgets[name], True)
            self.error.set_error("\n".join(problems))
            return False
        self._removed.clear()
        for index, person in saved.items():
            self.rows[numbers[index] - 1].saved = person
        self.error.set_error(None)
        return True

    def _check(self, row: StaffRow) -> dict[str, str]:
        """What save_staff does not ask: a login needs a password, and a password a login."""
        problems: dict[str, str] = {}
        username, password = clean_text(row.username.text()), row.password.text()
        has_password = bool(password) or bool(row.saved and self.office.staff.has_password(row.saved))
        if username and not has_password:
            problems["密码"] = self.tr("设了登录名,请同时设密码")
        if password and not username:
            problems["登录名"] = self.tr("设了密码,请同时填写登录名")
        return problems
