"""Rework goes on, in the windows: the case detail's 告知业主返工时间 step (its dialog driven
through its widgets), the 返工告知 and 关联投诉 rows (the link opens the other case), and the
dashboard's line; on the office's dates (National Day 2026, 10-10 a make-up working day)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from app.dashboard import dashboard
from app.models import Case, ReworkNotice, Visit
from tests.test_rework_goes_on import _first_visit_unsatisfied, _leak, _result
from ui.case_actions.rework import TellOwnerDialog
from ui.case_detail import CaseDetailDialog
from ui.dashboard.page import DashboardPage
from ui.widgets import to_qdatetime

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

T = dt.datetime


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def detail(qtbot, office, admin, case_id):
    d = CaseDetailDialog(case_id, office.cases, office.staff, admin, rework=office.visits.rework)
    qtbot.addWidget(d)
    d.show()
    return d


def test_tell_the_owner_from_the_case_detail(qtbot, office, admin, clock):
    case = _leak(office, admin, clock)
    notice, _ = _first_visit_unsatisfied(office, admin, clock, case)
    clock.at = T(2026, 10, 1, 11, 0)  # the notice's 24 h ran out at 10:00
    d = detail(qtbot, office, admin, case.id)
    assert d.tell_owner_button.isVisible() and d.tell_owner_button.isEnabled()
    assert "尚未告知业主返工完成时间" in d.fields.values["rework"].text()
    assert "未及时告知" in d.fields.values["rework"].text()
    click(qtbot, d.tell_owner_button)
    dlg = d.action_dialog
    assert isinstance(dlg, TellOwnerDialog) and "已超时" in dlg.due_label.text()
    # A promise before the telling is refused beside its field; nothing is stored.
    dlg.due_edit.setDateTime(to_qdatetime(T(2026, 10, 1, 8, 0)))
    click(qtbot, dlg.ok_button)
    assert dlg.isVisible() and "不能早于告知业主的时间" in dlg.errors.label_for("返工完成时间").text()
    assert ReworkNotice.get_by_id(notice.id).owner_told_at is None
    dlg.due_edit.setDateTime(to_qdatetime(T(2026, 10, 8, 17, 0)))
    dlg.method.setCurrentIndex(dlg.method.findData("短信"))
    with qtbot.waitSignal(dlg.accepted):
        click(qtbot, dlg.ok_button)
    notice = ReworkNotice.get_by_id(notice.id)
    assert (notice.rework_due, notice.owner_told_method, notice.owner_told_at) == (
        T(2026, 10, 8, 17, 0),
        "短信",
        T(2026, 10, 1, 11, 0),
    )
    text = d.fields.values["rework"].text()
    assert "短信告知业主(超过24小时)" in text and "10-08 17:00 前完成" in text


def test_the_linked_complaint_opens_from_either_case_and_the_dashboard_says_it(qtbot, office, admin, clock):
    office.staff.save_staff("孙经理", "office_manager")
    case = _leak(office, admin, clock)
    notice, second = _first_visit_unsatisfied(office, admin, clock, case)
    office.visits.rework.tell_owner(notice, "2026-10-08 17:00", "电话", actor=admin)
    clock.at = T(2026, 10, 8, 16, 0)
    office.cases.resolve(Case.get_by_id(case.id), "重新做防水", admin)
    clock.at = T(2026, 10, 9, 10, 0)
    office.visits.complete(Visit.get_by_id(second.id), _result("不满意", "还漏"), admin)
    new = Case.get(Case.linked_from == case.id)
    d = detail(qtbot, office, admin, case.id)
    label = d.fields.values["linked"]
    assert label.isVisibleTo(d) and new.number in label.text() and "已转为投诉" in label.text()
    label.linkActivated.emit(f"case:{new.id}")
    other = d.linked_dialog
    assert other is not None and other.case.id == new.id
    back = other.fields.values["linked"].text()
    assert case.number in back and "由此案转来" in back
    page = DashboardPage(lambda: dashboard(office, clock.now().date()))
    qtbot.addWidget(page)
    page.show()
    assert page.rework_notice.isVisible()
    assert f"返工后仍不合格:{case.number} 已上报管理处经理 孙经理,转为投诉 {new.number} 处理" in (
        page.rework_notice.label.text()
    )
