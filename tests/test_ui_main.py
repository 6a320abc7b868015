"""The main window: every page opens, the roles decide which pages and menus there are."""

import pytest

from app.case_query import CaseFilter
from ui.main_window import PAGES, MainWindow


@pytest.fixture
def window(qtbot, office, admin):
    w = MainWindow(office, admin)
    qtbot.addWidget(w)
    return w


def test_every_page_opens(window, make_case):
    make_case()
    for key, label in PAGES:
        page = window.show_page(key)
        assert window.pages.currentWidget() is page
        assert window.nav.currentItem().text() == label
    window.refresh_status()
    assert "未结 1" in window.status_counts.text()


def test_steward_sees_fewer_pages(qtbot, office):
    steward = office.staff.save_staff("赵物管", "steward", username="zhao", password="secret1")
    w = MainWindow(office, steward)
    qtbot.addWidget(w)
    assert "stats" not in w.nav_keys and "planner" not in w.nav_keys
    assert "intake" in w.nav_keys and "calendar" in w.nav_keys
    menus = {a.text(): a.isEnabled() for m in w.menuBar().actions() for a in m.menu().actions() if a.text()}
    assert menus["人员与部门…"] is False and menus["新建受理"] is True


def test_overdue_menu_opens_the_filtered_list(window, make_case, clock):
    make_case()
    clock.advance(days=5)
    window.open_case_list(CaseFilter(overdue=True))
    page = window.page("cases")
    assert window.pages.currentWidget() is page


def test_backup_warning_in_the_status_bar(window):
    window.refresh_status()
    assert "还没有成功的备份" in window.status_backup.text()


def test_case_detail_links(qtbot, office, admin, make_case):
    from app.models import Visit
    from ui.case_detail import CaseDetailDialog, CaseLinks

    case = make_case(kind="投诉", category="服务态度")
    office.cases.dispatch(case, office.staff.departments()[0], admin)
    office.cases.resolve(case, "已致歉", admin)
    opened, printed = [], []
    links = CaseLinks(
        open_visit=opened.append,
        print_record=lambda c: printed.append(("record", c.number)),
        print_slip=lambda s: printed.append(("slip", s.number)),
        show_history=lambda c: None,
    )
    dialog = CaseDetailDialog(case.id, office.cases, office.staff, admin, links=links)
    qtbot.addWidget(dialog)
    assert dialog.visit_table.rowCount() == 1
    dialog.visit_table.setCurrentCell(0, 0)
    dialog._open_selected_visit()
    assert opened == [Visit.get(Visit.case == case).id]
    dialog.print_record_button.click()
    dialog.print_slip_button.click()
    assert printed == [("record", case.number), ("slip", "PG-2026-00001")]


def test_qt_bindings_keep_none_alive(qapp):
    """PySide6 6.12.0 under Python 3.11 drops a reference to None on every void call, and
    the program aborts after a while; requirements.txt pins a release without the bug."""
    import sys

    from PySide6.QtCore import QPointF

    point = QPointF()
    before = sys.getrefcount(None)
    for _ in range(5000):
        point.setX(1.0)
    assert sys.getrefcount(None) >= before - 100


def test_help_page_has_the_daily_cycle_and_its_pictures(qtbot):
    from app.paths import resource_path
    from ui.help import HelpDialog

    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    for words in ("工作台", "受理", "派工", "回访", "表单台账", "统计", "备份"):
        assert words in text
    import re

    pictures = re.findall(r'src="([^"]+)"', resource_path("help", "index.html").read_text(encoding="utf-8"))
    assert pictures and all(resource_path("help", p).exists() for p in pictures)


def test_case_list_filters_and_columns_are_remembered_per_person(qtbot, office, admin):
    from ui.main_window import MainWindow

    first = MainWindow(office, admin)
    qtbot.addWidget(first)
    page = first.show_page("cases")
    page.set_filter(CaseFilter(kind="报修", text="漏水"))
    page.table.horizontalHeader().resizeSection(0, 222)
    first.save_layout()
    second = MainWindow(office, admin)
    qtbot.addWidget(second)
    again = second.show_page("cases")
    assert again.current_filter().kind == "报修" and again.current_filter().text == "漏水"
    assert again.table.horizontalHeader().sectionSize(0) == 222
    other = office.staff.save_staff("李客服", "clerk", username="li", password="secret1")
    third = MainWindow(office, other)
    qtbot.addWidget(third)
    assert third.show_page("cases").current_filter().kind is None


def test_quarterly_pdf_is_archived_and_the_notice_prints(qtbot, window, office, make_case, monkeypatch):
    from app.models import ReportArchive
    from app.periods import Period

    make_case(kind="投诉", category="服务态度")
    data = office.quarterly(Period.quarter(2026, 3))
    pdf = window._quarterly_pdf(data)
    assert pdf.startswith(b"%PDF")
    archived = ReportArchive.get(ReportArchive.period == "2026-Q3")
    assert bytes(archived.pdf) == pdf and archived.archived_by == "王管理"
    shown = []
    monkeypatch.setattr(window, "preview", lambda pdf, name: shown.append(name))
    window.print_monthly_notice()  # counted and drawn on a worker thread (ui/progress.py)
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    # Printed on 09-28, the notice covers September so far (公告 by the 30th of the same
    # month, issue 14), and printing it is what marks the month's notice done.
    assert shown == ["2026年9月(截至 09-28)公告"]
    assert ReportArchive.get(ReportArchive.period == "公告-2026-09").archived_by == "王管理"
