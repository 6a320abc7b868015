"""The form ledger: numbers issued once, signed out, returned or voided, never reused;
a visit signed on paper tied to a real form; the quarter's forms filed; kept forms destroyed
only when a person records it."""

import datetime as dt
import re
import threading

import pytest

from app import db as dbmod
from app import domain
from app.errors import UserError, ValidationError
from app.forms import (
    OUT,
    PRINTING,
    RETURNED,
    VOID,
    FormLedger,
    normalise_number,
    parse_quarter,
)
from app.models import FormArchiveBatch, FormDestruction, FormSheet, Setting, Visit, db
from app.office import Office
from app.visits import VisitResult
from tests.helpers import cli
from tests.helpers.files import raw_connection


@pytest.fixture
def ledger(office):
    return FormLedger(office.clock, office.policies)


@pytest.fixture
def steward(office):
    return office.staff.save_staff("赵物管", "steward", buildings="3,5")


@pytest.fixture
def other_steward(office):
    return office.staff.save_staff("孙物管", "steward", buildings="1,2")


def planned_visit(office, admin, make_case, visitor=None, **fields):
    values = dict(kind="投诉", category="服务态度", account="保安态度恶劣")
    values.update(fields)
    case = make_case(**values)
    office.cases.resolve(case, "已道歉", admin)
    visit = Visit.get(Visit.case == case)
    if visitor is not None:
        visit.visitor, visit.visitor_name = visitor, visitor.name
        visit.save()
    return visit


def on_paper(number: str, **changes) -> VisitResult:
    values = dict(
        method="上门", satisfaction="满意", findings="已当面致歉,业主接受", signed=True, form_no=number
    )
    values.update(changes)
    return VisitResult(**values)


def refusal(office, visit, result, actor) -> str:
    """The reason beside 表单编号, and nothing written."""
    before = [
        (f.number, f.state, f.returned_at, f.visit_id) for f in FormSheet.select().order_by(FormSheet.id)
    ]
    with pytest.raises(ValidationError) as err:
        office.visits.complete(visit, result, actor)
    assert Visit.get_by_id(visit.id).state == domain.VISIT_PLANNED
    after = [
        (f.number, f.state, f.returned_at, f.visit_id) for f in FormSheet.select().order_by(FormSheet.id)
    ]
    assert after == before
    return err.value.problems["表单编号"]


# Numbers ----------------------------------------------------------------------------------
def test_numbers_are_consecutive_and_unique(ledger):
    first = ledger.issue_blank(3)
    second = ledger.issue_blank(2)
    numbers = [f.number for f in first + second]
    assert numbers == [f"HF-2026-{n:06d}" for n in range(1, 6)]


def test_rapid_printing_from_threads_has_no_gaps_or_duplicates(ledger, office):
    errors = []

    def worker():
        try:
            db.connect(reuse_if_open=True)
            for _ in range(10):
                ledger.issue_blank(2)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            db.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    numbers = sorted(int(f.number[-6:]) for f in FormSheet.select())
    assert numbers == list(range(1, 81))


@pytest.mark.parametrize(
    "typed",
    [
        "HF-2026-000007",
        " hf-2026-000007 ",
        "ＨＦ－２０２６－０００００７",  # full-width, as a Chinese input method types it
        "HF 2026 000007",
        "hf2026000007",
        "HF—2026—7",
        "NO.HF-2026-000007",
        "HF-2026-\u3000000007",
    ],
)
def test_numbers_typed_loosely_are_normalised(typed):
    assert normalise_number(typed) == "HF-2026-000007"


