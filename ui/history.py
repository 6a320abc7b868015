"""修改记录: everything the audit trail holds about one record (a case, an owner), oldest first.

Phones and ID numbers in the trail are shown masked here: this window is a history of
changes, not a way round the logged 显示 buttons of the owner's file.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import audit
from app.models import AuditEntry, Case, Department, Owner, Room, Staff
from app.owner_files import mask_id_number
from app.owners import mask_phone

# The Chinese names of the fields the office meets in the trail.
FIELD_LABELS = {
    "state": QT_TR_NOOP("状态"), "result": QT_TR_NOOP("处理结果"), "account": QT_TR_NOOP("内容"), "satisfaction": QT_TR_NOOP("满意度"), "request": QT_TR_NOOP("客户要求"),
    "kind": QT_TR_NOOP("性质"), "validity": QT_TR_NOOP("有效性"), "severity": QT_TR_NOOP("程度"), "category": QT_TR_NOOP("类别"), "urgency": QT_TR_NOOP("紧急程度"),
    "channel": QT_TR_NOOP("渠道"), "received_at": QT_TR_NOOP("受理时间"), "department": QT_TR_NOOP("责任部门"), "room": QT_TR_NOOP("房号"), "owner": QT_TR_NOOP("业主"),
    "customer_name": QT_TR_NOOP("客户姓名"), "customer_phone": QT_TR_NOOP("联系电话"), "event_time": QT_TR_NOOP("发生时间"), "event_place": QT_TR_NOOP("发生地点"),
    "party": QT_TR_NOOP("被投诉对象"), "response_due": QT_TR_NOOP("首次回复期限"), "resolve_due": QT_TR_NOOP("办结期限"), "answer_due": QT_TR_NOOP("答复期限"),
    "first_response_at": QT_TR_NOOP("首次回复时间"), "resolved_at": QT_TR_NOOP("办结时间"), "closed_at": QT_TR_NOOP("关闭时间"), "merged_into": QT_TR_NOOP("并入"),
    "void_reason": QT_TR_NOOP("作废原因"), "typical": QT_TR_NOOP("典型案例"), "typical_note": QT_TR_NOOP("典型案例说明"), "anonymous": QT_TR_NOOP("匿名"),
    "ref": QT_TR_NOOP("台账编号"), "number": QT_TR_NOOP("编号"), "created_by": QT_TR_NOOP("登记人"),
    "name": QT_TR_NOOP("姓名"), "phone": QT_TR_NOOP("联系电话"), "id_number": QT_TR_NOOP("身份证号"), "occupant_type": QT_TR_NOOP("类型"), "move_in": QT_TR_NOOP("入住日期"),
    "note": QT_TR_NOOP("备注"), "active": QT_TR_NOOP("在用"), "role": QT_TR_NOOP("角色"), "buildings": QT_TR_NOOP("负责楼栋"), "username": QT_TR_NOOP("登录名"),
    "password_hash": QT_TR_NOOP("密码"), "locked_until": QT_TR_NOOP("锁定至"), "method": QT_TR_NOOP("回访方式"), "visitor": QT_TR_NOOP("回访人"), "due": QT_TR_NOOP("期限"),
    "findings": QT_TR_NOOP("回访内容"), "opinion": QT_TR_NOOP("客户意见"), "shortcomings": QT_TR_NOOP("不足之处"), "done_at": QT_TR_NOOP("完成时间"),
}  # fmt: skip
_PHONE_FIELDS = {"phone", "customer_phone"}
_ID_FIELDS = {"id_number"}
_ACCESS_COLOUR = QColor("#fff4e0")
_MAX_CELL = 300


def field_label(field: str) -> str:
    return FIELD_LABELS.get(field, field)


def _mask(field: str, value: str | None) -> str | None:
    if not value:
        return value
    if field in _PHONE_FIELDS:
        return mask_phone(value)
    if field in _ID_FIELDS:
        return mask_id_number(value)
    return value


def _bool_text(value: str | None) -> str | None:
    yes, no = QCoreApplication.translate("History", "是"), QCoreApplication.translate("History", "否")
    return {"True": yes, "False": no, "1": yes, "0": no}.get(value or "", value)


def _name_of(field: str, value: str | None) -> str | None:
    """A foreign key's id in the trail shown as what it names (部门名、房号、姓名)."""
    if not value or not value.isdigit():
        return value
    key = int(value)
    found: object = None
    if field == "department":
        found = Department.get_or_none(Department.id == key)
        return found.name if found else value  # type: ignore[union-attr]
    if field == "room":
        found = Room.get_or_none(Room.id == key)
        return found.label if found else value  # type: ignore[union-attr]
    if field == "owner":
        found = Owner.get_or_none(Owner.id == key)
        return found.name if found else value  # type: ignore[union-attr]
    if field in ("created_by", "visitor"):
        found = Staff.get_or_none(Staff.id == key)
        return found.name if found else value  # type: ignore[union-attr]
    if field == "merged_into":
        found = Case.get_or_none(Case.id == key)
        return found.number if found else value  # type: ignore[union-attr]
    return value


