"""The scan import window asks the service for the page waiting to be matched by hand
(`FormScans.waiting_page`), never the model (no Qt here)."""

from __future__ import annotations

import io

from PIL import Image

from app.form_scans import FormScans
from app.models import ScanPage
from reports.printing import Printouts


def a_waiting_page(office) -> ScanPage:
    picture = io.BytesIO()
    Image.new("L", (120, 170), 255).save(picture, "JPEG")
    return ScanPage.create(
        digest="0" * 64,
        source_name="扫描.pdf",
        source_page=3,
        image=picture.getvalue(),
        width=120,
        height=170,
        reason="读不出二维码",
        imported_at=office.clock.now(),
        imported_by="王管理",
    )


def test_the_page_waiting_is_found_until_it_is_matched(office, admin):
    Printouts(office, admin).blank_forms(1)
    (form,) = office.forms.ledger()
    scans = FormScans(office.forms)
    page = a_waiting_page(office)
    assert scans.waiting_page(page.id) == page
    assert scans.waiting_page(page.id + 1) is None
    scans.attach_by_hand(page, form.number, admin)
    assert scans.waiting_page(page.id) is None  # matched: no longer waiting
