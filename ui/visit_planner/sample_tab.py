"""抽样: the quarter's decisions for one kind, why each case was (not) chosen, 手工加入; the case
a replacement stands for (替换) and the quarter's standing against its target (H24)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import KINDS
from app.i18n import term
from app.periods import quarter_key, quarter_span
from app.visit_exemptions import ANONYMOUS, WRITTEN_REPLY, exemption_kind
from app.visits.shown import shown_decision_reason
from ui.dialogs import ReasonDialog
from ui.i18n import QT_TR_NOOP
from ui.visit_planner.parts import (
    CHOSEN_TEXT,
    HINT_STYLE,
    NOT_CHOSEN_TEXT,
    OVERDUE_TEXT,
    cell,
    planner_table,
    quarters_up_to,
    row_data,
)

if TYPE_CHECKING:
    from app.models import Case, VisitDecision
    from ui.visit_planner.page import VisitPlannerPage


class SampleTab(QWidget):
    """抽样: the quarter's decisions for one kind, why each case was (not) chosen, 手工加入."""

    COLUMNS = (
        QT_TR_NOOP("案件编号"),
        QT_TR_NOOP("房号"),
        QT_TR_NOOP("办结时间"),
        QT_TR_NOOP("抽中"),
        QT_TR_NOOP("方式"),
        QT_TR_NOOP("决定人"),
        QT_TR_NOOP("决定时间"),
        QT_TR_NOOP("替换"),
        QT_TR_NOOP("原因"),
    )

    def __init__(self, page: VisitPlannerPage) -> None:
        super().__init__()
        self.page = page
        self.quarter = QComboBox()
        self.kind = QComboBox()
        self.kind.addItems([term(k) for k in KINDS])
        for i, kind in enumerate(KINDS):
            self.kind.setItemData(i, kind)
        self.kind.setCurrentIndex(KINDS.index("报修"))
        self.quarter.currentIndexChanged.connect(self.refresh_table)
        self.kind.currentIndexChanged.connect(self.refresh_table)
        self.totals = QLabel()
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.add_button = QPushButton(self.tr("手工加入回访…"))
        self.add_button.setToolTip(self.tr("把未抽中的案件加入回访,须写明原因"))
        self.add_button.clicked.connect(self.ask_add)
        self.table = planner_table(self.COLUMNS, self.tr)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(
            lambda item: self.page.case_activated.emit(row_data(self.table, item.row()))
        )
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("季度")))
        bar.addWidget(self.quarter)
        bar.addSpacing(8)
        bar.addWidget(QLabel(self.tr("性质")))
        bar.addWidget(self.kind)
        bar.addSpacing(16)
        bar.addWidget(self.totals, 1)
        # Why 手工加入回访 is greyed for the selected case (anonymous, written reply only: H26).
        self.exempt_note = QLabel()
        self.exempt_note.setStyleSheet(HINT_STYLE)
        self.exempt_note.hide()
        bar.addWidget(self.exempt_note)
        self.add_button.setMinimumWidth(self.add_button.sizeHint().width())  # never cut by the note
        bar.addWidget(self.add_button)
        hint = QLabel(
            self.tr(
                "回访率低于100%时由系统在办结时随机抽样,事先无法知道哪件会被抽中;落后于目标时抽中机会提高,"
                "并从本季度未抽中的案件中随机补抽,季末保证达到目标。手工取消回访使抽样低于目标时,"
                "系统随机抽取替换案件(记录原因)。计划人员可把未抽中的案件手工加入(记录姓名和原因)。"
            )
        )
        hint.setStyleSheet(HINT_STYLE)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        self._rows: list[tuple[int, bool]] = []
        self._decisions: list[VisitDecision] = []

    def refresh(self) -> None:
        current = self.quarter.currentText() or quarter_key(self.page.clock.now())
        self.quarter.blockSignals(True)
        self.quarter.clear()
        self.quarter.addItems(quarters_up_to(self.page.clock.now().date()))
        self.quarter.setCurrentIndex(max(self.quarter.findText(current), 0))
        self.quarter.blockSignals(False)
        self.refresh_table()

    def set_quarter(self, quarter: str, kind: str) -> None:
        if self.quarter.findText(quarter) < 0:
            self.quarter.addItem(quarter)
        self.quarter.setCurrentText(quarter)
        self.kind.setCurrentIndex(KINDS.index(kind))

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def refresh_table(self) -> None:
        quarter, kind = self.quarter.currentText(), self.current_kind()
        if not quarter:
            return
        decisions = self._decisions = self.page.visits.decisions(quarter, kind)
        self.table.setRowCount(0)
        self.table.setRowCount(len(decisions))
        self._rows = []
        for row, d in enumerate(decisions):
            case = d.case
            chosen = bool(d.selected)
            values = [
                cell(case.number, case.id),
                cell(case.room.label if case.room is not None else "—"),
                cell(f"{case.resolved_at:%Y-%m-%d %H:%M}" if case.resolved_at else "—"),
                cell(self.tr("是") if chosen else self.tr("否"), align_center=True),
                cell(self.tr("手工") if d.by_hand else self.tr("系统"), align_center=True),
                cell(term(d.decided_by)),  # 系统 in the chosen language; a name as typed
                cell(f"{d.decided_at:%Y-%m-%d %H:%M}"),
                cell(self.tr("替换 {0}").format(d.replaces) if d.replaces else ""),
                cell(shown_decision_reason(d.reason)),
            ]
            values[-1].setToolTip(shown_decision_reason(d.reason))
            values[3].setForeground(QBrush(CHOSEN_TEXT if chosen else NOT_CHOSEN_TEXT))
            font = values[3].font()
            font.setBold(chosen)
            values[3].setFont(font)
            for col, item in enumerate(values):
                self.table.setItem(row, col, item)
            self._rows.append((case.id, chosen))
        standing = self.page.visits.sample_standing(quarter, kind)
        handled, chosen_count = standing.handled, standing.chosen
        target = self.page.visits.sample_target(kind)
        start, end = quarter_span(quarter)
        replaced = sum(1 for d in decisions if d.replaces)
        if handled:
            rate = chosen_count / handled
            text = self.tr("可回访的办结 {0} 件,抽中 {1} 件,回访率 {2},目标 {3}(须 {4} 件)").format(
                handled, chosen_count, f"{rate:.0%}", f"{target:.0%}", standing.needed
            )
            if replaced:
                text += self.tr(";替换 {0} 件").format(replaced)
            if standing.short and 0 < target < 1:
                text += self.tr(";尚差 {0} 件").format(standing.short)
            below = rate + 1e-9 < target
        else:
            text = self.tr("{0}({1} 至 {2})没有办结的{3}案件,目标 {4}").format(
                quarter, f"{start:%m-%d}", f"{end - dt.timedelta(days=1):%m-%d}", kind, f"{target:.0%}"
            )
            below = False
        self.totals.setText(text)
        self.totals.setStyleSheet(
            f"color: {OVERDUE_TEXT.name()}; font-weight: bold;" if below else "font-weight: bold;"
        )
        self._selection_changed()

    def select_case(self, case_id: int) -> None:
        for row, (cid, _) in enumerate(self._rows):
            if cid == case_id:
                self.table.selectRow(row)
                return

    def _case(self, case_id: int) -> Case:
        return next(d.case for d in self._decisions if d.case_id == case_id)

    def _current(self) -> tuple[int, bool] | None:
        rows = self.table.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        current = self._current()
        exempt = self.exemption(self._case(current[0])) if current is not None and not current[1] else ""
        self.add_button.setEnabled(current is not None and not current[1] and not exempt)
        self.add_button.setToolTip(exempt or self.tr("把未抽中的案件加入回访,须写明原因"))
        self.exempt_note.setText(exempt)
        self.exempt_note.setVisible(bool(exempt))

    def exemption(self, case: Case) -> str:
        """Why this case may not be added by hand (app/visit_exemptions.py), or ''."""
        kind = exemption_kind(case)
        if kind == ANONYMOUS:
            return self.tr("匿名案件没有可回访的业主,不能加入回访。")
        if kind == WRITTEN_REPLY:
            return self.tr("业主只要求书面答复,不回访:请在案件窗口附上复函。")
        return ""

    def ask_add(self) -> None:
        current = self._current()
        if current is None or current[1]:
            return
        case = self._case(current[0])

        def add(reason: str) -> None:
            visit = self.page.visits.add_by_hand(case, reason, self.page.actor)
            self.page.banner.show_message(
                self.tr("{0} 已手工加入回访,{1} 前回访").format(case.number, visit.due.isoformat()), "success"
            )
            self.page.refresh()

        self.page.show_dialog(
            ReasonDialog(
                self.tr("手工加入回访"),
                self.tr("把 {0}({1})加入回访。请写明原因(如业主曾多次反映、领导交办)。").format(
                    case.number, term(case.kind)
                ),
                add,
                self,
            )
        )
