"""3. 部门: the departments work is dispatched to; saved through `SetupService.save_departments`
(a removed one is made inactive, never deleted)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from app.errors import ValidationError
from app.validation import clean_text
from ui.first_run.common import OptionalPage
from ui.widgets import ErrorLabel

if TYPE_CHECKING:
    from app.office import Office
    from app.setup import SetupService


class FirstRunDepartmentsPage(OptionalPage):
    """The departments work is dispatched to: the usual ones listed, to add, rename or remove."""

    def __init__(self, office: Office, setup: SetupService) -> None:
        super().__init__(office, setup)
        self.setTitle(self.tr("部门"))
        self.setSubTitle(self.tr("派工时选择的部门。已列出常用部门,可以增加、改名或删除(双击改名)。"))
        self.list = QListWidget()
        self.list.setStyleSheet("QListWidget::item { padding: 3px 4px; }")
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("新部门名称,例如:绿化部"))
        self.add_button = QPushButton(self.tr("添加"))
        self.add_button.clicked.connect(self.add)
        self.rename_button = QPushButton(self.tr("改名"))
        self.rename_button.clicked.connect(self._rename_selected)
        self.remove_button = QPushButton(self.tr("删除"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.error = ErrorLabel()

        # The list and the new name on the left, the buttons beside them.
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.addWidget(self.list, 0, 0)
        side = QVBoxLayout()
        side.addWidget(self.rename_button)
        side.addWidget(self.remove_button)
        side.addStretch(1)
        grid.addLayout(side, 0, 1)
        grid.addWidget(self.new_name, 1, 0)
        grid.addWidget(self.add_button, 1, 1)
        grid.addWidget(self.error, 2, 0, 1, 2)
        grid.setColumnMinimumWidth(0, 380)
        grid.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.list.clear()
        for dep in self.office.staff.departments():
            self._add_item(dep.name, dep.id)
        self.error.set_error(None)

    def _add_item(self, name: str, dep_id: int | None) -> QListWidgetItem:
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, dep_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)
        return item

    def names(self) -> list[str]:
        return [clean_text(self.list.item(i).text()) for i in range(self.list.count())]

    def add(self) -> None:
        name = clean_text(self.new_name.text())
        if not name:
            self.error.set_error(self.tr("请先填写部门名称"))
            return
        if name in self.names():
            self.error.set_error(self.tr("已有名为“{0}”的部门").format(name))
            return
        self.error.set_error(None)
        self.list.setCurrentItem(self._add_item(name, None))
        self.new_name.clear()

    def _rename_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.editItem(item)

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def save(self) -> bool:
        names = self.names()
        if any(not n for n in names):
            self.error.set_error(self.tr("部门名称不能为空"))
            return False
        if too_long := [n for n in names if len(n) > 40]:
            self.error.set_error(self.tr("“{0}”太长,最多 40 字").format(too_long[0][:20]))
            return False
        if dupes := sorted({n for n in names if names.count(n) > 1}):
            self.error.set_error(self.tr("部门重名:{0}").format("、".join(dupes)))
            return False
        entries = [(self.list.item(i).data(Qt.ItemDataRole.UserRole), name) for i, name in enumerate(names)]
        try:
            ids = self.setup.save_departments(entries)
        except ValidationError as exc:
            self.error.set_error(";".join(exc.problems.values()))
            return False
        for i, dep_id in enumerate(ids):  # a new row is that record now: 下一步 again renames it
            self.list.item(i).setData(Qt.ItemDataRole.UserRole, dep_id)
        self.error.set_error(None)
        return True
