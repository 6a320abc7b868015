"""Imports that do not lock the office out (issue 17 item 6): an owners list and a case ledger
are read and checked without the office's write lock, so another window saving meanwhile is
not refused; what was saved meanwhile is read again before writing, never doubled or
overwritten; the write itself is one transaction, all or nothing, as before."""

import threading

import openpyxl

import app.ledger.case_import as case_import
import app.ledger.owner_import as owner_import
from app.ledger.case_import import import_ledger
from app.ledger.owner_import import OWNER_HEADERS, import_owners
from app.models import Case, Owner, Room
from app.permissions import acting
from tests.helpers.files import raw_connection
from tests.test_ledger import good_row, write_xlsx


def _owners(path, rows):
    wb = openpyxl.Workbook()
    wb.active.append(OWNER_HEADERS)
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def _another_window_saves(data_dir) -> None:
    """A write through a connection of its own that does not wait at all: refused at once
    ("database is locked") if the import held the write lock."""
    conn = raw_connection(data_dir)
    try:
        conn.execute("PRAGMA busy_timeout = 0")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE setting SET value = value WHERE key = 'office_id'")
        conn.execute("COMMIT")
    finally:
        conn.close()


def test_the_owners_list_is_read_without_the_write_lock(office, admin, tmp_path, monkeypatch):
    saved = []
    real = owner_import.parse_owner_row

    def parse(row, sheet):
        if not saved:
            _another_window_saves(office.data_dir)
            saved.append(True)
        return real(row, sheet)

    monkeypatch.setattr(owner_import, "parse_owner_row", parse)
    path = _owners(tmp_path / "名册.xlsx", [["1", "1", "101", "张三", "业主", "13812345678", "", "", ""]])
    with acting(admin):
        report = import_owners(office, path)
    assert saved and report.imported == 1 and Owner.select().count() == 1


def test_an_occupant_saved_while_the_list_was_read_is_updated_not_doubled(
    office, admin, tmp_path, monkeypatch
):
    with acting(admin):
        room = Room.create(building="1", unit="1", number="101")
    real = owner_import._prepare
    calls = []

    def prepare(parsed):
        plan = real(parsed)
        if not calls:  # a clerk adds 张三 to the room after the list was matched

            def clerk():
                with acting(admin):
                    Owner.create(room=room, name="张三", phone="13900000000")

            thread = threading.Thread(target=clerk)
            thread.start()
            thread.join()
        calls.append(plan)
        return plan

    monkeypatch.setattr(owner_import, "_prepare", prepare)
    path = _owners(tmp_path / "名册.xlsx", [["1", "1", "101", "张三", "业主", "13812345678", "", "", ""]])
    with acting(admin):
        report = import_owners(office, path)
    assert len(calls) == 2  # matched again inside the write
    owners = list(Owner.select().where(Owner.room == room, Owner.name == "张三"))
    assert len(owners) == 1 and owners[0].phone == "13812345678"
    assert report.imported == 1 and report.updated == 1
    assert office.trail.chain_check(actor=admin, full=True).problems == []


def test_the_ledger_is_read_without_the_write_lock(office, admin, tmp_path, monkeypatch):
    saved = []
    real = case_import.parse_rows

    def parse(*args, **kwargs):
        if not saved:
            _another_window_saves(office.data_dir)
            saved.append(True)
        return real(*args, **kwargs)

    monkeypatch.setattr(case_import, "parse_rows", parse)
    path = write_xlsx(tmp_path / "l.xlsx", [good_row(编号="A-001"), good_row(编号="A-002")])
    report = import_ledger(office, path, actor=admin)
    assert saved and report.problems == [] and report.imported == 2 and Case.select().count() == 2


def test_a_case_saved_while_the_ledger_was_read_is_seen_before_writing(
    office, admin, tmp_path, monkeypatch, make_case
):
    """The ledger's ref taken by a case saved meanwhile: the second reading refuses the row,
    as it would have had the case been there from the start."""
    real = case_import.parse_rows
    calls = []

    def parse(*args, **kwargs):
        parsed = real(*args, **kwargs)
        if not calls:
            thread = threading.Thread(target=lambda: make_case(ref="A-002"))
            thread.start()
            thread.join()
        calls.append(True)
        return parsed

    monkeypatch.setattr(case_import, "parse_rows", parse)
    path = write_xlsx(tmp_path / "l.xlsx", [good_row(编号="A-001"), good_row(编号="A-002")])
    report = import_ledger(office, path, skip_invalid=True, actor=admin)
    assert len(calls) == 2
    assert report.imported == 1 and any("A-002" in p for p in report.problems)
    assert Case.select().where(Case.ref == "A-002").count() == 1
