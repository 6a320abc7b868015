"""The case's transitions table (app/case_states.py) and the case service never disagree:
every status × every step, taken through the service, is refused exactly where the table
refuses it and leads to the status the table says. No Qt."""

import datetime as dt

import pytest

from app import case_states, domain
from app.case_states import TRANSITIONS, allowed_actions
from app.cases import CaseInput
from app.errors import UserError
from app.models import Case, Department, Dispatch

PDF = b"%PDF-1.4\n%%EOF\n"


def _full_case(office, admin):
    """A case every step can apply to: a major complaint, the owner asking for a written
    reply, with a work slip not yet signed for and a reply letter attached."""
    svc = office.cases
    case = svc.create(
        CaseInput(
            account="保安态度恶劣,业主受伤",
            kind="投诉",
            severity="重大",
            category="服务态度",
            room="3-2-501",
            customer_name="张伟",
            customer_phone="13812345678",
            written_reply_only=True,
            contain_needed=True,  # 先行处置 (H21)
        ),
        admin,
    )
    svc.attach_reply_letter(case, "复函.pdf", PDF, admin)
    svc.dispatch(case, Department.get(Department.name == "秩序维护部"), admin)
    return svc.get(case.id)


def _in_state(office, admin, state: str) -> Case:
    case = _full_case(office, admin)
    changes: dict[str, object] = {"state": state}
    if state in domain.DONE_STATES:
        changes["result"] = "已处理"
        changes["resolved_at"] = office.clock.now()
    if state == domain.CLOSED:
        changes["closed_at"] = office.clock.now()
    if state == domain.MERGED:
        other = office.cases.create(CaseInput(account="另一件", category="服务态度", anonymous=True), admin)
        changes["merged_into"] = other.id
    if state == domain.VOID:
        changes["void_reason"] = "录入错误"
    Case.update(**changes).where(Case.id == case.id).execute()
    return office.cases.get(case.id)


def _take(office, admin, case: Case, action: str) -> None:
    """One step through the service's public method, with input it accepts."""
    svc = office.cases
    now = office.clock.now()
    if action == case_states.DISPATCH:
        svc.dispatch(case, Department.get(Department.name == "工程维修部"), admin)
    elif action == case_states.SIGN:
        slip = case.dispatches.where(Dispatch.signed_at.is_null()).get()
        svc.sign_for(slip, "刘队长", admin)
    elif action == case_states.NOTE:
        svc.add_note(case, "已联系业主", admin)
    elif action == case_states.EXTEND:
        gm = office.staff.save_staff("孙总", "general_manager")
        svc.extend(case, case.resolve_due + dt.timedelta(days=3), "等调查结果", gm, gm)  # own login
    elif action == case_states.RESOLVE:
        if case_states.allows(case.state, case_states.CONTAIN):  # 办结 needs the containment first
            svc.contain(case, "已派保安到场隔离", admin)
        svc.resolve(case, "已向业主道歉并处理当事保安", admin)
    elif action == case_states.CLOSE:
        svc.close(case, admin)
    elif action == case_states.REOPEN:
        svc.reopen(case, "业主仍不满意", admin)
    elif action == case_states.MERGE:
        into = svc.create(CaseInput(account="同一件事", category="服务态度", anonymous=True), admin)
        svc.merge(case, into, admin)
    elif action == case_states.TYPICAL:
        svc.mark_typical(case, True, "服务态度的典型", admin)
    elif action == case_states.REGRADE:
        svc.regrade(case, "核实后降为重要", admin, severity="重要")
    elif action == case_states.VOID:
        svc.void(case, "重复录入", admin)
    elif action == case_states.WRITTEN:
        svc.set_written_reply_only(case, False, admin)
    elif action == case_states.REPLY_LETTER:
        svc.attach_reply_letter(case, "复函二.pdf", PDF, admin)
    elif action == case_states.ANSWER:
        svc.record_clear_answer(case, "钱经理", now, "电话", "说明了调查结果和处理方案", admin)
    elif action == case_states.CONTAIN:
        svc.contain(case, "已派保安到场隔离", admin)
    else:  # pragma: no cover - a new step must be taught to this test
        raise AssertionError(f"no service call for {action}")


