"""One write path for cases: the same cases made three ways end with the same rows.

The service one by one (`CaseService.create`, `resolve`, `close`, as the windows do), the
ledger import (`CaseService.create_many` in bulk) and the demo's replay (its own services on
its own clock, `CaseService.create_many` one case at a time) each fill a fresh data folder;
the case rows, timelines, audit entries (kinds, actor, times from the injected clock), search
entries and visit planning must be equal. No Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from app import domain, search
from app.case_batch import NewCase
from app.cases import CaseInput
from app.clock import FixedClock
from app.demo.replay import replay_services, replaying
from app.ledger.case_import import import_ledger
from app.models import AuditEntry, Case, CaseEvent, Staff, Visit, VisitDecision, db
from app.office import Office
from app.permissions import acting

NOW = dt.datetime(2026, 9, 28, 9, 30)
# (编号, received, kind, severity, category, resolved, closed)
ROWS = [
    (
        "A-1",
        dt.datetime(2026, 9, 20, 10, 0),
        "投诉",
        "重大",
        "服务质量",
        dt.datetime(2026, 9, 21, 8, 0),
        False,
    ),
    (
        "A-2",
        dt.datetime(2025, 3, 1, 10, 0),
        "报修",
        "轻微",
        "设施设备维护",
        dt.datetime(2025, 3, 2, 8, 0),
        True,
    ),
    ("A-3", dt.datetime(2026, 9, 25, 14, 30), "报修", "轻微", "设施设备维护", None, False),
    ("A-4", dt.datetime(2026, 9, 26, 9, 0), "咨询", "轻微", "其他", dt.datetime(2026, 9, 26, 9, 40), True),
]


def _inp(ref: str, received: dt.datetime, kind: str, severity: str, category: str) -> CaseInput:
    return CaseInput(account="楼道灯不亮,晚上看不见", kind=kind, severity=severity, category=category,
                     received_at=received, room="3-2-501", customer_name="张伟", customer_phone="13812345678",
                     department="工程维修部", ref=ref, request="尽快修好", validity="一类" if kind == "投诉" else None)  # fmt: skip


def by_service(office: Office, admin: Staff) -> None:
    svc = office.cases
    with acting(admin):  # as the window after login
        for ref, received, kind, severity, category, resolved, closed in ROWS:
            case = svc.create(_inp(ref, received, kind, severity, category), admin)
            if resolved is not None:
                svc.resolve(case, "已更换灯泡", admin, at=resolved)
            if closed:
                svc.close(case, admin)


def by_ledger(office: Office, admin: Staff, tmp: Path) -> None:
    headers = ["编号", "受理时间", "渠道", "性质", "有效性", "程度", "类别", "楼栋", "单元", "房号", "客户姓名",
               "联系电话", "内容", "客户要求", "责任部门", "状态", "办结时间", "处理结果"]  # fmt: skip
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(headers)
    for ref, received, kind, severity, category, resolved, closed in ROWS:
        state = domain.CLOSED if closed else (domain.RESOLVED if resolved else domain.NEW)
        ws.append([ref, received, "电话", kind, "一类" if kind == "投诉" else None, severity, category, "3", "2",
                   "501", "张伟", "13812345678", "楼道灯不亮,晚上看不见", "尽快修好", "工程维修部", state,
                   resolved, "已更换灯泡" if resolved else None])  # fmt: skip
    wb.save(tmp / "台账.xlsx")
    # Nobody set as acting: the import names the importing person itself.
    report = import_ledger(office, tmp / "台账.xlsx", actor=admin)
    assert report.imported == len(ROWS), report.problems


def by_demo(office: Office, admin: Staff) -> None:
    """As the demo's replay does it: its services, on its clock, one step at a time."""
    clock = FixedClock(NOW)
    cases, _nightlog, _visits, _forms = replay_services(office, clock, seed=1)
    with acting(admin), replaying(clock):
        for ref, received, kind, severity, category, resolved, closed in ROWS:
            checked = cases.check(_inp(ref, received, kind, severity, category))
            [case_id] = cases.create_many([NewCase(checked)], admin)
            case = Case.get_by_id(case_id)
            if resolved is not None:
                cases.resolve(case, "已更换灯泡", admin, at=resolved)
            if closed:
                cases.close(case, admin)


