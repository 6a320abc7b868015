"""夜间值班: the night shift writes down each call quickly; the day clerk turns it into a case.

The page does not create cases itself: "转为案件" hands the entry's id to the main
window, which opens the intake form filled from it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QT_TR_NOOP, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.nightlog import NightLogService
from app.owners import mask_phone
from app.permissions import can
from ui.palette import NEARLY_DUE_BG, NEARLY_DUE_TEXT
from ui.widgets import (
    INVALID_STYLE,
    Banner,
    ErrorLabel,
    FieldErrors,
    from_qdatetime,
    make_table,
    one_line,
    to_qdatetime,
)

if TYPE_CHECKING:
    from app.models import Staff

# From this hour on, a pending entry of the night before is overdue for the day clerk.
DAY_SHIFT_STARTS = dt.time(8, 0)
STALE_COLOUR = QColor(NEARLY_DUE_BG)
RECENT_DAYS = 7


def _marked(text: object) -> str:
    """A QT_TR_NOOP-marked label as the str it is."""
    return cast(str, text)


class NightLogPage(QWidget):
    convert_requested = Signal(int)  # a pending entry's id
    entry_saved = Signal(int)  # a new entry's id (for the status bar's count)

    PENDING_COLUMNS: tuple[str, ...] = tuple(
        _marked(c)
        for c in (
            QT_TR_NOOP("时间"),
            QT_TR_NOOP("来电人"),
            QT_TR_NOOP("电话"),
            QT_TR_NOOP("房号"),
            QT_TR_NOOP("内容"),
            QT_TR_NOOP("已采取措施"),
            QT_TR_NOOP("记录人"),
            "",
        )
    )
    DONE_COLUMNS: tuple[str, ...] = tuple(
        _marked(c)
        for c in (
            QT_TR_NOOP("时间"),
            QT_TR_NOOP("来电人"),
            QT_TR_NOOP("房号"),
            QT_TR_NOOP("内容"),
            QT_TR_NOOP("案件编号"),
        )
    )

    def __init__(self, nightlog: NightLogService, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nightlog = nightlog
        self.actor = actor
        self.setStyleSheet(INVALID_STYLE)

        # The quick entry form
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.caller = QLineEdit()
        self.caller.setMaxLength(40)
        self.caller.setPlaceholderText(self.tr("姓名或称呼,如 张先生"))
        self.phone = QLineEdit()
        self.phone.setMaxLength(20)
        self.phone.setPlaceholderText(self.tr("来电号码"))
        self.room = QLineEdit()
        self.room.setMaxLength(30)
        self.room.setPlaceholderText(self.tr("楼栋-单元-房号,如 3-2-501"))
        self.content = QPlainTextEdit()
        self.content.setTabChangesFocus(True)
        self.content.setPlaceholderText(self.tr("来电反映的情况"))
        self.action = QPlainTextEdit()
        self.action.setTabChangesFocus(True)
        self.action.setPlaceholderText(self.tr("如:已通知秩序维护员到场查看"))
        self.action.setMaximumHeight(90)
        self.content.setMinimumHeight(120)
        self.content.setMaximumHeight(240)

        self.general_error = ErrorLabel()
        self.errors = FieldErrors(self.general_error)
        form_box = QGroupBox(self.tr("记录来电"))
        form = QFormLayout(form_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        fields: list[tuple[str, QWidget]] = [
            (_marked(QT_TR_NOOP("时间")), self.when),
            (_marked(QT_TR_NOOP("来电人")), self.caller),
            (_marked(QT_TR_NOOP("电话")), self.phone),
            (_marked(QT_TR_NOOP("房号")), self.room),
            (_marked(QT_TR_NOOP("内容")), self.content),
            (_marked(QT_TR_NOOP("已采取措施")), self.action),
        ]
        for name, widget in fields:
            label = ErrorLabel()
            self.errors.bind(name, label, widget)
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(widget)
            cell.addWidget(label)
            form.addRow(self.tr(name), cell)
        self.save_button = QPushButton(self.tr("保存(Ctrl+S)"))
        self.save_button.setDefault(True)
        self.clear_button = QPushButton(self.tr("清空"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        form.addRow(self.general_error)
        form.addRow(buttons)
        self.banner = Banner("success")
        form.addRow(self.banner)
        form_box.setMinimumWidth(340)
        form_box.setMaximumWidth(440)

        # Entries waiting for the day clerk
        self.pending_title = QLabel()
        self.pending_title.setStyleSheet("font-weight: bold;")
        self.pending = self._table(self.PENDING_COLUMNS)
        self.pending.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        legend = QLabel(self.tr("黄底:昨夜(今天 8:00 前)的记录,还没有转为案件,请尽快处理。"))
        legend.setStyleSheet(f"color: {NEARLY_DUE_TEXT};")
        legend.setWordWrap(True)
        pending_box = QWidget()
        box = QVBoxLayout(pending_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.pending_title)
        box.addWidget(self.pending, 1)
        box.addWidget(legend)

        self.done_title = QLabel(self.tr("最近 %1 天已转为案件").replace("%1", str(RECENT_DAYS)))
        self.done_title.setStyleSheet("font-weight: bold;")
        self.done = self._table(self.DONE_COLUMNS)
        self.done.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        done_box = QWidget()
        box = QVBoxLayout(done_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.done_title)
        box.addWidget(self.done, 1)

        lists = QSplitter(Qt.Orientation.Vertical)
        lists.addWidget(pending_box)
        lists.addWidget(done_box)
        lists.setStretchFactor(0, 3)
        lists.setStretchFactor(1, 2)
        lists.setChildrenCollapsible(False)

        left = QVBoxLayout()
        left.addWidget(form_box)
        left.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addWidget(lists, 1)

        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.clear_form)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)
        self.clear_form()
        self.refresh()

    def _table(self, columns: tuple[str, ...]) -> QTableWidget:
        return make_table([self.tr(c) if c else "" for c in columns], stretch=None, alternate=False)

    # The form ---------------------------------------------------------------------------
    def clear_form(self) -> None:
        self.when.setDateTime(to_qdatetime(self.nightlog.clock.now()))
        for edit in (self.caller, self.phone, self.room):
            edit.clear()
        self.content.clear()
        self.action.clear()
        self.errors.clear()

    def save(self) -> None:
        at = from_qdatetime(self.when.dateTime())
        try:
            entry = self.nightlog.add(
                content=self.content.toPlainText(),
                caller=self.caller.text(),
                phone=self.phone.text(),
                room=self.room.text(),
                action_taken=self.action.toPlainText(),
                logged_by=self.actor.name,
                at=at,
            )
        except ValidationError as exc:
            self.banner.hide()
            self.errors.show(exc.problems)
            return
        self.clear_form()
        where = entry.room.label if entry.room is not None else entry.caller or entry.phone
        text = self.tr("已记下 %1 %2 的来电。").replace("%1", f"{entry.logged_at:%H:%M}")
        self.banner.show_message(text.replace("%2", where).replace("  ", " "), "success")
        self.caller.setFocus()
        self.refresh()
        self.entry_saved.emit(entry.id)

    # The lists --------------------------------------------------------------------------
    def refresh(self) -> None:
        now = self.nightlog.clock.now()
        day_starts = dt.datetime.combine(now.date(), DAY_SHIFT_STARTS)
        pending = self.nightlog.pending()
        self.pending_title.setText(self.tr("待转为案件(%1 条)").replace("%1", str(len(pending))))
        self.pending.setRowCount(len(pending))
        for row, entry in enumerate(pending):
            stale = entry.logged_at < day_starts
            cells = (
                f"{entry.logged_at:%m-%d %H:%M}",
                entry.caller,
                entry.phone if can(self.actor, "owner.reveal_phone") else mask_phone(entry.phone),
                entry.room.label if entry.room is not None else "",
                one_line(entry.content, 40),
                one_line(entry.action_taken, 24),
                entry.logged_by,
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
                if col == 4:
                    item.setToolTip(entry.content)
                elif col == 5:
                    item.setToolTip(entry.action_taken)
                if stale:
                    item.setBackground(QBrush(STALE_COLOUR))
                self.pending.setItem(row, col, item)
            button = QPushButton(self.tr("转为案件"))
            button.setProperty("entry_id", entry.id)
            button.clicked.connect(lambda _=False, entry_id=entry.id: self.convert_requested.emit(entry_id))
            self.pending.setCellWidget(row, len(cells), button)

        done = [entry for entry in self.nightlog.recent(RECENT_DAYS) if entry.case_id is not None]
        self.done.setRowCount(len(done))
        for row, entry in enumerate(done):
            number = entry.case.number if entry.case is not None else ""
            done_cells = (
                f"{entry.logged_at:%m-%d %H:%M}",
                entry.caller,
                entry.room.label if entry.room is not None else "",
                one_line(entry.content, 40),
                number,
            )
            for col, text in enumerate(done_cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.case_id)
                self.done.setItem(row, col, item)

    def convert_button(self, row: int) -> QPushButton:
        widget = self.pending.cellWidget(row, len(self.PENDING_COLUMNS) - 1)
        assert isinstance(widget, QPushButton)
        return widget

    def pending_row_stale(self, row: int) -> bool:
        item = self.pending.item(row, 0)
        return item is not None and item.background().color() == STALE_COLOUR
