"""The command line: `python -m app [--data-dir DIR] --user NAME [--password-stdin] COMMAND`;
no command opens the program.

Every command but `init`, `demo` into a new folder, `recover`, `--help`, `--version` and
`--selftest` logs in: the password (asked without echo, or the first line of standard input
with --password-stdin) opens that person's key slot, wrong ones count towards the lockout as
in the window, and the command runs with that person's permissions and is audited under
that name. Every command holds the data folder's lock, so nothing writes beside the open
window or another command.

Exit status: 0 success, 2 bad input (with the reason in Chinese), 1 anything else.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import re
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import peewee

from app import __version__, keyring
from app.db import DatabaseError
from app.errors import UserError, ValidationError, describe_storage_error, write_bytes
from app.paths import resolve_data_dir

if TYPE_CHECKING:
    from app.models import FormSheet, Staff

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
    parser.add_argument("--user", default="", help="登录名(除 init、recover 外每个命令都要登录)")
    parser.add_argument(
        "--password-stdin", action="store_true", help="从标准输入的第一行读取密码(不加则在提示时输入,不显示)"
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("init", help="新建数据文件夹:服务中心名称和第一个管理员(显示一次恢复密钥)")
    p.add_argument("--office", required=True, help="服务中心名称")
    p.add_argument("--admin", required=True, help="管理员登录名")
    p.add_argument("--admin-name", default="", help="管理员姓名")
    p.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码")

    p = sub.add_parser(
        "recover", help="管理员忘记密码:用设立时打印的恢复密钥设新密码(标准输入:第一行恢复密钥,第二行新密码)"
    )
    p.add_argument("--admin", required=True, help="要重设密码的管理员登录名")

    p = sub.add_parser("demo", help="填入两年的演示数据")
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--years", type=int, default=2)

    map_help = '改正自动识别的列对应,如 "投诉事由=内容,序号=编号,备注=不导入"(先不加此项运行可看到自动对应)'
    p = sub.add_parser("import-ledger", help="从 Excel 案件台账导入(也可以是服务中心自己的登记表)")
    p.add_argument("file", type=Path)
    p.add_argument("--skip-invalid", action="store_true", help="导入正确的行,错误行另存到旁边的文件")
    p.add_argument("--map", default="", help=map_help)

    p = sub.add_parser("import-owners", help="从 Excel 导入业主名册(也可以是服务中心自己的花名册)")
    p.add_argument("file", type=Path)
    p.add_argument("--skip-invalid", action="store_true")
    p.add_argument("--map", default="", help=map_help)

    p = sub.add_parser("export-cases", help="把案件导出为 Excel 台账(含回访、重大投诉报告,可再导入)")
    p.add_argument("file", type=Path)

    p = sub.add_parser("export-owners", help="把业主名册导出为 Excel(含完整电话和身份证号,记入审计)")
    p.add_argument("file", type=Path)
    p.add_argument("--include-inactive", action="store_true", help="也导出已迁出的住户")

    p = sub.add_parser("form", help="打印回访记录表、空白表和签收表(PDF)")
    form_sub = p.add_subparsers(dest="form_command", required=True, parser_class=_Parser)
    q = form_sub.add_parser("visit", help="按回访打印预填的回访记录表")
    q.add_argument("--visit", type=int, required=True, help="回访编号(schedule 命令列出)")
    _form_output(q)
    q = form_sub.add_parser("blank", help="打印 N 张编号空白回访记录表(在台账中登记)")
    q.add_argument("--count", type=int, required=True)
    _form_output(q)
    q = form_sub.add_parser("ledger", help="打印回访记录签收表(默认本季度)")
    q.add_argument("--pdf", type=Path, required=True)
    q.add_argument("--from", dest="start", type=_day, help="起始日期,如 2026-07-01(默认本季度第一天)")
    q.add_argument("--to", dest="end", type=_day, help="截止日期,如 2026-09-30(含当天)")
    q = form_sub.add_parser("scan", help="读入签字交回的回访记录表扫描件(PDF 或照片),按二维码附到表单")
    q.add_argument("files", type=Path, nargs="+", metavar="FILE", help="扫描仪的 PDF,或 JPEG/PNG 照片")
    q = form_sub.add_parser("archive", help="季度归档:列出该季度交回和作废的表单,并记为已归档")
    q.add_argument("--quarter", required=True, help="季度,如 2026Q3")
    q.add_argument("--list", action="store_true", help="只列出,不记为已归档")
    q.add_argument("--by", default="", help="归档人姓名(须是人员名单中的人;不填记为“系统”)")
    q.add_argument("--remarks", default="", help="备注,如档案盒编号")
    q = form_sub.add_parser("destroy", help="销毁记录:列出保管期满的表单,登记谁在哪天销毁了哪些编号")
    q.add_argument("--before", type=_day, help="只列出在此日期前结束的季度的表单,如 2026-10-01")
    q.add_argument("--list", action="store_true", help="只列出,不登记")
    q.add_argument("--numbers", default="", help="只登记这些编号(逗号分隔;默认登记列出的全部)")
    q.add_argument("--on", dest="destroyed_on", type=_day, help="销毁日期(默认今天)")
    q.add_argument("--by", default="", help="销毁人姓名(登记时必填)")
    q.add_argument("--remarks", default="", help="备注,如销毁方式、见证人")

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

    from app import survey_cli

    survey_cli.add_parsers(sub)

    p = sub.add_parser("schedule", help="列出待回访计划")
    p.add_argument("--json", type=Path, help="写入 JSON 文件(默认打印表格)")
    return parser


def _day(value: str) -> dt.date:
    """A date typed as 2026-07-01 (or 2026/7/1)."""
    try:
        year, month, day = (int(x) for x in re.split(r"[-/.]", value.strip()))
        return dt.date(year, month, day)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{value}”看不懂,请写成 2026-07-01 这样") from None


def _form_output(parser: argparse.ArgumentParser) -> None:
    """A numbered form goes to a printer (--printer) or into a PDF file (--pdf)."""
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--printer", help="送往这台打印机(CUPS 打印机名称,lpstat -p 可查看)")
    where.add_argument("--pdf", type=Path, help="另存为 PDF 文件(编号即记为已打印)")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--selftest" in argv:  # before the subcommands: `huiyin --selftest [--keep]`
        from app.selftest import run as selftest

        return selftest(argv)
    backup = _backup_file_argument(argv)
    if backup is not None:
        return _explain_restore(backup, resolve_data_dir(None))
    args = build_parser().parse_args(argv)
    data_dir = resolve_data_dir(args.data_dir)
    if args.command is None:
        from ui.app import run_gui

        return run_gui(data_dir)
    handler = COMMANDS[args.command]
    _LOGIN.update(user=args.user, stdin=args.password_stdin)
    try:
        return _locked(handler, args, data_dir)
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


def _locked(
    handler: Callable[[argparse.Namespace, Path], int], args: argparse.Namespace, data_dir: Path
) -> int:
    """Run a command holding the data folder's lock: nothing writes beside the open window or
    another command (the lock is re-entrant: restore takes it again around the swap)."""
    from app.instance import InstanceLock

    data_dir.mkdir(parents=True, exist_ok=True)
    with InstanceLock(data_dir):
        return handler(args, data_dir)


def _backup_file_argument(argv: list[str]) -> Path | None:
    """The backup file when the program is given one alone, as Windows' 打开 on a
    huiyin-….sqlite3 does (installer/huiyin.iss registers the file type)."""
    if len(argv) != 1 or argv[0].startswith("-"):
        return None
    path = Path(argv[0])
    if path.suffix.lower() != ".sqlite3" or not path.is_file():
        return None
    return path.resolve()


def _explain_restore(backup: Path, data_dir: Path) -> int:
    """The window's own restore steps for that file: a running program cannot replace its
    own database, so the restore is done with the program closed (`restore`)."""
    from ui.app import make_application
    from ui.backup_page import RestoreDialog
    from ui.i18n import install_translator, read_language

    app = make_application()
    install_translator(app, read_language(data_dir))
    RestoreDialog(data_dir, backup).exec()
    return EXIT_OK


# Who runs the command: set in main() from --user / --password-stdin.
_LOGIN: dict[str, object] = {"user": "", "stdin": False}


def _read_secret(prompt: str, from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            raise UserError("标准输入是空的:--password-stdin 要求第一行是密码")
        return line.rstrip("\r\n")
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise UserError("请用 --password-stdin 从标准输入提供密码(或在终端中运行,按提示输入)")


def _uninitialised(data_dir: Path) -> UserError:
    return UserError(
        f"数据文件夹 {data_dir} 还没有初始化。先运行:python -m app --data-dir {data_dir} "
        "init --office 名称 --admin 登录名 --password-stdin"
    )


def _open(data_dir: Path):  # type: ignore[no-untyped-def]
    """Log in (--user, the password) and open the office as that person."""
    from app.keyring import KeyRing
    from app.office import Office
    from app.paths import DB_FILENAME

    if not KeyRing.exists_in(data_dir) and not (data_dir / DB_FILENAME).exists():
        raise _uninitialised(data_dir)
    user = str(_LOGIN["user"] or "")
    if not user:
        raise UserError(
            "请先登录:在命令前加 --user 登录名(密码在提示时输入,不显示;或加 --password-stdin 从标准输入读取)。"
            f"例如:python -m app --data-dir {data_dir} --user admin --password-stdin check"
        )
    password = _read_secret(f"{user} 的密码:", bool(_LOGIN["stdin"]))
    office = Office.login(data_dir, user, password)
    if not office.is_initialised():
        office.close()
        raise _uninitialised(data_dir)
    _act_as(office.user)
    pending = office.take_pending_recovery_key()
    if pending:
        _show_recovery_key(pending, converted=True)
    return office


def _act_as(person: Staff | None) -> None:
    """Everything the command does is done (and audited) as the person who logged in."""
    from app import permissions

    set_person = getattr(permissions, "set_person", None)
    if set_person is not None:
        set_person(person)
    else:
        from app.models import set_actor

        set_actor(person.name if person else "")


def _show_recovery_key(key: str, converted: bool = False) -> None:
    why = "数据文件夹已加密。" if converted else ""
    print(
        f"{why}恢复密钥(只显示这一次):{key}\n"
        "请抄在纸上或打印出来,锁在安全的地方。管理员忘记密码时,用它和 recover 命令设新密码;"
        "丢了它又忘了所有管理员密码,数据将无法打开。",
        file=sys.stderr,
    )


def cmd_init(args: argparse.Namespace, data_dir: Path) -> int:
    from app.keyring import KeyRing
    from app.office import SETUP_KEY, Office

    if KeyRing.exists_in(data_dir) and SETUP_KEY not in KeyRing.load(data_dir).data:
        raise UserError(f"数据文件夹 {data_dir} 已初始化过。要打开它,请用 --user 登录。")
    password = _read_secret("管理员密码:", args.password_stdin or bool(_LOGIN["stdin"]))
    office = Office.open(data_dir)
    try:
        admin = office.initialise(args.office, args.admin, password, args.admin_name)
        print(f"已初始化:{office.name},管理员 {admin.username},数据文件夹 {data_dir}")
        _show_recovery_key(office.recovery_key)
    finally:
        office.close()
    return EXIT_OK


def cmd_recover(args: argparse.Namespace, data_dir: Path) -> int:
    from app.office import Office

    recovery = _read_secret("恢复密钥:", bool(_LOGIN["stdin"]))
    password = _read_secret("新密码(至少 6 位):", bool(_LOGIN["stdin"]))
    office = Office.recover(data_dir, recovery, args.admin, password)
    try:
        print(f"已为管理员 {args.admin} 设置新密码(已记入审计记录)。请用新密码登录。")
    finally:
        office.close()
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, data_dir: Path) -> int:
    """Demo data into a new folder (no login: its administrator is admin/admin123), or into an
    office of one's own after logging in as an administrator."""
    from app.demo import DEMO_ADMIN, DEMO_ADMIN_PASSWORD, fill_demo
    from app.keyring import KeyRing
    from app.office import SETUP_KEY, Office
    from app.paths import DB_FILENAME

    new = not (data_dir / DB_FILENAME).exists() or (
        KeyRing.exists_in(data_dir) and SETUP_KEY in KeyRing.load(data_dir).data
    )
    if new:
        office = Office.open(data_dir)
    else:
        office = _open(data_dir)
        if office.user is None or office.user.role != "admin":
            office.close()
            raise UserError("只有管理员可以在已有的数据文件夹中填入演示数据。")
    try:
        summary = fill_demo(
            office, seed=args.seed, years=args.years, progress=lambda text: print(text, flush=True)
        )
        print(summary)
        if office.recovery_key:
            print(f"演示数据的管理员:{DEMO_ADMIN} / {DEMO_ADMIN_PASSWORD}")
            _show_recovery_key(office.recovery_key)
    finally:
        office.close()
    return EXIT_OK


