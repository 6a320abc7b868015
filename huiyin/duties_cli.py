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

from app.i18n import N_, term, tr
from huiyin.login import EXIT_OK, open_office

if TYPE_CHECKING:
    from app.dashboard import DashboardData
    from app.office import Office

MAX_NUMBERS = 20  # case numbers listed in a line; the rest counted


def _numbers(numbers: list[str] | tuple[str, ...]) -> str:
    shown = tr("、").join(numbers[:MAX_NUMBERS])
    if len(numbers) > MAX_NUMBERS:
        return tr("{numbers} 等 {count} 件", numbers=shown, count=len(numbers))
    return shown


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
    return [tr("{n} 件已过办结期限:{numbers}", n=n, numbers=_numbers(c.case_numbers(c.data.overdue_filter)))]


def _due_today(n: int, c: Context) -> list[str]:
    if not n:
        return []
    return [tr("{n} 件今天须办结:{numbers}", n=n, numbers=_numbers(c.case_numbers(c.data.due_today_filter)))]


def _visits_today(n: int, c: Context) -> list[str]:
    if not n:
        return []
    people = tr("、").join(
        tr("{visitor} {count} 条", visitor=v.visitor, count=v.today) for v in c.data.visitors if v.today
    )
    return [tr("今天到期的回访 {n} 条({people})", n=n, people=people)]


def _visits_overdue(n: int, c: Context) -> list[str]:
    if not n:
        return []
    people = tr("、").join(
        tr("{visitor} {count} 条", visitor=v.visitor, count=v.overdue) for v in c.data.visitors if v.overdue
    )
    return [tr("已过回访期限仍未回访 {n} 条({people})", n=n, people=people)]


def _forms_out(n: int, c: Context) -> list[str]:
    if not n:
        return []
    return [
        tr(
            "{n} 份回访记录表领用超期未交回:{numbers}",
            n=n,
            numbers=tr("、").join(c.data.forms_out_numbers),
        )
    ]


def _major_reports(reports: list[Any], c: Context) -> list[str]:
    return [
        tr("{case} 的重大投诉报告已逾期(期限 {due})", case=r.case_number, due=_when(r.due))
        if r.overdue
        else tr("{case} 的重大投诉报告待提交(期限 {due})", case=r.case_number, due=_when(r.due))
        for r in reports
    ]


def _provisional(years: tuple[int, ...], c: Context) -> list[str]:
    if not years:
        return []
    return [
        tr(
            "{years} 年的国务院放假安排尚未录入:期限暂按法定节日推算(暂定),请在“设置 → 节假日”中载入",
            years=tr("、").join(str(y) for y in years),
        )
    ]


def _monthly(duties: list[Any], c: Context) -> list[str]:
    words = {
        "summary": tr("投诉、建议处理结果汇总(报分管领导)"),
        "notice": tr("客户意见处理情况公告(向全体业主公布)"),
    }
    return [
        tr(
            "{month}的{duty}:已逾期,期限 {due}",
            month=d.label,
            duty=words.get(d.duty, d.duty),
            due=_when(d.due),
        )
        if d.late
        else tr("{month}的{duty}:期限 {due}", month=d.label, duty=words.get(d.duty, d.duty), due=_when(d.due))
        for d in duties
    ]


def _records(records: list[Any], c: Context) -> list[str]:
    return [
        tr(
            "{case_number}:超过一个工作日(自 {when})未打印《顾客投诉处理记录表》",
            case_number=r.case_number,
            when=_when(r.since),
        )
        for r in records
    ]


def _night(entries: list[Any], c: Context) -> list[str]:
    return [
        tr("{when} 的值班记录:应在 {when2} 前转为案件,仍未转", when=_when(e.logged_at), when2=_when(e.due))
        for e in entries
    ]


def _answers(answers: list[Any], c: Context) -> list[str]:
    return [
        tr(
            "{case}:回访时答应答复的问题“{question}”已过答复日期 {when}",
            case=a.case_number or "—",
            question=a.question,
            when=_when(a.promised),
        )
        for a in answers
    ]


def _rework(n: int, c: Context) -> list[str]:
    if not n:
        return []
    return [
        tr(
            "{n} 份返工通知已过期限未送达(待送达共 {rework_pending} 份)",
            n=n,
            rework_pending=c.data.rework_pending,
        )
    ]


def _forms_to_file(quarters: list[Any], c: Context) -> list[str]:
    return [
        tr(
            "{quarter} 的 {count} 份交回、作废表单已过 {deadline} 仍未归档",
            quarter=q.quarter,
            count=q.count,
            deadline=_when(q.deadline),
        )
        if q.late
        else tr(
            "{quarter} 的 {count} 份交回、作废表单须在 {deadline} 前归档",
            quarter=q.quarter,
            count=q.count,
            deadline=_when(q.deadline),
        )
        for q in quarters
    ]


def _to_destroy(n: int, c: Context) -> list[str]:
    return [tr("{n} 份已归档表单过了保管期,待登记销毁", n=n)] if n else []


def _late_replies(late: Any, c: Context) -> list[str]:
    out = []
    if late.first_replies:
        out.append(
            tr(
                "本月首次回复超时 {count} 件:{numbers}",
                count=len(late.first_replies),
                numbers=_numbers(late.first_replies),
            )
        )
    if late.clear_answers:
        out.append(
            tr(
                "本月重大投诉明确答复超时 {count} 件:{numbers}",
                count=len(late.clear_answers),
                numbers=_numbers(late.clear_answers),
            )
        )
    return out


