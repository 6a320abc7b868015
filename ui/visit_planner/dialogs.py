"""公开信: one written answer to many owners on one matter, closing their visits."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ui.dialogs import ActionDialog
from ui.widgets import ErrorLabel

if TYPE_CHECKING:
    pass


class OpenLetterDialog(ActionDialog):
    """公开信: one written answer to many owners on one matter, closing their visits."""

    def __init__(
        self, count: int, rooms: str, submit: Callable[[str, str], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("公开信答复"), "", parent, submit=submit)
        intro = QLabel(
            self.tr("以一封公开信答复选中的 {0} 条回访({1}),这些回访随之完成。").format(count, rooms)
        )
        intro.setWordWrap(True)
        self.title = QLineEdit()
        self.title.setMaxLength(100)
        self.title.setPlaceholderText(self.tr("如:关于3栋电梯停运的说明"))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("致各位业主:……"))
        self.title_error = ErrorLabel()
        self.text_error = ErrorLabel()
        self.errors.bind("标题", self.title_error, self.title)
        self.errors.bind("正文", self.text_error, self.text)
        self.form.addRow(self.tr("标题"), self.title)
        self.form.addRow("", self.title_error)
        self.form.addRow(self.tr("正文"), self.text)
        self.form.addRow("", self.text_error)
        self.body.addWidget(intro)
        self.resize(560, 400)

    def values(self) -> tuple[object, ...]:
        return (self.title.text(), self.text.toPlainText())
