"""回访制度: when a handled case is visited, how often, by whom and how, per kind of work.

`VisitPolicyEditor` edits `policy.visits` (`app.policy.VisitSettings`; load/apply, like the settings pages);
`VisitPolicyDialog` wraps it with 保存/取消 and stays open, values kept, when the policy
store refuses the rules (`app.policy.check_visits_data` names the kind and the field in Chinese).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import KINDS, ROLES, SEVERITIES, VISIT_METHODS
from app.errors import ValidationError
from app.i18n import term
from app.policy import Policy, PolicyStore
from app.policy_checks import UNITS, sub_rule_days, sub_rule_typed_problems
from app.policy_sections import SUB_RULE_AFTER, KindVisitRule, SubRule, VisitSettings
from app.visit_policy import presets
from ui.i18n import QT_TR_NOOP
from ui.palette import MUTED_TEXT, OVERDUE_BG, OVERDUE_TEXT, SELECTED_BG, qcolor, style
from ui.widgets import Banner

HINT_STYLE = style(MUTED_TEXT)
ERROR_TINT = qcolor(OVERDUE_BG)  # a kind whose rule was refused
ERROR_TEXT = qcolor(OVERDUE_TEXT)
SELECTION_STYLE = style("black", SELECTED_BG, selector="QTableWidget::item:selected")
# Roles that never visit an owner; offered only when a stored rule already names one.
NON_VISITING_ROLES = {"admin", "night_duty"}
LIST_SEPARATORS = ("、", ",", ",", ";", ";")


def split_list(text: str) -> list[str]:
    """ "安全设施、消防" → ["安全设施", "消防"]; any of 、,,;; separates."""
    for sep in LIST_SEPARATORS[1:]:
        text = text.replace(sep, LIST_SEPARATORS[0])
    return [part.strip() for part in text.split(LIST_SEPARATORS[0]) if part.strip()]


def join_list(items: list[str]) -> str:
    return "、".join(items)


@dataclass
class _SubRow:
    """A sub-rule as the editor holds it: the days as typed, checked when the rules are taken."""

    name: str
    categories: list[str]
    subcategories: list[str]
    days: str
    rate: str = ""  # percent as typed; '' = the kind's rate
    after: str = "resolved"
    extra: dict[str, object] = field(default_factory=dict)

    @classmethod
    def of(cls, sub: SubRule) -> _SubRow:
        rate = "" if sub.rate is None else f"{float(sub.rate) * 100:g}"
        return cls(
            sub.name,
            list(sub.categories),
            list(sub.subcategories),
            str(sub.days),
            rate,
            sub.after,
            copy.deepcopy(sub.extra),
        )

    def sub_rule(self, kind: str) -> SubRule:
        """The row as a sub-rule; ValidationError names the kind and sub-rule (days, rate, or
        neither category nor sub-category given: a sub-rule chooses by what the case is)."""
        problems: dict[str, str] = {}
        try:
            days = sub_rule_days(kind, self.name, self.days)
        except ValidationError as exc:
            problems.update(exc.problems)
            days = 0
        rate, more = sub_rule_typed_problems(kind, self.name, self.categories, self.subcategories, self.rate)
        problems.update(more)
        if problems:
            raise ValidationError(problems)
        return SubRule(
            self.name,
            list(self.categories),
            list(self.subcategories),
            days,
            rate,
            self.after,
            copy.deepcopy(self.extra),
        )


def _same_number(old: float, new: int) -> float:
    """Keep 24.0 as stored when the spin box shows 24 (so load→apply changes nothing)."""
    return old if old == new else new


class MethodsBox(QWidget):
    """The allowed visit methods (上门/电话/…) as a row of check boxes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(8)
        self.boxes: dict[str, QCheckBox] = {}
        for method in VISIT_METHODS:
            box = QCheckBox(term(method))  # keyed by the stored word
            self.boxes[method] = box
            layout.addWidget(box)
        layout.addStretch(1)

    def set_methods(self, methods: list[str]) -> None:
        for method, box in self.boxes.items():
            box.setChecked(method in methods)

    def methods(self) -> list[str]:
        return [m for m, box in self.boxes.items() if box.isChecked()]


