"""The first-run wizard, driven page by page as a new office would."""

import openpyxl
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QDialog, QWizard

from app.models import Department, Owner, Room, Staff
from app.office import Office
from app.visit_policy import rule_for
from ui.first_run import FirstRunDialog, PageId

# The offscreen platform says so whenever a dialog is shown; it is not a problem of ours.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

REPAIRS_ALL = "维修全部回访(客服手册)"
COMPLAINTS_HALF = "投诉回访率50%,维修一个月内(规程1.1)"


@pytest.fixture
def fresh(tmp_path, clock):
    """A data folder opened for the first time: not initialised."""
    o = Office.open(tmp_path / "data", clock)
    yield o
    o.close()


@pytest.fixture
def wizard(qtbot, fresh):
    w = FirstRunDialog(fresh)
    qtbot.addWidget(w)
    w.show()
    return w


def fill_welcome(w, password="secret1", confirm="secret1"):
    page = w.welcome
    page.office_name.setText("阳光花园物业服务中心")
    page.admin_name.setText("王芳")
    page.username.setText("wangfang")
    page.password.setText(password)
    page.confirm.setText(confirm)


def commit_button(w):
    return w.button(QWizard.WizardButton.CommitButton)


def next_button(w):
    return w.button(QWizard.WizardButton.NextButton)


def click(qtbot, button):
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_every_page_filled(qtbot, wizard, fresh, tmp_path):
    w = wizard
    assert w.currentId() == PageId.WELCOME
    assert not w.button(QWizard.WizardButton.CustomButton1).isVisible()  # the first page is not skippable
    fill_welcome(w)
    click(qtbot, commit_button(w))
    assert w.currentId() == PageId.ROOMS
    assert fresh.is_initialised() and fresh.name == "阳光花园物业服务中心"
    assert w.admin is not None and w.admin.username == "wangfang" and w.admin.name == "王芳"
    assert not w.button(QWizard.WizardButton.BackButton).isEnabled()  # the office exists now

    # 楼栋与房号: a live preview as the ranges are typed
    rooms = w.rooms
    qtbot.keyClicks(rooms.buildings, "1-12")
    rooms.units.setText("1-3")
    rooms.numbers.setText("101-1804")
    assert rooms.preview.text() == "将生成 2,592 户:1-1-101、1-1-102、1-1-103 … 12-3-1804"
    assert Room.select().count() == 0  # nothing written while typing
    click(qtbot, next_button(w))
    assert w.currentId() == PageId.DEPARTMENTS
    assert Room.select().count() == 2592
    assert Room.get_or_none(building="12", unit="3", number="1804") is not None

    # 部门: the defaults listed; rename one, remove one, add one
    deps = w.departments
    assert deps.names() == ["客服部", "工程维修部", "保洁部", "秩序维护部", "绿化部"]
    deps.list.item(0).setText("客户服务部")
    deps.list.setCurrentRow(4)
    click(qtbot, deps.remove_button)
    deps.new_name.setText("社区文化部")
    click(qtbot, deps.add_button)
    assert deps.names() == ["客户服务部", "工程维修部", "保洁部", "秩序维护部", "社区文化部"]
    click(qtbot, next_button(w))
    assert w.currentId() == PageId.STAFF
    active = [d.name for d in fresh.staff.departments()]
    assert active == ["客户服务部", "工程维修部", "保洁部", "秩序维护部", "社区文化部"]
    assert not Department.get(Department.name == "绿化部").active

    # 人员: a steward with buildings and a login, a clerk without one
    staff = w.staff
    steward, clerk = staff.rows[0], staff.rows[1]
    assert staff.rows[0].department.findText("社区文化部") >= 0  # the departments page's result
    steward.name.setText("李强")
    steward.role.setCurrentIndex(steward.role.findText("物管员"))
    steward.department.setCurrentIndex(steward.department.findText("客户服务部"))
    qtbot.keyClicks(steward.buildings, "1,2,3")
    qtbot.keyClicks(steward.username, "liqiang")
    qtbot.keyClicks(steward.password, "pass123")
    clerk.name.setText("赵敏")
    clerk.role.setCurrentIndex(clerk.role.findText("客服员"))
    click(qtbot, next_button(w))
    assert w.currentId() == PageId.POLICY
    li = Staff.get(Staff.name == "李强")
    assert (li.role, li.building_list(), li.department.name) == ("steward", ["1", "2", "3"], "客户服务部")
    assert fresh.staff.authenticate("liqiang", "pass123").id == li.id
    assert fresh.staff.steward_for("2").id == li.id
    assert Staff.get(Staff.name == "赵敏").username is None

    # 回访制度: each preset with its line; choose one
    policy = w.policy
    assert policy.buttons["标准"].isChecked()
    assert "回访率 100%" in policy.notes[REPAIRS_ALL].text()
    assert "投诉办结后" in policy.notes["标准"].text()
    policy.buttons[REPAIRS_ALL].click()
    click(qtbot, next_button(w))
    assert w.currentId() == PageId.BACKUP
    loaded = fresh.policies.load()
    assert loaded.visits.preset == REPAIRS_ALL
    assert rule_for(loaded, "报修", "轻微", "设施设备维护", "").rate == 1.0

    # 备份: a folder of one's own; the same disk is warned of
    backup = w.backup
    usb = tmp_path / "usb" / "回音备份"
    backup.folder.setText(str(usb))
    assert backup.warning.isVisible() and "同一块磁盘" in backup.warning.text()
    click(qtbot, next_button(w))
    assert w.currentId() == PageId.DONE
    assert fresh.backups.folder() == usb and usb.is_dir()

    # 完成: the summary from the data
    summary = dict(w.done_page.lines())
    assert summary["房号"].startswith("2,592 户")
    assert "物管员:李强" in summary["人员"] and "客服员:赵敏" in summary["人员"]
    assert summary["回访制度"] == REPAIRS_ALL
    assert summary["备份文件夹"] == str(usb)
    assert "社区文化部" in w.done_page.summary.text()
    click(qtbot, w.button(QWizard.WizardButton.FinishButton))
    assert w.result() == QDialog.DialogCode.Accepted.value


