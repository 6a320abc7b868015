"""Backups that can be trusted: checked with `check`'s own check, named with the office's
identity, rotated without losing the newest good one, never written to the system disk in
place of a missing USB stick, never leaving a half-written file. And one instance per data
folder, clear storage failures."""

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app import keyring
from app.backup import (
    FAILED_MARK,
    backups_in,
    file_facts,
    integrity_problems,
    list_backups,
    restore,
    to_keep,
)
from app.db import connect_file
from app.errors import UserError, describe_storage_error
from app.instance import InstanceLock
from app.models import AuditEntry, Case, Signature, Visit
from app.office import Office
from app.paths import DB_FILENAME
from huiyin.cli import main

LEFTOVER_ENDINGS = (".partial", "-journal", "-wal", "-shm")


def leftovers(folder: Path) -> list[str]:
    return sorted(
        p.name for p in folder.iterdir() if p.name.endswith(LEFTOVER_ENDINGS) or ".partial" in p.name
    )


def tamper_audit(path: Path) -> None:
    """Someone edits an audit entry behind the program's back (with the office's key)."""
    con = connect_file(path)
    con.execute("UPDATE audit_entry SET new = 'x' WHERE id = (SELECT min(id) FROM audit_entry)")
    con.commit()
    con.close()


def test_backup_is_verified_named_for_the_office_and_encrypted(office, make_case, tmp_path):
    make_case()
    usb = tmp_path / "usb"
    usb.mkdir()
    result = office.backups.backup_now(usb)
    assert result.ok and "备份成功并已校验" in result.message
    ident = office.setting("office_id")
    assert len(ident) == 32 and result.path.name.startswith(f"huiyin-{ident[:12]}-20260928-093000")
    assert integrity_problems(result.path) == []
    con = connect_file(result.path, readonly=True)
    assert con.execute('SELECT count(*) FROM "case"').fetchone()[0] == 1
    con.close()
    assert file_facts(result.path).office_id == ident
    with pytest.raises(sqlite3.DatabaseError):  # plain SQLite reads nothing of it
        sqlite3.connect(result.path).execute("SELECT count(*) FROM sqlite_master").fetchone()
    # The key file travels with the backups (without it they open nowhere else).
    assert (usb / f"huiyin-{ident[:12]}.keys").read_bytes() == keyring.KeyRing.path_in(
        office.data_dir
    ).read_bytes()
    assert leftovers(usb) == []
    status = office.backups.status()
    assert status.last_good == office.clock.now() and status.warnings == []
    assert not office.backups.due()


def test_migration_6_stores_the_office_identity_in_an_older_folder(office, clock):
    """A folder at structure version 5 (no identity inside) opened by this version: the
    identity is stored, the key file's own, and backups are named with it."""
    from app.db import SCHEMA_VERSION
    from app.models import Setting

    assert SCHEMA_VERSION >= 6
    ident = office.ring.office_id
    assert office.setting("office_id") == ident and len(ident) == 32
    Setting.delete().where(Setting.key == "office_id").execute()
    Setting.replace(key="schema_version", value="5").execute()
    office.close()
    again = Office.login(office.data_dir, "admin", "secret1", clock)
    try:
        assert Setting.get(Setting.key == "schema_version").value == str(SCHEMA_VERSION)
        assert again.setting("office_id") == ident
        result = again.backups.backup_now()
        assert result.ok and result.path.name.startswith(f"huiyin-{ident[:12]}-")
    finally:
        again.close()


def test_a_database_that_fails_check_is_never_called_verified(office, make_case, tmp_path, clock):
    make_case()
    usb = tmp_path / "usb"
    usb.mkdir()
    tamper_audit(office.data_dir / DB_FILENAME)
    for _ in range(3):
        result = office.backups.backup_now(usb)
        assert not result.ok
        assert "未通过检查" in result.message and "已校验" not in result.message
        assert "审计记录" in result.message
        assert result.path is not None and result.path.name.endswith(f"-{FAILED_MARK}.sqlite3")
        clock.advance(minutes=1)
    assert backups_in(usb) == []  # none of them is offered as a good backup
    assert office.backups.status().last_good is None
    assert office.backups.newest_good() is None
    assert leftovers(usb) == []


