"""The small dialogs of a case's lifecycle: 派工、签收、进展、延期、办结、关闭、重开、合并.

Each dialog holds a form and an error line. 确定 calls the case service; when the service
refuses, its Chinese message shows in the dialog and everything typed stays, so the user
corrects and tries again. The dialog closes only when the step was recorded.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TR_NOOP, QDateTime, QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import domain
from app.cases import CaseService
from app.errors import UserError, ValidationError
from app.models import Case, Department, Dispatch, Staff
from app.staff import StaffService

DATETIME_DISPLAY = "yyyy-MM-dd HH:mm"
# app.cases.ANSWER_METHODS, for the translations (shown through tr()).
ANSWER_METHOD_WORDS = [QT_TR_NOOP("面谈"), QT_TR_NOOP("电话"), QT_TR_NOOP("书面"), QT_TR_NOOP("短信/微信")]


def error_text(exc: UserError) -> str:
    """The service's message as lines the user reads: one per bad field."""
    if isinstance(exc, ValidationError):
        return "\n".join(f"{field}:{reason}" for field, reason in exc.problems.items())
    return str(exc)


def staff_label(person: Staff) -> str:
    role = domain.ROLES.get(person.role, person.role)
    dep = f" · {person.department.name}" if person.department_id else ""
    return f"{person.name}({role}{dep})"


class TextBox(QPlainTextEdit):
    """A plain text field that asks for room for a few lines, not for half the screen."""

    def __init__(self, lines: int) -> None:
        super().__init__()
        self._lines = lines
        self.setTabChangesFocus(True)  # Tab moves on to the next field, as in any form
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * min(lines, 2) + 14)

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance("汉") * 26, metrics.lineSpacing() * self._lines + 14)


def text_box(placeholder: str = "", lines: int = 4) -> QPlainTextEdit:
    box = TextBox(lines)
    box.setPlaceholderText(placeholder)
    return box


