"""Setting up an office (the first-run wizard's writes): departments, staff, the visit
preset and the backup folder, each page in one transaction, plus what is on file so far.

Rooms are made by `app.setup_rooms` and the owners list is imported by `app.ledger`; the office
itself and its first administrator by `Office.initialise`. The wizard (ui/first_run/) collects
the fields and calls these; nothing here knows of widgets.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import UserError, ValidationError
from app.i18n import term, tr
from app.models import Department, Owner, Room, Staff, db
from app.policy import PolicyStore
from app.staff import StaffService
from app.visit_policy import presets


@dataclass(frozen=True)
class OnFile:
    rooms: int
    owners: int


@dataclass
class StaffEntry:
    """One row of the wizard's staff table, as typed."""

    name: str
    role: str
    department_id: int | None
    buildings: str
    username: str
    password: str | None
    existing: Staff | None = None  # saved when the page was left before: updated, not added
    # Found by the form before saving (a login without a password …): the row is not written
    # and the whole page is undone, as for a reason `StaffService.save_staff` gives.
    problems: dict[str, str] = field(default_factory=dict)


class StaffRowsRefused(UserError):
    """Some rows of the staff table were refused; nothing of the page was saved.
    `rows`: row index (0-based) -> field -> reason."""

    def __init__(self, rows: dict[int, dict[str, str]]) -> None:
        self.rows = rows
        super().__init__(
            tr(";").join(
                tr("第 {row} 行 {field}:{reason}", row=n + 1, field=term(k), reason=v)
                for n, problems in rows.items()
                for k, v in problems.items()
            )
        )


def same_disk(folder: Path, data_dir: Path) -> bool | None:
    """Whether `folder` lies on the disk of `data_dir`; None where it cannot be told."""
    probe = folder
    while not probe.exists():
        if probe.parent == probe:
            return None
        probe = probe.parent
    try:
        return os.stat(probe).st_dev == os.stat(data_dir).st_dev
    except OSError:
        return None


class SetupService:
    """The first-run wizard's writes, each in one transaction (refused: nothing written)."""

    def __init__(self, policies: PolicyStore, staff: StaffService) -> None:
        self.policies = policies
        self.staff = staff

    # What is on file -----------------------------------------------------------------------
    def on_file(self) -> OnFile:
        return OnFile(rooms=Room.select().count(), owners=Owner.select().count())

    # 部门 ------------------------------------------------------------------------------------
    def save_departments(self, entries: list[tuple[int | None, str]]) -> list[int]:
        """The departments as listed, in order: (record id or None for a new one, name).

        An active department not listed is made inactive (the record stays for the history);
        a new name that is an inactive department brings that one back. Returns each entry's
        record id; on a ValidationError nothing is written."""
        kept = {dep_id for dep_id, _ in entries}
        ids: list[int] = []
        with db.atomic():
            for dep in self.staff.departments():
                if dep.id not in kept:
                    self.staff.set_department_active(dep, False)
            for dep_id, name in entries:
                if dep_id is not None:
                    dep = Department.get_by_id(dep_id)
                    if dep.name != name:
                        self.staff.rename_department(dep, name)
                    ids.append(dep.id)
                    continue
                old = Department.get_or_none(Department.name == name, Department.active == False)  # noqa: E712
                if old is not None:
                    self.staff.set_department_active(old, True)
                ids.append((old or self.staff.add_department(name)).id)
        return ids

    # 人员 ------------------------------------------------------------------------------------
    def save_staff(self, entries: list[StaffEntry], removed: list[Staff]) -> dict[int, Staff]:
        """Every row in one transaction, `removed` made inactive; row index -> the person saved.

        Every row is tried, so each refusal is named at once; if any row is refused the whole
        page is undone and StaffRowsRefused names them."""
        problems: dict[int, dict[str, str]] = {}
        saved: dict[int, Staff] = {}
        with db.atomic() as transaction:
            for person in removed:
                self.staff.set_active(person, False)
            for index, entry in enumerate(entries):
                if entry.problems:
                    problems[index] = dict(entry.problems)
                    continue
                try:
                    saved[index] = self.staff.save_staff(
                        name=entry.name,
                        role=entry.role,
                        department=Department.get_by_id(entry.department_id) if entry.department_id else None,
                        buildings=entry.buildings,
                        username=entry.username,
                        password=entry.password or None,
                        existing=entry.existing,
                    )
                except ValidationError as exc:
                    problems[index] = exc.problems
            if problems:
                transaction.rollback()
        if problems:
            raise StaffRowsRefused(problems)
        return saved

    # 回访制度 --------------------------------------------------------------------------------
    def visit_preset(self) -> str:
        """The name of the visit preset in force ('' once the rules were edited one by one)."""
        return self.policies.load().visits.preset

    def choose_visit_preset(self, name: str) -> bool:
        """Take the named preset's rules (the general numbers, rework notice…, stay as they
        are); False when they were in force already (nothing written)."""
        chosen = presets()[name]
        policy = self.policies.copy()
        if policy.visits.preset == name and policy.visits.rules == chosen.rules:
            return False
        policy.visits.rules = copy.deepcopy(chosen.rules)
        policy.visits.preset = name
        self.policies.save(policy)
        return True

    # 备份 ------------------------------------------------------------------------------------
    def backup_folder(self) -> str:
        """The chosen backup folder as stored ('' = the data folder's backups)."""
        return self.policies.load().backup.folder

    def set_backup_folder(self, folder: str) -> bool:
        """Store the backup folder ('' = the default); False when it was so already."""
        policy = self.policies.copy()
        if policy.backup.folder == folder:
            return False
        policy.backup.folder = folder
        self.policies.save(policy)
        return True
