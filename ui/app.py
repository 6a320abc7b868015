"""Starting the program: the application object, the data folder, first run, login."""

from __future__ import annotations

import logging
import sys
import traceback
import uuid
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app import APP_NAME, __version__
from app.db import DatabaseError
from app.errors import UserError
from app.i18n import set_language as set_app_language
from app.instance import InstanceLock
from app.logsetup import setup_logging
from app.office import Office
from app.paths import resource_path
from ui.errors import friendly_error
from ui.first_run import FirstRunDialog
from ui.fonts import register_fonts
from ui.i18n import install_translator, read_language
from ui.login import LoginDialog
from ui.recovery import ForgotPasswordDialog, RecoveryKeyDialog
from ui.session import Session

if TYPE_CHECKING:
    from app.models import Staff

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("huiyin")
    app.setWindowIcon(QIcon(str(resource_path("icons", "huiyin.svg"))))
    register_fonts(app)
    return app


def install_excepthook(log_path: Path) -> None:
    """An unexpected error shows a dialog and is logged; the window and its data stay."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        reference = uuid.uuid4().hex[:8].upper()  # ties what the clerk reads to the log entry
        log.error("unexpected error %s:\n%s", reference, "".join(traceback.format_exception(kind, value, tb)))
        QMessageBox.critical(
            None,
            QCoreApplication.translate("app", "出错了"),
            QCoreApplication.translate(
                "app",
                "{0}\n\n已保存的数据不受影响,未保存的表单有草稿。如果问题再次出现,"
                "请把日志文件发给维护人员(错误编号 {1}):\n{2}",
            ).format(friendly_error(value), reference, log_path),
        )

    sys.excepthook = hook


def run_gui(data_dir: Path) -> int:
    app = make_application()
    # before any window or message box is made: every self.tr() reads the language
    language = read_language(data_dir)
    install_translator(app, language)
    set_app_language(language)  # the words app/ and reports/ make (messages, states, kinds)
    register_fonts(app, language)  # 微软雅黑 / 微軟正黑體 on Windows, the bundled font behind it
    try:
        log_path = setup_logging(data_dir)
    except OSError as exc:
        QMessageBox.critical(
            None,
            QCoreApplication.translate("app", "无法使用数据文件夹"),
            QCoreApplication.translate("app", "{0}\n{1}\n请用 --data-dir 指定一个可写的文件夹。").format(
                data_dir, exc
            ),
        )
        return 2
    install_excepthook(log_path)
    lock = InstanceLock(data_dir)
    try:
        lock.acquire()
    except UserError as exc:
        QMessageBox.warning(None, QCoreApplication.translate("app", "回音已在运行"), str(exc))
        return 2
    try:
        return _run(app, data_dir)
    finally:
        lock.release()


def _run(app: QApplication, data_dir: Path) -> int:
    """A new folder: the first-run wizard, then the recovery key. Otherwise the login, whose
    password opens the encrypted office (a folder from before encryption is converted then)."""
    from app.keyring import KeyRing
    from app.office import SETUP_KEY
    from app.paths import DB_FILENAME

    try:
        new = not KeyRing.exists_in(data_dir) and not (data_dir / DB_FILENAME).exists()
        if not new and KeyRing.exists_in(data_dir):
            new = SETUP_KEY in KeyRing.load(data_dir).data
        office = Office.open(data_dir) if new else _login(data_dir)
    except (DatabaseError, UserError) as exc:
        QMessageBox.critical(
            None,
            QCoreApplication.translate("app", "数据文件无法打开"),
            QCoreApplication.translate(
                "app",
                '{0}\n\n恢复方法:python -m huiyin --data-dir "{1}" --user 管理员登录名 restore 备份文件',
            ).format(exc, data_dir),
        )
        return 2
    if office is None:
        return 0
    if not office.is_initialised():
        first = FirstRunDialog(office)
        if first.exec() != FirstRunDialog.DialogCode.Accepted or first.admin is None:
            office.close()
            return 0
        user = first.admin
    else:
        assert office.user is not None
        user = office.user
        pending = office.take_pending_recovery_key()
        if pending:
            RecoveryKeyDialog(office.name, pending, data_dir).exec()
    session = Session(office, user)
    session.start()
    code = app.exec()
    office.close()
    return int(code)


def _login(data_dir: Path) -> Office | None:
    """The start-up login: the office opened by the person's password (None: cancelled)."""
    from app.keyring import KeyRing

    opened: list[Office] = []
    name = KeyRing.load(data_dir).office_name if KeyRing.exists_in(data_dir) else ""

    def authenticate(username: str, password: str) -> Staff:
        office = Office.login(data_dir, username, password)
        opened.append(office)
        assert office.user is not None
        return office.user

    login: LoginDialog

    def forgot() -> None:
        dialog = ForgotPasswordDialog(data_dir, login)
        if dialog.exec() == ForgotPasswordDialog.DialogCode.Accepted and dialog.office is not None:
            opened.append(dialog.office)
            login.user = dialog.office.user
            QDialog.accept(login)

    login = LoginDialog(authenticate, name or QCoreApplication.translate("app", "回音"), forgot=forgot)
    if login.exec() != LoginDialog.DialogCode.Accepted or not opened:
        for office in opened:
            office.close()
        return None
    return opened[-1]
