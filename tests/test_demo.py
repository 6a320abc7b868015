"""The demo data: every kind and state present, every rule kept, the same seed the same office."""

import datetime as dt
import functools
import re
from pathlib import Path

import pytest

from app import demo, domain, forms, health
from app.case_query import CaseFilter
from app.clock import FixedClock
from app.dashboard import dashboard
from app.errors import UserError
from app.models import (
    Case,
    CaseEvent,
    Dispatch,
    Extension,
    FormSheet,
    MajorReport,
    NightLogEntry,
    OpenLetter,
    Owner,
    ReworkNotice,
    Room,
    Signature,
    Staff,
    Visit,
    VisitDecision,
    VisitReview,
)
from app.office import Office
from app.periods import quarter_key
from app.signatures import SIGNER_RELATIONS
from app.validation import normalise_id_number, normalise_phone, parse_room
from app.visits import ATTEMPT_OUTCOMES, UNSATISFIED
from tests.conftest import NOW
from tests.helpers import cli

SCALE = 0.15  # two or three buildings, a couple of hundred cases a year


def fill(path: Path, seed: int = 7) -> tuple[str, dict[str, object]]:
    office = Office.open(path, FixedClock(NOW))
    try:
        summary = demo.fill_demo(office, seed=seed, years=1, scale=SCALE)
        return summary, demo.demo_counts(office)
    finally:
        office.close()


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> tuple[Path, str, dict[str, object]]:
    """One demo folder for the whole module, filled once (a fresh, uninitialised folder)."""
    path = tmp_path_factory.mktemp("demo")
    summary, counts = fill(path)
    return path, summary, counts


@pytest.fixture
def demo_office(filled):
    office = Office.login(filled[0], demo.DEMO_ADMIN, demo.DEMO_ADMIN_PASSWORD, FixedClock(NOW))
    yield office
    office.close()


def fingerprint() -> list[tuple]:
    cases = [
        (c.number, c.state, c.kind, c.channel, c.severity, c.room_label, c.account, c.received_at, c.typical)
        for c in Case.select().order_by(Case.id)
    ]
    visits = [
        (v.case_id, v.attempt, v.due, v.state, v.method, v.satisfaction, v.done_at, v.form_no, v.visitor_name)
        for v in Visit.select().order_by(Visit.id)
    ]
    decisions = [(d.case_id, d.selected, d.reason) for d in VisitDecision.select().order_by(VisitDecision.id)]
    sheets = [(f.number, f.state, f.visit_id, f.taken_at) for f in FormSheet.select().order_by(FormSheet.id)]
    signatures = [  # strokes, not the seal: each office seals with its own key
        (s.visit_id, s.signer, s.signer_name, s.strokes) for s in Signature.select().order_by(Signature.id)
    ]
    return [cases, visits, decisions, sheets, signatures]


def test_everything_is_there(demo_office, filled):
    counts = filled[2]
    assert set(counts["kinds"]) == set(domain.KINDS)
    assert set(counts["states"]) == set(domain.STATES)
    assert set(counts["severities"]) == set(domain.SEVERITIES)
    assert set(counts["channels"]) == set(demo_office.policies.load().channels)
    assert set(counts["occupants"]) == set(domain.OCCUPANT_TYPES)
    assert set(domain.ROLES) <= set(counts["staff"])
    kinds = counts["kinds"]
    assert kinds["报修"] > kinds["投诉"] > kinds["表扬"]
    assert counts["severities"]["重大"] < counts["severities"]["重要"] < counts["severities"]["轻微"]
    assert counts["overdue"] >= 1 and counts["due_today"] >= 1
    assert counts["anonymous"] >= 1
    assert counts["extensions"] >= 1
    assert 0 < counts["major_submitted"] < counts["major_reports"]
    assert counts["nightlog_pending"] >= 1 and counts["nightlog"] > counts["nightlog_pending"]
    assert (
        counts["visits"].get(domain.VISIT_DONE, 0) > 0 and counts["visits"].get(domain.VISIT_PLANNED, 0) > 0
    )
    assert 100 < counts["cases"] < 600
    # The clerk's search finds the demo texts (the index is written at the end).
    assert demo_office.query.count(CaseFilter(text="漏水")) > 0


