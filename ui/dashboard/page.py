"""工作台: the opening page. Big numbers of what is due, each a button that opens its list;
today's visits per visitor; this month's visit rate against the target; the satisfaction trend.

The page is handed a zero-argument callable that returns `DashboardData`; `refresh()` calls it
again. Anything that needs attention says so in words as well as in red. Its tiles and the
trend chart are modules of their own (`tile`, `trend_chart`).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import domain
from app.case_query import CaseFilter
from app.dashboard import DashboardData
from app.i18n import term
from app.rates import percent
from ui.dashboard.tile import Tile
from ui.dashboard.trend_chart import TrendChart
from ui.errors import friendly_error
from ui.figures import RATE_ROLE, RateBarDelegate, cell
from ui.i18n import QT_TR_NOOP, weekday
from ui.palette import (
    ERROR_RED,
    MUTED_TEXT,
    OK,
)
from ui.widgets import Banner, make_table
from ui.worker import Job, run_in_background

UNASSIGNED = QT_TR_NOOP("未指定")  # app.dashboard groups visits nobody holds under this name


class DashboardPage(QWidget):
    open_cases = Signal(object)  # CaseFilter
    open_visits = Signal()
    open_forms = Signal()
    open_case = Signal(int)  # a case's id
    open_followups = Signal()
    open_night_log = Signal()

    def __init__(
        self,
        office_data_provider: Callable[[], DashboardData],
        parent: QWidget | None = None,
        background: bool = False,
    ) -> None:
        super().__init__(parent)
        self.provider = office_data_provider
        self.data: DashboardData | None = None
        # background: the figures are read on a worker thread (the main window: at ten years
        # of data they take seconds); the page shows the last ones until the new arrive, and
        # a refresh overtaken by a newer one is dropped.
        self._background = background
        self._generation = 0
        self._jobs: list[Job[DashboardData]] = []

        self.heading = QLabel(self.tr("工作台"))  # the day is added when the figures arrive
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
        # 开发商未回复: letters to the developer not answered yet, red when one is overdue (H22).
        self.referral_notice = Banner("warn")
        # 首次回复超时 and 明确答复超时 this month (H26, app/late_replies.py).
        self.late_reply_notice = Banner("warn")
        self.late_reply_button = self.late_reply_notice.add_button(
            self.tr("查看首次回复超时的案件"), self._open_late_replies
        )
        self.referral_button = self.referral_notice.add_button(self.tr("打开案件…"), self._referrals_menu)
        # H25: owners not told when the rework will be done; 返工后仍不合格 (to the manager).
        self.rework_notice = Banner("warn")
        self.rework_button = self.rework_notice.add_button(self.tr("打开案件…"), self._rework_menu)
        # H21: 先行处置超时, urgent cases whose containment is past its deadline, not recorded.
        self.contain_notice = Banner("error")
        self.contain_notice.add_button(self.tr("打开案件…"), self._contain_menu)
        # H23: leaks waiting for their leak test, late move-in visits, steward rounds not done.
        self.visit_rules_notice = Banner("warn")
        self.visit_rules_notice.add_button(self.tr("打开回访计划"), self.open_visits.emit)

        # Per-visitor table.
        self.visitor_table = make_table(
            [self.tr("回访人"), self.tr("今日到期"), self.tr("已逾期"), self.tr("合计")], stretch=0
        )
        self.visitor_table.doubleClicked.connect(lambda _index: self.open_visits.emit())
        self.visitor_empty = QLabel(self.tr("今日没有待回访的,也没有逾期的回访。"))
        self.visitor_empty.setStyleSheet(f"color: {MUTED_TEXT};")
        self.visitor_empty.setWordWrap(True)
        visitors_box = QGroupBox(self.tr("今日回访(按回访人)"))
        vl = QVBoxLayout(visitors_box)
        vl.addWidget(self.visitor_table)
        vl.addWidget(self.visitor_empty)

        # This month's rate against target.
        self.rate_table = make_table(
            [
                self.tr("性质"),
                self.tr("应回访"),
                self.tr("已回访"),
                self.tr("回访率 / 目标"),
                self.tr("达标"),
            ],
            stretch=3,
        )
        self.rate_table.setItemDelegateForColumn(3, RateBarDelegate(self.rate_table))
        self.rate_box = QGroupBox(self.tr("本月回访率"))
        self.rate_note = QLabel()
        self.rate_note.setStyleSheet(f"color: {MUTED_TEXT};")
        self.rate_note.setTextFormat(Qt.TextFormat.RichText)
        rl = QVBoxLayout(self.rate_box)
        rl.addWidget(self.rate_table)
        rl.addWidget(self.rate_note)
        # Each role's visit rate against its target (H24, app/role_rates.py).
        self.role_rate_label = QLabel()
        self.role_rate_label.setTextFormat(Qt.TextFormat.RichText)
        self.role_rate_label.setWordWrap(True)
        rl.addWidget(self.role_rate_label)

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
        # Below the heading the page scrolls: on a busy day the notices never push the window
        # past the screen (1366×768 had its status bar cut off with seven of them shown).
        body = QWidget()
        body.setAutoFillBackground(False)
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 4, 0)
        inner.setSpacing(10)
        inner.addWidget(self.banner)
        inner.addWidget(self.holiday_notice)
        inner.addLayout(tile_grid)
        inner.addWidget(self.forms_notice)
        inner.addWidget(self.duties_notice)
        inner.addWidget(self.referral_notice)
        inner.addWidget(self.late_reply_notice)
        inner.addWidget(self.rework_notice)
        inner.addWidget(self.contain_notice)
        inner.addWidget(self.visit_rules_notice)
        inner.addLayout(lower, 1)
        self.body_scroll = QScrollArea()
        self.body_scroll.setWidgetResizable(True)
        self.body_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body_scroll.viewport().setAutoFillBackground(False)
        self.body_scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.body_scroll, 1)
        self.refresh()

    # Data ------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self._background:
            self._refresh_in_background()
            return
        try:
            data = self.provider()
        except Exception as exc:  # noqa: BLE001 - the page stays usable; the reason is shown
            self._failed(exc)
            return
        self._arrived(data)

    def _refresh_in_background(self) -> None:
        self._generation += 1
        generation = self._generation
        provider = self.provider

        def done(data: DashboardData) -> None:
            self._jobs = [j for j in self._jobs if j.running]
            if generation == self._generation:
                self._arrived(data)

        def failed(exc: BaseException) -> None:
            self._jobs = [j for j in self._jobs if j.running]
            if generation == self._generation:
                self._failed(exc)

        self._jobs.append(
            run_in_background(self, lambda _progress: provider(), on_done=done, on_failed=failed)
        )

    def refreshing(self) -> bool:
        """Figures are still being read on a worker thread."""
        return any(j.running for j in self._jobs)

    def _failed(self, exc: BaseException) -> None:
        self.banner.show_message(self.tr("工作台数据读取失败:{0}").format(friendly_error(exc)), "error")

    def _arrived(self, data: DashboardData) -> None:
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
        self._show_late_replies(d)
        self._show_referrals(d)
        self._show_rework(d)
        self._show_containments(d)
        self._show_visit_rules(d)

        # Visitors.
        table = self.visitor_table
        table.setRowCount(len(d.visitors))
        for row, v in enumerate(d.visitors):
            table.setItem(
                row,
                0,
                cell(
                    self.tr(UNASSIGNED) if v.visitor == UNASSIGNED else v.visitor,
                    colour=MUTED_TEXT if v.visitor == UNASSIGNED else None,
                ),
            )
            table.setItem(row, 1, cell(v.today, True))
            overdue = cell(
                self.tr("{0}(逾期)").format(v.overdue) if v.overdue else "0",
                True,
                ERROR_RED if v.overdue else None,
            )
            table.setItem(row, 2, overdue)
            table.setItem(row, 3, cell(v.total, True))
        table.setVisible(bool(d.visitors))
        self.visitor_empty.setVisible(not d.visitors)

        # Rates: cases that should be visited by today against those visited (app.visit_rates).
        month = self.tr("{0}年{1}月").format(d.month.start.year, d.month.start.month)
        if d.month.through is not None:
            title = self.tr("本月回访率({0},截至 {1})").format(month, d.month.through.strftime("%m-%d"))
        else:
            title = self.tr("回访率({0})").format(month)
        self.rate_box.setTitle(title)
        table = self.rate_table
        table.setRowCount(len(d.visit_rates))
        for row, r in enumerate(d.visit_rates):
            table.setItem(row, 0, cell(term(r.kind)))
            due = cell(r.due, True)
            exempt = self.tr("、").join(f"{self._exempt_label(attr)} {n}" for attr, n in r.exempt)
            due.setToolTip(
                self.tr("本月办结 {0} 件;不计入应回访:{1}").format(r.handled, exempt or self.tr("无"))
            )
            table.setItem(row, 1, due)
            table.setItem(row, 2, cell(r.visited, True))
            bar = cell(self.tr("{0} / {1}").format(percent(r.rate), percent(r.target, 0)))
            bar.setData(RATE_ROLE, (r.rate, r.target) if r.due else None)
            bar.setToolTip(self.tr("回访率 {0},目标 {1}").format(percent(r.rate), percent(r.target, 0)))
            table.setItem(row, 3, bar if r.due else cell("—", colour=MUTED_TEXT))
            if r.target <= 0:
                met = cell(self.tr("无目标"), colour=MUTED_TEXT)
            elif r.due == 0:
                met = cell(self.tr("暂无应回访"), colour=MUTED_TEXT)
            elif r.met:
                met = cell(self.tr("✓ 达标"), colour=OK)
            else:
                met = cell(self.tr("✗ 未达标"), colour=ERROR_RED)
            table.setItem(row, 4, met)
        table.resizeColumnsToContents()
        late = [number for r in d.visit_rates for number in r.late_cases]
        note = html.escape(
            self.tr("竖线为目标;绿色达标,红色未达标。匿名、联系不上/拒访、未到期的不计入应回访。")
        )
        if late:
            shown = self.tr("、").join(late[:5]) + (self.tr(" 等") if len(late) > 5 else "")
            words = html.escape(self.tr("应访未访 {0} 件:{1},请尽快回访。").format(len(late), shown))
            note += f'<br><span style="color: {ERROR_RED};">{words}</span>'
        self.rate_note.setText(note)
        self.rate_note.setWordWrap(True)
        self._show_role_rates(d)

        self.trend.set_months(d.satisfaction_trend)

    def _exempt_label(self, attr: str) -> str:
        """The column names of app.visit_rates.EXEMPT_COLUMNS, translated."""
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

    def _show_role_rates(self, d: DashboardData) -> None:
        """各角色回访率: one line per role of the policy's targets, 达标 green, 未达标 red (H24)."""
        head = self.tr("各角色回访率(本月,回访制度的目标):")
        lines = [f"<b>{html.escape(head)}</b>"]
        for r in d.role_rates:
            if r.met is None:
                verdict, colour = self.tr("暂无"), MUTED_TEXT
            elif r.met:
                verdict, colour = self.tr("✓ 达标"), OK
            else:
                verdict, colour = self.tr("✗ 未达标"), ERROR_RED
            words = self.tr("{0}({1}) {2}/{3} {4},目标 ≥{5}").format(
                term(r.label),
                term(domain.ROLES.get(r.role, r.role)),
                r.visited,
                r.base_count,
                percent(r.rate),
                percent(r.target, 0),
            )
            lines.append(f'{html.escape(words)} <span style="color: {colour};">{html.escape(verdict)}</span>')
        self.role_rate_label.setVisible(bool(d.role_rates))
        self.role_rate_label.setText(lines[0] + " " + " · ".join(lines[1:]))

    def _show_visit_rules(self, d: DashboardData) -> None:
        """The visit rules that wait for a date or a person (H23, app/visits/special.py)."""
        w = d.visit_rules
        if w is None or not w.count:
            self.visit_rules_notice.hide()
            return
        lines = []
        join = self.tr("、")
        if w.leaks_without_test:
            lines.append(
                self.tr("{0} 件漏水/渗漏已办结未登记闭水试验日期,回访待闭水试验:{1}。").format(
                    len(w.leaks_without_test), join.join(w.leaks_without_test[:5])
                )
            )
        if w.contracts_missing:
            lines.append(
                self.tr("{0} 件特约服务未登记合同日期,无法安排合同中期和期满回访:{1}。").format(
                    len(w.contracts_missing), join.join(w.contracts_missing[:5])
                )
            )
        if w.late_move_ins:
            rooms = join.join(f"{x.room}({x.move_in:%m-%d})" for x in w.late_move_ins[:5])
            lines.append(self.tr("{0} 户入伙已超过一周未回访:{1}。").format(len(w.late_move_ins), rooms))
        if w.rounds_not_done:
            people = join.join(
                self.tr("{0}(已访 {1}/{2} 户)").format(r.steward, r.visited, r.rooms)
                for r in w.rounds_not_done
            )
            lines.append(
                self.tr("季度巡访未完成,{0} 前须走访完责任区:{1}。").format(w.quarter_end.isoformat(), people)
            )
        late = bool(w.late_move_ins or w.leaks_without_test)
        self.visit_rules_notice.show_message(
            "<br>".join(html.escape(x) for x in lines), "error" if late else "warn"
        )

    def _show_referrals(self, d: DashboardData) -> None:
        """开发商未回复: the 工作联系函 the developer has not answered (app/referrals.py)."""
        lines = d.referrals_open
        if not lines:
            self.referral_notice.hide()
            return
        overdue = [x for x in lines if x.overdue]
        numbers = self.tr("、").join(f"{x.number}({x.case_number})" for x in (overdue or lines)[:4])
        more = self.tr(" 等") if len(overdue or lines) > 4 else ""
        if overdue:
            text = self.tr(
                "开发商未回复:{0} 份工作联系函,其中 {1} 份已过回复期限:{2}{3}。请催办并向业主反馈。"
            )
            message = text.format(len(lines), len(overdue), numbers, more)
        else:
            text = self.tr("开发商未回复:{0} 份工作联系函,均未到回复期限:{1}{2}。")
            message = text.format(len(lines), numbers, more)
        # A follow-up promised for a day that has come (跟进: the next date written at the last one).
        follow = [x for x in lines if x.next_follow_up is not None and x.next_follow_up <= d.today]
        if follow:
            due = self.tr("、").join(x.number for x in follow[:4]) + (
                self.tr(" 等") if len(follow) > 4 else ""
            )
            message += self.tr("已到跟进日期:{0}。").format(due)
        self.referral_notice.show_message(message, "error" if overdue or follow else "warn")

    def _show_late_replies(self, d: DashboardData) -> None:
        """This month's first replies later than the policy's limit (办结 is not a reply), and the
        major complaints' 明确答复 late, with their numbers, as the statistics count them."""
        late = d.late_replies
        lines = []
        for numbers, words in (
            (late.first_replies, self.tr("本月 {0} 件首次回复超时(晚于期限或过期限未回复):{1}{2}。")),
            (late.clear_answers, self.tr("本月 {0} 件重大投诉明确答复超时:{1}{2}。")),
        ):
            if numbers:
                more = self.tr(" 等") if len(numbers) > 6 else ""
                lines.append(words.format(len(numbers), self.tr("、").join(numbers[:6]), more))
        self.late_reply_button.setVisible(bool(late.first_replies))
        if not lines:
            self.late_reply_notice.hide()
            return
        self.late_reply_notice.show_message("<br>".join(lines), "error")

    def _open_late_replies(self) -> None:
        """The case list with this month's late first replies (the filter the count is)."""
        if self.data is not None:
            month = self.data.month
            self.open_cases.emit(CaseFilter(first_reply_late=True, date_from=month.start, date_to=month.end))

    def _show_rework(self, d: DashboardData) -> None:
        """返工跟进 (H25, app/rework.py): the owner not told within the notice's 24 h when the
        rework will be done; a rework unqualified again, gone to the manager as a new complaint."""
        f = d.rework_followups
        lines = []
        if f.untold:
            numbers = self.tr("、").join(u.number for u in f.untold[:5])
            more = self.tr(" 等") if len(f.untold) > 5 else ""
            lines.append(
                self.tr(
                    "{0} 件返工已过 24 小时仍未告知业主何时完成:{1}{2}。请在案件详情中“告知业主返工时间”。"
                ).format(len(f.untold), numbers, more)
            )
        for s in f.still_unqualified[:4]:
            lines.append(
                self.tr("返工后仍不合格:{0} 已上报管理处经理 {1},转为投诉 {2} 处理。").format(
                    s.number, s.manager, s.new_number
                )
            )
        if len(f.still_unqualified) > 4:
            lines.append(self.tr("另有 {0} 件返工后仍不合格。").format(len(f.still_unqualified) - 4))
        if not lines:
            self.rework_notice.hide()
            return
        self.rework_notice.show_message("<br>".join(lines), "error")

    def _rework_menu(self) -> None:
        """The cases of the rework line: one opens its case."""
        d = self.data
        if d is None:
            return
        f = d.rework_followups
        menu = QMenu(self)
        for u in f.untold:
            text = self.tr("{0} · 未告知业主返工时间(应于 {1:%m-%d %H:%M} 前)").format(u.number, u.due)
            action = menu.addAction(text)
            action.triggered.connect(lambda _checked=False, cid=u.case_id: self.open_case.emit(cid))
        for s in f.still_unqualified:
            for number, cid in ((s.number, s.case_id), (s.new_number, s.new_case_id)):
                action = menu.addAction(self.tr("{0} · 返工后仍不合格({1})").format(number, s.manager))
                action.triggered.connect(lambda _checked=False, c=cid: self.open_case.emit(c))
        menu.popup(self.rework_notice.mapToGlobal(self.rework_notice.rect().bottomLeft()))
        self.rework_menu = menu

    def _show_containments(self, d: DashboardData) -> None:
        """先行处置超时 (H21): how many, and which cases, in red."""
        late = d.containments_overdue
        if not late:
            self.contain_notice.hide()
            return
        numbers = self.tr("、").join(c.number for c in late[:5])
        more = self.tr(" 等") if len(late) > 5 else ""
        self.contain_notice.show_message(
            html.escape(
                self.tr(
                    "{0} 件需先行处置的案件已过处置期限仍未记录:{1}{2}。请立即制止损害,并在案件中记录先行处置。"
                ).format(len(late), numbers, more)
            ),
            "error",
        )

    def _contain_menu(self) -> None:
        """The cases whose containment is overdue: one opens its case."""
        d = self.data
        if d is None or not d.containments_overdue:
            return
        menu = QMenu(self)
        for c in d.containments_overdue:
            action = menu.addAction(self.tr("{0} · 先行处置期限 {1:%m-%d %H:%M}").format(c.number, c.due))
            action.triggered.connect(lambda _checked=False, cid=c.case_id: self.open_case.emit(cid))
        menu.popup(self.contain_notice.mapToGlobal(self.contain_notice.rect().bottomLeft()))
        self.contain_menu = menu

    def _referrals_menu(self) -> None:
        """The letters not answered: one opens its case."""
        d = self.data
        if d is None or not d.referrals_open:
            return
        menu = QMenu(self)
        for line in d.referrals_open:
            due = line.reply_due.strftime("%m-%d") if line.reply_due else self.tr("未发出")
            text = self.tr("{0} · {1} · 回复期限 {2} · {3}").format(
                line.number, line.case_number, due, self.tr(line.state)
            )
            action = menu.addAction(text)
            action.triggered.connect(lambda _checked=False, cid=line.case_id: self.open_case.emit(cid))
        menu.popup(self.referral_notice.mapToGlobal(self.referral_notice.rect().bottomLeft()))
        self.referral_menu = menu

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