def test_skipping_every_optional_page(qtbot, wizard, fresh):
    w = wizard
    fill_welcome(w)
    w.next()
    for page_id in (PageId.ROOMS, PageId.DEPARTMENTS, PageId.STAFF, PageId.POLICY, PageId.BACKUP):
        assert w.currentId() == page_id
        click(qtbot, w.button(QWizard.WizardButton.CustomButton1))
    assert w.currentId() == PageId.DONE
    assert not w.button(QWizard.WizardButton.CustomButton1).isVisible()
    assert not w.button(QWizard.WizardButton.CancelButton).isVisible()
    click(qtbot, w.button(QWizard.WizardButton.FinishButton))
    assert w.result() == QDialog.DialogCode.Accepted.value
    assert fresh.is_initialised()
    assert fresh.staff.authenticate("wangfang", "secret1").id == w.admin.id
    assert [d.name for d in fresh.staff.departments()] == [
        "客服部",
        "工程维修部",
        "保洁部",
        "秩序维护部",
        "绿化部",
    ]
    assert Room.select().count() == 0
    assert fresh.policies.load().visits.preset == "标准"
    assert fresh.backups.folder() == fresh.data_dir / "backups"


def test_skip_writes_nothing_typed(qtbot, wizard, fresh):
    w = wizard
    fill_welcome(w)
    w.next()
    w.rooms.buildings.setText("1-2")
    w.rooms.numbers.setText("101-102")
    w.skip_page()
    assert w.currentId() == PageId.DEPARTMENTS
    assert Room.select().count() == 0
    w.back()
    w.rooms.numbers.setText("1804-101")  # a bad range does not stop 跳过
    assert not next_button(w).isEnabled()
    click(qtbot, w.button(QWizard.WizardButton.CustomButton1))
    assert w.currentId() == PageId.DEPARTMENTS
    assert Room.select().count() == 0


def test_next_with_empty_fields_moves_on(qtbot, wizard, fresh):
    w = wizard
    fill_welcome(w)
    w.next()
    for _ in range(5):
        w.next()
    assert w.currentId() == PageId.DONE
    assert Room.select().count() == 0
    assert Staff.select().count() == 1


