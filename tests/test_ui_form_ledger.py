"""The form ledger page and the PDF preview, driven as the clerk would."""

from __future__ import annotations

import io

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog
from reportlab.pdfgen import canvas

from app.forms import OUT, PRINTED, RETURNED, VOID
from app.models import FormSheet, Visit
from ui.form_ledger import FormLedgerPage, find_visit
from ui.pdf_preview import PdfPreviewDialog

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
    """What reports/printing.py will do: reserve the numbers, return a PDF."""

    def __init__(self, forms, actor) -> None:
        self.forms = forms
        self.actor = actor
        self.printed: list[str] = []

    def blank_forms(self, count: int) -> bytes:
        sheets = self.forms.issue_blank(count, self.actor)
        self.printed += [s.number for s in sheets]
        return tiny_pdf([s.number for s in sheets])

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
    dialog = page.ask_blank_forms()
    dialog.count.setValue(count)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert page.preview is not None
    return page.preview


def sign_out(qtbot, page, number: str, person: str = "赵物管", item: str = "") -> None:
    page.find_edit.setText(number)
    page.find_number()
    dialog = page.ask_sign_out()
    dialog.choose(person)
    if item:
        dialog.item_edit.setText(item)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.general_error.text()


def planned_visit(office, admin, make_case) -> Visit:
    case = make_case(kind="投诉", category="服务态度", account="保安态度恶劣")
    office.cases.resolve(case, "已道歉", admin)
    return Visit.get(Visit.case == case)


def test_print_blank_forms_reserves_numbers_and_previews(qtbot, page):
    assert page.table.rowCount() == 0
    preview = print_blank(qtbot, page, 3)
    assert preview.page_count() == 3 and preview.count_label.text() == "共 3 页"
    assert (
        page.shown_numbers() == page.source.printed == ["HF-2026-000001", "HF-2026-000002", "HF-2026-000003"]
    )
    assert page.row_texts("HF-2026-000001")[1] == PRINTED
    assert "已生成 3 份" in page.banner.text()
    preview.close()


def test_a_refused_print_stays_in_the_dialog(qtbot, page, office, monkeypatch):
    def refuse(count: int) -> bytes:
        return office.forms.issue_blank(count + 500) and b""  # over the limit of one batch

    monkeypatch.setattr(page.source, "blank_forms", refuse)
    dialog = page.ask_blank_forms()
    dialog.count.setValue(7)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
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
    print_blank(qtbot, page, 1).close()
    sign_out(qtbot, page, "HF-2026-000001")
    dialog = page.ask_return()
    assert dialog.checked_by.text() == "王管理" and dialog.use_other.isChecked()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.problems() == {"回访": "请填写回访编号或案件编号"}
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
    page.refresh(select_id=form.id)
    dialog = page.ask_return()
    assert dialog.use_linked.isChecked() and f"#{visit.id}" in dialog.use_linked.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert FormSheet.get_by_id(form.id).state == RETURNED
    assert find_visit(str(visit.id)) == visit and find_visit(f"#{visit.id}") == visit


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
    assert item.background().color().name() == "#fdecea"
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
    assert preview.fit_width and preview.pages[0].width() <= preview.scroll.viewport().width()

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(150)
    assert preview.print_to(printer) == 3
    printed = pypdf.PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) == 3
    assert round(float(printed.pages[0].mediabox.width)) in (595, 596)

    ranged = QPrinter(QPrinter.PrinterMode.HighResolution)
    ranged.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    ranged.setOutputFileName(str(tmp_path / "two.pdf"))
    ranged.setResolution(100)
    ranged.setPrintRange(QPrinter.PrintRange.PageRange)
    ranged.setFromTo(2, 3)
    assert preview.print_to(ranged) == 2
    assert len(pypdf.PdfReader(tmp_path / "two.pdf").pages) == 2


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
