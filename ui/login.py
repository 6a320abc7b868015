"""Logging in: clerks share the office PC, so each works under their own name."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.models import Staff
from app.staff import StaffService


class LoginDialog(QDialog):
    """The password opens the person's key slot: at start-up it opens the office itself
    (`staff` is then the function that logs in), later the locked screen or a change of person."""

    def __init__(
        self,
        staff: StaffService | Callable[[str, str], Staff],
        office_name: str,
        parent: QWidget | None = None,
        locked_user: Staff | None = None,
        forgot: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.authenticate = staff.authenticate if isinstance(staff, StaffService) else staff
        self.user: Staff | None = None
        self.setWindowTitle(self.tr("登录 - 回音") if locked_user is None else self.tr("屏幕已锁定 - 回音"))
        self.setMinimumWidth(400)

        title = QLabel(f"<h3>{office_name}</h3>")
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("登录名"), self.username)
        form.addRow(self.tr("密码"), self.password)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        if locked_user is not None:
            note = QLabel(
                self.tr("较长时间无操作,屏幕已锁定。{0} 请重新输入密码;也可以换其他人登录。").format(
                    locked_user.name
                )
            )
            note.setWordWrap(True)
            layout.addWidget(note)
            self.username.setText(locked_user.username or "")
            self.password.setFocus()
        layout.addLayout(form)
        layout.addWidget(self.error)
        if forgot is not None:
            self.forgot_button = QPushButton(self.tr("忘记密码?"))
            self.forgot_button.setFlat(True)
            self.forgot_button.clicked.connect(forgot)
            layout.addWidget(self.forgot_button)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            self.user = self.authenticate(self.username.text(), self.password.text())
        except UserError as exc:
            self.error.setText(str(exc))
            self.password.selectAll()
            self.password.setFocus()
            return
        super().accept()
