"""The session at the shared PC: idle lock, someone else logging in, switching user."""

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

import ui.session as session_module
from ui.session import Session


class FakeLogin:
    """Stands in for the login dialog: answers with the person the test chose."""

    DialogCode = session_module.LoginDialog.DialogCode
    answer = None
    seen: list = []

    def __init__(self, staff, office_name, parent=None, locked_user=None):
        FakeLogin.seen.append(locked_user.name if locked_user else None)
        self.user = FakeLogin.answer

    def exec(self):
        return self.DialogCode.Accepted if self.user else self.DialogCode.Rejected


@pytest.fixture
def session(qtbot, office, admin, monkeypatch):
    monkeypatch.setattr(session_module, "LoginDialog", FakeLogin)
    FakeLogin.seen = []
    s = Session(office, admin)
    s.start()
    qtbot.addWidget(s.window)
    yield s
    if s.window is not None:
        s.window.close()


def test_idle_lock_asks_the_same_person_again(session, admin):
    FakeLogin.answer = admin
    window = session.window
    session.lock()
    assert FakeLogin.seen == ["王管理"]
    assert session.window is window and window.isEnabled()


def test_someone_else_takes_over_after_the_lock(qtbot, session, office):
    clerk = office.staff.save_staff("李客服", "clerk", username="li", password="secret1")
    FakeLogin.answer = clerk
    session.lock()
    qtbot.addWidget(session.window)
    assert session.user.name == "李客服" and "李客服" in session.window.status_user.text()


def test_input_restarts_the_idle_timer(session, qapp):
    session.idle.stop()
    qapp.sendEvent(
        session.window, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier)
    )
    assert session.idle.isActive()
    assert session.idle.interval() == 10 * 60_000


def test_switch_user(qtbot, session, office):
    steward = office.staff.save_staff("赵物管", "steward", username="zhao", password="secret1")
    FakeLogin.answer = steward
    session.switch_user()
    qtbot.addWidget(session.window)
    assert session.user.name == "赵物管" and "stats" not in session.window.nav_keys