def test_rotation_keeps_days_weeks_months_and_all_of_today():
    now = dt.datetime(2026, 9, 28, 12)
    stamps = [now - dt.timedelta(days=d, hours=h) for d in range(400) for h in (0, 6)]
    keep = to_keep(stamps, now, 7, 4, 12)
    days = {t.date() for t in keep}
    assert all((now - dt.timedelta(days=d)).date() in days for d in range(7))
    today = [t for t in stamps if t.date() == now.date()]
    assert set(today) <= keep
    assert 12 <= len(keep) <= 7 + 4 + 12 + len(today)
    assert max(keep) == max(stamps)
    assert len({(t.year, t.month) for t in keep}) == 12


def test_rotation_deletes_old_files_and_keeps_today(office, tmp_path, clock):
    folder = tmp_path / "bk"
    folder.mkdir()
    for d in range(20):
        clock.at = dt.datetime(2026, 9, 1, 8) + dt.timedelta(days=d)
        assert office.backups.backup_now(folder).ok
    for hour in (10, 12, 14):  # three more on the last day: all of today's stay
        clock.at = clock.at.replace(hour=hour)
        assert office.backups.backup_now(folder).ok
    kept = backups_in(folder)
    assert 7 <= len(kept) < 23
    assert kept[0][0] == clock.now()
    assert sum(1 for at, _ in kept if at.date() == clock.now().date()) == 4


def test_rotation_never_deletes_the_newest_good_backup(office, make_case, tmp_path, clock):
    """The issue's case: 10:00 good, 18:00 of data that fails check; then days go by."""
    folder = tmp_path / "bk"
    folder.mkdir()
    policy = office.policies.load()
    policy.backup.folder = str(folder)
    office.policies.save(policy)
    make_case()
    clock.at = dt.datetime(2026, 9, 1, 10)
    good = office.backups.backup_now()
    assert good.ok
    tamper_audit(office.data_dir / DB_FILENAME)
    clock.at = dt.datetime(2026, 9, 1, 18)
    assert not office.backups.backup_now().ok
    for d in range(1, 40):  # weeks of backups of the damaged data
        clock.at = dt.datetime(2026, 9, 1, 18) + dt.timedelta(days=d)
        assert not office.backups.backup_now().ok
    assert good.path.exists()
    assert backups_in(folder)[0][1] == good.path
    assert office.backups.newest_good() == good.path


def test_rotation_touches_only_this_office_files(office, tmp_path, clock):
    folder = tmp_path / "shared-usb"
    folder.mkdir()
    clock.at = dt.datetime(2026, 6, 1, 8)
    first = office.backups.backup_now(folder).path
    others = [
        folder / "huiyin-0123456789ab-20250101-080000.sqlite3",  # office B's old backups
        folder / "huiyin-0123456789ab-20250102-080000.sqlite3",
        folder / "huiyin-20250103-080000.sqlite3",  # a name from before identities
    ]
    for path in others:
        shutil.copyfile(first, path)
    for d in range(1, 60):
        clock.at = dt.datetime(2026, 6, 1, 8) + dt.timedelta(days=d)
        assert office.backups.backup_now(folder).ok
    assert all(p.exists() for p in others)
    mine = list_backups(folder, office.setting("office_id"), legacy=False)
    assert len(mine) < 60 and all(b.office == office.setting("office_id")[:12] for b in mine)
    assert not first.exists()  # its own old ones do go


def test_a_missing_usb_folder_is_an_error_never_created(office, tmp_path):
    policy = office.policies.load()
    stick = tmp_path / "missing-usb" / "回音备份"
    policy.backup.folder = str(stick)
    office.policies.save(policy)
    assert any("找不到" in w for w in office.backups.status().warnings)
    result = office.backups.backup_now()
    assert not result.ok and result.path is None
    assert f"备份文件夹 {stick} 不存在:U 盘未插入?" in result.message
    assert not stick.exists() and not stick.parent.exists()
    result = office.backups.backup_now(tmp_path / "nope")  # --to a folder that is not there
    assert not result.ok and "U 盘未插入" in result.message and not (tmp_path / "nope").exists()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert not office.backups.backup_now(blocker).ok
    assert any("还没有成功的备份" in w for w in office.backups.status().warnings)


def test_the_default_folder_inside_the_data_folder_is_made(office):
    result = office.backups.backup_now()
    assert result.ok and result.path.parent == office.data_dir / "backups"


