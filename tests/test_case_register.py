"""受理登记's 保存 through the service (`CaseService.register`): the case, the night-log
entry it came from, the duplicate it is merged into, in one transaction. No Qt."""

import pytest

from app import domain
from app.cases import CaseInput
from app.errors import UserError, ValidationError
from app.models import Case, CaseEvent, NightLogEntry


def _input(**fields) -> CaseInput:
    values = dict(
        account="楼道灯不亮",
        kind="报修",
        room="3-2-501",
        customer_name="张伟",
        customer_phone="13812345678",
        category="设施设备维护",
    )
    values.update(fields)
    return CaseInput(**values)


def test_register_takes_a_case_in(office, admin):
    case = office.cases.register(_input(), admin)
    assert case.state == domain.NEW and case.created_by_id == admin.id
    assert [e.kind for e in office.cases.timeline(case)] == [domain.EV_RECEIVED]


def test_register_merges_into_the_chosen_duplicate(office, admin):
    first = office.cases.register(_input(), admin)
    second = office.cases.register(_input(account="楼道灯还是不亮"), admin, merge_into=first.id)
    assert second.state == domain.MERGED and second.merged_into_id == first.id
    assert [e.kind for e in office.cases.timeline(first)] == [domain.EV_RECEIVED, domain.EV_MERGED]


def test_register_carries_a_night_log_entry(office, admin):
    entry = office.nightlog.add("楼道灯不亮", "张伟", "13812345678", "3-2-501", logged_by="夜班")
    assert office.nightlog.pending_entry(entry.id) is not None
    case = office.cases.register(_input(channel="夜间值班"), admin, night_entry_id=entry.id)
    assert NightLogEntry.get_by_id(entry.id).case_id == case.id
    assert office.nightlog.pending_entry(entry.id) is None
    with pytest.raises(UserError, match="已转为案件"):
        office.cases.register(_input(channel="夜间值班"), admin, night_entry_id=entry.id)


def test_a_refused_merge_writes_nothing(office, admin):
    """The merge is refused after the case was written: the case and the entry's link go too."""
    entry = office.nightlog.add("楼道灯不亮", "张伟", "13812345678", "3-2-501", logged_by="夜班")
    first = office.cases.register(_input(), admin)
    merged = office.cases.register(_input(account="楼道灯还是不亮"), admin, merge_into=first.id)
    cases_before, events_before = Case.select().count(), CaseEvent.select().count()
    with pytest.raises(UserError, match="已合并到其他案件"):
        office.cases.register(_input(), admin, merge_into=merged.id, night_entry_id=entry.id)
    assert Case.select().count() == cases_before
    assert CaseEvent.select().count() == events_before
    assert office.nightlog.pending_entry(entry.id) is not None


def test_register_checks_the_fields_first(office, admin):
    with pytest.raises(ValidationError) as refused:
        office.cases.register(_input(account="", category="不存在的类别"), admin)
    assert {"内容", "类别"} <= set(refused.value.problems)
    assert Case.select().count() == 0


def test_night_log_conversion_needs_its_permission(office, admin):
    steward = office.staff.save_staff("赵物管", "steward")  # may take cases in, not convert entries
    entry = office.nightlog.add("楼道灯不亮", "张伟", "13812345678", "3-2-501", logged_by="夜班")
    with pytest.raises(UserError):
        office.cases.register(_input(), steward, night_entry_id=entry.id)
    assert office.nightlog.pending_entry(entry.id) is not None
    assert office.cases.register(_input(), steward).created_by_id == steward.id
