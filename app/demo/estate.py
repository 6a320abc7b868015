"""The demo's estate: buildings, units and rooms, owners, tenants and shops (written in bulk,
each row with its 新建 audit entry)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from app import audit
from app.demo.people import SHOP_NAMES, People
from app.models import Owner, Room, db

SHOP_BUILDING = "S"  # 商铺; room labels must stay letters and digits (S-105)


# The estate ------------------------------------------------------------------------------
@dataclass
class Occupant:
    room_id: int
    label: str
    building: str
    unit: str
    number: str
    name: str
    phone: str
    kind: str  # 业主/租户/商户


@dataclass
class Estate:
    buildings: list[str]
    residential: list[tuple[str, str, str]] = field(default_factory=list)
    shops: list[tuple[str, str, str]] = field(default_factory=list)
    occupants: list[Occupant] = field(default_factory=list)


def build_estate(rng: random.Random, people: People, scale: float, now: dt.datetime) -> Estate:
    """Rooms, owners, tenants and shops, written in bulk (there is no per-room rule to obey)."""
    n_buildings = max(2, round(12 * scale))
    estate = Estate([str(b) for b in range(1, n_buildings + 1)])
    for b in estate.buildings:
        units = rng.choice([2, 2, 3])
        per_floor = rng.choice([2, 3, 3, 4])
        for u in range(1, units + 1):
            for floor in range(1, 19):
                for pos in range(1, per_floor + 1):
                    estate.residential.append((b, str(u), f"{floor}{pos:02d}"))
    for i in range(max(4, round(20 * scale))):
        estate.shops.append((SHOP_BUILDING, "", f"{101 + i}"))
    with db.atomic():
        rows = [{"building": b, "unit": u, "number": n} for b, u, n in estate.residential + estate.shops]
        last_room = audit.last_id(Room)
        for chunk in _chunks(rows, 300):
            Room.insert_many(chunk).execute()
        audit.record_created_after(Room, last_room)  # bulk inserts pass by AuditedModel.save
        room_ids = {(r.building, r.unit, r.number): r.id for r in Room.select()}
        # Buildings were handed over between 2016 and 2019; people moved in since.
        handover = {
            b: dt.date(2016 + i % 4, rng.choice([3, 6, 9, 12]), 28) for i, b in enumerate(estate.buildings)
        }
        owners: list[dict[str, object]] = []
        for key in estate.residential:
            if rng.random() > 0.93:
                continue  # empty or unsold
            owners.extend(_household(rng, people, room_ids[key], key, handover[key[0]], now, estate))
        for i, key in enumerate(estate.shops):
            name, female = people.name()
            phone = people.phone()
            owners.append(
                dict(
                    room=room_ids[key],
                    name=name,
                    phone=phone,
                    id_number=people.id_number(female, 1960, 1998),
                    occupant_type="商户",
                    move_in=dt.date(2019, 5, 1) + dt.timedelta(days=rng.randrange(1500)),
                    note=f"经营:{SHOP_NAMES[i % len(SHOP_NAMES)]}",
                )
            )
            estate.occupants.append(Occupant(room_ids[key], f"{key[0]}-{key[2]}", *key, name, phone, "商户"))
        last_owner = audit.last_id(Owner)
        for chunk in _chunks(owners, 200):
            Owner.insert_many(chunk).execute()
        audit.record_created_after(Owner, last_owner)
    return estate


def _household(
    rng: random.Random,
    people: People,
    room_id: int,
    key: tuple[str, str, str],
    handover: dt.date,
    now: dt.datetime,
    estate: Estate,
) -> list[dict[str, object]]:
    label = "-".join(key)
    latest = now.date() - dt.timedelta(days=3)
    move_in = min(latest, handover + dt.timedelta(days=int(rng.expovariate(1 / 500))))
    name, female = people.name()
    phone = people.phone()
    rows: list[dict[str, object]] = []
    rented = rng.random() < 0.15
    rows.append(
        dict(
            room=room_id,
            name=name,
            phone=phone,
            id_number=people.id_number(female),
            occupant_type="业主",
            move_in=move_in,
            note="房屋出租" if rented else "",
        )
    )
    if not rented:
        estate.occupants.append(Occupant(room_id, label, *key, name, phone, "业主"))
        if rng.random() < 0.3:  # the spouse also calls sometimes
            spouse, s_female = people.name(not female)
            s_phone = people.phone()
            rows.append(
                dict(
                    room=room_id,
                    name=spouse,
                    phone=s_phone,
                    id_number=people.id_number(s_female),
                    occupant_type="业主",
                    move_in=move_in,
                    note="家庭成员",
                )
            )
            estate.occupants.append(Occupant(room_id, label, *key, spouse, s_phone, "业主"))
    else:
        t_name, t_female = people.name()
        t_phone = people.phone()
        t_move = min(latest, move_in + dt.timedelta(days=rng.randrange(30, 900)))
        rows.append(
            dict(
                room=room_id,
                name=t_name,
                phone=t_phone,
                id_number=people.id_number(t_female, 1970, 2003),
                occupant_type="租户",
                move_in=t_move,
                note="租期一年",
            )
        )
        estate.occupants.append(Occupant(room_id, label, *key, t_name, t_phone, "租户"))
    return rows


def _chunks(items: Sequence[Mapping[str, object]], size: int) -> list[Sequence[Mapping[str, object]]]:
    return [items[i : i + size] for i in range(0, len(items), size)]
