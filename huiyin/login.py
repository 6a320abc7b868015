"""Who runs a command: the login (--user, the password without echo or from standard input),
the office opened as that person (their permissions, the audit trail under their name), the
recovery key shown once, and the exit status every command returns."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import UserError
from app.i18n import tr

if TYPE_CHECKING:
    from app.models import Staff
    from app.office import Office

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2

# Who runs the command: set in main() from --user / --password-stdin.
LOGIN: dict[str, object] = {"user": "", "stdin": False}


def read_secret(prompt: str, from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            raise UserError(tr("标准输入是空的:--password-stdin 要求第一行是密码"))
        return line.rstrip("\r\n")
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise UserError(tr("请用 --password-stdin 从标准输入提供密码(或在终端中运行,按提示输入)"))


def uninitialised(data_dir: Path) -> UserError:
    return UserError(
        tr(
            "数据文件夹 {data_dir} 还没有初始化。先运行:python -m huiyin --data-dir {data_dir} "
            "init --office 名称 --admin 登录名 --password-stdin",
            data_dir=data_dir,
        )
    )


def open_office(data_dir: Path) -> Office:
    """Log in (--user, the password) and open the office as that person."""
    from app.keyring import KeyRing
    from app.office import Office
    from app.paths import DB_FILENAME

    if not KeyRing.exists_in(data_dir) and not (data_dir / DB_FILENAME).exists():
        raise uninitialised(data_dir)
    user = str(LOGIN["user"] or "")
    if not user:
        raise UserError(
            tr(
                "请先登录:在命令前加 --user 登录名(密码在提示时输入,不显示;或加 --password-stdin 从标准输入读取)。"
                "例如:python -m huiyin --data-dir {data_dir} --user admin --password-stdin check",
                data_dir=data_dir,
            )
        )
    password = read_secret(tr("{user} 的密码:", user=user), bool(LOGIN["stdin"]))
    office = Office.login(data_dir, user, password)
    if not office.is_initialised():
        office.close()
        raise uninitialised(data_dir)
    act_as(office.user)
    pending = office.take_pending_recovery_key()
    if pending:
        show_recovery_key(pending, converted=True)
    return office


def act_as(person: Staff | None) -> None:
    """Everything the command does is done (and audited) as the person who logged in."""
    from app.permissions import set_person

    set_person(person)


def show_recovery_key(key: str, converted: bool = False) -> None:
    why = tr("数据文件夹已加密。") if converted else ""
    print(
        tr(
            "{why}恢复密钥(只显示这一次):{key}\n"
            "请抄在纸上或打印出来,锁在安全的地方。管理员忘记密码时,用它和 recover 命令设新密码;"
            "丢了它又忘了所有管理员密码,数据将无法打开。",
            why=why,
            key=key,
        ),
        file=sys.stderr,
    )
