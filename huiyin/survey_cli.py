"""`survey plan|print|scan|report`: the satisfaction survey from the command line.

`add_parsers(sub)` adds the `survey` command to huiyin/cli.py's subparsers; `COMMANDS["survey"]`
is its handler, given the parsed arguments, the data folder and the office huiyin/cli.py opened
for the person who logged in (the permissions are asked by the service, as in the window).

    survey plan                               the plans, with their recovery rate
    survey plan --title T [--census] …        a new plan (draft)
    survey plan --approve ID                  approved (营运部经理): it runs, the questionnaire is frozen
    survey plan --close ID                    finished: no more answers come in
    survey print ID --out F.pdf [--blank N [--building B]] [--again]
    survey scan ID FILE…                      scanned sheets read back
    survey report ID [--pdf F] [--xlsx F] [--actions]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app import survey
from app.errors import UserError
from app.i18n import term, tr

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(tr("日期“{text}”要写成 2026-10-01 这样", text=text)) from exc


class SurveyParser(argparse.ArgumentParser):
    """As huiyin/cli.py's parser: says what is wrong in Chinese and exits 2 (not imported from
    there, which will import this module)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(tr("错误:命令参数不对({message})。用 --help 查看用法。", message=message) + "\n")
        sys.exit(EXIT_BAD_INPUT)


def add_parsers(sub: Any) -> None:
    """Add `survey` with its four subcommands to huiyin/cli.py's subparsers."""
    p = sub.add_parser("survey", help=tr("顾客满意度调查:计划、打印调查表、读入扫描件、调查报告"))
    kinds = p.add_subparsers(dest="survey_command", required=True, parser_class=SurveyParser)
    q = kinds.add_parser("plan", help=tr("列出调查计划;新建(--title …)或批准(--approve 编号)"))
    q.add_argument("--approve", type=int, metavar=tr("编号"), help=tr("批准这个调查计划(营运部经理)"))
    q.add_argument("--close", type=int, metavar=tr("编号"), help=tr("结束这个调查(不再导入答卷)"))
    q.add_argument("--title", help=tr("调查名称,例如“2026年年中顾客满意度调查”"))
    q.add_argument("--census", action="store_true", help=tr("全面普查(默认:抽样调查)"))
    q.add_argument("--interview", action="store_true", help=tr("上门访谈(默认:问卷调查)"))
    q.add_argument("--from", dest="starts", type=_date, help=tr("开始日期 2026-10-01"))
    q.add_argument("--to", dest="ends", type=_date, help=tr("结束日期 2026-10-15"))
    q.add_argument("--rate", type=float, default=0, help=tr("抽样比例(%%)"))
    q.add_argument("--size", type=int, default=0, help=tr("抽样户数(代替比例)"))
    q.add_argument("--complainers", type=int, default=0, help=tr("意见较多的住户优先抽取几户"))
    q.add_argument("--buildings", default="", help=tr("参加调查的楼栋,逗号分隔(默认全部)"))
    q.add_argument("--departments", default="", help=tr("参加部门"))
    q.add_argument("--leader", default="", help=tr("调查组长"))
    q.add_argument("--members", default="", help=tr("调查人员"))
    q.add_argument("--target", type=float, default=80, help=tr("回收率目标(%%,默认 80)"))
    q.add_argument("--notes", default="", help=tr("注意事项"))
    q.add_argument("--notice", default="", help=tr("印在调查表上的告知(默认一段标准文字)"))
    q.add_argument("--importance", action="store_true", help=tr("请业主评定每个项目的重要程度(四分图用)"))
    q.add_argument("--previous", type=int, metavar=tr("编号"), help=tr("上次调查的编号(报告里对比)"))

    q = kinds.add_parser("print", help=tr("打印调查表(PDF):第一次按样本编号,或加印空白表"))
    q.add_argument("plan", type=int, metavar=tr("编号"))
    q.add_argument("--out", type=Path, required=True, help=tr("写到这个 PDF 文件"))
    q.add_argument("--blank", type=int, default=0, help=tr("加印 N 份编号空白表(普查、备用)"))
    q.add_argument("--building", default="", help=tr("空白表印上的楼栋"))
    q.add_argument("--again", action="store_true", help=tr("重印已编号的全部调查表"))

    q = kinds.add_parser("scan", help=tr("读入收回调查表的扫描件(PDF 或照片)"))
    q.add_argument("plan", type=int, metavar=tr("编号"))
    q.add_argument("files", type=Path, nargs="+", metavar=tr("文件"))

    q = kinds.add_parser("report", help=tr("顾客满意度调查报告(PDF、Excel)"))
    q.add_argument("plan", type=int, metavar=tr("编号"))
    q.add_argument("--pdf", type=Path, help=tr("报告 PDF"))
    q.add_argument("--xlsx", type=Path, help=tr("统计 Excel"))
    q.add_argument("--actions", action="store_true", help=tr("把修补区的项目列为纠正措施"))


