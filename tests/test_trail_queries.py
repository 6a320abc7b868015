"""What the windows read through app/audit_queries.py and OwnerFiles.owner (no Qt): the
audit window's choices and pages, a record's history, the chain check, and who may read."""

import pytest

from app import audit
from app.audit import AuditFilter
from app.errors import UserError
from app.models import AuditEntry, Owner, Room
from app.permissions import acting


def test_the_trail_for_the_audit_window(office, admin, make_case):
    trail = office.trail
    with acting(admin):
        case = make_case()
        office.cases.resolve(case, "已修好", admin)
        assert "case" in trail.tables() and admin.name in trail.actors()
        assert trail.count() == AuditEntry.select().count() > 0
        page = trail.entries(AuditFilter(table="case"), limit=2)
        assert len(page) == 2 and page[0].id > page[1].id  # newest first
        assert trail.chain_problems() == []
        history = trail.history("case", case.id)
        assert history[0].action == "新建" and [e.id for e in history] == sorted(e.id for e in history)
        assert trail.reader().record_name("case", str(case.id)) == case.number


def test_only_those_who_may_read_the_trail_get_it(office, admin):
    clerk = office.staff.save_staff(name="李客服", role="clerk")
    for read in (
        office.trail.tables,
        office.trail.actors,
        office.trail.count,
        office.trail.chain_problems,
        office.trail.chain_check,
        lambda: office.trail.entries(AuditFilter()),
    ):
        with acting(clerk), pytest.raises(UserError, match="查看审计记录"):
            read()
    manager = office.staff.save_staff(name="孙经理", role="office_manager")
    assert office.trail.count(manager) > 0


def test_owner_files_hand_one_owner_to_those_who_may_edit(office, admin):
    room = Room.create(building="3", unit="2", number="501")
    owner = Owner.create(room=room, name="陈静", phone="13812345678")
    found = office.owner_files.owner(owner.id, admin)
    assert found.name == "陈静" and found.room.label == "3-2-501"
    assert office.owner_files.owner(99999, admin) is None
    steward = office.staff.save_staff(name="赵物管", role="steward", buildings="3")
    with pytest.raises(UserError):
        office.owner_files.owner(owner.id, steward)


def test_the_trail_window_dates_from_the_office_clock(office, clock):
    assert office.trail.today() == clock.now().date()
    clock.advance(days=40)
    assert office.trail.today() == clock.now().date()


def test_the_chain_check_says_how_far_it_got_and_stops_when_asked(office, admin, make_case, monkeypatch):
    """For the window's thread: entries checked of total as it goes, and 取消 honoured at the
    next step with how far it got (no verdict)."""
    monkeypatch.setattr(audit, "CHAIN_PROGRESS_EVERY", 2)
    with acting(admin):
        make_case()
        total = AuditEntry.select().count()
        steps: list[tuple[int, int, str]] = []
        check = office.trail.chain_check(lambda *step: steps.append(step))
        assert check.problems == [] and not check.stopped and check.checked == check.total == total
        assert steps[0] == (0, total, "") and steps[-1] == (total, total, "")
        assert [done for done, _, _ in steps[1:-1]] == list(range(2, total + 1, 2))

        asked: list[int] = []
        check = office.trail.chain_check(lambda *step: asked.append(step[0]), lambda: bool(asked), full=True)
        assert check.stopped and check.problems == [] and (check.checked, check.total) == (2, total)
        assert asked == [0]

        AuditEntry.update(new="改过的内容").where(AuditEntry.id == AuditEntry.select().first().id).execute()
        # From the first entry: the short check would start after the edited one.
        check = office.trail.chain_check(full=True)
        assert not check.stopped and len(check.problems) == 1 and check.checked == total
