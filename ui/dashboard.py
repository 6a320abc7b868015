"""工作台: the opening page. Big numbers of what is due, each a button that opens its list;
today's visits per visitor; this month's visit rate against the target; the satisfaction trend.

The page is handed a zero-argument callable that returns `DashboardData`; `refresh()` calls it
again. Anything that needs attention says so in words as well as in red.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import QT_TR_NOOP, QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dashboard import DashboardData, MonthSatisfaction
from ui.errors import friendly_error
from ui.i18n import weekday
from ui.widgets import Banner

ALERT = QColor("#c62828")
WARN = QColor("#8a5a00")
GOOD = QColor("#2e7d32")
MUTED = QColor("#607d8b")
ACCENT = QColor("#1f6f8b")

UNASSIGNED = QT_TR_NOOP("未指定")  # app.dashboard groups visits nobody holds under this name
RATE_ROLE = Qt.ItemDataRole.UserRole + 1  # (rate, target) for RateBarDelegate


def percent(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value * 100:.{digits}f}%"


class Tile(QPushButton):
    """A big number with its name and a line of words saying what it means; click opens the list."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(96)
        self.title = QLabel(title)
        self.number = QLabel("—")
        self.hint = QLabel()
        big = QFont(self.font())
        big.setPointSize(24)
        big.setBold(True)
        self.number.setFont(big)
        for label in (self.title, self.number, self.hint):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.number)
        layout.addWidget(self.hint)
        self.set_value(0, "", "ok")

    def set_value(self, value: int, hint: str, level: str) -> None:
        """level: "alert" (red), "warn" (amber) or "ok" (green); the hint says it in words."""
        self.value = value
        self.number.setText(str(value))
        self.hint.setText(hint)
        colour = {"alert": ALERT, "warn": WARN, "ok": GOOD}[level]
        border = {"alert": "#e99a94", "warn": "#e6c34a", "ok": "#c8d6dd"}[level]
        background = {"alert": "#fdf3f2", "warn": "#fffaeb", "ok": "#ffffff"}[level]
        self.number.setStyleSheet(f"color: {colour.name()};")
        self.hint.setStyleSheet(f"color: {colour.name() if level != 'ok' else MUTED.name()};")
        self.title.setStyleSheet("color: #37474f; font-weight: bold;")
        self.setStyleSheet(
            f"QPushButton#tile {{ background: {background}; border: 1px solid {border}; border-radius: 6px;"
            " text-align: left; }"
            f" QPushButton#tile:hover {{ border: 2px solid {ACCENT.name()}; }}"
            f" QPushButton#tile:focus {{ border: 2px solid {ACCENT.name()}; }}"
        )
        self.setAccessibleName(f"{self.title.text()} {value} {hint}")

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(150, 96)


