"""Refusals made in app/ for cases, visits, people and the policy, in the chosen language
(issue 16 items 4 and 5): each goes through the real service and reads as a sentence in English
or 繁體; the field names stay the source's keys (the windows find their fields by them) and
what is stored stays in the source language."""

import datetime as dt

import pytest

from app import domain, i18n
from app.cases import CaseInput
from app.errors import UserError, ValidationError
from app.models import Case, Staff, Visit
from app.permissions import require
from app.policy_checks import check_visit_roles_data
from app.validation import normalise_phone
from app.visits import VisitResult


@pytest.fixture
def language():
    """Set the process's language for one test and put the source back after."""
    yield i18n.set_language
    i18n.set_language(i18n.SOURCE_LANGUAGE)


def _resolved(office, admin, make_case, **fields):
    case = make_case(**fields)
    office.cases.resolve(case, "已处理", admin)
    return case


def test_resolving_without_the_containment_is_refused_in_english(office, admin, make_case, language):
    case = make_case(kind="投诉", category="服务态度", contain_needed=True)
    language("en")
    with pytest.raises(UserError) as err:
        office.cases.resolve(case, "已处理", admin)
    assert str(err.value) == (
        f"Record the containment of case {case.number} first (due {case.contain_due:%m-%d %H:%M}), "
        "then resolve it"
    )
    assert Case.get_by_id(case.id).state != domain.RESOLVED  # nothing half-written


def test_an_extension_without_a_reason_names_the_field_and_the_reason_in_english(
    office, admin, make_case, language
):
    case = make_case()
    language("en")
    with pytest.raises(ValidationError) as err:
        office.cases.extend(case, case.resolve_due - dt.timedelta(hours=1), "  ", admin, admin)
    # the keys stay the source's field names: the window finds its field by them
    assert set(err.value.problems) == {"延期原因", "新期限"}
    assert err.value.problems["延期原因"] == "is required"
    message = str(err.value)
    assert "Reason for the extension: is required" in message
    assert f"New deadline: must be later than the old deadline, {case.resolve_due:%Y-%m-%d %H:%M}" in message
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in message), message


def test_a_bad_phone_at_intake_reads_in_english_and_in_traditional(office, admin, language):
    language("en")
    with pytest.raises(ValidationError) as err:
        office.cases.create(
            CaseInput(
                account="楼道灯不亮", kind="报修", room="3-2-501", customer_phone="12345", category="其他"
            ),
            admin,
        )
    assert "联系电话" in err.value.problems
    assert "Phone: is not a valid mainland China phone number" in str(err.value)
    language("zh_TW")
    with pytest.raises(ValidationError) as err:
        office.cases.create(
            CaseInput(account="楼道灯不亮", kind="报修", room="3-2-501", customer_phone="12345"), admin
        )
    assert "聯絡電話:不是有效的大陸電話號碼" in str(err.value)
    assert Case.select().count() == 0  # bad input loses nothing and writes nothing


def test_a_choice_outside_the_list_shows_the_choices_in_the_language(office, admin, language):
    language("en")
    with pytest.raises(ValidationError) as err:
        office.cases.check(CaseInput(account="x", kind="投诉", room="3-2-501", severity="天大"))
    assert "Severity: “天大” is not one of the choices: Minor, Serious, Major" in str(err.value)


def test_a_state_refusal_names_the_state_and_the_step_in_english(office, admin, make_case, language):
    case = _resolved(office, admin, make_case)
    language("en")
    with pytest.raises(UserError) as err:
        office.cases.extend(case, case.resolve_due + dt.timedelta(days=1), "等配件", admin, admin)
    assert str(err.value) == f"Case {case.number} is “Resolved”: you cannot extend it"


def test_a_visit_refused_reads_in_english(office, admin, make_case, clock, language):
    case = _resolved(office, admin, make_case, kind="投诉", category="服务态度")
    visit = Visit.get(Visit.case == case)
    language("en")
    with pytest.raises(ValidationError) as err:
        office.visits.complete(
            visit, VisitResult(method="短信", satisfaction=None, findings="维修及时"), admin
        )
    message = str(err.value)
    assert "Satisfaction: Choose the satisfaction to complete the visit" in message
    assert "Visit method: visits of this kind can only be made by" in message
    assert Visit.get_by_id(visit.id).state == domain.VISIT_PLANNED
    with pytest.raises(UserError) as err:
        office.visits.add_by_hand(case, "再加一次", admin)
    assert str(err.value) == f"{case.number} already has a visit planned"
    language("zh_TW")
    with pytest.raises(UserError) as err:
        office.visits.add_by_hand(case, "再加一次", admin)
    assert str(err.value) == f"{case.number} 已有待回訪計劃"


