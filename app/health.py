"""`python -m huiyin check`: is the data whole? Integrity, foreign keys, the keyed audit chain, the
signatures' seals, and the data compared with the trail."""

from __future__ import annotations

import logging

import peewee as pw

from app import audit
from app.backup import integrity_problems
from app.db import DB_ERRORS
from app.i18n import tr
from app.office import Office
from app.paths import DB_FILENAME
from app.visits import VisitService

log = logging.getLogger(__name__)
_READ_ERRORS: tuple[type[Exception], ...] = (pw.DatabaseError, *DB_ERRORS)


def check(office: Office) -> list[str]:
    """Every finding, in words; an empty list means all is well."""
    findings = integrity_problems(office.data_dir / DB_FILENAME)
    if any(not finding.startswith(tr("外键不符")) for finding in findings):  # as app/backup.py words it
        # A damaged file: reading it row by row gives errors, not findings (SQLite may even run
        # out of memory on the damaged pages); the advice is the same.
        return [*findings, tr("数据文件已损坏,未能逐条核对审计记录、签名和数据。请从最近的好备份恢复。")]
    return findings + content_problems(office.visits)


def content_problems(visits: VisitService) -> list[str]:
    """The findings on the rows of the database `db` is bound to: the keyed audit chain, the
    signatures' seals, and the data compared with the trail (every audited record's values
    are what its last entries say). Backups run this on the data they copy and restore on the
    file it puts in place, so a check added here is made there too."""
    findings: list[str] = []
    for part in (audit.chain_problems, visits.broken_signatures, audit.trail_problems):
        try:
            findings += part()
        except _READ_ERRORS as exc:  # a damaged file: some rows cannot be read
            log.warning("check: %s could not read the data: %s", part.__name__, exc)
            findings.append(
                tr("数据文件已损坏,有的记录读不出来,无法逐条核对审计记录、签名和数据。请从最近的好备份恢复。")
            )
            break
    return findings
