"""延期 approved by the approver's OWN login (issue 14, H21): the approver is the person logged
in, or types their own login name and password on this PC, checked by the login's own code
(app/staff.py `authenticate`: the key file; wrong passwords count towards the lockout). A clerk
can no longer pick an approver from a list. The service refuses every other way; the dialog
keeps what was typed when it refuses. The office's own dates (2026-09-28, a Monday)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from app import domain
from app.cases import CaseInput
from app.errors import UserError, ValidationError
from app.models import Extension, db
from app.office import Office
from ui.case_actions.handling import ExtendDialog
from ui.case_detail.dialog import CaseDetailDialog

REASON = "等配件到货"


@pytest.fixture
def people(office):
    """A clerk, a steward, the office manager and the company manager, each with a login."""
    return {
        "clerk": office.staff.save_staff("周客服", "clerk", username="zhou", password="clerk123"),
        "steward": office.staff.save_staff("赵物管", "steward", username="zhao", password="stew123"),
        "manager": office.staff.save_staff("钱经理", "office_manager", username="qian", password="mgr1234"),
        "gm": office.staff.save_staff("孙总", "general_manager", username="sun", password="gm12345"),
    }


@pytest.fixture
def minor(make_case):
    """A minor complaint: the policy has the office manager (or higher) approve its extension."""
    return make_case(kind="投诉", severity="轻微", category="服务态度", account="保洁员态度差")


def later(case) -> dt.datetime:
    return case.resolve_due + dt.timedelta(days=3)


def test_the_approver_logged_in_approves_themselves(office, people, minor):
    manager = people["manager"]
    new_due = later(minor)
    ext = office.cases.extend(minor, new_due, REASON, None, manager)  # no approver named: the actor
    assert (ext.approver, ext.approver_role, ext.confirmed) == ("钱经理", "office_manager", "本人登录")
    assert ext.old_due == dt.datetime(2026, 9, 30, 9, 30) and minor.resolve_due == new_due
    line = office.cases.timeline(minor)[-1]
    assert line.kind == domain.EV_EXTENSION and "钱经理批准(本人登录)" in line.text
    assert line.actor_name == "钱经理"


def test_the_company_manager_may_approve_at_the_desk_without_the_extend_permission(office, people, make_case):
    # 重要 needs the company manager; his role has no 延期 permission, yet he is the approver.
    case = make_case(kind="投诉", severity="重要", category="服务态度", account="保安推搡业主")
    ext = office.cases.extend(case, later(case), REASON, people["gm"], people["gm"])
    assert (ext.approver, ext.confirmed) == ("孙总", "本人登录")


def test_the_approver_types_their_password_on_the_clerks_pc(office, people, minor):
    clerk = people["clerk"]
    ext = office.cases.extend(
        minor, later(minor), REASON, None, clerk, approver_login="qian", approver_password="mgr1234"
    )
    assert (ext.approver, ext.confirmed) == ("钱经理", "本机输入密码")
    line = office.cases.timeline(minor)[-1]
    assert "钱经理批准(本机输入密码)" in line.text and line.actor_name == "周客服"
    # the same by the Staff record and the password (the demo's and scripts' way)
    ext2 = office.cases.extend(
        minor, later(minor), "业主出差", people["manager"], clerk, approver_password="mgr1234"
    )
    assert ext2.confirmed == "本机输入密码"


def test_an_approver_picked_for_someone_else_is_refused(office, people, minor):
    before = minor.resolve_due
    with pytest.raises(ValidationError) as err:
        office.cases.extend(minor, later(minor), REASON, people["manager"], people["clerk"])
    assert "钱经理须本人登录" in err.value.problems["批准人"]
    # nobody logged in (the program itself) cannot name an approver either
    with pytest.raises(ValidationError) as err:
        office.cases.extend(minor, later(minor), REASON, people["manager"])
    assert "批准人" in err.value.problems
    assert Extension.select().count() == 0 and office.cases.get(minor.id).resolve_due == before


def test_the_wrong_role_is_refused_even_with_its_own_password(office, people, minor):
    # The steward's password is right, but a steward may not approve an extension.
    with pytest.raises(ValidationError) as err:
        office.cases.extend(
            minor,
            later(minor),
            REASON,
            None,
            people["clerk"],
            approver_login="zhao",
            approver_password="stew123",
        )
    assert err.value.problems["批准人"] == "轻微案件延期须由管理处经理或更高职位批准,赵物管是物管员"
    # the clerk approving themselves: logged in, but the wrong role
    with pytest.raises(ValidationError) as err:
        office.cases.extend(minor, later(minor), REASON, None, people["clerk"])
    assert "周客服是客服员" in err.value.problems["批准人"]
    # a login name that belongs to someone else than the approver named
    with pytest.raises(ValidationError) as err:
        office.cases.extend(
            minor,
            later(minor),
            REASON,
            people["manager"],
            people["clerk"],
            approver_login="sun",
            approver_password="gm12345",
        )
    assert "是孙总的,不是钱经理的" in err.value.problems["批准人"]
    assert Extension.select().count() == 0


def test_a_wrong_password_counts_towards_the_lockout_and_a_locked_approver_is_refused(office, people, minor):
    clerk, manager = people["clerk"], people["manager"]
    for left in (4, 3, 2, 1):
        with pytest.raises(ValidationError) as err:
            office.cases.extend(
                minor, later(minor), REASON, None, clerk, approver_login="qian", approver_password="guess"
            )
        assert err.value.problems["批准人密码"] == f"登录名或密码不对(再错 {left} 次将锁定账户)"
    with pytest.raises(ValidationError) as err:
        office.cases.extend(
            minor, later(minor), REASON, None, clerk, approver_login="qian", approver_password="guess"
        )
    assert "账户锁定 15 分钟" in err.value.problems["批准人密码"]
    assert office.staff.is_locked(manager)
    # locked: even the right password is refused now, as at the login window
    with pytest.raises(ValidationError) as err:
        office.cases.extend(
            minor, later(minor), REASON, None, clerk, approver_login="qian", approver_password="mgr1234"
        )
    assert "账户已锁定" in err.value.problems["批准人密码"]
    with pytest.raises(UserError, match="账户已锁定"):
        office.staff.authenticate("qian", "mgr1234")  # the login window sees the same lock
    assert Extension.select().count() == 0


def test_a_bad_reason_is_refused_before_the_password_is_tried(office, people, minor):
    with pytest.raises(ValidationError) as err:
        office.cases.extend(
            minor, minor.resolve_due, "", None, people["clerk"], approver_login="qian", approver_password="x"
        )
    assert set(err.value.problems) == {"延期原因", "新期限"}
    assert not office.staff.is_locked(people["manager"])
    count, _ = office.ring.lock_state("qian", office.clock.now())
    assert count == 0  # no password was tried


def test_a_role_that_may_not_extend_cannot_use_someone_elses_password(office, people, minor):
    with pytest.raises(UserError, match="没有“延期”的权限"):
        office.cases.extend(
            minor,
            later(minor),
            REASON,
            None,
            people["steward"],
            approver_login="qian",
            approver_password="mgr1234",
        )


# The dialog ------------------------------------------------------------------------------
@pytest.fixture
def detail(qtbot, office):
    def make(case, actor) -> CaseDetailDialog:
        d = CaseDetailDialog(case.id, office.cases, office.staff, actor)
        qtbot.addWidget(d)
        d.show()
        qtbot.waitExposed(d)
        return d

    return make


def open_extend(d: CaseDetailDialog, qtbot) -> ExtendDialog:
    button = d.action_buttons["extend"]
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dlg = d.action_dialog
    assert isinstance(dlg, ExtendDialog) and dlg.isVisible()
    return dlg


def test_the_dialog_approver_types_login_and_password(qtbot, office, people, minor, detail):
    d = detail(minor, people["clerk"])
    dlg = open_extend(d, qtbot)
    # a clerk may not approve: 我本人批准 is off, the login fields are open, no list of people
    assert not dlg.self_radio.isEnabled() and dlg.other_radio.isChecked()
    assert dlg.approver_login.isEnabled() and dlg.approver_password.isEnabled()
    assert not hasattr(dlg, "approver_combo")
    dlg.reason_edit.insertPlainText(REASON)  # Chinese is typed through an input method
    qtbot.keyClicks(dlg.approver_login, "qian")
    qtbot.keyClicks(dlg.approver_password, "wrong")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible()
    assert "批准人密码:登录名或密码不对(再错 4 次将锁定账户)" in dlg.error.text()
    # nothing lost but the wrong password
    assert dlg.reason_edit.toPlainText() == REASON and dlg.approver_login.text() == "qian"
    assert dlg.approver_password.text() == ""
    assert Extension.select().count() == 0
    qtbot.keyClicks(dlg.approver_password, "mgr1234")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible()
    ext = Extension.get()
    assert (ext.approver, ext.confirmed, ext.reason) == ("钱经理", "本机输入密码", REASON)
    # shown in the 延期 table with how it was confirmed, and on the timeline
    assert d.extension_table.item(0, 3).text() == "钱经理(管理处经理)"
    assert d.extension_table.item(0, 4).text() == "本机输入密码"
    assert "钱经理批准(本机输入密码)" in d.timeline_view.toPlainText()


def test_the_dialog_approver_logged_in_approves_themselves(qtbot, office, people, minor, detail):
    d = detail(minor, people["manager"])
    dlg = open_extend(d, qtbot)
    assert dlg.self_radio.isEnabled() and dlg.self_radio.isChecked()
    assert "钱经理" in dlg.self_radio.text()
    assert not dlg.approver_login.isEnabled()
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)  # no reason yet
    assert dlg.isVisible() and "延期原因:必须填写" in dlg.error.text()
    dlg.reason_edit.insertPlainText(REASON)  # Chinese is typed through an input method
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible()
    assert Extension.get().confirmed == "本人登录"
    assert d.extension_table.item(0, 4).text() == "本人登录"
    # an extension written before migration 12 says it was not confirmed this way
    db.execute_sql("UPDATE extension SET confirmed = ''")
    d.refresh()
    assert d.extension_table.item(0, 4).text() == "(旧记录,未核验)"


def test_an_office_of_the_schema_before_is_migrated(tmp_path, clock):
    """A data folder whose file lacks migration 12's columns gains them on opening, with what
    it held kept; the step may run twice."""
    from app.db import MIGRATIONS, SCHEMA_VERSION
    from app.models import Case, Setting

    folder = tmp_path / "data"
    office = Office.open(folder, clock)
    office.initialise("阳光花园物业服务中心", "admin", "secret1", "王管理")
    manager = office.staff.save_staff("钱经理", "office_manager", username="qian", password="mgr1234")
    case = office.cases.create(
        CaseInput(account="楼道灯不亮", kind="报修", category="设施设备维护", anonymous=True)
    )
    office.cases.extend(case, later(case), REASON, None, manager)
    for table, column in (
        ("extension", "confirmed"),
        ("case", "contain_needed"),
        ("case", "contain_due"),
        ("case", "contained_at"),
        ("case", "contained_by"),
        ("case", "containment"),
    ):
        db.execute_sql(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
    # version 11: migration 7's baseline reads today's Case model, so the file is the one before 12
    db.execute_sql("UPDATE setting SET value = '11' WHERE key = 'schema_version'")
    office.close()
    again = Office.login(folder, "admin", "secret1", clock)
    try:
        assert Setting.get(Setting.key == "schema_version").value == str(SCHEMA_VERSION)
        MIGRATIONS[12](db)  # idempotent
        old = Case.get_by_id(case.id)
        assert old.contain_needed is False and old.contain_due is None and old.containment == ""
        assert Extension.get().confirmed == "" and Extension.get().approver == "钱经理"
    finally:
        again.close()
