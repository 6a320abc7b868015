"""5. 回访制度: one of the seeds' visit presets (`app.visit_policy.presets`), chosen in one click;
every number is editable later in 设置 › 回访制度."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout

from app.errors import ValidationError
from app.visit_policy import presets
from ui.first_run.common import OptionalPage, hint_label
from ui.i18n import QT_TRANSLATE_NOOP
from ui.widgets import ErrorLabel

if TYPE_CHECKING:
    from app.office import Office
    from app.policy_sections import VisitSettings
    from app.setup import SetupService


def describe_preset(visits: VisitSettings) -> str:
    """One line: 投诉 within so many days at such a rate, and the same for repairs."""
    parts = []
    labels = {
        "投诉": QT_TRANSLATE_NOOP("FirstRunPolicyPage", "投诉"),
        "报修": QT_TRANSLATE_NOOP("FirstRunPolicyPage", "维修"),
    }
    for kind, label in labels.items():
        rule = visits.rules[kind]
        if rule.unit == "working":
            unit = QT_TRANSLATE_NOOP("FirstRunPolicyPage", "个工作日")
        else:
            unit = QT_TRANSLATE_NOOP("FirstRunPolicyPage", "天")
        parts.append(
            QCoreApplication.translate("FirstRunPolicyPage", "{0}办结后 {1} {2}内回访,回访率 {3}").format(
                QCoreApplication.translate("FirstRunPolicyPage", label), rule.days,
                QCoreApplication.translate("FirstRunPolicyPage", unit), f"{float(rule.rate):.0%}",
            )
        )  # fmt: skip
    return ";".join(parts)


class FirstRunPolicyPage(OptionalPage):
    """The visit preset closest to the office's own 规程."""

    def __init__(self, office: Office, setup: SetupService) -> None:
        super().__init__(office, setup)
        self.setTitle(self.tr("回访制度"))
        self.setSubTitle(
            self.tr("选一套最接近本处规程的回访制度;各项天数和回访率以后可在「设置 › 回访制度」中逐项修改。")
        )
        self.presets = presets()
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        self.notes: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        for name, visits in self.presets.items():
            button = QRadioButton(name)
            self.group.addButton(button)
            self.buttons[name] = button
            note = hint_label(describe_preset(visits))
            self.notes[name] = note
            note.setContentsMargins(24, 0, 0, 8)
            layout.addWidget(button)
            layout.addWidget(note)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        button = self.buttons.get(self.setup.visit_preset()) or next(iter(self.buttons.values()))
        button.setChecked(True)

    def chosen(self) -> str:
        return next(name for name, button in self.buttons.items() if button.isChecked())

    def choose(self, name: str) -> None:
        self.buttons[name].setChecked(True)

    def save(self) -> bool:
        try:
            self.setup.choose_visit_preset(self.chosen())
        except ValidationError as exc:
            self.error.set_error(";".join(f"{k}:{v}" for k, v in exc.problems.items()))
            return False
        return True
