"""`check` verifies every signature in one streaming pass, `export-cases` streams to a
write-only workbook with progress and 取消 (issue 17 item 5). Behaviour only: the timings and
the memory are measured in bench/check_export.py."""

from __future__ import annotations

import datetime as dt
import json
import threading

import openpyxl
import peewee as pw
import pytest
from openpyxl.worksheet._writer import ALL_TEMP_FILES

from app import audit, domain, health, i18n, signatures
from app.cases import CaseInput
from app.db import DB_ERRORS
from app.errors import UserError, describe_storage_error
from app.ledger.case_import import import_ledger
from app.ledger.export import EXPORT_HEADERS, LEDGER_HEADERS, ExportCancelled, export_cases
from app.models import AuditEntry, Case, Room, Signature, Visit, audit_head, db
from app.office import Office
from app.owner_files import OwnerFiles, OwnerInput
from app.policy import PolicyStore
from app.signatures import SignatureCapture, demo_strokes, render_png
from app.visits import VisitResult
from app.visits.planner import room_visit
from tests.test_ledger import good_row, write_xlsx


@pytest.fixture
def language():
    """Set the process's language for one test and put the source back after."""
    yield i18n.set_language
    i18n.set_language(i18n.SOURCE_LANGUAGE)


def capture(name: str, seed: int = 3) -> SignatureCapture:
    return SignatureCapture(strokes=demo_strokes(seed), width=600, height=200, signer_name=name)


@pytest.fixture
def signed(office, admin, make_case, clock):
    """Three signed visits: two of complaints (signed by the customer and the visitor) and one
    to a room without a case (its form prints the room's first occupant)."""
    director = office.staff.save_staff("周主任", "cs_director")
    OwnerFiles().save_owner(OwnerInput(room="7-1-301", name="刘洋", phone="13900007777"), admin)
    done = []
    for account in ("电梯异响", "保安态度差"):
        case = make_case(kind="投诉", category="服务态度", account=account)
        office.cases.resolve(case, "已道歉并整改", director)
        done.append(Visit.get(Visit.case == case))
    with db.atomic():
        room = Room.get(Room.building == "7", Room.number == "301")
        lone = room_visit(room, "入伙回访", clock.now().date(), "steward", None, "新入住", clock.now())
    clock.advance(days=1)
    for n, visit in enumerate([*done, lone]):
        result = VisitResult(
            method="上门", satisfaction="满意", findings="已整改到位", shortcomings="回复稍慢",
            opinion="希望继续保持", customer_signature=capture(f"业主{n}", seed=n),
            visitor_signature=capture("王管理", seed=5) if visit.case_id else None,
        )  # fmt: skip
        office.visits.complete(Visit.get_by_id(visit.id), result, admin)
    return [Visit.get_by_id(v.id) for v in [*done, lone]]


def one_by_one() -> list[str]:
    """Every signature checked the old way, one at a time (`seal_problems` with its own reads)."""
    words = audit.field_words()
    return [p for s in Signature.select().order_by(Signature.id) for p in signatures.seal_problems(s, words)]


def test_the_streaming_pass_reads_each_form_as_the_printed_record(office, signed):
    sealed = {s.visit_id: json.loads(s.sealed) for s in Signature.select()}
    streamed = {row[1]: now for row, now in signatures._sealed_rows()}
    assert streamed.keys() == sealed.keys() and len(list(signatures._sealed_rows())) == 5
    for visit_id, now in streamed.items():
        assert now == signatures.printed_record(visit_id) == sealed[visit_id]
    lone = signed[2]
    assert streamed[lone.id]["owner"]["name"] == "刘洋" and "case" not in streamed[lone.id]
    assert office.visits.broken_signatures() == [] and health.check(office) == []


