"""The settings dialog and the staff dialog, driven as a user would."""

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from app.errors import UserError
from app.models import Department, Staff
from app.policy import PolicyStore
from app.policy_sections import FirstResponse
from tests.helpers.qt_input import type_text
from ui.settings import SettingsDialog
from ui.staff_page import StaffDialog

# The offscreen platform says so whenever a dialog is shown; it is not a problem of ours.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

RECEIVED = dt.datetime(2026, 9, 30, 9, 0)  # a Wednesday before 国庆


def type_into(qtbot, edit, text):
    edit.clear()
    type_text(qtbot, edit, text)


@pytest.fixture
def dialog(qtbot, office):
    d = SettingsDialog(office.policies, office.staff, office.holidays, year=2027)
    qtbot.addWidget(d)
    d.show()
    return d


@pytest.fixture
def staff_dialog(qtbot, office, admin):
    d = StaffDialog(office.staff)
    qtbot.addWidget(d)
    d.show()
    return d


def click(qtbot, button):
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# 期限 ------------------------------------------------------------------------------------


def test_important_in_working_days(qtbot, office, dialog):
    before = office.cases.deadlines_for("投诉", "重要", RECEIVED).resolve_due
    # Working days are the default since issue 14: 8, 9, 10 (调休 Saturday) October.
    assert before == dt.datetime(2026, 10, 10, 9, 0)
    page = dialog.deadlines
    page.resolve_days["重要"].setValue(5)
    page.day_unit.setCurrentIndex(page.day_unit.findText("工作日"))
    assert "个工作日内" in page._resolve_units[1].text()

    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, dialog.save_button)

    policy = PolicyStore().load()
    assert policy.resolve_days["重要"] == 5
    assert policy.day_unit == "working"
    # 8, 9, 10 (调休 Saturday), 12, 13 October.
    after = office.cases.deadlines_for("投诉", "重要", RECEIVED).resolve_due
    assert after == dt.datetime(2026, 10, 13, 9, 0)


def test_the_preview_is_for_a_complaint_received_on_the_office_clock(dialog, clock):
    # The office clock (Mon 28 Sep 2026 09:30), not the wall clock: 重要 in 3 working days,
    # 29 and 30 Sep, then 8 Oct after 国庆.
    text = dialog.deadlines.preview.text()
    assert text.startswith("受理时间 09-28 09:30")
    assert "重要:首次回复 09-29 09:30 前;办结 10-08 09:30 前" in text
    dialog.deadlines.resolve_days["重要"].setValue(5)  # and 9, 10 (调休 Saturday) Oct
    assert "重要:首次回复 09-29 09:30 前;办结 10-10 09:30 前" in dialog.deadlines.preview.text()


def test_other_deadline_fields_are_saved(qtbot, dialog):
    page = dialog.deadlines
    page.response_amount.setValue(1)
    page.response_unit.setCurrentIndex(page.response_unit.findText("工作日"))
    page.major_answer.setValue(3)
    page.major_report.setValue(2)
    page.nearly_due.setValue(12)
    page.duplicate_days.setValue(14)
    type_into(qtbot, page.prefix, "ks-1")  # the validator lets only letters and digits through
    page.approver["轻微"].setCurrentIndex(page.approver["轻微"].findText("客服主任"))
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, dialog.save_button)
    stored = PolicyStore().load()
    assert stored.first_response == FirstResponse(1, "working")
    assert (stored.major_answer_days, stored.major_report_workdays) == (3, 2)
    assert (stored.nearly_due_hours, stored.duplicate_window_days) == (12, 14)
    assert stored.case_prefix == "KS1"
    assert stored.extension_approver["轻微"] == "cs_director"


