"""The case service: intake checks, deadlines, the lifecycle, duplicates."""

import datetime as dt

import pytest

from app import domain
from app.cases import CaseInput
from app.errors import UserError, ValidationError
from app.models import Case, MajorReport
from app.policy_sections import FirstResponse
from tests.helpers.files import raw_connection


def use_calendar_days(office) -> None:
    """The other variant of the policy (seed 002 read literally): 24 hours, calendar days."""
    policy = office.policies.load()
    policy.day_unit = "calendar"
    policy.first_response = FirstResponse(24, "hours")
    office.policies.save(policy)


def test_intake_gives_number_and_deadlines(office, make_case, clock):
    case = make_case(kind="投诉", severity="重要", category="服务态度")
    assert case.number == "TS-2026-00001"
    assert case.state == domain.NEW
    assert case.received_at == clock.now()
    # The shipped policy counts working days (seed 001: 一个工作日内回应): from Mon 28 Sep
    # 09:30 the first reply is due Tue 29 Sep; 3 working days are 29, 30 Sep and (after the
    # National Day holiday 1-7 Oct) Thu 8 Oct.
    assert case.response_due == dt.datetime(2026, 9, 29, 9, 30)
    assert case.resolve_due == dt.datetime(2026, 10, 8, 9, 30)
    assert case.answer_due is None
    second = make_case()  # a repair: its own prefix, the year's counter goes on
    assert second.number == "BX-2026-00002"
    assert [e.kind for e in office.cases.timeline(case)] == [domain.EV_RECEIVED]


def test_intake_deadlines_in_calendar_days_when_the_office_says_so(office, make_case, clock):
    use_calendar_days(office)
    case = make_case(kind="投诉", severity="重要", category="服务态度")
    assert case.response_due == clock.now() + dt.timedelta(hours=24)
    assert case.resolve_due == clock.now() + dt.timedelta(days=3)


def test_numbers_restart_each_year(office, make_case):
    make_case()
    old = make_case(received_at="2025-12-31 23:00")
    assert old.number == "BX-2025-00001"


def test_major_complaint_has_answer_deadline_and_report(office, make_case, clock):
    case = make_case(kind="投诉", severity="重大", category="服务质量")
    # Working days from Mon 28 Sep: 29, 30 Sep, then 8, 9, 10 (Saturday worked, 调休), 12-16 Oct.
    assert case.answer_due == dt.datetime(2026, 9, 30, 9, 30)
    assert case.resolve_due == dt.datetime(2026, 10, 16, 9, 30)
    report = MajorReport.get(MajorReport.case == case)
    # One working day: Monday 09:30 -> Tuesday 09:30.
    assert report.due == dt.datetime(2026, 9, 29, 9, 30)


def test_major_complaint_in_calendar_days(office, make_case, clock):
    use_calendar_days(office)
    case = make_case(kind="投诉", severity="重大", category="服务质量")
    assert case.answer_due == clock.now() + dt.timedelta(days=2)
    assert case.resolve_due == clock.now() + dt.timedelta(days=10)
    # The report is due in one working day in both variants.
    assert MajorReport.get(MajorReport.case == case).due == dt.datetime(2026, 9, 29, 9, 30)


def test_working_day_deadlines_skip_national_day(office, make_case):
    policy = office.policies.load()
    policy.day_unit = "working"
    office.policies.save(policy)
    # Received Mon 28 September: 2 working days -> Wed 30 September.
    case = make_case(received_at="2026-09-28 09:00", severity="轻微")
    assert case.resolve_due == dt.datetime(2026, 9, 30, 9, 0)
    later = office.cases.deadlines_for("报修", "轻微", dt.datetime(2026, 9, 30, 10, 0))
    # From Wed 30 September, 1-7 October are the National Day holiday: Thu 8, Fri 9 October.
    assert later.resolve_due == dt.datetime(2026, 10, 9, 10, 0)


