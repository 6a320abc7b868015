"""One office's data folder, opened: the database and the services built on it.

Everything reaches the services through an `Office`; windows are handed the services
they need, never the Office as a global.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from app import keyring
from app.audit_queries import AuditQueries
from app.backup import BackupService
from app.case_query import CaseQuery
from app.cases import CaseService
from app.clock import Clock, SystemClock
from app.db import DB_ERRORS, DatabaseError, close_database, connect_file, is_plain_sqlite, open_database
from app.drafts import DraftStore
from app.errors import UserError, ValidationError
from app.forms import FormLedger
from app.holidays import HolidayService
from app.i18n import N_, tr
from app.keyring import KeyRing
from app.models import Department, ReportArchive, Setting, Staff, db, set_clock
from app.nightlog import NightLogService
from app.owner_files import OwnerFiles
from app.owners import OwnerService
from app.paths import DB_FILENAME
from app.periods import Period, period_key
from app.permissions import can, require
from app.policy import PolicyStore
from app.referrals import ReferralService
from app.staff import StaffService, check_password_strength
from app.stats import Comparison, Statistics
from app.validation import clean_text
from app.visits import VisitService

log = logging.getLogger(__name__)
SETUP_KEY = "setup_key"  # the key of a new office before its administrator exists (no data yet)
PENDING_RECOVERY = "recovery_key_pending"  # a converted office's recovery key, until an admin saw it


@dataclass
class Office:
    data_dir: Path
    clock: Clock
    policies: PolicyStore
    cases: CaseService
    query: CaseQuery
    staff: StaffService
    owners: OwnerService
    nightlog: NightLogService
    drafts: DraftStore
    visits: VisitService
    forms: FormLedger
    backups: BackupService
    ring: KeyRing
    holidays: HolidayService
    referrals: ReferralService  # 工作联系函 to the developer (二类 cases)
    user: Staff | None = None
    # shown once: the recovery key made at set-up (or at the conversion of a plain folder)
    recovery_key: str = field(default="", repr=False)
    owner_files: OwnerFiles = field(default_factory=OwnerFiles)  # 业主档案: masked reads, logged reveals
    trail: AuditQueries = field(default_factory=AuditQueries)  # 审计记录 and 修改记录, read

    @classmethod
    def open(cls, data_dir: Path, clock: Clock | None = None, key: bytes | None = None) -> Office:
        """Open a data folder with the office key (from a login: see `login`). A new folder is
        made here, private to this user, with a new key; a folder of plain SQLite from before
        encryption is converted first (see `convert_plain_folder`)."""
        clock = clock or SystemClock()
        keyring.make_private_folder(data_dir)
        path = data_dir / DB_FILENAME
        if not KeyRing.exists_in(data_dir):
            if path.exists() and path.stat().st_size > 0:
                if not is_plain_sqlite(path):
                    raise DatabaseError(
                        tr(
                            "数据文件夹 {folder} 里缺少密钥文件 {keys},加密的数据无法打开。"
                            "请把备份文件夹里的 huiyin-….keys 文件复制到数据文件夹,改名为 {keys}。",
                            folder=data_dir,
                            keys=keyring.KEYS_FILENAME,
                        )
                    )
                convert_plain_folder(data_dir)
            else:
                _refuse_empty_start(data_dir)
                ring = KeyRing.create(data_dir, uuid.uuid4().hex, "")
                ring.data[SETUP_KEY] = keyring.new_office_key().hex()
                ring.save()
        ring = KeyRing.load(data_dir)
        if SETUP_KEY not in ring.data and not (path.exists() and path.stat().st_size > 0):
            _refuse_empty_start(data_dir)  # an office was here: its database is lost, not new
        if key is None:
            if SETUP_KEY not in ring.data:
                raise UserError(tr("请先登录:数据已加密,需要用登录名和密码打开。"))
            key = bytes.fromhex(ring.data[SETUP_KEY])
        open_database(path, key, ring.office_id)
        set_clock(clock)  # the audit trail is timed by the clock the services are given
        policies = PolicyStore()
        cases = CaseService(clock, policies)
        staff = StaffService(clock, policies, ring)
        cases.approver_check = staff.authenticate  # an extension's approver, by the login's code
        office = cls(
            data_dir=data_dir,
            clock=clock,
            policies=policies,
            cases=cases,
            query=CaseQuery(clock),
            staff=staff,
            owners=OwnerService(),
            nightlog=NightLogService(clock, cases),
            drafts=DraftStore(clock),
            visits=VisitService(clock, policies, cases, staff),
            forms=FormLedger(clock, policies),
            backups=BackupService(data_dir, clock, policies),
            ring=ring,
            trail=AuditQueries(clock),
            holidays=HolidayService(cases),
            referrals=ReferralService(clock, policies, cases),
        )
        office._sync_ring()
        return office

    @classmethod
    def login(cls, data_dir: Path, username: str, password: str, clock: Clock | None = None) -> Office:
        """Open the office as one person: the password opens that person's key slot (wrong
        ones count towards the lockout), the person must be an active login of the office."""
        clock = clock or SystemClock()
        if not data_dir.exists():
            raise UserError(tr("数据文件夹 {folder} 不存在。", folder=data_dir))
        if not KeyRing.exists_in(data_dir) and (data_dir / DB_FILENAME).exists():
            convert_plain_folder(data_dir)
        if not KeyRing.exists_in(data_dir):
            raise UserError(tr("数据文件夹 {folder} 还没有初始化(没有服务中心的数据)。", folder=data_dir))
        ring = KeyRing.load(data_dir)
        name = clean_text(username)
        unlocked = ring.unlock(name, password, clock.now())
        office = cls.open(data_dir, clock, unlocked.key)
        person = Staff.get_or_none(Staff.username == name, Staff.active == True)  # noqa: E712
        if person is None:
            office.close()
            raise UserError(tr("登录名或密码不对"))
        office.user = person
        return office

    @classmethod
    def recover(
        cls,
        data_dir: Path,
        recovery_text: str,
        admin_username: str,
        new_password: str,
        clock: Clock | None = None,
    ) -> Office:
        """A forgotten administrator's password: the recovery key printed at set-up opens the
        office, and the administrator gets a new password (recorded in the audit trail)."""
        from app.models import acting_as

        if reason := check_password_strength(new_password):
            raise ValidationError({N_("新密码"): reason})
        ring = KeyRing.load(data_dir)
        key = ring.unlock_recovery(recovery_text)
        office = cls.open(data_dir, clock, key)
        person = Staff.get_or_none(
            Staff.username == clean_text(admin_username),
            Staff.role == "admin",
            Staff.active == True,  # noqa: E712
        )
        if person is None:
            office.close()
            raise UserError(tr("没有名为“{name}”的在用管理员登录。", name=admin_username))
        with acting_as(f"{person.name}(恢复密钥)"):
            office.staff.reset_password(person, new_password)
        office.user = person
        return office

    def _sync_ring(self) -> None:
        """The key file carries what the login needs before the database is open: the office's
        name and identity, and the policy's lockout numbers."""
        ring = self.ring
        changed = False
        stored_id = self.setting("office_id")
        if stored_id and stored_id != ring.office_id:
            if ring.office_id and SETUP_KEY not in ring.data and not ring.data.get("converted"):
                log.warning("office id differs: key file %s, database %s", ring.office_id, stored_id)
            ring.data["office_id"] = stored_id
            changed = True
        elif not stored_id and ring.office_id:
            self.set_setting("office_id", ring.office_id)
        rules = self.policies.load().security
        lockout = {"max_failed_logins": rules.max_failed_logins, "lock_minutes": rules.lock_minutes}
        if ring.data.get("lockout") != lockout:
            ring.data["lockout"] = lockout
            changed = True
        if self.name and ring.office_name != self.name:
            ring.data["office_name"] = self.name
            changed = True
        if changed:
            ring.save()

    def take_pending_recovery_key(self) -> str:
        """A converted folder's recovery key, handed to the first administrator who logs in
        (then forgotten by the program: it must be printed or written down)."""
        key = self.setting(PENDING_RECOVERY)
        if key and self.user is not None and self.user.role == "admin":
            Setting.delete().where(Setting.key == PENDING_RECOVERY).execute()
            return key
        return ""

    def close(self) -> None:
        close_database()

    def statistics(self) -> Statistics:
        return Statistics(self.policies.load(), self.clock.now().date())

    def save_measures(
        self, period: Period, measures: str, pdf: bytes | None = None, actor: Staff | None = None
    ) -> None:
        """The manager's improvement measures for a period; with the PDF, the period is archived."""
        require(actor, "report.archive")
        key = period_key(period)
        with db.atomic():
            row, _ = ReportArchive.get_or_create(period=key)
            row.measures = clean_text(measures)
            if pdf is not None:
                row.pdf = pdf
                row.archived_at = self.clock.now()
                row.archived_by = actor.name if actor else ""
            row.save()

    def analysis_exported(self, data: Comparison, pdf: bytes, actor: Staff) -> None:
        """What printing or exporting the analysis records: a quarter's is archived with its
        measures (归档) where the person may archive; a whole month's is that month's summary
        (月度汇总, due by the 28th) done."""
        from app.dashboard import record_monthly, summary_key  # the dashboard reads the office

        if "quarter" in data.current.to_json()["period"] and can(actor, "report.archive"):
            self.save_measures(data.current.period, data.measures, pdf=pdf, actor=actor)
        period = data.current.period.whole
        if period == Period.month(period.start.year, period.start.month):
            record_monthly(
                summary_key(period.start.year, period.start.month), pdf, self.clock.now(), actor.name
            )

    def quarterly(self, period: Period) -> Comparison:
        """The period's figures beside the previous period's, with the archived measures text."""
        require(None, "report.view")
        stats = self.statistics()
        archive = ReportArchive.get_or_none(ReportArchive.period == period_key(period))
        current = stats.compute(period)  # a period not over yet is counted up to today (截至)
        return Comparison(
            current=current,
            previous=stats.compute(current.period.previous()),  # the same days of the one before
            measures=archive.measures if archive else "",
            archived_at=archive.archived_at if archive else None,
        )

    # The office's own settings ---------------------------------------------------------
    def setting(self, key: str, default: str = "") -> str:
        row = Setting.get_or_none(Setting.key == key)
        return json.loads(row.value) if row else default

    def set_setting(self, key: str, value: object) -> None:
        Setting.replace(key=key, value=json.dumps(value, ensure_ascii=False)).execute()

    @property
    def name(self) -> str:
        return self.setting("office_name")

    def is_initialised(self) -> bool:
        return bool(self.name) and Staff.select().where(Staff.role == "admin").exists()

    def initialise(self, office_name: str, admin_username: str, password: str, admin_name: str = "") -> Staff:
        """First start: the office's name, its first administrator, the default departments."""
        problems: dict[str, str] = {}
        office_name = clean_text(office_name)
        admin_username = clean_text(admin_username)
        if not office_name:
            problems[N_("服务中心名称")] = tr("必须填写")
        elif len(office_name) > 60:
            problems[N_("服务中心名称")] = tr("最多 60 字")
        if not admin_username:
            problems[N_("管理员登录名")] = tr("必须填写")
        if reason := check_password_strength(password):
            problems[N_("密码")] = reason
        if self.is_initialised():
            problems[N_("数据文件夹")] = tr(
                "{folder} 已初始化过(服务中心:{name})", folder=self.data_dir, name=self.name
            )
        if problems:
            raise ValidationError(problems)
        with db.atomic():
            self.set_setting("office_name", office_name)
            for name in self.policies.load().departments:
                if not Department.select().where(Department.name == name).exists():
                    self.staff.add_department(name)
            admin = self.staff.save_staff(
                name=clean_text(admin_name) or admin_username,
                role="admin",
                username=admin_username,
                password=password,
            )
        # The administrator's slot now holds the key: the set-up key leaves the key file, and
        # the recovery key is made (shown once by the caller, then only its slot remains).
        self.ring.data.pop(SETUP_KEY, None)
        self.recovery_key = self.ring.set_recovery(keyring.office_key())
        self.ring.data["office_name"] = office_name
        self.ring.save()
        self.user = admin
        return admin


