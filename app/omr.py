"""Reading pen marks on a printed questionnaire (光标阅读, OMR), with Pillow and zxing-cpp only.

A sheet is described by its `PageGeometry` (millimetres from the page's top-left corner): four
solid corner marks, one QR code, rows of check boxes and areas written by hand. Reading a
scanned page goes:

1. the QR code is found with zxing-cpp, which also gives its four corners on the picture,
   whatever the page's rotation (upside down included);
2. the code's corners give a first mapping from the page to the picture; the corner marks are
   searched near where it puts them, nearest first, the mapping refitted after each one found
   (so a phone photo's perspective is followed across the page); with all four marks the
   mapping is a full perspective, with two or three an affine one, with fewer the page is not
   straightened (SDAPS #33: a careless photocopy loses marks; what remains is used);
3. when the marks do not agree with the mapping (a fold, a crumpled sheet), the page is not
   read at all: it goes to the clerk whole (as vxsuite rejects rather than guesses);
4. the page is redrawn upright at `OMR_DPI`, and each box's inside measured: the share of ink
   and the mean darkness against the paper around it;
5. each row is decided by a rule that never guesses: one clear mark is the answer, no mark is
   no answer; a faint mark, two marks, a blacked-out box beside a tick are a question for the
   clerk, with the picture of the row cut out.

No numpy or OpenCV: Pillow's C routines (perspective transform, filters, histograms) do the
pixel work, and a page has only a few dozen boxes, so the bundle stays small.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import zxingcpp
from PIL import Image, ImageFilter, ImageOps

from app.form_scans import QR_ONLY, _cleaned, _ink
from app.i18n import N_

OMR_DPI = 200  # the upright page is redrawn at this resolution to measure the boxes
MM = OMR_DPI / 25.4  # pixels per millimetre on the upright page
BLANK_INK = 0.001  # less dark area than this, and no code: an empty page (as app.form_scans)

# How one box is read (on its inside, the printed border left out):
INK_LEVEL = 0.55  # a pixel darker than this share of the paper's brightness is ink
MARK_INK = 0.07  # at least this share of ink: a tick, a cross or a filled box
FILLED_INK = 0.62  # at least this share: the box blacked out
FAINT_INK = 0.015  # ink share above this but below MARK_INK: a doubtful mark
FAINT_DARK = 0.03  # mean darkness above this with little ink: a light (pencil) mark
MARK_SPOT = 0.25  # a blurred pen stroke: a cell this dark …
MARK_DARK = 0.065  # … and this much darkness in the box
FAINT_SPOT = 0.045  # a cell this much darker than the paper: a light mark somewhere in the box
SPOT_GRID = 5
INNER_MARGIN = 0.9  # millimetres of the box's inside left out along its border
MAX_MARK_ERROR = 1.3  # millimetres: a corner mark farther than this from the fitted mapping → page to review
MAX_TURN = 12.0  # degrees from upright (or upside down): a page turned more is not read

# A box's state, and a row's.
EMPTY = "empty"
MARKED = "marked"
FILLED = "filled"
FAINT = "faint"

READ = "read"  # the row's answer is certain (possibly no answer)
REVIEW = "review"  # the clerk decides from the picture

Point = tuple[float, float]


# Geometry ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Box:
    """A check box: its top-left corner and side, in millimetres."""

    x: float
    y: float
    size: float

    @property
    def centre(self) -> Point:
        return self.x + self.size / 2, self.y + self.size / 2


@dataclass(frozen=True)
class BoxRow:
    """One question's boxes; `area` (x0, y0, x1, y1) is the strip cut out for the clerk."""

    key: str
    boxes: tuple[Box, ...]
    area: tuple[float, float, float, float]
    multiple: bool = False  # several boxes may be ticked (其他需求)


@dataclass(frozen=True)
class TextArea:
    """Where an owner writes an answer by hand (read by the clerk from its picture)."""

    key: str
    area: tuple[float, float, float, float]


@dataclass(frozen=True)
class PageGeometry:
    width: float
    height: float
    marks: tuple[Point, ...]  # centres of the solid corner marks
    mark_size: float
    qr: tuple[float, float, float]  # the code's symbol (no quiet zone): left, top, side
    rows: tuple[BoxRow, ...] = ()
    texts: tuple[TextArea, ...] = ()