def test_deadline_in_unknown_year_does_not_crash(office):
    policy = office.policies.load()
    policy.day_unit = "working"
    office.policies.save(policy)
    d = office.cases.deadlines_for("报修", "重要", dt.datetime(2027, 12, 30, 10, 0))
    # Provisional years: Fri 31 Dec, then Sat 1 Jan 2028 is 元旦 and Mon 3 Jan its 补假 (the
    # `holidays` package), so Tue 4 and Wed 5 Jan.
    assert d.resolve_due == dt.datetime(2028, 1, 5, 10, 0)
    assert d.provisional_years == (2027, 2028)


@pytest.mark.parametrize(
    ("fields", "label"),
    [
        ({"account": ""}, "内容"),
        ({"account": "字" * 2001}, "内容"),
        ({"kind": "吐槽"}, "性质"),
        ({"channel": "飞鸽传书"}, "渠道"),
        ({"severity": "一般般"}, "程度"),
        ({"category": "不存在"}, "类别"),
        ({"customer_phone": "12345"}, "联系电话"),
        ({"customer_phone": "13812345678.0"}, "联系电话"),
        ({"room": "三栋"}, "房号"),
        ({"kind": "报修", "validity": "一类"}, "有效性"),
        ({"received_at": "2026-13-01 10:00"}, "受理时间"),
        ({"received_at": "2030-01-01 10:00"}, "受理时间"),
        ({"received_at": "1900-01-01 10:00"}, "受理时间"),
        ({"room": "", "customer_name": "", "customer_phone": ""}, "客户"),
        ({"department": "外星部"}, "责任部门"),
    ],
)
def test_bad_input_is_refused_with_the_field(office, make_case, fields, label):
    with pytest.raises(ValidationError) as err:
        make_case(**fields)
    assert label in err.value.problems
    assert Case.select().count() == 0


def test_anonymous_case_keeps_no_name(office, make_case):
    case = make_case(anonymous=True, room="")
    assert case.anonymous and case.customer_name == "" and case.customer_phone == ""


def test_sql_looking_text_and_emoji_are_stored_as_typed(office, make_case):
    text = "'); DROP TABLE case; -- 😀 漏水\u202e"
    case = make_case(account=text)
    assert Case.get_by_id(case.id).account == "'); DROP TABLE case; -- 😀 漏水"


def test_ref_must_be_unique(office, make_case):
    make_case(ref="A-1")
    with pytest.raises(ValidationError) as err:
        make_case(ref="A-1")
    assert "编号" in err.value.problems


def test_full_lifecycle(office, make_case, admin, clock):
    case = make_case()
    dep = office.staff.departments()[1]
    slip = office.cases.dispatch(case, dep, admin, instructions="请尽快处理")
    assert case.state == domain.DISPATCHED and slip.number == "PG-2026-00001"
    office.cases.sign_for(slip, "李师傅", admin)
    assert case.state == domain.IN_PROGRESS
    with pytest.raises(UserError):
        office.cases.sign_for(slip, "李师傅", admin)
    clock.advance(hours=2)
    office.cases.add_note(case, "已联系业主,下午上门", admin, response=True)
    assert case.first_response_at == clock.now()
    with pytest.raises(UserError):
        office.cases.close(case, admin)
    with pytest.raises(ValidationError):
        office.cases.resolve(case, "  ", admin)
    clock.advance(hours=3)
    office.cases.resolve(case, "更换灯管,已恢复照明", admin)
    assert case.state == domain.RESOLVED and case.resolved_at == clock.now()
    assert slip.__class__.get_by_id(slip.id).finished_at == clock.now()
    office.cases.close(case, admin)
    assert case.state == domain.CLOSED
    office.cases.reopen(case, "业主反映又不亮了", admin)
    assert case.state == domain.IN_PROGRESS and case.resolved_at is None
    kinds = [e.kind for e in office.cases.timeline(case)]
    assert kinds == ["受理", "派工", "签收", "首次回复", "办结", "关闭", "重开"]