def test_empty_prefix_refused_and_nothing_lost(qtbot, dialog):
    page = dialog.deadlines
    page.resolve_days["轻微"].setValue(4)
    page.prefix.clear()
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert page.errors["编号前缀"].isVisible()
    assert page.errors["编号前缀"].text() == "只能是字母或数字,不能为空"
    assert "编号前缀" in dialog.error_area.text()
    assert page.resolve_days["轻微"].value() == 4  # still as typed
    assert PolicyStore().load().case_prefix == "TS"


# 类别 / 渠道 ------------------------------------------------------------------------------


def test_add_category(qtbot, dialog):
    page = dialog.categories
    dialog.tabs.setCurrentWidget(page)
    type_into(qtbot, page.name, "电梯")
    click(qtbot, page.add_button)
    assert page.values()[-1] == "电梯"
    assert page.name.text() == ""
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, dialog.save_button)
    assert PolicyStore().load().categories[-1] == "电梯"


def test_empty_category_refused(qtbot, dialog):
    page = dialog.categories
    dialog.tabs.setCurrentWidget(page)
    count = len(page.values())
    type_into(qtbot, page.name, "   ")
    click(qtbot, page.add_button)
    assert page.error.isVisible()
    assert page.error.text() == "类别名称不能为空"
    assert len(page.values()) == count
    type_into(qtbot, page.name, "收费")
    click(qtbot, page.add_button)
    assert page.error.text() == "已有“收费”"


def test_empty_category_in_the_list_refused_on_save(qtbot, dialog):
    dialog.categories.list.addItem("")  # e.g. an in-place edit left empty
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert dialog.tabs.currentWidget() is dialog.categories
    assert dialog.categories.error.text() == "至少一项,且不能有空项"
    assert "" not in PolicyStore().load().categories


def test_rename_remove_and_reorder(qtbot, dialog):
    page = dialog.channels
    page.list.setCurrentRow(0)
    assert page.name.text() == "电话"
    type_into(qtbot, page.name, "来电")
    click(qtbot, page.rename_button)
    click(qtbot, page.down_button)
    assert page.values()[:2] == ["来访", "来电"]
    page.list.setCurrentRow(page.values().index("传真"))
    click(qtbot, page.remove_button)
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, dialog.save_button)
    channels = PolicyStore().load().channels
    assert channels[:2] == ["来访", "来电"]
    assert "传真" not in channels and "电话" not in channels


# 部门 ---------------------------------------------------------------------------------------


def test_add_rename_and_deactivate_department(qtbot, office, dialog):
    page = dialog.departments
    type_into(qtbot, page.name, "电梯维保部")
    click(qtbot, page.add_button)
    assert Department.get(Department.name == "电梯维保部").active
    assert page.list.currentItem().text() == "电梯维保部"

    type_into(qtbot, page.name, "工程维修部")
    click(qtbot, page.rename_button)
    assert page.error.text() == "已有名为“工程维修部”的部门"

    type_into(qtbot, page.name, "电梯部")
    click(qtbot, page.rename_button)
    click(qtbot, page.toggle_button)
    dep = Department.get(Department.name == "电梯部")
    assert not dep.active
    assert page.list.currentItem().text() == "电梯部(已停用)"
    assert page.toggle_button.text() == "重新启用"
    assert "电梯部" not in [d.name for d in office.staff.departments()]
    click(qtbot, page.toggle_button)
    assert Department.get_by_id(dep.id).active


def test_empty_department_refused(qtbot, dialog):
    page = dialog.departments
    click(qtbot, page.add_button)
    assert page.error.text() == "必须填写"


# 节假日 -------------------------------------------------------------------------------------


