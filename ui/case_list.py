"""The case list (案件列表): a compact filter bar, quick filters with counts, and the table.

A search (typed words, a phone, a number) is read on a worker thread: typing only restarts a
short timer, the page and the counts are shown when they arrive, and a result a newer
keystroke has overtaken is dropped (a generation number). Filters without words are read
here, through indexes; the quick filters' counts are kept until the data or the other
filters change, so switching between quick filters counts nothing again.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import asdict, fields, replace

from PySide6.QtCore import QByteArray, QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import domain
from app.case_query import OPEN_ANY, QUICK_FILTERS, CaseFilter, CaseQuery
from app.clock import Clock
from app.i18n import term
from app.policy import PolicyStore
from app.staff import StaffService
from ui.case_model import COLUMN_INDEX, COLUMNS, UNCOUNTED, CaseTableModel, ListResult, read_first_page
from ui.widgets import from_qdate, to_qdate
from ui.worker import Job, Progress, run_in_background

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 250
NO_DATE = QDate(2000, 1, 1)  # the date edits' "不限" value


class CaseTableView(QTableView):
    """The table; Enter or Return on a row opens it like a double-click."""

    row_activated = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.row_activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class CaseListPage(QWidget):
    case_activated = Signal(int)

    def __init__(
        self,
        query: CaseQuery,
        policies: PolicyStore,
        staff: StaffService,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._query = query
        self._policies = policies
        self._staff = staff
        self._clock = clock
        self._loading = False  # widgets are being set from a filter: do not apply each change
        self._generation = 0  # bumped by every read; a background result of an older one is dropped
        self._searches: list[Job[ListResult]] = []  # background reads not yet ended
        self._counts: dict[str, int] | None = None  # the quick filters' counts shown
        self._counts_for: CaseFilter | None = None  # ... for these other filters (None: stale)

        self.model = CaseTableModel(query, policies, clock, self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._apply)

        self._build_filter_bar()
        self._build_quick_bar()
        self._build_table()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(self._quick_row)
        layout.addLayout(self._filter_row1)
        layout.addLayout(self._filter_row2)
        layout.addWidget(self.table, 1)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self._focus_search)

        self._apply()

    def focus_search(self) -> None:
        self._focus_search()

    def _focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    # Building ------------------------------------------------------------------------
    def _combo(self, all_label: str, items: Sequence[tuple[str, object]], tip: str) -> QComboBox:
        box = QComboBox()
        box.addItem(all_label, None)
        for label, value in items:
            box.addItem(label, value)
        box.setToolTip(tip)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        box.currentIndexChanged.connect(self._changed)
        return box

    def _build_filter_bar(self) -> None:
        policy = self._policies.load()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("搜索(Ctrl+F):内容、姓名、电话、编号、处理记录…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setToolTip(
            self.tr(
                "在案件的全部文字中查找,两个字也可以,如“漏水”。"
                "只输数字时找电话开头、编号(如 18312 或 TS-2026-18)和房号(如 501);"
                "一个字找客户姓氏。边输边找,结果找到即显示。"
            )
        )
        self.search_edit.textChanged.connect(self._changed_later)

        states = [(self.tr("未结(全部未完成)"), OPEN_ANY)] + [(term(s), s) for s in domain.STATES]
        self.state_combo = self._combo(self.tr("全部状态"), states, self.tr("状态"))
        self.kind_combo = self._combo(
            self.tr("全部性质"), [(term(k), k) for k in domain.KINDS], self.tr("性质")
        )
        self.severity_combo = self._combo(
            self.tr("全部程度"), [(term(s), s) for s in domain.SEVERITIES], self.tr("程度")
        )
        self.category_combo = self._combo(
            self.tr("全部类别"), [(term(c), c) for c in policy.categories], self.tr("类别")
        )
        self.department_combo = self._combo(
            self.tr("全部部门"),
            [(term(d.name), d.id) for d in self._staff.departments()],
            self.tr("责任部门"),
        )

        self.room_edit = QLineEdit()
        self.room_edit.setPlaceholderText(self.tr("如 3-2-501 或 3"))
        self.room_edit.setClearButtonEnabled(True)
        self.room_edit.setMaximumWidth(190)
        self.room_edit.textChanged.connect(self._changed_later)

        self.date_from = self._date_edit(self.tr("受理日期从(不限则留“不限”)"))
        self.date_to = self._date_edit(self.tr("受理日期到(不限则留“不限”)"))

        self.overdue_check = QCheckBox(self.tr("仅逾期"))
        self.overdue_check.toggled.connect(self._changed)
        self.due_today_check = QCheckBox(self.tr("仅今日到期"))
        self.due_today_check.toggled.connect(self._changed)
        self.late_reply_check = QCheckBox(self.tr("仅首次回复超时"))
        self.late_reply_check.setToolTip(
            self.tr("首次回复晚于期限,或过了期限仍未回复(办结不算首次回复;匿名、作废、合并的不计)")
        )
        self.late_reply_check.toggled.connect(self._changed)

        self.clear_button = QPushButton(self.tr("清除筛选"))
        self.clear_button.setToolTip(self.tr("恢复为全部案件"))
        self.clear_button.clicked.connect(lambda: self.set_filter(CaseFilter()))

        row1 = QHBoxLayout()
        row1.setSpacing(6)
        row1.addWidget(self.search_edit, 1)
        for w in (
            self.state_combo,
            self.kind_combo,
            self.severity_combo,
            self.category_combo,
            self.department_combo,
        ):
            row1.addWidget(w)
        self._filter_row1 = row1

        row2 = QHBoxLayout()
        row2.setSpacing(6)
        room_label = QLabel(self.tr("房号(&R)"))
        room_label.setBuddy(self.room_edit)
        row2.addWidget(room_label)
        row2.addWidget(self.room_edit)
        row2.addSpacing(10)
        date_label = QLabel(self.tr("受理日期"))
        row2.addWidget(date_label)
        row2.addWidget(self.date_from)
        row2.addWidget(QLabel(self.tr("至")))
        row2.addWidget(self.date_to)
        row2.addSpacing(10)
        row2.addWidget(self.overdue_check)
        row2.addWidget(self.due_today_check)
        row2.addWidget(self.late_reply_check)
        row2.addStretch(1)
        row2.addWidget(self.clear_button)
        self._filter_row2 = row2

    def _date_edit(self, tip: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("不限"))
        edit.setDate(NO_DATE)
        edit.setToolTip(tip)
        edit.dateChanged.connect(self._changed)
        return edit

    def _build_quick_bar(self) -> None:
        row = QHBoxLayout()
        row.setSpacing(4)
        self.quick_buttons: dict[str, QPushButton] = {}
        for label in QUICK_FILTERS:
            button = QPushButton(term(label))  # the key stays the stored label
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setToolTip(self.tr("只看“{0}”的案件(其他筛选条件仍然有效)").format(term(label)))
            button.clicked.connect(lambda _=False, name=label: self.apply_quick_filter(name))
            self.quick_buttons[label] = button
            row.addWidget(button)
        row.addStretch(1)
        self.total_label = QLabel()
        self.total_label.setObjectName("caseTotal")
        font = self.total_label.font()
        font.setBold(True)
        self.total_label.setFont(font)
        row.addWidget(self.total_label)
        self._quick_row = row

    def _build_table(self) -> None:
        table = CaseTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(self.model.sort_column, Qt.SortOrder.DescendingOrder)
        header.sectionClicked.connect(self._header_clicked)
        metrics = table.fontMetrics()
        padding = metrics.horizontalAdvance("汉") + 8
        # a state and a severity are as wide as their longest in the chosen language ("In progress");
        # a kind as its sample (特约服务: "Paid service"), so that 内容 keeps its room at 1366 px
        vocabulary = {"severity": domain.SEVERITIES, "state": domain.STATES}
        for i, column in enumerate(COLUMNS):
            text_width = max(
                metrics.horizontalAdvance(self.tr(column.sample)),
                metrics.horizontalAdvance(self.tr(column.title)),
                *(metrics.horizontalAdvance(term(word)) for word in vocabulary.get(column.key, [])),
            )
            header.resizeSection(i, text_width + padding)
        header.setSectionResizeMode(COLUMN_INDEX["account"], QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(3 * metrics.horizontalAdvance("汉"))
        table.doubleClicked.connect(self._activated)
        table.row_activated.connect(self._activated)
        self.table = table

    # Filtering -----------------------------------------------------------------------
    def current_filter(self) -> CaseFilter:
        """The filter the widgets describe."""

        def date(edit: QDateEdit) -> dt.date | None:
            return None if edit.date() == NO_DATE else from_qdate(edit.date())

        return CaseFilter(
            state=self.state_combo.currentData(),
            kind=self.kind_combo.currentData(),
            severity=self.severity_combo.currentData(),
            category=self.category_combo.currentData(),
            department_id=self.department_combo.currentData(),
            room=self.room_edit.text().strip() or None,
            date_from=date(self.date_from),
            date_to=date(self.date_to),
            overdue=self.overdue_check.isChecked(),
            due_today=self.due_today_check.isChecked(),
            first_reply_late=self.late_reply_check.isChecked(),
            text=self.search_edit.text().strip(),
        )

    def set_filter(self, f: CaseFilter) -> None:
        """Show `f` in the widgets and list what it finds."""
        self._loading = True
        try:
            for combo, value in (
                (self.state_combo, f.state),
                (self.kind_combo, f.kind),
                (self.severity_combo, f.severity),
                (self.category_combo, f.category),
                (self.department_combo, f.department_id),
            ):
                i = combo.findData(value)
                combo.setCurrentIndex(i if i >= 0 else 0)
            self.room_edit.setText(f.room or "")
            self.date_from.setDate(to_qdate(f.date_from) if f.date_from else NO_DATE)
            self.date_to.setDate(to_qdate(f.date_to) if f.date_to else NO_DATE)
            self.overdue_check.setChecked(f.overdue)
            self.due_today_check.setChecked(f.due_today)
            self.late_reply_check.setChecked(f.first_reply_late)
            self.search_edit.setText(f.text)
        finally:
            self._loading = False
        self._apply()

    def apply_quick_filter(self, label: str) -> None:
        self.set_filter(replace(self.current_filter(), **QUICK_FILTERS[label]))  # type: ignore[arg-type]

    def _changed(self) -> None:
        if not self._loading:
            self._debounce.stop()
            self._apply()

    def _changed_later(self) -> None:
        if not self._loading:
            self._debounce.start()

    def _apply(self) -> None:
        self._debounce.stop()
        self._load(self.current_filter())

    @staticmethod
    def _in_background(f: CaseFilter) -> bool:
        """A search is read on a worker thread; the other filters here, through indexes."""
        return bool(f.text.strip())

    def _load(self, f: CaseFilter, total: int | None = None) -> None:
        """Show the first page of `f` in the model's order, with its counts (`total`: known,
        only the order changed)."""
        self._generation += 1
        need_counts = self._counts_for != _base(f)
        if self._in_background(f):
            self._search(f, need_counts, total)
            return
        result = self.model.read(f, counts=need_counts, total=total)
        result.generation = self._generation
        self._show(result)

    def _search(self, f: CaseFilter, need_counts: bool, total: int | None = None, rows: bool = True) -> None:
        """Read `f` on a worker thread: its first page is handed over as soon as it is read
        (shown at once), then how many match and the counts (`rows=False`: only these, the
        rows shown stay). The list keeps what it shows until then."""
        generation = self._generation
        query, sort, descending = self._query, self.model.sort_name, self.model.descending
        nearly_due = self._policies.load().nearly_due
        for older in self._searches:
            older.cancel()  # its result would be dropped anyway

        def work(progress: Progress) -> ListResult:
            if rows:
                first = read_first_page(query, f, sort, descending, False, nearly_due, UNCOUNTED)
                first.generation = generation
                progress.deliver(first)
                total_now = first.total if first.total != UNCOUNTED else total
            else:
                first = ListResult(f, sort, descending, [], UNCOUNTED, generation=generation)
                total_now = None
            if progress.cancelled:
                return first
            return replace(
                first,
                rows=[],
                total=query.count(f) if total_now is None else total_now,
                counts=query.quick_counts(f) if need_counts else None,
            )

        if rows:
            self.total_label.setText(self.tr("正在查找…"))
        job: Job[ListResult] = run_in_background(
            self,
            work,
            on_done=self._counted,
            on_failed=lambda exc: self._search_failed(exc, generation),
            on_item=self._searched,
        )
        self._searches.append(job)

    def _searched(self, result: object) -> None:
        """A search's first page, read on the worker thread."""
        assert isinstance(result, ListResult)
        if result.generation != self._generation:
            return  # a newer search (or filter, or order) has been asked for since
        self.model.show(result)
        self._update_counts()

    def _counted(self, result: ListResult) -> None:
        """How many the search found, and the quick filters' counts."""
        self._searches = [j for j in self._searches if j.running]
        if result.generation != self._generation:
            return
        if result.total != UNCOUNTED:
            self.model.set_total(result.total)
        if result.counts is not None:
            self._counts, self._counts_for = result.counts, _base(result.case_filter)
        self._update_counts()

    def _search_failed(self, exc: BaseException, generation: int) -> None:
        self._searches = [j for j in self._searches if j.running]
        log.warning("case search failed", exc_info=exc)
        if generation == self._generation:
            self.total_label.setText(self.tr("查找没有完成,请再试一次"))

    def searching(self) -> bool:
        """A search is still being read on a worker thread."""
        return any(j.running for j in self._searches)

    def _show(self, result: ListResult) -> None:
        self.model.show(result)
        if result.counts is not None:
            self._counts, self._counts_for = result.counts, _base(result.case_filter)
        self._update_counts()

    def refresh(self) -> None:
        """Read again after a save: the cases changed and the rows in view are read again and
        put where they now belong (however many rows were scrolled in); the total and the
        counts are counted again (on a worker thread when the filter searches words)."""
        current = self.selected_case_id()
        self.model.refresh_rows(self._rows_in_view())
        self._counts_for = None
        f = self.model.case_filter
        if self._in_background(f):
            self._generation += 1
            self._search(f, need_counts=True, rows=False)
        else:
            self.model.set_total(self._query.count(f))
            self._counts, self._counts_for = self._query.quick_counts(f), _base(f)
            self._update_counts()
        if current is not None:
            self.select_case(current)

    def _rows_in_view(self) -> list[int]:
        """The cases of the rows a person sees (the first screenful when the list is hidden)."""
        count = self.model.rowCount()
        if count == 0:
            return []
        viewport = self.table.viewport()
        first = self.table.rowAt(0) if self.isVisible() else 0
        last = self.table.rowAt(viewport.height() - 1) if self.isVisible() else -1
        first = max(first, 0)
        if last < 0:
            last = min(count - 1, first + 60)
        ids = (self.model.case_id(r) for r in range(first, last + 1))
        return [i for i in ids if i is not None]

    def _update_counts(self) -> None:
        f = self.model.case_filter
        counts = self._counts or {}
        for label, button in self.quick_buttons.items():
            if label in counts:
                button.setText(self.tr("{0} ({1})").format(term(label), counts[label]))
            else:
                button.setText(term(label))
            change = QUICK_FILTERS[label]
            button.setChecked(all(getattr(f, k) == v for k, v in change.items()))
        if self.model.counted:
            self.total_label.setText(self.tr("共 {0} 件").format(self.model.total))
        else:
            self.total_label.setText(self.tr("共 {0}+ 件,正在计数…").format(self.model.rowCount()))

    # Rows ----------------------------------------------------------------------------
    def selected_case_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.case_id(index.row()) if index.isValid() else None

    def select_case(self, case_id: int) -> bool:
        row = self.model.row_of(case_id)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def _activated(self, index: QModelIndex) -> None:
        case_id = self.model.case_id(index.row())
        if case_id is not None:
            self.case_activated.emit(case_id)

    def _header_clicked(self, column: int) -> None:
        """Sort in the database; a click on the current column turns the order round."""
        header = self.table.horizontalHeader()
        if not self.model.is_sortable(column):
            header.setSortIndicator(self.model.sort_column, self._order())
            return
        if column == self.model.sort_column:
            order = Qt.SortOrder.AscendingOrder if self.model.descending else Qt.SortOrder.DescendingOrder
        else:
            order = Qt.SortOrder.AscendingOrder
        self.sort_by(column, order)

    def sort_by(self, column: int, order: Qt.SortOrder) -> None:
        """Sort in the database: only the first page is read again (the counts stay)."""
        if self.model.set_order(column, order):
            self._load(self.model.case_filter, total=self.model.total)
        self.table.horizontalHeader().setSortIndicator(self.model.sort_column, self._order())

    def _order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self.model.descending else Qt.SortOrder.AscendingOrder


