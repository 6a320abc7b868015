"""统计分析: a period's 《回访统计表》, complaint analysis, handling, corrective-action flags,
visitors and the manager's improvement measures, each beside the previous period.

The window is handed four callables (compute, the PDF, the Excel file, saving the measures)
and knows nothing of the database except that the computation runs on a worker thread,
which opens and closes its own connection.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QT_TR_NOOP,
    QCoreApplication,
    QDate,
    QObject,
    QPointF,
    QRectF,
    Qt,
    QThread,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QCursor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models import db
from app.stats import Comparison, Group, Period, PeriodStats
from reports.charts import wrap_words
from ui.dashboard import ALERT, GOOD, MUTED, RATE_ROLE, RateBarDelegate, percent
from ui.errors import friendly_error
from ui.widgets import Banner

log = logging.getLogger(__name__)

PERIOD_KINDS = [QT_TR_NOOP("月"), QT_TR_NOOP("季度"), QT_TR_NOOP("年"), QT_TR_NOOP("自定义")]
MONTH, QUARTER, YEAR, CUSTOM = PERIOD_KINDS
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 2  # the case number a row stands for


# The worker ---------------------------------------------------------------------------
class ComputeWorker(QObject):
    """Runs `compute(period)` on its own thread with that thread's own database connection."""

    done = Signal(object)  # Comparison
    failed = Signal(str)

    def __init__(self, compute: Callable[[Period], Comparison], period: Period) -> None:
        super().__init__()
        self.compute = compute
        self.period = period

    @Slot()
    def run(self) -> None:
        result: Comparison | None = None
        error = ""
        try:
            # peewee keeps one connection per thread: this thread opens and closes its own.
            db.connect(reuse_if_open=True)
            try:
                result = self.compute(self.period)
            finally:
                if not db.is_closed():
                    db.close()
        except Exception as exc:  # noqa: BLE001 - shown to the user, logged in full
            log.exception("statistics of %s failed", self.period.label)
            error = friendly_error(exc)
        if result is not None:
            self.done.emit(result)
        else:
            self.failed.emit(error)


# Charts -------------------------------------------------------------------------------
class ParetoChart(QWidget):
    """Bars of counts, largest first, with the cumulative share as a line (柏拉图)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[tuple[str, int]] = []
        self.setMinimumSize(360, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_items(self, items: list[tuple[str, int]]) -> None:
        self.items = sorted(items, key=lambda x: (-x[1], x[0]))
        total = sum(n for _, n in self.items) or 1
        running = 0
        tips = []
        for name, n in self.items:
            running += n
            tips.append(self.tr("{0}:{1} 件,累计 {2}").format(name, n, f"{running / total:.1%}"))
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
        painter.fillRect(self.rect(), QColor("white"))
        if not self.items:
            painter.setPen(MUTED)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("本期没有投诉"))
            return
        total = sum(n for _, n in self.items)
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
            painter.setPen(QPen(QColor("#e6ebee"), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(MUTED)
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
        y80 = y_share(0.8)
        painter.setPen(QPen(QColor("#b0bec5"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(plot.left(), y80), QPointF(plot.right(), y80))
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(plot.right() + 4, y80 - fm.height() / 2, right, fm.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            "80%",
        )

        n = len(self.items)
        slot = plot.width() / n
        bar_w = min(56.0, slot * 0.62)
        running = 0
        points: list[QPointF] = []
        for i, (_name, count) in enumerate(self.items):
            cx = plot.left() + slot * (i + 0.5)
            bar = QRectF(cx - bar_w / 2, y_count(count), bar_w, plot.bottom() - y_count(count))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#5b9bb5"))
            painter.drawRect(bar)
            painter.setPen(QColor("#263238"))
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
            running += count
            points.append(QPointF(cx, y_share(running / total)))

        path = QPainterPath(points[0])
        for p in points[1:]:
            path.lineTo(p)
        painter.setPen(QPen(QColor("#e65100"), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        running = 0
        for p, (_name, count) in zip(points, self.items, strict=True):
            running += count
            painter.setPen(QPen(QColor("#e65100"), 2))
            painter.setBrush(QColor("white"))
            painter.drawEllipse(p, 3.5, 3.5)
            text = f"{running / total:.0%}"
            w = fm.horizontalAdvance(text) + 4
            # A white patch under the label keeps it readable over a bar or the line.
            painter.fillRect(
                QRectF(p.x() + 4, p.y() - fm.height() - 2, w, fm.height()), QColor(255, 255, 255, 215)
            )
            painter.setPen(QColor("#bf360c"))
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
        painter.fillRect(self.rect(), QColor("white"))
        fm = painter.fontMetrics()
        if not self.rows:
            painter.setPen(MUTED)
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
            (self.tr("本期完成"), QColor("#5b9bb5")),
            (self.tr("上期完成"), QColor("#cfd8dc")),
        ):
            painter.fillRect(QRectF(x, y + 3, 14, fm.height() - 6), colour)
            painter.setPen(QColor("#37474f"))
            painter.drawText(
                QRectF(x + 18, y, fm.horizontalAdvance(label) + 4, fm.height()),
                Qt.AlignmentFlag.AlignLeft,
                label,
            )
            x += 18 + fm.horizontalAdvance(label) + 24  # the next key after this one's whole label
        for i, (name, done, before, overdue, unsatisfied) in enumerate(self.rows):
            top = height * (i + 1)
            painter.setPen(QColor("#263238"))
            painter.drawText(
                QRectF(0, top, name_w - 8, height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
            for j, (count, colour) in enumerate(((done, QColor("#5b9bb5")), (before, QColor("#cfd8dc")))):
                bar = QRectF(left, top + 4 + j * (bar_h + 2), count * scale, bar_h)
                painter.fillRect(bar, colour)
                painter.setPen(QColor("#263238") if j == 0 else MUTED)
                painter.drawText(
                    QRectF(bar.right() + 4, bar.top() - 1, 40, bar_h + 2),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    str(count),
                )
            if overdue or unsatisfied:
                painter.setPen(ALERT)
                painter.drawText(QRectF(right + 8, top, note_w - 8, height), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 self.tr("逾期 {0} · 不满意 {1}").format(overdue, unsatisfied))  # fmt: skip


# Small helpers --------------------------------------------------------------------------
VISIT_RATE_COLUMN = 9  # the 回访率 bar in the 《回访统计表》 tab


def _table(columns: list[str], stretch: int | None = None) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is None:
        header.setStretchLastSection(True)
    elif stretch >= 0:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _fit_height(table: QTableWidget) -> None:
    """A table exactly as tall as its rows and at least as wide as its contents, so nothing
    in it scrolls or is cut: the space around goes to what needs it, and the page scrolls."""
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setFixedHeight(height)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # it is as wide as it needs
    header = table.horizontalHeader()
    width = sum(
        max(table.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(table.columnCount())
    )
    table.setMinimumWidth(width + 2 * table.frameWidth())


def _item(text: object, right: bool = False, colour: QColor | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if colour is not None:
        item.setForeground(QBrush(colour))
    return item


def _fill(table: QTableWidget, rows: list[list[QTableWidgetItem]]) -> None:
    """Rows in, then the table as tall as its rows: the tab's page scrolls, never the table.
    (The columns size to their contents: these tables hold tens of rows, not thousands.)"""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, item in enumerate(row):
            table.setItem(r, c, item)
    _fit_height(table)


def _scrolling(page: QWidget) -> QScrollArea:
    """A tab's page in a scroll area: the whole page scrolls when its tables are long."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


