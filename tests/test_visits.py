"""Follow-up visits: the plan from the policy, the sample, the record and its rules."""

import datetime as dt
import json
import random

import pytest

from app import domain
from app.cases import CaseInput
from app.errors import UserError, ValidationError
from app.models import Case, ReworkNotice, Room, Visit, VisitDecision
from app.visits import VisitResult
from tests.helpers import cli


@pytest.fixture
def steward(office):
    return office.staff.save_staff("赵物管", "steward", buildings="3,5")


@pytest.fixture
def director(office):
    return office.staff.save_staff("钱主任", "cs_director")


def resolved(office, admin, make_case, **fields):
    case = make_case(**fields)
    office.cases.resolve(case, "已处理", admin)
    return case


def test_complaint_planned_by_severity(office, admin, make_case, steward, director, clock):
    minor = resolved(office, admin, make_case, kind="投诉", severity="轻微", category="服务态度")
    visit = Visit.get(Visit.case == minor)
    assert visit.due == clock.now().date() + dt.timedelta(days=3)
    assert visit.role == "steward" and visit.visitor_name == "赵物管"  # steward of building 3
    assert visit.reason == "投诉·轻微 → 物管员,办结后3天内"
    important = resolved(office, admin, make_case, kind="投诉", severity="重要", category="服务态度")
    v2 = Visit.get(Visit.case == important)
    assert v2.role == "cs_director" and v2.visitor_name == "钱主任"
    assert v2.reason == "投诉·重要 → 客服主任,办结后3天内"


def today_of(office):
    return office.clock.now().date()


def test_repair_sub_rules(office, admin, make_case, steward, clock):
    policy = office.policies.load()
    policy.visits.rules["报修"].rate = 1.0
    office.policies.save(policy)
    safety = resolved(office, admin, make_case, category="安全设施", account="消防栓玻璃破损")
    leak = resolved(office, admin, make_case, category="漏水/渗漏", account="卫生间渗漏到楼下")
    assert not Visit.select().where(Visit.case == leak).exists()  # waits for the leak test (H23)
    office.visits.dates.record_leak_test(leak, today_of(office), admin)
    plain = resolved(office, admin, make_case, account="门锁坏了")
    today = clock.now().date()
    assert Visit.get(Visit.case == safety).due == today + dt.timedelta(days=2)
    assert Visit.get(Visit.case == leak).due == today + dt.timedelta(days=3)
    assert "漏水/渗漏" in Visit.get(Visit.case == leak).reason
    assert Visit.get(Visit.case == plain).due == today + dt.timedelta(days=7)


def test_anonymous_and_zero_rate_get_no_visit(office, admin, make_case):
    anon = resolved(office, admin, make_case, kind="投诉", anonymous=True, room="", category="服务态度")
    idea = resolved(office, admin, make_case, kind="建议")
    assert not Visit.select().where(Visit.case.in_([anon, idea])).exists()
    assert "匿名" in VisitDecision.get(VisitDecision.case == anon).reason
    assert not VisitDecision.get(VisitDecision.case == idea).selected


def test_old_history_is_not_planned(office, admin, make_case):
    case = make_case(received_at="2026-06-01 09:00", kind="投诉", category="服务态度")
    office.cases.resolve(case, "已处理", admin, at=dt.datetime(2026, 6, 2, 9, 0))
    assert not Visit.select().where(Visit.case == case).exists()


@pytest.mark.parametrize("seed", range(20))
def test_sample_meets_the_rate_and_never_double_counts(office, admin, seed):
    office.visits.random = random.Random(seed)
    picker = random.Random(seed)
    for i in range(60):
        inp = CaseInput(
            account=f"维修{i}",
            kind="报修",
            room=f"{picker.randint(1, 9)}-1-{100 + i}",
            customer_name="某",
            category="设施设备维护",
        )
        case = office.cases.create(inp, admin)
        office.cases.resolve(case, "修好", admin)
        handled = i + 1
        chosen = Visit.select().where(Visit.attempt == 1).count()
        assert chosen >= 0.3 * handled - 1e-9  # the target holds at every moment
    decisions = list(VisitDecision.select())
    assert len(decisions) == 60 == len({d.case_id for d in decisions})
    assert Visit.select().count() == sum(d.selected for d in decisions)
    assert Visit.select().count() <= 0.3 * 60 + 12  # and it does not visit far more than asked
    assert all(d.reason for d in decisions)


