"""Roles enforced in the windows too (issue 13, item 4): the window shows the service's
refusal to the person who did the repair; the case detail masks the caller's phone and logs
each 显示. The services' own walk of every role is tests/test_roles_services.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app import domain
from app.cases import CaseInput
from app.errors import UserError
from app.models import AuditEntry, Staff, Visit
from app.permissions import acting, set_person

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def nobody_acting():
    set_person(None)
    yield
    set_person(None)


def test_the_visit_window_shows_the_same_refusal(qtbot, office, admin):
    from ui.visit_record.dialog import VisitRecordDialog

    steward = office.staff.save_staff("赵物管", "steward", username="zhao", password="secret1")
    case = office.cases.create(
        CaseInput(account="保安态度恶劣", kind="投诉", room="3-2-501", category="服务态度"), admin
    )
    office.cases.resolve(case, "已向保安部通报", steward)
    visit = Visit.get(Visit.case == case)
    with acting(steward):
        d = VisitRecordDialog(visit.id, office.visits, office.staff, steward)
        qtbot.addWidget(d)
        d.show()
        qtbot.waitExposed(d)
        expected = office.visits.own_work_refusal(visit, steward)
        assert expected and d.banner.isVisible() and d.banner.label.text() == expected
        assert not d.complete_button.isEnabled()
        d.result_form.method_buttons["电话"].click()
        d.result_form.satisfaction_buttons["很满意"].click()
        d.result_form.findings.setPlainText("修好了")
        d.submit()  # even if it were pressed
        assert d.banner.label.text() == expected
    assert Visit.get_by_id(visit.id).state == domain.VISIT_PLANNED


def test_the_case_detail_masks_the_caller_s_phone_and_logs_a_reveal(qtbot, office, admin):
    from ui.case_detail import CaseDetailDialog

    case = office.cases.create(
        CaseInput(account="楼道灯不亮", kind="报修", room="3-2-501", customer_name="张伟",
                  customer_phone="13812345678", category="设施设备维护"),
        admin,
    )  # fmt: skip
    night = office.staff.save_staff("吴值班", "night_duty", username="wu", password="secret1")
    clerk = office.staff.save_staff("李客服", "clerk", username="li", password="secret1")

    def open_as(person: Staff) -> CaseDetailDialog:
        d = CaseDetailDialog(case.id, office.cases, office.staff, person)
        qtbot.addWidget(d)
        d.show()
        qtbot.waitExposed(d)
        return d

    with acting(night):
        d = open_as(night)
        assert d.fields.values["phone"].text() == "138****5678"
        assert "13812345678" not in d.fields.values["phone"].text()
        assert d.fields.reveal_phone_button.isVisible() and not d.fields.reveal_phone_button.isEnabled()
    with acting(clerk):
        d = open_as(clerk)
        assert d.fields.values["phone"].text() == "138****5678"
        before = AuditEntry.select().where(AuditEntry.action == "显示号码").count()
        qtbot.mouseClick(d.fields.reveal_phone_button, Qt.MouseButton.LeftButton)
        assert d.fields.values["phone"].text() == "13812345678"
        entry = (
            AuditEntry.select().where(AuditEntry.action == "显示号码").order_by(AuditEntry.id.desc()).first()
        )
        assert AuditEntry.select().where(AuditEntry.action == "显示号码").count() == before + 1
        assert entry.actor == "李客服" and case.number in entry.new


def test_the_window_acts_as_its_user_until_closed(qtbot, office):
    """Login sets the person every service asks about; closing the window logs them out."""
    from app.permissions import current_person
    from ui.main_window import MainWindow

    steward = office.staff.save_staff("赵物管", "steward", username="zhao", password="secret1")
    w = MainWindow(office, steward)
    qtbot.addWidget(w)
    assert current_person() is steward
    with pytest.raises(UserError, match="赵物管没有“修改制度设置”的权限"):
        office.policies.save(office.policies.copy())  # a service called with no actor at all
    w.close()  # never shown: closing still ends the session
    assert current_person() is None


def test_the_visit_record_masks_the_phone_and_logs_a_reveal(qtbot, office, admin):
    from ui.visit_record.dialog import VisitRecordDialog

    case = office.cases.create(
        CaseInput(account="保安态度恶劣", kind="投诉", room="3-2-501", customer_name="张伟",
                  customer_phone="13812345678", category="服务态度"),
        admin,
    )  # fmt: skip
    office.cases.resolve(case, "已向保安部通报", admin)
    visit = Visit.get(Visit.case == case)
    steward = office.staff.save_staff("赵物管", "steward", username="zhao", password="secret1")
    clerk = office.staff.save_staff("李客服", "clerk", username="li", password="secret1")

    def open_as(person: Staff) -> VisitRecordDialog:
        d = VisitRecordDialog(visit.id, office.visits, office.staff, person)
        qtbot.addWidget(d)
        d.show()
        qtbot.waitExposed(d)
        return d

    def reveals() -> int:
        return AuditEntry.select().where(AuditEntry.action == "显示号码").count()

    with acting(steward):
        d = open_as(steward)
        assert d.subject.customer_label.text() == "张伟 138****5678"
        assert not d.subject.reveal_phone_button.isEnabled()
    with acting(clerk):
        d = open_as(clerk)
        assert d.subject.customer_label.text() == "张伟 138****5678"
        before = reveals()
        qtbot.mouseClick(d.subject.reveal_phone_button, Qt.MouseButton.LeftButton)
        assert d.subject.customer_label.text() == "张伟 13812345678"
        assert reveals() == before + 1