def test_extension_needs_the_right_approver(office, make_case, admin):
    case = make_case(severity="重要")
    steward = office.staff.save_staff("赵物管", "steward")
    manager = office.staff.save_staff("钱经理", "office_manager")
    gm = office.staff.save_staff("孙总", "general_manager")
    new_due = case.resolve_due + dt.timedelta(days=2)
    with pytest.raises(ValidationError) as err:
        office.cases.extend(case, new_due, "等配件", steward, admin)
    assert "批准人" in err.value.problems
    with pytest.raises(ValidationError):
        office.cases.extend(case, new_due, "等配件", manager, manager)  # 重要 needs the company manager
    ext = office.cases.extend(case, new_due, "等配件", gm, gm)  # approved with their own login
    assert case.resolve_due == new_due and ext.approver == "孙总"
    minor = make_case(severity="轻微")
    office.cases.extend(minor, minor.resolve_due + dt.timedelta(days=1), "业主出差", manager, manager)
    with pytest.raises(ValidationError) as err:
        office.cases.extend(minor, minor.resolve_due, "再延", manager, manager)
    assert "新期限" in err.value.problems


def test_duplicates_and_merge(office, make_case, admin, clock):
    first = make_case(category="环境卫生", account="楼道垃圾没人清")
    assert office.cases.duplicates("3-2-501", "环境卫生") == [first]
    assert office.cases.duplicates("3-2-501", "停车") == []
    assert office.cases.duplicates("3-2-502", "环境卫生") == []
    second = make_case(category="环境卫生", account="垃圾还在", channel="来访")
    assert office.cases.duplicates("3-2-501", "环境卫生", exclude=second.id) == [first]
    office.cases.merge(second, first, admin)
    assert second.state == domain.MERGED and second.merged_into_id == first.id
    assert office.cases.duplicates("3-2-501", "环境卫生") == [first]
    with pytest.raises(UserError):
        office.cases.merge(first, first, admin)
    # A case finished long ago is history, not a duplicate.
    office.cases.resolve(first, "已清理", admin)
    clock.advance(days=40)
    assert office.cases.duplicates("3-2-501", "环境卫生") == []


def test_duplicate_by_phone_when_no_room(office, make_case):
    first = make_case(room="", category="收费")
    assert office.cases.duplicates("", "收费", phone="138 1234 5678") == [first]


def test_major_report_submit_needs_every_part(office, make_case, admin):
    case = make_case(kind="投诉", severity="重大", category="服务质量")
    with pytest.raises(ValidationError) as err:
        office.cases.save_major_report(case, {"cause": "保安脱岗"}, submit=True, actor=admin)
    assert "经验教训" in err.value.problems
    assert MajorReport.get(MajorReport.case == case).cause == ""
    fields = dict(cause="保安脱岗", handling="调取录像", result="赔偿", lessons="加强巡查", corrective="增岗")
    report = office.cases.save_major_report(case, fields, submit=True, actor=admin)
    assert report.submitted_at is not None and report.submitted_by == "王管理"


def test_owner_lookup_by_phone(office):
    from app.models import Owner, Room

    room = Room.create(building="5", unit="1", number="1202")
    Owner.create(room=room, name="陈静", phone="13900001111")
    found = office.cases.lookup_phone("139-0000-1111")
    assert found is not None and found.name == "陈静" and found.room.label == "5-1-1202"
    assert office.cases.lookup_phone("abc") is None


def test_void_keeps_the_case(office, make_case, admin):
    case = make_case()
    clerk = office.staff.save_staff("李客服", "clerk")
    with pytest.raises(UserError, match="权限"):
        office.cases.void(case, "录重了", clerk)
    with pytest.raises(ValidationError):
        office.cases.void(case, " ", admin)
    office.cases.void(case, "录重了", admin)
    assert Case.get_by_id(case.id).state == domain.VOID and Case.get_by_id(case.id).void_reason == "录重了"


def test_update_fields_and_closed_cases_need_a_manager(office, make_case, admin):
    case = make_case()
    clerk = office.staff.save_staff("李客服", "clerk")
    inp = CaseInput(
        account="楼道灯和应急灯都不亮",
        kind="报修",
        room="3-2-502",
        customer_name="张伟",
        customer_phone="13812345678",
        category="设施设备维护",
    )
    changed = office.cases.update(case, inp, clerk)
    assert set(changed) == {"房号", "account"}
    case = Case.get_by_id(case.id)
    assert case.room.label == "3-2-502" and case.received_at == dt.datetime(2026, 9, 28, 9, 30)
    office.cases.resolve(case, "已修", admin)
    office.cases.close(case, admin)
    with pytest.raises(UserError, match="权限"):
        office.cases.update(case, inp, clerk)
    director = office.staff.save_staff("钱主任", "cs_director")
    assert office.cases.update(case, inp, director) == []