def datetime_edit(value: dt.datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(QDateTime(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATETIME_DISPLAY)
    return edit


class ActionDialog(QDialog):
    """A form, an error line and 确定/取消; subclasses build the form and perform the step."""

    title = ""
    ok_label = QT_TR_NOOP("确定")

    def __init__(self, case: Case, cases: CaseService, actor: Staff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.cases = cases
        self.actor = actor
        self.setWindowTitle(self.tr("{0} — {1}").format(self.tr(self.title), case.number))
        self.setMinimumWidth(480)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setHorizontalSpacing(10)
        self.form.setVerticalSpacing(8)

        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setStyleSheet(
            "QLabel#errorLabel { color: #a31d12; background: #fde4e2; border: 1px solid #f2b8b2;"
            " border-radius: 3px; padding: 6px; }"
        )
        self.error_label.hide()

        self.buttons = QDialogButtonBox()
        self.ok_button = QPushButton(self.tr(self.ok_label))
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        heading = QLabel(self.tr("案件 {0} · {1} · {2}").format(case.number, case.kind, case.state))
        heading.setStyleSheet("color: #555;")
        layout.addWidget(heading)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.build()

    def build(self) -> None:
        raise NotImplementedError

    def perform(self) -> None:
        """Record the step through the case service; raise UserError to refuse."""
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def submit(self) -> None:
        try:
            self.perform()
        except UserError as exc:
            self.show_error(error_text(exc))
            return
        self.show_error("")
        self.accept()


class DispatchDialog(ActionDialog):
    """派工: a work slip (工作联系单) to a department, optionally to one person."""

    title = QT_TR_NOOP("派工")
    ok_label = QT_TR_NOOP("派工")

    def __init__(
        self, case: Case, cases: CaseService, staff: StaffService, actor: Staff, parent: QWidget | None = None
    ) -> None:
        self.staff = staff
        super().__init__(case, cases, actor, parent)

    def build(self) -> None:
        self.department_combo = QComboBox()
        for dep in self.staff.departments():
            self.department_combo.addItem(dep.name, dep.id)
        if self.case.department_id:
            i = self.department_combo.findData(self.case.department_id)
            if i >= 0:
                self.department_combo.setCurrentIndex(i)
        self.assignee_combo = QComboBox()
        self.instructions = text_box(self.tr("要求、注意事项(可不填)"))
        self.due_edit = datetime_edit(self.proposed_due())
        self.form.addRow(self.tr("责任部门(&D)"), self.department_combo)
        self.form.addRow(self.tr("指派给(&A)"), self.assignee_combo)
        self.form.addRow(self.tr("派工说明(&I)"), self.instructions)
        self.form.addRow(self.tr("要求完成(&T)"), self.due_edit)
        self.department_combo.currentIndexChanged.connect(self._fill_assignees)
        self._fill_assignees()

    def proposed_due(self) -> dt.datetime:
        """The case's 办结 deadline while it is still ahead; once it has passed, now plus the
        time the policy gives a case of this severity (never a time already past)."""
        now = self.cases.clock.now().replace(second=0, microsecond=0)
        if self.case.resolve_due > now:
            return self.case.resolve_due
        policy = self.cases.policy()
        days = policy.resolve_days(self.case.severity) if self.case.severity in domain.SEVERITIES else 1
        return self.cases.calendar().add(now, days, str(policy.data["day_unit"]))

    def _fill_assignees(self) -> None:
        """Staff of the chosen department first, then everyone else."""
        dep_id = self.department_combo.currentData()
        self.assignee_combo.clear()
        self.assignee_combo.addItem(self.tr("(不指定,由部门安排)"), None)
        people = self.staff.staff()
        own = [p for p in people if dep_id is not None and p.department_id == dep_id]
        others = [p for p in people if p not in own]
        for person in own + others:
            self.assignee_combo.addItem(staff_label(person), person.id)
        if own and others:
            self.assignee_combo.insertSeparator(1 + len(own))

    def perform(self) -> None:
        dep_id = self.department_combo.currentData()
        if dep_id is None:
            raise ValidationError({"责任部门": self.tr("请选择部门")})
        assignee_id = self.assignee_combo.currentData()
        due = self.due_edit.dateTime().toPython().replace(second=0, microsecond=0)
        now = self.cases.clock.now()
        if due <= now:
            raise ValidationError(
                {"要求完成": self.tr("{0} 已经过去,请选一个晚于现在({1})的时间").format(
                    f"{due:%Y-%m-%d %H:%M}", f"{now:%Y-%m-%d %H:%M}")}
            )  # fmt: skip
        self.cases.dispatch(
            self.case,
            Department.get_by_id(dep_id),
            self.actor,
            assignee=Staff.get_by_id(assignee_id) if assignee_id else None,
            instructions=self.instructions.toPlainText(),
            due=due,
        )


class SignDialog(ActionDialog):
    """签收: the receiving department takes a slip."""

    title = QT_TR_NOOP("签收")
    ok_label = QT_TR_NOOP("签收")

    def build(self) -> None:
        self.slip_combo = QComboBox()
        for slip in self.case.dispatches.where(Dispatch.signed_at.is_null()).order_by(Dispatch.id):
            who = f" · {slip.assignee.name}" if slip.assignee_id else ""
            self.slip_combo.addItem(
                self.tr("{0} · {1}{2} · {3}派").format(
                    slip.number, slip.department.name, who, f"{slip.dispatched_at:%m-%d %H:%M}"
                ),
                slip.id,
            )
        self.signer_edit = QLineEdit()
        self.signer_edit.setPlaceholderText(self.tr("签收人姓名"))
        self.form.addRow(self.tr("联系单(&S)"), self.slip_combo)
        self.form.addRow(self.tr("签收人(&N)"), self.signer_edit)
        self.slip_combo.currentIndexChanged.connect(self._suggest_signer)
        self._suggest_signer()

    def _slip(self) -> Dispatch | None:
        slip_id = self.slip_combo.currentData()
        return Dispatch.get_or_none(Dispatch.id == slip_id) if slip_id else None

    def _suggest_signer(self) -> None:
        slip = self._slip()
        if slip is not None and slip.assignee_id and not self.signer_edit.isModified():
            self.signer_edit.setText(slip.assignee.name)

    def perform(self) -> None:
        slip = self._slip()
        if slip is None:
            raise UserError(self.tr("没有待签收的联系单"))
        self.cases.sign_for(slip, self.signer_edit.text(), self.actor)


class NoteDialog(ActionDialog):
    """进展 / 回复业主: what was done, or what the owner was told."""

    title = QT_TR_NOOP("进展 / 回复业主")
    ok_label = QT_TR_NOOP("记录")

    def build(self) -> None:
        self.text_edit = text_box(self.tr("处理进展,或告诉业主的内容"), lines=6)
        self.response_check = QCheckBox(self.tr("这是给业主的首次回复"))
        if self.case.first_response_at is None:
            hint = self.tr("首次回复期限 {0:%Y-%m-%d %H:%M}").format(self.case.response_due)
        else:
            hint = self.tr("已于 {0:%Y-%m-%d %H:%M} 首次回复").format(self.case.first_response_at)
        self.response_check.setToolTip(hint)
        self.form.addRow(self.tr("内容(&C)"), self.text_edit)
        self.form.addRow("", self.response_check)
        hint_label = QLabel(hint)
        hint_label.setStyleSheet("color: #666;")
        self.form.addRow("", hint_label)

    def perform(self) -> None:
        self.cases.add_note(
            self.case, self.text_edit.toPlainText(), self.actor, response=self.response_check.isChecked()
        )


class ExtendDialog(ActionDialog):
    """延期: a later deadline, with the reason and who approved it (超时需经批准)."""

    title = QT_TR_NOOP("延期")
    ok_label = QT_TR_NOOP("延期")

    def __init__(
        self, case: Case, cases: CaseService, staff: StaffService, actor: Staff, parent: QWidget | None = None
    ) -> None:
        self.staff = staff
        super().__init__(case, cases, actor, parent)

    def build(self) -> None:
        needed = self.cases.policy().extension_approver_role(self.case.severity)
        self.allowed_roles = self.cases.extension_approver_roles(self.case.severity)
        current = QLabel(f"{self.case.resolve_due:%Y-%m-%d %H:%M}")
        self.due_edit = datetime_edit(self.case.resolve_due + dt.timedelta(days=1))
        self.reason_edit = text_box(self.tr("为什么不能按期办结"), lines=3)
        self.approver_combo = QComboBox()
        self.everyone_check = QCheckBox(self.tr("显示全部人员"))
        self.everyone_check.setToolTip(self.tr("批准人不在列表中时使用;不符合规定职位的会被拒绝"))
        self.everyone_check.toggled.connect(self._fill_approvers)
        rule = QLabel(
            self.tr("{0}案件延期须由{1}或更高职位批准").format(
                self.case.severity, domain.ROLES.get(needed, needed)
            )
        )
        rule.setStyleSheet("color: #666;")
        rule.setWordWrap(True)
        self.form.addRow(self.tr("原办结期限"), current)
        self.form.addRow(self.tr("新期限(&D)"), self.due_edit)
        self.form.addRow(self.tr("延期原因(&R)"), self.reason_edit)
        self.form.addRow(self.tr("批准人(&P)"), self.approver_combo)
        self.form.addRow("", self.everyone_check)
        self.form.addRow("", rule)
        self._fill_approvers()

    def _fill_approvers(self) -> None:
        self.approver_combo.clear()
        people = self.staff.staff()
        if not self.everyone_check.isChecked():
            people = [p for p in people if p.role in self.allowed_roles]
        for person in people:
            self.approver_combo.addItem(staff_label(person), person.id)
        if not people:
            self.approver_combo.addItem(self.tr("(没有可批准的人员,请先在人员管理中添加)"), None)

    def perform(self) -> None:
        approver_id = self.approver_combo.currentData()
        if approver_id is None:
            raise ValidationError({"批准人": self.tr("请选择批准人")})
        approver = Staff.get_by_id(approver_id)
        new_due = self.due_edit.dateTime().toPython().replace(second=0, microsecond=0)
        self.cases.extend(self.case, new_due, self.reason_edit.toPlainText(), approver, self.actor)


class ResolveDialog(ActionDialog):
    """办结: handling finished; the result is required (没有处理结果不能办结)."""

    title = QT_TR_NOOP("办结")
    ok_label = QT_TR_NOOP("办结")

    def build(self) -> None:
        self.result_edit = text_box(self.tr("处理结果(必填):做了什么,结果如何,业主是否认可"), lines=6)
        self.form.addRow(self.tr("处理结果(&R)"), self.result_edit)

    def perform(self) -> None:
        self.cases.resolve(self.case, self.result_edit.toPlainText(), self.actor)


class CloseDialog(ActionDialog):
    """关闭: the matter is settled."""

    title = QT_TR_NOOP("关闭案件")
    ok_label = QT_TR_NOOP("关闭案件")

    def build(self) -> None:
        result = QLabel(self.case.result or self.tr("(无)"))
        result.setWordWrap(True)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("可不填"))
        self.form.addRow(self.tr("处理结果"), result)
        self.form.addRow(self.tr("备注(&N)"), self.note_edit)

    def perform(self) -> None:
        self.cases.close(self.case, self.actor, self.note_edit.text())


class ReasonDialog(ActionDialog):
    """A step that needs only a reason, written in a box; subclasses name the texts and the call."""

    hint = ""
    label = ""

    def build(self) -> None:
        self.reason_edit = text_box(self.tr(self.hint), lines=3)
        self.form.addRow(self.tr(self.label), self.reason_edit)


class ReopenDialog(ReasonDialog):
    """重开: back to handling, e.g. the owner is not satisfied."""

    title = QT_TR_NOOP("重开")
    ok_label = QT_TR_NOOP("重开")
    hint = QT_TR_NOOP("为什么重开,如业主不满意、问题复发")
    label = QT_TR_NOOP("重开原因(&R)")

    def perform(self) -> None:
        self.cases.reopen(self.case, self.reason_edit.toPlainText(), self.actor)


class VoidDialog(ReasonDialog):
    """作废: entered by mistake; nothing is deleted, the case stays in history."""

    title = QT_TR_NOOP("作废")
    ok_label = QT_TR_NOOP("作废")
    hint = QT_TR_NOOP("为什么作废,如重复录入、录错房号")
    label = QT_TR_NOOP("作废原因(&R)")

    def perform(self) -> None:
        self.cases.void(self.case, self.reason_edit.toPlainText(), self.actor)


class TypicalDialog(ActionDialog):
    """典型案例: marked for the quarterly report, with a note why."""

    title = QT_TR_NOOP("典型案例")
    ok_label = QT_TR_NOOP("保存")

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


class MergeDialog(ActionDialog):
    """合并: this case is the same matter as another; it is merged into that one."""

    title = QT_TR_NOOP("合并")
    ok_label = QT_TR_NOOP("合并")

    def build(self) -> None:
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText(self.tr("如 TS-2026-00012"))
        self.find_button = QPushButton(self.tr("查找"))
        self.find_button.setAutoDefault(False)
        self.find_button.clicked.connect(self.look_up)
        self.number_edit.editingFinished.connect(self.look_up)
        self.target_label = QLabel(self.tr("输入另一件的编号,本案将并入该案件。"))
        self.target_label.setWordWrap(True)
        self.target_label.setStyleSheet("color: #666;")
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
            f"{t.number} · {t.received_at:%Y-%m-%d %H:%M} · {t.room_label} {who} · {t.kind} · {t.state}\n{account}"
        )

    def perform(self) -> None:
        self.cases.merge(self.case, self.target(), self.actor)


class RegradeDialog(ActionDialog):
    """重新定级: kind, validity, severity, category, urgency or the received time changed;
    every deadline is computed again and the preview shows the new ones before saving."""

    title = QT_TR_NOOP("重新定级")
    ok_label = QT_TR_NOOP("重新定级")

    def build(self) -> None:
        case = self.case
        self.kind_combo = QComboBox()
        self.kind_combo.addItems(domain.KINDS)
        self.kind_combo.setCurrentText(case.kind)
        self.validity_combo = QComboBox()
        self.validity_combo.addItem(self.tr("(暂不判定)"), "")
        for key in domain.VALIDITIES:
            self.validity_combo.addItem(domain.VALIDITY_LABELS[key], key)
        self.validity_combo.setCurrentIndex(max(0, self.validity_combo.findData(case.validity or "")))
        self.severity_combo = QComboBox()
        self.severity_combo.addItems(domain.SEVERITIES)
        self.severity_combo.setCurrentText(case.severity)
        self.category_combo = QComboBox()
        categories = self.cases.policy().categories
        if case.category not in categories:
            categories.append(case.category)  # a category renamed since: keep the case's own
        self.category_combo.addItems(categories)
        self.category_combo.setCurrentText(case.category)
        self.urgency_combo = QComboBox()
        self.urgency_combo.addItems(domain.URGENCIES)
        self.urgency_combo.setCurrentText(case.urgency)
        self.received_edit = datetime_edit(case.received_at)
        self.reason_edit = text_box(
            self.tr("为什么重新定级,如业主损失较大、多户受影响、核实后情节轻微"), lines=3
        )
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setStyleSheet(
            "color: #333; background: #f4f7fa; border: 1px solid #d6dee6; padding: 6px;"
        )
        self.form.addRow(self.tr("性质(&K)"), self.kind_combo)
        self.form.addRow(self.tr("有效性(&V)"), self.validity_combo)
        self.form.addRow(self.tr("程度(&S)"), self.severity_combo)
        self.form.addRow(self.tr("类别(&C)"), self.category_combo)
        self.form.addRow(self.tr("紧急程度(&U)"), self.urgency_combo)
        self.form.addRow(self.tr("受理时间(&T)"), self.received_edit)
        self.form.addRow(self.tr("定级原因(&R)"), self.reason_edit)
        self.form.addRow(self.tr("重算后的期限"), self.preview)
        for combo in (self.kind_combo, self.severity_combo):
            combo.currentIndexChanged.connect(self.update_preview)
        self.received_edit.dateTimeChanged.connect(self.update_preview)
        self.update_preview()

    def received(self) -> dt.datetime:
        return self.received_edit.dateTime().toPython().replace(second=0, microsecond=0)

    def update_preview(self) -> None:
        kind, severity = self.kind_combo.currentText(), self.severity_combo.currentText()
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
        if self.case.extensions.count():
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
            kind=self.kind_combo.currentText(),
            validity=self.validity_combo.currentData() if self.kind_combo.currentText() == "投诉" else "",
            severity=self.severity_combo.currentText(),
            category=self.category_combo.currentText(),
            urgency=self.urgency_combo.currentText(),
            received_at=self.received()
            if self.received() != self.case.received_at.replace(second=0)
            else None,
        )


