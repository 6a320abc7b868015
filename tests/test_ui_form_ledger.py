"""The form ledger page and the PDF preview, driven as the clerk would."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import tempfile
from pathlib import Path

import pypdf
import pytest
from PIL import Image, ImageChops, ImageStat
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QWidget
from reportlab.pdfgen import canvas

from app.errors import ValidationError
from app.forms import OUT, PRINTED, RETURNED, VOID
from app.models import FormSheet, Visit
from app.print_jobs import FormReservation, JobEnd, PrintDocument
from app.visits import VisitResult
from tests.helpers.qt_input import type_text
from ui import palette
from ui.form_ledger import FormLedgerPage
from ui.pdf_preview import PdfPreviewDialog
from ui.print_job import PainterWorker, page_ranges
from ui.worker import run_in_background

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def tiny_pdf(lines: list[str], landscape: bool = False) -> bytes:
    """One page per line, enough to tell the pages apart."""
    out = io.BytesIO()
    size = (842, 595) if landscape else (595, 842)
    c = canvas.Canvas(out, pagesize=size)
    for line in lines:
        c.setFont("Helvetica-Bold", 28)
        c.drawString(72, size[1] - 120, line)
        c.rect(60, 60, size[0] - 120, size[1] - 120)
        c.showPage()
    c.save()
    return out.getvalue()


class FakePdfSource:
    """Tiny PDFs in place of the drawn forms (reports/printing.py draws those, tested in
    test_printing_cups.py); the numbers are reserved in the real ledger, as there."""

    def __init__(self, forms, actor) -> None:
        self.forms = forms
        self.actor = actor
        self.printed: list[str] = []

    def blank_forms_preview(self, count: int) -> bytes:
        if not 1 <= count <= 500:
            raise ValidationError({"份数": "一次可打印 1 到 500 份"})
        return tiny_pdf(["NO: ......"] * count)

    def blank_forms_job(self, count: int) -> PrintDocument:
        sheets = self.forms.reserve_blank(count, self.actor)
        numbers = [s.number for s in sheets]
        self.printed += numbers
        return PrintDocument(lambda: tiny_pdf(numbers), "blank", FormReservation(self.forms, sheets, numbers))

    def ledger_pdf(self) -> bytes:
        return tiny_pdf([f.number for f in self.forms.ledger()][:3] or ["empty"], landscape=True)


@pytest.fixture
def steward(office):
    return office.staff.save_staff("赵物管", "steward", buildings="3,5")


@pytest.fixture
def page(qtbot, office, admin, steward):
    source = FakePdfSource(office.forms, admin)
    p = FormLedgerPage(office.forms, office.staff, admin, source)
    p.source = source
    p.resize(1300, 700)
    qtbot.addWidget(p)
    p.show()
    qtbot.waitExposed(p)
    return p


def print_blank(qtbot, page, count: int) -> PdfPreviewDialog:
    """打印空白表, then 另存为 PDF: the numbers are issued when the file is written."""
    dialog = page.ask_blank_forms()
    dialog.count.setValue(count)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.preview is not None, timeout=30_000)  # made on a worker thread
    assert dialog.result() == QDialog.DialogCode.Accepted
    preview = page.preview
    assert preview is not None
    with qtbot.waitSignal(preview.printed, timeout=30_000) as ended:
        assert preview.save_to(Path(tempfile.mkdtemp()) / "blank.pdf")
    assert ended.args[0], ended.args[1]
    return preview


def sign_out(qtbot, page, number: str, person: str = "赵物管", item: str = "") -> None:
    page.find_edit.setText(number)
    page.find_number()
    dialog = page.ask_sign_out()
    dialog.choose(person)
    if item:
        dialog.item_edit.setText(item)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()


def planned_visit(office, admin, make_case, **fields) -> Visit:
    values = dict(kind="投诉", category="服务态度", account="保安态度恶劣")
    values.update(fields)
    case = make_case(**values)
    office.cases.resolve(case, "已道歉", admin)
    return Visit.get(Visit.case == case)


def phone_visit_done(office, admin, visit) -> Visit:
    """The result entered first (by phone, no form number); the paper comes back afterwards."""
    office.visits.complete(visit, VisitResult(method="电话", satisfaction="满意", findings="已道歉"), admin)
    return Visit.get_by_id(visit.id)


def test_blank_forms_take_their_numbers_when_saved_not_when_previewed(qtbot, page, tmp_path):
    assert page.table.rowCount() == 0
    dialog = page.ask_blank_forms()
    dialog.count.setValue(3)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.preview is not None, timeout=30_000)  # made on a worker thread
    preview = page.preview
    assert preview.page_count() == 3 and preview.count_label.text() == "共 3 页"
    assert FormSheet.select().count() == 0 and page.table.rowCount() == 0  # previewing takes no number
    with qtbot.waitSignal(preview.printed, timeout=30_000) as ended:
        assert preview.save_to(tmp_path / "空白表")
    ok, message = ended.args
    assert ok and message.startswith(f"已保存到 {tmp_path / '空白表.pdf'}")
    assert "编号 HF-2026-000001 至 HF-2026-000003(共 3 个) 已记入台账(已打印)" in message
    assert len(pypdf.PdfReader(tmp_path / "空白表.pdf").pages) == 3
    assert (
        page.shown_numbers() == page.source.printed == ["HF-2026-000001", "HF-2026-000002", "HF-2026-000003"]
    )
    assert page.row_texts("HF-2026-000001")[1] == PRINTED and page.banner.text() == message
    assert FormSheet.get(FormSheet.number == "HF-2026-000001").printed_by == "王管理(另存为 PDF)"
    # Saving where it cannot be written voids the numbers it reserved, with the reason.
    with qtbot.waitSignal(preview.printed, timeout=30_000) as ended:
        assert preview.save_to(tmp_path / "missing" / "x.pdf")
    ok, message = ended.args
    assert not ok and "不存在" in message and "HF-2026-000004 至 HF-2026-000006(共 3 个) 已作废" in message
    assert FormSheet.get(FormSheet.number == "HF-2026-000004").void_reason.startswith(
        "打印失败:无法保存 PDF(文件夹不存在)"
    )
    assert page.row_texts("HF-2026-000006")[1] == VOID
    preview.close()


def test_a_refused_print_stays_in_the_dialog(qtbot, page, office, monkeypatch):
    preview = page.source.blank_forms_preview

    def refuse(count: int) -> bytes:
        return preview(count + 500)  # over the limit of one batch

    monkeypatch.setattr(page.source, "blank_forms_preview", refuse)
    dialog = page.ask_blank_forms()
    dialog.count.setValue(7)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=30_000)  # refused on its thread
    assert dialog.isVisible() and dialog.errors.problems() == {"份数": "一次可打印 1 到 500 份"}
    assert dialog.count.value() == 7 and page.preview is None
    assert FormSheet.select().count() == 0


def test_sign_out_and_the_out_per_person_panel(qtbot, page, office, admin):
    print_blank(qtbot, page, 3).close()
    page.find_edit.setText("hf-2026-000002")
    page.find_number()
    dialog = page.ask_sign_out()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # nobody chosen
    assert dialog.isVisible() and dialog.errors.problems() == {"领用人": "请选择领用人"}
    dialog.item_edit.setText("季度巡访 3 栋")  # what was typed stays through the refusal
    dialog.choose("赵物管")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    row = page.row_texts("HF-2026-000002")
    assert row[1] == OUT and row[2] == "赵物管" and row[3] == "2026-09-28 09:30" and row[4] == "0 天"
    assert row[5] == "季度巡访 3 栋"
    sign_out(qtbot, page, "HF-2026-000003", "王管理")
    tree = page.out_tree
    people = {tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())}
    assert people == {"赵物管  1 张", "王管理  1 张"}
    assert "2 人 2 张" in page.out_title.text()
    page.person_filter.setCurrentText("赵物管")
    assert page.shown_numbers() == ["HF-2026-000002"]
    # Clicking a form in the panel selects its row.
    page.person_filter.setCurrentText("全部")
    zhao = next(tree.topLevelItem(i) for i in range(2) if tree.topLevelItem(i).text(0).startswith("赵"))
    page._tree_clicked(zhao.child(0), 0)
    assert page.selected_form().number == "HF-2026-000002"
    assert page.sign_out_button.isEnabled() is False and page.return_button.isEnabled()


def test_return_with_a_scan(qtbot, page, office, admin, make_case, tmp_path):
    visit = planned_visit(office, admin, make_case)
    office.forms.issue_blank(1, admin)
    page.refresh()
    sign_out(qtbot, page, "HF-2026-000001")
    dialog = page.ask_return()
    assert dialog.checked_by.text() == "王管理" and dialog.use_other.isChecked()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.problems() == {"回访": "请填写回访编号或案件编号"}
    dialog.visit_ref.setText(visit.case.number)  # its result is not entered yet
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.problems()["回访"].startswith(f"回访 #{visit.id} 还没有录入结果")
    assert "请作废并写明原因" in dialog.errors.problems()["回访"]
    visit = phone_visit_done(office, admin, visit)
    dialog.visit_ref.setText("TS-2099-99999")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "没有案件编号" in dialog.errors.problems()["回访"]
    dialog.visit_ref.setText(visit.case.number)
    dialog.scan_path.setText(str(tmp_path / "missing.jpg"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "找不到文件" in dialog.errors.problems()["扫描件"]
    scan = tmp_path / "签字表.jpg"
    scan.write_bytes(b"\xff\xd8\xff\xe0 a photo of the signed form")
    dialog.scan_path.setText(str(scan))
    dialog.checked_by.clear()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.problems() == {"核对人": "必须填写"}
    assert dialog.visit_ref.text() == visit.case.number  # nothing lost
    dialog.checked_by.setText("钱主任")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    form = FormSheet.get(FormSheet.number == "HF-2026-000001")
    assert form.state == RETURNED and form.visit_id == visit.id and form.checked_by == "钱主任"
    assert bytes(form.scan).startswith(b"\xff\xd8") and form.scan_name == "签字表.jpg"
    assert Visit.get_by_id(visit.id).form_no == "HF-2026-000001"
    row = page.row_texts("HF-2026-000001")
    assert row[1] == RETURNED and row[7] == "2026-09-28 09:30" and row[8] == "钱主任"
    assert "附扫描件 签字表.jpg" in row[9]
    assert "没有在外的表单" in page.out_tree.topLevelItem(0).text(0)


def test_return_of_a_form_issued_for_a_visit_uses_its_visit(qtbot, page, office, admin, make_case):
    visit = planned_visit(office, admin, make_case)
    form = office.forms.issue_for_visit(visit, admin)
    visit = phone_visit_done(office, admin, visit)
    page.refresh(select_id=form.id)
    dialog = page.ask_return()
    assert dialog.use_linked.isChecked() and f"#{visit.id}" in dialog.use_linked.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert FormSheet.get_by_id(form.id).state == RETURNED
    assert (
        office.forms.find_visit(str(visit.id)) == visit and office.forms.find_visit(f"#{visit.id}") == visit
    )


def test_void_needs_a_reason(qtbot, page):
    print_blank(qtbot, page, 2).close()
    page.find_edit.setText("HF-2026-000001")
    page.find_number()
    dialog = page.ask_void()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.errors.problems() == {"作废原因": "必须填写"}
    dialog.reason.setCurrentText("污损")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    row = page.row_texts("HF-2026-000001")
    assert row[1] == VOID and row[9].startswith("污损(王管理 2026-09-28")
    assert not page.void_button.isEnabled() and not page.return_button.isEnabled()
    page.state_filter.setCurrentText(VOID)
    assert page.shown_numbers() == ["HF-2026-000001"]


def test_forms_out_too_long_are_marked(qtbot, page, office, clock):
    print_blank(qtbot, page, 2).close()
    sign_out(qtbot, page, "HF-2026-000001")
    clock.advance(days=3)
    sign_out(qtbot, page, "HF-2026-000002")
    clock.advance(days=5)  # the first is out 8 days, the policy allows 7
    page.refresh()
    late = page.row_texts("HF-2026-000001")
    assert late[1] == "已领用 · 超期" and late[4] == "8 天(超期)"
    assert page.row_texts("HF-2026-000002")[1] == OUT
    item = page.table.item(page.shown_numbers().index("HF-2026-000001"), 0)
    assert item.background().color().name() == palette.OVERDUE_BG
    assert "超期未交回 1 张" in page.summary.text() and "7 天" in page.summary.text()
    assert "1 张超期" in page.out_tree.topLevelItem(0).text(0)
    page.state_filter.setCurrentText("超期未交回")
    assert page.shown_numbers() == ["HF-2026-000001"]


def test_find_by_number(qtbot, page):
    print_blank(qtbot, page, 3).close()
    page.state_filter.setCurrentText(VOID)  # hides every row; finding shows them again
    page.find_edit.setText(" hf-2026-000003 ")
    qtbot.keyClick(page.find_edit, Qt.Key.Key_Return)
    assert page.selected_form().number == "HF-2026-000003"
    assert page.state_filter.currentText() == "全部"
    page.find_edit.setText("HF-2026-999999")
    qtbot.keyClick(page.find_edit, Qt.Key.Key_Return)
    assert "没有编号为“HF-2026-999999”" in page.banner.text()
    assert page.selected_form().number == "HF-2026-000003"


def test_print_ledger_opens_the_preview(qtbot, page):
    print_blank(qtbot, page, 2).close()
    preview = page.print_ledger()
    assert preview is not None and preview.page_count() == 2
    assert preview.pages[0].size_pt[0] > preview.pages[0].size_pt[1]  # landscape
    preview.close()


def test_preview_shows_pages_lazily_and_prints_them(qtbot, tmp_path):
    preview = PdfPreviewDialog(tiny_pdf(["one", "two", "three"]), "预览")
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    assert preview.page_count() == 3 and preview.count_label.text() == "共 3 页"
    qtbot.waitUntil(lambda: 0 in preview.rendered)
    assert 2 not in preview.rendered  # the third page is far below: not drawn yet
    preview.set_zoom(1.0)
    assert preview.zoom_label.text() == "100%" and preview.pages[0].width() == round(595 * 96 / 72)
    preview.zoom_in_button.click()
    assert preview.zoom_label.text() == "125%"
    preview.fit_button.click()
    assert preview.fit_width and preview.pages[0].width() <= preview.scroll_area.viewport().width()

    # 打印到文件 in the print dialog: the PDF itself is written (vector), in the background.
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(preview.printed, timeout=30_000) as ended:
        job = preview.print_to(printer)
    assert job.way == "FileWorker" and ended.args[0]
    assert (tmp_path / "printed.pdf").read_bytes() == preview.pdf

    ranged = QPrinter(QPrinter.PrinterMode.HighResolution)
    ranged.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    ranged.setOutputFileName(str(tmp_path / "two.pdf"))
    ranged.setPrintRange(QPrinter.PrintRange.PageRange)
    ranged.setFromTo(2, 3)
    with qtbot.waitSignal(preview.printed, timeout=30_000):
        preview.print_to(ranged)
    two = pypdf.PdfReader(tmp_path / "two.pdf")
    assert [p.extract_text().strip() for p in two.pages] == ["two", "three"]
    preview.close()


def test_pages_drawn_at_the_printers_own_resolution(qtbot, tmp_path):
    """Where the PDF cannot go to the printer as PDF (Windows), each page is drawn with
    pdfium at the printer's resolution, band by band, in a worker thread."""
    pdf = tiny_pdf(["one", "two", "three"])
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # Qt's own engine, as for a printer
    printer.setOutputFileName(str(tmp_path / "drawn.pdf"))
    printer.setResolution(200)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    worker = PainterWorker(lambda: PrintDocument.of(pdf, "t"), printer, page_ranges(printer, 3))
    window = QWidget()
    qtbot.addWidget(window)
    ended: list[object] = []
    run_in_background(window, worker.run, on_done=ended.append, on_failed=ended.append)
    qtbot.waitUntil(lambda: bool(ended), timeout=60_000)
    end = ended[0]
    assert isinstance(end, JobEnd) and end.ok and end.printer == str(tmp_path / "drawn.pdf")
    assert worker.pages_sent == 2
    drawn = pypdf.PdfReader(tmp_path / "drawn.pdf")
    assert len(drawn.pages) == 2
    assert round(float(drawn.pages[0].mediabox.width)) in (595, 596)  # true size
    bands = [x.get_object() for x in drawn.pages[0]["/Resources"]["/XObject"].values()]
    widths = {int(b["/Width"]) for b in bands}
    assert len(widths) == 1 and abs(widths.pop() - 595 / 72 * 200) < 3  # 200 dpi, the printer's, not 300
    assert sum(int(b["/Height"]) for b in bands) in range(2335, 2345)
    # The page looks like the PDF's page 2.
    made = tmp_path / "made.pdf"
    made.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "2", "-l", "2", str(made), str(tmp_path / "m")], check=True
    )
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-l", "1", str(tmp_path / "drawn.pdf"), str(tmp_path / "d")],
        check=True,
    )
    a = Image.open(next(tmp_path.glob("m-*.png"))).convert("L")
    b = Image.open(next(tmp_path.glob("d-*.png"))).convert("L").resize(a.size)
    assert ImageStat.Stat(ImageChops.difference(a, b)).mean[0] < 4