def test_clerk_cannot_close(office, make_case, admin):
    case = make_case()
    office.cases.resolve(case, "已修", admin)
    steward = office.staff.save_staff("赵物管", "steward")
    with pytest.raises(UserError, match="关闭案件"):
        office.cases.close(case, steward)


# Re-grading (issue 14: 重新定级 recomputes every deadline) --------------------------------


def regrade_scenario(office, make_case, clock, **fields):
    """A minor complaint taken Fri 9 Oct 2026 09:00, re-graded the same afternoon."""
    clock.at = dt.datetime(2026, 10, 9, 9, 0)
    values = dict(kind="投诉", severity="轻微", category="服务态度", validity="一类")
    values.update(fields)
    case = make_case(**values)
    clock.at = dt.datetime(2026, 10, 9, 15, 0)
    return case


def test_minor_to_major_in_calendar_days(office, make_case, admin, clock):
    # The issue's scenario in calendar days: 10-11 must become 10-19.
    use_calendar_days(office)
    case = regrade_scenario(office, make_case, clock)
    assert case.resolve_due == dt.datetime(2026, 10, 11, 9, 0) and case.answer_due is None
    assert MajorReport.select().count() == 0
    lines = office.cases.regrade(case, "业主家中财物受损,升级为重大投诉", admin, severity="重大")
    case = Case.get_by_id(case.id)
    assert case.severity == "重大"
    assert case.resolve_due == dt.datetime(2026, 10, 19, 9, 0)
    assert case.answer_due == dt.datetime(2026, 10, 11, 9, 0)
    report = MajorReport.get(MajorReport.case == case)
    # One working day from the re-grade: Sat 10 Oct is a worked day (国庆调休).
    assert report.due == dt.datetime(2026, 10, 10, 15, 0) and report.raised_at == clock.now()
    text = office.cases.timeline(case)[-1].text
    assert text == "\n".join(lines)
    assert "程度 轻微 → 重大" in text
    assert "办结期限 2026-10-11 09:00 → 2026-10-19 09:00" in text
    assert "明确答复期限 无 → 2026-10-11 09:00" in text
    assert "须于 2026-10-10 15:00 前向品质部及总经理提交重大投诉报告" in text
    assert "原因:业主家中财物受损,升级为重大投诉" in text
    # On the dashboard's list of reports to hand in.
    assert [r.case_number for r in office_dashboard(office).major_reports] == [case.number]


def office_dashboard(office):
    from app.dashboard import dashboard

    return dashboard(office, office.clock.now().date())


def test_minor_to_major_in_working_days(office, make_case, admin, clock):
    # The shipped policy: Fri 9 Oct + 2 working days = Sat 10 (调休上班), Mon 12.
    case = regrade_scenario(office, make_case, clock)
    assert case.resolve_due == dt.datetime(2026, 10, 12, 9, 0)
    office.cases.regrade(case, "升级", admin, severity="重大")
    case = Case.get_by_id(case.id)
    # 10 working days: 10, 12-16, 19-22 Oct.
    assert case.resolve_due == dt.datetime(2026, 10, 22, 9, 0)
    assert case.answer_due == dt.datetime(2026, 10, 12, 9, 0)
    assert MajorReport.get(MajorReport.case == case).due == dt.datetime(2026, 10, 10, 15, 0)


def test_important_to_major_the_same(office, make_case, admin, clock):
    use_calendar_days(office)
    case = regrade_scenario(office, make_case, clock, severity="重要")
    assert case.resolve_due == dt.datetime(2026, 10, 12, 9, 0)
    office.cases.regrade(case, "多户受影响", admin, severity="重大")
    case = Case.get_by_id(case.id)
    assert (case.resolve_due, case.answer_due) == (
        dt.datetime(2026, 10, 19, 9, 0),
        dt.datetime(2026, 10, 11, 9, 0),
    )
    assert MajorReport.get(MajorReport.case == case).cancelled_at is None


