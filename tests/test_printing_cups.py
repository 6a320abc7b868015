"""Printing as a person meets it, on a real print server: CUPS with the cups-pdf printer.

打印… opens the real QPrintDialog, the test chooses the printer, copies and pages as a
person would and presses 打印; what cups-pdf wrote is read back (pages, words, size) and
looked at as pictures beside the PDF the program made. Numbered forms: confirmed when
printed, voided with the reason when the job fails or is cancelled. Also the command line.

Needs tools/cups_setup.sh (skipped without CUPS, except under HUIYIN_REQUIRE_CUPS=1).
"""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image, ImageChops, ImageStat
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QRadioButton, QSpinBox

from app.forms import PRINTED, PRINTING, VOID
from app.models import FormSheet
from app.print_jobs import Cups
from reports.printing import PREVIEW_NUMBER, Printouts
from tests.helpers import cli
from tests.test_stats import q3  # noqa: F401
from ui.form_ledger import FormLedgerPage
from ui.pdf_preview import PdfPreviewDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

OFFICE = "阳光花园物业服务中心"
JOB_TIMEOUT_MS = 90_000


def pdftotext(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def pdftotext_bytes(pdf: bytes, folder: Path) -> str:
    path = folder / "sent.pdf"
    path.write_bytes(pdf)
    return pdftotext(path)


def pictures(pdf: Path | bytes, folder: Path, name: str) -> list[Image.Image]:
    """The pages as a person sees them: pdftoppm at 60 dpi, grey."""
    if isinstance(pdf, bytes):
        source = folder / f"{name}.pdf"
        source.write_bytes(pdf)
    else:
        source = pdf
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(source), str(folder / name)], check=True, capture_output=True
    )
    return [Image.open(p).convert("L") for p in sorted(folder.glob(f"{name}-*.png"))]


def differ(a: Image.Image, b: Image.Image) -> float:
    """Mean difference of two page pictures, 0 (same) to 255."""
    if a.size != b.size:
        b = b.resize(a.size)
    return ImageStat.Stat(ImageChops.difference(a, b)).mean[0]


def accept_print_dialog(
    qtbot, preview: PdfPreviewDialog, printer: str, copies: int = 1, pages: tuple[int, int] | None = None
):
    """Press 打印…, choose in the system's print dialog, press 打印; returns (ok, message)."""
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    dialog = preview.print_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    printers = dialog.findChild(QComboBox, "printers")
    index = printers.findText(printer)
    assert index >= 0, [printers.itemText(i) for i in range(printers.count())]
    printers.setCurrentIndex(index)
    copies_box = dialog.findChild(QSpinBox, "copies")
    copies_box.setValue(copies)
    if pages is not None:
        range_button = dialog.findChild(QRadioButton, "printRange")
        assert range_button.isEnabled()
        range_button.setChecked(True)
        dialog.findChild(QSpinBox, "from").setValue(pages[0])
        dialog.findChild(QSpinBox, "to").setValue(pages[1])
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(preview.printed, timeout=JOB_TIMEOUT_MS) as ended:
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    return ended.args


def job_id(preview: PdfPreviewDialog) -> int:
    assert preview.job is not None and preview.job.way == "CupsWorker"
    assert preview.job.worker.cups_job is not None and preview.job.worker.cups_job.job_id is not None
    return preview.job.worker.cups_job.job_id


@pytest.fixture
def ledger_page(qtbot, office, admin):
    page = FormLedgerPage(office.forms, office.staff, admin, Printouts(office, admin))
    page.resize(1300, 700)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


def blank_preview(qtbot, page: FormLedgerPage, count: int) -> PdfPreviewDialog:
    dialog = page.ask_blank_forms()
    dialog.count.setValue(count)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.preview is not None, timeout=30_000)  # made on a worker thread
    return page.preview


