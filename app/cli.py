"""The command line: `python -m app [--data-dir DIR] COMMAND`; no command opens the program.

Exit status: 0 success, 2 bad input (with the reason in Chinese), 1 anything else.
"""

from __future__ import annotations

import argparse
import getpass
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import peewee

from app import __version__
from app.db import DatabaseError
from app.errors import UserError, ValidationError, describe_storage_error
from app.paths import resolve_data_dir

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    """argparse that says what is wrong in Chinese and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"错误:命令参数不对({message})。用 --help 查看用法。\n")
        sys.exit(EXIT_BAD_INPUT)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m app", description="回音 物业投诉回访管理")
    parser.add_argument("--data-dir", help="数据文件夹(默认:系统用户数据目录,或环境变量 HUIYIN_DATA)")
    parser.add_argument("--version", action="version", version=f"回音 {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("init", help="新建数据文件夹:服务中心名称和第一个管理员")
    p.add_argument("--office", required=True, help="服务中心名称")
    p.add_argument("--admin", required=True, help="管理员登录名")
    p.add_argument("--admin-name", default="", help="管理员姓名")
    p.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码")

    p = sub.add_parser("demo", help="填入两年的演示数据")
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--years", type=int, default=2)

    p = sub.add_parser("import-ledger", help="从 Excel 案件台账导入")
    p.add_argument("file", type=Path)
    p.add_argument("--skip-invalid", action="store_true", help="导入正确的行,错误行另存到旁边的文件")

    p = sub.add_parser("import-owners", help="从 Excel 导入业主名册")
    p.add_argument("file", type=Path)
    p.add_argument("--skip-invalid", action="store_true")

    p = sub.add_parser("export-cases", help="把案件导出为 Excel 台账")
    p.add_argument("file", type=Path)

    p = sub.add_parser("form", help="打印回访记录表、空白表和签收表(PDF)")
    form_sub = p.add_subparsers(dest="form_command", required=True, parser_class=_Parser)
    q = form_sub.add_parser("visit", help="按回访打印预填的回访记录表")
    q.add_argument("--visit", type=int, required=True, help="回访编号(schedule 命令列出)")
    q.add_argument("--pdf", type=Path, required=True)
    q = form_sub.add_parser("blank", help="打印 N 张编号空白回访记录表(在台账中登记)")
    q.add_argument("--count", type=int, required=True)
    q.add_argument("--pdf", type=Path, required=True)
    q = form_sub.add_parser("ledger", help="打印回访记录签收表")
    q.add_argument("--pdf", type=Path, required=True)

    p = sub.add_parser("report", help="统计报表")
    report_sub = p.add_subparsers(dest="report_command", required=True, parser_class=_Parser)
    q = report_sub.add_parser("quarterly", help="季度分析报告")
    q.add_argument("--year", type=int, required=True)
    q.add_argument("--quarter", type=int, required=True)
    q.add_argument("--pdf", type=Path)
    q.add_argument("--xlsx", type=Path)
    q.add_argument("--json", type=Path)

    p = sub.add_parser("backup", help="立即备份(在线备份并校验)")
    p.add_argument("--to", type=Path, help="备份到此文件夹(默认:设置中的备份文件夹)")

    p = sub.add_parser("restore", help="从备份恢复(当前数据先另存,不会被覆盖)")
    p.add_argument("file", type=Path)

    sub.add_parser("check", help="检查数据:完整性、外键、审计链、签名")

    p = sub.add_parser("schedule", help="列出待回访计划")
    p.add_argument("--json", type=Path, help="写入 JSON 文件(默认打印表格)")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--selftest" in argv:  # before the subcommands: `huiyin --selftest [--keep]`
        from app.selftest import run as selftest

        return selftest(argv)
    args = build_parser().parse_args(argv)
    data_dir = resolve_data_dir(args.data_dir)
    if args.command is None:
        from ui.app import run_gui

        return run_gui(data_dir)
    handler = COMMANDS[args.command]
    try:
        return handler(args, data_dir)
    except ValidationError as exc:
        for field, reason in exc.problems.items():
            print(f"错误:{field}:{reason}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (UserError, DatabaseError) as exc:
        print(f"错误:{exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except PermissionError as exc:
        print(f"错误:没有权限写入 {exc.filename}。请换一个文件夹或检查权限。", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:
        print(f"错误:{exc.strerror or exc}({exc.filename or ''})", file=sys.stderr)
        return EXIT_FAILED
    except (peewee.OperationalError, peewee.DatabaseError, sqlite3.Error) as exc:
        print(f"错误:{describe_storage_error(exc)}", file=sys.stderr)
        return EXIT_FAILED


def _open(data_dir: Path, must_be_initialised: bool = True):  # type: ignore[no-untyped-def]
    from app.office import Office

    office = Office.open(data_dir)
    if must_be_initialised and not office.is_initialised():
        office.close()
        raise UserError(
            f"数据文件夹 {data_dir} 还没有初始化。先运行:python -m app --data-dir {data_dir} "
            "init --office 名称 --admin 登录名 --password-stdin"
        )
    return office


def cmd_init(args: argparse.Namespace, data_dir: Path) -> int:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        password = getpass.getpass("管理员密码:")
    else:
        raise UserError("请用 --password-stdin 从标准输入提供密码")
    office = _open(data_dir, must_be_initialised=False)
    try:
        admin = office.initialise(args.office, args.admin, password, args.admin_name)
        print(f"已初始化:{office.name},管理员 {admin.username},数据文件夹 {data_dir}")
    finally:
        office.close()
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, data_dir: Path) -> int:
    from app.demo import fill_demo

    office = _open(data_dir, must_be_initialised=False)
    try:
        summary = fill_demo(office, seed=args.seed, years=args.years)
        print(summary)
    finally:
        office.close()
    return EXIT_OK


def _import(kind: str) -> Callable[[argparse.Namespace, Path], int]:
    def run(args: argparse.Namespace, data_dir: Path) -> int:
        from app import ledger

        office = _open(data_dir)
        try:
            importer = ledger.import_ledger if kind == "ledger" else ledger.import_owners
            report = importer(office, args.file, skip_invalid=args.skip_invalid)
        finally:
            office.close()
        print(report.summary())
        if report.problems and not report.imported:
            for problem in report.problems:
                print(problem, file=sys.stderr)
            return EXIT_BAD_INPUT
        for problem in report.problems:
            print(problem, file=sys.stderr)
        return EXIT_OK

    return run


def cmd_export_cases(args: argparse.Namespace, data_dir: Path) -> int:
    from app import ledger

    office = _open(data_dir)
    try:
        count = ledger.export_cases(office, args.file)
    finally:
        office.close()
    print(f"已导出 {count} 件到 {args.file}")
    return EXIT_OK


def cmd_schedule(args: argparse.Namespace, data_dir: Path) -> int:
    import json

    office = _open(data_dir)
    try:
        rows = office.visits.schedule()
    finally:
        office.close()
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"已写入 {len(rows)} 条待回访计划到 {args.json}")
    else:
        for r in rows:
            late = "逾期 " if r["overdue"] else ""
            print(
                f"{r['due']} {late}{r['case'] or r['room']} 第{r['attempt']}次 {r['visitor'] or r['role']}:{r['reason']}"
            )
        print(f"共 {len(rows)} 条")
    return EXIT_OK


def cmd_form(args: argparse.Namespace, data_dir: Path) -> int:
    from reports.printing import Printouts

    office = _open(data_dir)
    try:
        printouts = Printouts(office)
        if args.form_command == "visit":
            pdf = printouts.visit_form_by_id(args.visit)
        elif args.form_command == "blank":
            pdf = printouts.blank_forms(args.count)
        else:
            pdf = printouts.ledger_pdf()
    finally:
        office.close()
    args.pdf.write_bytes(pdf)
    print(f"已写入 {args.pdf}")
    return EXIT_OK


def cmd_report(args: argparse.Namespace, data_dir: Path) -> int:
    import json

    from app.stats import Period

    if not 1 <= args.quarter <= 4:
        raise UserError(f"季度只能是 1 到 4,收到 {args.quarter}")
    if not 2000 <= args.year <= 2099:
        raise UserError(f"年份 {args.year} 不在 2000 至 2099 之间")
    period = Period.quarter(args.year, args.quarter)
    office = _open(data_dir)
    try:
        report = office.quarterly(period)
        if args.json:
            args.json.write_text(
                json.dumps(report.current.to_json(), ensure_ascii=False, indent=1), encoding="utf-8"
            )
        if args.pdf:
            from reports.quarterly import QuarterlyReport

            args.pdf.write_bytes(QuarterlyReport(office.name, report).generate())
        if args.xlsx:
            from app.stats_export import write_xlsx

            write_xlsx(report, args.xlsx)
    finally:
        office.close()
    s = report.current
    print(
        f"{period.label}:受理 {sum(s.cases_received.values())} 件,办结率 {s.resolution_rate:.1%},"
        f"逾期 {s.overdue} 件,重复投诉 {len(s.repeat_complaints)} 组,重复维修 {len(s.repeat_repairs)} 组"
    )
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, data_dir: Path) -> int:
    office = _open(data_dir)
    try:
        result = office.backups.backup_now(args.to)
    finally:
        office.close()
    print(
        result.message + (f":{result.path}" if result.path else ""),
        file=sys.stdout if result.ok else sys.stderr,
    )
    return EXIT_OK if result.ok else EXIT_FAILED


def cmd_restore(args: argparse.Namespace, data_dir: Path) -> int:
    import datetime as dt

    from app.backup import restore
    from app.instance import InstanceLock

    with InstanceLock(data_dir):
        aside = restore(data_dir, args.file, dt.datetime.now())
    print(f"已从 {args.file} 恢复。原数据文件另存为 {aside}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace, data_dir: Path) -> int:
    from app.health import check

    office = _open(data_dir)
    try:
        findings = check(office)
    finally:
        office.close()
    if findings:
        for finding in findings:
            print(f"发现问题:{finding}")
        print(f"共 {len(findings)} 个问题。可用 restore 从最近的好备份恢复。")
        return EXIT_FAILED
    print("检查通过:数据完整,外键一致,审计链完好,签名与记录相符。")
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace, Path], int]] = {
    "init": cmd_init,
    "demo": cmd_demo,
    "import-ledger": _import("ledger"),
    "import-owners": _import("owners"),
    "export-cases": cmd_export_cases,
    "schedule": cmd_schedule,
    "form": cmd_form,
    "report": cmd_report,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "check": cmd_check,
}
