"""What the settings tabs (and the staff page) share: the grey hint under a form."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from ui.palette import MUTED_TEXT, style

HINT_STYLE = style(MUTED_TEXT)


def hint_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(HINT_STYLE)
    label.setWordWrap(True)
    return label
