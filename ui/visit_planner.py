"""回访计划: the open visits (who, by when, overdue), the quarter's sample, batch visits.

The page changes nothing itself: assigning, dropping, 公开信, 手工加入 and batch plans all
go through `VisitService`, which records who did what and why. Dialogs that ask for a
reason are opened non-modally (`open()`) and stay open, text kept, when refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
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
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.clock import Clock
from app.domain import KINDS, ROLES
from app.errors import UserError, ValidationError
from app.models import Case, Room, Staff, Visit
from app.staff import StaffService
from app.visits import PERIODIC_PURPOSES, VisitService, quarter_bounds, quarter_of
from ui.widgets import INVALID_STYLE, Banner, ErrorLabel, FieldErrors

OVERDUE_TINT = QColor("#fde4e2")
OVERDUE_TEXT = QColor("#a31d12")
TODAY_TINT = QColor("#fff3d1")
TODAY_TEXT = QColor("#7a5200")
NOT_CHOSEN_TEXT = QColor("#666666")
HINT_STYLE = "color: #555;"
QUARTERS_SHOWN = 8
PREVIEW_LIMIT = 300  # room labels listed in the preview; the count is always exact

# Who usually does each batch visit (DOMAIN §5): stewards their areas, the director the
# yearly door visits, the manager holidays and incidents.
PURPOSE_ROLE = {
    "入伙回访": "steward",
    "季度巡访": "steward",
    "年度走访": "cs_director",
    "节日回访": "office_manager",
    "突发事件回访": "office_manager",
}
PURPOSE_DUE_DAYS = {"入伙回访": 7, "季度巡访": 30, "年度走访": 60, "节日回访": 7, "突发事件回访": 3}
VISITING_ROLES = [key for key in ROLES if key not in ("admin", "night_duty")]


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def _item(text: str, data: object = None, align_center: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    if align_center:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


def _table(columns: tuple[str, ...], tr: Callable[[str], str]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels([tr(c) for c in columns])
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(28)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setStyleSheet("QTableWidget::item { padding: 0 4px; }")
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(columns) - 1, QHeaderView.ResizeMode.Stretch)
    return table


def quarters_up_to(day: dt.date, count: int = QUARTERS_SHOWN) -> list[str]:
    """The quarter of `day` and the ones before it, newest first: 2026-Q3, 2026-Q2 …"""
    out = []
    year, q = day.year, (day.month - 1) // 3 + 1
    for _ in range(count):
        out.append(f"{year}-Q{q}")
        year, q = (year - 1, 4) if q == 1 else (year, q - 1)
    return out


def due_words(due: dt.date, today: dt.date) -> str:
    days = (due - today).days
    if days < 0:
        return QCoreApplication.translate("VisitPlanner", "逾期 {0} 天").format(-days)
    if days == 0:
        return QCoreApplication.translate("VisitPlanner", "今天到期")
    return QCoreApplication.translate("VisitPlanner", "还有 {0} 天").format(days)


class ActionDialog(QDialog):
    """A small form whose 确定 runs `submit`; a refusal is shown and the dialog stays."""

    def __init__(self, title: str, submit: Callable[..., object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setStyleSheet(INVALID_STYLE)
        self._submit = submit
        self.error = ErrorLabel()
        self.errors = FieldErrors(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)

    def finish_layout(self) -> None:
        self.body.addWidget(self.error)
        self.body.addWidget(self.buttons)

    def values(self) -> tuple[object, ...]:
        raise NotImplementedError

    def run(self) -> None:
        try:
            self._submit(*self.values())
        except ValidationError as exc:
            self.errors.show(exc.problems)
            return
        except UserError as exc:
            self.errors.clear()
            self.error.set_error(str(exc))
            return
        self.accept()


class ReasonDialog(ActionDialog):
    """Asks why (取消回访、手工加入): the reason is required and recorded with the name."""

    def __init__(
        self, title: str, prompt: str, submit: Callable[[str], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(title, submit, parent)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("必须填写原因,将与您的姓名一起记录"))
        self.reason.setTabChangesFocus(True)
        self.reason_error = ErrorLabel()
        self.errors.bind("原因", self.reason_error, self.reason)
        self.body.addWidget(label)
        self.body.addWidget(self.reason)
        self.body.addWidget(self.reason_error)
        self.finish_layout()
        self.resize(460, 240)

    def values(self) -> tuple[object, ...]:
        return (self.reason.toPlainText(),)


class OpenLetterDialog(ActionDialog):
    """公开信: one written answer to many owners on one matter, closing their visits."""

    def __init__(
        self, count: int, rooms: str, submit: Callable[[str, str], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("公开信答复"), submit, parent)
        intro = QLabel(
            self.tr("以一封公开信答复选中的 {0} 条回访({1}),这些回访随之完成。").format(count, rooms)
        )
        intro.setWordWrap(True)
        self.title = QLineEdit()
        self.title.setMaxLength(100)
        self.title.setPlaceholderText(self.tr("如:关于3栋电梯停运的说明"))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("致各位业主:……"))
        self.title_error = ErrorLabel()
        self.text_error = ErrorLabel()
        self.errors.bind("标题", self.title_error, self.title)
        self.errors.bind("正文", self.text_error, self.text)
        form = QFormLayout()
        form.addRow(self.tr("标题"), self.title)
        form.addRow("", self.title_error)
        form.addRow(self.tr("正文"), self.text)
        form.addRow("", self.text_error)
        self.body.addWidget(intro)
        self.body.addLayout(form)
        self.finish_layout()
        self.resize(560, 400)

    def values(self) -> tuple[object, ...]:
        return (self.title.text(), self.text.toPlainText())


# The pages' tabs ---------------------------------------------------------------------------


class OpenVisitsTab(QWidget):
    """待回访: every open visit, overdue first by due date; assign, drop, 公开信."""

    COLUMNS = (
        QT_TR_NOOP("到期"),
        QT_TR_NOOP("状态"),
        QT_TR_NOOP("案件 / 类型"),
        QT_TR_NOOP("房号"),
        QT_TR_NOOP("性质·程度"),
        QT_TR_NOOP("回访人角色"),
        QT_TR_NOOP("回访人"),
        QT_TR_NOOP("次数"),
        QT_TR_NOOP("安排原因"),
    )

    def __init__(self, page: VisitPlannerPage) -> None:
        super().__init__()
        self.page = page
        self.summary = QLabel()
        self.table = _table(self.COLUMNS, self.tr)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(self._activated)

        self.visitor = QComboBox()
        self.visitor.setMinimumContentsLength(12)
        self.assign_button = QPushButton(self.tr("指派"))
        self.assign_button.clicked.connect(self.assign_selected)
        self.open_button = QPushButton(self.tr("打开回访"))
        self.open_button.clicked.connect(self._open_visit)
        self.case_button = QPushButton(self.tr("打开案件"))
        self.case_button.clicked.connect(self._open_case)
        self.drop_button = QPushButton(self.tr("取消回访…"))
        self.drop_button.clicked.connect(self.ask_drop)
        self.letter_button = QPushButton(self.tr("公开信答复…"))
        self.letter_button.clicked.connect(self.ask_open_letter)

        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(QLabel(self.tr("回访人")))
        bar.addWidget(self.visitor)
        bar.addWidget(self.assign_button)
        bar.addSpacing(12)
        bar.addWidget(self.open_button)
        bar.addWidget(self.case_button)
        bar.addWidget(self.drop_button)
        bar.addWidget(self.letter_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self._selection_changed()

    def refresh(self) -> None:
        today = self.page.clock.now().date()
        keep = set(self.selected_ids())
        visits = list(self.page.visits.open_visits())
        self.table.setRowCount(0)
        self.table.setRowCount(len(visits))
        overdue = 0
        for row, visit in enumerate(visits):
            case = visit.case if visit.case_id else None
            days = (visit.due - today).days
            overdue += days < 0
            values = [
                _item(visit.due.isoformat(), visit.id),
                _item(self.tr(due_words(visit.due, today))),
                _item(case.number if case else visit.purpose, case.id if case else None),
                _item(visit.room.label if visit.room_id else "—"),
                _item(f"{case.kind}·{case.severity}" if case else self.tr("定期/事件")),
                _item(self.tr(ROLES.get(visit.role, visit.role))),
                _item(visit.visitor_name or self.tr("未指定")),
                _item(self.tr("第{0}次").format(visit.attempt), align_center=True),
                _item(visit.reason),
            ]
            values[-1].setToolTip(visit.reason)
            tint, text = (
                (OVERDUE_TINT, OVERDUE_TEXT)
                if days < 0
                else (TODAY_TINT, TODAY_TEXT)
                if days == 0
                else (None, None)
            )
            for col, item in enumerate(values):
                if tint is not None:
                    item.setBackground(QBrush(tint))
                if text is not None and col == 1:
                    item.setForeground(QBrush(text))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if not visit.visitor_name and col == 6:
                    item.setForeground(QBrush(NOT_CHOSEN_TEXT))
                self.table.setItem(row, col, item)
            if visit.id in keep:
                self.table.selectRow(row)
        self.summary.setText(
            self.tr("待回访 {0} 条,其中逾期 {1} 条").format(len(visits), overdue)
            if visits
            else self.tr("没有待回访的回访")
        )
        if overdue:
            self.summary.setStyleSheet(f"color: {OVERDUE_TEXT.name()}; font-weight: bold;")
        else:
            self.summary.setStyleSheet("")
        self._selection_changed()

    def refresh_staff(self, people: list[Staff]) -> None:
        current = self.visitor.currentData()
        self.visitor.clear()
        self.visitor.addItem(self.tr("(未指定)"), 0)
        for person in people:
            self.visitor.addItem(f"{person.name}({ROLES.get(person.role, person.role)})", person.id)
        index = self.visitor.findData(current)
        self.visitor.setCurrentIndex(max(index, 0))

    # Selection -------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows]

    def selected_visits(self) -> list[Visit]:
        return [Visit.get_by_id(i) for i in self.selected_ids()]

    def select_ids(self, ids: list[int]) -> None:
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) in ids:
                self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        one_case = len(ids) == 1 and self._case_id(self.table.currentRow()) is not None
        for button in (self.assign_button, self.drop_button, self.letter_button):
            button.setEnabled(bool(ids))
        self.open_button.setEnabled(len(ids) == 1)
        self.case_button.setEnabled(one_case)

    def _case_id(self, row: int) -> int | None:
        item = self.table.item(row, 2) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _activated(self, item: QTableWidgetItem) -> None:
        row = item.row()
        if item.column() == 2 and self._case_id(row) is not None:
            self.page.case_activated.emit(self._case_id(row))
        else:
            self.page.visit_activated.emit(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole))

    def _open_visit(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.page.visit_activated.emit(ids[0])

    def _open_case(self) -> None:
        case_id = self._case_id(self.table.currentRow())
        if case_id is not None:
            self.page.case_activated.emit(case_id)

    # Actions ---------------------------------------------------------------------------
    def assign_selected(self) -> None:
        visits = self.selected_visits()
        person_id = self.visitor.currentData()
        person = Staff.get_by_id(person_id) if person_id else None
        try:
            for visit in visits:
                self.page.visits.assign(visit, person)
        except UserError as exc:
            self.page.banner.show_message(str(exc), "error")
        else:
            name = person.name if person else self.tr("未指定")
            self.page.banner.show_message(
                self.tr("已将 {0} 条回访指派给 {1}").format(len(visits), name), "success"
            )
        self.refresh()

    def ask_drop(self) -> None:
        visits = self.selected_visits()
        if not visits:
            return

        def drop(reason: str) -> None:
            for visit in visits:
                self.page.visits.drop_by_hand(visit, reason, self.page.actor)
            self.page.banner.show_message(self.tr("已取消 {0} 条回访").format(len(visits)), "success")
            self.page.refresh()

        what = "、".join(self._label(v) for v in visits[:5]) + ("…" if len(visits) > 5 else "")
        self.page.show_dialog(
            ReasonDialog(
                self.tr("取消回访"),
                self.tr("取消 {0} 条回访:{1}\n请写明原因(如业主已搬离、重复安排)。").format(
                    len(visits), what
                ),
                drop,
                self,
            )
        )

    def ask_open_letter(self) -> None:
        visits = self.selected_visits()
        if not visits:
            return

        def send(title: str, text: str) -> None:
            self.page.visits.open_letter(title, text, visits, self.page.actor)
            self.page.banner.show_message(
                self.tr("已以公开信《{0}》答复 {1} 条回访").format(title.strip(), len(visits)), "success"
            )
            self.page.refresh()

        rooms = "、".join(self._label(v) for v in visits[:6]) + ("…" if len(visits) > 6 else "")
        self.page.show_dialog(OpenLetterDialog(len(visits), rooms, send, self))

    @staticmethod
    def _label(visit: Visit) -> str:
        if visit.case_id:
            return visit.case.number
        return visit.room.label if visit.room_id else visit.purpose


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
        QT_TR_NOOP("原因"),
    )

    def __init__(self, page: VisitPlannerPage) -> None:
        super().__init__()
        self.page = page
        self.quarter = QComboBox()
        self.kind = QComboBox()
        self.kind.addItems([self.tr(k) for k in KINDS])
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
        self.table = _table(self.COLUMNS, self.tr)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(
            lambda item: self.page.case_activated.emit(
                self.table.item(item.row(), 0).data(Qt.ItemDataRole.UserRole)
            )
        )
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("季度")))
        bar.addWidget(self.quarter)
        bar.addSpacing(8)
        bar.addWidget(QLabel(self.tr("性质")))
        bar.addWidget(self.kind)
        bar.addSpacing(16)
        bar.addWidget(self.totals, 1)
        bar.addWidget(self.add_button)
        hint = QLabel(
            self.tr(
                "回访率低于100%时由系统随机抽样,并保证任何时候不低于目标;每件案件的抽样理由如下。"
                "计划人员可把未抽中的案件手工加入(记录姓名和原因)。"
            )
        )
        hint.setStyleSheet(HINT_STYLE)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        self._rows: list[tuple[int, bool]] = []

    def refresh(self) -> None:
        current = self.quarter.currentText() or quarter_of(self.page.clock.now())
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
        decisions = self.page.visits.decisions(quarter, kind)
        self.table.setRowCount(0)
        self.table.setRowCount(len(decisions))
        self._rows = []
        for row, d in enumerate(decisions):
            case = d.case
            chosen = bool(d.selected)
            values = [
                _item(case.number, case.id),
                _item(case.room.label if case.room_id else "—"),
                _item(f"{case.resolved_at:%Y-%m-%d %H:%M}" if case.resolved_at else "—"),
                _item(self.tr("是") if chosen else self.tr("否"), align_center=True),
                _item(self.tr("手工") if d.by_hand else self.tr("系统"), align_center=True),
                _item(d.decided_by),
                _item(f"{d.decided_at:%Y-%m-%d %H:%M}"),
                _item(d.reason),
            ]
            values[-1].setToolTip(d.reason)
            values[3].setForeground(QBrush(QColor("#1b5e20") if chosen else NOT_CHOSEN_TEXT))
            font = values[3].font()
            font.setBold(chosen)
            values[3].setFont(font)
            for col, item in enumerate(values):
                self.table.setItem(row, col, item)
            self._rows.append((case.id, chosen))
        handled = len(decisions)
        chosen_count = sum(1 for _, chosen in self._rows if chosen)
        rule = self.page.visits.policies.load().data["visits"]["rules"].get(kind, {})
        target = float(rule.get("rate", 0))
        start, end = quarter_bounds(quarter)
        if handled:
            rate = chosen_count / handled
            text = self.tr("办结 {0} 件,抽中 {1} 件,回访率 {2},目标 {3}").format(
                handled, chosen_count, f"{rate:.0%}", f"{target:.0%}"
            )
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

    def _current(self) -> tuple[int, bool] | None:
        rows = self.table.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        current = self._current()
        self.add_button.setEnabled(current is not None and not current[1])

    def ask_add(self) -> None:
        current = self._current()
        if current is None or current[1]:
            return
        case = Case.get_by_id(current[0])

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
                    case.number, case.kind
                ),
                add,
                self,
            )
        )


class BatchTab(QWidget):
    """批量计划: periodic and event visits for many households at once."""

    def __init__(self, page: VisitPlannerPage) -> None:
        super().__init__()
        self.page = page
        self._preview: list[Room] | None = None
        self.setStyleSheet(INVALID_STYLE)

        self.purpose = QComboBox()
        self.purpose.addItems([self.tr(p) for p in PERIODIC_PURPOSES])
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
            self.role.addItem(self.tr(ROLES[key]), key)
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
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(right_box, 2)

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

    def refresh(self) -> None:
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
        index = self.role.findData(PURPOSE_ROLE.get(purpose, "steward"))
        self.role.setCurrentIndex(max(index, 0))
        today = self.page.clock.now().date()
        self.due.setDate(_qdate(today + dt.timedelta(days=PURPOSE_DUE_DAYS.get(purpose, 7))))
        (self.by_move_in if purpose == "入伙回访" else self.by_buildings).setChecked(True)
        yearly = purpose == "年度走访"
        self.sample.setChecked(yearly)
        self.sample_note.setVisible(yearly)
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
        if self.sample.isChecked() and self.sample_size.value() < len(rooms):
            order = {room.id: i for i, room in enumerate(rooms)}
            rooms = sorted(
                self.page.visits.random.sample(rooms, self.sample_size.value()), key=lambda r: order[r.id]
            )
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
        if rooms:
            self.preview_label.setText(
                self.tr("将为 {0} 户安排“{1}”,{2} 前由{3}回访。已有同类待回访的住户会跳过。").format(
                    len(rooms),
                    self.current_purpose(),
                    _pydate(self.due.date()).isoformat(),
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
                _pydate(self.due.date()),
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


class VisitPlannerPage(QWidget):
    visit_activated = Signal(int)
    case_activated = Signal(int)

    def __init__(
        self,
        visits: VisitService,
        staff: StaffService,
        actor: Staff,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.visits = visits
        self.staff = staff
        self.actor = actor
        self.clock = clock
        self.dialog: ActionDialog | None = None

        title = QLabel(self.tr("回访计划"))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.banner = Banner("info")
        self.banner.add_button(self.tr("关闭"), self.banner.hide)
        self.tabs = QTabWidget()
        self.open_tab = OpenVisitsTab(self)
        self.sample_tab = SampleTab(self)
        self.batch_tab = BatchTab(self)
        self.tabs.addTab(self.open_tab, self.tr("待回访"))
        self.tabs.addTab(self.sample_tab, self.tr("抽样"))
        self.tabs.addTab(self.batch_tab, self.tr("批量计划"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.refresh()

    def refresh(self) -> None:
        self.open_tab.refresh_staff(self.staff.staff())
        self.open_tab.refresh()
        self.sample_tab.refresh()
        self.batch_tab.refresh()

    def show_dialog(self, dialog: ActionDialog) -> None:
        """Open a reason/letter dialog without blocking; kept in `self.dialog` while open."""
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: ActionDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
