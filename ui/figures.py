"""What the windows that show figures share (工作台, 统计分析): a table cell for a figure and
a rate drawn as a bar against its target. The rates themselves come from `app.rates`."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableWidgetItem

from app.rates import reaches
from ui.palette import ERROR_RED, GRID, OK, STRONG_TEXT

RATE_ROLE = Qt.ItemDataRole.UserRole + 1  # (rate, target) for RateBarDelegate


def cell(text: object, right: bool = False, colour: QColor | str | None = None) -> QTableWidgetItem:
    """A read-only table cell: a figure aligned right when `right`, in `colour` when given."""
    item = QTableWidgetItem("" if text is None else str(text))
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if colour is not None:
        item.setForeground(QBrush(QColor(colour)))
    return item


class RateBarDelegate(QStyledItemDelegate):
    """Paints a rate as a bar with the target as a tick, the number as text beside it; green
    when it reaches the target (`app.rates.reaches`), red when not."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        data = index.data(RATE_ROLE)
        if not data:
            super().paint(painter, option, index)
            return
        rate, target = data
        self.initStyleOption(option, index)
        text = option.text  # type: ignore[attr-defined]
        option.text = ""  # type: ignore[attr-defined]
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        rect_of_cell = QRectF(option.rect)  # type: ignore[attr-defined]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = rect_of_cell.adjusted(6, 6, -6, -6)
        text_width = option.fontMetrics.horizontalAdvance(text) + 10  # type: ignore[attr-defined]
        bar = QRectF(rect.left(), rect.top(), max(10.0, rect.width() - text_width), rect.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(GRID))
        painter.drawRoundedRect(bar, 3, 3)
        met = reaches(rate, target)
        fill = QRectF(bar.left(), bar.top(), bar.width() * max(0.0, min(rate, 1.0)), bar.height())
        painter.setBrush(QColor(OK) if met else QColor(ERROR_RED))
        painter.drawRoundedRect(fill, 3, 3)
        if target > 0:
            x = bar.left() + bar.width() * min(target, 1.0)
            painter.setPen(QPen(QColor(STRONG_TEXT), 2))
            painter.drawLine(QPointF(x, bar.top() - 3), QPointF(x, bar.bottom() + 3))
        text_rect = QRectF(bar.right() + 6, rect_of_cell.top(), text_width, rect_of_cell.height())
        painter.setPen(QColor(OK).darker(130) if met else QColor(ERROR_RED))
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        if index.data(RATE_ROLE):
            size.setWidth(size.width() + 90)
        return size
