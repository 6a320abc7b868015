"""The crash dialog speaks the clerk's language: what happened and what to do, never Python's text."""

import errno
import logging
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.app import friendly_error, install_excepthook


def _shown_text_of_crash(qtbot, exc: BaseException, tmp_path) -> str:
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    old = sys.excepthook
    install_excepthook(tmp_path / "huiyin.log")
    try:
        QTimer.singleShot(0, read_and_close)
        sys.excepthook(type(exc), exc, None)
    finally:
        sys.excepthook = old
    return seen[0]


def test_full_disk_is_told_in_words_with_a_reference_that_is_in_the_log(qtbot, tmp_path, caplog):
    exc = OSError(errno.ENOSPC, "No space left on device", "/media/u/回访记录表.pdf")
    with caplog.at_level(logging.ERROR):
        text = _shown_text_of_crash(qtbot, exc, tmp_path)
    assert "磁盘(或 U 盘)已满" in text
    assert "No space left" not in text and "Errno" not in text
    reference = text.split("错误编号 ")[1][:8]
    assert reference in caplog.text and "No space left on device" in caplog.text


def test_python_messages_never_reach_the_screen(qtbot, tmp_path):
    text = _shown_text_of_crash(qtbot, TypeError("open expected 2 arguments, got 0"), tmp_path)
    assert "open expected" not in text
    assert "程序遇到一个意外错误" in text and "未保存的表单有草稿" in text


def test_each_kind_of_file_error_gets_its_advice(tmp_path):
    path = str(tmp_path / "x.pdf")
    assert "没有权限" in friendly_error(PermissionError(errno.EACCES, "Permission denied", path))
    assert "U 盘已拔出" in friendly_error(FileNotFoundError(errno.ENOENT, "No such file", path))
    assert path in friendly_error(OSError(errno.EIO, "I/O error", path))
    assert "内存不足" in friendly_error(MemoryError())