def test_preview_saves_and_tells_why_it_cannot(qtbot, tmp_path):
    pdf = tiny_pdf(["one"])
    preview = PdfPreviewDialog(pdf, "预览")
    qtbot.addWidget(preview)
    assert preview.save_to(tmp_path / "copy")
    assert (tmp_path / "copy.pdf").read_bytes() == pdf
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert not preview.save_to(blocker / "x.pdf")
    assert preview.banner.text().startswith("无法保存到") and preview.banner.isVisibleTo(preview)
    assert not preview.save_to(tmp_path / "missing" / "x.pdf")
    assert "不存在" in preview.banner.text()


def test_preview_of_broken_bytes_says_so(qtbot):
    preview = PdfPreviewDialog(b"not a pdf", "预览")
    qtbot.addWidget(preview)
    assert preview.page_count() == 0 and "无法显示" in preview.banner.text()
    assert not preview.print_button.isEnabled()
    QApplication.processEvents()


# The ledger closed: visits on real forms, quarterly archive, destruction (issue 11) ---------
def q3_forms(office, admin, make_case, steward):
    """Q3 2026: two forms returned with their visits, one voided, one still out."""
    first = planned_visit(office, admin, make_case)
    second = planned_visit(office, admin, make_case, room="3-1-101")
    a, b, c, d = office.forms.issue_blank(4, admin)
    for form in (a, b, d):
        office.forms.sign_out(form, steward)
    for visit, form in ((first, a), (second, b)):
        office.visits.complete(
            visit,
            VisitResult(
                method="上门", satisfaction="满意", findings="已道歉", signed=True, form_no=form.number
            ),
            admin,
        )
    office.forms.void(c, "污损", admin)


