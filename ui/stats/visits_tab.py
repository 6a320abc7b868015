"""回访统计表 tab: each kind's handled cases and how their visits stand, the visit rate against
its target beside the previous period's, the satisfaction spread and the unsatisfied visits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from app.i18n import term
from app.rates import percent, share, visit_rate
from app.stats import PeriodStats
from ui.figures import RATE_ROLE, RateBarDelegate, cell
from ui.i18n import QT_TR_NOOP
from ui.palette import ERROR_RED, MUTED_TEXT, OK
from ui.stats.common import NUMBER_ROLE, CaseRows, boxed, change, fill, fit_height, stats_table

VISIT_RATE_COLUMN = 9  # the 回访率 bar


class VisitsTab(CaseRows):
    def __init__(self) -> None:
        super().__init__()
        self.table = stats_table(
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
        self.table.setItemDelegateForColumn(VISIT_RATE_COLUMN, RateBarDelegate(self.table))
        # 应访未访: cases whose visit is past due, by number.
        self.late_visits = QLabel()
        self.late_visits.setWordWrap(True)
        self.late_visits.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.satisfaction_table = stats_table(
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
        self.unsatisfied_table = stats_table(
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
            lambda i: self.emit_row_number(self.unsatisfied_table, i.row())
        )
        lower = QHBoxLayout()
        lower.addWidget(boxed(self.tr("满意度分布(本期完成的回访)"), self.satisfaction_table), 2)
        lower.addWidget(boxed(self.tr("不满意的回访(双击打开案件)"), self.unsatisfied_table), 3)
        note = QLabel(
            self.tr(
                "回访率 = 回访宗数 ÷ 应回访宗数。匿名、只要求书面答复、联系不上/拒访、未到期的不计入应回访;"
                "取消回访(计划人员写明原因取消的)也不计入;已作废、已合并的案件不计入处理宗数。"
                "回访率条中的竖线为目标;绿色为达标,红色为未达标。"
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {MUTED_TEXT};")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.late_visits)
        layout.addWidget(note)
        layout.addLayout(lower)
        layout.addStretch(1)

    def show_stats(self, cur: PeriodStats, prev: PeriodStats) -> None:
        rows = []
        late: list[str] = []
        for kind, k in cur.visit_stats.items():
            p = prev.visit_stats.get(kind)
            late += k.late_cases
            rate_now = visit_rate(k.visited, k.due)
            rate_before = visit_rate(p.visited, p.due) if p else None
            rate = cell(percent(rate_now))
            rate.setData(RATE_ROLE, (rate_now, k.target) if rate_now is not None else None)
            if k.target <= 0:
                met = cell(self.tr("无目标"), colour=MUTED_TEXT)
            elif k.met is None:
                met = cell(self.tr("暂无应回访"), colour=MUTED_TEXT)
            elif k.met:
                met = cell(self.tr("✓ 达标"), colour=OK)
            else:
                met = cell(self.tr("✗ 未达标"), colour=ERROR_RED)
            cancelled = cell(k.cancelled, True, MUTED_TEXT)
            cancelled.setToolTip(self.tr("计划人员写明原因取消的回访(原因见案件的回访抽样记录)"))
            rows.append(
                [
                    cell(term(kind)),
                    cell(k.handled, True),
                    cell(k.anonymous, True, MUTED_TEXT),
                    cell(k.written_reply, True, MUTED_TEXT),
                    cell(k.unreachable, True, MUTED_TEXT),
                    cell(k.not_due, True, MUTED_TEXT),
                    cancelled,
                    cell(k.due, True),
                    cell(k.visited, True),
                    rate,
                    cell(percent(k.target, 0), True),
                    met,
                    cell(percent(rate_before), True, MUTED_TEXT),
                    cell(
                        change(rate_now, rate_before, True)
                        if rate_now is not None and rate_before is not None
                        else "—",
                        True,
                    ),
                ]
            )
        fill(self.table, rows)
        fit_height(self.table)
        if late:
            self.late_visits.setText(
                self.tr("应访未访 {0} 件(回访期限已过仍未回访):{1}").format(
                    len(late), self.tr("、").join(late)
                )
            )
            self.late_visits.setStyleSheet(f"color: {ERROR_RED};")
        else:
            self.late_visits.setText(self.tr("应访未访:无。"))
            self.late_visits.setStyleSheet(f"color: {QColor(OK).darker(130).name()};")

        total_c = sum(cur.satisfaction.values())
        total_p = sum(prev.satisfaction.values())
        rows = []
        for level, n in cur.satisfaction.items():
            pn = prev.satisfaction.get(level, 0)
            rows.append(
                [
                    cell(term(level, "satisfaction")),
                    cell(n, True),
                    cell(percent(share(n, total_c)), True),
                    cell(pn, True, MUTED_TEXT),
                    cell(percent(share(pn, total_p)), True, MUTED_TEXT),
                ]
            )
        rows.append(
            [cell(self.tr("合计")), cell(total_c, True), cell(""), cell(total_p, True, MUTED_TEXT), cell("")]
        )
        fill(self.satisfaction_table, rows)

        rows = []
        for u in cur.unsatisfied:
            first = cell(u["date"])
            first.setData(NUMBER_ROLE, u["case"])
            rows.append(
                [
                    first,
                    cell(u["case"] or self.tr("(无案件)")),
                    cell(u["room"]),
                    cell(term(u["satisfaction"], "satisfaction"), colour=ERROR_RED),
                    cell(self.tr("第{0}次").format(u["attempt"])),
                    cell(u["visitor"]),
                    cell(" ".join(str(u["opinion"] or "").split())),
                ]
            )
        fill(self.unsatisfied_table, rows)
