"""Backups, restore, the health check, one instance per data folder, and clear failures."""

import datetime as dt
import os
import sqlite3

import pytest

from app.backup import backups_in, integrity_problems, restore, to_keep
from app.cli import main
from app.errors import UserError, describe_storage_error
from app.instance import InstanceLock
from app.models import AuditEntry, Case, Signature, Visit
from app.paths import DB_FILENAME


def test_backup_is_verified_and_recorded(office, make_case, tmp_path):
    make_case()
    result = office.backups.backup_now(tmp_path / "usb")
    assert result.ok and result.path.exists() and "已校验" in result.message
    assert integrity_problems(result.path) == []
    con = sqlite3.connect(result.path)
    assert con.execute('SELECT count(*) FROM "case"').fetchone()[0] == 1
    con.close()
    status = office.backups.status()
    assert status.last_good == office.clock.now() and status.warnings == []
    assert not office.backups.due()


def test_rotation_keeps_days_weeks_months():
    now = dt.datetime(2026, 9, 28, 12)
    stamps = [now - dt.timedelta(days=d, hours=h) for d in range(400) for h in (0, 6)]
    keep = to_keep(stamps, now, 7, 4, 12)
    days = {t.date() for t in keep}
    assert all((now - dt.timedelta(days=d)).date() in days for d in range(7))
    assert len(keep) <= 7 + 4 + 12 and len(keep) >= 12
    assert max(keep) == max(stamps)
    months = {(t.year, t.month) for t in keep}
    assert len(months) == 12


def test_rotation_deletes_old_files(office, tmp_path, clock):
    folder = tmp_path / "bk"
    for d in range(20):
        clock.at = dt.datetime(2026, 9, 1, 8) + dt.timedelta(days=d)
        assert office.backups.backup_now(folder).ok
    kept = backups_in(folder)
    assert 7 <= len(kept) < 20
    assert kept[0][0] == clock.now()


def test_unreachable_folder_is_reported(office, tmp_path):
    policy = office.policies.load()
    policy.data["backup"]["folder"] = str(tmp_path / "missing-usb" / "x")
    office.policies.save(policy)
    assert any("找不到" in w for w in office.backups.status().warnings)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = office.backups.backup_now(blocker / "sub")
    assert not result.ok and "无法写入" in result.message
    assert any("还没有成功的备份" in w for w in office.backups.status().warnings)


def test_restore_keeps_the_current_file_aside(office, make_case, tmp_path, clock):
    make_case(account="备份前的案件")
    backup = office.backups.backup_now(tmp_path / "bk").path
    make_case(account="备份后的案件")
    office.close()
    aside = restore(office.data_dir, backup, clock.now())
    assert aside.exists()
    con = sqlite3.connect(office.data_dir / DB_FILENAME)
    accounts = [r[0] for r in con.execute('SELECT account FROM "case"')]
    con.close()
    assert accounts == ["备份前的案件"]
    con = sqlite3.connect(aside)
    assert con.execute('SELECT count(*) FROM "case"').fetchone()[0] == 2
    con.close()


def test_restore_refuses_a_damaged_backup(office, tmp_path, clock):
    bad = tmp_path / "huiyin-20260101-000000.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    office.close()
    with pytest.raises(UserError, match="已损坏"):
        restore(office.data_dir, bad, clock.now())
    with pytest.raises(UserError, match="找不到"):
        restore(office.data_dir, tmp_path / "nope.sqlite3", clock.now())
    assert (office.data_dir / DB_FILENAME).exists()


def test_cli_backup_restore_check(office, make_case, admin, tmp_path, capsys, clock):
    from app.signatures import SignatureCapture, demo_strokes
    from app.visits import VisitResult

    case = make_case(kind="投诉", category="服务态度")
    office.cases.resolve(case, "已致歉", admin)
    clock.advance(days=1)
    visit = Visit.get(Visit.case == case)
    office.visits.complete(
        visit,
        VisitResult(
            method="上门",
            satisfaction="满意",
            customer_signature=SignatureCapture(demo_strokes(1), 600, 200, "张伟"),
        ),
        admin,
    )
    office.close()
    data = str(office.data_dir)
    assert main(["--data-dir", data, "check"]) == 0
    assert "检查通过" in capsys.readouterr().out
    assert main(["--data-dir", data, "backup", "--to", str(tmp_path / "bk")]) == 0
    backup = backups_in(tmp_path / "bk")[0][1]

    # Someone edits the visit behind the program's back: the signature no longer matches.
    con = sqlite3.connect(office.data_dir / DB_FILENAME)
    con.execute("UPDATE visit SET satisfaction = '很满意'")
    con.execute("UPDATE audit_entry SET new = 'x' WHERE id = 2")
    con.commit()
    con.close()
    assert main(["--data-dir", data, "check"]) == 1
    out = capsys.readouterr().out
    assert "签名" in out and "审计记录" in out and "restore" in out

    assert main(["--data-dir", data, "restore", str(backup)]) == 0
    assert main(["--data-dir", data, "check"]) == 0


def test_check_finds_a_corrupted_file(tmp_path, office, make_case):
    for _ in range(30):
        make_case(account="填充" * 200)
    office.close()
    path = office.data_dir / DB_FILENAME
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    raw = bytearray(path.read_bytes())
    for i in range(8192, min(len(raw), 40000), 7):
        raw[i] = 0xFF
    path.write_bytes(bytes(raw))
    code = main(["--data-dir", str(office.data_dir), "check"])
    assert code in (1, 2)


def test_second_instance_is_refused(tmp_path):
    with InstanceLock(tmp_path):
        with pytest.raises(UserError, match="已经在使用"):
            InstanceLock(tmp_path).acquire()
    with InstanceLock(tmp_path):
        pass  # released: a later start works


@pytest.mark.parametrize(
    ("message", "words"),
    [
        ("database or disk is full", "磁盘已满"),
        ("attempt to write a readonly database", "只读"),
        ("database disk image is malformed", "备份"),
        ("database is locked", "占用"),
    ],
)
def test_storage_errors_in_words(message, words):
    assert words in describe_storage_error(sqlite3.OperationalError(message))


def test_full_disk_during_save_loses_nothing(office, make_case, monkeypatch):
    make_case()
    import app.search as search

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(search, "index_case", full)
    with pytest.raises(sqlite3.OperationalError):
        make_case(account="磁盘满时的案件")
    assert Case.select().count() == 1  # the half-saved case was rolled back whole
    assert AuditEntry.select().where(AuditEntry.table == "case").count() == 1
    assert Signature.select().count() == 0


def test_read_only_data_folder_gives_a_clear_message(tmp_path, capsys):
    if os.geteuid() == 0:
        pytest.skip("root ignores folder permissions")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        code = main(["--data-dir", str(folder / "data"), "check"])
    finally:
        folder.chmod(0o700)
    assert code in (1, 2) and "错误" in capsys.readouterr().err