def test_the_print_dialog_sends_the_pdf_itself_to_cups(qtbot, office, admin, cups_printer, tmp_path):
    pdf = Printouts(office, admin).blank_forms_preview(4)  # four real form pages, no number
    preview = PdfPreviewDialog(pdf, "预览", "四页.pdf")
    qtbot.addWidget(preview)
    preview.show()
    ok, message = accept_print_dialog(qtbot, preview, cups_printer.name, copies=2, pages=(2, 3))
    assert ok, message
    assert f"已送往打印机“{cups_printer.name}”,打印完成" in message
    assert preview.banner.text() == message and preview.print_button.isEnabled()
    number = job_id(preview)
    out = cups_printer.output(number)
    # Pages 2-3, two collated copies (cups-pdf prints the copies into its file), as PDF:
    # vector, a few kB a page, not a picture per page.
    assert len(PdfReader(out).pages) == 4
    assert out.stat().st_size < 150_000, out.stat().st_size
    text = pdftotext(out)
    assert OFFICE in text and "回访记录表" in text and PREVIEW_NUMBER in text
    assert Cups().job(cups_printer.name, number).pages_done == 4  # the server counted four
    # What came out of the printer looks like pages 2, 3, 2, 3 of what the program made.
    made = pictures(pdf, tmp_path, "made")
    printed = pictures(out, tmp_path, "printed")
    assert len(made) == 4 and len(printed) == 4
    assert all(abs(a - b) <= 2 for a, b in zip(printed[0].size, made[1].size, strict=True))  # A4 at 60 dpi
    for page, expected in zip(printed, [1, 2, 1, 2], strict=True):
        assert differ(page, made[expected]) < 4, (expected, differ(page, made[expected]))
    assert differ(printed[0], Image.new("L", printed[0].size, 255)) > 4  # not blank paper
    preview.close()


def test_blank_forms_take_their_numbers_when_printed(qtbot, ledger_page, office, cups_printer, tmp_path):
    preview = blank_preview(qtbot, ledger_page, 3)
    assert preview.page_count() == 3 and FormSheet.select().count() == 0  # the preview takes no number
    ok, message = accept_print_dialog(qtbot, preview, cups_printer.name, copies=2)
    assert ok, message
    numbers = ["HF-2026-000001", "HF-2026-000002", "HF-2026-000003"]
    assert "编号 HF-2026-000001 至 HF-2026-000003(共 3 个) 已记入台账(已打印)" in message
    assert "每个编号只印一份" in message  # two copies asked, one printed
    for number in numbers:
        form = FormSheet.get(FormSheet.number == number)
        assert form.state == PRINTED and form.printed_by == f"王管理({cups_printer.name})"
        assert ledger_page.row_texts(number)[1] == PRINTED
    assert ledger_page.banner.text() == message
    out = cups_printer.output(job_id(preview))
    assert len(PdfReader(out).pages) == 3
    text = pdftotext(out)
    assert all(n in text for n in numbers) and OFFICE in text and PREVIEW_NUMBER not in text
    assert Cups().job(cups_printer.name, job_id(preview)).pages_done == 3  # one copy each
    assert out.stat().st_size < 3 * 60_000, out.stat().st_size
    printed = pictures(out, tmp_path, "printed")
    made = pictures(preview.pdf, tmp_path, "preview")  # the preview differs only by the number
    assert all(differ(p, m) < 6 for p, m in zip(printed, made, strict=True))
    preview.close()


def test_a_stopped_printer_voids_the_numbers_with_the_reason(qtbot, ledger_page, cups_printer):
    cups_printer.admin("cupsdisable", "-r", "卡纸", cups_printer.name)
    try:
        preview = blank_preview(qtbot, ledger_page, 2)
        ok, message = accept_print_dialog(qtbot, preview, cups_printer.name)
    finally:
        cups_printer.admin("cupsenable", cups_printer.name)
    assert not ok
    assert message.startswith(f"打印机“{cups_printer.name}”已停用(卡纸)。请检查打印机")
    assert "编号 HF-2026-000001 至 HF-2026-000002(共 2 个) 已作废(打印失败:打印机已停用)" in message
    assert preview.banner.text() == message and ledger_page.banner.text() == message
    for form in FormSheet.select():
        assert form.state == VOID and form.void_reason.startswith("打印失败:打印机已停用")
        assert ledger_page.row_texts(form.number)[1] == VOID
    # Printing again takes new numbers: a voided number is never reused.
    ok, message = accept_print_dialog(qtbot, preview, cups_printer.name)
    assert ok, message
    assert "HF-2026-000003 至 HF-2026-000004" in message
    preview.close()


