"""7. 完成: what is set up, from the data itself (so going back and forth cannot mislead)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWizardPage

from app import domain
from app.i18n import term
from ui.first_run.common import hint_label
from ui.palette import MUTED_TEXT

if TYPE_CHECKING:
    from app.office import Office
    from app.setup import SetupService


class FirstRunDonePage(QWizardPage):
    """What is set up now, read back from the data."""

    def __init__(self, office: Office, setup: SetupService) -> None:
        super().__init__()
        self.office = office
        self.setup = setup
        self.setTitle(self.tr("完成"))
        self.setSubTitle(self.tr("设置完成,可以开始使用了。"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addWidget(hint_label(self.tr("以上各项以后都可以在「设置」中修改。")))

    def lines(self) -> list[tuple[str, str]]:
        """What is set up, from the data itself (so going back and forth cannot mislead)."""
        on_file = self.setup.on_file()
        rooms, owners = on_file.rooms, on_file.owners
        admins = [p.name for p in self.office.staff.staff(role="admin")]
        others = [p for p in self.office.staff.staff() if p.role != "admin"]
        by_role: dict[str, list[str]] = {}
        for person in others:
            by_role.setdefault(term(domain.ROLES.get(person.role, person.role)), []).append(person.name)
        departments = [d.name for d in self.office.staff.departments()]
        preset = self.setup.visit_preset() or self.tr("(自定义)")
        folder = self.office.backups.folder()
        return [
            (self.tr("服务中心"), self.office.name),
            (self.tr("管理员"), "、".join(admins)),
            (self.tr("房号"), self.tr("{0} 户,业主 {1} 人").format(f"{rooms:,}", f"{owners:,}") if rooms else self.tr("未设(可在办案时随填随建,或以后导入业主名册)")),
            (self.tr("部门"), "、".join(departments) or self.tr("无")),
            (self.tr("人员"), ";".join(f"{k}:{'、'.join(v)}" for k, v in by_role.items()) or self.tr("仅管理员")),
            (self.tr("回访制度"), preset),
            (self.tr("备份文件夹"), str(folder)),
        ]  # fmt: skip

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        rows = "".join(
            f"<tr><td style='padding:3px 16px 3px 0; color:{MUTED_TEXT}; white-space:nowrap'>{_escape(k)}</td>"
            f"<td style='padding:3px 0'>{_escape(v)}</td></tr>"
            for k, v in self.lines()
        )
        self.summary.setText(f"<table>{rows}</table>")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
