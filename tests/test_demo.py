"""The demo data: every kind and state present, every rule kept, the same seed the same office."""

import datetime as dt
import functools
from pathlib import Path

import pytest

from app import demo, domain
from app.case_query import CaseFilter
from app.cli import main
from app.clock import FixedClock
from app.errors import UserError
from app.models import (
    Case,
    CaseEvent,
    Dispatch,
    Extension,
    MajorReport,
    NightLogEntry,
    Owner,
    Room,
    Staff,
    Visit,
)
from app.office import Office
from app.validation import normalise_id_number, normalise_phone, parse_room
from tests.conftest import NOW

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
    office = Office.open(filled[0], FixedClock(NOW))
    yield office
    office.close()


def fingerprint() -> list[tuple]:
    return [
        (c.number, c.state, c.kind, c.channel, c.severity, c.room_label, c.account, c.received_at)
        for c in Case.select().order_by(Case.id)
    ]


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
            assert c.first_response_at is not None, c.number
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
        assert visit.satisfaction in domain.SATISFACTION
        assert visit.visitor_id is not None and visit.visitor_name
        assert NOW >= visit.done_at
        if visit.attempt == 1 and not visit.case.extensions.exists():
            assert visit.done_at > visit.case.received_at
    moods = [v.satisfaction for v in done]
    assert moods.count("满意") + moods.count("很满意") > 0.7 * len(moods)

    # Most handled complaints are visited, about a third of repairs.
    def visited_share(kind: str) -> float:
        handled = Case.select().where(
            Case.kind == kind,
            Case.state.in_(domain.DONE_STATES),
            Case.anonymous == False,  # noqa: E712
        )
        visited = [c for c in handled if c.visits.exists()]
        return len(visited) / max(1, handled.count())

    assert visited_share("投诉") > 0.75
    assert 0.15 < visited_share("报修") < 0.5
    for visit in Visit.select().where(Visit.state == domain.VISIT_PLANNED):
        assert visit.case.state == domain.RESOLVED


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
    office = Office.open(tmp_path / "again", FixedClock(NOW))
    try:
        again = fingerprint()
    finally:
        office.close()
    office = Office.open(filled[0], FixedClock(NOW))
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
    assert main(["--data-dir", str(data), "demo", "--years", "1"]) == 0
    out = capsys.readouterr().out
    assert "演示数据已填入" in out and "admin / admin123" in out
    assert main(["--data-dir", str(data), "demo", "--years", "1"]) == 2
    assert "已有数据" in capsys.readouterr().err
