"""Signatures: strokes round-trip, the hash catches an edited record, dots are refused."""

import json
import struct
import zlib

import pytest

from app import domain
from app.errors import ValidationError
from app.models import Signature, Visit
from app.signatures import SignatureCapture, canonical_strokes, check_strokes, demo_strokes, render_png
from app.visits import VisitResult


@pytest.fixture
def visit(office, admin, make_case, clock):
    case = make_case(kind="投诉", category="服务态度")
    # Resolved by someone else: the person who handled a case does not record its visit.
    office.cases.resolve(case, "已道歉并整改", office.staff.save_staff("周主任", "cs_director"))
    clock.advance(days=1)
    return Visit.get(Visit.case == case)


def capture(name="张伟", strokes=None):
    return SignatureCapture(strokes=strokes or demo_strokes(3), width=600, height=200, signer_name=name)


def onsite(**changes):
    values = dict(
        method="上门",
        satisfaction="满意",
        findings="已整改",
        customer_signature=capture(),
        visitor_signature=capture("赵物管"),
    )
    values.update(changes)
    return VisitResult(**values)


def test_refuses_dots_and_tiny_scribbles():
    assert check_strokes([]) == "没有签名"
    assert "太短" in check_strokes([[(10, 10, 0, 0.5)]])
    assert "太小" in check_strokes([[(10 + i * 0.5, 10, i, 0.5) for i in range(20)]])
    assert check_strokes(demo_strokes(1)) is None


def test_png_has_transparency():
    png = render_png(demo_strokes(2), 600, 200, out_width=300)
    assert png.startswith(b"\x89PNG")
    width, height, depth, colour = struct.unpack(">IIBB", png[16:26])
    assert (width, height, depth, colour) == (300, 100, 8, 6)  # RGBA
    idat = png[png.index(b"IDAT") + 4 : png.index(b"IEND") - 8]
    raw = zlib.decompress(idat)
    alphas = [raw[1 + y * (1 + 300 * 4) + x * 4 + 3] for y in range(100) for x in range(300)]
    assert min(alphas) == 0 and max(alphas) == 255


def test_onsite_visit_stores_both_signatures(office, admin, visit):
    office.visits.complete(visit, onsite(), admin)
    sigs = office.visits.signatures_of(visit)
    assert set(sigs) == {"customer", "visitor"}
    customer = sigs["customer"]
    assert json.loads(customer.strokes) == json.loads(canonical_strokes(demo_strokes(3)))
    assert customer.relation == "业主本人" and customer.png.startswith(b"\x89PNG")
    assert office.visits.verify_signature(customer)
    assert office.visits.broken_signatures() == []


def test_hash_detects_an_edited_record(office, admin, visit):
    office.visits.complete(visit, onsite(), admin)
    Visit.update(satisfaction="很满意").where(Visit.id == visit.id).execute()
    problems = office.visits.broken_signatures()
    assert len(problems) == 2
    assert "签名后,回访的满意度被改动:签名时为“满意”,现在为“很满意”" in problems[0]


def test_hash_detects_edited_strokes(office, admin, visit):
    office.visits.complete(visit, onsite(), admin)
    sig = Signature.get(Signature.signer == "customer")
    strokes = json.loads(sig.strokes)
    strokes[0][0][0] += 5
    sig.strokes = json.dumps(strokes)
    sig.save()
    assert not office.visits.verify_signature(sig)


@pytest.mark.parametrize(
    ("changes", "label"),
    [
        ({"customer_signature": None}, "客户签名"),
        ({"customer_signature": capture(strokes=[[(5, 5, 0, 0.5)]])}, "客户签名"),
        ({"customer_signature": capture(name=" ")}, "客户签名"),
        ({"customer_signature": None, "signed": True}, "表单编号"),
    ],
)
def test_bad_signatures_refused(office, admin, visit, changes, label):
    with pytest.raises(ValidationError) as err:
        office.visits.complete(visit, onsite(**changes), admin)
    assert label in err.value.problems
    assert Visit.get_by_id(visit.id).state == domain.VISIT_PLANNED
    assert Signature.select().count() == 0


def test_paper_form_is_a_signature(office, admin, visit):
    form = office.forms.issue_for_visit(visit, admin)  # a number of the ledger, not a made-up one
    office.visits.complete(
        visit, onsite(customer_signature=None, signed=True, form_no="hf-2026-000001"), admin
    )
    assert Visit.get_by_id(visit.id).form_no == form.number == "HF-2026-000001"


def test_reviews_by_their_roles(office, admin, visit):
    director = office.staff.save_staff("钱主任", "cs_director")
    manager = office.staff.save_staff("孙经理", "office_manager")
    with pytest.raises(ValidationError):
        office.visits.review(visit, "主管审核", director, "同意")  # not done yet
    office.visits.complete(visit, onsite(), admin)
    with pytest.raises(ValidationError) as err:
        office.visits.review(visit, "主管审核", manager, "同意")
    assert "客服主任" in err.value.problems["主管审核"]
    office.visits.review(visit, "主管审核", director, "记录完整,同意")
    office.visits.review(visit, "项目经理意见", manager, "继续跟进")
    reviews = office.visits.reviews_of(visit)
    assert reviews["主管审核"].reviewer == "钱主任" and reviews["项目经理意见"].opinion == "继续跟进"