def test_add_and_drop_by_hand(office, admin, make_case):
    case = resolved(office, admin, make_case, kind="建议")
    with pytest.raises(ValidationError):
        office.visits.add_by_hand(case, " ", admin)
    visit = office.visits.add_by_hand(case, "业主多次来电,主任要求回访", admin)
    assert visit.state == domain.VISIT_PLANNED
    decision = VisitDecision.get(VisitDecision.case == case)
    assert decision.selected and decision.by_hand and "王管理" in decision.reason
    with pytest.raises(UserError):
        office.visits.add_by_hand(case, "再加一次", admin)
    office.visits.drop_by_hand(visit, "业主已搬走", admin)
    assert Visit.get_by_id(visit.id).state == domain.VISIT_CANCELLED
    assert not VisitDecision.get(VisitDecision.case == case).selected


def done_result(**changes):
    values = dict(method="电话", satisfaction="满意", findings="维修及时")
    values.update(changes)
    return VisitResult(**values)


def test_record_rules(office, admin, make_case, clock):
    case = resolved(office, admin, make_case, kind="投诉", category="服务态度")
    visit = Visit.get(Visit.case == case)
    with pytest.raises(ValidationError) as err:
        office.visits.complete(visit, done_result(satisfaction=None), admin)
    assert "满意度" in err.value.problems
    with pytest.raises(ValidationError) as err:
        office.visits.complete(visit, done_result(done_at=clock.now() - dt.timedelta(days=1)), admin)
    assert "办结时间" in err.value.problems["回访时间"]
    with pytest.raises(ValidationError) as err:
        office.visits.complete(visit, done_result(method="上门"), admin)
    assert "客户签名" in err.value.problems
    with pytest.raises(ValidationError) as err:
        office.visits.complete(visit, done_result(method="短信"), admin)
    assert "回访方式" in err.value.problems
    assert Visit.get_by_id(visit.id).state == domain.VISIT_PLANNED  # nothing half-written
    clock.advance(days=1)
    office.visits.complete(
        visit, done_result(questions=[("车位费何时退", clock.now().date() + dt.timedelta(days=3))]), admin
    )
    visit = Visit.get_by_id(visit.id)
    assert visit.state == domain.VISIT_DONE and visit.findings.startswith("电话回访")
    assert len(office.visits.open_tasks()) == 1
    assert office.cases.timeline(case)[-1].kind == domain.EV_VISIT


def test_unsatisfied_sends_back_for_rework(office, admin, make_case, clock):
    case = resolved(office, admin, make_case, kind="投诉", category="环境卫生")
    office.cases.close(case, admin)
    visit = Visit.get(Visit.case == case)
    clock.advance(days=1)
    nxt = office.visits.complete(visit, done_result(satisfaction="不满意", opinion="垃圾还是没清"), admin)
    case = Case.get_by_id(case.id)
    assert case.state == domain.IN_PROGRESS
    notice = ReworkNotice.get(ReworkNotice.case == case)
    assert notice.due == clock.now() + dt.timedelta(hours=24) and "垃圾还是没清" in notice.text
    assert nxt is not None and nxt.attempt == 2 and "可电话回访" in nxt.reason
    # The second resolution plans nothing new: the second visit waits already.
    office.cases.resolve(case, "重新清理", admin)
    assert Visit.select().where(Visit.case == case).count() == 2
    office.visits.complete(nxt, done_result(method="电话"), admin)
    assert Visit.get_by_id(nxt.id).state == domain.VISIT_DONE


def test_attempts_and_giving_up(office, admin, make_case, clock):
    case = resolved(office, admin, make_case, kind="投诉", category="服务态度")
    visit = Visit.get(Visit.case == case)
    with pytest.raises(ValidationError):
        office.visits.record_attempt(visit, "约定回电", actor=admin)
    office.visits.record_attempt(
        visit, "约定回电", call_back_at=clock.now() + dt.timedelta(hours=5), actor=admin
    )
    assert Visit.get_by_id(visit.id).appointment == clock.now() + dt.timedelta(hours=5)
    office.visits.record_attempt(visit, "未接通", actor=admin, give_up=True)
    assert Visit.get_by_id(visit.id).state == domain.VISIT_UNREACHABLE
    assert Visit.get_by_id(visit.id).attempts.count() == 2


