"""Small pieces the visit record's sections share: value labels, text boxes, the two-column
grid of label/value pairs, and how a date or time is written."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.palette import MUTED_TEXT
from ui.widgets import ErrorLabel, to_qdatetime

DATETIME_FORMAT = "yyyy-MM-dd HH:mm"
MUTED = f"color: {MUTED_TEXT};"


def fmt(value: dt.datetime | dt.date | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def datetime_edit(value: dt.datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(to_qdatetime(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATETIME_FORMAT)
    return edit


def text_box(placeholder: str, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


def value_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


def yes_no(value: bool | None, yes: str, no: str) -> str:
    return "—" if value is None else (yes if value else no)


def with_error(field: QWidget | QHBoxLayout, error: ErrorLabel) -> QWidget:
    """A field with its red reason below it, as one form row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    if isinstance(field, QWidget):
        layout.addWidget(field)
    else:
        layout.addLayout(field)
    layout.addWidget(error)
    return box


def fill_grid(box: QGroupBox, rows: list[tuple[str, str]], wide: set[str]) -> QGridLayout:
    """Label/value pairs in `box`, two pairs per line; the `wide` ones take a whole line.
    Each value label is named by its label, so it can be found again (`findChild`)."""
    grid = QGridLayout(box)
    grid.setHorizontalSpacing(10)
    grid.setVerticalSpacing(6)
    grid.setColumnStretch(1, 1)
    grid.setColumnStretch(3, 1)
    line, col = 0, 0
    for name, value in rows:
        label = QLabel(name)
        label.setStyleSheet(MUTED)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        shown = value_label(value)
        shown.setObjectName(name)
        if name in wide:
            if col:
                line, col = line + 1, 0
            grid.addWidget(label, line, 0)
            grid.addWidget(shown, line, 1, 1, 3)
            line += 1
            continue
        grid.addWidget(label, line, col)
        grid.addWidget(shown, line, col + 1)
        col += 2
        if col == 4:
            line, col = line + 1, 0
    return grid
