"""What an import (or export) did, for the command line and the import dialog; and
the two ways an import ends without writing anything.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.i18n import tr

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
        owners = self.noun == "人"
        if self.failed:
            return tr("未导入:{reason}", reason=self.failed)
        if self.exported_to is not None:
            if owners:
                return tr("已导出 {count} 人到 {file}", count=self.imported, file=self.exported_to)
            return tr("已导出 {count} 件到 {file}", count=self.imported, file=self.exported_to)
        if self.cancelled:
            return tr("已取消,未导入任何内容")
        if self.problems and self.rejected_file is None:
            return tr(
                "发现 {count} 处错误,未导入任何内容。请改正后重新导入,或选择“跳过错误行”。",
                count=len(self.problems),
            )
        if owners and self.updated:
            parts = [
                tr(
                    "导入 {count} 人(其中 {updated} 人已在名册中,已更新)",
                    count=self.imported,
                    updated=self.updated,
                )
            ]
        elif owners:
            parts = [tr("导入 {count} 人", count=self.imported)]
        else:
            parts = [tr("导入 {count} 件", count=self.imported)]
        if self.added_categories:
            parts.append(tr("新增类别:{names}", names=tr("、").join(self.added_categories)))
        if self.added_departments:
            parts.append(tr("新增部门:{names}", names=tr("、").join(self.added_departments)))
        if self.rejected_file is not None:
            rows = len({_row_of(p) for p in self.problems})
            parts.append(tr("跳过 {rows} 行,已写入 {file}", rows=rows, file=self.rejected_file))
        if self.kept:
            parts.append(tr("{count} 处空格保留了原有资料(要清除请在业主档案中修改)", count=len(self.kept)))
        return tr(";").join(parts)


def _row_of(problem: str) -> str:
    """The row a problem names (its text up to the first number: 第12行…, Row 12…), so that
    two problems of one row count once, in any language."""
    found = re.match(r"\D*\d+", problem)
    return found.group(0) if found else problem


class ImportCancelled(Exception):
    """Raised inside the transaction to roll the whole import back."""


class ImportRolledBack(Exception):
    """All-or-nothing import with problems: roll everything back."""
