"""恢复密钥单: the one sheet that opens the office when every administrator's password is lost.

Printed once at set-up (and after a new recovery key is made); the program keeps no copy.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from reports.base import GRID, Report
from reports.fonts import register


class RecoverySheet(Report):
    title = "恢复密钥单"

    def __init__(
        self, office_name: str, key: str, data_dir: str, made: dt.datetime, language: str | None = None
    ) -> None:
        super().__init__(office_name, language)
        self.key = key
        self.data_dir = data_dir
        self.made = made

    def _story(self) -> list[Flowable]:
        s = self.styles
        label = self.label
        key_style = s["title"].clone("recovery_key", fontSize=22, leading=30)
        rows = [
            [label("服务中心"), self.office_name],
            [label("数据文件夹"), Paragraph(self.data_dir, s["body"])],
            [label("生成时间"), f"{self.made:%Y-%m-%d %H:%M}"],
        ]
        table = Table(rows, colWidths=[35 * mm, 140 * mm])
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), register(), 10.5),
                    ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            )
        )
        steps = [
            label(
                "管理员忘记密码时,用这把恢复密钥为管理员设新密码:在登录窗口点“忘记密码”,或运行 recover 命令。"
            ),
            label("程序不保存这把密钥的副本。丢了它,又忘了所有管理员的密码,加密的数据将无法打开。"),
            label("请把这张纸锁在保险柜或上锁的抽屉里,不要和备份 U 盘放在一起,不要拍照或存在电脑上。"),
        ]
        return [
            Paragraph(label("恢复密钥单"), s["title"]),
            Spacer(1, 4 * mm),
            table,
            Spacer(1, 8 * mm),
            Paragraph(self.key, key_style),
            Spacer(1, 8 * mm),
            *[Paragraph(f"{i}. {text}", s["body"]) for i, text in enumerate(steps, 1)],
        ]