def _plan(args: argparse.Namespace, service: survey.SurveyService) -> int:
    if args.approve is not None:
        plan = service.approve(service.get(args.approve))
        print(tr("调查计划 {id}“{title}”已批准,调查表已冻结。", id=plan.id, title=plan.title))
        return EXIT_OK
    if args.close is not None:
        plan = service.get(args.close)
        service.close(plan)
        print(tr("调查 {id}“{title}”已结束。", id=plan.id, title=plan.title))
        return EXIT_OK
    if args.title:
        plan = service.create_plan(
            survey.PlanInput(
                title=args.title,
                kind=survey.CENSUS if args.census else survey.SAMPLE,
                method=survey.METHODS[1] if args.interview else survey.METHODS[0],
                starts=args.starts,
                ends=args.ends,
                departments=args.departments,
                buildings=args.buildings,
                sample_rate=args.rate,
                sample_size=args.size,
                complainers=args.complainers,
                leader=args.leader,
                members=args.members,
                recovery_target=args.target,
                notes=args.notes,
                notice=args.notice,
                importance=args.importance,
                previous_id=args.previous,
            )
        )
        print(
            tr(
                "已新建调查计划 {id}“{title}”(草稿),请营运部经理批准:survey plan --approve {id}",
                id=plan.id,
                title=plan.title,
            )
        )
        return EXIT_OK
    plans = service.plans()
    if not plans:
        print(tr("还没有调查计划。用 survey plan --title … 新建。"))
    for plan in plans:
        progress = service.progress(plan)
        print(
            f"{plan.id}\t{plan.title}\t{term(plan.kind)}\t{plan.starts:%Y-%m-%d}~{plan.ends:%Y-%m-%d}\t{term(plan.state)}\t"
            + tr(
                "发放 {sheets} 收回 {returned} 回收率 {rate:.1f}%(目标 {target:g}%)",
                sheets=progress.sheets,
                returned=progress.returned,
                rate=progress.rate,
                target=plan.recovery_target,
            )
        )
    return EXIT_OK


def _print(args: argparse.Namespace, service: survey.SurveyService, office: Any) -> int:
    from reports import survey_form

    plan = service.get(args.plan)
    if args.again:
        sheets = service.sheets(plan)
        if not sheets:
            raise UserError(tr("这个调查还没有编号的调查表,去掉 --again 先编号打印。"))
    else:
        sheets = service.make_sheets(plan, blank=args.blank, building=args.building)
    pdf = survey_form.generate(survey_form.content_for(office.name, plan, sheets))
    args.out.write_bytes(pdf)
    pages = len(survey.sheet_pages(plan.form()))
    print(
        tr(
            "已写出 {count} 份调查表(编号 {first}–{last},每份 {pages} 页,可双面打印)到 {out}",
            count=len(sheets),
            first=sheets[0].number,
            last=sheets[-1].number,
            pages=pages,
            out=args.out,
        )
    )
    return EXIT_OK


def _scan(args: argparse.Namespace, service: survey.SurveyService) -> int:
    from app.form_scans import ScanFileError

    plan = service.get(args.plan)
    bad = unread = 0
    for path in args.files:
        try:
            outcomes = service.read_file(plan, path)
        except ScanFileError as exc:
            print(tr("错误:{message}", message=exc), file=sys.stderr)
            bad += 1
            continue
        for o in outcomes:
            print(f"{o.where}:{term(o.status)}:{o.message}")
            unread += o.status in (survey.PAGE_UNREAD, survey.PAGE_REFUSED)
    progress = service.progress(plan)
    waiting = len(service.review_queue(plan))
    print(
        tr(
            "回收 {returned}/{sheets} 份,回收率 {rate:.1f}%(目标 {recovery_target:g}%);"
            "待核对或录入 {waiting} 处,待手工处理的页 {count} 页(请在程序的“满意度调查”里处理)",
            returned=progress.returned,
            sheets=progress.sheets,
            rate=progress.rate,
            recovery_target=plan.recovery_target,
            waiting=waiting,
            count=len(service.unmatched_pages(plan)),
        )
    )
    if bad:
        return EXIT_BAD_INPUT
    return EXIT_FAILED if unread else EXIT_OK


def _report(args: argparse.Namespace, service: survey.SurveyService, office: Any) -> int:
    from reports import survey_report

    plan = service.get(args.plan)
    results = service.results(plan)
    if args.actions:
        made = service.make_actions(plan, results)
        print(
            tr(
                "新列纠正措施 {count} 项:{titles}",
                count=len(made),
                titles=tr("、").join(a.title for a in made) or tr("无"),
            )
        )
    actions = service.actions(plan)
    if args.pdf:
        args.pdf.write_bytes(survey_report.SurveyReport(office.name, plan, results, actions).generate())
    if args.xlsx:
        args.xlsx.write_bytes(survey_report.workbook(plan, results))
    overall = results.overall.average if results.overall else None
    fields = {
        "title": plan.title,
        "returned": results.returned,
        "sheets": results.sheets,
        "recovery": results.recovery,
        "overall": overall if overall is not None else "—",
        "fix": tr("、").join(q.title for q in results.quadrant if q.zone == survey.ZONE_FIX) or tr("无"),
        "pending": results.pending_review,
    }
    if results.pending_review:
        print(
            tr(
                "{title}:收回 {returned}/{sheets} 份(回收率 {recovery:.1f}%),总体情况 {overall} 分;"
                "修补区:{fix};另有 {pending} 处待核对,未计入",
                **fields,
            )
        )
    else:
        print(
            tr(
                "{title}:收回 {returned}/{sheets} 份(回收率 {recovery:.1f}%),总体情况 {overall} 分;修补区:{fix}",
                **fields,
            )
        )
    return EXIT_OK


def run(args: argparse.Namespace, data_dir: Path, office: Any) -> int:
    """The `survey` command, on the office huiyin/cli.py opened for the person logged in."""
    service = survey.SurveyService(office.clock)
    command = args.survey_command
    if command == "plan":
        return _plan(args, service)
    if command == "print":
        return _print(args, service, office)
    if command == "scan":
        return _scan(args, service)
    return _report(args, service, office)


COMMANDS: dict[str, Callable[[argparse.Namespace, Path, Any], int]] = {"survey": run}
