"""Small widgets the forms share: a red reason beside a field, a coloured banner, a mapper
from the Chinese field names of `ValidationError.problems` to those reasons, the read-only
table every list uses, and the converters between Python dates and Qt's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.i18n import term
from ui.palette import BANNER, ERROR_BOX_STYLE, ERROR_RED

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

    def __init__(self, parent: QWidget | None = None, *, boxed: bool = False) -> None:
        """`boxed`: in a tinted box with a border (under a whole form) rather than red text
        beside one field."""
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(ERROR_BOX_STYLE if boxed else f"color: {ERROR_RED};")
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
        bg, border, fg = BANNER[kind]
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


def make_table(
    columns: Sequence[str],
    *,
    stretch: int | None = -1,
    selection: QAbstractItemView.SelectionMode = QAbstractItemView.SelectionMode.SingleSelection,
    alternate: bool = True,
    wrap: bool = False,
    row_height: int | None = None,
    min_height: int | None = None,
    parent: QWidget | None = None,
) -> QTableWidget:
    """A read-only list: whole rows selected, no row numbers, columns as wide as their text.

    `columns` are the headers as shown (already translated). `stretch` is the column that
    takes the spare width (negative counts from the end, so -1 is the last; None: none).
    `row_height` in pixels, or 0 for the font's line height plus a little air.
    """
    table = QTableWidget(0, len(columns), parent)
    table.setHorizontalHeaderLabels(list(columns))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection)
    table.setAlternatingRowColors(alternate)
    table.setWordWrap(wrap)
    if row_height is not None:
        table.verticalHeader().setDefaultSectionSize(row_height or table.fontMetrics().height() + 10)
    if min_height is not None:
        table.setMinimumHeight(min_height)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None and columns:
        header.setSectionResizeMode(stretch % len(columns), QHeaderView.ResizeMode.Stretch)
    return table


def refill_table(table: QTableWidget, rows: Sequence[Sequence[QTableWidgetItem | None]]) -> None:
    """Replace every row of `table` by `rows` (one item per cell; None leaves a cell empty).

    The rows already there are removed first and the columns do not size to their contents
    while the new ones go in: setting a cell over an old row makes a column that sizes to its
    contents measure every row again, for each cell set, so a second fill of a few hundred rows
    froze the window for seconds where the first took milliseconds. Sorting and painting are
    off during the fill; each column is measured once, when its resize mode is given back."""
    header = table.horizontalHeader()
    modes = [header.sectionResizeMode(c) for c in range(table.columnCount())]
    sorting = table.isSortingEnabled()
    updates = table.updatesEnabled()
    table.setUpdatesEnabled(False)
    table.setSortingEnabled(False)
    try:
        for c, mode in enumerate(modes):
            if mode == QHeaderView.ResizeMode.ResizeToContents:
                header.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
        table.setRowCount(0)
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, item in enumerate(row):
                if item is not None:
                    table.setItem(r, c, item)
    finally:
        for c, mode in enumerate(modes):
            if mode == QHeaderView.ResizeMode.ResizeToContents:
                header.setSectionResizeMode(c, mode)
        table.setSortingEnabled(sorting)
        table.setUpdatesEnabled(updates)


def one_line(text: str | None, limit: int = 50) -> str:
    """Text squeezed onto one line (runs of spaces and line breaks become one space), cut to
    `limit` characters with "…" at the end when longer."""
    line = " ".join((text or "").split())
    return line if len(line) <= limit else line[: max(limit - 1, 0)] + "…"


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def to_qdatetime(moment: dt.datetime) -> QDateTime:
    """To the minute (the date-time fields show no seconds), in local time as stored."""
    return QDateTime(to_qdate(moment.date()), QTime(moment.hour, moment.minute))


def from_qdatetime(moment: QDateTime) -> dt.datetime:
    """Back to a naive Python datetime, to the minute."""
    day, time = moment.date(), moment.time()
    return dt.datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())


# Combos of stored words (H31) ----------------------------------------------------------------
def add_words(combo: QComboBox, words: Sequence[str], context: str = "") -> None:
    """The program's or the policy's words, shown in the chosen language (app.i18n.term), each
    item carrying its stored word as data: read it back with `stored_word`."""
    for word in words:
        combo.addItem(term(word, context), word)


def stored_word(combo: QComboBox) -> str:
    """The stored word of the item shown (see `add_words`); a text typed in an editable combo
    that is no item's, as typed."""
    text = combo.currentText()
    index = combo.currentIndex()
    if index < 0 or combo.itemText(index) != text:
        index = combo.findText(text, Qt.MatchFlag.MatchExactly)
    data = combo.itemData(index) if index >= 0 else None
    return data if isinstance(data, str) else text


def select_word(combo: QComboBox, word: object, typed: bool = False) -> None:
    """Show the item whose stored word (or shown text) is `word`; with `typed` (an editable
    combo), a word that is no item's is put in as typed."""
    if word:
        index = combo.findData(str(word))
        if index < 0:
            index = combo.findText(str(word))
        if index >= 0:
            combo.setCurrentIndex(index)
        elif typed:
            combo.setEditText(str(word))
    elif typed:
        combo.setEditText("")


def fit_combo(combo: QComboBox, chars: int = 8) -> None:
    """A combo in a form that does not widen the form with its longest item (an office's long
    department or category name would push the form past a 1366 px screen): it asks for room
    for `chars` characters and takes what the layout gives; its list opens as wide as its items."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    view = combo.view()
    view.setMinimumWidth(view.sizeHintForColumn(0) + 24)
