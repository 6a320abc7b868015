"""Issue 13 item 3: a keyed trail and keyed signature seals, and `check` comparing the data
with the trail. Each attack is made the way it was made against version 0.2 (the program's own
algorithm, raw SQL through a keyed connection to the live file) and must now be found, in words."""

import datetime as dt
import hashlib
import hmac
import json

import pytest

from app import audit, health
from app.cases import CaseInput
from app.db import connect_file
from app.holidays import HolidayService
from app.models import (
    GENESIS,
    AuditEntry,
    Case,
    MajorReport,
    Owner,
    Room,
    Setting,
    Signature,
    Visit,
    acting_as,
    db,
)
from app.office import Office
from app.owner_files import OwnerFiles, OwnerInput
from app.paths import DB_FILENAME
from app.signatures import SignatureCapture, demo_strokes, printed_record, render_png, signature_hash
from app.visits import VisitResult


def sha256_of(payload: str) -> str:
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def wrong_key_of(payload: str) -> str:
    return hmac.new(b"guessed key" * 3, payload.encode("utf-8"), hashlib.sha256).hexdigest()


def recompute_chain(digest=sha256_of) -> None:
    """What an attacker did against 0.2: the chain recomputed with the program's own payload
    and the given hash (no office key), and the head set to match."""
    prev, count = GENESIS, 0
    for entry in AuditEntry.select().order_by(AuditEntry.id):
        entry.prev_hash = prev
        entry.hash = digest(entry.payload())
        entry.save()
        prev, count = entry.hash, count + 1
    head = {"hash": prev, "count": count, "mac": digest(f"head:{prev}:{count}")}
    Setting.replace(key="audit_head", value=json.dumps(head)).execute()


def capture(name: str, seed: int = 3) -> SignatureCapture:
    return SignatureCapture(strokes=demo_strokes(seed), width=600, height=200, signer_name=name)


@pytest.fixture
def signed(office, admin, make_case, clock):
    """Two complaints resolved by a director; the first one's visit done on site, both signatures
    drawn on the pad; the second's visit still planned."""
    director = office.staff.save_staff("周主任", "cs_director")
    visits = []
    for account in ("电梯异响", "保安态度差"):
        case = make_case(kind="投诉", category="服务态度", account=account)
        office.cases.resolve(case, "已道歉并整改", director)
        visits.append(Visit.get(Visit.case == case))
    clock.advance(days=1)
    result = VisitResult(
        method="上门",
        satisfaction="满意",
        findings="已整改到位",
        shortcomings="回复稍慢",
        opinion="希望继续保持",
        customer_signature=capture("张伟"),
        visitor_signature=capture("王管理", seed=5),
    )
    office.visits.complete(visits[0], result, admin)
    return Visit.get_by_id(visits[0].id), Visit.get_by_id(visits[1].id)


def test_an_honest_office_passes_check_with_nothing_to_report(office, admin, signed, tmp_path):
    """Cases, visits, signatures, owners (an ID number changed), a holiday added and removed,
    rooms brought in in bulk with their entries: the data is what the trail says."""
    files = OwnerFiles()
    owner = files.save_owner(
        OwnerInput(room="5-1-101", name="陈静", phone="13900001111", id_number="11010519491231002X"), admin
    )
    files.save_owner(
        OwnerInput(room="5-1-101", name="陈静", phone="13900002222", id_number="110105198001011238"),
        admin,
        existing=owner,
    )
    holidays = HolidayService(office.cases)
    holidays.save(dt.date(2026, 10, 12), False, "所庆")
    holidays.remove(dt.date(2026, 10, 12))
    before = audit.last_id(Room)
    Room.insert_many([{"building": "9", "unit": "1", "number": f"{n}01"} for n in range(1, 6)]).execute()
    assert audit.record_created_after(Room, before) == 5
    assert health.check(office) == []


def test_the_chain_and_its_head_are_keyed(office, make_case):
    make_case()
    entry = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
    assert entry.hash != sha256_of(entry.payload())  # not the program's algorithm without the key
    head = json.loads(Setting.get(Setting.key == "audit_head").value)
    assert set(head) == {"hash", "count", "mac"} and head["hash"] == entry.hash


