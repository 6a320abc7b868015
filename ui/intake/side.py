"""The intake page's side panel: the deadlines the policy gives (live), the likely
duplicates with 并入此案, and the room's history. It only shows what it is given."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import term
from ui.palette import NEARLY_DUE_TEXT
from ui.widgets import Banner

if TYPE_CHECKING:
    from app.models import Case

SIDE_PANEL_WIDTH = 340  # the form beside it fits 1366 px in English too


class IntakeSide(QWidget):
    """处理时限, 可能重复 and 本房历史, one box each, top to bottom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(SIDE_PANEL_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self._build_deadlines())
        layout.addWidget(self._build_duplicates())
        layout.addWidget(self._build_history(), 1)
        self.merge_buttons: dict[int, QPushButton] = {}

    def _build_deadlines(self) -> QFrame:
        box = QFrame(self)
        box.setObjectName("sideBox")
        dl = QVBoxLayout(box)
        dl.setContentsMargins(12, 10, 12, 10)
        dl.setSpacing(4)
        title = QLabel(self.tr("处理时限"), box)
        title.setObjectName("sideTitle")
        self.deadlines_label = QLabel(box)
        self.deadlines_label.setWordWrap(True)
        self.deadlines_label.setTextFormat(Qt.TextFormat.PlainText)
        dl.addWidget(title)
        dl.addWidget(self.deadlines_label)
        # A deadline in a year whose holidays are only estimated (暂定) says so.
        self.provisional_banner = Banner("warn", box)
        dl.addWidget(self.provisional_banner)
        return box

    def _build_duplicates(self) -> QFrame:
        """Likely duplicates: a yellow box, one row per case, each with 并入此案."""
        self.dup_box = QFrame(self)
        self.dup_box.setObjectName("dupBox")
        dup_layout = QVBoxLayout(self.dup_box)
        dup_layout.setContentsMargins(12, 10, 12, 10)
        dup_layout.setSpacing(6)
        self.dup_title = QLabel(self.dup_box)
        self.dup_title.setWordWrap(True)
        self.dup_title.setStyleSheet("font-weight: bold;")
        dup_layout.addWidget(self.dup_title)
        self.dup_rows = QVBoxLayout()
        self.dup_rows.setSpacing(6)
        dup_layout.addLayout(self.dup_rows)
        self.merge_note = QLabel(self.dup_box)
        self.merge_note.setWordWrap(True)
        dup_layout.addWidget(self.merge_note)
        self.dup_box.hide()
        return self.dup_box

    def _build_history(self) -> QFrame:
        box = QFrame(self)
        box.setObjectName("sideBox")
        hl = QVBoxLayout(box)
        hl.setContentsMargins(12, 10, 12, 10)
        hl.setSpacing(6)
        self.history_title = QLabel(self.tr("本房历史"), box)
        self.history_title.setObjectName("sideTitle")
        hl.addWidget(self.history_title)
        self.history = QTreeWidget(box)
        self.history.setColumnCount(5)
        self.history.setHeaderLabels(
            [self.tr("编号"), self.tr("日期"), self.tr("性质"), self.tr("类别"), self.tr("状态")]
        )
        self.history.setRootIsDecorated(False)
        self.history.setUniformRowHeights(True)
        self.history.setAlternatingRowColors(True)
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.history.header()
        header.setStretchLastSection(False)
        for col in (0, 1, 2, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.history_empty = QLabel(self.tr("填写房号后,这里显示该房间以往的案件。"), box)
        self.history_empty.setWordWrap(True)
        self.history_empty.setObjectName("sideHint")
        hl.addWidget(self.history_empty, 1, Qt.AlignmentFlag.AlignTop)
        hl.addWidget(self.history, 1)
        self.history.hide()
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        return box

    # Showing ------------------------------------------------------------------------------
    def show_deadlines(self, lines: list[str], provisional: str) -> None:
        """The deadlines in words; `provisional` the warning for estimated holidays ("" for none)."""
        self.deadlines_label.setText("\n".join(lines))
        if provisional:
            self.provisional_banner.show_message(provisional)
        else:
            self.provisional_banner.hide()

    def show_history(self, room: str, found: Sequence[Case]) -> None:
        self.history.clear()
        if not room:
            self.history_title.setText(self.tr("本房历史"))
            self.history_empty.setText(self.tr("填写房号后,这里显示该房间以往的案件。"))
        else:
            self.history_title.setText(self.tr("本房历史 %s(%d 件)") % (room, len(found)))
            self.history_empty.setText(self.tr("该房间没有以往的案件。"))
        for case in found:
            item = QTreeWidgetItem(
                [
                    case.number,
                    f"{case.received_at:%Y-%m-%d}",
                    term(case.kind),
                    term(case.category),
                    term(case.state),
                ]
            )
            item.setToolTip(0, case.account[:200])
            item.setToolTip(3, term(case.category))
            self.history.addTopLevelItem(item)
        self.history.setVisible(bool(found))
        self.history_empty.setVisible(not found)

    def show_duplicates(
        self, found: Sequence[Case], chosen: int | None, choose: Callable[[Case, bool], None]
    ) -> None:
        """One row per likely duplicate; `chosen` is the id of the one to merge into, `choose`
        is called when the clerk presses a row's 并入此案."""
        while self.dup_rows.count():
            item = self.dup_rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.merge_buttons = {}
        if not found:
            self.dup_box.hide()
            return
        self.dup_title.setText(self.tr("⚠ 可能是同一件事(同一问题多次投诉应作一次记录):%d 件") % len(found))
        for case in found:
            row = QFrame(self.dup_box)
            row.setObjectName("dupRow")
            rl = QHBoxLayout(row)
            rl.setContentsMargins(8, 6, 6, 6)
            rl.setSpacing(8)
            summary = case.account.replace("\n", " ")
            if len(summary) > 40:
                summary = summary[:40] + "…"
            text = QLabel(
                f"<b>{case.number}</b>  {case.received_at:%m-%d %H:%M}  {term(case.state)}<br>"
                f"{term(case.kind)}·{term(case.category)}  {html.escape(case.customer_name, quote=False)}<br>"
                f"<span style='color:{NEARLY_DUE_TEXT}'>{html.escape(summary, quote=False)}</span>",
                row,
            )
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.RichText)
            button = QPushButton(self.tr("并入此案"), row)
            button.setCheckable(True)
            button.setChecked(chosen == case.id)
            button.clicked.connect(lambda checked, c=case: choose(c, checked))
            rl.addWidget(text, 1)
            rl.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
            self.dup_rows.addWidget(row)
            self.merge_buttons[case.id] = button
        self.dup_box.show()

    def show_merge_choice(self, chosen: int | None, target_number: str) -> None:
        """The rows' buttons and the note under them for the case chosen to merge into."""
        for case_id, button in self.merge_buttons.items():
            button.setChecked(case_id == chosen)
            button.setText(self.tr("已选·将并入") if button.isChecked() else self.tr("并入此案"))
        if chosen is None:
            self.merge_note.setText(self.tr("若是同一件事,点“并入此案”,保存时登记后并入该案。"))
        else:
            self.merge_note.setText(self.tr("保存时将登记本次来电并并入 %s。") % target_number)
