"""Signatures drawn on screen: the strokes, a rendered PNG, and a seal binding them to the record.

A signature is kept as its strokes (points with time and pressure) so it can be checked
and redrawn, and as a PNG for printing. Its seal is an HMAC with a key derived from the office
key (`app.keyring.office_secret("signature")`) over the strokes, the PNG that prints, who
signed and when, and every field the printed 回访记录表 shows (the visit, its case, the room,
the occupant): a copied signature, a replaced picture or a field edited after signing no
longer matches, and without a login the seal cannot be made again.
Rendering needs no Qt, so the command line and the self-test can draw one too.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import struct
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import peewee as pw

from app import keyring
from app.i18n import N_, term, tr
from app.models import AuditEntry, Case, Owner, Room, Signature, Visit, _audit_value, tuple_rows

Point = tuple[float, float, int, float]  # x, y (pad pixels), t (ms since the first point), pressure 0..1
Stroke = list[Point]

MIN_POINTS = 8
MIN_EXTENT = 20.0  # pad pixels: a dot or a tiny scratch is not a signature
SIGNER_RELATIONS = [N_("业主本人"), N_("家属"), N_("租户"), N_("商户"), N_("其他")]


@dataclass(frozen=True)
class SignatureCapture:
    """What the pad hands over: strokes on a pad of the given size, and who signed."""

    strokes: list[Stroke]
    width: int
    height: int
    signer_name: str
    relation: str = "业主本人"


def check_strokes(strokes: Sequence[Sequence[Sequence[float]]]) -> str | None:
    """The reason a drawing is not a signature, or None when it is acceptable."""
    points = [p for s in strokes for p in s]
    if not points:
        return tr("没有签名")
    if len(points) < MIN_POINTS:
        return tr("签名太短(只有一个点或几笔),请重新签")
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    if max(xs) - min(xs) < MIN_EXTENT and max(ys) - min(ys) < MIN_EXTENT:
        return tr("签名太小,像一个点,请重新签")
    for p in points:
        if not all(math.isfinite(float(v)) for v in p):
            return tr("签名数据损坏")
    return None


def canonical_strokes(strokes: Sequence[Sequence[Sequence[float]]]) -> str:
    """The strokes as stable JSON (rounded), the form that is stored and hashed."""
    return json.dumps(
        [
            [[round(float(p[0]), 1), round(float(p[1]), 1), int(p[2]), round(float(p[3]), 3)] for p in s]
            for s in strokes
        ],
        separators=(",", ":"),
    )


def signature_hash(strokes_json: str, record: dict[str, object]) -> str:
    """The unkeyed SHA-256 of versions before 0.3 (strokes and a few fields of the visit): only
    to tell, when a folder is upgraded, which old signatures still matched before re-sealing."""
    payload = json.dumps(
        {"strokes": strokes_json, "record": record}, ensure_ascii=False, sort_keys=True, default=str
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


# What the printed 回访记录表 shows (app/printdata.py visit_form, reports/visit_form.py), by record.
PRINTED_FIELDS: dict[str, tuple[str, ...]] = {
    "visit": (
        "id", "case", "room", "purpose", "attempt", "method", "appointment", "done_at", "satisfaction",
        "findings", "shortcomings", "opinion", "site_checked", "worker_conduct", "charges_checked",
        "visitor", "visitor_name", "met_person", "form_no", "letter", "state",
    ),
    "case": (
        "id", "number", "kind", "severity", "category", "received_at", "resolved_at", "account", "result",
        "customer_name", "customer_phone", "anonymous", "room",
    ),
    "room": ("id", "building", "unit", "number"),
    "owner": ("id", "name", "phone"),  # a visit without a case prints the room's first occupant
}  # fmt: skip
SECTION_WORDS = {"visit": N_("回访"), "case": N_("案件"), "room": N_("房号"), "owner": N_("住户")}
SIGNER_WORDS = {"customer": N_("客户"), "visitor": N_("回访人"), "visitor2": N_("第二回访人")}


def _rows(model: type[pw.Model], section: str, ids: set[int]) -> dict[int, dict[str, str | None]]:
    """The printed fields of these records, as the trail writes values, by id (one query a 500)."""
    names = PRINTED_FIELDS[section]
    columns = [model._meta.fields[name] for name in names]
    out: dict[int, dict[str, str | None]] = {}
    for chunk in pw.chunked(sorted(ids), 500):
        for row in tuple_rows(model.select(*columns).where(model._meta.fields["id"].in_(chunk))):
            out[int(row[0])] = {name: _audit_value(value) for name, value in zip(names, row, strict=True)}
    return out


def printed_records(visit_ids: list[int]) -> dict[int, dict[str, dict[str, str | None]]]:
    """Every field the printed form of each visit shows (app/printdata.py visit_form), read from
    the database, as the audit trail writes values (ids for other records, ISO times,
    True/False); a few queries for many visits."""
    visits = _rows(Visit, "visit", set(visit_ids))
    cases = _rows(Case, "case", {int(v["case"]) for v in visits.values() if v["case"]})
    room_of: dict[int, int | None] = {}
    for visit_id, v in visits.items():
        room = v["room"] or (cases[int(v["case"])]["room"] if v["case"] else None)
        room_of[visit_id] = int(room) if room else None
    rooms = _rows(Room, "room", {r for r in room_of.values() if r})
    # a visit without a case prints the room's first occupant (room.owners.first())
    lone = {room_of[i] for i, v in visits.items() if not v["case"] and room_of[i]}
    first: dict[int, int] = {}
    for chunk in pw.chunked(sorted(r for r in lone if r is not None), 500):
        query = (
            Owner.select(Owner.room, pw.fn.MIN(Owner.id)).where(Owner.room.in_(chunk)).group_by(Owner.room)
        )
        first.update({int(row[0]): int(row[1]) for row in tuple_rows(query)})
    owners = _rows(Owner, "owner", set(first.values()))
    out: dict[int, dict[str, dict[str, str | None]]] = {}
    for visit_id, values in visits.items():
        record = {"visit": values}
        if values["case"]:
            record["case"] = cases[int(values["case"])]
        room_id = room_of[visit_id]
        if room_id and room_id in rooms:
            record["room"] = rooms[room_id]
            if not values["case"] and room_id in first:
                record["owner"] = owners[first[room_id]]
        out[visit_id] = record
    return out


def printed_record(visit_id: int) -> dict[str, dict[str, str | None]]:
    """`printed_records` of one visit."""
    return printed_records([visit_id])[visit_id]


def signature_facts(signature: Signature) -> dict[str, str | None]:
    """The signature's own fields under the seal: which visit, who, as what, when, the pad."""
    return {
        "visit": str(signature.visit_id),
        "signer": signature.signer,
        "signer_name": signature.signer_name,
        "relation": signature.relation,
        "signed_at": _audit_value(signature.signed_at),
        "pad": f"{signature.pad_width}x{signature.pad_height}",
    }