@pytest.mark.parametrize("state", domain.STATES)
@pytest.mark.parametrize("action", case_states.ACTIONS)
def test_the_service_does_what_the_table_says(office, admin, state, action):
    case = _in_state(office, admin, state)
    assert case_states.case_allows(case, action), "the case is made so every step applies to it"
    if case_states.allows(state, action):
        _take(office, admin, case, action)
        assert office.cases.get(case.id).state == case_states.next_state(state, action)
    else:
        with pytest.raises(UserError) as refused:
            _take(office, admin, case, action)
        assert f"当前为“{state}”" in str(refused.value)
        assert office.cases.get(case.id).state == state


def test_every_status_is_in_the_table_and_every_step_leads_to_a_status():
    assert set(TRANSITIONS) == set(domain.STATES)
    for steps in TRANSITIONS.values():
        assert set(steps) <= set(case_states.ACTIONS)
        assert set(steps.values()) <= set(domain.STATES)
    assert set(case_states.ACTION_PERMISSIONS) == set(case_states.ACTIONS)
    assert set(case_states.ACTION_WORDS) == set(case_states.ACTIONS)


def test_the_lifecycle_in_the_table():
    t = TRANSITIONS
    assert t[domain.NEW][case_states.DISPATCH] == domain.DISPATCHED
    assert t[domain.IN_PROGRESS][case_states.DISPATCH] == domain.IN_PROGRESS
    assert t[domain.DISPATCHED][case_states.SIGN] == domain.IN_PROGRESS
    assert t[domain.IN_PROGRESS][case_states.RESOLVE] == domain.RESOLVED
    assert t[domain.RESOLVED][case_states.CLOSE] == domain.CLOSED
    assert case_states.CLOSE not in t[domain.IN_PROGRESS]  # 须先办结
    assert t[domain.CLOSED][case_states.REOPEN] == domain.IN_PROGRESS
    assert t[domain.MERGED] == {}
    assert list(t[domain.VOID]) == [case_states.NOTE]


def test_allowed_actions_of_a_fresh_repair(office, admin, make_case):
    case = make_case()  # 报修, no slip, not major, no written reply
    assert allowed_actions(case) == [
        "dispatch",
        "note",
        "extend",
        "resolve",
        "merge",
        "typical",
        "regrade",
        "void",
    ]
    office.cases.dispatch(case, Department.get(Department.name == "工程维修部"), admin)
    assert "sign" in allowed_actions(office.cases.get(case.id))


def test_allowed_actions_follow_the_case_itself(office, admin):
    case = _full_case(office, admin)
    assert {"sign", "written", "reply_letter", "answer"} <= set(allowed_actions(case))
    office.cases.regrade(case, "核实后为报修", admin, kind="报修", severity="轻微")
    case = office.cases.get(case.id)
    # No longer a complaint: no 只要求书面答复 switch; no longer major: no 明确答复.
    assert "written" not in allowed_actions(case)
    assert "answer" not in allowed_actions(case)


def test_allowed_actions_for_a_person_follow_the_roles(office, admin, make_case):
    clerk = office.staff.save_staff("李前台", "clerk")
    department = office.staff.save_staff("刘师傅", "department")
    case = make_case()
    assert "void" in allowed_actions(case, admin)
    assert "void" not in allowed_actions(case, clerk)  # 作废 is a manager's
    assert allowed_actions(case, department) == ["note", "resolve"]
    office.cases.resolve(case, "已修好", admin)
    office.cases.close(case, admin)
    case = office.cases.get(case.id)
    # A closed case is corrected (重新定级) by a manager only.
    assert "regrade" not in allowed_actions(case, clerk)
    assert "regrade" in allowed_actions(case, admin)
