"""节假日: the holiday table for one year (entries change at once, open cases' deadlines are
recomputed and the tab says how many moved); the notice dialog loads a whole year."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.holidays import COMMON_NAMES, LATEST_YEAR, HolidayService, weekday_label
from app.i18n import term
from ui.i18n import QT_TR_NOOP
from ui.palette import MUTED_TEXT, qcolor
from ui.settings.common import hint_label
from ui.settings.notice import NoticeDialog
from ui.widgets import Banner, ErrorLabel, add_words, from_qdate, select_word, stored_word, to_qdate


class HolidaysPage(QWidget):
    """The holiday table for one year; entries change at once."""

    COLUMNS = (QT_TR_NOOP("日期"), QT_TR_NOOP("星期"), QT_TR_NOOP("类型"), QT_TR_NOOP("名称"))

    def __init__(self, holidays: HolidayService, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.holidays = holidays
        self.year = QSpinBox()
        self.year.setRange(2000, LATEST_YEAR)
        self.year.setSuffix(self.tr(" 年"))
        self.year.setValue(year)
        self.status = Banner("info")
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.first = QDateEdit()
        self.last = QDateEdit()
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(year, 1, 1))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("放假"), False)
        self.kind.addItem(self.tr("调休上班"), True)
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        add_words(self.name, COMMON_NAMES)  # 春节…: shown in the chosen language, stored as the word
        self.name.setCurrentIndex(-1)
        name_edit = self.name.lineEdit()
        assert name_edit is not None  # the combo box is editable
        name_edit.setMaxLength(20)
        name_edit.setPlaceholderText(self.tr("如 春节"))
        self.name.setMinimumWidth(130)
        self.save_button = QPushButton(self.tr("保存到节假日表"))
        self.remove_button = QPushButton(self.tr("删除所选日期"))
        self.notice_button = QPushButton(self.tr("载入国务院通知…"))
        self.official_check = QCheckBox(self.tr("本年安排已按国务院通知录入完毕"))
        self.recomputed_note = Banner("info")
        self.errors = {"日期": ErrorLabel(), "结束日期": ErrorLabel(), "名称": ErrorLabel()}

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年份")))
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(self.official_check)
        top.addWidget(self.notice_button)

        form = QGroupBox(self.tr("录入或修改"))
        grid = QGridLayout(form)
        grid.addWidget(QLabel(self.tr("从")), 0, 0)
        grid.addWidget(self.first, 0, 1)
        grid.addWidget(QLabel(self.tr("到")), 0, 2)
        grid.addWidget(self.last, 0, 3)
        grid.addWidget(QLabel(self.tr("类型")), 1, 0)
        grid.addWidget(self.kind, 1, 1)
        grid.addWidget(QLabel(self.tr("名称")), 1, 2)
        grid.addWidget(self.name, 1, 3)
        errors = QVBoxLayout()
        for label in self.errors.values():
            errors.addWidget(label)
        grid.addLayout(errors, 2, 0, 1, 5)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        grid.addLayout(buttons, 3, 0, 1, 5)
        grid.setColumnStretch(4, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.recomputed_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(form)
        layout.addWidget(
            hint_label(
                self.tr(
                    "此页的修改立即生效。这里录入的日期优先于内置的国务院安排;"
                    "一次可录入连续几天(如春节假期)。“调休上班”用于须上班的周末。"
                )
            )
        )

        self.year.valueChanged.connect(self._year_changed)
        self.first.dateChanged.connect(self._first_changed)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self.remove)
        self.notice_button.clicked.connect(self.open_notice)
        self.official_check.toggled.connect(self._official_toggled)
        self.table.itemSelectionChanged.connect(self._selected)
        self.refresh()

    def _year_changed(self, year: int) -> None:
        if self.first.date().year() != year:
            self.first.setDate(QDate(year, 1, 1))
        self.refresh()

    def _first_changed(self, day: QDate) -> None:
        if self.last.date() < day or self.last.date().year() != day.year():
            self.last.setDate(day)

    def refresh(self, select: dt.date | None = None) -> None:
        year = self.year.value()
        known = self.holidays.package_knows(year)
        provisional = self.holidays.is_provisional(year)
        if known:
            text = self.tr("内置日历已包含 %1 年国务院放假安排;本处另有安排时才需在此录入。")
            self.status.show_message(text.replace("%1", str(year)), "info")
        elif provisional:
            text = self.tr(
                "%1 年国务院放假安排尚未录入:暂按法定节日推算(表中“暂定”各行),调休上班日未知。"
                "安排公布后请点“载入国务院通知…”粘贴通知全文,或逐日录入后勾选“本年安排已按国务院通知录入完毕”。"
            )
            self.status.show_message(text.replace("%1", str(year)), "warn")
        else:
            text = self.tr("%1 年的安排已按国务院通知录入;未录入的日子按周一至周五上班计算。")
            self.status.show_message(text.replace("%1", str(year)), "info")
        self.official_check.setVisible(not known)
        self.notice_button.setVisible(not known)
        self.official_check.blockSignals(True)
        self.official_check.setChecked(not known and not provisional)
        self.official_check.blockSignals(False)
        rows: list[tuple[dt.date, str, str, bool]] = [
            (e.day, self.tr("调休上班") if e.workday else self.tr("放假"), term(e.name), True)
            for e in self.holidays.entries(year)
        ]
        rows += [
            (day, self.tr("放假(暂定)"), term(name), False)
            for day, name in self.holidays.provisional_days(year).items()
        ]
        rows.sort()
        self.table.setRowCount(len(rows))
        grey = qcolor(MUTED_TEXT)
        for row, (day, kind, name, entered) in enumerate(rows):
            cells = (f"{day:%Y-%m-%d}", weekday_label(day), kind, name)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, day.isoformat() if entered else None)
                if not entered:
                    item.setForeground(grey)
                    item.setToolTip(self.tr("按法定节日推算,尚未按国务院通知确认"))
                self.table.setItem(row, col, item)
            if day == select:
                self.table.selectRow(row)
        self.remove_button.setEnabled(self.selected_day() is not None)

    def selected_day(self) -> dt.date | None:
        items = self.table.selectedItems()
        value = items[0].data(Qt.ItemDataRole.UserRole) if items else None
        return dt.date.fromisoformat(value) if value else None  # a provisional row is no entry

    def _selected(self) -> None:
        day = self.selected_day()
        self.remove_button.setEnabled(day is not None)
        entry = self.holidays.get(day) if day else None
        if entry is None:
            return
        self.first.setDate(to_qdate(entry.day))
        self.last.setDate(to_qdate(entry.day))
        self.kind.setCurrentIndex(self.kind.findData(entry.workday))
        select_word(self.name, entry.name, typed=True)

    def save(self) -> None:
        first, last = from_qdate(self.first.date()), from_qdate(self.last.date())
        try:
            self.holidays.save_range(first, last, bool(self.kind.currentData()), stored_word(self.name))
        except ValidationError as exc:
            for key, label in self.errors.items():
                label.set_error(f"{self.tr(key)}:{exc.problems[key]}" if key in exc.problems else None)
            return
        for label in self.errors.values():
            label.set_error(None)
        if first.year != self.year.value():
            self.year.setValue(first.year)
        self.refresh(select=first)
        self.show_recomputed()

    def remove(self) -> None:
        day = self.selected_day()
        if day is not None:
            self.holidays.remove(day)
            self.refresh()
            self.show_recomputed()

    def _official_toggled(self, on: bool) -> None:
        self.holidays.set_official(self.year.value(), on)
        self.refresh()
        self.show_recomputed()

    def open_notice(self) -> NoticeDialog:
        dialog = NoticeDialog(self.holidays, self.year.value(), self)
        dialog.accepted.connect(self._notice_loaded)
        dialog.finished.connect(dialog.deleteLater)
        self.notice_dialog = dialog
        dialog.open()
        return dialog

    def _notice_loaded(self) -> None:
        self.refresh()
        self.show_recomputed()

    def show_recomputed(self) -> None:
        """Says how many open cases' deadlines the last change moved (each has a timeline line)."""
        moved = self.holidays.recomputed
        if moved:
            numbers = "、".join(c.number for c in moved[:5]) + ("…" if len(moved) > 5 else "")
            self.recomputed_note.show_message(
                self.tr("已按新的节假日重算 {0} 件未结案件的期限({1}),每件的时间线上写明了原因。").format(
                    len(moved), numbers
                )
            )
        else:
            self.recomputed_note.show_message(self.tr("未结案件的期限不受这次修改影响。"))