def test_bad_room_range_shows_reason_and_blocks_next(qtbot, wizard, fresh):
    w = wizard
    fill_welcome(w)
    w.next()
    rooms = w.rooms
    rooms.buildings.setText("1-12")
    rooms.numbers.setText("1804-101")
    reason = rooms.errors.label_for("房号")
    assert reason.isVisible() and "楼层起止颠倒" in reason.text()
    assert rooms.preview.text() == ""
    assert not next_button(w).isEnabled()
    w.next()
    assert w.currentId() == PageId.ROOMS
    assert Room.select().count() == 0
    rooms.buildings.setText("商铺")
    assert "只能是字母或数字" in rooms.errors.label_for("楼栋").text()
    rooms.buildings.setText("1-100")
    rooms.units.setText("1-10")
    rooms.numbers.setText("101-3304")
    assert "超过 50,000 户" in rooms.general_error.text()
    assert not next_button(w).isEnabled()
    rooms.numbers.setText("101-104")
    assert not reason.isVisible()
    assert next_button(w).isEnabled()
    assert rooms.preview.text().startswith("将生成 4,000 户")


def test_passwords_that_differ_are_refused(qtbot, wizard, fresh):
    w = wizard
    fill_welcome(w, confirm="secret2")
    click(qtbot, commit_button(w))
    assert w.currentId() == PageId.WELCOME
    reason = w.welcome.errors.label_for("再输一次密码")
    assert reason.isVisible() and "不一致" in reason.text()
    assert not fresh.is_initialised() and w.admin is None
    # The service's own reasons show beside their fields too.
    fill_welcome(w, password="abc", confirm="abc")
    w.welcome.office_name.clear()
    w.next()
    assert w.currentId() == PageId.WELCOME
    assert "必须填写" in w.welcome.errors.label_for("服务中心名称").text()
    assert "至少 6 位" in w.welcome.errors.label_for("密码").text()
    assert not fresh.is_initialised()


def test_closing_before_the_first_page_sets_up_nothing(qtbot, wizard, fresh):
    wizard.reject()
    assert wizard.result() == QDialog.DialogCode.Rejected.value
    assert wizard.admin is None and not fresh.is_initialised()


def test_closing_after_the_first_page_keeps_the_office(qtbot, wizard, fresh):
    w = wizard
    fill_welcome(w)
    w.next()
    assert w.buttonText(QWizard.WizardButton.CancelButton) == "以后再设置"
    w.rooms.buildings.setText("1")
    w.rooms.numbers.setText("101-102")
    w.next()
    w.reject()
    assert w.result() == QDialog.DialogCode.Accepted.value and w.admin is not None
    assert fresh.is_initialised() and Room.select().count() == 2


def test_back_and_forth_does_not_double(qtbot, wizard, fresh):
    w = wizard
    fill_welcome(w)
    w.next()
    w.rooms.buildings.setText("1")
    w.rooms.numbers.setText("101-102")
    w.next()  # -> departments
    w.next()  # -> staff
    w.staff.rows[0].name.setText("李强")
    w.staff.rows[0].username.setText("liqiang")
    w.staff.rows[0].password.setText("pass123")
    w.next()  # -> policy
    w.back()
    w.back()
    w.back()
    assert w.currentId() == PageId.ROOMS
    w.next()
    w.next()
    w.staff.rows[0].buildings.setText("1")
    w.next()
    assert Room.select().count() == 2
    assert Staff.select().where(Staff.name == "李强").count() == 1
    assert Staff.get(Staff.name == "李强").building_list() == ["1"]


def test_staff_row_reasons(qtbot, wizard, fresh):
    w = wizard
    fill_welcome(w)
    w.next()
    w.next()
    w.next()
    assert w.currentId() == PageId.STAFF
    rows = w.staff.rows
    rows[0].name.setText("李强")
    rows[0].username.setText("liqiang")  # no password
    rows[1].buildings.setText("3")  # no name
    rows[2].name.setText("赵敏")
    rows[2].username.setText("wangfang")  # the administrator's login
    rows[2].password.setText("pass123")
    w.next()
    assert w.currentId() == PageId.STAFF
    text = w.staff.error.text()
    assert "第 1 行 密码" in text and "第 2 行 姓名:必须填写" in text and "第 3 行 登录名" in text
    assert Staff.select().count() == 1  # nothing half-written
    rows[0].password.setText("pass123")
    rows[1].name.setText("孙丽")
    rows[2].username.setText("zhaomin")
    w.next()
    assert w.currentId() == PageId.POLICY
    assert Staff.select().count() == 4


