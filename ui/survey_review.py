"""The clerk's two keyboard tools of the survey.

- 核对 (`SurveyReviewDialog`): each doubtful row is shown as the picture cut out of the
  scanned page, with the reason; one key decides it (1–5 the box from the left, 0 no answer)
  and the next one comes up. A hand-written open answer is typed from its picture, Enter
  saves it. Nothing is guessed for the clerk.
- 录入 (`SurveyEntryDialog`): an interview (上门访谈) or a sheet that could not be read is typed
  in as a grid: the sheet number, then one digit per question (Tab moves on).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import survey
from app.errors import UserError, ValidationError
from ui.errors import friendly_error
from ui.palette import MUTED_TEXT, NEARLY_DUE_TEXT
from ui.widgets import Banner, ErrorLabel, fit_to_screen


class SurveyReviewDialog(QDialog):
    def __init__(
        self, service: survey.SurveyService, plan: survey.SurveyPlan, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.plan = plan
        self.setWindowTitle(self.tr("核对答卷"))
        self.questions = {k: (title, options) for k, title, options, _ in service.questions(plan)}
        self.opens = {o.key: o.title for o in plan.form().open}
        self.queue: list[survey.SurveyAnswer] = service.review_queue(plan)
        self.decided = 0
        self.where = QLabel()
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.reason = QLabel()
        self.reason.setStyleSheet(f"color: {NEARLY_DUE_TEXT};")
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        area = QScrollArea()
        area.setWidget(self.picture)
        area.setWidgetResizable(True)
        area.setMinimumHeight(140)
        self.choices = QHBoxLayout()
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("照图录入业主写的意见,按回车保存;看不清可留空"))
        self.text.returnPressed.connect(self._save_text)
        self.help = QLabel()
        self.help.setWordWrap(True)
        self.error = ErrorLabel()
        self.banner = Banner("success")
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.question)
        layout.addWidget(self.reason)
        layout.addWidget(area, 1)
        layout.addLayout(self.choices)
        layout.addWidget(self.text)
        layout.addWidget(self.help)
        layout.addWidget(self.error)
        layout.addWidget(self.banner)
        layout.addWidget(buttons)
        fit_to_screen(self, 960, 460)
        self._show()

    @property
    def current(self) -> survey.SurveyAnswer | None:
        return self.queue[0] if self.queue else None

    def _clear_choices(self) -> None:
        while self.choices.count():
            item = self.choices.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]

    def _show(self) -> None:
        self._clear_choices()
        self.error.set_error(None)
        answer = self.current
        if answer is None:
            self.where.setText(self.tr("没有待核对的答卷。"))
            self.question.clear()
            self.reason.clear()
            self.picture.clear()
            self.text.hide()
            self.help.clear()
            self.banner.show_message(self.tr("已全部核对完毕,共 {0} 处。").format(self.decided))
            return
        self.banner.hide()
        sheet = answer.sheet
        self.where.setText(
            self.tr("第 {0} 号调查表 第 {1} 页    还有 {2} 处").format(
                sheet.number, answer.page, len(self.queue)
            )
        )
        pixmap = QPixmap()
        pixmap.loadFromData(bytes(answer.image or b""))
        self.picture.setPixmap(pixmap)
        if answer.question in self.opens:
            self.question.setText(self.opens[answer.question])
            self.reason.setText(self.tr("业主写了意见,请照图录入"))
            self.text.show()
            self.text.clear()
            self.text.setFocus()
            self.help.setText(self.tr("回车保存并看下一处。"))
            return
        self.text.hide()
        title, options = self.questions.get(answer.question, (answer.question, []))
        self.question.setText(title)
        self.reason.setText(answer.reason)
        for index, option in enumerate(options):
            button = QPushButton(f"{index + 1} {option}")
            button.clicked.connect(lambda _=False, i=index: self.choose(str(i)))
            self.choices.addWidget(button)
        none = QPushButton(self.tr("0 未答/作废"))
        none.clicked.connect(lambda: self.choose(""))
        self.choices.addWidget(none)
        self.help.setText(self.tr("按数字键选择图中业主选的那一项(从左数);0 表示这一行不算答案。"))
        self.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        answer = self.current
        text = event.text()
        if answer is not None and answer.question not in self.opens and text.isdigit():
            options = self.questions.get(answer.question, ("", []))[1]
            value = int(text)
            if value == 0:
                self.choose("")
                return
            if value <= len(options):
                self.choose(str(value - 1))
                return
        super().keyPressEvent(event)

    def choose(self, value: str) -> None:
        answer = self.current
        if answer is None:
            return
        try:
            self.service.decide(answer, value)
        except UserError as exc:
            self.error.set_error(friendly_error(exc))
            return
        self.queue.pop(0)
        self.decided += 1
        self._show()

    def _save_text(self) -> None:
        self.choose(self.text.text())


class SurveyEntryDialog(QDialog):
    """Answers typed in: the sheet number, then a digit per question (1 = the first box)."""

    def __init__(
        self,
        service: survey.SurveyService,
        plan: survey.SurveyPlan,
        method: str = survey.BY_INTERVIEW,
        parent: QWidget | None = None,
        sheet_number: int = 0,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.plan = plan
        self.method = method
        self.setWindowTitle(self.tr("录入答卷"))
        self.number = QSpinBox()
        self.number.setRange(1, 999999)
        if sheet_number:
            self.number.setValue(sheet_number)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("调查表编号")), 0, 0)
        grid.addWidget(self.number, 0, 1)
        self.fields: dict[str, QLineEdit] = {}
        row = 1
        for key, title, options, multiple in service.questions(plan):
            edit = QLineEdit()
            edit.setMaxLength(20 if multiple else 1)
            hint = " ".join(f"{i + 1}{o}" for i, o in enumerate(options))
            edit.setPlaceholderText(self.tr("可多选,用逗号分隔") if multiple else "")
            edit.setToolTip(hint)
            grid.addWidget(QLabel(title), row, 0)
            grid.addWidget(edit, row, 1)
            legend = QLabel(hint)
            legend.setStyleSheet(f"color: {MUTED_TEXT};")
            grid.addWidget(legend, row, 2)
            self.fields[key] = edit
            row += 1
        for question in plan.form().open:
            edit = QLineEdit()
            grid.addWidget(QLabel(question.title), row, 0)
            grid.addWidget(edit, row, 1, 1, 2)
            self.fields[question.key] = edit
            row += 1
        body = QWidget()
        body.setLayout(grid)
        area = QScrollArea()
        area.setWidget(body)
        area.setWidgetResizable(True)
        self.help = QLabel(
            self.tr(
                "每项输入一个数字:1 是第一个选项(如“很满意”),不答的留空。Tab 到下一项,回车保存并开始下一份。"
            )
        )
        self.help.setWordWrap(True)
        self.error = ErrorLabel()
        self.banner = Banner("success")
        buttons = QDialogButtonBox()
        save = buttons.addButton(self.tr("保存并录下一份"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setDefault(True)
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.help)
        layout.addWidget(area, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.banner)
        layout.addWidget(buttons)
        fit_to_screen(self, 820, 700)
        self.saved = 0

    def values(self) -> dict[str, str]:
        opens = {o.key for o in self.plan.form().open}
        out: dict[str, str] = {}
        for key, edit in self.fields.items():
            text = edit.text().strip()
            if key in opens:
                out[key] = text
                continue
            # typed as 1-based digits; stored as the box index from 0
            parts = [p.strip() for p in text.replace(",", ",").split(",") if p.strip()]
            out[key] = ",".join(str(int(p) - 1) if p.isdigit() and int(p) > 0 else "x" for p in parts)
        return out

    def save(self) -> None:
        sheet = self.service.sheet(self.plan, self.number.value())
        if sheet is None:
            self.error.set_error(
                self.tr("本次调查没有第 {0} 号调查表,请核对编号。").format(self.number.value())
            )
            return
        try:
            self.service.enter_answers(sheet, self.values(), method=self.method)
        except ValidationError as exc:
            titles = {k: t for k, t, _, _ in self.service.questions(self.plan)}
            self.error.set_error("\n".join(f"{titles.get(k, k)}:{v}" for k, v in exc.problems.items()))
            return
        except UserError as exc:
            self.error.set_error(friendly_error(exc))
            return
        self.saved += 1
        self.error.set_error(None)
        self.banner.show_message(self.tr("第 {0} 号已保存(本次共 {1} 份)。").format(sheet.number, self.saved))
        for edit in self.fields.values():
            edit.clear()
        self.number.setValue(min(self.number.maximum(), self.number.value() + 1))
        self.number.setFocus()
        self.number.selectAll()


class UnreadPagesDialog(QDialog):
    """Pages kept without answers (no code read, or not straightened): the clerk looks at the
    picture, types the number printed on the sheet, and then types its answers in."""

    def __init__(
        self, service: survey.SurveyService, plan: survey.SurveyPlan, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.plan = plan
        self.setWindowTitle(self.tr("读不出的页"))
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        area = QScrollArea()
        area.setWidget(self.picture)
        area.setWidgetResizable(True)
        self.number = QSpinBox()
        self.number.setRange(1, 999999)
        self.number.setSpecialValueText(" ")
        self.error = ErrorLabel()
        self.banner = Banner("success")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("纸上印的调查表编号")))
        row.addWidget(self.number)
        match = QPushButton(self.tr("确定并录入答卷…"))
        match.clicked.connect(self.match)
        row.addWidget(match)
        row.addStretch(1)
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(area, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.banner)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 700)
        self.entry_factory = SurveyEntryDialog
        self._show()

    def _show(self) -> None:
        pages = self.service.unmatched_pages(self.plan)
        self.current = pages[0] if pages else None
        if self.current is None:
            self.where.setText(self.tr("没有读不出的页。"))
            self.picture.clear()
            return
        scan = self.current
        self.where.setText(
            self.tr("{0} 第 {1} 页:{2}    还有 {3} 页").format(
                scan.source_name, scan.source_page, scan.reason, len(pages)
            )
        )
        pixmap = QPixmap()
        pixmap.loadFromData(bytes(scan.image or b""))
        self.picture.setPixmap(pixmap.scaledToWidth(min(860, max(1, pixmap.width()))))
        self.number.setFocus()
        self.number.selectAll()

    def match(self) -> None:
        if self.current is None:
            return
        try:
            sheet = self.service.match_page(self.current, self.number.value())
        except UserError as exc:
            self.error.set_error(friendly_error(exc))
            return
        self.error.set_error(None)
        entry = self.entry_factory(self.service, self.plan, survey.BY_HAND, self, sheet.number)
        entry.exec()
        self.banner.show_message(self.tr("第 {0} 号已对上。").format(sheet.number))
        self._show()