def test_check_finds_a_forged_signature_and_a_broken_one_as_one_by_one_does(office, signed):
    first, second, lone = signed
    # forged: the customer's signature of the first visit copied onto the second, sealed by hand
    source = Signature.get(Signature.visit == first, Signature.signer == "customer")
    db.execute_sql(
        "UPDATE signature SET strokes = ?, png = ? WHERE visit_id = ? AND signer = 'customer'",
        (source.strokes, source.png, second.id),
    )
    # broken: the picture of the room visit's signature replaced
    Signature.update(png=render_png(demo_strokes(9), 600, 200)).where(Signature.visit == lone).execute()
    # and the occupant the room visit's form prints renamed past the program
    db.execute_sql("UPDATE owner SET name = ? WHERE name = ?", ("刘阳", "刘洋"))
    problems = office.visits.broken_signatures()
    assert problems == one_by_one()
    assert len(problems) == 2
    assert all("的密封值不符" in p for p in problems)
    assert "业主1" in problems[0] and "业主2" in problems[1]
    assert [p for p in health.check(office) if "密封值不符" in p] == problems


def test_a_field_edited_past_the_program_is_worded_as_before(office, signed):
    first = signed[0]
    db.execute_sql('UPDATE "case" SET customer_name = ? WHERE id = ?', ("张三", first.case_id))
    db.execute_sql("UPDATE visit SET opinion = ? WHERE id = ?", ("很好", signed[2].id))
    problems = office.visits.broken_signatures()
    assert problems == one_by_one() and len(problems) == 3
    assert "签名后,案件的客户姓名被改动而没有留下审计记录:签名时为“张伟”,现在为“张三”" in problems[0]
    assert "签名后,回访的客户意见被改动:签名时为“希望继续保持”,现在为“很好”" in problems[2]


def test_a_signature_whose_visit_is_gone_is_found(office, signed):
    lone = signed[2]
    db.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        db.execute_sql("DELETE FROM visit WHERE id = ?", (lone.id,))
    finally:
        db.execute_sql("PRAGMA foreign_keys = ON")
    problems = office.visits.broken_signatures()
    assert problems == one_by_one()
    assert len(problems) == 1 and problems[0].endswith("所属的回访已不存在")


# export-cases ------------------------------------------------------------------------------
@pytest.fixture
def cases(office, admin, make_case):
    made = [make_case(account=f"楼道灯不亮 第{i}处", room=f"3-2-{501 + i}") for i in range(250)]
    office.cases.resolve(made[0], "已更换灯管", admin)
    return made


def test_export_reports_progress_and_reads_back(office, admin, cases, tmp_path, clock):
    seen: list[tuple[int, int]] = []
    path = tmp_path / "台账.xlsx"
    assert export_cases(office, path, progress=lambda done, total: seen.append((done, total))) == 250
    totals = {total for _, total in seen}
    assert len(totals) == 1 and seen[0][0] == 0 and seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and len(seen) >= 3
    wb = openpyxl.load_workbook(path, read_only=True)
    rows = list(wb["案件台账"].iter_rows(values_only=True))
    wb.close()
    assert list(rows[0]) == EXPORT_HEADERS and len(rows) == 251
    first = dict(zip(EXPORT_HEADERS, rows[1], strict=False))  # read-only mode drops the empty tail
    assert first["编号"] == cases[0].number and first["处理结果"] == "已更换灯管"
    assert isinstance(first["受理时间"], dt.datetime)
    fresh = Office.open(tmp_path / "fresh", clock)
    try:
        fresh_admin = fresh.initialise("阳光花园物业服务中心", "admin", "secret1", "王管理")
        report = import_ledger(fresh, path, actor=fresh_admin)
        assert report.imported == 250 and not report.problems
        assert Case.select().count() == 250
    finally:
        fresh.close()


@pytest.mark.parametrize("existing", [False, True])
def test_a_cancelled_export_leaves_no_file_and_keeps_the_old_one(office, cases, tmp_path, existing):
    folder = tmp_path / "usb"
    folder.mkdir()
    path = folder / "台账.xlsx"
    if existing:
        path.write_bytes(b"last week's export")
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) >= 2

    temporary = set(ALL_TEMP_FILES)
    with pytest.raises(ExportCancelled) as caught:
        export_cases(office, path, cancelled=cancelled)
    assert isinstance(caught.value, UserError) and "已取消" in str(caught.value)
    assert set(ALL_TEMP_FILES) == temporary  # the sheets' temporary files are gone too
    assert sorted(p.name for p in folder.iterdir()) == (["台账.xlsx"] if existing else [])
    if existing:
        assert path.read_bytes() == b"last week's export"


