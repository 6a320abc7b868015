"""Trust, on screen: owners' files with masked numbers and logged reveals, a record's history,
the audit window and its chain check, and 立即备份 off the UI thread."""

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from app import audit
from app.backup import integrity_problems
from app.models import AuditEntry, Owner, Room, acting_as
from app.owner_files import OwnerFiles
from ui.audit_window import AuditWindow
from ui.backup_page import BackupPage, RestoreDialog, restore_command
from ui.history import HistoryDialog
from ui.owner_dialogs import OwnerEditDialog
from ui.owner_page import OwnerPage

# The offscreen platform says so whenever a dialog is shown; it is not a problem of ours.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

PHONE = "13812345678"


@pytest.fixture
def owner(office):
    room = Room.create(building="3", unit="2", number="501")
    chen = Owner.create(room=room, name="陈静", phone=PHONE, id_number="11010519491231002X")
    Owner.create(room=room, name="陈小明", phone="13900001111")
    return chen


def page_for(qtbot, office, person):
    page = OwnerPage(office.owner_files, office.trail, person)
    qtbot.addWidget(page)
    page.show()
    return page


def click(qtbot, button):
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_steward_sees_masked_phone_and_cannot_reveal(qtbot, office, owner):
    steward = office.staff.save_staff("赵物管", "steward", buildings="3")
    page = page_for(qtbot, office, steward)
    assert page.table.rowCount() == 2
    assert page.shown_phone(0) == "138****5678"
    assert PHONE not in [page.table.item(0, c).text() for c in range(page.table.columnCount())]
    assert not page.add_button.isEnabled() and not page.export_button.isEnabled()
    page.select_owner(owner.id)
    dialog = page.file_dialog(owner.id)
    qtbot.addWidget(dialog)
    assert dialog.phone.text() == "138****5678"
    assert not dialog.reveal_phone_button.isEnabled()
    assert not dialog.reveal_id_button.isEnabled()
    assert [dialog.occupants.item(0, c).text() for c in range(3)] == ["陈小明", "业主", "139****1111"]
    opened = audit.entries(audit.AuditFilter(action="查看业主档案"))
    assert [(e.actor, e.record_id) for e in opened] == [("赵物管", str(owner.id))]


def test_clerk_reveals_phone_and_the_click_is_logged(qtbot, office, owner, make_case):
    clerk = office.staff.save_staff("李客服", "clerk")
    case = make_case(room="3-2-501", customer_name="陈静")
    case.owner = owner
    case.save()
    page = page_for(qtbot, office, clerk)
    qtbot.keyClicks(page.search, "5678")
    page.refresh()
    assert page.table.rowCount() == 1
    dialog = page.file_dialog(owner.id)
    qtbot.addWidget(dialog)
    assert dialog.cases.item(0, 0).text() == case.number
    with qtbot.waitSignal(dialog.case_activated) as sig:
        dialog.cases.cellDoubleClicked.emit(0, 0)
    assert sig.args == [case.id]
    assert not dialog.reveal_id_button.isEnabled()  # a clerk may not see ID numbers
    click(qtbot, dialog.reveal_phone_button)
    assert dialog.phone.text() == PHONE
    shown = audit.entries(audit.AuditFilter(action="显示号码"))
    assert [(e.actor, e.record_id, e.new) for e in shown] == [("李客服", str(owner.id), "陈静 的联系电话")]


def test_edit_dialog_never_fills_in_the_stored_numbers(qtbot, office, owner):
    clerk = office.staff.save_staff("李客服", "clerk")
    files = OwnerFiles()
    dialog = OwnerEditDialog(files, clerk, owner, files.masked(owner, clerk))
    qtbot.addWidget(dialog)
    assert dialog.phone.text() == "" and "138****5678" in dialog.phone.placeholderText()
    qtbot.keyClicks(dialog.id_number, "110105194912310021")
    click(qtbot, dialog.save_button)
    assert "身份证号不正确" in dialog.errors.problems()["身份证号"]
    dialog.id_number.clear()
    dialog.note.setPlainText("独居老人")
    click(qtbot, dialog.save_button)
    assert Owner.get_by_id(owner.id).note == "独居老人" and Owner.get_by_id(owner.id).phone == PHONE


