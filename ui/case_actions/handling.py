"""The steps that handle a case: 派工、签收、进展/回复业主、延期、办结、关闭."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from app import domain
from app.cases import CaseService
from app.errors import UserError, ValidationError
from app.i18n import term
from app.staff import StaffService
from ui.case_actions.base import (
    HINT_STYLE,
    CaseActionDialog,
    datetime_edit,
    staff_label,
    text_box,
)
from ui.widgets import from_qdatetime

if TYPE_CHECKING:
    from app.models import Case, Dispatch, Staff


class DispatchDialog(CaseActionDialog):
    """派工: a work slip (工作联系单) to a department, optionally to one person."""

    title = cast(str, QT_TR_NOOP("派工"))
    ok_label = cast(str, QT_TR_NOOP("派工"))

    def __init__(
        self, case: Case, cases: CaseService, staff: StaffService, actor: Staff, parent: QWidget | None = None
    ) -> None:
        self.staff = staff
        super().__init__(case, cases, actor, parent)

    def build(self) -> None:
        self.department_combo = QComboBox()
        self.departments = {dep.id: dep for dep in self.staff.departments()}
        self.people = {person.id: person for person in self.staff.staff()}
        for dep in self.departments.values():
            self.department_combo.addItem(term(dep.name), dep.id)
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
        days = policy.resolve_days_for(self.case.severity) if self.case.severity in domain.SEVERITIES else 1
        return self.cases.calendar().add(now, days, policy.day_unit)

    def _fill_assignees(self) -> None:
        """Staff of the chosen department first, then everyone else."""
        dep_id = self.department_combo.currentData()
        self.assignee_combo.clear()
        self.assignee_combo.addItem(self.tr("(不指定,由部门安排)"), None)
        people = list(self.people.values())
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
        due = from_qdatetime(self.due_edit.dateTime())
        now = self.cases.clock.now()
        if due <= now:
            raise ValidationError(
                {"要求完成": self.tr("{0} 已经过去,请选一个晚于现在({1})的时间").format(
                    f"{due:%Y-%m-%d %H:%M}", f"{now:%Y-%m-%d %H:%M}")}
            )  # fmt: skip
        self.cases.dispatch(
            self.case,
            self.departments[dep_id],
            self.actor,
            assignee=self.people.get(assignee_id) if assignee_id else None,
            instructions=self.instructions.toPlainText(),
            due=due,
        )


class SignDialog(CaseActionDialog):
    """签收: the receiving department takes a slip."""

    title = cast(str, QT_TR_NOOP("签收"))
    ok_label = cast(str, QT_TR_NOOP("签收"))

    def build(self) -> None:
        self.slip_combo = QComboBox()
        self.slips = {slip.id: slip for slip in self.cases.slips(self.case, unsigned_only=True)}
        for slip in self.slips.values():
            who = f" · {slip.assignee.name}" if slip.assignee is not None else ""
            self.slip_combo.addItem(
                self.tr("{0} · {1}{2} · {3}派").format(
                    slip.number, term(slip.department.name), who, f"{slip.dispatched_at:%m-%d %H:%M}"
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
        return self.slips.get(slip_id) if slip_id else None

    def _suggest_signer(self) -> None:
        slip = self._slip()
        if slip is not None and slip.assignee is not None and not self.signer_edit.isModified():
            self.signer_edit.setText(slip.assignee.name)

    def perform(self) -> None:
        slip = self._slip()
        if slip is None:
            raise UserError(self.tr("没有待签收的联系单"))
        self.cases.sign_for(slip, self.signer_edit.text(), self.actor)


class NoteDialog(CaseActionDialog):
    """进展 / 回复业主: what was done, or what the owner was told."""

    title = cast(str, QT_TR_NOOP("进展 / 回复业主"))
    ok_label = cast(str, QT_TR_NOOP("记录"))

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
        hint_label.setStyleSheet(HINT_STYLE)
        self.form.addRow("", hint_label)

    def perform(self) -> None:
        self.cases.add_note(
            self.case, self.text_edit.toPlainText(), self.actor, response=self.response_check.isChecked()
        )


class ExtendDialog(CaseActionDialog):
    """延期: a later deadline with the reason, approved by the approver's OWN login (超时需经批准):
    the person logged in approves themselves when their role may, or the approver types their
    login name and password here, checked by the service with the login's own code (wrong
    passwords count towards their lockout). Nobody is picked from a list."""

    title = cast(str, QT_TR_NOOP("延期"))
    ok_label = cast(str, QT_TR_NOOP("延期"))

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
        self.self_radio = QRadioButton(self.tr("我本人批准({0})").format(staff_label(self.actor)))
        self.other_radio = QRadioButton(self.tr("批准人在本机输入自己的登录名和密码"))
        self.approver_login = QLineEdit()
        self.approver_login.setPlaceholderText(self.tr("批准人的登录名"))
        self.approver_password = QLineEdit()
        self.approver_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.approver_password.setPlaceholderText(self.tr("批准人的登录密码"))
        may_self = self.actor.role in self.allowed_roles
        self.self_radio.setEnabled(may_self)
        if not may_self:
            self.self_radio.setToolTip(self.tr("您的职位不能批准这件案件的延期"))
        (self.self_radio if may_self else self.other_radio).setChecked(True)
        self.self_radio.toggled.connect(self._show_login_fields)
        rule = QLabel(
            self.tr("{0}案件延期须由{1}或更高职位批准;批准人须本人登录,或在本机输入自己的密码").format(
                term(self.case.severity), term(domain.ROLES.get(needed, needed))
            )
        )
        rule.setStyleSheet(HINT_STYLE)
        rule.setWordWrap(True)
        self.form.addRow(self.tr("原办结期限"), current)
        self.form.addRow(self.tr("新期限(&D)"), self.due_edit)
        self.form.addRow(self.tr("延期原因(&R)"), self.reason_edit)
        self.form.addRow(self.tr("批准方式"), self.self_radio)
        self.form.addRow("", self.other_radio)
        self.form.addRow(self.tr("批准人登录名(&L)"), self.approver_login)
        self.form.addRow(self.tr("批准人密码(&P)"), self.approver_password)
        self.form.addRow("", rule)
        self._show_login_fields()

    def _show_login_fields(self) -> None:
        by_password = self.other_radio.isChecked()
        for field in (self.approver_login, self.approver_password):
            field.setEnabled(by_password)
            label = self.form.labelForField(field)
            if label is not None:
                label.setEnabled(by_password)

    def perform(self) -> None:
        new_due = from_qdatetime(self.due_edit.dateTime())
        reason = self.reason_edit.toPlainText()
        if self.self_radio.isChecked():
            self.cases.extend(self.case, new_due, reason, None, self.actor)
            return
        login = self.approver_login.text().strip()
        if not login:
            raise ValidationError({self.tr("批准人登录名"): self.tr("请批准人输入自己的登录名")})
        try:
            self.cases.extend(
                self.case,
                new_due,
                reason,
                None,
                self.actor,
                approver_login=login,
                approver_password=self.approver_password.text(),
            )
        except ValidationError as exc:
            # A wrong password is not kept (type it again); everything else stays as typed.
            if "批准人密码" in exc.problems:
                self.approver_password.clear()
                self.approver_password.setFocus()
            raise


class ResolveDialog(CaseActionDialog):
    """办结: handling finished; the result is required (没有处理结果不能办结)."""

    title = cast(str, QT_TR_NOOP("办结"))
    ok_label = cast(str, QT_TR_NOOP("办结"))

    def build(self) -> None:
        self.result_edit = text_box(self.tr("处理结果(必填):做了什么,结果如何,业主是否认可"), lines=6)
        self.form.addRow(self.tr("处理结果(&R)"), self.result_edit)

    def perform(self) -> None:
        self.cases.resolve(self.case, self.result_edit.toPlainText(), self.actor)


class CloseDialog(CaseActionDialog):
    """关闭: the matter is settled."""

    title = cast(str, QT_TR_NOOP("关闭案件"))
    ok_label = cast(str, QT_TR_NOOP("关闭案件"))

    def build(self) -> None:
        result = QLabel(self.case.result or self.tr("(无)"))
        result.setWordWrap(True)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("可不填"))
        self.form.addRow(self.tr("处理结果"), result)
        self.form.addRow(self.tr("备注(&N)"), self.note_edit)

    def perform(self) -> None:
        self.cases.close(self.case, self.actor, self.note_edit.text())
