"""类别 with their 细类: the categories' ordered list, and beside it the sub-categories of the
category chosen (stored with 保存). A repeat repair is counted by room, category and
sub-category; the intake offers a category's sub-categories after 类别."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidgetItem, QVBoxLayout, QWidget

from app.policy_checks import SUBCATEGORY_MAX, subcategory_label
from ui.settings.names import NameListPage

SUBS_ROLE = Qt.ItemDataRole.UserRole + 1  # a category item's sub-categories (list of names)


class CategoriesPage(NameListPage):
    """The categories (add, rename, remove, move) and, beside them, the chosen category's
    sub-categories. The sub-categories ride on the category's own row, so a renamed or moved
    category keeps them and a removed one takes them along."""

    def __init__(
        self,
        noun: str,
        items: list[str],
        subcategories: dict[str, list[str]],
        max_length: int,
        hint: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(noun, items, max_length, hint, parent)
        # Lists kept under a category the office no longer has stay as they were.
        self.kept = {k: list(v) for k, v in subcategories.items() if k not in items}
        for n in range(self.list.count()):
            item = self.list.item(n)
            item.setData(SUBS_ROLE, list(subcategories.get(item.text(), [])))
        self.subs = NameListPage(
            self.tr("细类"),
            [],
            SUBCATEGORY_MAX,
            self.tr(
                "细类是类别下的具体项目(如 漏水/渗漏 → 卫生间渗漏)。同一房号同一类别同一细类报修三次及以上算重复维修;"
                "可以不设细类,登记时也可以直接输入新的细类。"
            ),  # fmt: skip
            min_items=0,
        )
        self.subs_title = QLabel()
        self.subs_title.setObjectName("subsTitle")
        panel = QWidget()
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(0, 0, 0, 0)
        panel_layout.addWidget(self.subs_title)
        panel_layout.addWidget(self.subs, 1)
        outer = self.layout()
        first = outer.itemAt(0) if outer is not None else None
        top = first.layout() if first is not None else None
        assert isinstance(top, QHBoxLayout)  # NameListPage's list and its buttons
        top.addWidget(panel, 1)
        self._shown: QListWidgetItem | None = None
        self.subs.changed.connect(self._keep_subs)
        self.list.currentItemChanged.connect(self._show_subs)
        self._show_subs(self.list.currentItem())

    def _show_subs(self, item: QListWidgetItem | None) -> None:
        self._shown = item
        names = (item.data(SUBS_ROLE) or []) if item is not None else []
        self.subs.set_values(list(names))
        self.subs.setEnabled(item is not None)
        self.subs_title.setText(
            self.tr("“%1”的细类").replace("%1", item.text())
            if item is not None
            else self.tr("选中左边的类别,编辑其细类")
        )

    def _keep_subs(self) -> None:
        if self._shown is not None:
            self._shown.setData(SUBS_ROLE, self.subs.values())

    def subcategories(self) -> dict[str, list[str]]:
        """category -> sub-categories as the page shows them now (not yet checked)."""
        self._keep_subs()
        table = dict(self.kept)
        for n in range(self.list.count()):
            item = self.list.item(n)
            table[item.text()] = list(item.data(SUBS_ROLE) or [])
        return table

    def show_sub_problem(self, problems: dict[str, str]) -> bool:
        """A refusal of a category's sub-categories: that category chosen, the reason shown."""
        for n in range(self.list.count()):
            item = self.list.item(n)
            reason = problems.get(subcategory_label(item.text()))
            if reason:
                self.list.setCurrentItem(item)
                self.subs.show_problem(reason)
                return True
        self.subs.show_problem(None)
        return False
