"""Errors the user sees, in Chinese, naming the field (or the spreadsheet row and column)."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from app.i18n import term, tr

log = logging.getLogger(__name__)


class UserError(Exception):
    """Bad input or a forbidden step; `str()` is the message to show."""


class ValidationError(UserError):
    """One or more fields are wrong: field name -> reason."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = dict(
            problems
        )  # keys stay the source's field names (windows find their field by them)
        super().__init__(
            tr(";").join(tr("{field}:{reason}", field=term(k), reason=v) for k, v in self.problems.items())
        )


# errno values by number, so that the words are the same on Windows and Linux.
_EPERM, _ENOENT, _EIO, _EACCES, _EFBIG, _ENOSPC, _EROFS, _EDQUOT = 1, 2, 5, 13, 27, 28, 30, 122
_WIN_SHARING = (32, 33)  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION: the file is open elsewhere
_WIN_DISK_FULL = (39, 112)  # ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
_WIN_WRITE_PROTECT = 19  # ERROR_WRITE_PROTECT


def _errno(exc: BaseException) -> int | None:
    number = getattr(exc, "errno", None)
    return number if isinstance(number, int) else None


def _winerror(exc: BaseException) -> int | None:
    number = getattr(exc, "winerror", None)
    return number if isinstance(number, int) else None


def describe_storage_error(exc: BaseException) -> str:
    """A database or file error in words the office understands, with the way out.

    A full disk and a folder that cannot be written are never answered with "restore a
    backup": nothing is damaged, the advice is to make room or choose another folder."""
    text = str(exc).lower()
    number, win = _errno(exc), _winerror(exc)
    if "disk is full" in text or "no space" in text or number in (_ENOSPC, _EDQUOT) or win in _WIN_DISK_FULL:
        return tr(
            "磁盘已满,刚才的操作没有保存(已保存的数据不受影响)。"
            "请清理磁盘空间(或换一个有空间的 U 盘/文件夹)后重试。"
        )
    if number == _EFBIG or "file too large" in text:
        return tr(
            "文件超过了这块磁盘允许的大小(FAT32 格式的 U 盘单个文件最大 4 GB),刚才的操作没有保存。"
            "请换一个 NTFS/exFAT 格式的磁盘或文件夹后重试。"
        )
    if win in _WIN_SHARING:
        return tr("文件正被另一个程序(例如 Excel 或 PDF 阅读器)打开,刚才的操作没有保存。请先关闭它再重试。")
    if number == _EROFS or win == _WIN_WRITE_PROTECT or "read-only file system" in text:
        return tr(
            "这块磁盘是只读的(U 盘的写保护开关?光盘?),刚才的操作没有保存,已有的数据不受影响。"
            "请换一个可以写入的文件夹(数据文件夹可用 --data-dir 指定)。"
        )
    if (
        "readonly" in text
        or "read-only" in text
        or "permission denied" in text
        or "unable to open database file" in text
        or number in (_EACCES, _EPERM)
        or isinstance(exc, PermissionError)
    ):
        return tr(
            "这个文件夹是只读的或没有写入权限,刚才的操作没有保存,已有的数据不受影响。"
            "请换一个有写入权限的文件夹(数据文件夹可用 --data-dir 指定),或请电脑管理员开放这个文件夹的权限。"
        )
    if number == _ENOENT or isinstance(exc, FileNotFoundError):
        return tr(
            "文件夹不存在(U 盘拔出了?网络盘断开了?),刚才的操作没有保存。请插好 U 盘或换一个文件夹后重试。"
        )
    if number == _EIO or "disk i/o error" in text:
        return tr(
            "读写磁盘时出错(U 盘松动或损坏?),刚才的操作可能没有保存。请检查磁盘后重试,必要时换一个 U 盘。"
        )
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return tr(
            "数据文件已损坏。请用“从备份恢复”(命令:python -m huiyin restore 备份文件)恢复最近的好备份。"
        )
    if "locked" in text or "busy" in text:
        return tr("数据文件正被占用(另一个窗口或一次导入正在写入),刚才的操作没有保存。请稍等片刻再保存一次,填写的内容还在。")
    log.error("storage error without words: %r", exc)
    return tr("数据无法保存,刚才的操作没有保存。请重试;仍不行请把日志文件交给管理员。")


