"""The windows of H23's visit rules, driven through their widgets: the 社区活动 tab of the
visit planner (a new activity with its rooms, the draw), the leak test and contract dates in
the case detail, the steward rounds in the batch tab, and the dashboard's line."""

import datetime as dt
import random

import pytest
from PySide6.QtCore import QDate

from app.dashboard import dashboard
from app.models import Case, Owner, Room, Visit
from app.visits import VisitResult
from ui.case_detail.dialog import CaseDetailDialog
from ui.dashboard.page import DashboardPage
from ui.visit_planner.page import VisitPlannerPage
from ui.widgets import ErrorLabel


def show_visits_tab(detail) -> None:
    tabs = detail.tabs
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == "回访"))


def error_texts(dialog) -> str:
    """Every refusal the dialog shows, beside its fields or on its general line."""
    return " ".join(label.text() for label in dialog.findChildren(ErrorLabel) if label.text())


@pytest.fixture
def steward(office):
    return office.staff.save_staff("赵物管", "steward", buildings="5")


@pytest.fixture
def culture(office):
    return office.staff.save_staff("孙文员", "culture_clerk")


@pytest.fixture
def rooms(office):
    return [Room.create(building="5", unit="1", number=str(101 + i)) for i in range(12)]


@pytest.fixture
def page(qtbot, office, culture, steward, clock, rooms):
    office.visits.activities.random = random.Random(3)
    p = VisitPlannerPage(office.visits, office.staff, culture, clock)
    qtbot.addWidget(p)
    p.resize(1280, 720)
    p.show()
    return p


def test_a_new_activity_with_its_rooms_and_the_draw(qtbot, page, office, rooms):
    tab = page.activity_tab
    page.tabs.setCurrentWidget(tab)
    dialog = tab.new_activity()
    dialog.title.setText("中秋游园会")
    dialog.held_on.setDate(QDate(2026, 9, 26))
    dialog.ok_button.click()  # no rooms yet: refused under the rooms, nothing written
    assert dialog.isVisible() and "请选择参与活动" in error_texts(dialog)
    qtbot.keyClicks(dialog.picker, "5-1-101")
    dialog.add_room_button.click()
    dialog.picker.setText("9-9-999")  # no such room
    dialog.add_room_button.click()
    dialog.ok_button.click()
    assert dialog.isVisible() and "没有这些房号:9-9-999" in error_texts(dialog)
    assert office.visits.activities.activities() == []
    dialog.rooms.setCurrentRow(1)
    dialog.rooms.item(1).setSelected(True)
    dialog.remove_button.click()
    dialog.building.setCurrentIndex(dialog.building.findData("5"))
    dialog.add_building_button.click()
    assert dialog.rooms.count() == 12  # 5-1-101 once
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button.click()
    assert tab.table.rowCount() == 1 and tab.table.item(0, 5).text() == "未抽取"
    assert tab.rooms_table.rowCount() == 12
    assert tab.plan_button.isEnabled()
    tab.plan_button.click()
    assert tab.table.item(0, 5).text() == "2"  # 10% of 12, rounded up
    assert tab.table.item(0, 7).text() == "2026-10-26"
    chosen = [
        tab.rooms_table.item(r, 2).text() for r in range(12) if tab.rooms_table.item(r, 1).text() == "抽中"
    ]
    assert len(chosen) == 2 and all("随机抽中" in t for t in chosen)
    assert not tab.plan_button.isEnabled()  # drawn once
    assert "已抽取 2 户回访" in page.banner.text()
    assert Visit.select().where(Visit.purpose == "活动回访").count() == 2


def test_a_steward_cannot_enter_activities(qtbot, office, steward, clock):
    p = VisitPlannerPage(office.visits, office.staff, steward, clock)
    qtbot.addWidget(p)
    assert not p.activity_tab.new_button.isEnabled()


@pytest.fixture
def planner(qtbot, office, admin, steward, clock, rooms):
    p = VisitPlannerPage(office.visits, office.staff, admin, clock)
    qtbot.addWidget(p)
    p.resize(1280, 720)
    p.show()
    return p