def _base(f: CaseFilter) -> CaseFilter:
    """The filters the quick filters' counts depend on: all but the quick ones."""
    return replace(f, **_QUICK_BASE)  # type: ignore[arg-type]


_QUICK_BASE = {"state": None, "overdue": False, "due_today": False, "first_reply_late": False}


def save_list_state(page: CaseListPage) -> dict[str, object]:
    """What the clerk set up in the list (filters, column widths), to restore next time."""
    f = page.current_filter()
    values = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in asdict(f).items()}
    header = page.table.horizontalHeader().saveState()
    return {"filter": values, "header": bytes(header.data()).hex()}


def restore_list_state(page: CaseListPage, state: dict[str, object]) -> None:
    """Put back what `save_list_state` kept; anything unreadable is ignored."""
    header = state.get("header")
    if isinstance(header, str):
        try:
            page.table.horizontalHeader().restoreState(QByteArray(bytes.fromhex(header)))
        except ValueError:
            pass
    values = state.get("filter")
    if isinstance(values, dict):
        known = {f.name for f in fields(CaseFilter)}
        clean = {k: v for k, v in values.items() if k in known}
        for key in ("date_from", "date_to"):
            if isinstance(clean.get(key), str):
                try:
                    clean[key] = dt.date.fromisoformat(clean[key])
                except ValueError:
                    clean[key] = None
        try:
            page.set_filter(CaseFilter(**clean))
        except (TypeError, ValueError):
            pass
