"""What the planner's tabs share: their colours, table rows, quarters and due dates in words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QTableWidget,
    QTableWidgetItem,
)

from ui import palette
from ui.widgets import make_table

if TYPE_CHECKING:
    pass


OVERDUE_TINT = QColor(palette.OVERDUE_BG)
OVERDUE_TEXT = QColor(palette.OVERDUE_TEXT)
TODAY_TINT = QColor(palette.NEARLY_DUE_BG)
TODAY_TEXT = QColor(palette.NEARLY_DUE_TEXT)
NOT_CHOSEN_TEXT = QColor(palette.MUTED_TEXT)
CHOSEN_TEXT = QColor(palette.OK_TEXT)
HINT_STYLE = f"color: {palette.MUTED_TEXT};"
QUARTERS_SHOWN = 8
PREVIEW_LIMIT = 300  # room labels listed in the preview; the count is always exact


def cell(text: str, data: object = None, align_center: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    if align_center:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


def planner_table(columns: tuple[str, ...], tr: Callable[[str], str]) -> QTableWidget:
    table = make_table([tr(c) for c in columns], row_height=28)
    table.setStyleSheet("QTableWidget::item { padding: 0 4px; }")
    return table


def row_data(table: QTableWidget, row: int, column: int = 0) -> Any:
    """What a row keeps under UserRole in `column` (the visit's or the case's id)."""
    item = table.item(row, column)
    return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


def quarters_up_to(day: dt.date, count: int = QUARTERS_SHOWN) -> list[str]:
    """The quarter of `day` and the ones before it, newest first: 2026-Q3, 2026-Q2 …"""
    out = []
    year, q = day.year, (day.month - 1) // 3 + 1
    for _ in range(count):
        out.append(f"{year}-Q{q}")
        year, q = (year - 1, 4) if q == 1 else (year, q - 1)
    return out


def due_words(due: dt.date, today: dt.date) -> str:
    days = (due - today).days
    if days < 0:
        return QCoreApplication.translate("VisitPlanner", "逾期 {0} 天").format(-days)
    if days == 0:
        return QCoreApplication.translate("VisitPlanner", "今天到期")
    return QCoreApplication.translate("VisitPlanner", "还有 {0} 天").format(days)