def seal(strokes_json: str, png: bytes, facts: dict[str, str | None], printed: dict[str, Any]) -> str:
    """HMAC-SHA256 with the office's signature key over the strokes, the PNG that prints, the
    signature's own fields and the printed form's fields."""
    payload = json.dumps(
        {
            "strokes": strokes_json,
            "png": hashlib.sha256(bytes(png)).hexdigest(),
            "signature": facts,
            "printed": printed,
        },
        ensure_ascii=False,
        sort_keys=True,
    )
    key = keyring.office_secret("signature")
    return hmac.new(key, payload.encode("utf-8"), hashlib.sha256).hexdigest()


def seal_signature(signature: Signature) -> None:
    """Seal a signature (not yet saved, or re-sealed at an upgrade) over its visit as it is now."""
    printed = printed_record(signature.visit_id)
    signature.sealed = json.dumps(printed, ensure_ascii=False, sort_keys=True)
    signature.sha256 = seal(signature.strokes, bytes(signature.png), signature_facts(signature), printed)


def describe(signature: Signature, printed: dict[str, Any] | None = None) -> str:
    """回访 TS-2026-00012 第 1 次 的客户签名(张伟), for a finding."""
    visit = Visit.get_or_none(Visit.id == signature.visit_id)
    what = tr("回访 {id}", id=signature.visit_id)
    if visit is not None:
        case = Case.get_or_none(Case.id == visit.case_id) if visit.case_id else None
        where = case.number if case is not None else (visit.room.label if visit.room is not None else "")
        what = tr("回访({where} 第 {attempt} 次)", where=where, attempt=visit.attempt) if where else what
    who = term(SIGNER_WORDS.get(signature.signer, signature.signer))
    return tr("{what}的{who}签名({name})", what=what, who=who, name=signature.signer_name)