@pytest.mark.parametrize("digest", [sha256_of, wrong_key_of], ids=["sha256", "wrong_key"])
def test_an_entry_edited_by_sql_and_the_chain_recomputed_is_found(office, make_case, digest):
    case = make_case()
    conn = connect_file(office.data_dir / DB_FILENAME)  # the live file, with the office's key
    with conn:
        conn.execute(
            "UPDATE audit_entry SET new = replace(new, '楼道灯不亮', '楼道灯已修好') "
            "WHERE \"table\" = 'case' AND record_id = ? AND action = '新建'",
            (str(case.id),),
        )
    conn.close()
    assert audit.chain_problems()  # the edit alone breaks the chain, as in 0.2
    recompute_chain(digest)
    problems = audit.chain_problems()
    assert problems and "链头校验值不符" in problems[-1]
    if digest is sha256_of:
        assert "不是用本服务中心的密钥算出的" in problems[0]
    else:
        assert "内容被改动(校验值不符)" in problems[0]
    assert any("案件" in p and "内容" in p for p in health.check(office))


def test_an_entry_deleted_and_the_chain_recomputed_is_found(office, make_case):
    for account in ("楼道灯不亮", "水管漏水", "门禁坏了"):
        make_case(account=account)
    middle = AuditEntry.get(
        AuditEntry.action == "新建", AuditEntry.table == "case", AuditEntry.new.contains("水管漏水")
    )
    db.execute_sql("DELETE FROM audit_entry WHERE id = ?", (middle.id,))
    recompute_chain()
    problems = health.check(office)
    assert any("不是用本服务中心的密钥算出的" in p for p in problems)
    # and the data now has a case the trail never created
    case = Case.get(Case.account == "水管漏水")
    assert (
        f"案件 {case.number} 在审计记录中没有新建记录:它是绕过程序直接写进数据库的,或者它的审计记录被删除了"
        in problems
    )


def test_a_back_dated_entry_blaming_a_clerk_is_found(office, make_case, admin):
    with acting_as("王管理"):
        case = make_case()
        office.cases.resolve(case, "已修好", admin)
    entry = AuditEntry.get(AuditEntry.table == "case", AuditEntry.field == "result")
    entry.at = dt.datetime(2026, 1, 5, 23, 10)
    entry.actor = "李文员"
    entry.save()
    recompute_chain()
    problems = audit.chain_problems()
    assert any(
        f"审计记录第 {entry.id} 条(2026-01-05 23:10 李文员 修改 案件 {case.id})" in p for p in problems
    )


def test_a_case_edited_by_sql_is_found_in_words(office, make_case, admin):
    case = make_case()
    office.cases.resolve(case, "已更换灯泡", admin)
    conn = connect_file(office.data_dir / DB_FILENAME)
    with conn:
        conn.execute("UPDATE \"case\" SET result = '业主自行修好', state = '已关闭' WHERE id = ?", (case.id,))
    conn.close()
    assert audit.chain_problems() == []  # the trail itself is untouched
    problems = health.check(office)
    assert f"案件 {case.number} 的处理结果与审计记录不符:记录为“已更换灯泡”,数据为“业主自行修好”" in problems
    assert f"案件 {case.number} 的状态与审计记录不符:记录为“已办结”,数据为“已关闭”" in problems


def test_a_deleted_major_complaint_is_found(office, admin):
    case = office.cases.create(
        CaseInput(account="业主家中被淹,要求赔偿", kind="投诉", severity="重大", room="2-1-301",
                  customer_name="刘强", customer_phone="13700001234", category="设施设备维护"),
        admin,
    )  # fmt: skip
    report = MajorReport.get(MajorReport.case == case)
    assert health.check(office) == []
    db.execute_sql('DELETE FROM "case" WHERE id = ?', (case.id,))  # the report goes with it (cascade)
    assert MajorReport.get_or_none(MajorReport.id == report.id) is None
    problems = health.check(office)
    assert f"审计记录中有案件 {case.number},数据中却没有:它被删除了,而审计记录中没有删除记录" in problems
    assert (
        f"审计记录中有重大投诉报告 #{report.id},数据中却没有:它被删除了,而审计记录中没有删除记录" in problems
    )


