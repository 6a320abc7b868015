"""Signatures drawn on screen: the strokes, a rendered PNG, and a hash binding them to the record.

A signature is kept as its strokes (points with time and pressure) so it can be checked
and redrawn, and as a PNG for printing. The SHA-256 covers the strokes and the visit's
key fields: a later change to the record shows the signature no longer matches.
Rendering needs no Qt, so the command line and the self-test can draw one too.
"""

from __future__ import annotations

import hashlib
import json
import math
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

Point = tuple[float, float, int, float]  # x, y (pad pixels), t (ms since the first point), pressure 0..1
Stroke = list[Point]

MIN_POINTS = 8
MIN_EXTENT = 20.0  # pad pixels: a dot or a tiny scratch is not a signature
SIGNER_RELATIONS = ["业主本人", "家属", "租户", "商户", "其他"]


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
        return "没有签名"
    if len(points) < MIN_POINTS:
        return "签名太短(只有一个点或几笔),请重新签"
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    if max(xs) - min(xs) < MIN_EXTENT and max(ys) - min(ys) < MIN_EXTENT:
        return "签名太小,像一个点,请重新签"
    for p in points:
        if not all(math.isfinite(float(v)) for v in p):
            return "签名数据损坏"
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
    """SHA-256 over the strokes and the record's key fields."""
    payload = json.dumps(
        {"strokes": strokes_json, "record": record}, ensure_ascii=False, sort_keys=True, default=str
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


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