def _seal_entry(signature: Signature) -> int:
    """The trail entry that recorded the seal (its 新建, or its re-sealing at an upgrade)."""
    found = (
        AuditEntry.select(pw.fn.MAX(AuditEntry.id))
        .where(
            AuditEntry.table == "signature",
            AuditEntry.record_id == str(signature.id),
            AuditEntry.field.in_(["", "sha256"]),
        )
        .scalar()
    )
    return int(found or 0)


def _changed_by_the_program(section: str, record_id: str, field: str, after: int) -> bool:
    """A field of the case, the room or the occupant changed after signing through the program
    (the keyed trail has the change): the printed form shows the new value, honestly."""
    return (
        AuditEntry.select()
        .where(
            AuditEntry.table == section,
            AuditEntry.record_id == record_id,
            AuditEntry.field == field,
            AuditEntry.action == "修改",
            AuditEntry.id > after,
        )
        .exists()
    )


def _shown(field: str, value: Any) -> str:
    """A value in a finding: phones masked as lists show them (the check is no way round 显示)."""
    from app.audit import mask_value  # the audit module does not need this one

    if value is None or value == "":
        return tr("(空)")
    return mask_value(field, {"True": tr("是"), "False": tr("否")}.get(str(value), str(value)))[:60]


def broken_seals(field_words: dict[str, str] | None = None) -> list[str]:
    """Every signature that no longer matches what it was given for, in words (for `check`):
    one streaming pass over the signatures joined to what their forms print (plain rows from
    one cursor, no model object a row, nothing kept but the findings). A signature whose seal
    or printed fields differ is looked at again by `seal_problems`, which words each change."""
    out: list[str] = []
    mac = hmac.new(keyring.office_secret("signature"), digestmod=hashlib.sha256)
    for row, now in _sealed_rows():
        if now is not None and _seal_holds(mac, row) and _same_as_sealed(row[_SEALED], now):
            continue
        signature = Signature.get_or_none(Signature.id == row[0])
        if signature is not None:
            out += seal_problems(signature, field_words, now)
    return out


# The signature's columns the pass reads, in this order (see `_seal_holds`).
_SIGNATURE_COLUMNS = ("id", "visit", "signer", "signer_name", "relation", "signed_at", "pad_width",
                      "pad_height", "strokes", "png", "sealed", "sha256")  # fmt: skip
_SEALED = _SIGNATURE_COLUMNS.index("sealed")
_SECTION_MODELS: dict[str, type[pw.Model]] = {"visit": Visit, "case": Case, "room": Room, "owner": Owner}
Row = tuple[Any, ...]
Printed = dict[str, dict[str, str | None]]


def _datetime_text(field: pw.Field) -> Callable[[Any], str | None]:
    """A stored time as the trail writes it (`_audit_value` of what the model reads): the
    common 'YYYY-MM-DD HH:MM:SS' directly, anything else through the field."""

    def convert(value: Any) -> str | None:
        if type(value) is str and len(value) == 19 and value[10] == " ":
            return f"{value[:10]}T{value[11:]}"
        return _audit_value(field.python_value(value))

    return convert


def _as_trail_writes(field: pw.Field) -> Callable[[Any], str | None] | None:
    """What turns a stored value of the field into its value as the trail writes it (what
    `printed_records` gives); None when the stored text is that already."""
    if isinstance(field, pw.CharField | pw.TextField):
        return None
    if isinstance(field, pw.DateTimeField):
        return _datetime_text(field)
    if isinstance(field, pw.IntegerField | pw.AutoField | pw.ForeignKeyField):
        return str
    python_value = field.python_value
    return lambda value: _audit_value(python_value(value))


