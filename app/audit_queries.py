"""What the windows read from the audit trail (审计记录): the administrator's list with its
filters and chain check, and one record's history (修改记录).

The windows are handed an `AuditQueries` and never query the trail themselves. Each call
checks the acting person (given, else the one logged in) and reads inside its own
transaction, so a page of entries and the names read with it come from one state of the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from app import audit
from app.audit import AuditFilter
from app.clock import Clock, SystemClock
from app.models import AuditEntry, Staff, db
from app.permissions import require


@dataclass(frozen=True)
class ChainCheck:
    """How a chain check ended: its findings (none: the chain is whole), how many entries it
    went through of how many, and whether it was stopped (取消) before the end."""

    problems: list[str]
    checked: int
    total: int
    stopped: bool = False
    # Checked from a verified point (None: the whole trail): what lay before it was found whole
    # by the check that recorded it.
    since: audit.Verified | None = None


class _Stop(Exception):
    """Raised from the chain check's progress when the person cancelled."""


class AuditQueries:
    """Reads of the audit trail for the windows."""

    def __init__(self, clock: Clock | None = None) -> None:
        self.clock = clock or SystemClock()

    def today(self) -> dt.date:
        """The office's today (the window's date filter starts from it)."""
        return self.clock.now().date()

    def tables(self, actor: Staff | None = None) -> list[str]:
        """The kinds of record the trail holds entries about (案件, 业主, 回访 …), as stored."""
        require(actor, "audit.view")
        with db.atomic():
            return sorted(r.table for r in AuditEntry.select(AuditEntry.table).distinct())

    def actors(self, actor: Staff | None = None) -> list[str]:
        """Every name the trail records someone acting under, in order: one step of the actor
        index per name (a DISTINCT would read millions of entries to find a dozen names)."""
        require(actor, "audit.view")
        table = AuditEntry._meta.table_name
        with db.atomic():
            rows = db.execute_sql(
                f'WITH RECURSIVE names(name) AS (SELECT MIN(actor) FROM "{table}" UNION ALL '
                f'SELECT (SELECT MIN(actor) FROM "{table}" WHERE actor > names.name) FROM names '
                "WHERE names.name IS NOT NULL) SELECT name FROM names WHERE name IS NOT NULL"
            ).fetchall()
            return [str(name) for (name,) in rows]

    def count(self, actor: Staff | None = None) -> int:
        require(actor, "audit.view")
        with db.atomic():
            return int(AuditEntry.select().count())

    def entries(
        self,
        f: AuditFilter,
        limit: int = 500,
        offset: int = 0,
        actor: Staff | None = None,
        before_id: int | None = None,
    ) -> list[AuditEntry]:
        """A page of the trail the filter finds, newest first; `before_id`: the page after the
        one whose last entry had that id."""
        require(actor, "audit.view")
        with db.atomic():
            return audit.entries(f, limit=limit, offset=offset, before_id=before_id)

    def chain_problems(self, actor: Staff | None = None) -> list[str]:
        """Where the trail's hash chain is broken (an entry changed, removed or inserted)."""
        require(actor, "audit.view")
        with db.atomic():
            return audit.chain_problems()

    def verified_point(self, actor: Staff | None = None) -> audit.Verified | None:
        """Where the last check that found the trail whole ended (None: never, or its seal broken)."""
        require(actor, "audit.view")
        with db.atomic():
            return audit.verified_point()

    def chain_check(
        self,
        progress: Callable[[int, int, str], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        actor: Staff | None = None,
        full: bool = False,
    ) -> ChainCheck:
        """The chain check for a window's thread of work: `progress(checked, total, what)` as it
        goes; when `cancelled()` turns true it stops at the next step and says how far it got.

        From the last verified point unless `full` (or there is none): only the entries written
        since are hashed. A check that finds nothing records its end as the next point."""
        require(actor, "audit.view")
        seen = [0, 0]

        def step(done: int, total: int, what: str) -> None:
            seen[:] = [done, total]
            if cancelled is not None and cancelled():
                raise _Stop
            if progress is not None:
                progress(done, total, what)

        try:
            with db.atomic():  # one state of the file, its count with it
                since = None if full else audit.verified_point()
                result = audit.check_chain(step, since)
        except _Stop:
            return ChainCheck([], seen[0], seen[1], stopped=True)
        if not result.problems:
            with db.atomic():
                audit.record_verified(result, self.clock.now())
        return ChainCheck(result.problems, seen[0], seen[1], since=since)

    def history(self, table: str, record_id: int) -> list[AuditEntry]:
        """Everything that happened to one record, oldest first. Whoever may open the record
        may read its history (the window that offers it has checked that)."""
        with db.atomic():
            return audit.history(table, record_id)

    def reader(self) -> audit.Reader:
        """Turns entries into words (names for ids, 是/否 …); one per page shown."""
        return audit.Reader()
