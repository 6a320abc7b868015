"""业主档案: masking by role, every read of personal data logged (who, which owner, what)."""

import datetime as dt

import openpyxl
import pytest

from app import audit
from app.errors import UserError, ValidationError
from app.models import AuditEntry, Owner, Room, acting_as
from app.owner_files import OwnerFiles, OwnerInput, mask_id_number

PHONE = "13812345678"
ID_NUMBER = "11010519491231002X"


@pytest.fixture
def files():
    return OwnerFiles()


@pytest.fixture
def people(office):
    s = office.staff
    return {
        "steward": s.save_staff("赵物管", "steward", buildings="3"),
        "clerk": s.save_staff("李客服", "clerk"),
        "director": s.save_staff("周主任", "cs_director"),
        "manager": s.save_staff("孙经理", "office_manager"),
        "night": s.save_staff("钱值班", "night_duty"),
    }


@pytest.fixture
def owner(office):
    room = Room.create(building="3", unit="2", number="501")
    chen = Owner.create(room=room, name="陈静", phone=PHONE, id_number=ID_NUMBER)
    Owner.create(room=room, name="陈小明", phone="13900001111", occupant_type="业主")
    Owner.create(room=Room.create(building="5", unit="1", number="0801"), name="刘洋", phone="021-62345678")
    return chen


def access_log(action):
    return [(e.actor, e.record_id, e.new) for e in audit.entries(audit.AuditFilter(action=action))]


def test_masks():
    assert mask_id_number(ID_NUMBER) == "110105********002X"
    assert mask_id_number("") == ""


@pytest.mark.parametrize("role", ["steward", "clerk", "director", "manager"])
def test_lists_mask_phone_and_id_for_every_role(files, people, owner, role):
    shown = files.masked(owner, people[role])
    assert shown.phone == "138****5678"
    assert shown.id_number == "110105********002X"
    assert shown.room == "3-2-501"
    assert shown.can_reveal_phone == (role != "steward")
    assert shown.can_reveal_id == (role in ("director", "manager"))
    assert AuditEntry.select().where(AuditEntry.action.in_(audit.ACCESS_ACTIONS)).count() == 0


def test_search_by_name_phone_digits_and_room(files, owner):
    assert [o.name for o in files.search("陈")] == ["陈静", "陈小明"]
    assert [o.name for o in files.search("5678")] == ["陈静", "刘洋"]
    assert [o.name for o in files.search("3-2-501")] == ["陈静", "陈小明"]
    assert [o.name for o in files.search("5")] == ["刘洋"]
    assert [o.name for o in files.search("0801")] == ["刘洋"]
    assert len(files.search("")) == 3


def test_opening_a_file_is_logged_with_room_occupants_and_cases(files, people, owner, make_case, admin):
    case = make_case(room="3-2-501", customer_name="陈静")
    case.owner = owner
    case.save()
    opened = files.open_file(owner, people["steward"])
    assert opened.room.label == "3-2-501"
    assert [o.name for o in opened.occupants] == ["陈小明"]
    assert opened.occupants[0].phone == "139****1111"
    assert [c.number for c in opened.cases] == [case.number]
    assert access_log("查看业主档案") == [("赵物管", str(owner.id), "陈静")]


def test_night_duty_may_not_open_a_file(files, people, owner):
    with pytest.raises(UserError, match="钱值班没有“查看业主档案”的权限"):
        files.open_file(owner, people["night"])
    assert access_log("查看业主档案") == []


def test_each_reveal_is_logged_with_the_actor(files, people, owner):
    assert files.reveal_phone(owner, people["clerk"]) == PHONE
    assert files.reveal_phone(owner.id, people["clerk"]) == PHONE
    assert files.reveal_id(owner, people["director"]) == ID_NUMBER
    assert access_log("显示号码") == [("李客服", str(owner.id), "陈静 的联系电话")] * 2
    assert access_log("显示身份证号") == [("周主任", str(owner.id), "陈静 的身份证号")]
    assert audit.chain_problems() == []


