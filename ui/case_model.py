"""The case list's table model: one page of 200 rows at a time, sorted by the database.

Rows are kept as plain display tuples, so painting never touches the database; the next
page is read only when the view scrolls near the end (canFetchMore/fetchMore).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import (
    QT_TR_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.case_query import CaseFilter, CaseQuery, deadline_status
from app.case_query import CaseRow as ListRow
from app.clock import Clock
from app.policy import PolicyStore
from ui.palette import NEARLY_DUE_BG, NEARLY_DUE_TEXT, OVERDUE_BG, OVERDUE_TEXT

PAGE_SIZE = 200

# deadline_status() gives these; shown through tr() (they are UI words, not stored)
OVERDUE = cast(str, QT_TR_NOOP("逾期"))
NEARLY_DUE = cast(str, QT_TR_NOOP("临期"))
LATE_REPLY = cast(str, QT_TR_NOOP("超时"))  # the 首次回复 column: 首次回复超时 (app/late_replies.py)

# Tints that mark a row; the 期限状态 column also says it in words (never colour alone).
ROW_TINT = {OVERDUE: QColor(OVERDUE_BG), NEARLY_DUE: QColor(NEARLY_DUE_BG)}
STATUS_TEXT_COLOUR = {OVERDUE: QColor(OVERDUE_TEXT), NEARLY_DUE: QColor(NEARLY_DUE_TEXT)}


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    sort: str | None  # the sort key CaseQuery.page understands; None: not sortable
    sample: str  # a typical value: the column is made as wide as this


COLUMNS = [
    Column("number", cast(str, QT_TR_NOOP("编号")), "number", "TS-2026-00000"),
    Column("received_at", cast(str, QT_TR_NOOP("受理时间")), "received_at", "2026-09-28 09:30"),
    Column("room", cast(str, QT_TR_NOOP("房号")), "room", "10-3-1801"),
    Column("customer", cast(str, QT_TR_NOOP("客户")), "customer", "欧阳明"),  # data
    Column("kind", cast(str, QT_TR_NOOP("性质")), "kind", "特约服务"),
    Column("severity", cast(str, QT_TR_NOOP("程度")), "severity", "重要"),
    Column("category", cast(str, QT_TR_NOOP("类别")), "category", "设施设备维护"),  # data (·细类 elided)
    Column("account", cast(str, QT_TR_NOOP("内容")), None, "楼道灯不亮晚上回家看不见台阶"),  # data
    Column("department", cast(str, QT_TR_NOOP("责任部门")), "department", "工程维修部"),  # data
    Column("state", cast(str, QT_TR_NOOP("状态")), "state", "已派工"),
    Column("resolve_due", cast(str, QT_TR_NOOP("办结期限")), "resolve_due", "2026-09-28 09:30"),
    Column("deadline", cast(str, QT_TR_NOOP("期限状态")), "resolve_due", NEARLY_DUE),
    Column("first_reply", cast(str, QT_TR_NOOP("首次回复")), None, LATE_REPLY),
]
COLUMN_INDEX = {c.key: i for i, c in enumerate(COLUMNS)}
DATETIME_FORMAT = "%Y-%m-%d %H:%M"


@dataclass(frozen=True)
class CaseRow:
    """What one line of the list shows, computed once when its page is read."""

    case_id: int
    cells: tuple[str, ...]
    deadline: str  # '逾期', '临期' or ''
    tooltip: str


def first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


def case_row(case: ListRow, now: dt.datetime, nearly_due: dt.timedelta) -> CaseRow:
    status = deadline_status(case, now, nearly_due)
    customer = (
        QCoreApplication.translate("CaseTableModel", "匿名") if case.anonymous else (case.customer_name or "")
    )
    department = case.department_name
    cells = (
        case.number,
        f"{case.received_at:{DATETIME_FORMAT}}",
        case.room_label,
        customer,
        case.kind,
        case.severity,
        f"{case.category}·{case.subcategory}" if case.subcategory else case.category,  # 类别·细类
        first_line(case.account),
        department,
        case.state,
        f"{case.resolve_due:{DATETIME_FORMAT}}",
        status,
        QCoreApplication.translate("CaseTableModel", LATE_REPLY) if case.first_reply_late(now) else "",
    )
    return CaseRow(case.id, cells, status, case.account[:400])


class CaseTableModel(QAbstractTableModel):
    def __init__(
        self, query: CaseQuery, policies: PolicyStore, clock: Clock, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._query = query
        self._policies = policies
        self._clock = clock
        self._filter = CaseFilter()
        self._sort = "received_at"
        self._descending = True
        self._sort_column = COLUMN_INDEX["received_at"]
        self._rows: list[CaseRow] = []
        self._total = 0
        self._now = clock.now()
        self._nearly_due = dt.timedelta(hours=24)

    # What is shown -------------------------------------------------------------------
    @property
    def case_filter(self) -> CaseFilter:
        return self._filter

    @property
    def total(self) -> int:
        """How many cases match the filter, loaded or not."""
        return self._total

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def descending(self) -> bool:
        return self._descending

    def set_filter(self, f: CaseFilter) -> None:
        self._filter = f
        self.reload(keep_loaded=False)

    def reload(self, keep_loaded: bool = True) -> None:
        """Read the first page(s) again; with keep_loaded as many rows as were loaded."""
        limit = max(PAGE_SIZE, len(self._rows)) if keep_loaded else PAGE_SIZE
        self.beginResetModel()
        self._now = self._clock.now()
        self._nearly_due = self._policies.load().nearly_due
        self._total = self._query.count(self._filter)
        self._rows = self._read(0, limit)
        self.endResetModel()

    def _read(self, offset: int, limit: int) -> list[CaseRow]:
        cases = self._query.page(self._filter, offset, limit, sort=self._sort, descending=self._descending)
        return [case_row(c, self._now, self._nearly_due) for c in cases]

    def case_id(self, row: int) -> int | None:
        return self._rows[row].case_id if 0 <= row < len(self._rows) else None

    def row_of(self, case_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.case_id == case_id:
                return i
        return None

    # QAbstractTableModel ---------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if parent.isValid():
            return
        more = self._read(len(self._rows), PAGE_SIZE)
        if not more:
            self._total = len(self._rows)  # the data changed under us; stop asking
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(column.title)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("点击按此列排序") if column.sort else self.tr("此列不能排序")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COLUMN_INDEX["deadline"] and row.deadline:
                return self.tr(row.deadline)
            return row.cells[col]
        if role == Qt.ItemDataRole.UserRole:
            return row.case_id
        if role == Qt.ItemDataRole.BackgroundRole and row.deadline:
            return QBrush(ROW_TINT[row.deadline])
        if role == Qt.ItemDataRole.ForegroundRole and row.deadline and col == COLUMN_INDEX["deadline"]:
            return QBrush(STATUS_TEXT_COLOUR[row.deadline])
        if role == Qt.ItemDataRole.ForegroundRole and col == COLUMN_INDEX["first_reply"] and row.cells[col]:
            return QBrush(STATUS_TEXT_COLOUR[OVERDUE])
        if role == Qt.ItemDataRole.FontRole and row.deadline and col == COLUMN_INDEX["deadline"]:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COLUMN_INDEX["account"]:
                return row.tooltip
            if col == COLUMN_INDEX["deadline"] and row.deadline:
                return self.tr("已超过办结期限") if row.deadline == OVERDUE else self.tr("即将到期")
            if col == COLUMN_INDEX["first_reply"] and row.cells[col]:
                return self.tr("首次回复晚于期限,或过了期限仍未回复业主")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (
            COLUMN_INDEX["kind"],
            COLUMN_INDEX["severity"],
            COLUMN_INDEX["state"],
            COLUMN_INDEX["deadline"],
            COLUMN_INDEX["first_reply"],
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the database; columns that cannot be sorted are ignored."""
        if not 0 <= column < len(COLUMNS) or COLUMNS[column].sort is None:
            return
        self._sort = COLUMNS[column].sort or "received_at"
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._sort_column = column
        self.reload(keep_loaded=False)

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(COLUMNS) and COLUMNS[column].sort is not None
