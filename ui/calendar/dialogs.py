"""改期: move a planned visit to another day, and say why."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QDateEdit, QLabel, QLineEdit, QWidget

from app.errors import UserError
from ui.dialogs import ActionDialog
from ui.i18n import weekday
from ui.widgets import from_qdate, to_qdate


class RescheduleDialog(ActionDialog):
    """改期: the new day and why. `apply(day, reason)` does it; its refusal is shown here,
    and nothing typed is lost."""

    def __init__(
        self,
        summary: str,
        current: dt.date,
        proposed: dt.date,
        earliest: dt.date,
        apply: Callable[[dt.date, str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("回访改期"), self.tr("改期"), parent)
        self.current = current
        self._apply = apply
        self.add_row(self.tr("回访:"), QLabel(summary))
        self.add_row(
            self.tr("原定日期:"),
            QLabel(self.tr("{0}(周{1})").format(f"{current:%Y-%m-%d}", weekday(current))),
        )
        self.date = QDateEdit(to_qdate(proposed))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMinimumDate(to_qdate(earliest))
        self.add_row(self.tr("改到:"), self.date)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("必填,例如:业主出差,约定下周再访"))
        self.reason.setMaxLength(100)
        self.reason.setMinimumWidth(320)
        self.add_row(self.tr("改期原因:"), self.reason, name="原因")
        self.reason.setFocus()

    def perform(self) -> None:
        day = from_qdate(self.date.date())
        if day == self.current:
            raise UserError(self.tr("新日期与原定日期相同"))
        self._apply(day, self.reason.text())