def test_cases_keep_the_rules(demo_office):
    cases = list(Case.select())
    by_id = {c.id: c for c in cases}
    for c in cases:
        if c.state in domain.DONE_STATES:
            assert c.result and c.resolved_at is not None, c.number
            assert c.resolved_at >= c.received_at, c.number
            # 办结 is not a first reply (issue 14): the demo replies to every owner; an anonymous
            # caller has nobody to reply to.
            assert (c.first_response_at is not None) != c.anonymous, c.number
        if c.state == domain.CLOSED:
            assert c.closed_at is not None and c.closed_at >= c.resolved_at, c.number
        if c.state in domain.OPEN_STATES:
            assert c.resolved_at is None and c.closed_at is None, c.number
        if c.state == domain.MERGED:
            target = by_id[c.merged_into_id]
            assert target.state != domain.MERGED
        else:
            assert c.merged_into_id is None
        assert c.received_at <= NOW
        assert (c.validity is not None) == (c.kind == "投诉"), c.number
        if c.anonymous:
            assert not c.customer_name and not c.customer_phone
    # Every slip was signed after it was sent; every timeline runs forward from intake.
    for slip in Dispatch.select():
        assert slip.signed_at is None or slip.signed_at >= slip.dispatched_at
    for event in CaseEvent.select(CaseEvent, Case).join(Case):
        assert event.at >= event.case.received_at
        assert event.at <= NOW
    # Extensions were approved by the role the policy asks for (or a higher one).
    policy = demo_office.policies.load()
    ladder = ["cs_director", "office_manager", "general_manager"]
    for ext in Extension.select(Extension, Case).join(Case):
        needed = policy.extension_approver_role(ext.case.severity)
        assert ladder.index(ext.approver_role) >= ladder.index(needed)
        assert ext.new_due > ext.old_due
    # Major complaints, and only they, have a report.
    majors = Case.select().where(Case.kind == "投诉", Case.severity == "重大").count()
    assert MajorReport.select().count() == majors
    for report in MajorReport.select().where(MajorReport.submitted_at.is_null()):
        assert report.case.state != domain.MERGED


def test_people_and_rooms_are_valid(demo_office):
    phones = [o.phone for o in Owner.select()]
    assert len(phones) == len(set(phones))
    for owner in Owner.select():
        assert normalise_phone(owner.phone) == owner.phone
        assert normalise_id_number(owner.id_number) == owner.id_number
        assert len(owner.id_number) == 18
        assert owner.move_in <= NOW.date()
    for person in Staff.select():
        assert normalise_phone(person.phone) == person.phone
    for room in Room.select():
        assert parse_room(room.label) == (room.building, room.unit, room.number)
    stewards = Staff.select().where(Staff.role == "steward")
    covered = {b for s in stewards for b in s.building_list()}
    buildings = {r.building for r in Room.select(Room.building).distinct()} - {demo.SHOP_BUILDING}
    assert covered == buildings