def test_an_id_number_changed_by_sql_is_found_without_showing_it(office, admin):
    owner = OwnerFiles().save_owner(
        OwnerInput(room="5-1-102", name="赵敏", phone="13900003333", id_number="11010519491231002X"), admin
    )
    texts = " ".join((e.old or "") + (e.new or "") for e in audit.history("owner", owner.id))
    assert "11010519491231002X" not in texts
    Owner.update(id_number="110105198001011238").where(Owner.id == owner.id).execute()
    problems = audit.trail_problems()
    assert problems == ["业主 赵敏 的身份证号与审计记录不符:记录为(不显示),数据为(不显示)"]


def test_a_signature_copied_onto_another_visit_and_rehashed_is_found(office, signed):
    done, other = signed
    source = Signature.get(Signature.visit == done, Signature.signer == "customer")
    # 0.2's way: the row copied to the other visit, its hash made again with the program's algorithm
    copy = Signature.create(
        visit=other, signer="customer", signer_name=source.signer_name, relation=source.relation,
        strokes=source.strokes, pad_width=source.pad_width, pad_height=source.pad_height, png=source.png,
        signed_at=source.signed_at, sealed=json.dumps(printed_record(other.id), ensure_ascii=False, sort_keys=True),
        sha256="0" * 64,
    )  # fmt: skip
    payload = json.dumps({"strokes": copy.strokes, "record": printed_record(other.id)}, sort_keys=True)
    Signature.update(sha256=sha256_of(payload)).where(Signature.id == copy.id).execute()
    problems = office.visits.broken_signatures()
    assert len(problems) == 1
    assert "的密封值不符" in problems[0] and "复制" in problems[0]
    assert not office.visits.verify_signature(Signature.get_by_id(copy.id))
    assert office.visits.verify_signature(source)


def test_a_signature_moved_by_sql_to_another_visit_is_found(office, signed):
    done, other = signed
    db.execute_sql("UPDATE signature SET visit_id = ? WHERE visit_id = ?", (other.id, done.id))
    problems = health.check(office)
    assert sum("的密封值不符" in p for p in problems) == 2
    assert any(p.startswith("签名 ") and "的回访与审计记录不符" in p for p in problems)


@pytest.mark.parametrize(
    ("column", "value", "words"),
    [
        ("shortcomings", "没有不足", "不足之处"),
        ("satisfaction", "很满意", "满意度"),
        ("worker_conduct", "态度很好", "维修人员表现"),
        ("site_checked", 1, "已现场查看"),
        ("charges_checked", 1, "已核实收费"),
        ("visitor_name", "李文员", "回访人姓名"),
        ("done_at", "2026-09-01 10:00:00", "回访时间"),
    ],
)
def test_a_printed_field_of_a_signed_visit_edited_by_sql_is_found(office, signed, column, value, words):
    done, _ = signed
    db.execute_sql(f'UPDATE visit SET "{column}" = ? WHERE id = ?', (value, done.id))
    problems = office.visits.broken_signatures()
    assert len(problems) == 2 and all("签名后,回访的" in p and "被改动" in p for p in problems)
    assert any(words in p for p in audit.trail_problems())


def test_a_case_field_printed_on_the_form_edited_by_sql_breaks_the_signature(office, signed):
    done, _ = signed
    db.execute_sql('UPDATE "case" SET customer_name = ? WHERE id = ?', ("张三", done.case_id))
    problems = office.visits.broken_signatures()
    assert len(problems) == 2
    assert "签名后,案件的客户姓名被改动而没有留下审计记录:签名时为“张伟”,现在为“张三”" in problems[0]


