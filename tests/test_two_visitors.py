"""Two visitors together (seed 002 第4条): a 重大 or large-loss complaint is visited by the centre
director (管理处经理) and the department manager (客服主任) together, one visit with both names
and, where the visitor signs on the pad, both visitors' signatures."""

import re

import pytest

from app import domain
from app.cases import CaseInput
from app.db import MIGRATIONS
from app.errors import UserError, ValidationError
from app.models import Signature, Visit
from app.printdata import visit_form
from app.signatures import SignatureCapture, demo_strokes
from app.visits import VisitResult


@pytest.fixture
def people(office):
    return {
        "steward": office.staff.save_staff("赵物管", "steward", buildings="3,5"),
        "cs_director": office.staff.save_staff("钱主任", "cs_director"),
        "office_manager": office.staff.save_staff("孙经理", "office_manager"),
    }


def resolved(office, admin, **fields):
    values = dict(
        account="保洁把业主放在门口的家具当垃圾清走",
        kind="投诉",
        room="3-2-501",
        customer_name="张伟",
        customer_phone="13812345678",
        category="服务质量",
    )
    values.update(fields)
    case = office.cases.create(CaseInput(**values), admin)
    office.cases.resolve(case, "已赔偿并道歉", admin)
    return case


def capture(name):
    return SignatureCapture(strokes=demo_strokes(3), width=600, height=200, signer_name=name)


def test_major_complaint_planned_with_two_visitors(office, admin, people, clock):
    case = resolved(office, admin, severity="重大")
    visit = Visit.get(Visit.case == case)
    assert (visit.role, visit.visitor_name) == ("office_manager", "孙经理")
    assert (visit.second_role, visit.second_visitor_name) == ("cs_director", "钱主任")
    assert "管理处经理、客服主任两人同时回访" in visit.reason


def test_large_loss_minor_complaint_replaces_the_steward(office, admin, people):
    case = resolved(office, admin, severity="轻微", large_loss=True)
    visit = Visit.get(Visit.case == case)
    assert case.large_loss
    assert {visit.visitor_name, visit.second_visitor_name} == {"孙经理", "钱主任"}
    assert "业主损失较大" in visit.reason
    plain = resolved(office, admin, severity="轻微", room="5-1-101")
    one = Visit.get(Visit.case == plain)
    assert one.visitor_name == "赵物管" and not one.second_role and one.second_visitor_id is None


def test_large_loss_marked_later_moves_the_open_visit(office, admin, people):
    case = resolved(office, admin, severity="轻微")
    visit = Visit.get(Visit.case == case)
    assert not visit.second_role
    office.visits.set_large_loss(case, True, admin)
    visit = Visit.get_by_id(visit.id)
    assert visit.second_role and {visit.visitor_name, visit.second_visitor_name} == {"孙经理", "钱主任"}
    assert "业主损失较大:按制度两人同时回访" in [e.text for e in office.cases.timeline(case)]
    office.visits.set_large_loss(case, False, admin)
    assert not Visit.get_by_id(visit.id).second_role
    with pytest.raises(UserError, match="只有投诉"):
        repair = office.cases.create(
            CaseInput(account="水龙头漏水", kind="报修", room="3-2-501", customer_name="张伟"), admin
        )
        office.visits.set_large_loss(repair, True, admin)


def test_policy_names_other_cases_and_roles(office, admin, people):
    policy = office.policies.load()
    policy.visit_roles.two_visitors.severities = ["重要", "重大"]
    policy.visit_roles.two_visitors.roles = ["cs_director", "steward"]
    office.policies.save(policy)
    case = resolved(office, admin, severity="重要")
    visit = Visit.get(Visit.case == case)
    assert (visit.visitor_name, visit.second_visitor_name) == ("钱主任", "赵物管")
    policy.visit_roles.two_visitors.roles = ["steward", "steward"]
    with pytest.raises(ValidationError) as err:
        office.policies.save(policy)
    assert "两人同时回访的角色" in err.value.problems


