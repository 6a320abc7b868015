"""归档 and 销毁登记 of the form ledger: two dialogs opened from the 表单台账 page.

季度归档: from the 1st of the next quarter, the quarter's returned and voided forms are listed
to be put in the file box; a person marks the batch archived (who, when). Forms still out are
listed beside it and do not hold the filing back: they go with the quarter they come back in.

销毁登记: filed forms past the policy's keeping period (default two years) are listed; the
person who destroyed the paper records which numbers, on which day. The program never removes
anything by itself, and the ledger rows stay, marked 已销毁.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.errors import UserError
from app.forms import FormLedger, QuarterArchive, closed_on
from app.periods import previous_quarter_key, quarter_key
from ui.dialogs import ActionDialog
from ui.palette import MUTED_TEXT, OVERDUE_TEXT
from ui.widgets import from_qdate, make_table, to_qdate

if TYPE_CHECKING:
    from app.models import Staff

LATE_FG = OVERDUE_TEXT
MUTED = f"color: {MUTED_TEXT};"


def _table(headers: list[str]) -> QTableWidget:
    return make_table(headers, selection=QAbstractItemView.SelectionMode.ExtendedSelection, min_height=180)


class ArchiveDialog(ActionDialog):
    """季度归档: the quarter's forms to file, what is still out, and the batches filed."""

    def __init__(self, forms: FormLedger, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("季度归档"), self.tr("记为已归档"), parent)
        self.ledger = forms
        self.actor = actor
        self.listing: QuarterArchive | None = None
        today = forms.clock.now().date()
        quarters = sorted(
            {q.quarter for q in forms.quarters_to_archive()}
            | {previous_quarter_key(today), quarter_key(today)}
        )
        self.quarter = QComboBox()
        for quarter in quarters:
            self.quarter.addItem(self._quarter_words(quarter), quarter)
        pending = [q.quarter for q in forms.quarters_to_archive()]
        first = pending[0] if pending else previous_quarter_key(today)
        self.quarter.setCurrentIndex(max(self.quarter.findData(first), 0))
        self.quarter.currentIndexChanged.connect(self.show_quarter)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.table = _table(
            [
                self.tr("编号"),
                self.tr("状态"),
                self.tr("交回/作废日期"),
                self.tr("领用人"),
                self.tr("回访事项"),
            ]
        )
        self.still_out = QLabel()
        self.still_out.setWordWrap(True)
        self.still_out.setStyleSheet(MUTED)
        self.batches = QLabel()
        self.batches.setWordWrap(True)
        self.remarks = QLineEdit()
        self.remarks.setMaxLength(200)
        self.remarks.setPlaceholderText(self.tr("如 档案盒编号、存放位置"))
        self.form.addRow(self.tr("季度"), self.quarter)
        self.form.addRow(self.status)
        self.form.addRow(self.table)
        self.form.addRow(self.still_out)
        self.form.addRow(self.batches)
        self.add_row(self.tr("备注"), self.remarks, "备注")
        self.setMinimumWidth(760)
        self.submit = self._archive
        self.show_quarter()

    def _quarter_words(self, quarter: str) -> str:
        return self.tr("{0}年第{1}季度").format(quarter[:4], quarter[-1])

    def chosen(self) -> str:
        return str(self.quarter.currentData())

    def choose(self, quarter: str) -> None:
        self.quarter.setCurrentIndex(self.quarter.findData(quarter))

    def show_quarter(self) -> None:
        self.errors.clear()
        self.show_error(None)
        listing = self.ledger.quarter_archive(self.chosen())
        self.listing = listing
        today = self.ledger.clock.now().date()
        words = self._quarter_words(listing.quarter)
        opens, deadline = listing.opens.strftime("%Y-%m-%d"), listing.deadline.strftime("%Y-%m-%d")
        if today < listing.opens:
            text = self.tr("{0}还没有结束:{1} 起才能归档,须在 {2} 前完成。").format(words, opens, deadline)
        elif listing.late(today):
            text = self.tr(
                "<b style='color:{0}'>{1}的 {2} 份表单应在 {3} 前归档,已逾期。</b>请装盒后记为已归档。"
            ).format(LATE_FG, words, len(listing.to_file), deadline)
        elif listing.to_file:
            text = self.tr("{0}的 {1} 份表单(交回或作废)待归档,须在 {2} 前完成。").format(
                words, len(listing.to_file), deadline
            )
        else:
            text = self.tr("{0}没有待归档的表单。").format(words)
        self.status.setText(text)
        self.table.setRowCount(len(listing.to_file))
        for row, form in enumerate(listing.to_file):
            when = closed_on(form)
            values = (
                form.number,
                form.state,
                when.strftime("%Y-%m-%d") if when else "",
                form.taken_by_name,
                form.visit_item,
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, form.id)
                self.table.setItem(row, column, item)
        if listing.still_out:
            numbers = "、".join(f.number for f in listing.still_out[:12])
            more = self.tr(" 等") if len(listing.still_out) > 12 else ""
            self.still_out.setText(
                self.tr("尚未交回 {0} 份:{1}{2}。不影响本次归档;交回或作废后随那个季度归档。").format(
                    len(listing.still_out), numbers, more
                )
            )
        else:
            self.still_out.setText(self.tr("本季度打印的表单都已交回或作废。"))
        self.batches.setText(
            "<br>".join(
                self.tr("已归档:{0} {1},{2} 份 {3}").format(
                    b.archived_at.strftime("%Y-%m-%d %H:%M"), b.archived_by, b.form_count, b.remarks
                )
                for b in listing.batches
            )
        )
        self.batches.setVisible(bool(listing.batches))
        self.ok_button.setEnabled(bool(listing.to_file) and today >= listing.opens)

    def shown_numbers(self) -> list[str]:
        return [item.text() if (item := self.table.item(r, 0)) else "" for r in range(self.table.rowCount())]

    def _archive(self) -> None:
        assert self.listing is not None
        try:
            self.ledger.archive(
                self.listing.quarter, self.actor, [f.id for f in self.listing.to_file], self.remarks.text()
            )
        except UserError:
            self.show_quarter()  # the list as it stands now, with the reason below it
            raise


