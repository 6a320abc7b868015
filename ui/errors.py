"""What went wrong, told to the clerk: a sentence with what to do; Python's own text goes to the log."""

from __future__ import annotations

import errno

from PySide6.QtCore import QCoreApplication

from app.errors import UserError


def friendly_error(value: BaseException) -> str:
    """What went wrong, as a sentence a clerk can act on; Python's own text goes to the log only."""
    if isinstance(value, UserError):
        return str(value)
    if isinstance(value, OSError):
        where = value.filename or ""
        if value.errno == errno.ENOSPC:
            return QCoreApplication.translate(
                "app", "磁盘(或 U 盘)已满,无法写入。请清理出空间或换一个位置后再试。"
            )
        if isinstance(value, PermissionError):
            return QCoreApplication.translate(
                "app", "没有权限读写“{0}”:文件夹只读,或文件正被其他程序打开。请关闭该文件或换一个位置后再试。"
            ).format(where)
        if isinstance(value, FileNotFoundError):
            return QCoreApplication.translate(
                "app", "找不到“{0}”:文件可能已被移动或删除,或 U 盘已拔出。"
            ).format(where)
        return QCoreApplication.translate(
            "app", "读写文件“{0}”时出错。请检查磁盘或 U 盘是否正常后再试。"
        ).format(where)
    if "database is locked" in str(value) or "database is busy" in str(value):
        return QCoreApplication.translate(
            "app", "数据正被另一项工作(导入、备份或另一个窗口)占用,请稍候再试。"
        )
    if isinstance(value, MemoryError):
        return QCoreApplication.translate("app", "内存不足。请关闭其他程序后再试。")
    return QCoreApplication.translate("app", "程序遇到一个意外错误。")