def test_department_name_clash_refused(qtbot, wizard, fresh):
    w = wizard
    fill_welcome(w)
    w.next()
    w.next()
    deps = w.departments
    deps.list.item(1).setText("客服部")
    w.next()
    assert w.currentId() == PageId.DEPARTMENTS
    assert "重名" in deps.error.text()
    deps.new_name.setText("保洁部")
    deps.add()
    assert "已有" in deps.error.text()


def test_policy_preset_rates(qtbot, wizard, fresh):
    w = wizard
    fill_welcome(w)
    w.next()
    w.next()
    w.next()
    w.next()
    assert w.currentId() == PageId.POLICY
    w.policy.choose(COMPLAINTS_HALF)
    w.next()
    policy = fresh.policies.load()
    assert rule_for(policy, "投诉", "轻微", "服务态度", "").rate == 0.5
    assert rule_for(policy, "报修", "轻微", "设施设备维护", "").days == 30


def test_import_owners_from_the_rooms_page(qtbot, wizard, fresh, tmp_path):
    path = tmp_path / "业主名册.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["楼栋", "单元", "房号", "姓名", "联系电话"])
    ws.append(["1", "1", "101", "张伟", "13812345678"])
    ws.append(["1", "1", "102", "李娜", ""])
    wb.save(path)
    w = wizard
    fill_welcome(w)
    w.next()
    w.rooms.import_owner_file(path)
    qtbot.waitUntil(w.rooms.import_result.isVisible, timeout=30_000)  # imported on a worker thread
    assert "导入 2 人" in w.rooms.import_result.toPlainText()
    assert "现有房号 2 户,业主 2 人" in w.rooms.on_file.text()
    assert Owner.select().count() == 2


def test_import_problems_are_listed(qtbot, wizard, fresh, tmp_path):
    path = tmp_path / "名册.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["楼栋", "房号", "姓名"])
    ws.append(["1", "101", ""])
    wb.save(path)
    w = wizard
    fill_welcome(w)
    w.next()
    w.rooms.import_owner_file(path)
    qtbot.waitUntil(w.rooms.import_result.isVisible, timeout=30_000)  # read on a worker thread
    text = w.rooms.import_result.toPlainText()
    assert "未导入" in text and "第2行" in text
    assert Owner.select().count() == 0


def test_backup_folder_must_be_writable(qtbot, wizard, fresh, tmp_path):
    w = wizard
    fill_welcome(w)
    w.next()
    for _ in range(4):
        w.next()
    assert w.currentId() == PageId.BACKUP
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    w.backup.folder.setText(str(blocker / "backups"))
    w.next()
    assert w.currentId() == PageId.BACKUP
    assert "无法建立" in w.backup.error.text()
    w.backup.folder.setText("relative/path")
    w.next()
    assert "完整路径" in w.backup.error.text()
    assert fresh.backups.folder() == fresh.data_dir / "backups"
    w.backup.folder.clear()
    assert "默认文件夹在数据文件夹里" in w.backup.warning.text()
    w.next()
    assert w.currentId() == PageId.DONE


def test_remove_the_row_being_typed_in(qtbot, wizard, fresh):
    w = wizard
    fill_welcome(w)
    w.next()
    w.next()
    w.next()
    staff = w.staff
    staff.rows[0].name.setText("李强")
    staff.rows[1].name.setText("多余")
    staff.rows[2].name.setText("赵敏")
    # Focus entering a cell's widget selects its row (sent directly: offscreen windows get no focus).
    QApplication.sendEvent(staff.rows[1].name, QFocusEvent(QEvent.Type.FocusIn))
    click(qtbot, staff.remove_button)
    assert [r.name.text() for r in staff.rows] == ["李强", "赵敏"]
    w.next()
    assert sorted(p.name for p in Staff.select()) == ["李强", "王芳", "赵敏"]
