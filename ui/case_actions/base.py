"""What every step of a case's lifecycle shares: the dialog base (ui/dialogs.py's
`ActionDialog` / `ReasonDialog` with the case, the case service and the acting person), the
text box and date-time field the forms use, and how a refusal is worded.

Each dialog holds a form and an error line. 确定 calls the case service; when the service
refuses, its Chinese message shows in the dialog and everything typed stays, so the user
corrects and tries again. The dialog closes only when the step was recorded.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QT_TR_NOOP, QSize
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QPlainTextEdit,
    QWidget,
)

from app import domain
from app.cases import CaseService
from app.errors import UserError, ValidationError
from app.i18n import term
from ui.dialogs import ActionDialog, ReasonDialog
from ui.palette import MUTED_TEXT
from ui.widgets import to_qdatetime

if TYPE_CHECKING:
    from app.models import Case, Staff

HINT_STYLE = f"color: {MUTED_TEXT};"

DATETIME_DISPLAY = "yyyy-MM-dd HH:mm"


def error_text(exc: UserError) -> str:
    """The service's message as lines the user reads: one per bad field."""
    if isinstance(exc, ValidationError):
        return "\n".join(f"{field}:{reason}" for field, reason in exc.problems.items())
    return str(exc)


def staff_label(person: Staff) -> str:
    role = term(domain.ROLES.get(person.role, person.role))
    dep = f" · {term(person.department.name)}" if person.department is not None else ""
    return f"{person.name}({role}{dep})"


class TextBox(QPlainTextEdit):
    """A plain text field that asks for room for a few lines, not for half the screen."""

    def __init__(self, lines: int) -> None:
        super().__init__()
        self._lines = lines
        self.setTabChangesFocus(True)  # Tab moves on to the next field, as in any form
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * min(lines, 2) + 14)

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance("汉") * 26, metrics.lineSpacing() * self._lines + 14)


def text_box(placeholder: str = "", lines: int = 4) -> QPlainTextEdit:
    box = TextBox(lines)
    box.setPlaceholderText(placeholder)
    return box


def datetime_edit(value: dt.datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(to_qdatetime(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATETIME_DISPLAY)
    return edit


def _for_case(
    dialog: CaseActionDialog | CaseReasonDialog, case: Case, cases: CaseService, actor: Staff
) -> None:
    """What a case's step dialog shows of its case: the title with the number, the OK button's
    word, the heading line (number, kind, status)."""
    dialog.case = case
    dialog.cases = cases
    dialog.actor = actor
    dialog.setWindowTitle(dialog.tr("{0} — {1}").format(dialog.tr(dialog.title), case.number))
    dialog.ok_button.setText(dialog.tr(dialog.ok_label))
    dialog.heading.setText(
        dialog.tr("案件 {0} · {1} · {2}").format(case.number, term(case.kind), term(case.state))
    )
    dialog.heading.show()


class CaseActionDialog(ActionDialog):
    """One step of a case (ui/dialogs.py's `ActionDialog` with the case, the service and the
    acting person); subclasses build the form and perform the step through the service."""

    case: Case
    cases: CaseService
    actor: Staff
    title = ""
    ok_label = cast(str, QT_TR_NOOP("确定"))

    def __init__(self, case: Case, cases: CaseService, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__("", "", parent, boxed_error=True, min_width=480)
        _for_case(self, case, cases, actor)
        self.form.setVerticalSpacing(8)
        self.build()

    def build(self) -> None:
        raise NotImplementedError


class CaseReasonDialog(ReasonDialog):
    """A step of a case that needs only a reason (ui/dialogs.py's `ReasonDialog`); subclasses
    name the texts, the field the service names in its refusal, and the call."""

    case: Case
    cases: CaseService
    actor: Staff
    title = ""
    ok_label = ""
    hint = ""
    label = ""
    field = "原因"

    def __init__(self, case: Case, cases: CaseService, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__("", "", None, parent, field=self.field)
        _for_case(self, case, cases, actor)
        self.prompt.setText(self.tr(self.label))
        self.prompt.setBuddy(self.reason)
        self.prompt.show()
        self.reason.setPlaceholderText(self.tr(self.hint))