def test_archive_a_quarter_from_the_ledger(qtbot, page, office, admin, make_case, clock, steward):
    q3_forms(office, admin, make_case, steward)
    dialog = page.ask_archive()
    assert dialog.chosen() == "2026-Q2" and dialog.shown_numbers() == []  # the last finished quarter
    assert "没有待归档的表单" in dialog.status.text()
    dialog.choose("2026-Q3")  # this quarter, not finished yet
    assert dialog.shown_numbers() == [
        "HF-2026-000001",
        "HF-2026-000002",
        "HF-2026-000003",
    ]
    assert "2026-10-01 起才能归档" in dialog.status.text() and not dialog.ok_button.isEnabled()
    dialog.reject()
    clock.at = dt.datetime(2026, 10, 12, 9, 0)  # past the 10th
    page.refresh()
    dialog = page.ask_archive()
    assert dialog.chosen() == "2026-Q3"  # the oldest quarter waiting to be filed
    assert "已逾期" in dialog.status.text() and dialog.ok_button.isEnabled()
    assert page.summary.text().endswith(";待归档 3 张(逾期)")
    assert dialog.still_out.text().startswith("尚未交回 1 份:HF-2026-000004") and "不影响本次归档" in (
        dialog.still_out.text()
    )
    dialog.remarks.setText("3号档案盒")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert "2026年第3季度的 3 份表单已记为归档" in page.banner.text()
    assert "待归档" not in page.summary.text()
    assert page.row_texts("HF-2026-000001")[1] == "已交回 · 已归档"
    assert page.row_texts("HF-2026-000003")[1] == "已作废 · 已归档"
    assert page.row_texts("HF-2026-000004")[1] == "已领用 · 超期"
    page.state_filter.setCurrentText("已归档")
    assert page.shown_numbers() == ["HF-2026-000001", "HF-2026-000002", "HF-2026-000003"]
    again = page.ask_archive()
    again.choose("2026-Q3")
    assert "没有待归档的表单" in again.status.text() and "王管理,3 份 3号档案盒" in again.batches.text()
    assert not again.ok_button.isEnabled()
    again.reject()


