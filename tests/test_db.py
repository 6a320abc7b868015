"""Opening data files: pragmas, migrations with a backup first, bad files."""

import pytest

from app import db as dbmod
from app.db import DatabaseError, open_database
from app.models import Setting, db

KEY = bytes(range(32))  # a fixed office key for these files


def test_pragmas_and_version(tmp_path):
    open_database(tmp_path / "x.sqlite3", KEY)
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert dbmod.schema_version() == dbmod.SCHEMA_VERSION
    db.close()


def test_migration_takes_a_backup_first(tmp_path, monkeypatch):
    path = tmp_path / "x.sqlite3"
    open_database(path, KEY)
    Setting.replace(key="office_name", value='"测试"').execute()
    db.close()

    def step(database):
        database.execute_sql("CREATE TABLE extra (id INTEGER PRIMARY KEY)")

    before = dbmod.SCHEMA_VERSION
    monkeypatch.setitem(dbmod.MIGRATIONS, dbmod.SCHEMA_VERSION + 1, step)
    monkeypatch.setattr(dbmod, "SCHEMA_VERSION", dbmod.SCHEMA_VERSION + 1)
    open_database(path, KEY)
    assert dbmod.schema_version() == dbmod.SCHEMA_VERSION
    db.close()
    backups = list(tmp_path.glob(f"x.v{before}.*.bak"))  # named after the version it held
    assert len(backups) == 1


def test_newer_file_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "x.sqlite3"
    open_database(path, KEY)
    db.close()
    monkeypatch.setattr(dbmod, "SCHEMA_VERSION", 0)
    with pytest.raises(DatabaseError, match="更新的版本"):
        open_database(path, KEY)


def test_garbage_file_is_refused(tmp_path):
    path = tmp_path / "x.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseError, match="备份"):
        open_database(path, KEY)
