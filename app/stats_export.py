"""The period's figures as an Excel workbook: one sheet per table, numbers as numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from app.errors import UserError, describe_file_error
from app.i18n import term, tr
from app.ledger.writing import as_text, save_workbook
from app.permissions import require
from app.rates import visit_rate
from app.stats import DEFINITIONS, Comparison, PeriodStats

HEADER_FILL = PatternFill("solid", fgColor="DDE7EE")


def _sheet(
    wb: Workbook, title: str, header: list[str], rows: list[list[Any]], formats: dict[int, str] | None = None
) -> None:
    ws = wb.create_sheet(title)
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center")
    for row in rows:
        ws.append(row)
        for cell in ws[ws.max_row]:
            as_text(cell)  # owners' and clerks' words stay words: "=…" is never a formula
    for col, fmt in (formats or {}).items():
        for r in range(2, ws.max_row + 1):
            ws.cell(r, col).number_format = fmt
    for i, name in enumerate(header, start=1):
        width = max(
            [len(str(name)) * 2]
            + [len(str(ws.cell(r, i).value or "")) * 1.6 for r in range(2, ws.max_row + 1)]
        )
        ws.column_dimensions[get_column_letter(i)].width = min(60, max(8, width))
    ws.freeze_panes = "A2"


def _visit_header() -> list[str]:
    return [
        tr("性质"),
        tr("处理宗数"),
        tr("匿名"),
        tr("只要求书面答复"),
        tr("联系不上/拒访"),
        tr("未到期"),
        tr("取消回访"),
        tr("应回访宗数"),
        tr("回访宗数"),
        tr("回访率"),
        tr("目标"),
        tr("达标"),
        tr("应访未访案件"),
    ]


def _visit_rows(s: PeriodStats) -> list[list[Any]]:
    """The 《回访统计表》: the counts from `app.visit_rates`, the 回访率 from `app.rates.visit_rate`
    (an empty cell when nothing was due)."""
    return [
        [
            term(k),
            v.handled,
            v.anonymous,
            v.written_reply,
            v.unreachable,
            v.not_due,
            v.cancelled,
            v.due,
            v.visited,
            visit_rate(v.visited, v.due),
            v.target,
            "—" if v.met is None else (tr("是") if v.met else tr("否")),
            "、".join(v.late_cases),
        ]
        for k, v in s.visit_stats.items()
    ]


def _period_text(s: PeriodStats) -> str:
    return f"{s.period.label}:{s.period.range_text}"


def _referral_rows(cur: PeriodStats, prev: PeriodStats) -> list[list[Any]]:
    """二类 cases forwarded to the developer in writing (工作联系函), as the PDF counts them."""
    if cur.referrals is None:
        return []
    before = prev.referrals
    return [
        [
            tr("转交开发商:{label}", label=label),
            getattr(cur.referrals, name),
            getattr(before, name) if before else 0,
        ]
        for label, name in (
            (tr("案件"), "referred"),
            (tr("联系函"), "letters"),
            (tr("已发出"), "sent"),
            (tr("开发商已回复"), "answered"),
            (tr("逾期未回复"), "overdue"),
        )
    ]


def write_xlsx(data: Comparison, path: Path) -> None:
    require(None, "report.view")
    cur, prev = data.current, data.previous
    wb = Workbook()
    wb.remove(wb.active)
    pct = "0.0%"
    _sheet(wb, tr("回访统计表"), _visit_header(), _visit_rows(cur), {10: pct, 11: pct})
    _sheet(wb, tr("上期回访统计"), _visit_header(), _visit_rows(prev), {10: pct, 11: pct})
    _sheet(
        wb,
        tr("满意度"),
        [tr("满意度"), cur.period.title, prev.period.title],
        [
            [term(k, "satisfaction"), cur.satisfaction[k], prev.satisfaction.get(k, 0)]
            for k in cur.satisfaction
        ],
    )
    _sheet(
        wb,
        tr("受理"),
        [tr("性质"), cur.period.title, prev.period.title],
        [[term(k), n, prev.cases_received.get(k, 0)] for k, n in cur.cases_received.items()],
    )
    _sheet(
        wb,
        tr("处理情况"),
        [tr("指标"), cur.period.title, prev.period.title],
        [
            [tr("办结率"), cur.resolution_rate, prev.resolution_rate],
            [tr("逾期件数"), cur.overdue, prev.overdue],
            [tr("延期件数"), cur.extensions, prev.extensions],
            [tr("首次响应中位数(小时)"), cur.response_time.median_hours, prev.response_time.median_hours],
            [tr("首次响应P90(小时)"), cur.response_time.p90_hours, prev.response_time.p90_hours],
            [tr("办结用时中位数(小时)"), cur.resolution_time.median_hours, prev.resolution_time.median_hours],
            [tr("办结用时P90(小时)"), cur.resolution_time.p90_hours, prev.resolution_time.p90_hours],
            [tr("户数"), cur.households, prev.households],
            [tr("投诉率(每户)"), cur.complaint_rate, prev.complaint_rate],
            [
                tr("首次回复超时件数"),
                sum(cur.late_first_replies.values()),
                sum(prev.late_first_replies.values()),
            ],
            [tr("首次回复超时率"), cur.late_first_reply_rate, prev.late_first_reply_rate],
            [tr("明确答复超时件数"), len(cur.late_clear_answers), len(prev.late_clear_answers)],
            *_referral_rows(cur, prev),
        ],
    )
    ws = wb[tr("处理情况")]
    for r in (2, 10, 12):
        for c in (2, 3):
            ws.cell(r, c).number_format = "0.00%"
    _sheet(wb, tr("投诉类别"), [tr("类别"), tr("件数")], [list(x) for x in cur.complaints_by_category])
    _sheet(
        wb,
        tr("投诉有效性"),
        [tr("有效性"), tr("件数")],
        [[term(k), v] for k, v in cur.complaints_by_validity.items()],
    )
    _sheet(
        wb,
        tr("投诉程度"),
        [tr("程度"), tr("件数")],
        [[term(k), v] for k, v in cur.complaints_by_severity.items()],
    )
    _sheet(wb, tr("投诉楼栋"), [tr("楼栋"), tr("件数")], [list(x) for x in cur.complaints_by_building])
    _sheet(wb, tr("被投诉方"), [tr("部门/人员"), tr("件数")], [list(x) for x in cur.complaints_by_party])
    _sheet(wb, tr("逾期案件"), [tr("案件编号")], [[n] for n in cur.overdue_cases])
    _sheet(
        wb,
        tr("不满意回访"),
        [tr("案件"), tr("房号"), tr("满意度"), tr("意见"), tr("回访人"), tr("日期"), tr("第几次")],
        [
            [
                u["case"],
                u["room"],
                term(u["satisfaction"], "satisfaction"),
                u["opinion"],
                u["visitor"],
                u["date"],
                u["attempt"],
            ]
            for u in cur.unsatisfied
        ],
    )
    _sheet(
        wb,
        tr("重复投诉"),
        [tr("房号"), tr("类别"), tr("次数"), tr("案件")],
        [[g.room, g.category, g.count, "、".join(g.cases)] for g in cur.repeat_complaints],
    )
    _sheet(
        wb,
        tr("重复维修"),
        [tr("房号"), tr("类别"), tr("细类"), tr("次数"), tr("案件")],
        [
            [g.room, g.category, g.subcategory or tr("细类未填"), g.count, "、".join(g.cases)]
            for g in cur.repeat_repairs
        ],
    )
    _sheet(
        wb,
        tr("回访人员"),
        [tr("姓名"), tr("角色"), tr("计划"), tr("完成"), tr("逾期"), tr("不满意")],
        [[v.name, term(v.role), v.planned, v.done, v.overdue, v.unsatisfied] for v in cur.visitors],
    )
    _sheet(
        wb,
        tr("典型案例"),
        [tr("案件"), tr("性质"), tr("类别"), tr("内容"), tr("处理结果"), tr("说明")],
        [
            [t["case"], term(t["kind"]), term(t["category"]), t["account"], t["result"], t["note"]]
            for t in cur.typical_cases
        ],
    )
    _sheet(
        wb,
        tr("改进措施与说明"),
        [tr("内容")],
        [
            [data.measures or tr("(未填写)")],
            [""],
            [tr("本期:{period}", period=_period_text(cur))],
            [tr("对比期间:{period}", period=_period_text(prev))],
            [""],
            *[[d] for d in DEFINITIONS],
        ],
    )
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(describe_file_error(exc, path)) from exc
    save_workbook(wb, path)  # whole or not at all; a full disk or a read-only folder in words