def test_the_cancelled_words_in_english(office, cases, tmp_path, language):
    language("en")
    with pytest.raises(ExportCancelled) as caught:
        export_cases(office, tmp_path / "cases.xlsx", cancelled=lambda: True)
    assert str(caught.value) == "Export cancelled: no file was written."
    assert not (tmp_path / "cases.xlsx").exists()


# ledger import ------------------------------------------------------------------------------
def test_the_import_is_all_or_nothing_when_a_row_fails_late(office, admin, tmp_path):
    """The last row merges into a case no row makes: it fails while the cases are written,
    after hundreds went in; nothing stays, not a case, not a trail entry, not a number."""
    rows = [good_row(编号=f"A-{i:04d}", 房号=f"{501 + i % 20}") for i in range(300)]
    rows.append(good_row(编号="A-9999", 状态=domain.MERGED, 并入="没有这件"))
    path = write_xlsx(tmp_path / "台账.xlsx", rows, LEDGER_HEADERS)
    head, entries = audit_head(), AuditEntry.select().count()
    report = import_ledger(office, path, actor=admin)
    assert report.imported == 0 and len(report.problems) == 1
    assert "没有这件" in report.problems[0]
    assert Case.select().count() == 0 and AuditEntry.select().count() == entries and audit_head() == head
    assert office.policies.load().categories == PolicyStore().load().categories  # read again after
    skipped = import_ledger(office, path, skip_invalid=True, actor=admin)
    assert skipped.imported == 300 and Case.select().count() == 300


def test_a_clerk_saving_during_the_import_is_saved_or_told_in_words(office, admin, tmp_path, make_case):
    """A clerk saves a case (through the service, on a thread of its own, as another window
    would) while the import is writing: the save goes in once the import is done, or the
    clerk is told in words to wait a moment; the raw 'database is locked' is never shown."""
    rows = [good_row(编号=f"B-{i:04d}") for i in range(400)]
    path = write_xlsx(tmp_path / "台账.xlsx", rows)
    outcome: list[str] = []
    clerk: list[threading.Thread] = []

    def save() -> None:
        try:
            office.cases.create(CaseInput(account="电梯异响", kind="报修", room="3-2-501", customer_name="张伟",
                                          customer_phone="13812345678", category="设施设备维护"), admin)  # fmt: skip
            outcome.append("saved")
        except DB_ERRORS + (pw.OperationalError,) as exc:
            outcome.append(describe_storage_error(exc))
        finally:
            db.close()

    def progress(done: int, total: int) -> None:
        if 0 < done < total and not clerk:  # the import is writing now
            clerk.append(threading.Thread(target=save))
            clerk[0].start()

    report = import_ledger(office, path, progress=progress, actor=admin)
    clerk[0].join(timeout=30)
    assert report.imported == 400 and len(outcome) == 1
    assert outcome[0] == "saved" or outcome[0] == "数据文件正被占用(另一个窗口或一次导入正在写入),刚才的操作没有保存。请稍等片刻再保存一次,填写的内容还在。", outcome
    assert "locked" not in outcome[0]
    if outcome[0] == "saved":
        assert Case.select().where(Case.account == "电梯异响").count() == 1


def test_the_policy_is_read_once_only_on_the_importing_thread(office, admin, tmp_path, monkeypatch):
    loads: list[str] = []
    real = PolicyStore.load

    def counted(store: PolicyStore) -> object:
        loads.append(threading.current_thread().name)
        return real(store)

    monkeypatch.setattr(PolicyStore, "load", counted)
    rows = [good_row(编号=f"C-{i:04d}", 办结时间=dt.datetime(2026, 9, 1, 15, i % 60)) for i in range(60)]
    path = write_xlsx(
        tmp_path / "台账.xlsx",
        [
            {**r, "回访时间": None, "回访方式": None, "满意度": None, "回访人": None, "回访意见": None}
            for r in rows
        ],
    )
    report = import_ledger(office, path, actor=admin)
    assert report.imported == 60
    assert 0 < len(loads) < 10  # not once per resolved case
    assert "load" not in office.policies.__dict__  # the store reads the database again after
