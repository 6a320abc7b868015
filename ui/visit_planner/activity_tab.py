"""社区活动: community activities and publications with their participant rooms, and their
visits (seed 000: 10% of the participants within a month, by the community-culture clerk).

The clerk enters an activity (name, 活动/刊物, the day, organiser, note) with the rooms that
took part, picked with the room picker or a whole building at a time; once it was held,
抽取回访 draws the rooms to visit at random (app/activities.py) and each room's draw shows
its reason. The tab changes nothing itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.activities import ACTIVITY_KINDS, ActivityInput
from app.errors import UserError, ValidationError
from app.i18n import term
from app.owners import OwnerService
from app.permissions import can
from app.visits.shown import shown_activity_reason
from ui.dialogs import ActionDialog
from ui.palette import MUTED_TEXT, OK, qcolor
from ui.room_picker import RoomPicker
from ui.widgets import from_qdate, make_table

if TYPE_CHECKING:
    from ui.visit_planner.page import VisitPlannerPage


class NewActivityDialog(ActionDialog):
    """登记社区活动或刊物, with the rooms that took part."""

    def __init__(self, page: VisitPlannerPage, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("登记社区活动"), self.tr("登记"), parent, min_width=560)
        self.page = page
        service = page.visits.activities
        self.title = QLineEdit()
        self.title.setMaxLength(60)
        self.title.setPlaceholderText(self.tr("如:中秋游园会;《阳光家园》第9期"))
        self.kind = QComboBox()
        for kind in ACTIVITY_KINDS:
            self.kind.addItem(term(kind), kind)
        today = page.clock.now().date()
        self.held_on = QDateEdit(QDate(today.year, today.month, today.day))
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        self.organiser = QLineEdit(page.actor.name)
        self.organiser.setMaxLength(40)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("地点、内容(可不填)"))
        self.picker = RoomPicker(OwnerService())
        self.add_room_button = QPushButton(self.tr("加入"))
        self.add_room_button.clicked.connect(self.add_picked_room)
        self.picker.returnPressed.connect(self.add_picked_room)
        self.building = QComboBox()
        for name in page.visits.buildings():
            self.building.addItem(self.tr("{0}栋").format(name), name)
        self.add_building_button = QPushButton(self.tr("整栋加入"))
        self.add_building_button.clicked.connect(self.add_building)
        self.rooms = QListWidget()
        self.rooms.setMinimumHeight(120)
        self.remove_button = QPushButton(self.tr("移除所选"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.count_label = QLabel()
        self.count_label.setStyleSheet(f"color: {MUTED_TEXT};")

        pick_row = QHBoxLayout()
        pick_row.addWidget(self.picker, 1)
        pick_row.addWidget(self.add_room_button)
        pick_row.addSpacing(12)
        pick_row.addWidget(self.building)
        pick_row.addWidget(self.add_building_button)
        rooms_box = QWidget()
        rooms_layout = QVBoxLayout(rooms_box)
        rooms_layout.setContentsMargins(0, 0, 0, 0)
        rooms_layout.addLayout(pick_row)
        rooms_layout.addWidget(self.rooms)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.remove_button)
        rooms_layout.addLayout(bottom)

        self.add_row(self.tr("名称"), self.title, name="活动名称")
        self.add_row(self.tr("类型"), self.kind, name="类型")
        self.add_row(self.tr("举办/发行日期"), self.held_on, name="举办日期")
        self.add_row(self.tr("组织者"), self.organiser, name="组织者")
        self.add_row(self.tr("备注"), self.note)
        self.add_row(self.tr("参与房号"), rooms_box, name="参与房号", focus=self.picker)
        self.submit = lambda data, labels: service.create(data, service.find_rooms(labels), page.actor)
        self._count()

    def labels(self) -> list[str]:
        return [self.rooms.item(i).text() for i in range(self.rooms.count())]

    def _add(self, label: str) -> None:
        if label and label not in self.labels():
            self.rooms.addItem(label)
        self._count()

    def add_picked_room(self) -> None:
        self._add(self.picker.text().strip())
        self.picker.clear()

    def add_building(self) -> None:
        name = self.building.currentData()
        if name is None:
            return
        for room in self.page.visits.rooms_of_buildings([str(name)]):
            self._add(room.label)

    def remove_selected(self) -> None:
        for item in self.rooms.selectedItems():
            self.rooms.takeItem(self.rooms.row(item))
        self._count()

    def _count(self) -> None:
        self.count_label.setText(self.tr("已选 {0} 户").format(self.rooms.count()))

    def values(self) -> tuple[object, ...]:
        data = ActivityInput(
            title=self.title.text(),
            kind=str(self.kind.currentData()),
            held_on=from_qdate(self.held_on.date()),
            organiser=self.organiser.text(),
            note=self.note.text(),
        )
        return (data, self.labels())


class ActivityTab(QWidget):
    """社区活动: the list, the selected activity's rooms and draw, new activity, 抽取回访."""

    def __init__(self, page: VisitPlannerPage) -> None:
        super().__init__()
        self.page = page
        self.rule_label = QLabel()
        self.rule_label.setStyleSheet(f"color: {MUTED_TEXT};")
        self.rule_label.setWordWrap(True)
        self.table = make_table(
            [
                self.tr("名称"),
                self.tr("类型"),
                self.tr("举办/发行日期"),
                self.tr("组织者"),
                self.tr("参与户"),
                self.tr("抽中"),
                self.tr("已回访"),
                self.tr("回访期限"),
            ],
            stretch=0,
        )
        self.table.itemSelectionChanged.connect(self.show_rooms)
        self.rooms_table = make_table([self.tr("房号"), self.tr("抽中回访"), self.tr("说明")], stretch=2)
        self.new_button = QPushButton(self.tr("登记活动…"))
        self.new_button.clicked.connect(self.new_activity)
        self.plan_button = QPushButton(self.tr("抽取回访(活动已举办)"))
        self.plan_button.clicked.connect(self.plan_visits)
        allowed = can(page.actor, "activity.manage")
        for button in (self.new_button, self.plan_button):
            button.setEnabled(allowed)
            button.setToolTip("" if allowed else self.tr("只有社区文化文员和主管可以登记活动"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.plan_button)
        buttons.addStretch(1)
        rooms_box = QGroupBox(self.tr("参与房号与抽样"))
        rl = QVBoxLayout(rooms_box)
        rl.addWidget(self.rooms_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(rooms_box)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rule_label)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self._ids: list[int] = []

    def refresh(self) -> None:
        service = self.page.visits.activities
        visits = service.policies.load().visits
        self.rule_label.setText(
            self.tr(
                "活动、刊物结束后 {0} 天内回访参与户的 {1}%,由社区文化文员回访;随机抽取,每户的抽样说明可查。"
            ).format(visits.activity_days, round(float(visits.activity_rate) * 100))
        )
        selected = self.selected_id()
        rows = service.activities()
        self._ids = [r.id for r in rows]
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            values = [
                r.title,
                term(r.kind),
                r.held_on.isoformat(),
                r.organiser,
                str(r.rooms),
                str(r.drawn) if r.planned else self.tr("未抽取"),
                str(r.visited) if r.planned else "",
                r.due.isoformat() if r.due else "",
            ]
            for col, value in enumerate(values):
                self.table.setItem(i, col, QTableWidgetItem(value))
        if selected in self._ids:
            self.table.selectRow(self._ids.index(selected))
        elif rows:
            self.table.selectRow(0)
        self.show_rooms()

    def selected_id(self) -> int | None:
        row = self.table.currentRow()
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def show_rooms(self) -> None:
        activity_id = self.selected_id()
        service = self.page.visits.activities
        activity = service.activity(activity_id) if activity_id is not None else None
        members = service.rooms_of(activity) if activity is not None else []
        self.rooms_table.setRowCount(len(members))
        for i, m in enumerate(members):
            chosen = {None: self.tr("未抽取"), True: self.tr("抽中"), False: self.tr("未抽中")}[m.selected]
            items = [
                QTableWidgetItem(m.room.label),
                QTableWidgetItem(chosen),
                QTableWidgetItem(shown_activity_reason(m.reason)),
            ]
            if m.selected:
                items[1].setForeground(QBrush(qcolor(OK)))
            for col, item in enumerate(items):
                self.rooms_table.setItem(i, col, item)
        self.plan_button.setEnabled(
            activity is not None and activity.planned_at is None and can(self.page.actor, "activity.manage")
        )

    def new_activity(self) -> NewActivityDialog:
        dialog = NewActivityDialog(self.page, self)
        dialog.accepted.connect(self._created)
        self.page.show_dialog(dialog)
        return dialog

    def _created(self) -> None:
        self.page.banner.show_message(self.tr("活动已登记。举办后选中它,点“抽取回访”。"), "success")
        self.refresh()

    def plan_visits(self) -> None:
        activity_id = self.selected_id()
        service = self.page.visits.activities
        activity = service.activity(activity_id) if activity_id is not None else None
        if activity is None:
            self.page.banner.show_message(self.tr("请先在表中选一项活动。"), "warn")
            return
        try:
            visits = service.plan_visits(activity, self.page.actor)
        except ValidationError as exc:
            self.page.banner.show_message(self.tr("；").join(exc.problems.values()), "error")
            return
        except UserError as exc:
            self.page.banner.show_message(str(exc), "error")
            return
        self.page.banner.show_message(
            self.tr("已抽取 {0} 户回访,{1} 前由社区文化文员回访。").format(
                len(visits), service.due_of(activity).isoformat()
            ),
            "success",
        )
        self.refresh()
        self.page.open_tab.refresh()
