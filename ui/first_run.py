"""The first-run wizard: the office's name and first administrator, then (each skippable)
buildings and rooms, departments, staff, the visit policy preset and the backup folder.

Writes happen page by page, each page in one transaction when 下一步 leaves it: the first
page creates the office (and is a commit page, so it cannot be gone back to), and from then
on the office works whatever happens to the wizard. A page whose input is refused keeps
the user on it with the reasons beside the fields, having written nothing. Going back and
forward again is safe: rooms already on file are skipped, staff already saved are updated,
departments are matched by their record. Closing the wizard after the first page keeps what
was saved and opens the program; everything is editable later in 设置.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app import domain, ledger, setup_rooms
from app.errors import UserError, ValidationError
from app.models import Department, Owner, Room, Staff, db
from app.office import Office
from app.policy import default_policy_data
from app.validation import clean_text
from app.visit_policy import presets
from ui.widgets import INVALID_STYLE, Banner, ErrorLabel, FieldErrors, mark_invalid

HINT_STYLE = "color: #666;"


class PageId(IntEnum):
    WELCOME = 0
    ROOMS = 1
    DEPARTMENTS = 2
    STAFF = 3
    POLICY = 4
    BACKUP = 5
    DONE = 6


OPTIONAL_PAGES = {PageId.ROOMS, PageId.DEPARTMENTS, PageId.STAFF, PageId.POLICY, PageId.BACKUP}


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def _with_error(widget: QWidget, hint: str = "", width: int = 0) -> tuple[QWidget, ErrorLabel]:
    """A field (with a grey example to its right) and its red reason right under it."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    if width:
        widget.setFixedWidth(width)
    if hint:
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(widget)
        note = QLabel(hint)
        note.setStyleSheet(HINT_STYLE)
        row.addWidget(note, 1)
        layout.addLayout(row)
    else:
        layout.addWidget(widget)
    error = ErrorLabel()
    layout.addWidget(error)
    return box, error


def same_disk(folder: Path, data_dir: Path) -> bool | None:
    """Whether `folder` lies on the disk of `data_dir`; None where it cannot be told."""
    probe = folder
    while not probe.exists():
        if probe.parent == probe:
            return None
        probe = probe.parent
    try:
        return os.stat(probe).st_dev == os.stat(data_dir).st_dev
    except OSError:
        return None


class OptionalPage(QWizardPage):
    """A page 跳过 passes over without writing anything."""

    def __init__(self, office: Office) -> None:
        super().__init__()
        self.office = office
        self.skipping = False
        self.setStyleSheet(INVALID_STYLE)

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.skipping or self.ready()

    def ready(self) -> bool:
        return True

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        return self.skipping or self.save()

    def save(self) -> bool:
        """Write the page in one transaction; False (reasons shown) keeps the user here."""
        return True


