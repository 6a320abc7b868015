"""Small widgets the forms share: a red reason beside a field, a coloured banner, and a
mapper from the Chinese field names of `ValidationError.problems` to those reasons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

ERROR_RED = "#c62828"

# Colours of a banner by its kind: (background, border, text).
BANNER_COLOURS = {
    "info": ("#e8f1fb", "#9cc2e8", "#0d3c61"),
    "success": ("#e7f4e8", "#8cc69a", "#1b5e20"),
    "warn": ("#fff6d5", "#e6c34a", "#5d4200"),
    "error": ("#fdecea", "#e99a94", "#8c1d18"),
}

# What a window manager adds around a window (title bar, borders), so the whole frame fits.
FRAME_WIDTH, FRAME_HEIGHT = 16, 40


def fit_to_screen(window: QWidget, width: int, height: int, centre: bool = True) -> None:
    """Size a window to width×height, or to the screen's free area (task bar left out) when that
    is smaller, so on a 1366×768 office screen every window and its buttons are on the screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    area = screen.availableGeometry()
    w = max(320, min(width, area.width() - FRAME_WIDTH))
    h = max(240, min(height, area.height() - FRAME_HEIGHT))
    window.resize(w, h)
    if centre and window.parentWidget() is None:
        window.move(
            area.x() + max(0, (area.width() - w - FRAME_WIDTH) // 2),
            area.y() + max(0, (area.height() - h - FRAME_HEIGHT) // 2),
        )


# Marks a field whose value was refused; forms include it in their style sheet.
INVALID_STYLE = (
    'QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QDateTimeEdit[invalid="true"]'
    f" {{ border: 1px solid {ERROR_RED}; border-radius: 3px; }}"
)


class ErrorLabel(QLabel):
    """The reason a field was refused, in red; hidden while there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {ERROR_RED};")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def set_error(self, reason: str | None) -> None:
        self.setText(reason or "")
        self.setVisible(bool(reason))


class Banner(QFrame):
    """A coloured line across a form (a note, a success, a warning) with optional buttons."""

    def __init__(self, kind: str = "info", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 6, 6)
        self._layout.setSpacing(8)
        self._layout.addWidget(self.label, 1)
        self.set_kind(kind)
        self.hide()

    def set_kind(self, kind: str) -> None:
        bg, border, fg = BANNER_COLOURS[kind]
        self.setStyleSheet(
            f"QFrame#banner {{ background: {bg}; border: 1px solid {border}; border-radius: 4px; }}"
            f" QFrame#banner > QLabel {{ color: {fg}; background: transparent; }}"
        )

    def add_button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(slot)
        self._layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        return button

    def show_message(self, text: str, kind: str | None = None) -> None:
        if kind:
            self.set_kind(kind)
        self.label.setText(text)
        self.show()

    def text(self) -> str:
        return self.label.text()


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Turn the red frame of `INVALID_STYLE` on or off."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class FieldErrors:
    """Shows each reason of a `ValidationError` beside the field it names.

    Fields are bound by the Chinese name the service uses (内容, 联系电话…); several names
    may share one label. A reason whose name is not bound goes to the general label,
    prefixed with its name, so no reason is ever dropped.
    """

    def __init__(self, general: ErrorLabel) -> None:
        self.general = general
        self._labels: dict[str, ErrorLabel] = {}
        self._widgets: dict[str, QWidget | None] = {}
        self._current: dict[str, str] = {}

    def bind(self, name: str, label: ErrorLabel, widget: QWidget | None = None) -> None:
        self._labels[name] = label
        self._widgets[name] = widget

    def label_for(self, name: str) -> ErrorLabel | None:
        return self._labels.get(name)

    def show(self, problems: dict[str, str]) -> None:
        """Replace what is shown by these problems; focus the first bad field."""
        self._current = dict(problems)
        self._render()
        for name in self._labels:  # binding order is the form's visual order
            widget = self._widgets.get(name)
            if name in problems and widget is not None and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                break

    def set(self, name: str, reason: str | None) -> None:
        """One field checked on its own (as it is typed): show or clear its reason."""
        if reason:
            self._current[name] = reason
        else:
            self._current.pop(name, None)
        self._render()

    def clear(self) -> None:
        self._current = {}
        self._render()

    def problems(self) -> dict[str, str]:
        return dict(self._current)

    def _render(self) -> None:
        by_label: dict[int, list[str]] = {}
        general: list[str] = []
        for name, reason in self._current.items():
            label = self._labels.get(name)
            if label is None:
                general.append(f"{name}:{reason}")
            else:
                by_label.setdefault(id(label), []).append(reason)
        for name, label in self._labels.items():
            label.set_error(";".join(by_label.get(id(label), [])) or None)
            widget = self._widgets.get(name)
            if widget is not None:
                mark_invalid(widget, name in self._current)
        self.general.set_error(";".join(general) or None)
