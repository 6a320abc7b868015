"""回访制度 editor and 回访计划 page: driven as the planner would, checked in the database."""

import datetime as dt
import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app import domain
from app.models import Owner, Room, Visit, VisitDecision
from app.visit_policy import rule_for
from tests.helpers.qt_input import type_text
from ui import palette
from ui.visit_planner.page import VisitPlannerPage
from ui.visit_planner.parts import quarters_up_to
from ui.visit_policy_page import VisitPolicyDialog, VisitPolicyEditor, split_list

# The offscreen platform says so whenever a window is shown; it is not a problem of ours.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def resolved(office, admin, **fields):
    values = dict(kind="投诉", category="服务态度", account="保安态度不好")
    values.update(fields)
    case = office.cases.create(_input(values), admin)
    office.cases.resolve(case, "已处理", admin)
    return case


def _input(values):
    from app.cases import CaseInput

    base = dict(room="3-2-501", customer_name="张伟", customer_phone="13812345678")
    base.update(values)
    return CaseInput(**base)


# 回访制度 ---------------------------------------------------------------------------------


@pytest.fixture
def editor(qtbot, office):
    e = VisitPolicyEditor()
    qtbot.addWidget(e)
    e.load(office.policies.load())
    return e


@pytest.fixture
def dialog(qtbot, office):
    d = VisitPolicyDialog(office.policies)
    qtbot.addWidget(d)
    d.show()
    return d


def test_load_then_apply_changes_nothing(office, editor):
    policy = office.policies.load()
    before = policy.to_dict()
    editor.apply(policy)
    assert policy.to_dict() == before


def test_editor_shows_the_rules(editor):
    assert editor.days["投诉"].value() == 3
    assert editor.rates["报修"].value() == 30
    assert editor.roles["投诉"]["重要"].currentText() == "客服主任"
    assert editor.roles["投诉"]["重大"].currentText() == "管理处经理"
    assert editor.methods["建议"].methods() == domain.VISIT_METHODS
    assert not editor.signature["咨询"].isChecked()
    editor.select_kind("报修")
    assert editor.sub_title.text() == "报修的细则"
    names = [editor.sub_table.item(r, 0).text() for r in range(editor.sub_table.rowCount())]
    assert names == ["安全设施", "漏水/渗漏"]
    assert editor.sub_table.item(1, 1).text() == "漏水/渗漏"  # by category, no keywords (H23)
    assert editor.sub_table.cellWidget(1, editor.SUB_COL_AFTER).currentData() == "leak_test"


def test_repair_rate_saved_through_the_dialog(qtbot, office, dialog):
    spin = dialog.editor.rates["报修"]
    spin.selectAll()
    qtbot.keyClicks(spin, "50")
    assert spin.value() == 50
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    policy = office.policies.load()
    assert policy.visits.rules["报修"].rate == 0.5
    assert rule_for(policy, "报修", "轻微", "设施设备维护", "门锁坏了").rate == 0.5


def test_rate_above_100_cannot_be_typed(qtbot, editor):
    spin = editor.rates["投诉"]
    spin.selectAll()
    qtbot.keyClicks(spin, "150")
    assert spin.value() <= 100


def test_refused_rules_keep_the_dialog_open_with_the_reason(qtbot, office, dialog):
    for box in dialog.editor.methods["报修"].boxes.values():
        if box.isChecked():
            qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert dialog.editor.methods["报修"].methods() == []
    dialog.editor.days["投诉"].setValue(5)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible() and dialog.result() == 0
    assert "报修回访方式" in dialog.banner.text()
    assert dialog.editor.table.currentRow() == domain.KINDS.index("报修")
    assert dialog.editor.days["投诉"].value() == 5  # what was typed stays
    assert office.policies.load().visits.rules["投诉"].days == 3  # nothing stored


def test_sub_rule_days_that_are_not_a_number_are_refused(qtbot, office, dialog):
    dialog.editor.select_kind("报修")
    dialog.editor.sub_table.item(0, 3).setText("两天")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible()
    assert "报修·安全设施天数" in dialog.banner.text()


