"""签名: `SignatureDialog` is the large window for signing on the pad (ui/signature_pad.py),
with the signer's name and relation; `SignatureField` the compact line a form embeds (未签名
or a thumbnail, and a 签名… button).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QPixmap,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import term
from app.signatures import SIGNER_RELATIONS, SignatureCapture
from app.validation import clean_text
from ui import palette
from ui.signature_pad import SignaturePad, signature_pixmap
from ui.widgets import ErrorLabel


class SignatureDialog(QDialog):
    """签名: the signer's name, who they are, and the pad; 确定 refuses a dot or nothing."""

    def __init__(
        self,
        title: str | None = None,
        signer_name: str = "",
        relation: str = "业主本人",
        ask_relation: bool = True,
        previous: SignatureCapture | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("客户签名"))
        self.capture: SignatureCapture | None = None
        self.ask_relation = ask_relation

        self.name_edit = QLineEdit(signer_name)
        self.name_edit.setMaxLength(40)
        self.name_edit.setPlaceholderText(self.tr("签名人姓名"))
        self.name_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉") * 12)
        self.relation_box = QComboBox()
        for word in SIGNER_RELATIONS:  # shown in the chosen language, the stored word as data
            self.relation_box.addItem(term(word), word)
        if relation in SIGNER_RELATIONS:
            self.relation_box.setCurrentIndex(self.relation_box.findData(relation))
        self.name_error = ErrorLabel()

        heading = QLabel(title)
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.35)
        big.setBold(True)
        heading.setFont(big)
        instructions = QLabel(
            self.tr("请在下方白色区域内签名(手指、触控笔或鼠标均可)。写错了可“撤销”上一笔或“清除”重签。")
        )
        instructions.setWordWrap(True)
        instructions.setStyleSheet(f"color: {palette.MUTED_TEXT};")

        who = QGridLayout()
        who.setHorizontalSpacing(8)
        who.setVerticalSpacing(2)
        who.addWidget(QLabel(self.tr("签名人")), 0, 0)
        who.addWidget(self.name_edit, 0, 1)
        relation_label = QLabel(self.tr("身份"))
        who.addWidget(relation_label, 0, 2)
        who.addWidget(self.relation_box, 0, 3)
        who.addWidget(self.name_error, 1, 1, 1, 3)
        who.setColumnStretch(4, 1)
        relation_label.setVisible(ask_relation)
        self.relation_box.setVisible(ask_relation)

        self.pad = SignaturePad()
        if previous is not None:
            self.pad.set_strokes(previous.strokes)
        frame = QFrame()
        frame.setObjectName("padFrame")
        frame.setStyleSheet(
            f"QFrame#padFrame {{ border: 1px solid {palette.STRONG_LINE}; border-radius: 4px;"
            f" background: {palette.PAPER}; }}"
        )
        frame_layout = QVBoxLayout(frame)
        frame_layout.setContentsMargins(1, 1, 1, 1)
        frame_layout.addWidget(self.pad)

        self.reason_label = ErrorLabel()
        self.clear_button = QPushButton(self.tr("清除"))
        self.undo_button = QPushButton(self.tr("撤销"))
        self.ok_button = QPushButton(self.tr("确定"))
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("取消"))
        for button in (self.clear_button, self.undo_button, self.ok_button, self.cancel_button):
            button.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉") * 5)
            button.setMinimumHeight(34)
        self.clear_button.clicked.connect(self.pad.clear)
        self.undo_button.clicked.connect(self.pad.undo)
        self.ok_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        self.pad.changed.connect(self._pad_changed)

        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addLayout(who)
        layout.addWidget(instructions)
        layout.addWidget(frame, 1)
        layout.addWidget(self.reason_label)
        layout.addLayout(buttons)
        self._pad_changed()
        self.resize(960, 540)  # fits a 1366×768 screen with its task bar

    def _pad_changed(self) -> None:
        self.reason_label.set_error(None)
        self.undo_button.setEnabled(not self.pad.is_empty())
        self.clear_button.setEnabled(not self.pad.is_empty())

    def accept(self) -> None:
        name = clean_text(self.name_edit.text())
        self.name_error.set_error(None if name else self.tr("请填写签名人姓名"))
        reason = self.pad.reason()
        self.reason_label.set_error(reason)
        if not name:
            self.name_edit.setFocus()
            return
        if reason:
            self.pad.setFocus()
            return
        relation = self.relation_box.currentData() if self.ask_relation else ""
        self.capture = self.pad.capture(name, relation)
        super().accept()


class SignatureField(QWidget):
    """A form's signature line: 未签名 or a thumbnail of the signature, and 签名…."""

    changed = Signal()
    THUMB = QSize(220, 72)

    def __init__(
        self, title: str, default_name: str = "", parent: QWidget | None = None, *, ask_relation: bool = True
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.default_name = default_name
        self.ask_relation = ask_relation
        self._capture: SignatureCapture | None = None
        self.dialog: SignatureDialog | None = None

        self.thumbnail = QLabel()
        self.thumbnail.setFixedSize(self.THUMB + QSize(4, 4))
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setStyleSheet(
            f"QLabel {{ border: 1px dashed {palette.STRONG_LINE}; border-radius: 3px; background: {palette.PAPER};"
            f" color: {palette.MUTED_TEXT}; }}"
        )
        self.signer_label = QLabel()
        self.signer_label.setStyleSheet(f"color: {palette.HEADING_TEXT};")
        self.sign_button = QPushButton(self.tr("签名…"))
        self.sign_button.clicked.connect(self.open_dialog)
        self.clear_button = QPushButton(self.tr("清除"))
        self.clear_button.clicked.connect(self.clear)

        side = QVBoxLayout()
        side.setSpacing(4)
        side.addWidget(self.signer_label)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.sign_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        side.addLayout(buttons)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.thumbnail)
        layout.addLayout(side, 1)
        self._show()

    def capture(self) -> SignatureCapture | None:
        return self._capture

    def clear(self) -> None:
        if self._capture is None:
            return
        self._capture = None
        self._show()
        self.changed.emit()

    def open_dialog(self) -> SignatureDialog:
        previous = self._capture
        self.dialog = SignatureDialog(
            self.title,
            previous.signer_name if previous else self.default_name,
            previous.relation if previous and previous.relation else "业主本人",
            ask_relation=self.ask_relation,
            previous=previous,
            parent=self,
        )
        self.dialog.accepted.connect(self._signed)
        self.dialog.open()
        return self.dialog

    def _signed(self) -> None:
        if self.dialog is not None and self.dialog.capture is not None:
            self._capture = self.dialog.capture
            self._show()
            self.changed.emit()

    def _show(self) -> None:
        capture = self._capture
        if capture is None:
            self.thumbnail.setPixmap(QPixmap())
            self.thumbnail.setText(self.tr("未签名"))
            self.signer_label.setText(self.title)
            self.sign_button.setText(self.tr("签名…"))
            self.clear_button.hide()
            return
        self.thumbnail.setPixmap(signature_pixmap(capture.strokes, self.THUMB, self.devicePixelRatioF()))
        who = capture.signer_name + (f"({capture.relation})" if capture.relation else "")
        self.signer_label.setText(self.tr("{0}:{1}").format(self.title, who))
        self.sign_button.setText(self.tr("重签…"))
        self.clear_button.show()
