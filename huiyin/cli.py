"""The command line: `python -m huiyin [--data-dir DIR] --user NAME [--password-stdin] COMMAND`;
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
import logging
import re
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import peewee

from app import __version__
from app.db import DatabaseError
from app.errors import UserError, ValidationError, describe_file_error, describe_storage_error
from app.i18n import LANGUAGES, N_, language_of_folder, set_language, term, tr
from app.paths import resolve_data_dir
from huiyin.duties_cli import cmd_duties
from huiyin.form_commands import cmd_form, cmd_report, cmd_survey
from huiyin.login import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, LOGIN
from huiyin.office_commands import (
    cmd_backup,
    cmd_check,
    cmd_demo,
    cmd_export_cases,
    cmd_export_owners,
    cmd_import,
    cmd_init,
    cmd_recover,
    cmd_restore,
    cmd_schedule,
)

log = logging.getLogger(__name__)


# argparse's own words (usage:, options, its refusals), in the chosen language: argparse asks
# gettext for them through its module-level `_`, which is pointed here (English is their source).
ARGPARSE_WORDS = {
    "usage: ": N_("用法:"),
    "positional arguments": N_("位置参数"),
    "options": N_("选项"),
    "show this help message and exit": N_("显示这段帮助后退出"),
    "show program's version number and exit": N_("显示程序的版本号后退出"),
    "the following arguments are required: %s": N_("缺少必需的参数:%s"),
    "invalid choice: %(value)r (choose from %(choices)s)": N_("%(value)r 不在可选项中(可选:%(choices)s)"),
    "unrecognized arguments: %s": N_("不认识的参数:%s"),
    "argument %(argument_name)s: %(message)s": N_("参数 %(argument_name)s:%(message)s"),
    "expected one argument": N_("需要一个值"),
    "expected at least one argument": N_("至少需要一个值"),
    "expected at most one argument": N_("最多一个值"),
    "invalid %(type)s value: %(value)r": N_("%(value)r 不是有效的 %(type)s 值"),
    "not allowed with argument %s": N_("不能与参数 %s 同时使用"),
    "one of the arguments %s is required": N_("须给出参数 %s 之一"),
    "ambiguous option: %(option)s could match %(matches)s": N_("选项 %(option)s 不明确,可能是 %(matches)s"),
    "unknown parser %(parser_name)r (choices: %(choices)s)": N_("没有命令 %(parser_name)r(可用:%(choices)s)"),
}


def _argparse_word(text: str) -> str:
    source = ARGPARSE_WORDS.get(text)
    return tr(source) if source is not None else text


argparse._ = _argparse_word  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """argparse that says what is wrong in Chinese and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(tr("错误:命令参数不对({message})。用 --help 查看用法。", message=message) + "\n")
        sys.exit(EXIT_BAD_INPUT)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m huiyin", description=tr("回音 物业投诉回访管理"))
    parser.add_argument("--data-dir", help=tr("数据文件夹(默认:系统用户数据目录,或环境变量 HUIYIN_DATA)"))
    parser.add_argument("--version", action="version", version=tr("回音 {version}", version=__version__))
    parser.add_argument(
        "--lang", choices=LANGUAGES, help=tr("消息的语言:zh_CN、zh_TW 或 en(默认:这台电脑在设置里选的语言)")
    )
    parser.add_argument("--user", default="", help=tr("登录名(除 init、recover 外每个命令都要登录)"))
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help=tr("从标准输入的第一行读取密码(不加则在提示时输入,不显示)"),
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("init", help=tr("新建数据文件夹:服务中心名称和第一个管理员(显示一次恢复密钥)"))
    p.add_argument("--office", required=True, help=tr("服务中心名称"))
    p.add_argument("--admin", required=True, help=tr("管理员登录名"))
    p.add_argument("--admin-name", default="", help=tr("管理员姓名"))
    p.add_argument("--password-stdin", action="store_true", help=tr("从标准输入读取密码"))

    p = sub.add_parser(
        "recover",
        help=tr("管理员忘记密码:用设立时打印的恢复密钥设新密码(标准输入:第一行恢复密钥,第二行新密码)"),
    )
    p.add_argument("--admin", required=True, help=tr("要重设密码的管理员登录名"))

    p = sub.add_parser("demo", help=tr("填入两年的演示数据"))
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--years", type=int, default=2)

    map_help = tr(
        '改正自动识别的列对应,如 "投诉事由=内容,序号=编号,备注=不导入"(先不加此项运行可看到自动对应)'
    )
    p = sub.add_parser("import-ledger", help=tr("从 Excel 案件台账导入(也可以是服务中心自己的登记表)"))
    p.add_argument("file", type=Path)
    p.add_argument("--skip-invalid", action="store_true", help=tr("导入正确的行,错误行另存到旁边的文件"))
    p.add_argument("--map", default="", help=map_help)

    p = sub.add_parser("import-owners", help=tr("从 Excel 导入业主名册(也可以是服务中心自己的花名册)"))
    p.add_argument("file", type=Path)
    p.add_argument("--skip-invalid", action="store_true")
    p.add_argument("--map", default="", help=map_help)

    p = sub.add_parser("export-cases", help=tr("把案件导出为 Excel 台账(含回访、重大投诉报告,可再导入)"))
    p.add_argument("file", type=Path)

    p = sub.add_parser("export-owners", help=tr("把业主名册导出为 Excel(含完整电话和身份证号,记入审计)"))
    p.add_argument("file", type=Path)
    p.add_argument("--include-inactive", action="store_true", help=tr("也导出已迁出的住户"))

    p = sub.add_parser("form", help=tr("打印回访记录表、空白表和签收表(PDF)"))
    form_sub = p.add_subparsers(dest="form_command", required=True, parser_class=_Parser)
    q = form_sub.add_parser("visit", help=tr("按回访打印预填的回访记录表"))
    q.add_argument("--visit", type=int, required=True, help=tr("回访编号(schedule 命令列出)"))
    _form_output(q)
    q = form_sub.add_parser("blank", help=tr("打印 N 张编号空白回访记录表(在台账中登记)"))
    q.add_argument("--count", type=int, required=True)
    _form_output(q)
    q = form_sub.add_parser("ledger", help=tr("打印回访记录签收表(默认本季度)"))
    q.add_argument("--pdf", type=Path, required=True)
    q.add_argument("--from", dest="start", type=_day, help=tr("起始日期,如 2026-07-01(默认本季度第一天)"))
    q.add_argument("--to", dest="end", type=_day, help=tr("截止日期,如 2026-09-30(含当天)"))
    q = form_sub.add_parser("scan", help=tr("读入签字交回的回访记录表扫描件(PDF 或照片),按二维码附到表单"))
    q.add_argument("files", type=Path, nargs="+", metavar="FILE", help=tr("扫描仪的 PDF,或 JPEG/PNG 照片"))
    q = form_sub.add_parser("archive", help=tr("季度归档:列出该季度交回和作废的表单,并记为已归档"))
    q.add_argument("--quarter", required=True, help=tr("季度,如 2026Q3"))
    q.add_argument("--list", action="store_true", help=tr("只列出,不记为已归档"))
    q.add_argument("--by", default="", help=tr("归档人姓名(须是人员名单中的人;不填记为“系统”)"))
    q.add_argument("--remarks", default="", help=tr("备注,如档案盒编号"))
    q = form_sub.add_parser("destroy", help=tr("销毁记录:列出保管期满的表单,登记谁在哪天销毁了哪些编号"))
    q.add_argument("--before", type=_day, help=tr("只列出在此日期前结束的季度的表单,如 2026-10-01"))
    q.add_argument("--list", action="store_true", help=tr("只列出,不登记"))
    q.add_argument("--numbers", default="", help=tr("只登记这些编号(逗号分隔;默认登记列出的全部)"))
    q.add_argument("--on", dest="destroyed_on", type=_day, help=tr("销毁日期(默认今天)"))
    q.add_argument("--by", default="", help=tr("销毁人姓名(登记时必填)"))
    q.add_argument("--remarks", default="", help=tr("备注,如销毁方式、见证人"))

    p = sub.add_parser("report", help=tr("统计报表"))
    report_sub = p.add_subparsers(dest="report_command", required=True, parser_class=_Parser)
    q = report_sub.add_parser("quarterly", help=tr("季度分析报告"))
    q.add_argument("--year", type=int, required=True)
    q.add_argument("--quarter", type=int, required=True)
    q.add_argument("--pdf", type=Path)
    q.add_argument("--xlsx", type=Path)
    q.add_argument("--json", type=Path)

    p = sub.add_parser("backup", help=tr("立即备份(在线备份并校验)"))
    p.add_argument("--to", type=Path, help=tr("备份到此文件夹(默认:设置中的备份文件夹)"))

    p = sub.add_parser("restore", help=tr("从备份恢复(当前数据先另存,不会被覆盖)"))
    p.add_argument("file", type=Path)

    sub.add_parser("check", help=tr("检查数据:完整性、外键、审计链、签名"))

    from huiyin import duties_cli, survey_cli

    survey_cli.add_parsers(sub)
    duties_cli.add_parser(sub)

    p = sub.add_parser("schedule", help=tr("列出待回访计划"))
    p.add_argument("--json", type=Path, help=tr("写入 JSON 文件(默认打印表格)"))
    return parser


