"""Reading the printed questionnaire back (app/omr.py): the real PDF, drawn by pdfium, marked
like a pen, scanned badly, read through `app.survey.read_page_image`.

Accuracy figures over a large set are in bench/survey_bench.py; here each kind of mark and of
damage is checked, and over a generated set: no silent wrong answer, every doubtful row sent
to the clerk, no sheet taken for another.
"""

from __future__ import annotations

import random
import zlib

import pytest
from PIL import Image, ImageDraw

from app import omr, survey
from bench import survey_bench as sb
from reports import survey_form

Q = survey.default_questionnaire()
PAGES = survey.sheet_pages(Q)
GET = sb.geometry_for(Q)


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return survey_form.generate(sb.content(Q, 3))


def _page(pdf: bytes, dpi: int, sheet: int = 1, page: int = 1) -> Image.Image:
    return sb.render(pdf, dpi, [(sheet - 1) * len(PAGES) + page - 1])[0]


def _mark(image: Image.Image, dpi: int, marks: dict[str, list[tuple[int, str]]], seed: int = 1) -> None:
    px = dpi / 25.4
    draw = ImageDraw.Draw(image)
    rng = random.Random(seed)
    rows = {r.key: r for r in PAGES[0].geometry.rows}
    for key, wanted in marks.items():
        for index, kind in wanted:
            sb.draw_mark(draw, rows[key].boxes[index], kind, px, rng)


def _rows(image: Image.Image) -> dict[str, omr.RowReading]:
    reading = survey.read_page_image(image, GET)
    assert reading.code == survey.CodeParts("B0B0CAFE", 1, 1, 1), reading.problem
    assert reading.rows, reading.problem
    return {r.key: r for r in reading.rows}


def test_the_printed_sheet_has_every_box_where_the_layout_says(pdf):
    image = _page(pdf, 200)
    rows = _rows(image)
    assert set(rows) == {r.key for r in PAGES[0].geometry.rows}
    # nothing drawn: every row is read, as no answer
    assert all(r.state == omr.READ and r.chosen == () for r in rows.values())
    assert all(b.state == omr.EMPTY for r in rows.values() for b in r.boxes)


@pytest.mark.parametrize("dpi", [150, 200, 300])
def test_ticks_crosses_and_filled_boxes_are_read(pdf, dpi):
    image = _page(pdf, dpi)
    _mark(
        image,
        dpi,
        {"staff": [(0, "tick")], "security": [(1, "cross")], "cleaning": [(4, "fill")], "power": [(2, "sloppy")],
         "needs": [(0, "tick"), (3, "cross")]},
    )  # fmt: skip
    rows = _rows(image)
    assert rows["staff"].chosen == (0,) and rows["staff"].state == omr.READ
    assert rows["security"].chosen == (1,)
    assert rows["cleaning"].chosen == (4,)
    assert rows["power"].chosen == (2,)
    assert rows["needs"].chosen == (0, 3)  # several allowed
    assert rows["water"].chosen == () and rows["water"].state == omr.READ


def test_doubtful_rows_go_to_the_clerk_with_their_picture(pdf):
    image = _page(pdf, 200)
    _mark(
        image,
        200,
        {"staff": [(0, "fill"), (2, "tick")], "security": [(1, "tick"), (3, "cross")], "cleaning": [(2, "light")],
         "rebuy": [(0, "tick"), (1, "tick")]},
    )  # fmt: skip
    rows = _rows(image)
    for key, words in (
        ("staff", "涂黑"),
        ("security", "选了 2 个"),
        ("cleaning", "很淡"),
        ("rebuy", "选了 2 个"),
    ):
        row = rows[key]
        assert row.state == omr.REVIEW and row.chosen == ()
        assert words in row.reason
        picture = Image.open(__import__("io").BytesIO(row.image))
        assert picture.width > 4 * picture.height  # the row's strip, cut out
    assert rows["water"].state == omr.READ


@pytest.mark.parametrize(
    "effects",
    [
        ["rotate"],
        ["upside"],
        ["rotate", "upside"],
        ["blur", "noise"],
        ["jpeg"],
        ["photo"],
        ["photo", "rotate", "jpeg"],
    ],
)
def test_damaged_scans_are_read_or_sent_whole_never_guessed(pdf, effects):
    rng = random.Random(zlib.crc32("-".join(effects).encode()))  # the same marks every run
    image = _page(pdf, 200)
    truths = sb.fill_page(image, PAGES[0], 200, rng)
    damaged, done = sb.degrade(image, rng, effects)
    reading = survey.read_page_image(damaged, GET)
    assert reading.code is not None and reading.code.sheet == 1
    if not reading.rows:  # not straightened with confidence: the whole page goes to the clerk
        assert reading.problem and reading.image, done
        return
    rows = {r.key: r for r in reading.rows}
    for truth in truths:
        row = rows[truth.key]
        if truth.must_review:
            assert row.state == omr.REVIEW, (done, truth)
        elif row.state == omr.READ:
            assert row.chosen == truth.chosen, (done, truth, row.boxes)