def test_sub_rules_edited_per_kind(qtbot, office, admin, dialog):
    e = dialog.editor
    e.select_kind("报修")
    e.add_sub_rule()
    row = e.sub_table.rowCount() - 1
    e.sub_table.item(row, 0).setText("电梯")
    e.sub_table.item(row, 1).setText("电梯困人,电梯故障")
    e.sub_table.item(row, 2).setText("电梯")
    e.sub_table.item(row, 3).setText("1")
    e.select_kind("投诉")  # the sub-rules of 报修 are kept while another kind is shown
    assert e.sub_table.rowCount() == 0
    e.select_kind("报修")
    assert e.sub_table.rowCount() == 3
    e.sub_table.setCurrentCell(0, 0)
    e.remove_sub_rule()
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    subs = office.policies.load().visits.rules["报修"].sub_rules
    assert [s.name for s in subs] == ["漏水/渗漏", "电梯"]
    assert subs[1].categories == ["电梯困人", "电梯故障"] and subs[1].days == 1
    rule = rule_for(office.policies.load(), "报修", "轻微", "设施设备维护", "电梯")  # its sub-category
    assert (rule.days, rule.sub_rule) == (1, "电梯")


def test_a_preset_applies_after_confirmation(qtbot, office, editor):
    name = "维修全部回访(客服手册)"
    editor.preset.setCurrentText(name)
    editor.apply_preset_button.click()
    box = editor.confirm_box
    assert box is not None and name in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert editor.rates["报修"].value() == 30  # refused: nothing changed
    editor.apply_preset_button.click()
    editor.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    assert editor.rates["报修"].value() == 100
    policy = office.policies.load()
    editor.apply(policy)
    office.policies.save(policy)
    stored = office.policies.load().visits
    assert stored.preset == name and stored.rules["报修"].rate == 1.0


def test_split_list_accepts_the_usual_separators():
    assert split_list("漏水、渗漏,滴水;  返潮 ") == ["漏水", "渗漏", "滴水", "返潮"]


# 回访计划 ---------------------------------------------------------------------------------


@pytest.fixture
def steward(office):
    return office.staff.save_staff("赵物管", "steward", buildings="3,5")


@pytest.fixture
def page(qtbot, office, admin, clock, steward):
    office.visits.random = random.Random(7)
    p = VisitPlannerPage(office.visits, office.staff, admin, clock)
    qtbot.addWidget(p)
    p.resize(1280, 720)
    p.show()
    return p


def open_rows(page):
    t = page.open_tab.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def select_rows(page, case_numbers):
    t = page.open_tab.table
    ids = [
        t.item(r, 0).data(Qt.ItemDataRole.UserRole)
        for r in range(t.rowCount())
        if t.item(r, 2).text() in case_numbers
    ]
    page.open_tab.select_ids(ids)
    assert len(page.open_tab.selected_ids()) == len(case_numbers)


def test_open_visits_listed_and_overdue_after_the_clock_moves(office, admin, page, clock):
    case = resolved(office, admin)
    page.refresh()
    [row] = open_rows(page)
    assert row[2] == case.number and row[3] == "3-2-501" and row[4] == "投诉·轻微"
    assert row[1] == "还有 3 天" and row[5] == "物管员" and row[6] == "赵物管" and row[7] == "第1次"
    assert "办结后3天内" in row[8]
    clock.advance(days=5)
    page.refresh()
    [row] = open_rows(page)
    assert row[1] == "逾期 2 天"
    assert page.open_tab.table.item(0, 1).background().color().name() == palette.OVERDUE_BG
    assert "逾期 1 条" in page.open_tab.summary.text()


def test_double_click_opens_the_visit_or_the_case(qtbot, office, admin, page):
    case = resolved(office, admin)
    page.refresh()
    visit = Visit.get(Visit.case == case)
    t = page.open_tab.table
    with qtbot.waitSignal(page.visit_activated) as blocker:
        t.itemDoubleClicked.emit(t.item(0, 0))
    assert blocker.args == [visit.id]
    with qtbot.waitSignal(page.case_activated) as blocker:
        t.itemDoubleClicked.emit(t.item(0, 2))
    assert blocker.args == [case.id]