def describe_file_error(exc: OSError, path: Path | None = None) -> str:
    """Writing or reading one file (an export, a PDF) failed: what happened and what to do,
    naming the file; Python's own text goes to the log, not here."""
    name = tr("“{name}”", name=path.name) if path is not None else tr("文件")
    number, win = _errno(exc), _winerror(exc)
    if path is not None and (win in _WIN_SHARING or (isinstance(exc, PermissionError) and path.exists())):
        # Windows refuses to replace a file that Excel (or a PDF reader) has open.
        return tr(
            "无法保存{name}:这个文件可能正在 Excel 或 PDF 阅读器中打开,请先关闭它再重试;"
            "也可能是文件夹“{folder}”没有写入权限,那就请换一个文件夹。",
            name=name,
            folder=path.parent,
        )
    if number in (_EACCES, _EPERM) or isinstance(exc, PermissionError):
        if path is None:
            return tr("无法保存{name}:这个文件夹是只读的或没有写入权限。请换一个文件夹保存。", name=name)
        return tr(
            "无法保存{name}:文件夹“{folder}”是只读的或没有写入权限。请换一个文件夹保存。",
            name=name,
            folder=path.parent,
        )
    if number == _ENOENT or isinstance(exc, FileNotFoundError):
        if path is None:
            return tr("无法保存{name}:文件夹不存在(U 盘拔出了?)。请插好 U 盘或换一个位置保存。", name=name)
        return tr(
            "无法保存{name}:文件夹“{folder}”不存在(U 盘拔出了?)。请插好 U 盘或换一个位置保存。",
            name=name,
            folder=path.parent,
        )
    if not _has_words(exc):
        log.error("file error without words: %r", exc)
        return tr("无法保存{name}:系统拒绝了写入。请换一个位置保存,仍不行请把日志交给管理员。", name=name)
    words = describe_storage_error(exc)
    return tr("无法保存{name}:{words}", name=name, words=words)


def _has_words(exc: BaseException) -> bool:
    """Whether describe_storage_error knows this error (rather than its last resort)."""
    text = str(exc).lower()
    number, win = _errno(exc), _winerror(exc)
    known_numbers = (_ENOSPC, _EDQUOT, _EFBIG, _EROFS, _EACCES, _EPERM, _ENOENT, _EIO)
    known_words = (
        "disk is full", "no space", "file too large", "read-only", "readonly", "permission denied",
        "unable to open database file", "disk i/o error", "malformed", "not a database", "corrupt",
        "locked", "busy",
    )  # fmt: skip
    return (
        number in known_numbers
        or win in (*_WIN_DISK_FULL, *_WIN_SHARING, _WIN_WRITE_PROTECT)
        or any(w in text for w in known_words)
        or isinstance(exc, (PermissionError, FileNotFoundError))
    )


def save_file(target: Path, write: Callable[[Path], object]) -> None:
    """Write `target` through `target.partial`: `write(temporary path)` fills it, it is flushed
    to the disk and then renamed over the target in one step. On any failure the partial
    file is removed and the target is as it was; an OSError becomes a UserError in words."""
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    try:
        write(partial)
        with open(partial, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(partial, target)
    except OSError as exc:
        log.warning("could not write %s: %r", target, exc)
        raise UserError(describe_file_error(exc, target)) from exc
    finally:
        try:
            partial.unlink(missing_ok=True)
        except OSError:
            log.warning("could not remove %s", partial, exc_info=True)


def write_bytes(target: Path, data: bytes) -> None:
    """A PDF or any finished file saved whole or not at all (see `save_file`)."""
    save_file(target, lambda partial: partial.write_bytes(data))
