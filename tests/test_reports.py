"""Printed sheets: the words are there, the font is embedded, signatures keep transparency,
the QR code reads back, Chinese lines never start with closing punctuation."""

import io

import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader

from app.models import Dispatch, Visit
from app.signatures import SignatureCapture, demo_strokes
from app.visits import VisitResult
from reports.fonts import register
from reports.printing import Printouts
from reports.text import CANNOT_END, CANNOT_START, break_lines
from tests.helpers import cli

VISIT_FORM_LABELS = [
    "回访记录表",
    "NO",
    "单位",
    "客户姓名",
    "回访方式",
    "预约时间",
    "回访内容",
    "客户签名",
    "日期",
    "回访人签名",
    "主管审核",
    "项目经理意见",
    "总经理意见",
    "备注",
    "所涉案件",
    "投诉报修内容",
    "处理结果",
    "满意程度",
    "很满意",
    "不满意",
]


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def fonts_of(pdf: bytes) -> list[tuple[str, bool]]:
    """(font name, embedded?) for every font used on every page."""
    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            embedded = bool(descriptor) and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            out.append((str(font["/BaseFont"]), embedded))
    return out


def page_image(pdf: bytes, index: int = 0, scale: float = 2.0):
    document = pypdfium2.PdfDocument(pdf)
    return document[index].render(scale=scale).to_pil()


@pytest.fixture
def done_visit(office, admin, make_case, clock):
    case = make_case(kind="报修", category="漏水/渗漏", account="卫生间天花板漏水，滴到地板上。", ref="旧-88")
    office.cases.resolve(case, "重做防水层，闭水试验合格。", admin)
    # A leak is visited after its leak test (闭水试验).
    office.visits.dates.record_leak_test(case, case.resolved_at.date(), admin)
    clock.advance(days=1)
    visit = Visit.get(Visit.case == case)
    capture = SignatureCapture(demo_strokes(5), 600, 200, "张伟")
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
            customer_signature=capture,
            visitor_signature=SignatureCapture(demo_strokes(6), 600, 200, "王管理"),
        ),
        admin,
    )
    return Visit.get_by_id(visit.id)