class VisitPolicyEditor(QWidget):
    """One row per kind (性质); the sub-rules of the selected kind below."""

    COLUMNS = (
        QT_TR_NOOP("性质"),
        QT_TR_NOOP("办结后"),
        QT_TR_NOOP("计日方式"),
        QT_TR_NOOP("回访率"),
        *[QT_TR_NOOP("回访人({0})")] * len(SEVERITIES),  # {0}: the severity, see _headers()
        QT_TR_NOOP("允许的回访方式"),
        QT_TR_NOOP("上门须签名"),
    )
    COL_DAYS, COL_UNIT, COL_RATE, COL_ROLE0 = 1, 2, 3, 4
    COL_METHODS = COL_ROLE0 + len(SEVERITIES)
    COL_SIGNATURE = COL_METHODS + 1
    SUB_COLUMNS = (
        QT_TR_NOOP("细则名称"),
        QT_TR_NOOP("适用类别(、分隔)"),
        QT_TR_NOOP("适用细类(、分隔)"),
        QT_TR_NOOP("回访天数"),
        QT_TR_NOOP("回访率%(空=按本类)"),
        QT_TR_NOOP("起算"),
    )
    SUB_COL_DAYS, SUB_COL_RATE, SUB_COL_AFTER = 3, 4, 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._visits: VisitSettings | None = None
        self._subs: dict[str, list[_SubRow]] = {}
        self._sub_kind: str | None = None
        self._preset_name = ""
        self.confirm_box: QMessageBox | None = None
        self._presets = presets()

        # Presets: one click to a variant from the seeds.
        self.preset = QComboBox()
        self.preset.addItems(list(self._presets))
        self.preset.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.apply_preset_button = QPushButton(self.tr("套用预设…"))
        self.apply_preset_button.clicked.connect(self.ask_apply_preset)
        self.preset_note = QLabel()
        self.preset_note.setStyleSheet(HINT_STYLE)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("预设制度")))
        top.addWidget(self.preset)
        top.addWidget(self.apply_preset_button)
        top.addSpacing(12)
        top.addWidget(self.preset_note, 1)

        # The main table: one rule per kind.
        self.table = QTableWidget(len(KINDS), len(self.COLUMNS))
        headers = [self.tr(c) for c in self.COLUMNS]
        for i, severity in enumerate(SEVERITIES):
            headers[self.COL_ROLE0 + i] = headers[self.COL_ROLE0 + i].format(term(severity))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # A light selection, so the red name of a refused kind still shows when selected.
        self.table.setStyleSheet(SELECTION_STYLE)
        self.days: dict[str, QSpinBox] = {}
        self.units: dict[str, QComboBox] = {}
        self.rates: dict[str, QSpinBox] = {}
        self.roles: dict[str, dict[str, QComboBox]] = {}
        self.methods: dict[str, MethodsBox] = {}
        self.signature: dict[str, QCheckBox] = {}
        for row, kind in enumerate(KINDS):
            item = QTableWidgetItem(term(kind))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(row, 0, item)
            days = QSpinBox()
            days.setRange(0, 366)
            days.setSuffix(self.tr(" 天内"))
            self.days[kind] = days
            unit = QComboBox()
            for key, label in UNITS.items():
                unit.addItem(self.tr(label), key)
            self.units[kind] = unit
            rate = QSpinBox()
            rate.setRange(0, 100)  # a rate above 100% cannot be typed
            rate.setSuffix(" %")
            self.rates[kind] = rate
            self.roles[kind] = {}
            for i, severity in enumerate(SEVERITIES):
                combo = self._role_combo()
                self.roles[kind][severity] = combo
                self.table.setCellWidget(row, self.COL_ROLE0 + i, combo)
            self.methods[kind] = MethodsBox()
            signature = QCheckBox(self.tr("须签名"))
            self.signature[kind] = signature
            holder = QWidget()
            hl = QHBoxLayout(holder)
            hl.setContentsMargins(8, 0, 4, 0)
            hl.addWidget(signature)
            self.table.setCellWidget(row, self.COL_DAYS, days)
            self.table.setCellWidget(row, self.COL_UNIT, unit)
            self.table.setCellWidget(row, self.COL_RATE, rate)
            self.table.setCellWidget(row, self.COL_METHODS, self.methods[kind])
            self.table.setCellWidget(row, self.COL_SIGNATURE, holder)
            for widget in (
                days,
                unit,
                rate,
                *self.roles[kind].values(),
                signature,
                *self.methods[kind].boxes.values(),
            ):
                # Working in a row's widgets selects the row, so its sub-rules show below.
                widget.installEventFilter(self)
                widget.setProperty("kind_row", row)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_METHODS, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.setMinimumHeight(34 * len(KINDS) + self.table.horizontalHeader().sizeHint().height() + 4)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_sub_rules(row))

        # The sub-rules of the selected kind.
        self.sub_title = QLabel()
        self.sub_title.setStyleSheet("font-weight: bold;")
        self.sub_hint = QLabel(
            self.tr(
                "类别或细类相符的案件,按细则的天数(和回访率)回访,取第一条相符的细则;"
                "从闭水试验起算的细则,在案件登记闭水试验日期后才安排回访。"
            )
        )
        self.sub_hint.setStyleSheet(HINT_STYLE)
        self.sub_hint.setWordWrap(True)
        self.sub_table = QTableWidget(0, len(self.SUB_COLUMNS))
        self.sub_table.setHorizontalHeaderLabels([self.tr(c) for c in self.SUB_COLUMNS])
        self.sub_table.verticalHeader().hide()
        self.sub_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        sub_header = self.sub_table.horizontalHeader()
        sub_header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for col in (self.SUB_COL_DAYS, self.SUB_COL_RATE, self.SUB_COL_AFTER):
            sub_header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.sub_table.setStyleSheet(SELECTION_STYLE)
        self.add_sub_button = QPushButton(self.tr("添加细则"))
        self.add_sub_button.clicked.connect(self.add_sub_rule)
        self.remove_sub_button = QPushButton(self.tr("删除细则"))
        self.remove_sub_button.clicked.connect(self.remove_sub_rule)
        sub_buttons = QVBoxLayout()
        sub_buttons.addWidget(self.add_sub_button)
        sub_buttons.addWidget(self.remove_sub_button)
        sub_buttons.addStretch(1)
        sub_row = QHBoxLayout()
        sub_row.addWidget(self.sub_table, 1)
        sub_row.addLayout(sub_buttons)

        # The rules that hold for every kind.
        self.rework_hours = QSpinBox()
        self.rework_hours.setRange(1, 240)
        self.rework_hours.setSuffix(self.tr(" 小时内"))
        self.history_days = QSpinBox()
        self.history_days.setRange(0, 3650)
        self.history_days.setSuffix(self.tr(" 天内"))
        self.form_days = QSpinBox()
        self.form_days.setRange(1, 365)
        self.form_days.setSuffix(self.tr(" 天内"))
        self.form_keep_years = QSpinBox()  # 保管两年 (seed 000 4.7); then listed for destruction
        self.form_keep_years.setRange(1, 30)
        self.form_keep_years.setSuffix(self.tr(" 年"))
        general = QHBoxLayout()
        general.addWidget(QLabel(self.tr("不满意时书面返工通知")))
        general.addWidget(self.rework_hours)
        general.addSpacing(16)
        general.addWidget(QLabel(self.tr("只为近")))
        general.addWidget(self.history_days)
        general.addWidget(QLabel(self.tr("办结的案件安排回访")))
        general.addSpacing(16)
        general.addWidget(QLabel(self.tr("纸质回访记录表交回")))
        general.addWidget(self.form_days)
        general.addSpacing(16)
        general.addWidget(QLabel(self.tr("归档后保管")))
        general.addWidget(self.form_keep_years)
        general.addStretch(1)
        # 社区活动、刊物 (seed 000 4.1.2 c): a share of the participants, within a month.
        self.activity_rate = QSpinBox()
        self.activity_rate.setRange(0, 100)
        self.activity_rate.setSuffix("%")
        self.activity_days = QSpinBox()
        self.activity_days.setRange(1, 366)
        self.activity_days.setSuffix(self.tr(" 天内"))
        activity = QHBoxLayout()
        activity.addWidget(QLabel(self.tr("社区活动、刊物:回访参与户的")))
        activity.addWidget(self.activity_rate)
        activity.addWidget(QLabel(self.tr("举办或发行后")))
        activity.addWidget(self.activity_days)
        activity.addWidget(QLabel(self.tr("由社区文化文员回访")))
        activity.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(general)
        layout.addLayout(activity)
        layout.addSpacing(4)
        layout.addWidget(self.sub_title)
        layout.addWidget(self.sub_hint)
        layout.addLayout(sub_row, 1)

    # Widgets ---------------------------------------------------------------------------
    def _role_combo(self) -> QComboBox:
        combo = QComboBox()
        for key, label in ROLES.items():
            if key not in NON_VISITING_ROLES:
                combo.addItem(term(label), key)
        return combo

    @staticmethod
    def _select_data(combo: QComboBox, key: str, label: str | None = None) -> None:
        index = combo.findData(key)
        if index < 0:  # a stored value this list does not offer: keep it rather than lose it
            combo.addItem(label or key, key)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.type() == event.Type.FocusIn:
            row = watched.property("kind_row")
            if isinstance(row, int) and row != self.table.currentRow():
                self.table.setCurrentCell(row, 0)
        return super().eventFilter(watched, event)

    # Loading and applying --------------------------------------------------------------
    def load(self, policy: Policy) -> None:
        """Fill the widgets from `policy.visits` (a copy: nothing changes until apply)."""
        self._load_visits(copy.deepcopy(policy.visits))

    def _load_visits(self, visits: VisitSettings) -> None:
        self._visits = visits
        self._preset_name = visits.preset
        self.preset_note.setText(self.tr("当前:{0}").format(self._preset_name) if self._preset_name else "")
        if self._preset_name in self._presets:
            self.preset.setCurrentText(self._preset_name)
        for kind in KINDS:
            rule = visits.rules.get(kind)
            if rule is None:  # not in a stored policy (the check names it on 保存)
                continue
            self.days[kind].setValue(rule.days)
            self._select_data(self.units[kind], rule.unit)
            self.rates[kind].setValue(round(float(rule.rate) * 100))
            for severity in SEVERITIES:
                key = rule.role_for(severity)
                self._select_data(self.roles[kind][severity], key, ROLES.get(key))
            self.methods[kind].set_methods(rule.methods)
            self.signature[kind].setChecked(rule.signature)
        self._subs = {
            kind: [_SubRow.of(sub) for sub in rule.sub_rules]
            for kind, rule in visits.rules.items()
            if kind in KINDS
        }
        self.rework_hours.setValue(int(float(visits.rework_notice_hours)))
        self.history_days.setValue(visits.history_days)
        self.form_days.setValue(visits.form_return_days)
        self.form_keep_years.setValue(visits.form_keep_years)
        self.activity_rate.setValue(round(float(visits.activity_rate) * 100))
        self.activity_days.setValue(visits.activity_days)
        self._sub_kind = None
        self.mark_problems({})
        row = max(self.table.currentRow(), 0)
        self.table.setCurrentCell(row, 0)
        self._show_sub_rules(row)

    def visits(self, base: VisitSettings) -> VisitSettings:
        """The rules as the widgets show them, over `base` (what this page does not show stays).
        ValidationError names a sub-rule whose days are not a number."""
        self._store_sub_rules()
        visits = copy.deepcopy(self._visits if self._visits is not None else base)
        problems: dict[str, str] = {}
        for kind in KINDS:
            subs: list[SubRule] = []
            for row in self._subs.get(kind, []):
                try:
                    subs.append(row.sub_rule(kind))
                except ValidationError as exc:
                    problems.update(exc.problems)
            old = visits.rules.get(kind)
            visits.rules[kind] = KindVisitRule(
                days=self.days[kind].value(),
                unit=self.units[kind].currentData(),
                rate=self.rates[kind].value() / 100,
                roles={sev: self.roles[kind][sev].currentData() for sev in SEVERITIES},
                methods=self.methods[kind].methods(),
                signature=self.signature[kind].isChecked(),
                sub_rules=subs,
                extra=copy.deepcopy(old.extra) if old is not None else {},
            )
        if problems:
            raise ValidationError(problems)
        visits.rework_notice_hours = _same_number(visits.rework_notice_hours, self.rework_hours.value())
        visits.history_days = self.history_days.value()
        visits.form_return_days = self.form_days.value()
        visits.form_keep_years = self.form_keep_years.value()
        if round(float(visits.activity_rate) * 100) != self.activity_rate.value():
            visits.activity_rate = self.activity_rate.value() / 100
        visits.activity_days = self.activity_days.value()
        if self._preset_name:
            visits.preset = self._preset_name
        return visits

    def apply(self, policy: Policy) -> None:
        """Write the widgets into `policy.visits`; ValidationError (nothing written) names a
        sub-rule whose days are not a number, as the policy check would."""
        policy.visits = self.visits(policy.visits)

    # Sub-rules -------------------------------------------------------------------------
    def _show_sub_rules(self, row: int) -> None:
        if row < 0 or row >= len(KINDS):
            return
        self._store_sub_rules()
        kind = KINDS[row]
        self._sub_kind = kind
        self.sub_title.setText(self.tr("{0}的细则").format(kind))
        self.sub_table.setRowCount(0)
        for sub in self._subs.get(kind, []):
            self._append_sub_row(sub)

    def _append_sub_row(self, sub: _SubRow) -> None:
        row = self.sub_table.rowCount()
        self.sub_table.insertRow(row)
        values = (sub.name, join_list(sub.categories), join_list(sub.subcategories), sub.days, sub.rate)
        for col, value in enumerate(values):
            item = QTableWidgetItem(value)
            if col in (self.SUB_COL_DAYS, self.SUB_COL_RATE):
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.sub_table.setItem(row, col, item)
        after = QComboBox()
        for key, label in SUB_RULE_AFTER.items():
            after.addItem(self.tr(label), key)
        self._select_data(after, sub.after)
        self.sub_table.setCellWidget(row, self.SUB_COL_AFTER, after)

    def _store_sub_rules(self) -> None:
        """The sub-rule table back into the kind it shows (days kept as typed: a refusal names them)."""
        if self._sub_kind is None:
            return
        old = self._subs.get(self._sub_kind, [])
        subs: list[_SubRow] = []
        for row in range(self.sub_table.rowCount()):
            texts = []
            for col in range(self.SUB_COL_AFTER):
                item = self.sub_table.item(row, col)
                texts.append(item.text().strip() if item is not None else "")
            name, categories, subcategories, days, rate = texts
            if not any((name, categories, subcategories, days, rate)):
                continue
            combo = self.sub_table.cellWidget(row, self.SUB_COL_AFTER)
            after = combo.currentData() if isinstance(combo, QComboBox) else "resolved"
            extra = copy.deepcopy(old[row].extra) if row < len(old) else {}
            subs.append(
                _SubRow(name, split_list(categories), split_list(subcategories), days, rate, after, extra)
            )
        self._subs[self._sub_kind] = subs

    def add_sub_rule(self) -> None:
        if self._sub_kind is None:
            return
        self._append_sub_row(_SubRow("", [], [], "3"))  # counted from 办结, the kind's rate
        row = self.sub_table.rowCount() - 1
        self.sub_table.setCurrentCell(row, 0)
        item = self.sub_table.item(row, 0)
        if item is not None:
            self.sub_table.editItem(item)

    def remove_sub_rule(self) -> None:
        row = self.sub_table.currentRow()
        if row >= 0:
            self._store_sub_rules()
            if self._sub_kind is not None and row < len(self._subs[self._sub_kind]):
                del self._subs[self._sub_kind][row]
            self.sub_table.removeRow(row)

    def select_kind(self, kind: str) -> None:
        self.table.setCurrentCell(KINDS.index(kind), 0)

    # Presets ---------------------------------------------------------------------------
    def ask_apply_preset(self) -> None:
        """Ask first: a preset replaces every rule shown."""
        name = self.preset.currentText()
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("套用预设"),
            self.tr("按“{0}”重填全部回访规则?\n当前填写的内容将被替换(保存前仍可取消)。").format(name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.setText(self.tr("套用"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("取消"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.buttonClicked.connect(lambda button: self.apply_preset(name) if button is yes else None)
        box.finished.connect(lambda _result: setattr(self, "confirm_box", None))
        self.confirm_box = box
        box.open()

    def apply_preset(self, name: str) -> None:
        visits = copy.deepcopy(self._presets[name])
        # Keep what the presets do not speak of (the general numbers) as they are shown.
        visits.rework_notice_hours = self.rework_hours.value()
        visits.history_days = self.history_days.value()
        visits.form_return_days = self.form_days.value()
        visits.form_keep_years = self.form_keep_years.value()
        visits.activity_rate = self.activity_rate.value() / 100
        visits.activity_days = self.activity_days.value()
        if self._visits is not None:
            visits.extra = {**copy.deepcopy(self._visits.extra), **visits.extra}
        self._load_visits(visits)

    # Problems --------------------------------------------------------------------------
    def mark_problems(self, problems: dict[str, str]) -> None:
        """Tint the rows of the kinds named by a refusal (keys like "报修回访率")."""
        bad = {kind for kind in KINDS if any(key.startswith(kind) for key in problems)}
        for row, kind in enumerate(KINDS):
            item = self.table.item(row, 0)
            if item is None:
                continue
            item.setBackground(QBrush(ERROR_TINT) if kind in bad else QBrush())
            item.setForeground(QBrush(ERROR_TEXT) if kind in bad else QBrush())
            font = item.font()
            font.setBold(kind in bad)
            item.setFont(font)
            item.setToolTip(self.tr("有误,见下方说明") if kind in bad else "")
        if bad:
            self.select_kind(next(k for k in KINDS if k in bad))


class VisitPolicyDialog(QDialog):
    """回访制度 on its own: 保存 checks and stores; a refusal keeps the dialog and the values."""

    def __init__(self, policies: PolicyStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.policies = policies
        self.setWindowTitle(self.tr("回访制度"))
        self.editor = VisitPolicyEditor()
        self.editor.load(policies.load())
        self.banner = Banner("error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.resize(1180, 660)

    def save(self) -> None:
        policy = self.policies.copy()
        try:
            self.editor.apply(policy)
            self.policies.save(policy)
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return
        self.accept()

    def show_problems(self, problems: dict[str, str]) -> None:
        lines = "\n".join(f"{name}:{reason}" for name, reason in problems.items())
        self.banner.show_message(self.tr("未保存,请改正:\n{0}").format(lines), "error")
        self.editor.mark_problems(problems)