# 1. 欢迎 ---------------------------------------------------------------------------------
class WelcomePage(QWizardPage):
    def __init__(self, wizard: FirstRunDialog) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.office = wizard.office
        self.setTitle(self.tr("欢迎使用回音"))
        self.setSubTitle(self.tr("件件有着落,事事有回音。第一次使用,请填写服务中心名称并设立第一位管理员。"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("建立并继续"))
        self.setStyleSheet(INVALID_STYLE)

        self.office_name = QLineEdit()
        self.office_name.setPlaceholderText(self.tr("例如:阳光花园物业服务中心"))
        self.admin_name = QLineEdit()
        self.admin_name.setPlaceholderText(self.tr("例如:王芳"))
        self.username = QLineEdit("admin")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("至少 6 位"))
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setPlaceholderText(self.tr("与上面相同"))

        self.general_error = ErrorLabel()
        self.errors = FieldErrors(self.general_error)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        for name, label, widget, hint in (
            ("服务中心名称", self.tr("服务中心名称"), self.office_name, self.tr("印在各种表格的抬头")),
            ("管理员姓名", self.tr("管理员姓名"), self.admin_name, ""),
            ("管理员登录名", self.tr("管理员登录名"), self.username, self.tr("登录时输入")),
            ("密码", self.tr("密码"), self.password, ""),
            ("再输一次密码", self.tr("再输一次密码"), self.confirm, ""),
        ):
            box, error = _with_error(widget, hint, 300)
            form.addRow(label, box)
            self.errors.bind(name, error, widget)

        where = QLabel(self.tr("数据保存在:{0}").format(str(self.office.data_dir)))
        where.setStyleSheet(HINT_STYLE)
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout.addWidget(_hint(self.tr("只有这一页必须填写;后面各页都可以跳过,以后在「设置」中补上。")))
        layout.addWidget(where)

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        if self.wizard_.admin is not None:
            return True
        self.errors.clear()
        if self.password.text() != self.confirm.text():
            self.errors.show({"再输一次密码": self.tr("两次输入的密码不一致")})
            return False
        try:
            self.wizard_.admin = self.office.initialise(
                self.office_name.text(), self.username.text(), self.password.text(), self.admin_name.text()
            )
        except ValidationError as exc:
            self.errors.show(exc.problems)
            return False
        for widget in (self.office_name, self.admin_name, self.username, self.password, self.confirm):
            widget.setReadOnly(True)
        self.wizard_.initialised()
        if self.office.recovery_key:  # shown once: printed or written down before going on
            from ui.recovery import RecoveryKeyDialog

            # window-modal, not exec(): the wizard waits behind it until the key is taken down
            self.recovery_dialog = RecoveryKeyDialog(
                self.office.name, self.office.recovery_key, self.office.data_dir, self
            )
            self.recovery_dialog.open()
            self.office.recovery_key = ""
        return True