def show_value(field: str, value: str | None) -> str:
    """A value of the trail as the office reads it: names for ids, 是/否, masked numbers."""
    if value is None:
        return ""
    value = _name_of(field, _mask(field, value))
    if field in ("active", "typical", "anonymous"):
        value = _bool_text(value)
    if value and len(value) >= 16 and value[10:11] == "T" and value[:4].isdigit():
        value = value.replace("T", " ")[:16]  # an ISO date-time
    return value or ""


def describe_change(entry: AuditEntry) -> str:
    """What the entry did, in one line: 'old → new', the values of a new record, or the read."""
    if entry.action == "新建":  # data: the stored audit action
        try:
            values = json.loads(entry.new or "{}")
        except ValueError:
            return entry.new or ""
        if not isinstance(values, dict):
            return str(values)
        parts = [
            f"{field_label(k)}:{show_value(k, str(v))}"
            for k, v in values.items()
            if v not in ("", None) and k != "id"
        ]
        return ";".join(parts)
    if entry.action == "修改":  # data
        empty = QCoreApplication.translate("History", "(空)")
        return (
            f"{show_value(entry.field, entry.old) or empty} → {show_value(entry.field, entry.new) or empty}"
        )
    return entry.new or ""


class HistoryDialog(QDialog):
    """The audit entries of one record: time, who, action, field, old → new."""

    COLUMNS = (
        QT_TR_NOOP("时间"),
        QT_TR_NOOP("人员"),
        QT_TR_NOOP("操作"),
        QT_TR_NOOP("项目"),
        QT_TR_NOOP("变更"),
    )

    def __init__(self, table: str, record_id: int, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("修改记录 — {0}").format(title))
        self.resize(980, 560)
        self.table_name = table
        self.record_id = record_id

        self.heading = QLabel(
            self.tr("<b>{0}</b> 的全部修改与查看记录(按时间先后,来自审计记录,不可更改)").format(title)
        )
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for col in range(4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("没有记录。"))
        self.empty.setStyleSheet("color: #666;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        rows = audit.history(self.table_name, self.record_id)
        self.table.setRowCount(len(rows))
        for r, entry in enumerate(rows):
            change = describe_change(entry)
            values = (
                f"{entry.at:%Y-%m-%d %H:%M}",
                entry.actor,
                entry.action,
                self.tr(field_label(entry.field)) if entry.field else "",
                change if len(change) <= _MAX_CELL else change[: _MAX_CELL - 1] + "…",
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 4:
                    item.setToolTip(change)
                if entry.action in audit.ACCESS_ACTIONS:
                    item.setBackground(QBrush(_ACCESS_COLOUR))
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        self.empty.setVisible(not rows)

    def row_texts(self) -> list[list[str]]:
        """What the table shows, row by row (for tests and copying)."""
        return [
            [self.table.item(r, c).text() for c in range(self.table.columnCount())]
            for r in range(self.table.rowCount())
        ]