def test_visits(demo_office):
    done = list(Visit.select(Visit, Case).join(Case).where(Visit.state == domain.VISIT_DONE))
    for visit in done:
        assert visit.method in domain.VISIT_METHODS
        if visit.letter_id is not None:  # answered by the open letter
            assert visit.method == "其他" and visit.satisfaction is None
        else:
            assert visit.satisfaction in domain.SATISFACTION
            assert visit.visitor_id is not None and visit.visitor_name
        assert NOW >= visit.done_at
        if visit.attempt == 1 and not visit.case.extensions.exists():
            assert visit.done_at > visit.case.received_at
    moods = [v.satisfaction for v in done if v.satisfaction]
    assert moods.count("满意") + moods.count("很满意") > 0.7 * len(moods)

    # Most handled complaints are visited, a third or a bit more of repairs.
    def visited_share(kind: str) -> float:
        handled = Case.select().where(
            Case.kind == kind,
            Case.state.in_(domain.DONE_STATES),
            Case.anonymous == False,  # noqa: E712
        )
        visited = [c for c in handled if c.visits.exists()]
        return len(visited) / max(1, handled.count())

    assert visited_share("投诉") > 0.75
    # The sample keeps every quarter at 30% or more; small quarters round up.
    assert 0.3 <= visited_share("报修") < 0.6
    for visit in Visit.select().where(Visit.state == domain.VISIT_PLANNED):
        # Handled and waiting for its visit, or back in rework with the next visit planned, or
        # a special service's visit after its contract ends (the case may close before).
        case = visit.case
        after_contract = (
            case.kind == "特约服务" and case.contract_end is not None and visit.due > case.contract_end
        )
        assert (
            case.state == domain.RESOLVED
            or (visit.attempt > 1 and case.state in domain.OPEN_STATES)
            or after_contract
        ), case.number
    # Every way a visit ends: done, unreachable, refused, dropped by the planner.
    states = {v.state for v in Visit.select(Visit.state)}
    assert {
        domain.VISIT_DONE,
        domain.VISIT_UNREACHABLE,
        domain.VISIT_REFUSED,
        domain.VISIT_CANCELLED,
    } <= states
    for visit in Visit.select().where(Visit.state.in_([domain.VISIT_UNREACHABLE, domain.VISIT_REFUSED])):
        assert visit.attempts.exists() and visit.done_at is not None
    # Phone visits that took more than one call.
    retried = [v for v in done if v.method == "电话" and v.attempts.exists()]
    assert retried and all(a.outcome in ATTEMPT_OUTCOMES for v in retried for a in v.attempts)
    # Unsatisfied: a rework notice, the case reopened, and the second visit.
    notices = list(ReworkNotice.select())
    assert notices
    for notice in notices:
        assert notice.visit.satisfaction in UNSATISFIED
        assert Visit.select().where(Visit.case == notice.case, Visit.attempt > notice.visit.attempt).exists()
        events = [e.kind for e in notice.case.events]
        assert domain.EV_REOPENED in events
    assert any(n.delivered_at is not None for n in notices)


def test_sampling_explains_every_case(demo_office):
    director = Staff.get(Staff.role == "cs_director")
    for case in Case.select().where(Case.state.in_(domain.DONE_STATES)):
        decision = demo_office.visits.decision(case)
        assert decision is not None and decision.reason, case.number
        assert decision.kind == case.kind
        visits = list(case.visits)
        if decision.selected:  # visited, or waiting for its leak test (done a day or two after)
            assert visits or demo_office.visits.dates.waiting(case) == "待闭水试验", case.number
            assert decision.by_hand or decision.replaces or case.kind in decision.reason
        elif not decision.by_hand:
            assert not visits, case.number
        else:  # dropped by the planner, with who and why
            assert decision.decided_by == director.name and "取消" in decision.reason
            assert all(v.state == domain.VISIT_CANCELLED for v in visits if v.attempt == 1)
        if case.anonymous:
            assert not decision.selected and "匿名" in decision.reason
        elif case.kind == "投诉":  # all of them, unless found on patrol (no owner to ask)
            assert decision.selected or (decision.by_hand and case.channel == "巡查发现")
    # Added by hand: by the director, with a reason; the sample tab has every quarter's list.
    added = VisitDecision.select().where(VisitDecision.by_hand == True, VisitDecision.selected == True)  # noqa: E712
    assert added.count() >= 1
    assert all(d.decided_by == director.name and "手工加入" in d.reason for d in added)
    quarter = quarter_key(NOW - dt.timedelta(days=40))
    repairs = demo_office.visits.decisions(quarter, "报修")
    assert repairs and any(d.selected for d in repairs) and any(not d.selected for d in repairs)
    automatic = [d for d in repairs if not d.by_hand]
    assert sum(d.selected for d in automatic) >= 0.3 * len(automatic) - 1


