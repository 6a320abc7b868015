"""The form ledger: numbers issued once, signed out, returned or voided, never reused."""

import threading

import pytest

from app.errors import UserError, ValidationError
from app.forms import OUT, RETURNED, VOID, FormLedger
from app.models import FormSheet, Visit


@pytest.fixture
def ledger(office):
    return FormLedger(office.clock, office.policies)


def test_numbers_are_consecutive_and_unique(ledger):
    first = ledger.issue_blank(3)
    second = ledger.issue_blank(2)
    numbers = [f.number for f in first + second]
    assert numbers == [f"HF-2026-{n:06d}" for n in range(1, 6)]


def test_rapid_printing_from_threads_has_no_gaps_or_duplicates(ledger, office):
    from app.models import db

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


def test_lifecycle_and_overdue(ledger, office, admin, make_case, clock):
    steward = office.staff.save_staff("赵物管", "steward")
    case = make_case(kind="投诉", category="服务态度")
    office.cases.resolve(case, "已处理", admin)
    visit = Visit.get(Visit.case == case)
    form = ledger.issue_for_visit(visit, admin)
    assert ledger.issue_for_visit(visit, admin).id == form.id  # one live form per visit
    assert form.visit_item.startswith(case.number)
    ledger.sign_out(form, steward)
    assert form.state == OUT and ledger.out_by_person() == {"赵物管": [form]}
    with pytest.raises(UserError):
        ledger.sign_out(form, steward)
    clock.advance(days=8)
    assert [f.id for f in ledger.out_too_long()] == [form.id]
    assert ledger.days_out(FormSheet.get_by_id(form.id)) == 8
    with pytest.raises(ValidationError):
        ledger.return_form(form, "")
    ledger.return_form(form, "王管理", scan=b"\x89PNG fake", scan_name="scan.png")
    assert form.state == RETURNED and Visit.get_by_id(visit.id).form_no == form.number
    assert ledger.out_too_long() == []
    with pytest.raises(UserError):
        ledger.void(form, "写错了")


def test_void_keeps_the_number(ledger):
    a, b = ledger.issue_blank(2)
    with pytest.raises(ValidationError):
        ledger.void(a, " ")
    ledger.void(a, "打印卡纸", None)
    assert FormSheet.get_by_id(a.id).state == VOID
    (c,) = ledger.issue_blank(1)
    assert c.number.endswith("000003")
    with pytest.raises(UserError, match="没有编号"):
        ledger.by_number("HF-2026-999999")
    assert ledger.by_number(" hf-2026-000002 ").id == b.id


def test_blank_count_limits(ledger):
    for bad in (0, 501):
        with pytest.raises(ValidationError):
            ledger.issue_blank(bad)


def test_return_needs_a_visit_for_a_blank_form(ledger, office, admin, make_case):
    (form,) = ledger.issue_blank(1)
    with pytest.raises(ValidationError) as err:
        ledger.return_form(form, "王管理")
    assert "回访" in err.value.problems
