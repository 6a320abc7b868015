"""Rooms typed as ranges (楼栋 1–12, 单元 1–3, 房号 101–1804), for the first-run wizard.

Each part of a room stays letters and digits (at most 10), so every label made here is
read back by `app.validation.parse_room`. A room range whose ends have three or more
digits is read as floors × rooms per floor: 101–1804 is floors 1–18, rooms 01–04 on each
(101, 102, 103, 104, 201 … 1804); a leading zero (0101–1804) keeps four digits. Shorter
ranges (1–6, S1–S12) are plain sequences. Lists mix both: "101-1804, 1901-1902".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from peewee import chunked

from app import audit
from app.errors import ValidationError
from app.i18n import N_, tr
from app.models import Room, db
from app.validation import clean_text

MAX_ROOMS = 50_000
_PART = re.compile(r"[0-9A-Za-z]{1,10}")
_LIST_SEPARATORS = re.compile(r"[,,、;;\s]+")
_DASH = r"(?:-|－|–|—|~|～|至|到)"
_RANGE = re.compile(rf"^(.*?){_DASH}(.*)$")
_SPACED_DASH = re.compile(rf"\s*({_DASH})\s*")
_PREFIXED = re.compile(r"^([A-Za-z]*)(\d+)$")
_SUFFIXES = {
    "楼栋": re.compile(r"(栋|幢|号楼|座|楼)$"),
    "单元": re.compile(r"(单元)$"),
    "房号": re.compile(r"(室|号)$"),
}


def _strip(text: str, field: str) -> str:
    return _SUFFIXES[field].sub("", text.strip())


def _check_part(text: str, field: str) -> str:
    if not _PART.fullmatch(text):
        raise ValidationError(
            {field: tr("“{text}”只能是字母或数字(最多 10 位),例如 S1 代替“商铺1”", text=text[:20])}
        )
    return text


def _sequence(start: str, end: str, field: str) -> list[str]:
    """S1–S12, 1–12, 01–12, A–D: a run of numbers (with a common letter prefix) or letters."""
    if len(start) == 1 and len(end) == 1 and start.isalpha() and end.isalpha():
        if start.isupper() != end.isupper() or start > end:
            raise ValidationError(
                {field: tr("“{start}–{end}”起止不对,字母应从小到大且大小写一致", start=start, end=end)}
            )
        return [chr(c) for c in range(ord(start), ord(end) + 1)]
    a, b = _PREFIXED.match(start), _PREFIXED.match(end)
    if not a or not b or a.group(1) != b.group(1):
        raise ValidationError(
            {
                field: tr(
                    "“{start}–{end}”不是一个范围,起止应同为数字(可带相同字母前缀,如 S1–S12)",
                    start=start,
                    end=end,
                )
            }
        )
    prefix, first, last = a.group(1), int(a.group(2)), int(b.group(2))
    if first > last:
        raise ValidationError({field: tr("“{start}–{end}”起止颠倒", start=start, end=end)})
    if last - first >= MAX_ROOMS:
        raise ValidationError(
            {field: tr("“{start}–{end}”太多,超过 {limit} 个", start=start, end=end, limit=f"{MAX_ROOMS:,}")}
        )
    width = len(a.group(2)) if a.group(2).startswith("0") else 0
    return [_check_part(f"{prefix}{n:0{width}d}", field) for n in range(first, last + 1)]


def _floors(start: str, end: str) -> list[str]:
    """101–1804: floors 1–18, rooms 01–04 on every floor."""
    first, last = int(start), int(end)
    floor_a, n_a = divmod(first, 100)
    floor_b, n_b = divmod(last, 100)
    where = f"“{start}–{end}”"
    if floor_a > floor_b:
        raise ValidationError(
            {
                N_("房号"): tr(
                    "{where}楼层起止颠倒({first} 层到 {last} 层)", where=where, first=floor_a, last=floor_b
                )
            }
        )
    if n_a == 0 or n_b == 0:
        raise ValidationError({N_("房号"): tr("{where}每层户号应从 01 起,例如 101–1804", where=where)})
    if n_a > n_b:
        raise ValidationError(
            {
                N_("房号"): tr(
                    "{where}每层户号起止颠倒(第 {first} 户到第 {last} 户);例如 101–1804 表示每层 01–04 户",
                    where=where,
                    first=f"{n_a:02d}",
                    last=f"{n_b:02d}",
                )
            }
        )
    if (floor_b - floor_a + 1) * (n_b - n_a + 1) > MAX_ROOMS:
        raise ValidationError(
            {N_("房号"): tr("{where}太多,超过 {limit} 户", where=where, limit=f"{MAX_ROOMS:,}")}
        )
    width = len(start) if start.startswith("0") else 0
    return [_check_part(f"{floor * 100 + n:0{width}d}", "房号") for floor in range(floor_a, floor_b + 1)
            for n in range(n_a, n_b + 1)]  # fmt: skip


def parse_list(text: str, field: str) -> list[str]:
    """A field's values: "1-12", "1,3,5-7", "A,B,C", "101-1804"; in order, each once.

    `field` is 楼栋, 单元 or 房号 (the key of the reason); only 房号 reads floors × rooms."""
    values: dict[str, None] = {}
    cleaned = _SPACED_DASH.sub(r"\1", clean_text(text))  # "5 - 7" is one range
    for token in _LIST_SEPARATORS.split(cleaned):
        if not token:
            continue
        match = _RANGE.match(token)
        if match:
            start, end = _strip(match.group(1), field), _strip(match.group(2), field)
            if not start or not end:
                raise ValidationError({field: tr("“{text}”缺少起止,应如 1-12", text=token[:20])})
            if field == "房号" and start.isdigit() and end.isdigit() and len(start) >= 3 and len(end) >= 3:
                items = _floors(start, end)
            else:
                items = _sequence(start, end, field)
        else:
            items = [_check_part(_strip(token, field) or token, field)]
        for item in items:
            values[item] = None
        if len(values) > MAX_ROOMS:
            raise ValidationError({field: tr("超过 {limit} 个", limit=f"{MAX_ROOMS:,}")})
    return list(values)


@dataclass(frozen=True)
class RoomPlan:
    """The rooms the three fields describe: every building × every unit × every room."""

    buildings: list[str]
    units: list[str]  # [""] when the property has no units
    numbers: list[str]

    @property
    def count(self) -> int:
        return len(self.buildings) * len(self.units) * len(self.numbers)

    def rooms(self) -> Iterator[tuple[str, str, str]]:
        for building in self.buildings:
            for unit in self.units:
                for number in self.numbers:
                    yield building, unit, number

    def label(self, index: int) -> str:
        per_building = len(self.units) * len(self.numbers)
        b, rest = divmod(index, per_building)
        u, n = divmod(rest, len(self.numbers))
        return room_label((self.buildings[b], self.units[u], self.numbers[n]))

    def sample(self, head: int = 3, tail: int = 1) -> list[str]:
        """The first few labels and the last: 1-1-101, 1-1-102, 1-1-103 … 12-3-1804."""
        if self.count <= head + tail:
            return [self.label(i) for i in range(self.count)]
        return (
            [self.label(i) for i in range(head)]
            + ["…"]
            + [self.label(i) for i in range(self.count - tail, self.count)]
        )

    def describe(self) -> str:
        """将生成 1,728 户:1-1-101、1-1-102、1-1-103 … 12-3-1804"""
        sample = tr("、").join(self.sample()).replace(tr("、") + "…" + tr("、"), " … ")
        return tr("将生成 {count} 户:{sample}", count=f"{self.count:,}", sample=sample)


def room_label(parts: tuple[str, str, str]) -> str:
    return "-".join(p for p in parts if p)


def plan(buildings: str, units: str, numbers: str) -> RoomPlan:
    """Read the three fields; every reason at once, keyed 楼栋 / 单元 / 房号 / 总数."""
    problems: dict[str, str] = {}
    parsed: dict[str, list[str]] = {}
    for field, text in ((N_("楼栋"), buildings), (N_("单元"), units), (N_("房号"), numbers)):
        try:
            parsed[field] = parse_list(text, field)
        except ValidationError as exc:
            problems.update(exc.problems)
            parsed[field] = []
    if "楼栋" not in problems and not parsed["楼栋"]:
        problems[N_("楼栋")] = tr("必须填写,例如 1-12")
    if "房号" not in problems and not parsed["房号"]:
        problems[N_("房号")] = tr("必须填写,例如 101-1804(1 至 18 层,每层 01 至 04 户)")
    if problems:
        raise ValidationError(problems)
    result = RoomPlan(parsed["楼栋"], parsed["单元"] or [""], parsed["房号"])
    if result.count > MAX_ROOMS:
        raise ValidationError(
            {
                N_("总数"): tr(
                    "共 {count} 户,超过 {limit} 户的上限,请检查范围是否写错(例如多写了一位)",
                    count=f"{result.count:,}",
                    limit=f"{MAX_ROOMS:,}",
                )
            }
        )
    return result


def preview(buildings: str, units: str, numbers: str) -> RoomPlan:
    """As `plan`: the count and `describe()` for the live preview; raises with the reasons."""
    return plan(buildings, units, numbers)


def create_rooms(buildings: str, units: str, numbers: str) -> tuple[int, int]:
    """Insert the rooms in one transaction, skipping those already on file: (created, skipped)."""
    wanted = plan(buildings, units, numbers)
    with db.atomic():
        existing: set[tuple[str, str, str]] = set()
        for names in chunked(wanted.buildings, 500):
            query = Room.select(Room.building, Room.unit, Room.number).where(Room.building.in_(names))
            existing.update((room.building, room.unit, room.number) for room in query)
        rows = [
            {"building": b, "unit": u, "number": n} for b, u, n in wanted.rooms() if (b, u, n) not in existing
        ]
        last = audit.last_id(Room)
        for batch in chunked(rows, 300):  # 3 values a row, under SQLite's 999 variables
            Room.insert_many(batch).execute()
        # insert_many passes by AuditedModel.save: each room gets its 新建 entry here.
        audit.record_created_after(Room, last)
    return len(rows), wanted.count - len(rows)
