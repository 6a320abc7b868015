"""Opening the database: pragmas, forward migrations (after a backup), the search index."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

import peewee as pw

from app import search
from app.models import ALL_MODELS, Setting, db

log = logging.getLogger(__name__)

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    # FULL keeps every committed save through a power cut (WAL + NORMAL may lose the last ones).
    "synchronous": "full",
    "cache_size": -32000,
}


def _migration_1(database: pw.Database) -> None:
    database.create_tables(ALL_MODELS)


# version -> step; each step runs inside one transaction.
MIGRATIONS: dict[int, Callable[[pw.Database], None]] = {1: _migration_1}
SCHEMA_VERSION = max(MIGRATIONS)


class DatabaseError(Exception):
    """The data file cannot be used; the message says why in Chinese."""


def schema_version() -> int:
    if not db.table_exists(Setting._meta.table_name):
        return 0
    row = Setting.get_or_none(Setting.key == "schema_version")
    return int(row.value) if row else 0


def open_database(path: Path) -> pw.SqliteDatabase:
    """Bind `db` to the SQLite file at `path`, migrating it forward if needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    existed = path.exists() and path.stat().st_size > 0
    database = pw.SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, check_same_thread=False)
    db.initialize(database)
    try:
        database.connect(reuse_if_open=True)
        current = schema_version()
    except (pw.DatabaseError, sqlite3.DatabaseError) as exc:
        database.close()
        raise DatabaseError(f"数据文件无法打开({path}):{exc}。请从最近的备份恢复。") from exc
    if current > SCHEMA_VERSION:
        database.close()
        raise DatabaseError(
            f"数据文件来自更新的版本(结构版本 {current},本程序只认识到 {SCHEMA_VERSION}),请升级程序。"
        )
    if current < SCHEMA_VERSION:
        if existed and current > 0:
            backup = backup_before_migration(database, path, current)
            log.info("migration backup written to %s", backup)
        # Steps in order of their number; a number may be skipped (a step withdrawn before release).
        for version in sorted(v for v in MIGRATIONS if v > current):
            with database.atomic():
                MIGRATIONS[version](database)
                Setting.replace(key="schema_version", value=str(version)).execute()
    search.ensure_index(database)
    return database


def backup_before_migration(database: pw.SqliteDatabase, path: Path, version: int) -> Path:
    """Copy the whole file aside (SQLite's online backup) before changing its structure."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.v{version}.{stamp}.bak")
    dest = sqlite3.connect(str(target))
    try:
        database.connection().backup(dest)
    finally:
        dest.close()
    return target


def close_database() -> None:
    if not db.is_closed():
        try:  # keep the query planner's statistics fresh as the office's data grows
            db.execute_sql("PRAGMA optimize")
        except (pw.DatabaseError, sqlite3.DatabaseError):
            pass  # a read-only or damaged file: nothing to gain, nothing to lose
        db.close()
