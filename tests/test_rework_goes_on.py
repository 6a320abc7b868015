"""Rework goes on (seed 000 1.1.9 and 4.5), on the office's own dates (2026's National Day:
10-01 to 10-07 off, Saturday 10-10 a make-up working day).

- After an unsatisfied visit the owner is told when the rework will be done: the promised
  date and when, by whom and how they were told, on the rework notice; flagged on the
  dashboard when not told within the notice's 24 hours.
- An unqualified result after rework goes to the office manager and is handled as a new
  complaint linked to the first (its own deadlines from the policy, severity at least 重要).
"""

from __future__ import annotations

import datetime as dt

import pytest

from app import domain
from app.cases import CaseInput
from app.dashboard import dashboard
from app.db import MIGRATIONS
from app.errors import UserError, ValidationError
from app.models import Case, ReworkNotice, Visit
from app.visits import VisitResult

T = dt.datetime


@pytest.fixture
def manager(office):
    return office.staff.save_staff("孙经理", "office_manager")


def _result(satisfaction, opinion=""):
    return VisitResult(method="电话", satisfaction=satisfaction, findings="回访", opinion=opinion)


def _leak(office, admin, clock, severity="轻微"):
    """A leak complaint taken 09-28 09:30 (Monday), handled 09-29 10:00."""
    clock.at = T(2026, 9, 28, 9, 30)
    inp = CaseInput(account="卫生间天花板渗水", kind="投诉", room="3-2-501", customer_name="张伟",
                    customer_phone="13812345678", category="漏水/渗漏", subcategory="卫生间渗漏",
                    severity=severity, department="工程维修部")  # fmt: skip
    case = office.cases.create(inp, admin)
    clock.at = T(2026, 9, 29, 10, 0)
    office.cases.resolve(case, "更换地漏", admin)
    return Case.get_by_id(case.id)


def _first_visit_unsatisfied(office, admin, clock, case):
    clock.at = T(2026, 9, 30, 10, 0)
    visit = Visit.get(Visit.case == case, Visit.attempt == 1)
    second = office.visits.complete(visit, _result("不满意", "还在渗"), admin)
    return ReworkNotice.get(ReworkNotice.case == case), second


def test_the_owner_is_told_when_the_rework_will_be_done(office, admin, clock):
    case = _leak(office, admin, clock)
    notice, second = _first_visit_unsatisfied(office, admin, clock, case)
    assert notice.due == T(2026, 10, 1, 10, 0) and notice.owner_told_at is None
    assert second is not None and second.attempt == 2
    # 10-01 09:00: not yet past the notice's 24 h, no flag.
    assert office.visits.rework.followups(T(2026, 10, 1, 9, 0)).untold == []
    # 10-01 11:00: past it, flagged on the dashboard.
    clock.at = T(2026, 10, 1, 11, 0)
    untold = dashboard(office, clock.now().date()).rework_followups.untold
    assert [(u.number, u.due) for u in untold] == [(case.number, T(2026, 10, 1, 10, 0))]
    # Told by phone at 11:00, the rework promised for the first working day after the holiday.
    office.visits.rework.tell_owner(notice, "2026-10-08 17:00", "电话", actor=admin)
    notice = ReworkNotice.get_by_id(notice.id)
    assert (notice.rework_due, notice.owner_told_at, notice.owner_told_method) == (
        T(2026, 10, 8, 17, 0),
        T(2026, 10, 1, 11, 0),
        "电话",
    )
    assert notice.owner_told_by == admin.name
    assert dashboard(office, clock.now().date()).rework_followups.untold == []
    words = office.visits.rework.told_words(notice)
    assert "电话告知业主(超过24小时)" in words and "10-08 17:00 前完成" in words
    line = office.cases.timeline(case)[-1].text
    assert (
        line.startswith("告知业主返工完成时间:2026-10-08 17:00 前(电话") and "已超过返工通知的24小时" in line
    )


