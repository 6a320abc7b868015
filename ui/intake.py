"""受理登记: the intake page. A clerk takes a call or a visit and records it at once.

Keyboard first (Tab follows the visual order, Ctrl+S or Ctrl+Enter saves); beside the form
the room's history, the likely duplicates (同一问题多次投诉应作一次记录) and the deadlines
the policy gives. What is typed is kept as a draft a moment after each change.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import domain
from app.cases import CaseInput, CaseService, owner_resolve_due
from app.drafts import DraftStore
from app.errors import UserError, ValidationError
from app.models import Case, NightLogEntry, Staff, db
from app.nightlog import NightLogService
from app.owners import OwnerService, RoomSuggestion
from app.staff import StaffService
from app.validation import normalise_phone, parse_room
from ui.i18n import deadline_lines
from ui.room_picker import RoomPicker, occupant_name
from ui.widgets import INVALID_STYLE, Banner, ErrorLabel, FieldErrors

DATETIME_FORMAT = "yyyy-MM-dd HH:mm"
QDATE_FORMAT = "yyyy-MM-dd"
DRAFT_DELAY_MS = 400
SIDE_PANEL_WIDTH = 390

# The draft's fields: what the form holds, as plain JSON values.
TEXT_FIELDS = ("room", "customer_name", "customer_phone", "event_place", "party", "account", "request")


def _to_qdatetime(value: dt.datetime) -> QDateTime:
    return QDateTime(value.replace(second=0, microsecond=0))


def _from_qdatetime(value: QDateTime) -> dt.datetime:
    result: dt.datetime = value.toPython()
    return result.replace(second=0, microsecond=0)


class IntakeForm(QWidget):
    """The 受理登记 page; emits `case_saved` with the new case's id."""

    case_saved = Signal(int)

    def __init__(
        self,
        cases: CaseService,
        owners: OwnerService,
        drafts: DraftStore,
        staff: StaffService,
        nightlog: NightLogService,
        actor: Staff,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.cases = cases
        self.owners = owners
        self.drafts = drafts
        self.staff = staff
        self.nightlog = nightlog
        self.actor = actor
        self.draft_key = f"intake:{actor.id}"
        self._night_entry: NightLogEntry | None = None
        self._merge_target: Case | None = None
        self._duplicates: list[Case] = []
        self._merge_buttons: dict[int, QPushButton] = {}
        self._looked_up_phone = ""
        self._loading = False  # while the form is filled by code: no draft, no lookups

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)

        self._build()
        self._connect()
        self._loading = True
        self._reset_fields(keep_channel=False)
        self._loading = False
        self._update_deadlines()
        self._restore_draft()

    # Building -------------------------------------------------------------------------
    def _build(self) -> None:
        self.setObjectName("intakeForm")
        self.setStyleSheet(
            INVALID_STYLE + " QLabel#sectionTitle { font-weight: bold; color: #37474f; padding-top: 4px; }"
            " QLabel#pageTitle { font-size: 15pt; font-weight: bold; }"
            " QLabel#pageHint { color: #607d8b; }"
            " QLabel#lookupNote { color: #1565c0; }"
            " QLabel#savedLine { color: #1b5e20; font-weight: bold; }"
            " QFrame#sideBox { background: #f7f9fa; border: 1px solid #d5dde2; border-radius: 4px; }"
            " QFrame#sideBox QLabel { background: transparent; }"
            " QLabel#sideTitle { font-weight: bold; color: #37474f; }"
            " QFrame#dupBox { background: #fff6d5; border: 1px solid #e6c34a; border-radius: 4px; }"
            " QFrame#dupBox QLabel { background: transparent; color: #4e3b00; }"
            " QFrame#dupRow { background: #fffbeb; border: 1px solid #f0dc8c; border-radius: 3px; }"
            " QPushButton#saveButton { font-weight: bold; padding: 5px 22px; }"
        )
        outer = QHBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(14)

        # Left: the form, scrollable where the screen is short.
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(8)

        title_row = QHBoxLayout()
        title = QLabel(self.tr("受理登记"), left)
        title.setObjectName("pageTitle")
        hint = QLabel(self.tr("登记人:%s    Ctrl+S 或 Ctrl+Enter 保存") % self.actor.name, left)
        hint.setObjectName("pageHint")
        title_row.addWidget(title)
        title_row.addStretch(1)
        title_row.addWidget(hint, 0, Qt.AlignmentFlag.AlignBottom)
        left_layout.addLayout(title_row)

        self.night_banner = Banner("warn", left)
        self.night_banner.add_button(self.tr("放弃转换"), self.cancel_night_log)
        left_layout.addWidget(self.night_banner)
        self.draft_banner = Banner("info", left)
        self.draft_clear_button = self.draft_banner.add_button(self.tr("清空"), self.clear_form)
        left_layout.addWidget(self.draft_banner)

        scroll = QScrollArea(left)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(scroll)
        scroll.setWidget(body)
        left_layout.addWidget(scroll, 1)
        self._build_fields(body)

        # The bottom bar: the confirmation, a general error, the buttons.
        bar = QHBoxLayout()
        bar.setSpacing(10)
        status = QVBoxLayout()
        status.setSpacing(2)
        self.saved_line = Banner("success", left)
        self.saved_line.label.setStyleSheet("font-weight: bold;")
        self.general_error = ErrorLabel(left)
        status.addWidget(self.saved_line)
        status.addWidget(self.general_error)
        bar.addLayout(status, 1)
        self.clear_button = QPushButton(self.tr("清空"), left)
        self.clear_button.setToolTip(self.tr("清空表单(渠道保留)"))
        self.save_button = QPushButton(self.tr("保存"), left)
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(self.tr("保存并登记 (Ctrl+S / Ctrl+Enter)"))
        self.save_button.setDefault(False)
        bar.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignBottom)
        bar.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignBottom)
        left_layout.addLayout(bar)

        outer.addWidget(left, 1)
        outer.addWidget(self._build_side(), 0)

        self.errors = FieldErrors(self.general_error)
        for name, widget in (
            ("渠道", self.channel),
            ("受理时间", self.received),
            ("房号", self.room),
            ("联系电话", self.phone),
            ("客户姓名", self.name),
            ("客户", self.anonymous),
            ("性质", self.kind),
            ("有效性", self.validity),
            ("程度", self.severity),
            ("紧急程度", self.urgency),
            ("类别", self.category),
            ("责任部门", self.department),
            ("事发时间", self.event_time),
            ("事发地点", self.event_place),
            ("被投诉部门/人员", self.party),
            ("内容", self.account),
            ("客户要求", self.request),
            ("业主要求的时间", self.requested),
            ("只要求书面答复", self.written_reply),
        ):
            self.errors.bind(name, self._error_labels[name], widget)

        for seq in (QKeySequence.StandardKey.Save, QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")):
            shortcut = QShortcut(seq, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)

        self._set_tab_order()

    def _build_fields(self, body: QWidget) -> None:
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 4, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        label_width = self.fontMetrics().horizontalAdvance("被投诉部门/人员") + 8
        grid.setColumnMinimumWidth(0, label_width)
        grid.setColumnMinimumWidth(2, self.fontMetrics().horizontalAdvance("紧急程度") + 8)
        self._grid = grid
        self._row = 0
        self._error_labels: dict[str, ErrorLabel] = {}

        policy = self.cases.policy()

        # 来电人 who ---------------------------------------------------------------------
        self._section(self.tr("来源与客户"))
        self.channel = QComboBox(body)
        self.channel.addItems(policy.channels)
        self.received = QDateTimeEdit(body)
        self.received.setDisplayFormat(DATETIME_FORMAT)
        self.received.setCalendarPopup(True)
        self._pair(("渠道", self.tr("渠道"), self.channel), ("受理时间", self.tr("受理时间"), self.received))

        self.room = RoomPicker(self.owners, body)
        self.phone = QLineEdit(body)
        self.phone.setPlaceholderText(self.tr("手机 11 位,或区号-座机"))
        self.phone.setClearButtonEnabled(True)
        self._pair(("房号", self.tr("房号"), self.room), ("联系电话", self.tr("联系电话"), self.phone))

        self.name = QLineEdit(body)
        self.name.setPlaceholderText(self.tr("业主或租户姓名"))
        self.anonymous = QCheckBox(self.tr("匿名(不留姓名和电话)"), body)
        self._pair(("客户姓名", self.tr("客户姓名"), self.name), ("客户", "", self.anonymous))

        self.lookup_note = QLabel(body)
        self.lookup_note.setObjectName("lookupNote")
        self.lookup_note.hide()
        self._grid.addWidget(self.lookup_note, self._row, 1, 1, 3)
        self._row += 1

        # 事项 what ----------------------------------------------------------------------
        self._section(self.tr("事项"))
        self.kind = QComboBox(body)
        self.kind.addItems(domain.KINDS)
        self.validity = QComboBox(body)
        self.validity.addItem(self.tr("(暂不判定)"), None)
        for key in domain.VALIDITIES:
            self.validity.addItem(domain.VALIDITY_LABELS[key], key)
        self._pair(("性质", self.tr("性质"), self.kind), ("有效性", self.tr("有效性"), self.validity))

        self.severity = QComboBox(body)
        self.severity.addItems(domain.SEVERITIES)
        self.urgency = QComboBox(body)
        self.urgency.addItems(domain.URGENCIES)
        self._pair(("程度", self.tr("程度"), self.severity), ("紧急程度", self.tr("紧急程度"), self.urgency))

        self.category = QComboBox(body)
        self.category.addItems(policy.categories)
        self.category.setPlaceholderText(self.tr("请选择类别"))
        self.department = QComboBox(body)
        self.department.addItem(self.tr("(暂不指定)"), "")
        for dep in self.staff.departments():
            self.department.addItem(dep.name, dep.name)
        self._pair(
            ("类别", self.tr("类别"), self.category), ("责任部门", self.tr("责任部门"), self.department)
        )

        event_box = QWidget(body)
        event_layout = QHBoxLayout(event_box)
        event_layout.setContentsMargins(0, 0, 0, 0)
        event_layout.setSpacing(6)
        self.event_known = QCheckBox(event_box)
        self.event_known.setToolTip(self.tr("知道事发时间时勾选"))
        self.event_time = QDateTimeEdit(event_box)
        self.event_time.setDisplayFormat(DATETIME_FORMAT)
        self.event_time.setCalendarPopup(True)
        self.event_time.setEnabled(False)
        event_layout.addWidget(self.event_known)
        event_layout.addWidget(self.event_time, 1)
        self.event_place = QLineEdit(body)
        self.event_place.setPlaceholderText(self.tr("如 3 栋 2 单元楼道"))
        self._pair(
            ("事发时间", self.tr("事发时间"), event_box), ("事发地点", self.tr("事发地点"), self.event_place)
        )

        self.party = QLineEdit(body)
        self.party.setPlaceholderText(self.tr("投诉针对的部门或人员(可不填)"))
        party_completer = QCompleter([d.name for d in self.staff.departments()], self.party)
        party_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.party.setCompleter(party_completer)
        self._wide("被投诉部门/人员", self.tr("被投诉部门/人员"), self.party)

        # 或业主要求的时间 (minor complaints) and 只要求书面答复 (no visit, a reply letter).
        requested_box = QWidget(body)
        requested_layout = QHBoxLayout(requested_box)
        requested_layout.setContentsMargins(0, 0, 0, 0)
        requested_layout.setSpacing(6)
        self.requested_known = QCheckBox(requested_box)
        self.requested_known.setToolTip(self.tr("业主要求在某日前办结时勾选(轻微投诉按此确定办结期限)"))
        self.requested = QDateEdit(requested_box)
        self.requested.setDisplayFormat(QDATE_FORMAT)
        self.requested.setCalendarPopup(True)
        # Blank until ticked (Qt shows the special text at the minimum date), not 2000-01-01.
        self.requested.setMinimumDate(QDate(2000, 1, 1))
        self.requested.setSpecialValueText(" ")
        self.requested.setDate(self.requested.minimumDate())
        self.requested.setEnabled(False)
        requested_layout.addWidget(self.requested_known)
        requested_layout.addWidget(self.requested, 1)
        self.written_reply = QCheckBox(self.tr("只要求书面答复(不回访)"), body)
        self.written_reply.setToolTip(
            self.tr("业主只要书面答复:办结后不安排回访,复函附在案件上,附上复函才能关闭")
        )
        self._pair(
            ("业主要求的时间", self.tr("业主要求的时间"), requested_box),
            ("只要求书面答复", "", self.written_reply),
        )

        # 经过与要求 -------------------------------------------------------------------
        self._section(self.tr("经过与要求"))
        self.account = _TextBox(5, body)
        self.account.setPlaceholderText(self.tr("客户反映的情况:什么时间、什么地方、发生了什么(必填)"))
        self._wide("内容", self.tr("内容 *"), self.account, stretch=3)
        self.request = _TextBox(3, body)
        self.request.setPlaceholderText(self.tr("客户希望怎样解决"))
        self._wide("客户要求", self.tr("客户要求"), self.request, stretch=2)

    def _label(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return label

    def _section(self, text: str) -> None:
        title = QLabel(text)
        title.setObjectName("sectionTitle")
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #d5dde2;")
        box = QHBoxLayout()
        box.setSpacing(8)
        box.addWidget(title)
        box.addWidget(line, 1)
        if self._row:
            self._grid.setRowMinimumHeight(self._row, 10)
            self._row += 1
        self._grid.addLayout(box, self._row, 0, 1, 4)
        self._row += 1

    def _pair(self, left: tuple[str, str, QWidget], right: tuple[str, str, QWidget]) -> None:
        """Two labelled fields on one row, their reasons on the row below."""
        for col, (name, text, widget) in zip((0, 2), (left, right), strict=True):
            if text:
                self._grid.addWidget(self._label(text), self._row, col)
            self._grid.addWidget(widget, self._row, col + 1)
            error = ErrorLabel()
            self._error_labels[name] = error
            self._grid.addWidget(error, self._row + 1, col + 1)
        self._row += 2

    def _wide(self, name: str, text: str, widget: QWidget, stretch: int = 0) -> None:
        label = self._label(text)
        if isinstance(widget, QPlainTextEdit):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            label.setContentsMargins(0, 4, 0, 0)
        self._grid.addWidget(label, self._row, 0)
        self._grid.addWidget(widget, self._row, 1, 1, 3)
        if stretch:
            self._grid.setRowStretch(self._row, stretch)
        error = ErrorLabel()
        self._error_labels[name] = error
        self._grid.addWidget(error, self._row + 1, 1, 1, 3)
        self._row += 2

    def _build_side(self) -> QWidget:
        side = QWidget(self)
        side.setFixedWidth(SIDE_PANEL_WIDTH)
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)

        # The deadlines the policy gives, live.
        deadline_box = QFrame(side)
        deadline_box.setObjectName("sideBox")
        dl = QVBoxLayout(deadline_box)
        dl.setContentsMargins(12, 10, 12, 10)
        dl.setSpacing(4)
        title = QLabel(self.tr("处理时限"), deadline_box)
        title.setObjectName("sideTitle")
        self.deadlines_label = QLabel(deadline_box)
        self.deadlines_label.setWordWrap(True)
        self.deadlines_label.setTextFormat(Qt.TextFormat.PlainText)
        dl.addWidget(title)
        dl.addWidget(self.deadlines_label)
        # A deadline in a year whose holidays are only estimated (暂定) says so.
        self.provisional_banner = Banner("warn", deadline_box)
        dl.addWidget(self.provisional_banner)
        layout.addWidget(deadline_box)

        # Likely duplicates: a yellow box, one row per case, each with 并入此案.
        self.dup_box = QFrame(side)
        self.dup_box.setObjectName("dupBox")
        dup_layout = QVBoxLayout(self.dup_box)
        dup_layout.setContentsMargins(12, 10, 12, 10)
        dup_layout.setSpacing(6)
        self.dup_title = QLabel(self.dup_box)
        self.dup_title.setWordWrap(True)
        self.dup_title.setStyleSheet("font-weight: bold;")
        dup_layout.addWidget(self.dup_title)
        self.dup_rows = QVBoxLayout()
        self.dup_rows.setSpacing(6)
        dup_layout.addLayout(self.dup_rows)
        self.merge_note = QLabel(self.dup_box)
        self.merge_note.setWordWrap(True)
        dup_layout.addWidget(self.merge_note)
        self.dup_box.hide()
        layout.addWidget(self.dup_box)

        # The room's history.
        history_box = QFrame(side)
        history_box.setObjectName("sideBox")
        hl = QVBoxLayout(history_box)
        hl.setContentsMargins(12, 10, 12, 10)
        hl.setSpacing(6)
        self.history_title = QLabel(self.tr("本房历史"), history_box)
        self.history_title.setObjectName("sideTitle")
        hl.addWidget(self.history_title)
        self.history = QTreeWidget(history_box)
        self.history.setColumnCount(5)
        self.history.setHeaderLabels(
            [self.tr("编号"), self.tr("日期"), self.tr("性质"), self.tr("类别"), self.tr("状态")]
        )
        self.history.setRootIsDecorated(False)
        self.history.setUniformRowHeights(True)
        self.history.setAlternatingRowColors(True)
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.history.header()
        header.setStretchLastSection(False)
        for col in (0, 1, 2, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.history_empty = QLabel(self.tr("填写房号后,这里显示该房间以往的案件。"), history_box)
        self.history_empty.setWordWrap(True)
        self.history_empty.setStyleSheet("color: #607d8b;")
        hl.addWidget(self.history_empty, 1, Qt.AlignmentFlag.AlignTop)
        hl.addWidget(self.history, 1)
        self.history.hide()
        history_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout.addWidget(history_box, 1)
        return side

    def _set_tab_order(self) -> None:
        # A phone call starts at the room (渠道 is 电话 and 受理时间 is now by default): the
        # caller's room, phone and name, then the matter; 渠道 and 受理时间 come last, for the
        # walk-in or the call logged late.
        chain: list[QWidget] = [
            self.room, self.phone, self.name, self.anonymous,
            self.kind, self.validity, self.severity, self.urgency, self.category, self.department,
            self.event_known, self.event_time, self.event_place, self.party,
            self.requested_known, self.requested, self.written_reply, self.account,
            self.request, self.save_button, self.clear_button, self.channel, self.received,
        ]  # fmt: skip
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        for edit in (self.room, self.phone, self.name, self.event_place, self.party):
            edit.textChanged.connect(self._changed)
        for text in (self.account, self.request):
            text.textChanged.connect(self._changed)
        for combo in (self.channel, self.validity, self.urgency, self.department):
            combo.currentIndexChanged.connect(self._changed)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.severity.currentIndexChanged.connect(self._deadline_input_changed)
        self.received.dateTimeChanged.connect(self._deadline_input_changed)
        self.category.currentIndexChanged.connect(self._category_changed)
        self.event_time.dateTimeChanged.connect(self._changed)
        self.event_known.toggled.connect(self._event_known_toggled)
        self.requested_known.toggled.connect(self._requested_toggled)
        self.requested.dateChanged.connect(self._deadline_input_changed)
        self.written_reply.toggled.connect(self._changed)
        self.anonymous.toggled.connect(self._anonymous_toggled)
        self.room.editingFinished.connect(self._room_finished)
        self.room.suggestion_picked.connect(self._suggestion_picked)
        self.phone.textEdited.connect(self._phone_edited)
        self.phone.editingFinished.connect(self._phone_finished)
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.clear_form)

    # Reacting to the clerk --------------------------------------------------------------
    def _changed(self, *_: object) -> None:
        if self._loading:
            return
        self.saved_line.hide()
        self._draft_timer.start()

    def _kind_changed(self) -> None:
        complaint = self.kind.currentText() == "投诉"
        if not complaint:
            self.validity.setCurrentIndex(0)
            self.requested_known.setChecked(False)
            self.written_reply.setChecked(False)
        self.validity.setEnabled(complaint)
        self.requested_known.setEnabled(complaint)
        self.written_reply.setEnabled(complaint)
        self._deadline_input_changed()

    def _requested_toggled(self, on: bool) -> None:
        self.requested.setEnabled(on)
        if on and not self._loading:
            self.requested.setDate(self.received.date())
            self.requested.setFocus()
        elif not on:
            self.requested.setDate(self.requested.minimumDate())
        self._deadline_input_changed()

    def _deadline_input_changed(self) -> None:
        self._update_deadlines()
        self._changed()

    def _category_changed(self) -> None:
        self.refresh_side()
        self._changed()

    def _event_known_toggled(self, on: bool) -> None:
        self.event_time.setEnabled(on)
        if on and not self._loading:
            self.event_time.setDateTime(self.received.dateTime())
            self.event_time.setFocus()
        self._changed()

    def _anonymous_toggled(self, on: bool) -> None:
        self.name.setEnabled(not on)
        self.phone.setEnabled(not on)
        if on:
            self.errors.set("客户姓名", None)
            self.errors.set("联系电话", None)
            self.lookup_note.hide()
        self.errors.set("客户", None)
        self._changed()

    def _update_deadlines(self) -> None:
        deadlines = self.cases.deadlines_for(
            self.kind.currentText(), self.severity.currentText(), _from_qdatetime(self.received.dateTime())
        )
        requested = self._requested_date()
        note = ""
        if requested is not None:
            due, by_owner = owner_resolve_due(
                self.cases.policy(),
                self.kind.currentText(),
                self.severity.currentText(),
                requested,
                deadlines.resolve_due,
            )
            if by_owner:  # the 办结 line shows the owner's date, said so below
                deadlines = replace(deadlines, resolve_due=due)
                note = self.tr("办结按业主要求的时间:{0} 前").format(f"{due:%Y-%m-%d %H:%M}")
            elif self.severity.currentText() != "轻微":
                note = self.tr("业主要求的时间只用于轻微投诉,此件按制度期限")
        lines = deadline_lines(deadlines) + ([note] if note else [])
        self.deadlines_label.setText("\n".join(lines))
        if deadlines.provisional_years:
            years = "、".join(str(y) for y in deadlines.provisional_years)
            self.provisional_banner.show_message(
                self.tr(
                    "期限落在 {0} 年:该年国务院放假安排尚未录入,暂按法定节日推算(暂定)。"
                    "安排公布后请在“设置 → 节假日”载入,期限会自动重算。"
                ).format(years)
            )
        else:
            self.provisional_banner.hide()

    def _room_finished(self) -> None:
        text = self.room.text().strip()
        reason = None
        if text:
            try:
                parse_room(text)
            except ValueError as exc:
                reason = str(exc)
        self.errors.set("房号", reason)
        self.refresh_side()

    def _suggestion_picked(self, suggestion: RoomSuggestion) -> None:
        self._loading = True
        try:
            name = occupant_name(suggestion)
            if name and not self.anonymous.isChecked():
                self.name.setText(name)
            if suggestion.phone and not self.anonymous.isChecked():
                self.phone.setText(suggestion.phone)
                self._looked_up_phone = suggestion.phone
        finally:
            self._loading = False
        self.errors.set("房号", None)
        self.errors.set("联系电话", None)
        self.errors.set("客户", None)
        self.lookup_note.hide()
        self.refresh_side()
        self._changed()
        # The caller is known now; the clerk goes on to what happened.
        (self.kind if self.phone.text() else self.phone).setFocus()

    def _phone_edited(self, text: str) -> None:
        """Caller lookup as soon as the number is complete."""
        digits = re.sub(r"\D", "", text)
        if len(digits) < 11:
            return
        self._lookup_phone(text)

    def _phone_finished(self) -> None:
        text = self.phone.text().strip()
        reason = None
        if text:
            try:
                normalise_phone(text)
            except ValueError as exc:
                reason = str(exc)
        self.errors.set("联系电话", reason)
        if reason is None and text:
            self._lookup_phone(text)
            self.refresh_side()

    def _lookup_phone(self, text: str) -> None:
        try:
            number = normalise_phone(text)
        except ValueError:
            return
        if not number or number == self._looked_up_phone:
            return
        self._looked_up_phone = number
        owner = self.cases.lookup_phone(number)
        if owner is None:
            self.lookup_note.setText(self.tr("号码 %s 不在业主资料中") % number)
            self.lookup_note.setStyleSheet("color: #607d8b;")
            self.lookup_note.show()
            return
        room_label = owner.room.label if owner.room_id else ""
        if not self.name.text().strip():
            self.name.setText(owner.name)
        if room_label and not self.room.text().strip():
            self.room.setText(room_label)
            self.errors.set("房号", None)
        self.errors.set("客户", None)
        who = " ".join(p for p in (room_label, owner.name) if p)
        self.lookup_note.setText(self.tr("来电号码属于 %s") % who)
        self.lookup_note.setStyleSheet("")
        self.lookup_note.show()
        self.refresh_side()

    # The side panel -------------------------------------------------------------------
    def refresh_side(self) -> None:
        """Room history and likely duplicates for what the form now says."""
        room = self.room.text().strip()
        self._fill_history(room)
        phone = "" if self.anonymous.isChecked() else self.phone.text()
        category = self.category.currentText()
        self._duplicates = self.cases.duplicates(room, category, phone) if category else []
        self._fill_duplicates()

    def _fill_history(self, room: str) -> None:
        self.history.clear()
        found = self.cases.room_history(room) if room else []
        if not room:
            self.history_title.setText(self.tr("本房历史"))
            self.history_empty.setText(self.tr("填写房号后,这里显示该房间以往的案件。"))
        else:
            self.history_title.setText(self.tr("本房历史 %s(%d 件)") % (room, len(found)))
            self.history_empty.setText(self.tr("该房间没有以往的案件。"))
        for case in found:
            item = QTreeWidgetItem(
                [case.number, f"{case.received_at:%Y-%m-%d}", case.kind, case.category, case.state]
            )
            item.setToolTip(0, case.account[:200])
            item.setToolTip(3, case.category)
            self.history.addTopLevelItem(item)
        self.history.setVisible(bool(found))
        self.history_empty.setVisible(not found)

    def _fill_duplicates(self) -> None:
        while self.dup_rows.count():
            item = self.dup_rows.takeAt(0)
            if (widget := item.widget()) is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self._merge_buttons = {}
        ids = {c.id for c in self._duplicates}
        if self._merge_target is not None and self._merge_target.id not in ids:
            self._merge_target = None
        if not self._duplicates:
            self.dup_box.hide()
            return
        self.dup_title.setText(
            self.tr("⚠ 可能是同一件事(同一问题多次投诉应作一次记录):%d 件") % len(self._duplicates)
        )
        for case in self._duplicates:
            row = QFrame(self.dup_box)
            row.setObjectName("dupRow")
            rl = QHBoxLayout(row)
            rl.setContentsMargins(8, 6, 6, 6)
            rl.setSpacing(8)
            summary = case.account.replace("\n", " ")
            if len(summary) > 40:
                summary = summary[:40] + "…"
            text = QLabel(
                f"<b>{case.number}</b>  {case.received_at:%m-%d %H:%M}  {case.state}<br>"
                f"{case.kind}·{case.category}  {case.customer_name}<br>"
                f"<span style='color:#6d5a1a'>{_escape(summary)}</span>",
                row,
            )
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.RichText)
            button = QPushButton(self.tr("并入此案"), row)
            button.setCheckable(True)
            button.setChecked(self._merge_target is not None and self._merge_target.id == case.id)
            button.clicked.connect(lambda checked, c=case: self._choose_merge(c, checked))
            rl.addWidget(text, 1)
            rl.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
            self.dup_rows.addWidget(row)
            self._merge_buttons[case.id] = button
        self._update_merge_note()
        self.dup_box.show()

    def _choose_merge(self, case: Case, checked: bool) -> None:
        self._merge_target = case if checked else None
        for case_id, button in self._merge_buttons.items():
            button.setChecked(checked and case_id == case.id)
        self._update_merge_note()

    def _update_merge_note(self) -> None:
        if self._merge_target is None:
            self.merge_note.setText(self.tr("若是同一件事,点“并入此案”,保存时登记后并入该案。"))
        else:
            self.merge_note.setText(self.tr("保存时将登记本次来电并并入 %s。") % self._merge_target.number)
        for button in self._merge_buttons.values():
            button.setText(self.tr("已选·将并入") if button.isChecked() else self.tr("并入此案"))

    def merge_buttons(self) -> dict[int, QPushButton]:
        return dict(self._merge_buttons)

    # Values -------------------------------------------------------------------------------
    def case_input(self) -> CaseInput:
        """What the form says, as the service takes it."""
        anonymous = self.anonymous.isChecked()
        return CaseInput(
            account=self.account.toPlainText(),
            kind=self.kind.currentText(),
            received_at=_from_qdatetime(self.received.dateTime()),
            channel=self.channel.currentText(),
            anonymous=anonymous,
            room=self.room.text(),
            customer_name="" if anonymous else self.name.text(),
            customer_phone="" if anonymous else self.phone.text(),
            validity=self.validity.currentData() if self.validity.isEnabled() else None,
            severity=self.severity.currentText(),
            category=self.category.currentText(),
            urgency=self.urgency.currentText(),
            event_time=_from_qdatetime(self.event_time.dateTime()) if self.event_known.isChecked() else None,
            event_place=self.event_place.text(),
            party=self.party.text(),
            request=self.request.toPlainText(),
            department=self.department.currentData() or "",
            requested_date=self._requested_date(),
            written_reply_only=self.written_reply.isChecked() and self.written_reply.isEnabled(),
        )

    def _requested_date(self) -> dt.date | None:
        if not (self.requested_known.isChecked() and self.requested_known.isEnabled()):
            return None
        d = self.requested.date()
        return dt.date(d.year(), d.month(), d.day())

    def form_data(self) -> dict[str, Any]:
        """The form as a draft: plain values."""
        return {
            "channel": self.channel.currentText(),
            "received_at": self.received.dateTime().toString(DATETIME_FORMAT),
            "room": self.room.text(),
            "customer_name": self.name.text(),
            "customer_phone": self.phone.text(),
            "anonymous": self.anonymous.isChecked(),
            "kind": self.kind.currentText(),
            "validity": self.validity.currentData(),
            "severity": self.severity.currentText(),
            "urgency": self.urgency.currentText(),
            "category": self.category.currentText(),
            "department": self.department.currentData() or "",
            "event_known": self.event_known.isChecked(),
            "event_time": self.event_time.dateTime().toString(DATETIME_FORMAT),
            "event_place": self.event_place.text(),
            "party": self.party.text(),
            "account": self.account.toPlainText(),
            "request": self.request.toPlainText(),
            "requested_known": self.requested_known.isChecked(),
            "requested_date": self.requested.date().toString(QDATE_FORMAT),
            "written_reply_only": self.written_reply.isChecked(),
            "night_log_id": self._night_entry.id if self._night_entry is not None else None,
        }

    def is_blank(self) -> bool:
        """Nothing typed yet (the channel and the time are always set)."""
        data = self.form_data()
        return (
            not any(data[k].strip() for k in TEXT_FIELDS)
            and not data["anonymous"]
            and not data["event_known"]
            and not data.get("requested_known")
            and not data.get("written_reply_only")
            and data["kind"] == domain.KINDS[0]
            and data["validity"] is None
            and data["severity"] == "轻微"
            and data["urgency"] == "一般"
            and not data["category"]
            and not data["department"]
            and data["night_log_id"] is None
        )

    def _apply(self, data: dict[str, Any]) -> None:
        """Fill the form from a draft or a night-log entry."""
        self._loading = True
        try:
            _set_combo_text(self.channel, data.get("channel"))
            received = QDateTime.fromString(str(data.get("received_at") or ""), DATETIME_FORMAT)
            if received.isValid():
                self.received.setDateTime(received)
            self.room.setText(str(data.get("room") or ""))
            self.name.setText(str(data.get("customer_name") or ""))
            self.phone.setText(str(data.get("customer_phone") or ""))
            self.anonymous.setChecked(bool(data.get("anonymous")))
            _set_combo_text(self.kind, data.get("kind"))
            self.validity.setCurrentIndex(max(0, self.validity.findData(data.get("validity"))))
            _set_combo_text(self.severity, data.get("severity"))
            _set_combo_text(self.urgency, data.get("urgency"))
            category = str(data.get("category") or "")
            self.category.setCurrentIndex(self.category.findText(category) if category else -1)
            self.department.setCurrentIndex(max(0, self.department.findData(data.get("department") or "")))
            event = QDateTime.fromString(str(data.get("event_time") or ""), DATETIME_FORMAT)
            if event.isValid():
                self.event_time.setDateTime(event)
            self.event_known.setChecked(bool(data.get("event_known")))
            self.event_place.setText(str(data.get("event_place") or ""))
            self.party.setText(str(data.get("party") or ""))
            self.account.setPlainText(str(data.get("account") or ""))
            self.request.setPlainText(str(data.get("request") or ""))
            requested = QDate.fromString(str(data.get("requested_date") or ""), QDATE_FORMAT)
            if requested.isValid():
                self.requested.setDate(requested)
            self.requested_known.setChecked(bool(data.get("requested_known")))
            self.written_reply.setChecked(bool(data.get("written_reply_only")))
        finally:
            self._loading = False
        self._looked_up_phone = ""
        self._update_deadlines()
        self.refresh_side()

    def _reset_fields(self, keep_channel: bool) -> None:
        channel = self.channel.currentText()
        now = _to_qdatetime(self.cases.clock.now())
        for edit in (self.room, self.phone, self.name, self.event_place, self.party):
            edit.clear()
        self.account.clear()
        self.request.clear()
        self.anonymous.setChecked(False)
        self.kind.setCurrentIndex(0)
        self.validity.setCurrentIndex(0)
        self.severity.setCurrentIndex(0)
        self.urgency.setCurrentIndex(domain.URGENCIES.index("一般"))
        self.category.setCurrentIndex(-1)
        self.department.setCurrentIndex(0)
        self.event_known.setChecked(False)
        self.requested_known.setChecked(False)
        self.written_reply.setChecked(False)
        self.received.setDateTime(now)
        self.event_time.setDateTime(now)
        if keep_channel:
            _set_combo_text(self.channel, channel)
        else:
            self.channel.setCurrentIndex(0)
        self._merge_target = None
        self._looked_up_phone = ""
        self.lookup_note.hide()

    # Drafts ---------------------------------------------------------------------------
    def save_draft(self) -> None:
        self._draft_timer.stop()
        if self.is_blank():
            self.drafts.discard(self.draft_key)
        else:
            self.drafts.save(self.draft_key, self.form_data())

    def _restore_draft(self) -> None:
        data = self.drafts.load(self.draft_key)
        if not data:
            return
        entry_id = data.get("night_log_id")
        if entry_id is not None:
            entry = NightLogEntry.get_or_none(NightLogEntry.id == entry_id)
            if entry is not None and entry.case_id is None:
                self._night_entry = entry
                self.night_banner.show_message(self._night_banner_text(entry))
        self._apply(data)
        self.draft_banner.show_message(self.tr("已恢复上次未保存的草稿。"))

    def clear_form(self) -> None:
        """Start afresh (the channel stays); the draft goes too."""
        self._draft_timer.stop()
        self._loading = True
        try:
            self._reset_fields(keep_channel=True)
        finally:
            self._loading = False
        self._night_entry = None
        self.night_banner.hide()
        self.draft_banner.hide()
        self.errors.clear()
        self.drafts.discard(self.draft_key)
        self._update_deadlines()
        self.refresh_side()
        self.room.setFocus()

    def start_call(self) -> None:
        """Ctrl+N: the cursor goes where the next call starts; a half-typed case stays as it is."""
        self.window().activateWindow()
        (self.account if self.room.text() else self.room).setFocus()

    # Night log --------------------------------------------------------------------------
    def start_from_night_log(self, entry: NightLogEntry) -> None:
        """Carry a night-log entry into a case: the form is pre-filled for the clerk."""
        inp = self.nightlog.as_input(entry)
        self.clear_form()
        self._night_entry = entry
        received = inp.received_at if isinstance(inp.received_at, dt.datetime) else self.cases.clock.now()
        self._apply(
            {
                "channel": inp.channel,
                "received_at": _to_qdatetime(received).toString(DATETIME_FORMAT),
                "room": inp.room,
                "customer_name": inp.customer_name,
                "customer_phone": inp.customer_phone,
                "account": inp.account,
                "kind": inp.kind,
            }
        )
        self.night_banner.show_message(self._night_banner_text(entry))
        self.saved_line.hide()
        self.save_draft()
        self.kind.setFocus()

    def _night_banner_text(self, entry: NightLogEntry) -> str:
        who = entry.logged_by or self.tr("夜班")
        return self.tr("正在把夜间值班记录转为案件(%s %s 记录)。请补全性质、类别后保存。") % (
            f"{entry.logged_at:%m-%d %H:%M}",
            who,
        )

    def cancel_night_log(self) -> None:
        self.clear_form()

    # Saving -------------------------------------------------------------------------------
    def save(self) -> Case | None:
        """Register the case; on success the number shows and the form clears for the next."""
        self._draft_timer.stop()
        self.errors.clear()
        self.saved_line.hide()
        inp = self.case_input()
        target = self._merge_target
        entry = self._night_entry
        try:
            with db.atomic():
                if entry is not None:
                    case = self.nightlog.convert(entry, inp, self.actor)
                else:
                    case = self.cases.create(inp, self.actor)
                if target is not None:
                    self.cases.merge(case, self.cases.get(target.id), self.actor)
        except ValidationError as exc:
            problems = dict(exc.problems)
            if not inp.category and "类别" in problems:
                problems["类别"] = self.tr("请选择类别")
            self.errors.show(problems)
            self.save_draft()
            return None
        except UserError as exc:
            self.general_error.set_error(str(exc))
            self.save_draft()
            return None
        message = self.tr("已登记 %s") % case.number
        if target is not None:
            message += self.tr(",并已并入 %s") % target.number
        if entry is not None:
            message += self.tr("(由夜间值班记录转入)")
        self.clear_form()
        self.saved_line.show_message("✔ " + message)
        self.case_saved.emit(case.id)
        return case

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush_draft()
        super().closeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        # Leaving the page (or the program) keeps what was typed at once, not in 400 ms.
        self.flush_draft()
        super().hideEvent(event)

    def flush_draft(self) -> None:
        if self._draft_timer.isActive():
            self.save_draft()

    def showEvent(self, event: QShowEvent) -> None:
        # A page left open since morning: a fresh form takes the time it is used.
        if self.is_blank() and not self._loading:
            self._loading = True
            self.received.setDateTime(_to_qdatetime(self.cases.clock.now()))
            self._loading = False
            self._update_deadlines()
        super().showEvent(event)


class _TextBox(QPlainTextEdit):
    """A multi-line field that asks for a few lines and grows with the space it is given."""

    def __init__(self, lines: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines = lines
        self.setTabChangesFocus(True)

    def sizeHint(self) -> QSize:
        height = self.fontMetrics().lineSpacing() * self._lines + 12
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.fontMetrics().lineSpacing() * 2 + 12)


def _set_combo_text(combo: QComboBox, text: object) -> None:
    if text:
        index = combo.findText(str(text))
        if index >= 0:
            combo.setCurrentIndex(index)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
