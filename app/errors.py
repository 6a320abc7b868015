"""Errors the user sees, in Chinese, naming the field (or the spreadsheet row and column)."""

from __future__ import annotations


class UserError(Exception):
    """Bad input or a forbidden step; `str()` is the message to show."""


class ValidationError(UserError):
    """One or more fields are wrong: field name -> reason."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__(";".join(f"{k}:{v}" for k, v in self.problems.items()))


def describe_storage_error(exc: BaseException) -> str:
    """A database or file error in words the office understands, with the way out."""
    text = str(exc).lower()
    if "disk is full" in text or "no space" in text or getattr(exc, "errno", None) == 28:
        return "磁盘已满,刚才的操作没有保存(已保存的数据不受影响)。请清理磁盘空间后重试。"
    if (
        "readonly" in text
        or "read-only" in text
        or "permission denied" in text
        or getattr(exc, "errno", None) in (13, 30)
    ):
        return "数据文件夹是只读的或没有写入权限,刚才的操作没有保存。请检查文件夹权限,或用 --data-dir 换一个文件夹。"
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return "数据文件已损坏。请用“从备份恢复”(命令:python -m app restore 备份文件)恢复最近的好备份。"
    if "locked" in text or "busy" in text:
        return "数据文件正被另一个程序占用,请稍后再试。"
    return f"数据无法保存:{exc}"
