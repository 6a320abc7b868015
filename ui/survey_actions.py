"""The survey's follow-through: the questionnaire edited while the plan is a draft, and the
corrective actions (纠正措施) of the subjects in the 修补区 followed until they are done."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import survey
from app.errors import UserError, ValidationError
from ui.errors import friendly_error
from ui.i18n import QT_TR_NOOP
from ui.palette import OVERDUE_TEXT
from ui.widgets import Banner, ErrorLabel, fit_to_screen, make_table


def questionnaire_text(form: survey.Questionnaire) -> tuple[str, str, str]:
    """The questionnaire as three editable texts: subjects, choice questions, open questions."""
    subjects = "\n".join(f"{s.title}|{s.hint}" if s.hint else s.title for s in form.subjects)
    choices = "\n".join(f"{c.title}{'*' if c.multiple else ''}:{'/'.join(c.options)}" for c in form.choices)
    opens = "\n".join(o.title for o in form.open)
    return subjects, choices, opens


def parse_questionnaire(
    subjects: str, choices: str, opens: str, importance: bool, old: survey.Questionnaire
) -> survey.Questionnaire:
    """The texts back into a questionnaire; a subject keeps its key when its title is kept, so
    the comparison with an earlier survey still finds it. 总体情况 stays the overall subject."""
    keys = {s.title: s.key for s in old.subjects}
    form = survey.Questionnaire(title=old.title, importance=importance)
    for n, line in enumerate(x.strip() for x in subjects.splitlines()):
        if not line:
            continue
        title, _, hint = line.partition("|")
        title = title.strip()
        key = keys.get(title, f"s{n + 1}")
        form.subjects.append(survey.Subject(key, title, hint.strip()))
        if title == "总体情况":  # data: the subject every owner rates last (§4.3.1)
            form.overall = key
    for n, line in enumerate(x.strip() for x in choices.splitlines()):
        if not line:
            continue
        parts = re.split("[:\uff1a]", line, maxsplit=1)  # a colon, half or full width
        title, rest = parts[0], parts[1] if len(parts) > 1 else ""
        multiple = title.endswith("*")
        options = [o.strip() for o in re.split("[/\uff0f]", rest) if o.strip()]
        form.choices.append(survey.Choice(f"c{n + 1}", title.rstrip("*").strip(), options, multiple))
    for n, line in enumerate(x.strip() for x in opens.splitlines()):
        if line:
            form.open.append(survey.OpenQuestion(f"o{n + 1}", line))
    return form


class QuestionnaireDialog(QDialog):
    """《顾客意见调查表》 of a draft plan: one subject a line (名称|说明), choice questions as
    题目:选项/选项 (a * after the title: several may be ticked), open questions one a line."""

    def __init__(
        self, service: survey.SurveyService, plan: survey.SurveyPlan, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.plan = plan
        self.setWindowTitle(self.tr("调查表内容"))
        form = plan.form()
        subjects, choices, opens = questionnaire_text(form)
        self.subjects = QPlainTextEdit(subjects)
        self.choices = QPlainTextEdit(choices)
        self.choices.setFixedHeight(70)
        self.opens = QPlainTextEdit(opens)
        self.opens.setFixedHeight(60)
        self.importance = QCheckBox(self.tr("请业主评定每个项目的重要程度(用于四分图)"))
        self.importance.setChecked(form.importance)
        self.error = ErrorLabel()
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("调查项目(每行一项,可写“名称|说明”;“总体情况”放最后):")))
        layout.addWidget(self.subjects, 1)
        layout.addWidget(QLabel(self.tr("选择题(每行一题,写成“题目:选项/选项”;题目后加 * 表示可多选):")))
        layout.addWidget(self.choices)
        layout.addWidget(QLabel(self.tr("开放性问题(每行一题):")))
        layout.addWidget(self.opens)
        layout.addWidget(self.importance)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        fit_to_screen(self, 640, 640)

    def save(self) -> None:
        try:
            form = parse_questionnaire(
                self.subjects.toPlainText(),
                self.choices.toPlainText(),
                self.opens.toPlainText(),
                self.importance.isChecked(),
                self.plan.form(),
            )
            self.service.set_questionnaire(self.plan, form)
        except ValidationError as exc:
            self.error.set_error("\n".join(f"{k}:{v}" for k, v in exc.problems.items()))
            return
        except UserError as exc:
            self.error.set_error(friendly_error(exc))
            return
        self.accept()


class ActionsDialog(QDialog):
    """The corrective actions still open (of every survey), each finished with what was done."""

    COLUMNS = (QT_TR_NOOP("调查"), QT_TR_NOOP("项目"), QT_TR_NOOP("措施"), QT_TR_NOOP("期限"))

    def __init__(self, service: survey.SurveyService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(self.tr("纠正措施"))
        self.table = make_table([self.tr(c) for c in self.COLUMNS], stretch=2, alternate=False, wrap=True)
        self.outcome = QLineEdit()
        self.outcome.setPlaceholderText(self.tr("做了什么、效果如何,回车登记完成"))
        self.outcome.returnPressed.connect(self.finish)
        self.error = ErrorLabel()
        self.banner = Banner("success")
        buttons = QDialogButtonBox()
        done = buttons.addButton(self.tr("登记完成"), QDialogButtonBox.ButtonRole.ActionRole)
        done.clicked.connect(self.finish)
        close = buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("处于四分图修补区的项目(重要但不满意)列为纠正措施,完成后登记结果。")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.outcome)
        layout.addWidget(self.error)
        layout.addWidget(self.banner)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 460)
        self.refresh()

    def refresh(self) -> None:
        self.open_actions = self.service.open_actions()
        self.table.setRowCount(0)
        today = self.service.clock.now().date()
        for action in self.open_actions:
            row = self.table.rowCount()
            self.table.insertRow(row)
            due = action.due or today
            late = due < today
            values = [
                action.plan.title,
                action.title,
                action.measure,
                f"{due:%Y-%m-%d}" + (self.tr("(已逾期)") if late else ""),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if late and column == 3:
                    item.setForeground(QColor(OVERDUE_TEXT))
                self.table.setItem(row, column, item)
        if self.open_actions:
            self.table.selectRow(0)
        else:
            self.banner.show_message(self.tr("没有未完成的纠正措施。"))

    def finish(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        action = self.open_actions[rows[0].row()]
        try:
            self.service.finish_action(action, self.outcome.text())
        except ValidationError as exc:
            self.error.set_error("\n".join(exc.problems.values()))
            return
        self.error.set_error(None)
        self.outcome.clear()
        self.refresh()
