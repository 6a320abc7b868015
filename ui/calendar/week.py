"""The week: seven columns, one list of visits a day, with the day as a button on top."""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QListView, QPushButton, QVBoxLayout, QWidget

from app.visits import VisitRow
from ui.calendar.model import EnterActivates, VisitListModel
from ui.i18n import weekday
from ui.palette import HEADER_BG, INFO_BORDER, LINE, LINK_BLUE, SELECTED_BG


class WeekView(QWidget):
    day_selected = Signal(object)  # dt.date
    visit_selected = Signal(object)  # visit id or None
    visit_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.headers: list[QPushButton] = []
        self.models: list[VisitListModel] = []
        self.lists: list[QListView] = []
        self.days: list[dt.date] = []
        for col in range(7):
            column = QVBoxLayout()
            column.setSpacing(2)
            header = QPushButton()
            header.setCheckable(True)
            header.setAutoExclusive(False)
            header.setMinimumHeight(44)
            header.clicked.connect(lambda _=False, c=col: self.day_selected.emit(self.days[c]))
            model = VisitListModel(("compact",), self)
            view = QListView()
            view.setModel(model)
            view.setWordWrap(True)
            view.setSpacing(2)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setDragEnabled(True)
            view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
            view.setDefaultDropAction(Qt.DropAction.CopyAction)
            view.setMinimumWidth(60)
            view.selectionModel().currentChanged.connect(
                lambda current, _prev, c=col: self._current_changed(c, current)
            )
            EnterActivates(view, partial(self._activate, model))
            column.addWidget(header)
            column.addWidget(view, 1)
            layout.addLayout(column, 1)
            self.headers.append(header)
            self.models.append(model)
            self.lists.append(view)

    def set_data(
        self, days: list[dt.date], rows: list[list[VisitRow]], today: dt.date, selected: dt.date
    ) -> None:
        self.days = days
        for day, header, model, day_rows in zip(days, self.headers, self.models, rows, strict=True):
            header.setText(
                self.tr("周{0}").format(weekday(day))
                + (self.tr(" · 今天") if day == today else "")
                + "\n"
                + self.tr("{0}月{1}日 · {2}件").format(day.month, day.day, len(day_rows))
            )
            header.setChecked(day == selected)
            header.setStyleSheet(
                f"QPushButton {{ text-align: center; padding: 2px; border: 1px solid {LINE}; border-radius: 3px;"
                f" background: {HEADER_BG}; }}"
                f" QPushButton:checked {{ background: {SELECTED_BG}; border-color: {INFO_BORDER}; }}"
                + (
                    f" QPushButton {{ color: {LINK_BLUE}; font-weight: bold; border: 2px solid {LINK_BLUE}; }}"
                    if day == today
                    else ""
                )
            )
            model.set_rows(day_rows)

    def set_selected(self, day: dt.date) -> None:
        for shown, header in zip(self.days, self.headers, strict=True):
            header.setChecked(shown == day)

    def _current_changed(self, col: int, current: QModelIndex) -> None:
        if current.isValid():
            self.day_selected.emit(self.days[col])
            self.visit_selected.emit(self.models[col].visit_id(current))

    def _activate(self, model: VisitListModel, index: QModelIndex) -> None:
        visit_id = model.visit_id(index)
        if visit_id is not None:
            self.visit_activated.emit(visit_id)
