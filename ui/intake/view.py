"""The intake page's widgets: the form (来源与客户, 事项, 经过与要求), its error lines, the
bottom bar, the side panel, the tab order, and the form's values read and written. No
services here: what the lists offer is given to the constructor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import domain
from app.cases import CaseInput
from app.i18n import term
from app.owners import OwnerService
from ui.intake.side import IntakeSide
from ui.palette import HEADING_TEXT, LINE, LINK_BLUE, MUTED_TEXT, OK_TEXT, PANEL_BG, WARN_BORDER, WARN_CARD_BG
from ui.palette import NEARLY_DUE_BG as DUP_BG
from ui.palette import NEARLY_DUE_TEXT as DUP_TEXT
from ui.room_picker import RoomPicker
from ui.widgets import (
    INVALID_STYLE,
    Banner,
    ErrorLabel,
    FieldErrors,
    add_words,
    fit_combo,
    from_qdate,
    from_qdatetime,
    select_word,
    stored_word,
)

DATETIME_FORMAT = "yyyy-MM-dd HH:mm"
QDATE_FORMAT = "yyyy-MM-dd"

# The draft's fields: what the form holds, as plain JSON values.
TEXT_FIELDS = ("room", "customer_name", "customer_phone", "event_place", "party", "account", "request")

PAGE_STYLE = (
    INVALID_STYLE + f" QLabel#sectionTitle {{ font-weight: bold; color: {HEADING_TEXT}; padding-top: 4px; }}"
    " QLabel#pageTitle { font-size: 15pt; font-weight: bold; }"
    f" QLabel#pageHint {{ color: {MUTED_TEXT}; }}"
    f" QLabel#lookupNote {{ color: {LINK_BLUE}; }}"
    f' QLabel#lookupNote[found="false"] {{ color: {MUTED_TEXT}; }}'
    f" QLabel#savedLine {{ color: {OK_TEXT}; font-weight: bold; }}"
    f" QFrame#sideBox {{ background: {PANEL_BG}; border: 1px solid {LINE}; border-radius: 4px; }}"
    " QFrame#sideBox QLabel { background: transparent; }"
    f" QLabel#sideTitle {{ font-weight: bold; color: {HEADING_TEXT}; }}"
    f" QLabel#sideHint {{ color: {MUTED_TEXT}; }}"
    f" QFrame#dupBox {{ background: {DUP_BG}; border: 1px solid {WARN_BORDER}; border-radius: 4px; }}"
    f" QFrame#dupBox QLabel {{ background: transparent; color: {DUP_TEXT}; }}"
    f" QFrame#dupRow {{ background: {WARN_CARD_BG}; border: 1px solid {WARN_BORDER}; border-radius: 3px; }}"
    " QPushButton#saveButton { font-weight: bold; padding: 5px 22px; }"
)


class IntakeView(QWidget):
    """The 受理登记 page's widgets and the form's values; `IntakeForm` adds the flow."""

    def __init__(
        self,
        owners: OwnerService,
        channels: Sequence[str],
        categories: Sequence[str],
        departments: Sequence[str],
        clerk: str,
        parent: QWidget | None = None,
        subcategories: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("intakeForm")
        self._subcategories = {k: list(v) for k, v in (subcategories or {}).items()}  # 类别 -> 细类
        self.setStyleSheet(PAGE_STYLE)
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
        hint = QLabel(self.tr("登记人:%s    Ctrl+S 或 Ctrl+Enter 保存") % clerk, left)
        hint.setObjectName("pageHint")
        title_row.addWidget(title)
        title_row.addStretch(1)
        title_row.addWidget(hint, 0, Qt.AlignmentFlag.AlignBottom)
        left_layout.addLayout(title_row)

        self.night_banner = Banner("warn", left)
        self.night_cancel_button = self.night_banner.add_button(self.tr("放弃转换"), lambda: None)
        left_layout.addWidget(self.night_banner)
        self.draft_banner = Banner("info", left)
        self.draft_clear_button = self.draft_banner.add_button(self.tr("清空"), lambda: None)
        left_layout.addWidget(self.draft_banner)

        scroll = QScrollArea(left)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(scroll)
        scroll.setWidget(body)
        left_layout.addWidget(scroll, 1)
        self._build_fields(body, owners, channels, categories, departments)

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
        self.side = IntakeSide(self)
        outer.addWidget(self.side, 0)

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
            ("细类", self.subcategory),
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
        self.errors.bind("合同日期", self._error_labels["合同日期"], self.contract_known)  # H23
        self.errors.bind("合同结束日期", self._error_labels["合同日期"], self.contract_end)

        self.save_shortcuts = []
        for seq in (QKeySequence.StandardKey.Save, QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")):
            shortcut = QShortcut(seq, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.save_shortcuts.append(shortcut)

        self._set_tab_order()

    def _build_fields(
        self,
        body: QWidget,
        owners: OwnerService,
        channels: Sequence[str],
        categories: Sequence[str],
        departments: Sequence[str],
    ) -> None:
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

        # 来电人 who ---------------------------------------------------------------------
        self._section(self.tr("来源与客户"))
        self.channel = QComboBox(body)
        add_words(self.channel, channels)
        self.received = QDateTimeEdit(body)
        self.received.setDisplayFormat(DATETIME_FORMAT)
        self.received.setCalendarPopup(True)
        self._pair(("渠道", self.tr("渠道"), self.channel), ("受理时间", self.tr("受理时间"), self.received))

        self.room = RoomPicker(owners, body)
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
        add_words(self.kind, domain.KINDS)
        self.validity = QComboBox(body)
        self.validity.addItem(self.tr("(暂不判定)"), None)
        for key in domain.VALIDITIES:
            self.validity.addItem(term(domain.VALIDITY_LABELS[key]), key)
        self._pair(("性质", self.tr("性质"), self.kind), ("有效性", self.tr("有效性"), self.validity))

        self.severity = QComboBox(body)
        add_words(self.severity, domain.SEVERITIES)
        self.urgency = QComboBox(body)
        add_words(self.urgency, domain.URGENCIES, "urgency")
        # 需先行处置 (H21): beside the urgency it goes with; ticked for 紧急, any case may be marked.
        urgency_box = QWidget(body)
        urgency_layout = QHBoxLayout(urgency_box)
        urgency_layout.setContentsMargins(0, 0, 0, 0)
        urgency_layout.setSpacing(8)
        self.contain = QCheckBox(self.tr("需先行处置"), urgency_box)
        self.contain.setToolTip(
            self.tr(
                "正在损害业主的(漏水、困梯、停电等)先制止损害、记录先行处置,再办理;期限按制度(默认 2 小时)"
            )
        )
        urgency_layout.addWidget(self.urgency, 1)
        urgency_layout.addWidget(self.contain)
        self._pair(("程度", self.tr("程度"), self.severity), ("紧急程度", self.tr("紧急程度"), urgency_box))

        self.category = QComboBox(body)
        add_words(self.category, categories)
        self.category.setPlaceholderText(self.tr("请选择类别"))
        # 细类 (H25): the chosen category's list from the policy, or a new one typed.
        self.subcategory = QComboBox(body)
        self.subcategory.setEditable(True)
        self.subcategory.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        sub_edit = QLineEdit(self.subcategory)
        sub_edit.setMaxLength(20)
        sub_edit.setPlaceholderText(self.tr("可不填;可选或直接输入"))
        self.subcategory.setLineEdit(sub_edit)
        self.category.currentIndexChanged.connect(self._fill_subcategories)
        self._pair(("类别", self.tr("类别"), self.category), ("细类", self.tr("细类"), self.subcategory))
        self.department = QComboBox(body)
        self.department.addItem(self.tr("(暂不指定)"), "")
        for name in departments:
            self.department.addItem(term(name), name)

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
        party_completer = QCompleter(list(departments), self.party)
        party_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.party.setCompleter(party_completer)
        self._pair(
            ("责任部门", self.tr("责任部门"), self.department),
            ("被投诉部门/人员", self.tr("被投诉部门/人员"), self.party),
        )

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
        # 业主损失较大 (H24, seed 002 第4条): such a complaint is visited by two together.
        self.large_loss = QCheckBox(self.tr("业主损失较大(两人同时回访)"), body)
        self.large_loss.setToolTip(
            self.tr("给业主造成较大经济损失的投诉:按制度由管理处经理与客服主任同时回访")
        )
        flags_box = QWidget(body)
        flags_layout = QHBoxLayout(flags_box)
        flags_layout.setContentsMargins(0, 0, 0, 0)
        flags_layout.setSpacing(12)
        flags_layout.addWidget(self.written_reply)
        flags_layout.addWidget(self.large_loss)
        flags_layout.addStretch(1)
        self._pair(
            ("业主要求的时间", self.tr("业主要求的时间"), requested_box),
            ("只要求书面答复", "", flags_box),
        )
        # 特约服务: the contract's dates, for the visits mid-contract and after it ends (H23).
        contract_box = QWidget(body)
        contract_layout = QHBoxLayout(contract_box)
        contract_layout.setContentsMargins(0, 0, 0, 0)
        contract_layout.setSpacing(6)
        self.contract_known = QCheckBox(self.tr("已签合同"), contract_box)
        self.contract_known.setToolTip(
            self.tr("特约服务按合同中期和期满后回访;合同日期也可以以后在案件中登记")
        )
        self.contract_start = QDateEdit(contract_box)
        self.contract_end = QDateEdit(contract_box)
        for edit in (self.contract_start, self.contract_end):
            edit.setDisplayFormat(QDATE_FORMAT)
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
        self.contract_known.setEnabled(False)  # until the kind is 特约服务
        self.contract_known.toggled.connect(self.contract_start.setEnabled)
        self.contract_known.toggled.connect(self.contract_end.setEnabled)
        contract_layout.addWidget(self.contract_known)
        contract_layout.addWidget(self.contract_start)
        contract_layout.addWidget(QLabel(self.tr("至"), contract_box))
        contract_layout.addWidget(self.contract_end)
        contract_layout.addStretch(1)
        self._wide("合同日期", self.tr("特约服务合同期"), contract_box)

        # 经过与要求 -------------------------------------------------------------------
        self._section(self.tr("经过与要求"))
        self.account = TextBox(5, body)
        self.account.setPlaceholderText(self.tr("客户反映的情况:什么时间、什么地方、发生了什么(必填)"))
        self._wide("内容", self.tr("内容 *"), self.account, stretch=3)
        self.request = TextBox(3, body)
        self.request.setPlaceholderText(self.tr("客户希望怎样解决"))
        self._wide("客户要求", self.tr("客户要求"), self.request, stretch=2)
        for combo in body.findChildren(QComboBox):
            fit_combo(combo)

    def _label(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return label

    def _section(self, text: str) -> None:
        title = QLabel(text)
        title.setObjectName("sectionTitle")
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet(f"color: {LINE};")
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

    def _set_tab_order(self) -> None:
        # A phone call starts at the room (渠道 is 电话 and 受理时间 is now by default): the
        # caller's room, phone and name, then the matter; 渠道 and 受理时间 come last, for the
        # walk-in or the call logged late.
        chain: list[QWidget] = [
            self.room, self.phone, self.name, self.anonymous,
            self.kind, self.validity, self.severity, self.urgency, self.contain, self.category, self.subcategory,
            self.department, self.party, self.event_known, self.event_time, self.event_place,
            self.requested_known, self.requested, self.written_reply, self.large_loss, self.account,
            self.request, self.save_button, self.clear_button, self.channel, self.received,
        ]  # fmt: skip
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _fill_subcategories(self) -> None:
        """The chosen category's 细类 offered. A name typed by hand stays (nothing typed is lost);
        one picked from the previous category's list goes unless the new list has it too."""
        typed = stored_word(self.subcategory)
        picked = typed in self._listed()
        self.subcategory.blockSignals(True)
        self.subcategory.clear()
        add_words(self.subcategory, self._subcategories.get(stored_word(self.category), []))
        self.subcategory.setCurrentIndex(-1)
        self.subcategory.blockSignals(False)
        set_combo_text(self.subcategory, "" if picked and typed not in self._listed() else typed, typed=True)

    def _listed(self) -> list[str]:
        return [str(self.subcategory.itemData(n)) for n in range(self.subcategory.count())]

    # The form's values ----------------------------------------------------------------
    def show_lookup(self, text: str, found: bool) -> None:
        """The line under the caller: whose number it is, or that it is not on file."""
        self.lookup_note.setText(text)
        self.lookup_note.setProperty("found", "true" if found else "false")
        self.lookup_note.style().unpolish(self.lookup_note)
        self.lookup_note.style().polish(self.lookup_note)
        self.lookup_note.show()

    def case_input(self) -> CaseInput:
        """What the form says, as the service takes it."""
        anonymous = self.anonymous.isChecked()
        return CaseInput(
            account=self.account.toPlainText(),
            kind=stored_word(self.kind),
            received_at=from_qdatetime(self.received.dateTime()),
            channel=stored_word(self.channel),
            anonymous=anonymous,
            room=self.room.text(),
            customer_name="" if anonymous else self.name.text(),
            customer_phone="" if anonymous else self.phone.text(),
            validity=self.validity.currentData() if self.validity.isEnabled() else None,
            severity=stored_word(self.severity),
            category=stored_word(self.category),
            subcategory=stored_word(self.subcategory),
            urgency=stored_word(self.urgency),
            event_time=from_qdatetime(self.event_time.dateTime()) if self.event_known.isChecked() else None,
            event_place=self.event_place.text(),
            party=self.party.text(),
            request=self.request.toPlainText(),
            department=self.department.currentData() or "",
            requested_date=self.requested_date(),
            written_reply_only=self.written_reply.isChecked() and self.written_reply.isEnabled(),
            contain_needed=self.contain.isChecked(),
            large_loss=self.large_loss.isChecked() and self.large_loss.isEnabled(),
            contract_start=self.contract_dates()[0],
            contract_end=self.contract_dates()[1],
        )

    def contract_dates(self) -> tuple[dt.date | None, dt.date | None]:
        """特约服务's contract dates when ticked (H23)."""
        if not (self.contract_known.isChecked() and self.contract_known.isEnabled()):
            return None, None
        return from_qdate(self.contract_start.date()), from_qdate(self.contract_end.date())

    def requested_date(self) -> dt.date | None:
        if not (self.requested_known.isChecked() and self.requested_known.isEnabled()):
            return None
        return from_qdate(self.requested.date())

    def field_values(self) -> dict[str, Any]:
        """The fields as plain values (a draft holds them)."""
        return {
            "channel": stored_word(self.channel),
            "received_at": self.received.dateTime().toString(DATETIME_FORMAT),
            "room": self.room.text(),
            "customer_name": self.name.text(),
            "customer_phone": self.phone.text(),
            "anonymous": self.anonymous.isChecked(),
            "kind": stored_word(self.kind),
            "validity": self.validity.currentData(),
            "severity": stored_word(self.severity),
            "urgency": stored_word(self.urgency),
            "category": stored_word(self.category),
            "subcategory": stored_word(self.subcategory),
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
            "contain_needed": self.contain.isChecked(),
            "large_loss": self.large_loss.isChecked(),
            "contract_known": self.contract_known.isChecked(),
            "contract_start": self.contract_start.date().toString(QDATE_FORMAT),
            "contract_end": self.contract_end.date().toString(QDATE_FORMAT),
        }

    def fields_blank(self) -> bool:
        """Nothing typed yet (the channel and the time are always set)."""
        data = self.field_values()
        return (
            not any(data[k].strip() for k in TEXT_FIELDS)
            and not data["anonymous"]
            and not data["event_known"]
            and not data["requested_known"]
            and not data["written_reply_only"]
            and not data["contain_needed"]
            and not data["large_loss"]
            and not data["contract_known"]
            and data["kind"] == domain.KINDS[0]
            and data["validity"] is None
            and data["severity"] == "轻微"
            and data["urgency"] == "一般"
            and not data["category"]
            and not data["subcategory"].strip()
            and not data["department"]
        )

    def fill_fields(self, data: dict[str, Any]) -> None:
        """Fill the fields from plain values (a draft, a night-log entry)."""
        set_combo_text(self.channel, data.get("channel"))
        received = QDateTime.fromString(str(data.get("received_at") or ""), DATETIME_FORMAT)
        if received.isValid():
            self.received.setDateTime(received)
        self.room.setText(str(data.get("room") or ""))
        self.name.setText(str(data.get("customer_name") or ""))
        self.phone.setText(str(data.get("customer_phone") or ""))
        self.anonymous.setChecked(bool(data.get("anonymous")))
        set_combo_text(self.kind, data.get("kind"))
        self.validity.setCurrentIndex(max(0, self.validity.findData(data.get("validity"))))
        set_combo_text(self.severity, data.get("severity"))
        set_combo_text(self.urgency, data.get("urgency"))
        category = str(data.get("category") or "")
        self.category.setCurrentIndex(
            max(self.category.findData(category), self.category.findText(category)) if category else -1
        )
        set_combo_text(self.subcategory, str(data.get("subcategory") or ""), typed=True)
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
        self.contain.setChecked(bool(data.get("contain_needed")))
        self.large_loss.setChecked(bool(data.get("large_loss")))
        for edit, key in ((self.contract_start, "contract_start"), (self.contract_end, "contract_end")):
            day = QDate.fromString(str(data.get(key) or ""), QDATE_FORMAT)
            if day.isValid():
                edit.setDate(day)
        self.contract_known.setChecked(bool(data.get("contract_known")))

    def reset_fields(self, now: QDateTime, keep_channel: bool) -> None:
        """Every field back to its start; the times to `now`."""
        channel = stored_word(self.channel)
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
        self.subcategory.setEditText("")
        self.department.setCurrentIndex(0)
        self.event_known.setChecked(False)
        self.requested_known.setChecked(False)
        self.written_reply.setChecked(False)
        self.large_loss.setChecked(False)
        self.contract_known.setChecked(False)
        self.contract_start.setDate(now.date())
        self.contract_end.setDate(now.date().addMonths(3))
        self.contain.setChecked(False)
        self.received.setDateTime(now)
        self.event_time.setDateTime(now)
        if keep_channel:
            set_combo_text(self.channel, channel)
        else:
            self.channel.setCurrentIndex(0)
        self.lookup_note.hide()


class TextBox(QPlainTextEdit):
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


set_combo_text = select_word  # the stored word of a draft or a night-log entry shown
