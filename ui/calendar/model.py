"""The visit lists' table model (day table, side panel, week columns) and the list factory.

Rows are `app.visits.VisitRow`s the service made; a planned row can be dragged (the drag
carries the visit id under `VISIT_MIME`) onto a day of the month grid.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from app.i18n import term
from app.visits import OVERDUE, VisitRow
from app.visits.shown import shown_visit_reason
from ui.calendar.colours import state_colours
from ui.i18n import QT_TR_NOOP

VISIT_MIME = "application/x-huiyin-visit"
UNASSIGNED = QT_TR_NOOP("未指定")  # app.visits groups the visits nobody holds under this name


class VisitListModel(QAbstractTableModel):
    """Visits as table rows (or, with the column "compact", two-line list entries).

    Planned rows can be dragged; the drag carries the visit id under `VISIT_MIME`."""

    HEADERS = {
        "state": QT_TR_NOOP("状态"),
        "due": QT_TR_NOOP("应访日"),
        "room": QT_TR_NOOP("房号"),
        "case": QT_TR_NOOP("案件/类型"),
        "kind": QT_TR_NOOP("性质"),
        "visitor": QT_TR_NOOP("回访人"),
        "role": QT_TR_NOOP("角色"),
        "attempt": QT_TR_NOOP("次"),
        "reason": QT_TR_NOOP("安排原因"),
        "compact": QT_TR_NOOP("回访"),
        "card": QT_TR_NOOP("房号 · 业主 · 事由 · 回访人"),
    }

    def __init__(self, columns: tuple[str, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.rows: list[VisitRow] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: list[VisitRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[self.columns[section]])
        return None

    def text(self, row: VisitRow, column: str) -> str:
        if column == "state":
            return term(row.state)
        if column in ("kind", "role", "case"):  # a periodic visit's purpose stands in for the case
            return term(getattr(row, column))
        if column == "due":
            return self.tr("{0}月{1}日").format(row.due.month, row.due.day)
        if column == "attempt":
            return str(row.attempt)
        if column == "compact":
            return (
                f"{term(row.state)} · {row.room or '—'}\n{term(row.case or row.kind)}\n"
                f"{row.visitor or self.tr(UNASSIGNED)}"
            )
        if column == "card":
            return self.card(row)
        if column == "reason":
            return shown_visit_reason(row.reason)
        return str(getattr(row, column))

    def card(self, row: VisitRow, with_visitor: bool = True) -> str:
        """Three lines a clerk reads a visit by: where and whom; what about; who and when
        (without the visitor where the list is grouped by visitor)."""
        where = "  ".join(p for p in (row.room or "—", row.owner) if p)
        kind = term(row.kind) if row.kind else ""
        what = f"{kind}·{term(row.category)}" if kind and row.category else kind
        about = "  ".join(p for p in (what, term(row.case)) if p)
        if row.appointment is not None:
            when = self.tr("预约 {0}月{1}日 {2}").format(
                row.appointment.month, row.appointment.day, f"{row.appointment:%H:%M}"
            )
        elif row.done_on is not None:
            when = self.tr("{0}月{1}日回访").format(row.done_on.month, row.done_on.day)
        else:
            when = self.tr("应访 {0}月{1}日").format(row.due.month, row.due.day)
        if not with_visitor:
            return f"{where}\n{about}\n{when}"
        who = self.tr("回访人:{0}").format(row.visitor or self.tr(UNASSIGNED))
        return f"{where}\n{about}\n{who} · {when}"

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "card":
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{0} · 应访 {1} · {2}").format(term(row.state), f"{row.due:%Y-%m-%d}", shown_visit_reason(row.reason))
        if column in ("state", "compact"):
            bg, fg = state_colours(row.state)
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(bg))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(fg))
            if role == Qt.ItemDataRole.FontRole and row.state == OVERDUE:
                return self._bold
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.rows[index.row()].planned:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [VISIT_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        ids = sorted({self.rows[i.row()].id for i in indexes if i.isValid() and self.rows[i.row()].planned})
        if ids:
            mime.setData(VISIT_MIME, str(ids[0]).encode())
        return mime

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def visit_id(self, index: QModelIndex) -> int | None:
        return self.rows[index.row()].id if index.isValid() else None


class EnterActivates(QObject):
    """Enter on a list's current entry does what a double-click does."""

    def __init__(self, view: QAbstractItemView, callback: Callable[[QModelIndex], None]) -> None:
        super().__init__(view)
        self.view = view
        self.callback = callback
        view.installEventFilter(self)
        view.doubleClicked.connect(callback)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.view.currentIndex().isValid():
                self.callback(self.view.currentIndex())
                return True
        return False


def make_visit_table(model: VisitListModel, parent: QWidget | None = None) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setDragEnabled(True)
    view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
    view.setDefaultDropAction(Qt.DropAction.CopyAction)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    # Widths from the longest usual text, not from every row: a day may list hundreds.
    fm = view.fontMetrics()
    samples = {
        "state": "未联系上",
        "due": QCoreApplication.translate("VisitListModel", "{0}月{1}日").format(12, 31),
        "room": "12-2-1203",
        "case": "TS-2026-00042",
        "kind": "特约服务",
        "visitor": "欧阳物管员",  # data: a long name
        "role": "社区文化文员",
        "attempt": "",
        "reason": "",
    }
    for col, key in enumerate(model.columns):
        header_text = QCoreApplication.translate("VisitListModel", VisitListModel.HEADERS[key])
        text = max(samples.get(key, ""), header_text, key=fm.horizontalAdvance)
        header.resizeSection(col, fm.horizontalAdvance(text) + 18)
    return view