def test_record_a_destruction_from_the_ledger(qtbot, page, office, admin, make_case, clock, steward):
    q3_forms(office, admin, make_case, steward)
    clock.at = dt.datetime(2026, 10, 9, 9, 0)
    office.forms.archive("2026Q3", admin)
    dialog = page.ask_destruction()
    assert dialog.empty.isVisibleTo(dialog) and not dialog.ok_button.isEnabled()
    assert any("归档保管 2 年(从所属季度结束算起" in label.text() for label in dialog.findChildren(QLabel))
    dialog.reject()
    clock.at = dt.datetime(2028, 10, 9, 9, 0)
    dialog = page.ask_destruction()
    assert dialog.checked_numbers() == ["HF-2026-000001", "HF-2026-000002", "HF-2026-000003"]
    dialog.set_checked("HF-2026-000003", False)
    dialog.destroyed_by.clear()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.errors.problems() == {"销毁人": "必须填写"}
    assert dialog.checked_numbers() == ["HF-2026-000001", "HF-2026-000002"]  # nothing lost
    dialog.destroyed_by.setText("钱主任")
    dialog.remarks.setText("碎纸机")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert "已登记销毁 2 份,销毁人 钱主任" in page.banner.text()
    assert page.row_texts("HF-2026-000001")[1] == "已交回 · 已销毁"
    assert page.row_texts("HF-2026-000003")[1] == "已作废 · 已归档"
    assert FormSheet.select().count() == 4  # the rows stay
    later = page.ask_destruction()
    assert later.checked_numbers() == ["HF-2026-000003"]
    assert "2028-10-09 钱主任 销毁 2 份(登记人 王管理)" in later.history.text()
    later.reject()