def test_the_batch_tab_lists_and_plans_the_steward_rounds(qtbot, planner, office, rooms):
    page = planner
    tab = page.batch_tab
    page.tabs.setCurrentWidget(tab)
    assert tab.rounds_table.rowCount() == 1
    assert [tab.rounds_table.item(0, c).text() for c in range(7)] == [
        "赵物管",
        "5",
        "12",
        "0",
        "0",
        "12",
        "未完成",
    ]
    assert "2026-09-30" in tab.rounds_note.text()
    tab.rounds_table.selectRow(0)
    tab.round_button.click()
    assert [tab.rounds_table.item(0, c).text() for c in (3, 4, 5)] == ["0", "12", "0"]
    assert "已为赵物管安排 12 户季度巡访" in page.banner.text()


def test_move_in_visits_are_planned_from_the_move_in_day(qtbot, planner, office, rooms, admin):
    Owner.create(room=rooms[0], name="新业主", move_in=dt.date(2026, 9, 24))
    tab = planner.batch_tab
    tab.purpose.setCurrentIndex(tab.purpose.findData("入伙回访"))
    assert not tab.due.isEnabled()
    tab.preview_button.click()
    assert "入伙日期后一周内" in tab.preview_label.text()
    tab.plan_button.click()
    assert Visit.get(Visit.purpose == "入伙回访").due == dt.date(2026, 10, 1)


def test_the_leak_test_date_in_the_case_detail(qtbot, office, admin, make_case, steward, clock):
    policy = office.policies.load()
    policy.visits.rules["报修"].rate = 1.0
    office.policies.save(policy)
    case = make_case(category="漏水/渗漏", account="卫生间渗漏到楼下", room="5-1-101")
    office.cases.resolve(case, "已修复", admin)
    d = CaseDetailDialog(case.id, office.cases, office.staff, admin, visit_dates=office.visits.dates)
    qtbot.addWidget(d)
    d.show()
    show_visits_tab(d)
    box = d.visit_dates_box
    assert box is not None and box.isVisible()
    assert "待闭水试验" in box.dates_label.text() and "闭水试验后3天内" in box.rule_label.text()
    assert box.leak_button.isVisible() and not box.contract_button.isVisible()
    box.leak_button.click()
    dialog = box.dialog
    dialog.day.setDate(QDate(2026, 9, 27))
    dialog.ok_button.click()  # before the case was received: refused in words, kept open
    assert dialog.isVisible() and "不能早于受理日期 2026-09-28" in error_texts(dialog)
    dialog.day.setDate(QDate(2026, 9, 28))
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button.click()
    assert "2026-09-28" in box.dates_label.text() and "待闭水试验" not in box.dates_label.text()
    assert Visit.get(Visit.case == case).due == dt.date(
        2026, 10, 1
    )  # 办结 09-28 09:30, after the test: + 3 days
    assert d.visit_table.rowCount() == 1


def test_contract_dates_refused_in_words_then_recorded(qtbot, office, admin, make_case, steward):
    policy = office.policies.load()
    policy.visits.rules["特约服务"].rate = 1.0
    office.policies.save(policy)
    case = make_case(kind="特约服务", category="其他", account="家政保洁三个月", room="5-1-102")
    office.cases.resolve(case, "已安排", admin)
    d = CaseDetailDialog(case.id, office.cases, office.staff, admin, visit_dates=office.visits.dates)
    qtbot.addWidget(d)
    d.show()
    show_visits_tab(d)
    box = d.visit_dates_box
    assert "待录入合同日期" in box.dates_label.text() and box.contract_button.isVisible()
    box.contract_button.click()
    dialog = box.dialog
    dialog.start.setDate(QDate(2026, 10, 1))
    dialog.end.setDate(QDate(2026, 9, 1))
    dialog.ok_button.click()
    assert dialog.isVisible() and "不能早于合同开始日期" in error_texts(dialog)
    dialog.end.setDate(QDate(2026, 12, 31))
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button.click()
    assert "2026-10-01 至 2026-12-31" in box.dates_label.text()
    assert d.visit_table.rowCount() == 2


