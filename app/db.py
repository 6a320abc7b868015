"""Opening the database: pragmas, forward migrations (after a backup), the search index."""

from __future__ import annotations

import datetime as dt
import logging
import re
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


def _add_missing_columns(database: pw.Database, model: type[pw.Model], fields: list[pw.Field]) -> set[str]:
    """Add the model's `fields` that its table lacks (a fresh file already has them); returns
    the columns that were there before. Only for nullable columns or ones peewee can add
    without rebuilding a table that others refer to (see _migration_5)."""
    from playhouse.migrate import SqliteMigrator, migrate

    table = model._meta.table_name
    present = {column.name for column in database.get_columns(table)}
    migrator = SqliteMigrator(database)
    steps = [migrator.add_column(table, f.column_name, f) for f in fields if f.column_name not in present]
    if steps:
        migrate(*steps)
    return present


def _migration_2(database: pw.Database) -> None:
    """The form ledger closed: quarterly archive batches, destruction records, and on each
    form when it was voided, the batch it was filed in and the record of its destruction."""
    from app.models import FormArchiveBatch, FormDestruction, FormSheet

    database.create_tables([FormArchiveBatch, FormDestruction], safe=True)
    table = FormSheet._meta.table_name
    present = _add_missing_columns(
        database, FormSheet, [FormSheet.voided_at, FormSheet.archived_in, FormSheet.destroyed_in]
    )
    if "voided_at" not in present:
        # Forms voided before this step: the time written at the end of the reason, else printing.
        rows = database.execute_sql(
            f"SELECT id, void_reason, printed_at FROM {table} WHERE state = ? AND voided_at IS NULL",
            ("已作废",),
        ).fetchall()
        for form_id, reason, printed_at in rows:
            found = re.search(r"(\d{4}-\d{2}-\d{2} \d{2}:\d{2})\)\s*$", reason or "")
            when = f"{found.group(1)}:00" if found else printed_at
            database.execute_sql(f"UPDATE {table} SET voided_at = ? WHERE id = ?", (when, form_id))


def _migration_4(database: pw.Database) -> None:
    """Re-grading: when a case became 重大 after intake (its report is due a working day from
    then), and a report cancelled (with the reason) when its case stops being 重大."""
    from app.models import MajorReport

    # Nothing refers to major_report, so peewee's rebuild for the NOT NULL reason is safe.
    _add_missing_columns(
        database, MajorReport, [MajorReport.raised_at, MajorReport.cancelled_at, MajorReport.cancel_reason]
    )


def _migration_3(database: pw.Database) -> None:
    """Signed forms scanned back: a table of scanned pages (the form's scan pages and the
    pages waiting to be matched by hand)."""
    from app.models import ScanPage

    database.create_tables([ScanPage], safe=True)


def _migration_5(database: pw.Database) -> None:
    """The owner's requested date, written-reply-only cases with their reply letter (复函),
    and the major complaint's clear answer (明确答复: who, when, how, what).

    Plain ADD COLUMN with the default in the column: peewee's migrator adds a NOT NULL column
    by rebuilding the table, and dropping the old `case` table would cascade to every table
    that refers to it (the timeline, the reports, the visits)."""
    from app.models import Case, MajorReport, ReplyLetter

    database.create_tables([ReplyLetter], safe=True)
    columns = {
        Case: (
            ("requested_date", "DATE"),
            ("written_reply_only", "INTEGER NOT NULL DEFAULT 0"),
            ("reply_letter_name", "VARCHAR(120) NOT NULL DEFAULT ''"),
            ("reply_letter_at", "DATETIME"),
        ),
        MajorReport: (
            ("answered_at", "DATETIME"),
            ("answered_by", "VARCHAR(40) NOT NULL DEFAULT ''"),
            ("answer_method", "VARCHAR(16) NOT NULL DEFAULT ''"),
            ("answer_text", "TEXT NOT NULL DEFAULT ''"),
        ),
    }
    for model, wanted in columns.items():
        table = model._meta.table_name
        present = {column.name for column in database.get_columns(table)}
        for name, sql_type in wanted:
            if name not in present:
                database.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{name}" {sql_type}')


# version -> step; each step runs inside one transaction.
MIGRATIONS: dict[int, Callable[[pw.Database], None]] = {
    1: _migration_1,
    2: _migration_2,
    3: _migration_3,
    4: _migration_4,
    5: _migration_5,
}
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