def test_a_blank_form_cannot_be_returned_it_is_voided(qtbot, page, office, admin):
    office.forms.issue_blank(1, admin)
    page.refresh()
    sign_out(qtbot, page, "HF-2026-000001")
    dialog = page.ask_return()
    assert any("没有用过的表不能交回" in label.text() for label in dialog.findChildren(QLabel))
    dialog.reject()
    dialog = page.ask_void()
    dialog.reason.setCurrentText("未使用")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert page.row_texts("HF-2026-000001")[1] == VOID


def test_the_visit_record_offers_the_usable_forms(qtbot, office, admin, make_case, clock, steward):
    from ui.visit_record.dialog import VisitRecordDialog

    visit = planned_visit(office, admin, make_case)
    assert visit.visitor_id == steward.id  # building 3 is his
    mine, theirs, voided, unsigned = office.forms.issue_blank(4, admin)
    office.forms.sign_out(mine, steward)
    office.forms.sign_out(theirs, office.staff.save_staff("孙物管", "steward", buildings="1"))
    office.forms.void(voided, "污损", admin)
    clock.advance(days=1)
    d = VisitRecordDialog(visit.id, office.visits, office.staff, admin)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    box = d.signature.form_no_box
    assert [box.itemText(i) for i in range(box.count())] == [mine.number]
    assert "可选 1 张" in d.signature.form_hint.text()
    d.result_form.method_buttons["上门"].click()
    d.result_form.satisfaction_buttons["满意"].click()
    type_text(qtbot, d.result_form.findings, "已当面致歉")
    d.signature.signed_box.click()
    assert d.signature.form_no() == mine.number  # the only usable form, offered
    assert d.signature.form_hint.text() == "空白表 · 赵物管 领用"
    for number, words in (
        (voided.number, "已作废"),
        (theirs.number, "由孙物管领用"),
        (unsigned.number, "请先在表单台账中登记领用"),
        ("HF-2026-000099", "台账里没有编号"),
    ):
        d.signature.form_no_edit.clear()
        type_text(qtbot, d.signature.form_no_edit, number)
        qtbot.mouseClick(d.complete_button, Qt.MouseButton.LeftButton)
        assert d.field_errors["表单编号"].isVisible() and words in d.field_errors["表单编号"].text()
        assert Visit.get_by_id(visit.id).state == "计划"
    assert d.result_form.findings.toPlainText() == "已当面致歉"  # nothing lost
    d.signature.form_no_box.setCurrentIndex(0)
    qtbot.mouseClick(d.complete_button, Qt.MouseButton.LeftButton)
    assert Visit.get_by_id(visit.id).form_no == mine.number
    form = FormSheet.get_by_id(mine.id)
    assert form.state == RETURNED and form.checked_by == "王管理" and form.returned_at == clock.now()