def test_a_printer_stopped_while_the_job_waits_voids_the_numbers(qtbot, ledger_page, cups_printer):
    preview = blank_preview(qtbot, ledger_page, 1)
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    dialog = preview.print_dialog
    qtbot.waitUntil(dialog.isVisible)
    printers = dialog.findChild(QComboBox, "printers")
    printers.setCurrentIndex(printers.findText(cups_printer.hold))
    try:
        with qtbot.waitSignal(preview.printed, timeout=JOB_TIMEOUT_MS) as ended:
            qtbot.mouseClick(
                dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                Qt.MouseButton.LeftButton,
            )
            # The job is at the printer, held; the form is reserved, not printed.
            qtbot.waitUntil(lambda: preview.job is not None and preview.job.worker.cups_job is not None)
            qtbot.waitUntil(lambda: preview.job.worker.cups_job.job_id is not None, timeout=30_000)
            assert FormSheet.get(FormSheet.number == "HF-2026-000001").state == PRINTING
            ledger_page.refresh()
            assert ledger_page.row_texts("HF-2026-000001")[1] == PRINTING
            cups_printer.admin("cupsdisable", "-r", "打印机断电", cups_printer.hold)
    finally:
        cups_printer.admin("cupsenable", cups_printer.hold)
    ok, message = ended.args
    assert not ok and "已停用(打印机断电)" in message
    form = FormSheet.get(FormSheet.number == "HF-2026-000001")
    assert form.state == VOID and form.void_reason.startswith("打印失败:打印机已停用")
    job = Cups().job(cups_printer.hold, job_id(preview))
    assert job.state == 7  # the held job was cancelled at the printer: it will never print
    preview.close()


def test_cancel_voids_the_numbers(qtbot, ledger_page, cups_printer):
    preview = blank_preview(qtbot, ledger_page, 2)
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    dialog = preview.print_dialog
    qtbot.waitUntil(dialog.isVisible)
    printers = dialog.findChild(QComboBox, "printers")
    printers.setCurrentIndex(printers.findText(cups_printer.hold))
    with qtbot.waitSignal(preview.printed, timeout=JOB_TIMEOUT_MS) as ended:
        qtbot.mouseClick(
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
            Qt.MouseButton.LeftButton,
        )
        qtbot.waitUntil(lambda: preview.job is not None and preview.job.worker.cups_job is not None)
        qtbot.waitUntil(lambda: preview.job.worker.cups_job.job_id is not None, timeout=30_000)
        progress = preview.job.progress
        qtbot.waitUntil(progress.isVisible)  # a job that takes a while shows its progress
        assert not preview.isHidden()
        preview.close()  # refused while the job runs: the preview stays
        assert preview.isVisible() and "正在打印" in preview.banner.text()
        cancel = next(b for b in progress.findChildren(type(preview.print_button)) if b.text() == "取消")
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    ok, message = ended.args
    assert not ok and message.startswith("已取消打印。")
    assert "已作废(已取消)" in message
    assert {f.state for f in FormSheet.select()} == {VOID}
    assert all(f.void_reason.startswith("已取消") for f in FormSheet.select())
    assert Cups().job(cups_printer.hold, job_id(preview)).state == 7  # cancelled at the printer
    preview.close()


def test_a_visit_form_prints_under_a_number_taken_at_printing(
    qtbot, office, admin, make_case, cups_printer, tmp_path
):
    from app.models import Visit

    case = make_case(kind="投诉", category="服务态度", account="保安态度恶劣")
    office.cases.resolve(case, "已道歉", admin)
    visit = Visit.get(Visit.case == case)
    printouts = Printouts(office, admin)
    preview = PdfPreviewDialog(
        printouts.visit_form_preview(visit), "回访记录表", make_job=lambda: printouts.visit_forms_job([visit])
    )
    qtbot.addWidget(preview)
    preview.show()
    assert office.forms.live_form(visit) is None
    ok, message = accept_print_dialog(qtbot, preview, cups_printer.name)
    assert ok, message
    form = office.forms.live_form(visit)
    assert form is not None and form.state == PRINTED and form.number in message
    sent = preview.job.worker.pdf
    assert form.number in pdftotext_bytes(sent, tmp_path) and case.number in pdftotext_bytes(sent, tmp_path)
    # On paper: the number's QR code reads back, and the page looks like the PDF sent.
    out = cups_printer.output(job_id(preview))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", str(out), str(tmp_path / "qr")], check=True, capture_output=True
    )
    (page,) = sorted(tmp_path.glob("qr-*.png"))
    assert [c.text for c in zxingcpp.read_barcodes(Image.open(page))] == [form.number]
    (printed,) = pictures(out, tmp_path, "printed")
    (made,) = pictures(sent, tmp_path, "sent")
    assert differ(printed, made) < 4
    preview.close()


