"""Everything the program exports comes back: the whole demo, exported (cases and owners)
and imported into an empty data folder, compared field by field.

What does not come back, by design of a ledger (see `NOT_CARRIED`): the timeline's
intermediate events (派工/签收/进展/延期 lines; the case keeps its deadlines, its state
and its times), dispatch slips' times and extensions as records, contact attempts,
signatures (their strokes are not in a ledger), reviews (主管审核 …), rework notices,
questions promised an answer, forms' scans and their quarterly archive/destruction records,
staff records (visitors and form holders come back by name), night-log entries, and who
decided a visit sample and when (the decision and its reason come back).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.clock import FixedClock
from app.demo import fill_demo
from app.ledger.case_import import import_ledger
from app.ledger.export import export_cases
from app.ledger.owner_import import import_owners
from app.models import Case, FormSheet, MajorReport, OpenLetter, Owner, Visit, VisitDecision
from app.office import Office
from app.owner_files import OwnerFiles

NOW = dt.datetime(2026, 9, 28, 9, 30)

CASE_FIELDS = [
    "number", "ref", "state", "kind", "validity", "severity", "category", "subcategory", "urgency", "channel", "anonymous",
    "customer_name", "customer_phone", "account", "request", "event_time", "event_place", "party",
    "received_at", "response_due", "resolve_due", "answer_due", "first_response_at", "resolved_at", "result",
    "closed_at", "void_reason", "typical", "typical_note", "requested_date",
    "contain_needed", "contain_due", "contained_at", "contained_by", "containment",  # 先行处置 (H21)
]  # fmt: skip
VISIT_FIELDS = [
    "attempt", "state", "due", "role", "visitor_name", "method", "appointment", "done_at", "satisfaction",
    "findings", "shortcomings", "opinion", "met_person", "site_checked", "worker_conduct", "charges_checked",
    "form_no", "reason",
]  # fmt: skip
REPORT_FIELDS = ["due", "content", "cause", "handling", "result", "lessons", "corrective", "submitted_at",
                 "submitted_by", "cancelled_at", "cancel_reason"]  # fmt: skip
OWNER_FIELDS = ["name", "occupant_type", "phone", "id_number", "move_in", "note"]
FORM_FIELDS = ["number", "state", "printed_at", "printed_by", "taken_by_name", "taken_at", "visit_item",
               "visit_count", "returned_at", "checked_by", "void_reason", "voided_at", "remarks"]  # fmt: skip

# Fields compared another way or not carried by a ledger, and why. A field added to a model
# later fails `test_every_field_is_compared_or_named_here` until it is decided on.
NOT_COMPARED = {
    "case": {
        "id": "ids are the new folder's",
        "room": "compared as its label", "department": "compared by name", "merged_into": "compared by number",
        "linked_from": "compared by number (转自: a rework unqualified again, H25)",
        "owner": "matched again by phone, then by name in the room (compared by name)",
        "created_by": "the import is the creator", "updated_at": "the import's time",
        "written_reply_only": "not carried yet: the demo has no written-reply-only cases",
        "reply_letter_name": "the reply letter is a file, not a ledger cell", "reply_letter_at": "with the letter",
        "leak_test_on": "not carried yet (H23): the leak test date is entered in the case after import",
        "contract_start": "not carried yet (H23): contract dates are entered in the case",
        "contract_end": "with contract_start",
        "large_loss": "not carried yet (H24): 业主损失较大 is marked in the case after import",
    },
    "visit": {
        "id": "ids are the new folder's", "case": "the key of the comparison", "room": "compared as its label",
        "letter": "compared by title", "purpose": "periodic visits (no case) are not in a case ledger",
        "visitor": "staff are not in a ledger: found by name when the target folder has the person",
        "created_at": "the import's time", "updated_at": "the import's time",
        "second_visitor": "not carried yet (H24): a case ledger has one 回访人 column",
        "second_visitor_name": "with second_visitor", "second_role": "with second_visitor",
    },
    "major_report": {"id": "ids are the new folder's", "case": "the key of the comparison",
                     "raised_at": "not carried: when a case was re-graded to 重大",
                     "answered_at": "the clear answer (明确答复) is not carried yet",
                     "answered_by": "with the clear answer", "answer_method": "with the clear answer",
                     "answer_text": "with the clear answer"},
    "form_sheet": {
        "id": "ids are the new folder's", "visit": "compared as (case, attempt)",
        "taken_by": "staff are not in a ledger: found by name when the target folder has the person",
        "scan": "scanned pages are pictures, not ledger cells", "scan_name": "with the scan",
        "alive_at": "a running print job's heartbeat, not part of the form's record",
        "archived_in": "quarterly archive batches are not carried", "destroyed_in": "destruction records are not carried",
    },
    # H22: 工作联系函 to the developer are records of their own (a case may have several, each with
    # follow-ups), not cells of a case row: the case ledger does not carry them yet; they stay in
    # the office's data folder and its backups.
    "referral": {name: "not carried by the case ledger yet (H22)" for name in (
        "id", "case", "number", "to_whom", "content", "made_at", "made_by", "sent_at", "sent_by", "method",
        "reply_due", "replied_at", "reply_text", "closed_at", "close_note")},
    "referral_follow_up": {name: "with its referral (H22)" for name in ("id", "referral", "at", "by", "note", "next_date")},
}  # fmt: skip


def _second(value: Any) -> Any:
    """Times are carried to the second (a spreadsheet cell holds no microseconds)."""
    return value.replace(microsecond=0) if isinstance(value, dt.datetime) else value


def snapshot() -> dict[str, Any]:
    """Everything compared, keyed by what identifies it in both folders (case numbers)."""
    cases = {}
    for case in Case.select().order_by(Case.id):
        values = {f: _second(getattr(case, f)) for f in CASE_FIELDS}
        values["room"] = case.room.label if case.room_id else None
        values["department"] = case.department.name if case.department_id else None
        values["merged_into"] = case.merged_into.number if case.merged_into_id else None
        values["linked_from"] = case.linked_from.number if case.linked_from_id else None
        values["owner"] = case.owner.name if case.owner_id else None
        cases[case.number] = values
    numbers = {c.id: c.number for c in Case.select(Case.id, Case.number)}
    visits: dict[str, list[dict[str, Any]]] = {}
    for visit in Visit.select().order_by(Visit.case, Visit.attempt, Visit.id):
        values = {f: _second(getattr(visit, f)) for f in VISIT_FIELDS}
        values["letter"] = visit.letter.title if visit.letter_id else None
        values["room"] = visit.room.label if visit.room_id else None
        visits.setdefault(numbers[visit.case_id], []).append(values)
    reports = {
        numbers[r.case_id]: {f: _second(getattr(r, f)) for f in REPORT_FIELDS} for r in MajorReport.select()
    }
    decisions = {
        numbers[d.case_id]: (d.kind, d.quarter, d.selected, d.by_hand, d.reason)
        for d in VisitDecision.select()
    }
    owners = sorted(
        (o.room.label if o.room_id else "", *(getattr(o, f) for f in OWNER_FIELDS))
        for o in Owner.select().where(Owner.active == True)  # noqa: E712
    )
    letters = sorted((x.title, x.body, x.issued_at, x.issued_by) for x in OpenLetter.select())
    visit_keys = {
        v.id: (numbers[v.case_id], v.attempt) for v in Visit.select(Visit.id, Visit.case, Visit.attempt)
    }
    forms = {}
    for form in FormSheet.select().order_by(FormSheet.id):
        values = {f: _second(getattr(form, f)) for f in FORM_FIELDS}
        values["visit"] = visit_keys.get(form.visit_id) if form.visit_id else None
        forms[form.number] = values
    return {"cases": cases, "visits": visits, "reports": reports, "decisions": decisions, "owners": owners,
            "letters": letters, "forms": forms}  # fmt: skip


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The demo built once (about 40-90 s), exported, imported into an empty folder."""
    base = tmp_path_factory.mktemp("roundtrip")
    demo = Office.open(base / "demo", FixedClock(NOW))
    try:
        fill_demo(demo)
        manager = demo.staff.authenticate("jingli", "demo123")
        OwnerFiles().export_owners(base / "owners.xlsx", manager)
        export_cases(demo, base / "cases.xlsx")
        before = snapshot()
    finally:
        demo.close()
    fresh = Office.open(base / "fresh", FixedClock(NOW))
    try:
        fresh.initialise("阳光花园物业服务中心", "admin", "secret1", "王管理")
        owners = import_owners(fresh, base / "owners.xlsx")
        cases = import_ledger(fresh, base / "cases.xlsx")
        after = snapshot()
        export_cases(fresh, base / "again.xlsx")
        yield {"before": before, "after": after, "owners": owners, "cases": cases, "base": base}
    finally:
        fresh.close()