def _refuse_empty_start(data_dir: Path) -> None:
    """A missing or empty database next to backups (or beside a key file with logins) is a
    lost office, not a new one: DatabaseError naming the newest backup."""
    from app.backup import refuse_empty_start

    refuse_empty_start(data_dir)


def convert_plain_folder(data_dir: Path) -> None:
    """A data folder from before encryption: its plain SQLite file becomes an encrypted one
    with a new office key, nothing lost.

    Each login keeps its password: its slot is made from the old password hash (the hash is
    that password's scrypt key), and is rewrapped with a fresh salt at the person's next login.
    Steps: the encrypted copy is written beside the plain file, checked table by table against
    it, fsynced, and only then put in its place (one rename); the plain file's copies in the
    data folder (migration backups) are encrypted the same way. Until the rename the plain
    file is untouched, so a crash at any point leaves a folder that opens."""
    from sqlcipher3 import dbapi2 as sqlcipher

    path = data_dir / DB_FILENAME
    key = keyring.new_office_key()
    plain = sqlcipher.connect(str(path))
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        setting = dict(plain.execute("SELECT key, value FROM setting").fetchall())
        office = json.loads(setting["office_id"]) if "office_id" in setting else uuid.uuid4().hex
        name = json.loads(setting["office_name"]) if "office_name" in setting else ""
        staff = plain.execute(
            "SELECT username, password_hash FROM staff WHERE active = 1 AND username IS NOT NULL"
        ).fetchall()
    finally:
        plain.close()
    ring = KeyRing.create(data_dir, office, name)
    for username, stored in staff:
        ring.add_legacy_slot(username, stored or "", key)
    recovery = ring.set_recovery(key)
    ring.data["converted"] = True
    encrypt_plain_file(path, key, extra_settings={"office_id": office, PENDING_RECOVERY: recovery})
    # Its copies this program made (migration backups, backups in the folder the policy names
    # or the default one) are encrypted the same way: no owner's data is left readable.
    for old in _plain_copies(data_dir, setting.get("policy")):
        try:
            encrypt_plain_file(old, key)
        except (OSError, DatabaseError, sqlcipher.Error):
            log.warning("could not encrypt the old copy %s", old, exc_info=True)
    ring.save()
    log.info("converted %s to an encrypted data folder (%d logins)", data_dir, len(staff))


