"""批量计划: periodic and event visits (入伙、季度巡访、年度走访、节日、突发事件) for many households at once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import ROLES
from app.errors import UserError, ValidationError
from app.i18n import term
from app.visits import PERIODIC_PURPOSES
from app.visits.rules import VISITING_ROLES, batch_defaults
from app.visits.special import MOVE_IN
from ui.palette import ERROR_RED, qcolor
from ui.visit_planner.parts import (
    HINT_STYLE,
    PREVIEW_LIMIT,
)
from ui.widgets import INVALID_STYLE, ErrorLabel, FieldErrors, from_qdate, make_table, to_qdate

if TYPE_CHECKING:
    from app.models import Room
    from ui.visit_planner.page import VisitPlannerPage


class BatchTab(QWidget):
    """批量计划: periodic and event visits for many households at once."""

    def __init__(self, page: VisitPlannerPage) -> None:
        super().__init__()
        self.page = page
        self._preview: list[Room] | None = None
        self.setStyleSheet(INVALID_STYLE)

        self.purpose = QComboBox()
        self.purpose.addItems([term(p) for p in PERIODIC_PURPOSES])
        for i, purpose in enumerate(PERIODIC_PURPOSES):
            self.purpose.setItemData(i, purpose)

        # Which households
        self.by_move_in = QRadioButton(self.tr("近期入伙、尚未入伙回访的住户"))
        self.by_buildings = QRadioButton(self.tr("所选楼栋的全部房屋"))
        self.scope = QButtonGroup(self)
        self.scope.addButton(self.by_move_in)
        self.scope.addButton(self.by_buildings)
        self.move_in_days = QSpinBox()
        self.move_in_days.setRange(1, 365)
        self.move_in_days.setValue(7)
        self.move_in_days.setPrefix(self.tr("近 "))
        self.move_in_days.setSuffix(self.tr(" 天内入伙"))
        self.buildings = QListWidget()
        self.buildings.setFlow(QListWidget.Flow.LeftToRight)
        self.buildings.setWrapping(True)
        self.buildings.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.buildings.setSpacing(2)
        self.buildings.setMinimumHeight(64)
        self.buildings.setMaximumHeight(110)
        self.all_buildings = QPushButton(self.tr("全选"))
        self.all_buildings.clicked.connect(lambda: self._check_all(True))
        self.no_buildings = QPushButton(self.tr("全不选"))
        self.no_buildings.clicked.connect(lambda: self._check_all(False))
        self.sample = QCheckBox(self.tr("随机抽取"))
        self.sample_size = QSpinBox()
        self.sample_size.setRange(1, 100000)
        self.sample_size.setValue(20)
        self.sample_size.setSuffix(self.tr(" 户"))
        self.sample_note = QLabel(self.tr("(年度走访:每年1–2次,抽部分住户上门)"))
        self.sample_note.setStyleSheet(HINT_STYLE)

        scope_box = QGroupBox(self.tr("回访哪些住户"))
        grid = QGridLayout(scope_box)
        grid.addWidget(self.by_move_in, 0, 0)
        grid.addWidget(self.move_in_days, 0, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.by_buildings, 1, 0)
        building_buttons = QHBoxLayout()
        building_buttons.addWidget(self.all_buildings)
        building_buttons.addWidget(self.no_buildings)
        building_buttons.addStretch(1)
        grid.addLayout(building_buttons, 1, 1)
        grid.addWidget(self.buildings, 2, 0, 1, 2)
        sample_row = QHBoxLayout()
        sample_row.addWidget(self.sample)
        sample_row.addWidget(self.sample_size)
        sample_row.addWidget(self.sample_note)
        sample_row.addStretch(1)
        grid.addLayout(sample_row, 3, 0, 1, 2)
        grid.setColumnStretch(1, 1)

        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.role = QComboBox()
        for key in VISITING_ROLES:
            self.role.addItem(term(ROLES[key]), key)
        self.reason = QLineEdit()
        self.reason.setMaxLength(150)
        self.reason.setPlaceholderText(self.tr("如:2026年国庆节前走访;3栋停水后回访"))
        self.form_error = ErrorLabel()
        self.errors = FieldErrors(self.form_error)
        self.role_error = ErrorLabel()
        self.errors.bind("回访人角色", self.role_error, self.role)
        form_box = QGroupBox(self.tr("计划"))
        form = QFormLayout(form_box)
        form.addRow(self.tr("回访类型"), self.purpose)
        form.addRow(self.tr("回访期限"), self.due)
        form.addRow(self.tr("回访人角色"), self.role)
        form.addRow("", self.role_error)
        form.addRow(self.tr("说明"), self.reason)

        self.preview_button = QPushButton(self.tr("预览"))
        self.preview_button.clicked.connect(self.preview)
        self.plan_button = QPushButton(self.tr("生成回访计划"))
        self.plan_button.clicked.connect(self.generate)
        self.preview_label = QLabel(self.tr("选好范围后点“预览”,看将为哪些住户安排回访。"))
        self.preview_label.setWordWrap(True)
        self.preview_list = QPlainTextEdit()
        self.preview_list.setReadOnly(True)
        self.preview_list.setPlaceholderText(self.tr("预览的房号"))

        left = QVBoxLayout()
        left.addWidget(form_box)
        left.addWidget(scope_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.plan_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        left.addWidget(self.form_error)
        left.addStretch(1)
        right_box = QGroupBox(self.tr("预览"))
        right = QVBoxLayout(right_box)
        right.addWidget(self.preview_label)
        right.addWidget(self.preview_list, 1)

        # 季度巡访: each steward's area once a quarter (seed 000), tracked (H23).
        self.rounds_box = QGroupBox(self.tr("本季度物管员巡访"))
        self.rounds_table = make_table(
            [
                self.tr("物管员"),
                self.tr("责任楼栋"),
                self.tr("户数"),
                self.tr("已访"),
                self.tr("已安排"),
                self.tr("未安排"),
                self.tr("状态"),
            ],
            stretch=1,
        )
        self.rounds_note = QLabel()
        self.rounds_note.setStyleSheet(HINT_STYLE)
        self.rounds_note.setWordWrap(True)
        self.round_button = QPushButton(self.tr("为所选物管员安排本季度巡访"))
        self.round_button.clicked.connect(self.plan_round)
        rounds = QVBoxLayout(self.rounds_box)
        rounds.addWidget(self.rounds_note)
        rounds.addWidget(self.rounds_table, 1)
        rounds.addWidget(self.round_button, 0, Qt.AlignmentFlag.AlignLeft)
        right_column = QVBoxLayout()
        right_column.addWidget(right_box, 1)
        right_column.addWidget(self.rounds_box, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right_column, 2)

        self.purpose.currentIndexChanged.connect(self._purpose_changed)
        for signal in (
            self.scope.buttonToggled,
            self.move_in_days.valueChanged,
            self.buildings.itemChanged,
            self.sample.toggled,
            self.sample_size.valueChanged,
        ):
            signal.connect(self._scope_changed)
        self._purpose_changed()

    def current_purpose(self) -> str:
        return str(self.purpose.currentData())

    def refresh_rounds(self) -> None:
        """This quarter's 季度巡访, steward by steward (app.visits.special.steward_rounds)."""
        rounds = self.page.visits.dates.steward_rounds()
        self.rounds_table.setRowCount(len(rounds))
        for row, r in enumerate(rounds):
            state = self.tr("已完成") if r.done else self.tr("未完成")
            values = [
                r.steward,
                self.tr("、").join(r.buildings),
                str(r.rooms),
                str(r.visited),
                str(r.planned),
                str(len(r.not_yet)),
                state,
            ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col == 6 and not r.done:
                    item.setForeground(QBrush(qcolor(ERROR_RED)))
                self.rounds_table.setItem(row, col, item)
        if rounds:
            self.rounds_note.setText(
                self.tr("{0}:每位物管员本季度须走访完责任楼栋的全部住户,{1} 前完成。").format(
                    rounds[0].quarter, rounds[0].quarter_end.isoformat()
                )
            )
        else:
            self.rounds_note.setText(self.tr("没有设置了责任楼栋的物管员(在“人员”中设置)。"))
        self.round_button.setEnabled(bool(rounds))

    def plan_round(self) -> None:
        row = self.rounds_table.currentRow()
        item = self.rounds_table.item(row, 0) if row >= 0 else None
        if item is None:
            self.page.banner.show_message(self.tr("请先在表中选一位物管员。"), "warn")
            return
        try:
            visits = self.page.visits.dates.plan_round(item.text(), self.page.actor)
        except UserError as exc:
            self.page.banner.show_message(str(exc), "error")
            return
        self.page.banner.show_message(
            self.tr("已为{0}安排 {1} 户季度巡访。").format(item.text(), len(visits)), "success"
        )
        self.refresh_rounds()
        self.page.open_tab.refresh()

    def refresh(self) -> None:
        self.refresh_rounds()
        checked = set(self.checked_buildings())
        self.buildings.blockSignals(True)
        self.buildings.clear()
        for name in self.page.visits.buildings():
            item = QListWidgetItem(self.tr("{0}栋").format(name))
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in checked else Qt.CheckState.Unchecked)
            self.buildings.addItem(item)
        self.buildings.blockSignals(False)
        self._scope_changed()

    def checked_buildings(self) -> list[str]:
        out = []
        for i in range(self.buildings.count()):
            item = self.buildings.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def check_buildings(self, names: list[str]) -> None:
        for i in range(self.buildings.count()):
            item = self.buildings.item(i)
            state = item.data(Qt.ItemDataRole.UserRole) in names
            item.setCheckState(Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)

    def _check_all(self, on: bool) -> None:
        self.buildings.blockSignals(True)
        for i in range(self.buildings.count()):
            self.buildings.item(i).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.buildings.blockSignals(False)
        self._scope_changed()

    def _purpose_changed(self) -> None:
        purpose = self.current_purpose()
        role, due = batch_defaults(purpose, self.page.clock.now().date())
        self.role.setCurrentIndex(max(self.role.findData(role), 0))
        self.due.setDate(to_qdate(due))
        (self.by_move_in if purpose == "入伙回访" else self.by_buildings).setChecked(True)
        yearly = purpose == "年度走访"
        self.sample.setChecked(yearly)
        self.sample_note.setVisible(yearly)
        # 入伙回访 is due a week after each household moved in, whatever the date above says.
        self.due.setEnabled(purpose != MOVE_IN)
        self.due.setToolTip(self.tr("入伙回访的期限按各户入伙日期后一周计") if purpose == MOVE_IN else "")
        self._scope_changed()

    def _scope_changed(self, *_args: object) -> None:
        move_in = self.by_move_in.isChecked()
        self.move_in_days.setEnabled(move_in)
        for widget in (self.buildings, self.all_buildings, self.no_buildings):
            widget.setEnabled(not move_in)
        self.sample_size.setEnabled(self.sample.isChecked())
        self._preview = None
        self.plan_button.setEnabled(False)

    def chosen_rooms(self) -> list[Room]:
        if self.by_move_in.isChecked():
            rooms = self.page.visits.move_in_rooms(self.move_in_days.value())
        else:
            rooms = self.page.visits.rooms_of_buildings(self.checked_buildings())
        if self.sample.isChecked():
            rooms = self.page.visits.sample_rooms(rooms, self.sample_size.value())
        return rooms

    def preview(self) -> None:
        self.errors.clear()
        if self.by_buildings.isChecked() and not self.checked_buildings():
            self.errors.show({"楼栋": self.tr("请至少勾选一栋楼")})
            return
        rooms = self.chosen_rooms()
        self._preview = rooms
        labels = [r.label for r in rooms[:PREVIEW_LIMIT]]
        more = len(rooms) - len(labels)
        self.preview_list.setPlainText(
            "、".join(labels) + (self.tr(" 等,另有 {0} 户").format(more) if more else "")
        )
        if rooms and self.current_purpose() == MOVE_IN:
            self.preview_label.setText(
                self.tr(
                    "将为 {0} 户安排入伙回访,各户在入伙日期后一周内由{1}回访。已有入伙回访的住户会跳过。"
                ).format(len(rooms), self.role.currentText())
            )
        elif rooms:
            self.preview_label.setText(
                self.tr("将为 {0} 户安排“{1}”,{2} 前由{3}回访。已有同类待回访的住户会跳过。").format(
                    len(rooms),
                    self.current_purpose(),
                    from_qdate(self.due.date()).isoformat(),
                    self.role.currentText(),
                )
            )
        else:
            self.preview_label.setText(self.tr("没有符合条件的住户。"))
        self.plan_button.setEnabled(bool(rooms))

    def generate(self) -> None:
        if self._preview is None:
            self.preview()
        rooms = self._preview or []
        if not rooms:
            return
        try:
            visits = self.page.visits.plan_batch(
                self.current_purpose(),
                rooms,
                from_qdate(self.due.date()),
                str(self.role.currentData()),
                self.reason.text(),
                self.page.actor,
            )
        except ValidationError as exc:
            self.errors.show(exc.problems)
            return
        skipped = len(rooms) - len(visits)
        message = self.tr("已安排 {0} 户“{1}”").format(len(visits), self.current_purpose())
        if skipped:
            message += self.tr(",{0} 户已有同类待回访计划,跳过").format(skipped)
        self.page.banner.show_message(message, "success")
        self.preview_label.setText(message)
        self._preview = None
        self.plan_button.setEnabled(False)
        self.page.open_tab.refresh()