def test_telling_the_owner_refuses_bad_input_by_name(office, admin, clock):
    case = _leak(office, admin, clock)
    notice, _ = _first_visit_unsatisfied(office, admin, clock, case)
    clock.at = T(2026, 9, 30, 15, 0)
    with pytest.raises(ValidationError) as err:
        office.visits.rework.tell_owner(notice, "", "飞鸽", actor=admin)
    assert err.value.problems == {
        "返工完成时间": "必须填写",
        "告知方式": "请选择 电话、短信、上门、书面通知 之一",
    }
    with pytest.raises(ValidationError) as err:
        office.visits.rework.tell_owner(notice, "2026-09-30 12:00", "短信", actor=admin)
    assert "不能早于告知业主的时间" in err.value.problems["返工完成时间"]
    with pytest.raises(ValidationError) as err:
        office.visits.rework.tell_owner(notice, "2026-10-08", "短信", told_at="2026-09-30 09:00", actor=admin)
    assert "不能早于返工通知发出时间" in err.value.problems["告知时间"]
    assert ReworkNotice.get_by_id(notice.id).owner_told_at is None  # nothing half-written
    worker = office.staff.save_staff("李师傅", "department")
    with pytest.raises(UserError, match="告知业主返工完成时间"):
        office.visits.rework.tell_owner(notice, "2026-10-08 17:00", "电话", actor=worker)
    steward = office.staff.save_staff("赵物管", "steward")
    office.visits.rework.tell_owner(notice, "2026-10-08 17:00", "上门", actor=steward)  # within 24 h
    assert "超过" not in office.visits.rework.told_words(ReworkNotice.get_by_id(notice.id))


def test_unqualified_after_rework_goes_to_the_manager_as_a_new_linked_complaint(
    office, admin, clock, manager
):
    case = _leak(office, admin, clock)
    notice, second = _first_visit_unsatisfied(office, admin, clock, case)
    clock.at = T(2026, 10, 1, 8, 0)
    office.visits.rework.tell_owner(notice, "2026-10-08 17:00", "电话", actor=admin)
    clock.at = T(2026, 10, 8, 16, 0)
    office.cases.resolve(Case.get_by_id(case.id), "重新做防水,闭水试验48小时", admin)
    clock.at = T(2026, 10, 9, 10, 0)  # Friday
    assert office.visits.complete(second, _result("很不满意", "楼下还是滴水"), admin) is None
    first = Case.get_by_id(case.id)
    # The first case: its handling is over, it stays 已办结; no third visit, no second notice.
    assert first.state == domain.RESOLVED
    assert Visit.select().where(Visit.case == first).count() == 2
    assert ReworkNotice.select().where(ReworkNotice.case == first).count() == 1
    new = Case.get(Case.linked_from == first)
    assert (new.kind, new.severity, new.validity) == ("投诉", "重要", "一类")
    assert (new.room_id, new.owner_id, new.customer_phone) == (
        first.room_id,
        first.owner_id,
        first.customer_phone,
    )
    assert (new.category, new.subcategory) == ("漏水/渗漏", "卫生间渗漏")
    assert new.account.startswith(
        f"原案 {first.number}(投诉·漏水/渗漏·卫生间渗漏)返工后,2026-10-09 第2次回访"
    )
    assert "楼下还是滴水" in new.account and new.received_at == T(2026, 10, 9, 10, 0)
    # Its own deadlines from the policy: 重要 = 3 working days; Saturday 10-10 is a make-up day.
    assert new.resolve_due == T(2026, 10, 13, 10, 0)
    assert new.department.name == "工程维修部" and new.state == domain.NEW
    # Both timelines say it; the dashboard names the manager.
    assert "上报管理处经理 孙经理" in office.cases.timeline(first)[-1].text
    assert new.number in office.cases.timeline(first)[-1].text
    assert any(f"由 {first.number} 返工后回访仍不合格转来" in e.text for e in office.cases.timeline(new))
    still = dashboard(office, clock.now().date()).rework_followups.still_unqualified
    assert [(s.number, s.new_number, s.manager) for s in still] == [(first.number, new.number, "孙经理")]
    assert office.visits.rework.linked_cases(first) == [new]
    assert office.visits.rework.linked_from(new) == first
    # Once the new complaint is handled, the line goes.
    office.cases.resolve(Case.get_by_id(new.id), "更换整层防水", admin)
    assert dashboard(office, clock.now().date()).rework_followups.still_unqualified == []