def test_recording_needs_both_visitors_and_both_signatures(office, admin, people, clock):
    case = resolved(office, admin, severity="重大")
    visit = Visit.get(Visit.case == case)
    office.visits.assign_second(visit, None, admin)
    clock.advance(hours=2)
    base = dict(method="上门", satisfaction="满意", findings="家具已赔偿", customer_signature=capture("张伟"))
    with pytest.raises(ValidationError) as err:
        office.visits.complete(visit, VisitResult(**base), admin)
    assert "请选择第二回访人" in err.value.problems["第二回访人"]
    second = people["cs_director"].id
    with pytest.raises(ValidationError) as err:
        office.visits.complete(
            visit, VisitResult(**base, second_visitor_id=second, visitor_signature=capture("孙经理")), admin
        )
    assert err.value.problems["第二回访人签名"] == "两人同时回访,两位回访人都须签名"
    with pytest.raises(ValidationError) as err:
        office.visits.complete(visit, VisitResult(**base, second_visitor_id=visit.visitor_id), admin)
    assert "同一人" in err.value.problems["第二回访人"]
    assert Visit.get_by_id(visit.id).state == domain.VISIT_PLANNED  # nothing half-written
    office.visits.complete(
        visit,
        VisitResult(
            **base,
            second_visitor_id=second,
            visitor_signature=capture("孙经理"),
            second_visitor_signature=capture("钱主任"),
        ),
        admin,
    )
    visit = Visit.get_by_id(visit.id)
    assert visit.state == domain.VISIT_DONE and visit.second_visitor_name == "钱主任"
    signers = {s.signer: s.signer_name for s in Signature.select().where(Signature.visit == visit)}
    assert signers == {"customer": "张伟", "visitor": "孙经理", "visitor2": "钱主任"}
    assert not office.visits.broken_signatures()
    form = visit_form(visit, "HF-0001")
    assert form.second_visitor == "钱主任" and form.second_visitor_signature


def test_phone_visit_by_two_needs_no_signature(office, admin, people, clock):
    case = resolved(office, admin, severity="重大")
    visit = Visit.get(Visit.case == case)
    clock.advance(hours=1)
    office.visits.complete(visit, VisitResult(method="电话", satisfaction="满意", findings="已赔偿"), admin)
    assert Visit.get_by_id(visit.id).state == domain.VISIT_DONE


