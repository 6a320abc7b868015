"""设置: the office's house rules (期限、类别、渠道), its departments and its holiday table.

The 期限/类别/渠道 tabs edit a copy of the policy and are stored together by 保存, which
checks them first (`Policy.validate`); on a refusal the dialog stays open with every
value as typed. Departments and holidays are tables of their own and change at once.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QDate, Qt
from PySide6.QtGui import QColor, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain import ROLES, SEVERITIES
from app.errors import ValidationError
from app.holidays import COMMON_NAMES, LATEST_YEAR, HolidayService, parse_notice, weekday_label
from app.models import Department
from app.policy import RESPONSE_UNITS, UNITS, Policy, PolicyStore
from app.staff import StaffService
from app.validation import clean_text
from ui.i18n import LANGUAGES, deadline_lines, read_language, write_language
from ui.widgets import Banner, ErrorLabel

HINT_STYLE = "color: #555;"


def hint_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(HINT_STYLE)
    label.setWordWrap(True)
    return label


# 期限 -------------------------------------------------------------------------------------


class DeadlinesPage(QWidget):
    """Resolve days, first response, major complaints, reminders, number prefix, approvers."""

    def __init__(self, policy: Policy, holidays: HolidayService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.holidays = holidays
        self.errors: dict[str, QLabel] = {}
        self._base = policy.data
        data = policy.data

        # 办结时限
        self.day_unit = QComboBox()
        for key, label in UNITS.items():
            self.day_unit.addItem(self.tr(label), key)
        self.resolve_days: dict[str, QSpinBox] = {}
        self._resolve_units: list[QLabel] = []
        resolve = QGroupBox(self.tr("办结时限(按程度)"))
        grid = self._grid(resolve)
        self._row(grid, 0, self.tr("期限计法"), self.day_unit, None, "期限计法")
        for n, sev in enumerate(SEVERITIES, start=1):
            spin = self._spin(1, 365, data["resolve_days"].get(sev, 1))
            unit = QLabel()
            self._resolve_units.append(unit)
            self.resolve_days[sev] = spin
            self._row(grid, n, self.tr(sev), spin, unit, f"{sev}办结时限")  # data: the field key

        # 首次回复
        first = QGroupBox(self.tr("首次回复客户"))
        grid = self._grid(first)
        self.response_amount = self._spin(1, 720, data["first_response"]["amount"])
        self.response_unit = QComboBox()
        for key, label in RESPONSE_UNITS.items():
            self.response_unit.addItem(self.tr(label), key)
        self._row(grid, 0, self.tr("受理后"), self.response_amount, self.response_unit, "首次回复时限")
        grid.addWidget(hint_label(self.tr("解决不了的,也须在此时限内给客户初步方案。")), 1, 1, 1, 3)

        # 重大投诉
        major = QGroupBox(self.tr("重大投诉"))
        grid = self._grid(major)
        self.major_answer = self._spin(1, 60, data["major_answer_days"])
        self._answer_unit = QLabel()
        self.major_report = self._spin(1, 30, data["major_report_workdays"])
        self._row(grid, 0, self.tr("明确答复"), self.major_answer, self._answer_unit, "重大投诉答复时限")
        self._row(
            grid,
            1,
            self.tr("上报品质部/总经理"),
            self.major_report,
            QLabel(self.tr("个工作日内")),
            "重大投诉报告时限",
        )

        # 提醒与编号
        misc = QGroupBox(self.tr("提醒与编号"))
        grid = self._grid(misc)
        self.nearly_due = self._spin(1, 720, data["nearly_due_hours"])
        self.duplicate_days = self._spin(1, 365, data["duplicate_window_days"])
        self.prefix = QLineEdit(str(data["case_prefix"]))
        self.prefix.setValidator(QRegularExpressionValidator(r"[A-Za-z0-9]{0,8}", self.prefix))
        self.prefix.setMaximumWidth(90)
        self._row(grid, 0, self.tr("临期提醒"), self.nearly_due, QLabel(self.tr("小时前")), "临期提醒")
        self._row(
            grid, 1, self.tr("重复投诉判断"), self.duplicate_days, QLabel(self.tr("天内")), "重复投诉判断天数"
        )
        self._row(grid, 2, self.tr("案件编号前缀"), self.prefix, None, "编号前缀")
        grid.addWidget(hint_label(self.tr("字母或数字,案件编号形如 TS-2026-00042")), 3, 1, 1, 3)

        # 超时审批
        approvers = QGroupBox(self.tr("超时审批人(按程度)"))
        grid = self._grid(approvers)
        self.approver: dict[str, QComboBox] = {}
        for n, sev in enumerate(SEVERITIES):
            combo = QComboBox()
            for key, label in ROLES.items():
                combo.addItem(self.tr(label), key)
            combo.setCurrentIndex(
                max(0, combo.findData(data["extension_approver"].get(sev, "office_manager")))
            )
            self.approver[sev] = combo
            self._row(grid, n, self.tr(sev), combo, None, None)

        self.preview = hint_label("")
        self.preview.setTextFormat(Qt.TextFormat.PlainText)

        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        for box in (resolve, first):
            left.addWidget(box)
        left.addStretch(1)
        for box in (major, misc, approvers):
            right.addWidget(box)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        preview_box = QGroupBox(self.tr("按现设置:此刻受理的投诉"))
        QVBoxLayout(preview_box).addWidget(self.preview)
        layout.addWidget(preview_box)

        self.day_unit.setCurrentIndex(max(0, self.day_unit.findData(data["day_unit"])))
        self.response_unit.setCurrentIndex(
            max(0, self.response_unit.findData(data["first_response"]["unit"]))
        )
        for widget in (self.day_unit, self.response_unit):
            widget.currentIndexChanged.connect(self._changed)
        for spin in (self.response_amount, self.major_answer, self.major_report, *self.resolve_days.values()):
            spin.valueChanged.connect(self._changed)
        self._changed()

    # layout helpers
    def _grid(self, box: QGroupBox) -> QGridLayout:
        grid = QGridLayout(box)
        grid.setColumnStretch(3, 1)
        grid.setHorizontalSpacing(8)
        return grid

    def _spin(self, low: int, high: int, value: object) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(max(low, min(high, int(float(str(value))))))
        spin.setMinimumWidth(70)
        return spin

    def _row(
        self, grid: QGridLayout, row: int, label: str, field: QWidget, after: QWidget | None, key: str | None
    ) -> None:
        grid.addWidget(QLabel(label), row, 0)
        grid.addWidget(field, row, 1)
        if after is not None:
            grid.addWidget(after, row, 2)
        if key:
            err = ErrorLabel()
            self.errors[key] = err
            grid.addWidget(err, row, 3)

    # values
    def _changed(self) -> None:
        working = self.day_unit.currentData() == "working"
        unit = self.tr("个工作日内") if working else self.tr("天内(自然日)")
        for label in (*self._resolve_units, self._answer_unit):
            label.setText(unit)
        self._update_preview()

    def _update_preview(self) -> None:
        data = dict(self._base)
        self.store_into(data)
        now = dt.datetime.now().replace(second=0, microsecond=0)
        try:
            calendar = self.holidays.calendar()
            lines = []
            for sev in SEVERITIES:
                due = Policy(data).deadlines(now, "投诉", sev, calendar)
                lines.append(f"{sev}:" + ";".join(deadline_lines(due)))
        except (ValueError, KeyError):
            self.preview.setText("")
            return
        self.preview.setText(self.tr("受理时间 %1\n").replace("%1", f"{now:%m-%d %H:%M}") + "\n".join(lines))

    def store_into(self, data: dict) -> None:
        data["day_unit"] = self.day_unit.currentData()
        data["resolve_days"] = {sev: spin.value() for sev, spin in self.resolve_days.items()}
        data["first_response"] = {
            "amount": self.response_amount.value(),
            "unit": self.response_unit.currentData(),
        }
        data["major_answer_days"] = self.major_answer.value()
        data["major_report_workdays"] = self.major_report.value()
        data["nearly_due_hours"] = self.nearly_due.value()
        data["duplicate_window_days"] = self.duplicate_days.value()
        data["case_prefix"] = self.prefix.text().strip().upper()
        data["extension_approver"] = {sev: combo.currentData() for sev, combo in self.approver.items()}

    def show_problems(self, problems: dict[str, str]) -> bool:
        for key, label in self.errors.items():
            label.set_error(problems.get(key))
        return any(key in problems for key in self.errors)


# 类别 / 渠道 -------------------------------------------------------------------------------


class ListPage(QWidget):
    """An ordered list of names: add, rename, remove, move up and down."""

    def __init__(
        self, noun: str, items: list[str], max_length: int, hint: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.noun = noun
        self.max_length = max_length
        self.list = QListWidget()
        self.list.addItems(items)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.name = QLineEdit()
        self.name.setMaxLength(max_length)
        self.name.setPlaceholderText(self.tr("输入%1名称").replace("%1", noun))
        self.add_button = QPushButton(self.tr("添加"))
        self.rename_button = QPushButton(self.tr("改名为"))
        self.remove_button = QPushButton(self.tr("删除"))
        self.up_button = QPushButton(self.tr("上移"))
        self.down_button = QPushButton(self.tr("下移"))
        self.error = ErrorLabel()

        entry = QHBoxLayout()
        entry.addWidget(self.name, 1)
        entry.addWidget(self.add_button)
        entry.addWidget(self.rename_button)
        side = QVBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            side.addWidget(button)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(entry)
        layout.addWidget(self.error)
        layout.addWidget(hint_label(hint))

        self.add_button.clicked.connect(self.add)
        self.name.returnPressed.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.remove_button.clicked.connect(self.remove)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.list.currentRowChanged.connect(self._selected)
        self._selected(-1)

    def values(self) -> list[str]:
        return [self.list.item(n).text() for n in range(self.list.count())]

    def _selected(self, row: int) -> None:
        has = row >= 0
        for button in (self.rename_button, self.remove_button, self.up_button, self.down_button):
            button.setEnabled(has)
        if has:
            self.name.setText(self.list.item(row).text())

    def _checked_name(self, ignore_row: int = -1) -> str | None:
        name = clean_text(self.name.text())
        reason = None
        if not name:
            reason = self.tr("%1名称不能为空").replace("%1", self.noun)
        elif len(name) > self.max_length:
            reason = self.tr("%1名称最多 %2 字").replace("%1", self.noun).replace("%2", str(self.max_length))
        elif any(v == name for n, v in enumerate(self.values()) if n != ignore_row):
            reason = self.tr("已有“%1”").replace("%1", name)
        self.error.set_error(reason)
        return None if reason else name

    def add(self) -> None:
        name = self._checked_name()
        if name is None:
            return
        self.list.addItem(name)
        self.list.setCurrentRow(self.list.count() - 1)
        self.name.clear()

    def rename(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        name = self._checked_name(ignore_row=row)
        if name is not None:
            self.list.item(row).setText(name)

    def remove(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        if self.list.count() == 1:
            self.error.set_error(self.tr("至少保留一项"))
            return
        self.list.takeItem(row)
        self.error.set_error(None)

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def show_problem(self, reason: str | None) -> None:
        self.error.set_error(reason)


# 部门 ---------------------------------------------------------------------------------------


class DepartmentsPage(QWidget):
    """Departments change at once through the staff service; nothing is ever deleted."""

    def __init__(self, staff: StaffService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.staff = staff
        self.list = QListWidget()
        self.name = QLineEdit()
        self.name.setMaxLength(40)
        self.name.setPlaceholderText(self.tr("输入部门名称"))
        self.add_button = QPushButton(self.tr("添加"))
        self.rename_button = QPushButton(self.tr("改名为"))
        self.toggle_button = QPushButton(self.tr("停用"))
        self.error = ErrorLabel()

        entry = QHBoxLayout()
        entry.addWidget(self.name, 1)
        entry.addWidget(self.add_button)
        entry.addWidget(self.rename_button)
        side = QVBoxLayout()
        side.addWidget(self.toggle_button)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(entry)
        layout.addWidget(self.error)
        layout.addWidget(
            hint_label(
                self.tr("此页的修改立即生效。停用的部门不再出现在派工选择中,已有的案件和派工单照旧保留。")
            )
        )

        self.add_button.clicked.connect(self.add)
        self.name.returnPressed.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.toggle_button.clicked.connect(self.toggle_active)
        self.list.currentRowChanged.connect(self._selected)
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        self.list.clear()
        for dep in self.staff.departments(include_inactive=True):
            text = dep.name if dep.active else self.tr("%1(已停用)").replace("%1", dep.name)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, dep.id)
            if not dep.active:
                item.setForeground(Qt.GlobalColor.gray)
            self.list.addItem(item)
            if dep.id == select_id:
                self.list.setCurrentItem(item)
        self._selected(self.list.currentRow())

    def current(self) -> Department | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return Department.get_or_none(Department.id == item.data(Qt.ItemDataRole.UserRole))

    def names(self) -> list[str]:
        return [d.name for d in self.staff.departments(include_inactive=True)]

    def _selected(self, row: int) -> None:
        dep = self.current() if row >= 0 else None
        self.rename_button.setEnabled(dep is not None)
        self.toggle_button.setEnabled(dep is not None)
        self.toggle_button.setText(self.tr("重新启用") if dep and not dep.active else self.tr("停用"))
        if dep is not None:
            self.name.setText(dep.name)

    def _run(self, action) -> bool:
        try:
            action()
        except ValidationError as exc:
            self.error.set_error("".join(exc.problems.values()))
            return False
        self.error.set_error(None)
        return True

    def add(self) -> None:
        created: list[Department] = []
        if self._run(lambda: created.append(self.staff.add_department(self.name.text()))):
            self.name.clear()
            self.refresh(created[0].id)

    def rename(self) -> None:
        dep = self.current()
        if dep is not None and self._run(lambda: self.staff.rename_department(dep, self.name.text())):
            self.refresh(dep.id)

    def toggle_active(self) -> None:
        dep = self.current()
        if dep is not None:
            self.staff.set_department_active(dep, not dep.active)
            self.refresh(dep.id)


# 节假日 -------------------------------------------------------------------------------------


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


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
        self.name.addItems(COMMON_NAMES)
        self.name.setCurrentIndex(-1)
        self.name.lineEdit().setMaxLength(20)
        self.name.lineEdit().setPlaceholderText(self.tr("如 春节"))
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
            (e.day, self.tr("调休上班") if e.workday else self.tr("放假"), e.name, True)
            for e in self.holidays.entries(year)
        ]
        rows += [
            (day, self.tr("放假(暂定)"), name, False)
            for day, name in self.holidays.provisional_days(year).items()
        ]
        rows.sort()
        self.table.setRowCount(len(rows))
        grey = QColor("#777777")
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
        self.first.setDate(_qdate(entry.day))
        self.last.setDate(_qdate(entry.day))
        self.kind.setCurrentIndex(self.kind.findData(entry.workday))
        self.name.setCurrentText(entry.name)

    def save(self) -> None:
        first, last = _pydate(self.first.date()), _pydate(self.last.date())
        try:
            self.holidays.save_range(first, last, bool(self.kind.currentData()), self.name.currentText())
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


class NoticeDialog(QDialog):
    """载入国务院通知: the notice's text pasted as published; a preview, then every day saved."""

    def __init__(self, holidays: HolidayService, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.holidays = holidays
        self.year = year
        self.setWindowTitle(self.tr("载入 %1 年国务院节假日安排").replace("%1", str(year)))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            self.tr(
                "把《国务院办公厅关于%1年部分节假日安排的通知》的正文粘贴到这里,例如:\n"
                "一、元旦:1月1日(周五)放假,与周末连休。\n"
                "二、春节:2月5日(农历除夕、周五)至13日(农历正月初八、周六)放假调休,共9天。"
                "1月30日(周六)、2月20日(周六)上班。"
            ).replace("%1", str(year))
        )
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.load_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.load_button.setText(self.tr("载入"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.load)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.preview)
        layout.addWidget(self.error)
        layout.addWidget(
            hint_label(
                self.tr("载入后该年按通知计算;表中已有的本处安排若通知未提到则保留。未结案件的期限会重算。")
            )
        )
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(self.update_preview)
        self.update_preview()
        self.resize(720, 460)

    def update_preview(self) -> None:
        text = self.text.toPlainText()
        self.load_button.setEnabled(bool(text.strip()))
        if not text.strip():
            self.preview.setText("")
            return
        try:
            items = parse_notice(text, self.year)
        except ValidationError as exc:
            self.preview.setText("\n".join(f"{k}:{v}" for k, v in exc.problems.items()))
            return
        lines = []
        for item in items:
            span = f"{item.first:%m-%d}"
            if item.last != item.first:
                span = self.tr("{0} 至 {1}").format(span, f"{item.last:%m-%d}")
            kind = self.tr("调休上班") if item.workday else self.tr("放假 {0} 天").format(item.days)
            lines.append(f"{item.name}  {span}  {kind}")
        self.preview.setText(self.tr("将录入:") + "\n" + "\n".join(lines))

    def load(self) -> None:
        try:
            self.holidays.load_notice(self.text.toPlainText(), self.year)
        except ValidationError as exc:
            self.error.set_error("\n".join(f"{k}:{v}" for k, v in exc.problems.items()))
            return
        self.error.set_error(None)
        self.accept()