def test_the_dashboard_flags_an_archive_late(qtbot, office, admin, make_case, clock, steward):
    from app.dashboard import dashboard
    from ui.dashboard.page import DashboardPage

    q3_forms(office, admin, make_case, steward)
    clock.at = dt.datetime(2026, 10, 5, 9, 0)
    page = DashboardPage(lambda: dashboard(office, clock.now().date()))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    assert page.forms_notice.isVisible()
    assert page.forms_notice.text() == "2026年第3季度的 3 份回访记录表须在 2026-10-10 前归档。"
    clock.at = dt.datetime(2026, 10, 11, 9, 0)
    page.refresh()
    assert page.data.forms_archive_late[0].quarter == "2026-Q3"
    assert (
        page.forms_notice.text() == "2026年第3季度的 3 份回访记录表未在 2026-10-10 前归档,已逾期,请尽快归档。"
    )
    with qtbot.waitSignal(page.open_forms):
        page.forms_notice.findChild(QPushButton).click()
    office.forms.archive("2026Q3", admin)
    page.refresh()
    assert not page.forms_notice.isVisible()
    clock.at = dt.datetime(2028, 10, 2, 9, 0)
    page.refresh()
    assert page.forms_notice.text() == "3 份已归档的表单保管期已满,可以销毁(销毁后请在表单台账中登记)。"