# Results -------------------------------------------------------------------------------------
@dataclass
class BoxReading:
    ink: float  # share of ink pixels inside the box
    dark: float  # mean darkness against the paper (0 white … 1 black)
    state: str
    spot: float = 0.0  # darkness of the darkest of 5 × 5 cells


@dataclass
class RowReading:
    key: str
    state: str  # READ or REVIEW
    chosen: tuple[int, ...] = ()  # indexes of the boxes taken as chosen (READ only)
    reason: str = ""  # why the clerk must look (REVIEW)
    boxes: list[BoxReading] = field(default_factory=list)
    image: bytes = b""  # the row cut out of the upright page (JPEG)


@dataclass
class TextReading:
    key: str
    written: bool
    image: bytes = b""


@dataclass
class Placement:
    """How the page lies on the picture: page millimetres → picture pixels."""

    matrix: tuple[float, ...]  # 8 coefficients of the perspective (h33 = 1)
    marks_found: int
    worst_error: float  # millimetres, of the corner marks against the mapping
    turn: float  # degrees from upright

    def to_image(self, x: float, y: float) -> Point:
        return _apply(self.matrix, x, y)


@dataclass
class Code:
    text: str
    corners: tuple[Point, Point, Point, Point]  # the symbol's top-left, top-right, bottom-right, bottom-left


# Small linear algebra ------------------------------------------------------------------------
def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (systems of at most 8 unknowns)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        if abs(m[pivot][col]) < 1e-12:
            raise ValueError("singular")
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            if f:
                for c in range(col, n + 1):
                    m[r][c] -= f * m[col][c]
    out = [0.0] * n
    for r in range(n - 1, -1, -1):
        out[r] = (m[r][n] - sum(m[r][c] * out[c] for c in range(r + 1, n))) / m[r][r]
    return out


def _least_squares(rows: list[list[float]], values: list[float]) -> list[float]:
    n = len(rows[0])
    ata = [[sum(r[i] * r[j] for r in rows) for j in range(n)] for i in range(n)]
    atb = [sum(r[i] * v for r, v in zip(rows, values, strict=True)) for i in range(n)]
    return _solve(ata, atb)


_SCALE = 1000.0  # coordinates are divided by this while fitting, for a well-conditioned system


def fit_mapping(pairs: Sequence[tuple[Point, Point]], perspective: bool) -> tuple[float, ...]:
    """The mapping (8 coefficients) taking each source point to its target, least squares.

    `perspective=False` fits an affine mapping (g = h = 0)."""
    s = _SCALE
    rows: list[list[float]] = []
    values: list[float] = []
    for (x, y), (u, v) in pairs:
        x, y, u, v = x / s, y / s, u / s, v / s
        if perspective:
            rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
            rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        else:
            rows.append([x, y, 1, 0, 0, 0])
            rows.append([0, 0, 0, x, y, 1])
        values += [u, v]
    h = _least_squares(rows, values)
    if not perspective:
        h += [0.0, 0.0]
    a, b, c, d, e, f, g, k = h
    # back to unscaled coordinates: u = s*(a x/s + b y/s + c)/(g x/s + k y/s + 1)
    return (a, b, c * s, d, e, f * s, g / s, k / s)


def _apply(m: Sequence[float], x: float, y: float) -> Point:
    a, b, c, d, e, f, g, h = m
    w = g * x + h * y + 1.0
    return (a * x + b * y + c) / w, (d * x + e * y + f) / w


def _compose_scale(m: Sequence[float], factor: float) -> tuple[float, ...]:
    """The mapping applied to points first multiplied by `factor` (pixels of the upright page → mm)."""
    a, b, c, d, e, f, g, h = m
    return (a * factor, b * factor, c, d * factor, e * factor, f, g * factor, h * factor)


# Codes ---------------------------------------------------------------------------------------
def _codes_on(
    image: Image.Image, scale: float = 1.0, binarizer: zxingcpp.Binarizer = zxingcpp.Binarizer.LocalAverage
) -> list[Code]:
    out = []
    for found in zxingcpp.read_barcodes(image, formats=QR_ONLY, binarizer=binarizer):
        if not found.valid:
            continue
        p = found.position
        a, b, c, d = (
            (pt.x * scale, pt.y * scale) for pt in (p.top_left, p.top_right, p.bottom_right, p.bottom_left)
        )
        out.append(Code(found.text, (a, b, c, d)))
    return out