def test_signatures_and_forms(demo_office):
    assert demo_office.visits.broken_signatures() == []
    signatures = list(Signature.select())
    assert signatures
    by_visit: dict[int, dict[str, Signature]] = {}
    for sig in signatures:
        by_visit.setdefault(sig.visit_id, {})[sig.signer] = sig
    relations = set()
    for visit_id, pair in by_visit.items():
        visit = Visit.get_by_id(visit_id)
        # A visit made by two together (H24): the second visitor signs beside the first.
        two = {"visitor2"} if visit.second_visitor_id else set()
        assert set(pair) == {"customer", "visitor"} | two
        assert visit.method == "上门" and visit.state == domain.VISIT_DONE
        assert pair["visitor"].signer_name == visit.visitor_name
        if two:
            assert pair["visitor2"].signer_name == visit.second_visitor_name
        customer = pair["customer"]
        relations.add(customer.relation)
        assert customer.relation in SIGNER_RELATIONS
        if customer.relation == "业主本人":
            assert customer.signer_name == visit.case.customer_name
        assert customer.png.startswith(b"\x89PNG")
    assert {"业主本人", "家属"} <= relations
    # Every visit on site went with a numbered form, signed for before and returned after.
    on_site = Visit.select().where(Visit.method == "上门", Visit.state == domain.VISIT_DONE)
    assert on_site.count() >= 5
    for visit in on_site:
        form = FormSheet.get_or_none(FormSheet.number == visit.form_no)
        assert form is not None, visit.id
        assert form.visit_id == visit.id and form.taken_at <= visit.done_at
        assert form.state in (forms.RETURNED, forms.OUT)
        assert visit.id in by_visit or form.state == forms.RETURNED  # signed on the pad or on paper
    states = {f.state for f in FormSheet.select(FormSheet.state)}
    assert states == set(forms.FORM_STATES)
    for form in FormSheet.select():
        assert re.fullmatch(r"HF-20\d\d-\d{6}", form.number)
        if form.state == forms.RETURNED:
            assert form.checked_by and form.returned_at >= form.taken_at and form.visit_id
        if form.state == forms.OUT:
            assert form.taken_by_name and form.taken_at <= NOW
        if form.state == forms.VOID:
            assert form.void_reason
    assert len(demo_office.forms.out_too_long()) >= 1


def test_reviews_typical_cases_and_the_letter(demo_office):
    director = Staff.get(Staff.role == "cs_director")
    manager = Staff.get(Staff.role == "office_manager")
    reviews = list(VisitReview.select())
    levels = {r.level for r in reviews}
    assert {"主管审核", "项目经理意见"} <= levels
    for review in reviews:
        assert review.visit.state == domain.VISIT_DONE and review.at >= review.visit.done_at
        if review.level == "主管审核":
            assert review.reviewer == director.name
        if review.level == "项目经理意见":
            assert review.reviewer == manager.name
    complaints = (
        Visit.select()
        .join(Case)
        .where(Case.kind == "投诉", Visit.state == domain.VISIT_DONE, Visit.letter.is_null())
    )
    reviewed = [v for v in complaints if any(r.level == "主管审核" for r in v.reviews)]
    assert len(reviewed) > 0.5 * complaints.count()
    # A handful of typical cases, marked by the director with a note, in recent quarters.
    typical = list(Case.select().where(Case.typical == True))  # noqa: E712
    assert 1 <= len(typical) <= 12
    for case in typical:
        assert case.typical_note
        marks = [e for e in case.events if e.text.startswith("标记为典型案例")]
        assert marks and marks[-1].actor_name == director.name
        assert NOW - marks[-1].at < dt.timedelta(days=400)
    # One open letter answers several owners about the garage, closing their visits.
    letters = list(OpenLetter.select())
    assert len(letters) == 1 and "地下车库积水" in letters[0].title
    answered = list(letters[0].visits)
    assert len(answered) >= 3
    assert len({v.case.customer_name for v in answered}) == len(answered)
    for visit in answered:
        assert visit.state == domain.VISIT_DONE and visit.method == "其他"
        assert visit.case.state == domain.CLOSED