class WrittenReplyDialog(ActionDialog):
    """只要求书面答复: the owner wants only a written reply; no visit is planned at 办结."""

    title = QT_TR_NOOP("只要求书面答复")
    ok_label = QT_TR_NOOP("保存")

    def build(self) -> None:
        self.flag_check = QCheckBox(self.tr("业主只要求书面答复(办结后不回访,复函附于案件)"))
        self.flag_check.setChecked(bool(self.case.written_reply_only))
        note = QLabel(self.tr("附上复函后才能关闭案件。办结时已决定是否回访,办结后不能再更改。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        self.form.addRow("", self.flag_check)
        self.form.addRow("", note)

    def perform(self) -> None:
        self.cases.set_written_reply_only(self.case, self.flag_check.isChecked(), self.actor)


class ReplyLetterDialog(ActionDialog):
    """复函: the written reply (PDF, picture or Word file) attached to the case."""

    title = QT_TR_NOOP("附上复函")
    ok_label = QT_TR_NOOP("附上")

    def build(self) -> None:
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("PDF、图片(PNG/JPG)或 Word(DOC/DOCX)文件"))
        browse = QPushButton(self.tr("选择文件…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        holder = QWidget()
        row.setContentsMargins(0, 0, 0, 0)
        holder.setLayout(row)
        self.form.addRow(self.tr("复函文件(&F)"), holder)
        if self.case.reply_letter_name:
            current = QLabel(
                self.tr("已附:{0}({1:%Y-%m-%d %H:%M}),再附上将替换它").format(
                    self.case.reply_letter_name, self.case.reply_letter_at
                )
            )
            current.setWordWrap(True)
            current.setStyleSheet("color: #666;")
            self.form.addRow("", current)

    def _browse(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择复函"),
            "",
            self.tr("复函 (*.pdf *.png *.jpg *.jpeg *.doc *.docx)"),
        )
        if path:
            self.path_edit.setText(path)

    def perform(self) -> None:
        from pathlib import Path

        text = self.path_edit.text().strip()
        if not text:
            raise UserError(self.tr("请选择复函文件(PDF、图片或 Word)"))
        path = Path(text)
        try:
            data = path.read_bytes()
        except OSError as exc:
            import logging

            logging.getLogger(__name__).warning("reply letter %s unreadable: %s", path, exc)
            raise UserError(
                self.tr("读不到文件“{0}”,请确认文件存在且未被其他程序占用").format(path.name)
            ) from exc
        self.cases.attach_reply_letter(self.case, path.name, data, self.actor)


class ClearAnswerDialog(ActionDialog):
    """明确答复 of a major complaint: who answered the owner, when, how and what."""

    title = QT_TR_NOOP("明确答复")
    ok_label = QT_TR_NOOP("记录")

    def build(self) -> None:
        from app.cases import ANSWER_METHODS
        from app.models import MajorReport

        report = MajorReport.get_or_none(MajorReport.case == self.case)
        self.by_edit = QLineEdit(report.answered_by if report and report.answered_by else self.actor.name)
        self.at_edit = datetime_edit(
            report.answered_at if report and report.answered_at else self.cases.clock.now()
        )
        self.method_combo = QComboBox()
        for method in ANSWER_METHODS:
            self.method_combo.addItem(self.tr(method), method)  # ANSWER_METHOD_WORDS
        if report and report.answer_method:
            self.method_combo.setCurrentIndex(max(0, self.method_combo.findData(report.answer_method)))
        self.text_edit = text_box(self.tr("告诉业主的调查结果和处理方案"), lines=5)
        if report and report.answer_text:
            self.text_edit.setPlainText(report.answer_text)
        self.form.addRow(self.tr("答复人(&B)"), self.by_edit)
        self.form.addRow(self.tr("答复时间(&T)"), self.at_edit)
        self.form.addRow(self.tr("答复方式(&M)"), self.method_combo)
        self.form.addRow(self.tr("答复内容(&C)"), self.text_edit)
        if self.case.answer_due is not None:
            hint = QLabel(self.tr("明确答复期限 {0:%Y-%m-%d %H:%M}").format(self.case.answer_due))
            hint.setStyleSheet("color: #666;")
            self.form.addRow("", hint)

    def perform(self) -> None:
        value = self.at_edit.dateTime().toPython()
        assert isinstance(value, dt.datetime)
        self.cases.record_clear_answer(
            self.case,
            self.by_edit.text(),
            value.replace(second=0, microsecond=0),
            str(self.method_combo.currentData()),
            self.text_edit.toPlainText(),
            self.actor,
        )