def test_manager_export_from_the_page(qtbot, office, owner, tmp_path):
    manager = office.staff.save_staff("孙经理", "office_manager")
    page = page_for(qtbot, office, manager)
    dialog = page.export_to(tmp_path / "owners.xlsx")  # written on a worker thread
    with qtbot.waitSignal(dialog.ended, timeout=20_000) as ended:
        pass
    assert ended.args[0] and "已导出 2 人" in ended.args[1]
    assert "已导出 2 人" in page.banner.text()
    ws = openpyxl.load_workbook(tmp_path / "owners.xlsx").active
    assert ws["F2"].data_type == "s"


def test_case_history_shows_the_state_change(qtbot, office, make_case, admin):
    with acting_as("王管理"):
        case = make_case()
        office.cases.resolve(case, "已修好", admin)
    dialog = HistoryDialog(office.trail, "case", case.id, case.number)
    qtbot.addWidget(dialog)
    rows = dialog.row_texts()
    assert rows[0][2] == "新建" and "内容:楼道灯不亮" in rows[0][4]
    state = [r for r in rows if r[3] == "状态"]
    assert state and state[0][4] == "待派工 → 已办结" and state[0][1] == "王管理"
    assert any(r[3] == "处理结果" and r[4] == "(空) → 已修好" for r in rows)


def test_owner_history_masks_numbers(qtbot, office, owner):
    dialog = HistoryDialog(office.trail, "owner", owner.id, owner.name)
    qtbot.addWidget(dialog)
    created = dialog.row_texts()[0][4]
    assert "138****5678" in created and PHONE not in created
    # The trail no longer holds ID numbers at all (Owner.AUDIT_MASK): only that one was set.
    assert "身份证号:******" in created and "002X" not in created


def test_audit_window_filters_and_checks_the_chain(qtbot, office, owner, make_case, tmp_path):
    make_case()
    OwnerFiles().reveal_phone(owner, office.staff.save_staff("李客服", "clerk"))
    window = AuditWindow(office.trail)
    qtbot.addWidget(window)
    window.show()
    assert window.table.rowCount() == AuditEntry.select().count()
    assert int(window.table.item(0, 0).text()) > int(window.table.item(1, 0).text())  # newest first
    window.set_action("显示号码")
    assert [(e.actor, e.action) for e in window.shown_entries()] == [("李客服", "显示号码")]
    assert window.table.item(0, 2).text() == "李客服"

    with qtbot.waitSignal(window.chain_checked, timeout=20000):  # on a thread of its own
        window.check_chain()
    assert (
        window.chain_result.text()
        == f"审计链完好,从第一条起共 {AuditEntry.select().count():,} 条逐条核对无误。"
    )

    assert window.export(tmp_path / "audit.xlsx") == 1
    ws = openpyxl.load_workbook(tmp_path / "audit.xlsx").active
    assert isinstance(ws["A2"].value, int) and ws["B2"].is_date

    first = AuditEntry.select().order_by(AuditEntry.id).first()
    AuditEntry.update(new="改过的内容").where(AuditEntry.id == first.id).execute()
    with qtbot.waitSignal(window.chain_checked, timeout=20000):  # from the first entry
        click(qtbot, window.full_chain_button)
    assert "审计链有 1 处问题" in window.chain_result.text()
    assert (
        f"审计记录第 {first.id} 条" in window.chain_result.text()
        and "内容被改动" in window.chain_result.text()
    )


def test_audit_window_pages(qtbot, office, owner, monkeypatch):
    monkeypatch.setattr("ui.audit_window.PAGE_SIZE", 2)
    window = AuditWindow(office.trail)
    qtbot.addWidget(window)
    assert window.table.rowCount() == 2 and window.next_button.isEnabled()
    click(qtbot, window.next_button)
    assert window.page == 1 and window.prev_button.isEnabled()


def test_backup_now_off_the_ui_thread(qtbot, office):
    page = BackupPage(office.backups, office.policies, office.data_dir)
    qtbot.addWidget(page)
    page.show()
    assert page.table.rowCount() == 0
    assert "还没有成功的备份" in page.warnings.text()
    with qtbot.waitSignal(page.backup_finished, timeout=20000) as sig:
        click(qtbot, page.backup_button)
        assert page.busy.isVisible() and not page.backup_button.isEnabled()
    assert sig.args == [True]
    assert not page.busy.isVisible() and page.backup_button.isEnabled()
    assert page.table.rowCount() == 1
    path = page._files[0]
    assert integrity_problems(path) == []
    assert page.table.item(0, 3).text() == "✓ 完好"
    assert page.last_good.text() == "2026-09-28 09:30"
    assert not page.warnings.isVisible()
    assert "备份成功并已校验" in page.last_message.text()


