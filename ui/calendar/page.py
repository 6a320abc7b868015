"""The calendar page: month, week or day, filters, the chosen day's list and today's list per
visitor beside it, and the bar to open or move the selected visit.

It reads everything through `VisitService` (counts, rows, day marks) and moves a visit with
`VisitService.reschedule`, which asks why and writes it to the case.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.calendar_days import add_months, month_grid_days, month_start, week_days, week_start
from app.clock import Clock
from app.errors import UserError
from app.i18n import term
from app.staff import StaffService
from app.visits import CALENDAR_STATES, OVERDUE, VisitFilter, VisitRow, VisitService
from ui.calendar.colours import state_colours
from ui.calendar.dialogs import RescheduleDialog
from ui.calendar.filters import FilterBar
from ui.calendar.model import EnterActivates, VisitListModel, make_visit_table
from ui.calendar.month import MonthGrid
from ui.calendar.today import TodayList
from ui.calendar.week import WeekView
from ui.i18n import weekday
from ui.palette import ACCENT, MUTED_TEXT, PAPER, STRONG_LINE
from ui.widgets import Banner

if TYPE_CHECKING:
    from app.models import Staff


class VisitCalendarPage(QWidget):
    visit_activated = Signal(int)  # the visit's id: the main window opens its record

    MONTH, WEEK, DAY = range(3)
    DAY_COLUMNS = ("state", "due", "room", "case", "kind", "visitor", "role", "attempt", "reason")
    SIDE_COLUMNS = ("state", "card")  # the side panel is narrow: one three-line entry a visit

    def __init__(
        self,
        visits: VisitService,
        staff: StaffService,
        clock: Clock,
        parent: QWidget | None = None,
        actor: Staff | None = None,
    ) -> None:
        super().__init__(parent)
        self.visits = visits
        self.staff = staff
        self.clock = clock
        self.actor = actor
        self.mode = self.MONTH
        self.selected = clock.now().date()
        self.selected_visit: int | None = None
        self.reschedule_dialog: RescheduleDialog | None = None
        self._today_dirty = True
        self._marks_for: tuple[dt.date, dt.date] | None = None
        self._marks: dict[dt.date, str] = {}

        # Row 1: the view switch, the period, the title
        self.mode_buttons = QButtonGroup(self)
        switch = QHBoxLayout()
        switch.setSpacing(0)
        for mode, label in (
            (self.MONTH, self.tr("月")),
            (self.WEEK, self.tr("周")),
            (self.DAY, self.tr("日")),
        ):
            button = QPushButton(label)
            button.setCheckable(True)
            button.setMinimumWidth(44)
            button.setObjectName("segment")
            self.mode_buttons.addButton(button, mode)
            switch.addWidget(button)
        self.mode_buttons.button(self.MONTH).setChecked(True)
        self.mode_buttons.idClicked.connect(self.set_mode)
        self.prev_button = QPushButton(self.tr("‹ 上一月"))
        self.today_button = QPushButton(self.tr("今天"))
        self.next_button = QPushButton(self.tr("下一月 ›"))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        self.title = QLabel()
        title_font = QFont(self.font())
        title_font.setPointSizeF(self.font().pointSizeF() + 5)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.legend = QLabel(self._legend_html())
        row1 = QHBoxLayout()
        row1.addLayout(switch)
        row1.addSpacing(12)
        row1.addWidget(self.prev_button)
        row1.addWidget(self.today_button)
        row1.addWidget(self.next_button)
        row1.addSpacing(16)
        row1.addWidget(self.title)
        row1.addStretch(1)
        row1.addWidget(self.legend)

        # Row 2: filters
        self.filters = FilterBar()
        self.filters.changed.connect(self.refresh)

        self.banner = Banner("info")

        # The views
        self.month_view = MonthGrid()
        self.month_view.day_selected.connect(self.select_day)
        self.month_view.day_opened.connect(self.open_day)
        self.month_view.visit_dropped.connect(self.ask_reschedule)
        self.week_view = WeekView()
        self.week_view.day_selected.connect(self.select_day)
        self.week_view.visit_selected.connect(self._set_selected_visit)
        self.week_view.visit_activated.connect(self.visit_activated)
        self.day_model = VisitListModel(self.DAY_COLUMNS, self)
        self.day_table = make_visit_table(self.day_model)
        self.day_table.setAccessibleName(self.tr("当日回访"))
        self._hook_table(self.day_table, self.day_model)
        self.views = QStackedWidget()
        self.views.addWidget(self.month_view)
        self.views.addWidget(self.week_view)
        self.views.addWidget(self.day_table)

        # The side panel: the chosen day, today per visitor
        self.side_title = QLabel()
        self.side_title.setWordWrap(True)
        self.side_hint = QLabel(self.tr("双击打开回访记录;把“计划”中的回访拖到月历的某一天可改期。"))
        self.side_hint.setWordWrap(True)
        self.side_hint.setStyleSheet(f"color: {MUTED_TEXT};")
        self.side_model = VisitListModel(self.SIDE_COLUMNS, self)
        self.side_table = make_visit_table(self.side_model)
        self.side_table.verticalHeader().setDefaultSectionSize(
            self.side_table.fontMetrics().lineSpacing() * 3 + 10
        )
        self._hook_table(self.side_table, self.side_model)
        day_tab = QWidget()
        day_layout = QVBoxLayout(day_tab)
        day_layout.setContentsMargins(6, 6, 6, 6)
        day_layout.addWidget(self.side_title)
        day_layout.addWidget(self.side_table, 1)
        day_layout.addWidget(self.side_hint)
        self.today_list = TodayList()
        self.today_list.visit_selected.connect(self._set_selected_visit)
        self.today_list.visit_activated.connect(self.visit_activated)
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(day_tab, self.tr("所选日"))
        self.side_tabs.addTab(self.today_list, self.tr("今日回访"))
        self.side_tabs.currentChanged.connect(self._side_tab_changed)

        # The bottom bar: what is selected and what can be done with it
        self.selection_label = QLabel(self.tr("未选回访"))
        self.reschedule_button = QPushButton(self.tr("改期…"))
        self.reschedule_button.clicked.connect(self.reschedule_selected)
        self.open_button = QPushButton(self.tr("打开回访记录"))
        self.open_button.clicked.connect(self._open_selected)
        bottom = QHBoxLayout()
        bottom.addWidget(self.selection_label, 1)
        bottom.addWidget(self.reschedule_button)
        bottom.addWidget(self.open_button)

        splitter = QSplitter()
        splitter.addWidget(self.views)
        splitter.addWidget(self.side_tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([800, 420])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(row1)
        layout.addWidget(self.filters)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.setStyleSheet(
            f"QPushButton#segment {{ padding: 4px 12px; border: 1px solid {STRONG_LINE}; background: {PAPER}; }}"
            f" QPushButton#segment:checked {{ background: {ACCENT}; color: {PAPER}; border-color: {ACCENT}; }}"
        )
        self.refresh()

    # Filters ---------------------------------------------------------------------------------
    def visit_filter(self) -> VisitFilter:
        return self.filters.visit_filter()

    # Navigation ------------------------------------------------------------------------------
    def today(self) -> dt.date:
        return self.clock.now().date()

    def set_mode(self, mode: int) -> None:
        self.mode = mode
        self.mode_buttons.button(mode).setChecked(True)
        self.views.setCurrentIndex(mode)
        # The day view shows the chosen day itself; the side panel then shows today's lists.
        self.side_tabs.setTabVisible(0, mode != self.DAY)
        unit = {self.MONTH: self.tr("月"), self.WEEK: self.tr("周"), self.DAY: self.tr("日")}[mode]
        self.prev_button.setText(self.tr("‹ 上一{0}").format(unit))
        self.next_button.setText(self.tr("下一{0} ›").format(unit))
        self.refresh()

    def step(self, direction: int) -> None:
        if self.mode == self.MONTH:
            self.selected = add_months(self.selected, direction)
        elif self.mode == self.WEEK:
            self.selected += dt.timedelta(days=7 * direction)
        else:
            self.selected += dt.timedelta(days=direction)
        self.refresh()

    def go_today(self) -> None:
        self.selected = self.today()
        self.refresh()

    def select_day(self, day: dt.date) -> None:
        """Choose a day: its list shows beside; the month or week reloads only when left."""
        same_period = (self.mode == self.MONTH and month_start(day) == month_start(self.selected)) or (
            self.mode == self.WEEK and week_start(day) == week_start(self.selected)
        )
        self.selected = day
        if self.mode != self.DAY:
            self.side_tabs.setCurrentIndex(0)
        if not same_period:
            self.refresh()
            return
        if self.mode == self.MONTH:
            self.month_view.selected = day
            self.month_view.update()
        else:
            self.week_view.set_selected(day)
        self._load_side(self.visit_filter(), self.today())

    def open_day(self, day: dt.date) -> None:
        self.selected = day
        self.set_mode(self.DAY)

    # Loading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload what is on screen from the database (the hidden views load when shown)."""
        self.filters.load_choices(self.staff.staff(), self.visits.buildings())
        f = self.visit_filter()
        today = self.today()
        self.title.setText(self._title(today))
        if self.mode == self.MONTH:
            days = month_grid_days(month_start(self.selected))
            counts = self.visits.day_counts(days[0], days[-1], f)
            self.month_view.set_data(self.selected, today, self.selected, counts, self._holiday_marks(days))
        elif self.mode == self.WEEK:
            days = week_days(self.selected)
            rows = [self.visits.own_day_rows(day, f) for day in days]
            self.week_view.set_data(days, rows, today, self.selected)
        if self.mode == self.DAY:
            self.day_model.set_rows(self.visits.day_rows(self.selected, f))
            self.side_tabs.setCurrentIndex(1)
        else:
            self._load_side(f, today)
        self._today_dirty = True
        if self.side_tabs.currentIndex() == 1:
            self._load_today()
        self._set_selected_visit(self.selected_visit)

    def _load_side(self, f: VisitFilter, today: dt.date) -> None:
        rows = self.visits.day_rows(self.selected, f)
        self.side_model.set_rows(rows)
        self.side_title.setText(self._side_title(rows, today))

    def _holiday_marks(self, days: list[dt.date]) -> dict[dt.date, str]:
        span = (days[0], days[-1])
        if self._marks_for != span:
            self._marks, self._marks_for = self.visits.day_marks(days), span
        return self._marks

    def _title(self, today: dt.date) -> str:
        d = self.selected
        if self.mode == self.MONTH:
            return self.tr("{0}年{1}月").format(d.year, d.month)
        if self.mode == self.WEEK:
            start = week_start(d)
            end = start + dt.timedelta(days=6)
            return self.tr("{0}年{1}月{2}日 – {3}月{4}日").format(
                start.year, start.month, start.day, end.month, end.day
            )
        suffix = self.tr(" · 今天") if d == today else ""
        return self.tr("{0}年{1}月{2}日 周{3}").format(d.year, d.month, d.day, weekday(d)) + suffix

    def _side_title(self, rows: list[VisitRow], today: dt.date) -> str:
        d = self.selected
        head = self.tr("{0}月{1}日 周{2}:{3} 件").format(d.month, d.day, weekday(d), len(rows))
        overdue = sum(1 for r in rows if r.state == OVERDUE)
        if d == today and overdue:
            head += self.tr(",其中逾期 {0} 件排在最前").format(overdue)
        return head

    def _load_today(self) -> None:
        self._today_dirty = False
        self.today_list.set_groups(self.visits.today_rows_by_visitor(self.visit_filter()))

    def _side_tab_changed(self, index: int) -> None:
        if index == 1 and self._today_dirty:
            self._load_today()

    # Selecting and opening visits ------------------------------------------------------------
    def _hook_table(self, view: QTableView, model: VisitListModel) -> None:
        view.selectionModel().currentChanged.connect(
            lambda current, _prev: self._set_selected_visit(model.visit_id(current))
        )
        EnterActivates(view, lambda index: self._emit_activated(model.visit_id(index)))

    def _emit_activated(self, visit_id: int | None) -> None:
        if visit_id is not None:
            self.visit_activated.emit(visit_id)

    def _set_selected_visit(self, visit_id: int | None) -> None:
        row = self.visits.row(visit_id) if visit_id is not None else None
        self.selected_visit = row.id if row else None
        self.open_button.setEnabled(row is not None)
        self.reschedule_button.setEnabled(row is not None and row.planned)
        if row is None:
            self.selection_label.setText(self.tr("未选回访。选中一条可改期或打开记录。"))
            return
        self.selection_label.setText(self.tr("已选:{0}").format(self._summary(row)))

    def _summary(self, row: VisitRow) -> str:
        who = row.visitor or self.tr("未指定")
        return " ".join(
            p
            for p in (row.room, term(row.case), who, term(row.state), self.tr("应访 {0}").format(row.due))
            if p
        )

    def _open_selected(self) -> None:
        if self.selected_visit is not None:
            self.visit_activated.emit(self.selected_visit)

    # Rescheduling ----------------------------------------------------------------------------
    def reschedule_selected(self) -> None:
        row = self.visits.row(self.selected_visit) if self.selected_visit is not None else None
        if row is not None:
            self.ask_reschedule(row.id, max(self.today(), row.due + dt.timedelta(days=1)))

    def ask_reschedule(self, visit_id: int, day: dt.date) -> RescheduleDialog | None:
        """Ask why, then move the visit (from a drop on the month or from 改期…)."""
        row = self.visits.row(visit_id)
        if row is None:
            self.banner.show_message(self.tr("这条回访已不存在,请刷新。"), "error")
            return None
        if not row.planned:
            self.banner.show_message(self.tr("这次回访已是“{0}”,不能改期。").format(term(row.state)), "error")
            return None
        dialog = RescheduleDialog(
            self._summary(row),
            row.due,
            day,
            min(self.today(), row.due),
            lambda new_day, reason: self._reschedule(visit_id, new_day, reason),
            self,
        )
        dialog.finished.connect(self._dialog_finished)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.reschedule_dialog = dialog
        dialog.open()
        return dialog

    def _dialog_finished(self, _result: int) -> None:
        self.reschedule_dialog = None

    def _reschedule(self, visit_id: int, day: dt.date, reason: str) -> None:
        visit = self.visits.visit(visit_id)
        if visit is None:
            raise UserError(self.tr("这条回访已不存在"))
        old = visit.due
        self.visits.reschedule(visit, day, reason, actor=self.actor)
        self.banner.show_message(self.tr("已改期:{0} → {1}").format(old, day), "success")
        self.refresh()

    def _legend_html(self) -> str:
        parts = []
        for state in CALENDAR_STATES:
            bg, fg = state_colours(state)
            parts.append(f'<span style="background:{bg}; color:{fg};">&nbsp;{term(state)}&nbsp;</span>')
        return "&nbsp;".join(parts)