def _sealed_query() -> tuple[str, list[tuple[str, int, tuple[str, ...], list[tuple[int, Any]]]]]:
    """The one join `broken_seals` streams: each signature, its visit, the visit's case, the room
    the form prints (the visit's, else the case's) and, for a visit without a case, the room's
    first occupant. Returns the SQL and, per section, where its columns start in a row, their
    names and the conversions some of them need."""
    columns = [f's."{Signature._meta.fields[name].column_name}"' for name in _SIGNATURE_COLUMNS]
    sections = []
    for alias, section in (("v", "visit"), ("c", "case"), ("r", "room"), ("o", "owner")):
        model = _SECTION_MODELS[section]
        names = PRINTED_FIELDS[section]
        fields = [model._meta.fields[name] for name in names]
        converters = [(i, _as_trail_writes(f)) for i, f in enumerate(fields)]
        sections.append((section, len(columns), names, [(i, c) for i, c in converters if c is not None]))
        columns += [f'{alias}."{f.column_name}"' for f in fields]
    signature, visit, case, room, owner = (m._meta.table_name for m in (Signature, Visit, Case, Room, Owner))
    v_case, v_room = Visit.case.column_name, Visit.room.column_name
    sql = (
        f'SELECT {", ".join(columns)} FROM "{signature}" AS s '
        f'LEFT JOIN "{visit}" AS v ON v.id = s."{Signature.visit.column_name}" '
        f'LEFT JOIN "{case}" AS c ON c.id = v."{v_case}" '
        f'LEFT JOIN "{room}" AS r ON r.id = COALESCE(v."{v_room}", c."{Case.room.column_name}") '
        f'LEFT JOIN "{owner}" AS o ON v."{v_case}" IS NULL AND o.id = '
        f'(SELECT MIN(o2.id) FROM "{owner}" AS o2 WHERE o2."{Owner.room.column_name}" = r.id) '
        "ORDER BY s.id"
    )
    return sql, sections


def _sealed_rows() -> Iterator[tuple[Row, Printed | None]]:
    """Every signature's own columns (`_SIGNATURE_COLUMNS`, its time as the trail writes it)
    with its form as printed now (`printed_records`' dict; None when the visit is gone), read
    from one cursor in signature order."""
    sql, sections = _sealed_query()
    signed_at = _datetime_text(Signature.signed_at)
    when = _SIGNATURE_COLUMNS.index("signed_at")
    own = len(_SIGNATURE_COLUMNS)
    cursor = Signature._meta.database.execute_sql(sql)
    try:
        for values in cursor:
            record: Printed = {}
            for section, start, names, converters in sections:
                if values[start] is None:  # no such record (its id is the section's first column)
                    continue
                part = list(values[start : start + len(names)])
                for i, convert in converters:
                    if part[i] is not None:
                        part[i] = convert(part[i])
                record[section] = dict(zip(names, part, strict=True))
            mine = list(values[:own])
            mine[when] = signed_at(mine[when])
            yield tuple(mine), (record if "visit" in record else None)
    finally:
        cursor.close()


# The ASCII bytes JSON writes as they are (a string's quote, backslash and controls it escapes).
_JSON_PLAIN = bytes(range(0x20, 0x7F)).replace(b'"', b"").replace(b"\\", b"")


def _seal_holds(mac: Any, row: Row) -> bool:
    """The seal over the stored fields holds: `seal`'s HMAC (`mac`: a fresh HMAC with the key),
    its payload put together from the stored texts. The sealed record goes in as stored
    (`seal_signature` stores it as `seal` writes it); a record stored in another layout, or
    strokes that JSON would escape, read as not holding here and are looked at again whole."""
    _, visit_id, signer, signer_name, relation, signed_at, width, height, strokes, png, sealed, sha256 = row
    if not sealed or not sha256 or png is None or not isinstance(strokes, str):
        return False
    if not strokes.isascii():
        return False  # JSON would escape something: `seal_problems` computes it as `seal` does
    text = strokes.encode("ascii")
    if text.translate(None, _JSON_PLAIN):  # a byte JSON escapes: a quote, a backslash, a control
        return False
    facts = {"pad": f"{width}x{height}", "relation": relation, "signed_at": signed_at,
             "signer": signer, "signer_name": signer_name, "visit": str(visit_id)}  # fmt: skip
    digest = mac.copy()
    digest.update(f'{{"png": "{hashlib.sha256(png).hexdigest()}", "printed": {sealed}, '.encode())
    digest.update(
        f'"signature": {json.dumps(facts, ensure_ascii=False, sort_keys=True)}, "strokes": "'.encode()
    )
    digest.update(text)
    digest.update(b'"}')
    return hmac.compare_digest(digest.hexdigest(), str(sha256))


