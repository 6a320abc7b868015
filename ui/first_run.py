"""First start with no data: the office's name and its first administrator."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.models import Staff
from app.office import Office


class FirstRunDialog(QDialog):
    """Asks for the office name and the first administrator, then initialises the data folder."""

    def __init__(self, office: Office, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.office = office
        self.admin: Staff | None = None
        self.setWindowTitle(self.tr("欢迎使用回音"))
        self.setMinimumWidth(480)

        intro = QLabel(
            self.tr(
                "<b>件件有着落,事事有回音。</b><br>第一次使用,请填写服务中心名称并设立第一位管理员。"
                "<br>数据保存在:{0}"
            ).format(str(office.data_dir))
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.office_name = QLineEdit()
        self.office_name.setPlaceholderText(self.tr("例如:阳光花园物业服务中心"))
        self.admin_name = QLineEdit()
        self.admin_name.setPlaceholderText(self.tr("例如:王芳"))
        self.username = QLineEdit("admin")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("至少 6 位"))
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)

        form = QFormLayout()
        form.addRow(self.tr("服务中心名称"), self.office_name)
        form.addRow(self.tr("管理员姓名"), self.admin_name)
        form.addRow(self.tr("管理员登录名"), self.username)
        form.addRow(self.tr("密码"), self.password)
        form.addRow(self.tr("再输一次密码"), self.confirm)

        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("开始使用"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("退出"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.password.text() != self.confirm.text():
            self.error.setText(self.tr("两次输入的密码不一致"))
            return
        try:
            self.admin = self.office.initialise(
                self.office_name.text(), self.username.text(), self.password.text(), self.admin_name.text()
            )
        except ValidationError as exc:
            self.error.setText("\n".join(f"{k}:{v}" for k, v in exc.problems.items()))
            return
        super().accept()
