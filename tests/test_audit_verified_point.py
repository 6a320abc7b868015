"""The chain check from the last verified point (issue 17 item 4): what it reads, what it
still notices before the point (the point's own entry, entries removed or added before it),
and a point that was moved by someone without the office key (ignored: the whole trail)."""

import json

from app import audit
from app.models import AuditEntry, Setting


def _checked_whole(office, admin):
    check = office.trail.chain_check(actor=admin)
    assert check.problems == [] and not check.stopped
    return check


def test_a_clean_check_records_its_end_and_the_next_reads_only_the_new_entries(
    office, admin, make_case, clock
):
    make_case()
    first = _checked_whole(office, admin)
    assert first.since is None
    point = audit.verified_point()
    assert point is not None and point.count == AuditEntry.select().count()
    assert point.at == clock.now().replace(microsecond=0).isoformat()
    make_case(room="3-2-502", customer_name="李娜")
    second = _checked_whole(office, admin)
    assert second.since == point
    assert second.checked == AuditEntry.select().count() - point.count


def test_the_points_own_entry_changed_is_found_and_an_older_edit_by_the_full_check(office, admin, make_case):
    make_case()
    make_case(room="3-2-502", customer_name="李娜")
    _checked_whole(office, admin)
    point = audit.verified_point()
    AuditEntry.update(hash="0" * 64).where(AuditEntry.id == point.entry_id).execute()
    problems = office.trail.chain_check(actor=admin).problems
    assert any(f"上次核对到第 {point.entry_id} 条为止完好" in p for p in problems)

    AuditEntry.update(hash=point.hash).where(AuditEntry.id == point.entry_id).execute()
    assert office.trail.chain_check(actor=admin).problems == []
    AuditEntry.delete().where(AuditEntry.id == point.entry_id).execute()
    assert any("被删除或改动:请做完整校验" in p for p in office.trail.chain_check(actor=admin).problems)

    # Before the point: not read again by the short check; the full check (and `check`) finds it.
    AuditEntry.delete().where(AuditEntry.id == 3).execute()
    full = office.trail.chain_check(actor=admin, full=True).problems
    assert any("第 4 条之前的记录被删除" in p for p in full)


def test_a_point_moved_without_the_key_is_ignored(office, admin, make_case):
    make_case()
    _checked_whole(office, admin)
    row = Setting.get(Setting.key == audit.VERIFIED_KEY)
    info = json.loads(row.value)
    info["count"] += 1
    Setting.update(value=json.dumps(info)).where(Setting.key == audit.VERIFIED_KEY).execute()
    assert audit.verified_point() is None
    check = office.trail.chain_check(actor=admin)
    assert check.since is None and check.checked == AuditEntry.select().count()


def test_a_check_that_finds_a_break_records_no_point(office, admin, make_case):
    make_case()
    first = AuditEntry.select().order_by(AuditEntry.id).first()
    AuditEntry.update(new="改过的内容").where(AuditEntry.id == first.id).execute()
    assert office.trail.chain_check(actor=admin).problems
    assert audit.verified_point() is None
