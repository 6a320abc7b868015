"""The night log's rules in app/nightlog.py (the page only calls them). No Qt."""

import datetime as dt

import pytest

from app.errors import ValidationError


def test_an_entry_cannot_be_dated_in_the_future(office, clock):
    with pytest.raises(ValidationError) as refused:
        office.nightlog.add("楼道灯不亮", at=clock.now() + dt.timedelta(hours=1))
    assert refused.value.problems == {"时间": "不能晚于现在"}
    # A few minutes ahead is a clock set a little fast, not a mistake.
    entry = office.nightlog.add("楼道灯不亮", at=clock.now() + dt.timedelta(minutes=5))
    assert entry.logged_at == clock.now() + dt.timedelta(minutes=5)


def test_a_pending_entry_until_it_is_converted(office, admin):
    entry = office.nightlog.add("楼道灯不亮", "张伟", "13812345678", "3-2-501")
    assert office.nightlog.pending_entry(entry.id).id == entry.id
    case = office.nightlog.convert(entry, office.nightlog.as_input(entry), admin)
    assert entry.case.id == case.id
    assert office.nightlog.pending_entry(entry.id) is None
    assert office.nightlog.pending_entry(entry.id + 1000) is None


def test_a_refused_entry_leaves_no_new_room_behind(office, clock):
    from app.models import NightLogEntry, Room

    rooms = Room.select().count()
    with pytest.raises(ValidationError) as refused:
        office.nightlog.add("", "张伟", "13812345678", "9-9-909")
    assert refused.value.problems == {"内容": "必须填写"}
    assert Room.select().count() == rooms
    assert NightLogEntry.select().count() == 0
    office.nightlog.add("楼道灯不亮", "张伟", "13812345678", "9-9-909")
    assert Room.select().count() == rooms + 1