def test_leftovers_of_a_cut_copy_are_never_backups_and_are_swept(office, tmp_path):
    folder = tmp_path / "bk"
    folder.mkdir()
    prefix = f"huiyin-{office.setting('office_id')[:12]}-20260927-120000.sqlite3"
    for suffix in (".partial", ".partial-journal", ".partial-wal", ".partial-shm"):
        (folder / (prefix + suffix)).write_bytes(b"half")
    foreign = folder / "huiyin-0123456789ab-20260927-120000.sqlite3.partial"
    foreign.write_bytes(b"office B is writing this one now")
    assert list_backups(folder) == []
    assert office.backups.backup_now(folder).ok
    assert leftovers(folder) == [foreign.name]  # another office's copy in progress is left alone


def _mount_tmpfs(where: Path, options: str) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True)
    return done.returncode == 0


@contextlib.contextmanager
def small_disk(where: Path, options: str):
    """A real small (or read-only) file system: a tmpfs, mounted as root; skipped otherwise."""
    if not _mount_tmpfs(where, options):
        pytest.skip("mounting a tmpfs needs root (a real full / read-only disk)")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=True)


def test_a_full_usb_stick_is_explained_and_leaves_nothing(office, make_case, tmp_path):
    for _ in range(40):
        make_case(account="填充" * 400)
    with small_disk(tmp_path / "stick", "size=160k") as stick:
        result = office.backups.backup_now(stick)
        assert not result.ok and result.path is None
        assert "磁盘已满" in result.message and "U 盘" in result.message
        assert "errno" not in result.message.lower() and "Errno" not in result.message
        assert sorted(p.name for p in stick.iterdir()) == []


def test_a_read_only_usb_stick_is_explained(office, tmp_path):
    with small_disk(tmp_path / "ro-stick", "size=1m,ro") as stick:
        result = office.backups.backup_now(stick)
        assert not result.ok and "只读" in result.message and "写保护" in result.message
        assert "从备份恢复" not in result.message  # never "restore a backup" for a read-only folder


def test_restore_keeps_the_current_file_aside(office, make_case, tmp_path, clock):
    make_case(account="备份前的案件")
    (tmp_path / "bk").mkdir()
    backup = office.backups.backup_now(tmp_path / "bk").path
    make_case(account="备份后的案件")
    key = keyring.office_key()
    office.close()
    aside = restore(office.data_dir, backup, clock.now(), key=key)
    assert aside is not None and aside.exists()
    names = sorted(p.name for p in office.data_dir.iterdir())
    assert not any(n.endswith((".restoring", "-wal", "-shm")) for n in names), names
    con = connect_file(office.data_dir / DB_FILENAME, key=key)
    accounts = [r[0] for r in con.execute('SELECT account FROM "case"')]
    con.close()
    assert accounts == ["备份前的案件"]
    con = connect_file(aside, key=key, readonly=True)
    assert con.execute('SELECT count(*) FROM "case"').fetchone()[0] == 2
    con.close()


def test_restore_refuses_a_damaged_backup(office, tmp_path, clock):
    bad = tmp_path / "huiyin-20260101-000000.sqlite3"
    bad.write_bytes(os.urandom(8192))
    key = keyring.office_key()
    office.close()
    with pytest.raises(UserError, match="不是这个服务中心的备份,或者已经损坏"):
        restore(office.data_dir, bad, clock.now(), key=key)
    with pytest.raises(UserError, match="找不到"):
        restore(office.data_dir, tmp_path / "nope.sqlite3", clock.now(), key=key)
    assert (office.data_dir / DB_FILENAME).exists()


def _cli(argv: list[str], monkeypatch, password: str = "secret1") -> int:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(password + "\n"))
    return main(argv)


