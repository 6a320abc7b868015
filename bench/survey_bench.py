"""Survey sheets filled in like a pen would, scanned like an office would, and read back.

`python -m bench.survey_bench [--sheets 200] [--seed 7] [--json FILE]` prints the accuracy of
the reader (app/omr.py through app.survey.read_page_image) over generated sheets, and the time
to read 100 sheets on `READ_THREADS` threads. The same generator makes the tests' scans
(tests/test_survey_omr.py): the real questionnaire PDF is printed by reports/survey_form.py,
drawn by pdfium at 150/200/300 dpi, marked (ticks, crosses, filled boxes, light marks,
corrections, two marks in a row, empty rows), then turned ±5° or upside down, blurred, given
noise, saved as JPEG at quality 50, or warped like a phone photo.

A box is *read right* when its row was read (not sent to the clerk) and the box's state taken
matches what was drawn; a row sent to the clerk is *for review*; a row read but not as drawn is
a *silent error*, which must never happen.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pypdfium2
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from app import omr, survey
from reports import survey_form

MM_PER_INCH = 25.4

# What is drawn in one row, and how often (weights).
SCENARIOS = {
    "empty": 6,
    "tick": 38,
    "cross": 24,
    "fill": 10,
    "sloppy": 8,  # a tick running out of the box
    "correction": 5,  # a box blacked out and another ticked → the clerk decides
    "double": 4,  # two boxes ticked → the clerk decides
    "light": 5,  # a faint pencil mark → the clerk decides
}
CLEAR = {"empty", "tick", "cross", "fill", "sloppy"}


@dataclass
class Truth:
    """What was drawn in one row: the chosen boxes, or that the clerk must look."""

    key: str
    scenario: str
    chosen: tuple[int, ...]
    boxes: int

    @property
    def must_review(self) -> bool:
        return self.scenario not in CLEAR


@dataclass
class Scan:
    image: Image.Image
    truths: list[Truth]
    sheet: int
    page: int
    dpi: int
    effects: list[str] = field(default_factory=list)


def content(
    q: survey.Questionnaire, sheets: int, plan_id: int = 1, tag: str = "B0B0CAFE"
) -> survey_form.FormContent:
    return survey_form.FormContent(
        office_name="阳光花园物业服务中心",
        office_tag=tag,
        plan_id=plan_id,
        plan_title="2026年年中顾客满意度调查",
        notice=survey.DEFAULT_NOTICE.format(ends="10月15日"),
        questionnaire=q,
        sheets=[
            survey_form.SheetLabel(n, f"{n % 9 + 1}-1-{100 + n}", str(n % 9 + 1))
            for n in range(1, sheets + 1)
        ],
    )


def render(pdf: bytes, dpi: int, pages: list[int] | None = None) -> list[Image.Image]:
    """The PDF's pages drawn by pdfium in grey, as an office scanner would deliver them."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        out = []
        for index in pages if pages is not None else range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            out.append(bitmap.to_pil().convert("L"))
            bitmap.close()
            page.close()
        return out
    finally:
        document.close()


def _pen(rng: random.Random, light: bool = False) -> int:
    return (
        rng.randint(165, 200) if light else rng.choice([rng.randint(0, 50), rng.randint(40, 95)])
    )  # black or blue ink


def _line(draw: ImageDraw.ImageDraw, points: list[tuple[float, float]], colour: int, width: int) -> None:
    draw.line(points, fill=colour, width=width, joint="curve")


def draw_mark(draw: ImageDraw.ImageDraw, box: omr.Box, kind: str, px: float, rng: random.Random) -> None:
    """One pen mark in `box` (page millimetres; `px` pixels per millimetre)."""
    x0, y0, s = box.x * px, box.y * px, box.size * px
    j = lambda: rng.uniform(-0.06, 0.06) * s  # noqa: E731 - a small jitter of the hand
    width = max(2, round(rng.uniform(0.35, 0.6) * px))
    colour = _pen(rng)
    if kind in ("tick", "sloppy"):
        over = 0.5 if kind == "sloppy" else 0.0
        pts = [
            (x0 + 0.15 * s + j(), y0 + 0.55 * s + j()),
            (x0 + 0.42 * s + j(), y0 + 0.85 * s + j()),
            (x0 + (0.9 + over) * s + j(), y0 + (0.12 - over) * s + j()),
        ]
        _line(draw, pts, colour, width)
    elif kind == "cross":
        a, b = 0.15, 0.85
        _line(
            draw, [(x0 + a * s + j(), y0 + a * s + j()), (x0 + b * s + j(), y0 + b * s + j())], colour, width
        )
        _line(
            draw, [(x0 + a * s + j(), y0 + b * s + j()), (x0 + b * s + j(), y0 + a * s + j())], colour, width
        )
    elif kind == "fill":
        # scribbled over until black, a little past the border
        pad = rng.uniform(-0.02, 0.08) * s
        draw.rectangle([x0 - pad, y0 - pad, x0 + s + pad, y0 + s + pad], fill=colour)
    elif kind == "light":
        light = _pen(rng, light=True)
        thin = max(1, round(0.3 * px))
        if rng.random() < 0.5:
            _line(
                draw,
                [
                    (x0 + 0.25 * s, y0 + 0.55 * s),
                    (x0 + 0.45 * s, y0 + 0.8 * s),
                    (x0 + 0.8 * s, y0 + 0.25 * s),
                ],
                light,
                thin,
            )
        else:
            _line(draw, [(x0 + 0.3 * s, y0 + 0.3 * s), (x0 + 0.7 * s, y0 + 0.7 * s)], light, thin)
    else:
        raise ValueError(kind)


