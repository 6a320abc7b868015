"""业主档案: find an owner, open the file, add or correct an owner, export the list.

Phones and ID numbers are shown masked everywhere on this page. The full value appears only
after a click on 显示, which the role must allow and which is written to the audit trail.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import domain
from app.audit_queries import AuditQueries
from app.errors import UserError
from app.i18n import term
from app.owner_files import OwnerCount, OwnerFiles
from app.permissions import can
from ui.i18n import QT_TR_NOOP
from ui.owner_dialogs import OwnerEditDialog, OwnerFileDialog
from ui.palette import MUTED_TEXT
from ui.progress import ProgressDialog, run_with_progress
from ui.widgets import (
    Banner,
    make_table,
    one_line,
    refill_table,
)
from ui.worker import Progress

if TYPE_CHECKING:
    from app.models import Owner, Staff

SEARCH_DELAY_MS = 250


# The occupant types as the list's count names them (data values, shown through tr()).
OCCUPANT_TYPE_LABELS = (QT_TR_NOOP("业主"), QT_TR_NOOP("租户"), QT_TR_NOOP("商户"))


class OwnerPage(QWidget):
    """Search the owners (masked phones), open a file, add or correct, export."""

    case_activated = Signal(int)

    COLUMNS = (
        QT_TR_NOOP("房号"),
        QT_TR_NOOP("姓名"),
        QT_TR_NOOP("类型"),
        QT_TR_NOOP("联系电话"),
        QT_TR_NOOP("入住日期"),
        QT_TR_NOOP("备注"),
    )

    def __init__(
        self, files: OwnerFiles, trail: AuditQueries, actor: Staff, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.files = files
        self.trail = trail
        self.actor = actor
        self._owners: list[Owner] = []

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("姓名、电话号码中的数字或房号(如 3-2-501、3-2、3)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self.refresh)
        self.include_inactive = QCheckBox(self.tr("含已迁出"))
        self.include_inactive.toggled.connect(lambda _on: self.refresh())
        self.count = QLabel()
        self.count.setStyleSheet(f"color: {MUTED_TEXT};")

        self.open_button = QPushButton(self.tr("查看档案"))
        self.open_button.clicked.connect(self.open_selected)
        self.add_button = QPushButton(self.tr("新增业主…"))
        self.add_button.clicked.connect(self.add_owner)
        self.edit_button = QPushButton(self.tr("修改…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.export_button = QPushButton(self.tr("导出…"))
        self.export_button.clicked.connect(self._export_clicked)
        self.add_button.setEnabled(can(actor, "owner.edit"))
        self.export_button.setEnabled(can(actor, "owner.export"))
        if not can(actor, "owner.export"):
            self.export_button.setToolTip(self.tr("只有管理处经理可以导出业主资料"))

        self.table = make_table([self.tr(c) for c in self.COLUMNS], stretch=None, wrap=True)
        header = self.table.horizontalHeader()
        # Columns measured once after each fill (up to 300 rows), not on every change of a cell.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.open_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.banner = Banner()
        title = QLabel(self.tr("业主档案"))
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        note = QLabel(self.tr("列表中的电话已隐去中间四位;查看档案和显示完整号码都会记录查看人。"))
        note.setStyleSheet(f"color: {MUTED_TEXT};")

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.include_inactive)
        bar.addSpacing(8)
        bar.addWidget(self.open_button)
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.refresh()

    # The list ------------------------------------------------------------------------
    def refresh(self) -> None:
        self._timer.stop()
        self._owners = self.files.search(
            self.search.text(), include_inactive=self.include_inactive.isChecked(), actor=self.actor
        )
        rows = []
        for owner in self._owners:
            shown = self.files.masked(owner, self.actor)
            kind = term(shown.occupant_type) + ("" if owner.active else self.tr("(已迁出)"))
            values = (shown.room, shown.name, kind, shown.phone,
                      f"{owner.move_in:%Y-%m-%d}" if owner.move_in else "", one_line(owner.note, 40))  # fmt: skip
            rows.append([QTableWidgetItem(value) for value in values])
        # The old rows go first (`refill_table`); the columns are measured once, after the fill.
        refill_table(self.table, rows)
        for col in range(len(self.COLUMNS) - 1):
            self.table.resizeColumnToContents(col)
        self.count.setText(
            self.count_text(
                self.files.count(self.search.text(), self.include_inactive.isChecked(), actor=self.actor)
            )
        )
        self._update_buttons()

    def count_text(self, found: OwnerCount) -> str:
        """How many people the search finds in all, by type, in how many rooms; and when the
        list holds fewer than that, that it shows only the first ones."""
        if not found.people:
            return self.tr("没有找到符合条件的人")
        order = [k for k in domain.OCCUPANT_TYPES if k in found.by_type]
        order += sorted(set(found.by_type) - set(order))
        kinds = self.tr("、").join(f"{term(kind)} {found.by_type[kind]:,}" for kind in order)
        text = self.tr("找到 {0} 人({1}),住在 {2} 户").format(f"{found.people:,}", kinds, f"{found.rooms:,}")
        if len(self._owners) < found.people:
            text += self.tr(";列表只显示前 {0} 人,请输入姓名、电话或房号缩小范围").format(
                f"{len(self._owners):,}"
            )
        return text

    def selected_owner(self) -> Owner | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._owners):
            return None
        return self._owners[rows[0].row()]

    def select_owner(self, owner_id: int) -> None:
        for r, owner in enumerate(self._owners):
            if owner.id == owner_id:
                self.table.selectRow(r)
                return

    def shown_phone(self, row: int) -> str:
        item = self.table.item(row, 3)
        return item.text() if item else ""

    def _update_buttons(self) -> None:
        chosen = self.selected_owner() is not None
        self.open_button.setEnabled(chosen and can(self.actor, "owner.view_file"))
        self.edit_button.setEnabled(chosen and can(self.actor, "owner.edit"))

    # Opening, adding, editing --------------------------------------------------------
    def open_selected(self) -> OwnerFileDialog | None:
        owner = self.selected_owner()
        if owner is None:
            return None
        dialog = self.file_dialog(owner.id)
        if dialog is not None:
            dialog.exec()
        return dialog

    def file_dialog(self, owner_id: int) -> OwnerFileDialog | None:
        """The owner's file (its opening is logged), ready to show; None when refused."""
        try:
            dialog = OwnerFileDialog(self.files, self.trail, owner_id, self.actor, self)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("业主档案"), str(exc))
            return None
        dialog.case_activated.connect(self.case_activated)
        dialog.edit_requested.connect(self._edit_later)
        return dialog

    def _edit_later(self, owner_id: int) -> None:
        QTimer.singleShot(0, lambda: self.edit_owner(owner_id))

    def add_owner(self) -> None:
        dialog = OwnerEditDialog(self.files, self.actor, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self._saved(dialog.saved, self.tr("已新增 {0}"))

    def edit_selected(self) -> None:
        owner = self.selected_owner()
        if owner is not None:
            self.edit_owner(owner.id)

    def edit_owner(self, owner_id: int) -> None:
        try:
            owner = self.files.owner(owner_id, self.actor)
        except UserError as exc:
            self.banner.show_message(str(exc), "error")
            return
        if owner is None:
            return
        dialog = OwnerEditDialog(self.files, self.actor, owner, self.files.masked(owner, self.actor), self)
        if dialog.exec() and dialog.saved is not None:
            self._saved(dialog.saved, self.tr("已保存 {0} 的资料"))

    def _saved(self, owner: Owner, message: str) -> None:
        self.banner.show_message(message.format(owner.name), "success")
        self.refresh()
        self.select_owner(owner.id)

    # Export --------------------------------------------------------------------------
    def _export_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出业主资料"), str(Path.home() / self.tr("业主名册.xlsx")), "Excel (*.xlsx)"
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> ProgressDialog:
        """The owners written to `path` on a worker thread, with progress and 取消 (nothing is
        written when cancelled); the warning to keep the file safe when it is done."""
        files, actor, inactive = self.files, self.actor, self.include_inactive.isChecked()

        def work(progress: Progress) -> int:
            return files.export_owners(
                path,
                actor,
                include_inactive=inactive,
                progress=lambda done, total: progress(done, total),
                cancelled=progress.is_cancelled,
            )

        def said(count: int) -> str:
            return self.tr(
                "已导出 {0} 人到 {1}。文件含完整电话和身份证号,请妥善保管;此次导出已记录。"
            ).format(count, path)

        dialog = run_with_progress(
            self, self.tr("导出业主资料"), self.tr("正在导出业主资料…"), work,
            done_text=said, on_done=lambda count: self.banner.show_message(said(count), "warn"),
            cancellable=True, cancelled_text=self.tr("已取消导出,没有写入文件。"),
        )  # fmt: skip
        self.export_dialog = dialog
        return dialog
