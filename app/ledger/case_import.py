"""Importing the case ledger (案件台账): every row checked as the intake form checks it, then
written through `CaseService` (`create_many` for plain rows, a few hundred at a time; the
service's steps one by one for rows dispatched, in progress, merged or with a note), all in
one transaction. The rows are read and checked before it, outside the office's write lock.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from app import domain
from app.case_batch import DoneVisit, NewCase
from app.cases import CaseService, CheckedInput
from app.errors import UserError, ValidationError
from app.i18n import tr
from app.ledger.import_report import Cancelled, ImportCancelled, ImportReport, ImportRolledBack, Progress
from app.ledger.restore import Extras, parse_extras, restore
from app.ledger.row import Row
from app.ledger.rows import LedgerRow, check_problems, find_case, parse_rows, read_ledger_sheet
from app.ledger.sheet import IMPORT_SIGNER, PROGRESS_EVERY
from app.ledger.writing import write_rejected
from app.models import Case, Department, Staff, audit_head, db, tuple_rows
from app.permissions import acting, current_person, require
from app.policy import Policy, PolicyStore
from app.staff import StaffService
from app.validation import clean_text

if TYPE_CHECKING:  # the office imports the services; only the type is needed here
    from app.office import Office


def import_ledger(
    office: Office,
    path: Path,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    actor: Staff | None = None,
    mapping: dict[str, str] | None = None,
) -> ImportReport:
    """Read the case ledger at `path` into the office's cases; see the module docstring.

    `mapping` ({header as in the file: field or 不导入}) corrects the automatic one. The
    cases, their audit entries and `created_by` name `actor`, else the person acting."""
    actor = actor if actor is not None else current_person()
    require(actor, "ledger.import")
    with acting(actor) if actor is not None else contextlib.nullcontext():
        return _import_ledger(office, path, skip_invalid, progress, cancelled, actor, mapping)


def _import_ledger(
    office: Office,
    path: Path,
    skip_invalid: bool,
    progress: Progress | None,
    cancelled: Cancelled | None,
    actor: Staff | None,
    mapping: dict[str, str] | None,
) -> ImportReport:
    sheet = read_ledger_sheet(Path(path), mapping)
    service = office.cases
    total = len(sheet.rows)
    report = ImportReport()
    if progress:
        progress(0, total)
    bad: list[Row] = []
    now = office.clock.now()

    def read() -> tuple[str, Policy, dict[str, Staff], list[LedgerRow], Extras]:
        """Every row read and checked against the file as it is (its audit head with it)."""
        policy = service.policy().copy()
        departments = {d.name for d in Department.select(Department.name)}
        staff_by_name = {s.name: s for s in Staff.select()}
        parsed = parse_rows(sheet, policy, departments, now, {})
        return audit_head(), policy, staff_by_name, parsed, parse_extras(sheet, parsed, now)

    try:
        # The rows are read and checked outside the write lock (a clerk saving a case
        # meanwhile is not kept waiting for it), from one state of the file.
        with db.atomic():
            head, policy, staff_by_name, parsed, extras = read()
        # IMMEDIATE: take the write lock at once, so the ids handed out below stay ours. The
        # policy is read once for the whole write (the visit planner asks for it per case).
        with db.atomic("IMMEDIATE"), _PolicyReadOnce(office.policies) as policy_read_once:
            if audit_head() != head:  # something was saved meanwhile: read against it again
                _, policy, staff_by_name, parsed, extras = read()
            used_categories: list[str] = []
            added_departments: list[str] = []

            bulk = _BulkCases(office, policy, actor)

            def store(item: LedgerRow) -> None:
                if item.row.problems:
                    _try_check(service, item, policy)  # every problem of the row at once
                    bad.append(item.row)
                    return
                department = None
                try:
                    if bulk.fits(item):
                        department = bulk.add(item)
                    else:
                        bulk.flush()
                        with db.atomic():  # a savepoint: a row that fails leaves nothing behind
                            department = _store_case(office, item, policy, staff_by_name, actor)
                        bulk.stored_elsewhere(item)
                except ValidationError as exc:
                    check_problems(item.row, exc)
                    bad.append(item.row)
                    return
                except UserError as exc:
                    item.row.problem("", str(exc))
                    bad.append(item.row)
                    return
                report.imported += 1
                if item.new_category and item.new_category not in used_categories:
                    used_categories.append(item.new_category)
                if department:
                    added_departments.append(department)

            # Rows go in sheet order, so a fresh data folder hands out the same case numbers;
            # a merged case whose target comes later in the sheet waits until the end.
            deferred: list[LedgerRow] = []
            done = 0
            for item in parsed:
                if cancelled and done % 20 == 0 and cancelled():
                    raise ImportCancelled
                if item.state == domain.MERGED and not item.row.problems:
                    bulk.flush()  # the case it merges into may be waiting in the batch
                    if find_case(item.merge_into) is None:
                        deferred.append(item)
                        continue
                store(item)
                done += 1
                if progress and done % PROGRESS_EVERY == 0:
                    progress(done, total)
            bulk.flush()
            for item in deferred:
                store(item)
                done += 1
            bulk.flush()
            restore([i for i in parsed if i.case_id is not None], extras, staff_by_name, now, actor)
            if progress:
                progress(total, total)
            if cancelled and cancelled():
                raise ImportCancelled
            bad.sort(key=lambda r: r.number)
            report.problems = [m for r in bad for m in r.messages()] + extras.problems
            if (bad or extras.problems) and not skip_invalid:
                raise ImportRolledBack
            if used_categories:
                policy_read_once.end()  # the policy as stored, to add the new categories to
                saved = service.policy()
                saved.categories = saved.categories + used_categories
                office.policies.save(saved)
            report.added_categories = used_categories
            report.added_departments = added_departments
            if bad:
                report.rejected_file = write_rejected(Path(path), sheet, bad)
    except ImportCancelled:
        return ImportReport(cancelled=True)
    except ImportRolledBack:
        report.imported = 0
        report.added_categories = []
    return report


class _PolicyReadOnce:
    """While the import writes, the office's policy is read from the database once: every
    `policies.load()` on this thread gives that copy (the visit planner and the sampler ask
    for it for each resolved case, and nothing changes it meanwhile). Other threads (the
    window) read it as before. `end()` (or leaving the block) reads from the database again."""

    def __init__(self, store: PolicyStore) -> None:
        self.store = store
        self.thread = threading.get_ident()
        self.loaded: Policy | None = None

    def __enter__(self) -> _PolicyReadOnce:
        load = type(self.store).load.__get__(self.store)

        def once() -> Policy:
            if threading.get_ident() != self.thread:
                return load()
            if self.loaded is None:
                self.loaded = load()
            return self.loaded

        self.store.load = once  # type: ignore[method-assign]
        return self

    def end(self) -> None:
        self.store.__dict__.pop("load", None)

    def __exit__(self, *exc: object) -> None:
        self.end()


class _BulkCases:
    """The fast path for plain rows (new, resolved or closed cases): each row is checked as
    the service checks it (`CaseService.check`, its two look-ups per row done here from
    memory), then a few hundred at a time go to `CaseService.create_many`, which writes what
    `create`, `resolve` and `close` write. Rows with more to them (派工, 处理中, 合并, a note)
    go through the service's steps one by one (`_store_case`)."""

    BATCH = 500

    def __init__(self, office: Office, policy: Policy, actor: Staff | None) -> None:
        self.service = office.cases
        self.policy = policy
        self.actor = actor
        self.staff_by_name = {s.name: s for s in Staff.select()}
        refs = tuple_rows(Case.select(Case.ref).where(Case.ref.is_null(False)))
        self.refs: set[str] = {str(row[0]) for row in refs}
        self.departments = {d.name: d for d in Department.select()}
        self.buffer: list[tuple[LedgerRow, NewCase]] = []

    def fits(self, item: LedgerRow) -> bool:
        if item.state not in ("", domain.NEW, domain.RESOLVED, domain.CLOSED, domain.VOID):
            return False
        return not (item.result and item.resolved_at is None)  # a note goes through the service

    def stored_elsewhere(self, item: LedgerRow) -> None:
        """A row stored by the service: its ref and its department are taken now."""
        if item.inp.ref:
            self.refs.add(item.inp.ref)
        self.departments = {d.name: d for d in Department.select()}

    def add(self, item: LedgerRow) -> str | None:
        """Check one row and queue it; returns the name of a department it added."""
        inp = item.inp
        ref, dep_name = inp.ref, clean_text(inp.department)
        # The service's own checks, without its two look-ups per row (done here from memory).
        inp.ref, inp.department = None, ""
        try:
            if item.new_category:
                self.policy.add_category(item.new_category)
            checked = self.service.check(inp, self.policy)
        finally:
            inp.ref, inp.department = ref, dep_name
        if ref is not None and ref in self.refs:
            raise ValidationError({"编号": tr("编号“{ref}”已被另一件使用", ref=ref)})
        added = None
        if dep_name and dep_name not in self.departments:
            self.departments[dep_name] = _add_department(StaffService(), dep_name)
            added = dep_name
        if ref is not None:
            self.refs.add(ref)
        checked.values["ref"] = ref
        checked.department = self.departments[dep_name] if dep_name else None
        self.buffer.append((item, _new_case(item, checked, self.staff_by_name)))
        if len(self.buffer) >= self.BATCH:
            self.flush()
        return added

    def flush(self) -> None:
        if not self.buffer:
            return
        self.service.create_many([new for _, new in self.buffer], self.actor, self.policy)
        for item, new in self.buffer:
            item.case_id = new.case_id
        self.buffer.clear()