# 2. 楼栋与房号 ----------------------------------------------------------------------------
class RoomsPage(OptionalPage):
    def __init__(self, office: Office) -> None:
        super().__init__(office)
        self.setTitle(self.tr("楼栋与房号"))
        self.setSubTitle(self.tr("按范围填写,程序生成全部房号;也可以从业主名册(Excel)导入。不填则跳过。"))
        self._valid = True
        self.created: tuple[int, int] | None = None

        self.buildings = QLineEdit()
        self.buildings.setPlaceholderText("1-12")
        self.units = QLineEdit()
        self.units.setPlaceholderText("1-3")
        self.numbers = QLineEdit()
        self.numbers.setPlaceholderText("101-1804")
        self.general_error = ErrorLabel()
        self.errors = FieldErrors(self.general_error)
        form = QFormLayout()
        form.setVerticalSpacing(8)
        for name, label, widget, hint in (
            ("楼栋", self.tr("楼栋"), self.buildings, self.tr("如 1-12、1,3,5-7、A,B,C、S1-S6")),
            ("单元", self.tr("单元"), self.units, self.tr("如 1-3;没有单元就空着")),
            ("房号", self.tr("房号"), self.numbers, self.tr("如 101-1804,或逐个列出 101,102,201")),
        ):
            box, error = _with_error(widget, hint, 260)
            form.addRow(label, box)
            self.errors.bind(name, error, widget)
            widget.textChanged.connect(self._update_preview)

        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setStyleSheet("font-weight: bold; color: #1b5e20;")
        self.on_file = QLabel()
        self.on_file.setStyleSheet(HINT_STYLE)

        self.import_button = QPushButton(self.tr("从业主名册导入…"))
        self.import_button.clicked.connect(self._choose_owner_file)
        self.import_result = QPlainTextEdit()
        self.import_result.setReadOnly(True)
        self.import_result.setMaximumHeight(90)
        self.import_result.hide()
        import_row = QHBoxLayout()
        import_row.addWidget(self.import_button)
        import_row.addWidget(
            _hint(
                self.tr(
                    "名册第一行为列名:楼栋、单元、房号、姓名(必填楼栋、房号、姓名),还可有类型、联系电话等。"
                )
            ),
            1,
        )

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            _hint(self.tr("房号 101-1804 表示 1 至 18 层、每层 01 至 04 户;写 0101-1804 则保留四位。"))
        )
        layout.addWidget(self.preview)
        layout.addWidget(self.general_error)
        layout.addSpacing(8)
        layout.addLayout(import_row)
        layout.addWidget(self.import_result)
        layout.addStretch(1)
        layout.addWidget(self.on_file)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self._show_on_file()
        self._update_preview()

    def _show_on_file(self) -> None:
        rooms = Room.select().count()
        self.on_file.setText(
            self.tr("现有房号 {0} 户,业主 {1} 人。").format(f"{rooms:,}", f"{Owner.select().count():,}")
        )

    def _fields(self) -> tuple[str, str, str]:
        return self.buildings.text(), self.units.text(), self.numbers.text()

    def _empty(self) -> bool:
        return not any(clean_text(t) for t in self._fields())

    def _update_preview(self) -> None:
        valid = True
        if self._empty():
            self.errors.clear()
            self.preview.setText("")
        else:
            try:
                plan = setup_rooms.preview(*self._fields())
            except ValidationError as exc:
                self._show_problems(exc.problems)
                self.preview.setText("")
                valid = False
            else:
                self.errors.clear()
                self.preview.setText(
                    self.tr("将生成 {0} 户:{1}").format(f"{plan.count:,}", self._sample(plan))
                )
        if valid != self._valid:
            self._valid = valid
            self.completeChanged.emit()

    def _show_problems(self, problems: dict[str, str]) -> None:
        # As typed: the reasons show, the focus stays where the user is typing.
        self.errors.clear()
        for name, reason in problems.items():
            self.errors.set(name, reason)

    @staticmethod
    def _sample(plan: setup_rooms.RoomPlan) -> str:
        return "、".join(plan.sample()).replace("、…、", " … ")

    def ready(self) -> bool:
        return self._valid

    def save(self) -> bool:
        if self._empty():
            return True
        try:
            self.created = setup_rooms.create_rooms(*self._fields())
        except ValidationError as exc:
            self.errors.show(exc.problems)
            return False
        return True

    def _choose_owner_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择业主名册"), "", self.tr("Excel 文件 (*.xlsx)")
        )
        if name:
            self.import_owner_file(Path(name))

    def import_owner_file(self, path: Path) -> None:
        """Import the owners list (rooms and occupants), in its own transaction, and say how it went."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = ledger.import_owners(self.office, path)
            text = report.summary()
            if report.problems:
                text += "\n" + "\n".join(report.problems[:50])
                if len(report.problems) > 50:
                    text += "\n" + self.tr("……共 {0} 处").format(len(report.problems))
        except UserError as exc:
            text = self.tr("未导入:{0}").format(str(exc))
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.import_result.setPlainText(text)
        self.import_result.show()
        self._show_on_file()


# 3. 部门 ---------------------------------------------------------------------------------
class DepartmentsPage(OptionalPage):
    def __init__(self, office: Office) -> None:
        super().__init__(office)
        self.setTitle(self.tr("部门"))
        self.setSubTitle(self.tr("派工时选择的部门。已列出常用部门,可以增加、改名或删除(双击改名)。"))
        self.list = QListWidget()
        self.list.setStyleSheet("QListWidget::item { padding: 3px 4px; }")
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("新部门名称,例如:绿化部"))
        self.add_button = QPushButton(self.tr("添加"))
        self.add_button.clicked.connect(self.add)
        self.rename_button = QPushButton(self.tr("改名"))
        self.rename_button.clicked.connect(self._rename_selected)
        self.remove_button = QPushButton(self.tr("删除"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.error = ErrorLabel()

        # The list and the new name on the left, the buttons beside them.
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.addWidget(self.list, 0, 0)
        side = QVBoxLayout()
        side.addWidget(self.rename_button)
        side.addWidget(self.remove_button)
        side.addStretch(1)
        grid.addLayout(side, 0, 1)
        grid.addWidget(self.new_name, 1, 0)
        grid.addWidget(self.add_button, 1, 1)
        grid.addWidget(self.error, 2, 0, 1, 2)
        grid.setColumnMinimumWidth(0, 380)
        grid.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.list.clear()
        for dep in self.office.staff.departments():
            self._add_item(dep.name, dep.id)
        self.error.set_error(None)

    def _add_item(self, name: str, dep_id: int | None) -> QListWidgetItem:
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, dep_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)
        return item

    def names(self) -> list[str]:
        return [clean_text(self.list.item(i).text()) for i in range(self.list.count())]

    def add(self) -> None:
        name = clean_text(self.new_name.text())
        if not name:
            self.error.set_error(self.tr("请先填写部门名称"))
            return
        if name in self.names():
            self.error.set_error(self.tr("已有名为“{0}”的部门").format(name))
            return
        self.error.set_error(None)
        self.list.setCurrentItem(self._add_item(name, None))
        self.new_name.clear()

    def _rename_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.editItem(item)

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def save(self) -> bool:
        names = self.names()
        if any(not n for n in names):
            self.error.set_error(self.tr("部门名称不能为空"))
            return False
        if too_long := [n for n in names if len(n) > 40]:
            self.error.set_error(self.tr("“{0}”太长,最多 40 字").format(too_long[0][:20]))
            return False
        if dupes := sorted({n for n in names if names.count(n) > 1}):
            self.error.set_error(self.tr("部门重名:{0}").format("、".join(dupes)))
            return False
        service = self.office.staff
        kept = {self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())}
        try:
            with db.atomic():
                # Removed is made inactive (the record stays for the history); adding the
                # name of an inactive department brings that one back.
                for dep in service.departments():
                    if dep.id not in kept:
                        service.set_department_active(dep, False)
                for i, name in enumerate(names):
                    item = self.list.item(i)
                    dep_id = item.data(Qt.ItemDataRole.UserRole)
                    if dep_id is not None:
                        dep = Department.get_by_id(dep_id)
                        if dep.name != name:
                            service.rename_department(dep, name)
                    else:
                        old = Department.get_or_none(Department.name == name, Department.active == False)  # noqa: E712
                        if old is not None:
                            service.set_department_active(old, True)
                        item.setData(Qt.ItemDataRole.UserRole, (old or service.add_department(name)).id)
        except ValidationError as exc:
            for i in range(self.list.count()):  # roll back the ids handed to new rows
                item = self.list.item(i)
                dep_id = item.data(Qt.ItemDataRole.UserRole)
                if dep_id is not None and not Department.select().where(Department.id == dep_id).exists():
                    item.setData(Qt.ItemDataRole.UserRole, None)
            self.error.set_error(";".join(exc.problems.values()))
            return False
        self.error.set_error(None)
        return True


# 4. 人员 ---------------------------------------------------------------------------------
STAFF_COLUMNS = [
    QT_TR_NOOP("姓名"),
    QT_TR_NOOP("角色"),
    QT_TR_NOOP("部门"),
    QT_TR_NOOP("负责楼栋"),
    QT_TR_NOOP("登录名"),
    QT_TR_NOOP("密码"),
]


@dataclass
class StaffRow:
    name: QLineEdit
    role: QComboBox
    department: QComboBox
    buildings: QLineEdit
    username: QLineEdit
    password: QLineEdit
    saved: Staff | None = None
    widgets: dict[str, QWidget] = field(default_factory=dict)

    def empty(self) -> bool:
        return not any(
            clean_text(w.text()) for w in (self.name, self.buildings, self.username, self.password)
        )


class StaffPage(OptionalPage):
    def __init__(self, office: Office) -> None:
        super().__init__(office)
        self.setTitle(self.tr("人员"))
        self.setSubTitle(
            self.tr(
                "登记同事及其角色。物管员填写负责的楼栋(如 1,2,5),回访任务会按楼栋分给他。登录名和密码可以以后再设。"
            )
        )
        self.rows: list[StaffRow] = []
        self._removed: list[Staff] = []
        self.table = QTableWidget(0, len(STAFF_COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in STAFF_COLUMNS])
        self.table.verticalHeader().setDefaultSectionSize(34)
        header = self.table.horizontalHeader()
        for col, width in enumerate((90, 110, 120, 110, 100, 100)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(col, width)
        header.setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_button = QPushButton(self.tr("添加一行"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(self.tr("删除选中行"))
        self.remove_button.clicked.connect(self.remove_current_row)
        self.error = ErrorLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        for _ in range(3):
            self.add_row()

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        for row in self.rows:
            self._fill_departments(row.department)

    def _fill_departments(self, combo: QComboBox) -> None:
        chosen = combo.currentData()
        combo.clear()
        combo.addItem(self.tr("(无)"), None)
        for dep in self.office.staff.departments():
            combo.addItem(dep.name, dep.id)
        index = combo.findData(chosen)
        combo.setCurrentIndex(max(index, 0))

    def add_row(self) -> StaffRow:
        role = QComboBox()
        for key, label in domain.ROLES.items():
            role.addItem(self.tr(label), key)
        role.setCurrentIndex(role.findData("steward"))
        department = QComboBox()
        self._fill_departments(department)
        password = QLineEdit()
        password.setEchoMode(QLineEdit.EchoMode.Password)
        buildings = QLineEdit()
        buildings.setPlaceholderText(self.tr("如 1,2,5"))
        row = StaffRow(QLineEdit(), role, department, buildings, QLineEdit(), password)
        row.widgets = {"姓名": row.name, "角色": role, "部门": department, "负责楼栋": buildings,
                       "登录名": row.username, "密码": password}  # fmt: skip
        index = self.table.rowCount()
        self.table.insertRow(index)
        for col, name in enumerate(STAFF_COLUMNS):
            self.table.setCellWidget(index, col, row.widgets[name])
            row.widgets[name].installEventFilter(self)
        self.rows.append(row)
        return row

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # Typing in a cell's own widget does not move the table's current row: follow the focus,
        # so 删除选中行 removes the row being edited.
        if event.type() == QEvent.Type.FocusIn:
            for index, row in enumerate(self.rows):
                if watched in row.widgets.values():
                    self.table.selectRow(index)
                    break
        return super().eventFilter(watched, event)

    def remove_current_row(self) -> None:
        index = self.table.currentRow()
        if index < 0:
            return
        row = self.rows.pop(index)
        self.table.removeRow(index)
        if row.saved is not None:  # saved when the page was left before: made inactive on 下一步
            self._removed.append(row.saved)

    def save(self) -> bool:
        problems: list[str] = []
        saved: dict[int, Staff] = {}
        for row in self.rows:
            for widget in row.widgets.values():
                mark_invalid(widget, False)
        with db.atomic() as transaction:
            for person in self._removed:
                self.office.staff.set_active(person, False)
            for number, row in enumerate(self.rows, start=1):
                if row.empty():
                    continue
                row_problems = self._check(row)
                if not row_problems:
                    try:
                        dep_id = row.department.currentData()
                        saved[number] = self.office.staff.save_staff(
                            name=row.name.text(),
                            role=row.role.currentData(),
                            department=Department.get_by_id(dep_id) if dep_id else None,
                            buildings=row.buildings.text(),
                            username=row.username.text(),
                            password=row.password.text() or None,
                            existing=row.saved,
                        )
                    except ValidationError as exc:
                        row_problems = exc.problems
                for name, reason in row_problems.items():
                    problems.append(self.tr("第 {0} 行 {1}:{2}").format(number, name, reason))
                    if name in row.widgets:
                        mark_invalid(row.widgets[name], True)
            if problems:
                transaction.rollback()
        if problems:
            self.error.set_error("\n".join(problems))
            return False
        self._removed.clear()
        for number, person in saved.items():
            self.rows[number - 1].saved = person
        self.error.set_error(None)
        return True

    def _check(self, row: StaffRow) -> dict[str, str]:
        """What save_staff does not ask: a login needs a password, and a password a login."""
        problems: dict[str, str] = {}
        username, password = clean_text(row.username.text()), row.password.text()
        has_password = bool(password) or bool(row.saved and self.office.staff.has_password(row.saved))
        if username and not has_password:
            problems["密码"] = self.tr("设了登录名,请同时设密码")
        if password and not username:
            problems["登录名"] = self.tr("设了密码,请同时填写登录名")
        return problems


# 5. 回访制度 ------------------------------------------------------------------------------
def describe_preset(visits: dict[str, object]) -> str:
    """One line: 投诉 within so many days at such a rate, and the same for repairs."""
    rules = visits["rules"]
    assert isinstance(rules, dict)
    parts = []
    labels = {
        "投诉": QT_TRANSLATE_NOOP("PolicyPage", "投诉"),
        "报修": QT_TRANSLATE_NOOP("PolicyPage", "维修"),
    }
    for kind, label in labels.items():
        rule = rules[kind]
        working = rule.get("unit") == "working"
        unit = (
            QT_TRANSLATE_NOOP("PolicyPage", "个工作日") if working else QT_TRANSLATE_NOOP("PolicyPage", "天")
        )
        parts.append(
            QCoreApplication.translate("PolicyPage", "{0}办结后 {1} {2}内回访,回访率 {3}").format(
                QCoreApplication.translate("PolicyPage", label), rule["days"],
                QCoreApplication.translate("PolicyPage", unit), f"{float(rule['rate']):.0%}",
            )
        )  # fmt: skip
    return ";".join(parts)


class PolicyPage(OptionalPage):
    def __init__(self, office: Office) -> None:
        super().__init__(office)
        self.setTitle(self.tr("回访制度"))
        self.setSubTitle(
            self.tr("选一套最接近本处规程的回访制度;各项天数和回访率以后可在「设置 › 回访制度」中逐项修改。")
        )
        self.presets = presets(default_policy_data()["visits"])
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        self.notes: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        for name, visits in self.presets.items():
            button = QRadioButton(name)
            self.group.addButton(button)
            self.buttons[name] = button
            note = _hint(describe_preset(visits))
            self.notes[name] = note
            note.setContentsMargins(24, 0, 0, 8)
            layout.addWidget(button)
            layout.addWidget(note)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        current = str(self.office.policies.load().data["visits"].get("preset", ""))
        button = self.buttons.get(current) or next(iter(self.buttons.values()))
        button.setChecked(True)

    def chosen(self) -> str:
        return next(name for name, button in self.buttons.items() if button.isChecked())

    def choose(self, name: str) -> None:
        self.buttons[name].setChecked(True)

    def save(self) -> bool:
        name = self.chosen()
        policy = self.office.policies.copy()
        visits = copy.deepcopy(policy.data["visits"])
        if visits.get("preset") == name and visits.get("rules") == self.presets[name]["rules"]:
            return True
        # The preset speaks of the rules; the general numbers (rework notice…) stay as they are.
        visits["rules"] = copy.deepcopy(self.presets[name]["rules"])
        visits["preset"] = name
        policy.data["visits"] = visits
        try:
            self.office.policies.save(policy)
        except ValidationError as exc:
            self.error.set_error(";".join(f"{k}:{v}" for k, v in exc.problems.items()))
            return False
        return True


# 6. 备份 ---------------------------------------------------------------------------------
class BackupPage(OptionalPage):
    def __init__(self, office: Office) -> None:
        super().__init__(office)
        self.setTitle(self.tr("备份"))
        self.setSubTitle(self.tr("每天自动备份一次。请选 U 盘或另一块硬盘上的文件夹:电脑硬盘坏了,备份还在。"))
        self.default = office.data_dir / "backups"
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("默认:{0}").format(str(self.default)))
        self.folder.textChanged.connect(self._update_warning)
        self.choose_button = QPushButton(self.tr("选择…"))
        self.choose_button.clicked.connect(self._choose)
        self.default_button = QPushButton(self.tr("用默认"))
        self.default_button.clicked.connect(self.folder.clear)
        row = QHBoxLayout()
        box, self.error = _with_error(self.folder)
        row.addWidget(box, 1)
        row.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.default_button, 0, Qt.AlignmentFlag.AlignTop)
        self.warning = Banner("warn")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("备份文件夹")))
        layout.addLayout(row)
        layout.addWidget(self.warning)
        layout.addWidget(
            _hint(
                self.tr(
                    "备份按天、周、月轮换保留(最近 7 天、4 周、12 个月)。U 盘没插时程序会提醒,不会丢数据。"
                )
            )
        )
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        chosen = str(self.office.policies.load().data.get("backup", {}).get("folder") or "")
        self.folder.setText(chosen)
        self._update_warning()

    def target(self) -> Path:
        text = clean_text(self.folder.text())
        return Path(text).expanduser() if text else self.default

    def _update_warning(self) -> None:
        if not clean_text(self.folder.text()):
            self.warning.show_message(
                self.tr("默认文件夹在数据文件夹里:能防误删,不能防硬盘损坏。建议另选 U 盘或另一块硬盘。"),
                "info",
            )
        elif same_disk(self.target(), self.office.data_dir):
            self.warning.show_message(
                self.tr(
                    "⚠ 这个文件夹与数据在同一块磁盘上:硬盘坏了,备份也会一起丢失。建议选 U 盘或另一块硬盘。"
                ),
                "warn",
            )
        else:
            self.warning.hide()

    def _choose(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("选择备份文件夹"), str(self.target()))
        if name:
            self.folder.setText(name)

    def save(self) -> bool:
        text = clean_text(self.folder.text())
        folder = self.target()
        if text:
            if not folder.is_absolute():
                self.error.set_error(self.tr("请填写完整路径,例如 E:\\回音备份,或点“选择…”"))
                return False
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                self.error.set_error(
                    self.tr("无法建立这个文件夹:{0}(U 盘没插好?)").format(exc.strerror or exc)
                )
                return False
            if not os.access(folder, os.W_OK):
                self.error.set_error(self.tr("这个文件夹不能写入,请换一个"))
                return False
        value = str(folder) if text and folder != self.default else ""
        self.error.set_error(None)
        policy = self.office.policies.copy()
        if str(policy.data.get("backup", {}).get("folder") or "") == value:
            return True
        policy.data.setdefault("backup", {})["folder"] = value
        try:
            self.office.policies.save(policy)
        except ValidationError as exc:
            self.error.set_error(";".join(exc.problems.values()))
            return False
        return True


# 7. 完成 ---------------------------------------------------------------------------------
class DonePage(QWizardPage):
    def __init__(self, office: Office) -> None:
        super().__init__()
        self.office = office
        self.setTitle(self.tr("完成"))
        self.setSubTitle(self.tr("设置完成,可以开始使用了。"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addWidget(_hint(self.tr("以上各项以后都可以在「设置」中修改。")))

    def lines(self) -> list[tuple[str, str]]:
        """What is set up, from the data itself (so going back and forth cannot mislead)."""
        rooms, owners = Room.select().count(), Owner.select().count()
        admins = [p.name for p in self.office.staff.staff(role="admin")]
        others = [p for p in self.office.staff.staff() if p.role != "admin"]
        by_role: dict[str, list[str]] = {}
        for person in others:
            by_role.setdefault(domain.ROLES.get(person.role, person.role), []).append(person.name)
        departments = [d.name for d in self.office.staff.departments()]
        preset = str(self.office.policies.load().data["visits"].get("preset", "")) or self.tr("(自定义)")
        folder = self.office.backups.folder()
        return [
            (self.tr("服务中心"), self.office.name),
            (self.tr("管理员"), "、".join(admins)),
            (self.tr("房号"), self.tr("{0} 户,业主 {1} 人").format(f"{rooms:,}", f"{owners:,}") if rooms else self.tr("未设(可在办案时随填随建,或以后导入业主名册)")),
            (self.tr("部门"), "、".join(departments) or self.tr("无")),
            (self.tr("人员"), ";".join(f"{k}:{'、'.join(v)}" for k, v in by_role.items()) or self.tr("仅管理员")),
            (self.tr("回访制度"), preset),
            (self.tr("备份文件夹"), str(folder)),
        ]  # fmt: skip

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        rows = "".join(
            f"<tr><td style='padding:3px 16px 3px 0; color:#555; white-space:nowrap'>{_escape(k)}</td>"
            f"<td style='padding:3px 0'>{_escape(v)}</td></tr>"
            for k, v in self.lines()
        )
        self.summary.setText(f"<table>{rows}</table>")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# The wizard ------------------------------------------------------------------------------
class FirstRunDialog(QWizard):
    """First start: `.exec()` is Accepted with `.admin` set once the first page is done."""

    def __init__(self, office: Office, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.office = office
        self.admin: Staff | None = None
        self.setWindowTitle(self.tr("回音 · 首次设置"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        # On the last page 开始使用 is the way out; 以后再设置 would only say the same.
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("跳过此页"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< 上一步"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步 >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("开始使用"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("退出"))
        self.setButtonLayout([
            QWizard.WizardButton.CustomButton1, QWizard.WizardButton.Stretch, QWizard.WizardButton.BackButton,
            QWizard.WizardButton.NextButton, QWizard.WizardButton.CommitButton, QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        ])  # fmt: skip
        self.button(QWizard.WizardButton.CustomButton1).clicked.connect(self.skip_page)

        self.welcome = WelcomePage(self)
        self.rooms = RoomsPage(office)
        self.departments = DepartmentsPage(office)
        self.staff = StaffPage(office)
        self.policy = PolicyPage(office)
        self.backup = BackupPage(office)
        self.done_page = DonePage(office)
        for page_id, page in (
            (PageId.WELCOME, self.welcome), (PageId.ROOMS, self.rooms), (PageId.DEPARTMENTS, self.departments),
            (PageId.STAFF, self.staff), (PageId.POLICY, self.policy), (PageId.BACKUP, self.backup),
            (PageId.DONE, self.done_page),
        ):  # fmt: skip
            self.setPage(page_id, page)
        self.setStartId(PageId.WELCOME)
        self.currentIdChanged.connect(self._on_page)
        self.resize(820, 620)
        self.setMinimumSize(720, 560)
        self._on_page(PageId.WELCOME)

    def _on_page(self, page_id: int) -> None:
        self.button(QWizard.WizardButton.CustomButton1).setVisible(page_id in OPTIONAL_PAGES)

    def initialised(self) -> None:
        """The office exists now: closing the wizard keeps it and goes on to the program."""
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("以后再设置"))

    def skip_page(self) -> None:
        """跳过: on to the next page, writing nothing of this one."""
        page = self.currentPage()
        if not isinstance(page, OptionalPage):
            return
        page.skipping = True
        page.completeChanged.emit()
        try:
            self.next()
        finally:
            page.skipping = False
            page.completeChanged.emit()

    def done(self, result: int) -> None:
        if int(result) == QDialog.DialogCode.Rejected.value and self.admin is not None:
            # 以后再设置: the office is set up; what this page held is not saved.
            QDialog.done(self, QDialog.DialogCode.Accepted.value)
            return
        super().done(result)
