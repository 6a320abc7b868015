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

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期“{text}”要写成 2026-10-01 这样") from exc


class SurveyParser(argparse.ArgumentParser):
    """As huiyin/cli.py's parser: says what is wrong in Chinese and exits 2 (not imported from
    there, which will import this module)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"错误:命令参数不对({message})。用 --help 查看用法。\n")
        sys.exit(EXIT_BAD_INPUT)


def add_parsers(sub: Any) -> None:
    """Add `survey` with its four subcommands to huiyin/cli.py's subparsers."""
    p = sub.add_parser("survey", help="顾客满意度调查:计划、打印调查表、读入扫描件、调查报告")
    kinds = p.add_subparsers(dest="survey_command", required=True, parser_class=SurveyParser)
    q = kinds.add_parser("plan", help="列出调查计划;新建(--title …)或批准(--approve 编号)")
    q.add_argument("--approve", type=int, metavar="编号", help="批准这个调查计划(营运部经理)")
    q.add_argument("--close", type=int, metavar="编号", help="结束这个调查(不再导入答卷)")
    q.add_argument("--title", help="调查名称,例如“2026年年中顾客满意度调查”")
    q.add_argument("--census", action="store_true", help="全面普查(默认:抽样调查)")
    q.add_argument("--interview", action="store_true", help="上门访谈(默认:问卷调查)")
    q.add_argument("--from", dest="starts", type=_date, help="开始日期 2026-10-01")
    q.add_argument("--to", dest="ends", type=_date, help="结束日期 2026-10-15")
    q.add_argument("--rate", type=float, default=0, help="抽样比例(%%)")
    q.add_argument("--size", type=int, default=0, help="抽样户数(代替比例)")
    q.add_argument("--complainers", type=int, default=0, help="意见较多的住户优先抽取几户")
    q.add_argument("--buildings", default="", help="参加调查的楼栋,逗号分隔(默认全部)")
    q.add_argument("--departments", default="", help="参加部门")
    q.add_argument("--leader", default="", help="调查组长")
    q.add_argument("--members", default="", help="调查人员")
    q.add_argument("--target", type=float, default=80, help="回收率目标(%%,默认 80)")
    q.add_argument("--notes", default="", help="注意事项")
    q.add_argument("--notice", default="", help="印在调查表上的告知(默认一段标准文字)")
    q.add_argument("--importance", action="store_true", help="请业主评定每个项目的重要程度(四分图用)")
    q.add_argument("--previous", type=int, metavar="编号", help="上次调查的编号(报告里对比)")

    q = kinds.add_parser("print", help="打印调查表(PDF):第一次按样本编号,或加印空白表")
    q.add_argument("plan", type=int, metavar="编号")
    q.add_argument("--out", type=Path, required=True, help="写到这个 PDF 文件")
    q.add_argument("--blank", type=int, default=0, help="加印 N 份编号空白表(普查、备用)")
    q.add_argument("--building", default="", help="空白表印上的楼栋")
    q.add_argument("--again", action="store_true", help="重印已编号的全部调查表")

    q = kinds.add_parser("scan", help="读入收回调查表的扫描件(PDF 或照片)")
    q.add_argument("plan", type=int, metavar="编号")
    q.add_argument("files", type=Path, nargs="+", metavar="文件")

    q = kinds.add_parser("report", help="顾客满意度调查报告(PDF、Excel)")
    q.add_argument("plan", type=int, metavar="编号")
    q.add_argument("--pdf", type=Path, help="报告 PDF")
    q.add_argument("--xlsx", type=Path, help="统计 Excel")
    q.add_argument("--actions", action="store_true", help="把修补区的项目列为纠正措施")


def _plan(args: argparse.Namespace, service: survey.SurveyService) -> int:
    if args.approve is not None:
        plan = service.approve(service.get(args.approve))
        print(f"调查计划 {plan.id}“{plan.title}”已批准,调查表已冻结。")
        return EXIT_OK
    if args.close is not None:
        plan = service.get(args.close)
        service.close(plan)
        print(f"调查 {plan.id}“{plan.title}”已结束。")
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
            f"已新建调查计划 {plan.id}“{plan.title}”(草稿),请营运部经理批准:survey plan --approve {plan.id}"
        )
        return EXIT_OK
    plans = service.plans()
    if not plans:
        print("还没有调查计划。用 survey plan --title … 新建。")
    for plan in plans:
        progress = service.progress(plan)
        print(
            f"{plan.id}\t{plan.title}\t{plan.kind}\t{plan.starts:%Y-%m-%d}~{plan.ends:%Y-%m-%d}\t{plan.state}\t"
            f"发放 {progress.sheets} 收回 {progress.returned} 回收率 {progress.rate:.1f}%(目标 {plan.recovery_target:g}%)"
        )
    return EXIT_OK


def _print(args: argparse.Namespace, service: survey.SurveyService, office: Any) -> int:
    from reports import survey_form

    plan = service.get(args.plan)
    if args.again:
        sheets = service.sheets(plan)
        if not sheets:
            raise UserError("这个调查还没有编号的调查表,去掉 --again 先编号打印。")
    else:
        sheets = service.make_sheets(plan, blank=args.blank, building=args.building)
    pdf = survey_form.generate(survey_form.content_for(office.name, plan, sheets))
    args.out.write_bytes(pdf)
    pages = len(survey.sheet_pages(plan.form()))
    print(
        f"已写出 {len(sheets)} 份调查表(编号 {sheets[0].number}–{sheets[-1].number},每份 {pages} 页,可双面打印)到 {args.out}"
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
            print(f"错误:{exc}", file=sys.stderr)
            bad += 1
            continue
        for o in outcomes:
            print(f"{o.where}:{o.status}:{o.message}")
            unread += o.status in (survey.PAGE_UNREAD, survey.PAGE_REFUSED)
    progress = service.progress(plan)
    waiting = len(service.review_queue(plan))
    print(
        f"回收 {progress.returned}/{progress.sheets} 份,回收率 {progress.rate:.1f}%(目标 {plan.recovery_target:g}%);"
        f"待核对或录入 {waiting} 处,待手工处理的页 {len(service.unmatched_pages(plan))} 页(请在程序的“满意度调查”里处理)"
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
        print(f"新列纠正措施 {len(made)} 项:{'、'.join(a.title for a in made) or '无'}")
    actions = service.actions(plan)
    if args.pdf:
        args.pdf.write_bytes(survey_report.SurveyReport(office.name, plan, results, actions).generate())
    if args.xlsx:
        args.xlsx.write_bytes(survey_report.workbook(plan, results))
    overall = results.overall.average if results.overall else None
    print(
        f"{plan.title}:收回 {results.returned}/{results.sheets} 份(回收率 {results.recovery:.1f}%),"
        f"总体情况 {overall if overall is not None else '—'} 分;"
        f"修补区:{'、'.join(q.title for q in results.quadrant if q.zone == survey.ZONE_FIX) or '无'}"
        + (f";另有 {results.pending_review} 处待核对,未计入" if results.pending_review else "")
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
