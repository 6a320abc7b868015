"""What an import (or export) did, for the command line and the import dialog; and
the two ways an import ends without writing anything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

Progress = Callable[[int, int], None]  # (rows done, rows in all)
Cancelled = Callable[[], bool]  # asked now and then: True stops the import, nothing written


@dataclass
class ImportReport:
    """What an import (or export) did, for the command line and the import dialog."""

    imported: int = 0
    problems: list[str] = field(default_factory=list)
    added_categories: list[str] = field(default_factory=list)
    rejected_file: Path | None = None
    cancelled: bool = False
    added_departments: list[str] = field(default_factory=list)
    updated: int = 0  # owners already on file whose details were replaced
    noun: str = "件"  # 件 for cases, 人 for owners
    exported_to: Path | None = None  # set for an export
    failed: str = ""  # the file could not be read at all
    kept: list[str] = field(default_factory=list)  # blank cells that kept the value on file

    def summary(self) -> str:
        if self.failed:
            return f"未导入:{self.failed}"
        if self.exported_to is not None:
            return f"已导出 {self.imported} {self.noun}到 {self.exported_to}"
        if self.cancelled:
            return "已取消,未导入任何内容"
        if self.problems and self.rejected_file is None:
            return f"发现 {len(self.problems)} 处错误,未导入任何内容。请改正后重新导入,或选择“跳过错误行”。"
        parts = [f"导入 {self.imported} {self.noun}"]
        if self.updated:
            parts[0] += f"(其中 {self.updated} {self.noun}已在名册中,已更新)"
        if self.added_categories:
            parts.append(f"新增类别:{'、'.join(self.added_categories)}")
        if self.added_departments:
            parts.append(f"新增部门:{'、'.join(self.added_departments)}")
        if self.rejected_file is not None:
            rows = len({p.split(" ", 1)[0] for p in self.problems})
            parts.append(f"跳过 {rows} 行,已写入 {self.rejected_file}")
        if self.kept:
            parts.append(f"{len(self.kept)} 处空格保留了原有资料(要清除请在业主档案中修改)")
        return ";".join(parts)


class ImportCancelled(Exception):
    """Raised inside the transaction to roll the whole import back."""


class ImportRolledBack(Exception):
    """All-or-nothing import with problems: roll everything back."""
