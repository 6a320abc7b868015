"""回访日历: the follow-up visits by month, week and day, with today's list per visitor.

The month grid is one widget that paints itself from `VisitService.day_counts` (one grouped
query per month), so a month of thousands of visits draws at once. Each day shows its
counts by state as small pills that carry the word and the number (计划 3, 逾期 1), never
the colour alone. A planned visit is moved to another day by dragging it from a list onto
a day of the month, or with 改期…; both ask why, and the service writes it to the case.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TR_NOOP,
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolTip,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import domain
from app.clock import Clock
from app.errors import UserError, ValidationError
from app.models import Owner, Staff, Visit
from app.staff import StaffService
from app.visits import CALENDAR_STATES, OVERDUE, VisitFilter, VisitService
from app.workdays import WorkCalendar
from ui.i18n import weekday
from ui.widgets import INVALID_STYLE, Banner, ErrorLabel, mark_invalid

VISIT_MIME = "application/x-huiyin-visit"
# A day's mark in the month grid: 休 a holiday on a weekday, 班 a weekend working day.
HOLIDAY_MARK = QT_TRANSLATE_NOOP("MonthGrid", "休")
WORKDAY_MARK = QT_TRANSLATE_NOOP("MonthGrid", "班")
UNASSIGNED = QT_TR_NOOP("未指定")  # app.visits groups the visits nobody holds under this name

# Each shown state: (pill background, text colour). The word is always drawn as well.
STATE_COLOURS: dict[str, tuple[str, str]] = {
    domain.VISIT_PLANNED: ("#dbe9fb", "#0d3c75"),
    OVERDUE: ("#fbd9d5", "#8c1d18"),
    domain.VISIT_DONE: ("#d7eedb", "#1b5e20"),
    domain.VISIT_UNREACHABLE: ("#fbe7c2", "#6d4300"),
    domain.VISIT_REFUSED: ("#e6e0ef", "#45325f"),
}
TODAY_BLUE = "#1565c0"
SELECTED_FILL = "#eaf2fc"
OUTSIDE_FILL = "#f4f5f6"
REST_FILL = "#fbf8f2"  # weekends and holidays, lightly
DROP_GREEN = "#2e7d32"


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def month_grid_days(first: dt.date) -> list[dt.date]:
    """The days the month grid shows: whole weeks from Monday, 4 to 6 of them."""
    start = week_start(first)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    weeks = ((last - start).days // 7) + 1
    return [start + dt.timedelta(days=i) for i in range(weeks * 7)]


# The rows the lists show --------------------------------------------------------------------
@dataclass(frozen=True)
class VisitRow:
    id: int
    state: str  # as shown: 计划, 逾期, 已完成 …
    planned: bool  # still open, so it can be moved
    due: dt.date
    done_on: dt.date | None
    room: str
    case: str  # the case number, or the purpose of a periodic visit
    kind: str
    visitor: str
    role: str
    attempt: int
    reason: str
    owner: str = ""  # who is visited: the case's customer, or the room's occupant
    category: str = ""
    appointment: dt.datetime | None = None  # 预约时间, when one was made


def visit_rows(visits: VisitService, items: Iterable[Visit]) -> list[VisitRow]:
    rows = []
    items = list(items)
    # A periodic visit has no case: the room's occupant is who is visited (one query for all).
    rooms = {v.room_id for v in items if not v.case_id and v.room_id}
    occupants: dict[int, str] = {}
    if rooms:
        found = Owner.select(Owner.room, Owner.name).where(Owner.room.in_(rooms), Owner.active == True)  # noqa: E712
        for owner in found.order_by(Owner.id):
            occupants.setdefault(owner.room_id, owner.name)
    for v in items:
        case = v.case if v.case_id else None
        if case is not None:
            owner = "" if case.anonymous else case.customer_name
        else:
            owner = occupants.get(v.room_id, "") if v.room_id else ""
        rows.append(
            VisitRow(
                id=v.id,
                state=visits.display_state(v),
                planned=v.state == domain.VISIT_PLANNED,
                due=v.due,
                done_on=v.done_at.date() if v.done_at else None,
                room=v.room.label if v.room_id else "",
                case=case.number if case is not None else (v.purpose or ""),
                kind=case.kind if case is not None else "",
                visitor=v.visitor_name or "",
                role=domain.ROLES.get(v.role, v.role),
                attempt=v.attempt,
                reason=v.reason,
                owner=owner,
                category=(case.category or "") if case is not None else "",
                appointment=v.appointment,
            )
        )
    return rows


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
            return row.state
        if column == "due":
            return self.tr("{0}月{1}日").format(row.due.month, row.due.day)
        if column == "attempt":
            return str(row.attempt)
        if column == "compact":
            return f"{row.state} · {row.room or '—'}\n{row.case or row.kind}\n{row.visitor or self.tr(UNASSIGNED)}"
        if column == "card":
            return self.card(row)
        return str(getattr(row, column))

    def card(self, row: VisitRow, with_visitor: bool = True) -> str:
        """Three lines a clerk reads a visit by: where and whom; what about; who and when
        (without the visitor where the list is grouped by visitor)."""
        where = "  ".join(p for p in (row.room or "—", row.owner) if p)
        kind = self.tr(row.kind) if row.kind else ""
        what = f"{kind}·{row.category}" if kind and row.category else kind
        about = "  ".join(p for p in (what, row.case) if p)
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
            return self.tr("{0} · 应访 {1} · {2}").format(row.state, f"{row.due:%Y-%m-%d}", row.reason)
        if column in ("state", "compact"):
            bg, fg = STATE_COLOURS.get(row.state, ("#ffffff", "#222222"))
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

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        ids = sorted({self.rows[i.row()].id for i in indexes if i.isValid() and self.rows[i.row()].planned})
        if ids:
            mime.setData(VISIT_MIME, str(ids[0]).encode())
        return mime

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def visit_id(self, index: QModelIndex) -> int | None:
        return self.rows[index.row()].id if index.isValid() else None


class _EnterActivates(QObject):
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


# The month grid ------------------------------------------------------------------------------
class MonthGrid(QWidget):
    """The month, painted in one go: per day its counts by state as pills with words."""

    day_selected = Signal(object)  # dt.date
    day_opened = Signal(object)  # dt.date (double-click or Enter: the day view)
    visit_dropped = Signal(int, object)  # visit id, dt.date

    HEADER_HEIGHT = 26

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.month = dt.date.today().replace(day=1)
        self.today = dt.date.today()
        self.selected = self.today
        self.days: list[dt.date] = month_grid_days(self.month)
        self.counts: dict[dt.date, dict[str, int]] = {}
        self.marks: dict[dt.date, str] = {}  # 休 (holiday) / 班 (adjusted working day)
        self.drop_day: dt.date | None = None
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.setMinimumSize(560, 360)
        self.setAccessibleName(self.tr("回访月历"))
        self.pill_font = QFont(self.font())
        self.pill_font.setPointSizeF(max(8.0, self.font().pointSizeF() - 1))
        self.number_font = QFont(self.font())
        self.number_font.setBold(True)

    def set_data(
        self,
        month: dt.date,
        today: dt.date,
        selected: dt.date,
        counts: dict[dt.date, dict[str, int]],
        marks: dict[dt.date, str],
    ) -> None:
        self.month = month_start(month)
        self.today = today
        self.selected = selected
        self.days = month_grid_days(self.month)
        self.counts = counts
        self.marks = marks
        self.update()

    # What a day shows: the paint and the tests read the same.
    def pill_texts(self, day: dt.date) -> list[tuple[str, str]]:
        counts = self.counts.get(day, {})
        return [(state, f"{state} {counts[state]}") for state in CALENDAR_STATES if counts.get(state)]

    def cell_text(self, day: dt.date) -> str:
        return "  ".join(text for _, text in self.pill_texts(day))

    # Geometry
    def rows(self) -> int:
        return len(self.days) // 7

    def cell_rect(self, index: int) -> QRect:
        width = self.width() - 1
        height = self.height() - self.HEADER_HEIGHT - 1
        row, col = divmod(index, 7)
        x0, x1 = col * width // 7, (col + 1) * width // 7
        y0 = self.HEADER_HEIGHT + row * height // self.rows()
        y1 = self.HEADER_HEIGHT + (row + 1) * height // self.rows()
        return QRect(x0, y0, x1 - x0, y1 - y0)

    def day_at(self, pos: QPoint) -> dt.date | None:
        if pos.y() < self.HEADER_HEIGHT or not self.rect().contains(pos):
            return None
        width = max(1, self.width() - 1)
        height = max(1, self.height() - self.HEADER_HEIGHT - 1)
        col = min(6, pos.x() * 7 // width)
        row = min(self.rows() - 1, (pos.y() - self.HEADER_HEIGHT) * self.rows() // height)
        return self.days[row * 7 + col]

    def sizeHint(self) -> QSize:
        return QSize(780, 520)

    # Painting
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        header_font = QFont(self.font())
        painter.setFont(header_font)
        width = self.width() - 1
        for col in range(7):
            name = weekday(col)
            rect = QRect(col * width // 7, 0, (col + 1) * width // 7 - col * width // 7, self.HEADER_HEIGHT)
            painter.fillRect(rect, QColor("#eef2f5"))
            painter.setPen(QColor("#8c1d18" if col >= 5 else "#37474f"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, name)
        pill_metrics = QFontMetrics(self.pill_font)
        number_metrics = QFontMetrics(self.number_font)
        for index, day in enumerate(self.days):
            self._paint_day(painter, index, day, pill_metrics, number_metrics)
        painter.end()

    def _paint_day(
        self, painter: QPainter, index: int, day: dt.date, pill_fm: QFontMetrics, number_fm: QFontMetrics
    ) -> None:
        rect = self.cell_rect(index)
        inside = day.month == self.month.month and day.year == self.month.year
        mark = self.marks.get(day, "")
        resting = mark == HOLIDAY_MARK or (day.weekday() >= 5 and mark != WORKDAY_MARK)
        fill = (
            OUTSIDE_FILL
            if not inside
            else SELECTED_FILL
            if day == self.selected
            else REST_FILL
            if resting
            else "#ffffff"
        )
        painter.fillRect(rect, QColor(fill))
        painter.setPen(QPen(QColor("#d5dbe0"), 1))
        painter.drawRect(rect)
        painter.setOpacity(1.0 if inside else 0.45)
        # The day's number, "今天", and the holiday mark
        painter.setFont(self.number_font)
        painter.setPen(QColor(TODAY_BLUE if day == self.today else "#263238"))
        number = str(day.day) if day.day != 1 else self.tr("{0}月{1}日").format(day.month, day.day)
        number_rect = QRect(rect.left() + 6, rect.top() + 3, rect.width() - 12, number_fm.height())
        painter.drawText(number_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, number)
        x_after = number_rect.left() + number_fm.horizontalAdvance(number) + 6
        painter.setFont(self.pill_font)
        if day == self.today:
            painter.setPen(QColor(TODAY_BLUE))
            painter.drawText(
                QRect(x_after, number_rect.top(), rect.right() - x_after, number_rect.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.tr("今天"),
            )
        if mark:
            painter.setPen(QColor("#b23b2e" if mark == HOLIDAY_MARK else "#607d8b"))
            painter.drawText(
                number_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self.tr(mark)
            )
        # The pills, flowing left to right
        pill_h = pill_fm.height() + 4
        x, y = rect.left() + 5, number_rect.bottom() + 5
        right, bottom = rect.right() - 4, rect.bottom() - 3
        texts = self.pill_texts(day)
        for i, (state, text) in enumerate(texts):
            w = pill_fm.horizontalAdvance(text) + 12
            if x + w > right and x > rect.left() + 5:
                x, y = rect.left() + 5, y + pill_h + 3
            if y + pill_h > bottom:
                rest = len(texts) - i
                painter.setPen(QColor("#455a64"))
                painter.drawText(
                    QRect(rect.left(), bottom - pill_h, rect.width() - 6, pill_h),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    self.tr("另{0}项…").format(rest),
                )
                break
            bg, fg = STATE_COLOURS[state]
            pill = QRectF(x, y, min(w, right - x), pill_h)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(bg))
            painter.drawRoundedRect(pill, pill_h / 2, pill_h / 2)
            painter.setPen(QColor(fg))
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
            x += w + 4
        painter.setOpacity(1.0)
        # Outlines on top: today, the drop target, the keyboard focus
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if day == self.today:
            painter.setPen(QPen(QColor(TODAY_BLUE), 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        if day == self.drop_day:
            painter.setPen(QPen(QColor(DROP_GREEN), 3, Qt.PenStyle.DashLine))
            painter.drawRect(rect.adjusted(2, 2, -2, -2))
        elif day == self.selected and self.hasFocus():
            painter.setPen(QPen(QColor("#546e7a"), 1, Qt.PenStyle.DotLine))
            painter.drawRect(rect.adjusted(3, 3, -3, -3))

    # Mouse and keys
    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().toPoint())
        if day is not None and event.button() == Qt.MouseButton.LeftButton:
            self.day_selected.emit(day)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().toPoint())
        if day is not None:
            self.day_opened.emit(day)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}
        if event.key() in steps:
            self.day_selected.emit(self.selected + dt.timedelta(days=steps[Qt.Key(event.key())]))
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.day_opened.emit(self.selected)
        else:
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            day = self.day_at(event.pos())  # type: ignore[attr-defined]
            if day is not None:
                text = self.cell_text(day) or self.tr("无回访")
                QToolTip.showText(event.globalPos(), f"{day:%Y-%m-%d}  {text}", self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    # Drops: a planned visit dragged from a list onto a day
    def _drop_target(self, event: QDragMoveEvent | QDropEvent) -> dt.date | None:
        if not event.mimeData().hasFormat(VISIT_MIME):
            return None
        day = self.day_at(event.position().toPoint())
        return day if day is not None and day >= self.today else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(VISIT_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        day = self._drop_target(event)
        if day != self.drop_day:
            self.drop_day = day
            self.update()
        if day is None:
            event.ignore()  # no moving a visit into the past
        else:
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.drop_day = None
        self.update()

    def dropEvent(self, event: QDropEvent) -> None:
        day = self._drop_target(event)
        self.drop_day = None
        self.update()
        if day is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        visit_id = int(bytes(event.mimeData().data(VISIT_MIME).data()).decode())
        self.visit_dropped.emit(visit_id, day)


# The week: seven columns of visits -----------------------------------------------------------
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
            _EnterActivates(view, lambda index, m=model: self._activate(m, index))
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
                "QPushButton { text-align: center; padding: 2px; border: 1px solid #cfd8dc; border-radius: 3px;"
                " background: #eef2f5; }"
                " QPushButton:checked { background: #d6e6f8; border-color: #90b4dc; }"
                + (
                    f" QPushButton {{ color: {TODAY_BLUE}; font-weight: bold; border: 2px solid {TODAY_BLUE}; }}"
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


# Rescheduling --------------------------------------------------------------------------------
class RescheduleDialog(QDialog):
    """改期: the new day and why. `apply(day, reason)` does it; its refusal is shown here,
    and nothing typed is lost."""

    def __init__(
        self,
        summary: str,
        current: dt.date,
        proposed: dt.date,
        earliest: dt.date,
        apply: Callable[[dt.date, str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("回访改期"))
        self.setStyleSheet(INVALID_STYLE)
        self.current = current
        self._apply = apply
        form = QFormLayout()
        form.addRow(self.tr("回访:"), QLabel(summary))
        form.addRow(
            self.tr("原定日期:"),
            QLabel(self.tr("{0}(周{1})").format(f"{current:%Y-%m-%d}", weekday(current))),
        )
        self.date = QDateEdit(_qdate(proposed))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMinimumDate(_qdate(earliest))
        form.addRow(self.tr("改到:"), self.date)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("必填,例如:业主出差,约定下周再访"))
        self.reason.setMaxLength(100)
        self.reason.setMinimumWidth(320)
        form.addRow(self.tr("改期原因:"), self.reason)
        self.error = ErrorLabel()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("改期"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.reason.setFocus()

    def submit(self) -> None:
        day = self.date.date().toPython()
        if day == self.current:
            self.error.set_error(self.tr("新日期与原定日期相同"))
            return
        try:
            self._apply(day, self.reason.text())
        except ValidationError as exc:
            mark_invalid(self.reason, "原因" in exc.problems)
            self.error.set_error(str(exc))
            if "原因" in exc.problems:
                self.reason.setFocus()
            return
        except UserError as exc:
            self.error.set_error(str(exc))
            return
        self.accept()


# The page ------------------------------------------------------------------------------------
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
        self.visitor_filter = QComboBox()
        self.role_filter = QComboBox()
        self.kind_filter = QComboBox()
        self.building_filter = QComboBox()
        self.role_filter.addItem(self.tr("全部角色"), None)
        for key, label in domain.ROLES.items():
            if key not in ("admin", "night_duty"):
                self.role_filter.addItem(label, key)
        self.kind_filter.addItem(self.tr("全部性质"), None)
        for kind in domain.KINDS:
            self.kind_filter.addItem(kind, kind)
        self.clear_filters_button = QPushButton(self.tr("清除筛选"))
        self.clear_filters_button.clicked.connect(self.clear_filters)
        row2 = QHBoxLayout()
        for label, combo in (
            (self.tr("回访人"), self.visitor_filter),
            (self.tr("角色"), self.role_filter),
            (self.tr("性质"), self.kind_filter),
            (self.tr("楼栋"), self.building_filter),
        ):
            row2.addWidget(QLabel(label))
            combo.setMinimumContentsLength(6)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.currentIndexChanged.connect(self.refresh)
            row2.addWidget(combo)
            row2.addSpacing(8)
        row2.addWidget(self.clear_filters_button)
        row2.addStretch(1)

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
        self.side_hint.setStyleSheet("color: #607d8b;")
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
        self.today_tree = QTreeWidget()
        self.today_tree.setColumnCount(2)
        self.today_tree.setHeaderLabels([self.tr("状态"), self.tr("房号 · 业主 · 事由 · 时间")])
        self.today_tree.setRootIsDecorated(True)
        self.today_tree.setAlternatingRowColors(True)
        self.today_tree.setUniformRowHeights(False)  # a visit is three lines, its visitor's heading one
        fm = self.today_tree.fontMetrics()
        self.today_tree.header().resizeSection(0, fm.horizontalAdvance("未联系上") + 44)
        self.today_tree.header().setStretchLastSection(True)
        self.today_tree.currentItemChanged.connect(
            lambda item, _prev: self._set_selected_visit(
                item.data(0, Qt.ItemDataRole.UserRole) if item else None
            )
        )
        _EnterActivates(self.today_tree, self._activate_tree)
        self.today_summary = QLabel()
        self.today_summary.setWordWrap(True)
        today_tab = QWidget()
        today_layout = QVBoxLayout(today_tab)
        today_layout.setContentsMargins(6, 6, 6, 6)
        today_layout.addWidget(self.today_summary)
        today_layout.addWidget(self.today_tree, 1)
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(day_tab, self.tr("所选日"))
        self.side_tabs.addTab(today_tab, self.tr("今日回访"))
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
        layout.addLayout(row2)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.setStyleSheet(
            "QPushButton#segment { padding: 4px 12px; border: 1px solid #90a4ae; background: #ffffff; }"
            " QPushButton#segment:checked { background: #1f6f8b; color: white; border-color: #1f6f8b; }"
        )
        self.refresh()

    # Filters ---------------------------------------------------------------------------------
    def _load_filter_choices(self) -> None:
        """Fill the visitor and building lists, keeping what is chosen."""
        for combo in (self.visitor_filter, self.building_filter):
            combo.blockSignals(True)
        keep_visitor, keep_building = self.visitor_filter.currentData(), self.building_filter.currentData()
        self.visitor_filter.clear()
        self.visitor_filter.addItem(self.tr("全部回访人"), None)
        for person in sorted(self.staff.staff(), key=lambda p: p.name):
            if person.role in ("admin", "night_duty"):
                continue
            self.visitor_filter.addItem(
                f"{person.name}({domain.ROLES.get(person.role, person.role)})", person.id
            )
        self.building_filter.clear()
        self.building_filter.addItem(self.tr("全部楼栋"), None)
        for building in self.visits.buildings():
            self.building_filter.addItem(self.tr("{0}栋").format(building), building)
        for combo, keep in ((self.visitor_filter, keep_visitor), (self.building_filter, keep_building)):
            combo.setCurrentIndex(max(0, combo.findData(keep)))
            combo.blockSignals(False)

    def visit_filter(self) -> VisitFilter:
        return VisitFilter(
            visitor_id=self.visitor_filter.currentData(),
            role=self.role_filter.currentData(),
            kind=self.kind_filter.currentData(),
            building=self.building_filter.currentData(),
        )

    def clear_filters(self) -> None:
        for combo in (self.visitor_filter, self.role_filter, self.kind_filter, self.building_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.refresh()

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
        self._load_filter_choices()
        f = self.visit_filter()
        today = self.today()
        self.title.setText(self._title(today))
        if self.mode == self.MONTH:
            days = month_grid_days(month_start(self.selected))
            counts = self.visits.day_counts(days[0], days[-1], f)
            self.month_view.set_data(self.selected, today, self.selected, counts, self._holiday_marks(days))
        elif self.mode == self.WEEK:
            days = [week_start(self.selected) + dt.timedelta(days=i) for i in range(7)]
            rows = [visit_rows(self.visits, self._own_visits(day, f)) for day in days]
            self.week_view.set_data(days, rows, today, self.selected)
        if self.mode == self.DAY:
            self.day_model.set_rows(visit_rows(self.visits, self.visits.day_list(self.selected, f)))
            self.side_tabs.setCurrentIndex(1)
        else:
            self._load_side(f, today)
        self._today_dirty = True
        if self.side_tabs.currentIndex() == 1:
            self._load_today()
        self._set_selected_visit(self.selected_visit)

    def _load_side(self, f: VisitFilter, today: dt.date) -> None:
        rows = visit_rows(self.visits, self.visits.day_list(self.selected, f))
        self.side_model.set_rows(rows)
        self.side_title.setText(self._side_title(rows, today))

    def _own_visits(self, day: dt.date, f: VisitFilter) -> list[Visit]:
        """A week column lists the day's own visits; the overdue show on their own day."""
        return [v for v in self.visits.day_list(day, f) if (v.done_at.date() if v.done_at else v.due) == day]

    def _holiday_marks(self, days: list[dt.date]) -> dict[dt.date, str]:
        span = (days[0], days[-1])
        if self._marks_for != span:
            work = WorkCalendar.from_database()
            marks = {}
            for day in days:
                workday = work.is_workday(day)
                if day.weekday() < 5 and not workday:
                    marks[day] = HOLIDAY_MARK
                elif day.weekday() >= 5 and workday:
                    marks[day] = WORKDAY_MARK
            self._marks, self._marks_for = marks, span
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
        groups = self.visits.today_by_visitor(self.visit_filter())
        self.today_tree.clear()
        total = overdue_total = 0
        bold = QFont(self.today_tree.font())
        bold.setBold(True)
        for name in sorted(groups, key=lambda n: (n == UNASSIGNED, n)):
            rows = visit_rows(self.visits, groups[name])
            overdue = sum(1 for r in rows if r.state == OVERDUE)
            total, overdue_total = total + len(rows), overdue_total + overdue
            label = self.tr("{0}:{1} 件").format(
                self.tr(UNASSIGNED) if name == UNASSIGNED else name, len(rows)
            )
            if overdue:
                label += self.tr("(逾期 {0})").format(overdue)
            top = QTreeWidgetItem([label])
            top.setFont(0, bold)
            for r in rows:
                child = QTreeWidgetItem([r.state, self.side_model.card(r, with_visitor=False)])
                child.setData(0, Qt.ItemDataRole.UserRole, r.id)
                bg, fg = STATE_COLOURS.get(r.state, ("#ffffff", "#222222"))
                child.setBackground(0, QColor(bg))
                child.setForeground(0, QColor(fg))
                if r.state == OVERDUE:
                    child.setFont(0, bold)
                child.setToolTip(0, r.reason)
                top.addChild(child)
            self.today_tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)  # only once it is in the tree
            top.setExpanded(True)
        if total:
            text = self.tr("今天共 {0} 件待回访,{1} 位回访人").format(total, len(groups))
            if overdue_total:
                text += self.tr(";其中逾期 {0} 件").format(overdue_total)
        else:
            text = self.tr("今天没有待回访的。")
        self.today_summary.setText(text)

    def _side_tab_changed(self, index: int) -> None:
        if index == 1 and self._today_dirty:
            self._load_today()

    # Selecting and opening visits ------------------------------------------------------------
    def _hook_table(self, view: QTableView, model: VisitListModel) -> None:
        view.selectionModel().currentChanged.connect(
            lambda current, _prev: self._set_selected_visit(model.visit_id(current))
        )
        _EnterActivates(view, lambda index: self._emit_activated(model.visit_id(index)))

    def _activate_tree(self, index: QModelIndex) -> None:
        item = self.today_tree.itemFromIndex(index)
        visit_id = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if visit_id is not None:
            self.visit_activated.emit(int(visit_id))

    def _emit_activated(self, visit_id: int | None) -> None:
        if visit_id is not None:
            self.visit_activated.emit(visit_id)

    def _set_selected_visit(self, visit_id: int | None) -> None:
        visit = Visit.get_or_none(Visit.id == visit_id) if visit_id is not None else None
        self.selected_visit = visit.id if visit else None
        self.open_button.setEnabled(visit is not None)
        self.reschedule_button.setEnabled(visit is not None and visit.state == domain.VISIT_PLANNED)
        if visit is None:
            self.selection_label.setText(self.tr("未选回访。选中一条可改期或打开记录。"))
            return
        self.selection_label.setText(self.tr("已选:{0}").format(self._summary(visit)))

    def _summary(self, visit: Visit) -> str:
        room = visit.room.label if visit.room_id else ""
        what = visit.case.number if visit.case_id else visit.purpose
        state = self.visits.display_state(visit)
        who = visit.visitor_name or self.tr("未指定")
        return " ".join(
            p for p in (room, what, f"{who}", f"{state}", self.tr("应访 {0}").format(visit.due)) if p
        )

    def _open_selected(self) -> None:
        if self.selected_visit is not None:
            self.visit_activated.emit(self.selected_visit)

    # Rescheduling ----------------------------------------------------------------------------
    def reschedule_selected(self) -> None:
        if self.selected_visit is not None:
            visit = Visit.get_by_id(self.selected_visit)
            proposed = max(self.today(), visit.due + dt.timedelta(days=1))
            self.ask_reschedule(visit.id, proposed)

    def ask_reschedule(self, visit_id: int, day: dt.date) -> RescheduleDialog | None:
        """Ask why, then move the visit (from a drop on the month or from 改期…)."""
        visit = Visit.get_or_none(Visit.id == visit_id)
        if visit is None:
            self.banner.show_message(self.tr("这条回访已不存在,请刷新。"), "error")
            return None
        if visit.state != domain.VISIT_PLANNED:
            self.banner.show_message(self.tr("这次回访已是“{0}”,不能改期。").format(visit.state), "error")
            return None
        dialog = RescheduleDialog(
            self._summary(visit),
            visit.due,
            day,
            min(self.today(), visit.due),
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
        visit = Visit.get_or_none(Visit.id == visit_id)
        if visit is None:
            raise UserError(self.tr("这条回访已不存在"))
        old = visit.due
        self.visits.reschedule(visit, day, reason, actor=self.actor)
        self.banner.show_message(self.tr("已改期:{0} → {1}").format(old, day), "success")
        self.refresh()

    def _legend_html(self) -> str:
        parts = []
        for state in CALENDAR_STATES:
            bg, fg = STATE_COLOURS[state]
            parts.append(f'<span style="background:{bg}; color:{fg};">&nbsp;{state}&nbsp;</span>')
        return "&nbsp;".join(parts)