def test_the_dashboard_names_what_waits(qtbot, office, admin, make_case, steward, clock, rooms):
    policy = office.policies.load()
    policy.visits.rules["报修"].rate = 1.0
    office.policies.save(policy)
    leak = make_case(category="漏水/渗漏", account="厨房渗漏", room="5-1-103")
    office.cases.resolve(leak, "已修复", admin)
    Owner.create(room=rooms[1], name="吴", move_in=dt.date(2026, 9, 10))
    page = DashboardPage(lambda: dashboard(office, clock.now().date()))
    qtbot.addWidget(page)
    page.show()
    text = page.visit_rules_notice.text()
    assert Case.get_by_id(leak.id).number in text and "未登记闭水试验日期" in text
    assert "5-1-102(09-10)" in text  # moved in 09-10, not visited by 09-17
    assert "季度巡访未完成,2026-09-30 前" in text and "赵物管(已访 0/12 户)" in text
    v = office.visits.plan_batch("入伙回访", [rooms[1]], dt.date(2026, 9, 17), "steward", "", admin)[0]
    office.visits.complete(v, VisitResult(method="电话", satisfaction="满意", findings="好"), admin)
    page.refresh()
    assert "入伙" not in page.visit_rules_notice.text()
    assert page.visit_rules_notice.isVisible()  # the leak and the round still wait


def test_contract_dates_at_intake_for_a_special_service(qtbot, office, admin, steward):
    from tests.helpers.qt_input import type_text
    from ui.intake import IntakeForm

    form = IntakeForm(office.cases, office.owners, office.drafts, office.staff, office.nightlog, admin)
    qtbot.addWidget(form)
    form.resize(1366, 768)
    form.show()
    assert not form.contract_known.isEnabled()  # a complaint has no contract
    type_text(qtbot, form.room, "5-1-101")
    type_text(qtbot, form.name, "张伟")
    form.kind.setCurrentIndex(form.kind.findText("特约服务"))
    form.category.setCurrentIndex(form.category.findText("其他"))
    type_text(qtbot, form.account, "家政保洁,每周一次,三个月")
    assert form.contract_known.isEnabled() and not form.contract_start.isEnabled()
    form.contract_known.setChecked(True)
    form.contract_start.setDate(QDate(2026, 10, 1))
    form.contract_end.setDate(QDate(2026, 9, 1))
    assert form.save() is None  # refused beside the field, nothing saved, nothing lost
    assert "不能早于合同开始日期 2026-10-01" in error_texts(form)
    assert Case.select().count() == 0 and form.account.toPlainText() == "家政保洁,每周一次,三个月"
    form.contract_end.setDate(QDate(2026, 12, 31))
    case = form.save()
    assert case is not None
    stored = Case.get_by_id(case.id)
    assert (stored.contract_start, stored.contract_end) == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert not form.contract_known.isChecked()  # cleared for the next call


def test_the_sub_rule_editor_chooses_by_sub_category_with_a_rate(qtbot, office):
    from PySide6.QtWidgets import QDialogButtonBox

    from app.visit_policy import rule_for
    from ui.visit_policy_page import VisitPolicyDialog

    d = VisitPolicyDialog(office.policies)
    qtbot.addWidget(d)
    d.show()
    e = d.editor
    e.select_kind("求助")
    assert [e.sub_table.item(0, c).text() for c in range(5)] == ["急救病人", "", "急救病人", "7", "100"]
    assert "关键词" not in " ".join(e.sub_table.horizontalHeaderItem(c).text() for c in range(6))
    e.add_sub_rule()
    row = e.sub_table.rowCount() - 1
    e.sub_table.item(row, 0).setText("走失老人")
    e.sub_table.item(row, 3).setText("2")
    e.sub_table.item(row, 4).setText("150")
    d.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert d.isVisible()  # refused: no category nor sub-category, a rate over 100
    assert "求助·走失老人类别" in d.banner.text() and "求助·走失老人回访率" in d.banner.text()
    e.sub_table.item(row, 2).setText("走失老人")
    e.sub_table.item(row, 4).setText("50")
    with qtbot.waitSignal(d.accepted):
        d.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    rule = rule_for(office.policies.load(), "求助", "轻微", "其他", "走失老人")
    assert (rule.sub_rule, rule.days, rule.rate, rule.after) == ("走失老人", 2, 0.5, "resolved")
