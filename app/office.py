"""One office's data folder, opened: the database and the services built on it.

Everything reaches the services through an `Office`; windows are handed the services
they need, never the Office as a global.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from app.backup import BackupService
from app.case_query import CaseQuery
from app.cases import CaseService
from app.clock import Clock, SystemClock
from app.db import close_database, open_database
from app.drafts import DraftStore
from app.errors import ValidationError
from app.forms import FormLedger
from app.models import Department, ReportArchive, Setting, Staff, db
from app.nightlog import NightLogService
from app.owners import OwnerService
from app.paths import DB_FILENAME
from app.policy import PolicyStore
from app.staff import StaffService, check_password_strength
from app.stats import Comparison, Period, Statistics, period_key
from app.validation import clean_text
from app.visits import VisitService


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

    @classmethod
    def open(cls, data_dir: Path, clock: Clock | None = None) -> Office:
        clock = clock or SystemClock()
        data_dir.mkdir(parents=True, exist_ok=True)
        open_database(data_dir / DB_FILENAME)
        policies = PolicyStore()
        cases = CaseService(clock, policies)
        staff = StaffService(clock, policies)
        return cls(
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
        )

    def close(self) -> None:
        close_database()

    def statistics(self) -> Statistics:
        return Statistics(self.policies.load(), self.clock.now().date())

    def save_measures(
        self, period: Period, measures: str, pdf: bytes | None = None, actor: Staff | None = None
    ) -> None:
        """The manager's improvement measures for a period; with the PDF, the period is archived."""
        key = period_key(period)
        with db.atomic():
            row, _ = ReportArchive.get_or_create(period=key)
            row.measures = clean_text(measures)
            if pdf is not None:
                row.pdf = pdf
                row.archived_at = self.clock.now()
                row.archived_by = actor.name if actor else ""
            row.save()

    def quarterly(self, period: Period) -> Comparison:
        """The period's figures beside the previous period's, with the archived measures text."""
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
            problems["服务中心名称"] = "必须填写"
        elif len(office_name) > 60:
            problems["服务中心名称"] = "最多 60 字"
        if not admin_username:
            problems["管理员登录名"] = "必须填写"
        if reason := check_password_strength(password):
            problems["密码"] = reason
        if self.is_initialised():
            problems["数据文件夹"] = f"{self.data_dir} 已初始化过(服务中心:{self.name})"
        if problems:
            raise ValidationError(problems)
        with db.atomic():
            self.set_setting("office_name", office_name)
            for name in self.policies.load().data.get("departments", []):
                if not Department.select().where(Department.name == name).exists():
                    self.staff.add_department(name)
            return self.staff.save_staff(
                name=clean_text(admin_name) or admin_username,
                role="admin",
                username=admin_username,
                password=password,
            )
