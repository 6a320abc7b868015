"""The first-run wizard's writes (app/setup.py), without Qt: each page one transaction."""

import pytest

from app import setup_rooms
from app.errors import ValidationError
from app.models import Department, Staff
from app.permissions import set_person
from app.setup import SetupService, StaffEntry, StaffRowsRefused, same_disk


@pytest.fixture
def setup(office, admin):
    set_person(admin)
    return SetupService(office.policies, office.staff)


def names(office, include_inactive=False):
    return [(d.name, d.active) for d in office.staff.departments(include_inactive=include_inactive)]


def test_on_file_counts_rooms_and_owners(setup):
    assert (setup.on_file().rooms, setup.on_file().owners) == (0, 0)
    setup_rooms.create_rooms("1-2", "", "101-102")
    assert setup.on_file().rooms == 4


def test_departments_added_renamed_removed_and_brought_back(office, setup):
    listed = {d.name: d.id for d in office.staff.departments()}
    ids = setup.save_departments(
        [(listed["客服部"], "客户服务部"), (listed["工程维修部"], "工程维修部"), (None, "电梯组")]
    )
    assert ids[:2] == [listed["客服部"], listed["工程维修部"]]
    assert names(office) == [("客户服务部", True), ("工程维修部", True), ("电梯组", True)]
    assert ("保洁部", False) in names(office, include_inactive=True)  # removed: kept, inactive
    # Listed again by name: the inactive record comes back, no second 保洁部.
    kept = list(zip(ids, ["客户服务部", "工程维修部", "电梯组"], strict=True))
    again = setup.save_departments([*kept, (None, "保洁部")])
    assert again[3] == listed["保洁部"]
    assert Department.select().where(Department.name == "保洁部").count() == 1


def test_a_refused_department_writes_nothing(office, setup):
    before = names(office, include_inactive=True)
    listed = [(d.id, d.name) for d in office.staff.departments()]
    with pytest.raises(ValidationError):
        setup.save_departments([(listed[0][0], listed[1][1]), *listed[1:], (None, "新部门")])  # a clash
    assert names(office, include_inactive=True) == before


def test_staff_rows_saved_together(office, setup):
    dep = office.staff.departments()[0]
    saved = setup.save_staff(
        [
            StaffEntry("李物管", "steward", dep.id, "1,2", "", None),
            StaffEntry("周主任", "cs_director", None, "", "zhou", "secret2"),
        ],
        [],
    )
    assert [p.name for p in saved.values()] == ["李物管", "周主任"]
    assert Staff.get(Staff.name == "李物管").department_id == dep.id
    assert office.staff.authenticate("zhou", "secret2").name == "周主任"
    # Saved again with the records: updated, not added; a removed person made inactive.
    entry = StaffEntry("李物管", "steward", None, "3", "", None, existing=saved[0])
    setup.save_staff([entry], [saved[1]])
    assert Staff.select().where(Staff.name == "李物管").count() == 1
    assert Staff.get(Staff.name == "李物管").buildings == "3"
    assert not Staff.get(Staff.name == "周主任").active


def test_a_refused_row_undoes_the_whole_page(office, setup):
    keep = setup.save_staff([StaffEntry("王保安", "steward", None, "", "", None)], [])[0]
    count = Staff.select().count()
    with pytest.raises(StaffRowsRefused) as refused:
        setup.save_staff(
            [
                StaffEntry("赵六", "steward", None, "", "", None),
                StaffEntry("", "steward", None, "", "", None),
                StaffEntry(
                    "钱七", "steward", None, "", "qian", None, problems={"密码": "设了登录名,请同时设密码"}
                ),
            ],
            [keep],
        )
    assert refused.value.rows == {1: {"姓名": "必须填写"}, 2: {"密码": "设了登录名,请同时设密码"}}
    assert "第 2 行 姓名:必须填写" in str(refused.value)
    assert Staff.select().count() == count and Staff.get_by_id(keep.id).active  # nothing written


def test_visit_preset_chosen_once(office, setup):
    assert setup.visit_preset() == "标准"
    assert not setup.choose_visit_preset("标准")  # already in force: nothing written
    assert setup.choose_visit_preset("维修全部回访(客服手册)")
    policy = office.policies.load()
    assert policy.visits.preset == "维修全部回访(客服手册)" and policy.visits.rules["报修"].rate == 1.0
    assert policy.visits.form_keep_years == 2  # the general numbers stay


def test_backup_folder_stored(office, setup, tmp_path):
    assert setup.backup_folder() == ""
    assert setup.set_backup_folder(str(tmp_path / "usb"))
    assert not setup.set_backup_folder(str(tmp_path / "usb"))
    assert office.backups.folder() == tmp_path / "usb"


def test_same_disk(tmp_path):
    assert same_disk(tmp_path / "not" / "yet", tmp_path) is True
    assert same_disk(tmp_path, tmp_path / "missing") is None