def _new_case(item: LedgerRow, checked: CheckedInput, staff_by_name: dict[str, Staff]) -> NewCase:
    """What `CaseService.create_many` writes for a row: the case, its 办结 and 关闭, its visit done."""
    done = None
    if item.visit is not None:
        v = item.visit
        done = DoneVisit(
            done_at=v["done_at"], method=v["method"], satisfaction=v["satisfaction"],
            visitor_name=v["visitor_name"], opinion=v["opinion"], reason=IMPORT_SIGNER,
            visitor=staff_by_name.get(v["visitor_name"]),
        )  # fmt: skip
    return NewCase(
        checked,
        number=item.number,
        resolved_at=item.resolved_at,
        result=item.result if item.resolved_at is not None else "",
        closed=item.resolved_at is not None and item.state == domain.CLOSED,
        plan_visit=item.visit is None and not item.visits_elsewhere and item.state != domain.VOID,
        done_visit=done,
    )


def _add_department(staff: StaffService, name: str) -> Department:
    try:
        return staff.add_department(name)
    except ValidationError as exc:
        raise ValidationError({"责任部门": next(iter(exc.problems.values()))}) from exc


def _try_check(service: CaseService, item: LedgerRow, policy: Policy) -> None:
    """Run the service's checks on a row already known bad, to list its other problems too."""
    row = item.row
    inp = item.inp
    if "受理时间" in row.problems:
        inp.received_at = None
    if "责任部门" in row.problems or item.new_department:
        inp.department = ""
    try:
        service.check(inp, policy)
    except ValidationError as exc:
        check_problems(row, exc)


