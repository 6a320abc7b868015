"""The night-shift page: quick entry, the list for the day clerk, 转为案件."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from app.cases import CaseInput
from app.models import NightLogEntry
from tests.helpers.qt_input import type_text
from ui.nightlog import NightLogPage

# The offscreen platform says so whenever a window is shown; it is not a problem of ours.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

NIGHT = dt.datetime(2026, 9, 27, 23, 40)  # the night before the fixed clock's Monday 09:30


def type_into(qtbot, edit, text):
    type_text(qtbot, edit, text)


@pytest.fixture
def page(qtbot, office, admin):
    p = NightLogPage(office.nightlog, admin)
    qtbot.addWidget(p)
    p.resize(1150, 700)
    p.show()
    return p


def fill(
    qtbot,
    page,
    caller="张先生",
    phone="13812345678",
    room="3-2-501",
    content="楼上漏水到我家卫生间",
    action="已通知工程值班",
):
    type_into(qtbot, page.caller, caller)
    type_into(qtbot, page.phone, phone)
    type_into(qtbot, page.room, room)
    type_into(qtbot, page.content, content)
    type_into(qtbot, page.action, action)


def test_time_defaults_to_now(page, clock):
    assert page.when.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-09-28 09:30"


def test_add_an_entry_by_typing(qtbot, office, page):
    fill(qtbot, page)
    with qtbot.waitSignal(page.entry_saved) as saved:
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    entry = NightLogEntry.get_by_id(saved.args[0])
    assert (entry.caller, entry.phone, entry.room.label) == ("张先生", "13812345678", "3-2-501")
    assert (entry.content, entry.action_taken, entry.logged_by) == (
        "楼上漏水到我家卫生间",
        "已通知工程值班",
        "王管理",
    )
    assert entry.logged_at == dt.datetime(2026, 9, 28, 9, 30)
    # The form is empty again for the next call, and says what it kept.
    assert page.content.toPlainText() == "" and page.caller.text() == ""
    assert "3-2-501" in page.banner.text()


def test_ctrl_s_saves(qtbot, office, page):
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    fill(qtbot, page, room="", phone="")
    page.content.setFocus()
    with qtbot.waitSignal(page.entry_saved):
        qtbot.keyClick(page.content, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(office.nightlog.pending()) == 1


def test_bad_phone_shows_the_reason_and_keeps_the_text(qtbot, office, page):
    fill(qtbot, page, phone="12345")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    label = page.errors.label_for("电话")
    assert label.isVisible()
    assert label.text() == "不是有效的大陆电话号码"
    assert page.phone.property("invalid") is True
    assert page.phone.text() == "12345"
    assert page.content.toPlainText() == "楼上漏水到我家卫生间"
    assert page.caller.text() == "张先生"
    assert office.nightlog.pending() == []
    # Corrected, it goes through and the reason disappears.
    page.phone.clear()
    type_into(qtbot, page.phone, "021-12345678")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert not label.isVisible()
    assert office.nightlog.pending()[0].phone == "021-12345678"


def test_empty_content_and_bad_room_refused(qtbot, office, page):
    fill(qtbot, page, room="楼下", content="")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.errors.label_for("内容").text() == "必须填写"
    assert page.errors.label_for("房号").text() == "房号格式应为 楼栋-单元-房号,例如 3-2-501"
    assert page.room.text() == "楼下"


def test_future_time_refused(qtbot, office, page, clock):
    fill(qtbot, page)
    page.when.setDateTime(page.when.dateTime().addSecs(3600))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.errors.label_for("时间").text() == "不能晚于现在"
    assert office.nightlog.pending() == []


def test_pending_list_oldest_first_with_last_night_highlighted(qtbot, office, page):
    office.nightlog.add("停车场道闸抬不起来", caller="李女士", at=NIGHT + dt.timedelta(hours=2))
    office.nightlog.add("电梯困人,已救出", room="5-1-1203", at=NIGHT)
    fill(qtbot, page)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)  # 09:30 today
    assert page.pending.rowCount() == 3
    assert page.pending_title.text() == "待转为案件(3 条)"
    assert [page.pending.item(r, 0).text() for r in range(3)] == ["09-27 23:40", "09-28 01:40", "09-28 09:30"]
    assert page.pending.item(0, 3).text() == "5-1-1203"
    assert page.pending.item(2, 4).text() == "楼上漏水到我家卫生间"
    assert [page.pending_row_stale(r) for r in range(3)] == [True, True, False]


def test_convert_emits_the_entry_id(qtbot, office, page):
    entry = office.nightlog.add("电梯困人,已救出", room="5-1-1203", at=NIGHT)
    page.refresh()
    button = page.convert_button(0)
    assert button.text() == "转为案件"
    with qtbot.waitSignal(page.convert_requested) as requested:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert requested.args == [entry.id]


def test_converted_entries_listed_with_their_case_number(qtbot, office, admin, page):
    entry = office.nightlog.add("电梯困人,已救出", room="5-1-1203", at=NIGHT)
    inp: CaseInput = office.nightlog.as_input(entry)
    inp.kind = "报修"
    case = office.nightlog.convert(entry, inp, admin)
    page.refresh()
    assert page.pending.rowCount() == 0
    assert page.done.rowCount() == 1
    assert page.done.item(0, 4).text() == case.number


def test_night_duty_sees_callers_phones_masked_the_clerk_in_full(qtbot, office, page):
    """Night duty takes calls but may not read owners' phones: the list of calls to convert
    shows them masked to night duty, in full to the front desk who calls back (issue 13)."""
    fill(qtbot, page)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.pending.item(0, 2).text() == "13812345678"  # the administrator
    night = office.staff.save_staff("郑萍", "night_duty", username="yeban", password="secret1")
    night_page = NightLogPage(office.nightlog, night)
    qtbot.addWidget(night_page)
    night_page.refresh()
    assert night_page.pending.item(0, 2).text() == "138****5678"
