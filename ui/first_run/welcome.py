"""1. 欢迎: the office's name and its first administrator (a commit page: the office exists
once 下一步 leaves it, and the wizard cannot go back to it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWizard, QWizardPage

from app.errors import ValidationError
from ui.first_run.common import HINT_STYLE, hint_label, with_error
from ui.widgets import INVALID_STYLE, ErrorLabel, FieldErrors

if TYPE_CHECKING:
    from ui.first_run.wizard import FirstRunDialog


class FirstRunWelcomePage(QWizardPage):
    """The office's name and its first administrator: the one page that must be filled."""

    def __init__(self, wizard: FirstRunDialog) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.office = wizard.office
        self.setTitle(self.tr("欢迎使用回音"))
        self.setSubTitle(self.tr("件件有着落,事事有回音。第一次使用,请填写服务中心名称并设立第一位管理员。"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("建立并继续"))
        self.setStyleSheet(INVALID_STYLE)

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
        self.confirm.setPlaceholderText(self.tr("与上面相同"))

        self.general_error = ErrorLabel()
        self.errors = FieldErrors(self.general_error)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        for name, label, widget, hint in (
            ("服务中心名称", self.tr("服务中心名称"), self.office_name, self.tr("印在各种表格的抬头")),
            ("管理员姓名", self.tr("管理员姓名"), self.admin_name, ""),
            ("管理员登录名", self.tr("管理员登录名"), self.username, self.tr("登录时输入")),
            ("密码", self.tr("密码"), self.password, ""),
            ("再输一次密码", self.tr("再输一次密码"), self.confirm, ""),
        ):
            box, error = with_error(widget, hint, 300)
            form.addRow(label, box)
            self.errors.bind(name, error, widget)

        where = QLabel(self.tr("数据保存在:{0}").format(str(self.office.data_dir)))
        where.setStyleSheet(HINT_STYLE)
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout.addWidget(hint_label(self.tr("只有这一页必须填写;后面各页都可以跳过,以后在「设置」中补上。")))
        layout.addWidget(where)

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        if self.wizard_.admin is not None:
            return True
        self.errors.clear()
        if self.password.text() != self.confirm.text():
            self.errors.show({"再输一次密码": self.tr("两次输入的密码不一致")})
            return False
        try:
            self.wizard_.admin = self.office.initialise(
                self.office_name.text(), self.username.text(), self.password.text(), self.admin_name.text()
            )
        except ValidationError as exc:
            self.errors.show(exc.problems)
            return False
        for widget in (self.office_name, self.admin_name, self.username, self.password, self.confirm):
            widget.setReadOnly(True)
        self.wizard_.initialised()
        if self.office.recovery_key:  # shown once: printed or written down before going on
            from ui.recovery import RecoveryKeyDialog

            # window-modal, not exec(): the wizard waits behind it until the key is taken down
            self.recovery_dialog = RecoveryKeyDialog(
                self.office.name, self.office.recovery_key, self.office.data_dir, self
            )
            self.recovery_dialog.open()
            self.office.recovery_key = ""
        return True