def _same_as_sealed(sealed: str, now: Printed) -> bool:
    try:
        return bool(json.loads(sealed) == now)
    except ValueError:
        return False


def seal_problems(
    signature: Signature,
    field_words: dict[str, str] | None = None,
    now: dict[str, dict[str, str | None]] | None = None,
) -> list[str]:
    """Why this signature no longer matches what it was given for, in words ([] when it does);
    `now` is its visit's `printed_record` when the caller read it already."""
    words = field_words or {}
    try:
        printed = json.loads(signature.sealed or "")
    except ValueError:
        printed = None
    if not isinstance(printed, dict) or "visit" not in printed:
        return [tr("{signature}没有密封时的记录,无法核对(签名数据被改动)", signature=describe(signature))]
    expected = seal(signature.strokes, bytes(signature.png), signature_facts(signature), printed)
    if not hmac.compare_digest(expected, signature.sha256 or ""):
        return [
            tr(
                "{signature}的密封值不符:签名笔迹、签名图片、签名人、签名时间或签名时的回访记录被改动,"
                "或者签名是从别的回访复制来的",
                signature=describe(signature),
            )
        ]
    if now is None:
        now = printed_records([signature.visit_id]).get(signature.visit_id)
    if now is None:
        return [tr("{signature}所属的回访已不存在", signature=describe(signature))]
    problems = []
    after: int | None = None
    for section in sorted(set(printed) | set(now)):
        before_values: dict[str, Any] = printed.get(section) or {}
        now_values: dict[str, Any] = now.get(section) or {}
        label = term(SECTION_WORDS.get(section, section))
        if before_values.get("id") != now_values.get("id"):
            problems.append(
                tr(
                    "{signature}签名后,表上的{section}换成了另一条记录",
                    signature=describe(signature),
                    section=label,
                )
            )
            continue
        for field in sorted(set(before_values) | set(now_values)):
            old, new = before_values.get(field), now_values.get(field)
            if old == new:
                continue
            if section != "visit":
                if after is None:
                    after = _seal_entry(signature)
                if _changed_by_the_program(section, str(now_values.get("id")), field, after):
                    continue  # changed later through the program, with who and when in the trail
            what = words.get(field, field)
            problems.append(
                tr(
                    "{signature}签名后,{section}的{field}被改动而没有留下审计记录:签名时为“{old}”,现在为“{new}”",
                    signature=describe(signature),
                    section=label,
                    field=what,
                    old=_shown(field, old),
                    new=_shown(field, new),
                )
                if section != "visit"
                else tr(
                    "{signature}签名后,回访的{field}被改动:签名时为“{old}”,现在为“{new}”",
                    signature=describe(signature),
                    field=what,
                    old=_shown(field, old),
                    new=_shown(field, new),
                )
            )
    return problems


def render_png(
    strokes: Sequence[Sequence[Sequence[float]]],
    width: int,
    height: int,
    out_width: int = 600,
    ink: tuple[int, int, int] = (20, 30, 90),
) -> bytes:
    """The signature as a PNG with a transparent background, scaled to `out_width` pixels."""
    scale = out_width / max(width, 1)
    w, h = out_width, max(1, round(height * scale))
    alpha = bytearray(w * h)
    base = max(1.2, 2.2 * scale * 1.6)

    def dab(cx: float, cy: float, r: float) -> None:
        x0, x1 = max(0, int(cx - r - 1)), min(w - 1, int(cx + r + 1))
        y0, y1 = max(0, int(cy - r - 1)), min(h - 1, int(cy + r + 1))
        for y in range(y0, y1 + 1):
            row = y * w
            dy = y + 0.5 - cy
            for x in range(x0, x1 + 1):
                dx = x + 0.5 - cx
                d = math.sqrt(dx * dx + dy * dy)
                cover = r + 0.5 - d  # a soft edge one pixel wide
                if cover > 0:
                    a = 255 if cover >= 1 else int(255 * cover)
                    if a > alpha[row + x]:
                        alpha[row + x] = a

    for stroke in strokes:
        pts = [(float(p[0]) * scale, float(p[1]) * scale, float(p[3]) if len(p) > 3 else 0.5) for p in stroke]
        if not pts:
            continue
        for (x0, y0, p0), (x1, y1, p1) in zip(pts, pts[1:] + pts[-1:], strict=True):
            steps = max(1, int(math.hypot(x1 - x0, y1 - y0) / 0.7))
            for i in range(steps + 1):
                t = i / steps
                pressure = p0 + (p1 - p0) * t
                dab(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, base * (0.55 + 0.9 * pressure) / 2)

    raw = bytearray()
    r, g, b = ink
    for y in range(h):
        raw.append(0)  # filter: none
        row = alpha[y * w : (y + 1) * w]
        for a in row:
            raw += bytes((r, g, b, a))
    return _png(w, h, bytes(raw))


