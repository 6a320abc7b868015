"""部门: departments change at once through the staff service; nothing is ever deleted."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.staff import StaffService
from ui.palette import MUTED_TEXT
from ui.settings.common import hint_label
from ui.widgets import ErrorLabel

if TYPE_CHECKING:
    from app.models import Department


class DepartmentsPage(QWidget):
    """Departments change at once through the staff service; nothing is ever deleted."""

    def __init__(self, staff: StaffService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.staff = staff
        self.list = QListWidget()
        self.name = QLineEdit()
        self.name.setMaxLength(40)
        self.name.setPlaceholderText(self.tr("输入部门名称"))
        self.add_button = QPushButton(self.tr("添加"))
        self.rename_button = QPushButton(self.tr("改名为"))
        self.toggle_button = QPushButton(self.tr("停用"))
        self.error = ErrorLabel()
        self._departments: dict[int, Department] = {}  # as listed: id -> record

        entry = QHBoxLayout()
        entry.addWidget(self.name, 1)
        entry.addWidget(self.add_button)
        entry.addWidget(self.rename_button)
        side = QVBoxLayout()
        side.addWidget(self.toggle_button)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(entry)
        layout.addWidget(self.error)
        layout.addWidget(
            hint_label(
                self.tr("此页的修改立即生效。停用的部门不再出现在派工选择中,已有的案件和派工单照旧保留。")
            )
        )

        self.add_button.clicked.connect(self.add)
        self.name.returnPressed.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.toggle_button.clicked.connect(self.toggle_active)
        self.list.currentRowChanged.connect(self._selected)
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        self.list.clear()
        departments = self.staff.departments(include_inactive=True)
        self._departments = {dep.id: dep for dep in departments}
        for dep in departments:
            text = dep.name if dep.active else self.tr("%1(已停用)").replace("%1", dep.name)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, dep.id)
            if not dep.active:
                item.setForeground(QColor(MUTED_TEXT))
            self.list.addItem(item)
            if dep.id == select_id:
                self.list.setCurrentItem(item)
        self._selected(self.list.currentRow())

    def current(self) -> Department | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return self._departments.get(item.data(Qt.ItemDataRole.UserRole))

    def names(self) -> list[str]:
        return [d.name for d in self.staff.departments(include_inactive=True)]

    def _selected(self, row: int) -> None:
        dep = self.current() if row >= 0 else None
        self.rename_button.setEnabled(dep is not None)
        self.toggle_button.setEnabled(dep is not None)
        self.toggle_button.setText(self.tr("重新启用") if dep and not dep.active else self.tr("停用"))
        if dep is not None:
            self.name.setText(dep.name)

    def _run(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except ValidationError as exc:
            self.error.set_error("".join(exc.problems.values()))
            return False
        self.error.set_error(None)
        return True

    def add(self) -> None:
        created: list[Department] = []
        if self._run(lambda: created.append(self.staff.add_department(self.name.text()))):
            self.name.clear()
            self.refresh(created[0].id)

    def rename(self) -> None:
        dep = self.current()
        if dep is not None and self._run(lambda: self.staff.rename_department(dep, self.name.text())):
            self.refresh(dep.id)

    def toggle_active(self) -> None:
        dep = self.current()
        if dep is not None:
            self.staff.set_department_active(dep, not dep.active)
            self.refresh(dep.id)
