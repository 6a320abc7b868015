"""The audit trail: every change written with who, old and new; the chain catches tampering."""

import pytest

from app import audit
from app.models import AuditEntry, Case, Owner, Room, Setting, acting_as


def test_changes_are_recorded_with_old_and_new(office, make_case, admin):
    with acting_as("王管理"):
        case = make_case()
        office.cases.resolve(case, "已修好", admin)
    rows = audit.history("case", case.id)
    assert rows[0].action == "新建" and "楼道灯不亮" in rows[0].new
    changed = {r.field: (r.old, r.new) for r in rows if r.action == "修改"}
    assert changed["state"] == ("待派工", "已办结")
    assert changed["result"] == ("", "已修好")
    assert all(r.actor == "王管理" for r in rows)
    assert audit.chain_problems() == []


def test_policy_and_staff_changes_are_recorded(office):
    policy = office.policies.load()
    policy.resolve_days["重要"] = 5
    office.policies.save(policy)
    row = AuditEntry.get(AuditEntry.table == "policy")
    assert row.field == "resolve_days" and '"重要": 5' in row.new and '"重要": 3' in row.old
    office.staff.save_staff("赵物管", "steward", buildings="3")
    assert AuditEntry.select().where(AuditEntry.table == "staff").count() >= 2


@pytest.mark.parametrize("tamper", ["edit", "delete_middle", "delete_last"])
def test_chain_detects_tampering(office, make_case, admin, tamper):
    for _ in range(3):
        make_case()
    ids = [e.id for e in AuditEntry.select().order_by(AuditEntry.id)]
    if tamper == "edit":
        AuditEntry.update(new="改过的内容").where(AuditEntry.id == ids[2]).execute()
    elif tamper == "delete_middle":
        AuditEntry.delete().where(AuditEntry.id == ids[2]).execute()
    else:
        AuditEntry.delete().where(AuditEntry.id == ids[-1]).execute()
    problems = audit.chain_problems()
    assert problems, tamper


def test_a_direct_edit_of_a_case_leaves_the_chain_intact_and_the_comparison_finds_it(office, make_case):
    case = make_case()
    assert audit.trail_problems() == []
    Case.update(account="偷偷改").where(Case.id == case.id).execute()
    assert audit.chain_problems() == []
    assert all("偷偷改" not in (e.new or "") for e in audit.history("case", case.id))
    assert audit.trail_problems() == [
        f"案件 {case.number} 的内容与审计记录不符:记录为“楼道灯不亮”,数据为“偷偷改”"
    ]


def test_reads_of_owner_data_are_logged(office):
    room = Room.create(building="1", unit="1", number="101")
    owner = Owner.create(room=room, name="陈静", phone="13900001111")
    with acting_as("李客服"):
        audit.log_access("显示号码", owner)
    row = audit.entries(audit.AuditFilter(action="显示号码"))[0]
    assert (row.actor, row.record_id, row.new) == ("李客服", str(owner.id), "陈静")
    assert audit.chain_problems() == []


def test_head_is_kept(office, make_case):
    make_case()
    assert Setting.get(Setting.key == "audit_head").value.startswith('{"hash"')


def test_id_numbers_stay_out_of_the_trail(office):
    room = Room.create(building="1", unit="1", number="102")
    owner = Owner.create(room=room, name="陈静", id_number="11010519491231002X")
    owner.id_number = "110105194912310048"
    owner.save()
    texts = " ".join((e.old or "") + (e.new or "") for e in audit.history("owner", owner.id))
    assert "11010519491231002X" not in texts and "110105194912310048" not in texts
    assert "(已更改)" in texts