class RateBarDelegate(QStyledItemDelegate):
    """Paints a rate as a bar with the target as a tick, the number as text beside it."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        data = index.data(RATE_ROLE)
        if not data:
            super().paint(painter, option, index)
            return
        rate, target = data
        self.initStyleOption(option, index)
        text = option.text
        option.text = ""
        option.widget.style().drawControl(
            option.widget.style().ControlElement.CE_ItemViewItem, option, painter, option.widget
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect).adjusted(6, 6, -6, -6)
        text_width = option.fontMetrics.horizontalAdvance(text) + 10
        bar = QRectF(rect.left(), rect.top(), max(10.0, rect.width() - text_width), rect.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e8eef1"))
        painter.drawRoundedRect(bar, 3, 3)
        met = rate + 1e-9 >= target
        fill = QRectF(bar.left(), bar.top(), bar.width() * max(0.0, min(rate, 1.0)), bar.height())
        painter.setBrush(GOOD if met else ALERT)
        painter.drawRoundedRect(fill, 3, 3)
        if target > 0:
            x = bar.left() + bar.width() * min(target, 1.0)
            painter.setPen(QPen(QColor("#263238"), 2))
            painter.drawLine(QPointF(x, bar.top() - 3), QPointF(x, bar.bottom() + 3))
        text_rect = QRectF(bar.right() + 6, option.rect.top(), text_width, option.rect.height())
        painter.setPen(GOOD.darker(130) if met else ALERT)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        if index.data(RATE_ROLE):
            size.setWidth(size.width() + 90)
        return size


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
        painter.setPen(QPen(QColor("#e0e6ea"), 1))
        v = low
        while v <= high + 1e-9:
            y = y_of(v)
            painter.setPen(QPen(QColor("#e0e6ea"), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(MUTED)
            painter.drawText(
                QRectF(0, y - fm.height() / 2, axis_w, fm.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{v * 100:.0f}%",
            )
            v += step
        if not self.months:
            painter.setPen(MUTED)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("暂无数据"))
            return
        n = len(self.months)
        slot = plot.width() / n
        xs = [plot.left() + slot * (i + 0.5) for i in range(n)]

        # The line, broken where a month has no visits.
        painter.setPen(QPen(ACCENT, 2))
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
            painter.setPen(QColor("#37474f"))
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignCenter, self.tr("{0}月").format(m.month))
            count_rect = QRectF(x - slot / 2, plot.bottom() + 4 + fm.height(), slot, fm.height())
            painter.setPen(MUTED)
            painter.drawText(count_rect, Qt.AlignmentFlag.AlignCenter, self.tr("{0} 次").format(m.rated))
            if m.share is None:
                painter.drawText(
                    QRectF(x - slot / 2, plot.bottom() - fm.height() - 4, slot, fm.height()),
                    Qt.AlignmentFlag.AlignCenter,
                    self.tr("无回访"),
                )
                continue
            point = QPointF(x, y_of(m.share))
            painter.setPen(QPen(ACCENT, 2))
            painter.setBrush(QBrush(QColor("white")))
            painter.drawEllipse(point, 4, 4)
            painter.setPen(QColor("#263238"))
            text_rect = QRectF(x - slot / 2, point.y() - fm.height() - 6, slot, fm.height())
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, percent(m.share))


def _table(columns: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def _item(text: object, align_right: bool = False, colour: QColor | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(str(text))
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if colour is not None:
        item.setForeground(QBrush(colour))
    return item


class DashboardPage(QWidget):
    open_cases = Signal(object)  # CaseFilter
    open_visits = Signal()
    open_forms = Signal()
    open_case = Signal(int)  # a case's id
    open_followups = Signal()
    open_night_log = Signal()

    def __init__(
        self, office_data_provider: Callable[[], DashboardData], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.provider = office_data_provider
        self.data: DashboardData | None = None

        self.heading = QLabel()
        heading_font = QFont(self.font())
        heading_font.setPointSize(15)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.clicked.connect(self.refresh)
        self.banner = Banner("error")
        # A year whose holidays are only estimated (暂定): until the office loads the notice.
        self.holiday_notice = Banner("warn")

        self.tiles: dict[str, Tile] = {}
        tile_grid = QGridLayout()
        tile_grid.setSpacing(10)
        names = [
            ("overdue", self.tr("逾期案件")),
            ("due_today", self.tr("今日到期")),
            ("visits_today", self.tr("今日回访")),
            ("visits_overdue", self.tr("逾期回访")),
            ("forms", self.tr("超期未交回表单")),
            ("major", self.tr("待提交重大投诉报告")),
            ("night", self.tr("待转值班记录")),
            ("rework", self.tr("返工通知逾期")),
        ]
        for i, (key, title) in enumerate(names):
            tile = Tile(title)
            tile.clicked.connect(lambda _checked=False, k=key: self._tile_clicked(k))
            self.tiles[key] = tile
            tile_grid.addWidget(tile, i // 4, i % 4)

        # Paper forms to file (归档 by the 10th of the next quarter) or past their keeping period.
        self.forms_notice = Banner("warn")
        self.forms_notice.add_button(self.tr("打开表单台账"), self.open_forms.emit)
        # The office's calendar of duties: the month's summary and notice, the complaint
        # records to print, night-log entries and visit answers past their time.
        self.duties_notice = Banner("warn")
        self.records_button = self.duties_notice.add_button(
            self.tr("需打印记录表的投诉…"), self._records_menu
        )
        self.night_button = self.duties_notice.add_button(self.tr("打开值班记录"), self.open_night_log.emit)
        self.answers_button = self.duties_notice.add_button(self.tr("打开回访跟进"), self.open_followups.emit)

        # Per-visitor table.
        self.visitor_table = _table(
            [self.tr("回访人"), self.tr("今日到期"), self.tr("已逾期"), self.tr("合计")]
        )
        self.visitor_table.horizontalHeader().setStretchLastSection(False)
        self.visitor_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.visitor_table.doubleClicked.connect(lambda _index: self.open_visits.emit())
        self.visitor_empty = QLabel(self.tr("今日没有待回访的,也没有逾期的回访。"))
        self.visitor_empty.setStyleSheet(f"color: {MUTED.name()};")
        self.visitor_empty.setWordWrap(True)
        visitors_box = QGroupBox(self.tr("今日回访(按回访人)"))
        vl = QVBoxLayout(visitors_box)
        vl.addWidget(self.visitor_table)
        vl.addWidget(self.visitor_empty)

        # This month's rate against target.
        self.rate_table = _table(
            [self.tr("性质"), self.tr("应回访"), self.tr("已回访"), self.tr("回访率 / 目标"), self.tr("达标")]
        )
        self.rate_table.setItemDelegateForColumn(3, RateBarDelegate(self.rate_table))
        self.rate_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.rate_table.horizontalHeader().setStretchLastSection(False)
        self.rate_box = QGroupBox(self.tr("本月回访率"))
        self.rate_note = QLabel()
        self.rate_note.setStyleSheet(f"color: {MUTED.name()};")
        self.rate_note.setTextFormat(Qt.TextFormat.RichText)
        rl = QVBoxLayout(self.rate_box)
        rl.addWidget(self.rate_table)
        rl.addWidget(self.rate_note)

        # Satisfaction trend.
        self.trend = TrendChart()
        trend_box = QGroupBox(self.tr("满意度趋势(近六个月,满意+很满意)"))
        tl = QVBoxLayout(trend_box)
        tl.addWidget(self.trend)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.refresh_button)
        lower = QHBoxLayout()
        lower.setSpacing(10)
        lower.addWidget(visitors_box, 3)
        lower.addWidget(self.rate_box, 4)
        lower.addWidget(trend_box, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.holiday_notice)
        layout.addLayout(tile_grid)
        layout.addWidget(self.forms_notice)
        layout.addWidget(self.duties_notice)
        layout.addLayout(lower, 1)
        self.refresh()

    # Data ------------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            data = self.provider()
        except Exception as exc:  # noqa: BLE001 - the page stays usable; the reason is shown
            self.banner.show_message(self.tr("工作台数据读取失败:{0}").format(friendly_error(exc)), "error")
            return
        self.banner.hide()
        self.data = data
        self._show(data)

    def _show(self, d: DashboardData) -> None:
        day: dt.date = d.today
        self.heading.setText(
            self.tr("工作台 · {0}年{1}月{2}日 星期{3}").format(day.year, day.month, day.day, weekday(day))
        )

        if d.provisional_years:
            years = "、".join(str(y) for y in d.provisional_years)
            self.holiday_notice.show_message(
                self.tr(
                    "{0} 年的国务院放假安排尚未录入:该年的期限暂按法定节日推算(暂定),调休上班日未计入。"
                    "安排公布后请在“设置 → 节假日”中载入,未结案件的期限会自动重算。"
                ).format(years)
            )
        else:
            self.holiday_notice.hide()

        def alert(n: int, words: str) -> tuple[int, str, str]:
            return (n, words, "alert") if n else (0, self.tr("无"), "ok")

        t = self.tiles
        t["overdue"].set_value(*alert(d.overdue_cases, self.tr("已过办结期限,需处理")))
        t["due_today"].set_value(
            d.due_today_cases,
            self.tr("今天须办结") if d.due_today_cases else self.tr("无"),
            "warn" if d.due_today_cases else "ok",
        )
        t["visits_today"].set_value(
            d.visits_today,
            self.tr("{0} 位回访人").format(sum(1 for v in d.visitors if v.today))
            if d.visits_today
            else self.tr("无"),
            "warn" if d.visits_today else "ok",
        )
        t["visits_overdue"].set_value(*alert(d.visits_overdue, self.tr("已过回访日期")))
        t["forms"].set_value(*alert(d.forms_out_too_long, self.tr("领用超期未交回")))
        major_overdue = d.major_reports_overdue
        if d.major_reports_pending:
            words = (
                self.tr("其中 {0} 份已逾期").format(major_overdue) if major_overdue else self.tr("未到期限")
            )
            t["major"].set_value(d.major_reports_pending, words, "alert" if major_overdue else "warn")
        else:
            t["major"].set_value(0, self.tr("无"), "ok")
        t["night"].set_value(
            d.night_log_pending,
            self.tr("待转为案件") if d.night_log_pending else self.tr("无"),
            "warn" if d.night_log_pending else "ok",
        )
        if d.rework_overdue:
            words = self.tr("逾期未送达;共 {0} 份待送达").format(d.rework_pending)
            t["rework"].set_value(d.rework_overdue, words, "alert")
        else:
            words = (
                self.tr("待送达 {0} 份,未逾期").format(d.rework_pending)
                if d.rework_pending
                else self.tr("无")
            )
            t["rework"].set_value(0, words, "ok")

        if d.night_logs_late:
            t["night"].set_value(
                d.night_log_pending,
                self.tr("{0} 条已过次个工作日 10:00").format(len(d.night_logs_late)),
                "alert",
            )
        self._show_forms_notice(d)
        self._show_duties(d)

        # Visitors.
        table = self.visitor_table
        table.setRowCount(len(d.visitors))
        for row, v in enumerate(d.visitors):
            table.setItem(
                row,
                0,
                _item(
                    self.tr(UNASSIGNED) if v.visitor == UNASSIGNED else v.visitor,
                    colour=MUTED if v.visitor == UNASSIGNED else None,
                ),
            )
            table.setItem(row, 1, _item(v.today, True))
            overdue = _item(
                self.tr("{0}(逾期)").format(v.overdue) if v.overdue else "0",
                True,
                ALERT if v.overdue else None,
            )
            table.setItem(row, 2, overdue)
            table.setItem(row, 3, _item(v.total, True))
        table.setVisible(bool(d.visitors))
        self.visitor_empty.setVisible(not d.visitors)

        # Rates: cases that should be visited by today against those visited (app.stats.visit_rates).
        month = self.tr("{0}年{1}月").format(d.month.start.year, d.month.start.month)
        if d.month.through is not None:
            title = self.tr("本月回访率({0},截至 {1})").format(month, d.month.through.strftime("%m-%d"))
        else:
            title = self.tr("回访率({0})").format(month)
        self.rate_box.setTitle(title)
        table = self.rate_table
        table.setRowCount(len(d.visit_rates))
        for row, r in enumerate(d.visit_rates):
            table.setItem(row, 0, _item(r.kind))
            due = _item(r.due, True)
            exempt = self.tr("、").join(f"{self._exempt_label(attr)} {n}" for attr, n in r.exempt)
            due.setToolTip(
                self.tr("本月办结 {0} 件;不计入应回访:{1}").format(r.handled, exempt or self.tr("无"))
            )
            table.setItem(row, 1, due)
            table.setItem(row, 2, _item(r.visited, True))
            bar = _item(self.tr("{0} / {1}").format(percent(r.rate), percent(r.target, 0)))
            bar.setData(RATE_ROLE, (r.rate, r.target) if r.due else None)
            bar.setToolTip(self.tr("回访率 {0},目标 {1}").format(percent(r.rate), percent(r.target, 0)))
            table.setItem(row, 3, bar if r.due else _item("—", colour=MUTED))
            if r.target <= 0:
                met = _item(self.tr("无目标"), colour=MUTED)
            elif r.due == 0:
                met = _item(self.tr("暂无应回访"), colour=MUTED)
            elif r.met:
                met = _item(self.tr("✓ 达标"), colour=GOOD)
            else:
                met = _item(self.tr("✗ 未达标"), colour=ALERT)
            table.setItem(row, 4, met)
        table.resizeColumnsToContents()
        late = [number for r in d.visit_rates for number in r.late_cases]
        note = html.escape(
            self.tr("竖线为目标;绿色达标,红色未达标。匿名、联系不上/拒访、未到期的不计入应回访。")
        )
        if late:
            shown = self.tr("、").join(late[:5]) + (self.tr(" 等") if len(late) > 5 else "")
            words = html.escape(self.tr("应访未访 {0} 件:{1},请尽快回访。").format(len(late), shown))
            note += f'<br><span style="color: {ALERT.name()};">{words}</span>'
        self.rate_note.setText(note)
        self.rate_note.setWordWrap(True)

        self.trend.set_months(d.satisfaction_trend)

    def _exempt_label(self, attr: str) -> str:
        """The column names of app.stats.EXEMPT_COLUMNS, translated."""
        labels = {
            "anonymous": self.tr("匿名"),
            "written_reply": self.tr("只要求书面答复"),
            "unreachable": self.tr("联系不上/拒访"),
            "not_due": self.tr("未到期"),
        }
        return labels.get(attr, attr)

    def _show_forms_notice(self, d: DashboardData) -> None:
        """归档 late (red) or due (amber), and filed forms the policy no longer keeps."""

        def quarter(label: str) -> str:
            return self.tr("{0}年第{1}季度").format(label[:4], label[-1])

        lines = []
        late = d.forms_archive_late
        if len(late) == 1:
            q = late[0]
            lines.append(
                self.tr("{0}的 {1} 份回访记录表未在 {2} 前归档,已逾期,请尽快归档。").format(
                    quarter(q.quarter), q.count, q.deadline.strftime("%Y-%m-%d")
                )
            )
        elif late:
            lines.append(
                self.tr("{0} 个季度({1}至{2})共 {3} 份回访记录表未按期归档,已逾期,请尽快归档。").format(
                    len(late), quarter(late[0].quarter), quarter(late[-1].quarter), sum(q.count for q in late)
                )
            )
        for q in d.forms_to_file:
            if not q.late:
                lines.append(
                    self.tr("{0}的 {1} 份回访记录表须在 {2} 前归档。").format(
                        quarter(q.quarter), q.count, q.deadline.strftime("%Y-%m-%d")
                    )
                )
        if d.forms_to_destroy:
            lines.append(
                self.tr("{0} 份已归档的表单保管期已满,可以销毁(销毁后请在表单台账中登记)。").format(
                    d.forms_to_destroy
                )
            )
        if not lines:
            self.forms_notice.hide()
            return
        self.forms_notice.show_message("<br>".join(lines), "error" if late else "warn")

    def _show_duties(self, d: DashboardData) -> None:
        """The office's calendar of duties (seed 001, 值班制度): red when one is late."""
        lines = []
        late = False
        for duty in d.monthly_duties:
            month = self.tr("{0}年{1}月").format(duty.year, duty.month)
            due = duty.due.strftime("%Y-%m-%d")
            if duty.duty == "summary":
                words = (
                    self.tr(
                        "{0}的投诉、建议处理结果汇总应在 {1} 前报分管领导,已逾期:请在“统计分析”中选该月打印或导出。"
                    )
                    if duty.late
                    else self.tr(
                        "{0}的投诉、建议处理结果汇总须在 {1} 前报分管领导:请在“统计分析”中选该月打印或导出。"
                    )
                )
            else:
                words = (
                    self.tr(
                        "{0}的客户意见处理情况公告应在 {1} 前向全体业主公布,已逾期:请打印本月公告并张贴。"
                    )
                    if duty.late
                    else self.tr("{0}的客户意见处理情况公告须在 {1} 前向全体业主公布:请打印本月公告并张贴。")
                )
            lines.append(words.format(month, due))
            late = late or duty.late
        if d.records_due:
            numbers = self.tr("、").join(r.case_number for r in d.records_due[:5])
            more = self.tr(" 等") if len(d.records_due) > 5 else ""
            lines.append(
                self.tr("{0} 件投诉处理已超过一个工作日,尚未打印《顾客投诉处理记录表》:{1}{2}。").format(
                    len(d.records_due), numbers, more
                )
            )
            late = True
        if d.night_logs_late:
            lines.append(
                self.tr("{0} 条值班记录过了次个工作日上午 10:00 仍未转为案件,请在“值班记录”中转入。").format(
                    len(d.night_logs_late)
                )
            )
            late = True
        if d.answers_late:
            first = d.answers_late[0]
            lines.append(
                self.tr(
                    "{0} 个回访时答应答复业主的问题已过答复日期(最早 {1},案件 {2}),请在“回访跟进”中答复。"
                ).format(len(d.answers_late), first.promised.strftime("%Y-%m-%d"), first.case_number or "—")
            )
            late = True
        self.records_button.setVisible(bool(d.records_due))
        self.night_button.setVisible(bool(d.night_logs_late))
        self.answers_button.setVisible(bool(d.answers_late))
        if not lines:
            self.duties_notice.hide()
            return
        self.duties_notice.show_message("<br>".join(lines), "error" if late else "warn")

    def _records_menu(self) -> None:
        """The complaints whose 《顾客投诉处理记录表》 is not printed: one opens its case."""
        d = self.data
        if d is None or not d.records_due:
            return
        menu = QMenu(self)
        for record in d.records_due:
            text = self.tr("{0} · 超过一个工作日自 {1:%m-%d %H:%M}").format(record.case_number, record.since)
            action = menu.addAction(text)
            action.triggered.connect(lambda _checked=False, cid=record.case_id: self.open_case.emit(cid))
        menu.popup(self.duties_notice.mapToGlobal(self.duties_notice.rect().bottomLeft()))
        self.records_menu = menu

    # Clicks ----------------------------------------------------------------------------
    def _tile_clicked(self, key: str) -> None:
        d = self.data
        if d is None:
            return
        if key == "overdue":
            self.open_cases.emit(d.overdue_filter)
        elif key == "due_today":
            self.open_cases.emit(d.due_today_filter)
        elif key in ("visits_today", "visits_overdue"):
            self.open_visits.emit()
        elif key == "forms":
            self.open_forms.emit()
        elif key == "night":
            self.open_night_log.emit()
        elif key == "rework":
            self.open_followups.emit()
        elif key == "major":
            self._major_reports_menu()

    def _major_reports_menu(self) -> None:
        """One pending report opens its case; several give a menu of them."""
        d = self.data
        if d is None or not d.major_reports:
            return
        if len(d.major_reports) == 1:
            self.open_case.emit(d.major_reports[0].case_id)
            return
        menu = QMenu(self)
        for report in d.major_reports:
            state = self.tr("已逾期") if report.overdue else self.tr("未到期")
            text = self.tr("{0} · 期限 {1:%m-%d %H:%M} · {2}").format(report.case_number, report.due, state)
            action = menu.addAction(text)
            action.triggered.connect(lambda _checked=False, cid=report.case_id: self.open_case.emit(cid))
        tile = self.tiles["major"]
        menu.popup(tile.mapToGlobal(tile.rect().bottomLeft()))
        self.major_menu = menu