pytestmark = pytest.mark.slow


def test_every_row_comes_back(round_trip):
    assert round_trip["owners"].problems == [] and round_trip["cases"].problems == []
    assert round_trip["cases"].imported == len(round_trip["before"]["cases"]) > 1000
    assert round_trip["owners"].imported == len(round_trip["before"]["owners"]) > 1000


def _differences(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    out = []
    for key in sorted(set(before) | set(after)):
        if before.get(key) != after.get(key):
            b, a = before.get(key), after.get(key)
            if isinstance(b, dict) and isinstance(a, dict):
                fields = [f for f in b if b[f] != a.get(f)]
                out.append(f"{key}: " + ", ".join(f"{f} {b[f]!r} -> {a.get(f)!r}" for f in fields))
            else:
                out.append(f"{key}: {b!r} -> {a!r}")
    return out


def test_cases_field_by_field(round_trip):
    before, after = round_trip["before"]["cases"], round_trip["after"]["cases"]
    assert set(after) == set(before)
    assert _differences(before, after) == []
    states = {c["state"] for c in before.values()}
    assert {"已作废", "已合并", "已关闭", "已办结", "处理中"} <= states  # the demo has them all


def test_visits_field_by_field(round_trip):
    before, after = round_trip["before"]["visits"], round_trip["after"]["visits"]
    assert sum(map(len, after.values())) == sum(map(len, before.values()))
    assert _differences(before, after) == []
    kinds = {v["state"] for vs in before.values() for v in vs}
    assert {"拒访", "未联系上", "已取消", "计划", "已完成"} <= kinds
    assert any(v["letter"] for vs in before.values() for v in vs)  # open-letter visits too


def test_form_ledger_field_by_field(round_trip):
    before, after = round_trip["before"]["forms"], round_trip["after"]["forms"]
    assert len(before) > 100 and set(after) == set(before)
    assert _differences(before, after) == []
    assert {f["state"] for f in before.values()} >= {"已打印", "已领用", "已交回", "已作废"}


def test_reports_decisions_letters_owners(round_trip):
    before, after = round_trip["before"], round_trip["after"]
    assert _differences(before["reports"], after["reports"]) == []
    assert _differences(before["decisions"], after["decisions"]) == []
    assert after["letters"] == before["letters"] and after["owners"] == before["owners"]
    assert any(r["submitted_at"] for r in before["reports"].values())


def test_every_field_is_compared_or_named_here():
    for model, compared in ((Case, CASE_FIELDS), (Visit, VISIT_FIELDS), (MajorReport, REPORT_FIELDS),
                            (FormSheet, FORM_FIELDS)):  # fmt: skip
        fields = set(model._meta.fields)
        named = set(NOT_COMPARED[model._meta.table_name])
        assert fields - set(compared) - named == set(), model.__name__


def test_nothing_new_to_do_appears(round_trip):
    """The measured faults of issue 16: no voided case reopened, no report due again, no
    visit planned anew."""
    after = round_trip["after"]
    planned = [v for vs in after["visits"].values() for v in vs if v["state"] == "计划"]
    planned_before = [v for vs in round_trip["before"]["visits"].values() for v in vs if v["state"] == "计划"]
    assert len(planned) == len(planned_before)
    pending = [
        n for n, r in after["reports"].items() if r["submitted_at"] is None and r["cancelled_at"] is None
    ]
    pending_before = [
        n
        for n, r in round_trip["before"]["reports"].items()
        if r["submitted_at"] is None and r["cancelled_at"] is None
    ]
    assert pending == pending_before


def test_export_of_the_import_is_the_same_file(round_trip):
    import openpyxl

    def cells(path: Path) -> dict[str, list[tuple[Any, ...]]]:
        wb = openpyxl.load_workbook(path, read_only=True)
        try:
            return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb.worksheets}
        finally:
            wb.close()

    assert cells(round_trip["base"] / "again.xlsx") == cells(round_trip["base"] / "cases.xlsx")