def _state(office: Office) -> dict[str, object]:
    """Everything the cases left behind, as comparable values."""
    cases = list(Case.select().order_by(Case.id))
    trail = [
        (e.action, e.table, e.record_id, e.field, e.old, e.new, e.actor, e.at)
        for e in AuditEntry.select().where(AuditEntry.table.in_(["case", "room", "major_report", "visit",
                                                                   "visit_decision"])).order_by(AuditEntry.id)
    ]  # fmt: skip
    found = {}
    for word in ("楼道灯", "已更换灯泡", "咨询", "3-2-501"):
        ids = search.matching_ids(db.obj, word)
        assert ids is not None
        found[word] = [c.id for c in Case.select(Case.id).where(Case.id.in_(ids)).order_by(Case.id)]
    return {
        "cases": [{k: v for k, v in c.__data__.items()} for c in cases],
        "events": [
            (e.case_id, e.at, e.kind, e.text, e.actor_id, e.actor_name)
            for e in CaseEvent.select().order_by(CaseEvent.case, CaseEvent.at, CaseEvent.kind)
        ],
        "trail": sorted(trail, key=lambda t: (t[1], t[2], t[0], t[3])),
        "search": found,
        "visits": [(v.case_id, v.state, v.due, v.role, v.attempt) for v in Visit.select().order_by(Visit.id)],
        "decisions": [(d.case_id, d.selected) for d in VisitDecision.select().order_by(VisitDecision.case)],
    }


def _made(tmp_path: Path, name: str, way: Callable[[Office, Staff, Path], None]) -> dict[str, object]:
    office = Office.open(tmp_path / name, FixedClock(NOW))
    try:
        office.initialise("阳光花园物业服务中心", "admin", "secret1", "王管理")
        admin = office.staff.authenticate("admin", "secret1")
        way(office, admin, tmp_path)
        return _state(office)
    finally:
        office.close()


@pytest.fixture(scope="module")
def three_ways(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    tmp = tmp_path_factory.mktemp("ways")
    return [
        _made(tmp, "service", lambda o, a, _t: by_service(o, a)),
        _made(tmp, "ledger", by_ledger),
        _made(tmp, "demo", lambda o, a, _t: by_demo(o, a)),
    ]


@pytest.mark.parametrize("part", ["cases", "events", "trail", "search", "visits", "decisions"])
def test_the_same_cases_three_ways(three_ways: list[dict[str, object]], part: str) -> None:
    service, imported, demo = (way[part] for way in three_ways)
    assert imported == service
    assert demo == service


def test_what_the_cases_left_behind(three_ways: list[dict[str, object]]) -> None:
    """Not three times nothing: each way left its audit entries, index entries and a planned visit."""
    service = three_ways[0]
    trail = service["trail"]
    assert isinstance(trail, list)
    case_entries = [t for t in trail if t[1] == "case"]
    assert [t[0] for t in case_entries].count("新建") == len(ROWS)
    # Resolving writes its 修改 entries; closing too (two cases closed).
    assert {t[3] for t in case_entries if t[0] == "修改"} >= {"state", "result", "resolved_at", "closed_at"}
    # The importing person, at the injected clock's time, never 系统 and never the wall clock.
    assert {t[6] for t in trail} == {"王管理"}
    assert {t[7] for t in trail} == {NOW}
    assert any(t[1] == "room" and t[0] == "新建" for t in trail)
    assert any(t[1] == "major_report" for t in trail)
    found = service["search"]
    assert isinstance(found, dict)
    assert len(found["楼道灯"]) == len(ROWS) and len(found["已更换灯泡"]) == 3 and found["咨询"] == [4]
    visits = service["visits"]
    assert isinstance(visits, list)
    cases = service["cases"]
    assert isinstance(cases, list)
    # Made by the person: `created_by` is the importing person on every case (equal on all three ways).
    assert {c["created_by"] for c in cases} == {cases[0]["created_by"]} and cases[0]["created_by"] is not None
    # The recent complaint is planned for a visit; old history is not.
    assert [v[0] for v in visits if v[1] == domain.VISIT_PLANNED] == [cases[0]["id"]]


def test_owner_requests_written_alike(office: Office, admin: Staff) -> None:
    """A complaint with the owner's requested date and only a written reply: the batch writes
    the deadline and the 受理 line `create` writes."""
    inp = dict(account="保安态度差", kind="投诉", category="服务态度", room="3-2-501", customer_name="张伟",
               received_at="2026-09-25 10:00", requested_date="2026-09-26", written_reply_only=True)  # fmt: skip
    svc = office.cases
    one = svc.create(CaseInput(**inp), admin)  # type: ignore[arg-type]
    [other_id] = svc.create_many([NewCase(svc.check(CaseInput(**inp)))], admin)  # type: ignore[arg-type]
    other = Case.get_by_id(other_id)
    assert (other.resolve_due, other.requested_date, other.written_reply_only) == (
        one.resolve_due, one.requested_date, one.written_reply_only)  # fmt: skip
    lines = [[(e.kind, e.text) for e in svc.timeline(c)] for c in (one, other)]
    assert lines[0] == lines[1] and "业主要求 2026-09-26 前办结" in lines[0][0][1]