def test_a_case_changed_later_through_the_program_keeps_the_signature(office, signed, admin):
    """A case reopened and resolved again after its visit (rework): its result changes, with
    the change in the keyed trail; the signature of the earlier visit still holds."""
    done, _ = signed
    case = Case.get_by_id(done.case_id)
    office.cases.reopen(case, "业主又来电", admin)
    office.cases.resolve(Case.get_by_id(case.id), "再次整改完毕", admin)
    assert office.visits.broken_signatures() == []
    assert health.check(office) == []


def test_a_replaced_png_is_found(office, signed):
    done, _ = signed
    other_png = render_png(demo_strokes(9), 600, 200)
    Signature.update(png=other_png).where(Signature.visit == done, Signature.signer == "customer").execute()
    problems = office.visits.broken_signatures()
    assert len(problems) == 1 and "客户签名(张伟)的密封值不符" in problems[0]


def test_the_seal_is_keyed(office, signed):
    done, _ = signed
    sig = Signature.get(Signature.visit == done, Signature.signer == "customer")
    printed = json.loads(sig.sealed)
    assert printed["visit"]["shortcomings"] == "回复稍慢" and printed["case"]["number"]
    unkeyed = json.dumps(
        {"strokes": sig.strokes, "png": hashlib.sha256(sig.png).hexdigest(), "printed": printed}
    )
    assert sig.sha256 != sha256_of(unkeyed)


def test_the_findings_name_fields_as_the_history_window_does():
    from app import models
    from ui import history

    for table, fields in audit.audited_fields().items():
        for field in fields:
            if field in audit.FIELD_WORDS or (table, field) in audit.TABLE_FIELD_WORDS:
                assert audit.field_word(table, field) == history.field_label(field, table), (table, field)
            else:  # a model of another module (a newer part of the program): named in the window only
                assert not hasattr(models, table.title().replace("_", "")), (table, field)


def _make_legacy(office, clock) -> dict[str, str]:
    """Turn an office's file into what 0.2 left: an unkeyed chain (sha256, head without a seal),
    ID numbers masked without a digest, signatures with 0.2's hash and no sealed copy, rooms
    written in bulk with one summary entry, and schema version 6."""
    db.execute_sql("UPDATE audit_entry SET new = '(已更改)' WHERE new LIKE '(已更改)#%'")
    db.execute_sql("UPDATE audit_entry SET old = '******' WHERE old LIKE '******#%'")
    for entry in AuditEntry.select().where(AuditEntry.new.contains('"******#')):
        values = json.loads(entry.new)
        entry.new = json.dumps({k: "******" if str(v).startswith("******#") else v for k, v in values.items()},
                               ensure_ascii=False)  # fmt: skip
        entry.save()
    Room.insert_many([{"building": "8", "unit": "", "number": str(n)} for n in (101, 102)]).execute()
    for sig in Signature.select():
        visit = Visit.get_by_id(sig.visit_id)
        record = {
            "visit": visit.id,
            "case": Case.get_by_id(visit.case_id).number,
            "method": visit.method,
            "satisfaction": visit.satisfaction,
            "done_at": visit.done_at.isoformat(),
            "findings": visit.findings,
            "opinion": visit.opinion,
            "signer": sig.signer_name,
            "relation": sig.relation,
            "signed_at": sig.signed_at.isoformat(),
        }
        db.execute_sql(
            "UPDATE signature SET sha256 = ? WHERE id = ?", (signature_hash(sig.strokes, record), sig.id)
        )
    db.execute_sql("ALTER TABLE signature DROP COLUMN sealed")
    prev, count = GENESIS, 0
    for entry in AuditEntry.select().order_by(AuditEntry.id):
        entry.prev_hash = prev
        entry.hash = sha256_of(entry.payload())
        entry.save()
        prev, count = entry.hash, count + 1
    head = json.dumps({"hash": prev, "count": count})
    Setting.replace(key="audit_head", value=head).execute()
    Setting.replace(key="schema_version", value="6").execute()
    return {"head": head}