def test_assign_a_visitor(office, admin, page):
    director = office.staff.save_staff("钱主任", "cs_director")
    case = resolved(office, admin)
    page.refresh()
    select_rows(page, [case.number])
    tab = page.open_tab
    tab.visitor.setCurrentIndex(tab.visitor.findData(director.id))
    tab.assign_button.click()
    assert Visit.get(Visit.case == case).visitor_name == "钱主任"
    assert open_rows(page)[0][6] == "钱主任"


def test_drop_needs_a_reason(qtbot, office, admin, page):
    case = resolved(office, admin)
    page.refresh()
    select_rows(page, [case.number])
    page.open_tab.drop_button.click()
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.ok_button.click()
    assert dialog.isVisible() and "取消回访须写明原因" in dialog.reason_error.text()
    assert Visit.get(Visit.case == case).state == domain.VISIT_PLANNED
    type_text(qtbot, dialog.reason, "业主已搬离")
    dialog.ok_button.click()
    assert not dialog.isVisible() and page.dialog is None
    visit = Visit.get(Visit.case == case)
    assert visit.state == domain.VISIT_CANCELLED and "业主已搬离" in visit.opinion
    assert open_rows(page) == []
    assert "已取消 1 条" in page.banner.text()


def test_open_letter_closes_the_selected_visits(qtbot, office, admin, page):
    a = resolved(office, admin, room="3-1-101", account="3栋电梯停运")
    b = resolved(office, admin, room="3-1-202", account="3栋电梯停运两天")
    c = resolved(office, admin, room="5-1-101")
    page.refresh()
    select_rows(page, [a.number, b.number])
    page.open_tab.letter_button.click()
    dialog = page.dialog
    dialog.ok_button.click()
    assert dialog.isVisible() and "必须填写" in dialog.title_error.text()
    type_text(qtbot, dialog.title, "关于3栋电梯停运的说明")
    type_text(qtbot, dialog.text, "致各位业主:电梯已于周五修复……")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    for case in (a, b):
        visit = Visit.get(Visit.case == case)
        assert visit.state == domain.VISIT_DONE and visit.letter.title == "关于3栋电梯停运的说明"
    assert [r[2] for r in open_rows(page)] == [c.number]


def sample_rows(page):
    t = page.sample_tab.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def test_sample_tab_shows_decisions_totals_and_adds_by_hand(qtbot, office, admin, page):
    cases = [
        resolved(
            office, admin, kind="报修", category="设施设备维护", account=f"门锁坏了{i}", room=f"3-1-{101 + i}"
        )
        for i in range(7)
    ]
    page.refresh()
    tab = page.sample_tab
    assert tab.quarter.currentText() == "2026-Q3" and tab.current_kind() == "报修"
    rows = sample_rows(page)
    assert [r[0] for r in rows] == [c.number for c in cases]
    chosen = sum(r[3] == "是" for r in rows)
    assert chosen >= 3  # at least 30% of 7
    assert all(r[4] == "系统" and r[5] == "系统" and r[8] and not r[7] for r in rows)  # 替换: none
    assert (
        tab.totals.text() == f"可回访的办结 7 件,抽中 {chosen} 件,回访率 {chosen / 7:.0%},目标 30%(须 3 件)"
    )
    not_chosen = next(i for i, r in enumerate(rows) if r[3] == "否")
    tab.table.selectRow(next(i for i, r in enumerate(rows) if r[3] == "是"))
    assert not tab.add_button.isEnabled()  # a chosen case is visited already
    tab.table.selectRow(not_chosen)
    assert tab.add_button.isEnabled()
    tab.add_button.click()
    dialog = page.dialog
    dialog.ok_button.click()
    assert dialog.isVisible() and "手工加入回访须写明原因" in dialog.reason_error.text()
    type_text(qtbot, dialog.reason, "业主多次反映门锁质量")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    case = cases[not_chosen]
    decision = VisitDecision.get(VisitDecision.case == case)
    assert decision.selected and decision.by_hand and "业主多次反映门锁质量" in decision.reason
    assert Visit.get(Visit.case == case).state == domain.VISIT_PLANNED
    row = sample_rows(page)[not_chosen]
    assert (row[3], row[4], row[5]) == ("是", "手工", "王管理")
    assert f"抽中 {chosen + 1} 件" in tab.totals.text()
    assert case.number in [r[2] for r in open_rows(page)]


