"""类别 and 渠道: an ordered list of names to add, rename, remove and move (stored with 保存)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.validation import clean_text
from ui.settings.common import hint_label
from ui.widgets import ErrorLabel


class NameListPage(QWidget):
    """An ordered list of names: add, rename, remove, move up and down (`changed` after each);
    `min_items` names must stay (0: the list may be emptied, e.g. a category's 细类)."""

    changed = Signal()

    def __init__(
        self,
        noun: str,
        items: list[str],
        max_length: int,
        hint: str,
        parent: QWidget | None = None,
        min_items: int = 1,
    ) -> None:
        super().__init__(parent)
        self.noun = noun
        self.min_items = min_items
        self.max_length = max_length
        self.list = QListWidget()
        self.list.addItems(items)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.name = QLineEdit()
        self.name.setMaxLength(max_length)
        self.name.setPlaceholderText(self.tr("输入%1名称").replace("%1", noun))
        self.add_button = QPushButton(self.tr("添加"))
        self.rename_button = QPushButton(self.tr("改名为"))
        self.remove_button = QPushButton(self.tr("删除"))
        self.up_button = QPushButton(self.tr("上移"))
        self.down_button = QPushButton(self.tr("下移"))
        self.error = ErrorLabel()

        entry = QHBoxLayout()
        entry.addWidget(self.name, 1)
        entry.addWidget(self.add_button)
        entry.addWidget(self.rename_button)
        side = QVBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            side.addWidget(button)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(entry)
        layout.addWidget(self.error)
        layout.addWidget(hint_label(hint))

        self.add_button.clicked.connect(self.add)
        self.name.returnPressed.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.remove_button.clicked.connect(self.remove)
        self.up_button.clicked.connect(lambda: self.move_by(-1))
        self.down_button.clicked.connect(lambda: self.move_by(1))
        self.list.currentRowChanged.connect(self._selected)
        self._selected(-1)

    def values(self) -> list[str]:
        return [self.list.item(n).text() for n in range(self.list.count())]

    def set_values(self, items: list[str]) -> None:
        """Another list shown (no `changed`): e.g. the 细类 of another category."""
        self.list.clear()
        self.list.addItems(items)
        self.name.clear()
        self.error.set_error(None)
        self._selected(-1)

    def _selected(self, row: int) -> None:
        has = row >= 0
        for button in (self.rename_button, self.remove_button, self.up_button, self.down_button):
            button.setEnabled(has)
        if has:
            self.name.setText(self.list.item(row).text())

    def _checked_name(self, ignore_row: int = -1) -> str | None:
        name = clean_text(self.name.text())
        reason = None
        if not name:
            reason = self.tr("%1名称不能为空").replace("%1", self.noun)
        elif len(name) > self.max_length:
            reason = self.tr("%1名称最多 %2 字").replace("%1", self.noun).replace("%2", str(self.max_length))
        elif any(v == name for n, v in enumerate(self.values()) if n != ignore_row):
            reason = self.tr("已有“%1”").replace("%1", name)
        self.error.set_error(reason)
        return None if reason else name

    def add(self) -> None:
        name = self._checked_name()
        if name is None:
            return
        self.list.addItem(name)
        self.list.setCurrentRow(self.list.count() - 1)
        self.name.clear()
        self.changed.emit()

    def rename(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        name = self._checked_name(ignore_row=row)
        if name is not None:
            self.list.item(row).setText(name)
            self.changed.emit()

    def remove(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        if self.list.count() <= self.min_items:
            self.error.set_error(self.tr("至少保留一项"))
            return
        self.list.takeItem(row)
        self.error.set_error(None)
        self.changed.emit()

    def move_by(self, step: int) -> None:
        """The selected name `step` places down (up when negative)."""
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.changed.emit()

    def show_problem(self, reason: str | None) -> None:
        self.error.set_error(reason)
