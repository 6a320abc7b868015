"""调查计划 (seed 001 篇3 §4.1.2): a new survey plan, or a draft changed, in one dialog."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import survey
from app.errors import UserError, ValidationError
from ui.errors import friendly_error
from ui.widgets import ErrorLabel, fit_to_screen, from_qdate, to_qdate


class SurveyPlanDialog(QDialog):
    """Fields of the plan; 保存 checks them through the service and keeps the dialog open on
    a refusal, with the reasons, so nothing typed is lost."""

    def __init__(
        self,
        service: survey.SurveyService,
        plan: survey.SurveyPlan | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.plan = plan
        self.setWindowTitle(self.tr("调查计划") if plan is None else self.tr("修改调查计划"))
        today = service.clock.now().date()
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("如:2026年年中顾客满意度调查"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("抽样调查(年中)"), survey.SAMPLE)
        self.kind.addItem(self.tr("全面普查(年底)"), survey.CENSUS)
        self.method = QComboBox()
        self.method.addItem(self.tr("问卷调查"), survey.METHODS[0])
        self.method.addItem(self.tr("上门访谈"), survey.METHODS[1])
        self.starts = QDateEdit(to_qdate(today))
        self.ends = QDateEdit(to_qdate(today).addDays(14))
        for edit in (self.starts, self.ends):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.rate = QDoubleSpinBox()
        self.rate.setRange(0, 100)
        self.rate.setSuffix(" %")
        self.rate.setValue(30)
        self.households = QSpinBox()
        self.households.setRange(0, 100000)
        self.households.setSpecialValueText(self.tr("按比例"))
        self.complainers = QSpinBox()
        self.complainers.setRange(0, 1000)
        self.complainers.setValue(10)
        self.buildings = QLineEdit()
        self.buildings.setPlaceholderText(self.tr("逗号分隔,空着表示全部楼栋"))
        self.departments = QLineEdit()
        self.leader = QLineEdit()
        self.members = QLineEdit()
        self.target = QDoubleSpinBox()
        self.target.setRange(1, 100)
        self.target.setSuffix(" %")
        self.target.setValue(80)
        self.importance = QCheckBox(self.tr("请业主评定每个项目的重要程度(用于四分图)"))
        self.previous = QComboBox()
        self.previous.addItem(self.tr("(不对比)"), None)
        for other in service.plans():
            if plan is None or other.id != plan.id:
                self.previous.addItem(other.title, other.id)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(54)
        self.notice = QPlainTextEdit()
        self.notice.setPlaceholderText(
            self.tr("印在调查表上的告知:调查目的、发放和回收的方式及时间。空着则用标准文字。")
        )
        self.notice.setFixedHeight(70)
        self.error = ErrorLabel()

        form = QFormLayout()
        form.addRow(self.tr("调查名称"), self.title)
        form.addRow(self.tr("调查方式"), self.kind)
        form.addRow(self.tr("调查方法"), self.method)
        form.addRow(self.tr("开始日期"), self.starts)
        form.addRow(self.tr("结束日期"), self.ends)
        form.addRow(self.tr("抽样比例"), self.rate)
        form.addRow(self.tr("或抽样户数"), self.households)
        form.addRow(self.tr("意见较多的住户优先抽取"), self.complainers)
        form.addRow(self.tr("参加楼栋"), self.buildings)
        form.addRow(self.tr("参加部门"), self.departments)
        form.addRow(self.tr("调查组长"), self.leader)
        form.addRow(self.tr("调查人员"), self.members)
        form.addRow(self.tr("回收率目标"), self.target)
        form.addRow("", self.importance)
        form.addRow(self.tr("与上次调查对比"), self.previous)
        form.addRow(self.tr("注意事项"), self.notes)
        form.addRow(self.tr("告知业主"), self.notice)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        if plan is not None:
            self._load(plan)
        self._kind_changed()
        fit_to_screen(self, 560, 700)

    def _load(self, plan: survey.SurveyPlan) -> None:
        self.title.setText(plan.title)
        self.kind.setCurrentIndex(max(0, self.kind.findData(plan.kind)))
        self.method.setCurrentIndex(max(0, self.method.findData(plan.method)))
        self.starts.setDate(to_qdate(plan.starts))
        self.ends.setDate(to_qdate(plan.ends))
        self.rate.setValue(plan.sample_rate)
        self.households.setValue(plan.sample_size)
        self.complainers.setValue(plan.complainers)
        self.buildings.setText(plan.buildings)
        self.departments.setText(plan.departments)
        self.leader.setText(plan.leader)
        self.members.setText(plan.members)
        self.target.setValue(plan.recovery_target)
        self.importance.setChecked(plan.form().importance)
        self.previous.setCurrentIndex(max(0, self.previous.findData(plan.previous_id)))
        self.notes.setPlainText(plan.notes)
        self.notice.setPlainText(plan.notice)

    def _kind_changed(self) -> None:
        sample = self.kind.currentData() == survey.SAMPLE
        for widget in (self.rate, self.households, self.complainers):
            widget.setEnabled(sample)

    def plan_input(self) -> survey.PlanInput:
        def day(edit: QDateEdit) -> dt.date:
            return from_qdate(edit.date())

        return survey.PlanInput(
            title=self.title.text(),
            kind=self.kind.currentData(),
            method=self.method.currentData(),
            starts=day(self.starts),
            ends=day(self.ends),
            departments=self.departments.text(),
            buildings=self.buildings.text(),
            sample_rate=self.rate.value(),
            sample_size=self.households.value(),
            complainers=self.complainers.value(),
            leader=self.leader.text(),
            members=self.members.text(),
            recovery_target=self.target.value(),
            notes=self.notes.toPlainText(),
            notice=self.notice.toPlainText(),
            importance=self.importance.isChecked(),
            previous_id=self.previous.currentData(),
        )

    def save(self) -> None:
        try:
            if self.plan is None:
                self.plan = self.service.create_plan(self.plan_input())
            else:
                self.plan = self.service.update_plan(self.plan, self.plan_input())
        except ValidationError as exc:
            self.error.set_error("\n".join(f"{k}:{v}" for k, v in exc.problems.items()))
            return
        except UserError as exc:
            self.error.set_error(friendly_error(exc))
            return
        self.accept()
