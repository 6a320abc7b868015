"""Cases that need no visit (issue 14): a complaint whose owner asked only for a written reply
(只要求书面答复) gets the reply letter instead, and an anonymous one has nobody to visit. The
sampler never draws them; the planner may not add them by hand either: the service refuses
in words, and the visit planner's 抽样 tab greys 手工加入回访 with the reason."""

import random

import pytest

from app import domain
from app.cases import CaseInput
from app.errors import UserError
from app.models import Visit, VisitDecision
from app.visit_exemptions import ANONYMOUS, WRITTEN_REPLY, exemption_kind, visit_exemption
from ui.visit_planner.page import VisitPlannerPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _complaint(office, admin, room="3-2-501", **fields):
    values = dict(
        kind="投诉",
        category="服务态度",
        account="保安态度不好",
        room=room,
        customer_name="张伟",
        customer_phone="13812345678",
    )
    values.update(fields)
    if values.get("anonymous"):
        values.update(room="", customer_name="", customer_phone="")
    case = office.cases.create(CaseInput(**values), admin)
    return case


def _resolved(office, admin, **fields):
    case = _complaint(office, admin, **fields)
    office.cases.resolve(case, "已向业主书面说明", admin)
    return case


def test_the_rule_in_words(office, admin):
    plain = _complaint(office, admin)
    written = _complaint(office, admin, room="3-2-502", written_reply_only=True)
    anonymous = _complaint(office, admin, anonymous=True)
    assert exemption_kind(plain) == "" and visit_exemption(plain) == ""
    assert exemption_kind(written) == WRITTEN_REPLY
    assert visit_exemption(written) == (
        f"{written.number} 的业主只要求书面答复,不回访,不能加入回访;请把复函附于案件(案件窗口“附上复函”)。"
    )
    assert exemption_kind(anonymous) == ANONYMOUS
    assert "匿名案件" in visit_exemption(anonymous) and anonymous.number in visit_exemption(anonymous)


def test_add_by_hand_refuses_written_reply_and_anonymous_cases(office, admin):
    written = _resolved(office, admin, written_reply_only=True)
    anonymous = _resolved(office, admin, anonymous=True)
    for case in (written, anonymous):
        decision = VisitDecision.get(VisitDecision.case == case)
        assert not decision.selected  # the sampler left it out, with its reason
        with pytest.raises(UserError) as err:
            office.visits.add_by_hand(case, "领导交办,回访确认", admin)
        assert str(err.value) == visit_exemption(case)
        # Nothing was written: no visit, the decision as it was.
        assert not Visit.select().where(Visit.case == case).exists()
        again = VisitDecision.get(VisitDecision.case == case)
        assert (again.selected, again.by_hand, again.reason) == (False, False, decision.reason)
    # Unmarked while open (the owner changed their mind), the complaint is visited as usual.
    changed = _complaint(office, admin, room="3-2-503", written_reply_only=True)
    office.cases.set_written_reply_only(changed, False, admin)
    office.cases.resolve(changed, "已处理", admin)
    assert Visit.get(Visit.case == changed).state == domain.VISIT_PLANNED


def test_the_planner_window_greys_the_action_with_the_reason(qtbot, office, admin, clock):
    visited = _resolved(office, admin)
    written = _resolved(office, admin, room="3-2-502", written_reply_only=True)
    anonymous = _resolved(office, admin, anonymous=True)
    office.visits.random = random.Random(7)
    page = VisitPlannerPage(office.visits, office.staff, admin, clock)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    tab = page.sample_tab
    page.tabs.setCurrentWidget(tab)  # 抽样, as the planner opens it
    tab.set_quarter("2026-Q3", "投诉")
    table = tab.table
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    assert set(rows) == {visited.number, written.number, anonymous.number}

    table.selectRow(rows[written.number])
    assert not tab.add_button.isEnabled()
    assert tab.exempt_note.isVisible()
    assert tab.exempt_note.text() == "业主只要求书面答复,不回访:请在案件窗口附上复函。"
    assert tab.add_button.toolTip() == tab.exempt_note.text()

    table.selectRow(rows[anonymous.number])
    assert not tab.add_button.isEnabled()
    assert tab.exempt_note.text() == "匿名案件没有可回访的业主,不能加入回访。"

    table.selectRow(rows[visited.number])  # chosen already: greyed, but for no exemption
    assert not tab.add_button.isEnabled() and not tab.exempt_note.isVisible()
    # Clicking the greyed button does nothing: no dialog, no visit.
    table.selectRow(rows[written.number])
    tab.add_button.click()
    assert not Visit.select().where(Visit.case == written).exists()