def _import(kind: str) -> Callable[[argparse.Namespace, Path], int]:
    def run(args: argparse.Namespace, data_dir: Path) -> int:
        from app import ledger, ledger_columns

        fields = ledger.LEDGER_FIELDS if kind == "ledger" else ledger.OWNER_FIELDS
        try:
            mapping = ledger_columns.parse_map_text(args.map, fields) if args.map else None
        except ValueError as exc:
            raise UserError(f"--map 写得不对:{exc}") from exc
        office = _open(data_dir)
        try:
            preview = ledger.preview_file(office, kind, args.file, mapping, limit=0)
            unknown = sorted(set(mapping or {}) - set(preview.headers))
            if unknown:
                raise UserError(f"--map 里的列“{'、'.join(unknown)}”在第{preview.header_row}行的表头里没有")
            print(f"表头在第{preview.header_row}行。列的对应:{preview.mapping_text()}")
            if preview.default_kind:
                print(f"表中没有“性质”列,按标题全部记为“{preview.default_kind}”")
            importer = ledger.import_ledger if kind == "ledger" else ledger.import_owners
            report = importer(office, args.file, skip_invalid=args.skip_invalid, mapping=mapping)
        finally:
            office.close()
        print(report.summary())
        if report.problems and not report.imported:
            for problem in report.problems:
                print(problem, file=sys.stderr)
            return EXIT_BAD_INPUT
        for problem in report.problems:
            print(problem, file=sys.stderr)
        for note in report.kept:
            print(note, file=sys.stderr)
        return EXIT_OK

    return run