def test_backup_folder_and_rotation_are_saved_in_the_policy(qtbot, office, tmp_path):
    page = BackupPage(office.backups, office.policies, office.data_dir)
    qtbot.addWidget(page)
    page.set_folder(tmp_path / "usb")
    assert office.policies.load().backup.folder == str(tmp_path / "usb")
    assert page.folder.text() == str(tmp_path / "usb")
    page.keep_daily.setValue(3)
    click(qtbot, page.save_rotation_button)
    assert office.policies.load().backup.keep_daily == 3


def test_restore_tells_the_command_and_a_damaged_backup_is_refused(qtbot, office, monkeypatch):
    office.backups.backup_now()
    bad = office.backups.folder() / "huiyin-20260101-080000.sqlite3"
    bad.write_bytes(b"not a database at all" * 100)
    page = BackupPage(office.backups, office.policies, office.data_dir)
    qtbot.addWidget(page)
    assert page.table.rowCount() == 2
    shown = []
    monkeypatch.setattr("ui.backup_page.QMessageBox.warning", lambda *a: shown.append(a[2]))
    page.table.selectRow(1)
    click(qtbot, page.restore_button)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)  # checked on a worker thread first
    assert "已损坏" in shown[0]
    assert page.table.item(1, 3).text().startswith("✗ 已损坏")
    good = page._files[0]
    command = restore_command(office.data_dir, good)
    assert command == f'python -m huiyin --data-dir "{office.data_dir}" --user 管理员登录名 restore "{good}"'


def test_restore_dialog_gives_the_command_to_copy(qtbot, office):
    result = office.backups.backup_now()
    dialog = RestoreDialog(office.data_dir, result.path)
    qtbot.addWidget(dialog)
    assert dialog.command_box.toPlainText() == restore_command(office.data_dir, result.path)
    click(qtbot, dialog.copy_button)
    assert QGuiApplication.clipboard().text() == dialog.command
    assert dialog.copied.text() == "已复制"


def test_audit_window_dates_start_from_the_office_clock(qtbot, office):
    window = AuditWindow(office.trail)
    qtbot.addWidget(window)
    today = office.clock.now().date()
    assert window.until.date().toPython() == today
    assert window.since.date().toPython() == today - dt.timedelta(days=30)


def test_a_password_set_reads_as_such_in_the_trail(qtbot, office, admin):
    office.staff.save_staff(name="李前台", role="clerk", username="li", password="secret9")
    window = AuditWindow(office.trail)
    qtbot.addWidget(window)
    rows = [[window.table.item(r, c).text() for c in range(8)] for r in range(window.table.rowCount())]
    assert ["人员", "李前台", "密码"] in [r[4:7] for r in rows]
    assert all("password" not in " ".join(r) for r in rows)


def test_audit_export_runs_off_the_window_thread_and_says_how_it_ended(qtbot, office, admin, tmp_path):
    from app.permissions import set_person

    set_person(admin)  # the export is checked for, and done by, the person logged in
    window = AuditWindow(office.trail)
    qtbot.addWidget(window)
    window.show()
    job = window.start_export(tmp_path / "审计.xlsx")
    assert not window.export_button.isEnabled() and window.export_button.text() == "正在导出…"
    qtbot.waitUntil(lambda: window.export_button.isEnabled(), timeout=20_000)
    assert job is window.export_job
    count = AuditEntry.select().count()
    assert window.banner.text() == f"已导出 {count} 条记录到 {tmp_path / '审计.xlsx'}"
    assert openpyxl.load_workbook(tmp_path / "审计.xlsx").active.max_row == count + 1

    window.start_export(tmp_path / "没有这个文件夹" / "审计.xlsx")
    qtbot.waitUntil(lambda: window.export_button.isEnabled(), timeout=20_000)
    assert window.banner.text().startswith("找不到") and "Errno" not in window.banner.text()