def find_codes(image: Image.Image) -> list[Code]:
    """The QR codes on a page with their corners; retried on a cleaned-up and a smaller copy."""
    codes = _codes_on(image)
    if not codes:
        codes = _codes_on(_cleaned(image))
    if not codes:
        codes = _codes_on(image, binarizer=zxingcpp.Binarizer.GlobalHistogram)
    if not codes:
        codes = _codes_on(image.reduce(2), scale=2.0)
    return codes


def is_blank(image: Image.Image) -> bool:
    return _ink(image) < BLANK_INK


# Placing the page ----------------------------------------------------------------------------
def _qr_pairs(geometry: PageGeometry, code: Code) -> list[tuple[Point, Point]]:
    left, top, side = geometry.qr
    page = [(left, top), (left + side, top), (left + side, top + side), (left, top + side)]
    return list(zip(page, code.corners, strict=True))


def _pixels_per_mm(matrix: Sequence[float], at: Point) -> float:
    x, y = at
    p0 = _apply(matrix, x, y)
    p1 = _apply(matrix, x + 1, y)
    p2 = _apply(matrix, x, y + 1)
    return (math.dist(p0, p1) + math.dist(p0, p2)) / 2


def _find_mark(
    image: Image.Image, centre: Point, px_mm: float, mark_size: float, slack: float = 4.0
) -> Point | None:
    """The centre of the solid mark near `centre` (picture pixels), or None if none is there.

    The window (the mark and `slack` millimetres around it) is thresholded against its own
    paper, thin strokes (text, ticks, noise) are worn away, and what stays must be about the
    mark's size and square."""
    half = (mark_size / 2 + slack) * px_mm
    cx, cy = centre
    box = (int(cx - half), int(cy - half), int(cx + half), int(cy + half))
    if box[2] <= 0 or box[3] <= 0 or box[0] >= image.width or box[1] >= image.height:
        return None
    window = Image.new("L", (box[2] - box[0], box[3] - box[1]), 255)  # outside the picture: white
    window.paste(image.crop(box), (0, 0))
    inside = (
        max(0, -box[0]),
        max(0, -box[1]),
        min(window.width, image.width - box[0]),
        min(window.height, image.height - box[1]),
    )
    blank = Image.new("L", window.size, 255)
    blank.paste(window.crop(inside), inside[:2])
    window = blank
    histogram = window.histogram()
    paper = _percentile(histogram, 0.9)
    if paper < 60:
        return None
    cut = paper * 0.3  # printed black: well below a table or a shadow seen past the page's edge
    factor = max(1, int(px_mm // 4))  # searched at about 4 pixels a millimetre: fast, and ample
    if factor > 1:
        window = window.reduce(factor)
    scale = px_mm / factor
    ink = window.point(lambda v: 255 if v < cut else 0)
    wear = max(3, int(scale * 1.4) | 1)
    # worn away: a pixel stays ink only if its whole wear × wear square is ink (an erosion,
    # done as a box average, much faster than a rank filter)
    worn = ink.filter(ImageFilter.BoxBlur(wear // 2)).point(lambda v: 255 if v >= 250 else 0)
    expected = mark_size * scale - (wear - 1)
    found = _blob(worn, expected)
    if found is None:
        return None
    return box[0] + factor * (found[0] + found[2]) / 2, box[1] + factor * (found[1] + found[3]) / 2


def _runs(profile: list[int]) -> list[tuple[int, int]]:
    out, start = [], None
    for i, v in enumerate(profile + [0]):
        if v and start is None:
            start = i
        elif not v and start is not None:
            out.append((start, i))
            start = None
    return out


def _blob(worn: Image.Image, expected: float) -> tuple[int, int, int, int] | None:
    """The bounding box of the one blob of about `expected` pixels a side nearest the window's
    centre (other dark things in the window — the code, a table's edge — are set aside)."""
    fits = lambda n: 0.55 * expected <= n <= 1.6 * expected  # noqa: E731
    whole = worn.getbbox()
    if whole is None:
        return None
    if fits(whole[2] - whole[0]) and fits(whole[3] - whole[1]):
        return whole
    columns = [int(v) for v in worn.resize((worn.width, 1), Image.Resampling.BOX).get_flattened_data()]  # type: ignore[arg-type]
    rows = [int(v) for v in worn.resize((1, worn.height), Image.Resampling.BOX).get_flattened_data()]  # type: ignore[arg-type]
    cx, cy = worn.width / 2, worn.height / 2
    best: tuple[float, tuple[int, int, int, int]] | None = None
    for x0, x1 in _runs(columns):
        for y0, y1 in _runs(rows):
            piece = worn.crop((x0, y0, x1, y1)).getbbox()
            if piece is None:
                continue
            b = (x0 + piece[0], y0 + piece[1], x0 + piece[2], y0 + piece[3])
            if fits(b[2] - b[0]) and fits(b[3] - b[1]):
                d = math.dist(((b[0] + b[2]) / 2, (b[1] + b[3]) / 2), (cx, cy))
                if best is None or d < best[0]:
                    best = (d, b)
    if best is None:
        best = _blob_by_filling(worn, fits)
    return best[1] if best else None


def _blob_by_filling(
    worn: Image.Image, fits: Callable[[float], bool]
) -> tuple[float, tuple[int, int, int, int]] | None:
    """When the mark touches another dark thing in projection (a table's corner past the
    page), each connected blob is filled in turn and measured on its own."""
    from PIL import ImageDraw

    labelled = worn.copy()
    cx, cy = worn.width / 2, worn.height / 2
    step = max(1, int(min(worn.size) / 24))
    best: tuple[float, tuple[int, int, int, int]] | None = None
    for y in range(0, worn.height, step):
        for x in range(0, worn.width, step):
            if labelled.getpixel((x, y)) != 255:
                continue
            ImageDraw.floodfill(labelled, (x, y), 128)
            piece = labelled.point(lambda v: 255 if v == 128 else 0).getbbox()
            labelled.paste(64, mask=labelled.point(lambda v: 255 if v == 128 else 0))  # done with it
            if piece is None:
                continue
            if fits(piece[2] - piece[0]) and fits(piece[3] - piece[1]):
                d = math.dist(((piece[0] + piece[2]) / 2, (piece[1] + piece[3]) / 2), (cx, cy))
                if best is None or d < best[0]:
                    best = (d, piece)
    return best


def _percentile(histogram: list[int], share: float) -> int:
    total = sum(histogram)
    running = 0
    for level, count in enumerate(histogram):
        running += count
        if running >= share * total:
            return level
    return 255


def place(image: Image.Image, geometry: PageGeometry, code: Code) -> tuple[Placement | None, str]:
    """Where the page lies on the picture, from the code's corners and the corner marks.

    Returns (placement, "") or (None, why the page cannot be straightened with confidence)."""
    qr_pairs = _qr_pairs(geometry, code)
    try:
        matrix = fit_mapping(qr_pairs, perspective=False)
    except ValueError:
        return None, N_("二维码的位置读不准,无法摆正这一页")
    left, top, side = geometry.qr
    known = [(left + side / 2, top + side / 2)]
    found: list[tuple[Point, Point]] = []
    for mark in sorted(geometry.marks, key=lambda m: math.dist(m, known[0])):
        # the farther from what is already placed, the larger the search (a photo's perspective)
        # (a small window first: a large one may take in a table's edge past the page)
        widest = 4.0 + 0.05 * min(math.dist(mark, k) for k in known)
        predicted = _apply(matrix, *mark)
        px_mm = _pixels_per_mm(matrix, mark)
        where = None
        for slack in sorted({min(4.0, widest), min(8.0, widest), widest}):
            where = _find_mark(image, predicted, px_mm, geometry.mark_size, slack)
            if where is not None:
                break
        if where is None:
            continue
        found.append((mark, where))
        known.append(mark)
        try:
            matrix = fit_mapping(qr_pairs + found, perspective=len(found) >= 4)
        except ValueError:
            return None, N_("角标的位置不对,无法摆正这一页")
    if len(found) < 2:
        return None, f"四个角标只找到 {len(found)} 个(复印或拍照时被裁掉或遮住),无法摆正这一页"
    # how far each mark and code corner is from where the fitted mapping puts it, in millimetres
    px_mm = _pixels_per_mm(matrix, (geometry.width / 2, geometry.height / 2))
    worst = max(math.dist(_apply(matrix, *mark), where) for mark, where in found + qr_pairs) / px_mm
    if worst > MAX_MARK_ERROR:
        return None, N_("这一页不平整(折痕、卷曲或拍斜太多),角标对不上,无法可靠读取")
    x0, y0 = _apply(matrix, 0, geometry.height / 2)
    x1, y1 = _apply(matrix, geometry.width, geometry.height / 2)
    angle = math.degrees(math.atan2(y1 - y0, x1 - x0))
    turn = min(abs(angle), abs(abs(angle) - 180))
    if turn > MAX_TURN:
        return None, f"这一页歪了约 {turn:.0f} 度,请放正后重新扫描"
    return Placement(tuple(matrix), len(found), worst, angle), ""


def _band(geometry: PageGeometry) -> tuple[float, float]:
    """The strip of the page (top, bottom in mm) that holds every row and writing area."""
    tops = [r.area[1] for r in geometry.rows] + [t.area[1] for t in geometry.texts]
    bottoms = [r.area[3] for r in geometry.rows] + [t.area[3] for t in geometry.texts]
    if not tops:
        return 0.0, geometry.height
    return max(0.0, min(tops) - 2), min(geometry.height, max(bottoms) + 2)


def straighten(image: Image.Image, geometry: PageGeometry, placement: Placement) -> Image.Image:
    """The part of the page with the questions, redrawn upright at OMR_DPI (outside the
    picture comes in white); `info["omr_top"]` holds where it starts on the page, in mm."""
    top, bottom = _band(geometry)
    size = (round(geometry.width * MM), round((bottom - top) * MM))
    a, b, c, d, e, f, g, h = _compose_scale(placement.matrix, 1 / MM)
    shift = top * MM  # output row y is page pixel y + shift
    w = 1 + h * shift
    coefficients = tuple(v / w for v in (a, b, c + b * shift, d, e, f + e * shift, g, h))
    page = image.transform(
        size, Image.Transform.PERSPECTIVE, coefficients, Image.Resampling.BILINEAR, fillcolor=255
    )
    page.info["omr_top"] = top
    return page


# Measuring -----------------------------------------------------------------------------------
def _px(page: Image.Image, rect: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
    """A rectangle of the page (mm) on the upright strip (pixels)."""
    top = float(page.info.get("omr_top", 0.0))
    x0, y0, x1, y1 = rect
    return round(x0 * MM), round((y0 - top) * MM), round(x1 * MM), round((y1 - top) * MM)


def paper_level(page: Image.Image, rect: tuple[float, float, float, float], share: float = 0.5) -> int:
    """How bright the paper is in `rect` (mostly paper): its median, or another percentile."""
    return max(60, _percentile(page.crop(_px(page, rect)).histogram(), share))


PAPER_AROUND = 2.5  # millimetres around a box where its paper is measured


def box_paper(page: Image.Image, box: Box) -> int:
    """The paper right around one box, so a shadow across a photo does not look like ink: the
    60th percentile of the box and a margin (a blacked-out box and its border are a third of
    it; a higher percentile would read the noise's bright side as the paper)."""
    m = PAPER_AROUND
    return paper_level(page, (box.x - m, box.y - m, box.x + box.size + m, box.y + box.size + m), 0.6)


def measure_box(page: Image.Image, box: Box, paper: int) -> BoxReading:
    """The inside of one box: share of ink, mean darkness, and the darkest spot (a 5 × 5 grid
    of cells averaged, so noise cancels out and a thin light stroke still shows)."""
    m = INNER_MARGIN
    inside = page.crop(_px(page, (box.x + m, box.y + m, box.x + box.size - m, box.y + box.size - m)))
    histogram = inside.histogram()
    total = max(1, sum(histogram))
    cut = int(paper * INK_LEVEL)
    ink = sum(histogram[:cut]) / total
    mean = sum(i * n for i, n in enumerate(histogram)) / total
    dark = max(0.0, (paper - mean) / paper)
    extrema = inside.resize((SPOT_GRID, SPOT_GRID), Image.Resampling.BOX).getextrema()
    lo = float(extrema[0])  # type: ignore[arg-type]
    spot = max(0.0, (paper - lo) / paper)
    if ink >= FILLED_INK:
        state = FILLED
    elif ink >= MARK_INK or (spot >= MARK_SPOT and dark >= MARK_DARK):
        # a pen stroke blurred by a low-resolution scan has little pure ink, but its cells
        # stay much darker than any light pencil mark's (bench/survey_bench.py)
        state = MARKED
    elif ink >= FAINT_INK or dark >= FAINT_DARK or spot >= FAINT_SPOT:
        state = FAINT
    else:
        state = EMPTY
    return BoxReading(round(ink, 4), round(dark, 4), state, round(spot, 4))


def decide(row: BoxRow, boxes: list[BoxReading]) -> tuple[str, tuple[int, ...], str]:
    """The rule for one row: (READ or REVIEW, the chosen boxes, why the clerk must look)."""
    marked = tuple(i for i, b in enumerate(boxes) if b.state in (MARKED, FILLED))
    faint = [i for i, b in enumerate(boxes) if b.state == FAINT]
    filled = [i for i, b in enumerate(boxes) if b.state == FILLED]
    if faint:
        return REVIEW, (), N_("有很淡或很小的笔迹,请看图确认")
    if row.multiple:
        if filled and len(marked) > len(filled):
            return REVIEW, (), N_("有涂黑的方框(可能是改选),请看图确认")
        return READ, marked, ""
    if len(marked) <= 1:
        return READ, marked, ""
    if filled:
        return REVIEW, (), N_("一行里有涂黑的方框和其他记号(可能是改选),请看图确认")
    return REVIEW, (), f"一行里选了 {len(marked)} 个,请看图确认"


def _jpeg(image: Image.Image, quality: int = 70) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, optimize=True)
    return buffer.getvalue()


def cut_out(page: Image.Image, area: tuple[float, float, float, float], long_side: int = 900) -> bytes:
    """A strip of the upright page as a JPEG, for the clerk."""
    piece = page.crop(_px(page, area))
    if piece.width > long_side:
        piece = piece.resize(
            (long_side, max(1, piece.height * long_side // piece.width)), Image.Resampling.BOX
        )
    return _jpeg(piece)


def read_rows(page: Image.Image, geometry: PageGeometry, keep_images: str = "review") -> list[RowReading]:
    """Every row of the upright page decided. `keep_images`: "review" (pictures of the rows
    the clerk must look at), "all" or "none"."""
    out = []
    for row in geometry.rows:
        boxes = [measure_box(page, box, box_paper(page, box)) for box in row.boxes]
        state, chosen, reason = decide(row, boxes)
        image = b""
        if keep_images == "all" or (keep_images == "review" and state == REVIEW):
            image = cut_out(page, row.area)
        out.append(RowReading(row.key, state, chosen, reason, boxes, image))
    return out


MAX_INKED_SHARE = 0.45  # more of a page's boxes than this with ink: the page is not where we think


def misregistered(rows: list[RowReading]) -> bool:
    """True when so many boxes show ink that the printed borders must be inside the measured
    squares: the page was placed wrong (a photo's perspective with a corner mark lost). An
    owner ticks one box a row, so a real page stays far below MAX_INKED_SHARE."""
    boxes = [b for r in rows for b in r.boxes]
    inked = sum(1 for b in boxes if b.state != EMPTY)
    return bool(boxes) and inked > MAX_INKED_SHARE * len(boxes)


def read_texts(page: Image.Image, geometry: PageGeometry) -> list[TextReading]:
    """Whether something is written in each hand-writing area, with its picture when it is."""
    out = []
    for text in geometry.texts:
        x0, y0, x1, y1 = text.area
        inner = (x0 + 1.5, y0 + 1.5, x1 - 1.5, y1 - 1.5)
        piece = page.crop(_px(page, inner)).filter(ImageFilter.MedianFilter(3))
        paper = _percentile(piece.histogram(), 0.8)
        histogram = piece.histogram()
        ink = sum(histogram[: int(max(60, paper) * INK_LEVEL)]) / max(1, piece.width * piece.height)
        # ruled lines are printed light grey (above the ink level), so only writing counts
        written = ink > 0.002
        out.append(TextReading(text.key, written, cut_out(page, text.area) if written else b""))
    return out


def upright_preview(page: Image.Image, long_side: int = 1200) -> bytes:
    """The straightened page, small, to show beside the review."""
    small = ImageOps.contain(page, (long_side, long_side), Image.Resampling.BOX)
    return _jpeg(small, 60)
