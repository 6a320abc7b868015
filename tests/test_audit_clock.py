"""Audit entries are timed by the office's clock (the one its services are given), not the
wall clock; work handed to another thread keeps the person and the clock (no Qt here)."""

from __future__ import annotations

import datetime as dt
import threading

from app import audit
from app.clock import FixedClock
from app.models import AuditEntry, Owner, Room, clock_as, current_clock
from app.permissions import acting, current_person, set_person
from app.work_context import carry


def new_entries(after: int) -> list[AuditEntry]:
    return list(AuditEntry.select().where(AuditEntry.id > after).order_by(AuditEntry.id))


def last_entry_id() -> int:
    row = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
    return row.id if row else 0


def test_every_entry_a_service_writes_carries_the_clock_s_time(office, clock, admin, make_case):
    assert current_clock() is clock  # opening the office hands its clock to the trail
    steps = [
        (dt.datetime(2026, 9, 28, 9, 40), lambda: make_case()),
        (dt.datetime(2026, 9, 28, 11, 5), lambda: office.cases.resolve(case(), "已更换灯泡", admin)),
        (dt.datetime(2026, 9, 29, 8, 0), lambda: office.cases.close(case(), admin)),
        (
            dt.datetime(2026, 9, 29, 8, 30),
            lambda: office.staff.save_staff("赵物管", "steward", buildings="3"),
        ),
        (dt.datetime(2026, 9, 30, 14, 0), lambda: save_policy()),
        (dt.datetime(2026, 10, 8, 10, 0), lambda: audit.log_access("显示号码", owner())),
    ]
    made: list[object] = []

    def case() -> object:
        return made[0]

    def save_policy() -> None:
        policy = office.policies.load()
        policy.resolve_days["重要"] = 5
        office.policies.save(policy)

    def owner() -> Owner:
        room = Room.create(building="1", unit="1", number="101")
        return Owner.create(room=room, name="陈静", phone="13900001111")

    for at, step in steps:
        clock.at = at
        before = last_entry_id()
        with acting(admin):
            result = step()
        if not made:
            made.append(result)
        written = new_entries(before)
        assert written, at
        assert {e.at for e in written} == {at}, (at, {e.at for e in written})
    assert audit.chain_problems() == []
    assert dt.datetime.now().replace(microsecond=0) not in {e.at for e in AuditEntry.select()}


def test_a_clock_for_a_block_times_what_is_written_inside_it(office, admin, make_case):
    later = FixedClock(dt.datetime(2026, 12, 1, 9, 0))
    with clock_as(later):
        before = last_entry_id()
        make_case()
        assert {e.at for e in new_entries(before)} == {later.now()}
    before = last_entry_id()
    make_case()
    assert {e.at for e in new_entries(before)} == {office.clock.now()}


def test_work_carried_to_a_thread_is_done_by_the_same_person_at_the_same_clock(office, admin):
    """The window hands long work to a thread (`app.work_context.carry`): the person acting
    and the clock go along, and the thread's connection is closed afterwards."""
    later = FixedClock(dt.datetime(2026, 10, 9, 16, 45))
    seen: dict[str, object] = {}
    set_person(None)
    with acting(admin), clock_as(later):
        carried = carry()
    before = last_entry_id()

    def work() -> None:
        seen["person"] = current_person()
        office.staff.save_staff("孙工", "department")

    def on_thread() -> None:
        try:
            carried.run(work)
        except BaseException as exc:  # noqa: BLE001 - looked at below
            seen["error"] = exc
        from app.models import db

        seen["closed"] = db.is_closed()

    thread = threading.Thread(target=on_thread)
    thread.start()
    thread.join()
    assert "error" not in seen, seen.get("error")
    assert seen["person"] == admin and seen["closed"] is True
    written = new_entries(before)
    assert written and {(e.actor, e.at) for e in written} == {("王管理", later.now())}
    assert current_person() is None  # here nobody acts: only the thread had the block's person


def test_a_person_s_creation_time_is_the_office_clock_s(office, clock, admin):
    clock.at = dt.datetime(2031, 2, 14, 9, 30)
    with acting(admin):
        person = office.staff.save_staff("钱客服", "clerk")
    assert person.created_at == dt.datetime(2031, 2, 14, 9, 30)
