"""Logging in: clerks share the office PC, so each works under their own name."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

from app.errors import UserError
from app.staff import StaffService
from ui.dialogs import ActionDialog

if TYPE_CHECKING:
    from app.models import Staff


class LoginDialog(ActionDialog):
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
        super().__init__(
            self.tr("登录 - 回音") if locked_user is None else self.tr("屏幕已锁定 - 回音"),
            self.tr("登录"),
            parent,
            min_width=400,
        )
        self.authenticate = staff.authenticate if isinstance(staff, StaffService) else staff
        self.user: Staff | None = None

        self.body.addWidget(QLabel(f"<h3>{office_name}</h3>"))
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(self.tr("登录名"), self.username)
        self.form.addRow(self.tr("密码"), self.password)
        if locked_user is not None:
            note = QLabel(
                self.tr("较长时间无操作,屏幕已锁定。{0} 请重新输入密码;也可以换其他人登录。").format(
                    locked_user.name
                )
            )
            note.setWordWrap(True)
            self.body.addWidget(note)
            self.username.setText(locked_user.username or "")
            self.password.setFocus()
        if forgot is not None:
            self.forgot_button = QPushButton(self.tr("忘记密码?"))
            self.forgot_button.setFlat(True)
            self.forgot_button.setAutoDefault(False)
            self.forgot_button.clicked.connect(forgot)
            self.form.addRow(self.forgot_button)

    def perform(self) -> None:
        try:
            self.user = self.authenticate(self.username.text(), self.password.text())
        except UserError:
            self.password.selectAll()
            self.password.setFocus()
            raise