def test_lifecycle_and_overdue(ledger, office, admin, make_case, clock, steward):
    visit = planned_visit(office, admin, make_case)
    form = ledger.issue_for_visit(visit, admin)
    assert ledger.issue_for_visit(visit, admin).id == form.id  # one live form per visit
    assert form.visit_item.startswith(visit.case.number)
    ledger.sign_out(form, steward)
    assert form.state == OUT and ledger.out_by_person() == {"赵物管": [form]}
    with pytest.raises(UserError):
        ledger.sign_out(form, steward)
    clock.advance(days=8)
    assert [f.id for f in ledger.out_too_long()] == [form.id]
    assert ledger.days_out(FormSheet.get_by_id(form.id)) == 8
    office.visits.complete(visit, on_paper(form.number), admin)
    with pytest.raises(UserError, match="已交回"):
        ledger.void(form, "写错了")


def test_void_keeps_the_number(ledger, clock):
    a, b = ledger.issue_blank(2)
    with pytest.raises(ValidationError):
        ledger.void(a, " ")
    clock.advance(hours=2)
    ledger.void(a, "打印卡纸", None)
    a = FormSheet.get_by_id(a.id)
    assert a.state == VOID and a.voided_at == clock.now() and a.void_reason.startswith("打印卡纸(系统")
    (c,) = ledger.issue_blank(1)
    assert c.number.endswith("000003")
    with pytest.raises(UserError, match="没有编号"):
        ledger.by_number("HF-2026-999999")
    assert ledger.by_number(" hf-2026-000002 ").id == b.id
    assert ledger.by_number("ＨＦ－２０２６－０００００２").id == b.id


def test_blank_count_limits(ledger):
    for bad in (0, 501):
        with pytest.raises(ValidationError):
            ledger.issue_blank(bad)


# A visit signed on paper -----------------------------------------------------------------
def test_a_blank_form_out_to_the_visitor_is_returned_by_the_same_save(
    ledger, office, admin, make_case, clock, steward
):
    visit = planned_visit(office, admin, make_case, visitor=steward)
    (form,) = ledger.issue_blank(1, admin)
    ledger.sign_out(form, steward, remarks="上门前已电话预约")
    clock.advance(days=9)
    assert [f.id for f in ledger.out_too_long()] == [form.id]
    assert [f.number for f in ledger.usable_for_visit(visit)] == [form.number]
    office.visits.complete(visit, on_paper(" ｈｆ－2026－000001 "), admin)  # typed loosely
    visit = Visit.get_by_id(visit.id)
    form = FormSheet.get_by_id(form.id)
    assert visit.state == domain.VISIT_DONE and visit.form_no == "HF-2026-000001"
    assert form.state == RETURNED and form.visit_id == visit.id
    assert form.returned_at == clock.now() and form.checked_by == "王管理"  # the person saving
    assert ledger.out_too_long() == [] and ledger.out_by_person() == {}
    assert ledger.days_out(form) is None


def test_the_form_printed_for_the_visit_is_accepted_printed_or_out(ledger, office, admin, make_case, steward):
    visit = planned_visit(office, admin, make_case)
    form = ledger.issue_for_visit(visit, admin)  # pre-filled, still in the office
    assert [f.number for f in ledger.usable_for_visit(visit)] == [form.number]
    office.visits.complete(visit, on_paper(form.number), steward)
    form = FormSheet.get_by_id(form.id)
    assert form.state == RETURNED and form.checked_by == "赵物管"
    assert Visit.get_by_id(visit.id).visitor_name == "赵物管"


def test_nobody_assigned_the_visitor_is_who_took_the_form(ledger, office, admin, make_case, steward):
    visit = planned_visit(office, admin, make_case)
    visit.visitor, visit.visitor_name = None, ""
    visit.save()
    (form,) = ledger.issue_blank(1, admin)
    ledger.sign_out(form, steward)
    assert [f.number for f in ledger.usable_for_visit(visit)] == [form.number]
    office.visits.complete(visit, on_paper(form.number), admin)  # the clerk types it in
    visit = Visit.get_by_id(visit.id)
    assert visit.visitor_name == "赵物管" and FormSheet.get_by_id(form.id).checked_by == "王管理"


