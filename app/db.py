"""Opening the database: pragmas, forward migrations (after a backup), the search index."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import peewee as pw
from sqlcipher3 import dbapi2 as sqlcipher

from app import keyring, search
from app.i18n import tr
from app.models import ALL_MODELS, Setting, db

log = logging.getLogger(__name__)

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    # FULL keeps every committed save through a power cut (WAL + NORMAL may lose the last ones).
    "synchronous": "full",
    # 8 MB of pages per connection: the window, its search and its background reads each hold
    # one, so 32 MB each put the window at 297 MB at 500,000 cases (225 MB with 8; issue 17 asks
    # ≤ 250). Measured at 200,000 cases: the dashboard 605 ms against 554–583 ms, the quarter's
    # statistics the same (486 / 477–494 ms): the OS keeps the file's pages cached anyway.
    "cache_size": -8000,
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


def _add_defaulted_columns(database: pw.Database, model: type[pw.Model], fields: list[pw.Field]) -> None:
    """Add the NOT NULL fields the table lacks that have a default, by a plain ADD COLUMN with
    the default in the column (existing rows take it), never rebuilding a table others refer
    to. A field without a default is left out: it can only belong to a table created whole."""
    table = model._meta.table_name
    present = {column.name for column in database.get_columns(table)}
    for f in fields:
        if f.column_name in present:
            continue
        default = f.default() if callable(f.default) else f.default
        if default is None:
            continue
        ctx = database.get_sql_context()
        column, _ = ctx.sql(f.ddl(ctx)).query()
        value = f.db_value(default)
        if isinstance(value, bool):
            literal = "1" if value else "0"
        elif isinstance(value, (int, float)):
            literal = repr(value)
        else:
            literal = "'" + str(value).replace("'", "''") + "'"
        database.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN {column} DEFAULT {literal}')


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


def _migration_6(database: pw.Database) -> None:
    """The office's identity (32 hex characters), stored once: backups carry it in their
    names and inside, so a restore takes only this office's files and rotation touches only
    them. The identity of the key file's office when one is open (a new office, a converted
    plain folder), else a new one."""
    import json
    import uuid

    if Setting.get_or_none(Setting.key == "office_id") is not None:
        return
    try:
        identity = keyring.office_id()
    except keyring.NoOfficeKey:
        identity = ""
    Setting.create(key="office_id", value=json.dumps(identity or uuid.uuid4().hex))


def _migration_7(database: pw.Database) -> None:
    """The keyed trail and seals (issue 13): a signature keeps the printed form's fields it was
    sealed over; an older folder's unkeyed audit chain and signatures are sealed once with the
    office's key, noted in the trail with the old head; and what the old trail could not vouch
    for is recorded as found (升级核对), so that from now on `check` compares data and trail."""
    from app import audit, signatures
    from app.models import AuditEntry, Signature

    present = {column.name for column in database.get_columns(Signature._meta.table_name)}
    if "sealed" not in present:
        database.execute_sql(
            f'ALTER TABLE "{Signature._meta.table_name}" ADD COLUMN "sealed" TEXT NOT NULL DEFAULT \'\''
        )
    if not AuditEntry.select().exists():
        return  # a new office: its trail and its signatures are keyed from the first entry
    # What follows reads every audited record with today's models: a column a later step adds
    # (step 10's nullable one, step 11's NOT NULL one with its default) must be there already;
    # that step then finds it present.
    for model in audit.audited_models().values():
        if database.table_exists(model._meta.table_name):
            later = [f for f in model._meta.sorted_fields if not f.primary_key]
            _add_missing_columns(database, model, [f for f in later if f.null])
            _add_defaulted_columns(database, model, [f for f in later if not f.null])
    note = "升级到带密钥的审计记录"
    if audit.chain_problems():  # not keyed yet (a keyed chain of a newer build passes)
        audit.reseal_chain(note)
    signatures.reseal_all(note)
    audit.record_upgrade_baseline(note)


def _migration_8(database: pw.Database) -> None:
    """The satisfaction survey (issue 18): plans, numbered sheets, answers, scanned pages and
    corrective actions (tables created only if missing)."""
    from app import survey

    survey.create_tables(database)


def _migration_9(database: pw.Database) -> None:
    """Phones leave the case search index (masked phones are found only by the whole number,
    through an index on the caller's phone); every case's search entry written again."""
    from app.cases import rebuild_search_index

    database.execute_sql('CREATE INDEX IF NOT EXISTS "case_customer_phone" ON "case" ("customer_phone")')
    search.ensure_index(database)
    rebuild_search_index()


def _migration_10(database: pw.Database) -> None:
    """A print job's heartbeat moves off the form's printed time (which the trail keeps) into a
    column of its own, outside the trail."""
    from app.models import FormSheet

    _add_missing_columns(database, FormSheet, [FormSheet.alive_at])


def _add_plain_columns(database: pw.Database, model: type[pw.Model], wanted: list[tuple[str, str]]) -> None:
    """Plain ADD COLUMN for each (name, SQL type with its default) the table lacks: unlike
    peewee's migrator it never rebuilds a table that others refer to (see _migration_5)."""
    table = model._meta.table_name
    present = {column.name for column in database.get_columns(table)}
    for name, sql_type in wanted:
        if name not in present:
            database.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{name}" {sql_type}')


def _migration_11(database: pw.Database) -> None:
    """A case's sub-category (细类): repeat repairs and visit sub-rules go by it."""
    from app.models import Case

    _add_plain_columns(database, Case, [("subcategory", "VARCHAR(20) NOT NULL DEFAULT ''")])


def _migration_12(database: pw.Database) -> None:
    """先行处置 on a case (who, when, what, by its own deadline); how an extension's approver
    confirmed (本人登录 / 本机输入密码)."""
    from app.models import Case, Extension

    _add_plain_columns(
        database,
        Case,
        [
            ("contain_needed", "INTEGER NOT NULL DEFAULT 0"),
            ("contain_due", "DATETIME"),
            ("contained_at", "DATETIME"),
            ("contained_by", "VARCHAR(40) NOT NULL DEFAULT ''"),
            ("containment", "TEXT NOT NULL DEFAULT ''"),
        ],
    )
    _add_plain_columns(database, Extension, [("confirmed", "VARCHAR(12) NOT NULL DEFAULT ''")])


def _migration_13(database: pw.Database) -> None:
    """工作联系函 to the developer (二类 cases) and their follow-ups (tables created only if missing)."""
    from app.models import Referral, ReferralFollowUp

    database.create_tables([Referral, ReferralFollowUp], safe=True)


def _migration_14(database: pw.Database) -> None:
    """The visit rules the seeds name (H23): a case's leak test date (闭水试验) and service
    contract dates (特约服务), and community activities with their participant rooms."""
    from app.models import Activity, ActivityRoom, Case

    _add_plain_columns(
        database,
        Case,
        [("leak_test_on", "DATE"), ("contract_start", "DATE"), ("contract_end", "DATE")],
    )
    database.create_tables([Activity, ActivityRoom], safe=True)


def _migration_15(database: pw.Database) -> None:
    """Two visitors on one visit (second_visitor, its name and role), a case's 业主损失较大
    (H24, seed 002 第4条) and the case a sample decision replaces (替换)."""
    from app.models import Case, Visit, VisitDecision

    _add_plain_columns(database, Case, [("large_loss", "INTEGER NOT NULL DEFAULT 0")])
    _add_plain_columns(database, VisitDecision, [("replaces", "VARCHAR(20) NOT NULL DEFAULT ''")])
    _add_plain_columns(
        database,
        Visit,
        [
            ("second_visitor_id", 'INTEGER REFERENCES "staff" ("id") ON DELETE SET NULL'),
            ("second_visitor_name", "VARCHAR(40) NOT NULL DEFAULT ''"),
            ("second_role", "VARCHAR(24) NOT NULL DEFAULT ''"),
        ],
    )


def _migration_16(database: pw.Database) -> None:
    """Rework goes on (H25, seed 000 4.5 and 1.1.9): on the rework notice the date the rework
    is promised and when, by whom and how the owner was told; a case's link to the case whose
    rework failed again (the new complaint it became)."""
    from app.models import Case, ReworkNotice

    _add_plain_columns(
        database,
        ReworkNotice,
        [
            ("rework_due", "DATETIME"),
            ("owner_told_at", "DATETIME"),
            ("owner_told_by", "VARCHAR(40) NOT NULL DEFAULT ''"),
            ("owner_told_method", "VARCHAR(10) NOT NULL DEFAULT ''"),
        ],
    )
    _add_plain_columns(
        database, Case, [("linked_from_id", 'INTEGER REFERENCES "case" ("id") ON DELETE SET NULL')]
    )


def _migration_18(database: pw.Database) -> None:
    """The audit trail's actors indexed: the 审计记录 window lists the names of millions of
    entries by stepping through the index (issue 17)."""
    from app.models import AuditEntry

    table = AuditEntry._meta.table_name
    database.execute_sql(f'CREATE INDEX IF NOT EXISTS "{table}_actor" ON "{table}" ("actor")')


# The case list's sort keys, searches and quick-filter counts (migration 19). Each index ends
# in the rowid, so "ORDER BY <key>, id" walks it without sorting; a number's serial is found by
# its digits; the two partial indexes hold only the cases a 首次回复超时 count looks at (not
# replied yet / replied after the deadline); case_quick counts a search's cases without
# reading their rows (app/case_query.py).
CASE_LIST_INDEXES = {
    "case_customer_name": '("customer_name")',
    "case_kind": '("kind")',
    "case_severity": '("severity")',
    "case_category": '("category")',
    "case_state": '("state")',
    "case_resolve_due": '("resolve_due")',
    "case_updated_at": '("updated_at")',
    "case_serial": '(substr("number", -5))',  # TS-2026-00042 -> 00042, found by its digits
    # Every column the quick filters count, so that counting a search's cases reads no row.
    "case_quick": '("state", "resolve_due", "response_due", "first_response_at", "anonymous")',
    "case_reply_pending": '("response_due") WHERE "first_response_at" IS NULL',
    "case_reply_late": '("response_due") WHERE "first_response_at" > "response_due"',
}


def _migration_19(database: pw.Database) -> None:
    """The case list at any size (issue 17): every sortable column indexed, the changed cases
    found by `updated_at`, a number's serial indexed, 首次回复超时 counted from two small partial
    indexes and the quick filters from one covering index. Idempotent (IF NOT EXISTS)."""
    for name, columns in CASE_LIST_INDEXES.items():
        database.execute_sql(f'CREATE INDEX IF NOT EXISTS "{name}" ON "case" {columns}')
    database.execute_sql("PRAGMA analysis_limit=1000")  # a sample of each index, not all of it
    database.execute_sql('ANALYZE "case"')


# version -> step; each step runs inside one transaction.
MIGRATIONS: dict[int, Callable[[pw.Database], None]] = {
    1: _migration_1,
    2: _migration_2,
    3: _migration_3,
    4: _migration_4,
    5: _migration_5,
    6: _migration_6,
    7: _migration_7,
    8: _migration_8,
    9: _migration_9,
    10: _migration_10,
    11: _migration_11,
    18: _migration_18,
    19: _migration_19,
    12: _migration_12,
    13: _migration_13,
    14: _migration_14,
    15: _migration_15,
    16: _migration_16,
}
SCHEMA_VERSION = max(MIGRATIONS)


class DatabaseError(Exception):
    """The data file cannot be used; the message says why in Chinese."""


# Errors from the encrypted files (sqlcipher3) and from plain SQLite files (old folders).
DB_ERRORS: tuple[type[Exception], ...] = (sqlcipher.Error, sqlite3.Error)
SQLITE_MAGIC = b"SQLite format 3\x00"


class OfficeDatabase(pw.SqliteDatabase):
    """peewee's SQLite database on SQLCipher, opened with the office's raw key (no passphrase
    derivation on each connection: the key is already random)."""

    def __init__(self, database: str, key: bytes, **kwargs: Any) -> None:
        self._key = key
        super().__init__(database, **kwargs)

    def _connect(self) -> sqlcipher.Connection:
        conn = sqlcipher.connect(self.database, isolation_level=None, **self.connect_params)
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is said in words, not logged
            conn.execute(f"PRAGMA key = {keyring.sqlcipher_key(self._key)}")
            self._add_conn_hooks(conn)  # type: ignore[attr-defined]  # peewee's, not in its hints
        except BaseException:
            conn.close()
            raise
        return conn


def is_plain_sqlite(path: Path) -> bool:
    """An unencrypted SQLite file (a data folder or backup from before encryption)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def connect_file(path: Path, readonly: bool = False, key: bytes | None = None) -> sqlcipher.Connection:
    """A DB-API connection to another file of this office (a backup, a copy), keyed with the
    open office's key (or `key`). Raises one of DB_ERRORS when the file is not this office's."""
    target = f"file:{path.as_posix()}?mode=ro" if readonly else f"file:{path.as_posix()}"
    conn = sqlcipher.connect(target, uri=True, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {keyring.sqlcipher_key(key or keyring.office_key())}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def schema_version() -> int:
    if not db.table_exists(Setting._meta.table_name):
        return 0
    row = Setting.get_or_none(Setting.key == "schema_version")
    return int(row.value) if row else 0


def open_database(path: Path, key: bytes, office: str = "") -> pw.SqliteDatabase:
    """Bind `db` to the encrypted SQLite file at `path` (SQLCipher, the office key), migrating
    it forward if needed. The key is held in memory (app.keyring) while the office is open."""
    path.parent.mkdir(parents=True, exist_ok=True)
    existed = path.exists() and path.stat().st_size > 0
    if existed and is_plain_sqlite(path):
        raise DatabaseError(
            tr("数据文件 {path} 还没有加密,需要先转换(用管理员登录一次即可自动转换)。", path=path)
        )
    database = OfficeDatabase(str(path), key, pragmas=SQLITE_PRAGMAS, check_same_thread=False)
    db.initialize(database)
    try:
        database.connect(reuse_if_open=True)
        current = schema_version()
    except (pw.DatabaseError, sqlcipher.Error, sqlite3.Error) as exc:
        database.close()
        if "not a database" in str(exc) or "file is not a database" in str(exc):
            raise DatabaseError(
                tr(
                    "数据文件 {path} 无法用这个服务中心的密钥打开:它已损坏,或者不是这个服务中心的数据。"
                    "请从最近的备份恢复。",
                    path=path,
                )
            ) from exc
        log.warning("cannot open %s: %r", path, exc)
        raise DatabaseError(tr("数据文件无法打开({path})。请从最近的备份恢复。", path=path)) from exc
    keyring.set_office_key(key, office)  # the migration backup below is keyed with it
    if sys.platform != "win32":
        with contextlib.suppress(OSError):  # private to the user, as the folder is
            os.chmod(path, 0o600)
    if current > SCHEMA_VERSION:
        database.close()
        raise DatabaseError(
            tr(
                "数据文件来自更新的版本(结构版本 {current},本程序只认识到 {known}),请升级程序。",
                current=current,
                known=SCHEMA_VERSION,
            )
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
    dest = connect_file(target)
    try:
        database.connection().backup(dest)
    finally:
        dest.close()
    return target


def close_database() -> None:
    if not db.is_closed():
        # Keep the query planner's statistics fresh as the office's data grows: every table
        # that has grown or shrunk many times since its statistics were taken (0x10000: not
        # only the tables this session read; sampled, so quick on a large file). Stale ones
        # made the 审计记录 window read 4 million entries through the wrong index for its
        # first page (11 s instead of milliseconds). At closing, not opening: on a damaged
        # file the analysis upsets what `check` must still be able to read.
        try:
            db.execute_sql("PRAGMA analysis_limit=1000")  # a sample of each index, not all of it
            db.execute_sql("PRAGMA optimize=0x10002")
        except (pw.DatabaseError, MemoryError, sqlcipher.Error, sqlite3.Error):
            pass  # a read-only or damaged file: nothing to gain, nothing to lose
        db.close()
    keyring.set_office_key(None)
