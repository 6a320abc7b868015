"""The data folder, its key file and every backup, as someone who holds a copy of them sees
them: unreadable without a login (issue 13, items 1 and 2)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app import keyring
from app.cases import CaseInput
from app.clock import FixedClock
from app.db import DB_ERRORS, connect_file
from app.errors import UserError
from app.keyring import KeyRing
from app.models import Case, Owner, Room, Staff
from app.office import Office
from huiyin.cli import COMMANDS
from tests.conftest import NOW
from tests.helpers import cli

ROOT = Path(__file__).resolve().parent.parent
# What must not be found in any file: an owner's name, phone and ID number.
NAME, PHONE, ID_NUMBER = "欧阳秀英", "13987654321", "11010519491231002X"


def previous_release() -> str:
    """The release before this one (installer/previous_release.txt): plain SQLite files."""
    for line in (ROOT / "installer" / "previous_release.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            return line.split()[0]
    raise AssertionError("installer/previous_release.txt names no release")


def _personal_data(office: Office, admin: Staff) -> None:
    room = Room.create(building="3", unit="2", number="501")
    Owner.create(room=room, name=NAME, phone=PHONE, id_number=ID_NUMBER)
    office.cases.create(
        CaseInput(
            account="楼道灯不亮",
            kind="报修",
            room="3-2-501",
            customer_name=NAME,
            customer_phone=PHONE,
            category="设施设备维护",
        ),
        admin,
    )


def _readable_anywhere(folder: Path) -> list[str]:
    """Every file under `folder` that plain sqlite3 opens, or whose bytes show the owner."""
    found = []
    needles = [text.encode("utf-8") for text in (NAME, PHONE, ID_NUMBER)]
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if any(needle in data for needle in needles):
            found.append(f"{path.name}: 明文")
        try:
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            con.close()
            if data[:16] == b"SQLite format 3\x00":
                found.append(f"{path.name}: sqlite3 可打开")
        except sqlite3.DatabaseError:
            pass
    return found


def test_new_folder_and_its_backup_hold_nothing_readable(office, admin):
    _personal_data(office, admin)
    result = office.backups.backup_now()
    assert result.ok, result.message
    assert Case.select().where(Case.customer_name == NAME).count() == 1
    office.close()
    folder = office.data_dir
    assert _readable_anywhere(folder) == []
    assert len(list(folder.rglob("huiyin-*.sqlite3"))) >= 1  # the backup is there, encrypted
    if sys.platform != "win32":
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700  # private to the user
        assert stat.S_IMODE(KeyRing.path_in(folder).stat().st_mode) == 0o600
    ring = json.loads(KeyRing.path_in(folder).read_text(encoding="utf-8"))
    assert "setup_key" not in ring  # the set-up key left the file with the first administrator
    assert set(ring["slots"]) == {"admin", keyring.RECOVERY_SLOT}


def test_a_copy_of_the_file_without_the_key_file_is_useless(office, admin, tmp_path):
    _personal_data(office, admin)
    office.close()
    stolen = tmp_path / "stolen"
    stolen.mkdir()
    shutil.copy2(office.data_dir / "huiyin.sqlite3", stolen / "huiyin.sqlite3")
    with pytest.raises(Exception, match="密钥文件"):
        Office.open(stolen, FixedClock(NOW))
    # another office's key does not open it either
    with pytest.raises(DB_ERRORS):
        connect_file(stolen / "huiyin.sqlite3", key=keyring.new_office_key())


def test_each_login_has_its_own_slot_and_the_office_is_never_reencrypted(office, admin):
    key_before = keyring.office_key()
    clerk = office.staff.save_staff("李客服", "clerk", username="li", password="clerk-pass")
    office.close()
    # the clerk's password opens the same office key
    again = Office.login(office.data_dir, "li", "clerk-pass", FixedClock(NOW))
    assert again.user is not None and again.user.id == clerk.id
    assert keyring.office_key() == key_before
    # the administrator resets the clerk's password: one slot rewrapped, same key
    again.staff.reset_password(Staff.get_by_id(clerk.id), "new-pass-2")
    assert keyring.office_key() == key_before
    again.close()
    with pytest.raises(UserError):
        Office.login(office.data_dir, "li", "clerk-pass", FixedClock(NOW))
    third = Office.login(office.data_dir, "li", "new-pass-2", FixedClock(NOW))
    # deactivating the clerk removes the slot: the password no longer opens a copy of the files
    third.staff.set_active(Staff.get_by_id(clerk.id), False)
    third.close()
    assert not KeyRing.load(office.data_dir).has_slot("li")
    with pytest.raises(UserError, match="登录名或密码不对"):
        Office.login(office.data_dir, "li", "new-pass-2", FixedClock(NOW))


def test_wrong_passwords_lock_the_login_in_the_window_and_on_the_command_line(office, admin):
    office.close()
    data = office.data_dir
    for _ in range(4):
        assert cli.run(data, "schedule", password="wrong-one") == 2
    # the window's login shares the count: the fifth wrong password locks the account
    with pytest.raises(UserError, match="锁定"):
        Office.login(data, "admin", "wrong-again")  # the real clock, as the command line's
    assert cli.run(data, "schedule") == 2  # even the right password waits for the lock


def test_every_command_but_init_demo_and_recover_asks_for_a_login(office, admin, capsys):
    office.close()
    from huiyin.cli import main

    for command in sorted(set(COMMANDS) - {"init", "demo", "recover"}):
        argv = ["--data-dir", str(office.data_dir), command]
        extra = {
            "import-ledger": ["x.xlsx"],
            "import-owners": ["x.xlsx"],
            "export-cases": ["x.xlsx"],
            "export-owners": ["x.xlsx"],
            "form": ["blank", "--count", "1", "--pdf", "x.pdf"],
            "report": ["quarterly", "--year", "2026", "--quarter", "3"],
            "restore": ["x.sqlite3"],
            "survey": ["plan"],
        }.get(command, [])
        assert main(argv + extra) == 2, command
        assert "请先登录" in capsys.readouterr().err, command
    # with the login, the survey command runs as that person (listing the plans)
    assert cli.run(office.data_dir, "survey", "plan") == 0


def test_init_shows_the_recovery_key_once_and_it_resets_a_forgotten_password(tmp_path, capsys):
    data = tmp_path / "office"
    assert cli.init(data) == 0
    shown = capsys.readouterr().err
    key = shown.split("恢复密钥(只显示这一次):")[1].split()[0]
    assert key not in KeyRing.path_in(data).read_text(encoding="utf-8")
    assert cli.run(data, "recover", "--admin", "admin", password="AAAAA-BBBBB", stdin="new-pass-9\n") == 2
    assert "恢复密钥不对" in capsys.readouterr().err
    assert cli.run(data, "recover", "--admin", "admin", password=key.lower(), stdin="new-pass-9\n") == 0
    assert cli.run(data, "check", password="secret1") == 2
    assert cli.run(data, "check", password="new-pass-9") == 0
    office = Office.login(data, "admin", "new-pass-9", FixedClock(NOW))
    try:
        from app.models import AuditEntry

        assert AuditEntry.select().where(AuditEntry.action == "重设密码").count() == 1
    finally:
        office.close()


@pytest.mark.slow
def test_a_plain_folder_of_the_previous_release_is_converted_with_nothing_lost(tmp_path):
    """The demo data made by the previous release (its own code, from git: plain SQLite), then
    the first login of this version: migrated, encrypted, every row kept, every login works."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.fail("this test needs the project's git history (release 0.2.0's source)")
    old = tmp_path / "previous-release"
    old.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", previous_release()], capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(old)}
    subprocess.run(  # the previous release's own command (its entry point was app/ then)
        [sys.executable, "-m", "app", "--data-dir", str(data), "demo", "--years", "1"],
        cwd=old,
        env=env,
        capture_output=True,
        check=True,
        timeout=600,
    )
    plain = sqlite3.connect(data / "huiyin.sqlite3")
    tables = [
        r[0]
        for r in plain.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'case_fts%'"
        )
    ]
    before = {t: plain.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    owner_name, owner_phone = plain.execute(
        "SELECT name, phone FROM owner WHERE phone != '' LIMIT 1"
    ).fetchone()
    logins = [
        r[0] for r in plain.execute("SELECT username FROM staff WHERE username IS NOT NULL AND active = 1")
    ]
    plain.close()
    assert before["case"] > 100 and len(logins) > 2

    office = Office.login(data, "admin", "admin123", FixedClock(NOW))
    try:
        after = {
            t: Case._meta.database.execute_sql(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables
        }
        assert {t: n for t, n in after.items() if n < before[t]} == {}
        recovery = office.take_pending_recovery_key()
        assert len(keyring.normalise_recovery_key(recovery)) == 30
        assert office.take_pending_recovery_key() == ""  # handed over once
        key = keyring.office_key()
    finally:
        office.close()
    # every file the folder holds is unreadable without the key
    needles = [owner_name.encode(), owner_phone.encode()]
    for path in (p for p in data.rglob("*") if p.is_file()):
        content = path.read_bytes()
        assert content[:16] != b"SQLite format 3\x00", path.name
        assert not any(n in content for n in needles), path.name
    # the old logins keep their passwords, and their slots are rewrapped at first use
    ring = KeyRing.load(data)
    assert ring.usernames() == sorted(logins)
    assert all(
        slot.get("rewrap")
        for name, slot in ring.data["slots"].items()
        if name not in ("admin", keyring.RECOVERY_SLOT)
    )
    clerk = next(name for name in logins if name != "admin")
    from app.demo import DEMO_PASSWORD

    again = Office.login(data, clerk, DEMO_PASSWORD, FixedClock(NOW))
    try:
        assert keyring.office_key() == key
    finally:
        again.close()
    assert not KeyRing.load(data).data["slots"][clerk].get("rewrap")