def test_an_upgraded_folder_is_sealed_once_and_noted_in_the_trail(office, signed, clock, admin):
    OwnerFiles().save_owner(
        OwnerInput(room="5-1-103", name="孙丽", phone="13900004444", id_number="11010519491231002X"), admin
    )
    legacy = _make_legacy(office, clock)
    data_dir = office.data_dir
    office.close()
    upgraded = Office.login(data_dir, "admin", "secret1", clock)
    try:
        reseal = AuditEntry.get(AuditEntry.action == "重新密封", AuditEntry.table == "audit_entry")
        assert reseal.old == legacy["head"] and "旧的审计链完整" in reseal.new
        signatures = AuditEntry.get(AuditEntry.action == "重新密封", AuditEntry.table == "signature")
        assert "重新密封了 2 个签名" in signatures.new and "全部与旧校验码相符" in signatures.new
        baseline = {
            (e.table, e.record_id) for e in AuditEntry.select().where(AuditEntry.action == "升级核对")
        }
        rooms = {str(r.id) for r in Room.select().where(Room.building == "8")}
        assert {("room", r) for r in rooms} <= baseline  # written in bulk, now in the trail
        assert any(table == "owner" for table, _ in baseline)  # ID numbers: a digest from now on
        assert health.check(upgraded) == []
        # from now on, only keyed entries: recomputing without the key is found
        recompute_chain()
        assert any("不是用本服务中心的密钥算出的" in p for p in audit.chain_problems())
    finally:
        upgraded.close()


def test_a_new_office_has_no_resealing_entry(office):
    assert not AuditEntry.select().where(AuditEntry.action.in_(["重新密封", "升级核对"])).exists()


def test_check_lists_the_first_findings_and_counts_the_rest(office, make_case):
    for n in range(audit.MAX_LISTED + 5):
        make_case(account=f"第{n}件")
    recompute_chain()
    db.execute_sql("UPDATE audit_entry SET actor = '某人'")  # every entry now fails
    problems = audit.chain_problems()
    listed = [p for p in problems if p.startswith("审计记录第") and "校验值" in p]
    assert len(listed) == audit.MAX_LISTED
    total = AuditEntry.select().count()
    assert f"另有 {total - audit.MAX_LISTED} 条审计记录的校验值不符" in problems


def test_bulk_updates_are_found_unless_recorded(office, make_case):
    case = make_case()
    Case.update(category="绿化养护").where(Case.id == case.id).execute()
    assert audit.trail_problems() == [
        f"案件 {case.number} 的类别与审计记录不符:记录为“设施设备维护”,数据为“绿化养护”"
    ]
    fresh = Case.get_by_id(case.id)
    fresh.category = "设施设备维护"
    fresh.save()
    assert audit.trail_problems() == []


def test_a_periodic_visit_seals_the_occupant_printed_on_its_form(office, admin, clock):
    """A visit without a case prints the room's occupant: the seal covers their name and phone."""
    owner = OwnerFiles().save_owner(OwnerInput(room="6-1-101", name="周涛", phone="13900005555"), admin)
    room = Room.get_by_id(owner.room_id)
    (visit,) = office.visits.plan_batch("入伙回访", [room], clock.now().date(), "steward", "新入住", admin)
    result = VisitResult(
        method="上门",
        satisfaction="满意",
        findings="入住顺利",
        customer_signature=capture("周涛"),
        visitor_signature=capture("王管理", seed=5),
    )
    office.visits.complete(visit, result, admin)
    sealed = json.loads(Signature.get(Signature.visit == visit, Signature.signer == "customer").sealed)
    assert sealed["owner"]["name"] == "周涛" and sealed["room"]["building"] == "6"
    assert health.check(office) == []
    db.execute_sql("UPDATE owner SET phone = ? WHERE id = ?", ("13900006666", owner.id))
    problems = office.visits.broken_signatures()
    assert len(problems) == 2
    assert "签名后,住户的联系电话被改动而没有留下审计记录" in problems[0]
    assert "13900006666" not in problems[0] and "13900005555" not in problems[0]  # masked, as lists show
    assert any(p.startswith("业主 周涛 的联系电话与审计记录不符") for p in audit.trail_problems())