def test_open_letter_answers_many(office, admin, make_case):
    cases = [
        resolved(office, admin, make_case, kind="投诉", category="停车", room=f"3-1-{n}")
        for n in (101, 102, 103)
    ]
    visits = [Visit.get(Visit.case == c) for c in cases]
    letter = office.visits.open_letter("关于地下车库积水的说明", "已加装排水泵……", visits, admin)
    for v in visits:
        v = Visit.get_by_id(v.id)
        assert v.state == domain.VISIT_DONE and v.letter_id == letter.id


def test_reschedule_asks_why(office, admin, make_case, clock):
    case = resolved(office, admin, make_case, kind="投诉", category="服务态度")
    visit = Visit.get(Visit.case == case)
    with pytest.raises(ValidationError):
        office.visits.reschedule(visit, dt.date(2026, 10, 9), "")
    office.visits.reschedule(visit, dt.date(2026, 10, 9), "业主国庆外出", admin)
    assert Visit.get_by_id(visit.id).due == dt.date(2026, 10, 9)


def test_batch_plans_and_move_in(office, admin, steward, clock):
    from app.models import Owner

    rooms = [Room.create(building="5", unit="1", number=str(n)) for n in (101, 102)]
    Owner.create(room=rooms[0], name="新业主", move_in=clock.now().date() - dt.timedelta(days=2))
    assert office.visits.move_in_rooms() == [rooms[0]]
    planned = office.visits.plan_batch(
        "入伙回访", office.visits.move_in_rooms(), clock.now().date(), "steward", ""
    )
    assert len(planned) == 1 and planned[0].visitor_name == "赵物管"
    assert office.visits.move_in_rooms() == []
    again = office.visits.plan_batch(
        "季度巡访", office.visits.rooms_of_buildings(["5"]), clock.now().date(), "steward", "四季度"
    )
    assert len(again) == 2
    assert office.visits.plan_batch("季度巡访", rooms, clock.now().date(), "steward", "") == []


def test_schedule_json(office, admin, make_case, tmp_path):

    case = resolved(office, admin, make_case, kind="投诉", category="服务态度", ref="旧-7")
    rows = office.visits.schedule()
    assert rows[0]["case"] == case.number and rows[0]["ref"] == "旧-7" and rows[0]["attempt"] == 1
    out = tmp_path / "s.json"
    office.close()
    assert cli.run(office.data_dir, *["schedule", "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data[0]["visit"] == rows[0]["visit"] and data[0]["role"] == "steward"
    assert set(data[0]) >= {"visit", "case", "ref", "due", "role", "visitor", "attempt", "reason"}


def test_calendar_counts_and_day_list(office, admin, make_case, clock, steward):
    from app.visits import OVERDUE, VisitFilter

    a = resolved(office, admin, make_case, kind="投诉", category="服务态度")
    b = resolved(office, admin, make_case, kind="投诉", category="停车", room="7-1-101", severity="重要")
    va, vb = Visit.get(Visit.case == a), Visit.get(Visit.case == b)
    due = clock.now().date() + dt.timedelta(days=3)
    start, end = clock.now().date(), clock.now().date() + dt.timedelta(days=30)
    assert office.visits.day_counts(start, end) == {due: {"计划": 2}}
    assert office.visits.day_counts(start, end, VisitFilter(visitor_id=steward.id)) == {due: {"计划": 1}}
    assert office.visits.day_counts(start, end, VisitFilter(building="7")) == {due: {"计划": 1}}
    clock.advance(days=1)
    office.visits.complete(va, done_result(), admin)
    clock.advance(days=5)
    counts = office.visits.day_counts(start, end)
    assert counts[due] == {OVERDUE: 1}
    assert counts[start + dt.timedelta(days=1)] == {"已完成": 1}
    today = office.visits.day_list(clock.now().date())
    assert [v.id for v in today] == [vb.id]  # the overdue one shows on today's list
    assert office.visits.display_state(today[0]) == OVERDUE
    assert list(office.visits.today_by_visitor()) == ["未指定"]