class DestructionDialog(ActionDialog):
    """销毁登记: the filed forms past their keeping period; tick what was destroyed."""

    def __init__(self, forms: FormLedger, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("销毁登记"), self.tr("登记销毁"), parent)
        self.ledger = forms
        self.actor = actor
        self.items = forms.destroyable()
        years = forms.keep_years()
        intro = QLabel(
            self.tr(
                "回访记录表归档保管 {0} 年(从所属季度结束算起,在“设置 · 回访规则”中修改)。以下表单保管期已满,可以销毁;"
                "程序不会自动删除任何记录。勾选实际销毁的编号,登记销毁人和日期;台账中的记录保留,标为“已销毁”。"
            ).format(years)
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(MUTED)
        self.table = _table([self.tr("编号"), self.tr("状态"), self.tr("归档季度"), self.tr("保管至")])
        self.table.setRowCount(len(self.items))
        for row, entry in enumerate(self.items):
            values = (
                entry.form.number,
                entry.form.state,
                self.tr("{0}年第{1}季度").format(entry.quarter[:4], entry.quarter[-1]),
                entry.keep_until.strftime("%Y-%m-%d"),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 0:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Checked)
                self.table.setItem(row, column, item)
        self.empty = QLabel(self.tr("没有保管期已满的表单。"))
        self.empty.setStyleSheet(MUTED)
        self.empty.setVisible(not self.items)
        self.table.setVisible(bool(self.items))
        today = forms.clock.now().date()
        self.destroyed_on = QDateEdit(to_qdate(today))
        self.destroyed_on.setCalendarPopup(True)
        self.destroyed_on.setDisplayFormat("yyyy-MM-dd")
        self.destroyed_on.setMaximumDate(to_qdate(today))
        self.destroyed_by = QLineEdit(actor.name)
        self.destroyed_by.setMaxLength(40)
        self.remarks = QLineEdit()
        self.remarks.setMaxLength(200)
        self.remarks.setPlaceholderText(self.tr("如 碎纸机销毁,见证人"))
        history = forms.destructions()
        self.history = QLabel(
            "<br>".join(
                self.tr("{0} {1} 销毁 {2} 份(登记人 {3})").format(
                    r.destroyed_on.strftime("%Y-%m-%d"), r.destroyed_by, r.form_count, r.recorded_by
                )
                for r in history[:5]
            )
        )
        self.history.setStyleSheet(MUTED)
        self.history.setVisible(bool(history))
        self.form.addRow(intro)
        self.add_row(self.tr("表单"), self.table, "表单编号")
        self.form.addRow(self.empty)
        self.add_row(self.tr("销毁日期"), self.destroyed_on, "销毁日期")
        self.add_row(self.tr("销毁人"), self.destroyed_by, "销毁人")
        self.add_row(self.tr("备注"), self.remarks, "备注")
        if history:
            self.form.addRow(self.tr("以往销毁"), self.history)
        self.ok_button.setEnabled(bool(self.items))
        self.setMinimumWidth(680)
        self.submit = self._record

    def _numbers(self) -> list[QTableWidgetItem]:
        return [item for r in range(self.table.rowCount()) if (item := self.table.item(r, 0)) is not None]

    def checked_numbers(self) -> list[str]:
        return [item.text() for item in self._numbers() if item.checkState() == Qt.CheckState.Checked]

    def set_checked(self, number: str, checked: bool) -> None:
        for item in self._numbers():
            if item.text() == number:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _record(self) -> None:
        self.ledger.record_destruction(
            self.checked_numbers(),
            from_qdate(self.destroyed_on.date()),
            self.destroyed_by.text(),
            self.actor,
            self.remarks.text(),
        )
