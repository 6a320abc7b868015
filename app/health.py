"""`python -m app check`: is the data whole? Integrity, foreign keys, audit chain, signatures."""

from __future__ import annotations

from app import audit
from app.backup import integrity_problems
from app.office import Office
from app.paths import DB_FILENAME


def check(office: Office) -> list[str]:
    """Every finding, in words; an empty list means all is well."""
    findings = integrity_problems(office.data_dir / DB_FILENAME)
    findings += audit.chain_problems()
    findings += office.visits.broken_signatures()
    return findings