def cmd_export_owners(args: argparse.Namespace, data_dir: Path) -> int:
    from app.owner_files import OwnerFiles

    office = _open(data_dir)
    try:
        count = OwnerFiles().export_owners(args.file, None, include_inactive=args.include_inactive)
    finally:
        office.close()
    print(f"已导出 {count} 人到 {args.file}(导出已记入审计记录)")
    return EXIT_OK


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


def cmd_form_scan(args: argparse.Namespace, data_dir: Path) -> int:
    """form scan FILE...: a line per page (file and page, the form matched, or why not).

    Exit 0 when every page was matched, 1 when some were not (refused, or left for matching
    by hand in the program), 2 when a file could not be read at all."""
    from app.form_scans import FormScans, import_scans

    office = _open(data_dir)
    try:
        batch = import_scans(
            args.files,
            FormScans(office.forms),
            on_outcome=lambda o: print(o.line(), file=sys.stderr if o.page == 0 else sys.stdout, flush=True),
        )
    finally:
        office.close()
    print(batch.summary())
    if batch.bad_files:
        return EXIT_BAD_INPUT
    return EXIT_FAILED if batch.unmatched else EXIT_OK


def cmd_form(args: argparse.Namespace, data_dir: Path) -> int:
    """form visit|blank: the numbers are reserved, then confirmed when the printer has printed
    the job (or the PDF is written), voided with the reason when it fails or is interrupted
    (Ctrl+C); exit 1 then. form ledger: a PDF."""
    if args.form_command == "scan":
        return cmd_form_scan(args, data_dir)
    if args.form_command == "archive":
        return cmd_form_archive(args, data_dir)
    if args.form_command == "destroy":
        return cmd_form_destroy(args, data_dir)
    from app.forms import SAVED_AS_PDF
    from app.print_jobs import run_print_job, write_pdf
    from reports.printing import Printouts

    office = _open(data_dir)
    try:
        printouts = Printouts(office)
        if args.form_command == "ledger":
            if args.start and args.end and args.end < args.start:
                raise UserError(f"截止日期不能早于起始日期({args.start:%Y-%m-%d} 至 {args.end:%Y-%m-%d})")
            write_pdf(args.pdf, printouts.ledger_pdf(args.start, args.end))
            print(f"已写入 {args.pdf}")
            return EXIT_OK
        if args.pdf and args.form_command in ("visit", "blank"):
            from app.print_jobs import check_pdf_target

            check_pdf_target(args.pdf, 1 if args.form_command == "visit" else args.count)
        if args.form_command == "visit":
            visits = [printouts.visit_by_id(args.visit)]
            end = run_print_job(lambda: printouts.visit_forms_job(visits), _sender(args))
        else:
            end = run_print_job(lambda: printouts.blank_forms_job(args.count), _sender(args))
    finally:
        office.close()
    numbers = ", ".join(end.numbers)
    if end.ok:
        done = (
            f"已写入 {args.pdf}" if end.printer == SAVED_AS_PDF else f"已送往打印机 {end.printer} 并打印完成"
        )
        print(done + (f",编号 {numbers} 记为已打印" if numbers else ""))
        return EXIT_OK
    if end.cancelled:
        print(
            "已取消打印。" + (f"编号 {numbers} 已作废(已取消),不会再使用。" if numbers else ""),
            file=sys.stderr,
        )
        return EXIT_FAILED
    assert end.failed is not None
    print(f"错误:{end.failed}", file=sys.stderr)
    if not end.failed.reason:  # refused before any number was taken (bad input)
        return EXIT_BAD_INPUT
    if numbers:
        print(f"编号 {numbers} 已作废(打印失败:{end.failed.reason}),不会再使用。", file=sys.stderr)
    return EXIT_FAILED


