"""夜间值班记录: calls taken at night, turned into cases by the day clerk in one step."""

from __future__ import annotations

import datetime as dt

from app.cases import CaseInput, CaseService
from app.clock import Clock
from app.errors import ValidationError
from app.i18n import N_, tr
from app.models import Case, NightLogEntry, Room, Staff, db
from app.permissions import require
from app.validation import MAX_TEXT, check_length, clean_text, normalise_phone, parse_room


class NightLogService:
    def __init__(self, clock: Clock, cases: CaseService) -> None:
        self.clock = clock
        self.cases = cases

    def add(
        self,
        content: str,
        caller: str = "",
        phone: str = "",
        room: str = "",
        action_taken: str = "",
        logged_by: str = "",
        at: dt.datetime | None = None,
    ) -> NightLogEntry:
        require(None, "nightlog.add")
        problems: dict[str, str] = {}
        content = clean_text(content)
        if not content:
            problems[N_("内容")] = tr("必须填写")
        elif reason := check_length(content, MAX_TEXT):
            problems[N_("内容")] = reason
        try:
            phone = normalise_phone(phone)
        except ValueError as exc:
            problems[N_("电话")] = str(exc)
        if at is not None and at > self.clock.now() + dt.timedelta(minutes=10):
            problems[N_("时间")] = tr("不能晚于现在")
        place: tuple[str, str, str] | None = None
        if clean_text(room):
            try:
                place = parse_room(room)
            except ValueError as exc:
                problems[N_("房号")] = str(exc)
        if problems:
            raise ValidationError(problems)
        # Only a whole entry writes anything: a refused one leaves no new room behind.
        with db.atomic():
            room_obj = None
            if place is not None:
                b, u, r = place
                room_obj, _ = Room.get_or_create(building=b, unit=u, number=r)
            return NightLogEntry.create(
                logged_at=at or self.clock.now(),
                caller=clean_text(caller)[:40],
                phone=phone,
                room=room_obj,
                content=content,
                action_taken=clean_text(action_taken),
                logged_by=clean_text(logged_by)[:40],
            )

    def pending(self) -> list[NightLogEntry]:
        """Entries not yet carried into a case, oldest first."""
        return list(
            NightLogEntry.select().where(NightLogEntry.case.is_null()).order_by(NightLogEntry.logged_at)
        )

    def recent(self, days: int = 7) -> list[NightLogEntry]:
        since = self.clock.now() - dt.timedelta(days=days)
        return list(
            NightLogEntry.select()
            .where(NightLogEntry.logged_at >= since)
            .order_by(NightLogEntry.logged_at.desc())
        )

    def as_input(self, entry: NightLogEntry) -> CaseInput:
        """The intake form pre-filled from a night-log entry, for the clerk to complete."""
        account = entry.content
        if entry.action_taken:
            account += f"\n(夜班已处置:{entry.action_taken})"
        return CaseInput(
            account=account,
            received_at=entry.logged_at,
            channel="夜间值班",
            room=entry.room.label if entry.room is not None else "",
            customer_name=entry.caller,
            customer_phone=entry.phone,
        )

    def convert(self, entry: NightLogEntry, inp: CaseInput, actor: Staff | None = None) -> Case:
        """Turn the entry into a case (one step); the entry remembers which."""
        case = self.cases.register(inp, actor, night_entry_id=entry.id)
        entry.case = case  # the caller's copy says so too
        return case

    def pending_entry(self, entry_id: int) -> NightLogEntry | None:
        """The entry with this id while it is not yet a case (a draft of the intake form
        remembers which entry it was converting); None once converted or gone."""
        entry = NightLogEntry.get_or_none(NightLogEntry.id == entry_id)
        return entry if entry is not None and entry.case_id is None else None
