"""回访记录: one follow-up visit, recorded as the paper 《回访记录表》 asks.

The dialog shows what the visit follows (the case, or a periodic round) and why it was
planned, the contact attempts, the result form and the customer's signature. 完成回访
calls `VisitService.complete`; when the service refuses, each reason shows in red beside
its field and everything typed stays. A result of 不满意/很不满意 first says what will
happen (rework, a written notice within 24 hours, the next visit) and asks to go on.
A visit no longer open (done, unreachable, refused, cancelled) opens read-only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import domain
from app.errors import UserError, ValidationError
from app.models import Case, ReworkNotice, Staff, Visit, VisitAttempt
from app.owners import mask_phone
from app.permissions import can
from app.signatures import SignatureCapture
from app.staff import StaffService
from app.visits import ATTEMPT_OUTCOMES, OPEN_VISIT_STATES, UNSATISFIED, VisitResult, VisitService
from ui.signature_pad import SignatureField
from ui.widgets import INVALID_STYLE, Banner, ErrorLabel, FieldErrors

DATETIME_FORMAT = "yyyy-MM-dd HH:mm"
MET_RELATIONS = ["业主本人", "家属", "租户"]
MUTED = "color: #555;"

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


def _qdatetime(value: dt.datetime) -> QDateTime:
    return QDateTime.fromString(value.strftime("%Y-%m-%d %H:%M"), DATETIME_FORMAT)


def _pydatetime(value: QDateTime) -> dt.datetime:
    return dt.datetime.strptime(value.toString(DATETIME_FORMAT), "%Y-%m-%d %H:%M")


def _datetime_edit(value: dt.datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(_qdatetime(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATETIME_FORMAT)
    return edit


def _fmt(value: dt.datetime | dt.date | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def _text_box(placeholder: str, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


def _value_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


def _yes_no(value: bool | None, yes: str, no: str) -> str:
    return "—" if value is None else (yes if value else no)


def _with_error(field: QWidget | QHBoxLayout, error: ErrorLabel) -> QWidget:
    """A field with its red reason below it, as one form row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    if isinstance(field, QWidget):
        layout.addWidget(field)
    else:
        layout.addLayout(field)
    layout.addWidget(error)
    return box


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
    ) -> None:
        super().__init__(parent)
        self.needs_signature = needs_signature
        self.rule_label = QLabel()
        self.rule_label.setWordWrap(True)
        self.customer_field = SignatureField(self.tr("客户签名"), customer)
        self.visitor_field = SignatureField(self.tr("回访人签名"), visitor, ask_relation=False)
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
        for title, field in ((self.tr("客户"), self.customer_field), (self.tr("回访人"), self.visitor_field)):
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


