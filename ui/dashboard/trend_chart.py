"""The 工作台's satisfaction trend: the 满意率 of the last six months as a line, the value at
each point (`app.dashboard.MonthSatisfaction`, rates from `app.rates`)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.dashboard import MonthSatisfaction
from app.rates import percent
from ui.palette import ACCENT, GRID, HEADING_TEXT, MUTED_TEXT, PAPER, STRONG_TEXT


class TrendChart(QWidget):
    """A small line chart of monthly shares with the value written at each point;
    a month without rated visits is a gap, labelled 无回访."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.months: list[MonthSatisfaction] = []
        self.setMinimumSize(300, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_months(self, months: list[MonthSatisfaction]) -> None:
        self.months = list(months)
        tips = [
            self.tr("{0}年{1}月:{2}({3}/{4})").format(m.year, m.month, percent(m.share), m.satisfied, m.rated)
            for m in self.months
        ]
        self.setToolTip("\n".join(tips))
        self.update()

    def _range(self) -> tuple[float, float]:
        shares = [m.share for m in self.months if m.share is not None]
        if not shares:
            return 0.0, 1.0
        low = min(shares)
        # Small differences should stay visible: start the axis near the lowest month.
        bottom = max(0.0, min(0.8, (int(low * 10) / 10) - 0.1))
        return bottom, 1.0

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = painter.fontMetrics()
        axis_w = fm.horizontalAdvance("100%") + 8
        top_pad = fm.height() + 6
        bottom_pad = fm.height() * 2 + 8
        plot = QRectF(axis_w + 4, top_pad, self.width() - axis_w - 16, self.height() - top_pad - bottom_pad)
        if plot.width() < 40 or plot.height() < 40:
            return
        low, high = self._range()

        def y_of(v: float) -> float:
            return plot.bottom() - (v - low) / (high - low) * plot.height()

        # Grid every 10 % (or 20 % on a tall range).
        step = 0.1 if high - low <= 0.5 else 0.2
        painter.setPen(QPen(QColor(GRID), 1))
        v = low
        while v <= high + 1e-9:
            y = y_of(v)
            painter.setPen(QPen(QColor(GRID), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor(MUTED_TEXT))
            painter.drawText(
                QRectF(0, y - fm.height() / 2, axis_w, fm.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{v * 100:.0f}%",
            )
            v += step
        if not self.months:
            painter.setPen(QColor(MUTED_TEXT))
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("暂无数据"))
            return
        n = len(self.months)
        slot = plot.width() / n
        xs = [plot.left() + slot * (i + 0.5) for i in range(n)]

        # The line, broken where a month has no visits.
        painter.setPen(QPen(QColor(ACCENT), 2))
        path = QPainterPath()
        pen_down = False
        for x, m in zip(xs, self.months, strict=True):
            if m.share is None:
                pen_down = False
                continue
            point = QPointF(x, y_of(m.share))
            if pen_down:
                path.lineTo(point)
            else:
                path.moveTo(point)
                pen_down = True
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)

        for x, m in zip(xs, self.months, strict=True):
            label_rect = QRectF(x - slot / 2, plot.bottom() + 4, slot, fm.height())
            painter.setPen(QColor(HEADING_TEXT))
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignCenter, self.tr("{0}月").format(m.month))
            count_rect = QRectF(x - slot / 2, plot.bottom() + 4 + fm.height(), slot, fm.height())
            painter.setPen(QColor(MUTED_TEXT))
            painter.drawText(count_rect, Qt.AlignmentFlag.AlignCenter, self.tr("{0} 次").format(m.rated))
            if m.share is None:
                painter.drawText(
                    QRectF(x - slot / 2, plot.bottom() - fm.height() - 4, slot, fm.height()),
                    Qt.AlignmentFlag.AlignCenter,
                    self.tr("无回访"),
                )
                continue
            point = QPointF(x, y_of(m.share))
            painter.setPen(QPen(QColor(ACCENT), 2))
            painter.setBrush(QBrush(QColor(PAPER)))
            painter.drawEllipse(point, 4, 4)
            painter.setPen(QColor(STRONG_TEXT))
            text_rect = QRectF(x - slot / 2, point.y() - fm.height() - 6, slot, fm.height())
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, percent(m.share))
