"""The month grid: one widget that paints the month from the day counts (one grouped query
per month), so a month of thousands of visits draws at once. Each day shows its counts by
state as small pills that carry the word and the number (计划 3, 逾期 1), never the colour
alone. A planned visit dropped on a day (today or later) asks to be moved there.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from app.calendar_days import HOLIDAY_MARK, WORKDAY_MARK, month_grid_days, month_start
from app.i18n import term
from app.visits import CALENDAR_STATES
from ui.calendar.colours import state_colours
from ui.calendar.model import VISIT_MIME
from ui.i18n import QT_TRANSLATE_NOOP, weekday
from ui.palette import (
    GRID,
    HEADER_BG,
    HEADING_TEXT,
    INFO_BG,
    LINK_BLUE,
    MUTED_TEXT,
    OK,
    OVERDUE_TEXT,
    PANEL_BG,
    PAPER,
    REST_DAY_BG,
    STRONG_TEXT,
)

# The marks app.calendar_days gives a day (休 a holiday on a weekday, 班 a weekend working
# day), listed here so they are translated in this context.
DAY_MARKS = (QT_TRANSLATE_NOOP("MonthGrid", "休"), QT_TRANSLATE_NOOP("MonthGrid", "班"))


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
        return [(state, f"{term(state)} {counts[state]}") for state in CALENDAR_STATES if counts.get(state)]

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
        painter.fillRect(self.rect(), QColor(PAPER))
        header_font = QFont(self.font())
        painter.setFont(header_font)
        width = self.width() - 1
        for col in range(7):
            name = weekday(col)
            rect = QRect(col * width // 7, 0, (col + 1) * width // 7 - col * width // 7, self.HEADER_HEIGHT)
            painter.fillRect(rect, QColor(HEADER_BG))
            painter.setPen(QColor(OVERDUE_TEXT if col >= 5 else HEADING_TEXT))
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
            PANEL_BG if not inside else INFO_BG if day == self.selected else REST_DAY_BG if resting else PAPER
        )
        painter.fillRect(rect, QColor(fill))
        painter.setPen(QPen(QColor(GRID), 1))
        painter.drawRect(rect)
        painter.setOpacity(1.0 if inside else 0.45)
        # The day's number, "今天", and the holiday mark
        painter.setFont(self.number_font)
        painter.setPen(QColor(LINK_BLUE if day == self.today else STRONG_TEXT))
        number = str(day.day) if day.day != 1 else self.tr("{0}月{1}日").format(day.month, day.day)
        number_rect = QRect(rect.left() + 6, rect.top() + 3, rect.width() - 12, number_fm.height())
        painter.drawText(number_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, number)
        x_after = number_rect.left() + number_fm.horizontalAdvance(number) + 6
        painter.setFont(self.pill_font)
        if day == self.today:
            painter.setPen(QColor(LINK_BLUE))
            painter.drawText(
                QRect(x_after, number_rect.top(), rect.right() - x_after, number_rect.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.tr("今天"),
            )
        if mark:
            painter.setPen(QColor(OVERDUE_TEXT if mark == HOLIDAY_MARK else MUTED_TEXT))
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
                painter.setPen(QColor(MUTED_TEXT))
                painter.drawText(
                    QRect(rect.left(), bottom - pill_h, rect.width() - 6, pill_h),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    self.tr("另{0}项…").format(rest),
                )
                break
            bg, fg = state_colours(state)
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
            painter.setPen(QPen(QColor(LINK_BLUE), 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        if day == self.drop_day:
            painter.setPen(QPen(QColor(OK), 3, Qt.PenStyle.DashLine))
            painter.drawRect(rect.adjusted(2, 2, -2, -2))
        elif day == self.selected and self.hasFocus():
            painter.setPen(QPen(QColor(MUTED_TEXT), 1, Qt.PenStyle.DotLine))
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
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            day = self.day_at(event.pos())
            if day is not None:
                text = self.cell_text(day) or self.tr("无回访")
                QToolTip.showText(event.globalPos(), f"{day:%Y-%m-%d}  {text}", self)
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
