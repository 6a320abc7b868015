"""备份与恢复: where backups go, how many are kept, a backup now, and the way back.

The backup runs on a thread of its own (`ui.worker`), on that thread's own database
connection (SQLite's online backup is safe while the program works). The list shows this office's backups only (its
identity is in their names); one of data that failed the check is shown as such and cannot
be chosen for a restore. Restoring is not done from here: the running program holds the
database open and cannot safely swap it under itself, so the page says plainly to close
the program and gives the exact command to run (with the login it needs).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.backup import BackupCheck, BackupFile, BackupResult, BackupService, backup_problems
from app.errors import UserError
from app.policy import PolicyStore
from ui.errors import friendly_error
from ui.i18n import QT_TR_NOOP
from ui.palette import ERROR_RED, MUTED_TEXT, OK, style
from ui.progress import FILES, STEPS, ProgressDialog, ProgressPanel, run_with_progress
from ui.widgets import Banner, make_table
from ui.worker import Job, Progress, run_in_background

log = logging.getLogger(__name__)


def restore_command(data_dir: Path, backup: Path, username: str = "") -> str:
    """The command that restores `backup` into `data_dir` with the program closed, logged in
    as `username` (a placeholder to replace when not known)."""
    if getattr(sys, "frozen", False):  # the packaged program: its own executable takes the command
        program = f'"{sys.executable}"'
    else:
        program = "python -m huiyin"
    user = username if username and " " not in username else "管理员登录名"
    return f'{program} --data-dir "{data_dir}" --user {user} restore "{backup}"'


class RestoreDialog(QDialog):
    """Explains how a restore is done and gives the command to copy."""

    def __init__(
        self, data_dir: Path, backup: Path, parent: QWidget | None = None, username: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("从备份恢复"))
        self.resize(720, 380)
        self.command = restore_command(data_dir, backup, username)
        text = QLabel(
            self.tr(
                "<p>要恢复到备份 <b>{0}</b>:</p>"
                "<ol>"
                "<li>请所有人保存手头的工作,然后<b>关闭回音</b>。正在运行的程序打开着数据文件,"
                "不能在运行中安全地替换它自己的数据库,所以恢复不能在这里直接完成。</li>"
                "<li>在命令提示符中运行下面的命令,按提示输入管理员密码。恢复前会先检查备份:"
                "必须是这个服务中心的备份、不来自更新的版本、通过数据检查。恢复后的数据先在旁边建好,"
                "再一步换上;当前的数据文件<b>不会被覆盖</b>,而是另存在数据文件夹中(…before-restore-日期时间)。</li>"
                "<li>再次打开回音。备份之后录入的内容不在恢复后的数据中,请核对补录。</li>"
                "</ol>"
            ).format(backup.name)
        )
        text.setWordWrap(True)
        self.command_box = QPlainTextEdit(self.command)
        self.command_box.setReadOnly(True)
        self.command_box.setFixedHeight(64)
        self.command_box.setStyleSheet("font-family: monospace;")
        self.copy_button = QPushButton(self.tr("复制命令"))
        self.copy_button.clicked.connect(self._copy)
        self.copied = QLabel()
        self.copied.setStyleSheet(f"color: {OK};")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.copied, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.command_box)
        layout.addLayout(row)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.command)
        self.copied.setText(self.tr("已复制"))


class BackupPage(QWidget):
    """The backup folder, rotation, 立即备份, the status, the backups found and their check."""

    backup_finished = Signal(bool)  # after 立即备份, once the page shows the result: ok or not
    checked = Signal(object)  # {path: BackupCheck} once the checks asked for are shown

    COLUMNS = (QT_TR_NOOP("备份时间"), QT_TR_NOOP("文件"), QT_TR_NOOP("大小"), QT_TR_NOOP("校验"))

    def __init__(self, backups: BackupService, policies: PolicyStore, data_dir: Path,
                 parent: QWidget | None = None, username: str = "") -> None:  # fmt: skip
        super().__init__(parent)
        self.backups = backups
        self.policies = policies
        self.data_dir = data_dir
        self.username = username  # put in the restore command
        self.worker: Job[BackupResult] | None = None  # 立即备份 while it runs
        self._files: list[Path] = []
        self._failed: set[Path] = set()  # backups of data that failed the check (留底 only)
        self._checked: dict[Path, BackupCheck] = {}

        # Where and how many
        self.folder = QLineEdit()
        self.folder.setReadOnly(True)
        self.choose_button = QPushButton(self.tr("选择文件夹…"))
        self.choose_button.clicked.connect(self._choose_folder)
        self.default_button = QPushButton(self.tr("用默认文件夹"))
        self.default_button.setToolTip(self.tr("数据文件夹中的 backups 子文件夹"))
        self.default_button.clicked.connect(lambda: self.set_folder(None))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_button)
        folder_row.addWidget(self.default_button)
        folder_hint = QLabel(self.tr("建议选 U 盘或另一台电脑的共享文件夹:电脑硬盘坏了,备份还在。"))
        folder_hint.setStyleSheet(style(MUTED_TEXT))
        folder_hint.setWordWrap(True)

        self.keep_daily = QSpinBox()
        self.keep_weekly = QSpinBox()
        self.keep_monthly = QSpinBox()
        for spin, most, suffix in ((self.keep_daily, 60, QT_TR_NOOP(" 天")), (self.keep_weekly, 52, QT_TR_NOOP(" 周")),
                                   (self.keep_monthly, 120, QT_TR_NOOP(" 个月"))):  # fmt: skip
            spin.setRange(1, most)
            spin.setSuffix(self.tr(suffix))
        self.save_rotation_button = QPushButton(self.tr("保存"))
        self.save_rotation_button.clicked.connect(self.save_rotation)
        rotation = QHBoxLayout()
        for label, spin in ((self.tr("每天保留最近"), self.keep_daily), (self.tr("每周保留最近"), self.keep_weekly),
                            (self.tr("每月保留最近"), self.keep_monthly)):  # fmt: skip
            rotation.addWidget(QLabel(label))
            rotation.addWidget(spin)
            rotation.addSpacing(10)
        rotation.addStretch(1)
        rotation.addWidget(self.save_rotation_button)

        settings_box = QGroupBox(self.tr("备份位置与保留"))
        form = QFormLayout(settings_box)
        form.addRow(self.tr("备份文件夹"), folder_row)
        form.addRow("", folder_hint)
        form.addRow(self.tr("轮换保留"), rotation)
        self.settings_message = Banner()
        form.addRow(self.settings_message)

        # Status and 立即备份
        self.last_good = QLabel()
        self.last_message = QLabel()
        self.last_message.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(f"color: {ERROR_RED}; font-weight: bold;")
        self.backup_button = QPushButton(self.tr("立即备份"))
        self.backup_button.setMinimumWidth(120)
        self.backup_button.setStyleSheet("font-weight: bold; padding: 6px 14px;")
        self.backup_button.clicked.connect(self.start_backup)
        # The backup's steps in words, with a bar (the same look as every long job's).
        self.busy = ProgressPanel(unit=STEPS)
        self.busy.setMinimumWidth(260)
        self.busy.hide()
        status_box = QGroupBox(self.tr("备份状态"))
        status_form = QFormLayout(status_box)
        status_form.addRow(self.tr("最近成功备份"), self.last_good)
        status_form.addRow(self.tr("上次结果"), self.last_message)
        status_form.addRow(self.warnings)
        run_row = QHBoxLayout()
        run_row.addWidget(self.backup_button)
        run_row.addWidget(self.busy, 1)
        status_form.addRow(run_row)

        # The backups in the folder
        self.table = make_table([self.tr(c) for c in self.COLUMNS])
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.check_button = QPushButton(self.tr("校验所选"))
        self.check_button.clicked.connect(self.check_selected)
        self.check_all_button = QPushButton(self.tr("全部校验"))
        self.check_all_button.clicked.connect(self.check_all)
        self.restore_button = QPushButton(self.tr("从此备份恢复…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.list_refresh_button = QPushButton(self.tr("刷新"))
        self.list_refresh_button.clicked.connect(self.refresh)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.list_refresh_button)
        list_buttons.addStretch(1)
        list_buttons.addWidget(self.check_button)
        list_buttons.addWidget(self.check_all_button)
        list_buttons.addWidget(self.restore_button)
        restore_note = QLabel(
            self.tr("恢复需要先关闭程序:运行中的程序不能安全地替换自己正在使用的数据文件。"
                    "恢复时当前数据文件会另存一份,不会被覆盖。")
        )  # fmt: skip
        restore_note.setWordWrap(True)
        restore_note.setStyleSheet(style(MUTED_TEXT))
        list_box = QGroupBox(self.tr("备份文件夹中的备份"))
        list_layout = QVBoxLayout(list_box)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(restore_note)
        list_layout.addLayout(list_buttons)

        title = QLabel(self.tr("备份与恢复"))
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        top = QHBoxLayout()
        top.addWidget(settings_box, 3)
        top.addWidget(status_box, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(list_box, 1)
        self.refresh()

    # Settings ------------------------------------------------------------------------
    def _load_settings(self) -> None:
        settings = self.policies.load().backup
        self.folder.setText(str(self.backups.folder()))
        self.folder.setToolTip(self.tr("默认:数据文件夹中的 backups") if not settings.folder else "")
        self.keep_daily.setValue(settings.keep_daily)
        self.keep_weekly.setValue(settings.keep_weekly)
        self.keep_monthly.setValue(settings.keep_monthly)

    def _save_backup_settings(self, **values: object) -> bool:
        policy = self.policies.copy()
        for key, value in values.items():  # folder, keep_daily … (app.policy.BackupSettings)
            setattr(policy.backup, key, value)
        try:
            self.policies.save(policy)
        except UserError as exc:
            self.settings_message.show_message(str(exc), "error")
            return False
        return True

    def _choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("选择备份文件夹"), str(self.backups.folder()))
        if name:
            self.set_folder(Path(name))

    def set_folder(self, folder: Path | None) -> None:
        """Store the chosen backup folder in the policy (None: the data folder's backups)."""
        if self._save_backup_settings(folder=str(folder) if folder else ""):
            self.settings_message.show_message(
                self.tr("备份文件夹已改为 {0}").format(self.backups.folder()), "success"
            )
            self.refresh()

    def save_rotation(self) -> None:
        if self._save_backup_settings(keep_daily=self.keep_daily.value(), keep_weekly=self.keep_weekly.value(),
                                      keep_monthly=self.keep_monthly.value()):  # fmt: skip
            self.settings_message.show_message(self.tr("保留份数已保存,下次备份时按此轮换。"), "success")

    # Status --------------------------------------------------------------------------
    def refresh(self) -> None:
        self._load_settings()
        status = self.backups.status()
        if status.last_good:
            self.last_good.setText(f"{status.last_good:%Y-%m-%d %H:%M}")
            self.last_good.setStyleSheet(f"color: {OK};")
        else:
            self.last_good.setText(self.tr("还没有"))
            self.last_good.setStyleSheet(f"color: {ERROR_RED};")
        self.last_message.setText(status.last_message or self.tr("(无)"))
        self.last_message.setToolTip(status.last_path)
        self.warnings.setText("\n".join(f"⚠ {w}" for w in status.warnings))
        self.warnings.setVisible(bool(status.warnings))
        self._fill_list()

    def _fill_list(self) -> None:
        selected = self.selected_file()
        found: list[BackupFile] = self.backups.found()
        self._files = [b.path for b in found]
        self._failed = {b.path for b in found if not b.passed}
        self.table.setRowCount(len(found))
        for r, (stamp, path) in enumerate((b.at, b.path) for b in found):
            try:
                size = f"{path.stat().st_size / 1024 / 1024:.1f} MB"
            except OSError:
                size = "?"
            items = [QTableWidgetItem(f"{stamp:%Y-%m-%d %H:%M:%S}"), QTableWidgetItem(path.name),
                     QTableWidgetItem(size), QTableWidgetItem()]  # fmt: skip
            for c, item in enumerate(items):
                self.table.setItem(r, c, item)
            self._show_check(r, path)
            if path == selected:
                self.table.selectRow(r)
        self._update_buttons()

    def _show_check(self, row: int, path: Path) -> None:
        item = self.table.item(row, 3)
        if item is None:
            return
        checked = self._checked.get(path)
        problems = checked.problems if checked is not None else []
        if path in self._failed:
            item.setText(self.tr("✗ 数据未通过检查(只作留底,不能用于恢复)"))
            item.setForeground(QBrush(QColor(ERROR_RED)))
        elif checked is None:
            item.setText(self.tr("未校验"))
            item.setForeground(QBrush(QColor(MUTED_TEXT)))
        elif checked.damaged:
            item.setText(self.tr("✗ 已损坏:{0}").format(";".join(problems[:2])))
            item.setForeground(QBrush(QColor(ERROR_RED)))
        elif problems:  # whole, but another office's, or from a newer version
            item.setText(self.tr("✗ 不能用于恢复:{0}").format(";".join(problems[:2])))
            item.setForeground(QBrush(QColor(ERROR_RED)))
        else:
            item.setText(self.tr("✓ 完好"))
            item.setForeground(QBrush(QColor(OK)))
        item.setToolTip(item.text())

    def selected_file(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self._files):
            return None
        return self._files[rows[0].row()]

    def _update_buttons(self) -> None:
        selected = self.selected_file()
        chosen = selected is not None
        running = self.worker is not None
        self.check_button.setEnabled(chosen)
        self.restore_button.setEnabled(chosen and selected not in self._failed)
        self.check_all_button.setEnabled(bool(self._files))
        self.backup_button.setEnabled(not running)
        self.choose_button.setEnabled(not running)
        self.default_button.setEnabled(not running)

    # Checking ------------------------------------------------------------------------
    def check(self, path: Path) -> BackupCheck:
        """This office's backup, of a version this program reads, whole (the trail and the
        signatures are checked again when it is restored)."""
        checked = backup_problems(path, self.data_dir)
        self._checked[path] = checked
        if path in self._files:
            self._show_check(self._files.index(path), path)
        return checked

    def check_selected(self) -> ProgressDialog | None:
        path = self.selected_file()
        if path is None:
            return None
        return self.check_in_background([path])

    def check_all(self) -> ProgressDialog | None:
        return self.check_in_background(list(self._files)) if self._files else None

    def check_in_background(
        self, paths: list[Path], then: Callable[[dict[Path, BackupCheck]], None] | None = None
    ) -> ProgressDialog:
        """Each backup checked on a worker thread (a large one takes seconds), one file after
        another with progress; 取消 stops between files (a check only reads)."""
        data_dir = self.data_dir

        def work(progress: Progress) -> dict[Path, BackupCheck]:
            found: dict[Path, BackupCheck] = {}
            for n, path in enumerate(paths, start=1):
                if progress.cancelled:
                    break
                progress(n, len(paths), self.tr("正在校验 {0}…").format(path.name))  # file n of N
                found[path] = backup_problems(path, data_dir)
            progress(len(found), len(paths), "")
            return found

        def show(found: dict[Path, BackupCheck]) -> None:
            for path, checked in found.items():
                self._checked[path] = checked
                if path in self._files:
                    self._show_check(self._files.index(path), path)
            self.checked.emit(found)
            if then is not None:
                then(found)

        def said(found: dict[Path, BackupCheck]) -> str:
            bad = sum(1 for c in found.values() if c.problems)
            text = self.tr("已校验 {0} 份备份,{1} 份有问题。").format(len(found), bad)
            if len(found) < len(paths):
                text += self.tr("(已取消,其余 {0} 份没有校验)").format(len(paths) - len(found))
            return text

        return run_with_progress(
            self,
            self.tr("校验备份"),
            self.tr("正在校验备份…"),
            work,
            on_done=show,
            done_text=said,
            unit=FILES,
            cancellable=len(paths) > 1,
            close_when_done=then is not None,
        )

    # 立即备份 -------------------------------------------------------------------------
    def start_backup(self) -> None:
        """立即备份, off the window's thread (SQLite's online backup is safe while we work)."""
        if self.worker is not None:
            return
        self.busy.begin(self.tr("正在备份…"))
        self.busy.show()
        backups = self.backups
        words = {1: self.tr("正在复制数据…"), 2: self.tr("正在检查数据(审计记录与签名)…"),
                 3: self.tr("正在检查备份文件是否完好…"), 4: self.tr("正在轮换旧备份…")}  # fmt: skip
        self.worker = run_in_background(
            self,
            lambda progress: backups.backup_now(progress=lambda d, t: progress(d, t, words.get(d, ""))),
            on_progress=self.busy.update_progress,
            on_done=self._backup_done,
            on_failed=self._backup_failed,
        )
        self._update_buttons()

    def _backup_failed(self, exc: BaseException) -> None:
        """Any failure is reported to the person, never lost (the details go to the log)."""
        log.error("backup now failed", exc_info=exc)
        message = self.tr("备份失败:{0}").format(friendly_error(exc))
        self._backup_done(BackupResult(False, None, message, self.backups.clock.now()))

    def _backup_done(self, result: BackupResult) -> None:
        self.worker = None
        self.busy.hide()
        if result.ok and result.path is not None:
            self._checked[result.path] = BackupCheck([])  # verified by backup_now itself
        self.refresh()
        self.last_message.setStyleSheet("" if result.ok else f"color: {ERROR_RED};")
        self.backup_finished.emit(result.ok)

    # Restore -------------------------------------------------------------------------
    def restore_selected(self) -> ProgressDialog | None:
        """The backup checked first (on a worker thread), then the way to restore it."""
        path = self.selected_file()
        if path is None:
            return None
        return self.check_in_background([path], then=lambda found: self._restore_checked(path, found[path]))

    def _restore_checked(self, path: Path, checked: BackupCheck) -> None:
        problems = checked.problems
        if problems:
            words = (
                self.tr("备份 {0} 已损坏,不能用于恢复:\n{1}\n请选另一份备份。")
                if checked.damaged
                else self.tr("备份 {0} 不能用于恢复:\n{1}\n请选这个服务中心的另一份备份。")
            )
            QMessageBox.warning(self, self.tr("从备份恢复"), words.format(path.name, "\n".join(problems[:5])))
            return
        RestoreDialog(self.data_dir, path, self, self.username).exec()
