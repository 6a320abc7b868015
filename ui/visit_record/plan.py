"""回访计划: which visit this is, its state and due date, who visits and why it was planned,
the sample's reason and the earlier visits of the case; the visitor can be changed while the
visit is open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QWidget

from app import domain
from app.errors import UserError
from app.i18n import term
from app.visits import OVERDUE, VisitService
from app.visits.shown import shown_decision_reason, shown_visit_reason
from ui.palette import ERROR_RED
from ui.visit_record.parts import fill_grid, fmt

if TYPE_CHECKING:
    from app.models import Case, Staff, Visit


class PlanSection(QGroupBox):
    message = Signal(str, str)  # text, banner kind
    changed = Signal()  # the visitor was changed
    second_named = Signal(str)  # the second visitor's name (a visit made by two together)

    def __init__(
        self,
        visit: Visit,
        case: Case | None,
        visits: VisitService,
        people: list[Staff],
        is_open: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("回访计划"), parent)
        self.visit = visit
        self.visits = visits
        self.people = {p.id: p for p in people}
        shown_state = visits.display_state(visit)
        rows = [
            (self.tr("回访次数"), self.tr("第{0}次回访").format(visit.attempt)),
            (self.tr("状态"), term(shown_state)),
            (self.tr("应回访日期"), fmt(visit.due)),
            (self.tr("回访人角色"), term(domain.ROLES.get(visit.role, visit.role))),
            (self.tr("预约时间"), fmt(visit.appointment)),
            (self.tr("回访人"), visit.visitor_name or self.tr("(未指定)")),
            (self.tr("安排原因"), shown_visit_reason(visit.reason) or "—"),
        ]
        two = visits.two_visitors(visit)  # made by two together (H24, seed 002 第4条)
        if two:
            second_role = term(domain.ROLES.get(visit.second_role, visit.second_role))
            rows.insert(6, (self.tr("第二回访人"), visit.second_visitor_name or self.tr("(未指定)")))
            rows.insert(7, (self.tr("第二回访人角色"), second_role or "—"))
        wide = {self.tr("安排原因")}
        if case is not None:
            decision = visits.decision(case)
            if decision is not None:
                rows.append((self.tr("抽样说明"), shown_decision_reason(decision.reason)))
                wide.add(rows[-1][0])
            earlier = [v for v in visits.visits_of(case) if v.id != visit.id and v.attempt < visit.attempt]
            for v in earlier:
                rows.append(
                    (
                        self.tr("第{0}次回访").format(v.attempt),
                        f"{fmt(v.done_at)} {term(v.method)} "
                        f"{term(v.satisfaction, 'satisfaction') if v.satisfaction else term(v.state)}"
                        + (f":{v.opinion or v.shortcomings}" if (v.opinion or v.shortcomings) else ""),
                    )
                )
                wide.add(rows[-1][0])
        grid = fill_grid(self, rows, wide)
        state_label = self.findChild(QLabel, self.tr("状态"))
        if state_label is not None and shown_state == OVERDUE:
            state_label.setText(self.tr("逾期(应于 {0} 前回访)").format(fmt(visit.due)))
            state_label.setStyleSheet(f"color: {ERROR_RED}; font-weight: bold;")
        self.visitor_combo: QComboBox | None = None
        if is_open:
            # The visitor may be changed while the visit is open.
            combo = QComboBox()
            combo.addItem(self.tr("(未指定)"), None)
            same_role = [p for p in people if p.role == visit.role]
            for person in same_role + [p for p in people if p not in same_role]:
                role = term(domain.ROLES.get(person.role, person.role))
                combo.addItem(f"{person.name}({role})", person.id)
            index = combo.findData(visit.visitor_id) if visit.visitor_id else 0
            combo.setCurrentIndex(max(index, 0))
            combo.currentIndexChanged.connect(self._assign)
            visitor_label = self.findChild(QLabel, self.tr("回访人"))
            assert visitor_label is not None
            grid.replaceWidget(visitor_label, combo)
            visitor_label.hide()  # out of the layout; hidden until deleted, or it shows at (0, 0)
            visitor_label.deleteLater()
            self.visitor_combo = combo
        self.second_combo: QComboBox | None = None
        if is_open and two:
            second = QComboBox()
            second.addItem(self.tr("(未指定)"), None)
            same = [p for p in people if p.role == visit.second_role]
            for person in same + [p for p in people if p not in same]:
                second.addItem(
                    f"{person.name}({term(domain.ROLES.get(person.role, person.role))})", person.id
                )
            second.setCurrentIndex(
                max(second.findData(visit.second_visitor_id), 0) if visit.second_visitor_id else 0
            )
            second.currentIndexChanged.connect(self._assign_second)
            label = self.findChild(QLabel, self.tr("第二回访人"))
            assert label is not None
            grid.replaceWidget(label, second)
            label.hide()
            label.deleteLater()
            self.second_combo = second

    def _assign_second(self) -> None:
        assert self.second_combo is not None
        person_id = self.second_combo.currentData()
        person = self.people.get(person_id) if person_id else None
        try:
            self.visits.assign_second(self.visit, person)
        except UserError as exc:
            self.message.emit(str(exc), "error")
            return
        self.second_named.emit(person.name if person is not None else "")
        self.changed.emit()

    def _assign(self) -> None:
        assert self.visitor_combo is not None
        person_id = self.visitor_combo.currentData()
        person = self.people.get(person_id) if person_id else None
        try:
            self.visits.assign(self.visit, person)
        except UserError as exc:
            self.message.emit(str(exc), "error")
            return
        self.changed.emit()
