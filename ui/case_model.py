"""The case list's table model: one page of 200 rows at a time, sorted by the database.

Rows are kept as plain display tuples, so painting never touches the database; the next
page is read only when the view scrolls near the end (canFetchMore/fetchMore), starting
after the last row through the sort key's index (keyset paging: as quick at row 20,000 as at
row 200). A search's first page may be read on another thread and handed in (`show`); a
refresh after a save re-reads only the cases that changed and the rows in view, and puts
each where it now belongs (`refresh_rows`), however many rows were scrolled in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
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

from app.case_query import CaseFilter, CaseQuery, deadline_status, sort_key
from app.case_query import CaseRow as ListRow
from app.clock import Clock
from app.i18n import term
from app.policy import PolicyStore
from ui.palette import NEARLY_DUE_BG, NEARLY_DUE_TEXT, OVERDUE_BG, OVERDUE_TEXT

PAGE_SIZE = 200
UNCOUNTED = -1  # a first page read before its matches are counted

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
    source: ListRow | None = None  # what it was made from: its sort key, the next page's start


class _Line:
    """A row loaded: the data read, and what it shows, made when it is first painted."""

    __slots__ = ("source", "shown")

    def __init__(self, source: ListRow, shown: CaseRow | None = None) -> None:
        self.source = source
        self.shown = shown


_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_USER = Qt.ItemDataRole.UserRole.value
_BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_FONT = Qt.ItemDataRole.FontRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_CENTER = int(Qt.AlignmentFlag.AlignCenter.value)
_CENTERED = frozenset(COLUMN_INDEX[k] for k in ("kind", "severity", "state", "deadline", "first_reply"))
_DEADLINE = COLUMN_INDEX["deadline"]
_FIRST_REPLY = COLUMN_INDEX["first_reply"]
_ACCOUNT = COLUMN_INDEX["account"]


@dataclass
class ListResult:
    """A first page read for a filter and an order (on the window's thread or another)."""

    case_filter: CaseFilter
    sort: str
    descending: bool
    rows: list[ListRow]
    total: int
    counts: dict[str, int] | None = None
    generation: int = 0
    now: dt.datetime | None = None
    nearly_due: dt.timedelta = field(default=dt.timedelta(hours=24))


def read_first_page(
    query: CaseQuery,
    f: CaseFilter,
    sort: str,
    descending: bool,
    counts: bool,
    nearly_due: dt.timedelta,
    total: int | None = None,
) -> ListResult:
    """What the list shows for `f`: its first page, how many match (unless `total` is known:
    only the order changed) and, if asked, the quick filters' counts. Touches no widget: it
    may run on a worker thread."""
    now = query.clock.now()
    rows = query.page(f, 0, PAGE_SIZE, sort=sort, descending=descending)
    if total is None or (total == UNCOUNTED and len(rows) < PAGE_SIZE):
        total = len(rows) if len(rows) < PAGE_SIZE else query.count(f)
    return ListResult(
        f,
        sort,
        descending,
        rows,
        total,
        query.quick_counts(f) if counts else None,
        now=now,
        nearly_due=nearly_due,
    )


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
        term(case.kind),  # stored words in the chosen language (what people typed stays as typed)
        term(case.severity),
        f"{term(case.category)}·{term(case.subcategory)}"  # 类别·细类
        if case.subcategory
        else term(case.category),
        first_line(case.account),
        term(department),
        term(case.state),
        f"{case.resolve_due:{DATETIME_FORMAT}}",
        status,
        QCoreApplication.translate("CaseTableModel", LATE_REPLY) if case.first_reply_late(now) else "",
    )
    return CaseRow(case.id, cells, status, case.account[:400], case)


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
        self._rows: list[_Line] = []
        self._total = 0
        self._now = clock.now()
        self._nearly_due = dt.timedelta(hours=24)
        self._mark: dt.datetime | None = None  # the last change read (Case.updated_at)
        self._counted = True

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

    @property
    def sort_name(self) -> str:
        return self._sort

    def set_filter(self, f: CaseFilter) -> None:
        self._filter = f
        self.reload(keep_loaded=False)

    def set_order(self, column: int, order: Qt.SortOrder) -> bool:
        """Take the order of `column` without reading (the caller reads); False if it cannot sort."""
        if not 0 <= column < len(COLUMNS) or COLUMNS[column].sort is None:
            return False
        self._sort = COLUMNS[column].sort or "received_at"
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._sort_column = column
        return True

    def read(self, f: CaseFilter, counts: bool = False, total: int | None = None) -> ListResult:
        """The first page for `f` in the current order, read here (see `read_first_page`)."""
        nearly_due = self._policies.load().nearly_due
        return read_first_page(self._query, f, self._sort, self._descending, counts, nearly_due, total)

    def show(self, result: ListResult) -> None:
        """Show a first page read for `result.case_filter` (here or on another thread)."""
        self.beginResetModel()
        self._filter = result.case_filter
        self._sort = result.sort
        self._descending = result.descending
        self._now = result.now or self._clock.now()
        self._nearly_due = result.nearly_due
        self._rows = [_Line(c) for c in result.rows]
        self._counted = result.total != UNCOUNTED
        self._total = result.total if self._counted else len(self._rows) + 1  # more may follow
        self._mark = self._query.last_change()
        self.endResetModel()

    @property
    def counted(self) -> bool:
        """`total` is the number of matches (not yet, while a search's are being counted)."""
        return self._counted

    def set_total(self, total: int) -> None:
        self._total = max(total, len(self._rows))
        self._counted = True

    def refresh_rows(self, in_view: Iterable[int] = ()) -> None:
        """After a save: read again the cases changed since the last read (their `updated_at`)
        and the rows in view, and put each where it now belongs in the rows loaded (a case that
        now sorts past the last row loaded comes with the next page; one that no longer matches
        the filter leaves). Nothing else scrolled in is read again."""
        mark = self._query.last_change()
        changed = set(self._query.changed_since(self._mark)) if self._mark is not None else set()
        self._mark = mark
        self._now = self._clock.now()
        self._nearly_due = self._policies.load().nearly_due
        wanted = changed | set(in_view)
        if not wanted:
            return
        everything = len(self._rows) >= self._total  # every matching case is loaded
        fresh = {r.id: r for r in self._query.rows_by_id(self._filter, sorted(wanted))}
        for case_id in sorted(wanted):
            self._place(case_id, fresh.get(case_id), everything)

    def _key(self, row: ListRow | None) -> tuple[object, ...]:
        assert row is not None
        return sort_key(row, self._sort)

    def _position(self, key: tuple[object, ...]) -> int:
        """Where a row with this key goes among the rows loaded (a binary search)."""
        lo, hi = 0, len(self._rows)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._in_order(self._key(self._rows[mid].source), key):
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _place(self, case_id: int, row: ListRow | None, everything: bool) -> None:
        """Put the case's new row where the order puts it (or take it out)."""
        old = self.row_of(case_id)
        made = _Line(row) if row is not None else None
        if old is not None and made is not None and row is not None:
            key = self._key(row)
            before = self._rows[old - 1].source if old > 0 else None
            after = self._rows[old + 1].source if old + 1 < len(self._rows) else None
            if (before is None or self._in_order(self._key(before), key)) and (
                after is None or self._in_order(key, self._key(after))
            ):  # its place is the same: only its cells change
                self._rows[old] = made
                self.dataChanged.emit(self.index(old, 0), self.index(old, len(COLUMNS) - 1))
                return
        if old is not None:
            self.beginRemoveRows(QModelIndex(), old, old)
            del self._rows[old]
            self.endRemoveRows()
        if made is None or row is None:
            return
        at = self._position(self._key(row))
        if at >= len(self._rows) and not everything:
            return  # past the last row loaded: it comes with the page that reaches it
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.insert(at, made)
        self.endInsertRows()

    def _in_order(self, first: tuple[object, ...], second: tuple[object, ...]) -> bool:
        return first >= second if self._descending else first <= second  # type: ignore[operator]

    def reload(self, keep_loaded: bool = True) -> None:
        """Read the first page(s) again; with keep_loaded as many rows as were loaded."""
        limit = max(PAGE_SIZE, len(self._rows)) if keep_loaded else PAGE_SIZE
        self.beginResetModel()
        self._now = self._clock.now()
        self._nearly_due = self._policies.load().nearly_due
        self._total = self._query.count(self._filter)
        self._counted = True
        self._rows = self._read(limit)
        self._mark = self._query.last_change()
        self.endResetModel()

    def _read(self, limit: int, after: ListRow | None = None) -> list[_Line]:
        cases = self._query.page(
            self._filter, 0, limit, sort=self._sort, descending=self._descending, after=after
        )
        return [_Line(c) for c in cases]

    def _shown(self, line: _Line) -> CaseRow:
        if line.shown is None:
            line.shown = case_row(line.source, self._now, self._nearly_due)
        return line.shown

    def case_id(self, row: int) -> int | None:
        return self._rows[row].source.id if 0 <= row < len(self._rows) else None

    def row_of(self, case_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.source.id == case_id:
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
        more = self._read(PAGE_SIZE, after=self._rows[-1].source if self._rows else None)
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
        # Called for every role of every cell painted: the roles are plain numbers, compared
        # in the order painting asks for them, and a row's cells are made once.
        r = index.row()
        if r < 0 or r >= len(self._rows):
            return None
        row = self._shown(self._rows[r])
        col = index.column()
        if role == _DISPLAY:
            if col == _DEADLINE and row.deadline:
                return self.tr(row.deadline)
            return row.cells[col]
        if role == _BACKGROUND:
            return QBrush(ROW_TINT[row.deadline]) if row.deadline else None
        if role == _ALIGNMENT:
            return _CENTER if col in _CENTERED else None
        if role == _FOREGROUND:
            if col == _DEADLINE and row.deadline:
                return QBrush(STATUS_TEXT_COLOUR[row.deadline])
            if col == _FIRST_REPLY and row.cells[col]:
                return QBrush(STATUS_TEXT_COLOUR[OVERDUE])
            return None
        if role == _FONT:
            if row.deadline and col == _DEADLINE:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == _USER:
            return row.case_id
        if role == _TOOLTIP:
            if col == _ACCOUNT:
                return row.tooltip
            if col == _DEADLINE and row.deadline:
                return self.tr("已超过办结期限") if row.deadline == OVERDUE else self.tr("即将到期")
            if col == _FIRST_REPLY and row.cells[col]:
                return self.tr("首次回复晚于期限,或过了期限仍未回复业主")
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