def fill_page(
    image: Image.Image, page: survey.SheetPage, dpi: int, rng: random.Random, only: str = ""
) -> list[Truth]:
    """Mark every row of an upright page; returns what was drawn."""
    px = dpi / MM_PER_INCH
    draw = ImageDraw.Draw(image)
    truths = []
    names, weights = list(SCENARIOS), list(SCENARIOS.values())
    for row in page.geometry.rows:
        n = len(row.boxes)
        scenario = only or rng.choices(names, weights)[0]
        picks = rng.sample(range(n), 2)
        chosen: tuple[int, ...] = ()
        if scenario in ("tick", "cross", "fill", "sloppy"):
            draw_mark(draw, row.boxes[picks[0]], scenario, px, rng)
            chosen = (picks[0],)
        elif scenario == "correction":
            draw_mark(draw, row.boxes[picks[0]], "fill", px, rng)
            draw_mark(draw, row.boxes[picks[1]], "tick", px, rng)
        elif scenario == "double":
            draw_mark(draw, row.boxes[picks[0]], "tick", px, rng)
            draw_mark(draw, row.boxes[picks[1]], "cross", px, rng)
        elif scenario == "light":
            draw_mark(draw, row.boxes[picks[0]], "light", px, rng)
        if row.multiple and scenario == "double":
            scenario, chosen = "tick", tuple(sorted(picks))  # two ticks are a valid answer here
        truths.append(Truth(row.key, scenario, chosen, n))
    for text in page.geometry.texts:
        if rng.random() < 0.5:
            x0, y0, x1, y1 = (v * px for v in text.area)
            x = x0 + 4 * px
            while x < x0 + rng.uniform(0.3, 0.9) * (x1 - x0):
                w = rng.uniform(2.5, 4.5) * px
                draw.rectangle(
                    [x, y0 + 3 * px, x + w, y0 + 6.5 * px], outline=_pen(rng), width=max(2, round(0.4 * px))
                )
                x += w + 1.2 * px
    return truths


def degrade(
    image: Image.Image, rng: random.Random, effects: list[str] | None = None
) -> tuple[Image.Image, list[str]]:
    """Turn, blur, noise, JPEG 50, a phone's perspective: some of these, chosen by `rng`."""
    done: list[str] = []
    wanted = (
        effects
        if effects is not None
        else [
            e
            for e, p in (
                ("rotate", 0.8),
                ("upside", 0.12),
                ("blur", 0.35),
                ("noise", 0.5),
                ("jpeg", 0.5),
                ("photo", 0.12),
                ("shadow", 0.2),
            )
            if rng.random() < p
        ]
    )
    if "photo" in wanted:
        w, h = image.size
        d = 0.03
        corners = [
            (rng.uniform(0, d) * w, rng.uniform(0, d) * h),
            (w - rng.uniform(0, d) * w, rng.uniform(0, d) * h),
            (w - rng.uniform(0, d) * w, h - rng.uniform(0, d) * h),
            (rng.uniform(0, d) * w, h - rng.uniform(0, d) * h),
        ]
        # the page's corners land at `corners` on a darker table
        page = [(0.0, 0.0), (w, 0.0), (w, h), (0.0, h)]
        matrix = omr.fit_mapping(list(zip(corners, page, strict=True)), perspective=True)
        image = image.transform(
            image.size, Image.Transform.PERSPECTIVE, matrix, Image.Resampling.BILINEAR, fillcolor=110
        )
        done.append("photo")
    if "shadow" in wanted:
        # a phone photo's uneven light: the page darkens towards one side, down to 65 %
        w, h = image.size
        darkest = rng.uniform(0.65, 0.85)
        ramp = Image.linear_gradient("L").resize((w, h)).rotate(rng.choice([0, 90, 180, 270]))
        ramp = ramp.point(lambda v: int(255 * (1 - (1 - darkest) * v / 255)))
        image = ImageChops.multiply(image, ramp)
        done.append(f"shadow {darkest:.2f}")
    if "rotate" in wanted:
        angle = rng.uniform(-5, 5)
        image = image.rotate(angle, Image.Resampling.BILINEAR, expand=True, fillcolor=255)
        done.append(f"rotate {angle:+.1f}")
    if "upside" in wanted:
        image = image.rotate(180, expand=True)
        done.append("upside down")
    if "blur" in wanted:
        radius = rng.uniform(0.5, 1.2)
        image = image.filter(ImageFilter.GaussianBlur(radius))
        done.append(f"blur {radius:.1f}")
    if "noise" in wanted:
        sigma = rng.uniform(4, 12)
        noise = Image.effect_noise(image.size, sigma)
        image = Image.blend(image, noise, 0.0) if sigma == 0 else _add_noise(image, noise)
        done.append(f"noise {sigma:.0f}")
    if "jpeg" in wanted:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=50)
        image = Image.open(io.BytesIO(buffer.getvalue())).convert("L")
        done.append("jpeg 50")
    return image, done