def _plain_copies(data_dir: Path, policy_json: str | None) -> list[Path]:
    folders = [data_dir, data_dir / "backups"]
    try:
        chosen = json.loads(policy_json or "{}").get("backup", {}).get("folder") or ""
    except (ValueError, AttributeError):
        chosen = ""
    if chosen:
        folders.append(Path(chosen))
    found: list[Path] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for candidate in sorted(folder.iterdir()):
            named = candidate.name.startswith("huiyin-") and candidate.suffix == ".sqlite3"
            named = named or (
                candidate.name.startswith(f"{DB_FILENAME.split('.')[0]}.") and ".bak" in candidate.name
            )
            named = named or ".before-restore-" in candidate.name
            if named and candidate.is_file() and is_plain_sqlite(candidate):
                found.append(candidate)
    return found


def encrypt_plain_file(path: Path, key: bytes, extra_settings: dict[str, str] | None = None) -> None:
    """Replace a plain SQLite file by its encrypted copy (same tables, same rows), safely."""
    from sqlcipher3 import dbapi2 as sqlcipher

    partial = path.with_name(path.name + ".encrypting")
    for leftover in (partial, partial.with_name(partial.name + "-journal")):
        leftover.unlink(missing_ok=True)
    plain = sqlcipher.connect(str(path), isolation_level=None)
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        plain.execute(f"ATTACH DATABASE ? AS secret KEY {keyring.sqlcipher_key(key)}", (str(partial),))
        plain.execute("SELECT sqlcipher_export('secret')")
        version = plain.execute("PRAGMA main.user_version").fetchone()[0]
        plain.execute(f"PRAGMA secret.user_version = {int(version)}")
        tables = [r[0] for r in plain.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'")]
        for table in tables:
            if table.startswith(("sqlite_", "case_fts")):
                continue  # the search index (a virtual table) is not counted through ATTACH
            ours = plain.execute(f'SELECT count(*) FROM main."{table}"').fetchone()[0]
            theirs = plain.execute(f'SELECT count(*) FROM secret."{table}"').fetchone()[0]
            if ours != theirs:
                raise DatabaseError(
                    tr(
                        "加密转换时 {table} 表的行数不一致({ours} / {theirs}),原文件保持不变。",
                        table=table,
                        ours=ours,
                        theirs=theirs,
                    )
                )
        for name, value in (extra_settings or {}).items():
            plain.execute(
                "INSERT OR REPLACE INTO secret.setting (key, value) VALUES (?, ?)",
                (name, json.dumps(value, ensure_ascii=False)),
            )
        plain.execute("DETACH DATABASE secret")
    except BaseException:
        plain.close()
        partial.unlink(missing_ok=True)
        raise
    finally:
        plain.close()
    check = connect_file(partial, key=key)
    try:
        rows = [r[0] for r in check.execute("PRAGMA integrity_check").fetchall()]
    except DB_ERRORS as exc:
        raise DatabaseError(tr("加密转换后的文件无法打开:{error};原文件保持不变。", error=exc)) from exc
    finally:
        check.close()
    if rows != ["ok"]:
        raise DatabaseError(tr("加密转换后的文件未通过完整性检查:{rows};原文件保持不变。", rows=rows[:3]))
    fd = os.open(partial, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    os.replace(partial, path)