def test_a_made_up_number_is_refused(office, admin, make_case):
    visit = planned_visit(office, admin, make_case)
    reason = refusal(office, visit, on_paper("HF-2026-004711"), admin)
    assert reason.startswith("台账里没有编号为“HF-2026-004711”的回访记录表") and "核对" in reason
    assert "签字须填写表单编号" in refusal(office, visit, on_paper(" "), admin)


def test_a_voided_form_is_refused(ledger, office, admin, make_case, steward):
    visit = planned_visit(office, admin, make_case, visitor=steward)
    (form,) = ledger.issue_blank(1)
    ledger.sign_out(form, steward)
    ledger.void(form, "污损", admin)
    reason = refusal(office, visit, on_paper(form.number), admin)
    assert reason.startswith(f"{form.number} 已作废,不能用来记录回访;请填写这次回访实际使用的表号")
    assert "作废原因:污损(王管理 2026-09-28 09:30)" in reason
    assert ledger.usable_for_visit(visit) == []


def test_a_form_used_by_another_visit_is_refused(ledger, office, admin, make_case, steward):
    first = planned_visit(office, admin, make_case, visitor=steward)
    second = planned_visit(office, admin, make_case, visitor=steward, room="3-1-101")
    (form,) = ledger.issue_blank(1)
    ledger.sign_out(form, steward)
    office.visits.complete(first, on_paper(form.number), admin)
    reason = refusal(office, second, on_paper(form.number), admin)
    assert reason == (f"{form.number} 已用于回访 #{first.id}(案件 {first.case.number}),不能再用于这次回访")


def test_a_form_printed_for_another_visit_is_refused(ledger, office, admin, make_case):
    first = planned_visit(office, admin, make_case)
    second = planned_visit(office, admin, make_case, room="3-1-101")
    form = ledger.issue_for_visit(first, admin)
    reason = refusal(office, second, on_paper(form.number), admin)
    assert f"是为回访 #{first.id}(案件 {first.case.number})开出的" in reason
    assert "请填写这次回访的表号" in reason


def test_a_blank_form_not_signed_out_is_refused_until_it_is(ledger, office, admin, make_case, steward):
    visit = planned_visit(office, admin, make_case, visitor=steward)
    (form,) = ledger.issue_blank(1)
    reason = refusal(office, visit, on_paper(form.number), admin)
    assert (
        reason.startswith(f"{form.number} 是空白表,台账上还没有人领用") and "先在表单台账中登记领用" in reason
    )
    ledger.sign_out(form, steward)
    office.visits.complete(visit, on_paper(form.number), admin)
    assert FormSheet.get_by_id(form.id).state == RETURNED


def test_a_blank_form_out_to_someone_else_is_refused(
    ledger, office, admin, make_case, steward, other_steward
):
    visit = planned_visit(office, admin, make_case, visitor=steward)
    (form,) = ledger.issue_blank(1)
    ledger.sign_out(form, other_steward)
    assert ledger.usable_for_visit(visit) == []
    reason = refusal(office, visit, on_paper(form.number), admin)
    assert reason.startswith(f"{form.number} 由孙物管领用,不是这次回访的回访人赵物管领用的")


def test_a_form_still_printing_is_refused(ledger, office, admin, make_case):
    """打印中 (the reservation while the job is at the printer) is not a form on paper yet."""
    visit = planned_visit(office, admin, make_case)
    form = ledger.issue_for_visit(visit, admin)
    FormSheet.update(state=PRINTING).where(FormSheet.id == form.id).execute()  # as a job holds it
    reason = refusal(office, visit, on_paper(form.number), admin)
    assert reason.startswith(f"{form.number} 当前为“打印中”") and "打印完成后再保存" in reason
    assert ledger.usable_for_visit(visit) == []


def test_a_phone_visit_naming_a_form_also_closes_it(ledger, office, admin, make_case):
    """A number given without the signed box is checked and closed the same way."""
    visit = planned_visit(office, admin, make_case)
    assert "没有编号" in refusal(
        office, visit, on_paper("HF-2026-000099", signed=False, method="电话"), admin
    )
    form = ledger.issue_for_visit(visit, admin)
    office.visits.complete(visit, on_paper(form.number, signed=False, method="电话"), admin)
    assert FormSheet.get_by_id(form.id).state == RETURNED


