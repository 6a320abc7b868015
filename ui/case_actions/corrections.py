"""The steps that correct a case or its course: 重开、作废、典型案例、合并、重新定级."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app import domain
from app.errors import UserError, ValidationError
from app.i18n import term
from ui.case_actions.base import (
    HINT_STYLE,
    CaseActionDialog,
    CaseReasonDialog,
    datetime_edit,
    error_text,
    text_box,
)
from ui.palette import HEADING_TEXT, LINE, PANEL_BG, style
from ui.widgets import add_words, from_qdatetime, select_word, stored_word

if TYPE_CHECKING:
    from app.models import Case


class ReopenDialog(CaseReasonDialog):
    """重开: back to handling, e.g. the owner is not satisfied."""

    title = cast(str, QT_TR_NOOP("重开"))
    ok_label = cast(str, QT_TR_NOOP("重开"))
    hint = cast(str, QT_TR_NOOP("为什么重开,如业主不满意、问题复发"))
    label = cast(str, QT_TR_NOOP("重开原因(&R)"))
    field = "重开原因"

    def perform(self) -> None:
        self.cases.reopen(self.case, self.reason.toPlainText(), self.actor)


class VoidDialog(CaseReasonDialog):
    """作废: entered by mistake; nothing is deleted, the case stays in history."""

    title = cast(str, QT_TR_NOOP("作废"))
    ok_label = cast(str, QT_TR_NOOP("作废"))
    hint = cast(str, QT_TR_NOOP("为什么作废,如重复录入、录错房号"))
    label = cast(str, QT_TR_NOOP("作废原因(&R)"))
    field = "作废原因"

    def perform(self) -> None:
        self.cases.void(self.case, self.reason.toPlainText(), self.actor)


class TypicalDialog(CaseActionDialog):
    """典型案例: marked for the quarterly report, with a note why."""

    title = cast(str, QT_TR_NOOP("典型案例"))
    ok_label = cast(str, QT_TR_NOOP("保存"))

    def build(self) -> None:
        self.typical_box = QCheckBox(self.tr("列为本季度分析报告的典型案例"))
        self.typical_box.setChecked(bool(self.case.typical) or True)
        self.note_edit = text_box(self.tr("为什么典型、有什么启示"), lines=3)
        self.note_edit.setPlainText(self.case.typical_note or "")
        self.form.addRow("", self.typical_box)
        self.form.addRow(self.tr("说明(&N)"), self.note_edit)

    def perform(self) -> None:
        self.cases.mark_typical(
            self.case, self.typical_box.isChecked(), self.note_edit.toPlainText(), self.actor
        )


class MergeDialog(CaseActionDialog):
    """合并: this case is the same matter as another; it is merged into that one."""

    title = cast(str, QT_TR_NOOP("合并"))
    ok_label = cast(str, QT_TR_NOOP("合并"))

    def build(self) -> None:
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText(self.tr("如 TS-2026-00012"))
        self.find_button = QPushButton(self.tr("查找"))
        self.find_button.setAutoDefault(False)
        self.find_button.clicked.connect(self.look_up)
        self.number_edit.editingFinished.connect(self.look_up)
        self.target_label = QLabel(self.tr("输入另一件的编号,本案将并入该案件。"))
        self.target_label.setWordWrap(True)
        self.target_label.setStyleSheet(HINT_STYLE)
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.number_edit, 1)
        box.addWidget(self.find_button)
        self.form.addRow(self.tr("并入案件(&N)"), row)
        self.form.addRow("", self.target_label)

    def target(self) -> Case:
        number = self.number_edit.text().strip()
        if not number:
            raise ValidationError({"并入案件": self.tr("请输入案件编号")})
        target = self.cases.by_number(number)
        if target is None:
            raise ValidationError({"并入案件": self.tr("找不到编号为“{0}”的案件").format(number)})
        return target

    def look_up(self) -> None:
        if not self.number_edit.text().strip():
            return
        try:
            t = self.target()
        except UserError as exc:
            self.target_label.setText(error_text(exc))
            return
        who = self.tr("匿名") if t.anonymous else (t.customer_name or "")
        account = t.account.splitlines()[0][:60] if t.account else ""
        self.target_label.setText(
            f"{t.number} · {t.received_at:%Y-%m-%d %H:%M} · {t.room_label} {who} · {term(t.kind)} · {term(t.state)}\n{account}"
        )

    def perform(self) -> None:
        self.cases.merge(self.case, self.target(), self.actor)


class RegradeDialog(CaseActionDialog):
    """重新定级: kind, validity, severity, category, urgency or the received time changed;
    every deadline is computed again and the preview shows the new ones before saving."""

    title = cast(str, QT_TR_NOOP("重新定级"))
    ok_label = cast(str, QT_TR_NOOP("重新定级"))

    def build(self) -> None:
        case = self.case
        self.kind_combo = QComboBox()
        add_words(self.kind_combo, domain.KINDS)  # shown in the chosen language; the word as data
        select_word(self.kind_combo, case.kind)
        self.validity_combo = QComboBox()
        self.validity_combo.addItem(self.tr("(暂不判定)"), "")
        for key in domain.VALIDITIES:
            self.validity_combo.addItem(term(domain.VALIDITY_LABELS[key]), key)
        self.validity_combo.setCurrentIndex(max(0, self.validity_combo.findData(case.validity or "")))
        self.severity_combo = QComboBox()
        add_words(self.severity_combo, domain.SEVERITIES)
        select_word(self.severity_combo, case.severity)
        self.category_combo = QComboBox()
        categories = self.cases.policy().categories
        if case.category not in categories:
            categories.append(case.category)  # a category renamed since: keep the case's own
        add_words(self.category_combo, categories)
        select_word(self.category_combo, case.category)
        # 细类 (H25): the category's list, or typed; another category offers its own.
        self.subcategory_combo = QComboBox()
        self.subcategory_combo.setEditable(True)
        self.subcategory_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        sub_edit = QLineEdit(self.subcategory_combo)
        sub_edit.setMaxLength(20)
        self.subcategory_combo.setLineEdit(sub_edit)
        self._fill_subcategories()
        select_word(self.subcategory_combo, case.subcategory, typed=True)
        self.category_combo.currentIndexChanged.connect(self._fill_subcategories)
        self.urgency_combo = QComboBox()
        add_words(self.urgency_combo, domain.URGENCIES, "urgency")
        select_word(self.urgency_combo, case.urgency)
        self.received_edit = datetime_edit(case.received_at)
        # 先行处置 marked later, when the harm comes to light after intake; a mark stays.
        self.contain_check = QCheckBox(self.tr("业主正在受损,需先行处置(期限从现在起算)"))
        self.contain_check.setChecked(bool(case.contain_needed))
        self.contain_check.setEnabled(not case.contain_needed and case.state in domain.OPEN_STATES)
        self.reason_edit = text_box(
            self.tr("为什么重新定级,如业主损失较大、多户受影响、核实后情节轻微"), lines=3
        )
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setStyleSheet(style(HEADING_TEXT, PANEL_BG, LINE, padding=6))
        self.form.addRow(self.tr("性质(&K)"), self.kind_combo)
        self.form.addRow(self.tr("有效性(&V)"), self.validity_combo)
        self.form.addRow(self.tr("程度(&S)"), self.severity_combo)
        self.form.addRow(self.tr("类别(&C)"), self.category_combo)
        self.form.addRow(self.tr("细类(&L)"), self.subcategory_combo)
        self.form.addRow(self.tr("紧急程度(&U)"), self.urgency_combo)
        self.form.addRow(self.tr("受理时间(&T)"), self.received_edit)
        self.form.addRow(self.tr("先行处置"), self.contain_check)
        self.form.addRow(self.tr("定级原因(&R)"), self.reason_edit)
        self.form.addRow(self.tr("重算后的期限"), self.preview)
        for combo in (self.kind_combo, self.severity_combo):
            combo.currentIndexChanged.connect(self.update_preview)
        self.received_edit.dateTimeChanged.connect(self.update_preview)
        self.update_preview()

    def received(self) -> dt.datetime:
        return from_qdatetime(self.received_edit.dateTime())

    def _fill_subcategories(self) -> None:
        """The chosen category's 细类; one picked from the old list goes with its category."""
        combo = self.subcategory_combo
        typed = stored_word(combo)
        picked = typed in [combo.itemData(n) for n in range(combo.count())]
        combo.clear()
        add_words(combo, self.cases.policy().subcategories_for(stored_word(self.category_combo)))
        listed = [combo.itemData(n) for n in range(combo.count())]
        select_word(combo, "" if picked and typed not in listed else typed, typed=True)

    def update_preview(self) -> None:
        kind, severity = stored_word(self.kind_combo), stored_word(self.severity_combo)
        self.validity_combo.setEnabled(kind == "投诉")
        d = self.cases.deadlines_for(kind, severity, self.received())
        lines = [
            self.tr("首次回复 {0} 前").format(f"{d.response_due:%Y-%m-%d %H:%M}"),
            self.tr("办结 {0} 前").format(f"{d.resolve_due:%Y-%m-%d %H:%M}"),
        ]
        if d.answer_due:
            lines.append(self.tr("明确答复 {0} 前").format(f"{d.answer_due:%Y-%m-%d %H:%M}"))
        was_major = self.case.kind == "投诉" and self.case.severity == "重大"
        if d.major_report_due and not was_major:
            raised = max(self.received(), self.cases.clock.now())
            due = self.cases.policy().major_report_due(raised, self.cases.calendar())
            lines.append(
                self.tr("将生成重大投诉报告,须于 {0} 前提交品质部及总经理").format(f"{due:%Y-%m-%d %H:%M}")
            )
        elif was_major and not d.major_report_due:
            lines.append(self.tr("不再是重大投诉:重大投诉报告将取消,原因记入时间线"))
        if self.cases.extensions(self.case):
            lines.append(self.tr("已批准的延期晚于新办结期限时,保留延期"))
        if d.provisional_years:
            years = "、".join(str(y) for y in d.provisional_years)
            lines.append(self.tr("{0} 年节假日尚未按国务院通知录入,期限暂定").format(years))
        self.preview.setText("\n".join(lines))

    def perform(self) -> None:
        self.cases.regrade(
            self.case,
            self.reason_edit.toPlainText(),
            self.actor,
            kind=stored_word(self.kind_combo),
            validity=self.validity_combo.currentData() if stored_word(self.kind_combo) == "投诉" else "",
            severity=stored_word(self.severity_combo),
            category=stored_word(self.category_combo),
            subcategory=stored_word(self.subcategory_combo),
            urgency=stored_word(self.urgency_combo),
            received_at=self.received()
            if self.received() != self.case.received_at.replace(second=0)
            else None,
            contain=self.contain_check.isEnabled() and self.contain_check.isChecked(),
        )
