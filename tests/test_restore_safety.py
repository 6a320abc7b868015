"""Restore that cannot lose the office: only this office's good backups are taken, the
restored file is built beside the live one and put in place in one step, and a folder whose
database is missing or empty next to backups is never started again as a new office."""

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

import app.backup as backup_module
from app import keyring
from app.backup import RESTORING, refuse_empty_start, restore
from app.db import SCHEMA_VERSION, DatabaseError, connect_file
from app.errors import UserError
from app.keyring import KeyRing
from app.office import Office
from app.paths import DB_FILENAME


def accounts(data_dir: Path, key: bytes) -> list[str]:
    con = connect_file(data_dir / DB_FILENAME, key=key, readonly=True)
    try:
        return [r[0] for r in con.execute('SELECT account FROM "case" ORDER BY id')]
    finally:
        con.close()


@pytest.fixture
def two_states(office, make_case, tmp_path):
    """A backup with one case (the old state), then a second case in the live file."""
    make_case(account="备份前的案件")
    folder = tmp_path / "bk"
    folder.mkdir()
    result = office.backups.backup_now(folder)
    assert result.ok, result.message
    make_case(account="备份后的案件")
    key = keyring.office_key()
    office.close()
    return office.data_dir, result.path, key


def edited_copy(backup: Path, tmp_path: Path, key: bytes, sql: str, *params: object) -> Path:
    copy = tmp_path / backup.name.replace("huiyin-", "huiyin-edited-")
    shutil.copyfile(backup, copy)
    con = connect_file(copy, key=key)
    con.execute(sql, params)
    con.commit()
    con.close()
    return copy


def test_restore_puts_the_backup_in_place_and_keeps_the_old_one(two_states, clock):
    data_dir, backup, key = two_states
    aside = restore(data_dir, backup, clock.now(), key=key)
    assert accounts(data_dir, key) == ["备份前的案件"]
    con = connect_file(aside, key=key, readonly=True)
    assert con.execute('SELECT count(*) FROM "case"').fetchone()[0] == 2
    con.close()
    assert not (data_dir / RESTORING).exists()
    again = restore(data_dir, backup, clock.now(), key=key)  # same second: a second name
    assert again != aside and again.exists() and aside.exists()
    office = Office.login(data_dir, "admin", "secret1", clock)
    try:
        from app.health import check

        assert check(office) == []
    finally:
        office.close()


def test_another_office_backup_is_refused(two_states, tmp_path, clock):
    data_dir, backup, key = two_states
    other = edited_copy(
        backup, tmp_path, key, "UPDATE setting SET value = ? WHERE key = 'office_id'", '"' + "ab" * 16 + '"'
    )
    with pytest.raises(UserError, match="另一个服务中心的备份"):
        restore(data_dir, other, clock.now(), key=key)
    # Another office's own file (its own key): it does not even open with this office's key.
    stranger = Office.open(tmp_path / "other-office", clock)
    stranger.initialise("另一个物业服务中心", "boss", "secret2", "李经理")
    (tmp_path / "other-bk").mkdir()
    foreign = stranger.backups.backup_now(tmp_path / "other-bk").path
    stranger.close()
    with pytest.raises(UserError, match="不是这个服务中心的备份"):
        restore(data_dir, foreign, clock.now(), key=key)
    assert accounts(data_dir, key) == ["备份前的案件", "备份后的案件"]


def test_a_plain_sqlite_file_is_refused(two_states, tmp_path, clock):
    data_dir, _, key = two_states
    plain = tmp_path / "huiyin-20260101-080000.sqlite3"
    con = sqlite3.connect(plain)
    con.execute("CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT)")
    con.execute("INSERT INTO setting VALUES ('schema_version', '5')")
    con.commit()
    con.close()
    with pytest.raises(UserError, match="没有加密的数据文件"):
        restore(data_dir, plain, clock.now(), key=key)
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    with pytest.raises(UserError, match="0 字节"):
        restore(data_dir, empty, clock.now(), key=key)
    assert accounts(data_dir, key) == ["备份前的案件", "备份后的案件"]


def test_a_backup_from_a_newer_version_is_refused(two_states, tmp_path, clock):
    data_dir, backup, key = two_states
    future = edited_copy(
        backup,
        tmp_path,
        key,
        "UPDATE setting SET value = ? WHERE key = 'schema_version'",
        str(SCHEMA_VERSION + 1),
    )
    with pytest.raises(UserError, match="更新版本"):
        restore(data_dir, future, clock.now(), key=key)


def test_a_backup_that_fails_check_is_refused(two_states, tmp_path, clock):
    data_dir, backup, key = two_states
    edited = edited_copy(backup, tmp_path, key, "UPDATE audit_entry SET new = 'x' WHERE id = 2")
    with pytest.raises(UserError, match="未通过检查.*审计记录"):
        restore(data_dir, edited, clock.now(), key=key)
    assert accounts(data_dir, key) == ["备份前的案件", "备份后的案件"]
    assert not (data_dir / RESTORING).exists()


def test_restore_needs_the_key(two_states, clock):
    data_dir, backup, _ = two_states
    with pytest.raises(UserError, match="请先登录"):
        restore(data_dir, backup, clock.now())


