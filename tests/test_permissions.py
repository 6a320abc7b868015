"""The role table, row by row: each permission with who has it and who does not."""

import datetime as dt

import pytest

from app.errors import UserError
from app.models import Staff
from app.permissions import LABELS, PERMISSIONS, can, require

EXPECTED = {
    "case.create": {"clerk", "steward", "cs_director", "office_manager"},
    "case.dispatch": {"clerk", "cs_director", "office_manager"},
    "case.close": {"clerk", "cs_director", "office_manager"},
    "case.edit_closed": {"cs_director", "office_manager"},
    "case.void": {"cs_director", "office_manager"},
    "visit.plan": {"cs_director", "office_manager"},
    "visit.review": {"cs_director", "office_manager", "general_manager"},
    "policy.edit": {"cs_director", "office_manager"},
    "staff.manage": set(),
    "backup.manage": set(),
    "owner.reveal_phone": {"clerk", "cs_director", "office_manager"},
    "owner.reveal_id": {"cs_director", "office_manager"},
    "nightlog.add": {"clerk", "cs_director", "office_manager", "night_duty", "steward"},
}
ROLES = [
    "admin",
    "clerk",
    "steward",
    "cs_director",
    "office_manager",
    "general_manager",
    "culture_clerk",
    "department",
    "night_duty",
]


@pytest.mark.parametrize("action", sorted(PERMISSIONS))
@pytest.mark.parametrize("role", ROLES)
def test_each_row(action, role):
    person = Staff(name="某", role=role)
    allowed = role == "admin" or role in PERMISSIONS[action]
    if action in EXPECTED:
        assert allowed == (role == "admin" or role in EXPECTED[action])
    assert can(person, action) == allowed
    if not allowed:
        with pytest.raises(UserError, match=LABELS[action]):
            require(person, action)


def test_every_permission_has_a_label():
    assert set(LABELS) == set(PERMISSIONS)


def test_unknown_permission_is_a_programming_error():
    with pytest.raises(KeyError):
        can(Staff(name="某", role="clerk"), "case.fly")


def test_login_locks_after_five_wrong_tries(office, clock):
    for i in range(4):
        with pytest.raises(UserError, match=f"再错 {4 - i} 次"):
            office.staff.authenticate("admin", "wrong")
    with pytest.raises(UserError, match="锁定 15 分钟"):
        office.staff.authenticate("admin", "wrong")
    with pytest.raises(UserError, match="已锁定"):
        office.staff.authenticate("admin", "secret1")  # even the right password waits
    clock.advance(minutes=16)
    assert office.staff.authenticate("admin", "secret1").username == "admin"
    assert Staff.get(Staff.username == "admin").failed_logins == 0
    assert isinstance(clock.now(), dt.datetime)