def _referrals(lines: list[Any], c: Context) -> list[str]:
    return [_referral(x, c.data.today) for x in lines]


def _referral(x: Any, today: dt.date) -> str:
    """A letter to the developer: its state, the reply's due date, the next follow-up (come or not).
    The parts are a list the language joins (tr(", ")), each part one whole phrase."""
    parts = [term(x.state)]
    if x.reply_due:
        parts.append(tr("回复期限 {due}", due=_when(x.reply_due)))
    if x.next_follow_up:
        parts.append(tr("下次跟进 {date}", date=_when(x.next_follow_up)))
        if x.next_follow_up <= today:
            parts.append(tr("已到跟进日期"))
    return tr("{number}({case}):{what}", number=x.number, case=x.case_number, what=tr(",").join(parts))


def _containments(rows: list[Any], c: Context) -> list[str]:
    return [
        tr("{number}:先行处置期限 {when} 已过,仍未记录处置", number=r.number, when=_when(r.due)) for r in rows
    ]


def _rework_followups(f: Any, c: Context) -> list[str]:
    out = [
        tr("{number}:返工通知后未在 {when} 前告知业主返工完成时间", number=u.number, when=_when(u.due))
        for u in f.untold
    ]
    out += [
        tr(
            "{number}:返工后仍不合格,已转 {manager} 作为新投诉 {new_number} 处理,尚未办结",
            number=s.number,
            manager=s.manager,
            new_number=s.new_number,
        )
        for s in f.still_unqualified
    ]
    return out


def _role_rates(rates: list[Any], c: Context) -> list[str]:
    """The roles below their visit-rate target this month (达标 or without a base: nothing due)."""
    out = []
    for r in rates:
        if r.met is False:
            out.append(
                tr(
                    "{label}:本月回访率 {visited}/{base_count}({rate:.1%}),未达目标 {target:.0%}",
                    label=r.label,
                    visited=r.visited,
                    base_count=r.base_count,
                    rate=r.rate,
                    target=r.target,
                )
            )
    return out


def _visit_rules(w: Any, c: Context) -> list[str]:
    if w is None:
        return []
    out = []
    if w.leaks_without_test:
        out.append(
            tr(
                "漏水/渗漏已办结未登记闭水试验日期,回访待闭水试验:{numbers}",
                numbers=_numbers(w.leaks_without_test),
            )
        )
    if w.contracts_missing:
        out.append(
            tr(
                "特约服务未登记合同日期,无法安排合同中期和期满回访:{numbers}",
                numbers=_numbers(w.contracts_missing),
            )
        )
    for m in w.late_move_ins:
        state = tr("已计划但逾期") if m.planned else tr("未计划")
        out.append(
            tr(
                "{room} 入伙({when})应在 {when2} 前回访,{state}",
                room=m.room,
                when=_when(m.move_in),
                when2=_when(m.due),
                state=state,
            )
        )
    for r in w.rounds_not_done:
        out.append(
            tr(
                "{steward} 的季度巡访({buildings} 栋)已访 {visited}/{rooms} 户,须在 {when} 前走访完",
                steward=r.steward,
                buildings=tr("、").join(r.buildings),
                visited=r.visited,
                rooms=r.rooms,
                when=_when(r.quarter_end),
            )
        )
    return out


SECTIONS: list[Section] = [
    Section("overdue_cases", N_("逾期案件"), _overdue),
    Section("due_today_cases", N_("今日到期"), _due_today),
    Section("containments_overdue", N_("先行处置超时"), _containments),
    Section("late_replies", N_("首次回复超时、明确答复超时"), _late_replies),
    Section("major_reports", N_("重大投诉报告"), _major_reports),
    Section("referrals_open", N_("开发商未回复"), _referrals),
    Section("visits_today", N_("今日回访"), _visits_today),
    Section("visits_overdue", N_("逾期回访"), _visits_overdue),
    Section("answers_late", N_("回访答应的答复已过期"), _answers),
    Section("rework_overdue", N_("返工通知逾期"), _rework),
    Section("rework_followups", N_("返工跟进"), _rework_followups),
    Section("forms_out_too_long", N_("超期未交回表单"), _forms_out),
    Section("forms_to_file", N_("表单季度归档"), _forms_to_file),
    Section("forms_to_destroy", N_("表单到期销毁"), _to_destroy),
    Section("records_due", N_("未打印《顾客投诉处理记录表》"), _records),
    Section("monthly_duties", N_("每月汇总与公告"), _monthly),
    Section("night_logs_late", N_("值班记录未按时转案件"), _night),
    Section("visit_rules", N_("回访细则待办(闭水试验、合同日期、入伙、季度巡访)"), _visit_rules),
    Section("role_rates", N_("各角色回访率未达标"), _role_rates),
    Section("provisional_years", N_("节假日暂定"), _provisional),
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
        print(tr("已写入 {count} 项待办到 {json}", count=len(shown), json=args.json))
        return EXIT_OK
    print(tr("{name} 工作台待办 · {today:%Y-%m-%d}", name=name, today=data.today))
    if not shown:
        print(tr("今天没有到期或逾期的事项。"))
        return EXIT_OK
    for section, lines in shown:
        print("\n" + tr("【{title}】", title=term(section.title)))
        for line in lines:
            print(f"  {line}")
    sys.stdout.flush()
    return EXIT_OK


def add_parser(sub: Any) -> None:
    p = sub.add_parser("duties", help=tr("列出工作台上到期或逾期的事项(逾期案件、回访、报告、每月汇总等)"))
    p.add_argument("--json", type=Path, help=tr("写入 JSON 文件(默认打印)"))