def test_the_last_days_leave_work(demo_office):
    today = NOW.date()
    planned = list(Visit.select().where(Visit.state == domain.VISIT_PLANNED))
    assert any(v.due == today for v in planned)
    assert any(demo_office.visits.display_state(v) == "逾期" for v in planned)
    # The visit due today: its form was signed out this morning.
    due_today = [v for v in planned if v.due == today]
    assert any(demo_office.forms.live_form(v) is not None for v in due_today)
    board = dashboard(demo_office, today)
    assert board.visits_today >= 1 and board.visits_overdue >= 1
    assert board.forms_out_too_long >= 1


def test_health_check_passes(demo_office):
    assert health.check(demo_office) == []


def test_night_log(demo_office):
    for entry in NightLogEntry.select():
        assert entry.logged_at.microsecond == 0
        assert entry.logged_at.hour >= 22 or entry.logged_at.hour < 8
        if entry.case_id is not None:
            assert entry.case.channel == "夜间值班"
            assert entry.case.received_at == entry.logged_at
        else:
            assert NOW - entry.logged_at < dt.timedelta(hours=24)


def test_same_seed_same_office(tmp_path, filled):
    summary, counts = fill(tmp_path / "again")
    assert counts == filled[2]
    office = Office.login(tmp_path / "again", demo.DEMO_ADMIN, demo.DEMO_ADMIN_PASSWORD, FixedClock(NOW))
    try:
        again = fingerprint()
    finally:
        office.close()
    office = Office.login(filled[0], demo.DEMO_ADMIN, demo.DEMO_ADMIN_PASSWORD, FixedClock(NOW))
    try:
        assert fingerprint() == again
    finally:
        office.close()


def test_summary_and_logins(demo_office, filled):
    summary = filled[1]
    assert "阳光花园物业服务中心" in summary
    assert "admin / admin123" in summary and "kefu / demo123" in summary
    assert f"案件 {filled[2]['cases']} 件" in summary
    assert demo_office.staff.authenticate("admin", "admin123").role == "admin"
    assert demo_office.staff.authenticate("kefu", "demo123").role == "clerk"
    assert demo_office.staff.authenticate("weixiu", "demo123").department.name == "工程维修部"


def test_second_run_refused(demo_office):
    before = Case.select().count()
    with pytest.raises(UserError, match="已有数据"):
        demo.fill_demo(demo_office, seed=7, years=1, scale=SCALE)
    assert Case.select().count() == before


def test_initialised_office_keeps_its_admin(office):
    summary = demo.fill_demo(office, seed=3, years=1, scale=0.08)
    assert "沿用原有" in summary and "admin / admin123" not in summary
    assert office.staff.authenticate("admin", "secret1")
    assert Case.select().count() > 50


def test_cli_demo(tmp_path, monkeypatch, capsys):
    # The CLI wiring, on a small estate so the test stays quick.
    monkeypatch.setattr(demo, "fill_demo", functools.partial(demo.fill_demo, scale=0.08))
    data = tmp_path / "cli"
    assert cli.run(data, *["demo", "--years", "1"]) == 0
    out = capsys.readouterr().out
    assert "演示数据已填入" in out and "admin / admin123" in out
    assert cli.run(data, *["demo", "--years", "1"], password="admin123") == 2
    assert "已有数据" in capsys.readouterr().err


def test_trail_and_index_follow_the_replay(demo_office):
    """The replay writes through the services on its own clock: each case's 新建 entry is timed
    when the clerk took it in (not when the demo was built), every case is in the audit trail
    and in the search index, as a case typed in by hand is."""
    from app.models import AuditEntry

    cases = {str(c.id): c for c in Case.select()}
    created = {
        e.record_id: e.at
        for e in AuditEntry.select().where(AuditEntry.table == "case", AuditEntry.action == "新建")
    }
    assert set(created) == set(cases)
    # Taken in at the desk (or the morning after a night call), never before the call came in.
    for case_id, at in created.items():
        case = cases[case_id]
        assert case.received_at <= at <= case.received_at + dt.timedelta(days=3), case.number
    assert min(created.values()) < NOW - dt.timedelta(days=200)
    # Every case found by its own number through the search index.
    for case in list(cases.values())[::25]:
        assert demo_office.query.count(CaseFilter(text=case.number)) >= 1, case.number
