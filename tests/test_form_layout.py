"""The printed forms as the office fills them by hand (issue 11, item 5), checked on the page.

Every check reads the real PDF: the words and where they are (`pdftotext -bbox`), the page
drawn at 150 dpi by `pdftoppm` (ruled lines, signature boxes, the QR code read back with
zxing-cpp) and the fonts (`pdffonts`). Positions are in PDF points from the top left;
pixels are at 150 dpi.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from app.models import Dispatch, Visit
from app.printdata import VisitFormData
from app.signatures import SignatureCapture, demo_strokes
from app.visits import VisitResult
from reports.printing import Printouts
from reports.visit_form import VisitFormReport
from tests.helpers import cli

DPI = 150
MM = DPI / 25.4  # pixels per millimetre
PT = DPI / 72  # pixels per point
DARK = 110  # grid lines print #333 (51); text and rules are told apart by their length
CJK = re.compile(r"[\u4e00-\u9fff]")
LANGUAGES = ["zh_CN", "zh_TW", "en"]


@dataclass
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass
class Sheet:
    """One page of a printed PDF: its words with their boxes and its picture at 150 dpi."""

    words: list[Word]
    image: Image.Image
    width_pt: float
    height_pt: float

    def word(self, text: str) -> Word:
        found = [w for w in self.words if w.text == text]
        assert found, f"{text!r} not on the page: {[w.text for w in self.words]}"
        return found[0]

    def containing(self, text: str) -> list[Word]:
        return [w for w in self.words if text in w.text]

    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    # the picture ---------------------------------------------------------------------
    def _dark(self, x: int, y: int) -> bool:
        return self.image.getpixel((x, y)) < DARK

    def vline(self, x: int, y: int, half: int = 10) -> bool:
        """A grid line runs down through (x, y): dark for `half` pixels above and below."""
        return sum(self._dark(x, yy) for yy in range(y - half, y + half + 1)) >= 2 * half - 1

    def hline(self, x: int, y: int, half: int = 15) -> bool:
        return sum(self._dark(xx, y) for xx in range(x - half, x + half + 1)) >= 2 * half - 1

    def cell_right_of(self, label: Word) -> tuple[int, int, int, int]:
        """The table cell right of a label cell: (left, top, right, bottom) in pixels."""
        y = round(label.cy * PT)
        x = round(label.x1 * PT)
        while not self.vline(x, y):
            x += 1
        while self.vline(x, y):
            x += 1
        left = x
        while not self.vline(x, y):
            x += 1
        right = x - 1
        mid = (left + right) // 2
        top = y
        while not self.hline(mid, top):
            top -= 1
        bottom = y
        while not self.hline(mid, bottom):
            bottom += 1
        return left, top + 1, right, bottom - 1

    def ink(self, box: tuple[int, int, int, int], margin: int = 3) -> int:
        """Pixels with anything printed on them inside `box` (its borders left out)."""
        left, top, right, bottom = box
        return sum(
            1
            for x in range(left + margin, right - margin)
            for y in range(top + margin, bottom - margin)
            if self.image.getpixel((x, y)) < 200
        )

    def rules(self, box: tuple[int, int, int, int]) -> list[int]:
        """The y of each ruled (grey, full-width) line inside a cell."""
        left, top, right, bottom = box
        xs = range(left + 10, right - 10, 7)
        found: list[int] = []
        for y in range(top + 2, bottom - 1):
            values = [self.image.getpixel((x, y)) for x in xs]
            if all(DARK <= v < 225 for v in values) and (not found or y - found[-1] > 3):
                found.append(y)
        return found


def pages(pdf: bytes, tmp_path: Path) -> list[Sheet]:
    path = tmp_path / f"sheet{len(list(tmp_path.glob('sheet*.pdf')))}.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True)
    sheets: list[Sheet] = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out.stdout, re.S):
        words = [
            Word(html.unescape(m.group(5)), *(float(m.group(i)) for i in range(1, 5)))
            for m in re.finditer(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                page.group(3),
            )
        ]
        n = len(sheets) + 1
        prefix = tmp_path / f"{path.stem}-p{n}"
        subprocess.run(
            ["pdftoppm", "-r", str(DPI), "-gray", "-png", "-singlefile", "-f", str(n), "-l", str(n)]
            + [str(path), str(prefix)],
            check=True,
        )
        image = Image.open(f"{prefix}.png").convert("L")
        image.load()
        sheets.append(Sheet(words, image, float(page.group(1)), float(page.group(2))))
    return sheets


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def row_words(sheet: Sheet, label: Word, right_of: float | None = None) -> list[Word]:
    """Words on the same line as `label`, right of it (or right of `right_of`)."""
    edge = label.x1 if right_of is None else right_of
    return [w for w in sheet.words if abs(w.cy - label.cy) < 4 and w.x0 > edge]


# Visits to print -----------------------------------------------------------------------
@pytest.fixture
def steward(office):
    return office.staff.save_staff("赵物管", "steward")


@pytest.fixture
def paper_visit(office, admin, make_case, steward):
    """A complaint handled, its visit planned for the steward: printed before the visit."""
    case = make_case(
        kind="投诉",
        category="服务态度",
        room="5-1-302",
        customer_name="李娜",
        account="保安态度恶劣，夜里进门时被大声呵斥，要求道歉。",
    )
    office.cases.resolve(case, "已约谈当班保安并当面向业主道歉。", admin)
    visit = Visit.get(Visit.case == case)
    office.visits.assign(visit, steward)
    return Visit.get_by_id(visit.id)


@pytest.fixture
def signed_visit(office, admin, make_case, clock):
    """A repair visit done and signed on screen by the owner and the visitor."""
    case = make_case(kind="报修", category="漏水/渗漏", account="卫生间天花板漏水，滴到地板上。")
    office.cases.resolve(case, "重做防水层，闭水试验合格。", admin)
    # A leak is visited after its leak test (闭水试验).
    office.visits.dates.record_leak_test(case, case.resolved_at.date(), admin)
    clock.advance(days=1)
    visit = Visit.get(Visit.case == case)
    office.visits.complete(
        visit,
        VisitResult(
            method="上门",
            satisfaction="很满意",
            findings="维修及时，现场干净。",
            opinion="感谢师傅",
            site_checked=True,
            charges_checked=True,
            worker_conduct="准时规范",
            customer_signature=SignatureCapture(demo_strokes(5), 600, 200, "张伟"),
            visitor_signature=SignatureCapture(demo_strokes(6), 600, 200, "王管理"),
        ),
        admin,
    )
    return Visit.get_by_id(visit.id)


# 《回访记录表》 ------------------------------------------------------------------------------
FORM_LABELS = [
    "回访记录表",
    "单位",
    "客户姓名",
    "联系电话",
    "预约时间",
    "回访方式",
    "回访次数",
    "所涉案件",
    "投诉报修内容",
    "处理结果",
    "回访内容",
    "现场查看",
    "收费核实",
    "维修人员表现",
    "满意程度",
    "不足之处",
    "意见及建议",
    "客户签名",
    "回访人签名",
    "主管审核",
    "项目经理意见",
    "总经理意见",
    "备注",
]


def test_blank_form_is_ready_for_handwriting(office, admin, tmp_path):
    pdf = Printouts(office, admin).blank_forms(2)
    assert page_count(pdf) == 2  # one form a page
    sheet = pages(pdf, tmp_path)[0]
    text = sheet.text()
    for label in FORM_LABELS:
        assert label in text, label
    # 回访次数 is left for the visitor: no number printed in its cell.
    count = row_words(sheet, sheet.word("回访次数"))
    assert count and not any(re.search(r"\d", w.text) for w in count), count
    # Ruled lines where the visitor writes, at least 8 mm apart.
    expected = {"回访内容": 5, "投诉报修内容": 2, "处理结果": 2, "不足之处": 2, "意见及建议": 2}
    for label, lines in expected.items():
        cell = sheet.cell_right_of(sheet.word(label))
        rules = sheet.rules(cell)
        assert len(rules) == lines - 1, (label, rules)  # the cell's bottom border is the last line
        edges = [cell[1], *rules, cell[3]]
        gaps = [b - a for a, b in zip(edges, edges[1:], strict=False)]
        assert min(gaps) >= 8 * MM - 2, (label, [round(g / MM, 1) for g in gaps])
    # Fill-in cells tall enough to write in.
    for label in ("单位", "联系电话", "所涉案件"):
        left, top, right, bottom = sheet.cell_right_of(sheet.word(label))
        assert bottom - top >= 8 * MM - 3, label
    # Signature boxes empty, with the date to write as 年 月 日.
    for label in ("客户签名", "回访人签名"):
        box = sheet.cell_right_of(sheet.word(label))
        assert sheet.ink(box) == 0, label
        assert box[3] - box[1] >= 11 * MM, label
    for label in ("客户签名", "回访人签名"):
        date = row_words(sheet, sheet.word(label), right_of=sheet.cell_right_of(sheet.word(label))[2] / PT)
        assert [w.text for w in date if w.text != "日期"] == ["年", "月", "日"], date


def test_prefilled_form_leaves_the_boxes_to_the_pen(office, admin, paper_visit, tmp_path):
    pdf = Printouts(office, admin).visit_form(paper_visit)
    assert page_count(pdf) == 1
    sheet = pages(pdf, tmp_path)[0]
    for value in ("5-1-302", "李娜", "保安态度恶劣", "已约谈当班保安", "第", "1"):
        assert value in sheet.text(), value
    count = row_words(sheet, sheet.word("回访次数"))
    assert [w.text for w in count] == ["第", "1", "次"]
    # The visitor's name prints small beside the box, not in it; both boxes stay empty.
    name = [w for w in sheet.words if w.text.endswith("赵物管")]
    assert len(name) == 1, sheet.text()
    box = sheet.cell_right_of(sheet.word("回访人签名"))
    assert name[0].x1 * PT < box[0] and box[1] <= name[0].cy * PT <= box[3]
    assert sheet.ink(box) == 0
    assert sheet.ink(sheet.cell_right_of(sheet.word("客户签名"))) == 0
    # Room to write what was found: ruled lines under 回访内容 on the pre-filled form too.
    assert len(sheet.rules(sheet.cell_right_of(sheet.word("回访内容")))) >= 4


def test_signed_on_screen_copy_prints_the_signatures_in_their_boxes(office, admin, signed_visit, tmp_path):
    pdf = Printouts(office, admin).visit_form(signed_visit)
    assert page_count(pdf) == 1
    sheet = pages(pdf, tmp_path)[0]
    for value in ("维修及时", "感谢师傅", "准时规范", "2026-09-29"):
        assert value in sheet.text(), value
    customer = sheet.cell_right_of(sheet.word("客户签名"))
    visitor = sheet.cell_right_of(sheet.word("回访人签名"))
    assert sheet.ink(customer) > 200 and sheet.ink(visitor) > 200  # the drawn signatures
    name = [w for w in sheet.words if w.text.endswith("王管理") and w.cy * PT > visitor[1]]
    assert name and all(w.x1 * PT < visitor[0] for w in name)
    # What was recorded prints as text, not on writing lines.
    assert sheet.rules(sheet.cell_right_of(sheet.word("回访内容"))) == []


def test_qr_code_reads_back_at_150_dpi_away_from_the_staple_corner(office, admin, tmp_path):
    pdf = Printouts(office, admin).blank_forms(1)
    sheet = pages(pdf, tmp_path)[0]
    codes = zxingcpp.read_barcodes(sheet.image)
    assert [c.text for c in codes] == ["HF-2026-000001"]
    corners = [codes[0].position.top_left, codes[0].position.top_right]
    corners += [codes[0].position.bottom_left, codes[0].position.bottom_right]
    xs, ys = [p.x for p in corners], [p.y for p in corners]
    left, top, right, bottom = min(xs), min(ys), max(xs), max(ys)
    width, height = sheet.image.size
    # At least as large as before (21 modules of 0.88 mm), in the top right, off the edges.
    assert right - left >= 18 * MM
    assert left > width / 2 and bottom < height / 4
    assert width - right >= 12 * MM and top >= 10 * MM
    # A quiet zone of four modules: nothing printed around the code.
    module = (right - left) / 21
    zone = (
        round(left - 4 * module),
        round(top - 4 * module),
        round(right + 4 * module),
        round(bottom + 4 * module),
    )
    ring = sheet.ink(zone, margin=0) - sheet.ink((left - 1, top - 1, right + 1, bottom + 1), margin=0)
    assert ring == 0
    # The number in text beside it.
    number = sheet.word("HF-2026-000001")
    assert number.x1 * PT < left and top <= number.cy * PT <= bottom


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_form_fits_one_page_in_every_language(office, admin, paper_visit, signed_visit, language):
    printouts = Printouts(office, admin, language=language)
    assert page_count(printouts.blank_forms(3)) == 3
    assert page_count(printouts.visit_form(paper_visit)) == 1
    assert page_count(printouts.visit_form(signed_visit)) == 1
    periodic = VisitFormData(
        form_no="HF-2026-000099", room="3-2-501", customer="张伟", purpose="季度巡访", visitor="赵物管"
    )
    long_case = VisitFormData(
        form_no="HF-2026-000098",
        case_number="TS-2026-00009",
        case_kind="报修·重要",
        case_category="设施设备维护",
        received_at=dt.datetime(2026, 9, 1, 9),
        resolved_at=dt.datetime(2026, 9, 3, 9),
        account="楼上漏水导致天花板大面积发霉，业主多次反映未果。" * 30,
        result="已更换楼上防水层并重新粉刷天花板。" * 30,
        is_repair=True,
        visitor="赵物管",
    )
    pdf = VisitFormReport("阳光花园物业服务中心", [periodic, long_case], language).generate()
    assert page_count(pdf) == 2
    assert "…" in PdfReader(io.BytesIO(pdf)).pages[1].extract_text()  # the long case text cut short


def test_english_and_traditional_forms_have_their_own_labels(office, admin, steward, make_case, tmp_path):
    _ledger_of_30(office, admin, steward)
    english = Printouts(office, admin, language="en")
    blank = pages(english.blank_forms(1), tmp_path)[0]
    words = [w.text for w in blank.words if w.text != "阳光花园物业服务中心"]
    assert not [w for w in words if CJK.search(w)], words  # every fixed word in English
    ledger = pages(english.ledger_pdf(), tmp_path)[0]
    header = ledger.word("No.")
    heading = [w.text for w in ledger.words if abs(w.cy - header.cy) < 12]
    assert not [w for w in heading if CJK.search(w)], heading
    for label in ("Taker's", "Returner's", "Form no.", "2026-07-01 to 2026-09-30"):
        assert label in ledger.text(), label
    assert "Voided" in ledger.text() and "Signed out" in ledger.text()  # the states in English too
    slip = pages(english.dispatch_slip(_dispatched(office, admin, make_case)), tmp_path)[0]
    for label in ("Work done", "Materials used", "Hours worked", "Owner's signature"):
        assert label in slip.text(), label
    traditional = pages(Printouts(office, admin, language="zh_TW").blank_forms(1), tmp_path)[0].text()
    for label in ("回訪內容", "回訪次數", "客戶簽名", "回訪人簽名", "項目經理意見", "總經理意見", "備註"):
        assert label in traditional, label


def test_forms_use_only_the_embedded_bundled_font(office, admin, signed_visit, make_case, tmp_path):
    printouts = Printouts(office, admin)
    for name, pdf in {
        "blank": printouts.blank_forms(1),
        "signed": printouts.visit_form(signed_visit),
        "ledger": printouts.ledger_pdf(),
        "slip": printouts.dispatch_slip(_dispatched(office, admin, make_case)),
    }.items():
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        fonts = out.splitlines()[2:]
        assert fonts, out
        for line in fonts:
            flags = re.search(r"\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", line)
            assert "WenQuanYiMicroHei" in line.split()[0] and flags and flags.group(1) == "yes", (name, line)


# 《回访记录签收表》 --------------------------------------------------------------------------
def _ledger_of_30(office, admin, steward):
    forms = office.forms.issue_blank(30, admin)
    for i, form in enumerate(forms):
        if i % 3 == 0:
            office.forms.sign_out(form, steward, visit_item=f"季度巡访 {i % 9 + 1}栋")
        elif i % 7 == 1:
            office.forms.void(form, "卡纸", admin)
    return forms


def test_ledger_sheet_columns_signature_boxes_and_pages(office, admin, steward, tmp_path):
    _ledger_of_30(office, admin, steward)
    pdf = Printouts(office, admin).ledger_pdf()
    sheets = pages(pdf, tmp_path)
    total = len(sheets)
    assert total >= 2
    for n, sheet in enumerate(sheets, start=1):
        assert f"第 {n} 页 / 共 {total} 页" in sheet.text()
        for label in ("序号", "表单编号", "领用人", "领用人签字", "回访事项", "回访次数", "交回签字", "备注"):
            assert label in sheet.text(), (n, label)  # the header row repeats on every page
    first = sheets[0]
    # The date range in the title area: the current quarter by default.
    assert "2026-07-01" in first.text() and "2026-09-30" in first.text() and "共 30 份" in first.text()
    # All 30 forms listed once, in order.
    numbers = [w.text for s in sheets for w in s.words if w.text.startswith("HF-2026-")]
    assert numbers == [f"HF-2026-{n:06d}" for n in range(1, 31)]
    # Rows tall enough to sign in, the signature columns empty.
    serials = [w for w in first.words if w.text.startswith("HF-2026-")]
    gaps = [b.cy - a.cy for a, b in zip(serials, serials[1:], strict=False)]
    assert min(gaps) * PT >= 10 * MM - 2
    row = serials[1]
    for label in ("领用人签字", "交回签字"):
        header = first.word(label)
        column = [w for w in first.words if abs(w.cy - row.cy) < 10 and header.x0 - 5 < w.cx < header.x1 + 5]
        assert column == [], (label, column)
    # A blank form not used for a visit has no 回访次数 yet.
    count_header = first.word("回访次数")
    table_bottom = max(w.y1 for w in serials)
    counts = [
        w for w in first.words if abs(w.cx - count_header.cx) < 15 and count_header.y1 < w.cy <= table_bottom
    ]
    assert [w.text for w in counts] == []


def test_ledger_date_range_picks_the_forms(office, admin, steward, clock, tmp_path, capsys):
    office.forms.issue_blank(2, admin)
    clock.advance(days=10)  # into the fourth quarter
    later = office.forms.issue_blank(1, admin)
    office.forms.void(later[0], "污损", admin)
    printouts = Printouts(office, admin)
    q4 = " ".join(s.text() for s in pages(printouts.ledger_pdf(), tmp_path))
    # This quarter: the new (voided) form, and the two from last quarter still not returned.
    assert "2026-10-01" in q4 and "2026-12-31" in q4
    assert all(f"HF-2026-00000{n}" in q4 for n in (1, 2, 3))
    q3 = printouts.ledger_pdf(dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    text = " ".join(s.text() for s in pages(q3, tmp_path))
    assert "HF-2026-000001" in text and "HF-2026-000003" not in text and "共 2 份" in text
    office.close()
    data = str(office.data_dir)
    out = tmp_path / "ledger.pdf"
    args = ["form", "ledger", "--pdf", str(out), "--from", "2026-10-01", "--to", "2026-10-31"]
    assert cli.run(data, *args) == 0
    text = " ".join(s.text() for s in pages(out.read_bytes(), tmp_path))
    assert "2026-10-01 至 2026-10-31" in text and "HF-2026-000003" in text
    with pytest.raises(SystemExit) as bad:
        cli.run(data, *["form", "ledger", "--pdf", str(out), "--from", "2026-13-01"])
    assert bad.value.code == 2
    assert "日期“2026-13-01”看不懂" in capsys.readouterr().err
    args = ["form", "ledger", "--pdf", str(out), "--from", "2026-10-31", "--to", "2026-10-01"]
    assert cli.run(data, *args) == 2
    assert "截止日期不能早于起始日期" in capsys.readouterr().err


# 工作联系单 and 《顾客投诉处理记录表》 --------------------------------------------------------------
def _dispatched(office, admin, make_case):
    case = make_case(
        kind="报修", category="设施设备维护", account="电梯异响，已经三天了。", request="尽快修好"
    )
    office.cases.dispatch(case, office.staff.departments()[0], admin, instructions="请检修电梯")
    return Dispatch.get(Dispatch.case == case)


def test_dispatch_slip_has_work_done_materials_hours_and_owner_signature(office, admin, make_case, tmp_path):
    slip = _dispatched(office, admin, make_case)
    printouts = Printouts(office, admin)
    sheet = pages(printouts.dispatch_slip(slip), tmp_path)[0]
    for label in ("工作联系单", "完成情况", "用料", "工时", "业主确认签字", "验收人", "签收人"):
        assert label in sheet.text(), label
    assert len(sheet.rules(sheet.cell_right_of(sheet.word("完成情况")))) == 2  # three lines to write on
    assert len(sheet.rules(sheet.cell_right_of(sheet.word("用料")))) == 1
    for label in ("业主确认签字", "签收人", "验收人"):
        box = sheet.cell_right_of(sheet.word(label))
        assert sheet.ink(box) == 0 and box[3] - box[1] >= 11 * MM, label
    hours = sheet.cell_right_of(sheet.word("工时"))
    assert sheet.ink(hours) == 0 and hours[3] - hours[1] >= 8 * MM - 3
    # Once the work is done, what was recorded prints on the lines; the owner still signs by hand.
    office.cases.resolve(slip.case, "更换曳引机轴承，试运行正常。", admin)
    done = pages(printouts.dispatch_slip(Dispatch.get_by_id(slip.id)), tmp_path)[0]
    assert "更换曳引机轴承" in done.text()
    done_line = done.containing("更换曳引机轴承")[0]
    cell = done.cell_right_of(done.word("完成情况"))
    assert cell[1] < done_line.cy * PT < cell[3]
    assert done.ink(done.cell_right_of(done.word("业主确认签字"))) == 0


def test_complaint_record_has_lines_and_empty_signature_boxes(office, admin, make_case, tmp_path):
    case = make_case(kind="投诉", category="服务态度", account="保安态度恶劣，")
    office.cases.dispatch(case, office.staff.departments()[3], admin, instructions="请核实当班人员")
    sheet = pages(Printouts(office, admin).complaint_record(case), tmp_path)[0]
    for label in ("处理结果", "处理经过", "经办人签名", "主管审核意见", "主管签名"):
        assert label in sheet.text(), label
    assert len(sheet.rules(sheet.cell_right_of(sheet.word("处理结果")))) == 2
    assert len(sheet.rules(sheet.cell_right_of(sheet.word("主管审核意见")))) == 1
    for label in ("经办人签名", "主管签名"):
        box = sheet.cell_right_of(sheet.word(label))
        assert sheet.ink(box) == 0 and box[3] - box[1] >= 11 * MM, label


def test_long_recorded_text_prints_whole_without_lines(office, admin, make_case, tmp_path):
    """A result as long as the program takes (2000 characters) prints in full at its normal
    leading: ruled lines are only for what is still to be written."""
    slip = _dispatched(office, admin, make_case)
    result = ("更换曳引机轴承并调整导轨，试运行正常，" * 100)[:2000]
    office.cases.resolve(slip.case, result, admin)
    pdf = Printouts(office, admin).dispatch_slip(Dispatch.get_by_id(slip.id))
    sheets = pages(pdf, tmp_path)
    assert f"第 1 页 / 共 {len(sheets)} 页" in sheets[0].text()
    printed = "".join(w.text for s in sheets for w in s.words)
    assert result.replace("，", "") in printed.replace("，", "")
    where = [s for s in sheets if any(w.text == "完成情况" for w in s.words)]
    assert len(where) == 1
    assert where[0].rules(where[0].cell_right_of(where[0].word("完成情况"))) == []