def test_add_2027_holiday(qtbot, office, dialog):
    page = dialog.holidays
    dialog.tabs.setCurrentWidget(page)
    assert page.year.value() == 2027
    assert "2027 年国务院放假安排尚未录入" in page.status.text()
    page.first.setDate(QDate(2027, 10, 1))
    page.last.setDate(QDate(2027, 10, 7))
    type_into(qtbot, page.name.lineEdit(), "国庆节")
    click(qtbot, page.save_button)
    # The table also shows the provisional (暂定) statutory days; the entries are the others.
    rows = entered_rows(page)
    assert len(rows) == 7
    row = rows[0]
    assert page.table.item(row, 0).text() == "2027-10-01"
    assert page.table.item(row, 1).text() == "星期五"
    assert page.table.item(row, 2).text() == "放假"
    # Fri 30 Sep 2027 + 1 working day skips the week off.
    due = office.cases.calendar().add_workdays(dt.datetime(2027, 9, 30, 9), 1)
    assert due == dt.datetime(2027, 10, 8, 9)


def test_holiday_needs_a_name_and_can_be_removed(qtbot, dialog):
    page = dialog.holidays
    page.first.setDate(QDate(2027, 1, 1))
    click(qtbot, page.save_button)
    assert page.errors["名称"].text() == "名称:必须填写,例如 春节、国庆节调休"
    assert entered_rows(page) == []
    type_into(qtbot, page.name.lineEdit(), "元旦")
    click(qtbot, page.save_button)
    assert not page.errors["名称"].isVisible()
    page.table.selectRow(entered_rows(page)[0])
    click(qtbot, page.remove_button)
    assert entered_rows(page) == []


def entered_rows(page) -> list[int]:
    """The rows of the office's own entries (not the greyed 放假(暂定) estimate)."""
    return [r for r in range(page.table.rowCount()) if page.table.item(r, 2).text() in ("放假", "调休上班")]


def test_known_year_says_so(qtbot, dialog):
    dialog.holidays.year.setValue(2026)
    assert "内置日历已包含 2026 年" in dialog.holidays.status.text()


# 人员 ---------------------------------------------------------------------------------------


def fill_staff(qtbot, d, name, role, buildings="", login="", password="", phone=""):
    type_into(qtbot, d.name, name)
    d.role.setCurrentIndex(d.role.findText(role))
    type_into(qtbot, d.phone, phone)
    type_into(qtbot, d.buildings, buildings)
    type_into(qtbot, d.username, login)
    type_into(qtbot, d.password, password)


def test_add_steward_with_buildings_and_login(qtbot, office, staff_dialog):
    d = staff_dialog
    fill_staff(qtbot, d, "李巡查", "物管员", "1,2,3", "lixc", "secret9", "13912345678")
    d.department.setCurrentIndex(d.department.findText("客服部"))
    click(qtbot, d.save_button)
    person = Staff.get(Staff.username == "lixc")
    assert (person.role, person.buildings, person.department.name) == ("steward", "1,2,3", "客服部")
    assert office.staff.authenticate("lixc", "secret9").id == person.id
    assert office.staff.steward_for("2").id == person.id
    row = d.row_of("李巡查")
    assert [d.table.item(row, c).text() for c in range(7)] == [
        "李巡查",
        "物管员",
        "客服部",
        "13912345678",
        "1,2,3",
        "lixc",
        "在用",
    ]
    assert d.status.text() == "已保存:李巡查"


def test_duplicate_login_refused(qtbot, staff_dialog):
    d = staff_dialog
    fill_staff(qtbot, d, "赵客服", "客服员", login="admin", password="secret2", phone="123")
    click(qtbot, d.save_button)
    assert d.errors["登录名"].text() == "登录名“admin”已被使用"
    assert d.errors["电话"].isVisible()
    assert d.name.text() == "赵客服"  # nothing lost
    assert not Staff.select().where(Staff.name == "赵客服").exists()


def test_login_without_password_refused(qtbot, staff_dialog):
    fill_staff(qtbot, staff_dialog, "钱客服", "客服员", login="qian")
    click(qtbot, staff_dialog.save_button)
    assert staff_dialog.errors["密码"].text() == "设了登录名就要设密码"
    fill_staff(qtbot, staff_dialog, "", "")
    click(qtbot, staff_dialog.save_button)
    assert staff_dialog.errors["姓名"].text() == "必须填写"
    assert staff_dialog.errors["角色"].text() == "请选择角色"


