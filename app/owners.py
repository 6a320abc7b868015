"""Rooms and their occupants: the room picker's suggestions and the caller lookup."""

from __future__ import annotations

from dataclasses import dataclass

import peewee as pw

from app.models import Owner, Room


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
            query = query.where(Owner.phone.contains(text))
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

    def room_count(self) -> int:
        return Room.select().count()
