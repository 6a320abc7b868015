"""Logging in and 忘记密码: both dialogs keep what was typed when refused and say why."""

from PySide6.QtCore import Qt

from app.office import Office
from tests.helpers.qt_input import type_text
from ui.login import LoginDialog
from ui.recovery import ForgotPasswordDialog


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_wrong_password_is_refused_and_the_right_one_logs_in(qtbot, office, admin):
    dialog = LoginDialog(office.staff, office.name)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ok_button.text() == "登录"
    type_text(qtbot, dialog.username, "admin")
    type_text(qtbot, dialog.password, "wrong-one")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and dialog.user is None
    assert dialog.error.text().startswith("登录名或密码不对") and dialog.username.text() == "admin"
    assert dialog.password.selectedText() == "wrong-one"
    dialog.password.setText("secret1")
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, dialog.ok_button)
    assert dialog.user is not None and dialog.user.id == admin.id


def test_the_locked_screen_names_the_person_and_offers_forgot(qtbot, office, admin):
    asked = []
    dialog = LoginDialog(office.staff, office.name, locked_user=admin, forgot=lambda: asked.append(1))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "屏幕已锁定 - 回音" and dialog.username.text() == "admin"
    click(qtbot, dialog.forgot_button)
    assert asked == [1] and dialog.isVisible()


def test_forgot_password_needs_the_same_password_twice_and_the_right_key(qtbot, tmp_path, clock):
    data = tmp_path / "data"
    office = Office.open(data, clock)
    office.initialise("阳光花园物业服务中心", "admin", "secret1", "王管理")
    key = office.recovery_key
    office.close()

    dialog = ForgotPasswordDialog(data)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.recovery, "AAAA-BBBB")
    type_text(qtbot, dialog.admin, "admin")
    type_text(qtbot, dialog.password, "newpass1")
    type_text(qtbot, dialog.again, "newpass2")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and dialog.error.text() == "两次输入的密码不一致"
    dialog.again.setText("newpass1")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and dialog.office is None and dialog.error.text()
    assert dialog.recovery.text() == "AAAA-BBBB"  # nothing typed is lost
    dialog.recovery.setText(key)
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, dialog.ok_button)
    assert dialog.office is not None and dialog.office.user.username == "admin"
    dialog.office.close()
    again = Office.login(data, "admin", "newpass1", clock)
    again.close()
