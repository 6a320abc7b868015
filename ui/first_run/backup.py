"""6. 备份: the folder the daily backup goes to; a folder on the data's own disk is warned
about (`app.setup.same_disk`), stored through `SetupService.set_backup_folder`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from app.errors import ValidationError
from app.setup import same_disk
from app.validation import clean_text
from ui.first_run.common import OptionalPage, hint_label, with_error
from ui.widgets import Banner

if TYPE_CHECKING:
    from app.office import Office
    from app.setup import SetupService


class FirstRunBackupPage(OptionalPage):
    """The folder the daily backup goes to (a USB stick or another disk, best)."""

    def __init__(self, office: Office, setup: SetupService) -> None:
        super().__init__(office, setup)
        self.setTitle(self.tr("备份"))
        self.setSubTitle(self.tr("每天自动备份一次。请选 U 盘或另一块硬盘上的文件夹:电脑硬盘坏了,备份还在。"))
        self.default = office.data_dir / "backups"
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("默认:{0}").format(str(self.default)))
        self.folder.textChanged.connect(self._update_warning)
        self.choose_button = QPushButton(self.tr("选择…"))
        self.choose_button.clicked.connect(self._choose)
        self.default_button = QPushButton(self.tr("用默认"))
        self.default_button.clicked.connect(self.folder.clear)
        row = QHBoxLayout()
        box, self.error = with_error(self.folder)
        row.addWidget(box, 1)
        row.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.default_button, 0, Qt.AlignmentFlag.AlignTop)
        self.warning = Banner("warn")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("备份文件夹")))
        layout.addLayout(row)
        layout.addWidget(self.warning)
        layout.addWidget(
            hint_label(
                self.tr(
                    "备份按天、周、月轮换保留(最近 7 天、4 周、12 个月)。U 盘没插时程序会提醒,不会丢数据。"
                )
            )
        )
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.folder.setText(self.setup.backup_folder())
        self._update_warning()

    def target(self) -> Path:
        text = clean_text(self.folder.text())
        return Path(text).expanduser() if text else self.default

    def _update_warning(self) -> None:
        if not clean_text(self.folder.text()):
            self.warning.show_message(
                self.tr("默认文件夹在数据文件夹里:能防误删,不能防硬盘损坏。建议另选 U 盘或另一块硬盘。"),
                "info",
            )
        elif same_disk(self.target(), self.office.data_dir):
            self.warning.show_message(
                self.tr(
                    "⚠ 这个文件夹与数据在同一块磁盘上:硬盘坏了,备份也会一起丢失。建议选 U 盘或另一块硬盘。"
                ),
                "warn",
            )
        else:
            self.warning.hide()

    def _choose(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("选择备份文件夹"), str(self.target()))
        if name:
            self.folder.setText(name)

    def save(self) -> bool:
        text = clean_text(self.folder.text())
        folder = self.target()
        if text:
            if not folder.is_absolute():
                self.error.set_error(self.tr("请填写完整路径,例如 E:\\回音备份,或点“选择…”"))
                return False
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                self.error.set_error(
                    self.tr("无法建立这个文件夹:{0}(U 盘没插好?)").format(exc.strerror or exc)
                )
                return False
            if not os.access(folder, os.W_OK):
                self.error.set_error(self.tr("这个文件夹不能写入,请换一个"))
                return False
        value = str(folder) if text and folder != self.default else ""
        self.error.set_error(None)
        try:
            self.setup.set_backup_folder(value)
        except ValidationError as exc:
            self.error.set_error(";".join(exc.problems.values()))
            return False
        return True
