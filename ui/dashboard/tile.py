"""A 工作台 tile: a big number, its name and a line of words saying what it means; a click
opens the list behind it."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ui.palette import (
    ACCENT,
    ALERT_BORDER,
    ALERT_CARD_BG,
    ERROR_RED,
    HEADING_TEXT,
    LINE,
    MUTED_TEXT,
    NEARLY_DUE_TEXT,
    OK,
    PAPER,
    WARN_BORDER,
    WARN_CARD_BG,
)


class Tile(QPushButton):
    """A big number with its name and a line of words saying what it means; click opens the list."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(96)
        self.title = QLabel(title)
        self.number = QLabel("—")
        self.hint = QLabel()
        big = QFont(self.font())
        big.setPointSize(24)
        big.setBold(True)
        self.number.setFont(big)
        for label in (self.title, self.number, self.hint):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.number)
        layout.addWidget(self.hint)
        self.show_pending()

    def show_pending(self) -> None:
        """Before the figures arrive (the main window reads them on a worker): a dash, not a 0."""
        self.set_value(0, self.tr("正在读取…"), "ok")
        self.number.setText("—")
        self.number.setStyleSheet(f"color: {MUTED_TEXT};")

    def set_value(self, value: int, hint: str, level: str) -> None:
        """level: "alert" (red), "warn" (amber) or "ok" (green); the hint says it in words."""
        self.value = value
        self.number.setText(str(value))
        self.hint.setText(hint)
        colour = {"alert": ERROR_RED, "warn": NEARLY_DUE_TEXT, "ok": OK}[level]
        border = {"alert": ALERT_BORDER, "warn": WARN_BORDER, "ok": LINE}[level]
        background = {"alert": ALERT_CARD_BG, "warn": WARN_CARD_BG, "ok": PAPER}[level]
        self.number.setStyleSheet(f"color: {colour};")
        self.hint.setStyleSheet(f"color: {colour if level != 'ok' else MUTED_TEXT};")
        self.title.setStyleSheet(f"color: {HEADING_TEXT}; font-weight: bold;")
        self.setStyleSheet(
            f"QPushButton#tile {{ background: {background}; border: 1px solid {border}; border-radius: 6px;"
            " text-align: left; }"
            f" QPushButton#tile:hover {{ border: 2px solid {ACCENT}; }}"
            f" QPushButton#tile:focus {{ border: 2px solid {ACCENT}; }}"
        )
        self.setAccessibleName(f"{self.title.text()} {value} {hint}")

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(150, 96)