# Returning without entering the visit ----------------------------------------------------
def test_a_blank_form_cannot_be_returned_without_its_visit(ledger, office, admin, make_case, steward):
    (form,) = ledger.issue_blank(1)
    ledger.sign_out(form, steward)
    with pytest.raises(ValidationError) as err:
        ledger.return_form(form, "王管理")
    assert "没有用过的表不能交回,请作废并写明原因" in err.value.problems["回访"]
    visit = planned_visit(office, admin, make_case, visitor=steward)
    with pytest.raises(ValidationError) as err:
        ledger.return_form(form, "王管理", visit)
    assert err.value.problems["回访"].startswith(f"回访 #{visit.id} 还没有录入结果")
    assert FormSheet.get_by_id(form.id).state == OUT
    ledger.void(form, "未使用,交回作废", admin)
    assert FormSheet.get_by_id(form.id).state == VOID


def test_return_against_a_visit_entered_without_a_number(ledger, office, admin, make_case, clock, steward):
    """The result was typed in first (signed on the pad); the paper comes back afterwards."""
    visit = planned_visit(office, admin, make_case, visitor=steward)
    (form,) = ledger.issue_blank(1)
    ledger.sign_out(form, steward)
    office.visits.complete(visit, on_paper("", signed=False, method="电话"), admin)
    with pytest.raises(ValidationError) as err:
        ledger.return_form(form, "", visit)
    assert err.value.problems == {"核对人": "必须填写"}
    ledger.return_form(form, "王管理", visit, scan=b"\x89PNG scan", scan_name="scan.png")
    form = FormSheet.get_by_id(form.id)
    assert form.state == RETURNED and Visit.get_by_id(visit.id).form_no == form.number
    # A second form cannot be returned against the same visit.
    (other,) = ledger.issue_blank(1)
    ledger.sign_out(other, steward)
    with pytest.raises(ValidationError) as err:
        ledger.return_form(other, "王管理", visit)
    assert err.value.problems["回访"] == (
        f"回访 #{visit.id} 已记录在 {form.number} 上,{other.number} 不能再记作这次回访的表"
    )


def test_a_form_printed_for_one_visit_is_not_returned_for_another(ledger, office, admin, make_case):
    first = planned_visit(office, admin, make_case)
    second = planned_visit(office, admin, make_case, room="3-1-101")
    form = ledger.issue_for_visit(first, admin)
    with pytest.raises(ValidationError) as err:
        ledger.return_form(form, "王管理", second)
    assert f"是为回访 #{first.id} 开出的" in err.value.problems["回访"]


# Quarterly archive -----------------------------------------------------------------------
@pytest.fixture
def quarter_of_forms(ledger, office, admin, make_case, clock, steward):
    """In 2026 Q3 (the clock's quarter): two forms returned with visits, one voided, one
    still out; a form returned in Q4 belongs to the next batch."""
    v1 = planned_visit(office, admin, make_case, visitor=steward)
    v2 = planned_visit(office, admin, make_case, visitor=steward, room="3-1-101")
    v3 = planned_visit(office, admin, make_case, visitor=steward, room="3-1-102")
    a, b, c, d, e = ledger.issue_blank(5, admin)
    for form in (a, b, d, e):
        ledger.sign_out(form, steward)
    office.visits.complete(v1, on_paper(a.number), admin)
    office.visits.complete(v2, on_paper(b.number), admin)
    ledger.void(c, "打印错误", admin)
    clock.at = dt.datetime(2026, 10, 2, 9, 0)
    office.visits.complete(v3, on_paper(e.number), admin)
    return {"returned": [a, b], "voided": c, "out": d, "q4": e}