def _sender(args: argparse.Namespace) -> Callable[[bytes, Callable[[], None]], str]:
    """How the command line hands the PDF on: to a CUPS printer (waiting until it has printed
    it), or into a file. Returns the printer it reached."""
    from app.forms import SAVED_AS_PDF
    from app.print_jobs import Cups, CupsJob, PrintFailed, PrintOptions, cups_unavailable, write_pdf

    def to_printer(pdf: bytes, alive: Callable[[], None]) -> str:
        if not Cups.installed():
            if sys.platform == "win32":
                raise PrintFailed(
                    "命令行只能送往 CUPS 打印服务的打印机。请用 --pdf 保存后打印,或在程序窗口中点“打印…”。",
                    "没有打印服务",
                )
            raise cups_unavailable()
        options = PrintOptions(printer=args.printer, copies=1, title=f"回音 {args.form_command}")
        CupsJob(Cups(), pdf, options).run(progress=lambda _text: alive())
        return str(args.printer)

    def to_file(pdf: bytes, _alive: Callable[[], None]) -> str:
        write_pdf(args.pdf, pdf)
        return SAVED_AS_PDF

    return to_printer if args.printer else to_file


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
            write_bytes(
                args.json, json.dumps(report.current.to_json(), ensure_ascii=False, indent=1).encode("utf-8")
            )
        if args.pdf:
            from reports.quarterly import QuarterlyReport

            write_bytes(args.pdf, QuarterlyReport(office.name, report).generate())
        if args.xlsx:
            from app.stats_export import write_xlsx

            write_xlsx(report, args.xlsx)
    finally:
        office.close()
    s = report.current
    complaints = s.visit_stats["投诉"]
    rate = f"{complaints.visit_rate:.1%}" if complaints.due else "—"
    print(
        f"{period.label} {s.period.range_text}:受理 {sum(s.cases_received.values())} 件,"
        f"办结率 {s.resolution_rate:.1%},逾期 {s.overdue} 件,"
        f"投诉回访率 {rate}(应回访 {complaints.due} 件,已回访 {complaints.visited} 件),"
        f"重复投诉 {len(s.repeat_complaints)} 组,重复维修 {len(s.repeat_repairs)} 组"
    )
    late = [n for k in s.visit_stats.values() for n in k.late_cases]
    if late:
        print(f"应访未访 {len(late)} 件:{'、'.join(late)}")
    if s.period.through is not None:
        p = report.previous.period
        print(f"本期尚未结束,与{p.label}同期前 {p.days} 天({p.start:%Y-%m-%d} 至 {p.last_day:%Y-%m-%d})比较")
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
    """restore FILE, as an administrator. The backup is encrypted: the person's password opens
    the office key from the data folder's key file, or (a new PC, the data folder lost) from
    the key file the backups keep beside them, which is then put in the data folder."""
    import datetime as dt
    import shutil

    from app.backup import restore
    from app.keyring import KeyRing
    from app.paths import DB_FILENAME
    from app.permissions import require

    backup = args.file
    user = str(_LOGIN["user"] or "")
    if not user:
        raise UserError(
            "请先登录:在命令前加 --user 管理员登录名(密码在提示时输入,或加 --password-stdin)。"
            f"例如:python -m app --data-dir {data_dir} --user admin restore {backup}"
        )
    if not backup.is_file():
        raise UserError(f"找不到备份文件 {backup}")
    live = data_dir / DB_FILENAME
    if live.exists() and live.stat().st_size > 0 and KeyRing.exists_in(data_dir):
        office = _open(data_dir)
        try:
            require(office.user, "backup.manage")
            key, office_id = keyring.office_key(), keyring.office_id()
        finally:
            office.close()
    else:
        # The database is lost: the person must hold a slot in the key file (the data folder's,
        # or the one beside the backups) and be an active administrator in the backup itself.
        if not KeyRing.exists_in(data_dir):
            beside = sorted(backup.parent.glob("huiyin-*.keys"))
            if len(beside) != 1:
                raise UserError(
                    f"数据文件夹里没有密钥文件 {keyring.KEYS_FILENAME},备份旁也没有唯一的 huiyin-….keys 文件:"
                    "请把原来的密钥文件放回数据文件夹后再恢复。"
                )
            keyring.make_private_folder(data_dir)
            shutil.copy2(beside[0], KeyRing.path_in(data_dir))
        ring = KeyRing.load(data_dir)
        password = _read_secret(f"{user} 的密码:", bool(_LOGIN["stdin"]))
        key = ring.unlock(user, password, dt.datetime.now()).key
        office_id = ring.office_id
        _require_admin_in(backup, user, key)
    aside = restore(data_dir, backup, dt.datetime.now(), key=key, office=office_id)
    kept = f"原数据文件另存为 {aside}" if aside else "原来没有数据文件"
    print(f"已从 {backup} 恢复。{kept}。")
    return EXIT_OK