def _png(w: int, h: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 6))
        + chunk(b"IEND", b"")
    )


def demo_strokes(seed: int = 0, width: int = 600, height: int = 200) -> list[Stroke]:
    """A plausible handwritten-looking scribble, for the demo data and the self-test."""
    import random

    rnd = random.Random(seed)
    strokes: list[Stroke] = []
    t = 0
    x = width * 0.12
    for _ in range(rnd.randint(3, 5)):
        stroke: Stroke = []
        cx, cy = x, height * (0.35 + 0.3 * rnd.random())
        wobble = 0.8 + 0.6 * rnd.random()
        for i in range(rnd.randint(40, 70)):
            angle = i * 0.28 * wobble
            stroke.append(
                (
                    cx + i * 1.4 + 14 * math.cos(angle),
                    cy + 24 * math.sin(angle * 1.3) * (1 - i / 120),
                    t,
                    0.35 + 0.3 * (1 + math.sin(i / 9)) / 2,
                )
            )
            t += 8
        strokes.append(stroke)
        x += width * 0.17
        t += 150
    return strokes


def _legacy_record(signature: Signature) -> dict[str, object]:
    """The few fields the unkeyed hash of versions before 0.3 covered."""
    visit = Visit.get_by_id(signature.visit_id)
    case = Case.get_or_none(Case.id == visit.case_id) if visit.case_id else None
    return {
        "visit": visit.id,
        "case": case.number if case is not None else None,
        "method": visit.method,
        "satisfaction": visit.satisfaction,
        "done_at": visit.done_at.isoformat() if visit.done_at else None,
        "findings": visit.findings,
        "opinion": visit.opinion,
        "signer": signature.signer_name,
        "relation": signature.relation,
        "signed_at": signature.signed_at.isoformat(),
    }


def reseal_all(note: str) -> int:
    """Seal every signature of an upgraded folder with the office's key, once (migration 7),
    over the strokes, the PNG and the printed form as they are now. The trail records each new
    seal (修改 of 校验码), and one entry names the signatures whose old, unkeyed hash no longer
    matched before (they are sealed as found: the old hash could not vouch for them).
    Returns how many were sealed."""
    from app.models import write_audit

    mismatched: list[str] = []
    count = 0
    for signature in list(Signature.select().order_by(Signature.id)):
        if Visit.get_or_none(Visit.id == signature.visit_id) is None:
            continue
        if signature.sha256 != signature_hash(signature.strokes, _legacy_record(signature)):
            mismatched.append(describe(signature))
        seal_signature(signature)
        signature.save()
        count += 1
    if count:
        found = "、".join(mismatched[:20]) + (f" 等 {len(mismatched)} 个" if len(mismatched) > 20 else "")
        write_audit(
            [
                {
                    "action": "重新密封",
                    "table": "signature",
                    "record_id": "全部",
                    "field": "",
                    "old": None,
                    "new": f"{note}:用本服务中心的密钥重新密封了 {count} 个签名。"
                    + (f"密封前已与旧校验码不符的:{found}" if mismatched else "密封前全部与旧校验码相符。"),
                }
            ]
        )
    return count


def seal_unsealed() -> int:
    """Seal the signatures written in bulk past the model (bench/generate.py's rows, with an
    empty `sealed`), as `seal_signature` does, without trail entries: the bulk writer accounts
    for its rows in the trail itself. Returns how many."""
    count = 0
    for signature in list(Signature.select().where(Signature.sealed == "").order_by(Signature.id)):
        seal_signature(signature)
        Signature.update(sealed=signature.sealed, sha256=signature.sha256).where(
            Signature.id == signature.id
        ).execute()
        count += 1
    return count