def test_what_is_stored_stays_in_the_source_language(office, admin, make_case, language):
    language("en")
    case = _resolved(office, admin, make_case, kind="投诉", severity="轻微", category="服务态度")
    visit = Visit.get(Visit.case == case)
    assert visit.reason == "投诉·轻微 → 物管员,办结后3天内"  # the plan line is data
    assert Case.get_by_id(case.id).state == "已办结"
    # shown now, the same rule reads in the chosen language
    assert office.visits.dates.rule_text(case).startswith("Complaint")


def test_a_permission_refusal_names_the_permission_in_english(office, language):
    clerk = Staff(name="李客服", role="clerk")
    language("en")
    with pytest.raises(UserError) as err:
        require(clerk, "staff.manage")
    assert str(err.value) == (
        "李客服 does not have the permission “Manage staff and logins”: ask someone who has it"
    )


def test_policy_checks_and_the_phone_rule_speak_english(language):
    language("en")
    with pytest.raises(ValidationError) as err:
        check_visit_roles_data({"two_visitors": {"roles": ["steward", "steward"]}})
    assert str(err.value) == "Roles of the two visitors: must be two different roles"
    with pytest.raises(ValueError) as bad:
        normalise_phone("1381234567X")
    assert str(bad.value) == "A phone number may contain only digits and -"


def test_pseudo_finds_no_untranslated_refusal(office, admin, make_case, language):
    """Every word of these refusals went through the catalog (⟪…⟫) or is data."""
    case = make_case(kind="投诉", category="服务态度", contain_needed=True)
    language("pseudo")
    with pytest.raises(UserError) as err:
        office.cases.resolve(case, "已处理", admin)
    text = str(err.value).replace(case.number, "")
    outside = "".join(part.split("⟫", 1)[-1] for part in text.split("⟪"))
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in outside), text


def test_the_timeline_is_stored_in_the_source_and_shown_in_the_chosen_language(
    office, admin, make_case, clock, language
):
    from app.cases.shown import shown_event_text

    language("en")  # a clerk working in English: what is stored stays the source
    department = office.staff.add_department("工程部")
    case = make_case(kind="投诉", category="服务态度", contain_needed=True, requested_date=clock.now().date())
    office.cases.dispatch(case, department, admin, instructions="今天内修好")
    slip = office.cases.slips(case)[0]
    office.cases.sign_for(slip, "李工", admin)
    office.cases.contain(case, "已关闭总阀", admin, by="李工")
    manager = office.staff.save_staff("周经理", "office_manager", username="zhou", password="secret1")
    office.cases.extend(case, case.resolve_due + dt.timedelta(days=2), "等配件", manager, manager)
    office.cases.mark_typical(case, True, "多次漏水", admin)
    office.cases.resolve(case, "已更换水管", admin)
    visit = Visit.get(Visit.case == case)
    office.visits.complete(visit, VisitResult(method="电话", satisfaction="满意", findings="维修及时"), admin)
    office.cases.close(case, admin)
    lines = [e.text for e in office.cases.timeline(case)]
    assert lines[0].startswith("电话受理:投诉·轻微;业主要求 ")  # stored as the program wrote it
    assert "已关闭" in lines
    shown = [shown_event_text(text) for text in lines]
    assert shown[0].startswith("Received by Phone: Complaint · Minor; the owner asked for it done before ")
    assert "needs containment, due" in shown[0]
    assert f"Sent to 工程部, work slip {slip.number}. 今天内修好" in shown
    assert f"工程部: 李工 signed for work slip {slip.number}" in shown
    assert "Contained by 李工: 已关闭总阀" in shown
    assert any(
        s.startswith("Deadline moved from ") and s.endswith("approved by 周经理 (Own login). Reason: 等配件")
        for s in shown
    ), shown
    assert "Marked as a typical case: 多次漏水" in shown
    assert "已更换水管" in shown  # what a person typed stays as typed
    assert "Visit no. 1 (Phone): Satisfied. " in shown
    assert shown[-1] == "Closed"
    language("zh_TW")
    assert shown_event_text("已关闭") == "已關閉"
    language("zh_CN")
    assert [shown_event_text(t) for t in lines] == lines


def test_the_dashboards_month_labels_follow_the_language(office, clock, language):
    from app.dashboard import satisfaction_trend

    language("en")
    assert [m.label for m in satisfaction_trend(dt.date(2026, 9, 15))] == [
        "Apr",
        "May",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
    ]
    language("zh_TW")
    assert satisfaction_trend(dt.date(2026, 9, 15))[-1].label == "9月"
