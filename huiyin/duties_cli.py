"""`python -m huiyin --user U duties [--json FILE]`: what the 工作台 shows as due or late, in words.

The figures are the dashboard's own (`app.dashboard.dashboard`, the same `DashboardData` the
window shows): one section per duty, a section only when something is due; nothing due says
so in one line. `--json` writes the same sections with their data.

Each duty is ONE entry in `SECTIONS`: the `DashboardData` field, its title, and a function
turning the field's value into lines (no lines: nothing due). A field the dashboard gains
is shown here by adding its entry; `test_every_dashboard_field_has_a_section` names any
field left out (the ones that are not duties are listed in `NOT_DUTIES`, with why).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from huiyin.login import EXIT_OK, open_office

if TYPE_CHECKING:
    from app.dashboard import DashboardData
    from app.office import Office

MAX_NUMBERS = 20  # case numbers listed in a line; the rest counted


def _numbers(numbers: list[str] | tuple[str, ...]) -> str:
    shown = "、".join(numbers[:MAX_NUMBERS])
    return shown + (f" 等 {len(numbers)} 件" if len(numbers) > MAX_NUMBERS else "")


def _when(value: dt.datetime | dt.date | None) -> str:
    if value is None:
        return "—"
    return f"{value:%Y-%m-%d %H:%M}" if isinstance(value, dt.datetime) else f"{value:%Y-%m-%d}"


@dataclass(frozen=True)
class Context:
    """What a section may read besides its own field: the whole data and the open office
    (the overdue and due-today counts are filters: their numbers are read through the list)."""

    data: DashboardData
    office: Office

    def case_numbers(self, case_filter: Any) -> list[str]:
        rows = self.office.query.page(case_filter, 0, 10_000, sort="resolve_due", descending=False)
        return [r.number for r in rows]


Lines = Callable[[Any, Context], list[str]]


@dataclass(frozen=True)
class Section:
    field: str  # the DashboardData attribute
    title: str
    lines: Lines


# One entry per duty --------------------------------------------------------------------------
def _overdue(n: int, c: Context) -> list[str]:
    if not n:
        return []
    return [f"{n} 件已过办结期限:{_numbers(c.case_numbers(c.data.overdue_filter))}"]


def _due_today(n: int, c: Context) -> list[str]:
    if not n:
        return []
    return [f"{n} 件今天须办结:{_numbers(c.case_numbers(c.data.due_today_filter))}"]


def _visits_today(n: int, c: Context) -> list[str]:
    if not n:
        return []
    people = "、".join(f"{v.visitor} {v.today} 条" for v in c.data.visitors if v.today)
    return [f"今天到期的回访 {n} 条({people})"]


def _visits_overdue(n: int, c: Context) -> list[str]:
    if not n:
        return []
    people = "、".join(f"{v.visitor} {v.overdue} 条" for v in c.data.visitors if v.overdue)
    return [f"已过回访期限仍未回访 {n} 条({people})"]


def _forms_out(n: int, c: Context) -> list[str]:
    if not n:
        return []
    return [f"{n} 份回访记录表领用超期未交回:{'、'.join(c.data.forms_out_numbers)}"]


def _major_reports(reports: list[Any], c: Context) -> list[str]:
    return [
        f"{r.case_number} 的重大投诉报告{'已逾期' if r.overdue else '待提交'}(期限 {_when(r.due)})"
        for r in reports
    ]


def _provisional(years: tuple[int, ...], c: Context) -> list[str]:
    if not years:
        return []
    return [
        f"{'、'.join(str(y) for y in years)} 年的国务院放假安排尚未录入:期限暂按法定节日推算(暂定),"
        "请在“设置 → 节假日”中载入"
    ]


def _monthly(duties: list[Any], c: Context) -> list[str]:
    words = {
        "summary": "投诉、建议处理结果汇总(报分管领导)",
        "notice": "客户意见处理情况公告(向全体业主公布)",
    }
    return [
        f"{d.label}的{words.get(d.duty, d.duty)}:{'已逾期,' if d.late else ''}期限 {_when(d.due)}"
        for d in duties
    ]


def _records(records: list[Any], c: Context) -> list[str]:
    return [
        f"{r.case_number}:超过一个工作日(自 {_when(r.since)})未打印《顾客投诉处理记录表》" for r in records
    ]


def _night(entries: list[Any], c: Context) -> list[str]:
    return [f"{_when(e.logged_at)} 的值班记录:应在 {_when(e.due)} 前转为案件,仍未转" for e in entries]


def _answers(answers: list[Any], c: Context) -> list[str]:
    return [
        f"{a.case_number or '—'}:回访时答应答复的问题“{a.question}”已过答复日期 {_when(a.promised)}"
        for a in answers
    ]


def _rework(n: int, c: Context) -> list[str]:
    if not n:
        return []
    return [f"{n} 份返工通知已过期限未送达(待送达共 {c.data.rework_pending} 份)"]


def _forms_to_file(quarters: list[Any], c: Context) -> list[str]:
    return [
        f"{q.quarter} 的 {q.count} 份交回、作废表单{'已过' if q.late else '须在'} {_when(q.deadline)} "
        f"{'仍未归档' if q.late else '前归档'}"
        for q in quarters
    ]


def _to_destroy(n: int, c: Context) -> list[str]:
    return [f"{n} 份已归档表单过了保管期,待登记销毁"] if n else []


def _late_replies(late: Any, c: Context) -> list[str]:
    out = []
    if late.first_replies:
        out.append(f"本月首次回复超时 {len(late.first_replies)} 件:{_numbers(late.first_replies)}")
    if late.clear_answers:
        out.append(f"本月重大投诉明确答复超时 {len(late.clear_answers)} 件:{_numbers(late.clear_answers)}")
    return out


def _referrals(lines: list[Any], c: Context) -> list[str]:
    return [
        f"{x.number}({x.case_number}):{x.state}"
        + (f",回复期限 {_when(x.reply_due)}" if x.reply_due else "")
        + (f",下次跟进 {_when(x.next_follow_up)}" if x.next_follow_up else "")
        + (",已到跟进日期" if x.next_follow_up and x.next_follow_up <= c.data.today else "")
        for x in lines
    ]


def _containments(rows: list[Any], c: Context) -> list[str]:
    return [f"{r.number}:先行处置期限 {_when(r.due)} 已过,仍未记录处置" for r in rows]


def _rework_followups(f: Any, c: Context) -> list[str]:
    out = [f"{u.number}:返工通知后未在 {_when(u.due)} 前告知业主返工完成时间" for u in f.untold]
    out += [
        f"{s.number}:返工后仍不合格,已转 {s.manager} 作为新投诉 {s.new_number} 处理,尚未办结"
        for s in f.still_unqualified
    ]
    return out


def _role_rates(rates: list[Any], c: Context) -> list[str]:
    """The roles below their visit-rate target this month (达标 or without a base: nothing due)."""
    out = []
    for r in rates:
        if r.met is False:
            out.append(
                f"{r.label}:本月回访率 {r.visited}/{r.base_count}({r.rate:.1%}),未达目标 {r.target:.0%}"
            )
    return out


def _visit_rules(w: Any, c: Context) -> list[str]:
    if w is None:
        return []
    out = []
    if w.leaks_without_test:
        out.append(f"漏水/渗漏已办结未登记闭水试验日期,回访待闭水试验:{_numbers(w.leaks_without_test)}")
    if w.contracts_missing:
        out.append(f"特约服务未登记合同日期,无法安排合同中期和期满回访:{_numbers(w.contracts_missing)}")
    for m in w.late_move_ins:
        state = "已计划但逾期" if m.planned else "未计划"
        out.append(f"{m.room} 入伙({_when(m.move_in)})应在 {_when(m.due)} 前回访,{state}")
    for r in w.rounds_not_done:
        out.append(
            f"{r.steward} 的季度巡访({'、'.join(r.buildings)} 栋)已访 {r.visited}/{r.rooms} 户,"
            f"须在 {_when(r.quarter_end)} 前走访完"
        )
    return out


SECTIONS: list[Section] = [
    Section("overdue_cases", "逾期案件", _overdue),
    Section("due_today_cases", "今日到期", _due_today),
    Section("containments_overdue", "先行处置超时", _containments),
    Section("late_replies", "首次回复超时、明确答复超时", _late_replies),
    Section("major_reports", "重大投诉报告", _major_reports),
    Section("referrals_open", "开发商未回复", _referrals),
    Section("visits_today", "今日回访", _visits_today),
    Section("visits_overdue", "逾期回访", _visits_overdue),
    Section("answers_late", "回访答应的答复已过期", _answers),
    Section("rework_overdue", "返工通知逾期", _rework),
    Section("rework_followups", "返工跟进", _rework_followups),
    Section("forms_out_too_long", "超期未交回表单", _forms_out),
    Section("forms_to_file", "表单季度归档", _forms_to_file),
    Section("forms_to_destroy", "表单到期销毁", _to_destroy),
    Section("records_due", "未打印《顾客投诉处理记录表》", _records),
    Section("monthly_duties", "每月汇总与公告", _monthly),
    Section("night_logs_late", "值班记录未按时转案件", _night),
    Section("visit_rules", "回访细则待办(闭水试验、合同日期、入伙、季度巡访)", _visit_rules),
    Section("role_rates", "各角色回访率未达标", _role_rates),
    Section("provisional_years", "节假日暂定", _provisional),
]

# DashboardData fields that are not duties (nothing is due or late in them), with why.
NOT_DUTIES = {
    "today": "the date the figures are for (the heading)",
    "overdue_filter": "the filter behind overdue_cases (its numbers are listed there)",
    "due_today_filter": "the filter behind due_today_cases",
    "visitors": "per-visitor split of visits_today/visits_overdue (shown in those sections)",
    "forms_out_numbers": "the numbers of forms_out_too_long (shown there)",
    "month": "the month the rates and late replies are of",
    "visit_rates": "this month's rates against target: a measure, not a duty",
    "satisfaction_trend": "six months of satisfaction: a measure",
    "night_log_pending": "entries not yet in cases; the late ones are night_logs_late",
    "rework_pending": "notices not yet delivered; the late ones are rework_overdue",
}


def duties(office: Office) -> tuple[DashboardData, list[tuple[Section, list[str]]]]:
    """The dashboard as of the office clock, and the sections with something due."""
    from app.dashboard import dashboard

    data = dashboard(office, office.clock.now().date())
    context = Context(data, office)
    shown = []
    for section in SECTIONS:
        if not hasattr(data, section.field):  # a field another version does not have
            continue
        lines = section.lines(getattr(data, section.field), context)
        if lines:
            shown.append((section, lines))
    return data, shown


def _plain(value: Any) -> Any:
    """A field's value as JSON: dataclasses as objects, dates as ISO text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, dt.date):  # datetime too
        return value.isoformat(timespec="minutes") if isinstance(value, dt.datetime) else value.isoformat()
    return value


def cmd_duties(args: argparse.Namespace, data_dir: Path) -> int:
    office = open_office(data_dir)
    try:
        data, shown = duties(office)
        name = office.name
    finally:
        office.close()
    if args.json:
        out = {
            "office": name,
            "today": data.today.isoformat(),
            "duties": [
                {
                    "key": section.field,
                    "title": section.title,
                    "lines": lines,
                    "data": _plain(getattr(data, section.field)),
                }
                for section, lines in shown
            ],
        }
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"已写入 {len(shown)} 项待办到 {args.json}")
        return EXIT_OK
    print(f"{name} 工作台待办 · {data.today:%Y-%m-%d}")
    if not shown:
        print("今天没有到期或逾期的事项。")
        return EXIT_OK
    for section, lines in shown:
        print(f"\n【{section.title}】")
        for line in lines:
            print(f"  {line}")
    sys.stdout.flush()
    return EXIT_OK


def add_parser(sub: Any) -> None:
    p = sub.add_parser("duties", help="列出工作台上到期或逾期的事项(逾期案件、回访、报告、每月汇总等)")
    p.add_argument("--json", type=Path, help="写入 JSON 文件(默认打印)")