def test_without_an_actor_argument_the_acting_person_is_logged(files, owner):
    with acting_as("命令行管理员"):
        files.reveal_id(owner, None)
    assert access_log("显示身份证号") == [("命令行管理员", str(owner.id), "陈静 的身份证号")]


def test_refusals_are_in_chinese_and_log_nothing(files, people, owner):
    with pytest.raises(UserError, match="赵物管没有“查看完整电话”的权限"):
        files.reveal_phone(owner, people["steward"])
    with pytest.raises(UserError, match="李客服没有“查看身份证号”的权限"):
        files.reveal_id(owner, people["clerk"])
    with pytest.raises(UserError, match="周主任没有“导出业主资料”的权限"):
        files.export_owners("unused.xlsx", people["director"])
    assert AuditEntry.select().where(AuditEntry.action.in_(audit.ACCESS_ACTIONS)).count() == 0


def test_export_writes_text_phones_and_ids_and_logs_the_count(files, people, owner, tmp_path):
    owner.move_in = dt.date(2020, 5, 1)
    owner.save()
    target = tmp_path / "业主名册.xlsx"
    assert files.export_owners(target, people["manager"]) == 3
    ws = openpyxl.load_workbook(target).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:7] == ("楼栋", "单元", "房号", "姓名", "类型", "联系电话", "身份证号")
    by_name = {r[3]: r for r in rows[1:]}
    assert by_name["陈静"][5] == PHONE and by_name["陈静"][6] == ID_NUMBER
    assert by_name["刘洋"][2] == "0801"
    assert by_name["陈静"][7] == dt.datetime(2020, 5, 1)
    cells = {c.column_letter: c for c in ws[2]}
    assert cells["F"].data_type == "s" and cells["F"].number_format == "@"
    assert cells["G"].data_type == "s"
    assert access_log("导出业主资料") == [("孙经理", "-", "导出 3 人到 业主名册.xlsx")]


def test_add_and_edit_an_owner(files, people, owner):
    clerk = people["clerk"]
    added = files.save_owner(
        OwnerInput(room="3栋2单元502", name="王芳", phone="138 0013 8000", id_number="11010519491231002x"),
        clerk,
    )
    assert (added.room.label, added.phone, added.id_number) == ("3-2-502", "13800138000", ID_NUMBER)
    created = AuditEntry.get(
        AuditEntry.table == "owner", AuditEntry.record_id == str(added.id), AuditEntry.action == "新建"
    )
    assert created.actor == "李客服"
    # an empty phone or ID keeps the stored value; the note changes
    files.save_owner(OwnerInput(room="3-2-502", name="王芳", note="有老人独居"), clerk, existing=added)
    again = Owner.get_by_id(added.id)
    assert (again.phone, again.id_number, again.note) == ("13800138000", ID_NUMBER, "有老人独居")


def test_bad_phone_and_id_are_refused_with_reasons(files, people, owner):
    with pytest.raises(ValidationError) as err:
        files.save_owner(
            OwnerInput(room="三楼", name="", phone="1381234567", id_number="110105194912310021"),
            people["clerk"],
        )
    problems = err.value.problems
    assert problems["姓名"] == "必须填写"
    assert "房号格式" in problems["房号"]
    assert "电话" in problems["联系电话"] or "手机" in problems["联系电话"]
    assert "身份证号不正确" in problems["身份证号"]


def test_same_name_twice_in_a_room_is_refused(files, people, owner):
    with pytest.raises(ValidationError, match="已有名为“陈静”的住户"):
        files.save_owner(OwnerInput(room="3-2-501", name="陈静"), people["clerk"])


def test_a_steward_may_not_edit_owners(files, people, owner):
    with pytest.raises(UserError, match="没有“登记或修改业主资料”的权限"):
        files.save_owner(OwnerInput(room="3-2-503", name="新住户"), people["steward"])