def test_the_command_line_prints_on_a_named_printer(office, cups_printer, capsys):
    data = str(office.data_dir)
    office.close()
    assert cli.run(data, *["form", "blank", "--count", "3", "--printer", cups_printer.name]) == 0
    said = capsys.readouterr().out
    assert f"已送往打印机 {cups_printer.name} 并打印完成" in said and "HF-2026-000003" in said
    newest = max(cups_printer.out_dir.glob("*.pdf"), key=lambda p: p.stat().st_mtime)
    assert len(PdfReader(newest).pages) == 3 and "HF-2026-000002" in pdftotext(newest)

    assert cli.run(data, *["form", "blank", "--count", "2", "--printer", "没有这台打印机"]) == 1
    err = capsys.readouterr().err
    assert "找不到打印机“没有这台打印机”" in err and "HF-2026-000004, HF-2026-000005 已作废" in err

    cups_printer.admin("cupsdisable", "-r", "缺纸", cups_printer.name)
    try:
        assert cli.run(data, *["form", "blank", "--count", "1", "--printer", cups_printer.name]) == 1
    finally:
        cups_printer.admin("cupsenable", cups_printer.name)
    assert "已停用(缺纸)" in capsys.readouterr().err

    # a missing folder (a USB stick not plugged in) is refused before a number is taken
    assert cli.run(data, *["form", "blank", "--count", "1", "--pdf", "/nonexistent/x.pdf"]) == 2
    assert "不存在" in capsys.readouterr().err

    from app.office import Office

    again = Office.login(Path(data), "admin", "secret1", office.clock)
    try:
        states = {f.number: (f.state, f.void_reason) for f in again.forms.ledger()}
    finally:
        again.close()
    assert [states[f"HF-2026-00000{i}"][0] for i in range(1, 7)] == [PRINTED] * 3 + [VOID] * 3
    assert "HF-2026-000007" not in states
    assert states["HF-2026-000004"][1].startswith("打印失败:找不到打印机")
    assert states["HF-2026-000006"][1].startswith("打印失败:打印机已停用")


def test_the_pdf_as_printed_is_vector(office, admin, cups_printer, tmp_path):
    """A job is the PDF itself: ten forms are a few hundred kB, not 6.7 MB of pictures."""
    pdf = Printouts(office, admin).blank_forms_preview(10)
    from app.print_jobs import CupsJob, PrintOptions

    result = CupsJob(Cups(), pdf, PrintOptions(cups_printer.name, title="十张")).run()
    out = cups_printer.output(result.job_id)
    assert len(PdfReader(io.BytesIO(out.read_bytes())).pages) == 10
    assert len(pdf) < 1_000_000 and out.stat().st_size < 1_000_000, (len(pdf), out.stat().st_size)


def test_a_job_the_print_server_cannot_process_fails_with_the_reason(cups_printer, tmp_path):
    """A document the printer's filters reject (here: a PDF with no page) stops at the print
    server; the job is told as failed and removed from the queue, not waited on for ever."""
    from pypdf import PdfWriter

    from app.print_jobs import JOB_CANCELED, CupsJob, PrintFailed, PrintOptions

    empty = io.BytesIO()
    PdfWriter().write(empty)
    job = CupsJob(Cups(), empty.getvalue(), PrintOptions(cups_printer.name, title="空"))
    with pytest.raises(PrintFailed) as failed:
        job.run()
    assert failed.value.reason == "打印机处理任务出错" and "请检查打印机后再打印" in str(failed.value)
    assert job.job_id is not None and Cups().job(cups_printer.name, job.job_id).state == JOB_CANCELED


