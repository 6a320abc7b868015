"""导入扫描件, driven as the clerk would: scans of the real printed forms read on the worker
thread, the result table filled page by page, a page matched by hand from its picture,
a long import cancelled, the dialog opened from the form ledger's button."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app import form_scans as fs
from app.form_scans import FormScans
from app.forms import PRINTED
from app.models import FormSheet, ScanPage
from bench import scan_samples as ss
from reports.printing import Printouts
from tests.helpers.qt_input import type_text
from ui.form_ledger import FormLedgerPage
from ui.scan_import import ScanImportDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def dialog(qtbot, office, admin):
    d = ScanImportDialog(FormScans(office.forms), admin)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def test_a_batch_read_in_the_background_and_a_page_matched_by_hand(qtbot, dialog, office, admin, tmp_path):
    pdf = Printouts(office, admin).blank_forms(2)
    first, second = office.forms.ledger()
    pages = ss.render(pdf, 200)
    scan = ss.to_pdf([pages[0], ss.without_code(pages[1]), ss.blank_page()], tmp_path / "扫描.pdf")
    fake = tmp_path / "说明.pdf"
    fake.write_text("不是扫描件", encoding="utf-8")
    assert dialog.waiting.count() == 0 and not dialog.number_edit.isEnabled()

    with qtbot.waitSignal(dialog.batch_finished, timeout=120_000) as finished:
        dialog.start([fake, scan])

    batch = finished.args[0]
    assert not batch.cancelled
    rows = [dialog.row_texts(r) for r in range(dialog.table.rowCount())]
    assert rows[0][:3] == ["说明.pdf", "—", "无法读取"] and "不是 PDF,也不是图片" in rows[0][4]
    assert rows[1][:4] == ["扫描.pdf", "1", "已附加", first.number]
    assert rows[2][:3] == ["扫描.pdf", "2", "待手工匹配"] and "读不出二维码" in rows[2][4]
    assert rows[3][:3] == ["扫描.pdf", "3", "空白页"]
    assert "待手工匹配 1 页" in dialog.banner.text() and "1 个文件无法读取" in dialog.banner.text()
    assert dialog.bar.value() == 1 and dialog.choose_button.isEnabled()
    # The page without a code is shown as a picture, waiting for its number.
    assert dialog.waiting.count() == 1 and "(1)" in dialog.waiting_box.title()
    assert not dialog.picture.pixmap().isNull() and dialog.picture.pixmap().width() > 100
    assert "扫描.pdf 第 2 页" in dialog.page_info.text()

    # A wrong number is refused in words and the page stays; the right one attaches it.
    type_text(qtbot, dialog.number_edit, "HF-2026-000099")
    qtbot.mouseClick(dialog.attach_button, Qt.MouseButton.LeftButton)
    assert "台账里没有编号 HF-2026-000099" in dialog.hand_error.text() and dialog.hand_error.isVisible()
    assert dialog.waiting.count() == 1
    dialog.number_edit.clear()
    type_text(qtbot, dialog.number_edit, " hf-2026-2 ")
    with qtbot.waitSignal(dialog.matched_by_hand) as matched:
        qtbot.keyClick(dialog.number_edit, Qt.Key.Key_Return)
    assert matched.args[0].number == second.number
    assert dialog.waiting.count() == 0 and not dialog.attach_button.isEnabled()
    assert f"已附到 {second.number}" in dialog.banner.text()
    by_form = {p.source_page: p.form_id for p in ScanPage.select()}
    assert by_form == {1: first.id, 2: second.id}
    assert {f.state for f in FormSheet.select()} == {PRINTED}  # no visit entered yet


def test_cancelling_stops_between_pages_and_keeps_what_was_read(qtbot, dialog, office, admin, tmp_path):
    pdf = Printouts(office, admin).blank_forms(24)
    scan = ss.to_pdf(ss.render(pdf, 150), tmp_path / "long.pdf", dpi=150)

    with qtbot.waitSignal(dialog.page_stored, timeout=60_000):
        dialog.start([scan])
    assert dialog.running and dialog.bar.maximum() == 24
    with qtbot.waitSignal(dialog.batch_finished, timeout=60_000) as finished:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    batch = finished.args[0]
    stored = ScanPage.select().count()
    assert batch.cancelled and 1 <= stored < 24
    assert all(o.status == fs.ATTACHED for o in batch.outcomes)
    assert dialog.table.rowCount() == stored == len(batch.outcomes)
    assert dialog.banner.text().startswith("已取消")
    # The rest can be read later: the pages already in are recognised, the others attached.
    with qtbot.waitSignal(dialog.batch_finished, timeout=120_000) as again:
        dialog.start([scan])
    statuses = [o.status for o in again.args[0].outcomes]
    assert statuses == [fs.DUPLICATE] * stored + [fs.ATTACHED] * (24 - stored)


def test_closing_while_reading_stops_the_worker(qtbot, office, admin, tmp_path):
    pdf = Printouts(office, admin).blank_forms(12)
    scan = ss.to_pdf(ss.render(pdf, 150), tmp_path / "long.pdf", dpi=150)
    d = ScanImportDialog(FormScans(office.forms), admin)
    qtbot.addWidget(d)
    d.show()
    with qtbot.waitSignal(d.page_stored, timeout=60_000):
        d.start([scan])
    d.close()
    assert not d.isVisible()
    assert d._job is None or d._job.wait(0)  # the reading thread has ended
    stored = ScanPage.select().count()
    assert 1 <= stored < 12  # stopped between pages; what was read is kept


def test_the_form_ledger_opens_the_scan_import(qtbot, office, admin, tmp_path):
    pdf = Printouts(office, admin).blank_forms(1)
    (form,) = office.forms.ledger()
    scan = tmp_path / "IMG_0001.png"
    ss.render(pdf, 200)[0].save(scan)
    page = FormLedgerPage(office.forms, office.staff, admin, Printouts(office, admin))
    page.resize(1300, 700)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    assert page.scan_button.text() == "导入扫描件…"
    qtbot.mouseClick(page.scan_button, Qt.MouseButton.LeftButton)
    dialog = page.scan_dialog
    assert isinstance(dialog, ScanImportDialog) and dialog.isVisible()
    with qtbot.waitSignal(page.forms_changed, timeout=60_000):
        dialog.start([scan])
    # The ledger row names the scan now.
    assert any("IMG_0001.png 第1页" in text for text in page.row_texts(form.number))
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    # 查看扫描件: the form's signed paper shown from the ledger.
    page.select_form(form.id)
    qtbot.mouseClick(page.view_scan_button, Qt.MouseButton.LeftButton)
    viewer = page.scan_viewer
    assert viewer.isVisible() and viewer.list.count() == 1
    assert "IMG_0001.png 第 1 页" in viewer.list.item(0).text()
    assert not viewer.picture.pixmap().isNull() and viewer.picture.pixmap().width() > 100
    viewer.close()


def test_a_form_without_scans_says_how_to_get_one(qtbot, office, admin):
    Printouts(office, admin).blank_forms(1)
    (form,) = office.forms.ledger()
    page = FormLedgerPage(office.forms, office.staff, admin, Printouts(office, admin))
    qtbot.addWidget(page)
    page.refresh()
    assert page.view_scans() is None and "请先在台账里选中" in page.banner.text()
    page.select_form(form.id)
    assert page.view_scans() is None
    assert f"{form.number} 还没有扫描件" in page.banner.text()
