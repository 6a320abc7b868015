"""The calendar's filter bar: visitor, role, kind of case and building; 清除筛选 resets them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from app import domain
from app.i18n import term
from app.visits import VisitFilter
from app.visits.rules import VISITING_ROLES

if TYPE_CHECKING:
    from app.models import Staff


class FilterBar(QWidget):
    changed = Signal()  # a choice was changed or the filters cleared

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visitor = QComboBox()
        self.role = QComboBox()
        self.kind = QComboBox()
        self.building = QComboBox()
        self.role.addItem(self.tr("全部角色"), None)
        for key in VISITING_ROLES:
            self.role.addItem(term(domain.ROLES[key]), key)
        self.kind.addItem(self.tr("全部性质"), None)
        for kind in domain.KINDS:
            self.kind.addItem(term(kind), kind)
        self.clear_button = QPushButton(self.tr("清除筛选"))
        self.clear_button.clicked.connect(self.clear)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for label, combo in (
            (self.tr("回访人"), self.visitor),
            (self.tr("角色"), self.role),
            (self.tr("性质"), self.kind),
            (self.tr("楼栋"), self.building),
        ):
            row.addWidget(QLabel(label))
            combo.setMinimumContentsLength(6)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.currentIndexChanged.connect(self.changed)
            row.addWidget(combo)
            row.addSpacing(8)
        row.addWidget(self.clear_button)
        row.addStretch(1)

    def combos(self) -> tuple[QComboBox, ...]:
        return (self.visitor, self.role, self.kind, self.building)

    def load_choices(self, people: list[Staff], buildings: list[str]) -> None:
        """Fill the visitor and building lists, keeping what is chosen (no `changed`)."""
        for combo in (self.visitor, self.building):
            combo.blockSignals(True)
        keep_visitor, keep_building = self.visitor.currentData(), self.building.currentData()
        self.visitor.clear()
        self.visitor.addItem(self.tr("全部回访人"), None)
        for person in sorted(people, key=lambda p: p.name):
            if person.role in VISITING_ROLES:
                self.visitor.addItem(
                    f"{person.name}({term(domain.ROLES.get(person.role, person.role))})", person.id
                )
        self.building.clear()
        self.building.addItem(self.tr("全部楼栋"), None)
        for building in buildings:
            self.building.addItem(self.tr("{0}栋").format(building), building)
        for combo, keep in ((self.visitor, keep_visitor), (self.building, keep_building)):
            combo.setCurrentIndex(max(0, combo.findData(keep)))
            combo.blockSignals(False)

    def visit_filter(self) -> VisitFilter:
        return VisitFilter(
            visitor_id=self.visitor.currentData(),
            role=self.role.currentData(),
            kind=self.kind.currentData(),
            building=self.building.currentData(),
        )

    def clear(self) -> None:
        for combo in self.combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.changed.emit()
