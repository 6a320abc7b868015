"""人员 tab: each visitor's visits planned, done, overdue and unsatisfied, the completion rate
as a bar, and a chart of visits done beside the previous period (for 绩效考评); each role's
visit rate against the policy's target (角色回访率, app/role_rates.py) and each person's visits
of the period's cases, a visit made by two together counted for both (H24)."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QTableWidgetItem, QVBoxLayout, QWidget

from app.domain import ROLES
from app.i18n import term
from app.rates import percent, share
from app.role_rates import RoleRate
from app.stats import PeriodStats
from ui.figures import RATE_ROLE, RateBarDelegate, cell
from ui.i18n import QT_TR_NOOP
from ui.palette import ERROR_RED, MUTED_TEXT, OK
from ui.stats.charts import PeopleChart
from ui.stats.common import fill, stats_table

RATE_COLUMN = 4
ROLE_RATE_COLUMN = 5


class PeopleTab(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.table = stats_table(
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
            RATE_COLUMN,
        )
        # The completion rate as a bar across the width the tab has.
        self.table.setItemDelegateForColumn(RATE_COLUMN, RateBarDelegate(self.table))
        note = QLabel(
            self.tr("计划:到期日在本期内的回访;完成:本期内完成的;完成率:完成 ÷ 计划;逾期:到期未回访的。")
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {MUTED_TEXT};")
        self.chart = PeopleChart()
        chart_box = QGroupBox(self.tr("每人本期完成与上期对比"))
        QVBoxLayout(chart_box).addWidget(self.chart)
        self.roles_table = stats_table(
            [
                self.tr(c)
                for c in (
                    QT_TR_NOOP("制度称谓"),
                    QT_TR_NOOP("角色"),
                    QT_TR_NOOP("性质"),
                    QT_TR_NOOP("参与回访"),
                    QT_TR_NOOP("基数"),
                    QT_TR_NOOP("回访率"),
                    QT_TR_NOOP("目标"),
                    QT_TR_NOOP("结论"),
                )
            ],
            -1,
        )
        self.roles_table.setItemDelegateForColumn(ROLE_RATE_COLUMN, RateBarDelegate(self.roles_table))
        self.person_table = stats_table(
            [
                self.tr(c)
                for c in (
                    QT_TR_NOOP("人员"),
                    QT_TR_NOOP("角色"),
                    QT_TR_NOOP("已回访次数"),
                    QT_TR_NOOP("其中两人同访"),
                    QT_TR_NOOP("回访案件"),
                    QT_TR_NOOP("本角色回访率"),
                    QT_TR_NOOP("目标"),
                    QT_TR_NOOP("结论"),
                )
            ],
            -1,
        )
        roles_box = QGroupBox(self.tr("各角色回访率(回访制度)"))
        roles_layout = QVBoxLayout(roles_box)
        roles_layout.addWidget(self.roles_table)
        roles_note = QLabel(
            self.tr(
                "参与回访:本期办结、已回访的案件中,该角色人员作为回访人(含两人同时回访的第二回访人)的件数;"
                "基数按制度为应回访宗数或已回访宗数。"
            )
        )
        roles_note.setWordWrap(True)
        roles_note.setStyleSheet(f"color: {MUTED_TEXT};")
        roles_layout.addWidget(roles_note)
        roles_layout.addWidget(self.person_table)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(note)
        layout.addWidget(roles_box)
        layout.addWidget(chart_box)
        layout.addStretch(1)

    def show_stats(self, cur: PeriodStats, prev: PeriodStats) -> None:
        before = {v.name: v for v in prev.visitors}
        rows = []
        for v in cur.visitors:
            p = before.get(v.name)
            rows.append(
                [
                    cell(v.name),
                    cell(term(v.role)),
                    cell(v.planned, True),
                    cell(v.done, True),
                    _rate_cell(v.done, v.planned),
                    cell(v.overdue, True, ERROR_RED if v.overdue else None),
                    cell(v.unsatisfied, True, ERROR_RED if v.unsatisfied else None),
                    cell(p.done if p else 0, True, MUTED_TEXT),
                    cell(p.overdue if p else 0, True, MUTED_TEXT),
                ]
            )
        fill(self.table, rows)
        self.show_roles(cur)
        self.chart.set_rows(
            [
                (v.name, v.done, before[v.name].done if v.name in before else 0, v.overdue, v.unsatisfied)
                for v in cur.visitors
            ]
        )

    def show_roles(self, cur: PeriodStats) -> None:
        """Each role's line and each person's visits of the period's cases."""
        roles = cur.role_visits.roles if cur.role_visits is not None else []
        people = cur.role_visits.people if cur.role_visits is not None else []
        fill(self.roles_table, [self._role_row(r) for r in roles])
        rows = []
        for p in people:
            line = p.role_rate
            cases = cell(len(p.cases), True)
            cases.setToolTip("、".join(p.cases))
            rows.append(
                [
                    cell(p.name),
                    cell(term(ROLES.get(p.role, p.role))),
                    cell(p.visits, True),
                    cell(p.together, True),
                    cases,
                    cell(percent(line.rate) if line else "—", True),
                    cell(f"≥{line.target:.0%}" if line else "—", True, MUTED_TEXT),
                    self._verdict(line.met if line else None),
                ]
            )
        fill(self.person_table, rows)

    def _role_row(self, r: RoleRate) -> list[QTableWidgetItem]:
        rate = cell(percent(r.rate), True, MUTED_TEXT if r.rate is None else None)
        if r.rate is not None:
            rate.setData(RATE_ROLE, (r.rate, r.target))
        base = self.tr("应回访宗数") if r.base == "due" else self.tr("已回访宗数")
        return [
            cell(term(r.label)),
            cell(term(ROLES.get(r.role, r.role))),
            cell("、".join(term(k) for k in r.kinds) or self.tr("全部")),
            cell(r.visited, True),
            cell(f"{r.base_count}({base})", True),
            rate,
            cell(f"≥{r.target:.0%}", True),
            self._verdict(r.met),
        ]

    def _verdict(self, met: bool | None) -> QTableWidgetItem:
        if met is None:
            return cell("—", False, MUTED_TEXT)
        return cell(self.tr("达标") if met else self.tr("未达标"), False, OK if met else ERROR_RED)


def _rate_cell(done: int, planned: int) -> QTableWidgetItem:
    """完成率: done ÷ planned as a bar; "—" when nothing was planned."""
    rate = share(done, planned)
    if rate is None:
        return cell(percent(None), True, MUTED_TEXT)
    item = cell(percent(rate))
    item.setData(RATE_ROLE, (rate, 0.0))
    return item
