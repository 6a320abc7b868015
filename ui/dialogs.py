"""The small dialogs that record one step through a service: a form, a line for refusals, 取消/确定.

`ActionDialog` is the base every such dialog uses (the case's actions, the form ledger, the
visit planner); `ReasonDialog` asks only why (取消回访、作废、重开、手工加入) and hands the
reason to the service.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError, ValidationError
from ui.palette import MUTED_TEXT
from ui.widgets import INVALID_STYLE, ErrorLabel, FieldErrors


class ActionDialog(QDialog):
    """A small form whose 确定 records one step; a refusal keeps the dialog open, input intact.

    Top to bottom: `heading` (an optional grey line naming what the step is about), `body`
    (free widgets: an intro, a table), `form` (label and field rows; `add_row` puts a field's
    own error line under it), the general error line, then 取消/确定.

    The step is either `submit` (given, or set later), called with `values()`, or an override
    of `perform()`. A `ValidationError`'s reasons show beside the fields bound by name
    (`add_row(..., name=)` or `errors.bind`), the rest on the general line; any other
    `UserError` on the general line.
    """

    def __init__(
        self,
        title: str,
        ok_text: str = "",
        parent: QWidget | None = None,
        *,
        submit: Callable[..., object] | None = None,
        heading: str = "",
        boxed_error: bool = False,
        min_width: int = 460,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setStyleSheet(INVALID_STYLE)
        self.setMinimumWidth(min_width)
        # The step, called with `values()`; may be set after the dialog is built.
        self.submit: Callable[..., object] | None = submit

        self.heading = QLabel(heading)
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet(f"color: {MUTED_TEXT};")
        self.heading.setVisible(bool(heading))

        self.body = QVBoxLayout()
        self.body.setSpacing(8)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setHorizontalSpacing(10)
        self.form.setVerticalSpacing(6)

        self.error = ErrorLabel(boxed=boxed_error)
        self.errors = FieldErrors(self.error)

        self.buttons = QDialogButtonBox()
        self.ok_button = QPushButton(ok_text or self.tr("确定"))
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addLayout(self.body)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def add_row(
        self, label: str, field: QWidget, name: str | None = None, focus: QWidget | None = None
    ) -> None:
        """A labelled row; with `name` (the Chinese field name the service uses) the field gets its
        own error line, and `focus` (default: the field) is focused when that field is refused."""
        if name is None:
            self.form.addRow(label, field)
            return
        error = ErrorLabel()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(error)
        self.form.addRow(label, box)
        self.errors.bind(name, error, focus or field)

    def values(self) -> tuple[object, ...]:
        """What `submit` is called with."""
        return ()

    def perform(self) -> None:
        """Record the step; raise `UserError` (or `ValidationError`) to refuse."""
        if self.submit is None:
            raise NotImplementedError("give ActionDialog a submit or override perform()")
        self.submit(*self.values())

    def show_error(self, message: str | None) -> None:
        """A message on the general line (None or "" hides it)."""
        self.error.set_error(message or None)

    def run(self) -> None:
        """What 确定 does: perform the step, and close only if it was recorded."""
        try:
            self.perform()
        except ValidationError as exc:
            self.errors.show(exc.problems)
            return
        except UserError as exc:
            self.errors.clear()
            self.show_error(str(exc))
            return
        self.errors.clear()
        self.accept()


class ReasonDialog(ActionDialog):
    """Asks why, in a box of a few lines; the reason is required and recorded with the name.

    `submit` is called with the reason as typed (the service trims and checks it; a refusal
    named 原因, or `field`, shows under the box).
    """

    def __init__(
        self,
        title: str,
        prompt: str,
        submit: Callable[[str], object] | None = None,
        parent: QWidget | None = None,
        *,
        ok_text: str = "",
        placeholder: str = "",
        field: str = "原因",
        heading: str = "",
    ) -> None:
        super().__init__(title, ok_text, parent, submit=submit, heading=heading)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.prompt.setVisible(bool(prompt))
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(placeholder or self.tr("必须填写原因,将与您的姓名一起记录"))
        self.reason.setTabChangesFocus(True)
        self.reason.setMinimumHeight(self.reason.fontMetrics().lineSpacing() * 3 + 14)
        self.reason_error = ErrorLabel()
        self.errors.bind(field, self.reason_error, self.reason)
        self.body.addWidget(self.prompt)
        self.body.addWidget(self.reason)
        self.body.addWidget(self.reason_error)
        self.resize(460, 240)

    def values(self) -> tuple[object, ...]:
        return (self.reason.toPlainText(),)