def test_a_major_case_stays_major_when_it_fails_again(office, admin, clock, manager):
    case = _leak(office, admin, clock, severity="重大")
    director = office.staff.save_staff("钱主任", "cs_director")  # 重大: visited by two (H24)
    clock.at = T(2026, 9, 30, 10, 0)
    first = VisitResult(method="电话", satisfaction="不满意", findings="回访", second_visitor_id=director.id)
    second = office.visits.complete(Visit.get(Visit.case == case), first, admin)
    clock.at = T(2026, 10, 8, 16, 0)
    office.cases.resolve(Case.get_by_id(case.id), "重新施工", admin)
    clock.at = T(2026, 10, 9, 10, 0)
    again = VisitResult(method="电话", satisfaction="不满意", findings="回访", second_visitor_id=director.id)
    office.visits.complete(second, again, admin)
    new = Case.get(Case.linked_from == case.id)
    # 重大 stays 重大: its clear answer 2 working days on (10-10 is a make-up day) and its report.
    assert new.severity == "重大" and new.answer_due == T(2026, 10, 12, 10, 0)


def test_migration_16_adds_the_columns(tmp_path, clock):
    """A data folder made before migration 16 (its columns dropped) gains them again."""
    from app.models import db
    from app.office import Office

    office = Office.open(tmp_path / "data", clock)
    office.initialise("阳光花园物业服务中心", "admin", "secret1", "王管理")
    db.execute_sql('ALTER TABLE "rework_notice" DROP COLUMN "owner_told_by"')
    # A key column cannot be dropped: the case table is rebuilt without it, as before 16.
    columns = ", ".join(f'"{c.name}"' for c in db.get_columns("case") if c.name != "linked_from_id")
    db.execute_sql("PRAGMA foreign_keys = OFF")
    db.execute_sql(f'CREATE TABLE "case_old" AS SELECT {columns} FROM "case"')
    db.execute_sql('DROP TABLE "case"')
    db.execute_sql('ALTER TABLE "case_old" RENAME TO "case"')
    MIGRATIONS[16](db)
    MIGRATIONS[16](db)  # idempotent
    assert {"rework_due", "owner_told_at", "owner_told_by", "owner_told_method"} <= {
        c.name for c in db.get_columns(ReworkNotice._meta.table_name)
    }
    assert "linked_from_id" in {c.name for c in db.get_columns(Case._meta.table_name)}
    office.close()


def test_the_ledger_carries_the_link(office, admin, clock, manager, tmp_path):
    """Export and import into an empty folder: the complaint still names the case it came from."""
    from app.ledger.case_import import import_ledger
    from app.ledger.export import export_cases
    from app.office import Office

    case = _leak(office, admin, clock)
    _, second = _first_visit_unsatisfied(office, admin, clock, case)
    clock.at = T(2026, 10, 8, 16, 0)
    office.cases.resolve(Case.get_by_id(case.id), "重新做防水", admin)
    clock.at = T(2026, 10, 9, 10, 0)
    office.visits.complete(second, _result("不满意"), admin)
    new_number = Case.get(Case.linked_from == case.id).number
    path = tmp_path / "ledger.xlsx"
    export_cases(office, path)
    office.close()
    other = Office.open(tmp_path / "other", clock)
    other.initialise("阳光花园物业服务中心", "admin", "secret1", "王管理")
    try:
        report = import_ledger(other, path)
        assert report.imported == 2
        new = Case.get(Case.number == new_number)
        assert new.linked_from.number == case.number and new.subcategory == "卫生间渗漏"
    finally:
        other.close()
