"""Signed forms scanned back: scans made from the REAL printed PDFs (drawn by pdftoppm, then
turned, speckled, blurred, JPEG'd, photographed at an angle) are read with zxing-cpp and
matched against the form ledger; nothing is ever attached to the wrong form."""

from __future__ import annotations

import io

import pypdfium2
import pytest
import zxingcpp
from PIL import Image

from app import form_scans as fs
from app.db import schema_version
from app.errors import UserError, ValidationError
from app.form_scans import FormScans, ScanFileError, form_number, import_scans, open_scan_file
from app.forms import PRINTED, RETURNED
from app.models import FormSheet, ScanPage, Visit, db
from app.office import Office
from app.printdata import blank_form
from app.signatures import SignatureCapture, demo_strokes
from app.visits import VisitResult
from bench import scan_samples as ss
from reports.printing import Printouts
from reports.visit_form import VisitFormReport
from tests.helpers import cli
from tests.helpers.files import raw_connection

QR = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)


@pytest.fixture
def scans(office):
    return FormScans(office.forms)


@pytest.fixture
def planned_visit(office, admin, make_case):
    case = make_case(kind="报修", category="漏水/渗漏", account="卫生间天花板漏水。")
    office.cases.resolve(case, "重做防水层,闭水试验合格。", admin)
    # A leak is visited after its leak test (闭水试验).
    office.visits.dates.record_leak_test(case, case.resolved_at.date(), admin)
    return Visit.get(Visit.case == case)


def stored_picture(page: ScanPage) -> Image.Image:
    data = bytes(page.image)
    assert data.startswith(b"\xff\xd8") and len(data) <= fs.STORE_MAX_BYTES
    return Image.open(io.BytesIO(data))


def numbers_of(pdf: bytes) -> list[str]:
    """The number each page of a printed PDF carries, read from the printed QR itself."""
    document = pypdfium2.PdfDocument(pdf)
    found = []
    for index in range(len(document)):
        image = document[index].render(scale=1.5).to_pil()
        found.append(zxingcpp.read_barcodes(image, formats=QR)[0].text)
    return found


# Reading the numbers -------------------------------------------------------------------------
def test_form_number_forgives_case_spaces_and_widths():
    assert form_number("HF-2026-000123") == "HF-2026-000123"
    assert form_number(" hf - 2026 - 000123 ") == "HF-2026-000123"
    assert form_number("ＨＦ－２０２６－１２３") == "HF-2026-000123"
    assert form_number("hf2026000123") == "HF-2026-000123"
    for other in ("", "HF-2026", "https://weixin.qq.com/x", "TS-2026-00042", "HF-26-000123"):
        assert form_number(other) is None, other