def test_archive_lists_the_quarter_and_marks_the_batch(ledger, clock, admin, quarter_of_forms):
    listing = ledger.quarter_archive("2026Q3")
    assert listing.quarter == "2026-Q3"
    assert listing.opens == dt.date(2026, 10, 1) and listing.deadline == dt.date(2026, 10, 10)
    assert [f.number for f in listing.to_file] == ["HF-2026-000001", "HF-2026-000002", "HF-2026-000003"]
    assert [f.number for f in listing.still_out] == ["HF-2026-000004"]  # listed, not blocking
    assert not listing.late(clock.now().date())
    assert [q.quarter for q in ledger.quarters_to_archive()] == ["2026-Q3"]
    batch = ledger.archive("2026 q3", admin, expected=[f.id for f in listing.to_file], remarks="第3号档案盒")
    assert (batch.quarter, batch.form_count, batch.archived_by, batch.archived_at) == (
        "2026-Q3",
        3,
        "王管理",
        clock.now(),
    )
    assert {f.number for f in FormSheet.select().where(FormSheet.archived_in == batch)} == {
        "HF-2026-000001",
        "HF-2026-000002",
        "HF-2026-000003",
    }
    assert ledger.flags(FormSheet.get(FormSheet.number == "HF-2026-000001")) == "已归档"
    assert ledger.flags(FormSheet.get(FormSheet.number == "HF-2026-000004")) == ""
    with pytest.raises(UserError, match="已于 2026-10-02 09:00 由 王管理 归档,没有新的待归档表单"):
        ledger.archive("2026Q3", admin)
    assert ledger.quarters_to_archive() == []
    # The form still out is filed with the quarter it comes back in.
    assert "HF-2026-000005" in [f.number for f in ledger.quarter_archive("2026Q4").to_file]


def test_archive_waits_for_the_quarter_to_end(ledger, clock, admin, quarter_of_forms):
    with pytest.raises(UserError, match="2026 年第 4 季度还没有结束:2027-01-01 起才能归档"):
        ledger.archive("2026Q4", admin)
    with pytest.raises(UserError, match="2025 年第 1 季度没有交回或作废的表单,无需归档"):
        ledger.archive("2025Q1", admin)
    for bad in ("2026Q5", "Q3", "明年", "1999Q1"):
        with pytest.raises(UserError, match="季度写法不对"):
            parse_quarter(bad)
    assert parse_quarter("2026年第3季度") == parse_quarter("２０２６Ｑ３") == "2026-Q3"


def test_archive_refuses_when_the_list_changed(ledger, office, admin, clock, quarter_of_forms):
    listing = ledger.quarter_archive("2026Q3")
    shown = [f.id for f in listing.to_file][:2]
    with pytest.raises(UserError, match="待归档清单已有变化"):
        ledger.archive("2026Q3", admin, expected=shown)
    assert FormArchiveBatch.select().count() == 0


def test_archive_is_late_after_the_10th(ledger, office, admin, clock, quarter_of_forms):
    clock.at = dt.datetime(2026, 10, 10, 17, 0)
    assert ledger.archives_late() == []  # the 10th itself is in time
    clock.at = dt.datetime(2026, 10, 11, 8, 0)
    late = ledger.archives_late()
    assert [q.quarter for q in late] == ["2026-Q3"] and len(late[0].to_file) == 3
    ledger.archive("2026Q3", admin)
    assert ledger.archives_late() == []


def test_the_dashboard_counts_the_quarters_to_file(office, admin, clock, quarter_of_forms):
    from app.dashboard import FormsToFile, dashboard

    board = dashboard(office, dt.date(2026, 10, 10))
    assert board.forms_to_file == [FormsToFile("2026-Q3", 3, dt.date(2026, 10, 10), False)]
    assert board.forms_archive_late == [] and board.forms_to_destroy == 0
    board = dashboard(office, dt.date(2026, 10, 11))
    assert board.forms_archive_late == [FormsToFile("2026-Q3", 3, dt.date(2026, 10, 10), True)]
    office.forms.archive("2026Q3", admin)
    assert dashboard(office, dt.date(2026, 10, 11)).forms_to_file == []
    clock.at = dt.datetime(2028, 10, 1, 8, 0)
    assert dashboard(office, clock.now().date()).forms_to_destroy == 3