def _day(value: str) -> dt.date:
    """A date typed as 2026-07-01 (or 2026/7/1)."""
    try:
        year, month, day = (int(x) for x in re.split(r"[-/.]", value.strip()))
        return dt.date(year, month, day)
    except ValueError:
        raise argparse.ArgumentTypeError(
            tr("日期“{value}”看不懂,请写成 2026-07-01 这样", value=value)
        ) from None


def _form_output(parser: argparse.ArgumentParser) -> None:
    """A numbered form goes to a printer (--printer) or into a PDF file (--pdf)."""
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--printer", help=tr("送往这台打印机(CUPS 打印机名称,lpstat -p 可查看)"))
    where.add_argument("--pdf", type=Path, help=tr("另存为 PDF 文件(编号即记为已打印)"))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--selftest" in argv:  # before the subcommands: `huiyin --selftest [--keep]`
        from huiyin.selftest import run as selftest

        return selftest(argv)
    _choose_language(argv)  # before the parser: its --help and its refusals speak the language too
    backup = _backup_file_argument(argv)
    if backup is not None:
        return _explain_restore(backup, resolve_data_dir(None))
    args = build_parser().parse_args(argv)
    data_dir = resolve_data_dir(args.data_dir)
    if args.command is None:
        from ui.app import run_gui

        return run_gui(data_dir)
    handler = COMMANDS[args.command]
    LOGIN.update(user=args.user, stdin=args.password_stdin)
    try:
        return _locked(handler, args, data_dir)
    except ValidationError as exc:
        for field, reason in exc.problems.items():
            print(tr("错误:{field}:{reason}", field=term(field), reason=reason), file=sys.stderr)
        return EXIT_BAD_INPUT
    except (UserError, DatabaseError) as exc:
        print(tr("错误:{message}", message=exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    except PermissionError as exc:
        log.warning("command %s: %r", args.command, exc)
        print(
            tr("错误:没有权限写入 {file}。请换一个文件夹或检查权限。", file=exc.filename or data_dir),
            file=sys.stderr,
        )
        return EXIT_FAILED
    except OSError as exc:
        log.warning("command %s: %r", args.command, exc)
        path = Path(exc.filename) if isinstance(exc.filename, str) else None
        print(tr("错误:{message}", message=describe_file_error(exc, path)), file=sys.stderr)
        return EXIT_FAILED
    except (peewee.OperationalError, peewee.DatabaseError, sqlite3.Error) as exc:
        print(tr("错误:{message}", message=describe_storage_error(exc)), file=sys.stderr)
        return EXIT_FAILED


def _choose_language(argv: list[str]) -> None:
    """The language of the messages of app/ and of this command line: --lang, else the one
    chosen on this PC for the data folder (window.ini), else Simplified Chinese."""
    early = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    early.add_argument("--data-dir")
    early.add_argument("--lang", choices=LANGUAGES)
    try:
        known, _ = early.parse_known_args(argv)
    except (
        argparse.ArgumentError,
        SystemExit,
    ):  # a wrong --lang: the full parser says so, in the folder's language
        known = argparse.Namespace(data_dir=None, lang=None)
        known.data_dir = next((argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--data-dir"), None)
    set_language(known.lang or language_of_folder(resolve_data_dir(known.data_dir)))


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


COMMANDS: dict[str, Callable[[argparse.Namespace, Path], int]] = {
    "init": cmd_init,
    "recover": cmd_recover,
    "demo": cmd_demo,
    "import-ledger": cmd_import("ledger"),
    "import-owners": cmd_import("owners"),
    "export-cases": cmd_export_cases,
    "export-owners": cmd_export_owners,
    "schedule": cmd_schedule,
    "form": cmd_form,
    "report": cmd_report,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "check": cmd_check,
    "survey": cmd_survey,
    "duties": cmd_duties,
}
