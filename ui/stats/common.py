"""What the statistics tabs share: tables as tall as their rows in a scrolling page, the
case number a row stands for, hours and changes written out."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import rates
from ui.widgets import make_table, refill_table

NUMBER_ROLE = Qt.ItemDataRole.UserRole + 2  # the case number a row stands for


def stats_table(columns: list[str], stretch: int | None = -1) -> QTableWidget:
    """A read-only table of figures; `stretch` is the column that takes the spare width."""
    return make_table(columns, stretch=stretch, row_height=0)


def fit_height(table: QTableWidget) -> None:
    """A table exactly as tall as its rows and at least as wide as its contents, so nothing
    in it scrolls or is cut: the space around goes to what needs it, and the page scrolls."""
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setFixedHeight(height)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # it is as wide as it needs
    header = table.horizontalHeader()
    width = sum(
        max(table.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(table.columnCount())
    )
    table.setMinimumWidth(width + 2 * table.frameWidth())


def fill(table: QTableWidget, rows: list[list[QTableWidgetItem]]) -> None:
    """Rows in, then the table as tall as its rows: the tab's page scrolls, never the table.
    The old rows go first and the columns are measured once after the fill (`refill_table`):
    filled in place, a year's lists (hundreds of overdue cases, unsatisfied visits) made
    a second 计算 measure every row again for each cell set."""
    refill_table(table, rows)
    fit_height(table)


def scrolling(page: QWidget) -> QScrollArea:
    """A tab's page in a scroll area: the whole page scrolls when its tables are long."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


def boxed(title: str, table: QTableWidget) -> QGroupBox:
    """A titled box holding a table at the top (the table is as tall as its rows)."""
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.addWidget(table)
    layout.addStretch(1)
    return box


def hours(value: float | None) -> str:
    return (
        "—" if value is None else QCoreApplication.translate("StatsWindow", "{0} 小时").format(f"{value:.1f}")
    )


def change(current: float, previous: float, as_percent: bool = False, digits: int = 0) -> str:
    """↑ 3, ↓ 1.5 个百分点 (a rate's change, to 0.1), 持平 (`app.rates.change`)."""
    if as_percent:
        diff = rates.change(100 * current, 100 * previous, 1)
    else:
        diff = rates.change(current, previous, digits)
    if not diff:  # None never comes: both figures are given
        return QCoreApplication.translate("StatsWindow", "持平")
    arrow = "↑" if diff > 0 else "↓"
    if as_percent:
        return QCoreApplication.translate("StatsWindow", "{0} {1} 个百分点").format(arrow, f"{abs(diff):.1f}")
    return f"{arrow} {abs(diff):g}"


class CaseRows(QWidget):
    """A tab whose rows stand for cases: double-clicking one asks to open it by number."""

    open_case_number = Signal(str)

    def emit_row_number(self, table: QTableWidget, row: int) -> None:
        item = table.item(row, 0)
        number = item.data(NUMBER_ROLE) if item is not None else None
        if number:
            self.open_case_number.emit(str(number))
