"""期限: resolve days by severity, first response, major complaints, reminders, the number
prefix and who approves an extension, with a live preview of a complaint received now."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import ROLES, SEVERITIES
from app.holidays import HolidayService
from app.i18n import term
from app.policy import Policy
from app.policy_checks import RESPONSE_UNITS, UNITS
from app.policy_sections import FirstResponse
from ui.i18n import deadline_lines
from ui.settings.common import hint_label
from ui.widgets import ErrorLabel


class DeadlinesPage(QWidget):
    """Resolve days, first response, major complaints, reminders, number prefix, approvers."""

    def __init__(self, policy: Policy, holidays: HolidayService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.holidays = holidays
        self.errors: dict[str, ErrorLabel] = {}
        self._base = policy

        # 办结时限
        self.day_unit = QComboBox()
        for key, label in UNITS.items():
            self.day_unit.addItem(self.tr(label), key)
        self.resolve_days: dict[str, QSpinBox] = {}
        self._resolve_units: list[QLabel] = []
        resolve = QGroupBox(self.tr("办结时限(按程度)"))
        grid = self._grid(resolve)
        self._row(grid, 0, self.tr("期限计法"), self.day_unit, None, "期限计法")
        for n, sev in enumerate(SEVERITIES, start=1):
            spin = self._spin(1, 365, policy.resolve_days.get(sev, 1))
            unit = QLabel()
            self._resolve_units.append(unit)
            self.resolve_days[sev] = spin
            self._row(grid, n, term(sev), spin, unit, f"{sev}办结时限")  # data: the field key

        # 首次回复
        first = QGroupBox(self.tr("首次回复客户"))
        grid = self._grid(first)
        self.response_amount = self._spin(1, 720, policy.first_response.amount)
        self.response_unit = QComboBox()
        for key, label in RESPONSE_UNITS.items():
            self.response_unit.addItem(self.tr(label), key)
        self._row(grid, 0, self.tr("受理后"), self.response_amount, self.response_unit, "首次回复时限")
        grid.addWidget(hint_label(self.tr("解决不了的,也须在此时限内给客户初步方案。")), 1, 1, 1, 3)

        # 重大投诉
        major = QGroupBox(self.tr("重大投诉"))
        grid = self._grid(major)
        self.major_answer = self._spin(1, 60, policy.major_answer_days)
        self._answer_unit = QLabel()
        self.major_report = self._spin(1, 30, policy.major_report_workdays)
        self._row(grid, 0, self.tr("明确答复"), self.major_answer, self._answer_unit, "重大投诉答复时限")
        self._row(
            grid,
            1,
            self.tr("上报品质部/总经理"),
            self.major_report,
            QLabel(self.tr("个工作日内")),
            "重大投诉报告时限",
        )

        # 提醒与编号
        misc = QGroupBox(self.tr("提醒与编号"))
        grid = self._grid(misc)
        self.nearly_due = self._spin(1, 720, policy.nearly_due_hours)
        self.duplicate_days = self._spin(1, 365, policy.duplicate_window_days)
        self.prefix = QLineEdit(policy.case_prefix)
        self.prefix.setValidator(QRegularExpressionValidator(r"[A-Za-z0-9]{0,8}", self.prefix))
        self.prefix.setMaximumWidth(90)
        self._row(grid, 0, self.tr("临期提醒"), self.nearly_due, QLabel(self.tr("小时前")), "临期提醒")
        self._row(
            grid, 1, self.tr("重复投诉判断"), self.duplicate_days, QLabel(self.tr("天内")), "重复投诉判断天数"
        )
        self._row(grid, 2, self.tr("案件编号前缀"), self.prefix, None, "编号前缀")
        grid.addWidget(hint_label(self.tr("字母或数字,案件编号形如 TS-2026-00042")), 3, 1, 1, 3)
        # 先行处置 (H21): clock hours after intake, holidays or not.
        self.contain_hours = self._spin(1, 72, policy.contain_hours)
        self._row(
            grid,
            4,
            self.tr("先行处置"),
            self.contain_hours,
            QLabel(self.tr("小时内(按钟点计)")),
            "先行处置时限(小时)",
        )

        # 超时审批
        approvers = QGroupBox(self.tr("超时审批人(按程度)"))
        grid = self._grid(approvers)
        self.approver: dict[str, QComboBox] = {}
        for n, sev in enumerate(SEVERITIES):
            combo = QComboBox()
            for key, label in ROLES.items():
                combo.addItem(term(label), key)
            combo.setCurrentIndex(max(0, combo.findData(policy.extension_approver_role(sev))))
            self.approver[sev] = combo
            self._row(grid, n, term(sev), combo, None, None)

        # 转交开发商 (H22): the 工作联系函 of a 二类 case, and the days the developer has to reply.
        referral = QGroupBox(self.tr("转交开发商(工作联系函)"))
        grid = self._grid(referral)
        rule = policy.referral
        self.referral_to = QLineEdit(rule.to)
        self.referral_days = self._spin(1, 60, rule.reply_days)
        self.referral_unit = QComboBox()
        for key, label in UNITS.items():
            self.referral_unit.addItem(self.tr(label), key)
        self.referral_unit.setCurrentIndex(max(0, self.referral_unit.findData(rule.unit)))
        self.referral_categories = QLineEdit("、".join(rule.categories))
        self.referral_phone = QCheckBox(self.tr("联系函印出业主完整电话(否则隐去中间四位)"))
        self.referral_phone.setChecked(rule.show_phone)
        self._row(grid, 0, self.tr("收函单位"), self.referral_to, None, "联系函收函单位")
        self._row(grid, 1, self.tr("开发商回复"), self.referral_days, self.referral_unit, "开发商回复天数")
        self._row(grid, 2, self.tr("也可转交的类别"), self.referral_categories, None, "可转交开发商的类别")
        grid.addWidget(hint_label(self.tr("有效投诉·二类总可转交;类别用顿号分隔")), 3, 1, 1, 3)
        grid.addWidget(self.referral_phone, 4, 1, 1, 3)

        self.preview = hint_label("")
        self.preview.setTextFormat(Qt.TextFormat.PlainText)

        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        for box in (resolve, first):
            left.addWidget(box)
        left.addStretch(1)
        for box in (major, misc, approvers, referral):
            right.addWidget(box)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        preview_box = QGroupBox(self.tr("按现设置:此刻受理的投诉"))
        QVBoxLayout(preview_box).addWidget(self.preview)
        layout.addWidget(preview_box)

        self.day_unit.setCurrentIndex(max(0, self.day_unit.findData(policy.day_unit)))
        self.response_unit.setCurrentIndex(max(0, self.response_unit.findData(policy.first_response.unit)))
        for widget in (self.day_unit, self.response_unit):
            widget.currentIndexChanged.connect(self._changed)
        for spin in (self.response_amount, self.major_answer, self.major_report, *self.resolve_days.values()):
            spin.valueChanged.connect(self._changed)
        self._changed()

    # layout helpers
    def _grid(self, box: QGroupBox) -> QGridLayout:
        grid = QGridLayout(box)
        grid.setColumnStretch(3, 1)
        grid.setHorizontalSpacing(8)
        return grid

    def _spin(self, low: int, high: int, value: float) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(max(low, min(high, int(value))))
        spin.setMinimumWidth(70)
        return spin

    def _row(
        self, grid: QGridLayout, row: int, label: str, field: QWidget, after: QWidget | None, key: str | None
    ) -> None:
        grid.addWidget(QLabel(label), row, 0)
        grid.addWidget(field, row, 1)
        if after is not None:
            grid.addWidget(after, row, 2)
        if key:
            err = ErrorLabel()
            self.errors[key] = err
            grid.addWidget(err, row, 3)

    # values
    def _changed(self) -> None:
        working = self.day_unit.currentData() == "working"
        unit = self.tr("个工作日内") if working else self.tr("天内(自然日)")
        for label in (*self._resolve_units, self._answer_unit):
            label.setText(unit)
        self._update_preview()

    def _update_preview(self) -> None:
        policy = self._base.copy()
        self.store_into(policy)
        now = self.holidays.cases.clock.now().replace(second=0, microsecond=0)  # the office clock
        try:
            calendar = self.holidays.calendar()
            lines = []
            for sev in SEVERITIES:
                due = policy.deadlines(now, "投诉", sev, calendar)
                lines.append(f"{term(sev)}:" + ";".join(deadline_lines(due)))
        except (ValueError, KeyError):
            self.preview.setText("")
            return
        self.preview.setText(self.tr("受理时间 %1\n").replace("%1", f"{now:%m-%d %H:%M}") + "\n".join(lines))

    def store_into(self, policy: Policy) -> None:
        """The tab's values into `policy` (a copy the dialog checks and saves)."""
        policy.day_unit = self.day_unit.currentData()
        policy.resolve_days = {sev: spin.value() for sev, spin in self.resolve_days.items()}
        policy.first_response = FirstResponse(
            _same_number(policy.first_response.amount, self.response_amount.value()),
            self.response_unit.currentData(),
        )
        policy.major_answer_days = self.major_answer.value()
        policy.major_report_workdays = self.major_report.value()
        policy.nearly_due_hours = _same_number(policy.nearly_due_hours, self.nearly_due.value())
        policy.duplicate_window_days = self.duplicate_days.value()
        policy.contain_hours = _same_number(policy.contain_hours, self.contain_hours.value())
        policy.case_prefix = self.prefix.text().strip().upper()
        policy.extension_approver = {sev: combo.currentData() for sev, combo in self.approver.items()}
        policy.referral.to = self.referral_to.text().strip()
        policy.referral.reply_days = self.referral_days.value()
        policy.referral.unit = self.referral_unit.currentData()
        words = self.referral_categories.text().replace(",", "、").replace(",", "、").split("、")
        policy.referral.categories = [w.strip() for w in words if w.strip()]
        policy.referral.show_phone = self.referral_phone.isChecked()

    def show_problems(self, problems: dict[str, str]) -> bool:
        for key, label in self.errors.items():
            label.set_error(problems.get(key))
        return any(key in problems for key in self.errors)


def _same_number(old: float, new: int) -> float:
    """Keep 24.0 as stored when the spin box shows 24 (so opening and saving changes nothing)."""
    return old if old == new else new
