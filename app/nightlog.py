"""夜间值班记录: calls taken at night, turned into cases by the day clerk in one step."""

from __future__ import annotations

import datetime as dt

from app.cases import CaseInput, CaseService
from app.clock import Clock
from app.errors import UserError, ValidationError
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
            problems["内容"] = "必须填写"
        elif reason := check_length(content, MAX_TEXT):
            problems["内容"] = reason
        try:
            phone = normalise_phone(phone)
        except ValueError as exc:
            problems["电话"] = str(exc)
        room_obj = None
        if clean_text(room):
            try:
                b, u, r = parse_room(room)
                room_obj, _ = Room.get_or_create(building=b, unit=u, number=r)
            except ValueError as exc:
                problems["房号"] = str(exc)
        if problems:
            raise ValidationError(problems)
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
        require(actor, "nightlog.convert")
        if entry.case is not None:
            raise UserError(f"这条值班记录已转为案件 {entry.case.number}")
        with db.atomic():
            case = self.cases.create(inp, actor)
            entry.case = case
            entry.save()
        return case