def _require_admin_in(backup: Path, user: str, key: bytes) -> None:
    from app.db import DB_ERRORS, connect_file

    try:
        con = connect_file(backup, readonly=True, key=key)
    except DB_ERRORS as exc:
        raise UserError(
            f"备份文件 {backup.name} 不能用这个服务中心的密钥打开:它已损坏,或属于另一个服务中心。"
        ) from exc
    try:
        row = con.execute("SELECT role FROM staff WHERE username = ? AND active = 1", (user,)).fetchone()
    finally:
        con.close()
    if row is None or row[0] != "admin":
        raise UserError(f"{user} 不是这个备份中的管理员:只有管理员可以恢复备份。")


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


def _form_line(form: FormSheet) -> str:
    from app.forms import FormLedger, closed_on

    when = closed_on(form)
    flag = FormLedger.flags(form)
    return "  ".join(
        part
        for part in (
            form.number,
            form.state + (f"·{flag}" if flag else ""),
            f"{when:%Y-%m-%d}" if when else "",
            form.taken_by_name,
            form.visit_item,
        )
        if part
    )


def cmd_form_archive(args: argparse.Namespace, data_dir: Path) -> int:
    """form archive --quarter 2026Q3 [--list]: the quarter's forms to file, then the batch marked.

    The archivist is the person logged in, unless --by names another person of the staff list
    (who filed the paper)."""
    from app.forms import quarter_label
    from app.validation import clean_text

    office = _open(data_dir)
    try:
        listing = office.forms.quarter_archive(args.quarter)
        label = quarter_label(listing.quarter)
        actor = _staff_named(args.by) if clean_text(args.by) else office.user
        print(
            f"{label}:待归档 {len(listing.to_file)} 份(交回或作废),"
            f"{listing.opens:%Y-%m-%d} 起可归档,须在 {listing.deadline:%Y-%m-%d} 前完成"
        )
        for form in listing.to_file:
            print(f"  {_form_line(form)}")
        for batch in listing.batches:
            print(
                f"已归档:{batch.archived_at:%Y-%m-%d %H:%M} {batch.archived_by} {batch.form_count} 份 {batch.remarks}"
            )
        if listing.still_out:
            print(f"尚未交回 {len(listing.still_out)} 份(不影响本次归档,交回或作废后随那个季度归档):")
            for form in listing.still_out:
                print(f"  {_form_line(form)}")
        if args.list:
            return EXIT_OK
        batch = office.forms.archive(listing.quarter, actor, [f.id for f in listing.to_file], args.remarks)
        print(
            f"已归档 {batch.form_count} 份({label}),归档人 {batch.archived_by},{batch.archived_at:%Y-%m-%d %H:%M}"
        )
    finally:
        office.close()
    return EXIT_OK


