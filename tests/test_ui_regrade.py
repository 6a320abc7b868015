"""Issue 14 in the windows: the re-grade action on a case, the warning that a deadline falls in
a year whose holidays are only estimated (intake, dashboard) and loading the State Council's
notice in the settings."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDateTime, Qt

from app.dashboard import dashboard
from app.holidays import HolidayService
from app.models import Case, MajorReport
from tests.test_holidays import NOTICE_2026
from ui.case_actions.corrections import RegradeDialog
from ui.case_detail import CaseDetailDialog
from ui.dashboard.page import DashboardPage
from ui.intake import IntakeForm
from ui.settings import SettingsDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_regrade_minor_to_major_from_the_case_detail(qtbot, office, admin, make_case, clock):
    clock.at = dt.datetime(2026, 10, 9, 9, 0)
    case = make_case(kind="投诉", severity="轻微", category="服务态度", account="保安推搡业主")
    clock.at = dt.datetime(2026, 10, 9, 15, 0)
    d = CaseDetailDialog(case.id, office.cases, office.staff, admin)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    assert d.major_tab_index < 0
    button = d.action_buttons["regrade"]
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dlg = d.action_dialog
    assert isinstance(dlg, RegradeDialog) and dlg.isVisible()
    assert "办结 2026-10-12 09:00 前" in dlg.preview.text()
    dlg.severity_combo.setCurrentText("重大")
    # The preview shows the new deadlines and the report before anything is saved.
    assert "办结 2026-10-22 09:00 前" in dlg.preview.text()
    assert "明确答复 2026-10-12 09:00 前" in dlg.preview.text()
    assert "将生成重大投诉报告,须于 2026-10-10 15:00 前提交" in dlg.preview.text()
    assert Case.get_by_id(case.id).severity == "轻微"
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and "定级原因" in dlg.error.text()  # the reason is required
    dlg.reason_edit.setPlainText("业主家中财物受损")
    with qtbot.waitSignal(d.case_changed):
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible()
    case = Case.get_by_id(case.id)
    assert case.severity == "重大" and case.resolve_due == dt.datetime(2026, 10, 22, 9, 0)
    assert MajorReport.get(MajorReport.case == case).due == dt.datetime(2026, 10, 10, 15, 0)
    assert d.major_tab_index >= 0
    timeline = d.timeline_view.toPlainText()
    assert "程度 轻微 → 重大" in timeline and "原因:业主家中财物受损" in timeline

    # And back: the report's tab stays, marked as cancelled and read-only.
    dlg = d.make_action_dialog("regrade")
    dlg.severity_combo.setCurrentText("轻微")
    assert "重大投诉报告将取消" in dlg.preview.text()
    dlg.reason_edit.setPlainText("核实后损失轻微")
    dlg.run()
    d.refresh()
    assert "已取消" in d.tabs.tabText(d.major_tab_index)
    assert "核实后损失轻微" in d.major.due_label.text()
    assert not d.major.submit_button.isEnabled() and d.major.edits["cause"].isReadOnly()


def test_intake_warns_when_a_deadline_falls_in_a_provisional_year(qtbot, office, admin, clock):
    clock.at = dt.datetime(2026, 12, 31, 10, 0)
    form = IntakeForm(office.cases, office.owners, office.drafts, office.staff, office.nightlog, admin)
    qtbot.addWidget(form)
    form.resize(1366, 768)
    form.show()
    form.received.setDateTime(QDateTime(dt.datetime(2026, 12, 28, 10, 0)))
    assert not form.side.provisional_banner.isVisible()  # Mon 28 Dec: all deadlines in 2026
    form.received.setDateTime(QDateTime(dt.datetime(2026, 12, 31, 10, 0)))
    assert form.side.provisional_banner.isVisible()
    assert "2027 年" in form.side.provisional_banner.label.text()
    assert "暂定" in form.side.provisional_banner.label.text()
    # 元旦 2027 (Fri 1 Jan) is counted as a day off already.
    assert "首次回复 01-04 10:00 前" in form.side.deadlines_label.text()
    HolidayService(office.cases).set_official(2027, True)
    form.received.setDateTime(QDateTime(dt.datetime(2026, 12, 31, 10, 1)))
    assert not form.side.provisional_banner.isVisible()


def test_dashboard_says_which_year_is_provisional(qtbot, office, make_case, clock):
    page = DashboardPage(lambda: dashboard(office, office.clock.now().date()))
    qtbot.addWidget(page)
    page.show()
    assert not page.holiday_notice.isVisible()  # 28 Sep 2026: nothing in 2027 yet
    clock.at = dt.datetime(2026, 12, 5, 9, 0)
    page.refresh()
    assert page.holiday_notice.isVisible() and "2027 年" in page.holiday_notice.label.text()
    HolidayService(office.cases).set_official(2027, True)
    page.refresh()
    assert not page.holiday_notice.isVisible()


def test_settings_loads_the_notice_and_shows_the_estimate(qtbot, office, make_case, clock):
    clock.at = dt.datetime(2026, 12, 31, 9, 0)
    case = make_case(kind="投诉", severity="重要", category="服务态度", received_at="2026-12-31 09:00")
    holidays = HolidayService(office.cases)
    d = SettingsDialog(office.policies, office.staff, holidays, year=2027)
    qtbot.addWidget(d)
    d.show()
    page = d.holidays
    d.tabs.setCurrentWidget(page)
    shown = [page.table.item(r, 2).text() for r in range(page.table.rowCount())]
    assert shown and set(shown) == {"放假(暂定)"}
    assert "暂定" in page.status.label.text() and page.notice_button.isVisible()
    dialog = page.open_notice()
    dialog.text.setPlainText(NOTICE_2026)
    dialog.load()
    assert dialog.isVisible() and "2026 年的通知" in dialog.error.text()  # the wrong year
    dialog.text.setPlainText(
        "一、元旦:1月1日(周五)至3日(周日)放假,共3天。\n"
        "二、春节:2月5日(周五)至13日(周六)放假调休,共9天。1月30日(周六)、2月20日(周六)上班。"
    )
    assert "元旦  01-01 至 01-03  放假 3 天" in dialog.preview.text()
    assert "春节调休  01-30  调休上班" in dialog.preview.text()
    dialog.load()
    assert not dialog.isVisible()
    assert page.official_check.isChecked()
    assert {page.table.item(r, 2).text() for r in range(page.table.rowCount())} == {"放假", "调休上班"}
    # 元旦 1-3 Jan: Sun 3 Jan off now too, so the open case is not moved (4, 5, 6 Jan as before).
    assert Case.get_by_id(case.id).resolve_due == dt.datetime(2027, 1, 6, 9, 0)
    assert "不受这次修改影响" in page.recomputed_note.label.text()
