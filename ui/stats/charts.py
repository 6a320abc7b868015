"""The statistics window's own charts, painted: the complaint categories' 柏拉图 and each
visitor's visits beside the previous period. (The printed report draws its charts with
ReportLab, `reports/charts.py`; both take the Pareto cut from `app.rates`.)"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.rates import PARETO_CUT, ParetoRow, pareto
from reports.charts import wrap_words
from ui.palette import (
    CHART_BAR,
    CHART_LINE,
    CHART_LINE_TEXT,
    ERROR_RED,
    GRID,
    HEADING_TEXT,
    LINE,
    MUTED_TEXT,
    PAPER,
    STRONG_LINE,
    STRONG_TEXT,
)


class ParetoChart(QWidget):
    """Bars of counts, largest first, with the cumulative share as a line (柏拉图)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[tuple[str, int]] = []
        self.rows: list[ParetoRow] = []
        self.setMinimumSize(360, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_items(self, items: list[tuple[str, int]]) -> None:
        self.rows = pareto(items)  # largest first, each with its running share
        self.items = [(r.name, r.count) for r in self.rows]
        tips = [
            self.tr("{0}:{1} 件,累计 {2}").format(r.name, r.count, f"{r.cumulative:.1%}") for r in self.rows
        ]
        self.setToolTip("\n".join(tips))
        self.update()

    MAX_LABEL_LINES = 3

    def _bar_label(self, name: str, width: float) -> str:
        """The category under its bar, in lines broken between words (设施/设备/维护); a name
        too long even for three lines ends after a whole word with "…", never inside one."""
        fm = self.fontMetrics()
        lines = wrap_words(name, lambda text: fm.horizontalAdvance(text) <= width, self.MAX_LABEL_LINES)
        return "\n".join(lines)

    def _plot_width(self) -> float:
        fm = self.fontMetrics()
        return self.width() - (fm.horizontalAdvance("0000") + 10) - (fm.horizontalAdvance("100%") + 10)

    def bar_labels(self) -> list[str]:
        """The labels as drawn under the bars at the chart's present width."""
        if not self.items:
            return []
        slot = self._plot_width() / len(self.items)
        return [self._bar_label(name, slot - 4) for name, _ in self.items]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = painter.fontMetrics()
        left = fm.horizontalAdvance("0000") + 10
        right = fm.horizontalAdvance("100%") + 10
        top = fm.height() * 2 + 4
        labels = self.bar_labels()
        lines = max((label.count("\n") + 1 for label in labels), default=1)
        bottom = fm.height() * lines + 10
        plot = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        if plot.width() < 60 or plot.height() < 60:
            return
        painter.fillRect(self.rect(), QColor(PAPER))
        if not self.items:
            painter.setPen(QColor(MUTED_TEXT))
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("本期没有投诉"))
            return
        peak = max(n for _, n in self.items)
        # A round top for the count axis.
        scale_top = max(1, peak)
        for nice in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
            if nice * 4 >= peak:
                scale_top = nice * ((peak + nice - 1) // nice)
                step = nice
                break
        else:
            step = max(1, peak // 4)
            scale_top = step * ((peak + step - 1) // step)

        def y_count(n: float) -> float:
            return plot.bottom() - n / scale_top * plot.height()

        def y_share(s: float) -> float:
            return plot.bottom() - s * plot.height()

        # Axes and grid.
        v = 0
        while v <= scale_top:
            y = y_count(v)
            painter.setPen(QPen(QColor(GRID), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor(MUTED_TEXT))
            painter.drawText(
                QRectF(0, y - fm.height() / 2, left - 6, fm.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(v),
            )
            v += step
        for share in (0.0, 0.5, 1.0):
            y = y_share(share)
            painter.drawText(
                QRectF(plot.right() + 4, y - fm.height() / 2, right, fm.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{share:.0%}",
            )
        count_title, share_title = self.tr("件数"), self.tr("累计占比")
        painter.drawText(
            QRectF(0, 0, fm.horizontalAdvance(count_title) + 4, fm.height()),
            Qt.AlignmentFlag.AlignLeft,
            count_title,
        )
        share_width = fm.horizontalAdvance(share_title) + 4  # the whole title, in any language
        painter.drawText(
            QRectF(self.width() - share_width - 2, 0, share_width, fm.height()),
            Qt.AlignmentFlag.AlignRight,
            share_title,
        )
        # The 80 % line of the Pareto principle.
        y80 = y_share(PARETO_CUT)
        painter.setPen(QPen(QColor(STRONG_LINE), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(plot.left(), y80), QPointF(plot.right(), y80))
        painter.setPen(QColor(MUTED_TEXT))
        painter.drawText(
            QRectF(plot.right() + 4, y80 - fm.height() / 2, right, fm.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            f"{PARETO_CUT:.0%}",
        )

        n = len(self.items)
        slot = plot.width() / n
        bar_w = min(56.0, slot * 0.62)
        points: list[QPointF] = []
        for i, row in enumerate(self.rows):
            count = row.count
            cx = plot.left() + slot * (i + 0.5)
            bar = QRectF(cx - bar_w / 2, y_count(count), bar_w, plot.bottom() - y_count(count))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(CHART_BAR))
            painter.drawRect(bar)
            painter.setPen(QColor(STRONG_TEXT))
            painter.drawText(
                QRectF(cx - slot / 2, bar.top() - fm.height() - 2, slot, fm.height()),
                Qt.AlignmentFlag.AlignCenter,
                str(count),
            )
            label_rect = QRectF(cx - slot / 2 + 1, plot.bottom() + 4, slot - 2, fm.height() * lines + 4)
            painter.drawText(
                label_rect,
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                labels[i],
            )
            points.append(QPointF(cx, y_share(row.cumulative)))

        path = QPainterPath(points[0])
        for p in points[1:]:
            path.lineTo(p)
        painter.setPen(QPen(QColor(CHART_LINE), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        for p, row in zip(points, self.rows, strict=True):
            painter.setPen(QPen(QColor(CHART_LINE), 2))
            painter.setBrush(QColor(PAPER))
            painter.drawEllipse(p, 3.5, 3.5)
            text = f"{row.cumulative:.0%}"
            w = fm.horizontalAdvance(text) + 4
            # A white patch under the label keeps it readable over a bar or the line.
            painter.fillRect(
                QRectF(p.x() + 4, p.y() - fm.height() - 2, w, fm.height()), QColor(255, 255, 255, 215)
            )
            painter.setPen(QColor(CHART_LINE_TEXT))
            painter.drawText(
                QRectF(p.x() + 4, p.y() - fm.height() - 2, w, fm.height()), Qt.AlignmentFlag.AlignLeft, text
            )


class PeopleChart(QWidget):
    """Each visitor's visits done this period beside the previous one (for 绩效考评), with the
    overdue and unsatisfied ones named: one bar pair a person, longest scale shared."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[
            tuple[str, int, int, int, int]
        ] = []  # name, done, previous done, overdue, unsatisfied
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: list[tuple[str, int, int, int, int]]) -> None:
        self.rows = rows
        self.setFixedHeight(self._row_height() * (len(rows) + 1) + 8)
        self.update()

    def _row_height(self) -> int:
        return self.fontMetrics().height() * 2 + 8

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(PAPER))
        fm = painter.fontMetrics()
        if not self.rows:
            painter.setPen(QColor(MUTED_TEXT))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("本期没有回访"))
            return
        name_w = max(fm.horizontalAdvance(r[0]) for r in self.rows) + 16
        note_w = fm.horizontalAdvance(self.tr("逾期 {0} · 不满意 {1}").format(99, 99)) + 16
        left, right = name_w, self.width() - note_w
        peak = max(max(r[1], r[2]) for r in self.rows) or 1
        scale = (right - left - 40) / peak
        height = self._row_height()
        bar_h = fm.height() - 2
        # The key: this period, the previous one.
        y = 4
        x = float(left)
        for label, colour in (
            (self.tr("本期完成"), QColor(CHART_BAR)),
            (self.tr("上期完成"), QColor(LINE)),
        ):
            painter.fillRect(QRectF(x, y + 3, 14, fm.height() - 6), colour)
            painter.setPen(QColor(HEADING_TEXT))
            painter.drawText(
                QRectF(x + 18, y, fm.horizontalAdvance(label) + 4, fm.height()),
                Qt.AlignmentFlag.AlignLeft,
                label,
            )
            x += 18 + fm.horizontalAdvance(label) + 24  # the next key after this one's whole label
        for i, (name, done, before, overdue, unsatisfied) in enumerate(self.rows):
            top = height * (i + 1)
            painter.setPen(QColor(STRONG_TEXT))
            painter.drawText(
                QRectF(0, top, name_w - 8, height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
            for j, (count, colour) in enumerate(((done, QColor(CHART_BAR)), (before, QColor(LINE)))):
                bar = QRectF(left, top + 4 + j * (bar_h + 2), count * scale, bar_h)
                painter.fillRect(bar, colour)
                painter.setPen(QColor(STRONG_TEXT) if j == 0 else QColor(MUTED_TEXT))
                painter.drawText(
                    QRectF(bar.right() + 4, bar.top() - 1, 40, bar_h + 2),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    str(count),
                )
            if overdue or unsatisfied:
                painter.setPen(QColor(ERROR_RED))
                painter.drawText(QRectF(right + 8, top, note_w - 8, height), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 self.tr("逾期 {0} · 不满意 {1}").format(overdue, unsatisfied))  # fmt: skip
