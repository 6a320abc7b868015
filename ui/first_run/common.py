"""What the first-run wizard's pages share: their ids, the grey hint, a field with its reason
under it, and the base of a page 跳过 passes over."""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget, QWizardPage

from ui.palette import MUTED_TEXT, style
from ui.widgets import INVALID_STYLE, ErrorLabel

if TYPE_CHECKING:
    from app.office import Office
    from app.setup import SetupService

HINT_STYLE = style(MUTED_TEXT)


class PageId(IntEnum):
    WELCOME = 0
    ROOMS = 1
    DEPARTMENTS = 2
    STAFF = 3
    POLICY = 4
    BACKUP = 5
    DONE = 6


OPTIONAL_PAGES = {PageId.ROOMS, PageId.DEPARTMENTS, PageId.STAFF, PageId.POLICY, PageId.BACKUP}


def hint_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def with_error(widget: QWidget, hint_text: str = "", width: int = 0) -> tuple[QWidget, ErrorLabel]:
    """A field (with a grey example to its right) and its red reason right under it."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    if width:
        widget.setFixedWidth(width)
    if hint_text:
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(widget)
        note = QLabel(hint_text)
        note.setStyleSheet(HINT_STYLE)
        row.addWidget(note, 1)
        layout.addLayout(row)
    else:
        layout.addWidget(widget)
    error = ErrorLabel()
    layout.addWidget(error)
    return box, error


class OptionalPage(QWizardPage):
    """A page 跳过 passes over without writing anything."""

    def __init__(self, office: Office, setup: SetupService) -> None:
        super().__init__()
        self.office = office
        self.setup = setup
        self.skipping = False
        self.setStyleSheet(INVALID_STYLE)

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.skipping or self.ready()

    def ready(self) -> bool:
        return True

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        return self.skipping or self.save()

    def save(self) -> bool:
        """Write the page in one transaction; False (reasons shown) keeps the user here."""
        return True