# The dialog -----------------------------------------------------------------------------


class SettingsDialog(QDialog):
    def __init__(
        self,
        policies: PolicyStore,
        staff: StaffService,
        holidays: HolidayService,
        parent: QWidget | None = None,
        year: int | None = None,
        data_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置"))
        self.data_dir = data_dir
        self.policies = policies
        self.policy = policies.copy()

        self.deadlines = DeadlinesPage(self.policy, holidays)
        self.categories = ListPage(
            self.tr("类别"),
            self.policy.categories,
            20,
            self.tr("顺序即登记表中的顺序。改名或删除只影响今后的登记,已登记的案件保留原类别。"),
        )
        self.channels = ListPage(
            self.tr("渠道"),
            self.policy.channels,
            16,
            self.tr("顺序即登记表中的顺序。“夜间值班”用于夜班记录转来的案件,建议保留。"),
        )
        self.departments = DepartmentsPage(staff)
        self.holidays = HolidaysPage(holidays, year or QDate.currentDate().year())

        self.tabs = QTabWidget()
        self.tabs.addTab(self.deadlines, self.tr("期限"))
        self.tabs.addTab(self.categories, self.tr("类别"))
        self.tabs.addTab(self.channels, self.tr("渠道"))
        self.tabs.addTab(self.departments, self.tr("部门"))
        self.tabs.addTab(self.holidays, self.tr("节假日"))

        self.error_area = ErrorLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("关闭"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_area)
        layout.addWidget(hint_label(self.tr("“保存”存下期限、类别和渠道;部门和节假日的修改已即时生效。")))
        # 语言: saved per PC (window.ini in the data folder), used from the next start
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        if data_dir is not None:
            self.language.setCurrentIndex(self.language.findData(read_language(data_dir)))
            language_row = QHBoxLayout()
            language_row.addWidget(QLabel(self.tr("语言 / Language:")))
            language_row.addWidget(self.language)
            language_row.addWidget(hint_label(self.tr("本机适用,重新启动回音后生效。")), 1)
            layout.addLayout(language_row)
        layout.addWidget(self.buttons)
        self.resize(980, 660)

    def collect(self) -> Policy:
        """The policy as the tabs show it now (not yet checked)."""
        data = dict(self.policy.data)
        self.deadlines.store_into(data)
        data["categories"] = self.categories.values()
        data["channels"] = self.channels.values()
        return Policy(data)

    def save(self) -> None:
        policy = self.collect()
        try:
            self.policies.save(policy)
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return
        self.policy = policy
        self.show_problems({})
        if self.data_dir is not None:
            write_language(self.data_dir, self.language.currentData())
        self.accept()

    def show_problems(self, problems: dict[str, str]) -> None:
        on_deadlines = self.deadlines.show_problems(problems)
        self.categories.show_problem(problems.get("类别"))
        self.channels.show_problem(problems.get("渠道"))
        text = "\n".join(f"{key}:{reason}" for key, reason in problems.items())
        self.error_area.set_error(self.tr("未保存,请改正:\n%1").replace("%1", text) if problems else None)
        for shown, page in ((on_deadlines, self.deadlines), ("类别" in problems, self.categories)):
            if shown:
                self.tabs.setCurrentWidget(page)
                return
        if "渠道" in problems:
            self.tabs.setCurrentWidget(self.channels)
