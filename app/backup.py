"""Backups, restore, and a data folder that never starts again empty by mistake.

A backup is SQLite's online backup of the open database into an encrypted file beside its
final name (`.partial`), fsynced, then checked with the same check as `python -m huiyin check`
(the file's integrity and foreign keys, and the audit trail and the signatures of exactly
the data copied: they are read in the same read transaction as the copy). Only a copy that
passes is renamed to its final name and called 备份成功并已校验; one of data that fails is
kept as `…-未通过检查.sqlite3` and reported in words.

Names carry the office's identity, `huiyin-<12 hex>-YYYYMMDD-HHMMSS.sqlite3`, so offices that
share a USB folder never rotate each other's files. Rotation keeps the newest of each of the
last 7 days, 4 weeks and 12 months, every backup of today, and always the newest one that
passes the check. The key file (`huiyin.keys`, wrapped keys only) is copied beside the
backups as `huiyin-<12 hex>.keys`: without it no backup opens on another PC.

Restore takes only this office's backups (identity, schema version, the check), builds the
restored file beside the live one, fsyncs it, then puts it in place with one `os.replace`
after a hard link (or a copy) of the old file is made aside: at any moment the folder holds
the old office or the restored one, never neither.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import logging
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from app import keyring
from app.clock import Clock, SystemClock
from app.db import DB_ERRORS, SCHEMA_VERSION, DatabaseError, connect_file, is_plain_sqlite
from app.errors import UserError
from app.i18n import tr
from app.instance import InstanceLock
from app.models import AuditEntry, Setting, Signature, db
from app.paths import DB_FILENAME
from app.permissions import require
from app.policy import PolicyStore
from app.policy_sections import BackupSettings

log = logging.getLogger(__name__)
BACKUP_STEPS = 4  # the steps `Backups.backup_now` reports to its `progress`
RESTORE_STEPS = 3  # the steps `restore` reports to its `progress`

ID_CHARS = 12  # the office identity's first characters in a backup's name
FAILED_MARK = "未通过检查"
# huiyin-<office>-YYYYMMDD-HHMMSS[-n][-未通过检查].sqlite3, and the names from before the
# office's identity was in them: huiyin-YYYYMMDD-HHMMSS.sqlite3.
PATTERN = re.compile(
    rf"^huiyin-(?:(?P<office>[0-9a-f]{{{ID_CHARS}}})-)?(?P<date>\d{{8}})-(?P<time>\d{{6}})"
    rf"(?:-(?P<n>\d+))?(?P<failed>-{FAILED_MARK})?\.sqlite3$"
)
# What a copy leaves while it is being written (removed on failure, swept at the next backup).
PARTIAL_SUFFIXES = (".partial", ".partial-journal", ".partial-wal", ".partial-shm")
FOLDERS_NOTE = "huiyin.backup-folders"  # the chosen backup folders, readable without the database
RESTORING = f"{DB_FILENAME}.restoring"
# Reading a damaged file: SQLite's errors, and running out of memory (a damaged page can
# claim a huge size).
READ_ERRORS: tuple[type[BaseException], ...] = (*DB_ERRORS, MemoryError)


@dataclass
class BackupResult:
    ok: bool
    path: Path | None
    message: str
    at: dt.datetime


@dataclass
class BackupStatus:
    last_good: dt.datetime | None
    last_path: str
    last_message: str
    warnings: list[str]


@dataclass(frozen=True)
class BackupFile:
    """One backup file found in a folder, read from its name."""

    path: Path
    at: dt.datetime
    office: str  # the first ID_CHARS of the office identity; "" for the old names
    passed: bool  # False: written as 未通过检查

    @property
    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


# Reading backup names ------------------------------------------------------------------
def parse_name(path: Path) -> BackupFile | None:
    match = PATTERN.match(path.name)
    if not match:
        return None
    try:
        at = dt.datetime.strptime(match["date"] + match["time"], "%Y%m%d%H%M%S")
    except ValueError:
        return None
    return BackupFile(path, at, match["office"] or "", not match["failed"])


def list_backups(folder: Path, office: str = "", legacy: bool = True) -> list[BackupFile]:
    """The backups in `folder`, newest first: those of `office` (its full identity or its
    first characters; every office's when empty), and the old names without an identity
    when `legacy`. Never a `.partial`, `-wal` or `-shm` file."""
    out: list[BackupFile] = []
    try:
        paths = list(folder.iterdir()) if folder.is_dir() else []
    except OSError:
        return out
    prefix = office[:ID_CHARS]
    for path in paths:
        found = parse_name(path)
        if found is None:
            continue
        if found.office and prefix and found.office != prefix:
            continue
        if not found.office and not legacy:
            continue
        out.append(found)
    return sorted(out, key=lambda b: (b.at, b.path.name), reverse=True)


def backups_in(folder: Path, office: str = "") -> list[tuple[dt.datetime, Path]]:
    """(time, path) of the backups in `folder` that passed their check, newest first."""
    return [(b.at, b.path) for b in list_backups(folder, office) if b.passed]


# Checking a file -------------------------------------------------------------------------
def integrity_problems(path: Path, key: bytes | None = None) -> list[str]:
    """What `PRAGMA integrity_check` and `foreign_key_check` say of a file of this office
    (opened read-only with the office key, or `key`)."""
    try:
        con = connect_file(path, readonly=True, key=key)
    except keyring.NoOfficeKey:
        return [tr("无法打开:没有登录,不能读取加密的数据")]
    except DB_ERRORS as exc:
        log.info("cannot open %s: %s", path, exc)
        return [tr("无法打开:文件已损坏,或者不是这个服务中心的数据")]
    try:
        rows = [str(r[0]) for r in con.execute("PRAGMA integrity_check(20)").fetchall()]
        problems = [] if rows == ["ok"] else [tr("完整性检查:{detail}", detail=r[:200]) for r in rows]
        for table, rowid, parent, _ in con.execute("PRAGMA foreign_key_check").fetchmany(20):
            problems.append(
                tr(
                    "外键不符:{table} 第 {rowid} 行指向不存在的 {parent}",
                    table=table,
                    rowid=rowid,
                    parent=parent,
                )
            )
        return problems
    except READ_ERRORS as exc:
        log.info("integrity check of %s failed: %s", path, exc)
        return [tr("不是有效的数据文件(已损坏)")]
    finally:
        con.close()


@dataclass(frozen=True)
class FileFacts:
    """What a backup says of itself: whose it is, its structure's version, its trail's end."""

    office_id: str
    schema_version: int
    audit_head: str
    audit_entries: int
    signatures: int


class NotRestorable(UserError):
    """A file that cannot be restored here, in words; `damaged` when the file itself is
    broken (else it is whole but another office's, plain, or from a newer version)."""

    def __init__(self, message: str, damaged: bool) -> None:
        super().__init__(message)
        self.damaged = damaged


@dataclass(frozen=True)
class BackupCheck:
    """What the window's 校验 found: nothing (it may be restored), or why not."""

    problems: list[str]
    damaged: bool = False


def _setting(con: object, key: str) -> str | None:
    row = con.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()  # type: ignore[attr-defined]
    return None if row is None else str(row[0])


def file_facts(path: Path, key: bytes | None = None) -> FileFacts:
    """Read a backup's identity, version and trail counts. Raises UserError in words."""
    try:
        con = connect_file(path, readonly=True, key=key)
    except keyring.NoOfficeKey as exc:
        raise UserError(tr("请先登录:备份是加密的,需要服务中心的密钥才能读取。")) from exc
    except DB_ERRORS as exc:
        log.info("cannot open %s: %s", path, exc)
        raise NotRestorable(
            tr("{name} 无法用这个服务中心的密钥打开:它不是这个服务中心的备份,或者已经损坏。", name=path.name),
            damaged=True,
        ) from exc
    try:
        ident = _setting(con, "office_id")
        version = _setting(con, "schema_version")
        head = _setting(con, "audit_head") or ""
        entries = con.execute(f'SELECT count(*) FROM "{AuditEntry._meta.table_name}"').fetchone()[0]
        signatures = con.execute(f'SELECT count(*) FROM "{Signature._meta.table_name}"').fetchone()[0]
    except DB_ERRORS as exc:
        log.info("cannot read %s: %s", path, exc)
        raise NotRestorable(
            tr("{name} 不是回音的数据文件,或者已经损坏。", name=path.name), damaged=True
        ) from exc
    finally:
        con.close()
    return FileFacts(
        office_id=_json_text(ident),
        schema_version=int(version) if version and version.isdigit() else 0,
        audit_head=head,
        audit_entries=int(entries),
        signatures=int(signatures),
    )


def _json_text(value: str | None) -> str:
    if not value:
        return ""
    try:
        loaded = json.loads(value)
    except ValueError:
        return value
    return loaded if isinstance(loaded, str) else str(loaded)


def content_problems(clock: Clock | None = None, policies: PolicyStore | None = None) -> list[str]:
    """The check's findings on the rows of the database `db` is bound to (the audit trail,
    the signatures, …): the same function `python -m huiyin check` runs."""
    from app.cases import CaseService
    from app.health import content_problems as check_rows
    from app.staff import StaffService
    from app.visits import VisitService

    clock = clock or SystemClock()
    policies = policies or PolicyStore()
    visits = VisitService(clock, policies, CaseService(clock, policies), StaffService(clock, policies))
    return check_rows(visits)


# Files on disk -----------------------------------------------------------------------------
def fsync_file(path: Path) -> None:
    # Opened for writing: Windows flushes a file only through a handle that may write
    # (a read-only one gives "Permission denied", found under Wine).
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new file in `folder` survive a power cut (no-op on Windows)."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_partials(target: Path) -> None:
    """A copy's leftovers: `<name>.partial` and its journal, -wal and -shm."""
    for suffix in PARTIAL_SUFFIXES:
        with contextlib.suppress(OSError):  # a read-only stick refuses even to look
            target.with_name(target.name + suffix).unlink(missing_ok=True)


def storage_words(exc: BaseException, folder: Path) -> str:
    """A failed write to a backup folder in words, with the way out."""
    code = getattr(exc, "errno", None)
    text = str(exc).lower()
    if code == errno.ENOSPC or "disk is full" in text or "no space" in text:
        return tr(
            "备份文件夹 {folder} 所在的磁盘已满,备份没有完成(没有留下不完整的文件,数据本身不受影响)。"
            "请删除 U 盘上不需要的文件或换一个空间更大的 U 盘,然后再备份。",
            folder=folder,
        )
    if code in (errno.EROFS, errno.EACCES, errno.EPERM) or "readonly" in text or "read-only" in text:
        return tr(
            "备份文件夹 {folder} 是只读的或没有写入权限,备份没有完成(数据本身不受影响)。"
            "请检查 U 盘的写保护开关,或在“备份与恢复”中另选一个可以写入的文件夹。",
            folder=folder,
        )
    return tr(
        "无法写入备份文件夹 {folder},备份没有完成(数据本身不受影响)。"
        "请检查 U 盘或网络盘是否连接正常,或另选一个文件夹。",
        folder=folder,
    )


def missing_folder_words(folder: Path) -> str:
    return tr(
        "备份文件夹 {folder} 不存在:U 盘未插入?请插上 U 盘(或连接网络盘)后再备份,"
        "或在“备份与恢复”中另选文件夹。备份不会写到本机硬盘上代替它。",
        folder=folder,
    )


def to_keep(
    stamps: list[dt.datetime], now: dt.datetime, daily: int, weekly: int, monthly: int
) -> set[dt.datetime]:
    """The rotation: the newest backup of each of the last `daily` days, `weekly` ISO weeks
    and `monthly` months is kept, and every backup of today; the rest may go."""
    keep: set[dt.datetime] = {t for t in stamps if t.date() == now.date()}
    newest = sorted(stamps, reverse=True)
    for count, key in (
        (daily, lambda t: t.date()),
        (weekly, lambda t: tuple(t.isocalendar())[:2]),
        (monthly, lambda t: (t.year, t.month)),
    ):
        seen: list[object] = []
        for stamp in newest:
            k = key(stamp)
            if k in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(k)
            keep.add(stamp)
    if newest:
        keep.add(newest[0])
    return keep


class BackupService:
    def __init__(self, data_dir: Path, clock: Clock, policies: PolicyStore) -> None:
        self.data_dir = data_dir
        self.clock = clock
        self.policies = policies

    def _settings(self) -> BackupSettings:
        return self.policies.load().backup

    def folder(self) -> Path:
        chosen = self._settings().folder
        return Path(chosen) if chosen else self.data_dir / "backups"

    def office_id(self) -> str:
        """The open office's identity (migration 6 stores it; the key file carries it too)."""
        row = Setting.get_or_none(Setting.key == "office_id")
        if row is not None and _json_text(row.value):
            return _json_text(row.value)
        return keyring.office_id()

    def found(self, folder: Path | None = None) -> list[BackupFile]:
        """This office's backups in the folder (and the old names without an identity)."""
        return list_backups(folder or self.folder(), self.office_id())

    def _target(self, folder: Path, office: str, now: dt.datetime, failed: bool = False) -> Path:
        base = f"huiyin-{office[:ID_CHARS]}-{now:%Y%m%d-%H%M%S}"
        mark = f"-{FAILED_MARK}" if failed else ""
        target = folder / f"{base}{mark}.sqlite3"
        n = 2
        while target.exists() or target.with_name(target.name + ".partial").exists():
            target = folder / f"{base}-{n}{mark}.sqlite3"
            n += 1
        return target

    def backup_now(
        self, dest: Path | None = None, progress: Callable[[int, int], None] | None = None
    ) -> BackupResult:
        """Copy the open database into the folder, check the copy, rotate; the result is
        recorded. A folder that was chosen (a USB stick) must exist: it is never created.
        `progress(step, BACKUP_STEPS)` as each step starts (1 the copy, 2 the data checked,
        3 the copy checked, 4 old backups rotated)."""
        step = progress or (lambda _done, _total: None)
        require(None, "backup.manage")
        folder = dest or self.folder()
        now = self.clock.now()
        chosen = dest is not None or bool(self._settings().folder)
        if not folder.is_dir():
            if chosen or folder.exists():
                words = (
                    missing_folder_words(folder)
                    if not folder.exists()
                    else tr(
                        "备份文件夹 {folder} 不是一个文件夹(同名的是一个文件)。请另选备份文件夹。",
                        folder=folder,
                    )
                )
                result = BackupResult(False, None, words, now)
                self._record(result)
                return result
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                result = BackupResult(False, None, storage_words(exc, folder), now)
                self._record(result)
                return result
        if not os.access(folder, os.W_OK):  # a write-protected stick, a read-only share
            result = BackupResult(
                False, None, storage_words(PermissionError(errno.EROFS, "read-only"), folder), now
            )
            self._record(result)
            return result
        office = self.office_id()
        target = self._target(folder, office, now)
        partial = target.with_name(target.name + ".partial")
        try:
            self._sweep_partials(folder, office)
            problems = self._copy_and_check(partial, step)
            if problems:
                final = self._target(folder, office, now, failed=True)
                os.replace(partial, final)
                fsync_folder(folder)
                result = BackupResult(
                    False,
                    final,
                    tr(
                        "数据未通过检查,这次备份不能算作可靠的备份(已另存为“{name}”,只作留底):{problems}。"
                        "请管理员查看审计记录、运行 python -m huiyin check 找出原因,必要时从最近的好备份恢复。",
                        name=final.name,
                        problems=tr(";").join(problems[:5]),
                    ),
                    now,
                )
            else:
                os.replace(partial, target)
                fsync_folder(folder)
                self._copy_key_file(folder, office)
                step(4, BACKUP_STEPS)
                removed = self.rotate(folder, verified=target)
                size = target.stat().st_size / 1024 / 1024
                if removed:
                    words = tr(
                        "备份成功并已校验({size:.1f} MB),轮换删除 {removed} 个旧备份",
                        size=size,
                        removed=removed,
                    )
                else:
                    words = tr("备份成功并已校验({size:.1f} MB)", size=size)
                result = BackupResult(True, target, words, now)
                if chosen:
                    self._remember_folder(folder)
        except OSError as exc:
            log.warning("backup to %s failed: %s", folder, exc)
            result = BackupResult(False, None, storage_words(exc, folder), now)
        except DB_ERRORS as exc:
            log.warning("backup to %s failed: %s", folder, exc)
            result = BackupResult(False, None, storage_words(exc, folder), now)
        finally:
            remove_partials(target)
        self._record(result)
        return result

    def _copy_and_check(self, partial: Path, step: Callable[[int, int], None]) -> list[str]:
        """The online backup into `partial`, then the check on it: the file's integrity and
        foreign keys on the copy itself; the trail and the signatures on the same snapshot
        the copy was made from (one read transaction), and the copy's trail is that one."""
        with db.atomic():
            db.execute_sql("SELECT count(*) FROM setting").fetchone()  # the snapshot starts here
            step(1, BACKUP_STEPS)
            out = connect_file(partial)
            try:
                db.connection().backup(out)
                # A rollback journal in the copy: a backup opened later leaves no -wal/-shm.
                out.execute("PRAGMA journal_mode = DELETE").fetchone()
            finally:
                out.close()
            head = Setting.get_or_none(Setting.key == "audit_head")
            expected = (
                head.value if head else "",
                AuditEntry.select().count(),
                Signature.select().count(),
            )
            step(2, BACKUP_STEPS)
            problems = content_problems(self.clock, self.policies)
        fsync_file(partial)
        fsync_folder(partial.parent)
        step(3, BACKUP_STEPS)
        problems = integrity_problems(partial) + problems
        if not problems:
            facts = file_facts(partial)
            if (facts.audit_head, facts.audit_entries, facts.signatures) != expected:
                problems.append(tr("备份副本与数据不一致(审计记录或签名的条数不同)"))
        return problems

    def _sweep_partials(self, folder: Path, office: str) -> None:
        """Leftovers of this office's copies cut short (power cut, killed): never backups."""
        prefix = f"huiyin-{office[:ID_CHARS]}-"
        for path in folder.iterdir():
            if path.name.startswith(prefix) and path.name.endswith(PARTIAL_SUFFIXES):
                path.unlink(missing_ok=True)

    def _copy_key_file(self, folder: Path, office: str) -> None:
        """The key file beside the backups: the wrapped keys the backups open with."""
        source = keyring.KeyRing.path_in(self.data_dir)
        if not source.is_file():
            return
        target = folder / f"huiyin-{office[:ID_CHARS]}.keys"
        data = source.read_bytes()
        if target.is_file() and target.read_bytes() == data:
            return
        keyring.write_private(target, data)

    def _remember_folder(self, folder: Path) -> None:
        """The chosen folder, noted in the data folder where it can be read without the
        database (a missing database is then met with the backups on the stick)."""
        note = self.data_dir / FOLDERS_NOTE
        folders = remembered_folders(self.data_dir)
        text = str(folder.absolute())
        if folders[:1] == [text]:
            return
        folders = [text] + [f for f in folders if f != text][:4]
        with contextlib.suppress(OSError):  # only a help for later: a backup never fails on it
            keyring.write_private(note, json.dumps(folders, ensure_ascii=False).encode("utf-8"))

    def _record(self, result: BackupResult) -> None:
        info = {
            "at": result.at.isoformat(),
            "ok": result.ok,
            "path": str(result.path or ""),
            "message": result.message,
        }
        if result.ok:
            info["last_good"] = result.at.isoformat()
        else:
            old = Setting.get_or_none(Setting.key == "last_backup")
            if old is not None:
                info["last_good"] = json.loads(old.value).get("last_good")
        Setting.replace(key="last_backup", value=json.dumps(info, ensure_ascii=False)).execute()

    def rotate(self, folder: Path, verified: Path | None = None) -> int:
        """Delete the backups the rotation lets go: only this office's files (its identity in
        the name), never one of today, never the newest that passes the check (`verified` has
        just passed it), never one newer than that."""
        s = self._settings()
        daily, weekly, monthly = s.keep_daily, s.keep_weekly, s.keep_monthly
        now = self.clock.now()
        office = self.office_id()
        mine = [b for b in list_backups(folder, office, legacy=False) if b.office]
        good = [b for b in mine if b.passed]
        newest_good = next((b for b in good if b.path == verified or not integrity_problems(b.path)), None)
        keep_stamps = to_keep([b.at for b in good], now, daily, weekly, monthly)
        removed = 0
        for found in mine:
            if found.path == (newest_good.path if newest_good else None):
                continue
            if found.at.date() == now.date():
                continue
            if newest_good is None or found.at > newest_good.at:
                continue
            if found.passed and found.at in keep_stamps:
                continue
            found.path.unlink(missing_ok=True)
            removed += 1
        return removed

    def status(self) -> BackupStatus:
        row = Setting.get_or_none(Setting.key == "last_backup")
        info = json.loads(row.value) if row else {}
        last_good = dt.datetime.fromisoformat(info["last_good"]) if info.get("last_good") else None
        warnings = []
        days = self._settings().warn_after_days
        if last_good is None:
            warnings.append(tr("还没有成功的备份"))
        elif self.clock.now() - last_good > dt.timedelta(days=days):
            warnings.append(
                tr(
                    "最近一次成功备份在 {last_good:%Y-%m-%d %H:%M},已超过 {days} 天",
                    last_good=last_good,
                    days=days,
                )
            )
        if info and not info.get("ok"):
            warnings.append(info.get("message", tr("上次备份失败")))
        folder = self.folder()
        chosen = bool(self._settings().folder)
        if folder.exists() and not os.access(folder, os.W_OK):
            warnings.append(tr("备份文件夹 {folder} 不可写", folder=folder))
        elif chosen and not folder.exists():
            warnings.append(tr("备份文件夹 {folder} 找不到(U盘或网络盘未连接?)", folder=folder))
        return BackupStatus(last_good, info.get("path", ""), info.get("message", ""), warnings)

    def due(self) -> bool:
        """A backup is due at start and once every day of use."""
        status = self.status()
        return status.last_good is None or status.last_good.date() < self.clock.now().date()

    def newest_good(self) -> Path | None:
        for found in self.found():
            if found.passed and not integrity_problems(found.path):
                return found.path
        return None


def remembered_folders(data_dir: Path) -> list[str]:
    try:
        folders = json.loads((data_dir / FOLDERS_NOTE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [str(f) for f in folders if isinstance(f, str)] if isinstance(folders, list) else []


# Restore -------------------------------------------------------------------------------------
@contextlib.contextmanager
def _office_key_held(key: bytes, office: str) -> Iterator[None]:
    """The key in memory while the restored file is checked; the state before comes back."""
    try:
        before: tuple[bytes | None, str] = (keyring.office_key(), keyring.office_id())
    except keyring.NoOfficeKey:
        before = (None, "")
    keyring.set_office_key(key, office)
    try:
        yield
    finally:
        keyring.set_office_key(*before)


def _expected_office(data_dir: Path) -> str:
    """The identity a backup must carry: the open office's, else the key file's."""
    try:
        return keyring.office_id()
    except keyring.NoOfficeKey:
        pass
    if keyring.KeyRing.exists_in(data_dir):
        return keyring.KeyRing.load(data_dir).office_id
    return ""


def check_backup(backup: Path, data_dir: Path, key: bytes) -> FileFacts:
    """Is this file a backup of this office that can be put in place? Raises UserError."""
    if not backup.is_file():
        raise UserError(tr("找不到备份文件 {backup}", backup=backup))
    if backup.stat().st_size == 0:
        raise NotRestorable(
            tr("备份文件 {name} 是空的(0 字节),不能用于恢复。请换一个备份。", name=backup.name), damaged=True
        )
    if is_plain_sqlite(backup):
        raise NotRestorable(
            tr(
                "{name} 是没有加密的数据文件(别的程序的文件,或加密之前的旧备份),"
                "看不出是这个服务中心的备份,不能用于恢复。请选这个服务中心加密后的备份。",
                name=backup.name,
            ),
            damaged=False,
        )
    facts = file_facts(backup, key)
    expected = _expected_office(data_dir)
    if not facts.office_id:
        raise NotRestorable(
            tr("{name} 里没有服务中心的标识,看不出是这个服务中心的备份,不能用于恢复。", name=backup.name),
            damaged=False,
        )
    if expected and facts.office_id != expected:
        raise NotRestorable(
            tr("{name} 是另一个服务中心的备份,不能恢复到这里。", name=backup.name), damaged=False
        )
    if facts.schema_version > SCHEMA_VERSION:
        raise NotRestorable(
            tr(
                "{name} 来自更新版本的回音(结构版本 {schema_version},本程序只认识到 "
                "{known}),请先升级程序再恢复。",
                name=backup.name,
                schema_version=facts.schema_version,
                known=SCHEMA_VERSION,
            ),
            damaged=False,
        )
    problems = integrity_problems(backup, key)
    if problems:
        raise NotRestorable(
            tr(
                "备份文件 {name} 已损坏,不能用于恢复:{problems}",
                name=backup.name,
                problems=tr(";").join(problems[:3]),
            ),
            damaged=True,
        )
    return facts


def backup_problems(path: Path, data_dir: Path) -> BackupCheck:
    """What stops `path` from being restored here, in words (the window's 校验): this office's,
    not from a newer version, whole. No problems when it may be restored (restore checks
    again, the trail and the signatures too)."""
    try:
        check_backup(path, data_dir, keyring.office_key())
    except keyring.NoOfficeKey:
        return BackupCheck([tr("没有登录,不能读取加密的备份")])
    except NotRestorable as exc:
        return BackupCheck([str(exc)], exc.damaged)
    except UserError as exc:
        return BackupCheck([str(exc)])
    return BackupCheck([])


def _aside_name(data_dir: Path, now: dt.datetime) -> Path:
    base = f"{DB_FILENAME}.before-restore-{now:%Y%m%d-%H%M%S}"
    aside = data_dir / base
    n = 2
    while aside.exists():
        aside = data_dir / f"{base}-{n}"
        n += 1
    return aside


def _stage(backup: Path, staged: Path, key: bytes, office: str) -> None:
    """The restored file beside the live one: copied, migrated to this program's structure,
    checked with the same check as `python -m huiyin check`, fsynced."""
    from app.db import close_database, open_database

    for leftover in (staged, *(staged.with_name(staged.name + s) for s in ("-journal", "-wal", "-shm"))):
        leftover.unlink(missing_ok=True)
    if db.obj is not None and not db.is_closed():
        raise UserError(tr("恢复前请先关闭数据文件(退出回音的窗口)。"))
    source = connect_file(backup, readonly=True, key=key)
    try:
        out = connect_file(staged, key=key)
        try:
            source.backup(out)
            out.execute("PRAGMA journal_mode = DELETE").fetchone()
        finally:
            out.close()
    finally:
        source.close()
    with _office_key_held(key, office):
        try:
            open_database(staged, key, office)
        except DatabaseError as exc:
            raise UserError(tr("备份文件 {name} 无法打开:{reason}", name=backup.name, reason=exc)) from exc
        try:
            problems = content_problems()
            db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            db.execute_sql("PRAGMA journal_mode = DELETE")
        finally:
            close_database()
            keyring.set_office_key(key, office)
    problems = integrity_problems(staged, key) + problems
    if problems:
        raise UserError(
            tr(
                "备份文件 {name} 未通过检查,不能用于恢复:{problems}",
                name=backup.name,
                problems=tr(";").join(problems[:3]),
            )
        )
    fsync_file(staged)
    fsync_folder(staged.parent)


def _set_live_aside(current: Path, aside: Path, key: bytes) -> None:
    """The live file, whole, under the aside name too (a hard link; a copy where the disk
    cannot link). The live name is left in place: it is replaced in one step afterwards."""
    if not current.exists():
        return
    if current.stat().st_size > 0:
        try:  # fold the write-ahead log in, so the file kept aside is whole
            con = connect_file(current, key=key)
            try:
                con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            finally:
                con.close()
        except DB_ERRORS as exc:
            log.warning("checkpoint of %s before restore failed: %s", current, exc)
    try:
        os.link(current, aside)
    except OSError:
        partial = aside.with_name(aside.name + ".partial")
        shutil.copyfile(current, partial)
        fsync_file(partial)
        os.replace(partial, aside)
    wal = current.with_name(current.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        # The log could not be folded in (a damaged file): it goes with the file kept aside
        # now, since left beside the live name it would be replayed into the restored file.
        os.replace(wal, aside.with_name(aside.name + "-wal"))
    fsync_folder(current.parent)


def restore(
    data_dir: Path,
    backup: Path,
    now: dt.datetime,
    key: bytes | None = None,
    office: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> Path | None:
    """Put a backup in place of the current database, which is kept aside, never overwritten.

    The database must be closed; the office key is the open office's or `key` (a login
    unlocked it). Takes the data folder's lock. Returns where the old file was put (None when
    there was no old file). `progress(step, RESTORE_STEPS)` as each step starts (1 the backup
    checked, 2 copied beside the data and checked again, 3 put in place)."""
    step = progress or (lambda _done, _total: None)
    require(None, "backup.manage")
    if key is None:
        try:
            key = keyring.office_key()
        except keyring.NoOfficeKey as exc:
            raise UserError(
                tr("请先登录:备份是加密的,恢复要用服务中心的密钥(用管理员登录后再恢复)。")
            ) from exc
    with InstanceLock(data_dir):
        office = office or _expected_office(data_dir)
        step(1, RESTORE_STEPS)
        facts = check_backup(backup, data_dir, key)
        current = data_dir / DB_FILENAME
        staged = data_dir / RESTORING
        try:
            step(2, RESTORE_STEPS)
            _stage(backup, staged, key, office or facts.office_id)
            step(3, RESTORE_STEPS)
            aside = _aside_name(data_dir, now) if current.exists() else None
            if aside is not None:
                _set_live_aside(current, aside, key)
            os.replace(staged, current)  # the one step: the old office, then the restored one
            fsync_folder(data_dir)
        finally:
            for leftover in (
                staged,
                *(staged.with_name(staged.name + s) for s in ("-journal", "-wal", "-shm")),
            ):
                leftover.unlink(missing_ok=True)
        # The old file's log and index belong to the file kept aside, not to the new one.
        for suffix in ("-wal", "-shm"):
            current.with_name(current.name + suffix).unlink(missing_ok=True)
        return aside


# Starting ------------------------------------------------------------------------------------
def _key_ring(data_dir: Path) -> keyring.KeyRing | None:
    try:
        return keyring.KeyRing.load(data_dir) if keyring.KeyRing.exists_in(data_dir) else None
    except UserError:
        return None


def _office_prefix(data_dir: Path) -> str:
    ring = _key_ring(data_dir)
    return ring.office_id[:ID_CHARS] if ring is not None else ""


def refuse_empty_start(data_dir: Path) -> None:
    """A missing or empty database next to backups is a lost office, not a new one: raises
    app.db.DatabaseError naming the newest backup and how to restore it. Looks in the data
    folder's `backups` and in the backup folders chosen before (noted in the data folder).
    Without backups, a key file with logins in it says the same (an office was here)."""
    current = data_dir / DB_FILENAME
    if current.exists() and current.stat().st_size > 0:
        return
    prefix = _office_prefix(data_dir)
    folders = [data_dir / "backups", *(Path(f) for f in remembered_folders(data_dir))]
    found: list[BackupFile] = []
    for folder in folders:
        found += [b for b in list_backups(folder, prefix) if b.passed and b.size > 0]
    if not found:
        ring = _key_ring(data_dir)
        if ring is not None and ring.usernames():
            raise DatabaseError(
                tr(
                    "数据文件夹 {folder} 里{what},但密钥文件 {keys} 表明这里原有服务中心“{office}”的数据,"
                    "所以不会当作新的服务中心重新开始。请插上存放备份的 U 盘,用管理员登录后从最近的备份恢复"
                    '(python -m huiyin --data-dir "{folder}" --user 管理员登录名 restore 备份文件)。',
                    folder=data_dir,
                    what=tr("数据文件是空的(0 字节)") if current.exists() else tr("没有数据文件"),
                    keys=keyring.KEYS_FILENAME,
                    office=ring.office_name,
                )
            )
        return
    newest = max(found, key=lambda b: (b.at, b.path.name))
    what = tr("数据文件是空的(0 字节)") if current.exists() else tr("没有数据文件")
    found_words = tr(
        "数据文件夹 {folder} 里{what},但找到了这个服务中心的 {count} 个备份,"
        "所以不会当作新的服务中心重新开始(那样原来的数据就看不到了)。"
        "最近的备份是 {newest}({at:%Y-%m-%d %H:%M})。",
        folder=data_dir,
        what=what,
        count=len(found),
        newest=newest.path,
        at=newest.at,
    )
    command = f'python -m huiyin --data-dir "{data_dir}" --user {tr("管理员登录名")} restore "{newest.path}"'
    keys_file = newest.path.with_name(f"huiyin-{newest.office}.keys") if newest.office else None
    if keyring.KeyRing.exists_in(data_dir):
        step = tr("请用管理员登录恢复它:{command}", command=command)
    elif keys_file is not None and keys_file.is_file():
        step = tr(
            "请先把备份旁的密钥文件 {keys_file} 复制到数据文件夹并改名为 {keys},然后用管理员登录恢复它:{command}",
            keys_file=keys_file,
            keys=keyring.KEYS_FILENAME,
            command=command,
        )
    else:
        step = tr(
            "请先把原来的密钥文件 {keys} 放回数据文件夹,然后用管理员登录恢复它:{command}",
            keys=keyring.KEYS_FILENAME,
            command=command,
        )
    raise DatabaseError(found_words + step)