@pytest.mark.parametrize("dpi", [150, 200, 300])
def test_a_scanners_pdf_every_readable_page_matched(office, admin, scans, tmp_path, dpi):
    """One multi-page PDF from the office scanner: the real printed forms, spoilt nine ways."""
    pdf = Printouts(office, admin).blank_forms(9)
    numbers = [f.number for f in office.forms.ledger()]
    assert numbers_of(pdf) == numbers  # the printed codes are the ledger's numbers
    pages = ss.render(pdf, dpi)
    spoilt = [
        pages[0],
        ss.turned(pages[1], 5),
        ss.turned(pages[2], -5),
        ss.upside_down(pages[3]),
        ss.speckled(pages[4], 40),
        ss.blurred(pages[5], 1.5 * dpi / 200),
        ss.rough_jpeg(pages[6], 50),
        ss.rough_jpeg(ss.blurred(ss.speckled(ss.turned(pages[7], -3), 25), 1.0), 50),
        ss.blank_page(pages[0].size),  # the empty back of a sheet (duplex scanning)
        ss.without_code(pages[8]),  # the code covered: nothing to read
    ]
    expected = numbers[:8] + [None, None]
    scan = ss.to_pdf(spoilt, tmp_path / f"扫描{dpi}.pdf", dpi=dpi)

    batch = import_scans([scan], scans, admin)

    assert [o.page for o in batch.outcomes] == list(range(1, 11))
    for outcome, number in zip(batch.outcomes, expected, strict=True):
        if number is not None:
            assert outcome.status == fs.ATTACHED and outcome.number == number, outcome
    assert batch.outcomes[8].status == fs.BLANK
    assert batch.outcomes[9].status == fs.UNMATCHED and "读不出二维码" in batch.outcomes[9].message
    assert [o.page for o in batch.unmatched] == [10]
    # Nothing attached to the wrong form: every kept page is on the form its page carries.
    kept = list(ScanPage.select().order_by(ScanPage.source_page))
    assert len(kept) == 9  # the blank page is not kept
    for page in kept:
        want = expected[page.source_page - 1]
        assert (page.form.number if page.form_id else None) == want
        assert page.source_name == scan.name
        picture = stored_picture(page)
        assert max(picture.size) <= fs.STORE_LONG_SIDE
    # The page scanned upside down is kept upright.
    upright = ScanPage.get(ScanPage.source_page == 4)
    codes = zxingcpp.read_barcodes(stored_picture(upright), formats=QR)
    assert [c.text for c in codes] == [numbers[3]] and abs(codes[0].orientation) < 10
    # The page without a code waits, with its picture, for matching by hand.
    (waiting,) = scans.unmatched()
    assert waiting.source_page == 10 and "读不出二维码" in waiting.reason
    # Blank forms wait in the ledger (no visit entered yet): attached, not returned.
    assert {f.state for f in office.forms.ledger()} == {PRINTED}
    assert "共读 10 页:8 页已附加到表单" in batch.summary()


def test_phone_photos_at_an_angle_and_turned_by_exif(office, admin, scans, planned_visit, tmp_path):
    pdf = Printouts(office, admin).visit_form(planned_visit)  # a pre-filled form
    blank = Printouts(office, admin).blank_forms(1)
    form = office.forms.live_form(planned_visit)
    (spare,) = office.forms.ledger(state=PRINTED)[1:]
    photo = ss.to_jpeg(ss.phone_photo(ss.render(pdf, 200, gray=False)[0], seed=3), tmp_path / "IMG_0001.jpg")
    sideways = ss.to_jpeg(
        ss.phone_photo(ss.render(blank, 200, gray=False)[0], seed=4),
        tmp_path / "IMG_0002.JPG",
        quality=50,
        exif_orientation=6,
    )
    png = tmp_path / "截图.png"
    ss.render(blank, 150)[0].save(png)  # the same blank form again, as a PNG

    batch = import_scans([photo, sideways, png], scans, admin)

    assert [(o.file, o.status, o.number) for o in batch.outcomes] == [
        ("IMG_0001.jpg", fs.ATTACHED, form.number),
        ("IMG_0002.JPG", fs.ATTACHED, spare.number),
        ("截图.png", fs.ATTACHED, spare.number),
    ]
    (on_visit,) = scans.pages_for_visit(planned_visit)
    assert on_visit.form_id == form.id
    # The sideways photo is kept the way the camera says is up (taller than wide).
    picture = stored_picture(scans.pages_of(spare)[0])
    assert picture.height > picture.width
    # The photo's colours are not needed to read a signature: kept grey and small.
    assert picture.mode == "L"


# Matching against the ledger -----------------------------------------------------------------
def test_scan_waits_for_the_result_and_is_kept_when_the_visit_is_saved(
    office, admin, scans, planned_visit, tmp_path
):
    pdf = Printouts(office, admin).visit_form(planned_visit)
    form = office.forms.live_form(planned_visit)
    scan = tmp_path / "scan.png"
    ss.render(pdf, 200)[0].save(scan)

    (outcome,) = import_scans([scan], scans, admin).outcomes

    assert outcome.status == fs.ATTACHED and outcome.number == form.number
    assert "回访结果录入后" in outcome.message
    assert FormSheet.get_by_id(form.id).state == PRINTED  # no result yet: not returned
    # The visit's result is entered on that paper form: the form is returned, the scan stays.
    office.visits.complete(
        planned_visit,
        VisitResult(method="上门", satisfaction="满意", signed=True, form_no=form.number.lower()),
        admin,
    )
    saved = FormSheet.get_by_id(form.id)
    assert saved.state == RETURNED
    assert [p.id for p in scans.pages_for_visit(Visit.get_by_id(planned_visit.id))] == [outcome.scan_page_id]
    assert saved.scan_name == "scan.png 第1页"


