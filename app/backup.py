"""Backups, restore and the health check of a data folder.

Backups use SQLite's online backup API (safe while the program runs), are verified with
`PRAGMA integrity_check`, and are kept by rotation: the newest of each of the last 7
days, 4 weeks and 12 months. Signatures and scans live inside the database, so they are
inside every backup too.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.clock import Clock
from app.errors import UserError
from app.models import Setting, db
from app.paths import DB_FILENAME
from app.policy import PolicyStore

PATTERN = re.compile(r"^huiyin-(\d{8})-(\d{6})\.sqlite3$")


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


def integrity_problems(path: Path) -> list[str]:
    """What `PRAGMA integrity_check` and `foreign_key_check` say of a database file."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [f"无法打开:{exc}"]
    try:
        rows = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
        problems = [] if rows == ["ok"] else [f"完整性检查:{r}" for r in rows[:20]]
        for table, rowid, parent, _ in con.execute("PRAGMA foreign_key_check").fetchall()[:20]:
            problems.append(f"外键不符:{table} 第 {rowid} 行指向不存在的 {parent}")
        return problems
    except sqlite3.DatabaseError as exc:
        return [f"不是有效的数据文件:{exc}"]
    finally:
        con.close()


def backups_in(folder: Path) -> list[tuple[dt.datetime, Path]]:
    out: list[tuple[dt.datetime, Path]] = []
    if not folder.is_dir():
        return out
    for path in folder.iterdir():
        match = PATTERN.match(path.name)
        if match:
            out.append((dt.datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S"), path))
    return sorted(out, reverse=True)


def to_keep(
    stamps: list[dt.datetime], now: dt.datetime, daily: int, weekly: int, monthly: int
) -> set[dt.datetime]:
    """The rotation: the newest backup of each of the last `daily` days, `weekly` ISO weeks
    and `monthly` months is kept; the rest may go."""
    keep: set[dt.datetime] = set()
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

    def _settings(self) -> dict[str, object]:
        settings: dict[str, object] = self.policies.load().data.get("backup", {})
        return settings

    def folder(self) -> Path:
        chosen = str(self._settings().get("folder") or "")
        return Path(chosen) if chosen else self.data_dir / "backups"

    def backup_now(self, dest: Path | None = None) -> BackupResult:
        """Copy the open database to the folder, verify the copy, rotate; the result is recorded."""
        folder = dest or self.folder()
        now = self.clock.now()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"huiyin-{now:%Y%m%d-%H%M%S}.sqlite3"
            partial = target.with_suffix(".partial")
            out = sqlite3.connect(str(partial))
            try:
                db.connection().backup(out)
            finally:
                out.close()
            problems = integrity_problems(partial)
            if problems:
                partial.unlink(missing_ok=True)
                result = BackupResult(False, None, "备份校验失败:" + ";".join(problems), now)
            else:
                os.replace(partial, target)
                removed = self.rotate(folder)
                size = target.stat().st_size / 1024 / 1024
                note = f",轮换删除 {removed} 个旧备份" if removed else ""
                result = BackupResult(True, target, f"备份成功并已校验({size:.1f} MB){note}", now)
        except OSError as exc:
            result = BackupResult(False, None, f"备份文件夹 {folder} 无法写入:{exc.strerror or exc}", now)
        except sqlite3.Error as exc:
            result = BackupResult(False, None, f"备份失败:{exc}", now)
        self._record(result)
        return result

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

    def rotate(self, folder: Path) -> int:
        s = self._settings()
        found = backups_in(folder)
        daily, weekly, monthly = (
            int(str(s.get(k, d))) for k, d in (("keep_daily", 7), ("keep_weekly", 4), ("keep_monthly", 12))
        )
        keep = to_keep([t for t, _ in found], self.clock.now(), daily, weekly, monthly)
        removed = 0
        for stamp, path in found:
            if stamp not in keep:
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    def status(self) -> BackupStatus:
        row = Setting.get_or_none(Setting.key == "last_backup")
        info = json.loads(row.value) if row else {}
        last_good = dt.datetime.fromisoformat(info["last_good"]) if info.get("last_good") else None
        warnings = []
        days = int(self._settings().get("warn_after_days", 2))  # type: ignore[call-overload]
        if last_good is None:
            warnings.append("还没有成功的备份")
        elif self.clock.now() - last_good > dt.timedelta(days=days):
            warnings.append(f"最近一次成功备份在 {last_good:%Y-%m-%d %H:%M},已超过 {days} 天")
        if info and not info.get("ok"):
            warnings.append(info.get("message", "上次备份失败"))
        folder = self.folder()
        chosen = bool(self._settings().get("folder"))
        if folder.exists() and not os.access(folder, os.W_OK):
            warnings.append(f"备份文件夹 {folder} 不可写")
        elif chosen and not folder.exists():
            warnings.append(f"备份文件夹 {folder} 找不到(U盘或网络盘未连接?)")
        return BackupStatus(last_good, info.get("path", ""), info.get("message", ""), warnings)

    def due(self) -> bool:
        """A backup is due at start and once every day of use."""
        status = self.status()
        return status.last_good is None or status.last_good.date() < self.clock.now().date()

    def newest_good(self) -> Path | None:
        for _, path in backups_in(self.folder()):
            if not integrity_problems(path):
                return path
        return None


def restore(data_dir: Path, backup: Path, now: dt.datetime) -> Path:
    """Put a backup in place of the current database, which is kept aside, never overwritten.

    The database must be closed. Returns where the old file was put."""
    if not backup.is_file():
        raise UserError(f"找不到备份文件 {backup}")
    problems = integrity_problems(backup)
    if problems:
        raise UserError(f"备份文件 {backup.name} 已损坏,不能用于恢复:{';'.join(problems[:3])}")
    current = data_dir / DB_FILENAME
    aside = data_dir / f"{DB_FILENAME}.before-restore-{now:%Y%m%d-%H%M%S}"
    data_dir.mkdir(parents=True, exist_ok=True)
    if current.exists():
        con = sqlite3.connect(str(current))
        try:  # fold the write-ahead log in, so the file put aside is whole
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.DatabaseError:
            pass  # a damaged file is put aside as it is
        finally:
            con.close()
        os.replace(current, aside)
        for suffix in ("-wal", "-shm"):
            extra = data_dir / f"{DB_FILENAME}{suffix}"
            if extra.exists():
                os.replace(extra, data_dir / f"{aside.name}{suffix}")
    partial = data_dir / f"{DB_FILENAME}.restoring"
    shutil.copy2(backup, partial)
    os.replace(partial, current)
    return aside
