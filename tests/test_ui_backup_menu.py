"""文件 → 立即备份 off the window's thread (issue 17): the real backup runs on a worker thread
while the window keeps handling events; the status bar says it is busy, the menu item waits,
and the result (or why it failed) is told in the same message as before."""

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

from app.backup import integrity_problems
from app.permissions import set_person
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class Held:
    """Wraps the backup service's `folder()`: on a worker thread (where the backup asks it
    first) it records the thread and holds the backup until the test releases it. The window's
    own status reads on its thread pass straight through."""

    def __init__(self, backups, monkeypatch) -> None:
        self.threads: list[threading.Thread] = []
        self.reached = threading.Event()
        self.release = threading.Event()
        real = backups.folder

        def folder(*args, **kwargs):
            if threading.current_thread() is not threading.main_thread():
                self.threads.append(threading.current_thread())
                self.reached.set()
                assert self.release.wait(20), "the test never released the backup"
            return real(*args, **kwargs)

        monkeypatch.setattr(backups, "folder", folder)


@pytest.fixture
def told(monkeypatch):
    """The message boxes the window shows: (kind, title, text)."""
    shown: list[tuple[str, str, str]] = []
    monkeypatch.setattr(
        "ui.main_window.QMessageBox.information",
        lambda parent, title, text: shown.append(("info", title, text)),
    )
    monkeypatch.setattr(
        "ui.main_window.QMessageBox.warning",
        lambda parent, title, text: shown.append(("warning", title, text)),
    )
    return shown


@pytest.fixture
def window(qtbot, office, admin):
    w = MainWindow(office, admin)
    qtbot.addWidget(w)
    w.show()
    return w


def the_window_answers(qtbot) -> None:
    fired: list[bool] = []
    QTimer.singleShot(10, lambda: fired.append(True))
    qtbot.waitUntil(lambda: bool(fired), timeout=5000)


def test_backup_now_runs_on_a_worker_and_says_how_it_went(qtbot, window, office, told, monkeypatch):
    held = Held(office.backups, monkeypatch)
    assert "还没有成功的备份" in window.status_backup.text()
    window.backup_now_action.trigger()
    assert held.reached.wait(10)
    assert held.threads[0] is not threading.main_thread()
    the_window_answers(qtbot)
    assert not window.backup_now_action.isEnabled()
    assert window.backup_busy.isVisible()
    assert [label.text() for label in window.backup_busy.findChildren(QLabel)] == ["正在备份…"]
    window.backup_now_action.trigger()  # disabled: a second backup is not started
    assert told == [] and len(held.threads) == 1

    held.release.set()
    qtbot.waitUntil(lambda: bool(told), timeout=30000)
    assert len(told) == 1
    kind, title, text = told[0]
    assert kind == "info" and title == "备份" and text.startswith("备份成功并已校验")
    path = Path(text.split("\n")[-1])
    assert path.parent == office.backups.folder() and path.is_file() and integrity_problems(path) == []
    assert window.backup_now_action.isEnabled() and not window.backup_busy.isVisible()
    assert window.status_backup.text() == "备份正常"
    assert window.backup_job is None


def test_a_missing_backup_folder_is_told_as_before(qtbot, window, office, admin, told, monkeypatch, tmp_path):
    set_person(admin)
    policy = office.policies.load()
    stick = tmp_path / "missing-usb" / "回音备份"
    policy.backup.folder = str(stick)
    office.policies.save(policy)
    expected = office.backups.backup_now()  # what the menu said before, on this thread
    held = Held(office.backups, monkeypatch)
    window.backup_now_action.trigger()
    assert held.reached.wait(10) and held.threads[0] is not threading.main_thread()
    the_window_answers(qtbot)
    assert not window.backup_now_action.isEnabled()
    held.release.set()
    qtbot.waitUntil(lambda: bool(told), timeout=30000)
    assert told == [("warning", "备份", expected.message)]
    assert f"备份文件夹 {stick} 不存在:U 盘未插入?" in expected.message
    assert not stick.exists()
    assert window.backup_now_action.isEnabled() and not window.backup_busy.isVisible()
    assert window.status_backup.text().startswith("⚠ 备份:")


def test_a_failure_on_the_thread_is_told_in_words(qtbot, window, office, told, monkeypatch):
    """The backup fails in a way the service does not word itself (it is refused for the person
    acting): the window says so in a sentence, and the menu item is back."""
    clerk = office.staff.save_staff("李客服", "clerk")
    set_person(clerk)  # the window's person changed under it (a switch of user) before the click
    window.backup_now_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=30000)
    assert told == [("warning", "备份", "备份失败:李客服没有“备份与恢复”的权限,请由有权限的人员操作")]
    assert window.backup_now_action.isEnabled() and not window.backup_busy.isVisible()
