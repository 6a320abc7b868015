"""客户签名: drawn on the screen (签字板) or on the numbered paper 《回访记录表》, and the
visitor's own signature; a visit made by two together has the second visitor's pad too (H24)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.signatures import SignatureCapture
from ui.signature_dialog import SignatureField
from ui.visit_record.parts import MUTED


class SignatureSection(QWidget):
    """客户签名: drawn on the screen (签字板) or on the numbered paper 《回访记录表》,
    and the visitor's own signature (回访人签名)."""

    changed = Signal()

    def __init__(
        self,
        needs_signature: bool,
        form_no: str = "",
        customer: str = "",
        visitor: str = "",
        parent: QWidget | None = None,
        forms: list[tuple[str, str]] | None = None,
        second_visitor: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.needs_signature = needs_signature
        self.rule_label = QLabel()
        self.rule_label.setWordWrap(True)
        self.customer_field = SignatureField(self.tr("客户签名"), customer)
        self.visitor_field = SignatureField(self.tr("回访人签名"), visitor, ask_relation=False)
        # Two visitors together (seed 002 第4条): where the visitor signs, both sign.
        self.second_field: SignatureField | None = None
        if second_visitor is not None:
            self.second_field = SignatureField(self.tr("第二回访人签名"), second_visitor, ask_relation=False)
        self.signed_box = QCheckBox(self.tr("或:客户已在纸质《回访记录表》上签字"))
        # The forms of the ledger this visit may be recorded on (number, what it is), offered
        # in a list; a number may still be typed or scanned, and the service checks it.
        self.forms = forms or []
        self.form_no_box = QComboBox()
        self.form_no_box.setEditable(True)
        self.form_no_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for number, words in self.forms:
            self.form_no_box.addItem(number, words)
            self.form_no_box.setItemData(self.form_no_box.count() - 1, words, Qt.ItemDataRole.ToolTipRole)
        line = self.form_no_box.lineEdit()
        assert line is not None
        self.form_no_edit: QLineEdit = line
        self.form_no_edit.setMaxLength(24)
        self.form_no_edit.setPlaceholderText(self.tr("选择或输入表上印的编号 NO."))
        self.form_no_box.setCurrentIndex(-1)
        self.form_no_box.setEditText(form_no)
        self.form_no_box.setMinimumWidth(self.fontMetrics().horizontalAdvance("HF-2026-000000") + 48)
        self.form_hint = QLabel()
        self.form_hint.setStyleSheet(MUTED)
        self.form_no_edit.textChanged.connect(self._show_form_hint)
        self.signed_box.toggled.connect(self._offer_the_only_form)
        self.note = QLabel(self.tr("电话回访无需客户签名,记录中注明“电话回访”。"))
        self.note.setWordWrap(True)
        self.note.setStyleSheet(MUTED)

        pads = QHBoxLayout()
        pads.setSpacing(16)
        fields = [(self.tr("客户"), self.customer_field), (self.tr("回访人"), self.visitor_field)]
        if self.second_field is not None:
            fields.append((self.tr("第二回访人"), self.second_field))
        for title, field in fields:
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(QLabel(title))
            column.addWidget(field)
            pads.addLayout(column)
        pads.addStretch(1)
        paper = QHBoxLayout()
        paper.setSpacing(8)
        paper.addWidget(self.signed_box)
        paper.addSpacing(16)
        paper.addWidget(QLabel(self.tr("回访记录表编号")))
        paper.addWidget(self.form_no_box)
        paper.addWidget(self.form_hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.rule_label)
        layout.addLayout(pads)
        layout.addLayout(paper)
        layout.addWidget(self.note)
        self.signed_box.toggled.connect(self.changed)
        self.customer_field.changed.connect(self.changed)
        self.set_method("")
        self._show_form_hint(form_no)

    def _show_form_hint(self, text: str) -> None:
        """Beside the number: what the chosen form is, or how many the ledger offers."""
        typed = text.strip().upper()
        words = next((w for n, w in self.forms if n == typed), None)
        if words is not None:
            self.form_hint.setText(words)
        elif not self.forms:
            self.form_hint.setText(self.tr("台账中没有本次回访可用的表(须为本次回访打印,或由回访人领用)"))
        else:
            self.form_hint.setText(self.tr("可选 {0} 张").format(len(self.forms)))

    def _offer_the_only_form(self, signed: bool) -> None:
        """Ticking 'signed on paper' with one usable form and no number yet: that form."""
        if signed and len(self.forms) == 1 and not self.form_no():
            self.form_no_box.setCurrentIndex(0)

    def signed(self) -> bool:
        return self.signed_box.isChecked()

    def form_no(self) -> str:
        return self.form_no_edit.text().strip()

    def customer_signature(self) -> SignatureCapture | None:
        return self.customer_field.capture()

    def visitor_signature(self) -> SignatureCapture | None:
        return self.visitor_field.capture()

    def second_visitor_signature(self) -> SignatureCapture | None:
        return self.second_field.capture() if self.second_field is not None else None

    def focus_widget(self) -> QWidget:
        return self.customer_field.sign_button

    def set_method(self, method: str) -> None:
        """Say, for the chosen method, whether a signature is needed."""
        if not self.needs_signature:
            text = self.tr("本类回访无需客户签名。")
        elif method == "上门":
            text = self.tr(
                "<b>上门回访须客户签名:</b>请客户在屏幕上签名,或在纸质回访记录表上签字并填写表号。"
            )
        elif method == "电话":
            text = self.tr("本次为电话回访:无需客户签名,记录为“电话回访”。")
        else:
            text = self.tr("上门回访须客户签名;电话回访无需签名。")
        self.rule_label.setText(text)