def _store_case(
    office: Office,
    item: LedgerRow,
    policy: Policy,
    staff_by_name: dict[str, Staff],
    actor: Staff | None,
) -> str | None:
    """Create one row's case (inside the caller's savepoint) through the service: intake,
    handling, visit, merge. Returns the name of a department it had to add, if any."""
    service = office.cases
    added = None
    if item.new_department and not Department.select().where(Department.name == item.new_department).exists():
        _add_department(office.staff, item.new_department)
        added = item.new_department
    if item.new_category:
        policy.add_category(item.new_category)
    checked = service.check(item.inp, policy)
    new = _new_case(item, checked, staff_by_name)
    [case_id] = service.create_many([new], actor, policy)
    item.case_id = case_id
    case = service.get(case_id)
    if item.state in (domain.DISPATCHED, domain.IN_PROGRESS) and checked.department is not None:
        slip = service.dispatch(case, checked.department, actor)
        if item.state == domain.IN_PROGRESS:
            service.sign_for(slip, IMPORT_SIGNER, actor)
    if item.result and item.resolved_at is None:
        # A result while still open: kept as a progress note, not as the closing result.
        service.add_note(case, item.result, actor)
    if item.state == domain.MERGED:
        target = find_case(item.merge_into)
        if target is None:
            raise ValidationError({"并入": tr("找不到编号为“{number}”的案件", number=item.merge_into)})
        try:
            service.merge(case, target, actor)
        except UserError as exc:
            raise ValidationError({"并入": str(exc)}) from exc
    return added
