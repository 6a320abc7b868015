"""业主档案: find an owner, open the file, add or correct an owner, export the list.

Phones and ID numbers are shown masked everywhere on this page. The full value appears only
after a click on 显示, which the role must allow and which is written to the audit trail.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import domain
from app.errors import UserError, ValidationError
from app.models import Owner, Staff
from app.owner_files import MaskedOwner, OwnerCount, OwnerFiles, OwnerInput
from app.permissions import can
from ui.history import HistoryDialog
from ui.widgets import INVALID_STYLE, Banner, ErrorLabel, FieldErrors

SEARCH_DELAY_MS = 250


def _table(columns: tuple[str, ...], tr: object) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels([tr(c) for c in columns])  # type: ignore[operator]
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    for col in range(len(columns) - 1):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(columns) - 1, QHeaderView.ResizeMode.Stretch)
    return table


def _one_line(text: str, limit: int = 50) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class OwnerFileDialog(QDialog):
    """An owner's file: the opening is logged; each 显示 click is logged too."""

    case_activated = Signal(int)
    edit_requested = Signal(int)

    CASE_COLUMNS = (
        QT_TR_NOOP("编号"),
        QT_TR_NOOP("受理时间"),
        QT_TR_NOOP("性质"),
        QT_TR_NOOP("类别"),
        QT_TR_NOOP("状态"),
        QT_TR_NOOP("内容"),
    )
    OCCUPANT_COLUMNS = (QT_TR_NOOP("姓名"), QT_TR_NOOP("类型"), QT_TR_NOOP("联系电话"))

    def __init__(self, files: OwnerFiles, owner_id: int, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files = files
        self.actor = actor
        opened = files.open_file(owner_id, actor)  # raises UserError when the role may not
        self.owner = opened.owner
        shown = opened.masked
        self.case_ids = [c.id for c in opened.cases]
        self.setWindowTitle(self.tr("业主档案 — {0}").format(shown.name))
        self.resize(860, 620)

        # The person
        self.name = QLabel(f"<b>{shown.name}</b>({self.tr(shown.occupant_type)})")
        self.room = QLabel(shown.room or self.tr("(未登记房号)"))
        move_in = self.owner.move_in
        self.move_in = QLabel(f"{move_in:%Y-%m-%d}" if move_in else self.tr("—"))
        self.phone = QLabel(shown.phone or self.tr("(未登记)"))
        self.id_number = QLabel(shown.id_number or self.tr("(未登记)"))
        for label in (self.phone, self.id_number):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setMinimumWidth(170)
        self.reveal_phone_button = QPushButton(self.tr("显示"))
        self.reveal_id_button = QPushButton(self.tr("显示"))
        self._reveal_tooltips(shown)
        self.reveal_phone_button.clicked.connect(self.reveal_phone)
        self.reveal_id_button.clicked.connect(self.reveal_id)
        self.note = QLabel(self.owner.note or self.tr("—"))
        self.note.setWordWrap(True)
        status = "" if self.owner.active else self.tr("(已迁出)")

        person = QGroupBox(self.tr("基本信息") + status)
        form = QFormLayout(person)
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("房号"), self.room)
        form.addRow(self.tr("入住日期"), self.move_in)
        form.addRow(self.tr("联系电话"), self._with_button(self.phone, self.reveal_phone_button))
        form.addRow(self.tr("身份证号"), self._with_button(self.id_number, self.reveal_id_button))
        form.addRow(self.tr("备注"), self.note)
        logged = QLabel(self.tr("查看本档案及每次显示号码均已记录(查看人、时间)。"))
        logged.setStyleSheet("color: #8a5a00;")
        logged.setWordWrap(True)
        form.addRow(logged)

        # Who else lives there
        self.occupants = _table(self.OCCUPANT_COLUMNS, self.tr)
        self.occupants.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._fill_occupants(opened.occupants)
        occupants_box = QGroupBox(self.tr("同住人员(家属、租户)"))
        QVBoxLayout(occupants_box).addWidget(self.occupants)

        # The owner's cases
        self.cases = _table(self.CASE_COLUMNS, self.tr)
        self.cases.setRowCount(len(opened.cases))
        for r, case in enumerate(opened.cases):
            values = (case.number, f"{case.received_at:%Y-%m-%d %H:%M}", case.kind, case.category, case.state,
                      _one_line(case.account))  # fmt: skip
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 5:
                    item.setToolTip(case.account)
                self.cases.setItem(r, c, item)
        self.cases.cellDoubleClicked.connect(lambda row, _c: self.case_activated.emit(self.case_ids[row]))
        cases_box = QGroupBox(self.tr("该住户的案件({0} 件,双击打开)").format(len(opened.cases)))
        QVBoxLayout(cases_box).addWidget(self.cases)

        # Buttons
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        self.history_button = buttons.addButton(self.tr("修改记录…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.history_button.clicked.connect(self.show_history)
        self.edit_button = buttons.addButton(self.tr("修改…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.edit_button.setEnabled(can(actor, "owner.edit"))
        self.edit_button.clicked.connect(lambda: (self.edit_requested.emit(self.owner.id), self.accept()))

        top = QHBoxLayout()
        top.addWidget(person, 3)
        top.addWidget(occupants_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(cases_box, 1)
        layout.addWidget(buttons)

    def _with_button(self, label: QLabel, button: QPushButton) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(button)
        row.addStretch(1)
        return box

    def _reveal_tooltips(self, shown: MaskedOwner) -> None:
        for button, allowed, has, permission in (
            (
                self.reveal_phone_button,
                shown.can_reveal_phone,
                bool(self.owner.phone),
                QT_TR_NOOP("客服员、主任、经理"),
            ),
            (
                self.reveal_id_button,
                shown.can_reveal_id,
                bool(self.owner.id_number),
                QT_TR_NOOP("客服主任、管理处经理"),
            ),
        ):
            button.setEnabled(allowed)
            if not has:
                button.setToolTip(self.tr("未登记"))
            elif allowed:
                button.setToolTip(self.tr("显示完整号码(此操作会记录在审计记录中)"))
            else:
                button.setToolTip(self.tr("您的角色不能查看完整号码(限{0})").format(self.tr(permission)))

    def _fill_occupants(self, occupants: list[MaskedOwner]) -> None:
        self.occupants.setRowCount(len(occupants))
        for r, o in enumerate(occupants):
            for c, value in enumerate((o.name, o.occupant_type, o.phone)):
                self.occupants.setItem(r, c, QTableWidgetItem(value))

    def reveal_phone(self) -> None:
        try:
            value = self.files.reveal_phone(self.owner, self.actor)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("显示号码"), str(exc))
            return
        self.phone.setText(value)
        self.reveal_phone_button.setEnabled(False)

    def reveal_id(self) -> None:
        try:
            value = self.files.reveal_id(self.owner, self.actor)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("显示身份证号"), str(exc))
            return
        self.id_number.setText(value)
        self.reveal_id_button.setEnabled(False)

    def show_history(self) -> None:
        HistoryDialog("owner", self.owner.id, self.owner.name, self).exec()


class OwnerEditDialog(QDialog):
    """Add an owner, or correct one. The stored phone and ID number are never put in the
    fields (that would be an unlogged reveal): left empty they stay as they are."""

    FIELDS = (
        QT_TR_NOOP("房号"),
        QT_TR_NOOP("姓名"),
        QT_TR_NOOP("类型"),
        QT_TR_NOOP("联系电话"),
        QT_TR_NOOP("身份证号"),
        QT_TR_NOOP("入住日期"),
        QT_TR_NOOP("备注"),
    )

    def __init__(self, files: OwnerFiles, actor: Staff, owner: Owner | None = None,
                 shown: MaskedOwner | None = None, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.files = files
        self.actor = actor
        self.existing = owner
        self.saved: Owner | None = None
        self.setWindowTitle(self.tr("修改业主资料") if owner else self.tr("新增业主"))
        self.setStyleSheet(INVALID_STYLE)
        self.resize(520, 460)

        self.room = QLineEdit()
        self.room.setPlaceholderText(self.tr("楼栋-单元-房号,如 3-2-501"))
        self.name = QLineEdit()
        self.name.setMaxLength(40)
        self.kind = QComboBox()
        self.kind.addItems([self.tr(k) for k in domain.OCCUPANT_TYPES])
        self.phone = QLineEdit()
        self.phone.setMaxLength(20)
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(22)
        self.has_move_in = QCheckBox(self.tr("已入住"))
        self.move_in = QDateEdit(QDate.currentDate())
        self.move_in.setCalendarPopup(True)
        self.move_in.setDisplayFormat("yyyy-MM-dd")
        self.has_move_in.toggled.connect(self.move_in.setEnabled)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(70)
        self.active = QCheckBox(self.tr("在住(取消勾选表示已迁出)"))
        self.active.setChecked(True)
        if owner is not None:
            self.room.setText(owner.room.label if owner.room_id else "")
            self.name.setText(owner.name)
            self.kind.setCurrentIndex(max(0, domain.OCCUPANT_TYPES.index(owner.occupant_type)
                                          if owner.occupant_type in domain.OCCUPANT_TYPES else 0))  # fmt: skip
            masked_phone = shown.phone if shown else ""
            masked_id = shown.id_number if shown else ""
            self.phone.setPlaceholderText(
                self.tr("留空则不改(现为 {0})").format(masked_phone) if masked_phone else self.tr("未登记")
            )
            self.id_number.setPlaceholderText(
                self.tr("留空则不改(现为 {0})").format(masked_id) if masked_id else self.tr("未登记")
            )
            self.has_move_in.setChecked(owner.move_in is not None)
            if owner.move_in:
                self.move_in.setDate(QDate(owner.move_in.year, owner.move_in.month, owner.move_in.day))
            self.note.setPlainText(owner.note)
            self.active.setChecked(owner.active)
        else:
            self.phone.setPlaceholderText(self.tr("手机或固话,如 13812345678、021-62345678"))
            self.id_number.setPlaceholderText(self.tr("18 位,可不填"))
        self.move_in.setEnabled(self.has_move_in.isChecked())

        self.general_error = ErrorLabel()
        self.errors = FieldErrors(self.general_error)
        form = QFormLayout()
        move_in_row = QHBoxLayout()
        move_in_row.addWidget(self.has_move_in)
        move_in_row.addWidget(self.move_in)
        move_in_row.addStretch(1)
        widgets: dict[str, QWidget | QHBoxLayout] = {
            "房号": self.room, "姓名": self.name, "类型": self.kind, "联系电话": self.phone,
            "身份证号": self.id_number, "入住日期": move_in_row, "备注": self.note,
        }  # fmt: skip
        for name in self.FIELDS:
            widget = widgets[name]
            label = ErrorLabel()
            if isinstance(widget, QHBoxLayout):
                form.addRow(self.tr(name), widget)
                self.errors.bind(name, label, self.move_in)
            else:
                form.addRow(self.tr(name), widget)
                self.errors.bind(name, label, widget)
            form.addRow("", label)
        form.addRow("", self.active)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def value(self) -> OwnerInput:
        move_in = None
        if self.has_move_in.isChecked():
            d = self.move_in.date()
            move_in = dt.date(d.year(), d.month(), d.day())
        return OwnerInput(
            room=self.room.text(),
            name=self.name.text(),
            occupant_type=domain.OCCUPANT_TYPES[self.kind.currentIndex()],
            phone=self.phone.text(),
            id_number=self.id_number.text(),
            move_in=move_in,
            note=self.note.toPlainText(),
            active=self.active.isChecked(),
        )

    def save(self) -> None:
        try:
            self.saved = self.files.save_owner(self.value(), self.actor, existing=self.existing)
        except ValidationError as exc:
            self.errors.show(exc.problems)
            return
        except UserError as exc:
            self.errors.clear()
            self.general_error.set_error(str(exc))
            return
        self.errors.clear()
        self.accept()


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

    def __init__(self, files: OwnerFiles, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files = files
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
        self.count.setStyleSheet("color: #555;")

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

        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
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
        note.setStyleSheet("color: #555;")

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
            self.search.text(), include_inactive=self.include_inactive.isChecked()
        )
        self.table.setRowCount(len(self._owners))
        for r, owner in enumerate(self._owners):
            shown = self.files.masked(owner, self.actor)
            kind = self.tr(shown.occupant_type) + ("" if owner.active else self.tr("(已迁出)"))
            values = (shown.room, shown.name, kind, shown.phone,
                      f"{owner.move_in:%Y-%m-%d}" if owner.move_in else "", _one_line(owner.note, 40))  # fmt: skip
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        for col in range(len(self.COLUMNS) - 1):
            self.table.resizeColumnToContents(col)
        self.count.setText(
            self.count_text(self.files.count(self.search.text(), self.include_inactive.isChecked()))
        )
        self._update_buttons()

    def count_text(self, found: OwnerCount) -> str:
        """How many people the search finds in all, by type, in how many rooms; and when the
        list holds fewer than that, that it shows only the first ones."""
        if not found.people:
            return self.tr("没有找到符合条件的人")
        order = [k for k in domain.OCCUPANT_TYPES if k in found.by_type]
        order += sorted(set(found.by_type) - set(order))
        kinds = self.tr("、").join(f"{self.tr(kind)} {found.by_type[kind]:,}" for kind in order)
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
        return self.table.item(row, 3).text()

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
            dialog = OwnerFileDialog(self.files, owner_id, self.actor, self)
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
        owner = Owner.get_or_none(Owner.id == owner_id)
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

    def export_to(self, path: Path) -> int | None:
        try:
            count = self.files.export_owners(
                path, self.actor, include_inactive=self.include_inactive.isChecked()
            )
        except UserError as exc:
            self.banner.show_message(str(exc), "error")
            return None
        self.banner.show_message(
            self.tr("已导出 {0} 人到 {1}。文件含完整电话和身份证号,请妥善保管;此次导出已记录。").format(
                count, path
            ),
            "warn",
        )
        return count