def test_scan_after_the_result_marks_the_form_returned(office, admin, scans, planned_visit, tmp_path):
    pdf = Printouts(office, admin).visit_form(planned_visit)
    form = office.forms.live_form(planned_visit)
    # Result entered with the owner's signature on the pad; the paper form comes back later.
    office.visits.complete(
        planned_visit,
        VisitResult(
            method="上门",
            satisfaction="很满意",
            customer_signature=SignatureCapture(demo_strokes(5), 600, 200, "张伟"),
        ),
        admin,
    )
    scan = tmp_path / "returned.pdf"
    ss.to_pdf(ss.render(pdf, 200), scan)

    (outcome,) = import_scans([scan], scans, admin).outcomes

    assert outcome.status == fs.RETURNED and outcome.matched
    returned = FormSheet.get_by_id(form.id)
    assert returned.state == RETURNED and returned.checked_by == admin.name
    assert Visit.get_by_id(planned_visit.id).form_no == form.number


def test_voided_and_unknown_numbers_are_refused_with_the_reason(office, admin, scans, tmp_path):
    pdf = Printouts(office, admin).blank_forms(2)
    first, second = office.forms.ledger()
    office.forms.void(second, "污损", admin)
    # A form printed with a number this ledger never issued (another office's, say).
    stranger = VisitFormReport("别的服务中心", [blank_form("HF-2026-000777")]).generate()
    pages = ss.render(pdf, 200) + ss.render(stranger, 200)
    scan = ss.to_pdf(pages, tmp_path / "batch.pdf")

    batch = import_scans([scan], scans, admin)

    statuses = [(o.status, o.number) for o in batch.outcomes]
    assert statuses == [
        (fs.ATTACHED, first.number),
        (fs.REFUSED, second.number),
        (fs.REFUSED, "HF-2026-000777"),
    ]
    assert "已作废" in batch.outcomes[1].message and "污损" in batch.outcomes[1].message
    assert "台账里没有编号 HF-2026-000777" in batch.outcomes[2].message
    assert [p.form_id for p in ScanPage.select()] == [first.id]  # refused pages are not kept
    assert FormSheet.get_by_id(second.id).scan_name == ""
    assert len(batch.unmatched) == 2


def test_the_same_page_twice_is_kept_once(office, admin, scans, tmp_path):
    pdf = Printouts(office, admin).blank_forms(2)
    pages = ss.render(pdf, 200)
    scan = ss.to_pdf([pages[0], ss.without_code(pages[1])], tmp_path / "a.pdf")
    copy = tmp_path / "a (1).pdf"
    copy.write_bytes(scan.read_bytes())

    first = import_scans([scan], scans, admin)
    again = import_scans([scan, copy], scans, admin)

    assert [o.status for o in first.outcomes] == [fs.ATTACHED, fs.UNMATCHED]
    assert [o.status for o in again.outcomes] == [fs.DUPLICATE] * 4
    assert again.outcomes[0].matched and "已附在 HF-2026-000001" in again.outcomes[0].message
    assert not again.outcomes[1].matched and "待手工匹配" in again.outcomes[1].message
    assert ScanPage.select().count() == 2