def test_prefilled_visit_form(office, admin, done_visit):
    pdf = Printouts(office, admin).visit_form(done_visit)
    text = pdf_text(pdf)
    for label in VISIT_FORM_LABELS:
        assert label in text, label
    for value in [
        "HF-2026-000001",
        "3-2-501",
        "张伟",
        done_visit.case.number,
        "漏水/渗漏",
        "卫生间天花板漏水",
        "重做防水层",
        "维修及时",
        "感谢师傅",
        "准时规范",
        "阳光花园物业服务中心",
        "第 1 页 / 共 1 页",
    ]:
        assert value in text, value
    assert all(embedded for _, embedded in fonts_of(pdf)), fonts_of(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    images = [x.get_object() for x in reader.pages[0]["/Resources"]["/XObject"].values()]
    images = [x for x in images if x["/Subtype"] == "/Image"]
    assert len(images) == 2 and all("/SMask" in x for x in images)  # drawn with their transparency
    codes = zxingcpp.read_barcodes(page_image(pdf))
    assert [c.text for c in codes] == ["HF-2026-000001"]
    # Printing it again uses the same number while the form is out.
    again = Printouts(office, admin).visit_form(done_visit)
    assert "HF-2026-000001" in pdf_text(again)


def test_blank_forms_are_numbered_and_reserved(office, admin):
    pdf = Printouts(office, admin).blank_forms(3)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 3
    text = pdf_text(pdf)
    for n in (1, 2, 3):
        assert f"HF-2026-00000{n}" in text and f"第 {n} 页 / 共 3 页" in text
    assert [f.number for f in office.forms.ledger()] == [f"HF-2026-00000{n}" for n in (1, 2, 3)]
    assert [c.text for c in zxingcpp.read_barcodes(page_image(pdf, 2))] == ["HF-2026-000003"]


def test_ledger_and_other_sheets(office, admin, make_case):
    steward = office.staff.save_staff("赵物管", "steward")
    forms = office.forms.issue_blank(2, admin)
    office.forms.sign_out(forms[0], steward, visit_item="季度巡访 3栋")
    office.forms.void(forms[1], "卡纸", admin)
    ledger = pdf_text(Printouts(office, admin).ledger_pdf())
    for label in [
        "回访记录签收表",
        "序号",
        "表单编号",
        "领用人",
        "领用人签字",
        "交回签字",
        "回访事项",
        "回访次数",
        "交回时间",
        "核对人",
        "备注",
        "赵物管",
        "季度巡访",
        "卡纸",
        "已作废",
    ]:
        assert label in ledger, label

    case = make_case(kind="投诉", category="服务态度", account="保安态度恶劣，")
    dep = office.staff.departments()[3]
    office.cases.dispatch(case, dep, admin, instructions="请核实当班人员")
    record = pdf_text(Printouts(office, admin).complaint_record(case))
    for label in [
        "顾客投诉处理记录表",
        "投诉内容",
        "客户要求",
        "处理结果",
        "处理经过",
        "派工",
        "保安态度恶劣",
    ]:
        assert label in record, label
    slip = pdf_text(Printouts(office, admin).dispatch_slip(Dispatch.get()))
    for label in [
        "工作联系单",
        "PG-2026-00001",
        dep.name,
        "请核实当班人员",
        "签收人",
        "完成情况",
        "用料",
        "工时",
        "业主确认签字",
    ]:
        assert label in slip, label


def test_long_text_spans_pages_with_numbers(office, admin, make_case):
    case = make_case(kind="投诉", category="服务质量", account="物业服务质量差。" * 240)
    for i in range(40):
        office.cases.add_note(case, f"第{i}次跟进:已与业主沟通,业主表示理解。", admin)
    pdf = Printouts(office, admin).complaint_record(case)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert pages >= 3
    assert f"第 {pages} 页 / 共 {pages} 页" in pdf_text(pdf)


@pytest.mark.parametrize("width", range(40, 420, 7))
def test_no_line_starts_with_closing_punctuation(width):
    font = register()
    text = "业主反映楼道灯不亮，已经三天了。请尽快处理！为什么没人管？谢谢；另外：“电梯”也有异响。Room 3-2-501 tel 13812345678."
    lines = break_lines(text * 2, font, 10, width)
    assert "".join(lines).replace(" ", "") == (text * 2).replace(" ", "")
    for line in lines[1:]:
        assert line[:1] not in CANNOT_START, (width, line)
    for line in lines[:-1]:
        assert line[-1:] not in CANNOT_END, (width, line)


def test_form_commands(office, admin, done_visit, tmp_path, capsys):
    office.close()
    data = str(office.data_dir)
    out = tmp_path / "v.pdf"
    assert cli.run(data, *["form", "visit", "--visit", str(done_visit.id), "--pdf", str(out)]) == 0
    assert "张伟" in pdf_text(out.read_bytes())
    assert cli.run(data, *["form", "blank", "--count", "2", "--pdf", str(tmp_path / "b.pdf")]) == 0
    assert len(PdfReader(str(tmp_path / "b.pdf")).pages) == 2
    assert cli.run(data, *["form", "ledger", "--pdf", str(tmp_path / "l.pdf")]) == 0
    assert cli.run(data, *["form", "visit", "--visit", "9999", "--pdf", str(out)]) == 2
    assert "没有第 9999 号回访" in capsys.readouterr().err
    assert cli.run(data, *["form", "blank", "--count", "0", "--pdf", str(out)]) == 2


def test_a_done_visit_prints_under_its_own_form_number(office, admin, done_visit):
    printouts = Printouts(office, admin)
    first = printouts.visit_form(done_visit)
    form = office.forms.by_number("HF-2026-000001")
    office.forms.return_form(form, "王管理")
    again = printouts.visit_form(Visit.get_by_id(done_visit.id))
    assert "HF-2026-000001" in pdf_text(again) and "HF-2026-000001" in pdf_text(first)
    assert len(office.forms.ledger()) == 1  # no new number for a copy