def test_edit_keeps_password_unless_typed(qtbot, office, staff_dialog):
    d = staff_dialog
    fill_staff(qtbot, d, "孙物管", "物管员", "5", "sun", "secret5")
    click(qtbot, d.save_button)
    d.table.selectRow(d.row_of("孙物管"))
    assert d.form_box.title() == "编辑:孙物管"
    assert d.password.text() == ""
    type_into(qtbot, d.buildings, "5,6")
    click(qtbot, d.save_button)
    assert Staff.get(Staff.username == "sun").buildings == "5,6"
    assert office.staff.authenticate("sun", "secret5")


def test_deactivate_and_reactivate(qtbot, office, staff_dialog):
    d = staff_dialog
    fill_staff(qtbot, d, "周保洁", "部门人员")
    click(qtbot, d.save_button)
    d.table.selectRow(d.row_of("周保洁"))
    click(qtbot, d.toggle_button)
    person = Staff.get(Staff.name == "周保洁")
    assert not person.active
    assert d.table.item(d.row_of("周保洁"), 6).text() == "已停用"
    assert d.toggle_button.text() == "重新启用"
    assert person.id not in [p.id for p in office.staff.staff()]
    click(qtbot, d.toggle_button)
    assert Staff.get_by_id(person.id).active


def test_last_admin_cannot_be_deactivated(qtbot, admin, staff_dialog):
    d = staff_dialog
    d.table.selectRow(d.row_of(admin.name))
    click(qtbot, d.toggle_button)
    assert Staff.get_by_id(admin.id).active
    assert d.errors["角色"].text() == "至少要保留一名在用、能登录的系统管理员"


def test_every_reason_shows_at_once_and_nothing_is_kept(qtbot, staff_dialog):
    d = staff_dialog
    fill_staff(qtbot, d, "吴客服", "客服员", login="admin", phone="123")
    click(qtbot, d.save_button)
    assert d.errors["密码"].text() == "设了登录名就要设密码"
    assert d.errors["登录名"].text() == "登录名“admin”已被使用"
    assert d.errors["电话"].isVisible()
    type_into(qtbot, d.phone, "13612345678")
    type_into(qtbot, d.username, "wu")
    click(qtbot, d.save_button)
    assert d.errors["密码"].isVisible()
    assert not d.errors["电话"].isVisible()
    assert not Staff.select().where(Staff.name == "吴客服").exists()


def test_last_admin_cannot_lose_the_role(qtbot, admin, staff_dialog):
    d = staff_dialog
    d.table.selectRow(d.row_of(admin.name))
    d.role.setCurrentIndex(d.role.findText("客服员"))
    click(qtbot, d.save_button)
    assert d.errors["角色"].text() == "至少要保留一名在用、能登录的系统管理员"
    assert Staff.get_by_id(admin.id).role == "admin"
    click(qtbot, d.save_button)  # a second try is refused the same way
    assert Staff.get_by_id(admin.id).role == "admin"


def test_administrator_unlocks_a_locked_out_person(qtbot, office, staff_dialog):
    d = staff_dialog
    fill_staff(qtbot, d, "李前台", "客服员", login="li", password="secret9")
    click(qtbot, d.save_button)
    for _ in range(5):
        with pytest.raises(UserError):
            office.staff.authenticate("li", "wrong-password")
    with pytest.raises(UserError, match="已锁定"):
        office.staff.authenticate("li", "secret9")
    d.refresh()
    d.table.selectRow(d.row_of("李前台"))
    assert d.unlock_button.isVisible()
    click(qtbot, d.unlock_button)
    assert "已解除锁定" in d.status.text()
    assert not d.unlock_button.isVisible()
    assert office.staff.authenticate("li", "secret9").name == "李前台"