def test_cli_backup_restore_check(office, make_case, admin, tmp_path, capsys, clock, monkeypatch):
    from app.signatures import SignatureCapture, demo_strokes
    from app.visits import VisitResult

    case = make_case(kind="投诉", category="服务态度")
    office.cases.resolve(case, "已致歉", admin)
    clock.advance(days=1)
    visit = Visit.get(Visit.case == case)
    visitor = office.staff.save_staff(name="李主任", role="cs_director", username="li", password="secret9")
    office.visits.complete(
        visit,
        VisitResult(
            method="上门",
            satisfaction="满意",
            customer_signature=SignatureCapture(demo_strokes(1), 600, 200, "张伟"),
        ),
        visitor,  # not the person who resolved it (he may not record the owner's satisfaction)
    )
    key = keyring.office_key()
    office.close()
    data = str(office.data_dir)
    login = ["--data-dir", data, "--user", "admin", "--password-stdin"]
    assert _cli([*login, "check"], monkeypatch) == 0
    assert "检查通过" in capsys.readouterr().out
    (tmp_path / "bk").mkdir()
    assert _cli([*login, "backup", "--to", str(tmp_path / "bk")], monkeypatch) == 0
    backup = backups_in(tmp_path / "bk")[0][1]

    # Someone edits the visit behind the program's back: the signature no longer matches.
    con = connect_file(office.data_dir / DB_FILENAME, key=key)
    con.execute("UPDATE visit SET satisfaction = '很满意'")
    con.execute("UPDATE audit_entry SET new = 'x' WHERE id = 2")
    con.commit()
    con.close()
    assert _cli([*login, "check"], monkeypatch) == 1
    out = capsys.readouterr().out
    assert "签名" in out and "审计记录" in out and "restore" in out

    assert _cli([*login, "restore", str(backup)], monkeypatch) == 0
    assert _cli([*login, "check"], monkeypatch) == 0


def test_check_finds_a_corrupted_file(tmp_path, office, make_case, monkeypatch):
    for _ in range(30):
        make_case(account="填充" * 200)
    key = keyring.office_key()
    office.close()
    path = office.data_dir / DB_FILENAME
    con = connect_file(path, key=key)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    raw = bytearray(path.read_bytes())
    for i in range(8192, min(len(raw), 40000), 7):
        raw[i] = 0xFF
    path.write_bytes(bytes(raw))
    code = _cli(
        ["--data-dir", str(office.data_dir), "--user", "admin", "--password-stdin", "check"], monkeypatch
    )
    assert code in (1, 2)


HOLD_LOCK = """
import sys, time
from pathlib import Path
from app.instance import InstanceLock
lock = InstanceLock(Path(sys.argv[1]))
lock.acquire()
print("held", flush=True)
time.sleep(60)
"""


def test_second_instance_is_refused(tmp_path):
    """Another program on the folder is refused; this process may take its own lock again
    (a command that holds it runs a restore that takes it)."""
    root = Path(__file__).resolve().parent.parent
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(tmp_path)], cwd=root, stdout=subprocess.PIPE, text=True
    )
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "held"
        with pytest.raises(UserError, match="已经在使用"):
            InstanceLock(tmp_path).acquire()
    finally:
        other.kill()
        other.wait()
        other.stdout.close()
    with InstanceLock(tmp_path):
        with InstanceLock(tmp_path):
            pass  # the same process again
        done = subprocess.run(
            [sys.executable, "-c", HOLD_LOCK.replace("time.sleep(60)", ""), str(tmp_path)],
            cwd=root,
            capture_output=True,
            text=True,
        )
        assert done.returncode != 0 and "已经在使用" in done.stderr  # still held after the inner release
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


def test_the_page_lists_this_office_backups_and_marks_the_failed_ones(
    qtbot, office, make_case, tmp_path, clock
):
    from ui.backup_page import BackupPage

    make_case()
    good = office.backups.backup_now()
    assert good.ok
    shutil.copyfile(good.path, office.backups.folder() / "huiyin-0123456789ab-20260927-080000.sqlite3")
    tamper_audit(office.data_dir / DB_FILENAME)
    clock.advance(minutes=5)
    failed = office.backups.backup_now()
    assert not failed.ok
    page = BackupPage(office.backups, office.policies, office.data_dir, username="admin")
    qtbot.addWidget(page)
    assert page._files == [failed.path, good.path]  # not office B's file
    assert page.table.item(0, 3).text().startswith("✗ 数据未通过检查")
    page.table.selectRow(0)
    assert not page.restore_button.isEnabled()
    page.table.selectRow(1)
    assert page.restore_button.isEnabled()
    with qtbot.waitSignal(page.checked, timeout=20_000):  # checked on a worker thread
        page.check_selected()
    assert page.table.item(1, 3).text() == "✓ 完好"