def _add_noise(image: Image.Image, noise: Image.Image) -> Image.Image:
    """Gaussian noise around the picture (Pillow's noise is centred on 128)."""
    return ImageChops.add(image, noise, scale=1.0, offset=-128)


def make_scans(
    sheets: int, seed: int, q: survey.Questionnaire | None = None, dpis: tuple[int, ...] = (150, 200, 300)
) -> tuple[survey_form.FormContent, list[Scan]]:
    """`sheets` filled-in first pages, each at a dpi and with degradations chosen by `seed`."""
    rng = random.Random(seed)
    q = q or survey.default_questionnaire()
    form = content(q, sheets)
    pdf = survey_form.generate(form)
    layout = survey.sheet_pages(q)
    per_sheet = len(layout)
    scans = []
    for n in range(sheets):
        dpi = dpis[n % len(dpis)]
        (image,) = render(pdf, dpi, [n * per_sheet])
        truths = fill_page(image, layout[0], dpi, rng)
        image, effects = degrade(image, rng)
        scans.append(Scan(image, truths, n + 1, 1, dpi, effects))
    return form, scans


@dataclass
class Tally:
    sheets: int = 0
    sheets_read: int = 0
    sheets_to_review: int = 0  # whole page not straightened
    wrong_sheet: int = 0
    boxes: int = 0
    boxes_right: int = 0
    boxes_review: int = 0
    boxes_wrong: int = 0
    rows: int = 0
    rows_review: int = 0
    rows_wrong: int = 0
    clear_boxes: int = 0  # boxes of rows drawn clearly (one mark, or none)
    clear_boxes_right: int = 0  # … read by the program, as drawn
    doubtful_rows: int = 0  # rows drawn to be doubtful (light mark, correction, two marks)
    doubtful_rows_reviewed: int = 0  # … sent to the clerk
    wrong: list[str] = field(default_factory=list)

    @property
    def read_right(self) -> float:
        """Boxes read as drawn, or sent to the clerk when drawn doubtful."""
        return 100.0 * self.boxes_right / self.boxes if self.boxes else 0.0

    @property
    def clear_read_right(self) -> float:
        return 100.0 * self.clear_boxes_right / self.clear_boxes if self.clear_boxes else 0.0


def check(scan: Scan, reading: survey.PageReading, plan_id: int, tally: Tally) -> None:
    tally.sheets += 1
    total_boxes = sum(t.boxes for t in scan.truths)
    if reading.code is None or (reading.code.plan, reading.code.sheet, reading.code.page) != (
        plan_id,
        scan.sheet,
        scan.page,
    ):
        if reading.code is not None:
            tally.wrong_sheet += 1
            tally.wrong.append(f"sheet {scan.sheet} read as {reading.code}")
        tally.sheets_to_review += 1
        tally.boxes += total_boxes
        tally.boxes_review += total_boxes
        tally.rows += len(scan.truths)
        tally.rows_review += len(scan.truths)
        return
    if not reading.rows:
        tally.sheets_to_review += 1
        tally.boxes += total_boxes
        tally.boxes_review += total_boxes
        tally.rows += len(scan.truths)
        tally.rows_review += len(scan.truths)
        return
    tally.sheets_read += 1
    rows = {r.key: r for r in reading.rows}
    for truth in scan.truths:
        row = rows[truth.key]
        tally.rows += 1
        tally.boxes += truth.boxes
        if truth.must_review:
            tally.doubtful_rows += 1
        else:
            tally.clear_boxes += truth.boxes
        if row.state == omr.REVIEW:
            tally.rows_review += 1
            tally.boxes_review += truth.boxes
            if truth.must_review:
                tally.doubtful_rows_reviewed += 1
                tally.boxes_right += truth.boxes  # a doubtful row shown to the clerk is read right
            continue
        if truth.must_review or row.chosen != truth.chosen:
            tally.rows_wrong += 1
            wrong_boxes = len(set(row.chosen) ^ set(truth.chosen)) or 1
            tally.boxes_wrong += wrong_boxes
            tally.boxes_right += truth.boxes - wrong_boxes
            tally.wrong.append(
                f"sheet {scan.sheet} ({scan.dpi} dpi, {', '.join(scan.effects)}) {truth.key}: drew {truth.scenario} "
                f"{truth.chosen}, read {row.chosen} "
                f"[{'; '.join(f'{b.ink:.3f}/{b.dark:.3f}/{b.spot:.3f}' for b in row.boxes)}]"
            )
        else:
            tally.boxes_right += truth.boxes
            tally.clear_boxes_right += truth.boxes