def cmd_form_destroy(args: argparse.Namespace, data_dir: Path) -> int:
    """form destroy [--before DATE] [--list]: forms past their keeping period, then who destroyed
    which of them and when. Nothing is destroyed by the program: this records what a person did."""
    from app.validation import clean_text

    office = _open(data_dir)
    try:
        listed = office.forms.destroyable(args.before)
        years = office.forms.keep_years()
        print(f"保管期({years} 年)已满、可以销毁的表单 {len(listed)} 份:")
        for item in listed:
            print(f"  {_form_line(item.form)}  {item.quarter} 归档,保管至 {item.keep_until:%Y-%m-%d}")
        if args.list:
            return EXIT_OK
        if not listed and not clean_text(args.numbers):
            print("没有需要登记销毁的表单。")
            return EXIT_OK
        if not clean_text(args.by):
            raise ValidationError({"销毁人": "登记销毁时必须用 --by 写明销毁人姓名"})
        chosen = [n for n in re.split(r"[,,\s]+", args.numbers) if n] or [i.form.number for i in listed]
        record = office.forms.record_destruction(
            chosen, args.destroyed_on or office.clock.now().date(), args.by, office.user, args.remarks
        )
        print(
            f"已登记销毁 {record.form_count} 份:{record.destroyed_on:%Y-%m-%d} 由 {record.destroyed_by} 销毁"
            f"(登记人 {record.recorded_by})。台账中的记录保留,标为“已销毁”。"
        )
    finally:
        office.close()
    return EXIT_OK


def _staff_named(name: str) -> Staff:
    from app.models import Staff
    from app.validation import clean_text

    person = Staff.get_or_none(Staff.name == clean_text(name))
    if person is None:
        raise UserError(f"人员名单中没有“{clean_text(name)}”:请写归档人的姓名,或不填 --by")
    return person


def cmd_survey(args: argparse.Namespace, data_dir: Path) -> int:
    """survey plan|print|scan|report: the satisfaction survey (app/survey_cli.py), as the
    person logged in."""
    from app import survey_cli

    office = _open(data_dir)
    try:
        return survey_cli.COMMANDS["survey"](args, data_dir, office)
    finally:
        office.close()


COMMANDS: dict[str, Callable[[argparse.Namespace, Path], int]] = {
    "init": cmd_init,
    "recover": cmd_recover,
    "demo": cmd_demo,
    "import-ledger": _import("ledger"),
    "import-owners": _import("owners"),
    "export-cases": cmd_export_cases,
    "export-owners": cmd_export_owners,
    "schedule": cmd_schedule,
    "form": cmd_form,
    "report": cmd_report,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "check": cmd_check,
    "survey": cmd_survey,
}
