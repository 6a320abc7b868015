"""受理登记: the intake page's flow. A clerk takes a call or a visit and records it at once.

Keyboard first (Tab follows the visual order, Ctrl+S or Ctrl+Enter saves); beside the form
the room's history, the likely duplicates (同一问题多次投诉应作一次记录) and the deadlines
the policy gives. What is typed is kept as a draft a moment after each change. Saving is one
call to `CaseService.register`, which takes the case in (from a night-log entry when it came
from one, merged into a chosen duplicate) in its own transaction.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent, QShowEvent
from PySide6.QtWidgets import QPushButton, QWidget

from app.cases import CaseService, owner_resolve_due
from app.cases.intake import contain_due
from app.drafts import DraftStore
from app.errors import UserError, ValidationError
from app.nightlog import NightLogService
from app.owners import OwnerService, RoomSuggestion
from app.staff import StaffService
from app.validation import normalise_phone, parse_room
from ui.i18n import deadline_lines
from ui.intake.view import DATETIME_FORMAT, IntakeView
from ui.room_picker import occupant_name
from ui.widgets import from_qdatetime, stored_word, to_qdatetime

if TYPE_CHECKING:
    from app.models import Case, NightLogEntry, Staff

DRAFT_DELAY_MS = 400


class IntakeForm(IntakeView):
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
        policy = cases.policy()
        departments = [d.name for d in staff.departments()]
        super().__init__(
            owners, policy.channels, policy.categories, departments, actor.name, parent, policy.subcategories
        )
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
        self._looked_up_phone = ""
        self._loading = False  # while the form is filled by code: no draft, no lookups
        self._contain_suggested = False  # 需先行处置 ticked by choosing 紧急, not by the clerk

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)

        self._connect()
        self._loading = True
        self._reset_fields(keep_channel=False)
        self._loading = False
        self._update_deadlines()
        self._restore_draft()

    def _connect(self) -> None:
        for edit in (self.room, self.phone, self.name, self.event_place, self.party):
            edit.textChanged.connect(self._changed)
        for text in (self.account, self.request):
            text.textChanged.connect(self._changed)
        for combo in (self.channel, self.validity, self.urgency, self.department):
            combo.currentIndexChanged.connect(self._changed)
        self.urgency.currentIndexChanged.connect(self._urgency_changed)
        self.contain.toggled.connect(self._changed)
        self.contain.toggled.connect(self._update_deadlines)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.severity.currentIndexChanged.connect(self._deadline_input_changed)
        self.received.dateTimeChanged.connect(self._deadline_input_changed)
        self.category.currentIndexChanged.connect(self._category_changed)
        self.subcategory.editTextChanged.connect(self._changed)
        self.event_time.dateTimeChanged.connect(self._changed)
        self.event_known.toggled.connect(self._event_known_toggled)
        self.requested_known.toggled.connect(self._requested_toggled)
        self.requested.dateChanged.connect(self._deadline_input_changed)
        self.written_reply.toggled.connect(self._changed)
        self.large_loss.toggled.connect(self._changed)
        self.contract_known.toggled.connect(self._changed)  # 特约服务合同期 kept in the draft (H23)
        self.contract_start.dateChanged.connect(self._changed)
        self.contract_end.dateChanged.connect(self._changed)
        self.anonymous.toggled.connect(self._anonymous_toggled)
        self.room.editingFinished.connect(self._room_finished)
        self.room.suggestion_picked.connect(self._suggestion_picked)
        self.phone.textEdited.connect(self._phone_edited)
        self.phone.editingFinished.connect(self._phone_finished)
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.clear_form)
        self.draft_clear_button.clicked.connect(self.clear_form)
        self.night_cancel_button.clicked.connect(self.cancel_night_log)
        for shortcut in self.save_shortcuts:
            shortcut.activated.connect(self.save)

    # Reacting to the clerk --------------------------------------------------------------
    def _changed(self, *_: object) -> None:
        if self._loading:
            return
        self.saved_line.hide()
        self._draft_timer.start()

    def _urgency_changed(self) -> None:
        """需先行处置 suggested (ticked) for an urgent case; the clerk may untick it, and may tick
        it on any case. Only a tick this suggested goes when the urgency goes back."""
        if self._loading:
            return
        urgent = stored_word(self.urgency) == "紧急"
        if urgent and not self.contain.isChecked():
            self.contain.setChecked(True)
            self._contain_suggested = True
        elif not urgent and self._contain_suggested:
            self.contain.setChecked(False)
        if not urgent:
            self._contain_suggested = False

    def _kind_changed(self) -> None:
        complaint = stored_word(self.kind) == "投诉"
        if not complaint:
            self.validity.setCurrentIndex(0)
            self.requested_known.setChecked(False)
            self.written_reply.setChecked(False)
            self.large_loss.setChecked(False)
        self.validity.setEnabled(complaint)
        self.requested_known.setEnabled(complaint)
        self.written_reply.setEnabled(complaint)
        self.large_loss.setEnabled(complaint)  # 业主损失较大: complaints only (H24)
        service = stored_word(self.kind) == "特约服务"  # contract dates: special services only (H23)
        if not service:
            self.contract_known.setChecked(False)
        self.contract_known.setEnabled(service)
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
        kind, severity = stored_word(self.kind), stored_word(self.severity)
        deadlines = self.cases.deadlines_for(kind, severity, from_qdatetime(self.received.dateTime()))
        requested = self.requested_date()
        note = ""
        if requested is not None:
            due, by_owner = owner_resolve_due(
                self.cases.policy(), kind, severity, requested, deadlines.resolve_due
            )
            if by_owner:  # the 办结 line shows the owner's date, said so below
                deadlines = replace(deadlines, resolve_due=due)
                note = self.tr("办结按业主要求的时间:{0} 前").format(f"{due:%Y-%m-%d %H:%M}")
            elif severity != "轻微":
                note = self.tr("业主要求的时间只用于轻微投诉,此件按制度期限")
        provisional = ""
        if deadlines.provisional_years:
            years = "、".join(str(y) for y in deadlines.provisional_years)
            provisional = self.tr(
                "期限落在 {0} 年:该年国务院放假安排尚未录入,暂按法定节日推算(暂定)。"
                "安排公布后请在“设置 → 节假日”载入,期限会自动重算。"
            ).format(years)
        lines = deadline_lines(deadlines) + ([note] if note else [])
        if self.contain.isChecked():  # 先行处置 (H21): clock hours after receipt
            contain_by = contain_due(self.cases.policy(), from_qdatetime(self.received.dateTime()), True)
            if contain_by is not None:
                lines.insert(0, self.tr("先行处置 {0} 前").format(f"{contain_by:%m-%d %H:%M}"))
        self.side.show_deadlines(lines, provisional)

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
            self.show_lookup(self.tr("号码 %s 不在业主资料中") % number, found=False)
            return
        room_label = owner.room.label if owner.room is not None else ""
        if not self.name.text().strip():
            self.name.setText(owner.name)
        if room_label and not self.room.text().strip():
            self.room.setText(room_label)
            self.errors.set("房号", None)
        self.errors.set("客户", None)
        who = " ".join(p for p in (room_label, owner.name) if p)
        self.show_lookup(self.tr("来电号码属于 %s") % who, found=True)
        self.refresh_side()

    # The side panel -------------------------------------------------------------------
    def refresh_side(self) -> None:
        """Room history and likely duplicates for what the form now says."""
        room = self.room.text().strip()
        self.side.show_history(room, self.cases.room_history(room) if room else [])
        phone = "" if self.anonymous.isChecked() else self.phone.text()
        category = stored_word(self.category)
        self._duplicates = self.cases.duplicates(room, category, phone) if category else []
        if self._merge_target is not None and self._merge_target.id not in {c.id for c in self._duplicates}:
            self._merge_target = None
        self.side.show_duplicates(self._duplicates, self._merge_target_id(), self._choose_merge)
        if self._duplicates:
            self._show_merge_choice()

    def _merge_target_id(self) -> int | None:
        return self._merge_target.id if self._merge_target is not None else None

    def _choose_merge(self, case: Case, checked: bool) -> None:
        self._merge_target = case if checked else None
        self._show_merge_choice()

    def _show_merge_choice(self) -> None:
        target = self._merge_target
        self.side.show_merge_choice(self._merge_target_id(), target.number if target is not None else "")

    def merge_buttons(self) -> dict[int, QPushButton]:
        return dict(self.side.merge_buttons)

    # Values -------------------------------------------------------------------------------
    def form_data(self) -> dict[str, Any]:
        """The form as a draft: plain values, and the night-log entry being converted."""
        data = self.field_values()
        data["night_log_id"] = self._night_entry.id if self._night_entry is not None else None
        return data

    def is_blank(self) -> bool:
        """Nothing typed yet (the channel and the time are always set)."""
        return self.fields_blank() and self._night_entry is None

    def _apply(self, data: dict[str, Any]) -> None:
        """Fill the form from a draft or a night-log entry."""
        self._loading = True
        try:
            self.fill_fields(data)
        finally:
            self._loading = False
        self._looked_up_phone = ""
        self._update_deadlines()
        self.refresh_side()

    def _reset_fields(self, keep_channel: bool) -> None:
        self.reset_fields(to_qdatetime(self.cases.clock.now()), keep_channel)
        self._merge_target = None
        self._looked_up_phone = ""

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
            entry = self.nightlog.pending_entry(int(entry_id))
            if entry is not None:
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
                "received_at": to_qdatetime(received).toString(DATETIME_FORMAT),
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
            case = self.cases.register(
                inp,
                self.actor,
                merge_into=target.id if target is not None else None,
                night_entry_id=entry.id if entry is not None else None,
            )
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
            self.received.setDateTime(to_qdatetime(self.cases.clock.now()))
            self._loading = False
            self._update_deadlines()
        super().showEvent(event)