def test_the_keeping_period_is_set_in_the_visit_rules(qtbot, office):
    from ui.visit_policy_page import VisitPolicyEditor

    editor = VisitPolicyEditor()
    qtbot.addWidget(editor)
    policy = office.policies.load()
    editor.load(policy)
    assert editor.form_keep_years.value() == 2 and editor.form_keep_years.suffix() == " 年"
    editor.form_keep_years.setValue(3)
    editor.apply(policy)
    office.policies.save(policy)
    assert office.forms.keep_years() == 3


def test_archive_refreshes_when_the_ledger_changed_meanwhile(
    qtbot, page, office, admin, make_case, clock, steward
):
    q3_forms(office, admin, make_case, steward)
    clock.at = dt.datetime(2026, 10, 2, 9, 0)
    dialog = page.ask_archive()
    assert dialog.chosen() == "2026-Q3" and len(dialog.shown_numbers()) == 3
    late = FormSheet.get(FormSheet.number == "HF-2026-000004")
    late.voided_at = dt.datetime(2026, 9, 30, 17, 0)  # voided on another PC, dated in Q3
    late.state = VOID
    late.save()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "待归档清单已有变化" in dialog.error.text()
    assert dialog.shown_numbers()[-1] == "HF-2026-000004"  # the list as it stands now
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert FormSheet.select().where(FormSheet.archived_in.is_null(False)).count() == 4