class QuestionTable(QWidget):
    """待答复问题: questions the visitor could not answer on the spot, each with a promised date."""

    def __init__(self, default_date: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.default_date = default_date
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("问题"), self.tr("约定答复日期")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setFixedHeight(self.fontMetrics().lineSpacing() * 6 + 16)
        self.add_button = QPushButton(self.tr("添加问题"))
        self.remove_button = QPushButton(self.tr("删除所选"))
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self._remove_selected)
        hint = QLabel(self.tr("现场答复不了的问题,约定答复日期;每条成为一项待答复任务。"))
        hint.setStyleSheet(MUTED)
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def add_row(self, question: str = "", promised: dt.date | None = None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(question))
        date_edit = QDateEdit(QDate(promised or self.default_date))
        date_edit.setCalendarPopup(True)
        date_edit.setDisplayFormat("yyyy-MM-dd")
        self.table.setCellWidget(row, 1, date_edit)
        self.table.setCurrentCell(row, 0)
        if not question:
            self.table.editItem(self.table.item(row, 0))
        return row

    def _remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)

    def questions(self) -> list[tuple[str, dt.date]]:
        out = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            edit = self.table.cellWidget(row, 1)
            assert isinstance(edit, QDateEdit)
            out.append(((item.text() if item else "").strip(), edit.date().toPython()))
        return out


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
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)

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
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.confirm_banner)
        layout.addLayout(buttons)
        self._build()

    # Building -------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self.visit.state in OPEN_VISIT_STATES

    def _load(self) -> None:
        self.visit = Visit.get_by_id(self.visit_id)
        self.case: Case | None = Case.get_by_id(self.visit.case_id) if self.visit.case_id else None
        self.rule = self.visits.rule(self.case) if self.case is not None else None

    def _build(self) -> None:
        """(Re)build the whole content for the visit as it is stored now."""
        self._load()
        self.banner.hide()
        subject = self.case.number if self.case is not None else self.visit.purpose
        self.setWindowTitle(self.tr("回访记录 — {0} 第{1}次回访").format(subject, self.visit.attempt))
        content = QWidget()
        self.content_layout = QVBoxLayout(content)
        self.content_layout.setContentsMargins(0, 0, 6, 0)
        self.content_layout.setSpacing(10)
        self.content_layout.addWidget(self._subject_box())
        self.content_layout.addWidget(self._plan_box())
        self.content_layout.addWidget(self._attempts_box())
        if self.is_open:
            self.content_layout.addWidget(self._result_box())
            self.content_layout.addWidget(self._signature_box())
            self.general_error = ErrorLabel()
            self.errors = FieldErrors(self.general_error)
            self._bind_errors()
            self.content_layout.addWidget(self.general_error)
            self._method_changed()
        else:
            self.content_layout.addWidget(self._record_box())
            if self.visit.state == domain.VISIT_DONE:
                self.content_layout.addWidget(self._reviews_box())
        self.content_layout.addStretch(1)
        self.scroll.setWidget(content)
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
                    self.case.number, self.case.state
                ),
                "warn",
            )

    def _reviews_box(self) -> QGroupBox:
        """主管审核、项目经理意见、总经理意见: each by its role, with name and time."""
        box = QGroupBox(self.tr("审核意见"))
        layout = QVBoxLayout(box)
        done = self.visits.reviews_of(self.visit)
        not_filled = self.tr("(未填写)")
        for level in self.visits.REVIEW_LEVELS:
            review = done.get(level)
            text = (
                f"<b>{level}</b>:{review.opinion}  <span style='color:#666'>— {review.reviewer} {_fmt(review.at)}</span>"
                if review
                else f"<b>{level}</b>:<span style='color:#999'>{not_filled}</span>"
            )
            label = QLabel(text)
            label.setWordWrap(True)
            layout.addWidget(label)
        mine = [
            lvl
            for lvl, role in self.visits.REVIEW_LEVELS.items()
            if role == self.actor.role and lvl not in done
        ]
        if mine:
            row = QHBoxLayout()
            self.review_level = QComboBox()
            self.review_level.addItems(mine)
            self.review_text = QLineEdit()
            self.review_text.setPlaceholderText(self.tr("审核意见"))
            self.review_button = QPushButton(self.tr("签署意见"))
            self.review_button.clicked.connect(self._save_review)
            row.addWidget(self.review_level)
            row.addWidget(self.review_text, 1)
            row.addWidget(self.review_button)
            layout.addLayout(row)
        return box

    def _save_review(self) -> None:
        try:
            self.visits.review(
                self.visit, self.review_level.currentText(), self.actor, self.review_text.text()
            )
        except UserError as exc:
            self.banner.show_message(str(exc), "error")
            return
        self.visit_changed.emit(self.visit_id)
        self._build()

    def _grid_box(
        self, title: str, rows: list[tuple[str, str]], wide: set[str]
    ) -> tuple[QGroupBox, QGridLayout]:
        """A group of label/value pairs, two pairs per line; the `wide` ones take a whole line."""
        box = QGroupBox(title)
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        line, col = 0, 0
        for name, value in rows:
            label = QLabel(name)
            label.setStyleSheet(MUTED)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            shown = _value_label(value)
            shown.setObjectName(name)
            if name in wide:
                if col:
                    line, col = line + 1, 0
                grid.addWidget(label, line, 0)
                grid.addWidget(shown, line, 1, 1, 3)
                line += 1
                continue
            grid.addWidget(label, line, col)
            grid.addWidget(shown, line, col + 1)
            col += 2
            if col == 4:
                line, col = line + 1, 0
        return box, grid

    def _subject_box(self) -> QGroupBox:
        if self.case is None:
            rows = [
                (self.tr("回访类型"), self.visit.purpose or "—"),
                (self.tr("房号"), self.visit.room.label if self.visit.room_id else "—"),
            ]
            box, _ = self._grid_box(self.tr("回访对象"), rows, set())
            return box
        case = self.case
        rows = [
            (
                self.tr("案件编号"),
                case.number + (self.tr("(原编号 {0})").format(case.ref) if case.ref else ""),
            ),
            (self.tr("状态"), case.state),
            (self.tr("房号"), case.room_label or "—"),
            # the phone masked; 显示电话 shows it in full to a role that may, and logs the read
            (
                self.tr("客户"),
                " ".join(p for p in (case.customer_name, mask_phone(case.customer_phone)) if p) or "—",
            ),
            (self.tr("性质·程度"), f"{case.kind}·{case.severity}"),
            (self.tr("类别"), case.category),
            (self.tr("办结时间"), _fmt(case.resolved_at)),
            (self.tr("责任部门"), case.department.name if case.department_id else "—"),
            (self.tr("投诉内容") if case.kind == "投诉" else self.tr("内容"), case.account),
            (self.tr("处理结果"), case.result or "—"),
        ]
        box, grid = self._grid_box(self.tr("回访的案件"), rows, {rows[8][0], rows[9][0]})
        self.customer_label = box.findChild(QLabel, rows[3][0])
        if case.customer_phone:
            may_reveal = can(self.actor, "owner.reveal_phone")
            self.reveal_phone_button = QPushButton(self.tr("显示电话"))
            self.reveal_phone_button.setEnabled(may_reveal)
            self.reveal_phone_button.setToolTip(
                self.tr("显示完整号码(每次显示都会记录查看人和时间)")
                if may_reveal
                else self.tr("您的角色不能查看完整电话")
            )
            self.reveal_phone_button.clicked.connect(self.reveal_phone)
            grid.addWidget(self.reveal_phone_button, grid.rowCount(), 1, Qt.AlignmentFlag.AlignLeft)
        return box

    def reveal_phone(self) -> None:
        """The caller's full number, for a phone visit; the read is logged (显示号码)."""
        assert self.case is not None
        try:
            phone = self.visits.cases.reveal_phone(self.case, self.actor)
        except UserError as exc:
            self.banner.show_message(str(exc), "error")
            return
        self.customer_label.setText(" ".join(p for p in (self.case.customer_name, phone) if p))
        self.reveal_phone_button.setEnabled(False)

    def _plan_box(self) -> QGroupBox:
        visit = self.visit
        shown_state = self.visits.display_state(visit)
        rows = [
            (self.tr("回访次数"), self.tr("第{0}次回访").format(visit.attempt)),
            (self.tr("状态"), shown_state),
            (self.tr("应回访日期"), _fmt(visit.due)),
            (self.tr("回访人角色"), domain.ROLES.get(visit.role, visit.role)),
            (self.tr("预约时间"), _fmt(visit.appointment)),
            (self.tr("回访人"), visit.visitor_name or self.tr("(未指定)")),
            (self.tr("安排原因"), visit.reason or "—"),
        ]
        wide = {rows[6][0]}
        if self.case is not None:
            decision = self.visits.decision(self.case)
            if decision is not None:
                rows.append((self.tr("抽样说明"), decision.reason))
                wide.add(rows[-1][0])
            earlier = [
                v for v in self.visits.visits_of(self.case) if v.id != visit.id and v.attempt < visit.attempt
            ]
            for v in earlier:
                rows.append(
                    (
                        self.tr("第{0}次回访").format(v.attempt),
                        f"{_fmt(v.done_at)} {v.method} {v.satisfaction or v.state}"
                        + (f":{v.opinion or v.shortcomings}" if (v.opinion or v.shortcomings) else ""),
                    )
                )
                wide.add(rows[-1][0])
        box, grid = self._grid_box(self.tr("回访计划"), rows, wide)
        state_label = box.findChild(QLabel, self.tr("状态"))
        if state_label is not None and shown_state == "逾期":
            state_label.setText(self.tr("逾期(应于 {0} 前回访)").format(_fmt(visit.due)))
            state_label.setStyleSheet("color: #c62828; font-weight: bold;")
        if self.is_open:
            # The visitor may be changed while the visit is open.
            self.visitor_combo = QComboBox()
            self.visitor_combo.addItem(self.tr("(未指定)"), None)
            people = self.staff.staff()
            same_role = [p for p in people if p.role == visit.role]
            for person in same_role + [p for p in people if p not in same_role]:
                role = domain.ROLES.get(person.role, person.role)
                self.visitor_combo.addItem(f"{person.name}({role})", person.id)
            index = self.visitor_combo.findData(visit.visitor_id) if visit.visitor_id else 0
            self.visitor_combo.setCurrentIndex(max(index, 0))
            self.visitor_combo.currentIndexChanged.connect(self._assign)
            visitor_label = box.findChild(QLabel, self.tr("回访人"))
            assert visitor_label is not None
            grid.replaceWidget(visitor_label, self.visitor_combo)
            visitor_label.hide()  # out of the layout; hidden until deleted, or it shows at (0, 0)
            visitor_label.deleteLater()
        return box

    def _attempts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("联系记录"))
        layout = QVBoxLayout(box)
        layout.setSpacing(6)
        self.attempts_table = QTableWidget(0, 5)
        self.attempts_table.setHorizontalHeaderLabels(
            [self.tr("时间"), self.tr("结果"), self.tr("约定回电"), self.tr("记录人"), self.tr("备注")]
        )
        header = self.attempts_table.horizontalHeader()
        for col in range(4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.attempts_table.verticalHeader().hide()
        self.attempts_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.attempts_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.attempts_empty = QLabel(
            self.tr("还没有联系记录。联系不上、约定回电或客户拒绝时在这里登记。")
            if self.is_open
            else self.tr("没有联系记录。")
        )
        self.attempts_empty.setStyleSheet(MUTED)
        layout.addWidget(self.attempts_table)
        layout.addWidget(self.attempts_empty)
        self._fill_attempts()
        if not self.is_open:
            return box

        self.outcome_combo = QComboBox()
        self.outcome_combo.addItems(ATTEMPT_OUTCOMES)
        self.attempt_note = QLineEdit()
        self.attempt_note.setMaxLength(200)
        self.attempt_note.setPlaceholderText(self.tr("备注,如 拨打两次无人接"))
        self.call_back_box = QCheckBox(self.tr("回电时间"))
        self.call_back_edit = _datetime_edit(self.visits.clock.now() + dt.timedelta(hours=2))
        self.call_back_edit.setEnabled(False)
        self.call_back_box.toggled.connect(self.call_back_edit.setEnabled)
        self.outcome_combo.currentTextChanged.connect(
            lambda text: self.call_back_box.setChecked(True) if text == "约定回电" else None
        )
        self.give_up_box = QCheckBox(self.tr("不再联系,结束本次回访"))
        self.add_attempt_button = QPushButton(self.tr("登记联系"))
        self.add_attempt_button.clicked.connect(self.add_attempt)
        self.attempt_error = ErrorLabel()

        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(QLabel(self.tr("结果")))
        row.addWidget(self.outcome_combo)
        row.addWidget(self.attempt_note, 1)
        row.addWidget(self.call_back_box)
        row.addWidget(self.call_back_edit)
        row2 = QHBoxLayout()
        row2.addWidget(self.give_up_box)
        hint = QLabel(self.tr("(勾选后本次回访记为“未联系上”,客户拒绝的记为“拒访”)"))
        hint.setStyleSheet(MUTED)
        row2.addWidget(hint, 1)
        row2.addWidget(self.add_attempt_button)
        layout.addLayout(row)
        layout.addLayout(row2)
        layout.addWidget(self.attempt_error)
        return box

    def _fill_attempts(self) -> None:
        attempts = list(self.visit.attempts.order_by(VisitAttempt.at, VisitAttempt.id))
        self.attempts_table.setRowCount(len(attempts))
        for row, a in enumerate(attempts):
            values = [_fmt(a.at), a.outcome, _fmt(a.call_back_at) if a.call_back_at else "", a.by, a.note]
            for col, value in enumerate(values):
                self.attempts_table.setItem(row, col, QTableWidgetItem(value))
        lines = max(len(attempts), 1)
        self.attempts_table.setFixedHeight(
            self.attempts_table.horizontalHeader().sizeHint().height()
            + self.attempts_table.verticalHeader().defaultSectionSize() * min(lines, 5)
            + 4
        )
        self.attempts_table.setVisible(bool(attempts))
        self.attempts_empty.setVisible(not attempts)

    def _allowed_methods(self) -> list[str]:
        if self.rule is None:
            return list(domain.VISIT_METHODS)
        allowed = set(self.rule.methods) | ({"电话"} if self.visit.attempt > 1 else set())
        return [m for m in domain.VISIT_METHODS if m in allowed]

    def _result_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("回访结果"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(8)
        self.field_errors: dict[str, ErrorLabel] = {name: ErrorLabel() for name in RESULT_FIELDS}
        self.field_errors["案件"] = ErrorLabel()

        # 回访方式: only what the policy allows here
        self.method_group = QButtonGroup(self)
        self.method_buttons: dict[str, QRadioButton] = {}
        methods = QHBoxLayout()
        methods.setSpacing(14)
        for method in self._allowed_methods():
            button = QRadioButton(method)
            self.method_group.addButton(button)
            self.method_buttons[method] = button
            methods.addWidget(button)
        if self.visit.attempt > 1:
            note = QLabel(self.tr("第{0}次回访,可电话回访").format(self.visit.attempt))
            note.setStyleSheet(MUTED)
            methods.addWidget(note)
        methods.addStretch(1)
        if len(self.method_buttons) == 1:
            next(iter(self.method_buttons.values())).setChecked(True)
        self.method_group.buttonToggled.connect(lambda *_: self._method_changed())
        form.addRow(self.tr("回访方式"), _with_error(methods, self.field_errors["回访方式"]))

        # 回访时间 and 预约时间
        self.done_at_edit = _datetime_edit(self.visits.clock.now())
        self.appointment_box = QCheckBox(self.tr("有预约,预约时间"))
        self.appointment_edit = _datetime_edit(self.visit.appointment or self.visits.clock.now())
        self.appointment_box.setChecked(self.visit.appointment is not None)
        self.appointment_edit.setEnabled(self.visit.appointment is not None)
        self.appointment_box.toggled.connect(self.appointment_edit.setEnabled)
        times = QHBoxLayout()
        times.setSpacing(8)
        times.addWidget(self.done_at_edit)
        times.addSpacing(24)
        times.addWidget(self.appointment_box)
        times.addWidget(self.appointment_edit)
        times.addStretch(1)
        form.addRow(self.tr("回访时间"), _with_error(times, self.field_errors["回访时间"]))

        # Who was met
        self.met_relation = QComboBox()
        self.met_relation.addItems(MET_RELATIONS)
        self.met_name = QLineEdit()
        self.met_name.setMaxLength(30)
        self.met_name.setPlaceholderText(self.tr("姓名或称呼"))
        if self.case is not None and self.case.customer_name:
            self.met_name.setText(self.case.customer_name)
        met = QHBoxLayout()
        met.setSpacing(8)
        met.addWidget(self.met_relation)
        met.addWidget(self.met_name, 1)
        form.addRow(self.tr("接受回访人"), met)

        is_repair = self.case is not None and self.case.kind == "报修"
        self.findings = _text_box(
            self.tr("维修质量、服务效果如何;客户怎么说")
            if is_repair
            else self.tr("处理质量、服务效果如何;客户怎么说"),
            3,
        )
        self.shortcomings = _text_box(self.tr("客户指出的不足(可不填)"), 2)
        self.opinion = _text_box(self.tr("客户的意见和建议(可不填)"), 2)
        form.addRow(self.tr("回访内容"), _with_error(self.findings, self.field_errors["回访内容"]))
        form.addRow(self.tr("不足之处"), _with_error(self.shortcomings, self.field_errors["不足之处"]))
        form.addRow(self.tr("客户意见/建议"), _with_error(self.opinion, self.field_errors["客户意见"]))

        self.repair_fields: QWidget | None = None
        if is_repair:
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
            self.repair_fields = QWidget()
            repair = QGridLayout(self.repair_fields)
            repair.setContentsMargins(0, 0, 0, 0)
            repair.setHorizontalSpacing(8)
            repair.addWidget(QLabel(self.tr("现场查看")), 0, 0)
            repair.addWidget(self.site_checked, 0, 1)
            repair.addWidget(QLabel(self.tr("收费核实")), 0, 2)
            repair.addWidget(self.charges_checked, 0, 3)
            repair.setColumnStretch(4, 1)
            repair.addWidget(QLabel(self.tr("维修人员表现")), 1, 0)
            repair.addWidget(self.worker_conduct, 1, 1, 1, 4)
            form.addRow(self.tr("维修情况"), self.repair_fields)

        # 满意度: five levels
        self.satisfaction_group = QButtonGroup(self)
        self.satisfaction_buttons: dict[str, QRadioButton] = {}
        levels = QHBoxLayout()
        levels.setSpacing(14)
        for level in domain.SATISFACTION:
            button = QRadioButton(level)
            if level in UNSATISFIED:
                button.setStyleSheet("color: #8c1d18;")
            self.satisfaction_group.addButton(button)
            self.satisfaction_buttons[level] = button
            levels.addWidget(button)
        levels.addStretch(1)
        form.addRow(self.tr("满意度"), _with_error(levels, self.field_errors["满意度"]))

        self.questions = QuestionTable(self.visits.clock.now().date() + dt.timedelta(days=3))
        questions_errors = QVBoxLayout()
        questions_errors.setSpacing(2)
        questions_errors.addWidget(self.field_errors["待答复问题"])
        questions_errors.addWidget(self.field_errors["答复日期"])
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.setSpacing(2)
        holder_layout.addWidget(self.questions)
        holder_layout.addLayout(questions_errors)
        form.addRow(self.tr("待答复问题"), holder)
        return box

    def _signature_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("客户签名"))
        layout = QVBoxLayout(box)
        layout.setSpacing(4)
        needs = self.rule.signature if self.rule is not None else True
        customer = ""
        if self.visit.case_id:
            case = Case.get_by_id(self.visit.case_id)
            customer = "" if case.anonymous else case.customer_name
        self.signature = SignatureSection(
            needs, self.visit.form_no or "", customer, self.actor.name, forms=self._usable_forms()
        )
        layout.addWidget(self.signature)
        layout.addWidget(self.field_errors["表单编号"])
        layout.addWidget(self.field_errors["客户签名"])
        return box

    def _usable_forms(self) -> list[tuple[str, str]]:
        """The ledger's forms this visit may be recorded on, each with what it is in words."""
        out = []
        for form in self.visits.forms.usable_for_visit(self.visit):
            if form.visit_id == self.visit.id:
                words = self.tr("本次回访的表 · {0}").format(form.state)
            else:
                words = self.tr("空白表 · {0} 领用").format(form.taken_by_name)
            if form.taken_by_name and form.visit_id == self.visit.id:
                words += self.tr(" · {0} 领用").format(form.taken_by_name)
            out.append((form.number, words))
        return out

    def _bind_errors(self) -> None:
        widgets: dict[str, QWidget | None] = {
            "回访方式": next(iter(self.method_buttons.values()), None),
            "回访时间": self.done_at_edit,
            "回访内容": self.findings,
            "不足之处": self.shortcomings,
            "客户意见": self.opinion,
            "满意度": self.satisfaction_buttons[domain.SATISFACTION[0]],
            "待答复问题": self.questions.table,
            "答复日期": self.questions.table,
            "客户签名": self.signature.focus_widget(),
            "表单编号": self.signature.form_no_edit,
        }
        for name in RESULT_FIELDS:
            self.errors.bind(name, self.field_errors[name], widgets[name])

    def _record_box(self) -> QGroupBox:
        """The finished visit as recorded, read-only."""
        visit = self.visit
        rows: list[tuple[str, str]] = [
            (self.tr("结果"), visit.state),
            (self.tr("回访方式"), visit.method or "—"),
            (self.tr("回访时间"), _fmt(visit.done_at)),
            (self.tr("回访人"), visit.visitor_name or "—"),
            (self.tr("接受回访人"), visit.met_person or "—"),
            (self.tr("满意度"), visit.satisfaction or "—"),
        ]
        if visit.state == domain.VISIT_DONE:
            rows += [
                (self.tr("回访内容"), visit.findings or "—"),
                (self.tr("不足之处"), visit.shortcomings or "—"),
                (self.tr("客户意见/建议"), visit.opinion or "—"),
            ]
            if self.case is not None and self.case.kind == "报修":
                rows += [
                    (
                        self.tr("现场查看"),
                        _yes_no(visit.site_checked, self.tr("已到现场查看"), self.tr("未到现场")),
                    ),
                    (
                        self.tr("收费核实"),
                        _yes_no(visit.charges_checked, self.tr("已核实,收费相符"), self.tr("未核实")),
                    ),
                    (self.tr("维修人员表现"), visit.worker_conduct or "—"),
                ]
            rows.append((self.tr("客户签名"), self._signature_text()))
            if visit.letter_id:
                rows.append((self.tr("公开信"), visit.letter.title))
        elif visit.state == domain.VISIT_CANCELLED:
            rows.append((self.tr("取消原因"), visit.opinion or "—"))
        tasks = list(visit.tasks)
        if tasks:
            rows.append(
                (
                    self.tr("待答复问题"),
                    "\n".join(
                        t.question
                        + self.tr("(约定 {0} 答复)").format(_fmt(t.promised))
                        + (
                            self.tr(" → 已答复:{0}").format(t.answer)
                            if t.answered_at
                            else self.tr(" → 尚未答复")
                        )
                        for t in tasks
                    ),
                )
            )
        notices = list(ReworkNotice.select().where(ReworkNotice.visit == visit))
        for n in notices:
            delivered = (
                self.tr("{0} 送达 {1}").format(_fmt(n.delivered_at), n.delivered_to)
                if n.delivered_at
                else self.tr("未送达,须在 {0} 前送达").format(_fmt(n.due))
            )
            rows.append((self.tr("返工通知"), f"{n.text}({delivered})"))
        if self.case is not None:
            later = [v for v in self.visits.visits_of(self.case) if v.attempt > visit.attempt]
            for v in later:
                rows.append(
                    (
                        self.tr("后续回访"),
                        self.tr("第{0}次回访:{1},应于 {2} 前,{3}{4}").format(
                            v.attempt,
                            self.visits.display_state(v),
                            _fmt(v.due),
                            domain.ROLES.get(v.role, v.role),
                            f" {v.visitor_name}" if v.visitor_name else "",
                        ),
                    )
                )
        short = {rows[i][0] for i in range(6)}
        wide = {name for name, _ in rows if name not in short}
        box, _ = self._grid_box(self.tr("回访记录(只读)"), rows, wide)
        self.record_labels = {
            name: label for name in (n for n, _ in rows) if (label := box.findChild(QLabel, name))
        }
        return box

    def _signature_text(self) -> str:
        visit = self.visit
        form = self.tr("回访记录表 NO.{0}").format(visit.form_no) if visit.form_no else ""
        if visit.method == "上门":
            needs = self.rule.signature if self.rule is not None else True
            signed = self.tr("客户已签字") if needs else self.tr("本类回访无需签名")
            return ";".join(p for p in (signed, form) if p)
        if visit.method == "电话":
            return ";".join(p for p in (self.tr("电话回访,无需签名"), form) if p)
        return form or "—"

    # Behaviour ------------------------------------------------------------------------
    def _method(self) -> str:
        button = self.method_group.checkedButton()
        return button.text() if button is not None else ""

    def _method_changed(self) -> None:
        self.signature.set_method(self._method())

    def _assign(self) -> None:
        person_id = self.visitor_combo.currentData()
        person = Staff.get_by_id(person_id) if person_id else None
        try:
            self.visits.assign(self.visit, person)
        except UserError as exc:
            self.banner.show_message(str(exc), "error")
            return
        self.visit_changed.emit(self.visit_id)

    def add_attempt(self) -> None:
        call_back = _pydatetime(self.call_back_edit.dateTime()) if self.call_back_box.isChecked() else None
        give_up = self.give_up_box.isChecked()
        try:
            self.visits.record_attempt(
                self.visit,
                self.outcome_combo.currentText(),
                self.attempt_note.text(),
                call_back,
                self.actor,
                give_up=give_up,
            )
        except ValidationError as exc:
            self.attempt_error.set_error(";".join(f"{k}:{v}" for k, v in exc.problems.items()))
            return
        except UserError as exc:
            self.attempt_error.set_error(str(exc))
            return
        self.attempt_error.set_error(None)
        self.visit_changed.emit(self.visit_id)
        if give_up:
            self._build()
            self.banner.show_message(self.tr("已结束本次回访,记为“{0}”。").format(self.visit.state), "info")
            return
        self.visit = Visit.get_by_id(self.visit_id)
        self._fill_attempts()
        self.attempt_note.clear()
        self.call_back_box.setChecked(False)
        if call_back is not None:
            self.appointment_box.setChecked(True)
            self.appointment_edit.setDateTime(_qdatetime(call_back))
            self.banner.show_message(self.tr("已登记:约定 {0} 回电。").format(_fmt(call_back)), "info")

    def visit_result(self) -> VisitResult:
        """What the form says now."""
        name = self.met_name.text().strip()
        met = f"{self.met_relation.currentText()} {name}".strip()
        repair = self.repair_fields is not None
        return VisitResult(
            method=self._method(),
            satisfaction=(b.text() if (b := self.satisfaction_group.checkedButton()) else None),
            done_at=_pydatetime(self.done_at_edit.dateTime()),
            met_person=met,
            appointment=_pydatetime(self.appointment_edit.dateTime())
            if self.appointment_box.isChecked()
            else None,
            findings=self.findings.toPlainText(),
            shortcomings=self.shortcomings.toPlainText(),
            opinion=self.opinion.toPlainText(),
            site_checked=self.site_checked.currentData() if repair else None,
            worker_conduct=self.worker_conduct.text() if repair else "",
            charges_checked=self.charges_checked.currentData() if repair else None,
            form_no=self.signature.form_no() or None,
            signed=self.signature.signed(),
            questions=self.questions.questions(),
            customer_signature=self.signature.customer_signature(),
            visitor_signature=self.signature.visitor_signature(),
        )

    def _show_problems(self, exc: UserError) -> None:
        if isinstance(exc, ValidationError):
            self.errors.show(exc.problems)
            self.banner.show_message(self.tr("有 {0} 处需要改正,见红字。").format(len(exc.problems)), "error")
            first = next((self.field_errors[n] for n in RESULT_FIELDS if n in exc.problems), None)
            if first is not None:
                self.scroll.ensureWidgetVisible(first)
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
                _fmt(nxt.due),
                domain.ROLES.get(nxt.role, nxt.role),
                f" {nxt.visitor_name}" if nxt.visitor_name else "",
            ),
            "warn",
        )