class Killed(BaseException):
    """Stands for the process dying at that point (nothing after it runs, no cleanup that
    catches Exception)."""


STEPS = ["copy", "fsync_file", "link", "replace", "fsync_folder"]


@pytest.mark.parametrize("step", STEPS)
def test_every_step_leaves_the_old_or_the_new_office(two_states, clock, monkeypatch, step):
    """Cut between each two steps: the folder holds the old or the restored office, whole.
    (tests/test_kills.py kills a real process at random moments; this walks each step.)"""
    data_dir, backup, key = two_states
    import os

    real = {"link": os.link, "replace": os.replace}

    def cut(*args, **kwargs):
        raise Killed(step)

    if step == "copy":
        import app.db

        monkeypatch.setattr(app.db, "open_database", cut)
    elif step in ("fsync_file", "fsync_folder"):
        monkeypatch.setattr(backup_module, step, cut)
    elif step == "link":
        monkeypatch.setattr(backup_module.os, "link", cut)
    else:

        def replace_then_cut(src, dst):
            real["replace"](src, dst)
            if str(dst).endswith(DB_FILENAME):
                raise Killed(step)

        monkeypatch.setattr(backup_module.os, "replace", replace_then_cut)
    with pytest.raises(Killed):
        restore(data_dir, backup, clock.now(), key=key)
    monkeypatch.undo()
    state = accounts(data_dir, key)
    assert state in (["备份前的案件"], ["备份前的案件", "备份后的案件"])
    assert state == (["备份前的案件"] if step == "replace" else ["备份前的案件", "备份后的案件"])
    office = Office.login(data_dir, "admin", "secret1", clock)
    try:
        from app.health import check

        assert check(office) == []
    finally:
        office.close()
    restore(data_dir, backup, clock.now() + dt.timedelta(seconds=1), key=key)  # a retry finishes it
    assert accounts(data_dir, key) == ["备份前的案件"]


def test_a_missing_or_empty_database_next_to_backups_is_not_a_new_office(office, make_case, clock):
    make_case(account="唯一的案件")
    result = office.backups.backup_now()  # into the data folder's backups
    assert result.ok
    key = keyring.office_key()
    office.close()
    data_dir = office.data_dir
    live = data_dir / DB_FILENAME
    kept = data_dir.parent / "kept.sqlite3"
    shutil.move(live, kept)
    with pytest.raises(DatabaseError, match="没有数据文件") as missing:
        refuse_empty_start(data_dir)
    assert str(result.path) in str(missing.value) and "restore" in str(missing.value)
    live.write_bytes(b"")
    with pytest.raises(DatabaseError, match="0 字节"):
        refuse_empty_start(data_dir)
    # The whole folder lost but the backups (a new PC, the USB stick): the start says so.
    keys = KeyRing.path_in(data_dir)
    shutil.move(keys, data_dir.parent / "kept.keys")
    with pytest.raises(DatabaseError, match="不会当作新的服务中心") as lost:
        Office.open(data_dir, clock)
    assert "huiyin.keys" in str(lost.value)
    assert not keys.exists() and live.stat().st_size == 0  # nothing was made in its place
    shutil.move(data_dir.parent / "kept.keys", keys)
    live.unlink()
    restore(data_dir, result.path, clock.now(), key=key)
    assert accounts(data_dir, key) == ["唯一的案件"]


def test_the_usb_folder_chosen_before_is_searched_too(office, tmp_path, clock):
    stick = tmp_path / "usb"
    stick.mkdir()
    policy = office.policies.load()
    policy.backup.folder = str(stick)
    office.policies.save(policy)
    result = office.backups.backup_now()
    assert result.ok and result.path.parent == stick
    office.close()
    (office.data_dir / DB_FILENAME).unlink()
    with pytest.raises(DatabaseError) as refused:
        refuse_empty_start(office.data_dir)
    assert str(result.path) in str(refused.value)


def test_a_lost_database_with_the_key_file_but_no_backup_is_not_a_new_office(office):
    office.close()
    (office.data_dir / DB_FILENAME).unlink()
    with pytest.raises(
        DatabaseError, match="密钥文件 huiyin.keys 表明这里原有服务中心“阳光花园物业服务中心”"
    ):
        refuse_empty_start(office.data_dir)


def test_a_new_folder_without_backups_starts(tmp_path):
    refuse_empty_start(tmp_path / "brand-new")  # nothing there: a new office may begin


HOLD_LOCK = """
import sys, time
from pathlib import Path
from app.instance import InstanceLock
InstanceLock(Path(sys.argv[1])).acquire()
print("held", flush=True)
time.sleep(60)
"""


def test_restore_waits_for_no_one_else_on_the_folder(two_states, clock):
    """A restore beside a running import (or the open window) is refused before it starts."""
    import subprocess
    import sys

    data_dir, backup, key = two_states
    root = Path(__file__).resolve().parent.parent
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(data_dir)], cwd=root, stdout=subprocess.PIPE, text=True
    )
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "held"
        with pytest.raises(UserError, match="已经在使用"):
            restore(data_dir, backup, clock.now(), key=key)
    finally:
        other.kill()
        other.wait()
        other.stdout.close()
    assert accounts(data_dir, key) == ["备份前的案件", "备份后的案件"]
    assert not (data_dir / RESTORING).exists()