def test_sample_tab_other_quarter_and_kind(office, admin, page):
    resolved(office, admin)
    page.sample_tab.set_quarter("2026-Q2", "报修")
    assert sample_rows(page) == []
    assert "没有办结的报修案件" in page.sample_tab.totals.text()
    page.sample_tab.set_quarter("2026-Q3", "投诉")
    assert len(sample_rows(page)) == 1
    assert page.sample_tab.totals.text() == "可回访的办结 1 件,抽中 1 件,回访率 100%,目标 100%(须 1 件)"


def test_quarters_listed_newest_first():
    assert quarters_up_to(dt.date(2026, 2, 1), 3) == ["2026-Q1", "2025-Q4", "2025-Q3"]


def make_rooms(building, count, first=101):
    return [Room.create(building=building, unit="1", number=f"{first + i}") for i in range(count)]


def test_batch_plan_for_a_building(office, admin, page, steward):
    make_rooms("3", 4)
    make_rooms("7", 2)
    page.refresh()
    tab = page.batch_tab
    tab.purpose.setCurrentIndex(tab.purpose.findText("季度巡访"))
    assert tab.by_buildings.isChecked() and tab.role.currentData() == "steward"
    assert not tab.plan_button.isEnabled()
    tab.check_buildings(["3"])
    tab.preview_button.click()
    assert "将为 4 户" in tab.preview_label.text()
    assert "3-1-101" in tab.preview_list.toPlainText() and "7-1-101" not in tab.preview_list.toPlainText()
    tab.reason.setText("第四季度巡访")
    tab.plan_button.click()
    visits = list(Visit.select().where(Visit.purpose == "季度巡访"))
    assert len(visits) == 4 and all(v.visitor_name == "赵物管" for v in visits)
    assert all(v.due == dt.date(2026, 10, 28) and v.reason == "季度巡访:第四季度巡访" for v in visits)
    assert "已安排 4 户" in page.banner.text()
    assert sum(r[2] == "季度巡访" for r in open_rows(page)) == 4
    # Again with both buildings: building 3 is planned already and skipped.
    tab.check_buildings(["3", "7"])
    tab.preview_button.click()
    tab.plan_button.click()
    assert "已安排 2 户" in page.banner.text() and "4 户已有同类待回访计划,跳过" in page.banner.text()


def test_batch_needs_a_building(page):
    tab = page.batch_tab
    tab.purpose.setCurrentIndex(tab.purpose.findText("节日回访"))
    tab.preview_button.click()
    assert "请至少勾选一栋楼" in tab.form_error.text()
    assert not tab.plan_button.isEnabled()


def test_yearly_visit_samples_households(office, page):
    make_rooms("5", 10)
    page.refresh()
    tab = page.batch_tab
    tab.purpose.setCurrentIndex(tab.purpose.findText("年度走访"))
    assert tab.sample.isChecked() and tab.role.currentData() == "cs_director"
    tab.sample_size.setValue(3)
    tab.check_buildings(["5"])
    tab.preview_button.click()
    assert "将为 3 户" in tab.preview_label.text()
    tab.plan_button.click()
    assert Visit.select().where(Visit.purpose == "年度走访").count() == 3


def test_move_in_visits(office, page, clock):
    [room] = make_rooms("6", 1)
    Owner.create(room=room, name="新业主", move_in=clock.now().date() - dt.timedelta(days=3))
    [old_room] = make_rooms("6", 1, first=201)
    Owner.create(room=old_room, name="老业主", move_in=dt.date(2020, 1, 1))
    tab = page.batch_tab
    tab.purpose.setCurrentIndex(tab.purpose.findText("入伙回访"))
    assert tab.by_move_in.isChecked()
    tab.preview_button.click()
    assert "将为 1 户" in tab.preview_label.text() and tab.preview_list.toPlainText() == "6-1-101"
    tab.plan_button.click()
    assert Visit.get(Visit.purpose == "入伙回访").room_id == room.id
    tab.preview_button.click()  # planned once: no longer offered
    assert "没有符合条件的住户" in tab.preview_label.text()


def test_service_lists_buildings_in_natural_order(office):
    for b in ("10", "2", "A座", "1"):
        Room.create(building=b, unit="", number="101")
    assert office.visits.buildings() == ["1", "2", "10", "A座"]
