"""The recovery key: shown (and printed) once at set-up, and used when every administrator's
password is forgotten (忘记密码)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.clock import SystemClock
from app.errors import UserError
from app.office import Office
from reports.recovery_sheet import RecoverySheet
from ui.dialogs import ActionDialog
from ui.i18n import read_language


class RecoveryKeyDialog(QDialog):
    """The new recovery key, once: print it or write it down before going on."""

    def __init__(self, office_name: str, key: str, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.office_name = office_name
        self.key = key
        self.data_dir = data_dir
        self.setWindowTitle(self.tr("恢复密钥 - 回音"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "数据已加密,只有登录才能打开。管理员忘记密码时,要用下面的恢复密钥设新密码。"
                "程序只显示这一次,不保存副本:请现在打印或抄下来,锁在安全的地方。"
            )
        )
        intro.setWordWrap(True)
        self.key_label = QLabel(key)
        font = QFont(self.key_label.font())
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.key_label.setFont(font)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_button = QPushButton(self.tr("打印恢复密钥单…"))
        self.print_button.clicked.connect(self.print_sheet)
        copy = QPushButton(self.tr("复制"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.key))
        self.confirm = QCheckBox(self.tr("我已打印或抄下恢复密钥,并会妥善保管"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("继续"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.confirm.toggled.connect(self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.key_label)
        layout.addWidget(self.print_button)
        layout.addWidget(copy)
        layout.addWidget(self.confirm)
        layout.addWidget(self.buttons)

    def sheet_pdf(self) -> bytes:
        return RecoverySheet(
            self.office_name, self.key, str(self.data_dir), SystemClock().now(), read_language(self.data_dir)
        ).generate()

    def print_sheet(self) -> None:
        from ui.pdf_preview import PdfPreviewDialog

        PdfPreviewDialog(self.sheet_pdf(), self.tr("恢复密钥单"), self.tr("恢复密钥单") + ".pdf", self).exec()

    def reject(self) -> None:  # Esc: the key must be taken down first
        if self.confirm.isChecked():
            super().reject()


class ForgotPasswordDialog(ActionDialog):
    """忘记密码: the recovery key opens the office and gives an administrator a new password."""

    def __init__(
        self, data_dir: Path, parent: QWidget | None = None, recover: Callable[..., Office] = Office.recover
    ) -> None:
        super().__init__(self.tr("忘记密码 - 回音"), self.tr("设新密码并登录"), parent)
        self.data_dir = data_dir
        self.recover = recover
        self.office: Office | None = None
        intro = QLabel(
            self.tr("输入设立时打印的恢复密钥单上的密钥(不区分大小写,短横线可省略),为管理员设一个新密码。")
        )
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        self.recovery = QLineEdit()
        self.admin = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(self.tr("恢复密钥"), self.recovery)
        self.form.addRow(self.tr("管理员登录名"), self.admin)
        self.form.addRow(self.tr("新密码"), self.password)
        self.form.addRow(self.tr("再输一次"), self.again)

    def perform(self) -> None:
        if self.password.text() != self.again.text():
            raise UserError(self.tr("两次输入的密码不一致"))
        self.office = self.recover(
            self.data_dir, self.recovery.text(), self.admin.text(), self.password.text()
        )
