"""The visit record and the follow-up page, driven as a clerk would: type, tick, click, read."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QPlainTextEdit, QRadioButton

from app import domain
from app.models import ReworkNotice, Visit, VisitTask
from app.visits import VisitResult
from tests.helpers.qt_input import type_text
from ui.visit_record.dialog import VisitRecordDialog
from ui.visit_record.signature import SignatureSection
from ui.visit_tasks import FollowUpPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def planned_visit(office, admin, make_case, **fields) -> Visit:
    values = dict(kind="投诉", category="服务态度", account="保安态度恶劣")
    values.update(fields)
    case = make_case(**values)
    office.cases.resolve(case, "已向保安部通报,当事人道歉", admin)
    return Visit.get(Visit.case == case)


@pytest.fixture
def open_dialog(qtbot, office, admin):
    def make(visit: Visit) -> VisitRecordDialog:
        d = VisitRecordDialog(visit.id, office.visits, office.staff, admin)
        qtbot.addWidget(d)
        d.show()
        qtbot.waitExposed(d)
        return d

    return make


def fill(
    qtbot,
    d: VisitRecordDialog,
    method: str = "电话",
    satisfaction: str | None = "满意",
    findings="保安已道歉",
):
    d.result_form.method_buttons[method].click()
    if satisfaction:
        d.result_form.satisfaction_buttons[satisfaction].click()
    type_text(qtbot, d.result_form.findings, findings)


def test_complete_a_phone_visit(qtbot, office, admin, make_case, clock, open_dialog):
    visit = planned_visit(office, admin, make_case)
    clock.advance(days=1)
    d = open_dialog(visit)
    assert list(d.result_form.method_buttons) == [
        "上门",
        "电话",
    ]  # only what the policy allows for complaints
    assert "保安态度恶劣" in d.findChild(type(d.banner.label), "投诉内容").text()
    assert "电话回访无需" in d.signature.note.text()
    fill(qtbot, d)
    assert "电话回访" in d.signature.rule_label.text()
    d.result_form.met_relation.setCurrentText("家属")
    type_text(qtbot, d.result_form.opinion, "希望加强培训")
    with qtbot.waitSignal(d.visit_changed) as blocker:
        qtbot.mouseClick(d.complete_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [visit.id]
    assert d.result() == QDialog.DialogCode.Accepted and d.isHidden()
    v = Visit.get_by_id(visit.id)
    assert v.state == domain.VISIT_DONE and v.method == "电话" and v.satisfaction == "满意"
    assert v.findings == "电话回访。保安已道歉" and v.opinion == "希望加强培训"
    assert v.met_person == "家属 张伟" and v.done_at == clock.now()


def test_missing_satisfaction_shows_the_reason_and_keeps_the_text(
    qtbot, office, admin, make_case, clock, open_dialog
):
    visit = planned_visit(office, admin, make_case)
    clock.advance(days=1)
    d = open_dialog(visit)
    fill(qtbot, d, satisfaction=None, findings="业主说已经好了")
    type_text(qtbot, d.result_form.shortcomings, "来得慢")
    qtbot.mouseClick(d.complete_button, Qt.MouseButton.LeftButton)
    assert d.field_errors["满意度"].isVisible()
    assert "满意度" in d.field_errors["满意度"].text()
    assert (
        d.result_form.findings.toPlainText() == "业主说已经好了"
        and d.result_form.shortcomings.toPlainText() == "来得慢"
    )
    assert d.banner.isVisible() and "1 处" in d.banner.text()
    assert Visit.get_by_id(visit.id).state == domain.VISIT_PLANNED
    d.result_form.satisfaction_buttons["很满意"].click()
    qtbot.mouseClick(d.complete_button, Qt.MouseButton.LeftButton)
    assert Visit.get_by_id(visit.id).satisfaction == "很满意"


def test_door_visit_needs_the_signature(qtbot, office, admin, make_case, clock, open_dialog):
    visit = planned_visit(office, admin, make_case)
    form = office.forms.issue_for_visit(visit, admin)  # the paper form is a number of the ledger
    clock.advance(days=1)
    d = open_dialog(visit)
    assert isinstance(d.signature, SignatureSection)
    fill(qtbot, d, method="上门")
    assert "上门回访须客户签名" in d.signature.rule_label.text()
    qtbot.mouseClick(d.complete_button, Qt.MouseButton.LeftButton)
    assert d.field_errors["客户签名"].isVisible()
    assert Visit.get_by_id(visit.id).state == domain.VISIT_PLANNED
    d.signature.signed_box.click()
    d.signature.form_no_edit.clear()  # ticking it offered the only usable form; start empty
    qtbot.mouseClick(d.complete_button, Qt.MouseButton.LeftButton)
    assert d.field_errors["表单编号"].isVisible()  # the paper form is known by its number
    type_text(qtbot, d.signature.form_no_edit, form.number.lower())
    qtbot.mouseClick(d.complete_button, Qt.MouseButton.LeftButton)
    v = Visit.get_by_id(visit.id)
    assert v.state == domain.VISIT_DONE and v.method == "上门" and v.form_no == form.number
    assert not v.findings.startswith("电话回访")


def test_a_repair_shows_the_repair_fields(qtbot, office, admin, make_case, clock, open_dialog):
    complaint = open_dialog(planned_visit(office, admin, make_case))
    assert complaint.result_form.repair_fields is None
    visit = planned_visit(office, admin, make_case, kind="报修", category="设施设备维护", account="门锁坏了")
    clock.advance(days=1)
    d = open_dialog(visit)
    assert d.result_form.repair_fields is not None and d.result_form.repair_fields.isVisible()
    fill(qtbot, d, findings="门锁已换新")
    d.result_form.site_checked.setCurrentIndex(d.result_form.site_checked.findData(True))
    d.result_form.charges_checked.setCurrentIndex(d.result_form.charges_checked.findData(True))
    type_text(qtbot, d.result_form.worker_conduct, "准时,清理了现场")
    qtbot.mouseClick(d.complete_button, Qt.MouseButton.LeftButton)
    v = Visit.get_by_id(visit.id)
    assert v.site_checked is True and v.charges_checked is True and v.worker_conduct == "准时,清理了现场"


def test_questions_become_tasks(qtbot, office, admin, make_case, clock, open_dialog):
    visit = planned_visit(office, admin, make_case)
    clock.advance(days=1)
    d = open_dialog(visit)
    fill(qtbot, d)
    row = d.result_form.questions.add_row("车位费何时退")
    d.result_form.questions.table.cellWidget(row, 1).setDate(QDate(2026, 9, 1))  # before the visit
    qtbot.mouseClick(d.complete_button, Qt.MouseButton.LeftButton)
    assert d.field_errors["答复日期"].isVisible()
    d.result_form.questions.table.cellWidget(row, 1).setDate(QDate(2026, 10, 9))
    qtbot.mouseClick(d.complete_button, Qt.MouseButton.LeftButton)
    task = VisitTask.get(VisitTask.visit == visit.id)
    assert task.question == "车位费何时退" and task.promised == dt.date(2026, 10, 9)


def test_unsatisfied_asks_then_sends_back_for_rework(qtbot, office, admin, make_case, clock, open_dialog):
    visit = planned_visit(office, admin, make_case)
    clock.advance(days=1)
    d = open_dialog(visit)
    fill(qtbot, d, satisfaction="不满意", findings="保安没有道歉")
    type_text(qtbot, d.result_form.opinion, "要求当面道歉")
    qtbot.mouseClick(d.complete_button, Qt.MouseButton.LeftButton)
    assert d.confirm_banner.isVisible()
    text = d.confirm_banner.text()
    assert "将退回返工" in text and "24小时内书面通知责任人" in text and "第2次回访" in text
    assert Visit.get_by_id(visit.id).state == domain.VISIT_PLANNED  # nothing saved yet
    with qtbot.waitSignal(d.visit_changed):
        qtbot.mouseClick(d.confirm_button, Qt.MouseButton.LeftButton)
    notice = ReworkNotice.get(ReworkNotice.visit == visit.id)
    assert "要求当面道歉" in notice.text
    assert d.next_visit is not None and d.next_visit.attempt == 2
    assert d.isVisible() and "第2次回访" in d.banner.text()
    assert not d.complete_button.isVisible()  # now read-only
    assert "第2次回访" in d.record.labels["后续回访"].text()
    assert "未送达" in d.record.labels["返工通知"].text()
    # The second visit may be done by phone and says the case is in rework.
    second = open_dialog(d.next_visit)
    assert "电话" in second.result_form.method_buttons and "返工" in second.banner.text()


def test_back_from_the_confirmation_saves_nothing(qtbot, office, admin, make_case, clock, open_dialog):
    visit = planned_visit(office, admin, make_case)
    clock.advance(days=1)
    d = open_dialog(visit)
    fill(qtbot, d, satisfaction="很不满意")
    qtbot.mouseClick(d.complete_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(d.back_button, Qt.MouseButton.LeftButton)
    assert not d.confirm_banner.isVisible()
    assert Visit.get_by_id(visit.id).state == domain.VISIT_PLANNED
    assert not ReworkNotice.select().exists()


def test_call_back_needs_a_time(qtbot, office, admin, make_case, clock, open_dialog):
    visit = planned_visit(office, admin, make_case)
    d = open_dialog(visit)
    d.attempts.outcome_combo.setCurrentText("约定回电")
    d.attempts.call_back_box.setChecked(False)
    type_text(qtbot, d.attempts.note, "业主在开会")
    qtbot.mouseClick(d.attempts.add_button, Qt.MouseButton.LeftButton)
    assert d.attempts.error.isVisible() and "回电时间" in d.attempts.error.text()
    assert d.attempts.note.text() == "业主在开会"
    d.attempts.call_back_box.setChecked(True)
    d.attempts.call_back_edit.setDateTime(d.attempts.call_back_edit.dateTime().addSecs(3600))
    qtbot.mouseClick(d.attempts.add_button, Qt.MouseButton.LeftButton)
    assert not d.attempts.error.isVisible()
    assert d.attempts.table.rowCount() == 1 and d.attempts.table.item(0, 1).text() == "约定回电"
    assert Visit.get_by_id(visit.id).appointment is not None
    assert d.result_form.appointment_box.isChecked()


def test_giving_up_marks_unreachable_and_locks(qtbot, office, admin, make_case, clock, open_dialog):
    visit = planned_visit(office, admin, make_case)
    d = open_dialog(visit)
    d.attempts.outcome_combo.setCurrentText("无人在家")
    qtbot.mouseClick(d.attempts.add_button, Qt.MouseButton.LeftButton)
    d.attempts.outcome_combo.setCurrentText("未接通")
    d.attempts.give_up_box.setChecked(True)
    with qtbot.waitSignal(d.visit_changed):
        qtbot.mouseClick(d.attempts.add_button, Qt.MouseButton.LeftButton)
    assert Visit.get_by_id(visit.id).state == domain.VISIT_UNREACHABLE
    assert "未联系上" in d.banner.text()
    assert not d.complete_button.isVisible()
    assert d.record.labels["结果"].text() == domain.VISIT_UNREACHABLE
    assert d.attempts.table.rowCount() == 2


def test_a_finished_visit_opens_read_only(qtbot, office, admin, make_case, clock, open_dialog):
    visit = planned_visit(office, admin, make_case, kind="报修", category="设施设备维护", account="门锁坏了")
    clock.advance(days=1)
    from app.visits import VisitResult

    office.forms.issue_for_visit(visit, admin)
    office.visits.complete(
        visit,
        VisitResult(
            method="上门",
            satisfaction="很满意",
            findings="门锁好用",
            signed=True,
            form_no="HF-2026-000001",
            site_checked=True,
            worker_conduct="礼貌",
            charges_checked=False,
        ),
        admin,
    )
    d = open_dialog(visit)
    assert not d.complete_button.isVisible()
    assert d.findChildren(QRadioButton) == [] and d.findChildren(QPlainTextEdit) == []  # nothing to type into
    labels = {name: label.text() for name, label in d.record.labels.items()}
    assert labels["满意度"] == "很满意" and labels["回访方式"] == "上门"
    assert labels["回访内容"] == "门锁好用" and labels["现场查看"] == "已到现场查看"
    assert labels["收费核实"] == "未核实" and labels["维修人员表现"] == "礼貌"
    assert "客户已签字" in labels["客户签名"] and "HF-2026-000001" in labels["客户签名"]


def test_a_periodic_visit_shows_its_purpose(qtbot, office, admin, clock, open_dialog):
    from app.models import Room

    room = Room.create(building="5", unit="1", number="101")
    (visit,) = office.visits.plan_batch("季度巡访", [room], clock.now().date(), "steward", "四季度")
    d = open_dialog(visit)
    assert d.findChild(type(d.banner.label), "回访类型").text() == "季度巡访"
    assert list(d.result_form.method_buttons) == domain.VISIT_METHODS
    assert d.result_form.repair_fields is None


def test_follow_up_page_delivers_and_answers(qtbot, office, admin, make_case, clock):
    from app.visits import VisitResult

    visit = planned_visit(office, admin, make_case)
    clock.advance(days=1)
    office.visits.complete(
        visit,
        VisitResult(
            method="电话",
            satisfaction="不满意",
            opinion="没人道歉",
            questions=[("保安何时调岗", clock.now().date() + dt.timedelta(days=2))],
        ),
        admin,
    )
    clock.advance(days=2)  # the notice is now overdue
    page = FollowUpPage(office.visits, admin)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    assert page.notice_table.rowCount() == 1
    assert page.notice_table.item(0, 0).text().startswith("逾期")
    assert page.task_table.rowCount() == 1 and page.task_table.item(0, 0).text() == "今天到期"
    with qtbot.waitSignal(page.case_activated) as blocker:
        page.notice_table.cellDoubleClicked.emit(0, 2)
    assert blocker.args == [visit.case_id]

    page.notice_table.selectRow(0)
    qtbot.mouseClick(page.deliver_button, Qt.MouseButton.LeftButton)
    assert page.deliver_error.isVisible()  # who received it must be said
    type_text(qtbot, page.receiver, "李班长")
    qtbot.mouseClick(page.deliver_button, Qt.MouseButton.LeftButton)
    notice = ReworkNotice.get(ReworkNotice.visit == visit.id)
    assert notice.delivered_to == "李班长" and notice.delivered_at == clock.now()
    assert page.notice_table.rowCount() == 0 and page.notice_empty.isVisible()

    page.task_table.selectRow(0)
    type_text(qtbot, page.answer, "已于下周调岗,电话告知业主")
    qtbot.mouseClick(page.answer_button, Qt.MouseButton.LeftButton)
    task = VisitTask.get(VisitTask.visit == visit.id)
    assert task.answered_at == clock.now() and task.answer.startswith("已于下周调岗")
    assert page.task_table.rowCount() == 0 and "已答复" in page.banner.text()


def test_door_visit_signed_on_the_screen(qtbot, office, admin, make_case, clock, open_dialog):
    from tests.test_ui_signature import sign

    visit = planned_visit(office, admin, make_case)
    clock.advance(days=1)
    d = open_dialog(visit)
    fill(qtbot, d, method="上门")
    for field in (d.signature.customer_field, d.signature.visitor_field):
        dialog = field.open_dialog()
        dialog.pad.resize(900, 320)
        sign(dialog.pad)
        dialog.accept()
    assert d.signature.customer_signature().signer_name == "张伟"
    qtbot.mouseClick(d.complete_button, Qt.MouseButton.LeftButton)
    assert Visit.get_by_id(visit.id).state == domain.VISIT_DONE
    sigs = office.visits.signatures_of(visit)
    assert set(sigs) == {"customer", "visitor"} and sigs["visitor"].signer_name == "王管理"
    assert all(office.visits.verify_signature(s) for s in sigs.values())


def test_reviews_by_role_and_printing(qtbot, office, admin, make_case, clock):
    visit = planned_visit(office, admin, make_case)
    clock.advance(days=1)
    office.visits.complete(visit, VisitResult(method="电话", satisfaction="满意"), admin)
    director = office.staff.save_staff("钱主任", "cs_director")
    printed = []
    d = VisitRecordDialog(visit.id, office.visits, office.staff, director, print_form=printed.append)
    qtbot.addWidget(d)
    assert d.reviews.review_level.currentText() == "主管审核"
    d.reviews.review_text.setText("记录完整")
    d.reviews.review_button.click()
    assert office.visits.reviews_of(visit)["主管审核"].reviewer == "钱主任"
    d.print_button.click()
    assert [v.id for v in printed] == [visit.id]