def test_old_folder_is_migrated(tmp_path, clock):
    """A folder saved before migration 15 (its columns gone, version 14) opens migrated, its
    visits and cases whole. (From version 1, step 7 reads every case with today's model
    before the later steps add their NOT NULL columns: the lead's note, not this step's.)"""
    from app import db as dbmod
    from app.models import Case, Setting, VisitDecision
    from app.office import Office
    from tests.helpers.files import raw_connection

    folder = tmp_path / "old"
    office = Office.open(folder, clock)
    office.initialise("阳光花园物业服务中心", "admin", "secret1", "王管理")
    admin = office.staff.authenticate("admin", "secret1")
    case = resolved(office, admin, severity="轻微")
    office.close()
    con = raw_connection(folder)
    drops = {
        Case._meta.table_name: ("large_loss",),
        Visit._meta.table_name: ("second_visitor_name", "second_role"),
        VisitDecision._meta.table_name: ("replaces",),
    }
    for table, columns in drops.items():
        for column in columns:
            con.execute(f'ALTER TABLE "{table}" DROP COLUMN {column}')
    con.execute("UPDATE setting SET value = '14' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    office = Office.login(folder, "admin", "secret1", clock)
    try:
        assert Setting.get(Setting.key == "schema_version").value == str(dbmod.SCHEMA_VERSION)
        assert Case.get_by_id(case.id).large_loss is False
        visit = Visit.get(Visit.case == case.id)
        assert visit.second_role == "" and visit.second_visitor_name == "" and visit.second_visitor_id is None
        assert VisitDecision.get(VisitDecision.case == case.id).replaces == ""
        MIGRATIONS[15](Case._meta.database)  # idempotent: a second run changes nothing
    finally:
        office.close()


# The visit record window (ui/visit_record) -----------------------------------------------------
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_record_window_shows_both_and_asks_both_to_sign(qtbot, office, admin, people, clock):
    from PySide6.QtCore import Qt

    from tests.helpers.qt_input import type_text
    from tests.test_ui_signature import sign
    from ui.visit_record.dialog import VisitRecordDialog

    case = resolved(office, admin, severity="轻微", large_loss=True)
    visit = Visit.get(Visit.case == case)
    office.visits.assign_second(visit, None, admin)  # nobody named yet: the window asks
    clock.advance(days=1)
    d = VisitRecordDialog(visit.id, office.visits, office.staff, admin)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    assert d.plan.second_combo is not None and d.plan.second_combo.currentData() is None
    assert d.signature.second_field is not None
    d.result_form.method_buttons["上门"].click()
    d.result_form.satisfaction_buttons["满意"].click()
    type_text(qtbot, d.result_form.findings, "家具已照价赔偿")
    for field in (d.signature.customer_field, d.signature.visitor_field):
        dialog = field.open_dialog()
        dialog.pad.resize(900, 320)
        sign(dialog.pad)
        dialog.accept()
    qtbot.mouseClick(d.complete_button, Qt.MouseButton.LeftButton)
    assert Visit.get_by_id(visit.id).state == domain.VISIT_PLANNED  # refused, nothing lost
    assert "请选择第二回访人" in d.field_errors["第二回访人"].text()
    assert d.field_errors["第二回访人签名"].text() == "两人同时回访,两位回访人都须签名"
    assert d.result_form.findings.toPlainText() == "家具已照价赔偿"
    combo = d.plan.second_combo
    combo.setCurrentIndex(combo.findData(people["cs_director"].id))
    assert Visit.get_by_id(visit.id).second_visitor_name == "钱主任"
    dialog = d.signature.second_field.open_dialog()
    dialog.pad.resize(900, 320)
    sign(dialog.pad)
    dialog.accept()
    qtbot.mouseClick(d.complete_button, Qt.MouseButton.LeftButton)
    done = Visit.get_by_id(visit.id)
    assert done.state == domain.VISIT_DONE and done.second_visitor_name == "钱主任"
    sigs = office.visits.signatures_of(done)
    assert set(sigs) == {"customer", "visitor", "visitor2"} and sigs["visitor2"].signer_name == "钱主任"


def test_paper_form_prints_both_visitors(office, admin, people, clock, tmp_path):
    """The 《回访记录表》 of a visit by two: both names, two visitor signature boxes."""
    import subprocess

    from reports.visit_form import VisitFormReport

    case = resolved(office, admin, severity="重大")
    visit = Visit.get(Visit.case == case)
    out = tmp_path / "form.pdf"
    out.write_bytes(VisitFormReport("阳光花园物业服务中心", [visit_form(visit, "HF-2026-000001")]).generate())
    words = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    )
    assert "回访人:孙经理" in words.stdout and "同访人:钱主任" in words.stdout
    assert "回访人签名" in words.stdout and "同访人签名" in words.stdout  # two visitor boxes
    pages = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", pages, re.M)  # still one page


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_intake_marks_the_large_loss(qtbot, office, admin, people):
    from PySide6.QtCore import QPoint, Qt

    from app.models import Case
    from tests.helpers.qt_input import type_text
    from tests.test_ui_intake import choose, show_active
    from ui.intake import IntakeForm

    form = IntakeForm(office.cases, office.owners, office.drafts, office.staff, office.nightlog, admin)
    qtbot.addWidget(form)
    form.resize(1366, 768)
    show_active(qtbot, form)
    type_text(qtbot, form.room, "3-2-501")
    type_text(qtbot, form.name, "张伟")
    choose(form.kind, "投诉")
    choose(form.category, "服务质量")
    type_text(qtbot, form.account, "保洁把门口的家具当垃圾清走")
    box = form.large_loss
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert form.form_data()["large_loss"]
    case = form.save()
    assert case is not None and Case.get_by_id(case.id).large_loss is True
    assert not form.large_loss.isChecked()  # cleared for the next call
    choose(form.kind, "报修")
    assert not form.large_loss.isEnabled()  # complaints only


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_case_detail_marks_the_large_loss(qtbot, office, admin, people):
    from PySide6.QtCore import QPoint, Qt

    from ui.case_detail.dialog import CaseDetailDialog

    case = resolved(office, admin, severity="轻微")
    d = CaseDetailDialog(case.id, office.cases, office.staff, admin, two_visitors=office.visits)
    qtbot.addWidget(d)
    d.show()
    d.tabs.setCurrentIndex(next(i for i in range(d.tabs.count()) if d.tabs.tabText(i) == "回访"))
    box = d.two_visitors_box
    assert box is not None and box.isVisibleTo(d) and not box.large_loss.isChecked()
    assert box.status.text() == "本案由一人回访。"
    check = box.large_loss
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
    assert office.cases.get(case.id).large_loss is True
    visit = Visit.get(Visit.case == case)
    assert {visit.visitor_name, visit.second_visitor_name} == {"孙经理", "钱主任"}
    assert "管理处经理、客服主任两人同时回访" in d.two_visitors_box.status.text()
    names = d.visit_table.item(0, 3).text()
    assert "孙经理" in names and "钱主任" in names  # 回访人: both


def test_the_repairer_is_not_the_second_visitor(office, admin, people, clock):
    policy = office.policies.load()
    policy.visit_roles.two_visitors.roles = ["office_manager", "steward"]
    office.policies.save(policy)
    case = office.cases.create(
        CaseInput(
            account="保洁弄坏业主门口的地毯",
            kind="投诉",
            severity="重大",
            room="3-2-501",
            category="服务质量",
        ),
        admin,
    )
    office.cases.resolve(case, "已赔偿", people["steward"])  # the steward mended it himself
    visit = Visit.get(Visit.case == case)
    assert visit.second_visitor_id is None and "请指派物管员" in visit.reason
    clock.advance(hours=1)
    with pytest.raises(ValidationError) as err:
        office.visits.complete(
            visit,
            VisitResult(
                method="电话",
                satisfaction="满意",
                findings="已赔偿",
                second_visitor_id=people["steward"].id,
            ),
            admin,
        )
    assert "维修/办结人" in err.value.problems["第二回访人"]