def test_a_generated_batch_has_no_silent_wrong_answer():
    _, scans = sb.make_scans(24, seed=11, q=Q)
    tally = sb.Tally()
    for scan in scans:
        sb.check(scan, survey.read_page_image(scan.image, GET), 1, tally)
    assert tally.rows_wrong == 0, tally.wrong
    assert tally.wrong_sheet == 0
    assert tally.doubtful_rows_reviewed == tally.doubtful_rows > 0
    assert tally.sheets_read == tally.sheets == 24
    assert tally.clear_read_right >= 99.5


def _cover(image: Image.Image, dpi: int, centres: list[tuple[float, float]]) -> None:
    px = dpi / 25.4
    draw = ImageDraw.Draw(image)
    for x, y in centres:
        draw.rectangle([(x - 5) * px, (y - 5) * px, (x + 5) * px, (y + 5) * px], fill=255)


def test_a_photocopy_that_lost_two_corner_marks_is_still_read(pdf):
    image = _page(pdf, 200)
    _mark(image, 200, {"staff": [(1, "tick")]})
    _cover(image, 200, [survey.MARKS[2], survey.MARKS[3]])  # the bottom edge cut off
    rows = _rows(image)
    assert rows["staff"].chosen == (1,)


def test_a_page_without_enough_marks_goes_to_the_clerk_whole(pdf):
    image = _page(pdf, 200)
    _cover(image, 200, list(survey.MARKS[:3]))
    reading = survey.read_page_image(image, GET)
    assert reading.code is not None and reading.rows == []
    assert "角标只找到 1 个" in reading.problem
    assert reading.image  # kept, to be typed in from its picture


def test_a_page_turned_too_far_is_not_read(pdf):
    image = _page(pdf, 150).rotate(20, expand=True, fillcolor=255)
    reading = survey.read_page_image(image, GET)
    assert reading.rows == [] and "歪了" in reading.problem


def _qr_image(text: str) -> Image.Image:
    import zxingcpp

    return Image.fromarray(zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode).to_image(scale=8))


def test_a_blank_page_and_a_foreign_code_are_told_apart():
    assert survey.read_page_image(Image.new("L", (1240, 1754), 250), GET).blank
    page = Image.new("L", (1240, 1754), 255)
    page.paste(_qr_image("HF-2026-000123"), (900, 100))  # a 《回访记录表》 in the survey's pile
    reading = survey.read_page_image(page, GET)
    assert not reading.blank and reading.code is None
    assert "扫描件导入" in reading.problem and reading.image


def test_the_second_page_reads_what_is_written_by_hand(pdf):
    image = _page(pdf, 200, sheet=2, page=2)
    rng = random.Random(3)
    px = 200 / 25.4
    draw = ImageDraw.Draw(image)
    x0, y0, x1, _ = PAGES[1].geometry.texts[0].area
    for i in range(8):
        draw.rectangle(
            [(x0 + 4 + i * 6) * px, (y0 + 3) * px, (x0 + 8 + i * 6) * px, (y0 + 6.5) * px],
            outline=sb._pen(rng),
            width=3,
        )
    reading = survey.read_page_image(image, GET)
    assert reading.code == survey.CodeParts("B0B0CAFE", 1, 2, 2)
    texts = {t.key: t for t in reading.texts}
    assert texts["advice"].written and texts["advice"].image
    assert not texts["first"].written


def test_a_sheet_with_importance_reads_both_ratings():
    q = survey.default_questionnaire(importance=True)
    pages = survey.sheet_pages(q)
    (image,) = sb.render(survey_form.generate(sb.content(q, 1)), 200, [0])
    rows = {r.key: r for r in pages[0].geometry.rows}
    draw = ImageDraw.Draw(image)
    rng = random.Random(5)
    sb.draw_mark(draw, rows["staff"].boxes[1], "tick", 200 / 25.4, rng)
    sb.draw_mark(draw, rows["staff.imp"].boxes[0], "cross", 200 / 25.4, rng)
    image, _ = sb.degrade(image, rng, ["rotate", "jpeg"])
    reading = survey.read_page_image(image, sb.geometry_for(q))
    read = {r.key: r for r in reading.rows}
    assert read["staff"].chosen == (1,) and read["staff.imp"].chosen == (0,)
    assert read["security.imp"].chosen == () and read["security.imp"].state == omr.READ


def test_a_page_placed_wrong_is_not_read_box_by_box(pdf):
    """If the page's position were off by a box border (a photo's perspective with a mark
    lost), every box would show ink: the page then goes to the clerk whole."""
    import dataclasses

    image = _page(pdf, 200)
    code = omr.find_codes(image)[0]
    geometry = PAGES[0].geometry
    placement, _ = omr.place(image, geometry, code)
    page = omr.straighten(image, geometry, placement)
    assert not omr.misregistered(omr.read_rows(page, geometry))
    shifted = dataclasses.replace(
        geometry,
        rows=tuple(
            dataclasses.replace(r, boxes=tuple(omr.Box(b.x + 3.0, b.y, b.size) for b in r.boxes))
            for r in geometry.rows
        ),
    )
    assert omr.misregistered(omr.read_rows(page, shifted))