def _boxed(title: str, table: QTableWidget) -> QGroupBox:
    """A titled box holding a table at the top (the table is as tall as its rows)."""
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.addWidget(table)
    layout.addStretch(1)
    return box


def _hours(value: float | None) -> str:
    return (
        "—" if value is None else QCoreApplication.translate("StatsWindow", "{0} 小时").format(f"{value:.1f}")
    )


def _change(current: float, previous: float, as_percent: bool = False) -> str:
    diff = current - previous
    if abs(diff) < 1e-9:
        return QCoreApplication.translate("StatsWindow", "持平")
    arrow = "↑" if diff > 0 else "↓"
    if as_percent:
        return QCoreApplication.translate("StatsWindow", "{0} {1} 个百分点").format(
            arrow, f"{abs(diff) * 100:.1f}"
        )
    return f"{arrow} {abs(diff):g}"


class StatsWindow(QWidget):
    computed = Signal(object)  # Comparison, once shown
    compute_failed = Signal(str)
    open_case_number = Signal(str)
    measures_saved = Signal()

    def __init__(
        self,
        compute: Callable[[Period], Comparison],
        export_pdf: Callable[[Comparison], bytes],
        export_xlsx: Callable[[Comparison, Path], None],
        save_measures: Callable[[Period, str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.compute = compute
        self.export_pdf = export_pdf
        self.export_xlsx = export_xlsx
        self.save_measures = save_measures
        self.comparison: Comparison | None = None
        self._thread: QThread | None = None
        self._worker: ComputeWorker | None = None
        self.setWindowTitle(self.tr("统计分析"))

        # Period picker.
        today = QDate.currentDate()
        self.kind_combo = QComboBox()
        self.kind_combo.addItems([self.tr(k) for k in PERIOD_KINDS])
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2099)
        self.year_spin.setValue(today.year())
        self.year_spin.setSuffix(self.tr(" 年"))
        self.month_combo = QComboBox()
        self.month_combo.addItems([self.tr("{0}月").format(m) for m in range(1, 13)])
        self.month_combo.setCurrentIndex(today.month() - 1)
        self.quarter_combo = QComboBox()
        self.quarter_combo.addItems([self.tr("第{0}季度").format(q) for q in range(1, 5)])
        self.quarter_combo.setCurrentIndex((today.month() - 1) // 3)
        self.from_edit = QDateEdit(QDate(today.year(), today.month(), 1))
        self.to_edit = QDateEdit(today)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.to_label = QLabel(self.tr("至"))
        self.compute_button = QPushButton(self.tr("计算"))
        self.compute_button.setDefault(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setFixedWidth(120)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.status = QLabel()
        self.status.setStyleSheet(f"color: {MUTED.name()};")
        self.print_button = QPushButton(self.tr("打印…"))
        self.pdf_button = QPushButton(self.tr("导出 PDF…"))
        self.xlsx_button = QPushButton(self.tr("导出 Excel…"))
        for button in (self.print_button, self.pdf_button, self.xlsx_button):
            button.setEnabled(False)

        self.kind_combo.setCurrentIndex(1)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.compute_button.clicked.connect(self.start)
        self.print_button.clicked.connect(self._print)
        self.pdf_button.clicked.connect(self._export_pdf)
        self.xlsx_button.clicked.connect(self._export_xlsx)

        picker = QHBoxLayout()
        picker.addWidget(QLabel(self.tr("统计期间")))
        for w in (
            self.kind_combo,
            self.year_spin,
            self.month_combo,
            self.quarter_combo,
            self.from_edit,
            self.to_label,
            self.to_edit,
            self.compute_button,
            self.busy,
            self.status,
        ):
            picker.addWidget(w)
        picker.addStretch(1)
        picker.addWidget(self.print_button)
        picker.addWidget(self.pdf_button)
        picker.addWidget(self.xlsx_button)

        self.banner = Banner("error")
        self.heading = QLabel(self.tr("选择期间后按“计算”。"))
        font = self.heading.font()
        font.setPointSize(13)
        font.setBold(True)
        self.heading.setFont(font)

        self.tabs = QTabWidget()
        self.tabs.addTab(_scrolling(self._visits_tab()), self.tr("回访统计表"))
        self.tabs.addTab(_scrolling(self._complaints_tab()), self.tr("投诉分析"))
        self.tabs.addTab(_scrolling(self._handling_tab()), self.tr("处理情况"))
        self.tabs.addTab(self._corrective_tab(), self.tr("纠正预防"))
        self.tabs.addTab(_scrolling(self._people_tab()), self.tr("人员"))
        self.tabs.addTab(self._measures_tab(), self.tr("改进措施"))
        self.tabs.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addLayout(picker)
        layout.addWidget(self.banner)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        self._kind_changed()

    # Tabs ----------------------------------------------------------------------------
    def _visits_tab(self) -> QWidget:
        self.visit_table = _table(
            [
                self.tr(c)
                for c in (
                    QT_TR_NOOP("性质"),
                    QT_TR_NOOP("处理宗数"),
                    QT_TR_NOOP("匿名"),
                    QT_TR_NOOP("只要求书面答复"),
                    QT_TR_NOOP("联系不上/拒访"),
                    QT_TR_NOOP("未到期"),
                    QT_TR_NOOP("已取消回访"),
                    QT_TR_NOOP("应回访"),
                    QT_TR_NOOP("回访宗数"),
                    QT_TR_NOOP("回访率"),
                    QT_TR_NOOP("目标"),
                    QT_TR_NOOP("达标"),
                    QT_TR_NOOP("上期回访率"),
                    QT_TR_NOOP("较上期"),
                )
            ],
            VISIT_RATE_COLUMN,
        )
        self.visit_table.setItemDelegateForColumn(VISIT_RATE_COLUMN, RateBarDelegate(self.visit_table))
        # 应访未访: cases whose visit is past due, by number (double-click opens one).
        self.late_visits = QLabel()
        self.late_visits.setWordWrap(True)
        self.late_visits.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.satisfaction_table = _table(
            [
                self.tr(c)
                for c in (
                    QT_TR_NOOP("评价"),
                    QT_TR_NOOP("本期次数"),
                    QT_TR_NOOP("本期占比"),
                    QT_TR_NOOP("上期次数"),
                    QT_TR_NOOP("上期占比"),
                )
            ]
        )
        self.unsatisfied_table = _table(
            [
                self.tr(c)
                for c in (
                    QT_TR_NOOP("日期"),
                    QT_TR_NOOP("案件"),
                    QT_TR_NOOP("房号"),
                    QT_TR_NOOP("评价"),
                    QT_TR_NOOP("第几次"),
                    QT_TR_NOOP("回访人"),
                    QT_TR_NOOP("客户意见"),
                )
            ]
        )
        self.unsatisfied_table.doubleClicked.connect(
            lambda i: self._emit_row_number(self.unsatisfied_table, i.row())
        )
        sat_box = _boxed(self.tr("满意度分布(本期完成的回访)"), self.satisfaction_table)
        uns_box = _boxed(self.tr("不满意的回访(双击打开案件)"), self.unsatisfied_table)
        lower = QHBoxLayout()
        lower.addWidget(sat_box, 2)
        lower.addWidget(uns_box, 3)
        page = QWidget()
        layout = QVBoxLayout(page)
        note = QLabel(
            self.tr(
                "回访率 = 回访宗数 ÷ 应回访宗数。匿名、只要求书面答复、联系不上/拒访、未到期的不计入应回访;"
                "取消回访(计划人员写明原因取消的)也不计入;已作废、已合并的案件不计入处理宗数。"
                "回访率条中的竖线为目标;绿色为达标,红色为未达标。"
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {MUTED.name()};")
        layout.addWidget(self.visit_table)
        layout.addWidget(self.late_visits)
        layout.addWidget(note)
        layout.addLayout(lower)
        layout.addStretch(1)
        return page

    def _complaints_tab(self) -> QWidget:
        self.pareto = ParetoChart()
        self.received_label = QLabel()
        self.received_label.setWordWrap(True)
        self.category_table = _table(
            [self.tr(c) for c in (QT_TR_NOOP("类别"), QT_TR_NOOP("本期"), QT_TR_NOOP("上期"))], 0
        )
        self.validity_table = _table(
            [self.tr(c) for c in (QT_TR_NOOP("有效性"), QT_TR_NOOP("本期"), QT_TR_NOOP("上期"))], 0
        )
        self.severity_table = _table(
            [self.tr(c) for c in (QT_TR_NOOP("程度"), QT_TR_NOOP("本期"), QT_TR_NOOP("上期"))], 0
        )
        self.building_table = _table(
            [self.tr(c) for c in (QT_TR_NOOP("楼栋"), QT_TR_NOOP("本期"), QT_TR_NOOP("上期"))], 0
        )
        self.party_table = _table(
            [self.tr(c) for c in (QT_TR_NOOP("被投诉部门/人员"), QT_TR_NOOP("本期"), QT_TR_NOOP("上期"))], 0
        )
        chart_box = QGroupBox(self.tr("投诉类别柏拉图(本期)"))
        cl = QVBoxLayout(chart_box)
        cl.addWidget(self.received_label)
        cl.addWidget(self.pareto, 1)
        # The chart across the page (room for every category's name), the tables below it in
        # a row, each as tall as its rows; the page scrolls when they are long.
        self.pareto.setMinimumHeight(self.fontMetrics().height() * 22)
        tables = QGridLayout()
        for i, (title, table) in enumerate(
            (
                (self.tr("按类别"), self.category_table),
                (self.tr("按被投诉方"), self.party_table),
                (self.tr("按楼栋"), self.building_table),
                (self.tr("按有效性"), self.validity_table),
                (self.tr("按程度"), self.severity_table),
            )
        ):
            tables.addWidget(_boxed(title, table), i // 3, i % 3)
        for column in range(3):
            tables.setColumnStretch(column, 1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(chart_box)
        layout.addLayout(tables)
        layout.addStretch(1)
        return page

    def _handling_tab(self) -> QWidget:
        self.measure_table = _table(
            [
                self.tr(c)
                for c in (QT_TR_NOOP("指标"), QT_TR_NOOP("本期"), QT_TR_NOOP("上期"), QT_TR_NOOP("较上期"))
            ],
            0,
        )
        self.overdue_table = _table([self.tr("逾期案件(双击打开)")], 0)
        self.overdue_table.doubleClicked.connect(lambda i: self._emit_row_number(self.overdue_table, i.row()))
        self.received_table = _table(
            [self.tr(c) for c in (QT_TR_NOOP("性质"), QT_TR_NOOP("本期受理"), QT_TR_NOOP("上期受理"))], 0
        )
        left = QGroupBox(self.tr("处理指标"))
        ll = QVBoxLayout(left)
        ll.addWidget(self.measure_table)
        ll.addWidget(QLabel(self.tr("受理件数(按性质)")))
        ll.addWidget(self.received_table)
        ll.addStretch(1)
        right = _boxed(self.tr("本期逾期案件"), self.overdue_table)
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.addWidget(left, 3, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(right, 2, Qt.AlignmentFlag.AlignTop)
        return page

    def _corrective_tab(self) -> QWidget:
        self.corrective = QTreeWidget()
        self.corrective.setColumnCount(4)
        self.corrective.setHeaderLabels(
            [
                self.tr(c)
                for c in (
                    QT_TR_NOOP("不合格项"),
                    QT_TR_NOOP("房号"),
                    QT_TR_NOOP("类别 / 评价"),
                    QT_TR_NOOP("案件编号"),
                )
            ]
        )
        self.corrective.setAlternatingRowColors(True)
        self.corrective.setUniformRowHeights(True)
        self.corrective.setStyleSheet("QTreeWidget::item { padding: 3px 0; }")
        self.corrective.itemDoubleClicked.connect(self._corrective_double_clicked)
        header = self.corrective.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        note = QLabel(
            self.tr(
                "不满意的回访、同一事项连续投诉两次及以上、同一维修三次及以上,须采取纠正和预防措施。双击一行打开其案件"
                "(一组打开最近的一件,展开后可逐件打开)。"
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {MUTED.name()};")
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(note)
        layout.addWidget(self.corrective, 1)
        return page

    def _people_tab(self) -> QWidget:
        self.people_table = _table(
            [
                self.tr(c)
                for c in (
                    QT_TR_NOOP("回访人"),
                    QT_TR_NOOP("岗位"),
                    QT_TR_NOOP("计划"),
                    QT_TR_NOOP("完成"),
                    QT_TR_NOOP("完成率"),
                    QT_TR_NOOP("逾期"),
                    QT_TR_NOOP("不满意"),
                    QT_TR_NOOP("上期完成"),
                    QT_TR_NOOP("上期逾期"),
                )
            ],
            4,
        )
        # The completion rate as a bar across the width the tab has (was empty space).
        self.people_table.setItemDelegateForColumn(4, RateBarDelegate(self.people_table))
        note = QLabel(
            self.tr("计划:到期日在本期内的回访;完成:本期内完成的;完成率:完成 ÷ 计划;逾期:到期未回访的。")
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {MUTED.name()};")
        self.people_chart = PeopleChart()
        chart_box = QGroupBox(self.tr("每人本期完成与上期对比"))
        QVBoxLayout(chart_box).addWidget(self.people_chart)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.people_table)
        layout.addWidget(note)
        layout.addWidget(chart_box)
        layout.addStretch(1)
        return page

    def _measures_tab(self) -> QWidget:
        self.typical_table = _table(
            [
                self.tr(c)
                for c in (
                    QT_TR_NOOP("案件"),
                    QT_TR_NOOP("性质"),
                    QT_TR_NOOP("类别"),
                    QT_TR_NOOP("经过"),
                    QT_TR_NOOP("说明"),
                )
            ],
            3,
        )
        self.typical_table.doubleClicked.connect(lambda i: self._emit_row_number(self.typical_table, i.row()))
        self.measures_edit = QPlainTextEdit()
        self.measures_edit.setPlaceholderText(
            self.tr("管理处经理填写:针对本期问题的改进措施、责任部门与完成时间。")
        )
        self.measures_state = QLabel()
        self.measures_state.setStyleSheet(f"color: {MUTED.name()};")
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.clicked.connect(self._save_measures)
        typical_box = QGroupBox(self.tr("典型案例(本期)"))
        QVBoxLayout(typical_box).addWidget(self.typical_table)
        measures_box = QGroupBox(self.tr("改进措施"))
        ml = QVBoxLayout(measures_box)
        ml.addWidget(self.measures_edit, 1)
        row = QHBoxLayout()
        row.addWidget(self.measures_state, 1)
        row.addWidget(self.save_button)
        ml.addLayout(row)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(typical_box, 2)
        layout.addWidget(measures_box, 3)
        return page

    # The period -----------------------------------------------------------------------
    def _kind_changed(self) -> None:
        kind = PERIOD_KINDS[self.kind_combo.currentIndex()]
        self.year_spin.setVisible(kind != CUSTOM)
        self.month_combo.setVisible(kind == MONTH)
        self.quarter_combo.setVisible(kind == QUARTER)
        for w in (self.from_edit, self.to_label, self.to_edit):
            w.setVisible(kind == CUSTOM)

    def period(self) -> Period:
        """The period the picker shows; ValueError (in Chinese) for a custom range backwards."""
        kind = PERIOD_KINDS[self.kind_combo.currentIndex()]
        year = self.year_spin.value()
        if kind == MONTH:
            return Period.month(year, self.month_combo.currentIndex() + 1)
        if kind == QUARTER:
            return Period.quarter(year, self.quarter_combo.currentIndex() + 1)
        if kind == YEAR:
            return Period.year(year)
        start = self.from_edit.date().toPython()
        end = self.to_edit.date().toPython()
        assert isinstance(start, dt.date) and isinstance(end, dt.date)
        return Period.between(start, end)

    def set_period(self, period: Period) -> None:
        """Show `period` in the picker (a whole month, quarter or year when it is one)."""
        s, e = period.start, period.end
        self.year_spin.setValue(s.year)
        if period == Period.month(s.year, s.month):
            self.kind_combo.setCurrentIndex(0)
            self.month_combo.setCurrentIndex(s.month - 1)
        elif s.month in (1, 4, 7, 10) and period == Period.quarter(s.year, (s.month - 1) // 3 + 1):
            self.kind_combo.setCurrentIndex(1)
            self.quarter_combo.setCurrentIndex((s.month - 1) // 3)
        elif period == Period.year(s.year):
            self.kind_combo.setCurrentIndex(2)
        else:
            self.kind_combo.setCurrentIndex(3)
            self.from_edit.setDate(QDate(s.year, s.month, s.day))
            self.to_edit.setDate(QDate(e.year, e.month, e.day))

    # Computing ------------------------------------------------------------------------
    def is_busy(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        if self._thread is not None:
            return
        try:
            period = self.period()
        except ValueError as exc:
            self.banner.show_message(str(exc), "error")
            return
        self.banner.hide()
        self.compute_button.setEnabled(False)
        self.busy.show()
        self.status.setText(self.tr("正在计算 {0}…").format(period.label))
        self._thread = QThread(self)
        self._worker = ComputeWorker(self.compute, period)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.done.connect(self._on_done)
        self._worker.failed.connect(self._on_failed)
        self._thread.start()

    def _stop_thread(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
        if self._worker is not None:
            self._worker.deleteLater()
        self._thread = None
        self._worker = None
        self.compute_button.setEnabled(True)
        self.busy.hide()

    @Slot(object)
    def _on_done(self, comparison: Comparison) -> None:
        self._stop_thread()
        self.status.setText("")
        self.show_comparison(comparison)
        self.computed.emit(comparison)

    @Slot(str)
    def _on_failed(self, reason: str) -> None:
        self._stop_thread()
        self.status.setText("")
        self.banner.show_message(self.tr("统计失败:{0}").format(reason), "error")
        self.compute_failed.emit(reason)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        super().closeEvent(event)

    # Showing --------------------------------------------------------------------------
    def show_comparison(self, comparison: Comparison) -> None:
        self.comparison = comparison
        cur, prev = comparison.current, comparison.previous
        if cur.period.through is not None:
            # A period not over yet: counted up to today, compared with the same days before it.
            self.heading.setText(
                self.tr("{0}({1} 至 {2},截至 {3})  ·  对比上期同期 {4}({5} 至 {6},前 {7} 天)").format(
                    cur.period.label,
                    cur.period.start.isoformat(),
                    cur.period.last_day.isoformat(),
                    cur.period.last_day.strftime("%m-%d"),
                    prev.period.label,
                    prev.period.start.isoformat(),
                    prev.period.last_day.isoformat(),
                    prev.period.days,
                )
            )
        else:
            self.heading.setText(
                self.tr("{0}({1} 至 {2})  ·  对比上期 {3}").format(
                    cur.period.label,
                    cur.period.start.isoformat(),
                    cur.period.end.isoformat(),
                    prev.period.label,
                )
            )
        self._show_visits(cur, prev)
        self._show_complaints(cur, prev)
        self._show_handling(cur, prev)
        self._show_corrective(cur)
        self._show_people(cur, prev)
        self._show_measures(comparison)
        self.tabs.setEnabled(True)
        self.pdf_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self.xlsx_button.setEnabled(True)

    def _show_visits(self, cur: PeriodStats, prev: PeriodStats) -> None:
        rows = []
        late: list[str] = []
        for kind, k in cur.visit_stats.items():
            p = prev.visit_stats.get(kind)
            late += k.late_cases
            rate = _item(percent(k.visit_rate) if k.due else "—")
            rate.setData(RATE_ROLE, (k.visit_rate, k.target) if k.due else None)
            if k.target <= 0:
                met = _item(self.tr("无目标"), colour=MUTED)
            elif k.due == 0:
                met = _item(self.tr("暂无应回访"), colour=MUTED)
            elif k.met:
                met = _item(self.tr("✓ 达标"), colour=GOOD)
            else:
                met = _item(self.tr("✗ 未达标"), colour=ALERT)
            cancelled = _item(k.cancelled, True, MUTED)
            cancelled.setToolTip(self.tr("计划人员写明原因取消的回访(原因见案件的回访抽样记录)"))
            rows.append(
                [
                    _item(kind),
                    _item(k.handled, True),
                    _item(k.anonymous, True, MUTED),
                    _item(k.written_reply, True, MUTED),
                    _item(k.unreachable, True, MUTED),
                    _item(k.not_due, True, MUTED),
                    cancelled,
                    _item(k.due, True),
                    _item(k.visited, True),
                    rate,
                    _item(percent(k.target, 0), True),
                    met,
                    _item(percent(p.visit_rate) if p and p.due else "—", True, MUTED),
                    _item(_change(k.visit_rate, p.visit_rate, True) if p and k.due and p.due else "—", True),
                ]
            )
        _fill(self.visit_table, rows)
        _fit_height(self.visit_table)
        if late:
            self.late_visits.setText(
                self.tr("应访未访 {0} 件(回访期限已过仍未回访):{1}").format(
                    len(late), self.tr("、").join(late)
                )
            )
            self.late_visits.setStyleSheet(f"color: {ALERT.name()};")
        else:
            self.late_visits.setText(self.tr("应访未访:无。"))
            self.late_visits.setStyleSheet(f"color: {GOOD.darker(130).name()};")

        total_c = sum(cur.satisfaction.values()) or 0
        total_p = sum(prev.satisfaction.values()) or 0
        rows = []
        for level, n in cur.satisfaction.items():
            pn = prev.satisfaction.get(level, 0)
            rows.append(
                [
                    _item(level),
                    _item(n, True),
                    _item(percent(n / total_c) if total_c else "—", True),
                    _item(pn, True, MUTED),
                    _item(percent(pn / total_p) if total_p else "—", True, MUTED),
                ]
            )
        rows.append(
            [_item(self.tr("合计")), _item(total_c, True), _item(""), _item(total_p, True, MUTED), _item("")]
        )
        _fill(self.satisfaction_table, rows)

        rows = []
        for u in cur.unsatisfied:
            first = _item(u["date"])
            first.setData(NUMBER_ROLE, u["case"])
            rows.append(
                [
                    first,
                    _item(u["case"] or self.tr("(无案件)")),
                    _item(u["room"]),
                    _item(u["satisfaction"], colour=ALERT),
                    _item(self.tr("第{0}次").format(u["attempt"])),
                    _item(u["visitor"]),
                    _item(" ".join(str(u["opinion"] or "").split())),
                ]
            )
        _fill(self.unsatisfied_table, rows)

    def _show_complaints(self, cur: PeriodStats, prev: PeriodStats) -> None:
        self.pareto.set_items(cur.complaints_by_category)
        complaints, prev_complaints = cur.cases_received.get("投诉", 0), prev.cases_received.get("投诉", 0)
        self.received_label.setText(
            self.tr("本期受理投诉 {0} 件(上期 {1} 件);住户 {2} 户,投诉率 {3}(每百户 {4:.2f} 件)。").format(
                complaints,
                prev_complaints,
                cur.households,
                percent(cur.complaint_rate, 2),
                cur.complaint_rate * 100,
            )
        )

        def side_by_side(
            table: QTableWidget,
            current: dict[str, int],
            previous: dict[str, int],
            order: list[str] | None = None,
        ) -> None:
            keys = order or sorted(
                set(current) | set(previous), key=lambda k: (-current.get(k, 0), -previous.get(k, 0), k)
            )
            _fill(
                table,
                [
                    [_item(k), _item(current.get(k, 0), True), _item(previous.get(k, 0), True, MUTED)]
                    for k in keys
                ],
            )

        side_by_side(self.category_table, dict(cur.complaints_by_category), dict(prev.complaints_by_category))
        side_by_side(self.validity_table, cur.complaints_by_validity, prev.complaints_by_validity)
        side_by_side(
            self.severity_table,
            cur.complaints_by_severity,
            prev.complaints_by_severity,
            list(cur.complaints_by_severity),
        )
        side_by_side(self.building_table, dict(cur.complaints_by_building), dict(prev.complaints_by_building))
        side_by_side(self.party_table, dict(cur.complaints_by_party), dict(prev.complaints_by_party))

    def _show_handling(self, cur: PeriodStats, prev: PeriodStats) -> None:
        received_c, received_p = sum(cur.cases_received.values()), sum(prev.cases_received.values())
        rows = [
            (self.tr("受理件数"), str(received_c), str(received_p), _change(received_c, received_p)),
            (
                self.tr("办结率"),
                percent(cur.resolution_rate),
                percent(prev.resolution_rate),
                _change(cur.resolution_rate, prev.resolution_rate, True),
            ),
            (self.tr("逾期件数"), str(cur.overdue), str(prev.overdue), _change(cur.overdue, prev.overdue)),
            (
                self.tr("延期次数"),
                str(cur.extensions),
                str(prev.extensions),
                _change(cur.extensions, prev.extensions),
            ),
            (
                self.tr("首次响应 中位数"),
                _hours(cur.response_time.median_hours),
                _hours(prev.response_time.median_hours),
                "",
            ),
            (
                self.tr("首次响应 P90"),
                _hours(cur.response_time.p90_hours),
                _hours(prev.response_time.p90_hours),
                "",
            ),
            (
                self.tr("办结用时 中位数"),
                _hours(cur.resolution_time.median_hours),
                _hours(prev.resolution_time.median_hours),
                "",
            ),
            (
                self.tr("办结用时 P90"),
                _hours(cur.resolution_time.p90_hours),
                _hours(prev.resolution_time.p90_hours),
                "",
            ),
            (
                self.tr("投诉率(每百户)"),
                f"{cur.complaint_rate * 100:.2f}",
                f"{prev.complaint_rate * 100:.2f}",
                _change(round(cur.complaint_rate * 100, 2), round(prev.complaint_rate * 100, 2)),
            ),
        ]
        _fill(
            self.measure_table,
            [[_item(a), _item(b, True), _item(c, True, MUTED), _item(d, True)] for a, b, c, d in rows],
        )
        overdue_rows = []
        for number in cur.overdue_cases:
            item = _item(number, colour=ALERT)
            item.setData(NUMBER_ROLE, number)
            overdue_rows.append([item])
        if not overdue_rows:
            overdue_rows.append([_item(self.tr("本期没有逾期案件。"), colour=MUTED)])
        _fill(self.overdue_table, overdue_rows)
        _fill(
            self.received_table,
            [
                [_item(k), _item(n, True), _item(prev.cases_received.get(k, 0), True, MUTED)]
                for k, n in cur.cases_received.items()
            ],
        )
        _fit_height(self.measure_table)

    def _show_corrective(self, cur: PeriodStats) -> None:
        tree = self.corrective
        tree.clear()

        def section(title: str, count: int) -> QTreeWidgetItem:
            top = QTreeWidgetItem([self.tr("{0}({1} 项)").format(title, count)])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            tree.addTopLevelItem(top)
            if not count:
                QTreeWidgetItem(top, [self.tr("本期没有")]).setForeground(0, QBrush(MUTED))
            top.setExpanded(True)
            return top

        def groups(parent: QTreeWidgetItem, items: list[Group], unit: str) -> None:
            for g in items:
                row = QTreeWidgetItem(
                    parent,
                    [self.tr("{0} 次{1}").format(g.count, unit), g.room, g.category, ",".join(g.cases)],
                )
                row.setData(0, NUMBER_ROLE, g.cases[-1])  # the latest of the group
                row.setForeground(0, QBrush(ALERT))
                for number in g.cases:
                    child = QTreeWidgetItem(row, ["", "", "", number])
                    child.setData(0, NUMBER_ROLE, number)
                row.setExpanded(False)

        top = section(self.tr("不满意的回访"), len(cur.unsatisfied))
        for u in cur.unsatisfied:
            item = QTreeWidgetItem(
                top,
                [
                    self.tr("{0} 第{1}次回访").format(u["date"], u["attempt"]),
                    u["room"],
                    str(u["satisfaction"]),
                    u["case"] or self.tr("(无案件)"),
                ],
            )
            item.setForeground(2, QBrush(ALERT))
            if u["case"]:
                item.setData(0, NUMBER_ROLE, u["case"])
        groups(
            section(self.tr("重复投诉(同一事项两次及以上)"), len(cur.repeat_complaints)),
            cur.repeat_complaints,
            self.tr("投诉"),
        )
        groups(
            section(self.tr("重复维修(同一维修三次及以上)"), len(cur.repeat_repairs)),
            cur.repeat_repairs,
            self.tr("报修"),
        )

    def _show_people(self, cur: PeriodStats, prev: PeriodStats) -> None:
        before = {v.name: v for v in prev.visitors}
        rows = []
        for v in cur.visitors:
            p = before.get(v.name)
            rows.append(
                [
                    _item(v.name),
                    _item(v.role),
                    _item(v.planned, True),
                    _item(v.done, True),
                    self._rate_item(v.done, v.planned),
                    _item(v.overdue, True, ALERT if v.overdue else None),
                    _item(v.unsatisfied, True, ALERT if v.unsatisfied else None),
                    _item(p.done if p else 0, True, MUTED),
                    _item(p.overdue if p else 0, True, MUTED),
                ]
            )
        _fill(self.people_table, rows)
        self.people_chart.set_rows(
            [
                (v.name, v.done, before[v.name].done if v.name in before else 0, v.overdue, v.unsatisfied)
                for v in cur.visitors
            ]
        )

    @staticmethod
    def _rate_item(done: int, planned: int) -> QTableWidgetItem:
        if not planned:
            return _item("—", True, MUTED)
        rate = done / planned
        item = _item(percent(rate))
        item.setData(RATE_ROLE, (rate, 0.0))
        return item

    def _show_measures(self, comparison: Comparison) -> None:
        rows = []
        for t in comparison.current.typical_cases:
            first = _item(t["case"])
            first.setData(NUMBER_ROLE, t["case"])
            rows.append(
                [
                    first,
                    _item(t["kind"]),
                    _item(t["category"]),
                    _item(" ".join(t["account"].split())),
                    _item(t.get("note", "")),
                ]
            )
        if not rows:
            rows.append([_item(self.tr("本期没有标记为典型的案例(在案件详情中可标记)。"), colour=MUTED)])
        _fill(self.typical_table, rows)
        self.measures_edit.setPlainText(comparison.measures)
        if comparison.archived_at:
            self.measures_state.setText(self.tr("已存档于 {0:%Y-%m-%d %H:%M}").format(comparison.archived_at))
        else:
            self.measures_state.setText(self.tr("尚未保存"))

    # Actions --------------------------------------------------------------------------
    def _emit_row_number(self, table: QTableWidget, row: int) -> None:
        item = table.item(row, 0)
        number = item.data(NUMBER_ROLE) if item is not None else None
        if number:
            self.open_case_number.emit(str(number))

    def _corrective_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        number = item.data(0, NUMBER_ROLE)
        if number:
            self.open_case_number.emit(str(number))

    def _save_measures(self) -> None:
        if self.comparison is None:
            return
        text = self.measures_edit.toPlainText().strip()
        try:
            self.save_measures(self.comparison.current.period, text)
        except Exception as exc:  # noqa: BLE001 - shown to the user, logged in full
            log.exception("saving measures failed")
            self.banner.show_message(self.tr("改进措施保存失败:{0}").format(friendly_error(exc)), "error")
            return
        self.comparison.measures = text
        self.measures_state.setText(self.tr("已保存 {0:%Y-%m-%d %H:%M}").format(dt.datetime.now()))
        self.banner.show_message(self.tr("改进措施已保存。"), "success")
        self.measures_saved.emit()

    def _default_name(self, suffix: str) -> str:
        assert self.comparison is not None
        return str(
            Path.home() / (self.tr("回访统计分析_{0}").format(self.comparison.current.period.label) + suffix)
        )

    def _print(self) -> None:
        """打印…: the analysis report in the preview, printed through the system's print dialog."""
        from ui.pdf_preview import PdfPreviewDialog

        if self.comparison is None:
            return
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            data = self.export_pdf(self.comparison)
        except Exception as exc:  # noqa: BLE001 - shown in words, logged in full
            log.exception("report for printing failed")
            self.banner.show_message(self.tr("无法生成报告:{0}").format(friendly_error(exc)), "error")
            return
        finally:
            QApplication.restoreOverrideCursor()
        name = Path(self._default_name(".pdf")).name
        self.preview = PdfPreviewDialog(data, title=name.removesuffix(".pdf"), file_name=name, parent=self)
        self.preview.open()

    def _export_pdf(self) -> None:
        if self.comparison is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出 PDF"), self._default_name(".pdf"), "PDF (*.pdf)"
        )
        if not name:
            return
        path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            data = self.export_pdf(self.comparison)
            path.write_bytes(data)
        except PermissionError:
            self.banner.show_message(
                self.tr("无法写入 {0}:文件可能已在其他程序中打开,或没有写入权限。").format(path), "error"
            )
            return
        except Exception as exc:  # noqa: BLE001 - shown to the user, logged in full
            log.exception("PDF export failed")
            self.banner.show_message(self.tr("导出 PDF 失败:{0}").format(friendly_error(exc)), "error")
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.banner.show_message(self.tr("已导出 PDF:{0}").format(path), "success")

    def _export_xlsx(self) -> None:
        if self.comparison is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出 Excel"), self._default_name(".xlsx"), "Excel (*.xlsx)"
        )
        if not name:
            return
        path = Path(name) if name.lower().endswith(".xlsx") else Path(name + ".xlsx")
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            self.export_xlsx(self.comparison, path)
        except PermissionError:
            self.banner.show_message(
                self.tr("无法写入 {0}:文件可能已在 Excel 中打开,或没有写入权限。").format(path), "error"
            )
            return
        except Exception as exc:  # noqa: BLE001 - shown to the user, logged in full
            log.exception("Excel export failed")
            self.banner.show_message(self.tr("导出 Excel 失败:{0}").format(friendly_error(exc)), "error")
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.banner.show_message(self.tr("已导出 Excel:{0}").format(path), "success")