# Keeping two years and destruction -------------------------------------------------------
def test_filed_forms_are_listed_for_destruction_after_two_years(
    ledger, office, admin, clock, quarter_of_forms
):
    ledger.archive("2026Q3", admin)
    assert ledger.destroyable() == []
    clock.at = dt.datetime(2028, 9, 30, 12, 0)  # the quarter ended 2026-10-01: kept to 2028-10-01
    assert ledger.destroyable() == [] and ledger.destroyable_count() == 0
    with pytest.raises(UserError) as err:
        ledger.record_destruction(["HF-2026-000001"], clock.now().date(), "钱主任", admin)
    assert "HF-2026-000001 须保管到 2028-10-01" in str(err.value)
    clock.at = dt.datetime(2028, 10, 1, 9, 0)
    listed = ledger.destroyable()
    assert ledger.destroyable_count() == len(listed) == 3
    assert [(d.form.number, d.quarter, d.keep_until) for d in listed] == [
        ("HF-2026-000001", "2026-Q3", dt.date(2028, 10, 1)),
        ("HF-2026-000002", "2026-Q3", dt.date(2028, 10, 1)),
        ("HF-2026-000003", "2026-Q3", dt.date(2028, 10, 1)),
    ]
    assert ledger.destroyable(before=dt.date(2026, 9, 30)) == []  # only quarters ended by then
    assert FormSheet.select().where(FormSheet.destroyed_in.is_null(False)).count() == 0  # nothing by itself


def test_destruction_is_recorded_and_the_rows_stay(ledger, office, admin, clock, quarter_of_forms):
    ledger.archive("2026Q3", admin)
    clock.at = dt.datetime(2028, 10, 8, 15, 0)
    with pytest.raises(ValidationError) as err:
        ledger.record_destruction([], clock.now().date() + dt.timedelta(days=1), " ", admin)
    assert set(err.value.problems) == {"销毁人", "销毁日期", "表单编号"}
    with pytest.raises(UserError) as err:
        ledger.record_destruction(
            ["HF-2026-000001", "HF-2026-000004", "HF-2026-000099"], dt.date(2028, 10, 8), "钱主任", admin
        )
    text = str(err.value)
    assert "HF-2026-000004 还没有归档(已领用)" in text and "HF-2026-000099 台账里没有" in text
    assert FormDestruction.select().count() == 0  # all or nothing
    record = ledger.record_destruction(
        ["hf-2026-000001", "HF-2026-000002", "HF-2026-000002"],
        dt.date(2028, 10, 8),
        "钱主任",
        admin,
        "碎纸机销毁,李会计见证",
    )
    assert (record.destroyed_by, record.recorded_by, record.form_count) == ("钱主任", "王管理", 2)
    assert record.numbers.splitlines() == ["HF-2026-000001", "HF-2026-000002"]
    assert record.destroyed_on == dt.date(2028, 10, 8) and record.remarks == "碎纸机销毁,李会计见证"
    assert FormSheet.select().count() == 5  # the ledger rows stay
    assert ledger.flags(FormSheet.get(FormSheet.number == "HF-2026-000001")) == "已销毁"
    assert [d.form.number for d in ledger.destroyable()] == ["HF-2026-000003"]
    assert ledger.destroyable_count() == 1
    with pytest.raises(UserError, match="HF-2026-000001 已于 2028-10-08 由 钱主任 销毁"):
        ledger.record_destruction(["HF-2026-000001"], dt.date(2028, 10, 8), "钱主任", admin)