def test_major_to_minor_cancels_the_report_and_back_restores_it(office, make_case, admin, clock):
    case = regrade_scenario(office, make_case, clock, severity="重大")
    report = MajorReport.get(MajorReport.case == case)
    assert report.due == dt.datetime(2026, 10, 10, 9, 0)  # from receipt at intake
    office.cases.save_major_report(case, {"cause": "保安脱岗"}, submit=False, actor=admin)
    office.cases.regrade(case, "核实后损失轻微", admin, severity="轻微")
    case = Case.get_by_id(case.id)
    assert case.answer_due is None and case.resolve_due == dt.datetime(2026, 10, 12, 9, 0)
    report = MajorReport.get(MajorReport.case == case)
    assert report.cancelled_at == clock.now() and report.cause == "保安脱岗"  # kept, not deleted
    assert report.cancel_reason == "不再是重大投诉(投诉·轻微):核实后损失轻微"
    text = office.cases.timeline(case)[-1].text
    assert "重大投诉报告取消。原因:核实后损失轻微" in text
    assert "明确答复期限 2026-10-12 09:00 → 无" in text
    assert office_dashboard(office).major_reports == []
    clock.at = dt.datetime(2026, 10, 12, 10, 0)
    office.cases.regrade(case, "业主再次投诉,仍按重大处理", admin, severity="重大")
    report = MajorReport.get(MajorReport.case == case)
    assert report.cancelled_at is None and report.cause == "保安脱岗"
    assert report.due == dt.datetime(2026, 10, 13, 10, 0)
    assert "重大投诉报告恢复,须于 2026-10-13 10:00 前提交" in office.cases.timeline(case)[-1].text


def test_kind_category_urgency_and_received_time(office, make_case, admin, clock):
    case = regrade_scenario(office, make_case, clock, severity="重要")
    before = Case.get_by_id(case.id)
    lines = office.cases.regrade(
        case,
        "实为报修,受理时间按来电记录更正",
        admin,
        kind="报修",
        category="设施设备维护",
        urgency="紧急",
        received_at="2026-10-08 18:00",
    )
    case = Case.get_by_id(case.id)
    assert (case.kind, case.validity, case.category, case.urgency) == ("报修", None, "设施设备维护", "紧急")
    assert case.received_at == dt.datetime(2026, 10, 8, 18, 0)
    # From Thu 8 Oct 18:00: 1 working day = Fri 9 Oct 18:00; 3 = Mon 12 Oct 18:00.
    assert case.response_due == dt.datetime(2026, 10, 9, 18, 0)
    assert case.resolve_due == dt.datetime(2026, 10, 12, 18, 0)
    assert lines[0] == (
        "重新定级:性质 投诉 → 报修;有效性 一类 → 无;类别 服务态度 → 设施设备维护;"
        "紧急程度 一般 → 紧急;受理时间 2026-10-09 09:00 → 2026-10-08 18:00"
    )
    assert f"首次回复期限 {before.response_due:%Y-%m-%d %H:%M} → 2026-10-09 18:00" in lines
    # Every field change is in the audit trail, as for every other change.
    from app.models import AuditEntry

    audited = {
        e.field
        for e in AuditEntry.select().where(AuditEntry.table == "case", AuditEntry.record_id == str(case.id))
    }
    assert {
        "kind",
        "validity",
        "category",
        "urgency",
        "received_at",
        "response_due",
        "resolve_due",
    } <= audited


def test_regrade_keeps_an_approved_extension_that_is_later(office, make_case, admin, clock):
    use_calendar_days(office)
    case = regrade_scenario(office, make_case, clock)
    manager = office.staff.save_staff("赵经理", "office_manager")
    office.cases.extend(case, dt.datetime(2026, 10, 25, 17, 0), "等配件", manager, manager)
    office.cases.regrade(case, "升级", admin, severity="重大")
    case = Case.get_by_id(case.id)
    assert case.resolve_due == dt.datetime(2026, 10, 25, 17, 0)
    assert case.answer_due == dt.datetime(2026, 10, 11, 9, 0)
    assert "办结期限" not in office.cases.timeline(case)[-1].text  # unchanged: nothing to say


