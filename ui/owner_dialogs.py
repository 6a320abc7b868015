"""An owner's file (业主档案) and the form that adds or corrects an owner, opened from the
owners page (ui/owner_page.py).

Phones and ID numbers are shown masked; the full value appears only after a click on 显示,
which the role must allow and which is written to the audit trail. The edit form never fills
in the stored numbers: left empty, they stay as they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import domain
from app.audit_queries import AuditQueries
from app.errors import UserError, ValidationError
from app.i18n import term
from app.owner_files import MaskedOwner, OwnerFiles, OwnerInput
from app.permissions import can
from ui.history import HistoryDialog
from ui.i18n import QT_TR_NOOP
from ui.palette import NEARLY_DUE_TEXT
from ui.widgets import (
    INVALID_STYLE,
    ErrorLabel,
    FieldErrors,
    from_qdate,
    make_table,
    one_line,
    to_qdate,
)

if TYPE_CHECKING:
    from app.models import Owner, Staff


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

    def __init__(
        self,
        files: OwnerFiles,
        trail: AuditQueries,
        owner_id: int,
        actor: Staff,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.files = files
        self.trail = trail
        self.actor = actor
        opened = files.open_file(owner_id, actor)  # raises UserError when the role may not
        self.owner = opened.owner
        shown = opened.masked
        self.case_ids = [c.id for c in opened.cases]
        self.setWindowTitle(self.tr("业主档案 — {0}").format(shown.name))
        self.resize(860, 620)

        # The person
        self.name = QLabel(f"<b>{shown.name}</b>({term(shown.occupant_type)})")
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
        logged.setStyleSheet(f"color: {NEARLY_DUE_TEXT};")
        logged.setWordWrap(True)
        form.addRow(logged)

        # Who else lives there
        self.occupants = make_table([self.tr(c) for c in self.OCCUPANT_COLUMNS])
        self.occupants.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._fill_occupants(opened.occupants)
        occupants_box = QGroupBox(self.tr("同住人员(家属、租户)"))
        QVBoxLayout(occupants_box).addWidget(self.occupants)

        # The owner's cases
        self.cases = make_table([self.tr(c) for c in self.CASE_COLUMNS])
        self.cases.setRowCount(len(opened.cases))
        for r, case in enumerate(opened.cases):
            values = (case.number, f"{case.received_at:%Y-%m-%d %H:%M}", case.kind, case.category, case.state,
                      one_line(case.account))  # fmt: skip
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
        self.edit_button.clicked.connect(self._edit)

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
            for c, value in enumerate((o.name, term(o.occupant_type), o.phone)):
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

    def _edit(self) -> None:
        self.edit_requested.emit(self.owner.id)
        self.accept()

    def show_history(self) -> None:
        HistoryDialog(self.trail, "owner", self.owner.id, self.owner.name, self).exec()


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
        self.kind.addItems([term(k) for k in domain.OCCUPANT_TYPES])
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
            self.room.setText(owner.room.label if owner.room is not None else "")
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
                self.move_in.setDate(to_qdate(owner.move_in))
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
        move_in = from_qdate(self.move_in.date()) if self.has_move_in.isChecked() else None
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