def test_the_keeping_period_is_the_policy(ledger, office, admin, clock, quarter_of_forms):
    ledger.archive("2026Q3", admin)
    policy = office.policies.load()
    policy.visits.form_keep_years = 3
    office.policies.save(policy)
    clock.at = dt.datetime(2028, 10, 1, 9, 0)
    assert ledger.keep_years() == 3 and ledger.destroyable() == []
    clock.at = dt.datetime(2029, 10, 1, 9, 0)
    assert len(ledger.destroyable()) == 3
    policy.visits.form_keep_years = 0
    with pytest.raises(ValidationError) as err:
        office.policies.save(policy)
    assert "回访记录表保管年数" in err.value.problems


# Schema ----------------------------------------------------------------------------------
def test_a_version_1_data_folder_is_migrated(tmp_path, clock):
    """A data file as schema version 1 made it: no archive tables, no new form columns."""
    folder = tmp_path / "old"
    office = Office.open(folder, clock)
    office.initialise("阳光花园物业服务中心", "admin", "secret1", "王管理")
    office.close()

    con = raw_connection(folder)
    con.execute("PRAGMA foreign_keys = OFF")
    table = FormSheet._meta.table_name
    (create,) = con.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    indexes = [
        sql
        for (sql,) in con.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", (table,)
        )
        if sql and "archived_in_id" not in sql and "destroyed_in_id" not in sql
    ]
    new_columns = r"(voided_at|archived_in_id|destroyed_in_id)"
    v1 = re.sub(rf', "{new_columns}" [A-Z]+', "", create)
    v1 = re.sub(rf', FOREIGN KEY \("{new_columns}"\) REFERENCES "\w+" \("id"\) ON DELETE SET NULL', "", v1)
    assert "archived_in_id" not in v1 and v1.endswith(")")
    con.execute(f"DROP TABLE {table}")
    con.execute(v1)
    for sql in indexes:
        con.execute(sql)
    con.execute(f"DROP TABLE {FormArchiveBatch._meta.table_name}")
    con.execute(f"DROP TABLE {FormDestruction._meta.table_name}")
    con.execute(
        f"INSERT INTO {table} (number, state, printed_at, printed_by, taken_by_name, visit_item,"
        " visit_count, checked_by, void_reason, remarks, scan_name) VALUES"
        " ('HF-2026-000001', '已作废', '2026-07-01 10:00:00', '王管理', '', '', 1, '',"
        " '污损(王管理 2026-08-03 14:20)', '', ''),"
        " ('HF-2026-000002', '已作废', '2026-07-02 10:00:00', '王管理', '', '', 1, '', '卡纸', '', '')"
    )
    con.execute("UPDATE setting SET value = '1' WHERE key = 'schema_version'")
    con.commit()
    columns = {row[1] for row in con.execute(f"PRAGMA table_info({table})")}
    con.close()
    assert "voided_at" not in columns and "archived_in_id" not in columns

    office = Office.login(folder, "admin", "secret1", clock)
    try:
        assert dbmod.schema_version() == dbmod.SCHEMA_VERSION
        assert Setting.get(Setting.key == "schema_version").value == str(dbmod.SCHEMA_VERSION)
        first, second = FormSheet.select().order_by(FormSheet.id)
        assert first.voided_at == dt.datetime(2026, 8, 3, 14, 20)  # from the reason's time
        assert second.voided_at == dt.datetime(2026, 7, 2, 10, 0)  # else when it was printed
        assert [f.number for f in office.forms.quarter_archive("2026Q3").to_file] == [
            "HF-2026-000001",
            "HF-2026-000002",
        ]
        clock.at = dt.datetime(2026, 10, 3, 9, 0)
        batch = office.forms.archive("2026Q3", None)
        assert batch.archived_by == "系统" and batch.form_count == 2
    finally:
        office.close()
    assert list(folder.glob("*.v1.*.bak"))  # a backup before the change