def test_regrade_needs_a_reason_and_valid_values(office, make_case, admin, clock):
    case = regrade_scenario(office, make_case, clock)
    with pytest.raises(ValidationError) as err:
        office.cases.regrade(case, " ", admin, severity="一般般", received_at="2026-12-01 09:00")
    assert set(err.value.problems) == {"定级原因", "程度", "受理时间"}
    case = Case.get_by_id(case.id)
    assert case.severity == "轻微" and MajorReport.select().count() == 0
    assert office.cases.regrade(case, "无变化", admin, severity="轻微") == []
    assert len(office.cases.timeline(case)) == 1
    # A closed case only by a manager; a voided one not at all.
    office.cases.resolve(case, "已处理", admin)
    office.cases.close(case, admin)
    clerk = office.staff.save_staff("李客服", "clerk")
    with pytest.raises(UserError, match="权限"):
        office.cases.regrade(case, "升级", clerk, severity="重要")


def test_update_recomputes_deadlines_too(office, make_case, admin, clock):
    case = regrade_scenario(office, make_case, clock)
    inp = CaseInput(
        account=case.account,
        kind="投诉",
        severity="重大",
        room="3-2-501",
        customer_name="张伟",
        customer_phone="13812345678",
        category="服务态度",
        validity="一类",
    )
    assert office.cases.update(case, inp, admin) == ["severity"]
    case = Case.get_by_id(case.id)
    assert case.resolve_due == dt.datetime(2026, 10, 22, 9, 0)
    assert MajorReport.get(MajorReport.case == case).due == dt.datetime(2026, 10, 10, 15, 0)
    assert "程度 轻微 → 重大" in office.cases.timeline(case)[-1].text


