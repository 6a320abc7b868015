"""Rooms and their occupants: the room picker's suggestions and the caller lookup."""

from __future__ import annotations

from dataclasses import dataclass

import peewee as pw

from app.models import Owner, Room, Staff
from app.permissions import can
from app.validation import normalise_phone


@dataclass(frozen=True)
class RoomSuggestion:
    label: str  # '3-2-501'
    occupant: str  # '张伟(业主)' or ''
    phone: str

    @property
    def display(self) -> str:
        parts = [self.label]
        if self.occupant:
            parts.append(self.occupant)
        if self.phone:
            parts.append(mask_phone(self.phone))
        return "  ".join(parts)


def mask_phone(phone: str) -> str:
    """138****5678: what lists show of a phone number."""
    if len(phone) == 11 and phone.isdigit():
        return phone[:3] + "****" + phone[7:]
    if len(phone) > 4:
        return phone[:-4].rstrip("-") + "-****" if "-" in phone else phone[:-4] + "****"
    return phone


def whole_phone(text: str) -> str | None:
    """`text` as a whole phone number (an 11-digit mobile, a landline with its area code),
    or None when it is only part of one."""
    try:
        number = normalise_phone(text)
    except ValueError:
        return None
    if len(number) == 11 and number.startswith("1") or "-" in number:
        return number
    return None


def phone_match(field: pw.Field, text: str, person: Staff | None = None) -> pw.Expression:
    """How a search may match phone numbers for `person` (else the person acting).

    Whoever may reveal phones (owner.reveal_phone) finds them by any run of digits; anyone
    else only by the whole number, so that a masked 138****5678 cannot be rebuilt by
    searching its fragments one by one."""
    digits = "".join(ch for ch in text if ch.isdigit())
    if can(person, "owner.reveal_phone"):
        return field.contains(text.strip()) if text.strip() else field.contains(digits)
    whole = whole_phone(text)
    if whole is not None:
        return field == whole
    return pw.Value(0) == pw.Value(1)  # a fragment: matches no phone


class OwnerService:
    def suggest(self, text: str, limit: int = 20) -> list[RoomSuggestion]:
        """Rooms matching what the clerk typed: '3-2-5', a name, or the digits of a phone."""
        text = text.strip()
        if not text:
            return []
        query = Room.select(Room, Owner).join(
            Owner,
            pw.JOIN.LEFT_OUTER,
            on=((Owner.room == Room.id) & (Owner.active == True)),  # noqa: E712
        )
        if text.replace("-", "").isdigit() and len(text.replace("-", "")) >= 4 and "-" not in text:
            query = query.where(phone_match(Owner.phone, text))
        elif any("\u4e00" <= ch <= "\u9fff" for ch in text):
            query = query.where(Owner.name.contains(text))
        else:
            parts = [p for p in text.replace(" ", "-").split("-") if p]
            query = query.where(Room.building == parts[0])
            if len(parts) >= 2:
                query = query.where(
                    (Room.unit == parts[1]) | ((Room.unit == "") & Room.number.startswith(parts[1]))
                )
            if len(parts) >= 3:
                query = query.where(Room.number.startswith(parts[2]))
        query = query.order_by(Room.building, Room.unit, Room.number).limit(limit)
        out = []
        for room in query:
            owner = getattr(room, "owner", None)
            occupant = f"{owner.name}({owner.occupant_type})" if owner and owner.id else ""
            out.append(RoomSuggestion(room.label, occupant, owner.phone if owner and owner.id else ""))
        return out

    def occupants(self, room: Room) -> list[Owner]:
        return list(room.owners.where(Owner.active == True))  # noqa: E712