def geometry_for(q: survey.Questionnaire) -> Callable[[survey.CodeParts], omr.PageGeometry | None]:
    pages = survey.sheet_pages(q)

    def get(parts: survey.CodeParts) -> omr.PageGeometry | None:
        return pages[parts.page - 1].geometry if 1 <= parts.page <= len(pages) else None

    return get


def run(sheets: int, seed: int, threads: int = 2) -> dict[str, object]:
    q = survey.default_questionnaire()
    form, scans = make_scans(sheets, seed, q)
    get = geometry_for(q)
    tally = Tally()
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        readings = list(pool.map(lambda s: survey.read_page_image(s.image, get), scans))
    elapsed = time.perf_counter() - started
    for scan, reading in zip(scans, readings, strict=True):
        check(scan, reading, form.plan_id, tally)
    out = asdict(tally)
    out["read_right_percent"] = round(tally.read_right, 3)
    out["clear_read_right_percent"] = round(tally.clear_read_right, 3)
    out["seconds"] = round(elapsed, 2)
    out["seconds_per_100_sheets"] = round(elapsed * 100 / max(1, sheets), 2)
    out["threads"] = threads
    return out


def run_service(sheets: int, seed: int) -> dict[str, object]:
    """`sheets` two-page questionnaires (filled in, damaged) in one scanned PDF, read through
    `SurveyService.read_file` into a new office: drawing, reading and storing every page."""
    import datetime as dt
    import tempfile

    from app.clock import FixedClock
    from app.models import Room
    from app.office import Office
    from app.permissions import set_person

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        office = Office.open(Path(folder) / "data", FixedClock(dt.datetime(2026, 10, 8, 9, 0)))
        try:
            office.initialise("阳光花园物业服务中心", "admin", "bench-secret-1", "王管理")
            set_person(office.staff.authenticate("admin", "bench-secret-1"))
            for n in range(sheets):
                Room.create(building=str(n % 6 + 1), unit="1", number=str(101 + n))
            service = survey.SurveyService(office.clock)
            plan = service.create_plan(survey.PlanInput(title="bench", kind=survey.CENSUS))
            service.approve(plan)
            plan = service.get(plan.id)
            made = service.make_sheets(plan)
            pdf = survey_form.generate(survey_form.content_for("阳光花园", plan, made))
            layout = survey.sheet_pages(plan.form())
            pages = []
            for index, image in enumerate(render(pdf, 200)):
                if index % len(layout) == 0:
                    fill_page(image, layout[0], 200, rng)
                image, _ = degrade(
                    image, rng, ["rotate", "noise", "jpeg"] if rng.random() < 0.5 else ["rotate"]
                )
                pages.append(image.convert("L"))
            scan = Path(folder) / "scan.pdf"
            pages[0].save(scan, "PDF", resolution=200, save_all=True, append_images=pages[1:])
            seen: list[int] = []
            started = time.perf_counter()
            outcomes = service.read_file(plan, scan, progress=lambda done, total: seen.append(done))
            elapsed = time.perf_counter() - started
            statuses: dict[str, int] = {}
            for o in outcomes:
                statuses[o.status] = statuses.get(o.status, 0) + 1
            return {
                "sheets": sheets,
                "pages": len(outcomes),
                "seconds": round(elapsed, 2),
                "progress_calls": len(seen),
                "outcomes": statuses,
                "recovery_percent": service.progress(plan).rate,
            }
        finally:
            set_person(None)
            office.close()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m bench.survey_bench", description="survey OMR accuracy and speed"
    )
    p.add_argument("--sheets", type=int, default=200)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--json", type=Path)
    p.add_argument(
        "--service-sheets", type=int, default=100, help="sheets read end to end through the service (0: skip)"
    )
    args = p.parse_args(argv)
    result = run(args.sheets, args.seed, args.threads)
    if args.service_sheets:
        result["service"] = run_service(args.service_sheets, args.seed)
    text = json.dumps(result, ensure_ascii=False, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text, encoding="utf-8")
    return 0 if result["rows_wrong"] == 0 and result["wrong_sheet"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
