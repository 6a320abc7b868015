"""人员: the office's staff, their roles, departments, buildings and logins.

Nobody is ever deleted: a person who leaves is deactivated (停用), so the cases, visits
and dispatches that name them keep their history.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import ROLES
from app.errors import ValidationError
from app.i18n import term
from app.staff import StaffService
from ui.i18n import QT_TR_NOOP
from ui.palette import MUTED_TEXT, OK
from ui.settings.common import hint_label
from ui.widgets import ErrorLabel, make_table

if TYPE_CHECKING:
    from app.models import Staff

FIELDS = (
    QT_TR_NOOP("姓名"),
    QT_TR_NOOP("角色"),
    QT_TR_NOOP("部门"),
    QT_TR_NOOP("电话"),
    QT_TR_NOOP("负责楼栋"),
    QT_TR_NOOP("登录名"),
    QT_TR_NOOP("密码"),
)


class StaffDialog(QDialog):
    COLUMNS = (
        QT_TR_NOOP("姓名"),
        QT_TR_NOOP("角色"),
        QT_TR_NOOP("部门"),
        QT_TR_NOOP("电话"),
        QT_TR_NOOP("负责楼栋"),
        QT_TR_NOOP("登录名"),
        QT_TR_NOOP("状态"),
    )

    def __init__(self, staff: StaffService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("人员"))
        self.staff = staff
        self.editing: Staff | None = None

        # The list
        self.show_inactive = QCheckBox(self.tr("显示已停用人员"))
        self.table = make_table([self.tr(c) for c in self.COLUMNS], stretch=4, wrap=True)

        # The form
        self.name = QLineEdit()
        self.name.setMaxLength(40)
        self.role = QComboBox()
        for key, label in ROLES.items():
            self.role.addItem(term(label), key)
        self.role.setPlaceholderText(self.tr("请选择"))
        self.department = QComboBox()
        self.phone = QLineEdit()
        self.phone.setMaxLength(20)
        self.phone.setPlaceholderText(self.tr("手机或座机,如 13812345678"))
        self.buildings = QLineEdit()
        self.buildings.setMaxLength(200)
        self.buildings.setPlaceholderText(self.tr("楼栋,用逗号分开,如 1,2,5"))
        self.username = QLineEdit()
        self.username.setMaxLength(40)
        self.username.setPlaceholderText(self.tr("不设则此人不能登录"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(64)
        self.errors = {key: ErrorLabel() for key in FIELDS}

        self.form_box = QGroupBox()
        form = QFormLayout(self.form_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, widget in zip(
            FIELDS,
            (self.name, self.role, self.department, self.phone, self.buildings, self.username, self.password),
            strict=True,
        ):
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(widget)
            cell.addWidget(self.errors[key])
            form.addRow(self.tr(key), cell)
        self.status = QLabel()
        self.status.setStyleSheet(f"color: {OK};")
        self.new_button = QPushButton(self.tr("新增人员"))
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setDefault(True)
        self.toggle_button = QPushButton(self.tr("停用"))
        self.unlock_button = QPushButton(self.tr("解除锁定"))
        self.unlock_button.setToolTip(self.tr("此人密码输错太多次被锁定;解除后可立即重新登录"))
        self.unlock_button.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.toggle_button)
        form.addRow(buttons)
        form.addRow(self.status)
        form.addRow(
            hint_label(
                self.tr(
                    "物管员按负责楼栋自动安排回访。部门人员如只作派工对象,可不设登录名。"
                    "人员不会被删除:离职请停用,原有记录保留。"
                )
            )
        )

        left = QVBoxLayout()
        left.addWidget(self.show_inactive)
        left.addWidget(self.table, 1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        self.form_box.setMinimumWidth(360)
        body.addWidget(self.form_box, 2)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)

        self.show_inactive.toggled.connect(lambda: self.refresh())
        self.table.itemSelectionChanged.connect(self._selected)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.toggle_button.clicked.connect(self.toggle_active)
        self.unlock_button.clicked.connect(self.unlock)
        self.resize(1180, 640)
        self.refresh()
        self.start_new()

    # The list ---------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        people = self.staff.staff(include_inactive=self.show_inactive.isChecked())
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.setRowCount(len(people))
        selected_row = -1
        for row, person in enumerate(people):
            cells = (
                person.name,
                term(ROLES.get(person.role, person.role)),
                term(person.department.name) if person.department is not None else "",
                person.phone,
                person.buildings,
                person.username or "",
                self.tr("在用") if person.active else self.tr("已停用"),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, person.id)
                if not person.active:
                    item.setForeground(QColor(MUTED_TEXT))
                self.table.setItem(row, col, item)
            if person.id == select_id:
                selected_row = row
        self.table.blockSignals(False)
        if selected_row >= 0:
            self.table.selectRow(selected_row)

    def row_of(self, name: str) -> int:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.text() == name:
                return row
        return -1

    def _selected(self) -> None:
        items = self.table.selectedItems()
        if not items:
            return
        person = self.staff.person(items[0].data(Qt.ItemDataRole.UserRole))
        if person is not None:
            self.edit(person)

    # The form ---------------------------------------------------------------------------
    def _fill_departments(self, current_id: int | None) -> None:
        self.department.clear()
        self.department.addItem(self.tr("(无)"), None)
        for dep in self.staff.departments(include_inactive=True):
            if dep.active or dep.id == current_id:
                label = term(dep.name) if dep.active else self.tr("%1(已停用)").replace("%1", term(dep.name))
                self.department.addItem(label, dep.id)
        self.department.setCurrentIndex(max(0, self.department.findData(current_id)))

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.set_error(None)

    def start_new(self) -> None:
        self.editing = None
        self.table.clearSelection()
        self.form_box.setTitle(self.tr("新增人员"))
        for edit in (self.name, self.phone, self.buildings, self.username, self.password):
            edit.clear()
        self.role.setCurrentIndex(-1)
        self._fill_departments(None)
        self.password.setPlaceholderText(self.tr("至少 6 位;不设登录名可留空"))
        self.toggle_button.setEnabled(False)
        self.toggle_button.setText(self.tr("停用"))
        self.unlock_button.setVisible(False)
        self._clear_errors()
        self.status.clear()
        self.name.setFocus()

    def edit(self, person: Staff) -> None:
        self.editing = person
        self.form_box.setTitle(self.tr("编辑:%1").replace("%1", person.name))
        self.name.setText(person.name)
        self.role.setCurrentIndex(self.role.findData(person.role))
        self._fill_departments(person.department_id)
        self.phone.setText(person.phone)
        self.buildings.setText(person.buildings)
        self.username.setText(person.username or "")
        self.password.clear()
        self.password.setPlaceholderText(
            self.tr("留空则不修改")
            if self.staff.has_password(person)
            else self.tr("至少 6 位;不设登录名可留空")
        )
        self.toggle_button.setEnabled(True)
        self.toggle_button.setText(self.tr("停用") if person.active else self.tr("重新启用"))
        self.unlock_button.setVisible(self.staff.is_locked(person))
        self._clear_errors()
        self.status.clear()

    def unlock(self) -> None:
        if self.editing is None:
            return
        person = self.staff.person(self.editing.id)
        if person is None:
            return
        self.staff.unlock(person)
        self.edit(person)
        self.status.setText(self.tr("已解除锁定:%1,可以重新登录").replace("%1", person.name))

    def save(self) -> None:
        # A fresh copy: a refused attempt must not leave changed values in the one we hold.
        existing = self.staff.person(self.editing.id) if self.editing else None
        username = self.username.text().strip()
        dep_id = self.department.currentData()
        department = self.staff.department(dep_id) if dep_id else None
        try:
            # The service checks everything at once; on any refusal nothing is kept.
            person = self.staff.save_staff(
                name=self.name.text(),
                role=self.role.currentData() or "",
                department=department,
                phone=self.phone.text(),
                buildings=self.buildings.text(),
                username=username or None,
                password=self.password.text() or None,
                existing=existing,
            )
        except ValidationError as exc:
            for key, label in self.errors.items():
                label.set_error(exc.problems.get(key))
            self.status.clear()
            return
        self.refresh(select_id=person.id)
        self.edit(person)
        self.status.setText(self.tr("已保存:%1").replace("%1", person.name))

    def toggle_active(self) -> None:
        person = self.editing
        if person is None:
            return
        person = self.staff.person(person.id)
        if person is None:
            return
        try:
            self.staff.set_active(person, not person.active)
        except ValidationError as exc:
            self.errors["角色"].set_error(exc.problems.get("角色") or str(exc))
            return
        if not person.active and not self.show_inactive.isChecked():
            self.show_inactive.setChecked(True)  # keep the person in sight, marked 已停用
        self.refresh(select_id=person.id)
        self.edit(person)
        done = self.tr("已重新启用:%1") if person.active else self.tr("已停用:%1")
        self.status.setText(done.replace("%1", person.name))
