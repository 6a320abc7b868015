"""表单台账: where every numbered paper 《回访记录表》 is (the 《回访记录签收表》 on screen).

The page lists the forms with their state, who took them and since when; forms out longer
than the policy allows are marked 超期 in words and in red. On the right, the forms out
per person. The actions (打印空白表, 领用, 交回, 作废, 打印签收表) each open a small dialog
(ui/form_dialogs.py; 归档 and 销毁登记 in ui/form_archive.py) that calls `FormLedger`; when the ledger refuses, the reason shows in the dialog and what
was typed stays. A scanned form number in 查找编号 jumps to its row.

`pdf_source` makes the PDFs: `blank_forms_preview(count) -> bytes` (no number taken),
`blank_forms_job(count) -> PrintDocument` (reserves the numbers when the job is sent; the
job confirms or voids them) and `ledger_pdf() -> bytes`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError, ValidationError
from app.forms import ARCHIVED, DESTROYED, FORM_STATES, OUT, PRINTED, VOID, FormLedger
from app.i18n import term
from app.print_jobs import PrintDocument
from app.staff import StaffService
from app.validation import clean_text
from ui.dialogs import ActionDialog
from ui.form_dialogs import BlankFormsDialog, ReturnDialog, SignOutDialog, VoidDialog
from ui.i18n import QT_TR_NOOP
from ui.palette import MUTED_TEXT, OVERDUE_BG, OVERDUE_TEXT
from ui.pdf_preview import PdfPreviewDialog
from ui.widgets import Banner

if TYPE_CHECKING:
    from app.models import FormSheet, Staff

OVERDUE = QT_TR_NOOP("超期未交回")  # filter entries, shown through tr()
ALL = QT_TR_NOOP("全部")
OVERDUE_TINT = QColor(OVERDUE_BG)
OVERDUE_FG = QColor(OVERDUE_TEXT)
FADED_FG = QColor(MUTED_TEXT)


class PdfSource(Protocol):
    def blank_forms_preview(self, count: int) -> bytes: ...

    def blank_forms_job(self, count: int) -> PrintDocument: ...

    def ledger_pdf(self) -> bytes: ...


# 回访项目 as app.forms.visit_subject stores it: "TS-2026-00001 投诉·环境卫生", or a purpose.
_SUBJECT = re.compile(r"(\S+) ([^\s·]+)·(.+)")


def shown_item(text: str) -> str:
    """A form's 回访项目 with the program's words in it (kind, category, purpose) in the chosen
    language; the case number, and anything typed, as stored."""
    found = _SUBJECT.fullmatch(text or "")
    if found is None:
        return term(text)
    number, kind, category = found.groups()
    return f"{number} {term(kind)}·{term(category)}"


def _fmt(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


class FormLedgerPage(QWidget):
    forms_changed = Signal()

    COLUMNS = (
        QT_TR_NOOP("编号"),
        QT_TR_NOOP("状态"),
        QT_TR_NOOP("领用人"),
        QT_TR_NOOP("领用时间"),
        QT_TR_NOOP("已领用天数"),
        QT_TR_NOOP("回访事项"),
        QT_TR_NOOP("回访次数"),
        QT_TR_NOOP("交回时间"),
        QT_TR_NOOP("核对人"),
        QT_TR_NOOP("备注/作废原因"),
    )

    def __init__(
        self,
        forms: FormLedger,
        staff: StaffService,
        actor: Staff,
        pdf_source: PdfSource,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.forms = forms
        self.staff = staff
        self.actor = actor
        self.pdf_source = pdf_source
        self.dialog: ActionDialog | None = None
        self.preview: PdfPreviewDialog | None = None
        self._rows: list[FormSheet] = []
        self._overdue: set[int] = set()
        self._sized = False

        self.banner = Banner()
        self.banner.add_button(self.tr("关闭"), self.banner.hide)

        # Actions
        self.blank_button = QPushButton(self.tr("打印空白表…"))
        self.sign_out_button = QPushButton(self.tr("领用…"))
        self.return_button = QPushButton(self.tr("交回…"))
        self.void_button = QPushButton(self.tr("作废…"))
        self.ledger_button = QPushButton(self.tr("打印签收表…"))
        self.archive_button = QPushButton(self.tr("季度归档…"))
        self.destroy_button = QPushButton(self.tr("销毁登记…"))
        self.archive_button.clicked.connect(self.ask_archive)
        self.destroy_button.clicked.connect(self.ask_destruction)
        self.blank_button.clicked.connect(self.ask_blank_forms)
        self.sign_out_button.clicked.connect(self.ask_sign_out)
        self.return_button.clicked.connect(self.ask_return)
        self.void_button.clicked.connect(self.ask_void)
        self.ledger_button.clicked.connect(self.print_ledger)
        self.scan_button = QPushButton(self.tr("导入扫描件…"))  # signed forms scanned back (helper D)
        self.scan_button.clicked.connect(self.import_scans)
        self.view_scan_button = QPushButton(self.tr("查看扫描件…"))
        self.view_scan_button.setToolTip(self.tr("选中的表单交回后扫描的纸面(含客户签字)"))
        self.view_scan_button.clicked.connect(self.view_scans)
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText(self.tr("扫描或输入编号,回车"))
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("HF-2026-000000") + 60)
        self.find_edit.returnPressed.connect(self.find_number)
        QShortcut(QKeySequence.StandardKey.Find, self, lambda: self.find_edit.setFocus())

        actions = QHBoxLayout()
        actions.setSpacing(6)
        for button in (
            self.blank_button,
            self.sign_out_button,
            self.return_button,
            self.scan_button,
            self.view_scan_button,
            self.void_button,
            self.ledger_button,
            self.archive_button,
            self.destroy_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)

        # Filters
        self.state_filter = QComboBox()
        # shown in the chosen language; the item's data is the stored word the rows are filtered by
        self.state_filter.addItem(self.tr(ALL), None)
        for word in [*FORM_STATES[:2], OVERDUE, *FORM_STATES[2:], ARCHIVED, DESTROYED]:  # flags: 归档, 销毁
            self.state_filter.addItem(self.tr(OVERDUE) if word == OVERDUE else term(word), word)
        self.person_filter = QComboBox()
        self.person_filter.setMinimumContentsLength(6)
        self.person_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.state_filter.currentIndexChanged.connect(self._fill_table)
        self.person_filter.currentIndexChanged.connect(self._fill_table)
        self.summary = QLabel()
        filters = QHBoxLayout()
        filters.setSpacing(6)
        filters.addWidget(QLabel(self.tr("状态")))
        filters.addWidget(self.state_filter)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("领用人")))
        filters.addWidget(self.person_filter)
        filters.addSpacing(16)
        filters.addWidget(self.summary, 1)
        # 查找编号 sits with the filters, so the row of actions fits 1366 px in every language.
        filters.addWidget(QLabel(self.tr("查找编号")))
        filters.addWidget(self.find_edit)

        # The ledger
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self._default_action())

        # Forms out, per person
        self.out_tree = QTreeWidget()
        self.out_tree.setHeaderLabels([self.tr("领用人 / 编号"), self.tr("已领用")])
        self.out_tree.setRootIsDecorated(True)
        self.out_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.out_tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.out_tree.header().setStretchLastSection(False)
        self.out_tree.itemClicked.connect(self._tree_clicked)
        self.out_title = QLabel()
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(4)
        side_layout.addWidget(self.out_title)
        side_layout.addWidget(self.out_tree, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([1000, 270])
        side.setMinimumWidth(220)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        layout.addLayout(actions)
        layout.addLayout(filters)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        self.refresh()

    # Reading ---------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        current = select_id if select_id is not None else (f.id if (f := self.selected_form()) else None)
        self._overdue = {f.id for f in self.forms.out_too_long()}
        self._all = self.forms.ledger()
        people = sorted({f.taken_by_name for f in self._all if f.taken_by_name})
        chosen = self.person_filter.currentText()
        self.person_filter.blockSignals(True)
        self.person_filter.clear()
        self.person_filter.addItems([self.tr(ALL), *people])
        self.person_filter.setCurrentText(chosen if chosen in people else self.tr(ALL))
        self.person_filter.blockSignals(False)
        self._fill_table()
        self._fill_out_tree()
        if current is not None:
            self.select_form(current)

    def _shown(self) -> list[FormSheet]:
        state = self.state_filter.currentData()
        person = self.person_filter.currentText()
        rows = self._all
        if state == OVERDUE:
            rows = [f for f in rows if f.id in self._overdue]
        elif state in (ARCHIVED, DESTROYED):
            rows = [f for f in rows if self.forms.flags(f) == state]
        elif state is not None:
            rows = [f for f in rows if f.state == state]
        if person and person != self.tr(ALL):
            rows = [f for f in rows if f.taken_by_name == person]
        return rows

    def _fill_table(self) -> None:
        selected = self.selected_form()
        self._rows = self._shown()
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(self._rows))
        for row, form in enumerate(self._rows):
            overdue = form.id in self._overdue
            days = self.forms.days_out(form)
            state = self.tr("{0} · 超期").format(term(form.state)) if overdue else term(form.state)
            if flag := self.forms.flags(form):
                state = f"{state} · {term(flag)}"
            days_text = (
                ""
                if days is None
                else (self.tr("{0} 天(超期)") if overdue else self.tr("{0} 天")).format(days)
            )
            note = form.void_reason if form.state == VOID else form.remarks
            if form.scan_name:
                note = f"{note}{';' if note else ''}" + self.tr("附扫描件 {0}").format(form.scan_name)
            values = (
                form.number,
                state,
                form.taken_by_name,
                _fmt(form.taken_at),
                days_text,
                shown_item(form.visit_item),
                str(form.visit_count),
                _fmt(form.returned_at),
                form.checked_by,
                note,
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, form.id)
                if column in (4, 6):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if value:
                    item.setToolTip(value)
                if overdue:
                    item.setBackground(QBrush(OVERDUE_TINT))
                    item.setForeground(QBrush(OVERDUE_FG))
                elif form.state == VOID:
                    item.setForeground(QBrush(FADED_FG))
                self.table.setItem(row, column, item)
        self._size_columns()
        total = len(self._all)
        out = sum(1 for f in self._all if f.state == OUT)
        text = self.tr("显示 {0} 张 / 共 {1} 张;在外 {2} 张").format(len(self._rows), total, out)
        if self._overdue:
            text += self.tr(",<b style='color:{2}'>超期未交回 {0} 张</b>(领用超过 {1} 天)").format(
                len(self._overdue), self.forms.return_days(), OVERDUE_TEXT
            )
        unfiled = self.forms.unfiled_counts()
        if unfiled:
            late = any(
                self.forms.clock.now().date() > self.forms.archive_deadline(quarter) for quarter in unfiled
            )
            words = self.tr(";待归档 {0} 张(逾期)") if late else self.tr(";待归档 {0} 张")
            text += words.format(sum(unfiled.values()))
        self.summary.setText(text)
        if selected is not None:
            self.select_form(selected.id, reset_filters=False)
        self._update_buttons()

    def _size_columns(self) -> None:
        """Widths from the font, once: a column the clerk widened stays as it is."""
        if self._sized:
            return
        self._sized = True
        metrics = self.table.fontMetrics()
        char = metrics.horizontalAdvance("汉")
        stamp = metrics.horizontalAdvance("2026-09-28 09:30") + 14
        widths = (
            metrics.horizontalAdvance("HF-2026-000000") + 14,
            max(  # the widest state: out and overdue, or returned and filed
                metrics.horizontalAdvance(self.tr("{0} · 超期").format(term(FORM_STATES[1]))),
                metrics.horizontalAdvance(f"{term(FORM_STATES[2])} · {term(ARCHIVED)}"),
            )
            + 14,
            5 * char + 10,
            stamp,
            metrics.horizontalAdvance(self.tr("{0} 天(超期)").format(99)) + 14,
            13 * char,
            metrics.horizontalAdvance(self.tr("回访次数")) + 14,
            stamp,
            4 * char + 10,
        )
        header = self.table.horizontalHeader().fontMetrics()
        for column, width in enumerate(widths):
            title = self.table.horizontalHeaderItem(column)
            words = header.horizontalAdvance(title.text()) + 18 if title is not None else 0
            self.table.setColumnWidth(column, max(width, words))  # never narrower than its heading

    def _fill_out_tree(self) -> None:
        self.out_tree.clear()
        by_person = self.forms.out_by_person()
        total = sum(len(v) for v in by_person.values())
        self.out_title.setText(self.tr("<b>在外表单</b>:{0} 人 {1} 张").format(len(by_person), total))
        for person, forms in by_person.items():
            late = sum(1 for f in forms if f.id in self._overdue)
            label = self.tr("{0}  {1} 张").format(person or self.tr("(未记名)"), len(forms)) + (
                self.tr(",{0} 张超期").format(late) if late else ""
            )
            top = QTreeWidgetItem([label, ""])
            if late:
                top.setForeground(0, QBrush(OVERDUE_FG))
            for form in forms:
                days = self.forms.days_out(form)
                child = QTreeWidgetItem(
                    [
                        form.number + (self.tr("  超期") if form.id in self._overdue else ""),
                        self.tr("{0} 天").format(days) if days is not None else "",
                    ]
                )
                child.setData(0, Qt.ItemDataRole.UserRole, form.id)
                child.setToolTip(0, shown_item(form.visit_item or ""))
                child.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if form.id in self._overdue:
                    for column in (0, 1):
                        child.setForeground(column, QBrush(OVERDUE_FG))
                        child.setBackground(column, QBrush(OVERDUE_TINT))
                top.addChild(child)
            self.out_tree.addTopLevelItem(top)
            top.setExpanded(True)
        if not by_person:
            empty = QTreeWidgetItem([self.tr("没有在外的表单"), ""])
            empty.setForeground(0, QBrush(FADED_FG))
            self.out_tree.addTopLevelItem(empty)

    def _tree_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        form_id = item.data(0, Qt.ItemDataRole.UserRole)
        if form_id:
            self.select_form(int(form_id))

    def shown_numbers(self) -> list[str]:
        return [f.number for f in self._rows]

    def row_texts(self, number: str) -> list[str]:
        """The cells of one form's row as shown (for tests and the status bar)."""
        for row, form in enumerate(self._rows):
            if form.number == number:
                return [
                    item.text() if (item := self.table.item(row, c)) else ""
                    for c in range(self.table.columnCount())
                ]
        raise KeyError(number)

    def selected_form(self) -> FormSheet | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or not self._rows:
            return None
        row = rows[0].row()
        if row >= len(self._rows):
            return None
        return self.forms.form(self._rows[row].id)

    def select_form(self, form_id: int, reset_filters: bool = True) -> bool:
        for row, form in enumerate(self._rows):
            if form.id == form_id:
                self.table.selectRow(row)
                if (item := self.table.item(row, 0)) is not None:
                    self.table.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtCenter)
                return True
        if reset_filters and (self.state_filter.currentIndex() or self.person_filter.currentIndex()):
            self.state_filter.blockSignals(True)
            self.person_filter.blockSignals(True)
            self.state_filter.setCurrentIndex(0)
            self.person_filter.setCurrentIndex(0)
            self.state_filter.blockSignals(False)
            self.person_filter.blockSignals(False)
            self._fill_table()
            return self.select_form(form_id, reset_filters=False)
        return False

    def _update_buttons(self) -> None:
        form = self.selected_form()
        state = form.state if form else None
        self.sign_out_button.setEnabled(state == PRINTED)
        self.return_button.setEnabled(state in (PRINTED, OUT))
        self.void_button.setEnabled(state in (PRINTED, OUT))

    def _default_action(self) -> None:
        form = self.selected_form()
        if form is None:
            return
        if form.state == PRINTED:
            self.ask_sign_out()
        elif form.state == OUT:
            self.ask_return()

    # Finding ---------------------------------------------------------------------------
    def find_number(self) -> FormSheet | None:
        """查找编号: a scanner types the number and Enter; the row is selected."""
        text = self.find_edit.text()
        if not clean_text(text):
            return None
        try:
            form = self.forms.by_number(text)
        except UserError as exc:
            self.banner.show_message(str(exc), "warn")
            self.find_edit.selectAll()
            return None
        self.select_form(form.id)
        self.banner.show_message(
            self.tr("{0}:{1}{2}").format(
                form.number, term(form.state), f",{form.taken_by_name}" if form.taken_by_name else ""
            ),
            "info",
        )
        self.find_edit.selectAll()
        return form

    # Actions ---------------------------------------------------------------------------
    def _open(self, dialog: ActionDialog, done: Callable[[], None]) -> ActionDialog:
        self.dialog = dialog
        dialog.accepted.connect(done)
        dialog.open()
        return dialog

    def _require_form(self) -> FormSheet | None:
        form = self.selected_form()
        if form is None:
            self.banner.show_message(self.tr("请先在台账中选中一张表(或在“查找编号”中扫描编号)"), "warn")
        return form

    def _show_pdf(
        self,
        make: Callable[[], bytes],
        title: str,
        file_name: str,
        make_job: Callable[[], PrintDocument] | None = None,
    ) -> PdfPreviewDialog | None:
        """The preview; with `make_job`, printing it reserves numbers, so the ledger is
        refreshed when the job ends (confirmed or voided)."""
        try:
            pdf = make()
        except UserError as exc:
            self.banner.show_message(str(exc), "error")
            return None
        self.preview = PdfPreviewDialog(pdf, title, file_name, self, make_job=make_job)
        if make_job is not None:
            self.preview.printed.connect(self._numbered_job_ended)
        self.preview.open()
        return self.preview

    def _numbered_job_ended(self, ok: bool, message: str) -> None:
        self.refresh()
        self.forms_changed.emit()
        self.banner.show_message(message, "success" if ok else "error")

    def ask_blank_forms(self) -> ActionDialog:
        """打印空白表: the preview first; the numbers are taken when the job is sent."""
        # The PDF is made on a worker thread while the dialog shows it is busy (ui/form_dialogs.py).
        dialog = BlankFormsDialog(self, make=self.pdf_source.blank_forms_preview)

        def done() -> None:
            count = dialog.count.value()
            pdf = dialog.pdf or b""
            self._show_pdf(
                lambda: pdf,
                self.tr("空白回访记录表({0} 份)").format(count),
                self.tr("空白回访记录表.pdf"),
                make_job=lambda: self.pdf_source.blank_forms_job(count),
            )

        return self._open(dialog, done)

    def ask_sign_out(self) -> ActionDialog | None:
        form = self._require_form()
        if form is None:
            return None
        dialog = SignOutDialog(form, self.staff.staff(), self)

        def submit() -> None:
            person = dialog.chosen()
            if person is None:
                raise ValidationError({"领用人": self.tr("请选择领用人")})
            self.forms.sign_out(form, person, dialog.item_edit.text(), dialog.remarks.text())

        def done() -> None:
            self._changed(form.id, self.tr("{0} 已由 {1} 领用").format(form.number, form.taken_by_name))

        dialog.submit = submit
        return self._open(dialog, done)

    def ask_return(self) -> ActionDialog | None:
        form = self._require_form()
        if form is None:
            return None
        dialog = ReturnDialog(self.forms, form, self.actor.name, self)

        def submit() -> None:
            visit = dialog.visit()
            scan, scan_name = dialog.scan()
            self.forms.return_form(
                form, dialog.checked_by.text(), visit, scan, scan_name, dialog.remarks.text()
            )

        def done() -> None:
            self._changed(form.id, self.tr("{0} 已交回,核对人 {1}").format(form.number, form.checked_by))

        dialog.submit = submit
        return self._open(dialog, done)

    def ask_void(self) -> ActionDialog | None:
        form = self._require_form()
        if form is None:
            return None
        dialog = VoidDialog(form, self)
        dialog.submit = lambda: self.forms.void(form, dialog.reason.currentText(), self.actor)
        return self._open(dialog, lambda: self._changed(form.id, self.tr("{0} 已作废").format(form.number)))

    def ask_archive(self) -> ActionDialog:
        """季度归档: the quarter's returned and voided forms, marked filed by the actor."""
        from ui.form_archive import ArchiveDialog

        dialog = ArchiveDialog(self.forms, self.actor, self)

        def done() -> None:
            words = dialog.quarter.currentText()
            count = len(dialog.listing.to_file) if dialog.listing else 0
            self.refresh()
            self.banner.show_message(self.tr("{0}的 {1} 份表单已记为归档").format(words, count), "success")
            self.forms_changed.emit()

        return self._open(dialog, done)

    def ask_destruction(self) -> ActionDialog:
        """销毁登记: which filed forms past their keeping period a person destroyed, and when."""
        from ui.form_archive import DestructionDialog

        dialog = DestructionDialog(self.forms, self.actor, self)

        def done() -> None:
            count = len(dialog.checked_numbers())
            self.refresh()
            self.banner.show_message(
                self.tr("已登记销毁 {0} 份,销毁人 {1};台账中的记录保留").format(
                    count, clean_text(dialog.destroyed_by.text())
                ),
                "success",
            )
            self.forms_changed.emit()

        return self._open(dialog, done)

    def import_scans(self) -> QDialog:
        """导入扫描件: signed forms scanned back, matched by their QR code (ui/scan_import.py)."""
        from app.form_scans import FormScans
        from ui.scan_import import ScanImportDialog

        dialog = ScanImportDialog(FormScans(self.forms), self.actor, self)
        dialog.batch_finished.connect(self._scans_changed)
        dialog.matched_by_hand.connect(self._scans_changed)
        self.scan_dialog = dialog
        dialog.open()
        return dialog

    def _scans_changed(self, _what: object = None) -> None:
        self.refresh()
        self.forms_changed.emit()

    def view_scans(self) -> QDialog | None:
        """查看扫描件: the selected form's signed paper as scanned back."""
        from app.form_scans import FormScans
        from ui.scan_viewer import ScanViewerDialog

        form = self.selected_form()
        if form is None:
            self.banner.show_message(self.tr("请先在台账里选中一张表单。"), "warn")
            return None
        pages = FormScans(self.forms).pages_of(form)
        if not pages:
            self.banner.show_message(
                self.tr("{0} 还没有扫描件:交回的纸质表可用“导入扫描件…”读入。").format(form.number), "info"
            )
            return None
        dialog = ScanViewerDialog(form, pages, self)
        self.scan_viewer = dialog
        dialog.open()
        return dialog

    def print_ledger(self) -> PdfPreviewDialog | None:
        """打印签收表: the 《回访记录签收表》 as the ledger stands."""
        return self._show_pdf(
            self.pdf_source.ledger_pdf, self.tr("回访记录签收表"), self.tr("回访记录签收表.pdf")
        )

    def _changed(self, form_id: int, message: str) -> None:
        self.refresh(select_id=form_id)
        self.banner.show_message(message, "success")
        self.forms_changed.emit()