def test_matching_by_hand(office, admin, scans, planned_visit, tmp_path):
    pdf = Printouts(office, admin).blank_forms(3)
    forms = office.forms.ledger()
    office.forms.void(forms[2], "填写错误", admin)
    pages = ss.render(pdf, 200)
    scan = ss.to_pdf([ss.without_code(pages[1]), ss.without_code(pages[0])], tmp_path / "no-codes.pdf")
    import_scans([scan], scans, admin)
    first, second = scans.unmatched()

    with pytest.raises(ValidationError):
        scans.attach_by_hand(first, "第二张", admin)
    with pytest.raises(UserError, match="已作废"):
        scans.attach_by_hand(first, forms[2].number, admin)
    with pytest.raises(UserError, match="台账里没有编号 HF-2026-000099"):
        scans.attach_by_hand(first, "HF-2026-99", admin)
    assert ScanPage.get_by_id(first.id).form_id is None  # refusals leave it waiting

    outcome = scans.attach_by_hand(first, "  hf-2026-2 ", admin)  # typed in lower case with spaces
    assert outcome.status == fs.ATTACHED and outcome.number == forms[1].number
    kept = ScanPage.get_by_id(first.id)
    assert kept.form_id == forms[1].id and kept.matched_by == fs.BY_HAND
    with pytest.raises(UserError):
        scans.attach_by_hand(kept, forms[0].number, admin)  # attached pages stay where they are
    # A page that is no form at all (a cover sheet) can be thrown away; an attached one cannot.
    scans.discard(second)
    assert scans.unmatched() == []
    with pytest.raises(UserError):
        scans.discard(kept)


