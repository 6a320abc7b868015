"""回访结果: the form the visitor fills in — method (only what the rule allows), time and
appointment, whom they met, findings, shortcomings, the owner's opinion, the repair's checks,
satisfaction (five levels) and the questions to answer later."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app import domain
from app.i18n import term
from app.visits import UNSATISFIED, VisitResult, VisitService
from ui.palette import OVERDUE_TEXT
from ui.visit_record.parts import MUTED, datetime_edit, text_box, with_error
from ui.visit_record.questions import QuestionTable
from ui.visit_record.signature import SignatureSection
from ui.widgets import ErrorLabel, from_qdatetime, to_qdatetime

if TYPE_CHECKING:
    from app.models import Case, Visit

MET_RELATIONS = ["业主本人", "家属", "租户"]  # data: stored in 受访人, shown through term()
WORD = "word"  # the property holding a button's stored word

# The names of `ValidationError.problems` for the result form, in the form's order.
RESULT_FIELDS = (
    "回访方式",
    "回访时间",
    "回访内容",
    "不足之处",
    "客户意见",
    "满意度",
    "待答复问题",
    "答复日期",
    "客户签名",
    "表单编号",
)


class ResultSection(QGroupBox):
    method_changed = Signal(str)

    def __init__(
        self,
        visit: Visit,
        case: Case | None,
        visits: VisitService,
        field_errors: dict[str, ErrorLabel],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("回访结果"), parent)
        now = visits.clock.now()
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(8)

        # 回访方式: only what the policy allows here (the rule the recorder checks)
        self.method_group = QButtonGroup(self)
        self.method_buttons: dict[str, QRadioButton] = {}
        methods = QHBoxLayout()
        methods.setSpacing(14)
        for method in visits.allowed_methods(visit):
            button = QRadioButton(term(method))
            button.setProperty(WORD, method)  # the stored word; the button shows it in the chosen language
            self.method_group.addButton(button)
            self.method_buttons[method] = button
            methods.addWidget(button)
        if visit.attempt > 1:
            note = QLabel(self.tr("第{0}次回访,可电话回访").format(visit.attempt))
            note.setStyleSheet(MUTED)
            methods.addWidget(note)
        methods.addStretch(1)
        if len(self.method_buttons) == 1:
            next(iter(self.method_buttons.values())).setChecked(True)
        self.method_group.buttonToggled.connect(lambda *_: self.method_changed.emit(self.method()))
        form.addRow(self.tr("回访方式"), with_error(methods, field_errors["回访方式"]))

        # 回访时间 and 预约时间
        self.done_at_edit = datetime_edit(now)
        self.appointment_box = QCheckBox(self.tr("有预约,预约时间"))
        self.appointment_edit = datetime_edit(visit.appointment or now)
        self.appointment_box.setChecked(visit.appointment is not None)
        self.appointment_edit.setEnabled(visit.appointment is not None)
        self.appointment_box.toggled.connect(self.appointment_edit.setEnabled)
        times = QHBoxLayout()
        times.setSpacing(8)
        times.addWidget(self.done_at_edit)
        times.addSpacing(24)
        times.addWidget(self.appointment_box)
        times.addWidget(self.appointment_edit)
        times.addStretch(1)
        form.addRow(self.tr("回访时间"), with_error(times, field_errors["回访时间"]))

        # Who was met
        self.met_relation = QComboBox()
        for relation in MET_RELATIONS:
            self.met_relation.addItem(term(relation), relation)
        self.met_name = QLineEdit()
        self.met_name.setMaxLength(30)
        self.met_name.setPlaceholderText(self.tr("姓名或称呼"))
        if case is not None and case.customer_name:
            self.met_name.setText(case.customer_name)
        met = QHBoxLayout()
        met.setSpacing(8)
        met.addWidget(self.met_relation)
        met.addWidget(self.met_name, 1)
        form.addRow(self.tr("接受回访人"), met)

        is_repair = case is not None and case.kind == "报修"
        self.findings = text_box(
            self.tr("维修质量、服务效果如何;客户怎么说")
            if is_repair
            else self.tr("处理质量、服务效果如何;客户怎么说"),
            3,
        )
        self.shortcomings = text_box(self.tr("客户指出的不足(可不填)"), 2)
        self.opinion = text_box(self.tr("客户的意见和建议(可不填)"), 2)
        form.addRow(self.tr("回访内容"), with_error(self.findings, field_errors["回访内容"]))
        form.addRow(self.tr("不足之处"), with_error(self.shortcomings, field_errors["不足之处"]))
        form.addRow(self.tr("客户意见/建议"), with_error(self.opinion, field_errors["客户意见"]))

        self.repair_fields: QWidget | None = None
        if is_repair:
            self.repair_fields = self._repair_fields()
            form.addRow(self.tr("维修情况"), self.repair_fields)

        # 满意度: five levels
        self.satisfaction_group = QButtonGroup(self)
        self.satisfaction_buttons: dict[str, QRadioButton] = {}
        levels = QHBoxLayout()
        levels.setSpacing(14)
        for level in domain.SATISFACTION:
            button = QRadioButton(term(level, "satisfaction"))
            button.setProperty(WORD, level)
            if level in UNSATISFIED:
                button.setStyleSheet(f"color: {OVERDUE_TEXT};")
            self.satisfaction_group.addButton(button)
            self.satisfaction_buttons[level] = button
            levels.addWidget(button)
        levels.addStretch(1)
        form.addRow(self.tr("满意度"), with_error(levels, field_errors["满意度"]))

        self.questions = QuestionTable(now.date() + dt.timedelta(days=3))
        questions_errors = QVBoxLayout()
        questions_errors.setSpacing(2)
        questions_errors.addWidget(field_errors["待答复问题"])
        questions_errors.addWidget(field_errors["答复日期"])
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.setSpacing(2)
        holder_layout.addWidget(self.questions)
        holder_layout.addLayout(questions_errors)
        form.addRow(self.tr("待答复问题"), holder)

    def _repair_fields(self) -> QWidget:
        """维修情况: was the site seen, were the charges checked, how the workers behaved."""
        self.site_checked = QComboBox()
        self.site_checked.addItem(self.tr("(未填)"), None)
        self.site_checked.addItem(self.tr("已到现场查看"), True)
        self.site_checked.addItem(self.tr("未到现场"), False)
        self.worker_conduct = QLineEdit()
        self.worker_conduct.setMaxLength(100)
        self.worker_conduct.setPlaceholderText(self.tr("准时、礼貌、完工清理现场…"))
        self.charges_checked = QComboBox()
        self.charges_checked.addItem(self.tr("(未填)"), None)
        self.charges_checked.addItem(self.tr("已核实,收费相符"), True)
        self.charges_checked.addItem(self.tr("未核实"), False)
        fields = QWidget()
        repair = QGridLayout(fields)
        repair.setContentsMargins(0, 0, 0, 0)
        repair.setHorizontalSpacing(8)
        repair.addWidget(QLabel(self.tr("现场查看")), 0, 0)
        repair.addWidget(self.site_checked, 0, 1)
        repair.addWidget(QLabel(self.tr("收费核实")), 0, 2)
        repair.addWidget(self.charges_checked, 0, 3)
        repair.setColumnStretch(4, 1)
        repair.addWidget(QLabel(self.tr("维修人员表现")), 1, 0)
        repair.addWidget(self.worker_conduct, 1, 1, 1, 4)
        return fields

    def method(self) -> str:
        button = self.method_group.checkedButton()
        return str(button.property(WORD)) if button is not None else ""

    def set_appointment(self, moment: dt.datetime) -> None:
        self.appointment_box.setChecked(True)
        self.appointment_edit.setDateTime(to_qdatetime(moment))

    def error_widgets(self) -> dict[str, QWidget | None]:
        """Where the keyboard goes when a field of this form is refused."""
        return {
            "回访方式": next(iter(self.method_buttons.values()), None),
            "回访时间": self.done_at_edit,
            "回访内容": self.findings,
            "不足之处": self.shortcomings,
            "客户意见": self.opinion,
            "满意度": self.satisfaction_buttons[domain.SATISFACTION[0]],
            "待答复问题": self.questions.table,
            "答复日期": self.questions.table,
        }

    def visit_result(self, signature: SignatureSection) -> VisitResult:
        """What the form (and the signature section) says now."""
        name = self.met_name.text().strip()
        met = f"{self.met_relation.currentData()} {name}".strip()
        repair = self.repair_fields is not None
        return VisitResult(
            method=self.method(),
            satisfaction=(str(b.property(WORD)) if (b := self.satisfaction_group.checkedButton()) else None),
            done_at=from_qdatetime(self.done_at_edit.dateTime()),
            met_person=met,
            appointment=from_qdatetime(self.appointment_edit.dateTime())
            if self.appointment_box.isChecked()
            else None,
            findings=self.findings.toPlainText(),
            shortcomings=self.shortcomings.toPlainText(),
            opinion=self.opinion.toPlainText(),
            site_checked=self.site_checked.currentData() if repair else None,
            worker_conduct=self.worker_conduct.text() if repair else "",
            charges_checked=self.charges_checked.currentData() if repair else None,
            form_no=signature.form_no() or None,
            signed=signature.signed(),
            questions=self.questions.questions(),
            customer_signature=signature.customer_signature(),
            visitor_signature=signature.visitor_signature(),
            second_visitor_signature=signature.second_visitor_signature(),
        )
