"""The staff rules that live in app/staff.py (no Qt): an office keeps an administrator who can
log in; a login needs a password; a locked-out person can be let in again by an administrator."""

import pytest

from app.errors import UserError, ValidationError
from app.models import Staff


def test_the_last_administrator_cannot_lose_the_role_or_be_deactivated(office, admin):
    staff = office.staff
    assert staff.last_admin_problem(admin, "clerk", True) == "至少要保留一名在用、能登录的系统管理员"
    assert staff.last_admin_problem(admin, "admin", True) is None
    with pytest.raises(ValidationError) as refused:
        staff.save_staff(name=admin.name, role="clerk", username="admin", existing=staff.person(admin.id))
    assert refused.value.problems["角色"] == "至少要保留一名在用、能登录的系统管理员"
    with pytest.raises(ValidationError):
        staff.set_active(staff.person(admin.id), False)
    assert Staff.get_by_id(admin.id).role == "admin" and Staff.get_by_id(admin.id).active


def test_with_a_second_administrator_the_first_may_step_down(office, admin):
    staff = office.staff
    staff.save_staff(name="李管理", role="admin", username="li", password="secret2")
    assert staff.last_admin_problem(admin, "clerk", True) is None
    staff.set_active(staff.person(admin.id), False)
    assert not Staff.get_by_id(admin.id).active


def test_an_administrator_without_a_login_does_not_count(office, admin):
    office.staff.save_staff(name="没有登录名的管理员", role="admin")
    assert office.staff.last_admin_problem(admin, None, False) == "至少要保留一名在用、能登录的系统管理员"


def test_a_login_needs_a_password_and_every_reason_comes_at_once(office, admin):
    with pytest.raises(ValidationError) as refused:
        office.staff.save_staff(name="钱客服", role="clerk", username="admin", phone="123")
    problems = refused.value.problems
    assert problems["密码"] == "设了登录名就要设密码"
    assert problems["登录名"] == "登录名“admin”已被使用"
    assert "电话" in problems
    assert not Staff.select().where(Staff.name == "钱客服").exists()


def test_an_administrator_unlocks_a_locked_out_person(office, admin):
    staff = office.staff
    person = staff.save_staff(name="李前台", role="clerk", username="li", password="secret9")
    for _ in range(5):
        with pytest.raises(UserError):
            staff.authenticate("li", "wrong-password")
    assert staff.is_locked(person)
    with pytest.raises(UserError, match="已锁定"):
        staff.authenticate("li", "secret9")
    staff.unlock(person)
    assert not staff.is_locked(person)
    assert staff.authenticate("li", "secret9").id == person.id


def test_a_clerk_may_not_unlock(office, admin):
    from app.permissions import acting

    staff = office.staff
    clerk = staff.save_staff(name="赵客服", role="clerk", username="zhao", password="secret3")
    with acting(clerk), pytest.raises(UserError, match="管理人员与登录"):
        staff.unlock(clerk)


def test_person_and_department_read_fresh_copies(office, admin):
    assert office.staff.person(admin.id).name == admin.name
    assert office.staff.person(99999) is None
    dep = office.staff.departments()[0]
    assert office.staff.department(dep.id).name == dep.name
    assert office.staff.department(99999) is None
