"""Cases that need no visit: the owner asked only for a written reply (只要求书面答复); the reply
letter (复函) is attached to the case instead, and the case is not closed without it (issue 14)."""

import datetime as dt
import io

import pytest
from PIL import Image
from reportlab.pdfgen import canvas

from app import domain
from app.errors import UserError, ValidationError
from app.models import Case, Visit, VisitDecision
from app.periods import Period
from app.visit_rates import visit_rates


def reply_pdf() -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 720, "Reply letter TS-2026-00001")
    page.save()
    return out.getvalue()


def reply_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(out, "PNG")
    return out.getvalue()


def complaint(make_case, **fields):
    values = dict(kind="投诉", category="服务态度", account="保洁态度差,要求书面答复")
    values.update(fields)
    return make_case(**values)


def test_written_reply_only_gets_no_visit_and_says_why(office, admin, make_case):
    case = complaint(make_case, written_reply_only=True)
    assert case.written_reply_only is True
    assert "只要求书面答复" in office.cases.timeline(case)[0].text
    usual = complaint(make_case, room="1-1-101")
    for c in (case, usual):
        office.cases.resolve(c, "已整改并书面答复", admin)
    assert not Visit.select().where(Visit.case == case).exists()
    decision = VisitDecision.get(VisitDecision.case == case)
    assert not decision.selected and decision.reason == "业主只要求书面答复,不回访,复函附于案件"
    assert Visit.select().where(Visit.case == usual).count() == 1  # complaints: 100% visited
    # The 回访统计表 puts it in its own column, out of the base.
    rates = visit_rates(office.policies.load(), Period.month(2026, 9), dt.date(2026, 9, 28))
    assert rates["投诉"].written_reply == 1 and rates["投诉"].handled == 2


def test_flag_set_in_the_case_detail_while_open(office, admin, make_case):
    case = complaint(make_case)
    office.cases.set_written_reply_only(case, True, admin)
    assert Case.get_by_id(case.id).written_reply_only is True
    assert "不回访" in office.cases.timeline(case)[-1].text
    office.cases.resolve(case, "已书面答复", admin)
    with pytest.raises(UserError):  # the visit was decided at 办结
        office.cases.set_written_reply_only(case, False, admin)
    with pytest.raises(UserError):
        office.cases.set_written_reply_only(make_case(kind="报修"), True, admin)


def test_case_is_not_closed_without_the_reply_letter(office, admin, make_case, clock):
    case = complaint(make_case, written_reply_only=True)
    office.cases.resolve(case, "已书面答复", admin)
    with pytest.raises(UserError) as err:
        office.cases.close(case, admin)
    assert "复函" in str(err.value)
    data = reply_pdf()
    clock.advance(hours=1)
    office.cases.attach_reply_letter(case, "复函-保洁.pdf", data, admin)
    stored = Case.get_by_id(case.id)
    assert office.cases.reply_letter(stored) == data and stored.reply_letter_name == "复函-保洁.pdf"
    assert stored.reply_letter_at == clock.now()
    assert office.cases.timeline(case)[-1].text.startswith("附上复函:复函-保洁.pdf(PDF,")
    office.cases.close(stored, admin)
    assert stored.state == domain.CLOSED


def test_reply_letter_kinds_and_bad_files(office, admin, make_case):
    case = complaint(make_case, written_reply_only=True)
    office.cases.attach_reply_letter(case, "scan.PNG", reply_png(), admin)
    assert "图片" in office.cases.timeline(case)[-1].text
    before = office.cases.reply_letter(Case.get_by_id(case.id))
    for name, data in (
        ("复函.txt", b"hello"),
        ("复函.pdf", b""),
        ("复函.pdf", reply_png()),  # a picture named .pdf
        ("复函.docx", b"%PDF-1.4 not a word file"),
    ):
        with pytest.raises(UserError):
            office.cases.attach_reply_letter(case, name, data, admin)
    # A refused file loses nothing: the letter attached before stays.
    assert office.cases.reply_letter(Case.get_by_id(case.id)) == before
    office.cases.attach_reply_letter(case, "复函.pdf", reply_pdf(), admin)
    assert office.cases.timeline(case)[-1].text.startswith("替换复函:复函.pdf")


def test_anonymous_wins_over_written_reply(office, admin, make_case):
    case = complaint(make_case, anonymous=True, room="", written_reply_only=True)
    office.cases.resolve(case, "已处理", admin)
    assert "匿名" in VisitDecision.get(VisitDecision.case == case).reason


def test_written_reply_only_through_update(office, admin, make_case):
    from app.cases import CaseInput

    case = complaint(make_case)
    inp = CaseInput(
        account=case.account,
        kind="投诉",
        room="3-2-501",
        customer_name="张伟",
        customer_phone="13812345678",
        category="服务态度",
        written_reply_only=True,
        requested_date="2026-09-29",
    )
    changed = office.cases.update(case, inp, admin)
    assert set(changed) == {"written_reply_only", "requested_date"}
    assert Case.get_by_id(case.id).resolve_due == dt.datetime(2026, 9, 29, 23, 59)
    with pytest.raises(ValidationError):
        office.cases.update(
            case, CaseInput(account="x", kind="报修", room="3-2-501", written_reply_only=True)
        )


def test_a_reply_letter_only_on_a_case_whose_owner_asked_for_one(office, admin, make_case):
    """The service says what the case window's missing button says (app/case_states.py)."""
    case = complaint(make_case)
    with pytest.raises(UserError, match="没有要求书面答复"):
        office.cases.attach_reply_letter(case, "复函.pdf", reply_pdf(), admin)
    assert office.cases.reply_letter(Case.get_by_id(case.id)) is None
