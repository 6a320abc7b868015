"""两人同时回访 in the case detail's 回访 tab (H24, seed 002 第4条): 业主损失较大 marked or unmarked
on a complaint, and whether its visit is made by two together and by whom. The mark goes
through app.visits (VisitService.set_large_loss); the window never touches the records."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from app import domain
from app.errors import UserError
from app.i18n import term
from app.permissions import can
from ui.palette import ERROR_RED, MUTED_TEXT

if TYPE_CHECKING:
    from app.models import Case, Staff
    from app.visits import VisitService


class TwoVisitorsBox(QGroupBox):
    changed = Signal()

    def __init__(self, visits: VisitService, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("两人同时回访"), parent)
        self.visits = visits
        self.actor = actor
        self.case: Case | None = None
        self.large_loss = QCheckBox(self.tr("业主损失较大(两人同时回访)"))
        self.large_loss.toggled.connect(self._toggled)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet(f"color: {MUTED_TEXT};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.large_loss)
        layout.addWidget(self.status)

    def show_case(self, case: Case) -> None:
        self.case = case
        complaint = case.kind == "投诉"
        self.setVisible(complaint)
        self.large_loss.blockSignals(True)
        self.large_loss.setChecked(bool(case.large_loss))
        self.large_loss.blockSignals(False)
        self.large_loss.setEnabled(
            complaint and can(self.actor, "case.create") and case.state not in (domain.MERGED, domain.VOID)
        )
        self.status.setStyleSheet(f"color: {MUTED_TEXT};")
        if self.visits.needs_two(case):
            roles = self.tr("、").join(term(domain.ROLES.get(r, r)) for r in self.visits.two_visitor_roles())
            self.status.setText(
                self.tr("按回访制度,本案由{0}两人同时回访,回访记录须两人签名。").format(roles)
            )
        else:
            self.status.setText(self.tr("本案由一人回访。"))

    def _toggled(self, flag: bool) -> None:
        if self.case is None:
            return
        try:
            self.visits.set_large_loss(self.case, flag, self.actor)
        except UserError as exc:
            self.large_loss.blockSignals(True)
            self.large_loss.setChecked(not flag)
            self.large_loss.blockSignals(False)
            self.status.setText(str(exc))
            self.status.setStyleSheet(f"color: {ERROR_RED};")
            return
        self.changed.emit()
