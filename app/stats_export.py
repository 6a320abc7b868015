"""The period's figures as an Excel workbook: one sheet per table, numbers as numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from app.errors import UserError, describe_file_error
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


VISIT_HEADER = [
    "性质",
    "处理宗数",
    "匿名",
    "只要求书面答复",
    "联系不上/拒访",
    "未到期",
    "取消回访",
    "应回访宗数",
    "回访宗数",
    "回访率",
    "目标",
    "达标",
    "应访未访案件",
]


def _visit_rows(s: PeriodStats) -> list[list[Any]]:
    """The 《回访统计表》: the counts from `app.visit_rates`, the 回访率 from `app.rates.visit_rate`
    (an empty cell when nothing was due)."""
    return [
        [
            k,
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
            "—" if v.met is None else ("是" if v.met else "否"),
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
        [f"转交开发商:{label}", getattr(cur.referrals, name), getattr(before, name) if before else 0]
        for label, name in (
            ("案件", "referred"),
            ("联系函", "letters"),
            ("已发出", "sent"),
            ("开发商已回复", "answered"),
            ("逾期未回复", "overdue"),
        )
    ]


def write_xlsx(data: Comparison, path: Path) -> None:
    require(None, "report.view")
    cur, prev = data.current, data.previous
    wb = Workbook()
    wb.remove(wb.active)
    pct = "0.0%"
    _sheet(wb, "回访统计表", VISIT_HEADER, _visit_rows(cur), {10: pct, 11: pct})
    _sheet(wb, "上期回访统计", VISIT_HEADER, _visit_rows(prev), {10: pct, 11: pct})
    _sheet(
        wb,
        "满意度",
        ["满意度", cur.period.title, prev.period.title],
        [[k, cur.satisfaction[k], prev.satisfaction.get(k, 0)] for k in cur.satisfaction],
    )
    _sheet(
        wb,
        "受理",
        ["性质", cur.period.title, prev.period.title],
        [[k, n, prev.cases_received.get(k, 0)] for k, n in cur.cases_received.items()],
    )
    _sheet(
        wb,
        "处理情况",
        ["指标", cur.period.title, prev.period.title],
        [
            ["办结率", cur.resolution_rate, prev.resolution_rate],
            ["逾期件数", cur.overdue, prev.overdue],
            ["延期件数", cur.extensions, prev.extensions],
            ["首次响应中位数(小时)", cur.response_time.median_hours, prev.response_time.median_hours],
            ["首次响应P90(小时)", cur.response_time.p90_hours, prev.response_time.p90_hours],
            ["办结用时中位数(小时)", cur.resolution_time.median_hours, prev.resolution_time.median_hours],
            ["办结用时P90(小时)", cur.resolution_time.p90_hours, prev.resolution_time.p90_hours],
            ["户数", cur.households, prev.households],
            ["投诉率(每户)", cur.complaint_rate, prev.complaint_rate],
            ["首次回复超时件数", sum(cur.late_first_replies.values()), sum(prev.late_first_replies.values())],
            ["首次回复超时率", cur.late_first_reply_rate, prev.late_first_reply_rate],
            ["明确答复超时件数", len(cur.late_clear_answers), len(prev.late_clear_answers)],
            *_referral_rows(cur, prev),
        ],
    )
    ws = wb["处理情况"]
    for r in (2, 10, 12):
        for c in (2, 3):
            ws.cell(r, c).number_format = "0.00%"
    _sheet(wb, "投诉类别", ["类别", "件数"], [list(x) for x in cur.complaints_by_category])
    _sheet(wb, "投诉有效性", ["有效性", "件数"], [[k, v] for k, v in cur.complaints_by_validity.items()])
    _sheet(wb, "投诉程度", ["程度", "件数"], [[k, v] for k, v in cur.complaints_by_severity.items()])
    _sheet(wb, "投诉楼栋", ["楼栋", "件数"], [list(x) for x in cur.complaints_by_building])
    _sheet(wb, "被投诉方", ["部门/人员", "件数"], [list(x) for x in cur.complaints_by_party])
    _sheet(wb, "逾期案件", ["案件编号"], [[n] for n in cur.overdue_cases])
    _sheet(
        wb,
        "不满意回访",
        ["案件", "房号", "满意度", "意见", "回访人", "日期", "第几次"],
        [
            [u["case"], u["room"], u["satisfaction"], u["opinion"], u["visitor"], u["date"], u["attempt"]]
            for u in cur.unsatisfied
        ],
    )
    _sheet(
        wb,
        "重复投诉",
        ["房号", "类别", "次数", "案件"],
        [[g.room, g.category, g.count, "、".join(g.cases)] for g in cur.repeat_complaints],
    )
    _sheet(
        wb,
        "重复维修",
        ["房号", "类别", "细类", "次数", "案件"],
        [
            [g.room, g.category, g.subcategory or "细类未填", g.count, "、".join(g.cases)]
            for g in cur.repeat_repairs
        ],
    )
    _sheet(
        wb,
        "回访人员",
        ["姓名", "角色", "计划", "完成", "逾期", "不满意"],
        [[v.name, v.role, v.planned, v.done, v.overdue, v.unsatisfied] for v in cur.visitors],
    )
    _sheet(
        wb,
        "典型案例",
        ["案件", "性质", "类别", "内容", "处理结果", "说明"],
        [
            [t["case"], t["kind"], t["category"], t["account"], t["result"], t["note"]]
            for t in cur.typical_cases
        ],
    )
    _sheet(
        wb,
        "改进措施与说明",
        ["内容"],
        [
            [data.measures or "(未填写)"],
            [""],
            [f"本期:{_period_text(cur)}"],
            [f"对比期间:{_period_text(prev)}"],
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
