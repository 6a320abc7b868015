"""The small dialogs of the form ledger (表单台账): 打印空白表, 领用, 交回 and 作废.

Each is an `ActionDialog` whose 确定 the ledger page wires to `FormLedger`; a refusal shows
beside the field it names and what was typed stays. 归档 and 销毁登记 are in ui/form_archive.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import domain
from app.errors import ValidationError
from app.forms import MAX_SCAN_BYTES, FormLedger
from app.i18n import term
from app.validation import clean_text
from ui.dialogs import ActionDialog
from ui.palette import MUTED_TEXT
from ui.progress import FORMS, ProgressPanel, failure_words
from ui.worker import Job, run_in_background

if TYPE_CHECKING:
    from app.models import FormSheet, Staff, Visit

VOID_REASONS = ["填写错误", "污损", "遗失", "打印错误", "重复打印"]  # data: stored as the void reason


def describe_visit(visit: Visit, subject: str) -> str:
    """回访 #12(第1次,计划) and what it is about."""
    return QCoreApplication.translate("FormLedger", "回访 #{0}(第{1}次,{2}) {3}").format(
        visit.id, visit.attempt, visit.state, subject
    )


class BlankFormsDialog(ActionDialog):
    """打印空白回访记录表: how many. With `make` (count -> the preview's PDF), 生成并预览 makes
    the PDF on a worker thread (100 forms take about a second) with the dialog showing it is
    busy; it closes when the PDF is made (`pdf`), or stays with the reason when refused."""

    def __init__(self, parent: QWidget | None = None, make: Callable[[int], bytes] | None = None) -> None:
        super().__init__(self.tr("打印空白回访记录表"), self.tr("生成并预览"), parent)
        self.make = make
        self.pdf: bytes | None = None
        self.job: Job[bytes] | None = None
        self.count = QSpinBox()
        self.count.setRange(1, 500)
        self.count.setValue(10)
        self.count.setSuffix(self.tr(" 份"))
        note = QLabel(
            self.tr(
                "打印时每份表占用一个新编号(HF-年份-序号)并记入台账;"
                "打印失败或取消的编号当即作废,不会重复使用。"
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {MUTED_TEXT};")
        self.add_row(self.tr("份数"), self.count, "份数")
        self.form.addRow(note)
        self.busy = ProgressPanel(self, unit=FORMS)
        self.busy.hide()
        self.form.addRow(self.busy)

    def run(self) -> None:
        if self.make is None:
            super().run()
            return
        if self.job is not None and self.job.running:
            return
        make, count = self.make, self.count.value()
        self.ok_button.setEnabled(False)
        self.count.setEnabled(False)
        self.errors.clear()
        self.busy.begin(self.tr("正在生成 {0} 份空白回访记录表…").format(count))
        self.busy.show()
        self.job = run_in_background(
            self, lambda _progress: make(count), on_done=self._made, on_failed=self._refused
        )

    def _made(self, pdf: bytes) -> None:
        self.pdf = pdf
        self.busy.hide()
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.busy.hide()
        self.ok_button.setEnabled(True)
        self.count.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.errors.show(exc.problems)
        else:
            self.show_error(failure_words(exc))

    def reject(self) -> None:
        if self.job is not None and self.job.running:
            return  # the PDF is being made: it takes a moment, and no number is taken by it
        super().reject()


class SignOutDialog(ActionDialog):
    """领用: who takes the form along, for which visit item."""

    def __init__(self, form: FormSheet, people: list[Staff], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("领用 {0}").format(form.number), self.tr("领用"), parent)
        self.people = people
        self.person = QComboBox()
        self.person.addItem(self.tr("(请选择)"), None)
        for person in people:
            self.person.addItem(
                f"{person.name}({term(domain.ROLES.get(person.role, person.role))})", person.id
            )
        self.item_edit = QLineEdit(form.visit_item)
        self.item_edit.setMaxLength(100)
        self.item_edit.setPlaceholderText(self.tr("如 TS-2026-00042 报修·水电,或 季度巡访 3 栋"))
        self.remarks = QLineEdit()
        self.remarks.setMaxLength(200)
        self.form.addRow(self.tr("表单编号"), QLabel(form.number))
        self.add_row(self.tr("领用人"), self.person, "领用人")
        self.add_row(self.tr("回访事项"), self.item_edit, "回访事项")
        self.add_row(self.tr("备注"), self.remarks, "备注")

    def chosen(self) -> Staff | None:
        staff_id = self.person.currentData()
        return next((p for p in self.people if p.id == staff_id), None)

    def choose(self, name: str) -> None:
        for i in range(self.person.count()):
            if self.person.itemText(i).startswith(name + "("):
                self.person.setCurrentIndex(i)
                return


class ReturnDialog(ActionDialog):
    """交回: who checked it, which visit it records, and a scan or photo of the signed paper."""

    def __init__(
        self, forms: FormLedger, form: FormSheet, checked_by: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("交回 {0}").format(form.number), self.tr("交回"), parent)
        self.forms = forms
        self.linked = forms.visit_of(form)
        self.checked_by = QLineEdit(checked_by)
        self.checked_by.setMaxLength(40)
        self.use_linked = QRadioButton(
            self.tr("本表关联的回访:{0}").format(
                describe_visit(self.linked, forms.visit_subject(self.linked))
            )
            if self.linked
            else self.tr("本表未关联回访")
        )
        self.use_other = QRadioButton(self.tr("另指定"))
        self.visit_ref = QLineEdit()
        self.visit_ref.setPlaceholderText(self.tr("回访编号,或案件编号(如 TS-2026-00042)"))
        self.visit_ref.textEdited.connect(lambda _text: self.use_other.setChecked(True))
        if self.linked is not None:
            self.use_linked.setChecked(True)
        else:
            self.use_linked.setEnabled(False)
            self.use_other.setChecked(True)
        visit_box = QWidget()
        visit_layout = QVBoxLayout(visit_box)
        visit_layout.setContentsMargins(0, 0, 0, 0)
        visit_layout.setSpacing(4)
        visit_layout.addWidget(self.use_linked)
        other = QHBoxLayout()
        other.addWidget(self.use_other)
        other.addWidget(self.visit_ref, 1)
        visit_layout.addLayout(other)

        self.scan_path = QLineEdit()
        self.scan_path.setPlaceholderText(self.tr("可选:签字后的纸质表的扫描件或照片"))
        self.browse_button = QPushButton(self.tr("选择文件…"))
        self.browse_button.clicked.connect(self.browse)
        scan_row = QWidget()
        scan_layout = QHBoxLayout(scan_row)
        scan_layout.setContentsMargins(0, 0, 0, 0)
        scan_layout.addWidget(self.scan_path, 1)
        scan_layout.addWidget(self.browse_button)
        self.remarks = QLineEdit(form.remarks)
        self.remarks.setMaxLength(200)

        self.form.addRow(
            self.tr("表单编号"),
            QLabel(
                f"{form.number}({term(form.state)}{',' + form.taken_by_name if form.taken_by_name else ''})"
            ),
        )
        self.add_row(self.tr("核对人"), self.checked_by, "核对人")
        self.add_row(self.tr("回访"), visit_box, "回访", self.visit_ref)
        self.add_row(self.tr("扫描件"), scan_row, "扫描件", self.scan_path)
        self.add_row(self.tr("备注"), self.remarks, "备注")
        note = QLabel(
            self.tr(
                "交回的表须是已录入结果的那次回访的表(在回访记录中填写表号保存,即自动记为交回)。"
                "没有用过的表不能交回,请作废并写明原因。"
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {MUTED_TEXT};")
        self.form.addRow(note)
        self.setMinimumWidth(600)

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择扫描件或照片"),
            "",
            self.tr("图片或 PDF (*.jpg *.jpeg *.png *.pdf *.tif *.tiff);;所有文件 (*)"),
        )
        if path:
            self.scan_path.setText(path)

    def visit(self) -> Visit | None:
        """The visit chosen; None when the form's own linked visit stands."""
        if self.use_linked.isChecked() and self.linked is not None:
            return None
        return self.forms.find_visit(self.visit_ref.text())

    def scan(self) -> tuple[bytes | None, str]:
        text = clean_text(self.scan_path.text())
        if not text:
            return None, ""
        path = Path(text)
        try:
            if path.stat().st_size > MAX_SCAN_BYTES:
                raise ValidationError({"扫描件": self.tr("文件太大(最多 20 MB)")})
            return path.read_bytes(), path.name
        except FileNotFoundError:
            raise ValidationError({"扫描件": self.tr("找不到文件 {0}").format(path)}) from None
        except IsADirectoryError:
            raise ValidationError({"扫描件": self.tr("这是一个文件夹,请选择文件")}) from None
        except OSError as exc:
            raise ValidationError({"扫描件": self.tr("无法读取:{0}").format(exc.strerror or exc)}) from None


class VoidDialog(ActionDialog):
    def __init__(self, form: FormSheet, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("作废 {0}").format(form.number), self.tr("作废"), parent)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems([""] + VOID_REASONS)
        self.reason.setCurrentText("")
        line = self.reason.lineEdit()
        assert line is not None  # an editable combo box has one
        line.setPlaceholderText(self.tr("选择或填写作废原因"))
        line.setMaxLength(150)
        note = QLabel(self.tr("作废的编号留在台账中,不会再使用。"))
        note.setStyleSheet(f"color: {MUTED_TEXT};")
        self.form.addRow(self.tr("表单编号"), QLabel(f"{form.number}({term(form.state)})"))
        self.add_row(self.tr("作废原因"), self.reason, "作废原因")
        self.form.addRow(note)