# Command line ----------------------------------------------------------------------------
def test_form_archive_command(office, admin, clock, quarter_of_forms, monkeypatch, capsys):
    from app import office as office_module

    office.close()
    monkeypatch.setattr(office_module, "SystemClock", lambda: clock)  # the CLI's clock, fixed
    data = str(office.data_dir)
    assert cli.run(data, *["form", "archive", "--quarter", "2026Q3", "--list"]) == 0
    out = capsys.readouterr().out
    assert "2026 年第 3 季度:待归档 3 份(交回或作废),2026-10-01 起可归档,须在 2026-10-10 前完成" in out
    assert "HF-2026-000003  已作废  2026-09-28" in out
    assert "尚未交回 1 份(不影响本次归档" in out and "HF-2026-000004  已领用" in out
    assert cli.run(data, *["form", "archive", "--quarter", "2026q3", "--by", "无此人"]) == 2
    assert "人员名单中没有“无此人”" in capsys.readouterr().err
    assert cli.run(data, *["form", "archive", "--quarter", "2026Q3", "--remarks", "3号盒"]) == 0
    assert "已归档 3 份(2026 年第 3 季度),归档人 王管理,2026-10-02 09:00" in capsys.readouterr().out
    assert cli.run(data, *["form", "archive", "--quarter", "2026Q3"]) == 2
    assert "没有新的待归档表单" in capsys.readouterr().err
    assert cli.run(data, *["form", "archive", "--quarter", "2026Q4"]) == 2
    assert "2027-01-01 起才能归档" in capsys.readouterr().err
    assert cli.run(data, *["form", "archive", "--quarter", "三季度"]) == 2
    assert "季度写法不对" in capsys.readouterr().err
    Office.login(office.data_dir, "admin", "secret1", clock)
    batch = FormArchiveBatch.get()
    assert (batch.quarter, batch.form_count, batch.remarks) == ("2026-Q3", 3, "3号盒")
    db.close()


def test_form_destroy_command(office, admin, clock, quarter_of_forms, monkeypatch, capsys):
    from app import office as office_module

    office.forms.archive("2026Q3", admin)
    office.close()
    monkeypatch.setattr(office_module, "SystemClock", lambda: clock)
    data = str(office.data_dir)
    assert cli.run(data, *["form", "destroy", "--list"]) == 0
    assert "可以销毁的表单 0 份" in capsys.readouterr().out
    clock.at = dt.datetime(2028, 10, 9, 10, 0)
    assert cli.run(data, *["form", "destroy", "--before", "2026-09-30", "--list"]) == 0
    assert "可以销毁的表单 0 份" in capsys.readouterr().out
    assert cli.run(data, *["form", "destroy", "--before", "2026-10-01", "--list"]) == 0
    out = capsys.readouterr().out
    assert "保管期(2 年)已满、可以销毁的表单 3 份" in out
    assert "HF-2026-000001  已交回·已归档" in out and "2026-Q3 归档,保管至 2028-10-01" in out
    assert cli.run(data, *["form", "destroy"]) == 2  # who destroyed them?
    assert "--by" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_code:
        cli.run(data, *["form", "destroy", "--on", "2028-13-01", "--by", "钱主任"])
    assert exit_code.value.code == 2
    assert "日期“2028-13-01”看不懂" in capsys.readouterr().err
    assert (
        cli.run(
            data,
            *[
                "form",
                "destroy",
                "--numbers",
                "hf-2026-000001,HF-2026-000002",
                "--on",
                "2028-10-08",
                "--by",
                "钱主任",
                "--remarks",
                "碎纸机",
            ],
        )
        == 0
    )
    assert "已登记销毁 2 份:2028-10-08 由 钱主任 销毁(登记人 王管理)" in capsys.readouterr().out
    assert cli.run(data, *["form", "destroy", "--numbers", "HF-2026-000004", "--by", "钱主任"]) == 2
    assert "HF-2026-000004 还没有归档" in capsys.readouterr().err
    Office.login(office.data_dir, "admin", "secret1", clock)
    assert FormSheet.select().count() == 5
    assert [f.number for f in FormSheet.select().where(FormSheet.destroyed_in.is_null(False))] == [
        "HF-2026-000001",
        "HF-2026-000002",
    ]
    db.close()