def test_a_version_1_data_folder_gets_the_report_columns(tmp_path, clock):
    """A data file as schema version 1 made it: MajorReport without raised/cancelled."""

    from app import db as dbmod
    from app.models import Setting
    from app.office import Office

    folder = tmp_path / "old"
    office = Office.open(folder, clock)
    office.initialise("阳光花园物业服务中心", "admin", "secret1", "王管理")
    admin = office.staff.authenticate("admin", "secret1")
    case = office.cases.create(
        CaseInput(account="保安推搡业主", kind="投诉", severity="重大", room="1-1-101", category="服务态度"),
        admin,
    )
    office.close()

    con = raw_connection(folder)
    table = MajorReport._meta.table_name
    for column in ("raised_at", "cancelled_at", "cancel_reason"):
        con.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    con.execute("UPDATE setting SET value = '1' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    office = Office.login(folder, "admin", "secret1", clock)
    try:
        assert Setting.get(Setting.key == "schema_version").value == str(dbmod.SCHEMA_VERSION)
        report = MajorReport.get(MajorReport.case == case.id)
        assert report.cancelled_at is None and report.cancel_reason == "" and report.raised_at is None
        admin = office.staff.authenticate("admin", "secret1")
        office.cases.regrade(office.cases.get(case.id), "核实为一般投诉", admin, severity="轻微")
        assert MajorReport.get(MajorReport.case == case.id).cancelled_at == clock.now()
    finally:
        office.close()


# The owner's requested date (或业主要求的时间), first reply and clear answer measured (issue 14)
def test_owner_requested_date_earlier_becomes_the_deadline(office, make_case, admin, clock):
    # Mon 28 Sep 09:30, minor: 2 working days -> Wed 30 Sep 09:30; the owner asked for Tue 29.
    case = make_case(kind="投诉", category="服务态度", requested_date="2026-09-29")
    assert case.requested_date == dt.date(2026, 9, 29)
    assert case.resolve_due == dt.datetime(2026, 9, 29, 23, 59)
    assert "业主要求 2026-09-29 前办结" in office.cases.timeline(case)[0].text
    # A later date than the policy's leaves the policy's deadline (default: only when earlier).
    later = make_case(kind="投诉", category="服务态度", requested_date="2026-10-12")
    assert later.resolve_due == dt.datetime(2026, 9, 30, 9, 30)
    # Re-graded to 重要 the owner's date no longer applies (minor complaints only), and back.
    office.cases.regrade(case, "业主情绪激动,升级", admin, severity="重要")
    assert case.resolve_due == dt.datetime(2026, 10, 8, 9, 30)
    office.cases.regrade(case, "核实为轻微", admin, severity="轻微")
    assert case.resolve_due == dt.datetime(2026, 9, 29, 23, 59)
    assert "(按业主要求的时间)" in office.cases.timeline(case)[-1].text


def test_owner_requested_date_always_when_the_policy_says_so(office, make_case):
    policy = office.policies.load()
    policy.requested_date_rule = "always"
    office.policies.save(policy)
    case = make_case(kind="投诉", category="服务态度", requested_date="2026-10-12")
    assert case.resolve_due == dt.datetime(2026, 10, 12, 23, 59)
    repair = make_case(kind="报修")  # no date asked: the policy's deadline
    assert repair.requested_date is None and repair.resolve_due == dt.datetime(2026, 9, 30, 9, 30)


@pytest.mark.parametrize(
    "fields,label",
    [
        (dict(kind="报修", requested_date="2026-09-30"), "业主要求的时间"),
        (dict(kind="投诉", category="服务态度", requested_date="2026-09-27"), "业主要求的时间"),
        (dict(kind="投诉", category="服务态度", requested_date="下周"), "业主要求的时间"),
        (dict(kind="报修", written_reply_only=True), "只要求书面答复"),
    ],
)
def test_requested_date_and_written_reply_refused_where_they_do_not_apply(make_case, fields, label):
    with pytest.raises(ValidationError) as err:
        make_case(**fields)
    assert label in err.value.problems


def test_late_first_reply_is_flagged_and_counted(office, make_case, admin, clock):
    from app.cases import first_reply_late
    from app.periods import Period
    from app.stats import Statistics

    on_time = make_case(kind="投诉", category="服务态度")  # reply due Tue 29 Sep 09:30
    late = make_case(kind="投诉", category="服务态度")
    silent = make_case(kind="投诉", category="服务态度")
    finished = make_case(kind="报修")  # finished late, never answered before: 办结 is no reply
    make_case(kind="投诉", category="服务态度", anonymous=True, room="")  # nobody to reply to
    clock.advance(hours=3)
    office.cases.add_note(on_time, "已电话告知业主处理安排", admin, response=True)
    assert not first_reply_late(on_time, clock.now())
    clock.at = dt.datetime(2026, 9, 29, 9, 29)
    assert not first_reply_late(silent, clock.now())
    clock.at = dt.datetime(2026, 9, 29, 11, 0)
    office.cases.add_note(late, "已回复业主", admin, response=True)
    office.cases.resolve(finished, "已更换灯管", admin)
    assert first_reply_late(late, clock.now())
    assert first_reply_late(silent, clock.now())
    assert first_reply_late(finished, clock.now())
    stats = Statistics(office.policies.load(), dt.date(2026, 10, 31)).compute(Period.month(2026, 9))
    assert stats.late_first_replies["投诉"] == 2 and stats.late_first_replies["报修"] == 1
    assert stats.late_first_reply_cases == [late.number, silent.number, finished.number]


def test_clear_answer_of_a_major_complaint_recorded_and_late(office, make_case, admin, clock):
    from app.cases import clear_answer_late
    from app.periods import Period
    from app.stats import Statistics

    major = make_case(kind="投诉", severity="重大", category="服务质量")  # answer due Wed 30 Sep 09:30
    other = make_case(kind="投诉", severity="重大", category="服务质量", room="1-1-101")
    clock.at = dt.datetime(2026, 9, 30, 16, 0)
    with pytest.raises(ValidationError) as err:
        office.cases.record_clear_answer(major, "", "2026-09-30 15:00", "传真", "", admin)
    assert {"答复人", "答复方式", "答复内容"} <= set(err.value.problems)
    report = office.cases.record_clear_answer(
        major, "李经理", "2026-09-30 15:00", "面谈", "向业主说明调查结果,十日内更换门禁", admin
    )
    assert (report.answered_by, report.answer_method) == ("李经理", "面谈")
    assert report.answered_at == dt.datetime(2026, 9, 30, 15, 0)
    assert clear_answer_late(major, report, clock.now())
    assert "超过明确答复期限" in office.cases.timeline(major)[-1].text
    office.cases.record_clear_answer(other, "王主管", "2026-09-29 10:00", "电话", "说明处理方案", admin)
    assert not clear_answer_late(other, MajorReport.get(MajorReport.case == other), clock.now())
    stats = Statistics(office.policies.load(), dt.date(2026, 10, 31)).compute(Period.month(2026, 9))
    assert stats.late_clear_answers == [major.number]
    with pytest.raises(UserError):
        office.cases.record_clear_answer(make_case(), "李", "2026-09-30 15:00", "电话", "好", admin)


def test_a_version_1_data_folder_gets_the_issue_14_columns(tmp_path, clock):
    """Schema version 1 had no requested date, written-reply flag, reply letter or clear answer."""

    from app import db as dbmod
    from app.models import ReplyLetter, Setting
    from app.office import Office

    folder = tmp_path / "old"
    office = Office.open(folder, clock)
    office.initialise("阳光花园物业服务中心", "admin", "secret1", "王管理")
    admin = office.staff.authenticate("admin", "secret1")
    case = office.cases.create(
        CaseInput(account="保安推搡业主", kind="投诉", severity="重大", room="1-1-101", category="服务态度"),
        admin,
    )
    office.close()

    con = raw_connection(folder)
    drops = {
        Case._meta.table_name: (
            "requested_date",
            "written_reply_only",
            "reply_letter_name",
            "reply_letter_at",
        ),
        MajorReport._meta.table_name: ("answered_at", "answered_by", "answer_method", "answer_text"),
    }
    for table, columns in drops.items():
        for column in columns:
            con.execute(f'ALTER TABLE "{table}" DROP COLUMN {column}')
    con.execute(f'DROP TABLE "{ReplyLetter._meta.table_name}"')
    con.execute("UPDATE setting SET value = '1' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    office = Office.login(folder, "admin", "secret1", clock)
    try:
        assert Setting.get(Setting.key == "schema_version").value == str(dbmod.SCHEMA_VERSION)
        old = Case.get_by_id(case.id)
        assert old.requested_date is None and old.written_reply_only is False
        assert office.cases.reply_letter(old) is None
        admin = office.staff.authenticate("admin", "secret1")
        report = office.cases.record_clear_answer(old, "李经理", clock.now(), "电话", "说明处理方案", admin)
        assert MajorReport.get_by_id(report.id).answered_by == "李经理"
        # Nothing that refers to the case was lost on the way (a table rebuild would cascade).
        assert [e.kind for e in office.cases.timeline(old)] == [domain.EV_RECEIVED, domain.EV_NOTE]
    finally:
        office.close()


def test_owner_requested_date_goes_out_and_back_in_the_programs_ledger(tmp_path, office, make_case, clock):
    from app.ledger.case_import import import_ledger
    from app.ledger.export import export_cases
    from app.office import Office

    case = make_case(kind="投诉", category="服务态度", requested_date="2026-09-29")
    plain = make_case(kind="投诉", category="服务态度", room="1-1-101")
    path = tmp_path / "out.xlsx"
    export_cases(office, path)
    other = Office.open(tmp_path / "other", clock)
    try:
        other.initialise("阳光花园物业服务中心", "admin", "secret1", "王管理")
        report = import_ledger(other, path, actor=other.staff.authenticate("admin", "secret1"))
        assert report.imported == 2 and not report.problems, report.problems
        back = Case.get(Case.number == case.number)
        assert back.requested_date == dt.date(2026, 9, 29)
        assert back.resolve_due == dt.datetime(2026, 9, 29, 23, 59)
        assert Case.get(Case.number == plain.number).requested_date is None
    finally:
        other.close()