# Bad input: refused in words, nothing lost ---------------------------------------------------
def test_files_that_are_not_scans_are_refused_in_words(office, admin, scans, tmp_path):
    pdf = Printouts(office, admin).blank_forms(1)
    text = tmp_path / "表单.pdf"
    text.write_text("这不是 PDF,只是改了扩展名的文本。\n", encoding="utf-8")
    damaged = tmp_path / "damaged.pdf"
    scanned = ss.to_pdf(ss.render(pdf, 200), tmp_path / "whole.pdf")
    damaged.write_bytes(scanned.read_bytes()[: scanned.stat().st_size // 3])
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    heic = tmp_path / "IMG_1234.HEIC"
    heic.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64)
    gif = tmp_path / "anim.gif"
    Image.new("L", (20, 20)).save(gif)
    messages = {
        text: "不是 PDF,也不是图片",
        damaged: "已损坏或不完整",
        empty: "是空的",
        heic: "HEIC",
        gif: "GIF 图片",
        tmp_path / "missing.png": "找不到文件",
        tmp_path: "是一个文件夹",
    }
    before = {p: p.read_bytes() for p in messages if p.is_file()}
    for path, words in messages.items():
        with pytest.raises(ScanFileError, match=words):
            open_scan_file(path)

    batch = import_scans([*messages, scanned], scans, admin)

    assert [o.status for o in batch.bad_files] == [fs.FAILED] * len(messages)
    assert batch.outcomes[-1].status == fs.ATTACHED  # the good file in the same batch still goes in
    assert {p: p.read_bytes() for p in before} == before  # the files are left as they were
    assert ScanPage.select().count() == 1


def test_a_scan_longer_than_the_limit_is_refused_before_reading(tmp_path):
    document = pypdfium2.PdfDocument.new()
    for _ in range(fs.MAX_PAGES + 1):
        document.new_page(595, 842)
    path = tmp_path / "整本.pdf"
    document.save(str(path))
    with pytest.raises(ScanFileError, match=f"有 {fs.MAX_PAGES + 1} 页,一次最多读 {fs.MAX_PAGES} 页"):
        open_scan_file(path)


def test_reading_stops_between_pages_when_cancelled(office, admin, scans, tmp_path):
    pdf = Printouts(office, admin).blank_forms(4)
    scan = ss.to_pdf(ss.render(pdf, 150), tmp_path / "four.pdf", dpi=150)
    done: list[int] = []
    batch = import_scans(
        [scan], scans, admin, on_outcome=lambda o: done.append(o.page), cancelled=lambda: len(done) >= 2
    )
    assert done == [1, 2] and batch.cancelled
    assert batch.summary().startswith("已取消")
    assert ScanPage.select().count() == 2  # what was read is kept; the rest can be imported again


# Command line ---------------------------------------------------------------------------------
def test_form_scan_command(office, admin, clock, tmp_path, capsys):
    pdf = Printouts(office, admin).blank_forms(2)
    pages = ss.render(pdf, 200)
    good = ss.to_pdf(pages, tmp_path / "good.pdf")
    mixed = ss.to_pdf([ss.without_code(pages[0])], tmp_path / "mixed.pdf")
    bad = tmp_path / "notes.pdf"
    bad.write_text("hello", encoding="utf-8")
    office.close()
    data = str(office.data_dir)

    assert cli.run(data, *["form", "scan", str(good)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [
        "good.pdf 第 1 页:HF-2026-000001:已附加。回访结果录入后,表单会标记交回",
        "good.pdf 第 2 页:HF-2026-000002:已附加。回访结果录入后,表单会标记交回",
    ]
    assert cli.run(data, *["form", "scan", str(mixed)]) == 1
    out = capsys.readouterr().out
    assert "mixed.pdf 第 1 页:读不出二维码" in out and "待手工匹配" in out
    assert cli.run(data, *["form", "scan", str(bad), str(good)]) == 2
    captured = capsys.readouterr()
    assert "“notes.pdf”不是 PDF,也不是图片" in captured.err
    assert "good.pdf 第 1 页:这一页已导入过" in captured.out
    with pytest.raises(SystemExit) as no_file:
        cli.run(data, *["form", "scan"])
    assert no_file.value.code == 2
    reopened = Office.login(office.data_dir, "admin", "secret1", clock)
    try:
        assert ScanPage.select().count() == 3
    finally:
        reopened.close()


# Storage -------------------------------------------------------------------------------------
def test_a_version_1_data_folder_gets_the_scan_table(tmp_path, clock):
    """A data file as schema version 1 made it (no scan table) is migrated; its forms stay."""

    from app import db as dbmod

    folder = tmp_path / "old"
    office = Office.open(folder, clock)
    office.initialise("阳光花园物业服务中心", "admin", "secret1", "王管理")
    admin = office.staff.authenticate("admin", "secret1")
    pdf = Printouts(office, admin).blank_forms(2)
    office.close()
    con = raw_connection(folder)
    con.execute(f"DROP TABLE {ScanPage._meta.table_name}")
    con.execute("UPDATE setting SET value = '1' WHERE key = 'schema_version'")
    con.commit()
    con.close()

    office = Office.login(folder, "admin", "secret1", clock)
    try:
        assert schema_version() == dbmod.SCHEMA_VERSION >= 3
        assert ScanPage._meta.table_name in db.get_tables()
        assert [f.number for f in office.forms.ledger()] == ["HF-2026-000001", "HF-2026-000002"]
        scan = ss.to_pdf(ss.render(pdf, 150)[:1], tmp_path / "s.pdf", dpi=150)
        (outcome,) = import_scans([scan], FormScans(office.forms)).outcomes
        assert outcome.status == fs.ATTACHED and outcome.number == "HF-2026-000001"
    finally:
        office.close()


def test_a_photo_cut_short_and_a_multi_page_tiff(office, admin, scans, tmp_path):
    pdf = Printouts(office, admin).blank_forms(2)
    first, second = office.forms.ledger()
    pages = ss.render(pdf, 150)
    photo = ss.to_jpeg(pages[0], tmp_path / "IMG_0007.jpg")
    cut = tmp_path / "IMG_0008.jpg"
    cut.write_bytes(photo.read_bytes()[: photo.stat().st_size // 2])  # the copy stopped halfway
    tiff = tmp_path / "scan.tif"
    pages[1].save(tiff, save_all=True, append_images=[ss.upside_down(pages[0])], compression="tiff_lzw")

    batch = import_scans([cut, tiff], scans, admin)

    assert [(o.where, o.status, o.number) for o in batch.outcomes] == [
        ("IMG_0008.jpg 第 1 页", fs.FAILED, ""),
        ("scan.tif 第 1 页", fs.ATTACHED, second.number),
        ("scan.tif 第 2 页", fs.ATTACHED, first.number),
    ]
    assert "不完整或已损坏" in batch.outcomes[0].message and not batch.outcomes[0].matched
    assert cut.stat().st_size == photo.stat().st_size // 2  # left as it was
