"""The visit record dialog: the sections for one visit as stored now, and 完成回访.

It shows what the visit follows (the case, or a periodic round) and why it was planned, the
contact attempts, the result form and the customer's signature. 完成回访 calls
`VisitService.complete`; when the service refuses, each reason shows in red beside its field
and everything typed stays. A result of 不满意/很不满意 first says what will happen (rework,
a written notice within 24 hours, the next visit) and asks to go on. A visit no longer open
(done, unreachable, refused, cancelled) opens read-only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import domain
from app.errors import UserError, ValidationError
from app.i18n import term
from app.staff import StaffService
from app.visits import OPEN_VISIT_STATES, UNSATISFIED, VisitResult, VisitService
from ui.visit_record.attempts import AttemptsSection
from ui.visit_record.parts import fmt
from ui.visit_record.plan import PlanSection
from ui.visit_record.record import RecordSection, ReviewsSection
from ui.visit_record.result import RESULT_FIELDS, ResultSection
from ui.visit_record.signature import SignatureSection
from ui.visit_record.subject import SubjectSection
from ui.widgets import INVALID_STYLE, Banner, ErrorLabel, FieldErrors

TWO_VISITOR_FIELDS = ("第二回访人", "第二回访人签名")

if TYPE_CHECKING:
    from app.models import Case, Staff, Visit


class VisitRecordDialog(QDialog):
    visit_changed = Signal(int)  # the visit's id, after anything was recorded

    def __init__(
        self,
        visit_id: int,
        visits: VisitService,
        staff: StaffService,
        actor: Staff,
        parent: QWidget | None = None,
        print_form: Callable[[Visit], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.print_form = print_form
        self.visit_id = visit_id
        self.visits = visits
        self.staff = staff
        self.actor = actor
        self.next_visit: Visit | None = None
        self.setStyleSheet(INVALID_STYLE)
        self.setMinimumSize(760, 520)
        self.resize(980, 700)

        self.banner = Banner("info")
        self.confirm_banner = Banner("warn")
        self.confirm_button = self.confirm_banner.add_button(
            self.tr("确认完成,退回返工"), self._confirm_rework
        )
        self.back_button = self.confirm_banner.add_button(self.tr("返回修改"), self.confirm_banner.hide)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)

        self.complete_button = QPushButton(self.tr("完成回访"))
        self.complete_button.setDefault(True)
        self.complete_button.clicked.connect(self.submit)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.reject)
        self.print_button = QPushButton(self.tr("打印回访记录表"))
        self.print_button.setAutoDefault(False)
        self.print_button.setVisible(print_form is not None)
        self.print_button.clicked.connect(lambda: self.print_form and self.print_form(self.visit))
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.complete_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        layout.addWidget(self.banner)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.confirm_banner)
        layout.addLayout(buttons)
        self._build()

    # Building -------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self.visit.state in OPEN_VISIT_STATES

    def _load(self) -> None:
        visit = self.visits.visit(self.visit_id)
        if visit is None:
            raise UserError(self.tr("这条回访已不存在,请刷新。"))
        self.visit: Visit = visit
        self.case: Case | None = self.visits.case_of(visit)

    def _build(self) -> None:
        """(Re)build the whole content for the visit as it is stored now."""
        self._load()
        self.banner.hide()
        subject = self.case.number if self.case is not None else term(self.visit.purpose)
        self.setWindowTitle(self.tr("回访记录 — {0} 第{1}次回访").format(subject, self.visit.attempt))
        content = QWidget()
        self.content_layout = QVBoxLayout(content)
        self.content_layout.setContentsMargins(0, 0, 6, 0)
        self.content_layout.setSpacing(10)
        self.subject = SubjectSection(self.visit, self.case, self.visits, self.actor)
        self.subject.message.connect(self.banner.show_message)
        self.plan = PlanSection(self.visit, self.case, self.visits, self.staff.staff(), self.is_open)
        self.plan.message.connect(self.banner.show_message)
        self.plan.changed.connect(lambda: self.visit_changed.emit(self.visit_id))
        self.attempts = AttemptsSection(self.visit, self.visits, self.actor, self.is_open)
        self.attempts.recorded.connect(self._attempt_recorded)
        for section in (self.subject, self.plan, self.attempts):
            self.content_layout.addWidget(section)
        if self.is_open:
            self.field_errors: dict[str, ErrorLabel] = {name: ErrorLabel() for name in RESULT_FIELDS}
            self.field_errors["案件"] = ErrorLabel()
            for name in TWO_VISITOR_FIELDS:  # a visit made by two together (H24)
                self.field_errors[name] = ErrorLabel()
            self.result_form = ResultSection(self.visit, self.case, self.visits, self.field_errors)
            self.content_layout.addWidget(self.result_form)
            self.content_layout.addWidget(self._signature_box())
            self.general_error = ErrorLabel()
            self.errors = FieldErrors(self.general_error)
            widgets = self.result_form.error_widgets()
            widgets["客户签名"] = self.signature.focus_widget()
            widgets["表单编号"] = self.signature.form_no_edit
            for name in RESULT_FIELDS:
                self.errors.bind(name, self.field_errors[name], widgets[name])
            self.errors.bind("第二回访人", self.field_errors["第二回访人"], self.plan.second_combo)
            self.errors.bind(
                "第二回访人签名", self.field_errors["第二回访人签名"], self.signature.second_field
            )
            self.plan.second_named.connect(self._second_named)
            self.content_layout.addWidget(self.general_error)
            self.result_form.method_changed.connect(self.signature.set_method)
            self.signature.set_method(self.result_form.method())
        else:
            self.record = RecordSection(self.visit, self.case, self.visits)
            self.content_layout.addWidget(self.record)
            if self.visit.state == domain.VISIT_DONE:
                self.reviews = ReviewsSection(self.visit, self.visits, self.actor)
                self.reviews.message.connect(self.banner.show_message)
                self.reviews.reviewed.connect(self._reviewed)
                self.content_layout.addWidget(self.reviews)
        self.content_layout.addStretch(1)
        self.scroll_area.setWidget(content)
        self.complete_button.setVisible(self.is_open)
        self.confirm_banner.hide()
        # Whoever did the repair does not record the owner's satisfaction with it: said at
        # once, in the service's own words, and the result cannot be saved by them.
        refusal = self.visits.own_work_refusal(self.visit, self.actor) if self.is_open else None
        self.complete_button.setEnabled(refusal is None)
        if refusal is not None:
            self.banner.show_message(refusal, "error")
        elif self.is_open and self.case is not None and self.case.resolved_at is None:
            self.banner.show_message(
                self.tr("案件 {0} 正在返工处理(“{1}”),办结后才能完成本次回访;联系记录可以照常登记。").format(
                    self.case.number, term(self.case.state)
                ),
                "warn",
            )

    def _signature_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("客户签名"))
        layout = QVBoxLayout(box)
        layout.setSpacing(4)
        customer = "" if self.case is None or self.case.anonymous else self.case.customer_name
        self.signature = SignatureSection(
            self.visits.signature_needed(self.visit),
            self.visit.form_no or "",
            customer,
            self.actor.name,
            forms=self._usable_forms(),
            second_visitor=self.visit.second_visitor_name if self.visits.two_visitors(self.visit) else None,
        )
        layout.addWidget(self.signature)
        layout.addWidget(self.field_errors["表单编号"])
        layout.addWidget(self.field_errors["客户签名"])
        layout.addWidget(self.field_errors["第二回访人签名"])
        layout.addWidget(self.field_errors["第二回访人"])
        return box

    def _second_named(self, name: str) -> None:
        """The second visitor chosen in the plan signs under their own name."""
        if self.signature.second_field is not None:
            self.signature.second_field.default_name = name

    def _usable_forms(self) -> list[tuple[str, str]]:
        """The ledger's forms this visit may be recorded on, each with what it is in words."""
        out = []
        for form in self.visits.forms.usable_for_visit(self.visit):
            if form.visit_id == self.visit.id:
                words = self.tr("本次回访的表 · {0}").format(term(form.state))
            else:
                words = self.tr("空白表 · {0} 领用").format(form.taken_by_name)
            if form.taken_by_name and form.visit_id == self.visit.id:
                words += self.tr(" · {0} 领用").format(form.taken_by_name)
            out.append((form.number, words))
        return out

    # Behaviour ------------------------------------------------------------------------
    def _reviewed(self) -> None:
        self.visit_changed.emit(self.visit_id)
        self._build()

    def _attempt_recorded(self, closed: bool, call_back: dt.datetime | None) -> None:
        self.visit_changed.emit(self.visit_id)
        if closed:
            self._build()
            self.banner.show_message(
                self.tr("已结束本次回访,记为“{0}”。").format(term(self.visit.state)), "info"
            )
            return
        if call_back is not None:
            self.result_form.set_appointment(call_back)
            self.banner.show_message(self.tr("已登记:约定 {0} 回电。").format(fmt(call_back)), "info")

    def visit_result(self) -> VisitResult:
        """What the form says now."""
        return self.result_form.visit_result(self.signature)

    def _show_problems(self, exc: UserError) -> None:
        if isinstance(exc, ValidationError):
            self.errors.show(exc.problems)
            self.banner.show_message(self.tr("有 {0} 处需要改正,见红字。").format(len(exc.problems)), "error")
            first = next((self.field_errors[n] for n in RESULT_FIELDS if n in exc.problems), None)
            if first is not None:
                self.scroll_area.ensureWidgetVisible(first)
        else:
            self.errors.clear()
            self.banner.show_message(str(exc), "error")

    def submit(self) -> None:
        """完成回访: check first; a dissatisfied result asks before it is saved."""
        result = self.visit_result()
        try:
            self.visits.check_result(self.visit, result)
        except UserError as exc:
            self.confirm_banner.hide()
            self._show_problems(exc)
            return
        self.errors.clear()
        if self.case is not None and result.satisfaction in UNSATISFIED:
            self.banner.hide()
            self.confirm_banner.show_message(
                self.tr(
                    "客户{0}:将退回返工,24小时内书面通知责任人,并安排第{1}次回访。确认完成本次回访?"
                ).format(result.satisfaction, self.visit.attempt + 1),
                "warn",
            )
            self.confirm_button.setFocus()
            return
        self._complete(result)

    def _confirm_rework(self) -> None:
        self.confirm_banner.hide()
        self._complete(self.visit_result())

    def _complete(self, result: VisitResult) -> None:
        try:
            self.next_visit = self.visits.complete(self.visit, result, self.actor)
        except UserError as exc:
            self._show_problems(exc)
            return
        self.visit_changed.emit(self.visit_id)
        if self.next_visit is None:
            self.accept()
            return
        nxt = self.next_visit
        self._build()
        self.banner.show_message(
            self.tr(
                "回访已完成。案件已退回返工,返工通知须在 24 小时内送达;已安排第{0}次回访,应于 {1} 前,由{2}{3}回访。"
            ).format(
                nxt.attempt,
                fmt(nxt.due),
                term(domain.ROLES.get(nxt.role, nxt.role)),
                f" {nxt.visitor_name}" if nxt.visitor_name else "",
            ),
            "warn",
        )