# The reservation rules, without a printer ------------------------------------------------
def test_reserved_numbers_are_confirmed_or_voided_never_reused(office, admin, clock):
    from app.forms import FormLedger

    ledger = office.forms
    first = ledger.reserve_blank(2, admin)
    assert [f.state for f in first] == [PRINTING, PRINTING]
    ledger.confirm_printed(first, "前台打印机")
    stored = FormSheet.get_by_id(first[0].id)
    assert stored.state == PRINTED and stored.printed_by == "王管理(前台打印机)"
    second = ledger.reserve_blank(1, admin)
    ledger.void_unprinted(second, "打印失败:缺纸")
    assert FormSheet.get_by_id(second[0].id).void_reason == "打印失败:缺纸(2026-09-28 09:30)"
    ledger.void_unprinted(first, "已取消")  # confirmed forms are left alone
    assert FormSheet.get_by_id(first[0].id).state == PRINTED
    assert ledger.reserve_blank(1, admin)[0].number == "HF-2026-000004"  # a voided number is not reused

    # A program that stopped mid-job: its reservation is voided (打印中断) at the next open,
    # once it has not been refreshed for a while; a running job's reservation is not.
    running = ledger.reserve_blank(1, admin)
    clock.advance(minutes=10)
    other_window = FormLedger(clock, office.policies)
    ledger.keep_reserved(running)  # the running job says it is alive
    other_window.ledger()
    states = {f.number: (f.state, f.void_reason) for f in FormSheet.select()}
    assert states["HF-2026-000004"][0] == VOID and states["HF-2026-000004"][1].startswith("打印中断")
    assert states["HF-2026-000005"][0] == PRINTING
    ledger.confirm_printed(running, "前台打印机")
    assert FormSheet.get_by_id(running[0].id).state == PRINTED


def test_a_visit_being_printed_is_not_printed_twice_at_once(office, admin, make_case):
    from app.errors import UserError
    from app.models import Visit

    case = make_case(kind="投诉", category="服务态度", account="保安态度恶劣")
    office.cases.resolve(case, "已道歉", admin)
    visit = Visit.get(Visit.case == case)
    form, new = office.forms.reserve_for_visit(visit, admin)
    assert new and form.state == PRINTING and office.forms.live_form(visit) is None
    with pytest.raises(UserError, match="正在打印"):
        office.forms.reserve_for_visit(visit, admin)
    office.forms.confirm_printed([form], "前台打印机")
    again, new = office.forms.reserve_for_visit(visit, admin)  # a copy under the same number
    assert not new and again.id == form.id


def test_the_quarterly_analysis_prints_from_the_statistics_window(qtbot, office, q3, cups_printer):  # noqa: F811
    """统计报表 → 打印…: the real report in the preview, through the print dialog, to the printer."""
    from reports.quarterly import QuarterlyReport
    from ui.stats.window import StatsWindow

    window = StatsWindow(
        office.quarterly,
        lambda comparison: QuarterlyReport(office.name, comparison).generate(),
        lambda comparison, path: None,
        lambda period, text: None,
        office.clock,
    )
    qtbot.addWidget(window)
    window.show()
    assert not window.print_button.isEnabled()  # nothing computed yet
    window.kind_combo.setCurrentIndex(1)  # 季度
    window.year_spin.setValue(2026)
    window.quarter_combo.setCurrentIndex(2)  # 第3季度
    with qtbot.waitSignal(window.computed, timeout=30_000):
        qtbot.mouseClick(window.compute_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.preview is not None, timeout=30_000)  # made on a worker thread
    preview = window.preview
    assert preview.page_count() >= 2
    ok, message = accept_print_dialog(qtbot, preview, cups_printer.name)
    assert ok, message
    out = cups_printer.output(job_id(preview))
    assert len(PdfReader(out).pages) == preview.page_count()
    text = pdftotext(out)
    assert "2026年第3季度" in text and "客户投诉与回访分析报告" in text
    preview.close()
