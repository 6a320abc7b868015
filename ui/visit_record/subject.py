"""What the visit follows: the case (number, customer with the phone masked, what it was
about and how it was handled), or the periodic round and its room."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QWidget

from app.errors import UserError
from app.i18n import term
from app.owners import mask_phone
from app.permissions import can
from app.visits import VisitService
from ui.visit_record.parts import fill_grid, fmt

if TYPE_CHECKING:
    from app.models import Case, Staff, Visit


class SubjectSection(QGroupBox):
    message = Signal(str, str)  # text, banner kind

    def __init__(
        self,
        visit: Visit,
        case: Case | None,
        visits: VisitService,
        actor: Staff,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.case = case
        self.visits = visits
        self.actor = actor
        self.customer_label: QLabel | None = None
        self.reveal_phone_button: QPushButton | None = None
        if case is None:
            self.setTitle(self.tr("回访对象"))
            rows = [
                (self.tr("回访类型"), term(visit.purpose) or "—"),
                (self.tr("房号"), visit.room.label if visit.room is not None else "—"),
            ]
            fill_grid(self, rows, set())
            return
        self.setTitle(self.tr("回访的案件"))
        rows = [
            (
                self.tr("案件编号"),
                case.number + (self.tr("(原编号 {0})").format(case.ref) if case.ref else ""),
            ),
            (self.tr("状态"), term(case.state)),
            (self.tr("房号"), case.room_label or "—"),
            # the phone masked; 显示电话 shows it in full to a role that may, and logs the read
            (
                self.tr("客户"),
                " ".join(p for p in (case.customer_name, mask_phone(case.customer_phone)) if p) or "—",
            ),
            (self.tr("性质·程度"), f"{term(case.kind)}·{term(case.severity)}"),
            (self.tr("类别"), term(case.category)),
            (self.tr("办结时间"), fmt(case.resolved_at)),
            (self.tr("责任部门"), term(case.department.name) if case.department is not None else "—"),
            (self.tr("投诉内容") if case.kind == "投诉" else self.tr("内容"), case.account),
            (self.tr("处理结果"), case.result or "—"),
        ]
        grid = fill_grid(self, rows, {rows[8][0], rows[9][0]})
        self.customer_label = self.findChild(QLabel, rows[3][0])
        if case.customer_phone:
            may_reveal = can(self.actor, "owner.reveal_phone")
            self.reveal_phone_button = QPushButton(self.tr("显示电话"))
            self.reveal_phone_button.setEnabled(may_reveal)
            self.reveal_phone_button.setToolTip(
                self.tr("显示完整号码(每次显示都会记录查看人和时间)")
                if may_reveal
                else self.tr("您的角色不能查看完整电话")
            )
            self.reveal_phone_button.clicked.connect(self.reveal_phone)
            grid.addWidget(self.reveal_phone_button, grid.rowCount(), 1, Qt.AlignmentFlag.AlignLeft)

    def reveal_phone(self) -> None:
        """The caller's full number, for a phone visit; the read is logged (显示号码)."""
        if self.case is None or self.customer_label is None or self.reveal_phone_button is None:
            return
        try:
            phone = self.visits.cases.reveal_phone(self.case, self.actor)
        except UserError as exc:
            self.message.emit(str(exc), "error")
            return
        self.customer_label.setText(" ".join(p for p in (self.case.customer_name, phone) if p))
        self.reveal_phone_button.setEnabled(False)
